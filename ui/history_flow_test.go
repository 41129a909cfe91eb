package ui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
)

// TestHistoryEditsACheckin opens the night's check-in from its detail,
// saves a new rating, and comes back to the night read again; leaving the
// form unsaved comes back too.
func TestHistoryEditsACheckin(t *testing.T) {
	hs := startHistory(t, 80, 24, testOptions{})
	hs.keys("5") // work the insights out, to see them worked out again
	hs.keys("2", "down", "enter")
	hs.history()
	date := "2026-11-20" // the night under the newest
	if v := hs.view(); !strings.Contains(v, "Night of "+nightfmt.LongLabel(date)) {
		t.Fatalf("not on the night of %s:\n%s", date, v)
	}
	hs.key("e")
	m := hs.morning()
	if m.night != date || !m.editing {
		t.Fatalf("e opened the check-in for %s (editing %v), want %s", m.night, m.editing, date)
	}
	if v := hs.view(); !strings.Contains(v, "esc back") {
		t.Errorf("the form does not say esc goes back:\n%s", v)
	}
	m.form.Field("rls").Select(10)
	hs.key("ctrl+s")
	if n := len(hs.diary.savedCheckins); n != 1 || hs.diary.savedCheckins[0].RLSSeverity != 10 {
		t.Fatalf("saved %d check-ins: %+v", n, hs.diary.savedCheckins)
	}
	hs.key("enter")
	hs.history()
	if v := hs.view(); !strings.Contains(v, "[3 Night]") || !strings.Contains(v, "Night of "+nightfmt.LongLabel(date)) {
		t.Fatalf("not back on the night of %s:\n%s", date, v)
	}
	hs.key("end")
	if v := hs.view(); !strings.Contains(v, "Leg symptoms      10 of 10") {
		t.Errorf("the night was not read again: it does not show the new rating:\n%s", v)
	}
	if _, cmd := hs.root.Update(keyPress("5")); cmd == nil || !strings.Contains(hs.view(), "working it out…") {
		t.Error("the insights were not set to be worked out again")
	}
	hs.key("3")

	hs.keys("e", "esc")
	if v := hs.view(); !strings.Contains(v, "[3 Night]") || !strings.Contains(v, "Night of "+nightfmt.LongLabel(date)) {
		t.Errorf("esc from the unchanged form did not go back to the night:\n%s", v)
	}
	if n := len(hs.diary.savedCheckins); n != 1 {
		t.Errorf("esc saved: %d saves", n)
	}
}

func TestHistoryLeaves(t *testing.T) {
	tests := []struct {
		name     string
		fromHome bool
		keys     []string
		quit     bool
		home     bool
	}{
		{"esc quits when opened alone", false, []string{"esc"}, true, false},
		{"q quits", false, []string{"q"}, true, false},
		{"ctrl+c quits", true, []string{"2", "ctrl+c"}, true, false},
		{"esc goes home", true, []string{"esc"}, false, true},
		{"esc from a night goes back first", true, []string{"3", "esc"}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var hs *harness
			if tt.fromHome {
				d := newFakeDiary()
				hs = newHarness(t, testOptions{Library: testLibrary(), Diary: d,
					History: diaryHistory(d, genNights(lastNight, 30, 1))}, 80, 24)
				hs.key("h")
				hs.history()
				if v := hs.view(); !strings.Contains(v, "esc home") {
					t.Fatalf("the history opened from home does not say esc goes home:\n%s", v)
				}
			} else {
				hs = startHistory(t, 80, 24, testOptions{})
			}
			quit := hs.keys(tt.keys...)
			_, home := hs.root.top().(*home)
			if quit != tt.quit || home != tt.home {
				t.Errorf("quit %v, home %v; want %v, %v", quit, home, tt.quit, tt.home)
			}
		})
	}
}

