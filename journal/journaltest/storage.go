// Package journaltest provides an in-memory journal.Storage, so the
// journal and the screens over it can be tested without SQLite, and their
// tests can break it on purpose.
package journaltest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Storage keeps records in memory. It is safe for concurrent use, as a
// screen's commands need. Its fields may be set directly between calls.
type Storage struct {
	mu       sync.Mutex
	Evenings map[string]night.Evening
	Checkins map[string]night.Checkin
	// Runs are in the order they started; a run's ID is its index + 1. A
	// deleted run keeps its place, filed under no night.
	Runs []night.Run
	// Experiments are in the order they started; an experiment's ID is
	// its index + 1.
	Experiments []journal.Experiment
	// Events are the flare-ups in the order they were first saved; an
	// event's ID is its index + 1. A deleted event keeps its place, filed
	// under no night.
	Events []night.Event
	// Taken are each night's doses, in the order taken; LabResults the
	// iron results by date.
	Taken      map[string][]night.Dose
	LabResults map[string]night.Lab
	// Locked is set while some window holds the run lock.
	Locked bool
	// FailWrites, when set, is returned by every write, as from a full
	// disk; FailReads likewise by every read.
	FailWrites, FailReads error
	// Writes counts the writes that succeeded.
	Writes int
	// backups are the copies made before deleting.
	backups []string
}

// New is an empty Storage.
func New() *Storage {
	return &Storage{Evenings: map[string]night.Evening{}, Checkins: map[string]night.Checkin{},
		Taken: map[string][]night.Dose{}, LabResults: map[string]night.Lab{}}
}

var _ journal.Storage = (*Storage)(nil)

// write runs fn unless writes fail.
func (s *Storage) write(fn func() error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.FailWrites != nil {
		return s.FailWrites
	}
	if err := fn(); err != nil {
		return err
	}
	s.Writes++
	return nil
}

// read runs fn unless reads fail.
func (s *Storage) read(fn func()) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.FailReads != nil {
		return s.FailReads
	}
	fn()
	return nil
}

// Evening reads a night's evening log.
func (s *Storage) Evening(_ context.Context, d string) (e night.Evening, ok bool, err error) {
	err = s.read(func() { e, ok = s.Evenings[d] })
	return e, ok, err
}

// SaveEvening replaces a night's evening log.
func (s *Storage) SaveEvening(_ context.Context, e night.Evening) error {
	return s.write(func() error {
		e.Tags = slices.Clone(e.Tags)
		s.Evenings[e.Night] = e
		return nil
	})
}

// UpdateEvening replaces a night's evening log with what fn makes of it,
// under the lock, as one write.
func (s *Storage) UpdateEvening(_ context.Context, d string, fn func(night.Evening, bool) (night.Evening, error)) error {
	return update(s, s.Evenings, d, func(old night.Evening, ok bool) (night.Evening, error) {
		if !ok {
			old = night.Evening{Night: d}
		}
		old.Tags = slices.Clone(old.Tags)
		e, err := fn(old, ok)
		e.Night, e.Tags = d, slices.Clone(e.Tags)
		return e, err
	})
}

// UpdateCheckin replaces a night's check-in with what fn makes of it,
// under the lock, as one write.
func (s *Storage) UpdateCheckin(_ context.Context, d string, fn func(night.Checkin, bool) (night.Checkin, error)) error {
	return update(s, s.Checkins, d, func(old night.Checkin, ok bool) (night.Checkin, error) {
		c, err := fn(old, ok)
		c.Night = d
		return c, err
	})
}

// update is a read-modify-write of night d's entry in m, as one write.
func update[T any](s *Storage, m map[string]T, d string, fn func(T, bool) (T, error)) error {
	return s.write(func() error {
		if s.FailReads != nil {
			return s.FailReads
		}
		old, ok := m[d]
		v, err := fn(old, ok)
		if err != nil {
			return err
		}
		m[d] = v
		return nil
	})
}

// Checkin reads a night's check-in.
func (s *Storage) Checkin(_ context.Context, d string) (c night.Checkin, ok bool, err error) {
	err = s.read(func() { c, ok = s.Checkins[d] })
	return c, ok, err
}

