package journal_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// zone loads a time zone, skipping the test where the zone database is
// missing.
func zone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Skipf("no zone %s: %v", name, err)
	}
	return loc
}

// journalIn is a journal over st whose clock reads now, in now's zone: the
// zone the journal reads times in, whatever the machine's.
func journalIn(st *journaltest.Storage, now time.Time) *journal.Journal {
	return journal.New(st, journal.Config{Settings: testSettings, Clock: routine.NewFakeClock(now)})
}

// asStored is c as the store reads it back: each time in a fixed zone of
// its offset.
func asStored(c night.Checkin) night.Checkin {
	fix := func(t time.Time) time.Time {
		_, off := t.Zone()
		return t.In(time.FixedZone("", off))
	}
	c.InBed, c.TriedSleep, c.FinalWake, c.OutOfBed = fix(c.InBed), fix(c.TriedSleep), fix(c.FinalWake), fix(c.OutOfBed)
	return c
}

// at is a time in a fixed offset of hours, as stored.
func at(y int, m time.Month, d, h, min, offHours int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.FixedZone("", offHours*3600))
}

// sameTimes fails unless a and b hold the same four instants, offsets too.
func sameTimes(t *testing.T, what string, got, want night.Checkin) {
	t.Helper()
	g := []time.Time{got.InBed, got.TriedSleep, got.FinalWake, got.OutOfBed}
	w := []time.Time{want.InBed, want.TriedSleep, want.FinalWake, want.OutOfBed}
	for i := range g {
		if !g[i].Equal(w[i]) || g[i].Format(time.RFC3339) != w[i].Format(time.RFC3339) {
			t.Errorf("%s: %s is %s, want %s", what, night.ClockFields[i], g[i].Format(time.RFC3339), w[i].Format(time.RFC3339))
		}
	}
}

// berlinFallBack is the night the clocks went back in 2026 (25 October,
// 03:00 summer time to 02:00), into bed at the first 02:30: 450 min in bed.
func berlinFallBack() night.Checkin {
	return night.Checkin{Night: "2026-10-24",
		InBed: at(2026, 10, 25, 2, 30, 2), TriedSleep: at(2026, 10, 25, 2, 45, 2),
		FinalWake: at(2026, 10, 25, 8, 30, 1), OutOfBed: at(2026, 10, 25, 9, 0, 1),
		LatencyMin: 10, Quality: 3, Rested: 3, RLSSeverity: 4, Onset: night.OnsetBedtime}
}

// TestEditKeepsStoredTimes: changing one answer moves no stored time,
// whatever zone the journal is in now, from flags (only the rating given)
// and from the form (every answer given, the times as shown).
func TestEditKeepsStoredTimes(t *testing.T) {
	berlin, newYork, tokyo := zone(t, "Europe/Berlin"), zone(t, "America/New_York"), zone(t, "Asia/Tokyo")
	nyNight := night.Checkin{Night: "2026-11-22",
		InBed: at(2026, 11, 22, 22, 0, -5), TriedSleep: at(2026, 11, 22, 22, 30, -5),
		FinalWake: at(2026, 11, 23, 6, 30, -5), OutOfBed: at(2026, 11, 23, 6, 45, -5),
		LatencyMin: 18, Awakenings: 2, AwakeMin: 30, Quality: 3, Rested: 3, RLSSeverity: 4, Onset: night.OnsetBedtime}
	tests := []struct {
		name  string
		old   night.Checkin
		tib   int
		nowIn *time.Location
	}{
		{"Berlin fall back, edited in Berlin", berlinFallBack(), 450, berlin},
		{"Berlin fall back, edited in New York", berlinFallBack(), 450, newYork},
		{"New York, edited in Berlin", nyNight, 525, berlin},
		{"New York, edited in Tokyo", nyNight, 525, tokyo},
	}
	for _, tt := range tests {
		for _, form := range []bool{false, true} {
			name := tt.name + ", flags"
			if form {
				name = tt.name + ", form"
			}
			t.Run(name, func(t *testing.T) {
				st := journaltest.New()
				st.Checkins[tt.old.Night] = tt.old
				j := journalIn(st, time.Date(2026, 11, 25, 9, 0, 0, 0, tt.nowIn))
				a := journal.Answers{night.FieldRLS: "5"}
				if form {
					a = journal.AnswersOf(tt.old)
					a[night.FieldRLS] = "5"
				}
				saved, err := j.SaveCheckin(context.Background(), tt.old.Night, a)
				if err != nil {
					t.Fatal(err)
				}
				if saved.Figures.TIB != tt.tib || saved.Checkin.RLSSeverity != 5 || len(saved.Notes) != 0 {
					t.Errorf("TIB %d, rls %d, notes %q; want TIB %d, rls 5, no notes", saved.Figures.TIB, saved.Checkin.RLSSeverity, saved.Notes, tt.tib)
				}
				sameTimes(t, "after --rls 5", st.Checkins[tt.old.Night], tt.old)
			})
		}
	}
}

