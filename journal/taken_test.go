package journal_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

// tookJournal is a test journal at 21:30 on 23 November, whose iron and
// magnesium checklist items are answered by what is taken.
func tookJournal(t *testing.T) (*journal.Journal, map[string][]night.Dose, func() map[string]night.Evening) {
	j, st, _ := newTestJournal(t, 21, 30)
	set := j.Settings()
	set.Checklist = append(set.Checklist,
		night.Item{ID: "iron", Label: "Iron supplement", Kind: night.Remedy, Taken: []string{"iron", "ferrous"}},
		night.Item{ID: "magnesium", Label: "Magnesium", Kind: night.Remedy, Taken: []string{"magnesium"}})
	j = journal.New(st, journal.Config{Settings: set, Clock: j.Clock()})
	return j, st.Taken, func() map[string]night.Evening { return st.Evenings }
}

func TestTookRecordsWordsAndTime(t *testing.T) {
	j, taken, _ := tookJournal(t)
	ctx := context.Background()
	d, _, err := j.Took(ctx, journal.Dose{Name: " Iron bisglycinate ", Amount: "65 mg"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Night != "2026-11-23" || d.Name != "Iron bisglycinate" || !d.At.Equal(time.Date(2026, 11, 23, 21, 30, 0, 0, time.UTC)) {
		t.Errorf("saved %+v", d)
	}
	if _, _, err := j.Took(ctx, journal.Dose{Name: "magnesium", At: "20:15"}); err != nil {
		t.Fatal(err)
	}
	ds := taken["2026-11-23"]
	if len(ds) != 2 || ds[0].Name != "magnesium" || ds[1].Amount != "65 mg" {
		t.Errorf("doses %+v, want in the order taken", ds)
	}
	if _, _, err := j.Took(ctx, journal.Dose{Name: "iron", At: "01:30", Night: "2026-11-21"}); err != nil {
		t.Fatal(err)
	}
	if got := taken["2026-11-21"][0].At; !got.Equal(time.Date(2026, 11, 22, 1, 30, 0, 0, time.UTC)) {
		t.Errorf("01:30 of the night of 21 November = %v, want the next morning", got)
	}
}

func TestTookRefuses(t *testing.T) {
	long := strings.Repeat("x", night.MaxDoseName+1)
	tests := []struct {
		name  string
		d     journal.Dose
		field night.Field
		want  string
	}{
		{"no name", journal.Dose{Name: "  "}, night.FieldTookName, "missing"},
		{"a name too long", journal.Dose{Name: long}, night.FieldTookName, "longer"},
		{"control characters", journal.Dose{Name: "iron\x1b[2J"}, night.FieldTookName, ""},
		{"not a time", journal.Dose{Name: "iron", At: "9 o'clock"}, night.FieldTookAt, "not a time"},
		{"not yet", journal.Dose{Name: "iron", At: "23:00"}, night.FieldTookAt, "has not happened yet"},
		{"an earlier night needs a time", journal.Dose{Name: "iron", Night: "2026-11-20"}, night.FieldTookAt, "needed"},
		{"a night to come", journal.Dose{Name: "iron", Night: "2026-11-30"}, night.FieldNight, "has not come yet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, taken, _ := tookJournal(t)
			_, _, err := j.Took(context.Background(), tt.d)
			if es := night.AsFieldErrors(err); es.Find(tt.field) == nil || !strings.Contains(es.At(tt.field), tt.want) {
				t.Errorf("error %v, want one at %s saying %q", err, tt.field, tt.want)
			}
			if len(taken) != 0 {
				t.Errorf("recorded %+v", taken)
			}
		})
	}
}

// TestTookAnswersTheChecklist: a dose ticks the checklist items its name
// answers on an answered log, and never starts or completes a log the
// person left unanswered.
func TestTookAnswersTheChecklist(t *testing.T) {
	j, _, evenings := tookJournal(t)
	ctx := context.Background()
	if _, ticked, err := j.Took(ctx, journal.Dose{Name: "iron"}); err != nil || ticked != nil {
		t.Fatalf("with no log: ticked %v, %v", ticked, err)
	}
	if len(evenings()) != 0 {
		t.Fatal("a dose started an evening log")
	}
	if _, _, err := j.AmendEvening(ctx, journal.EveningChange{Tag: []string{"caffeine"}}); err != nil {
		t.Fatal(err)
	}
	_, ticked, err := j.Took(ctx, journal.Dose{Name: "Ferrous sulfate", At: "21:00"})
	if err != nil || len(ticked) != 1 || ticked[0] != "iron" {
		t.Fatalf("ticked %v, %v; want iron", ticked, err)
	}
	if tags := evenings()["2026-11-23"].Tags; len(tags) != 2 || tags[1] != "iron" {
		t.Errorf("tags %v", tags)
	}
	if _, ticked, _ := j.Took(ctx, journal.Dose{Name: "zinc", At: "21:05"}); ticked != nil {
		t.Errorf("zinc ticked %v", ticked)
	}
}

func TestKnownDosesAndChangeTaken(t *testing.T) {
	j, taken, _ := tookJournal(t)
	ctx := context.Background()
	for _, d := range []journal.Dose{{Name: "iron", Amount: "65 mg", At: "20:00", Night: "2026-11-21"},
		{Name: "magnesium", At: "21:00", Night: "2026-11-22"}, {Name: "iron", Amount: "65 mg", At: "20:00", Night: "2026-11-22"}} {
		if _, _, err := j.Took(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	known, err := j.KnownDoses(ctx)
	// The latest night first, the latest taken first within it.
	if err != nil || len(known) != 2 || known[0].Label() != "magnesium" || known[1].Label() != "iron 65 mg" {
		t.Fatalf("known %+v, %v", known, err)
	}
	if err := j.ChangeTaken(ctx, "2026-11-23", nil, []night.Dose{{Name: "iron", Amount: "65 mg"}}); err != nil {
		t.Fatal(err)
	}
	if ds := taken["2026-11-23"]; len(ds) != 1 || !ds[0].At.Equal(time.Date(2026, 11, 23, 21, 30, 0, 0, time.UTC)) {
		t.Errorf("tonight %+v", ds)
	}
	// A dose recorded elsewhere while the form was open stays when the
	// form unticks the one it showed.
	if _, _, err := j.Took(ctx, journal.Dose{Name: "zinc", At: "21:10"}); err != nil {
		t.Fatal(err)
	}
	var shown []night.Dose
	for _, d := range taken["2026-11-23"] {
		if d.Name == "iron" {
			shown = append(shown, d)
		}
	}
	if err := j.ChangeTaken(ctx, "2026-11-23", shown, nil); err != nil {
		t.Fatal(err)
	}
	if ds := taken["2026-11-23"]; len(ds) != 1 || ds[0].Name != "zinc" {
		t.Errorf("after unticking iron: %+v, want zinc alone", ds)
	}
}

func TestAddLab(t *testing.T) {
	j, _, _ := tookJournal(t)
	ctx := context.Background()
	fer, tsat, note := "48", "22,5", "fasting"
	l, existed, err := j.AddLab(ctx, journal.LabChange{Date: "2026-11-02", Ferritin: &fer, TSAT: &tsat, Note: &note})
	if err != nil || existed || *l.Ferritin != 48 || *l.TSAT != 22.5 || l.Note != "fasting" {
		t.Fatalf("added %+v, %v, %v", l, existed, err)
	}
	empty := ""
	l, existed, err = j.AddLab(ctx, journal.LabChange{Date: "2026-11-02", TSAT: &empty})
	if err != nil || !existed || l.TSAT != nil || *l.Ferritin != 48 {
		t.Errorf("amended %+v, %v, %v", l, existed, err)
	}
	bad := "lots"
	for _, tt := range []struct {
		ch    journal.LabChange
		field night.Field
	}{
		{journal.LabChange{Date: "2026-13-01", Ferritin: &fer}, night.FieldLabDate},
		{journal.LabChange{Date: "2026-12-01", Ferritin: &fer}, night.FieldLabDate},
		{journal.LabChange{Date: "2026-11-01", Ferritin: &bad}, night.FieldLabFerritin},
		{journal.LabChange{Date: "2026-11-01", Ferritin: ptr("1,200")}, night.FieldLabFerritin},
		{journal.LabChange{Date: "2026-11-01"}, night.FieldLabFerritin},
	} {
		if _, _, err := j.AddLab(ctx, tt.ch); night.AsFieldErrors(err).Find(tt.field) == nil {
			t.Errorf("%+v: %v, want an error at %s", tt.ch, err, tt.field)
		}
	}
	labs, err := j.Labs(ctx)
	if err != nil || len(labs) != 1 {
		t.Errorf("labs %+v, %v", labs, err)
	}
}

func TestDeleteLab(t *testing.T) {
	j, _, _ := tookJournal(t)
	ctx := context.Background()
	fer := "480"
	if _, _, err := j.AddLab(ctx, journal.LabChange{Date: "2026-11-02", Ferritin: &fer}); err != nil {
		t.Fatal(err)
	}
	if _, err := j.DeleteLab(ctx, "2026-11-03"); night.AsFieldErrors(err).Find(night.FieldLabDate) == nil {
		t.Errorf("deleting a date with no results: %v, want an error at --date", err)
	}
	l, err := j.DeleteLab(ctx, "2026-11-02")
	if err != nil || l.Ferritin == nil || *l.Ferritin != 480 {
		t.Errorf("deleted %+v, %v", l, err)
	}
	if left, err := j.Labs(ctx); err != nil || len(left) != 0 {
		t.Errorf("left %+v, %v", left, err)
	}
}

func TestDeleteNightTakesDosesWithTheEvening(t *testing.T) {
	j, taken, _ := tookJournal(t)
	ctx := context.Background()
	if _, _, err := j.Took(ctx, journal.Dose{Name: "iron", At: "20:00", Night: "2026-11-22"}); err != nil {
		t.Fatal(err)
	}
	d, err := j.PreviewDelete(ctx, "2026-11-22", journal.EveningPart)
	if err != nil || d.Empty() || d.String() != "1 record of what was taken" {
		t.Fatalf("preview %q, %v", d.String(), err)
	}
	if _, err := j.DeleteNight(ctx, "2026-11-22", journal.CheckinPart); err != nil || len(taken["2026-11-22"]) != 1 {
		t.Errorf("deleting the check-in took the doses: %v, %v", taken, err)
	}
	if _, err := j.DeleteNight(ctx, "2026-11-22", journal.AllParts); err != nil || len(taken["2026-11-22"]) != 0 {
		t.Errorf("after deleting the night: %v, %v", taken, err)
	}
}
