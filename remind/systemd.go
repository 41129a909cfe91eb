package remind

import (
	"fmt"
	"strings"
)

// Unit is one systemd unit file: its name and its text.
type Unit struct {
	Name, Text string
}

// UnitNames are the names of every unit Units makes for the reminders
// quietlegs knows, whichever were asked for: what an uninstall removes.
func UnitNames() []string {
	var names []string
	for _, n := range []string{"evening", "morning"} {
		names = append(names, "quietlegs-"+n+".service", "quietlegs-"+n+".timer")
	}
	return names
}

// Units are a systemd user service and timer for each reminder: the timer
// fires daily at the reminder's local time and the service runs
// notifySend (the notify-send program's path) with its title and body.
// Nothing of quietlegs runs in between.
func Units(rs []Reminder, notifySend string) []Unit {
	var us []Unit
	for _, r := range rs {
		base := "quietlegs-" + r.Name
		us = append(us,
			Unit{Name: base + ".service", Text: strings.Join([]string{
				"[Unit]",
				"Description=quietlegs: " + r.Title + " reminder",
				"",
				"[Service]",
				"Type=oneshot",
				"ExecStart=" + execQuote(notifySend) + " --app-name=quietlegs " + execQuote(r.Title) + " " + execQuote(r.Body),
				"",
			}, "\n")},
			Unit{Name: base + ".timer", Text: strings.Join([]string{
				"[Unit]",
				"Description=quietlegs: " + r.Title + " reminder at " + r.clock(),
				"",
				"[Timer]",
				fmt.Sprintf("OnCalendar=*-*-* %02d:%02d:00", r.Hour, r.Minute),
				"AccuracySec=1min",
				"Unit=" + base + ".service",
				"",
				"[Install]",
				"WantedBy=timers.target",
				"",
			}, "\n")})
	}
	return us
}

// execQuote quotes one word of an ExecStart= line: double quotes, with
// backslash and quote escaped, and % and $ doubled so systemd expands
// neither a specifier nor a variable.
func execQuote(s string) string {
	s = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "%", "%%", "$", "$$").Replace(s)
	return `"` + s + `"`
}
