package cluster

import (
	"cmp"
	"math"
	"slices"
)

// Surface constants.
const (
	minBandwidth = 0.01  // floor of the kernel bandwidth (map units)
	maxBandwidth = 0.033 // ceiling: 3h must fit in the map's margin
	peakFloor    = 0.12  // a peak is at least this fraction of the highest density
	peakSep      = 2.5   // peaks closer than peakSep·h to a higher one are dropped
	gapCeiling   = 0.10  // a white-space gap has density below this fraction of the highest
	gapFloor     = 0.01  // … but above this one (inside the landscape, not the empty margin)
	gapPressure  = 0.25  // … and hotspot mass nearby of at least this fraction of its maximum
	maxGaps      = 5
)

// surface computes the density grid, contours, peaks and white-space gaps of res.Points.
//
// Density: a Gaussian kernel density estimate on a Grid×Grid lattice over the unit square,
//
//	f(x) = Σ_i φ_h(x − p_i),   φ_h(v) = exp(−‖v‖² / 2h²) / (2π h²)
//
// computed by binning the points to cells and blurring with a separable Gaussian truncated at 3h.
// The bandwidth is Options.Bandwidth, else Scott's rule for two dimensions h = σ n^(−1/6) (σ the
// mean standard deviation of the coordinates), at most half the median cluster disc radius (so
// that every cluster can raise its own mountain), clamped to [0.01, 0.033].
//
// Contours: marching squares (with the saddle cases resolved by the cell-centre mean) at the
// levels ℓ_i = 0.9 · (i/L)^1.5 · max f, i = 1..L; the lattice is padded with zeros so every line
// closes.
//
// Peaks: cells higher than their 8 neighbours and ≥ 12 % of the maximum, highest first, dropping
// any within 2.5h of a higher peak; each is labelled with the cluster whose own density is highest
// there.
//
// White-space gaps: cells whose density is between 1 % and 10 % of the maximum while the density of the
// hotspot clusters blurred at 3h is at least 25 % of its maximum there; the best (score =
// hotspot mass × (1 − f/(0.1 max f))) local maxima, at most 5, at least 4h apart.
func surface(res *Result, k int, o Options) {
	G := o.Grid
	pts := res.Points
	h := o.Bandwidth
	if h <= 0 {
		h = maxBandwidth
		if n := len(pts); n > 1 {
			var mx, my, sx, sy float64
			for _, p := range pts {
				mx += p.X
				my += p.Y
			}
			mx /= float64(n)
			my /= float64(n)
			for _, p := range pts {
				sx += (p.X - mx) * (p.X - mx)
				sy += (p.Y - my) * (p.Y - my)
			}
			sigma := (math.Sqrt(sx/float64(n-1)) + math.Sqrt(sy/float64(n-1))) / 2
			h = sigma * math.Pow(float64(n), -1.0/6)
		}
		var radii []float64
		for _, c := range res.Clusters {
			radii = append(radii, c.Radius)
		}
		if len(radii) > 0 {
			slices.Sort(radii)
			h = math.Min(h, 0.5*radii[len(radii)/2])
		}
		h = math.Min(maxBandwidth, math.Max(minBandwidth, h))
	}
	hist := make([][]float64, k)
	for c := range hist {
		hist[c] = make([]float64, G*G)
	}
	for _, p := range pts {
		i := min(G-1, max(0, int(p.X*float64(G))))
		j := min(G-1, max(0, int(p.Y*float64(G))))
		hist[p.Cluster][j*G+i]++
	}
	perCluster := make([][]float64, k)
	total := make([]float64, G*G)
	area := float64(G * G) // 1 / cell area
	for c := range hist {
		perCluster[c] = blur(hist[c], G, h*float64(G))
		for i, v := range perCluster[c] {
			perCluster[c][i] = v * area
			total[i] += v * area
		}
	}
	mx := 0.0
	for _, v := range total {
		mx = math.Max(mx, v)
	}
	res.Density = Density{N: G, Bandwidth: h, Max: mx, Values: total}
	if mx <= 0 {
		return
	}
	for i := 1; i <= o.Levels; i++ {
		lv := 0.9 * math.Pow(float64(i)/float64(o.Levels), 1.5) * mx
		res.Contours = append(res.Contours, Contour{Level: lv, Lines: marchingSquares(total, G, lv)})
	}

	// Peaks.
	type cell struct {
		i int
		v float64
	}
	var cand []cell
	for j := 0; j < G; j++ {
		for i := 0; i < G; i++ {
			v := total[j*G+i]
			if v < peakFloor*mx || !localMax(total, G, i, j) {
				continue
			}
			cand = append(cand, cell{j*G + i, v})
		}
	}
	slices.SortFunc(cand, func(a, b cell) int {
		if a.v != b.v {
			return cmp.Compare(b.v, a.v)
		}
		return a.i - b.i
	})
	centre := func(idx int) (float64, float64) {
		return (float64(idx%G) + 0.5) / float64(G), (float64(idx/G) + 0.5) / float64(G)
	}
	maxPeaks := max(8, 2*k)
	for _, cd := range cand {
		x, y := centre(cd.i)
		near := false
		for _, p := range res.Peaks {
			if math.Hypot(p.X-x, p.Y-y) < peakSep*h {
				near = true
				break
			}
		}
		if near {
			continue
		}
		best := 0
		for c := 1; c < k; c++ {
			if perCluster[c][cd.i] > perCluster[best][cd.i] {
				best = c
			}
		}
		res.Peaks = append(res.Peaks, Peak{X: x, Y: y, Height: cd.v, Cluster: best, Label: res.Clusters[best].Label})
		if len(res.Peaks) == maxPeaks {
			break
		}
	}

	// White-space gaps next to hotspots.
	hot := make([]float64, G*G)
	anyHot := false
	for c := 0; c < k; c++ {
		if res.Clusters[c].Hotspot {
			anyHot = true
			for i, v := range hist[c] {
				hot[i] += v
			}
		}
	}
	if !anyHot {
		return
	}
	press := blur(hot, G, 3*h*float64(G))
	pmax := 0.0
	for _, v := range press {
		pmax = math.Max(pmax, v)
	}
	score := make([]float64, G*G)
	for i := range score {
		if total[i] < gapCeiling*mx && total[i] >= gapFloor*mx && press[i] >= gapPressure*pmax {
			score[i] = press[i] / pmax * (1 - total[i]/(gapCeiling*mx))
		}
	}
	cand = cand[:0]
	for j := 0; j < G; j++ {
		for i := 0; i < G; i++ {
			if score[j*G+i] > 0 && localMax(score, G, i, j) {
				cand = append(cand, cell{j*G + i, score[j*G+i]})
			}
		}
	}
	slices.SortFunc(cand, func(a, b cell) int {
		if a.v != b.v {
			return cmp.Compare(b.v, a.v)
		}
		return a.i - b.i
	})
	var gaps []WhiteSpace
	for _, cd := range cand {
		x, y := centre(cd.i)
		near := false
		for _, g := range gaps {
			if math.Hypot(g.X-x, g.Y-y) < 4*h {
				near = true
				break
			}
		}
		if near {
			continue
		}
		// The hotspot cluster with the most mass nearby.
		best, bv := -1, 0.0
		for c := 0; c < k; c++ {
			if res.Clusters[c].Hotspot && perCluster[c][cd.i] >= bv {
				if best < 0 || perCluster[c][cd.i] > bv {
					best, bv = c, perCluster[c][cd.i]
				}
			}
		}
		gaps = append(gaps, WhiteSpace{Kind: "gap", X: x, Y: y, Cluster: best,
			Why: Reason{Kind: ReasonGap, PeakShare: total[cd.i] / mx}})
		if len(gaps) == maxGaps {
			break
		}
	}
	res.WhiteSpace = append(res.WhiteSpace, gaps...)
}

