package history

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// keys are the browser's own keys, the same in every view. The *Help
// bindings, here and in the views' keys, only name groups of keys on the
// help line; nothing matches them.
type keys struct {
	views                [viewCount]key.Binding
	next, prev, insights key.Binding
	back, quit           key.Binding
	viewHelp             key.Binding
	help                 key.Binding
}

func bind(keys []string, k, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
}

func newKeys(fromHome bool) keys {
	back := "quit"
	if fromHome {
		back = "home"
	}
	ks := keys{
		next:     bind([]string{"tab"}, "tab", "next view"),
		prev:     bind([]string{"shift+tab"}, "shift+tab", "previous view"),
		insights: bind([]string{"i"}, "i", "insights"),
		back:     bind([]string{"esc"}, "esc", back),
		quit:     bind([]string{"q", "ctrl+c"}, "q", "quit"),
		viewHelp: bind([]string{"1", "2", "3", "4", "5", "tab"}, "1-5/tab", "view"),
		help:     screen.HelpKey(),
	}
	for v := range viewCount {
		n := string(rune('1' + v))
		ks.views[v] = bind([]string{n}, n, v.name())
	}
	return ks
}

// scrollKeys scroll a view taller than the screen.
type scrollKeys struct {
	up, down, pgUp, pgDown, home, end key.Binding
	scrollHelp                        key.Binding
}

func newScrollKeys() scrollKeys {
	return scrollKeys{
		up:         bind([]string{"up", "k"}, "↑/k", "up"),
		down:       bind([]string{"down", "j"}, "↓/j", "down"),
		pgUp:       bind([]string{"pgup"}, "pgup", "page up"),
		pgDown:     bind([]string{"pgdown"}, "pgdn", "page down"),
		home:       bind([]string{"home", "g"}, "home", "newest"),
		end:        bind([]string{"end", "G"}, "end", "oldest"),
		scrollHelp: bind([]string{"up", "down"}, "↑/↓", "scroll"),
	}
}

// scroll moves a scrolled view's top line by the keys; the view's fit
// clamps it.
func (ks scrollKeys) scroll(k tea.KeyPressMsg, top, page int) int {
	switch {
	case key.Matches(k, ks.up):
		top--
	case key.Matches(k, ks.down):
		top++
	case key.Matches(k, ks.pgUp):
		top -= page
	case key.Matches(k, ks.pgDown):
		top += page
	case key.Matches(k, ks.home):
		top = 0
	case key.Matches(k, ks.end):
		top = 1 << 30
	}
	return max(top, 0)
}
