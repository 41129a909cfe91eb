package journal_test

import (
	"context"
	"path/filepath"
	"testing"
)

// TestDefaultBackupsNeverCollide makes default backups faster than the
// clock moves: each must get a name of its own.
func TestDefaultBackupsNeverCollide(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	j := openJournals(t, filepath.Join(dir, "q.db"), 1, testSettings)[0]
	seen := map[string]bool{}
	for i := range 3 {
		path, err := j.Backup(ctx, "") // the fake clock stands still
		if err != nil {
			t.Fatalf("backup %d: %v", i+1, err)
		}
		if seen[path] || filepath.Dir(path) != dir {
			t.Errorf("backup %d at %s: want a new name beside the database", i+1, path)
		}
		seen[path] = true
	}
	want := filepath.Join(dir, "quietlegs-backup-20261123T080000.000000000Z-2.db")
	if !seen[want] {
		t.Errorf("backups %v, want one at %s", seen, want)
	}
}
