package ui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/flare"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// menuItem is one choice on a menu screen.
type menuItem struct {
	title, note string
	shortcut    key.Binding
	// run is what choosing it does, worked out when it is chosen.
	run func() tea.Cmd
}

// home is the first screen: what a person most likely wants now, first.
type home struct {
	sh     *shared
	keys   screen.NavKeys
	items  []menuItem
	cursor int
	// last is last night, whose check-in home offers.
	last string
	// done is set when last night has a check-in.
	done bool
	// elsewhere is set when a routine runs in another window. ownLock is
	// set when home opens as this window's run ends, its lock still held
	// until the end is saved: that lock is no other window's.
	elsewhere bool
	ownLock   bool
	// week is the last 7 nights, oldest first; nil for a night without a
	// record, and all nil when they could not be read.
	week  [7]*night.Record
	dates [7]string
	// weekRead is set when the 7 nights were read.
	weekRead bool
	// experiment is tonight's assignment while an experiment runs
	// ("Experiment: tonight as usual (week 3 of 4)"), else "".
	experiment string
	// showKeys is set while ? shows every key.
	showKeys screen.KeysShown
	// hookFailure is a hook command's failure, told here once.
	hookFailure string
	// tonight is how tonight's wind-down went, "" before one was run;
	// tried says tonight has only a trial run.
	tonight routine.Status
	tried   bool
}

// homeLoadedMsg is what home shows beside its menu, read in the background.
type homeLoadedMsg struct {
	done, elsewhere bool
	week            []night.Record
	weekErr         error
	// experiment is tonight's assignment's line, "" when none runs (or
	// it could not be read: home works without it).
	experiment string
	// hookFailure is a hook's failure not told before, or "".
	hookFailure string
	// tonight is how tonight's wind-down went ("" for not run, or not read).
	tonight routine.Status
	tried   bool
}

// morningFrom is the hour the morning starts: from then until the day
// boundary, home offers the check-in first while last night has none.
const morningFrom = 4

func newHome(sh *shared) *home {
	h := &home{sh: sh, keys: screen.NewNavKeys(), last: night.Last(sh.Now())}
	for i := range h.dates {
		h.dates[i] = nightfmt.AddDays(h.last, i-len(h.dates)+1)
	}
	h.build()
	return h
}

// build puts the menu together from what is known so far.
func (h *home) build() {
	sh := h.sh
	h.items = nil
	var evening []menuItem
	if lib := sh.Library; lib != nil {
		if r, ok := lib.Default(sh.Settings.DefaultRoutine); ok {
			note := r.DisplayTitle() + " · " + routine.FormatDuration(r.Duration())
			switch h.tonight {
			case routine.Completed:
				note = "tonight: wind-down done ✓"
			case routine.Partial:
				note = "tonight: wind-down partly done ◐"
			default:
				if h.tried {
					note = "tonight: tried out at another speed"
				}
			}
			if h.elsewhere {
				note = r.DisplayTitle() + " · running in another window"
			}
			evening = append(evening, menuItem{
				title:    "Evening routine",
				note:     note,
				shortcut: key.NewBinding(key.WithKeys("e"), key.WithHelp("e", "evening")),
				run:      cmd(func() tea.Msg { return runRoutineMsg{r: r} }),
			})
		}
	}
	note := "night of " + nightfmt.Label(h.last)
	if h.done {
		note += " · done"
	}
	checkin := menuItem{
		title:    "Morning check-in",
		note:     note,
		shortcut: key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "check-in")),
		run: func() tea.Cmd {
			return screen.Push(newMorning(sh, night.Last(sh.Now()), leaveHome))
		},
	}
	if hr := sh.Now().Hour(); hr >= morningFrom && hr < sh.Boundary() && !h.done {
		h.items = append([]menuItem{checkin}, evening...)
	} else {
		h.items = append(evening, checkin)
	}
	h.items = append(h.items,
		menuItem{
			title:    "History",
			note:     "your nights, trends and insights",
			shortcut: key.NewBinding(key.WithKeys("h"), key.WithHelp("h", "history")),
			run:      func() tea.Cmd { return screen.Push(newHistoryScreen(sh, true)) },
		},
		menuItem{
			title:    "Night toolkit",
			note:     "for a flare-up in the night",
			shortcut: key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "flare-up")),
			run:      func() tea.Cmd { return screen.Push(flare.New(sh.Context, sh.j)) },
		},
		menuItem{
			title:    "Choose a routine",
			note:     "built-in and your own",
			shortcut: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "routines")),
			run:      func() tea.Cmd { return screen.Push(newPicker(sh)) },
		},
		menuItem{title: "Quit", shortcut: h.keys.Quit, run: cmd(tea.Quit)},
	)
}

// triedTonight is whether tonight has only a trial run (another speed
// than real time): it is never the night's routine, but home says so. A
// night toolkit's run is not an evening routine, tried out or not.
func triedTonight(r night.Record) bool {
	return r.MainRun() == nil && slices.ContainsFunc(r.Runs, func(x night.Run) bool {
		return x.Trial() && !x.Flare && x.Status != routine.Running
	})
}

// cmd is a menu action that always does c.
func cmd(c tea.Cmd) func() tea.Cmd { return func() tea.Cmd { return c } }

