package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

func (a *app) experimentCmd() *cobra.Command {
	status := func(cmd *cobra.Command, _ []string) error {
		return a.withJournal(func(j *journal.Journal) error {
			s, ok, err := j.ExperimentStatus(cmd.Context())
			if err != nil {
				return err
			}
			a.writeStatus(a.stdout, j, s, ok)
			return nil
		})
	}
	cmd := &cobra.Command{
		Use:   "experiment",
		Short: "Your own experiment: weeks with or without one checklist item, at random",
		Long: "Plan and follow an experiment of your own (an n-of-1 trial): whole weeks, in a\n" +
			"random order drawn once, kept either without (or with) one checklist item or\n" +
			"as usual, as many of each and at least two of each. The result compares the\n" +
			"weeks' next-morning leg symptoms and sleep efficiency, week by week.\n\n" +
			"Without a subcommand it shows the running experiment, as status does.\n" +
			"It gives no advice: talk to a clinician before changing a medicine.",
		Example: "  quietlegs experiment start --without caffeine --weeks 8\n" +
			"  quietlegs experiment\n  quietlegs experiment stop\n  quietlegs experiment result",
		Args: cobra.NoArgs,
		RunE: status,
	}
	cmd.AddCommand(a.experimentStartCmd(), &cobra.Command{
		Use:   "status",
		Short: "The running experiment: tonight's assignment and the nights kept to the plan",
		Args:  cobra.NoArgs,
		RunE:  status,
	}, a.journalCommand("stop", "End the running experiment early, keeping its nights",
		func(ctx context.Context, j *journal.Journal) error {
			e, err := j.StopExperiment(ctx)
			if errors.Is(err, journal.ErrNoExperiment) {
				fmt.Fprintln(a.stdout, "No experiment is running; there is nothing to stop.")
				return nil
			}
			if err != nil {
				return err
			}
			w, _ := e.WeekOf(j.Tonight())
			fmt.Fprintf(a.stdout, "Stopped the experiment %s in week %d of %d; its nights are kept.\n"+
				"quietlegs experiment result compares the weeks so far.\n", e.Condition(true), w+1, len(e.Weeks))
			return nil
		}), a.journalCommand("result", "Compare the experiment's weeks (the running one, else the latest)",
		func(ctx context.Context, j *journal.Journal) error {
			r, ok, err := j.ExperimentResult(ctx)
			if err != nil {
				return err
			}
			if !ok {
				fmt.Fprintln(a.stdout, noExperimentYet)
				return nil
			}
			a.writeResult(a.stdout, j, r)
			return nil
		}))
	return cmd
}

const noExperimentYet = "No experiment yet. Start one with: quietlegs experiment start --without ITEM --weeks 8"

