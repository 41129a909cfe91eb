package store

import (
	"context"
	"path/filepath"
	"testing"
)

func TestAddEventKeepsTheOneAlreadyAtItsInstant(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	evs := testEvents(t)
	saved, added, err := s.AddEvent(ctx, evs[1])
	if err != nil || !added || saved.ID != 1 {
		t.Fatalf("AddEvent = %+v, %v, %v; want it added as 1", saved, added, err)
	}
	again := evs[1]
	again.Severity, again.Tried, again.Helped = 2, nil, ""
	old, added, err := s.AddEvent(ctx, again)
	if err != nil || added {
		t.Fatalf("AddEvent at the same instant = %v, %v; want it refused", added, err)
	}
	evs[1].ID = 1
	sameEvent(t, old, evs[1])
	if got := allNights(t, s)[0].Events; len(got) != 1 {
		t.Fatalf("events %+v, want the first only", got)
	} else {
		sameEvent(t, got[0], evs[1])
	}
}
