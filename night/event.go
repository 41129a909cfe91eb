package night

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Event is one flare-up in the night: how strong the urge to move was,
// what was tried against it, and, when the person said, how strong it was
// afterwards and whether it helped. A night may hold several.
type Event struct {
	// ID is the stored event's id; 0 before it is first saved, and in an
	// export.
	ID    int64
	Night string // YYYY-MM-DD, the night it is filed under
	// At is when it began, in local time with its offset.
	At       time.Time
	Severity int     // 0-10, before anything was tried
	Tried    []Tried // in the order tried; may be empty
	// SeverityAfter is 0-10 afterwards; nil when not answered.
	SeverityAfter *int
	// Helped is the person's answer; "" when not answered.
	Helped Helped
}

// Tried is one relief measure tried in an event.
type Tried struct {
	// ID names the measure: a toolkit entry's id ("walk").
	ID string
	// Minutes actually spent; nil when not known.
	Minutes *int
}

// String is the measure as a person reads it: "walk 10 min", or "walk"
// when the minutes are not known.
func (t Tried) String() string {
	if t.Minutes == nil {
		return t.ID
	}
	return fmt.Sprintf("%s %d min", t.ID, *t.Minutes)
}

// TriedText lists what the event tried, "walk 10 min, stretch"; "" when
// nothing was.
func (e Event) TriedText() string {
	ts := make([]string, len(e.Tried))
	for i, t := range e.Tried {
		ts[i] = t.String()
	}
	return strings.Join(ts, ", ")
}

// Helped is how much a relief attempt helped, as the person said.
type Helped string

// The answers to "Did it help?".
const (
	HelpedNotAtAll Helped = "not-at-all"
	HelpedALittle  Helped = "a-little"
	HelpedALot     Helped = "a-lot"
)

// HelpedAnswers are the answers in the order they are offered.
var HelpedAnswers = []Helped{HelpedNotAtAll, HelpedALittle, HelpedALot}

// ParseHelped reads an answer to "Did it help?"; "" is no answer.
func ParseHelped(s string) (Helped, error) {
	if h := Helped(s); h == "" || slices.Contains(HelpedAnswers, h) {
		return h, nil
	}
	return "", &FieldError{Field: FieldHelped, Msg: fmt.Sprintf("%q: want not-at-all, a-little or a-lot", s)}
}

// Label is how an answer reads on screen and in the report.
func (h Helped) Label() string {
	switch h {
	case HelpedNotAtAll:
		return "not at all"
	case HelpedALittle:
		return "a little"
	case HelpedALot:
		return "a lot"
	}
	return "not answered"
}

// The event's answers, named as the flare command's flags.
const (
	FieldSeverity Field = "severity"
	FieldMeasure  Field = "tried" // as the check-in's FieldTried, on another command
	FieldAfter    Field = "after"
	FieldHelped   Field = "helped"
	FieldAt       Field = "at"
)

// MaxTried is the most measures one event may list, and MaxTriedMinutes
// the longest one may last: a whole night.
const (
	MaxTried        = 20
	MaxTriedMinutes = 24 * 60
)

// Validate checks the event, naming the answer to fix.
func (e Event) Validate() error {
	if err := CheckDate(e.Night); err != nil {
		return err
	}
	if e.At.IsZero() {
		return &FieldError{Field: FieldAt, Msg: "is needed: when the flare-up began", Missing: true}
	}
	if err := checkSeverity(FieldSeverity, e.Severity); err != nil {
		return err
	}
	if e.SeverityAfter != nil {
		if err := checkSeverity(FieldAfter, *e.SeverityAfter); err != nil {
			return err
		}
	}
	if _, err := ParseHelped(string(e.Helped)); err != nil {
		return err
	}
	if len(e.Tried) > MaxTried {
		return &FieldError{Field: FieldMeasure, Msg: fmt.Sprintf("%d measures; an event holds at most %d", len(e.Tried), MaxTried)}
	}
	for _, t := range e.Tried {
		if !ValidID(t.ID) {
			return &FieldError{Field: FieldMeasure, Msg: fmt.Sprintf("%q is not a measure's id (lower-case letters, digits and -)", t.ID)}
		}
		if t.Minutes != nil && (*t.Minutes < 0 || *t.Minutes > MaxTriedMinutes) {
			return &FieldError{Field: FieldMeasure, Msg: fmt.Sprintf("%s: %d minutes is out of range (0-%d)", t.ID, *t.Minutes, MaxTriedMinutes)}
		}
	}
	return nil
}

func checkSeverity(f Field, n int) error {
	if n < 0 || n > 10 {
		return &FieldError{Field: f, Msg: fmt.Sprintf("%d is out of range (0-10)", n)}
	}
	return nil
}

// Band is how strong a flare-up is, as the toolkit is sorted.
type Band string

// The bands, by severity 0-10: mild 1-3 (and 0), moderate 4-6, severe 7-10.
const (
	Mild     Band = "mild"
	Moderate Band = "moderate"
	Severe   Band = "severe"
)

// Bands are the bands from mildest to most severe.
var Bands = []Band{Mild, Moderate, Severe}

// BandOf is the band of a severity 0-10. Zero reads as mild: a person who
// opened the toolkit at all wants something to try.
func BandOf(severity int) Band {
	switch {
	case severity >= 7:
		return Severe
	case severity >= 4:
		return Moderate
	}
	return Mild
}

// Drop is how much the severity fell, and whether it was answered
// afterwards; a rise is a negative drop.
func (e Event) Drop() (int, bool) {
	if e.SeverityAfter == nil {
		return 0, false
	}
	return e.Severity - *e.SeverityAfter, true
}

// SortEvents orders events by the instant they began, whatever their
// offsets.
func SortEvents(es []Event) {
	slices.SortStableFunc(es, func(a, b Event) int { return a.At.Compare(b.At) })
}

// SuggestedGotUp is how many times the night's events suggest the person
// got up because of their legs: once for each flare-up that tried
// anything, since the toolkit's measures are done up and about. A
// flare-up recorded with nothing tried may have been sat out in bed. It
// is only ever offered as a suggestion, never recorded by itself.
func SuggestedGotUp(es []Event) int {
	n := 0
	for _, e := range es {
		if len(e.Tried) > 0 {
			n++
		}
	}
	return n
}
