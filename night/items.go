package night

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Side is where the leg symptoms were, in our own words.
type Side string

// Where the leg symptoms were. The zero value is "not said".
const (
	SideLeft        Side = "left"
	SideRight       Side = "right"
	SideBoth        Side = "both"
	SideAlternating Side = "alternating"
)

// Sides lists the answers in order, for forms and validation.
var Sides = []Side{SideLeft, SideRight, SideBoth, SideAlternating}

// Label is how a form shows the answer.
func (s Side) Label() string {
	switch s {
	case SideLeft:
		return "left leg"
	case SideRight:
		return "right leg"
	case SideBoth:
		return "both legs"
	case SideAlternating:
		return "alternating"
	}
	return string(s)
}

// Partner is a bed partner's note: whether they noticed leg jerks or
// kicking in the night.
type Partner string

// The bed partner's answers. The zero value is "not said".
const (
	PartnerYes  Partner = "yes"
	PartnerNo   Partner = "no"
	PartnerNone Partner = "none" // no bed partner
)

// Partners lists the answers in order, for forms and validation.
var Partners = []Partner{PartnerYes, PartnerNo, PartnerNone}

// Label is how a form shows the answer.
func (p Partner) Label() string {
	switch p {
	case PartnerYes:
		return "yes"
	case PartnerNo:
		return "no"
	case PartnerNone:
		return "no partner"
	}
	return string(p)
}

// The check-in's optional leg items. Each is "not said" when unset: a
// zero time, an empty choice, a nil number, so an unanswered item is never
// read as 0.
const (
	FieldOnsetAt Field = "onset-at"
	FieldSide    Field = "side"
	FieldArms    Field = "arms"
	FieldWorst   Field = "worst"
	FieldLasted  Field = "lasted"
	FieldPartner Field = "partner"
)

// The evening log's room items.
const (
	FieldRoomTemp Field = "room-temp"
	FieldBedding  Field = "bedding"
)

// MaxLastedMin is the longest the symptoms can be said to have lasted.
const MaxLastedMin = 24 * 60

// EveningStart is the clock time from which symptoms count as starting
// "in the evening" rather than "before 6 pm".
const EveningStart Clock = 18 * 60

// BedtimeLead is how long before getting into bed symptoms may start and
// still count as "at bedtime": the categories are a person's words, and
// they overlap a little.
const BedtimeLead = 30 * time.Minute

// validateLegItems checks the optional leg items alone and against the
// onset category: the clock time when symptoms started must read as the
// category does. Nothing unset is checked.
func (c Checkin) validateLegItems() error {
	if c.Side != "" && !validChoice(c.Side, Sides) {
		return &FieldError{Field: FieldSide, Msg: fmt.Sprintf("%q is not one of left, right, both, alternating", c.Side)}
	}
	if c.Partner != "" && !validChoice(c.Partner, Partners) {
		return &FieldError{Field: FieldPartner, Msg: fmt.Sprintf("%q is not one of yes, no, none", c.Partner)}
	}
	if c.Worst != nil && (*c.Worst < 0 || *c.Worst > 10) {
		return &FieldError{Field: FieldWorst, Msg: fmt.Sprintf("%d is out of range (0-10)", *c.Worst)}
	}
	if c.LastedMin != nil && (*c.LastedMin < 0 || *c.LastedMin > MaxLastedMin) {
		return &FieldError{Field: FieldLasted, Msg: fmt.Sprintf("%d is out of range (0-%d minutes)", *c.LastedMin, MaxLastedMin)}
	}
	return c.onsetAgrees()
}