// SaveCheckin replaces a night's check-in.
func (s *Storage) SaveCheckin(_ context.Context, c night.Checkin) error {
	return s.write(func() error { s.Checkins[c.Night] = c; return nil })
}

// LatestCheckin is the check-in of the latest night that has one.
func (s *Storage) LatestCheckin(context.Context) (c night.Checkin, ok bool, err error) {
	err = s.read(func() {
		for d, x := range s.Checkins {
			if d > c.Night {
				c, ok = x, true
			}
		}
	})
	return c, ok, err
}

// StartRun records a run's start.
func (s *Storage) StartRun(_ context.Context, r night.Run) (id int64, err error) {
	err = s.write(func() error {
		r.ID = int64(len(s.Runs) + 1)
		r.Status = routine.Running
		r.Steps = nil
		s.Runs = append(s.Runs, r)
		id = r.ID
		return nil
	})
	return id, err
}

// Checkpoint saves a run's state.
func (s *Storage) Checkpoint(_ context.Context, id int64, cp night.Checkpoint) error {
	return s.write(func() error {
		if id < 1 || int(id) > len(s.Runs) {
			return errors.New("no such run")
		}
		r := &s.Runs[id-1]
		r.Steps, r.CurrentStep, r.CurrentElapsed = slices.Clone(cp.Steps), cp.CurrentStep, cp.CurrentElapsed
		r.Status, r.EndedAt = cp.Status, cp.EndedAt
		return nil
	})
}

// LatestRun is the run that started last.
func (s *Storage) LatestRun(context.Context) (r night.Run, ok bool, err error) {
	err = s.read(func() {
		for i := len(s.Runs) - 1; i >= 0 && !ok; i-- {
			r, ok = s.Runs[i], s.Runs[i].Night != deletedNight
		}
		if !ok {
			r = night.Run{}
		}
	})
	return r, ok, err
}

// Interrupted is the latest run when it is still running and unlocked.
func (s *Storage) Interrupted(ctx context.Context) (night.Run, bool, error) {
	r, ok, err := s.LatestRun(ctx)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil || !ok || s.Locked || r.Status != routine.Running {
		return night.Run{}, false, err
	}
	return r, true, nil
}

type lock struct{ s *Storage }

func (l lock) Release() error {
	l.s.mu.Lock()
	defer l.s.mu.Unlock()
	l.s.Locked = false
	return nil
}

// LockRun takes the run lock, or returns journal.ErrRunElsewhere.
func (s *Storage) LockRun() (journal.Lock, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Locked {
		return nil, journal.ErrRunElsewhere
	}
	s.Locked = true
	return lock{s}, nil
}

// RunningElsewhere reports whether the run lock is held.
func (s *Storage) RunningElsewhere() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.Locked, nil
}

// records builds every night's record, in date order.
func (s *Storage) records() []night.Record {
	by := map[string]*night.Record{}
	get := func(d string) *night.Record {
		if by[d] == nil {
			by[d] = &night.Record{Night: d}
		}
		return by[d]
	}
	for d, e := range s.Evenings {
		e := e
		get(d).Evening = &e
	}
	for d, c := range s.Checkins {
		c := c
		get(d).Checkin = &c
	}
	for d, ds := range s.Taken {
		if len(ds) > 0 {
			get(d).Taken = slices.Clone(ds)
		}
	}
	for _, r := range s.Runs {
		if r.Night == deletedNight {
			continue
		}
		rec := get(r.Night)
		rec.Runs = append(rec.Runs, r)
	}
	for _, e := range s.Events {
		if e.Night == deletedNight {
			continue
		}
		rec := get(e.Night)
		rec.Events = append(rec.Events, cloneEvent(e))
	}
	for _, rec := range by {
		night.SortEvents(rec.Events)
	}
	out := make([]night.Record, 0, len(by))
	for _, d := range slices.Sorted(maps.Keys(by)) {
		out = append(out, *by[d])
	}
	return out
}

