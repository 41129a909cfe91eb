package night

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day typed as HH:MM, in minutes after midnight.
type Clock int

// ParseClock reads "22:30", "6:05" or "0630". It rejects anything outside
// 00:00-23:59 with a message that says what is wrong.
func ParseClock(s string) (Clock, error) {
	s = strings.TrimSpace(s)
	var hs, ms string
	switch {
	case strings.Contains(s, ":"):
		hs, ms, _ = strings.Cut(s, ":")
	case len(s) == 4:
		hs, ms = s[:2], s[2:]
	default:
		return 0, fmt.Errorf("%q is not a time: type it as HH:MM, e.g. 22:30", s)
	}
	if len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, fmt.Errorf("%q is not a time: type it as HH:MM, e.g. 22:30", s)
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || strings.ContainsAny(hs+ms, "+-") {
		return 0, fmt.Errorf("%q is not a time: type it as HH:MM, e.g. 22:30", s)
	}
	if h > 23 || m > 59 {
		return 0, fmt.Errorf("%q is outside 00:00-23:59", s)
	}
	return Clock(h*60 + m), nil
}

func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// ClockOf is the time of day of t, in t's location.
func ClockOf(t time.Time) Clock { return Clock(t.Hour()*60 + t.Minute()) }

// Resolve turns a night's clock times, in the order they happened, into
// instants in loc. The first time belongs to the evening of the night's date
// if it is at or after the day boundary, else to the next morning; each later
// time that reads earlier than the one before it has crossed midnight.
func Resolve(nightDate string, boundary int, loc *time.Location, clocks ...Clock) ([]time.Time, error) {
	d, err := time.ParseInLocation(Layout, nightDate, loc)
	if err != nil {
		return nil, fmt.Errorf("night %q: want YYYY-MM-DD", nightDate)
	}
	out := make([]time.Time, len(clocks))
	day := 0
	for i, c := range clocks {
		switch {
		case i == 0 && int(c) < boundary*60:
			day = 1
		case i > 0 && c < clocks[i-1]:
			day++
		}
		out[i] = time.Date(d.Year(), d.Month(), d.Day()+day, int(c)/60, int(c)%60, 0, 0, loc)
	}
	return out, nil
}
