package cli

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/night"
)

// runCmd runs quietlegs with args in a home of its own and returns what
// it printed and its error.
func runCmd(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	cmd, _ := newRootCmd(&out, &errOut)
	cmd.SetArgs(args)
	err := cmd.Execute()
	return out.String() + errOut.String(), err
}

// tempHome is an empty home folder with no XDG variables set, as a person
// who has just run go install has.
func tempHome(t *testing.T) string {
	t.Helper()
	home := t.TempDir()
	t.Setenv("HOME", home)
	for _, v := range []string{"XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "QUIETLEGS_DB"} {
		t.Setenv(v, "")
	}
	return home
}

func TestConfigInitWritesCommentedSettingsOnce(t *testing.T) {
	home := tempHome(t)
	dir := filepath.Join(home, ".config", "quietlegs")
	if _, err := runCmd(t, "config", "init"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "config.toml"))
	if err != nil || !bytes.Equal(data, assets.Config()) {
		t.Fatalf("config.toml is not the commented defaults (%v)", err)
	}
	if _, err := night.LoadSettings(assets.Config(), filepath.Join(dir, "config.toml")); err != nil {
		t.Errorf("the file written does not load: %v", err)
	}
	for path, want := range map[string]os.FileMode{dir + "/config.toml": 0o600, dir + "/routines": 0o700 | os.ModeDir} {
		if fi, err := os.Stat(path); err != nil || fi.Mode() != want {
			t.Errorf("%s: %v %v, want mode %v", path, fi.Mode(), err, want)
		}
	}

	mine := []byte("day_boundary = 5\n")
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), mine, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := runCmd(t, "config", "init")
	if err != nil || !strings.Contains(out, "left as it is") {
		t.Fatalf("a second init: %v\n%s", err, out)
	}
	if data, _ := os.ReadFile(filepath.Join(dir, "config.toml")); !bytes.Equal(data, mine) {
		t.Errorf("init wrote over a person's settings: %q", data)
	}
}

func TestConfigPathSaysWhereEachFileLives(t *testing.T) {
	home := tempHome(t)
	out, err := runCmd(t, "config", "path")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"settings   " + filepath.Join(home, ".config/quietlegs/config.toml") + " (not there yet",
		"routines   " + filepath.Join(home, ".config/quietlegs/routines"),
		"database   " + filepath.Join(home, ".local/share/quietlegs/quietlegs.db"),
		"debug log  " + filepath.Join(home, ".local/state/quietlegs/debug.log"),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("config path lacks %q:\n%s", want, out)
		}
	}
	t.Setenv("QUIETLEGS_DB", filepath.Join(home, "try.db"))
	if out, _ := runCmd(t, "config", "path"); !strings.Contains(out, "database   "+filepath.Join(home, "try.db")) {
		t.Errorf("config path does not follow QUIETLEGS_DB:\n%s", out)
	}
}

// A default_routine that names no routine is refused, naming the file.
func TestDefaultRoutineMustExist(t *testing.T) {
	home := tempHome(t)
	dir := filepath.Join(home, ".config", "quietlegs")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(`default_routine = "qiuck"`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := runCmd(t, "insights")
	if err == nil || !strings.Contains(err.Error(), `default_routine: no routine named "qiuck"`) ||
		!strings.Contains(err.Error(), "config.toml") {
		t.Errorf("a default_routine of no routine: %v", err)
	}
}

// status in a new home prints what is due and makes no database.
func TestStatusMakesNoDatabase(t *testing.T) {
	home := tempHome(t)
	for _, args := range [][]string{{"status"}, {"status", "--format", "json"}} {
		out, err := runCmd(t, args...)
		if err != nil || out == "" {
			t.Fatalf("%v: %q, %v", args, out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(home, ".local")); !os.IsNotExist(err) {
		t.Errorf("status made a data folder: %v", err)
	}
	if _, err := runCmd(t, "status", "--format", "yaml"); err == nil {
		t.Error("--format yaml was taken")
	}
}

// A check-in from the command line runs on_checkin; its failure is told
// on the way out, once.
func TestCheckinHookFailureIsToldOnce(t *testing.T) {
	home := tempHome(t)
	dir := filepath.Join(home, ".config", "quietlegs")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config.toml"), []byte(`on_checkin = "exit 4"`+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("QUIETLEGS_DB", filepath.Join(home, "q.db"))
	out, err := runCmd(t, "morning", "--in-bed", "22:00", "--tried", "22:30", "--latency", "18", "--awakenings", "2",
		"--awake", "30", "--final", "06:30", "--out", "06:45", "--quality", "3", "--rested", "3", "--rls", "4",
		"--onset", "bedtime", "--got-up", "1")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "the on_checkin command failed (exit status 4)") {
		t.Errorf("the failure was not told:\n%s", out)
	}
	if out, _ := runCmd(t, "insights"); strings.Contains(out, "on_checkin") {
		t.Errorf("the failure was told twice:\n%s", out)
	}
}

func TestConfigUnknownCommandIsAUsageError(t *testing.T) {
	tempHome(t)
	_, err := runCmd(t, "config", "inti")
	var ee exitError
	if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(err.Error(), "want init or path") {
		t.Errorf("config inti: %v", err)
	}
}
