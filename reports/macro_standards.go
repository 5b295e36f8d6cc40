package reports

import (
	"github.com/patnav/patnav/reports/svg"
)

// standards is the patents-and-standards section (专利与标准融合), after regional positioning.
// Without declaration data it holds only the section's "not available" entries.
func (b *macroBuilder) standards() *Section {
	l, m := b.l, b.m
	S := m.Standards
	s := b.section("13", "standards", &S.Basis)
	sum := S.Summary
	if sum.Records == 0 {
		s.Blocks = append(s.Blocks, Block{Para: l.T("std.none")})
		return s
	}
	s.Blocks = append(s.Blocks, Block{Facts: []Fact{
		{l.T("std.records"), l.Int(sum.Records)},
		{l.T("std.standards"), l.Int(sum.Standards)},
		{l.T("std.matched"), l.T("std.of", "n", l.Int(sum.Matched), "of", l.Int(sum.Named))},
		{l.T("std.unmatched"), l.Int(sum.Unmatched)},
		{l.T("std.blanket"), l.Int(sum.Blanket)},
		{l.T("std.lake_families"), l.Int(sum.LakeFamilies)},
		{l.T("std.scope_families"), l.Int(sum.ScopeFamilies)},
	}, Note: l.T("std.note", "min", l.Int(S.MinFamilies))})
	if len(S.ByStandard) == 0 {
		return s
	}
	share := func(p *float64, short bool) string {
		if short {
			return l.T("std.short")
		}
		return l.PctP(p)
	}
	tab := &Table{Caption: l.T("std.by_standard"), Head: []string{l.T("std.col.standard"), l.T("std.col.body"), l.T("col.families"),
		l.T("std.col.region"), l.T("std.col.region_share"), l.T("std.col.region_ent"), l.T("std.col.ent_share"), l.T("std.col.first")},
		Num: []bool{false, false, true, true, true, true, true, false}, NoWrap: []bool{0: true, 7: true}}
	var bars []svg.Item
	for _, r := range S.ByStandard {
		row := Row{Cells: []Cell{{Text: r.Standard}, {Text: orNA(l, r.Body)}, {Text: l.Int(r.Families)}, {Text: l.Int(r.Region)},
			{Text: share(r.RegionShare, r.Short)}, {Text: l.Int(r.RegionEnterprises)}, {Text: share(r.EnterpriseShare, r.Short)}, {Text: orNA(l, r.FirstDeclared)}}}
		if r.RegionEnterprises == 0 {
			row.Class = "flag"
		}
		tab.Rows = append(tab.Rows, row)
		if len(bars) < 15 {
			bars = append(bars, svg.Item{Label: r.Standard, Value: float64(r.Families)})
		}
	}
	title := l.T("std.chart")
	s.Blocks = append(s.Blocks, Block{Chart: b.chart(svg.HBars(b.opts(title), bars), title, nil)}, Block{Table: tab})
	// Gaps: the standards where the region's enterprises hold no declared family.
	gb := Block{Heading: l.T("std.gaps")}
	switch {
	case S.Gaps == nil || b.hasUnavailable("standards.region"):
		gb.Para = l.T("std.gaps.unplaced")
	case len(S.Gaps) == 0:
		gb.Para = l.T("std.gaps.none")
	default:
		gb.Para = l.T("std.gaps.intro", "n", l.Int(len(S.Gaps)))
		gb.List = S.Gaps
	}
	s.Blocks = append(s.Blocks, gb)
	if len(S.Enterprises) > 0 {
		head := []string{l.T("std.col.standard")}
		for _, e := range S.Enterprises {
			name := e.Name.In(l.Lang)
			if name == "" {
				name = e.ID
			}
			head = append(head, name)
		}
		et := &Table{Caption: l.T("std.enterprises"), Head: head, Num: make([]bool, len(head))}
		for i := 1; i < len(head); i++ {
			et.Num[i] = true
		}
		for j, r := range S.ByStandard {
			row := Row{Cells: []Cell{{Text: r.Standard}}}
			for _, e := range S.Enterprises {
				x := e.Shares[j]
				row.Cells = append(row.Cells, Cell{Text: l.Int(x.Families), Sub: share(x.Share, r.Short)})
			}
			et.Rows = append(et.Rows, row)
		}
		tot := Row{Cells: []Cell{{Text: l.T("std.all_standards")}}}
		for _, e := range S.Enterprises {
			tot.Cells = append(tot.Cells, Cell{Text: l.Int(e.Families)})
		}
		et.Rows = append(et.Rows, tot)
		s.Blocks = append(s.Blocks, Block{Table: et})
	}
	at := &Table{Caption: l.T("std.by_applicant"), Head: []string{l.T("col.applicant"), l.T("col.kind"), l.T("col.families"), l.T("std.standards"), l.T("std.col.in_region")},
		Num: []bool{false, false, true, true, false}}
	for _, a := range S.ByApplicant {
		in := ""
		if a.Region {
			in = l.T("std.yes")
		}
		at.Rows = append(at.Rows, Row{Cells: []Cell{{Text: a.Name}, {Text: l.Term("kind", a.Kind)}, {Text: l.Int(a.Families)}, {Text: l.Int(a.Standards)}, {Text: in}}})
	}
	bt := &Table{Caption: l.T("std.by_branch"), Head: []string{l.T("col.branch"), l.T("col.families"), l.T("std.standards")}, Num: []bool{false, true, true}}
	for _, r := range S.ByBranch {
		name := r.Name.In(l.Lang)
		if name == "" {
			name = b.branchName(r.Branch)
		}
		bt.Rows = append(bt.Rows, Row{Cells: []Cell{{Text: name}, {Text: l.Int(r.Families)}, {Text: l.Int(r.Standards)}}})
	}
	s.Blocks = append(s.Blocks, Block{Grid: []Block{{Table: at}, {Table: bt}}})
	return s
}

// hasUnavailable reports whether the model lists the analysis as not available.
func (b *macroBuilder) hasUnavailable(analysis string) bool {
	for _, u := range b.m.Unavailable {
		if u.Analysis == analysis {
			return true
		}
	}
	return false
}
