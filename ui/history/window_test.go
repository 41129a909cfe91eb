package history

import (
	"context"
	"math"
	"slices"
	"testing"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
)

func recsOn(dates ...string) []night.Record {
	var recs []night.Record
	for _, d := range dates {
		recs = append(recs, night.Record{Night: d})
	}
	return recs
}

// testWindow is a window that reads f at once, as the browser's fetches
// would: each read it lacks is fetched and the call made again.
type testWindow struct {
	*nightWindow
	f *uitest.History
}

func newTestWindow(f *uitest.History) testWindow {
	return testWindow{&nightWindow{}, f}
}

// retry does op on the window, fetching what it lacks, as Model.next does.
func (w testWindow) retry(op func()) {
	for {
		before := *w.nightWindow
		op()
		miss := w.miss
		if miss == nil {
			w.fetched = nil
			return
		}
		fetched := w.fetched
		*w.nightWindow = before
		if fetched == nil {
			fetched = map[span]fetchResult{}
		}
		recs, err := w.f.Nights(context.Background(), miss.from, miss.to)
		fetched[*miss] = fetchResult{recs, err}
		w.fetched = fetched
	}
}

func (w testWindow) ensure(from, to string) { w.retry(func() { w.nightWindow.ensure(from, to) }) }

func (w testWindow) older(date string, n int, first string) (d string) {
	w.retry(func() { d = w.nightWindow.older(date, n, first) })
	return d
}

func (w testWindow) newer(date string, n int, last string) (d string) {
	w.retry(func() { d = w.nightWindow.newer(date, n, last) })
	return d
}

func windowNights(w testWindow) []string {
	var out []string
	for _, r := range w.recs {
		out = append(out, r.Night)
	}
	return out
}

// TestNightWindowReadsOnlyWhatItLacks joins spans next to the window,
// reading only the new dates, and replaces it for a span far off.
func TestNightWindowReadsOnlyWhatItLacks(t *testing.T) {
	tests := []struct {
		name   string
		spans  [][2]string
		reads  [][2]string
		lo, hi string
		nights []string
	}{
		{"one month", [][2]string{{"2026-11-01", "2026-11-30"}},
			[][2]string{{"2026-11-01", "2026-11-30"}}, "2026-11-01", "2026-11-30", []string{"2026-11-02", "2026-11-20"}},
		{"again", [][2]string{{"2026-11-01", "2026-11-30"}, {"2026-11-05", "2026-11-06"}},
			[][2]string{{"2026-11-01", "2026-11-30"}}, "2026-11-01", "2026-11-30", []string{"2026-11-02", "2026-11-20"}},
		{"the month before", [][2]string{{"2026-11-01", "2026-11-30"}, {"2026-10-01", "2026-10-31"}},
			[][2]string{{"2026-11-01", "2026-11-30"}, {"2026-10-01", "2026-10-31"}}, "2026-10-01", "2026-11-30",
			[]string{"2026-10-15", "2026-11-02", "2026-11-20"}},
		{"either side", [][2]string{{"2026-11-10", "2026-11-12"}, {"2026-10-01", "2026-12-31"}},
			[][2]string{{"2026-11-10", "2026-11-12"}, {"2026-10-01", "2026-11-09"}, {"2026-11-13", "2026-12-31"}},
			"2026-10-01", "2026-12-31", []string{"2026-10-15", "2026-11-02", "2026-11-20"}},
		{"far off", [][2]string{{"2026-11-01", "2026-11-30"}, {"2020-01-01", "2020-01-31"}},
			[][2]string{{"2026-11-01", "2026-11-30"}, {"2020-01-01", "2020-01-31"}}, "2020-01-01", "2020-01-31",
			[]string{"2020-01-05"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &uitest.History{Recs: recsOn("2020-01-05", "2026-10-15", "2026-11-02", "2026-11-20")}
			w := newTestWindow(f)
			for _, s := range tt.spans {
				w.ensure(s[0], s[1])
			}
			if !slices.Equal(f.Reads, tt.reads) {
				t.Errorf("read %v, want %v", f.Reads, tt.reads)
			}
			if w.lo != tt.lo || w.hi != tt.hi || !slices.Equal(windowNights(w), tt.nights) {
				t.Errorf("window %s to %s holds %v; want %s to %s holding %v", w.lo, w.hi, windowNights(w), tt.lo, tt.hi, tt.nights)
			}
		})
	}
}

