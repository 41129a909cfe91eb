package report

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// TestReportNewSections checks the leg items, the room, the doses and the
// iron results on a hand-checked set of two nights.
func TestReportNewSections(t *testing.T) {
	d := diary{inBed: "22:00", tried: "22:30", final: "06:30", out: "06:45", latency: 20,
		quality: 3, rested: 3, sev: 5, onset: night.OnsetEvening}
	c1 := d.checkin(t, "2026-11-16")
	yes, worst, lasted := true, 8, 90
	c1.OnsetAt = time.Date(2026, 11, 16, 20, 15, 0, 0, loc)
	c1.Side, c1.Arms, c1.Worst, c1.LastedMin, c1.Partner = night.SideBoth, &yes, &worst, &lasted, night.PartnerNone
	c2 := d.checkin(t, "2026-11-17")
	no := false
	c2.OnsetAt, c2.Arms = time.Date(2026, 11, 17, 21, 5, 0, 0, loc), &no
	temp := 18.5
	recs := []night.Record{
		{Night: "2026-11-16", Checkin: c1, Evening: &night.Evening{Night: "2026-11-16", RoomTempC: &temp, Bedding: "heavy"},
			Taken: []night.Dose{{Night: "2026-11-16", Name: "iron", Amount: "65 mg", At: time.Date(2026, 11, 16, 19, 0, 0, 0, loc)}}},
		{Night: "2026-11-17", Checkin: c2,
			Taken: []night.Dose{{Night: "2026-11-17", Name: "magnesium", At: time.Date(2026, 11, 17, 21, 30, 0, 0, loc)}}},
	}
	fer, tsat := 48.0, 22.5
	set := settings
	set.Bedding = []night.Item{{ID: "heavy", Label: "Heavy covers"}}
	labs := []night.Lab{{Date: "2026-10-01", Ferritin: &fer, TSAT: &tsat, Note: "fasting"}, {Date: "2026-11-10", Note: "awaiting"},
		{Date: "2026-12-01", Ferritin: &fer}} // after the period: not shown
	var buf bytes.Buffer
	if err := Write(&buf, recs, Options{From: "2026-11-16", To: "2026-11-17", Now: time.Date(2026, 11, 18, 9, 0, 0, 0, loc),
		Settings: set, Labs: labs}); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	for _, want := range []string{
		"## Legs, night by night",
		"| Mon 16 Nov | in the evening | 20:15 | both legs | yes | 5 | 8 | 1 h 30 min | no partner |",
		"| Tue 17 Nov | in the evening | 21:05 | — | no | 5 | — | — | — |",
		"## Onset time and arms, week by week",
		"| From Mon 16 Nov | 20:15, 21:05 | 1 of 2 |",
		"| Bedroom | Bedding |",
		"18.5 °C | Heavy covers |",
		"## Medicines and supplements taken",
		"| Mon 16 Nov | 19:00 | iron | 65 mg |",
		"| Tue 17 Nov | 21:30 | magnesium | — |",
		"## Iron results",
		"| Tue 10 Nov 2026 | — | — | awaiting |",
		"| Thu 1 Oct 2026 | 48 | 22.5 | fasting |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("report lacks %q:\n%s", want, md)
		}
	}
	iron := strings.ToLower(md[strings.Index(md, "## Iron results"):])
	for _, never := range []string{"tue 1 dec 2026", "deficien", "normal", "recommend", "range"} {
		if strings.Contains(iron, never) {
			t.Errorf("the iron results say %q:\n%s", never, iron)
		}
	}
}
