// Package value renders the patent value assessment and the operation list
// (landscape/value.Assessment) as a self-contained HTML page and Markdown in Chinese and English,
// and as JSON with its schema: the method with every factor's weight and coverage, the
// highest-scoring families with each factor's raw value and percentile, the distributions per
// applicant and branch, the operation list with the matching evidence (the holder, the gaps
// matched, the factors), the gaps used, and the operation trends region vs industry. Every phrase
// comes from the catalogue (i18n.go); typed reasons are worded there.
package value

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape/value"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/svg"
)

// ReasonText words a typed reason in lang ("" for nil).
func ReasonText(r *value.Reason, lang string) string {
	if r == nil {
		return ""
	}
	return tr(lang, "r."+r.Code, "n", svg.Number(float64(r.N), 0), "min", svg.Number(float64(r.Min), 0))
}

// FactorName is a factor's name in lang.
func FactorName(id, lang string) string { return tr(lang, "f."+id) }

// HTML writes the page in lang.
func HTML(w io.Writer, a *value.Assessment, lang string) error {
	p, err := Page(a, lang)
	if err != nil {
		return err
	}
	return reports.RenderHTML(w, p)
}

// Markdown writes the page as Markdown in lang.
func Markdown(w io.Writer, a *value.Assessment, lang string) error {
	p, err := Page(a, lang)
	if err != nil {
		return err
	}
	return reports.RenderMarkdown(w, p)
}

// Publish writes value.json, value.schema.json and value_<lang>.html / .md into dir.
func Publish(dir string, a *value.Assessment, langs []string) ([]string, error) {
	if a == nil {
		return nil, fmt.Errorf("value: nothing to publish")
	}
	if len(langs) == 0 {
		langs = []string{"zh", "en"}
	}
	js, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		return nil, err
	}
	return reports.Publish(dir, reports.Set{Name: "value", JSON: func(w io.Writer) error { _, err := w.Write(append(js, '\n')); return err }, Schema: value.Assessment{},
		HTML:     func(w io.Writer, lang string) error { return HTML(w, a, lang) },
		Markdown: func(w io.Writer, lang string) error { return Markdown(w, a, lang) }}, langs)
}

// Page builds the format-independent page in lang.
func Page(a *value.Assessment, lang string) (*reports.Page, error) {
	l, err := reports.NewLocale(lang)
	if err != nil {
		return nil, err
	}
	if a == nil {
		a = &value.Assessment{}
	}
	b := &builder{l: l, lang: lang, a: a}
	return b.page(), nil
}

type builder struct {
	l    reports.Locale
	lang string
	a    *value.Assessment
	num  int
}

func (b *builder) tr(key string, pairs ...string) string { return tr(b.lang, key, pairs...) }

func (b *builder) section(id, title string) *reports.Section {
	b.num++
	n := strconv.Itoa(b.num)
	return &reports.Section{ID: "s" + n + "-" + id, Number: n, Title: title}
}

func (b *builder) page() *reports.Page {
	l, a, M := b.l, b.a, b.a.Meta
	industry := orNA(l, M.Industry.In(b.lang))
	region := M.Region.Name.In(b.lang)
	if region == "" {
		region = orNA(l, strings.TrimSpace(M.Region.Country+" "+M.Region.Province+" "+M.Region.City))
	}
	pg := &reports.Page{Lang: b.lang, Title: b.tr("title", "industry", industry), Subtitle: b.tr("subtitle", "region", region, "cutoff", orNA(l, M.Cutoff)),
		TOCTitle: l.T("toc"), UnavailableTitle: l.T("unavailable.title"),
		Footer: l.T("footer", "version", orNA(l, M.PatnavVersion), "generated", orNA(l, M.Generated))}
	pg.Facts = []reports.Fact{
		{Label: b.tr("hdr.industry"), Value: industry},
		{Label: b.tr("hdr.region"), Value: region},
		{Label: b.tr("hdr.match"), Value: b.tr("level." + orDefault(M.RegionLevel, "country"))},
		{Label: b.tr("hdr.cutoff"), Value: orNA(l, M.Cutoff)},
		{Label: b.tr("hdr.families"), Value: l.Int(a.Families)},
		{Label: b.tr("hdr.hv"), Value: b.tr("hdr.hv.value", "n", l.Int(a.HighValue), "q", strconv.Itoa(int(math.Round(100*(1-M.HighValueShare)))))},
	}
	pg.Sections = append(pg.Sections, b.method(), b.top(), b.dist("applicants", b.tr("sec.applicants"), b.tr("col.applicant"), a.ByApplicant),
		b.dist("branches", b.tr("sec.branches"), b.tr("col.branch"), a.ByBranch), b.operation(), b.gaps(), b.trends())
	return pg
}

