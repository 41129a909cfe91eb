package e2e

import (
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// appPID finds the quietlegs process running against the pane's database.
func (tm *pane) appPID() int {
	tm.t.Helper()
	out, err := exec.Command("pgrep", "-f", "^"+binPath+" .*--db "+tm.sb.db).Output()
	if err != nil {
		tm.t.Fatalf("no quietlegs process for %s: %v", tm.sb.db, err)
	}
	pid, err := strconv.Atoi(strings.Fields(string(out))[0])
	if err != nil {
		tm.t.Fatal(err)
	}
	return pid
}

// startQuickRun starts the quick routine in tmux, skips the evening log and
// lets the first step (20 s at speed 10: 2 s) be done, so the run is at
// step 2 with one step behind it.
func startQuickRun(t *testing.T) *pane {
	t.Helper()
	tm := startTerm(t, "evening", "--routine", "quick", "--speed", "10")
	tm.waitFor("Evening log")
	tm.keys("Escape")
	tm.waitFor("step 2 of 6")
	return tm
}

// TestE2EKill9ThenResume kills the routine outright mid-step, then starts
// quietlegs again and resumes where it was.
func TestE2EKill9ThenResume(t *testing.T) {
	t.Parallel()
	tm := startQuickRun(t)
	if err := syscall.Kill(tm.appPID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	tm.exited()
	if s := oneSession(t, tm.sb.db); s.status != "running" || len(s.steps) != 1 {
		t.Fatalf("after kill -9 the record is %+v, want running with step 1 saved", s)
	}

	again := startTermIn(t, tm.sb, "evening")
	s := again.waitFor("interrupted")
	for _, want := range []string{"Quick wind-down", "Calf stretch"} {
		if !strings.Contains(s, want) {
			t.Errorf("interrupted screen lacks %q:\n%s", want, s)
		}
	}
	again.keys("r")
	s = again.waitFor("Paused")
	if !strings.Contains(s, "step 2 of 6") || !strings.Contains(s, "Calf stretch") {
		t.Errorf("resumed run is not at step 2, paused:\n%s", s)
	}
	again.keys("Space")
	again.waitFor("step 3 of 6")
	again.keys("q")
	again.waitFor("Leave the routine?")
	again.keys("y")
	if code, screen := again.exited(); code != 0 {
		t.Fatalf("exit %d\n%s", code, screen)
	}
	ss := readSessions(t, tm.sb.db)
	if len(ss) != 1 {
		t.Fatalf("%d sessions after resuming, want the same one continued", len(ss))
	}
	if got := ss[0]; got.status != "partial" || !got.ended.Valid || len(got.steps) < 2 {
		t.Errorf("resumed session saved as %+v, want partial, ended, steps 1 and 2 done", got)
	}
}

// TestE2EKill9ThenRecordAsEnded chooses to close the cut-off run instead.
func TestE2EKill9ThenRecordAsEnded(t *testing.T) {
	t.Parallel()
	tm := startQuickRun(t)
	if err := syscall.Kill(tm.appPID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	tm.exited()
	again := startTermIn(t, tm.sb)
	again.waitFor("interrupted")
	again.keys("p")
	again.waitFor("Evening routine") // home
	again.keys("q")
	again.exited()
	s := oneSession(t, tm.sb.db)
	if s.status != "partial" || !s.ended.Valid {
		t.Errorf("recorded as %+v, want partial with an end time", s)
	}
}

// TestE2EClosedTerminal closes the terminal mid-routine (SIGHUP) and checks
// the run was saved as it stood.
func TestE2EClosedTerminal(t *testing.T) {
	t.Parallel()
	tm := startQuickRun(t)
	pid := tm.appPID()
	exec.Command("tmux", "-S", tm.sock, "kill-server").Run()
	deadline := time.Now().Add(15 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		if time.Now().After(deadline) {
			t.Fatal("quietlegs still running 15 s after its terminal closed")
		}
		time.Sleep(20 * time.Millisecond) // polling for the exit, not waiting out time
	}
	if s := oneSession(t, tm.sb.db); s.status != "partial" || !s.ended.Valid || len(s.steps) != 2 ||
		s.steps[0].status != "done" || s.steps[1].status != "skipped" || s.steps[1].actualMS <= 0 {
		t.Errorf("after the terminal closed: %+v, want partial with step 1 done and step 2 cut short", s)
	}
}
