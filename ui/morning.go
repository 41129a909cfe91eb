package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/night"
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
func checkinFields(a answers) []*field {
	clock := func(i int, label string) *field {
		f := newTextField(timeKeys()[i], label, clockKind, 5, a.times[i])
		f.hint = "HH:MM"
		return f
	}
	count := func(key, label, unit, value string) *field {
		f := newTextField(key, label, numberKind, 4, value)
		f.unit, f.hint = unit, "a number"
		return f
	}
	labelled := func(labels ...string) []option {
		var opts []option
		for i, l := range labels {
			opts = append(opts, option{label: l, short: strconv.Itoa(i + 1)})
		}
		return opts
	}
	var scale, onsets []option
	for i := 0; i <= 10; i++ {
		scale = append(scale, option{label: strconv.Itoa(i), short: strconv.Itoa(i)})
	}
	for _, o := range night.Onsets {
		onsets = append(onsets, option{label: o.Label()})
	}
	rls := newChoiceField("rls", "Leg symptoms last night", scale, a.rls)
	rls.section = "Your legs: our own questions, not a clinical score"
	notes := newTextField("notes", "Notes", textKind, noteMax, a.notes)
	notes.hint = "optional"
	return []*field{
		clock(0, "Got into bed"),
		clock(1, "Tried to go to sleep"),
		count("latency", "Minutes to fall asleep", "min", a.latency),
		count("awakenings", "Times you woke (not the last)", "times", a.awakenings),
		count("awake", "Minutes awake, all told", "min", a.awake),
		clock(2, "Woke for the last time"),
		clock(3, "Got out of bed"),
		newChoiceField("quality", "Sleep quality", labelled("very poor", "poor", "fair", "good", "very good"), a.quality),
		newChoiceField("rested", "How rested you feel", labelled("not at all", "slightly", "somewhat", "well-rested", "very well-rested"), a.rested),
		rls,
		newChoiceField("onset", "Symptoms started", onsets, a.onset),
		count("got-up", "Got up because of your legs", "times", a.gotUp),
		notes,
	}
}

// morning is the check-in for one night: a form, then what it adds up to.
type morning struct {
	sh       *shared
	form     *form
	keys     leaveKeys
	closeKey key.Binding
	night    string
	loc      *time.Location
	editing  bool // the night had a check-in: saving replaces it
	fromHome bool
	// onLeave, when set, is where leaving goes instead of home or quit.
	onLeave tea.Cmd
	loadErr error
	saveErr error
	saved   *night.Checkin // set once saved: the confirmation shows
	ask     *asking
}

func newMorning(sh *shared, date string, fromHome bool) *morning {
	back, closeHelp := "quit", "close"
	if fromHome {
		back, closeHelp = "back", "home"
	}
	m := &morning{sh: sh, keys: newLeaveKeys(back), night: date, loc: sh.now().Location(), fromHome: fromHome,
		closeKey: key.NewBinding(key.WithKeys("enter", "q", "esc"), key.WithHelp("enter", closeHelp))}
	m.form = newForm(m.check, checkinFields(m.prefill())...)
	return m
}

// prefill is the night's own check-in to edit, if it has one; else the
// last check-in's times and numbers, with the time into bed taken from
// when this night's routine ended.
func (m *morning) prefill() answers {
	a := blankAnswers()
	if _, err := time.Parse(night.Layout, m.night); err != nil {
		m.loadErr = fmt.Errorf("night %q: want YYYY-MM-DD", m.night)
		return a
	}
	d := m.sh.opts.Diary
	if d == nil {
		return a
	}
	ctx, cancel := diaryCtx()
	defer cancel()
	c, ok, err1 := d.Checkin(ctx, m.night)
	if err1 == nil && ok {
		m.editing = true
		return answersOf(c)
	}
	last, ok, err2 := d.LatestCheckin(ctx)
	if err2 == nil && ok {
		a = answersOf(last)
		a.notes = ""
	}
	s, ok, err3 := d.LatestSession(ctx)
	if err3 == nil && ok && s.Night == m.night && !s.EndedAt.IsZero() {
		a.times[0] = night.ClockOf(s.EndedAt.Round(time.Minute)).String()
		if !m.inOrder(a.times[0], a.times[1]) {
			a.times[1] = a.times[0]
		}
	}
	if err := errors.Join(err1, err2, err3); err != nil {
		m.loadErr = fmt.Errorf("could not read earlier answers: %w", err)
	}
	return a
}

