package store

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
)

// rowCount counts the rows of table in s's database.
func rowCount(t *testing.T, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.db.QueryRow("SELECT count(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestDeleteNight(t *testing.T) {
	ctx := context.Background()
	// Three nights, each with an evening log (1 or 2 tags), a check-in and
	// a run of 3 steps; the middle one is deleted from.
	const target = "2026-11-21"
	tests := []struct {
		part                                  journal.Part
		evenings, tags, checkins, runs, steps int
	}{
		{journal.AllParts, 2, 2, 2, 2, 6},
		{journal.EveningPart, 2, 2, 3, 3, 9},
		{journal.CheckinPart, 3, 4, 2, 3, 9},
		{journal.RunsPart, 3, 4, 3, 2, 6},
	}
	for _, tt := range tests {
		t.Run("part "+string(tt.part), func(t *testing.T) {
			s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
			if _, err := s.Import(ctx, genNights(t, "2026-11-20", 3, 3, berlin(t)), nil); err != nil {
				t.Fatal(err)
			}
			if got := rowCount(t, s, "evening_tags"); got != 4 {
				t.Fatalf("%d tags before, want 4", got)
			}
			if err := s.DeleteNight(ctx, target, tt.part); err != nil {
				t.Fatal(err)
			}
			got := [5]int{rowCount(t, s, "evenings"), rowCount(t, s, "evening_tags"), rowCount(t, s, "checkins"),
				rowCount(t, s, "sessions"), rowCount(t, s, "session_steps")}
			if want := [5]int{tt.evenings, tt.tags, tt.checkins, tt.runs, tt.steps}; got != want {
				t.Errorf("evenings, tags, check-ins, runs, steps = %v, want %v", got, want)
			}
			recs, err := s.Nights(ctx, target, target)
			if err != nil {
				t.Fatal(err)
			}
			if tt.part == journal.AllParts && len(recs) != 0 {
				t.Errorf("night still has %+v", recs)
			}
			// Again: nothing left of the part, no error.
			if err := s.DeleteNight(ctx, target, tt.part); err != nil {
				t.Errorf("second delete: %v", err)
			}
		})
	}
}

func TestDeleteNightRefusesBadInput(t *testing.T) {
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	if err := s.DeleteNight(context.Background(), "2026-13-01", journal.AllParts); err == nil {
		t.Error("a bad date was accepted")
	}
	if err := s.DeleteNight(context.Background(), "2026-11-01", "steps"); err == nil {
		t.Error("a bad part was accepted")
	}
}

func TestBackupBeforeDeleteRotatesOnItsOwn(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "q.db")
	s := openTest(t, path)
	at := time.Date(2026, 11, 23, 5, 15, 0, 0, time.UTC)
	s.now = func() time.Time { return at }
	// A backup made before a migration is of another kind: kept.
	migrated := "q.db.v1-20200101T000000Z.bak"
	writeFile(t, filepath.Join(dir, migrated), []byte("old"))
	var made []string
	for i := range 5 {
		at = at.Add(time.Duration(i) * time.Second)
		name, err := s.BackupBeforeDelete(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(name, path+".delete-") || !strings.HasSuffix(name, ".bak") {
			t.Errorf("backup named %s", name)
		}
		if got := perm(t, name); got != 0o600 {
			t.Errorf("backup has mode %v, want 0600", got)
		}
		made = append(made, filepath.Base(name))
	}
	// Two in one instant do not collide.
	again, err := s.BackupBeforeDelete(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	made = append(made, filepath.Base(again))
	if got, want := backupNames(t, dir, "q.db.delete-"), made[len(made)-3:]; !slices.Equal(got, want) {
		t.Errorf("delete backups %v, want the newest three %v", got, want)
	}
	if got := backupNames(t, dir, "q.db.v"); !slices.Equal(got, []string{migrated}) {
		t.Errorf("migration backups %v, want %v untouched", got, migrated)
	}
	openTest(t, filepath.Join(dir, made[len(made)-1])) // a whole database
}
