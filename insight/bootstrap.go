package insight

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"slices"
)

// Resamples is how many bootstrap resamples each comparison draws. A
// thousand puts the standard error's own sampling error near 2 %.
const Resamples = 1000

// series is one comparison's nights laid out on the calendar, one slot a
// night from the first night recorded to the last, so that "consecutive"
// means consecutive nights even across gaps. A slot's side is -1 when the
// night does not take part, else 0 (without) or 1 (with); y is its measure.
type series struct {
	side []int8
	y    []float64
}

// estimate is what the block bootstrap gives for one comparison.
type estimate struct {
	ok       bool    // an interval could be estimated
	se       float64 // bootstrap standard error of the difference
	df       float64 // degrees of freedom of the t reference: blocks - 1
	low, hig float64
	p        float64 // two-sided, unadjusted
	block    int     // block length in nights
}

// blockLength is the moving block's length for a series of n nights
// whose difference has lag-1 autocorrelation r1 (see lag1).
//
// The block bootstrap's variance falls short of the truth by a share of
// order 1/L (Künsch 1989): for an AR(1) with coefficient ρ, by about
// 2ρ / ((1-ρ²) L). Politis & White (2004) choose L to balance that bias
// against the estimate's noise; for a test it is the bias that makes false
// findings, so L here is long enough to keep it near 10 %:
// L = 20ρ / (1-ρ²), with ρ the estimate raised by one standard error
// (1/sqrt(n)), since a short series' r1 runs low. L is at least the cube
// root of n, the order Politis & White show to be right for the variance,
// and at most n/4, so that there are always at least four blocks. (The
// floor also bounds the work: a resample costs n/L steps.)
func blockLength(n int, r1 float64) int {
	rho := min(max(r1+1/math.Sqrt(float64(n)), 0), 0.95)
	L := int(math.Ceil(20 * rho / (1 - rho*rho)))
	L = max(L, int(math.Round(math.Cbrt(float64(n)))))
	return min(max(L, 1), max(n/4, 1))
}

// lag1 is the lag-1 autocorrelation of the difference's influence series:
// each taking-part night's value less its side's mean, over its side's
// share, signed by side, and 0 on nights that do not take part. Its
// persistence is what the difference's variance depends on: a habit kept
// for weeks over symptoms that persist.
func lag1(s series) float64 {
	var m [2]acc
	for i, side := range s.side {
		if side >= 0 {
			m[side].add(s.y[i])
		}
	}
	nn := float64(m[0].n + m[1].n)
	var num, den, prev float64
	for i, side := range s.side {
		u := 0.0
		if side >= 0 {
			u = (s.y[i] - m[side].mean) / (float64(m[side].n) / nn)
		}
		if side == 0 {
			u = -u
		}
		num += u * prev
		den += u * u
		prev = u
	}
	if den == 0 {
		return 0
	}
	return num / den
}

