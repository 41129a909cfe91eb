package journal

import (
	"context"
	"fmt"
	"strings"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Part is what of a night a delete removes: all of it (AllParts), or one
// part. The names are the command line's --only values.
type Part string

const (
	AllParts    Part = ""
	EveningPart Part = "evening" // the evening log, with its ticked items
	CheckinPart Part = "checkin" // the morning check-in
	RunsPart    Part = "runs"    // every routine run, with its steps
)

// FieldOnly is where a bad part is reported: the --only flag.
const FieldOnly night.Field = "only"

// ParsePart reads a part's name; "" is every part.
func ParsePart(s string) (Part, error) {
	switch p := Part(s); p {
	case AllParts, EveningPart, CheckinPart, RunsPart:
		return p, nil
	}
	return "", &night.FieldError{Field: FieldOnly, Msg: fmt.Sprintf("%q: want evening, checkin or runs", s)}
}

// Has reports whether deleting p removes part q (one of the three parts).
func (p Part) Has(q Part) bool { return p == AllParts || p == q }

// Deletion is what is filed under a night that a delete removes: the
// parts that exist, nil or empty for the rest.
type Deletion struct {
	Night   string
	Evening *night.Evening
	Checkin *night.Checkin
	Runs    []night.Run
	// Events are the night's flare-ups, deleted with all of it only.
	Events []night.Event
	// Taken are the night's doses, deleted with the evening part (its
	// "Taken tonight" list).
	Taken []night.Dose
}

// Empty reports whether there is nothing to delete.
func (d Deletion) Empty() bool {
	return d.Evening == nil && d.Checkin == nil && len(d.Runs) == 0 && len(d.Events) == 0 && len(d.Taken) == 0
}

// String lists the parts, for a question or a message: "evening log
// (symptoms 5, 2 items, a note), check-in (leg symptoms 4, sleep quality
// 3), 2 routine runs"; "nothing" when empty.
func (d Deletion) String() string {
	var parts []string
	if e := d.Evening; e != nil {
		var what []string
		if e.Symptoms != nil {
			what = append(what, fmt.Sprintf("symptoms %d", *e.Symptoms))
		}
		switch n := len(e.Tags); {
		case e.ChecklistSkipped && n == 0:
			what = append(what, "checklist unanswered")
		case n == 0:
			what = append(what, "nothing ticked")
		default:
			what = append(what, plural(n, "item"))
		}
		if e.Note != "" {
			what = append(what, "a note")
		}
		parts = append(parts, "evening log ("+strings.Join(what, ", ")+")")
	}
	if c := d.Checkin; c != nil {
		what := []string{fmt.Sprintf("leg symptoms %d", c.RLSSeverity), fmt.Sprintf("sleep quality %d", c.Quality)}
		if c.Notes != "" {
			what = append(what, "a note")
		}
		parts = append(parts, "check-in ("+strings.Join(what, ", ")+")")
	}
	if n := len(d.Runs); n > 0 {
		parts = append(parts, plural(n, "routine run"))
	}
	if n := len(d.Events); n > 0 {
		parts = append(parts, plural(n, "flare-up"))
	}
	if n := len(d.Taken); n > 0 {
		parts = append(parts, plural(n, "record")+" of what was taken")
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %ss", n, one)
}

// DeleteResult is what a delete did.
type DeleteResult struct {
	// Deleted is what was deleted; empty when the night had nothing of
	// the part, and then nothing was written.
	Deleted Deletion
	// Backup is the copy of the records made first; "" when nothing was
	// deleted.
	Backup string
}

// PreviewDelete is what DeleteNight(ctx, date, part) would delete now.
func (j *Journal) PreviewDelete(ctx context.Context, date string, part Part) (Deletion, error) {
	if err := night.CheckDate(date); err != nil {
		return Deletion{}, err
	}
	if _, err := ParsePart(string(part)); err != nil {
		return Deletion{}, err
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	recs, err := j.st.Nights(ctx, date, date)
	if err != nil {
		return Deletion{}, err
	}
	d := Deletion{Night: date}
	for _, r := range recs {
		if r.Night != date {
			continue
		}
		if part.Has(EveningPart) {
			d.Evening, d.Taken = r.Evening, r.Taken
		}
		if part.Has(CheckinPart) {
			d.Checkin = r.Checkin
		}
		if part.Has(RunsPart) {
			d.Runs = r.Runs
		}
		if part == AllParts {
			d.Events = r.Events
		}
	}
	return d, nil
}

// DeleteNight deletes part of what is filed under the night date (all of
// it for AllParts): its evening log with the items ticked, its check-in,
// its routine runs with their steps, and (all of it only) its flare-ups. Before deleting anything it backs the
// records up (see Storage.BackupBeforeDelete); the delete itself is one
// transaction. A night with nothing of the part writes nothing and makes no
// backup. A run still being recorded in another window is not deleted
// from under it: that returns ErrRunElsewhere.
func (j *Journal) DeleteNight(ctx context.Context, date string, part Part) (DeleteResult, error) {
	d, err := j.PreviewDelete(ctx, date, part)
	if err != nil || d.Empty() {
		return DeleteResult{Deleted: d}, err
	}
	for _, r := range d.Runs {
		if r.Status != routine.Running {
			continue
		}
		elsewhere, err := j.st.RunningElsewhere()
		if err != nil {
			return DeleteResult{}, err
		}
		if elsewhere {
			return DeleteResult{}, fmt.Errorf("night %s: %w; delete its runs once it has ended", date, ErrRunElsewhere)
		}
		break
	}
	ctx, cancel := bounded(ctx)
	defer cancel()
	backup, err := j.st.BackupBeforeDelete(ctx)
	if err != nil {
		return DeleteResult{}, fmt.Errorf("%w; nothing was deleted", err)
	}
	if err := j.st.DeleteNight(ctx, date, part); err != nil {
		return DeleteResult{Backup: backup}, fmt.Errorf("delete night %s: %w; nothing was deleted", date, err)
	}
	return DeleteResult{Deleted: d, Backup: backup}, nil
}
