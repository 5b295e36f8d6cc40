package cluster

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
)

// kmodel is a spherical k-means model: k unit-length centroids over the vocabulary, stored term
// major (cent[t*k+c]) so that scoring a sparse row reads k contiguous values per term.
type kmodel struct {
	k      int
	cent   []float64
	assign []int32 // cluster of each fitted row
	obj    float64 // Σ_rows cos(x, centroid of its cluster)
}

// sphericalKMeans clusters the rows (indices into c, all non-empty) into k groups maximising
//
//	Σ_i cos(x_i, μ_{c(i)}),   μ_c = Σ_{i∈c} x_i / ‖Σ_{i∈c} x_i‖
//
// (Dhillon & Modha 2001). Seeding is k-means++ with the cosine distance 1 − cos (Arthur &
// Vassilvitskii 2007: the next seed is drawn with probability ∝ D²). Lloyd iterations stop when
// no row changes cluster or after maxIter. An emptied cluster is re-seeded with the row that fits
// its centroid worst. The best of `restarts` runs (highest objective) is returned; run r uses the
// PCG stream (seed, r).
func sphericalKMeans(c *corpus, rows []int32, k int, seed uint64, restarts, maxIter, nw int) kmodel {
	if k < 1 || k > len(rows) {
		panic(fmt.Sprintf("cluster: k-means with k=%d on %d rows", k, len(rows)))
	}
	return seededKMeans(c, rows, k, kmeansSeeds(c, rows, k, seed, restarts), maxIter, nw)
}

// kmeansSeeds is the k-means++ seed order of each restart r (the PCG stream (seed, r)) for up to
// k clusters. The order for fewer clusters is a prefix of it (seedOrder draws the next seed only
// after the ones before it), so one call for the largest k of a search serves every k.
func kmeansSeeds(c *corpus, rows []int32, k int, seed uint64, restarts int) [][]int32 {
	seeds := make([][]int32, restarts)
	for r := range seeds {
		seeds[r] = seedOrder(c, rows, k, rand.New(rand.NewPCG(seed, uint64(r))))
	}
	return seeds
}

// seededKMeans is sphericalKMeans from the given seed orders, one restart each (the first k
// seeds of each).
func seededKMeans(c *corpus, rows []int32, k int, seeds [][]int32, maxIter, nw int) kmodel {
	var best kmodel
	for r, order := range seeds {
		m := kmeansOnce(c, rows, k, order[:k], maxIter, nw)
		if r == 0 || m.obj > best.obj {
			best = m
		}
	}
	return best
}

func kmeansOnce(c *corpus, rows []int32, k int, seeds []int32, maxIter, nw int) kmodel {
	V := len(c.terms)
	m := kmodel{k: k, cent: make([]float64, V*k), assign: make([]int32, len(rows))}
	writeSeeds(c, seeds, k, m.cent)
	sims := make([]float64, len(rows))
	for i := range m.assign {
		m.assign[i] = -1
	}
	// Hamerly's bound (Hamerly 2010), for the cosine: ub[i] is at least the similarity of row i
	// to every centroid but its own. A centroid that moves by δ (Euclidean, between unit
	// vectors) changes a row's similarity to it by at most ‖x‖·δ, so after an update every
	// bound grows by the largest move times the largest row norm. A row whose similarity to its
	// own (moved) centroid still beats its bound keeps its cluster without scoring the others:
	// assignRows computes that one similarity exactly as the full scoring would (the same sum
	// in the same order), so the assignments, similarities, objective and centroids are bit for
	// bit those of plain Lloyd iterations (TestKMeansBoundsChangeNothing).
	ub := make([]float64, len(rows))
	for i := range ub {
		ub[i] = math.Inf(1)
	}
	normX := 1.0
	for _, r := range rows {
		_, vals := c.row(int(r))
		n2 := 0.0
		for _, v := range vals {
			n2 += float64(v) * float64(v)
		}
		normX = max(normX, math.Sqrt(n2))
	}
	prev := make([]float64, len(m.cent))
	for it := 0; it < maxIter; it++ {
		changed := assignRows(c, rows, &m, sims, ub, nw)
		m.obj = 0
		for _, s := range sims {
			m.obj += s
		}
		if changed == 0 && it > 0 {
			break
		}
		copy(prev, m.cent)
		updateCentroids(c, rows, &m, sims)
		grow := maxMove(prev, m.cent, k) * normX * (1 + 1e-9)
		for i := range ub {
			if math.IsInf(sims[i], 1) { // re-seeded into an emptied cluster: score it in full
				ub[i] = math.Inf(1)
			} else {
				ub[i] += grow
			}
		}
	}
	return m
}

