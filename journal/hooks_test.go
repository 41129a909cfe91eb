package journal_test

import (
	"context"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/journal/journaltest"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// fakeHooks records the events it is told of.
type fakeHooks struct {
	mu     sync.Mutex
	events []string
	envs   [][]string
}

func (f *fakeHooks) Run(event string, env []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.events, f.envs = append(f.events, event), append(f.envs, env)
}

func (f *fakeHooks) TakeFailure() string { return "" }

func hookedJournal(t *testing.T) (*journal.Journal, *fakeHooks, *routine.FakeClock) {
	t.Helper()
	j, _, clock := newTestJournal(t, 23, 30)
	h := &fakeHooks{}
	return journal.New(journaltest.New(), journal.Config{Settings: testSettings, Library: j.Library(), Clock: clock, Hooks: h}), h, clock
}

// The routine's hook runs once, when its end is saved, with the run's
// details; a trial run at another speed runs none.
func TestRoutineEndHookRunsOnceAtTheEnd(t *testing.T) {
	for _, speed := range []float64{1, 60} {
		j, h, clock := hookedJournal(t)
		r, _ := j.Library().Find("quick")
		run := j.NewRun(r, speed)
		ctx := context.Background()
		run.Engine.Start()
		if err := run.SaveNow(ctx); err != nil {
			t.Fatal(err)
		}
		if len(h.events) != 0 {
			t.Fatalf("a hook ran at the start: %v", h.events)
		}
		clock.Advance(2 * time.Minute)
		run.Engine.Update()
		for range 2 { // saved at the end, then again as the screen closes
			if err := run.SaveNow(ctx); err != nil {
				t.Fatal(err)
			}
		}
		if err := run.Stop(ctx); err != nil {
			t.Fatal(err)
		}
		if speed != 1 {
			if len(h.events) != 0 {
				t.Errorf("a trial run ran the hook: %v", h.events)
			}
			continue
		}
		if len(h.events) != 1 || h.events[0] != "routine_end" {
			t.Fatalf("events %v, want routine_end once", h.events)
		}
		for _, want := range []string{"QUIETLEGS_NIGHT=2026-11-23", "QUIETLEGS_ROUTINE=quick", "QUIETLEGS_STATUS=completed",
			"QUIETLEGS_STEPS_DONE=2", "QUIETLEGS_STEPS=2", "QUIETLEGS_MINUTES=2"} {
			if !slices.Contains(h.envs[0], want) {
				t.Errorf("the hook's environment %q lacks %s", h.envs[0], want)
			}
		}
	}
}

func TestCheckinHookRunsAfterTheSave(t *testing.T) {
	j, h, _ := hookedJournal(t)
	if _, err := j.SaveCheckin(context.Background(), "2026-11-22", fullNight); err != nil {
		t.Fatal(err)
	}
	if len(h.events) != 1 || h.events[0] != "checkin" {
		t.Fatalf("events %v", h.events)
	}
	env := strings.Join(h.envs[0], " ")
	for _, want := range []string{"QUIETLEGS_NIGHT=2026-11-22", "QUIETLEGS_SYMPTOMS=4", "QUIETLEGS_QUALITY=3", "QUIETLEGS_SE=82"} {
		if !strings.Contains(env, want) {
			t.Errorf("the hook's environment %q lacks %s", env, want)
		}
	}
	// A check-in refused runs nothing.
	if _, err := j.SaveCheckin(context.Background(), "2026-11-22", with(fullNight, night.FieldRLS, "11")); err == nil {
		t.Fatal("a rating of 11 was saved")
	}
	if len(h.events) != 1 {
		t.Errorf("a refused check-in ran the hook: %v", h.events)
	}
}
