package form

import (
	"slices"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// A form screen is laid out as head lines above, the form in the room
// left, and a foot on the last lines. Fit scrolls the form for that room
// and View draws it; a screen calls Fit at the end of each Update (and on
// a resize) with the head and foot its View will draw, so View itself
// changes nothing.

// Fit scrolls the form so the focused field (or, in a long checklist, its
// current row) is in the room that head and foot leave on ctx's screen.
func (f *Form) Fit(ctx *screen.Context, head []string, foot string) {
	if ctx.Width < screen.MinWidth || ctx.Height < screen.MinHeight {
		return // not drawn: the root says the terminal is too small
	}
	f.scroll(ctx.Styles, ctx.Width, f.room(ctx, head, foot))
}

// View lays out a form screen: head above, the form in the room left,
// and foot on the last line.
func (f *Form) View(ctx *screen.Context, head []string, foot string) string {
	top := strings.Join(pageHead(ctx, head), "\n")
	body := append([]string{top}, f.lines(ctx.Styles, ctx.Width, f.room(ctx, head, foot))...)
	return screen.Layout(ctx.Height, strings.Join(body, "\n"), foot)
}

// pageHead is head with a line under it when the screen has room.
func pageHead(ctx *screen.Context, head []string) []string {
	if ctx.Height >= 16 {
		return append(head[:len(head):len(head)], "")
	}
	return head
}

func (f *Form) room(ctx *screen.Context, head []string, foot string) int {
	top := strings.Join(pageHead(ctx, head), "\n")
	return ctx.Height - screen.CountLines(top) - screen.CountLines(foot)
}

// draw is every line of the form at width: where each field starts, and
// the focused field's first line, last line (exclusive) and current row.
// On a wide screen labels and answers share a line; on a narrow one
// answers go under them.
func (f *Form) draw(st *screen.Styles, width int) (lines []string, starts []int, from, to, at int) {
	labelW := 0
	if width >= 60 {
		for _, fl := range f.fields {
			if !fl.hidden {
				labelW = max(labelW, lipgloss.Width(fl.label)+4)
			}
		}
		labelW = min(labelW, width/2)
	}
	for i, fl := range f.fields {
		start := len(lines)
		starts = append(starts, start)
		if fl.hidden {
			continue
		}
		if fl.Section != "" {
			lines = append(lines, "")
			lines = append(lines, strings.Split(screen.Wrap(st.Faint, width, fl.Section), "\n")...)
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
	return lines, starts, from, to, at
}

// scroll moves top as little as keeps the focused field in room lines.
func (f *Form) scroll(st *screen.Styles, width, room int) {
	lines, starts, from, to, at := f.draw(st, width)
	room = max(room, 1)
	if len(lines) <= room {
		f.top = 0
		return
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
}

// lines are the room lines of the form from top.
func (f *Form) lines(st *screen.Styles, width, room int) []string {
	lines, _, _, _, _ := f.draw(st, width)
	room = max(room, 1)
	if len(lines) <= room {
		return lines
	}
	top := min(max(f.top, 0), len(lines)-room)
	return lines[top : top+room]
}

// view draws one field: label, answer and any problem. row is the line
// the person is on within it.
func (fl *Field) view(st *screen.Styles, focused bool, width, labelW int) (lines []string, row int) {
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
	head := st.Cursor.Render(mark) + label.Render(screen.Truncate(fl.label, max(width-2, 1)))
	if labelW > 0 {
		head = st.Cursor.Render(mark) + label.Render(screen.Truncate(fl.label, labelW-3))
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
		mark := "⚠ "
		if fl.Asking() {
			mark = "? "
		}
		for _, l := range strings.Split(screen.Wrap(st.Warn, avail, mark+fl.err), "\n") {
			lines = append(lines, pad+l)
		}
		for _, r := range fl.readings {
			lines = append(lines, pad+st.Cursor.Render(r.Short+":")+" "+st.Text.Render(screen.Truncate(r.Label, max(avail-3, 1))))
		}
	}
	return lines, row
}

// answer draws the field's value in avail cells: a line, a row of answers
// (only while focused; otherwise the one chosen), or a checklist.
func (fl *Field) answer(st *screen.Styles, focused bool, avail int) ([]string, int) {
	switch fl.kind {
	case Choice:
		if !focused {
			if fl.sel < 0 {
				return []string{st.Faint.Render("—")}, 0
			}
			return []string{st.Text.Render(screen.Truncate(fl.options[fl.sel].Label, avail))}, 0
		}
		row := fl.choiceRow(st, avail)
		if fl.Hint != "" {
			// What the ends of a scale mean, under it while it is answered.
			row = append(row, st.Faint.Render(screen.Truncate(fl.Hint, avail)))
		}
		return row, 0
	case Multi:
		return fl.checklist(st, focused, avail)
	}
	return []string{fl.textView(st, focused, avail)}, 0
}

// choiceRow lays the answers out in a row, wrapping as needed, with the
// chosen one in brackets.
func (fl *Field) choiceRow(st *screen.Styles, avail int) []string {
	var lines []string
	line, w := "", 0
	for i, o := range fl.options {
		tok, style := " "+o.Label+" ", st.Faint
		if i == fl.sel {
			tok, style = "["+o.Label+"]", st.Cursor
		}
		if w > 0 && w+lipgloss.Width(tok) > avail {
			lines = append(lines, line)
			line, w = "", 0
		}
		if w == 0 && i != fl.sel {
			tok = tok[1:] // each line starts in the answer column
		}
		line += style.Render(screen.Truncate(tok, avail))
		w += lipgloss.Width(tok)
	}
	return append(lines, line)
}

func (fl *Field) checklist(st *screen.Styles, focused bool, avail int) ([]string, int) {
	if !focused {
		var on []string
		for i, o := range fl.options {
			if fl.checked[i] {
				on = append(on, o.Label)
			}
		}
		if len(on) == 0 {
			return []string{st.Faint.Render("nothing ticked")}, 0
		}
		return []string{st.Text.Render(screen.Truncate(strings.Join(on, ", "), avail))}, 0
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
		lines = append(lines, st.Cursor.Render(mark)+style.Render(screen.Truncate(box+o.Label, max(avail-2, 1))))
	}
	return lines, fl.row
}

// textView shows a text value with the cursor when focused; a value just
// focused is underlined, as typing will replace it. A long value scrolls to
// keep the cursor in view.
func (fl *Field) textView(st *screen.Styles, focused bool, avail int) string {
	unit := fl.Unit
	if unit == "times" && fl.Value() == "1" {
		unit = "time"
	}
	if fl.suggested && (!focused || fl.fresh) {
		// A suggestion is drawn faint, and says so, until confirmed.
		value := st.Faint
		if focused {
			value = st.Faint.Underline(true)
		}
		return screen.Truncate(value.Render(fl.Value())+st.Faint.Render(" suggested"), avail)
	}
	if !focused {
		if unit != "" {
			unit = " " + unit
		}
		if len(fl.text) == 0 {
			return st.Faint.Render(screen.Truncate(fl.Hint, avail))
		}
		return screen.Truncate(st.Text.Render(fl.Value())+st.Faint.Render(unit), avail)
	}
	cursor := st.Cursor.Reverse(true)
	if len(fl.text) == 0 {
		// The cursor sits on the hint's first letter, as a placeholder.
		hint := []rune(fl.Hint + " ")
		return screen.Truncate(cursor.Render(string(hint[0]))+st.Faint.Render(string(hint[1:])), avail)
	}
	if fl.fresh {
		if unit != "" {
			unit = " " + unit
		}
		return screen.Truncate(st.Cursor.Underline(true).Render(fl.Value())+st.Faint.Render(unit), avail)
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
	return screen.Truncate(s, avail)
}
