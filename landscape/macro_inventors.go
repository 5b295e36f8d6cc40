package landscape

import (
	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
)

func (b *macroBuilder) inventors() error {
	I := &b.m.Inventors
	// fam_inv first: the count of distinct inventors reads it (inventor_total).
	if err := b.s.PrepareInventors(b.ctx); err != nil {
		return err
	}
	total, err := analysis.InventorTotal.One(b.ctx, b.s)
	if err != nil {
		return err
	}
	I.Total = total.N
	if I.Total == 0 {
		b.unavailable(Unavailable{Analysis: "inventors", Section: "inventors", Code: CodeNoInventors})
		return nil
	}
	top, err := analysis.InventorsTop.All(b.ctx, b.s, b.s.From, b.s.To, b.cfg.Analysis.TopN)
	if err != nil {
		return err
	}
	var names []string
	idx := map[string]int{}
	for _, r := range top {
		idx[r.Name] = len(I.Top)
		I.Top = append(I.Top, Inventor{Name: r.Name, Families: r.Families, HIndex: indicators.HIndex(r.Cites)})
		names = append(names, r.Name)
	}
	applicants, err := analysis.InventorApplicants.All(b.ctx, b.s, names)
	if err != nil {
		return err
	}
	for _, r := range applicants {
		i := idx[r.Name]
		I.Top[i].Applicants = append(I.Top[i].Applicants, r.Applicant)
	}
	teams, err := analysis.InventorTeams.All(b.ctx, b.s, b.s.From, b.s.To, names, names, names, 10)
	if err != nil {
		return err
	}
	for _, r := range teams {
		I.Teams = append(I.Teams, Team{Members: []string{r.Inventor1, r.Inventor2}, Families: r.Families, Applicant: r.Applicant})
	}
	// The basis counts inventors (I.Total is the number of distinct inventors, not families).
	I.Basis = b.basis("inventor", I.Total, "inventors_top", Note{Code: NoteBasisInventors})
	return nil
}
