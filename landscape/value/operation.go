package value

import (
	"context"
	"sort"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape/enterprise"
)

// operation ranks the gaps and lists the candidates: the region's alive, high-value families
// held by a university or institute, in a branch where a gap was found. The gaps are the local
// enterprise navigations' ranked branch gaps when there are any; else the region's enterprises
// taken together: a branch with at least min_families families in scope where the region's
// enterprise families are absent or under-represented, RTA = (E_b / E) / (I_b / I) < 1, scored
// (1 − min(RTA, 1)) · I_b / I and ranked by that score.
func operation(fams []FamilyValue, rows []analysis.ValueFamilyRow, es []*enterprise.Enterprise, cfg *config.Config, names map[string]config.Text, a *Assessment) {
	op := &a.Operation
	op.Gaps = []Gap{}
	op.Candidates = []Candidate{}
	for _, e := range es {
		if e == nil || e.Role == "benchmark" {
			continue
		}
		rank := 0
		for _, g := range e.Layout.Gaps {
			if g.Dimension != "" && g.Dimension != "branch" {
				continue
			}
			rank++
			op.Gaps = append(op.Gaps, Gap{Enterprise: e.ID, EnterpriseName: e.Name, Branch: g.ID, BranchName: names[g.ID], Rank: rank, Score: g.Score, RTA: g.RTA})
		}
	}
	if len(op.Gaps) > 0 {
		op.GapSource = "enterprises"
	} else {
		op.GapSource = "region"
		op.Gaps = regionGaps(rows, cfg, names, a.Meta.MinFamilies)
	}
	gapsOf := map[string][]Gap{}
	for _, g := range op.Gaps {
		gapsOf[g.Branch] = append(gapsOf[g.Branch], g)
	}
	for i, f := range fams {
		holder, kind := "", ""
		for k, n := range rows[i].Applicants {
			if k < len(rows[i].Kinds) && (rows[i].Kinds[k] == "university" || rows[i].Kinds[k] == "institute") {
				holder, kind = n, rows[i].Kinds[k]
				break
			}
		}
		if !f.Region || holder == "" {
			continue
		}
		op.Academic++
		if !f.Alive {
			continue
		}
		op.Alive++
		if !f.HighValue {
			continue
		}
		op.HighValue++
		var m []Gap
		for _, b := range f.Branches {
			m = append(m, gapsOf[b]...)
		}
		if len(m) == 0 {
			continue
		}
		sort.SliceStable(m, func(i, j int) bool {
			if m[i].Rank != m[j].Rank {
				return m[i].Rank < m[j].Rank
			}
			return m[i].Enterprise+m[i].Branch < m[j].Enterprise+m[j].Branch
		})
		op.Candidates = append(op.Candidates, Candidate{FamilyValue: f, Holder: holder, HolderKind: kind, Matches: m})
	}
	sort.SliceStable(op.Candidates, func(i, j int) bool {
		ci, cj := op.Candidates[i], op.Candidates[j]
		if ci.Matches[0].Rank != cj.Matches[0].Rank {
			return ci.Matches[0].Rank < cj.Matches[0].Rank
		}
		if ci.Score != cj.Score {
			return ci.Score > cj.Score
		}
		return ci.FamilyID < cj.FamilyID
	})
	switch {
	case len(op.Gaps) == 0:
		op.Reason = &Reason{Code: NoGaps, N: len(cfg.Flatten())}
	case len(op.Candidates) == 0:
		op.Reason = &Reason{Code: NoCandidates, N: op.Academic}
	}
}

// regionGaps finds the region's enterprises' gaps (see operation).
func regionGaps(rows []analysis.ValueFamilyRow, cfg *config.Config, names map[string]config.Text, minN int) []Gap {
	ind, ent := map[string]int{}, map[string]int{}
	I, E := 0, 0
	for _, r := range rows {
		isEnt := false
		if r.Region {
			for _, k := range r.Kinds {
				isEnt = isEnt || k == "enterprise"
			}
		}
		I++
		if isEnt {
			E++
		}
		for _, b := range r.Branches {
			ind[b]++
			if isEnt {
				ent[b]++
			}
		}
	}
	var gaps []Gap
	for _, b := range cfg.Flatten() {
		if ind[b.ID] < minN || I == 0 {
			continue
		}
		g := Gap{Branch: b.ID, BranchName: names[b.ID], EnterpriseName: config.Text{}}
		dist := 1.0
		if E > 0 {
			rta := (float64(ent[b.ID]) / float64(E)) / (float64(ind[b.ID]) / float64(I))
			g.RTA = &rta
			if rta >= 1 {
				continue
			}
			dist = 1 - rta
		}
		g.Score = dist * float64(ind[b.ID]) / float64(I)
		gaps = append(gaps, g)
	}
	sort.SliceStable(gaps, func(i, j int) bool {
		if gaps[i].Score != gaps[j].Score {
			return gaps[i].Score > gaps[j].Score
		}
		return gaps[i].Branch < gaps[j].Branch
	})
	for i := range gaps {
		gaps[i].Rank = i + 1
	}
	return gaps
}

// trends reads the operation events per year, region vs industry.
func trends(ctx context.Context, s *analysis.Session, rg []any, rows []analysis.ValueFamilyRow, a *Assessment) error {
	known := 0
	for _, r := range rows {
		if r.OpsKnown {
			known++
		}
	}
	a.Trends = []Trend{}
	if known == 0 {
		a.TrendReason = &Reason{Code: NoOperationData, N: len(rows)}
		return nil
	}
	by := map[string]*Trend{}
	err := analysis.ValueOperationYears.Each(ctx, s, func(r analysis.ValueOperationRow) error {
		t := by[r.Measure]
		if t == nil {
			t = &Trend{Measure: r.Measure}
			by[r.Measure] = t
		}
		t.Series = append(t.Series, TrendPoint{Year: r.Year, Region: r.Region, Industry: r.Industry})
		return nil
	}, rg...)
	if err != nil {
		return err
	}
	for _, m := range []string{"transfers", "licences", "pledges"} {
		if t := by[m]; t != nil {
			a.Trends = append(a.Trends, *t)
		}
	}
	if len(a.Trends) == 0 {
		a.TrendReason = &Reason{Code: NoOperationData, N: known}
	}
	return nil
}
