package journal_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// shippedJournal is a journal with the built-in settings and routines,
// at 02:30 on the morning of 23 November 2026.
func shippedJournal(t *testing.T) (*journal.Journal, *journaltest.Storage, *routine.FakeClock) {
	t.Helper()
	set, err := night.LoadSettings(assets.Config(), "")
	if err != nil {
		t.Fatal(err)
	}
	lib, err := routine.LoadLibrary(assets.RoutineFS(), "")
	if err != nil {
		t.Fatal(err)
	}
	st := journaltest.New()
	clock := routine.NewFakeClock(time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC))
	return journal.New(st, journal.Config{Settings: set, Library: lib, Clock: clock}), st, clock
}

func TestToolkitOffersTheBandFirstThenTheNearest(t *testing.T) {
	j, _, _ := shippedJournal(t)
	tests := []struct {
		severity int
		bands    string // the band of each option, in order
		first    string
	}{
		{2, "mild mild mild moderate moderate severe severe", "Relief: stretch"},
		{5, "moderate moderate moderate mild mild severe severe", "Walk around the house"},
		{7, "severe severe severe moderate moderate moderate mild", "Relief: walk"},
	}
	for _, tt := range tests {
		opts := j.Toolkit(tt.severity)
		var bands []string
		for _, o := range opts {
			bands = append(bands, string(o.Band))
			if o.Problem != "" || (o.Routine == nil) != (o.Entry.Routine == "" && o.Entry.Minutes == 0) {
				t.Errorf("severity %d: %s: routine %v, problem %q", tt.severity, o.Title, o.Routine, o.Problem)
			}
		}
		if got := strings.Join(bands, " "); got != tt.bands {
			t.Errorf("severity %d: bands %s, want %s", tt.severity, got, tt.bands)
		}
		if opts[0].Title != tt.first {
			t.Errorf("severity %d: first %q, want %q", tt.severity, opts[0].Title, tt.first)
		}
	}
}

func TestToolkitNamesAMissingRoutine(t *testing.T) {
	j, st, clock := newTestJournal(t, 2, 30)
	set := testSettings
	set.Toolkit.Mild = []night.ToolEntry{{ID: "gone", Routine: "no-such"}}
	j = journal.New(st, journal.Config{Settings: set, Library: j.Library(), Clock: clock})
	o := j.Toolkit(1)[0]
	if o.Routine != nil || !strings.Contains(o.Problem, `"no-such"`) {
		t.Errorf("option %+v, want a problem naming the routine", o)
	}
}

func TestAFlareRunIsSavedButNeverTheEveningRoutine(t *testing.T) {
	j, st, clock := shippedJournal(t)
	var walk journal.ToolOption
	for _, o := range j.Toolkit(5) {
		if o.Entry.ID == "walk" {
			walk = o
			break
		}
	}
	if walk.Routine == nil || len(walk.Routine.Steps) != 1 || walk.Routine.Duration() != 5*time.Minute {
		t.Fatalf("walking 5 minutes as a routine: %+v", walk.Routine)
	}
	ctx := context.Background()
	run := j.NewFlareRun(walk.Routine, 1)
	run.Engine.Start()
	clock.Advance(5*time.Minute + time.Second)
	run.Engine.Update()
	if err := run.SaveNow(ctx); err != nil {
		t.Fatal(err)
	}
	if len(st.Runs) != 1 || !st.Runs[0].Flare || st.Runs[0].Status != routine.Completed || st.Runs[0].Night != "2026-11-22" {
		t.Fatalf("runs %+v, want one completed flare run in the night of 22 November", st.Runs)
	}
	if got := run.Minutes(); got != 5 {
		t.Errorf("minutes %d, want 5", got)
	}
	recs, err := j.Nights(ctx, "2026-11-22", "2026-11-22")
	if err != nil || len(recs) != 1 || recs[0].MainRun() != nil {
		t.Errorf("the night's evening routine: %+v, %v; want none", recs, err)
	}
	// Cut off, it resumes as a flare run from the toolkit.
	cut := st.Runs[0]
	cut.Status = routine.Running
	if r, why := j.Resumable(cut); r == nil {
		t.Errorf("a flare run can't be resumed: %s", why)
	}
}

