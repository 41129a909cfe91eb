package insight

import (
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// defaultChecklist mirrors assets/config.toml's ids, so the benchmark does
// the work a real ten-year history would.
func defaultChecklist() night.Settings {
	ids := []string{"caffeine", "alcohol", "nicotine", "evening-exercise", "long-sitting",
		"late-screen", "heavy-meal", "iron", "magnesium", "medication"}
	var s night.Settings
	for _, id := range ids {
		k := night.Trigger
		if id == "iron" || id == "magnesium" || id == "medication" {
			k = night.Remedy
		}
		s.Checklist = append(s.Checklist, night.Item{ID: id, Label: id, Kind: k})
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
			r.Runs = []night.Run{{Status: routine.Completed, Speed: 1}}
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

// TestGeneratedHistory checks ten messy years: every number finite, the
// order rule, the effect built in found and holding, and remedies apart.
func TestGeneratedHistory(t *testing.T) {
	res := Compute(generate(3650), defaultChecklist())
	// 7 triggers, legs-up and the routine on two measures; 3 remedies on two.
	if want := 2*(7+1+1) + 2*3; len(res.Comparisons) != want {
		t.Fatalf("%d comparisons, want %d", len(res.Comparisons), want)
	}
	prev, seenNot := 0.0, false
	for _, c := range res.Comparisons {
		for _, p := range []*float64{c.Difference, c.CILow, c.CIHigh, c.PAdjusted} {
			if p != nil && (math.IsNaN(*p) || math.IsInf(*p, 0)) {
				t.Fatalf("%s/%s: not finite: %+v", c.Item, c.Measure, c)
			}
		}
		if c.Kind == night.Remedy {
			if c.Estimable() || c.Holds {
				t.Errorf("remedy %s/%s is tested: %+v", c.Item, c.Measure, c)
			}
			continue
		}
		if !c.Estimable() {
			seenNot = true
			continue
		}
		if seenNot || *c.PAdjusted < prev {
			t.Fatalf("%s/%s out of order", c.Item, c.Measure)
		}
		prev = *c.PAdjusted
		if !(*c.CILow <= *c.Difference && *c.Difference <= *c.CIHigh) {
			t.Errorf("%s/%s: difference outside its interval", c.Item, c.Measure)
		}
	}
	top := res.Comparisons[0]
	if top.Item != "caffeine" || top.Measure != Symptoms || !top.Holds || !(*top.CILow > 1 && *top.CIHigh < 2) {
		t.Errorf("top comparison %+v, want caffeine/symptoms holding with interval inside (1, 2)", top)
	}
	if len(res.Remedies) != 3 || res.Remedies[0].Item != "iron" {
		t.Errorf("remedies %+v", res.Remedies)
	}
}

func TestComputeDeterministic(t *testing.T) {
	rs, set := generate(400), defaultChecklist()
	a, b := Compute(rs, set), Compute(rs, set)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same nights gave different results")
	}
}

// BenchmarkCompute10Years is Compute over ten years of nights, bootstrap
// included: 3,650 nights, ten checklist items, the routine.
func BenchmarkCompute10Years(b *testing.B) {
	rs, set := generate(3650), defaultChecklist()
	b.ReportAllocs()
	for b.Loop() {
		Compute(rs, set)
	}
}
