package journal_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func TestRunIsSavedAtEveryTransition(t *testing.T) {
	j, st, clock := newTestJournal(t, 23, 30)
	r, _ := j.Library().Find("quick")
	run := j.NewRun(r, 1)
	ctx := context.Background()
	run.Engine.Start()
	if err := run.SaveNow(ctx); err != nil {
		t.Fatal(err)
	}
	if len(st.Runs) != 1 || st.Runs[0].Night != "2026-11-23" || st.Runs[0].Status != routine.Running || st.Runs[0].Title != "Quick" {
		t.Fatalf("after the start: %+v", st.Runs)
	}
	clock.Advance(2 * time.Minute)
	run.Engine.Update()
	if err := run.SaveNow(ctx); err != nil {
		t.Fatal(err)
	}
	if got := st.Runs[0]; got.Status != routine.Completed || len(got.Steps) != 2 || run.ID() != 1 {
		t.Errorf("at the end: %+v (id %d)", got, run.ID())
	}
}

func TestRunCatchesUpAfterAFailedSave(t *testing.T) {
	j, st, clock := newTestJournal(t, 23, 30)
	r, _ := j.Library().Find("quick")
	run := j.NewRun(r, 1)
	ctx := context.Background()
	run.Engine.Start()
	st.FailWrites = errors.New("disk full")
	if err := run.SaveNow(ctx); err == nil || run.Err() == nil {
		t.Fatal("a failed save reported no error")
	}
	clock.Advance(time.Minute)
	run.Engine.Update()
	st.FailWrites = nil
	if err := run.SaveNow(ctx); err != nil || run.Err() != nil {
		t.Fatalf("save after the disk recovered: %v", err)
	}
	if len(st.Runs) != 1 || len(st.Runs[0].Steps) != 1 {
		t.Errorf("record after catching up: %+v", st.Runs)
	}
}

func TestRunDropsAnOlderProgress(t *testing.T) {
	j, st, clock := newTestJournal(t, 23, 30)
	r, _ := j.Library().Find("quick")
	run := j.NewRun(r, 1)
	ctx := context.Background()
	run.Engine.Start()
	older := run.Progress()
	clock.Advance(time.Minute)
	run.Engine.Update()
	newer := run.Progress()
	// Commands may finish out of order; the newer state must win.
	if err := run.Save(ctx, newer); err != nil {
		t.Fatal(err)
	}
	if err := run.Save(ctx, older); err != nil {
		t.Fatal(err)
	}
	if got := st.Runs[0]; len(got.Steps) != 1 || got.CurrentStep != 1 {
		t.Errorf("stored %+v, want the newer state (one step done)", got)
	}
}

func TestRunLock(t *testing.T) {
	j, _, _ := newTestJournal(t, 23, 30)
	l, err := j.LockRun()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := j.LockRun(); !errors.Is(err, journal.ErrRunElsewhere) {
		t.Errorf("second LockRun: %v, want journal.ErrRunElsewhere", err)
	}
	if !j.RunningElsewhere() {
		t.Error("RunningElsewhere = false while the lock is held")
	}
	if err := l.Release(); err != nil || j.RunningElsewhere() {
		t.Errorf("after Release: %v, elsewhere %v", err, j.RunningElsewhere())
	}
}

func TestInterruptedRun(t *testing.T) {
	cut := func(steps []routine.StepResult) night.Run {
		return night.Run{ID: 1, Routine: "quick", Title: "Quick", Night: "2026-11-22", Status: routine.Running,
			StartedAt: time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC),
			UpdatedAt: time.Date(2026, 11, 22, 23, 1, 30, 0, time.UTC),
			Speed:     1, CurrentStep: len(steps), CurrentElapsed: 30 * time.Second, Steps: steps}
	}
	done := []routine.StepResult{{Index: 0, Title: "Settle", Planned: time.Minute, Actual: time.Minute, Status: routine.StepDone}}
	ctx := context.Background()
	t.Run("ended as partial at its last save", func(t *testing.T) {
		j, st, _ := newTestJournal(t, 8, 0)
		st.Runs = []night.Run{cut(done)}
		r, ok, err := j.Interrupted(ctx)
		if err != nil || !ok {
			t.Fatalf("Interrupted = %v, %v", ok, err)
		}
		if err := j.EndInterrupted(ctx, r); err != nil {
			t.Fatal(err)
		}
		if got := st.Runs[0]; got.Status != routine.Partial || !got.EndedAt.Equal(r.UpdatedAt) {
			t.Errorf("ended as %s at %v, want partial at %v", got.Status, got.EndedAt, r.UpdatedAt)
		}
	})
	t.Run("ended as abandoned with no step done", func(t *testing.T) {
		j, st, _ := newTestJournal(t, 8, 0)
		st.Runs = []night.Run{cut(nil)}
		if err := j.EndInterrupted(ctx, st.Runs[0]); err != nil || st.Runs[0].Status != routine.Abandoned {
			t.Errorf("status %s, %v", st.Runs[0].Status, err)
		}
	})
	t.Run("resumed in the same record, paused", func(t *testing.T) {
		j, st, _ := newTestJournal(t, 8, 0)
		st.Runs = []night.Run{cut(done)}
		run, err := j.Resume(st.Runs[0])
		if err != nil {
			t.Fatal(err)
		}
		snap := run.Engine.Snapshot()
		if run.ID() != 1 || snap.Step != 1 || snap.Running {
			t.Errorf("resumed at step %d, running %v, id %d", snap.Step, snap.Running, run.ID())
		}
		if err := run.SaveNow(ctx); err != nil || len(st.Runs) != 1 {
			t.Errorf("saving the resumed run: %v; %d runs", err, len(st.Runs))
		}
	})
	t.Run("not resumed when the routine changed", func(t *testing.T) {
		j, _, _ := newTestJournal(t, 8, 0)
		changed := cut([]routine.StepResult{{Index: 0, Title: "Something else", Status: routine.StepDone}})
		if r, why := j.Resumable(changed); r != nil || !strings.Contains(why, "has changed") {
			t.Errorf("Resumable = %v, %q", r, why)
		}
		gone := cut(done)
		gone.Routine = "calm"
		if _, err := j.Resume(gone); err == nil || !strings.Contains(err.Error(), "no longer among your routines") {
			t.Errorf("Resume of a removed routine: %v", err)
		}
	})
}

