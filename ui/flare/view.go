package flare

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// bandLabels name the bands with their severities, as the toolkit sorts
// them.
var bandLabels = map[night.Band]string{
	night.Mild: "Mild (1-3)", night.Moderate: "Moderate (4-6)", night.Severe: "Severe (7-10)",
}

// bind is a binding shown in the help line only.
func bind(keys, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
}

// askLines are the lines that say how to answer 0-10 with one key.
func askLines(st *screen.Styles, w int, question string) []string {
	return []string{
		screen.Wrap(st.Heading, w, question), "",
		st.Text.Render(screen.Truncate("  1-9  as it is", w)),
		st.Text.Render(screen.Truncate("  0    for 10", w)),
		st.Text.Render(screen.Truncate("  n    for none (0)", w)),
	}
}

// help is the stage's keys, ? last.
func (m *Screen) help() []key.Binding {
	switch m.stage {
	case askSeverity:
		return []key.Binding{bind("0-9 n", "answer"), m.keys.Back, m.keys.Quit, m.keys.Help}
	case pick:
		choose := key.NewBinding(key.WithKeys("up", "down", "enter"), key.WithHelp("↑/↓ enter", "choose"))
		return []key.Binding{bind("1-9", "start"), choose, m.keys.Back, m.keys.Quit, m.keys.Help}
	}
	return []key.Binding{bind("enter", "done"), m.keys.Help}
}

// View draws the question or the toolkit, or every key while ? shows them.
func (m *Screen) View() string {
	st, w := m.ctx.Styles, m.ctx.Width
	help := m.help()
	if m.showKeys {
		return m.ctx.KeysPage([][]key.Binding{help}, "")
	}
	var body []string
	switch m.stage {
	case askSeverity:
		body = append([]string{screen.Header(st, w, "Night toolkit", "flare-up"), ""},
			askLines(st, w, "How strong is it right now?")...)
	case pick:
		body = append([]string{screen.Header(st, w, fmt.Sprintf("%d of 10", m.event.Severity), "what to try")}, m.list()...)
	case doing:
		o := m.chosen
		body = []string{screen.Header(st, w, "Night toolkit", "flare-up"), "",
			screen.Wrap(st.Heading, w, termsafe.Line(o.Title))}
		if s := o.Entry.Safety; s != "" {
			body = append(body, screen.Wrap(st.Warn, w, "⚠ "+termsafe.Line(s)))
		}
		body = append(body, "", screen.Wrap(st.Faint, w, "Take your time. Press enter when you are done."))
	}
	return screen.Layout(m.ctx.Height, strings.Join(body, "\n"), m.foot(help))
}

// foot is the status, if any, over the help line.
func (m *Screen) foot(help []key.Binding) string {
	line := m.ctx.ShortHelp(help)
	if m.status == "" {
		return line
	}
	return screen.Wrap(m.ctx.Styles.Warn, m.ctx.Width, termsafe.Line(m.status)) + "\n" + line
}

// list is the toolkit's options, numbered, under their bands' headings,
// from the option at top on.
func (m *Screen) list() []string {
	st, w := m.ctx.Styles, m.ctx.Width
	if len(m.opts) == 0 {
		return []string{"", screen.Wrap(st.Faint, w, "Your toolkit has nothing for this. Add entries under [toolkit] in your config file.")}
	}
	var lines []string
	band := night.Band("")
	for i, o := range m.opts {
		if o.Band != band {
			band = o.Band
			if i >= m.top {
				lines = append(lines, st.Faint.Render(screen.Truncate(bandLabels[band], w)))
			}
		}
		if i < m.top {
			continue
		}
		lines = append(lines, m.optionLine(i, o))
	}
	return lines
}

func (m *Screen) optionLine(i int, o journal.ToolOption) string {
	st, w := m.ctx.Styles, m.ctx.Width
	num := " "
	if i < 9 {
		num = fmt.Sprint(i + 1)
	}
	length := ""
	switch {
	case o.Problem != "":
		length = "missing"
	case o.Routine != nil:
		length = routine.FormatDuration(o.Routine.Duration())
	}
	title := termsafe.Line(o.Title)
	room := max(w-4-len(length)-1, 4)
	text := fmt.Sprintf("%s %-*s %s", num, room, screen.Truncate(title, room), length)
	if i == m.cursor {
		return st.Cursor.Render(screen.Truncate("▸"+text, w))
	}
	return st.Text.Render(screen.Truncate(" "+text, w))
}

// help is the question's keys, ? last.
func (m *After) help() []key.Binding {
	switch m.stage {
	case askAfter:
		return []key.Binding{bind("0-9 n", "answer"), bind("esc", "skip"), m.keys.Help}
	case askHelped:
		return []key.Binding{bind("1-3", "answer"), bind("esc", "skip"), m.keys.Help}
	}
	return []key.Binding{bind("enter", "close"), m.keys.Help}
}

// View draws the question asked, or what was saved, or every key while ?
// shows them.
func (m *After) View() string {
	st, w := m.ctx.Styles, m.ctx.Width
	help := m.help()
	if m.showKeys {
		return m.ctx.KeysPage([][]key.Binding{help}, "")
	}
	body := []string{screen.Header(st, w, "Night toolkit", "afterwards"), ""}
	switch m.stage {
	case askAfter:
		body = append(body, askLines(st, w, "How strong is it now?")...)
	case askHelped:
		body = append(body, screen.Wrap(st.Heading, w, "Did it help?"), "")
		for i, h := range night.HelpedAnswers {
			body = append(body, st.Text.Render(screen.Truncate(fmt.Sprintf("  %d  %s", i+1, h.Label()), w)))
		}
	case finished:
		body = append(body, screen.Wrap(st.Text, w, summary(m.event)), "",
			screen.Wrap(st.Faint, w, "Rest well."))
	}
	foot := m.ctx.ShortHelp(help)
	if m.status != "" {
		foot = screen.Wrap(st.Warn, w, termsafe.Line(m.status)) + "\n" + foot
	}
	return screen.Layout(m.ctx.Height, strings.Join(body, "\n"), foot)
}

// summary says what is recorded for the flare-up.
func summary(e night.Event) string {
	s := fmt.Sprintf("Recorded: %d of 10", e.Severity)
	if e.SeverityAfter != nil {
		s += fmt.Sprintf(", then %d", *e.SeverityAfter)
	}
	if e.Helped != "" {
		s += "; helped: " + e.Helped.Label()
	}
	return s + "."
}
