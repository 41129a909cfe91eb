package report

import (
	"fmt"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/night"
)

// flareUps is the night-time flare-ups: each with its clock time, so a
// clinician sees when in the night they come, how many fell in each hour,
// and what the person reported of the measures they tried. Nothing when
// the period has none.
func flareUps(t *tally, set night.Settings) []block {
	var rows [][]string
	var byHour [24]int
	nights := 0
	for _, r := range t.recs {
		if len(r.Events) > 0 {
			nights++
		}
		for _, e := range r.Events {
			byHour[e.At.Hour()]++
			rows = append(rows, eventRow(r.Night, e))
		}
	}
	if len(rows) == 0 {
		return nil
	}
	bl := []block{heading("Night-time flare-ups"),
		para(fmt.Sprintf("%s recorded in the night, on %s of %d. Severity is the person's own 0-10 rating "+
			"before and after trying something, not a clinical score; times are local.",
			plural(len(rows), "flare-up", "flare-ups"), plural(nights, "night", "nights"), len(t.nights))),
		table{head: []string{"Night", "Time", "Severity", "Tried", "After", "Helped"},
			right: []bool{false, false, true, false, true, false}, rows: rows},
	}
	var hours [][]string
	// From the evening round to the morning, as a night goes.
	for i := range 24 {
		h := (i + 18) % 24
		if byHour[h] > 0 {
			hours = append(hours, []string{fmt.Sprintf("%02d:00-%02d:59", h, h), fmt.Sprint(byHour[h])})
		}
	}
	bl = append(bl, para("By the hour they began:"),
		table{head: []string{"Hour", "Flare-ups"}, right: []bool{false, true}, rows: hours})
	rel := insight.Reliefs(t.recs, set)
	if len(rel) == 0 {
		return append(bl, para(fmt.Sprintf("No measure was tried %d times or more, so none is summarised.", insight.MinTries)))
	}
	var what bullets
	for _, rl := range rel {
		what = append(what, rl.Sentence())
	}
	return append(bl, para("What the person reported of each measure tried at least "+
		fmt.Sprint(insight.MinTries)+" times (their own answers, not a test of what works):"), what)
}

func eventRow(date string, e night.Event) []string {
	after := "–"
	if e.SeverityAfter != nil {
		after = fmt.Sprint(*e.SeverityAfter)
	}
	helped := "–"
	if e.Helped != "" {
		helped = e.Helped.Label()
	}
	triedText := e.TriedText()
	if triedText == "" {
		triedText = "nothing"
	}
	return []string{date, e.At.Format("15:04"), fmt.Sprint(e.Severity), triedText, after, helped}
}
