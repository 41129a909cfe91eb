// Package screen is what every screen of quietlegs shares: the Screen
// contract, the messages that move between screens, the Context the root
// keeps current (size, palette, clock, settings), and the drawing and key
// helpers that keep every screen laid out and worded alike.
package screen

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Screen is one page of the app. It owns its keys, its view and its help.
// View only draws: anything that changes, such as scrolling, changes in
// Update.
type Screen interface {
	// Init is called when the screen is put on top of the stack; the
	// command it returns is where it reads what it shows.
	Init() tea.Cmd
	Update(tea.Msg) (Screen, tea.Cmd)
	View() string
}

// Smallest usable terminal; below it every screen says so instead.
const (
	MinWidth  = 20
	MinHeight = 5
)

// Messages a screen sends to the root to move between screens. The root
// keeps a stack: Push opens a screen over the current one, Pop goes back
// to the one below (popping the last ends the program), Replace swaps the
// current one for another.
type (
	PushMsg    struct{ Screen Screen }
	PopMsg     struct{}
	ReplaceMsg struct{ Screen Screen }
	// RevealedMsg tells a screen it is on top again, after the one over it
	// was popped: the time to read again what may have changed meanwhile.
	RevealedMsg struct{}
)

// Push opens s over the current screen.
func Push(s Screen) tea.Cmd { return func() tea.Msg { return PushMsg{s} } }

// Pop goes back to the screen below, or ends the program from the last.
func Pop() tea.Msg { return PopMsg{} }

// Replace puts s in the current screen's place.
func Replace(s Screen) tea.Cmd { return func() tea.Msg { return ReplaceMsg{s} } }

// StoreTimeout bounds one read or write of the store, so a stuck disk
// shows as an error rather than a frozen screen.
const StoreTimeout = 10 * time.Second

// StoreContext is a context for one read or write of the store.
func StoreContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), StoreTimeout)
}
