package e2e

// End-to-end tests of the screens, driven through a real terminal: each test
// starts its own tmux server, types keys and polls the pane for text.

import (
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Polling limits. They are generous so a loaded two-core machine still
// passes; a passing test never waits for them.
const (
	pollEvery   = 50 * time.Millisecond
	waitDefault = 15 * time.Second
)

// pane is the app running in a tmux pane of 80x24.
type pane struct {
	t    *testing.T
	sock string
	sb   sandbox
}

// startTerm runs quietlegs with args and the sandbox's --db in a new tmux
// server of its own. The pane's shell prints EXIT=<status> when the app ends
// and then stays open, so the closing line and the status can be read.
func startTerm(t *testing.T, args ...string) *pane {
	t.Helper()
	return startTermEnv(t, nil, args...)
}

// startTermEnv is startTerm with more environment variables for the app.
func startTermEnv(t *testing.T, env []string, args ...string) *pane {
	t.Helper()
	return startTermWith(t, newSandbox(t), env, args...)
}

// startTermIn starts the app in a new pane on an existing sandbox: the same
// database and config, as when a person opens quietlegs again.
func startTermIn(t *testing.T, sb sandbox, args ...string) *pane {
	t.Helper()
	return startTermWith(t, sb, nil, args...)
}

func startTermWith(t *testing.T, sb sandbox, env []string, args ...string) *pane {
	t.Helper()
	return startProgram(t, sb, env, binPath, append(args, "--db", sb.db)...)
}

// startProgram runs bin with args in a new tmux server, as startTerm does.
func startProgram(t *testing.T, sb sandbox, env []string, bin string, args ...string) *pane {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("tmux is not installed")
		}
		t.Fatal("tmux is not installed, and CI is set")
	}
	sock, err := os.CreateTemp(sb.dir, "tmux-*.sock")
	if err != nil {
		t.Fatal(err)
	}
	sock.Close()
	os.Remove(sock.Name())
	tm := &pane{t: t, sock: sock.Name(), sb: sb}
	cmd := []string{"-f", "/dev/null", "-S", tm.sock, "new-session", "-d", "-s", "ql", "-x", "80", "-y", "24"}
	for _, kv := range sb.vars() {
		cmd = append(cmd, "-e", kv)
	}
	// After the app, the shell says how it ended and whether the terminal
	// is back in cooked mode (stty shows -icanon in raw mode).
	script := `"$@"; s=$?; if stty -a | grep -q -- -icanon; then m=raw; else m=cooked; fi; echo "EXIT=$s TTY=$m"; exec sleep 3600`
	// env sets the extra variables on the command itself: tmux would
	// replace a TERM given with -e by its own.
	cmd = append(cmd, "sh", "-c", script, "sh", "env")
	cmd = append(cmd, env...)
	cmd = append(cmd, bin)
	cmd = append(cmd, args...)
	tm.tmux(cmd...)
	t.Cleanup(func() { exec.Command("tmux", "-S", tm.sock, "kill-server").Run() })
	return tm
}

