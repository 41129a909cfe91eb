package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/cue"
	"github.com/quietlegs/quietlegs/cue/cuetest"
	"github.com/quietlegs/quietlegs/routine"
)

// readyRoutine is the test routine with a ready step second.
func readyRoutine() *routine.Routine {
	r := testRoutine()
	ready := routine.Step{Title: "Get the compresses ready", Kind: routine.Ready,
		Instruction: "Fill a warm pack.", Phases: []routine.Phase{{Label: "ready", Wait: true}}}
	r.Steps = append(r.Steps[:1], append([]routine.Step{ready}, r.Steps[1:]...)...)
	return r
}

func TestRunnerReadyStepWaitsForSpaceOrEnter(t *testing.T) {
	for _, k := range []string{"space", "enter"} {
		t.Run(k, func(t *testing.T) {
			o := testOptions{Routine: readyRoutine()}
			o.Start, o.SkipEveningLog = StartRoutine, true
			hs := newHarness(t, o, 80, 24)
			if bells, _ := hs.wait(30 * time.Second); bells != 2 {
				t.Errorf("%d bells at the ready step, want 2 (a new step)", bells)
			}
			before := len(hs.ticks)
			hs.clock.Advance(10 * time.Minute)
			if v := hs.view(); !strings.Contains(v, "Fill a warm pack.") || !strings.Contains(v, "Press space or Enter when you are ready.") ||
				!strings.Contains(v, "enter ready") {
				t.Errorf("ready step shows:\n%s", v)
			}
			if len(hs.ticks) != before {
				t.Errorf("a waiting step ticks: %v", hs.ticks[before:])
			}
			if _, bells, _ := hs.key(k); bells != 2 {
				t.Errorf("%d bells when ready, want 2 (the next step)", bells)
			}
			s := hs.root.runner.engine.Snapshot()
			res := hs.root.runner.engine.Results()
			if s.Step != 2 || s.Waiting || len(res) != 2 || res[1].Status != routine.StepDone || res[1].Actual != 10*time.Minute {
				t.Errorf("after %s: step %d, waiting %v, results %+v", k, s.Step+1, s.Waiting, res)
			}
		})
	}
}

func TestRoutineFromHomeEndsBackHome(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary(), SkipEveningLog: true}, 80, 24)
	hs.key("e")
	if hs.root.runner == nil {
		t.Fatalf("e did not start the routine:\n%s", hs.view())
	}
	hs.wait(time.Minute)
	hs.wait(time.Minute)
	v := hs.view()
	if !strings.Contains(v, "3 of 3 steps done") || !strings.Contains(v, "enter: back home") {
		t.Fatalf("summary:\n%s", v)
	}
	if _, _, quit := hs.key("enter"); quit {
		t.Fatal("enter on the summary quit; started from home it goes back home")
	}
	if _, ok := hs.root.top().(*home); !ok || len(hs.root.stack) != 1 {
		t.Errorf("after the summary: %T, %d screens; want home alone", hs.root.top(), len(hs.root.stack))
	}
}

func TestLeavingARoutineFromHomeShowsTheSummary(t *testing.T) {
	hs := newHarness(t, testOptions{Library: testLibrary(), SkipEveningLog: true}, 80, 24)
	hs.key("e")
	hs.wait(40 * time.Second)
	hs.key("q")
	if _, _, quit := hs.key("y"); quit {
		t.Fatal("y quit the program; started from home it shows the summary")
	}
	if v := hs.view(); !strings.Contains(v, "Stopped early") || !strings.Contains(v, "1 of 3 steps done") {
		t.Errorf("after leaving:\n%s", v)
	}
	hs.key("enter")
	if _, ok := hs.root.top().(*home); !ok {
		t.Errorf("after the summary: %T, want home", hs.root.top())
	}
}

