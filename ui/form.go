package ui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
)

// A small form for tired hands: one field at a time, enter moves on, every
// field already holds its most likely answer, and a problem is shown at
// the field it belongs to. (Hand-built rather than huh: huh is not in
// go.mod, and this way nothing blinks or ticks, selects take a digit or a
// first letter, and whole-form rules from night.Checkin.Validate land on
// the right field.)

// formAction is what a key did to the form as a whole.
type formAction int

const (
	formNone   formAction = iota
	formSubmit            // every field checked and good
)

type formKeys struct {
	Next, Tab, Prev, Up, Down, Save key.Binding
	// Help only: what the focused field takes.
	Choose, Tick key.Binding
}

func newFormKeys() formKeys {
	return formKeys{
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

// form is a column of fields with one in focus.
type form struct {
	fields []*field
	focus  int
	keys   formKeys
	// top is the first line shown when the form is taller than the screen.
	top int
	// dirty is set by the first change a person makes.
	dirty bool
	// check sets each field's err from its value and the others'; it shows
	// problems only on touched fields.
	check func()
}

func newForm(check func(), fields ...*field) *form {
	f := &form{fields: fields, keys: newFormKeys(), check: check}
	if check == nil {
		f.check = func() {}
	}
	f.focusOn(0)
	return f
}

func (f *form) cur() *field { return f.fields[f.focus] }

// field returns the field named key, or nil.
func (f *form) field(key string) *field {
	for _, fl := range f.fields {
		if fl.key == key {
			return fl
		}
	}
	return nil
}

func (f *form) last() bool { return f.focus == len(f.fields)-1 }

func (f *form) focusOn(i int) {
	// A time typed as 2230 or 6:05 reads back as 22:30, 06:05.
	if cur := f.fields[f.focus]; cur.kind == clockKind {
		if c, err := night.ParseClock(cur.value()); err == nil {
			cur.text = []rune(c.String())
		}
	}
	f.focus = i
	fl := f.fields[i]
	fl.fresh = len(fl.text) > 0
	fl.pos = len(fl.text)
	fl.digits = ""
}

// update handles a key or a paste.
func (f *form) update(msg tea.Msg) formAction {
	switch msg := msg.(type) {
	case tea.PasteMsg:
		if f.cur().paste(msg.Content) {
			f.dirty = true
		}
	case tea.KeyPressMsg:
		return f.key(msg)
	}
	return formNone
}

func (f *form) key(k tea.KeyPressMsg) formAction {
	cur := f.cur()
	switch {
	case key.Matches(k, f.keys.Save):
		return f.submit()
	case key.Matches(k, f.keys.Next):
		if f.last() {
			return f.submit()
		}
		f.forward()
	case key.Matches(k, f.keys.Tab):
		f.forward()
	case key.Matches(k, f.keys.Prev):
		f.back()
	case key.Matches(k, f.keys.Up):
		if cur.kind == multiKind && cur.row > 0 {
			cur.row--
			break
		}
		f.back()
	case key.Matches(k, f.keys.Down):
		if cur.kind == multiKind && cur.row < len(cur.options)-1 {
			cur.row++
			break
		}
		f.forward()
	default:
		if cur.edit(k) {
			f.dirty = true
		}
	}
	return formNone
}

// forward leaves the field for the next one, unless it has a problem.
func (f *form) forward() {
	cur := f.cur()
	cur.touched = true
	f.check()
	if cur.err != "" || f.last() {
		return
	}
	f.focusOn(f.focus + 1)
	if nf := f.cur(); nf.kind == multiKind {
		nf.row = 0
	}
}

// back goes to the previous field; a problem never holds a person there.
func (f *form) back() {
	cur := f.cur()
	if cur.edited {
		cur.touched = true
	}
	f.check()
	if f.focus == 0 {
		return
	}
	f.focusOn(f.focus - 1)
	if nf := f.cur(); nf.kind == multiKind {
		nf.row = len(nf.options) - 1
	}
}

// submit checks every field and, if one has a problem, goes to it.
func (f *form) submit() formAction {
	for _, fl := range f.fields {
		fl.touched = true
	}
	f.check()
	for i, fl := range f.fields {
		if fl.err != "" {
			if i != f.focus {
				f.focusOn(i)
			}
			return formNone
		}
	}
	return formSubmit
}

// help is the key help for the focused field, then enter's meaning.
func (f *form) help(done string) []key.Binding {
	var bs []key.Binding
	switch cur := f.cur(); cur.kind {
	case choiceKind:
		bs = append(bs, f.keys.Choose)
		h := cur.pickHelp()
		if h == "" {
			h = "a letter"
		}
		bs = append(bs, key.NewBinding(key.WithKeys("0"), key.WithHelp(h, "picks")))
	case multiKind:
		bs = append(bs, f.keys.Tick)
	}
	next := f.keys.Next
	if f.last() {
		next = key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", done))
	}
	return append([]key.Binding{next}, bs...)
}