// maxMove is the largest Euclidean distance between a centroid in prev and the same centroid in
// cent (both term major, k centroids).
func maxMove(prev, cent []float64, k int) float64 {
	d2 := make([]float64, k)
	for base := 0; base < len(cent); base += k {
		a, b := prev[base:base+k], cent[base:base+k]
		for j := range a {
			d := b[j] - a[j]
			d2[j] += d * d
		}
	}
	return math.Sqrt(slices.Max(d2))
}

// writeSeeds writes the rows seeds (k of them, as seedOrder draws them) into cent as the k
// initial centroids (term major).
func writeSeeds(c *corpus, seeds []int32, k int, cent []float64) {
	for j, r := range seeds {
		cols, vals := c.row(int(r))
		for p, t := range cols {
			cent[int(t)*k+j] = float64(vals[p])
		}
	}
}

// seedOrder returns k k-means++ seeds (rows of c) in the order drawn: the first uniformly, each
// next one with probability ∝ D², D = 1 − the row's best similarity to a seed so far.
func seedOrder(c *corpus, rows []int32, k int, rng *rand.Rand) []int32 {
	n := len(rows)
	bestSim := make([]float64, n)
	for i := range bestSim {
		bestSim[i] = -1
	}
	V := len(c.terms)
	dense := make([]float64, V)
	order := make([]int32, 0, k)
	chosen := int(rows[rng.IntN(n)])
	for j := 0; j < k; j++ {
		order = append(order, int32(chosen))
		if j == k-1 {
			break
		}
		cols, vals := c.row(chosen)
		for p, t := range cols {
			dense[t] = float64(vals[p])
		}
		total := 0.0
		for i, r := range rows {
			cs, vs := c.row(int(r))
			s := 0.0
			for p, t := range cs {
				s += float64(vs[p]) * dense[t]
			}
			if s > bestSim[i] {
				bestSim[i] = s
			}
			d := math.Max(0, 1-bestSim[i])
			total += d * d
		}
		for _, t := range cols {
			dense[t] = 0
		}
		if total <= 0 {
			// Every row coincides with a seed: take rows in order.
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
	return order
}

// assignRows moves every row to its most similar centroid (ties: the lower cluster) and returns
// how many rows changed. Rows are split into fixed blocks handled by nw goroutines; each row's
// result depends only on the row, so the outcome does not depend on nw.
//
// With bounds (ub non-nil; see kmeansOnce), a row whose similarity to its own centroid exceeds
// ub[i] by a margin keeps its cluster after scoring that one centroid only; every row scored in
// full gets ub[i] = its second-best similarity. The margin (boundSlack) covers the rounding of
// the sums, so a row kept by its bound is one whose full scoring would have kept it.
func assignRows(c *corpus, rows []int32, m *kmodel, sims, ub []float64, nw int) int {
	k := m.k
	const block = 1024
	nb := (len(rows) + block - 1) / block
	changed := make([]int, nb)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < nw; w++ {
		wg.Go(func() {
			score := make([]float64, k)
			for b := range next {
				for i := b * block; i < min(len(rows), (b+1)*block); i++ {
					a := m.assign[i]
					if ub != nil && a >= 0 && !math.IsInf(ub[i], 1) {
						if s := centroidSim(c, int(rows[i]), m.cent, k, int(a)); s > ub[i]+boundSlack {
							sims[i] = s
							continue
						}
					}
					best, s, second := bestCentroid(c, int(rows[i]), m.cent, k, score)
					sims[i] = s
					if ub != nil {
						ub[i] = second
					}
					if int32(best) != a {
						m.assign[i] = int32(best)
						changed[b]++
					}
				}
			}
		})
	}
	for b := 0; b < nb; b++ {
		next <- b
	}
	close(next)
	wg.Wait()
	total := 0
	for _, v := range changed {
		total += v
	}
	return total
}

// boundSlack is the margin by which a row's own similarity must beat its bound (assignRows):
// far above the rounding of a sum of at most a few thousand products of numbers ≤ 1 (≈ 1e-13).
const boundSlack = 1e-9

// centroidSim is row i's similarity to centroid j, summed as bestCentroid sums score[j]: term by
// term in column order, from zero.
func centroidSim(c *corpus, i int, cent []float64, k, j int) float64 {
	cols, vals := c.row(i)
	vals = vals[:len(cols)]
	s := 0.0
	for p, t := range cols {
		s += float64(vals[p]) * cent[int(t)*k+j]
	}
	return s
}

// bestCentroid returns the centroid most similar to row i and the similarity. Each centroid's
// score adds the row's terms in column order, v·w one term at a time, as the plain double loop
// would (so the sums are bit for bit the same); the loop takes two terms per pass over the k
// scores and four scores per step, which halves the loads and stores of the scores and lets the
// compiler drop the bounds checks (TestBestCentroidMatchesReference, BenchmarkBestCentroid).
// second is the highest similarity to any other centroid (−Inf for k = 1).
func bestCentroid(c *corpus, i int, cent []float64, k int, score []float64) (best int, sim, second float64) {
	score = score[:k]
	clear(score)
	cols, vals := c.row(i)
	vals = vals[:len(cols)]
	p := 0
	for ; p+1 < len(cols); p += 2 {
		v0, v1 := float64(vals[p]), float64(vals[p+1])
		b0 := cent[int(cols[p])*k : int(cols[p])*k+k]
		b1 := cent[int(cols[p+1])*k : int(cols[p+1])*k+k]
		addTwo(score, b0, b1, v0, v1)
	}
	if p < len(cols) {
		addOne(score, cent[int(cols[p])*k:int(cols[p])*k+k], float64(vals[p]))
	}
	second = math.Inf(-1)
	for j := 1; j < len(score); j++ {
		if score[j] > score[best] {
			second = score[best]
			best = j
		} else if score[j] > second {
			second = score[j]
		}
	}
	return best, score[best], second
}

// addTwo sets s[j] = (s[j] + v0·x[j]) + v1·y[j] for every j: two products added to each sum in
// turn, as two passes would add them, in one pass over the sums four at a time (half the loads
// and stores of s of two passes, no bounds checks). x and y are at least as long as s.
func addTwo(s, x, y []float64, v0, v1 float64) {
	x, y = x[:len(s)], y[:len(s)]
	j := 0
	for ; j+4 <= len(s); j += 4 {
		sj, xj, yj := s[j:j+4:j+4], x[j:j+4:j+4], y[j:j+4:j+4]
		s0 := sj[0] + v0*xj[0]
		s1 := sj[1] + v0*xj[1]
		s2 := sj[2] + v0*xj[2]
		s3 := sj[3] + v0*xj[3]
		sj[0] = s0 + v1*yj[0]
		sj[1] = s1 + v1*yj[1]
		sj[2] = s2 + v1*yj[2]
		sj[3] = s3 + v1*yj[3]
	}
	for ; j < len(s); j++ {
		a := s[j] + v0*x[j]
		s[j] = a + v1*y[j]
	}
}

// addOne sets s[j] += v·x[j] for every j (x at least as long as s): addTwo's last odd term.
func addOne(s, x []float64, v float64) {
	x = x[:len(s)]
	for j, w := range x {
		s[j] += v * w
	}
}

// updateCentroids recomputes the centroids as normalised sums and re-seeds empty clusters.
func updateCentroids(c *corpus, rows []int32, m *kmodel, sims []float64) {
	k := m.k
	clear(m.cent)
	size := make([]int, k)
	for i, r := range rows {
		j := int(m.assign[i])
		size[j]++
		cols, vals := c.row(int(r))
		for p, t := range cols {
			m.cent[int(t)*k+j] += float64(vals[p])
		}
	}
	// Re-seed empty clusters with the worst-fitting rows (lowest similarity, then lowest index).
	for j := 0; j < k; j++ {
		if size[j] > 0 {
			continue
		}
		worst := -1
		for i := range rows {
			if size[m.assign[i]] > 1 && (worst < 0 || sims[i] < sims[worst]) {
				worst = i
			}
		}
		if worst < 0 {
			continue
		}
		old := int(m.assign[worst])
		cols, vals := c.row(int(rows[worst]))
		for p, t := range cols {
			m.cent[int(t)*k+old] -= float64(vals[p])
			m.cent[int(t)*k+j] += float64(vals[p])
		}
		size[old]--
		size[j]++
		m.assign[worst] = int32(j)
		sims[worst] = math.Inf(1) // not picked twice
	}
	normalizeCentroids(m.cent, k)
}

func normalizeCentroids(cent []float64, k int) {
	norm := make([]float64, k)
	for base := 0; base < len(cent); base += k {
		for j, v := range cent[base : base+k] {
			norm[j] += v * v
		}
	}
	for j := range norm {
		if norm[j] > 0 {
			norm[j] = 1 / math.Sqrt(norm[j])
		}
	}
	for base := 0; base < len(cent); base += k {
		row := cent[base : base+k]
		for j := range row {
			row[j] *= norm[j]
		}
	}
}

// sample returns min(m, len(from)) elements of from chosen by a seeded shuffle, sorted.
func sample(from []int32, m int, seed, stream uint64) []int32 {
	if m >= len(from) {
		return slices.Clone(from)
	}
	s := slices.Clone(from)
	rng := rand.New(rand.NewPCG(seed, stream))
	for i := 0; i < m; i++ {
		j := i + rng.IntN(len(s)-i)
		s[i], s[j] = s[j], s[i]
	}
	s = s[:m]
	slices.Sort(s)
	return s
}

// textClusters is the outcome of clusterText.
type textClusters struct {
	k          int
	assign     []int // per document, −1 without terms
	model      kmodel
	sums       []float64 // k×V (cluster-major) sums of the member vectors over all documents
	size       []int
	scores     []KScore
	silhouette float64
	stability  float64
	fitDocs    int
	silDocs    int
}

// Stream numbers of the seeded samples.
const (
	streamFit = 1 << 32
	streamSil = 2 << 32
	streamLay = 3 << 32
)

// clusterText fits spherical k-means for every k in [KMin, KMax] on the fit sample, picks the k
// with the highest mean silhouette (ties: the smaller k) on the silhouette sample, assigns every
// document to its nearest centroid and measures stability across seeds.
func clusterText(c *corpus, o Options) textClusters {
	nw := workers(o)
	var nonEmpty []int32
	for i := 0; i < c.n; i++ {
		if !c.empty(i) {
			nonEmpty = append(nonEmpty, int32(i))
		}
	}
	fit := sample(nonEmpty, o.FitDocs, o.Seed, streamFit)
	kmax := min(o.KMax, len(fit)/2)
	kmin := min(o.KMin, kmax)
	if kmin < 1 {
		kmin, kmax = 1, 1
	}
	silPos := sample(seq(len(fit)), o.SilhouetteDocs, o.Seed, streamSil) // positions in fit
	silRows := make([]int32, len(silPos))
	for i, p := range silPos {
		silRows[i] = fit[p]
	}
	sim := similarityMatrix(c, silRows)

	tc := textClusters{fitDocs: len(fit), silDocs: len(silRows)}
	bestS := math.Inf(-1)
	labels := make([]int, len(silRows))
	// The fits read the sample's rows again and again: packed together (fc, row i = fit[i]) they
	// are read in one pass through 2.5 MB instead of a strided one through the whole corpus
	// (its terms and weights: about 36 MB at 300k families). The same values in the same order:
	// the same fits.
	fc, fitRows := c.subset(fit), seq(len(fit))
	// One k-means++ seed order per restart for the largest k: each k starts from its prefix, the
	// seeds sphericalKMeans would draw for that k (TestSeedOrderIsPrefix).
	seeds := kmeansSeeds(fc, fitRows, kmax, o.Seed, o.Restarts)
	for k := kmin; k <= kmax; k++ {
		m := seededKMeans(fc, fitRows, k, seeds, 50, nw)
		for i, p := range silPos {
			labels[i] = int(m.assign[p])
		}
		s := silhouetteFromSim(sim, len(silRows), labels)
		tc.scores = append(tc.scores, KScore{K: k, Silhouette: s, Objective: m.obj})
		if s > bestS || tc.model.k == 0 {
			bestS, tc.model, tc.k = s, m, k
		}
	}
	tc.silhouette = bestS

	// Stability: the same k with two more seeds, ARI on the fit sample.
	parts := [][]int{int32s(tc.model.assign)}
	for d := uint64(1); d <= 2; d++ {
		m := sphericalKMeans(fc, fitRows, tc.k, o.Seed+d, o.Restarts, 50, nw)
		parts = append(parts, int32s(m.assign))
	}
	tc.stability = (ARI(parts[0], parts[1]) + ARI(parts[0], parts[2]) + ARI(parts[1], parts[2])) / 3

	// Assign every document; accumulate the cluster sums over all documents.
	tc.assign = make([]int, c.n)
	for i := range tc.assign {
		tc.assign[i] = -1
	}
	all := kmodel{k: tc.k, cent: tc.model.cent, assign: make([]int32, len(nonEmpty))}
	sims := make([]float64, len(nonEmpty))
	for i := range all.assign {
		all.assign[i] = -1
	}
	assignRows(c, nonEmpty, &all, sims, nil, nw)
	V := len(c.terms)
	tc.sums = make([]float64, tc.k*V)
	tc.size = make([]int, tc.k)
	byCluster(len(nonEmpty), nw, func(i int) int { return int(all.assign[i]) }, func(i, j int) {
		r := nonEmpty[i]
		tc.assign[r] = j
		tc.size[j]++
		cols, vals := c.row(int(r))
		for p, t := range cols {
			tc.sums[j*V+int(t)] += float64(vals[p])
		}
	})
	return tc
}

// byCluster calls f(i, j) for every row i in [0, n) whose cluster j = cluster(i) is not
// negative, from nw goroutines: goroutine w takes the rows of the clusters j with j mod nw = w,
// in row order, so that what f adds up per cluster is added in the same order, to the bit, as
// in one pass over the rows. f may write to its row's and its cluster's entries only.
func byCluster(n, nw int, cluster func(i int) int, f func(i, j int)) {
	nw = max(nw, 1)
	var wg sync.WaitGroup
	for w := 0; w < nw; w++ {
		wg.Go(func() {
			for i := 0; i < n; i++ {
				if j := cluster(i); j >= 0 && j%nw == w {
					f(i, j)
				}
			}
		})
	}
	wg.Wait()
}

func seq(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(i)
	}
	return s
}

func int32s(a []int32) []int {
	out := make([]int, len(a))
	for i, v := range a {
		out[i] = int(v)
	}
	return out
}

// similarityMatrix returns the m×m cosine similarities of the rows (unit vectors: the dot
// product), computed through an inverted index of the rows.
func similarityMatrix(c *corpus, rows []int32) []float32 {
	m := len(rows)
	type post struct {
		doc int32
		w   float32
	}
	inv := map[int32][]post{}
	for i, r := range rows {
		cols, vals := c.row(int(r))
		for p, t := range cols {
			inv[t] = append(inv[t], post{int32(i), vals[p]})
		}
	}
	sim := make([]float32, m*m)
	for i, r := range rows {
		out := sim[i*m : (i+1)*m]
		cols, vals := c.row(int(r))
		for p, t := range cols {
			v := vals[p]
			for _, q := range inv[t] {
				out[q.doc] += v * q.w
			}
		}
	}
	return sim
}