// localMax reports whether cell (i, j) beats its 8 neighbours (ties: the lower index wins).
func localMax(v []float64, G, i, j int) bool {
	c := v[j*G+i]
	for dj := -1; dj <= 1; dj++ {
		for di := -1; di <= 1; di++ {
			if di == 0 && dj == 0 {
				continue
			}
			x, y := i+di, j+dj
			if x < 0 || y < 0 || x >= G || y >= G {
				continue
			}
			w := v[y*G+x]
			if w > c || (w == c && y*G+x < j*G+i) {
				return false
			}
		}
	}
	return true
}

// blur convolves a G×G grid with a separable Gaussian of standard deviation s cells, truncated
// at 3s and normalised to sum 1 (mass leaving the grid is lost).
func blur(src []float64, G int, s float64) []float64 {
	s = math.Max(s, 0.5)
	r := int(math.Ceil(3 * s))
	ker := make([]float64, 2*r+1)
	sum := 0.0
	for i := range ker {
		x := float64(i - r)
		ker[i] = math.Exp(-x * x / (2 * s * s))
		sum += ker[i]
	}
	for i := range ker {
		ker[i] /= sum
	}
	tmp := make([]float64, G*G)
	for j := 0; j < G; j++ {
		for i := 0; i < G; i++ {
			v := src[j*G+i]
			if v == 0 {
				continue
			}
			for d := -r; d <= r; d++ {
				if x := i + d; x >= 0 && x < G {
					tmp[j*G+x] += v * ker[d+r]
				}
			}
		}
	}
	out := make([]float64, G*G)
	for j := 0; j < G; j++ {
		for i := 0; i < G; i++ {
			v := tmp[j*G+i]
			if v == 0 {
				continue
			}
			for d := -r; d <= r; d++ {
				if y := j + d; y >= 0 && y < G {
					out[y*G+i] += v * ker[d+r]
				}
			}
		}
	}
	return out
}

