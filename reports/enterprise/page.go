package enterprise

import (
	htmltemplate "html/template"
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/svg"
)

// Options tune the rendering of one enterprise report.
type Options struct {
	// Map is an optional SVG fragment (e.g. the landscape map with the enterprise's families
	// overlaid, from the clustering stage) shown in the layout section. It must already be safe
	// (built with html/template or the svg package); it is written verbatim.
	Map htmltemplate.HTML
	// MapCaption is the caption under the map.
	MapCaption string
}

// Page builds the format-independent page of an enterprise report in lang ("zh" or "en").
func Page(e *model.Enterprise, lang string, opt Options) (*reports.Page, error) {
	l, err := reports.NewLocale(lang)
	if err != nil {
		return nil, err
	}
	if e == nil {
		e = &model.Enterprise{}
	}
	b := &pageBuilder{l: l, e: e, opt: opt, names: map[string]config.Text{}}
	b.names[e.ID] = e.Name
	for _, c := range e.Competitors {
		b.names[c.Key] = c.Label
	}
	b.branches = append(b.branches, e.Branches...)
	return b.page(), nil
}

type pageBuilder struct {
	l        reports.Locale
	e        *model.Enterprise
	opt      Options
	names    map[string]config.Text // entity key → name
	branches []model.BranchPosition
	unav     map[string][]landscape.Unavailable
}

func (b *pageBuilder) t(key string, pairs ...string) string { return tr(b.l, key, pairs...) }

func orNA(l reports.Locale, s string) string {
	if strings.TrimSpace(s) == "" {
		return l.NA()
	}
	return s
}

// name returns an entity's name in the report's language.
func (b *pageBuilder) name(key, fallback string) string {
	if t, ok := b.names[key]; ok {
		if s := t.In(b.l.Lang); s != "" {
			return s
		}
	}
	if fallback != "" {
		return fallback
	}
	return key
}

func (b *pageBuilder) self() string {
	if s := b.e.Name.In(b.l.Lang); s != "" {
		return s
	}
	return orNA(b.l, b.e.ID)
}

// branchName maps a branch id to its name in the report's language.
func (b *pageBuilder) branchName(id string) string {
	for _, br := range b.branches {
		if br.ID == id {
			if s := br.Name.In(b.l.Lang); s != "" {
				return s
			}
		}
	}
	return id
}

func (b *pageBuilder) incomplete(y int) bool {
	for _, v := range b.e.Meta.Incomplete {
		if v == y {
			return true
		}
	}
	return false
}

func (b *pageBuilder) opts(title string) svg.Options {
	l := b.l
	return svg.Options{Title: title, NoData: l.T("nodata"), NA: l.NA(), Incomplete: l.T("incomplete"), Format: l.Count}
}

func (b *pageBuilder) chart(s htmltemplate.HTML, caption string, data *reports.Table) *reports.Chart {
	return &reports.Chart{SVG: s, Caption: caption, Data: data, DataLabel: b.l.T("data")}
}

// sectionKeys maps the first segment of an Unavailable.Analysis to the section that shows it.
var sectionKeys = map[string]string{
	"all": "overview", "match": "overview", "competitors": "overview",
	"portfolio": "portfolio", "quality": "quality", "claims": "quality", "generality": "quality", "forward citations": "quality",
	"inventors": "people", "expiry": "expiry", "citations": "benchmark", "watch_list": "watch",
}

// entSections are the enterprise report's section keys (an Unavailable.Section that names one
// of them places the entry there).
var entSections = map[string]bool{"overview": true, "portfolio": true, "branches": true, "markets": true, "quality": true,
	"people": true, "expiry": true, "benchmark": true, "layout": true, "watch": true, "recommendations": true, "limitations": true}

func sectionOf(analysis string) string {
	k := analysis
	if i := strings.IndexAny(k, "./"); i >= 0 {
		k = k[:i]
	}
	return sectionKeys[k]
}

func (b *pageBuilder) section(num, key string, basis *model.Basis) *reports.Section {
	s := &reports.Section{ID: "s" + num + "-" + key, Number: num, Title: b.t("sec." + key), UnavailableTitle: b.l.T("unavailable.section")}
	if basis != nil {
		s.Basis = b.basis(*basis)
	}
	s.Unavailable = b.unav[key]
	return s
}

