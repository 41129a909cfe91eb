package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/routine"
)

func TestHomeSaysARoutineRunsElsewhere(t *testing.T) {
	for _, elsewhere := range []bool{false, true} {
		t.Run(map[bool]string{false: "alone", true: "elsewhere"}[elsewhere], func(t *testing.T) {
			hs := newHarness(t, testOptions{Library: testLibrary(), Runs: &fakeRuns{elsewhere: elsewhere}}, 80, 24)
			v := hs.view()
			for _, want := range []string{"A routine is running in another window.", "Evening wind-down · running in another window"} {
				if strings.Contains(v, want) != elsewhere {
					t.Errorf("%q shown: %v, want %v:\n%s", want, !elsewhere, elsewhere, v)
				}
			}
		})
	}
}

// TestStartingWhileRunningElsewhereAsks: every way to start a routine asks
// first; n goes back to where the person was, y starts without the lock.
func TestStartingWhileRunningElsewhereAsks(t *testing.T) {
	tests := []struct {
		name  string
		o     testOptions
		keys  []string // to the question
		back  string   // shown after n
		after []string // from y to the runner
	}{
		{"home", testOptions{}, []string{"e"}, "Evening routine (e)", []string{"esc"}},
		{"picker", testOptions{Start: StartPicker}, []string{"down", "enter"}, "› Quick wind-down", []string{"esc"}},
		{"by name", testOptions{Start: StartRoutine, Routine: testRoutine(), Runs: &fakeRuns{elsewhere: true}}, nil, "Evening routine (e)", []string{"esc"}},
		{"by name, no log", testOptions{Start: StartRoutine, Routine: testRoutine(), SkipEveningLog: true, Runs: &fakeRuns{elsewhere: true}}, nil, "Evening routine (e)", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ask := func() *harness {
				o := tt.o
				o.Library = testLibrary()
				if r := o.Runs; r != nil {
					copied := *r
					o.Runs = &copied
				}
				hs := newHarness(t, o, 80, 24)
				hs.runs.elsewhere = true // by now another window runs one
				hs.keys(tt.keys...)
				if v := hs.view(); !strings.Contains(v, "A routine is running in another window.") ||
					!strings.Contains(v, "Start another anyway? y/n") || hs.root.runner != nil {
					t.Fatalf("no question before starting:\n%s", v)
				}
				return hs
			}
			hs := ask()
			hs.key("n")
			if v := hs.view(); !strings.Contains(v, tt.back) || hs.root.runner != nil {
				t.Fatalf("n did not go back to %q:\n%s", tt.back, v)
			}
			hs = ask()
			hs.key("y")
			hs.keys(tt.after...)
			if hs.root.runner == nil {
				t.Fatalf("y did not start the routine:\n%s", hs.view())
			}
			if v := hs.view(); !strings.Contains(v, "Running alongside another window.") {
				t.Errorf("the runner does not say it runs alongside:\n%s", v)
			}
			if hs.root.locked || hs.runs.locks != 0 {
				t.Error("a routine started alongside took the lock")
			}
		})
	}
}

func TestElsewhereGoldens(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		name := "elsewhere-" + itoa(sz.w) + "x" + itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			hs := newHarness(t, testOptions{Library: testLibrary(), Runs: &fakeRuns{elsewhere: true}}, sz.w, sz.h)
			hs.key("e")
			v := hs.view()
			checkSize(t, v, sz.w, sz.h)
			golden(t, name, v)
		})
	}
}

// TestRunLockIsHeldWhileARoutineRuns: taken when the routine is chosen,
// let go when it ends, however it ends, and never before its record is
// whole.
func TestRunLockIsHeldWhileARoutineRuns(t *testing.T) {
	tests := []struct {
		name string
		end  func(hs *harness)
		held bool // still held after end
	}{
		{"finished", func(hs *harness) { hs.wait(60 * time.Second); hs.wait(60 * time.Second) }, false},
		{"skipped to the end", func(hs *harness) { hs.keys("n", "n", "n") }, false},
		{"left", func(hs *harness) { hs.keys("q", "y") }, false},
		{"finished unsaved", func(hs *harness) {
			hs.saver.fail = errDiskFull
			hs.wait(60 * time.Second)
			hs.wait(60 * time.Second)
		}, true},
		{"still running", func(hs *harness) { hs.wait(10 * time.Second) }, true},
		{"quit during the evening log", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newHarness(t, testOptions{Library: testLibrary()}, 80, 24)
			hs.key("e")
			if !hs.root.locked || hs.runs.locks != 1 {
				t.Fatalf("choosing a routine did not take the lock (%d taken)", hs.runs.locks)
			}
			if tt.end != nil {
				hs.key("esc") // skip the evening log
				tt.end(hs)
			}
			if hs.root.locked != tt.held {
				t.Errorf("lock held %v after the run, want %v", hs.root.locked, tt.held)
			}
			hs.saver.fail = nil
			hs.root.Close()
			if hs.root.locked {
				t.Error("Close did not let go of the lock")
			}
		})
	}
}

// TestResumeRefusedWhileRunningElsewhere: two windows both asked about one
// cut-off run; the first resumes it and holds the lock, so the second is
// told it can't, and neither starts a runner nor writes to the record.
func TestResumeRefusedWhileRunningElsewhere(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary(), Runs: &fakeRuns{interrupted: cutOff()}}, 80, 24)
	hs.runs.elsewhere = true // the other window resumed it meanwhile
	hs.key("r")
	if hs.root.runner != nil || len(hs.saver.cps) != 0 {
		t.Fatalf("resumed alongside the other window (runner %v, %d saves)", hs.root.runner != nil, len(hs.saver.cps))
	}
	v := hs.view()
	if !strings.Contains(v, "can't be resumed here") || strings.Contains(v, "r resume") {
		t.Errorf("the refusal is not shown, or r is still offered:\n%s", v)
	}
}

// TestCutOffRunResumesWithTheStore runs a routine on one storage, cuts it
// off the way a crash does (the lock goes, nothing else is saved), and
// resumes it in a new window to the end, in the same record. (The
// end-to-end tests do the same with the real binary, SQLite and kill -9.)
func TestCutOffRunResumesWithTheStore(t *testing.T) {
	st := journaltest.New()
	clock := routine.NewFakeClock(t0)
	o := testOptions{Library: testLibrary(), Storage: st, Clock: clock, SkipEveningLog: true}
	first := newHarness(t, o, 80, 24)
	first.key("e")
	first.wait(40 * time.Second)
	if yes, _ := st.RunningElsewhere(); !yes {
		t.Fatal("the store does not see the run lock taken")
	}
	first.root.releaseRun() // the process dies; the OS lets go of its lock

	second := newHarness(t, o, 80, 24)
	if _, ok := second.root.top().(*interrupted); !ok {
		t.Fatalf("a new window did not ask about the cut-off run:\n%s", second.view())
	}
	second.key("r")
	second.key("space")
	second.wait(30 * time.Second)
	second.wait(60 * time.Second)
	if yes, _ := st.RunningElsewhere(); yes {
		t.Error("the run lock is still held after the run finished")
	}
	ss := st.Runs
	if len(ss) != 1 || ss[0].Status != routine.Completed || len(ss[0].Steps) != 3 {
		t.Fatalf("want one completed session of 3 steps, got %+v", ss)
	}
	if _, ok, _ := st.Interrupted(context.Background()); ok {
		t.Error("the finished run still reads as interrupted")
	}
}
