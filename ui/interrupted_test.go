package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// cutOff is a run of the evening wind-down cut off in its second step, the
// calf stretch done, last saved 40 s into the massage.
func cutOff() *night.Run {
	return &night.Run{
		ID: 42, Routine: routine.DefaultName, Title: "Evening wind-down", Night: "2026-11-22",
		StartedAt: t0.Add(-10 * time.Minute), UpdatedAt: t0.Add(-9*time.Minute - 20*time.Second),
		Status: routine.Running, Speed: 1, Planned: 2 * time.Minute,
		CurrentStep: 1, CurrentElapsed: 10 * time.Second,
		Steps: []routine.StepResult{{Index: 0, Title: "Calf stretch", Planned: 30 * time.Second,
			Actual: 30 * time.Second, Status: routine.StepDone}},
	}
}

func startInterrupted(t *testing.T, w, h int, start Start, s *night.Run, lib *routine.Library) *harness {
	t.Helper()
	hs := newHarness(t, testOptions{Library: lib, Start: start, Runs: &fakeRuns{interrupted: s}}, w, h)
	if _, ok := hs.root.top().(*interrupted); !ok {
		t.Fatalf("opened on %T, want the interrupted run first:\n%s", hs.root.top(), hs.view())
	}
	return hs
}

func TestInterruptedIsAskedAboutFirst(t *testing.T) {
	tests := []struct {
		name  string
		start Start
		asks  bool
	}{
		{"home", StartHome, true},
		{"picker", StartPicker, true},
		{"morning check-in", StartMorning, false},
		{"a routine by name", StartRoutine, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := testOptions{Library: testLibrary(), Start: tt.start, Routine: testRoutine(), Runs: &fakeRuns{interrupted: cutOff()}}
			hs := newHarness(t, o, 80, 24)
			_, asks := hs.root.top().(*interrupted)
			if asks != tt.asks {
				t.Fatalf("asked about the interrupted run: %v, want %v:\n%s", asks, tt.asks, hs.view())
			}
			if !asks {
				return
			}
			v := hs.view()
			for _, want := range []string{"Your routine was interrupted", "Evening wind-down",
				"started Sun 22 Nov at 21:20 · last saved 21:20", "step 2 of 3: Leg massage", "1 of 3 steps done so far",
				"r resume", "p record as ended", "esc decide later"} {
				if !strings.Contains(v, want) {
					t.Errorf("view lacks %q:\n%s", want, v)
				}
			}
		})
	}
}

func TestInterruptedResumesTheSameSession(t *testing.T) {
	s := cutOff()
	s.Speed = 2 // as it was started; the options say 1
	hs := startInterrupted(t, 80, 24, StartHome, s, testLibrary())
	hs.key("r")
	if hs.root.runner == nil || !hs.root.locked || hs.runs.locks != 1 {
		t.Fatalf("r did not start the run holding the lock: screen %T, locked %v", hs.root.top(), hs.root.locked)
	}
	v := hs.view()
	for _, want := range []string{"step 2 of 3", "Leg massage", "Paused: resumed after an interruption. space to go on"} {
		if !strings.Contains(v, want) {
			t.Errorf("resumed view lacks %q:\n%s", want, v)
		}
	}
	hs.clock.Advance(time.Hour) // settling in takes no routine time
	hs.key("space")
	hs.wait(15 * time.Second)
	hs.wait(30 * time.Second)
	if len(hs.saver.started) != 0 {
		t.Errorf("resuming started %d new sessions, want none", len(hs.saver.started))
	}
	for i, id := range hs.saver.ids {
		if id != 42 {
			t.Fatalf("checkpoint %d went to session %d, want 42", i+1, id)
		}
	}
	cp := hs.saver.last()
	if cp.Status != routine.Completed || len(cp.Steps) != 3 || cp.Steps[0].Actual != 30*time.Second {
		t.Errorf("resumed run saved as %+v", cp)
	}
	if hs.root.locked {
		t.Error("the run lock is still held after the run finished")
	}
}

