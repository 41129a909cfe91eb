package e2e

// The terminal around the screens: drawn on demand (package ui/ondemand) or
// by Bubble Tea's renderer (QUIETLEGS_RENDERER=bubbletea), it is given back
// as it was found however the app ends, and pastes, resizes and bells work.

import (
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
)

// renderers are the two ways of drawing, as the environment picks them.
var renderers = []struct {
	name string
	env  []string
}{
	{"on demand", nil},
	{"bubbletea", []string{"QUIETLEGS_RENDERER=bubbletea"}},
}

// withRenderers runs test once for each renderer, in parallel.
func withRenderers(t *testing.T, test func(t *testing.T, env []string)) {
	for _, r := range renderers {
		t.Run(r.name, func(t *testing.T) {
			t.Parallel()
			test(t, r.env)
		})
	}
}

// restored fails the test unless the app has ended and the pane is back to
// the shell: the main screen, the cursor visible, and the line discipline
// cooked again (the shell's stty printed by startProgram's script).
func (tm *pane) restored() string {
	tm.t.Helper()
	_, s := tm.exited()
	if got := strings.TrimSpace(tm.tmux("-S", tm.sock, "display-message", "-p", "-t", "ql", "#{alternate_on} #{cursor_flag}")); got != "0 1" {
		tm.t.Errorf("alternate screen and cursor = %q, want \"0 1\" (main screen, cursor shown):\n%s", got, s)
	}
	if !strings.Contains(s, "TTY=cooked") {
		tm.t.Errorf("terminal left in raw mode:\n%s", s)
	}
	return s
}

func (tm *pane) signal(sig syscall.Signal) {
	tm.t.Helper()
	if err := syscall.Kill(tm.appPID(), sig); err != nil {
		tm.t.Fatal(err)
	}
}

// TestE2ETerminalRestored ends the app every way it can end, with both
// renderers, and checks the terminal is given back each time.
func TestE2ETerminalRestored(t *testing.T) {
	t.Parallel()
	for _, r := range renderers {
		for _, tt := range []struct {
			name string
			args []string
			end  func(tm *pane)
			// closing is text the shell shows after the app ended.
			closing string
		}{
			{"routine done", []string{"evening", "--routine", "quick", "--speed", "1000", "--no-log"}, func(tm *pane) {
				tm.waitFor("enter to close")
				tm.keys("Enter")
			}, "Finished"},
			{"q", nil, func(tm *pane) {
				tm.waitFor("Quit")
				tm.keys("q")
			}, "EXIT=0"},
			{"ctrl+c", nil, func(tm *pane) {
				tm.waitFor("Quit")
				tm.keys("C-c")
			}, "EXIT=0"},
			{"SIGTERM", []string{"evening", "--routine", "quick", "--no-log"}, func(tm *pane) {
				tm.waitFor("step 1 of 6")
				tm.signal(syscall.SIGTERM)
			}, "Nothing done"},
			{"SIGHUP", []string{"evening", "--routine", "quick", "--no-log"}, func(tm *pane) {
				tm.waitFor("step 1 of 6")
				tm.signal(syscall.SIGHUP)
			}, "Nothing done"},
		} {
			t.Run(r.name+"/"+tt.name, func(t *testing.T) {
				t.Parallel()
				tm := startTermEnv(t, r.env, tt.args...)
				tt.end(tm)
				if s := tm.restored(); !strings.Contains(s, tt.closing) {
					t.Errorf("no %q after the app ended:\n%s", tt.closing, s)
				}
			})
		}
	}
}

// panicsBin builds e2e/testdata/panics, a screen run on demand that panics
// on a key (quietlegs itself has none).
var panicsBin = sync.OnceValues(func() (string, error) {
	bin := filepath.Join(filepath.Dir(binPath), "panics")
	build := exec.Command("go", "build", "-o", bin, "./e2e/testdata/panics")
	build.Dir = root
	out, err := build.CombinedOutput()
	if err != nil {
		return "", &exec.ExitError{Stderr: out}
	}
	return bin, nil
})

