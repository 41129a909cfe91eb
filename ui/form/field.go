package form

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"
)

// Kind says how a field is edited.
type Kind int

// How a field is edited.
const (
	Text   Kind = iota // one line of free text
	Clock              // HH:MM
	Number             // a whole number
	Choice             // one answer of a few, picked by arrow, digit or first letter
	Multi              // a checklist: tick any number
)

// Option is one answer of a choice, or one item of a checklist.
type Option struct {
	Label string
	Short string // digits that pick it: "3", "10"
	ID    string // the answer it stands for: a checklist item's id, a rating, an onset
}

// Field is one question of a form.
type Field struct {
	// Section is a heading shown above the field.
	Section string
	// Hint is shown faint while a text field is empty ("HH:MM"), and under
	// a choice while it is answered ("0 none … 10 worst").
	Hint string
	// Unit is shown faint after the value: "min".
	Unit string

	key    string // names it to validation: "in-bed", "latency"
	label  string
	kind   Kind
	maxLen int

	// Text kinds.
	text  []rune
	pos   int
	fresh bool // just focused: typing replaces the value

	// Choice: sel is -1 while unanswered.
	options []Option
	sel     int
	digits  string // digits typed in a row, so 1 then 0 picks 10

	// Checklist.
	checked []bool
	row     int

	err     string
	touched bool // left at least once, or the form was submitted
	edited  bool // changed by the person

	// suggested is set while a text value is only a suggestion: drawn
	// faint, marked "suggested", until the person types in the field or
	// leaves it forward (enter), which confirms it.
	suggested bool
	// readings are the answers to a question asked at the field (err is
	// the question): key a picks the first, b the second.
	readings []Option
	// hidden fields are neither drawn nor visited, nor checked on submit:
	// optional questions a person chose not to open.
	hidden bool
}

// SetHidden hides the field, or shows it again. The field in focus is
// never hidden by its own form; a screen hides only fields after it.
func (f *Field) SetHidden(h bool) { f.hidden = h }

// Hidden reports whether the field is hidden.
func (f *Field) Hidden() bool { return f.hidden }

// NewText is a field of one line of text of kind Text, Clock or Number,
// holding value and taking at most maxLen characters.
func NewText(key, label string, kind Kind, maxLen int, value string) *Field {
	f := &Field{key: key, label: label, kind: kind, maxLen: maxLen, text: []rune(value)}
	f.pos = len(f.text)
	return f
}

// NewChoice is one answer of opts, sel chosen; -1 leaves it unanswered.
func NewChoice(key, label string, opts []Option, sel int) *Field {
	if sel < -1 || sel >= len(opts) {
		sel = -1
	}
	return &Field{key: key, label: label, kind: Choice, options: opts, sel: sel}
}

// NewMulti is a checklist of opts, checked[i] ticking opts[i].
func NewMulti(key, label string, opts []Option, checked []bool) *Field {
	return &Field{key: key, label: label, kind: Multi, options: opts, checked: checked}
}

// Key names the field to validation.
func (f *Field) Key() string { return f.key }

// Value is a text field's text, as typed.
func (f *Field) Value() string { return string(f.text) }

// Answer is what the field holds as an answer: a text field's text, the
// chosen option's ID, or "" while a choice is unanswered.
func (f *Field) Answer() string {
	if f.kind != Choice {
		return f.Value()
	}
	if f.sel < 0 || f.sel >= len(f.options) {
		return ""
	}
	return f.options[f.sel].ID
}

// IsChoice reports whether the field is a choice of one option.
func (f *Field) IsChoice() bool { return f.kind == Choice }

// Selected is a choice's option index, -1 while unanswered.
func (f *Field) Selected() int { return f.sel }

// Select chooses option i, as if picked by key.
func (f *Field) Select(i int) {
	if i >= -1 && i < len(f.options) {
		f.sel = i
	}
}

// Options are a choice's answers or a checklist's items.
func (f *Field) Options() []Option { return f.options }

// Checked reports whether a checklist's item i is ticked.
func (f *Field) Checked(i int) bool { return f.checked[i] }

// Err is the problem shown at the field, "" for none.
func (f *Field) Err() string { return f.err }

// SetErr puts a problem at the field; "" clears it, and any question.
func (f *Field) SetErr(msg string) { f.err, f.readings = msg, nil }

// Suggest marks the field's value as only a suggestion, until confirmed.
func (f *Field) Suggest() { f.suggested = len(f.text) > 0 }

// Suggested reports whether the value is still only a suggestion.
func (f *Field) Suggested() bool { return f.suggested }

// Ask puts a question at the field instead of a problem: answers are
// what it may mean, each with its Label and, as ID, the text that means
// only it. The keys a and b pick the first and second, which replaces
// the value, and the form moves on.
func (f *Field) Ask(question string, answers []Option) {
	f.err, f.readings = question, nil
	for i, a := range answers {
		if i < len(askKeys) {
			a.Short = askKeys[i]
			f.readings = append(f.readings, a)
		}
	}
}

// askKeys pick a question's answers, in order.
var askKeys = []string{"a", "b"}

// Asking reports whether a question stands at the field.
func (f *Field) Asking() bool { return f.err != "" && len(f.readings) > 0 }

// answerAsked takes a key that picks an answer to the question at the
// field; it reports whether it did.
func (f *Field) answerAsked(k tea.KeyPressMsg) bool {
	if !f.Asking() {
		return false
	}
	for _, r := range f.readings {
		if k.Text == r.Short {
			f.text, f.pos, f.fresh = []rune(r.ID), len([]rune(r.ID)), false
			f.err, f.readings, f.edited, f.suggested = "", nil, true, false
			return true
		}
	}
	return false
}

