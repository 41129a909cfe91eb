package report

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// legsNote is said once, near the top: what the leg items are and are not.
const legsNote = "The leg items are the person's own 0-10 ratings in quietlegs " +
	"(overnight, rated the next morning; and \"legs right now\" in the evening), not a clinical score: " +
	"not the IRLS, not the RLS-6, and not comparable with either."

func header(t *tally, from, to, now time.Time) []block {
	n := len(t.nights)
	bl := []block{para(span(from, to, n) + ".")}
	if !now.IsZero() {
		bl = append(bl, para(fmt.Sprintf("Made on %s at %s. A night runs from the evening to the next morning's check-in.",
			dayYear(now), now.Format("15:04"))))
	}
	return append(bl, bullets{
		fmt.Sprintf("Nights with any record: %d of %d", t.anyRecord, n),
		fmt.Sprintf("Nights with a morning check-in (sleep diary): %d", t.checkins),
		fmt.Sprintf("Nights with an evening log: %d", t.evenings),
		fmt.Sprintf("Nights with a routine run: %d", t.withRun),
	}, para(legsNote))
}

// stat is a sample's size, mean, sample SD and range.
type stat struct {
	n                   int
	mean, sd, low, high float64
}

func stats(xs []float64) stat {
	s := stat{n: len(xs)}
	if s.n == 0 {
		return s
	}
	s.low, s.high = xs[0], xs[0]
	for _, x := range xs {
		s.mean += x
		s.low, s.high = math.Min(s.low, x), math.Max(s.high, x)
	}
	s.mean /= float64(s.n)
	if s.n > 1 {
		for _, x := range xs {
			s.sd += (x - s.mean) * (x - s.mean)
		}
		s.sd = math.Sqrt(s.sd / float64(s.n-1))
	}
	return s
}

// row formats a stat with show for its values: mean, SD, range.
func (s stat) row(name string, show func(float64) string) []string {
	if s.n == 0 {
		return []string{name, "0", none, none, none}
	}
	sd := none
	if s.n > 1 {
		sd = show(s.sd)
	}
	return []string{name, fmt.Sprint(s.n), show(s.mean), sd, show(s.low) + " to " + show(s.high)}
}

func minutes(v float64) string { return night.FormatMinutes(int(math.Round(v))) }

// clockOf is a clock time as minutes after the noon of the night's date,
// so that 23:30 and 00:30 average to midnight, not noon.
func clockOf(date, at time.Time) float64 {
	y, m, d := at.Date()
	days := time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(date).Hours() / 24
	return math.Round(days)*1440 + float64(at.Hour()*60+at.Minute()) - 720
}

// clock shows minutes after noon as a clock time.
func clock(v float64) string {
	m := (int(math.Round(v))+720)%1440 + 1440
	return night.Clock(m % 1440).String()
}

// perNight collects a figure of every night with a check-in.
func (t *tally) perNight(f func(date time.Time, c *night.Checkin) (float64, bool)) []float64 {
	var out []float64
	for _, s := range t.nights {
		if s.rec == nil || s.rec.Checkin == nil {
			continue
		}
		if v, ok := f(s.date, s.rec.Checkin); ok {
			out = append(out, v)
		}
	}
	return out
}

