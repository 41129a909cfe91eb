package insight

import (
	"math"
	"testing"
)

// Reference quantiles are from mpmath at 30 digits (inverting the same
// incomplete-beta identity with a root finder), and agree with printed
// t tables to the digits those give.
func TestTQuantile(t *testing.T) {
	tests := []struct {
		p, df, want float64
	}{
		{0.975, 1, 12.7062047362},
		{0.975, 2, 4.30265272975},
		{0.975, 4, 2.7764451052},
		{0.975, 7, 2.36462425159},
		{0.975, 7.5, 2.33303962686},
		{0.975, 8, 2.3060041352},
		{0.975, 10, 2.22813885199},
		{0.975, 30, 2.0422724563},
		{0.975, 1000, 1.96233908083},
		{0.975, 6.758620689655172, 2.38185215473},
		{0.95, 5, 2.01504837333},
		{0.5, 3, 0},
	}
	for _, tt := range tests {
		got := tQuantile(tt.p, tt.df)
		if math.Abs(got-tt.want) > 1e-6 {
			t.Errorf("tQuantile(%v, %v) = %.9f, want %.9f", tt.p, tt.df, got, tt.want)
		}
	}
}

func TestTQuantileFractionalBetween(t *testing.T) {
	// More degrees of freedom means thinner tails, so the quantile falls
	// strictly as df grows, fractional df included.
	prev := math.Inf(1)
	for df := 1.0; df <= 40; df += 0.25 {
		q := tQuantile(0.975, df)
		if !(q < prev) {
			t.Fatalf("tQuantile(0.975, %v) = %v, not below %v", df, q, prev)
		}
		prev = q
	}
	if q := tQuantile(0.975, 7.5); !(q < tQuantile(0.975, 7) && q > tQuantile(0.975, 8)) {
		t.Errorf("df 7.5 quantile %v not between df 7 and df 8", q)
	}
	// Very large df approaches the normal quantile 1.959964 and stays finite.
	if q := tQuantile(0.975, 1e6); math.Abs(q-1.959966) > 1e-5 {
		t.Errorf("tQuantile(0.975, 1e6) = %v, want about 1.959966", q)
	}
}

func TestBetaInc(t *testing.T) {
	tests := []struct {
		a, b, x, want float64
	}{
		// I_x(a, n-a+1) = P(Binomial(n, x) >= a): n=4, a=2, x=1/2 gives
		// 1 - (1+4)/16.
		{2, 3, 0.5, 11.0 / 16},
		// I_x(1, 1) = x.
		{1, 1, 0.3, 0.3},
		// I_x(a, 1) = x^a.
		{3, 1, 0.6, 0.216},
		// Symmetry: I_x(a, b) = 1 - I_{1-x}(b, a), via the other branch.
		{3, 1, 0.95, math.Pow(0.95, 3)},
		{2, 2, 0, 0},
		{2, 2, 1, 1},
	}
	for _, tt := range tests {
		if got := betaInc(tt.a, tt.b, tt.x); math.Abs(got-tt.want) > 1e-12 {
			t.Errorf("betaInc(%v, %v, %v) = %v, want %v", tt.a, tt.b, tt.x, got, tt.want)
		}
	}
}

func TestAccMatchesTwoPass(t *testing.T) {
	tests := []struct {
		xs     []float64
		mean   float64
		sd     float64
		sdZero bool
	}{
		{xs: []float64{5, 6, 7, 8, 9}, mean: 7, sd: math.Sqrt(2.5)},
		{xs: []float64{2, 2, 3, 4, 4}, mean: 3, sd: 1},
		{xs: []float64{4, 4, 4}, mean: 4, sdZero: true},
		{xs: []float64{3}, mean: 3, sdZero: true},
		{xs: nil, mean: 0, sdZero: true},
	}
	for _, tt := range tests {
		var a acc
		for _, x := range tt.xs {
			a.add(x)
		}
		if a.n != len(tt.xs) || math.Abs(a.mean-tt.mean) > 1e-12 || math.Abs(a.sd()-tt.sd) > 1e-12 {
			t.Errorf("%v: got n %d mean %v sd %v, want n %d mean %v sd %v", tt.xs, a.n, a.mean, a.sd(), len(tt.xs), tt.mean, tt.sd)
		}
		if tt.sdZero && a.sd() != 0 {
			t.Errorf("%v: SD %v, want exactly 0", tt.xs, a.sd())
		}
	}
}
