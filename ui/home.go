package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// menuItem is one choice on a menu screen.
type menuItem struct {
	title, note string
	shortcut    key.Binding
	run         tea.Cmd
}

// home is the first screen: what a person most likely wants now, first.
type home struct {
	sh     *shared
	keys   navKeys
	items  []menuItem
	cursor int
	// elsewhere is set when a routine runs in another window.
	elsewhere bool
	// week is the last 7 nights, oldest first; nil for a night without a
	// record, and all nil when they could not be read.
	week  [7]*night.Record
	dates [7]string
	// weekRead is set when the 7 nights were read.
	weekRead bool
}

// morningFrom is the hour the morning starts: from then until the day
// boundary, home offers the check-in first while last night has none.
const morningFrom = 4

func newHome(sh *shared) *home {
	h := &home{sh: sh, keys: newNavKeys(), elsewhere: sh.runningElsewhere()}
	var evening []menuItem
	if lib := sh.opts.Library; lib != nil {
		if r, ok := lib.Find(routine.DefaultName); ok || len(lib.Routines) > 0 {
			if !ok {
				r = lib.Routines[0]
			}
			note := r.DisplayTitle() + " · " + routine.FormatDuration(r.Duration())
			if h.elsewhere {
				note = r.DisplayTitle() + " · running in another window"
			}
			evening = append(evening, menuItem{
				title:    "Evening routine",
				note:     note,
				shortcut: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "evening")),
				run:      func() tea.Msg { return runRoutineMsg{r: r} },
			})
		}
	}
	now := sh.now()
	last := night.Last(now)
	done := false
	if d := sh.opts.Diary; d != nil {
		ctx, cancel := diaryCtx()
		_, done, _ = d.Checkin(ctx, last)
		cancel()
	}
	note := "night of " + nightLabel(last)
	if done {
		note += " · done"
	}
	checkin := menuItem{
		title:    "Morning check-in",
		note:     note,
		shortcut: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "check-in")),
		run:      openMorning,
	}
	if hr := now.Hour(); hr >= morningFrom && hr < sh.boundary() && !done {
		h.items = append([]menuItem{checkin}, evening...)
	} else {
		h.items = append(evening, checkin)
	}
	if sh.opts.History != nil {
		h.items = append(h.items, menuItem{
			title:    "History",
			note:     "your nights, trends and insights",
			shortcut: key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
			run:      openHistory,
		})
		h.readWeek(last)
	}
	h.items = append(h.items,
		menuItem{
			title:    "Choose a routine",
			note:     "built-in and your own",
			shortcut: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "routines")),
			run:      openPicker,
		},
		menuItem{title: "Quit", shortcut: h.keys.Quit, run: tea.Quit},
	)
	return h
}

func (h *home) Init() tea.Cmd { return nil }

func (h *home) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return h, nil
	}
	for _, it := range h.items {
		if key.Matches(k, it.shortcut) {
			return h, it.run
		}
	}
	switch {
	case key.Matches(k, h.keys.Up):
		h.cursor = (h.cursor + len(h.items) - 1) % len(h.items)
	case key.Matches(k, h.keys.Down):
		h.cursor = (h.cursor + 1) % len(h.items)
	case key.Matches(k, h.keys.OK):
		return h, h.items[h.cursor].run
	case key.Matches(k, h.keys.Back):
		return h, tea.Quit
	}
	return h, nil
}

func (h *home) View() string {
	st := h.sh.styles
	head := []string{st.Title.Render("quietlegs"), ""}
	if h.elsewhere {
		head = append(head, wrap(st.Faint, h.sh.width, elsewhereNote), "")
	}
	bindings := []key.Binding{h.keys.Up, h.keys.Down, h.keys.OK}
	for _, it := range h.items {
		bindings = append(bindings, it.shortcut)
	}
	foot := h.sh.shortHelp(bindings)
	// The richest layout that fits: notes under the menu's titles where
	// they do not fit beside, then the last 7 nights and what they mean.
	full := menuLines(h.sh, h.items, h.cursor, notesBelow)
	chosen := menuLines(h.sh, h.items, h.cursor, chosenNoteBelow)
	beside := menuLines(h.sh, h.items, h.cursor, notesBeside)
	strip, legend := h.strip()
	var tries [][]string
	if strip != nil {
		gap := []string{""}
		tries = [][]string{
			join(head, full, gap, strip, legend),
			join(head, full, gap, strip),
			join(head, chosen, gap, strip),
			join(head, chosen, strip),
			join(head, beside, strip),
		}
	}
	body := join(head, full)
	for _, t := range tries {
		if countLines(strings.Join(t, "\n")) <= h.sh.height-countLines(foot) {
			body = t
			break
		}
	}
	return layout(h.sh.height, strings.Join(body, "\n"), foot)
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// menu draws items with the cursor on one; notes go beside the title when
// they fit and under it when they don't.
func menu(sh *shared, items []menuItem, cursor int) []string {
	return menuLines(sh, items, cursor, notesBelow)
}

// Where menuLines puts a note that does not fit beside its title.
const (
	notesBelow      = iota // under it
	chosenNoteBelow        // under it for the chosen item; none for others
	notesBeside            // nowhere
)

// menuLines is menu, with the notes that do not fit beside their titles
// put as notes says.
func menuLines(sh *shared, items []menuItem, cursor int, notes int) []string {
	st := sh.styles
	var lines []string
	for i, it := range items {
		mark, title := "  ", st.Text
		if i == cursor {
			mark, title = "› ", st.Cursor
		}
		hint := ""
		if h := it.shortcut.Help().Key; h != "" {
			hint = st.Faint.Render(" (" + h + ")")
		}
		line := truncate(st.Cursor.Render(mark)+title.Render(it.title)+hint, sh.width)
		if it.note != "" {
			if side := line + st.Faint.Render("  "+it.note); lipgloss.Width(side) <= sh.width {
				line = side
			} else if notes == notesBelow || notes == chosenNoteBelow && i == cursor {
				line += "\n" + st.Faint.Render(truncate("    "+it.note, sh.width))
			}
		}
		lines = append(lines, line)
	}
	return lines
}
