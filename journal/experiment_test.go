package journal_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/insight"
	"github.com/quietlegs/quietlegs/journal"
	"github.com/quietlegs/quietlegs/night"
)

func TestScheduleBalancedAndDeterministic(t *testing.T) {
	seen := map[string]int{}
	for seed := range uint64(3000) {
		for n := journal.MinWeeks; n <= journal.MaxWeeks; n += 2 {
			s := journal.Schedule(n, seed)
			on := 0
			for _, w := range s {
				if w {
					on++
				}
			}
			if len(s) != n || 2*on != n || on < 2 || n-on < 2 {
				t.Fatalf("Schedule(%d, %d) = %v: not balanced with two of each", n, seed, s)
			}
			if again := journal.Schedule(n, seed); !slices.Equal(s, again) {
				t.Fatalf("Schedule(%d, %d) gave %v, then %v", n, seed, s, again)
			}
			if n == 4 {
				seen[sched(s)]++
			}
		}
	}
	// Every one of the 6 balanced orders of 4 weeks is drawn, about
	// equally often (500 each expected of 3000).
	if len(seen) != 6 {
		t.Errorf("4-week schedules drawn: %v; want all 6", seen)
	}
	for k, n := range seen {
		if n < 400 || n > 600 {
			t.Errorf("4-week schedule %s drawn %d times of 3000; want about 500", k, n)
		}
	}
}

func sched(ws []bool) string {
	var b strings.Builder
	for _, w := range ws {
		if w {
			b.WriteByte('1')
		} else {
			b.WriteByte('0')
		}
	}
	return b.String()
}

func TestStartExperimentRefusals(t *testing.T) {
	j, st, _ := newTestJournal(t, 21, 0)
	ctx := context.Background()
	for _, tt := range []struct {
		plan  journal.ExperimentPlan
		field night.Field
		want  string
	}{
		{journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWithout, Weeks: 3}, journal.FieldWeeks, "3: want an even number of weeks from 4"},
		{journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWithout, Weeks: 2}, journal.FieldWeeks, "2: want an even number"},
		{journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWith, Weeks: 5}, journal.FieldWeeks, "at least two of each"},
		{journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWith, Weeks: 54}, journal.FieldWeeks, "54"},
		{journal.ExperimentPlan{Item: "coffee", Arm: journal.ArmWithout, Weeks: 4}, journal.FieldWithout, `"coffee" is not a checklist id (caffeine, alcohol)`},
		{journal.ExperimentPlan{Item: "coffee", Arm: journal.ArmWith, Weeks: 4}, journal.FieldWith, `"coffee" is not a checklist id`},
	} {
		_, err := j.StartExperiment(ctx, tt.plan)
		var fe *night.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.field || !strings.Contains(fe.Msg, tt.want) {
			t.Errorf("%+v: %v; want --%s: ...%s", tt.plan, err, tt.field, tt.want)
		}
	}
	if len(st.Experiments) != 0 {
		t.Fatalf("a refused plan was saved: %+v", st.Experiments)
	}
	e, err := j.StartExperiment(ctx, journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWithout, Weeks: 4, Seed: 7})
	if err != nil || e.ID != 1 || e.FirstNight != "2026-11-23" || !slices.Equal(e.Weeks, journal.Schedule(4, 7)) {
		t.Fatalf("start: %+v, %v", e, err)
	}
	_, err = j.StartExperiment(ctx, journal.ExperimentPlan{Item: "alcohol", Arm: journal.ArmWith, Weeks: 4})
	var re *journal.RunningError
	if !errors.As(err, &re) || !strings.Contains(err.Error(), "without caffeine, from 2026-11-23, week 1 of 4") {
		t.Fatalf("second start while one runs: %v", err)
	}
	if len(st.Experiments) != 1 {
		t.Fatalf("%d experiments saved", len(st.Experiments))
	}
	stopped, err := j.StopExperiment(ctx)
	if err != nil || stopped.StoppedAt.IsZero() || st.Experiments[0].StoppedAt.IsZero() {
		t.Fatalf("stop: %+v, %v", stopped, err)
	}
	if _, err := j.StopExperiment(ctx); !errors.Is(err, journal.ErrNoExperiment) {
		t.Errorf("second stop: %v", err)
	}
	if _, ok, err := j.TonightAssignment(ctx); ok || err != nil {
		t.Errorf("assignment after stopping: %v, %v", ok, err)
	}
	// A fresh seed is drawn when none is given.
	e2, err := j.StartExperiment(ctx, journal.ExperimentPlan{Item: "alcohol", Arm: journal.ArmWith, Weeks: 6})
	if err != nil || e2.ID != 2 || e2.Seed == 7 || !slices.Equal(e2.Weeks, journal.Schedule(6, e2.Seed)) {
		t.Errorf("start after stopping: %+v, %v", e2, err)
	}
}

