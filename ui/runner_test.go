package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/routine"
)

func startRun(t *testing.T, w, h int, o testOptions) *harness {
	t.Helper()
	o.Start, o.Routine, o.SkipEveningLog = StartRoutine, testRoutine(), true
	return newHarness(t, o, w, h)
}

func TestRunnerStartsRingsAndSaves(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	if len(hs.saver.started) != 1 {
		t.Fatalf("%d sessions started, want 1", len(hs.saver.started))
	}
	s := hs.saver.started[0]
	if s.Night != "2026-11-22" || s.Routine != "test" || s.Planned != 2*time.Minute {
		t.Errorf("session saved as %+v", s)
	}
	if got := hs.saver.last().Status; got != routine.Running {
		t.Errorf("status %s after start, want running", got)
	}
	if len(hs.ticks) != 1 || hs.ticks[0] != time.Second {
		t.Errorf("ticks %v after start, want one of 1s", hs.ticks)
	}
	v := hs.view()
	for _, want := range []string{"Test wind-down", "step 1 of 3", "Calf stretch", "Lean into a wall", "Left", "Left leg back.", "next: Leg massage"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
}

func TestRunnerRingsAtEveryPhaseChange(t *testing.T) {
	tests := []struct {
		name  string
		quiet bool
		bells int
	}{{"bells", false, 1}, {"quiet", true, 0}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startRun(t, 80, 24, testOptions{Quiet: tt.quiet})
			if bells, _ := hs.wait(9 * time.Second); bells != 0 {
				t.Errorf("%d bells mid-phase", bells)
			}
			if bells, _ := hs.wait(time.Second); bells != tt.bells {
				t.Errorf("%d bells at the side change, want %d", bells, tt.bells)
			}
			if v := hs.view(); !strings.Contains(v, "Right") || !strings.Contains(v, "Switch to the right leg.") {
				t.Errorf("view after the change:\n%s", v)
			}
		})
	}
}

func TestRunnerPause(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.wait(3 * time.Second)
	staleGen := hs.root.runner.gen
	before := len(hs.ticks)
	hs.key("space")
	if len(hs.ticks) != before {
		t.Errorf("paused run still schedules ticks: %v", hs.ticks[before:])
	}
	if v := hs.view(); !strings.Contains(v, "Paused") {
		t.Errorf("no pause shown:\n%s", v)
	}
	hs.clock.Advance(time.Hour)
	hs.send(tickMsg{gen: staleGen})
	if s := hs.root.runner.engine.Snapshot(); s.PhaseRemaining != 7*time.Second {
		t.Errorf("%v left after an hour paused, want 7s", s.PhaseRemaining)
	}
	hs.key("space")
	if len(hs.ticks) != before+1 {
		t.Errorf("resuming did not restart ticking")
	}
	if v := hs.view(); strings.Contains(v, "Paused") {
		t.Errorf("still shows paused:\n%s", v)
	}
}

func TestRunnerSkipAndBackAreSaved(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.wait(4 * time.Second)
	if _, bells, _ := hs.key("n"); bells != 2 {
		t.Errorf("%d bells on skip, want 2 (a new step)", bells)
	}
	cp := hs.saver.last()
	if len(cp.Steps) != 1 || cp.Steps[0].Status != routine.StepSkipped || cp.CurrentStep != 1 {
		t.Errorf("after skip saved %+v", cp)
	}
	hs.key("left")
	if s := hs.root.runner.engine.Snapshot(); s.Step != 0 {
		t.Errorf("back went to step %d", s.Step+1)
	}
	hs.key("right")
	hs.key("right")
	if s := hs.root.runner.engine.Snapshot(); s.Step != 2 {
		t.Errorf("right twice went to step %d", s.Step+1)
	}
}

func TestRunnerQuitAsksFirst(t *testing.T) {
	for _, k := range []string{"q", "esc", "ctrl+c"} {
		t.Run(k, func(t *testing.T) {
			hs := startRun(t, 80, 24, testOptions{})
			hs.wait(35 * time.Second)
			if _, _, quit := hs.key(k); quit {
				t.Fatalf("%s quit without asking", k)
			}
			if v := hs.view(); !strings.Contains(v, "Leave the routine?") {
				t.Fatalf("no question shown:\n%s", v)
			}
			if _, _, quit := hs.key("n"); quit {
				t.Fatal("n (stay) quit")
			}
			if s := hs.root.runner.engine.Snapshot(); s.Step != 1 || s.Done {
				t.Fatalf("n while asking skipped a step or ended the run: %+v", s)
			}
			hs.key(k)
			if _, _, quit := hs.key("y"); !quit {
				t.Fatal("y did not leave")
			}
			cp := hs.saver.last()
			if cp.Status != routine.Partial || cp.EndedAt.IsZero() || cp.CurrentStep != 1 {
				t.Errorf("saved on leaving: %+v, want partial with an end time at step 2", cp)
			}
		})
	}
}

