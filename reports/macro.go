package reports

import (
	htmltemplate "html/template"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// RenderOptions tune MacroHTMLOptions and MacroMarkdownOptions.
type RenderOptions struct {
	// Extra sections (11 white space, 12 barriers and risk, …) are inserted among the built-in
	// sections by Number.
	Extra []ExtraSection
	// TopPlayers is how many top applicants get a key-player profile (default 6).
	TopPlayers int
}

// ExtraSection is a section rendered elsewhere and placed into the macro report.
type ExtraSection struct {
	Number int    // position in the report: 11 goes after 10 and before 13
	ID     string // anchor id; default "s<Number>"
	Title  string
	Basis  string
	// HTML is the section body for MacroHTMLOptions (already safe: built with html/template or
	// the svg package); Markdown the body for MacroMarkdownOptions (already escaped).
	HTML     htmltemplate.HTML
	Markdown string
}

// MacroHTML writes the macro industry navigation report as one self-contained HTML document in
// lang ("zh" or "en").
func MacroHTML(w io.Writer, m *landscape.Macro, lang string) error {
	return MacroHTMLOptions(w, m, lang, RenderOptions{})
}

// MacroHTMLOptions is MacroHTML with options (extra sections).
func MacroHTMLOptions(w io.Writer, m *landscape.Macro, lang string, opt RenderOptions) error {
	p, err := MacroPage(m, lang, opt)
	if err != nil {
		return err
	}
	return RenderHTML(w, p)
}

// MacroMarkdown writes the macro industry navigation report as Markdown in lang.
func MacroMarkdown(w io.Writer, m *landscape.Macro, lang string) error {
	return MacroMarkdownOptions(w, m, lang, RenderOptions{})
}

// MacroMarkdownOptions is MacroMarkdown with options (extra sections).
func MacroMarkdownOptions(w io.Writer, m *landscape.Macro, lang string, opt RenderOptions) error {
	p, err := MacroPage(m, lang, opt)
	if err != nil {
		return err
	}
	return RenderMarkdown(w, p)
}

// MacroPage builds the format-independent page of the macro report.
func MacroPage(m *landscape.Macro, lang string, opt RenderOptions) (*Page, error) {
	l, err := NewLocale(lang)
	if err != nil {
		return nil, err
	}
	if m == nil {
		m = &landscape.Macro{}
	}
	b := &macroBuilder{l: l, m: m, opt: opt}
	return b.page(), nil
}

type macroBuilder struct {
	l   Locale
	m   *landscape.Macro
	opt RenderOptions
	// unavailable analyses per section key
	unav map[string][]landscape.Unavailable
}

func (b *macroBuilder) page() *Page {
	l, m := b.l, b.m
	industry := m.Meta.Industry.In(l.Lang)
	if industry == "" {
		industry = l.NA()
	}
	p := &Page{
		Lang:             l.Lang,
		Title:            l.T("title", "industry", industry),
		Subtitle:         l.T("subtitle"),
		TOCTitle:         l.T("toc"),
		UnavailableTitle: l.T("unavailable.title"),
		Footer:           l.T("footer", "version", orNA(l, m.Meta.PatnavVersion), "generated", orNA(l, m.Meta.Generated)),
	}
	p.Facts = []Fact{
		{l.T("hdr.industry"), industry},
		{l.T("hdr.region"), regionName(l, m.Meta.Region.Name.In(l.Lang), m.Meta.Region.Country, m.Meta.Region.Province, m.Meta.Region.City)},
		{l.T("hdr.cutoff"), orNA(l, m.Meta.Cutoff)},
		{l.T("hdr.unit"), l.Term("unit", m.Meta.Unit)},
		{l.T("hdr.window"), l.Span(m.Meta.From, m.Meta.To)},
		{l.T("hdr.incomplete"), b.incompleteList()},
		{l.T("hdr.generated"), orNA(l, m.Meta.Generated)},
	}
	// Unavailable analyses: the model's list plus the quality section's missing indicators.
	all := append([]landscape.Unavailable(nil), m.Unavailable...)
	seen := map[landscape.Unavailable]bool{}
	for _, u := range all {
		seen[u] = true
	}
	for _, u := range m.Quality.Missing {
		if !seen[u] {
			all = append(all, u)
			seen[u] = true
		}
	}
	// Each entry is shown in the section the model names (else the one its name suggests) and in
	// the closing list, worded by the catalogue.
	b.unav = map[string][]landscape.Unavailable{}
	for _, u := range m.Unavailable {
		k := u.Section
		if k == "" {
			k = unavailableSection(u.Analysis)
		}
		b.unav[k] = append(b.unav[k], l.Worded(u))
	}
	for i := range all {
		all[i] = l.Worded(all[i])
	}
	p.Unavailable = all
	secs := []*Section{
		b.scope(), b.trend(), b.lifeCycle(), b.geography(), b.technology(), b.applicants(),
		b.keyPlayers(), b.inventors(), b.legal(), b.quality(), b.regional(), b.recommendations(),
		b.limitations(),
	}
	for _, s := range secs {
		if s.UnavailableTitle == "" {
			s.UnavailableTitle = l.T("unavailable.section")
		}
	}
	// Extra sections by number.
	type numbered struct {
		n int
		s *Section
	}
	var ns []numbered
	for _, s := range secs {
		v, _ := strconv.Atoi(s.Number)
		ns = append(ns, numbered{v, s})
	}
	for _, e := range b.opt.Extra {
		id := e.ID
		if id == "" {
			id = "s" + strconv.Itoa(e.Number)
		}
		ns = append(ns, numbered{e.Number, &Section{ID: id, Number: strconv.Itoa(e.Number), Title: e.Title, Basis: e.Basis, HTML: e.HTML, Markdown: e.Markdown}})
	}
	sort.SliceStable(ns, func(i, j int) bool { return ns[i].n < ns[j].n })
	// Sections are numbered 1, 2, 3 … in the order shown: the checklist numbers (navigation.md
	// §3) order them, but a report without a checklist section (the map, 11, is optional; barriers,
	// 12, is the warning bulletin) must not skip a number.
	for i, x := range ns {
		x.s.Number = strconv.Itoa(i + 1)
		p.Sections = append(p.Sections, x.s)
	}
	return p
}

func orNA(l Locale, s string) string {
	if strings.TrimSpace(s) == "" {
		return l.NA()
	}
	return s
}

func regionName(l Locale, name, country, province, city string) string {
	var parts []string
	for _, s := range []string{country, province, city} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	code := strings.Join(parts, " / ")
	switch {
	case name != "" && code != "":
		return name + " (" + code + ")"
	case name != "":
		return name
	case code != "":
		return code
	}
	return l.NA()
}

// section starts a section with its number, key and title.
func (b *macroBuilder) section(num, key string, basis *landscape.Basis) *Section {
	s := &Section{ID: "s" + num + "-" + strings.ReplaceAll(key, "_", "-"), Number: num, Title: b.l.T("sec." + key)}
	if basis != nil {
		s.Basis = b.l.Basis(*basis)
	}
	s.Unavailable = b.unav[key]
	return s
}

// incomplete reports whether year y is flagged incomplete in the meta.
func (b *macroBuilder) incomplete(y int) bool {
	for _, v := range b.m.Meta.Incomplete {
		if v == y {
			return true
		}
	}
	return false
}

func (b *macroBuilder) incompleteList() string {
	if len(b.m.Meta.Incomplete) == 0 {
		return b.l.T("none")
	}
	var ys []string
	for _, y := range b.m.Meta.Incomplete {
		ys = append(ys, b.l.Year(y, true))
	}
	return b.l.List(ys)
}

// opts returns chart options in the report's language.
func (b *macroBuilder) opts(title string) svg.Options {
	l := b.l
	return svg.Options{Title: title, NoData: l.T("nodata"), NA: l.NA(), Incomplete: l.T("incomplete"), Format: l.Count}
}

func (b *macroBuilder) chart(svgHTML htmltemplate.HTML, caption string, data *Table) *Chart {
	return &Chart{SVG: svgHTML, Caption: caption, Data: data, DataLabel: b.l.T("data")}
}

// incompleteNote is the footnote explaining the incomplete-year mark.
func (b *macroBuilder) incompleteNote() string {
	if len(b.m.Meta.Incomplete) == 0 {
		return ""
	}
	return b.l.T("note.incomplete", "mark", IncompleteMark)
}

// branchName maps a branch id to its name in the report's language.
func (b *macroBuilder) branchName(id string) string {
	for _, br := range b.m.Technology.Branches {
		if br.ID == id {
			if s := br.Name.In(b.l.Lang); s != "" {
				return s
			}
		}
	}
	for _, n := range b.m.Scope.Tree {
		if n.ID == id {
			if s := n.Name.In(b.l.Lang); s != "" {
				return s
			}
		}
	}
	return id
}

func countLabel(c landscape.Count) string {
	if c.Label != "" {
		return c.Label
	}
	return c.Key
}

func (b *macroBuilder) countTable(head string, cs []landscape.Count, label func(landscape.Count) string) *Table {
	l := b.l
	t := &Table{Head: []string{head, l.T("col.n"), l.T("col.share")}, Num: []bool{false, true, true}}
	total := 0.0
	for _, c := range cs {
		total += c.N
	}
	for _, c := range cs {
		share := c.Share
		if share == 0 && total > 0 {
			share = c.N / total
		}
		t.Rows = append(t.Rows, Row{Cells: []Cell{{Text: label(c)}, {Text: l.Count(c.N)}, {Text: l.Pct(share)}}})
	}
	return t
}

func items(cs []landscape.Count, label func(landscape.Count) string) []svg.Item {
	out := make([]svg.Item, 0, len(cs))
	for _, c := range cs {
		out = append(out, svg.Item{Label: label(c), Value: c.N})
	}
	return out
}

// yearTable is the data table behind a year chart.
func (b *macroBuilder) yearTable(head string, pts []landscape.YearPoint) *Table {
	l := b.l
	t := &Table{Head: []string{l.T("col.year"), head}, Num: []bool{false, true}, Note: b.incompleteNote()}
	for _, p := range pts {
		inc := p.Incomplete || b.incomplete(p.Year)
		r := Row{Cells: []Cell{{Text: l.Year(p.Year, inc)}, {Text: l.Count(p.N)}}}
		if inc {
			r.Class = "incomplete"
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

func (b *macroBuilder) yearValues(pts []landscape.YearPoint) []svg.YearValue {
	out := make([]svg.YearValue, 0, len(pts))
	for _, p := range pts {
		out = append(out, svg.YearValue{Year: p.Year, Value: p.N, Incomplete: p.Incomplete || b.incomplete(p.Year)})
	}
	return out
}

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
		method = append(method, b.methodLine(x))
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

// methodLine translates a method entry "key: detail" when the key is known; other entries are
// shown as they are.
func (b *macroBuilder) methodLine(x string) string {
	key, detail, ok := strings.Cut(x, ":")
	name := b.l.Term("method", key)
	if name == key {
		return x
	}
	if !ok {
		return name
	}
	return name + ": " + strings.TrimSpace(detail)
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
	stage := Block{Heading: l.T("lc.stage"), Facts: []Fact{{l.T("lc.stage"), l.Term("stage", orNA(l, lc.Stage))}, {l.T("lc.rule"), orNA(l, lc.Rule)}}}
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
	s.Blocks = append(s.Blocks, Block{Heading: l.T("tech.rta"), Chart: b.chart(svg.Diverging(b.opts(l.T("tech.rta")), t.Countries, rtaCols, t.RTA), l.T("tech.rta_caption"), rtaData)})
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
		hhi, cr4 = append(hhi, y.HHI), append(cr4, 100*y.CR4)
		r := Row{Cells: []Cell{{Text: l.Year(y.Year, i)}, {Text: l.Num(y.HHI, 0)}, {Text: l.Pct(y.CR4)}}}
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

// 8 inventors.
func (b *macroBuilder) inventors() *Section {
	l, m := b.l, b.m
	inv := m.Inventors
	s := b.section("8", "inventors", &inv.Basis)
	s.Blocks = append(s.Blocks, Block{Facts: []Fact{{l.T("inv.total"), l.Int(inv.Total)}}})
	tab := &Table{Caption: l.T("inv.top"), Head: []string{"#", l.T("col.inventor"), l.T("col.families"), l.T("col.hindex"), l.T("col.applicants")}, Num: []bool{true, false, true, true, false}}
	var mobile []string
	for i, x := range inv.Top {
		r := Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: x.Name}, {Text: l.Int(x.Families)}, {Text: l.Int(x.HIndex)}, {Text: l.List(x.Applicants)}}}
		if len(x.Applicants) > 1 {
			r.Class = "flag"
			mobile = append(mobile, x.Name+": "+strings.Join(x.Applicants, " → "))
		}
		tab.Rows = append(tab.Rows, r)
	}
	tab.Note = l.T("inv.note")
	s.Blocks = append(s.Blocks, Block{Table: tab})
	tt := &Table{Caption: l.T("inv.teams"), Head: []string{"#", l.T("col.members"), l.T("col.families"), l.T("col.applicant")}, Num: []bool{true, false, true, false}}
	for i, t := range inv.Teams {
		tt.Rows = append(tt.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: l.List(t.Members)}, {Text: l.Int(t.Families)}, {Text: orNA(l, t.Applicant)}}})
	}
	if len(inv.Teams) > 0 {
		s.Blocks = append(s.Blocks, Block{Table: tt})
	}
	mb := Block{Heading: l.T("inv.mobility"), List: mobile}
	if len(mobile) == 0 {
		mb.Para = l.T("none")
	}
	s.Blocks = append(s.Blocks, mb)
	return s
}

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