// TestEditLosAngelesInTokyo: a check-in saved in Los Angeles and edited in
// Tokyo keeps its times, and a changed time is read in Los Angeles' time,
// next to its neighbours.
func TestEditLosAngelesInTokyo(t *testing.T) {
	la, tokyo := zone(t, "America/Los_Angeles"), zone(t, "Asia/Tokyo")
	st := journaltest.New()
	ctx := context.Background()
	if _, err := journalIn(st, time.Date(2026, 11, 23, 8, 0, 0, 0, la)).SaveCheckin(ctx, "2026-11-22", fullNight); err != nil {
		t.Fatal(err)
	}
	st.Checkins["2026-11-22"] = asStored(st.Checkins["2026-11-22"])
	before := st.Checkins["2026-11-22"]
	if want := at(2026, 11, 22, 22, 0, -8); !before.InBed.Equal(want) {
		t.Fatalf("saved in Los Angeles: into bed %v, want %v", before.InBed, want)
	}
	j := journalIn(st, time.Date(2026, 11, 24, 9, 0, 0, 0, tokyo))
	saved, err := j.SaveCheckin(ctx, "2026-11-22", journal.Answers{night.FieldRLS: "6"})
	if err != nil {
		t.Fatal(err)
	}
	sameTimes(t, "after --rls 6 in Tokyo", saved.Checkin, before)
	if saved.Figures.TIB != 525 {
		t.Errorf("TIB %d, want 525", saved.Figures.TIB)
	}
	// The form sends every answer; out of bed changed to 07:00.
	a := journal.AnswersOf(st.Checkins["2026-11-22"])
	a[night.FieldOut] = "07:00"
	saved, err = j.SaveCheckin(ctx, "2026-11-22", a)
	if err != nil {
		t.Fatal(err)
	}
	want := before
	want.OutOfBed = at(2026, 11, 23, 7, 0, -8)
	sameTimes(t, "after --out 07:00 in Tokyo", saved.Checkin, want)
	if saved.Figures.TIB != 540 {
		t.Errorf("TIB %d, want 540", saved.Figures.TIB)
	}
	// Into bed changed, placed before the time kept after it.
	saved, err = j.SaveCheckin(ctx, "2026-11-22", journal.Answers{night.FieldInBed: "21:45"})
	if err != nil {
		t.Fatal(err)
	}
	want.InBed = at(2026, 11, 22, 21, 45, -8)
	sameTimes(t, "after --in-bed 21:45 in Tokyo", saved.Checkin, want)
}

// TestFallBackNight: a time that happened twice is read as the first with
// a note from flags, the second when asked for, and asked about by the
// form's check.
func TestFallBackNight(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	now := time.Date(2026, 10, 25, 10, 0, 0, 0, berlin)
	answers := journal.Answers{
		night.FieldInBed: "01:50", night.FieldTried: "02:30", night.FieldLatency: "10", night.FieldAwakenings: "0",
		night.FieldAwake: "0", night.FieldFinal: "08:30", night.FieldOut: "09:00",
		night.FieldQuality: "3", night.FieldRested: "3", night.FieldRLS: "0", night.FieldOnset: "none", night.FieldGotUp: "0",
	}
	ctx := context.Background()

	st := journaltest.New()
	saved, err := journalIn(st, now).SaveCheckin(ctx, "2026-10-24", answers)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC); !saved.Checkin.TriedSleep.Equal(want) {
		t.Errorf("tried %v, want the first 02:30, %v", saved.Checkin.TriedSleep, want)
	}
	if len(saved.Notes) != 1 || !strings.Contains(saved.Notes[0], `tried: 02:30 happened twice that night (the clocks went back): read as the first, 02:30 (+02:00, summer time); for the second, give "02:30 second"`) {
		t.Errorf("notes %q", saved.Notes)
	}
	if saved.Figures.TIB != 490 { // 23:50 to 08:00 UTC
		t.Errorf("TIB %d, want 490", saved.Figures.TIB)
	}

	st = journaltest.New()
	saved, err = journalIn(st, now).SaveCheckin(ctx, "2026-10-24", with(answers, night.FieldTried, "02:30 second"))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC); !saved.Checkin.TriedSleep.Equal(want) || len(saved.Notes) != 0 {
		t.Errorf("tried %v, notes %q; want the second 02:30, %v, and no note", saved.Checkin.TriedSleep, saved.Notes, want)
	}

	// After the first 02:40, 02:30 can only be the second: no question.
	st = journaltest.New()
	saved, err = journalIn(st, now).SaveCheckin(ctx, "2026-10-24", withAll(answers, journal.Answers{night.FieldInBed: "02:40 first", night.FieldTried: "02:30"}))
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC); !saved.Checkin.TriedSleep.Equal(want) || len(saved.Notes) != 0 {
		t.Errorf("tried %v, notes %q; want the second 02:30, %v", saved.Checkin.TriedSleep, saved.Notes, want)
	}

	_, errs := journalIn(journaltest.New(), now).CheckCheckin("2026-10-24", answers)
	e := errs.Find(night.FieldTried)
	if len(errs) != 1 || e == nil || e.Msg != "02:30 happened twice as the clocks went back: the first 02:30 (+02:00, summer time), or the second (+01:00)?" ||
		len(e.Readings) != 2 || e.Readings[0].Answer != "02:30 first" || e.Readings[1].Answer != "02:30 second" {
		t.Fatalf("check: %v, %+v", errs, e)
	}
	if _, errs := journalIn(journaltest.New(), now).CheckCheckin("2026-10-24", with(answers, night.FieldTried, e.Readings[1].Answer)); errs != nil {
		t.Errorf("answered the second: %v", errs)
	}
}

