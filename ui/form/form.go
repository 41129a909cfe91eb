// Package form is quietlegs' own form engine: a column of fields, one in
// focus, for tired hands. Enter moves on, every field already holds its
// most likely answer, a choice takes an arrow, a digit or a first letter,
// and a problem is shown at the field it belongs to.
//
// It is hand-built rather than huh because of what huh v2 does and we
// must not: it cannot show a cross-field error (night.Checkin.Validate's
// "awake too long" belongs at the field that made it so) at its field; it
// silently clips a paste that is too long where we refuse it whole and
// say so; its cursor blinks, which both ticks and wakes tired eyes; and it
// offers its accessible mode only when it owns the whole program, not as
// one screen among ours.
package form

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
)

// Action is what a key did to the form as a whole.
type Action int

// What a key did to the form as a whole.
const (
	None   Action = iota
	Submit        // every field checked and good
)

// Keys are the form's keys. Choose and Tick are for help only: they name
// what the focused field takes.
type Keys struct {
	Next, Tab, Prev, Up, Down, Save key.Binding
	Choose, Tick                    key.Binding
}

// NewKeys are enter and tab forward, shift+tab back, arrows, ctrl+s.
func NewKeys() Keys {
	return Keys{
		Next:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Tab:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next")),
		Prev:   key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "back")),
		Up:     key.NewBinding(key.WithKeys("up"), key.WithHelp("↑/↓", "move")),
		Down:   key.NewBinding(key.WithKeys("down"), key.WithHelp("↓", "next")),
		Save:   key.NewBinding(key.WithKeys("ctrl+s"), key.WithHelp("ctrl+s", "save")),
		Choose: key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Tick:   key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "tick")),
	}
}

// Form is a column of fields with one in focus.
type Form struct {
	Keys   Keys
	fields []*Field
	focus  int
	// top is the first line shown when the form is taller than the screen;
	// Fit moves it, View only reads it.
	top int
	// dirty is set by the first change a person makes.
	dirty bool
	// check sets each field's err from its value and the others'; it shows
	// problems only on touched fields.
	check func()
}

// New is a form of fields, the first in focus. check, if not nil, puts
// each field's problem at it (Field.SetErr) whenever a field is left or
// the form submitted.
func New(check func(), fields ...*Field) *Form {
	f := &Form{fields: fields, Keys: NewKeys(), check: check}
	if check == nil {
		f.check = func() {}
	}
	f.focusOn(0)
	return f
}

// Current is the field in focus.
func (f *Form) Current() *Field { return f.fields[f.focus] }

// Focus is the index of the field in focus.
func (f *Form) Focus() int { return f.focus }

// Position is the focused field's place among the fields shown, from 1,
// and how many are shown.
func (f *Form) Position() (n, shown int) {
	for i, fl := range f.fields {
		if !fl.hidden {
			shown++
			if i <= f.focus {
				n = shown
			}
		}
	}
	return n, shown
}

// Fields are the form's fields, in order.
func (f *Form) Fields() []*Field { return f.fields }

// Dirty reports whether the person has changed anything.
func (f *Form) Dirty() bool { return f.dirty }

// Field returns the field named key, or nil.
func (f *Form) Field(key string) *Field {
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	return nil
}

// TakesText reports whether the field in focus takes free text, where
// every printable key (? among them) is typed.
func (f *Form) TakesText() bool { return f.cur().kind == Text }

func (f *Form) cur() *Field { return f.fields[f.focus] }

func (f *Form) last() bool { return f.nextShown(f.focus, 1) < 0 }

// nextShown is the index of the first field shown after i going by step
// (1 or -1), or -1 when there is none.
func (f *Form) nextShown(i, step int) int {
	for i += step; i >= 0 && i < len(f.fields); i += step {
		if !f.fields[i].hidden {
			return i
		}
	}
	return -1
}

func (f *Form) focusOn(i int) {
	// A time typed as 2230 or 6:05 reads back as 22:30, 06:05.
	if cur := f.fields[f.focus]; cur.kind == Clock {
		if c, err := night.ParseClock(cur.Value()); err == nil {
			cur.text = []rune(c.String())
		}
	}
	f.focus = i
	fl := f.fields[i]
	fl.fresh = len(fl.text) > 0
	fl.pos = len(fl.text)
	fl.digits = ""
}

// Update handles a key or a paste.
func (f *Form) Update(msg tea.Msg) Action {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if f.cur().paste(msg.Content) {
			f.dirty = true
		}
	case tea.KeyPressMsg:
		return f.key(msg)
	}
	return None
}

func (f *Form) key(k tea.KeyPressMsg) Action {
	cur := f.cur()
	switch {
	case key.Matches(k, f.Keys.Save):
		return f.submit()
	case key.Matches(k, f.Keys.Next):
		if f.last() {
			return f.submit()
		}
		f.forward()
	case key.Matches(k, f.Keys.Tab):
		f.forward()
	case key.Matches(k, f.Keys.Prev):
		f.back()
	case key.Matches(k, f.Keys.Up):
		if cur.kind == Multi && cur.row > 0 {
			cur.row--
			break
		}
		f.back()
	case key.Matches(k, f.Keys.Down):
		if cur.kind == Multi && cur.row < len(cur.options)-1 {
			cur.row++
			break
		}
		f.forward()
	case cur.answerAsked(k):
		// The field stays in focus, its new value checked: enter moves on.
		f.dirty = true
		f.check()
	default:
		if cur.edit(k) {
			f.dirty = true
		}
	}
	return None
}

// forward leaves the field for the next one, unless it has a problem. A
// suggested value left forward is confirmed: the person has seen it.
func (f *Form) forward() {
	cur := f.cur()
	cur.touched, cur.suggested = true, false
	f.check()
	if cur.err != "" || f.last() {
		return
	}
	f.focusOn(f.nextShown(f.focus, 1))
	if nf := f.cur(); nf.kind == Multi {
		nf.row = 0
	}
}

// back goes to the previous field; a problem never holds a person there.
func (f *Form) back() {
	cur := f.cur()
	if cur.edited {
		cur.touched = true
	}
	f.check()
	prev := f.nextShown(f.focus, -1)
	if prev < 0 {
		return
	}
	f.focusOn(prev)
	if nf := f.cur(); nf.kind == Multi {
		nf.row = len(nf.options) - 1
	}
}

// submit checks every field and, if one has a problem, goes to it.
func (f *Form) submit() Action {
	for _, fl := range f.fields {
		fl.touched = !fl.hidden || fl.touched
	}
	f.check()
	for i, fl := range f.fields {
		if fl.err != "" && !fl.hidden {
			if i != f.focus {
				f.focusOn(i)
			}
			return None
		}
	}
	return Submit
}

// Help is the key help for the focused field, then enter's meaning.
func (f *Form) Help(done string) []key.Binding {
	var bs []key.Binding
	switch cur := f.cur(); cur.kind {
	case Choice:
		bs = append(bs, f.Keys.Choose)
		h := cur.PickHelp()
		if h == "" {
			h = "a letter"
		}
		bs = append(bs, key.NewBinding(key.WithKeys("0"), key.WithHelp(h, "picks")))
	case Multi:
		bs = append(bs, f.Keys.Tick)
	}
	if cur := f.cur(); cur.Asking() {
		bs = append(bs, key.NewBinding(key.WithKeys(askKeys...), key.WithHelp("a/b", "answers")))
	}
	next := f.Keys.Next
	if f.last() {
		next = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", done))
	}
	return append([]key.Binding{next}, bs...)
}
