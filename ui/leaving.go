package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// leaveKeys leave a form: Back and Quit, which ask first when something
// was entered.
type leaveKeys struct {
	Back, Quit key.Binding
}

func newLeaveKeys(back string) leaveKeys {
	return leaveKeys{
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", back)),
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
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
