package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// firstNight is the first of startHistory's 120 nights.
var firstNight = addDays(lastNight, -119)

func TestHistoryViewKeys(t *testing.T) {
	tests := []struct {
		keys  []string
		view  historyView
		title string
	}{
		{nil, calendarView, "November 2026"},
		{[]string{"2"}, tableView, "Nights, newest first"},
		{[]string{"3"}, nightView, "Night of Sat 21 Nov 2026"},
		{[]string{"4"}, trendsView, "Last 30 nights, to Sat 21 Nov"},
		{[]string{"4", "r"}, trendsView, "Last 90 nights"},
		{[]string{"4", "r", "r"}, trendsView, "Last 30 nights"},
		{[]string{"5"}, insightsView, "What goes with your nights"},
		{[]string{"i"}, insightsView, "What goes with your nights"},
		{[]string{"tab"}, tableView, "Nights, newest first"},
		{[]string{"shift+tab"}, insightsView, "What goes with your nights"},
		{[]string{"5", "tab"}, calendarView, "November 2026"},
		{[]string{"2", "1"}, calendarView, "November 2026"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			hs := startHistory(t, 80, 24, Options{})
			hs.keys(tt.keys...)
			if v := hs.history().view; v != tt.view {
				t.Errorf("view %s, want %s", v.name(), tt.view.name())
			}
			if v := hs.view(); !strings.Contains(v, tt.title) {
				t.Errorf("view lacks %q:\n%s", tt.title, v)
			}
		})
	}
}

func TestHistoryCalendarKeys(t *testing.T) {
	tests := []struct {
		keys  []string
		sel   string
		month string
	}{
		{[]string{"left"}, "2026-11-20", "November 2026"},
		{[]string{"h"}, "2026-11-20", "November 2026"},
		{[]string{"right"}, lastNight, "November 2026"}, // not past last night
		{[]string{"up"}, "2026-11-14", "November 2026"},
		{[]string{"k", "j"}, lastNight, "November 2026"},
		{[]string{"left", "l"}, lastNight, "November 2026"},
		{[]string{"["}, "2026-10-21", "October 2026"},
		{[]string{"pgup"}, "2026-10-21", "October 2026"},
		{[]string{"[", "]"}, lastNight, "November 2026"},
		{[]string{"end"}, firstNight, "July 2026"},
		{[]string{"end", "home"}, lastNight, "November 2026"},
		{[]string{"[", "[", "[", "[", "[", "[", "["}, "2026-07-01", "July 2026"}, // not before the first month
		{strings.Split(strings.Repeat("left,", 21), ",")[:21], "2026-10-31", "October 2026"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			hs := startHistory(t, 80, 24, Options{})
			hs.keys(tt.keys...)
			h := hs.history()
			if h.sel != tt.sel {
				t.Errorf("selected %s, want %s", h.sel, tt.sel)
			}
			v := hs.view()
			if !strings.Contains(v, tt.month) || !strings.Contains(v, longNightLabel(tt.sel)) {
				t.Errorf("view lacks %q or the selected night:\n%s", tt.month, v)
			}
			if !h.win.covers(monthStart(tt.sel), monthEnd(tt.sel)) {
				t.Errorf("the month on screen was not read: window %s to %s", h.win.lo, h.win.hi)
			}
		})
	}
}

// TestHeatmapTellsNoRecordFromZero draws the month as for NO_COLOR: a
// night rated 0 shows "0", one without a check-in "·", and 10 shows "10".
func TestHeatmapTellsNoRecordFromZero(t *testing.T) {
	rated := func(date string, sev int) night.Record {
		return night.Record{Night: date, Checkin: &night.Checkin{Night: date, RLSSeverity: sev}}
	}
	hist := &fakeHistory{recs: []night.Record{
		rated("2026-11-02", 0),
		{Night: "2026-11-04", Runs: []night.Run{{Routine: "x", Status: routine.Completed}}},
		rated("2026-11-05", 10),
	}}
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		hs := newHarness(t, Options{Start: StartHistory, History: hist}, sz.w, sz.h)
		text := ansi.Strip(asASCII(t, hs.root.View().Content))
		var week []string
		for _, l := range strings.Split(text, "\n") {
			if f := strings.Fields(strings.NewReplacer("[", " ", "]", " ").Replace(l)); len(f) >= 7 && f[0] == "0" {
				week = f[:7]
				break
			}
		}
		if want := []string{"0", "·", "·", "10", "·", "·", "·"}; strings.Join(week, " ") != strings.Join(want, " ") {
			t.Errorf("%dx%d: the week of 2 Nov reads %q, want %q:\n%s", sz.w, sz.h, week, want, text)
		}
	}
}

