package history

import (
	"errors"
	"slices"
	"strings"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
)

// farGap is how far (in days) a span may lie from the window and still be
// joined to it; a span further off replaces the window, so a jump across
// years does not read the years between.
const farGap = 120

// pageSpan is how many days one page read covers at first; reads that find
// nothing double it, so a long gap in the record takes few reads.
const pageSpan = 62

// nightWindow holds the records of one span of dates, read a piece at a
// time. Every read is of the dates the screen needs next, never all.
//
// The window never reads the store itself: read takes what was fetched
// for exactly the span asked, and when nothing was, it notes the span in
// miss and fails with errMissing, which stops every loop here. The
// browser then fetches that span in a tea.Cmd and does the key again (see
// fetch.go), so each span is read once and in the order the sync code
// would read it.
type nightWindow struct {
	lo, hi string         // the span read, inclusive; "" when nothing is
	recs   []night.Record // nights with records in [lo, hi], in date order
	err    error          // the last failed read, nil once one succeeds
	// fetched is what was read for a span, by span; it outlives a
	// rolled-back key so the key can be done again.
	fetched map[span]fetchResult
	// miss is the span a read lacked, set with errMissing.
	miss *span
	// none is set when there is no store: every read finds nothing.
	none bool
}

// span is a range of dates, inclusive.
type span struct{ from, to string }

type fetchResult struct {
	recs []night.Record
	err  error
}

// errMissing marks a read whose span has not been fetched yet.
var errMissing = errors.New("not read yet")

func (w *nightWindow) read(from, to string) ([]night.Record, bool) {
	if w.none {
		return nil, true
	}
	if w.miss != nil {
		return nil, false
	}
	r, ok := w.fetched[span{from, to}]
	if !ok {
		w.miss, w.err = &span{from, to}, errMissing
		return nil, false
	}
	w.err = r.err
	return slices.Clone(r.recs), r.err == nil
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
	if w.lo == "" || to < w.lo && nightfmt.DaysBetween(to, w.lo) > farGap || from > w.hi && nightfmt.DaysBetween(w.hi, from) > farGap {
		if recs, ok := w.read(from, to); ok {
			w.lo, w.hi, w.recs = from, to, recs
		}
		return
	}
	if from < w.lo {
		if older, ok := w.read(from, nightfmt.AddDays(w.lo, -1)); ok {
			w.recs = append(older, w.recs...)
			w.lo = from
		}
	}
	if to > w.hi {
		if newer, ok := w.read(nightfmt.AddDays(w.hi, 1), to); ok {
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
		w.ensure(max(nightfmt.AddDays(w.lo, -span), first), w.hi)
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
		w.ensure(w.lo, min(nightfmt.AddDays(w.hi, span), last))
	}
	if i := after(); i < len(w.recs) {
		return w.recs[i].Night
	}
	return ""
}

// reload puts date's records as read again (after its check-in was
// edited) in the window.
func (w *nightWindow) reload(date string, recs []night.Record, err error) {
	w.err = err
	if err != nil || !w.covers(date, date) {
		return // a date outside the window is read when it is shown
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