// msSegments lists, for each marching-squares case (bit 0 top-left, 1 top-right, 2 bottom-right,
// 3 bottom-left corner at or above the level), the pairs of crossed edges (0 top, 1 right,
// 2 bottom, 3 left). The saddles 5 and 10 are resolved in marchingSquares.
var msSegments = [16][][2]int{
	{}, {{3, 0}}, {{0, 1}}, {{3, 1}}, {{1, 2}}, nil, {{0, 2}}, {{3, 2}},
	{{2, 3}}, {{0, 2}}, nil, {{1, 2}}, {{1, 3}}, {{0, 1}}, {{3, 0}}, {},
}

// marchingSquares returns the closed iso-lines of the G×G grid v (cell-centre samples) at level
// lv, as flat x, y lists in map units (cell (i, j) centre at ((i+½)/G, (j+½)/G)).
func marchingSquares(v []float64, G int, lv float64) [][]float64 {
	W := G + 2 // padded with a ring of zeros
	at := func(I, J int) float64 {
		if I < 1 || J < 1 || I > G || J > G {
			return 0
		}
		return v[(J-1)*G+(I-1)]
	}
	type seg struct{ a, b int } // edge ids
	var segs []seg
	// Edge ids: horizontal (I,J)–(I+1,J) → 2(J·W+I); vertical (I,J)–(I,J+1) → 2(J·W+I)+1.
	hEdge := func(I, J int) int { return 2 * (J*W + I) }
	vEdge := func(I, J int) int { return 2*(J*W+I) + 1 }
	for J := 0; J+1 < W; J++ {
		for I := 0; I+1 < W; I++ {
			tl, tr, br, bl := at(I, J), at(I+1, J), at(I+1, J+1), at(I, J+1)
			idx := 0
			if tl >= lv {
				idx |= 1
			}
			if tr >= lv {
				idx |= 2
			}
			if br >= lv {
				idx |= 4
			}
			if bl >= lv {
				idx |= 8
			}
			pairs := msSegments[idx]
			centreIn := (tl+tr+br+bl)/4 >= lv
			switch idx {
			case 5:
				if centreIn {
					pairs = [][2]int{{0, 1}, {2, 3}}
				} else {
					pairs = [][2]int{{3, 0}, {1, 2}}
				}
			case 10:
				if centreIn {
					pairs = [][2]int{{3, 0}, {1, 2}}
				} else {
					pairs = [][2]int{{0, 1}, {2, 3}}
				}
			}
			edge := [4]int{hEdge(I, J), vEdge(I+1, J), hEdge(I, J+1), vEdge(I, J)}
			for _, p := range pairs {
				segs = append(segs, seg{edge[p[0]], edge[p[1]]})
			}
		}
	}
	point := func(e int) (float64, float64) {
		I, J := (e/2)%W, (e/2)/W
		I2, J2 := I+1, J
		if e%2 == 1 {
			I2, J2 = I, J+1
		}
		a, b := at(I, J), at(I2, J2)
		t := 0.5
		if b != a {
			t = (lv - a) / (b - a)
		}
		x := float64(I) + t*float64(I2-I)
		y := float64(J) + t*float64(J2-J)
		// Padded index I is the cell centre (I − ½)/G.
		return (x - 0.5) / float64(G), (y - 0.5) / float64(G)
	}
	byEdge := map[int][]int{}
	for si, s := range segs {
		byEdge[s.a] = append(byEdge[s.a], si)
		byEdge[s.b] = append(byEdge[s.b], si)
	}
	used := make([]bool, len(segs))
	var lines [][]float64
	for si := range segs {
		if used[si] {
			continue
		}
		used[si] = true
		start, cur := segs[si].a, segs[si].b
		x, y := point(start)
		line := []float64{x, y}
		for {
			x, y = point(cur)
			line = append(line, x, y)
			if cur == start {
				break
			}
			nxt := -1
			for _, sj := range byEdge[cur] {
				if !used[sj] {
					nxt = sj
					break
				}
			}
			if nxt < 0 {
				break
			}
			used[nxt] = true
			if segs[nxt].a == cur {
				cur = segs[nxt].b
			} else {
				cur = segs[nxt].a
			}
		}
		lines = append(lines, line)
	}
	return lines
}
