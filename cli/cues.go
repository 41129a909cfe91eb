package cli

import (
	"cmp"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/night"
)

// cueFlags are the flags that choose how a routine's cues sound.
type cueFlags struct {
	sound     string
	voice     bool
	paceSound bool
}

func (f *cueFlags) register(cmd *cobra.Command) {
	pf := cmd.PersistentFlags()
	pf.StringVar(&f.sound, "sound", "", "how cues sound: chime, bell or off (default: the sound setting, else chime)")
	pf.BoolVar(&f.voice, "voice", false, "speak each cue (espeak-ng, spd-say or say)")
	pf.BoolVar(&f.paceSound, "pace-sound", false, "a soft sound for each breath in and out of paced breathing")
}

// cueDrain is how long the last sounds may play on as a routine ends.
const cueDrain = 4 * time.Second

// cues makes the routine's cues from the flags over the settings: --quiet
// is --sound off, and silences the voice setting too (not --voice).
func (a *app) cues(set night.Settings) (*cue.Cues, error) {
	s := cmp.Or(a.cue.sound, set.Sound, string(cue.Chime))
	if a.quiet {
		s = string(cue.Off)
	}
	sound, err := cue.ParseSound(s)
	if err != nil {
		return nil, usageError("--sound: %v", err)
	}
	c, err := cue.New(cue.Options{Sound: sound, Voice: a.cue.voice || set.Voice && !a.quiet, Pace: a.cue.paceSound})
	if err != nil {
		fmt.Fprintln(a.stderr, "quietlegs:", err)
	}
	return c, nil
}