func summary(t *tally) []block {
	bl := []block{heading("Summary")}
	if t.checkins == 0 {
		return append(bl, para("No morning check-ins in this period."))
	}
	fig := func(f func(night.Figures) float64) []float64 {
		return t.perNight(func(_ time.Time, c *night.Checkin) (float64, bool) { return f(c.Figures()), true })
	}
	item := func(f func(*night.Checkin) int) []float64 {
		return t.perNight(func(_ time.Time, c *night.Checkin) (float64, bool) { return float64(f(c)), true })
	}
	sev := item(func(c *night.Checkin) int { return c.RLSSeverity })
	withSym := 0
	for _, v := range sev {
		if v > 0 {
			withSym++
		}
	}
	var eve []float64
	for _, s := range t.nights {
		if s.rec != nil && s.rec.Evening != nil && s.rec.Evening.Symptoms != nil {
			eve = append(eve, float64(*s.rec.Evening.Symptoms))
		}
	}
	se := t.perNight(func(_ time.Time, c *night.Checkin) (float64, bool) {
		f := c.Figures()
		return float64(f.TST) / float64(f.TIB) * 100, f.TIB > 0
	})
	bed := t.perNight(func(d time.Time, c *night.Checkin) (float64, bool) { return clockOf(d, c.InBed), true })
	wake := t.perNight(func(d time.Time, c *night.Checkin) (float64, bool) { return clockOf(d, c.FinalWake), true })
	up := t.perNight(func(d time.Time, c *night.Checkin) (float64, bool) { return clockOf(d, c.OutOfBed), true })
	one := func(v float64) string { return fixed1(v) }
	pctv := func(v float64) string { return fixed1(v) + " %" }
	rows := [][]string{
		stats(sev).row("Legs overnight, rated the next morning (0-10)", one),
		stats(eve).row("Legs in the evening, \"right now\" (0-10)", one),
		stats(fig(func(f night.Figures) float64 { return float64(f.TIB) })).row("Time in bed (TIB)", minutes),
		stats(fig(func(f night.Figures) float64 { return float64(f.TST) })).row("Total sleep time (TST)", minutes),
		stats(se).row("Sleep efficiency (SE)", pctv),
		stats(item(func(c *night.Checkin) int { return c.LatencyMin })).row("Time to fall asleep", minutes),
		stats(item(func(c *night.Checkin) int { return c.Awakenings })).row("Awakenings, not counting the last", one),
		stats(item(func(c *night.Checkin) int { return c.AwakeMin })).row("Time awake in those awakenings", minutes),
		stats(item(func(c *night.Checkin) int { return c.Quality })).row("Sleep quality (1 very poor to 5 very good)", one),
		stats(item(func(c *night.Checkin) int { return c.Rested })).row("Rested (1 not at all to 5 very well-rested)", one),
		stats(item(func(c *night.Checkin) int { return c.GotUp })).row("Times got up because of the legs", one),
		stats(bed).row("Into bed (clock time)", clock),
		stats(wake).row("Final awakening (clock time)", clock),
		stats(up).row("Out of bed (clock time)", clock),
	}
	// A clock time's SD is a length of time, not a time of day.
	for _, i := range []int{11, 12, 13} {
		var xs []float64
		switch i {
		case 11:
			xs = bed
		case 12:
			xs = wake
		default:
			xs = up
		}
		if s := stats(xs); s.n > 1 {
			rows[i][3] = minutes(s.sd)
		}
	}
	bl = append(bl,
		para(fmt.Sprintf("Leg symptoms overnight (rated above 0) on %d of %s with a check-in.",
			withSym, plural(t.checkins, "night", "nights"))),
		table{head: []string{"Item", "Nights", "Mean", "SD", "Range"}, right: []bool{false, true, true, true, true}, rows: rows},
		para(fmt.Sprintf("Regularity: bedtime (into bed) varied by %s and wake time (final awakening) by %s "+
			"(standard deviations over the nights with a check-in).", sdText(bed), sdText(wake))),
	)
	return bl
}

func sdText(xs []float64) string {
	s := stats(xs)
	if s.n < 2 {
		return none
	}
	return minutes(s.sd)
}

// weeks is a row a calendar week (Monday to Sunday) of the period.
func weeks(t *tally) []block {
	if t.checkins == 0 && t.withRun == 0 {
		return nil
	}
	var rows [][]string
	for i := 0; i < len(t.nights); {
		start := i
		for i++; i < len(t.nights) && t.nights[i].date.Weekday() != time.Monday; i++ {
		}
		var sev, se []float64
		sym, completed, checkins := 0, 0, 0
		for _, s := range t.nights[start:i] {
			if s.rec == nil {
				continue
			}
			if run := s.rec.MainRun(); run != nil && run.Status == routine.Completed {
				completed++
			}
			if c := s.rec.Checkin; c != nil {
				checkins++
				sev = append(sev, float64(c.RLSSeverity))
				if c.RLSSeverity > 0 {
					sym++
				}
				if f := c.Figures(); f.TIB > 0 {
					se = append(se, float64(f.TST)/float64(f.TIB)*100)
				}
			}
		}
		mean := func(xs []float64, unit string) string {
			if len(xs) == 0 {
				return none
			}
			return fixed1(stats(xs).mean) + unit
		}
		rows = append(rows, []string{
			day(t.nights[start].date) + " to " + day(t.nights[i-1].date),
			fmt.Sprint(checkins), mean(sev, ""), fmt.Sprintf("%d of %d", sym, checkins), mean(se, " %"),
			fmt.Sprintf("%d of %d", completed, i-start),
		})
	}
	return []block{
		heading("Week by week"),
		table{head: []string{"Week", "Check-ins", "Legs overnight, mean", "Nights with leg symptoms", "SE, mean", "Routine completed"},
			right: []bool{false, true, true, true, true, true}, rows: rows},
	}
}

