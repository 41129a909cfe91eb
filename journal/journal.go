// Package journal is quietlegs' core: every action that the command line
// and the screens both perform lives here once. It drafts and saves the
// morning check-in, saves and amends the evening log, starts, checkpoints,
// finishes and resumes routine runs under the run lock, and computes
// insights, the report and the export.
//
// The journal speaks the domain's types (night, routine, insight) and keeps
// its records in a Storage that it declares; package store implements it.
// Front ends parse what a person typed into answers, call the journal, and
// format what it returns.
package journal

import (
	"context"
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Journal is one person's record, with their settings and routines.
type Journal struct {
	st    Storage
	set   night.Settings
	lib   *routine.Library
	clock routine.Clock
	hooks Hooks
}

// Config is what a Journal needs besides its storage.
type Config struct {
	// Settings give the day boundary and the evening checklist.
	Settings night.Settings
	// Library holds the routines; nil means none.
	Library *routine.Library
	// Clock tells the time; nil means the system clock.
	Clock routine.Clock
	// Hooks run the person's commands after a save; nil runs none.
	Hooks Hooks
}

// Hooks are told of what was saved, to run a person's commands (package
// hook): after a run's end and after a check-in.
type Hooks interface {
	// Run starts event's command, if any, with env, and returns at once.
	Run(event string, env []string)
	// TakeFailure is the latest failure not yet told, "" when none; each
	// is told once.
	TakeFailure() string
}

// noHooks runs nothing.
type noHooks struct{}

func (noHooks) Run(string, []string) {}
func (noHooks) TakeFailure() string  { return "" }

// New opens the journal kept in st.
func New(st Storage, c Config) *Journal {
	if c.Clock == nil {
		c.Clock = routine.SystemClock()
	}
	if c.Library == nil {
		c.Library = &routine.Library{}
	}
	if c.Hooks == nil {
		c.Hooks = noHooks{}
	}
	return &Journal{st: st, set: c.Settings, lib: c.Library, clock: c.Clock, hooks: c.Hooks}
}

// Settings are the person's settings.
func (j *Journal) Settings() night.Settings { return j.set }

// HookFailure is the latest failure of a person's hook command not yet
// told, "" when there is none: each is told once.
func (j *Journal) HookFailure() string { return j.hooks.TakeFailure() }

// Library is the routines, built-in and the person's own.
func (j *Journal) Library() *routine.Library { return j.lib }

// Clock is the journal's clock, for engines and screens that keep time.
func (j *Journal) Clock() routine.Clock { return j.clock }

// Now is the wall-clock time, in local time.
func (j *Journal) Now() time.Time { return j.clock.Now().Wall }

// Tonight is the night that now belongs to, by the day boundary.
func (j *Journal) Tonight() string { return night.Of(j.Now(), j.set.Boundary) }

// LastNight is the night a morning check-in made now is about.
func (j *Journal) LastNight() string { return night.Last(j.Now()) }

// checkNight refuses a night that is no date, out of range, or yet to
// come: after tonight, by the day boundary.
func (j *Journal) checkNight(date string) error {
	if err := night.CheckDate(date); err != nil {
		return err
	}
	if tonight := j.Tonight(); date > tonight {
		return &night.FieldError{Field: night.FieldNight, Msg: fmt.Sprintf("%s has not come yet (tonight is %s)", date, tonight)}
	}
	return nil
}

// Where names the file the records are kept in, for messages.
func (j *Journal) Where() string { return j.st.Path() }

// ioTimeout bounds one read or write, so a stuck disk never hangs a screen
// for good. It outlasts the store's busy timeout (15 s), so a save that
// waits for a long import in another window still gets its turn.
const ioTimeout = 20 * time.Second

// bounded is ctx with the journal's time limit for one read or write.
func bounded(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, ioTimeout)
}
