package insight

import (
	"bytes"
	"encoding/json"
	"math"
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
	skipped   bool // checklist not answered
	noCheckin bool
	sym       int
	runs      []night.Run
}

func recs(ns ...nt) []night.Record {
	out := make([]night.Record, len(ns))
	for i, n := range ns {
		day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i) // a Monday
		r := night.Record{Night: day.Format(night.Layout), Runs: n.runs}
		if !n.noEvening {
			r.Evening = &night.Evening{Night: r.Night, Tags: n.tags, ChecklistSkipped: n.skipped}
		}
		if !n.noCheckin {
			bed := day.Add(22 * time.Hour)
			r.Checkin = &night.Checkin{Night: r.Night, InBed: bed, TriedSleep: bed,
				FinalWake: bed.Add(540 * time.Minute), OutOfBed: bed.Add(600 * time.Minute),
				Quality: 3, Rested: 3, RLSSeverity: n.sym, Onset: night.OnsetNone}
		}
		out[i] = r
	}
	return out
}

func find(t *testing.T, r Result, id string, m Measure) Comparison {
	t.Helper()
	for _, c := range r.Comparisons {
		if c.Item == id && c.Measure == m {
			return c
		}
	}
	t.Fatalf("no comparison for %s/%s", id, m)
	return Comparison{}
}

var caffeine = night.Settings{Checklist: []night.Item{{ID: "caffeine", Label: "Caffeine after noon", Kind: night.Trigger}}}

// TestNoVariationIsNotEstimated is the five nights against five
// with no variation: a difference, but no interval, no p-value, not
// ranked and not holding.
func TestNoVariationIsNotEstimated(t *testing.T) {
	var ns []nt
	for i := range 10 {
		n := nt{sym: 2}
		if i%2 == 0 {
			n.tags, n.sym = []string{"caffeine"}, 6
		}
		ns = append(ns, n)
	}
	res := Compute(recs(ns...), caffeine)
	c := find(t, res, "caffeine", Symptoms)
	if c.NWith != 5 || c.NWithout != 5 || c.Difference == nil || *c.Difference != 4 {
		t.Fatalf("got %+v, want 5 vs 5, difference 4", c)
	}
	if c.Estimable() || c.PAdjusted != nil || c.Holds {
		t.Errorf("no variation, yet estimated: %+v", c)
	}
	for _, l := range Lines(res, 80) {
		if strings.Contains(l, "4.0 to 4.0") || strings.Contains(l, "higher") {
			t.Errorf("text words an unestimable difference: %q", l)
		}
	}
}

// TestCountingRules: unanswered checklists, nights without a log or a
// check-in, and trial runs are left out.
func TestCountingRules(t *testing.T) {
	real := night.Run{Status: routine.Completed, Speed: 1}
	old := night.Run{Status: routine.Completed} // Speed 0: an older record
	trial := night.Run{Status: routine.Completed, Speed: 60}
	rs := recs(
		nt{tags: []string{"caffeine"}, sym: 5, runs: []night.Run{real}},
		nt{tags: []string{"caffeine"}, noCheckin: true, runs: []night.Run{real}},
		nt{sym: 3, runs: []night.Run{trial}},
		nt{noEvening: true, sym: 3, runs: []night.Run{old}},
		nt{skipped: true, sym: 9},
		nt{sym: 1},
		nt{tags: []string{"caffeine"}, skipped: true, sym: 9},
	)
	res := Compute(rs, caffeine)
	if res.Nights != 7 || res.From != "2024-01-01" || res.To != "2024-01-07" {
		t.Errorf("nights %d %s..%s", res.Nights, res.From, res.To)
	}
	for _, tt := range []struct {
		id         string
		with, wout int
	}{
		{"caffeine", 1, 2}, // answered logs with a check-in: 5 | 3, 1
		{RoutineID, 2, 4},  // every check-in; the trial run does not count
	} {
		c := find(t, res, tt.id, Symptoms)
		if c.NWith != tt.with || c.NWithout != tt.wout {
			t.Errorf("%s: %d with, %d without; want %d, %d", tt.id, c.NWith, c.NWithout, tt.with, tt.wout)
		}
	}
}

