package journal

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/quietlegs/quietlegs/hook"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Run is one run of a routine as it happens: its engine, and its record,
// saved at every transition. A save that fails is kept as Err and the next
// save writes the whole state again, so a storage hiccup never stops the
// routine and, once storage is back, the record catches up whole.
//
// The engine belongs to the goroutine that drives it (the screen's Update,
// or plain mode's loop): only that goroutine calls Engine and Progress.
// Save may run anywhere, as a screen's command does; saves are serialised,
// and one older than what is already saved is dropped.
type Run struct {
	Engine *routine.Engine
	j      *Journal

	// seq numbers Progress snapshots, on the engine's goroutine.
	seq uint64

	// flare marks a run of a toolkit measure during a flare-up.
	flare bool

	mu    sync.Mutex
	id    int64  // the stored run, 0 before the first good save
	saved uint64 // the newest snapshot saved
	err   error
	// told is set once the run's end was saved and the hook started.
	told bool
}

// NewRun prepares a run of r at speed (1 is real time). The engine is not
// started: the front end starts it when the person is ready.
func (j *Journal) NewRun(r *routine.Routine, speed float64) *Run {
	return &Run{Engine: routine.NewEngine(r, j.clock, speed), j: j}
}

// Progress is a run's state at one moment, ready to save.
type Progress struct {
	seq   uint64
	start night.Run
	cp    night.Checkpoint
}

// Ended reports whether p is the state of a run that has ended.
func (p Progress) Ended() bool { return p.cp.Status != routine.Running }

// Progress snapshots the run's state now. Call it from the engine's
// goroutine.
func (r *Run) Progress() Progress {
	e := r.Engine
	r.seq++
	rt := e.Routine()
	start := e.StartedAt()
	snap := e.Snapshot()
	return Progress{
		seq: r.seq,
		start: night.Run{
			Routine: rt.Name, Title: rt.DisplayTitle(), Night: night.Of(start, r.j.set.Boundary),
			StartedAt: start, Speed: e.Speed(), Planned: rt.Duration(), Flare: r.flare,
		},
		cp: night.Checkpoint{
			Steps: e.Results(), CurrentStep: snap.Step, CurrentElapsed: snap.StepPosition,
			Status: e.Status(), EndedAt: e.EndedAt(),
		},
	}
}

// Save writes p: the run's start the first time, then its checkpoint.
func (r *Run) Save(ctx context.Context, p Progress) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p.seq <= r.saved {
		return r.err // a newer state is saved already
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	if r.id == 0 {
		id, err := r.j.st.StartRun(ctx, p.start)
		if err != nil {
			r.err = fmt.Errorf("save routine start: %w", err)
			return r.err
		}
		r.id = id
	}
	if err := r.j.st.Checkpoint(ctx, r.id, p.cp); err != nil {
		r.err = fmt.Errorf("save routine progress: %w", err)
		return r.err
	}
	r.saved, r.err = p.seq, nil
	// A trial run (--speed) is kept but is not the routine done, nor is a
	// run of the night toolkit: no hook.
	if p.Ended() && !r.told && !p.start.Trial() && !p.start.Flare {
		r.told = true
		r.j.hooks.Run(hook.RoutineEnd, runEnv(p))
	}
	return nil
}

// runEnv is a run's end for its hook's environment.
func runEnv(p Progress) []string {
	t := routine.Count(p.cp.Steps)
	return []string{
		"QUIETLEGS_NIGHT=" + p.start.Night,
		"QUIETLEGS_ROUTINE=" + p.start.Routine,
		"QUIETLEGS_STATUS=" + string(p.cp.Status),
		"QUIETLEGS_STEPS_DONE=" + strconv.Itoa(t.Done),
		"QUIETLEGS_STEPS=" + strconv.Itoa(len(p.cp.Steps)),
		"QUIETLEGS_MINUTES=" + strconv.Itoa(int(t.Spent.Round(time.Minute)/time.Minute)),
	}
}

// SaveNow snapshots and saves at once, on the engine's goroutine.
func (r *Run) SaveNow(ctx context.Context) error { return r.Save(ctx, r.Progress()) }

