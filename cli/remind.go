package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/remind"
	"github.com/quietlegs/quietlegs/termsafe"
)

func (a *app) remindCmd() *cobra.Command {
	var evening, morning, output string
	var systemd, install, uninstall bool
	cmd := &cobra.Command{
		Use:   "remind",
		Short: "Reminders with nothing of quietlegs running: a calendar file, or systemd timers",
		Long: "Make daily reminders of the evening routine and the morning check-in that\n" +
			"need no quietlegs process running.\n\n" +
			"With --output FILE.ics (or none, to standard output) it writes an iCalendar\n" +
			"file: one daily event per reminder with an alarm at its start, for any\n" +
			"calendar app to import. Its events keep the same IDs, so importing a file\n" +
			"made again, say with other times, updates them instead of adding more.\n\n" +
			"--systemd prints a systemd user timer and service per reminder, which\n" +
			"show a desktop notification with notify-send; --install writes them to\n" +
			"~/.config/systemd/user, and --uninstall removes them.",
		Example: "  quietlegs remind --evening 21:30 --morning 07:30 --output quietlegs.ics\n" +
			"  quietlegs remind --evening 21:30 --morning 07:30 --systemd --install\n" +
			"  quietlegs remind --uninstall",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if (systemd || install || uninstall) && runtime.GOOS != "linux" {
				return usageError("--systemd, --install and --uninstall are for Linux's systemd; elsewhere, import the calendar file (--output FILE.ics)")
			}
			if uninstall {
				if install || evening != "" || morning != "" || output != "" {
					return usageError("--uninstall goes alone")
				}
				return a.uninstallUnits()
			}
			systemd = systemd || install
			if systemd && output != "" {
				return usageError("--output is for the calendar file; --systemd prints or (--install) writes unit files")
			}
			rs, err := reminders(evening, morning)
			if err != nil {
				return err
			}
			switch {
			case install:
				return a.installUnits(rs)
			case systemd:
				dir, _ := a.unitDir()
				for _, u := range remind.Units(rs, notifySend(a)) {
					fmt.Fprintf(a.stdout, "# %s\n%s\n", filepath.Join(dir, u.Name), u.Text)
				}
				return nil
			}
			ics := remind.Calendar(time.Now(), rs)
			if output == "" || output == "-" {
				// As it is, CRLF and all: the text is ours, with nothing a
				// person or a file wrote in it for a terminal to act on.
				_, err := a.out.Write(ics)
				return err
			}
			return a.emit(output, ics, "wrote "+output+": import it into your calendar app")
		},
	}
	f := cmd.Flags()
	f.StringVar(&evening, "evening", "", "time of the evening reminder, HH:MM")
	f.StringVar(&morning, "morning", "", "time of the morning reminder, HH:MM")
	outputFlag(f, &output)
	f.BoolVar(&systemd, "systemd", false, "print systemd user units instead of a calendar file")
	f.BoolVar(&install, "install", false, "write the systemd units to ~/.config/systemd/user")
	f.BoolVar(&uninstall, "uninstall", false, "remove the systemd units --install wrote")
	return cmd
}

// reminders reads --evening and --morning; at least one is needed.
func reminders(evening, morning string) ([]remind.Reminder, error) {
	if evening == "" && morning == "" {
		return nil, usageError("give --evening HH:MM, --morning HH:MM or both")
	}
	var rs []remind.Reminder
	for _, f := range []struct {
		flag, v string
		make    func(h, m int) remind.Reminder
	}{{"evening", evening, remind.Evening}, {"morning", morning, remind.Morning}} {
		if f.v == "" {
			continue
		}
		c, err := night.ParseClock(f.v)
		if err != nil {
			return nil, usageError("--%s: %v", f.flag, err)
		}
		rs = append(rs, f.make(int(c)/60, int(c)%60))
	}
	return rs, nil
}

// notifySend is the notify-send program's path, or its usual place with
// a warning when this machine lacks it.
func notifySend(a *app) string {
	if p, err := exec.LookPath("notify-send"); err == nil {
		if abs, err := filepath.Abs(p); err == nil {
			return abs
		}
	}
	fmt.Fprintln(a.stderr, "quietlegs: notify-send is not installed (Debian and Ubuntu: libnotify-bin); the units call /usr/bin/notify-send")
	return "/usr/bin/notify-send"
}

// unitDir is the folder of a person's systemd user units: beside
// quietlegs' own settings folder, in systemd/user.
func (a *app) unitDir() (string, error) {
	if a.places.ConfigDir == "" {
		return "", errors.New("no settings folder: set HOME or XDG_CONFIG_HOME")
	}
	return filepath.Join(filepath.Dir(a.places.ConfigDir), "systemd", "user"), nil
}

func (a *app) installUnits(rs []remind.Reminder) error {
	dir, err := a.unitDir()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("install reminders: %w", err)
	}
	var timers []string
	for _, u := range remind.Units(rs, notifySend(a)) {
		path := filepath.Join(dir, u.Name)
		if err := writeFileAtomic(path, []byte(u.Text)); err != nil {
			return fmt.Errorf("install reminders: %w", err)
		}
		fmt.Fprintln(a.stdout, "wrote", path)
		if strings.HasSuffix(u.Name, ".timer") {
			timers = append(timers, u.Name)
		}
	}
	fmt.Fprintln(a.stdout, "To start them:\n  systemctl --user daemon-reload && systemctl --user enable --now "+strings.Join(timers, " "))
	return nil
}

// uninstallUnits removes every unit installUnits may have written, and
// the links enabling them; it says what is left to do.
func (a *app) uninstallUnits() error {
	dir, err := a.unitDir()
	if err != nil {
		return err
	}
	// Stopped first: removing a running timer's file leaves it loaded
	// until the next login.
	var timers []string
	for _, name := range remind.UnitNames() {
		if strings.HasSuffix(name, ".timer") {
			timers = append(timers, name)
		}
	}
	// Where there is no systemctl, nothing of systemd's can be running.
	if _, err := exec.LookPath("systemctl"); err == nil {
		args := append([]string{"--user", "disable", "--now"}, timers...)
		if out, err := exec.Command("systemctl", args...).CombinedOutput(); err != nil {
			fmt.Fprintf(a.stderr, "quietlegs: could not stop the timers (%v); stop them with: systemctl --user disable --now %s\n",
				strings.TrimSpace(termsafe.Line(string(out))), strings.Join(timers, " "))
		}
	}
	removed := 0
	for _, name := range remind.UnitNames() {
		for _, p := range []string{filepath.Join(dir, "timers.target.wants", name), filepath.Join(dir, name)} {
			err := os.Remove(p)
			switch {
			case errors.Is(err, fs.ErrNotExist):
			case err != nil:
				return fmt.Errorf("uninstall reminders: %w", err)
			default:
				fmt.Fprintln(a.stdout, "removed", p)
				removed++
			}
		}
	}
	if removed == 0 {
		fmt.Fprintln(a.stdout, "no quietlegs reminders are installed in", dir)
		return nil
	}
	fmt.Fprintln(a.stdout, "To have systemd forget them:\n  systemctl --user daemon-reload && systemctl --user reset-failed")
	return nil
}
