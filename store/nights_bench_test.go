package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkNights10Years reads ten years of nights, each with an evening
// log, a check-in and a run of nine steps: the whole export.
func BenchmarkNights10Years(b *testing.B) {
	ctx := context.Background()
	s, err := Open(filepath.Join(b.TempDir(), "q.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const nights = 3650
	start := time.Now()
	if _, err := s.Import(ctx, genNights(b, "2016-11-01", nights, 9, berlin(b)), nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("importing %d nights took %v", nights, time.Since(start).Round(time.Millisecond))
	for b.Loop() {
		recs, err := s.Nights(ctx, "", "")
		if err != nil {
			b.Fatal(err)
		}
		if len(recs) != nights {
			b.Fatalf("%d nights, want %d", len(recs), nights)
		}
	}
}
