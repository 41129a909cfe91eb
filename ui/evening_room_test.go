package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
)

// roomSettings are testSettings with bedding to choose and magnesium
// answered by what is taken.
func roomSettings() night.Settings {
	s := testSettings()
	s.Checklist[2].Taken = []string{"magnesium"}
	s.Bedding = []night.Item{{ID: "light", Label: "Light covers"}, {ID: "heavy", Label: "Heavy covers"}}
	return s
}

// TestEveningTakenTonightRemembers: a dose of an earlier night is offered
// again, one key ticks it, and it is recorded with the room.
func TestEveningTakenTonightRemembers(t *testing.T) {
	st := journaltest.New()
	st.Taken["2026-11-20"] = []night.Dose{{Night: "2026-11-20", Name: "magnesium", Amount: "400 mg", At: t0.Add(-48 * time.Hour)}}
	hs := startEvening(t, 80, 24, testOptions{Storage: st, Settings: roomSettings()})
	// Legs 3; checklist: caffeine; Taken tonight: tick the first; also
	// taken; the room at 18.5; heavy covers.
	hs.keys("3", "enter", "1", "enter")
	if v := hs.view(); !strings.Contains(v, "Taken tonight") || !strings.Contains(v, "magnesium 400 mg") {
		t.Fatalf("earlier dose not offered:\n%s", v)
	}
	hs.keys("space", "enter")
	hs.typeText("iron 65 mg")
	hs.key("enter")
	hs.typeText("18,5")
	hs.keys("enter", "h", "ctrl+s")
	if hs.root.runner == nil {
		t.Fatalf("routine not started:\n%s", hs.view())
	}
	e := st.Evenings["2026-11-22"]
	if e.RoomTempC == nil || *e.RoomTempC != 18.5 || e.Bedding != "heavy" {
		t.Errorf("evening %+v", e)
	}
	ds := st.Taken["2026-11-22"]
	if len(ds) != 2 || ds[0].Label() != "magnesium 400 mg" || ds[1].Name != "iron" || ds[1].Amount != "65 mg" || !ds[0].At.Equal(t0) {
		t.Errorf("taken %+v", ds)
	}
	if tags := e.Tags; len(tags) != 2 || tags[1] != "magnesium" {
		t.Errorf("tags %v: magnesium taken, ticked on the checklist", tags)
	}
}

func TestEveningRoomTemperatureRefused(t *testing.T) {
	st := journaltest.New()
	hs := startEvening(t, 80, 24, testOptions{Storage: st, Settings: roomSettings()})
	hs.keys("enter", "enter", "enter")
	hs.typeText("warm")
	hs.keys("enter", "ctrl+s")
	if v := hs.view(); !strings.Contains(v, "not a temperature") || hs.root.runner != nil {
		t.Errorf("a temperature that does not read:\n%s", v)
	}
	if len(st.Evenings) != 0 {
		t.Errorf("saved %+v", st.Evenings)
	}
}

// TestEveningUntickKeepsWhatItDidNotShow: two doses that read alike are
// two records; unticking one removes that one, and a dose recorded
// elsewhere while the form was open stays.
func TestEveningUntickKeepsWhatItDidNotShow(t *testing.T) {
	st := journaltest.New()
	early, later := t0.Add(-150*time.Minute), t0.Add(-60*time.Minute)
	st.Taken["2026-11-22"] = []night.Dose{
		{Night: "2026-11-22", Name: "iron", Amount: "65 mg", At: early},
		{Night: "2026-11-22", Name: "iron", Amount: "65 mg", At: later},
	}
	hs := startEvening(t, 80, 24, testOptions{Storage: st, Settings: roomSettings()})
	hs.keys("3", "enter", "enter") // legs 3; the checklist as it is
	if v := hs.view(); !strings.Contains(v, "iron 65 mg ("+early.Format("15:04")+")") || !strings.Contains(v, "iron 65 mg ("+later.Format("15:04")+")") {
		t.Fatalf("tonight's two doses not both shown:\n%s", v)
	}
	// Meanwhile, from another window.
	st.Taken["2026-11-22"] = append(st.Taken["2026-11-22"], night.Dose{Night: "2026-11-22", Name: "zinc", At: t0.Add(-time.Minute)})
	hs.keys("2", "ctrl+s") // untick the second
	ds := st.Taken["2026-11-22"]
	if len(ds) != 2 || !ds[0].At.Equal(early) || ds[1].Name != "zinc" {
		t.Errorf("taken %+v; want the earlier iron and the zinc", ds)
	}
}
