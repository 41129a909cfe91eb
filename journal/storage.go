package journal

import (
	"context"
	"errors"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// Storage is what the journal keeps its records in. Package store
// implements it over SQLite; tests use a fake. Every method speaks the
// domain's types, so nothing above the journal knows how records are kept.
type Storage interface {
	// Evening reads the evening log of the night date, reporting false
	// when there is none; SaveEvening replaces it.
	Evening(ctx context.Context, date string) (night.Evening, bool, error)
	SaveEvening(ctx context.Context, e night.Evening) error
	// Checkin reads the check-in of the night date, reporting false when
	// there is none; SaveCheckin replaces it.
	Checkin(ctx context.Context, date string) (night.Checkin, bool, error)
	SaveCheckin(ctx context.Context, c night.Checkin) error
	// UpdateEvening and UpdateCheckin read the night date's evening log
	// or check-in, pass it to fn (with whether there was one), and save
	// what fn returns in its place, all in one transaction that no other
	// writer can enter between the read and the write, so two changes to
	// one night made at once never lose either. An error from fn saves
	// nothing and is returned as it is.
	UpdateEvening(ctx context.Context, date string, fn func(old night.Evening, existed bool) (night.Evening, error)) error
	UpdateCheckin(ctx context.Context, date string, fn func(old night.Checkin, existed bool) (night.Checkin, error)) error
	// LatestCheckin is the check-in of the latest night that has one.
	LatestCheckin(ctx context.Context) (night.Checkin, bool, error)

	// StartRun records the start of r (status running) and returns its id.
	StartRun(ctx context.Context, r night.Run) (int64, error)
	// Checkpoint saves a run's state at a transition, in one transaction.
	Checkpoint(ctx context.Context, id int64, cp night.Checkpoint) error
	// LatestRun is the run that started last.
	LatestRun(ctx context.Context) (night.Run, bool, error)
	// Interrupted is the latest run if it was cut off: still running in
	// the record while nobody holds the run lock.
	Interrupted(ctx context.Context) (night.Run, bool, error)
	// LockRun takes the run lock without waiting, or returns
	// ErrRunElsewhere when another process holds it.
	LockRun() (Lock, error)
	// RunningElsewhere reports whether another process holds the run lock.
	RunningElsewhere() (bool, error)

	// Nights reads every night with any record in [from, to] (YYYY-MM-DD,
	// inclusive; "" leaves that end open), in date order.
	Nights(ctx context.Context, from, to string) ([]night.Record, error)
	// EachNight passes the nights Nights would read to fn one at a time,
	// in date order, from one consistent state, without holding them all;
	// an error from fn stops it and is returned as it is.
	EachNight(ctx context.Context, from, to string, fn func(night.Record) error) error
	// EachNightBrief is EachNight over every night, with each night's
	// runs passed without their steps and its doses left out (a night
	// with nothing else is not passed): what insights compare, and the
	// flare-ups, without the rest.
	EachNightBrief(ctx context.Context, fn func(night.Record) error) error
	// NightRange is the first and last night with any record, and how many
	// nights have one.
	NightRange(ctx context.Context) (first, last string, n int, err error)
	// Import merges records by night and iron results by date, all or
	// nothing, in one transaction. A night's doses are added to those
	// stored (matched by their words and instant); none is deleted. Results
	// of a date replace those stored for it.
	Import(ctx context.Context, recs []night.Record, labs []night.Lab) (ImportResult, error)

	// UpdateTaken reads the doses filed under the night date, passes them
	// to fn, and saves what fn returns as the night's doses, in one
	// transaction, as UpdateEvening does.
	UpdateTaken(ctx context.Context, date string, fn func(old []night.Dose) ([]night.Dose, error)) error
	// KnownDoses are the different doses (name and amount) recorded on
	// any night, the latest first, at most limit; each Night is the latest
	// night it was taken, and At is left zero.
	KnownDoses(ctx context.Context, limit int) ([]night.Dose, error)
	// UpdateLab reads the iron results of date (with whether there are
	// any), passes them to fn and saves what it returns, in one
	// transaction.
	UpdateLab(ctx context.Context, date string, fn func(old night.Lab, existed bool) (night.Lab, error)) error
	// Labs reads every set of iron results, in date order.
	Labs(ctx context.Context) ([]night.Lab, error)
	// DeleteLab deletes the results of date, returning them and whether
	// there were any.
	DeleteLab(ctx context.Context, date string) (night.Lab, bool, error)
	// StartExperiment reads the latest experiment (the one started last,
	// with whether there is one), passes it to fn, and saves the
	// experiment fn returns as a new one, all in one transaction that no
	// other writer can enter between the read and the write, so two
	// experiments started at once never both run. It returns the new id.
	// An error from fn saves nothing and is returned as it is.
	StartExperiment(ctx context.Context, fn func(latest Experiment, ok bool) (Experiment, error)) (int64, error)
	// LatestExperiment is the experiment started last, reporting false
	// when there has been none.
	LatestExperiment(ctx context.Context) (Experiment, bool, error)
	// StopExperiment sets the stopped time of experiment id, unless it
	// was stopped already; its nights are kept.
	StopExperiment(ctx context.Context, id int64, at time.Time) error

	// SaveEvent saves a flare-up: a new one when e.ID is 0, else in place
	// of event e.ID; an event at the same instant as e is replaced, so
	// saving one twice never makes two. It returns the event's id.
	SaveEvent(ctx context.Context, e night.Event) (int64, error)
	// AddEvent saves e as a new flare-up and returns it with its id, and
	// true; when one is already recorded at e's instant it saves nothing
	// and returns that one, and false, in one step no other writer can
	// enter.
	AddEvent(ctx context.Context, e night.Event) (night.Event, bool, error)

	// DeleteNight deletes part of what is filed under the night date (all
	// of it for AllParts) in one transaction: the evening log with its
	// ticked items, the check-in, the routine runs with their steps, and
	// (for AllParts only) the flare-ups. A
	// part the night does not have is no error.
	DeleteNight(ctx context.Context, date string, part Part) error

	// Backup writes a consistent copy of everything to path, which must
	// not exist yet.
	Backup(ctx context.Context, path string) error
	// BackupBeforeDelete writes a copy of everything beside the records,
	// keeping the newest few such copies, and returns its path.
	BackupBeforeDelete(ctx context.Context) (string, error)
	// Path names where the records are, for messages.
	Path() string
}

// Lock is the run lock, held while a routine runs. The operating system
// lets go of it when the holder ends in any way, which is how a run cut off
// is told from one still running in another window.
type Lock interface {
	Release() error
}

// ErrRunElsewhere means another process holds the run lock: a routine is
// running in another window.
var ErrRunElsewhere = errors.New("a routine is running in another window")

// ImportResult counts the nights an import touched.
type ImportResult struct {
	// Added nights had no record before.
	Added int
	// Updated nights had a part (evening log, check-in or run) added or
	// overwritten because it differed.
	Updated int
	// Unchanged nights already held everything imported for them.
	Unchanged int
	// LabsAdded and LabsUpdated count the dates of iron results added and
	// replaced.
	LabsAdded, LabsUpdated int
}
