package store

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// RunLock is held by the process running a routine, on a file beside the
// database. The operating system lets go of it when that process ends in any
// way (quit, crash, kill -9, power cut), so a run left "running" in the
// database with nobody holding the lock was cut off.
type RunLock struct {
	f *os.File
}

func (s *Store) lockPath() string { return s.path + ".run-lock" }

// LockRun takes the run lock, or returns journal.ErrRunElsewhere without waiting.
func (s *Store) LockRun() (journal.Lock, error) {
	f, err := os.OpenFile(s.lockPath(), os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("run lock %s: %w", s.lockPath(), err)
	}
	ok, err := tryLock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("run lock %s: %w", s.lockPath(), err)
	}
	if !ok {
		f.Close()
		return nil, journal.ErrRunElsewhere
	}
	return &RunLock{f: f}, nil
}

// Release lets go of the lock. Releasing a nil lock does nothing.
func (l *RunLock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := l.f.Close() // closing the file drops the lock
	l.f = nil
	return err
}

// RunningElsewhere reports whether another process holds the run lock.
func (s *Store) RunningElsewhere() (bool, error) {
	l, err := s.LockRun()
	if errors.Is(err, journal.ErrRunElsewhere) {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	return false, l.Release()
}

// Interrupted returns the latest run that was cut off: still "running" in
// the database while no process holds the run lock. ok is false when there
// is none, or when a routine is running in another window (which then may
// be the one still marked running).
func (s *Store) Interrupted(ctx context.Context) (night.Run, bool, error) {
	ss, err := s.readSessions(ctx, "WHERE status = ? ORDER BY started_at DESC, id DESC LIMIT 1", string(routine.Running))
	if err != nil || len(ss) == 0 {
		return night.Run{}, false, err
	}
	elsewhere, err := s.RunningElsewhere()
	if err != nil || elsewhere {
		return night.Run{}, false, err
	}
	return ss[0], true, nil
}
