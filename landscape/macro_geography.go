package landscape

import (
	"github.com/patnav/patnav/analysis"
)

func (b *macroBuilder) geography() error {
	g := &b.m.Geography
	cells, err := analysis.GeoMatrix.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	srcTot, offTot := map[string]float64{}, map[string]float64{}
	cell := map[[2]string]float64{}
	n := 0.0
	for _, r := range cells {
		s, o, v := r.Source, r.Office, r.N
		srcTot[s] += v
		offTot[o] += v
		cell[[2]string{s, o}] += v
		n += v
	}
	g.Sources = topKeys(srcTot, 12)
	g.Offices = topKeys(offTot, 12)
	for _, s := range g.Sources {
		row := make([]float64, len(g.Offices))
		for j, o := range g.Offices {
			row[j] = cell[[2]string{s, o}]
		}
		g.Matrix = append(g.Matrix, row)
	}
	pct, err := analysis.GeoPCT.One(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	switch {
	case pct.N > 0 && pct.WithMembers == 0:
		b.unavailable(Unavailable{Analysis: "geography.pct_share", Section: "geography", Code: CodeNoFamilyMembers, N: int(pct.N)})
	case pct.N > 0:
		v := round(pct.PCT/pct.N, 4)
		g.PCTShare = &v
	}
	office := b.cfg.Warnings.Office
	foreign, err := analysis.GeoForeignIn.All(b.ctx, b.s, office, b.cfg.Warnings.Domestic, b.s.From, b.s.To, b.cfg.Analysis.TopN)
	if err != nil {
		return err
	}
	g.ForeignInCN = counts(foreign, 0)
	provinces, err := analysis.GeoProvinces.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	g.Provinces = counts(provinces, 2)
	cities, err := analysis.GeoCities.All(b.ctx, b.s, b.s.From, b.s.To, b.cfg.Analysis.TopN)
	if err != nil {
		return err
	}
	g.Cities = counts(cities, 2)
	g.Basis = b.basis("family", int(sumCounts(b.m.Trend.Series)), "geo_matrix", Note{Code: NoteBasisGeography})
	if len(g.Provinces) == 0 {
		b.unavailable(Unavailable{Analysis: "geography.provinces", Section: "geography", Code: CodeNoProvinces})
	}
	return nil
}
