package insight

import (
	"fmt"
	"math"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// SameBelow is the smallest |Diff| worded as higher or lower; anything
// smaller would print as 0.0 points, so it reads "about the same".
const SameBelow = 0.05

// Sentence words the finding as an association, never a cause:
//
//	On nights with caffeine after noon, your leg symptoms the next morning
//	averaged 1.8 points higher (12 nights) than on nights without
//	(20 nights); 95 % interval 0.6 to 3.0 points.
//
// The counts are the nights that took part, as the package doc says: for a
// checklist item, nights with both an evening log and a check-in ("without"
// means a log without the item, not every other night); for the routine,
// every night with a check-in, "without" meaning no run, a partial run or an
// abandoned one. Sleep efficiency also leaves out nights whose diary gives
// no time in bed, so its counts can be smaller.
//
// Sleep efficiency differences are in percentage points, symptom
// differences in points of the 0-10 rating. A |Diff| under SameBelow reads
// "about the same". When the interval includes 0 the sentence adds that
// this may be chance. When either side has fewer than MinNights nights it
// says only that there are not enough nights yet, with both counts.
func (f Finding) Sentence() string {
	label := f.Factor.Label
	if label == "" {
		label = f.Factor.ID
	}
	if !f.Enough {
		return fmt.Sprintf("%s: not enough nights yet (%d with, %d without; %d of each needed).",
			upperFirst(label), f.With.N, f.Without.N, MinNights)
	}

	opening, other := "On nights with "+lowerFirst(label), "on nights without"
	if f.Factor.ID == RoutineID {
		opening, other = "On nights you completed the routine", "on nights you did not complete it"
	}
	what, unit := measureWords(f.Measure)

	change, than := "about the same", "as"
	if math.Abs(f.Diff) >= SameBelow {
		dir := "higher"
		if f.Diff < 0 {
			dir = "lower"
		}
		change, than = num(math.Abs(f.Diff))+" "+unit+" "+dir, "than"
	}

	s := fmt.Sprintf("%s, %s averaged %s (%s) %s %s (%s); 95 %% interval %s to %s %s",
		opening, what, change, nights(f.With.N), than, other, nights(f.Without.N),
		num(f.Low), num(f.High), unit)
	if f.Low <= 0 && f.High >= 0 {
		// Say what the interval means in plain words; an interval that
		// spans 0 is the most common finding and the easiest to overread.
		s += "; the interval includes no difference, so this may be chance"
	}
	return s + "."
}

// measureWords is how a sentence names the measure and its unit.
func measureWords(m Measure) (what, unit string) {
	switch m {
	case Symptoms:
		return "your leg symptoms the next morning", "points"
	case Efficiency:
		return "your sleep efficiency", "percentage points"
	}
	return "your " + string(m), "points"
}

func nights(n int) string {
	if n == 1 {
		return "1 night"
	}
	return strconv.Itoa(n) + " nights"
}

// num prints one decimal, never "-0.0", which would suggest a direction
// the number does not have.
func num(v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if s == "-0.0" {
		return "0.0"
	}
	return s
}

// lowerFirst lower-cases a label's first letter for mid-sentence use, but
// leaves acronyms ("TV after 9 pm") alone.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// upperFirst capitalises a label that starts a sentence; ids left over
// from an old checklist are lower-case.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsUpper(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// Shown is fs as a front end lists them: every finding with enough nights,
// and one "not enough nights yet" per factor, since that sentence does not
// name the measure and would only say the same again.
func Shown(fs []Finding) []Finding {
	short := map[string]bool{}
	var out []Finding
	for _, f := range fs {
		if !f.Enough {
			if short[f.Factor.ID] {
				continue
			}
			short[f.Factor.ID] = true
		}
		out = append(out, f)
	}
	return out
}
