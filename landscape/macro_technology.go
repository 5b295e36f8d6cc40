package landscape

import (
	"math"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
)

func (b *macroBuilder) technology() error {
	T := &b.m.Technology
	T.Years = b.years
	flat := b.cfg.Flatten()
	trend, err := analysis.BranchTrend.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	byBranch := map[string]map[int]float64{}
	for _, r := range trend {
		if byBranch[r.BranchID] == nil {
			byBranch[r.BranchID] = map[int]float64{}
		}
		byBranch[r.BranchID][r.Year] = r.N
	}
	lifeCycles, err := analysis.BranchLifeCycle.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	lcRows := map[string][]analysis.LifeCycleRow{}
	for _, r := range lifeCycles {
		lcRows[r.BranchID] = append(lcRows[r.BranchID], analysis.LifeCycleRow{Year: r.Year, Applications: r.Applications, Applicants: r.Applicants})
	}
	concentrations, err := analysis.BranchConcentration.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	appl := map[string][]Count{}
	conc := map[string]Concentration{}
	for _, r := range concentrations {
		c := sqlConcentration(r.HHI, r.CR4, r.CR8, r.Applicants)
		if !MinConcentration.Met(c.N) {
			c.Band = string(indicators.ConcentrationUndefined) // too few applicants: reports print no figure
		}
		conc[r.BranchID] = c
		for i := range r.TopNames {
			appl[r.BranchID] = append(appl[r.BranchID], Count{Key: r.TopNames[i], N: round(r.TopN[i], 2)})
		}
	}
	// Region × branch for the region's RTA.
	if err := b.regionFamilies(); err != nil {
		return err
	}
	// Without a family in the region the RTA has no numerator: region_branch is not run.
	var regionBranches []analysis.RegionBranchRow
	if b.regionFams > 0 {
		if regionBranches, err = analysis.RegionBranch.All(b.ctx, b.s, b.s.From, b.s.To); err != nil {
			return err
		}
	}
	regB, worldB := map[string]float64{}, map[string]float64{}
	var regTot, worldTot float64
	for _, r := range regionBranches {
		regB[r.BranchID], worldB[r.BranchID] = r.Region, r.World
	}
	for _, br := range flat {
		if br.Level == 1 {
			regTot += regB[br.ID]
			worldTot += worldB[br.ID]
		}
	}
	allGrowth := b.m.Trend.CAGR
	totalFam := sumCounts(b.m.Trend.Series)
	lc := b.s.LastComplete()
	// Burst input: complete years only.
	var dAll []float64
	var bYears []int
	for _, y := range b.years {
		if !b.s.Incomplete(y) {
			dAll = append(dAll, b.total[y])
			bYears = append(bYears, y)
		}
	}
	bo := indicators.BurstOptions{S: b.cfg.Analysis.Burst.Scale, Gamma: b.cfg.Analysis.Burst.Gamma, States: b.cfg.Analysis.Burst.States}
	for _, br := range flat {
		vals := byBranch[br.ID]
		fams := 0.0
		for _, v := range vals {
			fams += v
		}
		st := BranchStats{ID: br.ID, Name: br.Name, Level: br.Level, Parent: br.Parent, Families: fams,
			TopApplicants: appl[br.ID]}
		st.Trend, _ = b.trendOf(vals, "branch_trend", "family")
		if totalFam > 0 {
			st.Share = round(fams/totalFam, 4)
		}
		if st.Trend.CAGR != nil && allGrowth != nil {
			if rg, ok := indicators.RelativeGrowth(*st.Trend.CAGR, *allGrowth); ok {
				v := round(rg, 3)
				st.RelGrowth = &v
			}
		}
		st.Concentration = conc[br.ID]
		if st.Concentration.Band == "" {
			st.Concentration.Band = string(indicators.ConcentrationUndefined)
		}
		lcb, _ := b.lifeCycleOf(lcRows[br.ID])
		st.Stage = lcb.Stage
		if regTot > 0 && worldTot > 0 && worldB[br.ID] > 0 {
			v := round((regB[br.ID]/regTot)/(worldB[br.ID]/worldTot), 3)
			st.RegionRTA = &v
		}
		var rr []float64
		for _, y := range bYears {
			rr = append(rr, vals[y])
		}
		if br2 := indicators.Bursts(rr, dAll, bo); br2.OK {
			for _, x := range br2.Bursts {
				st.Bursts = append(st.Bursts, Burst{From: bYears[x.Start], To: bYears[x.End], Level: x.Level, Weight: round(x.Weight, 2)})
			}
		}
		var why []Note
		for _, x := range st.Bursts {
			if x.To >= lc-2 {
				why = append(why, Note{Code: NoteHotBurst, Nums: []float64{float64(x.From), float64(x.To), x.Weight}})
			}
		}
		if st.RelGrowth != nil && *st.RelGrowth >= 1.2 && st.Share >= 0.02 {
			why = append(why, Note{Code: NoteHotGrowth, Nums: []float64{*st.RelGrowth}})
		}
		if len(why) > 0 {
			st.Hotspot, st.HotspotWhy = true, why
			T.Hotspots = append(T.Hotspots, br.ID)
		}
		T.Branches = append(T.Branches, st)
		row := make([]float64, len(b.years))
		for i, y := range b.years {
			row[i] = vals[y]
		}
		T.Heat = append(T.Heat, row)
	}
	// Country × level-1 branch RTA.
	countries, err := analysis.CountryBranch.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	cTot := map[string]float64{}
	cb := map[[2]string]float64{}
	for _, r := range countries {
		cTot[r.Country] += r.N
		cb[[2]string{r.Country, r.BranchID}] = r.N
	}
	T.Countries = topKeys(cTot, 10)
	// Distinct families per country (cTot counts a family once per branch): a country below
	// MinRTAFamilies keeps its row, with no figures (n/a), as a branch's concentration below
	// MinConcentration; it still enters the denominators.
	cFams, err := analysis.CountryFamilies.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	nFams := map[string]int{}
	for _, r := range cFams {
		nFams[r.K] = int(r.N)
	}
	for _, br := range flat {
		if br.Level == 1 {
			T.RTABranches = append(T.RTABranches, br.ID)
		}
	}
	var mat [][]float64
	keys := sortedKeys(cTot) // every country enters the denominators
	pos := map[string]int{}
	for i, c := range keys {
		pos[c] = i
		row := make([]float64, len(T.RTABranches))
		for j, id := range T.RTABranches {
			row[j] = cb[[2]string{c, id}]
		}
		mat = append(mat, row)
	}
	if len(mat) > 0 && len(T.RTABranches) > 0 {
		ai := indicators.RTA(mat)
		for _, c := range T.Countries {
			row := make([]*float64, len(T.RTABranches))
			if !MinRTAFamilies.Met(nFams[c]) {
				T.RTA = append(T.RTA, row)
				continue
			}
			for j := range T.RTABranches {
				if v := ai.RTA[pos[c]][j]; !math.IsNaN(v) && !math.IsInf(v, 0) {
					x := round(v, 3)
					row[j] = &x
				}
			}
			T.RTA = append(T.RTA, row)
		}
	}
	// IPC subclasses.
	subclasses, err := analysis.SubclassTrend.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	subVals := map[string]map[int]float64{}
	subTot := map[string]float64{}
	for _, r := range subclasses {
		if subVals[r.Subclass] == nil {
			subVals[r.Subclass] = map[int]float64{}
		}
		subVals[r.Subclass][r.Year] = r.N
		subTot[r.Subclass] += r.N
	}
	for _, c := range topKeys(subTot, 15) {
		tr, _ := b.trendOf(subVals[c], "subclass_trend", "family")
		ss := SubclassStats{Code: c, Families: subTot[c], CAGR: tr.CAGR}
		if totalFam > 0 {
			ss.Share = round(subTot[c]/totalFam, 4)
		}
		var rr []float64
		for _, y := range bYears {
			rr = append(rr, subVals[c][y])
		}
		if br2 := indicators.Bursts(rr, dAll, bo); br2.OK {
			for _, x := range br2.Bursts {
				ss.Bursts = append(ss.Bursts, Burst{From: bYears[x.Start], To: bYears[x.End], Level: x.Level, Weight: round(x.Weight, 2)})
				if bYears[x.End] >= lc-2 {
					T.Hotspots = append(T.Hotspots, c)
				}
			}
		}
		T.Subclasses = append(T.Subclasses, ss)
	}
	T.Hotspots = uniq(T.Hotspots)
	T.Basis = b.basis("family", int(totalFam), "branch_trend", Note{Code: NoteBasisTechnology})
	return nil
}

// regionFamilies makes region_fam, the families with an applicant in the region, and counts
// those in the window (regionFams).
func (b *macroBuilder) regionFamilies() error {
	rg := b.cfg.Region
	if err := b.s.Exec(b.ctx, "region_families", rg.Country, rg.Province, rg.Province, rg.City, rg.City); err != nil {
		return err
	}
	n, err := analysis.RegionCount.One(b.ctx, b.s, b.s.From, b.s.To)
	b.regionFams = n.N
	return err
}
