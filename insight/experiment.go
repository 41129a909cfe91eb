package insight

import (
	"fmt"
	"math"
	"strings"
)

// A person's own experiment (an n-of-1 trial) randomises whole weeks to
// the experiment's way (with or without one checklist item) or as usual,
// and is analysed by its weeks, not its nights (AHRQ's guide to n-of-1
// trials; Schroeder et al. 2018): nights within a week share whatever
// that week held, so seven nights are not seven independent observations,
// while the weeks were assigned at random.
//
// # Method
//
// Each week's mean of a measure over its nights with a check-in is one
// observation; a week with no usable nights is left out (and counted).
// The difference is the mean of the experimental weeks' means minus the
// mean of the as-usual weeks' means. Its 95 % interval and two-sided
// p-value come from Welch's t on the week means, with the
// Welch-Satterthwaite degrees of freedom: with two to a few weeks a side
// the t reference is wide, and that width is the honest answer. The two
// measures (leg symptoms, sleep efficiency) are the two pre-planned
// comparisons, and their p-values are Holm-adjusted together; a
// comparison holds when its adjusted p is below Alpha. A side needs
// MinTrialWeeks weeks with nights before anything is estimated, and the
// week means must vary.
//
// Nights count by the plan, whether or not the night was kept to it
// (intention to treat): leaving out the nights that were not kept would
// compare the nights a person chose, which the randomisation was there to
// avoid.

// MinTrialWeeks is the fewest weeks with usable nights a side of a trial
// needs before its difference is estimated: with one, there is no spread
// to estimate.
const MinTrialWeeks = 2

// TrialWeek is one week of a trial: whether it was kept the experiment's
// way, and the values of each measure on its nights.
type TrialWeek struct {
	Experimental bool
	Symptoms     []float64
	Efficiency   []float64
}

func (w TrialWeek) values(m Measure) []float64 {
	if m == Efficiency {
		return w.Efficiency
	}
	return w.Symptoms
}

// TrialComparison is one measure of a trial.
type TrialComparison struct {
	Measure Measure `json:"measure"`
	// WeeksExperimental and WeeksUsual count the weeks with usable nights
	// on each side; LeftOut the weeks without any.
	WeeksExperimental int `json:"weeks_experimental"`
	WeeksUsual        int `json:"weeks_usual"`
	LeftOut           int `json:"weeks_left_out"`
	// NightsExperimental and NightsUsual count the nights in those weeks.
	NightsExperimental int `json:"nights_experimental"`
	NightsUsual        int `json:"nights_usual"`
	// MeanExperimental and MeanUsual are the means of the week means (0
	// with no weeks).
	MeanExperimental float64 `json:"mean_experimental"`
	MeanUsual        float64 `json:"mean_usual"`
	// Estimate is MeanExperimental - MeanUsual (nil when a side has no
	// weeks), with its interval and adjusted p-value (nil when not
	// estimable).
	Estimate
	// P is the unadjusted p-value and DF Welch's degrees of freedom; 0
	// when not estimable.
	P  float64 `json:"-"`
	DF float64 `json:"-"`
}

// Estimable reports whether the comparison has an interval.
func (c TrialComparison) Estimable() bool { return c.CILow != nil }

// TrialResult is a trial's comparisons, leg symptoms first.
type TrialResult struct {
	Comparisons []TrialComparison `json:"comparisons"`
	// Tested is how many comparisons went into the correction.
	Tested int    `json:"tested"`
	Method string `json:"method"`
}

// CompareTrial compares the experimental weeks with the as-usual weeks on
// each measure, as the method above says.
func CompareTrial(weeks []TrialWeek) TrialResult {
	var res TrialResult
	for _, m := range Measures() {
		c := TrialComparison{Measure: m}
		var side [2]acc // [0] as usual, [1] experimental
		for _, w := range weeks {
			vs := w.values(m)
			if len(vs) == 0 {
				c.LeftOut++
				continue
			}
			var a acc
			for _, v := range vs {
				a.add(v)
			}
			k := 0
			if w.Experimental {
				k = 1
				c.NightsExperimental += len(vs)
			} else {
				c.NightsUsual += len(vs)
			}
			side[k].add(a.mean)
		}
		c.WeeksExperimental, c.WeeksUsual = side[1].n, side[0].n
		c.MeanExperimental, c.MeanUsual = side[1].mean, side[0].mean
		if side[0].n > 0 && side[1].n > 0 {
			c.Difference = ptr(side[1].mean - side[0].mean)
		}
		if side[0].n >= MinTrialWeeks && side[1].n >= MinTrialWeeks {
			if low, high, p, df, ok := welch(side[1], side[0]); ok {
				c.CILow, c.CIHigh, c.P, c.DF = ptr(low), ptr(high), p, df
			}
		}
		res.Comparisons = append(res.Comparisons, c)
	}
	var ps []float64
	for _, c := range res.Comparisons {
		if c.Estimable() {
			ps = append(ps, c.P)
		}
	}
	adj := holm(ps)
	k := 0
	for i := range res.Comparisons {
		if res.Comparisons[i].Estimable() {
			res.Comparisons[i].PAdjusted = ptr(adj[k])
			res.Comparisons[i].Holds = adj[k] < Alpha
			k++
		}
	}
	res.Tested = len(ps)
	res.Method = trialMethod(res.Tested)
	return res
}