func TestEveningRoutineEndsTheProgram(t *testing.T) {
	hs := startRun(t, 80, 24, testOptions{})
	hs.wait(time.Minute)
	hs.wait(time.Minute)
	if v := hs.view(); !strings.Contains(v, "enter to close") {
		t.Errorf("summary:\n%s", v)
	}
	if _, _, quit := hs.key("enter"); !quit {
		t.Error("enter on the summary of quietlegs evening did not end the program")
	}
}

func TestRunnerReadyGoldens(t *testing.T) {
	states := []struct {
		name string
		do   func(hs *harness)
	}{
		{"ready", func(hs *harness) { hs.wait(30 * time.Second) }},
		// Massage left after 0:10 of 0:30, the rest run out.
		{"summary-cut-short", func(hs *harness) {
			hs.wait(30 * time.Second)
			hs.key("enter")
			hs.wait(10 * time.Second)
			hs.key("n")
			hs.wait(60 * time.Second)
		}},
	}
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}} {
		for _, st := range states {
			name := st.name + "-" + itoa(sz.w) + "x" + itoa(sz.h)
			t.Run(name, func(t *testing.T) {
				o := testOptions{Routine: readyRoutine()}
				o.Start, o.SkipEveningLog = StartRoutine, true
				hs := newHarness(t, o, sz.w, sz.h)
				st.do(hs)
				v := hs.view()
				checkSize(t, v, sz.w, sz.h)
				golden(t, "runner-"+name, v)
			})
		}
	}
}

// TestRunnerCuesThroughAPlayer: chimes and words through a fake player and
// voice, each breath paced because the routine asks for it.
func TestRunnerCuesThroughAPlayer(t *testing.T) {
	played := cuetest.FakePrograms(t, "paplay", "spd-say")
	cues, err := cue.New(cue.Options{Sound: cue.Chime, Voice: true})
	if err != nil {
		t.Fatal(err)
	}
	r := testRoutine()
	r.PaceSound = true
	o := testOptions{Routine: r, Cues: cues}
	o.Start, o.SkipEveningLog = StartRoutine, true
	hs := newHarness(t, o, 80, 24)
	bells := 0
	for range 120 * 4 { // the whole routine, a tick every 250 ms
		b, _ := hs.wait(250 * time.Millisecond)
		bells += b
	}
	cues.Close(30 * time.Second)
	got := played()
	want := []string{"paplay step.wav", "spd-say Calf stretch. Left. Left leg back.",
		"paplay phase.wav", "spd-say Right. Switch to the right leg.",
		"paplay step.wav", "spd-say Leg massage.",
		"paplay step.wav", "spd-say Paced breathing.",
		"paplay inhale.wav", "spd-say Breathe in.", "paplay exhale.wav", "spd-say Breathe out."}
	if len(got) < len(want) || !slices.Equal(got[:len(want)], want) {
		t.Fatalf("played %q,\nwant it to start %q", got, want)
	}
	if n := strings.Count(strings.Join(got, "\n"), "inhale.wav"); n != 6 || got[len(got)-2] != "paplay end.wav" || bells != 0 {
		t.Errorf("%d breaths in (want 6 in a minute of 4-6 breathing), last %q, %d bells", n, got[len(got)-2:], bells)
	}
}

// TestRunnerSaysBellsStandIn: with chimes asked for and no player, the
// runner says so above the keys, until the first key, at any size.
func TestRunnerSaysBellsStandIn(t *testing.T) {
	cuetest.FakePrograms(t) // nothing on PATH
	for _, sz := range []struct{ w, h int }{{80, 24}, {40, 12}, {30, 8}} {
		cues, _ := cue.New(cue.Options{Sound: cue.Chime})
		hs := startRun(t, sz.w, sz.h, testOptions{Cues: cues})
		v := hs.view()
		checkSize(t, v, sz.w, sz.h)
		if sz.w == 80 && !strings.Contains(v, "No sound player found") {
			t.Errorf("no word of the bells:\n%s", v)
		}
		hs.key("n")
		if v := hs.view(); strings.Contains(v, "No sound player") {
			t.Errorf("the note stays after a key:\n%s", v)
		}
	}
}
