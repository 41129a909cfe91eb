package e2e

// The helpers shared by the end-to-end tests, and the tests that run the app
// through pipes; tmux_test.go drives it in a terminal.

import (
	"bufio"
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "modernc.org/sqlite"
)

// binPath is the quietlegs binary built by TestMain from the module at root.
var binPath, root string

func TestMain(m *testing.M) {
	var err error
	root, err = moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	dir, err := os.MkdirTemp("", "quietlegs-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "quietlegs")
	build := exec.Command("go", "build", "-o", binPath, ".")
	build.Dir = root
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: build quietlegs:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// moduleRoot is the folder of the go.mod this package belongs to, so the
// binary is built from the main package whatever the working directory.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", errors.New("not inside the quietlegs module (go env GOMOD is empty)")
	}
	return filepath.Dir(gomod), nil
}

// sandbox is one test's private home, config, data and database.
type sandbox struct {
	dir, config, data, home, db string
}

// noteSources looks at every file the build of the binary could have read,
// once. This package imports hardly any of the app, so go test would
// otherwise keep reusing a cached pass after the app's code changed; files
// a test looks at while it runs are part of the cache key. (Before m.Run
// starts, go test does not see them, so this runs from newSandbox.)
var noteSources = sync.OnceFunc(func() {
	filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			if f, err := os.Open(path); err == nil { // a file added or removed here
				f.Close()
			}
			return nil
		}
		os.Stat(path) // a file changed
		return nil
	})
})

func newSandbox(t *testing.T) sandbox {
	t.Helper()
	noteSources()
	dir := t.TempDir()
	s := sandbox{
		dir:    dir,
		config: filepath.Join(dir, "config"),
		data:   filepath.Join(dir, "data"),
		home:   filepath.Join(dir, "home"),
		db:     filepath.Join(dir, "ql.db"),
	}
	for _, d := range []string{s.config, s.data, s.home} {
		if err := os.MkdirAll(d, 0o700); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// vars are the variables that keep the app inside the sandbox.
func (s sandbox) vars() []string {
	return []string{"XDG_CONFIG_HOME=" + s.config, "XDG_DATA_HOME=" + s.data, "HOME=" + s.home}
}

// env is the test's environment without anything that could point the app
// elsewhere, plus the sandbox's variables.
func (s sandbox) env() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch name {
		case "XDG_CONFIG_HOME", "XDG_DATA_HOME", "HOME", "QUIETLEGS_DB", "TMUX":
			continue
		}
		env = append(env, kv)
	}
	return append(env, s.vars()...)
}

func (s sandbox) command(args ...string) *exec.Cmd {
	cmd := exec.Command(binPath, args...)
	cmd.Env = s.env()
	cmd.Dir = s.dir
	return cmd
}

// run runs the app to its end with stdout and stderr captured (so stdout is
// not a terminal) and returns them with the exit status.
func (s sandbox) run(t *testing.T, cmd *exec.Cmd) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("run %v: %v", cmd.Args, err)
	}
	return out.String(), errb.String(), cmd.ProcessState.ExitCode()
}

type sessionRow struct {
	id              int64
	routine, status string
	ended           sql.NullString
	currentStep     int
	speed           float64
	plannedMS       int64
	steps           []stepRow
}

type stepRow struct {
	idx                 int
	title, status       string
	plannedMS, actualMS int64
}

// readSessions reads every session and its steps from the database at path.
func readSessions(t *testing.T, path string) []sessionRow {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out []sessionRow
	query(t, db, func(r *sql.Rows) error {
		out = append(out, sessionRow{})
		p := &out[len(out)-1]
		return r.Scan(&p.id, &p.routine, &p.status, &p.ended, &p.currentStep, &p.speed, &p.plannedMS)
	}, `SELECT id, routine, status, ended_at, current_step, speed, planned_ms FROM sessions ORDER BY id`)
	for i := range out {
		query(t, db, func(r *sql.Rows) error {
			var st stepRow
			err := r.Scan(&st.idx, &st.title, &st.status, &st.plannedMS, &st.actualMS)
			out[i].steps = append(out[i].steps, st)
			return err
		}, `SELECT idx, title, status, planned_ms, actual_ms FROM session_steps WHERE session_id = ? ORDER BY idx`, out[i].id)
	}
	return out
}

