package indicators

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"
)

// DefaultTrim is the share cut at each end of a cohort before min–max
// normalisation (1 %, navigation.md §5).
const DefaultTrim = 0.01

// quantile7 returns the p-quantile of sorted s by linear interpolation
// between order statistics (Hyndman & Fan type 7, the default of R and
// NumPy): h = (n − 1)·p, Q = s[⌊h⌋] + (h − ⌊h⌋)·(s[⌊h⌋+1] − s[⌊h⌋]).
func quantile7(s []float64, p float64) float64 {
	h := float64(len(s)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}

// TrimmedMinMax normalises one cohort's values to [0, 1] after trimming
// the tails:
//
//	lo = Q(trim), hi = Q(1 − trim)        (type-7 quantiles of the cohort)
//	x' = (min(max(x, lo), hi) − lo) / (hi − lo)
//
// i.e. values beyond the trim quantiles are set to them (winsorised, so an
// outlier keeps a score of 0 or 1 instead of compressing everyone else),
// then min–max scaled. trim = 0 is plain min–max. NaN inputs are missing:
// they stay NaN and take no part in the quantiles. When hi = lo (all
// present values equal, or one value) the normalisation is undefined and
// every value is NaN. trim outside [0, 0.5) or an infinite value panics.
func TrimmedMinMax(values []float64, trim float64) []float64 {
	if !(trim >= 0 && trim < 0.5) {
		panic(fmt.Sprintf("indicators: trim %g outside [0, 0.5)", trim))
	}
	out := make([]float64, len(values))
	var s []float64
	for i, v := range values {
		if math.IsInf(v, 0) {
			panic(fmt.Sprintf("indicators: TrimmedMinMax: infinite value at %d", i))
		}
		if !math.IsNaN(v) {
			s = append(s, v)
		}
	}
	for i := range out {
		out[i] = math.NaN()
	}
	if len(s) == 0 {
		return out
	}
	sort.Float64s(s)
	lo, hi := quantile7(s, trim), quantile7(s, 1-trim)
	if !(hi > lo) {
		return out
	}
	for i, v := range values {
		if !math.IsNaN(v) {
			out[i] = (math.Min(math.Max(v, lo), hi) - lo) / (hi - lo)
		}
	}
	return out
}

// NormalizeWithinCohorts applies TrimmedMinMax separately to each cohort
// (priority year × subclass, given as an opaque key per value, e.g.
// "2015|H04W"): normalisation never crosses cohorts. Results are in input
// order; NaN marks missing inputs and cohorts where the normalisation is
// undefined. values and cohort of different lengths panic.
func NormalizeWithinCohorts(values []float64, cohort []string, trim float64) []float64 {
	if len(values) != len(cohort) {
		panic(fmt.Sprintf("indicators: NormalizeWithinCohorts: len(values)=%d, len(cohort)=%d", len(values), len(cohort)))
	}
	return GroupCohorts(cohort).Normalize(values, trim)
}

// Cohorts are the positions of a slice of cohort keys grouped by key (GroupCohorts), made once
// for several normalisations of values indexed like the keys: the quality indices normalise
// each of their components within the same cohorts.
type Cohorts struct {
	n   int
	pos []int32 // the positions, cohort after cohort, each cohort's in ascending order
	end []int32 // end[g] is the end of cohort g's positions in pos
}

// GroupCohorts groups the positions of cohort by key.
func GroupCohorts(cohort []string) Cohorts {
	id := map[string]int32{}
	gid := make([]int32, len(cohort))
	var size []int32
	for i, k := range cohort {
		g, ok := id[k]
		if !ok {
			g = int32(len(size))
			id[k] = g
			size = append(size, 0)
		}
		gid[i] = g
		size[g]++
	}
	c := Cohorts{n: len(cohort), pos: make([]int32, len(cohort)), end: make([]int32, len(size))}
	next := make([]int32, len(size))
	var at int32
	for g, m := range size {
		next[g] = at
		at += m
		c.end[g] = at
	}
	for i, g := range gid {
		c.pos[next[g]] = int32(i)
		next[g]++
	}
	return c
}

// Normalize applies TrimmedMinMax separately to each cohort of values (indexed like the keys
// the cohorts were grouped from; another length panics), as NormalizeWithinCohorts does.
func (c Cohorts) Normalize(values []float64, trim float64) []float64 {
	if len(values) != c.n {
		panic(fmt.Sprintf("indicators: Cohorts.Normalize: %d values for %d cohort keys", len(values), c.n))
	}
	out := make([]float64, len(values))
	var buf []float64
	var start int32
	for _, end := range c.end {
		idx := c.pos[start:end]
		start = end
		buf = buf[:0]
		for _, i := range idx {
			buf = append(buf, values[i])
		}
		norm := TrimmedMinMax(buf, trim)
		for j, i := range idx {
			out[i] = norm[j]
		}
	}
	return out
}

// Component is one input of the composite quality indices.
type Component uint8

// The quality-index components.
const (
	CompForwardCitations  Component = iota // forward citations within 5 years
	CompFamilySize                         // distinct offices in the family
	CompClaims                             // number of claims
	CompGenerality                         // generality index
	CompBackwardCitations                  // patent references made (index 6)
	CompGrantLag                           // days from filing to grant, inverted (index 6)
	numComponents
)

var componentNames = [numComponents]string{"forward_citations", "family_size", "claims", "generality", "backward_citations", "grant_lag"}

// String returns the component's snake_case name.
func (c Component) String() string {
	if c < numComponents {
		return componentNames[c]
	}
	return fmt.Sprintf("Component(%d)", uint8(c))
}

// ComponentSet is a set of components (a bit set).
type ComponentSet uint8

// Has reports whether c is in the set.
func (s ComponentSet) Has(c Component) bool { return s&(1<<c) != 0 }

// Count returns the number of components in the set.
func (s ComponentSet) Count() int {
	n := 0
	for c := Component(0); c < numComponents; c++ {
		if s.Has(c) {
			n++
		}
	}
	return n
}

// String lists the components joined by "+", or "none".
func (s ComponentSet) String() string {
	var parts []string
	for c := Component(0); c < numComponents; c++ {
		if s.Has(c) {
			parts = append(parts, c.String())
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// QualityInputs are the raw per-patent (per-family) components of the
// quality indices, all indexed like Cohort. A nil component slice means the
// component is not available at all; a NaN entry means it is missing for
// that patent.
type QualityInputs struct {
	Cohort            []string // cohort key per patent, e.g. "2015|H04W"
	ForwardCitations  []float64
	FamilySize        []float64
	Claims            []float64
	Generality        []float64
	BackwardCitations []float64
	GrantLag          []float64 // days; shorter is better, so it is inverted
}

// QualityScore is one patent's composite quality index.
type QualityScore struct {
	Index float64      // mean of the used normalised components; NaN when none
	Used  ComponentSet // the components that entered the mean
	OK    bool         // false when no component was available
}

// QualityIndex4 computes the OECD-style composite "quality index 4"
// (Squicciarini, Dernis & Criscuolo 2013, "Measuring patent quality",
// OECD STI Working Paper 2013/03; navigation.md §5) per patent:
//
//	index4 = mean of the available x'_c for c ∈ {forward citations,
//	         family size, claims, generality}
//
// where x'_c = NormalizeWithinCohorts(component, Cohort, trim) (trim the
// top/bottom share — DefaultTrim = 1 % — then min–max within the cohort).
// A component that is missing for the patent (NaN input) or undefined in its
// cohort (all values equal) is left out and the mean runs over the others;
// Used reports which entered. OK is false (Index NaN) when none did.
// Component slices that are non-nil with a length other than len(Cohort)
// panic.
func QualityIndex4(in QualityInputs, trim float64) []QualityScore {
	return qualityIndex(in, trim, []Component{CompForwardCitations, CompFamilySize, CompClaims, CompGenerality})
}

// QualityIndex6 is QualityIndex4 plus backward citations and the grant lag,
// the lag inverted (1 − x'_lag: a faster grant scores higher):
//
//	index6 = mean of the available x'_fwd, x'_family, x'_claims,
//	         x'_generality, x'_backward, 1 − x'_lag
//
// with the same normalisation and missing-component rule as QualityIndex4.
func QualityIndex6(in QualityInputs, trim float64) []QualityScore {
	return qualityIndex(in, trim, []Component{CompForwardCitations, CompFamilySize, CompClaims, CompGenerality, CompBackwardCitations, CompGrantLag})
}

func qualityIndex(in QualityInputs, trim float64, comps []Component) []QualityScore {
	n := len(in.Cohort)
	raw := map[Component][]float64{
		CompForwardCitations:  in.ForwardCitations,
		CompFamilySize:        in.FamilySize,
		CompClaims:            in.Claims,
		CompGenerality:        in.Generality,
		CompBackwardCitations: in.BackwardCitations,
		CompGrantLag:          in.GrantLag,
	}
	var use []Component
	for _, c := range comps {
		v := raw[c]
		if v == nil {
			continue
		}
		if len(v) != n {
			panic(fmt.Sprintf("indicators: quality index: %s has %d values, Cohort has %d", c, len(v), n))
		}
		use = append(use, c)
	}
	// The cohorts are grouped once for every component, and the components are normalised two
	// at a time, each on a goroutine of its own (two arrays of n held at once); they are added
	// in the order of comps, so the sums are the ones made one after the other.
	groups := GroupCohorts(in.Cohort)
	sum := make([]float64, n)
	out := make([]QualityScore, n)
	var norms [2][]float64
	for lo := 0; lo < len(use); lo += 2 {
		pair := use[lo:min(lo+2, len(use))]
		var wg sync.WaitGroup
		for k, c := range pair {
			wg.Go(func() { norms[k] = groups.Normalize(raw[c], trim) })
		}
		wg.Wait()
		for k, c := range pair {
			for i, x := range norms[k] {
				if math.IsNaN(x) {
					continue
				}
				if c == CompGrantLag {
					x = 1 - x
				}
				sum[i] += x
				out[i].Used |= 1 << c
			}
			norms[k] = nil
		}
	}
	for i := range out {
		if k := out[i].Used.Count(); k > 0 {
			out[i].Index = sum[i] / float64(k)
			out[i].OK = true
		} else {
			out[i].Index = math.NaN()
		}
	}
	return out
}
