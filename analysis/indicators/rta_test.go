package indicators

import (
	"math"
	"testing"
)

func TestRTA(t *testing.T) {
	// Rows c1 = (10, 30), c2 = (30, 30); row sums 40, 60; column sums
	// 40, 60; total 100. By hand:
	//   c1,f1: (10/40)/(40/100) = 0.25/0.4 = 0.625; RSTA = −0.375/1.625 = −0.230769…
	//   c1,f2: (30/40)/(60/100) = 0.75/0.6 = 1.25;  RSTA = 0.25/2.25  = 0.111111…
	//   c2,f1: (30/60)/0.4 = 1.25;                  RSTA = 0.111111…
	//   c2,f2: (30/60)/0.6 = 0.833333…;             RSTA = −(1/6)/(11/6) = −0.090909…
	// Tolerance 1e-12.
	a := RTA([][]float64{{10, 30}, {30, 30}})
	wantRTA := [][]float64{{0.625, 1.25}, {1.25, 5.0 / 6}}
	wantRSTA := [][]float64{{-0.375 / 1.625, 0.25 / 2.25}, {0.25 / 2.25, -1.0 / 11}}
	for c := range wantRTA {
		for f := range wantRTA[c] {
			if !near(a.RTA[c][f], wantRTA[c][f], 1e-12) || !near(a.RSTA[c][f], wantRSTA[c][f], 1e-12) {
				t.Errorf("cell %d,%d: RTA %g RSTA %g, want %g %g", c, f, a.RTA[c][f], a.RSTA[c][f], wantRTA[c][f], wantRSTA[c][f])
			}
		}
	}
	if a.Undefined != 0 {
		t.Errorf("Undefined = %d", a.Undefined)
	}
}

func TestRTAUndefinedAndZero(t *testing.T) {
	// Row 2 and column 2 are all zero: row 2 (3 cells) and column 2 (2 more
	// cells) are undefined, 5 in all. Cell (0,0) = 0 in a non-empty row and
	// column: RTA = 0, RSTA = −1. Total 9. Cell (1,0): row sum 5, column
	// sum 5: (5/5)/(5/9) = 1.8. Cell (0,1): row sum 4, column sum 4:
	// (4/4)/(4/9) = 2.25. Tolerance 1e-12.
	m := [][]float64{{0, 4, 0}, {5, 0, 0}, {0, 0, 0}}
	a := RTA(m)
	if a.Undefined != 5 {
		t.Errorf("Undefined = %d, want 5", a.Undefined)
	}
	if a.RTA[0][0] != 0 || a.RSTA[0][0] != -1 {
		t.Errorf("zero cell: %g %g", a.RTA[0][0], a.RSTA[0][0])
	}
	if !near(a.RTA[1][0], 1.8, 1e-12) || !near(a.RTA[0][1], 2.25, 1e-12) {
		t.Errorf("cells: %g %g", a.RTA[1][0], a.RTA[0][1])
	}
	for _, cell := range [][2]int{{0, 2}, {1, 2}, {2, 0}, {2, 1}, {2, 2}} {
		if !math.IsNaN(a.RTA[cell[0]][cell[1]]) || !math.IsNaN(a.RSTA[cell[0]][cell[1]]) {
			t.Errorf("cell %v should be NaN", cell)
		}
	}
	// All-zero matrix: all undefined. One cell: RTA 1.
	if z := RTA([][]float64{{0, 0}}); z.Undefined != 2 {
		t.Errorf("all-zero: %d undefined", z.Undefined)
	}
	if one := RTA([][]float64{{7}}); one.RTA[0][0] != 1 || one.RSTA[0][0] != 0 {
		t.Errorf("single cell: %+v", one)
	}
	if e := RTA(nil); len(e.RTA) != 0 || e.Undefined != 0 {
		t.Errorf("empty: %+v", e)
	}
	mustPanic(t, "ragged", func() { RTA([][]float64{{1, 2}, {3}}) })
	mustPanic(t, "negative", func() { RTA([][]float64{{1, -2}}) })
}
