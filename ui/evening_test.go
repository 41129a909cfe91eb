package ui

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func startEvening(t *testing.T, w, h int, o testOptions) *harness {
	t.Helper()
	o.Start, o.Routine = StartRoutine, testRoutine()
	hs := newHarness(t, o, w, h)
	if v := hs.view(); !strings.Contains(v, "Evening log") || hs.root.runner != nil {
		t.Fatalf("the evening log is not first:\n%s", v)
	}
	return hs
}

func intp(n int) *int { return &n }

// TestEveningLogOpensBeforeEveryRoutine: from home, the picker and
// StartRoutine; SkipEveningLog goes straight to the run.
func TestEveningLogOpensBeforeEveryRoutine(t *testing.T) {
	tests := []struct {
		name string
		o    testOptions
		keys []string
		log  bool
	}{
		{"home", testOptions{Library: testLibrary()}, []string{"e"}, true},
		{"picker", testOptions{Library: testLibrary(), Start: StartPicker}, []string{"enter"}, true},
		{"start routine", testOptions{Start: StartRoutine, Routine: testRoutine()}, nil, true},
		{"skip option", testOptions{Start: StartRoutine, Routine: testRoutine(), SkipEveningLog: true}, nil, false},
		{"skip option from home", testOptions{Library: testLibrary(), SkipEveningLog: true}, []string{"e"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := newHarness(t, tt.o, 80, 24)
			hs.keys(tt.keys...)
			v := hs.view()
			if got := strings.Contains(v, "Evening log"); got != tt.log {
				t.Fatalf("evening log shown %v, want %v:\n%s", got, tt.log, v)
			}
			if got := hs.root.runner != nil; got == tt.log {
				t.Errorf("runner started %v with the log shown %v", got, tt.log)
			}
		})
	}
}

func TestEveningLogSkipSavesNothingAndStarts(t *testing.T) {
	hs := startEvening(t, 80, 24, testOptions{})
	hs.key("esc")
	if hs.root.runner == nil {
		t.Fatal("esc did not start the routine")
	}
	if len(hs.diary.savedEvenings) != 0 {
		t.Errorf("skipping saved %+v", hs.diary.savedEvenings)
	}
	if len(hs.saver.started) != 1 {
		t.Errorf("%d runs started, want 1", len(hs.saver.started))
	}
}

func TestEveningLogSaves(t *testing.T) {
	tests := []struct {
		name  string
		keys  func(hs *harness)
		saved bool
		want  night.Evening
	}{
		{"rated, ticked, noted", func(hs *harness) {
			hs.keys("4", "enter", "space", "down", "down", "x", "enter", "enter", "enter")
			hs.typeText("long drive")
			hs.key("enter")
		}, true, night.Evening{Symptoms: intp(4), Tags: []string{"caffeine", "magnesium"}, Note: "long drive"}},
		{"ten by two digits, tick by number", func(hs *harness) {
			hs.keys("1", "0", "enter", "2", "ctrl+s")
		}, true, night.Evening{Symptoms: intp(10), Tags: []string{"alcohol"}}},
		{"zero is a rating", func(hs *harness) { hs.keys("0", "enter", "enter", "enter", "enter", "enter") },
			true, night.Evening{Symptoms: intp(0)}},
		{"arrows rate; back to skip", func(hs *harness) { hs.keys("right", "right", "left", "left", "ctrl+s") }, false, night.Evening{}},
		{"enter through an empty log", func(hs *harness) { hs.keys("enter", "enter", "enter", "enter", "enter") }, false, night.Evening{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startEvening(t, 80, 24, testOptions{})
			tt.keys(hs)
			if hs.root.runner == nil {
				t.Fatalf("routine not started:\n%s", hs.view())
			}
			if !tt.saved {
				if len(hs.diary.savedEvenings) != 0 {
					t.Errorf("saved %+v, want nothing", hs.diary.savedEvenings)
				}
				return
			}
			if len(hs.diary.savedEvenings) != 1 {
				t.Fatalf("%d saves, want 1", len(hs.diary.savedEvenings))
			}
			got := hs.diary.savedEvenings[0]
			tt.want.Night, tt.want.At = "2026-11-22", t0
			if !sameEvening(got, tt.want) {
				t.Errorf("saved %s, want %s", showEvening(got), showEvening(tt.want))
			}
		})
	}
}

func sameEvening(a, b night.Evening) bool {
	return showEvening(a) == showEvening(b)
}

func showEvening(e night.Evening) string {
	s := "-"
	if e.Symptoms != nil {
		s = itoa(*e.Symptoms)
	}
	return e.Night + " " + e.At.String() + " symptoms " + s + " tags " + strings.Join(e.Tags, ",") + " note " + e.Note
}

