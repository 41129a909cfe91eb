// Package ui is quietlegs' terminal interface: a root model that routes
// between screens, one model per screen, and the plain line-by-line mode for
// screen readers and pipes.
package ui

import (
	"context"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Smallest usable terminal; below it every screen says so instead.
const (
	minWidth  = 20
	minHeight = 5
)

// shared is what every screen reads and the root keeps current.
type shared struct {
	width, height int
	styles        *Styles
	dark          bool
	opts          Options
	// tick schedules a redraw: tea.Tick, or an instant fake in tests.
	tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// now is the wall-clock time, in the clock's location.
func (s *shared) now() time.Time { return s.opts.Clock.Now().Wall }

// boundary is the day-boundary hour from the settings.
func (s *shared) boundary() int { return s.opts.Settings.Boundary }

// diaryCtx bounds one read or write of the diary.
func diaryCtx() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 10*time.Second)
}

// nightLabel shows a night's date as "Sun 22 Nov".
func nightLabel(date string) string {
	t, err := time.Parse(night.Layout, date)
	if err != nil {
		return date
	}
	return t.Format("Mon 2 Jan")
}

func (s *shared) setDark(dark bool) {
	s.dark = dark
	s.styles = NewStyles(dark)
}

// help returns a help bubble styled to the palette and sized to the screen.
func (s *shared) help() help.Model {
	h := help.New()
	h.Styles = help.DefaultStyles(s.dark)
	h.Styles.ShortKey = s.styles.Faint
	h.Styles.ShortDesc = s.styles.Faint
	h.Styles.ShortSeparator = s.styles.Faint
	h.Styles.FullKey = s.styles.Accent
	h.Styles.FullDesc = s.styles.Text
	h.Styles.FullSeparator = s.styles.Faint
	h.ShortSeparator = " · "
	h.SetWidth(s.width)
	return h
}

// shortHelp is the one-line key help, cut to the screen width. (help's own
// cut adds an item that overflows when no ellipsis fits after it.)
func (s *shared) shortHelp(bindings []key.Binding) string {
	return truncate(s.help().ShortHelpView(bindings), s.width)
}

// bar draws a static progress bar: no animation, so no extra redraws.
func (s *shared) bar(width int, frac float64) string {
	p := progress.New(progress.WithWidth(max(width, 1)), progress.WithoutPercentage())
	p.Full, p.Empty = '━', '─'
	p.FullColor, p.EmptyColor = s.styles.Bar, s.styles.BarEmpty
	return p.ViewAs(min(max(frac, 0), 1))
}

// wrap fits text to width, breaking between words.
func wrap(st lipgloss.Style, width int, text string) string {
	return st.Width(max(width, 1)).Render(text)
}

// wrapLines fits text to width, breaking between words, and styles each
// line on its own, with no padding after it.
func wrapLines(st lipgloss.Style, width int, text string) []string {
	lines := strings.Split(ansi.Wrap(text, max(width, 1), ""), "\n")
	for i, l := range lines {
		lines[i] = st.Render(strings.TrimRight(l, " "))
	}
	return lines
}

// countdown formats time left rounded up to whole seconds, so "0:01" shows
// through the last second and "0:00" never shows while a phase runs.
func countdown(d time.Duration) string {
	return routine.FormatDuration((d + time.Second - 1).Truncate(time.Second))
}
