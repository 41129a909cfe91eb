package ui

import (
	"fmt"
	"strconv"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// noData marks a night, or an answer, with nothing recorded: never "0".
const noData = "·"

// severity is a night's next-morning leg-symptom rating, 0-10, or -1 when
// the night has no check-in.
func severity(r *night.Record) int {
	if r == nil || r.Checkin == nil {
		return -1
	}
	return r.Checkin.RLSSeverity
}

// sevCell is a rating as a styled number, or a dim "·" without one.
func (s *shared) sevCell(n int) string {
	if n < 0 {
		return s.styles.Faint.Render(noData)
	}
	return s.styles.Sev(n).Render(strconv.Itoa(n))
}

// routineState is how much of a routine a night had.
type routineState int

const (
	routineNone routineState = iota
	routinePartial
	routineDone
)

// routineOf judges a night by its most complete run: done when it was
// completed, partial when any step was done.
func routineOf(r *night.Record) routineState {
	if r == nil {
		return routineNone
	}
	run := r.MainRun()
	switch {
	case run == nil:
		return routineNone
	case run.Status == routine.Completed:
		return routineDone
	case routine.Count(run.Steps).Done > 0:
		return routinePartial
	}
	return routineNone
}

func (r routineState) mark() string { return [...]string{noData, "◐", "✓"}[r] }
func (r routineState) word() string { return [...]string{"none", "partial", "done"}[r] }

// routineCell is the mark, the done one brighter.
func (s *shared) routineCell(r routineState) string {
	if r == routineNone {
		return s.styles.Faint.Render(r.mark())
	}
	return s.styles.Accent.Render(r.mark())
}

// stepsDone is "7/9": steps done of the routine's steps in the night's
// main run. The routine's length comes from the library while it has the
// routine; otherwise from the steps recorded.
func (s *shared) stepsDone(r *night.Record) string {
	if r == nil || r.MainRun() == nil {
		return noData
	}
	run := r.MainRun()
	return fmt.Sprintf("%d/%d", routine.Count(run.Steps).Done, s.stepCount(*run))
}

func (s *shared) stepCount(run night.Run) int {
	n := len(run.Steps)
	if lib := s.opts.Library; lib != nil {
		if rt, ok := lib.Find(run.Routine); ok {
			n = max(n, len(rt.Steps))
		}
	}
	return n
}

// efficiency is the night's sleep efficiency in percent, or -1.
func efficiency(r *night.Record) float64 {
	if r == nil || r.Checkin == nil {
		return -1
	}
	f := r.Checkin.Figures()
	if f.TIB <= 0 {
		return -1
	}
	return f.SE
}

func seText(se float64) string {
	if se < 0 {
		return noData
	}
	return fmt.Sprintf("%.0f %%", se)
}

// intoBed is the time the night's check-in says the person got into bed.
func intoBed(r *night.Record) string {
	if r == nil || r.Checkin == nil || r.Checkin.InBed.IsZero() {
		return noData
	}
	return clockText(r.Checkin.InBed)
}

func clockText(t time.Time) string { return t.Format("15:04") }

// The 1-5 answers of the check-in, in words.
func qualityWords() [5]string { return [5]string{"very poor", "poor", "fair", "good", "very good"} }
func restedWords() [5]string {
	return [5]string{"not at all", "slightly", "somewhat", "well-rested", "very well-rested"}
}

// scaleWord is a 1-5 answer in words.
func scaleWord(words [5]string, n int) string {
	if n < 1 || n > 5 {
		return noData
	}
	return words[n-1]
}

// weekday is a date's two-letter weekday, "Mo".
func weekday(date string) string { return parseDate(date).Format("Mon")[:2] }

// longNightLabel is "Sat 21 Nov 2026".
func longNightLabel(date string) string { return parseDate(date).Format("Mon 2 Jan 2006") }