// TestEveningLogUpdatesTonights: the old log shows, a tag since taken off
// the checklist is kept, and saving replaces it.
func TestEveningLogUpdatesTonights(t *testing.T) {
	d := newFakeDiary()
	d.evenings["2026-11-22"] = night.Evening{Night: "2026-11-22", Symptoms: intp(6),
		Tags: []string{"alcohol", "hot-bath"}, Note: "tired"}
	hs := startEvening(t, 80, 24, testOptions{Diary: d})
	v := hs.view()
	for _, want := range []string{"[6]", "Alcohol, hot-bath", "tired", "as you left it"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	hs.keys("7", "enter", "enter", "enter", "enter", "enter")
	got := d.evenings["2026-11-22"]
	if len(d.savedEvenings) != 1 || *got.Symptoms != 7 || !slices.Equal(got.Tags, []string{"alcohol", "hot-bath"}) || got.Note != "tired" {
		t.Errorf("saved %s", showEvening(got))
	}
}

// TestEveningLogClearedStillSaves: emptying a log that was saved replaces it.
func TestEveningLogClearedStillSaves(t *testing.T) {
	d := newFakeDiary()
	d.evenings["2026-11-22"] = night.Evening{Night: "2026-11-22", Symptoms: intp(3)}
	hs := startEvening(t, 80, 24, testOptions{Diary: d})
	hs.keys("s", "ctrl+s")
	if len(d.savedEvenings) != 1 || d.savedEvenings[0].Symptoms != nil {
		t.Errorf("saves %+v, want one without a rating", d.savedEvenings)
	}
}

func TestEveningLogSaveErrorStillStarts(t *testing.T) {
	d := newFakeDiary()
	d.fail = errDiskFull
	hs := startEvening(t, 80, 24, testOptions{Diary: d})
	hs.keys("5", "ctrl+s")
	if hs.root.runner == nil {
		t.Fatal("a failed save stopped the routine")
	}
	v := hs.view()
	if !strings.Contains(v, "Evening log not saved: disk I/O error") || !strings.Contains(v, "Calf stretch") {
		t.Errorf("runner does not tell of the failed save:\n%s", v)
	}
	hs.key("space")
	if v := hs.view(); strings.Contains(v, "Evening log not saved") {
		t.Errorf("the notice stays after a key:\n%s", v)
	}
}

// TestEveningLogAsksBeforeDroppingAnswers: esc with something entered asks.
func TestEveningLogAsksBeforeDroppingAnswers(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		started bool
		quit    bool
	}{
		{"stay", []string{"3", "esc", "n"}, false, false},
		{"esc twice stays", []string{"3", "esc", "esc"}, false, false},
		{"skip", []string{"3", "esc", "y"}, true, false},
		{"ctrl+c asks, y quits", []string{"3", "ctrl+c", "y"}, false, true},
		{"ctrl+c twice quits", []string{"3", "ctrl+c", "ctrl+c"}, false, true},
		{"ctrl+c untouched quits", []string{"ctrl+c"}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startEvening(t, 80, 24, testOptions{})
			quit := hs.keys(tt.keys[:min(2, len(tt.keys))]...)
			if len(tt.keys) > 2 {
				if v := hs.view(); !strings.Contains(v, "won't be saved") {
					t.Errorf("no question asked:\n%s", v)
				}
				quit = hs.keys(tt.keys[2:]...) || quit
			}
			if got := hs.root.runner != nil; got != tt.started || quit != tt.quit {
				t.Errorf("started %v quit %v, want %v %v", got, quit, tt.started, tt.quit)
			}
			if len(hs.diary.savedEvenings) != 0 {
				t.Errorf("saved %+v", hs.diary.savedEvenings)
			}
		})
	}
}

func TestEveningLogPasteIntoNote(t *testing.T) {
	hs := startEvening(t, 80, 24, testOptions{})
	hs.keys("enter", "enter", "enter", "enter")
	hs.send(pasteMsg(strings.Repeat("x", 2048)))
	if v := hs.view(); !strings.Contains(v, "that paste is 2048 characters") {
		t.Errorf("long paste not refused at the note:\n%s", v)
	}
	hs.send(pasteMsg("legs\nbetter\tafter bath\x1b"))
	hs.key("enter")
	if got := hs.diary.savedEvenings; len(got) != 1 || got[0].Note != "legs better after bath" {
		t.Errorf("saved %+v", got)
	}
}

// TestEveningLogNoneOfThese: ticking "none of these" answers the checklist
// with nothing ticked; leaving every box empty leaves it unanswered, and
// insights then leave the evening out.
func TestEveningLogNoneOfThese(t *testing.T) {
	tests := []struct {
		name    string
		keys    []string
		skipped bool
		tags    []string
	}{
		{"none of these", []string{"5", "enter", "down", "down", "down", "down", "space", "ctrl+s"}, false, nil},
		{"nothing ticked", []string{"5", "ctrl+s"}, true, nil},
		{"an item", []string{"5", "enter", "space", "ctrl+s"}, false, []string{"caffeine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs := startEvening(t, 80, 24, testOptions{})
			hs.keys(tt.keys...)
			got := hs.diary.savedEvenings
			if len(got) != 1 || got[0].ChecklistSkipped != tt.skipped || !slices.Equal(got[0].Tags, tt.tags) {
				t.Fatalf("saved %+v; want skipped %v, tags %v", got, tt.skipped, tt.tags)
			}
		})
	}
	d := newFakeDiary()
	d.evenings["2026-11-22"] = night.Evening{Night: "2026-11-22", Symptoms: intp(2)}
	hs := startEvening(t, 80, 24, testOptions{Diary: d})
	if v := hs.view(); !regexp.MustCompile(`Today +none of these`).MatchString(v) {
		t.Errorf("a log answered with nothing ticked does not open with none of these ticked:\n%s", v)
	}
}

// TestEveningLogShowsTheExperiment: while an experiment runs, the log says
// what tonight is in it.
func TestEveningLogShowsTheExperiment(t *testing.T) {
	st := journaltest.New()
	o := testOptions{Library: testLibrary(), Storage: st, Settings: testSettings(), Clock: routine.NewFakeClock(t0), Speed: 1}
	plan := journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWithout, Weeks: 4, Seed: 7}
	if _, err := o.options().Journal.StartExperiment(context.Background(), plan); err != nil {
		t.Fatal(err)
	}
	hs := startEvening(t, 80, 24, o)
	if v := hs.view(); !regexp.MustCompile(`Experiment: tonight (without caffeine|as usual) \(week 1 of 4\)`).MatchString(v) {
		t.Errorf("the evening log does not show tonight's assignment:\n%s", v)
	}
}
