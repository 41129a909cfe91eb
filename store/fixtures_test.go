package store

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Released schema versions each have a fixture database, testdata/
// schema-vN.db, written once by the quietlegs of that version and checked
// in. Once released, a fixture never changes: -update-fixtures only writes
// the missing ones. After adding migration N, run
//
//	go test ./store/ -run TestFixtures -update-fixtures
//
// and check in testdata/schema-vN.db.
var updateFixtures = flag.Bool("update-fixtures", false, "write missing testdata/schema-vN.db fixtures")

func fixturePath(v int) string { return filepath.Join("testdata", fmt.Sprintf("schema-v%d.db", v)) }

// fixtureSessions are the runs in every fixture, as they read back.
func fixtureSessions(t testing.TB) []night.Run {
	t.Helper()
	loc := berlin(t)
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	start1 := time.Date(2025, 11, 22, 22, 15, 3, 123000000, loc)
	start2 := time.Date(2026, 3, 29, 1, 50, 0, 0, loc) // ends after the clocks went forward
	start3 := time.Date(2026, 11, 1, 1, 30, 0, 0, newYork)
	step := func(i int, title string, planned, actual time.Duration, st routine.StepStatus) routine.StepResult {
		return routine.StepResult{Index: i, Title: title, Planned: planned, Actual: actual, Status: st}
	}
	in := func(t time.Time, ref time.Time) time.Time {
		_, off := ref.Zone()
		return t.In(time.FixedZone("", off))
	}
	return []night.Run{
		{ID: 1, Routine: "wind-down", Title: "Evening wind-down", Night: "2025-11-22",
			StartedAt: in(start1, start1), EndedAt: in(start1.Add(14*time.Minute), start1),
			UpdatedAt: in(start1.Add(14*time.Minute), start1), Status: routine.Completed, Speed: 1,
			Planned: 14 * time.Minute, CurrentStep: 2, CurrentElapsed: 0, Steps: []routine.StepResult{
				step(0, "Calf stretch", 4*time.Minute, 4*time.Minute, routine.StepDone),
				step(1, "Warm compress", 10*time.Minute, 9*time.Minute+500*time.Millisecond, routine.StepDone),
			}},
		{ID: 2, Routine: "wind-down", Title: "Evening wind-down", Night: "2026-03-28",
			StartedAt: in(start2, start2), EndedAt: in(start2.Add(20*time.Minute), start2),
			UpdatedAt: in(start2.Add(20*time.Minute), start2), Status: routine.Partial, Speed: 2,
			Planned: 30 * time.Minute, CurrentStep: 2, CurrentElapsed: 90 * time.Second, Steps: []routine.StepResult{
				step(0, "Calf stretch", 4*time.Minute, 4*time.Minute, routine.StepDone),
				step(1, "Warm compress", 10*time.Minute, time.Minute, routine.StepSkipped),
			}},
		{ID: 3, Routine: "legs-up", Title: "", Night: "2026-10-31",
			StartedAt: in(start3, start3), UpdatedAt: in(start3.Add(3*time.Minute), start3),
			Status: routine.Running, Speed: 1, Planned: 6 * time.Minute, CurrentStep: 1,
			CurrentElapsed: 42 * time.Second, Steps: []routine.StepResult{
				step(0, "Legs up the wall", 3*time.Minute, 3*time.Minute, routine.StepDone),
			}},
	}
}

// fixtureNights are the evening logs and check-ins in fixtures of version
// 2 and later; from version 3 one evening left its checklist unanswered
// (before, every log reads as answered).
func fixtureNights(t testing.TB, v int) ([]night.Evening, []night.Checkin) {
	t.Helper()
	loc := berlin(t)
	c := testCheckin(t, "2026-03-28", loc) // across the change to summer time
	c.RecordedAt = time.Date(2026, 3, 29, 7, 30, 0, 0, loc)
	first := night.Evening{Night: "2026-03-28", At: time.Date(2026, 3, 28, 21, 40, 0, 0, loc), Symptoms: intp(6),
		Tags: []string{"caffeine", "long-sitting"}, Note: "long drive"}
	if v >= 5 {
		yes, temp := true, 19.5
		c.OnsetAt = time.Date(2026, 3, 28, 22, 10, 0, 0, loc)
		c.Side, c.Arms, c.Worst, c.LastedMin, c.Partner = night.SideBoth, &yes, intp(7), intp(90), night.PartnerNo
		first.RoomTempC, first.Bedding = &temp, "heavy"
	}
	return []night.Evening{
			first,
			{Night: "2026-10-31", At: time.Date(2026, 10, 31, 21, 0, 0, 0, loc), ChecklistSkipped: v >= 3},
		},
		[]night.Checkin{c}
}

