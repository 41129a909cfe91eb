package history

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// calendar is the selected day's month, a night's symptom rating in each
// day.
type calendar struct {
	ctx  *screen.Context
	n    *nights
	keys calendarKeys
}

type calendarKeys struct {
	left, right, up, down key.Binding
	prevMonth, nextMonth  key.Binding
	home, end, open       key.Binding
	dayHelp, monthHelp    key.Binding
}

func newCalendarKeys() calendarKeys {
	return calendarKeys{
		left:      bind([]string{"left", "h"}, "←/h", "day before"),
		right:     bind([]string{"right", "l"}, "→/l", "day after"),
		up:        bind([]string{"up", "k"}, "↑/k", "up"),
		down:      bind([]string{"down", "j"}, "↓/j", "down"),
		prevMonth: bind([]string{"[", "pgup"}, "[", "month before"),
		nextMonth: bind([]string{"]", "pgdown"}, "]", "month after"),
		home:      bind([]string{"home", "g"}, "home", "newest"),
		end:       bind([]string{"end", "G"}, "end", "oldest"),
		open:      bind([]string{"enter"}, "enter", "night"),
		dayHelp:   bind([]string{"left", "right", "up", "down"}, "←↑↓→", "day"),
		monthHelp: bind([]string{"[", "]"}, "[/]", "month"),
	}
}

// enter reads the month shown.
func (c *calendar) enter() tea.Cmd {
	c.n.win.ensure(nightfmt.MonthStart(c.n.sel), nightfmt.MonthEnd(c.n.sel))
	return nil
}

// key moves the selected day by a day, a week or a month; the month shown
// is the selected day's, read when the cursor enters it.
func (c *calendar) key(k tea.KeyPressMsg) (viewID, tea.Cmd) {
	ks := c.keys
	d := c.n.sel
	switch {
	case key.Matches(k, ks.open):
		return nightView, nil
	case key.Matches(k, ks.left):
		d = nightfmt.AddDays(d, -1)
	case key.Matches(k, ks.right):
		d = nightfmt.AddDays(d, 1)
	case key.Matches(k, ks.up):
		d = nightfmt.AddDays(d, -7)
	case key.Matches(k, ks.down):
		d = nightfmt.AddDays(d, 7)
	case key.Matches(k, ks.prevMonth):
		d = nightfmt.AddMonths(d, -1)
	case key.Matches(k, ks.nextMonth):
		d = nightfmt.AddMonths(d, 1)
	case key.Matches(k, ks.home):
		d = c.n.last
	case key.Matches(k, ks.end):
		d = c.n.first
	default:
		return noView, nil
	}
	lo, hi := c.n.calendarBounds()
	c.n.sel = min(max(d, lo), hi)
	return noView, c.enter()
}

func (c *calendar) fit() {}

func (c *calendar) allKeys() []key.Binding {
	ks := c.keys
	return []key.Binding{ks.left, ks.right, ks.up, ks.down, ks.prevMonth, ks.nextMonth, ks.home, ks.end, ks.open}
}

func (c *calendar) help() []key.Binding {
	return []key.Binding{c.keys.dayHelp, c.keys.monthHelp, c.keys.open}
}

// body is the selected day's month, weeks as rows from Monday,
// each night's symptom rating as a number in a colour band, "·" for a
// night with none. With room, each week has a line of dates above it, and
// the selected night is told beside the grid (or under it).
func (c *calendar) body() (title, note string, body []string) {
	st, w := c.ctx.Styles, c.ctx.Width
	ms := nightfmt.MonthStart(c.n.sel)
	start := nightfmt.ParseDate(ms)
	days := nightfmt.ParseDate(nightfmt.MonthEnd(ms)).Day()
	lead := (int(start.Weekday()) + 6) % 7 // Monday first
	weeks := (lead + days + 6) / 7
	cw := min(w/7, 6)
	room := bodyRoom(c.ctx)
	tall := room >= 2*weeks+4
	_, hi := c.n.calendarBounds()

	grid := []string{strings.Repeat(" ", cw-4) + st.Faint.Render(
		strings.Join([]string{" Mo ", " Tu ", " We ", " Th ", " Fr ", " Sa ", " Su "}, strings.Repeat(" ", cw-4)))}
	for wk := range weeks {
		var dates, marks strings.Builder
		for col := range 7 {
			dates.WriteString(strings.Repeat(" ", cw-4))
			if tall {
				marks.WriteString(strings.Repeat(" ", cw-4))
			} else {
				marks.WriteString(strings.Repeat(" ", max(cw-5, 0)))
			}
			day := wk*7 + col - lead + 1
			date := fmt.Sprintf("%s-%02d", ms[:7], day)
			if day < 1 || day > days || date > hi {
				dates.WriteString("    ")
				marks.WriteString("    ")
				if !tall {
					marks.WriteString(" ")
				}
				continue
			}
			r := c.n.win.get(date)
			numStyle := st.Faint
			if date == c.n.sel {
				numStyle = st.Cursor
			}
			mark := nightfmt.RoutineOf(r).Mark()
			if mark == nightfmt.NoData {
				mark = " "
			}
			dates.WriteString(numStyle.Render(fmt.Sprintf("%3d", day)) + st.Accent.Render(mark))
			if tall {
				marks.WriteString(c.cell(date, nightfmt.Severity(r)))
			} else {
				marks.WriteString(c.compactCell(day, date, nightfmt.Severity(r)))
			}
		}
		if tall {
			grid = append(grid, dates.String())
		}
		grid = append(grid, marks.String())
	}

	legend := c.legend()
	gridW := 7 * cw
	if side := c.summary(); w-gridW-3 >= 26 && len(side) <= len(grid) {
		for i, s := range side {
			grid[i] += strings.Repeat(" ", gridW-lipgloss.Width(grid[i])+3) + screen.Truncate(s, w-gridW-3)
		}
		body = append(grid, "", legend)
	} else {
		body = append(grid, c.line(), legend)
	}
	note = "leg symptoms, next morning"
	if w < 60 {
		note = "leg symptoms"
	}
	return start.Format("January 2006"), note, body
}

