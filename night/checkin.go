package night

import (
	"fmt"
	"math"
	"time"
)

// Onset is when leg symptoms started, in our own words (after the Johns
// Hopkins scale's idea, not its text).
type Onset string

// When symptoms started.
const (
	OnsetNone    Onset = "none"
	OnsetBedtime Onset = "bedtime"
	OnsetEvening Onset = "evening"
	OnsetBefore6 Onset = "before-6pm"
	onsetUnknown Onset = ""
)

// Onsets lists the answers in order, for forms and validation.
var Onsets = []Onset{OnsetNone, OnsetBedtime, OnsetEvening, OnsetBefore6}

// Label is how a form shows the answer.
func (o Onset) Label() string {
	switch o {
	case OnsetNone:
		return "no symptoms"
	case OnsetBedtime:
		return "at bedtime"
	case OnsetEvening:
		return "in the evening"
	case OnsetBefore6:
		return "before 6 pm"
	}
	return string(o)
}

// Checkin is the morning's sleep diary for one night, following the
// Consensus Sleep Diary, plus leg-symptom items of our own (not a clinical
// score).
type Checkin struct {
	Night string // YYYY-MM-DD

	InBed      time.Time // got into bed
	TriedSleep time.Time // tried to go to sleep
	LatencyMin int       // minutes to fall asleep
	Awakenings int       // not counting the final one
	AwakeMin   int       // minutes awake in those awakenings, in total
	FinalWake  time.Time // final awakening
	OutOfBed   time.Time // got out of bed for the day

	Quality int // 1 very poor .. 5 very good
	Rested  int // 1 not at all .. 5 very well-rested

	RLSSeverity int // 0-10, last night
	Onset       Onset
	GotUp       int // times got up because of the legs
	Notes       string

	// Optional leg items, each unset (zero time, "", nil) when not said.
	OnsetAt   time.Time // the clock time symptoms started, as an instant
	Side      Side
	Arms      *bool // arms or other body parts affected too
	Worst     *int  // the worst moment, 0-10
	LastedMin *int  // roughly how long symptoms lasted, minutes
	Partner   Partner

	// RecordedAt is when the check-in was last saved.
	RecordedAt time.Time
}

// Figures are the diary's derived numbers.
type Figures struct {
	TIB int     // time in bed, minutes: out of bed - into bed
	TST int     // total sleep time, minutes
	SE  float64 // sleep efficiency, TST / TIB x 100, rounded to 2 decimals
}

// Figures computes the diary figures by the convention in the README:
// TIB = out of bed - into bed; TST = (final awakening - tried to sleep) -
// latency - minutes awake; SE = TST / TIB x 100. Times are real instants, so
// a daylight-saving night is an hour shorter or longer, as it was.
func (c Checkin) Figures() Figures {
	tib := int(c.OutOfBed.Sub(c.InBed) / time.Minute)
	tst := int(c.FinalWake.Sub(c.TriedSleep)/time.Minute) - c.LatencyMin - c.AwakeMin
	f := Figures{TIB: tib, TST: tst}
	if tib > 0 {
		f.SE = math.Round(float64(tst)/float64(tib)*100*100) / 100
	}
	return f
}

// MaxGap is the longest gap allowed between two consecutive diary times.
const MaxGap = 18 * time.Hour

// Validate checks the check-in as a whole and returns the first problem,
// naming the field to fix.
func (c Checkin) Validate() error {
	if err := c.ValidateRanges(); err != nil {
		return err
	}
	if !validOnset(c.Onset) {
		return &FieldError{Field: FieldOnset, Msg: fmt.Sprintf("%q is not one of none, bedtime, evening, before-6pm", c.Onset)}
	}
	if err := c.ValidateTimes(); err != nil {
		return err
	}
	if err := c.ValidateWindow(); err != nil {
		return err
	}
	return c.validateLegItems()
}

// ValidateRanges checks each count and rating is in its range. Validate
// checks them too.
func (c Checkin) ValidateRanges() error {
	ranges := []struct {
		field     Field
		v, lo, hi int
	}{
		{FieldLatency, c.LatencyMin, 0, 24 * 60},
		{FieldAwakenings, c.Awakenings, 0, 100},
		{FieldAwake, c.AwakeMin, 0, 24 * 60},
		{FieldQuality, c.Quality, 1, 5},
		{FieldRested, c.Rested, 1, 5},
		{FieldRLS, c.RLSSeverity, 0, 10},
		{FieldGotUp, c.GotUp, 0, 100},
	}
	for _, r := range ranges {
		if r.v < r.lo || r.v > r.hi {
			return &FieldError{Field: r.field, Msg: fmt.Sprintf("%d is out of range (%d-%d)", r.v, r.lo, r.hi)}
		}
	}
	return nil
}

