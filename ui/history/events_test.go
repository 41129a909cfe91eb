package history

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/internal/uitest"
)

// TestNightListsFlareUpsInTimeOrder: the night's detail shows each
// flare-up at its clock time, earliest first, and a flare run as such.
func TestNightListsFlareUpsInTimeOrder(t *testing.T) {
	recs := uitest.GenNights(lastNight, 10, 1)
	rec := &recs[len(recs)-1]
	at := func(h, m int) time.Time { return time.Date(2026, 11, 22, h, m, 0, 0, time.UTC) }
	three, ten := 3, 10
	rec.Events = []night.Event{
		{Night: lastNight, At: at(2, 10), Severity: 7, Tried: []night.Tried{{ID: "walk", Minutes: &ten}, {ID: "stretch"}},
			SeverityAfter: &three, Helped: night.HelpedALot},
		{Night: lastNight, At: at(4, 40), Severity: 5},
	}
	rec.Runs = append(rec.Runs, night.Run{Routine: "toolkit-walk", Title: "Walk around the house", Night: lastNight,
		Status: routine.Completed, StartedAt: at(2, 11), EndedAt: at(2, 21), Speed: 1, Flare: true})
	d := openOn(t, 80, 60, &uitest.History{Recs: recs})
	d.keys("3")
	v := d.view()
	want := []string{"Walk around the house · for a flare-up, not the evening routine",
		"Flare-ups in the night · 2", "02:10", "7 → 3 of 10", "tried walk 10 min, stretch; helped a lot",
		"04:40", "5 of 10", "nothing tried"}
	at0 := 0
	for _, w := range want {
		i := strings.Index(v[at0:], w)
		if i < 0 {
			t.Fatalf("missing (or out of order) %q in:\n%s", w, v)
		}
		at0 += i + len(w)
	}
}

// TestNightAtFortyColumnsKeepsRunsWhole: on a 40-column screen a run's
// note goes under its title and its steps keep their names, rather than
// both being cut to a few letters.
func TestNightAtFortyColumnsKeepsRunsWhole(t *testing.T) {
	recs := uitest.GenNights(lastNight, 10, 1)
	rec := &recs[len(recs)-1]
	at := time.Date(2026, 11, 22, 2, 11, 0, 0, time.UTC)
	rec.Runs = append(rec.Runs, night.Run{Routine: "toolkit-press", Title: "Press the calves", Night: lastNight,
		Status: routine.Partial, StartedAt: at, EndedAt: at.Add(28 * time.Second), Speed: 1, Flare: true,
		Steps: []routine.StepResult{{Title: "Press the calves", Planned: time.Minute, Actual: 28 * time.Second, Status: routine.StepSkipped}}})
	d := openOn(t, 40, 60, &uitest.History{Recs: recs})
	d.keys("3")
	v := d.view()
	for _, w := range []string{"for a flare-up, not the evening", "– Press the calves", "cut short at 0:28"} {
		if !strings.Contains(v, w) {
			t.Errorf("missing %q in:\n%s", w, v)
		}
	}
	for _, l := range strings.Split(v, "\n") {
		if ansi.StringWidth(l) > 40 {
			t.Errorf("line wider than 40 columns: %q", l)
		}
	}
}