func (tm *pane) tmux(args ...string) string {
	tm.t.Helper()
	cmd := exec.Command("tmux", args...)
	cmd.Env = tm.sb.env()
	out, err := cmd.CombinedOutput()
	if err != nil {
		tm.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (tm *pane) screen() string {
	tm.t.Helper()
	return tm.tmux("-S", tm.sock, "capture-pane", "-p", "-J", "-t", "ql")
}

// keys types keys, in tmux's names (Space, Escape, Enter, q).
func (tm *pane) keys(keys ...string) {
	tm.t.Helper()
	tm.tmux(append([]string{"-S", tm.sock, "send-keys", "-t", "ql"}, keys...)...)
}

// waitUntil polls the screen until ok holds, and fails the test with the
// last screen if it does not within limit.
func (tm *pane) waitUntil(what string, limit time.Duration, ok func(string) bool) string {
	tm.t.Helper()
	deadline := time.Now().Add(limit)
	for {
		s := tm.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tm.t.Fatalf("no %s within %v; last screen:\n%s", what, limit, s)
		}
		time.Sleep(pollEvery)
	}
}

func (tm *pane) waitFor(text string) string {
	tm.t.Helper()
	return tm.waitUntil(strconv.Quote(text), waitDefault, func(s string) bool { return strings.Contains(s, text) })
}

var exitRE = regexp.MustCompile(`EXIT=(\d+)`)

// exited waits for the app to end and returns its status and the screen.
func (tm *pane) exited() (int, string) {
	tm.t.Helper()
	s := tm.waitUntil("exit", waitDefault, exitRE.MatchString)
	code, _ := strconv.Atoi(exitRE.FindStringSubmatch(s)[1])
	return code, s
}

// TestE2ETUILeave pauses, resumes, skips a step, changes its mind about
// leaving, then leaves.
func TestE2ETUILeave(t *testing.T) {
	t.Parallel()
	// At speed 2 the 20 s first step lasts 10 s, room enough to pause it
	// on a busy machine; at higher speeds it can end before the first key.
	tm := startTerm(t, "evening", "--routine", "quick", "--speed", "2")
	tm.waitFor("Evening log")
	tm.keys("Escape") // skip the log: nothing saved
	tm.waitFor("step 1 of 6")
	tm.keys("Space")
	if s := tm.waitFor("Paused"); !strings.Contains(s, "step 1 of 6") {
		t.Fatalf("step 1 ended before the pause (machine too slow?):\n%s", s)
	}
	tm.keys("Space")
	tm.waitUntil("Paused to go", waitDefault, func(s string) bool { return !strings.Contains(s, "Paused") })
	tm.keys("n")
	tm.waitFor("step 2 of 6")
	tm.keys("q")
	tm.waitFor("Leave the routine?")
	tm.keys("n")
	s := tm.waitUntil("question to go", waitDefault, func(s string) bool { return !strings.Contains(s, "Leave the routine?") })
	if !strings.Contains(s, "step 2 of 6") {
		t.Errorf("staying moved off step 2:\n%s", s)
	}
	tm.keys("q")
	tm.waitFor("Leave the routine?")
	tm.keys("y")
	code, s := tm.exited()
	if code != 0 || !strings.Contains(s, "Quick wind-down · Nothing done · 0 of 6 steps done, ") {
		t.Errorf("exit %d; want 0 and a closing line for an abandoned run:\n%s", code, s)
	}

	got := oneSession(t, tm.sb.db)
	if got.routine != "quick" || got.status != "abandoned" || !got.ended.Valid || got.currentStep != 1 || got.speed != 2 {
		t.Errorf("session = %+v, want quick, abandoned on step index 1, ended, speed 2", got)
	}
	if len(got.steps) != 2 {
		t.Fatalf("step rows = %+v, want two: the skipped first step and the one left", got.steps)
	}
	if st := got.steps[0]; st.idx != 0 || st.status != "skipped" || st.plannedMS != 20_000 || st.actualMS <= 0 || st.actualMS >= 20_000 {
		t.Errorf("step row = %+v, want idx 0 skipped, planned 20000 ms, some time spent", st)
	}
	if st := got.steps[1]; st.idx != 1 || st.status != "skipped" || st.actualMS <= 0 || st.actualMS >= st.plannedMS {
		t.Errorf("step row = %+v, want idx 1 cut short when left", st)
	}
}

// TestE2ETUIRunToEnd lets the quick routine run out at 60 times speed.
func TestE2ETUIRunToEnd(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "evening", "--routine", "quick", "--speed", "60")
	tm.waitFor("Evening log")
	// Legs 5, tick the first checklist item, pass by also taken, the
	// bedroom and the bedding, a note, and on to the routine.
	tm.keys("5", "Enter", "Space", "Enter", "Enter", "Enter", "Enter")
	tm.keys("-l", "long drive")
	tm.keys("Enter")
	tm.waitFor("step 1 of 6")
	s := tm.waitUntil(`"Good night."`, 30*time.Second, func(s string) bool { return strings.Contains(s, "Good night.") })
	if !strings.Contains(s, "6 of 6 steps done, 0 skipped · 10 min") {
		t.Errorf("summary does not count 6 steps done in 10:00:\n%s", s)
	}
	tm.keys("Enter")
	code, s := tm.exited()
	if code != 0 || !strings.Contains(s, "Quick wind-down · Finished · 6 of 6 steps done, 0 skipped · 10 min. Good night.") {
		t.Errorf("exit %d; want 0 and the closing line:\n%s", code, s)
	}
	checkCompleted(t, oneSession(t, tm.sb.db), 60)
	out := exportJSON(t, tm.sb)
	for _, want := range []string{`"symptoms": 5`, `"caffeine"`, `"note": "long drive"`, `"name": "quick"`} {
		if !strings.Contains(out, want) {
			t.Errorf("export lacks %s:\n%s", want, out)
		}
	}
}

// TestE2ETUIHome opens the routine list from the home screen, goes back and
// quits without starting anything.
func TestE2ETUIHome(t *testing.T) {
	t.Parallel()
	tm := startTerm(t)
	tm.waitFor("Evening routine")
	tm.keys("r")
	s := tm.waitUntil("routine list", waitDefault, func(s string) bool {
		return strings.Contains(s, "Choose a routine") && !strings.Contains(s, "Evening routine")
	})
	for _, title := range []string{"Evening wind-down", "Quick wind-down"} {
		if !strings.Contains(s, title) {
			t.Errorf("routine list lacks %q:\n%s", title, s)
		}
	}
	tm.keys("Escape")
	tm.waitUntil("home screen", waitDefault, func(s string) bool {
		return strings.Contains(s, "Evening routine") && !strings.Contains(s, "9 steps")
	})
	tm.keys("q")
	if code, s := tm.exited(); code != 0 {
		t.Errorf("exit %d, want 0:\n%s", code, s)
	}
	if ss := readSessions(t, tm.sb.db); len(ss) != 0 {
		t.Errorf("home screen alone recorded sessions: %+v", ss)
	}
}
