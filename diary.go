package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui"
)

// usageError is a bad value on the command line: exit status 2, nothing
// written.
func usageError(format string, args ...any) error {
	return exitError{2, fmt.Errorf(format, args...)}
}

// morningFlags are the check-in's answers as typed on the command line.
type morningFlags struct {
	night                       string
	inBed, tried, final, out    string
	latency, awakenings, awake  int
	quality, rested, rls, gotUp int
	onset, note                 string
}

// answerFlags are the check-in's answers; any of them means no form.
var answerFlags = []string{"in-bed", "tried", "latency", "awakenings", "awake", "final", "out",
	"quality", "rested", "rls", "onset", "got-up", "note"}

func (a *app) morningCmd() *cobra.Command {
	var f morningFlags
	cmd := &cobra.Command{
		Use:   "morning",
		Short: "Fill in the morning check-in (sleep diary and legs)",
		Long: "Fill in the morning check-in for last night: a sleep diary after the\n" +
			"Consensus Sleep Diary, plus leg-symptom items of our own (not a clinical\n" +
			"score). Without flags it opens a form. With --night alone, the form edits\n" +
			"that night. With any answer given as a flag it saves without a form:\n" +
			"answers not given keep the night's earlier values, or, for a new night,\n" +
			"are 0 (times and ratings are then required).",
		Example: "  quietlegs morning\n" +
			"  quietlegs morning --night 2026-11-22 --in-bed 22:00 --tried 22:30 --latency 18 \\\n" +
			"    --awakenings 2 --awake 30 --final 06:30 --out 06:45 --quality 3 --rested 3 \\\n" +
			"    --rls 4 --onset bedtime --got-up 1 --note \"woke at 3, legs restless\"",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			set, err := a.settings()
			if err != nil {
				return err
			}
			date := f.night
			if date == "" {
				date = night.Last(time.Now())
			} else if _, err := time.Parse(night.Layout, date); err != nil {
				return usageError("--night %q: want a date as YYYY-MM-DD", date)
			}
			answered := false
			for _, name := range answerFlags {
				answered = answered || cmd.Flags().Changed(name)
			}
			if !answered {
				return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartMorning, Night: f.night})
			}
			return a.checkinFromFlags(cmd, date, f, set)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.night, "night", "", "the night, as YYYY-MM-DD (default: last night)")
	fl.StringVar(&f.inBed, "in-bed", "", "time you got into bed, HH:MM")
	fl.StringVar(&f.tried, "tried", "", "time you tried to go to sleep, HH:MM")
	fl.IntVar(&f.latency, "latency", 0, "minutes it took to fall asleep")
	fl.IntVar(&f.awakenings, "awakenings", 0, "times you woke up, not counting the last")
	fl.IntVar(&f.awake, "awake", 0, "minutes awake in those awakenings, in total")
	fl.StringVar(&f.final, "final", "", "time of your final awakening, HH:MM")
	fl.StringVar(&f.out, "out", "", "time you got out of bed, HH:MM")
	fl.IntVar(&f.quality, "quality", 0, "sleep quality, 1 very poor to 5 very good")
	fl.IntVar(&f.rested, "rested", 0, "how rested you feel, 1 not at all to 5 very well-rested")
	fl.IntVar(&f.rls, "rls", 0, "leg symptoms last night, 0 none to 10 worst")
	fl.StringVar(&f.onset, "onset", "", "when symptoms started: none, bedtime, evening or before-6pm")
	fl.IntVar(&f.gotUp, "got-up", 0, "times you got up because of your legs")
	fl.StringVar(&f.note, "note", "", "anything else worth remembering")
	_ = cmd.RegisterFlagCompletionFunc("onset", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		var out []string
		for _, o := range night.Onsets {
			out = append(out, string(o)+"\t"+o.Label())
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	})
	return cmd
}

