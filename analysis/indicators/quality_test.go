package indicators

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"
)

func eqNaN(a, b, tol float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	return math.Abs(a-b) <= tol
}

func TestTrimmedMinMax(t *testing.T) {
	check := func(name string, got, want []float64) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: %v", name, got)
		}
		for i := range want {
			if !eqNaN(got[i], want[i], 1e-12) {
				t.Errorf("%s: got %v, want %v", name, got, want)
				return
			}
		}
	}
	// No trim: (x − 0)/(10 − 0).
	check("plain", TrimmedMinMax([]float64{0, 5, 10}, 0), []float64{0, 0.5, 1})
	// 0..100 with 1 % trim: type-7 Q(0.01) at h = 100·0.01 = 1 → 1;
	// Q(0.99) at h = 99 → 99. So 0 → clamped to 1 → 0; 2 → 1/98;
	// 50 → 49/98 = 0.5; 100 → 1.
	vals := make([]float64, 101)
	for i := range vals {
		vals[i] = float64(i)
	}
	n := TrimmedMinMax(vals, DefaultTrim)
	check("trimmed", []float64{n[0], n[2], n[50], n[100]}, []float64{0, 1.0 / 98, 0.5, 1})
	// Outlier, trim 0.1 on 1,2,3,4,1000: Q(0.1) at h = 0.4 → 1 + 0.4·1 =
	// 1.4; Q(0.9) at h = 3.6 → 4 + 0.6·996 = 601.6. 3 → 1.6/600.2.
	check("outlier", TrimmedMinMax([]float64{1, 2, 3, 4, 1000}, 0.1), []float64{0, 0.6 / 600.2, 1.6 / 600.2, 2.6 / 600.2, 1})
	// Missing values stay missing and do not count.
	check("missing", TrimmedMinMax([]float64{math.NaN(), 2, 4}, 0), []float64{math.NaN(), 0, 1})
	// All equal or single value: undefined.
	check("equal", TrimmedMinMax([]float64{3, 3, 3}, 0), []float64{math.NaN(), math.NaN(), math.NaN()})
	check("single", TrimmedMinMax([]float64{3}, 0.01), []float64{math.NaN()})
	check("empty", TrimmedMinMax(nil, 0.01), nil)
	mustPanic(t, "trim", func() { TrimmedMinMax([]float64{1}, 0.5) })
	mustPanic(t, "Inf", func() { TrimmedMinMax([]float64{math.Inf(1)}, 0) })
}

func TestNormalizeWithinCohorts(t *testing.T) {
	// Cohort a: 0, 10, 5 → 0, 1, 0.5; cohort b: 100, 200 → 0, 1. The b
	// values would be near 1 if normalised across cohorts.
	got := NormalizeWithinCohorts([]float64{0, 100, 10, 200, 5}, []string{"2015|A", "2015|B", "2015|A", "2015|B", "2015|A"}, 0)
	want := []float64{0, 0, 1, 1, 0.5}
	for i := range want {
		if !near(got[i], want[i], 1e-12) {
			t.Fatalf("got %v, want %v", got, want)
		}
	}
	mustPanic(t, "length", func() { NormalizeWithinCohorts([]float64{1}, nil, 0) })
}

