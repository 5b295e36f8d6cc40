// Package scope renders the seed-scoping model (landscape/scope) of `patnav scope`: a report
// page in Chinese and English (HTML through html/template via reports.RenderHTML, and Markdown),
// the proposed scope block as YAML ready to paste into the navigation config, the expanded
// families with their scores as CSV (spreadsheet formulas neutralised) and the model as JSON.
// Every phrase comes from the phrase table (i18n.go).
package scope

import (
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/scope"
	"github.com/patnav/patnav/reports"
)

// maxCandidates is the most candidate codes and keywords (per language) listed in the report.
const maxCandidates = 30

// Page builds the report page in lang ("zh" or "en").
func Page(m *model.Model, lang string) (*reports.Page, error) {
	l, err := reports.NewLocale(lang)
	if err != nil {
		return nil, err
	}
	b := &pageBuilder{l: l, m: m, r: &m.Result}
	return b.page(), nil
}

type pageBuilder struct {
	l reports.Locale
	m *model.Model
	r *model.Result
}

func (b *pageBuilder) t(key string, pairs ...string) string { return tr(b.l, key, pairs...) }

func (b *pageBuilder) page() *reports.Page {
	l, m := b.l, b.m
	p := &reports.Page{Lang: l.Lang, Subtitle: b.t("subtitle"), TOCTitle: l.T("toc"), UnavailableTitle: l.T("unavailable.title")}
	if ind := m.Meta.Industry.In(l.Lang); ind != "" {
		p.Title = b.t("title", "industry", ind)
		p.Facts = append(p.Facts, reports.Fact{Label: l.T("hdr.industry"), Value: ind})
	} else {
		p.Title = b.t("title.no")
	}
	seeds := b.t("hdr.seeds.cfg")
	if m.Meta.SeedSource == "file" {
		seeds = b.t("hdr.seeds.file", "file", m.Meta.SeedFile)
	}
	p.Facts = append(p.Facts, reports.Fact{Label: b.t("hdr.seeds"), Value: seeds})
	if m.Meta.Config != "" {
		p.Facts = append(p.Facts, reports.Fact{Label: b.t("hdr.config"), Value: m.Meta.Config})
	}
	p.Facts = append(p.Facts, reports.Fact{Label: l.T("hdr.generated"), Value: m.Meta.Generated})
	p.Footer = b.t("footer", "version", m.Meta.PatnavVersion, "generated", m.Meta.Generated)
	for _, u := range m.Unavailable {
		p.Unavailable = append(p.Unavailable, landscape.Unavailable{Analysis: b.t("an." + u.Analysis), Reason: b.t("un." + u.Code)})
	}
	add := func(id, key string, blocks []reports.Block) {
		n := strconv.Itoa(len(p.Sections) + 1)
		p.Sections = append(p.Sections, &reports.Section{ID: "s" + n + "-" + id, Number: n, Title: b.t(key), Blocks: blocks})
	}
	add("summary", "sec.summary", b.summary())
	add("proposal", "sec.proposal", b.proposal())
	add("evaluation", "sec.evaluation", b.evaluation())
	add("expansion", "sec.expansion", b.expansion())
	if b.r.Holdout != nil {
		add("holdout", "sec.holdout", b.holdout())
	}
	if b.r.Config != nil {
		add("config", "sec.config", b.config())
	}
	add("method", "sec.method", b.method())
	return p
}

// ci writes an interval as "value (95% CI low–high, method)", or n/a without data.
func (b *pageBuilder) ci(iv model.Interval) string {
	if !iv.Defined() {
		return b.l.NA()
	}
	return b.t("ci", "v", b.l.Num(iv.Value, 3), "lo", b.l.Num(iv.Low, 3), "hi", b.l.Num(iv.High, 3), "method", b.t("ci."+iv.Method))
}

func (b *pageBuilder) summary() []reports.Block {
	l, r := b.l, b.r
	facts := []reports.Fact{
		{Label: b.t("sum.numbers"), Value: l.Int(r.SeedNumbers)},
		{Label: b.t("sum.found"), Value: l.Int(r.SeedNumbers - len(r.Unmatched))},
		{Label: b.t("sum.families"), Value: l.Int(r.SeedFamilies)},
		{Label: b.t("sum.lake"), Value: l.Int(r.LakeFamilies)},
		{Label: b.t("sum.background"), Value: l.Int(r.Background)},
		{Label: b.t("sum.before"), Value: l.Int(r.Expansion.Before)},
		{Label: b.t("sum.after"), Value: l.Int(r.Expansion.After)},
		{Label: b.t("sum.precision"), Value: b.ci(r.Evaluation.Precision)},
		{Label: b.t("sum.recall"), Value: b.ci(r.Evaluation.Recall)},
		{Label: b.t("sum.f1"), Value: b.ci(r.Evaluation.F1)},
	}
	blocks := []reports.Block{{Facts: facts}}
	if len(r.Unmatched) > 0 {
		shown := r.Unmatched[:min(len(r.Unmatched), 20)]
		list := l.List(shown)
		if len(r.Unmatched) > len(shown) {
			list += " …"
		}
		blocks = append(blocks, reports.Block{Facts: []reports.Fact{{Label: b.t("sum.unmatched"), Value: list}}})
	}
	return blocks
}

