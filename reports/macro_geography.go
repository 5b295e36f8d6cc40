package reports

import (
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// 4 geography.
func (b *macroBuilder) geography() *Section {
	l, m := b.l, b.m
	g := m.Geography
	s := b.section("4", "geography", &g.Basis)
	o := b.opts(l.T("geo.matrix"))
	o.Sqrt = true
	data := &Table{Head: append([]string{l.T("col.source")}, g.Offices...), Num: make([]bool, len(g.Offices)+1)}
	for j := range g.Offices {
		data.Num[j+1] = true
	}
	for i, src := range g.Sources {
		r := Row{Cells: []Cell{{Text: src}}}
		for j := range g.Offices {
			v := l.NA()
			if i < len(g.Matrix) && j < len(g.Matrix[i]) {
				v = l.Count(g.Matrix[i][j])
			}
			r.Cells = append(r.Cells, Cell{Text: v})
		}
		data.Rows = append(data.Rows, r)
	}
	s.Blocks = append(s.Blocks, Block{Chart: b.chart(svg.Heatmap(o, g.Sources, g.Offices, g.Matrix, nil), l.T("geo.matrix_caption"), data)})
	s.Blocks = append(s.Blocks, Block{Para: l.T("geo.pct", "pct", l.PctP(g.PCTShare))})
	for _, x := range []struct {
		key string
		cs  []landscape.Count
	}{{"geo.foreign", g.ForeignInCN}, {"geo.provinces", g.Provinces}, {"geo.cities", g.Cities}} {
		title := l.T(x.key)
		tab := b.countTable(l.T("col.name"), x.cs, countLabel)
		s.Blocks = append(s.Blocks, Block{Heading: title, Chart: b.chart(svg.HBars(b.opts(title), items(x.cs, countLabel)), "", tab)})
	}
	return s
}
