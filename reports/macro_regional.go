package reports

import (
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// 13 regional positioning.
func (b *macroBuilder) regional() *Section {
	l, m := b.l, b.m
	r := m.Regional
	s := b.section("13", "regional", &r.Basis)
	name := regionName(l, r.Region.Name.In(l.Lang), r.Region.Country, r.Region.Province, r.Region.City)
	tab := &Table{Caption: l.T("reg.rows", "region", name), Head: []string{l.T("col.dimension"), l.T("col.indicator"), l.T("col.region"), l.T("col.nation"), l.T("col.world"), l.T("col.unit")},
		Num: []bool{false, false, true, true, true, false}, NoWrap: []bool{0: true, 5: true}}
	for _, row := range r.Rows {
		f := func(p *float64) string {
			if isShareUnit(row.Unit) {
				return l.PctP(p)
			}
			return l.NumP(p, 2)
		}
		tab.Rows = append(tab.Rows, Row{Cells: []Cell{{Text: l.Term("dimension", row.Dimension)}, {Text: l.RegionalIndicatorText(row.Indicator)}, {Text: f(row.Region)}, {Text: f(row.Nation)}, {Text: f(row.World)}, {Text: l.Term("unit", row.Unit)}}})
	}
	if len(r.Rows) > 0 {
		s.Blocks = append(s.Blocks, Block{Table: tab})
	}
	var fam []landscape.YearPoint
	yt := &Table{Caption: l.T("reg.by_year"), Head: []string{l.T("col.year"), l.T("col.families"), l.T("reg.share_nation"), l.T("reg.share_world"), l.T("col.applicants"), l.T("col.inventors"), l.T("col.granted")},
		Num: []bool{false, true, true, true, true, true, true}, Note: b.incompleteNote()}
	for _, y := range r.ByYear {
		inc := y.Incomplete || b.incomplete(y.Year)
		fam = append(fam, landscape.YearPoint{Year: y.Year, N: y.Families, Incomplete: inc})
		row := Row{Cells: []Cell{{Text: l.Year(y.Year, inc)}, {Text: l.Count(y.Families)}, {Text: l.PctP(y.ShareNation)}, {Text: l.PctP(y.ShareWorld)}, {Text: l.Int(y.Applicants)}, {Text: l.IntP(y.Inventors)}, {Text: l.IntP(y.Granted)}}}
		if inc {
			row.Class = "incomplete"
		}
		yt.Rows = append(yt.Rows, row)
	}
	title := l.T("reg.chart", "region", name)
	s.Blocks = append(s.Blocks, Block{Chart: b.chart(svg.YearBars(b.opts(title), b.yearValues(fam)), title, nil)}, Block{Table: yt})
	return s
}

func isShareUnit(u string) bool {
	switch strings.ToLower(strings.TrimSpace(u)) {
	case "share", "%", "percent", "ratio_pct":
		return true
	}
	return false
}
