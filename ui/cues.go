package ui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/routine"
)

// giveCue is the one way the screens sound a cue: the chime or voice plays
// in the background through c, and the terminal bells it asks for (with
// --sound bell, or no player) come back as a command writing them. nil
// when there is nothing to ring.
func giveCue(c *cue.Cues, k cue.Kind, words string) tea.Cmd {
	if n := c.Give(k, words); n > 0 {
		return tea.Raw(cue.Bells(n))
	}
	return nil
}

// eventsCue is the one cue for a batch of the engine's events: the end
// outranks a new step, which outranks a phase change, however many phases
// a late tick crossed. ok is false when the batch needs none.
func eventsCue(r *routine.Routine, status routine.Status, evs []routine.Event) (k cue.Kind, words string, ok bool) {
	for _, ev := range evs {
		switch {
		case ev.Kind == routine.Finished:
			return cue.End, routine.StatusWord(status) + ". Good night.", true
		case ev.Kind != routine.PhaseStarted:
		case ev.Phase == 0:
			k, words, ok = cue.Step, r.Steps[ev.Step].Spoken(0), true
		case !ok || k != cue.Step:
			k, words, ok = cue.Phase, r.Steps[ev.Step].Spoken(ev.Phase), true
		}
	}
	return k, words, ok
}

// breathCue is the cue for a breath stage just begun: in and out have one,
// holds have none.
func breathCue(s routine.BreathStage) (cue.Kind, bool) {
	switch s {
	case routine.Inhale:
		return cue.Inhale, true
	case routine.Exhale:
		return cue.Exhale, true
	}
	return 0, false
}
