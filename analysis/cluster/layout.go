package cluster

import (
	"math"
	"math/rand/v2"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// lsaDims is the dimension of the LSA space the layout works in.
const lsaDims = 50

// layoutResult holds the document points and the cluster centres on the unit square.
type layoutResult struct {
	points     []Point
	centres    [][2]float64
	radius     []float64 // disc radius of each cluster in map units
	sampleSize int
}

// Layout constants.
const (
	mixMax     = 0.35 // how far (fraction of the way) an ambiguous document moves to its runner-up cluster
	mixKappa   = 12.0 // sharpness of that pull: weight exp(−κ (sim_own − sim_other))
	gapFactor  = 1.15 // cluster discs are kept (R_a + R_b)·gapFactor apart
	margin     = 0.1  // margin of the unit square left free (the density needs room for 3h)
	jitterSize = 0.12 // jitter, in disc radii
)

// layout places every clustered document on the unit square (navigation.md §7, the "cluster-aware
// coordinates" recipe):
//
//  1. LSA: a truncated SVD (randomised range finder with two power iterations, Halko, Martinsson
//     & Tropp 2011) of the TF-IDF rows of a seeded sample of at most MaxDocs documents gives a
//     projection to ≤ 50 dimensions; every document is projected and normalised to unit length.
//  2. Cluster centres: classical MDS (Torgerson) of the chord distances √(2 − 2 cos) between the
//     clusters' TF-IDF centroids; each cluster gets a disc of radius R_c ∝ √(size_c); the discs
//     are packed by 300 deterministic rounds of gravity towards the origin, attraction between
//     clusters more similar than average, and pairwise overlap removal.
//  3. Documents: p = P_a + u·R_a + λ (P_b − P_a), where a is the document's cluster, u its
//     coordinates on the two principal axes of its cluster in LSA space (PCA fitted on the sample,
//     scaled by 2 standard deviations and squashed into the unit disc by tanh of the radius), b the
//     cluster whose LSA centroid is the next most similar and λ = 0.35·exp(−12 (cos_a − cos_b)):
//     documents between two themes sit between their mountains.
//     A small jitter (±0.12 R_a, from an FNV hash of the document ID) separates documents with
//     identical text.
//  4. Everything is scaled uniformly into [0.1, 0.9]².
func layout(docs *docMeta, c *corpus, tc textClusters, o Options) layoutResult {
	k := tc.k
	var rows []int32
	for i, a := range tc.assign {
		if a >= 0 {
			rows = append(rows, int32(i))
		}
	}
	samp := sample(rows, o.MaxDocs, o.Seed, streamLay)
	P, d := lsaProjection(c, samp, o.Seed)
	nw := workers(o)

	// project writes document r's unit-length LSA coordinates into zi (len d, zeroed).
	project := func(r int32, zi []float64) {
		cols, vals := c.row(int(r))
		addProjection(zi, cols, vals, P)
		unit(zi)
	}
	// The sample's coordinates are kept (the cluster centroids and local PCA are fitted on them);
	// every other document's are computed as it is placed, so memory does not grow with d per
	// document.
	zs := make([]float64, len(samp)*d)
	parallelBlocks(len(samp), nw, func(lo, hi int) {
		for i := lo; i < hi; i++ {
			project(samp[i], zs[i*d:(i+1)*d])
		}
	})

	// Cluster LSA centroids and local PCA on the sample members.
	mu := make([]float64, k*d)
	cnt := make([]int, k)
	for i, r := range samp {
		a := tc.assign[r]
		zi := zs[i*d : (i+1)*d]
		for q, v := range zi {
			mu[a*d+q] += v
		}
		cnt[a]++
	}
	mean := make([]float64, k*d)
	for a := 0; a < k; a++ {
		for q := 0; q < d; q++ {
			if cnt[a] > 0 {
				mean[a*d+q] = mu[a*d+q] / float64(cnt[a])
			}
		}
		unit(mu[a*d : (a+1)*d])
	}
	axes := make([][2][]float64, k)
	scale := make([][2]float64, k)
	covs := make([]*mat.SymDense, k)
	for a := range covs {
		covs[a] = mat.NewSymDense(d, nil)
	}
	diff := make([]float64, d)
	for i, r := range samp {
		a := tc.assign[r]
		zi := zs[i*d : (i+1)*d]
		for q := range diff {
			diff[q] = zi[q] - mean[a*d+q]
		}
		covs[a].SymRankOne(covs[a], 1, mat.NewVecDense(d, diff))
	}
	for a := 0; a < k; a++ {
		axes[a] = [2][]float64{make([]float64, d), make([]float64, d)}
		if cnt[a] < 3 {
			continue
		}
		var eig mat.EigenSym
		if !eig.Factorize(covs[a], true) {
			continue
		}
		vals := eig.Values(nil)
		var vecs mat.Dense
		eig.VectorsTo(&vecs)
		for s := 0; s < 2; s++ {
			col := d - 1 - s // eigenvalues ascending
			mat.Col(axes[a][s], col, &vecs)
			fixSign(axes[a][s])
			scale[a][s] = 2 * math.Sqrt(math.Max(vals[col]/float64(cnt[a]), 1e-12))
		}
	}

	centres, radius := clusterCentres(tc)

	// Place the documents. A document's similarity to each cluster's LSA centroid adds its
	// coordinates' products in coordinate order; the k sums are made side by side (muT, the
	// centroids coordinate major), so that each waits on its own last addition only, not one
	// sum after another each waiting on its own: the same sums in the same order
	// (sidewaysSims, 2.4 times as fast again as the plain side-by-side loop). The two axes'
	// coordinates are summed side by side alike.
	muT := make([]float64, d*k)
	for b := 0; b < k; b++ {
		for q := 0; q < d; q++ {
			muT[q*k+b] = mu[b*d+q]
		}
	}
	pts := make([][2]float64, len(rows))
	parallelBlocks(len(rows), nw, func(lo, hi int) {
		sims := make([]float64, k)
		zi := make([]float64, d)
		for i := lo; i < hi; i++ {
			a := tc.assign[rows[i]]
			clear(zi)
			project(rows[i], zi)
			sidewaysSims(zi, muT, sims)
			u := axisCoords(zi, mean[a*d:a*d+d], axes[a][0], axes[a][1])
			for s := 0; s < 2; s++ {
				if scale[a][s] > 0 {
					u[s] /= scale[a][s]
				} else {
					u[s] = 0
				}
			}
			if rr := math.Hypot(u[0], u[1]); rr > 0 {
				f := math.Tanh(rr) / rr
				u[0], u[1] = u[0]*f, u[1]*f
			}
			// Documents with identical text would sit on one spot: a small deterministic jitter
			// from the ID's hash shows how many there are.
			jx, jy := jitter(docs.id(int(rows[i])))
			p := [2]float64{centres[a][0] + (u[0]+jitterSize*jx)*radius[a], centres[a][1] + (u[1]+jitterSize*jy)*radius[a]}
			b := -1
			for x := 0; x < k; x++ {
				if x != a && (b < 0 || sims[x] > sims[b]) {
					b = x
				}
			}
			if b >= 0 {
				lam := mixMax * math.Exp(-mixKappa*math.Max(0, sims[a]-sims[b]))
				p[0] += lam * (centres[b][0] - centres[a][0])
				p[1] += lam * (centres[b][1] - centres[a][1])
			}
			pts[i] = p
		}
	})

	// Scale into the unit square.
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	for _, p := range centres {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	span := math.Max(maxX-minX, maxY-minY)
	if !(span > 0) {
		span = 1
	}
	f := (1 - 2*margin) / span
	ox := margin + ((1-2*margin)-(maxX-minX)*f)/2
	oy := margin + ((1-2*margin)-(maxY-minY)*f)/2
	tr := func(p [2]float64) [2]float64 { return [2]float64{ox + (p[0]-minX)*f, oy + (p[1]-minY)*f} }
	out := layoutResult{sampleSize: len(samp), points: make([]Point, len(rows)), centres: make([][2]float64, k)}
	for i, r := range rows {
		p := tr(pts[i])
		out.points[i] = Point{ID: docs.id(int(r)), X: p[0], Y: p[1], Cluster: tc.assign[r], Title: docs.title(int(r))}
	}
	out.radius = make([]float64, k)
	for a := range centres {
		out.centres[a] = tr(centres[a])
		out.radius[a] = radius[a] * f
	}
	return out
}

// sidewaysSims sets sims[b] to Σ_q z[q]·μ_b[q], the sum taken in coordinate order, from the
// centroids stored coordinate major (muT[q*k+b], k = len(sims)): the k sums side by side.
func sidewaysSims(z, muT, sims []float64) {
	k := len(sims)
	clear(sims)
	// Two coordinates a pass over the k sums (addTwo, as bestCentroid), each sum still adding its
	// products in coordinate order.
	q := 0
	for ; q+1 < len(z); q += 2 {
		addTwo(sims, muT[q*k:q*k+k], muT[q*k+k:q*k+2*k], z[q], z[q+1])
	}
	if q < len(z) {
		addOne(sims, muT[q*k:q*k+k], z[q])
	}
}

// addProjection adds x·P to z (len d): x is the sparse row (cols, vals), P the V×d projection
// term major. Each coordinate adds its terms' products in the row's column order, two terms a
// pass over the coordinates (half the loads and stores of z of one term a pass; the same sums).
func addProjection(z []float64, cols []int32, vals []float32, P []float64) {
	d := len(z)
	vals = vals[:len(cols)]
	p := 0
	for ; p+1 < len(cols); p += 2 {
		addTwo(z, P[int(cols[p])*d:int(cols[p])*d+d], P[int(cols[p+1])*d:int(cols[p+1])*d+d], float64(vals[p]), float64(vals[p+1]))
	}
	if p < len(cols) {
		addOne(z, P[int(cols[p])*d:int(cols[p])*d+d], float64(vals[p]))
	}
}

// axisCoords is (Σ_q (z[q]−mean[q])·x0[q], Σ_q (z[q]−mean[q])·x1[q]), each taken in coordinate
// order, side by side.
func axisCoords(z, mean, x0, x1 []float64) [2]float64 {
	var u [2]float64
	mean, x0, x1 = mean[:len(z)], x0[:len(z)], x1[:len(z)]
	for q, v := range z {
		dv := v - mean[q]
		u[0] += dv * x0[q]
		u[1] += dv * x1[q]
	}
	return u
}

// clusterCentres places the clusters by classical MDS of their centroid chord distances and
// relaxes overlaps of the discs of radius R_c = √(size_c / max size).
func clusterCentres(tc textClusters) ([][2]float64, []float64) {
	k := tc.k
	V := len(tc.sums) / k
	norm := make([]float64, k)
	for a := 0; a < k; a++ {
		s := 0.0
		for _, v := range tc.sums[a*V : (a+1)*V] {
			s += v * v
		}
		norm[a] = math.Sqrt(s)
	}
	d2 := mat.NewSymDense(k, nil)
	for a := 0; a < k; a++ {
		for b := a + 1; b < k; b++ {
			cos := 0.0
			if norm[a] > 0 && norm[b] > 0 {
				x, y := tc.sums[a*V:(a+1)*V], tc.sums[b*V:(b+1)*V]
				for t := range x {
					cos += x[t] * y[t]
				}
				cos /= norm[a] * norm[b]
			}
			d2.SetSym(a, b, math.Max(0, 2-2*cos))
		}
	}
	// B = −½ J D² J.
	rowMean := make([]float64, k)
	all := 0.0
	for a := 0; a < k; a++ {
		for b := 0; b < k; b++ {
			rowMean[a] += d2.At(a, b)
		}
		all += rowMean[a]
		rowMean[a] /= float64(k)
	}
	all /= float64(k * k)
	B := mat.NewSymDense(k, nil)
	for a := 0; a < k; a++ {
		for b := a; b < k; b++ {
			B.SetSym(a, b, -0.5*(d2.At(a, b)-rowMean[a]-rowMean[b]+all))
		}
	}
	X := make([][2]float64, k)
	var eig mat.EigenSym
	if k >= 2 && eig.Factorize(B, true) {
		vals := eig.Values(nil)
		var vecs mat.Dense
		eig.VectorsTo(&vecs)
		for s := 0; s < 2 && s < k; s++ {
			col := k - 1 - s
			v := mat.Col(nil, col, &vecs)
			fixSign(v)
			l := math.Sqrt(math.Max(vals[col], 0))
			for a := 0; a < k; a++ {
				X[a][s] = v[a] * l
			}
		}
	}
	maxSize := 1
	for _, s := range tc.size {
		maxSize = max(maxSize, s)
	}
	R := make([]float64, k)
	sumR := 0.0
	for a := range R {
		R[a] = math.Sqrt(float64(max(tc.size[a], 1)) / float64(maxSize))
		sumR += R[a]
	}
	// Scale the MDS cloud to a spread comparable to the discs, then pack: gravity towards the
	// origin, attraction between clusters more similar than average, and overlap removal.
	rms := 0.0
	for _, p := range X {
		rms += p[0]*p[0] + p[1]*p[1]
	}
	rms = math.Sqrt(rms / float64(k))
	if rms > 0 {
		f := sumR / math.Sqrt(float64(k)) * 1.5 / rms
		for a := range X {
			X[a][0] *= f
			X[a][1] *= f
		}
	}
	meanCos, maxCos := 0.0, 0.0
	if k > 1 {
		for a := 0; a < k; a++ {
			for b := a + 1; b < k; b++ {
				c := 1 - d2.At(a, b)/2
				meanCos += c
				maxCos = math.Max(maxCos, c)
			}
		}
		meanCos /= float64(k * (k - 1) / 2)
	}
	separate := func() bool {
		moved := false
		for a := 0; a < k; a++ {
			for b := a + 1; b < k; b++ {
				dx, dy := X[b][0]-X[a][0], X[b][1]-X[a][1]
				dist := math.Hypot(dx, dy)
				need := (R[a] + R[b]) * gapFactor
				if dist >= need {
					continue
				}
				if dist < 1e-9 {
					ang := float64(a*7+b*13) * 0.618 * 2 * math.Pi
					dx, dy, dist = math.Cos(ang), math.Sin(ang), 1
				}
				push := (need - dist) / 2 * 1.01
				X[a][0] -= dx / dist * push
				X[a][1] -= dy / dist * push
				X[b][0] += dx / dist * push
				X[b][1] += dy / dist * push
				moved = true
			}
		}
		return moved
	}
	for it := 0; it < 300; it++ {
		for a := range X {
			X[a][0] *= 0.97
			X[a][1] *= 0.97
		}
		if maxCos > meanCos {
			for a := 0; a < k; a++ {
				for b := a + 1; b < k; b++ {
					c := 1 - d2.At(a, b)/2
					if c <= meanCos {
						continue
					}
					dx, dy := X[b][0]-X[a][0], X[b][1]-X[a][1]
					dist := math.Hypot(dx, dy)
					need := (R[a] + R[b]) * gapFactor
					if dist <= need {
						continue
					}
					pull := 0.05 * (c - meanCos) / (maxCos - meanCos) * (dist - need) / 2
					X[a][0] += dx / dist * pull
					X[a][1] += dy / dist * pull
					X[b][0] -= dx / dist * pull
					X[b][1] -= dy / dist * pull
				}
			}
		}
		for s := 0; s < 5 && separate(); s++ {
		}
	}
	for it := 0; it < 1000 && separate(); it++ {
	}
	return X, R
}

// lsaProjection returns the V×d (term-major) projection P whose rows map a TF-IDF row x to its
// LSA coordinates x·P = x V_d (the top-d right singular vectors of the sample matrix A).
func lsaProjection(c *corpus, rows []int32, seed uint64) ([]float64, int) {
	V := len(c.terms)
	m := len(rows)
	d := min(lsaDims, V, max(1, m-1))
	l := min(d+10, V, m)
	if l < d {
		d = l
	}
	rng := rand.New(rand.NewPCG(seed, streamLay+1))
	omega := make([]float64, V*l)
	for i := range omega {
		omega[i] = rng.NormFloat64()
	}
	// Y = A Ω (m×l); two power iterations Y = A (Aᵀ Q).
	Y := mat.NewDense(m, l, nil)
	mulA := func(src []float64, dst *mat.Dense) { // dst = A · src (src V×l term-major)
		for i, r := range rows {
			row := dst.RawRowView(i)
			clear(row)
			cols, vals := c.row(int(r))
			for p, t := range cols {
				v := float64(vals[p])
				s := src[int(t)*l : int(t)*l+l]
				for q := range row {
					row[q] += v * s[q]
				}
			}
		}
	}
	mulAT := func(Q *mat.Dense, dst []float64) { // dst = Aᵀ Q (V×l)
		clear(dst)
		for i, r := range rows {
			qrow := Q.RawRowView(i)
			cols, vals := c.row(int(r))
			for p, t := range cols {
				v := float64(vals[p])
				s := dst[int(t)*l : int(t)*l+l]
				for q := range s {
					s[q] += v * qrow[q]
				}
			}
		}
	}
	// orth orthonormalises the columns of Y in place by modified Gram–Schmidt, applied twice
	// ("twice is enough", Giraud et al. 2005); a column that vanishes is left zero.
	orth := func(Y *mat.Dense) *mat.Dense {
		cols := make([][]float64, l)
		for j := range cols {
			cols[j] = mat.Col(nil, j, Y)
		}
		for pass := 0; pass < 2; pass++ {
			for j, cj := range cols {
				for _, cq := range cols[:j] {
					dot := 0.0
					for i, v := range cq {
						dot += v * cj[i]
					}
					for i, v := range cq {
						cj[i] -= dot * v
					}
				}
				nrm := 0.0
				for _, v := range cj {
					nrm += v * v
				}
				nrm = math.Sqrt(nrm)
				for i := range cj {
					if nrm > 1e-12 {
						cj[i] /= nrm
					} else {
						cj[i] = 0
					}
				}
			}
		}
		for j, cj := range cols {
			Y.SetCol(j, cj)
		}
		return Y
	}
	mulA(omega, Y)
	Q := orth(Y)
	Z := make([]float64, V*l)
	for it := 0; it < 2; it++ {
		mulAT(Q, Z)
		mulA(Z, Y)
		Q = orth(Y)
	}
	mulAT(Q, Z) // Z = Aᵀ Q = Bᵀ (V×l)
	// B Bᵀ = Zᵀ Z (l×l) = U_B Σ² U_Bᵀ; V_d = Z U_B Σ⁻¹.
	g := make([]float64, l*l)
	for t := 0; t < V; t++ {
		zt := Z[t*l : t*l+l]
		for a, za := range zt {
			if za == 0 {
				continue
			}
			ga := g[a*l : a*l+l]
			for b := a; b < l; b++ {
				ga[b] += za * zt[b]
			}
		}
	}
	for a := 0; a < l; a++ {
		for b := 0; b < a; b++ {
			g[a*l+b] = g[b*l+a]
		}
	}
	G := mat.NewSymDense(l, g)
	var eig mat.EigenSym
	P := make([]float64, V*d)
	if !eig.Factorize(G, true) {
		return P, d
	}
	vals := eig.Values(nil)
	var U mat.Dense
	eig.VectorsTo(&U)
	for s := 0; s < d; s++ {
		col := l - 1 - s
		sigma := math.Sqrt(math.Max(vals[col], 0))
		if sigma == 0 {
			continue
		}
		u := mat.Col(nil, col, &U)
		fixSign(u)
		for t := 0; t < V; t++ {
			zt := Z[t*l : t*l+l]
			x := 0.0
			for a, w := range u {
				x += zt[a] * w
			}
			P[t*d+s] = x / sigma
		}
	}
	return P, d
}

// fixSign flips v so that its largest-magnitude component is positive (eigenvectors are defined
// up to sign; this makes the layout independent of the solver's choice).
func fixSign(v []float64) {
	bi := 0
	for i := range v {
		if math.Abs(v[i]) > math.Abs(v[bi]) {
			bi = i
		}
	}
	if len(v) > 0 && v[bi] < 0 {
		for i := range v {
			v[i] = -v[i]
		}
	}
}

func unit(v []float64) {
	s := 0.0
	for _, x := range v {
		s += x * x
	}
	if s > 0 {
		s = 1 / math.Sqrt(s)
		for i := range v {
			v[i] *= s
		}
	}
}

// parallelBlocks calls f on fixed blocks of [0, n) from nw goroutines. f must write only to
// per-index outputs, so the result does not depend on scheduling.
func parallelBlocks(n, nw int, f func(lo, hi int)) {
	const block = 4096
	nb := (n + block - 1) / block
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < nw; w++ {
		wg.Go(func() {
			for b := range next {
				f(b*block, min(n, (b+1)*block))
			}
		})
	}
	for b := 0; b < nb; b++ {
		next <- b
	}
	close(next)
	wg.Wait()
}

// FNV-1a's 64-bit offset basis and prime.
const (
	fnvOffset64 = 14695981039346656037
	fnvPrime64  = 1099511628211
)

// jitter returns two deterministic values in [−1, 1] from the FNV-1a hash of id.
func jitter(id string) (float64, float64) {
	// FNV-1a (64-bit) of the ID's bytes, written out: hash/fnv's, without its two allocations
	// per document (TestJitterIsFNV1a).
	v := uint64(fnvOffset64)
	for i := 0; i < len(id); i++ {
		v ^= uint64(id[i])
		v *= fnvPrime64
	}
	return float64(v&0xffff)/0xffff*2 - 1, float64((v>>16)&0xffff)/0xffff*2 - 1
}