func (a *app) experimentStartCmd() *cobra.Command {
	var with, without string
	var weeks int
	cmd := &cobra.Command{
		Use:   "start (--with ITEM | --without ITEM) --weeks N",
		Short: "Plan an experiment from tonight: a random schedule of weeks",
		Long: "Plan an experiment from tonight (the night now belongs to): --weeks N whole\n" +
			"weeks, an even number from 4 to 52, half of them kept without (or with) the\n" +
			"checklist item ITEM and half as usual, in an order drawn at random once and\n" +
			"kept. One experiment runs at a time. 8 weeks or more give a fair chance of\n" +
			"finding an effect; 4 rarely can.",
		Example: "  quietlegs experiment start --without caffeine --weeks 8\n" +
			"  quietlegs experiment start --with magnesium --weeks 6",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			changed := cmd.Flags().Changed
			if changed("with") == changed("without") {
				return usageError("give one of --with ITEM and --without ITEM (a checklist id)")
			}
			if !changed("weeks") {
				return usageError("--weeks is needed: an even number of weeks from %d to %d", journal.MinWeeks, journal.MaxWeeks)
			}
			p := journal.ExperimentPlan{Item: without, Arm: journal.ArmWithout, Weeks: weeks}
			if changed("with") {
				p.Item, p.Arm = with, journal.ArmWith
			}
			return a.withJournal(func(j *journal.Journal) error {
				e, err := j.StartExperiment(cmd.Context(), p)
				var re *journal.RunningError
				if errors.As(err, &re) {
					return usageError("%v: stop it first with: quietlegs experiment stop", err)
				}
				if err != nil {
					return flagError(err)
				}
				a.writePlan(a.stdout, j, e)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&with, "with", "", "the checklist item to have in the experimental weeks")
	fl.StringVar(&without, "without", "", "the checklist item to go without in the experimental weeks")
	fl.IntVar(&weeks, "weeks", 0, "how many weeks: even, from 4 to 52")
	return cmd
}

// writePlan prints a new experiment's schedule and tonight's assignment.
func (a *app) writePlan(w io.Writer, j *journal.Journal, e journal.Experiment) {
	n := len(e.Weeks)
	fmt.Fprintf(w, "Planned an experiment of %d weeks from tonight: %d weeks %s and %d as usual, "+
		"in an order drawn at random (seed %d) and kept.\n\n", n, n/2, e.Condition(true), n/2, e.Seed)
	for i, exp := range e.Weeks {
		first, last := e.WeekDates(i)
		fmt.Fprintf(w, "  week %2d  %s to %s  %s\n", i+1, dayLabel(first), dayLabel(last), e.Condition(exp))
	}
	fmt.Fprintln(w)
	if t, ok := e.AssignmentFor(j.Tonight()); ok {
		fmt.Fprintf(w, "Tonight (the night of %s): %s (week %d of %d).\n", dayLabel(t.Night), t.Condition(), t.Week, n)
	}
	a.para(w, fmt.Sprintf("Each evening, answer the checklist (it shows whether a week was kept to the plan), "+
		"and each morning do the check-in: the result compares the weeks' mornings. "+
		"quietlegs experiment shows where you are; quietlegs experiment stop ends it early."))
	if j.Settings().Kind(e.Item) == night.Remedy {
		a.para(w, "Change a medicine or a supplement only as agreed with your clinician.")
	}
}

// writeStatus prints how the running (or else the latest) experiment
// stands.
func (a *app) writeStatus(w io.Writer, j *journal.Journal, s journal.ExperimentStatus, ok bool) {
	if !ok {
		fmt.Fprintln(w, noExperimentYet)
		return
	}
	e := s.Experiment
	if !s.Running {
		how := "ended on the night of " + dayLabel(e.LastNight())
		if !e.StoppedAt.IsZero() {
			how = "was stopped on the night of " + dayLabel(s.Through)
		}
		a.para(w, fmt.Sprintf("No experiment is running. The last one (%s, %d weeks from %s) %s; "+
			"quietlegs experiment result compares its weeks.", e.Condition(true), len(e.Weeks), dayLabel(e.FirstNight), how))
		return
	}
	fmt.Fprintf(w, "Experiment: %s, %d weeks from %s to %s.\n", e.Condition(true), len(e.Weeks),
		dayLabel(e.FirstNight), dayLabel(e.LastNight()))
	if s.Tonight.Night != "" {
		fmt.Fprintf(w, "Tonight: %s (week %d of %d).\n", s.Tonight.Condition(), s.Tonight.Week, len(e.Weeks))
	}
	a.statusCounts(w, s)
}

// statusCounts prints the nights so far and how many were kept.
func (a *app) statusCounts(w io.Writer, s journal.ExperimentStatus) {
	e := s.Experiment
	fmt.Fprintf(w, "Nights so far: %s, %d recorded.\n", count(s.Nights, "night", "nights"), s.Recorded)
	cond := e.Condition(true)
	ticked := "not ticked"
	if e.Arm == journal.ArmWith {
		ticked = "ticked"
	}
	if s.ExpNights == 0 {
		a.para(w, fmt.Sprintf("Kept to the plan: no week %s has begun yet.", cond))
	} else {
		a.para(w, fmt.Sprintf("Kept to the plan: %d of %s answered in the weeks %s so far (%s in those weeks).",
			s.Kept, count(s.Answered, "evening checklist", "evening checklists"), cond, count(s.ExpNights, "night", "nights")))
	}
	a.para(w, fmt.Sprintf("A night is kept when its evening checklist has %s %s. In the weeks as usual, "+
		"whatever you did is the plan, so they are not counted; an evening with no log, or with the checklist "+
		"skipped, is not known.", e.Item, ticked))
}

// writeResult prints the comparison of the weeks and what it can say.
func (a *app) writeResult(w io.Writer, j *journal.Journal, r journal.ExperimentResult) {
	e := r.Experiment
	state := "ended"
	switch {
	case r.Running:
		state = fmt.Sprintf("running, week %d of %d", r.Tonight.Week, len(e.Weeks))
	case !e.StoppedAt.IsZero():
		state = "stopped on the night of " + dayLabel(r.Through)
	}
	fmt.Fprintf(w, "Experiment %s: %d weeks from %s to %s (%s).\n", e.Condition(true), len(e.Weeks),
		dayLabel(e.FirstNight), dayLabel(e.LastNight()), state)
	exp := 0
	for _, x := range e.Weeks[:r.WeeksBegun] {
		if x {
			exp++
		}
	}
	fmt.Fprintf(w, "Weeks begun: %d of %d, %d %s and %d as usual.\n", r.WeeksBegun, len(e.Weeks), exp,
		e.Condition(true), r.WeeksBegun-exp)
	a.statusCounts(w, r.ExperimentStatus)
	fmt.Fprintln(w)
	for _, l := range insight.TrialLines(r.Trial, e.Condition(true), a.width()) {
		fmt.Fprintln(w, l)
	}
	fmt.Fprintln(w)
	a.para(w, "Method: "+r.Trial.Method)
}

// para prints a paragraph wrapped to the terminal.
func (a *app) para(w io.Writer, text string) {
	fmt.Fprintln(w, strings.Join(insight.Wrap(text, a.width()), "\n"))
}

// dayLabel is a night's date with its weekday: "Sun 2026-11-22".
func dayLabel(date string) string {
	d, err := time.Parse(night.Layout, date)
	if err != nil {
		return date
	}
	return d.Format("Mon 2006-01-02")
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
