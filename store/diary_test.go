package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

func intp(n int) *int { return &n }

// sameInstant reports whether a and b are the same instant, to the second,
// read in the same UTC offset.
func sameInstant(a, b time.Time) bool {
	_, ao := a.Zone()
	_, bo := b.Zone()
	return a.Truncate(time.Second).Equal(b.Truncate(time.Second)) && ao == bo
}

func berlin(t testing.TB) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestEveningRoundTrip(t *testing.T) {
	cet := time.FixedZone("CET", 3600)
	at := time.Date(2026, 11, 22, 21, 30, 0, 0, cet)
	tests := []struct {
		name  string
		saves []night.Evening // saved in turn for night 2026-11-22
		want  night.Evening
	}{
		{"no rating, no tags",
			[]night.Evening{{Night: "2026-11-22", At: at, Note: "calm"}},
			night.Evening{Night: "2026-11-22", At: at, Note: "calm"}},
		{"tags are a sorted set",
			[]night.Evening{{Night: "2026-11-22", At: at, Symptoms: intp(0),
				Tags: []string{"caffeine", "alcohol", "caffeine", "old-item-9"}}},
			night.Evening{Night: "2026-11-22", At: at, Symptoms: intp(0),
				Tags: []string{"alcohol", "caffeine", "old-item-9"}}},
		{"saving again replaces the log and its tags",
			[]night.Evening{
				{Night: "2026-11-22", At: at, Symptoms: intp(7), Tags: []string{"caffeine", "alcohol"}, Note: "bad"},
				{Night: "2026-11-22", At: at.Add(time.Hour), Tags: []string{"magnesium", "alcohol"}},
			},
			night.Evening{Night: "2026-11-22", At: at.Add(time.Hour), Tags: []string{"alcohol", "magnesium"}}},
		{"saving with no tags clears them",
			[]night.Evening{
				{Night: "2026-11-22", At: at, Tags: []string{"caffeine"}},
				{Night: "2026-11-22", At: at, Symptoms: intp(10)},
			},
			night.Evening{Night: "2026-11-22", At: at, Symptoms: intp(10)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
			for _, e := range tt.saves {
				if err := s.SaveEvening(ctx, e); err != nil {
					t.Fatal(err)
				}
			}
			got, ok, err := s.Evening(ctx, "2026-11-22")
			if err != nil || !ok {
				t.Fatalf("Evening = %v, %v", ok, err)
			}
			if !sameInstant(got.At, tt.want.At) {
				t.Errorf("At = %v, want %v", got.At, tt.want.At)
			}
			got.At, tt.want.At = time.Time{}, time.Time{}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Evening\n got %+v\nwant %+v", got, tt.want)
			}
			if _, ok, err := s.Evening(ctx, "2026-11-23"); ok || err != nil {
				t.Errorf("Evening of a night without one = %v, %v", ok, err)
			}
		})
	}
}

func TestEveningWithoutTimeIsSavedAsNow(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	now := time.Date(2026, 11, 22, 21, 0, 0, 0, time.FixedZone("", -5*3600))
	s.now = func() time.Time { return now }
	if err := s.SaveEvening(ctx, night.Evening{Night: "2026-11-22"}); err != nil {
		t.Fatal(err)
	}
	got, _, err := s.Evening(ctx, "2026-11-22")
	if err != nil || !sameInstant(got.At, now) {
		t.Errorf("At = %v, %v; want %v", got.At, err, now)
	}
}

func TestInvalidDiaryIsRefusedWithTheField(t *testing.T) {
	loc := berlin(t)
	good := testCheckin(t, "2026-11-22", loc)
	tests := []struct {
		name  string
		save  func(s *Store) error
		field night.Field
	}{
		{"evening night", func(s *Store) error {
			return s.SaveEvening(context.Background(), night.Evening{Night: "22.11.2026"})
		}, "night"},
		{"evening symptoms", func(s *Store) error {
			return s.SaveEvening(context.Background(), night.Evening{Night: "2026-11-22", Symptoms: intp(11)})
		}, "symptoms"},
		{"evening tag", func(s *Store) error {
			return s.SaveEvening(context.Background(), night.Evening{Night: "2026-11-22", Tags: []string{"Coffee!"}})
		}, "tag"},
		{"check-in quality", func(s *Store) error {
			c := good
			c.Quality = 6
			return s.SaveCheckin(context.Background(), c)
		}, "quality"},
		{"check-in night", func(s *Store) error {
			c := good
			c.Night = ""
			return s.SaveCheckin(context.Background(), c)
		}, "night"},
		{"check-in with no times", func(s *Store) error {
			return s.SaveCheckin(context.Background(), night.Checkin{Night: "2026-11-22", Quality: 3, Rested: 3, Onset: night.OnsetNone})
		}, "in-bed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
			err := tt.save(s)
			var fe *night.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.field {
				t.Fatalf("error = %v, want a FieldError for %q", err, tt.field)
			}
			if err != error(fe) {
				t.Errorf("error %v is wrapped; want the FieldError itself", err)
			}
			recs, err := s.Nights(context.Background(), "", "")
			if err != nil || len(recs) != 0 {
				t.Errorf("after a refused save: %d nights, %v", len(recs), err)
			}
		})
	}
}

