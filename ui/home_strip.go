package ui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// readWeek reads the 7 nights to last, and nothing else: home stays quick
// however long the record.
func (h *home) readWeek(last string) {
	for i := range h.dates {
		h.dates[i] = addDays(last, i-len(h.dates)+1)
	}
	ctx, cancel := diaryCtx()
	defer cancel()
	recs, err := h.sh.opts.History.Nights(ctx, h.dates[0], last)
	if err != nil {
		return // home works without it
	}
	h.weekRead = true
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
	st, w := h.sh.styles, h.sh.width
	const labelW = 14
	if !h.weekRead || w < labelW+3*len(h.dates) {
		return nil, nil
	}
	label := func(s string) string { return st.Faint.Render(fmt.Sprintf("%-*s", labelW, s)) }
	var days, sev, done strings.Builder
	for i, d := range h.dates {
		days.WriteString(st.Faint.Render(" " + weekday(d)))
		n := severity(h.week[i])
		pad := 3 - len(fmt.Sprint(n))
		if n < 0 {
			pad = 2
		}
		sev.WriteString(strings.Repeat(" ", pad) + h.sh.sevCell(n))
		done.WriteString("  " + h.sh.routineCell(routineOf(h.week[i])))
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
