package effect

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// RunIDLayout formats a run time (UTC) as a run id and history file name stem (the warnings'
// layout, so both histories name a run alike).
const RunIDLayout = "20060102T150405.000000000Z"

// unitOf and basisOf describe each measure.
var unitOf = map[string]string{"invention_share": "share", "industry_share": "share", "branch_share": "share",
	"enterprises_filing": "applicants", "universities_filing": "applicants",
	"families_per_10k": "per_10k", "grants_per_10k": "per_10k", "invention_stock_per_10k": "per_10k", "high_value_per_10k": "per_10k"}

var basisOf = map[string]string{"grants": "event_year", "transfers": "event_year", "licences": "event_year",
	"pledges": "event_year", "alive_high_value": "cutoff", "grants_per_10k": "event_year",
	"invention_stock_per_10k": "cutoff", "high_value_per_10k": "cutoff"}

// DefaultIndicators is the set used when the config has no effect block: every measure once
// (its id the measure's name), the transfers, licences and pledges into and out of the region
// ("transfers-in", "transfers-out" …) and a branch_share per level-1 branch ("share-<branch>").
func DefaultIndicators(cfg *config.Config) []config.EffectIndicator {
	var out []config.EffectIndicator
	for _, m := range config.EffectMeasures {
		if m == "branch_share" {
			continue
		}
		out = append(out, config.EffectIndicator{ID: m, Measure: m})
		if m == "transfers" || m == "licences" || m == "pledges" {
			for _, d := range []string{DirIn, DirOut} {
				out = append(out, config.EffectIndicator{ID: m + "-" + d, Measure: m, Direction: d})
			}
		}
	}
	for _, b := range cfg.Branches {
		out = append(out, config.EffectIndicator{ID: "share-" + b.ID, Measure: "branch_share", Branch: b.ID, Name: b.Name})
	}
	return out
}

// Build computes the effect tracking of s's config over its lake, as of now (the run time).
func Build(ctx context.Context, s *analysis.Session, now time.Time) (*Tracking, error) {
	if s == nil || s.Cfg == nil {
		return nil, fmt.Errorf("effect: no analysis session")
	}
	cfg := s.Cfg
	now = now.UTC()
	inds, minBase, def := DefaultIndicators(cfg), 5, true
	if cfg.Effect != nil {
		inds, minBase, def = cfg.Effect.Indicators, cfg.Effect.MinBase, false
	}
	t := &Tracking{Meta: Meta{RunID: now.Format(RunIDLayout), Generated: now.Format(time.RFC3339),
		Cutoff: s.Cutoff.Format("2006-01-02"), From: s.From, To: s.Cutoff.Year(), LastComplete: s.LastComplete(),
		Industry: cfg.Industry.Name, Config: cfg.Region, Languages: cfg.Analysis.Languages, Default: def,
		MinBase: minBase, PatnavVersion: landscape.Version}}
	if t.Meta.From > t.Meta.To {
		t.Meta.From = t.Meta.To
	}
	placed, err := region(ctx, s, t)
	if err != nil {
		return nil, err
	}
	d, err := load(ctx, s)
	if err != nil {
		return nil, err
	}
	d.placed = placed
	t.Region.Families, t.Region.Industry = d.cov.Families, d.industry
	// A year after the latest filing in scope is not covered by the data (a cut-off defaulted
	// from the clock when the sources have no publication dates): never computed.
	if d.lastFiling > 0 && d.lastFiling < t.Meta.To {
		t.Meta.To = max(d.lastFiling, t.Meta.From)
	}
	names := map[string]config.Text{}
	for _, b := range cfg.Flatten() {
		names[b.ID] = b.Name
	}
	for _, c := range inds {
		in := Indicator{ID: c.ID, Name: c.Name, Measure: c.Measure, Branch: c.Branch, BranchName: names[c.Branch],
			Direction: c.Direction, Unit: unitOf[c.Measure], Basis: basisOf[c.Measure], Target: c.Target, TargetYear: c.TargetYear}
		if in.Direction != "" {
			in.Unit = "operations"
		}
		if in.Unit == "" {
			in.Unit = "families"
		}
		if in.Basis == "" {
			in.Basis = "filing_year"
		}
		d.fill(t, &in)
		progress(t, &in)
		t.Indicators = append(t.Indicators, in)
	}
	return t, nil
}

