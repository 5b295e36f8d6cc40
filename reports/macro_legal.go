package reports

import (
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// 9 legal status and operation.
func (b *macroBuilder) legal() *Section {
	l, m := b.l, b.m
	g := m.Legal
	s := b.section("9", "legal", &g.Basis)
	status := func(c landscape.Count) string { return l.Term("status", countLabel(c)) }
	title := l.T("legal.status")
	s.Blocks = append(s.Blocks, Block{Heading: title, Chart: b.chart(svg.StackedShare(b.opts(title), items(g.Status, status)), "", b.countTable(l.T("col.status"), g.Status, status))})
	pend := l.NA()
	if g.PendencyYears != nil {
		pend = l.T("years", "n", l.Num(*g.PendencyYears, 1))
	}
	s.Blocks = append(s.Blocks, Block{Facts: []Fact{{l.T("legal.grant_rate"), l.PctP(g.GrantRate)}, {l.T("legal.pendency"), pend}}, Note: l.T("legal.note")})
	op := func(c landscape.Count) string { return l.Term("operation", countLabel(c)) }
	ob := Block{Heading: l.T("legal.operations")}
	if len(g.Operations) > 0 {
		ob.Table = b.countTable(l.T("col.operation"), g.Operations, op)
	} else {
		ob.Para = l.T("legal.no_operations")
	}
	s.Blocks = append(s.Blocks, ob)
	return s
}