// TestNightWindowPagesAcrossGaps finds the next night over years without
// records in a few reads, doubling the span read each time.
func TestNightWindowPagesAcrossGaps(t *testing.T) {
	f := &uitest.History{Recs: recsOn("2016-03-01", "2026-11-01", "2026-11-02")}
	w := newTestWindow(f)
	w.ensure("2026-11-01", "2026-11-02")
	if got := w.older("2026-11-01", 1, "2016-03-01"); got != "2016-03-01" {
		t.Errorf("older found %q", got)
	}
	if len(f.Reads) > 8 {
		t.Errorf("%d reads across ten empty years: %v", len(f.Reads), f.Reads)
	}
	if got := w.older("2016-03-01", 1, "2016-03-01"); got != "" {
		t.Errorf("older than the first night: %q", got)
	}
	if got := w.newer("2016-03-01", 1, "2026-11-02"); got != "2026-11-01" {
		t.Errorf("newer found %q", got)
	}
	if got := w.newer("2026-11-02", 1, "2026-11-02"); got != "" {
		t.Errorf("newer than the last night: %q", got)
	}
}

func TestNightWindowReload(t *testing.T) {
	f := &uitest.History{Recs: recsOn("2026-11-02", "2026-11-05")}
	w := newTestWindow(f)
	w.ensure("2026-11-01", "2026-11-30")
	f.Recs = recsOn("2026-11-03", "2026-11-05") // 2 Nov gone, 3 Nov new
	for _, d := range []string{"2026-11-02", "2026-11-03"} {
		recs, err := f.Nights(t.Context(), d, d)
		w.reload(d, recs, err)
	}
	if got := windowNights(w); !slices.Equal(got, []string{"2026-11-03", "2026-11-05"}) {
		t.Errorf("after reloading: %v", got)
	}
}

func TestSparkline(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		vals   []float64
		lo, hi float64
		want   string
	}{
		{[]float64{0, 10, nan, 5}, 0, 10, "▁█ ▅"},
		{[]float64{3, 3}, 3, 3, "▅▅"},
		{[]float64{-1, 12}, 0, 10, "▁█"},
		{nil, 0, 10, ""},
	}
	for _, tt := range tests {
		if got := sparkline(tt.vals, tt.lo, tt.hi); got != tt.want {
			t.Errorf("sparkline(%v) = %q, want %q", tt.vals, got, tt.want)
		}
	}
}

func TestFitWidth(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		vals  []float64
		width int
		want  []float64
	}{
		{[]float64{1, 2, 3}, 10, []float64{1, 1, 2, 2, 3, 3}},
		{[]float64{1, 2, 3}, 4, []float64{1, 2, 3}},
		{[]float64{1, 3, nan, 4, nan, nan}, 3, []float64{2, 4, nan}},
		{[]float64{1, 2, 3, 4, 5}, 2, []float64{2, 4.5}},
	}
	for _, tt := range tests {
		got := fitWidth(tt.vals, tt.width)
		if !slices.EqualFunc(got, tt.want, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }) {
			t.Errorf("fitWidth(%v, %d) = %v, want %v", tt.vals, tt.width, got, tt.want)
		}
	}
}

func TestRolling(t *testing.T) {
	nan := math.NaN()
	vals := []float64{1, 2, 3, nan, nan, nan, 9, nan, nan, nan}
	// The last 4, each the mean of itself and the 6 before, where 3 are recorded.
	got := rolling(vals, 7, 3, 4)
	want := []float64{(1 + 2 + 3 + 9) / 4.0, (2 + 3 + 9) / 3.0, nan, nan}
	if !slices.EqualFunc(got, want, func(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }) {
		t.Errorf("rolling = %v, want %v", got, want)
	}
}
