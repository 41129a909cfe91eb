package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

func (m *morning) View() string {
	if m.saved != nil {
		return m.savedView()
	}
	if m.page.on {
		return m.page.view(m.sh, m.form, m.keys, "save")
	}
	return m.form.View(m.sh.Context, m.head(), m.status())
}

// head is what is drawn above the form.
func (m *morning) head() []string {
	st := m.sh.Styles
	w, h := m.sh.Width, m.sh.Height
	head := []string{screen.Header(st, w, "Morning check-in",
		position(m.form))}
	intro := "Night of " + nightfmt.Label(m.night) + "."
	if h >= 16 {
		intro += " Best guesses are fine."
	}
	if m.editing {
		intro = "Editing the check-in for the night of " + nightfmt.Label(m.night) + "."
	}
	head = append(head, screen.Wrap(st.Faint, w, intro))
	if m.loadErr != nil {
		head = append(head, screen.Wrap(st.Warn, w, "⚠ "+m.loadErr.Error()))
	}
	return head
}

func (m *morning) status() string {
	st, w := m.sh.Styles, m.sh.Width
	switch {
	case m.leave.Asking():
		return m.leave.Line(m.sh.Context)
	case m.saveErr != nil:
		return screen.Wrap(st.Warn, w, "⚠ not saved: "+m.saveErr.Error()+". Your answers are still here; ctrl+s tries again.")
	}
	return m.sh.ShortHelp(append(append(m.form.Help("save"), m.form.Keys.Up, m.form.Keys.Save, m.keys.Back),
		m.keys.helpFor(m.form)...))
}

// savedView is the calm end: what the night adds up to.
func (m *morning) savedView() string {
	st := m.sh.Styles
	w := m.sh.Width
	f := m.saved.Figures()
	done := "Check-in saved."
	if m.editing {
		done = "Check-in updated."
	}
	se := "—"
	if f.TIB > 0 {
		se = fmt.Sprintf("%.0f %%", f.SE)
	}
	row := func(label, value string) string {
		return st.Text.Render(fmt.Sprintf("%-18s", label)) + st.Accent.Render(value)
	}
	lines := []string{
		screen.Header(st, w, "Morning check-in", nightfmt.Label(m.night)),
		"",
		screen.Wrap(st.Text, w, done),
		"",
		row("Time in bed", night.FormatMinutes(f.TIB)),
		row("Total sleep", night.FormatMinutes(f.TST)),
		row("Sleep efficiency", se),
	}
	if m.sh.Height >= 16 {
		lines = append(lines, "", screen.Wrap(st.Faint, w,
			"Total sleep is from trying to sleep to the last waking, less the time to fall asleep and the time awake. "+
				"Sleep efficiency is total sleep as a share of time in bed."))
	}
	lines = append(lines, "", st.Title.Render("Have a gentle day."))
	keys := []key.Binding{m.closeKey, m.keys.Quit, m.keys.Help}
	if m.savedKeys {
		return m.sh.KeysPage([][]key.Binding{keys}, "")
	}
	return screen.Layout(m.sh.Height, strings.Join(lines, "\n"), m.sh.ShortHelp(keys))
}

// position is where the form stands: "3 of 14", counting the fields
// shown.
func position(f interface{ Position() (int, int) }) string {
	n, shown := f.Position()
	return fmt.Sprintf("%d of %d", n, shown)
}
