package reports

import (
	"math"
	"strconv"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// 5 technology mix.
func (b *macroBuilder) technology() *Section {
	l, m := b.l, b.m
	t := m.Technology
	s := b.section("5", "technology", &t.Basis)
	tab := &Table{Caption: l.T("tech.branches"), Head: []string{
		l.T("col.branch"), l.T("col.families"), l.T("col.share"), l.T("col.trend"), l.T("col.cagr"), l.T("col.relgrowth"), l.T("col.stage"),
		"HHI", "CR4", l.T("col.rta"), l.T("col.hotspot"),
	}, Num: []bool{false, true, true, false, true, true, false, true, true, true, false}, NoWrap: []bool{6: true}}
	for _, br := range t.Branches {
		hot := ""
		if br.Hotspot {
			hot = "✓"
		}
		spark := svg.Sparkline(svg.Options{Title: br.Name.In(l.Lang), NoData: l.T("nodata"), NA: l.NA(), Incomplete: l.T("incomplete"), Format: l.Count, Width: 96, Height: 24}, b.yearValues(br.Trend.Series))
		r := Row{Cells: []Cell{
			{Text: br.Name.In(l.Lang), Sub: br.ID, Indent: br.Level - 1},
			{Text: l.Count(br.Families)},
			{Text: l.Pct(br.Share)},
			{SVG: spark},
			{Text: l.SignedPct(br.Trend.CAGR), Sub: cagrSpan(l, br.Trend)},
			{Text: l.NumP(br.RelGrowth, 2)},
			{Text: l.Term("stage", orNA(l, br.Stage))},
			{Text: hhiText(l, br.Concentration)},
			{Text: crText(l, br.Concentration, br.Concentration.CR4)},
			{Text: l.NumP(br.RegionRTA, 2)},
			{Text: hot, Sub: hotspotWhy(l, br)},
		}}
		if br.Hotspot {
			r.Class = "flag"
		}
		tab.Rows = append(tab.Rows, r)
	}
	tab.Note = l.T("tech.branches_note", "region", regionName(l, m.Meta.Region.Name.In(l.Lang), m.Meta.Region.Country, m.Meta.Region.Province, m.Meta.Region.City))
	s.Blocks = append(s.Blocks, Block{Table: tab})
	// Branch × year heat map, years on the rows so that every value fits its cell.
	var names []string
	for _, br := range t.Branches {
		names = append(names, br.Name.In(l.Lang))
	}
	var yearRows []string
	var flags []bool
	heat := make([][]float64, len(t.Years))
	heatData := &Table{Head: append([]string{l.T("col.year")}, names...), Num: make([]bool, len(names)+1), Note: b.incompleteNote()}
	for j, y := range t.Years {
		inc := b.incomplete(y)
		yearRows = append(yearRows, l.Year(y, inc))
		flags = append(flags, inc)
		r := Row{Cells: []Cell{{Text: l.Year(y, inc)}}}
		if inc {
			r.Class = "incomplete"
		}
		heat[j] = make([]float64, len(names))
		for i := range names {
			v := math.NaN()
			if i < len(t.Heat) && j < len(t.Heat[i]) {
				v = t.Heat[i][j]
			}
			heat[j][i] = v
			r.Cells = append(r.Cells, Cell{Text: l.Count(v)})
		}
		heatData.Rows = append(heatData.Rows, r)
	}
	for i := range names {
		heatData.Num[i+1] = true
	}
	s.Blocks = append(s.Blocks, Block{Heading: l.T("tech.heat"), Chart: b.chart(svg.Heatmap(b.opts(l.T("tech.heat")), yearRows, names, heat, flags), l.T("tech.heat_caption"), heatData)})
	// RTA matrix.
	var rtaCols []string
	for _, id := range t.RTABranches {
		rtaCols = append(rtaCols, b.branchName(id))
	}
	rtaData := &Table{Head: append([]string{l.T("col.country")}, rtaCols...), Num: make([]bool, len(rtaCols)+1)}
	for j := range rtaCols {
		rtaData.Num[j+1] = true
	}
	for i, c := range t.Countries {
		r := Row{Cells: []Cell{{Text: c}}}
		for j := range rtaCols {
			var p *float64
			if i < len(t.RTA) && j < len(t.RTA[i]) {
				p = t.RTA[i][j]
			}
			r.Cells = append(r.Cells, Cell{Text: l.NumP(p, 2)})
		}
		rtaData.Rows = append(rtaData.Rows, r)
	}
	s.Blocks = append(s.Blocks, Block{Heading: l.T("tech.rta"), Chart: b.chart(svg.Diverging(b.opts(l.T("tech.rta")), t.Countries, rtaCols, t.RTA), l.T("tech.rta_caption", "min", l.Int(landscape.MinRTAFamilies.Min)), rtaData)})
	// Subclasses.
	sub := &Table{Caption: l.T("tech.subclasses"), Head: []string{l.T("col.subclass"), l.T("col.families"), l.T("col.share"), l.T("col.cagr"), l.T("col.bursts")}, Num: []bool{false, true, true, true, false}}
	for _, sc := range t.Subclasses {
		sub.Rows = append(sub.Rows, Row{Cells: []Cell{{Text: sc.Code}, {Text: l.Count(sc.Families)}, {Text: l.Pct(sc.Share)}, {Text: l.SignedPct(sc.CAGR)}, {Text: b.bursts(sc.Bursts)}}})
	}
	if len(t.Subclasses) > 0 {
		s.Blocks = append(s.Blocks, Block{Table: sub})
	}
	// Hotspots.
	var hs []string
	for _, id := range t.Hotspots {
		line := id
		found := false
		for _, br := range t.Branches {
			if br.ID == id {
				line = br.Name.In(l.Lang)
				if why := hotspotWhy(l, br); why != "" {
					line += " — " + why
				}
				if len(br.Bursts) > 0 {
					line += l.T("tech.hot_bursts", "bursts", b.bursts(br.Bursts))
				}
				found = true
			}
		}
		if !found {
			for _, sc := range t.Subclasses {
				if sc.Code == id && len(sc.Bursts) > 0 {
					line += l.T("tech.hot_bursts", "bursts", b.bursts(sc.Bursts))
				}
			}
		}
		hs = append(hs, line)
	}
	if len(hs) > 0 {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("tech.hotspots"), List: hs})
	} else {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("tech.hotspots"), Para: l.T("none")})
	}
	return s
}

func (b *macroBuilder) bursts(bs []landscape.Burst) string {
	if len(bs) == 0 {
		return ""
	}
	var out []string
	for _, x := range bs {
		out = append(out, b.l.T("burst", "years", b.l.Span(x.From, x.To), "level", strconv.Itoa(x.Level), "weight", b.l.Num(x.Weight, 1)))
	}
	return b.l.List(out)
}

// hotspotWhy is a branch's hotspot reason in the report's language (English when no Chinese
// text was recorded).
func hotspotWhy(l Locale, br landscape.BranchStats) string {
	return l.NotesText(br.HotspotWhy)
}
