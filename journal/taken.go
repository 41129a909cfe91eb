package journal

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
)

// Dose is what `took` records: a medicine or supplement in the person's
// own words, when they took it, and the night it is filed under.
type Dose struct {
	// Name and Amount are the person's own words ("iron", "65 mg"); an
	// empty Amount is not said.
	Name, Amount string
	// At is the clock time, HH:MM, read within the night as the check-in's
	// times are; "" is now, and is only for tonight.
	At string
	// Night is the night to file it under; "" is tonight.
	Night string
}

// Took records a dose, and returns it as saved with the checklist items
// it answered: those whose taken words are in its name, ticked on the
// night's evening log when its checklist was answered (a log left
// unanswered, or none, is not started by a dose: that would say the other
// items did not apply). Nothing about the medicine or the dose is judged.
func (j *Journal) Took(ctx context.Context, d Dose) (night.Dose, []string, error) {
	date := d.Night
	if date == "" {
		date = j.Tonight()
	}
	if err := j.checkNight(date); err != nil {
		return night.Dose{}, nil, err
	}
	dose := night.Dose{Night: date, Name: strings.TrimSpace(d.Name), Amount: strings.TrimSpace(d.Amount)}
	for _, w := range []struct {
		f night.Field
		s string
	}{{night.FieldTookName, dose.Name}, {night.FieldTookAmount, dose.Amount}} {
		if err := termsafe.Check(w.s, false); err != nil {
			return dose, nil, &night.FieldError{Field: w.f, Msg: err.Error()}
		}
	}
	at, err := j.doseTime(date, d.At)
	if err != nil {
		return dose, nil, err
	}
	dose.At = at
	if err := dose.Validate(); err != nil {
		return dose, nil, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	err = j.st.UpdateTaken(ctx, date, func(old []night.Dose) ([]night.Dose, error) {
		return insertByTime(old, dose), nil
	})
	if err != nil {
		return dose, nil, err
	}
	ticked, err := j.tickAnswered(ctx, date, []night.Dose{dose})
	if err != nil {
		return dose, nil, &TickError{Err: err}
	}
	return dose, ticked, nil
}

// TickError is a dose saved whose checklist items could not be ticked:
// the dose is recorded, so doing it again would record it twice.
type TickError struct{ Err error }

func (e *TickError) Error() string {
	return "saved, but the evening checklist could not be ticked: " + e.Err.Error()
}
func (e *TickError) Unwrap() error { return e.Err }

// insertByTime adds d to ds, kept in the order taken.
func insertByTime(ds []night.Dose, d night.Dose) []night.Dose {
	i := len(ds)
	for i > 0 && ds[i-1].At.After(d.At) {
		i--
	}
	return slices.Insert(ds, i, d)
}

// doseTime places a dose's clock time in the night date, as the check-in
// places getting into bed; "" is now, for tonight only. A time not yet
// come is refused.
func (j *Journal) doseTime(date, at string) (time.Time, error) {
	now := j.Now()
	if strings.TrimSpace(at) == "" {
		if date != j.Tonight() {
			return time.Time{}, &night.FieldError{Field: night.FieldTookAt, Missing: true,
				Msg: fmt.Sprintf("is needed for a night before tonight (%s): when did you take it?", date)}
		}
		return now.Truncate(time.Minute), nil
	}
	cl, w, err := night.ParseWhich(at)
	if err != nil {
		return time.Time{}, &night.FieldError{Field: night.FieldTookAt, Msg: err.Error()}
	}
	t, _, err := night.PlaceFirst(date, j.set.Boundary, now.Location(), cl, w)
	if err != nil {
		return time.Time{}, &night.FieldError{Field: night.FieldTookAt, Msg: err.Error()}
	}
	if t.After(now) {
		return time.Time{}, &night.FieldError{Field: night.FieldTookAt, Msg: fmt.Sprintf("%s has not happened yet (it is now %s)",
			t.Format("Mon 2 Jan 15:04"), now.Format("Mon 2 Jan 15:04"))}
	}
	return t, nil
}

// errNoLog stops an evening update that has nothing to tick.
var errNoLog = errors.New("no answered checklist")

// tickAnswered ticks, on the night's answered evening log, the checklist
// items the doses answer, and returns them.
func (j *Journal) tickAnswered(ctx context.Context, date string, ds []night.Dose) ([]string, error) {
	var ids []string
	for _, d := range ds {
		for _, id := range j.set.AnsweredBy(d.Name) {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	var ticked []string
	err := j.st.UpdateEvening(ctx, date, func(e night.Evening, had bool) (night.Evening, error) {
		if !had || e.ChecklistSkipped {
			return e, errNoLog
		}
		for _, id := range ids {
			if !slices.Contains(e.Tags, id) {
				e.Tags = append(e.Tags, id)
				ticked = append(ticked, id)
			}
		}
		if len(ticked) == 0 {
			return e, errNoLog
		}
		return e, nil
	})
	if errors.Is(err, errNoLog) {
		return nil, nil
	}
	return ticked, err
}

// KnownDoses are the different doses recorded on earlier nights, the
// latest first: what "Taken tonight" offers to tick again.
func (j *Journal) KnownDoses(ctx context.Context) ([]night.Dose, error) {
	ctx, cancel := bounded(ctx)
	defer cancel()
	return j.st.KnownDoses(ctx, MaxKnownDoses)
}

// MaxKnownDoses is how many earlier doses "Taken tonight" offers.
const MaxKnownDoses = 12

// ChangeTaken changes the doses of the night date as the evening form's
// "Taken tonight" list does: the doses in removed (unticked, matched by
// their words and instant) go, and those in added are taken now. Every
// other dose stored for the night stays, including any recorded by
// `quietlegs took` while the form was open. It ticks the checklist items
// the added ones answer on an answered log, as Took does.
func (j *Journal) ChangeTaken(ctx context.Context, date string, removed, added []night.Dose) error {
	if err := j.checkNight(date); err != nil {
		return err
	}
	for _, d := range added {
		if err := termsafe.Check(d.Name+d.Amount, false); err != nil {
			return &night.FieldError{Field: night.FieldTookName, Msg: err.Error()}
		}
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	now := j.Now().Truncate(time.Minute)
	stamped := make([]night.Dose, len(added))
	for i, d := range added {
		d.Night, d.At = date, now
		stamped[i] = d
	}
	err := j.st.UpdateTaken(ctx, date, func(old []night.Dose) ([]night.Dose, error) {
		out := make([]night.Dose, 0, len(old)+len(stamped))
		for _, d := range old {
			if !slices.ContainsFunc(removed, func(r night.Dose) bool { return sameDose(r, d) }) {
				out = append(out, d)
			}
		}
		for _, d := range stamped {
			out = insertByTime(out, d)
		}
		return out, nil
	})
	if err != nil {
		return err
	}
	if _, err := j.tickAnswered(ctx, date, stamped); err != nil {
		return &TickError{Err: err}
	}
	return nil
}

// sameDose reports whether a and b are one record: the same words at the
// same instant.
func sameDose(a, b night.Dose) bool {
	return a.Name == b.Name && a.Amount == b.Amount && a.At.Equal(b.At)
}

// checkLabDate refuses a lab date that is no date, naming --date.
func checkLabDate(date string) error {
	if err := night.CheckDate(date); err != nil {
		msg := err.Error()
		if es := night.AsFieldErrors(err); len(es) > 0 {
			msg = es[0].Msg
		}
		return &night.FieldError{Field: night.FieldLabDate, Msg: msg}
	}
	return nil
}

// DeleteLab deletes the iron results of date (a mistyped one), returning
// what was deleted; a date with none is refused, naming it.
func (j *Journal) DeleteLab(ctx context.Context, date string) (night.Lab, error) {
	if err := checkLabDate(date); err != nil {
		return night.Lab{}, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	l, had, err := j.st.DeleteLab(ctx, date)
	if err == nil && !had {
		err = &night.FieldError{Field: night.FieldLabDate, Msg: fmt.Sprintf("%s: there are no results of that date (see quietlegs labs)", date)}
	}
	return l, err
}

// thousands is a number with a comma before three digits ("1,200"): a
// thousands separator or a decimal comma, it cannot be told which.
var thousands = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)

// LabChange is what `labs add` gives: numbers as typed, nil when left out.
type LabChange struct {
	Date           string
	Ferritin, TSAT *string
	Note           *string
}

// AddLab saves a date's iron results; what is left out keeps the date's
// earlier results. It returns them as saved, and whether the date had
// some. quietlegs keeps them as given: no target values, no reading.
func (j *Journal) AddLab(ctx context.Context, ch LabChange) (night.Lab, bool, error) {
	if err := checkLabDate(ch.Date); err != nil {
		return night.Lab{}, false, err
	}
	if today := j.Now().Format(night.Layout); ch.Date > today {
		return night.Lab{}, false, &night.FieldError{Field: night.FieldLabDate, Msg: fmt.Sprintf("%s has not come yet (today is %s)", ch.Date, today)}
	}
	num := func(f night.Field, s *string, unit string) (*float64, error) {
		if s == nil || strings.TrimSpace(*s) == "" {
			return nil, nil
		}
		if thousands.MatchString(strings.TrimSpace(*s)) {
			return nil, &night.FieldError{Field: f, Msg: fmt.Sprintf("%q reads two ways: type 1200 for twelve hundred, or 1.2 (%s)", *s, unit)}
		}
		v, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(*s), ",", ".", 1), 64)
		if err != nil {
			return nil, &night.FieldError{Field: f, Msg: fmt.Sprintf("%q is not a number (%s)", *s, unit)}
		}
		return &v, nil
	}
	fer, err := num(night.FieldLabFerritin, ch.Ferritin, "µg/L")
	if err != nil {
		return night.Lab{}, false, err
	}
	tsat, err := num(night.FieldLabTSAT, ch.TSAT, "%")
	if err != nil {
		return night.Lab{}, false, err
	}
	if ch.Note != nil {
		if err := termsafe.Check(*ch.Note, false); err != nil {
			return night.Lab{}, false, &night.FieldError{Field: night.FieldNote, Msg: err.Error()}
		}
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	var saved night.Lab
	var existed bool
	err = j.st.UpdateLab(ctx, ch.Date, func(l night.Lab, had bool) (night.Lab, error) {
		existed = had
		if ch.Ferritin != nil {
			l.Ferritin = fer
		}
		if ch.TSAT != nil {
			l.TSAT = tsat
		}
		if ch.Note != nil {
			l.Note = strings.TrimSpace(*ch.Note)
		}
		saved = l
		return l, l.Validate()
	})
	return saved, existed, err
}

// Labs are every set of iron results, in date order.
func (j *Journal) Labs(ctx context.Context) ([]night.Lab, error) {
	ctx, cancel := bounded(ctx)
	defer cancel()
	return j.st.Labs(ctx)
}

// TakenOn are the doses filed under the night date, in the order taken.
func (j *Journal) TakenOn(ctx context.Context, date string) ([]night.Dose, error) {
	if err := night.CheckDate(date); err != nil {
		return nil, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	recs, err := j.st.Nights(ctx, date, date)
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return recs[0].Taken, nil
}

// SplitDose reads "iron 65 mg" as typed into one line: the name, then
// the amount from the first word that starts with a digit ("65 mg").
func SplitDose(s string) (name, amount string) {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && w[0] >= '0' && w[0] <= '9' {
			return strings.Join(words[:i], " "), strings.Join(words[i:], " ")
		}
	}
	return strings.Join(words, " "), ""
}