// Err is the last save's error, nil once a save succeeds.
func (r *Run) Err() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// ID is the stored run's id, or 0 before the first good save.
func (r *Run) ID() int64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.id
}

// Stop ends the run where it stands, unless it is over already, and saves
// it: what quitting, a signal or a closed terminal does.
func (r *Run) Stop(ctx context.Context) error {
	if !r.Engine.Snapshot().Done {
		r.Engine.Stop()
	}
	return r.SaveNow(ctx)
}

// LockRun takes the run lock for a routine about to start, or returns
// ErrRunElsewhere when a routine runs in another window.
func (j *Journal) LockRun() (Lock, error) { return j.st.LockRun() }

// RunningElsewhere reports whether a routine runs in another window; it
// says no when it cannot tell.
func (j *Journal) RunningElsewhere() bool {
	yes, err := j.st.RunningElsewhere()
	return err == nil && yes
}

// Interrupted is the latest run if it was cut off (a crash, a closed
// terminal, a power cut): still running in the record while no window
// holds the run lock.
func (j *Journal) Interrupted(ctx context.Context) (night.Run, bool, error) {
	ctx, cancel := bounded(ctx)
	defer cancel()
	return j.st.Interrupted(ctx)
}

// Resumable finds the routine that cut ran, as it was. A routine renamed,
// removed or changed since can't be resumed, and why says so.
func (j *Journal) Resumable(cut night.Run) (r *routine.Routine, why string) {
	title := cut.Title
	if title == "" {
		title = cut.Routine
	}
	find := j.lib.Find
	if cut.Flare {
		find = j.toolRoutine
	}
	r, ok := find(cut.Routine)
	if !ok {
		return nil, fmt.Sprintf("“%s” is no longer among your routines (was its file renamed?), so it can't be resumed.", title)
	}
	changed := cut.CurrentStep < 0 || cut.CurrentStep >= len(r.Steps)
	for _, x := range cut.Steps {
		changed = changed || x.Index < 0 || x.Index >= len(r.Steps) || r.Steps[x.Index].Title != x.Title
	}
	if changed {
		return nil, fmt.Sprintf("“%s” has changed since this run started, so it can't be resumed.", title)
	}
	return r, ""
}

// Resume carries on the cut-off run at the step in progress, paused, in
// the same record and at the speed it ran at, so its record stays true.
func (j *Journal) Resume(cut night.Run) (*Run, error) {
	rt, why := j.Resumable(cut)
	if rt == nil {
		return nil, errors.New(why)
	}
	speed := cut.Speed
	if speed <= 0 {
		speed = 1
	}
	e := routine.NewEngine(rt, j.clock, speed)
	if err := e.Restore(cut.CurrentStep, cut.CurrentElapsed, cut.Steps); err != nil {
		return nil, err
	}
	return &Run{Engine: e, j: j, id: cut.ID, flare: cut.Flare}, nil
}

// EndInterrupted records the cut-off run as ended at its last save (about
// when it was cut off), as EndedAs says.
func (j *Journal) EndInterrupted(ctx context.Context, cut night.Run) error {
	cp := j.EndedAs(cut)
	ctx, cancel := bounded(ctx)
	defer cancel()
	return j.st.Checkpoint(ctx, cut.ID, cp)
}

// EndedAs is how EndInterrupted records the cut-off run, as when a person
// quits: the step in progress ends with the time it had (done at 90 %,
// else cut short), and the run is partial when a step was done, else
// abandoned. A routine changed since can't say what its step was, so only
// the steps ended are kept.
func (j *Journal) EndedAs(cut night.Run) night.Checkpoint {
	cp := night.Checkpoint{
		Steps: cut.Steps, CurrentStep: cut.CurrentStep, CurrentElapsed: cut.CurrentElapsed,
		Status: cut.EndStatus(), EndedAt: cut.LastSaved(),
	}
	if rt, _ := j.Resumable(cut); rt != nil {
		e := routine.NewEngine(rt, j.clock, 1)
		if err := e.Restore(cut.CurrentStep, cut.CurrentElapsed, cut.Steps); err == nil {
			cp.Status, cp.Steps = e.Stop(), e.Results()
		}
	}
	return cp
}
