package ui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/quietlegs/quietlegs/routine"
)

// benchOptions open the history on hist at 80x24. The benchmarks hold
// 3,650 generated nights (ten years) in memory: they measure the screens,
// not SQL.
func benchOptions(hist *fakeHistory) Options {
	return testOptions{Start: StartHistory, History: hist, Library: testLibrary(), Diary: newFakeDiary(),
		Saver: &fakeSaver{}, Runs: &fakeRuns{}, Clock: routine.NewFakeClock(t0), Settings: testSettings(), Speed: 1}.options()
}

// BenchmarkHistoryOpen is opening the history on ten years of nights, to
// the first frame drawn.
func BenchmarkHistoryOpen(b *testing.B) {
	hist := &fakeHistory{Recs: genNights(lastNight, 3650, 1)}
	for b.Loop() {
		m := New(benchOptions(hist))
		drive(m, m.Init())
		drive(m, updateRoot(m, tea.WindowSizeMsg{Width: 80, Height: 24}))
		_ = m.View()
	}
	b.ReportMetric(float64(hist.Returned)/float64(b.N), "nights-read/op")
}

// BenchmarkHistoryKey is one ↓ in the table of ten years of nights and the
// frame after it. The walk goes back from the newest night, reading a
// page at a time; at the oldest it starts again from the newest.
func BenchmarkHistoryKey(b *testing.B) {
	hist := &fakeHistory{Recs: genNights(lastNight, 3650, 1)}
	m := New(benchOptions(hist))
	drive(m, m.Init())
	drive(m, updateRoot(m, tea.WindowSizeMsg{Width: 80, Height: 24}))
	drive(m, updateRoot(m, keyPress("2")))
	keyLoop(b, m)
}

// keyLoop presses ↓ and draws, and reports the slowest key as well: the
// ones that read the next page. Each key's reads are done, as the
// program would do them, before the frame. From the oldest of the 3,650
// nights it starts again from the newest.
func keyLoop(b *testing.B, m *Root) {
	var slowest time.Duration
	presses := 0
	for b.Loop() {
		start := time.Now()
		if presses++; presses%3000 == 0 {
			drive(m, updateRoot(m, keyPress("home")))
		}
		drive(m, updateRoot(m, keyPress("down")))
		_ = m.View()
		slowest = max(slowest, time.Since(start))
	}
	b.ReportMetric(float64(slowest.Microseconds()), "slowest-µs")
}

func updateRoot(m *Root, msg tea.Msg) tea.Cmd {
	_, cmd := m.Update(msg)
	return cmd
}

// drive runs cmd and feeds what it sends back to m, as the program would.
func drive(m *Root, cmd tea.Cmd) {
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
		drive(m, updateRoot(m, msg))
	}
}
