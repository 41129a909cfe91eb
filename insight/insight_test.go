package insight

import (
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// nt describes one test night compactly.
type nt struct {
	tags      []string
	noEvening bool
	noCheckin bool
	sym       int
	// tst is total sleep minutes out of 600 in bed, so efficiency is
	// tst/6 %; 0 means 540 (90 %). Negative means no time in bed at all.
	tst  int
	runs []routine.Status
}

func rec(i int, n nt) night.Record {
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i)
	r := night.Record{Night: day.Format(night.Layout)}
	if !n.noEvening {
		r.Evening = &night.Evening{Night: r.Night, Tags: n.tags}
	}
	for _, s := range n.runs {
		r.Runs = append(r.Runs, night.Run{Routine: "wind-down", Status: s})
	}
	if !n.noCheckin {
		bed := day.Add(22 * time.Hour)
		tst, tib := n.tst, 600
		switch {
		case tst == 0:
			tst = 540
		case tst < 0:
			tst, tib = 0, 0
		}
		r.Checkin = &night.Checkin{
			Night: r.Night, InBed: bed, TriedSleep: bed,
			FinalWake: bed.Add(time.Duration(tst) * time.Minute),
			OutOfBed:  bed.Add(time.Duration(tib) * time.Minute),
			Quality:   3, Rested: 3, RLSSeverity: n.sym, Onset: night.OnsetNone,
		}
	}
	return r
}

func recs(ns ...nt) []night.Record {
	out := make([]night.Record, len(ns))
	for i, n := range ns {
		out[i] = rec(i, n)
	}
	return out
}

func find(t *testing.T, fs []Finding, id string, m Measure) Finding {
	t.Helper()
	for _, f := range fs {
		if f.Factor.ID == id && f.Measure == m {
			return f
		}
	}
	t.Fatalf("no finding for %s/%s", id, m)
	return Finding{}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-3 }

func checkFinding(t *testing.T, got, want Finding) {
	t.Helper()
	if got.With.N != want.With.N || got.Without.N != want.Without.N ||
		!near(got.With.Mean, want.With.Mean) || !near(got.With.SD, want.With.SD) ||
		!near(got.Without.Mean, want.Without.Mean) || !near(got.Without.SD, want.Without.SD) ||
		!near(got.Diff, want.Diff) || !near(got.SE, want.SE) || !near(got.DF, want.DF) ||
		!near(got.Low, want.Low) || !near(got.High, want.High) || got.Enough != want.Enough ||
		got.Factor != want.Factor {
		t.Errorf("%s/%s:\n got %+v\nwant %+v", want.Factor.ID, want.Measure, got, want)
	}
}

var caffeine = night.Settings{Checklist: []night.Item{{ID: "caffeine", Label: "Caffeine after noon"}}}

