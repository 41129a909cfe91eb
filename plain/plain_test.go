package plain_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/assets"
	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/cue/cuetest"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/plain"
	"github.com/quietlegs/quietlegs/routine"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// speed is the --speed of every run here: the fake clock makes it exact.
const speed = 100

// key is a line typed after a moment of real time since the start.
type key struct {
	at   time.Duration
	line string
}

// scripted waits on c and types keys at their moments; with no keys left
// a wait with no end finds input ended, as /dev/null does.
func scripted(c *routine.FakeClock, keys ...key) plain.Waiter {
	start := c.Now().Mono
	return func(_ context.Context, d time.Duration) (string, bool, error) {
		now := c.Now().Mono - start
		if len(keys) > 0 && (d == plain.Forever || keys[0].at <= now+d) {
			k := keys[0]
			keys = keys[1:]
			c.Advance(max(k.at-now, 0))
			return k.line, true, nil
		}
		if d == plain.Forever {
			return "", false, plain.ErrNoKeys
		}
		c.Advance(d)
		return "", false, nil
	}
}

// runWindDown runs the built-in wind-down in plain mode and returns what
// it printed and the journal's storage.
func runWindDown(t *testing.T, cues *cue.Cues, pace plain.Pacing, bell bool, keys ...key) (string, *journaltest.Storage, routine.Status) {
	t.Helper()
	lib, err := routine.LoadLibrary(assets.RoutineFS(), "")
	if err != nil {
		t.Fatal(err)
	}
	r, _ := lib.Find(routine.DefaultName)
	st := journaltest.New()
	clock := routine.NewFakeClock(time.Date(2026, 11, 23, 21, 30, 0, 0, time.UTC))
	j := journal.New(st, journal.Config{Settings: night.Settings{Boundary: 12}, Library: lib, Clock: clock})
	var out bytes.Buffer
	p := &plain.Runner{Out: &out, Record: j.NewRun(r, speed), Cues: cues, Pace: pace, Wait: scripted(clock, keys...)}
	if bell {
		p.Bells = &out
	}
	status, err := p.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), st, status
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./plain -update rewrites it); got:\n%s", name, got)
	}
}

// TestWindDownTranscript: the whole wind-down, unattended, says every
// word the screen shows: each phase with its counter, the instruction on
// a step's first phase, every cue, the safety notes before their steps,
// each breath, and the summary.
func TestWindDownTranscript(t *testing.T) {
	out, _, status := runWindDown(t, nil, plain.PaceEach, false)
	golden(t, "wind-down", out)
	if status != routine.Completed {
		t.Errorf("status %s, want completed", status)
	}
	for _, want := range []string{
		"⚠ Warm, not hot: about bath temperature.",
		"[2/9] Calf stretch · left · round 1 of 2 · 0:30 — Face a wall",
		"[4/9] Progressive muscle relaxation · release your right calf · 0:25 — Let go completely.",
		"[6/9] Warm and cold compress on the calves · warm · cycle 2 of 3 · 2:00 — Warm compress on both calves.",
		"  breathe out 6 s",
		"No one to answer (standard input has ended): going on without it.",
		"Evening wind-down · Finished · 8 of 9 steps done, 1 skipped · 28 min 30 s. Good night.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
}

func TestQuietPacing(t *testing.T) {
	out, _, _ := runWindDown(t, nil, plain.PaceQuiet, false)
	if strings.Contains(out, "breathe in") {
		t.Error("--pace quiet printed each breath")
	}
	var minutes []string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasSuffix(l, "of breathing left") {
			minutes = append(minutes, strings.TrimSpace(l))
		}
	}
	want := []string{"4 min of breathing left", "3 min of breathing left", "2 min of breathing left", "1 min of breathing left"}
	if strings.Join(minutes, "|") != strings.Join(want, "|") {
		t.Errorf("minute lines %q, want %q", minutes, want)
	}
}

// TestCuesOfTheWindDown: through fake players, the chimes and words of the
// whole wind-down, in order.
func TestCuesOfTheWindDown(t *testing.T) {
	played := cuetest.FakePrograms(t, "pw-play", "espeak-ng")
	cues, err := cue.New(cue.Options{Sound: cue.Chime, Voice: true, Pace: true})
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := runWindDown(t, cues, plain.PaceEach, true)
	cues.Close(30 * time.Second)
	if strings.Contains(out, "\a") {
		t.Error("bells rang although a player was found")
	}
	golden(t, "wind-down-cues", strings.Join(played(), "\n")+"\n")
}

