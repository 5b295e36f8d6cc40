package indicators

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// HIndex returns the patent h-index of a set of patents (of an inventor, an
// applicant, …) from their forward-citation counts: the largest h such that
// h patents are each cited at least h times (Hirsch 2005, applied to
// patents). No patents, or no cited patent, gives 0 — a defined value, not a
// missing one. A negative count panics.
//
// Example: counts 10, 8, 5, 4, 3 give h = 4 (four patents with ≥ 4
// citations, not five with ≥ 5).
func HIndex(cites []int) int {
	s := append([]int(nil), cites...)
	for _, c := range s {
		if c < 0 {
			panic(fmt.Sprintf("indicators: HIndex: negative citation count %d", c))
		}
	}
	sort.Sort(sort.Reverse(sort.IntSlice(s)))
	h := 0
	for i, c := range s {
		if c >= i+1 {
			h = i + 1
		} else {
			break
		}
	}
	return h
}

// ForwardCitations counts the citations a patent received within `years`
// years of its publication: the citing dates d with d < published + years
// (calendar years, time.AddDate). Citing dates before the publication date
// (possible when the citing date is a filing or priority date) are counted.
//
// complete is false when the window is truncated, i.e. it ends after the
// data cut-off (published + years > cutoff): the count is then a lower bound
// and must not be compared with complete windows (recent cohorts).
// navigation.md §5 uses a 5-year window (7 as an alternative). years ≤ 0
// panics.
func ForwardCitations(published time.Time, citing []time.Time, years int, cutoff time.Time) (count int, complete bool) {
	if years <= 0 {
		panic(fmt.Sprintf("indicators: ForwardCitations with years=%d", years))
	}
	end := published.AddDate(years, 0, 0)
	for _, d := range citing {
		if d.Before(end) {
			count++
		}
	}
	return count, !end.After(cutoff)
}

// classConcentration returns Σ_j s_j² where s_j is the share of class j among
// patents, each patent weighing 1 split equally over its distinct non-empty
// classes, and N, the number of patents with at least one class.
func classConcentration(classes [][]string) (sumSq float64, n int) {
	w := map[string]float64{}
	for _, cl := range classes {
		uniq := distinct(cl)
		if len(uniq) == 0 {
			continue
		}
		n++
		for _, c := range uniq {
			w[c] += 1 / float64(len(uniq))
		}
	}
	for _, v := range w {
		s := v / float64(n)
		sumSq += s * s
	}
	return sumSq, n
}

func distinct(cl []string) []string {
	seen := make(map[string]bool, len(cl))
	var out []string
	for _, c := range cl {
		if c != "" && !seen[c] {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// Generality is Hall, Jaffe & Trajtenberg's generality of a patent from the
// technology classes of the patents citing it (navigation.md §5):
//
//	G = 1 − Σ_j s_j²
//
// where s_j is the share of citing patents in class j; a citing patent with
// m distinct classes counts 1/m in each (citing patents with no class are
// skipped). With biasCorrected, G is multiplied by N/(N − 1), N the number
// of citing patents (Hall 2002, "A note on the bias in Herfindahl-type
// measures based on count data"), which removes the downward bias of
// patents with few citations.
//
// ok is false and the value NaN when no citing patent has a class, or when
// biasCorrected and N = 1 (a single citation carries no information on
// spread). The class level (IPC subclass, main group, …) is the caller's
// choice and must be the same across a cohort.
func Generality(citingClasses [][]string, biasCorrected bool) (float64, bool) {
	return herfindahlDiversity(citingClasses, biasCorrected)
}

// Originality is the originality of a patent from the technology classes
// of the patents it cites: O = 1 − Σ_j s_j² over the cited patents' classes,
// with shares and multi-class patents handled as in Generality. navigation.md
// §5 defines it without the bias correction; biasCorrected applies the same
// N/(N − 1) factor as Generality. ok is false and the value NaN when no cited
// patent has a class, or when biasCorrected and N = 1.
func Originality(citedClasses [][]string, biasCorrected bool) (float64, bool) {
	return herfindahlDiversity(citedClasses, biasCorrected)
}

func herfindahlDiversity(classes [][]string, biasCorrected bool) (float64, bool) {
	sumSq, n := classConcentration(classes)
	if n == 0 || (biasCorrected && n == 1) {
		return math.NaN(), false
	}
	g := 1 - sumSq
	if biasCorrected {
		g *= float64(n) / float64(n-1)
	}
	return g, true
}

// Radicalness is the share of the cited patents' technology codes that are
// not among the patent's own codes (Shane 2001; the OECD patent-quality
// indicator of Squicciarini, Dernis & Criscuolo 2013):
//
//	radicalness = #{(j, c): c a code of cited patent j, c ∉ own} / #{(j, c)}
//
// Codes are counted once per cited patent (duplicates within a patent
// dropped; empty codes skipped). ok is false and the value NaN when the
// cited patents carry no code. The code level (e.g. IPC subclass or main
// group) is the caller's choice.
func Radicalness(own []string, citedClasses [][]string) (float64, bool) {
	mine := make(map[string]bool, len(own))
	for _, c := range own {
		mine[c] = true
	}
	total, outside := 0, 0
	for _, cl := range citedClasses {
		for _, c := range distinct(cl) {
			total++
			if !mine[c] {
				outside++
			}
		}
	}
	if total == 0 {
		return math.NaN(), false
	}
	return float64(outside) / float64(total), true
}

// DefaultBreakthroughShare is the top share of a cohort flagged as
// breakthrough (1 %, navigation.md §5).
const DefaultBreakthroughShare = 0.01

// Breakthrough flags the patents in the top `top` share (e.g.
// DefaultBreakthroughShare = 0.01) of forward citations within their cohort
// (priority year × field, as an opaque key): patent i of a cohort of n
// patents is flagged when
//
//	cites_i > 0  and  #{j in cohort: cites_j > cites_i} < top · n
//
// so ties at the threshold are all flagged, and uncited patents never are.
// In a cohort smaller than 1/top this flags the most-cited patent(s) only;
// cohorts with fewer than minCohort patents get no flag at all (pass 0 to
// flag every cohort). NaN citation counts (missing) are never flagged and do
// not count in n. cites and cohort of different lengths, a negative count,
// or top outside (0, 1) panic.
func Breakthrough(cites []float64, cohort []string, top float64, minCohort int) []bool {
	if len(cites) != len(cohort) {
		panic(fmt.Sprintf("indicators: Breakthrough: len(cites)=%d, len(cohort)=%d", len(cites), len(cohort)))
	}
	if !(top > 0 && top < 1) {
		panic(fmt.Sprintf("indicators: Breakthrough: top share %g outside (0, 1)", top))
	}
	groups := map[string][]int{}
	for i, c := range cites {
		if c < 0 || math.IsInf(c, 0) {
			panic(fmt.Sprintf("indicators: Breakthrough: invalid citation count %g at %d", c, i))
		}
		if !math.IsNaN(c) {
			groups[cohort[i]] = append(groups[cohort[i]], i)
		}
	}
	flags := make([]bool, len(cites))
	for _, idx := range groups {
		n := len(idx)
		if n < minCohort {
			continue
		}
		sort.Slice(idx, func(a, b int) bool { return cites[idx[a]] > cites[idx[b]] })
		limit := top * float64(n)
		above := 0 // patents with strictly more citations than the current one
		for k, i := range idx {
			if k > 0 && cites[i] < cites[idx[k-1]] {
				above = k
			}
			if float64(above) >= limit || cites[i] == 0 {
				break
			}
			flags[i] = true
		}
	}
	return flags
}
