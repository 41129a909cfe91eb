package routine

import (
	"fmt"
	"time"
)

// JumpTolerance is how far the wall clock may drift from the monotonic
// clock between two updates before the Engine takes it for a suspend or a
// clock change and pauses.
const JumpTolerance = 5 * time.Second

// EventKind names a transition of a run.
type EventKind int

// Transitions an Engine reports.
const (
	// PhaseStarted marks every phase change: the moment to sound a cue.
	PhaseStarted EventKind = iota
	// StepEnded carries the step's result, done or skipped.
	StepEnded
	// Finished means the last step ended; the run is over.
	Finished
	Paused
	Resumed
)

// Event is one transition. Step and Phase say where the run is after it.
type Event struct {
	Kind   EventKind
	Step   int
	Phase  int
	Result StepResult // for StepEnded
	Reason string     // for Paused: why, when the Engine paused by itself
}

// Engine runs a routine against a clock. Remaining time is always computed
// from the clock, never by counting ticks, so a late or missed Update costs
// nothing but a late redraw. An Engine is not safe for concurrent use.
type Engine struct {
	r     *Routine
	clock Clock
	speed float64

	step, phase int
	// offset is routine time spent in the current phase up to since.
	offset time.Duration
	since  Reading
	// last is the previous reading, for noticing clock jumps.
	last Reading

	started, running, done bool
	// stopped is set when Stop ended the run before its end.
	stopped bool
	reason  string

	// spent is routine time spent per step, over all visits.
	spent  []time.Duration
	status []StepStatus

	startedAt, endedAt time.Time
}

// NewEngine prepares a run of r. Speed scales routine time: at 60, a
// minute-long phase passes in a second. A speed of zero or less means 1.
func NewEngine(r *Routine, c Clock, speed float64) *Engine {
	if speed <= 0 {
		speed = 1
	}
	return &Engine{
		r:      r,
		clock:  c,
		speed:  speed,
		spent:  make([]time.Duration, len(r.Steps)),
		status: make([]StepStatus, len(r.Steps)),
	}
}

// Routine returns the routine being run.
func (e *Engine) Routine() *Routine { return e.r }

// Speed returns the speed factor.
func (e *Engine) Speed() float64 { return e.speed }

// Start begins the first step. It reports the first PhaseStarted.
func (e *Engine) Start() []Event {
	if e.started {
		return nil
	}
	now := e.clock.Now()
	e.started, e.running = true, true
	e.since, e.last = now, now
	e.startedAt = now.Wall
	if len(e.r.Steps) == 0 {
		return e.finish(now, 0)
	}
	return []Event{e.event(PhaseStarted)}
}

// Restore starts a run part-way, at a step in progress, as after a crash.
// results are the steps already ended; elapsed is routine time already spent
// in step. The run starts paused so a person can settle first.
func (e *Engine) Restore(step int, elapsed time.Duration, results []StepResult) error {
	if e.started {
		return fmt.Errorf("restore: run already started")
	}
	if step < 0 || step >= len(e.r.Steps) {
		return fmt.Errorf("restore: step %d out of range (routine has %d)", step+1, len(e.r.Steps))
	}
	for _, res := range results {
		if res.Index < 0 || res.Index >= len(e.r.Steps) {
			return fmt.Errorf("restore: result for step %d out of range", res.Index+1)
		}
		e.spent[res.Index] = res.Actual
		e.status[res.Index] = res.Status
	}
	now := e.clock.Now()
	e.started = true
	e.since, e.last = now, now
	e.startedAt = now.Wall
	e.step, e.phase = step, 0
	e.status[step] = ""
	e.spent[step] = elapsed // time spent before the interruption counts
	// Whole phases already behind are skipped over; the phase in progress
	// restarts from its beginning so no instruction is lost.
	for elapsed > 0 && e.phase < len(e.r.Steps[step].Phases)-1 {
		d := e.r.Steps[step].Phases[e.phase].Duration
		if elapsed < d {
			break
		}
		elapsed -= d
		e.phase++
	}
	e.reason = "resumed after an interruption"
	return nil
}

