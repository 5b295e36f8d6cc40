package landscape

import (
	"math"
	"sort"

	"github.com/patnav/patnav/analysis"
)

// counts turns keyed counts into Counts, N rounded to nDigits.
func counts(rows []analysis.KeyNRow, nDigits int) []Count {
	out := make([]Count, 0, len(rows))
	for _, r := range rows {
		out = append(out, Count{Key: r.K, N: round(r.N, nDigits)})
	}
	return out
}

func shareOf(cs []Count) {
	t := 0.0
	for _, c := range cs {
		t += c.N
	}
	if t == 0 {
		return
	}
	for i := range cs {
		cs[i].Share = round(cs[i].N/t, 4)
	}
}

func sumCounts(s []YearPoint) float64 {
	t := 0.0
	for _, p := range s {
		t += p.N
	}
	return t
}

func rankBy(all []Applicant, n int, key func(Applicant) float64) []Count {
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := key(all[idx[i]]), key(all[idx[j]])
		if a != b {
			return a > b
		}
		return all[idx[i]].Name < all[idx[j]].Name
	})
	var out []Count
	for _, i := range idx {
		if len(out) == n || key(all[i]) == 0 {
			break
		}
		out = append(out, Count{Key: all[i].Name, N: key(all[i])})
	}
	return out
}

func topKeys(m map[string]float64, n int) []string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func round(v float64, digits int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}