func TestHistoryTooSmall(t *testing.T) {
	tests := []struct {
		w, h int
		want string
	}{
		{39, 24, "Terminal too small for history"},
		{80, 11, "Terminal too small for history"},
		{40, 12, "History"},
		{19, 24, "Terminal too small"},
	}
	for _, tt := range tests {
		hs := startHistory(t, tt.w, tt.h, testOptions{})
		v := hs.view()
		if !strings.Contains(v, tt.want) {
			t.Errorf("%dx%d: view lacks %q:\n%s", tt.w, tt.h, tt.want, v)
		}
		checkSize(t, v, tt.w, tt.h)
		if _, _, quit := hs.key("q"); !quit {
			t.Errorf("%dx%d: q did not quit", tt.w, tt.h)
		}
	}
}

// TestHistoryWithNothingToShow draws every view with no nights, with a
// store that fails, and with none at all.
func TestHistoryWithNothingToShow(t *testing.T) {
	tests := []struct {
		name string
		hist *fakeHistory
		want []string
	}{
		{"empty", &fakeHistory{}, []string{"·", "No nights recorded yet in /fake/quietlegs.db.", "Nothing recorded", "nothing recorded", "Nothing to compare yet"}},
		{"failing", &fakeHistory{Err: errDiskFull}, []string{"⚠ could not read your nights: disk I/O error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newHarness(t, testOptions{Start: StartHistory, History: tt.hist}, 80, 24)
			var all strings.Builder
			for _, k := range []string{"1", "left", "[", "2", "down", "end", "3", "left", "e", "esc", "4", "r", "5", "down"} {
				hs.key(k)
				v := hs.view()
				checkSize(t, v, 80, 24)
				all.WriteString(v)
			}
			for _, w := range tt.want {
				if !strings.Contains(all.String(), w) {
					t.Errorf("no view says %q:\n%s", w, all.String())
				}
			}
		})
	}
}

// TestHistoryReadsAWindow opens ten years of nights and moves through
// them: each step reads a page, never all; only the insights read all,
// and only when shown.
func TestHistoryReadsAWindow(t *testing.T) {
	hist := &fakeHistory{Recs: genNights(lastNight, 3650, 1)}
	hs := newHarness(t, testOptions{Start: StartHistory, History: hist}, 80, 24)
	if hist.Returned > 62 {
		t.Errorf("opening read %d nights", hist.Returned)
	}
	hs.key("2")
	for range 100 {
		hs.key("down")
	}
	if hist.Returned > 400 {
		t.Errorf("100 nights down the table read %d nights", hist.Returned)
	}
	hs.keys("end", "1", "]", "]", "home", "4")
	if hist.Returned > 900 {
		t.Errorf("jumping to the ends and the trends read %d nights", hist.Returned)
	}
	for _, r := range hist.Reads {
		if r[0] == "" || r[1] == "" {
			t.Errorf("read every night (%q to %q) before the insights", r[0], r[1])
		}
	}
	hs.key("5")
	if last := hist.Reads[len(hist.Reads)-1]; last != [2]string{"", ""} {
		t.Errorf("the insights read %v, not every night", last)
	}
}

