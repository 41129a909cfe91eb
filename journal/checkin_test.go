package journal_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// fullNight is the README's worked example, as typed.
var fullNight = journal.Answers{
	night.FieldInBed: "22:00", night.FieldTried: "22:30", night.FieldLatency: "18",
	night.FieldAwakenings: "2", night.FieldAwake: "30", night.FieldFinal: "06:30", night.FieldOut: "06:45",
	night.FieldQuality: "3", night.FieldRested: "3", night.FieldRLS: "4", night.FieldOnset: "bedtime",
	night.FieldGotUp: "1", night.FieldNote: "  woke at 3  ",
}

func TestSaveCheckinNewNight(t *testing.T) {
	j, st, _ := newTestJournal(t, 8, 0)
	saved, err := j.SaveCheckin(context.Background(), "2026-11-22", fullNight)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Updated {
		t.Error("a first check-in reads as an update")
	}
	if f := saved.Figures; f.TIB != 525 || f.TST != 432 || f.SE != 82.29 {
		t.Errorf("figures = %+v, want TIB 525, TST 432, SE 82.29", f)
	}
	c := st.Checkins["2026-11-22"]
	if c.Notes != "woke at 3" || c.Onset != night.OnsetBedtime || c.GotUp != 1 {
		t.Errorf("stored %+v", c)
	}
	if want := time.Date(2026, 11, 23, 6, 30, 0, 0, time.UTC); !c.FinalWake.Equal(want) {
		t.Errorf("final awakening %v, want the next morning %v", c.FinalWake, want)
	}
}

func TestSaveCheckinAmendsOnlyWhatIsGiven(t *testing.T) {
	j, st, _ := newTestJournal(t, 8, 0)
	ctx := context.Background()
	if _, err := j.SaveCheckin(ctx, "2026-11-22", fullNight); err != nil {
		t.Fatal(err)
	}
	saved, err := j.SaveCheckin(ctx, "2026-11-22", journal.Answers{night.FieldRLS: "7"})
	if err != nil {
		t.Fatal(err)
	}
	c := st.Checkins["2026-11-22"]
	if !saved.Updated || c.RLSSeverity != 7 || c.Quality != 3 || c.Notes != "woke at 3" || c.LatencyMin != 18 {
		t.Errorf("after --rls 7: updated %v, %+v", saved.Updated, c)
	}
	if saved.Figures.TIB != 525 {
		t.Errorf("TIB after amending the rating = %d, want 525", saved.Figures.TIB)
	}
}

func TestSaveCheckinNamesEveryProblem(t *testing.T) {
	tests := []struct {
		name    string
		answers journal.Answers
		want    map[night.Field]string
	}{
		{"a new night needs times and ratings", journal.Answers{night.FieldRLS: "3"}, map[night.Field]string{
			night.FieldInBed: "is needed for a new check-in", night.FieldTried: "is needed",
			night.FieldFinal: "is needed", night.FieldOut: "is needed",
			night.FieldQuality: "is needed for a new check-in (1-5)", night.FieldRested: "is needed",
		}},
		{"not a number", with(fullNight, night.FieldLatency, "abc"), map[night.Field]string{
			night.FieldLatency: `"abc" is not a number: type whole minutes, e.g. 15`,
		}},
		{"blank count", with(fullNight, night.FieldAwake, ""), map[night.Field]string{
			night.FieldAwake: "type a number (0 if none)",
		}},
		{"not a time", with(fullNight, night.FieldTried, "half ten"), map[night.Field]string{
			night.FieldTried: `"half ten" is not a time`,
		}},
		{"out of range", with(fullNight, night.FieldQuality, "9"), map[night.Field]string{
			night.FieldQuality: "9 is out of range (1-5)",
		}},
		{"unanswered choice", with(fullNight, night.FieldOnset, ""), map[night.Field]string{
			night.FieldOnset: "choose one",
		}},
		{"a control character in the note", with(fullNight, night.FieldNote, "hi\x1b]0;pwned\x07"), map[night.Field]string{
			night.FieldNote: "control character (ESC) at character 3",
		}},
		{"latency alone longer than the night", with(fullNight, night.FieldLatency, "600"), map[night.Field]string{
			night.FieldLatency: "600 min to fall asleep plus 30 min awake",
		}},
		{"symptoms with no onset", with(fullNight, night.FieldOnset, "none"), map[night.Field]string{
			night.FieldOnset: "none, but leg symptoms were rated 4 (--rls)",
		}},
		{"got up with no symptoms", with(with(fullNight, night.FieldRLS, "0"), night.FieldOnset, "none"), map[night.Field]string{
			night.FieldGotUp: "1 times up because of your legs, but leg symptoms were rated 0",
		}},
		{"awake with no awakening", with(fullNight, night.FieldAwakenings, "0"), map[night.Field]string{
			night.FieldAwake: "30 min awake, but 0 awakenings",
		}},
		{"no time in bed", withAll(fullNight, journal.Answers{night.FieldInBed: "22:00", night.FieldTried: "22:00",
			night.FieldFinal: "22:00", night.FieldOut: "22:00", night.FieldLatency: "0", night.FieldAwake: "0"}), map[night.Field]string{
			night.FieldOut: "that is no time in bed",
		}},
		{"a time on the wrong half of the clock", with(fullNight, night.FieldInBed, "9:30"), map[night.Field]string{
			night.FieldInBed: "9:30 gives 21 h 15 min in bed; did you mean 21:30?",
		}},
		{"latency and awake longer than the night", with(fullNight, night.FieldAwake, "500"), map[night.Field]string{
			night.FieldAwake: "18 min to fall asleep plus 500 min awake",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, st, _ := newTestJournal(t, 8, 0)
			_, err := j.SaveCheckin(context.Background(), "2026-11-22", tt.answers)
			errs := night.AsFieldErrors(err)
			if len(errs) != len(tt.want) {
				t.Fatalf("errors = %v, want one for each of %v", err, tt.want)
			}
			for f, msg := range tt.want {
				if got := errs.At(f); !strings.Contains(got, msg) {
					t.Errorf("at %s: %q, want %q", f, got, msg)
				}
			}
			if len(st.Checkins) != 0 {
				t.Error("a refused check-in was saved")
			}
		})
	}
}

