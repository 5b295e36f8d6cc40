// Package bulletin renders the patent risk-warning bulletin (landscape/warning.Bulletin) as a
// self-contained HTML document and as Markdown, in Chinese (zh) and English (en), and as JSON
// with a JSON Schema. It builds a reports.Page from the model — the summary first (counts by
// level and change, the headline signals, the whole industry's warning indicators and the chart
// of domestic and foreign filings at the office); then one section per level, most serious
// first, grouping the signals by kind: what the kind measures and how its level is set, a table
// of its signals with their value, threshold, excess factor, key numbers, top patents and change
// since the previous run, year charts for surges, concentration rises and growth lags, and the
// patent lists of blocking candidates and surges; then the changes since the previous bulletin
// (resolved signals included), the warning indicators per branch, the technology gap, the method
// with the thresholds and severity rules, and the limitations — and renders it with
// reports.RenderHTML / RenderMarkdown, so every text is escaped by html/template or
// reports.MarkdownEscape.
//
// Every phrase comes from the phrase table (i18n.go). Undefined values render as "n/a" /
// "不可用" with their reason; incomplete years carry a dagger. Publish writes bulletin.json,
// bulletin.schema.json and bulletin_<lang>.html / .md atomically.
package bulletin

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/svg"
)

// HTML writes the bulletin as one self-contained HTML document in lang ("zh" or "en").
func HTML(w io.Writer, b *warning.Bulletin, lang string) error {
	p, err := Page(b, lang)
	if err != nil {
		return err
	}
	return reports.RenderHTML(w, p)
}

// Markdown writes the bulletin as Markdown in lang.
func Markdown(w io.Writer, b *warning.Bulletin, lang string) error {
	p, err := Page(b, lang)
	if err != nil {
		return err
	}
	return reports.RenderMarkdown(w, p)
}

