package ui

import (
	"errors"
	"strconv"
	"strings"
	"testing"

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
	hs := newHarness(t, Options{Library: testLibrary()}, 80, 24)
	v := hs.view()
	if !strings.Contains(v, "Evening routine") || !strings.Contains(v, "Evening wind-down · 2:00") {
		t.Errorf("home does not offer the evening routine:\n%s", v)
	}
	hs.key("enter")
	if hs.root.runner == nil || hs.root.runner.engine.Routine().Name != routine.DefaultName {
		t.Fatalf("enter on home did not start the default routine")
	}
	if v := hs.view(); !strings.Contains(v, "step 1 of 3") {
		t.Errorf("runner not shown:\n%s", v)
	}
}

func TestPickerChoosesAndShowsProblems(t *testing.T) {
	hs := newHarness(t, Options{Library: testLibrary(), Start: StartPicker}, 80, 24)
	v := hs.view()
	if !strings.Contains(v, "calm.toml:14") {
		t.Errorf("bad routine file not reported:\n%s", v)
	}
	hs.key("down")
	hs.key("enter")
	if hs.root.runner == nil || hs.root.runner.engine.Routine().Name != "quick" {
		t.Fatalf("picker did not start the chosen routine")
	}
}

func TestPickerBackGoesHome(t *testing.T) {
	hs := newHarness(t, Options{Library: testLibrary(), Start: StartPicker}, 80, 24)
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
				hs := newHarness(t, Options{Library: testLibrary(), Start: sc.start}, sz.w, sz.h)
				v := hs.view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, name, v)
			})
		}
	}
}