func TestInterruptedRecordedAsEnded(t *testing.T) {
	skipped := []routine.StepResult{{Index: 0, Title: "Calf stretch", Planned: 30 * time.Second, Actual: 4 * time.Second, Status: routine.StepSkipped}}
	tests := []struct {
		name   string
		start  Start
		steps  []routine.StepResult
		status routine.Status
		lands  string
	}{
		{"a step done, from home", StartHome, cutOff().Steps, routine.Partial, "Choose a routine (r)"},
		{"a step done, from the picker", StartPicker, cutOff().Steps, routine.Partial, "Choose a routine"},
		{"only skipped", StartHome, skipped, routine.Abandoned, "Morning check-in"},
		{"none ended", StartHome, nil, routine.Abandoned, "Morning check-in"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := cutOff()
			s.Steps = tt.steps
			hs := startInterrupted(t, 80, 24, tt.start, s, testLibrary())
			if v := hs.view(); !strings.Contains(v, "("+string(tt.status)+") at 21:20") {
				t.Errorf("the choice does not say %s:\n%s", tt.status, v)
			}
			hs.key("p")
			cp, ok := hs.runs.cps[42]
			if !ok {
				t.Fatal("p recorded nothing")
			}
			// The step in progress is kept too, with the time it had.
			if cp.Status != tt.status || !cp.EndedAt.Equal(s.UpdatedAt) || len(cp.Steps) != len(tt.steps)+1 || cp.CurrentStep != 1 {
				t.Errorf("recorded %+v, want %s ended at the last save %v", cp, tt.status, s.UpdatedAt)
			}
			if last := cp.Steps[len(cp.Steps)-1]; routine.StepOutcome(last) != "cut short at 0:10" {
				t.Errorf("step in progress recorded as %+v", last)
			}
			if v := hs.view(); !strings.Contains(v, tt.lands) {
				t.Errorf("after p, want a screen with %q:\n%s", tt.lands, v)
			}
			if hs.root.runner != nil || hs.root.locked {
				t.Error("recording a run as ended started one")
			}
		})
	}
}

func TestInterruptedRecordFailureStays(t *testing.T) {
	hs := startInterrupted(t, 80, 24, StartHome, cutOff(), testLibrary())
	hs.runs.cpFail = errDiskFull
	hs.key("p")
	v := hs.view()
	if _, still := hs.root.top().(*interrupted); !still || !strings.Contains(v, "disk is full") {
		t.Fatalf("a failed record did not stay and say so:\n%s", v)
	}
	hs.runs.cpFail = nil
	hs.key("p")
	if _, ok := hs.runs.cps[42]; !ok {
		t.Error("p after the failure recorded nothing")
	}
}

func TestInterruptedDecideLater(t *testing.T) {
	hs := startInterrupted(t, 80, 24, StartHome, cutOff(), testLibrary())
	hs.key("esc")
	if v := hs.view(); !strings.Contains(v, "Evening routine") {
		t.Errorf("esc did not go home:\n%s", v)
	}
	if len(hs.runs.cps) != 0 || len(hs.saver.cps) != 0 || hs.runs.locks != 0 {
		t.Errorf("esc changed something: %v, %v, %d locks", hs.runs.cps, hs.saver.cps, hs.runs.locks)
	}
}

func TestInterruptedThatCannotResume(t *testing.T) {
	renamed := cutOff()
	renamed.Routine = "old-name"
	beyond := cutOff()
	beyond.CurrentStep = 7
	retitled := cutOff()
	retitled.Steps[0].Title = "Hamstring stretch"
	tests := []struct {
		name string
		s    *night.Run
		why  string
	}{
		{"renamed", renamed, "no longer among your routines"},
		{"fewer steps now", beyond, "has changed since"},
		{"steps renamed", retitled, "has changed since"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startInterrupted(t, 80, 24, StartHome, tt.s, testLibrary())
			v := hs.view()
			if !strings.Contains(v, tt.why) || strings.Contains(v, "r resume") {
				t.Errorf("want %q and no r:\n%s", tt.why, v)
			}
			hs.key("r")
			if hs.root.runner != nil {
				t.Fatal("r resumed a run that cannot be")
			}
			hs.key("p")
			if cp, ok := hs.runs.cps[42]; !ok || cp.Status != routine.Partial {
				t.Errorf("p recorded %+v", cp)
			}
		})
	}
}

func TestInterruptedGoldens(t *testing.T) {
	missing := cutOff()
	missing.Routine = "old-name"
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, sc := range []struct {
			name string
			s    *night.Run
		}{{"interrupted", cutOff()}, {"interrupted-missing", missing}} {
			name := sc.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				v := startInterrupted(t, sz.w, sz.h, StartHome, sc.s, testLibrary()).view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, name, v)
			})
		}
	}
}
