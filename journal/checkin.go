package journal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

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
	// own check-in when it has one, else suggestions from the last
	// check-in and from tonight's routine.
	Answers Answers
	// Editing is set when the night has a check-in: saving replaces it.
	Editing bool
}

// DraftCheckin prepares the check-in of the night date. It prefills the
// night's own check-in when there is one. Otherwise it suggests the last
// check-in's answers (not its note), with the time into bed taken from when
// this night's routine ended. A part that cannot be read is left blank and
// its error returned along with the rest of the draft.
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
	last, ok, err2 := j.st.LatestCheckin(ctx)
	if err2 == nil && ok {
		d.Answers = AnswersOf(last)
		d.Answers[night.FieldNote] = ""
	}
	r, ok, err3 := j.st.LatestRun(ctx)
	if err3 == nil && ok && r.Night == date && !r.EndedAt.IsZero() {
		inBed := night.ClockOf(r.EndedAt.Round(time.Minute)).String()
		d.Answers[night.FieldInBed] = inBed
		if !j.inOrder(date, inBed, d.Answers[night.FieldTried]) {
			d.Answers[night.FieldTried] = inBed
		}
	}
	if err := errors.Join(err1, err2, err3); err != nil {
		return d, fmt.Errorf("could not read earlier answers: %w", err)
	}
	return d, nil
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
	return Answers{
		night.FieldInBed: clock(c.InBed), night.FieldTried: clock(c.TriedSleep),
		night.FieldFinal: clock(c.FinalWake), night.FieldOut: clock(c.OutOfBed),
		night.FieldLatency: itoa(c.LatencyMin), night.FieldAwakenings: itoa(c.Awakenings),
		night.FieldAwake: itoa(c.AwakeMin), night.FieldGotUp: itoa(c.GotUp),
		night.FieldQuality: itoa(c.Quality), night.FieldRested: itoa(c.Rested),
		night.FieldRLS: itoa(c.RLSSeverity), night.FieldOnset: string(c.Onset),
		night.FieldNote: c.Notes,
	}
}

// SavedCheckin is a check-in as saved, with its figures.
type SavedCheckin struct {
	Checkin night.Checkin
	Figures night.Figures
	// Updated is set when it replaced the night's earlier check-in.
	Updated bool
}

// SaveCheckin saves the check-in of the night date from answers, over the
// night's earlier check-in if there is one: answers left out keep their
// earlier values. For a new night the four times and the two ratings are
// needed, and counts left out are 0, the onset none.
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
		c, errs := j.readCheckin(date, old, existed, a)
		if len(errs) == 0 {
			errs = j.happened(c)
		}
		if len(errs) > 0 {
			return c, errs
		}
		c.RecordedAt = j.Now()
		saved = SavedCheckin{Checkin: c, Figures: c.Figures(), Updated: existed}
		return c, nil
	})
	if err != nil {
		return SavedCheckin{}, err
	}
	return saved, nil
}

// CheckCheckin reads a complete set of answers for the night date without
// saving them: the form calls it as the person types, to show each
// problem at its field.
func (j *Journal) CheckCheckin(date string, a Answers) (night.Checkin, night.FieldErrors) {
	if err := j.checkNight(date); err != nil {
		return night.Checkin{}, night.AsFieldErrors(err)
	}
	c, errs := j.readCheckin(date, night.Checkin{}, false, a)
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

// plausibleTIB refuses a night of more than MaxTIB in bed. When reading
// one clock answer on the other half of the day gives a night that adds up,
// it names that answer and suggests the other reading.
func (j *Journal) plausibleTIB(date string, c night.Checkin, clocks [4]night.Clock, a Answers) *night.FieldError {
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
		alt := clocks
		alt[i] = other
		ts, err := night.Resolve(date, j.set.Boundary, j.Now().Location(), alt[:]...)
		if err != nil {
			continue
		}
		try := c
		try.InBed, try.TriedSleep, try.FinalWake, try.OutOfBed = ts[0], ts[1], ts[2], ts[3]
		if d := try.OutOfBed.Sub(try.InBed); d > 0 && d <= MaxTIB && try.Validate() == nil {
			return &night.FieldError{Field: f, Msg: fmt.Sprintf("%s gives %s in bed; did you mean %s?",
				strings.TrimSpace(typed), night.FormatMinutes(int(tib/time.Minute)), other)}
		}
	}
	return &night.FieldError{Field: night.FieldOut, Msg: fmt.Sprintf("%s in bed is more than %d hours: check the times",
		night.FormatMinutes(int(tib/time.Minute)), int(MaxTIB/time.Hour))}
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
// existed), reading each answer and then checking the whole.
func (j *Journal) readCheckin(date string, old night.Checkin, existed bool, a Answers) (night.Checkin, night.FieldErrors) {
	var errs night.FieldErrors
	c := old
	c.Night = date
	needed := func(f night.Field, why string) {
		errs = append(errs, &night.FieldError{Field: f, Missing: true,
			Msg: fmt.Sprintf("is needed for a new check-in (%s)", why)})
	}
	oldTimes := [4]time.Time{old.InBed, old.TriedSleep, old.FinalWake, old.OutOfBed}
	var clocks [4]night.Clock
	for i, f := range night.ClockFields {
		s, given := a[f]
		switch {
		case given:
			cl, err := night.ParseClock(s)
			if err != nil {
				errs = append(errs, &night.FieldError{Field: f, Msg: err.Error()})
			}
			clocks[i] = cl
		case existed:
			clocks[i] = night.ClockOf(oldTimes[i])
		default:
			needed(f, "the night of "+date+" has none yet")
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
	if len(errs) > 0 {
		return c, sortFields(errs)
	}
	ts, err := night.Resolve(date, j.set.Boundary, j.Now().Location(), clocks[:]...)
	if err != nil {
		return c, night.FieldErrors{{Field: night.FieldNight, Msg: err.Error()}}
	}
	c.InBed, c.TriedSleep, c.FinalWake, c.OutOfBed = ts[0], ts[1], ts[2], ts[3]
	if err := c.Validate(); err != nil {
		return c, night.AsFieldErrors(err)
	}
	if err := j.plausibleTIB(date, c, clocks, a); err != nil {
		return c, night.FieldErrors{err}
	}
	if err := c.Consistent(); err != nil {
		return c, night.AsFieldErrors(err)
	}
	return c, nil
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
	if err != nil || strings.ContainsAny(s, "+-") {
		return 0, fmt.Errorf("%q is not a number: type %s", s, example)
	}
	return n, nil
}
