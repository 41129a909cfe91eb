package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/flare"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// Messages that start a run once the run lock is settled. alongside is set
// when the person chose to start although a routine runs in another window.
type (
	// runRoutineMsg asks for r: the evening log comes first unless
	// SkipEveningLog.
	runRoutineMsg struct {
		r         *routine.Routine
		alongside bool
	}
	// resumeRunMsg carries on a run that was cut off, in its own record;
	// its engine is restored and waits paused.
	resumeRunMsg struct{ run *journal.Run }
	// resumeRefusedMsg tells the cut-off run's question that another
	// window holds the run lock, so this one may not resume it.
	resumeRefusedMsg struct{}
)

// lockRun takes the run lock for a routine about to start, and reports false
// when a routine is running in another window. The lock is held from the
// choice on, through the evening log, until the run ends or the program
// does. When the lock cannot be checked at all the run starts anyway: the
// evening should not depend on a lock file.
func (m *Root) lockRun() bool {
	if m.locked {
		return true
	}
	l, err := m.sh.j.LockRun()
	switch {
	case errors.Is(err, journal.ErrRunElsewhere):
		return false
	case err != nil:
		m.lockErr = err
		return true
	}
	m.lock, m.locked, m.lockErr = l, true, nil
	return true
}

// flareRunner runs a toolkit measure as a flare-up's run, with the
// questions afterwards in its place once it is closed. Relief is never
// held up by a routine running in another window: it runs alongside.
func (m *Root) flareRunner(msg flare.RunMsg) screen.Screen {
	m.alongside = !m.lockRun()
	run := m.sh.j.NewFlareRun(msg.Routine, m.sh.opts.Speed)
	r := m.startRunner(run, "")
	m.runner.then = func() tea.Cmd { return screen.Replace(msg.After(run.Minutes())) }
	return r
}

// releaseRun lets go of the run lock, if held.
func (m *Root) releaseRun() {
	if !m.locked {
		return
	}
	_ = m.lock.Release() // closing a lock file cannot usefully fail
	m.lock, m.locked = nil, false
}

// ask opens the running-elsewhere question over the screen shown now;
// yes starts anyway and no goes back to it.
func (m *Root) ask(title string, yes tea.Msg) screen.Screen {
	return newElsewhere(m.sh, title, func() tea.Msg { return yes })
}

// elsewhereNote is what home and the runner say about another window.
const elsewhereNote = "A routine is running in another window."

// elsewhere asks before starting a routine while one runs in another window.
type elsewhere struct {
	sh    *shared
	title string
	yes   tea.Cmd
	ask   screen.Confirm
}

func newElsewhere(sh *shared, title string, yes tea.Cmd) *elsewhere {
	e := &elsewhere{sh: sh, title: title, yes: yes, ask: screen.NewConfirm(
		key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "start anyway")),
		key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("any other key", "goes back")),
		key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
	)}
	e.ask.Ask("Start another anyway?")
	return e
}

func (e *elsewhere) Init() tea.Cmd { return nil }

func (e *elsewhere) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return e, nil
	}
	switch e.ask.Update(k) {
	case screen.Yes:
		return e, e.yes
	case screen.No:
		return e, screen.Pop
	case screen.Quit:
		return e, tea.Quit
	}
	return e, nil
}

func (e *elsewhere) View() string {
	st, w := e.sh.Styles, e.sh.Width
	lines := []string{st.Title.Render(screen.Truncate(e.title, w)), ""}
	lines = append(lines,
		screen.Wrap(st.Warn, w, elsewhereNote),
		screen.Wrap(st.Text, w, e.ask.Question()+" y/n"))
	if e.sh.Height >= 12 {
		lines = append(lines, "", screen.Wrap(st.Faint, w,
			"Each run is kept in your record on its own."))
	}
	foot := e.sh.ShortHelp(e.ask.Help())
	return screen.Layout(e.sh.Height, strings.Join(lines, "\n"), foot)
}
