// Command gennights writes a quietlegs export with N nights of made-up but
// plausible records, the same for the same seed: for trying quietlegs with a
// long history and for measuring it.
//
//	go run ./bench/gennights -nights 3650 > ten-years.json
//	quietlegs import ten-years.json
//	go run ./bench/gennights -nights 36500 -end 2070-06-30 -db century.db
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"time"

	"github.com/quietlegs/quietlegs/archive"
	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
	"github.com/quietlegs/quietlegs/store"
)

func main() {
	n := flag.Int("nights", 3650, "how many nights, ending last night")
	seed := flag.Uint64("seed", 1, "random seed")
	end := flag.String("end", "2026-11-22", "the last night, YYYY-MM-DD")
	db := flag.String("db", "", "store the nights straight into this database instead of writing an export:\n"+
		"for measuring histories longer than the past allows (import refuses nights to come, and none are before 1970)")
	flag.Parse()
	last, err := time.Parse(night.Layout, *end)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gennights: -end:", err)
		os.Exit(2)
	}
	if *db != "" {
		if err := fill(*db, Nights(*n, last, *seed)); err != nil {
			fmt.Fprintln(os.Stderr, "gennights:", err)
			os.Exit(1)
		}
		return
	}
	w := bufio.NewWriter(os.Stdout)
	if err := archive.WriteJSON(w, Nights(*n, last, *seed), time.Time{}); err != nil {
		fmt.Fprintln(os.Stderr, "gennights:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gennights:", err)
		os.Exit(1)
	}
}

var tags = []string{"caffeine", "alcohol", "nicotine", "evening-exercise", "long-sitting",
	"late-screen", "heavy-meal", "iron", "magnesium", "medication"}

var steps = []struct {
	title string
	secs  int
}{{"Settle in", 60}, {"Calf stretch", 120}, {"Hamstring stretch", 120}, {"Progressive muscle relaxation", 240},
	{"Get the compresses ready", 90}, {"Warm and cold compress on the calves", 450}, {"Leg massage", 300},
	{"Paced breathing", 300}, {"Lie still", 120}}

// Nights makes n nights ending on last. Caffeine and long sitting make
// symptoms worse and the routine makes them better, so insights have
// something real to find; about one night in ten has no record at all.
func Nights(n int, last time.Time, seed uint64) []night.Record {
	r := rand.New(rand.NewPCG(seed, 7))
	loc := time.FixedZone("", 3600)
	var out []night.Record
	for i := n - 1; i >= 0; i-- {
		day := last.AddDate(0, 0, -i)
		date := day.Format(night.Layout)
		if r.IntN(10) == 0 {
			continue
		}
		at := func(h, m int) time.Time {
			return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, loc)
		}
		rec := night.Record{Night: date}
		severity := 3.0
		if r.IntN(5) > 0 {
			sym := r.IntN(8)
			ev := night.Evening{Night: date, At: at(20, r.IntN(60)), Symptoms: &sym}
			for _, t := range tags {
				if r.IntN(4) == 0 {
					ev.Tags = append(ev.Tags, t)
					switch t {
					case "caffeine":
						severity += 1.5
					case "long-sitting":
						severity += 1
					}
				}
			}
			rec.Evening = &ev
		}
		if r.IntN(3) > 0 {
			start := at(21, r.IntN(45))
			run := night.Run{Routine: "wind-down", Title: "Evening wind-down", StartedAt: start, Planned: 30 * time.Minute}
			stop := len(steps)
			if r.IntN(4) == 0 {
				stop = 1 + r.IntN(len(steps)-1)
			}
			var spent time.Duration
			for j, s := range steps[:stop] {
				d := time.Duration(s.secs) * time.Second
				st := routine.StepDone
				if r.IntN(12) == 0 {
					st, d = routine.StepSkipped, time.Duration(r.IntN(s.secs))*time.Second
				}
				run.Steps = append(run.Steps, routine.StepResult{Index: j, Title: s.title, Planned: time.Duration(s.secs) * time.Second, Actual: d, Status: st})
				spent += d
			}
			run.EndedAt = start.Add(spent)
			run.Status = routine.Completed
			if stop < len(steps) {
				run.Status = routine.Partial
			}
			if run.Status == routine.Completed {
				severity -= 1.5
			}
			rec.Runs = []night.Run{run}
		}
		if r.IntN(6) > 0 {
			bed := at(22, r.IntN(60))
			tried := bed.Add(time.Duration(r.IntN(40)) * time.Minute)
			latency, awake := 5+r.IntN(40), r.IntN(60)
			final := tried.Add(time.Duration(7*60+r.IntN(90)) * time.Minute)
			sev := min(max(int(severity+r.NormFloat64()*1.5+0.5), 0), 10)
			rec.Checkin = &night.Checkin{
				Night: date, InBed: bed, TriedSleep: tried, LatencyMin: latency, Awakenings: r.IntN(5),
				AwakeMin: awake, FinalWake: final, OutOfBed: final.Add(time.Duration(r.IntN(30)) * time.Minute),
				Quality: 1 + r.IntN(5), Rested: 1 + r.IntN(5), RLSSeverity: sev,
				Onset: night.Onsets[r.IntN(len(night.Onsets))], GotUp: r.IntN(3),
			}
		}
		if rec.Evening == nil && rec.Runs == nil && rec.Checkin == nil {
			continue
		}
		out = append(out, rec)
	}
	return out
}

// fill stores recs in the database at path, as import would but without
// its check that no night is yet to come.
func fill(path string, recs []night.Record) error {
	st, err := store.Open(path)
	if err != nil {
		return err
	}
	defer st.Close()
	_, err = st.Import(context.Background(), recs, nil)
	return err
}
