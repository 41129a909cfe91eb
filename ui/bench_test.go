package ui

import (
	"fmt"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/routine"
)

// benchRunner is the real 30-minute routine on a fake clock, 80x24.
func benchRunner(b *testing.B) *harness { return benchRunnerAt(b, 80, 24) }

// benchRunnerAt is the real 30-minute routine on a fake clock, w x h.
func benchRunnerAt(b *testing.B, w, h int) *harness {
	b.Helper()
	lib, err := routine.LoadLibrary(assets.RoutineFS(), "")
	if err != nil {
		b.Fatal(err)
	}
	r, _ := lib.Find(routine.DefaultName)
	t := &testing.T{}
	hs := newHarness(t, testOptions{Start: StartRoutine, Routine: r, SkipEveningLog: true}, w, h)
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

// BenchmarkRunnerTick is one countdown tick and redraw, at 80x24 and at
// the 100x30 bench/run.sh measures.
func BenchmarkRunnerTick(b *testing.B) {
	for _, size := range []struct{ w, h int }{{80, 24}, {100, 30}} {
		b.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(b *testing.B) {
			hs := benchRunnerAt(b, size.w, size.h)
			for b.Loop() {
				hs.clock.Advance(time.Second)
				hs.root.Update(tickMsg{gen: hs.root.runner.gen})
				_ = hs.root.View()
			}
		})
	}
}
