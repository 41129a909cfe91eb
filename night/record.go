package night

import (
	"fmt"
	"time"

	"github.com/quietlegs/quietlegs/routine"
)

// Evening is what a person logs before the routine: how the legs feel now,
// and which of the day's possible triggers and remedies applied.
type Evening struct {
	Night string // YYYY-MM-DD
	// At is when it was logged, in local time with its offset.
	At time.Time
	// Symptoms is leg symptoms right now, 0-10; nil when not rated.
	Symptoms *int
	// Tags are checklist item ids ("caffeine"). An id stays in the record
	// even after the item is removed from the checklist.
	Tags []string
	Note string
}

// Validate checks the log, naming the field to fix.
func (e Evening) Validate() error {
	if _, err := time.Parse(Layout, e.Night); err != nil {
		return &FieldError{"night", fmt.Sprintf("%q is not a date (YYYY-MM-DD)", e.Night)}
	}
	if e.Symptoms != nil && (*e.Symptoms < 0 || *e.Symptoms > 10) {
		return &FieldError{"symptoms", fmt.Sprintf("%d is out of range (0-10)", *e.Symptoms)}
	}
	for _, t := range e.Tags {
		if !ValidID(t) {
			return &FieldError{"tag", fmt.Sprintf("%q is not a checklist id (lower-case letters, digits and -)", t)}
		}
	}
	return nil
}

// Run is one run of a routine during the night.
type Run struct {
	Routine   string // name, e.g. "wind-down"
	Title     string
	Status    routine.Status
	StartedAt time.Time
	EndedAt   time.Time // zero while running
	// Planned is the routine's whole planned length.
	Planned time.Duration
	Steps   []routine.StepResult
}

// Record is everything recorded for one night. Any part may be missing.
type Record struct {
	Night   string
	Evening *Evening
	Runs    []Run // in the order they started
	Checkin *Checkin
}

// statusRank orders run statuses from most to least complete.
var statusRank = map[routine.Status]int{
	routine.Completed: 4, routine.Partial: 3, routine.Running: 2, routine.Abandoned: 1,
}

// MainRun is the run a night is judged by: the most complete one, the
// latest of equals. It is nil when no routine was run.
func (r Record) MainRun() *Run {
	var best *Run
	for i := range r.Runs {
		run := &r.Runs[i]
		if best == nil || statusRank[run.Status] >= statusRank[best.Status] {
			best = run
		}
	}
	return best
}

// ValidID reports whether s can name a checklist item: lower-case letters,
// digits and hyphens, starting with a letter or digit, at most 40 long.
func ValidID(s string) bool {
	if len(s) == 0 || len(s) > 40 || s[0] == '-' {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}
