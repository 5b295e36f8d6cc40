package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

func applicantName(a landscape.Applicant) string {
	if a.Display != "" {
		return a.Display
	}
	return a.Name
}

func (b *macroBuilder) variants(a landscape.Applicant) string {
	var vs []string
	for _, v := range a.Variants {
		if v != applicantName(a) {
			vs = append(vs, v)
		}
	}
	if len(vs) == 0 {
		return ""
	}
	return b.l.T("app.variants") + b.l.List(vs)
}

func (b *macroBuilder) origin(a landscape.Applicant) string {
	var parts []string
	for _, s := range []string{a.Country, a.Province} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	if len(parts) == 0 {
		return b.l.NA()
	}
	return strings.Join(parts, " / ")
}

// 6 applicants.
func (b *macroBuilder) applicants() *Section {
	l, m := b.l, b.m
	a := m.Applicants
	s := b.section("6", "applicants", &a.Basis)
	var its []svg.Item
	for _, x := range a.Top {
		its = append(its, svg.Item{Label: applicantName(x), Value: x.Families, Hover: x.Name})
	}
	title := l.T("app.chart")
	s.Blocks = append(s.Blocks, Block{Chart: b.chart(svg.HBars(b.opts(title), its), title, nil)})
	tab := &Table{Caption: l.T("app.table"), Head: []string{"#", l.T("col.applicant"), l.T("col.kind"), l.T("col.origin"), l.T("col.families"), l.T("col.whole"), l.T("col.share"),
		l.T("col.granted"), l.T("col.alive"), l.T("col.cited"), l.T("col.first")}, Num: []bool{true, false, false, false, true, true, true, true, true, true, true}, NoWrap: []bool{2: true, 3: true}}
	for i, x := range a.Top {
		tab.Rows = append(tab.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: applicantName(x), Sub: b.variants(x)}, {Text: l.Term("kind", x.Kind)}, {Text: b.origin(x)},
			{Text: l.Count(x.Families)}, {Text: l.Int(x.Whole)}, {Text: l.Pct(x.Share)}, {Text: l.Int(x.Granted)}, {Text: l.Int(x.Alive)}, {Text: l.Int(x.Citations)}, {Text: l.Year(x.FirstYear, false)}}})
	}
	tab.Note = l.T("app.table_note")
	s.Blocks = append(s.Blocks, Block{Table: tab})
	var grid []Block
	for _, x := range []struct {
		key string
		cs  []landscape.Count
	}{{"app.top_granted", a.TopGranted}, {"app.top_alive", a.TopAlive}, {"app.top_cited", a.TopCited}} {
		if len(x.cs) == 0 {
			continue
		}
		t := &Table{Caption: l.T(x.key), Head: []string{"#", l.T("col.applicant"), l.T("col.n")}, Num: []bool{true, false, true}}
		for i, c := range x.cs {
			t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: countLabel(c)}, {Text: l.Count(c.N)}}})
		}
		grid = append(grid, Block{Table: t})
	}
	if len(grid) > 0 {
		s.Blocks = append(s.Blocks, Block{Grid: grid})
	}
	c := a.Concentration
	s.Blocks = append(s.Blocks, Block{Heading: l.T("app.concentration"), Facts: []Fact{
		{"HHI", hhiText(l, c)}, {"CR4", crText(l, c, c.CR4)}, {"CR8", crText(l, c, c.CR8)},
		{l.T("app.band"), l.Term("band", orNA(l, c.Band))}, {l.T("app.n"), l.Int(c.N)},
	}, Note: l.T("app.hhi_note")})
	var years []int
	var inc []bool
	var hhi, cr4 []float64
	byYear := &Table{Head: []string{l.T("col.year"), "HHI", "CR4"}, Num: []bool{false, true, true}, Note: b.incompleteNote()}
	for _, y := range a.ConcentrationByYear {
		i := y.Incomplete || b.incomplete(y.Year)
		years, inc = append(years, y.Year), append(inc, i)
		// A year below the concentration minimum prints n/a and leaves a gap in the charts.
		h, c := math.NaN(), math.NaN()
		if y.HHI != nil && y.CR4 != nil {
			h, c = *y.HHI, *y.CR4
		}
		hhi, cr4 = append(hhi, h), append(cr4, 100*c)
		r := Row{Cells: []Cell{{Text: l.Year(y.Year, i)}, {Text: l.NumP(y.HHI, 0)}, {Text: l.PctP(y.CR4)}}}
		if i {
			r.Class = "incomplete"
		}
		byYear.Rows = append(byYear.Rows, r)
	}
	ho := b.opts(l.T("app.hhi_chart"))
	ho.Height = 220
	co := b.opts(l.T("app.cr4_chart"))
	co.Height = 220
	co.Format = func(v float64) string { return l.Num(v, 1) + "%" }
	s.Blocks = append(s.Blocks,
		Block{Chart: b.chart(svg.Lines(ho, years, inc, []svg.Series{{Name: "HHI", Values: hhi}}), l.T("app.hhi_chart"), byYear)},
		Block{Chart: b.chart(svg.Lines(co, years, inc, []svg.Series{{Name: "CR4 (%)", Values: cr4}}), l.T("app.cr4_chart"), nil)})
	kt := b.countTable(l.T("col.kind"), a.KindMix, func(c landscape.Count) string { return l.Term("kind", countLabel(c)) })
	s.Blocks = append(s.Blocks, Block{Heading: l.T("app.kind_mix"), Chart: b.chart(svg.StackedShare(b.opts(l.T("app.kind_mix")), items(a.KindMix, func(c landscape.Count) string { return l.Term("kind", countLabel(c)) })), "", kt)})
	nt := &Table{Head: []string{l.T("col.applicant"), l.T("col.kind"), l.T("col.origin"), l.T("col.families"), l.T("col.first")}, Num: []bool{false, false, false, true, true}, NoWrap: []bool{1: true, 2: true}}
	for _, x := range a.Newcomers {
		nt.Rows = append(nt.Rows, Row{Cells: []Cell{{Text: applicantName(x), Sub: b.variants(x)}, {Text: l.Term("kind", x.Kind)}, {Text: b.origin(x)}, {Text: l.Count(x.Families)}, {Text: l.Year(x.FirstYear, b.incomplete(x.FirstYear))}}})
	}
	nb := Block{Heading: l.T("app.newcomers", "years", l.Span(a.NewcomerYears[0], a.NewcomerYears[1]))}
	if len(a.Newcomers) > 0 {
		nb.Table = nt
	} else {
		nb.Para = l.T("none")
	}
	s.Blocks = append(s.Blocks, nb)
	return s
}