// Nights reads the nights in [from, to].
func (s *Storage) Nights(_ context.Context, from, to string) (out []night.Record, err error) {
	err = s.read(func() {
		for _, r := range s.records() {
			if (from == "" || r.Night >= from) && (to == "" || r.Night <= to) {
				out = append(out, r)
			}
		}
	})
	return out, err
}

// EachNight passes the nights in [from, to] to fn, from a copy read at
// once (fn may call the storage again).
func (s *Storage) EachNight(ctx context.Context, from, to string, fn func(night.Record) error) error {
	return Each(s.Nights(ctx, from, to))(fn)
}

// EachNightBrief passes every night as EachNight does, as Brief leaves
// each.
func (s *Storage) EachNightBrief(ctx context.Context, fn func(night.Record) error) error {
	return s.EachNight(ctx, "", "", func(r night.Record) error {
		if b, ok := Brief(r); ok {
			return fn(b)
		}
		return nil
	})
}

// Brief is r as EachNightBrief passes it: its runs without their steps,
// and without its doses; ok is false for a night of doses alone, which
// it does not pass.
func Brief(r night.Record) (_ night.Record, ok bool) {
	if r.Evening == nil && r.Checkin == nil && len(r.Runs) == 0 && len(r.Events) == 0 {
		return night.Record{}, false
	}
	r.Taken = nil
	if r.Runs != nil {
		runs := make([]night.Run, len(r.Runs))
		for i, run := range r.Runs {
			run.Steps = nil
			runs[i] = run
		}
		r.Runs = runs
	}
	return r, true
}

// Each gives the EachNight of a fake over the nights its Nights read:
// Each(recs, err)(fn) passes recs to fn in turn, or returns err.
func Each(recs []night.Record, err error) func(fn func(night.Record) error) error {
	return func(fn func(night.Record) error) error {
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}
}

// NightRange is the first and last night with a record, and their count.
func (s *Storage) NightRange(context.Context) (first, last string, n int, err error) {
	err = s.read(func() {
		recs := s.records()
		if n = len(recs); n > 0 {
			first, last = recs[0].Night, recs[n-1].Night
		}
	})
	return first, last, n, err
}

// Import adds every part of recs, replacing what a night had.
func (s *Storage) Import(_ context.Context, recs []night.Record, labs []night.Lab) (res journal.ImportResult, err error) {
	err = s.write(func() error {
		res.LabsAdded, res.LabsUpdated = s.mergeLabs(labs)
		for _, r := range recs {
			res.Added++
			if r.Evening != nil {
				s.Evenings[r.Night] = *r.Evening
			}
			if r.Checkin != nil {
				s.Checkins[r.Night] = *r.Checkin
			}
			s.addTaken(r.Night, r.Taken)
			for _, run := range r.Runs {
				run.ID, run.Night = int64(len(s.Runs)+1), r.Night
				s.Runs = append(s.Runs, run)
			}
			for _, e := range r.Events {
				e.Night = r.Night
				s.saveEvent(e)
			}
		}
		return nil
	})
	return res, err
}

// StartExperiment adds the experiment fn makes of the latest one.
func (s *Storage) StartExperiment(_ context.Context, fn func(journal.Experiment, bool) (journal.Experiment, error)) (id int64, err error) {
	err = s.write(func() error {
		if s.FailReads != nil {
			return s.FailReads
		}
		var latest journal.Experiment
		if n := len(s.Experiments); n > 0 {
			latest = cloneExperiment(s.Experiments[n-1])
		}
		e, err := fn(latest, len(s.Experiments) > 0)
		if err != nil {
			return err
		}
		if err := e.Validate(); err != nil {
			return err
		}
		e.ID = int64(len(s.Experiments) + 1)
		s.Experiments = append(s.Experiments, cloneExperiment(e))
		id = e.ID
		return nil
	})
	return id, err
}

// LatestExperiment is the experiment started last.
func (s *Storage) LatestExperiment(context.Context) (e journal.Experiment, ok bool, err error) {
	err = s.read(func() {
		if n := len(s.Experiments); n > 0 {
			e, ok = cloneExperiment(s.Experiments[n-1]), true
		}
	})
	return e, ok, err
}

