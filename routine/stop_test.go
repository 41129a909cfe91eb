package routine

import (
	"strings"
	"testing"
	"time"
)

// Leaving a run keeps the step in progress with the time it ran: done at
// 90 % or more, cut short below, not reached when none of it ran.
func TestEngineStopKeepsTheStepInProgress(t *testing.T) {
	tests := []struct {
		name     string
		after    func(e *Engine, c *FakeClock)
		status   Status
		summary  string
		outcomes string
	}{
		{"at once", func(e *Engine, c *FakeClock) {}, Abandoned,
			"Nothing done · 0 of 3 steps done, 0 skipped · 0 s",
			"· Stretch not reached | · Massage not reached | · Breathe not reached"},
		{"early in the first step", func(e *Engine, c *FakeClock) { c.Advance(12 * time.Second); e.Update() }, Abandoned,
			"Nothing done · 0 of 3 steps done, 1 cut short · 12 s",
			"– Stretch cut short at 0:12 | · Massage not reached | · Breathe not reached"},
		{"most of the first step", func(e *Engine, c *FakeClock) { c.Advance(28 * time.Second) }, Partial,
			"Stopped early · 1 of 3 steps done, 0 skipped · 28 s",
			"✓ Stretch 0:28 | · Massage not reached | · Breathe not reached"},
		{"paused part-way", func(e *Engine, c *FakeClock) {
			c.Advance(12 * time.Second)
			e.Pause()
			c.Advance(time.Hour)
		}, Abandoned,
			"Nothing done · 0 of 3 steps done, 1 cut short · 12 s",
			"– Stretch cut short at 0:12 | · Massage not reached | · Breathe not reached"},
		{"back to a step done before", func(e *Engine, c *FakeClock) {
			c.Advance(35 * time.Second)
			e.Back() // Stretch's time over both visits counts
		}, Partial,
			"Stopped early · 1 of 3 steps done, 0 skipped · 30 s",
			"✓ Stretch 0:30 | · Massage not reached | · Breathe not reached"},
		{"half the last step", func(e *Engine, c *FakeClock) { c.Advance(90 * time.Second) }, Partial,
			"Stopped early · 2 of 3 steps done, 1 cut short · 1 min 30 s",
			"✓ Stretch 0:30 | ✓ Massage 0:30 | – Breathe cut short at 0:30"},
		{"most of the last step", func(e *Engine, c *FakeClock) { c.Advance(114 * time.Second) }, Completed,
			"Finished · 3 of 3 steps done, 0 skipped · 1 min 54 s",
			"✓ Stretch 0:30 | ✓ Massage 0:30 | ✓ Breathe 0:54"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, c := newRun(t, 1)
			tt.after(e, c)
			if got := e.Stop(); got != tt.status {
				t.Errorf("Stop() = %s, want %s", got, tt.status)
			}
			if got := e.Summary(); got != tt.summary {
				t.Errorf("Summary() = %q, want %q", got, tt.summary)
			}
			var outs []string
			for _, o := range e.Outcomes() {
				outs = append(outs, o.Mark+" "+o.Title+" "+o.When)
			}
			if got := strings.Join(outs, " | "); got != tt.outcomes {
				t.Errorf("Outcomes() = %q, want %q", got, tt.outcomes)
			}
		})
	}
}

// At speed, the time kept is routine time, as the countdown showed it.
func TestEngineStopAtSpeed(t *testing.T) {
	e, c := newRun(t, 60)
	c.Advance(200 * time.Millisecond) // 12 s of routine time
	e.Stop()
	res := e.Results()
	if len(res) != 1 || res[0].Index != 0 || res[0].Actual != 12*time.Second || res[0].Status != StepSkipped {
		t.Errorf("Results() = %+v, want Stretch cut short at 0:12", res)
	}
}
