package seedscope

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// z95 is the standard normal quantile for a two-sided 95 % interval.
const z95 = 1.959963984540054

// Interval is an estimated proportion with its 95 % confidence interval: Value = K/N, and Low,
// High the bounds by Method ("wilson": the Wilson score interval; "bootstrap": the 2.5 and
// 97.5 percentiles of a seeded percentile bootstrap). N = 0 means undefined (no data): Value,
// Low and High are NaN.
type Interval struct {
	K      int     `json:"k"`
	N      int     `json:"n"`
	Value  float64 `json:"value"`
	Low    float64 `json:"low"`
	High   float64 `json:"high"`
	Method string  `json:"method"`
}

// Defined reports whether the interval has data behind it.
func (iv Interval) Defined() bool { return iv.N > 0 && !math.IsNaN(iv.Value) }

// Wilson returns the proportion k/n with its 95 % Wilson score interval:
//
//	centre = (p + z²/2n) / (1 + z²/n),  half = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²),
//
// z = 1.95996. Unlike the normal (Wald) interval it stays inside [0, 1] and is usable at
// p = 0 or 1 and small n. n = 0 gives an undefined interval; k outside [0, n] panics.
func Wilson(k, n int) Interval {
	if k < 0 || k > n {
		panic("seedscope: Wilson: k outside [0, n]")
	}
	if n == 0 {
		nan := math.NaN()
		return Interval{Value: nan, Low: nan, High: nan, Method: "wilson"}
	}
	p := float64(k) / float64(n)
	nn := float64(n)
	z2 := z95 * z95
	den := 1 + z2/nn
	centre := (p + z2/(2*nn)) / den
	half := z95 / den * math.Sqrt(p*(1-p)/nn+z2/(4*nn*nn))
	return Interval{K: k, N: n, Value: p, Low: math.Max(0, centre-half), High: math.Min(1, centre+half), Method: "wilson"}
}

// f1 is 2·TP / (2·TP + FP + FN), NaN when all three are 0.
func f1(tp, fp, fn int) float64 {
	d := 2*tp + fp + fn
	if d == 0 {
		return math.NaN()
	}
	return 2 * float64(tp) / float64(d)
}

// bootstrapF1 returns F1 of the pooled predictions (label, predicted) with a 95 % percentile
// bootstrap interval: b resamples of the n items with replacement (PCG seeded by seed), the
// 2.5 and 97.5 percentiles (nearest rank) of the resampled F1 values. K and N are the
// 2·TP and 2·TP + FP + FN of the full sample.
func bootstrapF1(label, pred []bool, b int, seed uint64) Interval {
	var tp, fp, fn int
	for i := range label {
		switch {
		case label[i] && pred[i]:
			tp++
		case pred[i]:
			fp++
		case label[i]:
			fn++
		}
	}
	iv := Interval{K: 2 * tp, N: 2*tp + fp + fn, Value: f1(tp, fp, fn), Method: "bootstrap"}
	if iv.N == 0 || len(label) == 0 {
		iv.Low, iv.High = math.NaN(), math.NaN()
		return iv
	}
	rng := rand.New(rand.NewPCG(seed, 0xb007))
	vals := make([]float64, 0, b)
	n := len(label)
	for r := 0; r < b; r++ {
		var t, f, m int
		for j := 0; j < n; j++ {
			i := rng.IntN(n)
			switch {
			case label[i] && pred[i]:
				t++
			case pred[i]:
				f++
			case label[i]:
				m++
			}
		}
		if v := f1(t, f, m); !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	slices.Sort(vals)
	if len(vals) == 0 {
		iv.Low, iv.High = math.NaN(), math.NaN()
		return iv
	}
	rank := func(q float64) float64 {
		k := int(math.Ceil(q*float64(len(vals)))) - 1
		return vals[max(0, min(len(vals)-1, k))]
	}
	iv.Low, iv.High = rank(0.025), rank(0.975)
	return iv
}

// sample returns m distinct elements of from (all when m ≥ len(from)), chosen by a partial
// Fisher–Yates shuffle with a PCG generator seeded by (seed, stream), sorted ascending.
func sample(from []int, m int, seed, stream uint64) []int {
	a := slices.Clone(from)
	if m >= len(a) {
		return a
	}
	rng := rand.New(rand.NewPCG(seed, stream))
	for i := 0; i < m; i++ {
		j := i + rng.IntN(len(a)-i)
		a[i], a[j] = a[j], a[i]
	}
	out := a[:m]
	slices.Sort(out)
	return out
}

// shuffled returns a permutation of a by a PCG generator seeded by (seed, stream).
func shuffled(a []int, seed, stream uint64) []int {
	out := slices.Clone(a)
	rng := rand.New(rand.NewPCG(seed, stream))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

func sortInts(a []int) { sort.Ints(a) }

// MarshalJSON writes undefined (NaN) bounds and values as null: JSON has no NaN.
func (iv Interval) MarshalJSON() ([]byte, error) {
	num := func(v float64) *float64 {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
		return &v
	}
	return json.Marshal(struct {
		K      int      `json:"k"`
		N      int      `json:"n"`
		Value  *float64 `json:"value"`
		Low    *float64 `json:"low"`
		High   *float64 `json:"high"`
		Method string   `json:"method"`
	}{iv.K, iv.N, num(iv.Value), num(iv.Low), num(iv.High), iv.Method})
}

// String writes "0.931 [0.912, 0.946 wilson 95%]", or "n/a (no data)" when undefined.
func (iv Interval) String() string {
	if !iv.Defined() {
		return "n/a (no data)"
	}
	return fmt.Sprintf("%.3f [%.3f, %.3f %s 95%%]", iv.Value, iv.Low, iv.High, iv.Method)
}
