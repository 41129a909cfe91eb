package ui

import (
	"context"
	"slices"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// History is the part of the store that reads whole nights, a range of
// dates at a time, so screens can page through years without reading
// them all.
type History interface {
	// Nights reads every night with any record in [from, to]
	// (YYYY-MM-DD, inclusive; "" leaves that end open), in date order.
	Nights(ctx context.Context, from, to string) ([]night.Record, error)
	// NightRange is the first and last night with any record, and how
	// many nights have one.
	NightRange(ctx context.Context) (first, last string, n int, err error)
}

// farGap is how far (in days) a span may lie from the window and still be
// joined to it; a span further off replaces the window, so a jump across
// years does not read the years between.
const farGap = 120

// pageSpan is how many days one page read covers at first; reads that find
// nothing double it, so a long gap in the record takes few reads.
const pageSpan = 62

// nightWindow holds the records of one span of dates, read a piece at a
// time. Every read is of the dates the screen needs next, never all.
type nightWindow struct {
	src    History
	lo, hi string         // the span read, inclusive; "" when nothing is
	recs   []night.Record // nights with records in [lo, hi], in date order
	err    error          // the last failed read, nil once one succeeds
}

func (w *nightWindow) read(from, to string) ([]night.Record, bool) {
	if w.src == nil {
		return nil, true
	}
	ctx, cancel := diaryCtx()
	defer cancel()
	recs, err := w.src.Nights(ctx, from, to)
	w.err = err
	return recs, err == nil
}

// covers reports whether [from, to] has been read.
func (w *nightWindow) covers(from, to string) bool {
	return w.lo != "" && from >= w.lo && to <= w.hi
}

// ensure reads what [from, to] adds to the window.
func (w *nightWindow) ensure(from, to string) {
	if from > to || w.covers(from, to) {
		return
	}
	if w.lo == "" || to < w.lo && daysBetween(to, w.lo) > farGap || from > w.hi && daysBetween(w.hi, from) > farGap {
		if recs, ok := w.read(from, to); ok {
			w.lo, w.hi, w.recs = from, to, recs
		}
		return
	}
	if from < w.lo {
		if older, ok := w.read(from, addDays(w.lo, -1)); ok {
			w.recs = append(older, w.recs...)
			w.lo = from
		}
	}
	if to > w.hi {
		if newer, ok := w.read(addDays(w.hi, 1), to); ok {
			w.recs = append(w.recs, newer...)
			w.hi = to
		}
	}
}

// index is where date is or would go in recs.
func (w *nightWindow) index(date string) (int, bool) {
	return slices.BinarySearchFunc(w.recs, date, func(r night.Record, d string) int {
		return strings.Compare(r.Night, d)
	})
}

// get is date's record, or nil when it has none (or was not read).
func (w *nightWindow) get(date string) *night.Record {
	if i, ok := w.index(date); ok {
		return &w.recs[i]
	}
	return nil
}

// older makes sure at least n records before date are read, or all there
// are back to first, and returns the one just before date ("" if none).
func (w *nightWindow) older(date string, n int, first string) string {
	if w.lo == "" || first == "" {
		return ""
	}
	for span := pageSpan; w.lo > first && w.err == nil; span *= 2 {
		if i, _ := w.index(date); i >= n {
			break
		}
		w.ensure(max(addDays(w.lo, -span), first), w.hi)
	}
	if i, _ := w.index(date); i > 0 {
		return w.recs[i-1].Night
	}
	return ""
}

// newer is older's mirror: n records after date, back to last.
func (w *nightWindow) newer(date string, n int, last string) string {
	after := func() int {
		i, ok := w.index(date)
		if ok {
			i++
		}
		return i
	}
	if w.lo == "" || last == "" {
		return ""
	}
	for span := pageSpan; w.hi < last && w.err == nil; span *= 2 {
		if len(w.recs)-after() >= n {
			break
		}
		w.ensure(w.lo, min(addDays(w.hi, span), last))
	}
	if i := after(); i < len(w.recs) {
		return w.recs[i].Night
	}
	return ""
}

// reload reads date again, after its check-in was edited.
func (w *nightWindow) reload(date string) {
	if !w.covers(date, date) {
		w.ensure(date, date)
		return
	}
	recs, ok := w.read(date, date)
	if !ok {
		return
	}
	i, found := w.index(date)
	switch {
	case found && len(recs) == 0:
		w.recs = slices.Delete(w.recs, i, i+1)
	case found:
		w.recs[i] = recs[0]
	case len(recs) > 0:
		w.recs = slices.Insert(w.recs, i, recs[0])
	}
}

// Dates are YYYY-MM-DD strings; these do their arithmetic on the calendar.

func parseDate(d string) time.Time {
	t, _ := time.Parse(night.Layout, d)
	return t
}

func addDays(d string, n int) string {
	return parseDate(d).AddDate(0, 0, n).Format(night.Layout)
}

func daysBetween(a, b string) int {
	return int(parseDate(b).Sub(parseDate(a)).Hours() / 24)
}

func monthStart(d string) string {
	t := parseDate(d)
	return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).Format(night.Layout)
}

func monthEnd(d string) string {
	t := parseDate(d)
	return time.Date(t.Year(), t.Month()+1, 0, 0, 0, 0, 0, time.UTC).Format(night.Layout)
}

// addMonths moves d by n months, keeping the day where the month has it
// (31 January + 1 month is 28 or 29 February).
func addMonths(d string, n int) string {
	t := parseDate(d)
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(t.Day(), last), 0, 0, 0, 0, time.UTC).Format(night.Layout)
}
