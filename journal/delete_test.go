package journal_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// fileNight files an evening log, a check-in and two runs under date.
func fileNight(t *testing.T, st *journaltest.Storage, date string) {
	t.Helper()
	five := 5
	st.Evenings[date] = night.Evening{Night: date, Symptoms: &five, Tags: []string{"caffeine", "alcohol"}, Note: "long drive"}
	st.Checkins[date] = night.Checkin{Night: date, RLSSeverity: 4, Quality: 3}
	for range 2 {
		st.Runs = append(st.Runs, night.Run{ID: int64(len(st.Runs) + 1), Night: date, Routine: "quick",
			Status: routine.Completed, StartedAt: time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC)})
	}
}

func TestDeleteNight(t *testing.T) {
	ctx := context.Background()
	const date, other = "2026-11-22", "2026-11-21"
	tests := []struct {
		part journal.Part
		what string
		left func(st *journaltest.Storage) bool // what must be left of date
	}{
		{journal.AllParts, "evening log (symptoms 5, 2 items, a note), check-in (leg symptoms 4, sleep quality 3), 2 routine runs",
			func(st *journaltest.Storage) bool { return len(st.Evenings) == 1 && len(st.Checkins) == 1 }},
		{journal.EveningPart, "evening log (symptoms 5, 2 items, a note)",
			func(st *journaltest.Storage) bool { _, ok := st.Checkins[date]; return ok && len(st.Evenings) == 1 }},
		{journal.CheckinPart, "check-in (leg symptoms 4, sleep quality 3)",
			func(st *journaltest.Storage) bool { _, ok := st.Evenings[date]; return ok && len(st.Checkins) == 1 }},
		{journal.RunsPart, "2 routine runs",
			func(st *journaltest.Storage) bool { _, ok := st.Evenings[date]; return ok && len(st.Checkins) == 2 }},
	}
	for _, tt := range tests {
		t.Run("part "+string(tt.part), func(t *testing.T) {
			j, st, _ := newTestJournal(t, 8, 0)
			fileNight(t, st, date)
			fileNight(t, st, other)
			d, err := j.PreviewDelete(ctx, date, tt.part)
			if err != nil || d.String() != tt.what {
				t.Fatalf("PreviewDelete = %q, %v; want %q", d, err, tt.what)
			}
			if st.Writes != 0 {
				t.Errorf("the preview wrote %d times", st.Writes)
			}
			res, err := j.DeleteNight(ctx, date, tt.part)
			if err != nil {
				t.Fatal(err)
			}
			if res.Deleted.String() != tt.what || res.Backup == "" {
				t.Errorf("DeleteNight = %q, backup %q", res.Deleted, res.Backup)
			}
			if b := st.DeleteBackups(); len(b) != 1 || b[0] != res.Backup {
				t.Errorf("backups %v, want one before the delete", b)
			}
			if !tt.left(st) {
				t.Errorf("left %d evenings %d check-ins", len(st.Evenings), len(st.Checkins))
			}
			recs, _ := st.Nights(ctx, other, other)
			if len(recs) != 1 || recs[0].Evening == nil || recs[0].Checkin == nil || len(recs[0].Runs) != 2 {
				t.Errorf("the other night changed: %+v", recs)
			}
			if after, _ := j.PreviewDelete(ctx, date, tt.part); !after.Empty() {
				t.Errorf("left to delete: %s", after)
			}
		})
	}
}

func TestDeleteNightWithNothingWritesNothing(t *testing.T) {
	ctx := context.Background()
	j, st, _ := newTestJournal(t, 8, 0)
	st.Checkins["2026-11-22"] = night.Checkin{Night: "2026-11-22", Quality: 3}
	for _, p := range []journal.Part{journal.EveningPart, journal.RunsPart} {
		res, err := j.DeleteNight(ctx, "2026-11-22", p)
		if err != nil || !res.Deleted.Empty() || res.Backup != "" {
			t.Errorf("DeleteNight(%s) = %+v, %v; want nothing deleted", p, res, err)
		}
	}
	if _, err := j.DeleteNight(ctx, "2026-11-20", journal.AllParts); err != nil {
		t.Error(err)
	}
	if st.Writes != 0 || len(st.DeleteBackups()) != 0 {
		t.Errorf("%d writes and backups %v, want none", st.Writes, st.DeleteBackups())
	}
}

func TestDeleteNightRefuses(t *testing.T) {
	ctx := context.Background()
	j, st, _ := newTestJournal(t, 8, 0)
	fileNight(t, st, "2026-11-22")
	if _, err := j.DeleteNight(ctx, "2026-02-30", journal.AllParts); night.AsFieldErrors(err) == nil ||
		!strings.Contains(err.Error(), "night") {
		t.Errorf("a bad night gave %v", err)
	}
	if _, err := j.DeleteNight(ctx, "2026-11-22", "steps"); night.AsFieldErrors(err) == nil ||
		!strings.Contains(err.Error(), "only") {
		t.Errorf("a bad part gave %v", err)
	}
	// A run still being recorded in another window stays.
	st.Runs[1].Status = routine.Running
	st.Locked = true
	if _, err := j.DeleteNight(ctx, "2026-11-22", journal.RunsPart); !errors.Is(err, journal.ErrRunElsewhere) {
		t.Errorf("deleting a run recorded elsewhere gave %v", err)
	}
	// A failed backup deletes nothing.
	st.Locked = false
	st.FailWrites = errors.New("disk full")
	if _, err := j.DeleteNight(ctx, "2026-11-22", journal.AllParts); err == nil || !strings.Contains(err.Error(), "nothing was deleted") {
		t.Errorf("a failed backup gave %v", err)
	}
	st.FailWrites = nil
	if d, _ := j.PreviewDelete(ctx, "2026-11-22", journal.AllParts); len(d.Runs) != 2 || d.Evening == nil {
		t.Errorf("left %s", d)
	}
}

func TestDeletionString(t *testing.T) {
	one := 0
	tests := []struct {
		d    journal.Deletion
		want string
	}{
		{journal.Deletion{}, "nothing"},
		{journal.Deletion{Evening: &night.Evening{ChecklistSkipped: true}}, "evening log (checklist unanswered)"},
		{journal.Deletion{Evening: &night.Evening{Symptoms: &one, Tags: []string{"a"}}}, "evening log (symptoms 0, 1 item)"},
		{journal.Deletion{Evening: &night.Evening{}, Checkin: &night.Checkin{Quality: 1, Notes: "x"}, Runs: make([]night.Run, 1)},
			"evening log (nothing ticked), check-in (leg symptoms 0, sleep quality 1, a note), 1 routine run"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v = %q, want %q", tt.d, got, tt.want)
		}
	}
}