// checkinFromFlags saves a check-in from flags, over the night's earlier
// check-in if there is one. Every problem names its flag; nothing is
// written unless all is well.
func (a *app) checkinFromFlags(cmd *cobra.Command, date string, f morningFlags, set night.Settings) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	ctx := cmd.Context()
	c, existed, err := st.Checkin(ctx, date)
	if err != nil {
		return err
	}
	changed := func(name string) bool { return cmd.Flags().Changed(name) }
	// Clock times: a flag replaces the earlier answer; for a new night all
	// four are needed, since the figures depend on each.
	old := []time.Time{c.InBed, c.TriedSleep, c.FinalWake, c.OutOfBed}
	names := []string{"in-bed", "tried", "final", "out"}
	typed := []string{f.inBed, f.tried, f.final, f.out}
	clocks := make([]night.Clock, 4)
	for i, name := range names {
		switch {
		case changed(name):
			cl, err := night.ParseClock(typed[i])
			if err != nil {
				return usageError("--%s: %v", name, err)
			}
			clocks[i] = cl
		case existed:
			clocks[i] = night.ClockOf(old[i])
		default:
			return usageError("--%s is needed for a new check-in (the night of %s has none yet)", name, date)
		}
	}
	times, err := night.Resolve(date, set.Boundary, time.Local, clocks...)
	if err != nil {
		return usageError("--night: %v", err)
	}
	c.Night = date
	c.InBed, c.TriedSleep, c.FinalWake, c.OutOfBed = times[0], times[1], times[2], times[3]
	ints := []struct {
		name string
		v    int
		dst  *int
	}{
		{"latency", f.latency, &c.LatencyMin}, {"awakenings", f.awakenings, &c.Awakenings},
		{"awake", f.awake, &c.AwakeMin}, {"quality", f.quality, &c.Quality}, {"rested", f.rested, &c.Rested},
		{"rls", f.rls, &c.RLSSeverity}, {"got-up", f.gotUp, &c.GotUp},
	}
	for _, n := range ints {
		if changed(n.name) {
			*n.dst = n.v
		}
	}
	for _, name := range []string{"quality", "rested"} {
		if !existed && !changed(name) {
			return usageError("--%s is needed for a new check-in (1-5)", name)
		}
	}
	switch {
	case changed("onset"):
		c.Onset = night.Onset(f.onset)
	case !existed:
		c.Onset = night.OnsetNone
	}
	if changed("note") {
		c.Notes = f.note
	}
	c.RecordedAt = time.Now()
	if err := c.Validate(); err != nil {
		return flagError(err)
	}
	if err := st.SaveCheckin(ctx, c); err != nil {
		return err
	}
	fig := c.Figures()
	verb := "Saved"
	if existed {
		verb = "Updated"
	}
	fmt.Fprintf(a.stdout, "%s the check-in for the night of %s: %s in bed, %s asleep, sleep efficiency %.2f %%.\n",
		verb, date, minutes(fig.TIB), minutes(fig.TST), fig.SE)
	return nil
}

// flagError turns a domain validation error into a usage error naming the
// flag to fix.
func flagError(err error) error {
	if fe, ok := err.(*night.FieldError); ok {
		return usageError("--%s: %s", fe.Field, fe.Msg)
	}
	return usageError("%v", err)
}

func minutes(m int) string { return fmt.Sprintf("%dh%02d", m/60, m%60) }

// eveningLog saves `evening --log-only`: symptoms, tags and a note.
func (a *app) eveningLog(ctx context.Context, cmd *cobra.Command, symptoms int, tags []string, note, date string) error {
	set, err := a.settings()
	if err != nil {
		return err
	}
	now := time.Now()
	if date == "" {
		date = night.Of(now, set.Boundary)
	}
	e := night.Evening{Night: date, At: now, Note: note}
	if cmd.Flags().Changed("symptoms") {
		e.Symptoms = &symptoms
	}
	known := make([]string, 0, len(set.Checklist))
	for _, it := range set.Checklist {
		known = append(known, it.ID)
	}
	for _, t := range tags {
		if !slices.Contains(known, t) {
			return usageError("--tag %q is not on your checklist (%s)", t, strings.Join(known, ", "))
		}
	}
	e.Tags = tags
	if err := e.Validate(); err != nil {
		return flagError(err)
	}
	st, err := a.openStore()
	if err != nil {
		return err
	}
	defer st.Close()
	if err := st.SaveEvening(ctx, e); err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Saved the evening log for the night of %s.\n", date)
	return nil
}