// JSON writes the bulletin as indented JSON (the history file format). Validate it with Schema.
func JSON(w io.Writer, b *warning.Bulletin) error {
	data, err := warning.Marshal(b)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Schema is the JSON Schema (draft 2020-12) of the bulletin's JSON.
func Schema() ([]byte, error) { return reports.Schema(warning.Bulletin{}) }

// Publish writes the bulletin into dir: bulletin.json, bulletin.schema.json and, per language,
// bulletin_<lang>.html and bulletin_<lang>.md, each atomically (atomicfile.Write). langs
// defaults to the bulletin's languages, else zh and en. It returns the names written, relative
// to dir, in that order.
func Publish(dir string, b *warning.Bulletin, langs []string) ([]string, error) {
	if b == nil {
		return nil, fmt.Errorf("bulletin: nothing to publish")
	}
	if len(langs) == 0 {
		langs = b.Meta.Languages
	}
	if len(langs) == 0 {
		langs = []string{"zh", "en"}
	}
	return reports.Publish(dir, reports.Set{Name: "bulletin", JSON: func(w io.Writer) error { return JSON(w, b) }, Schema: warning.Bulletin{},
		HTML:     func(w io.Writer, lang string) error { return HTML(w, b, lang) },
		Markdown: func(w io.Writer, lang string) error { return Markdown(w, b, lang) }}, langs)
}

// Page builds the format-independent page of the bulletin in lang.
func Page(b *warning.Bulletin, lang string) (*reports.Page, error) {
	l, err := reports.NewLocale(lang)
	if err != nil {
		return nil, err
	}
	if b == nil {
		b = &warning.Bulletin{}
	}
	pb := &pageBuilder{l: l, lang: lang, b: b, names: map[string]landscape.BranchNode{}}
	for _, n := range b.Meta.Branches {
		pb.names[n.ID] = n
	}
	return pb.page(), nil
}

type pageBuilder struct {
	l     reports.Locale
	lang  string
	b     *warning.Bulletin
	names map[string]landscape.BranchNode
	num   int // section counter
}

func (p *pageBuilder) t(key string, pairs ...string) string { return tr(p.lang, key, pairs...) }

func (p *pageBuilder) page() *reports.Page {
	l, b, M := p.l, p.b, p.b.Meta
	industry := M.Industry.In(p.lang)
	if industry == "" {
		industry = l.NA()
	}
	pg := &reports.Page{
		Lang: p.lang, Title: p.t("title", "industry", industry), TOCTitle: l.T("toc"),
		UnavailableTitle: l.T("unavailable.title"),
		Footer:           l.T("footer", "version", orNA(l, M.Version), "generated", orNA(l, M.Generated)),
	}
	if M.Previous == "" {
		pg.Subtitle = p.t("subtitle.first", "run", runTime(l, M.RunID))
	} else {
		pg.Subtitle = p.t("subtitle", "run", runTime(l, M.RunID), "prev", runTime(l, M.Previous))
	}
	prev := runTime(l, M.Previous)
	if M.Previous == "" {
		prev = p.t("hdr.first")
	}
	pg.Facts = []reports.Fact{
		{Label: p.t("hdr.industry"), Value: industry},
		{Label: p.t("hdr.domestic"), Value: p.t("country", "c", orNA(l, M.Domestic))},
		{Label: p.t("hdr.office"), Value: orNA(l, M.Office)},
		{Label: p.t("hdr.region"), Value: regionName(l, M.Region)},
		{Label: p.t("hdr.cutoff"), Value: orNA(l, M.Cutoff)},
		{Label: p.t("hdr.window"), Value: l.Span(M.From, M.To)},
		{Label: p.t("hdr.complete"), Value: p.year(M.LastComplete)},
		{Label: p.t("hdr.periods"), Value: p.t("periods", "r", l.Span(M.RecentFrom, M.RecentTo), "q", l.Span(M.PrevFrom, M.PrevTo))},
		{Label: p.t("hdr.run"), Value: runTime(l, M.RunID)},
		{Label: p.t("hdr.previous"), Value: prev},
		{Label: p.t("hdr.signals"), Value: p.t("signals.count", "n", l.Int(len(b.Signals)))},
	}
	pg.Sections = append(pg.Sections, p.summary())
	for i := len(warning.Levels) - 1; i >= 0; i-- {
		if s := p.levelSection(warning.Levels[i]); s != nil {
			pg.Sections = append(pg.Sections, s)
		}
	}
	ch := p.changes()
	ch.Blocks = append(ch.Blocks, p.patentChanges()...)
	pg.Sections = append(pg.Sections, ch, p.indicators(), p.gap(), p.method(), p.limitations())
	pg.Unavailable = p.unavailable()
	return pg
}

func (p *pageBuilder) section(key string) *reports.Section {
	p.num++
	n := strconv.Itoa(p.num)
	return &reports.Section{ID: "s" + n + "-" + key, Number: n, Title: p.t("sec." + key), UnavailableTitle: p.l.T("unavailable.section")}
}

// summary: the counts, the headline signals, the whole-industry indicators and the trend chart.
func (p *pageBuilder) summary() *reports.Section {
	l, b := p.l, p.b
	s := p.section("summary")
	cnt := map[string]int{}
	for _, lc := range b.Summary.ByLevel {
		cnt[lc.Level] = lc.N
	}
	st := map[string]int{}
	for _, sc := range b.Summary.ByState {
		st[sc.State] = sc.N
	}
	s.Blocks = append(s.Blocks, reports.Block{Para: p.t("sum.lead", "n", l.Int(len(b.Signals)), "severe", l.Int(cnt[warning.LevelSevere]),
		"warning", l.Int(cnt[warning.LevelWarning]), "watch", l.Int(cnt[warning.LevelWatch]), "info", l.Int(cnt[warning.LevelInfo]))})
	if b.Meta.Previous == "" {
		s.Blocks = append(s.Blocks, reports.Block{Para: p.t("sum.first")})
	} else {
		s.Blocks = append(s.Blocks, reports.Block{Para: p.t("sum.changes", "new", l.Int(st[warning.StateNew]), "escalated", l.Int(st[warning.StateEscalated]),
			"de-escalated", l.Int(st[warning.StateDeescalated]), "resolved", l.Int(st[warning.StateResolved]), "unchanged", l.Int(st[warning.StateUnchanged]))})
	}
	S := b.Summary
	s.Blocks = append(s.Blocks, reports.Block{Para: p.t("sum.scope", "fams", l.Int(S.Families), "office", p.t("office", "o", orNA(l, b.Meta.Office)),
		"inv", l.Count(S.OfficeInventions), "dom", l.Count(S.Domestic), "for", l.Count(S.Foreign), "unk", l.Count(S.UnknownOrigin))})
	// Levels table.
	lt := &reports.Table{Caption: p.t("sum.levels"), Head: []string{p.t("col.level"), p.t("col.n"), p.t("col.new"), p.t("col.esc")}, Num: []bool{false, true, true, true}}
	for _, lc := range S.ByLevel {
		lt.Rows = append(lt.Rows, reports.Row{Cells: []reports.Cell{{Text: p.levelName(lc.Level)}, {Text: l.Int(lc.N)}, {Text: l.Int(lc.New)}, {Text: l.Int(lc.Escalated)}}})
	}
	// Whole-industry indicators.
	it := p.indicatorRows("", true)
	s.Blocks = append(s.Blocks, reports.Block{Grid: []reports.Block{{Table: lt}, {Table: it}}})
	// Headline signals: severe, then warnings; within a level, round-robin over the kinds (the
	// first signal of each kind — the whole industry before branches — then the second …), new
	// and escalated signals first in each round.
	top := headlines(b.Signals, 10)
	var items []string
	for _, sg := range top {
		items = append(items, "["+p.levelName(sg.Level)+" · "+p.stateName(sg.State)+"] "+p.title(sg))
	}
	if len(items) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Heading: p.t("sum.top"), Para: p.t("sum.none")})
	} else {
		s.Blocks = append(s.Blocks, reports.Block{Heading: p.t("sum.top"), List: items})
	}
	if c := p.trendChart(); c != nil {
		s.Blocks = append(s.Blocks, reports.Block{Chart: c})
	}
	return s
}

