package landscape

import (
	"strings"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
)

func (b *macroBuilder) regional() error {
	R := &b.m.Regional
	R.Region = b.cfg.Region
	c := b.cfg.Region.Country
	// agg[scope]: families, granted, inventions, alive, operated, offices per family. Without a
	// family of the region in the window (regionFams, counted with region_fam) the nation's and
	// the world's figures compare nothing, and region_rows is not run.
	agg := map[string][]float64{}
	if b.regionFams > 0 {
		rows, err := analysis.RegionRows.All(b.ctx, b.s, c, b.s.From, b.s.To)
		if err != nil {
			return err
		}
		for _, r := range rows {
			agg[r.Scope] = []float64{r.Families, r.Granted, r.Inventions, r.Alive, r.Operated, r.Offices}
		}
	}
	if agg["region"] == nil || agg["region"][0] == 0 {
		// Say which: the sources have no place data at all, none at the level the region needs
		// (a province or city region, an export without addresses or 国省代码: nobody can tell
		// whether a family is in the region), or place data at that level and none in the region.
		pd, err := analysis.PlaceData.One(b.ctx, b.s, c, c, b.s.From, b.s.To)
		if err != nil {
			return err
		}
		b.unavailable(unplacedRegion(pd, b.cfg.Region))
		return nil
	}
	ppl, err := analysis.RegionApplicants.All(b.ctx, b.s, c, b.s.From, b.s.To, c)
	if err != nil {
		return err
	}
	// pp[scope]: applicants, enterprises, universities and institutes.
	pp := map[string][]float64{}
	for _, r := range ppl {
		pp[r.Scope] = []float64{r.Applicants, r.Enterprises, r.Academia}
	}
	inv, err := analysis.RegionInventors.All(b.ctx, b.s, c, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	iv := map[string]float64{}
	for _, r := range inv {
		iv[r.Scope] = r.Inventors
	}
	world := agg["world"][0]
	// A region that is a whole country is its own nation: the nation column would repeat the
	// region's and its share of the nation be 100 % by construction, so neither is given.
	wholeCountry := b.cfg.Region.Province == "" && b.cfg.Region.City == ""
	if wholeCountry {
		b.unavailable(Unavailable{Analysis: "regional.nation", Section: "regional", Code: CodeRegionIsNation, Detail: c})
	}
	row := func(dim, ind, unit string, f func(scope string) *float64) {
		pr := PositionRow{Dimension: dim, Indicator: ind, Unit: unit, Region: f("region"), World: f("world")}
		if !wholeCountry {
			pr.Nation = f("nation")
		}
		R.Rows = append(R.Rows, pr)
	}
	ratio := func(num, den float64) *float64 {
		if den == 0 {
			return nil
		}
		v := round(num/den, 4)
		return &v
	}
	get := func(m map[string][]float64, s string, i int) float64 {
		if m[s] == nil {
			return 0
		}
		return m[s][i]
	}
	row("structure", RegFamilies, "families", func(s string) *float64 { v := get(agg, s, 0); return &v })
	row("structure", RegWorldShare, "share", func(s string) *float64 { return ratio(get(agg, s, 0), world) })
	row("structure", RegInventionShare, "share", func(s string) *float64 { return ratio(get(agg, s, 2), get(agg, s, 0)) })
	row("enterprise strength", RegApplicants, "applicants", func(s string) *float64 { v := get(pp, s, 0); return &v })
	row("enterprise strength", RegEnterpriseShare, "share", func(s string) *float64 { return ratio(get(pp, s, 1), get(pp, s, 0)) })
	row("enterprise strength", RegFamiliesPerApplicant, "families", func(s string) *float64 { return ratio(get(agg, s, 0), get(pp, s, 0)) })
	// Inventor counts, the grant share and the operation share need the data at all: a source
	// without inventor names, grants or operation facts would print 0 three times.
	if iv["world"] > 0 {
		row("talent", RegInventors, "inventors", func(s string) *float64 { v := iv[s]; return &v })
	} else {
		b.unavailable(Unavailable{Analysis: "regional.inventors", Section: "regional", Code: CodeNoInventors})
	}
	row("talent", RegAcademic, "applicants", func(s string) *float64 { v := get(pp, s, 2); return &v })
	if get(agg, "world", 1) > 0 {
		row("technology", RegGrantShare, "share", func(s string) *float64 { return ratio(get(agg, s, 1), get(agg, s, 0)) })
	} else {
		b.unavailable(Unavailable{Analysis: "regional.grant_share", Section: "regional", Code: CodeNoGrants, N: int(world)})
	}
	// The alive share needs legal-status data (without it every family is "unknown" and the
	// share printed 0 % three times).
	if statusKnown(b.m.Legal.Status) > 0 {
		row("technology", RegAliveShare, "share", func(s string) *float64 { return ratio(get(agg, s, 3), get(agg, s, 0)) })
	} else {
		b.unavailable(Unavailable{Analysis: "regional.alive_share", Section: "regional", Code: CodeNoLegalStatus})
	}
	row("technology", RegOfficesPerFamily, "offices", func(s string) *float64 { v := round(get(agg, s, 5), 2); return &v })
	spec := 0.0
	for _, br := range b.m.Technology.Branches {
		if br.Level == 1 && br.RegionRTA != nil && *br.RegionRTA > 1 {
			spec++
		}
	}
	R.Rows = append(R.Rows, PositionRow{Dimension: "technology", Indicator: RegSpecialisedBranches, Unit: "branches", Region: &spec})
	if get(agg, "world", 4) > 0 {
		row("operation", RegOperatedShare, "share", func(s string) *float64 { return ratio(get(agg, s, 4), get(agg, s, 0)) })
	} else {
		b.unavailable(Unavailable{Analysis: "regional.operation_share", Section: "regional", Code: CodeNoOperations})
	}
	// Year by year.
	yr, err := analysis.RegionByYear.All(b.ctx, b.s, c, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	people, err := analysis.RegionByYearPeople.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	py := map[int]analysis.RegionYearPeopleRow{}
	for _, r := range people {
		py[r.Year] = r
	}
	for _, r := range yr {
		y := r.Year
		ry := RegionYear{Year: y, Families: r.Region,
			ShareWorld: ratio(r.Region, r.World), Applicants: py[y].Applicants, Incomplete: b.s.Incomplete(y)}
		if iv["world"] > 0 {
			n := py[y].Inventors
			ry.Inventors = &n
		}
		if get(agg, "world", 1) > 0 {
			n := r.RegionGranted
			ry.Granted = &n
		}
		if !wholeCountry {
			ry.ShareNation = ratio(r.Region, r.Nation)
		}
		R.ByYear = append(R.ByYear, ry)
	}
	R.Basis = b.basis("family", int(agg["region"][0]), "region_rows", Note{Code: NoteBasisRegional})
	return nil
}

// unplacedRegion is the reason the region has no family: no place data at all (CodeNoPlaceData),
// none at the level a province or city region needs (CodeNoProvinceData, CodeNoCityData), else
// none of the placed families in the region (CodeNotInRegion). N: the families with any place.
func unplacedRegion(pd analysis.PlaceDataRow, rg config.Region) Unavailable {
	u := Unavailable{Analysis: "regional", Section: "regional", N: pd.N,
		Detail: strings.Join(strings.Fields(rg.Country+" "+rg.Province+" "+rg.City), " ")}
	switch {
	case pd.N == 0:
		u.Code, u.N, u.Detail = CodeNoPlaceData, 0, ""
	case rg.City != "" && pd.WithCity == 0:
		u.Code = CodeNoCityData
	case rg.City == "" && rg.Province != "" && pd.WithProvince == 0:
		u.Code = CodeNoProvinceData
	default:
		u.Code = CodeNotInRegion
	}
	return u
}
