package screen

import (
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func TestShortHelpFitsWholeItems(t *testing.T) {
	b := func(k, d string) key.Binding { return key.NewBinding(key.WithKeys(k), key.WithHelp(k, d)) }
	bs := []key.Binding{b("up", "move up"), b("enter", "choose"), b("esc", "back"), HelpKey()}
	tests := []struct {
		width int
		want  string
	}{
		{80, "up move up · enter choose · esc back · ? help"},
		{40, "up move up · enter choose · ? help"},
		{20, "up move up · ? help"},
		{12, "? help"},
		{4, "? h…"}, // too narrow even for one: cut, never blank
	}
	for _, tt := range tests {
		c := NewContext(routine.NewFakeClock(time.Time{}), night.Settings{}, nil)
		c.Width = tt.width
		if got := ansi.Strip(c.ShortHelp(bs)); got != tt.want {
			t.Errorf("at %d columns: %q, want %q", tt.width, got, tt.want)
		}
	}
}
