// Package insight compares one person's nights with and without each
// evening checklist item, and with and without the routine completed, and
// says only what the numbers support once chance, persistence and the
// number of comparisons are allowed for.
//
// # What is compared
//
// Each possible trigger on the checklist (kind "trigger", the default)
// and the routine are compared on two morning measures: the leg-symptom
// rating (rls_severity, 0-10) and sleep efficiency (sleep_efficiency, %).
// The difference is the mean on nights with minus the mean on nights
// without. It is worded as an association, never a cause, and never as
// advice: the person chose when to have caffeine, and whatever made them
// choose it may be what moved their legs.
//
// Which nights count:
//   - A night counts for a measure only with a morning check-in; for sleep
//     efficiency the diary must also give a positive time in bed.
//   - For a checklist item, only nights with an evening log whose
//     checklist was answered count (night.Evening.ChecklistSkipped unset):
//     a night with no log, or a log whose checklist was skipped, says
//     nothing about caffeine either way. With = the id is among the tags;
//     without = an answered checklist without it ("none of these"
//     included).
//   - An id found in the records but no longer on the checklist is still
//     compared, as a trigger, labelled by its id.
//   - For the routine, with = the night's most complete real-time run
//     (trial runs, whose Speed is neither 0 nor 1, are left out; 0 is an
//     older record that did not keep the speed) was completed; without =
//     every other night with a check-in.
//   - For the bedroom's temperature (once some evening log gives one),
//     with = nights RoomBandC (19 °C) or warmer, without = cooler nights;
//     nights without a temperature count on neither side.
//
// # How: block bootstrap and Holm's correction
//
// Nights are not independent: symptoms persist from one night to the next
// and habits come in runs of days or weeks, so a Welch interval that
// treats each night as a fresh draw runs too narrow. Each difference's
// standard error is instead estimated by a circular moving-block bootstrap
// (Künsch 1989; Politis & Romano 1992): the calendar of nights is cut into
// blocks of about sqrt(n) consecutive nights (Politis & White 2004 discuss
// the choice), a thousand resamples of whole blocks are drawn, and the
// spread of the resampled differences is the standard error. The 95 %
// interval is difference ± t·se and the p-value comes from
// difference / se, both on a t distribution with one degree of freedom
// fewer than the number of blocks. The resampling is seeded from a hash of
// the nights, so the same journal always gives the same answer.
//
// With ten-odd items and two measures, some comparison will look clear by
// chance in most journals. So the p-values of every comparison tested are
// adjusted together by Holm's step-down method (Holm 1979), which bounds
// the chance of any false finding at 5 % whatever the dependence between
// comparisons. A comparison "holds" only when its adjusted p-value is
// below 0.05; the rest are "not clear yet". The intervals shown are the
// comparison's own 95 % intervals, not adjusted.
//
// A comparison is not estimated — no interval, no p-value, not ranked,
// never holding — when a side has fewer than MinNights nights, when the
// nights on each side do not vary (the resampled difference never moves),
// or when the nights with (or without) sit in one stretch of the calendar
// so that resamples keep missing them.
//
// # Remedies
//
// Remedies (kind "remedy": iron, magnesium, prescribed medicine) are not
// tested and not ranked against triggers: people take them because of bad
// evenings, and some act over weeks, so a same-night comparison mixes up
// cause and effect. They are summarised apart: on how many answered
// evenings they were taken, and the measures in calendar weeks (Monday to
// Sunday) in which they were taken at least once against weeks in which
// the checklist was answered and they were not.
package insight

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/quietlegs/quietlegs/night"
)

// Measure is an outcome of a night; its value is the JSON name.
type Measure string

// The measures a factor is compared on.
const (
	// Symptoms is the next-morning leg-symptom rating
	// (Checkin.RLSSeverity, 0-10); lower is better.
	Symptoms Measure = "rls_severity"
	// Efficiency is sleep efficiency in % (Checkin.Figures().SE); higher is
	// better.
	Efficiency Measure = "sleep_efficiency"
)

