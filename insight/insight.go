// Package insight compares nights with and without a factor, and says only
// what the numbers support.
//
// A factor is an evening checklist item (caffeine after noon, say) or the
// routine. Each is compared on two morning measures: the leg-symptom rating
// and sleep efficiency. The comparison is a difference in means with a 95 %
// Welch's t interval, worded as an association, never as a cause: the
// person chose when to have caffeine, and whatever made them choose it may
// be what moved their legs.
//
// Which nights count:
//   - A night counts for a measure only if it has a morning check-in, since
//     both measures come from the morning. For sleep efficiency the diary
//     must also give a positive time in bed; otherwise efficiency is
//     undefined, not 0 %.
//   - For a checklist item, only nights with an evening log count: a night
//     with no log says nothing about caffeine either way. With = the item's
//     id is among the log's tags; without = a log without it.
//   - An id found in the records but no longer on the checklist is still
//     analysed, labelled by its id, so removing an item does not hide what
//     the past nights show.
//   - For the routine, with = the night's main run (night.Record.MainRun)
//     was completed; without = every other night with a check-in: no run,
//     a partial run, an abandoned one, or one still marked running after
//     a crash. No evening log is needed.
//   - Each record is one night.
//
// A side needs MinNights nights before a finding counts as Enough; below
// that the finding is reported only as "not enough nights yet".
//
// Each interval is computed on its own, with no correction for making many
// comparisons: with ten items, the routine and two measures, about one in
// twenty intervals will exclude 0 by chance alone. Callers showing many
// findings should say so.
package insight

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"github.com/quietlegs/quietlegs/night"
	"github.com/quietlegs/quietlegs/routine"
)

// Measure is an outcome of a night.
type Measure string

// The measures a factor is compared on.
const (
	// Symptoms is the next-morning leg-symptom severity
	// (Checkin.RLSSeverity, 0-10); lower is better.
	Symptoms Measure = "symptoms"
	// Efficiency is sleep efficiency in % (Checkin.Figures().SE); higher is
	// better.
	Efficiency Measure = "efficiency"
)

// Measures lists the measures in the order Compute reports them for one
// factor. It is a function so callers cannot change a shared list.
func Measures() []Measure { return []Measure{Symptoms, Efficiency} }

// Factor is something a night had or not: a checklist item, or the routine.
//
// The routine's ID is RoutineID. A checklist item whose id is also
// "routine" would be indistinguishable from it, so such an item is not
// analysed (see Compute).
type Factor struct{ ID, Label string }

// RoutineID is the ID of the factor "the night's main routine run was
// completed".
const RoutineID = "routine"

// RoutineLabel is the routine factor's label.
const RoutineLabel = "Routine completed"

// Side is one group of nights: how many, their mean, and their sample
// standard deviation (n-1; 0 with fewer than two nights).
type Side struct {
	N    int
	Mean float64
	SD   float64
}

// Finding compares nights with and without a factor on one measure.
type Finding struct {
	Factor        Factor
	Measure       Measure
	With, Without Side
	// Diff is With.Mean - Without.Mean.
	Diff float64
	// Low and High bound the 95 % confidence interval of Diff (Welch's t).
	// They equal Diff when there is no spread to estimate: fewer than two
	// nights on a side, or no variation on either side.
	Low, High float64
	// Enough is true when both sides have at least MinNights nights.
	Enough bool
	// SE is the standard error of Diff and DF the Welch–Satterthwaite
	// degrees of freedom; both 0 when there is no interval.
	SE, DF float64
}

// MinNights is the fewest nights a side needs before a difference is shown.
// Below five, one unusual night decides the mean.
const MinNights = 5

// Strength is the evidence for a difference: |Diff| / SE. A difference with
// no spread at all is +Inf, and no difference with no spread is 0, so
// ordering never meets a NaN.
func (f Finding) Strength() float64 {
	if f.SE == 0 {
		if f.Diff == 0 {
			return 0
		}
		return math.Inf(1)
	}
	return math.Abs(f.Diff) / f.SE
}

