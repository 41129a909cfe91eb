// Package cli is quietlegs' command line: the cobra commands, one file per
// group, their exit statuses and signals, the debug log, and the wiring
// that opens the store and the settings and hands them to the journal.
// It is the only package that knows package store.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/hook"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/logsafe"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/paths"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui"
)

// Main runs the command line with the process's arguments and returns the
// exit status.
func Main(stdout, stderr io.Writer) int {
	ctx, stop := signalContext()
	cmd, a := newRootCmd(stdout, stderr)
	err := cmd.ExecuteContext(ctx)
	stop()
	if err == nil {
		err = interrupted(ctx)
	}
	a.logEnd(err)
	if err == nil {
		return 0
	}
	fmt.Fprintln(a.stderr, "quietlegs:", err)
	var ee exitError
	if errors.As(err, &ee) {
		return ee.code
	}
	return 1
}

// The range --speed accepts: slow enough to follow, fast enough to test.
const (
	minSpeed = 0.1
	maxSpeed = 10000
)

// app holds the flags every command shares, and what they open.
type app struct {
	// stdout and stderr neutralise control characters in what they print
	// (stdout only when it is a terminal: a file gets exact text); out is
	// standard output as it is, for plain mode's bell.
	stdout, stderr, out io.Writer
	places              paths.Set
	db                  string
	quiet               bool
	speed               float64
	plain               bool
	anyway              bool
	routineName         string
	cue                 cueFlags
	pace                string

	debug bool
	log   *slog.Logger
	// closeLog ends the debug log, if one was opened.
	closeLog func()
}

// newRootCmd builds the command tree; the app it returns holds what Main
// must close.
func newRootCmd(stdout, stderr io.Writer) (*cobra.Command, *app) {
	a := &app{stdout: stdout, stderr: termsafe.Writer(stderr), out: stdout,
		places: paths.Default(), log: discard(), closeLog: func() {}}
	if f, ok := stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		a.stdout = termsafe.Writer(stdout)
	}
	root := &cobra.Command{
		Use:   "quietlegs",
		Short: "A calm evening routine and sleep diary for restless legs",
		Long: "quietlegs guides a timed evening wind-down routine for restless legs\n" +
			"(stretches, muscle relaxation, compresses, massage, slow breathing) and\n" +
			"keeps a private record of it on this computer.\n\n" +
			"It gives no medical advice. Talk to a clinician about your symptoms.",
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if a.debug {
				log, c, err := openDebugLog(a.places)
				if err != nil {
					return err
				}
				a.log, a.closeLog = log, func() { c.Close() }
				a.log.Info("command", "name", cmd.CommandPath())
			}
			if a.cue.sound != "" {
				if _, err := cue.ParseSound(a.cue.sound); err != nil {
					return usageError("--sound: %v", err)
				}
			}
			// NaN and infinities parse as floats; none of them is a speed.
			if !(a.speed >= minSpeed && a.speed <= maxSpeed) {
				return usageError("--speed %v: want a number from %v to %v", a.speed, minSpeed, maxSpeed)
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.runTUI(cmd.Context(), ui.Options{Start: ui.StartHome})
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error {
		return exitError{2, err} // a usage error, as with any Unix command
	})
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&a.db, "db", "", "database file (default $QUIETLEGS_DB, else the data directory)")
	pf.BoolVar(&a.quiet, "quiet", false, "no sound at phase changes (--sound off)")
	pf.Float64Var(&a.speed, "speed", 1, "run routine time this many times faster (for trying a routine out)")
	pf.BoolVar(&a.debug, "debug", false, "write a log to the state folder (~/.local/state/quietlegs/debug.log)")
	a.cue.register(root)
	root.AddCommand(a.eveningCmd(), a.morningCmd(), a.historyCmd(), a.insightsCmd(), a.reportCmd(),
		a.routinesCmd(), a.tookCmd(), a.labsCmd(), a.exportCmd(), a.importCmd(), a.backupCmd(), a.restoreCmd(), a.deleteCmd(),
		a.experimentCmd(), a.flareCmd(), a.statusCmd(), a.configCmd(), a.remindCmd())
	refuseUnknownShells(root)
	return root, a
}

// refuseUnknownShells makes `completion tcsh` a usage error (exit 2)
// naming the shells there are, where cobra would print its help and
// succeed.
func refuseUnknownShells(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		var shells []string
		for _, sub := range c.Commands() {
			shells = append(shells, sub.Name())
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usageError("completion %q: no such shell; want one of %s", args[0], strings.Join(shells, ", "))
			}
			return cmd.Help()
		}
	}
}

