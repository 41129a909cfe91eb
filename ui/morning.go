package ui

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/ui/form"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// timeKeys name the check-in's clock fields, in the order the night went.
func timeKeys() [4]string { return [4]string{"in-bed", "tried", "final", "out"} }

// answers are what the check-in form holds, as typed.
type answers struct {
	times                             [4]string // by timeKeys()
	latency, awakenings, awake, gotUp string
	quality, rested, rls, onset       int // option index, -1 unanswered
	notes                             string
}

func blankAnswers() answers { return answers{quality: -1, rested: -1, rls: -1, onset: -1} }

func answersOf(c night.Checkin) answers {
	clock := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return night.ClockOf(t).String()
	}
	return answers{
		times:   [4]string{clock(c.InBed), clock(c.TriedSleep), clock(c.FinalWake), clock(c.OutOfBed)},
		latency: strconv.Itoa(c.LatencyMin), awakenings: strconv.Itoa(c.Awakenings),
		awake: strconv.Itoa(c.AwakeMin), gotUp: strconv.Itoa(c.GotUp),
		quality: c.Quality - 1, rested: c.Rested - 1, rls: c.RLSSeverity,
		onset: slices.Index(night.Onsets, c.Onset), notes: c.Notes,
	}
}

// checkinFields are the Consensus Sleep Diary's core items in its order,
// in our own words, then our own leg items.
func checkinFields(a answers) []*form.Field {
	clock := func(i int, label string) *form.Field {
		f := form.NewText(timeKeys()[i], label, form.Clock, 5, a.times[i])
		f.Hint = "HH:MM"
		return f
	}
	count := func(key, label, unit, value string) *form.Field {
		f := form.NewText(key, label, form.Number, 4, value)
		f.Unit, f.Hint = unit, "a number"
		return f
	}
	labelled := func(labels ...string) []form.Option {
		var opts []form.Option
		for i, l := range labels {
			opts = append(opts, form.Option{Label: l, Short: strconv.Itoa(i + 1)})
		}
		return opts
	}
	var scale, onsets []form.Option
	for i := 0; i <= 10; i++ {
		scale = append(scale, form.Option{Label: strconv.Itoa(i), Short: strconv.Itoa(i)})
	}
	for _, o := range night.Onsets {
		onsets = append(onsets, form.Option{Label: o.Label()})
	}
	rls := form.NewChoice("rls", "Leg symptoms last night", scale, a.rls)
	rls.Section = "Your legs: our own questions, not a clinical score"
	notes := form.NewText("notes", "Notes", form.Text, noteMax, a.notes)
	notes.Hint = "optional"
	return []*form.Field{
		clock(0, "Got into bed"),
		clock(1, "Tried to go to sleep"),
		count("latency", "Minutes to fall asleep", "min", a.latency),
		count("awakenings", "Times you woke (not the last)", "times", a.awakenings),
		count("awake", "Minutes awake, all told", "min", a.awake),
		clock(2, "Woke for the last time"),
		clock(3, "Got out of bed"),
		form.NewChoice("quality", "Sleep quality", labelled("very poor", "poor", "fair", "good", "very good"), a.quality),
		form.NewChoice("rested", "How rested you feel", labelled("not at all", "slightly", "somewhat", "well-rested", "very well-rested"), a.rested),
		rls,
		form.NewChoice("onset", "Symptoms started", onsets, a.onset),
		count("got-up", "Got up because of your legs", "times", a.gotUp),
		notes,
	}
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
	a       answers
	editing bool
	err     error
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
	loc      *time.Location
	editing  bool // the night had a check-in: saving replaces it
	loadErr  error
	saveErr  error
	saving   bool
	saved    *night.Checkin // set once saved: the confirmation shows
	leave    screen.Confirm
	onYes    tea.Cmd
}

func newMorning(sh *shared, date string, leave leaveKind) *morning {
	back, closeHelp := "quit", "close"
	switch leave {
	case leaveHome:
		back, closeHelp = "back", "home"
	case leaveBack:
		back, closeHelp = "back", "back"
	}
	m := &morning{sh: sh, keys: newLeaveKeys(back), night: date, loc: sh.Now().Location(), leave: newLeaveConfirm(),
		closeKey: key.NewBinding(key.WithKeys("enter", "q", "esc"), key.WithHelp("enter", closeHelp))}
	if _, err := time.Parse(night.Layout, date); err != nil {
		m.loadErr = fmt.Errorf("night %q: want YYYY-MM-DD", date)
	}
	m.form = form.New(m.check, checkinFields(blankAnswers())...)
	return m
}

// Init reads what the form starts from.
func (m *morning) Init() tea.Cmd {
	d := m.sh.opts.Diary
	if d == nil || m.loadErr != nil {
		return nil
	}
	date, boundary, loc := m.night, m.sh.Boundary(), m.loc
	return func() tea.Msg {
		ctx, cancel := screen.StoreContext()
		defer cancel()
		return prefill(ctx, d, date, boundary, loc)
	}
}

// prefill is the night's own check-in to edit, if it has one; else the
// last check-in's times and numbers, with the time into bed taken from
// when this night's routine ended.
func prefill(ctx context.Context, d Diary, date string, boundary int, loc *time.Location) morningLoadedMsg {
	a := blankAnswers()
	c, ok, err1 := d.Checkin(ctx, date)
	if err1 == nil && ok {
		return morningLoadedMsg{a: answersOf(c), editing: true}
	}
	last, ok, err2 := d.LatestCheckin(ctx)
	if err2 == nil && ok {
		a = answersOf(last)
		a.notes = ""
	}
	s, ok, err3 := d.LatestSession(ctx)
	if err3 == nil && ok && s.Night == date && !s.EndedAt.IsZero() {
		a.times[0] = night.ClockOf(s.EndedAt.Round(time.Minute)).String()
		if !inOrder(date, boundary, loc, a.times[0], a.times[1]) {
			a.times[1] = a.times[0]
		}
	}
	var err error
	if e := errors.Join(err1, err2, err3); e != nil {
		err = fmt.Errorf("could not read earlier answers: %w", e)
	}
	return morningLoadedMsg{a: a, err: err}
}