// Measures lists the measures in the order Compute reports them for one
// factor.
func Measures() []Measure { return []Measure{Symptoms, Efficiency} }

// RoutineID is the item of the comparison "the night's routine run was
// completed"; checklist ids cannot be "routine".
const RoutineID = "routine"

// RoutineLabel is the routine's label.
const RoutineLabel = "Routine completed"

// MinNights is the fewest nights a side needs before a difference is
// estimated. Below five, one unusual night decides the mean.
const MinNights = 5

// Alpha is the family-wise level of the correction: a comparison holds
// when its Holm-adjusted p-value is below it.
const Alpha = 0.05

// Result is every comparison over a set of nights. Its JSON form is the
// contract of `quietlegs insights --format json`:
//
//	{"nights": N, "from": DATE, "to": DATE, "method": TEXT, "comparisons": [...], "relief": [...]}
//
// with from and to null when there are no nights.
type Result struct {
	// Nights counts the nights with any record; From and To are the first
	// and last (YYYY-MM-DD), "" when there are none.
	Nights int    `json:"nights"`
	From   string `json:"from"`
	To     string `json:"to"`
	Method string `json:"method"`
	// Comparisons: those tested and estimated, by adjusted p-value
	// (holding ones first, since they have the smallest); then those
	// tested but not estimable, by label; then remedies in checklist
	// order.
	Comparisons []Comparison `json:"comparisons"`
	// Tested is how many comparisons went into the correction.
	Tested int `json:"-"`
	// Remedies are the remedies' intake, in checklist order; their
	// comparisons by week are among Comparisons.
	Remedies []Remedy `json:"-"`
	// Relief is what the person reported of each relief measure tried in
	// the night's flare-ups (see Reliefs); never nil.
	Relief []Relief `json:"relief"`
	// FlareUps counts the flare-ups recorded in the nights.
	FlareUps int `json:"-"`
}

// Estimate is a difference with its 95 % interval and Holm-adjusted
// p-value, as the insights and an experiment's result both give it; in
// JSON its keys stand among the comparison's own.
type Estimate struct {
	Difference *float64 `json:"difference"`
	CILow      *float64 `json:"ci_low"`
	CIHigh     *float64 `json:"ci_high"`
	PAdjusted  *float64 `json:"p_adjusted"`
	// Holds is true only when PAdjusted < Alpha.
	Holds bool `json:"holds"`
}

// Comparison is one item (or the routine) on one measure. Pointers are
// null in JSON when there is nothing to show.
type Comparison struct {
	Item    string     `json:"item"`
	Label   string     `json:"-"`
	Kind    night.Kind `json:"kind"`
	Measure Measure    `json:"measure"`
	// NWith and NWithout count the nights on each side. For a remedy they
	// are the nights of the weeks with it and of the weeks without.
	NWith    int `json:"n_with"`
	NWithout int `json:"n_without"`
	// Estimate is the mean with minus the mean without (nil when a side
	// has no nights), with its interval and adjusted p-value: all nil
	// when not estimable, and always for remedies, which are not tested.
	Estimate

	// MeanWith and MeanWithout are the two means (0 with no nights).
	MeanWith, MeanWithout float64 `json:"-"`
	// P is the unadjusted p-value, SE the bootstrap standard error and
	// Block the block length in nights; 0 when not estimable.
	P, SE float64 `json:"-"`
	Block int     `json:"-"`
}

// Estimable reports whether the comparison has an interval.
func (c Comparison) Estimable() bool { return c.CILow != nil }

// Enough reports whether both sides have MinNights nights.
func (c Comparison) Enough() bool { return c.NWith >= MinNights && c.NWithout >= MinNights }

// Remedy is how often a remedy was taken.
type Remedy struct {
	Item, Label string
	// Taken is the answered evenings it was ticked, of Answered.
	Taken, Answered int
	// WeeksWith are the calendar weeks it was taken at least once;
	// WeeksWithout those with an answered checklist and no intake.
	WeeksWith, WeeksWithout int
}

