// Package ui is quietlegs' terminal interface: a root model that keeps a
// stack of screens and routes messages to the one on top, and the screens
// that start and run a routine or fill in the diary (home, the routine
// picker, the evening log, the morning check-in, the runner and the run
// cut off). Every read and write goes through the journal, in a tea.Cmd.
// The sub-packages hold screen (what every screen shares), form (the form
// engine), history (the history browser) and nightfmt (how a night is
// shown).
package ui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/flare"
	"github.com/quietlegs/quietlegs/ui/history"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// Start says which screen the app opens on.
type Start int

// Screens the app can open on.
const (
	StartHome Start = iota
	StartPicker
	StartRoutine
	// StartMorning opens the morning check-in for Options.Night, or for
	// last night when that is empty.
	StartMorning
	// StartHistory opens the history browser.
	StartHistory
	// StartFlare opens the night toolkit for a flare-up.
	StartFlare
)

// Options wires the app to the journal and says where to start.
type Options struct {
	// Journal is the person's record, settings, routines and clock.
	Journal *journal.Journal
	// Speed runs routine time faster; 1 is real time.
	Speed float64
	// Cues sounds and speaks a routine's cues; nil for silence.
	Cues *cue.Cues
	// SkipEveningLog starts routines straight away, without the evening
	// log before them.
	SkipEveningLog bool
	Start          Start
	// Routine is what StartRoutine runs.
	Routine *routine.Routine
	// Night is the night (YYYY-MM-DD) StartMorning checks in for or edits;
	// empty means last night.
	Night string
}

// shared is what the root package's screens read: the screen context
// every screen shares, the journal, and the options.
type shared struct {
	*screen.Context
	j    *journal.Journal
	opts Options
}

// beginRoutineMsg starts r now; notice is shown until the first key.
type beginRoutineMsg struct {
	r      *routine.Routine
	notice string
}

// Root keeps the stack of screens, routes messages to the one on top and
// holds what screens share. Screens move between them by sending
// screen.PushMsg, PopMsg and ReplaceMsg; the root builds only the screens
// that need what it alone holds: the run lock and the runner.
type Root struct {
	sh *shared
	// stack is the screens open, the one shown last. It is never empty:
	// popping the last one quits.
	stack []screen.Screen
	// checkRuns is set when the app opened where a run cut off is asked
	// about first.
	checkRuns bool
	// runner is kept to report the run's outcome after the program ends.
	runner *runner
	// lock is the run lock, held while locked.
	lock   journal.Lock
	locked bool
	// lockErr is why the run lock could not be checked, told at the start.
	lockErr error
	// alongside is set when a routine was started while another runs in
	// another window.
	alongside bool
}

// New builds the app. Dark colours are assumed until the terminal says.
// It reads nothing: what the first screen shows is read by Init's
// commands.
func New(o Options) *Root {
	j := o.Journal
	sh := &shared{Context: screen.NewContext(j.Clock(), j.Settings(), j.Library()), j: j, opts: o}
	m := &Root{sh: sh}
	switch {
	case o.Start == StartRoutine && o.Routine != nil:
		if m.lockRun() {
			m.stack = []screen.Screen{m.routine(o.Routine)}
		} else {
			// No there goes home, as from anywhere else.
			m.stack = []screen.Screen{newHome(sh), m.ask(o.Routine.DisplayTitle(), runRoutineMsg{r: o.Routine, alongside: true})}
		}
	case o.Start == StartMorning:
		nightDate := o.Night
		if nightDate == "" {
			nightDate = night.Last(sh.Now())
		}
		m.stack = []screen.Screen{newMorning(sh, nightDate, leaveQuits)}
	case o.Start == StartPicker:
		// Back from the picker goes home, even when it opened first.
		m.stack = []screen.Screen{newHome(sh), newPicker(sh)}
		m.checkRuns = true
	case o.Start == StartHistory:
		m.stack = []screen.Screen{newHistoryScreen(sh, false)}
	case o.Start == StartFlare:
		m.stack = []screen.Screen{flare.New(sh.Context, sh.j)}
	default:
		m.stack = []screen.Screen{newHome(sh)}
		m.checkRuns = true
	}
	return m
}

// newHistoryScreen is the history browser on the journal's nights.
func newHistoryScreen(sh *shared, fromHome bool) screen.Screen {
	return history.New(sh.Context, sh.j, fromHome)
}

// top is the screen shown.
func (m *Root) top() screen.Screen { return m.stack[len(m.stack)-1] }

// routine is the first screen of running r: the evening log, or the run.
func (m *Root) routine(r *routine.Routine) screen.Screen {
	if m.sh.opts.SkipEveningLog {
		return m.newRunner(r, "")
	}
	return newEvening(m.sh, r)
}

func (m *Root) newRunner(r *routine.Routine, notice string) screen.Screen {
	return m.startRunner(m.sh.j.NewRun(r, m.sh.opts.Speed), notice)
}

