package routine

import (
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 22, 21, 30, 0, 0, time.UTC)

// testRoutine: "Stretch" (left 10 s, right 20 s), "Massage" 30 s,
// "Breathe" 60 s of 4-6 breathing. 2:00 in all.
func testRoutine() *Routine {
	return &Routine{Name: "test", Title: "Test", Steps: []Step{
		{Title: "Stretch", Kind: Hold, Phases: []Phase{
			{Label: "left side", Duration: 10 * time.Second},
			{Label: "right side", Duration: 20 * time.Second},
		}},
		{Title: "Massage", Kind: Hold, Phases: []Phase{{Label: "hold", Duration: 30 * time.Second}}},
		{Title: "Breathe", Kind: Breathing, Phases: []Phase{{Label: "breathe", Duration: time.Minute,
			Breath: &Breath{Inhale: 4 * time.Second, Exhale: 6 * time.Second}}}},
	}}
}

func newRun(t *testing.T, speed float64) (*Engine, *FakeClock) {
	t.Helper()
	c := NewFakeClock(t0)
	e := NewEngine(testRoutine(), c, speed)
	if evs := e.Start(); len(evs) != 1 || evs[0].Kind != PhaseStarted {
		t.Fatalf("Start() = %+v, want one PhaseStarted", evs)
	}
	return e, c
}

func kinds(evs []Event) []EventKind {
	var k []EventKind
	for _, e := range evs {
		k = append(k, e.Kind)
	}
	return k
}

func equalKinds(a, b []EventKind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEngineRunsToTheEnd(t *testing.T) {
	e, c := newRun(t, 1)
	steps := []struct {
		advance   time.Duration
		want      []EventKind
		step      int
		phase     int
		remaining time.Duration
	}{
		{9 * time.Second, nil, 0, 0, time.Second},
		{time.Second, []EventKind{PhaseStarted}, 0, 1, 20 * time.Second},
		{20 * time.Second, []EventKind{StepEnded, PhaseStarted}, 1, 0, 30 * time.Second},
		{15 * time.Second, nil, 1, 0, 15 * time.Second},
		// A late update ends a phase and carries the overshoot into the next.
		{25 * time.Second, []EventKind{StepEnded, PhaseStarted}, 2, 0, 50 * time.Second},
		{50 * time.Second, []EventKind{StepEnded, Finished}, 2, 0, 0},
	}
	for i, s := range steps {
		c.Advance(s.advance)
		evs := e.Update()
		if !equalKinds(kinds(evs), s.want) {
			t.Fatalf("update %d: events %v, want %v", i, kinds(evs), s.want)
		}
		snap := e.Snapshot()
		if snap.Step != s.step || snap.Phase != s.phase || snap.PhaseRemaining != s.remaining {
			t.Fatalf("update %d: at step %d phase %d with %v left, want %d %d %v",
				i, snap.Step, snap.Phase, snap.PhaseRemaining, s.step, s.phase, s.remaining)
		}
	}
	if e.Status() != Completed {
		t.Errorf("status %s, want completed", e.Status())
	}
	if got, want := e.EndedAt(), t0.Add(2*time.Minute); !got.Equal(want) {
		t.Errorf("ended at %v, want %v", got, want)
	}
	res := e.Results()
	if len(res) != 3 {
		t.Fatalf("%d results, want 3", len(res))
	}
	for _, r := range res {
		if r.Status != StepDone || r.Actual != r.Planned {
			t.Errorf("step %d: %s %v of %v, want done in full", r.Index, r.Status, r.Actual, r.Planned)
		}
	}
}

func TestEnginePauseStopsTheCountdown(t *testing.T) {
	e, c := newRun(t, 1)
	c.Advance(4 * time.Second)
	evs := e.Pause()
	if !equalKinds(kinds(evs), []EventKind{Paused}) {
		t.Fatalf("Pause() = %v", kinds(evs))
	}
	c.Advance(time.Hour)
	if evs := e.Update(); len(evs) != 0 {
		t.Fatalf("update while paused reported %v", kinds(evs))
	}
	if s := e.Snapshot(); s.PhaseRemaining != 6*time.Second || s.Running {
		t.Fatalf("paused snapshot: %v left, running %v; want 6s, paused", s.PhaseRemaining, s.Running)
	}
	if e.NextChange() != 0 {
		t.Errorf("a paused run asks for redraws")
	}
	if evs := e.TogglePause(); !equalKinds(kinds(evs), []EventKind{Resumed}) {
		t.Fatalf("resume = %v", kinds(evs))
	}
	c.Advance(6 * time.Second)
	if evs := e.Update(); !equalKinds(kinds(evs), []EventKind{PhaseStarted}) {
		t.Fatalf("after resume: %v, want the phase to end on time", kinds(evs))
	}
	if r := e.Results(); len(r) != 0 {
		t.Errorf("results %v before any step ended", r)
	}
}

func TestEngineSkipAndBack(t *testing.T) {
	e, c := newRun(t, 1)
	c.Advance(5 * time.Second)
	evs := e.Next()
	if !equalKinds(kinds(evs), []EventKind{StepEnded, PhaseStarted}) {
		t.Fatalf("Next() = %v", kinds(evs))
	}
	if r := evs[0].Result; r.Status != StepSkipped || r.Actual != 5*time.Second || r.Index != 0 {
		t.Errorf("skipped result %+v, want step 0 skipped after 5s", r)
	}
	if s := e.Snapshot(); s.Step != 1 || s.PhaseRemaining != 30*time.Second {
		t.Fatalf("after skip at step %d with %v left", s.Step, s.PhaseRemaining)
	}

	c.Advance(10 * time.Second)
	evs = e.Back()
	if !equalKinds(kinds(evs), []EventKind{PhaseStarted}) {
		t.Fatalf("Back() = %v", kinds(evs))
	}
	s := e.Snapshot()
	if s.Step != 0 || s.Phase != 0 || s.PhaseRemaining != 10*time.Second {
		t.Fatalf("after back: step %d phase %d %v left", s.Step, s.Phase, s.PhaseRemaining)
	}
	if len(e.Results()) != 0 {
		t.Errorf("a step gone back to still counts as ended: %v", e.Results())
	}
	// Back on the first step restarts it.
	c.Advance(3 * time.Second)
	e.Back()
	if s := e.Snapshot(); s.Step != 0 || s.PhaseRemaining != 10*time.Second {
		t.Fatalf("back on first step: step %d, %v left", s.Step, s.PhaseRemaining)
	}
	// Time spent on every visit counts towards the step.
	c.Advance(30 * time.Second)
	e.Update()
	if r := e.Results(); len(r) != 1 || r[0].Actual != 38*time.Second || r[0].Status != StepDone {
		t.Errorf("results %+v, want step 0 done after 5+3+30 s", r)
	}
}

func TestEngineSkippingTheLastStepFinishes(t *testing.T) {
	e, c := newRun(t, 1)
	c.Advance(30 * time.Second)
	e.Update()
	e.Next()
	evs := e.Next()
	if !equalKinds(kinds(evs), []EventKind{StepEnded, Finished}) {
		t.Fatalf("Next() on the last step = %v", kinds(evs))
	}
	if e.Status() != Completed {
		t.Errorf("status %s, want completed (a step was done and the end reached)", e.Status())
	}
	if e.Next() != nil || e.Back() != nil || e.Pause() != nil {
		t.Errorf("a finished run still takes commands")
	}
}

func TestEngineStop(t *testing.T) {
	tests := []struct {
		name  string
		after func(e *Engine, c *FakeClock)
		want  Status
	}{
		{"nothing done", func(e *Engine, c *FakeClock) { c.Advance(5 * time.Second) }, Abandoned},
		{"only skips", func(e *Engine, c *FakeClock) { e.Next(); e.Next() }, Abandoned},
		{"one step done", func(e *Engine, c *FakeClock) { c.Advance(40 * time.Second); e.Update() }, Partial},
		{"skipped through to the end", func(e *Engine, c *FakeClock) { e.Next(); e.Next(); e.Next() }, Abandoned},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, c := newRun(t, 1)
			tt.after(e, c)
			if got := e.Stop(); got != tt.want {
				t.Errorf("Stop() = %s, want %s", got, tt.want)
			}
			if e.EndedAt().IsZero() {
				t.Errorf("no end time after Stop")
			}
		})
	}
}

