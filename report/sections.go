package report

import (
	"bufio"
	"fmt"
	"strings"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/night"
)

func writeOnset(b *bufio.Writer, t *tally) {
	fmt.Fprint(b, "## When symptoms started\n\n")
	if t.checkins == 0 {
		fmt.Fprint(b, "No morning check-ins in this period.\n\n")
		return
	}
	fmt.Fprintf(b, "As answered in the morning, over %s with a check-in.\n\n", plural(t.checkins, "night", "nights"))
	fmt.Fprint(b, "| Symptoms started | Nights | % |\n|---|---:|---:|\n")
	known := 0
	for _, o := range night.Onsets {
		k := t.onset[o]
		known += k
		fmt.Fprintf(b, "| %s | %d | %s |\n", o.Label(), k, pct(k, t.checkins))
	}
	// Records made by hand or by an old version may lack an answer.
	if k := t.checkins - known; k > 0 {
		fmt.Fprintf(b, "| not answered | %d | %s |\n", k, pct(k, t.checkins))
	}
	fmt.Fprint(b, "\n")
}

func writeChecklist(b *bufio.Writer, t *tally, set night.Settings) {
	fmt.Fprint(b, "## Evening checklist\n\n")
	if t.evenings == 0 {
		fmt.Fprint(b, "No evening logs in this period.\n\n")
		return
	}
	items := t.checklist(set)
	if len(items) == 0 {
		fmt.Fprint(b, "The checklist is empty and no items were logged.\n\n")
		return
	}
	fmt.Fprintf(b, "How often each item was ticked, over %s with an evening log. "+
		"The id is what the table of nights shows.\n\n", plural(t.evenings, "night", "nights"))
	fmt.Fprint(b, "| Item | Id | Nights | % |\n|---|---|---:|---:|\n")
	for _, it := range items {
		label := esc(it.label)
		if it.removed {
			label = "(no longer on the checklist)"
		}
		fmt.Fprintf(b, "| %s | %s | %d | %s |\n", label, esc(it.id), it.nights, pct(it.nights, t.evenings))
	}
	fmt.Fprint(b, "\n")
}

func writeInsights(b *bufio.Writer, t *tally, set night.Settings) {
	fmt.Fprint(b, "## Insights\n\n")
	res := insight.Compute(t.recs, set)
	n := 0
	for _, c := range res.Comparisons {
		if c.Holds {
			fmt.Fprintf(b, "- %s\n", escLead(c.Sentence()))
			n++
		}
	}
	if n == 0 {
		fmt.Fprintf(b, "No comparison holds after allowing for %s.\n", plural(res.Tested, "comparison", "comparisons"))
	}
	fmt.Fprintf(b, "\n%s\n\n", esc(insight.Caveat(res.Tested)))
}

func writeNights(b *bufio.Writer, t *tally) {
	fmt.Fprint(b, "## Every night\n\n")
	fmt.Fprint(b, "Steps: steps done of the routine's steps. Into bed and out of bed are local times. "+
		"SE in %. Quality 1-5. Legs eve: \"legs right now\" in the evening log; "+
		"legs night: severity overnight, rated the next morning (both 0-10). "+
		"Checklist: item ids. "+none+": not recorded.\n\n")
	fmt.Fprint(b, "| Night | Routine | Steps | Into bed | Out of bed | TIB | TST | SE % | Quality "+
		"| Legs eve | Legs night | Onset | Checklist | Note |\n")
	fmt.Fprint(b, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---|\n")
	for _, s := range t.nights {
		row := [14]string{s.date.Format("Mon 2006-01-02")}
		for i := 1; i < len(row); i++ {
			row[i] = none
		}
		if r := s.rec; r != nil {
			t.fill(&row, r)
		}
		fmt.Fprintf(b, "| %s |\n", strings.Join(row[:], " | "))
	}
	fmt.Fprint(b, "\n")
}

// fill puts what r holds into the cells of its row of the table of nights.
func (t *tally) fill(row *[14]string, r *night.Record) {
	if run := r.MainRun(); run != nil {
		row[1], row[2] = statusWord(run.Status), t.steps(run)
	}
	var notes []string
	if e := r.Evening; e != nil {
		if e.Symptoms != nil {
			row[9] = fmt.Sprint(*e.Symptoms)
		}
		if len(e.Tags) > 0 {
			row[12] = esc(strings.Join(e.Tags, ", "))
		}
		if n := oneLine(e.Note); n != "" {
			notes = append(notes, n)
		}
	}
	if c := r.Checkin; c != nil {
		f := c.Figures()
		row[3], row[4] = c.InBed.Format("15:04"), c.OutOfBed.Format("15:04")
		row[5], row[6], row[7] = night.FormatMinutes(f.TIB), night.FormatMinutes(f.TST), sleepEff(f.TST, f.TIB)
		row[8], row[10] = fmt.Sprint(c.Quality), fmt.Sprint(c.RLSSeverity)
		row[11] = cell(c.Onset.Label())
		if n := oneLine(c.Notes); n != "" {
			notes = append(notes, n)
		}
	}
	if len(notes) > 0 {
		row[13] = esc(clip(strings.Join(notes, " / "), noteMax))
	}
}
