package indicators

import (
	"fmt"
	"math"
)

// BurstOptions configure Bursts. Zero fields take the defaults of
// DefaultBurstOptions.
type BurstOptions struct {
	// S is the rate multiplier between consecutive states: p_i = p0·S^i
	// (default 2; must be > 1).
	S float64
	// Gamma scales the cost of moving up a state (default 1; must be > 0).
	Gamma float64
	// States is the number of states 0..States−1 (default 2; must be ≥ 2).
	States int
}

// DefaultBurstOptions are γ = 1, s = 2 and two states (Kleinberg 2002).
var DefaultBurstOptions = BurstOptions{S: 2, Gamma: 1, States: 2}

// maxBurstRate caps the state rates below 1 so that ln(1 − p) stays finite.
const maxBurstRate = 0.9999

// Burst is a maximal run of periods in an elevated state.
type Burst struct {
	Start, End int     // period indices, inclusive
	Level      int     // the highest state reached in the run (≥ 1)
	Weight     float64 // Σ_{t∈run} (cost_0(t) − cost_{q_t}(t)) > 0
}

// BurstResult is the outcome of Bursts.
type BurstResult struct {
	P0     float64 // base rate Σr/Σd
	States []int   // the cheapest state sequence, one per period
	Bursts []Burst // in time order; empty when nothing bursts
	OK     bool
	Reason string // why detection was not possible, when !OK
}

// Bursts runs Kleinberg's batched burst detection (Kleinberg 2002, "Bursty
// and hierarchical structure in streams", §4 "enumerating bursts" for
// batched arrivals; navigation.md §5) on a series of n periods where r[t]
// of d[t] documents are relevant (e.g. families of a branch among all
// families of year t).
//
//	p0       = Σ_t r_t / Σ_t d_t
//	p_i      = min(p0 · s^i, 0.9999)                       i = 0..S−1
//	cost_i(t)= −ln[ C(d_t, r_t) · p_i^r_t · (1 − p_i)^(d_t − r_t) ]
//	τ(i→j)   = (j − i) · γ · ln n   for j > i;   0 for j ≤ i
//
// The state path q_1..q_n minimising Σ_t τ(q_{t−1}→q_t) + cost_{q_t}(t),
// starting from q_0 = 0, is found by the Viterbi algorithm (ties go to the
// lower state). A burst is a maximal run of periods with q_t > 0; its level
// is the highest state in the run and its weight is the likelihood gain over
// the base state, Σ over the run of cost_0(t) − cost_{q_t}(t).
//
// Counts may be fractional (C(d, r) via the log-gamma function). A period
// with d_t = 0 costs 0 in every state. With Σr = 0 there is no burst (OK,
// all states 0). The result is unavailable (OK=false, Reason set) for an
// empty series or Σd = 0.
//
// r and d of different lengths, a negative or NaN count, r_t > d_t, or
// invalid non-zero options (S ≤ 1, Gamma < 0, States < 2) panic.
func Bursts(r, d []float64, opt BurstOptions) BurstResult {
	if len(r) != len(d) {
		panic(fmt.Sprintf("indicators: Bursts: len(r)=%d, len(d)=%d", len(r), len(d)))
	}
	opt = burstDefaults(opt)
	n := len(r)
	res := BurstResult{P0: math.NaN()}
	sumR, sumD := 0.0, 0.0
	for t := range r {
		if !(r[t] >= 0) || !(d[t] >= 0) || math.IsInf(d[t], 0) || r[t] > d[t] {
			panic(fmt.Sprintf("indicators: Bursts: invalid counts r=%g d=%g at period %d", r[t], d[t], t))
		}
		sumR += r[t]
		sumD += d[t]
	}
	if n == 0 {
		res.Reason = "empty series"
		return res
	}
	if sumD == 0 {
		res.Reason = "no documents in any period (Σd = 0)"
		return res
	}
	res.P0 = sumR / sumD
	res.OK = true
	res.States = make([]int, n)
	if sumR == 0 {
		return res
	}

	ns := opt.States
	lnP := make([]float64, ns)
	ln1P := make([]float64, ns)
	for i := 0; i < ns; i++ {
		p := math.Min(res.P0*math.Pow(opt.S, float64(i)), maxBurstRate)
		lnP[i], ln1P[i] = math.Log(p), math.Log1p(-p)
	}
	up := opt.Gamma * math.Log(float64(n))

	cost := make([]float64, n*ns) // cost[t*ns+i]
	for t := 0; t < n; t++ {
		if d[t] == 0 {
			continue
		}
		lc := lchoose(d[t], r[t])
		for i := 0; i < ns; i++ {
			ll := lc + (d[t]-r[t])*ln1P[i]
			if r[t] > 0 {
				ll += r[t] * lnP[i]
			}
			cost[t*ns+i] = -ll
		}
	}

	// Viterbi.
	back := make([]int, n*ns)
	cur := make([]float64, ns)
	next := make([]float64, ns)
	for j := 0; j < ns; j++ {
		cur[j] = float64(j)*up + cost[j]
	}
	for t := 1; t < n; t++ {
		for j := 0; j < ns; j++ {
			bestI, best := 0, math.Inf(1)
			for i := 0; i < ns; i++ {
				c := cur[i]
				if j > i {
					c += float64(j-i) * up
				}
				if c < best {
					best, bestI = c, i
				}
			}
			next[j] = best + cost[t*ns+j]
			back[t*ns+j] = bestI
		}
		cur, next = next, cur
	}
	q := 0
	for j := 1; j < ns; j++ {
		if cur[j] < cur[q] {
			q = j
		}
	}
	for t := n - 1; t >= 0; t-- {
		res.States[t] = q
		q = back[t*ns+q]
	}

	for t := 0; t < n; t++ {
		if res.States[t] == 0 {
			continue
		}
		b := Burst{Start: t}
		for ; t < n && res.States[t] > 0; t++ {
			s := res.States[t]
			b.Level = max(b.Level, s)
			b.Weight += cost[t*ns] - cost[t*ns+s]
		}
		b.End = t - 1
		res.Bursts = append(res.Bursts, b)
	}
	return res
}

func burstDefaults(opt BurstOptions) BurstOptions {
	if opt.S == 0 {
		opt.S = DefaultBurstOptions.S
	}
	if opt.Gamma == 0 {
		opt.Gamma = DefaultBurstOptions.Gamma
	}
	if opt.States == 0 {
		opt.States = DefaultBurstOptions.States
	}
	if !(opt.S > 1) || !(opt.Gamma > 0) || opt.States < 2 {
		panic(fmt.Sprintf("indicators: Bursts: invalid options %+v (need S > 1, Gamma > 0, States ≥ 2)", opt))
	}
	return opt
}

// lchoose returns ln C(n, k) = lnΓ(n+1) − lnΓ(k+1) − lnΓ(n−k+1).
func lchoose(n, k float64) float64 {
	a, _ := math.Lgamma(n + 1)
	b, _ := math.Lgamma(k + 1)
	c, _ := math.Lgamma(n - k + 1)
	return a - b - c
}
