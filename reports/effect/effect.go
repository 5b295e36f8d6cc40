// Package effect renders the zone's effect tracking (landscape/effect.Tracking) as a
// self-contained HTML page and as Markdown in Chinese and English, and as JSON with a JSON
// Schema: a summary of every indicator (latest complete value, target, progress), then one
// section per indicator — its definition, a chart of the series with the target line and a
// data table with each year's numerator, base and, below the minimum, the typed "not enough
// data" reason in words — then the changes since the previous run and the method. Every phrase
// comes from the catalogue (i18n.go); Publish writes effect.json, effect.schema.json and
// effect_<lang>.html / .md atomically.
package effect

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/patnav/patnav/landscape/effect"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/svg"
)

// IndicatorName is the indicator's configured name in lang, else its measure's name.
func IndicatorName(in effect.Indicator, lang string) string {
	if n := in.Name.In(lang); n != "" {
		return n
	}
	if in.Direction != "" {
		return tr(lang, "m."+in.Measure+"."+in.Direction)
	}
	return tr(lang, "m."+in.Measure, "branch", in.BranchName.In(lang))
}

// Definition is the definition of the indicator's measure in lang.
func Definition(in effect.Indicator, lang string) string {
	if in.Direction != "" {
		return tr(lang, "d.flow."+in.Direction, "op", tr(lang, "op."+in.Measure),
			"from", tr(lang, "op."+in.Measure+".from"), "to", tr(lang, "op."+in.Measure+".to"))
	}
	return tr(lang, "d."+in.Measure)
}

// PointNote words a year's reason, or, for a flow, the operations of unknown direction it does
// not count ("" when there is nothing to say).
func PointNote(p effect.Point, lang string) string {
	if p.Reason != nil {
		return ReasonText(p.Reason, lang)
	}
	if p.Unknown > 0 {
		return tr(lang, "note.unknown", "n", svg.Number(float64(p.Unknown), 0))
	}
	return ""
}

// ReasonText words a typed reason in lang ("" for nil).
func ReasonText(r *effect.Reason, lang string) string {
	if r == nil {
		return ""
	}
	return tr(lang, "r."+r.Code, "n", svg.Number(float64(r.N), 0), "min", svg.Number(float64(r.Min), 0), "year", strconv.Itoa(r.Year))
}

// HTML writes the page in lang.
func HTML(w io.Writer, t *effect.Tracking, lang string) error {
	p, err := Page(t, lang)
	if err != nil {
		return err
	}
	return reports.RenderHTML(w, p)
}

// Markdown writes the page as Markdown in lang.
func Markdown(w io.Writer, t *effect.Tracking, lang string) error {
	p, err := Page(t, lang)
	if err != nil {
		return err
	}
	return reports.RenderMarkdown(w, p)
}

// Schema is the JSON Schema of effect.json.
func Schema() ([]byte, error) { return reports.Schema(effect.Tracking{}) }

// Publish writes effect.json, effect.schema.json and effect_<lang>.html / .md into dir and
// returns the names written.
func Publish(dir string, t *effect.Tracking, langs []string) ([]string, error) {
	if t == nil {
		return nil, fmt.Errorf("effect: nothing to publish")
	}
	if len(langs) == 0 {
		langs = []string{"zh", "en"}
	}
	js, err := effect.Marshal(t)
	if err != nil {
		return nil, err
	}
	return reports.Publish(dir, reports.Set{Name: "effect", JSON: func(w io.Writer) error { _, err := w.Write(js); return err }, Schema: effect.Tracking{},
		HTML:     func(w io.Writer, lang string) error { return HTML(w, t, lang) },
		Markdown: func(w io.Writer, lang string) error { return Markdown(w, t, lang) }}, langs)
}

// Page builds the format-independent page in lang.
func Page(t *effect.Tracking, lang string) (*reports.Page, error) {
	l, err := reports.NewLocale(lang)
	if err != nil {
		return nil, err
	}
	if t == nil {
		t = &effect.Tracking{}
	}
	b := builder{l: l, lang: lang, t: t}
	return b.page(), nil
}

type builder struct {
	l    reports.Locale
	lang string
	t    *effect.Tracking
	num  int
}

func (b *builder) tr(key string, pairs ...string) string { return tr(b.lang, key, pairs...) }

func (b *builder) section(id, title string) *reports.Section {
	b.num++
	n := strconv.Itoa(b.num)
	return &reports.Section{ID: "s" + n + "-" + id, Number: n, Title: title}
}