// settings reads the day boundary and checklist: the defaults, then the
// person's config file over them.
func (a *app) settings() (night.Settings, error) {
	return night.LoadSettings(assets.Config(), a.places.Config)
}

// library loads the built-in routines and the person's own.
func (a *app) library() (*routine.Library, error) {
	return routine.LoadLibrary(assets.RoutineFS(), a.places.Routines)
}

// plainMode is on when asked for, or when there is no terminal to draw on.
func (a *app) plainMode() bool {
	return a.plain || !term.IsTerminal(os.Stdout.Fd()) || os.Getenv("TERM") == "dumb"
}

func (a *app) dbPath() (string, error) {
	if a.db != "" {
		return a.db, nil
	}
	if p := os.Getenv("QUIETLEGS_DB"); p != "" {
		return p, nil
	}
	return a.places.DatabasePath()
}

// open opens the journal: the settings, the routines and the database.
// close closes the database. opts are passed to store.Open.
func (a *app) open(opts ...store.Option) (j *journal.Journal, close func(), err error) {
	set, err := a.settings()
	if err != nil {
		return nil, nil, err
	}
	lib, err := a.library()
	if err != nil {
		return nil, nil, err
	}
	if _, ok := lib.Default(set.DefaultRoutine); set.DefaultRoutine != "" && !ok {
		return nil, nil, fmt.Errorf("%s: default_routine: no routine named %q (see: quietlegs routines)",
			a.places.Config, set.DefaultRoutine)
	}
	path, err := a.dbPath()
	if err != nil {
		return nil, nil, err
	}
	st, err := store.Open(path, opts...)
	if err != nil {
		a.log.Error("open database", "err", logsafe.Describe(err))
		return nil, nil, err
	}
	// The path is left out of the log: --db is something the person typed.
	a.log.Info("open database")
	for _, n := range st.Notices() {
		fmt.Fprintln(a.stderr, "quietlegs:", n)
	}
	hooks := a.hooks(set, path)
	j = journal.New(st, journal.Config{Settings: set, Library: lib, Hooks: hooks})
	return j, func() {
		// A hook started just now may still fail: wait a little, so it
		// is told here rather than next time.
		hooks.Wait(hookWait)
		if msg := hooks.TakeFailure(); msg != "" {
			fmt.Fprintln(a.stderr, "quietlegs:", msg)
		}
		st.Close()
	}, nil
}

// hookWait is how long a command waits at its end for the hooks it
// started: long enough for a notification, short enough not to keep a
// person waiting for a slow one (which runs on; should it fail after
// quietlegs has ended, nobody is left to tell it).
const hookWait = 2 * time.Second

// hooks runs the settings' on_routine_end and on_checkin commands,
// logging failures in the state folder (beside the database without one).
func (a *app) hooks(set night.Settings, dbPath string) *hook.Runner {
	dir := a.places.StateDir
	if dir == "" {
		dir = filepath.Dir(dbPath)
	}
	return hook.New(map[string]string{hook.RoutineEnd: set.OnRoutineEnd, hook.Checkin: set.OnCheckin}, dir, time.Now)
}

// journalCommand is a command of no arguments that works on the journal.
func (a *app) journalCommand(use, short string, run func(context.Context, *journal.Journal) error) *cobra.Command {
	return &cobra.Command{Use: use, Short: short, Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withJournal(func(j *journal.Journal) error { return run(cmd.Context(), j) })
		}}
}

// withJournal opens the journal, runs fn with it, and closes it. opts
// are passed to store.Open: a command that only reads passes
// store.ReadingOnly().
func (a *app) withJournal(fn func(*journal.Journal) error, opts ...store.Option) error {
	j, closeDB, err := a.open(opts...)
	if err != nil {
		return err
	}
	defer closeDB()
	return fn(j)
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// usageError is a bad value on the command line: exit status 2, nothing
// written.
func usageError(format string, args ...any) error {
	return exitError{2, fmt.Errorf(format, args...)}
}

// flagError turns the journal's field errors into a usage error naming
// each flag to fix; any other error passes through.
func flagError(err error) error {
	es := night.AsFieldErrors(err)
	if es == nil {
		return err
	}
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = "--" + e.Error()
	}
	return exitError{2, errors.New(strings.Join(msgs, "; "))}
}
