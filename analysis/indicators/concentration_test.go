package indicators

import (
	"math"
	"testing"
)

func TestShares(t *testing.T) {
	// Tolerance 1e-15: shares of small integers are exact in binary.
	// 2/4, 1/4, 1/4 (fractional counts allowed: 1.5/3, 0.75/3, 0.75/3).
	for _, in := range [][]float64{{2, 1, 1}, {1.5, 0.75, 0.75}} {
		s, ok := Shares(in)
		if !ok || !near(s[0], 0.5, 1e-15) || !near(s[1], 0.25, 1e-15) || !near(s[2], 0.25, 1e-15) {
			t.Errorf("Shares(%v) = %v, %v", in, s, ok)
		}
	}
	if s, ok := Shares(nil); ok || s != nil {
		t.Error("empty input must give nil, false")
	}
	if s, ok := Shares([]float64{0, 0}); ok || s != nil {
		t.Error("zero total must give nil, false")
	}
	mustPanic(t, "negative", func() { Shares([]float64{1, -1}) })
	mustPanic(t, "NaN", func() { Shares([]float64{math.NaN()}) })

	m, ok := SharesMap(map[string]float64{"a": 3, "b": 1})
	if !ok || m["a"] != 0.75 || m["b"] != 0.25 {
		t.Errorf("SharesMap = %v, %v", m, ok)
	}
	if _, ok := SharesMap(map[string]float64{"a": 0}); ok {
		t.Error("zero total must not be ok")
	}
	mustPanic(t, "SharesMap negative", func() { SharesMap(map[string]float64{"a": -1}) })
}

func TestHHI(t *testing.T) {
	// Expected values by hand arithmetic on percentage shares; tolerance
	// 1e-9 (floating-point rounding of the squares only).
	cases := []struct {
		shares []float64
		want   float64
		band   Concentration
	}{
		// 50² + 25² + 25² = 2500 + 625 + 625 = 3750.
		{[]float64{0.5, 0.25, 0.25}, 3750, HighlyConcentrated},
		// monopoly: 100² = 10,000.
		{[]float64{1}, 10000, HighlyConcentrated},
		// ten equal firms: 10 · 10² = 1000.
		{[]float64{.1, .1, .1, .1, .1, .1, .1, .1, .1, .1}, 1000, Unconcentrated},
		// 40² + 3·20² = 1600 + 1200 = 2800.
		{[]float64{0.4, 0.2, 0.2, 0.2}, 2800, HighlyConcentrated},
		// 30² + 30² + 20² + 20² = 900 + 900 + 400 + 400 = 2600.
		{[]float64{0.3, 0.3, 0.2, 0.2}, 2600, HighlyConcentrated},
		// five equal firms: 5 · 20² = 2000.
		{[]float64{0.2, 0.2, 0.2, 0.2, 0.2}, 2000, ModeratelyConcentrated},
		// partial shares (top two only): 30² + 10² = 1000, a lower bound.
		{[]float64{0.3, 0.1}, 1000, Unconcentrated},
	}
	for _, c := range cases {
		h, ok := HHI(c.shares)
		if !ok || !near(h, c.want, 1e-9) {
			t.Errorf("HHI(%v) = %g, %v; want %g", c.shares, h, ok, c.want)
		}
		if b := HHIBand(h); b != c.band {
			t.Errorf("HHIBand(%g) = %s, want %s", h, b, c.band)
		}
	}
	if h, ok := HHI(nil); ok || !math.IsNaN(h) {
		t.Error("empty input must give NaN, false")
	}
	mustPanic(t, "share > 1", func() { HHI([]float64{1.5}) })
	mustPanic(t, "negative share", func() { HHI([]float64{-0.1}) })
	mustPanic(t, "sum > 1", func() { HHI([]float64{0.6, 0.6}) })
	mustPanic(t, "NaN share", func() { HHI([]float64{math.NaN()}) })
}

func TestHHIBands(t *testing.T) {
	// 2010 guidelines: < 1500 | [1500, 2500] | > 2500.
	b2010 := map[float64]Concentration{
		0: Unconcentrated, 1499.99: Unconcentrated, 1500: ModeratelyConcentrated,
		2500: ModeratelyConcentrated, 2500.01: HighlyConcentrated, 10000: HighlyConcentrated,
		math.NaN(): ConcentrationUndefined,
	}
	for h, want := range b2010 {
		if got := HHIBand(h); got != want {
			t.Errorf("HHIBand(%g) = %s, want %s", h, got, want)
		}
	}
	// 2023 guidelines: > 1800 highly concentrated.
	b2023 := map[float64]Concentration{999: Unconcentrated, 1800: ModeratelyConcentrated, 1800.5: HighlyConcentrated}
	for h, want := range b2023 {
		if got := HHIBandWith(h, Guidelines2023); got != want {
			t.Errorf("HHIBandWith(%g, 2023) = %s, want %s", h, got, want)
		}
	}
	mustPanic(t, "unordered thresholds", func() { HHIBandWith(1, HHIThresholds{Moderate: 3, High: 2}) })
}

func TestCR(t *testing.T) {
	// Tolerance 1e-12 (sums of decimal fractions).
	shares := []float64{0.1, 0.4, 0.2, 0.3}
	// two largest: 0.4 + 0.3 = 0.7.
	if v, ok := CR(shares, 2); !ok || !near(v, 0.7, 1e-12) {
		t.Errorf("CR2 = %g, %v", v, ok)
	}
	// CR8 with four actors: all shares, 1.0.
	if v, ok := CR(shares, 8); !ok || !near(v, 1, 1e-12) {
		t.Errorf("CR8 = %g, %v", v, ok)
	}
	// one actor: CR4 = its share.
	if v, ok := CR([]float64{0.35}, 4); !ok || v != 0.35 {
		t.Errorf("CR4 single = %g, %v", v, ok)
	}
	if v, ok := CR(nil, 4); ok || !math.IsNaN(v) {
		t.Error("empty input must give NaN, false")
	}
	if shares[0] != 0.1 {
		t.Error("input reordered")
	}
	mustPanic(t, "k=0", func() { CR(shares, 0) })
}