// query runs q and calls scan for each row.
func query(t *testing.T, db *sql.DB, scan func(*sql.Rows) error, q string, args ...any) {
	t.Helper()
	rows, err := db.Query(q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			t.Fatal(err)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
}

// oneSession reads the database and insists it holds exactly one session.
func oneSession(t *testing.T, path string) sessionRow {
	t.Helper()
	ss := readSessions(t, path)
	if len(ss) != 1 {
		t.Fatalf("database has %d sessions, want 1: %+v", len(ss), ss)
	}
	return ss[0]
}

// checkCompleted checks a full run of the quick routine as recorded.
func checkCompleted(t *testing.T, s sessionRow, speed float64) {
	t.Helper()
	if s.routine != "quick" || s.status != "completed" || !s.ended.Valid || s.speed != speed || s.plannedMS != 600_000 {
		t.Errorf("session = %+v, want routine quick, completed, ended, speed %v, planned 600000 ms", s, speed)
	}
	if len(s.steps) != 6 {
		t.Fatalf("%d step rows, want 6: %+v", len(s.steps), s.steps)
	}
	var sum int64
	for i, st := range s.steps {
		if st.idx != i || st.status != "done" || st.actualMS != st.plannedMS {
			t.Errorf("step row %d = %+v, want idx %d, done, actual = planned", i, st, i)
		}
		sum += st.plannedMS
	}
	if sum != 600_000 {
		t.Errorf("steps plan %d ms in all, want 600000", sum)
	}
}

// phaseLineRE reads a phase's line: "[2/6] Calf stretch · left · 0:30 —
// Face a wall…", its length before the dash (or at the end).
var phaseLineRE = regexp.MustCompile(`^\[(\d+)/6\] .* · (\d+):(\d\d)(?: — .*)?$`)

func TestE2EPlainRun(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	// No --plain: stdout is a pipe, so plain mode is chosen by itself.
	out, errOut, code := sb.run(t, sb.command("evening", "--routine", "quick", "--speed", "600", "--db", sb.db))
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s\nstdout:\n%s", code, errOut, out)
	}
	if strings.Contains(out, "\a") || strings.Contains(out, "\x1b") {
		t.Errorf("plain output to a pipe has a bell or escape codes: %q", out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) < 7 {
		t.Fatalf("got %d lines, want a line per phase and a summary:\n%s", len(lines), out)
	}
	total, lastStep := 0, 1
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, "[") {
			continue // the keys, each breath, the summary's steps
		}
		m := phaseLineRE.FindStringSubmatch(l)
		if m == nil {
			t.Errorf("line %q does not look like [N/6] title · M:SS — what to do", l)
			continue
		}
		step, _ := strconv.Atoi(m[1])
		if step < lastStep || step > lastStep+1 {
			t.Errorf("line %q: step %d after step %d", l, step, lastStep)
		}
		lastStep = step
		mins, _ := strconv.Atoi(m[2])
		secs, _ := strconv.Atoi(m[3])
		total += mins*60 + secs
	}
	if lastStep != 6 {
		t.Errorf("last phase line is for step %d, want 6", lastStep)
	}
	if total != 600 {
		t.Errorf("phase lengths add up to %d:%02d, want 10:00", total/60, total%60)
	}
	want := "Quick wind-down · Finished · 6 of 6 steps done, 0 skipped · 10 min. Good night."
	if last := lines[len(lines)-1]; last != want {
		t.Errorf("last line = %q, want %q", last, want)
	}
	checkCompleted(t, oneSession(t, sb.db), 600)
}

