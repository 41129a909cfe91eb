// Package cue makes a routine's cues heard: distinct chimes (synthesised
// here, played by whatever player the system has), terminal bells counted
// out when there is no player, and a voice saying each cue. Sounds play in
// the background, one after another, so a timer never waits for them.
package cue

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Kind names a cue: what just happened in the routine.
type Kind int

// The cues, each with its own sound.
const (
	// Phase is a change inside a step: warm to cold, left to right,
	// tense to release.
	Phase Kind = iota
	// Step is a new step.
	Step
	// End is the routine's end.
	End
	// Inhale and Exhale pace a breath, when pacing sounds are asked for.
	Inhale
	Exhale
)

var kindNames = map[Kind]string{Phase: "phase", Step: "step", End: "end", Inhale: "inhale", Exhale: "exhale"}

func (k Kind) String() string { return kindNames[k] }

// Bells is how many terminal bells stand for k when no chime can be
// played: one for a phase, two for a step, three for the end. A breath has
// none: a bell every few seconds would be no help.
func (k Kind) Bells() int {
	switch k {
	case Phase:
		return 1
	case Step:
		return 2
	case End:
		return 3
	}
	return 0
}

// Sound chooses how cues sound.
type Sound string

// The choices of --sound and the sound setting.
const (
	Chime Sound = "chime"
	Bell  Sound = "bell"
	Off   Sound = "off"
)

// ParseSound reads a --sound value or setting.
func ParseSound(s string) (Sound, error) {
	switch v := Sound(strings.TrimSpace(strings.ToLower(s))); v {
	case Chime, Bell, Off:
		return v, nil
	}
	return "", fmt.Errorf("%q is not a sound: want bell, chime or off", s)
}

// Players are the sound players looked for, in order, with the arguments
// before the file.
var Players = [][]string{{"pw-play"}, {"paplay"}, {"aplay", "-q"}, {"afplay"}}

// Voices are the speech programs looked for, in order, with the arguments
// before the text. spd-say waits (-w) so cues do not talk over each other.
var Voices = [][]string{{"espeak-ng", "-s", "150"}, {"spd-say", "-w"}, {"say"}}

// Options say what to give.
type Options struct {
	Sound Sound
	// Voice speaks each cue's words.
	Voice bool
	// Pace sounds each breath in and out of paced breathing, in every
	// routine (a routine may ask for it itself: see Paced).
	Pace bool
	// LookPath finds a program; exec.LookPath when nil.
	LookPath func(string) (string, error)
}

// Cues gives the cues of one run; a nil *Cues is silent. Give and Say may
// be called from one goroutine; the sounds play on another.
type Cues struct {
	o      Options
	player []string
	voice  []string
	dir    string
	files  map[Kind]string
	// soundNote and voiceNote say what was asked for and not found.
	soundNote, voiceNote string
	jobs                 chan job
	done                 chan struct{}
	// ctx ends, by stop, the sound playing when Close has waited enough.
	ctx    context.Context
	stop   context.CancelFunc
	closed sync.Once
	// shut is set by Close: later cues are not queued.
	shut atomic.Bool
	// playerFailed is set when the player could not play a chime (no
	// sound server, say): bells stand in from then on.
	playerFailed atomic.Bool
}

// queueLength bounds the sounds waiting to play; beyond it new ones are
// dropped rather than ever holding up the routine.
const queueLength = 256

// playTimeout bounds one sound or sentence, so a stuck player cannot
// silence the rest.
const playTimeout = 20 * time.Second

// job is one sound to play: a chime, or words to say.
type job struct {
	argv []string
	// chime is set for a chime, whose file is written before it is
	// first played.
	chime bool
	kind  Kind
}

// New finds the player and voice and, for chimes, makes a private
// temporary folder for them; each chime is synthesised there, off the
// caller's goroutine, before it first plays (all five take some
// milliseconds, which start-up need not wait for). What could not be
// found is told by Notes; an error means there is no folder for the
// chimes, and bells stand in.
func New(o Options) (*Cues, error) {
	if o.LookPath == nil {
		o.LookPath = exec.LookPath
	}
	c := &Cues{o: o, files: map[Kind]string{}}
	var err error
	if o.Sound == Chime {
		c.player = find(o.LookPath, Players)
		if c.player == nil {
			c.soundNote = "No sound player found (pw-play, paplay, aplay or afplay): terminal bells instead, 1 for a change, 2 for a new step, 3 for the end."
		} else if c.dir, err = os.MkdirTemp("", "quietlegs-chimes-"); err != nil {
			c.player = nil
			err = fmt.Errorf("chimes: %w; terminal bells instead", err)
		}
	}
	if o.Voice {
		c.voice = find(o.LookPath, Voices)
		if c.voice == nil {
			c.voiceNote = "No voice found: install espeak-ng (or speech-dispatcher's spd-say) to hear the cues spoken."
		}
	}
	if c.player != nil || c.voice != nil {
		c.jobs, c.done = make(chan job, queueLength), make(chan struct{})
		c.ctx, c.stop = context.WithCancel(context.Background())
		go c.play()
	}
	return c, err
}