// headlines picks at most n signals at warning level or above for the summary.
func headlines(sigs []warning.Signal, n int) []warning.Signal {
	var out []warning.Signal
	fresh := func(s warning.Signal) bool { return s.State == warning.StateNew || s.State == warning.StateEscalated }
	for _, level := range []string{warning.LevelSevere, warning.LevelWarning} {
		byKind := map[string][]warning.Signal{}
		var kinds []string
		for _, s := range sigs {
			if s.Level != level {
				continue
			}
			if byKind[s.Kind] == nil {
				kinds = append(kinds, s.Kind)
			}
			byKind[s.Kind] = append(byKind[s.Kind], s)
		}
		for round := 0; ; round++ {
			var r []warning.Signal
			for _, k := range kinds {
				if round < len(byKind[k]) {
					r = append(r, byKind[k][round])
				}
			}
			if len(r) == 0 {
				break
			}
			sort.SliceStable(r, func(i, j int) bool { return fresh(r[i]) && !fresh(r[j]) })
			out = append(out, r...)
		}
	}
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// trendChart draws the domestic and foreign invention families at the office per year.
func (p *pageBuilder) trendChart() *reports.Chart {
	T := p.b.Trend
	if len(T.Domestic) == 0 {
		return nil
	}
	title := p.t("sum.trend", "office", p.t("office", "o", orNA(p.l, T.Office)))
	series := []warning.Series{{Name: "domestic", Points: T.Domestic}, {Name: "foreign", Points: T.Foreign}}
	return p.seriesChart(title, series, "families", 720, 240)
}

// seriesChart draws named year series as lines, with the data table behind them.
func (p *pageBuilder) seriesChart(title string, series []warning.Series, unit string, w, h int) *reports.Chart {
	l := p.l
	if len(series) == 0 || len(series[0].Points) == 0 {
		return nil
	}
	years := make([]int, 0, len(series[0].Points))
	inc := make([]bool, 0, len(series[0].Points))
	for _, pt := range series[0].Points {
		years = append(years, pt.Year)
		inc = append(inc, pt.Incomplete)
	}
	var ss []svg.Series
	head := []string{p.t("col.year")}
	num := []bool{false}
	for _, s := range series {
		name := p.seriesName(s.Name)
		vals := make([]float64, len(years))
		for i := range vals {
			vals[i] = math.NaN()
		}
		for _, pt := range s.Points {
			for i, y := range years {
				if y == pt.Year {
					vals[i] = pt.N
				}
			}
		}
		ss = append(ss, svg.Series{Name: name, Values: vals})
		head = append(head, name)
		num = append(num, true)
	}
	format := l.Count
	if unit == "hhi" {
		format = func(v float64) string { return l.Num(v, 0) }
	}
	o := svg.Options{Title: title, NoData: l.T("nodata"), NA: l.NA(), Incomplete: l.T("incomplete"), Format: format, Width: w, Height: h}
	data := &reports.Table{Head: head, Num: num}
	anyInc := false
	for i, y := range years {
		cells := []reports.Cell{{Text: l.Year(y, inc[i])}}
		for _, s := range ss {
			v := s.Values[i]
			if math.IsNaN(v) {
				cells = append(cells, reports.Cell{Text: l.NA()})
			} else {
				cells = append(cells, reports.Cell{Text: format(v)})
			}
		}
		r := reports.Row{Cells: cells}
		if inc[i] {
			r.Class = "incomplete"
			anyInc = true
		}
		data.Rows = append(data.Rows, r)
	}
	if anyInc {
		data.Note = l.T("note.incomplete", "mark", reports.IncompleteMark)
	}
	return &reports.Chart{SVG: svg.Lines(o, years, inc, ss), Caption: title, Data: data, DataLabel: l.T("data")}
}

func (p *pageBuilder) seriesName(name string) string {
	if has("series:" + name) {
		return p.t("series:" + name)
	}
	return name
}

// title is a signal's kind and subject in the report's language.
func (p *pageBuilder) title(s warning.Signal) string {
	return p.t("kind:"+s.Kind) + " — " + p.subject(s)
}

func (p *pageBuilder) subject(s warning.Signal) string {
	var parts []string
	if s.Applicant != "" && s.Family == "" {
		a := s.Applicant
		if s.Country != "" {
			a += " (" + s.Country + ")"
		}
		parts = append(parts, p.t("subject.appl", "a", a))
	}
	if s.Branch != "" {
		parts = append(parts, p.t("subject.branch", "b", p.branchName(s.Branch)))
	}
	if s.Standard != "" {
		parts = append(parts, p.t("subject.standard", "s", s.Standard))
	}
	if s.Family != "" {
		pub := s.Family
		if len(s.Patents) > 0 && s.Patents[0].PubNumber != "" {
			pub = s.Patents[0].PubNumber
		}
		if s.Applicant != "" {
			pub += " (" + s.Applicant + ")"
		}
		parts = append(parts, p.t("subject.pat", "p", pub))
	}
	if len(parts) == 0 {
		return p.t("overall")
	}
	sep := ", "
	if p.lang == "zh" {
		sep = "，"
	}
	return strings.Join(parts, sep)
}

func (p *pageBuilder) branchName(id string) string {
	if n, ok := p.names[id]; ok {
		if s := n.Name.In(p.lang); s != "" {
			return s
		}
	}
	return id
}

func (p *pageBuilder) levelName(level string) string { return p.t("level:" + level) }

func (p *pageBuilder) stateName(state string) string {
	if has("state:" + state) {
		return p.t("state:" + state)
	}
	return state
}

// kindValue formats an indicator or signal value: shares as percentages, HHI rises as points,
// ratios with three significant decimals.
func (p *pageBuilder) kindValue(kind string, v float64) string {
	switch kind {
	case warning.KindMarketBarrier:
		return p.l.Pct(v)
	case warning.KindConcentrationRise:
		return p.l.Num(v, 0)
	case warning.KindSurge:
		return p.l.Num(v, 2) + "×"
	}
	return ratio(p.l, v)
}

// ratio formats a ratio with up to three decimals, or three significant digits when small.
func ratio(l reports.Locale, v float64) string {
	if v != 0 && math.Abs(v) < 0.01 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	return l.Num(v, 3)
}

func (p *pageBuilder) year(y int) string {
	if y == 0 {
		return p.l.NA()
	}
	return strconv.Itoa(y)
}

// numberLabel translates a number's key.
func (p *pageBuilder) numberLabel(key string) string {
	M := p.b.Meta
	switch {
	case strings.HasPrefix(key, "office_"):
		return p.t("num.office", "o", strings.TrimPrefix(key, "office_"))
	case key == "families_recent":
		return p.t("num.families_recent", "p", p.l.Span(M.RecentFrom, M.RecentTo))
	case key == "families_prev":
		return p.t("num.families_prev", "p", p.l.Span(M.PrevFrom, M.PrevTo))
	}
	if has("num." + key) {
		return p.t("num." + key)
	}
	return key
}

// numberValue formats a number by its unit.
func (p *pageBuilder) numberValue(n warning.Number) string {
	l := p.l
	if n.Value == nil {
		return l.NA()
	}
	v := *n.Value
	switch n.Unit {
	case "families":
		return l.Count(v)
	case "count":
		return l.Int(int(math.Round(v)))
	case "share":
		if strings.HasSuffix(n.Key, "change") {
			return l.SignedPct(&v)
		}
		return l.Pct(v)
	case "rate":
		return l.SignedPct(&v)
	case "year":
		return p.year(int(v))
	case "factor":
		return l.Num(v, 2) + "×"
	case "hhi", "points":
		return l.Num(v, 0)
	case "percentile":
		return l.Num(v, 3)
	case "months":
		return l.Num(v, 1)
	case "ratio":
		return ratio(l, v)
	}
	return l.Num(v, 3)
}

func (p *pageBuilder) numberText(ns []warning.Number, key string) string {
	for _, n := range ns {
		if n.Key == key {
			return p.numberValue(n)
		}
	}
	return p.l.NA()
}

// changes: the signals' states against the previous run.
func (p *pageBuilder) changes() *reports.Section {
	l, b := p.l, p.b
	s := p.section("changes")
	if b.Meta.Previous == "" {
		s.Blocks = append(s.Blocks, reports.Block{Para: p.t("chg.first")})
		return s
	}
	var facts []reports.Fact
	for _, sc := range b.Summary.ByState {
		facts = append(facts, reports.Fact{Label: p.stateName(sc.State), Value: l.Int(sc.N)})
	}
	s.Blocks = append(s.Blocks, reports.Block{Para: p.t("chg.lead", "prev", runTime(l, b.Meta.Previous)), Facts: facts})
	byID := map[string]warning.Signal{}
	for _, sg := range b.Signals {
		byID[sg.ID] = sg
	}
	t := &reports.Table{Head: []string{p.t("col.state"), p.t("col.levels"), p.t("col.signal")}, NoWrap: []bool{true, true, false}}
	changed := 0
	for _, c := range b.Changes {
		if c.State == warning.StateUnchanged {
			continue
		}
		changed++
		var lv string
		switch c.State {
		case warning.StateNew:
			lv = p.t("chg.new", "cur", p.levelName(c.Level))
		case warning.StateResolved:
			lv = p.t("chg.resolved", "prev", p.levelName(c.PrevLevel))
		default:
			lv = p.t("chg.was", "prev", p.levelName(c.PrevLevel), "cur", p.levelName(c.Level))
		}
		sg, ok := byID[c.ID]
		if !ok {
			sg = warning.Signal{ID: c.ID, Key: c.Key, Kind: c.Kind, Branch: c.Branch, Applicant: c.Applicant, Family: c.Family}
			if c.PubNumber != "" {
				sg.Patents = []warning.PatentRef{{PubNumber: c.PubNumber}}
			}
		}
		r := reports.Row{Cells: []reports.Cell{{Text: p.stateName(c.State)}, {Text: lv}, {Text: p.title(sg), Sub: c.ID}}}
		if c.State == warning.StateNew || c.State == warning.StateEscalated {
			r.Class = "flag"
		}
		t.Rows = append(t.Rows, r)
	}
	if changed == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: p.t("chg.none")})
	} else {
		s.Blocks = append(s.Blocks, reports.Block{Table: t})
	}
	return s
}