// region matches the config's region at the narrowest level the data carries and creates the
// eff_app and eff_fam tables; it returns the applicants in scope with any place (0: the sources
// carry no place data at all).
func region(ctx context.Context, s *analysis.Session, t *Tracking) (int, error) {
	rg := s.Cfg.Region
	pc, err := analysis.EffectPlaceCoverage.One(ctx, s, rg.Country, rg.Country, rg.Country)
	if err != nil {
		return 0, err
	}
	r := &t.Region
	r.CountryApplicants, r.WithProvince, r.WithCity = pc.CountryApps, pc.WithProvince, pc.WithCity
	prov, city := rg.Province, rg.City
	r.Wanted = "country"
	switch {
	case city != "":
		r.Wanted = "city"
	case prov != "":
		r.Wanted = "province"
	}
	if pc.WithCity == 0 {
		city = ""
	}
	if pc.WithProvince == 0 {
		prov = ""
	}
	r.Level = "country"
	switch {
	case city != "":
		r.Level = "city"
	case prov != "":
		r.Level = "province"
	}
	if err := s.Exec(ctx, "effect_region", rg.Country, prov, prov, city, city); err != nil {
		return 0, err
	}
	return pc.Placed, s.Exec(ctx, "effect_region_families")
}

// data is what the queries returned.
type data struct {
	filing     map[int]analysis.EffectFilingRow
	branch     map[string]map[int]analysis.EffectBranchRow
	events     map[string]map[int]int
	cov        analysis.EffectCoverageRow
	hv         analysis.EffectHighValueRow
	flows      *flowData
	population map[int]float64
	industry   int
	lastFiling int // the latest filing year in scope
	placed     int // applicants in scope with any place (0: no family can be placed)
}

