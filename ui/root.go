package ui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

// screen is one page of the app. It owns its keys, its view and its help.
type screen interface {
	Init() tea.Cmd
	Update(tea.Msg) (screen, tea.Cmd)
	View() string
}

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
)

// Diary is the part of the store that keeps the evening log and the
// morning check-in.
type Diary interface {
	SaveEvening(ctx context.Context, e night.Evening) error // upsert by night
	Evening(ctx context.Context, date string) (night.Evening, bool, error)
	SaveCheckin(ctx context.Context, c night.Checkin) error // upsert by night
	Checkin(ctx context.Context, date string) (night.Checkin, bool, error)
	// LatestCheckin is the most recent night with a check-in.
	LatestCheckin(ctx context.Context) (night.Checkin, bool, error)
	LatestSession(ctx context.Context) (store.Session, bool, error)
}

// Options wires the app to its data and settings.
type Options struct {
	Library *routine.Library
	Saver   Saver
	Clock   routine.Clock
	// Speed runs routine time faster; 1 is real time.
	Speed float64
	// Quiet turns off the bell.
	Quiet bool
	// Diary keeps evening logs and check-ins; nil saves nothing, and the
	// forms still work.
	Diary Diary
	// History reads whole nights for the history browser and the home
	// screen's last 7 nights; nil shows none.
	History History
	// Runs finds a run that was cut off and holds the run lock while a
	// routine runs; nil checks neither.
	Runs Runs
	// Settings give the day boundary and the evening checklist.
	Settings night.Settings
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

// Messages screens send to the root to move between them.
type (
	openHomeMsg    struct{}
	openPickerMsg  struct{}
	openMorningMsg struct{}
	// beginRoutineMsg starts r now; notice is shown until the first key.
	beginRoutineMsg struct {
		r      *routine.Routine
		notice string
	}
)

func openHome() tea.Msg    { return openHomeMsg{} }
func openPicker() tea.Msg  { return openPickerMsg{} }
func openMorning() tea.Msg { return openMorningMsg{} }

// Root routes messages to the current screen and holds what screens share.
type Root struct {
	sh     *shared
	screen screen
	// runner is kept to report the run's outcome after the program ends.
	runner *runner
	// lock is the run lock, held while locked (a fake store's lock is nil).
	lock   *store.RunLock
	locked bool
	// lockErr is why the run lock could not be checked, told at the start.
	lockErr error
	// alongside is set when a routine was started while another runs in
	// another window.
	alongside bool
}

// New builds the app. Dark colours are assumed until the terminal says.
func New(o Options) *Root {
	if o.Clock == nil {
		o.Clock = routine.SystemClock()
	}
	sh := &shared{width: 80, height: 24, opts: o, tick: tea.Tick}
	sh.setDark(true)
	m := &Root{sh: sh}
	switch {
	case o.Start == StartRoutine && o.Routine != nil:
		if m.lockRun() {
			m.screen = m.routine(o.Routine)
		} else {
			m.screen = m.ask(o.Routine.DisplayTitle(), runRoutineMsg{r: o.Routine, alongside: true})
		}
	case o.Start == StartMorning:
		nightDate := o.Night
		if nightDate == "" {
			nightDate = night.Last(sh.now())
		}
		m.screen = newMorning(sh, nightDate, false)
	case o.Start == StartPicker:
		m.screen = m.unlessInterrupted(newPicker(sh), openPicker)
	case o.Start == StartHistory:
		m.screen = newHistory(sh, false)
	default:
		m.screen = m.unlessInterrupted(newHome(sh), openHome)
	}
	return m
}

// unlessInterrupted is s, or first the question of what to do with a run
// that was cut off; next goes on to s after it.
func (m *Root) unlessInterrupted(s screen, next tea.Cmd) screen {
	runs := m.sh.opts.Runs
	if runs == nil {
		return s
	}
	ctx, cancel := diaryCtx()
	defer cancel()
	se, ok, err := runs.Interrupted(ctx)
	if err != nil || !ok {
		return s // a record that can't be read now is asked about next time
	}
	return newInterrupted(m.sh, se, next)
}

// routine is the first screen of running r: the evening log, or the run.
func (m *Root) routine(r *routine.Routine) screen {
	if m.sh.opts.SkipEveningLog {
		return m.newRunner(r, "")
	}
	return newEvening(m.sh, r)
}

func (m *Root) newRunner(r *routine.Routine, notice string) screen {
	e := routine.NewEngine(r, m.sh.opts.Clock, m.sh.opts.Speed)
	return m.startRunner(e, NewRecorder(m.sh.opts.Saver, m.sh.boundary()), notice)
}

func (m *Root) startRunner(e *routine.Engine, rec *Recorder, notice string) screen {
	m.runner = newRunner(m.sh, e, rec)
	if notice == "" && m.lockErr != nil {
		notice = "could not check for other windows: " + m.lockErr.Error()
	}
	m.runner.notice = notice
	m.runner.alongside = m.alongside
	m.runner.onEnd = m.releaseRun
	return m.runner
}

// Init asks for the terminal's background colour and starts the screen.
func (m *Root) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, m.screen.Init())
}

// Update keeps the shared state current and routes everything else.
func (m *Root) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.sh.width, m.sh.height = msg.Width, msg.Height
		return m, nil
	case tea.BackgroundColorMsg:
		m.sh.setDark(msg.IsDark())
		return m, nil
	case openHomeMsg:
		m.releaseRun() // nothing runs on home or the picker
		return m.open(newHome(m.sh))
	case openPickerMsg:
		m.releaseRun()
		return m.open(newPicker(m.sh))
	case backMsg:
		return m.open(msg.s)
	case showMsg:
		return m.open(msg.s)
	case openHistoryMsg:
		return m.open(newHistory(m.sh, true))
	case openMorningMsg:
		return m.open(newMorning(m.sh, night.Last(m.sh.now()), true))
	case runRoutineMsg:
		if !msg.alongside && !m.lockRun() {
			msg.alongside = true
			return m.open(m.ask(msg.r.DisplayTitle(), msg))
		}
		m.alongside = msg.alongside
		return m.open(m.routine(msg.r))
	case resumeRunMsg:
		if !msg.alongside && !m.lockRun() {
			msg.alongside = true
			return m.open(m.ask(msg.e.Routine().DisplayTitle(), msg))
		}
		m.alongside = msg.alongside
		return m.open(m.startRunner(msg.e, ContinueRecorder(m.sh.opts.Saver, m.sh.boundary(), msg.id), ""))
	case beginRoutineMsg:
		return m.open(m.newRunner(msg.r, msg.notice))
	}
	var cmd tea.Cmd
	m.screen, cmd = m.screen.Update(msg)
	return m, cmd
}

func (m *Root) open(s screen) (tea.Model, tea.Cmd) {
	m.screen = s
	return m, s.Init()
}

// View draws the current screen, or asks for a bigger terminal.
func (m *Root) View() tea.View {
	var s string
	if m.sh.width < minWidth || m.sh.height < minHeight {
		s = m.sh.styles.Warn.Render(truncate("Terminal too small", m.sh.width))
	} else {
		s = m.screen.View()
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
	e, rec := m.runner.engine, m.runner.rec
	if !e.Snapshot().Done {
		e.Stop()
	}
	line := closingLine(e)
	if err := rec.Save(e); err != nil {
		line += "\nWarning: " + err.Error()
	}
	return line
}
