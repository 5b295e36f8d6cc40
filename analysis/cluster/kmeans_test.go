package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// bestCentroidRef is bestCentroid as first written: one term at a time, one centroid at a time.
func bestCentroidRef(c *corpus, i int, cent []float64, k int, score []float64) (int, float64) {
	clear(score)
	cols, vals := c.row(i)
	for p, t := range cols {
		v := float64(vals[p])
		base := cent[int(t)*k : int(t)*k+k]
		for j, w := range base {
			score[j] += v * w
		}
	}
	best := 0
	for j := 1; j < k; j++ {
		if score[j] > score[best] {
			best = j
		}
	}
	return best, score[best]
}

// randomCorpus makes n sparse rows over V terms with 1..maxNNZ ascending columns each.
func randomCorpus(rng *rand.Rand, n, V, maxNNZ int) *corpus {
	c := &corpus{n: n, ptr: []int64{0}}
	for i := 0; i < n; i++ {
		nnz := 1 + rng.IntN(maxNNZ)
		t := int32(rng.IntN(3))
		for p := 0; p < nnz && int(t) < V; p++ {
			c.col = append(c.col, t)
			c.val = append(c.val, rng.Float32())
			t += 1 + int32(rng.IntN(V/maxNNZ+1))
		}
		c.ptr = append(c.ptr, int64(len(c.col)))
	}
	return c
}

// TestBestCentroidMatchesReference checks the unrolled scoring against the reference: the same
// cluster and bit for bit the same similarity, for every k from 1 to 41 (every remainder of the
// unrolling) and rows of 1 to 60 terms (odd and even counts).
func TestBestCentroidMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	const V = 300
	c := randomCorpus(rng, 400, V, 60)
	for k := 1; k <= 41; k++ {
		cent := make([]float64, V*k)
		for i := range cent {
			cent[i] = rng.NormFloat64()
		}
		s1, s2 := make([]float64, k), make([]float64, k)
		for i := 0; i < c.n; i++ {
			b1, v1, sec := bestCentroid(c, i, cent, k, s1)
			b2, v2 := bestCentroidRef(c, i, cent, k, s2)
			if b1 != b2 || v1 != v2 {
				t.Fatalf("k=%d row %d: got (%d, %v), reference (%d, %v)", k, i, b1, v1, b2, v2)
			}
			want := math.Inf(-1)
			for j, v := range s2 {
				if j != b2 {
					want = max(want, v)
				}
			}
			if sec != want {
				t.Fatalf("k=%d row %d: second best %v, want %v", k, i, sec, want)
			}
			if got := centroidSim(c, i, cent, k, b2); got != v2 {
				t.Fatalf("k=%d row %d: centroidSim %v, the full scoring %v", k, i, got, v2)
			}
		}
	}
}

func benchBest(b *testing.B, f func(*corpus, int, []float64, int, []float64) (int, float64)) {
	rng := rand.New(rand.NewPCG(1, 2))
	const V, k = 20000, 20
	c := randomCorpus(rng, 20000, V, 80)
	cent := make([]float64, V*k)
	for i := range cent {
		cent[i] = rng.Float64()
	}
	score := make([]float64, k)
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		for i := 0; i < c.n; i++ {
			f(c, i, cent, k, score)
		}
	}
}

func BenchmarkBestCentroid(b *testing.B) {
	b.Run("unrolled", func(b *testing.B) {
		benchBest(b, func(c *corpus, i int, cent []float64, k int, score []float64) (int, float64) {
			best, s, _ := bestCentroid(c, i, cent, k, score)
			return best, s
		})
	})
	b.Run("reference", func(b *testing.B) { benchBest(b, bestCentroidRef) })
}

// kmeansLloyd is kmeansOnce without the bounds: every row scored against every centroid in
// every iteration.
func kmeansLloyd(c *corpus, rows []int32, k int, rng *rand.Rand, maxIter, nw int) kmodel {
	m := kmodel{k: k, cent: make([]float64, len(c.terms)*k), assign: make([]int32, len(rows))}
	writeSeeds(c, seedOrder(c, rows, k, rng), k, m.cent)
	sims := make([]float64, len(rows))
	for i := range m.assign {
		m.assign[i] = -1
	}
	for it := 0; it < maxIter; it++ {
		changed := assignRows(c, rows, &m, sims, nil, nw)
		m.obj = 0
		for _, s := range sims {
			m.obj += s
		}
		if changed == 0 && it > 0 {
			break
		}
		updateCentroids(c, rows, &m, sims)
	}
	return m
}

