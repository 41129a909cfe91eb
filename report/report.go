// Package report writes a Markdown summary of a period of nights that a
// person can print or send to a clinician: routine adherence, leg symptoms,
// sleep-diary averages, when symptoms started, the evening checklist, the
// associations insight finds, and a table of every night.
//
// The report is calm and factual. It gives no advice and no doses, and says
// plainly that its ratings are self-reported and not a clinical scale. The
// same records and options always give the same bytes.
package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Options say what to report.
type Options struct {
	From, To string         // the period, YYYY-MM-DD inclusive (the caller computes them from --days)
	Now      time.Time      // when the report is made (shown in it; tests fix it)
	Settings night.Settings // checklist labels
}

// Write writes the Markdown report for recs (the nights in the period, in
// date order; nights with no records simply aren't in recs). Records outside
// the period are left out.
func Write(w io.Writer, recs []night.Record, o Options) error {
	from, err := time.Parse(night.Layout, o.From)
	if err != nil {
		return fmt.Errorf("report: from %q: want YYYY-MM-DD", o.From)
	}
	to, err := time.Parse(night.Layout, o.To)
	if err != nil {
		return fmt.Errorf("report: to %q: want YYYY-MM-DD", o.To)
	}
	if to.Before(from) {
		return fmt.Errorf("report: the period ends (%s) before it starts (%s)", o.To, o.From)
	}
	t := gather(from, to, recs)
	// bufio keeps the first write error and Flush returns it.
	b := bufio.NewWriter(w)
	writeHeader(b, &t, from, to, o.Now)
	if t.anyRecord == 0 {
		fmt.Fprint(b, "There are no records for the nights in this period.\n\n")
	} else {
		writeAdherence(b, &t)
		writeSymptoms(b, &t)
		writeDiary(b, &t)
		writeOnset(b, &t)
		writeChecklist(b, &t, o.Settings)
		writeInsights(b, &t, o.Settings)
		writeNights(b, &t)
	}
	fmt.Fprint(b, "---\n\nMade with quietlegs. Self-reported; not a clinical assessment; not medical advice.\n")
	if err := b.Flush(); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}

func writeHeader(b *bufio.Writer, t *tally, from, to, now time.Time) {
	n := len(t.nights)
	fmt.Fprintf(b, "# quietlegs report\n\n%s.\n\n", span(from, to, n))
	if !now.IsZero() {
		fmt.Fprintf(b, "Made on %s at %s.\n\n", dayYear(now), now.Format("15:04"))
	}
	fmt.Fprint(b, "A night runs from the evening to the next morning's check-in.\n\n")
	fmt.Fprintf(b, "- Nights with any record: %d of %d\n", t.anyRecord, n)
	fmt.Fprintf(b, "- Nights with an evening log: %d\n", t.evenings)
	fmt.Fprintf(b, "- Nights with a routine run: %d\n", t.withRun)
	fmt.Fprintf(b, "- Nights with a morning check-in: %d\n\n", t.checkins)
}

func writeAdherence(b *bufio.Writer, t *tally) {
	n := len(t.nights)
	fmt.Fprint(b, "## Routine adherence\n\n")
	fmt.Fprint(b, "Each night counts once, by its most complete run.\n\n")
	fmt.Fprintf(b, "| Routine | Nights | Of %d nights |\n|---|---:|---:|\n", n)
	row := func(name string, k int) { fmt.Fprintf(b, "| %s | %d | %s |\n", name, k, pct(k, n)) }
	row("Completed", t.status[routine.Completed])
	row("Partial", t.status[routine.Partial])
	row("Abandoned", t.status[routine.Abandoned])
	if k := t.status[routine.Running]; k > 0 {
		row("Unfinished (still marked running)", k)
	}
	row("Not run", n-t.withRun)
	fmt.Fprint(b, "\n")
	if used := t.routinesUsed(); len(used) > 0 {
		fmt.Fprintf(b, "Routines used: %s.\n\n", strings.Join(used, ", "))
	}
}

func writeSymptoms(b *bufio.Writer, t *tally) {
	fmt.Fprint(b, "## Leg symptoms\n\n")
	if t.checkins == 0 {
		fmt.Fprint(b, "- Severity overnight: no morning check-ins in this period.\n")
	} else {
		worst := day(t.sevMaxNights[0])
		if k := len(t.sevMaxNights); k > 1 {
			worst = fmt.Sprintf("on %d nights, first %s", k, worst)
		}
		fmt.Fprintf(b, "- Severity overnight, rated the next morning, over %s with a check-in: average %s of 10; worst %d (%s).\n",
			plural(t.checkins, "night", "nights"), avg1(t.sevSum, t.checkins), t.sevMax, worst)
	}
	if t.eveSymN == 0 {
		fmt.Fprint(b, "- \"Legs right now\" in the evening log: not rated in this period.\n\n")
	} else {
		fmt.Fprintf(b, "- \"Legs right now\" in the evening log, over %s it was rated: average %s of 10.\n\n",
			plural(t.eveSymN, "night", "nights"), avg1(t.eveSymSum, t.eveSymN))
	}
	fmt.Fprint(b, "These ratings are self-reported answers to quietlegs' own 0-10 items. "+
		"They are not a clinical scale: not the IRLS, not the RLS-6, and not comparable with either.\n\n")
}

func writeDiary(b *bufio.Writer, t *tally) {
	fmt.Fprint(b, "## Sleep diary\n\n")
	n := t.checkins
	if n == 0 {
		fmt.Fprint(b, "No morning check-ins in this period.\n\n")
		return
	}
	fmt.Fprintf(b, "Averages over %s with a morning check-in. The items follow the Consensus Sleep Diary. "+
		"Time in bed (TIB) runs from getting into bed to getting out of it; total sleep time (TST) is the time "+
		"from trying to sleep to the final awakening, less the minutes to fall asleep and the minutes awake; "+
		"sleep efficiency (SE) is TST / TIB x 100, averaged over the nights.\n\n", plural(n, "night", "nights"))
	fmt.Fprint(b, "| Item | Average |\n|---|---:|\n")
	se := none
	if t.seN > 0 {
		se = fixed1(t.seSum/float64(t.seN)) + " %"
	}
	rows := [][2]string{
		{"Time in bed", night.FormatMinutes(avgInt(t.tibSum, n))},
		{"Total sleep time", night.FormatMinutes(avgInt(t.tstSum, n))},
		{"Sleep efficiency", se},
		{"Minutes to fall asleep", fmt.Sprint(avgInt(t.latSum, n))},
		{"Awakenings, not counting the last", avg1(t.awakenSum, n)},
		{"Minutes awake in those awakenings", fmt.Sprint(avgInt(t.awakeSum, n))},
		{"Sleep quality (1 very poor to 5 very good)", avg1(t.qualSum, n)},
		{"Rested (1 not at all to 5 very well-rested)", avg1(t.restSum, n)},
		{"Times got up because of the legs", fmt.Sprintf("%s (%d in all)", avg1(t.gotUpSum, n), t.gotUpSum)},
	}
	for _, r := range rows {
		fmt.Fprintf(b, "| %s | %s |\n", r[0], r[1])
	}
	fmt.Fprint(b, "\n")
}
