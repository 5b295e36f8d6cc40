package cluster

import (
	"hash/fnv"
	"math"
	"math/rand/v2"
	"testing"
)

// TestJitterIsFNV1a: jitter's hash, written out, is hash/fnv's 64-bit FNV-1a of the ID's bytes
// (the map's placements depend on it).
func TestJitterIsFNV1a(t *testing.T) {
	for _, id := range []string{"", "a", "P0000023efa0f5c66", "DWPI2004-123456", "中文 id"} {
		h := fnv.New64a()
		h.Write([]byte(id))
		v := h.Sum64()
		wx, wy := float64(v&0xffff)/0xffff*2-1, float64((v>>16)&0xffff)/0xffff*2-1
		if x, y := jitter(id); x != wx || y != wy {
			t.Errorf("jitter(%q) = %v, %v; want %v, %v", id, x, y, wx, wy)
		}
	}
}

// TestSidewaysSumsAreTheSums: the placement's similarities and axis coordinates, summed side by
// side, are bit for bit the sums one after another in coordinate order (the map's placements,
// printed in the reports, must not move).
func TestSidewaysSumsAreTheSums(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 2))
	for trial := 0; trial < 200; trial++ {
		d, k := 1+rng.IntN(60), 1+rng.IntN(25)
		z, mu := make([]float64, d), make([]float64, k*d)
		for q := range z {
			z[q] = rng.NormFloat64() * math.Pow(10, float64(rng.IntN(7)-3))
		}
		for i := range mu {
			mu[i] = rng.NormFloat64()
		}
		muT := make([]float64, d*k)
		for b := 0; b < k; b++ {
			for q := 0; q < d; q++ {
				muT[q*k+b] = mu[b*d+q]
			}
		}
		sims := make([]float64, k)
		for i := range sims {
			sims[i] = rng.Float64() // stale values from the last document
		}
		sidewaysSims(z, muT, sims)
		for b := 0; b < k; b++ {
			s := 0.0
			for q, v := range z {
				s += v * mu[b*d+q]
			}
			if math.Float64bits(s) != math.Float64bits(sims[b]) {
				t.Fatalf("d=%d k=%d: similarity %d is %v, the sum in order %v", d, k, b, sims[b], s)
			}
		}
		mean, x0, x1 := mu[:d], mu[(k-1)*d:], muT[:d]
		u := axisCoords(z, mean, x0, x1)
		for s, x := range [][]float64{x0, x1} {
			w := 0.0
			for q, v := range z {
				w += (v - mean[q]) * x[q]
			}
			if math.Float64bits(w) != math.Float64bits(u[s]) {
				t.Fatalf("d=%d: axis %d coordinate %v, the sum in order %v", d, s, u[s], w)
			}
		}
	}
}

// TestAddProjectionIsTheSum: a document's LSA coordinates, two terms a pass, are bit for bit the
// sums one term after another in the row's column order.
func TestAddProjectionIsTheSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 3))
	for trial := 0; trial < 300; trial++ {
		d, V, nnz := 1+rng.IntN(60), 1+rng.IntN(80), rng.IntN(30)
		P := make([]float64, V*d)
		for i := range P {
			P[i] = rng.NormFloat64()
		}
		cols, vals := make([]int32, nnz), make([]float32, nnz)
		for p := range cols {
			cols[p], vals[p] = int32(rng.IntN(V)), float32(rng.NormFloat64())
		}
		z, want := make([]float64, d), make([]float64, d)
		for q := range z {
			z[q] = rng.Float64() // what the sum starts from
			want[q] = z[q]
		}
		for p, tm := range cols {
			for q := range want {
				want[q] += float64(vals[p]) * P[int(tm)*d+q]
			}
		}
		addProjection(z, cols, vals, P)
		for q := range z {
			if math.Float64bits(z[q]) != math.Float64bits(want[q]) {
				t.Fatalf("d=%d nnz=%d: coordinate %d is %v, the sum in order %v", d, nnz, q, z[q], want[q])
			}
		}
	}
}
