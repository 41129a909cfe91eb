package journal

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/night"
)

// A person's own experiment is an n-of-1 trial of one checklist item: a
// schedule of whole weeks, drawn at random and balanced, kept either the
// experiment's way (with the item, or without it) or as usual, starting
// on the night it is planned. One runs at a time. It is analysed by its
// weeks (see insight.CompareTrial).

// Arm is which way an experiment keeps its item in its experimental
// weeks.
type Arm string

// The arms of an experiment.
const (
	ArmWith    Arm = "with"
	ArmWithout Arm = "without"
)

// The experiment's answers, which are also its flags.
const (
	FieldWith    night.Field = "with"
	FieldWithout night.Field = "without"
	FieldWeeks   night.Field = "weeks"
)

// MinWeeks and MaxWeeks bound an experiment's length: at least two weeks
// of each kind, and no more than a year.
const (
	MinWeeks = 4
	MaxWeeks = 52
)

// Experiment is a planned n-of-1 trial.
type Experiment struct {
	// ID is the stored experiment's id; 0 before it is saved.
	ID   int64
	Item string // a checklist id
	Arm  Arm
	// FirstNight is the night of its first week's first night.
	FirstNight string
	// Weeks is the schedule, a week a value from FirstNight: true for a
	// week kept the experiment's way, false for a week as usual.
	Weeks []bool
	// Seed drew Weeks (see Schedule). The schedule is kept as drawn, so
	// the plan never changes; the seed says how it came about.
	Seed uint64
	// StartedAt is when it was planned; StoppedAt when it was stopped
	// early, zero when it was not.
	StartedAt, StoppedAt time.Time
}

