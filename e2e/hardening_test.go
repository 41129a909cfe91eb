package e2e

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// TestE2ENoNetwork runs the commands that touch records under strace and
// checks that none opens an internet socket.
func TestE2ENoNetwork(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("strace"); err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("strace is not installed")
		}
		t.Fatal("strace is not installed, and CI is set")
	}
	sb := newSandbox(t)
	runs := [][]string{
		{"evening", "--plain", "--routine", "quick", "--speed", "6000"},
		append([]string{}, checkin...),
		{"evening", "--log-only", "--symptoms", "3"},
		{"export"},
		{"export", "--format", "csv"},
		{"routines"},
		{"backup", filepath.Join(sb.dir, "copy.db")},
	}
	for i, args := range runs {
		trace := filepath.Join(sb.dir, fmt.Sprintf("trace%d", i))
		full := append([]string{"-f", "-e", "trace=socket,connect", "-o", trace, binPath}, append(args, "--db", sb.db)...)
		cmd := exec.Command("strace", full...)
		cmd.Env = sb.env()
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", args, err, out)
		}
		data, err := os.ReadFile(trace)
		if err != nil {
			t.Fatal(err)
		}
		if m := regexp.MustCompile(`.*AF_INET6?.*`).Find(data); m != nil {
			t.Errorf("%v opened an internet socket: %s", args, m)
		}
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// TestE2EDamagedDatabase: a file that is not a quietlegs database stops
// every command with a message naming it, and is never changed.
func TestE2EDamagedDatabase(t *testing.T) {
	t.Parallel()
	foreign := func(t *testing.T, path string) {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')"); err != nil {
			t.Fatal(err)
		}
	}
	newer := func(t *testing.T, path string) {
		sb := sandbox{db: path}
		_ = sb
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.Exec("PRAGMA application_id = 1363954503; PRAGMA user_version = 99; CREATE TABLE future (x)"); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		name string
		make func(t *testing.T, path string)
		want string
	}{
		{"random bytes", func(t *testing.T, path string) {
			os.WriteFile(path, bytes.Repeat([]byte{0xde, 0xad, 0xbe, 0xef}, 2048), 0o600)
		}, "not"},
		{"truncated", func(t *testing.T, path string) {
			foreign(t, path)
			data, _ := os.ReadFile(path)
			os.WriteFile(path, data[:100], 0o600)
		}, ""},
		{"another program's", foreign, "recipes"},
		{"newer quietlegs", newer, "newer"},
	}
	commands := [][]string{
		{"evening", "--plain", "--routine", "quick", "--speed", "6000"},
		{"export"},
		append([]string{}, checkin...),
		{"backup", "copy.db"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			sb := newSandbox(t)
			tt.make(t, sb.db)
			before := fileSum(t, sb.db)
			for _, args := range commands {
				_, errOut, code := sb.run(t, sb.command(append(args, "--db", sb.db)...))
				if code == 0 || !strings.Contains(errOut, sb.db) || !strings.Contains(errOut, tt.want) {
					t.Errorf("%v: exit %d, %q; want a failure naming %s (and %q)", args, code, errOut, sb.db, tt.want)
				}
			}
			if fileSum(t, sb.db) != before {
				t.Errorf("the damaged file was changed")
			}
		})
	}
}

// TestE2ENoColor: NO_COLOR with any value, "yes" included, leaves colour out.
func TestE2ENoColor(t *testing.T) {
	t.Parallel()
	// Foreground colours: 30-37, 90-97, 38;5;n and 38;2;r;g;b (39 is "default").
	colour := regexp.MustCompile(`\x1b\[([0-9;]*;)?(3[0-7]|9[0-7]|38;[25])[;m]`)
	for _, tt := range []struct {
		env    []string
		colour bool
	}{{nil, true}, {[]string{"NO_COLOR=yes"}, false}, {[]string{"NO_COLOR=1"}, false}} {
		t.Run(fmt.Sprint(tt.env), func(t *testing.T) {
			t.Parallel()
			tm := startTermEnv(t, append(tt.env, "COLORTERM=truecolor"), "evening", "--routine", "quick", "--speed", "0.1")
			tm.waitFor("Evening log")
			tm.keys("Escape")
			tm.waitFor("step 1 of 6")
			screen := tm.tmux("-S", tm.sock, "capture-pane", "-p", "-e", "-t", "ql")
			if got := colour.MatchString(screen); got != tt.colour {
				t.Errorf("colour on screen = %v, want %v:\n%q", got, tt.colour, screen)
			}
		})
	}
}

