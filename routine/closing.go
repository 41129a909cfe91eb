package routine

import "fmt"

// ClosingLine sums up the run in one sentence, for the line printed when
// it ends: "Evening wind-down completed: 9 of 9 steps done, 0 skipped,
// 30:00. Good night."
func (e *Engine) ClosingLine() string {
	t := Count(e.Results())
	n := len(e.Routine().Steps)
	return fmt.Sprintf("%s %s: %d of %d %s done, %d skipped, %s. Good night.",
		e.Routine().DisplayTitle(), e.Status(), t.Done, n, Plural(n, "step", "steps"), t.Skipped, FormatDuration(t.Spent))
}