func (b *builder) page() *reports.Page {
	l, t, M := b.l, b.t, b.t.Meta
	region := M.Config.Name.In(b.lang)
	if region == "" {
		region = strings.TrimSpace(M.Config.Country + " " + M.Config.Province + " " + M.Config.City)
	}
	if region == "" {
		region = l.NA()
	}
	industry := M.Industry.In(b.lang)
	pg := &reports.Page{Lang: b.lang, Title: b.tr("title", "region", region),
		Subtitle: b.tr("subtitle", "industry", orNA(l, industry), "run", runTime(l, M.RunID)),
		TOCTitle: l.T("toc"), UnavailableTitle: l.T("unavailable.title"),
		Footer: l.T("footer", "version", orNA(l, M.PatnavVersion), "generated", orNA(l, M.Generated))}
	set := b.tr("set.config")
	if M.Default {
		set = b.tr("set.default")
	}
	prev := b.tr("first")
	if M.Previous != "" {
		prev = runTime(l, M.Previous)
	}
	pg.Facts = []reports.Fact{
		{Label: b.tr("hdr.industry"), Value: orNA(l, industry)},
		{Label: b.tr("hdr.region"), Value: region},
		{Label: b.tr("hdr.match"), Value: b.tr("level." + orDefault(t.Region.Level, "country"))},
		{Label: b.tr("hdr.families"), Value: l.Int(t.Region.Families) + " / " + l.Int(t.Region.Industry)},
		{Label: b.tr("hdr.cutoff"), Value: orNA(l, M.Cutoff)},
		{Label: b.tr("hdr.years"), Value: l.Span(M.From, M.To)},
		{Label: b.tr("hdr.complete"), Value: strconv.Itoa(M.LastComplete)},
		{Label: b.tr("hdr.set"), Value: set},
		{Label: b.tr("hdr.previous"), Value: prev},
	}
	pg.Sections = append(pg.Sections, b.summary())
	for _, in := range t.Indicators {
		pg.Sections = append(pg.Sections, b.indicator(in))
	}
	pg.Sections = append(pg.Sections, b.changes(), b.method())
	return pg
}

func (b *builder) value(in effect.Indicator, v *float64) string {
	if v == nil {
		return b.l.NA()
	}
	switch in.Unit {
	case "share":
		return b.l.Pct(*v)
	case "per_10k":
		return perTenK(b.l, *v)
	}
	return b.l.Count(*v)
}

// perTenK formats a per-10,000 value with three significant digits (0.00534, 0.0312, 1.25,
// 18.4) and at most six decimals.
func perTenK(l reports.Locale, v float64) string {
	prec := 0
	if a := math.Abs(v); a > 0 && a < 100 {
		prec = min(6, 2-int(math.Floor(math.Log10(a))))
	}
	return l.Num(v, prec)
}

func (b *builder) summary() *reports.Section {
	l := b.l
	s := b.section("summary", b.tr("sec.summary"))
	if r := b.t.Region; r.Level != r.Wanted && r.Wanted != "" {
		s.Blocks = append(s.Blocks, reports.Block{Note: b.tr("match.note", "wanted", b.tr("level."+r.Wanted), "level", b.tr("level."+r.Level),
			"n", l.Int(r.CountryApplicants), "p", l.Int(r.WithProvince), "c", l.Int(r.WithCity))})
	}
	tb := &reports.Table{Head: []string{b.tr("col.ind"), b.tr("col.latest"), b.tr("col.target"), b.tr("col.progress"), b.tr("col.note")},
		Num: []bool{false, true, true, true, false}}
	for _, in := range b.t.Indicators {
		latest := l.NA()
		if in.Latest != nil {
			latest = b.value(in, in.Latest) + " (" + strconv.Itoa(in.LatestYear) + ")"
		}
		target := "—"
		if in.Target != nil {
			target = b.tr("target.at", "v", b.value(in, in.Target), "y", strconv.Itoa(in.TargetYear))
		}
		prog := "—"
		if in.Progress != nil {
			prog = l.Pct(*in.Progress)
		} else if in.Target != nil {
			prog = l.NA()
		}
		note := ReasonText(in.Reason, b.lang)
		if n := len(in.Series); note == "" && in.Latest == nil && n > 0 {
			note = PointNote(in.Series[n-1], b.lang) // why the latest year has no value
		}
		tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: IndicatorName(in, b.lang)}, {Text: latest}, {Text: target}, {Text: prog}, {Text: note}}})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	return s
}