// fixtureTaken and fixtureLabs are the doses and iron results in fixtures
// of version 5 and later.
func fixtureTaken(t testing.TB) []night.Dose {
	loc := berlin(t)
	return []night.Dose{
		{Night: "2026-03-28", Name: "iron", Amount: "65 mg", At: time.Date(2026, 3, 28, 20, 0, 0, 0, loc)},
		{Night: "2026-03-28", Name: "magnesium", At: time.Date(2026, 3, 28, 21, 15, 0, 0, loc)},
	}
}

func fixtureLabs() []night.Lab {
	fer, tsat := 48.0, 22.5
	return []night.Lab{{Date: "2026-02-10", Ferritin: &fer, TSAT: &tsat, Note: "fasting"}, {Date: "2026-05-01", Note: "pending"}}
}

// fixtureExperiment is the experiment in fixtures of version 3 and later:
// stopped early, in winter time.
func fixtureExperiment(t testing.TB) journal.Experiment {
	t.Helper()
	loc := berlin(t)
	return journal.Experiment{ID: 1, Item: "caffeine", Arm: journal.ArmWithout, FirstNight: "2026-10-31",
		Weeks: journal.Schedule(6, 20261031), Seed: 20261031,
		StartedAt: time.Date(2026, 10, 31, 20, 45, 0, 0, loc), StoppedAt: time.Date(2026, 11, 20, 8, 0, 0, 0, loc)}
}

