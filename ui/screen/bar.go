package screen

import (
	"image/color"
	"math"
	"strings"

	"charm.land/bubbles/v2/progress"
	"charm.land/lipgloss/v2"
)

// Bar draws a static progress bar: no animation, so no extra redraws. It
// writes what bubbles' progress bar writes, byte for byte, without styling
// each bar anew: a countdown draws two or three of them every second.
func (c *Context) Bar(width int, frac float64) string {
	width = max(width, 1)
	frac = min(max(frac, 0), 1)
	pens := c.Styles.bar
	if !pens.madeFor(c.Styles.Bar, c.Styles.BarEmpty) {
		return progressBar(c.Styles, width, frac) // the palette was changed after NewStyles
	}
	full := min(max(int(math.Round(float64(width)*frac)), 0), width) // as progress rounds
	var b strings.Builder
	b.Grow(len(pens.full.on) + len(pens.full.off) + len(pens.empty.on) + len(pens.empty.off) + 3*width)
	pens.full.write(&b, strings.Repeat(string(barFull), full))
	pens.empty.write(&b, strings.Repeat(string(barEmpty), width-full))
	return b.String()
}

// The bar's runes: filled and to come.
const (
	barFull  = '━'
	barEmpty = '─'
)

// progressBar is bubbles' progress bar, as Bar draws it.
func progressBar(st *Styles, width int, frac float64) string {
	p := progress.New(progress.WithWidth(width), progress.WithoutPercentage())
	p.Full, p.Empty = barFull, barEmpty
	p.FullColor, p.EmptyColor = st.Bar, st.BarEmpty
	return p.ViewAs(frac)
}

// barPens are the sequences Lip Gloss puts around the filled and the empty
// part of a bar in its colours.
type barPens struct {
	fullColor, emptyColor color.Color
	full, empty           pen
}

func newBarPens(full, empty color.Color) barPens {
	return barPens{fullColor: full, emptyColor: empty, full: newPen(full), empty: newPen(empty)}
}

// madeFor reports whether the pens were made for these colours.
func (p barPens) madeFor(full, empty color.Color) bool {
	return p.fullColor == full && p.emptyColor == empty
}

// pen is what Lip Gloss writes before and after a one-line text in a
// foreground colour, an empty text included.
type pen struct{ on, off string }

func newPen(c color.Color) pen {
	const mark = "x"
	r := lipgloss.NewStyle().Foreground(c).Render(mark)
	i := strings.Index(r, mark)
	return pen{on: r[:i], off: r[i+len(mark):]}
}

func (p pen) write(b *strings.Builder, text string) {
	b.WriteString(p.on)
	b.WriteString(text)
	b.WriteString(p.off)
}