func (b *builder) indicator(in effect.Indicator) *reports.Section {
	l := b.l
	name := IndicatorName(in, b.lang)
	s := b.section(in.ID, name)
	s.Basis = b.tr("unit."+in.Unit) + " · " + b.tr("basis."+in.Basis)
	s.Blocks = append(s.Blocks, reports.Block{Para: Definition(in, b.lang)})
	if in.Reason != nil {
		s.Blocks = append(s.Blocks, reports.Block{Para: ReasonText(in.Reason, b.lang)})
		return s
	}
	years, inc := []int{}, []bool{}
	vals, tgt := []float64{}, []float64{}
	for _, p := range in.Series {
		years, inc = append(years, p.Year), append(inc, p.Incomplete)
		v := math.NaN()
		if p.Value != nil {
			v = *p.Value
		}
		vals = append(vals, v)
	}
	series := []svg.Series{{Name: b.tr("series"), Values: vals}}
	if in.Target != nil {
		// The target line runs to the target year (the years between stay empty of actuals).
		for y := in.Series[len(in.Series)-1].Year + 1; y <= in.TargetYear; y++ {
			years, inc = append(years, y), append(inc, false)
			series[0].Values = append(series[0].Values, math.NaN())
		}
		for range years {
			tgt = append(tgt, *in.Target)
		}
		series = append(series, svg.Series{Name: b.tr("target"), Values: tgt})
	}
	format := l.Count
	switch in.Unit {
	case "share":
		format = l.Pct
	case "per_10k":
		format = func(v float64) string { return perTenK(l, v) }
	}
	title := b.tr("chart", "name", name)
	o := svg.Options{Title: title, NoData: l.T("nodata"), NA: l.NA(), Incomplete: l.T("incomplete"), Format: format, ID: "e-" + in.ID}
	data := &reports.Table{Head: []string{b.tr("col.year"), b.tr("col.value"), b.tr("col.num"), b.tr("col.den"), b.tr("col.note")},
		Num: []bool{false, true, true, true, false}, NoWrap: []bool{true}}
	anyInc := false
	for _, p := range in.Series {
		den := "—"
		if in.Unit == "share" || p.Den > 0 {
			den = l.Int(p.Den)
		}
		r := reports.Row{Cells: []reports.Cell{{Text: l.Year(p.Year, p.Incomplete)}, {Text: b.value(in, p.Value)}, {Text: l.Int(p.Num)}, {Text: den}, {Text: PointNote(p, b.lang)}}}
		if p.Incomplete {
			r.Class, anyInc = "incomplete", true
		}
		data.Rows = append(data.Rows, r)
	}
	if anyInc {
		data.Note = l.T("note.incomplete", "mark", reports.IncompleteMark)
	}
	chart := &reports.Chart{SVG: svg.Lines(o, years, inc, series), Caption: title, Data: data, DataLabel: l.T("data")}
	if in.Basis == "cutoff" {
		s.Blocks = append(s.Blocks, reports.Block{Table: data})
	} else {
		s.Blocks = append(s.Blocks, reports.Block{Chart: chart})
	}
	return s
}

func (b *builder) changes() *reports.Section {
	s := b.section("changes", b.tr("sec.changes"))
	switch {
	case b.t.Meta.Previous == "":
		s.Blocks = append(s.Blocks, reports.Block{Para: b.tr("first_run")})
	case len(b.t.Changes) == 0:
		s.Blocks = append(s.Blocks, reports.Block{Para: b.tr("no_changes")})
	default:
		byID := map[string]effect.Indicator{}
		for _, in := range b.t.Indicators {
			byID[in.ID] = in
		}
		tb := &reports.Table{Head: []string{b.tr("col.ind"), b.tr("col.year"), b.tr("col.prev"), b.tr("col.now")}, Num: []bool{false, false, true, true}}
		for _, c := range b.t.Changes {
			in := byID[c.ID]
			tb.Rows = append(tb.Rows, reports.Row{Cells: []reports.Cell{{Text: IndicatorName(in, b.lang)}, {Text: strconv.Itoa(c.Year)}, {Text: b.value(in, c.Prev)}, {Text: b.value(in, c.Now)}}})
		}
		s.Blocks = append(s.Blocks, reports.Block{Table: tb})
	}
	return s
}

func (b *builder) method() *reports.Section {
	s := b.section("method", b.tr("sec.method"))
	var list []string
	seen := map[string]bool{}
	flows, per := false, false
	for _, in := range b.t.Indicators {
		key := in.Measure + "." + in.Direction
		if !seen[key] {
			seen[key] = true
			name := tr(b.lang, "m."+in.Measure, "branch", "…")
			if in.Direction != "" {
				name = IndicatorName(effect.Indicator{Measure: in.Measure, Direction: in.Direction}, b.lang)
			}
			list = append(list, name+": "+Definition(in, b.lang))
		}
		flows = flows || in.Direction != ""
		per = per || in.Unit == "per_10k"
	}
	list = append(list, b.tr("method.years", "n", "2"), b.tr("method.min", "min", strconv.Itoa(b.t.Meta.MinBase)))
	if flows {
		list = append(list, b.tr("method.flows"))
	}
	if per {
		list = append(list, b.tr("method.per_10k"))
	}
	list = append(list, b.tr("method.progress"), b.tr("method.history"))
	s.Blocks = append(s.Blocks, reports.Block{List: list})
	return s
}

func runTime(l reports.Locale, id string) string {
	t, err := time.Parse(effect.RunIDLayout, id)
	if err != nil {
		return orNA(l, id)
	}
	return t.Format("2006-01-02 15:04 UTC")
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
