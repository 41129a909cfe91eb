package ondemand

import (
	"fmt"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// countdown is a full 100x30 screen of styled lines, two of which change on
// every update, as a routine step's clock and bar do once a second. The
// lines that do not change are styled once, as the runner keeps them.
type countdown struct {
	left   int
	st     lipgloss.Style
	steady string
}

func newCountdown(left int) *countdown {
	st := lipgloss.NewStyle().Foreground(lipgloss.Color("#88aacc"))
	return &countdown{left: left, st: st, steady: st.Render(strings.Repeat("─", 60)) + " steady"}
}

func (m *countdown) Init() tea.Cmd { return nil }
func (m *countdown) Update(tea.Msg) (tea.Model, tea.Cmd) {
	m.left--
	return m, nil
}
func (m *countdown) View() tea.View {
	lines := make([]string, 30)
	for i := range lines {
		lines[i] = m.steady
		if i == 5 || i == 12 {
			lines[i] = m.st.Render(strings.Repeat("━", (m.left%60+60)%60)) + fmt.Sprintf(" %d:%02d", m.left/60, m.left%60)
		}
	}
	return tea.View{Content: strings.Join(lines, "\n"), AltScreen: true}
}

// BenchmarkDraw is one update and the frame drawn after it.
func BenchmarkDraw(b *testing.B) {
	a := newAdapter(newCountdown(1800), io.Discard, []string{"TERM=xterm-256color"}, colorprofile.TrueColor, 100, 30)
	a.Init()
	for b.Loop() {
		a.Update(tickLike{})
	}
}

type tickLike struct{}
