package store

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
)

func testExperiment(t testing.TB) journal.Experiment {
	return journal.Experiment{Item: "caffeine", Arm: journal.ArmWithout, FirstNight: "2026-11-22",
		Weeks: journal.Schedule(4, 42), Seed: 42, StartedAt: time.Date(2026, 11, 22, 20, 15, 0, 0, berlin(t))}
}

func sameExperiment(t *testing.T, got, want journal.Experiment) {
	t.Helper()
	if got.ID != want.ID || got.Item != want.Item || got.Arm != want.Arm || got.FirstNight != want.FirstNight ||
		!slices.Equal(got.Weeks, want.Weeks) || got.Seed != want.Seed || !sameInstant(got.StartedAt, want.StartedAt) ||
		got.StoppedAt.IsZero() != want.StoppedAt.IsZero() || !sameInstant(got.StoppedAt, want.StoppedAt) {
		t.Errorf("experiment = %+v\nwant %+v", got, want)
	}
}

func TestExperimentRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	if _, ok, err := s.LatestExperiment(ctx); ok || err != nil {
		t.Fatalf("empty database: %v, %v", ok, err)
	}
	want := testExperiment(t)
	want.Seed = 1<<63 - 1 // the largest seed stored
	id, err := s.StartExperiment(ctx, func(_ journal.Experiment, ok bool) (journal.Experiment, error) {
		if ok {
			t.Error("a latest experiment in an empty database")
		}
		return want, nil
	})
	if err != nil || id != 1 {
		t.Fatalf("StartExperiment = %d, %v", id, err)
	}
	want.ID = id
	got, ok, err := s.LatestExperiment(ctx)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	sameExperiment(t, got, want)
	if _, off := got.StartedAt.Zone(); off != 3600 {
		t.Errorf("started_at offset %d, want +01:00 kept", off)
	}

	// Stopping sets stopped_at once; a second stop keeps the first time.
	at := want.StartedAt.Add(50 * time.Hour)
	if err := s.StopExperiment(ctx, id, at); err != nil {
		t.Fatal(err)
	}
	if err := s.StopExperiment(ctx, id, at.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	want.StoppedAt = at
	got, _, _ = s.LatestExperiment(ctx)
	sameExperiment(t, got, want)
	if err := s.StopExperiment(ctx, 99, at); !errors.Is(err, ErrNotFound) {
		t.Errorf("stopping a missing experiment: %v", err)
	}

	// fn sees the latest, and its refusal saves nothing.
	refusal := errors.New("one at a time")
	_, err = s.StartExperiment(ctx, func(latest journal.Experiment, ok bool) (journal.Experiment, error) {
		if !ok || latest.ID != id {
			t.Errorf("latest = %+v, %v", latest, ok)
		}
		return latest, refusal
	})
	if err != refusal {
		t.Errorf("refused start: %v, want fn's error as it is", err)
	}
	second := testExperiment(t)
	second.Arm, second.FirstNight = journal.ArmWith, "2027-01-10"
	if id, err := s.StartExperiment(ctx, func(journal.Experiment, bool) (journal.Experiment, error) { return second, nil }); err != nil || id != 2 {
		t.Fatalf("second: %d, %v", id, err)
	}
	second.ID = 2
	got, _, _ = s.LatestExperiment(ctx)
	sameExperiment(t, got, second)
}

func TestExperimentUnbalancedIsRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s := openTest(t, path)
	e := testExperiment(t)
	e.Weeks = []bool{true, true, true, false}
	if _, err := s.StartExperiment(ctx, func(journal.Experiment, bool) (journal.Experiment, error) { return e, nil }); err == nil {
		t.Error("an unbalanced schedule was saved")
	}
	// The schema refuses one too, should anything get past Validate.
	db := rawDB(t, path)
	for _, sched := range []string{"1100x", "110", "1110", "10"} {
		if _, err := db.Exec(`INSERT INTO experiments (item, arm, first_night, schedule, seed, started_at)
			VALUES ('caffeine', 'with', '2026-11-22', ?, 1, '2026-11-22T20:00:00+01:00')`, sched); err == nil {
			t.Errorf("schedule %q stored", sched)
		}
	}
}
