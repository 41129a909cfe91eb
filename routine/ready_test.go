package routine

import (
	"github.com/quietlegs/quietlegs/assets"
	"testing"
	"time"
)

// readyRoutine: "Stretch" 60 s, "Get ready" (a ready step), "Massage" 4:00.
func readyRoutine() *Routine {
	return &Routine{Name: "test", Title: "Test", Steps: []Step{
		{Title: "Stretch", Kind: Hold, Phases: []Phase{{Label: "hold", Duration: time.Minute}}},
		{Title: "Get ready", Kind: Ready, Instruction: "Fill the pack.", Phases: []Phase{{Label: "ready", Wait: true}}},
		{Title: "Massage", Kind: Hold, Phases: []Phase{{Label: "hold", Duration: 4 * time.Minute}}},
	}}
}

func TestEngineReadyStepWaits(t *testing.T) {
	c := NewFakeClock(t0)
	e := NewEngine(readyRoutine(), c, 1)
	e.Start()
	if e.Ready() != nil {
		t.Fatal("Ready on a timed step did something")
	}
	c.Advance(time.Minute)
	if evs := e.Update(); !equalKinds(kinds(evs), []EventKind{StepEnded, PhaseStarted}) {
		t.Fatalf("end of the first step: %v", kinds(evs))
	}
	// However long it takes, the ready step waits, and nothing ticks.
	c.Advance(10 * time.Minute)
	if evs := e.Update(); evs != nil {
		t.Fatalf("a ready step moved on by itself: %v", kinds(evs))
	}
	if s := e.Snapshot(); !s.Waiting || s.Step != 1 || !s.Running || e.NextChange() != 0 {
		t.Fatalf("waiting on step %d: waiting %v, running %v, next change %v", s.Step, s.Waiting, s.Running, e.NextChange())
	}
	evs := e.Ready()
	if !equalKinds(kinds(evs), []EventKind{StepEnded, PhaseStarted}) {
		t.Fatalf("Ready() = %v", kinds(evs))
	}
	if r := evs[0].Result; r.Status != StepDone || r.Actual != 10*time.Minute {
		t.Errorf("ready step ended %+v, want done after the 10 minutes it took", r)
	}
	if s := e.Snapshot(); s.Waiting || s.Step != 2 || s.PhaseRemaining != 4*time.Minute {
		t.Errorf("after Ready: step %d, waiting %v, %v left", s.Step, s.Waiting, s.PhaseRemaining)
	}
}

func TestEngineReadyAfterPause(t *testing.T) {
	c := NewFakeClock(t0)
	e := NewEngine(readyRoutine(), c, 1)
	e.Start()
	e.Next()
	e.Pause()
	if evs := e.Ready(); !equalKinds(kinds(evs), []EventKind{Resumed, StepEnded, PhaseStarted}) {
		t.Fatalf("Ready() while paused = %v", kinds(evs))
	}
	if s := e.Snapshot(); !s.Running || s.Step != 2 {
		t.Errorf("after Ready: step %d running %v", s.Step, s.Running)
	}
}

func TestEngineDoneOrCutShort(t *testing.T) {
	tests := []struct {
		name   string
		ran    time.Duration // of Massage's 4:00
		status StepStatus
		says   string
	}{
		{"most of it", 3*time.Minute + 36*time.Second, StepDone, "3:36"},
		{"just under 90 %", 3*time.Minute + 35*time.Second, StepSkipped, "cut short at 3:35"},
		{"a little", 12 * time.Second, StepSkipped, "cut short at 0:12"},
		{"none", 0, StepSkipped, "skipped"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := NewFakeClock(t0)
			e := NewEngine(readyRoutine(), c, 1)
			e.Start()
			e.Next()
			e.Ready()
			c.Advance(tt.ran)
			evs := e.Next()
			r := evs[0].Result
			if r.Status != tt.status || StepOutcome(r) != tt.says {
				t.Errorf("after %v: %s, %q; want %s, %q", tt.ran, r.Status, StepOutcome(r), tt.status, tt.says)
			}
		})
	}
}

func TestEngineSummary(t *testing.T) {
	c := NewFakeClock(t0)
	e := NewEngine(readyRoutine(), c, 1)
	e.Start()
	c.Advance(40 * time.Second)
	e.Next() // cut short at 0:40
	c.Advance(2 * time.Minute)
	e.Ready()
	c.Advance(4 * time.Minute)
	e.Update()
	want := "Finished · 2 of 3 steps done, 1 cut short · 6 min 40 s"
	if got := e.Summary(); got != want {
		t.Errorf("Summary() = %q, want %q", got, want)
	}
	if got, want := e.ClosingLine(), "Test · "+want+". Good night."; got != want {
		t.Errorf("ClosingLine() = %q, want %q", got, want)
	}
}

func TestFormatLength(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0 s", 45 * time.Second: "45 s", 30 * time.Minute: "30 min",
		27*time.Minute + 40*time.Second: "27 min 40 s", time.Hour + 5*time.Minute + 3*time.Second: "1 h 5 min",
	} {
		if got := FormatLength(d); got != want {
			t.Errorf("FormatLength(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestPhaseWords(t *testing.T) {
	lib, err := LoadLibrary(assets.RoutineFS(), "")
	if err != nil {
		t.Fatal(err)
	}
	wd, _ := lib.Find(DefaultName)
	tests := []struct {
		step, phase   int
		title, spoken string
	}{
		{1, 0, "Calf stretch · left · round 1 of 2", "Calf stretch. Left, round 1 of 2. Left side."},
		{1, 3, "Calf stretch · right · round 2 of 2", "Right, round 2 of 2. Switch to the right side."},
		{3, 2, "Progressive muscle relaxation · tense your left calf", "Tense your left calf. Pull your foot up toward you."},
		{3, 3, "Progressive muscle relaxation · release your left calf", "Release your left calf. Let go completely."},
		{4, 0, "Get the compresses ready", "Get the compresses ready. Fill a warm pack, warm not hot, and have a cold pack wrapped in a cloth. Press Enter when you are ready."},
		{5, 2, "Warm and cold compress on the calves · warm · cycle 2 of 3", "Warm, cycle 2 of 3. Warm compress on both calves. Warm, not hot."},
	}
	for _, tt := range tests {
		s := wd.Steps[tt.step]
		if got := s.PhaseTitle(tt.phase); got != tt.title {
			t.Errorf("step %d phase %d title %q, want %q", tt.step, tt.phase, got, tt.title)
		}
		if got := s.Spoken(tt.phase); got != tt.spoken {
			t.Errorf("step %d phase %d spoken %q, want %q", tt.step, tt.phase, got, tt.spoken)
		}
	}
}

func TestParsePaceSound(t *testing.T) {
	for doc, want := range map[string]bool{
		"title = \"Calm\"\npace_sound = true\n[[steps]]\ntitle = \"S\"\ninstruction = \"I\"\nkind = \"ready\"\n": true,
		"title = \"Calm\"\n[[steps]]\ntitle = \"S\"\ninstruction = \"I\"\nkind = \"ready\"\n":                    false,
	} {
		r, err := Parse("calm.toml", []byte(doc))
		if err != nil || r.PaceSound != want {
			t.Errorf("pace_sound %v, %v; want %v", r.PaceSound, err, want)
		}
	}
}
