package history

import (
	"fmt"
	"strings"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
)

// eventLines lists the night's flare-ups in the order they began: how
// strong, then, what was tried, and whether it helped. Nothing for a night
// without any.
func eventLines(d *detailWriter, es []night.Event) {
	if len(es) == 0 {
		return
	}
	st := d.st
	d.section("Flare-ups in the night", fmt.Sprintf(" · %d", len(es)))
	for _, e := range es {
		sev := nightfmt.SevCell(st, e.Severity)
		if e.SeverityAfter != nil {
			sev += st.Faint.Render(" → ") + nightfmt.SevCell(st, *e.SeverityAfter)
		}
		d.rowStyled(nightfmt.Clock(e.At), sev+st.Text.Render(" of 10"))
		var tried []string
		for _, t := range e.Tried {
			if t.Minutes != nil {
				tried = append(tried, fmt.Sprintf("%s %d min", t.ID, *t.Minutes))
			} else {
				tried = append(tried, t.ID)
			}
		}
		what := "nothing tried"
		if len(tried) > 0 {
			what = "tried " + strings.Join(tried, ", ")
		}
		if e.Helped != "" {
			what += "; helped " + e.Helped.Label()
		}
		d.row("", what)
	}
}
