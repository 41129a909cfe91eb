// Command quietlegs guides an evening wind-down routine for restless legs,
// and keeps a private record of it in SQLite.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
	"github.com/quietlegs/quietlegs/ui"
)

func main() {
	ctx, stop := signalContext()
	cmd, a := newRootCmd(os.Stdout, os.Stderr)
	err := cmd.ExecuteContext(ctx)
	stop()
	if err == nil {
		err = interrupted(ctx)
	}
	a.logEnd(err)
	if err != nil {
		fmt.Fprintln(os.Stderr, "quietlegs:", err)
		var ee exitError
		if errors.As(err, &ee) {
			os.Exit(ee.code)
		}
		os.Exit(1)
	}
}

// The range --speed accepts: slow enough to follow, fast enough to test.
const (
	minSpeed = 0.1
	maxSpeed = 10000
)

// app holds the flags every command shares.
type app struct {
	stdout, stderr io.Writer
	db             string
	quiet          bool
	speed          float64
	plain          bool
	routineName    string

	// set caches the settings file once read.
	set *night.Settings

	debug bool
	log   *slog.Logger
	// closeLog ends the debug log, if one was opened.
	closeLog func()
}

// newRootCmd builds the command tree; the app it returns holds what main
// must close.
func newRootCmd(stdout, stderr io.Writer) (*cobra.Command, *app) {
	a := &app{stdout: stdout, stderr: stderr, log: discard(), closeLog: func() {}}
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
				log, c, err := openDebugLog()
				if err != nil {
					return err
				}
				a.log, a.closeLog = log, func() { c.Close() }
				a.log.Info("command", "name", cmd.CommandPath())
			}
			// NaN and infinities parse as floats; none of them is a speed.
			if !(a.speed >= minSpeed && a.speed <= maxSpeed) {
				return exitError{2, fmt.Errorf("--speed %v: want a number from %v to %v", a.speed, minSpeed, maxSpeed)}
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
	root.SetOut(stdout)
	root.SetErr(stderr)
	pf := root.PersistentFlags()
	pf.StringVar(&a.db, "db", "", "database file (default $QUIETLEGS_DB, else the data directory)")
	pf.BoolVar(&a.quiet, "quiet", false, "no bell at phase changes")
	pf.Float64Var(&a.speed, "speed", 1, "run routine time this many times faster (for trying a routine out)")
	pf.BoolVar(&a.debug, "debug", false, "write a log to the state folder (~/.local/state/quietlegs/debug.log)")
	root.AddCommand(a.eveningCmd(), a.morningCmd(), a.historyCmd(), a.insightsCmd(), a.reportCmd(),
		a.routinesCmd(), a.exportCmd(), a.importCmd(), a.backupCmd())
	return root, a
}

// settings reads the day boundary and checklist: the defaults, then the
// person's config file over them.
func (a *app) settings() (night.Settings, error) {
	if a.set != nil {
		return *a.set, nil
	}
	path, err := night.SettingsPath()
	if err != nil {
		path = "" // no config folder: defaults only
	}
	set, err := night.LoadSettings(assets.Config(), path)
	if err != nil {
		return night.Settings{}, err
	}
	a.set = &set
	return set, nil
}

func (a *app) library() (*routine.Library, error) {
	dir, err := routine.UserDir()
	if err != nil {
		dir = "" // no config directory: built-ins only
	}
	return routine.LoadLibrary(assets.RoutineFS(), dir)
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
	return store.DefaultPath()
}

func (a *app) openStore() (*store.Store, error) {
	path, err := a.dbPath()
	if err != nil {
		return nil, err
	}
	st, err := store.Open(path)
	if err != nil {
		a.log.Error("open database", "err", err)
		return nil, err
	}
	a.log.Info("open database", "path", path)
	return st, nil
}

// records opens what a routine is saved to: the settings that file it by
// night, and the store.
func (a *app) records() (night.Settings, *store.Store, error) {
	set, err := a.settings()
	if err != nil {
		return set, nil, err
	}
	st, err := a.openStore()
	return set, st, err
}

// runTUI opens the screens; o says where to start, and the rest of the
// wiring is filled in here.
func (a *app) runTUI(ctx context.Context, o ui.Options) error {
	if a.plainMode() && o.Start != ui.StartRoutine {
		return usageError("this needs a terminal that can show screens (output is not a terminal, or TERM=dumb); " +
			"without one, use quietlegs evening --plain, or quietlegs morning with flags (see --help)")
	}
	lib, err := a.library()
	if err != nil {
		return err
	}
	set, st, err := a.records()
	if err != nil {
		return err
	}
	defer st.Close()
	// The screen needs no parallelism, and one P saves the runtime waking a
	// second thread on every frame tick (about a fifth of idle wake-ups).
	runtime.GOMAXPROCS(1)
	o.Library, o.Saver, o.Diary, o.Runs, o.History, o.Settings = lib, st, st, st, st, set
	o.Speed, o.Quiet = a.speed, a.quiet
	root := ui.New(o)
	opts := []tea.ProgramOption{
		tea.WithContext(ctx),
		// main's context owns SIGINT, SIGTERM and SIGHUP, so a closed
		// terminal saves the run too.
		tea.WithoutSignalHandler(),
		tea.WithFPS(fps),
	}
	// Lip Gloss already detected the colour profile when it loaded; giving
	// it to Bubble Tea saves a second detection, which inside tmux runs
	// `tmux info` and delays the first frame.
	profile := lipgloss.Writer.Profile
	if os.Getenv("NO_COLOR") != "" {
		// Lip Gloss reads NO_COLOR as a boolean; the convention is any value.
		profile = colorprofile.ASCII
	}
	opts = append(opts, tea.WithColorProfile(profile))
	_, runErr := tea.NewProgram(root, opts...).Run()
	if runErr != nil {
		a.log.Info("screen ended", "err", runErr, "cause", context.Cause(ctx))
	}
	// Whatever ended the program, a routine still running is saved as it
	// stands before exiting.
	if line := root.Close(); line != "" {
		fmt.Fprintln(a.stdout, line)
	}
	if runErr != nil && !errors.Is(runErr, tea.ErrProgramKilled) && !errors.Is(runErr, context.Canceled) {
		return fmt.Errorf("run screen: %w", runErr)
	}
	return nil
}

// fps is the renderer's frame rate. Its ticker runs even when nothing
// changes, and each tick wakes the Go runtime about four times, so it sets
// the idle cost; 20 frames a second still puts a key press on screen within
// 50 ms. See the README's performance section.
const fps = 20

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}