func TestRecordEvent(t *testing.T) {
	ctx := context.Background()
	j, st, _ := shippedJournal(t) // 02:30 on 23 November
	e, err := j.RecordEvent(ctx, night.Event{Severity: 7, Tried: []night.Tried{{ID: "walk"}}})
	if err != nil {
		t.Fatal(err)
	}
	if e.Night != "2026-11-22" || !e.At.Equal(time.Date(2026, 11, 23, 2, 30, 0, 0, time.UTC)) || e.ID != 1 {
		t.Errorf("recorded %+v: want now, in the night of 22 November", e)
	}
	// Saved again with the answers: the same event, not a second one.
	three := 3
	e.SeverityAfter, e.Helped, e.ID = &three, night.HelpedALot, 0
	if _, err := j.RecordEvent(ctx, e); err != nil {
		t.Fatal(err)
	}
	if len(st.Events) != 1 || st.Events[0].Helped != night.HelpedALot {
		t.Errorf("events %+v, want the one, answered", st.Events)
	}

	at, err := j.PlaceEvent("2026-11-22", "02:10")
	if err != nil || !at.Equal(time.Date(2026, 11, 23, 2, 10, 0, 0, time.UTC)) {
		t.Errorf("PlaceEvent(02:10) = %v, %v; want the morning of the 23rd", at, err)
	}
	refused := []struct {
		name  string
		e     night.Event
		field night.Field
	}{
		{"yet to come", night.Event{Severity: 5, At: time.Date(2026, 11, 23, 3, 0, 0, 0, time.UTC)}, night.FieldAt},
		{"under another night", night.Event{Severity: 5, Night: "2026-11-20", At: at}, night.FieldAt},
		{"a night to come", night.Event{Severity: 5, Night: "2026-11-24", At: at}, night.FieldNight},
		{"severity 12", night.Event{Severity: 12}, night.FieldSeverity},
	}
	for _, tt := range refused {
		_, err := j.RecordEvent(ctx, tt.e)
		var fe *night.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field {
			t.Errorf("%s: %v, want an error naming %s", tt.name, err, tt.field)
		}
	}
	if len(st.Events) != 1 {
		t.Errorf("refused events were saved: %+v", st.Events)
	}
}

func TestParseTried(t *testing.T) {
	tests := []struct {
		in      string
		id      string
		minutes int // -1 for none
		bad     bool
	}{
		{"walk:10", "walk", 10, false},
		{"stretch", "stretch", -1, false},
		{"walk:0", "walk", 0, false},
		{"walk:", "", 0, true},
		{"walk:ten", "", 0, true},
		{"walk:-3", "", 0, true},
		{"Walk", "", 0, true},
		{":10", "", 0, true},
	}
	for _, tt := range tests {
		got, err := journal.ParseTried(tt.in)
		if tt.bad {
			var fe *night.FieldError
			if !errors.As(err, &fe) || fe.Field != night.FieldMeasure {
				t.Errorf("%q: %v, want an error naming --tried", tt.in, err)
			}
			continue
		}
		m := -1
		if got.Minutes != nil {
			m = *got.Minutes
		}
		if err != nil || got.ID != tt.id || m != tt.minutes {
			t.Errorf("%q = %+v (%d min), %v", tt.in, got, m, err)
		}
	}
}

func TestCheckinSuggestsGotUpFromTheNightsEvents(t *testing.T) {
	ctx := context.Background()
	j, st, _ := newTestJournal(t, 8, 0) // 08:00 on 23 November
	for _, h := range []int{1, 3, 4} {
		e := night.Event{Severity: 6, At: time.Date(2026, 11, 23, h, 0, 0, 0, time.UTC)}
		if h != 4 {
			e.Tried = []night.Tried{{ID: "walk"}}
		}
		if _, err := j.RecordEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	d, err := j.DraftCheckin(ctx, "2026-11-22")
	if err != nil {
		t.Fatal(err)
	}
	if d.Answers[night.FieldGotUp] != "2" || !d.Suggested[night.FieldGotUp] {
		t.Errorf("got up %q (suggested %v), want a suggestion of 2", d.Answers[night.FieldGotUp], d.Suggested[night.FieldGotUp])
	}
	if len(st.Checkins) != 0 {
		t.Errorf("a suggestion was recorded: %+v", st.Checkins)
	}
}

func TestDeletingANightSaysAndDeletesItsFlareUps(t *testing.T) {
	ctx := context.Background()
	j, st, _ := shippedJournal(t)
	if _, err := j.RecordEvent(ctx, night.Event{Severity: 6}); err != nil {
		t.Fatal(err)
	}
	if d, err := j.PreviewDelete(ctx, "2026-11-22", journal.RunsPart); err != nil || !d.Empty() {
		t.Errorf("deleting the runs would delete %v, %v; want nothing", d, err)
	}
	d, err := j.PreviewDelete(ctx, "2026-11-22", journal.AllParts)
	if err != nil || d.String() != "1 flare-up" {
		t.Fatalf("preview %q, %v", d.String(), err)
	}
	if _, err := j.DeleteNight(ctx, "2026-11-22", journal.AllParts); err != nil {
		t.Fatal(err)
	}
	if recs, _ := j.Nights(ctx, "", ""); len(recs) != 0 || len(st.Events) != 1 || st.Events[0].Night == "2026-11-22" {
		t.Errorf("after the delete: %+v", recs)
	}
}
