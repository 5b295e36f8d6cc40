package landscape

import (
	"github.com/patnav/patnav/analysis"
)

func (b *macroBuilder) scope() error {
	sc := &b.m.Scope
	sc.Codes = b.cfg.Industry.Scope.Codes
	sc.KeywordsZh, sc.KeywordsEn = b.cfg.Industry.Scope.Keywords.Zh, b.cfg.Industry.Scope.Keywords.En
	c, err := analysis.ScopeCounts.One(b.ctx, b.s)
	if err != nil {
		return err
	}
	sc.Publications, sc.Families, sc.Untagged = c.Publications, c.Families, c.Untagged
	bySource, err := analysis.ScopeBySource.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	sc.BySource = counts(bySource, 0)
	byOffice, err := analysis.ScopeByOffice.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	sc.ByOffice = counts(byOffice, 0)
	branches, err := analysis.BranchCounts.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	n := map[string]int{}
	for _, r := range branches {
		n[r.BranchID] = r.N
	}
	for _, br := range b.cfg.Flatten() {
		sc.Tree = append(sc.Tree, BranchNode{ID: br.ID, Name: br.Name, Level: br.Level, Parent: br.Parent, Families: n[br.ID]})
	}
	sc.Minimums = Rules
	sc.CutoffFrom = b.s.CutoffFrom
	scopeNote := NoteScopeAny
	if b.cfg.Industry.Scope.Require == "both" {
		scopeNote = NoteScopeBoth
	}
	sc.Method = []Note{{Code: scopeNote}, {Code: NoteDedup}, {Code: NoteFamilies}, {Code: NoteUnit, Param: b.cfg.Analysis.Unit},
		{Code: NoteNames}, {Code: NotePriorityYear, N: b.cfg.Analysis.IncompleteYears}}
	if sc.Families == 0 {
		b.unavailable(Unavailable{Analysis: "all", Section: "scope", Code: CodeNoScope})
	}
	return b.seedMeasure()
}
