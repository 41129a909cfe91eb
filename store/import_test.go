package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// dump is every row of every table, as text, for comparing databases.
func dump(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	for _, table := range []string{"sessions", "session_steps", "evenings", "evening_tags", "checkins", "events"} {
		rows, err := s.db.Query("SELECT * FROM " + table + " ORDER BY 1, 2")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, table, vals)
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		rows.Close()
	}
	return b.String()
}

func allNights(t *testing.T, s *Store) []night.Record {
	t.Helper()
	recs, err := s.Nights(context.Background(), "", "")
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

func TestImportCountsAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	recs := genNights(t, "2026-03-25", 6, 9, loc) // across the daylight-saving change
	ev := recs[0].Evening
	if err := s.SaveEvening(ctx, *ev); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCheckin(ctx, *recs[1].Checkin); err != nil {
		t.Fatal(err)
	}
	saveRun(t, s, recs[2].Night, recs[2].Runs[0])
	if err := s.SaveEvening(ctx, *recs[3].Evening); err != nil {
		t.Fatal(err)
	}

	// Night 0: the same evening log, without its time (not known): unchanged.
	noTime := *ev
	noTime.At = time.Time{}
	// Night 1: the same check-in but a different rating: updated.
	c := *recs[1].Checkin
	c.Quality = c.Quality%5 + 1
	// Night 2: the same run, and another: updated.
	second := testRun("legs-up", recs[2].Runs[0].EndedAt.Add(time.Hour), routine.Abandoned, 2)
	// Night 3: the same evening log, the part's night left to the record:
	// unchanged. Night 4 and 5: new.
	ev3 := *recs[3].Evening
	ev3.Night = ""
	in := []night.Record{
		{Night: recs[0].Night, Evening: &noTime},
		{Night: recs[1].Night, Checkin: &c},
		{Night: recs[2].Night, Runs: []night.Run{recs[2].Runs[0], second}},
		{Night: recs[3].Night, Evening: &ev3},
		recs[4], recs[5],
	}
	res, err := s.Import(ctx, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (journal.ImportResult{Added: 2, Updated: 2, Unchanged: 2}); res != want {
		t.Errorf("first import = %+v, want %+v", res, want)
	}
	got, _, err := s.Evening(ctx, recs[0].Night)
	if err != nil || !sameInstant(got.At, ev.At) {
		t.Errorf("evening imported without a time has At %v, %v; want the stored %v", got.At, err, ev.At)
	}

	before, nightsBefore := dump(t, s), allNights(t, s)
	res, err = s.Import(ctx, in, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (journal.ImportResult{Unchanged: len(in)}); res != want {
		t.Errorf("second import = %+v, want %+v", res, want)
	}
	if after := dump(t, s); after != before {
		t.Errorf("second import changed the database\nbefore:\n%s\nafter:\n%s", before, after)
	}
	if after := allNights(t, s); !reflect.DeepEqual(after, nightsBefore) {
		t.Error("second import changed what Nights reads")
	}
}

func TestExportImportRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := openTest(t, filepath.Join(t.TempDir(), "src.db"))
	recs := genNights(t, "2026-10-20", 10, 5, berlin(t))
	recs[3].Runs = append(recs[3].Runs, testRun("wind-down", recs[3].Runs[0].EndedAt.Add(3*time.Hour), routine.Running, 1))
	recs[4].Evening, recs[5].Checkin, recs[6].Runs = nil, nil, nil
	res, err := src.Import(ctx, recs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := (journal.ImportResult{Added: len(recs)}); res != want {
		t.Errorf("import into an empty store = %+v, want %+v", res, want)
	}
	exported := allNights(t, src)

	dst := openTest(t, filepath.Join(t.TempDir(), "dst.db"))
	if _, err := dst.Import(ctx, exported, nil); err != nil {
		t.Fatal(err)
	}
	if got := allNights(t, dst); !reflect.DeepEqual(got, exported) {
		t.Errorf("exported then imported:\n got %+v\nwant %+v", got, exported)
	}
	if got := allNights(t, dst)[3].Runs[1]; got.Status != routine.Running || !got.EndedAt.IsZero() {
		t.Errorf("a running run imported as %+v", got)
	}
}

func TestImportMovesARunToItsNight(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	run := testRun("wind-down", time.Date(2026, 11, 23, 0, 40, 0, 0, time.UTC), routine.Completed, 2)
	saveRun(t, s, "2026-11-23", run) // filed by a day boundary of 0
	res, err := s.Import(ctx, []night.Record{{Night: "2026-11-22", Runs: []night.Run{run}}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res != (journal.ImportResult{Added: 1}) {
		t.Errorf("Import = %+v, want one added", res)
	}
	recs := allNights(t, s)
	if len(recs) != 1 || recs[0].Night != "2026-11-22" || len(recs[0].Runs) != 1 {
		t.Errorf("after import: %+v; want the run moved to 2026-11-22", recs)
	}
}

func TestInvalidImportWritesNothing(t *testing.T) {
	loc := time.UTC
	tests := []struct {
		name  string
		spoil func(r *night.Record)
		want  string
		field night.Field // of the wrapped FieldError, if any
	}{
		{"check-in rating", func(r *night.Record) { r.Checkin.Quality = 9 }, "night 2026-11-23: check-in: quality: 9 is out of range", "quality"},
		{"check-in time missing", func(r *night.Record) { r.Checkin.FinalWake = time.Time{} }, "night 2026-11-23: check-in: final", "final"},
		{"evening symptoms", func(r *night.Record) { r.Evening.Symptoms = intp(11) }, "night 2026-11-23: evening log: symptoms", "symptoms"},
		{"evening for another night", func(r *night.Record) { r.Evening.Night = "2026-11-24" }, "night 2026-11-23: evening log: night", "night"},
		{"record night", func(r *night.Record) { r.Night = "23/11/2026" }, `record 2: night: "23/11/2026" is not a date`, "night"},
		{"run status", func(r *night.Record) { r.Runs[0].Status = "paused" }, `night 2026-11-23: run 1 ("wind-down"): unknown status "paused"`, ""},
		{"run without end", func(r *night.Record) { r.Runs[0].EndedAt = time.Time{} }, "night 2026-11-23: run 1", ""},
		{"step status", func(r *night.Record) { r.Runs[0].Steps[1].Status = "maybe" }, `night 2026-11-23: run 1 ("wind-down"): step 1: unknown status "maybe"`, ""},
		{"step twice", func(r *night.Record) { r.Runs[0].Steps[1].Index = 0 }, "night 2026-11-23: run 1 (\"wind-down\"): step 0 is listed twice", ""},
		{"run twice", func(r *night.Record) { r.Runs = append(r.Runs, r.Runs[0]) }, "night 2026-11-23: run 2", ""},
		{"night twice", func(r *night.Record) { r.Night = "2026-11-22" }, "night 2026-11-22: listed more than once", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
			if _, err := s.Import(ctx, genNights(t, "2026-11-01", 2, 3, loc), nil); err != nil {
				t.Fatal(err)
			}
			before := dump(t, s)
			recs := genNights(t, "2026-11-22", 3, 3, loc)
			tt.spoil(&recs[1])
			res, err := s.Import(ctx, recs, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Import = %+v, %v; want an error saying %q", res, err, tt.want)
			}
			var fe *night.FieldError
			if tt.field != "" && (!errors.As(err, &fe) || fe.Field != tt.field) {
				t.Errorf("error %v does not wrap a FieldError for %q", err, tt.field)
			}
			if after := dump(t, s); after != before {
				t.Errorf("a refused import changed the database:\n%s", after)
			}
		})
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	before := dump(t, s)
	// Fail the last night's run, after every other part has been written.
	if _, err := s.db.ExecContext(ctx, `CREATE TEMP TRIGGER fail_run BEFORE INSERT ON sessions
		WHEN NEW.night = '2026-11-25' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	_, err := s.Import(ctx, genNights(t, "2026-11-20", 6, 3, time.UTC), nil)
	if err == nil || !strings.Contains(err.Error(), "disk on fire") || !strings.Contains(err.Error(), "night 2026-11-25") {
		t.Fatalf("Import error = %v, want the trigger's, naming the night", err)
	}
	if after := dump(t, s); after != before {
		t.Errorf("a failed import left:\n%s", after)
	}
}