// Schedule draws a balanced schedule of weeks weeks (an even number):
// half of them true, in an order shuffled by math/rand/v2's PCG seeded
// with seed, so the same seed always gives the same schedule.
func Schedule(weeks int, seed uint64) []bool {
	s := make([]bool, weeks)
	for i := range weeks / 2 {
		s[i] = true
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	// Fisher-Yates, spelled out so the draw depends on the generator's
	// stream alone.
	for i := weeks - 1; i > 0; i-- {
		k := int(rng.Uint64N(uint64(i + 1)))
		s[i], s[k] = s[k], s[i]
	}
	return s
}

// Validate checks an experiment's plan as storage keeps it.
func (e Experiment) Validate() error {
	if !night.ValidID(e.Item) {
		return fmt.Errorf("experiment item %q is not a checklist id", e.Item)
	}
	if e.Arm != ArmWith && e.Arm != ArmWithout {
		return fmt.Errorf("experiment arm %q: want with or without", e.Arm)
	}
	if err := night.CheckDate(e.FirstNight); err != nil {
		return err
	}
	n := len(e.Weeks)
	on := 0
	for _, w := range e.Weeks {
		if w {
			on++
		}
	}
	if n < MinWeeks || n > MaxWeeks || n%2 != 0 || 2*on != n {
		return fmt.Errorf("experiment schedule of %d weeks with %d experimental: want an even number from %d to %d, half of them experimental",
			n, on, MinWeeks, MaxWeeks)
	}
	if e.Seed >= 1<<63 {
		return fmt.Errorf("experiment seed %d is too large", e.Seed)
	}
	return nil
}

// LastNight is the last night of the plan.
func (e Experiment) LastNight() string { return addDays(e.FirstNight, 7*len(e.Weeks)-1) }

// Condition is how the experiment keeps its item in an experimental week
// ("without caffeine") or otherwise ("as usual").
func (e Experiment) Condition(experimental bool) string {
	if !experimental {
		return "as usual"
	}
	return string(e.Arm) + " " + e.Item
}

// WeekOf is the week (from 0) of the plan that the night date falls in,
// and false for a night outside the plan.
func (e Experiment) WeekOf(date string) (int, bool) {
	d := daysBetween(e.FirstNight, date)
	if d < 0 || d >= 7*len(e.Weeks) {
		return 0, false
	}
	return d / 7, true
}

// WeekDates are the first and last nights of week w (from 0).
func (e Experiment) WeekDates(w int) (first, last string) {
	return addDays(e.FirstNight, 7*w), addDays(e.FirstNight, 7*w+6)
}

// Kept reports whether an evening log kept to the plan of an
// experimental week: the item ticked in a "with" week, not ticked in a
// "without" week. A log whose checklist was not answered keeps nothing.
func (e Experiment) Kept(ev night.Evening) bool {
	if ev.ChecklistSkipped {
		return false
	}
	return slices.Contains(ev.Tags, e.Item) == (e.Arm == ArmWith)
}

// Assignment is what an experiment plans for one night.
type Assignment struct {
	Experiment Experiment
	Night      string
	// Week is the night's week, from 1.
	Week int
	// Experimental is set in a week kept the experiment's way.
	Experimental bool
}

// AssignmentFor is what the plan holds for the night date, and false
// outside the plan.
func (e Experiment) AssignmentFor(date string) (Assignment, bool) {
	w, ok := e.WeekOf(date)
	if !ok {
		return Assignment{}, false
	}
	return Assignment{Experiment: e, Night: date, Week: w + 1, Experimental: e.Weeks[w]}, true
}

// Condition is the night's condition: "without caffeine" or "as usual".
func (a Assignment) Condition() string { return a.Experiment.Condition(a.Experimental) }

// Line is the assignment as one line for a screen:
//
//	Experiment: tonight without caffeine (week 2 of 4)
//	Experiment: tonight as usual (week 3 of 4)
func (a Assignment) Line() string {
	return fmt.Sprintf("Experiment: tonight %s (week %d of %d)", a.Condition(), a.Week, len(a.Experiment.Weeks))
}

// runs reports whether e is running tonight: not stopped, and its plan
// not yet over.
func (j *Journal) runs(e Experiment) bool {
	return e.StoppedAt.IsZero() && j.Tonight() <= e.LastNight()
}

// through is the last night of e that counts so far: tonight while it
// runs, else the plan's last night or the night it was stopped in,
// whichever came first.
func (j *Journal) through(e Experiment) string {
	end := e.LastNight()
	if !e.StoppedAt.IsZero() {
		end = min(end, night.Of(e.StoppedAt, j.set.Boundary))
	}
	return min(end, j.Tonight())
}

// ExperimentPlan is what a person asks for when starting an experiment.
type ExperimentPlan struct {
	Item  string
	Arm   Arm
	Weeks int
	// Seed draws the schedule; 0 draws a fresh seed at random.
	Seed uint64
}

// RunningError refuses a second experiment while one runs.
type RunningError struct {
	Running Assignment
}

func (e *RunningError) Error() string {
	x := e.Running.Experiment
	return fmt.Sprintf("an experiment is already running (%s, from %s, week %d of %d); one runs at a time",
		x.Condition(true), x.FirstNight, e.Running.Week, len(x.Weeks))
}

// StartExperiment plans an experiment from tonight: it checks the plan
// (the item on the checklist, an even number of weeks from MinWeeks to
// MaxWeeks, naming the flag to fix), draws the schedule and saves it,
// unless an experiment is running, which it refuses with a
// *RunningError.
func (j *Journal) StartExperiment(ctx context.Context, p ExperimentPlan) (Experiment, error) {
	field := FieldWith
	switch p.Arm {
	case ArmWith:
	case ArmWithout:
		field = FieldWithout
	default:
		return Experiment{}, fmt.Errorf("experiment arm %q: want with or without", p.Arm)
	}
	if !slices.ContainsFunc(j.set.Checklist, func(it night.Item) bool { return it.ID == p.Item }) {
		return Experiment{}, &night.FieldError{Field: field,
			Msg: fmt.Sprintf("%q is not a checklist id (%s)", p.Item, listOrNone(j.checklistIDs()))}
	}
	if p.Weeks < MinWeeks || p.Weeks > MaxWeeks || p.Weeks%2 != 0 {
		return Experiment{}, &night.FieldError{Field: FieldWeeks,
			Msg: fmt.Sprintf("%d: want an even number of weeks from %d to %d, so that there are as many weeks of each kind and at least two of each",
				p.Weeks, MinWeeks, MaxWeeks)}
	}
	seed := p.Seed
	if seed == 0 {
		seed = rand.Uint64()
	}
	seed &= 1<<63 - 1 // storable as a signed integer
	e := Experiment{Item: p.Item, Arm: p.Arm, FirstNight: j.Tonight(), Weeks: Schedule(p.Weeks, seed),
		Seed: seed, StartedAt: j.Now()}
	ctx, cancel := bounded(ctx)
	defer cancel()
	id, err := j.st.StartExperiment(ctx, func(latest Experiment, ok bool) (Experiment, error) {
		if ok && j.runs(latest) {
			a, _ := latest.AssignmentFor(j.Tonight())
			a.Experiment = latest
			return e, &RunningError{Running: a}
		}
		return e, nil
	})
	if err != nil {
		return Experiment{}, err
	}
	e.ID = id
	return e, nil
}

func (j *Journal) checklistIDs() []string {
	ids := make([]string, len(j.set.Checklist))
	for i, it := range j.set.Checklist {
		ids[i] = it.ID
	}
	return ids
}

// LatestExperiment is the experiment started last, and whether it runs
// tonight; ok is false when there has been none.
func (j *Journal) LatestExperiment(ctx context.Context) (e Experiment, running, ok bool, err error) {
	ctx, cancel := bounded(ctx)
	defer cancel()
	e, ok, err = j.st.LatestExperiment(ctx)
	if err != nil || !ok {
		return Experiment{}, false, false, err
	}
	return e, j.runs(e), true, nil
}

// TonightAssignment is what the running experiment plans for tonight (the
// night now belongs to, by the day boundary); ok is false when no
// experiment runs. Its Line is what the home screen and the evening log
// show.
func (j *Journal) TonightAssignment(ctx context.Context) (a Assignment, ok bool, err error) {
	e, running, ok, err := j.LatestExperiment(ctx)
	if err != nil || !ok || !running {
		return Assignment{}, false, err
	}
	a, ok = e.AssignmentFor(j.Tonight())
	return a, ok, nil
}

// ErrNoExperiment means no experiment is running.
var ErrNoExperiment = errors.New("no experiment is running")

// StopExperiment stops the running experiment early; its nights so far
// are kept. It returns the experiment as stopped, or ErrNoExperiment.
func (j *Journal) StopExperiment(ctx context.Context) (Experiment, error) {
	e, running, ok, err := j.LatestExperiment(ctx)
	if err != nil {
		return Experiment{}, err
	}
	if !ok || !running {
		return e, ErrNoExperiment
	}
	e.StoppedAt = j.Now()
	ctx, cancel := bounded(ctx)
	defer cancel()
	if err := j.st.StopExperiment(ctx, e.ID, e.StoppedAt); err != nil {
		return Experiment{}, err
	}
	return e, nil
}

// ExperimentStatus is how an experiment stands.
type ExperimentStatus struct {
	Experiment Experiment
	// Running is set while it runs; Tonight is then tonight's assignment.
	Running bool
	Tonight Assignment
	// Through is the last night counted: tonight while it runs, else the
	// plan's last night or the night it was stopped in.
	Through string
	// Nights are the nights of the plan up to Through; Recorded those
	// with an evening log or a check-in.
	Nights, Recorded int
	// Adherence is counted in the experimental weeks only (in a week as
	// usual, whatever the person did is the plan): ExpNights are their
	// nights up to Through, Answered those with an evening log whose
	// checklist was answered, and Kept those of them kept to the plan
	// (see Experiment.Kept).
	ExpNights, Answered, Kept int
	// WeeksBegun is how many weeks of the plan had begun by Through.
	WeeksBegun int
	// records are the nights of the plan up to Through.
	records []night.Record
}

// ExperimentStatus is how the running experiment stands, or else the one
// started last; ok is false when there has been none.
func (j *Journal) ExperimentStatus(ctx context.Context) (ExperimentStatus, bool, error) {
	e, running, ok, err := j.LatestExperiment(ctx)
	if err != nil || !ok {
		return ExperimentStatus{}, false, err
	}
	s := ExperimentStatus{Experiment: e, Running: running, Through: j.through(e)}
	if running {
		s.Tonight, _ = e.AssignmentFor(j.Tonight())
	}
	if s.Through < e.FirstNight {
		return s, true, nil
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	recs, err := j.st.Nights(ctx, e.FirstNight, s.Through)
	if err != nil {
		return ExperimentStatus{}, false, err
	}
	s.records = recs
	s.count()
	return s, true, nil
}

// count fills the counts from the records.
func (s *ExperimentStatus) count() {
	e := s.Experiment
	s.Nights = daysBetween(e.FirstNight, s.Through) + 1
	last, _ := e.WeekOf(s.Through)
	s.WeeksBegun = last + 1
	for d := range s.Nights {
		if w, _ := e.WeekOf(addDays(e.FirstNight, d)); e.Weeks[w] {
			s.ExpNights++
		}
	}
	for _, r := range s.records {
		w, ok := e.WeekOf(r.Night)
		if !ok {
			continue
		}
		if r.Evening != nil || r.Checkin != nil {
			s.Recorded++
		}
		if !e.Weeks[w] || r.Evening == nil || r.Evening.ChecklistSkipped {
			continue
		}
		s.Answered++
		if e.Kept(*r.Evening) {
			s.Kept++
		}
	}
}

// ExperimentResult compares an experiment's weeks.
type ExperimentResult struct {
	ExperimentStatus
	// Trial compares the experimental weeks begun with the weeks as
	// usual begun, by their week means, every night counting by the plan.
	Trial insight.TrialResult
}

// ExperimentResult compares the weeks of the running experiment, or else
// of the one started last, on next-morning leg symptoms and sleep
// efficiency; ok is false when there has been none.
func (j *Journal) ExperimentResult(ctx context.Context) (ExperimentResult, bool, error) {
	s, ok, err := j.ExperimentStatus(ctx)
	if err != nil || !ok {
		return ExperimentResult{}, ok, err
	}
	return ExperimentResult{ExperimentStatus: s, Trial: insight.CompareTrial(s.trialWeeks())}, true, nil
}

// trialWeeks are the weeks begun, with the measures of their nights.
func (s ExperimentStatus) trialWeeks() []insight.TrialWeek {
	e := s.Experiment
	weeks := make([]insight.TrialWeek, s.WeeksBegun)
	for i := range weeks {
		weeks[i].Experimental = e.Weeks[i]
	}
	for _, r := range s.records {
		w, ok := e.WeekOf(r.Night)
		if !ok || w >= len(weeks) || r.Checkin == nil {
			continue
		}
		weeks[w].Symptoms = append(weeks[w].Symptoms, float64(r.Checkin.RLSSeverity))
		if f := r.Checkin.Figures(); f.TIB > 0 {
			weeks[w].Efficiency = append(weeks[w].Efficiency, f.SE)
		}
	}
	return weeks
}

// addDays is the night n days after date (YYYY-MM-DD).
func addDays(date string, n int) string {
	d, err := time.Parse(night.Layout, date)
	if err != nil {
		return date
	}
	return d.AddDate(0, 0, n).Format(night.Layout)
}

// daysBetween is how many nights b comes after a.
func daysBetween(a, b string) int {
	da, err1 := time.Parse(night.Layout, a)
	db, err2 := time.Parse(night.Layout, b)
	if err1 != nil || err2 != nil {
		return -1 << 30
	}
	return int(db.Sub(da).Round(24*time.Hour) / (24 * time.Hour))
}
