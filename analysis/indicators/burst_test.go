package indicators

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestBurstsObvious(t *testing.T) {
	// 10 periods of 100 documents; 5 relevant except 20, 25, 22 in periods
	// 4–6. p0 = Σr/Σd = (7·5 + 67)/1000 = 0.102, p1 = 0.204.
	// cost_0 − cost_1 for a period = r·ln(p1/p0) + (d−r)·ln((1−p1)/(1−p0))
	//                              = r·0.693147 + (d−r)·(−0.120571)
	//   r = 20: 13.862944 −  9.645671 =  4.217273
	//   r = 25: 17.328680 −  9.042816 =  8.285863
	//   r = 22: 15.249238 −  9.404529 =  5.844709
	//   r =  5:  3.465736 − 11.454234 = −7.988498 (stay in state 0)
	// Entering the burst costs γ·ln n = ln 10 = 2.302585 < 18.35, so the
	// path is 0000111000 and the burst weight is 4.217273 + 8.285863 +
	// 5.844709 = 18.347845. Tolerance 1e-5 (rounding of the hand sums).
	d := []float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}
	r := []float64{5, 5, 5, 5, 20, 25, 22, 5, 5, 5}
	res := Bursts(r, d, BurstOptions{})
	if !res.OK || !near(res.P0, 0.102, 1e-12) {
		t.Fatalf("got %+v", res)
	}
	wantStates := []int{0, 0, 0, 0, 1, 1, 1, 0, 0, 0}
	for i, s := range wantStates {
		if res.States[i] != s {
			t.Fatalf("states %v, want %v", res.States, wantStates)
		}
	}
	if len(res.Bursts) != 1 {
		t.Fatalf("bursts %+v", res.Bursts)
	}
	b := res.Bursts[0]
	if b.Start != 4 || b.End != 6 || b.Level != 1 || !near(b.Weight, 18.347845, 1e-5) {
		t.Errorf("burst %+v, want 4–6 level 1 weight 18.347845", b)
	}
}

func TestBurstsThreeStates(t *testing.T) {
	// One spike of 40/100 among 2/100: p0 = (9·2 + 40)/1000 = 0.058,
	// p1 = 0.116, p2 = 0.232. At the spike
	//   cost_0 − cost_2 = 40·ln 4 + 60·ln(0.768/0.942) = 55.451774 − 12.252932 = 43.198842
	//   cost_0 − cost_1 = 40·ln 2 + 60·ln(0.884/0.942) = 27.725887 −  3.812893 = 23.912994
	// Up-moves cost ln 10 = 2.302585 per level: state 2 nets 43.198842 −
	// 4.605170 = 38.59 against 23.912994 − 2.302585 = 21.61 for state 1,
	// and staying costs nothing extra elsewhere (cost_0 − cost_1 at r = 2 is
	// 2·ln 2 + 98·ln(0.884/0.942) = 1.386294 − 6.227725 = −4.841431 < 0).
	// So one level-2 burst at period 4 with weight 43.198842 (tol 1e-5).
	d := make([]float64, 10)
	r := make([]float64, 10)
	for i := range d {
		d[i], r[i] = 100, 2
	}
	r[4] = 40
	res := Bursts(r, d, BurstOptions{States: 3})
	if len(res.Bursts) != 1 {
		t.Fatalf("bursts %+v states %v", res.Bursts, res.States)
	}
	b := res.Bursts[0]
	if b.Start != 4 || b.End != 4 || b.Level != 2 || !near(b.Weight, 43.198842, 1e-5) {
		t.Errorf("burst %+v", b)
	}
}

func TestBurstsFlat(t *testing.T) {
	// A constant 10 % share: p0 = 0.1; moving to p1 = 0.2 changes the cost
	// by 10·ln 2 + 90·ln(0.8/0.9) = 6.931472 − 10.600290 = −3.668818 per
	// period (a loss), so no burst.
	d := make([]float64, 26)
	r := make([]float64, 26)
	for i := range d {
		d[i], r[i] = 100, 10
	}
	res := Bursts(r, d, BurstOptions{})
	if !res.OK || len(res.Bursts) != 0 {
		t.Errorf("flat series: %+v", res)
	}
	// Fractional counts and varying totals with a constant share: no burst.
	for i := range d {
		d[i] = 50 + float64(i)*3.5
		r[i] = 0.1 * d[i]
	}
	if res := Bursts(r, d, BurstOptions{}); !res.OK || len(res.Bursts) != 0 {
		t.Errorf("constant share: %+v", res.Bursts)
	}
}