func load(ctx context.Context, s *analysis.Session) (*data, error) {
	country := s.Cfg.Region.Country
	d := &data{filing: map[int]analysis.EffectFilingRow{}, branch: map[string]map[int]analysis.EffectBranchRow{}, events: map[string]map[int]int{}}
	err := analysis.EffectFilingYears.Each(ctx, s, func(r analysis.EffectFilingRow) error {
		d.filing[r.Year] = r
		d.industry += r.Industry
		d.lastFiling = max(d.lastFiling, r.Year)
		return nil
	}, country)
	if err != nil {
		return nil, err
	}
	err = analysis.EffectBranchYears.Each(ctx, s, func(r analysis.EffectBranchRow) error {
		if d.branch[r.Branch] == nil {
			d.branch[r.Branch] = map[int]analysis.EffectBranchRow{}
		}
		d.branch[r.Branch][r.Year] = r
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = analysis.EffectEventYears.Each(ctx, s, func(r analysis.EffectEventRow) error {
		if d.events[r.Measure] == nil {
			d.events[r.Measure] = map[int]int{}
		}
		d.events[r.Measure][r.Year] = r.N
		return nil
	})
	if err != nil {
		return nil, err
	}
	if d.cov, err = analysis.EffectCoverage.One(ctx, s); err != nil {
		return nil, err
	}
	if d.hv, err = analysis.EffectHighValue.One(ctx, s); err != nil {
		return nil, err
	}
	if d.flows, err = loadFlows(ctx, s); err != nil {
		return nil, err
	}
	d.population = s.Cfg.Region.Population
	return d, nil
}

// fill computes one indicator's series (or its Reason).
func (d *data) fill(t *Tracking, in *Indicator) {
	if in.Direction != "" {
		d.fillFlow(t, in)
		return
	}
	fams := d.cov.Families
	if fams == 0 {
		// No region family because nothing can be placed is not "none in the region".
		in.Reason = &Reason{Code: NoRegion, N: d.industry}
		if d.placed == 0 {
			in.Reason.Code = NoPlaceData
		}
		return
	}
	if in.Unit == "per_10k" && len(d.population) == 0 {
		in.Reason = &Reason{Code: NoPopulation}
		return
	}
	switch in.Measure {
	case "invention_stock_per_10k", "high_value_per_10k":
		if d.cov.WithStatus == 0 {
			in.Reason = &Reason{Code: NoLegalStatus, N: fams}
			return
		}
		if in.Measure == "invention_stock_per_10k" && d.cov.WithGrant == 0 {
			in.Reason = &Reason{Code: NoGrantData, N: fams}
			return
		}
		n := d.hv.AliveGranted
		if in.Measure == "high_value_per_10k" {
			n = d.hv.HighValue
		}
		p := Point{Year: t.Meta.To}
		d.perTenK(&p, n)
		in.Series = []Point{p}
		return
	case "grants", "grants_per_10k":
		if d.cov.WithGrant == 0 {
			in.Reason = &Reason{Code: NoGrantData, N: fams}
			return
		}
	case "transfers", "licences", "pledges":
		if d.cov.WithOperation == 0 {
			in.Reason = &Reason{Code: NoOperationData, N: fams}
			return
		}
		if d.cov.WithOperationDates == 0 {
			in.Reason = &Reason{Code: NoOperationDate, N: d.cov.WithOperation}
			return
		}
		// The kind's own dates: families operated that way, none with the date of it.
		k := map[string][2]int{"transfers": {d.cov.Transferred, d.cov.TransferredDated},
			"licences": {d.cov.Licensed, d.cov.LicensedDated}, "pledges": {d.cov.Pledged, d.cov.PledgedDated}}[in.Measure]
		if k[0] > 0 && k[1] == 0 {
			in.Reason = &Reason{Code: NoOperationDate, N: k[0]}
			return
		}
	case "pct":
		if d.cov.WithAbroadInfo == 0 {
			in.Reason = &Reason{Code: NoAbroadData, N: fams}
			return
		}
	case "alive_high_value":
		if d.cov.WithStatus == 0 {
			in.Reason = &Reason{Code: NoLegalStatus, N: fams}
			return
		}
		v := float64(d.hv.HighValue)
		in.Series = []Point{{Year: t.Meta.To, Value: &v, Num: d.hv.HighValue, Den: d.hv.Alive}}
		return
	}
	cutoffPartial := t.Meta.Cutoff[5:] != "12-31"
	for y := t.Meta.From; y <= t.Meta.To; y++ {
		f := d.filing[y]
		p := Point{Year: y, Incomplete: y > t.Meta.LastComplete}
		count := func(n int) { v := float64(n); p.Num, p.Value = n, &v }
		share := func(num, den int) {
			p.Num, p.Den = num, den
			if den < t.Meta.MinBase {
				p.Reason = &Reason{Code: NotEnoughData, N: den, Min: t.Meta.MinBase}
				return
			}
			v := float64(num) / float64(den)
			p.Value = &v
		}
		switch in.Measure {
		case "families":
			count(f.Families)
		case "invention_share":
			share(f.Inventions, f.Families)
		case "pct":
			count(f.PCT)
		case "enterprises_filing":
			count(f.Enterprises)
		case "universities_filing":
			count(f.Universities)
		case "co_applications":
			count(f.CoApplications)
		case "industry_share":
			share(f.Families, f.Industry)
		case "branch_share":
			b := d.branch[in.Branch][y]
			share(b.Families, b.Industry)
		case "grants", "transfers", "licences", "pledges":
			p.Incomplete = y == t.Meta.To && cutoffPartial
			count(d.events[in.Measure][y])
		case "families_per_10k":
			d.perTenK(&p, f.Families)
		case "grants_per_10k":
			p.Incomplete = y == t.Meta.To && cutoffPartial
			d.perTenK(&p, d.events["grants"][y])
		}
		in.Series = append(in.Series, p)
	}
}

// progress sets the latest complete value and its ratio to the target.
func progress(t *Tracking, in *Indicator) {
	for i := len(in.Series) - 1; i >= 0; i-- {
		p := in.Series[i]
		if p.Value != nil && !p.Incomplete {
			v := *p.Value
			in.LatestYear, in.Latest = p.Year, &v
			break
		}
	}
	if in.Latest != nil && in.Target != nil && *in.Target > 0 {
		r := *in.Latest / *in.Target
		in.Progress = &r
	}
}

// perTenK sets p to n per 10,000 inhabitants of the region in p.Year (Den: the population,
// rounded), or to the typed reason when the config gives no population for that year.
func (d *data) perTenK(p *Point, n int) {
	p.Num = n
	pop, ok := d.population[p.Year]
	if !ok {
		p.Reason = &Reason{Code: NoPopulationYear, Year: p.Year}
		return
	}
	v := float64(n) / pop * 10000
	p.Value, p.Den = &v, int(math.Round(pop))
}

// fillFlow computes a transfers, licences or pledges flow in one direction: the operations of
// the families in scope per year of the operation (see "Operation flows" in the package doc).
func (d *data) fillFlow(t *Tracking, in *Indicator) {
	f := d.flows
	kind := in.Measure
	switch {
	case f.total[kind] == 0:
		in.Reason = &Reason{Code: NoOperationScope, N: d.industry}
		return
	case f.total[kind] == f.undated[kind]:
		in.Reason = &Reason{Code: NoOperationDate, N: f.total[kind]}
		return
	case in.Direction != DirUnknown && f.known[kind] == 0:
		in.Reason = &Reason{Code: NoPartyPlaces, N: f.total[kind]}
		return
	}
	cutoffPartial := t.Meta.Cutoff[5:] != "12-31"
	for y := t.Meta.From; y <= t.Meta.To; y++ {
		c := f.count[kind][y]
		p := Point{Year: y, Incomplete: y == t.Meta.To && cutoffPartial, Num: c[in.Direction]}
		v := float64(p.Num)
		switch {
		case in.Direction == DirUnknown:
			p.Value = &v
		case c[DirUnknown] > 0 && c[DirIn]+c[DirOut]+c[DirWithin]+c[dirNone] == 0:
			// Every operation of the year has an unknown direction: no count can be given.
			p.Reason = &Reason{Code: DirectionUnknown, N: c[DirUnknown]}
		default:
			p.Value, p.Unknown = &v, c[DirUnknown]
		}
		in.Series = append(in.Series, p)
	}
}
