package store

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // America/New_York on any machine

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

func testNewSession(start time.Time) night.Run {
	return night.Run{
		Routine:   "wind-down",
		Title:     "Evening wind-down",
		Night:     night.Of(start, night.DefaultBoundary),
		StartedAt: start,
		Speed:     1,
		Planned:   10 * time.Minute,
	}
}

// sameSession fails the test unless got and want agree, comparing times as
// instants to the millisecond with the same UTC offset.
func sameSession(t *testing.T, got, want night.Run) {
	t.Helper()
	for _, f := range []struct {
		name      string
		got, want time.Time
	}{{"StartedAt", got.StartedAt, want.StartedAt}, {"EndedAt", got.EndedAt, want.EndedAt},
		{"UpdatedAt", got.UpdatedAt, want.UpdatedAt}} {
		_, gotOff := f.got.Zone()
		_, wantOff := f.want.Zone()
		if f.want.IsZero() != f.got.IsZero() ||
			!f.want.IsZero() && (!f.got.Equal(f.want.Round(time.Millisecond)) || gotOff != wantOff) {
			t.Errorf("%s = %v, want %v", f.name, f.got, f.want)
		}
	}
	got.StartedAt, got.EndedAt, got.UpdatedAt = time.Time{}, time.Time{}, time.Time{}
	want.StartedAt, want.EndedAt, want.UpdatedAt = time.Time{}, time.Time{}, time.Time{}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("session\n got %+v\nwant %+v", got, want)
	}
}

func TestSessionAtEachTransition(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		start time.Time
	}{
		{"CET", time.Date(2025, 11, 22, 22, 15, 3, 123456789, time.FixedZone("CET", 3600))},
		// The run starts in daylight time and ends after the clocks go
		// back; it reads back in the offset it started in.
		{"New York", time.Date(2025, 11, 2, 1, 50, 0, 999600000, newYork)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
			_, offset := tt.start.Zone()
			startZone := time.FixedZone("", offset)
			saved := tt.start
			s.now = func() time.Time { return saved }

			n := testNewSession(tt.start)
			n.Speed = 2.5
			id, err := s.StartRun(ctx, n)
			if err != nil {
				t.Fatal(err)
			}
			want := night.Run{ID: id, Routine: n.Routine, Title: n.Title, Night: n.Night,
				StartedAt: tt.start, UpdatedAt: tt.start, Status: routine.Running, Speed: 2.5,
				Planned: 10 * time.Minute}
			check := func() {
				t.Helper()
				got, err := s.Run(ctx, id)
				if err != nil {
					t.Fatal(err)
				}
				sameSession(t, got, want)
			}
			check()

			steps := []routine.StepResult{
				{Index: 0, Title: "Calf stretch", Planned: 2 * time.Minute, Actual: 2*time.Minute + 400*time.Microsecond, Status: routine.StepDone},
				{Index: 1, Title: "Warm compress", Planned: 5 * time.Minute, Actual: 70*time.Second + 2*time.Millisecond, Status: routine.StepSkipped},
			}
			transitions := []struct {
				cp      night.Checkpoint
				stepsIn int
			}{
				{night.Checkpoint{Steps: steps[:1], CurrentStep: 1, Status: routine.Running}, 1},
				{night.Checkpoint{Steps: steps, CurrentStep: 2, CurrentElapsed: 1500 * time.Millisecond, Status: routine.Running}, 2},
				{night.Checkpoint{Steps: steps, CurrentStep: 2, CurrentElapsed: 3 * time.Minute,
					Status: routine.Completed, EndedAt: tt.start.Add(20*time.Minute + time.Nanosecond)}, 2},
			}
			for i, tr := range transitions {
				saved = tt.start.Add(time.Duration(i+1) * time.Minute)
				if err := s.Checkpoint(ctx, id, tr.cp); err != nil {
					t.Fatal(err)
				}
				want.Steps = make([]routine.StepResult, tr.stepsIn)
				for j := range want.Steps {
					want.Steps[j] = steps[j]
					want.Steps[j].Actual = steps[j].Actual.Round(time.Millisecond)
				}
				want.CurrentStep, want.CurrentElapsed = tr.cp.CurrentStep, tr.cp.CurrentElapsed
				want.Status, want.EndedAt = tr.cp.Status, tr.cp.EndedAt.In(startZone)
				want.UpdatedAt = saved.In(startZone)
				check()
			}
		})
	}
}

func TestSessionCutOffMidStep(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "q.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2025, 11, 22, 22, 0, 0, 0, time.FixedZone("CET", 3600))
	id, err := s.StartRun(ctx, testNewSession(start))
	if err != nil {
		t.Fatal(err)
	}
	done := routine.StepResult{Index: 0, Title: "Calf stretch", Planned: time.Minute, Actual: time.Minute, Status: routine.StepDone}
	if err := s.Checkpoint(ctx, id, night.Checkpoint{Steps: []routine.StepResult{done},
		CurrentStep: 1, CurrentElapsed: 42500 * time.Millisecond, Status: routine.Running}); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil { // the run never finishes
		t.Fatal(err)
	}

	s = openTest(t, path)
	got, ok, err := s.LatestRun(ctx)
	if err != nil || !ok {
		t.Fatalf("LatestSession = %v, %v", ok, err)
	}
	if got.ID != id || got.Status != routine.Running || !got.EndedAt.IsZero() ||
		got.CurrentStep != 1 || got.CurrentElapsed != 42500*time.Millisecond ||
		!reflect.DeepEqual(got.Steps, []routine.StepResult{done}) {
		t.Errorf("cut-off session read back as %+v", got)
	}
}

