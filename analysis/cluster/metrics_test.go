package cluster

import (
	"math"
	"testing"
)

// Expected values were computed by hand from the definitions in metrics.go (and agree with
// scikit-learn 1.2's normalized_mutual_info_score / adjusted_rand_score / silhouette_score on the
// same inputs). Tolerance 1e-12.
func TestNMIAndARIHandComputed(t *testing.T) {
	const tol = 1e-12
	a := []int{0, 0, 1, 1}
	b := []int{0, 0, 1, 2}
	// H(a) = ln 2; H(b) = −(½ ln ½ + 2·¼ ln ¼) = 1.5 ln 2; I = H(a) = ln 2 (b refines a).
	// NMI = ln 2 / (1.25 ln 2) = 0.8.
	if got := NMI(a, b); math.Abs(got-0.8) > tol {
		t.Errorf("NMI = %v, want 0.8", got)
	}
	// index = C(2,2) = 1; Σa = 2; Σb = 1; expected = 2·1/6 = 1/3; max = 1.5.
	// ARI = (1 − 1/3)/(1.5 − 1/3) = 4/7.
	if got := ARI(a, b); math.Abs(got-4.0/7) > tol {
		t.Errorf("ARI = %v, want 4/7", got)
	}
	// Label names do not matter.
	if got := NMI([]int{5, 5, 9, 9}, []int{1, 1, 0, 0}); math.Abs(got-1) > tol {
		t.Errorf("NMI of a relabelling = %v, want 1", got)
	}
	if got := ARI([]int{5, 5, 9, 9}, []int{1, 1, 0, 0}); math.Abs(got-1) > tol {
		t.Errorf("ARI of a relabelling = %v, want 1", got)
	}
	// Independent: a = {0,0,1,1}, b = {0,1,0,1}: I = 0; ARI = (0 − 2·2/6... ) index 0,
	// Σa = Σb = 2, expected = 4/6, max = 2: ARI = (0 − 2/3)/(2 − 2/3) = −0.5.
	if got := NMI([]int{0, 0, 1, 1}, []int{0, 1, 0, 1}); math.Abs(got) > tol {
		t.Errorf("NMI of independent labelings = %v, want 0", got)
	}
	if got := ARI([]int{0, 0, 1, 1}, []int{0, 1, 0, 1}); math.Abs(got+0.5) > tol {
		t.Errorf("ARI of independent labelings = %v, want −0.5", got)
	}
	if got := NMI([]int{0, 0}, []int{3, 3}); got != 1 {
		t.Errorf("NMI of two trivial labelings = %v, want 1", got)
	}
	if !math.IsNaN(NMI(nil, nil)) || !math.IsNaN(ARI(nil, nil)) {
		t.Error("empty input should give NaN")
	}
}

func TestSilhouetteHandComputed(t *testing.T) {
	// Points on a line at 0, 1, 4, 5 with clusters {0,1} and {4,5}.
	// s(0): a = 1, b = (4+5)/2 = 4.5 → 3.5/4.5; s(1): a = 1, b = 3.5 → 2.5/3.5; symmetric.
	// mean = (3.5/4.5 + 2.5/3.5)/2.
	x := []float64{0, 1, 4, 5}
	d := make([][]float64, 4)
	for i := range d {
		d[i] = make([]float64, 4)
		for j := range d[i] {
			d[i][j] = math.Abs(x[i] - x[j])
		}
	}
	want := (3.5/4.5 + 2.5/3.5) / 2
	if got := Silhouette(d, []int{0, 0, 1, 1}); math.Abs(got-want) > 1e-12 {
		t.Errorf("Silhouette = %v, want %v", got, want)
	}
	// A singleton counts 0: clusters {0}, {1,4,5}... s(0) = 0; s(1): a = (3+4)/2 = 3.5, b = 1 →
	// (1−3.5)/3.5; s(4): a = (3+1)/2 = 2, b = 4 → 0.5; s(5): a = (4+1)/2 = 2.5, b = 5 → 0.5.
	want = (0 + (1-3.5)/3.5 + 0.5 + 0.5) / 4
	if got := Silhouette(d, []int{7, 8, 8, 8}); math.Abs(got-want) > 1e-12 {
		t.Errorf("Silhouette with a singleton = %v, want %v", got, want)
	}
	if !math.IsNaN(Silhouette(d, []int{1, 1, 1, 1})) {
		t.Error("one cluster should give NaN")
	}
}
