package journal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/hook"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
)

// Answers are a check-in's or an evening log's answers as a person typed
// them, by field: clock times as HH:MM, counts and ratings as whole
// numbers, the onset as its id ("bedtime"). A field left out keeps the
// night's earlier answer; a field present but empty was left blank.
type Answers map[night.Field]string

// CheckinDraft is what the check-in form opens with.
type CheckinDraft struct {
	Night string
	// Answers hold every field the person has an answer for: the night's
	// own check-in when it has one. A new night has none of its own: it
	// holds only suggested times (Suggested), and no rating, count or note.
	Answers Answers
	// Suggested marks the answers that are only suggestions: the times of
	// the last check-in, getting into bed when the night's routine ended,
	// and the times got up from the night's flare-ups. A suggestion is not
	// an answer until the person confirms it; a form that sends it
	// unconfirmed sends nothing for it.
	Suggested map[night.Field]bool
	// Editing is set when the night has a check-in: saving replaces it.
	Editing bool
}

// DraftCheckin prepares the check-in of the night date. It prefills the
// night's own check-in when there is one. Otherwise it suggests times
// only: the last check-in's four times, with the time into bed taken from
// when this night's own routine ended, and the times got up from the
// night's flare-ups. Ratings and other counts start empty, so yesterday's
// answers are never recorded as today's. A part that cannot
// be read is left blank and its error returned along with the rest of the
// draft.
func (j *Journal) DraftCheckin(ctx context.Context, date string) (CheckinDraft, error) {
	d := CheckinDraft{Night: date, Answers: Answers{}}
	if err := night.CheckDate(date); err != nil {
		return d, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	c, ok, err1 := j.st.Checkin(ctx, date)
	if err1 == nil && ok {
		d.Editing = true
		d.Answers = AnswersOf(c)
		return d, nil
	}
	d.Suggested = map[night.Field]bool{}
	suggest := func(f night.Field, v string) {
		if v != "" {
			d.Answers[f], d.Suggested[f] = v, true
		}
	}
	last, ok, err2 := j.st.LatestCheckin(ctx)
	if err2 == nil && ok {
		prev := AnswersOf(last)
		for _, f := range night.ClockFields {
			suggest(f, prev[f])
		}
	}
	recs, err3 := j.st.Nights(ctx, date, date)
	if end := routineEnd(recs, date); !end.IsZero() {
		inBed := night.ClockOf(end.Round(time.Minute)).String()
		suggest(night.FieldInBed, inBed)
		if !j.inOrder(date, inBed, d.Answers[night.FieldTried]) {
			suggest(night.FieldTried, inBed)
		}
	}
	// Flare-ups recorded in the night suggest how often the legs got the
	// person up; only a suggestion, as the times are.
	for _, r := range recs {
		if n := night.SuggestedGotUp(r.Events); r.Night == date && n > 0 {
			suggest(night.FieldGotUp, strconv.Itoa(n))
		}
	}
	if err := errors.Join(err1, err2, err3); err != nil {
		return d, fmt.Errorf("could not read earlier answers: %w", err)
	}
	return d, nil
}

// routineEnd is when the last routine of the night date that ended
// ended, zero when none did.
func routineEnd(recs []night.Record, date string) time.Time {
	var end time.Time
	for _, r := range recs {
		if r.Night != date {
			continue
		}
		for _, run := range r.Runs {
			if run.EndedAt.After(end) {
				end = run.EndedAt
			}
		}
	}
	return end
}

// inOrder reports whether clock b can follow clock a in the night.
func (j *Journal) inOrder(date, a, b string) bool {
	ca, err1 := night.ParseClock(a)
	cb, err2 := night.ParseClock(b)
	if err1 != nil || err2 != nil {
		return false
	}
	ts, err := night.Resolve(date, j.set.Boundary, j.Now().Location(), ca, cb)
	return err == nil && ts[1].Sub(ts[0]) <= night.MaxGap
}

// AnswersOf is c's answers, every field, as a form shows them.
func AnswersOf(c night.Checkin) Answers {
	clock := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return night.ClockOf(t).String()
	}
	itoa := strconv.Itoa
	a := Answers{
		night.FieldInBed: clock(c.InBed), night.FieldTried: clock(c.TriedSleep),
		night.FieldFinal: clock(c.FinalWake), night.FieldOut: clock(c.OutOfBed),
		night.FieldLatency: itoa(c.LatencyMin), night.FieldAwakenings: itoa(c.Awakenings),
		night.FieldAwake: itoa(c.AwakeMin), night.FieldGotUp: itoa(c.GotUp),
		night.FieldQuality: itoa(c.Quality), night.FieldRested: itoa(c.Rested),
		night.FieldRLS: itoa(c.RLSSeverity), night.FieldOnset: string(c.Onset),
		night.FieldNote: c.Notes,
	}
	for f, v := range legAnswers(c) {
		a[f] = v
	}
	return a
}

