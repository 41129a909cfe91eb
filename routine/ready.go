package routine

// This file is the ready step: a step with no countdown, which lasts
// until the person says they are ready.

// Ready answers a ready step: the person is ready, so the step is done and
// the next begins. It does nothing unless the run waits on a ready step
// (a paused run is resumed by it).
func (e *Engine) Ready() []Event {
	if !e.Waiting() {
		return nil
	}
	var evs []Event
	if !e.running {
		evs = e.Unpause()
	}
	now, more, ok := e.leave()
	evs = append(evs, more...)
	if !ok {
		return evs
	}
	return append(evs, e.moveOn(now, StepDone)...)
}

// Waiting reports whether the run is on a ready step, waiting for the
// person.
func (e *Engine) Waiting() bool {
	return e.started && !e.done && e.r.Steps[e.step].Phases[e.phase].Wait
}

// moveOn ends the current step as status and starts the next, or ends the
// run after the last.
func (e *Engine) moveOn(now Reading, status StepStatus) []Event {
	evs := []Event{e.endStep(status)}
	if e.step+1 >= len(e.r.Steps) {
		return append(evs, e.finish(now, 0)...)
	}
	e.moveTo(now, e.step+1)
	return append(evs, e.event(PhaseStarted))
}