func TestComputeHandWorked(t *testing.T) {
	tests := []struct {
		name string
		recs []night.Record
		set  night.Settings
		want Finding
	}{
		{
			// Set A. With caffeine: 5 6 7 8 9, mean 7, squares 4+1+0+1+4 = 10,
			// var 10/4 = 2.5, SD 1.581139. Without: 2 2 3 4 4, mean 3,
			// squares 1+1+0+1+1 = 4, var 1, SD 1. Diff 4.
			// SE = sqrt(2.5/5 + 1/5) = sqrt(0.7) = 0.836660.
			// df = 0.7² / (0.5²/4 + 0.2²/4) = 0.49/0.0725 = 6.758621.
			// t(0.975, 6.758621) = 2.381852; half-width 1.992800.
			// Interval 2.007200 to 5.992800.
			// Left out: caffeine nights without a check-in, and nights with
			// a check-in but no evening log (rated 10, so any leak shows).
			name: "welch, unequal spread",
			recs: recs(
				nt{tags: []string{"caffeine"}, sym: 5}, nt{tags: []string{"caffeine"}, sym: 6},
				nt{tags: []string{"caffeine", "alcohol"}, sym: 7}, nt{tags: []string{"caffeine"}, sym: 8},
				nt{tags: []string{"caffeine"}, sym: 9},
				nt{sym: 2}, nt{tags: []string{"alcohol"}, sym: 2}, nt{sym: 3}, nt{sym: 4}, nt{sym: 4},
				nt{tags: []string{"caffeine"}, noCheckin: true}, nt{tags: []string{"caffeine"}, noCheckin: true},
				nt{noEvening: true, sym: 10}, nt{noEvening: true, sym: 10}, nt{noEvening: true, sym: 10},
			),
			set: caffeine,
			want: Finding{
				Factor: Factor{"caffeine", "Caffeine after noon"}, Measure: Symptoms,
				With: Side{5, 7, 1.581139}, Without: Side{5, 3, 1},
				Diff: 4, SE: 0.836660, DF: 6.758621, Low: 2.007200, High: 5.992800, Enough: true,
			},
		},
		{
			// Set B, routine on efficiency (tst/600 x 100).
			// Completed: 540 x5 -> 90 % each (one night's main run is the
			// completed one after an abandoned start), mean 90, SD 0.
			// Not completed: 480 492 504 516 528 540 -> 80 82 84 86 88 90
			// (no run, partial, abandoned, partial-then-abandoned), mean 85,
			// squares 25+9+1+1+9+25 = 70, var 14, SD 3.741657. Diff 5.
			// SE = sqrt(0 + 14/6) = 1.527525; df = (14/6)² / ((14/6)²/5) = 5.
			// t(0.975, 5) = 2.570582; half-width 3.926629.
			// Interval 1.073371 to 8.926629.
			// Left out: a completed night without a check-in, and a
			// completed night with no time in bed (efficiency undefined).
			name: "welch, one side without spread",
			recs: recs(
				nt{runs: []routine.Status{routine.Completed}}, nt{runs: []routine.Status{routine.Completed}},
				nt{runs: []routine.Status{routine.Completed}, noEvening: true},
				nt{runs: []routine.Status{routine.Completed}},
				nt{runs: []routine.Status{routine.Abandoned, routine.Completed}},
				nt{tst: 480}, nt{tst: 492, runs: []routine.Status{routine.Partial}},
				nt{tst: 504, runs: []routine.Status{routine.Abandoned}}, nt{tst: 516, noEvening: true},
				nt{tst: 528, runs: []routine.Status{routine.Partial, routine.Abandoned}}, nt{tst: 540},
				nt{runs: []routine.Status{routine.Completed}, noCheckin: true},
				nt{runs: []routine.Status{routine.Completed}, tst: -1},
			),
			want: Finding{
				Factor: Factor{RoutineID, RoutineLabel}, Measure: Efficiency,
				With: Side{5, 90, 0}, Without: Side{6, 85, 3.741657},
				Diff: 5, SE: 1.527525, DF: 5, Low: 1.073371, High: 8.926629, Enough: true,
			},
		},
		{
			// Set C, a tag no longer on the checklist, analysed under its id.
			// With: 4 x5; without: 2 x6 (one of them tagged with another
			// removed id). No spread: SE 0, interval [2, 2].
			name: "removed tag, no spread",
			recs: recs(
				nt{tags: []string{"legs-up"}, sym: 4}, nt{tags: []string{"legs-up"}, sym: 4},
				nt{tags: []string{"legs-up"}, sym: 4}, nt{tags: []string{"legs-up"}, sym: 4},
				nt{tags: []string{"legs-up"}, sym: 4},
				nt{sym: 2}, nt{sym: 2}, nt{sym: 2}, nt{sym: 2}, nt{sym: 2}, nt{tags: []string{"bath"}, sym: 2},
			),
			set: caffeine,
			want: Finding{
				Factor: Factor{"legs-up", "legs-up"}, Measure: Symptoms,
				With: Side{5, 4, 0}, Without: Side{6, 2, 0},
				Diff: 2, Low: 2, High: 2, Enough: true,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(t, Compute(tt.recs, tt.set), tt.want.Factor.ID, tt.want.Measure)
			checkFinding(t, got, tt.want)
		})
	}
}

func TestComputeCountingRules(t *testing.T) {
	rs := recs(
		nt{tags: []string{"caffeine"}, sym: 5, runs: []routine.Status{routine.Completed}},
		nt{tags: []string{"caffeine"}, noCheckin: true, runs: []routine.Status{routine.Completed}},
		nt{sym: 3, runs: []routine.Status{routine.Partial}},
		nt{noEvening: true, sym: 3, runs: []routine.Status{routine.Completed}},
		nt{noEvening: true, sym: 3},
		nt{noEvening: true, noCheckin: true},
		nt{tags: []string{"caffeine"}, sym: 6, tst: -1},
		nt{sym: 1, runs: []routine.Status{routine.Running}},
	)
	fs := Compute(rs, caffeine)
	tests := []struct {
		id           string
		m            Measure
		with, witout int
	}{
		// Evening log and check-in both needed; no time in bed drops only
		// efficiency.
		{"caffeine", Symptoms, 2, 2},
		{"caffeine", Efficiency, 1, 2},
		// Every night with a check-in; running counts as not completed.
		{RoutineID, Symptoms, 2, 4},
		{RoutineID, Efficiency, 2, 3},
	}
	for _, tt := range tests {
		f := find(t, fs, tt.id, tt.m)
		if f.With.N != tt.with || f.Without.N != tt.witout {
			t.Errorf("%s/%s: %d with, %d without; want %d, %d", tt.id, tt.m, f.With.N, f.Without.N, tt.with, tt.witout)
		}
	}
}

