package reports

import (
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// 3 life cycle.
func (b *macroBuilder) lifeCycle() *Section {
	l, m := b.l, b.m
	lc := m.LifeCycle
	s := b.section("3", "life_cycle", &lc.Basis)
	o := b.opts(l.T("lc.chart"))
	o.XLabel, o.YLabel = l.T("lc.x"), l.T("lc.y")
	var pts []svg.PhasePoint
	data := &Table{Head: []string{l.T("col.year"), l.T("lc.x"), l.T("lc.y")}, Num: []bool{false, true, true}, Note: b.incompleteNote()}
	for _, p := range lc.Points {
		inc := p.Incomplete || b.incomplete(p.Year)
		pts = append(pts, svg.PhasePoint{Year: p.Year, X: float64(p.Applications), Y: float64(p.Applicants), Incomplete: inc})
		r := Row{Cells: []Cell{{Text: l.Year(p.Year, inc)}, {Text: l.Int(p.Applications)}, {Text: l.Int(p.Applicants)}}}
		if inc {
			r.Class = "incomplete"
		}
		data.Rows = append(data.Rows, r)
	}
	s.Blocks = append(s.Blocks, Block{Chart: b.chart(svg.Phase(o, pts), l.T("lc.caption"), data)})
	stage := Block{Heading: l.T("lc.stage"), Facts: []Fact{{l.T("lc.stage"), l.Term("stage", orNA(l, lc.Stage))}, {l.T("lc.rule"), l.stageRule(lc.Rule)}}}
	s.Blocks = append(s.Blocks, stage)
	if f := lc.Fit; f != nil {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("lc.fit"), Facts: []Fact{
			{l.T("lc.L"), l.Num(f.L, 0)},
			{l.T("lc.k"), l.Num(f.K, 3)},
			{l.T("lc.t0"), yearFrac(l, f.T0)},
			{l.T("lc.reached"), l.Pct(f.Reached)},
			{"R²", l.Fit(f.R2, 3)},
			{"RMSE", l.Num(f.RMSE, 1)},
			{l.T("lc.window"), l.Span(f.FitFrom, f.FitTo)},
		}, Note: l.T("lc.formula")})
	} else {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("lc.fit"), Para: l.T("lc.fit_na", "na", l.NA())})
	}
	return s
}

// stageRule words how the life-cycle stage was decided (n/a when the model does not say).
func (l Locale) stageRule(n landscape.Note) string {
	if n.Code == "" {
		return l.NA()
	}
	return l.NoteText(n)
}
