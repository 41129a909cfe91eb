package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// picker lists every routine, built-in and personal, and any files that
// could not be read, so a typo never silently hides a routine.
type picker struct {
	sh     *shared
	keys   screen.NavKeys
	cursor int
	// top is the first row shown when the list is longer than the screen;
	// Update moves it, View only reads it.
	top int
	// showKeys is set while ? shows every key.
	showKeys bool
}

// newPicker starts on the default routine.
func newPicker(sh *shared) *picker {
	p := &picker{sh: sh, keys: screen.NewNavKeys()}
	if sh.Library == nil {
		return p
	}
	if d, ok := sh.Library.Default(sh.Settings.DefaultRoutine); ok {
		p.cursor = max(slices.Index(p.routines(), d), 0)
	}
	return p
}

func (p *picker) routines() []*routine.Routine {
	if p.sh.Library == nil {
		return nil
	}
	return p.sh.Library.Routines
}

func (p *picker) Init() tea.Cmd { return nil }

func (p *picker) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		p.scroll() // a resize changes the room
		return p, nil
	}
	rs := p.routines()
	switch {
	case p.showKeys:
		p.showKeys = false // any key goes back
	case key.Matches(k, p.keys.Help):
		p.showKeys = true
	case key.Matches(k, p.keys.Up) && len(rs) > 0:
		p.cursor = (p.cursor + len(rs) - 1) % len(rs)
	case key.Matches(k, p.keys.Down) && len(rs) > 0:
		p.cursor = (p.cursor + 1) % len(rs)
	case key.Matches(k, p.keys.OK) && len(rs) > 0:
		r := rs[p.cursor]
		return p, func() tea.Msg { return runRoutineMsg{r: r} }
	case key.Matches(k, p.keys.Back):
		return p, screen.Pop
	case key.Matches(k, p.keys.Quit):
		return p, tea.Quit
	}
	p.scroll()
	return p, nil
}

// head is the lines above the list.
func (p *picker) head() []string {
	return []string{p.sh.Styles.Title.Render("Choose a routine"), ""}
}

// problems are the routine files that could not be read, for under the
// list.
func (p *picker) problems() []string {
	var problems []string
	if lib := p.sh.Library; lib != nil {
		for _, err := range lib.Problems {
			problems = append(problems, screen.Wrap(p.sh.Styles.Warn, p.sh.Width, "⚠ "+err.Error()))
		}
	}
	if len(problems) > 0 {
		problems = append([]string{""}, problems...)
	}
	return problems
}

// room is how many rows of the list fit, leaving room for the problems
// (up to half the screen) and the help line.
func (p *picker) room() int {
	h := p.sh.Height
	room := h - len(p.head()) - 1 - min(lipgloss.Height(strings.Join(p.problems(), "\n")), h/2)
	return max(room, 1)
}

// scroll keeps the cursor on screen.
func (p *picker) scroll() {
	room := p.room()
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.cursor >= p.top+room {
		p.top = p.cursor - room + 1
	}
}

// startKey is enter in the picker.
func startKey() key.Binding {
	return key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start"))
}

func (p *picker) View() string {
	st := p.sh.Styles
	if p.showKeys {
		return p.sh.KeysPage([][]key.Binding{{p.keys.Up, p.keys.Down, startKey(), p.keys.Back, p.keys.Quit, p.keys.Help}},
			"Your own routines are TOML files in the routines folder; quietlegs config path says where it is.")
	}
	rs := p.routines()
	var items []menuItem
	for _, r := range rs {
		src := r.Source
		if src != "built-in" {
			src = "yours"
		}
		items = append(items, menuItem{
			title: r.DisplayTitle(),
			note: fmt.Sprintf("%s · %d %s · %s", routine.FormatDuration(r.Duration()), len(r.Steps),
				routine.Plural(len(r.Steps), "step", "steps"), src),
		})
	}
	rows := menu(p.sh, items, p.cursor)
	foot := p.sh.ShortHelp([]key.Binding{p.keys.Up, p.keys.Down, startKey(), p.keys.Back, p.keys.Quit, p.keys.Help})
	top := min(p.top, len(rows))
	end := min(top+p.room(), len(rows))
	body := append(p.head(), rows[top:end]...)
	if len(rs) == 0 {
		body = append(body, st.Faint.Render("No routines found."))
	}
	body = append(body, p.problems()...)
	return screen.Layout(p.sh.Height, strings.Join(body, "\n"), foot)
}