func (b *pageBuilder) page() *reports.Page {
	l, e := b.l, b.e
	industry := orNA(l, e.Meta.Industry.In(l.Lang))
	p := &reports.Page{
		Lang:             l.Lang,
		Title:            b.t("title", "name", b.self()),
		Subtitle:         b.t("subtitle", "industry", industry),
		TOCTitle:         l.T("toc"),
		UnavailableTitle: l.T("unavailable.title"),
		Footer:           b.t("footer", "version", orNA(l, e.Meta.PatnavVersion), "generated", orNA(l, e.Meta.Generated)),
		Unavailable:      worded(l, e.Unavailable),
	}
	w := e.Windows
	p.Facts = []reports.Fact{
		{Label: b.t("hdr.enterprise"), Value: b.self()},
		{Label: b.t("hdr.role"), Value: term(l, "role", orNA(l, e.Role))},
		{Label: l.T("hdr.industry"), Value: industry},
		{Label: l.T("hdr.cutoff"), Value: orNA(l, e.Meta.Cutoff)},
		{Label: l.T("hdr.unit"), Value: l.Term("unit", "family")},
		{Label: l.T("hdr.window"), Value: l.Span(e.Meta.From, e.Meta.To)},
		{Label: b.t("hdr.windows"), Value: b.t("windows", "recent", l.Span(w.RecentFrom, w.RecentTo), "previous", l.Span(w.PreviousFrom, w.PreviousTo))},
		{Label: l.T("hdr.generated"), Value: orNA(l, e.Meta.Generated)},
	}
	b.unav = map[string][]landscape.Unavailable{}
	for _, u := range e.Unavailable {
		k := sectionOf(u.Analysis)
		if entSections[u.Section] {
			k = u.Section
		}
		if k != "" {
			b.unav[k] = append(b.unav[k], l.Worded(u))
		}
	}
	p.Sections = []*reports.Section{
		b.overview(), b.portfolio(), b.branchProfile(), b.markets(), b.quality(), b.people(), b.expiry(),
		b.benchmark(), b.layout(), b.watch(), b.recommendations(), b.limitations(),
	}
	return p
}

// 1 overview and name matching.
func (b *pageBuilder) overview() *reports.Section {
	l, e := b.l, b.e
	s := b.section("1", "overview", &e.Match.Basis)
	pf := e.Portfolio
	if pf.Whole > 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: b.t("ov.summary", "name", b.self(), "industry", orNA(l, e.Meta.Industry.In(l.Lang)),
			"families", l.Count(pf.Families), "share", l.Pct(pf.Share), "rank", l.Int(pf.Rank), "momentum", l.NumP(pf.Momentum, 2),
			"gaps", l.Int(len(e.Layout.Gaps)), "strengths", l.Int(len(e.Layout.Strengths)), "watch", l.Int(len(e.Watch.Items)))})
	} else {
		s.Blocks = append(s.Blocks, reports.Block{Para: b.t("ov.absent", "name", b.self())})
	}
	mt := &reports.Table{Caption: b.t("match.table"), Head: []string{b.t("col.configured"), b.t("col.type"), b.t("col.key"), l.T("col.families"), b.t("col.matched"), b.t("col.raw")},
		Num: []bool{false, false, false, true, false, false}, NoWrap: []bool{1: true, 4: true}, Note: b.t("match.note")}
	for _, n := range e.Match.Names {
		typ := b.t("source:name")
		if n.Source == "subsidiary" {
			typ = b.t("source:sub")
		}
		var raw []string
		for _, r := range n.Raw {
			raw = append(raw, r.Key+" ("+l.Count(r.N)+")")
		}
		row := reports.Row{Cells: []reports.Cell{{Text: n.Configured}, {Text: typ}, {Text: orNA(l, n.Key)}, {Text: l.Int(n.Families)}, {Text: yesNo(b, n.Found)}, {Text: l.List(raw)}}}
		if !n.Found {
			row.Class = "flag"
		}
		mt.Rows = append(mt.Rows, row)
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: mt})
	if len(e.Competitors) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Heading: b.t("comp.table"), Para: b.t("comp.none")})
		return s
	}
	ct := &reports.Table{Caption: b.t("comp.table"), Head: []string{"#", l.T("col.name"), b.t("col.how"), b.t("col.overlap"), b.t("col.key"), b.t("col.matched")},
		Num: []bool{true, false, false, true, false, false}, NoWrap: []bool{2: true, 5: true}, Note: b.t("comp.note")}
	for i, c := range e.Competitors {
		ov := ""
		if c.Source == "auto" {
			ov = l.Num(c.Overlap, 2)
		}
		ct.Rows = append(ct.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(i + 1)}, {Text: b.name(c.Key, c.Name)}, {Text: term(l, "csrc", c.Source)},
			{Text: ov}, {Text: l.List(c.Keys)}, {Text: yesNo(b, c.Found)}}})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: ct})
	return s
}

func yesNo(b *pageBuilder, v bool) string {
	if v {
		return b.t("yes")
	}
	return b.t("no")
}

