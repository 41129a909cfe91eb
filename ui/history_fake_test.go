package ui

import (
	"context"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

// The store is what main passes in for the history.
var _ History = (*store.Store)(nil)

// fakeHistory holds nights in memory, in date order, and filters them by
// range with a binary search: benchmarks measure the screens, not SQL.
type fakeHistory struct {
	recs []night.Record
	// diary's evening logs and check-ins show in the nights too, so a
	// check-in saved through the form reads back.
	diary *fakeDiary
	err   error
	// reads is every range read; returned counts the nights returned.
	reads    [][2]string
	returned int
}

func (f *fakeHistory) Nights(_ context.Context, from, to string) ([]night.Record, error) {
	f.reads = append(f.reads, [2]string{from, to})
	if f.err != nil {
		return nil, f.err
	}
	out := slices.Clone(f.span(from, to))
	if f.diary != nil {
		out = f.overlay(out, from, to)
	}
	f.returned += len(out)
	return out, nil
}

func (f *fakeHistory) span(from, to string) []night.Record {
	lo, hi := 0, len(f.recs)
	if from != "" {
		lo = sort.Search(len(f.recs), func(i int) bool { return f.recs[i].Night >= from })
	}
	if to != "" {
		hi = sort.Search(len(f.recs), func(i int) bool { return f.recs[i].Night > to })
	}
	return f.recs[lo:max(lo, hi)]
}

// overlay puts the diary's evening logs and check-ins in range into recs.
func (f *fakeHistory) overlay(recs []night.Record, from, to string) []night.Record {
	in := func(d string) bool { return (from == "" || d >= from) && (to == "" || d <= to) }
	at := func(d string) *night.Record {
		i, ok := slices.BinarySearchFunc(recs, d, func(r night.Record, d string) int { return strings.Compare(r.Night, d) })
		if !ok {
			recs = slices.Insert(recs, i, night.Record{Night: d})
		}
		return &recs[i]
	}
	for d, e := range f.diary.evenings {
		if in(d) {
			e := e
			at(d).Evening = &e
		}
	}
	for d, c := range f.diary.checkins {
		if in(d) {
			c := c
			at(d).Checkin = &c
		}
	}
	return recs
}

func (f *fakeHistory) NightRange(ctx context.Context) (first, last string, n int, err error) {
	if f.err != nil {
		return "", "", 0, f.err
	}
	recs := f.recs
	if f.diary != nil {
		recs = f.overlay(slices.Clone(recs), "", "")
	}
	if len(recs) == 0 {
		return "", "", 0, nil
	}
	return recs[0].Night, recs[len(recs)-1].Night, len(recs), nil
}

// diaryHistory keeps recs' evening logs and check-ins in d, and the
// rest in a history that shows d through it.
func diaryHistory(d *fakeDiary, recs []night.Record) *fakeHistory {
	f := &fakeHistory{diary: d}
	for _, r := range recs {
		if r.Evening != nil {
			d.evenings[r.Night] = *r.Evening
		}
		if r.Checkin != nil {
			d.checkins[r.Night] = *r.Checkin
		}
		if len(r.Runs) > 0 {
			f.recs = append(f.recs, night.Record{Night: r.Night, Runs: r.Runs})
		}
	}
	return f
}

// genNights makes n nights ending on last, the same every time for a
// seed: most with an evening log, a run of testRoutine (completed,
// partial or none) and a check-in; every ninth night has nothing, and
// every seventh has a run but no check-in.
func genNights(last string, n int, seed uint64) []night.Record {
	rng := rand.New(rand.NewPCG(seed, 7))
	tags := []string{"caffeine", "alcohol", "magnesium", "screens", "long-walk"}
	steps := testRoutine().Steps
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