// testCheckin is a valid check-in typed in loc.
func testCheckin(t testing.TB, date string, loc *time.Location) night.Checkin {
	t.Helper()
	var cs []night.Clock
	for _, s := range []string{"22:00", "22:30", "06:30", "06:45"} {
		c, err := night.ParseClock(s)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	ts, err := night.Resolve(date, night.DefaultBoundary, loc, cs...)
	if err != nil {
		t.Fatal(err)
	}
	return night.Checkin{Night: date, InBed: ts[0], TriedSleep: ts[1], LatencyMin: 18, Awakenings: 2,
		AwakeMin: 30, FinalWake: ts[2], OutOfBed: ts[3], Quality: 3, Rested: 2, RLSSeverity: 4,
		Onset: night.OnsetBedtime, GotUp: 1, Notes: "legs at 3 am"}
}

// sameCheckin fails the test unless got and want agree, with every time the
// same instant in the same offset.
func sameCheckin(t *testing.T, got, want night.Checkin) {
	t.Helper()
	for _, f := range []struct {
		name      string
		got, want *time.Time
	}{{"InBed", &got.InBed, &want.InBed}, {"TriedSleep", &got.TriedSleep, &want.TriedSleep},
		{"FinalWake", &got.FinalWake, &want.FinalWake}, {"OutOfBed", &got.OutOfBed, &want.OutOfBed},
		{"RecordedAt", &got.RecordedAt, &want.RecordedAt}, {"OnsetAt", &got.OnsetAt, &want.OnsetAt}} {
		if !sameInstant(*f.got, *f.want) || f.got.IsZero() != f.want.IsZero() {
			t.Errorf("%s = %v, want %v", f.name, *f.got, *f.want)
		}
		*f.got, *f.want = time.Time{}, time.Time{}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("check-in\n got %+v\nwant %+v", got, want)
	}
}

func TestCheckinAcrossDaylightSavingKeepsOffsets(t *testing.T) {
	ctx := context.Background()
	loc := berlin(t)
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	saved := time.Date(2026, 3, 29, 7, 5, 0, 0, loc)
	s.now = func() time.Time { return saved }

	// Clocks go forward at 02:00 on 29 March 2026: bed at +01:00, up at +02:00.
	c := testCheckin(t, "2026-03-28", loc)
	if err := s.SaveCheckin(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, ok, err := s.Checkin(ctx, "2026-03-28")
	if err != nil || !ok {
		t.Fatalf("Checkin = %v, %v", ok, err)
	}
	want := c
	want.RecordedAt = saved
	sameCheckin(t, got, want)
	for _, tt := range []struct {
		t      time.Time
		offset int
	}{{got.InBed, 3600}, {got.TriedSleep, 3600}, {got.FinalWake, 7200}, {got.OutOfBed, 7200}} {
		if _, off := tt.t.Zone(); off != tt.offset {
			t.Errorf("%v read back with offset %d, want %d", tt.t, off, tt.offset)
		}
	}
	if f, g := got.Figures(), c.Figures(); f != g || f.TIB != 465 {
		t.Errorf("Figures after reading back = %+v, want %+v (TIB 465)", f, g)
	}

	// A second check-in for the night edits the first.
	c.Quality, c.Notes, c.OutOfBed = 5, "edited", c.OutOfBed.Add(10*time.Minute)
	saved = saved.Add(2 * time.Hour)
	if err := s.SaveCheckin(ctx, c); err != nil {
		t.Fatal(err)
	}
	got, _, err = s.Checkin(ctx, "2026-03-28")
	if err != nil {
		t.Fatal(err)
	}
	want = c
	want.RecordedAt = saved
	sameCheckin(t, got, want)
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM checkins").Scan(&n); err != nil || n != 1 {
		t.Errorf("%d check-ins stored, %v; want 1", n, err)
	}
}

func TestLatestCheckin(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	if _, ok, err := s.LatestCheckin(ctx); ok || err != nil {
		t.Errorf("LatestCheckin on an empty store = %v, %v; want false, nil", ok, err)
	}
	// Saved out of order: the latest night wins, not the latest save.
	for _, date := range []string{"2026-11-20", "2026-11-22", "2026-11-21"} {
		c := testCheckin(t, date, time.UTC)
		c.Notes = date
		if err := s.SaveCheckin(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	got, ok, err := s.LatestCheckin(ctx)
	if err != nil || !ok || got.Night != "2026-11-22" || got.Notes != "2026-11-22" {
		t.Errorf("LatestCheckin = night %s (%q), %v, %v; want 2026-11-22", got.Night, got.Notes, ok, err)
	}
	if _, _, err := s.Checkin(ctx, "tomorrow"); err == nil {
		t.Error("Checkin(\"tomorrow\") succeeded, want an error")
	}
}
