package landscape

import (
	"sort"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
)

func (b *macroBuilder) applicants() error {
	A := &b.m.Applicants
	rows, err := analysis.ApplicantsTop.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	all := make([]Applicant, 0, len(rows))
	var fr []float64
	total := 0.0
	for _, r := range rows {
		a := Applicant{Name: r.Name, Kind: r.Kind, Country: r.Country, Province: r.Province,
			Families: round(r.Families, 2), Whole: r.Whole, Granted: r.Granted, Alive: r.Alive,
			Citations: r.Citations, FirstYear: r.FirstYear, LastYear: r.LastYear}
		all = append(all, a)
		fr = append(fr, r.Families)
		total += r.Families
	}
	A.Basis = b.basis("applicant", len(all), "applicants_top", Note{Code: NoteBasisApplicants})
	if len(all) == 0 {
		b.unavailable(Unavailable{Analysis: "applicants", Section: "applicants", Code: CodeNoApplicants})
		return nil
	}
	if MinConcentration.Met(len(fr)) {
		A.Concentration = concentration(fr)
	} else {
		A.Concentration = Concentration{Band: string(indicators.ConcentrationUndefined), N: len(fr)}
		b.unavailable(MinConcentration.Below(len(fr)))
	}
	for i := range all {
		all[i].Share = round(fr[i]/total, 4)
	}
	top := all
	if len(top) > b.cfg.Analysis.TopN {
		top = top[:b.cfg.Analysis.TopN]
	}
	names := make([]string, len(top))
	idx := map[string]int{}
	for i, a := range top {
		names[i] = a.Name
		idx[a.Name] = i
	}
	// Variants and display names.
	variants, err := analysis.ApplicantVariants.All(b.ctx, b.s, names)
	if err != nil {
		return err
	}
	for _, r := range variants {
		i := idx[r.Name]
		if len(top[i].Variants) < 8 {
			top[i].Variants = append(top[i].Variants, r.NameRaw)
		}
		if top[i].Display == "" {
			top[i].Display = r.NameRaw
		}
	}
	add := func(query analysis.Query[analysis.NameKeyNRow], set func(a *Applicant, c Count)) error {
		rows, err := query.All(b.ctx, b.s, names, b.s.From, b.s.To)
		if err != nil {
			return err
		}
		for _, r := range rows {
			set(&top[idx[r.Name]], Count{Key: r.K, N: round(r.N, 2)})
		}
		return nil
	}
	if err := add(analysis.ApplicantBranches, func(a *Applicant, c Count) {
		if len(a.TopBranches) < 5 {
			c.Label = b.branchName[c.Key].In("en")
			a.TopBranches = append(a.TopBranches, c)
		}
	}); err != nil {
		return err
	}
	if err := add(analysis.ApplicantOffices, func(a *Applicant, c Count) {
		if len(a.Offices) < 8 {
			a.Offices = append(a.Offices, c)
		}
	}); err != nil {
		return err
	}
	if err := add(analysis.ApplicantCoApplicants, func(a *Applicant, c Count) {
		if len(a.CoApplicants) < 5 {
			a.CoApplicants = append(a.CoApplicants, c)
		}
	}); err != nil {
		return err
	}
	A.Top = top
	A.TopGranted = rankBy(all, b.cfg.Analysis.TopN, func(a Applicant) float64 { return float64(a.Granted) })
	A.TopAlive = rankBy(all, b.cfg.Analysis.TopN, func(a Applicant) float64 { return float64(a.Alive) })
	A.TopCited = rankBy(all, b.cfg.Analysis.TopN, func(a Applicant) float64 { return float64(a.Citations) })
	// Concentration over time (computed in SQL over every applicant of each year).
	years, err := analysis.YearConcentration.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	for _, r := range years {
		y := YearConcentration{Year: r.Year, Applicants: r.Applicants, Incomplete: b.s.Incomplete(r.Year)}
		if MinConcentration.Met(r.Applicants) {
			c := sqlConcentration(r.HHI, r.CR4, r.CR8, r.Applicants)
			y.HHI, y.CR4 = &c.HHI, &c.CR4
		}
		A.ConcentrationByYear = append(A.ConcentrationByYear, y)
	}
	kinds, err := analysis.KindMix.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	A.KindMix = counts(kinds, 2)
	shareOf(A.KindMix)
	// Newcomers: first filing in the last three complete years.
	lc := b.s.LastComplete()
	A.NewcomerYears = [2]int{lc - 2, lc}
	for _, a := range all {
		if a.FirstYear >= lc-2 && a.FirstYear <= lc {
			A.Newcomers = append(A.Newcomers, a)
			if len(A.Newcomers) == b.cfg.Analysis.TopN {
				break
			}
		}
	}
	return nil
}

func concentration(fr []float64) Concentration {
	shares, ok := indicators.Shares(fr)
	if !ok {
		return Concentration{Band: string(indicators.ConcentrationUndefined)}
	}
	sorted := append([]float64(nil), shares...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	hhi, _ := indicators.HHI(sorted)
	cr4, _ := indicators.CR(sorted, 4)
	cr8, _ := indicators.CR(sorted, 8)
	return Concentration{HHI: round(hhi, 1), CR4: round(cr4, 4), CR8: round(cr8, 4), Band: string(indicators.HHIBand(hhi)), N: len(fr)}
}

// sqlConcentration is the concentration computed by SQL (hhi, cr4, cr8 over n applicants) with
// the same definitions as concentration.
func sqlConcentration(hhi, cr4, cr8 float64, n int) Concentration {
	return Concentration{HHI: round(hhi, 1), CR4: round(cr4, 4), CR8: round(cr8, 4),
		Band: string(indicators.HHIBand(hhi)), N: n}
}