// inOrder reports whether clock b can follow clock a in the night.
func inOrder(date string, boundary int, loc *time.Location, a, b string) bool {
	ca, err1 := night.ParseClock(a)
	cb, err2 := night.ParseClock(b)
	if err1 != nil || err2 != nil {
		return false
	}
	ts, err := night.Resolve(date, boundary, loc, ca, cb)
	return err == nil && ts[1].Sub(ts[0]) <= night.MaxGap
}

// read turns the form into a check-in, with a message for each field
// that does not read.
func (m *morning) read() (night.Checkin, map[string]string) {
	errs := map[string]string{}
	f := m.form.Field
	var clocks []night.Clock
	for _, k := range timeKeys() {
		c, err := night.ParseClock(f(k).Value())
		if err != nil {
			errs[k] = err.Error()
		}
		clocks = append(clocks, c)
	}
	count := func(k, example string) int {
		n, err := parseCount(f(k).Value(), example)
		if err != nil {
			errs[k] = err.Error()
		}
		return n
	}
	pick := func(k string) int {
		fl := f(k)
		if fl.Selected() < 0 {
			how := "the first letter"
			if h := fl.PickHelp(); h != "" {
				how = h
			}
			errs[k] = "choose one: ←/→, or type " + how
		}
		return fl.Selected()
	}
	c := night.Checkin{
		Night:       m.night,
		LatencyMin:  count("latency", "whole minutes, e.g. 15"),
		Awakenings:  count("awakenings", "how many times, e.g. 2"),
		AwakeMin:    count("awake", "whole minutes, e.g. 20"),
		Quality:     pick("quality") + 1,
		Rested:      pick("rested") + 1,
		RLSSeverity: pick("rls"),
		GotUp:       count("got-up", "how many times, e.g. 1"),
		Notes:       strings.TrimSpace(f("notes").Value()),
	}
	if o := pick("onset"); o >= 0 {
		c.Onset = night.Onsets[o]
	}
	if len(errs) == 0 {
		ts, err := night.Resolve(m.night, m.sh.Boundary(), m.loc, clocks...)
		if err != nil {
			errs["in-bed"] = err.Error()
		} else {
			c.InBed, c.TriedSleep, c.FinalWake, c.OutOfBed = ts[0], ts[1], ts[2], ts[3]
		}
	}
	return c, errs
}

// parseCount reads a whole number typed into a field.
func parseCount(s, example string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("type a number (0 if none)")
	}
	n, err := strconv.Atoi(s)
	if err != nil || strings.ContainsAny(s, "+-") {
		return 0, fmt.Errorf("%q is not a number: type %s", s, example)
	}
	return n, nil
}

// check puts each problem at its field: what does not read, then the
// check-in's own rules (night.Checkin.Validate), once everything reads.
func (m *morning) check() {
	c, errs := m.read()
	if len(errs) == 0 {
		var fe *night.FieldError
		if err := c.Validate(); errors.As(err, &fe) && m.form.Field(fe.Field) != nil {
			errs[fe.Field] = fe.Msg
		} else if err != nil {
			errs["notes"] = err.Error() // not expected: every field is on the form
		}
	}
	for _, fl := range m.form.Fields() {
		fl.SetErr("")
		if msg, ok := errs[fl.Key()]; ok && fl.Touched() {
			fl.SetErr(msg)
		}
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
	switch msg := msg.(type) {
	case morningLoadedMsg:
		m.editing, m.loadErr = msg.editing, msg.err
		if !m.form.Dirty() { // never throw away what was typed meanwhile
			m.form = form.New(m.check, checkinFields(msg.a)...)
		}
		return nil
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
		switch m.leave.Update(k) {
		case screen.Quit:
			return tea.Quit
		case screen.Yes:
			return m.onYes
		}
		return nil
	case isKey && key.Matches(k, m.keys.Back):
		return m.ask("Leave without saving? What you entered here will be lost.", screen.Pop)
	case isKey && key.Matches(k, m.keys.Quit):
		return m.ask("Quit without saving? What you entered here will be lost.", tea.Quit)
	}
	if m.form.Update(msg) == form.Submit {
		return m.save()
	}
	return nil
}

// ask does cmd at once when nothing was entered, else asks first.
func (m *morning) ask(question string, cmd tea.Cmd) tea.Cmd {
	if !m.form.Dirty() {
		return cmd
	}
	m.leave.Ask(question)
	m.onYes = cmd
	return nil
}

// save writes the check-in in the background, replacing the night's old
// one. A failed save keeps every answer on screen to try again.
func (m *morning) save() tea.Cmd {
	c, errs := m.read()
	if len(errs) > 0 {
		return nil
	}
	c.RecordedAt = m.sh.Now()
	d := m.sh.opts.Diary
	if d == nil {
		m.saveErr, m.saved = nil, &c
		return nil
	}
	m.saving = true
	return func() tea.Msg {
		ctx, cancel := screen.StoreContext()
		defer cancel()
		return checkinSavedMsg{c, d.SaveCheckin(ctx, c)}
	}
}
