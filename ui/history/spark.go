package history

import (
	"math"
	"strings"
)

// sparkRunes are the eight heights of a sparkline, lowest first.
const sparkRunes = "▁▂▃▄▅▆▇█"

// sparkline draws one rune per value, scaled so lo is the lowest bar and
// hi the highest; a NaN (a night with nothing recorded) is a gap.
func sparkline(vals []float64, lo, hi float64) string {
	bars := []rune(sparkRunes)
	var b strings.Builder
	for _, v := range vals {
		if math.IsNaN(v) {
			b.WriteRune(' ')
			continue
		}
		f := 0.5
		if hi > lo {
			f = (v - lo) / (hi - lo)
		}
		i := int(math.Round(min(max(f, 0), 1) * float64(len(bars)-1)))
		b.WriteRune(bars[i])
	}
	return b.String()
}

// fitWidth fits vals into width columns: each value repeated while that
// still fits (up to twice, so a month reads at a glance), or neighbours
// averaged when there are more values than columns.
func fitWidth(vals []float64, width int) []float64 {
	width = max(width, 1)
	if len(vals) <= width {
		rep := min(max(width/max(len(vals), 1), 1), 2)
		out := make([]float64, 0, len(vals)*rep)
		for _, v := range vals {
			for range rep {
				out = append(out, v)
			}
		}
		return out
	}
	group := (len(vals) + width - 1) / width
	var out []float64
	for i := 0; i < len(vals); i += group {
		out = append(out, mean(vals[i:min(i+group, len(vals))]))
	}
	return out
}

// rolling is the mean of each value and the n-1 before it, over those
// recorded; NaN where fewer than need are. The first len(vals)-days values
// only lead in, and are dropped.
func rolling(vals []float64, n, need, days int) []float64 {
	out := make([]float64, 0, days)
	for i := len(vals) - days; i < len(vals); i++ {
		w := vals[max(i-n+1, 0) : i+1]
		if count(w) < need {
			out = append(out, math.NaN())
			continue
		}
		out = append(out, mean(w))
	}
	return out
}

// mean is the mean of the values recorded, NaN when none are.
func mean(vals []float64) float64 {
	sum, n := 0.0, 0
	for _, v := range vals {
		if !math.IsNaN(v) {
			sum += v
			n++
		}
	}
	if n == 0 {
		return math.NaN()
	}
	return sum / float64(n)
}

func count(vals []float64) int {
	n := 0
	for _, v := range vals {
		if !math.IsNaN(v) {
			n++
		}
	}
	return n
}

// spread is the lowest and highest value recorded; NaN, NaN when none are.
func spread(vals []float64) (lo, hi float64) {
	lo, hi = math.NaN(), math.NaN()
	for _, v := range vals {
		if math.IsNaN(v) {
			continue
		}
		if math.IsNaN(lo) || v < lo {
			lo = v
		}
		if math.IsNaN(hi) || v > hi {
			hi = v
		}
	}
	return lo, hi
}