func find(look func(string) (string, error), progs [][]string) []string {
	for _, p := range progs {
		if path, err := look(p[0]); err == nil {
			return append([]string{path}, p[1:]...)
		}
	}
	return nil
}

// chimeFile is where the chime for k is, written on first use; "" if it
// could not be. Only the playing goroutine calls it.
func (c *Cues) chimeFile(k Kind) string {
	if f, ok := c.files[k]; ok {
		return f
	}
	f := filepath.Join(c.dir, k.String()+".wav")
	if err := os.WriteFile(f, Synthesize(k), 0o600); err != nil {
		f = "" // a full disk: this chime stays silent
	}
	c.files[k] = f
	return f
}

// Notes says what was asked for and could not be found, for a person to
// read at the start: the sound player (when bells stand in for chimes)
// and the voice. Either is "" when there is nothing to say.
func (c *Cues) Notes() (sound, voice string) {
	if c == nil {
		return "", ""
	}
	return c.soundNote, c.voiceNote
}

// RingsBells reports whether the cues are terminal bells from the start:
// --sound bell, or chimes with no player found. The caller rings them
// (see Give) and, with no terminal to ring them on, should say the cues
// are silent.
func (c *Cues) RingsBells() bool {
	return c != nil && (c.o.Sound == Bell || c.o.Sound == Chime && c.player == nil)
}

// Paced reports whether each breath of a routine is cued: asked for by
// Options.Pace, or by the routine itself (routineAsks).
func (c *Cues) Paced(routineAsks bool) bool { return c != nil && (c.o.Pace || routineAsks) }

// Give sounds the cue k and speaks words (when a voice is on and words is
// not empty). It never waits. Breaths are the caller's to pace: see Paced.
// It returns how many terminal bells the caller should ring: with bells,
// with no player, or once the player has failed.
func (c *Cues) Give(k Kind, words string) (bells int) {
	if c == nil {
		return 0
	}
	switch {
	case c.o.Sound == Off:
	case c.player != nil && !c.playerFailed.Load():
		c.queue(job{argv: c.player, chime: true, kind: k})
	default:
		bells = k.Bells()
	}
	c.Say(words)
	return bells
}

// Say speaks words with no chime, when a voice is on: news that is no
// cue, such as a pause. A leading dash is left out: it would read as an
// option.
func (c *Cues) Say(words string) {
	if c != nil && c.voice != nil && strings.TrimSpace(words) != "" {
		c.queue(job{argv: append(c.voice[:len(c.voice):len(c.voice)], strings.TrimLeft(words, "- "))})
	}
}

func (c *Cues) queue(j job) {
	if c.shut.Load() {
		return
	}
	select {
	case c.jobs <- j:
	default: // the queue is full: drop this one rather than wait
	}
}

// play runs the queued sounds one after another.
func (c *Cues) play() {
	defer close(c.done)
	for j := range c.jobs {
		if c.ctx.Err() != nil {
			continue // stopped by Close
		}
		argv := j.argv
		if j.chime {
			f := c.chimeFile(j.kind)
			if f == "" {
				continue
			}
			argv = append(argv[:len(argv):len(argv)], f)
		}
		ctx, cancel := context.WithTimeout(c.ctx, playTimeout)
		err := exec.CommandContext(ctx, argv[0], argv[1:]...).Run()
		cancel()
		if err != nil && j.chime {
			// A player that cannot play (no sound server) would leave a
			// person with eyes closed hearing nothing: bells instead.
			c.playerFailed.Store(true)
		}
	}
}

// Close lets the sounds already queued play, waiting at most wait, and
// removes the chimes.
func (c *Cues) Close(wait time.Duration) {
	if c == nil {
		return
	}
	c.closed.Do(func() {
		c.shut.Store(true)
		if c.jobs != nil {
			close(c.jobs)
			select {
			case <-c.done:
			case <-time.After(wait):
				// Stop the sound playing and drop the rest, so no player
				// outlives quietlegs and no chime is written after the
				// folder goes.
				c.stop()
				c.drop()
				select {
				case <-c.done:
				case <-time.After(time.Second):
				}
			}
			c.stop()
		}
		if c.dir != "" {
			_ = os.RemoveAll(c.dir)
		}
	})
}

// drop empties the queue of sounds not yet played.
func (c *Cues) drop() {
	for {
		select {
		case _, ok := <-c.jobs:
			if !ok {
				return
			}
		default:
			return
		}
	}
}

// Bells is n terminal bells, to write to the terminal.
func Bells(n int) string { return strings.Repeat("\a", n) }
