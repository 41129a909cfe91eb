// Package plain runs a routine without a screen, as lines of text: every
// word the screen shows (each phase with its counter, the step's
// instruction and safety note, the cue, each breath), with keys read from
// standard input a line at a time. It suits screen readers, pipes and dumb
// terminals, and records the run through the journal like the screen does.
package plain

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/termsafe"
)

// Pacing says how paced breathing is printed.
type Pacing string

// The choices of --pace.
const (
	// PaceEach prints every breath in, hold and breath out.
	PaceEach Pacing = "each"
	// PaceQuiet prints one line a minute, so a screen reader is not
	// flooded.
	PaceQuiet Pacing = "quiet"
)

// Runner prints one run of a routine.
type Runner struct {
	Out    io.Writer
	Record *journal.Run
	// Bells is where terminal bells ring when they stand for the cues: a
	// terminal (standard output, or standard error when the output is
	// piped), or nil when there is none, as bells in a log are noise.
	Bells io.Writer
	// Cues sounds and speaks the cues; nil for silence.
	Cues *cue.Cues
	Pace Pacing
	// Wait blocks for time or a key: ReadKeys(os.Stdin) in real use, a
	// fake clock and scripted keys in tests.
	Wait Waiter

	// leaving is set while "leave the routine?" waits for its answer.
	leaving bool
	// stage is the breath stage last printed, or -1 at a phase's start.
	stage routine.BreathStage
	// minute is the last whole minute of a breathing phase printed.
	minute int
}

// Keys is printed once, at the start.
const Keys = "Keys, each followed by Enter: p (or space) pauses and goes on · n next step · b back a step · q leaves · Enter alone answers a step that waits for you."

// Run runs the routine to its end, until the person leaves, or until ctx
// is cancelled (a signal), when it saves the run as it stands. It returns
// the run's status, and an error if the run could not be saved at the end.
func (p *Runner) Run(ctx context.Context) (routine.Status, error) {
	out := &firstError{w: p.Out}
	p.Out = out
	e := p.Record.Engine
	p.say(Keys)
	// Bells ring only on a terminal; with none, the cues are silent, and
	// that is said wherever the lines go, as is a voice missed.
	sound, voice := p.Cues.Notes()
	switch {
	case p.Bells == nil && p.Cues.RingsBells():
		p.say(NoBells(sound != ""))
	case sound != "":
		p.say(sound)
	}
	if voice != "" {
		p.say(voice)
	}
	p.report(e.Start())
	for !e.Snapshot().Done {
		if out.err != nil {
			// Nobody reads the lines any more (a closed pipe, a full
			// disk): the run ends here, saved as it stands.
			if err := p.Record.Stop(context.Background()); err != nil {
				return e.Status(), fmt.Errorf("output failed (%v), and the routine could not be saved: %w", out.err, err)
			}
			return e.Status(), fmt.Errorf("output failed, so the routine stopped and was saved as %s: %w", e.Status(), out.err)
		}
		line, typed, err := p.Wait(ctx, p.wake())
		switch {
		case err == ErrNoKeys:
			p.goOn()
		case err != nil:
			// The context is over: save with a fresh one.
			return p.stop()
		case typed:
			if p.key(line) {
				return p.stop()
			}
		default:
			p.report(e.Update())
			p.pace()
		}
	}
	if err := p.Record.Err(); err != nil {
		return e.Status(), fmt.Errorf("routine finished but could not be saved: %w", err)
	}
	return e.Status(), nil
}

// stop ends the run where it stands and saves it.
func (p *Runner) stop() (routine.Status, error) {
	e := p.Record.Engine
	err := p.Record.Stop(context.Background())
	p.closing()
	if err != nil {
		return e.Status(), fmt.Errorf("routine stopped early and could not be saved: %w", err)
	}
	return e.Status(), nil
}

// wake is how long to wait before anything is due: the phase's end, the
// next breath stage or minute line, or Forever while only a key can move
// the run on.
func (p *Runner) wake() time.Duration {
	e := p.Record.Engine
	snap := e.Snapshot()
	// While "leave the routine?" waits, the routine keeps time, as on the
	// screen, but nothing is printed until it is answered, so no line
	// comes between the question and its answer (see key).
	if p.leaving || !snap.Running || snap.Waiting {
		return Forever
	}
	due := snap.PhaseRemaining
	if b := p.breath(snap); b != nil {
		if p.Pace == PaceQuiet {
			due = min(due, time.Minute-snap.PhaseElapsed%time.Minute)
		}
		if p.Pace != PaceQuiet || p.paced() {
			due = min(due, b.StageLeft(snap.PhaseElapsed))
		}
	}
	return max(time.Duration(float64(due)/e.Speed()), time.Millisecond)
}

// goOn carries an unattended run on where it would wait for a key.
func (p *Runner) goOn() {
	e := p.Record.Engine
	snap := e.Snapshot()
	switch {
	case p.leaving:
		p.leaving = false
		p.say("No answer (standard input has ended): staying.")
		p.report(e.Update())
		p.pace()
	case snap.Waiting:
		p.say("No one to answer (standard input has ended): going on without it.")
		p.report(e.Next())
	case !snap.Running:
		p.say("No one to answer (standard input has ended): carrying on.")
		p.report(e.Unpause())
	}
}

