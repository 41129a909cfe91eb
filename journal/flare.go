package journal

import (
	"context"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// ToolOption is one measure the toolkit offers for a flare-up.
type ToolOption struct {
	Entry night.ToolEntry
	// Band is the band the entry is listed under.
	Band night.Band
	// Title is what to show: the entry's label, or its routine's title.
	Title string
	// Routine runs the entry: its routine, or a timed action as a
	// one-step routine. Nil for an action without a length, which is
	// done rather than timed, and for a routine that is missing.
	Routine *routine.Routine
	// Problem says why a routine entry cannot run ("" when it can).
	Problem string
}

// toolkitPrefix starts the name of a timed action's one-step routine.
const toolkitPrefix = "toolkit-"

// Toolkit is what the toolkit offers for a flare-up of severity 0-10:
// the entries of its band first, then those of the other bands, nearest
// first. An entry listed the same in two bands is offered once, under the
// nearer.
func (j *Journal) Toolkit(severity int) []ToolOption {
	own := night.BandOf(severity)
	order := map[night.Band][]night.Band{
		night.Mild:     {night.Mild, night.Moderate, night.Severe},
		night.Moderate: {night.Moderate, night.Mild, night.Severe},
		night.Severe:   {night.Severe, night.Moderate, night.Mild},
	}[own]
	var out []ToolOption
	seen := map[night.ToolEntry]bool{}
	for _, b := range order {
		for _, e := range j.set.Toolkit.Band(b) {
			if seen[e] {
				continue
			}
			seen[e] = true
			out = append(out, j.toolOption(b, e))
		}
	}
	return out
}

func (j *Journal) toolOption(b night.Band, e night.ToolEntry) ToolOption {
	o := ToolOption{Entry: e, Band: b, Title: e.Label}
	switch {
	case e.Routine != "":
		r, ok := j.lib.Find(e.Routine)
		if !ok {
			o.Problem = fmt.Sprintf("no routine named %q (see: quietlegs routines)", e.Routine)
			if o.Title == "" {
				o.Title = e.Routine
			}
			return o
		}
		o.Routine = r
		if o.Title == "" {
			o.Title = r.DisplayTitle()
		}
	case e.Minutes > 0:
		o.Routine = oneStep(e)
	}
	return o
}

// oneStep is a timed action as a routine of one step, so the runner
// times it, rings its bell and saves it like any run.
func oneStep(e night.ToolEntry) *routine.Routine {
	d := time.Duration(e.Minutes) * time.Minute
	return &routine.Routine{
		Name: toolkitPrefix + e.ID, Title: e.Label, Source: "toolkit",
		Steps: []routine.Step{{
			Title: e.Label, Instruction: "Take your time; the bell rings when it is over.", Safety: e.Safety, Kind: routine.Hold,
			Phases: []routine.Phase{{Label: "hold", Cue: "Begin.", Duration: d}},
		}},
	}
}

// toolRoutine finds the routine a flare run ran: a routine in the
// library, or a timed action of the toolkit.
func (j *Journal) toolRoutine(name string) (*routine.Routine, bool) {
	if id, ok := strings.CutPrefix(name, toolkitPrefix); ok {
		for _, b := range night.Bands {
			for _, e := range j.set.Toolkit.Band(b) {
				if e.ID == id && e.Routine == "" && e.Minutes > 0 {
					return oneStep(e), true
				}
			}
		}
	}
	return j.lib.Find(name)
}

// NewFlareRun prepares a run of a toolkit measure during a flare-up: a
// run like any other, but recorded as a flare-up's, so it is never
// counted as the night's evening routine.
func (j *Journal) NewFlareRun(r *routine.Routine, speed float64) *Run {
	run := j.NewRun(r, speed)
	run.flare = true
	return run
}

// Minutes is how long the run's steps took, to the nearest minute: what
// a flare-up records as the minutes spent on the measure.
func (r *Run) Minutes() int {
	var d time.Duration
	for _, s := range r.Engine.Results() {
		d += s.Actual
	}
	return int(d.Round(time.Minute) / time.Minute)
}

// ParseTried reads one measure as the flare command takes it: an id, or
// id:minutes ("walk:10").
func ParseTried(s string) (night.Tried, error) {
	id, mins, hasMins := strings.Cut(strings.TrimSpace(s), ":")
	t := night.Tried{ID: id}
	if !night.ValidID(id) {
		return t, &night.FieldError{Field: night.FieldMeasure, Msg: fmt.Sprintf("%q: want a measure's id, or id:minutes (walk:10)", s)}
	}
	if hasMins {
		n, err := strconv.Atoi(mins)
		if err != nil || n < 0 || n > night.MaxTriedMinutes {
			return t, &night.FieldError{Field: night.FieldMeasure, Msg: fmt.Sprintf("%q: minutes must be a whole number, 0-%d", s, night.MaxTriedMinutes)}
		}
		t.Minutes = &n
	}
	return t, nil
}

// PlaceEvent is when a flare-up given as a clock time ("02:10") began in
// the night date ("" for tonight): on the evening of the date at or after
// the day boundary, else the next morning.
func (j *Journal) PlaceEvent(date, clock string) (time.Time, error) {
	if date == "" {
		date = j.Tonight()
	}
	if err := night.CheckDate(date); err != nil {
		return time.Time{}, err
	}
	c, w, err := night.ParseWhich(clock)
	if err != nil {
		return time.Time{}, &night.FieldError{Field: night.FieldAt, Msg: err.Error()}
	}
	t, _, err := night.PlaceFirst(date, j.set.Boundary, j.Now().Location(), c, w)
	if err != nil {
		return time.Time{}, &night.FieldError{Field: night.FieldAt, Msg: err.Error()}
	}
	return t, nil
}

// RecordEvent saves a flare-up, new when e.ID is 0, else in its place,
// and returns it as saved. A zero At is now; an empty Night is the night
// At belongs to. A flare-up yet to come, or filed under another night
// than its time belongs to, is refused naming the field.
func (j *Journal) RecordEvent(ctx context.Context, e night.Event) (night.Event, error) {
	if err := j.checkEvent(&e); err != nil {
		return e, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	id, err := j.st.SaveEvent(ctx, e)
	if err != nil {
		return e, fmt.Errorf("save flare-up: %w", err)
	}
	e.ID = id
	return e, nil
}

// checkEvent fills in e's time (a zero At is now, to the second) and
// night (the one At belongs to) and checks it: a flare-up yet to come, or
// filed under another night than its time belongs to, is refused naming
// the field.
func (j *Journal) checkEvent(e *night.Event) error {
	now := j.Now()
	if e.At.IsZero() {
		e.At = now
	}
	e.At = e.At.Truncate(time.Second)
	if e.Night == "" {
		e.Night = night.Of(e.At, j.set.Boundary)
	}
	if err := e.Validate(); err != nil {
		return err
	}
	if err := j.checkNight(e.Night); err != nil {
		return err
	}
	if e.At.After(now.Add(time.Minute)) {
		return &night.FieldError{Field: night.FieldAt, Msg: fmt.Sprintf("%s has not come yet (it is %s)",
			e.At.Format("2006-01-02 15:04"), now.Format("15:04"))}
	}
	if got := night.Of(e.At, j.set.Boundary); got != e.Night {
		return &night.FieldError{Field: night.FieldAt, Msg: fmt.Sprintf("%s belongs to the night of %s, not %s",
			e.At.Format("2006-01-02 15:04"), got, e.Night)}
	}
	return nil
}

// titledSettings is the settings with each routine entry of the toolkit
// that has no label of its own labelled by its routine's title, as the
// toolkit screen shows it, so insights and the report name a measure the
// way the person picked it ("Relief: stretch", not relief-stretch).
func (j *Journal) titledSettings() night.Settings {
	title := func(es []night.ToolEntry) []night.ToolEntry {
		out := slices.Clone(es) // j.set's own entries stay as they are
		for i, e := range out {
			if e.Label != "" || e.Routine == "" {
				continue
			}
			if r, ok := j.lib.Find(e.Routine); ok {
				out[i].Label = r.DisplayTitle()
			}
		}
		return out
	}
	set := j.set
	set.Toolkit = night.Toolkit{Mild: title(set.Toolkit.Mild), Moderate: title(set.Toolkit.Moderate), Severe: title(set.Toolkit.Severe)}
	return set
}