func TestBurstsEdges(t *testing.T) {
	if res := Bursts(nil, nil, BurstOptions{}); res.OK || !strings.Contains(res.Reason, "empty") || !math.IsNaN(res.P0) {
		t.Errorf("empty: %+v", res)
	}
	if res := Bursts([]float64{0, 0}, []float64{0, 0}, BurstOptions{}); res.OK || !strings.Contains(res.Reason, "Σd = 0") {
		t.Errorf("no documents: %+v", res)
	}
	// No relevant document: OK, no burst, all states 0.
	res := Bursts([]float64{0, 0, 0}, []float64{10, 10, 10}, BurstOptions{})
	if !res.OK || len(res.Bursts) != 0 || res.P0 != 0 || len(res.States) != 3 {
		t.Errorf("no relevant: %+v", res)
	}
	// One period: p0 = r/d is the maximum-likelihood rate and ln 1 = 0,
	// so state 1 cannot win: no burst.
	if res := Bursts([]float64{3}, []float64{10}, BurstOptions{}); !res.OK || len(res.Bursts) != 0 {
		t.Errorf("one period: %+v", res)
	}
	// Empty periods (d = 0) cost nothing and do not break a burst's
	// neighbours; all-relevant periods are capped at p = 0.9999.
	res = Bursts([]float64{1, 0, 1, 10, 10, 1, 1}, []float64{20, 0, 20, 10, 10, 20, 20}, BurstOptions{})
	if !res.OK || len(res.Bursts) != 1 || res.Bursts[0].Start != 3 || res.Bursts[0].End != 4 {
		t.Errorf("saturated periods: %+v", res)
	}
	mustPanic(t, "length", func() { Bursts([]float64{1}, []float64{1, 2}, BurstOptions{}) })
	mustPanic(t, "r > d", func() { Bursts([]float64{3}, []float64{2}, BurstOptions{}) })
	mustPanic(t, "negative", func() { Bursts([]float64{-1}, []float64{2}, BurstOptions{}) })
	mustPanic(t, "NaN", func() { Bursts([]float64{math.NaN()}, []float64{2}, BurstOptions{}) })
	mustPanic(t, "S", func() { Bursts([]float64{1}, []float64{2}, BurstOptions{S: 0.5}) })
	mustPanic(t, "gamma", func() { Bursts([]float64{1}, []float64{2}, BurstOptions{Gamma: -1}) })
	mustPanic(t, "states", func() { Bursts([]float64{1}, []float64{2}, BurstOptions{States: 1}) })
}

func TestBurstsGammaSuppresses(t *testing.T) {
	// A higher γ makes entering a burst dearer: with γ = 10 the entry cost
	// 10·ln 10 = 23.03 exceeds the 18.35 gain of the obvious burst above.
	d := []float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}
	r := []float64{5, 5, 5, 5, 20, 25, 22, 5, 5, 5}
	if res := Bursts(r, d, BurstOptions{Gamma: 10}); len(res.Bursts) != 0 {
		t.Errorf("γ = 10: %+v", res.Bursts)
	}
}

// burstSeries makes n series of 26 periods over shared totals, every tenth
// with a burst.
func burstSeries(n int) (rs [][]float64, d []float64) {
	rng := rand.New(rand.NewPCG(7, 7))
	d = make([]float64, 26)
	for i := range d {
		d[i] = 2000 + 300*float64(i)
	}
	rs = make([][]float64, n)
	for s := range rs {
		p := 0.001 + 0.02*rng.Float64()
		r := make([]float64, 26)
		for i := range r {
			q := p
			if s%10 == 0 && i >= 15 && i < 19 {
				q *= 3
			}
			r[i] = math.Round(q * d[i] * (0.8 + 0.4*rng.Float64()))
		}
		rs[s] = r
	}
	return rs, d
}

func TestBurstsGenerated(t *testing.T) {
	// Every tenth generated series triples its rate in periods 15–18: those
	// must show a burst covering them; the others (±20 % noise) none.
	rs, d := burstSeries(200)
	for s, r := range rs {
		res := Bursts(r, d, BurstOptions{})
		if s%10 == 0 {
			if len(res.Bursts) == 0 || res.Bursts[0].Start > 15 || res.Bursts[0].End < 18 {
				t.Errorf("series %d: bursts %+v", s, res.Bursts)
			}
		} else if len(res.Bursts) != 0 {
			t.Errorf("series %d: unexpected bursts %+v", s, res.Bursts)
		}
	}
}
