package cue

// This file synthesises the chimes: a few sine partials under a gentle
// envelope, written as 16-bit mono WAV. Each cue has its own pattern so it
// can be told by ear: one mid tone for a phase, two rising for a new step,
// three falling for the end, and a low swell for each breath in and out.

import (
	"bytes"
	"encoding/binary"
	"math"
)

// sampleRate is low but plenty for soft tones below 2 kHz.
const sampleRate = 22050

// level is the loudest a chime gets, as a share of full scale: soft, for
// a dark room.
const level = 0.3

// note is one struck tone within a pattern.
type note struct {
	at, length float64 // seconds
	freq       float64 // Hz
	// attack is the rise in seconds: short for a chime, long for a swell.
	attack float64
}

// patterns are the notes of each cue.
var patterns = map[Kind][]note{
	Phase: {{0, 0.8, 659.25, 0.01}},                                                     // E5
	Step:  {{0, 0.8, 523.25, 0.01}, {0.2, 0.9, 783.99, 0.01}},                           // C5, G5
	End:   {{0, 0.9, 783.99, 0.01}, {0.4, 0.9, 659.25, 0.01}, {0.8, 1.6, 523.25, 0.01}}, // G5, E5, C5
	// Breaths swell rather than strike, low: up for in, lower for out.
	Inhale: {{0, 1.0, 392.00, 0.35}}, // G4
	Exhale: {{0, 1.0, 293.66, 0.35}}, // D4
}

// partials are the overtones of every note and their weights: a soft,
// round tone with a little shimmer.
var partials = []struct{ mult, weight float64 }{{1, 1}, {2, 0.3}, {3, 0.1}}

// Synthesize renders the chime for k as WAV bytes.
func Synthesize(k Kind) []byte {
	notes := patterns[k]
	end := 0.0
	for _, n := range notes {
		end = max(end, n.at+n.length)
	}
	samples := make([]float64, int(end*sampleRate)+1)
	for _, n := range notes {
		first := int(n.at * sampleRate)
		count := min(int(n.length*sampleRate), len(samples)-first)
		tone := make([]float64, count)
		for _, p := range partials {
			// Each partial is a sine turned by a fixed rotation a sample
			// and a decay by a fixed factor, so no sample costs a Sin or an
			// Exp. Higher partials die away sooner, as in a struck bell.
			w := 2 * math.Pi * n.freq * p.mult / sampleRate
			rc, rs := math.Cos(w), math.Sin(w)
			decay := math.Exp(-p.mult * 2.5 / n.length / sampleRate)
			x, y, amp := 1.0, 0.0, p.weight
			for i := range tone {
				tone[i] += amp * y
				x, y = x*rc-y*rs, x*rs+y*rc
				amp *= decay
			}
		}
		env := envelope(n.length, n.attack)
		for i, v := range tone {
			samples[first+i] += v * env(i)
		}
	}
	peak := 0.0
	for _, s := range samples {
		peak = max(peak, math.Abs(s))
	}
	pcm := make([]int16, len(samples))
	if peak > 0 {
		for i, s := range samples {
			pcm[i] = int16(s / peak * level * math.MaxInt16)
		}
	}
	return wav(pcm)
}

// envelope is a note's loudness by sample, called in order from 0: it
// rises over attack, decays, and fades to silence at the end so no click
// is heard.
func envelope(length, attack float64) func(i int) float64 {
	const fade = 0.03
	decay := math.Exp(-3 / length / sampleRate)
	e := 1.0
	return func(i int) float64 {
		t := float64(i) / sampleRate
		v := e
		e *= decay
		if t < attack {
			v *= t / attack
		}
		if rest := length - t; rest < fade {
			v *= max(rest, 0) / fade
		}
		return v
	}
}

// wav wraps 16-bit mono samples in a RIFF header.
func wav(pcm []int16) []byte {
	var b bytes.Buffer
	size := uint32(len(pcm) * 2)
	w := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	w(36 + size)
	b.WriteString("WAVEfmt ")
	w(uint32(16))             // fmt chunk size
	w(uint16(1))              // PCM
	w(uint16(1))              // mono
	w(uint32(sampleRate))     // sample rate
	w(uint32(sampleRate * 2)) // byte rate
	w(uint16(2))              // block align
	w(uint16(16))             // bits per sample
	b.WriteString("data")
	w(size)
	w(pcm)
	return b.Bytes()
}
