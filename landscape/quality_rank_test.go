package landscape

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis/indicators"
)

// TestRankQuality: the ranking sorted in two halves and merged is the order one sort by the
// ranking's rules gives (written out here on the scores themselves), with many ties on the
// index, the indicators used and the forward citations, unscored families and unknown citations,
// for even and odd numbers of families.
func TestRankQuality(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000, 1001} {
		r := rand.New(rand.NewPCG(uint64(n), 9))
		scores := make([]indicators.QualityScore, n)
		fwd := make([]float64, n)
		ids := make([]string, n)
		for i := range scores {
			if r.IntN(8) > 0 {
				scores[i] = indicators.QualityScore{Index: float64(r.IntN(5)) / 4, Used: indicators.ComponentSet(r.IntN(4)), OK: true}
			} else {
				scores[i] = indicators.QualityScore{Index: math.NaN()}
			}
			fwd[i] = float64(r.IntN(3))
			if r.IntN(4) == 0 {
				fwd[i] = math.NaN()
			}
			ids[i] = fmt.Sprintf("F%05d", r.IntN(1000000)*10+i%10) // distinct up to the last digit
		}
		for i := range ids { // distinct ids
			ids[i] += fmt.Sprint(i)
		}
		got := rankQuality(scores, func(i int) (float64, string) { return fwd[i], ids[i] })
		want := make([]int, n)
		for i := range want {
			want[i] = i
		}
		slices.SortFunc(want, func(i, j int) int {
			si, sj := scores[i], scores[j]
			if si.OK != sj.OK {
				if si.OK {
					return -1
				}
				return 1
			}
			if si.OK && si.Index != sj.Index {
				return cmp.Compare(sj.Index, si.Index)
			}
			if ci, cj := si.Used.Count(), sj.Used.Count(); ci != cj {
				return cmp.Compare(cj, ci)
			}
			if fi, fj := orMinus1(fwd[i]), orMinus1(fwd[j]); fi != fj {
				return cmp.Compare(fj, fi)
			}
			return strings.Compare(ids[i], ids[j])
		})
		if !slices.Equal(got, want) {
			t.Fatalf("%d families: got %v, want %v", n, got[:min(20, n)], want[:min(20, n)])
		}
	}
}
