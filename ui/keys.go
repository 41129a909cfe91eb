package ui

import "charm.land/bubbles/v2/key"

// navKeys move around menus; every menu screen uses them.
type navKeys struct {
	Up, Down, OK, Back, Quit, Help key.Binding
}

func newNavKeys() navKeys {
	return navKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		OK:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back: key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help: key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
	}
}
