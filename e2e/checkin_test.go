package e2e

import (
	"strings"
	"testing"
)

// TestE2ECheckinNewNightSavesNothingByEnter: with an earlier check-in on
// record, a new night's form suggests its times but answers nothing of its
// own: enter through every field and ctrl+s saves nothing, and the first
// unanswered question is marked.
func TestE2ECheckinNewNightSavesNothingByEnter(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	prev := append([]string{}, checkin...)
	prev[2] = "2026-11-21"
	if out, errOut, code := sb.run(t, sb.command(append(prev, "--db", sb.db)...)); code != 0 {
		t.Fatalf("earlier check-in: exit %d\n%s\n%s", code, out, errOut)
	}
	before := exportJSON(t, sb)
	tm := startTermIn(t, sb, "morning", "--night", "2026-11-22")
	// The form is drawn at once and its suggestions arrive as they are read.
	s := tm.waitFor("22:00 suggested")
	if strings.Contains(s, "at bedtime") || strings.Contains(s, "fair") {
		t.Errorf("a new night's form is not suggestions only:\n%s", s)
	}
	for range 13 {
		tm.keys("Enter")
	}
	tm.keys("C-s")
	s = tm.waitFor("type a number (0 if none)")
	if strings.Contains(s, "Check-in saved") || !strings.Contains(s, "› Minutes to fall asleep") {
		t.Errorf("after enter through and ctrl+s:\n%s", s)
	}
	// Nothing was typed, so esc leaves at once.
	tm.keys("Escape")
	if code, s := tm.exited(); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s)
	}
	if after := exportJSON(t, sb); after != before || strings.Contains(after, `"2026-11-22"`) {
		t.Errorf("the records changed:\n%s", after)
	}
}
