package ui

import (
	"testing"

	"github.com/quietlegs/quietlegs/routine"
)

func TestFormGoldens(t *testing.T) {
	editing := func(t *testing.T) *fakeDiary {
		d := withLastCheckin(t)
		old := checkinOf(t, "2026-11-22", "23:10", "23:20", 5, 1, 10, "06:50", "07:05")
		old.Notes = "calm night"
		d.checkins["2026-11-22"] = old
		return d
	}
	screens := []struct {
		name  string
		start func(t *testing.T, w, h int) *harness
	}{
		{"evening-log", func(t *testing.T, w, h int) *harness { return startEvening(t, w, h, testOptions{}) }},
		{"evening-log-checklist", func(t *testing.T, w, h int) *harness {
			hs := startEvening(t, w, h, testOptions{})
			hs.keys("6", "enter", "down", "space")
			return hs
		}},
		{"checkin-fresh", func(t *testing.T, w, h int) *harness { return startMorning(t, w, h, testOptions{}) }},
		{"checkin-suggested", func(t *testing.T, w, h int) *harness {
			return startMorning(t, w, h, testOptions{Diary: withLastCheckin(t)})
		}},
		{"checkin-editing", func(t *testing.T, w, h int) *harness {
			hs := startMorning(t, w, h, testOptions{Diary: editing(t)})
			hs.keys("enter", "enter", "enter", "enter", "enter", "enter", "enter", "enter")
			return hs
		}},
		{"checkin-problem", func(t *testing.T, w, h int) *harness {
			hs := startMorning(t, w, h, testOptions{Diary: withLastCheckin(t)})
			hs.answer("", "", "18", "2", "500")
			return hs
		}},
		{"checkin-saved", func(t *testing.T, w, h int) *harness {
			hs := startMorning(t, w, h, testOptions{Diary: withLastCheckin(t)})
			hs.answer("", "", "18", "2", "30", "", "", "3", "3", "4", "b", "1", "", "")
			return hs
		}},
		{"home-morning", func(t *testing.T, w, h int) *harness {
			return newHarness(t, testOptions{Library: testLibrary(), Clock: routine.NewFakeClock(tMorning)}, w, h)
		}},
	}
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, sc := range screens {
			name := sc.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				v := sc.start(t, sz.w, sz.h).view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, name, v)
			})
		}
	}
}
