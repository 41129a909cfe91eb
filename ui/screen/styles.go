package screen

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles is the app's palette: dim, low-contrast colours that are easy on
// eyes adjusted to a dark room, and no blocks of background colour.
type Styles struct {
	Title   lipgloss.Style // routine name, screen titles
	Heading lipgloss.Style // the current step's title
	Text    lipgloss.Style // instructions
	Faint   lipgloss.Style // secondary facts, help
	Accent  lipgloss.Style // the countdown, the pacer
	Warn    lipgloss.Style // safety notes, pause reasons, save errors
	Cursor  lipgloss.Style // the selected row of a menu

	Bar      color.Color // progress bar fill
	BarEmpty color.Color

	// Severity bands leg-symptom ratings from dim (0) to brighter (9-10);
	// the number is always shown too, so nothing rests on colour alone.
	Severity [5]lipgloss.Style

	// bar is Bar and BarEmpty's styling, made once (see Context.Bar).
	bar barPens
}

// Sev is the style of a 0-10 rating.
func (st *Styles) Sev(n int) lipgloss.Style {
	switch {
	case n <= 0:
		return st.Severity[0]
	case n <= 3:
		return st.Severity[1]
	case n <= 6:
		return st.Severity[2]
	case n <= 8:
		return st.Severity[3]
	}
	return st.Severity[4]
}

// NewStyles returns the palette for a dark or a light terminal.
func NewStyles(dark bool) *Styles {
	c := lipgloss.LightDark(dark)
	s := lipgloss.NewStyle
	band := func(light, dark string) lipgloss.Style {
		return s().Foreground(c(lipgloss.Color(light), lipgloss.Color(dark)))
	}
	st := &Styles{
		Severity: [5]lipgloss.Style{
			band("#a3b3b8", "#4f666e"),
			band("#6f8f9a", "#6f8f9a"),
			band("#8a7550", "#a8946c"),
			band("#9a5f2f", "#c0895a"),
			band("#a0442a", "#d9805f").Bold(true),
		},
		Title:    s().Foreground(c(lipgloss.Color("#6b5a3a"), lipgloss.Color("#b8a27a"))),
		Heading:  s().Foreground(c(lipgloss.Color("#3d3d3d"), lipgloss.Color("#c2c2c2"))).Bold(true),
		Text:     s().Foreground(c(lipgloss.Color("#4a4a4a"), lipgloss.Color("#a0a0a0"))),
		Faint:    s().Foreground(c(lipgloss.Color("#8a8a8a"), lipgloss.Color("#666666"))),
		Accent:   s().Foreground(c(lipgloss.Color("#3f6473"), lipgloss.Color("#7f9fab"))),
		Warn:     s().Foreground(c(lipgloss.Color("#8a5a2b"), lipgloss.Color("#b58a5a"))),
		Cursor:   s().Foreground(c(lipgloss.Color("#3f6473"), lipgloss.Color("#9fbfca"))),
		Bar:      c(lipgloss.Color("#5f8190"), lipgloss.Color("#55707b")),
		BarEmpty: c(lipgloss.Color("#d0d0d0"), lipgloss.Color("#303030")),
	}
	st.bar = newBarPens(st.Bar, st.BarEmpty)
	return st
}