// Update brings the run up to the clock: it ends phases and steps whose time
// is up and notices clock jumps. Call it on every redraw tick.
func (e *Engine) Update() []Event {
	now := e.clock.Now()
	defer func() { e.last = now }()
	if !e.running {
		return nil
	}
	mono := now.Mono - e.last.Mono
	wall := now.Wall.Sub(e.last.Wall)
	if gap := wall - mono; gap > JumpTolerance || gap < -JumpTolerance {
		evs := e.advance(now)
		if e.done {
			return evs
		}
		return append(evs, e.pause(now, clockJumpReason(gap)))
	}
	return e.advance(now)
}

func clockJumpReason(gap time.Duration) string {
	dir := "forward"
	if gap < 0 {
		dir, gap = "back", -gap
	}
	return fmt.Sprintf("the clock jumped %s by %s (the computer slept or its time changed)",
		dir, gap.Round(time.Second))
}

// Pause stops the countdown where it is.
func (e *Engine) Pause() []Event {
	if !e.running {
		return nil
	}
	now := e.clock.Now()
	evs := e.advance(now)
	if e.done {
		return evs
	}
	return append(evs, e.pause(now, ""))
}

func (e *Engine) pause(now Reading, reason string) Event {
	e.offset = e.phaseElapsed(now)
	e.since = now
	e.running = false
	e.reason = reason
	return Event{Kind: Paused, Step: e.step, Phase: e.phase, Reason: reason}
}

// Unpause carries on from where Pause stopped.
func (e *Engine) Unpause() []Event {
	if e.running || e.done || !e.started {
		return nil
	}
	now := e.clock.Now()
	e.since, e.last = now, now
	e.running = true
	e.reason = ""
	return []Event{e.event(Resumed)}
}

// TogglePause pauses a running run and resumes a paused one.
func (e *Engine) TogglePause() []Event {
	if e.running {
		return e.Pause()
	}
	return e.Unpause()
}

// leave brings the run up to now and books the time spent in the current
// step, before moving off it. ok is false if the run ended meanwhile (or
// never started), and evs then says how.
func (e *Engine) leave() (now Reading, evs []Event, ok bool) {
	if !e.started || e.done {
		return now, nil, false
	}
	now = e.clock.Now()
	evs = e.advance(now)
	if e.done {
		return now, evs, false
	}
	e.spent[e.step] += e.phaseElapsed(now)
	return now, evs, true
}

// DoneShare is how much of a step's planned time must have run for it to
// count as done when a person moves on early: the last few seconds of a
// stretch skipped are still a stretch done.
const DoneShare = 0.9

// Next moves on to the next step. The step left counts as done if at
// least DoneShare of its time ran, and is cut short (StepSkipped, with the
// time it had) otherwise; a ready step left by Next is skipped.
func (e *Engine) Next() []Event {
	now, evs, ok := e.leave()
	if !ok {
		return evs
	}
	return append(evs, e.moveOn(now, e.leftStatus())...)
}

// Back returns to the start of the previous step, or restarts the first.
// The step left behind is not counted as ended: it is still to come.
func (e *Engine) Back() []Event {
	now, evs, ok := e.leave()
	if !ok {
		return evs
	}
	to := max(e.step-1, 0)
	e.status[to] = ""
	e.moveTo(now, to)
	return append(evs, e.event(PhaseStarted))
}

// Stop ends the run early, as when a person quits. The step in progress
// ends with the time it ran, done or cut short as with Next (a step left
// before any of its time ran stays not reached), so leaving never loses
// what was done. It returns Partial if any step was done and Abandoned
// otherwise; Completed after a finished run, or when the step left was
// the last and counts as done.
func (e *Engine) Stop() Status {
	if e.done {
		return e.Status()
	}
	now := e.clock.Now()
	e.advance(now)
	if !e.done {
		e.spent[e.step] += e.phaseElapsed(now)
		if e.spent[e.step] > 0 {
			e.status[e.step] = e.leftStatus()
		}
		e.stopped = true
		e.offset, e.since = 0, now
		e.running, e.done = false, true
		e.endedAt = now.Wall
	}
	return e.Status()
}

