package indicators

import (
	"math"
	"strings"
	"testing"
)

func TestEmergenceUniformGlobal(t *testing.T) {
	// Global count 100 in every period, so √T = 10 everywhere.
	// term: base 1,1,1; active A1..A7 = 1..7.
	//   ActiveTrend = (5+6+7)/30 − (1+2+3)/30 = 0.6 − 0.2 = 0.4
	//   RecentTrend = 10·((6+7)/20 − (4+5)/20) = 10·0.2 = 2
	//   Slope       = 10·(7/10 − 4/10)/3 = 1
	//   Score       = 2·0.4 + 2 + 1 = 3.8
	// Candidate: 31 records ≥ 7; present in 10 periods; active:base =
	// 28/3 = 9.3 ≥ 2; base share 3/300 = 0.01 < 0.15. Tolerance 1e-12.
	global := []float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}
	term := []float64{1, 1, 1, 1, 2, 3, 4, 5, 6, 7}
	e := Emergence(term, global, EmergenceCriteria{})
	if !e.OK || !near(e.ActiveTrend, 0.4, 1e-12) || !near(e.RecentTrend, 2, 1e-12) || !near(e.Slope, 1, 1e-12) || !near(e.Score, 3.8, 1e-12) {
		t.Errorf("got %+v", e)
	}
	if !e.Candidate || len(e.Why) != 0 {
		t.Errorf("should be a candidate: %v", e.Why)
	}
}

func TestEmergenceVaryingGlobal(t *testing.T) {
	// Active-period global counts T = 100,100,100,400,400,400,400
	// (√T = 10,10,10,20,20,20,20); term A = 2,2,2,4,4,8,8.
	//   ActiveTrend = (4+8+8)/(20+20+20) − (2+2+2)/(10+10+10) = 1/3 − 0.2 = 0.133333
	//   RecentTrend = 10·((8+8)/40 − (4+4)/40) = 10·0.2 = 2
	//   Slope       = 10·(8/20 − 4/20)/3 = 2/3 = 0.666667
	//   Score       = 2·0.133333 + 2 + 0.666667 = 2.933333
	// Two leading periods are ignored (only the last 10 count).
	// Tolerance 1e-12.
	global := []float64{9, 9, 100, 100, 100, 100, 100, 100, 400, 400, 400, 400}
	term := []float64{9, 9, 1, 0, 1, 2, 2, 2, 4, 4, 8, 8}
	e := Emergence(term, global, EmergenceCriteria{})
	if !e.OK || !near(e.ActiveTrend, 2.0/15, 1e-12) || !near(e.RecentTrend, 2, 1e-12) || !near(e.Slope, 2.0/3, 1e-12) || !near(e.Score, 2.0*2/15+2+2.0/3, 1e-12) {
		t.Errorf("got %+v", e)
	}
	// Declining term: mirror image gives a negative score.
	rev := []float64{1, 0, 1, 8, 8, 4, 4, 2, 2, 2}
	if e := Emergence(rev, global[2:], EmergenceCriteria{}); !e.OK || !(e.Score < 0) {
		t.Errorf("declining term: %+v", e)
	}
}

func TestEmergenceCandidacy(t *testing.T) {
	global := []float64{100, 100, 100, 100, 100, 100, 100, 100, 100, 100}
	cases := []struct {
		name string
		term []float64
		why  string
	}{
		// base share 60/300 = 0.2 ≥ 0.15 (already common); also the
		// active:base ratio 140/60 = 2.33 passes.
		{"common", []float64{20, 20, 20, 20, 20, 20, 20, 20, 20, 20}, "base-period share"},
		// 5 records < 7.
		{"rare", []float64{0, 0, 0, 0, 0, 0, 1, 1, 1, 2}, "records < 7"},
		// present in 2 periods < 3.
		{"two periods", []float64{0, 0, 0, 0, 0, 0, 0, 0, 4, 4}, "periods < 3"},
		// active:base = 6/6 = 1 < 2.
		{"not growing", []float64{2, 2, 2, 1, 1, 1, 1, 1, 1, 0}, "active:base"},
	}
	for _, c := range cases {
		e := Emergence(c.term, global, EmergenceCriteria{})
		if !e.OK || e.Candidate || !strings.Contains(strings.Join(e.Why, "; "), c.why) {
			t.Errorf("%s: candidate=%v why=%v", c.name, e.Candidate, e.Why)
		}
	}
	// A term absent from the base period passes the ratio test.
	e := Emergence([]float64{0, 0, 0, 1, 1, 1, 2, 2, 3, 3}, global, EmergenceCriteria{})
	if !e.Candidate {
		t.Errorf("new term: %v", e.Why)
	}
	// No records at all in the base period: share undefined → not a candidate.
	g0 := []float64{0, 0, 0, 100, 100, 100, 100, 100, 100, 100}
	if e := Emergence([]float64{0, 0, 0, 1, 1, 1, 2, 2, 3, 3}, g0, EmergenceCriteria{}); !e.OK || e.Candidate {
		t.Errorf("empty base: %+v", e)
	}
}

func TestEmergenceUnavailable(t *testing.T) {
	e := Emergence([]float64{1, 2, 3}, []float64{10, 10, 10}, EmergenceCriteria{})
	if e.OK || !math.IsNaN(e.Score) || !strings.Contains(e.Reason, "need 10") {
		t.Errorf("short: %+v", e)
	}
	if e := Emergence(nil, nil, EmergenceCriteria{}); e.OK {
		t.Error("empty must be unavailable")
	}
	g := []float64{10, 10, 10, 10, 10, 0, 10, 10, 10, 10}
	tm := []float64{1, 1, 1, 1, 1, 0, 1, 1, 1, 1}
	if e := Emergence(tm, g, EmergenceCriteria{}); e.OK || !strings.Contains(e.Reason, "active period 3") || !math.IsNaN(e.Score) {
		t.Errorf("zero global: %+v", e)
	}
	mustPanic(t, "length", func() { Emergence([]float64{1}, []float64{1, 2}, EmergenceCriteria{}) })
	mustPanic(t, "term > global", func() { Emergence([]float64{3}, []float64{2}, EmergenceCriteria{}) })
	mustPanic(t, "negative", func() { Emergence([]float64{-1}, []float64{2}, EmergenceCriteria{}) })
}