func TestEnginePausesOnClockJump(t *testing.T) {
	tests := []struct {
		name string
		jump time.Duration
		word string
	}{
		{"suspend", 2 * time.Hour, "forward by 2h0m0s"},
		{"clock set back", -10 * time.Minute, "back by 10m0s"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, c := newRun(t, 1)
			c.Advance(3 * time.Second)
			c.Jump(tt.jump)
			evs := e.Update()
			if !equalKinds(kinds(evs), []EventKind{Paused}) {
				t.Fatalf("Update() after jump = %v, want Paused", kinds(evs))
			}
			if !strings.Contains(evs[0].Reason, tt.word) {
				t.Errorf("reason %q does not say %q", evs[0].Reason, tt.word)
			}
			s := e.Snapshot()
			if s.Running || s.PhaseRemaining != 7*time.Second || s.PauseReason == "" {
				t.Errorf("after jump: running %v, %v left, reason %q; want paused at 7s with reason",
					s.Running, s.PhaseRemaining, s.PauseReason)
			}
			e.Unpause()
			if s := e.Snapshot(); s.PauseReason != "" {
				t.Errorf("reason %q kept after resuming", s.PauseReason)
			}
		})
	}
	t.Run("small drift is ignored", func(t *testing.T) {
		e, c := newRun(t, 1)
		c.Advance(time.Second)
		c.Jump(2 * time.Second)
		if evs := e.Update(); len(evs) != 0 {
			t.Errorf("2 s of drift paused the run: %v", kinds(evs))
		}
	})
}

