package cli

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRemindWritesACalendarFile(t *testing.T) {
	home := tempHome(t)
	out := filepath.Join(home, "quietlegs.ics")
	if msg, err := runCmd(t, "remind", "--evening", "21:30", "--morning", "7:30", "--output", out); err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"BEGIN:VCALENDAR\r\n", "T213000\r\n", "T073000\r\n", "SUMMARY:Morning check-in\r\n"} {
		if !strings.Contains(string(data), want) {
			t.Errorf("the file lacks %q", want)
		}
	}
}

func TestRemindRefusesBadFlags(t *testing.T) {
	tempHome(t)
	for _, args := range [][]string{
		{"remind"},
		{"remind", "--evening", "9:75"},
		{"remind", "--evening", "21:30", "--systemd", "--output", "x.ics"},
		{"remind", "--uninstall", "--evening", "21:30"},
	} {
		_, err := runCmd(t, args...)
		var ee exitError
		if !errors.As(err, &ee) || ee.code != 2 {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}

func TestRemindInstallsAndUninstallsUnits(t *testing.T) {
	home := tempHome(t)
	dir := filepath.Join(home, ".config", "systemd", "user")
	out, err := runCmd(t, "remind", "--evening", "21:30", "--morning", "07:30", "--install")
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !strings.Contains(out, "systemctl --user enable --now quietlegs-evening.timer quietlegs-morning.timer") {
		t.Errorf("install does not say how to start the timers:\n%s", out)
	}
	timer, err := os.ReadFile(filepath.Join(dir, "quietlegs-evening.timer"))
	if err != nil || !strings.Contains(string(timer), "OnCalendar=*-*-* 21:30:00") {
		t.Fatalf("the evening timer: %v\n%s", err, timer)
	}
	// Enabled, as systemctl enable would.
	wants := filepath.Join(dir, "timers.target.wants")
	if err := os.MkdirAll(wants, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "quietlegs-evening.timer"), filepath.Join(wants, "quietlegs-evening.timer")); err != nil {
		t.Fatal(err)
	}
	mine := filepath.Join(dir, "other.timer")
	if err := os.WriteFile(mine, []byte("[Timer]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := runCmd(t, "remind", "--uninstall"); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "*", "quietlegs-*"))
	top, _ := filepath.Glob(filepath.Join(dir, "quietlegs-*"))
	if len(left)+len(top) > 0 {
		t.Errorf("left after uninstall: %q %q", left, top)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("uninstall removed a unit of someone else's: %v", err)
	}
	if out, _ := runCmd(t, "remind", "--uninstall"); !strings.Contains(out, "no quietlegs reminders are installed") {
		t.Errorf("a second uninstall: %s", out)
	}
}