func (b *pageBuilder) proposal() []reports.Block {
	l, r := b.l, b.r
	pr := r.Proposal
	blocks := []reports.Block{{Heading: b.t("prop.block"), Facts: []reports.Fact{
		{Label: b.t("prop.codes"), Value: l.List(pr.Codes)},
		{Label: b.t("prop.kw_zh"), Value: l.List(pr.KeywordsZh)},
		{Label: b.t("prop.kw_en"), Value: l.List(pr.KeywordsEn)},
	}, Note: b.t("prop.rule", "cov", l.Pct(b.m.Meta.MinCoverage), "lift", l.Num(b.m.Meta.MinLift, 2))}}
	codes := &reports.Table{Caption: b.t("prop.code_table"),
		Head: []string{b.t("col.code"), b.t("col.level"), b.t("col.seeds"), b.t("col.coverage"), b.t("col.lake"), b.t("col.lake_share"), b.t("col.lift"), b.t("col.selected")},
		Num:  []bool{false, false, true, true, true, true, true, false}}
	for _, c := range r.Codes[:min(len(r.Codes), maxCandidates)] {
		codes.Rows = append(codes.Rows, reports.Row{Cells: cells(c.Code, b.t("level:"+c.Level), l.Int(c.Seeds), l.Pct(c.Coverage), l.Int(c.Lake), l.Pct(c.LakeShare), l.Num(c.Lift, 2), b.yes(c.Selected)), Class: flag(c.Selected)})
	}
	if len(codes.Rows) == 0 {
		blocks = append(blocks, reports.Block{Heading: codes.Caption, Para: l.T("nodata")})
	} else {
		blocks = append(blocks, reports.Block{Table: codes})
	}
	kw := &reports.Table{Caption: b.t("prop.kw_table"),
		Head: []string{b.t("col.keyword"), b.t("col.lang"), b.t("col.seeds"), b.t("col.coverage"), b.t("col.lake"), b.t("col.lake_share"), b.t("col.lift"), b.t("col.weight"), b.t("col.selected")},
		Num:  []bool{false, false, true, true, true, true, true, true, false}}
	per := map[string]int{}
	for _, k := range r.Keywords {
		if per[k.Lang] >= maxCandidates {
			continue
		}
		per[k.Lang]++
		kw.Rows = append(kw.Rows, reports.Row{Cells: cells(k.Keyword, b.t("lang:"+k.Lang), l.Int(k.Seeds), l.Pct(k.Coverage), l.Int(k.Lake), l.Pct(k.LakeShare), l.Num(k.Lift, 2), l.Num(k.Weight, 2), b.yes(k.Selected)), Class: flag(k.Selected)})
	}
	if len(kw.Rows) == 0 {
		blocks = append(blocks, reports.Block{Heading: kw.Caption, Para: l.T("nodata")})
	} else {
		blocks = append(blocks, reports.Block{Table: kw})
	}
	return blocks
}

func (b *pageBuilder) yes(v bool) string {
	if v {
		return b.t("yes")
	}
	return ""
}

func flag(v bool) string {
	if v {
		return "flag"
	}
	return ""
}

func cells(texts ...string) []reports.Cell {
	out := make([]reports.Cell, len(texts))
	for i, s := range texts {
		out[i] = reports.Cell{Text: s}
	}
	return out
}

func (b *pageBuilder) evaluation() []reports.Block {
	l, ev := b.l, b.r.Evaluation
	t := &reports.Table{Head: []string{b.t("col.measure"), b.t("col.value")}, Num: []bool{false, true}}
	for _, row := range [][2]string{
		{b.t("col.precision"), b.ci(ev.Precision)},
		{b.t("col.recall"), b.ci(ev.Recall)},
		{"F1", b.ci(ev.F1)},
		{b.t("ev.tp"), l.Int(ev.TP)},
		{b.t("ev.fn"), l.Int(ev.FN)},
		{b.t("ev.fp"), l.Int(ev.FP)},
		{b.t("ev.tn"), l.Int(ev.TN)},
		{b.t("ev.features"), l.Int(ev.Features)},
	} {
		t.Rows = append(t.Rows, reports.Row{Cells: cells(row[0], row[1])})
	}
	return []reports.Block{
		{Para: b.t("ev.para", "k", strconv.Itoa(ev.Folds), "t", l.Num(ev.Threshold, 2), "ratio", l.Num(b.m.Meta.BackgroundRatio, 1))},
		{Table: t},
	}
}

