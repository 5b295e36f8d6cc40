package indicators

import (
	"math"
	"strings"
	"testing"
)

func TestDeclineSignal(t *testing.T) {
	cases := []struct {
		name       string
		apps, appl []float64
		want       bool
	}{
		// 120 > 110 > 100 > 90 and applicants 45 < 55 (three steps back).
		{"decline", []float64{100, 120, 110, 100, 90}, []float64{50, 55, 52, 50, 45}, true},
		// applications fall but applicants grow: not decline.
		{"applicants up", []float64{100, 120, 110, 100, 90}, []float64{50, 55, 56, 57, 58}, false},
		// one flat step breaks the run.
		{"flat step", []float64{100, 120, 110, 110, 90}, []float64{50, 55, 52, 50, 45}, false},
		// fewer than 4 points.
		{"short", []float64{120, 110, 100}, []float64{5, 4, 3}, false},
		{"empty", nil, nil, false},
	}
	for _, c := range cases {
		if got := DeclineSignal(c.apps, c.appl, 3); got != c.want {
			t.Errorf("%s: got %v", c.name, got)
		}
	}
	mustPanic(t, "years", func() { DeclineSignal(nil, nil, 0) })
	mustPanic(t, "length", func() { DeclineSignal([]float64{1}, nil, 3) })
}

func TestLifeCycleStage(t *testing.T) {
	tt, y := genLogistic(1995, 26, 5000, 0.45, 2008)
	fit := FitLogistic(tt, y)
	apps := make([]float64, len(y))
	appl := make([]float64, len(y))
	for i := range y {
		if i > 0 {
			apps[i] = y[i] - y[i-1]
		} else {
			apps[i] = y[i]
		}
		appl[i] = 10
	}
	// Yearly counts of a saturated logistic fall, but applicants are flat:
	// no decline; the S-curve says saturated.
	if s, why := LifeCycleStage(fit, apps, appl); s != StageSaturated || !strings.Contains(why, "saturation") {
		t.Errorf("got %s (%s)", s, why)
	}
	// Applicants falling too: decline overrides the S-curve.
	for i := range appl {
		appl[i] = 100 - float64(i)
	}
	if s, _ := LifeCycleStage(fit, apps, appl); s != StageDecline {
		t.Errorf("got %s, want decline", s)
	}
	if s, why := LifeCycleStage(FitLogistic(nil, nil), nil, nil); s != StageUnclear || !strings.Contains(why, "too few") {
		t.Errorf("got %s (%s)", s, why)
	}
}

func TestPhaseSeries(t *testing.T) {
	pts := PhaseSeries([]int{2024, 2022, 2023}, []float64{5, 10, 8}, []float64{2, 4, 3}, 2022)
	want := []PhasePoint{{2022, 10, 4, true}, {2023, 8, 3, false}, {2024, 5, 2, false}}
	for i := range want {
		if pts[i] != want[i] {
			t.Errorf("point %d: %+v, want %+v", i, pts[i], want[i])
		}
	}
	mustPanic(t, "length", func() { PhaseSeries([]int{1}, nil, nil, 0) })
	mustPanic(t, "duplicate", func() { PhaseSeries([]int{1, 1}, []float64{1, 1}, []float64{1, 1}, 0) })
	mustPanic(t, "negative", func() { PhaseSeries([]int{1}, []float64{-1}, []float64{1}, 0) })
}

func TestPhaseStage(t *testing.T) {
	years := []int{2015, 2016, 2017, 2018, 2019, 2020}
	cases := []struct {
		name       string
		apps, appl []float64
		last       int
		want       Stage
		reason     string
	}{
		// 2017→2020: apps 200→400 (+100 %), applicants 30→50 (+67 %), both
		// rising; 200 > 0.25·400 = 100, not a low base → growth.
		{"growth", []float64{100, 150, 200, 250, 300, 400}, []float64{20, 25, 30, 35, 40, 50}, 2020, StageGrowth, "rising"},
		// apps 4→32, applicants 3→12, both rising; 4 ≤ 0.25·32 = 8 → emerging.
		{"emerging", []float64{1, 2, 4, 8, 16, 32}, []float64{1, 2, 3, 5, 8, 12}, 2020, StageEmerging, "low base"},
		// apps 300→400 (+33 %), applicants 50→51 (+2 %, flat) → mature.
		{"mature", []float64{200, 250, 300, 330, 360, 400}, []float64{45, 48, 50, 50, 49, 51}, 2020, StageMature, "applicants flat"},
		// apps +33 %, applicants 50→40 (−20 %): consolidation → mature.
		{"consolidation", []float64{200, 250, 300, 330, 360, 400}, []float64{45, 48, 50, 46, 43, 40}, 2020, StageMature, "falling"},
		// apps 400→300, applicants 50→40: both fall → decline.
		{"decline", []float64{380, 390, 400, 370, 330, 300}, []float64{52, 51, 50, 47, 44, 40}, 2020, StageDecline, "falling"},
		// apps fall, applicants rise → unclear.
		{"mixed", []float64{380, 390, 400, 370, 330, 300}, []float64{40, 41, 42, 47, 50, 60}, 2020, StageUnclear, "applicants rising"},
		// Same rising series but 2019–2020 incomplete with a lag dip; window
		// 2015→2018: apps 100→250, applicants 20→35 → growth, not decline.
		{"lag ignored", []float64{100, 150, 200, 250, 90, 20}, []float64{20, 25, 30, 35, 20, 5}, 2018, StageGrowth, "2015–2018"},
		{"too few", []float64{100, 150, 200, 250, 90, 20}, []float64{20, 25, 30, 35, 20, 5}, 2017, StageUnclear, "3 complete years, need 4"},
		// From zero: rising with an undefined relative change.
		{"from zero", []float64{0, 0, 0, 1, 2, 3}, []float64{0, 0, 0, 1, 1, 2}, 2020, StageEmerging, "low base"},
	}
	for _, c := range cases {
		r := PhaseStage(PhaseSeries(years, c.apps, c.appl, c.last), PhaseOptions{})
		if r.Stage != c.want || !strings.Contains(r.Reason, c.reason) {
			t.Errorf("%s: got %s (%s), want %s with %q", c.name, r.Stage, r.Reason, c.want, c.reason)
		}
	}
	// Changes by hand for "growth": 400/200 − 1 = 1, 50/30 − 1 = 0.666667.
	r := PhaseStage(PhaseSeries(years, cases[0].apps, cases[0].appl, 2020), PhaseOptions{})
	if !near(r.AppsChange, 1, 1e-12) || !near(r.ApplicantsChange, 2.0/3, 1e-12) || r.From != 2017 || r.To != 2020 {
		t.Errorf("growth reading %+v", r)
	}
	r = PhaseStage(PhaseSeries(years, cases[8].apps, cases[8].appl, 2020), PhaseOptions{})
	if !math.IsNaN(r.AppsChange) {
		t.Errorf("from zero: change %g, want NaN", r.AppsChange)
	}
	mustPanic(t, "options", func() { PhaseStage(nil, PhaseOptions{Window: -1}) })
}
