package routine

// This file words a phase for the places it is read or heard: the line
// printed in plain mode and the sentence a voice says.

import "strings"

// PhaseTitle is the step's title with the phase's heading, the line that
// says where a run is: "Calf stretch · left · round 1 of 2", "Warm and
// cold compress · warm · cycle 2 of 3".
func (s Step) PhaseTitle(i int) string {
	return joinHeading(s.Title, s.Phases[i].Heading)
}

// Spoken is what a voice says as phase i begins: the step's title on its
// first phase, the heading, and the cue; a ready step says its
// instruction and how to answer. "Progressive muscle relaxation. Tense
// your left foot. Curl your toes upward."
func (s Step) Spoken(i int) string {
	ph := s.Phases[i]
	var parts []string
	if i == 0 {
		parts = append(parts, sentence(s.Title))
	}
	if ph.Heading != "" {
		parts = append(parts, sentence(strings.ReplaceAll(ph.Heading, " · ", ", ")))
	}
	if ph.Cue != "" {
		parts = append(parts, ph.Cue)
	}
	if ph.Wait {
		parts = append(parts, sentence(s.Instruction), "Press Enter when you are ready.")
	}
	return strings.Join(parts, " ")
}

// Sentence capitalizes s and ends it with a full stop, as a heading reads
// on its own line: "tense your left foot" is "Tense your left foot.".
func Sentence(s string) string { return sentence(s) }
