package routine

import (
	"fmt"
	"strings"
	"time"
)

// Summary sums up the run, every figure labelled: "Finished · 7 of 9
// steps done, 2 skipped · 27 min 40 s".
func (e *Engine) Summary() string { return StatusWord(e.Status()) + " · " + e.Tally() }

// Tally is Summary without how the run ended: "7 of 9 steps done, 2
// skipped · 27 min 40 s".
func (e *Engine) Tally() string {
	t := Count(e.Results())
	n := len(e.Routine().Steps)
	parts := []string{fmt.Sprintf("%d of %d %s done", t.Done, n, Plural(n, "step", "steps"))}
	if t.CutShort > 0 {
		parts = append(parts, fmt.Sprintf("%d cut short", t.CutShort))
	}
	if skipped := t.Skipped - t.CutShort; skipped > 0 || t.CutShort == 0 {
		parts = append(parts, fmt.Sprintf("%d skipped", skipped))
	}
	return strings.Join(parts, ", ") + " · " + FormatLength(t.Spent)
}

// ClosingLine is the line printed when a run ends: "Evening wind-down ·
// Finished · 9 of 9 steps done, 0 skipped · 30 min. Good night."
func (e *Engine) ClosingLine() string {
	return e.Routine().DisplayTitle() + " · " + e.Summary() + ". Good night."
}

// leftStatus is how the current step ends when a person leaves it early:
// done if at least DoneShare of its planned time ran, else cut short
// (StepSkipped with its time).
func (e *Engine) leftStatus() StepStatus {
	if planned := e.r.Steps[e.step].Duration(); planned > 0 && float64(e.spent[e.step]) >= DoneShare*float64(planned) {
		return StepDone
	}
	return StepSkipped
}

// StatusWord names how a run ended, for a person: "Finished", "Stopped
// early", "Nothing done"; "Running" while it runs.
func StatusWord(s Status) string {
	switch s {
	case Completed:
		return "Finished"
	case Partial:
		return "Stopped early"
	case Abandoned:
		return "Nothing done"
	}
	return "Running"
}

// StepOutcome says how one step ended, for a summary: its time when done,
// "cut short at 3:12" when left early, "skipped" when left with no time.
func StepOutcome(r StepResult) string {
	switch {
	case r.Status == StepDone:
		return FormatDuration(r.Actual)
	case r.Actual >= time.Second:
		return "cut short at " + FormatDuration(r.Actual)
	}
	return "skipped"
}

// FormatLength shows a length in words a screen reader says well: "27 min
// 40 s", "30 min", "45 s", "1 h 5 min". Partial seconds are dropped.
func FormatLength(d time.Duration) string {
	s := max(int64(d/time.Second), 0)
	h, m, sec := s/3600, s/60%60, s%60
	var parts []string
	if h > 0 {
		parts = append(parts, fmt.Sprintf("%d h", h))
	}
	if m > 0 {
		parts = append(parts, fmt.Sprintf("%d min", m))
	}
	if sec > 0 && h == 0 || len(parts) == 0 {
		parts = append(parts, fmt.Sprintf("%d s", sec))
	}
	return strings.Join(parts, " ")
}

// Outcome is how one step of a run went, for a summary's line.
type Outcome struct {
	Title string
	// Mark is ✓ for done, – for cut short or skipped, · for not reached.
	Mark string
	// When is the step's time when done, "cut short at 3:12", "skipped"
	// or "not reached".
	When string
}

// Outcomes says how every step of the run went, in routine order.
func (e *Engine) Outcomes() []Outcome {
	byIndex := map[int]StepResult{}
	for _, x := range e.Results() {
		byIndex[x.Index] = x
	}
	out := make([]Outcome, len(e.r.Steps))
	for i, s := range e.r.Steps {
		o := Outcome{Title: s.Title, Mark: "·", When: "not reached"}
		if x, ok := byIndex[i]; ok {
			o.Mark, o.When = "✓", StepOutcome(x)
			if x.Status != StepDone {
				o.Mark = "–"
			}
		}
		out[i] = o
	}
	return out
}