// TestHomeShowsTheLastSevenNights reads those 7 nights and no more.
func TestHomeShowsTheLastSevenNights(t *testing.T) {
	rated := func(date string, sev int, st routine.Status) night.Record {
		r := night.Record{Night: date, Checkin: &night.Checkin{Night: date, RLSSeverity: sev}}
		if st != "" {
			r.Runs = []night.Run{{Routine: "x", Status: st, Steps: []routine.StepResult{{Status: routine.StepDone}}}}
		}
		return r
	}
	hist := &fakeHistory{Recs: []night.Record{
		rated("2026-11-10", 5, routine.Completed), // before the 7
		rated("2026-11-15", 10, routine.Completed),
		{Night: "2026-11-17", Runs: []night.Run{{Routine: "x", Status: routine.Partial,
			Steps: []routine.StepResult{{Status: routine.StepDone}}}}},
		rated("2026-11-18", 0, ""),
		rated("2026-11-21", 3, routine.Partial),
		{Night: "2026-11-22", Runs: []night.Run{{Routine: "x", Status: routine.Completed, Speed: 1,
			Steps: []routine.StepResult{{Status: routine.StepDone}}}}},
	}}
	hs := newHarness(t, testOptions{Library: testLibrary(), History: hist}, 80, 24)
	// To tonight (the 22nd at 21:30), to say whether its wind-down is done.
	if want := [][2]string{{"2026-11-15", "2026-11-22"}}; len(hist.Reads) != 1 || hist.Reads[0] != want[0] {
		t.Errorf("home read %v, want only %v", hist.Reads, want)
	}
	if v := hs.view(); !strings.Contains(v, "tonight: wind-down done ✓") {
		t.Errorf("home does not show tonight's run:\n%s", v)
	}
	v := hs.view()
	for _, want := range []string{
		"Last 7 nights  Su Mo Tu We Th Fr Sa",
		"  symptoms     10  ·  ·  0  ·  ·  3",
		"  routine       ✓  ·  ◐  ·  ·  ·  ◐",
		"History (h)",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("home lacks %q:\n%s", want, v)
		}
	}
	hs.key("h")
	hs.history()
	if v := hs.view(); !strings.Contains(v, "[1 Calendar]") {
		t.Errorf("h did not open the calendar:\n%s", v)
	}
}

// TestHistorySurvivesResizing draws each view at every size from 1x1.
func TestHistorySurvivesResizing(t *testing.T) {
	for _, k := range []string{"1", "2", "3", "4", "5"} {
		hs := startHistory(t, 80, 24, testOptions{})
		hs.key(k)
		for w := 1; w <= 90; w += 7 {
			for h := 1; h <= 30; h += 3 {
				hs.send(tea.WindowSizeMsg{Width: w, Height: h})
				if msg := misfit(drawSafely(t, hs, w, h), w, h); msg != "" {
					t.Errorf("view %s at %dx%d: %s", k, w, h, msg)
				}
			}
		}
	}
}

// TestHistoryEditsAnEveningLog: E on a night's detail opens that night's
// evening log; saving goes back to the night, read again, with no routine
// started, and esc from an unchanged log saves nothing.
func TestHistoryEditsAnEveningLog(t *testing.T) {
	hs := startHistory(t, 80, 24, testOptions{})
	hs.keys("2", "down", "enter")
	date := "2026-11-20"
	hs.key("E")
	e, ok := hs.root.top().(*evening)
	if !ok || e.night != date || !e.editing {
		t.Fatalf("E opened %T (%+v), want the evening log of %s", hs.root.top(), e, date)
	}
	v := hs.view()
	for _, want := range []string{"Evening log", "Fri 20 Nov", "Editing the evening log of the night of Fri 20 Nov", "Legs that evening", "esc back"} {
		if !strings.Contains(v, want) {
			t.Errorf("the form lacks %q:\n%s", want, v)
		}
	}
	e.form.Field(string(night.FieldSymptoms)).Select(8) // a rating of 7
	hs.key("ctrl+s")
	if got := hs.diary.evenings[date]; got.Symptoms == nil || *got.Symptoms != 7 {
		t.Fatalf("saved %+v", got)
	}
	if hs.root.runner != nil {
		t.Fatal("saving an edited log started a routine")
	}
	hs.history()
	if v := hs.view(); !strings.Contains(v, "Night of "+nightfmt.LongLabel(date)) || !strings.Contains(v, "Legs then         7 of 10") {
		t.Errorf("not back on the night read again:\n%s", v)
	}
	before := hs.diary.evenings[date]
	hs.keys("E", "esc")
	hs.history()
	if after := hs.diary.evenings[date]; !after.At.Equal(before.At) {
		t.Error("esc from an unchanged log saved it")
	}
}

func TestEveningEditGoldens(t *testing.T) {
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		hs := startHistory(t, sz.w, sz.h, testOptions{})
		hs.keys("2", "down", "enter", "E")
		v := hs.view()
		checkSize(t, v, sz.w, sz.h)
		golden(t, "evening-edit-"+itoa(sz.w)+"x"+itoa(sz.h), v)
	}
}