// onsetAgrees checks the clock time symptoms started against the onset
// category: before 6 pm is before 18:00 on the night's date; in the
// evening is from 18:00 until getting into bed; at bedtime is from
// BedtimeLead before getting into bed on. No time may be after getting up.
func (c Checkin) onsetAgrees() error {
	if c.OnsetAt.IsZero() {
		return nil
	}
	at := c.OnsetAt.Format("15:04")
	if !c.OutOfBed.IsZero() && c.OnsetAt.After(c.OutOfBed) {
		return &FieldError{Field: FieldOnsetAt, Msg: fmt.Sprintf("%s is after getting up (%s)", at, c.OutOfBed.Format("15:04"))}
	}
	d, err := time.ParseInLocation(Layout, c.Night, c.OnsetAt.Location())
	if err != nil {
		return nil // the night is checked elsewhere
	}
	// 18:00 on the clock of that day, even on the day the clocks change.
	six := time.Date(d.Year(), d.Month(), d.Day(), int(EveningStart/60), int(EveningStart%60), 0, 0, d.Location())
	before6 := c.OnsetAt.Before(six)
	bedtime := !c.InBed.IsZero() && !c.OnsetAt.Before(c.InBed.Add(-BedtimeLead))
	evening := !before6 && (c.InBed.IsZero() || c.OnsetAt.Before(c.InBed))
	ok := true
	switch c.Onset {
	case OnsetNone:
		return &FieldError{Field: FieldOnsetAt, Msg: fmt.Sprintf("%s, but when symptoms started (--onset) is none: choose when, or leave the time out", at)}
	case OnsetBefore6:
		ok = before6
	case OnsetEvening:
		ok = evening
	case OnsetBedtime:
		ok = bedtime
	}
	if !ok {
		return &FieldError{Field: FieldOnsetAt, Msg: fmt.Sprintf("%s does not agree with symptoms starting %s (--onset)", at, c.Onset.Label())}
	}
	return nil
}

// legItemsConsistent refuses leg items given for a night whose symptoms
// were rated 0, and a worst moment milder than the night as a whole.
func (c Checkin) legItemsConsistent() error {
	if c.RLSSeverity == 0 {
		switch {
		case c.Side != "":
			return &FieldError{Field: FieldSide, Msg: fmt.Sprintf("%s, but leg symptoms were rated 0 (--rls)", c.Side.Label())}
		case c.Arms != nil && *c.Arms:
			return &FieldError{Field: FieldArms, Msg: "yes, but leg symptoms were rated 0 (--rls)"}
		case c.Worst != nil && *c.Worst > 0:
			return &FieldError{Field: FieldWorst, Msg: fmt.Sprintf("%d, but leg symptoms were rated 0 (--rls)", *c.Worst)}
		case c.LastedMin != nil && *c.LastedMin > 0:
			return &FieldError{Field: FieldLasted, Msg: fmt.Sprintf("%d min, but leg symptoms were rated 0 (--rls)", *c.LastedMin)}
		}
	}
	if c.Worst != nil && *c.Worst < c.RLSSeverity {
		return &FieldError{Field: FieldWorst, Msg: fmt.Sprintf("the worst moment (%d) is milder than the night as a whole (--rls %d)", *c.Worst, c.RLSSeverity)}
	}
	return nil
}

func validChoice[T ~string](v T, all []T) bool {
	for _, x := range all {
		if v == x {
			return true
		}
	}
	return false
}

// Temperature units a person may set.
const (
	Celsius    = "C"
	Fahrenheit = "F"
)

// Room temperatures a bedroom can have, in °C.
const (
	MinRoomTempC = 0.0
	MaxRoomTempC = 40.0
)

// ToCelsius converts a temperature in unit to °C, to a tenth of a degree.
func ToCelsius(v float64, unit string) float64 {
	if unit == Fahrenheit {
		v = (v - 32) * 5 / 9
	}
	return math.Round(v*10) / 10
}

// FromCelsius converts a temperature in °C to unit, to a tenth of a degree.
func FromCelsius(c float64, unit string) float64 {
	if unit == Fahrenheit {
		c = c*9/5 + 32
	}
	return math.Round(c*10) / 10
}

// FormatTemp writes a temperature stored in °C in unit: "18.5 °C", "65 °F".
func FormatTemp(c float64, unit string) string {
	if unit != Fahrenheit {
		unit = Celsius
	}
	return strconv.FormatFloat(FromCelsius(c, unit), 'f', -1, 64) + " °" + unit
}

