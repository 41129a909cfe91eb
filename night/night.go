// Package night says which night a moment belongs to.
//
// quietlegs files everything by night: the night of 22 November holds that
// evening's log and routine and the check-in made on the morning of the 23rd.
// Anything before the day-boundary hour belongs to the night before.
package night

import (
	"fmt"
	"time"
)

// DefaultBoundary is the hour (local time) at which one night's records end
// and the next day's begin.
const DefaultBoundary = 12

// Layout formats a night's date.
const Layout = time.DateOnly

// Of returns the night that t belongs to, as YYYY-MM-DD, reading t in its
// own location. A t before boundary o'clock belongs to the previous date.
func Of(t time.Time, boundary int) string {
	if t.Hour() < boundary {
		// AddDate on the calendar date, not t.Add(-24h), so a
		// daylight-saving day of 23 or 25 hours cannot skip a date.
		y, m, d := t.Date()
		return time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC).Format(Layout)
	}
	return t.Format(Layout)
}

// Last is the night a morning check-in made at now is about: the one that
// began on the previous calendar date. Before the day boundary that is
// Of(now); after it (a late riser, or a check-in made that evening) it is
// still last night, not the night to come.
func Last(now time.Time) string {
	y, m, d := now.Date()
	return time.Date(y, m, d-1, 0, 0, 0, 0, time.UTC).Format(Layout)
}

// FirstNight and LastNight bound the nights quietlegs keeps. The last
// night's morning is 9999-01-01: a night of 9999-12-31 would end in year
// 10000, which no time in the record can hold.
const (
	FirstNight = "1970-01-01"
	LastNight  = "9998-12-31"
)

// CheckDate refuses a night that is not a real YYYY-MM-DD date, or is
// outside FirstNight to LastNight, naming FieldNight.
func CheckDate(date string) error {
	if _, err := time.Parse(Layout, date); err != nil {
		var y, m, d int
		if n, _ := fmt.Sscanf(date, "%4d-%2d-%2d", &y, &m, &d); n == 3 && len(date) == len(Layout) && m >= 1 && m <= 12 {
			last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			return &FieldError{Field: FieldNight, Msg: fmt.Sprintf("%s does not exist: %s %d has %d days",
				date, time.Month(m), y, last)}
		}
		return &FieldError{Field: FieldNight, Msg: fmt.Sprintf("%q is not a date (YYYY-MM-DD)", date)}
	}
	if date < FirstNight || date > LastNight { // same layout: they compare as dates
		return &FieldError{Field: FieldNight, Msg: fmt.Sprintf("%s is out of range: nights from %s to %s can be recorded",
			date, FirstNight, LastNight)}
	}
	return nil
}
