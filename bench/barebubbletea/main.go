// Command barebubbletea is the yardstick bench/run.sh measures quietlegs
// against: a bare Bubble Tea program at its default frame rate (60 FPS)
// that counts down once a second on the alternate screen, as a routine
// step does, and quits on q.
package main

import (
	"fmt"
	"os"
	"time"

	tea "charm.land/bubbletea/v2"
)

type tickMsg struct{}

type model struct{ left int }

func tick() tea.Cmd { return tea.Tick(time.Second, func(time.Time) tea.Msg { return tickMsg{} }) }

func (m model) Init() tea.Cmd { return tick() }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tickMsg:
		m.left--
		return m, tick()
	case tea.KeyPressMsg:
		if msg.String() == "q" {
			return m, tea.Quit
		}
		if msg.String() == "?" {
			m.left += 1000
		}
	}
	return m, nil
}

func (m model) View() tea.View {
	v := tea.NewView(fmt.Sprintf("bare Bubble Tea: step 1 of 1\n\n%d:%02d left\n\nq quit", m.left/60, m.left%60))
	v.AltScreen = true
	return v
}

func main() {
	if _, err := tea.NewProgram(model{left: 30 * 60}).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "barebubbletea:", err)
		os.Exit(1)
	}
}