func (b *builder) method() *reports.Section {
	s := b.section("method", b.tr("sec.method"))
	s.Blocks = append(s.Blocks, reports.Block{List: []string{b.tr("method.formula"), b.tr("method.alive"), b.tr("method.weights")}})
	tb := &reports.Table{Head: []string{b.tr("col.factor"), b.tr("col.weight"), b.tr("col.known"), b.tr("col.used"), b.tr("col.note")}, Num: []bool{false, true, true, false, false}}
	for _, f := range b.a.Factors {
		used := b.tr("no")
		if f.Used {
			used = b.tr("yes")
		}
		tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: FactorName(f.ID, b.lang)}, {Text: b.l.Num(f.Weight, 2)}, {Text: b.l.Int(f.Known)}, {Text: used}, {Text: ReasonText(f.Reason, b.lang)}}})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	return s
}

// factors lists a family's factors as "name raw / percentile", the missing ones left out. The
// legal status shows its percentile only: its raw value is a rank (2 alive, 1 pending, 0 lapsed),
// and the status has its own column.
func (b *builder) factors(fs []value.FactorValue) string {
	var parts []string
	for _, f := range fs {
		if f.Raw == nil || f.Rank == nil {
			continue
		}
		if f.ID == "legal_status" {
			parts = append(parts, FactorName(f.ID, b.lang)+" "+b.l.Pct(*f.Rank))
			continue
		}
		parts = append(parts, FactorName(f.ID, b.lang)+" "+b.l.Num(*f.Raw, 2)+" / "+b.l.Pct(*f.Rank))
	}
	return strings.Join(parts, b.sep())
}

// sep separates the items of a list in one cell: "; " in en, "；" in zh.
func (b *builder) sep() string {
	if b.lang == "zh" {
		return "；"
	}
	return "; "
}

func (b *builder) status(f value.FamilyValue) string {
	st := b.l.Term("status", f.Status)
	if f.Presumed {
		st = b.tr("presumed.status", "s", st)
	}
	return st
}

func (b *builder) top() *reports.Section {
	s := b.section("top", b.tr("sec.top"))
	tb := &reports.Table{Head: []string{b.tr("col.pub"), b.tr("col.title"), b.tr("col.applicant"), b.tr("col.year"), b.tr("col.status"), b.tr("col.score"), b.tr("col.factors")},
		Num: []bool{false, false, false, false, false, true, false}, NoWrap: []bool{true}}
	for _, f := range b.a.Top {
		tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: f.RepPub}, {Text: f.Title}, {Text: first(f.Applicants)}, {Text: strconv.Itoa(f.Year)},
			{Text: b.status(f)}, {Text: b.l.Num(f.Score, 3)}, {Text: b.factors(f.Factors)}}})
	}
	if len(tb.Rows) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: b.tr("none")})
		return s
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	return s
}

func (b *builder) dist(id, title, keyHead string, ds []value.Distribution) *reports.Section {
	s := b.section(id, title)
	tb := &reports.Table{Head: []string{keyHead, b.tr("col.n"), b.tr("col.mean"), b.tr("col.median"), b.tr("col.p90"), b.tr("col.hv"), b.tr("col.note")},
		Num: []bool{false, true, true, true, true, true, false}}
	for _, d := range ds {
		name := d.Name.In(b.lang)
		if name == "" {
			name = d.Key
		}
		tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: name}, {Text: b.l.Int(d.N)}, {Text: b.l.NumP(d.Mean, 3)}, {Text: b.l.NumP(d.Median, 3)},
			{Text: b.l.NumP(d.P90, 3)}, {Text: b.l.Int(d.HighValue)}, {Text: ReasonText(d.Reason, b.lang)}}})
	}
	if len(tb.Rows) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: b.tr("none")})
		return s
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	return s
}

func (b *builder) gapName(g value.Gap) string {
	e := g.EnterpriseName.In(b.lang)
	if g.Enterprise == "" {
		e = b.tr("region.ents")
	}
	br := g.BranchName.In(b.lang)
	if br == "" {
		br = g.Branch
	}
	return b.tr("gap.name", "e", e, "b", br, "r", strconv.Itoa(g.Rank))
}

