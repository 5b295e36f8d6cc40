package indicators

import (
	"fmt"
	"math"
	"sort"

	"gonum.org/v1/gonum/floats"
)

// Shares returns each actor's share of the total, s_a = N_a / Σ N, from
// (possibly fractional) counts. ok is false and the result nil when the input
// is empty or sums to 0. A negative or NaN count panics.
func Shares(counts []float64) ([]float64, bool) {
	checkCounts("Shares", counts)
	total := floats.Sum(counts)
	if len(counts) == 0 || total == 0 {
		return nil, false
	}
	out := make([]float64, len(counts))
	floats.ScaleTo(out, 1/total, counts)
	return out, true
}

// SharesMap is Shares for counts keyed by actor (applicant, country, …).
// ok is false and the result nil when the map is empty or sums to 0.
func SharesMap(counts map[string]float64) (map[string]float64, bool) {
	total := 0.0
	for k, v := range counts {
		if v < 0 || math.IsNaN(v) {
			panic(fmt.Sprintf("indicators: SharesMap: invalid count %g for %q", v, k))
		}
		total += v
	}
	if total == 0 {
		return nil, false
	}
	out := make(map[string]float64, len(counts))
	for k, v := range counts {
		out[k] = v / total
	}
	return out, true
}

// HHI returns the Herfindahl–Hirschman index on the 0–10,000 scale from
// shares given as fractions (0–1):
//
//	HHI = Σ_a (100 · s_a)²
//
// A monopoly gives 10,000; n equal actors give 10,000/n. Shares may sum to
// less than 1 (e.g. only the top applicants are known): the result is then a
// lower bound of the full index. ok is false and the value NaN for empty
// input. A share outside [0, 1], a NaN share, or shares summing to more than
// 1 (beyond rounding, 1e-9) panic.
//
// Read the value with HHIBand.
func HHI(shares []float64) (float64, bool) {
	checkShares("HHI", shares)
	if len(shares) == 0 {
		return math.NaN(), false
	}
	h := 0.0
	for _, s := range shares {
		h += (100 * s) * (100 * s)
	}
	return h, true
}

// Concentration is a market-concentration band read from an HHI value.
type Concentration string

// The concentration bands.
const (
	Unconcentrated         Concentration = "unconcentrated"
	ModeratelyConcentrated Concentration = "moderately concentrated"
	HighlyConcentrated     Concentration = "highly concentrated"
	ConcentrationUndefined Concentration = "undefined" // HHI is NaN
)

// HHIThresholds are the band limits of a set of merger guidelines: an index
// below Moderate is unconcentrated, above High highly concentrated, and the
// closed interval [Moderate, High] moderately concentrated.
type HHIThresholds struct {
	Moderate, High float64
}

// Guidelines2010 are the 2010 US Horizontal Merger Guidelines bands used by
// navigation.md §5: < 1,500 unconcentrated, 1,500–2,500 moderately
// concentrated, > 2,500 highly concentrated.
//
// The 2023 US Merger Guidelines instead call a market highly concentrated
// above 1,800 (Guidelines2023); report which set was used.
var Guidelines2010 = HHIThresholds{Moderate: 1500, High: 2500}

// Guidelines2023 follows the 2023 US Merger Guidelines: > 1,800 is highly
// concentrated; 1,000–1,800 is the moderately concentrated band of the
// earlier (1982–1997) guidelines, which the 2023 text does not redefine.
var Guidelines2023 = HHIThresholds{Moderate: 1000, High: 1800}

// HHIBand classifies an HHI value with the 2010 guideline bands
// (Guidelines2010): HHI < 1,500 unconcentrated, 1,500 ≤ HHI ≤ 2,500
// moderately concentrated, HHI > 2,500 highly concentrated. NaN gives
// ConcentrationUndefined. See HHIBandWith for other thresholds.
func HHIBand(hhi float64) Concentration { return HHIBandWith(hhi, Guidelines2010) }

// HHIBandWith classifies an HHI value with the given thresholds: below
// t.Moderate unconcentrated, above t.High highly concentrated, otherwise
// moderately concentrated. NaN gives ConcentrationUndefined. Thresholds with
// Moderate > High panic.
func HHIBandWith(hhi float64, t HHIThresholds) Concentration {
	if t.Moderate > t.High {
		panic(fmt.Sprintf("indicators: HHI thresholds %+v not ordered", t))
	}
	switch {
	case math.IsNaN(hhi):
		return ConcentrationUndefined
	case hhi < t.Moderate:
		return Unconcentrated
	case hhi > t.High:
		return HighlyConcentrated
	default:
		return ModeratelyConcentrated
	}
}

// CR returns the k-firm concentration ratio: the sum of the k largest shares
// (CR4 and CR8 in navigation.md §3), as a fraction 0–1. With fewer than k
// actors it is the sum of all shares. ok is false and the value NaN for empty
// input. k ≤ 0 and invalid shares (see HHI) panic.
func CR(shares []float64, k int) (float64, bool) {
	if k <= 0 {
		panic(fmt.Sprintf("indicators: CR with k=%d", k))
	}
	checkShares("CR", shares)
	if len(shares) == 0 {
		return math.NaN(), false
	}
	s := append([]float64(nil), shares...)
	sort.Sort(sort.Reverse(sort.Float64Slice(s)))
	if k > len(s) {
		k = len(s)
	}
	return floats.Sum(s[:k]), true
}

func checkCounts(fn string, counts []float64) {
	for i, v := range counts {
		if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
			panic(fmt.Sprintf("indicators: %s: invalid count %g at %d", fn, v, i))
		}
	}
}

func checkShares(fn string, shares []float64) {
	sum := 0.0
	for i, s := range shares {
		if !(s >= 0 && s <= 1) {
			panic(fmt.Sprintf("indicators: %s: share %g at %d outside [0, 1]", fn, s, i))
		}
		sum += s
	}
	if sum > 1+1e-9 {
		panic(fmt.Sprintf("indicators: %s: shares sum to %g > 1", fn, sum))
	}
}
