package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// testRun is a run of steps two-minute steps starting at start.
func testRun(name string, start time.Time, status routine.Status, steps int) night.Run {
	r := night.Run{Routine: name, Title: "Evening " + name, Status: status, StartedAt: start}
	for i := range steps {
		st := routine.StepResult{Index: i, Title: "step " + string(rune('A'+i%26)),
			Planned: 2 * time.Minute, Actual: 2*time.Minute + time.Duration(i)*time.Second, Status: routine.StepDone}
		if i%4 == 3 {
			st.Status, st.Actual = routine.StepSkipped, 0
		}
		r.Steps = append(r.Steps, st)
	}
	if status != routine.Running {
		r.EndedAt = start.Add(time.Duration(2*steps) * time.Minute)
	}
	return r
}

// genNights makes n consecutive nights from first, each with an evening
// log, a run of steps steps and a check-in, in loc.
func genNights(t testing.TB, first string, n, steps int, loc *time.Location) []night.Record {
	t.Helper()
	d, err := time.Parse(night.Layout, first)
	if err != nil {
		t.Fatal(err)
	}
	recs := make([]night.Record, n)
	for i := range recs {
		date := d.AddDate(0, 0, i).Format(night.Layout)
		c := testCheckin(t, date, loc)
		c.RLSSeverity, c.Quality = i%11, 1+i%5
		c.RecordedAt = c.OutOfBed.Add(15 * time.Minute)
		start := c.InBed.Add(-time.Hour)
		e := &night.Evening{Night: date, At: start.Add(-10 * time.Minute), Symptoms: intp(i % 11),
			Tags: []string{"caffeine", "magnesium"}[:i%3%2+1]}
		recs[i] = night.Record{Night: date, Evening: e, Checkin: &c,
			Runs: []night.Run{testRun("wind-down", start, routine.Completed, steps)}}
	}
	return recs
}