// TestE2ETerminalRestoredAfterAPanic panics on the event loop and in a
// command's goroutine: the terminal is restored before the panic is
// printed, so the panic can be read on the main screen.
func TestE2ETerminalRestoredAfterAPanic(t *testing.T) {
	t.Parallel()
	bin, err := panicsBin()
	if err != nil {
		t.Fatalf("build the panicking screen: %v", err)
	}
	for _, tt := range []struct{ key, says string }{{"p", "a panic in Update"}, {"c", "a panic in a command"}} {
		t.Run(tt.key, func(t *testing.T) {
			t.Parallel()
			tm := startProgram(t, newSandbox(t), nil, bin)
			tm.waitFor("ready to panic")
			tm.keys(tt.key)
			tm.restored()
			// The panic and its trace scroll up: read from the top.
			if s := tm.tmux("-S", tm.sock, "capture-pane", "-p", "-J", "-S", "-", "-t", "ql"); !strings.Contains(s, tt.says) || !strings.Contains(s, "EXIT=1") {
				t.Errorf("the panic is not shown on the restored screen, or the exit status is not 1:\n%s", s)
			}
		})
	}
}

// TestE2EPasteReachesAForm pastes into the morning check-in's first field
// (bracketed paste, as a terminal sends it), with both renderers.
func TestE2EPasteReachesAForm(t *testing.T) {
	t.Parallel()
	withRenderers(t, func(t *testing.T, env []string) {
		tm := startTermEnv(t, env, "morning", "--night", "2026-11-22")
		tm.waitFor("Morning check-in")
		// -p brackets the paste only when the app turned bracketed
		// paste on; otherwise the characters arrive as keys, and a
		// paste too long for the field would fill it key by key
		// instead of being refused whole.
		paste := func(text string) {
			tm.tmux("-S", tm.sock, "set-buffer", text)
			tm.tmux("-S", tm.sock, "paste-buffer", "-p", "-t", "ql")
		}
		paste(strings.Repeat("1", 40))
		tm.waitFor("that paste is 40 characters")
		paste("2215")
		tm.waitFor("2215")
	})
}

// TestE2EResizeRedraws makes the window smaller and larger while a step
// counts down: the header is drawn again at each width. The window is
// titled too.
func TestE2EResizeRedraws(t *testing.T) {
	t.Parallel()
	withRenderers(t, func(t *testing.T, env []string) {
		tm := startTermEnv(t, env, "evening", "--routine", "quick", "--no-log", "--speed", "0.1")
		tm.waitFor("step 1 of 6")
		if got := strings.TrimSpace(tm.tmux("-S", tm.sock, "display-message", "-p", "-t", "ql", "#{pane_title}")); got != "quietlegs" {
			t.Errorf("window title %q, want quietlegs", got)
		}
		for _, w := range []int{60, 100} {
			tm.tmux("-S", tm.sock, "resize-window", "-t", "ql", "-x", strconv.Itoa(w), "-y", "24")
			tm.waitUntil("the header at width "+strconv.Itoa(w), waitDefault, func(s string) bool {
				first, _, _ := strings.Cut(s, "\n")
				return strings.HasSuffix(first, "step 1 of 6") && len([]rune(first)) == w
			})
		}
	})
}

// TestE2EBellRings skips a step, which rings the bell; tmux sees it.
func TestE2EBellRings(t *testing.T) {
	t.Parallel()
	withRenderers(t, func(t *testing.T, env []string) {
		tm := startTermEnv(t, env, "evening", "--routine", "quick", "--no-log", "--speed", "0.1")
		tm.waitFor("step 1 of 6")
		bells := filepath.Join(tm.sb.dir, "bells")
		tm.tmux("-S", tm.sock, "set-hook", "-g", "alert-bell", "run-shell 'echo bell >> "+bells+"'")
		tm.tmux("-S", tm.sock, "set-option", "-g", "bell-action", "any")
		tm.keys("n")
		tm.waitFor("step 2 of 6")
		tm.waitUntil("a bell", waitDefault, func(string) bool {
			out, _ := exec.Command("cat", bells).Output()
			return strings.Contains(string(out), "bell")
		})
	})
}
