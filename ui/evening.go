package ui

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/form"
	"github.com/quietlegs/quietlegs/ui/nightfmt"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// noteMax is the longest note a form takes, in characters.
const noteMax = 1000

// scaleAnchors say what the ends of a 0-10 leg rating mean.
const scaleAnchors = "0 none … 10 the worst"

// eveningLoadedMsg is tonight's log as stored, if it has one.
type eveningLoadedMsg struct {
	old night.Evening
	ok  bool
	err error
	// experiment is tonight's part in an experiment, "" when none runs.
	experiment string
	// taken are tonight's doses; known those of earlier nights;
	// takenErr why tonight's could not be read.
	taken, known []night.Dose
	takenErr     error
}

// evening is the short log before a routine: legs now, the day's
// checklist, a note. esc skips straight to the routine.
type evening struct {
	sh      *shared
	form    *form.Form
	keys    leaveKeys
	r       *routine.Routine
	night   string
	prior   bool // tonight already had a log: saving updates it
	loadErr error
	leave   leaving
	// experiment is tonight's part in a running experiment, or "".
	experiment string
	// saving is set once the log went to be saved: the routine starts next.
	saving bool
	page   keysPage
	// editing is set for a past night's log opened from history: saving
	// goes back there rather than on to a routine; saveErr is why the
	// last save failed.
	editing bool
	saveErr error
	// taken are tonight's doses as recorded; known the doses of earlier
	// nights, for "Taken tonight". takenUnread is set when tonight's could
	// not be read: then the form offers no doses, as it could not say
	// which are ticked.
	taken, known []night.Dose
	takenUnread  bool
}

// eveningEditedMsg says how saving an edited log went.
type eveningEditedMsg struct{ err error }

func newEvening(sh *shared, r *routine.Routine) *evening {
	e := &evening{sh: sh, r: r, night: sh.j.Tonight(), keys: newLeaveKeys("skip"), leave: newLeaving()}
	e.form = e.newForm(night.Evening{})
	return e
}

// newEveningEdit is the evening log of the night date, opened from
// history to change: saving or leaving goes back.
func newEveningEdit(sh *shared, date string) *evening {
	e := &evening{sh: sh, night: date, keys: newLeaveKeys("back"), leave: newLeaving(), editing: true}
	e.form = e.newForm(night.Evening{})
	return e
}

// newForm is the log's form holding old.
func (e *evening) newForm(old night.Evening) *form.Form {
	legs := []form.Option{{Label: "skip"}}
	for i := 0; i <= 10; i++ {
		legs = append(legs, form.Option{Label: strconv.Itoa(i), Short: strconv.Itoa(i)})
	}
	sel := 0
	if old.Symptoms != nil {
		sel = *old.Symptoms + 1
	}
	legsLabel, dayLabel := "Legs right now", "Today"
	if e.editing {
		legsLabel, dayLabel = "Legs that evening", "That day"
	}
	legsField := form.NewChoice(string(night.FieldSymptoms), legsLabel, legs, sel)
	legsField.Hint = scaleAnchors
	fields := []*form.Field{legsField}
	// Items taken off the checklist still show when tonight's log has
	// them, so saving never drops them.
	var items []form.Option
	for _, it := range e.sh.Settings.Checklist {
		items = append(items, form.Option{Label: it.Label, ID: it.ID})
	}
	for _, id := range old.Tags {
		if !slices.ContainsFunc(items, func(o form.Option) bool { return o.ID == id }) {
			items = append(items, form.Option{Label: e.sh.Settings.Label(id), ID: id})
		}
	}
	if len(items) > 0 {
		// "none of these" answers the checklist with nothing ticked; with
		// nothing at all ticked, it is left unanswered.
		items = append(items, form.Option{Label: "none of these", ID: noneID})
		checked := make([]bool, len(items))
		for i, it := range items {
			checked[i] = slices.Contains(old.Tags, it.ID)
		}
		checked[len(items)-1] = e.prior && !old.ChecklistSkipped && len(old.Tags) == 0
		fields = append(fields, form.NewMulti(string(night.FieldTag), dayLabel, items, checked))
	}
	fields = append(fields, e.roomFields(old)...)
	note := form.NewText(string(night.FieldNote), "Note", form.Text, noteMax, termsafe.Line(old.Note))
	note.Hint = "optional"
	return form.New(e.checkRoom, append(fields, note)...)
}

