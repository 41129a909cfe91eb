// Package remind writes reminders that run without any process of
// quietlegs': an iCalendar file (RFC 5545) that a calendar app imports,
// and systemd user timers that show a desktop notification. It only makes
// text; the command line decides where it goes.
package remind

import (
	"fmt"
	"strings"
	"time"
)

// Reminder is one daily reminder at a local time of day.
type Reminder struct {
	// Name is its short name, "evening" or "morning": in the UID and the
	// unit files' names, so making them again replaces rather than adds.
	Name string
	// Title and Body are what the reminder says.
	Title, Body  string
	Hour, Minute int
}

// Evening is the reminder of the wind-down, one of the two reminders
// quietlegs offers.
func Evening(hour, minute int) Reminder {
	return Reminder{Name: "evening", Hour: hour, Minute: minute,
		Title: "Evening wind-down",
		Body:  "Time for the evening routine: quietlegs evening"}
}

// Morning is the reminder of the check-in.
func Morning(hour, minute int) Reminder {
	return Reminder{Name: "morning", Hour: hour, Minute: minute,
		Title: "Morning check-in",
		Body:  "How was the night? quietlegs morning"}
}

// clock is the reminder's time as HH:MM.
func (r Reminder) clock() string { return fmt.Sprintf("%02d:%02d", r.Hour, r.Minute) }

// Calendar is an iCalendar file of one daily event per reminder, from the
// date of now, each with a display alarm at its start. The events' UIDs
// depend only on the reminder's name, so importing a file made again
// (say, with other times) updates the events instead of adding more;
// now is also the DTSTAMP. Times are floating (local wherever the
// calendar is), as a bedtime is.
func Calendar(now time.Time, rs []Reminder) []byte {
	var b strings.Builder
	line := func(s string) { b.WriteString(fold(s)) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//quietlegs//quietlegs remind//EN")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	stamp := now.UTC().Format("20060102T150405Z")
	y, m, d := now.Date()
	for _, r := range rs {
		start := time.Date(y, m, d, r.Hour, r.Minute, 0, 0, time.UTC)
		line("BEGIN:VEVENT")
		line("UID:quietlegs-" + r.Name + "-reminder@quietlegs.invalid")
		line("DTSTAMP:" + stamp)
		line("DTSTART:" + start.Format("20060102T150405"))
		line("DURATION:PT15M")
		line("RRULE:FREQ=DAILY")
		line("SUMMARY:" + escapeText(r.Title))
		line("DESCRIPTION:" + escapeText(r.Body))
		line("TRANSP:TRANSPARENT")
		line("BEGIN:VALARM")
		line("ACTION:DISPLAY")
		line("TRIGGER:PT0S")
		line("DESCRIPTION:" + escapeText(r.Title+": "+r.Body))
		line("END:VALARM")
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return []byte(b.String())
}

// escapeText escapes a TEXT value (RFC 5545 3.3.11).
func escapeText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\n", `\n`).Replace(s)
}

// fold ends a content line with CRLF, folding it into lines of at most 75
// octets (RFC 5545 3.1): each further line starts with a space, and no
// UTF-8 character is split.
func fold(s string) string {
	const limit = 75
	var b strings.Builder
	n := 0 // octets on the current line
	for _, r := range s {
		size := len(string(r))
		if n+size > limit {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += size
	}
	b.WriteString("\r\n")
	return b.String()
}
