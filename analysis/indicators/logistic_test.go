package indicators

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// genLogistic returns years first..first+n-1 and L/(1+e^(−k(t−t0))) on them.
func genLogistic(first, n int, l, k, t0 float64) (t, y []float64) {
	for i := 0; i < n; i++ {
		ti := float64(first + i)
		t = append(t, ti)
		y = append(y, logistic(l, k, t0, ti))
	}
	return t, y
}

func relErr(got, want float64) float64 { return math.Abs(got-want) / math.Abs(want) }

func TestFitLogisticExact(t *testing.T) {
	// Noise-free data from known parameters: the least-squares optimum is
	// the generating curve (SSE = 0), so the fit must recover it to
	// optimiser precision. Tolerance: relative 1e-4 on L and k, 1e-3 years
	// on t0; R² within 1e-9 of 1.
	cases := []struct {
		name      string
		l, k, t0  float64
		wantStage Stage
	}{
		{"mature, inflection mid-series", 5000, 0.45, 2008, StageSaturated},
		{"growth, inflection after the data", 12000, 0.3, 2024, StageGrowth},
		{"steep", 800, 1.2, 2005, StageSaturated},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tt, y := genLogistic(1995, 26, c.l, c.k, c.t0)
			f := FitLogistic(tt, y)
			if !f.OK {
				t.Fatalf("fit not OK: %s", f.Reason)
			}
			if relErr(f.L, c.l) > 1e-4 || relErr(f.K, c.k) > 1e-4 || math.Abs(f.T0-c.t0) > 1e-3 {
				t.Errorf("got L=%g k=%g t0=%g, want %g %g %g", f.L, f.K, f.T0, c.l, c.k, c.t0)
			}
			if math.Abs(f.R2-1) > 1e-9 || f.RMSE > 1e-4*c.l {
				t.Errorf("R2=%g RMSE=%g", f.R2, f.RMSE)
			}
			if f.Stage() != c.wantStage {
				t.Errorf("stage %s (saturation %.3f), want %s", f.Stage(), f.Saturation(), c.wantStage)
			}
		})
	}
}

func TestFitLogisticNoisy(t *testing.T) {
	// Gaussian noise with σ = 1 % of L added to each cumulative value,
	// seeded (PCG 1, 2), 20 seeds. Tolerances: L within 5 %, k within 15 %,
	// t0 within 0.75 years, R² > 0.99 — generous bounds for a 26-point
	// series whose inflection lies inside the data.
	const l, k, t0 = 10000.0, 0.35, 2009.0
	for seed := uint64(1); seed <= 20; seed++ {
		rng := rand.New(rand.NewPCG(seed, 2))
		tt, y := genLogistic(1995, 26, l, k, t0)
		for i := range y {
			y[i] = math.Max(0, y[i]+rng.NormFloat64()*0.01*l)
		}
		f := FitLogistic(tt, y)
		if !f.OK {
			t.Fatalf("seed %d: fit not OK: %s", seed, f.Reason)
		}
		if relErr(f.L, l) > 0.05 || relErr(f.K, k) > 0.15 || math.Abs(f.T0-t0) > 0.75 || f.R2 < 0.99 {
			t.Errorf("seed %d: L=%g k=%g t0=%g R2=%g", seed, f.L, f.K, f.T0, f.R2)
		}
	}
}

func TestFitLogisticUnavailable(t *testing.T) {
	cases := []struct {
		name   string
		t, y   []float64
		reason string
	}{
		{"short", []float64{1, 2, 3}, []float64{1, 2, 3}, "too few points"},
		{"empty", nil, nil, "too few points"},
		{"flat", []float64{1, 2, 3, 4, 5}, []float64{7, 7, 7, 7, 7}, "flat"},
		{"all zero", []float64{1, 2, 3, 4, 5}, []float64{0, 0, 0, 0, 0}, "last value is 0"},
		{"NaN", []float64{1, 2, 3, 4}, []float64{1, math.NaN(), 3, 4}, "non-finite"},
		{"negative", []float64{1, 2, 3, 4}, []float64{1, -2, 3, 4}, "negative"},
		{"falling", []float64{1, 2, 3, 4, 5}, []float64{50, 40, 30, 20, 10}, "does not grow"},
		// Pure exponential growth e^(0.3 t): the least-squares L runs away.
		{"exponential", []float64{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, expSeries(10, 0.3), "not identifiable"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := FitLogistic(c.t, c.y)
			if f.OK || !strings.Contains(f.Reason, c.reason) {
				t.Errorf("OK=%v reason %q, want failure containing %q", f.OK, f.Reason, c.reason)
			}
			if !math.IsNaN(f.Saturation()) || f.Stage() != StageUnclear {
				t.Errorf("unavailable fit must give NaN saturation and unclear stage")
			}
		})
	}
}

