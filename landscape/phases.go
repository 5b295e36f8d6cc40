package landscape

import "math"

// phaseLabel classifies a year-on-year growth rate g (the thresholds of phases).
func phaseLabel(g float64) string {
	switch {
	case g > 0.20:
		return "rapid growth"
	case g > 0.05:
		return "growth"
	case g < -0.05:
		return "decline"
	}
	return "plateau"
}

// mergeBlips merges a single-year phase into the phase before it only when the merged span's
// mean annual growth, (N_to / N_(from−1))^(1/years) − 1, carries the earlier phase's label, so
// the phases read as periods without contradicting the numbers. (They were merged whatever
// their labels: a report said "2001–2011: decline" while families rose from 9 to 36.) Every
// phase then carries the label of its own span's mean growth: a run of years in one band has its
// geometric mean in that band, and a merge keeps the label only when the mean agrees.
func mergeBlips(out []Phase, s []YearPoint) []Phase {
	val := make(map[int]float64, len(s))
	for _, p := range s {
		val[p.Year] = p.N
	}
	var merged []Phase
	for _, p := range out {
		if n := len(merged); n > 0 && p.From == p.To && merged[n-1].To == p.From-1 {
			prev := merged[n-1]
			start, end := val[prev.From-1], val[p.To]
			if start > 0 && end > 0 {
				g := math.Pow(end/start, 1/float64(p.To-prev.From+1)) - 1
				if phaseLabel(g) == prev.Label {
					merged[n-1].To = p.To
					continue
				}
			}
		}
		merged = append(merged, p)
	}
	return merged
}
