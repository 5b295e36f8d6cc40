package cluster

import (
	"fmt"
	"math"
	"sort"
)

// contingency returns the contingency table of two labelings keyed by dense label indices, the
// row and column sums, and N.
func contingency(a, b []int) (nij map[[2]int]float64, ai, bj map[int]float64, n float64) {
	if len(a) != len(b) {
		panic(fmt.Sprintf("cluster: labelings of different lengths %d and %d", len(a), len(b)))
	}
	nij = map[[2]int]float64{}
	ai = map[int]float64{}
	bj = map[int]float64{}
	for i := range a {
		nij[[2]int{a[i], b[i]}]++
		ai[a[i]]++
		bj[b[i]]++
	}
	return nij, ai, bj, float64(len(a))
}

// sortedValues returns the map's values in key order, so that sums do not depend on map order.
func sortedValues[K int | [2]int](m map[K]float64, less func(x, y K) bool) []float64 {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
	out := make([]float64, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

func lessInt(x, y int) bool { return x < y }
func lessPair(x, y [2]int) bool {
	if x[0] != y[0] {
		return x[0] < y[0]
	}
	return x[1] < y[1]
}

// NMI returns the normalised mutual information of two labelings with the arithmetic-mean
// normalisation (scikit-learn's default, Vinh, Epps & Bailey 2010):
//
//	I(U,V) = Σ_ij (n_ij/N) ln(N n_ij / (a_i b_j))
//	H(U)   = −Σ_i (a_i/N) ln(a_i/N)
//	NMI    = I(U,V) / ((H(U) + H(V)) / 2)
//
// Two labelings that each put everything in one group give 1. It is NaN for empty input and
// panics when the lengths differ.
func NMI(a, b []int) float64 {
	if len(a) == 0 && len(b) == 0 {
		return math.NaN()
	}
	nij, ai, bj, n := contingency(a, b)
	hu, hv := entropy(sortedValues(ai, lessInt), n), entropy(sortedValues(bj, lessInt), n)
	if hu == 0 && hv == 0 {
		return 1
	}
	mi := 0.0
	keys := make([][2]int, 0, len(nij))
	for k := range nij {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return lessPair(keys[i], keys[j]) })
	for _, k := range keys {
		v := nij[k]
		mi += v / n * math.Log(n*v/(ai[k[0]]*bj[k[1]]))
	}
	return math.Max(0, mi/((hu+hv)/2))
}

func entropy(counts []float64, n float64) float64 {
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := c / n
			h -= p * math.Log(p)
		}
	}
	return h
}

// ARI returns the adjusted Rand index of two labelings (Hubert & Arabie 1985):
//
//	index    = Σ_ij C(n_ij, 2)
//	expected = Σ_i C(a_i, 2) · Σ_j C(b_j, 2) / C(N, 2)
//	ARI      = (index − expected) / (½(Σ_i C(a_i, 2) + Σ_j C(b_j, 2)) − expected)
//
// It is 1 when the denominator vanishes (both labelings trivial, as scikit-learn does), NaN for
// empty input, and panics when the lengths differ.
func ARI(a, b []int) float64 {
	if len(a) == 0 && len(b) == 0 {
		return math.NaN()
	}
	nij, ai, bj, n := contingency(a, b)
	c2 := func(x float64) float64 { return x * (x - 1) / 2 }
	index, sa, sb := 0.0, 0.0, 0.0
	for _, v := range sortedValues(nij, lessPair) {
		index += c2(v)
	}
	for _, v := range sortedValues(ai, lessInt) {
		sa += c2(v)
	}
	for _, v := range sortedValues(bj, lessInt) {
		sb += c2(v)
	}
	expected := sa * sb / c2(n)
	maxIndex := (sa + sb) / 2
	if maxIndex == expected {
		return 1
	}
	return (index - expected) / (maxIndex - expected)
}

// Silhouette returns the mean silhouette of a labeling given the full distance matrix d
// (Rousseeuw 1987):
//
//	a(i) = mean distance from i to the other members of its cluster
//	b(i) = min over other clusters C of the mean distance from i to C
//	s(i) = (b(i) − a(i)) / max(a(i), b(i)),   s(i) = 0 when i's cluster is a singleton
//
// It is NaN with fewer than two clusters or no points, and panics when d is not len(labels)
// square.
func Silhouette(d [][]float64, labels []int) float64 {
	n := len(labels)
	if len(d) != n {
		panic(fmt.Sprintf("cluster: Silhouette: %d×? distances for %d labels", len(d), n))
	}
	for _, row := range d {
		if len(row) != n {
			panic("cluster: Silhouette: distance matrix is not square")
		}
	}
	return silhouette(n, labels, func(i, j int) float64 { return d[i][j] })
}

// silhouetteFromSim is Silhouette with the cosine distance 1 − sim over an m×m similarity matrix.
func silhouetteFromSim(sim []float32, m int, labels []int) float64 {
	return silhouette(m, labels, func(i, j int) float64 { return 1 - float64(sim[i*m+j]) })
}

func silhouette(n int, labels []int, dist func(i, j int) float64) float64 {
	if n == 0 {
		return math.NaN()
	}
	ids := map[int]int{}
	for _, l := range labels {
		if _, ok := ids[l]; !ok {
			ids[l] = 0
		}
	}
	keys := make([]int, 0, len(ids))
	for l := range ids {
		keys = append(keys, l)
	}
	sort.Ints(keys)
	for i, l := range keys {
		ids[l] = i
	}
	k := len(keys)
	if k < 2 {
		return math.NaN()
	}
	lab := make([]int, n)
	size := make([]float64, k)
	for i, l := range labels {
		lab[i] = ids[l]
		size[lab[i]]++
	}
	sum := make([]float64, k)
	total := 0.0
	for i := 0; i < n; i++ {
		clear(sum)
		for j := 0; j < n; j++ {
			if j != i {
				sum[lab[j]] += dist(i, j)
			}
		}
		own := lab[i]
		if size[own] <= 1 {
			continue
		}
		a := sum[own] / (size[own] - 1)
		b := math.Inf(1)
		for c := 0; c < k; c++ {
			if c != own && size[c] > 0 {
				b = math.Min(b, sum[c]/size[c])
			}
		}
		if m := math.Max(a, b); m > 0 {
			total += (b - a) / m
		}
	}
	return total / float64(n)
}
