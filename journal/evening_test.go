package journal_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

func ptr[T any](v T) *T { return &v }

func TestAmendEveningKeepsWhatIsLeftOut(t *testing.T) {
	j, st, _ := newTestJournal(t, 21, 0)
	ctx := context.Background()
	if _, existed, err := j.AmendEvening(ctx, journal.EveningChange{Symptoms: ptr(5), Tag: []string{"caffeine"}, Note: ptr("long drive")}); err != nil || existed {
		t.Fatalf("first log: existed %v, %v", existed, err)
	}
	e, existed, err := j.AmendEvening(ctx, journal.EveningChange{Symptoms: ptr(3)})
	if err != nil || !existed {
		t.Fatalf("second log: existed %v, %v", existed, err)
	}
	if *e.Symptoms != 3 || !slices.Equal(e.Tags, []string{"caffeine"}) || e.Note != "long drive" || e.Night != "2026-11-23" {
		t.Errorf("after --symptoms 3: %+v", e)
	}
	if got := st.Evenings["2026-11-23"]; got.Note != "long drive" {
		t.Errorf("stored %+v", got)
	}
}

func TestAmendEveningTagsAndNote(t *testing.T) {
	j, _, _ := newTestJournal(t, 21, 0)
	ctx := context.Background()
	if _, _, err := j.AmendEvening(ctx, journal.EveningChange{Tag: []string{"caffeine", "alcohol"}, Note: ptr("n")}); err != nil {
		t.Fatal(err)
	}
	e, _, err := j.AmendEvening(ctx, journal.EveningChange{Untag: []string{"caffeine"}, Note: ptr("")})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(e.Tags, []string{"alcohol"}) || e.Note != "" {
		t.Errorf("after --untag caffeine --note \"\": %+v", e)
	}
}

func TestAmendEveningRefuses(t *testing.T) {
	tests := []struct {
		name  string
		ch    journal.EveningChange
		field night.Field
		msg   string
	}{
		{"a tag not on the checklist", journal.EveningChange{Tag: []string{"coffee"}}, night.FieldTag,
			`"coffee" is not on your checklist (caffeine, alcohol)`},
		{"untag what is not there", journal.EveningChange{Untag: []string{"alcohol"}}, night.FieldUntag,
			`"alcohol" is not on the log of the night of 2026-11-23`},
		{"symptoms out of range", journal.EveningChange{Symptoms: ptr(11)}, night.FieldSymptoms, "11 is out of range (0-10)"},
		{"a control character in the note", journal.EveningChange{Note: ptr("\x1b[2J")}, night.FieldNote, "control character (ESC)"},
		{"a night that is no date", journal.EveningChange{Night: "yesterday"}, night.FieldNight, `"yesterday" is not a date`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, st, _ := newTestJournal(t, 21, 0)
			_, _, err := j.AmendEvening(context.Background(), tt.ch)
			if got := night.AsFieldErrors(err).At(tt.field); !strings.Contains(got, tt.msg) {
				t.Errorf("error = %v, want %q at %s", err, tt.msg, tt.field)
			}
			if len(st.Evenings) != 0 {
				t.Error("a refused log was saved")
			}
		})
	}
}

func TestSaveEveningKeepsAnItemTakenOffTheChecklist(t *testing.T) {
	j, st, _ := newTestJournal(t, 21, 0)
	st.Evenings["2026-11-23"] = night.Evening{Night: "2026-11-23", Tags: []string{"sauna"}}
	ctx := context.Background()
	if err := j.SaveEvening(ctx, night.Evening{Night: "2026-11-23", Tags: []string{"sauna", "caffeine"}}); err != nil {
		t.Errorf("saving an old item again: %v", err)
	}
	err := j.SaveEvening(ctx, night.Evening{Night: "2026-11-23", Tags: []string{"yoga"}})
	if night.AsFieldErrors(err).At(night.FieldTag) == "" {
		t.Errorf("a new item off the checklist: %v, want a tag error", err)
	}
}

// TestAmendEveningAnswersTheChecklist: a log of symptoms alone leaves the
// checklist unanswered; --tag or --none answers it, and a later amendment
// that touches no item keeps the answer.
func TestAmendEveningAnswersTheChecklist(t *testing.T) {
	ctx := context.Background()
	steps := []struct {
		ch      journal.EveningChange
		skipped bool
	}{
		{journal.EveningChange{Symptoms: ptr(4)}, true},
		{journal.EveningChange{None: true}, false},
		{journal.EveningChange{Note: ptr("still none")}, false},
		{journal.EveningChange{Tag: []string{"alcohol"}}, false},
		{journal.EveningChange{Untag: []string{"alcohol"}}, false},
	}
	j, st, _ := newTestJournal(t, 21, 0)
	for i, s := range steps {
		e, _, err := j.AmendEvening(ctx, s.ch)
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
		if e.ChecklistSkipped != s.skipped || st.Evenings[e.Night].ChecklistSkipped != s.skipped {
			t.Errorf("step %d (%+v): skipped %v, want %v", i+1, s.ch, e.ChecklistSkipped, s.skipped)
		}
	}
	if _, _, err := j.AmendEvening(ctx, journal.EveningChange{Tag: []string{"caffeine"}, None: true}); night.AsFieldErrors(err).At(night.FieldNone) == "" {
		t.Errorf("--none with a tag: %v, want an error at --none", err)
	}
}

// A change that says nothing starts no empty log and moves no log's time.
func TestAmendEveningRefusesNothing(t *testing.T) {
	j, st, _ := newTestJournal(t, 21, 0)
	if _, _, err := j.AmendEvening(context.Background(), journal.EveningChange{}); !errors.Is(err, journal.ErrNothingToSave) {
		t.Errorf("an empty change: %v, want ErrNothingToSave", err)
	}
	if len(st.Evenings) != 0 {
		t.Error("an empty log was saved")
	}
}