// TestBellsWithoutAPlayer: with no player, one bell a phase change, two a
// step and three at the end.
func TestBellsWithoutAPlayer(t *testing.T) {
	cuetest.FakePrograms(t)
	cues, err := cue.New(cue.Options{Sound: cue.Chime, Pace: true})
	if err != nil {
		t.Fatal(err)
	}
	defer cues.Close(time.Second)
	out, _, _ := runWindDown(t, cues, plain.PaceEach, true)
	lib, _ := routine.LoadLibrary(assets.RoutineFS(), "")
	r, _ := lib.Find(routine.DefaultName)
	want := 2*len(r.Steps) + (r.PhaseCount() - len(r.Steps)) + 3
	if got := strings.Count(out, "\a"); got != want {
		t.Errorf("%d bells, want %d", got, want)
	}
	if !strings.Contains(out, "No sound player found") {
		t.Error("no word that bells stand in for chimes")
	}
}

func TestKeysFromStandardInput(t *testing.T) {
	// At --speed 100, 100 ms here is 10 s of the routine.
	ms := func(n int) time.Duration { return time.Duration(n) * time.Millisecond }
	out, st, status := runWindDown(t, nil, plain.PaceQuiet, false,
		key{ms(100), "p"},    // pause 10 s into Settle in
		key{ms(200), " "},    // and go on
		key{ms(300), "n"},    // Settle in left at 0:20
		key{ms(350), "b"},    // back to it, 0:05 into the calf stretch
		key{ms(400), "what"}, // the keys again
		key{ms(450), "q"},    // leave?
		key{ms(460), ""},     // Enter stays
		key{ms(500), "n"},    // Settle in cut short at 0:35
		key{ms(500), "n"},    // Calf stretch cut short at its 0:05
		key{ms(2000), ""},    // Hamstring done, the PMR going: Enter does nothing
		key{ms(2500), "n"},   // PMR cut short at 1:20
		key{ms(3000), ""},    // ready after 0:50
		key{ms(3000), "n"},   // the compresses skipped at once
		key{ms(3100), "q"},   // leave?
		key{ms(3200), "y"},   // yes
	)
	for _, want := range []string{
		plain.Keys,
		"Paused. Type p and Enter to go on.",
		"Going on.",
		"Leave the routine? What you did is saved. Type y and Enter to leave; anything else stays.",
		"Staying.",
		"[5/9] Get the compresses ready · waits for you — Fill a warm pack",
		"  – Settle in · cut short at 0:35",
		"  – Calf stretch · cut short at 0:05",
		"  ✓ Hamstring stretch · 2:00",
		"  – Progressive muscle relaxation · cut short at 1:20",
		"  ✓ Get the compresses ready · 0:50",
		"  – Warm and cold compress on the calves · skipped",
		"  · Lie still · not reached",
		"Evening wind-down · Stopped early · ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, plain.Keys) != 2 {
		t.Errorf("keys printed %d times, want at the start and after an unknown key", strings.Count(out, plain.Keys))
	}
	if status != routine.Partial {
		t.Errorf("status %s, want partial", status)
	}
	run, ok, _ := st.LatestRun(context.Background())
	if !ok || run.Status != routine.Partial {
		t.Errorf("saved %+v", run)
	}
}

// TestQuietPacingStillChimes: --pace quiet prints a line a minute, and
// --pace-sound still sounds every breath.
func TestQuietPacingStillChimes(t *testing.T) {
	played := cuetest.FakePrograms(t, "aplay")
	cues, err := cue.New(cue.Options{Sound: cue.Chime, Pace: true})
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := runWindDown(t, cues, plain.PaceQuiet, false)
	cues.Close(30 * time.Second)
	log := strings.Join(played(), "\n")
	if in, outs := strings.Count(log, "inhale.wav"), strings.Count(log, "exhale.wav"); in != 30 || outs != 30 || strings.Contains(out, "breathe in") {
		t.Errorf("%d breaths in and %d out sounded (want 30 each), each printed: %v", in, outs, strings.Contains(out, "breathe in"))
	}
}