func TestRunnerBreathingTicksFasterAndPaces(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.wait(60 * time.Second)
	if s := hs.root.runner.engine.Snapshot(); s.Step != 2 {
		t.Fatalf("at step %d, want the breathing step", s.Step+1)
	}
	if got := hs.ticks[len(hs.ticks)-1]; got != 250*time.Millisecond {
		t.Errorf("breathing ticks every %v, want 250ms", got)
	}
	hs.wait(2 * time.Second)
	if v := hs.view(); !strings.Contains(v, "breathe in") {
		t.Errorf("pacer not breathing in at 2 s:\n%s", v)
	}
	hs.wait(3 * time.Second)
	if v := hs.view(); !strings.Contains(v, "breathe out") {
		t.Errorf("pacer not breathing out at 5 s:\n%s", v)
	}
}

// TestRunnerTicksOnlyWhenTheScreenChanges: with a 4-2-6-1.5 breath, the
// pacer ticks 4 times a second while the bar fills or empties; holding, the
// bar stands still and only the countdown's seconds tick, up to the hold's
// end; paused, nothing ticks.
func TestRunnerTicksOnlyWhenTheScreenChanges(t *testing.T) {
	r := testRoutine()
	b := r.Steps[2].Phases[0].Breath
	b.Hold, b.HoldAfter = 2*time.Second, 1500*time.Millisecond
	hs := newHarness(t, testOptions{Start: StartRoutine, Routine: r, SkipEveningLog: true}, 80, 24)
	hs.wait(60 * time.Second) // to the breathing step
	for _, tt := range []struct {
		after time.Duration // since the last
		stage string
		tick  time.Duration
	}{
		{0, "breathe in", 250 * time.Millisecond},
		{4 * time.Second, "hold", time.Second},
		{time.Second, "hold", time.Second},
		{time.Second, "breathe out", 250 * time.Millisecond},
		{6 * time.Second, "rest", time.Second},
		{time.Second, "rest", 500 * time.Millisecond}, // the rest ends before the next second
		{500 * time.Millisecond, "breathe in", 250 * time.Millisecond},
	} {
		if tt.after > 0 {
			hs.wait(tt.after)
		}
		if v := hs.view(); !strings.Contains(v, tt.stage) {
			t.Errorf("pacer not at %q:\n%s", tt.stage, v)
		}
		if got := hs.ticks[len(hs.ticks)-1]; got != tt.tick {
			t.Errorf("at %q the next tick is in %v, want %v", tt.stage, got, tt.tick)
		}
	}
	before := len(hs.ticks)
	hs.key("space")
	if len(hs.ticks) != before {
		t.Errorf("paused, still ticking: %v", hs.ticks[before:])
	}
}

func TestRunnerFinishes(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.wait(60 * time.Second)
	bells, _ := hs.wait(60 * time.Second)
	if bells != 3 {
		t.Errorf("%d bells at the end, want 3", bells)
	}
	cp := hs.saver.last()
	if cp.Status != routine.Completed || len(cp.Steps) != 3 || !cp.EndedAt.Equal(t0.Add(2*time.Minute)) {
		t.Errorf("saved at the end: %+v", cp)
	}
	v := hs.view()
	for _, want := range []string{"Finished", "3 of 3 steps done, 0 skipped · 2 min", "✓ Paced breathing", "Good night.", "enter to close"} {
		if !strings.Contains(v, want) {
			t.Errorf("summary lacks %q:\n%s", want, v)
		}
	}
	if _, _, quit := hs.key("enter"); !quit {
		t.Errorf("enter on the summary did not close")
	}
	if line := hs.root.Close(); !strings.Contains(line, "Finished · 3 of 3 steps done") {
		t.Errorf("closing line %q", line)
	}
}

