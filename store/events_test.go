package store

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

// testEvents are two flare-ups of the night of 22 November, in Berlin,
// saved in the wrong order.
func testEvents(t *testing.T) []night.Event {
	loc := berlin(t)
	return []night.Event{
		{Night: "2026-11-22", At: time.Date(2026, 11, 23, 4, 5, 0, 0, loc), Severity: 4},
		{Night: "2026-11-22", At: time.Date(2026, 11, 23, 2, 10, 0, 0, loc), Severity: 7,
			Tried:         []night.Tried{{ID: "walk", Minutes: intp(10)}, {ID: "stretch"}},
			SeverityAfter: intp(3), Helped: night.HelpedALot},
	}
}

func TestEventsReadBackInTimeOrder(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	evs := testEvents(t)
	for _, e := range evs {
		if _, err := s.SaveEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	recs := allNights(t, s)
	if len(recs) != 1 || len(recs[0].Events) != 2 {
		t.Fatalf("nights %+v, want one with two events", recs)
	}
	got := recs[0].Events
	evs[1].ID, evs[0].ID = 2, 1
	sameEvent(t, got[0], evs[1])
	sameEvent(t, got[1], evs[0])
	if first, last, n, err := s.NightRange(ctx); err != nil || first != "2026-11-22" || last != first || n != 1 {
		t.Errorf("NightRange = %s, %s, %d, %v; a night with only events counts", first, last, n, err)
	}

	// Saved again at the same instant: replaced, not doubled.
	e := evs[0]
	e.ID, e.Severity = 0, 5
	if id, err := s.SaveEvent(ctx, e); err != nil || id != 1 {
		t.Fatalf("SaveEvent again = %d, %v; want the same event, 1", id, err)
	}
	if got := allNights(t, s)[0].Events; len(got) != 2 || got[1].Severity != 5 {
		t.Errorf("after saving again: %+v", got)
	}

	_, err := s.SaveEvent(ctx, night.Event{Night: "2026-11-22", At: e.At, Severity: 11})
	var fe *night.FieldError
	if !errors.As(err, &fe) || fe.Field != night.FieldSeverity {
		t.Errorf("severity 11: %v, want a field error", err)
	}

	// Deleting the runs keeps the events; deleting the night does not.
	if err := s.DeleteNight(ctx, "2026-11-22", journal.RunsPart); err != nil {
		t.Fatal(err)
	}
	if got := allNights(t, s); len(got) != 1 || len(got[0].Events) != 2 {
		t.Errorf("after deleting runs: %+v", got)
	}
	if err := s.DeleteNight(ctx, "2026-11-22", journal.AllParts); err != nil {
		t.Fatal(err)
	}
	if got := allNights(t, s); len(got) != 0 {
		t.Errorf("after deleting the night: %+v", got)
	}
}

func TestImportEventsIdempotentAndAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	recs := []night.Record{{Night: "2026-11-22", Events: testEvents(t)}}
	res, err := s.Import(ctx, recs, nil)
	if err != nil || res.Added != 1 {
		t.Fatalf("Import = %+v, %v", res, err)
	}
	before := dump(t, s)
	res, err = s.Import(ctx, recs, nil)
	if err != nil || res.Unchanged != 1 || dump(t, s) != before {
		t.Fatalf("Import again = %+v, %v; want nothing changed", res, err)
	}
	// One changed answer updates the night.
	changed := testEvents(t)
	changed[0].Helped = night.HelpedALittle
	res, err = s.Import(ctx, []night.Record{{Night: "2026-11-22", Events: changed}}, nil)
	if err != nil || res.Updated != 1 || len(allNights(t, s)[0].Events) != 2 {
		t.Fatalf("Import changed = %+v, %v", res, err)
	}
	// A bad event anywhere writes nothing at all.
	before = dump(t, s)
	bad := []night.Record{
		{Night: "2026-11-21", Events: []night.Event{{At: time.Date(2026, 11, 21, 23, 0, 0, 0, time.UTC), Severity: 5}}},
		{Night: "2026-11-23", Events: []night.Event{{At: time.Date(2026, 11, 24, 1, 0, 0, 0, time.UTC), Severity: 5, Helped: "maybe"}}},
	}
	if _, err := s.Import(ctx, bad, nil); err == nil || !strings.Contains(err.Error(), "night 2026-11-23: flare-up 1") {
		t.Errorf("Import with a bad event: %v", err)
	}
	if dump(t, s) != before {
		t.Error("a refused import changed the database")
	}
}

func TestFlareRunsAreKeptAsSuch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	start := time.Date(2026, 11, 23, 2, 10, 0, 0, time.UTC)
	if _, err := s.StartRun(ctx, night.Run{Routine: "toolkit-walk", Title: "Walk", Night: "2026-11-22",
		StartedAt: start, Speed: 1, Planned: 5 * time.Minute, Flare: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.StartRun(ctx, night.Run{Routine: "wind-down", Night: "2026-11-22",
		StartedAt: start.Add(-4 * time.Hour), Speed: 1, Planned: time.Minute}); err != nil {
		t.Fatal(err)
	}
	runs := allNights(t, s)[0].Runs
	if len(runs) != 2 || runs[0].Flare || !runs[1].Flare {
		t.Errorf("runs %+v, want the second a flare run", runs)
	}
	if latest, _, err := s.LatestRun(ctx); err != nil || !latest.Flare {
		t.Errorf("latest run %+v, %v; want the flare run", latest, err)
	}
}