// 2 portfolio.
func (b *pageBuilder) portfolio() *reports.Section {
	l, e := b.l, b.e
	p := e.Portfolio
	s := b.section("2", "portfolio", &p.Basis)
	w := e.Windows
	cagr, cagrLabel := l.NA(), b.t("pf.cagr_na")
	if p.Trend.CAGR != nil {
		cagr, cagrLabel = l.SignedPct(p.Trend.CAGR), b.t("pf.cagr", "years", l.Span(p.Trend.CAGRFrom, p.Trend.CAGRTo))
	}
	s.Blocks = append(s.Blocks, reports.Block{Facts: []reports.Fact{
		{Label: b.t("pf.families"), Value: l.Count(p.Families)},
		{Label: b.t("pf.whole"), Value: l.Int(p.Whole)},
		{Label: b.t("pf.share"), Value: l.Pct(p.Share)},
		{Label: b.t("pf.rank"), Value: rankText(l, p.Rank)},
		{Label: b.t("pf.years"), Value: l.Span(p.FirstYear, p.LastYear)},
		{Label: b.t("pf.granted"), Value: l.Int(p.Granted)},
		{Label: b.t("pf.momentum"), Value: b.t("pf.momentum_v", "m", l.NumP(p.Momentum, 2), "recent", l.Count(p.Recent), "previous", l.Count(p.Previous))},
		{Label: cagrLabel, Value: cagr},
	}, Note: b.t("pf.note") + " " + b.t("windows", "recent", l.Span(w.RecentFrom, w.RecentTo), "previous", l.Span(w.PreviousFrom, w.PreviousTo))})
	title := b.t("pf.chart", "name", b.self())
	var vals []svg.YearValue
	data := &reports.Table{Head: []string{l.T("col.year"), l.T("col.families")}, Num: []bool{false, true}}
	for _, pt := range p.Trend.Series {
		inc := pt.Incomplete || b.incomplete(pt.Year)
		vals = append(vals, svg.YearValue{Year: pt.Year, Value: pt.N, Incomplete: inc})
		r := reports.Row{Cells: []reports.Cell{{Text: l.Year(pt.Year, inc)}, {Text: l.Count(pt.N)}}}
		if inc {
			r.Class = "incomplete"
		}
		data.Rows = append(data.Rows, r)
	}
	if len(e.Meta.Incomplete) > 0 {
		data.Note = l.T("note.incomplete", "mark", reports.IncompleteMark)
	}
	s.Blocks = append(s.Blocks, reports.Block{Chart: b.chart(svg.YearBars(b.opts(title), vals), title, data)})
	var grid []reports.Block
	for _, x := range []struct {
		key   string
		cs    []landscape.Count
		label func(string) string
	}{
		{"pf.doctypes", p.DocTypes, func(k string) string { return term(l, "doc", k) }},
		{"pf.status", p.Status, func(k string) string { return l.Term("status", k) }},
	} {
		if len(x.cs) == 0 {
			continue
		}
		title := b.t(x.key)
		var its []svg.Item
		t := &reports.Table{Head: []string{title, l.T("col.n"), l.T("col.share")}, Num: []bool{false, true, true}}
		for _, c := range x.cs {
			its = append(its, svg.Item{Label: x.label(c.Key), Value: c.N})
			t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: x.label(c.Key)}, {Text: l.Count(c.N)}, {Text: l.Pct(c.Share)}}})
		}
		o := b.opts(title)
		o.Width = 420
		grid = append(grid, reports.Block{Heading: title, Chart: b.chart(svg.StackedShare(o, its), "", t)})
	}
	if len(grid) > 0 {
		s.Blocks = append(s.Blocks, reports.Block{Grid: grid})
	}
	if blk := b.standards(); blk != nil {
		s.Blocks = append(s.Blocks, *blk)
	}
	return s
}

func rankText(l reports.Locale, r int) string {
	if r <= 0 {
		return l.NA()
	}
	return l.Int(r)
}

// 3 branch profile.
func (b *pageBuilder) branchProfile() *reports.Section {
	l, e := b.l, b.e
	s := b.section("3", "branches", &e.BranchBasis)
	t := &reports.Table{Caption: b.t("br.table"), Head: []string{l.T("col.branch"), l.T("col.families"), b.t("col.own_share"), b.t("col.branch_share"), b.t("col.rta"),
		b.t("col.core"), b.t("col.control"), b.t("col.momentum"), b.t("col.ind_cagr")}, Num: []bool{false, true, true, true, true, true, true, true, true}}
	var bars []svg.Item
	var cols []string
	var rta []*float64
	for _, br := range e.Branches {
		row := reports.Row{Cells: []reports.Cell{
			{Text: br.Name.In(l.Lang), Sub: br.ID, Indent: br.Level - 1},
			{Text: l.Count(br.Families)},
			{Text: l.Pct(br.OwnShare)},
			{Text: l.Pct(br.BranchShare)},
			{Text: l.NumP(br.RTA, 2)},
			{Text: l.Count(br.CoreHeld) + " / " + l.Int(br.Core)},
			{Text: l.PctP(br.Control)},
			{Text: l.Num(br.IndustryMomentum, 2)},
			{Text: l.SignedPct(br.IndustryCAGR)},
		}}
		if br.RTA != nil && *br.RTA >= model.StrengthRTA {
			row.Class = "flag"
		}
		t.Rows = append(t.Rows, row)
		if br.Leaf {
			bars = append(bars, svg.Item{Label: br.Name.In(l.Lang), Value: br.Families, Hover: l.Pct(br.OwnShare)})
			cols = append(cols, br.Name.In(l.Lang))
			rta = append(rta, br.RTA)
		}
	}
	t.Note = b.t("br.note", "core", l.Pct(e.Quality.CoreTop))
	s.Blocks = append(s.Blocks, reports.Block{Table: t})
	title := b.t("br.chart")
	s.Blocks = append(s.Blocks, reports.Block{Chart: b.chart(svg.HBars(b.opts(title), bars), title, nil)})
	if len(cols) > 0 {
		title := b.t("br.rta_chart")
		s.Blocks = append(s.Blocks, reports.Block{Chart: b.chart(svg.Diverging(b.opts(title), []string{b.self()}, cols, [][]*float64{rta}), b.t("br.rta_caption"), nil)})
	}
	return s
}

