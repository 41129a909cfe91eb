package ui

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// noteMax is the longest note a form takes, in characters.
const noteMax = 1000

// leaveKeys leave a form, asking first when something was entered.
type leaveKeys struct {
	Back, Quit, Yes, No key.Binding
}

func newLeaveKeys(back string) leaveKeys {
	return leaveKeys{
		Back: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", back)),
		Quit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
		Yes:  key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		No:   key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n", "stay")),
	}
}

// asking is a question before leaving a form with unsaved answers.
type asking struct {
	question string
	yes      tea.Cmd
}

// evening is the short log before a routine: legs now, the day's
// checklist, a note. esc skips straight to the routine.
type evening struct {
	sh      *shared
	form    *form
	keys    leaveKeys
	r       *routine.Routine
	night   string
	prior   bool // tonight already had a log: saving updates it
	loadErr error
	ask     *asking
}

func newEvening(sh *shared, r *routine.Routine) *evening {
	e := &evening{sh: sh, r: r, night: night.Of(sh.now(), sh.boundary()), keys: newLeaveKeys("skip")}
	var old night.Evening
	if d := sh.opts.Diary; d != nil {
		ctx, cancel := diaryCtx()
		defer cancel()
		old, e.prior, e.loadErr = d.Evening(ctx, e.night)
		e.prior = e.prior && e.loadErr == nil
	}
	legs := []option{{label: "skip"}}
	for i := 0; i <= 10; i++ {
		legs = append(legs, option{label: strconv.Itoa(i), short: strconv.Itoa(i)})
	}
	sel := 0
	if old.Symptoms != nil {
		sel = *old.Symptoms + 1
	}
	fields := []*field{newChoiceField("legs", "Legs right now", legs, sel)}
	// Items taken off the checklist still show when tonight's log has
	// them, so saving never drops them.
	var items []option
	for _, it := range sh.opts.Settings.Checklist {
		items = append(items, option{label: it.Label, id: it.ID})
	}
	for _, id := range old.Tags {
		if !slices.ContainsFunc(items, func(o option) bool { return o.id == id }) {
			items = append(items, option{label: sh.opts.Settings.Label(id), id: id})
		}
	}
	if len(items) > 0 {
		checked := make([]bool, len(items))
		for i, it := range items {
			checked[i] = slices.Contains(old.Tags, it.id)
		}
		fields = append(fields, newMultiField("tags", "Today", items, checked))
	}
	note := newTextField("note", "Note", textKind, noteMax, old.Note)
	note.hint = "optional"
	e.form = newForm(nil, append(fields, note)...)
	return e
}

func (e *evening) Init() tea.Cmd { return nil }

func (e *evening) Update(msg tea.Msg) (screen, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case e.ask != nil && key.Matches(k, e.keys.Quit):
			return e, tea.Quit
		case e.ask != nil:
			if key.Matches(k, e.keys.Yes) {
				return e, e.ask.yes
			}
			if key.Matches(k, e.keys.No) {
				e.ask = nil
			}
			return e, nil
		case key.Matches(k, e.keys.Back):
			return e, e.leave("Skip the log? What you entered here won't be saved.", e.begin(""))
		case key.Matches(k, e.keys.Quit):
			return e, e.leave("Quit? What you entered here won't be saved.", tea.Quit)
		}
	}
	if e.form.update(msg) == formSubmit {
		return e, e.finish()
	}
	return e, nil
}

// leave does cmd at once when nothing was entered, else asks first.
func (e *evening) leave(question string, cmd tea.Cmd) tea.Cmd {
	if !e.form.dirty {
		return cmd
	}
	e.ask = &asking{question, cmd}
	return nil
}

func (e *evening) begin(notice string) tea.Cmd {
	r := e.r
	return func() tea.Msg { return beginRoutineMsg{r: r, notice: notice} }
}

// read is the log as the form holds it.
func (e *evening) read() night.Evening {
	ev := night.Evening{Night: e.night, At: e.sh.now(), Note: strings.TrimSpace(e.form.field("note").value())}
	if legs := e.form.field("legs"); legs.sel > 0 {
		n := legs.sel - 1
		ev.Symptoms = &n
	}
	if tags := e.form.field("tags"); tags != nil {
		for i, o := range tags.options {
			if tags.checked[i] {
				ev.Tags = append(ev.Tags, o.id)
			}
		}
	}
	return ev
}

// finish saves the log and starts the routine. An empty log is not saved
// unless it replaces one; a failed save is told, and the routine starts
// all the same.
func (e *evening) finish() tea.Cmd {
	ev := e.read()
	d := e.sh.opts.Diary
	if d == nil || (!e.prior && ev.Symptoms == nil && len(ev.Tags) == 0 && ev.Note == "") {
		return e.begin("")
	}
	err := ev.Validate()
	if err == nil {
		ctx, cancel := diaryCtx()
		defer cancel()
		err = d.SaveEvening(ctx, ev)
	}
	if err != nil {
		return e.begin("Evening log not saved: " + err.Error())
	}
	return e.begin("")
}

func (e *evening) View() string {
	st := e.sh.styles
	w, h := e.sh.width, e.sh.height
	head := []string{header(st, w, "Evening log", nightLabel(e.night))}
	intro := "How are things tonight? Enter moves on; esc skips straight to the routine."
	if e.prior {
		intro = "Tonight's log, as you left it. Enter moves on; esc goes straight to the routine."
	}
	if h >= 16 {
		head = append(head, wrap(st.Faint, w, intro))
	}
	if e.loadErr != nil {
		head = append(head, wrap(st.Warn, w, "⚠ could not read tonight's log: "+e.loadErr.Error()))
	}
	return e.form.page(e.sh, head, e.status())
}

func (e *evening) status() string {
	st, w := e.sh.styles, e.sh.width
	if e.ask != nil {
		return wrap(st.Warn, w, e.ask.question+"  y yes · n stay")
	}
	bs := e.form.help("start")
	bs = append(bs[:1:1], append([]key.Binding{e.keys.Back}, bs[1:]...)...)
	return e.sh.shortHelp(append(bs, e.form.keys.Save))
}

func countLines(s string) int { return strings.Count(s, "\n") + 1 }
