package routine

import "time"

// Snapshot is what a screen needs to draw a run at one moment.
type Snapshot struct {
	Step, Phase int

	// PhaseElapsed and PhaseRemaining split the current phase.
	PhaseElapsed, PhaseRemaining time.Duration
	// StepPosition is how far through the step's plan the run is.
	StepPosition, StepDuration time.Duration
	// Position is how far through the whole routine's plan the run is.
	Position, Total time.Duration

	Started, Running, Done bool
	// Waiting is set on a ready step: nothing counts down until the
	// person says they are ready (Engine.Ready).
	Waiting bool
	// PauseReason is set when the Engine paused by itself.
	PauseReason string
	Status      Status
}

// Snapshot reads the run at the clock's current time without changing it.
// Call Update first to let phases that are due end.
func (e *Engine) Snapshot() Snapshot {
	now := e.clock.Now()
	st := e.r.Steps
	s := Snapshot{
		Step: e.step, Phase: e.phase,
		Total:   e.r.Duration(),
		Started: e.started, Running: e.running, Done: e.done,
		Waiting:     e.Waiting(),
		PauseReason: e.reason,
		Status:      e.Status(),
	}
	if len(st) == 0 {
		return s
	}
	if e.done {
		s.Position = s.Total
		if !e.finished() {
			s.Position = e.planBefore(e.step, e.phase)
		}
		return s
	}
	ph := st[e.step].Phases[e.phase]
	s.PhaseElapsed = min(e.phaseElapsed(now), ph.Duration)
	s.PhaseRemaining = ph.Duration - s.PhaseElapsed
	s.StepDuration = st[e.step].Duration()
	for _, p := range st[e.step].Phases[:e.phase] {
		s.StepPosition += p.Duration
	}
	s.StepPosition += s.PhaseElapsed
	s.Position = e.planBefore(e.step, 0) + s.StepPosition
	return s
}

// planBefore is the planned time of everything before step's phase.
func (e *Engine) planBefore(step, phase int) time.Duration {
	var d time.Duration
	for _, s := range e.r.Steps[:step] {
		d += s.Duration()
	}
	for _, p := range e.r.Steps[step].Phases[:phase] {
		d += p.Duration
	}
	return d
}

// NextChange is the real time until the countdown's shown seconds next
// change or the phase ends, whichever is first: when a redraw is due.
// It is zero when nothing is counting down: paused, or waiting on a
// ready step.
func (e *Engine) NextChange() time.Duration {
	if !e.running || e.Waiting() {
		return 0
	}
	rem := e.Snapshot().PhaseRemaining
	frac := rem % time.Second
	if frac == 0 {
		frac = time.Second
	}
	return time.Duration(float64(frac) / e.speed)
}

// Tally counts a run's ended steps and the routine time spent on them.
// Skipped counts every step ended without being done; CutShort is those
// of them that had some time (at least a second) first.
type Tally struct {
	Done, Skipped, CutShort int
	Spent                   time.Duration
}

// Count tallies results.
func Count(results []StepResult) Tally {
	var t Tally
	for _, r := range results {
		t.Spent += r.Actual
		if r.Status == StepDone {
			t.Done++
		} else {
			t.Skipped++
			if r.Actual >= time.Second {
				t.CutShort++
			}
		}
	}
	return t
}
