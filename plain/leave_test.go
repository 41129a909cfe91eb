package plain_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/plain"
	"github.com/quietlegs/quietlegs/routine"
)

const leaveQuestion = "Leave the routine? What you did is saved. Type y and Enter to leave; anything else stays."

// lineAfter is the line printed after the first line that is want, or
// "" when there is none.
func lineAfter(out, want string) string {
	lines := strings.Split(out, "\n")
	for i, l := range lines[:len(lines)-1] {
		if l == want {
			return lines[i+1]
		}
	}
	return ""
}

// TestLeaveQuestionHoldsTheLines: while "Leave the routine?" waits, the
// routine keeps time but prints nothing; staying prints what came due.
func TestLeaveQuestionHoldsTheLines(t *testing.T) {
	// At --speed 100, 100 ms here is 10 s of the routine.
	out, _, _ := runWindDown(t, nil, plain.PaceQuiet, false,
		key{50 * time.Millisecond, "q"},  // 0:05 into Settle in (1:00)
		key{700 * time.Millisecond, "x"}, // 0:10 into the calf stretch: stay
	)
	if got := lineAfter(out, leaveQuestion); got != "Staying." {
		t.Errorf("after the question came %q, want Staying.:\n%s", got, out)
	}
	if got := lineAfter(out, "Staying."); !strings.HasPrefix(got, "[2/9] Calf stretch · left") {
		t.Errorf("after staying came %q, want the calf stretch begun meanwhile", got)
	}
	if n := strings.Count(out, "[2/9] Calf stretch · left · round 1 of 2"); n != 1 {
		t.Errorf("the calf stretch began %d times", n)
	}
}

// TestLeavingKeepsTheStepInProgress: y saves the step in progress with
// the time it ran, up to the answer, and prints nothing in between.
func TestLeavingKeepsTheStepInProgress(t *testing.T) {
	out, st, status := runWindDown(t, nil, plain.PaceQuiet, false,
		key{280 * time.Millisecond, "q"}, // 0:28 into Settle in
		key{300 * time.Millisecond, "y"}, // left at 0:30
	)
	if got := lineAfter(out, leaveQuestion); got != "  – Settle in · cut short at 0:30" {
		t.Errorf("after the question came %q, want the summary:\n%s", got, out)
	}
	if !strings.Contains(out, "Evening wind-down · Nothing done · 0 of 9 steps done, 1 cut short · 30 s. Good night.") {
		t.Errorf("closing line wrong:\n%s", out)
	}
	run, ok, _ := st.LatestRun(context.Background())
	if status != routine.Abandoned || !ok || len(run.Steps) != 1 || run.Steps[0].Actual != 30*time.Second {
		t.Errorf("status %s, saved %+v; want the settling-in cut short at 0:30", status, run)
	}
}
