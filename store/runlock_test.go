package store

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

func TestRunLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "q.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path) // another window, as far as locks go
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	lock, err := a.LockRun()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.LockRun(); !errors.Is(err, journal.ErrRunElsewhere) {
		t.Errorf("second LockRun: %v, want journal.ErrRunElsewhere", err)
	}
	if elsewhere, err := b.RunningElsewhere(); err != nil || !elsewhere {
		t.Errorf("RunningElsewhere while held = %v, %v", elsewhere, err)
	}
	if err := lock.Release(); err != nil {
		t.Fatal(err)
	}
	if elsewhere, err := b.RunningElsewhere(); err != nil || elsewhere {
		t.Errorf("RunningElsewhere after release = %v, %v", elsewhere, err)
	}
	again, err := b.LockRun()
	if err != nil {
		t.Fatalf("LockRun after release: %v", err)
	}
	again.Release()
	if err := (*RunLock)(nil).Release(); err != nil {
		t.Errorf("releasing nil: %v", err)
	}
}

func TestInterrupted(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, ok, err := a.Interrupted(ctx); ok || err != nil {
		t.Fatalf("empty database: interrupted %v, %v", ok, err)
	}
	lock, err := a.LockRun()
	if err != nil {
		t.Fatal(err)
	}
	id, err := a.StartRun(ctx, night.Run{Routine: "quick", Night: "2026-11-22",
		StartedAt: time.Date(2026, 11, 22, 21, 0, 0, 0, time.UTC), Speed: 1, Planned: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, ok, err := b.Interrupted(ctx); ok || err != nil {
		t.Errorf("a run in progress elsewhere counts as interrupted (%v, %v)", ok, err)
	}
	lock.Release() // as the OS does when the process dies
	se, ok, err := b.Interrupted(ctx)
	if err != nil || !ok || se.ID != id {
		t.Errorf("after the runner died: %+v %v %v, want session %d", se, ok, err, id)
	}
	// A later run that ended does not hide the one cut off before it.
	later, err := b.StartRun(ctx, night.Run{Routine: "quick", Night: "2026-11-23",
		StartedAt: time.Date(2026, 11, 23, 21, 0, 0, 0, time.UTC), Speed: 1, Planned: 10 * time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Checkpoint(ctx, later, night.Checkpoint{Status: "abandoned", EndedAt: time.Date(2026, 11, 23, 21, 1, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if se, ok, err := b.Interrupted(ctx); err != nil || !ok || se.ID != id {
		t.Errorf("with a later finished run: %+v %v %v, want session %d still offered", se, ok, err, id)
	}
}
