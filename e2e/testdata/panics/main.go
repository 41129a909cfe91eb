// Command panics runs a screen through package ondemand that panics on a
// key: p in Update, c in a command's goroutine, so the end-to-end tests can
// check the terminal is restored after a panic. quietlegs has no key that
// panics.
package main

import (
	"context"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/quietlegs/quietlegs/ui/ondemand"
)

type model struct{}

func (model) Init() tea.Cmd { return nil }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "p":
			panic("a panic in Update")
		case "c":
			return m, tea.Batch(nil, func() tea.Msg { panic("a panic in a command") })
		case "q":
			return m, tea.Quit
		}
	}
	return m, nil
}

func (model) View() tea.View {
	return tea.View{Content: "ready to panic: p in Update, c in a command", AltScreen: true}
}

func main() {
	t := ondemand.Terminal{In: os.Stdin, Out: os.Stdout, Env: os.Environ(), Profile: colorprofile.ANSI}
	if _, err := ondemand.Run(context.Background(), model{}, t); err != nil {
		fmt.Fprintln(os.Stderr, "ended:", err)
		os.Exit(1)
	}
}