// Init reads tonight's log, if there is one, to show it as it was left.
func (e *evening) Init() tea.Cmd {
	j, date := e.sh.j, e.night
	return func() tea.Msg {
		old, ok, err := j.DraftEvening(context.Background(), date)
		msg := eveningLoadedMsg{old: old, ok: ok, err: err}
		if a, running, err := j.TonightAssignment(context.Background()); err == nil && running {
			msg.experiment = a.Line()
		}
		// What was taken only adds to the form: unread, the list is
		// left out rather than the log refused.
		msg.taken, msg.takenErr = j.TakenOn(context.Background(), date)
		msg.known, _ = j.KnownDoses(context.Background())
		return msg
	}
}

func (e *evening) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	cmd := e.update(msg)
	e.form.Fit(e.sh.Context, e.head(), e.status())
	return e, cmd
}

func (e *evening) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case eveningLoadedMsg:
		e.prior, e.loadErr, e.experiment = msg.ok && msg.err == nil, msg.err, msg.experiment
		if !e.form.Dirty() { // never throw away what was typed meanwhile
			e.taken, e.known, e.takenUnread = msg.taken, msg.known, msg.takenErr != nil
			e.form = e.newForm(msg.old)
		}
		return nil
	case eveningEditedMsg:
		e.saving, e.saveErr = false, msg.err
		if msg.err == nil {
			return screen.Pop
		}
		return nil
	case tea.KeyPressMsg:
		switch {
		case e.saving:
			return nil
		case e.leave.Asking():
			return e.leave.answer(msg)
		case e.page.key(msg, e.form, e.keys.Help):
			return nil
		case key.Matches(msg, e.keys.Back) && e.editing:
			return e.leave.ask(e.form.Dirty(), "Leave without saving? What you entered here will be lost.", screen.Pop)
		case key.Matches(msg, e.keys.Back):
			return e.leave.ask(e.form.Dirty(), "Skip the log? What you entered here won't be saved.", e.begin(""))
		case key.Matches(msg, e.keys.Quit):
			return e.leave.ask(e.form.Dirty(), "Quit? What you entered here won't be saved.", tea.Quit)
		}
	}
	if e.form.Update(msg) == form.Submit {
		return e.finish()
	}
	return nil
}

func (e *evening) begin(notice string) tea.Cmd {
	r := e.r
	return func() tea.Msg { return beginRoutineMsg{r: r, notice: notice} }
}

// read is the log as the form holds it.
func (e *evening) read() night.Evening {
	ev := night.Evening{Night: e.night, Note: strings.TrimSpace(e.form.Field(string(night.FieldNote)).Value())}
	if legs := e.form.Field(string(night.FieldSymptoms)); legs.Selected() > 0 {
		n := legs.Selected() - 1
		ev.Symptoms = &n
	}
	ev.ChecklistSkipped = true
	if tags := e.form.Field(string(night.FieldTag)); tags != nil {
		for i, o := range tags.Options() {
			if !tags.Checked(i) {
				continue
			}
			ev.ChecklistSkipped = false
			if o.ID != noneID {
				ev.Tags = append(ev.Tags, o.ID)
			}
		}
	}
	e.readRoom(&ev)
	return ev
}

// noneID stands for "none of these" among the checklist's options; no
// checklist id can start with a dash.
const noneID = "-none"