// SavedCheckin is a check-in as saved, with its figures.
type SavedCheckin struct {
	Checkin night.Checkin
	Figures night.Figures
	// Updated is set when it replaced the night's earlier check-in.
	Updated bool
	// Notes say how an answer that read two ways was taken ("in-bed: 02:30
	// happened twice ..."), each naming its field, for the person to see.
	Notes []string
}

// SaveCheckin saves the check-in of the night date from answers, over the
// night's earlier check-in if there is one: answers left out keep their
// earlier values, and stored times not changed keep their instants. For a
// new night the four times and the two ratings are needed, and counts
// left out are 0, the onset none; the optional leg items left out (or
// given empty) are not said, never 0. A time that happened twice (the night
// the clocks went back) is read as the first, with a note.
//
// What does not read or does not add up comes back as night.FieldErrors,
// each naming its field, and nothing is written.
func (j *Journal) SaveCheckin(ctx context.Context, date string, a Answers) (SavedCheckin, error) {
	if err := j.checkNight(date); err != nil {
		return SavedCheckin{}, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	// Read, amend and write in one transaction: two check-ins of one night
	// saved at once (two windows, two commands) each keep their answers.
	var saved SavedCheckin
	err := j.st.UpdateCheckin(ctx, date, func(old night.Checkin, existed bool) (night.Checkin, error) {
		c, notes, errs := j.readCheckin(date, old, existed, a, false)
		if len(errs) == 0 {
			errs = j.happened(c)
		}
		if len(errs) > 0 {
			return c, errs
		}
		c.RecordedAt = j.Now()
		saved = SavedCheckin{Checkin: c, Figures: c.Figures(), Updated: existed, Notes: notes}
		return c, nil
	})
	if err != nil {
		return SavedCheckin{}, err
	}
	j.hooks.Run(hook.Checkin, checkinEnv(saved))
	return saved, nil
}

// checkinEnv is a saved check-in for its hook's environment.
func checkinEnv(s SavedCheckin) []string {
	return []string{
		"QUIETLEGS_NIGHT=" + s.Checkin.Night,
		"QUIETLEGS_SYMPTOMS=" + strconv.Itoa(s.Checkin.RLSSeverity),
		"QUIETLEGS_QUALITY=" + strconv.Itoa(s.Checkin.Quality),
		"QUIETLEGS_SE=" + strconv.FormatFloat(s.Figures.SE, 'f', 0, 64),
	}
}

// CheckCheckin reads a complete set of answers for the night date without
// saving them: the form calls it as the person types, to show each
// problem at its field. Where SaveCheckin takes an answer that reads two
// ways one way and says so, CheckCheckin asks: the error at the field is
// the question, with its Readings.
func (j *Journal) CheckCheckin(date string, a Answers) (night.Checkin, night.FieldErrors) {
	if err := j.checkNight(date); err != nil {
		return night.Checkin{}, night.AsFieldErrors(err)
	}
	c, _, errs := j.readCheckin(date, night.Checkin{}, false, a, true)
	if len(errs) == 0 {
		errs = j.happened(c)
	}
	return c, errs
}

// happened refuses a check-in whose final awakening or getting up has not
// happened yet: a morning is told once it is over.
func (j *Journal) happened(c night.Checkin) night.FieldErrors {
	now := j.Now()
	for _, t := range []struct {
		f    night.Field
		what string
		at   time.Time
	}{{night.FieldFinal, "final awakening", c.FinalWake}, {night.FieldOut, "getting up", c.OutOfBed}} {
		if t.at.After(now) {
			return night.FieldErrors{{Field: t.f, Msg: fmt.Sprintf("%s at %s has not happened yet (it is now %s)",
				t.what, t.at.Format("Mon 2 Jan 15:04"), now.Format("Mon 2 Jan 15:04"))}}
		}
	}
	return nil
}

// MaxTIB is the longest time in bed taken as typed: a longer night most
// likely has a time typed on the wrong half of the clock ("9:30" for 21:30).
const MaxTIB = 16 * time.Hour

// clockAnswers are the four clock answers as read, and what is known of
// them before they are placed in the night.
type clockAnswers struct {
	clocks [4]night.Clock
	which  [4]night.Which
	// keep marks the stored times that stand: not given, or given as they
	// were. old are the stored instants.
	keep [4]bool
	old  [4]time.Time
}

// place turns the clock answers into instants. Stored times kept stay as
// they are, offset and all. A changed time is placed next to its
// neighbours: after the one before it, or, before the first time kept,
// before the one after it. Placed times are read in the journal's zone
// when the stored ones agree with it, else in their neighbour's offset
// (a night saved in Los Angeles and edited in Tokyo stays in Los Angeles'
// time). A new night is placed from the night's date and the day
// boundary. twice marks the times that happened twice and were read as
// the first.
func (j *Journal) place(date string, ca clockAnswers) (ts [4]time.Time, twice [4]bool, ferr *night.FieldError) {
	loc := j.Now().Location()
	agree := true
	for _, t := range ca.old {
		_, o1 := t.Zone()
		_, o2 := t.In(loc).Zone()
		agree = agree && (t.IsZero() || o1 == o2)
	}
	zone := func(near time.Time) *time.Location {
		if agree || near.IsZero() {
			return loc
		}
		_, off := near.Zone()
		return time.FixedZone("", off)
	}
	first := slices.Index(ca.keep[:], true)
	set := func(i int, t time.Time, tw bool, e error) bool {
		ts[i], twice[i] = t, tw
		if e != nil {
			ferr = &night.FieldError{Field: night.ClockFields[i], Msg: e.Error()}
		}
		return e == nil
	}
	if first < 0 {
		t, tw, e := night.PlaceFirst(date, j.set.Boundary, zone(ca.old[0]), ca.clocks[0], ca.which[0])
		if !set(0, t, tw, e) {
			return ts, twice, ferr
		}
		first = 0
	} else {
		ts[first] = ca.old[first]
		for i := first - 1; i >= 0; i-- {
			t, tw, e := night.PlaceBefore(ts[i+1], zone(ts[i+1]), ca.clocks[i], ca.which[i])
			if !set(i, t, tw, e) {
				return ts, twice, ferr
			}
		}
	}
	for i := first + 1; i < len(ts); i++ {
		if ca.keep[i] {
			ts[i] = ca.old[i]
			continue
		}
		t, tw, e := night.PlaceAfter(ts[i-1], zone(ts[i-1]), ca.clocks[i], ca.which[i])
		if !set(i, t, tw, e) {
			return ts, twice, ferr
		}
	}
	return ts, twice, nil
}

// withTimes is c with the four times ts.
func withTimes(c night.Checkin, ts [4]time.Time) night.Checkin {
	c.InBed, c.TriedSleep, c.FinalWake, c.OutOfBed = ts[0], ts[1], ts[2], ts[3]
	return c
}

// plausibleTIB refuses a night of more than MaxTIB in bed. When reading
// one clock answer on the other half of the day gives a night that adds up,
// it names that answer and suggests the other reading; asked, it puts it
// as a question with both readings.
func (j *Journal) plausibleTIB(date string, c night.Checkin, ca clockAnswers, a Answers, ask bool) *night.FieldError {
	tib := c.OutOfBed.Sub(c.InBed)
	if tib <= MaxTIB {
		return nil
	}
	for i, f := range night.ClockFields {
		typed, given := a[f]
		other, ok := night.Other12(typed)
		if !given || !ok {
			continue
		}
		alt := ca
		alt.clocks[i], alt.keep[i] = other, false
		ts, _, ferr := j.place(date, alt)
		if ferr != nil {
			continue
		}
		try := withTimes(c, ts)
		if d := try.OutOfBed.Sub(try.InBed); d <= 0 || d > MaxTIB || try.ValidateTimes() != nil {
			continue
		}
		typed = strings.TrimSpace(typed)
		if !ask {
			return &night.FieldError{Field: f, Msg: fmt.Sprintf("%s gives %s in bed; did you mean %s?",
				typed, night.FormatMinutes(int(tib/time.Minute)), other)}
		}
		asTyped := ca.clocks[i]
		suffix, half := "am", "in the morning"
		if asTyped >= 12*60 {
			suffix, half = "pm", "in the afternoon"
			if asTyped >= 18*60 {
				half = "in the evening"
			}
		}
		h := int(asTyped) / 60 % 12
		if h == 0 {
			h = 12
		}
		readings := []night.Reading{
			{Label: typed + " " + half, Answer: fmt.Sprintf("%d:%02d%s", h, int(asTyped)%60, suffix)},
			{Label: other.String(), Answer: other.String()},
		}
		return &night.FieldError{Field: f, Msg: fmt.Sprintf("%s %s, or %s?", typed, half, other), Readings: readings}
	}
	return &night.FieldError{Field: night.FieldOut, Msg: fmt.Sprintf("%s in bed is more than %d hours: check the times",
		night.FormatMinutes(int(tib/time.Minute)), int(MaxTIB/time.Hour))}
}

// twiceError is the question, or the note, for a time that happened twice
// and was read as the first, at t.
func twiceError(f night.Field, c night.Clock, t time.Time, ask bool) *night.FieldError {
	offset := func(t time.Time) string {
		s := t.Format("-07:00")
		if t.IsDST() {
			s += ", summer time"
		}
		return s
	}
	second := t.Add(time.Hour)
	if occ := night.Occurrences(t.Year(), t.Month(), t.Day(), c, t.Location()); len(occ) == 2 {
		second = occ[1]
	}
	if !ask {
		return &night.FieldError{Field: f, Msg: fmt.Sprintf("%s happened twice that night (the clocks went back): read as the first, %s (%s); for the second, give \"%s second\"",
			c, c, offset(t), c)}
	}
	return &night.FieldError{Field: f, Msg: fmt.Sprintf("%s happened twice as the clocks went back: the first %s (%s), or the second (%s)?",
		c, c, offset(t), offset(second)), Readings: []night.Reading{
		{Label: fmt.Sprintf("the first %s (%s)", c, offset(t)), Answer: c.String() + " first"},
		{Label: fmt.Sprintf("the second (%s)", offset(second)), Answer: c.String() + " second"},
	}}
}

// countHints say what a count field wants, for its error message.
var countHints = map[night.Field]string{
	night.FieldLatency:    "whole minutes, e.g. 15",
	night.FieldAwakenings: "how many times, e.g. 2",
	night.FieldAwake:      "whole minutes, e.g. 20",
	night.FieldGotUp:      "how many times, e.g. 1",
	night.FieldQuality:    "a rating from 1 to 5",
	night.FieldRested:     "a rating from 1 to 5",
	night.FieldRLS:        "a rating from 0 to 10",
}

// readCheckin applies answers over old (the night's stored check-in when
// existed), reading each answer and then checking the whole. The times are
// checked as soon as all four read, whatever else is missing, so a form
// shows a time's problem at once. A time that happened twice is read as
// the first with a note, or, when ask is set, asked about as an error.
func (j *Journal) readCheckin(date string, old night.Checkin, existed bool, a Answers, ask bool) (night.Checkin, []string, night.FieldErrors) {
	var errs night.FieldErrors
	var notes []string
	c := old
	c.Night = date
	needed := func(f night.Field, why string) {
		errs = append(errs, &night.FieldError{Field: f, Missing: true,
			Msg: fmt.Sprintf("is needed for a new check-in (%s)", why)})
	}
	ca := clockAnswers{old: [4]time.Time{old.InBed, old.TriedSleep, old.FinalWake, old.OutOfBed}}
	if !existed {
		ca.old = [4]time.Time{}
	}
	clocksRead := true
	for i, f := range night.ClockFields {
		s, given := a[f]
		switch {
		case given:
			cl, w, err := night.ParseWhich(s)
			if err != nil {
				errs = append(errs, &night.FieldError{Field: f, Msg: err.Error()})
				clocksRead = false
			}
			ca.clocks[i], ca.which[i] = cl, w
			ca.keep[i] = existed && !ca.old[i].IsZero() && w == night.WhichUnsaid && cl == night.ClockOf(ca.old[i])
		case existed:
			ca.clocks[i], ca.keep[i] = night.ClockOf(ca.old[i]), true
		default:
			needed(f, "the night of "+date+" has none yet")
			clocksRead = false
		}
	}
	for _, n := range []struct {
		f   night.Field
		dst *int
	}{
		{night.FieldLatency, &c.LatencyMin}, {night.FieldAwakenings, &c.Awakenings},
		{night.FieldAwake, &c.AwakeMin}, {night.FieldQuality, &c.Quality}, {night.FieldRested, &c.Rested},
		{night.FieldRLS, &c.RLSSeverity}, {night.FieldGotUp, &c.GotUp},
	} {
		s, given := a[n.f]
		switch {
		case given:
			v, err := parseCount(s, countHints[n.f])
			if err != nil {
				errs = append(errs, &night.FieldError{Field: n.f, Msg: err.Error()})
			}
			*n.dst = v
		case !existed && (n.f == night.FieldQuality || n.f == night.FieldRested):
			needed(n.f, "1-5")
		}
	}
	switch o, given := a[night.FieldOnset]; {
	case given && o == "":
		errs = append(errs, &night.FieldError{Field: night.FieldOnset, Msg: "choose one"})
	case given:
		c.Onset = night.Onset(o)
	case !existed:
		c.Onset = night.OnsetNone
	}
	if note, given := a[night.FieldNote]; given {
		c.Notes = strings.TrimSpace(note)
		if err := termsafe.Check(c.Notes, true); err != nil {
			errs = append(errs, &night.FieldError{Field: night.FieldNote, Msg: err.Error()})
		}
	}
	if clocksRead {
		timeErrs := j.readTimes(date, &c, ca, a, ask, &notes)
		errs = append(errs, readLegItems(&c, a, len(timeErrs) == 0)...)
		// The minutes asleep and awake are checked against the times as
		// soon as both read and are in range.
		ranges := night.AsFieldErrors(c.ValidateRanges())
		if len(timeErrs) == 0 && errs.Find(night.FieldLatency) == nil && errs.Find(night.FieldAwake) == nil &&
			ranges.Find(night.FieldLatency) == nil && ranges.Find(night.FieldAwake) == nil {
			timeErrs = night.AsFieldErrors(c.ValidateWindow())
		}
		errs = append(errs, timeErrs...)
	} else {
		errs = append(errs, readLegItems(&c, a, false)...)
	}
	if len(errs) > 0 {
		return c, notes, sortFields(errs)
	}
	if err := c.Validate(); err != nil {
		return c, notes, night.AsFieldErrors(err)
	}
	if err := c.Consistent(); err != nil {
		return c, notes, night.AsFieldErrors(err)
	}
	return c, notes, nil
}

// readTimes places the four clock answers in the night and checks them
// alone: their order, a time that never happened or happened twice, and
// a night implausibly long.
func (j *Journal) readTimes(date string, c *night.Checkin, ca clockAnswers, a Answers, ask bool, notes *[]string) night.FieldErrors {
	ts, twice, ferr := j.place(date, ca)
	if ferr != nil {
		return night.FieldErrors{ferr}
	}
	*c = withTimes(*c, ts)
	if err := c.ValidateTimes(); err != nil {
		return night.AsFieldErrors(err)
	}
	if err := j.plausibleTIB(date, *c, ca, a, ask); err != nil {
		return night.FieldErrors{err}
	}
	var errs night.FieldErrors
	for i, f := range night.ClockFields {
		if !twice[i] {
			continue
		}
		e := twiceError(f, ca.clocks[i], ts[i], ask)
		if ask {
			errs = append(errs, e)
		} else {
			*notes = append(*notes, e.Error())
		}
	}
	return errs
}

// sortFields puts errors in the order the form asks its fields.
func sortFields(errs night.FieldErrors) night.FieldErrors {
	slices.SortStableFunc(errs, func(a, b *night.FieldError) int {
		return slices.Index(night.CheckinFields, a.Field) - slices.Index(night.CheckinFields, b.Field)
	})
	return errs
}

// parseCount reads a whole number typed into a field.
func parseCount(s, example string) (int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, errors.New("type a number (0 if none)")
	}
	n, err := strconv.Atoi(s)
	switch {
	case err == nil && n < 0:
		return 0, fmt.Errorf("%s is below 0: type %s", s, example)
	case err != nil || strings.ContainsAny(s, "+-"):
		return 0, fmt.Errorf("%q is not a number: type %s", s, example)
	}
	return n, nil
}
