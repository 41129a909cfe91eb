package history

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// table is the nights with records, newest first.
type table struct {
	ctx  *screen.Context
	src  Source // nil shows none
	n    *nights
	keys tableKeys
	// top is the night on the top row.
	top string
}

type tableKeys struct {
	scrollKeys
	open              key.Binding
	nightHelp, pgHelp key.Binding
}

func newTableKeys() tableKeys {
	return tableKeys{
		scrollKeys: newScrollKeys(),
		open:       bind([]string{"enter"}, "enter", "night"),
		nightHelp:  bind([]string{"up", "down"}, "↑/↓", "night"),
		pgHelp:     bind([]string{"pgup", "pgdown", "home", "end"}, "pgup/pgdn/home/end", "page"),
	}
}

// room is how many nights the table shows at once.
func (t *table) room() int { return max(bodyRoom(t.ctx)-1, 1) }

// enter moves the selection onto a night with a record and reads a page
// either side.
func (t *table) enter() tea.Cmd {
	if t.n.first == "" {
		return nil
	}
	t.n.toRecord()
	t.page()
	return nil
}

// page reads enough nights either side of the selection to draw the
// table and to move a page.
func (t *table) page() {
	n := 2 * t.room()
	t.n.win.older(t.n.sel, n, t.n.first)
	t.n.win.newer(t.n.sel, n, t.n.last)
}

// key moves the selection through the nights with records, newest
// first; the window of nights read follows it.
func (t *table) key(k tea.KeyPressMsg) (viewID, tea.Cmd) {
	ks, n := t.keys, t.n
	if n.first == "" {
		return noView, nil
	}
	step := func(count int, move func(string, int, string) string, bound string) {
		for range count {
			d := move(n.sel, t.room()+1, bound)
			if d == "" {
				break
			}
			n.sel = d
		}
	}
	switch {
	case key.Matches(k, ks.open):
		return nightView, nil
	case key.Matches(k, ks.down):
		step(1, n.win.older, n.first)
	case key.Matches(k, ks.up):
		step(1, n.win.newer, n.last)
	case key.Matches(k, ks.pgDown):
		step(t.room(), n.win.older, n.first)
	case key.Matches(k, ks.pgUp):
		step(t.room(), n.win.newer, n.last)
	case key.Matches(k, ks.home):
		n.sel, t.top = n.last, n.last
		n.win.ensure(n.last, n.last)
	case key.Matches(k, ks.end):
		n.sel = n.first
		n.win.ensure(n.first, n.first)
	default:
		return noView, nil
	}
	t.page()
	return noView, nil
}

// topIndex is the record on the top row: the top night kept where the
// selection still shows under it, else scrolled just enough; near the
// oldest night, the screen fills with newer ones above it.
func (t *table) topIndex() int {
	w := &t.n.win
	room := t.room()
	cur, _ := w.index(t.n.sel)
	top, ok := w.index(t.top)
	if !ok || top < cur {
		top = cur
	}
	top = min(top, cur+room-1)
	return max(min(max(top, room-1), len(w.recs)-1), 0)
}

// fit keeps the top row where the selection shows.
func (t *table) fit() {
	if t.n.first == "" {
		return
	}
	if w := &t.n.win; len(w.recs) > 0 {
		t.top = w.recs[t.topIndex()].Night
	}
}

func (t *table) allKeys() []key.Binding {
	ks := t.keys
	return []key.Binding{ks.up, ks.down, ks.pgUp, ks.pgDown, ks.home, ks.end, ks.open}
}

func (t *table) help() []key.Binding {
	return []key.Binding{t.keys.nightHelp, t.keys.pgHelp, t.keys.open}
}

// tableCol is one column of the table: its heading, width and cell.
type tableCol struct {
	head  string
	width int
	right bool
	cell  func(r *night.Record) (text string, styled string)
}

// cols are the columns in order; narrow screens drop them from the
// right, but always keep the night and the symptoms.
func (t *table) cols() []tableCol {
	st := t.ctx.Styles
	plain := func(f func(r *night.Record) string) func(r *night.Record) (string, string) {
		return func(r *night.Record) (string, string) { s := f(r); return s, st.Text.Render(s) }
	}
	cols := []tableCol{
		{"routine", 9, false, func(r *night.Record) (string, string) {
			rs := nightfmt.RoutineOf(r)
			return rs.Mark() + " " + rs.Word(), nightfmt.RoutineCell(st, rs) + st.Text.Render(" "+rs.Word())
		}},
		{"steps", 5, true, plain(func(r *night.Record) string { return nightfmt.StepsDone(t.ctx.Library, r) })},
		{"in bed", 6, true, plain(nightfmt.IntoBed)},
		{"SE", 5, true, plain(func(r *night.Record) string { return nightfmt.SEText(nightfmt.Efficiency(r)) })},
		{"quality", 9, false, plain(func(r *night.Record) string {
			if r.Checkin == nil {
				return nightfmt.NoData
			}
			return nightfmt.ScaleWord(nightfmt.QualityWords(), r.Checkin.Quality)
		})},
	}
	date := tableCol{"night", 15, false, func(r *night.Record) (string, string) {
		s := nightfmt.LongLabel(r.Night)
		return s, s
	}}
	sev := tableCol{"symptoms", 8, true, func(r *night.Record) (string, string) {
		n := nightfmt.Severity(r)
		s := nightfmt.NoData
		if n >= 0 {
			s = fmt.Sprint(n)
		}
		return s, nightfmt.SevCell(st, n)
	}}
	width := func(cs []tableCol) int {
		n := 2 + date.width + 2 + sev.width
		for _, c := range cs {
			n += c.width + 2
		}
		return n
	}
	for len(cols) > 0 && width(cols) > t.ctx.Width {
		cols = cols[:len(cols)-1]
	}
	return append(append([]tableCol{date}, cols...), sev)
}

// body is the nights with records, newest first, scrolled to keep the
// selection on screen.
func (t *table) body() (title, note string, body []string) {
	st, n := t.ctx.Styles, t.n
	title = "Nights, newest first"
	if n.count > 0 {
		note = fmt.Sprintf("%d recorded", n.count)
	}
	if n.first == "" {
		empty := "No nights recorded yet."
		if t.src != nil && t.src.Where() != "" {
			where := t.src.Where()
			empty = "No nights recorded yet in " + where + "."
		}
		return title, note, []string{screen.Wrap(st.Faint, t.ctx.Width, empty)}
	}
	cols := t.cols()
	pad := func(s string, visible string, c tableCol) string {
		gap := screen.Pad(c.width, visible)
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

	room, top := t.room(), t.topIndex()
	for i := top; i > top-room && i >= 0 && i < len(n.win.recs); i-- {
		r := &n.win.recs[i]
		mark, style := "  ", st.Text
		if r.Night == n.sel {
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
		body = append(body, screen.Truncate(st.Cursor.Render(mark)+strings.Join(cells, "  "), t.ctx.Width))
	}
	return title, note, body
}