// 4 markets.
func (b *pageBuilder) markets() *reports.Section {
	l, e := b.l, b.e
	m := e.Markets
	s := b.section("4", "markets", &m.Basis)
	s.Blocks = append(s.Blocks, reports.Block{Facts: []reports.Fact{{Label: b.t("mk.mean"), Value: b.t("mk.vs", "own", l.Num(m.MeanOffices, 2), "ind", l.Num(m.IndustryMeanOffices, 2))}}})
	t := &reports.Table{Caption: b.t("mk.table"), Head: []string{l.T("col.office"), l.T("col.families"), b.t("col.of_own"), b.t("col.of_ind")}, Num: []bool{false, true, true, true}}
	var bars []svg.Item
	for _, o := range m.Offices {
		t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: o.Office}, {Text: l.Int(o.Families)}, {Text: l.Pct(o.Share)}, {Text: l.Pct(o.IndustryShare)}}})
		bars = append(bars, svg.Item{Label: o.Office, Value: float64(o.Families), Hover: l.Pct(o.Share)})
	}
	title := b.t("mk.chart")
	s.Blocks = append(s.Blocks, reports.Block{Chart: b.chart(svg.HBars(b.opts(title), bars), title, nil)}, reports.Block{Table: t})
	return s
}

// 5 quality.
func (b *pageBuilder) quality() *reports.Section {
	l, e := b.l, b.e
	q := e.Quality
	var indicators []string
	for _, x := range q.Indicators {
		indicators = append(indicators, l.IndicatorText(x, q.CitationWindow))
	}
	s := b.section("5", "quality", &q.Basis)
	s.Blocks = append(s.Blocks, reports.Block{Facts: []reports.Fact{
		{Label: b.t("q.indicators"), Value: l.List(indicators)},
		{Label: b.t("q.scored"), Value: l.Int(q.Scored)},
		{Label: b.t("q.mean"), Value: b.t("mk.vs", "own", l.NumP(q.Mean, 3), "ind", l.NumP(q.IndustryMean, 3))},
		{Label: b.t("q.top_decile"), Value: b.t("q.top_vs", "own", l.PctP(q.TopDecileShare))},
		{Label: b.t("q.core"), Value: b.t("q.core_v", "n", l.Int(q.Core), "share", l.PctP(q.CoreShare))},
	}})
	if len(q.Deciles) == 10 {
		var bars []svg.Item
		data := &reports.Table{Head: []string{b.t("col.decile"), l.T("col.share")}, Num: []bool{false, true}}
		for i := 9; i >= 0; i-- {
			lab := "D" + strconv.Itoa(i+1)
			bars = append(bars, svg.Item{Label: lab, Value: 100 * q.Deciles[i]})
			data.Rows = append(data.Rows, reports.Row{Cells: []reports.Cell{{Text: lab}, {Text: l.Pct(q.Deciles[i])}}})
		}
		o := b.opts(b.t("q.deciles"))
		o.Format = func(v float64) string { return l.Num(v, 1) + "%" }
		s.Blocks = append(s.Blocks, reports.Block{Heading: b.t("q.deciles"), Chart: b.chart(svg.HBars(o, bars), b.t("q.deciles_caption"), data)})
	}
	if len(q.Top) > 0 {
		s.Blocks = append(s.Blocks, reports.Block{Table: b.patentTable(b.t("q.top"), q.Top)})
	}
	return s
}

// patentTable lists families with their quality, status, expiry and branches.
func (b *pageBuilder) patentTable(caption string, ps []model.PatentRef) *reports.Table {
	l := b.l
	t := &reports.Table{Caption: caption, Head: []string{"#", l.T("col.pub"), l.T("col.title"), b.t("col.holders"), l.T("col.year"), l.T("col.score"), l.T("col.fwd"),
		l.T("col.famsize"), l.T("col.status"), b.t("col.expiry"), l.T("col.branch")},
		Num: []bool{true, false, false, false, true, true, true, true, false, false, false}, NoWrap: []bool{8: true, 9: true}}
	for i, p := range ps {
		t.Rows = append(t.Rows, reports.Row{Cells: b.patentCells(i+1, p)})
	}
	return t
}

