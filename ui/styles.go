package ui

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
}

// NewStyles returns the palette for a dark or a light terminal.
func NewStyles(dark bool) *Styles {
	c := lipgloss.LightDark(dark)
	s := lipgloss.NewStyle
	return &Styles{
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
}