// bootstrap estimates the standard error of mean(y | with) - mean(y |
// without) by the circular moving-block bootstrap: it draws ceil(n/L)
// blocks of L consecutive nights with replacement, wrapping past the last
// night to the first (Politis & Romano 1992), recomputes the difference,
// and takes the spread of the differences. Whole blocks keep each night
// with its neighbours, so persistence in the symptoms and in the habit is
// carried into the resamples instead of being treated as independent
// nights.
//
// The interval is diff ± t(0.975, df) se and the p-value is from t = diff
// / se, with df one less than the number of blocks or of stretches of
// nights on one side (see runs), whichever is fewer: the spread is
// estimated from that many roughly independent pieces, not from every
// night.
//
// The random source is seeded from the data, so the same nights always
// give the same answer. Prefix sums make each block O(1), so a resample
// costs ceil(n/L) steps, not n.
func bootstrap(s series, diff float64, seed uint64, buf *[][4]float64) estimate {
	n := len(s.side)
	L := blockLength(n, lag1(s))
	k := (n + L - 1) / L
	est := estimate{block: L}
	if k < 2 || runs(s) < 3 {
		return est
	}
	// Cumulative sums and counts of each side, one longer than the series.
	*buf = slices.Grow((*buf)[:0], n+1)[:n+1]
	pre := *buf
	pre[0] = [4]float64{}
	for i, side := range s.side {
		pre[i+1] = pre[i]
		switch side {
		case 1:
			pre[i+1][0] += s.y[i]
			pre[i+1][1]++
		case 0:
			pre[i+1][2] += s.y[i]
			pre[i+1][3]++
		}
	}
	total := pre[n]
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	var acc acc
	missing := 0
	for range Resamples {
		var sum [4]float64 // with: sum, count; without: sum, count
		for range k {
			st := rng.IntN(n)
			a, end := &pre[st], st+L
			if end <= n {
				b := &pre[end]
				sum[0] += b[0] - a[0]
				sum[1] += b[1] - a[1]
				sum[2] += b[2] - a[2]
				sum[3] += b[3] - a[3]
			} else {
				// The block wraps past the last night to the first.
				b := &pre[end-n]
				sum[0] += total[0] - a[0] + b[0]
				sum[1] += total[1] - a[1] + b[1]
				sum[2] += total[2] - a[2] + b[2]
				sum[3] += total[3] - a[3] + b[3]
			}
		}
		if sum[1] == 0 || sum[3] == 0 {
			missing++
			continue
		}
		acc.add(sum[0]/sum[1] - sum[2]/sum[3])
	}
	// When many resamples lack a side, the nights with (or without) sit in
	// one stretch of the calendar and the spread says little.
	if missing > Resamples/20 {
		return est
	}
	se := acc.sd()
	// A spread that is rounding noise is no spread: the nights on each
	// side did not vary.
	if !(se > 1e-9*(1+math.Abs(diff))) {
		return est
	}
	est.ok, est.se, est.df = true, se, float64(min(k, runs(s))-1)
	h := tQuantile(0.975, est.df) * se
	est.low, est.hig = diff-h, diff+h
	est.p = math.Min(1, 2*tUpper(math.Abs(diff)/se, est.df))
	return est
}

// runs counts the stretches of consecutive taking-part nights on the same
// side (nights that do not take part neither end nor start one). A habit
// kept for weeks gives few stretches however many nights there are, and
// the difference is then an average over that many periods, not over
// nights: the degrees of freedom are capped by it, as an N-of-1 trial is
// analysed by its periods.
func runs(s series) int {
	n, last := 0, int8(-1)
	for _, side := range s.side {
		if side >= 0 && side != last {
			n++
			last = side
		}
	}
	return n
}

// seedOf hashes a comparison's name and nights, so a journal always gets
// the same resamples and a changed night gets new ones.
func seedOf(item string, m Measure, s series) uint64 {
	h := fnv.New64a()
	h.Write([]byte(item))
	h.Write([]byte{0})
	h.Write([]byte(m))
	var b [9]byte
	for i, side := range s.side {
		b[0] = byte(side)
		bits := math.Float64bits(s.y[i])
		for j := range 8 {
			b[1+j] = byte(bits >> (8 * j))
		}
		h.Write(b[:])
	}
	return h.Sum64()
}

// holm adjusts p-values for multiple comparisons by Holm's step-down
// method (Holm 1979): sorted ascending, the i-th smallest of m is
// multiplied by m-i+1, and each adjusted value is at least the one
// before, capped at 1. It controls the chance of any false finding at the
// chosen level whatever the dependence between the comparisons.
func holm(ps []float64) []float64 {
	m := len(ps)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		switch {
		case ps[a] < ps[b]:
			return -1
		case ps[a] > ps[b]:
			return 1
		}
		return 0
	})
	out := make([]float64, m)
	run := 0.0
	for rank, i := range idx {
		run = math.Max(run, math.Min(1, float64(m-rank)*ps[i]))
		out[i] = run
	}
	return out
}