func (b *pageBuilder) patentCells(n int, p model.PatentRef) []reports.Cell {
	l := b.l
	score, sub := l.NA(), ""
	if p.Score != nil {
		score = l.Num(*p.Score, 3)
		if p.Decile > 0 {
			sub = "D" + strconv.Itoa(p.Decile)
		}
	}
	fwd := l.NA()
	if p.ForwardCites != nil {
		fwd = l.Int(*p.ForwardCites)
	}
	exp := orNA(l, p.Expiry)
	if p.Expiry != "" && p.ExpiryEstimated {
		exp += b.t("estimated")
	}
	var brs []string
	for _, id := range p.Branches {
		brs = append(brs, b.branchName(id))
	}
	return []reports.Cell{{Text: strconv.Itoa(n)}, {Text: orNA(l, p.PubNumber), Sub: p.FamilyID}, {Text: orNA(l, p.Title)}, {Text: holderList(l, p.Holders, 3)},
		{Text: l.Year(p.Year, b.incomplete(p.Year))}, {Text: score, Sub: sub}, {Text: fwd}, {Text: l.Int(p.FamilySize)}, {Text: l.Term("status", orNA(l, p.Status))},
		{Text: exp}, {Text: l.List(brs)}}
}

// 6 partners and inventors.
func (b *pageBuilder) people() *reports.Section {
	l, e := b.l, b.e
	s := b.section("6", "people", &e.Partners.Basis)
	var grid []reports.Block
	for _, x := range []struct {
		key string
		ps  []model.Partner
	}{{"pp.co", e.Partners.CoApplicants}, {"pp.academic", e.Partners.Academic}} {
		blk := reports.Block{Heading: b.t(x.key)}
		if len(x.ps) == 0 {
			blk.Para = l.T("none")
		} else {
			t := &reports.Table{Head: []string{"#", l.T("col.applicant"), l.T("col.kind"), l.T("col.country"), b.t("col.shared")}, Num: []bool{true, false, false, false, true}, NoWrap: []bool{2: true, 3: true}}
			for i, p := range x.ps {
				name := p.Display
				if name == "" {
					name = p.Name
				}
				t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(i + 1)}, {Text: name}, {Text: l.Term("kind", orNA(l, p.Kind))}, {Text: orNA(l, p.Country)}, {Text: l.Int(p.Families)}}})
			}
			blk.Table = t
		}
		grid = append(grid, blk)
	}
	s.Blocks = append(s.Blocks, reports.Block{Grid: grid})
	inv := e.Inventors
	dep := l.NA()
	if inv.TopShare != nil {
		dep = b.t("inv.dep_v", "share", l.PctP(inv.TopShare), "level", term(l, "dep", inv.Level))
	}
	s.Blocks = append(s.Blocks, reports.Block{Heading: b.t("inv.dep"), Facts: []reports.Fact{
		{Label: b.t("inv.dep"), Value: dep},
		{Label: b.t("inv.count"), Value: l.Int(inv.Inventors)},
		{Label: b.t("inv.with"), Value: l.Int(inv.WithInventors)},
	}, Note: b.t("inv.note", "k", strconv.Itoa(inv.TopK)) + " " + b.basis(inv.Basis)})
	if len(inv.Top) > 0 {
		t := &reports.Table{Caption: b.t("inv.top"), Head: []string{"#", l.T("col.inventor"), l.T("col.families"), l.T("col.share")}, Num: []bool{true, false, true, true}}
		for i, x := range inv.Top {
			t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(i + 1)}, {Text: x.Name}, {Text: l.Int(x.Families)}, {Text: l.Pct(x.Share)}}})
		}
		s.Blocks = append(s.Blocks, reports.Block{Table: t})
	}
	return s
}

// 7 expiring and lapsed.
func (b *pageBuilder) expiry() *reports.Section {
	l, e := b.l, b.e
	x := e.Expiry
	s := b.section("7", "expiry", &x.Basis)
	s.Blocks = append(s.Blocks, reports.Block{Para: b.t("ex.note")})
	for _, part := range []struct {
		heading string
		ps      []model.PatentRef
	}{
		{b.t("ex.expiring", "from", orNA(l, e.Meta.Cutoff), "to", orNA(l, x.Horizon), "n", l.Int(x.ExpiringCount)), x.Expiring},
		{b.t("ex.lapsed", "n", l.Int(x.LapsedCount)), x.Lapsed},
	} {
		blk := reports.Block{Heading: part.heading}
		if len(part.ps) == 0 {
			blk.Para = l.T("none")
		} else {
			blk.Table = b.patentTable("", part.ps)
		}
		s.Blocks = append(s.Blocks, blk)
	}
	// The enterprise's own changes since the previous run (lapses, transfers, pledges …).
	blk := reports.Block{Heading: b.t("ex.changes", "n", l.Int(len(e.Changes)))}
	if len(e.Changes) == 0 {
		blk.Para = l.T("none")
	} else {
		t := &reports.Table{Head: []string{b.t("ex.col.pub"), b.t("ex.col.event"), b.t("ex.col.change"), b.t("ex.col.observed"), b.t("ex.col.file")},
			NoWrap: []bool{true, true, false, true, false}}
		for _, c := range e.Changes {
			old := c.Old
			if old == "" {
				old = "—"
			}
			t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: c.PubNumber}, {Text: b.t("pev:" + c.Event)},
				{Text: old + " → " + c.New, Sub: changeSub(l, c)}, {Text: c.Observed}, {Text: c.SourceFile}}})
		}
		blk.Table = t
	}
	s.Blocks = append(s.Blocks, blk)
	return s
}

