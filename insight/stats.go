package insight

import "math"

// acc accumulates a sample's mean and spread in one pass (Welford), so a
// factor's nights need no slice of their own and long histories add no
// rounding drift the way a running sum of squares would.
type acc struct {
	n    int
	mean float64
	m2   float64 // sum of squared deviations from the mean
}

func (a *acc) add(x float64) {
	a.n++
	d := x - a.mean
	a.mean += d / float64(a.n)
	a.m2 += d * (x - a.mean)
}

// sd is the sample standard deviation (n-1), and 0 with fewer than two
// values, since one value has no spread to estimate.
func (a acc) sd() float64 {
	if a.n < 2 || a.m2 <= 0 {
		return 0
	}
	return math.Sqrt(a.m2 / float64(a.n-1))
}

// tQuantile is the p quantile of Student's t with df degrees of freedom,
// for 0.5 <= p < 1. df may be fractional, as Welch's df usually is, which is
// why this computes the distribution rather than reading a table.
//
// It bisects on t, using that the upper tail is monotone in t; sixty-odd
// halvings already reach float precision, so speed is not a concern.
func tQuantile(p, df float64) float64 {
	if !(df > 0) || !(p >= 0.5 && p < 1) {
		return math.NaN()
	}
	tail := 1 - p
	lo, hi := 0.0, 1.0
	// Widen until the answer is bracketed; df=1 at p=0.975 needs 12.7, and
	// tiny df can need far more, so keep doubling (bounded, to stay finite).
	for i := 0; i < 1100 && tUpper(hi, df) > tail; i++ {
		lo, hi = hi, hi*2
	}
	for i := 0; i < 200; i++ {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
		}
		if tUpper(mid, df) > tail {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2
}

// tUpper is P(T > t) for t >= 0: half the regularized incomplete beta
// I_x(df/2, 1/2) at x = df / (df + t²).
func tUpper(t, df float64) float64 {
	return 0.5 * betaInc(df/2, 0.5, df/(df+t*t))
}

// betaInc is the regularized incomplete beta function I_x(a, b), by the
// continued fraction (Numerical Recipes §6.4). The fraction converges fast
// only for x < (a+1)/(a+b+2), so beyond that it uses
// I_x(a, b) = 1 - I_{1-x}(b, a).
func betaInc(a, b, x float64) float64 {
	switch {
	case x <= 0:
		return 0
	case x >= 1:
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	// The prefactor x^a (1-x)^b / (a B(a,b)), in logs so large df cannot
	// overflow.
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log1p(-x))
	if x < (a+1)/(a+b+2) {
		return front * betaCF(a, b, x) / a
	}
	return 1 - front*betaCF(b, a, 1-x)/b
}

// betaCF evaluates the incomplete beta continued fraction by the modified
// Lentz method. The iteration cap is generous because the number of terms
// grows with sqrt(a): Welch's df can reach thousands over ten years.
func betaCF(a, b, x float64) float64 {
	const (
		maxIter = 10000
		eps     = 1e-15
		tiny    = 1e-300 // stands in for a zero denominator
	)
	guard := func(v float64) float64 {
		if math.Abs(v) < tiny {
			return tiny
		}
		return v
	}
	qab, qap, qam := a+b, a+1, a-1
	c := 1.0
	d := 1 / guard(1-qab*x/qap)
	h := d
	for m := 1; m <= maxIter; m++ {
		fm := float64(m)
		m2 := 2 * fm
		// Even step.
		aa := fm * (b - fm) * x / ((qam + m2) * (a + m2))
		d = 1 / guard(1+aa*d)
		c = guard(1 + aa/c)
		h *= d * c
		// Odd step.
		aa = -(a + fm) * (qab + fm) * x / ((a + m2) * (qap + m2))
		d = 1 / guard(1+aa*d)
		c = guard(1 + aa/c)
		del := d * c
		h *= del
		if math.Abs(del-1) < eps {
			break
		}
	}
	return h
}
