package journal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/termsafe"
)

// DraftEvening reads the evening log of the night date, to edit; ok is
// false when the night has none yet.
func (j *Journal) DraftEvening(ctx context.Context, date string) (e night.Evening, ok bool, err error) {
	if err := night.CheckDate(date); err != nil {
		return night.Evening{Night: date}, false, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	e, ok, err = j.st.Evening(ctx, date)
	if !ok {
		e = night.Evening{Night: date}
	}
	return e, ok, err
}

// SaveEvening saves e as the whole evening log of its night, replacing any
// earlier one: what the evening form does. Its time is now. Tags must be
// on the checklist, or already on the night's log (an item since taken off
// the checklist stays readable and savable).
func (j *Journal) SaveEvening(ctx context.Context, e night.Evening) error {
	if err := j.checkNight(e.Night); err != nil {
		return err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	return j.st.UpdateEvening(ctx, e.Night, func(old night.Evening, _ bool) (night.Evening, error) {
		if err := j.checkBedding(e.Bedding, old.Bedding); err != nil {
			return e, err
		}
		return j.readyEvening(e, old.Tags)
	})
}

// readyEvening checks e's tags against the checklist and kept, and stamps
// it with now, for saving.
func (j *Journal) readyEvening(e night.Evening, kept []string) (night.Evening, error) {
	if err := j.checkTags(night.FieldTag, e.Tags, kept); err != nil {
		return e, err
	}
	if err := termsafe.Check(e.Note, true); err != nil {
		return e, &night.FieldError{Field: night.FieldNote, Msg: err.Error()}
	}
	e.At = j.Now()
	if err := e.Validate(); err != nil {
		return e, err
	}
	return e, nil
}

// EveningChange amends an evening log, as the command line does: what is
// left nil or empty keeps its earlier value.
type EveningChange struct {
	// Night is the night to amend; "" is tonight.
	Night string
	// Symptoms, when set, replaces the rating of the legs right now.
	Symptoms *int
	// Tag adds checklist items; Untag takes them off.
	Tag, Untag []string
	// None says none of the checklist applied: the checklist is answered
	// with nothing ticked. A new log with no Tag and no None leaves the
	// checklist unanswered; an earlier answer is kept unless Tag, Untag or
	// None answers it again.
	None bool
	// Note, when set, replaces the note; an empty one clears it.
	Note *string
	// RoomTemp, when set, replaces the bedroom's temperature, typed in
	// the unit of the settings (a trailing C or F overrides it); an empty
	// one clears it.
	RoomTemp *string
	// Bedding, when set, replaces the bedding (an id from the bedding
	// list); an empty one clears it.
	Bedding *string
}

// ErrNothingToSave is an evening change that says nothing: saving it
// would start an empty log, or only move the time of one.
var ErrNothingToSave = errors.New("nothing to save")

func (ch EveningChange) empty() bool {
	return ch.Symptoms == nil && len(ch.Tag) == 0 && len(ch.Untag) == 0 && !ch.None &&
		ch.Note == nil && ch.RoomTemp == nil && ch.Bedding == nil
}

// AmendEvening applies ch to the night's evening log, or starts one, and
// saves it; a change that says nothing is refused (ErrNothingToSave). It returns the log as saved and whether the night had one.
func (j *Journal) AmendEvening(ctx context.Context, ch EveningChange) (night.Evening, bool, error) {
	date := ch.Night
	if date == "" {
		date = j.Tonight()
	}
	if err := j.checkNight(date); err != nil {
		return night.Evening{Night: date}, false, err
	}
	if ch.empty() {
		return night.Evening{Night: date}, false, ErrNothingToSave
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	// Read, amend and write in one transaction, so that two amendments of
	// one night made at once (say --tag caffeine and --symptoms 6) both
	// stay.
	var (
		saved   night.Evening
		existed bool
	)
	err := j.st.UpdateEvening(ctx, date, func(e night.Evening, had bool) (night.Evening, error) {
		existed = had
		var err error
		saved, err = j.amend(e, had, ch, date)
		return saved, err
	})
	return saved, existed, err
}

// amend applies ch to e, the night date's log as stored, and readies it
// for saving.
func (j *Journal) amend(e night.Evening, had bool, ch EveningChange, date string) (night.Evening, error) {
	kept := e.Tags
	if ch.Symptoms != nil {
		v := *ch.Symptoms
		e.Symptoms = &v
	}
	for _, t := range ch.Untag {
		if !slices.Contains(e.Tags, t) && !slices.Contains(ch.Tag, t) {
			return e, &night.FieldError{Field: night.FieldUntag,
				Msg: fmt.Sprintf("%q is not on the log of the night of %s (%s)", t, date, listOrNone(e.Tags))}
		}
	}
	tags := slices.Clone(e.Tags)
	for _, t := range ch.Tag {
		if !slices.Contains(tags, t) {
			tags = append(tags, t)
		}
	}
	e.Tags = slices.DeleteFunc(tags, func(t string) bool { return slices.Contains(ch.Untag, t) })
	switch {
	case ch.None && len(e.Tags) > 0:
		return e, &night.FieldError{Field: night.FieldNone,
			Msg: fmt.Sprintf("says none of the checklist applied, but the log has %s", strings.Join(e.Tags, ", "))}
	case ch.None || len(ch.Tag) > 0 || len(ch.Untag) > 0:
		e.ChecklistSkipped = false
	case !had:
		e.ChecklistSkipped = true // a log of symptoms or a note alone
	}
	if ch.Note != nil {
		e.Note = *ch.Note
	}
	if err := j.amendRoom(&e, ch); err != nil {
		return e, err
	}
	if err := j.checkTags(night.FieldTag, ch.Tag, kept); err != nil {
		return e, err
	}
	return j.readyEvening(e, kept)
}

// checkTags refuses a tag that is neither on the checklist nor in kept.
func (j *Journal) checkTags(f night.Field, tags, kept []string) error {
	for _, t := range tags {
		if slices.Contains(kept, t) || slices.ContainsFunc(j.set.Checklist, func(it night.Item) bool { return it.ID == t }) {
			continue
		}
		ids := make([]string, len(j.set.Checklist))
		for i, it := range j.set.Checklist {
			ids[i] = it.ID
		}
		return &night.FieldError{Field: f, Msg: fmt.Sprintf("%q is not on your checklist (%s)", t, listOrNone(ids))}
	}
	return nil
}

func listOrNone(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}

// amendRoom applies the room items of ch to e.
func (j *Journal) amendRoom(e *night.Evening, ch EveningChange) error {
	if ch.RoomTemp != nil {
		if strings.TrimSpace(*ch.RoomTemp) == "" {
			e.RoomTempC = nil
		} else {
			c, err := night.ParseTemp(*ch.RoomTemp, j.set.TempUnit)
			if err != nil {
				return &night.FieldError{Field: night.FieldRoomTemp, Msg: err.Error()}
			}
			e.RoomTempC = &c
		}
	}
	if ch.Bedding != nil {
		b := strings.TrimSpace(*ch.Bedding)
		if err := j.checkBedding(b, e.Bedding); err != nil {
			return err
		}
		e.Bedding = b
	}
	return nil
}

// checkBedding refuses a bedding id neither on the bedding list nor kept
// from the night's log.
func (j *Journal) checkBedding(id, kept string) error {
	if id == "" || id == kept || slices.ContainsFunc(j.set.Bedding, func(it night.Item) bool { return it.ID == id }) {
		return nil
	}
	ids := make([]string, len(j.set.Bedding))
	for i, it := range j.set.Bedding {
		ids[i] = it.ID
	}
	return &night.FieldError{Field: night.FieldBedding, Msg: fmt.Sprintf("%q is not on your bedding list (%s)", id, listOrNone(ids))}
}