func diaryTable(t *tally) []block {
	bl := []block{heading("Sleep diary, night by night")}
	if t.checkins == 0 {
		return append(bl, para("No morning check-ins in this period."))
	}
	var sev, se []float64
	var labels []string
	for _, s := range t.nights {
		labels = append(labels, s.date.Format("Mon 2 Jan"))
		v, e := math.NaN(), math.NaN()
		if s.rec != nil && s.rec.Checkin != nil {
			v = float64(s.rec.Checkin.RLSSeverity)
			if f := s.rec.Checkin.Figures(); f.TIB > 0 {
				e = float64(f.TST) / float64(f.TIB) * 100
			}
		}
		sev, se = append(sev, v), append(se, e)
	}
	bl = append(bl,
		chart{title: "Legs overnight, rated the next morning (0-10), a bar a night", lo: 0, hi: 10, labels: labels, values: sev},
		chart{title: "Sleep efficiency (%), a bar a night", unit: " %", lo: 50, hi: 100, labels: labels, values: se},
		para("The items follow the Consensus Sleep Diary; times are local clock times. "+
			"TIB (time in bed) runs from getting into bed to getting out of it; TST (total sleep time) is from "+
			"trying to sleep to the final awakening, less the time to fall asleep and the time awake; "+
			"SE (sleep efficiency) is TST / TIB x 100. Quality 1-5, rested 1-5, legs 0-10. "+none+": not recorded."),
	)
	head := []string{"Night", "Into bed", "Tried to sleep", "To fall asleep", "Awakenings", "Awake", "Final awakening",
		"Out of bed", "Quality", "Rested", "TIB", "TST", "SE %", "Legs", "Onset", "Got up"}
	right := make([]bool, len(head))
	for i := range right {
		right[i] = i > 0 && i != 14
	}
	var rows [][]string
	for _, s := range t.nights {
		row := make([]string, len(head))
		row[0] = s.date.Format("Mon 2 Jan")
		for i := 1; i < len(row); i++ {
			row[i] = none
		}
		if s.rec != nil && s.rec.Checkin != nil {
			c := s.rec.Checkin
			f := c.Figures()
			copy(row[1:], []string{
				c.InBed.Format("15:04"), c.TriedSleep.Format("15:04"), night.FormatMinutes(c.LatencyMin),
				fmt.Sprint(c.Awakenings), night.FormatMinutes(c.AwakeMin), c.FinalWake.Format("15:04"),
				c.OutOfBed.Format("15:04"), fmt.Sprint(c.Quality), fmt.Sprint(c.Rested),
				night.FormatMinutes(f.TIB), night.FormatMinutes(f.TST), sleepEff(f.TST, f.TIB),
				fmt.Sprint(c.RLSSeverity), cell(c.Onset.Label()), fmt.Sprint(c.GotUp),
			})
		}
		rows = append(rows, row)
	}
	return append(bl, table{class: "nights", head: head, right: right, rows: rows})
}

func evenings(t *tally, set night.Settings) []block {
	if t.evenings == 0 && t.withRun == 0 {
		return nil
	}
	head := []string{"Night", "Routine", "Steps", "Legs in the evening", "Checklist", "Note"}
	right := []bool{false, false, true, true, false, false}
	// The room's columns come last, and only when an evening has them.
	room := false
	for _, s := range t.nights {
		if s.rec != nil {
			temp, bedding := roomCells(s.rec.Evening, set)
			room = room || temp != "" || bedding != ""
		}
	}
	if room {
		head, right = append(head, "Bedroom", "Bedding"), append(right, true, false)
	}
	var rows [][]string
	for _, s := range t.nights {
		row := []string{s.date.Format("Mon 2 Jan"), none, none, none, none, none}
		if room {
			row = append(row, none, none)
		}
		r := s.rec
		if r == nil {
			rows = append(rows, row)
			continue
		}
		if temp, bedding := roomCells(r.Evening, set); room {
			if temp != "" {
				row[6] = temp
			}
			if bedding != "" {
				row[7] = bedding
			}
		}
		if run := r.MainRun(); run != nil {
			row[1], row[2] = statusWord(run.Status), t.steps(run)
		}
		var notes []string
		if e := r.Evening; e != nil {
			if e.Symptoms != nil {
				row[3] = fmt.Sprint(*e.Symptoms)
			}
			switch {
			case e.ChecklistSkipped:
				row[4] = "not answered"
			case len(e.Tags) > 0:
				row[4] = strings.Join(e.Tags, ", ")
			default:
				row[4] = "none of these"
			}
			if n := oneLine(e.Note); n != "" {
				notes = append(notes, n)
			}
		}
		if c := r.Checkin; c != nil {
			if n := oneLine(c.Notes); n != "" {
				notes = append(notes, n)
			}
		}
		if len(notes) > 0 {
			row[5] = clip(strings.Join(notes, " / "), noteMax)
		}
		rows = append(rows, row)
	}
	return []block{
		heading("Evenings, night by night"),
		para("Routine: the night's most complete run; steps done of the routine's steps. Checklist: item ids ticked."),
		table{class: "nights", head: head, right: right, rows: rows},
	}
}