// Status is the run's status now. A run that reached its end is Completed
// only if some step was done; skipping through everything is Abandoned.
func (e *Engine) Status() Status {
	if !e.done {
		return Running
	}
	done := false
	for _, s := range e.status {
		done = done || s == StepDone
	}
	switch {
	case !done:
		return Abandoned
	case e.finished():
		return Completed
	}
	return Partial
}

// finished reports whether the run reached the end of its last step: by
// time or Next, or by Stop once most of it ran.
func (e *Engine) finished() bool {
	if !e.done || len(e.status) == 0 {
		return false
	}
	last := e.status[len(e.status)-1]
	return last == StepDone || last != "" && !e.stopped
}

// Results lists the steps that have ended, in routine order.
func (e *Engine) Results() []StepResult {
	var out []StepResult
	for i, s := range e.status {
		if s != "" {
			out = append(out, e.result(i))
		}
	}
	return out
}

// StartedAt and EndedAt are wall-clock instants; EndedAt is zero until the
// run is done.
func (e *Engine) StartedAt() time.Time { return e.startedAt }

// EndedAt is when the run ended, or zero.
func (e *Engine) EndedAt() time.Time { return e.endedAt }

// advance ends every phase whose time is up by now. Time left over from a
// phase carries into the next, so a late update never makes the run drift.
func (e *Engine) advance(now Reading) []Event {
	if !e.running {
		return nil
	}
	var evs []Event
	elapsed := e.phaseElapsed(now)
	for {
		ph := e.r.Steps[e.step].Phases[e.phase]
		if d := ph.Duration; ph.Wait || elapsed < d {
			// A ready phase lasts until Ready; its time is the wait.
			e.offset, e.since = elapsed, now
			return evs
		}
		elapsed -= ph.Duration
		e.spent[e.step] += ph.Duration
		if e.phase+1 < len(e.r.Steps[e.step].Phases) {
			e.phase++
			evs = append(evs, e.event(PhaseStarted))
			continue
		}
		evs = append(evs, e.endStep(StepDone))
		if e.step+1 >= len(e.r.Steps) {
			return append(evs, e.finish(now, elapsed)...)
		}
		e.step, e.phase = e.step+1, 0
		evs = append(evs, e.event(PhaseStarted))
	}
}

// phaseElapsed is routine time spent in the current phase at now.
func (e *Engine) phaseElapsed(now Reading) time.Duration {
	if !e.running {
		return e.offset
	}
	return e.offset + e.scale(now.Mono-e.since.Mono)
}

func (e *Engine) scale(real time.Duration) time.Duration {
	return time.Duration(float64(real) * e.speed)
}

func (e *Engine) moveTo(now Reading, step int) {
	e.step, e.phase = step, 0
	e.offset, e.since = 0, now
}

func (e *Engine) endStep(s StepStatus) Event {
	e.status[e.step] = s
	return Event{Kind: StepEnded, Step: e.step, Phase: e.phase, Result: e.result(e.step)}
}

// finish ends the run; over is routine time past the last deadline, so the
// recorded end is the deadline itself rather than the late update.
func (e *Engine) finish(now Reading, over time.Duration) []Event {
	e.running, e.done = false, true
	e.offset, e.since = 0, now
	e.endedAt = now.Wall.Add(-time.Duration(float64(over) / e.speed))
	return []Event{{Kind: Finished, Step: e.step, Phase: e.phase}}
}

func (e *Engine) result(i int) StepResult {
	s := e.r.Steps[i]
	return StepResult{Index: i, Title: s.Title, Planned: s.Duration(), Actual: e.spent[i], Status: e.status[i]}
}

func (e *Engine) event(k EventKind) Event {
	return Event{Kind: k, Step: e.step, Phase: e.phase}
}
