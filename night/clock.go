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

// Which says which reading of a clock time that happened twice is meant,
// on the night the clocks went back.
type Which int

// The readings of a clock time that happened twice.
const (
	WhichUnsaid Which = iota // not said: the first is taken
	WhichFirst               // "02:30 first": the earlier, before the clocks went back
	WhichSecond              // "02:30 second": the later
)

// ParseWhich reads a time of day as ParseClock does, followed by an
// optional "first" or "second" ("02:30 second") for a time that happened
// twice.
func ParseWhich(s string) (Clock, Which, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	w := WhichUnsaid
	for _, suf := range []struct {
		word string
		w    Which
	}{{"first", WhichFirst}, {"second", WhichSecond}} {
		if rest, ok := strings.CutSuffix(t, suf.word); ok {
			t, w = rest, suf.w
			break
		}
	}
	if w == WhichUnsaid {
		c, err := ParseClock(s)
		return c, w, err
	}
	c, err := ParseClock(t)
	return c, w, err
}

// Occurrences are the instants, earliest first, at which a clock in loc
// read c on the day y-m-d: one on most days, none for a time the clocks
// skipped (spring forward), two for a time they went back over.
func Occurrences(y int, m time.Month, d int, c Clock, loc *time.Location) []time.Time {
	t := time.Date(y, m, d, int(c)/60, int(c)%60, 0, 0, loc)
	var out []time.Time
	for shift := -3 * time.Hour; shift <= 3*time.Hour; shift += 15 * time.Minute {
		u := t.Add(shift)
		w := u.In(loc)
		if w.Year() == y && w.Month() == m && w.Day() == d && ClockOf(w) == c && w.Second() == 0 {
			out = append(out, u)
		}
	}
	return out
}

// SkippedError is a clock time that never happened: the clocks went
// forward over it.
type SkippedError struct {
	Clock    Clock
	From, To Clock // the clocks went from From straight to To
}

func (e *SkippedError) Error() string {
	return fmt.Sprintf("%s never happened that night: the clocks went forward from %s to %s", e.Clock, e.From, e.To)
}

// skipped is the error for c, which did not happen on y-m-d in loc.
func skipped(y int, m time.Month, d int, c Clock, loc *time.Location) error {
	t := time.Date(y, m, d, int(c)/60, int(c)%60, 0, 0, loc)
	start, _ := t.ZoneBounds()
	e := &SkippedError{Clock: c, From: c, To: c}
	if !start.IsZero() {
		_, before := start.Add(-time.Second).Zone()
		e.From, e.To = ClockOf(start.In(time.FixedZone("", before))), ClockOf(start.In(loc))
	}
	return e
}

// pick chooses among the occurrences of one day that fit (ok): the first
// unless w says the second. twice reports that two fit and w said neither.
func pick(occ []time.Time, w Which, ok func(time.Time) bool) (t time.Time, twice bool, found bool) {
	var fit []time.Time
	for _, u := range occ {
		if ok(u) {
			fit = append(fit, u)
		}
	}
	switch {
	case len(occ) == 2 && w == WhichFirst:
		return occ[0], false, true
	case len(occ) == 2 && w == WhichSecond:
		return occ[1], false, true
	case len(fit) == 0:
		return time.Time{}, false, false
	}
	return fit[0], len(fit) == 2 && w == WhichUnsaid, true
}

// PlaceFirst places a night's first clock time in loc: on the evening of
// the night's date if at or after the day boundary (an hour), else the
// next morning. twice reports a time that happened twice and was read as
// the first, w not saying which.
func PlaceFirst(nightDate string, boundary int, loc *time.Location, c Clock, w Which) (t time.Time, twice bool, err error) {
	d, err := time.ParseInLocation(Layout, nightDate, loc)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("night %q: want YYYY-MM-DD", nightDate)
	}
	if int(c) < boundary*60 {
		d = d.AddDate(0, 0, 1)
	}
	occ := Occurrences(d.Year(), d.Month(), d.Day(), c, loc)
	if len(occ) == 0 {
		return time.Time{}, false, skipped(d.Year(), d.Month(), d.Day(), c, loc)
	}
	t, twice, _ = pick(occ, w, func(time.Time) bool { return true })
	return t, twice, nil
}

// dateFrom is the calendar date n days from t's, in loc (taken at noon,
// which every day has, whatever its clocks do).
func dateFrom(t time.Time, loc *time.Location, n int) (int, time.Month, int) {
	x := time.Date(t.Year(), t.Month(), t.Day()+n, 12, 0, 0, 0, loc)
	return x.Year(), x.Month(), x.Day()
}

// PlaceAfter places clock time c at the first moment at or after prev
// (the time before it in the night) when a clock in loc read c: a time
// earlier than prev's has crossed midnight, and on the night the clocks
// went back, 02:30 after 02:40 is the second 02:30.
func PlaceAfter(prev time.Time, loc *time.Location, c Clock, w Which) (time.Time, bool, error) {
	p := prev.In(loc)
	day := func(n int) (int, time.Month, int) { return dateFrom(p, loc, n) }
	wall := 0
	if c < ClockOf(p) {
		wall = 1
	}
	if y, m, d := day(wall); len(Occurrences(y, m, d, c, loc)) == 0 {
		return time.Time{}, false, skipped(y, m, d, c, loc)
	}
	for n := 0; n <= 1; n++ {
		y, m, d := day(n)
		if t, twice, ok := pick(Occurrences(y, m, d, c, loc), w, func(u time.Time) bool { return !u.Before(prev) }); ok {
			return t, twice, nil
		}
	}
	y, m, d := day(wall)
	return Occurrences(y, m, d, c, loc)[0], false, nil
}

// PlaceBefore places clock time c at the last moment at or before next
// (the time after it in the night) when a clock in loc read c, reading a
// time that happened twice as the first.
func PlaceBefore(next time.Time, loc *time.Location, c Clock, w Which) (time.Time, bool, error) {
	p := next.In(loc)
	day := func(n int) (int, time.Month, int) { return dateFrom(p, loc, n) }
	wall := 0
	if c > ClockOf(p) {
		wall = -1
	}
	if y, m, d := day(wall); len(Occurrences(y, m, d, c, loc)) == 0 {
		return time.Time{}, false, skipped(y, m, d, c, loc)
	}
	for n := 0; n >= -1; n-- {
		y, m, d := day(n)
		if t, twice, ok := pick(Occurrences(y, m, d, c, loc), w, func(u time.Time) bool { return !u.After(next) }); ok {
			return t, twice, nil
		}
	}
	y, m, d := day(wall)
	return Occurrences(y, m, d, c, loc)[0], false, nil
}
