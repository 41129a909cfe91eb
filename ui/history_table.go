package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
)

// tableRoom is how many nights the table shows at once.
func (h *history) tableRoom() int { return max(h.bodyRoom()-1, 1) }

// toRecord moves the selection onto a night with a record (the nearest
// earlier one, else the nearest later one) and reads a page either side.
func (h *history) toRecord() {
	if h.first == "" {
		return
	}
	h.sel = min(max(h.sel, h.first), h.last)
	h.win.ensure(h.sel, h.sel)
	if h.win.get(h.sel) == nil {
		if d := h.win.older(h.sel, 1, h.first); d != "" {
			h.sel = d
		} else if d := h.win.newer(h.sel, 1, h.last); d != "" {
			h.sel = d
		}
	}
	h.page()
}

// page reads enough nights either side of the selection to draw the
// table and to move a page.
func (h *history) page() {
	n := 2 * h.tableRoom()
	h.win.older(h.sel, n, h.first)
	h.win.newer(h.sel, n, h.last)
}

// tableKey moves the selection through the nights with records, newest
// first; the window of nights read follows it.
func (h *history) tableKey(k tea.KeyPressMsg) tea.Cmd {
	ks := h.keys
	if h.first == "" {
		return nil
	}
	step := func(n int, move func(string, int, string) string, bound string) {
		for range n {
			d := move(h.sel, h.tableRoom()+1, bound)
			if d == "" {
				break
			}
			h.sel = d
		}
	}
	switch {
	case key.Matches(k, ks.open):
		return h.show(nightView)
	case key.Matches(k, ks.down):
		step(1, h.win.older, h.first)
	case key.Matches(k, ks.up):
		step(1, h.win.newer, h.last)
	case key.Matches(k, ks.pgDown):
		step(h.tableRoom(), h.win.older, h.first)
	case key.Matches(k, ks.pgUp):
		step(h.tableRoom(), h.win.newer, h.last)
	case key.Matches(k, ks.home):
		h.sel, h.tableTop = h.last, h.last
		h.win.ensure(h.last, h.last)
	case key.Matches(k, ks.end):
		h.sel = h.first
		h.win.ensure(h.first, h.first)
	default:
		return nil
	}
	h.page()
	return nil
}

// tableCol is one column of the table: its heading, width and cell.
type tableCol struct {
	head  string
	width int
	right bool
	cell  func(r *night.Record) (text string, styled string)
}

// tableCols are the columns in order; narrow screens drop them from the
// right, but always keep the night and the symptoms.
func (h *history) tableCols() []tableCol {
	st := h.sh.styles
	plain := func(f func(r *night.Record) string) func(r *night.Record) (string, string) {
		return func(r *night.Record) (string, string) { s := f(r); return s, st.Text.Render(s) }
	}
	cols := []tableCol{
		{"routine", 9, false, func(r *night.Record) (string, string) {
			rs := routineOf(r)
			return rs.mark() + " " + rs.word(), h.sh.routineCell(rs) + st.Text.Render(" "+rs.word())
		}},
		{"steps", 5, true, plain(h.sh.stepsDone)},
		{"in bed", 6, true, plain(intoBed)},
		{"SE", 5, true, plain(func(r *night.Record) string { return seText(efficiency(r)) })},
		{"quality", 9, false, plain(func(r *night.Record) string {
			if r.Checkin == nil {
				return noData
			}
			return scaleWord(qualityWords(), r.Checkin.Quality)
		})},
	}
	date := tableCol{"night", 15, false, func(r *night.Record) (string, string) {
		s := longNightLabel(r.Night)
		return s, s
	}}
	sev := tableCol{"symptoms", 8, true, func(r *night.Record) (string, string) {
		n := severity(r)
		s := noData
		if n >= 0 {
			s = fmt.Sprint(n)
		}
		return s, h.sh.sevCell(n)
	}}
	width := func(cs []tableCol) int {
		n := 2 + date.width + 2 + sev.width
		for _, c := range cs {
			n += c.width + 2
		}
		return n
	}
	for len(cols) > 0 && width(cols) > h.sh.width {
		cols = cols[:len(cols)-1]
	}
	return append(append([]tableCol{date}, cols...), sev)
}

// tableBody is the nights with records, newest first, scrolled to keep the
// selection on screen.
func (h *history) tableBody() (title, note string, body []string) {
	st := h.sh.styles
	title = "Nights, newest first"
	if h.count > 0 {
		note = fmt.Sprintf("%d recorded", h.count)
	}
	if h.first == "" {
		return title, note, []string{st.Faint.Render("No nights recorded yet.")}
	}
	cols := h.tableCols()
	pad := func(s string, visible string, c tableCol) string {
		gap := strings.Repeat(" ", max(c.width-lipgloss.Width(visible), 0))
		if c.right {
			return gap + s
		}
		return s + gap
	}
	var head []string
	for _, c := range cols {
		head = append(head, pad(c.head, c.head, c))
	}
	body = []string{st.Faint.Render("  " + strings.Join(head, "  "))}

	room := h.tableRoom()
	cur, _ := h.win.index(h.sel)
	top, ok := h.win.index(h.tableTop)
	if !ok || top < cur {
		top = cur
	}
	top = min(top, cur+room-1)
	// Near the oldest night, fill the screen with newer ones above it.
	top = max(min(max(top, room-1), len(h.win.recs)-1), 0)
	if len(h.win.recs) > 0 {
		h.tableTop = h.win.recs[top].Night
	}
	for i := top; i > top-room && i >= 0; i-- {
		r := &h.win.recs[i]
		mark, style := "  ", st.Text
		if r.Night == h.sel {
			mark, style = "› ", st.Cursor
		}
		var cells []string
		for j, c := range cols {
			text, styled := c.cell(r)
			if j == 0 {
				styled = style.Render(text)
			}
			cells = append(cells, pad(styled, text, c))
		}
		body = append(body, truncate(st.Cursor.Render(mark)+strings.Join(cells, "  "), h.sh.width))
	}
	return title, note, body
}
