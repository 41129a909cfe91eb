package cli

import (
	"context"
	"io"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
	"github.com/quietlegs/quietlegs/ui"
)

// The history browser over the real store, as the program wires it: ten
// years of generated nights in SQLite. ui's own benchmarks hold the same
// nights in memory, to measure the screens alone.

const benchLastNight = "2026-11-22"

func sqliteJournal(b *testing.B) *journal.Journal {
	b.Helper()
	s, err := store.Open(filepath.Join(b.TempDir(), "q.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if _, err := s.Import(context.Background(), journaltest.Nights(benchLastNight, 3650, 1), nil); err != nil {
		b.Fatal(err)
	}
	lib := &routine.Library{Routines: []*routine.Routine{journaltest.Routine()}}
	clock := routine.NewFakeClock(time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	return journal.New(s, journal.Config{Settings: night.Settings{Boundary: 12}, Library: lib, Clock: clock})
}

// BenchmarkHistoryOpenSQLite is opening the history on ten years of
// nights in SQLite, to the first frame drawn.
func BenchmarkHistoryOpenSQLite(b *testing.B) {
	j := sqliteJournal(b)
	for b.Loop() {
		m := ui.New(ui.Options{Journal: j, Start: ui.StartHistory, Speed: 1})
		drive(m, m.Init())
		drive(m, update(m, tea.WindowSizeMsg{Width: 80, Height: 24}))
		_ = m.View()
	}
}

// BenchmarkHistoryKeySQLite is one ↓ in the table of ten years of nights
// in SQLite and the frame after it, reporting the slowest key as well: the
// ones that read the next page.
func BenchmarkHistoryKeySQLite(b *testing.B) {
	m := ui.New(ui.Options{Journal: sqliteJournal(b), Start: ui.StartHistory, Speed: 1})
	drive(m, m.Init())
	drive(m, update(m, tea.WindowSizeMsg{Width: 80, Height: 24}))
	drive(m, update(m, tea.KeyPressMsg{Code: '2', Text: "2"}))
	var slowest time.Duration
	presses := 0
	for b.Loop() {
		start := time.Now()
		if presses++; presses%3000 == 0 {
			drive(m, update(m, tea.KeyPressMsg{Code: tea.KeyHome}))
		}
		drive(m, update(m, tea.KeyPressMsg{Code: tea.KeyDown}))
		_ = m.View()
		slowest = max(slowest, time.Since(start))
	}
	b.ReportMetric(float64(slowest.Microseconds()), "slowest-µs")
}

func update(m *ui.Root, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	return cmd
}

// drive runs cmd and feeds what it sends back to m, as the program would.
func drive(m *ui.Root, cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil, tea.QuitMsg:
	case tea.BatchMsg:
		for _, c := range msg {
			drive(m, c)
		}
	default:
		drive(m, update(m, msg))
	}
}

// BenchmarkExportSQLite is `export --format json` of ten years of nights
// in SQLite, streamed as the command does.
func BenchmarkExportSQLite(b *testing.B) {
	j := sqliteJournal(b)
	for b.Loop() {
		if _, err := j.Export(context.Background(), io.Discard, journal.FormatJSON, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}
