package landscape

import (
	"math"
	"testing"
)

func handMacro(t *testing.T) *Macro {
	t.Helper()
	return macroOf(t, "testdata/hand/nav.yaml", "testdata/hand/lens.csv")
}

// TestMacroHandBuilt checks the macro numbers on six hand-made families (testdata/hand). Every
// expected value is worked out by hand in the comments; tolerance 1e-6 unless stated.
func TestMacroHandBuilt(t *testing.T) {
	m := handMacro(t)
	// Six publications, each its own family (distinct priorities), all in scope (G05D1 main group).
	if m.Scope.Families != 6 || m.Scope.Publications != 6 {
		t.Fatalf("scope: %d families %d publications", m.Scope.Families, m.Scope.Publications)
	}
	// Family 3 (G05D1/00) matches neither branch a (G05D1/10…) nor b (B64U).
	if m.Scope.Untagged != 1 {
		t.Errorf("untagged = %d, want 1", m.Scope.Untagged)
	}
	// Priority years: 2010 ×1, 2011 ×2, 2012 ×1, 2013 ×1, 2014 ×1; cut-off 2015-12-31 with two
	// incomplete years → 2014 and 2015 flagged.
	want := map[int]float64{2010: 1, 2011: 2, 2012: 1, 2013: 1, 2014: 1, 2015: 0}
	for _, p := range m.Trend.Series {
		if p.N != want[p.Year] || p.Incomplete != (p.Year >= 2014) {
			t.Errorf("trend %d = %v incomplete=%v", p.Year, p.N, p.Incomplete)
		}
	}
	// CAGR over complete years 2010–2013 would be (1/1)^(1/3) − 1 = 0, but its end years have
	// 1 family each, below MinGrowthEndYear (10): withheld and listed with the number it had.
	if m.Trend.CAGR != nil {
		t.Errorf("CAGR = %v %d–%d, want none (below the minimum)", *m.Trend.CAGR, m.Trend.CAGRFrom, m.Trend.CAGRTo)
	}
	wantUnav := map[Unavailable]bool{
		MinGrowthEndYear.Below(1): true, // 1 family in 2010 and in 2013
		MinFitYears.Below(4):      true, // complete years with filings: 2010–2013
		MinConcentration.Below(4): true, // ACME, BETA, 深圳某某科技, GAMMA
	}
	for _, u := range m.Unavailable {
		delete(wantUnav, u)
	}
	for u := range wantUnav {
		t.Errorf("not listed as unavailable: %+v (listed: %+v)", u, m.Unavailable)
	}
	if m.LifeCycle.Fit != nil || m.LifeCycle.Stage != "unclear" {
		t.Errorf("life cycle below the minimum: fit %+v stage %q", m.LifeCycle.Fit, m.LifeCycle.Stage)
	}
	// Fractional counting: ACME INC and ACME CORP normalise to ACME: 1 + ½ + 1 = 2.5;
	// BETA ½ + 1 = 1.5; 深圳某某科技 1; GAMMA 1. Total 6.
	fam := map[string]float64{}
	for _, a := range m.Applicants.Top {
		fam[a.Name] = a.Families
	}
	for name, n := range map[string]float64{"ACME": 2.5, "BETA": 1.5, "深圳某某科技": 1, "GAMMA": 1} {
		if math.Abs(fam[name]-n) > 1e-9 {
			t.Errorf("%s = %v, want %v (all: %v)", name, fam[name], n, fam)
		}
	}
	if m.Applicants.Top[0].Name != "ACME" || m.Applicants.Top[0].Whole != 3 {
		t.Errorf("top = %+v", m.Applicants.Top[0])
	}
	// Shares 2.5/6, 1.5/6, 1/6, 1/6 → HHI = 41.667² + 25² + 16.667² + 16.667² = 2916.67 (high),
	// CR4 = 1.
	// The model withholds them (4 applicants < MinConcentration); the formula is checked on the
	// same fractional counts.
	if c := m.Applicants.Concentration; c.HHI != 0 || c.N != 4 || c.Band != "undefined" {
		t.Errorf("model concentration %+v, want withheld with N 4", c)
	}
	c := concentration([]float64{2.5, 1.5, 1, 1})
	if math.Abs(c.HHI-2916.7) > 0.1 || math.Abs(c.CR4-1) > 1e-9 || c.Band != "highly concentrated" && c.Band != "high" {
		t.Errorf("concentration %+v", c)
	}
	// Branch a: families 1, 2, 4, 5, 6 = 5; branch b: 2, 5 = 2.
	got := map[string]float64{}
	for _, b := range m.Technology.Branches {
		got[b.ID] = b.Families
	}
	if got["a"] != 5 || got["b"] != 2 {
		t.Errorf("branches = %v", got)
	}
	// Branch b's applicants: ACME ½, BETA ½, GAMMA 1 → shares 25/25/50 → HHI 625+625+2500 = 3750.
	for _, b := range m.Technology.Branches {
		if b.ID == "b" && math.Abs(b.Concentration.HHI-3750) > 0.1 {
			t.Errorf("branch b HHI = %v, want 3750", b.Concentration.HHI)
		}
	}
	// No addresses in a Lens export: provinces are unavailable, not zero.
	if len(m.Geography.Provinces) != 0 {
		t.Errorf("provinces = %v", m.Geography.Provinces)
	}
	// Newcomers: first filing in the last three complete years 2011–2013: BETA (2011),
	// 深圳某某科技 (2011) and GAMMA (2013); ACME first filed in 2010.
	names := map[string]bool{}
	for _, a := range m.Applicants.Newcomers {
		names[a.Name] = true
	}
	if len(names) != 3 || !names["BETA"] || !names["GAMMA"] || names["ACME"] {
		t.Errorf("newcomers = %v", names)
	}
}
