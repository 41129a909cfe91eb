package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// flareToolkit is a small toolkit: a routine, a timed action and an
// action without a length.
func flareToolkit() night.Settings {
	set := testSettings()
	set.Toolkit = night.Toolkit{
		Mild: []night.ToolEntry{{ID: "press", Label: "Press the calves firmly"}},
		Moderate: []night.ToolEntry{
			{ID: "walk", Label: "Walk around the house", Minutes: 5, Safety: "Put on a dim light first."},
			{ID: "stretch", Routine: "test"},
		},
		Severe: []night.ToolEntry{{ID: "stretch", Routine: "test"}},
	}
	return set
}

func startFlare(t *testing.T, w, h int) (*harness, *journaltest.Storage) {
	t.Helper()
	st := journaltest.New()
	lib := &routine.Library{Routines: []*routine.Routine{testRoutine()}}
	return newHarness(t, testOptions{Start: StartFlare, Storage: st, Settings: flareToolkit(), Library: lib}, w, h), st
}

// TestFlareTwoKeysToRelief: a severity and an entry's number start a
// timed action as a one-step routine, saved as a flare run that is never
// the evening routine; the answers afterwards complete the event.
func TestFlareTwoKeysToRelief(t *testing.T) {
	hs, st := startFlare(t, 40, 12)
	if v := hs.view(); !strings.Contains(v, "How strong is it right now?") || !strings.Contains(v, "0    for 10") {
		t.Fatalf("first screen:\n%s", v)
	}
	hs.keys("5", "1") // moderate; the first entry: walk, 5 minutes
	if hs.root.runner == nil {
		t.Fatalf("no run started:\n%s", hs.view())
	}
	if v := hs.view(); !strings.Contains(v, "Walk around the house") || !strings.Contains(v, "dim light") {
		t.Errorf("runner:\n%s", v)
	}
	if len(st.Events) != 1 || st.Events[0].Severity != 5 || st.Events[0].Tried[0].ID != "walk" {
		t.Fatalf("the event is not saved as the run starts: %+v", st.Events)
	}
	hs.wait(5 * time.Minute)
	// The summary says where enter goes: on to the questions, not home.
	if v := hs.view(); !strings.Contains(v, "enter: on, how strong now?") || strings.Contains(v, "home") {
		t.Errorf("a flare run's summary:\n%s", v)
	}
	if _, _, quit := hs.key("enter"); quit {
		t.Fatal("closing the run ended the program before the questions")
	}
	if v := hs.view(); !strings.Contains(v, "How strong is it now?") {
		t.Fatalf("after the run:\n%s", v)
	}
	hs.keys("3", "3")
	if v := strings.Join(strings.Fields(hs.view()), " "); !strings.Contains(v, "Recorded: 5 of 10, then 3; helped: a lot.") {
		t.Errorf("summary:\n%s", v)
	}
	if len(st.Events) != 1 {
		t.Fatalf("events %+v, want one", st.Events)
	}
	e := st.Events[0]
	if e.SeverityAfter == nil || *e.SeverityAfter != 3 || e.Helped != night.HelpedALot || *e.Tried[0].Minutes != 5 || e.Night != "2026-11-22" {
		t.Errorf("event %+v", e)
	}
	if len(st.Runs) != 1 || !st.Runs[0].Flare || st.Runs[0].Status != routine.Completed || st.Runs[0].Routine != "toolkit-walk" {
		t.Errorf("runs %+v, want one completed flare run", st.Runs)
	}
	if _, _, quit := hs.key("enter"); !quit {
		t.Error("enter on the summary did not close")
	}
}

func TestFlareEscKeepsTheAttemptUnanswered(t *testing.T) {
	hs, st := startFlare(t, 80, 24)
	hs.keys("2", "1") // mild: press the calves, no length
	if v := hs.view(); !strings.Contains(v, "Press the calves firmly") || !strings.Contains(v, "enter when you are done") {
		t.Fatalf("an untimed action:\n%s", v)
	}
	hs.keys("enter", "esc")
	if len(st.Events) != 1 || st.Events[0].SeverityAfter != nil || st.Events[0].Helped != "" || st.Events[0].Tried[0].Minutes != nil {
		t.Errorf("events %+v, want one, tried and unanswered", st.Events)
	}
	if len(st.Runs) != 0 {
		t.Errorf("an untimed action ran: %+v", st.Runs)
	}
}

func TestFlareKeys(t *testing.T) {
	hs, _ := startFlare(t, 80, 24)
	hs.key("0") // 10: severe first, then moderate, then mild
	v := hs.view()
	if !strings.Contains(v, "10 of 10") || strings.Index(v, "Severe") > strings.Index(v, "Moderate") {
		t.Fatalf("toolkit for 10:\n%s", v)
	}
	hs.key("esc")
	hs.key("n") // none: still offered the mild band first
	if v := hs.view(); !strings.Contains(v, "0 of 10") || !strings.Contains(v, "Mild") {
		t.Errorf("toolkit for 0:\n%s", v)
	}
}

func TestFlareGoldens(t *testing.T) {
	states := []struct {
		name string
		keys []string
	}{
		{"ask", nil},
		{"pick", []string{"7"}},
		{"after", []string{"4", "2"}},
		{"helped", []string{"4", "2", "6"}},
	}
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, s := range states {
			name := s.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				hs, _ := startFlare(t, sz.w, sz.h)
				for _, k := range s.keys {
					hs.key(k)
					if hs.root.runner != nil && !hs.root.runner.engine.Snapshot().Done {
						hs.wait(5 * time.Minute)
						hs.key("enter")
					}
				}
				v := hs.view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, "flare-"+name, v)
			})
		}
	}
}

func TestHomeOpensTheToolkitOnF(t *testing.T) {
	st := journaltest.New()
	lib := &routine.Library{Routines: []*routine.Routine{testRoutine()}}
	hs := newHarness(t, testOptions{Storage: st, Settings: flareToolkit(), Library: lib}, 80, 24)
	if v := hs.view(); !strings.Contains(v, "Night toolkit (f)") {
		t.Fatalf("home does not offer the toolkit:\n%s", v)
	}
	hs.key("f")
	if v := hs.view(); !strings.Contains(v, "How strong is it right now?") {
		t.Fatalf("f:\n%s", v)
	}
	hs.keys("esc")
	if v := hs.view(); !strings.Contains(v, "Night toolkit (f)") {
		t.Errorf("esc did not go back home:\n%s", v)
	}
}
