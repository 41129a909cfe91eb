package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
)

// setWeek files the nights read under the 7 dates.
func (h *home) setWeek(recs []night.Record) {
	h.weekRead = true
	h.week = [7]*night.Record{}
	for i := range recs {
		for j, d := range h.dates {
			if recs[i].Night == d {
				h.week[j] = &recs[i]
			}
		}
	}
}

// strip is the last 7 nights, a column each: weekday, the next morning's
// symptom rating ("·" without a check-in), and the routine done ✓,
// partial ◐ or not ·. It is nil when it does not fit or was not read.
func (h *home) strip() (rows, legend []string) {
	st, w := h.sh.Styles, h.sh.Width
	const labelW = 14
	if !h.weekRead || w < labelW+3*len(h.dates) {
		return nil, nil
	}
	label := func(s string) string { return st.Faint.Render(fmt.Sprintf("%-*s", labelW, s)) }
	var days, sev, done strings.Builder
	for i, d := range h.dates {
		days.WriteString(st.Faint.Render(" " + nightfmt.Weekday(d)))
		n := nightfmt.Severity(h.week[i])
		pad := 3 - len(fmt.Sprint(n))
		if n < 0 {
			pad = 2
		}
		sev.WriteString(strings.Repeat(" ", pad) + nightfmt.SevCell(st, n))
		done.WriteString("  " + nightfmt.RoutineCell(st, nightfmt.RoutineOf(h.week[i])))
	}
	rows = []string{
		st.Text.Render(fmt.Sprintf("%-*s", labelW, "Last 7 nights")) + days.String(),
		label("  symptoms") + sev.String(),
		label("  routine") + done.String(),
	}
	l := st.Faint.Render("symptoms 0-10, next morning · routine ✓ done ◐ partial · = none")
	if lipgloss.Width(l) <= w {
		legend = []string{l}
	}
	return rows, legend
}
