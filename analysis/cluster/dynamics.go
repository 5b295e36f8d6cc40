package cluster

import (
	"fmt"
	"math"
	"slices"

	"github.com/patnav/patnav/analysis/indicators"
)

// dynamics fills each cluster's yearly counts, growth, bursts, thematic-map position and hotspot
// flag, appends the "thin" white-space findings to res.WhiteSpace and returns the last complete
// year used.
//
// Growth is indicators.CompleteCAGR over the GrowthWindow years ending at the last complete year.
// Bursts are indicators.Bursts (Kleinberg, γ = 1, s = 2, two states) on r_t = the cluster's
// documents of year t and d_t = all clustered documents of year t, over the complete years.
//
// Thematic map (indicators.StrategicDiagram): the link weight between clusters a and b is the
// mean cosine similarity of their document pairs, and a cluster's internal link weight the mean
// similarity of its own document pairs. With S_a = Σ_{i∈a} x_i (unit TF-IDF rows x_i, n_a members)
// these are exact and cheap:
//
//	w(a, b) = S_a·S_b / (n_a n_b)
//	w(a, a) = (‖S_a‖² − n_a) / (n_a (n_a − 1))     (0 when n_a < 2)
//
// Each cluster is passed with Internal = [w(a, a)], External = [w(a, b) for b ≠ a] and Size = 1:
// the weights are already per pair (like association strength, normalising removes the effect of
// cluster size), so density = mean internal similarity and centrality = Σ_b w(a, b).
//
// Hotspot: CAGR > 0 and above the CAGR of all clustered documents over the same window, or a
// burst that lasts into the last complete year.
//
// White space, kind "thin": a cluster with CAGR > 0 whose distinct first applicants number at
// most 5 or at most half the median over the clusters — a growing theme few players occupy.
func dynamics(docs *docMeta, tc textClusters, res *Result, o Options) int {
	cl := res.Clusters
	k := tc.k
	minY, maxY := math.MaxInt, math.MinInt
	for i := 0; i < docs.n; i++ {
		if y := docs.yearOf(i); tc.assign[i] >= 0 && y > 0 {
			minY, maxY = min(minY, y), max(maxY, y)
		}
	}
	last := o.LastComplete
	if minY > maxY {
		last = 0
	} else if last == 0 || last > maxY {
		last = maxY
	}
	if minY <= maxY {
		span := maxY - minY + 1
		per := make([][]int, k)
		for j := range per {
			per[j] = make([]int, span)
		}
		all := make([]int, span)
		for i := 0; i < docs.n; i++ {
			if j, y := tc.assign[i], docs.yearOf(i); j >= 0 && y > 0 {
				per[j][y-minY]++
				all[y-minY]++
			}
		}
		series := func(c []int) []indicators.YearCount {
			s := make([]indicators.YearCount, span)
			for t := range s {
				s[t] = indicators.YearCount{Year: minY + t, Count: float64(c[t])}
			}
			return s
		}
		// A CAGR needs MinGrowthEnd documents in its start and end years (see Options).
		growth := func(c []int) indicators.Growth {
			g := indicators.CompleteCAGR(series(c), last, o.GrowthWindow)
			if g.OK && (g.Start < float64(o.MinGrowthEnd) || g.End < float64(o.MinGrowthEnd)) {
				g.OK, g.CAGR = false, math.NaN()
			}
			return g
		}
		overall := growth(all)
		nComplete := last - minY + 1
		d := make([]float64, max(0, nComplete))
		for t := range d {
			d[t] = float64(all[t])
		}
		for j := 0; j < k; j++ {
			for t, v := range per[j] {
				if v > 0 {
					cl[j].Years = append(cl[j].Years, YearN{minY + t, v})
				}
			}
			g := growth(per[j])
			if g.OK {
				v := g.CAGR
				cl[j].CAGR, cl[j].CAGRFrom, cl[j].CAGRTo = &v, g.StartYear, g.EndYear
			}
			if nComplete >= 2 {
				r := make([]float64, nComplete)
				for t := range r {
					r[t] = float64(per[j][t])
				}
				b := indicators.Bursts(r, d, indicators.BurstOptions{})
				for _, s := range b.Bursts {
					cl[j].Bursts = append(cl[j].Bursts, BurstSpan{From: minY + s.Start, To: minY + s.End, Level: s.Level, Weight: s.Weight})
				}
			}
			switch {
			case g.OK && overall.OK && g.CAGR > 0 && g.CAGR > overall.CAGR:
				cl[j].Hotspot = true
				cl[j].Why = &Reason{Kind: ReasonGrowth, CAGR: g.CAGR, From: g.StartYear, To: g.EndYear, Corpus: overall.CAGR}
			case len(cl[j].Bursts) > 0 && cl[j].Bursts[len(cl[j].Bursts)-1].To == last:
				b := cl[j].Bursts[len(cl[j].Bursts)-1]
				cl[j].Hotspot = true
				cl[j].Why = &Reason{Kind: ReasonBurst, From: b.From, To: b.To, Level: b.Level, Last: last}
			}
		}
	}

	// Thematic map.
	V := len(tc.sums) / max(1, k)
	dot := func(a, b int) float64 {
		s := 0.0
		x, y := tc.sums[a*V:(a+1)*V], tc.sums[b*V:(b+1)*V]
		for t := range x {
			s += x[t] * y[t]
		}
		return s
	}
	themes := make([]indicators.ThemeCluster, k)
	for a := 0; a < k; a++ {
		na := float64(tc.size[a])
		th := indicators.ThemeCluster{ID: fmt.Sprint(a), Size: 1, Internal: []float64{0}}
		if na >= 2 {
			th.Internal[0] = math.Max(0, (dot(a, a)-na)/(na*(na-1)))
		}
		for b := 0; b < k; b++ {
			if b == a {
				continue
			}
			nb := float64(tc.size[b])
			w := 0.0
			if na > 0 && nb > 0 {
				w = math.Max(0, dot(a, b)/(na*nb))
			}
			th.External = append(th.External, w)
		}
		themes[a] = th
	}
	tm := indicators.StrategicDiagram(themes)
	for a, p := range tm.Points {
		cl[a].Centrality, cl[a].Density, cl[a].Quadrant = p.Centrality, p.Density, string(p.Quadrant)
	}

	// Thin white space.
	apps := make([]int, 0, k)
	for _, c := range cl {
		apps = append(apps, c.NApplicants)
	}
	slices.Sort(apps)
	med := 0.0
	if len(apps) > 0 {
		med = float64(apps[(len(apps)-1)/2]+apps[len(apps)/2]) / 2
	}
	for _, c := range cl {
		if c.CAGR != nil && *c.CAGR > 0 && (c.NApplicants <= 5 || float64(c.NApplicants) <= med/2) {
			res.WhiteSpace = append(res.WhiteSpace, WhiteSpace{Kind: "thin", Cluster: c.ID,
				Why: Reason{Kind: ReasonThin, CAGR: *c.CAGR, Applicants: c.NApplicants, Median: med}})
		}
	}
	return last
}