// Touched reports whether the person has left the field, or tried to
// submit the form: only then are its problems worth showing.
func (f *Field) Touched() bool { return f.touched }

// edit applies a key other than the form's own; it reports a change.
func (f *Field) edit(k tea.KeyPressMsg) bool {
	var changed bool
	switch f.kind {
	case Choice:
		changed = f.choose(k)
	case Multi:
		changed = f.tick(k)
	default:
		changed = f.typeKey(k)
	}
	if changed {
		f.edited, f.suggested = true, false
		f.err, f.readings = "", nil
	}
	return changed
}

func (f *Field) typeKey(k tea.KeyPressMsg) bool {
	n := len(f.text)
	switch k.String() {
	case "left":
		f.pos = max(f.pos-1, 0)
	case "right":
		f.pos = min(f.pos+1, n)
	case "home", "ctrl+a":
		f.pos = 0
	case "end", "ctrl+e":
		f.pos = n
	case "backspace":
		if f.pos == 0 {
			break
		}
		f.text = slices.Delete(f.text, f.pos-1, f.pos)
		f.pos--
		f.fresh = false
		return true
	case "delete", "ctrl+d":
		if f.pos == n {
			break
		}
		f.text = slices.Delete(f.text, f.pos, f.pos+1)
		f.fresh = false
		return true
	case "ctrl+u":
		cut := f.pos
		f.text, f.pos, f.fresh = f.text[f.pos:], 0, false
		return cut > 0
	case "ctrl+k":
		cut := n - f.pos
		f.text, f.fresh = f.text[:f.pos], false
		return cut > 0
	default:
		if k.Text == "" || k.Mod.Contains(tea.ModCtrl) || k.Mod.Contains(tea.ModAlt) {
			return false
		}
		return f.insert(k.Text, false)
	}
	f.fresh = false
	return false
}

// insert adds typed or pasted text at the cursor; on a freshly focused
// field it replaces the value. Text that would not fit is refused whole,
// with a message, and the value is left as it was.
func (f *Field) insert(s string, pasted bool) bool {
	rs := clean(s)
	if f.kind != Text {
		rs = []rune(strings.TrimSpace(string(rs)))
	}
	if len(rs) == 0 {
		return false
	}
	base, pos := f.text, f.pos
	if f.fresh {
		base, pos = nil, 0
	}
	if room := f.maxLen - len(base); len(rs) > room {
		switch {
		case pasted:
			f.err = fmt.Sprintf("that paste is %d characters, more than fits here (%d); nothing was pasted", len(rs), room)
		default:
			f.err = fmt.Sprintf("this field is full (%d characters)", f.maxLen)
		}
		return false
	}
	f.text = slices.Concat(base[:pos], rs, base[pos:])
	f.pos = pos + len(rs)
	f.fresh = false
	return true
}

// paste puts pasted text into a text field; choices and lists ignore it.
func (f *Field) paste(s string) bool {
	if f.kind == Choice || f.kind == Multi {
		return false
	}
	if f.insert(s, true) {
		f.edited, f.err, f.readings, f.suggested = true, "", nil, false
		return true
	}
	return false
}

// clean drops control characters and turns line breaks and tabs into
// spaces, so a paste stays on one line.
func clean(s string) []rune {
	var out []rune
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			out = append(out, ' ')
		case unicode.IsControl(r) || r == unicode.ReplacementChar:
		default:
			out = append(out, r)
		}
	}
	return out
}

func (f *Field) choose(k tea.KeyPressMsg) bool {
	n := len(f.options)
	old := f.sel
	s := k.String()
	switch {
	case s == "left":
		f.sel = (max(f.sel, 0) + n - 1) % n
	case s == "right" || s == "space":
		f.sel = (f.sel + 1) % n
	case len([]rune(k.Text)) == 1 && !k.Mod.Contains(tea.ModCtrl):
		r := []rune(k.Text)[0]
		if unicode.IsDigit(r) {
			f.digits += string(r)
			if i := f.byShort(f.digits); i >= 0 {
				f.sel = i
			} else if i := f.byShort(string(r)); i >= 0 {
				f.digits, f.sel = string(r), i
			}
			return f.sel != old
		}
		f.sel = f.next(r, f.sel)
	}
	f.digits = ""
	return f.sel != old
}

// byShort is the option picked by typing digits, or -1.
func (f *Field) byShort(digits string) int {
	return slices.IndexFunc(f.options, func(o Option) bool { return o.Short == digits })
}

// next is the Option after from whose label starts with r, round again to
// the start; from when none does.
func (f *Field) next(r rune, from int) int {
	r = unicode.ToLower(r)
	n := len(f.options)
	for i := 1; i <= n; i++ {
		j := (from + i + n) % n
		if l := []rune(f.options[j].Label); len(l) > 0 && unicode.ToLower(l[0]) == r {
			return j
		}
	}
	return from
}

// PickHelp says which digits pick an answer: "1-5", "0-10".
func (f *Field) PickHelp() string {
	var first, last string
	for _, o := range f.options {
		if o.Short == "" {
			continue
		}
		if first == "" {
			first = o.Short
		}
		last = o.Short
	}
	if first == "" {
		return ""
	}
	return first + "-" + last
}

func (f *Field) tick(k tea.KeyPressMsg) bool {
	if len(f.options) == 0 {
		return false
	}
	switch k.String() {
	case "space", "x":
		f.checked[f.row] = !f.checked[f.row]
		return true
	}
	if r := []rune(k.Text); len(r) == 1 && !k.Mod.Contains(tea.ModCtrl) {
		if r[0] >= '1' && r[0] <= '9' {
			if i := int(r[0] - '1'); i < len(f.options) {
				f.row = i
				f.checked[i] = !f.checked[i]
				return true
			}
			return false
		}
		f.row = f.next(r[0], f.row)
	}
	return false
}