// saveRun stores r as a session through the routine's own API.
func saveRun(t *testing.T, s *Store, date string, r night.Run) {
	t.Helper()
	ctx := context.Background()
	id, err := s.StartRun(ctx, night.Run{Routine: r.Routine, Title: r.Title, Night: date,
		StartedAt: r.StartedAt, Speed: 1, Planned: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Checkpoint(ctx, id, night.Checkpoint{Steps: r.Steps, CurrentStep: len(r.Steps),
		Status: r.Status, EndedAt: r.EndedAt}); err != nil {
		t.Fatal(err)
	}
}

func nightsOf(recs []night.Record) []string {
	var ns []string
	for _, r := range recs {
		ns = append(ns, r.Night)
	}
	return ns
}

func TestNightsRangesAndOrder(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))

	if err := s.SaveEvening(ctx, night.Evening{Night: "2026-11-20", Symptoms: intp(3), Tags: []string{"alcohol"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCheckin(ctx, testCheckin(t, "2026-11-21", loc)); err != nil {
		t.Fatal(err)
	}
	// Runs only, saved out of order; the one at 00:40 still belongs to the 22nd.
	late := testRun("wind-down", time.Date(2026, 11, 23, 0, 40, 0, 0, loc), routine.Partial, 2)
	early := testRun("wind-down", time.Date(2026, 11, 22, 21, 0, 0, 0, loc), routine.Completed, 3)
	saveRun(t, s, night.Of(late.StartedAt, night.DefaultBoundary), late)
	saveRun(t, s, "2026-11-22", early)
	full := genNights(t, "2026-11-24", 1, 4, loc)[0]
	if err := s.SaveEvening(ctx, *full.Evening); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveCheckin(ctx, *full.Checkin); err != nil {
		t.Fatal(err)
	}
	saveRun(t, s, "2026-11-24", full.Runs[0])

	tests := []struct {
		from, to string
		want     []string
		wantErr  string
	}{
		{"", "", []string{"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-24"}, ""},
		{"2026-11-21", "", []string{"2026-11-21", "2026-11-22", "2026-11-24"}, ""},
		{"", "2026-11-22", []string{"2026-11-20", "2026-11-21", "2026-11-22"}, ""},
		{"2026-11-21", "2026-11-21", []string{"2026-11-21"}, ""},
		{"2026-11-22", "2026-11-24", []string{"2026-11-22", "2026-11-24"}, ""},
		{"2026-11-23", "2026-11-23", nil, ""},
		{"2026-11-24", "2026-11-20", nil, ""},
		{"2026-11-3", "", nil, `from: night: "2026-11-3" is not a date`},
		{"", "soon", nil, `to: night: "soon" is not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.from+".."+tt.to, func(t *testing.T) {
			recs, err := s.Nights(ctx, tt.from, tt.to)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := nightsOf(recs); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("nights %v, want %v", got, tt.want)
			}
		})
	}

	recs, err := s.Nights(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if r := recs[0]; r.Evening == nil || r.Checkin != nil || r.Runs != nil || *r.Evening.Symptoms != 3 {
		t.Errorf("evening-only night read as %+v", r)
	}
	if r := recs[1]; r.Evening != nil || r.Checkin == nil || r.Runs != nil || r.Checkin.Quality != 3 {
		t.Errorf("check-in-only night read as %+v", r)
	}
	r := recs[2]
	if r.Evening != nil || r.Checkin != nil || len(r.Runs) != 2 {
		t.Fatalf("runs-only night read as %+v", r)
	}
	for i, want := range []night.Run{early, late} {
		got := r.Runs[i]
		if !sameInstant(got.StartedAt, want.StartedAt) || !sameInstant(got.EndedAt, want.EndedAt) ||
			got.Status != want.Status || !reflect.DeepEqual(got.Steps, want.Steps) {
			t.Errorf("run %d\n got %+v\nwant %+v", i, got, want)
		}
	}
	if r := recs[3]; r.Evening == nil || r.Checkin == nil || len(r.Runs) != 1 || len(r.Runs[0].Steps) != 4 {
		t.Errorf("full night read as %+v", r)
	}
}

func TestNightsOfAnEmptyStore(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	recs, err := s.Nights(context.Background(), "", "")
	if err != nil || recs == nil || len(recs) != 0 {
		t.Errorf("Nights = %#v, %v; want an empty, non-nil list", recs, err)
	}
}

func TestNightRange(t *testing.T) {
	ctx := context.Background()
	s, err := Open(filepath.Join(t.TempDir(), "q.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if first, last, n, err := s.NightRange(ctx); err != nil || n != 0 || first != "" || last != "" {
		t.Fatalf("empty: %q %q %d %v", first, last, n, err)
	}
	three := 3
	for _, d := range []string{"2026-11-20", "2026-11-02", "2026-11-20"} {
		if err := s.SaveEvening(ctx, night.Evening{Night: d, Symptoms: &three}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.StartRun(ctx, night.Run{Routine: "quick", Night: "2026-11-25",
		StartedAt: time.Date(2026, 11, 25, 21, 0, 0, 0, time.UTC), Speed: 1}); err != nil {
		t.Fatal(err)
	}
	if first, last, n, err := s.NightRange(ctx); err != nil || first != "2026-11-02" || last != "2026-11-25" || n != 3 {
		t.Errorf("got %q %q %d %v, want 2026-11-02 2026-11-25 3", first, last, n, err)
	}
}

// TestEachNightIsNights: passed night by night, in windows, the nights are
// those Nights reads, for the whole record and for ranges across windows;
// an error from fn stops it and comes back as it is.
func TestEachNightIsNights(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	// More than two windows, with gaps: every fifth night has nothing, and
	// years pass between the first three nights and the rest.
	recs := genNights(t, "1990-05-01", 3, 2, berlin(t))
	for i, r := range genNights(t, "2024-01-01", 2*nightWindow+100, 2, berlin(t)) {
		if i%5 != 4 {
			recs = append(recs, r)
		}
	}
	if _, err := s.Import(ctx, recs, nil); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ from, to string }{{"", ""}, {"2024-03-01", "2026-02-01"}, {"2025-01-01", ""}, {"2030-01-01", ""}} {
		want, err := s.Nights(ctx, tt.from, tt.to)
		if err != nil {
			t.Fatal(err)
		}
		var got []night.Record
		if err := s.EachNight(ctx, tt.from, tt.to, func(r night.Record) error {
			got = append(got, r)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) || (len(got) > 0 && !reflect.DeepEqual(got, want)) {
			t.Errorf("[%s, %s]: EachNight passed %d nights, Nights reads %d, or they differ", tt.from, tt.to, len(got), len(want))
		}
	}
	stop := errors.New("stop")
	n := 0
	err := s.EachNight(ctx, "", "", func(night.Record) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("after fn failed at night 3: err %v after %d nights, want stop after 3", err, n)
	}
}

// TestEachNightBrief: every night, as EachNight passes it, without the
// runs' steps and the doses; a night with only doses is left out.
func TestEachNightBrief(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	loc := berlin(t)
	recs := genNights(t, "2024-01-01", nightWindow+40, 3, loc)
	dose := night.Dose{Night: "2024-01-05", Name: "iron", Amount: "65 mg", At: time.Date(2024, 1, 5, 20, 0, 0, 0, loc)}
	recs[4].Taken = []night.Dose{dose}
	onlyDose := dose
	onlyDose.Night = "2026-06-01"
	recs = append(recs, night.Record{Night: onlyDose.Night, Taken: []night.Dose{onlyDose}})
	if _, err := s.Import(ctx, recs, nil); err != nil {
		t.Fatal(err)
	}
	all, err := s.Nights(ctx, "", "")
	if err != nil {
		t.Fatal(err)
	}
	all = slices.DeleteFunc(all, func(r night.Record) bool { return r.Night == onlyDose.Night })
	var got []night.Record
	if err := s.EachNightBrief(ctx, func(r night.Record) error {
		got = append(got, r)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != len(all) {
		t.Fatalf("EachNightBrief passed %d nights, Nights reads %d", len(got), len(all))
	}
	for i, r := range all {
		if len(r.Runs) > 0 && len(r.Runs[0].Steps) == 0 {
			t.Fatalf("%s: the whole night has no steps to leave out", r.Night)
		}
		if want, _ := journaltest.Brief(r); !reflect.DeepEqual(got[i], want) {
			t.Errorf("%s: brief\n%+v\nwant the whole night without steps and doses\n%+v", r.Night, got[i], want)
		}
	}
}

// The windows EachNight reads end nightWindow-1 days on, or at the range's
// end, and stop at the last day a night can have.
func TestNightWindows(t *testing.T) {
	tests := []struct {
		first, hi, end string
		next           string // after end; "" for none
	}{
		{"2024-01-01", lastNight, "2025-05-26", "2025-05-27"},
		{"2024-01-01", "2024-02-01", "2024-02-01", "2024-02-02"},
		{"9999-12-01", lastNight, lastNight, ""},
		{"9999-12-31", "9999-12-31", "9999-12-31", ""},
	}
	for _, tt := range tests {
		end := windowEnd(tt.first, tt.hi)
		if end != tt.end {
			t.Errorf("windowEnd(%s, %s) = %s, want %s", tt.first, tt.hi, end, tt.end)
		}
		if next, ok := nextDay(end); next != tt.next || ok != (tt.next != "") {
			t.Errorf("nextDay(%s) = %q, %v, want %q", end, next, ok, tt.next)
		}
	}
}