func withAll(a, more journal.Answers) journal.Answers {
	for f, v := range more {
		a = with(a, f, v)
	}
	return a
}

func with(a journal.Answers, f night.Field, v string) journal.Answers {
	out := journal.Answers{}
	for k, x := range a {
		out[k] = x
	}
	out[f] = v
	return out
}

func TestSaveCheckinRefusesABadNight(t *testing.T) {
	j, _, _ := newTestJournal(t, 8, 0)
	_, err := j.SaveCheckin(context.Background(), "2026-02-30", fullNight)
	if msg := night.AsFieldErrors(err).At(night.FieldNight); !strings.Contains(msg, "2026-02-30 does not exist: February 2026 has 28 days") {
		t.Errorf("error = %v, want one at the night", err)
	}
}

func TestDraftCheckin(t *testing.T) {
	ctx := context.Background()
	t.Run("a night with a check-in opens it to edit", func(t *testing.T) {
		j, _, _ := newTestJournal(t, 8, 0)
		if _, err := j.SaveCheckin(ctx, "2026-11-22", fullNight); err != nil {
			t.Fatal(err)
		}
		d, err := j.DraftCheckin(ctx, "2026-11-22")
		if err != nil || !d.Editing || d.Answers[night.FieldNote] != "woke at 3" || d.Answers[night.FieldInBed] != "22:00" {
			t.Errorf("draft = %+v, %v", d, err)
		}
	})
	t.Run("a new night suggests the last answers and tonight's routine", func(t *testing.T) {
		j, st, _ := newTestJournal(t, 8, 0)
		if _, err := j.SaveCheckin(ctx, "2026-11-21", fullNight); err != nil {
			t.Fatal(err)
		}
		st.Runs = append(st.Runs, night.Run{ID: 1, Routine: "quick", Night: "2026-11-22", Status: routine.Completed,
			StartedAt: time.Date(2026, 11, 22, 22, 50, 0, 0, time.UTC),
			EndedAt:   time.Date(2026, 11, 22, 23, 20, 29, 0, time.UTC)})
		d, err := j.DraftCheckin(ctx, "2026-11-22")
		if err != nil {
			t.Fatal(err)
		}
		a := d.Answers
		if d.Editing {
			t.Errorf("draft = %+v", d)
		}
		// Yesterday's ratings, counts and note are not today's answers.
		for _, f := range []night.Field{night.FieldQuality, night.FieldRested, night.FieldRLS, night.FieldOnset,
			night.FieldGotUp, night.FieldLatency, night.FieldAwakenings, night.FieldAwake, night.FieldNote} {
			if v, ok := a[f]; ok {
				t.Errorf("%s drafted as %q, want no answer", f, v)
			}
		}
		if a[night.FieldInBed] != "23:20" || a[night.FieldTried] != "23:20" || a[night.FieldFinal] != "06:30" || a[night.FieldOut] != "06:45" {
			t.Errorf("times %v; want into bed and tried 23:20, from the routine's end, the rest from the last check-in", a)
		}
		for _, f := range night.ClockFields {
			if !d.Suggested[f] {
				t.Errorf("%s is not marked suggested: %v", f, d.Suggested)
			}
		}
	})
	t.Run("a past night suggests its own routine's end, not tonight's", func(t *testing.T) {
		j, st, _ := newTestJournal(t, 8, 0)
		if _, err := j.SaveCheckin(ctx, "2026-11-22", fullNight); err != nil {
			t.Fatal(err)
		}
		st.Runs = append(st.Runs,
			night.Run{ID: 1, Routine: "quick", Night: "2026-11-20", Status: routine.Completed,
				StartedAt: time.Date(2026, 11, 20, 21, 10, 0, 0, time.UTC), EndedAt: time.Date(2026, 11, 20, 21, 40, 0, 0, time.UTC)},
			night.Run{ID: 2, Routine: "quick", Night: "2026-11-22", Status: routine.Completed,
				StartedAt: time.Date(2026, 11, 22, 22, 50, 0, 0, time.UTC), EndedAt: time.Date(2026, 11, 22, 23, 20, 0, 0, time.UTC)})
		d, err := j.DraftCheckin(ctx, "2026-11-20")
		if err != nil {
			t.Fatal(err)
		}
		if got := d.Answers[night.FieldInBed]; got != "21:40" || !d.Suggested[night.FieldInBed] {
			t.Errorf("into bed %q (suggested %v), want 21:40 from the night's own routine", got, d.Suggested[night.FieldInBed])
		}
	})
	t.Run("a first check-in starts blank", func(t *testing.T) {
		j, _, _ := newTestJournal(t, 8, 0)
		d, err := j.DraftCheckin(ctx, "2026-11-22")
		if err != nil || len(d.Answers) != 0 || d.Editing {
			t.Errorf("draft = %+v, %v", d, err)
		}
	})
}