// changeSub is the note under a change's values: its field, and for an owner change the owners'
// countries with the basis of each.
func changeSub(l reports.Locale, c landscape.PatentChange) string {
	if w := l.OwnerPlace(c); w != "" {
		return c.Field + " · " + w
	}
	return c.Field
}

// 8 competitor benchmark.
func (b *pageBuilder) benchmark() *reports.Section {
	l, e := b.l, b.e
	bm := e.Benchmark
	s := b.section("8", "benchmark", &bm.Basis)
	if len(bm.Rows) > 0 {
		head := []string{b.t("col.measure")}
		num := []bool{false}
		for _, r := range bm.Rows {
			head = append(head, b.name(r.Key, r.Name))
			num = append(num, true)
		}
		t := &reports.Table{Caption: b.t("bm.table"), Head: head, Num: num}
		add := func(key string, f func(r model.BenchRow) string) {
			row := reports.Row{Cells: []reports.Cell{{Text: b.t(key)}}}
			for _, r := range bm.Rows {
				row.Cells = append(row.Cells, reports.Cell{Text: f(r)})
			}
			t.Rows = append(t.Rows, row)
		}
		add("bm.families", func(r model.BenchRow) string { return l.Count(r.Families) })
		add("bm.share", func(r model.BenchRow) string { return l.Pct(r.Share) })
		add("bm.cagr", func(r model.BenchRow) string { return l.SignedPct(r.CAGR) })
		add("bm.momentum", func(r model.BenchRow) string { return l.NumP(r.Momentum, 2) })
		add("bm.invention", func(r model.BenchRow) string { return l.PctP(r.InventionShare) })
		add("bm.granted", func(r model.BenchRow) string { return l.PctP(r.GrantedShare) })
		add("bm.alive", func(r model.BenchRow) string { return l.PctP(r.AliveShare) })
		add("bm.offices", func(r model.BenchRow) string { return l.NumP(r.MeanOffices, 2) })
		add("bm.markets", func(r model.BenchRow) string { return l.Int(r.Offices) })
		add("bm.quality", func(r model.BenchRow) string { return l.NumP(r.QualityMean, 3) })
		add("bm.topdecile", func(r model.BenchRow) string { return l.PctP(r.TopDecileShare) })
		add("bm.core", func(r model.BenchRow) string { return l.Int(r.Core) })
		add("bm.inventor", func(r model.BenchRow) string { return l.PctP(r.TopInventor) })
		add("bm.topbranch", func(r model.BenchRow) string { return orNA(l, b.branchName(r.TopBranch)) })
		s.Blocks = append(s.Blocks, reports.Block{Table: t})
	}
	if len(bm.Branches) > 0 && len(bm.Rows) > 0 {
		var rows, cols []string
		for _, r := range bm.Rows {
			rows = append(rows, b.name(r.Key, r.Name))
		}
		for _, id := range bm.Branches {
			cols = append(cols, b.branchName(id))
		}
		data := &reports.Table{Head: append([]string{l.T("col.applicant")}, cols...), Num: make([]bool, len(cols)+1)}
		for j := range cols {
			data.Num[j+1] = true
		}
		for i, r := range rows {
			row := reports.Row{Cells: []reports.Cell{{Text: r}}}
			for j := range cols {
				v := math.NaN()
				if i < len(bm.Matrix) && j < len(bm.Matrix[i]) {
					v = bm.Matrix[i][j]
				}
				row.Cells = append(row.Cells, reports.Cell{Text: l.Count(v)})
			}
			data.Rows = append(data.Rows, row)
		}
		o := b.opts(b.t("bm.heat"))
		o.Sqrt = true
		s.Blocks = append(s.Blocks, reports.Block{Heading: b.t("bm.heat"), Chart: b.chart(svg.Heatmap(o, rows, cols, bm.Matrix, nil), b.t("bm.heat_caption"), data)})
	}
	c := e.Citations
	if c.Available {
		blk := reports.Block{Heading: b.t("cite.table"), Note: b.t("cite.note") + " " + b.basis(c.Basis)}
		if len(c.Flows) == 0 {
			blk.Para = b.t("cite.none")
		} else {
			t := &reports.Table{Head: []string{b.t("col.citing"), b.t("col.cited_by"), b.t("col.pairs")}, Num: []bool{false, false, true}}
			for _, f := range c.Flows {
				t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: b.name(f.From, f.FromName)}, {Text: b.name(f.To, f.ToName)}, {Text: l.Int(f.Pairs)}}})
			}
			blk.Table = t
		}
		s.Blocks = append(s.Blocks, blk)
	}
	return s
}

