package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/routine"
)

// sweepScreens are the screens the size sweep draws: every one a test can
// reach, each set up at 80x24 and then resized.
func sweepScreens() []struct {
	name  string
	start func(t *testing.T) *harness
} {
	run := func(do func(hs *harness)) func(t *testing.T) *harness {
		return func(t *testing.T) *harness {
			hs := startRun(t, 80, 24, testOptions{})
			do(hs)
			return hs
		}
	}
	return []struct {
		name  string
		start func(t *testing.T) *harness
	}{
		{"home", func(t *testing.T) *harness { return newHarness(t, testOptions{Library: testLibrary()}, 80, 24) }},
		{"home-morning", func(t *testing.T) *harness {
			return newHarness(t, testOptions{Library: testLibrary(), Clock: routine.NewFakeClock(tMorning)}, 80, 24)
		}},
		{"home-experiment", func(t *testing.T) *harness {
			return newHarness(t, testOptions{Library: testLibrary(), Storage: withExperiment()}, 80, 24)
		}},
		{"picker", func(t *testing.T) *harness {
			return newHarness(t, testOptions{Library: testLibrary(), Start: StartPicker}, 80, 24)
		}},
		{"evening-log", func(t *testing.T) *harness {
			hs := startEvening(t, 80, 24, testOptions{})
			hs.keys("6", "enter", "down", "space")
			return hs
		}},
		{"checkin", func(t *testing.T) *harness { return startMorning(t, 80, 24, testOptions{Diary: withLastCheckin(t)}) }},
		{"checkin-problem", func(t *testing.T) *harness {
			hs := startMorning(t, 80, 24, testOptions{Diary: withLastCheckin(t)})
			hs.keys("enter", "enter", "enter", "enter")
			hs.typeText("500")
			hs.key("enter")
			return hs
		}},
		{"runner-stretch", run(func(hs *harness) { hs.wait(12 * time.Second) })},
		{"runner-massage", run(func(hs *harness) { hs.wait(45 * time.Second) })},
		{"runner-breathing", run(func(hs *harness) { hs.wait(60 * time.Second); hs.wait(2 * time.Second) })},
		{"runner-paused", run(func(hs *harness) { hs.wait(3 * time.Second); hs.key("space") })},
		{"runner-clock-jump", run(func(hs *harness) { hs.clock.Jump(3 * time.Hour); hs.wait(time.Second) })},
		{"runner-confirm", run(func(hs *harness) { hs.key("q") })},
		{"runner-help", run(func(hs *harness) { hs.key("?") })},
		{"runner-save-error", func(t *testing.T) *harness {
			return startRun(t, 80, 24, testOptions{Saver: &fakeSaver{fail: errDiskFull}})
		}},
		{"runner-summary", run(func(hs *harness) { hs.wait(30 * time.Second); hs.key("n"); hs.wait(60 * time.Second) })},
		{"runner-resumed", func(t *testing.T) *harness {
			hs := startInterrupted(t, 80, 24, StartHome, cutOff(), testLibrary())
			hs.key("r")
			return hs
		}},
		{"runner-alongside", func(t *testing.T) *harness {
			hs := newHarness(t, testOptions{Library: testLibrary(), Runs: &fakeRuns{elsewhere: true}, SkipEveningLog: true}, 80, 24)
			hs.keys("e", "y")
			return hs
		}},
		{"home-elsewhere", func(t *testing.T) *harness {
			return newHarness(t, testOptions{Library: testLibrary(), Runs: &fakeRuns{elsewhere: true}}, 80, 24)
		}},
		{"elsewhere", func(t *testing.T) *harness {
			hs := newHarness(t, testOptions{Library: testLibrary(), Runs: &fakeRuns{elsewhere: true}}, 80, 24)
			hs.key("e")
			return hs
		}},
		{"interrupted", func(t *testing.T) *harness { return startInterrupted(t, 80, 24, StartHome, cutOff(), testLibrary()) }},
		{"history-calendar", historyAt()},
		{"history-table", historyAt("2", "pgdown")},
		{"history-night", historyAt("2", "down", "enter")},
		{"history-trends", historyAt("4")},
		{"history-trends-90", historyAt("4", "r")},
		{"history-insights", historyAt("5")},
		{"history-checkin", historyAt("3", "e")},
		{"interrupted-missing", func(t *testing.T) *harness {
			hs := startInterrupted(t, 80, 24, StartHome, cutOff(), &routine.Library{})
			hs.runs.cpFail = errDiskFull
			hs.key("p") // and the record failed
			return hs
		}},
	}
}

// historyAt opens the history at 80x24 and presses keys.
func historyAt(keys ...string) func(t *testing.T) *harness {
	return func(t *testing.T) *harness {
		hs := startHistory(t, 80, 24, testOptions{})
		hs.keys(keys...)
		return hs
	}
}