func TestAssignmentAcrossWeeksAndTheDayBoundary(t *testing.T) {
	j, st, clock := newTestJournal(t, 21, 0) // 23 November, 21:00
	ctx := context.Background()
	st.Experiments = []journal.Experiment{{ID: 1, Item: "caffeine", Arm: journal.ArmWithout, FirstNight: "2026-11-23",
		Weeks: []bool{false, true, true, false}, StartedAt: clock.Now().Wall}}
	at := func(month time.Month, day, hour, minute int) {
		clock.Jump(time.Date(2026, month, day, hour, minute, 0, 0, time.UTC).Sub(clock.Now().Wall))
	}
	for _, tt := range []struct {
		month          time.Month
		day, hour, min int
		want           string // "" for none
	}{
		{11, 23, 21, 0, "Experiment: tonight as usual (week 1 of 4)"},
		{11, 30, 11, 59, "Experiment: tonight as usual (week 1 of 4)"},        // still the night of the 29th
		{11, 30, 12, 0, "Experiment: tonight without caffeine (week 2 of 4)"}, // the boundary: the night of the 30th
		{12, 7, 1, 30, "Experiment: tonight without caffeine (week 2 of 4)"},
		{12, 7, 20, 0, "Experiment: tonight without caffeine (week 3 of 4)"},
		{12, 14, 12, 0, "Experiment: tonight as usual (week 4 of 4)"},
		{12, 21, 11, 0, "Experiment: tonight as usual (week 4 of 4)"}, // the night of the 20th, the last
		{12, 21, 12, 0, ""}, // over
	} {
		at(tt.month, tt.day, tt.hour, tt.min)
		a, ok, err := j.TonightAssignment(ctx)
		got := ""
		if ok {
			got = a.Line()
		}
		if err != nil || got != tt.want {
			t.Errorf("%d %s %02d:%02d: %q, %v; want %q", tt.day, tt.month, tt.hour, tt.min, got, err, tt.want)
		}
	}
	if _, running, ok, _ := j.LatestExperiment(ctx); !ok || running {
		t.Errorf("after its last night: ok %v, running %v", ok, running)
	}
	// Once it is over, another may start.
	if _, err := j.StartExperiment(ctx, journal.ExperimentPlan{Item: "alcohol", Arm: journal.ArmWith, Weeks: 4}); err != nil {
		t.Errorf("start after the last one ended: %v", err)
	}
}

// checkin is a check-in of date with leg symptoms rls and 8 hours in bed,
// 7 of them asleep.
func checkin(date string, rls int) night.Checkin {
	d, _ := time.Parse(night.Layout, date)
	in := d.Add(22 * time.Hour)
	return night.Checkin{Night: date, InBed: in, TriedSleep: in, FinalWake: in.Add(7 * time.Hour),
		OutOfBed: in.Add(8 * time.Hour), Quality: 3, Rested: 3, RLSSeverity: rls, Onset: night.OnsetNone}
}

func TestExperimentStatusAdherence(t *testing.T) {
	// 20 November 2026, 21:00: the night of the 20th, in week 3 of 4 of
	// an experiment from 2 November, without caffeine in weeks 1 and 4.
	j, st, clock := newTestJournal(t, 21, 0)
	clock.Jump(-3 * 24 * time.Hour)
	ctx := context.Background()
	st.Experiments = []journal.Experiment{{ID: 1, Item: "caffeine", Arm: journal.ArmWithout, FirstNight: "2026-11-02",
		Weeks: []bool{true, false, false, true}, StartedAt: time.Date(2026, 11, 2, 20, 0, 0, 0, time.UTC)}}
	ev := func(date string, tags ...string) { st.Evenings[date] = night.Evening{Night: date, Tags: tags} }
	// Week 1, without caffeine: 2 Nov kept, 3 Nov not, 4 Nov checklist
	// skipped, 5 Nov a check-in only, 6 Nov kept (alcohol is not the
	// item), 7 Nov nothing, 8 Nov kept (nothing ticked).
	ev("2026-11-02")
	ev("2026-11-03", "caffeine")
	st.Evenings["2026-11-04"] = night.Evening{Night: "2026-11-04", ChecklistSkipped: true}
	st.Checkins["2026-11-05"] = checkin("2026-11-05", 3)
	ev("2026-11-06", "alcohol")
	ev("2026-11-08")
	// Week 2, as usual: whatever was done is the plan, and not counted.
	ev("2026-11-09", "caffeine")
	ev("2026-11-10")
	st.Checkins["2026-11-12"] = checkin("2026-11-12", 5)
	// Before the experiment: not counted.
	ev("2026-11-01", "caffeine")

	s, ok, err := j.ExperimentStatus(ctx)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if !s.Running || s.Tonight.Week != 3 || s.Tonight.Experimental || s.Through != "2026-11-20" {
		t.Errorf("running %v, tonight %+v, through %s", s.Running, s.Tonight, s.Through)
	}
	// 19 nights so far, 9 of them recorded (2, 3, 4, 5, 6, 8, 9, 10, 12
	// November); 7 nights of the one experimental week begun, 4 of them
	// answered (2, 3, 6, 8), 3 kept (2, 6, 8).
	if s.Nights != 19 || s.Recorded != 9 || s.ExpNights != 7 || s.Answered != 4 || s.Kept != 3 || s.WeeksBegun != 3 {
		t.Errorf("nights %d recorded %d; experimental %d answered %d kept %d; weeks begun %d; want 19 9; 7 4 3; 3",
			s.Nights, s.Recorded, s.ExpNights, s.Answered, s.Kept, s.WeeksBegun)
	}

	// Stopped on the morning of 14 November (the night of the 13th):
	// nights to the 13th count, and it no longer runs.
	st.Experiments[0].StoppedAt = time.Date(2026, 11, 14, 9, 0, 0, 0, time.UTC)
	s, _, _ = j.ExperimentStatus(ctx)
	if s.Running || s.Through != "2026-11-13" || s.Nights != 12 || s.Recorded != 9 || s.WeeksBegun != 2 {
		t.Errorf("stopped: running %v through %s nights %d recorded %d weeks %d", s.Running, s.Through, s.Nights, s.Recorded, s.WeeksBegun)
	}
}

