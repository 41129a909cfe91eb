package report

import (
	"fmt"
	"io"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// history is n nights ending 22 Nov 2026, about nine in ten recorded, each
// with a random mix of evening log, routine run and check-in, from a fixed
// seed.
func history(n int) ([]night.Record, Options) {
	r := rand.New(rand.NewPCG(1, 2))
	last := time.Date(2026, 11, 22, 0, 0, 0, 0, loc)
	first := last.AddDate(0, 0, -(n - 1))
	ids := []string{"caffeine", "alcohol", "long-sitting", "late-screen", "magnesium", "sauna"}
	var recs []night.Record
	for d := first; !d.After(last); d = d.AddDate(0, 0, 1) {
		date := d.Format(night.Layout)
		if r.IntN(10) == 0 {
			continue
		}
		rec := night.Record{Night: date}
		if r.IntN(5) > 0 {
			var tags []string
			for _, id := range ids {
				if r.IntN(4) == 0 {
					tags = append(tags, id)
				}
			}
			rec.Evening = evening(date, r.IntN(11), "a note | with a pipe", tags...)
		}
		if r.IntN(3) > 0 {
			done := 1 + r.IntN(5)
			st := routine.Completed
			if done < 5 {
				st = routine.Partial
			}
			rec.Runs = []night.Run{run(date, "wind-down", "Evening wind-down", 5, done, 0, st)}
		}
		if r.IntN(6) > 0 {
			bed := d.Add(time.Duration(22*60+r.IntN(60)) * time.Minute)
			tried := bed.Add(time.Duration(r.IntN(30)) * time.Minute)
			final := tried.Add(time.Duration(7*60+r.IntN(60)) * time.Minute)
			rec.Checkin = &night.Checkin{Night: date, InBed: bed, TriedSleep: tried,
				LatencyMin: r.IntN(40), Awakenings: r.IntN(4), AwakeMin: r.IntN(40),
				FinalWake: final, OutOfBed: final.Add(10 * time.Minute),
				Quality: 1 + r.IntN(5), Rested: 1 + r.IntN(5), RLSSeverity: r.IntN(11),
				Onset: night.Onsets[r.IntN(len(night.Onsets))], GotUp: r.IntN(3)}
		}
		recs = append(recs, rec)
	}
	return recs, Options{From: first.Format(night.Layout), To: last.Format(night.Layout),
		Now: last.AddDate(0, 0, 1), Settings: settings}
}

// BenchmarkWrite reports one year and ten years of nights; the time per
// night should stay about the same, i.e. the report grows linearly.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{365, 3650} {
		recs, o := history(n)
		b.Run(fmt.Sprintf("nights=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, recs, o); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/night")
		})
	}
}
