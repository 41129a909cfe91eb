package plain

import (
	"fmt"

	"github.com/quietlegs/quietlegs/routine"
)

// PhaseLine is what plain mode prints as a phase begins: where the run is,
// the phase's length, and what to do; the step's instruction comes with
// its first phase. "[2/9] Calf stretch · left · round 1 of 2 · 0:30 — Face
// a wall… Left side."
func PhaseLine(r *routine.Routine, step, phase int) string {
	s := r.Steps[step]
	ph := s.Phases[phase]
	length := routine.FormatDuration(ph.Duration)
	if ph.Wait {
		length = "waits for you"
	}
	line := fmt.Sprintf("[%d/%d] %s · %s", step+1, len(r.Steps), s.PhaseTitle(phase), length)
	var what []string
	if phase == 0 && s.Instruction != "" {
		what = append(what, s.Instruction)
	}
	if ph.Cue != "" {
		what = append(what, ph.Cue)
	}
	if ph.Wait {
		what = append(what, "Press Enter when you are ready.")
	}
	for i, w := range what {
		sep := " "
		if i == 0 {
			sep = " — "
		}
		line += sep + w
	}
	return line
}

// StepLines say how each step of a run went, as the screen's summary does:
// "✓ Settle in · 1:00", "– Leg massage · cut short at 3:12", "· Lie still
// · not reached".
func StepLines(e *routine.Engine) []string {
	var out []string
	for _, o := range e.Outcomes() {
		out = append(out, o.Mark+" "+o.Title+" · "+o.When)
	}
	return out
}