// cell is one night's rating in four cells: the number's last
// digit always in the third, brackets round the selected night.
func (c *calendar) cell(date string, sev int) string {
	st := c.ctx.Styles
	s := nightfmt.NoData
	if sev >= 0 {
		s = strconv.Itoa(sev)
	}
	v := nightfmt.SevCell(st, sev)
	if date == c.n.sel {
		return strings.Repeat(" ", 2-lipgloss.Width(s)) + st.Cursor.Render("[") + v + st.Cursor.Render("]")
	}
	return strings.Repeat(" ", 3-lipgloss.Width(s)) + v + " "
}

// compactCell is a night in five cells for a screen too short for a line
// of dates above each week: the day of the month in small raised digits,
// the rating, and ◂ after the selected night (so it shows without colour).
func (c *calendar) compactCell(day int, date string, sev int) string {
	st := c.ctx.Styles
	s := nightfmt.NoData
	if sev >= 0 {
		s = strconv.Itoa(sev)
	}
	dayStyle, after := st.Faint, " "
	if date == c.n.sel {
		dayStyle, after = st.Cursor, st.Cursor.Render("◂")
	}
	return dayStyle.Render(fmt.Sprintf("%2s", superscript(day))) + strings.Repeat(" ", 2-lipgloss.Width(s)) +
		nightfmt.SevCell(st, sev) + after
}

// superscript is n in raised digits: ¹²³.
func superscript(n int) string {
	const digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
	var b strings.Builder
	for _, d := range strconv.Itoa(n) {
		b.WriteString(string([]rune(digits)[d-'0']))
	}
	return b.String()
}

// legend shows each rating in its colour, and what "·" means.
func (c *calendar) legend() string {
	st := c.ctx.Styles
	var b strings.Builder
	for n := range 11 {
		b.WriteString(nightfmt.SevCell(st, n) + " ")
	}
	return screen.Truncate(b.String()+st.Faint.Render(" · no record"), c.ctx.Width)
}

// summary is the selected night in a few lines, for beside the grid.
func (c *calendar) summary() []string {
	st := c.ctx.Styles
	r := c.n.win.get(c.n.sel)
	row := func(label, value string) string { return st.Faint.Render(fmt.Sprintf("%-11s", label)) + value }
	lines := []string{st.Heading.Render(nightfmt.LongLabel(c.n.sel))}
	if r == nil {
		return append(lines, st.Faint.Render("nothing recorded"), "", st.Faint.Render("enter to add a check-in"))
	}
	q := nightfmt.NoData
	if r.Checkin != nil {
		q = nightfmt.ScaleWord(nightfmt.QualityWords(), r.Checkin.Quality)
	}
	rs := nightfmt.RoutineOf(r)
	return append(lines,
		row("symptoms", nightfmt.SevCell(st, nightfmt.Severity(r))),
		row("routine", nightfmt.RoutineCell(st, rs)+" "+st.Text.Render(strings.TrimSuffix(rs.Word()+" "+nightfmt.StepsDone(c.ctx.Library, r), " "+nightfmt.NoData))),
		row("into bed", st.Text.Render(nightfmt.IntoBed(r))),
		row("sleep eff.", st.Text.Render(nightfmt.SEText(nightfmt.Efficiency(r)))),
		row("quality", st.Text.Render(q)),
		"",
		st.Faint.Render("enter for the whole night"))
}

// line is the selected night on one line, for under the grid.
func (c *calendar) line() string {
	st := c.ctx.Styles
	date := st.Heading.Render(nightfmt.Label(c.n.sel)) + st.Faint.Render(" · ")
	return date + nightFacts(st, c.n.win.get(c.n.sel), c.ctx.Width-lipgloss.Width(date))
}

// nightFacts is a night's symptoms, routine and sleep nightfmt.Efficiency on one
// line of width, shorter where it must be.
func nightFacts(st *screen.Styles, r *night.Record, width int) string {
	if r == nil {
		return screen.Truncate(st.Faint.Render("nothing recorded"), width)
	}
	rs := nightfmt.RoutineOf(r)
	sev := st.Text.Render("symptoms ") + nightfmt.SevCell(st, nightfmt.Severity(r))
	se := st.Text.Render("SE " + nightfmt.SEText(nightfmt.Efficiency(r)))
	long := nightfmt.RoutineCell(st, rs) + st.Text.Render(" routine "+rs.Word())
	short := nightfmt.RoutineCell(st, rs) + st.Text.Render(" "+rs.Word())
	if rs == nightfmt.RoutineNone {
		// Its mark is "·", which beside the separator read as "· ·".
		long, short = st.Text.Render("no routine"), st.Text.Render("no routine")
	}
	sep := st.Faint.Render(" · ")
	for _, s := range []string{sev + sep + long + sep + se, sev + sep + long, sev + sep + short} {
		if lipgloss.Width(s) <= width {
			return s
		}
	}
	return screen.Truncate(sev+sep+short, width)
}
