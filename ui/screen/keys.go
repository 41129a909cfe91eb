package screen

import "charm.land/bubbles/v2/key"

// NavKeys move around menus; every menu screen uses them.
type NavKeys struct {
	Up, Down, OK, Back, Quit, Help key.Binding
}

// NewNavKeys are the usual menu keys: arrows or vi keys, enter, esc, q.
func NewNavKeys() NavKeys {
	return NavKeys{
		Up:   key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down: key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		OK:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Back: key.NewBinding(key.WithKeys("esc", "backspace"), key.WithHelp("esc", "back")),
		Quit: key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "quit")),
		Help: HelpKey(),
	}
}