// unitCorpus is randomCorpus with every row scaled to unit length, as weigh leaves them, and
// nc near-copies of a few rows so that clusters form (and some rows tie).
func unitCorpus(rng *rand.Rand, n, V, maxNNZ int) *corpus {
	c := randomCorpus(rng, n, V, maxNNZ)
	c.terms = make([]string, V)
	for i := 0; i < n; i++ {
		_, vals := c.row(i)
		if i%3 == 0 && i > 0 { // a copy of an earlier row's weights where the shapes allow
			src := rng.IntN(i)
			_, sv := c.row(src)
			for p := range vals {
				vals[p] = sv[p%len(sv)]
			}
		}
		n2 := 0.0
		for _, v := range vals {
			n2 += float64(v) * float64(v)
		}
		for p := range vals {
			vals[p] = float32(float64(vals[p]) / math.Sqrt(n2))
		}
	}
	return c
}

// TestKMeansBoundsChangeNothing runs k-means with Hamerly's bounds and plain Lloyd iterations
// from the same seeds: the assignments, objective and centroids must be bit for bit the same,
// for several k (with emptied clusters re-seeded at the larger ones) and worker counts. It also
// checks that the bounds saved work, which is their point: a bound that never held would pass
// the identity check too.
func TestKMeansBoundsChangeNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	c := unitCorpus(rng, 1500, 400, 25)
	rows := make([]int32, c.n)
	for i := range rows {
		rows[i] = int32(i)
	}
	for _, k := range []int{2, 5, 9, 20, 64} {
		for _, nw := range []int{1, 3} {
			got := kmeansOnce(c, rows, k, seedOrder(c, rows, k, rand.New(rand.NewPCG(9, uint64(k)))), 50, nw)
			want := kmeansLloyd(c, rows, k, rand.New(rand.NewPCG(9, uint64(k))), 50, nw)
			if got.obj != want.obj || !slices.Equal(got.assign, want.assign) || !slices.Equal(got.cent, want.cent) {
				t.Fatalf("k=%d nw=%d: bounded k-means differs from Lloyd's (objective %v vs %v)", k, nw, got.obj, want.obj)
			}
		}
	}
	// Ten distinct rows, each repeated: k-means++ runs out of distinct seeds, so clusters empty
	// and rows are re-seeded into them (hundreds of times over these runs), with their bounds reset.
	d := unitCorpus(rand.New(rand.NewPCG(4, 4)), 10, 50, 6)
	dup := &corpus{n: 200, ptr: []int64{0}, terms: d.terms}
	for i := 0; i < dup.n; i++ {
		cols, vals := d.row(i % 10)
		dup.col, dup.val = append(dup.col, cols...), append(dup.val, vals...)
		dup.ptr = append(dup.ptr, int64(len(dup.col)))
	}
	drows := make([]int32, dup.n)
	for i := range drows {
		drows[i] = int32(i)
	}
	for _, k := range []int{12, 15} {
		got := kmeansOnce(dup, drows, k, seedOrder(dup, drows, k, rand.New(rand.NewPCG(2, 2))), 50, 1)
		want := kmeansLloyd(dup, drows, k, rand.New(rand.NewPCG(2, 2)), 50, 1)
		if got.obj != want.obj || !slices.Equal(got.assign, want.assign) || !slices.Equal(got.cent, want.cent) {
			t.Fatalf("repeated rows, k=%d: bounded k-means differs from Lloyd's", k)
		}
	}
	// Work saved: count the rows kept by their bound in one run.
	m := kmodel{k: 5, cent: make([]float64, len(c.terms)*5), assign: make([]int32, len(rows))}
	writeSeeds(c, seedOrder(c, rows, 5, rand.New(rand.NewPCG(9, 5))), 5, m.cent)
	sims, ub := make([]float64, len(rows)), make([]float64, len(rows))
	for i := range ub {
		m.assign[i], ub[i] = -1, math.Inf(1)
	}
	assignRows(c, rows, &m, sims, ub, 1)
	before := slices.Clone(m.assign)
	kept := 0
	for i := range rows { // the centroids have not moved: every row whose best is unique is kept
		if s := centroidSim(c, i, m.cent, 5, int(m.assign[i])); s > ub[i]+boundSlack {
			kept++
		}
	}
	if kept < len(rows)/2 {
		t.Fatalf("only %d of %d rows beat their bound with unmoved centroids", kept, len(rows))
	}
	if assignRows(c, rows, &m, sims, ub, 1) != 0 || !slices.Equal(before, m.assign) {
		t.Fatal("a second assignment with unmoved centroids changed clusters")
	}
}

