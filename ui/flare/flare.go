// Package flare is the night toolkit's screens: how strong a flare-up is
// (one key), what to try for it, and afterwards how strong it is and
// whether it helped. They are as dark and quiet as the runner, and fit a
// 40x12 terminal, for a person woken by their legs and half asleep.
//
// Picking a timed measure asks the root (RunMsg) to run it in the runner
// as a flare-up's run; the questions afterwards take the runner's place.
package flare

import (
	"context"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// RunMsg asks the root to run Routine as a flare-up's run, and to put
// After(minutes the run took) in the runner's place once it is closed.
type RunMsg struct {
	Routine *routine.Routine
	After   func(minutes int) screen.Screen
}

// stage is which question the screen asks.
type stage int

const (
	askSeverity stage = iota // how strong is it right now?
	pick                     // what to try
	doing                    // an action without a length, until done
)

type keys struct {
	Up, Down, OK, Back, Quit key.Binding
	Digits                   key.Binding
	None                     key.Binding
	Help                     key.Binding
}

func newKeys() keys {
	nav := screen.NewNavKeys()
	return keys{
		Up: nav.Up, Down: nav.Down,
		OK:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back:   key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Quit:   key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Digits: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "0"), key.WithHelp("1-9", "pick")),
		None:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "none (0)")),
		Help:   screen.HelpKey(),
	}
}

// Screen asks how strong the flare-up is and offers the toolkit for it.
type Screen struct {
	ctx   *screen.Context
	j     *journal.Journal
	keys  keys
	stage stage
	event night.Event
	opts  []journal.ToolOption
	// cursor is the option chosen with the arrows; top the first shown.
	cursor, top int
	// chosen is the option being done (stage doing).
	chosen journal.ToolOption
	// status is the last save's error, or why an option cannot run.
	status string
	// showKeys is set while ? shows every key.
	showKeys screen.KeysShown
}

// New is the toolkit screen, asking first how strong it is.
func New(ctx *screen.Context, j *journal.Journal) *Screen {
	return &Screen{ctx: ctx, j: j, keys: newKeys()}
}

// savedMsg says how saving the flare-up went.
type savedMsg struct{ err error }

// status is what to say of the save: nothing when it went well.
func (s savedMsg) status() string {
	if s.err == nil {
		return ""
	}
	return "Not saved: " + s.err.Error()
}

// save records e in the background. Every save of one flare-up carries
// the instant it began, so each replaces the one before.
func save(j *journal.Journal, e night.Event) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), screen.StoreTimeout)
		defer cancel()
		_, err := j.RecordEvent(ctx, e)
		return savedMsg{err: err}
	}
}

// Init asks nothing of the store: the first question needs nothing read.
func (m *Screen) Init() tea.Cmd { return nil }

// Update answers keys and saves.
func (m *Screen) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		m.status = msg.status()
		return m, nil
	case tea.KeyPressMsg:
		if m.showKeys.Key(msg, m.keys.Help) {
			return m, nil
		}
		if key.Matches(msg, m.keys.Quit) && m.stage != doing {
			return m, tea.Quit
		}
		switch m.stage {
		case askSeverity:
			return m.severityKey(msg)
		case pick:
			return m.pickKey(msg)
		case doing:
			return m.doingKey(msg)
		}
	}
	m.scroll()
	return m, nil
}

// digit reads a 0-10 answer given with one key: 1-9 as they are, 0 for
// 10, and n for none.
func digit(msg tea.KeyPressMsg) (int, bool) {
	s := msg.String()
	switch {
	case s == "0":
		return 10, true
	case s == "n":
		return 0, true
	case len(s) == 1 && s[0] >= '1' && s[0] <= '9':
		return int(s[0] - '0'), true
	}
	return 0, false
}

func (m *Screen) severityKey(msg tea.KeyPressMsg) (screen.Screen, tea.Cmd) {
	if key.Matches(msg, m.keys.Back) {
		return m, screen.Pop
	}
	n, ok := digit(msg)
	if !ok {
		return m, nil
	}
	m.event = night.Event{Severity: n, At: m.ctx.Now().Truncate(time.Second)}
	m.opts = m.j.Toolkit(n)
	m.stage, m.cursor, m.top, m.status = pick, 0, 0, ""
	return m, nil
}

func (m *Screen) pickKey(msg tea.KeyPressMsg) (screen.Screen, tea.Cmd) {
	k := m.keys
	n := len(m.opts)
	switch {
	case key.Matches(msg, k.Back):
		m.stage, m.status = askSeverity, ""
	case key.Matches(msg, k.Up) && n > 0:
		m.cursor = (m.cursor + n - 1) % n
	case key.Matches(msg, k.Down) && n > 0:
		m.cursor = (m.cursor + 1) % n
	case key.Matches(msg, k.OK) && n > 0:
		return m.choose(m.cursor)
	default:
		s := msg.String()
		if len(s) == 1 && s[0] >= '1' && s[0] <= '9' && int(s[0]-'1') < n {
			return m.choose(int(s[0] - '1'))
		}
	}
	m.scroll()
	return m, nil
}

// choose starts option i: the flare-up is saved at once with what is
// tried, so a run cut off still leaves it in the record.
func (m *Screen) choose(i int) (screen.Screen, tea.Cmd) {
	o := m.opts[i]
	m.cursor = i
	if o.Problem != "" {
		m.status = o.Problem
		return m, nil
	}
	e := m.event
	e.Tried = []night.Tried{{ID: o.Entry.ID}}
	m.event = e
	if o.Routine == nil {
		m.stage, m.chosen, m.status = doing, o, ""
		return m, save(m.j, e)
	}
	j, ctx := m.j, m.ctx
	return m, func() tea.Msg {
		// Saved before the run starts; should it fail, the questions
		// afterwards save the whole flare-up again, and say so.
		_ = save(j, e)()
		return RunMsg{Routine: o.Routine, After: func(minutes int) screen.Screen {
			done := e
			done.Tried = []night.Tried{{ID: o.Entry.ID, Minutes: &minutes}}
			return NewAfter(ctx, j, done)
		}}
	}
}

func (m *Screen) doingKey(msg tea.KeyPressMsg) (screen.Screen, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.OK), key.Matches(msg, m.keys.Back), msg.String() == "q", msg.String() == "ctrl+c":
		// Done, or given up: either way, on to the questions.
		return m, screen.Replace(NewAfter(m.ctx, m.j, m.event))
	}
	return m, nil
}

// listRows is how many options fit between the heading and the foot.
func (m *Screen) listRows() int { return max(m.ctx.Height-5, 1) }

// scroll keeps the cursor's row in view; only Update calls it.
func (m *Screen) scroll() {
	rows := m.listRows()
	// Each band after the first adds its heading; a row each is close
	// enough to keep the cursor shown, and View cuts the rest.
	if m.cursor < m.top {
		m.top = m.cursor
	}
	if m.cursor >= m.top+rows-2 {
		m.top = max(m.cursor-rows+3, 0)
	}
}