// TestRemedies: a remedy is summarised by week, not tested and not ranked.
func TestRemedies(t *testing.T) {
	set := night.Settings{Checklist: []night.Item{
		{ID: "caffeine", Label: "Caffeine", Kind: night.Trigger},
		{ID: "iron", Label: "Iron supplement", Kind: night.Remedy},
	}}
	// Week 1 (nights 0-6): iron on nights 1 and 3, symptoms 6 each night.
	// Week 2 (7-13): no iron, symptoms 2. Week 3 (14-20): checklist
	// skipped every night, symptoms 9: no answer, so no week.
	var ns []nt
	for i := range 21 {
		n := nt{sym: 6}
		switch {
		case i == 1 || i == 3:
			n.tags = []string{"iron"}
		case i >= 14:
			n.skipped, n.sym = true, 9
		case i >= 7:
			n.sym = 2
		}
		ns = append(ns, n)
	}
	res := Compute(recs(ns...), set)
	if len(res.Remedies) != 1 {
		t.Fatalf("remedies %+v", res.Remedies)
	}
	if rm := res.Remedies[0]; rm.Taken != 2 || rm.Answered != 14 || rm.WeeksWith != 1 || rm.WeeksWithout != 1 {
		t.Errorf("remedy %+v, want taken 2 of 14, 1 week with, 1 without", rm)
	}
	c := find(t, res, "iron", Symptoms)
	if c.Kind != night.Remedy || c.NWith != 7 || c.NWithout != 7 || *c.Difference != 4 || c.Estimable() || c.Holds {
		t.Errorf("iron by week: %+v", c)
	}
	if last := res.Comparisons[len(res.Comparisons)-1]; last.Kind != night.Remedy {
		t.Errorf("remedies are not last: %+v", last)
	}
	text := strings.Join(Lines(res, 200), "\n")
	for _, want := range []string{
		"Iron supplement: taken on 2 of 14 answered evenings, in 1 week; leg symptoms averaged 6.0 in those weeks and 2.0 in the 1 week without.",
		"people tend to take them on bad evenings, and some act over weeks",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func TestHolm(t *testing.T) {
	got := holm([]float64{0.01, 0.04, 0.03, 0.005})
	// Sorted 0.005 0.01 0.03 0.04: x4 0.02, x3 0.03, x2 0.06, x1 0.04 -> 0.06.
	want := []float64{0.03, 0.06, 0.06, 0.02}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("holm = %v, want %v", got, want)
			break
		}
	}
	if got := holm([]float64{0.9, 0.8}); got[0] != 1 || got[1] != 1 {
		t.Errorf("holm caps at 1: %v", got)
	}
}

func TestBlockLength(t *testing.T) {
	tests := []struct {
		n    int
		r1   float64
		want int
	}{
		{60, -0.1, 4},  // no persistence: the n^(1/3) floor
		{3650, 0, 15},  // 3650^(1/3) = 15.4; 20*0.0166/1 -> 1
		{60, 0.5, 15},  // 0.629 -> 21, capped at n/4
		{365, 0.5, 16}, // 0.552 -> 15.9
		{8, 0.9, 2},    // at least four blocks
		{1, 0, 1},
	}
	for _, tt := range tests {
		if got := blockLength(tt.n, tt.r1); got != tt.want {
			t.Errorf("blockLength(%d, %v) = %d, want %d", tt.n, tt.r1, got, tt.want)
		}
	}
}

// TestJSON fixes the contract of `quietlegs insights --format json`.
func TestJSON(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	res := Result{Nights: 60, From: "2026-09-01", To: "2026-10-30", Method: "block bootstrap; Holm",
		Tested: 2, Comparisons: []Comparison{
			{Item: "caffeine", Label: "Caffeine", Kind: night.Trigger, Measure: Symptoms, NWith: 18, NWithout: 40,
				Estimate: Estimate{Difference: f(2.25), CILow: f(1.25), CIHigh: f(3.25), PAdjusted: f(0.002), Holds: true}},
			{Item: "routine", Label: RoutineLabel, Kind: night.Trigger, Measure: Efficiency, NWith: 3, NWithout: 55,
				Estimate: Estimate{Difference: f(-1.5)}},
			{Item: "iron", Label: "Iron", Kind: night.Remedy, Measure: Symptoms, NWith: 28, NWithout: 0},
		}}
	got, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"nights":60,"from":"2026-09-01","to":"2026-10-30","method":"block bootstrap; Holm","comparisons":[` +
		`{"item":"caffeine","kind":"trigger","measure":"rls_severity","n_with":18,"n_without":40,"difference":2.25,"ci_low":1.25,"ci_high":3.25,"p_adjusted":0.002,"holds":true},` +
		`{"item":"routine","kind":"trigger","measure":"sleep_efficiency","n_with":3,"n_without":55,"difference":-1.5,"ci_low":null,"ci_high":null,"p_adjusted":null,"holds":false},` +
		`{"item":"iron","kind":"remedy","measure":"rls_severity","n_with":28,"n_without":0,"difference":null,"ci_low":null,"ci_high":null,"p_adjusted":null,"holds":false}],"relief":[]}`
	if string(got) != want {
		t.Errorf("JSON\n got %s\nwant %s", got, want)
	}
	empty, _ := json.Marshal(Compute(nil, caffeine))
	if !bytes.HasPrefix(empty, []byte(`{"nights":0,"from":null,"to":null,"method":"`)) || !bytes.HasSuffix(empty, []byte(`"comparisons":[],"relief":[]}`)) {
		t.Errorf("empty result: %s", empty)
	}
}