func TestEngineSpeed(t *testing.T) {
	e, c := newRun(t, 60)
	// The 2-minute routine takes 2 real seconds at 60x.
	c.Advance(1999 * time.Millisecond)
	e.Update()
	if e.Status() != Running {
		t.Fatalf("finished early")
	}
	c.Advance(time.Millisecond)
	if evs := e.Update(); evs[len(evs)-1].Kind != Finished {
		t.Fatalf("not finished after 2 s at 60x: %v", kinds(evs))
	}
	for _, r := range e.Results() {
		if r.Actual != r.Planned {
			t.Errorf("step %d recorded %v, want routine time %v", r.Index, r.Actual, r.Planned)
		}
	}
	if got := e.EndedAt().Sub(e.StartedAt()); got != 2*time.Second {
		t.Errorf("wall time %v, want 2s", got)
	}
}

func TestEngineNextChange(t *testing.T) {
	tests := []struct {
		speed   float64
		elapsed time.Duration
		want    time.Duration
	}{
		{1, 0, time.Second},
		{1, 300 * time.Millisecond, 700 * time.Millisecond},
		{60, 0, time.Second / 60},
		{2, 500 * time.Millisecond, 500 * time.Millisecond},
	}
	for _, tt := range tests {
		e, c := newRun(t, tt.speed)
		c.Advance(tt.elapsed)
		e.Update()
		if got := e.NextChange(); got != tt.want {
			t.Errorf("speed %v after %v: NextChange() = %v, want %v", tt.speed, tt.elapsed, got, tt.want)
		}
	}
}

func TestEngineSnapshotProgress(t *testing.T) {
	e, c := newRun(t, 1)
	c.Advance(15 * time.Second)
	e.Update()
	s := e.Snapshot()
	if s.StepPosition != 15*time.Second || s.StepDuration != 30*time.Second {
		t.Errorf("step progress %v of %v, want 15s of 30s", s.StepPosition, s.StepDuration)
	}
	if s.Position != 15*time.Second || s.Total != 2*time.Minute {
		t.Errorf("routine progress %v of %v, want 15s of 2m", s.Position, s.Total)
	}
	e.Stop()
	if s := e.Snapshot(); !s.Done || s.Status != Abandoned {
		t.Errorf("after stop: done %v status %s", s.Done, s.Status)
	}
}

func TestEngineRestore(t *testing.T) {
	c := NewFakeClock(t0)
	e := NewEngine(testRoutine(), c, 1)
	done := []StepResult{{Index: 0, Title: "Stretch", Planned: 30 * time.Second, Actual: 30 * time.Second, Status: StepDone}}
	if err := e.Restore(2, 25*time.Second, done); err != nil {
		t.Fatal(err)
	}
	s := e.Snapshot()
	if s.Step != 2 || s.Running || s.PhaseRemaining != time.Minute {
		t.Fatalf("restored at step %d running %v with %v left; want step 2, paused, the phase from its start",
			s.Step, s.Running, s.PhaseRemaining)
	}
	e.Unpause()
	c.Advance(time.Minute)
	e.Update()
	if e.Status() != Completed || len(e.Results()) != 2 {
		t.Errorf("status %s with %d results", e.Status(), len(e.Results()))
	}
	// Time spent in a step before the interruption counts towards it.
	e2 := NewEngine(testRoutine(), c, 1)
	if err := e2.Restore(0, 15*time.Second, nil); err != nil {
		t.Fatal(err)
	}
	if s := e2.Snapshot(); s.Phase != 1 || s.PhaseRemaining != 20*time.Second {
		t.Fatalf("restored 15 s into step 1 at phase %d with %v left; want the right side from its start", s.Phase, s.PhaseRemaining)
	}
	e2.Unpause()
	c.Advance(20 * time.Second)
	e2.Update()
	if r := e2.Results(); len(r) != 1 || r[0].Actual != 35*time.Second {
		t.Errorf("results %+v, want step 1 done with 15 s before and 20 s after", r)
	}
	if err := NewEngine(testRoutine(), c, 1).Restore(3, 0, nil); err == nil {
		t.Errorf("restore past the last step succeeded")
	}
}

func TestBreathAt(t *testing.T) {
	b := Breath{Inhale: 4 * time.Second, Hold: 7 * time.Second, Exhale: 8 * time.Second}
	tests := []struct {
		at    time.Duration
		stage BreathStage
		frac  float64
	}{
		{0, Inhale, 0},
		{2 * time.Second, Inhale, 0.5},
		{4 * time.Second, HoldIn, 0},
		{15 * time.Second, Exhale, 0.5},
		{19 * time.Second, Inhale, 0},
		{21 * time.Second, Inhale, 0.5},
	}
	for _, tt := range tests {
		st, f := b.At(tt.at)
		if st != tt.stage || f != tt.frac {
			t.Errorf("At(%v) = %s %.2f, want %s %.2f", tt.at, st, f, tt.stage, tt.frac)
		}
	}
}
