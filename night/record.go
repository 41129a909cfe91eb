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
	// ChecklistSkipped is set when the checklist was not answered at all,
	// as opposed to answered with nothing ticked ("none of these"). Its
	// zero value means answered, so every record made before the field
	// existed reads as answered. Insights leave skipped nights out of the
	// comparisons. In an export it is written the other way round, as
	// checklist_answered (true unless skipped).
	ChecklistSkipped bool
	Note             string
	// RoomTempC is the bedroom's temperature in °C, whatever unit it was
	// typed in; nil when not said.
	RoomTempC *float64
	// Bedding is a bedding list id ("light"); "" when not said. Like a
	// tag, it stays readable after the item leaves the list.
	Bedding string
}

// MaxTags is the most items a checklist may have, and so the most tags an
// evening log may hold.
const MaxTags = 100

// Validate checks the log, naming the field to fix.
func (e Evening) Validate() error {
	if err := CheckDate(e.Night); err != nil {
		return err
	}
	if e.Symptoms != nil && (*e.Symptoms < 0 || *e.Symptoms > 10) {
		return &FieldError{Field: FieldSymptoms, Msg: fmt.Sprintf("%d is out of range (0-10)", *e.Symptoms)}
	}
	if len(e.Tags) > MaxTags {
		return &FieldError{Field: FieldTag, Msg: fmt.Sprintf("%d tags; a night holds at most %d (the most a checklist may have)", len(e.Tags), MaxTags)}
	}
	for _, t := range e.Tags {
		if !ValidID(t) {
			return &FieldError{Field: FieldTag, Msg: fmt.Sprintf("%q is not a checklist id (lower-case letters, digits and -)", t)}
		}
	}
	if e.RoomTempC != nil && !(*e.RoomTempC >= MinRoomTempC && *e.RoomTempC <= MaxRoomTempC) {
		return &FieldError{Field: FieldRoomTemp, Msg: fmt.Sprintf("%v °C is outside a bedroom's %v-%v °C", *e.RoomTempC, MinRoomTempC, MaxRoomTempC)}
	}
	if e.Bedding != "" && !ValidID(e.Bedding) {
		return &FieldError{Field: FieldBedding, Msg: fmt.Sprintf("%q is not a bedding id (lower-case letters, digits and -)", e.Bedding)}
	}
	return nil
}

// Run is one run of a routine during the night: the one model of a run,
// from the moment it starts, through each checkpoint, to the record read
// back, exported and imported.
type Run struct {
	// ID is the stored run's id; 0 before it is first saved, and in an
	// export.
	ID      int64
	Routine string // name, e.g. "wind-down"
	Title   string
	Night   string // YYYY-MM-DD, the night it is filed under
	Status  routine.Status
	// StartedAt and EndedAt read as the wall times the person saw, in the
	// offset in force when the run started. EndedAt is zero while running.
	StartedAt time.Time
	EndedAt   time.Time
	// UpdatedAt is when the run was last saved: for a run cut off by a
	// crash, about when it stopped. Zero in an export.
	UpdatedAt time.Time
	// Speed is how many times faster than real time it ran; 1 is real time.
	Speed float64
	// Planned is the routine's whole planned length.
	Planned time.Duration
	// CurrentStep and CurrentElapsed are the step in progress at the last
	// save and how far into it the run was, so a cut-off run can resume.
	CurrentStep    int
	CurrentElapsed time.Duration
	Steps          []routine.StepResult // ordered by index
	// Flare marks a run started from the night toolkit during a
	// flare-up: kept and listed, but never counted as the evening routine.
	Flare bool
}

// Checkpoint is the state of a run at a transition, saved whole each time.
type Checkpoint struct {
	Steps          []routine.StepResult // results to upsert by index; may be the full list each time
	CurrentStep    int
	CurrentElapsed time.Duration
	Status         routine.Status // Running until the run ends
	EndedAt        time.Time      // set exactly when Status is not Running
}

// Record is everything recorded for one night. Any part may be missing.
type Record struct {
	Night   string
	Evening *Evening
	Runs    []Run // in the order they started
	Checkin *Checkin
	// Events are the night's flare-ups, in the order they began.
	Events []Event
	// Taken are the medicines and supplements recorded for the night, in
	// the order they were taken.
	Taken []Dose
}

// statusRank orders run statuses from most to least complete.
var statusRank = map[routine.Status]int{
	routine.Completed: 4, routine.Partial: 3, routine.Running: 2, routine.Abandoned: 1,
}

// Trial reports whether the run was a trial, at another speed than real
// time (--speed): kept and listed, but never counted as the routine done.
// Speed 0 is a record from before the speed was kept: real time.
func (r Run) Trial() bool { return r.Speed != 0 && r.Speed != 1 }

// MainRun is the run a night is judged by: the most complete one that was
// neither a trial nor a flare-up's, the latest of equals. It is nil when
// no evening routine was run in real time.
func (r Record) MainRun() *Run {
	var best *Run
	for i := range r.Runs {
		run := &r.Runs[i]
		if run.Trial() || run.Flare {
			continue
		}
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

// LastSaved is when the run was last saved: for a run cut off, about when
// it stopped.
func (r Run) LastSaved() time.Time {
	if r.UpdatedAt.IsZero() {
		return r.StartedAt
	}
	return r.UpdatedAt
}

// EndStatus is how the run is recorded when it is ended where it stands,
// as when a person quits or a cut-off run is closed: partial when a step
// was done, else abandoned.
func (r Run) EndStatus() routine.Status {
	if routine.Count(r.Steps).Done > 0 {
		return routine.Partial
	}
	return routine.Abandoned
}
