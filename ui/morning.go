package ui

import (
	"context"
	"slices"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
	"github.com/quietlegs/quietlegs/ui/form"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// checkinFields are the Consensus Sleep Diary's core items in its order,
// in our own words, then our own leg items, holding answers a; those
// suggested are drawn as suggestions until confirmed.
func checkinFields(a journal.Answers, suggested map[night.Field]bool) []*form.Field {
	clock := func(f night.Field, label string) *form.Field {
		// Room for "9:30 pm" and "02:30 second".
		fl := form.NewText(string(f), label, form.Clock, 12, a[f])
		fl.Hint = "HH:MM"
		if suggested[f] {
			fl.Suggest()
		}
		return fl
	}
	count := func(f night.Field, label, unit string) *form.Field {
		fl := form.NewText(string(f), label, form.Number, 4, a[f])
		fl.Unit, fl.Hint = unit, "a number"
		if suggested[f] {
			fl.Suggest()
		}
		return fl
	}
	labelled := func(labels ...string) []form.Option {
		var opts []form.Option
		for i, l := range labels {
			opts = append(opts, form.Option{Label: l, Short: strconv.Itoa(i + 1), ID: strconv.Itoa(i + 1)})
		}
		return opts
	}
	choice := func(f night.Field, label string, opts []form.Option) *form.Field {
		sel := slices.IndexFunc(opts, func(o form.Option) bool { return o.ID == a[f] })
		return form.NewChoice(string(f), label, opts, sel)
	}
	var scale, onsets []form.Option
	for i := 0; i <= 10; i++ {
		scale = append(scale, form.Option{Label: strconv.Itoa(i), Short: strconv.Itoa(i), ID: strconv.Itoa(i)})
	}
	for _, o := range night.Onsets {
		onsets = append(onsets, form.Option{Label: o.Label(), ID: string(o)})
	}
	rls := choice(night.FieldRLS, "Leg symptoms last night", scale)
	rls.Section = "Your legs: our own questions, not a clinical score"
	rls.Hint = scaleAnchors
	// A note that came in by import may hold control characters: shown,
	// and saved again, as visible text.
	notes := form.NewText(string(night.FieldNote), "Notes", form.Text, noteMax, termsafe.Line(a[night.FieldNote]))
	notes.Hint = "optional"
	return append([]*form.Field{
		clock(night.FieldInBed, "Got into bed"),
		clock(night.FieldTried, "Tried to go to sleep"),
		count(night.FieldLatency, "Minutes to fall asleep", "min"),
		count(night.FieldAwakenings, "Times you woke (not the last)", "times"),
		count(night.FieldAwake, "Minutes awake, all told", "min"),
		clock(night.FieldFinal, "Woke for the last time"),
		clock(night.FieldOut, "Got out of bed"),
		choice(night.FieldQuality, "Sleep quality", labelled("very poor", "poor", "fair", "good", "very good")),
		choice(night.FieldRested, "How rested you feel", labelled("not at all", "slightly", "somewhat", "well-rested", "very well-rested")),
		rls,
		choice(night.FieldOnset, "Symptoms started", onsets),
		count(night.FieldGotUp, "Got up because of your legs", "times")},
		append(legItemFields(a, clock), notes)...)
}

// answers is what the form holds, as the journal reads it: text as typed,
// a choice as its option's id, "" while unanswered. A suggestion not yet
// confirmed is no answer: it is left out, unless withSuggested, which
// checks the other answers against the suggestions.
func answers(f *form.Form, withSuggested bool) journal.Answers {
	a := journal.Answers{}
	for _, fl := range f.Fields() {
		if fl.Hidden() || fl.Key() == moreLegsKey {
			continue // not opened: left out, so kept as it was
		}
		if withSuggested || !fl.Suggested() {
			a[night.Field(fl.Key())] = fl.Answer()
		}
	}
	return a
}

// leaveKind says where leaving the check-in goes, which its keys name.
type leaveKind int

const (
	leaveQuits leaveKind = iota // it opened first: leaving ends the program
	leaveHome                   // opened from home
	leaveBack                   // opened from the history
)

// morningLoadedMsg is what the form starts from: the night's own check-in
// (editing), or a guess from the last ones.
type morningLoadedMsg struct {
	d   journal.CheckinDraft
	err error
}

// checkinSavedMsg says how saving the check-in went.
type checkinSavedMsg struct {
	c   night.Checkin
	err error
}

// morning is the check-in for one night: a form, then what it adds up to.
type morning struct {
	sh       *shared
	form     *form.Form
	keys     leaveKeys
	closeKey key.Binding
	night    string
	editing  bool // the night had a check-in: saving replaces it
	loadErr  error
	saveErr  error
	saving   bool
	saved    *night.Checkin // set once saved: the confirmation shows
	// savedKeys is set while ? shows the confirmation's keys.
	savedKeys screen.KeysShown
	leave     leaving
	page      keysPage
	// loaded is set once the night's answers are read; early holds the
	// keys and pastes that came before, to be answered on the form they
	// were meant for (the form is drawn at once, before the read ends).
	loaded bool
	early  []tea.Msg
}

func newMorning(sh *shared, date string, leave leaveKind) *morning {
	back, closeHelp := "quit", "close"
	switch leave {
	case leaveHome:
		back, closeHelp = "back", "home"
	case leaveBack:
		back, closeHelp = "back", "back"
	}
	m := &morning{sh: sh, keys: newLeaveKeys(back), night: date, leave: newLeaving(),
		closeKey: key.NewBinding(key.WithKeys("enter", "q", "esc"), key.WithHelp("enter", closeHelp))}
	if err := night.CheckDate(date); err != nil {
		m.loadErr = err
	}
	m.form = form.New(m.check, checkinFields(journal.Answers{}, nil)...)
	showLegItems(m.form)
	return m
}

// Init reads what the form starts from.
func (m *morning) Init() tea.Cmd {
	if m.loadErr != nil {
		return nil
	}
	j, date := m.sh.j, m.night
	return func() tea.Msg {
		d, err := j.DraftCheckin(context.Background(), date)
		return morningLoadedMsg{d, err}
	}
}

// check puts each problem at its field, as the journal finds them: what
// does not read, then the check-in's own rules once everything reads.
func (m *morning) check() {
	// The answers are checked against the suggestions, so a problem
	// shows at once; a suggestion itself is no answer until confirmed,
	// and the journal refuses it left out (see save).
	_, errs := m.sh.j.CheckCheckin(m.night, answers(m.form, true))
	for _, fl := range m.form.Fields() {
		fl.SetErr("")
		e := errs.Find(night.Field(fl.Key()))
		if fl.Suggested() && fl.Touched() {
			fl.SetErr("only suggested: enter keeps it, or type the time")
		}
		if e == nil || !fl.Touched() || fl.Suggested() {
			continue
		}
		msg := e.ScreenMsg()
		switch {
		case fl.Selected() < 0 && fl.IsChoice():
			how := "the first letter"
			if h := fl.PickHelp(); h != "" {
				how = h
			}
			msg = "choose one: ←/→, or type " + how
		case len(e.Readings) > 0:
			var opts []form.Option
			for _, r := range e.Readings {
				opts = append(opts, form.Option{Label: r.Label, ID: r.Answer})
			}
			fl.Ask(msg, opts)
			continue
		}
		fl.SetErr(msg)
	}
}

func (m *morning) Update(msg tea.Msg) (screen.Screen, tea.Cmd) {
	cmd := m.update(msg)
	if m.saved == nil {
		m.form.Fit(m.sh.Context, m.head(), m.status())
	}
	return m, cmd
}

func (m *morning) update(msg tea.Msg) tea.Cmd {
	if !m.loaded && m.loadErr == nil {
		switch k := msg.(type) {
		case tea.KeyPressMsg:
			if k.String() != "ctrl+c" {
				m.early = append(m.early, msg)
				return nil
			}
		case tea.PasteMsg:
			m.early = append(m.early, msg)
			return nil
		}
	}
	switch msg := msg.(type) {
	case morningLoadedMsg:
		m.editing, m.loadErr, m.loaded = msg.d.Editing, msg.err, true
		if !m.form.Dirty() { // never throw away what was typed meanwhile
			m.form = form.New(m.check, checkinFields(msg.d.Answers, msg.d.Suggested)...)
			showLegItems(m.form)
		}
		early := m.early
		m.early = nil
		cmds := make([]tea.Cmd, 0, len(early))
		for _, e := range early {
			cmds = append(cmds, m.update(e))
		}
		return tea.Batch(cmds...)
	case checkinSavedMsg:
		m.saving, m.saveErr = false, msg.err
		if msg.err == nil {
			m.saved = &msg.c
		}
		return nil
	}
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case m.saved != nil:
		if isKey && m.savedKeys.Key(k, m.keys.Help) {
			return nil
		}
		if isKey && key.Matches(k, m.keys.Quit) {
			return tea.Quit
		}
		if isKey && key.Matches(k, m.closeKey) {
			return screen.Pop
		}
		return nil
	case isKey && m.saving:
		return nil
	case isKey && m.leave.Asking():
		return m.leave.answer(k)
	case isKey && m.page.key(k, m.form, m.keys.Help):
		return nil
	case isKey && key.Matches(k, m.keys.Back):
		return m.leave.ask(m.form.Dirty(), "Leave without saving? What you entered here will be lost.", screen.Pop)
	case isKey && key.Matches(k, m.keys.Quit):
		return m.leave.ask(m.form.Dirty(), "Quit without saving? What you entered here will be lost.", tea.Quit)
	}
	act := m.form.Update(msg)
	showLegItems(m.form)
	if act == form.Submit {
		return m.save()
	}
	return nil
}

// save writes the check-in in the background, replacing the night's old
// one. A failed save keeps every answer on screen to try again.
func (m *morning) save() tea.Cmd {
	a := answers(m.form, false)
	if _, errs := m.sh.j.CheckCheckin(m.night, a); len(errs) > 0 {
		return nil
	}
	m.saving = true
	j, date := m.sh.j, m.night
	return func() tea.Msg {
		saved, err := j.SaveCheckin(context.Background(), date, a)
		return checkinSavedMsg{saved.Checkin, err}
	}
}
