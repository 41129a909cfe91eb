package screen

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// TestBarIsProgressBar checks that Bar writes what bubbles' progress bar
// writes, in both palettes, at every width and fill a screen can show, and
// after a palette's bar colour was changed.
func TestBarIsProgressBar(t *testing.T) {
	changed := NewStyles(true)
	changed.Bar = lipgloss.Color("#ff0000")
	for name, st := range map[string]*Styles{"dark": NewStyles(true), "light": NewStyles(false), "changed": changed} {
		c := &Context{Styles: st}
		for width := -1; width <= 120; width++ {
			for _, frac := range []float64{-0.5, 0, 0.004, 0.25, 1.0 / 3, 0.5, 0.995, 1, 1.5} {
				want := progressBar(st, max(width, 1), min(max(frac, 0), 1))
				if got := c.Bar(width, frac); got != want {
					t.Fatalf("%s: Bar(%d, %v) = %q, progress draws %q", name, width, frac, got, want)
				}
			}
		}
	}
	for i := range 101 {
		c := &Context{Styles: NewStyles(true)}
		frac := float64(i) / 100
		if got, want := c.Bar(37, frac), progressBar(c.Styles, 37, frac); got != want {
			t.Fatalf("Bar(37, %v) = %q, progress draws %q", frac, got, want)
		}
	}
}