// indicatorCell formats an indicator's value with its level, or n/a with the reason.
func (p *pageBuilder) indicatorCell(in *warning.Indicator) reports.Cell {
	l := p.l
	if in == nil {
		return reports.Cell{Text: l.NA()}
	}
	if in.Value == nil {
		return reports.Cell{Text: l.NA(), Sub: p.reason(in)}
	}
	c := reports.Cell{Text: p.kindValue(in.Kind, *in.Value)}
	if in.Level != "" {
		c.Sub = p.levelName(in.Level)
	}
	return c
}

func (p *pageBuilder) reason(in *warning.Indicator) string {
	return p.reasonText(in.Reason)
}

// reasonText words an indicator's Reason* code (the code itself when the catalogue lacks it).
func (p *pageBuilder) reasonText(code string) string {
	if !has("reason:" + code) {
		return code
	}
	return p.t("reason:"+code, "n", strconv.Itoa(warning.MinBranchFamilies), "office", p.t("office", "o", orNA(p.l, p.b.Meta.Office)))
}

func (p *pageBuilder) findInd(kind, branch string) *warning.Indicator {
	for i := range p.b.Indicators {
		if p.b.Indicators[i].Kind == kind && p.b.Indicators[i].Branch == branch {
			return &p.b.Indicators[i]
		}
	}
	return nil
}