func adherence(t *tally) []block {
	n := len(t.nights)
	pr := func(name string, k int) []string { return []string{name, fmt.Sprint(k), pct(k, n)} }
	rows := [][]string{
		pr("Completed", t.status[routine.Completed]),
		pr("Partial", t.status[routine.Partial]),
		pr("Abandoned", t.status[routine.Abandoned]),
	}
	if k := t.status[routine.Running]; k > 0 {
		rows = append(rows, pr("Unfinished (still marked running)", k))
	}
	rows = append(rows, pr("Not run", n-t.withRun))
	note := "Each night counts once, by its most complete run."
	if t.trials > 0 {
		note += fmt.Sprintf(" Left out: %s at another speed than real time (trials).",
			plural(t.trials, "run", "runs"))
	}
	bl := []block{heading("Routine adherence"), para(note),
		table{head: []string{"Routine", "Nights", fmt.Sprintf("Of %d nights", n)}, right: []bool{false, true, true}, rows: rows}}
	if used := t.routinesUsed(); len(used) > 0 {
		bl = append(bl, para("Routines used: "+strings.Join(used, ", ")+"."))
	}
	return bl
}

func checklist(t *tally, set night.Settings) []block {
	bl := []block{heading("Evening checklist")}
	if t.evenings == 0 {
		return append(bl, para("No evening logs in this period."))
	}
	items := t.checklist(set)
	if len(items) == 0 {
		return append(bl, para("The checklist is empty and no items were logged."))
	}
	text := fmt.Sprintf("How often each item was ticked, over %s whose checklist was answered.",
		plural(t.answered, "evening", "evenings"))
	if k := t.evenings - t.answered; k > 0 {
		text += fmt.Sprintf(" Not counted: %s whose checklist was not answered.", plural(k, "evening", "evenings"))
	}
	var rows [][]string
	for _, it := range items {
		label := it.label
		if it.removed {
			label = "(no longer on the checklist)"
		}
		rows = append(rows, []string{label, it.id, string(it.kind), fmt.Sprint(it.nights), pct(it.nights, t.answered)})
	}
	return append(bl, para(text),
		table{head: []string{"Item", "Id", "Kind", "Evenings", "%"}, right: []bool{false, false, false, true, true}, rows: rows})
}

func onset(t *tally) []block {
	if t.checkins == 0 {
		return nil
	}
	var rows [][]string
	known := 0
	for _, o := range night.Onsets {
		k := t.onset[o]
		known += k
		rows = append(rows, []string{o.Label(), fmt.Sprint(k), pct(k, t.checkins)})
	}
	// Records made by hand or by an old version may lack an answer.
	if k := t.checkins - known; k > 0 {
		rows = append(rows, []string{"not answered", fmt.Sprint(k), pct(k, t.checkins)})
	}
	return []block{heading("When symptoms started"),
		para(fmt.Sprintf("As answered in the morning, over %s with a check-in.", plural(t.checkins, "night", "nights"))),
		table{head: []string{"Symptoms started", "Nights", "%"}, right: []bool{false, true, true}, rows: rows}}
}

func insights(t *tally, set night.Settings) []block {
	res := insight.Compute(t.recs, set)
	bl := []block{heading("Associations that hold")}
	var hold bullets
	for _, c := range res.Comparisons {
		if c.Holds {
			hold = append(hold, c.Sentence())
		}
	}
	if len(hold) == 0 {
		bl = append(bl, para(fmt.Sprintf("None of the %s in this period holds after the correction.",
			plural(res.Tested, "comparison", "comparisons"))))
	} else {
		bl = append(bl, hold)
	}
	return append(bl, para(insight.Caveat(res.Tested)))
}