// 9 layout gaps and strengths.
func (b *pageBuilder) layout() *reports.Section {
	l, e := b.l, b.e
	L := e.Layout
	s := b.section("9", "layout", &L.Basis)
	if rule := b.note(L.Rule); rule != "" {
		s.Blocks = append(s.Blocks, reports.Block{Para: rule})
	}
	gapTable := func(caption string, gs []model.Gap) reports.Block {
		blk := reports.Block{Heading: caption}
		if len(gs) == 0 {
			blk.Para = b.t("ly.none")
			return blk
		}
		t := &reports.Table{Head: []string{"#", b.t("col.dim"), b.t("col.gap_score"), b.t("col.growth"), b.t("col.ind_recent"), b.t("col.comp"), b.t("col.distance"), b.t("col.rta"), l.T("col.families"), b.t("col.lead")},
			Num: []bool{true, false, true, true, true, true, true, true, true, false}}
		for i, g := range gs {
			lead := ""
			if g.Lead != "" {
				lead = b.name(g.LeadKey, g.Lead) + " (" + l.Count(g.LeadFamilies) + ")"
			}
			t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(i + 1)}, {Text: g.Name.In(l.Lang), Sub: g.ID}, {Text: l.Num(g.Score, 3)},
				{Text: l.Num(g.Growth, 2)}, {Text: l.Count(g.IndustryRecent) + " / " + l.Count(g.IndustryPrevious)}, {Text: l.Pct(g.CompetitorStrength)},
				{Text: l.Num(g.Distance, 2)}, {Text: l.NumP(g.RTA, 2)}, {Text: l.Count(g.Families)}, {Text: orNA(l, lead)}}})
		}
		blk.Table = t
		return blk
	}
	s.Blocks = append(s.Blocks, gapTable(b.t("ly.gaps"), L.Gaps))
	if len(L.ClusterGaps) > 0 {
		s.Blocks = append(s.Blocks, gapTable(b.t("ly.clusters"), L.ClusterGaps))
	}
	sb := reports.Block{Heading: b.t("ly.strengths")}
	if len(L.Strengths) == 0 {
		sb.Para = b.t("ly.none")
	} else {
		t := &reports.Table{Head: []string{"#", l.T("col.branch"), b.t("col.rta"), l.T("col.families"), b.t("col.branch_share"), b.t("col.control")}, Num: []bool{true, false, true, true, true, true}}
		for i, st := range L.Strengths {
			t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(i + 1)}, {Text: st.Name.In(l.Lang), Sub: st.ID}, {Text: l.Num(st.RTA, 2)}, {Text: l.Count(st.Families)}, {Text: l.Pct(st.BranchShare)}, {Text: l.PctP(st.Control)}}})
		}
		sb.Table = t
	}
	s.Blocks = append(s.Blocks, sb)
	rb := reports.Block{Heading: b.t("ly.reserve")}
	if len(L.Reserve) == 0 {
		rb.Para = b.t("ly.none")
	} else {
		t := &reports.Table{Head: []string{"#", l.T("col.branch"), b.t("col.growth"), b.t("col.ind_recent"), b.t("col.comp"), b.t("col.rta"), l.T("col.families")}, Num: []bool{true, false, true, true, true, true, true}}
		for i, g := range L.Reserve {
			t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(i + 1)}, {Text: g.Name.In(l.Lang), Sub: g.ID}, {Text: l.Num(g.Growth, 2)},
				{Text: l.Count(g.IndustryRecent) + " / " + l.Count(g.IndustryPrevious)}, {Text: l.Pct(g.CompetitorStrength)}, {Text: l.NumP(g.RTA, 2)}, {Text: l.Count(g.Families)}}})
		}
		rb.Table = t
	}
	s.Blocks = append(s.Blocks, rb)
	if b.opt.Map != "" {
		s.Blocks = append(s.Blocks, reports.Block{Heading: b.t("ly.map"), Chart: &reports.Chart{SVG: b.opt.Map, Caption: b.opt.MapCaption}})
	}
	return s
}