func TestExperimentResultOnASimulatedTrial(t *testing.T) {
	// An 8-week trial without caffeine, each night a check-in with legs
	// about 2 points better in the weeks without; one as-usual week has
	// no check-ins at all.
	j, st, clock := newTestJournal(t, 21, 0)
	ctx := context.Background()
	e, err := j.StartExperiment(ctx, journal.ExperimentPlan{Item: "caffeine", Arm: journal.ArmWithout, Weeks: 8, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	empty := slices.Index(e.Weeks, false)
	for d := range 56 {
		date := e.FirstNight
		date = addDays(t, date, d)
		w := d / 7
		if w == empty {
			continue
		}
		rls := 6 + rng.IntN(3) - 1 // 5 to 7
		tags := []string{"caffeine"}
		if e.Weeks[w] {
			rls -= 2
			tags = nil
			if d%7 == 3 {
				tags = []string{"caffeine"} // one slip a week
			}
		}
		st.Evenings[date] = night.Evening{Night: date, Tags: tags}
		st.Checkins[date] = checkin(date, rls)
	}
	clock.Jump(56 * 24 * time.Hour) // after the last night
	res, ok, err := j.ExperimentResult(ctx)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if res.Running || res.WeeksBegun != 8 || res.ExpNights != 28 || res.Answered != 28 || res.Kept != 24 {
		t.Errorf("running %v weeks %d experimental %d answered %d kept %d", res.Running, res.WeeksBegun, res.ExpNights, res.Answered, res.Kept)
	}
	sym := res.Trial.Comparisons[0]
	if sym.Measure != insight.Symptoms || sym.WeeksExperimental != 4 || sym.WeeksUsual != 3 || sym.LeftOut != 1 ||
		sym.NightsExperimental != 28 || sym.NightsUsual != 21 {
		t.Errorf("symptoms: %+v", sym)
	}
	// Every night without caffeine is 2 better, and the slips count by
	// the plan (intention to treat): the difference is about -2.
	if !sym.Holds || *sym.Difference > -1.5 || *sym.Difference < -2.5 || *sym.CILow > -1 || *sym.CIHigh > -1 {
		t.Errorf("difference %v, %v to %v, holds %v", *sym.Difference, *sym.CILow, *sym.CIHigh, sym.Holds)
	}
	// Sleep efficiency is the same every night: no interval, not tested.
	if eff := res.Trial.Comparisons[1]; eff.Estimable() || res.Trial.Tested != 1 {
		t.Errorf("efficiency: %+v; tested %d", eff, res.Trial.Tested)
	}

	// With no effect, the same trial mostly shows none.
	held := 0
	for k := range 100 {
		rng := rand.New(rand.NewPCG(uint64(k), 9))
		for d := range 56 {
			date := addDays(t, e.FirstNight, d)
			st.Checkins[date] = checkin(date, 5+rng.IntN(5)-2)
		}
		if res, _, _ := j.ExperimentResult(ctx); res.Trial.Comparisons[0].Holds {
			held++
		}
	}
	if held > 10 {
		t.Errorf("with no effect, a difference held in %d of 100 trials", held)
	}
}

func addDays(t *testing.T, date string, n int) string {
	t.Helper()
	d, err := time.Parse(night.Layout, date)
	if err != nil {
		t.Fatal(err)
	}
	return d.AddDate(0, 0, n).Format(night.Layout)
}
