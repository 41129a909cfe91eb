// Package nightfmt shows a night's record the same way on every screen: a
// symptom rating as a number in a colour band, a routine as a mark, sleep
// efficiency, bed times and 1-5 answers in words. It also does the
// calendar arithmetic on the YYYY-MM-DD dates nights are filed by.
package nightfmt

import (
	"fmt"
	"strconv"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/ui/screen"
)

// NoData marks a night, or an answer, with nothing recorded: never "0".
const NoData = "·"

// Severity is a night's next-morning leg-symptom rating, 0-10, or -1 when
// the night has no check-in.
func Severity(r *night.Record) int {
	if r == nil || r.Checkin == nil {
		return -1
	}
	return r.Checkin.RLSSeverity
}

// SevCell is a rating as a styled number, or a dim "·" without one.
func SevCell(st *screen.Styles, n int) string {
	if n < 0 {
		return st.Faint.Render(NoData)
	}
	return st.Sev(n).Render(strconv.Itoa(n))
}

// RoutineState is how much of a routine a night had.
type RoutineState int

// How much of a routine a night had.
const (
	RoutineNone RoutineState = iota
	RoutinePartial
	RoutineDone
)

// RoutineOf judges a night by its most complete run: done when it was
// completed, partial when any step was done.
func RoutineOf(r *night.Record) RoutineState {
	if r == nil {
		return RoutineNone
	}
	run := r.MainRun()
	switch {
	case run == nil:
		return RoutineNone
	case run.Status == routine.Completed:
		return RoutineDone
	case routine.Count(run.Steps).Done > 0:
		return RoutinePartial
	}
	return RoutineNone
}

// Mark is "✓" done, "◐" partial, "·" none.
func (r RoutineState) Mark() string { return [...]string{NoData, "◐", "✓"}[r] }

// Word is "done", "partial", "none".
func (r RoutineState) Word() string { return [...]string{"none", "partial", "done"}[r] }

// RoutineCell is the mark, the done one brighter.
func RoutineCell(st *screen.Styles, r RoutineState) string {
	if r == RoutineNone {
		return st.Faint.Render(r.Mark())
	}
	return st.Accent.Render(r.Mark())
}

// StepsDone is "7/9": steps done of the routine's steps in the night's
// main run. The routine's length comes from the library while it has the
// routine; otherwise from the steps recorded.
func StepsDone(lib *routine.Library, r *night.Record) string {
	if r == nil || r.MainRun() == nil {
		return NoData
	}
	run := r.MainRun()
	return fmt.Sprintf("%d/%d", routine.Count(run.Steps).Done, StepCount(lib, *run))
}

// StepCount is how many steps the run's routine has.
func StepCount(lib *routine.Library, run night.Run) int {
	n := len(run.Steps)
	if lib != nil {
		if rt, ok := lib.Find(run.Routine); ok {
			n = max(n, len(rt.Steps))
		}
	}
	return n
}

// Efficiency is the night's sleep efficiency in percent, or -1.
func Efficiency(r *night.Record) float64 {
	if r == nil || r.Checkin == nil {
		return -1
	}
	f := r.Checkin.Figures()
	if f.TIB <= 0 {
		return -1
	}
	return f.SE
}

// SEText is a sleep efficiency as "82 %", or "·" for none.
func SEText(se float64) string {
	if se < 0 {
		return NoData
	}
	return fmt.Sprintf("%.0f %%", se)
}

// IntoBed is the time the night's check-in says the person got into bed.
func IntoBed(r *night.Record) string {
	if r == nil || r.Checkin == nil || r.Checkin.InBed.IsZero() {
		return NoData
	}
	return Clock(r.Checkin.InBed)
}

// Clock is a time as "22:05".
func Clock(t time.Time) string { return t.Format("15:04") }

// QualityWords are the check-in's 1-5 sleep-quality answers in words.
func QualityWords() [5]string { return [5]string{"very poor", "poor", "fair", "good", "very good"} }

// RestedWords are the check-in's 1-5 how-rested answers in words.
func RestedWords() [5]string {
	return [5]string{"not at all", "slightly", "somewhat", "well-rested", "very well-rested"}
}

// ScaleWord is a 1-5 answer in words.
func ScaleWord(words [5]string, n int) string {
	if n < 1 || n > 5 {
		return NoData
	}
	return words[n-1]
}
