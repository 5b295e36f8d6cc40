package indicators

import (
	"math"
	"testing"
	"time"
)

func TestHIndex(t *testing.T) {
	// Sorted descending, h is the last rank i with cites ≥ i.
	cases := []struct {
		cites []int
		want  int
	}{
		{[]int{10, 8, 5, 4, 3}, 4}, // ranks 1..4 have ≥ 4; rank 5 has 3 < 5
		{[]int{3, 0, 6, 1, 5}, 3},  // sorted 6,5,3,1,0: rank 3 has 3
		{[]int{3, 3, 3}, 3},
		{[]int{100}, 1},
		{[]int{0, 0}, 0},
		{nil, 0},
	}
	for _, c := range cases {
		if got := HIndex(c.cites); got != c.want {
			t.Errorf("HIndex(%v) = %d, want %d", c.cites, got, c.want)
		}
	}
	in := []int{1, 5}
	HIndex(in)
	if in[0] != 1 {
		t.Error("input reordered")
	}
	mustPanic(t, "negative", func() { HIndex([]int{-1}) })
}

func TestForwardCitations(t *testing.T) {
	day := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	pub := day("2015-03-01")
	// The 5-year window ends 2020-03-01 (exclusive): 2014-12-01 (before
	// publication, counted), 2016-01-01 and 2020-02-29 are in; 2020-03-01
	// and 2021-01-01 are out → 3.
	citing := []time.Time{day("2014-12-01"), day("2016-01-01"), day("2020-02-29"), day("2020-03-01"), day("2021-01-01")}
	if n, complete := ForwardCitations(pub, citing, 5, day("2024-12-31")); n != 3 || !complete {
		t.Errorf("got %d %v, want 3 true", n, complete)
	}
	// Cut-off before the window ends: truncated.
	if n, complete := ForwardCitations(pub, citing, 5, day("2019-06-30")); n != 3 || complete {
		t.Errorf("truncated: got %d %v", n, complete)
	}
	// Window ending exactly at the cut-off is complete.
	if _, complete := ForwardCitations(pub, nil, 5, day("2020-03-01")); !complete {
		t.Error("window ending at the cut-off must be complete")
	}
	if n, _ := ForwardCitations(pub, nil, 7, day("2030-01-01")); n != 0 {
		t.Error("no citations must count 0")
	}
	mustPanic(t, "years", func() { ForwardCitations(pub, nil, 0, pub) })
}

func TestGeneralityOriginality(t *testing.T) {
	// Citing classes A, A, B, C: shares 0.5, 0.25, 0.25;
	// Σs² = 0.25 + 0.0625 + 0.0625 = 0.375; G = 0.625;
	// bias-corrected (N = 4): 0.625 · 4/3 = 0.833333. Tolerance 1e-12.
	cl := [][]string{{"A"}, {"A"}, {"B"}, {"C"}}
	if g, ok := Generality(cl, false); !ok || !near(g, 0.625, 1e-12) {
		t.Errorf("G = %g %v", g, ok)
	}
	if g, ok := Generality(cl, true); !ok || !near(g, 0.625*4/3, 1e-12) {
		t.Errorf("G corrected = %g %v", g, ok)
	}
	// Multi-class citing patent: {A, B} counts ½ each, {A} counts 1:
	// A = 1.5/2 = 0.75, B = 0.25; Σs² = 0.5625 + 0.0625 = 0.625; G = 0.375;
	// corrected (N = 2): 0.75. Duplicate and empty codes are ignored.
	cl = [][]string{{"A", "B", "A", ""}, {"A"}, {}}
	if g, ok := Generality(cl, false); !ok || !near(g, 0.375, 1e-12) {
		t.Errorf("G multi = %g %v", g, ok)
	}
	if g, ok := Generality(cl, true); !ok || !near(g, 0.75, 1e-12) {
		t.Errorf("G multi corrected = %g %v", g, ok)
	}
	// A single citing patent: G = 1 − 1 = 0 uncorrected; corrected undefined.
	if g, ok := Generality([][]string{{"A"}}, false); !ok || g != 0 {
		t.Errorf("single: %g %v", g, ok)
	}
	if g, ok := Generality([][]string{{"A"}}, true); ok || !math.IsNaN(g) {
		t.Errorf("single corrected: %g %v", g, ok)
	}
	for _, empty := range [][][]string{nil, {{}}, {{""}}} {
		if g, ok := Generality(empty, false); ok || !math.IsNaN(g) {
			t.Errorf("empty %v: %g %v", empty, g, ok)
		}
	}
	// Originality over cited classes B, B: one class, O = 1 − 1 = 0;
	// over B, C: 1 − (0.25 + 0.25) = 0.5.
	if o, ok := Originality([][]string{{"B"}, {"B"}}, false); !ok || o != 0 {
		t.Errorf("O = %g %v", o, ok)
	}
	if o, ok := Originality([][]string{{"B"}, {"C"}}, false); !ok || !near(o, 0.5, 1e-12) {
		t.Errorf("O = %g %v", o, ok)
	}
	if o, ok := Originality(nil, false); ok || !math.IsNaN(o) {
		t.Errorf("O empty = %g %v", o, ok)
	}
}

