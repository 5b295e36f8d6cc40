package reports

import (
	"github.com/patnav/patnav/reports/svg"
)

// 2 global trend.
func (b *macroBuilder) trend() *Section {
	l, m := b.l, b.m
	t := m.Trend
	s := b.section("2", "trend", &t.Basis)
	unit := l.Term("unit", orDefault(t.Basis.Unit, m.Meta.Unit))
	title := l.T("trend.chart", "unit", unit)
	s.Blocks = append(s.Blocks, Block{Chart: b.chart(svg.YearBars(b.opts(title), b.yearValues(t.Series)), title, b.yearTable(capitalize(unit), t.Series))})
	if t.CAGR != nil {
		s.Blocks = append(s.Blocks, Block{Para: l.T("trend.cagr", "cagr", l.SignedPct(t.CAGR), "years", l.Span(t.CAGRFrom, t.CAGRTo))})
	} else {
		s.Blocks = append(s.Blocks, Block{Para: l.T("trend.cagr_na", "na", l.NA())})
	}
	if len(t.Phases) > 0 {
		var ph []string
		for _, p := range t.Phases {
			ph = append(ph, l.Span(p.From, p.To)+": "+l.Term("phase", p.Label))
		}
		s.Blocks = append(s.Blocks, Block{Heading: l.T("trend.phases"), List: ph})
	}
	return s
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