func TestComputeTooFew(t *testing.T) {
	var ns []nt
	for i := 0; i < 24; i++ {
		n := nt{sym: i % 7}
		if i < 4 {
			n.tags = []string{"caffeine"}
		}
		ns = append(ns, n)
	}
	f := find(t, Compute(recs(ns...), caffeine), "caffeine", Symptoms)
	if f.Enough || f.With.N != 4 || f.Without.N != 20 {
		t.Fatalf("got %+v, want 4 vs 20 and not Enough", f)
	}
	want := "Caffeine after noon: not enough nights yet (4 with, 20 without; 5 of each needed)."
	if s := f.Sentence(); s != want {
		t.Errorf("Sentence() = %q, want %q", s, want)
	}
}

func TestComputeFactors(t *testing.T) {
	set := night.Settings{Checklist: []night.Item{
		{ID: "caffeine", Label: "Caffeine after noon"},
		{ID: "caffeine", Label: "Listed twice"},
		{ID: RoutineID, Label: "Evening routine"},
		{ID: "magnesium", Label: "Magnesium"},
	}}
	rs := recs(nt{tags: []string{"zinc", "caffeine"}}, nt{tags: []string{"bath", "routine"}}, nt{noEvening: true})
	var got []Factor
	for _, f := range Compute(rs, set) {
		if f.Measure == Symptoms {
			got = append(got, f.Factor)
		}
	}
	// Not-enough findings are ordered by label.
	want := []Factor{
		{"bath", "bath"}, {"caffeine", "Caffeine after noon"}, {"magnesium", "Magnesium"},
		{RoutineID, RoutineLabel}, {"zinc", "zinc"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("factors\n got %v\nwant %v", got, want)
	}
}

func TestComputeOrder(t *testing.T) {
	// Symptoms: 7/8 alternating on nights 0-9, 2/3 on 10-19, one more on
	// alcohol nights. Zinc (nights 0-9) separates 7.9 from 2.9, strongly;
	// alcohol (0-4, 10-14) 5.9 from 4.9 with wide spread, weakly.
	// Efficiency is 90 % every night: Diff 0, SE 0, strength 0.
	var ns []nt
	for i := 0; i < 20; i++ {
		n := nt{sym: 2 + i%2}
		if i < 10 {
			n.sym += 5
			n.tags = append(n.tags, "zinc")
		}
		if i%10 < 5 {
			n.sym++
			n.tags = append(n.tags, "alcohol")
		}
		if i < 2 {
			n.tags = append(n.tags, "nap")
		}
		ns = append(ns, n)
	}
	set := night.Settings{Checklist: []night.Item{
		{ID: "zinc", Label: "Zinc"}, {ID: "alcohol", Label: "Alcohol"}, {ID: "nap", Label: "Nap"},
	}}
	var got []string
	for _, f := range Compute(recs(ns...), set) {
		got = append(got, f.Factor.ID+"/"+string(f.Measure))
	}
	want := []string{
		"zinc/symptoms", "alcohol/symptoms", "alcohol/efficiency", "zinc/efficiency",
		"nap/symptoms", "nap/efficiency", "routine/symptoms", "routine/efficiency",
	}
	if !slices.Equal(got, want) {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

func TestComputeEmptyIsFinite(t *testing.T) {
	tests := []struct {
		name string
		recs []night.Record
	}{
		{"no records", nil},
		{"one night", recs(nt{tags: []string{"caffeine"}, sym: 3})},
		{"one each", recs(nt{tags: []string{"caffeine"}, sym: 3}, nt{sym: 5, tst: -1})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := Compute(tt.recs, caffeine)
			if len(fs) != 4 {
				t.Fatalf("%d findings, want 4 (caffeine and routine, two measures)", len(fs))
			}
			for _, f := range fs {
				checkFinite(t, f)
				if f.Enough || !strings.Contains(f.Sentence(), "not enough nights yet") {
					t.Errorf("%s/%s: %q", f.Factor.ID, f.Measure, f.Sentence())
				}
			}
		})
	}
}

func checkFinite(t *testing.T, f Finding) {
	t.Helper()
	for _, v := range []float64{f.With.Mean, f.With.SD, f.Without.Mean, f.Without.SD, f.Diff, f.Low, f.High, f.SE, f.DF, f.Strength()} {
		if math.IsNaN(v) {
			t.Fatalf("%s/%s has NaN: %+v", f.Factor.ID, f.Measure, f)
		}
	}
	if f.Low > f.Diff || f.Diff > f.High {
		t.Errorf("%s/%s: Diff %v outside [%v, %v]", f.Factor.ID, f.Measure, f.Diff, f.Low, f.High)
	}
}
