package ui

import (
	"strings"
	"testing"

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