// seedPlusPlusRef is k-means++ seeding as first written (before seedOrder): the seeds go into
// cent as they are drawn, with a similarity pass after every seed, the last one included.
func seedPlusPlusRef(c *corpus, rows []int32, k int, rng *rand.Rand, cent []float64) {
	n := len(rows)
	bestSim := make([]float64, n)
	for i := range bestSim {
		bestSim[i] = -1
	}
	dense := make([]float64, len(c.terms))
	chosen := int(rows[rng.IntN(n)])
	for j := 0; j < k; j++ {
		cols, vals := c.row(chosen)
		for p, t := range cols {
			cent[int(t)*k+j] = float64(vals[p])
			dense[t] = float64(vals[p])
		}
		total := 0.0
		for i, r := range rows {
			cs, vs := c.row(int(r))
			s := 0.0
			for p, t := range cs {
				s += float64(vs[p]) * dense[t]
			}
			bestSim[i] = max(bestSim[i], s)
			d := math.Max(0, 1-bestSim[i])
			total += d * d
		}
		for _, t := range cols {
			dense[t] = 0
		}
		if j == k-1 {
			break
		}
		if total <= 0 {
			chosen = int(rows[(j+1)%n])
			continue
		}
		u := rng.Float64() * total
		acc := 0.0
		pick := n - 1
		for i := range rows {
			d := math.Max(0, 1-bestSim[i])
			acc += d * d
			if acc >= u && d > 0 {
				pick = i
				break
			}
		}
		chosen = int(rows[pick])
	}
}

// TestSeedOrderIsPrefix checks what the k search relies on: the seeds drawn for k clusters are
// the first k of those drawn for more, from the same stream; and writeSeeds writes the seeds
// the first-written seeding did. The repeated-rows corpus takes the "every row is a seed" path.
func TestSeedOrderIsPrefix(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 8))
	c := unitCorpus(rng, 800, 300, 20)
	rows := make([]int32, 0, c.n)
	for i := 0; i < c.n; i += 2 {
		rows = append(rows, int32(i))
	}
	d := unitCorpus(rand.New(rand.NewPCG(4, 4)), 6, 40, 5)
	rep := []int32{0, 1, 2, 3, 4, 5, 0, 1, 2, 3}
	for _, tc := range []struct {
		c    *corpus
		rows []int32
	}{{c, rows}, {d, rep}} {
		full := seedOrder(tc.c, tc.rows, 9, rand.New(rand.NewPCG(1, 3)))
		if len(full) != 9 {
			t.Fatalf("%d seeds, want 9", len(full))
		}
		for k := 1; k <= 9; k++ {
			got := seedOrder(tc.c, tc.rows, k, rand.New(rand.NewPCG(1, 3)))
			if !slices.Equal(got, full[:k]) {
				t.Fatalf("k=%d: seeds %v, not the prefix of %v", k, got, full)
			}
			a, b := make([]float64, len(tc.c.terms)*k), make([]float64, len(tc.c.terms)*k)
			writeSeeds(tc.c, seedOrder(tc.c, tc.rows, k, rand.New(rand.NewPCG(1, 3))), k, a)
			seedPlusPlusRef(tc.c, tc.rows, k, rand.New(rand.NewPCG(1, 3)), b)
			if !slices.Equal(a, b) {
				t.Fatalf("k=%d: the seeds written differ from the first-written seeding", k)
			}
		}
	}
}

// TestPackedSampleChangesNothing checks that k-means on a sample packed by subset (clusterText)
// is k-means on the sample's rows in place: the same rows, seeds, assignments, centroids and
// objective, to the bit.
func TestPackedSampleChangesNothing(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 1))
	c := unitCorpus(rng, 3000, 300, 20)
	rows := sample(seq(c.n), 700, 5, streamFit)
	p := c.subset(rows)
	if p.n != len(rows) || len(p.ptr) != len(rows)+1 || len(p.terms) != len(c.terms) {
		t.Fatalf("subset of %d rows: n=%d, %d row pointers, %d terms", len(rows), p.n, len(p.ptr), len(p.terms))
	}
	for i, r := range rows {
		gc, gv := p.row(i)
		wc, wv := c.row(int(r))
		if !slices.Equal(gc, wc) || !slices.Equal(gv, wv) {
			t.Fatalf("packed row %d is not row %d", i, r)
		}
	}
	for _, k := range []int{3, 8} {
		got := sphericalKMeans(p, seq(p.n), k, 4, 2, 50, 2)
		want := sphericalKMeans(c, rows, k, 4, 2, 50, 2)
		if got.obj != want.obj || !slices.Equal(got.assign, want.assign) || !slices.Equal(got.cent, want.cent) {
			t.Fatalf("k=%d: k-means on the packed sample differs (objective %v vs %v)", k, got.obj, want.obj)
		}
	}
}
