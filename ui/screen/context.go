package screen

import (
	"time"

	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Context is what every screen reads and the root keeps current. Screens
// hold a pointer to the one Context, so a resize or a change of
// background is seen by all of them.
type Context struct {
	Width, Height int
	Styles        *Styles
	Dark          bool
	Clock         routine.Clock
	// Settings give the day boundary, the evening checklist and the labels
	// of its items.
	Settings night.Settings
	// Library is every routine; nil when none were loaded.
	Library *routine.Library
	// Tick schedules a redraw: tea.Tick, or an instant fake in tests.
	Tick func(time.Duration, func(time.Time) tea.Msg) tea.Cmd
}

// NewContext is an 80x24 context with dark colours, until the terminal
// says otherwise.
func NewContext(clock routine.Clock, set night.Settings, lib *routine.Library) *Context {
	c := &Context{Width: 80, Height: 24, Clock: clock, Settings: set, Library: lib, Tick: tea.Tick}
	c.SetDark(true)
	return c
}

// Now is the wall-clock time, in the clock's location.
func (c *Context) Now() time.Time { return c.Clock.Now().Wall }

// Boundary is the day-boundary hour from the settings.
func (c *Context) Boundary() int { return c.Settings.Boundary }

// SetDark picks the palette for a dark or a light background.
func (c *Context) SetDark(dark bool) {
	c.Dark = dark
	c.Styles = NewStyles(dark)
}

// Help returns a help bubble styled to the palette and sized to the screen.
func (c *Context) Help() help.Model {
	h := help.New()
	h.Styles = help.DefaultStyles(c.Dark)
	h.Styles.ShortKey = c.Styles.Faint
	h.Styles.ShortDesc = c.Styles.Faint
	h.Styles.ShortSeparator = c.Styles.Faint
	h.Styles.FullKey = c.Styles.Accent
	h.Styles.FullDesc = c.Styles.Text
	h.Styles.FullSeparator = c.Styles.Faint
	h.ShortSeparator = " · "
	h.SetWidth(c.Width)
	return h
}
