package hook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

var stamp = func() time.Time { return time.Date(2026, 12, 1, 21, 30, 0, 0, time.UTC) }

// The command gets what was saved in its environment, and Run returns
// while it is still waiting: the screen never waits for a hook.
func TestRunPassesTheDetailsWithoutWaiting(t *testing.T) {
	dir := t.TempDir()
	gate, out := filepath.Join(dir, "go"), filepath.Join(dir, "out")
	// The command waits until the test opens the gate, so Run can only
	// have returned without waiting for it.
	cmd := `while [ ! -e "` + gate + `" ]; do sleep 0.01; done; env | grep '^QUIETLEGS_' | sort > "` + out + `"`
	r := New(map[string]string{RoutineEnd: cmd}, dir, stamp)
	r.Run(RoutineEnd, []string{"QUIETLEGS_NIGHT=2026-12-01", "QUIETLEGS_STATUS=completed"})
	r.Run(Checkin, []string{"QUIETLEGS_NIGHT=2026-12-01"}) // no command: nothing
	if _, err := os.Stat(out); err == nil {
		t.Fatal("the command finished before the gate opened")
	}
	if err := os.WriteFile(gate, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if !r.Wait(30 * time.Second) {
		t.Fatal("the command never finished")
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want := "QUIETLEGS_EVENT=routine_end\nQUIETLEGS_NIGHT=2026-12-01\nQUIETLEGS_STATUS=completed\n"
	if string(got) != want {
		t.Errorf("the command saw\n%s\nwant\n%s", got, want)
	}
	if f := r.TakeFailure(); f != "" {
		t.Errorf("a good command left a failure: %s", f)
	}
}

// A failing command is logged with what it said, and told once, also to
// another Runner (the next run of quietlegs).
func TestAFailureIsLoggedAndToldOnce(t *testing.T) {
	dir := t.TempDir()
	r := New(map[string]string{Checkin: "echo no such sink >&2; exit 3"}, dir, stamp)
	r.Run(Checkin, nil)
	r.Wait(30 * time.Second)
	log, err := os.ReadFile(filepath.Join(dir, "hooks.log"))
	if err != nil || !strings.Contains(string(log), "2026-12-01T21:30:00Z on_checkin failed: exit status 3; it said: no such sink") {
		t.Fatalf("hooks.log: %q, %v", log, err)
	}
	next := New(nil, dir, stamp)
	msg := next.TakeFailure()
	if !strings.Contains(msg, "on_checkin command failed (exit status 3; it said: no such sink)") || !strings.Contains(msg, "hooks.log") {
		t.Errorf("told %q", msg)
	}
	if again := next.TakeFailure(); again != "" {
		t.Errorf("told a second time: %q", again)
	}
	if fi, err := os.Stat(filepath.Join(dir, "hooks.log")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("hooks.log mode %v (%v), want 0600", fi.Mode(), err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, outputPattern)); len(left) != 0 {
		t.Errorf("the command's output files are left behind: %v", left)
	}
}