func (m *Root) startRunner(run *journal.Run, notice string) screen.Screen {
	m.runner = newRunner(m.sh, run)
	if notice == "" && m.lockErr != nil {
		notice = "could not check for other windows: " + m.lockErr.Error()
	}
	// What was asked for and not found: a sound player, a voice.
	sound, voice := m.sh.opts.Cues.Notes()
	m.runner.cueNote = strings.TrimSpace(sound + " " + voice)
	m.runner.notice = notice
	m.runner.alongside = m.alongside
	m.runner.onEnd = m.releaseRun
	m.runner.fromHome = m.sh.opts.Start == StartHome
	return m.runner
}

// Init asks for the terminal's background colour, starts the screen and,
// on home or the picker, looks for a run that was cut off.
func (m *Root) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor, m.top().Init()}
	if m.checkRuns {
		cmds = append(cmds, m.findInterrupted())
	}
	return tea.Batch(cmds...)
}

// Update keeps the shared state current, moves between screens and routes
// everything else to the screen on top.
func (m *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.Width, m.sh.Height = msg.Width, msg.Height
		// Every open screen hears it, so each keeps its scrolling right
		// for the screen it will be drawn on when it is on top again.
		var cmds []tea.Cmd
		for i, s := range m.stack {
			var cmd tea.Cmd
			m.stack[i], cmd = s.Update(msg)
			cmds = append(cmds, cmd)
		}
		return m, tea.Batch(cmds...)
	case tea.BackgroundColorMsg:
		m.sh.SetDark(msg.IsDark())
		return m, nil
	case screen.PushMsg:
		m.stack = append(m.stack, msg.Screen)
		return m, msg.Screen.Init()
	case screen.ReplaceMsg:
		return m.replace(msg.Screen)
	case screen.PopMsg:
		m.releaseRun() // nothing runs on a screen gone back to
		if len(m.stack) == 1 {
			// The last screen stays to be drawn while the program ends.
			return m, tea.Quit
		}
		m.stack = m.stack[:len(m.stack)-1]
		return m.route(screen.RevealedMsg{})
	case interruptedMsg:
		if m.runner != nil {
			return m, nil // a routine started meanwhile: ask next time
		}
		s := newInterrupted(m.sh, msg.s)
		m.stack = append(m.stack, s)
		return m, s.Init()
	case history.EditMsg:
		var s screen.Screen = newMorning(m.sh, msg.Night, leaveBack)
		if msg.Evening {
			s = newEveningEdit(m.sh, msg.Night)
		}
		m.stack = append(m.stack, s)
		return m, s.Init()
	case runRoutineMsg:
		if !msg.alongside && !m.lockRun() {
			msg.alongside = true
			return m.push(m.ask(msg.r.DisplayTitle(), msg))
		}
		m.alongside = msg.alongside
		return m.replace(m.routine(msg.r))
	case resumeRunMsg:
		// A cut-off run goes on in one window only: when another holds
		// the lock it has resumed this run (or runs another), and two
		// windows writing one record would undo each other.
		if !m.lockRun() {
			return m.route(resumeRefusedMsg{})
		}
		return m.replace(m.startRunner(msg.run, ""))
	case beginRoutineMsg:
		return m.replace(m.newRunner(msg.r, msg.notice))
	case flare.RunMsg:
		return m.replace(m.flareRunner(msg))
	case routineClosedMsg:
		// Back home, which reads tonight afresh and shows the run. The
		// runner stays known, so Close saves it once more in case the
		// last save has not landed when the program ends.
		h := newHome(m.sh)
		h.ownLock = m.locked // released once the end's save lands
		m.stack = []screen.Screen{h}
		return m, m.top().Init()
	}
	return m.route(msg)
}

func (m *Root) route(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	m.stack[len(m.stack)-1], cmd = m.top().Update(msg)
	return m, cmd
}

func (m *Root) push(s screen.Screen) (tea.Model, tea.Cmd) {
	m.stack = append(m.stack, s)
	return m, s.Init()
}

func (m *Root) replace(s screen.Screen) (tea.Model, tea.Cmd) {
	m.stack[len(m.stack)-1] = s
	return m, s.Init()
}

// View draws the current screen, or asks for a bigger terminal.
func (m *Root) View() tea.View {
	var s string
	if m.sh.Width < screen.MinWidth || m.sh.Height < screen.MinHeight {
		s = m.sh.Styles.Warn.Render(screen.Truncate("Terminal too small", m.sh.Width))
	} else {
		s = m.top().View()
	}
	v := tea.NewView(s)
	v.AltScreen = true
	v.WindowTitle = "quietlegs"
	return v
}

// Close ends a routine still running when the program stops (quit, signal,
// closed terminal), saves it as it stands, lets go of the run lock, and
// returns a line to print once the screen is restored; empty when no
// routine was started.
func (m *Root) Close() string {
	// The lock goes only after the save, so another window never takes
	// this run for one cut off.
	defer m.releaseRun()
	if m.runner == nil {
		return ""
	}
	run := m.runner.run
	err := run.Stop(context.Background())
	line := run.Engine.ClosingLine()
	if err != nil {
		line += "\nWarning: " + err.Error()
	}
	return line
}
