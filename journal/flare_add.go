package journal

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
)

// freeSeconds is how many seconds on from now AddEvent looks for one
// with no flare-up yet, when no time was given: flare-ups noted in quick
// succession are each kept, a second or so apart, and never further on
// than the minute RecordEvent allows ahead of the clock.
const freeSeconds = 30

// errStopScan ends a scan of the records once it has found what it wants.
var errStopScan = errors.New("found")

// AddEvent records a new flare-up told on the command line, beginning at
// the clock time at ("02:10") in the night e.Night ("" for tonight, as
// PlaceEvent places it). Without at it began now, to the
// second, which is only for tonight; should another flare-up be recorded
// at that second already, the next free second is taken, so several noted
// at once are each kept. A flare-up already recorded at the time at is
// kept, and the new one refused naming --at: unlike RecordEvent, which a
// screen uses to save one flare-up again as it learns more, AddEvent never
// replaces anything. What was tried must be a measure of the toolkit (any
// band) or one already in the records, so a typing slip is not kept as a
// measure of its own.
func (j *Journal) AddEvent(ctx context.Context, e night.Event, at string) (night.Event, error) {
	if e.Night != "" {
		if err := night.CheckDate(e.Night); err != nil {
			return e, err
		}
	}
	if len(e.Tried) == 0 && e.Helped != "" {
		return e, &night.FieldError{Field: night.FieldHelped, Missing: true, Msg: "needs --tried: what was it that helped, or did not?"}
	}
	given := strings.TrimSpace(at) != ""
	switch {
	case given:
		t, err := j.PlaceEvent(e.Night, at)
		if err != nil {
			return e, err
		}
		e.At = t
	case e.Night != "" && e.Night != j.Tonight():
		return e, &night.FieldError{Field: night.FieldAt, Missing: true,
			Msg: fmt.Sprintf("is needed for a night before tonight (%s): when did it begin?", e.Night)}
	default:
		e.At = j.Now().Truncate(time.Second)
	}
	if err := j.checkTried(ctx, e.Tried); err != nil {
		return e, err
	}
	if err := j.checkEvent(&e); err != nil {
		return e, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	from := e.At
	for range freeSeconds {
		saved, added, err := j.st.AddEvent(ctx, e)
		switch {
		case err != nil:
			return e, fmt.Errorf("save flare-up: %w", err)
		case added:
			return saved, nil
		case given:
			return e, &night.FieldError{Field: night.FieldAt, Msg: fmt.Sprintf(
				"%s: a flare-up is already recorded at %s on the night of %s (severity %d); give another time",
				strings.TrimSpace(at), saved.At.Format("15:04"), saved.Night, saved.Severity)}
		}
		next := e.At.Add(time.Second)
		if e.Night != night.Of(next, j.set.Boundary) {
			break // the next second is another night's
		}
		e.At = next
	}
	return e, &night.FieldError{Field: night.FieldAt, Missing: true, Msg: fmt.Sprintf(
		"is needed: flare-ups are already recorded at every second from %s to %s; give the time this one began",
		from.Format("15:04:05"), e.At.Format("15:04:05"))}
}

// checkTried refuses a measure that is neither in the toolkit nor in the
// records, naming those that are.
func (j *Journal) checkTried(ctx context.Context, tried []night.Tried) error {
	known := j.set.Toolkit.IDs()
	var unknown []string
	for _, t := range tried {
		if !slices.Contains(known, t.ID) && !slices.Contains(unknown, t.ID) {
			unknown = append(unknown, t.ID)
		}
	}
	if len(unknown) == 0 {
		return nil
	}
	// Only a measure outside the toolkit costs a look through the records.
	ctx, cancel := bounded(ctx)
	defer cancel()
	err := j.st.EachNightBrief(ctx, func(r night.Record) error {
		for _, e := range r.Events {
			for _, t := range e.Tried {
				unknown = slices.DeleteFunc(unknown, func(id string) bool { return id == t.ID })
				if !slices.Contains(known, t.ID) {
					known = append(known, t.ID)
				}
			}
		}
		if len(unknown) == 0 {
			return errStopScan
		}
		return nil
	})
	if err != nil && !errors.Is(err, errStopScan) {
		return fmt.Errorf("read the measures recorded: %w", err)
	}
	if len(unknown) == 0 {
		return nil
	}
	list := "none yet"
	if len(known) > 0 {
		list = strings.Join(known, ", ")
	}
	return &night.FieldError{Field: night.FieldMeasure, Msg: fmt.Sprintf(
		"%q is not in your toolkit or your records; the measures known are: %s (add others under [toolkit] in your config file)",
		unknown[0], list)}
}