func TestRunnerKeepsGoingWhenSavingFails(t *testing.T) {
	saver := &fakeSaver{fail: errDiskFull}
	hs := startRun(t, 80, 24, testOptions{Saver: saver})
	if v := hs.view(); !strings.Contains(v, "not saved yet") || !strings.Contains(v, "disk is full") {
		t.Errorf("save error not shown:\n%s", v)
	}
	hs.wait(5 * time.Second)
	if s := hs.root.runner.engine.Snapshot(); !s.Running {
		t.Fatal("routine stopped because saving failed")
	}
	saver.fail = nil
	hs.wait(time.Second)
	if len(saver.started) != 1 || len(saver.cps) == 0 {
		t.Fatalf("no retry once storage came back: %d sessions, %d checkpoints", len(saver.started), len(saver.cps))
	}
	if v := hs.view(); strings.Contains(v, "not saved") {
		t.Errorf("error still shown after a good save:\n%s", v)
	}
}

func TestCloseSavesARunningRoutine(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.wait(40 * time.Second)
	line := hs.root.Close()
	if cp := hs.saver.last(); cp.Status != routine.Partial || cp.EndedAt.IsZero() {
		t.Errorf("Close saved %+v, want partial with an end", cp)
	}
	if !strings.Contains(line, "Stopped early · 1 of 3 steps done") {
		t.Errorf("closing line %q", line)
	}
}

func TestRunnerGoldens(t *testing.T) {
	sizes := []struct{ w, h int }{{80, 24}, {40, 12}}
	states := []struct {
		name string
		do   func(hs *harness)
	}{
		{"stretch", func(hs *harness) { hs.wait(12 * time.Second) }},
		{"breathing", func(hs *harness) { hs.wait(60 * time.Second); hs.wait(2 * time.Second) }},
		{"massage-safety", func(hs *harness) { hs.wait(45 * time.Second) }},
		{"clock-jump", func(hs *harness) { hs.clock.Jump(3 * time.Hour); hs.wait(time.Second) }},
		{"confirm", func(hs *harness) { hs.key("q") }},
		{"help", func(hs *harness) { hs.key("?") }},
		{"summary", func(hs *harness) { hs.wait(30 * time.Second); hs.key("n"); hs.wait(60 * time.Second) }},
	}
	for _, sz := range sizes {
		for _, st := range states {
			name := st.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				hs := startRun(t, sz.w, sz.h, testOptions{})
				st.do(hs)
				v := hs.view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, "runner-"+name, v)
			})
		}
	}
}

func TestTooSmall(t *testing.T) {
	hs := startRun(t, 19, 4, testOptions{})
	if v := hs.view(); !strings.HasPrefix(v, "Terminal too") {
		t.Errorf("tiny view %q, want it to say the terminal is too small", v)
	}
	// The run goes on underneath: keys and ticks still work.
	hs.wait(10 * time.Second)
	if s := hs.root.runner.engine.Snapshot(); s.Phase != 1 {
		t.Errorf("run did not advance while the screen was too small")
	}
}

// TestLeavingTakesY: at "Leave the routine?" only y leaves; Enter, space
// and any other key stay, and the routine goes on.
func TestLeavingTakesY(t *testing.T) {
	for _, k := range []string{"enter", "space", "n", "esc", "x"} {
		hs := startRun(t, 80, 24, testOptions{})
		hs.key("q")
		if _, _, quit := hs.key(k); quit || hs.root.runner.engine.Snapshot().Done {
			t.Errorf("%s at the question left the routine", k)
		}
		if v := hs.view(); strings.Contains(v, "Leave the routine?") {
			t.Errorf("%s did not answer the question:\n%s", k, v)
		}
	}
	hs := startRun(t, 80, 24, testOptions{})
	hs.key("q")
	if _, _, quit := hs.key("y"); !quit {
		t.Error("y did not leave")
	}
}

// TestLeavingKeepsTheStepInProgress: leaving part-way, by y or as the
// program closes (a signal), saves the step in progress with its time.
func TestLeavingKeepsTheStepInProgress(t *testing.T) {
	tests := []struct {
		name  string
		leave func(hs *harness)
	}{
		{"y", func(hs *harness) { hs.key("q"); hs.key("y") }},
		{"closed", func(hs *harness) { hs.root.Close() }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startRun(t, 80, 24, testOptions{})
			hs.wait(40 * time.Second) // the stretch done, the massage at 0:10
			tt.leave(hs)
			cp := hs.saver.last()
			if len(cp.Steps) != 2 || cp.Status != routine.Partial {
				t.Fatalf("saved %+v, want partial with 2 steps", cp)
			}
			if s := cp.Steps[1]; s.Title != "Leg massage" || routine.StepOutcome(s) != "cut short at 0:10" {
				t.Errorf("step in progress saved as %+v", s)
			}
			if got := hs.root.runner.engine.Summary(); got != "Stopped early · 1 of 3 steps done, 1 cut short · 40 s" {
				t.Errorf("summary %q", got)
			}
		})
	}
}