// key acts on one typed line; it reports whether the person chose to
// leave.
func (p *Runner) key(line string) (leave bool) {
	e := p.Record.Engine
	if p.leaving {
		p.leaving = false
		if line == "y" || line == "Y" {
			return true
		}
		p.say("Staying.")
		// What came due while the question waited, at once.
		p.report(e.Update())
		p.pace()
		return false
	}
	switch line {
	case "":
		if e.Snapshot().Waiting {
			p.report(e.Ready())
		}
	case "p", "P", " ":
		if e.Snapshot().Waiting {
			p.report(e.Ready())
			return false
		}
		p.report(e.TogglePause())
	case "n", "N":
		p.report(e.Next())
	case "b", "B":
		p.report(e.Back())
	case "q", "Q":
		p.leaving = true
		p.say("Leave the routine? What you did is saved. Type y and Enter to leave; anything else stays.")
	default:
		p.say(Keys)
	}
	return false
}

// NoBells is the start's notice when bells would stand for the cues and
// there is no terminal to ring them on; noPlayer says chimes were asked
// for and no player was found.
func NoBells(noPlayer bool) string {
	if noPlayer {
		return "No sound player found (pw-play, paplay, aplay or afplay), and no terminal to ring bells on: the cues are silent."
	}
	return "No terminal to ring bells on (the output is not one): the cues are silent."
}

// firstError is a writer that keeps the first error a write met.
type firstError struct {
	w   io.Writer
	err error
}

func (f *firstError) Write(b []byte) (int, error) {
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.w.Write(b)
	f.err = err
	return n, err
}

// say prints one line, made safe for a terminal.
func (p *Runner) say(line string) { fmt.Fprintln(p.Out, termsafe.Line(line)) }

// report prints the events, gives their cues and saves the run after each
// batch.
func (p *Runner) report(evs []routine.Event) {
	if len(evs) == 0 {
		return
	}
	e := p.Record.Engine
	r := e.Routine()
	for _, ev := range evs {
		switch ev.Kind {
		case routine.PhaseStarted:
			s := r.Steps[ev.Step]
			k := cue.Phase
			if ev.Phase == 0 {
				k = cue.Step
				if s.Safety != "" {
					p.say("⚠ " + s.Safety)
				}
			}
			p.give(k, s.Spoken(ev.Phase))
			p.say(PhaseLine(r, ev.Step, ev.Phase))
			p.stage, p.minute = -1, 0
		case routine.Paused:
			line := "Paused. Type p and Enter to go on."
			if ev.Reason != "" {
				line = "Paused: " + ev.Reason + ". Type p and Enter to go on."
			}
			p.say(line)
			p.Cues.Say(line)
		case routine.Resumed:
			p.say("Going on.")
		case routine.Finished:
			p.give(cue.End, routine.StatusWord(e.Status())+". Good night.")
		}
	}
	p.pace()
	if err := p.Record.SaveNow(context.Background()); err != nil {
		p.say("Warning: " + err.Error() + " (will retry)")
	}
	if e.Snapshot().Done {
		p.closing()
	}
}

// give sounds a cue, with the bells it asks for when Out may ring them.
func (p *Runner) give(k cue.Kind, words string) {
	if n := p.Cues.Give(k, words); n > 0 && p.Bells != nil {
		fmt.Fprint(p.Bells, cue.Bells(n))
	}
}

// pace prints the breath stage just begun (and cues it, when breaths are
// paced by sound), or a line a minute with PaceQuiet, while a breathing
// phase runs.
func (p *Runner) pace() {
	snap := p.Record.Engine.Snapshot()
	b := p.breath(snap)
	if b == nil || !snap.Running {
		return
	}
	if m := int(snap.PhaseElapsed / time.Minute); p.Pace == PaceQuiet && m > p.minute {
		p.minute = m
		p.say("  " + routine.FormatLength(snap.PhaseRemaining) + " of breathing left")
	}
	stage, _ := b.At(snap.PhaseElapsed)
	if stage == p.stage {
		return
	}
	p.stage = stage
	if k, ok := breathCues[stage]; ok && p.paced() {
		p.give(k, routine.Sentence(stage.String()))
	}
	if p.Pace != PaceQuiet {
		p.say(fmt.Sprintf("  %s %s", stage, routine.FormatLength(b.StageLength(stage))))
	}
}

// breathCues are the stages of a breath that have a cue.
var breathCues = map[routine.BreathStage]cue.Kind{routine.Inhale: cue.Inhale, routine.Exhale: cue.Exhale}

// paced reports whether each breath is cued by sound.
func (p *Runner) paced() bool { return p.Cues.Paced(p.Record.Engine.Routine().PaceSound) }

func (p *Runner) breath(s routine.Snapshot) *routine.Breath {
	if s.Done || !s.Started {
		return nil
	}
	return p.Record.Engine.Routine().Steps[s.Step].Phases[s.Phase].Breath
}

// closing prints the summary: the closing line and how each step went.
func (p *Runner) closing() {
	e := p.Record.Engine
	for _, l := range StepLines(e) {
		p.say("  " + l)
	}
	p.say(e.ClosingLine())
}