func TestSessionsNewestFirst(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	if _, ok, err := s.LatestRun(ctx); ok || err != nil {
		t.Errorf("LatestSession on an empty store = %v, %v; want false, nil", ok, err)
	}
	if ss, err := s.Runs(ctx); len(ss) != 0 || err != nil {
		t.Errorf("Sessions on an empty store = %v, %v", ss, err)
	}

	base := time.Date(2025, 11, 20, 21, 0, 0, 0, time.UTC)
	// Started out of order; a zone east of UTC must not confuse the order.
	starts := []time.Time{base.AddDate(0, 0, 1), base, base.AddDate(0, 0, 2).In(time.FixedZone("", 14*3600))}
	ids := make([]int64, len(starts))
	for i, st := range starts {
		id, err := s.StartRun(ctx, testNewSession(st))
		if err != nil {
			t.Fatal(err)
		}
		ids[i] = id
		var steps []routine.StepResult
		for j := range i + 1 {
			steps = append(steps, routine.StepResult{Index: j, Title: "step", Status: routine.StepDone})
		}
		if err := s.Checkpoint(ctx, id, night.Checkpoint{Steps: steps, CurrentStep: i + 1,
			Status: routine.Partial, EndedAt: st.Add(time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	ss, err := s.Runs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantOrder := []int{2, 0, 1}
	if len(ss) != len(wantOrder) {
		t.Fatalf("Sessions returned %d, want %d", len(ss), len(wantOrder))
	}
	for k, i := range wantOrder {
		if ss[k].ID != ids[i] || len(ss[k].Steps) != i+1 || !ss[k].StartedAt.Equal(starts[i]) {
			t.Errorf("Sessions[%d] = id %d with %d steps at %v, want id %d with %d steps",
				k, ss[k].ID, len(ss[k].Steps), ss[k].StartedAt, ids[i], i+1)
		}
	}
	latest, ok, err := s.LatestRun(ctx)
	if err != nil || !ok || latest.ID != ids[2] {
		t.Errorf("LatestSession = id %d, %v, %v; want id %d", latest.ID, ok, err, ids[2])
	}
}

func TestSessionNotFound(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	_, err := s.Run(ctx, 99)
	if !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "session 99 not found") {
		t.Errorf("Session(99) error = %v, want session 99 not found", err)
	}
	err = s.Checkpoint(ctx, 99, night.Checkpoint{Status: routine.Running})
	if !errors.Is(err, ErrNotFound) {
		t.Errorf("Checkpoint(99) error = %v, want ErrNotFound", err)
	}
}

func TestBadInputIsRefused(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	start := time.Date(2025, 11, 22, 22, 0, 0, 0, time.UTC)
	id, err := s.StartRun(ctx, testNewSession(start))
	if err != nil {
		t.Fatal(err)
	}
	badStarts := map[string]func(*night.Run){
		"no routine": func(n *night.Run) { n.Routine = "" },
		"bad night":  func(n *night.Run) { n.Night = "22/11/2025" },
		"no start":   func(n *night.Run) { n.StartedAt = time.Time{} },
		"zero speed": func(n *night.Run) { n.Speed = 0 },
	}
	for name, spoil := range badStarts {
		n := testNewSession(start)
		spoil(&n)
		if _, err := s.StartRun(ctx, n); err == nil {
			t.Errorf("StartSession with %s succeeded", name)
		}
	}
	step := routine.StepResult{Index: 0, Status: routine.StepDone}
	badCheckpoints := map[string]night.Checkpoint{
		"no status":           {},
		"running with end":    {Status: routine.Running, EndedAt: start},
		"completed, no end":   {Status: routine.Completed},
		"negative step":       {Status: routine.Running, CurrentStep: -1},
		"bad step status":     {Status: routine.Running, Steps: []routine.StepResult{{Status: "maybe"}}},
		"negative step index": {Status: routine.Running, Steps: []routine.StepResult{{Index: -1, Status: routine.StepDone}}},
		"negative actual":     {Status: routine.Running, Steps: []routine.StepResult{{Actual: -time.Second, Status: routine.StepDone}}},
	}
	for name, cp := range badCheckpoints {
		cp.Steps = append(cp.Steps, step)
		if err := s.Checkpoint(ctx, id, cp); err == nil {
			t.Errorf("Checkpoint with %s succeeded", name)
		}
	}
	if got, err := s.Run(ctx, id); err != nil || len(got.Steps) != 0 || got.Status != routine.Running {
		t.Errorf("after refused checkpoints: %+v, %v", got, err)
	}
}

func TestCheckpointIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, filepath.Join(t.TempDir(), "q.db"))
	id, err := s.StartRun(ctx, testNewSession(time.Date(2025, 11, 22, 22, 0, 0, 0, time.UTC)))
	if err != nil {
		t.Fatal(err)
	}
	// Make the second step's write fail, after the first has been written.
	if _, err := s.db.ExecContext(ctx, `CREATE TEMP TRIGGER fail_step BEFORE INSERT ON session_steps
		WHEN NEW.idx = 1 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	err = s.Checkpoint(ctx, id, night.Checkpoint{
		Steps: []routine.StepResult{
			{Index: 0, Status: routine.StepDone}, {Index: 1, Status: routine.StepDone}},
		CurrentStep: 2, Status: routine.Completed, EndedAt: time.Now()})
	if err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Fatalf("Checkpoint error = %v, want the trigger's", err)
	}
	got, err := s.Run(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Steps) != 0 || got.Status != routine.Running || got.CurrentStep != 0 {
		t.Errorf("a failed checkpoint left %+v", got)
	}
}