// welch is Welch's t for mean(a) - mean(b): the 95 % interval, the
// two-sided p-value and the Welch-Satterthwaite degrees of freedom. It
// fails when the means do not vary at all.
func welch(a, b acc) (low, high, p, df float64, ok bool) {
	va, vb := a.sd()*a.sd()/float64(a.n), b.sd()*b.sd()/float64(b.n)
	se := math.Sqrt(va + vb)
	diff := a.mean - b.mean
	if !(se > 1e-9*(1+math.Abs(diff))) {
		return 0, 0, 0, 0, false
	}
	df = (va + vb) * (va + vb) / (va*va/float64(a.n-1) + vb*vb/float64(b.n-1))
	h := tQuantile(0.975, df) * se
	p = math.Min(1, 2*tUpper(math.Abs(diff)/se, df))
	return diff - h, diff + h, p, df, true
}

func trialMethod(tested int) string {
	return fmt.Sprintf("Period-level analysis of a randomised n-of-1 trial: each week's mean is one observation "+
		"(weeks with no usable nights left out), and every night counts by the plan whether it was kept to it or not. "+
		"Difference = mean of the experimental weeks' means minus mean of the as-usual weeks' means; "+
		"95 %% interval and two-sided p-value from Welch's t on the week means (Welch-Satterthwaite degrees of freedom), "+
		"needing at least %d weeks on each side. p-values Holm-adjusted over the %s estimated; "+
		"a difference holds when the adjusted p is below %.2f. Associations in your own records, not advice.",
		MinTrialWeeks, plural(tested, "measure", "measures"), Alpha)
}

// TrialLines words a trial's result in plain language, wrapped to width:
// for each measure what the weeks showed, and then what a trial of so few
// weeks can and cannot say. cond names the experimental weeks ("without
// caffeine").
func TrialLines(r TrialResult, cond string, width int) []string {
	var paras [][2]string
	add := func(mark, text string) { paras = append(paras, [2]string{text, mark}) }
	for _, c := range r.Comparisons {
		add("- ", c.trialSentence(cond, r.Tested))
	}
	paras = append(paras, [2]string{"", ""})
	add("", "What this can and cannot say: each week's average is one observation, so the weeks, not the nights, "+
		"are what count. A trial of a few weeks can miss a real effect: a difference that does not hold is not "+
		"evidence that there is none. One that holds is still an association in your own records over these weeks; "+
		"other things that changed from week to week can play a part. This is not advice: talk to a clinician "+
		"before changing a medicine or a supplement.")
	return wrapAll(paras, width)
}

// Wrap breaks a paragraph into lines of at most width characters.
func Wrap(text string, width int) []string {
	return wrapAll([][2]string{{text, ""}}, width)
}

func (c TrialComparison) trialSentence(cond string, tested int) string {
	what, unit := measureWords(c.Measure)
	name := upperFirst(what)
	left := ""
	if c.LeftOut > 0 {
		left = fmt.Sprintf(" (%s left out: no usable nights)", plural(c.LeftOut, "week", "weeks"))
	}
	if c.Difference == nil {
		return fmt.Sprintf("%s: not enough weeks yet to compare: %s %s and %s as usual with nights recorded%s.",
			name, plural(c.WeeksExperimental, "week", "weeks"), cond, plural(c.WeeksUsual, "week", "weeks"), left)
	}
	s := fmt.Sprintf("%s averaged %s in the %s %s (%s) and %s in the %s as usual (%s)%s: a difference of %s%s%s",
		name, num(c.MeanExperimental), plural(c.WeeksExperimental, "week", "weeks"), cond, nights(c.NightsExperimental),
		num(c.MeanUsual), plural(c.WeeksUsual, "week", "weeks"), nights(c.NightsUsual), left,
		signed(*c.Difference), nb, unit)
	if !c.Estimable() {
		return s + fmt.Sprintf(". No interval: that needs at least %d weeks with nights on each side, whose averages vary.",
			MinTrialWeeks)
	}
	s += fmt.Sprintf(" (95%s%% interval %s to %s; p%s=%s%s after Holm's correction for %s)",
		nb, signed(*c.CILow), signed(*c.CIHigh), nb, nb, pval(*c.PAdjusted), plural(tested, "measure", "measures"))
	if c.Holds {
		return s + ". It holds at the usual 5" + nb + "% level."
	}
	return s + ". It does not hold at the usual 5" + nb + "% level: the weeks are consistent with no difference, " +
		"as with any in the interval."
}

// signed is num with a sign on a difference that has a direction.
func signed(v float64) string {
	s := num(v)
	if s != "0.0" && !strings.HasPrefix(s, "-") {
		return "+" + s
	}
	return s
}

// pval prints a p-value to three decimals, "<0.001" below that.
func pval(p float64) string {
	if p < 0.001 {
		return "<0.001"
	}
	return fmt.Sprintf("%.3f", p)
}