// indicatorRows is the table of the §6 indicators of one scope ("" = the whole industry):
// indicator, value, threshold, level.
func (p *pageBuilder) indicatorRows(branch string, caption bool) *reports.Table {
	t := &reports.Table{Head: []string{p.t("col.item"), p.t("col.value"), p.t("col.thresh"), p.t("col.level")}, Num: []bool{false, true, true, false}, NoWrap: []bool{false, false, true, true}}
	if caption {
		t.Caption = p.t("sum.key")
	}
	for _, k := range []string{warning.KindReserve, warning.KindBubble, warning.KindGrowthLag, warning.KindWeakLeaders, warning.KindPortfolio, warning.KindMarketBarrier} {
		in := p.findInd(k, branch)
		if in == nil {
			continue
		}
		val := p.indicatorCell(in)
		val.Sub = ""
		lv := "—"
		if in.Level != "" {
			lv = p.levelName(in.Level)
		}
		row := reports.Row{Cells: []reports.Cell{{Text: p.t("kind:" + k)}, val, {Text: p.t("warns."+in.Direction, "t", p.kindValue(k, in.Threshold))}, {Text: lv}}}
		if in.Value == nil {
			row.Cells[3] = reports.Cell{Text: "—", Sub: p.reason(in)}
		}
		if warning.Rank(in.Level) >= warning.Rank(warning.LevelWarning) {
			row.Class = "flag"
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// indicators: the definitions, the per-branch table and the basis.
func (p *pageBuilder) indicators() *reports.Section {
	l, M := p.l, p.b.Meta
	s := p.section("indicators")
	office := p.t("office", "o", orNA(l, M.Office))
	s.Basis = p.t("ind.basis", "office", office, "years", l.Span(M.From, M.To), "dom", orNA(l, M.Domestic))
	th := M.Thresholds
	offices := p.barrierOffices()
	defs := &reports.Table{Caption: p.t("ind.defs"), Head: []string{p.t("col.item"), p.t("col.evid"), p.t("col.warns")}, NoWrap: []bool{false, false, true}}
	for _, d := range []struct {
		kind, warns string
	}{
		{warning.KindReserve, p.t("warns.below", "t", ratio(l, th.ReserveLow))},
		{warning.KindBubble, p.t("warns.above", "t", ratio(l, th.Bubble))},
		{warning.KindGrowthLag, p.t("warns.below", "t", ratio(l, th.GrowthLag))},
		{warning.KindWeakLeaders, p.t("warns.below", "t", ratio(l, th.WeakLeaders))},
		{warning.KindPortfolio, p.t("warns.below", "t", ratio(l, th.PortfolioConcentration))},
		{warning.KindMarketBarrier, p.t("warns.above", "t", l.Pct(th.MarketBarrier))},
		{warning.KindTechGap, p.t("warns.reported")},
	} {
		defs.Rows = append(defs.Rows, reports.Row{Cells: []reports.Cell{{Text: p.t("kind:" + d.kind)},
			{Text: p.t("def."+d.kind, "office", office, "w", strconv.Itoa(th.WindowYears), "offices", offices)}, {Text: d.warns}}})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: defs})
	t := &reports.Table{Caption: p.t("ind.table"),
		Head:   []string{p.t("col.branch"), p.t("ind.short"), p.t("ind.growth"), p.t("ind.lead"), p.t("ind.port"), p.t("ind.barr")},
		Num:    []bool{false, true, true, true, true, true},
		NoWrap: []bool{false, false, false, false, false, false}}
	scopes := []landscape.BranchNode{{ID: "", Level: 0}}
	scopes = append(scopes, p.b.Meta.Branches...)
	for _, sc := range scopes {
		name := p.t("overall")
		if sc.ID != "" {
			name = p.branchName(sc.ID)
		}
		// The ratio column shows the reserve or the bubble level, whichever fired.
		ratioInd := p.findInd(warning.KindReserve, sc.ID)
		if bu := p.findInd(warning.KindBubble, sc.ID); bu != nil && ratioInd != nil && warning.Rank(bu.Level) > warning.Rank(ratioInd.Level) {
			ratioInd = bu
		}
		cells := []reports.Cell{{Text: name, Indent: max(sc.Level-1, 0)}, p.indicatorCell(ratioInd)}
		flag := ratioInd != nil && warning.Rank(ratioInd.Level) >= warning.Rank(warning.LevelWarning)
		for _, k := range []string{warning.KindGrowthLag, warning.KindWeakLeaders, warning.KindPortfolio, warning.KindMarketBarrier} {
			in := p.findInd(k, sc.ID)
			cells = append(cells, p.indicatorCell(in))
			flag = flag || in != nil && warning.Rank(in.Level) >= warning.Rank(warning.LevelWarning)
		}
		r := reports.Row{Cells: cells}
		if flag {
			r.Class = "flag"
		}
		t.Rows = append(t.Rows, r)
	}
	t.Note = p.t("ind.note", "n", strconv.Itoa(warning.MinBranchFamilies))
	s.Blocks = append(s.Blocks, reports.Block{Table: t})
	return s
}

// barrierOffices lists the offices of the market-barrier indicator, from its numbers.
func (p *pageBuilder) barrierOffices() string {
	in := p.findInd(warning.KindMarketBarrier, "")
	if in == nil {
		return "US/EP/JP"
	}
	var o []string
	for _, n := range in.Numbers {
		if strings.HasPrefix(n.Key, "office_") {
			o = append(o, strings.TrimPrefix(n.Key, "office_"))
		}
	}
	if len(o) == 0 {
		return p.l.NA()
	}
	return strings.Join(o, "/")
}

// gap: the technology gap per branch.
func (p *pageBuilder) gap() *reports.Section {
	l := p.l
	s := p.section("gap")
	s.Basis = p.t("gap.basis")
	if len(p.b.TechGap) == 0 {
		s.Blocks = append(s.Blocks, reports.Block{Para: l.T("nodata")})
		return s
	}
	head := []string{p.t("col.branch"), p.t("col.first")}
	num := []bool{false, true}
	for _, pe := range p.b.TechGap[0].Peers {
		head = append(head, p.peer(pe.Peer))
		num = append(num, true)
	}
	t := &reports.Table{Head: head, Num: num, Note: p.t("gap.note")}
	for _, g := range p.b.TechGap {
		name, indent := p.t("overall"), 0
		if g.Branch != "" {
			name = p.branchName(g.Branch)
			indent = max(p.names[g.Branch].Level-1, 0)
		}
		cells := []reports.Cell{{Text: name, Indent: indent}, {Text: p.year(g.DomesticFirst)}}
		for _, pe := range g.Peers {
			switch {
			case pe.First == 0:
				cells = append(cells, reports.Cell{Text: l.NA()})
			case pe.Gap == nil:
				cells = append(cells, reports.Cell{Text: p.year(pe.First)})
			default:
				g := strconv.Itoa(*pe.Gap)
				if *pe.Gap > 0 {
					g = "+" + g
				}
				cells = append(cells, reports.Cell{Text: p.t("gap.cell", "y", p.year(pe.First), "g", g)})
			}
		}
		t.Rows = append(t.Rows, reports.Row{Cells: cells})
	}
	s.Blocks = append(s.Blocks, reports.Block{Table: t})
	return s
}

// peer names a technology-gap peer (a country code, EP for the EPC states) in the page's
// language; a peer the catalogue does not know shows its code.
func (p *pageBuilder) peer(code string) string {
	if has("peer:" + code) {
		return p.t("peer:" + code)
	}
	return code
}

// method: thresholds, severity rules and signal identity.
func (p *pageBuilder) method() *reports.Section {
	l, th := p.l, p.b.Meta.Thresholds
	s := p.section("method")
	facts := []reports.Fact{
		{Label: p.t("th.reserve_low"), Value: ratio(l, th.ReserveLow)},
		{Label: p.t("th.bubble"), Value: ratio(l, th.Bubble)},
		{Label: p.t("th.growth_lag"), Value: ratio(l, th.GrowthLag)},
		{Label: p.t("th.weak_leaders"), Value: ratio(l, th.WeakLeaders)},
		{Label: p.t("th.portfolio_concentration"), Value: ratio(l, th.PortfolioConcentration)},
		{Label: p.t("th.market_barrier"), Value: l.Pct(th.MarketBarrier)},
		{Label: p.t("th.surge_growth"), Value: l.Num(th.SurgeGrowth, 2) + "×"},
		{Label: p.t("th.surge_share_change"), Value: l.Pct(th.SurgeShareChange)},
		{Label: p.t("th.concentration_rise"), Value: l.Num(th.ConcentrationRise, 0)},
		{Label: p.t("th.blocking_quality_percentile"), Value: l.Num(th.BlockingQualityPercent, 3)},
		{Label: p.t("th.expiring_months"), Value: l.Int(th.ExpiringMonths)},
		{Label: p.t("th.window_years"), Value: l.Int(th.WindowYears)},
	}
	s.Blocks = append(s.Blocks, reports.Block{Heading: p.t("m.thresholds"), Facts: facts})
	var rs []string
	for _, r := range p.b.Rules {
		if has("rule:" + r) {
			rs = append(rs, p.t("rule:"+r, "near", l.Num(warning.NearFactor, 1), "w", l.Num(warning.WarningFactor, 1), "s", l.Num(warning.SevereFactor, 0),
				"b0", strconv.Itoa(warning.BlockingWarning-1), "bw", strconv.Itoa(warning.BlockingWarning), "bw1", strconv.Itoa(warning.BlockingSevere-1), "bs", strconv.Itoa(warning.BlockingSevere),
				"p", l.Num(1-p.b.Meta.CoreShare, 3)))
		} else {
			rs = append(rs, r)
		}
	}
	s.Blocks = append(s.Blocks, reports.Block{Heading: p.t("m.rules"), List: rs}, reports.Block{Heading: p.t("m.identity"), Para: p.t("m.identity.text")})
	return s
}

// limitations: the method's limits, in the report's language.
func (p *pageBuilder) limitations() *reports.Section {
	s := p.section("limitations")
	var items []string
	for _, n := range p.b.Limitations {
		if !has("lim:" + n.Code) {
			items = append(items, n.Code)
			continue
		}
		items = append(items, p.t("lim:"+n.Code, "c", orNA(p.l, n.Param), "office", p.t("office", "o", orNA(p.l, n.Param)),
			"y", p.year(n.N), "n", strconv.Itoa(n.N)))
	}
	s.Blocks = append(s.Blocks, reports.Block{List: items})
	return s
}

// unavailable words the bulletin's unavailable analyses: the bulletin's own codes (warning.Unav*
// and, for an indicator of the whole industry, its Reason* code) from its namespace of the
// catalogue, any other code through the reports catalogue.
func (p *pageBuilder) unavailable() []landscape.Unavailable {
	var out []landscape.Unavailable
	for _, u := range p.b.Unavailable {
		name := u.Analysis
		if k := strings.TrimPrefix(strings.TrimPrefix(u.Analysis, "indicators."), "signals."); has("kind:" + k) {
			name = p.t("kind:" + k)
		}
		if has("unavname:" + u.Analysis) {
			name = p.t("unavname:" + u.Analysis)
		}
		var r string
		switch {
		case has("unav:" + u.Code):
			r = p.t("unav:"+u.Code, "n", p.year(u.N), "min", p.year(u.Min))
		case has("reason:" + u.Code):
			r = p.reasonText(u.Code)
		default:
			w := p.l.Worded(u)
			if name == u.Analysis {
				name = w.Analysis
			}
			r = w.Reason
		}
		out = append(out, landscape.Unavailable{Analysis: name, Reason: r})
	}
	return out
}

// runTime shows a run id (warning.RunIDLayout) as "2026-06-01 03:04 UTC".
func runTime(l reports.Locale, id string) string {
	t, err := time.Parse(warning.RunIDLayout, id)
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

// regionName shows the region's name in l's language with the country, province and city it is
// matched by; a part that is the region's name in either language is not repeated (广东省 is the
// province of "Guangdong", and the en page need not show it again in Chinese).
func regionName(l reports.Locale, r config.Region) string {
	name := r.Name.In(l.Lang)
	var parts []string
	for _, s := range []string{r.Country, r.Province, r.City} {
		if s != "" && s != r.Name.Zh && s != r.Name.En {
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

// changeSub is the note under a change's values: its field, and for an owner change the owners'
// countries with the basis of each.
func changeSub(l reports.Locale, c landscape.PatentChange) string {
	if w := l.OwnerPlace(c); w != "" {
		return c.Field + " · " + w
	}
	return c.Field
}

// patentChanges lists the changes of patents in scope since the previous run (the evidence of
// lapses, grants, transfers, pledges and licences), with old and new values, day and file: blocks
// of the changes section.
func (p *pageBuilder) patentChanges() []reports.Block {
	b := p.b
	head := reports.Block{Heading: p.t("sec.patent_changes")}
	if len(b.PatentChanges) == 0 {
		head.Para = p.t("pch.none")
		return []reports.Block{head}
	}
	since := b.Meta.ChangesSince
	if since == "" {
		since = p.t("pch.all")
	}
	head.Para = p.t("pch.lead", "n", p.l.Int(len(b.PatentChanges)), "since", since)
	t := &reports.Table{Head: []string{p.t("col.pub"), p.t("col.applicant"), p.t("col.event"), p.t("col.change"), p.t("col.observed"), p.t("col.file")},
		NoWrap: []bool{true, false, true, false, true, false}}
	for _, c := range b.PatentChanges {
		old := c.Old
		if old == "" {
			old = "—"
		}
		t.Rows = append(t.Rows, reports.Row{Cells: []reports.Cell{{Text: c.PubNumber}, {Text: c.Applicant},
			{Text: p.t("pev:" + c.Event), Sub: p.levelName(c.Level)}, {Text: old + " → " + c.New, Sub: changeSub(p.l, c)},
			{Text: c.Observed}, {Text: c.SourceFile}}})
	}
	return []reports.Block{head, {Table: t}}
}
