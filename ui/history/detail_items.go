package history

import (
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
)

// roomLines are the evening's room items, those recorded.
func roomLines(d *detailWriter, e *night.Evening, set night.Settings) {
	if e.RoomTempC != nil {
		d.row("Bedroom", night.FormatTemp(*e.RoomTempC, set.TempUnit))
	}
	if e.Bedding != "" {
		d.row("Bedding", termsafe.Line(set.BeddingLabel(e.Bedding)))
	}
}

// takenLines are the night's doses, in the order taken, in the person's
// own words.
func takenLines(d *detailWriter, ds []night.Dose) {
	if len(ds) == 0 {
		return
	}
	d.section("Taken", " · in your own words")
	for _, x := range ds {
		d.row(nightfmt.Clock(x.At), termsafe.Line(x.Label()))
	}
}

// legLines are the check-in's optional leg items, those answered.
func legLines(d *detailWriter, c *night.Checkin) {
	if !c.OnsetAt.IsZero() {
		d.row("Started at", nightfmt.Clock(c.OnsetAt))
	}
	if c.Side != "" {
		d.row("Where", c.Side.Label())
	}
	if c.Arms != nil {
		d.row("Arms or elsewhere", map[bool]string{true: "yes", false: "no"}[*c.Arms])
	}
	if c.Worst != nil {
		d.rowStyled("Worst moment", nightfmt.SevCell(d.st, *c.Worst)+d.st.Text.Render(" of 10"))
	}
	if c.LastedMin != nil {
		d.row("Lasted", night.FormatMinutes(*c.LastedMin))
	}
	if c.Partner != "" {
		d.row("Bed partner saw", partnerText(c.Partner))
	}
}

// partnerText is the partner's note as the detail says it.
func partnerText(p night.Partner) string {
	switch p {
	case night.PartnerYes:
		return "leg jerks or kicking"
	case night.PartnerNo:
		return "nothing"
	case night.PartnerNone:
		return "no bed partner"
	}
	return string(p)
}
