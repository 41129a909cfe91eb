package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/routine"
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
)

// Options wires the app to its data and settings.
type Options struct {
	Library *routine.Library
	Saver   Saver
	Clock   routine.Clock
	// Speed runs routine time faster; 1 is real time.
	Speed float64
	// Quiet turns off the bell.
	Quiet bool
	// Boundary is the hour at which one night's records end.
	Boundary int
	Start    Start
	// Routine is what StartRoutine runs.
	Routine *routine.Routine
}

// Messages screens send to the root to move between them.
type (
	openHomeMsg   struct{}
	openPickerMsg struct{}
	runRoutineMsg struct{ r *routine.Routine }
)

func openHome() tea.Msg   { return openHomeMsg{} }
func openPicker() tea.Msg { return openPickerMsg{} }

// Root routes messages to the current screen and holds what screens share.
type Root struct {
	sh     *shared
	screen screen
	// runner is kept to report the run's outcome after the program ends.
	runner *runner
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
		m.screen = m.newRunner(o.Routine)
	case o.Start == StartPicker:
		m.screen = newPicker(sh)
	default:
		m.screen = newHome(sh)
	}
	return m
}

func (m *Root) newRunner(r *routine.Routine) screen {
	e := routine.NewEngine(r, m.sh.opts.Clock, m.sh.opts.Speed)
	m.runner = newRunner(m.sh, e, NewRecorder(m.sh.opts.Saver, m.sh.opts.Boundary))
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
		return m.open(newHome(m.sh))
	case openPickerMsg:
		return m.open(newPicker(m.sh))
	case runRoutineMsg:
		return m.open(m.newRunner(msg.r))
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
// closed terminal), saves it as it stands, and returns a line to print once
// the screen is restored; empty when no routine was started.
func (m *Root) Close() string {
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
