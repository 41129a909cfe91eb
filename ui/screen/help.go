package screen

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// HelpKey is ? on every screen: it shows all the screen's keys, and any
// key goes back.
func HelpKey() key.Binding {
	return key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help"))
}

// isHelp reports whether b is the ? binding, which a short help line
// keeps however narrow the screen.
func isHelp(b key.Binding) bool {
	return b.Enabled() && b.Help().Key == "?"
}

// ShortHelp is the one-line key help: the bindings in order, as many as
// fit whole in the width (never an item cut to "…"), and the ? binding,
// if one is among them, kept at the end so the rest can be found.
func (c *Context) ShortHelp(bindings []key.Binding) string {
	var help []key.Binding
	var rest []key.Binding
	for _, b := range bindings {
		if isHelp(b) {
			help = append(help, b)
		} else {
			rest = append(rest, b)
		}
	}
	h := c.Help()
	h.SetWidth(0) // measured here: help's own cut ends in "…"
	fits := func(bs []key.Binding) bool {
		return ansi.StringWidth(h.ShortHelpView(bs)) <= c.Width
	}
	var shown []key.Binding
	for _, b := range rest {
		try := append(append(append([]key.Binding{}, shown...), b), help...)
		if !fits(try) {
			break
		}
		shown = append(shown, b)
	}
	shown = append(shown, help...)
	// At a width too small even for one item, the first is cut rather
	// than nothing shown.
	return Truncate(h.ShortHelpView(shown), c.Width)
}

// KeysPage is the page ? opens: every key of the screen, group by group,
// in as many columns as the height needs and the width allows, then
// note, if any. Any key goes back.
func (c *Context) KeysPage(groups [][]key.Binding, note string) string {
	st := c.Styles
	var rows [][2]string
	for _, g := range groups {
		for _, b := range g {
			if !b.Enabled() || b.Help().Key == "" {
				continue
			}
			hb := b.Help()
			rows = append(rows, [2]string{hb.Key, hb.Desc})
		}
	}
	var noteLines []string
	if note != "" && c.Height >= 16 {
		noteLines = append([]string{""}, WrapLines(st.Faint, c.Width, note)...)
	}
	room := max(c.Height-3-len(noteLines), 1) // title, blank line, foot
	// Columns of room rows, each as wide as it needs where they all fit,
	// else the widest cut to what is left.
	var cols [][][2]string
	var keyWidths, widths []int
	total := 0
	for start := 0; start < len(rows); start += room {
		col := rows[start:min(start+room, len(rows))]
		kw, dw := 0, 0 // each column its own: one long key leaves the others be
		for _, r := range col {
			kw, dw = max(kw, ansi.StringWidth(r[0])), max(dw, ansi.StringWidth(r[1]))
		}
		cols, keyWidths, widths = append(cols, col), append(keyWidths, kw), append(widths, kw+2+dw+2)
		total += kw + 2 + dw + 2
	}
	if total > c.Width {
		widest := 0
		for i, w := range widths {
			if w > widths[widest] {
				widest = i
			}
		}
		widths[widest] = max(widths[widest]-(total-c.Width), 1)
	}
	var columns []string
	for i, col := range cols {
		var ls []string
		for _, r := range col {
			l := Truncate(st.Accent.Render(r[0])+Pad(keyWidths[i]+2, r[0])+st.Text.Render(r[1]), max(widths[i]-1, 1))
			ls = append(ls, l+Pad(widths[i], l))
		}
		columns = append(columns, strings.Join(ls, "\n"))
	}
	// Where even the narrowed columns are too wide (a few cells), each
	// line is cut to the screen rather than wrapped by the terminal.
	lines := strings.Split(lipgloss.JoinHorizontal(lipgloss.Top, columns...), "\n")
	for i, l := range lines {
		lines[i] = Truncate(l, c.Width)
	}
	body := st.Title.Render("Keys") + "\n\n" + strings.Join(lines, "\n")
	if len(noteLines) > 0 {
		body += "\n" + strings.Join(noteLines, "\n")
	}
	return Layout(c.Height, body, st.Faint.Render(Truncate("any key to go back", c.Width)))
}

// KeysShown is whether a screen shows its keys page, the page ? opens.
type KeysShown bool

// Key answers k when it is the page's: with the page shown any key closes
// it, and help opens it. It reports whether k was the page's.
func (s *KeysShown) Key(k tea.KeyPressMsg, help key.Binding) bool {
	switch {
	case bool(*s):
		*s = false // any key goes back
	case key.Matches(k, help):
		*s = true
	default:
		return false
	}
	return true
}
