package indicators

import (
	"math"
	"math/rand/v2"
	"testing"
)

// BenchmarkFitLogistic fits a noisy 26-year cumulative series (one report's
// life-cycle section fits one curve per branch).
func BenchmarkFitLogistic(b *testing.B) {
	rng := rand.New(rand.NewPCG(3, 4))
	tt, y := genLogistic(1999, 26, 20000, 0.3, 2014)
	for i := range y {
		y[i] = math.Max(0, y[i]+rng.NormFloat64()*150)
	}
	b.ReportAllocs()
	for b.Loop() {
		if f := FitLogistic(tt, y); !f.OK {
			b.Fatal(f.Reason)
		}
	}
}

// BenchmarkBursts10k runs burst detection on 10,000 series of 26 periods
// (e.g. every IPC main group of a landscape); one op = all 10,000.
func BenchmarkBursts10k(b *testing.B) {
	rs, d := burstSeries(10000)
	b.ReportAllocs()
	for b.Loop() {
		for _, r := range rs {
			Bursts(r, d, DefaultBurstOptions)
		}
	}
}

// BenchmarkQualityIndex6 is the quality index of 1M families (the 1M-family landscape's size).
func BenchmarkQualityIndex6(b *testing.B) {
	in := randomQuality(1000000, 3)
	b.ResetTimer()
	for b.Loop() {
		QualityIndex6(in, DefaultTrim)
	}
}