// Compute compares every checklist item in set (and any tag id found in
// recs that is no longer on the checklist, labelled by its id) and the
// routine, on both measures, counting nights as the package doc says.
//
// Order: findings with enough nights first, by strength of evidence
// (|Diff| / SE, largest first), then the rest by factor label. Ties fall
// back to label, id and measure, so the order is deterministic.
//
// A checklist item with id "routine" is left out: its findings would carry
// the routine's ID and be worded as the routine. Settings should not
// allow that id.
func Compute(recs []night.Record, set night.Settings) []Finding {
	nights := prepare(recs)
	factors := checklistFactors(recs, set)

	out := make([]Finding, 0, 2*(len(factors)+1))
	for _, fac := range factors {
		var sym, eff [2]acc // [0] without, [1] with
		for i := range nights {
			n := &nights[i]
			if !n.hasEvening || !n.hasCheckin {
				continue
			}
			k := 0
			if slices.Contains(n.tags, fac.ID) {
				k = 1
			}
			sym[k].add(n.symptoms)
			if n.hasEff {
				eff[k].add(n.efficiency)
			}
		}
		out = append(out, finding(fac, Symptoms, sym), finding(fac, Efficiency, eff))
	}

	var sym, eff [2]acc
	for i := range nights {
		n := &nights[i]
		if !n.hasCheckin {
			continue
		}
		k := 0
		if n.completed {
			k = 1
		}
		sym[k].add(n.symptoms)
		if n.hasEff {
			eff[k].add(n.efficiency)
		}
	}
	rf := Factor{ID: RoutineID, Label: RoutineLabel}
	out = append(out, finding(rf, Symptoms, sym), finding(rf, Efficiency, eff))

	slices.SortStableFunc(out, compare)
	return out
}

// nightFacts is what Compute needs from one record, read once so each
// factor's pass over ten years of nights is a scan of plain values.
type nightFacts struct {
	hasEvening, hasCheckin, hasEff, completed bool
	tags                                      []string
	symptoms, efficiency                      float64
}

func prepare(recs []night.Record) []nightFacts {
	out := make([]nightFacts, len(recs))
	for i, r := range recs {
		f := &out[i]
		if r.Evening != nil {
			f.hasEvening = true
			f.tags = r.Evening.Tags
		}
		if r.Checkin != nil {
			f.hasCheckin = true
			f.symptoms = float64(r.Checkin.RLSSeverity)
			if fig := r.Checkin.Figures(); fig.TIB > 0 {
				f.hasEff = true
				f.efficiency = fig.SE
			}
		}
		if run := r.MainRun(); run != nil && run.Status == routine.Completed {
			f.completed = true
		}
	}
	return out
}

// checklistFactors is the checklist in its own order, then ids found only in
// the records, sorted, so an item removed from the checklist still shows.
func checklistFactors(recs []night.Record, set night.Settings) []Factor {
	seen := map[string]bool{RoutineID: true, "": true}
	var out []Factor
	for _, it := range set.Checklist {
		if seen[it.ID] {
			continue
		}
		seen[it.ID] = true
		label := it.Label
		if label == "" {
			label = it.ID
		}
		out = append(out, Factor{ID: it.ID, Label: label})
	}
	var extra []string
	for _, r := range recs {
		if r.Evening == nil {
			continue
		}
		for _, t := range r.Evening.Tags {
			if !seen[t] {
				seen[t] = true
				extra = append(extra, t)
			}
		}
	}
	slices.Sort(extra)
	for _, id := range extra {
		out = append(out, Factor{ID: id, Label: set.Label(id)})
	}
	return out
}

func finding(fac Factor, m Measure, a [2]acc) Finding {
	f := Finding{Factor: fac, Measure: m, With: a[1].side(), Without: a[0].side()}
	f.Diff = f.With.Mean - f.Without.Mean
	f.Low, f.High, f.SE, f.DF = welch(f.With, f.Without)
	f.Enough = f.With.N >= MinNights && f.Without.N >= MinNights
	return f
}

// compare orders findings: enough nights first, by strength, then the rest
// by label; ties by label, id and measure keep the order stable across runs.
func compare(a, b Finding) int {
	if a.Enough != b.Enough {
		if a.Enough {
			return -1
		}
		return 1
	}
	if a.Enough {
		if c := cmp.Compare(b.Strength(), a.Strength()); c != 0 {
			return c
		}
	}
	if c := cmp.Compare(strings.ToLower(a.Factor.Label), strings.ToLower(b.Factor.Label)); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Factor.Label, b.Factor.Label); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Factor.ID, b.Factor.ID); c != 0 {
		return c
	}
	return cmp.Compare(measureRank(a.Measure), measureRank(b.Measure))
}

// measureRank puts symptoms before efficiency, as Measures lists them.
func measureRank(m Measure) int {
	switch m {
	case Symptoms:
		return 0
	case Efficiency:
		return 1
	}
	return 2
}
