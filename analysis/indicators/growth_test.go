package indicators

import (
	"math"
	"strings"
	"testing"
	"time"
)

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func TestCAGR(t *testing.T) {
	cases := []struct {
		name        string
		start, end  float64
		years       int
		want        float64
		ok          bool
		explanation string
	}{
		// (121/100)^(1/2) − 1 = 1.1 − 1 = 0.1.
		{"two years +10%", 100, 121, 2, 0.1, true, ""},
		// (100/200)^(1/1) − 1 = −0.5.
		{"halving", 200, 100, 1, -0.5, true, ""},
		// (0/50)^(1/3) − 1 = −1: collapse is defined.
		{"to zero", 50, 0, 3, -1, true, ""},
		// (64/1)^(1/6) − 1 = 2 − 1 = 1 (doubling every year).
		{"doubling", 1, 64, 6, 1, true, ""},
		{"from zero", 0, 10, 2, math.NaN(), false, ""},
		{"zero years", 10, 20, 0, math.NaN(), false, ""},
		{"negative end", 10, -1, 2, math.NaN(), false, ""},
		{"NaN", math.NaN(), 1, 2, math.NaN(), false, ""},
		{"Inf", 1, math.Inf(1), 2, math.NaN(), false, ""},
	}
	for _, c := range cases {
		got, ok := CAGR(c.start, c.end, c.years)
		if ok != c.ok || (ok && !near(got, c.want, 1e-12)) || (!ok && !math.IsNaN(got)) {
			t.Errorf("%s: CAGR = %g, %v; want %g, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	mustPanic(t, "negative years", func() { CAGR(1, 2, -1) })
}

func TestLastCompleteYear(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Year Y is complete iff 1 Jan (Y+1) + 18 months ≤ cut-off, i.e. iff
	// 1 July (Y+2) ≤ cut-off.
	cases := []struct {
		cutoff string
		lag    int
		want   int
	}{
		{"2025-12-31", 18, 2023}, // 2023 complete since 2025-07-01; 2024, 2025 not
		{"2025-07-01", 18, 2023}, // boundary: exactly 18 months after 2024-01-01
		{"2025-06-30", 18, 2022}, // one day short
		{"2025-03-31", 0, 2024},  // no lag: every finished year
		{"2025-08-31", 18, 2023}, // month-end arithmetic stays in the right year
	}
	for _, c := range cases {
		if got := LastCompleteYear(d(c.cutoff), c.lag); got != c.want {
			t.Errorf("LastCompleteYear(%s, %d) = %d, want %d", c.cutoff, c.lag, got, c.want)
		}
	}
	mustPanic(t, "negative lag", func() { LastCompleteYear(d("2025-01-01"), -1) })
}

func TestMarkComplete(t *testing.T) {
	in := []YearCount{{2025, 3}, {2023, 10}, {2024, 8}, {2022, 9}}
	got := MarkComplete(in, 2023)
	want := []YearPoint{{2022, 9, true}, {2023, 10, true}, {2024, 8, false}, {2025, 3, false}}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("point %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	if in[0].Year != 2025 {
		t.Error("input modified")
	}
	if len(MarkComplete(nil, 2020)) != 0 {
		t.Error("empty input must give empty output")
	}
	mustPanic(t, "duplicate year", func() { MarkComplete([]YearCount{{2020, 1}, {2020, 2}}, 2020) })
}

func TestCompleteCAGR(t *testing.T) {
	// 2021 and 2022 are incomplete (publication lag) and show an apparent
	// collapse that must not enter the growth rate.
	s := []YearCount{{2015, 100}, {2016, 110}, {2017, 125}, {2018, 150}, {2019, 170}, {2020, 200}, {2021, 120}, {2022, 30}}
	cases := []struct {
		name         string
		series       []YearCount
		last, window int
		want         float64
		from, to     int
		reason       string
	}{
		// 2015 → 2020: (200/100)^(1/5) − 1 = 2^0.2 − 1 = 0.148698355.
		{"five years", s, 2020, 5, 0.148698355, 2015, 2020, ""},
		// window 0 = from the first year: same as above.
		{"whole span", s, 2020, 0, 0.148698355, 2015, 2020, ""},
		// 2018 → 2020: (200/150)^(1/2) − 1 = √(4/3) − 1 = 0.154700538.
		{"two years", s, 2020, 2, 0.154700538, 2018, 2020, ""},
		// lastComplete beyond the series: ends at the last year, 2022:
		// (30/150)^(1/4) − 1 = 0.2^0.25 − 1 = −0.331259695 (the caller
		// asserted completeness).
		{"trusting the caller", s, 2030, 4, -0.331259695, 2018, 2022, ""},
		{"window too long", s, 2020, 6, math.NaN(), 0, 0, "before the first year"},
		{"nothing complete", s, 2010, 3, math.NaN(), 0, 0, "no complete year"},
		{"empty", nil, 2020, 3, math.NaN(), 0, 0, "no complete year"},
		{"single year", []YearCount{{2020, 5}}, 2020, 0, math.NaN(), 0, 0, "zero length"},
		{"zero start", []YearCount{{2018, 0}, {2019, 4}, {2020, 8}}, 2020, 2, math.NaN(), 0, 0, "growth from zero"},
		// 2017 is absent inside the range: it counts 0.
		{"gap at start", []YearCount{{2016, 3}, {2018, 4}, {2020, 8}}, 2020, 3, math.NaN(), 0, 0, "growth from zero"},
	}
	for _, c := range cases {
		g := CompleteCAGR(c.series, c.last, c.window)
		if c.reason == "" {
			if !g.OK || !near(g.CAGR, c.want, 1e-9) || g.StartYear != c.from || g.EndYear != c.to {
				t.Errorf("%s: got %+v, want %.9f over %d–%d", c.name, g, c.want, c.from, c.to)
			}
			continue
		}
		if g.OK || !math.IsNaN(g.CAGR) || !strings.Contains(g.Reason, c.reason) {
			t.Errorf("%s: got %+v, want unavailable with %q", c.name, g, c.reason)
		}
	}
}

func TestRelativeGrowth(t *testing.T) {
	// 0.2 / 0.1 = 2: the field grows twice as fast as all fields.
	if v, ok := RelativeGrowth(0.2, 0.1); !ok || !near(v, 2, 1e-12) {
		t.Errorf("got %g %v", v, ok)
	}
	// −0.05 / 0.1 = −0.5: the field shrinks while the whole grows.
	if v, ok := RelativeGrowth(-0.05, 0.1); !ok || !near(v, -0.5, 1e-12) {
		t.Errorf("got %g %v", v, ok)
	}
	for _, all := range []float64{0, -0.1, math.NaN()} {
		if v, ok := RelativeGrowth(0.1, all); ok || !math.IsNaN(v) {
			t.Errorf("RelativeGrowth(0.1, %g) = %g, %v; want NaN, false", all, v, ok)
		}
	}
}
