package flare

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// afterStage is which question After asks.
type afterStage int

const (
	askAfter  afterStage = iota // how strong now?
	askHelped                   // did it help?
	finished                    // saved; enter closes
)

// After asks, once a measure is done, how strong the flare-up is now and
// whether it helped. Esc skips what is left: the attempt stays recorded,
// unanswered.
type After struct {
	ctx    *screen.Context
	j      *journal.Journal
	keys   keys
	stage  afterStage
	event  night.Event
	status string
	// showKeys is set while ? shows every key.
	showKeys screen.KeysShown
}

// NewAfter asks the questions after e's measure; e is saved as it is
// first, so leaving loses nothing.
func NewAfter(ctx *screen.Context, j *journal.Journal, e night.Event) *After {
	return &After{ctx: ctx, j: j, keys: newKeys(), event: e}
}

// Init saves the attempt as it stands: what was tried, for how long.
func (m *After) Init() tea.Cmd { return save(m.j, m.event) }

// Event is the flare-up as answered so far.
func (m *After) Event() night.Event { return m.event }

// Update answers keys and saves each answer as it is given.
func (m *After) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		m.status = msg.status()
		return m, nil
	case tea.KeyPressMsg:
		if msg.String() == "ctrl+c" {
			return m, tea.Quit
		}
		if m.showKeys.Key(msg, m.keys.Help) {
			return m, nil
		}
		switch m.stage {
		case askAfter:
			if key.Matches(msg, m.keys.Back) {
				m.stage = finished
				return m, nil
			}
			if n, ok := digit(msg); ok {
				m.event.SeverityAfter = &n
				m.stage = askHelped
				return m, save(m.j, m.event)
			}
		case askHelped:
			if key.Matches(msg, m.keys.Back) {
				m.stage = finished
				return m, nil
			}
			if s := msg.String(); len(s) == 1 && s[0] >= '1' && int(s[0]-'1') < len(night.HelpedAnswers) {
				m.event.Helped = night.HelpedAnswers[s[0]-'1']
				m.stage = finished
				return m, save(m.j, m.event)
			}
		case finished:
			if key.Matches(msg, m.keys.OK) || key.Matches(msg, m.keys.Back) || key.Matches(msg, m.keys.Quit) {
				return m, screen.Pop
			}
		}
	}
	return m, nil
}
