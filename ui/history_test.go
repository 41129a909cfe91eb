package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// TestHeatmapTellsNoRecordFromZero draws the month as for NO_COLOR: a
// night rated 0 shows "0", one without a check-in "·", and 10 shows "10".
func TestHeatmapTellsNoRecordFromZero(t *testing.T) {
	rated := func(date string, sev int) night.Record {
		return night.Record{Night: date, Checkin: &night.Checkin{Night: date, RLSSeverity: sev}}
	}
	hist := &fakeHistory{Recs: []night.Record{
		rated("2026-11-02", 0),
		{Night: "2026-11-04", Runs: []night.Run{{Routine: "x", Status: routine.Completed}}},
		rated("2026-11-05", 10),
	}}
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		hs := newHarness(t, testOptions{Start: StartHistory, History: hist}, sz.w, sz.h)
		text := ansi.Strip(asASCII(t, hs.root.View().Content))
		var week []string
		for _, l := range strings.Split(text, "\n") {
			// Brackets mark the selected night; at 40x12 raised digits
			// give the day of the month and ◂ marks the selected night.
			plain := strings.NewReplacer("[", " ", "]", " ", "◂", " ").Replace(l)
			plain = strings.Map(func(r rune) rune {
				if strings.ContainsRune("⁰¹²³⁴⁵⁶⁷⁸⁹", r) {
					return ' '
				}
				return r
			}, plain)
			if f := strings.Fields(plain); len(f) >= 7 && f[0] == "0" {
				week = f[:7]
				break
			}
		}
		if want := []string{"0", "·", "·", "10", "·", "·", "·"}; strings.Join(week, " ") != strings.Join(want, " ") {
			t.Errorf("%dx%d: the week of 2 Nov reads %q, want %q:\n%s", sz.w, sz.h, week, want, text)
		}
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
		hs := startHistory(t, tt.width, 24, testOptions{})
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
	hs := newHarness(t, testOptions{Start: StartHistory, History: hist, Diary: d, Library: testLibrary()}, 80, 60)
	hs.key("3")
	v := hs.view()
	for _, want := range []string{
		"Night of Sat 21 Nov 2026", "Evening log · logged Sat 21 Nov 20:05", "Legs then         4 of 10",
		"Caffeine after noon, long-walk", "long day",
		"Evening wind-down", "partial", "21:10–21:12", "1 of 3 done", "✓ Calf stretch", "– Leg massage", "cut short at 0:05",
		"Morning check-in", "Into bed          22:00", "Fell asleep after 18 min", "2 times, 30 min awake in all",
		"Sleep quality     good", "Rested            somewhat", "Leg symptoms      3 of 10",
		"Symptoms started  at bedtime", "Got up for legs   1 time", "calm", "Sleep efficiency  ",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("the night lacks %q:\n%s", want, v)
		}
	}
}

// TestStoredTextNeverDrivesTheTerminal: notes, run and step titles that
// came in by import with escape sequences (a window title, the clipboard,
// a screen fill) reach the screen as visible text, never as sequences.
func TestStoredTextNeverDrivesTheTerminal(t *testing.T) {
	const hostile = "\x1b]0;pwned\x07\x1b]52;c;aGk=\x07\x1b#8\u009b2J"
	run := night.Run{Routine: "x", Title: "Run " + hostile, Status: routine.Completed,
		Steps: []routine.StepResult{{Index: 0, Title: "Step " + hostile, Status: routine.StepDone}}}
	c := night.Checkin{Night: lastNight, Quality: 3, Rested: 3, Onset: night.OnsetNone, Notes: "note " + hostile}
	e := night.Evening{Night: lastNight, Note: "evening " + hostile}
	hist := &fakeHistory{Recs: []night.Record{{Night: lastNight, Evening: &e, Runs: []night.Run{run}, Checkin: &c}}}
	hs := newHarness(t, testOptions{Start: StartHistory, History: hist}, 100, 60)
	hs.key("3")
	raw := hs.root.View().Content
	for _, seq := range []string{"\x1b]", "\x1b#", "\a", "\u009b"} {
		if strings.Contains(raw, seq) {
			t.Errorf("the night's detail sends %q to the terminal", seq)
		}
	}
	if v := hs.view(); !strings.Contains(v, "^[]0;pwned^G") {
		t.Errorf("the hostile text is not shown as text:\n%s", v)
	}
}

// TestTrialRunsAreLabelled: a run at another speed shows as a trial in
// the night's detail, and is not the night's routine.
func TestTrialRunsAreLabelled(t *testing.T) {
	run := night.Run{Routine: "quick", Title: "Quick wind-down", Status: routine.Completed, Speed: 60,
		Steps: []routine.StepResult{{Index: 0, Title: "Settle in", Status: routine.StepDone}}}
	hist := &fakeHistory{Recs: []night.Record{{Night: lastNight, Runs: []night.Run{run}}}}
	hs := newHarness(t, testOptions{Start: StartHistory, History: hist}, 100, 40)
	hs.key("3")
	if v := hs.view(); !strings.Contains(v, "trial at 60× speed, not counted") {
		t.Errorf("the trial is not labelled:\n%s", v)
	}
}