func (b *builder) operation() *reports.Section {
	op := b.a.Operation
	s := b.section("operation", b.tr("sec.operation"))
	s.Blocks = append(s.Blocks, reports.Block{Para: b.tr("funnel", "a", b.l.Int(op.Academic), "b", b.l.Int(op.Alive), "c", b.l.Int(op.HighValue), "d", b.l.Int(len(op.Candidates)))})
	if op.Reason != nil {
		s.Blocks = append(s.Blocks, reports.Block{Para: ReasonText(op.Reason, b.lang)})
	}
	if len(op.Candidates) == 0 {
		return s
	}
	tb := &reports.Table{Head: []string{b.tr("col.pub"), b.tr("col.title"), b.tr("col.holder"), b.tr("col.status"), b.tr("col.score"), b.tr("col.matches"), b.tr("col.factors")},
		Num: []bool{false, false, false, false, true, false, false}, NoWrap: []bool{true}}
	for _, c := range op.Candidates {
		var m []string
		for _, g := range c.Matches {
			m = append(m, b.gapName(g))
		}
		tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: c.RepPub}, {Text: c.Title}, {Text: c.Holder}, {Text: b.status(c.FamilyValue)},
			{Text: b.l.Num(c.Score, 3)}, {Text: strings.Join(m, b.sep())}, {Text: b.factors(c.Factors)}}})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	return s
}

func (b *builder) gaps() *reports.Section {
	op := b.a.Operation
	s := b.section("gaps", b.tr("sec.gaps"))
	s.Blocks = append(s.Blocks, reports.Block{Para: b.tr("gaps." + orDefault(op.GapSource, "region"))})
	if len(op.Gaps) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: ReasonText(op.Reason, b.lang)})
		return s
	}
	tb := &reports.Table{Head: []string{b.tr("col.enterprise"), b.tr("col.branch"), b.tr("col.rank"), b.tr("col.gapscore"), b.tr("col.rta")}, Num: []bool{false, false, true, true, true}}
	for _, g := range op.Gaps {
		e := g.EnterpriseName.In(b.lang)
		if g.Enterprise == "" {
			e = b.tr("region.ents")
		}
		br := g.BranchName.In(b.lang)
		if br == "" {
			br = g.Branch
		}
		tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: e}, {Text: br}, {Text: strconv.Itoa(g.Rank)}, {Text: b.l.Num(g.Score, 3)}, {Text: b.l.NumP(g.RTA, 2)}}})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	return s
}

func (b *builder) trends() *reports.Section {
	l := b.l
	s := b.section("trends", b.tr("sec.trends"))
	if b.a.TrendReason != nil {
		s.Blocks = append(s.Blocks, reports.Block{Para: ReasonText(b.a.TrendReason, b.lang)})
		return s
	}
	for _, t := range b.a.Trends {
		name := b.tr("m." + t.Measure)
		var years []int
		var inc []bool
		reg, ind := []float64{}, []float64{}
		data := &reports.Table{Head: []string{b.tr("col.year"), b.tr("col.region"), b.tr("col.industry")}, Num: []bool{false, true, true}}
		for _, p := range t.Series {
			years, inc = append(years, p.Year), append(inc, false)
			reg, ind = append(reg, float64(p.Region)), append(ind, float64(p.Industry))
			data.Rows = append(data.Rows, reports.Row{Cells: []reports.Cell{{Text: strconv.Itoa(p.Year)}, {Text: l.Int(p.Region)}, {Text: l.Int(p.Industry)}}})
		}
		title := b.tr("trend.chart", "m", name)
		o := svg.Options{Title: title, NoData: l.T("nodata"), NA: l.NA(), Incomplete: l.T("incomplete"), Format: l.Count, ID: "v-" + t.Measure}
		ch := &reports.Chart{SVG: svg.Lines(o, years, inc, []svg.Series{{Name: b.tr("col.region"), Values: reg}, {Name: b.tr("col.industry"), Values: ind}}),
			Caption: title, Data: data, DataLabel: l.T("data")}
		s.Blocks = append(s.Blocks, reports.Block{Heading: name, Chart: ch})
	}
	return s
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func orNA(l reports.Locale, s string) string {
	if strings.TrimSpace(s) == "" {
		return l.NA()
	}
	return s
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}
