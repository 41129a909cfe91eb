package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/ui/form"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// leaveKeys leave a form: Back and Quit, which ask first when something
// was entered.
type leaveKeys struct {
	Back, Quit, Help key.Binding
}

func newLeaveKeys(back string) leaveKeys {
	return leaveKeys{
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", back)),
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Help: screen.HelpKey(),
	}
}

// helpFor is ? on a form's help line, or none while the field in focus
// takes text, where ? is typed.
func (k leaveKeys) helpFor(f *form.Form) []key.Binding {
	if f.TakesText() {
		return nil
	}
	return []key.Binding{k.Help}
}

// keysPage is the ? page of a form: it opens on ? (unless the field in
// focus takes text) and any key closes it.
type keysPage struct{ on bool }

// key reports whether k was the page's: opening or closing it.
func (p *keysPage) key(k tea.KeyPressMsg, f *form.Form, help key.Binding) bool {
	switch {
	case p.on:
		p.on = false
	case key.Matches(k, help) && !f.TakesText():
		p.on = true
	default:
		return false
	}
	return true
}

// view is every key a form takes, with lk's and done naming enter on the
// last field.
func (p *keysPage) view(sh *shared, f *form.Form, lk leaveKeys, done string) string {
	h := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
	}
	return sh.KeysPage([][]key.Binding{
		{h("enter, tab", "next (last: "+done+")"), h("shift+tab", "previous"), h("↑/↓", "move"),
			h("ctrl+s", done+" now"), h("←/→, 0-9", "choose"), h("space", "tick")},
		{lk.Back, lk.Quit, lk.Help},
	}, "A choice also takes its first letter; a question asked at a field takes a or b.")
}

// leaving is the question before leaving a form with unsaved answers (the
// evening log and the check-in): y leaves, any other key stays, ctrl+c
// quits.
type leaving struct {
	screen.Confirm
	// onYes is what a yes does.
	onYes tea.Cmd
}

func newLeaving() leaving {
	return leaving{Confirm: screen.NewConfirm(
		key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("any other key", "stays")),
		key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	)}
}

// ask does cmd at once when nothing was entered (dirty is false), else
// asks question first.
func (l *leaving) ask(dirty bool, question string, cmd tea.Cmd) tea.Cmd {
	if !dirty {
		return cmd
	}
	l.Ask(question)
	l.onYes = cmd
	return nil
}

// answer handles a key while the question is asked.
func (l *leaving) answer(k tea.KeyPressMsg) tea.Cmd {
	switch l.Update(k) {
	case screen.Quit:
		return tea.Quit
	case screen.Yes:
		return l.onYes
	}
	return nil
}
