package routine

// This file turns checked steps into their timed phases, with the cues a
// person reads during each one.

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// spec is a step whose values have been checked, ready to expand.
type spec interface {
	phases() []Phase
}

// holdSpec is a checked hold step.
type holdSpec struct {
	length time.Duration
	rounds int
	sides  []string
}

// phases expands a hold: per round, each side in turn. Each phase's
// heading names its side and round: "left · round 1 of 2".
func (h holdSpec) phases() []Phase {
	var out []Phase
	for r := 1; r <= h.rounds; r++ {
		round := ""
		if h.rounds > 1 {
			round = fmt.Sprintf("round %d of %d", r, h.rounds)
		}
		if len(h.sides) == 0 {
			ph := Phase{Label: "hold", Cue: "Begin.", Duration: h.length}
			if round != "" {
				ph.Label, ph.Heading, ph.Cue = round, round, sentence(round)
			}
			out = append(out, ph)
			continue
		}
		for i, side := range h.sides {
			cue := fmt.Sprintf("Switch to the %s side.", side)
			switch {
			case r == 1 && i == 0:
				cue = sentence(side + " side")
			case i == 0:
				cue = fmt.Sprintf("Round %d of %d: %s side.", r, h.rounds, side)
			}
			out = append(out, Phase{Label: side + " side", Heading: joinHeading(side, round), Cue: cue, Duration: h.length})
		}
	}
	return out
}

// joinHeading puts the non-empty parts of a heading together with " · ".
func joinHeading(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}

// tenseSpec is a checked tense-release step.
type tenseSpec struct {
	groups, sides  []string
	tense, release time.Duration
	cues           map[string]string // by group; may be empty
}

// phases expands each group, tensed then released: all the groups of one
// side, then all of the next. The headings name the group as written and
// the side: "tense your left calf", "release your left calf" (a routine
// with sides reads best with its groups in the singular).
func (t tenseSpec) phases() []Phase {
	sides := t.sides
	if len(sides) == 0 {
		sides = []string{""}
	}
	var out []Phase
	for _, side := range sides {
		for _, g := range t.groups {
			who := strings.TrimSpace(side + " " + g)
			out = append(out,
				Phase{Label: "tense " + who, Heading: "tense your " + who, Cue: sentence(t.cues[g]), Duration: t.tense},
				Phase{Label: "release", Heading: "release your " + who, Cue: "Let go completely.", Duration: t.release})
		}
	}
	return out
}

// intervalSpec is a checked interval step: one cycle's phases, and how
// many cycles.
type intervalSpec struct {
	cycles int
	one    []intervalPhase
}

type intervalPhase struct {
	name, cue string // cue may be empty
	length    time.Duration
}

// phases expands the phases, in order, once per cycle. The heading names
// the phase and its cycle: "warm · cycle 2 of 3".
func (iv intervalSpec) phases() []Phase {
	var out []Phase
	for c := 1; c <= iv.cycles; c++ {
		cycle := ""
		if iv.cycles > 1 {
			cycle = fmt.Sprintf("cycle %d of %d", c, iv.cycles)
		}
		for _, ph := range iv.one {
			out = append(out, Phase{Label: ph.name, Heading: joinHeading(ph.name, cycle), Cue: ph.cue, Duration: ph.length})
		}
	}
	return out
}

// readySpec is a checked ready step: one phase that waits.
type readySpec struct{}

func (readySpec) phases() []Phase { return []Phase{{Label: "ready", Wait: true}} }

// breathSpec is a checked breathing step: the parts of one breath in
// seconds, and how many breaths.
type breathSpec struct {
	in, hold, out, after int64
	breaths              int64
}

// phases makes one paced phase, with a cue like "Breathe in for 4
// seconds, hold for 7, out for 8."
func (b breathSpec) phases() []Phase {
	br := Breath{Inhale: sec(b.in), Hold: sec(b.hold), Exhale: sec(b.out), HoldAfter: sec(b.after)}
	cue := fmt.Sprintf("Breathe in for %d %s", b.in, Plural(int(b.in), "second", "seconds"))
	if b.hold > 0 {
		cue += fmt.Sprintf(", hold for %d", b.hold)
	}
	cue += fmt.Sprintf(", out for %d", b.out)
	if b.after > 0 {
		cue += fmt.Sprintf(", rest for %d", b.after)
	}
	cycle := b.in + b.hold + b.out + b.after
	return []Phase{{Label: "breathe", Cue: cue + ".", Duration: sec(b.breaths * cycle), Breath: &br}}
}

func sec(n int64) time.Duration { return time.Duration(n) * time.Second }

// sentence capitalizes s and ends it with a full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	s = string(unicode.ToUpper(r)) + s[n:]
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "!") && !strings.HasSuffix(s, "?") {
		s += "."
	}
	return s
}
