package reports

import (
	"strconv"

	"github.com/patnav/patnav/landscape"
)

// 1 scope and method.
func (b *macroBuilder) scope() *Section {
	l, m := b.l, b.m
	sc := m.Scope
	s := b.section("1", "scope", &landscape.Basis{Unit: m.Meta.Unit, N: sc.Families, From: m.Meta.From, To: m.Meta.To})
	s.Blocks = append(s.Blocks, Block{Heading: l.T("scope.strategy"), Facts: []Fact{
		{l.T("scope.codes"), l.List(sc.Codes)},
		{l.T("scope.kw_zh"), l.List(sc.KeywordsZh)},
		{l.T("scope.kw_en"), l.List(sc.KeywordsEn)},
	}})
	s.Blocks = append(s.Blocks, Block{Heading: l.T("scope.counts"), Facts: []Fact{
		{l.T("scope.publications"), l.Int(sc.Publications)},
		{l.T("scope.families"), l.Int(sc.Families)},
		{l.T("scope.untagged"), l.Int(sc.Untagged)},
		{l.T("hdr.cutoff"), orNA(l, m.Meta.Cutoff)},
		{l.T("hdr.window"), l.Span(m.Meta.From, m.Meta.To)},
		{l.T("hdr.unit"), l.Term("unit", m.Meta.Unit)},
	}})
	tree := &Table{Caption: l.T("scope.tree"), Head: []string{l.T("col.branch"), l.T("col.id"), l.T("col.level"), l.T("col.families")}, Num: []bool{false, false, true, true}}
	for _, n := range orderTree(sc.Tree) {
		tree.Rows = append(tree.Rows, Row{Cells: []Cell{{Text: n.Name.In(l.Lang), Indent: n.Level - 1}, {Text: n.ID}, {Text: strconv.Itoa(n.Level)}, {Text: l.Int(n.Families)}}})
	}
	if len(sc.Tree) == 0 {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("scope.tree"), Para: l.T("nodata")})
	} else {
		tree.Note = l.T("scope.tree_note")
		s.Blocks = append(s.Blocks, Block{Table: tree})
	}
	src := b.countTable(l.T("col.source"), sc.BySource, countLabel)
	src.Caption = l.T("scope.by_source")
	off := b.countTable(l.T("col.office"), sc.ByOffice, countLabel)
	off.Caption = l.T("scope.by_office")
	s.Blocks = append(s.Blocks, Block{Table: src}, Block{Table: off})
	var method []string
	for _, x := range sc.Method {
		method = append(method, l.NoteText(x))
	}
	if t := l.CutoffText(sc.CutoffFrom); t != "" {
		method = append(method, t)
	}
	if len(method) > 0 {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("scope.method"), List: method})
	}
	if len(sc.Minimums) > 0 {
		var rules []string
		for _, r := range sc.Minimums {
			rules = append(rules, l.RuleText(r))
		}
		s.Blocks = append(s.Blocks, Block{Heading: l.cat("method.minimums"), List: rules})
	}
	caveats := []string{l.T("scope.lag")}
	if len(m.Meta.Incomplete) > 0 {
		caveats = append(caveats, l.T("scope.incomplete", "years", b.incompleteList()))
	}
	s.Blocks = append(s.Blocks, Block{Heading: l.T("scope.caveats"), List: caveats})
	return s
}

// orderTree returns the tree nodes depth first (children after their parent), keeping the
// model's order among siblings.
func orderTree(nodes []landscape.BranchNode) []landscape.BranchNode {
	ids := map[string]bool{}
	for _, n := range nodes {
		ids[n.ID] = true
	}
	var out []landscape.BranchNode
	var walk func(parent string, depth int)
	walk = func(parent string, depth int) {
		if depth > 5 {
			return
		}
		for _, n := range nodes {
			if n.Parent == parent {
				out = append(out, n)
				walk(n.ID, depth+1)
			}
		}
	}
	walk("", 0)
	// Orphans (parent not in the tree) at the end, in order.
	for _, n := range nodes {
		if n.Parent != "" && !ids[n.Parent] {
			out = append(out, n)
			walk(n.ID, 1)
		}
	}
	return out
}
