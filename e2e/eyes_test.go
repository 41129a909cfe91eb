package e2e

import (
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/cue/cuetest"
)

// TestE2ETUIFromHomeBackHome starts the wind-down from home, answers its
// ready step, lets it finish, and closes the summary: the app goes back
// home, showing tonight's run, rather than ending.
func TestE2ETUIFromHomeBackHome(t *testing.T) {
	t.Parallel()
	tm := startTerm(t, "--speed", "600", "--sound", "bell")
	tm.waitFor("Evening routine")
	tm.keys("e")
	tm.waitFor("Evening log")
	tm.keys("Escape") // skip the log
	tm.waitFor("Press space or Enter when you are ready.")
	s := tm.screen()
	if !strings.Contains(s, "Get the compresses ready") || !strings.Contains(s, "step 5 of 9") {
		t.Errorf("the ready step:\n%s", s)
	}
	tm.keys("Enter")
	s = tm.waitUntil(`"Good night."`, 30*time.Second, func(s string) bool { return strings.Contains(s, "Good night.") })
	for _, want := range []string{"Finished", "9 of 9 steps done, 0 skipped", "enter: back home"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary lacks %q:\n%s", want, s)
		}
	}
	tm.keys("Enter")
	s = tm.waitFor("tonight: tried out at another speed")
	if !strings.Contains(s, "Evening routine") || strings.Contains(s, "EXIT=") {
		t.Errorf("not back home:\n%s", s)
	}
	got := oneSession(t, tm.sb.db)
	if got.routine != "wind-down" || got.status != "completed" || len(got.steps) != 9 || got.steps[4].status != "done" {
		t.Errorf("session = %+v, want the wind-down completed, its ready step done", got)
	}
	tm.keys("q")
	if code, _ := tm.exited(); code != 0 {
		t.Errorf("exit %d from home", code)
	}
}

// TestE2EPlainKeysOnStandardInput answers the wind-down's ready step with
// Enter on standard input, then leaves with q and y, and checks what was
// saved.
func TestE2EPlainKeysOnStandardInput(t *testing.T) {
	t.Parallel()
	sb := newSandbox(t)
	cmd := sb.command("evening", "--plain", "--routine", "wind-down", "--speed", "600", "--db", sb.db)
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill() })
	waitFor := func(text string) { t.Helper(); awaitOutput(t, &out, text) }
	waitFor("[5/9] Get the compresses ready · waits for you")
	if strings.Contains(out.String(), "[6/9]") {
		t.Fatal("the ready step went on by itself")
	}
	io.WriteString(in, "\n")
	waitFor("[6/9] Warm and cold compress on the calves · warm · cycle 1 of 3")
	io.WriteString(in, "q\n")
	waitFor("Leave the routine?")
	io.WriteString(in, "y\n")
	if err := cmd.Wait(); err != nil {
		t.Fatalf("exit: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "Evening wind-down · Stopped early · 5 of 9 steps done") {
		t.Errorf("closing line:\n%s", out.String())
	}
	got := oneSession(t, sb.db)
	if got.status != "partial" || len(got.steps) != 6 || got.steps[4].status != "done" || got.steps[4].plannedMS != 0 {
		t.Errorf("session = %+v, want partial, the ready step done with no planned time", got)
	}
	// Left part-way, the compresses are kept with the time they had.
	if c := got.steps[5]; c.status != "skipped" || c.actualMS <= 0 || c.actualMS >= c.plannedMS {
		t.Errorf("step in progress saved as %+v, want it cut short", c)
	}
}

// TestE2ECuesThroughFakePlayers runs the quick routine in plain mode with
// fake players on PATH, which log what they are asked to play: a chime for
// each step and change, the end, and the words of each.
func TestE2ECuesThroughFakePlayers(t *testing.T) {
	sb := newSandbox(t)
	played := cuetest.FakePrograms(t, "aplay", "espeak-ng") // PATH for this test alone: not parallel
	out, errOut, code := sb.run(t, sb.command("evening", "--plain", "--routine", "quick", "--speed", "600", "--voice", "--db", sb.db))
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	got := played()
	count := func(s string) int { return strings.Count(strings.Join(got, "\n"), s) }
	// 6 steps; 1 + 1 + 7 changes within them (a side each for the
	// stretches, and the relaxation's tense and release for each group).
	if count("aplay step.wav") != 6 || count("aplay phase.wav") != 9 || got[len(got)-2] != "aplay end.wav" ||
		got[len(got)-1] != "espeak-ng Finished. Good night." || !slices.Contains(got, "espeak-ng Release your left calf. Let go completely.") {
		t.Errorf("played:\n%s", strings.Join(got, "\n"))
	}
}