// 10 core patents.
func (b *macroBuilder) quality() *Section {
	l, m := b.l, b.m
	q := m.Quality
	s := b.section("10", "quality", &q.Basis)
	for _, u := range q.Missing {
		s.Unavailable = append(s.Unavailable, l.Worded(u))
	}
	var ind []string
	for _, x := range q.Indicators {
		ind = append(ind, l.Term("indicator", x))
	}
	s.Blocks = append(s.Blocks, Block{Facts: []Fact{{l.T("q.indicators"), l.List(ind)}}})
	tab := &Table{Caption: l.T("q.core"), Head: []string{"#", l.T("col.pub"), l.T("col.title"), l.T("col.applicant"), l.T("col.year"), l.T("col.score"), l.T("col.fwd"), l.T("col.famsize"), l.T("col.status"), l.T("col.branch")},
		Num: []bool{true, false, false, false, true, true, true, true, false, false}, NoWrap: []bool{8: true}}
	for i, c := range q.Core {
		var comps []string
		keys := make([]string, 0, len(c.Components))
		for k := range c.Components {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			comps = append(comps, l.Term("indicator", k)+" "+l.Num(c.Components[k], 2))
		}
		var brs []string
		for _, id := range c.Branches {
			brs = append(brs, b.branchName(id))
		}
		tab.Rows = append(tab.Rows, Row{Cells: []Cell{{Text: strconv.Itoa(i + 1)}, {Text: c.PubNumber, Sub: c.FamilyID}, {Text: c.Title}, {Text: c.Applicant}, {Text: l.Year(c.Year, b.incomplete(c.Year))},
			{Text: l.Num(c.Score, 2), Sub: strings.Join(comps, " · ")}, {Text: l.Int(c.ForwardCites)}, {Text: l.Int(c.FamilySize)}, {Text: l.Term("status", c.Status)}, {Text: l.List(brs)}}})
	}
	tab.Note = l.T("q.note")
	if len(q.Core) > 0 {
		s.Blocks = append(s.Blocks, Block{Table: tab})
	} else {
		s.Blocks = append(s.Blocks, Block{Heading: l.T("q.core"), Para: l.T("nodata")})
	}
	if len(q.Deciles) > 0 {
		dt := &Table{Caption: l.T("q.deciles"), Num: make([]bool, len(q.Deciles))}
		r := Row{}
		for i, d := range q.Deciles {
			dt.Head = append(dt.Head, "D"+strconv.Itoa(i+1))
			dt.Num[i] = true
			r.Cells = append(r.Cells, Cell{Text: l.Num(d, 2)})
		}
		dt.Rows = []Row{r}
		s.Blocks = append(s.Blocks, Block{Table: dt})
	}
	return s
}

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
		tab.Rows = append(tab.Rows, Row{Cells: []Cell{{Text: l.Term("dimension", row.Dimension)}, {Text: row.Indicator}, {Text: f(row.Region)}, {Text: f(row.Nation)}, {Text: f(row.World)}, {Text: l.Term("unit", row.Unit)}}})
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
		row := Row{Cells: []Cell{{Text: l.Year(y.Year, inc)}, {Text: l.Count(y.Families)}, {Text: l.PctP(y.ShareNation)}, {Text: l.PctP(y.ShareWorld)}, {Text: l.Int(y.Applicants)}, {Text: l.Int(y.Inventors)}, {Text: l.Int(y.Granted)}}}
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

