package nightfmt

import (
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// Nights are filed by YYYY-MM-DD strings; these do their arithmetic on
// the calendar. A date that does not parse counts as the zero time, so a
// bad date draws oddly rather than failing a screen.

// ParseDate reads a YYYY-MM-DD date.
func ParseDate(d string) time.Time {
	t, _ := time.Parse(night.Layout, d)
	return t
}

// AddDays moves d by n days.
func AddDays(d string, n int) string {
	return ParseDate(d).AddDate(0, 0, n).Format(night.Layout)
}

// DaysBetween is how many days b is after a.
func DaysBetween(a, b string) int {
	return int(ParseDate(b).Sub(ParseDate(a)).Hours() / 24)
}

// MonthStart is the first day of d's month.
func MonthStart(d string) string {
	t := ParseDate(d)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).Format(night.Layout)
}

// MonthEnd is the last day of d's month.
func MonthEnd(d string) string {
	t := ParseDate(d)
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Format(night.Layout)
}

// AddMonths moves d by n months, keeping the day where the month has it
// (31 January + 1 month is 28 or 29 February).
func AddMonths(d string, n int) string {
	t := ParseDate(d)
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), 0, 0, 0, 0, time.UTC).Format(night.Layout)
}

// Weekday is a date's two-letter weekday, "Mo".
func Weekday(date string) string { return ParseDate(date).Format("Mon")[:2] }

// Label shows a night's date as "Sun 22 Nov"; a date that does not parse
// shows as it is.
func Label(date string) string {
	t, err := time.Parse(night.Layout, date)
	if err != nil {
		return date
	}
	return t.Format("Mon 2 Jan")
}

// LongLabel is "Sat 21 Nov 2026".
func LongLabel(date string) string { return ParseDate(date).Format("Mon 2 Jan 2006") }
