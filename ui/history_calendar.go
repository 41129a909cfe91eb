package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
)

// calendarKey moves the selected day by a day, a week or a month; the
// month shown is the selected day's, read when the cursor enters it.
func (h *history) calendarKey(k tea.KeyPressMsg) tea.Cmd {
	ks := h.keys
	d := h.sel
	switch {
	case key.Matches(k, ks.open):
		return h.show(nightView)
	case key.Matches(k, ks.left):
		d = addDays(d, -1)
	case key.Matches(k, ks.right):
		d = addDays(d, 1)
	case key.Matches(k, ks.up):
		d = addDays(d, -7)
	case key.Matches(k, ks.down):
		d = addDays(d, 7)
	case key.Matches(k, ks.prevMonth):
		d = addMonths(d, -1)
	case key.Matches(k, ks.nextMonth):
		d = addMonths(d, 1)
	case key.Matches(k, ks.home):
		d = h.last
	case key.Matches(k, ks.end):
		d = h.first
	default:
		return nil
	}
	lo, hi := h.calendarBounds()
	h.sel = min(max(d, lo), hi)
	h.win.ensure(monthStart(h.sel), monthEnd(h.sel))
	return nil
}

// calendarBounds are the days the calendar reaches: from the month of the
// first record to last night, or to the last record if that is later.
func (h *history) calendarBounds() (lo, hi string) {
	lo, hi = monthStart(h.today), h.today
	if h.first != "" {
		lo, hi = min(lo, monthStart(h.first)), max(hi, h.last)
	}
	return lo, hi
}

// calendarBody is the selected day's month, weeks as rows from Monday,
// each night's symptom rating as a number in a colour band, "·" for a
// night with none. With room, each week has a line of dates above it, and
// the selected night is told beside the grid (or under it).
func (h *history) calendarBody() (title, note string, body []string) {
	st, w := h.sh.styles, h.sh.width
	ms := monthStart(h.sel)
	start := parseDate(ms)
	days := parseDate(monthEnd(ms)).Day()
	lead := (int(start.Weekday()) + 6) % 7 // Monday first
	weeks := (lead + days + 6) / 7
	cw := min(w/7, 6)
	room := h.bodyRoom()
	tall := room >= 2*weeks+4
	_, hi := h.calendarBounds()

	grid := []string{strings.Repeat(" ", cw-4) + st.Faint.Render(
		strings.Join([]string{" Mo ", " Tu ", " We ", " Th ", " Fr ", " Sa ", " Su "}, strings.Repeat(" ", cw-4)))}
	for wk := range weeks {
		var dates, marks strings.Builder
		for col := range 7 {
			dates.WriteString(strings.Repeat(" ", cw-4))
			marks.WriteString(strings.Repeat(" ", cw-4))
			day := wk*7 + col - lead + 1
			date := fmt.Sprintf("%s-%02d", ms[:7], day)
			if day < 1 || day > days || date > hi {
				dates.WriteString("    ")
				marks.WriteString("    ")
				continue
			}
			r := h.win.get(date)
			numStyle := st.Faint
			if date == h.sel {
				numStyle = st.Cursor
			}
			mark := routineOf(r).mark()
			if mark == noData {
				mark = " "
			}
			dates.WriteString(numStyle.Render(fmt.Sprintf("%3d", day)) + st.Accent.Render(mark))
			marks.WriteString(h.calendarCell(date, severity(r)))
		}
		if tall {
			grid = append(grid, dates.String())
		}
		grid = append(grid, marks.String())
	}

	legend := h.legend()
	gridW := 7 * cw
	if side := h.nightSummary(); w-gridW-3 >= 26 && len(side) <= len(grid) {
		for i, s := range side {
			grid[i] += strings.Repeat(" ", gridW-lipgloss.Width(grid[i])+3) + truncate(s, w-gridW-3)
		}
		body = append(grid, "", legend)
	} else {
		body = append(grid, h.nightLine(), legend)
	}
	note = "leg symptoms, next morning"
	if w < 60 {
		note = "leg symptoms"
	}
	return start.Format("January 2006"), note, body
}

// calendarCell is one night's rating in four cells: the number's last
// digit always in the third, brackets round the selected night.
func (h *history) calendarCell(date string, sev int) string {
	st := h.sh.styles
	s := noData
	if sev >= 0 {
		s = strconv.Itoa(sev)
	}
	v := h.sh.sevCell(sev)
	if date == h.sel {
		return strings.Repeat(" ", 2-lipgloss.Width(s)) + st.Cursor.Render("[") + v + st.Cursor.Render("]")
	}
	return strings.Repeat(" ", 3-lipgloss.Width(s)) + v + " "
}

// legend shows each rating in its colour, and what "·" means.
func (h *history) legend() string {
	var b strings.Builder
	for n := range 11 {
		b.WriteString(h.sh.sevCell(n) + " ")
	}
	return truncate(b.String()+h.sh.styles.Faint.Render(" · no record"), h.sh.width)
}

// nightSummary is the selected night in a few lines, for beside the grid.
func (h *history) nightSummary() []string {
	st := h.sh.styles
	r := h.win.get(h.sel)
	row := func(label, value string) string { return st.Faint.Render(fmt.Sprintf("%-11s", label)) + value }
	lines := []string{st.Heading.Render(longNightLabel(h.sel))}
	if r == nil {
		return append(lines, st.Faint.Render("nothing recorded"), "", st.Faint.Render("enter to add a check-in"))
	}
	q := noData
	if r.Checkin != nil {
		q = scaleWord(qualityWords(), r.Checkin.Quality)
	}
	rs := routineOf(r)
	return append(lines,
		row("symptoms", h.sh.sevCell(severity(r))),
		row("routine", h.sh.routineCell(rs)+" "+st.Text.Render(strings.TrimSuffix(rs.word()+" "+h.sh.stepsDone(r), " "+noData))),
		row("into bed", st.Text.Render(intoBed(r))),
		row("sleep eff.", st.Text.Render(seText(efficiency(r)))),
		row("quality", st.Text.Render(q)),
		"",
		st.Faint.Render("enter for the whole night"))
}

// nightLine is the selected night on one line, for under the grid.
func (h *history) nightLine() string {
	st := h.sh.styles
	date := st.Heading.Render(nightLabel(h.sel)) + st.Faint.Render(" · ")
	return date + h.nightFacts(h.win.get(h.sel), h.sh.width-lipgloss.Width(date))
}

// nightFacts is a night's symptoms, routine and sleep efficiency on one
// line of width, shorter where it must be.
func (h *history) nightFacts(r *night.Record, width int) string {
	st := h.sh.styles
	if r == nil {
		return truncate(st.Faint.Render("nothing recorded"), width)
	}
	rs := routineOf(r)
	sev := st.Text.Render("symptoms ") + h.sh.sevCell(severity(r))
	se := st.Text.Render("SE " + seText(efficiency(r)))
	long := h.sh.routineCell(rs) + st.Text.Render(" routine "+rs.word())
	short := h.sh.routineCell(rs) + st.Text.Render(" "+rs.word())
	sep := st.Faint.Render(" · ")
	for _, s := range []string{sev + sep + long + sep + se, sev + sep + long, sev + sep + short} {
		if lipgloss.Width(s) <= width {
			return s
		}
	}
	return truncate(sev+sep+short, width)
}