// Compute compares every trigger on the checklist (and every id found in
// recs that is no longer on it) and the routine, on both measures, and
// summarises the remedies, as the package doc says. recs are the nights
// in any order; of two records for one night the later counts.
func Compute(recs []night.Record, set night.Settings) Result {
	g := gathered{nights: make([]datedFacts, 0, len(recs))}
	for _, r := range recs {
		g.add(r)
	}
	return g.compute(set)
}

// ComputeEach is Compute over the nights each passes to the function it is
// given, one at a time: only what is compared is kept of each night, so
// the nights need never be in memory together. An error from each is
// returned as it is.
func ComputeEach(each func(func(night.Record) error) error, set night.Settings) (Result, error) {
	var g gathered
	err := each(func(r night.Record) error {
		g.add(r)
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return g.compute(set), nil
}

func (g *gathered) compute(set night.Settings) Result {
	days, first, last := g.layout()
	res := Result{Comparisons: []Comparison{}, Relief: reliefsOf(g.events, set), FlareUps: len(g.events)}
	for _, f := range days {
		if f != nil {
			res.Nights++
		}
	}
	if res.Nights == 0 {
		res.Method = method(0)
		return res
	}
	res.From, res.To = first.Format(night.Layout), last.Format(night.Layout)

	type factor struct {
		id, label string
		kind      night.Kind
	}
	var factors []factor
	for _, it := range items(g.tags, set) {
		factors = append(factors, factor{it.ID, it.Label, it.KindOrDefault()})
	}
	factors = append(factors, factor{RoutineID, RoutineLabel, night.Trigger})
	if anyRoomTemp(days) {
		factors = append(factors, factor{RoomID, roomLabel(set.TempUnit), night.Trigger})
	}

	var tested, remedies []Comparison
	var buf [][4]float64
	s := series{side: make([]int8, len(days)), y: make([]float64, len(days))}
	for _, fac := range factors {
		if fac.kind == night.Remedy {
			rc, rm := remedy(days, fac.id, fac.label)
			remedies = append(remedies, rc...)
			res.Remedies = append(res.Remedies, rm)
			continue
		}
		for _, m := range Measures() {
			c := Comparison{Item: fac.id, Label: fac.label, Kind: night.Trigger, Measure: m}
			var a [2]acc
			for i, f := range days {
				s.side[i], s.y[i] = -1, 0
				if f == nil || !f.hasCheckin || (m == Efficiency && !f.hasEff) {
					continue
				}
				with := f.completed
				switch fac.id {
				case RoutineID:
				case RoomID:
					if !f.hasTemp {
						continue
					}
					with = f.temp >= RoomBandC
				default:
					if !f.answered {
						continue
					}
					with = slices.Contains(f.tags, fac.id)
				}
				k := int8(0)
				if with {
					k = 1
				}
				s.side[i], s.y[i] = k, f.value(m)
				a[k].add(s.y[i])
			}
			c.fill(a)
			if c.Enough() {
				e := bootstrap(s, *c.Difference, seedOf(fac.id, m, s), &buf)
				c.Block = e.block
				if e.ok {
					c.SE, c.P = e.se, e.p
					c.CILow, c.CIHigh = ptr(e.low), ptr(e.hig)
				}
			}
			tested = append(tested, c)
		}
	}

	var ps []float64
	for _, c := range tested {
		if c.Estimable() {
			ps = append(ps, c.P)
		}
	}
	adj := holm(ps)
	j := 0
	for i := range tested {
		if tested[i].Estimable() {
			tested[i].PAdjusted = ptr(adj[j])
			tested[i].Holds = adj[j] < Alpha
			j++
		}
	}
	res.Tested = len(ps)
	slices.SortStableFunc(tested, order)
	res.Comparisons = append(append(res.Comparisons, tested...), remedies...)
	res.Method = method(res.Tested)
	return res
}

func (f *facts) value(m Measure) float64 {
	if m == Efficiency {
		return f.eff
	}
	return f.sym
}

// fill sets the counts and means from the two sides ([0] without).
func (c *Comparison) fill(a [2]acc) {
	c.NWith, c.NWithout = a[1].n, a[0].n
	c.MeanWith, c.MeanWithout = a[1].mean, a[0].mean
	if c.NWith > 0 && c.NWithout > 0 {
		c.Difference = ptr(c.MeanWith - c.MeanWithout)
	}
}

func ptr(v float64) *float64 { return &v }

// order ranks estimated comparisons by adjusted p-value, then puts the
// rest by label; ties fall back to label, item and measure.
func order(a, b Comparison) int {
	if a.Estimable() != b.Estimable() {
		if a.Estimable() {
			return -1
		}
		return 1
	}
	if a.Estimable() {
		if c := cmp.Compare(*a.PAdjusted, *b.PAdjusted); c != 0 {
			return c
		}
		if c := cmp.Compare(a.P, b.P); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(strings.ToLower(a.Label), strings.ToLower(b.Label)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Item, b.Item); c != 0 {
		return c
	}
	return cmp.Compare(measureRank(a.Measure), measureRank(b.Measure))
}

func measureRank(m Measure) int {
	if m == Symptoms {
		return 0
	}
	return 1
}

// method is the one-line description of the method for the JSON result.
func method(tested int) string {
	return fmt.Sprintf("Difference in means, nights with minus nights without. 95 %% intervals and p-values "+
		"from a circular moving-block bootstrap (blocks of about sqrt(n) consecutive nights, %d resamples, "+
		"seeded from the data; t reference with blocks - 1 degrees of freedom). p-values Holm-adjusted over "+
		"the %d comparisons estimated; a comparison holds when the adjusted p is below %.2f. Nights whose "+
		"checklist was not answered are left out. Remedies are summarised by calendar week and not tested. "+
		"Associations, not causes.", Resamples, tested, Alpha)
}

// items is the checklist in its own order, then ids found only in the
// records (found), sorted, as triggers labelled by their id.
func items(found map[string]bool, set night.Settings) []night.Item {
	seen := map[string]bool{RoutineID: true, "": true}
	var out []night.Item
	for _, it := range set.Checklist {
		if seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		if it.Label == "" {
			it.Label = it.ID
		}
		out = append(out, it)
	}
	var extra []string
	for t := range found {
		if !seen[t] {
			extra = append(extra, t)
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		out = append(out, night.Item{ID: id, Label: id, Kind: night.Trigger})
	}
	return out
}

// remedy summarises one remedy: its intake, and each measure in the weeks
// it was taken against the weeks it was not.
func remedy(days []*facts, id, label string) ([]Comparison, Remedy) {
	rm := Remedy{Item: id, Label: label}
	taken := map[int]bool{} // week -> taken at least once; present = answered
	for _, f := range days {
		if f == nil || !f.answered {
			continue
		}
		rm.Answered++
		has := slices.Contains(f.tags, id)
		if has {
			rm.Taken++
		}
		taken[f.week] = taken[f.week] || has
	}
	for _, t := range taken {
		if t {
			rm.WeeksWith++
		} else {
			rm.WeeksWithout++
		}
	}
	var out []Comparison
	for _, m := range Measures() {
		c := Comparison{Item: id, Label: label, Kind: night.Remedy, Measure: m}
		var a [2]acc
		for _, f := range days {
			if f == nil || !f.hasCheckin || (m == Efficiency && !f.hasEff) {
				continue
			}
			t, ok := taken[f.week]
			if !ok {
				continue
			}
			k := 0
			if t {
				k = 1
			}
			a[k].add(f.value(m))
		}
		c.fill(a)
		out = append(out, c)
	}
	return out, rm
}
