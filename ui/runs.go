package ui

import (
	"context"
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

// Runs is the part of the store that knows about runs beyond this window:
// one cut off (a crash, a closed terminal, a power cut) and one running in
// another window.
type Runs interface {
	// Interrupted is the latest run if it was cut off: still running in
	// the record while nobody holds the run lock.
	Interrupted(ctx context.Context) (store.Session, bool, error)
	// LockRun takes the run lock, or returns store.ErrRunElsewhere.
	LockRun() (*store.RunLock, error)
	RunningElsewhere() (bool, error)
	// Checkpoint records a cut-off run as ended.
	Checkpoint(ctx context.Context, id int64, cp store.Checkpoint) error
}

// Messages that start a run once the run lock is settled. alongside is set
// when the person chose to start although a routine runs in another window.
type (
	// runRoutineMsg asks for r: the evening log comes first unless
	// SkipEveningLog.
	runRoutineMsg struct {
		r         *routine.Routine
		alongside bool
	}
	// resumeRunMsg carries on a run that was cut off, in session id; e
	// is restored and waits paused.
	resumeRunMsg struct {
		e         *routine.Engine
		id        int64
		alongside bool
	}
	// backMsg goes back to a screen left for a question.
	backMsg struct{ s screen }
)

// lockRun takes the run lock for a routine about to start, and reports false
// when a routine is running in another window. The lock is held from the
// choice on, through the evening log, until the run ends or the program
// does. When the lock cannot be checked at all the run starts anyway: the
// evening should not depend on a lock file.
func (m *Root) lockRun() bool {
	runs := m.sh.opts.Runs
	if runs == nil || m.locked {
		return true
	}
	l, err := runs.LockRun()
	switch {
	case errors.Is(err, store.ErrRunElsewhere):
		return false
	case err != nil:
		m.lockErr = err
		return true
	}
	m.lock, m.locked, m.lockErr = l, true, nil
	return true
}

// releaseRun lets go of the run lock, if held.
func (m *Root) releaseRun() {
	if !m.locked {
		return
	}
	_ = m.lock.Release() // closing a lock file cannot usefully fail
	m.lock, m.locked = nil, false
}

// ask opens the running-elsewhere question; yes starts anyway and no goes
// back to the screen shown now, or home when there is none.
func (m *Root) ask(title string, yes tea.Msg) screen {
	back := tea.Cmd(openHome)
	if prev := m.screen; prev != nil {
		back = func() tea.Msg { return backMsg{prev} }
	}
	return newElsewhere(m.sh, title, func() tea.Msg { return yes }, back)
}

// runningElsewhere reports whether a routine runs in another window; it
// says no when it cannot tell.
func (s *shared) runningElsewhere() bool {
	if s.opts.Runs == nil {
		return false
	}
	yes, err := s.opts.Runs.RunningElsewhere()
	return err == nil && yes
}

// elsewhereNote is what home and the runner say about another window.
const elsewhereNote = "A routine is running in another window."

// elsewhere asks before starting a routine while one runs in another window.
type elsewhere struct {
	sh        *shared
	title     string
	yes, back tea.Cmd
	keys      elsewhereKeys
}

type elsewhereKeys struct{ Yes, No, Quit key.Binding }

func newElsewhere(sh *shared, title string, yes, back tea.Cmd) *elsewhere {
	return &elsewhere{sh: sh, title: title, yes: yes, back: back, keys: elsewhereKeys{
		Yes:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "start anyway")),
		No:   key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "go back")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	}}
}

func (e *elsewhere) Init() tea.Cmd { return nil }

func (e *elsewhere) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case key.Matches(k, e.keys.Yes):
		return e, e.yes
	case key.Matches(k, e.keys.No):
		return e, e.back
	case key.Matches(k, e.keys.Quit):
		return e, tea.Quit
	}
	return e, nil
}

func (e *elsewhere) View() string {
	st, w := e.sh.styles, e.sh.width
	lines := []string{st.Title.Render(truncate(e.title, w)), ""}
	lines = append(lines,
		wrap(st.Warn, w, elsewhereNote),
		wrap(st.Text, w, "Start another anyway? y/n"))
	if e.sh.height >= 12 {
		lines = append(lines, "", wrap(st.Faint, w,
			"Each run is kept in your record on its own."))
	}
	foot := e.sh.shortHelp([]key.Binding{e.keys.Yes, e.keys.No, e.keys.Quit})
	return layout(e.sh.height, strings.Join(lines, "\n"), foot)
}