func TestLines(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	res := Result{Nights: 1, From: "2026-09-01", To: "2026-09-01", Tested: 1, Comparisons: []Comparison{
		{Item: "caffeine", Label: "Caffeine after noon", Kind: night.Trigger, Measure: Symptoms, NWith: 12, NWithout: 20,
			Estimate: Estimate{Difference: f(1.8), CILow: f(0.6), CIHigh: f(3.04), PAdjusted: f(0.01), Holds: true}},
		{Item: "caffeine", Label: "Caffeine after noon", Kind: night.Trigger, Measure: Efficiency, NWith: 1, NWithout: 20},
		{Item: "legs-up", Label: "legs-up", Kind: night.Trigger, Measure: Symptoms, NWith: 0, NWithout: 32},
		{Item: "legs-up", Label: "legs-up", Kind: night.Trigger, Measure: Efficiency, NWith: 0, NWithout: 32},
	}}
	want := []string{
		"Insights from 1 night, 2026-09-01",
		"to 2026-09-01.",
		"",
		"Holding after allowing for",
		"1 comparison:",
		"- On nights with caffeine after",
		"  noon, leg symptoms the next",
		"  morning averaged 1.8 points",
		"  higher than on nights without",
		"  (12 and 20 nights; 95 % interval",
		"  0.6 to 3.0).",
		"",
		"Not enough nights yet (5 on each",
		"side, and some variation, needed):",
		"  Caffeine after noon, sleep",
		"  efficiency (1 with, 20 without);",
		"  Legs-up (0 with, 32 without).",
		"",
		"Each difference was checked by",
		"resampling runs of consecutive",
		"nights, and only those that still",
		"stand after a correction for all",
		"1 comparison (Holm's) are said to",
		"hold; all of them are associations",
		"in your own records, not causes.",
	}
	got := Lines(res, 34)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Lines\n got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, l := range got {
		if len([]rune(l)) > 34 {
			t.Errorf("line longer than 34: %q", l)
		}
	}
	if s := Caveat(1) + res.Comparisons[0].Sentence(); strings.Contains(s, nb) {
		t.Errorf("Caveat and Sentence keep a no-break space: %q", s)
	}
	if l := Lines(Result{}, 100); len(l) != 1 || !strings.Contains(l[0], "No nights recorded yet") {
		t.Errorf("empty: %q", l)
	}
}

// TestComputeEachIsCompute: night by night, with a duplicate night (the
// later counts) and a tag found only in the records, the result is
// Compute's; an error from the reader comes back as it is.
func TestComputeEachIsCompute(t *testing.T) {
	var ns []nt
	for i := range 60 {
		n := nt{sym: i % 7}
		if i%3 == 0 {
			n.tags = []string{"caffeine"}
		}
		if i%5 == 0 {
			n.tags = append(n.tags, "screens")
		}
		ns = append(ns, n)
	}
	rs := recs(ns...)
	rs = append(rs, rs[10]) // read twice: the later counts
	rs[len(rs)-1].Checkin = nil
	want := Compute(rs, caffeine)
	got, err := ComputeEach(func(fn func(night.Record) error) error {
		for _, r := range rs {
			if err := fn(r); err != nil {
				return err
			}
		}
		return nil
	}, caffeine)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(got)
	b, _ := json.Marshal(want)
	if !bytes.Equal(a, b) || len(got.Comparisons) != len(want.Comparisons) {
		t.Errorf("ComputeEach\n%s\nCompute\n%s", a, b)
	}
	stop := errorString("the read failed")
	if _, err := ComputeEach(func(func(night.Record) error) error { return stop }, caffeine); err != stop {
		t.Errorf("error %v, want the reader's", err)
	}
}

type errorString string

func (e errorString) Error() string { return string(e) }
