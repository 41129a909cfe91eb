package ui

import (
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/routine"
)

// benchRunner is the real 30-minute routine on a fake clock, 80x24.
func benchRunner(b *testing.B) *harness {
	b.Helper()
	lib, err := routine.LoadLibrary(assets.RoutineFS(), "")
	if err != nil {
		b.Fatal(err)
	}
	r, _ := lib.Find(routine.DefaultName)
	t := &testing.T{}
	hs := newHarness(t, testOptions{Start: StartRoutine, Routine: r, SkipEveningLog: true}, 80, 24)
	return hs
}

// BenchmarkRunnerKey is one key press handled and the screen drawn again:
// what stands between a key and the next frame.
func BenchmarkRunnerKey(b *testing.B) {
	hs := benchRunner(b)
	for b.Loop() {
		hs.root.Update(keyPress("space"))
		_ = hs.root.View()
	}
}

// BenchmarkRunnerTick is one countdown tick and redraw.
func BenchmarkRunnerTick(b *testing.B) {
	hs := benchRunner(b)
	for b.Loop() {
		hs.clock.Advance(time.Second)
		hs.root.Update(tickMsg{gen: hs.root.runner.gen})
		_ = hs.root.View()
	}
}
