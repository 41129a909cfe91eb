package store

import (
	"context"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
)

// TestImportLetsOtherWritersIn imports many nights through one handle
// while another (as another window would) keeps saving an evening log,
// and measures how long that writer waited at the longest. It asserts
// only that every save succeeded: the time is a measurement, logged (and
// reported in the README), not a target to pass.
func TestImportLetsOtherWritersIn(t *testing.T) {
	if testing.Short() {
		t.Skip("imports 15,000 nights")
	}
	path := filepath.Join(t.TempDir(), "q.db")
	importer, writer := openTest(t, path), openTest(t, path)
	n := 15000
	if raceEnabled {
		n = 1500
	}
	recs := journaltest.Nights("2026-11-22", n, 1)
	ctx := context.Background()

	var (
		wg      sync.WaitGroup
		longest time.Duration
		saves   int
		failed  error
	)
	done := make(chan struct{})
	wg.Go(func() {
		for i := 0; ; i++ {
			select {
			case <-done:
				return
			default:
			}
			legs := i % 10
			start := time.Now()
			err := writer.SaveEvening(ctx, night.Evening{Night: "2026-12-01", At: time.Now(), Symptoms: &legs})
			longest = max(longest, time.Since(start))
			if err != nil {
				failed = err
				return
			}
			saves++
		}
	})
	start := time.Now()
	res, err := importer.Import(ctx, recs, nil)
	took := time.Since(start)
	close(done)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if failed != nil {
		t.Fatalf("a save beside the import failed: %v", failed)
	}
	t.Logf("import of %d nights took %v; %d saves beside it, the longest waited %v", res.Added, took, saves, longest)
}
