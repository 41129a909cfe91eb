package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
)

func (m *morning) View() string {
	if m.saved != nil {
		return m.savedView()
	}
	st := m.sh.styles
	w, h := m.sh.width, m.sh.height
	head := []string{header(st, w, "Morning check-in",
		fmt.Sprintf("%d of %d", m.form.focus+1, len(m.form.fields)))}
	intro := "Night of " + nightLabel(m.night) + "."
	if h >= 16 {
		intro += " Best guesses are fine."
	}
	if m.editing {
		intro = "Editing the check-in for the night of " + nightLabel(m.night) + "."
	}
	head = append(head, wrap(st.Faint, w, intro))
	if m.loadErr != nil {
		head = append(head, wrap(st.Warn, w, "⚠ "+m.loadErr.Error()))
	}
	return m.form.page(m.sh, head, m.status())
}

func (m *morning) status() string {
	st, w := m.sh.styles, m.sh.width
	switch {
	case m.ask != nil:
		return wrap(st.Warn, w, m.ask.question+"  y yes · n stay")
	case m.saveErr != nil:
		return wrap(st.Warn, w, "⚠ not saved: "+m.saveErr.Error()+". Your answers are still here; ctrl+s tries again.")
	}
	return m.sh.shortHelp(append(m.form.help("save"), m.form.keys.Up, m.form.keys.Save, m.keys.Back))
}

// savedView is the calm end: what the night adds up to.
func (m *morning) savedView() string {
	st := m.sh.styles
	w := m.sh.width
	f := m.saved.Figures()
	done := "Check-in saved."
	switch {
	case m.sh.opts.Diary == nil:
		done = "Check-in done (nothing is saved: no diary is open)."
	case m.editing:
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
		header(st, w, "Morning check-in", nightLabel(m.night)),
		"",
		wrap(st.Text, w, done),
		"",
		row("Time in bed", minutes(f.TIB)),
		row("Total sleep", minutes(f.TST)),
		row("Sleep efficiency", se),
	}
	if m.sh.height >= 16 {
		lines = append(lines, "", wrap(st.Faint, w,
			"Total sleep is from trying to sleep to the last waking, less the time to fall asleep and the time awake. "+
				"Sleep efficiency is total sleep as a share of time in bed."))
	}
	lines = append(lines, "", st.Title.Render("Have a gentle day."))
	return layout(m.sh.height, strings.Join(lines, "\n"),
		m.sh.shortHelp([]key.Binding{m.closeKey, m.keys.Quit}))
}

// minutes reads as "7 h 12 min", "45 min".
func minutes(n int) string {
	if n < 60 {
		return fmt.Sprintf("%d min", n)
	}
	return fmt.Sprintf("%d h %d min", n/60, n%60)
}