// sweepSizes are every small size and a few usual ones.
func sweepSizes() (widths, heights []int) {
	for w := 1; w <= 30; w++ {
		widths = append(widths, w)
	}
	for h := 1; h <= 12; h++ {
		heights = append(heights, h)
	}
	return append(widths, 40, 60, 80, 90), append(heights, 20, 24, 30)
}

// TestEverySizeFits draws every screen at every size down to 1x1: it must
// not panic, and must fit, line for line and cell for cell.
func TestEverySizeFits(t *testing.T) {
	widths, heights := sweepSizes()
	for _, sc := range sweepScreens() {
		t.Run(sc.name, func(t *testing.T) {
			hs := sc.start(t)
			bad := 0
			for _, w := range widths {
				for _, h := range heights {
					hs.send(tea.WindowSizeMsg{Width: w, Height: h})
					v := drawSafely(t, hs, w, h)
					if msg := misfit(v, w, h); msg != "" && bad < 5 {
						bad++
						t.Errorf("at %dx%d %s:\n%s", w, h, msg, v)
					}
				}
			}
		})
	}
}

func drawSafely(t *testing.T, hs *harness, w, h int) (v string) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic drawing at %dx%d: %v", w, h, r)
		}
	}()
	return hs.view()
}

// misfit says how view overflows a w x h screen, or "" when it fits.
func misfit(view string, w, h int) string {
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		return fmt.Sprintf("%d lines", len(lines))
	}
	for i, l := range lines {
		if cw := ansiWidth(l); cw > w {
			return fmt.Sprintf("line %d is %d cells", i+1, cw)
		}
	}
	return ""
}

func ansiWidth(s string) int { return ansi.StringWidth(s) }

// TestResizeKeepsTime resizes mid-phase, down to 1x1 and back: the run's
// time and step don't move, no tick is added, and the one tick chain goes on.
func TestResizeKeepsTime(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.clock.Advance(3 * time.Second)
	pending, _, _ := hs.send(tickMsg{gen: hs.root.runner.gen})
	if len(pending) != 1 {
		t.Fatalf("%d ticks pending mid-phase, want 1", len(pending))
	}
	before, gen, ticks := hs.root.runner.engine.Snapshot(), hs.root.runner.gen, len(hs.ticks)
	for _, sz := range [][2]int{{1, 1}, {19, 4}, {20, 5}, {3, 40}, {200, 60}, {40, 12}, {0, 0}, {80, 24}} {
		if p, _, _ := hs.send(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]}); len(p) != 0 {
			t.Errorf("resizing to %v scheduled %d ticks", sz, len(p))
		}
		hs.view()
	}
	if s := hs.root.runner.engine.Snapshot(); s != before {
		t.Errorf("resizing moved the run:\n got %+v\nwant %+v", s, before)
	}
	if hs.root.runner.gen != gen || len(hs.ticks) != ticks {
		t.Fatalf("resizing started a tick chain: gen %d→%d, ticks %d→%d", gen, hs.root.runner.gen, ticks, len(hs.ticks))
	}
	hs.clock.Advance(time.Second)
	next, _, _ := hs.send(pending[0])
	if len(next) != 1 || next[0].(tickMsg).gen != hs.root.runner.gen {
		t.Fatalf("the tick from before the resize did not carry the chain on: %v (gen %d)", next, hs.root.runner.gen)
	}
	if s := hs.root.runner.engine.Snapshot(); s.Step != 0 || s.PhaseRemaining != 6*time.Second {
		t.Errorf("after the resizes and 4 s: step %d, %v left, want step 1, 6s", s.Step+1, s.PhaseRemaining)
	}
	if p, _, _ := hs.send(pending[0]); len(p) != 0 {
		t.Error("a spent tick started a second chain")
	}
}

// TestNoColourOnAnASCIITerminal draws every screen as Bubble Tea does for
// NO_COLOR (main picks the ASCII profile): no colour may get through, so
// no style may build its colour by hand.
func TestNoColourOnAnASCIITerminal(t *testing.T) {
	sgr := regexp.MustCompile("\x1b\\[([0-9;:]*)m") // Select Graphic Rendition
	for _, sc := range sweepScreens() {
		t.Run(sc.name, func(t *testing.T) {
			raw := sc.start(t).root.View().Content
			if !sgr.MatchString(raw) {
				t.Fatal("the screen has no styles at all; the test sees nothing")
			}
			var out strings.Builder
			w := &colorprofile.Writer{Forward: &out, Profile: colorprofile.ASCII}
			if _, err := w.WriteString(raw); err != nil {
				t.Fatal(err)
			}
			for _, m := range sgr.FindAllStringSubmatch(out.String(), -1) {
				for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
					n, _ := strconv.Atoi(p)
					if n >= 30 && n <= 49 || n >= 90 && n <= 107 {
						t.Fatalf("colour %q left in ASCII output", m[0])
					}
				}
			}
		})
	}
}
