package landscape

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
)

// maxCore is the longest core-patent list the model holds.
const maxCore = 50

// cohortKey is a family's quality cohort: its priority year and main subclass.
type cohortKey struct {
	py       int
	subclass string
}

func (b *macroBuilder) quality() error {
	Q := &b.m.Quality
	cov, err := analysis.CitationCoverage.One(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	withSrc, internal, withClaims, n := cov.WithSource, cov.Internal, cov.WithClaims, cov.N
	in := indicators.QualityInputs{}
	useInternal := internal > 0
	if useInternal {
		Q.Indicators = append(Q.Indicators, IndForwardWindow)
		Q.CitationWindow = b.cfg.Analysis.CitationWindow
	} else if withSrc > 0 {
		Q.Indicators = append(Q.Indicators, IndForwardReported)
	} else {
		Q.Missing = append(Q.Missing, Unavailable{Analysis: "quality.forward_citations", Section: "quality", Code: CodeNoCitations})
	}
	Q.Indicators = append(Q.Indicators, IndFamilySize, IndBackward, IndGrantLag, IndScope)
	if withClaims > 0 {
		Q.Indicators = append(Q.Indicators, IndClaims)
	} else {
		Q.Missing = append(Q.Missing, Unavailable{Analysis: "quality.claims", Section: "quality", Code: CodeNoClaims})
	}
	Q.Missing = append(Q.Missing, Unavailable{Analysis: "quality.generality_originality", Section: "quality", Code: CodeNotComputed})
	type fam struct {
		fk               uint64
		id               string
		py               int
		fwd, size, scope float64
	}
	if err := b.s.PrepareQuality(b.ctx, b.cfg.Analysis.CitationWindow); err != nil {
		return err
	}
	// quality_base has a row per family in the window, n of them (citation_coverage): the
	// arrays are made at that size once instead of growing by copies (10M families: seven
	// arrays of 9.6M), and only now, so that they are not held while DuckDB makes the quality
	// tables.
	fams := make([]fam, 0, n)
	in.Cohort = make([]string, 0, n)
	if withSrc > 0 || useInternal {
		in.ForwardCitations = make([]float64, 0, n)
	}
	in.FamilySize = make([]float64, 0, n)
	in.Claims = make([]float64, 0, n)
	in.BackwardCitations = make([]float64, 0, n)
	in.GrantLag = make([]float64, 0, n)
	// One row per family in scope, streamed (Feed) in no particular order: the index and the
	// ranking below do not depend on it (see quality_base). Read through the driver (Each), the
	// rows were first materialised by DuckDB and then boxed value by value, and this callback
	// made a cohort string per family (10M families: 15.5 CPU-s in the callback). A cohort's
	// key is made once and shared by its families.
	cohorts := map[cohortKey]string{}
	err = analysis.QualityBase.Feed(b.ctx, b.s, func(r analysis.QualityBaseRow) error {
		f := fam{fk: r.FK, id: r.FamilyID, py: r.Year}
		k := cohortKey{f.py, r.Subclass}
		c, ok := cohorts[k]
		if !ok {
			c = strconv.Itoa(f.py) + "|" + r.Subclass
			cohorts[k] = c
		}
		in.Cohort = append(in.Cohort, c)
		f.fwd = math.NaN()
		if useInternal {
			f.fwd = zeroIfNil(r.FwdInternal)
		} else if r.FwdSource != nil {
			f.fwd = *r.FwdSource
		}
		if withSrc > 0 || useInternal {
			in.ForwardCitations = append(in.ForwardCitations, f.fwd)
		}
		f.size = r.FamilySize
		in.FamilySize = append(in.FamilySize, f.size)
		in.Claims = append(in.Claims, nanIfNil(r.Claims))
		in.BackwardCitations = append(in.BackwardCitations, nanIfNil(r.Backward))
		in.GrantLag = append(in.GrantLag, nanIfNil(r.GrantLag))
		f.scope = r.Scope
		fams = append(fams, f)
		return nil
	}, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	if err := b.s.Exec(b.ctx, "quality_done"); err != nil {
		return err
	}
	if len(fams) == 0 {
		b.unavailable(Unavailable{Analysis: "quality", Section: "quality", Code: CodeNoScope})
		// The table the enterprise and warning stages read exists, empty: a scope or window
		// without families is reported, not a missing-table crash downstream.
		return b.s.Exec(b.ctx, "create_fam_quality")
	}
	// OECD quality index 6: the indicators a family lacks (NaN) are left out of its mean.
	scores := indicators.QualityIndex6(in, indicators.DefaultTrim)
	order := rankQuality(scores, func(i int) (float64, string) { return fams[i].fwd, fams[i].id })
	// The scored families come first in order, by index from the highest. Each family's place in
	// it (rank) is written once, so that the loops below read the families in their own order
	// instead of in the ranking's: at 10M families each read by rank was a cache miss or two
	// into arrays of hundreds of megabytes (the table below took 9 s to fill that way).
	nOK := 0
	for _, s := range scores {
		if s.OK {
			nOK++
		}
	}
	rank := make([]int32, len(order))
	for r, i := range order {
		rank[i] = int32(r)
	}
	// The deciles read the scored families' indices from the lowest: the j-th lowest is at place
	// nOK−1−j of the ranking.
	for d := 1; d <= 9 && nOK > 0; d++ {
		Q.Deciles = append(Q.Deciles, round(scores[order[nOK-1-(nOK-1)*d/10]].Index, 3))
	}
	// Keep every family's score for the enterprise and warning stages: pct = 1 − rank/N. The
	// rows go in the families' order (the readers order them by score and family id).
	if err := b.s.Exec(b.ctx, "create_fam_quality"); err != nil {
		return err
	}
	if err := b.s.DB.Append(b.ctx, "fam_quality", func(add func(...any) error) error {
		for i := range fams {
			if !scores[i].OK {
				continue
			}
			if err := add(fams[i].fk, scores[i].Index, 1-float64(rank[i])/float64(nOK)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	core := int(math.Ceil(float64(len(fams)) * b.cfg.Analysis.CoreShare))
	core = min(core, maxCore, len(order))
	var coreIDs []string
	for _, i := range order[:core] {
		if scores[i].OK {
			coreIDs = append(coreIDs, fams[i].id)
		}
	}
	fb, err := analysis.FamilyBranchList.All(b.ctx, b.s, coreIDs)
	if err != nil {
		return err
	}
	branches := map[string][]string{}
	for _, r := range fb {
		branches[r.FamilyID] = r.Branches
	}
	det, err := analysis.QualityDetails.All(b.ctx, b.s, coreIDs)
	if err != nil {
		return err
	}
	details := map[string]analysis.QualityDetailRow{}
	for _, r := range det {
		details[r.FamilyID] = r
	}
	for _, i := range order[:len(coreIDs)] {
		f := fams[i]
		d, ok := details[f.id]
		if !ok {
			return fmt.Errorf("quality: no details for family %s", f.id)
		}
		cp := CorePatent{PubNumber: d.RepPub, FamilyID: f.id, Title: d.Title, Applicant: d.FirstApplicant, Year: f.py,
			Score: round(scores[i].Index, 3), FamilySize: int(f.size), Status: d.Status, Branches: branches[f.id],
			Components: map[string]float64{}}
		if !math.IsNaN(f.fwd) {
			cp.ForwardCites = int(f.fwd)
		}
		cp.Components["used"] = float64(scores[i].Used.Count())
		cp.Components["scope"] = f.scope
		Q.Core = append(Q.Core, cp)
	}
	Q.Basis = b.basis("family", n, "quality_base", Note{Code: NoteBasisQuality, N: maxCore, Nums: []float64{b.cfg.Analysis.CoreShare}})
	return nil
}

// nanIfNil reads a nullable number, NaN for NULL (an indicator the source does not give).
func nanIfNil(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

// zeroIfNil reads a nullable count, 0 for NULL.
func zeroIfNil(v *float64) float64 {
	if v == nil {
		return 0
	}
	return *v
}

// orMinus1 is v, or −1 when v is unknown (NaN): it orders after every count.
func orMinus1(v float64) float64 {
	if math.IsNaN(v) {
		return -1
	}
	return v
}

// qualityKey is a family's place in the quality ranking (rankQuality): its score's fields and
// forward citations beside its index, so that the sort compares keys in one array instead of
// reaching into two by index (at 10M families a comparison was a cache miss or two).
type qualityKey struct {
	index, fwd float64
	i          int32
	used       int8
	ok         bool
}

// rankQuality orders the families (their indices into scores) by quality, a total order:
// scored before unscored, then the higher index, then the score resting on more indicators
// (small cohorts saturate the index at 1), then more forward citations (fwdID gives a family's
// forward citations, NaN when unknown, and its id), then the family id. The two halves are
// sorted at once, each on a goroutine of its own, and merged: with a total order the result is
// the one a single sort gives. Unscored families (index NaN) go by the tie-breaks alone; only
// the scored ones are ranked and kept.
func rankQuality(scores []indicators.QualityScore, fwdID func(i int) (float64, string)) []int {
	keys := make([]qualityKey, len(scores))
	for i, s := range scores {
		fwd, _ := fwdID(i)
		keys[i] = qualityKey{index: s.Index, fwd: orMinus1(fwd), i: int32(i), used: int8(s.Used.Count()), ok: s.OK}
	}
	compare := func(a, b qualityKey) int {
		if a.ok != b.ok {
			if a.ok {
				return -1
			}
			return 1
		}
		if a.ok && a.index != b.index { // an unscored family's index is NaN
			return cmp.Compare(b.index, a.index)
		}
		if a.used != b.used {
			return cmp.Compare(b.used, a.used)
		}
		if a.fwd != b.fwd {
			return cmp.Compare(b.fwd, a.fwd)
		}
		_, ia := fwdID(int(a.i))
		_, ib := fwdID(int(b.i))
		return strings.Compare(ia, ib)
	}
	lo, hi := keys[:len(keys)/2], keys[len(keys)/2:]
	var wg sync.WaitGroup
	wg.Go(func() { slices.SortFunc(lo, compare) })
	slices.SortFunc(hi, compare)
	wg.Wait()
	order := make([]int, 0, len(keys))
	for len(lo) > 0 && len(hi) > 0 {
		if compare(lo[0], hi[0]) <= 0 {
			order, lo = append(order, int(lo[0].i)), lo[1:]
		} else {
			order, hi = append(order, int(hi[0].i)), hi[1:]
		}
	}
	for _, k := range lo {
		order = append(order, int(k.i))
	}
	for _, k := range hi {
		order = append(order, int(k.i))
	}
	return order
}
