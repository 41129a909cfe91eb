package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/debug"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/quietlegs/quietlegs/logsafe"
	"github.com/quietlegs/quietlegs/store"
	"github.com/quietlegs/quietlegs/ui"
	"github.com/quietlegs/quietlegs/ui/ondemand"
)

// runTUI opens the screens; o says where to start, and the rest of the
// wiring is filled in here.
func (a *app) runTUI(ctx context.Context, o ui.Options) error {
	if a.plainMode() && o.Start != ui.StartRoutine {
		return usageError("this needs a terminal that can show screens (output is not a terminal, or TERM=dumb); " +
			"without one, use quietlegs evening --plain, or quietlegs morning with flags (see --help)")
	}
	// A screen reads a window of nights at a time: a small page cache
	// keeps what it reads again, and keeps history under 20 MB.
	j, closeDB, err := a.open(store.WithCacheKiB(screenCacheKiB))
	if err != nil {
		return err
	}
	defer closeDB()
	// The screen needs no parallelism, and one P saves the runtime waking a
	// second thread on every frame tick (about a fifth of idle wake-ups).
	runtime.GOMAXPROCS(1)
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(screenMemoryLimit)
	}
	o.Journal, o.Speed = j, a.speed
	if o.Cues, err = a.cues(j.Settings()); err != nil {
		return err
	}
	defer o.Cues.Close(cueDrain)
	root := ui.New(o)
	// Lip Gloss already detected the colour profile when it loaded; giving
	// it to Bubble Tea saves a second detection, which inside tmux runs
	// `tmux info` and delays the first frame.
	profile := lipgloss.Writer.Profile
	if os.Getenv("NO_COLOR") != "" {
		// Lip Gloss reads NO_COLOR as a boolean; the convention is any value.
		profile = colorprofile.ASCII
	}
	// Main's context owns SIGINT, SIGTERM and SIGHUP, so a closed terminal
	// saves the run too.
	var runErr error
	if os.Getenv(rendererEnv) == "bubbletea" || !ondemand.Supported {
		opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler(), tea.WithFPS(fps), tea.WithColorProfile(profile)}
		_, runErr = tea.NewProgram(root, opts...).Run()
	} else {
		term := ondemand.Terminal{In: os.Stdin, Out: os.Stdout, Env: os.Environ(), Profile: profile}
		_, runErr = ondemand.Run(ctx, root, term, tea.WithoutSignalHandler())
	}
	if runErr != nil {
		a.log.Info("screen ended", "err", logsafe.Describe(runErr), "cause", logsafe.Describe(context.Cause(ctx)))
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

// screenMemoryLimit is the soft limit on the Go memory of a screen (as
// GOMEMLIMIT). A screen holds about 3 MB; reading ten years for insights
// makes garbage faster than one P collects it at the default pace, and
// the heap grew to twice what it held. Near the limit the collector runs
// sooner: insights with ten years peak 2 MB lower (see the README's
// "With a long history").
const screenMemoryLimit = 10 << 20

// screenCacheKiB is the SQLite page cache of the screens, in KiB: a
// window of nights is a few pages, and the system's file cache holds the
// rest. Insights read every page once, and would fill a larger one.
const screenCacheKiB = 64

// rendererEnv names the environment variable that, set to "bubbletea",
// draws with Bubble Tea's own renderer on its frame ticker instead of on
// demand (package ui/ondemand): a way back should the adapter misbehave.
// Where ondemand is not supported (no SIGWINCH: Windows), Bubble Tea's
// renderer draws anyway.
const rendererEnv = "QUIETLEGS_RENDERER"

// fps is the frame rate of Bubble Tea's own renderer, with
// QUIETLEGS_RENDERER=bubbletea. Its ticker runs even when nothing changes,
// and each tick wakes the Go runtime about four times, so it sets the idle
// cost; 20 frames a second still puts a key press on screen within 50 ms.
// See the README's performance section.
const fps = 20
