package ui

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
)

// view draws the form in width x room cells, scrolled so the focused field
// (or, in a long checklist, its current row) is on screen. On a wide screen
// labels and answers share a line; on a narrow one answers go under them.
// page lays out a form screen: head above, the form in the room left, and
// foot on the last line.
func (f *form) page(sh *shared, head []string, foot string) string {
	if sh.height >= 16 {
		head = append(head, "")
	}
	top := strings.Join(head, "\n")
	room := sh.height - countLines(top) - countLines(foot)
	body := append([]string{top}, f.view(sh.styles, sh.width, room)...)
	return layout(sh.height, strings.Join(body, "\n"), foot)
}

func (f *form) view(st *Styles, width, room int) []string {
	labelW := 0
	if width >= 60 {
		for _, fl := range f.fields {
			labelW = max(labelW, lipgloss.Width(fl.label)+4)
		}
		labelW = min(labelW, width/2)
	}
	var lines []string
	var starts []int // where each field begins
	var from, to, at int
	for i, fl := range f.fields {
		start := len(lines)
		starts = append(starts, start)
		if fl.section != "" {
			lines = append(lines, "")
			lines = append(lines, strings.Split(wrap(st.Faint, width, fl.section), "\n")...)
		}
		block, row := fl.view(st, i == f.focus, width, labelW)
		if i == f.focus {
			from, at = start, len(lines)+row
		}
		lines = append(lines, block...)
		if i == f.focus {
			to = len(lines)
		}
	}
	room = max(room, 1)
	if len(lines) <= room {
		f.top = 0
		return lines
	}
	if to-from <= room {
		f.top = min(f.top, from)
		if f.top < to-room {
			// Scroll down to a field's start, not into the middle of one.
			f.top = to - room
			if i := slices.IndexFunc(starts, func(s int) bool { return s >= f.top }); i >= 0 {
				f.top = starts[i]
			}
		}
	} else {
		f.top = min(f.top, at)
		f.top = max(f.top, at-room+1)
	}
	f.top = min(max(f.top, 0), len(lines)-room)
	return lines[f.top : f.top+room]
}

// view draws one field: label, answer and any problem. row is the line
// the person is on within it.
func (fl *field) view(st *Styles, focused bool, width, labelW int) (lines []string, row int) {
	mark, label := "  ", st.Text
	if focused {
		mark, label = "› ", st.Cursor
	}
	indent := 4
	if labelW > 0 {
		indent = labelW
	}
	avail := max(width-indent, 1)
	vals, row := fl.answer(st, focused, avail)
	pad := strings.Repeat(" ", indent)
	head := st.Cursor.Render(mark) + label.Render(truncate(fl.label, max(width-2, 1)))
	if labelW > 0 {
		head = st.Cursor.Render(mark) + label.Render(truncate(fl.label, labelW-3))
		head += strings.Repeat(" ", max(labelW-lipgloss.Width(head), 0)) + vals[0]
		lines = append(lines, head)
		for _, v := range vals[1:] {
			lines = append(lines, pad+v)
		}
	} else {
		lines = append(lines, head)
		for _, v := range vals {
			lines = append(lines, pad+v)
		}
		row++
	}
	if fl.err != "" {
		for _, l := range strings.Split(wrap(st.Warn, avail, "⚠ "+fl.err), "\n") {
			lines = append(lines, pad+l)
		}
	}
	return lines, row
}

// answer draws the field's value in avail cells: a line, a row of answers
// (only while focused; otherwise the one chosen), or a checklist.
func (fl *field) answer(st *Styles, focused bool, avail int) ([]string, int) {
	switch fl.kind {
	case choiceKind:
		if !focused {
			if fl.sel < 0 {
				return []string{st.Faint.Render("—")}, 0
			}
			return []string{st.Text.Render(truncate(fl.options[fl.sel].label, avail))}, 0
		}
		return fl.choiceRow(st, avail), 0
	case multiKind:
		return fl.checklist(st, focused, avail)
	}
	return []string{fl.textView(st, focused, avail)}, 0
}

// choiceRow lays the answers out in a row, wrapping as needed, with the
// chosen one in brackets.
func (fl *field) choiceRow(st *Styles, avail int) []string {
	var lines []string
	line, w := "", 0
	for i, o := range fl.options {
		tok, style := " "+o.label+" ", st.Faint
		if i == fl.sel {
			tok, style = "["+o.label+"]", st.Cursor
		}
		if w > 0 && w+lipgloss.Width(tok) > avail {
			lines = append(lines, line)
			line, w = "", 0
		}
		if w == 0 && i != fl.sel {
			tok = tok[1:] // each line starts in the answer column
		}
		line += style.Render(truncate(tok, avail))
		w += lipgloss.Width(tok)
	}
	return append(lines, line)
}

func (fl *field) checklist(st *Styles, focused bool, avail int) ([]string, int) {
	if !focused {
		var on []string
		for i, o := range fl.options {
			if fl.checked[i] {
				on = append(on, o.label)
			}
		}
		if len(on) == 0 {
			return []string{st.Faint.Render("nothing ticked")}, 0
		}
		return []string{st.Text.Render(truncate(strings.Join(on, ", "), avail))}, 0
	}
	var lines []string
	for i, o := range fl.options {
		box, style := "[ ] ", st.Text
		if fl.checked[i] {
			box = "[x] "
		}
		mark := "  "
		if i == fl.row {
			mark, style = "› ", st.Cursor
		}
		lines = append(lines, st.Cursor.Render(mark)+style.Render(truncate(box+o.label, max(avail-2, 1))))
	}
	return lines, fl.row
}

// textView shows a text value with the cursor when focused; a value just
// focused is underlined, as typing will replace it. A long value scrolls to
// keep the cursor in view.
func (fl *field) textView(st *Styles, focused bool, avail int) string {
	unit := fl.unit
	if unit == "times" && fl.value() == "1" {
		unit = "time"
	}
	if !focused {
		if unit != "" {
			unit = " " + unit
		}
		if len(fl.text) == 0 {
			return st.Faint.Render(truncate(fl.hint, avail))
		}
		return truncate(st.Text.Render(fl.value())+st.Faint.Render(unit), avail)
	}
	cursor := st.Cursor.Reverse(true)
	if len(fl.text) == 0 {
		// The cursor sits on the hint's first letter, as a placeholder.
		hint := []rune(fl.hint + " ")
		return truncate(cursor.Render(string(hint[0]))+st.Faint.Render(string(hint[1:])), avail)
	}
	if fl.fresh {
		if unit != "" {
			unit = " " + unit
		}
		return truncate(st.Cursor.Underline(true).Render(fl.value())+st.Faint.Render(unit), avail)
	}
	// At the end of the value the cursor cell stands for the space before
	// the unit.
	if unit != "" && fl.pos < len(fl.text) {
		unit = " " + unit
	}
	room := max(avail-lipgloss.Width(unit)-1, 1)
	rs, pos := fl.text, fl.pos
	start := max(pos-room+1, 0)
	end := min(len(rs), start+room)
	before := string(rs[start:pos])
	if start > 0 {
		before = "…" + string(rs[start+1:pos])
	}
	at, after := " ", ""
	if pos < len(rs) {
		at, after = string(rs[pos]), string(rs[min(pos+1, end):end])
	}
	s := st.Text.Render(before) + cursor.Render(at) + st.Text.Render(after) + st.Faint.Render(unit)
	return truncate(s, avail)
}
