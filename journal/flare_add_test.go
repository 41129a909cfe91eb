package journal_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

func TestAddEventNeverReplacesOneAtTheSameTime(t *testing.T) {
	ctx := context.Background()
	j, st, _ := shippedJournal(t) // 02:30 on 23 November
	ten := 10
	first := night.Event{Severity: 5, Night: "2026-11-22", Tried: []night.Tried{{ID: "walk", Minutes: &ten}}, Helped: night.HelpedALot}
	if _, err := j.AddEvent(ctx, first, "02:10"); err != nil {
		t.Fatal(err)
	}
	_, err := j.AddEvent(ctx, night.Event{Severity: 8, Night: "2026-11-22", Tried: []night.Tried{{ID: "stretch"}}}, "02:10")
	var fe *night.FieldError
	if !errors.As(err, &fe) || fe.Field != night.FieldAt ||
		!strings.Contains(err.Error(), "already recorded at 02:10 on the night of 2026-11-22 (severity 5)") {
		t.Errorf("a second flare-up at 02:10: %v; want it refused naming --at and the first", err)
	}
	if len(st.Events) != 1 || st.Events[0].Severity != 5 || st.Events[0].Helped != night.HelpedALot {
		t.Errorf("events %+v; want the first kept as it was", st.Events)
	}
}

func TestAddEventWithoutATimeTakesTheNextFreeSecond(t *testing.T) {
	ctx := context.Background()
	j, st, _ := shippedJournal(t) // 02:30:00, and the clock stands still
	now := time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)
	for i := range 3 {
		e, err := j.AddEvent(ctx, night.Event{Severity: 7}, "")
		if err != nil {
			t.Fatal(err)
		}
		if want := now.Add(time.Duration(i) * time.Second); !e.At.Equal(want) || e.Night != "2026-11-22" {
			t.Errorf("flare-up %d at %v in %s; want %v in 2026-11-22", i+1, e.At, e.Night, want)
		}
	}
	if len(st.Events) != 3 {
		t.Errorf("%d flare-ups kept of three noted in one second", len(st.Events))
	}
}

func TestAddEventRefuses(t *testing.T) {
	ctx := context.Background()
	j, st, _ := shippedJournal(t) // tonight is 22 November
	tests := []struct {
		name  string
		e     night.Event
		at    string
		field night.Field
		msg   string
	}{
		{"a past night without a time", night.Event{Severity: 4, Night: "2026-11-21"}, "", night.FieldAt,
			"at is needed for a night before tonight (2026-11-21)"},
		{"a measure no one knows", night.Event{Severity: 4, Tried: []night.Tried{{ID: "bogus"}}}, "02:00", night.FieldMeasure,
			`"bogus" is not in your toolkit or your records; the measures known are: stretch, press, massage, walk, cold`},
		{"helped with nothing tried", night.Event{Severity: 4, Helped: night.HelpedALittle}, "02:00", night.FieldHelped,
			"helped needs --tried"},
		{"a time yet to come", night.Event{Severity: 4}, "03:00", night.FieldAt, "has not come yet"},
	}
	for _, tt := range tests {
		_, err := j.AddEvent(ctx, tt.e, tt.at)
		var fe *night.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: %v; want an error naming %s saying %q", tt.name, err, tt.field, tt.msg)
		}
	}
	if len(st.Events) != 0 {
		t.Errorf("refused flare-ups were saved: %+v", st.Events)
	}
}

func TestAddEventTakesAMeasureAlreadyRecorded(t *testing.T) {
	ctx := context.Background()
	j, st, _ := shippedJournal(t)
	// Recorded before it left the toolkit, or brought in by an import.
	if _, err := j.RecordEvent(ctx, night.Event{Severity: 6, Tried: []night.Tried{{ID: "hot-bath"}},
		At: time.Date(2026, 11, 23, 1, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if _, err := j.AddEvent(ctx, night.Event{Severity: 6, Tried: []night.Tried{{ID: "hot-bath"}, {ID: "walk"}}}, "02:00"); err != nil {
		t.Errorf("a measure already in the records: %v", err)
	}
	if len(st.Events) != 2 {
		t.Errorf("%d flare-ups, want 2", len(st.Events))
	}
}

func TestReliefIsLabelledAsTheToolkitShowsIt(t *testing.T) {
	ctx := context.Background()
	j, _, _ := shippedJournal(t)
	for h := range 3 {
		if _, err := j.RecordEvent(ctx, night.Event{Severity: 5, Tried: []night.Tried{{ID: "stretch"}},
			At: time.Date(2026, 11, 22, 22+h, 0, 0, 0, time.UTC)}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := j.Insights(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The shipped stretch entry is the routine relief-stretch, without a
	// label of its own: the toolkit lists it by its routine's title.
	if len(res.Relief) != 1 || res.Relief[0].Label != "Relief: stretch" {
		t.Fatalf("relief %+v; want stretch labelled Relief: stretch", res.Relief)
	}
	var b strings.Builder
	if err := j.WriteReport(ctx, &b, "2026-11-22", "2026-11-22", ""); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "Relief: stretch (stretch): tried 3") || strings.Contains(b.String(), "relief-stretch (stretch)") {
		t.Errorf("the report does not name stretch by its title:\n%s", b.String())
	}
}