// finish saves the log in the background and then starts the routine. An
// empty log is not saved unless it replaces one; a failed save is told,
// and the routine starts all the same.
func (e *evening) finish() tea.Cmd {
	ev := e.read()
	removed, added := e.readTaken()
	takenChanged := len(removed)+len(added) > 0
	empty := !e.prior && ev.Symptoms == nil && ev.ChecklistSkipped && ev.Note == "" && ev.RoomTempC == nil && ev.Bedding == ""
	if e.editing {
		return e.saveEdit(ev, empty)
	}
	if empty && !takenChanged {
		return e.begin("")
	}
	e.saving = true
	j, r, date := e.sh.j, e.r, e.night
	return func() tea.Msg {
		if !empty {
			if err := j.SaveEvening(context.Background(), ev); err != nil {
				return beginRoutineMsg{r: r, notice: "Evening log not saved: " + err.Error()}
			}
		}
		if takenChanged {
			var te *journal.TickError
			switch err := j.ChangeTaken(context.Background(), date, removed, added); {
			case errors.As(err, &te):
				return beginRoutineMsg{r: r, notice: "What you took is saved; the checklist could not be ticked: " + te.Err.Error()}
			case err != nil:
				return beginRoutineMsg{r: r, notice: "What you took was not saved: " + err.Error()}
			}
		}
		return beginRoutineMsg{r: r}
	}
}

// saveEdit saves a past night's log in the background and goes back; a
// failed save keeps every answer on screen to try again. Nothing entered
// on a night with no log saves nothing. What was taken on a past night is
// not offered here: `quietlegs took --night --at` gives it its time.
func (e *evening) saveEdit(ev night.Evening, empty bool) tea.Cmd {
	if empty {
		return screen.Pop
	}
	e.saving = true
	j := e.sh.j
	return func() tea.Msg { return eveningEditedMsg{err: j.SaveEvening(context.Background(), ev)} }
}

func (e *evening) View() string {
	if e.page.on {
		done := "start"
		if e.editing {
			done = "save"
		}
		return e.page.view(e.sh, e.form, e.keys, done)
	}
	return e.form.View(e.sh.Context, e.head(), e.status())
}

// head is what is drawn above the form.
func (e *evening) head() []string {
	st := e.sh.Styles
	w, h := e.sh.Width, e.sh.Height
	head := []string{screen.Header(st, w, "Evening log", nightfmt.Label(e.night))}
	intro := "How are things tonight? Enter moves on; esc skips straight to the routine."
	if e.prior {
		intro = "Tonight's log, as you left it. Enter moves on; esc goes straight to the routine."
	}
	if e.editing {
		intro = "Editing the evening log of the night of " + nightfmt.Label(e.night) + ". Enter moves on and saves at the end."
		if h < 16 {
			intro = "Editing a past night's log." // the date is in the header
		}
	}
	if h >= 16 || e.editing {
		head = append(head, screen.Wrap(st.Faint, w, intro))
	}
	if e.experiment != "" {
		head = append(head, screen.Wrap(st.Accent, w, e.experiment))
	}
	if e.loadErr != nil {
		head = append(head, screen.Wrap(st.Warn, w, "⚠ could not read tonight's log: "+e.loadErr.Error()))
	}
	return head
}

func (e *evening) status() string {
	if e.leave.Asking() {
		return e.leave.Line(e.sh.Context)
	}
	if e.saveErr != nil {
		return screen.Wrap(e.sh.Styles.Warn, e.sh.Width, "⚠ not saved: "+e.saveErr.Error()+". Your answers are still here; ctrl+s tries again.")
	}
	done := "start"
	if e.editing {
		done = "save"
	}
	bs := e.form.Help(done)
	bs = append(bs[:1:1], append([]key.Binding{e.keys.Back}, bs[1:]...)...)
	return e.sh.ShortHelp(append(append(bs, e.form.Keys.Save), e.keys.helpFor(e.form)...))
}
