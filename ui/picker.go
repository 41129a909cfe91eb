package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/routine"
)

// picker lists every routine, built-in and personal, and any files that
// could not be read, so a typo never silently hides a routine.
type picker struct {
	sh     *shared
	keys   navKeys
	cursor int
	// top is the first row shown when the list is longer than the screen.
	top int
}

func newPicker(sh *shared) *picker { return &picker{sh: sh, keys: newNavKeys()} }

func (p *picker) routines() []*routine.Routine {
	if p.sh.opts.Library == nil {
		return nil
	}
	return p.sh.opts.Library.Routines
}

func (p *picker) Init() tea.Cmd { return nil }

func (p *picker) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	rs := p.routines()
	switch {
	case key.Matches(k, p.keys.Up) && len(rs) > 0:
		p.cursor = (p.cursor + len(rs) - 1) % len(rs)
	case key.Matches(k, p.keys.Down) && len(rs) > 0:
		p.cursor = (p.cursor + 1) % len(rs)
	case key.Matches(k, p.keys.OK) && len(rs) > 0:
		r := rs[p.cursor]
		return p, func() tea.Msg { return runRoutineMsg{r: r} }
	case key.Matches(k, p.keys.Back):
		return p, openHome
	case key.Matches(k, p.keys.Quit):
		return p, tea.Quit
	}
	return p, nil
}

func (p *picker) View() string {
	st := p.sh.styles
	w := p.sh.width
	rs := p.routines()
	var items []menuItem
	for _, r := range rs {
		src := r.Source
		if src != "built-in" {
			src = "yours"
		}
		items = append(items, menuItem{
			title: r.DisplayTitle(),
			note:  fmt.Sprintf("%s · %d steps · %s", routine.FormatDuration(r.Duration()), len(r.Steps), src),
		})
	}
	rows := menu(p.sh, items, p.cursor)
	var problems []string
	if lib := p.sh.opts.Library; lib != nil {
		for _, err := range lib.Problems {
			problems = append(problems, wrap(st.Warn, w, "⚠ "+err.Error()))
		}
	}
	head := []string{st.Title.Render("Choose a routine"), ""}
	foot := p.sh.shortHelp([]key.Binding{p.keys.Up, p.keys.Down,
		key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")), p.keys.Back, p.keys.Quit})
	if len(problems) > 0 {
		problems = append([]string{""}, problems...)
	}
	// Scroll the list so the cursor stays on screen, leaving room for the
	// problems (up to half the screen) and the help line.
	room := p.sh.height - len(head) - 1 - min(lipgloss.Height(strings.Join(problems, "\n")), p.sh.height/2)
	room = max(room, 1)
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+room {
		p.top = p.cursor - room + 1
	}
	end := min(p.top+room, len(rows))
	body := append(head, rows[p.top:end]...)
	if len(rs) == 0 {
		body = append(body, st.Faint.Render("No routines found."))
	}
	body = append(body, problems...)
	return layout(p.sh.height, strings.Join(body, "\n"), foot)
}