// StopExperiment sets an experiment's stopped time, unless it has one.
func (s *Storage) StopExperiment(_ context.Context, id int64, at time.Time) error {
	return s.write(func() error {
		if id < 1 || int(id) > len(s.Experiments) {
			return errors.New("no such experiment")
		}
		if e := &s.Experiments[id-1]; e.StoppedAt.IsZero() {
			e.StoppedAt = at
		}
		return nil
	})
}

func cloneExperiment(e journal.Experiment) journal.Experiment {
	e.Weeks = slices.Clone(e.Weeks)
	return e
}

// DeleteNight deletes part of a night, as one write.
func (s *Storage) DeleteNight(_ context.Context, d string, part journal.Part) error {
	return s.write(func() error {
		if part.Has(journal.EveningPart) {
			delete(s.Evenings, d)
			delete(s.Taken, d)
		}
		if part.Has(journal.CheckinPart) {
			delete(s.Checkins, d)
		}
		if part == journal.AllParts {
			for i := range s.Events {
				if s.Events[i].Night == d {
					s.Events[i] = night.Event{ID: s.Events[i].ID, Night: deletedNight}
				}
			}
		}
		if part.Has(journal.RunsPart) {
			// Runs keep their places, so an ID stays its index + 1.
			for i := range s.Runs {
				if s.Runs[i].Night == d {
					s.Runs[i] = night.Run{ID: s.Runs[i].ID, Night: deletedNight}
				}
			}
		}
		return nil
	})
}

// deletedNight files a deleted run where no night is read.
const deletedNight = "deleted"

// DeleteBackups are the paths BackupBeforeDelete returned, in order.
func (s *Storage) DeleteBackups() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.backups)
}

// BackupBeforeDelete names a pretend copy, counting as a write.
func (s *Storage) BackupBeforeDelete(context.Context) (name string, err error) {
	err = s.write(func() error {
		name = fmt.Sprintf("/fake/quietlegs.db.delete-%d.bak", len(s.backups)+1)
		s.backups = append(s.backups, name)
		return nil
	})
	return name, err
}

// Backup does nothing: there is no file to copy.
func (s *Storage) Backup(context.Context, string) error { return s.write(func() error { return nil }) }

// Path names the pretend file.
func (s *Storage) Path() string { return "/fake/quietlegs.db" }

// SaveEvent adds a flare-up, or replaces event e.ID, or the one at the
// same instant, as the store does.
func (s *Storage) SaveEvent(_ context.Context, e night.Event) (id int64, err error) {
	err = s.write(func() error {
		if err := e.Validate(); err != nil {
			return err
		}
		if e.ID < 0 || int(e.ID) > len(s.Events) {
			return fmt.Errorf("no flare-up %d", e.ID)
		}
		id = s.saveEvent(e)
		return nil
	})
	return id, err
}

// AddEvent adds a flare-up unless one is recorded at its instant, which
// it returns instead, as the store does.
func (s *Storage) AddEvent(_ context.Context, e night.Event) (saved night.Event, added bool, err error) {
	err = s.write(func() error {
		if err := e.Validate(); err != nil {
			return err
		}
		for _, old := range s.Events {
			if old.Night != deletedNight && old.At.Equal(e.At) {
				saved = cloneEvent(old)
				return nil
			}
		}
		e.ID = 0
		e.ID = s.saveEvent(e)
		saved, added = cloneEvent(e), true
		return nil
	})
	return saved, added, err
}

// saveEvent stores e under the lock and returns its id.
func (s *Storage) saveEvent(e night.Event) int64 {
	if e.ID == 0 {
		for _, old := range s.Events {
			if old.Night != deletedNight && old.At.Equal(e.At) {
				e.ID = old.ID
			}
		}
	}
	if e.ID == 0 {
		e.ID = int64(len(s.Events) + 1)
		s.Events = append(s.Events, night.Event{})
	}
	s.Events[e.ID-1] = cloneEvent(e)
	return e.ID
}

func cloneEvent(e night.Event) night.Event {
	e.Tried = slices.Clone(e.Tried)
	return e
}
