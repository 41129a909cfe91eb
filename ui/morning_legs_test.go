package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
)

// TestCheckinLegItemsOpenByOneKey: the optional leg items stay behind one
// question; y opens them, and what is answered there is saved.
func TestCheckinLegItemsOpenByOneKey(t *testing.T) {
	hs := startMorning(t, 80, 24, testOptions{})
	hs.answer("22:00", "22:30", "18", "2", "30", "06:30", "06:45", "3", "3", "4", "b", "1")
	if v := hs.view(); strings.Contains(v, "Which side") || !strings.Contains(v, "More about your legs") {
		t.Fatalf("leg items shown before asked for:\n%s", v)
	}
	hs.typeText("y")
	if v := hs.view(); !strings.Contains(v, "Which side") || !strings.Contains(v, "of 20") {
		t.Fatalf("y did not open the leg items:\n%s", v)
	}
	// onset time, side (b: both legs), arms (y), worst, lasted, partner (n: no … none).
	hs.answer("", "16:15", "b", "y", "7", "45", "n", "")
	c := hs.diary.savedCheckins
	if len(c) != 1 {
		t.Fatalf("%d saves:\n%s", len(c), hs.view())
	}
	got := c[0]
	if night.ClockOf(got.OnsetAt) != 16*60+15 || got.Side != night.SideBoth || got.Arms == nil || !*got.Arms ||
		got.Worst == nil || *got.Worst != 7 || got.LastedMin == nil || *got.LastedMin != 45 || got.Partner == "" {
		t.Errorf("saved %+v", got)
	}
}

// TestCheckinLegItemsSkippedRecordNothing: passing the question by keeps
// every leg item unsaid.
func TestCheckinLegItemsSkippedRecordNothing(t *testing.T) {
	hs := startMorning(t, 80, 24, testOptions{})
	hs.answer("22:00", "22:30", "18", "2", "30", "06:30", "06:45", "3", "3", "4", "b", "1", "", "")
	c := hs.diary.savedCheckins
	if len(c) != 1 {
		t.Fatalf("%d saves:\n%s", len(c), hs.view())
	}
	if g := c[0]; g.Worst != nil || g.LastedMin != nil || g.Arms != nil || g.Side != "" || g.Partner != "" || !g.OnsetAt.IsZero() {
		t.Errorf("saved items not said: %+v", g)
	}
}

// TestCheckinLegItemsOnsetMustAgree: an onset time that disagrees with the
// onset chosen is shown at the time.
func TestCheckinLegItemsOnsetMustAgree(t *testing.T) {
	hs := startMorning(t, 80, 24, testOptions{})
	hs.answer("22:00", "22:30", "18", "2", "30", "06:30", "06:45", "3", "3", "4", "b", "1")
	hs.typeText("y")
	hs.answer("", "22:30")
	f := hs.morning().form.Field(string(night.FieldOnsetAt))
	if !strings.Contains(f.Err(), "does not agree") {
		t.Errorf("onset time 22:30 before 6 pm: %q\n%s", f.Err(), hs.view())
	}
}

// TestLegAndRoomGoldens: the check-in with its leg items open, and the
// evening log with earlier doses to tick, at 80x24 and 40x12.
func TestLegAndRoomGoldens(t *testing.T) {
	screens := []struct {
		name  string
		start func(t *testing.T, w, h int) *harness
	}{
		{"checkin-legs-open", func(t *testing.T, w, h int) *harness {
			hs := startMorning(t, w, h, testOptions{Diary: withLastCheckin(t)})
			hs.answer("", "", "18", "2", "30", "", "", "3", "3", "4", "a", "1")
			hs.typeText("y")
			hs.answer("", "23:40", "b")
			return hs
		}},
		{"evening-taken", func(t *testing.T, w, h int) *harness {
			st := journaltest.New()
			st.Taken["2026-11-20"] = []night.Dose{{Night: "2026-11-20", Name: "magnesium", Amount: "400 mg", At: t0.Add(-48 * time.Hour)},
				{Night: "2026-11-20", Name: "iron", Amount: "65 mg", At: t0.Add(-47 * time.Hour)}}
			hs := startEvening(t, w, h, testOptions{Storage: st, Settings: roomSettings()})
			hs.keys("4", "enter", "enter", "space")
			return hs
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
