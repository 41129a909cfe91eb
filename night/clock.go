package night

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Clock is a time of day typed as HH:MM, in minutes after midnight.
type Clock int

// ParseClock reads a time of day as people type it: "22:30", "6:05",
// "0630", "21.30", and with am or pm, "9:30pm", "9.30 pm", "9pm", "12:15 AM".
// It rejects anything outside 00:00-23:59 with a message that says what is
// wrong.
func ParseClock(s string) (Clock, error) {
	c, _, err := parseClock(s)
	return c, err
}

// parseClock is ParseClock, also reporting whether s said am or pm.
func parseClock(s string) (c Clock, meridiem bool, err error) {
	s = strings.TrimSpace(s)
	notTime := fmt.Errorf("%q is not a time: type it as HH:MM, e.g. 22:30", s)
	t := strings.ToLower(s)
	pm := strings.HasSuffix(t, "pm")
	if pm || strings.HasSuffix(t, "am") {
		meridiem = true
		t = strings.TrimSpace(t[:len(t)-2])
	}
	var hs, ms string
	switch {
	case strings.ContainsAny(t, ":."):
		hs, ms, _ = strings.Cut(strings.Replace(t, ".", ":", 1), ":")
	case len(t) == 4:
		hs, ms = t[:2], t[2:]
	case meridiem && len(t) <= 2:
		hs, ms = t, "00"
	default:
		return 0, false, notTime
	}
	if len(hs) < 1 || len(hs) > 2 || len(ms) != 2 {
		return 0, false, notTime
	}
	h, err1 := strconv.Atoi(hs)
	m, err2 := strconv.Atoi(ms)
	if err1 != nil || err2 != nil || strings.ContainsAny(hs+ms, "+-") {
		return 0, false, notTime
	}
	if meridiem {
		if h < 1 || h > 12 || m > 59 {
			return 0, false, fmt.Errorf("%q is not a time: with am or pm the hour is 1 to 12", s)
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	if h > 23 || m > 59 {
		return 0, false, fmt.Errorf("%q is outside 00:00-23:59", s)
	}
	return Clock(h*60 + m), meridiem, nil
}

// Other12 is the same clock reading twelve hours away ("9:30" and
// "21:30"), for a time typed without am or pm that may have meant the
// other half of the day; ok is false for a time typed with am or pm, and
// for 00:xx and 12:xx, which people seldom mean as the other.
func Other12(s string) (Clock, bool) {
	c, meridiem, err := parseClock(s)
	h := int(c) / 60
	if err != nil || meridiem || h == 0 || h == 12 {
		return 0, false
	}
	return (c + 12*60) % (24 * 60), true
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
