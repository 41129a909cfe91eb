package store

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

func TestNewItemsRoundTrip(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	c := testCheckin(t, "2026-11-22", loc)
	yes, worst, lasted, temp := true, 6, 35, 17.5
	c.OnsetAt = time.Date(2026, 11, 22, 22, 5, 0, 0, loc)
	c.Side, c.Arms, c.Worst, c.LastedMin, c.Partner = night.SideLeft, &yes, &worst, &lasted, night.PartnerYes
	if err := s.SaveCheckin(ctx, c); err != nil {
		t.Fatal(err)
	}
	e := night.Evening{Night: "2026-11-22", At: time.Date(2026, 11, 22, 21, 0, 0, 0, loc), RoomTempC: &temp, Bedding: "light"}
	if err := s.SaveEvening(ctx, e); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Checkin(ctx, "2026-11-22")
	if err != nil {
		t.Fatal(err)
	}
	c.RecordedAt = got.RecordedAt
	sameCheckin(t, got, c)
	ge, _, err := s.Evening(ctx, "2026-11-22")
	if err != nil || ge.RoomTempC == nil || *ge.RoomTempC != 17.5 || ge.Bedding != "light" {
		t.Errorf("evening %+v, %v", ge, err)
	}
}

func TestImportMergesDosesAndLabs(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	iron := night.Dose{Night: "2026-11-22", Name: "iron", Amount: "65 mg", At: time.Date(2026, 11, 22, 20, 0, 0, 0, loc)}
	mag := night.Dose{Night: "2026-11-22", Name: "magnesium", At: time.Date(2026, 11, 22, 21, 0, 0, 0, loc)}
	if err := s.UpdateTaken(ctx, "2026-11-22", func([]night.Dose) ([]night.Dose, error) { return []night.Dose{iron}, nil }); err != nil {
		t.Fatal(err)
	}
	recs := []night.Record{{Night: "2026-11-22", Taken: []night.Dose{iron, mag}}, {Night: "2026-11-23", Taken: []night.Dose{mag}}}
	recs[1].Taken[0].Night = ""
	res, err := s.Import(ctx, recs, nil)
	if err != nil || res != (journal.ImportResult{Added: 1, Updated: 1}) {
		t.Fatalf("import: %+v, %v", res, err)
	}
	if res, err := s.Import(ctx, recs, nil); err != nil || res.Unchanged != 2 {
		t.Errorf("importing again: %+v, %v; want nothing changed", res, err)
	}
	all, err := s.Nights(ctx, "", "")
	if err != nil || len(all) != 2 || len(all[0].Taken) != 2 || len(all[1].Taken) != 1 {
		t.Fatalf("nights %+v, %v", all, err)
	}
	if _, _, n, _ := s.NightRange(ctx); n != 2 {
		t.Errorf("NightRange counts %d nights, want 2 (nights with doses alone)", n)
	}
	known, err := s.KnownDoses(ctx, 10)
	if err != nil || len(known) != 2 || known[0].Name != "magnesium" {
		t.Errorf("known %+v, %v", known, err)
	}

	fer := 48.0
	labs := []night.Lab{{Date: "2026-11-01", Ferritin: &fer}, {Date: "2026-11-15", Note: "pending"}}
	if res, err := s.Import(ctx, nil, labs); err != nil || res.LabsAdded != 2 || res.LabsUpdated != 0 {
		t.Errorf("importing results = %+v, %v", res, err)
	}
	labs[1].Note = "done"
	if res, err := s.Import(ctx, nil, labs); err != nil || res.LabsAdded != 0 || res.LabsUpdated != 1 {
		t.Errorf("importing results again = %+v, %v", res, err)
	}
	// A mistake in a night refuses the results in the same file too.
	labs[1].Note = "later"
	bad := []night.Record{{Night: "2026-11-24", Taken: []night.Dose{{Name: ""}}}}
	if _, err := s.Import(ctx, bad, labs); err == nil {
		t.Error("an import with a bad night was taken")
	}
	labs[1].Note = "done" // as stored: the refused file changed nothing
	if got, err := s.Labs(ctx); err != nil || !reflect.DeepEqual(got, labs) {
		t.Errorf("labs %+v, %v", got, err)
	}

	if err := s.DeleteNight(ctx, "2026-11-22", journal.EveningPart); err != nil {
		t.Fatal(err)
	}
	if all, _ := s.Nights(ctx, "2026-11-22", "2026-11-22"); len(all) != 0 {
		t.Errorf("after deleting the evening part: %+v", all)
	}
}

func TestStoreRefusesBadDoses(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	for _, d := range []night.Dose{{Name: ""}, {Name: "iron"}} {
		err := s.UpdateTaken(ctx, "2026-11-22", func([]night.Dose) ([]night.Dose, error) { return []night.Dose{d}, nil })
		if night.AsFieldErrors(err) == nil {
			t.Errorf("%+v: %v, want a field error", d, err)
		}
	}
}
