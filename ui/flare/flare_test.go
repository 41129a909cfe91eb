package flare

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// t0 is 02:30 in the night of 22 November.
var t0 = time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)

func setup(t *testing.T, w, h int) (*screen.Context, *journal.Journal, *journaltest.Storage) {
	t.Helper()
	set := night.Settings{Boundary: 12, Toolkit: night.Toolkit{
		Mild:   []night.ToolEntry{{ID: "press", Label: "Press the calves firmly"}, {ID: "gone", Routine: "no-such"}},
		Severe: []night.ToolEntry{{ID: "stretch", Routine: "test"}, {ID: "walk", Label: "Walk", Minutes: 5}},
	}}
	lib := &routine.Library{Routines: []*routine.Routine{uitest.Routine()}}
	clock := routine.NewFakeClock(t0)
	st := journaltest.New()
	ctx := screen.NewContext(clock, set, lib)
	ctx.Width, ctx.Height = w, h
	return ctx, journal.New(st, journal.Config{Settings: set, Library: lib, Clock: clock}), st
}

// press sends keys to s as the program would, returning what went to the
// root.
func press(s screen.Screen, keys ...string) (screen.Screen, []tea.Msg) {
	var out []tea.Msg
	for _, k := range keys {
		var cmd tea.Cmd
		s, cmd = s.Update(uitest.KeyPress(k))
		var more []tea.Msg
		s, more = uitest.Drive(s, cmd, func(msg tea.Msg) bool { _, ok := msg.(RunMsg); return ok })
		out = append(out, more...)
	}
	return s, out
}

func view(s screen.Screen) string { return ansi.Strip(s.View()) }

func TestDigitsAnswerWithOneKey(t *testing.T) {
	want := map[string]int{"1": 1, "5": 5, "9": 9, "0": 10, "n": 0}
	for k, n := range want {
		ctx, j, _ := setup(t, 40, 12)
		s, _ := press(New(ctx, j), k)
		m := s.(*Screen)
		if m.stage != pick || m.event.Severity != n || !m.event.At.Equal(t0) {
			t.Errorf("%s: stage %d, severity %d at %v; want the toolkit for %d", k, m.stage, m.event.Severity, m.event.At, n)
		}
	}
	ctx, j, _ := setup(t, 40, 12)
	s, _ := press(New(ctx, j), "x", "enter")
	if s.(*Screen).stage != askSeverity {
		t.Error("a key that is no answer moved on")
	}
}

func TestPickingATimedEntryAsksTheRootToRunIt(t *testing.T) {
	ctx, j, st := setup(t, 40, 12)
	_, out := press(New(ctx, j), "8", "down", "enter") // severe; the second: walk 5 min
	if len(out) != 1 {
		t.Fatalf("sent %v, want one RunMsg", out)
	}
	run, ok := out[0].(RunMsg)
	if !ok || run.Routine.Duration() != 5*time.Minute || len(run.Routine.Steps) != 1 {
		t.Fatalf("sent %+v", out[0])
	}
	if len(st.Events) != 1 || st.Events[0].Severity != 8 || st.Events[0].Tried[0].ID != "walk" {
		t.Errorf("the flare-up is not saved before the run: %+v", st.Events)
	}
	after := run.After(4)
	if _, out := uitest.Drive(after, after.Init(), nil); len(out) != 0 || *st.Events[0].Tried[0].Minutes != 4 {
		t.Errorf("the questions did not save the minutes: %+v", st.Events)
	}
}

func TestAMissingRoutineSaysSoAndRunsNothing(t *testing.T) {
	ctx, j, st := setup(t, 80, 24)
	s, out := press(New(ctx, j), "2", "2")
	if len(out) != 0 || len(st.Events) != 0 {
		t.Errorf("a missing routine ran: %v, %+v", out, st.Events)
	}
	if v := view(s); !strings.Contains(v, `no routine named "no-such"`) || !strings.Contains(v, "missing") {
		t.Errorf("view:\n%s", v)
	}
}

func TestAfterSavesEachAnswerAndEscSkips(t *testing.T) {
	ctx, j, st := setup(t, 40, 12)
	e := night.Event{Severity: 7, At: t0, Tried: []night.Tried{{ID: "walk"}}}
	var s screen.Screen = NewAfter(ctx, j, e)
	s, _ = uitest.Drive(s, s.Init(), nil)
	s, _ = press(s, "4")
	if len(st.Events) != 1 || st.Events[0].SeverityAfter == nil || *st.Events[0].SeverityAfter != 4 {
		t.Fatalf("after 4: %+v", st.Events)
	}
	s, _ = press(s, "esc")
	if v := view(s); !strings.Contains(v, "Recorded: 7 of 10, then 4.") {
		t.Errorf("after esc:\n%s", v)
	}
	if st.Events[0].Helped != "" {
		t.Errorf("esc answered: %+v", st.Events[0])
	}
	if _, out := press(s, "enter"); len(out) != 1 || out[0] != (screen.PopMsg{}) {
		t.Errorf("enter sent %v, want back", out)
	}
}

func TestAfterSaysWhenSavingFails(t *testing.T) {
	ctx, j, st := setup(t, 40, 12)
	st.FailWrites = errors.New("disk full")
	var s screen.Screen = NewAfter(ctx, j, night.Event{Severity: 7, At: t0})
	s, _ = uitest.Drive(s, s.Init(), nil)
	if v := view(s); !strings.Contains(v, "Not saved") || !strings.Contains(v, "disk full") {
		t.Errorf("view:\n%s", v)
	}
}

func TestViewsFitTheScreen(t *testing.T) {
	for _, sz := range [][2]int{{40, 12}, {80, 24}} {
		ctx, j, _ := setup(t, sz[0], sz[1])
		for _, keys := range [][]string{nil, {"9"}, {"2", "1"}} {
			s, _ := press(New(ctx, j), keys...)
			lines := strings.Split(view(s), "\n")
			if len(lines) != sz[1] {
				t.Errorf("%v at %dx%d: %d lines", keys, sz[0], sz[1], len(lines))
			}
			for _, l := range lines {
				if ansi.StringWidth(l) > sz[0] {
					t.Errorf("%v at %dx%d: line too wide: %q", keys, sz[0], sz[1], l)
				}
			}
		}
	}
}