// ValidateWindow checks that the minutes to fall asleep and the minutes
// awake fit between trying to sleep and the final awakening. Validate
// checks it too.
func (c Checkin) ValidateWindow() error {
	if window := int(c.FinalWake.Sub(c.TriedSleep) / time.Minute); c.LatencyMin+c.AwakeMin > window {
		// Blame the answer that alone is too long, if one is.
		f := FieldAwake
		if c.LatencyMin > window {
			f = FieldLatency
		}
		return &FieldError{Field: f, Msg: fmt.Sprintf("%d min to fall asleep plus %d min awake is more than the %d min from trying to sleep to waking",
			c.LatencyMin, c.AwakeMin, window)}
	}
	return nil
}

// ValidateTimes checks the four times alone: each at or after the one
// before it, and all within a day. Validate checks them too.
func (c Checkin) ValidateTimes() error {
	// Times typed as HH:MM are read across midnight, so a time typed
	// earlier than the one before it lands the next day. A gap that long
	// means it really was typed earlier: say so rather than guess.
	order := []struct {
		field Field
		what  string
		t     time.Time
	}{
		{FieldInBed, "getting into bed", c.InBed},
		{FieldTried, "trying to sleep", c.TriedSleep},
		{FieldFinal, "final awakening", c.FinalWake},
		{FieldOut, "getting up", c.OutOfBed},
	}
	for i := 1; i < len(order); i++ {
		a, b := order[i-1], order[i]
		if gap := b.t.Sub(a.t); gap < 0 || gap > MaxGap {
			return &FieldError{Field: b.field, Msg: fmt.Sprintf("%s (%s) is before %s (%s)",
				b.what, b.t.Format("15:04"), a.what, a.t.Format("15:04"))}
		}
	}
	if span := c.OutOfBed.Sub(c.InBed); span > 24*time.Hour {
		return &FieldError{Field: FieldOut, Msg: "more than 24 hours after getting into bed"}
	}
	return nil
}

// Consistent checks what a person enters for answers that contradict each
// other, naming both: no time in bed at all, leg symptoms rated with no
// time they started (or a start with none rated), times up for the legs
// with no symptoms, and time awake with no awakening. Records already kept
// or imported are not held to it, so an old journal always reads.
func (c Checkin) Consistent() error {
	switch {
	case c.OutOfBed.Equal(c.InBed):
		return &FieldError{Field: FieldOut, Msg: fmt.Sprintf("getting up (%s) is the time you got into bed (--in-bed): that is no time in bed",
			c.OutOfBed.Format("15:04"))}
	case c.RLSSeverity > 0 && c.Onset == OnsetNone:
		return &FieldError{Field: FieldOnset, Msg: fmt.Sprintf("none, but leg symptoms were rated %d (--rls): say when they started, or rate them 0", c.RLSSeverity)}
	case c.RLSSeverity == 0 && c.Onset != OnsetNone && c.Onset != "":
		return &FieldError{Field: FieldOnset, Msg: fmt.Sprintf("%s, but leg symptoms were rated 0 (--rls): choose none, or rate them", c.Onset.Label())}
	case c.RLSSeverity == 0 && c.GotUp > 0:
		return &FieldError{Field: FieldGotUp, Msg: fmt.Sprintf("%d times up because of your legs, but leg symptoms were rated 0 (--rls)", c.GotUp)}
	case c.Awakenings == 0 && c.AwakeMin > 0:
		return &FieldError{Field: FieldAwake, Msg: fmt.Sprintf("%d min awake, but 0 awakenings (--awakenings)", c.AwakeMin)}
	}
	return c.legItemsConsistent()
}

func validOnset(o Onset) bool {
	for _, x := range Onsets {
		if o == x {
			return true
		}
	}
	return false
}

// FormatMinutes is how every screen, command and report writes a length
// of minutes: "7 h 12 min", "45 min", "0 min".
func FormatMinutes(n int) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	if n < 60 {
		return fmt.Sprintf("%s%d min", sign, n)
	}
	return fmt.Sprintf("%s%d h %d min", sign, n/60, n%60)
}
