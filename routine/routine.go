// Package routine describes evening wind-down routines and runs them.
//
// A Routine is an ordered list of Steps; each Step expands into timed Phases
// (a side of a stretch, the warm half of a compress cycle, one muscle group
// tensed). The Engine walks those phases against an injected Clock, so the
// timing is exact and testable. The package imports neither UI nor storage.
package routine

import (
	"fmt"
	"time"
)

// Kind names how a step's time is divided.
type Kind string

// The step kinds a routine file may use.
const (
	// Hold is one timed hold, optionally per side and repeated in rounds.
	Hold Kind = "hold"
	// Interval alternates named phases (warm, cold) for a number of cycles.
	Interval Kind = "interval"
	// TenseRelease tenses then releases each muscle group in turn.
	TenseRelease Kind = "tense-release"
	// Breathing paces inhale, hold and exhale for cycles or a total time.
	Breathing Kind = "breathing"
	// Ready has no countdown: it shows its instruction and waits until
	// the person says they are ready (getting compresses takes as long as
	// it takes).
	Ready Kind = "ready"
)

// Kinds lists every step kind, in the order the docs describe them.
var Kinds = []Kind{Hold, Interval, TenseRelease, Breathing, Ready}

// Routine is a named sequence of steps.
type Routine struct {
	// Name identifies the routine on the command line ("wind-down").
	Name string
	// Title is the display name ("Evening wind-down"); Name when empty.
	Title       string
	Description string
	// Source says where the routine came from: "built-in" or a file path.
	Source string
	// PaceSound sounds each breath in and out of its paced breathing, as
	// --pace-sound does for every routine.
	PaceSound bool
	Steps     []Step
}

// DisplayTitle is the title to show a person.
func (r *Routine) DisplayTitle() string {
	if r.Title != "" {
		return r.Title
	}
	return r.Name
}

// Duration is the planned length of the whole routine.
func (r *Routine) Duration() time.Duration {
	var d time.Duration
	for _, s := range r.Steps {
		d += s.Duration()
	}
	return d
}

// PhaseCount is the number of phases across all steps.
func (r *Routine) PhaseCount() int {
	n := 0
	for _, s := range r.Steps {
		n += len(s.Phases)
	}
	return n
}

// Step is one exercise of a routine.
type Step struct {
	Title string
	// Instruction is one line on what to do.
	Instruction string
	// Safety is an optional caution shown with the step.
	Safety string
	Kind   Kind
	// Phases is the step expanded into timed parts; never empty.
	Phases []Phase
}

// Duration is the planned length of the step.
func (s Step) Duration() time.Duration {
	var d time.Duration
	for _, p := range s.Phases {
		d += p.Duration
	}
	return d
}

// Phase is one timed part of a step. A phase change is what sounds a cue.
type Phase struct {
	// Label is short, for the plan: "left side", "warm", "tense left calf".
	Label string
	// Heading says where in its step the phase is, with its counter:
	// "left · round 1 of 2", "warm · cycle 2 of 3", "tense your right
	// calf". Empty for a step of one plain phase. Shown, printed and
	// spoken at every phase.
	Heading string
	// Cue is what to do now, shown and printed at the phase change; may
	// be empty when the heading says it all.
	Cue      string
	Duration time.Duration
	// Breath is set for paced breathing; the pacer follows it.
	Breath *Breath
	// Wait is set on a ready step's phase: it has no Duration and lasts
	// until the person says they are ready.
	Wait bool
}

// Waits reports whether the step waits for the person rather than
// counting down.
func (s Step) Waits() bool { return len(s.Phases) == 1 && s.Phases[0].Wait }

// Breath is one breathing cycle. Zero holds are skipped.
type Breath struct {
	Inhale, Hold, Exhale, HoldAfter time.Duration
}

// Cycle is the length of one full breath.
func (b Breath) Cycle() time.Duration { return b.Inhale + b.Hold + b.Exhale + b.HoldAfter }

// BreathStage is where in a breath the pacer is.
type BreathStage int

// Breath stages in cycle order.
const (
	Inhale BreathStage = iota
	HoldIn
	Exhale
	HoldOut
)

func (s BreathStage) String() string {
	switch s {
	case Inhale:
		return "breathe in"
	case HoldIn:
		return "hold"
	case Exhale:
		return "breathe out"
	case HoldOut:
		return "rest"
	}
	return fmt.Sprintf("BreathStage(%d)", int(s))
}

// At says which stage of the breath elapsed falls in and how far through
// that stage it is, from 0 to 1.
func (b Breath) At(elapsed time.Duration) (BreathStage, float64) {
	cycle := b.Cycle()
	if cycle <= 0 {
		return Inhale, 0
	}
	t := elapsed % cycle
	if t < 0 {
		t += cycle
	}
	stages := [...]time.Duration{b.Inhale, b.Hold, b.Exhale, b.HoldAfter}
	for i, d := range stages {
		if d <= 0 {
			continue
		}
		if t < d {
			return BreathStage(i), float64(t) / float64(d)
		}
		t -= d
	}
	return Inhale, 0
}

// StepStatus says how a step ended.
type StepStatus string

// Step outcomes.
const (
	StepDone    StepStatus = "done"
	StepSkipped StepStatus = "skipped"
)

// StepResult is what happened to one step of a run.
type StepResult struct {
	// Index is the step's position in the routine, from 0.
	Index   int
	Title   string
	Planned time.Duration
	// Actual is routine time spent on the step (scaled by --speed).
	Actual time.Duration
	Status StepStatus
}

// Status is the state of a whole run of a routine.
type Status string

// Run statuses. A run is running until it ends; one left running by a crash
// stays so in storage until it is resumed or closed.
const (
	Running   Status = "running"
	Completed Status = "completed"
	Partial   Status = "partial"
	Abandoned Status = "abandoned"
)

// StageLeft is how long the stage of the breath that elapsed falls in has
// still to go: when the next "breathe in" or "breathe out" is due.
func (b Breath) StageLeft(elapsed time.Duration) time.Duration {
	cycle := b.Cycle()
	if cycle <= 0 {
		return 0
	}
	t := elapsed % cycle
	if t < 0 {
		t += cycle
	}
	for _, d := range [...]time.Duration{b.Inhale, b.Hold, b.Exhale, b.HoldAfter} {
		if t < d {
			return d - t
		}
		t -= d
	}
	return cycle - t
}

// StageLength is how long stage lasts in one breath.
func (b Breath) StageLength(s BreathStage) time.Duration {
	return [...]time.Duration{b.Inhale, b.Hold, b.Exhale, b.HoldAfter}[s]
}
