package screen

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func TestConfirm(t *testing.T) {
	c := NewConfirm(
		key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "stay")),
		key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	)
	c.Ask("Leave?")
	ctx := NewContext(routine.SystemClock(), night.Settings{}, nil)
	if got := strings.TrimRight(ansi.Strip(c.Line(ctx)), " "); got != "Leave?  y yes · n stay" {
		t.Errorf("line %q", got)
	}
	keys := []struct {
		k      tea.KeyPressMsg
		want   Answer
		asking bool
	}{
		// Only y says yes: Enter, esc and any other key say no.
		{tea.KeyPressMsg{Code: 'x', Text: "x"}, No, false},
		{tea.KeyPressMsg{Code: tea.KeyEnter}, No, false},
		{tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}, Quit, true},
		{tea.KeyPressMsg{Code: tea.KeyEscape}, No, false},
	}
	for _, k := range keys {
		c.Ask("Leave?")
		if got := c.Update(k.k); got != k.want || c.Asking() != k.asking {
			t.Errorf("%s: %v (asking %v), want %v (%v)", k.k, got, c.Asking(), k.want, k.asking)
		}
	}
	c.Ask("Leave?")
	if got := c.Update(tea.KeyPressMsg{Code: 'y', Text: "y"}); got != Yes || c.Asking() {
		t.Errorf("y: %v, asking %v", got, c.Asking())
	}
	none := NewConfirm(c.Yes, c.No, key.Binding{})
	none.Ask("Leave?")
	if got := none.Update(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}); got != No {
		t.Errorf("ctrl+c with no quit key: %v", got)
	}
}
