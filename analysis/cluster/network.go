package cluster

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"
)

// streamLouvain is the PCG stream base of the Louvain runs (stream + index in the sweep).
const streamLouvain = 4 << 32

// classNetwork builds the main-group co-occurrence network and its communities (VOSviewer's
// recipe, van Eck & Waltman 2009, 2014):
//
//	c_ij = number of documents carrying both main groups i and j (i ≠ j)
//	s_i  = Σ_j c_ij                                   (total co-occurrences of i)
//	a_ij = c_ij / (s_i s_j)                           (association strength)
//
// Main groups that never co-occur are left out (they would be singleton communities). For every
// resolution γ of the sweep, gonum's Louvain (community.Modularize) runs with the PCG source
// (Seed, streamLouvain+index), and the partition's modularity is computed at γ (Q) and at γ = 1
// (Q1, comparable across the sweep).
//
// Rule: among the partitions with at least 3 communities holding ≥ 1 % of the nodes each, the one
// with the highest Q1 (ties: the lower γ); when none qualifies, the highest Q1 overall.
func classNetwork(docs *docMeta, o Options) ClassNetwork {
	var net ClassNetwork
	names := docs.codeNames // sorted: a code's id is its index
	co := map[[2]int64]float64{}
	for i := 0; i < docs.n; i++ {
		ids := docs.codesOf(i)
		for a := range ids {
			for b := a + 1; b < len(ids); b++ {
				co[[2]int64{int64(ids[a]), int64(ids[b])}]++
			}
		}
	}
	keys := make([][2]int64, 0, len(co))
	for k := range co {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(x, y [2]int64) int {
		if x[0] != y[0] {
			return cmp.Compare(x[0], y[0])
		}
		return cmp.Compare(x[1], y[1])
	})
	s := make([]float64, len(names))
	for _, k := range keys {
		s[k[0]] += co[k]
		s[k[1]] += co[k]
	}
	g := simple.NewWeightedUndirectedGraph(0, 0)
	for i := range names {
		if s[i] > 0 {
			g.AddNode(simple.Node(i))
			net.Nodes++
		} else {
			net.Isolated++
		}
	}
	for _, k := range keys {
		w := co[k] / (s[k[0]] * s[k[1]])
		g.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(k[0]), T: simple.Node(k[1]), W: w})
	}
	net.Edges = len(keys)
	net.Modularity = math.NaN()
	if net.Nodes < 2 || net.Edges == 0 {
		net.Rule = NetNone
		return net
	}

	type run struct {
		res   Resolution
		comms [][]graph.Node
	}
	var runs []run
	minSize := max(1, int(math.Ceil(0.01*float64(net.Nodes))))
	for ri, gamma := range o.Resolutions {
		red := community.Modularize(g, gamma, rand.NewPCG(o.Seed, streamLouvain+uint64(ri)))
		comms := red.Communities()
		for _, c := range comms {
			slices.SortFunc(c, func(a, b graph.Node) int { return cmp.Compare(a.ID(), b.ID()) })
		}
		large := 0
		for _, c := range comms {
			if len(c) >= minSize {
				large++
			}
		}
		r := Resolution{Resolution: gamma, Communities: len(comms), Large: large,
			Q: modularity(keys, co, s, comms, gamma), Q1: modularity(keys, co, s, comms, 1)}
		net.Sweep = append(net.Sweep, r)
		runs = append(runs, run{r, comms})
	}
	pick := -1
	for i, r := range runs {
		if r.res.Large >= 3 && (pick < 0 || r.res.Q1 > runs[pick].res.Q1) {
			pick = i
		}
	}
	net.Rule = NetLarge
	if pick < 0 {
		for i, r := range runs {
			if pick < 0 || r.res.Q1 > runs[pick].res.Q1 {
				pick = i
			}
		}
		net.Rule = NetFallback
	}
	net.Chosen = runs[pick].res.Resolution
	net.Modularity = runs[pick].res.Q1

	// Communities: codes by weighted degree; documents carrying any of their codes.
	deg := make([]float64, len(names))
	for _, k := range keys {
		w := co[k] / (s[k[0]] * s[k[1]])
		deg[k[0]] += w
		deg[k[1]] += w
	}
	comm := make([]int, len(names))
	for i := range comm {
		comm[i] = -1
	}
	comms := runs[pick].comms
	// Order communities by size (desc), then smallest code.
	slices.SortFunc(comms, func(a, b []graph.Node) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return cmp.Compare(a[0].ID(), b[0].ID())
	})
	for ci, c := range comms {
		codes := make([]int64, len(c))
		for i, nd := range c {
			codes[i] = nd.ID()
			comm[nd.ID()] = ci
		}
		slices.SortFunc(codes, func(a, b int64) int {
			if deg[a] != deg[b] {
				return cmp.Compare(deg[b], deg[a])
			}
			return cmp.Compare(a, b)
		})
		cm := Community{ID: ci}
		for _, id := range codes {
			cm.Codes = append(cm.Codes, names[id])
		}
		net.Communities = append(net.Communities, cm)
	}
	seen := make([]int, len(comms))
	for i := range seen {
		seen[i] = -1
	}
	for di := 0; di < docs.n; di++ {
		for _, c := range docs.codesOf(di) {
			if ci := comm[c]; ci >= 0 && seen[ci] != di {
				seen[ci] = di
				net.Communities[ci].Families++
			}
		}
	}
	return net
}

// modularity returns the modularity of a partition of the association-strength network
// (Newman 2006 with the resolution γ of Reichardt & Bornholdt 2006), summed in a fixed order so
// that it is bit-for-bit reproducible (gonum's community.Q sums in map order):
//
//	Q = Σ_c [ W_c / m − γ (K_c / 2m)² ]
//
// with m the total edge weight, W_c the weight of the edges inside community c and K_c the sum of
// the weighted degrees of its nodes.
func modularity(keys [][2]int64, co map[[2]int64]float64, s []float64, comms [][]graph.Node, gamma float64) float64 {
	comm := make([]int, len(s))
	for i := range comm {
		comm[i] = -1
	}
	for ci, c := range comms {
		for _, nd := range c {
			comm[nd.ID()] = ci
		}
	}
	in := make([]float64, len(comms))
	deg := make([]float64, len(comms))
	m := 0.0
	for _, k := range keys {
		w := co[k] / (s[k[0]] * s[k[1]])
		m += w
		a, b := comm[k[0]], comm[k[1]]
		deg[a] += w
		deg[b] += w
		if a == b {
			in[a] += w
		}
	}
	if m == 0 {
		return math.NaN()
	}
	q := 0.0
	for c := range comms {
		q += in[c]/m - gamma*(deg[c]/(2*m))*(deg[c]/(2*m))
	}
	return q
}
