package cue_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/cue/cuetest"
)

func TestChimesAreDistinctSoftWAVs(t *testing.T) {
	kinds := []cue.Kind{cue.Phase, cue.Step, cue.End, cue.Inhale, cue.Exhale}
	seen := map[string]cue.Kind{}
	for _, k := range kinds {
		b := cue.Synthesize(k)
		if string(b[:4]) != "RIFF" || string(b[8:16]) != "WAVEfmt " || string(b[36:40]) != "data" {
			t.Fatalf("%s: not a WAV header: %q", k, b[:44])
		}
		if size := binary.LittleEndian.Uint32(b[40:44]); int(size) != len(b)-44 {
			t.Errorf("%s: data size %d, file has %d", k, size, len(b)-44)
		}
		pcm := make([]int16, (len(b)-44)/2)
		_ = binary.Read(bytes.NewReader(b[44:]), binary.LittleEndian, pcm)
		peak := 0
		for _, s := range pcm {
			peak = max(peak, abs(int(s)))
		}
		// Soft: well below full scale, and silent at both ends (no click).
		if peak < 3000 || peak > 12000 || abs(int(pcm[0])) > 300 || abs(int(pcm[len(pcm)-1])) > 300 {
			t.Errorf("%s: peak %d, first %d, last %d", k, peak, pcm[0], pcm[len(pcm)-1])
		}
		if d := time.Duration(len(pcm)) * time.Second / 22050; d < 500*time.Millisecond || d > 3*time.Second {
			t.Errorf("%s lasts %v", k, d)
		}
		if other, ok := seen[string(b)]; ok {
			t.Errorf("%s sounds the same as %s", k, other)
		}
		seen[string(b)] = k
	}
}

func abs(n int) int { return max(n, -n) }

func TestGivePlaysInOrderThroughThePlayerFound(t *testing.T) {
	played := cuetest.FakePrograms(t, "aplay", "paplay", "espeak-ng")
	c, err := cue.New(cue.Options{Sound: cue.Chime, Voice: true})
	if err != nil {
		t.Fatal(err)
	}
	if sound, voice := c.Notes(); sound != "" || voice != "" {
		t.Errorf("notes %q, %q with a player and a voice", sound, voice)
	}
	bells := c.Give(cue.Step, "Calf stretch.") + c.Give(cue.Phase, "") + c.Give(cue.Inhale, "Breathe in.") + c.Give(cue.End, "Finished.")
	c.Close(10 * time.Second)
	want := []string{"paplay step.wav", "espeak-ng Calf stretch.", "paplay phase.wav", "paplay inhale.wav", "espeak-ng Breathe in.", "paplay end.wav", "espeak-ng Finished."}
	if got := played(); !reflect.DeepEqual(got, want) || bells != 0 {
		t.Errorf("played %q and %d bells, want %q and none (paplay comes before aplay)", got, bells, want)
	}
	if c.Paced(false) || !c.Paced(true) {
		t.Error("breaths paced without being asked, or not when the routine asks")
	}
}

func TestBellsWithoutAPlayer(t *testing.T) {
	tests := []struct {
		name  string
		sound cue.Sound
		want  [3]int // phase, step, end
	}{
		{"chime, no player", cue.Chime, [3]int{1, 2, 3}},
		{"bell", cue.Bell, [3]int{1, 2, 3}},
		{"off", cue.Off, [3]int{0, 0, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cuetest.FakePrograms(t) // nothing on PATH
			c, err := cue.New(cue.Options{Sound: tt.sound, Pace: true})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(time.Second)
			got := [3]int{c.Give(cue.Phase, ""), c.Give(cue.Step, ""), c.Give(cue.End, "")}
			if got != tt.want || c.Give(cue.Inhale, "") != 0 {
				t.Errorf("bells %v, want %v and none for a breath", got, tt.want)
			}
			if sound, _ := c.Notes(); (tt.sound == cue.Chime) != (sound != "") {
				t.Errorf("sound note %q", sound)
			}
		})
	}
}

func TestBellModeStillSpeaks(t *testing.T) {
	played := cuetest.FakePrograms(t, "paplay", "say")
	c, err := cue.New(cue.Options{Sound: cue.Bell, Voice: true})
	if err != nil {
		t.Fatal(err)
	}
	bells := c.Give(cue.Step, "-Settle in.")
	c.Say("Paused.")
	c.Close(10 * time.Second)
	if got, want := played(), []string{"say Settle in.", "say Paused."}; !reflect.DeepEqual(got, want) || bells != 2 {
		t.Errorf("played %q, %d bells; want %q, 2 bells", got, bells, want)
	}
}

func TestNoVoiceIsTold(t *testing.T) {
	cuetest.FakePrograms(t, "pw-play")
	c, err := cue.New(cue.Options{Sound: cue.Chime, Voice: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(time.Second)
	if sound, voice := c.Notes(); sound != "" || !strings.Contains(voice, "No voice found") {
		t.Errorf("notes %q, %q; want only one saying no voice was found", sound, voice)
	}
}

func TestParseSound(t *testing.T) {
	for in, want := range map[string]cue.Sound{"bell": cue.Bell, " Chime": cue.Chime, "off": cue.Off} {
		if got, err := cue.ParseSound(in); err != nil || got != want {
			t.Errorf("ParseSound(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := cue.ParseSound("loud"); err == nil {
		t.Error("ParseSound(loud) took it")
	}
}

// BenchmarkNew is the start-up cost of chimes: synthesising all five and
// writing them out.
func BenchmarkNew(b *testing.B) {
	cuetest.FakePrograms(b, "pw-play")
	for b.Loop() {
		c, _ := cue.New(cue.Options{Sound: cue.Chime})
		c.Close(0)
	}
}

// TestAFailingPlayerGivesWayToBells: a player that cannot play (no sound
// server) is heard as nothing, so bells take over.
func TestAFailingPlayerGivesWayToBells(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "paplay"), []byte("#!/bin/sh\nexit 1\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	c, err := cue.New(cue.Options{Sound: cue.Chime})
	if err != nil {
		t.Fatal(err)
	}
	if bells := c.Give(cue.Step, ""); bells != 0 {
		t.Fatalf("%d bells with a player", bells)
	}
	c.Close(10 * time.Second) // the failed chime has played
	if bells := c.Give(cue.End, ""); bells != 3 {
		t.Errorf("%d bells after the player failed, want 3", bells)
	}
}

// TestCloseStopsASlowPlayer: a player still playing when Close has waited
// enough is stopped, not left to play on after quietlegs.
func TestCloseStopsASlowPlayer(t *testing.T) {
	dir := t.TempDir()
	pidFile := filepath.Join(dir, "pid")
	script := "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 30\n"
	if err := os.WriteFile(filepath.Join(dir, "paplay"), []byte(script), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+":/usr/bin:/bin")
	c, err := cue.New(cue.Options{Sound: cue.Chime})
	if err != nil {
		t.Fatal(err)
	}
	c.Give(cue.Step, "")
	c.Give(cue.Phase, "")
	start := time.Now()
	c.Close(time.Second)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Close took %v with a player that plays for 30 s", d)
	}
	data, err := os.ReadFile(pidFile)
	if err != nil {
		t.Skipf("the player had not started within Close's second: %v", err)
	}
	pid, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	if err := syscall.Kill(pid, 0); err == nil {
		syscall.Kill(pid, syscall.SIGKILL)
		t.Errorf("the player (pid %d) plays on after Close", pid)
	}
}