func expSeries(n int, r float64) []float64 {
	y := make([]float64, n)
	for i := range y {
		y[i] = math.Exp(r * float64(i))
	}
	return y
}

func TestFitLogisticPanics(t *testing.T) {
	mustPanic(t, "length mismatch", func() { FitLogistic([]float64{1, 2}, []float64{1}) })
	mustPanic(t, "unsorted t", func() { FitLogistic([]float64{1, 3, 2, 4}, []float64{1, 2, 3, 4}) })
	mustPanic(t, "MaxLRatio", func() { FitLogisticWith([]float64{1}, []float64{1}, LogisticOptions{MaxLRatio: 0.5}) })
}

func TestSCurveStage(t *testing.T) {
	// Band limits from navigation.md §5; boundaries checked exactly.
	cases := map[float64]Stage{
		0: StageEmerging, 0.0999: StageEmerging, 0.10: StageGrowth, 0.4999: StageGrowth,
		0.50: StageMature, 0.90: StageMature, 0.9001: StageSaturated, 1: StageSaturated,
		math.NaN(): StageUnclear,
	}
	for s, want := range cases {
		if got := SCurveStage(s); got != want {
			t.Errorf("SCurveStage(%g) = %s, want %s", s, got, want)
		}
	}
}

func TestFisherPry(t *testing.T) {
	// Hand case: L = 100, y = 100/(1+e^(−(t−3))) at t = 1..5 gives logits
	// exactly −2, −1, 0, 1, 2, a line of slope 1 and intercept −3:
	// k = 1, t0 = 3, R² = 1. Tolerance 1e-12.
	tt := []float64{1, 2, 3, 4, 5}
	y := make([]float64, 5)
	for i, v := range tt {
		y[i] = 100 / (1 + math.Exp(-(v - 3)))
	}
	fp := FisherPry(tt, y, 100)
	if !fp.OK || math.Abs(fp.K-1) > 1e-12 || math.Abs(fp.T0-3) > 1e-12 || math.Abs(fp.R2-1) > 1e-12 || fp.N != 5 {
		t.Errorf("got %+v", fp)
	}
	// Hand case 2: f = 0.2, 0.5, 0.8 at t = 0, 1, 2 (L = 10): logits
	// ln(0.25) = −1.386294, 0, ln 4 = 1.386294 → slope 1.386294, intercept
	// −1.386294, t0 = 1. Tolerance 1e-9.
	fp = FisherPry([]float64{0, 1, 2}, []float64{2, 5, 8}, 10)
	if !fp.OK || math.Abs(fp.K-math.Log(4)) > 1e-9 || math.Abs(fp.T0-1) > 1e-9 {
		t.Errorf("got %+v", fp)
	}
	// Points at 0 or ≥ L are skipped; fewer than 3 usable → unavailable.
	fp = FisherPry([]float64{0, 1, 2, 3}, []float64{0, 5, 10, 12}, 10)
	if fp.OK || fp.N != 1 || !math.IsNaN(fp.K) {
		t.Errorf("want unavailable, got %+v", fp)
	}
	mustPanic(t, "L=0", func() { FisherPry(tt, y, 0) })
	mustPanic(t, "length", func() { FisherPry(tt, y[:2], 10) })
}

func mustPanic(t *testing.T, name string, f func()) {
	t.Helper()
	defer func() {
		if recover() == nil {
			t.Errorf("%s: expected a panic", name)
		}
	}()
	f()
}
