package ui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// interrupted asks what to do with a run that was cut off (a crash, a
// closed terminal, a power cut): resume it at the step in progress, record
// it as ended, or decide later. Nothing is changed until the person says.
type interrupted struct {
	sh *shared
	s  night.Run
	// r is the routine to resume, nil when it can't be; why says why.
	r    *routine.Routine
	why  string
	keys interruptedKeys
	// ending is set while the run is being recorded as ended.
	ending bool
	// err is why the last choice failed; the screen stays so nothing is lost.
	err error
	// showKeys is set while ? shows every key.
	showKeys screen.KeysShown
}

// interruptedMsg carries a run found cut off, for the root to ask about.
type interruptedMsg struct{ s night.Run }

// endedMsg says how recording a cut-off run as ended went.
type endedMsg struct{ err error }

// findInterrupted looks for a run that was cut off, in the background.
func (m *Root) findInterrupted() tea.Cmd {
	j := m.sh.j
	return func() tea.Msg {
		s, ok, err := j.Interrupted(context.Background())
		if err != nil || !ok {
			return nil // a record that can't be read now is asked about next time
		}
		return interruptedMsg{s}
	}
}

type interruptedKeys struct {
	Resume, End, Later, Quit, Help key.Binding
}

// bindings are the screen's keys, ? last.
func (k interruptedKeys) bindings() []key.Binding {
	return []key.Binding{k.Resume, k.End, k.Later, k.Quit, k.Help}
}

// newInterrupted asks about s over the screen shown; deciding goes back
// to it.
func newInterrupted(sh *shared, s night.Run) *interrupted {
	m := &interrupted{sh: sh, s: s, keys: interruptedKeys{
		Resume: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "resume")),
		End:    key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "record as ended")),
		Later:  key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "decide later")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help:   screen.HelpKey(),
	}}
	m.r, m.why = sh.j.Resumable(s)
	if m.r == nil {
		m.keys.Resume.SetEnabled(false)
	}
	return m
}

func (m *interrupted) Init() tea.Cmd { return nil }

func (m *interrupted) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	if _, ok := msg.(resumeRefusedMsg); ok {
		m.err = errors.New("a routine is running in another window, perhaps this very run resumed there, " +
			"so it can't be resumed here; finish it there, or press p later to record it as ended")
		m.r, m.why = nil, "It goes on in another window."
		m.keys.Resume.SetEnabled(false)
		return m, nil
	}
	if msg, ok := msg.(endedMsg); ok {
		m.ending, m.err = false, msg.err
		if m.err != nil {
			return m, nil
		}
		return m, screen.Pop
	}
	k, ok := msg.(tea.KeyPressMsg)
	switch {
	case !ok:
	case m.showKeys.Key(k, m.keys.Help):
	case key.Matches(k, m.keys.Resume):
		return m, m.resume()
	case key.Matches(k, m.keys.End):
		return m, m.end()
	case key.Matches(k, m.keys.Later):
		return m, screen.Pop
	case key.Matches(k, m.keys.Quit):
		return m, tea.Quit
	}
	return m, nil
}

// resume restores the run at the step in progress, paused; the root takes
// the run lock and carries on the same record, at the run's own speed so
// its record stays true.
func (m *interrupted) resume() tea.Cmd {
	run, err := m.sh.j.Resume(m.s)
	if err != nil {
		m.err = err
		return nil
	}
	return func() tea.Msg { return resumeRunMsg{run: run} }
}

// end records the run as ended at its last save, in the background;
// endedMsg goes on, or tells why it could not.
func (m *interrupted) end() tea.Cmd {
	if m.ending {
		return nil
	}
	m.ending = true
	j, s := m.sh.j, m.s
	return func() tea.Msg { return endedMsg{j.EndInterrupted(context.Background(), s)} }
}

func (m *interrupted) View() string {
	if m.showKeys {
		return m.sh.KeysPage([][]key.Binding{m.keys.bindings()}, "")
	}
	st, w, h := m.sh.Styles, m.sh.Width, m.sh.Height
	tall := h >= 16
	loc := m.sh.Now().Location()
	started := m.s.StartedAt.In(loc)
	title := termsafe.Line(m.s.Title)
	if title == "" {
		title = termsafe.Line(m.s.Routine)
	}
	gap := func(lines []string) []string {
		if tall {
			return append(lines, "")
		}
		return lines
	}
	lines := gap([]string{st.Title.Render(screen.Truncate("Your routine was interrupted", w))})
	lines = append(lines,
		screen.Wrap(st.Heading, w, title),
		st.Faint.Render(screen.FitLine(w, " · ", "started "+started.Format("Mon 2 Jan")+" at "+started.Format("15:04"),
			"last saved "+m.s.LastSaved().In(loc).Format("15:04"))),
		screen.Wrap(st.Text, w, m.reached()),
		screen.Wrap(st.Text, w, m.done()))
	if m.why != "" {
		why := m.why
		if tall {
			why += " Recording it as ended keeps what you did."
		}
		lines = append(gap(lines), screen.Wrap(st.Warn, w, why))
	}
	if m.err != nil {
		lines = append(gap(lines), screen.Wrap(st.Warn, w, "⚠ "+m.err.Error()))
	}
	if tall {
		lines = append(gap(lines), m.choices()...)
	}
	return screen.Layout(h, strings.Join(lines, "\n"), m.sh.ShortHelp(m.keys.bindings()))
}

// reached is the step in progress when the run was cut off.
func (m *interrupted) reached() string {
	n := m.s.CurrentStep + 1
	if m.r == nil {
		return fmt.Sprintf("It reached step %d.", n)
	}
	return fmt.Sprintf("It reached step %d of %d: %s.", n, len(m.r.Steps), m.r.Steps[m.s.CurrentStep].Title)
}

// done counts the steps ended before it was cut off.
func (m *interrupted) done() string {
	t := routine.Count(m.s.Steps)
	s := fmt.Sprintf("%d %s done so far", t.Done, routine.Plural(t.Done, "step", "steps"))
	switch {
	case m.r != nil:
		s = fmt.Sprintf("%d of %d %s done so far", t.Done, len(m.r.Steps), routine.Plural(len(m.r.Steps), "step", "steps"))
	case t.Done == 1:
		s = "1 step done so far"
	}
	if t.Skipped > 0 {
		s += fmt.Sprintf(", %d skipped", t.Skipped)
	}
	return s + "."
}

// choices spell out the keys on a tall screen.
func (m *interrupted) choices() []string {
	st, w := m.sh.Styles, m.sh.Width
	row := func(k, what string) string {
		return screen.Truncate(st.Accent.Render(fmt.Sprintf("  %-4s ", k))+st.Text.Render(what), w)
	}
	var rows []string
	if m.r != nil {
		rows = append(rows, row("r", fmt.Sprintf("resume at step %d, paused until you're ready", m.s.CurrentStep+1)))
	}
	return append(rows,
		row("p", fmt.Sprintf("record it as ended (%s) at %s", m.sh.j.EndedAs(m.s).Status, m.s.LastSaved().In(m.sh.Now().Location()).Format("15:04"))),
		row("esc", "decide later; you'll be asked next time"))
}