func TestQualityIndices(t *testing.T) {
	// One cohort of three patents, no trim.
	//   forward 0, 10, 5     → 0, 1, 0.5
	//   family  1, 3, 2      → 0, 1, 0.5
	//   claims  10, 20, NaN  → 0, 1, missing
	//   generality absent (nil)
	//   backward 2, 2, 2     → undefined (all equal) → left out
	//   lag 100, 300, 200    → 0, 1, 0.5 → inverted 1, 0, 0.5
	// index4: p0 (0+0+0)/3 = 0; p1 (1+1+1)/3 = 1; p2 (0.5+0.5)/2 = 0.5.
	// index6: p0 (0+0+0+1)/4 = 0.25; p1 (1+1+1+0)/4 = 0.75;
	//         p2 (0.5+0.5+0.5)/3 = 0.5. Tolerance 1e-12.
	in := QualityInputs{
		Cohort:            []string{"c", "c", "c"},
		ForwardCitations:  []float64{0, 10, 5},
		FamilySize:        []float64{1, 3, 2},
		Claims:            []float64{10, 20, math.NaN()},
		BackwardCitations: []float64{2, 2, 2},
		GrantLag:          []float64{100, 300, 200},
	}
	q4 := QualityIndex4(in, 0)
	want4 := []float64{0, 1, 0.5}
	for i, w := range want4 {
		if !q4[i].OK || !near(q4[i].Index, w, 1e-12) {
			t.Errorf("index4[%d] = %+v, want %g", i, q4[i], w)
		}
	}
	if q4[2].Used.String() != "forward_citations+family_size" || q4[0].Used.Count() != 3 {
		t.Errorf("used: %s, %d", q4[2].Used, q4[0].Used.Count())
	}
	if q4[0].Used.Has(CompGenerality) || !q4[0].Used.Has(CompClaims) {
		t.Error("Has wrong")
	}
	q6 := QualityIndex6(in, 0)
	want6 := []float64{0.25, 0.75, 0.5}
	for i, w := range want6 {
		if !q6[i].OK || !near(q6[i].Index, w, 1e-12) {
			t.Errorf("index6[%d] = %+v, want %g", i, q6[i], w)
		}
	}
	if q6[0].Used.Has(CompBackwardCitations) || !q6[0].Used.Has(CompGrantLag) {
		t.Errorf("index6 used: %s", q6[0].Used)
	}

	// Nothing available: not OK, NaN, "none".
	none := QualityIndex4(QualityInputs{Cohort: []string{"a", "b"}, ForwardCitations: []float64{math.NaN(), 4}}, DefaultTrim)
	for _, s := range none {
		if s.OK || !math.IsNaN(s.Index) || s.Used.String() != "none" {
			t.Errorf("unavailable: %+v", s)
		}
	}
	if len(QualityIndex6(QualityInputs{}, DefaultTrim)) != 0 {
		t.Error("empty input")
	}
	mustPanic(t, "length", func() {
		QualityIndex4(QualityInputs{Cohort: []string{"a"}, Claims: []float64{1, 2}}, 0)
	})
	if CompGrantLag.String() != "grant_lag" || Component(99).String() != "Component(99)" {
		t.Error("Component.String")
	}
}

// TestQualityIndexIgnoresRowOrder: a family's index does not depend on the order of the rows
// (quality_base returns them in no order), to the bit: the same inputs, reversed and
// interleaved, give every family the same score, with trimming and several cohorts.
func TestQualityIndexIgnoresRowOrder(t *testing.T) {
	const n = 60
	in := QualityInputs{}
	for i := 0; i < n; i++ {
		in.Cohort = append(in.Cohort, []string{"2015|B64C", "2016|B64C", "2015|G05D"}[i%3])
		in.ForwardCitations = append(in.ForwardCitations, float64((i*7)%11))
		in.FamilySize = append(in.FamilySize, float64(1+(i*5)%4))
		c := float64(5 + (i*13)%17)
		if i%9 == 0 {
			c = math.NaN()
		}
		in.Claims = append(in.Claims, c)
		in.BackwardCitations = append(in.BackwardCitations, float64((i*3)%8))
		in.GrantLag = append(in.GrantLag, float64(300+(i*37)%500))
	}
	want := QualityIndex6(in, DefaultTrim)
	perm := make([]int, n) // perm[j]: the row of the original input at position j
	for j := range perm {
		if j%2 == 0 {
			perm[j] = n - 1 - j/2
		} else {
			perm[j] = j / 2
		}
	}
	pin := QualityInputs{}
	for _, i := range perm {
		pin.Cohort = append(pin.Cohort, in.Cohort[i])
		pin.ForwardCitations = append(pin.ForwardCitations, in.ForwardCitations[i])
		pin.FamilySize = append(pin.FamilySize, in.FamilySize[i])
		pin.Claims = append(pin.Claims, in.Claims[i])
		pin.BackwardCitations = append(pin.BackwardCitations, in.BackwardCitations[i])
		pin.GrantLag = append(pin.GrantLag, in.GrantLag[i])
	}
	got := QualityIndex6(pin, DefaultTrim)
	distinct := map[float64]bool{}
	for j, i := range perm {
		g, w := got[j], want[i]
		if g.OK != w.OK || g.Used != w.Used || math.Float64bits(g.Index) != math.Float64bits(w.Index) {
			t.Fatalf("row %d: %+v in input order, %+v reordered", i, w, g)
		}
		distinct[w.Index] = true
	}
	if len(distinct) < 10 {
		t.Fatalf("only %d distinct scores: the test data do not vary", len(distinct))
	}
}