// 10 watch list.
func (b *pageBuilder) watch() *reports.Section {
	l, e := b.l, b.e
	w := e.Watch
	s := b.section("10", "watch", &w.Basis)
	var core []string
	for _, id := range w.CoreBranches {
		share := 0.0
		for _, br := range e.Branches {
			if br.ID == id {
				share = br.OwnShare
			}
		}
		core = append(core, b.t("w.branch_share", "branch", b.branchName(id), "share", l.Pct(share)))
	}
	thr := l.NA()
	if w.Threshold != nil {
		thr = b.t("w.threshold_v", "t", l.Num(*w.Threshold, 3), "p", l.Num(100*w.Percentile, 0))
	}
	s.Blocks = append(s.Blocks, reports.Block{Facts: []reports.Fact{
		{Label: b.t("w.core"), Value: l.List(core)},
		{Label: b.t("w.threshold"), Value: thr},
		{Label: b.t("w.candidates"), Value: l.Int(w.Candidates)},
	}, Note: b.t("w.note")})
	if len(w.Items) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Heading: b.t("w.table"), Para: l.T("none")})
		return s
	}
	t := &reports.Table{Caption: b.t("w.table"), Head: []string{"#", l.T("col.pub"), l.T("col.title"), l.T("col.year"), l.T("col.score"), l.T("col.fwd"),
		l.T("col.famsize"), b.t("col.expiry"), b.t("col.why")},
		Num: []bool{true, false, false, true, true, true, true, false, false}, NoWrap: []bool{7: true}}
	for _, it := range w.Items {
		c := b.patentCells(it.Rank, it.PatentRef)
		// # | publication | title (holders below) | year | score | fwd | family size | expiry | why
		title := c[2]
		title.Sub = holderList(l, it.Holders, 3)
		row := reports.Row{Cells: []reports.Cell{c[0], c[1], title, c[4], c[5], c[6], c[7], c[9], {Text: b.watchWhy(it)}}}
		if it.Competitor != "" {
			row.Class = "flag"
		}
		t.Rows = append(t.Rows, row)
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: t})
	return s
}

// watchWhy says, in the report's language, why a family is on the watch list: the model's
// reasons (its status, its quality against the threshold, the core branches it falls in and who
// holds it) worded by the catalogue.
func (b *pageBuilder) watchWhy(it model.WatchItem) string { return b.notes(it.Why) }

// holderList lists at most n holders, then "+k".
func holderList(l reports.Locale, hs []string, n int) string {
	if len(hs) <= n {
		return l.List(hs)
	}
	return l.List(hs[:n]) + " +" + strconv.Itoa(len(hs)-n)
}

// 11 recommendations.
func (b *pageBuilder) recommendations() *reports.Section {
	l, e := b.l, b.e
	s := b.section("11", "recommendations", nil)
	if len(e.Recommendations) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: l.T("none")})
		return s
	}
	for i, r := range e.Recommendations {
		target := r.Target
		if r.Branch != "" && r.Name.In(l.Lang) != "" && (r.Kind == "offensive" || r.Kind == "defensive" || r.Kind == "reserve") {
			target = r.Name.In(l.Lang)
		}
		var ev []string
		for _, x := range r.Evidence {
			ev = append(ev, b.evidence(x))
		}
		s.Blocks = append(s.Blocks, reports.Block{Heading: strconv.Itoa(i+1) + ". " + term(l, "rec", r.Kind) + ": " + target, Para: b.note(r.Why), List: ev,
			Note: b.t("rec.evidence", "n", l.Int(len(r.Evidence)))})
	}
	return s
}

// evidence formats one evidence item: its label and value by unit.
func (b *pageBuilder) evidence(x model.Evidence) string {
	l := b.l
	label := term(l, "ev", x.Key)
	var v string
	switch {
	case x.Value != nil:
		switch x.Unit {
		case "share":
			v = l.Pct(*x.Value)
		case "families", "count":
			v = l.Count(*x.Value)
		case "ratio":
			v = l.Num(*x.Value, 2)
		default:
			v = l.Num(*x.Value, 3)
		}
		if x.Text != "" {
			v = b.name(x.Entity, x.Text) + " (" + v + ")"
		}
	case len(x.Notes) > 0:
		v = l.NotesText(x.Notes)
	case x.Key == "kind":
		v = l.Term("kind", x.Text)
	case x.Text == "yes" || x.Text == "no":
		v = b.t(x.Text)
	default:
		v = orNA(l, x.Text)
	}
	if l.Lang == "zh" {
		return label + "：" + v
	}
	return label + ": " + v
}

// 12 limitations.
func (b *pageBuilder) limitations() *reports.Section {
	l, e := b.l, b.e
	s := b.section("12", "limitations", nil)
	var items []string
	for _, n := range e.Limitations {
		if x := b.note(n); x != "" {
			items = append(items, x)
		}
	}
	if len(items) > 0 {
		s.Blocks = append(s.Blocks, reports.Block{List: items})
	}
	if len(e.Unavailable) > 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: b.t("lim.see_unavailable", "n", l.Int(len(e.Unavailable)))})
	}
	return s
}

// worded words each unavailable analysis through the reports catalogue.
func worded(l reports.Locale, us []landscape.Unavailable) []landscape.Unavailable {
	out := make([]landscape.Unavailable, len(us))
	for i, u := range us {
		out[i] = l.Worded(u)
	}
	return out
}
