package history

import (
	"fmt"

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
		what := "nothing tried"
		if len(e.Tried) > 0 {
			what = "tried " + e.TriedText()
		}
		if e.Helped != "" {
			what += "; helped " + e.Helped.Label()
		}
		d.row("", what)
	}
}