// ParseTemp reads a room temperature typed in unit ("18.5", "18,5",
// "65F") and returns it in °C. A trailing C or F (with or without °)
// overrides unit.
func ParseTemp(s, unit string) (float64, error) {
	t := strings.ToUpper(strings.TrimSpace(s))
	switch {
	case strings.HasSuffix(t, "F"):
		unit, t = Fahrenheit, t[:len(t)-1]
	case strings.HasSuffix(t, "C"):
		unit, t = Celsius, t[:len(t)-1]
	}
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t), "°"))
	v, err := strconv.ParseFloat(strings.Replace(t, ",", ".", 1), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%q is not a temperature: type a number, e.g. 18.5", s)
	}
	c := ToCelsius(v, unit)
	if c < MinRoomTempC || c > MaxRoomTempC {
		lo, hi := FromCelsius(MinRoomTempC, unit), FromCelsius(MaxRoomTempC, unit)
		return 0, fmt.Errorf("%s °%s is outside a bedroom's %v-%v °%s", strings.TrimSpace(t), unitOrC(unit), lo, hi, unitOrC(unit))
	}
	return c, nil
}

func unitOrC(unit string) string {
	if unit == Fahrenheit {
		return Fahrenheit
	}
	return Celsius
}

// Dose is one medicine or supplement a person says they took: their own
// words for its name and amount, never checked against anything.
type Dose struct {
	Night  string // YYYY-MM-DD, the night it is filed under
	Name   string // "iron"
	Amount string // "65 mg"; "" when not said
	At     time.Time
}

// Lengths of a dose's words.
const (
	MaxDoseName   = 60
	MaxDoseAmount = 30
)

// The took command's fields.
const (
	FieldTookName   Field = "name"
	FieldTookAmount Field = "amount"
	FieldTookAt     Field = "at"
)

// Validate checks the dose's words and time, naming the field to fix.
func (d Dose) Validate() error {
	if err := CheckDate(d.Night); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(d.Name) == "":
		return &FieldError{Field: FieldTookName, Msg: "missing: say what you took"}
	case utf8.RuneCountInString(d.Name) > MaxDoseName:
		return &FieldError{Field: FieldTookName, Msg: fmt.Sprintf("longer than %d characters", MaxDoseName)}
	case utf8.RuneCountInString(d.Amount) > MaxDoseAmount:
		return &FieldError{Field: FieldTookAmount, Msg: fmt.Sprintf("longer than %d characters", MaxDoseAmount)}
	case d.At.IsZero():
		return &FieldError{Field: FieldTookAt, Msg: "missing"}
	}
	return nil
}

// Label is the dose as a list shows it: "iron 65 mg".
func (d Dose) Label() string {
	if d.Amount == "" {
		return d.Name
	}
	return d.Name + " " + d.Amount
}

// Lab is one set of iron results a person copies from a clinic's letter:
// ferritin in µg/L and transferrin saturation in %. quietlegs keeps them
// as given, with no target values and no reading of them.
type Lab struct {
	Date     string   // YYYY-MM-DD, when the blood was taken
	Ferritin *float64 // µg/L; nil when not given
	TSAT     *float64 // %; nil when not given
	Note     string
}

// The labs command's fields.
const (
	FieldLabDate     Field = "date"
	FieldLabFerritin Field = "ferritin"
	FieldLabTSAT     Field = "tsat"
)

// MaxLabNote is the longest note kept with a lab result.
const MaxLabNote = 200

// Validate checks the result's date and ranges, naming the field to fix.
func (l Lab) Validate() error {
	if err := CheckDate(l.Date); err != nil {
		return &FieldError{Field: FieldLabDate, Msg: fmt.Sprintf("%q is not a date (YYYY-MM-DD)", l.Date)}
	}
	if l.Ferritin == nil && l.TSAT == nil && strings.TrimSpace(l.Note) == "" {
		return &FieldError{Field: FieldLabFerritin, Msg: "give --ferritin, --tsat or --note"}
	}
	if l.Ferritin != nil && (!(*l.Ferritin >= 0) || *l.Ferritin > 100000) {
		return &FieldError{Field: FieldLabFerritin, Msg: fmt.Sprintf("%v µg/L is out of range (0-100000)", *l.Ferritin)}
	}
	if l.TSAT != nil && (!(*l.TSAT >= 0) || *l.TSAT > 100) {
		return &FieldError{Field: FieldLabTSAT, Msg: fmt.Sprintf("%v %% is out of range (0-100)", *l.TSAT)}
	}
	if utf8.RuneCountInString(l.Note) > MaxLabNote {
		return &FieldError{Field: FieldNote, Msg: fmt.Sprintf("longer than %d characters", MaxLabNote)}
	}
	return nil
}