// Init reads whether last night has a check-in, the last 7 nights, and
// whether a routine runs in another window.
func (h *home) Init() tea.Cmd {
	j, ownLock := h.sh.j, h.ownLock
	h.ownLock = false // read again, it is whoever holds the lock then
	last, from := h.last, h.dates[0]
	tonight := max(night.Of(h.sh.Now(), h.sh.Boundary()), last)
	return func() tea.Msg {
		ctx, cancel := screen.StoreContext()
		defer cancel()
		var msg homeLoadedMsg
		// The 7 nights to last (and tonight, once it is a night of its
		// own), and nothing else: home stays quick however long the record.
		msg.week, msg.weekErr = j.Nights(ctx, from, max(last, j.Tonight()))
		for _, r := range msg.week {
			msg.done = msg.done || (r.Night == last && r.Checkin != nil)
			if r.Night == tonight {
				msg.tried = triedTonight(r)
			}
		}
		msg.elsewhere = !ownLock && j.RunningElsewhere()
		msg.hookFailure = j.HookFailure()
		if msg.weekErr == nil {
			msg.tonight = journal.StatusOf(j.Now(), j.Settings().Boundary, msg.week).WindDown
		}
		if a, ok, err := j.TonightAssignment(ctx); ok && err == nil {
			msg.experiment = a.Line()
		}
		return msg
	}
}

func (h *home) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case homeLoadedMsg:
		h.done, h.elsewhere, h.experiment = msg.done, msg.elsewhere, msg.experiment
		h.hookFailure, h.tonight, h.tried = msg.hookFailure, msg.tonight, msg.tried
		if msg.weekErr == nil {
			h.setWeek(msg.week) // home works without it
		}
		h.build()
		return h, nil
	case screen.RevealedMsg:
		// Back from a screen opened here: what it did may show here (a
		// check-in done, a run recorded), so home starts afresh.
		*h = *newHome(h.sh)
		return h, h.Init()
	case tea.KeyPressMsg:
		return h, h.key(msg)
	}
	return h, nil
}

func (h *home) key(k tea.KeyPressMsg) tea.Cmd {
	if h.showKeys.Key(k, h.keys.Help) {
		return nil
	}
	for _, it := range h.items {
		if key.Matches(k, it.shortcut) {
			return it.run()
		}
	}
	switch {
	case key.Matches(k, h.keys.Up):
		h.cursor = (h.cursor + len(h.items) - 1) % len(h.items)
	case key.Matches(k, h.keys.Down):
		h.cursor = (h.cursor + 1) % len(h.items)
	case key.Matches(k, h.keys.OK):
		return h.items[h.cursor].run()
	case key.Matches(k, h.keys.Back):
		return tea.Quit
	}
	return nil
}

// keyGroups are home's keys for the ? page: moving, then each item's
// shortcut.
func (h *home) keyGroups() [][]key.Binding {
	shortcuts := []key.Binding{}
	for _, it := range h.items {
		b := it.shortcut
		if b.Help().Key == "q" {
			b.SetHelp("q, ctrl+c", "quit")
		} else {
			b.SetHelp(b.Help().Key, strings.ToLower(it.title))
		}
		shortcuts = append(shortcuts, b)
	}
	return [][]key.Binding{{h.keys.Up, h.keys.Down, h.keys.OK, exitKey(h.keys.Back)}, shortcuts}
}

// exitKey is esc described as what it does on the first screen.
func exitKey(b key.Binding) key.Binding {
	b.SetHelp("esc", "quit")
	return b
}

func (h *home) View() string {
	st := h.sh.Styles
	if h.showKeys {
		return h.sh.KeysPage(h.keyGroups(), "")
	}
	head := []string{st.Title.Render("quietlegs"), ""}
	// tight is head without its blank lines, for an experiment's line
	// where the screen is short; nil without one.
	var tight []string
	if h.experiment != "" {
		exp := screen.WrapLines(st.Text, h.sh.Width, h.experiment)
		head = append(append(head, exp...), "")
		tight = append([]string{head[0]}, exp...)
	}
	if h.hookFailure != "" {
		note := screen.Wrap(st.Warn, h.sh.Width, "⚠ "+termsafe.Line(h.hookFailure))
		head = append(head, note, "")
		if tight != nil {
			tight = append(tight, note)
		}
	}
	if h.elsewhere {
		note := screen.Wrap(st.Faint, h.sh.Width, elsewhereNote)
		head = append(head, note, "")
		if tight != nil {
			tight = append(tight, note)
		}
	}
	bindings := []key.Binding{h.keys.Up, h.keys.Down, h.keys.OK}
	for _, it := range h.items {
		bindings = append(bindings, it.shortcut)
	}
	bindings = append(bindings, h.keys.Help)
	foot := h.sh.ShortHelp(bindings)
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
		}
		if len(head) == 2 {
			// On a short screen the chosen item's note (tonight's
			// wind-down done, last night's check-in) outranks the blank
			// line under the title.
			tries = append(tries, join(head[:1], chosen, strip))
		}
		tries = append(tries, join(head, beside, strip))
	}
	body := join(head, full)
	if tight != nil {
		// Tonight's assignment stays in sight before the strip, the
		// notes and the blank lines do.
		tries = append(tries, join(head, full), join(head, chosen), join(head, beside),
			join(tight, chosen), join(tight, beside))
		body = join(tight, beside)
	}
	for _, t := range tries {
		if screen.CountLines(strings.Join(t, "\n")) <= h.sh.Height-screen.CountLines(foot) {
			body = t
			break
		}
	}
	return screen.Layout(h.sh.Height, strings.Join(body, "\n"), foot)
}

func join(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
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
	st := sh.Styles
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
		line := screen.Truncate(st.Cursor.Render(mark)+title.Render(it.title)+hint, sh.Width)
		if it.note != "" {
			if side := line + st.Faint.Render("  "+it.note); lipgloss.Width(side) <= sh.Width {
				line = side
			} else if notes == notesBelow || notes == chosenNoteBelow && i == cursor {
				line += "\n" + st.Faint.Render(screen.Truncate("    "+it.note, sh.Width))
			}
		}
		lines = append(lines, line)
	}
	return lines
}