// 14 recommendations.
func (b *macroBuilder) recommendations() *Section {
	l, m := b.l, b.m
	s := b.section("14", "recommendations", nil)
	for i, r := range m.Recommendations {
		s.Blocks = append(s.Blocks, Block{Heading: strconv.Itoa(i+1) + ". " + l.Term("rec", r.Kind) + ": " + r.Target, Para: r.Why, List: r.Evidence, Note: l.T("rec.evidence_note", "n", strconv.Itoa(len(r.Evidence)))})
	}
	if len(m.Recommendations) == 0 {
		s.Blocks = append(s.Blocks, Block{Para: l.T("none")})
	}
	return s
}

// 15 limitations.
func (b *macroBuilder) limitations() *Section {
	l, m := b.l, b.m
	s := b.section("15", "limitations", nil)
	if len(m.Limitations) > 0 {
		s.Blocks = append(s.Blocks, Block{List: m.Limitations})
	} else {
		s.Blocks = append(s.Blocks, Block{Para: l.T("none")})
	}
	return s
}

// sectionPrefixes map the first segment of an Unavailable.Analysis name ("life_cycle.fit",
// "legal/operations", "pct share") to the section it belongs to. Checked in order.
var sectionPrefixes = []struct {
	key      string
	prefixes []string
}{
	{"scope", []string{"scope", "search", "dedup", "tree", "decomposition"}},
	{"trend", []string{"trend", "cagr", "growth"}},
	{"life_cycle", []string{"life_cycle", "lifecycle", "life-cycle", "logistic", "phase", "s_curve", "fisher"}},
	{"technology", []string{"technology", "tech", "branch", "rta", "region_rta", "burst", "hotspot", "subclass", "emergence", "ipc", "heat"}},
	{"geography", []string{"geography", "geo", "pct", "province", "city", "cities", "foreign", "office"}},
	{"key_players", []string{"key_players", "key_player", "players", "co_applicant"}},
	{"applicants", []string{"applicant", "concentration", "hhi", "cr4", "cr8", "newcomer", "kind_mix"}},
	{"inventors", []string{"inventor", "team", "h_index", "mobility", "talent"}},
	{"legal", []string{"legal", "grant", "pendency", "operation", "transfer", "licen", "pledge", "status"}},
	{"quality", []string{"quality", "core", "citation", "forward", "family_size", "generality", "originality", "claims", "radicalness"}},
	{"regional", []string{"regional", "region", "positioning"}},
	{"recommendations", []string{"recommendation"}},
	{"limitations", []string{"limitation"}},
}