// TestE2ETermDumb: a dumb terminal gets plain mode, not a screen.
func TestE2ETermDumb(t *testing.T) {
	t.Parallel()
	tm := startTermEnv(t, []string{"TERM=dumb"}, "evening", "--routine", "quick", "--speed", "600")
	code, s := tm.exited()
	if code != 0 || !strings.Contains(s, "✓ Settle in · 0:20") || !strings.Contains(s, "Good night.") {
		t.Errorf("exit %d:\n%s", code, s)
	}
}

// TestE2ETwoProcesses writes from two processes at once, each many times,
// and checks that nothing failed and nothing was lost. The routines run
// alongside each other (--anyway), as two windows may when a person says so.
func TestE2ETwoProcesses(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	const each = 8
	var wg sync.WaitGroup
	errs := make(chan string, 4*each)
	for p := range 2 {
		wg.Go(func() {
			for i := range each {
				day := fmt.Sprintf("2026-10-%02d", p*each+i+1)
				for _, args := range [][]string{
					{"evening", "--plain", "--anyway", "--routine", "quick", "--speed", "10000"},
					{"evening", "--log-only", "--night", day, "--symptoms", "4", "--tag", "caffeine"},
					append(append([]string{}, checkin...)[:0:0], "morning", "--night", day, "--in-bed", "22:00", "--tried", "22:30",
						"--final", "06:30", "--out", "06:45", "--quality", "3", "--rested", "3"),
				} {
					cmd := exec.Command(binPath, append(args, "--db", sb.db)...)
					cmd.Env = sb.env()
					if out, err := cmd.CombinedOutput(); err != nil {
						errs <- fmt.Sprintf("%v: %v\n%s", args, err, out)
					}
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if n := len(readSessions(t, sb.db)); n != 2*each {
		t.Errorf("%d routine runs saved, want %d", n, 2*each)
	}
	exp := exportJSON(t, sb)
	if n := strings.Count(exp, `"tib_min": 525`); n != 2*each {
		t.Errorf("%d check-ins exported, want %d", n, 2*each)
	}
	if n := strings.Count(exp, `"symptoms": 4`); n != 2*each {
		t.Errorf("%d evening logs exported, want %d", n, 2*each)
	}
}

// lockedBuffer is a bytes.Buffer that one goroutine can write while another
// reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startWindDown starts the wind-down in plain mode at --speed 100 in
// another process, and returns once its output holds line (a step's
// "[3/9]"); the process is killed when the test ends.
func startWindDown(t *testing.T, sb sandbox, line string) {
	t.Helper()
	run := sb.command("evening", "--plain", "--routine", "wind-down", "--speed", "100", "--db", sb.db)
	// exec copies the output in a goroutine of its own while the loop below
	// reads it, so the buffer is shared under a lock.
	var out lockedBuffer
	run.Stdout = &out
	if err := run.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		run.Process.Kill()
		run.Wait()
	})
	awaitOutput(t, &out, line)
}

// awaitOutput returns once out holds text, and fails the test if it does
// not within 20 s.
func awaitOutput(t *testing.T, out *lockedBuffer, text string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(out.String(), text) {
		if time.Now().After(deadline) {
			t.Fatalf("routine did not reach %s:\n%s", text, out.String())
		}
		time.Sleep(20 * time.Millisecond) // polling for output, not waiting out time
	}
}

// TestE2EBackupWhileRunning copies the database while a routine is being
// saved by another process, and checks the copy is whole.
func TestE2EBackupWhileRunning(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	startWindDown(t, sb, "[3/9]")
	copyPath := filepath.Join(sb.dir, "copy.db")
	if o, errOut, code := sb.run(t, sb.command("backup", copyPath, "--db", sb.db)); code != 0 {
		t.Fatalf("backup: exit %d\n%s%s", code, o, errOut)
	}
	if fi, err := os.Stat(copyPath); err != nil {
		t.Fatalf("backup file: %v", err)
	} else if fi.Mode().Perm() != 0o600 {
		t.Fatalf("backup file is %v, want 0600", fi.Mode())
	}
	s := oneSession(t, copyPath)
	if s.routine != "wind-down" || s.status != "running" || len(s.steps) < 2 {
		t.Errorf("backup holds %+v, want the running wind-down with its first steps", s)
	}
	if _, errOut, code := sb.run(t, sb.command("backup", copyPath, "--db", sb.db)); code == 0 || !strings.Contains(errOut, copyPath) {
		t.Errorf("a second backup over the first: exit %d, %q; want a refusal naming it", code, errOut)
	}
}

// TestE2EDebugLog: --debug writes a private log in the state folder, and
// without it nothing is written there; no entered text reaches the log.
func TestE2EDebugLog(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	state := filepath.Join(sb.dir, "state")
	run := func(args ...string) {
		cmd := sb.command(append(args, "--db", sb.db)...)
		cmd.Env = append(cmd.Env, "XDG_STATE_HOME="+state)
		cmd.Run()
	}
	run("evening", "--log-only", "--symptoms", "7", "--note", "secret-note-text")
	if _, err := os.Stat(state); !os.IsNotExist(err) {
		t.Fatalf("without --debug the state folder exists: %v", err)
	}
	run("--debug", "evening", "--log-only", "--symptoms", "7", "--note", "secret-note-text")
	run("--debug", "morning", "--night", "2026-11-22", "--quality", "9", "--note", "another-secret")
	path := filepath.Join(state, "quietlegs", "debug.log")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("debug log: %v; want a 0600 file", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("debug log is %v, want 0600", fi.Mode())
	}
	data, _ := os.ReadFile(path)
	log := string(data)
	if !strings.Contains(log, `msg=command name="quietlegs evening"`) || !strings.Contains(log, "status=2") {
		t.Errorf("log does not record the commands and how they ended:\n%s", log)
	}
	for _, secret := range []string{"secret-note-text", "another-secret", "quality", "symptoms"} {
		if strings.Contains(log, secret) {
			t.Errorf("log holds entered text %q:\n%s", secret, log)
		}
	}
}

// TestE2EOutputNeverOverwritesTheDatabase: a report or an export aimed at
// the database, its side files, a backup, or any of them through a link,
// is refused naming both paths, and the database is untouched.
func TestE2EOutputNeverOverwritesTheDatabase(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	if _, errOut, code := sb.run(t, sb.command(append(checkin, "--db", sb.db)...)); code != 0 {
		t.Fatalf("check-in: exit %d %s", code, errOut)
	}
	backup := filepath.Join(sb.dir, "copy.db")
	if _, errOut, code := sb.run(t, sb.command("backup", backup, "--db", sb.db)); code != 0 {
		t.Fatalf("backup: exit %d %s", code, errOut)
	}
	link := filepath.Join(sb.dir, "link.md")
	if err := os.Symlink(sb.db, link); err != nil {
		t.Fatal(err)
	}
	before := fileSum(t, sb.db)
	for _, args := range [][]string{
		{"report", "--output", sb.db},
		{"export", "--output", sb.db},
		{"export", "--output", sb.db + "-wal"},
		{"report", "--output", link},
		{"export", "--format", "csv", "--output", backup},
	} {
		_, errOut, code := sb.run(t, sb.command(append(args, "--db", sb.db)...))
		if code != 2 || !strings.Contains(errOut, "--output") || !strings.Contains(errOut, "choose another file") {
			t.Errorf("%v: exit %d, %q; want 2 and a refusal naming --output", args, code, errOut)
		}
	}
	if fileSum(t, sb.db) != before {
		t.Error("the database changed")
	}
	if out, errOut, code := sb.run(t, sb.command("insights", "--db", sb.db)); code != 0 {
		t.Errorf("the database no longer reads: exit %d %s %s", code, out, errOut)
	}
}

// TestE2EPlainTakesTheRunLock: while a plain-mode routine runs, a second
// one is refused (exit 2) unless --anyway, and the run is never offered as
// cut off: it is not "interrupted" while its runner lives.
func TestE2EPlainTakesTheRunLock(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	startWindDown(t, sb, "[2/9]")
	_, errOut, code := sb.run(t, sb.command("evening", "--plain", "--routine", "quick", "--db", sb.db))
	if code != 2 || !strings.Contains(errOut, "a routine is running in another window") || !strings.Contains(errOut, "--anyway") {
		t.Errorf("a second plain run: exit %d, %q; want 2 and the refusal", code, errOut)
	}
	alongside := sb.command("evening", "--plain", "--anyway", "--routine", "quick", "--speed", "10000", "--db", sb.db)
	o, errOut, code := sb.run(t, alongside)
	if code != 0 || !strings.Contains(errOut, "running alongside") || !strings.Contains(o, "Finished") {
		t.Errorf("--anyway: exit %d\n%s%s", code, o, errOut)
	}
}

// TestE2EPlainIntoAClosedPipe: `quietlegs evening --plain | head -2`. When
// the reader goes away, the run ends, saved as it stands (partial), and
// is never left "running".
func TestE2EPlainIntoAClosedPipe(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	cmd := sb.command("evening", "--plain", "--routine", "quick", "--speed", "100", "--db", sb.db)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	for i := 0; i < 3 && lines.Scan(); i++ { // as head -3: into step 2
	}
	out.Close()
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() == 0 {
		t.Errorf("exit: %v; want a failure once the pipe closed", err)
	}
	if s := oneSession(t, sb.db); s.status != "partial" || !s.ended.Valid {
		t.Errorf("the run is %q (ended %v), want partial and ended", s.status, s.ended.Valid)
	}
}