func TestE2EPlainUnknownRoutine(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	out, errOut, code := sb.run(t, sb.command("evening", "--plain", "--routine", "nosuch", "--db", sb.db))
	if code != 2 || !strings.Contains(errOut, "nosuch") || out != "" {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 2, a message naming nosuch on stderr only", code, out, errOut)
	}
	if _, err := os.Stat(sb.db); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a run that never started created the database (stat: %v)", err)
	}
}

// TestE2EPlainSignal stops a plain run with a signal, as a closed terminal
// or a shutdown would, and checks that the run is saved as ended.
func TestE2EPlainSignal(t *testing.T) {
	t.Parallel()
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			sb := newSandbox(t)
			cmd := sb.command("evening", "--routine", "quick", "--db", sb.db)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			pipe, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cmd.Process.Kill() })
			lines := make(chan string)
			rest := make(chan string, 1)
			go func() {
				r := bufio.NewReader(pipe)
				first, _ := r.ReadString('\n')
				for first != "" && !strings.HasPrefix(first, "[") {
					first, _ = r.ReadString('\n') // the keys and the sound's notice come first
				}
				lines <- first
				more, _ := io.ReadAll(r)
				rest <- string(more)
			}()
			select {
			case first := <-lines:
				if !strings.HasPrefix(first, "[1/6] Settle in") {
					t.Fatalf("first line = %q, want the first phase", first)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("no output within 20 s")
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			var tail string
			select {
			case tail = <-rest:
			case <-time.After(20 * time.Second):
				t.Fatalf("still running 20 s after %v", sig)
			}
			cmd.Wait()
			if code, want := cmd.ProcessState.ExitCode(), 128+int(sig); code != want || !strings.Contains(errb.String(), "interrupted") {
				t.Errorf("exit %d, stderr %q; want %d (128 + the signal) and a note that it was interrupted", code, errb.String(), want)
			}
			if !strings.Contains(tail, "Quick wind-down · Nothing done · 0 of 6 steps done") {
				t.Errorf("output after %v = %q, want the closing line", sig, tail)
			}
			s := oneSession(t, sb.db)
			// The step in progress is kept, with the moment it ran.
			if s.routine != "quick" || s.status != "abandoned" || !s.ended.Valid || s.currentStep != 0 ||
				len(s.steps) != 1 || s.steps[0].status != "skipped" || s.steps[0].actualMS >= s.steps[0].plannedMS {
				t.Errorf("session = %+v, want quick, abandoned at step 0 with an end time and its first step cut short", s)
			}
		})
	}
}