// TestSpringForwardNight: a time the clocks skipped is refused at its
// field, for a new night and for an edit.
func TestSpringForwardNight(t *testing.T) {
	berlin := zone(t, "Europe/Berlin")
	now := time.Date(2026, 3, 29, 10, 0, 0, 0, berlin)
	answers := journal.Answers{
		night.FieldInBed: "23:00", night.FieldTried: "23:30", night.FieldFinal: "02:30", night.FieldOut: "07:00",
		night.FieldQuality: "3", night.FieldRested: "3",
	}
	ctx := context.Background()
	st := journaltest.New()
	_, err := journalIn(st, now).SaveCheckin(ctx, "2026-03-28", answers)
	const want = "final: 02:30 never happened that night: the clocks went forward from 02:00 to 03:00"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %q", err, want)
	}
	saved, err := journalIn(st, now).SaveCheckin(ctx, "2026-03-28", with(answers, night.FieldFinal, "06:30"))
	if err != nil {
		t.Fatal(err)
	}
	if saved.Figures.TIB != 420 { // 23:00 +01:00 to 07:00 +02:00
		t.Errorf("TIB %d, want 420", saved.Figures.TIB)
	}
	st.Checkins["2026-03-28"] = asStored(st.Checkins["2026-03-28"])
	if _, err := journalIn(st, now).SaveCheckin(ctx, "2026-03-28", journal.Answers{night.FieldFinal: "02:15"}); err == nil ||
		err.Error() != "final: 02:15 never happened that night: the clocks went forward from 02:00 to 03:00" {
		t.Errorf("edit to a skipped time: %v", err)
	}
}

// TestCheckAsksWhichHalfOfTheClock: the form's check asks about a time
// that may be on the wrong half of the clock, offering both readings.
func TestCheckAsksWhichHalfOfTheClock(t *testing.T) {
	j, _, _ := newTestJournal(t, 8, 0)
	_, errs := j.CheckCheckin("2026-11-22", with(fullNight, night.FieldInBed, "9:30"))
	e := errs.Find(night.FieldInBed)
	if len(errs) != 1 || e == nil || e.Msg != "9:30 in the morning, or 21:30?" || len(e.Readings) != 2 ||
		e.Readings[0] != (night.Reading{Label: "9:30 in the morning", Answer: "9:30am"}) ||
		e.Readings[1] != (night.Reading{Label: "21:30", Answer: "21:30"}) {
		t.Fatalf("check: %v, %+v", errs, e)
	}
	if _, errs := j.CheckCheckin("2026-11-22", with(fullNight, night.FieldInBed, e.Readings[1].Answer)); errs != nil {
		t.Errorf("answered 21:30: %v", errs)
	}
	_, errs = j.CheckCheckin("2026-11-22", with(fullNight, night.FieldInBed, e.Readings[0].Answer))
	if msg := errs.At(night.FieldOut); !strings.Contains(msg, "more than 16 hours") {
		t.Errorf("answered 9:30 in the morning: %v", errs)
	}
}