func TestCheckCheckinSavesNothing(t *testing.T) {
	j, st, _ := newTestJournal(t, 8, 0)
	c, errs := j.CheckCheckin("2026-11-22", fullNight)
	if errs != nil || c.Figures().TST != 432 {
		t.Errorf("CheckCheckin = %+v, %v", c, errs)
	}
	if len(st.Checkins) != 0 {
		t.Error("CheckCheckin saved")
	}
}

// TestNightsYetToCome: a night after tonight, and a morning that has not
// happened yet, are refused; an export holding a night to come is refused
// with its place in the file.
func TestNightsYetToCome(t *testing.T) {
	ctx := context.Background()
	j, st, _ := newTestJournal(t, 8, 0) // 08:00 on 23 November: tonight is the 22nd
	if _, err := j.SaveCheckin(ctx, "2026-11-23", fullNight); !strings.Contains(night.AsFieldErrors(err).At(night.FieldNight), "has not come yet") {
		t.Errorf("a check-in for the 23rd: %v, want the night refused", err)
	}
	_, err := j.SaveCheckin(ctx, "2026-11-22", with(fullNight, night.FieldOut, "08:30"))
	if !strings.Contains(night.AsFieldErrors(err).At(night.FieldOut), "has not happened yet") {
		t.Errorf("getting up at 08:30, at 08:00: %v, want it refused at out", err)
	}
	if _, _, err := j.AmendEvening(ctx, journal.EveningChange{Night: "2026-12-25", Symptoms: ptr(3)}); !strings.Contains(night.AsFieldErrors(err).At(night.FieldNight), "has not come yet") {
		t.Errorf("an evening log for Christmas: %v, want it refused", err)
	}
	_, err = j.Import(ctx, strings.NewReader(`{"nights":[{"night":"2026-11-22"},{"night":"2027-01-01"}]}`))
	if err == nil || !strings.Contains(err.Error(), "line 1, column") || !strings.Contains(err.Error(), "2027-01-01 has not come yet") {
		t.Errorf("import of a night to come: %v", err)
	}
	if len(st.Checkins)+len(st.Evenings) != 0 {
		t.Error("something was saved")
	}
}