func TestE2ERoutineFiles(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	fixtures, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	userDir := filepath.Join(sb.config, "quietlegs", "routines")
	if err := os.MkdirAll(userDir, 0o700); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"calm.toml", "bad.toml"} {
		data, err := os.ReadFile(filepath.Join(fixtures, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(userDir, name), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}

	out, errOut, code := sb.run(t, sb.command("routines"))
	if code != 0 {
		t.Fatalf("routines: exit %d, stderr:\n%s", code, errOut)
	}
	calmRow := regexp.MustCompile(`(?m)^calm\s+Calm legs\s+1:40\s+2\s+` + regexp.QuoteMeta(filepath.Join(userDir, "calm.toml")) + `$`)
	if !calmRow.MatchString(out) {
		t.Errorf("routines does not list calm with its file:\n%s", out)
	}
	for _, name := range []string{"wind-down", "quick"} {
		if !regexp.MustCompile(`(?m)^` + name + `\s.*built-in$`).MatchString(out) {
			t.Errorf("routines does not list built-in %s:\n%s", name, out)
		}
	}
	if regexp.MustCompile(`(?m)^bad\s`).MatchString(out) {
		t.Errorf("routines lists the broken routine:\n%s", out)
	}
	if !strings.Contains(errOut, "warning: "+filepath.Join(userDir, "bad.toml")+":8:") {
		t.Errorf("stderr does not warn about bad.toml line 8:\n%s", errOut)
	}

	check := func(file string) (string, string, int) {
		cmd := sb.command("routines", "check", file)
		cmd.Dir = fixtures
		return sb.run(t, cmd)
	}
	_, errOut, code = check("bad.toml")
	if code != 1 || !strings.Contains(errOut, "bad.toml:8: steps[1].seconds: must be more than 0") {
		t.Errorf("check bad.toml: exit %d, stderr %q; want 1 and a message at bad.toml:8", code, errOut)
	}
	out, errOut, code = check("calm.toml")
	if code != 0 || errOut != "" || !strings.HasPrefix(out, "Calm legs (calm)\n1:40 in total, 2 steps\n") ||
		!strings.Contains(out, "1. Ankle circles — 0:40, hold") || !strings.Contains(out, "2. Slow breathing — 1:00, breathing") {
		t.Errorf("check calm.toml: exit %d, stderr %q, plan:\n%s", code, errOut, out)
	}
	// By name, the personal routine as the library has it.
	if out, errOut, code = check("calm"); code != 0 || !strings.HasPrefix(out, "Calm legs (calm)\n") {
		t.Errorf("check calm: exit %d, stderr %q, plan:\n%s", code, errOut, out)
	}
	if _, errOut, code = sb.run(t, sb.command("routines", "check")); code != 2 || !strings.Contains(errOut, "needs a routine file to check") {
		t.Errorf("check with no argument: exit %d, %q", code, errOut)
	}
}

func TestE2ECommandLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--version"}, []string{"quietlegs version "}},
		{[]string{"--help"}, []string{"medical advice", "evening", "routines"}},
		{[]string{"evening", "--help"}, []string{"--plain", "--routine"}},
		{[]string{"completion", "bash"}, []string{"quietlegs", "complete"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			sb := newSandbox(t)
			out, errOut, code := sb.run(t, sb.command(tt.args...))
			if code != 0 {
				t.Fatalf("exit %d, stderr:\n%s", code, errOut)
			}
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

// TestE2EBadSpeed: a speed that is not a sensible number is refused before
// anything starts or is written.
func TestE2EBadSpeed(t *testing.T) {
	t.Parallel()
	for _, speed := range []string{"NaN", "Inf", "-1", "0", "1e-300", "1e9", "fast"} {
		t.Run(speed, func(t *testing.T) {
			sb := newSandbox(t)
			_, errOut, code := sb.run(t, sb.command("evening", "--plain", "--routine", "quick", "--speed", speed, "--db", sb.db))
			if code != 2 || !strings.Contains(errOut, "speed") {
				t.Errorf("exit %d, stderr %q; want 2 and a message about --speed", code, errOut)
			}
			if _, err := os.Stat(sb.db); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("a refused run created the database")
			}
		})
	}
}

// TestE2EDatabasePrivate runs with the loosest umask and checks that the
// records are still owner-only.
func TestE2EDatabasePrivate(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	dir := filepath.Join(sb.dir, "records")
	db := filepath.Join(dir, "quietlegs.db")
	cmd := exec.Command("sh", "-c", `umask 000 && exec "$@"`, "sh",
		binPath, "evening", "--plain", "--routine", "quick", "--speed", "6000", "--db", db)
	cmd.Env = sb.env()
	if out, errOut, code := sb.run(t, cmd); code != 0 {
		t.Fatalf("exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, db: 0o600} {
		if fi, err := os.Stat(path); err != nil {
			t.Error(err)
		} else if fi.Mode().Perm() != want {
			t.Errorf("%s is %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if fi, err := e.Info(); err == nil && fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is %v, want owner-only", e.Name(), fi.Mode())
		}
	}
	checkCompleted(t, oneSession(t, db), 6000)
}
