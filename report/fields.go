package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// maxLabs is how many of the latest iron results the report shows.
const maxLabs = 5

// hasLegItems reports whether a check-in holds any optional leg item.
func hasLegItems(c *night.Checkin) bool {
	return c != nil && (!c.OnsetAt.IsZero() || c.Side != "" || c.Arms != nil || c.Worst != nil || c.LastedMin != nil || c.Partner != "")
}

// legTable lists the optional leg items night by night, when any night
// has one: each as answered, "—" when not.
func legTable(t *tally) []block {
	any := false
	for _, s := range t.nights {
		any = any || (s.rec != nil && hasLegItems(s.rec.Checkin))
	}
	if !any {
		return nil
	}
	head := []string{"Night", "Symptoms started", "Onset time", "Side", "Arms or elsewhere", "Legs", "Worst moment", "Lasted", "Bed partner noticed jerks"}
	var rows [][]string
	for _, s := range t.nights {
		row := []string{s.date.Format("Mon 2 Jan"), none, none, none, none, none, none, none, none}
		if s.rec != nil && s.rec.Checkin != nil {
			c := s.rec.Checkin
			row[1], row[5] = cell(c.Onset.Label()), fmt.Sprint(c.RLSSeverity)
			if !c.OnsetAt.IsZero() {
				row[2] = c.OnsetAt.Format("15:04")
			}
			if c.Side != "" {
				row[3] = c.Side.Label()
			}
			if c.Arms != nil {
				row[4] = map[bool]string{true: "yes", false: "no"}[*c.Arms]
			}
			if c.Worst != nil {
				row[6] = fmt.Sprint(*c.Worst)
			}
			if c.LastedMin != nil {
				row[7] = night.FormatMinutes(*c.LastedMin)
			}
			if c.Partner != "" {
				row[8] = c.Partner.Label()
			}
		}
		rows = append(rows, row)
	}
	return []block{
		heading("Legs, night by night"),
		para("The person's own answers, where given; not a clinical score. Onset time is the local clock time symptoms started. " +
			none + ": not answered."),
		table{class: "nights", head: head, right: []bool{false, false, true, false, false, true, true, true, false}, rows: rows},
	}
}

// onsetWeeks shows, week by week, the onset clock times answered and how
// many nights had arms or other body parts involved: as recorded, with
// no label and no reading of them.
func onsetWeeks(t *tally) []block {
	type week struct {
		start             time.Time
		times             []string
		armsYes, armsSaid int
	}
	var ws []*week
	for i, s := range t.nights {
		if i%7 == 0 {
			ws = append(ws, &week{start: s.date})
		}
		w := ws[len(ws)-1]
		if s.rec == nil || s.rec.Checkin == nil {
			continue
		}
		c := s.rec.Checkin
		if !c.OnsetAt.IsZero() {
			w.times = append(w.times, c.OnsetAt.Format("15:04"))
		}
		if c.Arms != nil {
			w.armsSaid++
			if *c.Arms {
				w.armsYes++
			}
		}
	}
	var rows [][]string
	shown := false
	for _, w := range ws {
		times := none
		if len(w.times) > 0 {
			times = strings.Join(w.times, ", ")
		}
		arms := none
		if w.armsSaid > 0 {
			arms = fmt.Sprintf("%d of %d", w.armsYes, w.armsSaid)
		}
		shown = shown || len(w.times) > 0 || w.armsSaid > 0
		rows = append(rows, []string{"From " + w.start.Format("Mon 2 Jan"), times, arms})
	}
	if !shown {
		return nil
	}
	return []block{
		heading("Onset time and arms, week by week"),
		para("Onset times in the order of the nights; arms: nights answered yes, of the nights the question was answered."),
		table{head: []string{"Week", "Onset times", "Arms or elsewhere involved"}, right: []bool{false, false, true}, rows: rows},
	}
}

// medicines lists what was recorded as taken, night by night, in the
// person's own words: what, how much, when. Nothing is compared or judged.
func medicines(t *tally) []block {
	var rows [][]string
	for _, s := range t.nights {
		if s.rec == nil {
			continue
		}
		for _, d := range s.rec.Taken {
			amount := none
			if d.Amount != "" {
				amount = cell(d.Amount)
			}
			rows = append(rows, []string{s.date.Format("Mon 2 Jan"), d.At.Format("15:04"), cell(d.Name), amount})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return []block{
		heading("Medicines and supplements taken"),
		para("As the person recorded them, in their own words, with the local time taken. quietlegs does not suggest, compare or judge any medicine or dose."),
		table{head: []string{"Night", "Time", "Name", "Amount"}, right: []bool{false, true, false, false}, rows: rows},
	}
}

// labResults lists the latest iron results up to the period's end (to,
// YYYY-MM-DD) and their dates, as given: no target values, no
// interpretation.
func labResults(all []night.Lab, to string) []block {
	var labs []night.Lab
	for _, l := range all {
		if l.Date <= to {
			labs = append(labs, l)
		}
	}
	if len(labs) == 0 {
		return nil
	}
	if len(labs) > maxLabs {
		labs = labs[len(labs)-maxLabs:]
	}
	num := func(v *float64) string {
		if v == nil {
			return none
		}
		return strconv.FormatFloat(*v, 'f', -1, 64)
	}
	var rows [][]string
	for i := len(labs) - 1; i >= 0; i-- {
		l := labs[i]
		d, _ := time.Parse(night.Layout, l.Date)
		note := none
		if n := oneLine(l.Note); n != "" {
			note = cell(clip(n, noteMax))
		}
		rows = append(rows, []string{dayYear(d), num(l.Ferritin), num(l.TSAT), note})
	}
	return []block{
		heading("Iron results"),
		para(fmt.Sprintf("The latest %s as the person entered them, newest first. Shown as given, with no target values and no interpretation.",
			plural(len(labs), "result", "results"))),
		table{head: []string{"Date", "Ferritin (µg/L)", "Transferrin saturation (%)", "Note"}, right: []bool{false, true, true, false}, rows: rows},
	}
}

// roomCells are the evening's room items for the evenings table: the
// temperature in unit and the bedding's label; "" when none was said.
func roomCells(e *night.Evening, set night.Settings) (temp, bedding string) {
	if e == nil {
		return "", ""
	}
	if e.RoomTempC != nil {
		temp = night.FormatTemp(*e.RoomTempC, set.TempUnit)
	}
	if e.Bedding != "" {
		bedding = cell(set.BeddingLabel(e.Bedding))
	}
	return temp, bedding
}
