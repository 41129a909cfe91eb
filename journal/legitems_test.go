package journal_test

import (
	"context"
	"maps"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

// withLegs is fullNight with the optional leg items given as typed.
func withLegs(extra journal.Answers) journal.Answers {
	a := maps.Clone(fullNight)
	maps.Copy(a, extra)
	return a
}

func TestLegItemsSaveAndRead(t *testing.T) {
	j, st, _ := newTestJournal(t, 8, 0)
	ctx := context.Background()
	_, err := j.SaveCheckin(ctx, "2026-11-22", withLegs(journal.Answers{
		night.FieldOnsetAt: "23:10", night.FieldSide: "Alternating", night.FieldArms: "y",
		night.FieldWorst: "8", night.FieldLasted: "40", night.FieldPartner: "no"}))
	if err != nil {
		t.Fatal(err)
	}
	c := st.Checkins["2026-11-22"]
	if want := time.Date(2026, 11, 22, 23, 10, 0, 0, time.UTC); !c.OnsetAt.Equal(want) {
		t.Errorf("onset at %v, want %v", c.OnsetAt, want)
	}
	if c.Side != night.SideAlternating || c.Arms == nil || !*c.Arms || *c.Worst != 8 || *c.LastedMin != 40 || c.Partner != night.PartnerNo {
		t.Errorf("stored %+v", c)
	}
	a := journal.AnswersOf(c)
	if a[night.FieldOnsetAt] != "23:10" || a[night.FieldArms] != "yes" || a[night.FieldWorst] != "8" {
		t.Errorf("answers of the saved check-in: %v", a)
	}
	// Given empty, an item is cleared: not said, never 0.
	if _, err := j.SaveCheckin(ctx, "2026-11-22", journal.Answers{night.FieldWorst: "", night.FieldArms: "", night.FieldOnsetAt: ""}); err != nil {
		t.Fatal(err)
	}
	c = st.Checkins["2026-11-22"]
	if c.Worst != nil || c.Arms != nil || !c.OnsetAt.IsZero() || c.LastedMin == nil {
		t.Errorf("after clearing: %+v", c)
	}
}

func TestLegItemsLeftOutAreUnset(t *testing.T) {
	j, st, _ := newTestJournal(t, 8, 0)
	if _, err := j.SaveCheckin(context.Background(), "2026-11-22", fullNight); err != nil {
		t.Fatal(err)
	}
	c := st.Checkins["2026-11-22"]
	if c.Worst != nil || c.LastedMin != nil || c.Arms != nil || c.Side != "" || c.Partner != "" || !c.OnsetAt.IsZero() {
		t.Errorf("items not given were recorded: %+v", c)
	}
}

func TestLegItemsRefused(t *testing.T) {
	tests := []struct {
		name  string
		extra journal.Answers
		field night.Field
		want  string
	}{
		{"onset time not a time", journal.Answers{night.FieldOnsetAt: "25:00"}, night.FieldOnsetAt, "outside"},
		{"onset 15:00 is not at bedtime", journal.Answers{night.FieldOnsetAt: "15:00"}, night.FieldOnsetAt, "does not agree"},
		{"onset 15:00 before 6 pm agrees", journal.Answers{night.FieldOnsetAt: "15:00", night.FieldOnset: "before-6pm"}, "", ""},
		{"onset 19:30 in the evening agrees", journal.Answers{night.FieldOnsetAt: "19:30", night.FieldOnset: "evening"}, "", ""},
		{"in the evening ends at getting into bed", journal.Answers{night.FieldOnsetAt: "22:30", night.FieldOnset: "evening"}, night.FieldOnsetAt, "does not agree"},
		{"bedtime may start a little before bed", journal.Answers{night.FieldOnsetAt: "21:40"}, "", ""},
		{"after midnight is at bedtime", journal.Answers{night.FieldOnsetAt: "02:15"}, "", ""},
		{"evening is from 18:00", journal.Answers{night.FieldOnsetAt: "17:30", night.FieldOnset: "evening"}, night.FieldOnsetAt, "does not agree"},
		{"a time with no symptoms", journal.Answers{night.FieldOnsetAt: "22:30", night.FieldOnset: "none", night.FieldRLS: "0", night.FieldGotUp: "0"}, night.FieldOnsetAt, "none"},
		{"side", journal.Answers{night.FieldSide: "middle"}, night.FieldSide, "left, right"},
		{"arms", journal.Answers{night.FieldArms: "maybe"}, night.FieldArms, "yes or no"},
		{"worst out of range", journal.Answers{night.FieldWorst: "11"}, night.FieldWorst, "out of range"},
		{"worst milder than the night", journal.Answers{night.FieldWorst: "2"}, night.FieldWorst, "milder"},
		{"lasted not a number", journal.Answers{night.FieldLasted: "long"}, night.FieldLasted, "not a number"},
		{"lasted more than a day", journal.Answers{night.FieldLasted: "1500"}, night.FieldLasted, "out of range"},
		{"partner", journal.Answers{night.FieldPartner: "maybe"}, night.FieldPartner, "yes, no, none"},
		{"side with no symptoms", journal.Answers{night.FieldSide: "left", night.FieldRLS: "0", night.FieldOnset: "none", night.FieldGotUp: "0"}, night.FieldSide, "rated 0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			j, st, _ := newTestJournal(t, 8, 0)
			_, err := j.SaveCheckin(context.Background(), "2026-11-22", withLegs(tt.extra))
			if tt.field == "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			es := night.AsFieldErrors(err)
			if es.Find(tt.field) == nil || !strings.Contains(es.At(tt.field), tt.want) {
				t.Fatalf("error %v, want one at %s saying %q", err, tt.field, tt.want)
			}
			if len(st.Checkins) != 0 {
				t.Error("a refused check-in was saved")
			}
		})
	}
}

func TestRoomFromFlags(t *testing.T) {
	j, st, _ := newTestJournal(t, 21, 0)
	set := j.Settings()
	set.Bedding = []night.Item{{ID: "light", Label: "Light covers"}}
	set.TempUnit = night.Fahrenheit
	j = journal.New(st, journal.Config{Settings: set, Clock: j.Clock()})
	ctx := context.Background()
	temp, bed := "65", "light"
	e, _, err := j.AmendEvening(ctx, journal.EveningChange{RoomTemp: &temp, Bedding: &bed})
	if err != nil {
		t.Fatal(err)
	}
	if e.RoomTempC == nil || *e.RoomTempC != 18.3 || e.Bedding != "light" || !e.ChecklistSkipped {
		t.Errorf("saved %+v; want 18.3 °C, light, checklist unanswered", e)
	}
	for _, tt := range []struct{ temp, bedding, field, want string }{
		{"200", "", "room-temp", "outside"}, {"warm", "", "room-temp", "not a temperature"}, {"", "silk", "bedding", "not on your bedding list"},
	} {
		ch := journal.EveningChange{}
		if tt.temp != "" {
			ch.RoomTemp = &tt.temp
		}
		if tt.bedding != "" {
			ch.Bedding = &tt.bedding
		}
		_, _, err := j.AmendEvening(ctx, ch)
		if es := night.AsFieldErrors(err); !strings.Contains(es.At(night.Field(tt.field)), tt.want) {
			t.Errorf("%+v: %v, want %s at %s", tt, err, tt.want, tt.field)
		}
	}
	empty := ""
	if e, _, err := j.AmendEvening(ctx, journal.EveningChange{RoomTemp: &empty}); err != nil || e.RoomTempC != nil || e.Bedding != "light" {
		t.Errorf("clearing the temperature: %+v, %v", e, err)
	}
}