func TestHistoryTableKeys(t *testing.T) {
	hs := startHistory(t, 80, 24, Options{})
	var newest []string // the nights with records, newest first
	recs, _ := hs.root.sh.opts.History.Nights(t.Context(), "", "")
	for i := len(recs) - 1; i >= 0; i-- {
		newest = append(newest, recs[i].Night)
	}
	room := 20 // 24 lines less tabs, title, headings and help
	tests := []struct {
		keys []string
		sel  string
	}{
		{[]string{"2"}, newest[0]},
		{[]string{"2", "down"}, newest[1]},
		{[]string{"2", "j", "j", "k"}, newest[1]},
		{[]string{"2", "up"}, newest[0]},
		{[]string{"2", "pgdown"}, newest[room]},
		{[]string{"2", "pgdown", "pgdown", "pgup"}, newest[room]},
		{[]string{"2", "end"}, newest[len(newest)-1]},
		{[]string{"2", "end", "up"}, newest[len(newest)-2]},
		{[]string{"2", "end", "home"}, newest[0]},
		{[]string{"up", "2"}, "2026-11-13"}, // from a night with no record to the one before it
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			hs := startHistory(t, 80, 24, Options{})
			hs.keys(tt.keys...)
			if got := hs.history().sel; got != tt.sel {
				t.Errorf("selected %s, want %s", got, tt.sel)
			}
			v := hs.view()
			if !strings.Contains(v, "› "+longNightLabel(tt.sel)) {
				t.Errorf("the selected night is not on screen:\n%s", v)
			}
			if rows := strings.Count(v, "2026  "); rows != room {
				t.Errorf("%d nights on screen, want a full page of %d:\n%s", rows, room, v)
			}
			hs.key("enter")
			if h := hs.history(); h.view != nightView || !strings.Contains(hs.view(), "Night of "+longNightLabel(tt.sel)) {
				t.Errorf("enter did not open the night:\n%s", hs.view())
			}
			hs.key("esc")
			if h := hs.history(); h.view != tableView {
				t.Errorf("esc from the night went to %s, not back to the table", h.view.name())
			}
		})
	}
}

func TestHistoryTableDropsColumnsWhenNarrow(t *testing.T) {
	tests := []struct {
		width      int
		want, gone []string
	}{
		{80, []string{"night", "routine", "steps", "in bed", "SE", "quality", "symptoms"}, nil},
		{60, []string{"night", "routine", "steps", "in bed", "symptoms"}, []string{"quality"}},
		{40, []string{"night", "routine", "symptoms"}, []string{"steps", "in bed", "quality"}},
	}
	for _, tt := range tests {
		hs := startHistory(t, tt.width, 24, Options{})
		hs.key("2")
		head := strings.Split(hs.view(), "\n")[2]
		for _, w := range tt.want {
			if !strings.Contains(head, w) {
				t.Errorf("at %d columns the heading %q lacks %q", tt.width, head, w)
			}
		}
		for _, g := range tt.gone {
			if strings.Contains(head, g) {
				t.Errorf("at %d columns the heading %q still has %q", tt.width, head, g)
			}
		}
	}
}

func TestHistoryDetailShowsTheWholeNight(t *testing.T) {
	d := newFakeDiary()
	legs := 4
	d.evenings[lastNight] = night.Evening{Night: lastNight, At: time.Date(2026, 11, 21, 20, 5, 0, 0, time.UTC),
		Symptoms: &legs, Tags: []string{"caffeine", "long-walk"}, Note: "long day"}
	c := checkinOf(t, lastNight, "22:00", "22:30", 18, 2, 30, "06:30", "06:45")
	c.Quality, c.Rested, c.RLSSeverity, c.Onset, c.GotUp, c.Notes = 4, 3, 3, night.OnsetBedtime, 1, "calm"
	d.checkins[lastNight] = c
	steps := testRoutine().Steps
	run := night.Run{Routine: routine.DefaultName, Title: "Evening wind-down", Status: routine.Partial,
		StartedAt: time.Date(2026, 11, 21, 21, 10, 0, 0, time.UTC), EndedAt: time.Date(2026, 11, 21, 21, 12, 0, 0, time.UTC),
		Steps: []routine.StepResult{
			{Index: 0, Title: steps[0].Title, Actual: 30 * time.Second, Status: routine.StepDone},
			{Index: 1, Title: steps[1].Title, Actual: 5 * time.Second, Status: routine.StepSkipped},
		}}
	hist := diaryHistory(d, []night.Record{{Night: lastNight, Runs: []night.Run{run}}})
	hs := newHarness(t, Options{Start: StartHistory, History: hist, Diary: d, Library: testLibrary()}, 80, 60)
	hs.key("3")
	v := hs.view()
	for _, want := range []string{
		"Night of Sat 21 Nov 2026", "Evening log · logged at 20:05", "Legs then         4 of 10",
		"Caffeine after noon, long-walk", "long day",
		"Evening wind-down", "partial", "21:10–21:12", "1 of 3 done", "✓ Calf stretch", "– Leg massage", "skipped",
		"Morning check-in", "Into bed          22:00", "Fell asleep after 18 min", "2 times, 30 min awake in all",
		"Sleep quality     good", "Rested            somewhat", "Leg symptoms      3 of 10",
		"Symptoms started  at bedtime", "Got up for legs   1 time", "calm", "Sleep efficiency  ",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the night lacks %q:\n%s", want, v)
		}
	}
}

func TestHistoryDetailKeys(t *testing.T) {
	tests := []struct {
		keys []string
		sel  string
		top  int
	}{
		{[]string{"3", "left"}, "2026-11-20", 0},
		{[]string{"3", "left", "right"}, lastNight, 0},
		{[]string{"3", "right"}, lastNight, 0}, // no later night
		{[]string{"up", "3", "left"}, "2026-11-13", 0},
		{[]string{"3", "down", "down"}, lastNight, 2},
		{[]string{"3", "down", "down", "up"}, lastNight, 1},
		{[]string{"3", "pgdown", "home"}, lastNight, 0},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.keys, ","), func(t *testing.T) {
			hs := startHistory(t, 80, 24, Options{})
			hs.keys(tt.keys...)
			hs.view()
			h := hs.history()
			if h.sel != tt.sel || h.detailTop != tt.top {
				t.Errorf("night %s scrolled %d, want %s scrolled %d", h.sel, h.detailTop, tt.sel, tt.top)
			}
		})
	}
	hs := startHistory(t, 80, 24, Options{})
	hs.keys("3", "end")
	if v := hs.view(); !strings.Contains(v, "Sleep efficiency") || strings.Contains(v, "more ↓") {
		t.Errorf("end did not scroll to the bottom:\n%s", v)
	}
}
