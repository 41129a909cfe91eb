package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func TestFlareUpsSection(t *testing.T) {
	recs := fixture(t)[:2]
	at := func(d, h, m int) time.Time { return time.Date(2026, 11, d, h, m, 0, 0, loc) }
	n := func(v int) *int { return &v }
	walk := []night.Tried{{ID: "walk", Minutes: n(10)}}
	recs[0].Events = []night.Event{
		{At: at(10, 2, 10), Severity: 7, Tried: append(walk, night.Tried{ID: "stretch"}), SeverityAfter: n(3), Helped: night.HelpedALot},
		{At: at(10, 3, 40), Severity: 5, Tried: walk, SeverityAfter: n(4), Helped: night.HelpedALittle},
	}
	recs[1].Events = []night.Event{{At: at(11, 2, 55), Severity: 6, Tried: walk}}
	// A flare run is listed with the night but is not its routine.
	recs[1].Runs = append(recs[1].Runs, night.Run{Routine: "toolkit-walk", Title: "Walk", Status: routine.Completed,
		StartedAt: at(11, 2, 56), EndedAt: at(11, 3, 6), Speed: 1, Flare: true})
	var buf bytes.Buffer
	if err := Write(&buf, recs, Options{From: "2026-11-09", To: "2026-11-10", Settings: settings,
		Now: time.Date(2026, 11, 23, 8, 0, 0, 0, loc)}); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	want := []string{
		"## Night-time flare-ups",
		"3 flare-ups recorded in the night, on 2 nights of 2.",
		"| 2026-11-09 | 02:10 | 7 | walk 10 min, stretch | 3 | a lot |",
		"| 2026-11-09 | 03:40 | 5 | walk 10 min | 4 | a little |",
		"| 2026-11-10 | 02:55 | 6 | walk 10 min | – | – |",
		"| 02:00-02:59 | 2 |",
		"| 03:00-03:59 | 1 |",
		"walk: tried 3 times; reported as helping a little 1 time and a lot 1 time (2 answered); severity afterwards was a median of 2.5 points lower (2 rated).",
	}
	at0 := 0
	for _, w := range want {
		i := strings.Index(got[at0:], w)
		if i < 0 {
			t.Fatalf("missing (or out of order) %q in:\n%s", w, got)
		}
		at0 += i + len(w)
	}
	if strings.Contains(got, "Walk (1 night)") || strings.Contains(got, "toolkit-walk") {
		t.Errorf("the flare run is listed among the routines used:\n%s", got)
	}

	buf.Reset()
	if err := Write(&buf, fixture(t)[:2], Options{From: "2026-11-09", To: "2026-11-10", Settings: settings}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "flare-ups") {
		t.Error("a period without flare-ups has the section")
	}
}