func TestRadicalness(t *testing.T) {
	// Own codes A, B. Cited codes per patent (deduplicated): {A, C}, {D},
	// {B}: 4 codes, of which C and D are outside → 2/4 = 0.5.
	r, ok := Radicalness([]string{"A", "B"}, [][]string{{"A", "C"}, {"D"}, {"B", "B"}})
	if !ok || !near(r, 0.5, 1e-12) {
		t.Errorf("got %g %v", r, ok)
	}
	// All cited codes among the own: 0; none among them: 1.
	if r, ok := Radicalness([]string{"A"}, [][]string{{"A"}}); !ok || r != 0 {
		t.Errorf("got %g %v", r, ok)
	}
	if r, ok := Radicalness(nil, [][]string{{"A"}}); !ok || r != 1 {
		t.Errorf("got %g %v", r, ok)
	}
	if r, ok := Radicalness([]string{"A"}, [][]string{{}, {""}}); ok || !math.IsNaN(r) {
		t.Errorf("no cited codes: %g %v", r, ok)
	}
}

func TestBreakthrough(t *testing.T) {
	// Cohort "x": 200 patents cited 0..199. top·n = 0.01·200 = 2, so the
	// patents with fewer than 2 patents above them are flagged: 199 and 198.
	// Cohort "y": cites 5, 5, 1: top·n = 0.03; both 5s have 0 above (tie),
	// the 1 has 2 above → 5 and 5 flagged. Cohort "z": all 0 → none.
	// A NaN count is never flagged.
	var cites []float64
	var coh []string
	for i := 0; i < 200; i++ {
		cites = append(cites, float64(i))
		coh = append(coh, "x")
	}
	cites = append(cites, 5, 5, 1, 0, 0, math.NaN())
	coh = append(coh, "y", "y", "y", "z", "z", "y")
	flags := Breakthrough(cites, coh, DefaultBreakthroughShare, 0)
	var got []int
	for i, f := range flags {
		if f {
			got = append(got, i)
		}
	}
	want := []int{198, 199, 200, 201}
	if len(got) != len(want) {
		t.Fatalf("flagged %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("flagged %v, want %v", got, want)
		}
	}
	// minCohort 100 drops the small cohort "y".
	flags = Breakthrough(cites, coh, DefaultBreakthroughShare, 100)
	if flags[200] || flags[201] || !flags[199] {
		t.Error("minCohort not applied")
	}
	if len(Breakthrough(nil, nil, 0.01, 0)) != 0 {
		t.Error("empty input")
	}
	mustPanic(t, "length", func() { Breakthrough([]float64{1}, nil, 0.01, 0) })
	mustPanic(t, "top", func() { Breakthrough(nil, nil, 1, 0) })
	mustPanic(t, "negative", func() { Breakthrough([]float64{-1}, []string{"a"}, 0.01, 0) })
}
