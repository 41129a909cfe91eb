package ui

import "charm.land/bubbles/v2/key"

// historyKeys are the history browser's keys. The *Help bindings only
// name groups of keys on the help line; nothing matches them.
type historyKeys struct {
	views                   [viewCount]key.Binding
	next, prev, insights    key.Binding
	left, right, up, down   key.Binding
	prevMonth, nextMonth    key.Binding
	pgUp, pgDown, home, end key.Binding
	open, edit, span        key.Binding
	back, quit              key.Binding
	viewHelp, dayHelp       key.Binding
	monthHelp, nightHelp    key.Binding
	pgHelp, otherHelp       key.Binding
	scrollHelp              key.Binding
}

func newHistoryKeys(fromHome bool) historyKeys {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	back := "quit"
	if fromHome {
		back = "home"
	}
	ks := historyKeys{
		next:       b([]string{"tab"}, "tab", "next view"),
		prev:       b([]string{"shift+tab"}, "shift+tab", "previous view"),
		insights:   b([]string{"i"}, "i", "insights"),
		left:       b([]string{"left", "h"}, "←/h", "day before"),
		right:      b([]string{"right", "l"}, "→/l", "day after"),
		up:         b([]string{"up", "k"}, "↑/k", "up"),
		down:       b([]string{"down", "j"}, "↓/j", "down"),
		prevMonth:  b([]string{"[", "pgup"}, "[", "month before"),
		nextMonth:  b([]string{"]", "pgdown"}, "]", "month after"),
		pgUp:       b([]string{"pgup"}, "pgup", "page up"),
		pgDown:     b([]string{"pgdown"}, "pgdn", "page down"),
		home:       b([]string{"home", "g"}, "home", "newest"),
		end:        b([]string{"end", "G"}, "end", "oldest"),
		open:       b([]string{"enter"}, "enter", "night"),
		edit:       b([]string{"e"}, "e", "edit check-in"),
		span:       b([]string{"r"}, "r", "30/90 nights"),
		back:       b([]string{"esc"}, "esc", back),
		quit:       b([]string{"q", "ctrl+c"}, "q", "quit"),
		viewHelp:   b([]string{"1", "2", "3", "4", "5", "tab"}, "1-5/tab", "view"),
		dayHelp:    b([]string{"left", "right", "up", "down"}, "←↑↓→", "day"),
		monthHelp:  b([]string{"[", "]"}, "[/]", "month"),
		nightHelp:  b([]string{"up", "down"}, "↑/↓", "night"),
		pgHelp:     b([]string{"pgup", "pgdown", "home", "end"}, "pgup/pgdn/home/end", "page"),
		otherHelp:  b([]string{"left", "right"}, "←/→", "other nights"),
		scrollHelp: b([]string{"up", "down"}, "↑/↓", "scroll"),
	}
	for v := range viewCount {
		n := string(rune('1' + v))
		ks.views[v] = b([]string{n}, n, v.name())
	}
	return ks
}
