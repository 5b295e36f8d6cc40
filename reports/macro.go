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
		b.keyPlayers(), b.inventors(), b.legal(), b.quality(), b.regional(), b.standards(), b.recommendations(),
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
	case name != "" && country != "":
		// The configured name already says the province or city in the page's language
		// ("Guangdong", "广东省"): only the country is added (was "Guangdong (CN / 广东省)").
		return name + " (" + country + ")"
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

// hhiText formats an HHI; below the concentration minimum (landscape.MinConcentration: with
// fewer applicants the top four are everyone and the index says nothing) it is not printed.
func hhiText(l Locale, c landscape.Concentration) string {
	if !landscape.MinConcentration.Met(c.N) {
		return l.NA()
	}
	return l.Num(c.HHI, 0)
}

// crText formats a concentration ratio; not printed below the concentration minimum.
func crText(l Locale, c landscape.Concentration, v float64) string {
	if !landscape.MinConcentration.Met(c.N) {
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