// randomQuality makes n families in about 40 cohorts with every index-6 component, a tenth of
// each missing (NaN), with ties (small integers).
func randomQuality(n int, seed uint64) QualityInputs {
	r := rand.New(rand.NewPCG(seed, 7))
	in := QualityInputs{}
	val := func(scale int) float64 {
		if r.IntN(10) == 0 {
			return math.NaN()
		}
		return float64(r.IntN(scale))
	}
	for i := 0; i < n; i++ {
		in.Cohort = append(in.Cohort, fmt.Sprintf("%d|H%02d", 2000+r.IntN(8), r.IntN(5)))
		in.ForwardCitations = append(in.ForwardCitations, val(30))
		in.FamilySize = append(in.FamilySize, val(6))
		in.Claims = append(in.Claims, val(40))
		in.BackwardCitations = append(in.BackwardCitations, val(25))
		in.GrantLag = append(in.GrantLag, val(2000))
	}
	return in
}

// TestCohortsNormalize: the cohorts grouped once normalise each cohort as TrimmedMinMax does
// over that cohort's values alone (collected here by a scan per cohort key), bit for bit.
func TestCohortsNormalize(t *testing.T) {
	in := randomQuality(5000, 1)
	got := GroupCohorts(in.Cohort).Normalize(in.Claims, DefaultTrim)
	keys := map[string]bool{}
	for _, k := range in.Cohort {
		keys[k] = true
	}
	for k := range keys {
		var idx []int
		var vals []float64
		for i, c := range in.Cohort {
			if c == k {
				idx = append(idx, i)
				vals = append(vals, in.Claims[i])
			}
		}
		want := TrimmedMinMax(vals, DefaultTrim)
		for j, i := range idx {
			if !eqNaN(got[i], want[j], 0) {
				t.Fatalf("cohort %s, value %d: %v, want %v", k, i, got[i], want[j])
			}
		}
	}
}

// TestQualityIndexSumsInOrder: index 6 (five components here, normalised two at a time) is the
// mean of the components' normalised values added in the components' order, bit for bit.
func TestQualityIndexSumsInOrder(t *testing.T) {
	in := randomQuality(5000, 2)
	got := QualityIndex6(in, DefaultTrim)
	comps := [][]float64{in.ForwardCitations, in.FamilySize, in.Claims, in.BackwardCitations, in.GrantLag}
	norms := make([][]float64, len(comps))
	for k, v := range comps {
		norms[k] = NormalizeWithinCohorts(v, in.Cohort, DefaultTrim)
	}
	for i := range in.Cohort {
		sum, used := 0.0, 0
		for k := range comps {
			x := norms[k][i]
			if math.IsNaN(x) {
				continue
			}
			if k == len(comps)-1 {
				x = 1 - x // the grant lag, inverted
			}
			sum += x
			used++
		}
		if used != got[i].Used.Count() || (used > 0) != got[i].OK {
			t.Fatalf("family %d: %d components used (OK %v), want %d", i, got[i].Used.Count(), got[i].OK, used)
		}
		if used > 0 && got[i].Index != sum/float64(used) {
			t.Fatalf("family %d: index %v, want %v", i, got[i].Index, sum/float64(used))
		}
	}
}
