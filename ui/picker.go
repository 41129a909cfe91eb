package ui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// picker lists every routine, built-in and personal in two groups, a
// preview of the highlighted one's steps, and any files that could not be
// read, so a typo never silently hides a routine.
type picker struct {
	sh     *shared
	keys   screen.NavKeys
	page   pickerKeys
	cursor int
	// top is the first row shown when the list is longer than the screen,
	// and warnTop the first line of the warnings; Update moves them, View
	// only reads them.
	top, warnTop int
	// showKeys is set while ? shows every key.
	showKeys screen.KeysShown
}

type pickerKeys struct{ start, warnUp, warnDown key.Binding }

func newPickerKeys() pickerKeys {
	return pickerKeys{
		start:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
		warnUp:   key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "warnings up")),
		warnDown: key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgdn", "warnings down")),
	}
}

// newPicker starts on the default routine.
func newPicker(sh *shared) *picker {
	p := &picker{sh: sh, keys: screen.NewNavKeys(), page: newPickerKeys()}
	if sh.Library == nil {
		return p
	}
	if d, ok := sh.Library.Default(sh.Settings.DefaultRoutine); ok {
		p.cursor = max(slices.Index(p.routines(), d), 0)
	}
	return p
}

// routines are the built-in routines, then the person's own: the order
// of the list.
func (p *picker) routines() []*routine.Routine {
	if p.sh.Library == nil {
		return nil
	}
	var builtIn, own []*routine.Routine
	for _, r := range p.sh.Library.Routines {
		if r.Source == routine.BuiltIn {
			builtIn = append(builtIn, r)
		} else {
			own = append(own, r)
		}
	}
	return append(builtIn, own...)
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
	case p.showKeys.Key(k, p.keys.Help):
	case key.Matches(k, p.keys.Up) && len(rs) > 0:
		p.cursor = (p.cursor + len(rs) - 1) % len(rs)
	case key.Matches(k, p.keys.Down) && len(rs) > 0:
		p.cursor = (p.cursor + 1) % len(rs)
	case key.Matches(k, p.page.warnUp):
		p.warnTop -= p.warnRoom()
	case key.Matches(k, p.page.warnDown):
		p.warnTop += p.warnRoom()
	case key.Matches(k, p.page.start) && len(rs) > 0:
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

// warnings are the routine files that could not be read, each wrapped
// between words so a file name is never broken across lines (one longer
// than the screen is cut).
func (p *picker) warnings() []string {
	var lines []string
	if lib := p.sh.Library; lib != nil {
		for _, err := range lib.Problems {
			for i, l := range screen.WrapWords(err.Error(), p.sh.Width-2) {
				mark := "  " // a hanging indent under the ⚠
				if i == 0 {
					mark = "⚠ "
				}
				lines = append(lines, p.sh.Styles.Warn.Render(mark+l))
			}
		}
	}
	return lines
}

// warnRoom is how many lines of warnings show: up to a third of the
// screen, the rest a page away.
func (p *picker) warnRoom() int {
	return min(len(p.warnings()), max(p.sh.Height/3, 1))
}

// rows are the list's lines: a heading for each group and a row for each
// routine, with the routine's index (-1 for a heading).
func (p *picker) rows() (lines []string, index []int) {
	st := p.sh.Styles
	rs := p.routines()
	titleW := 0
	for _, r := range rs {
		titleW = max(titleW, ansi.StringWidth(r.DisplayTitle()))
	}
	titleW = min(titleW, max(p.sh.Width-22, 8))
	group := ""
	for i, r := range rs {
		g := "Built-in"
		if r.Source != routine.BuiltIn {
			g = "Yours"
		}
		if g != group {
			group = g
			lines, index = append(lines, st.Heading.Render(g)), append(index, -1)
		}
		mark, title := "  ", st.Text
		if i == p.cursor {
			mark, title = "› ", st.Cursor
		}
		name := screen.Truncate(r.DisplayTitle(), titleW)
		n := len(r.Steps)
		line := st.Cursor.Render(mark) + title.Render(name) + screen.Pad(titleW, name) +
			st.Faint.Render(fmt.Sprintf("  %6s  %2d %s", routine.FormatDuration(r.Duration()), n, routine.Plural(n, "step", "steps")))
		lines, index = append(lines, screen.Truncate(line, p.sh.Width)), append(index, i)
	}
	return lines, index
}

// preview is the highlighted routine's steps with their lengths, in at
// most room lines.
func (p *picker) preview(room int) []string {
	rs := p.routines()
	if len(rs) == 0 || room < 2 {
		return nil
	}
	st, w := p.sh.Styles, p.sh.Width
	r := rs[p.cursor]
	var lines []string
	if room >= 4 {
		lines = append(lines, "") // a gap under the list, where there is room
	}
	lines = append(lines, screen.Truncate(st.Faint.Render("Steps of "+r.DisplayTitle()), w))
	nameW := 0
	for _, s := range r.Steps {
		nameW = max(nameW, ansi.StringWidth(s.Title))
	}
	nameW = min(nameW, max(w-12, 8))
	for i, s := range r.Steps {
		if len(lines) == room-1 && i < len(r.Steps)-1 {
			lines = append(lines, st.Faint.Render(fmt.Sprintf("  … %d more", len(r.Steps)-i)))
			break
		}
		name := screen.Truncate(s.Title, nameW)
		lines = append(lines, st.Text.Render("  "+name)+screen.Pad(nameW, name)+st.Faint.Render(fmt.Sprintf(" %7s", routine.FormatDuration(s.Duration()))))
	}
	return lines
}

// listRoom is how many rows of the list fit, leaving room for the
// warnings and the help line.
func (p *picker) listRoom() int {
	room := p.sh.Height - len(p.head()) - 1
	if n := p.warnRoom(); n > 0 {
		room -= n + 1
	}
	return max(room, 1)
}

// scroll keeps the cursor's row on screen and the warnings in range.
func (p *picker) scroll() {
	lines, index := p.rows()
	row := max(slices.Index(index, p.cursor), 0)
	if row > 0 && index[row-1] == -1 {
		row-- // the group's heading with its first routine
	}
	room := p.listRoom()
	if row < p.top {
		p.top = row
	}
	if cur := slices.Index(index, p.cursor); cur >= p.top+room {
		p.top = cur - room + 1
	}
	p.top = min(p.top, max(len(lines)-room, 0))
	p.warnTop = min(max(p.warnTop, 0), max(len(p.warnings())-p.warnRoom(), 0))
}

func (p *picker) View() string {
	st := p.sh.Styles
	if p.showKeys {
		return p.sh.KeysPage([][]key.Binding{{p.keys.Up, p.keys.Down, p.page.start, p.page.warnUp, p.page.warnDown,
			p.keys.Back, p.keys.Quit, p.keys.Help}},
			"Your own routines are TOML files in the routines folder; quietlegs config path says where it is.")
	}
	help := []key.Binding{p.keys.Up, p.keys.Down, p.page.start}
	warn := p.warnings()
	if len(warn) > p.warnRoom() {
		help = append(help, key.NewBinding(key.WithKeys("pgdown"), key.WithHelp("pgup/pgdn", "warnings")))
	}
	foot := p.sh.ShortHelp(append(help, p.keys.Back, p.keys.Quit, p.keys.Help))
	lines, _ := p.rows()
	room := p.listRoom()
	top := min(p.top, len(lines))
	shown := lines[top:min(top+room, len(lines))]
	body := append(p.head(), shown...)
	if len(lines) == 0 {
		body = append(body, st.Faint.Render("No routines found."))
	}
	free := p.sh.Height - 1 - len(body)
	if n := p.warnRoom(); n > 0 {
		free -= n + 1
	}
	body = append(body, p.preview(free)...)
	if n := p.warnRoom(); n > 0 {
		// The warnings sit just above the help line.
		room := p.sh.Height - 1 - n - 1
		for len(body) < room {
			body = append(body, "")
		}
		body = append(body[:min(len(body), room)], "")
		end := min(p.warnTop+n, len(warn))
		body = append(body, warn[p.warnTop:end]...)
	}
	return screen.Layout(p.sh.Height, strings.Join(body, "\n"), foot)
}