// unavailableSection returns the section key an unavailable analysis belongs to, or "" when its
// name matches no section (it is then listed only in the closing list).
func unavailableSection(analysis string) string {
	a := strings.ToLower(strings.TrimSpace(analysis))
	if i := strings.IndexAny(a, "./: "); i >= 0 {
		a = a[:i]
	}
	for _, s := range sectionPrefixes {
		for _, p := range s.prefixes {
			if strings.HasPrefix(a, p) {
				return s.key
			}
		}
	}
	return ""
}

// hhiText formats an HHI; with no applicants (N = 0) the index is undefined, not zero.
func hhiText(l Locale, c landscape.Concentration) string {
	if c.N == 0 {
		return l.NA()
	}
	return l.Num(c.HHI, 0)
}

// crText formats a concentration ratio; undefined without applicants.
func crText(l Locale, c landscape.Concentration, v float64) string {
	if c.N == 0 {
		return l.NA()
	}
	return l.Pct(v)
}

// yearFrac formats a fractional year (an inflection point) without thousands separators.
func yearFrac(l Locale, v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return l.NA()
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
}

// cagrSpan is the window of a CAGR, empty when there is none.
func cagrSpan(l Locale, t landscape.Trend) string {
	if t.CAGR == nil || t.CAGRFrom == 0 && t.CAGRTo == 0 {
		return ""
	}
	return l.Span(t.CAGRFrom, t.CAGRTo)
}

// capitalize upper-cases the first letter of an ASCII word ("families" → "Families").
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// hotspotWhy is a branch's hotspot reason in the report's language (English when no Chinese
// text was recorded).
func hotspotWhy(l Locale, br landscape.BranchStats) string {
	if l.Lang == "zh" && br.HotspotWhyZh != "" {
		return br.HotspotWhyZh
	}
	return br.HotspotWhy
}
