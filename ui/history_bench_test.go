package ui

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

// benchOptions open the history on hist at 80x24. The benchmarks hold
// 3,650 generated nights (ten years) in memory: they measure the screens,
// not SQL.
func benchOptions(hist History) Options {
	return Options{Start: StartHistory, History: hist, Library: testLibrary(),
		Clock: routine.NewFakeClock(t0), Settings: testSettings(), Speed: 1}
}

// BenchmarkHistoryOpen is opening the history on ten years of nights, to
// the first frame drawn.
func BenchmarkHistoryOpen(b *testing.B) {
	hist := &fakeHistory{recs: genNights(lastNight, 3650, 1)}
	for b.Loop() {
		m := New(benchOptions(hist))
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
	}
	b.ReportMetric(float64(hist.returned)/float64(b.N), "nights-read/op")
}

// BenchmarkHistoryKey is one ↓ in the table of ten years of nights and the
// frame after it. The walk goes back from the newest night, reading a
// page at a time; at the oldest it starts again from the newest.
func BenchmarkHistoryKey(b *testing.B) {
	hist := &fakeHistory{recs: genNights(lastNight, 3650, 1)}
	m := New(benchOptions(hist))
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(keyPress("2"))
	h := m.screen.(*history)
	keyLoop(b, m, h)
}

// sqliteYears is a real store holding the same ten years, for the same
// benchmarks through SQL.
func sqliteYears(b *testing.B) *store.Store {
	b.Helper()
	s, err := store.Open(filepath.Join(b.TempDir(), "q.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := s.Import(context.Background(), genNights(lastNight, 3650, 1)); err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkHistoryOpenSQLite is BenchmarkHistoryOpen on the real store.
func BenchmarkHistoryOpenSQLite(b *testing.B) {
	s := sqliteYears(b)
	for b.Loop() {
		m := New(benchOptions(s))
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_ = m.View()
	}
}

// BenchmarkHistoryKeySQLite is BenchmarkHistoryKey on the real store.
func BenchmarkHistoryKeySQLite(b *testing.B) {
	m := New(benchOptions(sqliteYears(b)))
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	m.Update(keyPress("2"))
	h := m.screen.(*history)
	keyLoop(b, m, h)
}

// keyLoop presses ↓ and draws, and reports the slowest key as well: the
// ones that read the next page.
func keyLoop(b *testing.B, m *Root, h *history) {
	var slowest time.Duration
	for b.Loop() {
		start := time.Now()
		if h.sel == h.first {
			m.Update(keyPress("home"))
		}
		m.Update(keyPress("down"))
		_ = m.View()
		slowest = max(slowest, time.Since(start))
	}
	b.ReportMetric(float64(slowest.Microseconds()), "slowest-µs")
}