// Leaving, or a signal, keeps the step in progress with the time it ran.
func TestRunStopKeepsTheStepInProgress(t *testing.T) {
	j, st, clock := newTestJournal(t, 23, 30)
	r, _ := j.Library().Find("quick")
	run := j.NewRun(r, 1)
	ctx := context.Background()
	run.Engine.Start()
	clock.Advance(time.Minute + 28*time.Second) // Settle done, Breathe at 0:28
	if err := run.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	got := st.Runs[0]
	if got.Status != routine.Partial || len(got.Steps) != 2 {
		t.Fatalf("stored %s with steps %+v, want partial with 2", got.Status, got.Steps)
	}
	if s := got.Steps[1]; s.Title != "Breathe" || s.Actual != 28*time.Second || routine.StepOutcome(s) != "cut short at 0:28" {
		t.Errorf("step in progress stored as %+v (%s)", s, routine.StepOutcome(s))
	}
}

// A flare-up's measure left part-way records the minutes it ran.
func TestAFlareRunLeftPartWayCountsItsMinutes(t *testing.T) {
	j, st, clock := shippedJournal(t)
	var walk journal.ToolOption
	for _, o := range j.Toolkit(5) {
		if o.Entry.ID == "walk" {
			walk = o
		}
	}
	run := j.NewFlareRun(walk.Routine, 60)
	run.Engine.Start()
	clock.Advance(2*time.Second + 700*time.Millisecond) // 2:42 of the walk's 5:00 at --speed 60
	if err := run.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := run.Minutes(); got != 3 {
		t.Errorf("minutes %d, want 3", got)
	}
	if len(st.Runs) != 1 || len(st.Runs[0].Steps) != 1 || st.Runs[0].Status != routine.Abandoned {
		t.Errorf("stored %+v, want the walk cut short", st.Runs)
	}
}

// A run cut off (a crash) and then ended keeps its step in progress as it
// was at the last save.
func TestEndInterruptedKeepsTheStepInProgress(t *testing.T) {
	j, st, _ := newTestJournal(t, 8, 0)
	st.Runs = []night.Run{{ID: 1, Routine: "quick", Title: "Quick", Night: "2026-11-22", Status: routine.Running,
		StartedAt: time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC),
		UpdatedAt: time.Date(2026, 11, 22, 23, 1, 30, 0, time.UTC),
		Speed:     1, CurrentStep: 1, CurrentElapsed: 30 * time.Second,
		Steps: []routine.StepResult{{Index: 0, Title: "Settle", Planned: time.Minute, Actual: time.Minute, Status: routine.StepDone}}}}
	if err := j.EndInterrupted(context.Background(), st.Runs[0]); err != nil {
		t.Fatal(err)
	}
	got := st.Runs[0]
	if got.Status != routine.Partial || len(got.Steps) != 2 || routine.StepOutcome(got.Steps[1]) != "cut short at 0:30" {
		t.Errorf("ended as %s with %+v, want partial with Breathe cut short at 0:30", got.Status, got.Steps)
	}
}

// Most of the step in progress ran before the cut: it counts as done, and
// so the run is partial, as the choice offered says.
func TestEndedAsCountsAStepMostlyRun(t *testing.T) {
	j, _, _ := newTestJournal(t, 8, 0)
	cut := night.Run{ID: 1, Routine: "quick", Title: "Quick", Night: "2026-11-22", Status: routine.Running,
		StartedAt: time.Date(2026, 11, 22, 23, 0, 0, 0, time.UTC), Speed: 1, CurrentStep: 0, CurrentElapsed: 55 * time.Second}
	if cut.EndStatus() != routine.Abandoned {
		t.Fatalf("the saved steps alone say %s", cut.EndStatus())
	}
	if cp := j.EndedAs(cut); cp.Status != routine.Partial || len(cp.Steps) != 1 || cp.Steps[0].Status != routine.StepDone {
		t.Errorf("EndedAs = %+v, want partial with Settle done", cp)
	}
}
