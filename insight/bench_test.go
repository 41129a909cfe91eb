package insight

import (
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

var posInf = math.Inf(1)

// defaultChecklist mirrors assets/config.toml's ids, so the benchmark does
// the work a real ten-year history would.
func defaultChecklist() night.Settings {
	ids := []string{"caffeine", "alcohol", "nicotine", "evening-exercise", "long-sitting",
		"late-screen", "heavy-meal", "iron", "magnesium", "medication"}
	var s night.Settings
	for _, id := range ids {
		s.Checklist = append(s.Checklist, night.Item{ID: id, Label: id})
	}
	return s
}

// generate builds n nights from a fixed seed, so every run measures and
// checks the same history: most nights logged, some gaps, an old item
// ("legs-up") dropped from the checklist, and caffeine making legs worse.
func generate(n int) []night.Record {
	rng := rand.New(rand.NewPCG(2024, 11))
	set := defaultChecklist()
	base := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]night.Record, 0, n)
	for i := 0; i < n; i++ {
		day := base.AddDate(0, 0, i)
		r := night.Record{Night: day.Format(night.Layout)}
		sym := 3.0
		if rng.Float64() < 0.9 {
			ev := &night.Evening{Night: r.Night}
			for _, it := range set.Checklist {
				if rng.Float64() < 0.25 {
					ev.Tags = append(ev.Tags, it.ID)
					if it.ID == "caffeine" {
						sym += 1.5
					}
				}
			}
			if i < n/3 && rng.Float64() < 0.4 {
				ev.Tags = append(ev.Tags, "legs-up")
			}
			r.Evening = ev
		}
		switch x := rng.Float64(); {
		case x < 0.6:
			r.Runs = []night.Run{{Status: routine.Completed}}
			sym--
		case x < 0.75:
			r.Runs = []night.Run{{Status: routine.Partial}}
		case x < 0.8:
			r.Runs = []night.Run{{Status: routine.Abandoned}}
		}
		if rng.Float64() < 0.85 {
			bed := day.Add(22*time.Hour + time.Duration(rng.IntN(90))*time.Minute)
			sev := int(math.Round(sym + rng.NormFloat64()*1.5))
			r.Checkin = &night.Checkin{
				Night: r.Night, InBed: bed, TriedSleep: bed.Add(10 * time.Minute),
				LatencyMin: rng.IntN(60), AwakeMin: rng.IntN(60),
				FinalWake: bed.Add(time.Duration(400+rng.IntN(120)) * time.Minute),
				OutOfBed:  bed.Add(time.Duration(540+rng.IntN(60)) * time.Minute),
				Quality:   3, Rested: 3, RLSSeverity: min(10, max(0, sev)), Onset: night.OnsetNone,
			}
		}
		out = append(out, r)
	}
	return out
}

// TestGeneratedHistory checks the ordering rule and finiteness on a long,
// messy history, where hand-worked examples cannot reach.
func TestGeneratedHistory(t *testing.T) {
	fs := Compute(generate(3650), defaultChecklist())
	if want := 2 * (10 + 1 + 1); len(fs) != want {
		t.Fatalf("%d findings, want %d (10 items, legs-up, routine; two measures)", len(fs), want)
	}
	prev, seenShort := posInf, false
	for _, f := range fs {
		checkFinite(t, f)
		if !f.Enough {
			seenShort = true
			continue
		}
		if seenShort {
			t.Fatalf("%s/%s has enough nights but follows one without", f.Factor.ID, f.Measure)
		}
		if s := f.Strength(); s > prev {
			t.Fatalf("%s/%s strength %v after %v", f.Factor.ID, f.Measure, s, prev)
		}
		prev = f.Strength()
	}
	// The effect built in should be the strongest finding, in the right
	// direction, and clearly not chance.
	if top := fs[0]; top.Factor.ID != "caffeine" || top.Measure != Symptoms || !(top.Low > 1 && top.High < 2) {
		t.Errorf("top finding %+v, want caffeine/symptoms with interval inside (1, 2)", top)
	}
	if f := find(t, fs, "legs-up", Symptoms); !f.Enough || f.Factor.Label != "legs-up" {
		t.Errorf("removed item legs-up: %+v", f)
	}
}

func TestComputeDeterministic(t *testing.T) {
	rs, set := generate(400), defaultChecklist()
	a, b := Compute(rs, set), Compute(rs, set)
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("run differs at %d: %+v vs %+v", i, a[i], b[i])
		}
	}
}

func BenchmarkCompute10Years(b *testing.B) {
	rs, set := generate(3650), defaultChecklist()
	b.ReportAllocs()
	for b.Loop() {
		Compute(rs, set)
	}
}