// writeFixture builds a schema-version-v database at path with the
// fixture data, through the store's own API, migrating no further than v.
func writeFixture(t *testing.T, path string, v int) {
	ctx := context.Background()
	var now time.Time
	s, err := open(path, func() time.Time { return now }, v)
	if err != nil {
		t.Fatal(err)
	}
	for _, se := range fixtureSessions(t) {
		now = se.StartedAt
		id, err := s.StartRun(ctx, night.Run{Routine: se.Routine, Title: se.Title,
			Night: se.Night, StartedAt: se.StartedAt, Speed: se.Speed, Planned: se.Planned})
		if err != nil || id != se.ID {
			t.Fatalf("StartSession = %d, %v; want id %d", id, err, se.ID)
		}
		now = se.UpdatedAt
		if err := s.Checkpoint(ctx, id, night.Checkpoint{Steps: se.Steps, CurrentStep: se.CurrentStep,
			CurrentElapsed: se.CurrentElapsed, Status: se.Status, EndedAt: se.EndedAt}); err != nil {
			t.Fatal(err)
		}
	}
	if v >= 2 {
		es, cs := fixtureNights(t, v)
		for _, e := range es {
			if err := s.SaveEvening(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		for _, c := range cs {
			now = c.RecordedAt
			if err := s.SaveCheckin(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
	}
	if v >= 5 {
		ds := fixtureTaken(t)
		if err := s.UpdateTaken(ctx, ds[0].Night, func([]night.Dose) ([]night.Dose, error) { return ds, nil }); err != nil {
			t.Fatal(err)
		}
		for _, l := range fixtureLabs() {
			if err := s.UpdateLab(ctx, l.Date, func(night.Lab, bool) (night.Lab, error) { return l, nil }); err != nil {
				t.Fatal(err)
			}
		}
	}
	if v >= 3 {
		x := fixtureExperiment(t)
		id, err := s.StartExperiment(ctx, func(journal.Experiment, bool) (journal.Experiment, error) { return x, nil })
		if err != nil || id != x.ID {
			t.Fatalf("StartExperiment = %d, %v; want id %d", id, err, x.ID)
		}
		if err := s.StopExperiment(ctx, id, x.StoppedAt); err != nil {
			t.Fatal(err)
		}
	}
	if v >= 4 {
		for _, e := range fixtureEvents(t) {
			e.ID = 0 // a new event
			if _, err := s.SaveEvent(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// fixtureEvents are the flare-ups in fixtures of version 4 and later: two
// in the night the clocks went forward, one answered and one not.
func fixtureEvents(t testing.TB) []night.Event {
	t.Helper()
	loc := berlin(t)
	return []night.Event{
		{ID: 1, Night: "2026-03-28", At: time.Date(2026, 3, 29, 1, 40, 0, 0, loc), Severity: 7,
			Tried:         []night.Tried{{ID: "walk", Minutes: intp(10)}, {ID: "stretch"}},
			SeverityAfter: intp(3), Helped: night.HelpedALot},
		{ID: 2, Night: "2026-03-28", At: time.Date(2026, 3, 29, 4, 5, 0, 0, loc), Severity: 4},
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestFixturesUpgradeWithDataIntact(t *testing.T) {
	for v := 1; v <= LatestSchemaVersion; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			fixture := fixturePath(v)
			if _, err := os.Stat(fixture); errors.Is(err, os.ErrNotExist) && *updateFixtures {
				tmp := filepath.Join(t.TempDir(), "new.db")
				writeFixture(t, tmp, v)
				if err := os.MkdirAll("testdata", 0o755); err != nil {
					t.Fatal(err)
				}
				copyFile(t, tmp, fixture)
				t.Logf("wrote %s", fixture)
			} else if err != nil {
				t.Fatalf("%v: after adding a migration, run go test ./store/ -run TestFixtures -update-fixtures", err)
			}

			ctx := context.Background()
			dir := t.TempDir()
			path := filepath.Join(dir, "quietlegs.db")
			copyFile(t, fixture, path)
			var version int
			if err := rawDB(t, path).QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != v {
				t.Fatalf("fixture has schema version %d, %v; want %d", version, err, v)
			}
			clock := time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)
			s, err := open(path, func() time.Time { return clock }, LatestSchemaVersion)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			if got, err := s.SchemaVersion(ctx); err != nil || got != LatestSchemaVersion {
				t.Errorf("SchemaVersion after opening = %d, %v; want %d", got, err, LatestSchemaVersion)
			}
			checkFixtureData(t, s, v)

			backups := backupNames(t, dir, "quietlegs.db.v")
			want := []string(nil)
			if v < LatestSchemaVersion {
				want = []string{fmt.Sprintf("quietlegs.db.v%d-20270102T030405.000000000Z.bak", v)}
			}
			if !slices.Equal(backups, want) {
				t.Errorf("backups %v, want %v", backups, want)
			}
		})
	}
}

// checkFixtureData checks that s holds the data of a version-v fixture.
func checkFixtureData(t *testing.T, s *Store, v int) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Runs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	slices.Reverse(got) // oldest first, as the ids go
	want := fixtureSessions(t)
	if len(got) != len(want) {
		t.Fatalf("%d sessions, want %d", len(got), len(want))
	}
	for i := range want {
		sameSession(t, got[i], want[i])
	}
	if v < 2 {
		return
	}
	es, cs := fixtureNights(t, v)
	for _, e := range es {
		got, ok, err := s.Evening(ctx, e.Night)
		if err != nil || !ok || !sameInstant(got.At, e.At) || !reflect.DeepEqual(got.Symptoms, e.Symptoms) ||
			!slices.Equal(got.Tags, e.Tags) || got.Note != e.Note || got.ChecklistSkipped != e.ChecklistSkipped ||
			!reflect.DeepEqual(got.RoomTempC, e.RoomTempC) || got.Bedding != e.Bedding {
			t.Errorf("evening of %s = %+v, %v, %v; want %+v", e.Night, got, ok, err, e)
		}
	}
	for _, c := range cs {
		got, ok, err := s.Checkin(ctx, c.Night)
		if err != nil || !ok {
			t.Fatalf("check-in of %s: %v, %v", c.Night, ok, err)
		}
		sameCheckin(t, got, c)
	}
	checkFixtureTaken(t, s, v)
	x, ok, err := s.LatestExperiment(ctx)
	if v < 3 {
		if ok || err != nil {
			t.Errorf("experiment in a version-%d fixture: %+v, %v, %v", v, x, ok, err)
		}
		return
	}
	if err != nil || !ok {
		t.Fatalf("experiment: %v, %v", ok, err)
	}
	sameExperiment(t, x, fixtureExperiment(t))
	recs, err := s.Nights(ctx, "2026-03-28", "2026-03-28")
	if err != nil || len(recs) != 1 {
		t.Fatalf("night 2026-03-28: %+v, %v", recs, err)
	}
	var wantEvents []night.Event
	if v >= 4 {
		wantEvents = fixtureEvents(t)
	}
	if got := recs[0].Events; len(got) != len(wantEvents) {
		t.Errorf("flare-ups %+v, want %+v", got, wantEvents)
	} else {
		for i := range wantEvents {
			sameEvent(t, got[i], wantEvents[i])
		}
	}
}

// sameEvent checks that an event read back is e, at the same instant and
// offset.
func sameEvent(t *testing.T, got, e night.Event) {
	t.Helper()
	_, off1 := got.At.Zone()
	_, off2 := e.At.Zone()
	if !got.At.Equal(e.At) || off1 != off2 {
		t.Errorf("event at %v, want %v", got.At, e.At)
	}
	got.At, e.At = time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, e) {
		t.Errorf("event %+v, want %+v", got, e)
	}
}

// checkFixtureTaken checks the doses and iron results of a version-v
// fixture: none before version 5, so an upgraded journal starts with none.
func checkFixtureTaken(t *testing.T, s *Store, v int) {
	t.Helper()
	ctx := context.Background()
	recs, err := s.Nights(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	var got []night.Dose
	for _, r := range recs {
		got = append(got, r.Taken...)
	}
	labs, err := s.Labs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var want []night.Dose
	var wantLabs []night.Lab
	if v >= 5 {
		want, wantLabs = fixtureTaken(t), fixtureLabs()
	}
	if len(got) != len(want) {
		t.Fatalf("doses %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Name != want[i].Name || got[i].Amount != want[i].Amount || !sameInstant(got[i].At, want[i].At) {
			t.Errorf("dose %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if !reflect.DeepEqual(labs, wantLabs) {
		t.Errorf("labs %+v, want %+v", labs, wantLabs)
	}
}
