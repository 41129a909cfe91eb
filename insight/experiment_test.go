package insight

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// weeksOf makes one-night weeks of symptoms: exp first, then usual.
func weeksOf(exp, usual []float64) []TrialWeek {
	var ws []TrialWeek
	for _, v := range exp {
		ws = append(ws, TrialWeek{Experimental: true, Symptoms: []float64{v}})
	}
	for _, v := range usual {
		ws = append(ws, TrialWeek{Symptoms: []float64{v}})
	}
	return ws
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestCompareTrialWelchByHand(t *testing.T) {
	// Means 2 and 5, variances 1 and 1, 3 weeks each: se = sqrt(2/3),
	// t = -3 / 0.8165 = -3.674, df = 4; t(0.975, 4) = 2.776, so the
	// interval is -3 ± 2.267 and p = 0.0213.
	res := CompareTrial(weeksOf([]float64{1, 2, 3}, []float64{4, 5, 6}))
	c := res.Comparisons[0]
	if c.Measure != Symptoms || !c.Estimable() {
		t.Fatalf("%+v", c)
	}
	if !near(*c.Difference, -3, 1e-12) || !near(c.DF, 4, 1e-9) || !near(*c.CILow, -5.267, 0.001) ||
		!near(*c.CIHigh, -0.733, 0.001) || !near(c.P, 0.0213, 0.0002) {
		t.Errorf("diff %v df %v ci %v..%v p %v", *c.Difference, c.DF, *c.CILow, *c.CIHigh, c.P)
	}
	// Sleep efficiency has no nights: no weeks, left out, not tested, so
	// the correction is over one measure.
	e := res.Comparisons[1]
	if e.Difference != nil || e.LeftOut != 6 || res.Tested != 1 || *c.PAdjusted != c.P || !c.Holds {
		t.Errorf("efficiency %+v, tested %d, adjusted %v", e, res.Tested, *c.PAdjusted)
	}
}

func TestCompareTrialWeekMeansNotNights(t *testing.T) {
	// One week of 7 nights and one of a single night weigh the same.
	ws := []TrialWeek{
		{Experimental: true, Symptoms: []float64{2, 2, 2, 2, 2, 2, 2}},
		{Experimental: true, Symptoms: []float64{4}},
		{Symptoms: []float64{5, 7}},
		{Symptoms: []float64{6}},
		{}, // no usable nights
	}
	c := CompareTrial(ws).Comparisons[0]
	if c.MeanExperimental != 3 || c.MeanUsual != 6 || c.NightsExperimental != 8 || c.NightsUsual != 3 ||
		c.WeeksExperimental != 2 || c.WeeksUsual != 2 || c.LeftOut != 1 {
		t.Errorf("%+v", c)
	}
}

func TestCompareTrialTooFewWeeks(t *testing.T) {
	c := CompareTrial(weeksOf([]float64{1}, []float64{4, 5})).Comparisons[0]
	if c.Difference == nil || c.Estimable() || c.Holds {
		t.Errorf("one experimental week: %+v", c)
	}
	// Week means that do not vary give no interval.
	c = CompareTrial(weeksOf([]float64{3, 3}, []float64{3, 3})).Comparisons[0]
	if c.Estimable() {
		t.Errorf("no variation: %+v", c)
	}
	lines := strings.Join(TrialLines(CompareTrial(weeksOf(nil, []float64{4})), "without caffeine", 80), " ")
	if !strings.Contains(lines, "not enough weeks yet") || !strings.Contains(lines, "can miss a real effect") {
		t.Errorf("text:\n%s", lines)
	}
}

// noise is how a simulated person's nightly ratings vary: persistence
// from night to night (AR(1) coefficient), the nightly innovation's SD,
// and a week-to-week wander's SD.
type noise struct{ ar, sd, wander float64 }

// simulateTrial is a trial of weeks weeks with nights that vary as nz
// says, about 15 % of them without a check-in, and effect points on
// symptoms in the experimental weeks.
func simulateTrial(rng *rand.Rand, weeks int, effect float64, nz noise) []TrialWeek {
	sched := make([]bool, weeks)
	for i := range weeks / 2 {
		sched[i] = true
	}
	rng.Shuffle(weeks, func(i, j int) { sched[i], sched[j] = sched[j], sched[i] })
	ws := make([]TrialWeek, weeks)
	e := 0.0
	for w := range weeks {
		ws[w].Experimental = sched[w]
		wander := rng.NormFloat64() * nz.wander
		for range 7 {
			e = nz.ar*e + rng.NormFloat64()*nz.sd
			if rng.Float64() < 0.15 {
				continue // a night without a check-in
			}
			sym := 5 + wander + e
			if sched[w] {
				sym += effect
			}
			ws[w].Symptoms = append(ws[w].Symptoms, sym)
			ws[w].Efficiency = append(ws[w].Efficiency, 85+rng.NormFloat64()*5)
		}
	}
	return ws
}

// power is how often, of trials of weeks weeks, a planted effect held
// (in its direction), and how often with none either measure held.
func power(weeks int, effect float64, nz noise, trials int) (found, falseAny int) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range trials {
		if c := CompareTrial(simulateTrial(rng, weeks, effect, nz)).Comparisons[0]; c.Holds && *c.Difference*effect > 0 {
			found++
		}
		res := CompareTrial(simulateTrial(rng, weeks, 0, nz))
		if res.Comparisons[0].Holds || res.Comparisons[1].Holds {
			falseAny++
		}
	}
	return found, falseAny
}

func TestCompareTrialSimulated(t *testing.T) {
	const trials = 400
	// Nightly ratings that swing by about a point and persist a little:
	// 8 weeks find a 2-point effect, and with none rarely find anything.
	found, falseAny := power(8, -2, noise{ar: 0.3, sd: 1, wander: 0.3}, trials)
	t.Logf("8 weeks, moderate noise: a 2-point effect held in %d of %d trials; with none, a measure held in %d",
		found, trials, falseAny)
	if found < trials*8/10 {
		t.Errorf("a planted 2-point effect held in only %d of %d 8-week trials", found, trials)
	}
	if falseAny > trials/10 {
		t.Errorf("with no effect, a difference held in %d of %d trials", falseAny, trials)
	}
	// Noisier, more persistent nights: the trial still rarely finds what
	// is not there, and often misses what is, as the text warns.
	found, falseAny = power(8, -2, noise{ar: 0.5, sd: 1.5, wander: 0.5}, trials)
	t.Logf("8 weeks, high noise: a 2-point effect held in %d of %d trials; with none, a measure held in %d",
		found, trials, falseAny)
	if falseAny > trials/10 {
		t.Errorf("noisy, no effect: a difference held in %d of %d trials", falseAny, trials)
	}
	// 4 weeks (2 of each) can rarely show anything.
	found, falseAny = power(4, -2, noise{ar: 0.3, sd: 1, wander: 0.3}, trials)
	t.Logf("4 weeks, moderate noise: a 2-point effect held in %d of %d trials; with none, a measure held in %d",
		found, trials, falseAny)
	if falseAny > trials/10 {
		t.Errorf("4 weeks, no effect: a difference held in %d of %d trials", falseAny, trials)
	}
}