// inOrder reports whether clock b can follow clock a in the night.
func (m *morning) inOrder(a, b string) bool {
	ca, err1 := night.ParseClock(a)
	cb, err2 := night.ParseClock(b)
	if err1 != nil || err2 != nil {
		return false
	}
	ts, err := night.Resolve(m.night, m.sh.boundary(), m.loc, ca, cb)
	return err == nil && ts[1].Sub(ts[0]) <= night.MaxGap
}

// read turns the form into a check-in, with a message for each field
// that does not read.
func (m *morning) read() (night.Checkin, map[string]string) {
	errs := map[string]string{}
	f := m.form.field
	var clocks []night.Clock
	for _, k := range timeKeys() {
		c, err := night.ParseClock(f(k).value())
		if err != nil {
			errs[k] = err.Error()
		}
		clocks = append(clocks, c)
	}
	count := func(k, example string) int {
		n, err := parseCount(f(k).value(), example)
		if err != nil {
			errs[k] = err.Error()
		}
		return n
	}
	pick := func(k string) int {
		fl := f(k)
		if fl.sel < 0 {
			how := "the first letter"
			if h := fl.pickHelp(); h != "" {
				how = h
			}
			errs[k] = "choose one: ←/→, or type " + how
		}
		return fl.sel
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
		Notes:       strings.TrimSpace(f("notes").value()),
	}
	if o := pick("onset"); o >= 0 {
		c.Onset = night.Onsets[o]
	}
	if len(errs) == 0 {
		ts, err := night.Resolve(m.night, m.sh.boundary(), m.loc, clocks...)
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
		if err := c.Validate(); errors.As(err, &fe) && m.form.field(fe.Field) != nil {
			errs[fe.Field] = fe.Msg
		} else if err != nil {
			errs["notes"] = err.Error() // not expected: every field is on the form
		}
	}
	for _, fl := range m.form.fields {
		fl.err = ""
		if msg, ok := errs[fl.key]; ok && fl.touched {
			fl.err = msg
		}
	}
}

func (m *morning) Init() tea.Cmd { return nil }

func (m *morning) Update(msg tea.Msg) (screen, tea.Cmd) {
	k, isKey := msg.(tea.KeyPressMsg)
	switch {
	case m.saved != nil:
		if isKey && key.Matches(k, m.keys.Quit) {
			return m, tea.Quit
		}
		if isKey && key.Matches(k, m.closeKey) {
			return m, m.leaveCmd()
		}
		return m, nil
	case isKey && m.ask != nil:
		switch {
		case key.Matches(k, m.keys.Quit):
			return m, tea.Quit
		case key.Matches(k, m.keys.Yes):
			return m, m.ask.yes
		case key.Matches(k, m.keys.No):
			m.ask = nil
		}
		return m, nil
	case isKey && key.Matches(k, m.keys.Back):
		return m, m.leave("Leave without saving? What you entered here will be lost.", m.leaveCmd())
	case isKey && key.Matches(k, m.keys.Quit):
		return m, m.leave("Quit without saving? What you entered here will be lost.", tea.Quit)
	}
	if m.form.update(msg) == formSubmit {
		m.save()
	}
	return m, nil
}

// returnTo makes leaving the form, saved or not, run back: to the
// history a night's check-in was opened from.
func (m *morning) returnTo(back tea.Cmd) {
	m.onLeave = back
	m.keys = newLeaveKeys("back")
	m.closeKey = key.NewBinding(key.WithKeys("enter", "q", "esc"), key.WithHelp("enter", "back"))
}

// leaveCmd goes home, or ends the program when it opened on the check-in.
func (m *morning) leaveCmd() tea.Cmd {
	if m.onLeave != nil {
		return m.onLeave
	}
	if m.fromHome {
		return openHome
	}
	return tea.Quit
}

func (m *morning) leave(question string, cmd tea.Cmd) tea.Cmd {
	if !m.form.dirty {
		return cmd
	}
	m.ask = &asking{question, cmd}
	return nil
}

// save writes the check-in, replacing the night's old one. A failed save
// keeps every answer on screen to try again.
func (m *morning) save() {
	c, errs := m.read()
	if len(errs) > 0 {
		return
	}
	c.RecordedAt = m.sh.now()
	if d := m.sh.opts.Diary; d != nil {
		ctx, cancel := diaryCtx()
		defer cancel()
		if err := d.SaveCheckin(ctx, c); err != nil {
			m.saveErr = err
			return
		}
	}
	m.saveErr = nil
	m.saved = &c
}