func (b *pageBuilder) expansion() []reports.Block {
	l, ex := b.l, b.r.Expansion
	t := &reports.Table{Head: []string{b.t("col.route"), b.t("col.families")}, Num: []bool{false, true}}
	for _, row := range [][2]string{
		{b.t("ex.code"), l.Int(ex.ByCode)},
		{b.t("ex.keyword"), l.Int(ex.ByKeyword)},
		{b.t("ex.citation"), l.Int(ex.ByCitation)},
		{b.t("ex.before"), l.Int(ex.Before)},
		{b.t("ex.after"), l.Int(ex.After)},
		{b.t("ex.seeds_in"), l.Int(ex.SeedsInProposal) + " / " + l.Int(b.r.SeedFamilies)},
		{b.t("ex.members"), l.Int(ex.FamilyMembers)},
	} {
		t.Rows = append(t.Rows, reports.Row{Cells: cells(row[0], row[1])})
	}
	t.Note = b.t("ex.note")
	return []reports.Block{{Table: t}}
}

func (b *pageBuilder) holdout() []reports.Block {
	l, h := b.l, b.r.Holdout
	t := &reports.Table{Head: []string{b.t("col.selection"), b.t("col.families"), b.t("col.precision"), b.t("col.recall")}, Num: []bool{false, true, true, true}}
	for _, row := range []struct {
		key string
		m   model.Measure
	}{{"ho.scope", h.Scope}, {"ho.pruned", h.Pruned}, {"ho.classifier", h.Classifier}} {
		t.Rows = append(t.Rows, reports.Row{Cells: cells(b.t(row.key), l.Int(row.m.Selected), b.ci(row.m.Precision), b.ci(row.m.Recall))})
	}
	return []reports.Block{{Para: b.t("ho.para", "n", l.Int(h.Positives))}, {Table: t}}
}

func (b *pageBuilder) config() []reports.Block {
	l, c := b.l, b.r.Config
	var blocks []reports.Block
	if cur := b.m.Current; cur != nil {
		blocks = append(blocks, reports.Block{Heading: b.t("cf.current"), Facts: []reports.Fact{
			{Label: b.t("prop.codes"), Value: l.List(cur.Codes)},
			{Label: b.t("prop.kw_zh"), Value: l.List(cur.KeywordsZh)},
			{Label: b.t("prop.kw_en"), Value: l.List(cur.KeywordsEn)},
		}})
	}
	blocks = append(blocks, reports.Block{Facts: []reports.Fact{
		{Label: b.t("cf.families"), Value: l.Int(c.Families)},
		{Label: b.t("cf.recall"), Value: b.ci(c.SeedRecall)},
		{Label: b.t("cf.accepted"), Value: b.ci(c.Accepted)},
		{Label: b.t("cf.missed"), Value: l.Int(c.Missed)},
		{Label: b.t("cf.rejected"), Value: l.Int(c.Rejected)},
	}})
	for _, ex := range []struct {
		key  string
		fams []model.Family
	}{{"cf.missed", c.MissedExamples}, {"cf.rejected", c.RejectedExamples}} {
		if len(ex.fams) == 0 {
			continue
		}
		t := &reports.Table{Caption: b.t(ex.key) + " · " + b.t("cf.examples", "n", strconv.Itoa(b.m.Result.Options.Examples)),
			Head: []string{b.t("col.pub"), b.t("col.title"), b.t("col.score")}, Num: []bool{false, false, true}, NoWrap: []bool{true}}
		for _, f := range ex.fams {
			t.Rows = append(t.Rows, reports.Row{Cells: cells(f.Rep, f.Title, b.l.Num(f.Score, 3))})
		}
		blocks = append(blocks, reports.Block{Table: t})
	}
	return blocks
}

func (b *pageBuilder) method() []reports.Block {
	l, mt := b.l, b.m.Meta
	lines := []string{
		b.t("m.seeds"), b.t("m.codes"), b.t("m.keywords"), b.t("m.citations"),
		b.t("m.background", "ratio", l.Num(mt.BackgroundRatio, 1), "seed", strconv.FormatUint(mt.RandomSeed, 10)),
		b.t("m.features"), b.t("m.model", "t", l.Num(mt.Threshold, 2)), b.t("m.ci"), b.t("m.scores"),
	}
	return []reports.Block{{List: lines}}
}

// pct3 formats a share with three decimals for YAML comments and CSV (no locale).
func pct3(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

func joinVia(v []string) string { return strings.Join(v, ";") }
