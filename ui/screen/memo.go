package screen

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// Memo keeps one value and the key it was made from, so that a view drawn
// every second reuses what did not change since the last update instead of
// styling and wrapping it again. Keep changes the memo and belongs in
// Update; Get only reads it, so View may call it.
type Memo[K comparable, V any] struct {
	key  K
	val  V
	held bool
}

// Get is the value kept for key, or make's value, not kept, when the memo
// holds another key (the screen was resized since the last update, say).
func (m *Memo[K, V]) Get(key K, make func() V) V {
	if m.held && m.key == key {
		return m.val
	}
	return make()
}

// Keep makes and keeps the value for key, unless it holds it already.
func (m *Memo[K, V]) Keep(key K, make func() V) {
	if m.held && m.key == key {
		return
	}
	m.key, m.val, m.held = key, make(), true
}

// HelpLineKey is everything ShortHelp's line depends on.
type HelpLineKey struct {
	width  int
	styles *Styles
	dark   bool
	keys   string
}

// HelpLineKeyOf is the key of ShortHelp(bindings) at the context's size and
// palette: the bindings' keys, words and whether each is on.
func (c *Context) HelpLineKeyOf(bindings []key.Binding) HelpLineKey {
	var b strings.Builder
	for _, k := range bindings {
		h := k.Help()
		if k.Enabled() {
			b.WriteByte('+')
		}
		b.WriteString(h.Key)
		b.WriteByte(0)
		b.WriteString(h.Desc)
		b.WriteByte(0)
	}
	return HelpLineKey{width: c.Width, styles: c.Styles, dark: c.Dark, keys: b.String()}
}
