package ui

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func itoa(n int) string { return strconv.Itoa(n) }

func testLibrary() *routine.Library {
	wind := testRoutine()
	wind.Name, wind.Title = routine.DefaultName, "Evening wind-down"
	quick := testRoutine()
	quick.Name, quick.Title, quick.Source = "quick", "Quick wind-down", "/home/a/.config/quietlegs/routines/quick.toml"
	return &routine.Library{
		Routines: []*routine.Routine{wind, quick},
		Problems: []error{errors.New(`calm.toml:14: steps[2].seconds: must be more than 0 (got 0)`)},
	}
}

func TestHomeStartsTheEveningRoutine(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary()}, 80, 24)
	v := hs.view()
	if !strings.Contains(v, "Evening routine") || !strings.Contains(v, "Evening wind-down · 2:00") {
		t.Errorf("home does not offer the evening routine:\n%s", v)
	}
	hs.key("enter")
	if v := hs.view(); !strings.Contains(v, "Evening log") {
		t.Fatalf("enter on home did not open the evening log first:\n%s", v)
	}
	hs.key("esc")
	if hs.root.runner == nil || hs.root.runner.engine.Routine().Name != routine.DefaultName {
		t.Fatalf("enter on home, then esc, did not start the default routine")
	}
	if v := hs.view(); !strings.Contains(v, "step 1 of 3") {
		t.Errorf("runner not shown:\n%s", v)
	}
}

func TestPickerChoosesAndShowsProblems(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary(), Start: StartPicker}, 80, 24)
	v := hs.view()
	if !strings.Contains(v, "calm.toml:14") {
		t.Errorf("bad routine file not reported:\n%s", v)
	}
	hs.keys("down", "enter", "esc")
	if hs.root.runner == nil || hs.root.runner.engine.Routine().Name != "quick" {
		t.Fatalf("picker did not start the chosen routine")
	}
}

func TestPickerBackGoesHome(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary(), Start: StartPicker}, 80, 24)
	hs.key("esc")
	if v := hs.view(); !strings.Contains(v, "Choose a routine (r)") {
		t.Errorf("esc did not go home:\n%s", v)
	}
	if _, _, quit := hs.key("q"); !quit {
		t.Errorf("q on home did not quit")
	}
}

func TestScreenGoldens(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, sc := range []struct {
			name  string
			start Start
		}{{"home", StartHome}, {"picker", StartPicker}} {
			name := sc.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				hs := newHarness(t, testOptions{Library: testLibrary(), Start: sc.start}, sz.w, sz.h)
				v := hs.view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, name, v)
			})
		}
	}
}

// withExperiment is a storage holding an experiment without caffeine from
// 15 November 2026, as usual in its second week: the week of t0.
func withExperiment() *journaltest.Storage {
	st := journaltest.New()
	st.Experiments = []journal.Experiment{{ID: 1, Item: "caffeine", Arm: journal.ArmWithout, FirstNight: "2026-11-15",
		Weeks: []bool{true, false, true, false}, StartedAt: t0.AddDate(0, 0, -7)}}
	return st
}

func TestHomeShowsTheExperiment(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		name := "home-experiment-" + itoa(sz.w) + "x" + itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			hs := newHarness(t, testOptions{Library: testLibrary(), Storage: withExperiment()}, sz.w, sz.h)
			v := hs.view()
			checkSize(t, v, sz.w, sz.h)
			golden(t, name, v)
			if flat := strings.Join(strings.Fields(v), " "); !strings.Contains(flat, "Experiment: tonight as usual (week 2 of 4)") {
				t.Errorf("home does not show tonight's assignment:\n%s", v)
			}
		})
	}
	// Stopped, it is gone.
	st := withExperiment()
	st.Experiments[0].StoppedAt = t0
	if v := newHarness(t, testOptions{Library: testLibrary(), Storage: st}, 80, 24).view(); strings.Contains(v, "Experiment") {
		t.Errorf("a stopped experiment shows:\n%s", v)
	}
}

func TestHomeOffersCheckinFirstInTheMorning(t *testing.T) {
	tests := []struct {
		name  string
		at    time.Time
		done  bool
		first string
		note  string
	}{
		{"morning, none yet", tMorning, false, "Morning check-in", "night of Sun 22 Nov"},
		{"morning, done", tMorning, true, "Evening routine", "night of Sun 22 Nov · done"},
		{"evening", t0, false, "Evening routine", "night of Sat 21 Nov"},
		{"small hours", time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC), false, "Evening routine", "night of Sun 22 Nov"},
		{"after the boundary", time.Date(2026, 11, 23, 12, 30, 0, 0, time.UTC), false, "Evening routine", "night of Sun 22 Nov"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := newFakeDiary()
			if tt.done {
				d.checkins["2026-11-22"] = checkinOf(t, "2026-11-22", "22:00", "22:30", 18, 2, 30, "06:30", "06:45")
			}
			hs := newHarness(t, testOptions{Library: testLibrary(), Clock: routine.NewFakeClock(tt.at), Diary: d}, 80, 24)
			v := hs.view()
			if !strings.Contains(v, "› "+tt.first) || !strings.Contains(v, tt.note) {
				t.Errorf("want %q first and note %q:\n%s", tt.first, tt.note, v)
			}
			hs.key("enter")
			_, onCheckin := hs.root.top().(*morning)
			if onCheckin != (tt.first == "Morning check-in") {
				t.Errorf("enter opened %T", hs.root.top())
			}
		})
	}
}

func TestHomeSaysTonightsWindDownIsDone(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		name := "home-tonight-done-" + itoa(sz.w) + "x" + itoa(sz.h)
		t.Run(name, func(t *testing.T) {
			st := journaltest.New()
			st.Runs = []night.Run{{ID: 1, Routine: "wind-down", Night: "2026-11-22", Status: routine.Completed, Speed: 1,
				StartedAt: t0.Add(-30 * time.Minute), EndedAt: t0}}
			hs := newHarness(t, testOptions{Library: testLibrary(), Storage: st}, sz.w, sz.h)
			v := hs.view()
			checkSize(t, v, sz.w, sz.h)
			golden(t, name, v)
			if !strings.Contains(v, "tonight: wind-down done ✓") {
				t.Errorf("home does not say tonight's wind-down is done:\n%s", v)
			}
		})
	}
}
