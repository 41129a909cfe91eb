package plain_test

import (
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/cue/cuetest"
	"github.com/quietlegs/quietlegs/plain"
)

// TestNoTerminalForBells: with the output piped and no terminal for
// bells, no bell gets into the lines, and the start says the cues are
// silent whenever sound was wanted.
func TestNoTerminalForBells(t *testing.T) {
	tests := []struct {
		name  string
		sound cue.Sound
		say   string // "" for nothing said about sound
	}{
		{"chimes, no player", cue.Chime, plain.NoBells(true)},
		{"bells", cue.Bell, plain.NoBells(false)},
		{"off", cue.Off, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cuetest.FakePrograms(t)
			cues, err := cue.New(cue.Options{Sound: tt.sound})
			if err != nil {
				t.Fatal(err)
			}
			defer cues.Close(time.Second)
			out, _, _ := runWindDown(t, cues, plain.PaceQuiet, false)
			if strings.Contains(out, "\a") {
				t.Error("a bell in output that is no terminal")
			}
			lines := strings.SplitN(out, "\n", 3)
			if tt.say != "" && lines[1] != tt.say {
				t.Errorf("second line %q, want %q", lines[1], tt.say)
			}
			if tt.say == "" && (strings.Contains(out, "sound") || strings.Contains(out, "bells")) {
				t.Errorf("--sound off said something about sound:\n%s", lines[1])
			}
		})
	}
}
