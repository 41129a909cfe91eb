package journaltest

import (
	"math/rand/v2"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Routine is a small routine for tests: a two-sided stretch, a massage with a safety note, and 4-6
// breathing. 2:00 in all.
func Routine() *routine.Routine {
	return &routine.Routine{Name: "test", Title: "Test wind-down", Source: "built-in", Steps: []routine.Step{
		{Title: "Calf stretch", Instruction: "Lean into a wall, heel down.", Kind: routine.Hold, Phases: []routine.Phase{
			{Label: "left side", Heading: "left", Cue: "Left leg back.", Duration: 10 * time.Second},
			{Label: "right side", Heading: "right", Cue: "Switch to the right leg.", Duration: 20 * time.Second},
		}},
		{Title: "Leg massage", Instruction: "Long slow strokes, ankle to knee.", Safety: "Gently over sore spots.",
			Kind: routine.Hold, Phases: []routine.Phase{{Label: "hold", Duration: 30 * time.Second}}},
		{Title: "Paced breathing", Instruction: "In through the nose, out slowly.", Kind: routine.Breathing,
			Phases: []routine.Phase{{Label: "breathe", Duration: time.Minute,
				Breath: &routine.Breath{Inhale: 4 * time.Second, Exhale: 6 * time.Second}}}},
	}}
}

// Nights makes n nights ending on last, the same every time for a
// seed: most with an evening log, a run of Routine (completed, partial
// or none) and a check-in; every ninth night has nothing, and every
// seventh has a run but no check-in.
func Nights(last string, n int, seed uint64) []night.Record {
	rng := rand.New(rand.NewPCG(seed, 7))
	tags := []string{"caffeine", "alcohol", "magnesium", "screens", "long-walk"}
	steps := Routine().Steps
	var recs []night.Record
	for i := range n {
		date := addDays(last, i-n+1)
		if i%9 == 4 {
			continue
		}
		day, _ := time.Parse(night.Layout, date)
		at := func(h, m int) time.Time { return day.Add(time.Duration(h)*time.Hour + time.Duration(m)*time.Minute) }
		r := night.Record{Night: date}
		var ts []string
		for _, t := range tags {
			if rng.IntN(3) == 0 {
				ts = append(ts, t)
			}
		}
		legs := rng.IntN(8)
		r.Evening = &night.Evening{Night: date, At: at(20, 30+rng.IntN(20)), Symptoms: &legs, Tags: ts}
		if i%5 != 2 {
			run := night.Run{Routine: routine.DefaultName, Title: "Evening wind-down", Status: routine.Completed,
				StartedAt: at(21, 0), EndedAt: at(21, 2), Planned: 2 * time.Minute}
			reached := len(steps)
			if i%4 == 1 {
				run.Status, reached = routine.Partial, 2
			}
			for j, s := range steps[:reached] {
				st := routine.StepDone
				if j == 1 && i%3 == 0 {
					st = routine.StepSkipped
				}
				run.Steps = append(run.Steps, routine.StepResult{Index: j, Title: s.Title, Planned: s.Duration(), Actual: s.Duration(), Status: st})
			}
			r.Runs = []night.Run{run}
		}
		if i%7 != 3 {
			inBed := at(22, rng.IntN(90))
			wake := at(30, 20+rng.IntN(60))
			awake := rng.IntN(60)
			r.Checkin = &night.Checkin{Night: date, InBed: inBed, TriedSleep: inBed.Add(10 * time.Minute),
				LatencyMin: 5 + rng.IntN(40), Awakenings: rng.IntN(4), AwakeMin: awake, FinalWake: wake,
				OutOfBed: wake.Add(15 * time.Minute), Quality: 1 + rng.IntN(5), Rested: 1 + rng.IntN(5),
				RLSSeverity: min(legs+rng.IntN(4), 10), Onset: night.Onsets[rng.IntN(len(night.Onsets))],
				GotUp: rng.IntN(3), RecordedAt: wake.Add(30 * time.Minute)}
		}
		recs = append(recs, r)
	}
	return recs
}

// addDays is the night n days after date.
func addDays(date string, n int) string {
	t, _ := time.Parse(night.Layout, date)
	return t.AddDate(0, 0, n).Format(night.Layout)
}