// 7 key players.
func (b *macroBuilder) keyPlayers() *Section {
	l, m := b.l, b.m
	s := b.section("7", "key_players", &m.Applicants.Basis)
	n := b.opt.TopPlayers
	if n <= 0 {
		n = 6
	}
	var cards []Card
	for i, a := range m.Applicants.Top {
		if i >= n {
			break
		}
		c := Card{Title: strconv.Itoa(i+1) + ". " + applicantName(a)}
		c.Blocks = append(c.Blocks, Block{Facts: []Fact{
			{l.T("col.kind"), l.Term("kind", a.Kind)},
			{l.T("col.origin"), b.origin(a)},
			{l.T("col.families"), l.Count(a.Families) + " (" + l.Pct(a.Share) + ")"},
			{l.T("kp.first"), l.Year(a.FirstYear, false)},
			{l.T("kp.last"), l.Year(a.LastYear, b.incomplete(a.LastYear))},
			{l.T("kp.granted_alive"), l.Int(a.Granted) + " / " + l.Int(a.Alive)},
			{l.T("col.cited"), l.Int(a.Citations)},
		}, Note: b.variants(a)})
		title := l.T("kp.branches")
		bt := &Table{Head: []string{l.T("col.branch"), l.T("col.families"), l.T("kp.of_applicant")}, Num: []bool{false, true, true}}
		var bars []svg.Item
		for _, c := range a.TopBranches {
			share := math.NaN()
			if a.Families > 0 {
				share = c.N / a.Families
			}
			bt.Rows = append(bt.Rows, Row{Cells: []Cell{{Text: b.branchName(c.Key)}, {Text: l.Count(c.N)}, {Text: l.Pct(share)}}})
			bars = append(bars, svg.Item{Label: b.branchName(c.Key), Value: c.N, Hover: l.Pct(share)})
		}
		bo := b.opts(title + " — " + applicantName(a))
		bo.Width = 420
		c.Blocks = append(c.Blocks, Block{Heading: title, Chart: b.chart(svg.HBars(bo, bars), "", bt)})
		c.Blocks = append(c.Blocks, Block{Facts: []Fact{
			{l.T("kp.offices"), b.countList(a.Offices)},
			{l.T("kp.co"), b.countList(a.CoApplicants)},
		}})
		cards = append(cards, c)
	}
	if len(cards) == 0 {
		s.Blocks = append(s.Blocks, Block{Para: l.T("nodata")})
	} else {
		s.Blocks = append(s.Blocks, Block{Cards: cards})
	}
	return s
}

func (b *macroBuilder) countList(cs []landscape.Count) string {
	if len(cs) == 0 {
		return b.l.T("none")
	}
	var out []string
	for _, c := range cs {
		out = append(out, countLabel(c)+" "+b.l.Count(c.N))
	}
	return b.l.List(out)
}
