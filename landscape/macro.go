package landscape

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/internal/config"
)

// Version is written into every model's metadata.
var Version = "0.1"

// cagrWindow is how many complete years the headline CAGR spans.
const cagrWindow = 10

// macroBuilder carries what the sections share.
type macroBuilder struct {
	ctx   context.Context
	s     *analysis.Session
	cfg   *config.Config
	m     *Macro
	years []int // From..To
	// fams per year (the counting unit), filled by trend.
	total      map[int]float64
	branchName map[string]config.Text
}

// BuildMacro computes the macro industry navigation from a prepared analysis session.
func BuildMacro(ctx context.Context, s *analysis.Session) (*Macro, error) {
	b := &macroBuilder{ctx: ctx, s: s, cfg: s.Cfg, m: &Macro{}, total: map[int]float64{}, branchName: map[string]config.Text{}}
	for y := s.From; y <= s.To; y++ {
		b.years = append(b.years, y)
	}
	for _, br := range s.Cfg.Flatten() {
		b.branchName[br.ID] = br.Name
	}
	b.meta()
	steps := []struct {
		name string
		fn   func() error
	}{
		{"scope", b.scope}, {"trend", b.trend}, {"life_cycle", b.lifeCycle}, {"geography", b.geography},
		{"applicants", b.applicants}, {"technology", b.technology}, {"inventors", b.inventors},
		{"legal", b.legal}, {"quality", b.quality}, {"regional", b.regional},
	}
	for _, st := range steps {
		start := time.Now()
		if err := st.fn(); err != nil {
			return nil, fmt.Errorf("%s: %w", st.name, err)
		}
		b.m.Timings = append(b.m.Timings, Timing{Analysis: st.name, Seconds: round(time.Since(start).Seconds(), 3)})
	}
	b.recommend()
	b.limitations()
	return b.m, nil
}

func (b *macroBuilder) q(name string, args ...any) (*analysisResult, error) {
	res, err := b.s.Query(b.ctx, name, args...)
	if err != nil {
		return nil, err
	}
	return &analysisResult{res.Columns, res.Rows}, nil
}

type analysisResult struct {
	cols []string
	rows [][]any
}

func (b *macroBuilder) unavailable(analysisName, reason string) {
	b.m.Unavailable = append(b.m.Unavailable, Unavailable{Analysis: analysisName, Reason: reason})
}

func (b *macroBuilder) basis(unit string, n int, note, query string) Basis {
	return Basis{Unit: unit, N: n, From: b.s.From, To: b.s.To, Note: note, Query: query}
}

func (b *macroBuilder) meta() {
	var inc []int
	for _, y := range b.years {
		if b.s.Incomplete(y) {
			inc = append(inc, y)
		}
	}
	b.m.Meta = Meta{
		Industry: b.cfg.Industry.Name, Region: b.cfg.Region, Cutoff: b.s.Cutoff.Format("2006-01-02"),
		Generated: time.Now().UTC().Format(time.RFC3339), Unit: b.cfg.Analysis.Unit, From: b.s.From, To: b.s.To,
		Incomplete: inc, Languages: b.cfg.Analysis.Languages, PatnavVersion: Version,
	}
}

func (b *macroBuilder) scope() error {
	sc := &b.m.Scope
	sc.Codes = b.cfg.Industry.Scope.Codes
	sc.KeywordsZh, sc.KeywordsEn = b.cfg.Industry.Scope.Keywords.Zh, b.cfg.Industry.Scope.Keywords.En
	r, err := b.q("scope_counts")
	if err != nil {
		return err
	}
	sc.Publications, sc.Families, sc.Untagged = analysis.Int(r.rows[0][0]), analysis.Int(r.rows[0][1]), analysis.Int(r.rows[0][2])
	if r, err = b.q("scope_by_source"); err != nil {
		return err
	}
	sc.BySource = counts(r, 0, 0)
	if r, err = b.q("scope_by_office"); err != nil {
		return err
	}
	sc.ByOffice = counts(r, 0, 0)
	if r, err = b.q("branch_counts", b.s.From, b.s.To); err != nil {
		return err
	}
	n := map[string]int{}
	for _, row := range r.rows {
		n[analysis.Str(row[0])] = analysis.Int(row[1])
	}
	for _, br := range b.cfg.Flatten() {
		sc.Tree = append(sc.Tree, BranchNode{ID: br.ID, Name: br.Name, Level: br.Level, Parent: br.Parent, Families: n[br.ID]})
	}
	sc.Method = []string{
		"scope: publications whose IPC/CPC codes start with a scope code or whose title/abstract contains a scope keyword" +
			map[bool]string{true: " (both required)", false: ""}[b.cfg.Industry.Scope.Require == "both"] + ", minus exclusions",
		"deduplication: one row per publication number across all sources (provenance kept)",
		"families: the source's family id, else publications sharing the same priority set, else the same application",
		"counting unit: " + b.cfg.Analysis.Unit + "; applicants counted fractionally (1/k per family with k applicants)",
		"applicant names normalised (case, width, punctuation, legal-form suffixes) and merged by the thesaurus",
		fmt.Sprintf("priority year = earliest priority (else filing) date; the last %d years before the cut-off are incomplete (publication lag)", b.cfg.Analysis.IncompleteYears),
	}
	if sc.Families == 0 {
		b.unavailable("all", "no patent in the lake matches the industry scope")
	}
	return nil
}

// series turns (year, n) rows into a full series over the window.
func (b *macroBuilder) series(vals map[int]float64) []YearPoint {
	out := make([]YearPoint, 0, len(b.years))
	for _, y := range b.years {
		out = append(out, YearPoint{Year: y, N: vals[y], Incomplete: b.s.Incomplete(y)})
	}
	return out
}

func (b *macroBuilder) trendOf(vals map[int]float64, query string, unit string) Trend {
	s := b.series(vals)
	var yc []indicators.YearCount
	total := 0.0
	for _, p := range s {
		yc = append(yc, indicators.YearCount{Year: p.Year, Count: p.N})
		total += p.N
	}
	t := Trend{Series: s, Basis: b.basis(unit, int(total), "", query)}
	// The window: the last complete year back to at most cagrWindow years, starting at the first
	// year in it with filings (growth from zero is undefined).
	last := min(b.s.LastComplete(), b.s.To)
	window := 0
	for y := max(last-cagrWindow, b.s.From); y < last; y++ {
		if vals[y] > 0 {
			window = last - y
			break
		}
	}
	g := indicators.Growth{Reason: "fewer than two complete years with filings"}
	if window > 0 {
		g = indicators.CompleteCAGR(yc, last, window)
	}
	if g.OK {
		v := round(g.CAGR, 4)
		t.CAGR, t.CAGRFrom, t.CAGRTo = &v, g.StartYear, g.EndYear
	}
	t.Phases = phases(s)
	return t
}

// phases labels runs of complete years by year-on-year growth: > 20 % rapid growth, 5–20 %
// growth, −5–5 % plateau, < −5 % decline (a convention; the thresholds are stated in the report).
func phases(s []YearPoint) []Phase {
	var out []Phase
	for i := 1; i < len(s); i++ {
		if s[i].Incomplete || s[i-1].N == 0 {
			continue
		}
		g := s[i].N/s[i-1].N - 1
		label := "plateau"
		switch {
		case g > 0.20:
			label = "rapid growth"
		case g > 0.05:
			label = "growth"
		case g < -0.05:
			label = "decline"
		}
		if n := len(out); n > 0 && out[n-1].Label == label && out[n-1].To == s[i].Year-1 {
			out[n-1].To = s[i].Year
			continue
		}
		out = append(out, Phase{From: s[i].Year, To: s[i].Year, Label: label})
	}
	// Merge single-year blips into their neighbours so the phases read as periods.
	var merged []Phase
	for _, p := range out {
		if n := len(merged); n > 0 && p.To-p.From == 0 && merged[n-1].To == p.From-1 && len(out) > 3 {
			merged[n-1].To = p.To
			continue
		}
		merged = append(merged, p)
	}
	return merged
}

func (b *macroBuilder) trend() error {
	q := "trend"
	unit := "family"
	if b.cfg.Analysis.Unit == "publication" {
		q, unit = "trend_pub", "publication"
	}
	r, err := b.q(q, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	for _, row := range r.rows {
		b.total[analysis.Int(row[0])] = analysis.Num(row[1])
	}
	b.m.Trend = b.trendOf(b.total, q, unit)
	if b.m.Trend.CAGR == nil {
		b.unavailable("trend.cagr", "fewer than two complete years with filings in the window")
	}
	return nil
}

func (b *macroBuilder) lifeCycleOf(rows [][]any, yearCol, appCol, applCol int) (LifeCycle, indicators.LogisticFit) {
	apps, appl := map[int]float64{}, map[int]float64{}
	for _, row := range rows {
		y := analysis.Int(row[yearCol])
		apps[y], appl[y] = analysis.Num(row[appCol]), analysis.Num(row[applCol])
	}
	lc := LifeCycle{}
	var t, cum, a, p []float64
	c := 0.0
	for _, y := range b.years {
		lc.Points = append(lc.Points, PhasePoint{Year: y, Applications: int(apps[y]), Applicants: int(appl[y]), Incomplete: b.s.Incomplete(y)})
		if b.s.Incomplete(y) {
			continue
		}
		c += apps[y]
		t = append(t, float64(y))
		cum = append(cum, c)
		a = append(a, apps[y])
		p = append(p, appl[y])
	}
	fit := indicators.LogisticFit{Reason: "no complete years"}
	if len(t) > 0 {
		fit = indicators.FitLogistic(t, cum)
	}
	if fit.OK {
		lc.Fit = &Logistic{L: round(fit.L, 1), K: round(fit.K, 4), T0: round(fit.T0, 2), R2: round(fit.R2, 4),
			RMSE: round(fit.RMSE, 2), Reached: round(fit.Saturation(), 4), FitFrom: int(t[0]), FitTo: int(t[len(t)-1])}
	}
	if len(a) > 0 {
		st, why := indicators.LifeCycleStage(fit, a, p)
		lc.Stage, lc.Rule = string(st), why
	} else {
		lc.Stage, lc.Rule = string(indicators.StageUnclear), "no complete years"
	}
	return lc, fit
}

func (b *macroBuilder) lifeCycle() error {
	r, err := b.q("life_cycle", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	lc, fit := b.lifeCycleOf(r.rows, 0, 1, 2)
	n := 0
	for _, p := range lc.Points {
		n += p.Applications
	}
	lc.Basis = b.basis("family", n, "cumulative families of complete years fitted by y = L/(1+e^(−k(t−t0)))", "life_cycle")
	if !fit.OK {
		b.unavailable("life_cycle.fit", "logistic fit not identifiable: "+fit.Reason)
	}
	b.m.LifeCycle = lc
	return nil
}

func (b *macroBuilder) geography() error {
	g := &b.m.Geography
	r, err := b.q("geo_matrix", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	srcTot, offTot := map[string]float64{}, map[string]float64{}
	cell := map[[2]string]float64{}
	n := 0.0
	for _, row := range r.rows {
		s, o, v := analysis.Str(row[0]), analysis.Str(row[1]), analysis.Num(row[2])
		srcTot[s] += v
		offTot[o] += v
		cell[[2]string{s, o}] += v
		n += v
	}
	g.Sources = topKeys(srcTot, 12)
	g.Offices = topKeys(offTot, 12)
	for _, s := range g.Sources {
		row := make([]float64, len(g.Offices))
		for j, o := range g.Offices {
			row[j] = cell[[2]string{s, o}]
		}
		g.Matrix = append(g.Matrix, row)
	}
	if r, err = b.q("geo_pct", b.s.From, b.s.To); err != nil {
		return err
	}
	if tot := analysis.Num(r.rows[0][1]); tot > 0 {
		v := round(analysis.Num(r.rows[0][0])/tot, 4)
		g.PCTShare = &v
	}
	office := b.cfg.Warnings.Office
	if r, err = b.q("geo_foreign_in", office, b.cfg.Warnings.Domestic, b.s.From, b.s.To, b.cfg.Analysis.TopN); err != nil {
		return err
	}
	g.ForeignInCN = counts(r, 0, 0)
	if r, err = b.q("geo_provinces", b.s.From, b.s.To); err != nil {
		return err
	}
	g.Provinces = counts(r, 0, 2)
	if r, err = b.q("geo_cities", b.s.From, b.s.To, b.cfg.Analysis.TopN); err != nil {
		return err
	}
	g.Cities = counts(r, 0, 2)
	g.Basis = b.basis("family", int(sumCounts(b.m.Trend.Series)), "source = first applicant's country (else first priority office); a family counts once per office where it has a member", "geo_matrix")
	if len(g.Provinces) == 0 {
		b.unavailable("geography.provinces", "no applicant in scope has a CN province (no addresses or 国省代码 in the sources)")
	}
	return nil
}

func (b *macroBuilder) applicants() error {
	A := &b.m.Applicants
	r, err := b.q("applicants_top", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	all := make([]Applicant, 0, len(r.rows))
	var fr []float64
	total := 0.0
	for _, row := range r.rows {
		a := Applicant{Name: analysis.Str(row[0]), Kind: analysis.Str(row[1]), Country: analysis.Str(row[2]), Province: analysis.Str(row[3]),
			Families: round(analysis.Num(row[4]), 2), Whole: analysis.Int(row[5]), Granted: analysis.Int(row[6]), Alive: analysis.Int(row[7]),
			Citations: analysis.Int(row[8]), FirstYear: analysis.Int(row[9]), LastYear: analysis.Int(row[10])}
		all = append(all, a)
		fr = append(fr, analysis.Num(row[4]))
		total += analysis.Num(row[4])
	}
	A.Basis = b.basis("family", len(all), "fractional counting (1/k per family with k applicants); "+fmt.Sprint(len(all))+" applicants", "applicants_top")
	if len(all) == 0 {
		b.unavailable("applicants", "no applicants in scope")
		return nil
	}
	A.Concentration = concentration(fr)
	for i := range all {
		all[i].Share = round(fr[i]/total, 4)
	}
	top := all
	if len(top) > b.cfg.Analysis.TopN {
		top = top[:b.cfg.Analysis.TopN]
	}
	names := make([]string, len(top))
	idx := map[string]int{}
	for i, a := range top {
		names[i] = a.Name
		idx[a.Name] = i
	}
	// Variants and display names.
	if r, err = b.q("applicant_variants", names); err != nil {
		return err
	}
	for _, row := range r.rows {
		i := idx[analysis.Str(row[0])]
		if len(top[i].Variants) < 8 {
			top[i].Variants = append(top[i].Variants, analysis.Str(row[1]))
		}
		if top[i].Display == "" {
			top[i].Display = analysis.Str(row[1])
		}
	}
	add := func(query string, set func(a *Applicant, c Count)) error {
		r, err := b.q(query, names, b.s.From, b.s.To)
		if err != nil {
			return err
		}
		for _, row := range r.rows {
			i := idx[analysis.Str(row[0])]
			set(&top[i], Count{Key: analysis.Str(row[1]), N: round(analysis.Num(row[2]), 2)})
		}
		return nil
	}
	if err := add("applicant_branches", func(a *Applicant, c Count) {
		if len(a.TopBranches) < 5 {
			c.Label = b.branchName[c.Key].In("en")
			a.TopBranches = append(a.TopBranches, c)
		}
	}); err != nil {
		return err
	}
	if err := add("applicant_offices", func(a *Applicant, c Count) {
		if len(a.Offices) < 8 {
			a.Offices = append(a.Offices, c)
		}
	}); err != nil {
		return err
	}
	if err := add("applicant_coapplicants", func(a *Applicant, c Count) {
		if len(a.CoApplicants) < 5 {
			a.CoApplicants = append(a.CoApplicants, c)
		}
	}); err != nil {
		return err
	}
	A.Top = top
	A.TopGranted = rankBy(all, b.cfg.Analysis.TopN, func(a Applicant) float64 { return float64(a.Granted) })
	A.TopAlive = rankBy(all, b.cfg.Analysis.TopN, func(a Applicant) float64 { return float64(a.Alive) })
	A.TopCited = rankBy(all, b.cfg.Analysis.TopN, func(a Applicant) float64 { return float64(a.Citations) })
	// Concentration over time (computed in SQL over every applicant of each year).
	if r, err = b.q("year_concentration", b.s.From, b.s.To); err != nil {
		return err
	}
	for _, row := range r.rows {
		y := analysis.Int(row[0])
		c := sqlConcentration(row[1:])
		A.ConcentrationByYear = append(A.ConcentrationByYear, YearConcentration{Year: y, HHI: c.HHI, CR4: c.CR4, Incomplete: b.s.Incomplete(y)})
	}
	if r, err = b.q("kind_mix", b.s.From, b.s.To); err != nil {
		return err
	}
	A.KindMix = counts(r, 0, 2)
	shareOf(A.KindMix)
	// Newcomers: first filing in the last three complete years.
	lc := b.s.LastComplete()
	A.NewcomerYears = [2]int{lc - 2, lc}
	for _, a := range all {
		if a.FirstYear >= lc-2 && a.FirstYear <= lc {
			A.Newcomers = append(A.Newcomers, a)
			if len(A.Newcomers) == b.cfg.Analysis.TopN {
				break
			}
		}
	}
	return nil
}

func concentration(fr []float64) Concentration {
	shares, ok := indicators.Shares(fr)
	if !ok {
		return Concentration{Band: string(indicators.ConcentrationUndefined)}
	}
	sorted := append([]float64(nil), shares...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	hhi, _ := indicators.HHI(sorted)
	cr4, _ := indicators.CR(sorted, 4)
	cr8, _ := indicators.CR(sorted, 8)
	return Concentration{HHI: round(hhi, 1), CR4: round(cr4, 4), CR8: round(cr8, 4), Band: string(indicators.HHIBand(hhi)), N: len(fr)}
}

// sqlConcentration reads (hhi, cr4, cr8, n) computed by SQL with the same definitions as
// concentration.
// nanIfNull reads a nullable number, NaN for NULL (an indicator the source does not give).
func nanIfNull(v any) float64 {
	if v == nil {
		return math.NaN()
	}
	return analysis.Num(v)
}

func sqlConcentration(v []any) Concentration {
	hhi := analysis.Num(v[0])
	return Concentration{HHI: round(hhi, 1), CR4: round(analysis.Num(v[1]), 4), CR8: round(analysis.Num(v[2]), 4),
		Band: string(indicators.HHIBand(hhi)), N: analysis.Int(v[3])}
}

func (b *macroBuilder) technology() error {
	T := &b.m.Technology
	T.Years = b.years
	flat := b.cfg.Flatten()
	r, err := b.q("branch_trend", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	byBranch := map[string]map[int]float64{}
	for _, row := range r.rows {
		id := analysis.Str(row[0])
		if byBranch[id] == nil {
			byBranch[id] = map[int]float64{}
		}
		byBranch[id][analysis.Int(row[1])] = analysis.Num(row[2])
	}
	if r, err = b.q("branch_life_cycle", b.s.From, b.s.To); err != nil {
		return err
	}
	lcRows := map[string][][]any{}
	for _, row := range r.rows {
		lcRows[analysis.Str(row[0])] = append(lcRows[analysis.Str(row[0])], row)
	}
	if r, err = b.q("branch_concentration", b.s.From, b.s.To); err != nil {
		return err
	}
	appl := map[string][]Count{}
	conc := map[string]Concentration{}
	for _, row := range r.rows {
		id := analysis.Str(row[0])
		conc[id] = sqlConcentration(row[1:5])
		names, ns := analysis.Strs(row[5]), analysis.Nums(row[6])
		for i := range names {
			appl[id] = append(appl[id], Count{Key: names[i], N: round(ns[i], 2)})
		}
	}
	// Region × branch for the region's RTA.
	if err := b.regionFamilies(); err != nil {
		return err
	}
	if r, err = b.q("region_branch", b.s.From, b.s.To); err != nil {
		return err
	}
	regB, worldB := map[string]float64{}, map[string]float64{}
	var regTot, worldTot float64
	for _, row := range r.rows {
		id := analysis.Str(row[0])
		regB[id], worldB[id] = analysis.Num(row[1]), analysis.Num(row[2])
	}
	for _, br := range flat {
		if br.Level == 1 {
			regTot += regB[br.ID]
			worldTot += worldB[br.ID]
		}
	}
	allGrowth := b.m.Trend.CAGR
	totalFam := sumCounts(b.m.Trend.Series)
	lc := b.s.LastComplete()
	// Burst input: complete years only.
	var dAll []float64
	var bYears []int
	for _, y := range b.years {
		if !b.s.Incomplete(y) {
			dAll = append(dAll, b.total[y])
			bYears = append(bYears, y)
		}
	}
	bo := indicators.BurstOptions{S: b.cfg.Analysis.Burst.Scale, Gamma: b.cfg.Analysis.Burst.Gamma, States: b.cfg.Analysis.Burst.States}
	for _, br := range flat {
		vals := byBranch[br.ID]
		fams := 0.0
		for _, v := range vals {
			fams += v
		}
		st := BranchStats{ID: br.ID, Name: br.Name, Level: br.Level, Parent: br.Parent, Families: fams,
			Trend: b.trendOf(vals, "branch_trend", "family"), TopApplicants: appl[br.ID]}
		if totalFam > 0 {
			st.Share = round(fams/totalFam, 4)
		}
		if st.Trend.CAGR != nil && allGrowth != nil {
			if rg, ok := indicators.RelativeGrowth(*st.Trend.CAGR, *allGrowth); ok {
				v := round(rg, 3)
				st.RelGrowth = &v
			}
		}
		st.Concentration = conc[br.ID]
		if st.Concentration.Band == "" {
			st.Concentration.Band = string(indicators.ConcentrationUndefined)
		}
		lcb, _ := b.lifeCycleOf(lcRows[br.ID], 1, 2, 3)
		st.Stage = lcb.Stage
		if regTot > 0 && worldTot > 0 && worldB[br.ID] > 0 {
			v := round((regB[br.ID]/regTot)/(worldB[br.ID]/worldTot), 3)
			st.RegionRTA = &v
		}
		var rr []float64
		for _, y := range bYears {
			rr = append(rr, vals[y])
		}
		if br2 := indicators.Bursts(rr, dAll, bo); br2.OK {
			for _, x := range br2.Bursts {
				st.Bursts = append(st.Bursts, Burst{From: bYears[x.Start], To: bYears[x.End], Level: x.Level, Weight: round(x.Weight, 2)})
			}
		}
		var why, whyZh []string
		for _, x := range st.Bursts {
			if x.To >= lc-2 {
				why = append(why, fmt.Sprintf("burst %d–%d (weight %.1f)", x.From, x.To, x.Weight))
				whyZh = append(whyZh, fmt.Sprintf("%d–%d 年突发（权重 %.1f）", x.From, x.To, x.Weight))
			}
		}
		if st.RelGrowth != nil && *st.RelGrowth >= 1.2 && st.Share >= 0.02 {
			why = append(why, fmt.Sprintf("grows %.1f× as fast as the industry", *st.RelGrowth))
			whyZh = append(whyZh, fmt.Sprintf("增速为产业整体的 %.1f 倍", *st.RelGrowth))
		}
		if len(why) > 0 {
			st.Hotspot, st.HotspotWhy, st.HotspotWhyZh = true, strings.Join(why, "; "), strings.Join(whyZh, "；")
			T.Hotspots = append(T.Hotspots, br.ID)
		}
		T.Branches = append(T.Branches, st)
		row := make([]float64, len(b.years))
		for i, y := range b.years {
			row[i] = vals[y]
		}
		T.Heat = append(T.Heat, row)
	}
	// Country × level-1 branch RTA.
	if r, err = b.q("country_branch", b.s.From, b.s.To); err != nil {
		return err
	}
	cTot := map[string]float64{}
	cb := map[[2]string]float64{}
	for _, row := range r.rows {
		c := analysis.Str(row[0])
		cTot[c] += analysis.Num(row[2])
		cb[[2]string{c, analysis.Str(row[1])}] = analysis.Num(row[2])
	}
	T.Countries = topKeys(cTot, 10)
	for _, br := range flat {
		if br.Level == 1 {
			T.RTABranches = append(T.RTABranches, br.ID)
		}
	}
	var mat [][]float64
	for c := range cTot { // every country enters the denominators
		_ = c
	}
	keys := sortedKeys(cTot)
	pos := map[string]int{}
	for i, c := range keys {
		pos[c] = i
		row := make([]float64, len(T.RTABranches))
		for j, id := range T.RTABranches {
			row[j] = cb[[2]string{c, id}]
		}
		mat = append(mat, row)
	}
	if len(mat) > 0 && len(T.RTABranches) > 0 {
		ai := indicators.RTA(mat)
		for _, c := range T.Countries {
			row := make([]*float64, len(T.RTABranches))
			for j := range T.RTABranches {
				if v := ai.RTA[pos[c]][j]; !math.IsNaN(v) && !math.IsInf(v, 0) {
					x := round(v, 3)
					row[j] = &x
				}
			}
			T.RTA = append(T.RTA, row)
		}
	}
	// IPC subclasses.
	if r, err = b.q("subclass_trend", b.s.From, b.s.To); err != nil {
		return err
	}
	subVals := map[string]map[int]float64{}
	subTot := map[string]float64{}
	for _, row := range r.rows {
		c := analysis.Str(row[0])
		if subVals[c] == nil {
			subVals[c] = map[int]float64{}
		}
		subVals[c][analysis.Int(row[1])] = analysis.Num(row[2])
		subTot[c] += analysis.Num(row[2])
	}
	for _, c := range topKeys(subTot, 15) {
		tr := b.trendOf(subVals[c], "subclass_trend", "family")
		ss := SubclassStats{Code: c, Families: subTot[c], CAGR: tr.CAGR}
		if totalFam > 0 {
			ss.Share = round(subTot[c]/totalFam, 4)
		}
		var rr []float64
		for _, y := range bYears {
			rr = append(rr, subVals[c][y])
		}
		if br2 := indicators.Bursts(rr, dAll, bo); br2.OK {
			for _, x := range br2.Bursts {
				ss.Bursts = append(ss.Bursts, Burst{From: bYears[x.Start], To: bYears[x.End], Level: x.Level, Weight: round(x.Weight, 2)})
				if bYears[x.End] >= lc-2 {
					T.Hotspots = append(T.Hotspots, c)
				}
			}
		}
		T.Subclasses = append(T.Subclasses, ss)
	}
	T.Hotspots = uniq(T.Hotspots)
	T.Basis = b.basis("family", int(totalFam), "a family counts in every branch it matches (and in the branch's ancestors); RTA = (N_cb/Σ_b N_cb)/(Σ_c N_cb/Σ N)", "branch_trend")
	return nil
}

func (b *macroBuilder) regionFamilies() error {
	rg := b.cfg.Region
	return b.s.Exec(b.ctx, "region_families", rg.Country, rg.Province, rg.Province, rg.City, rg.City)
}

func (b *macroBuilder) inventors() error {
	I := &b.m.Inventors
	r, err := b.q("inventor_total")
	if err != nil {
		return err
	}
	I.Total = analysis.Int(r.rows[0][0])
	if I.Total == 0 {
		b.unavailable("inventors", "the sources in scope carry no inventor names")
		return nil
	}
	if r, err = b.q("inventors_top", b.s.From, b.s.To, b.cfg.Analysis.TopN); err != nil {
		return err
	}
	var names []string
	idx := map[string]int{}
	for _, row := range r.rows {
		cites := analysis.Nums(row[2])
		ci := make([]int, len(cites))
		for i, c := range cites {
			ci[i] = int(c)
		}
		idx[analysis.Str(row[0])] = len(I.Top)
		I.Top = append(I.Top, Inventor{Name: analysis.Str(row[0]), Families: analysis.Int(row[1]), HIndex: indicators.HIndex(ci)})
		names = append(names, analysis.Str(row[0]))
	}
	if r, err = b.q("inventor_applicants", names); err != nil {
		return err
	}
	for _, row := range r.rows {
		i := idx[analysis.Str(row[0])]
		I.Top[i].Applicants = append(I.Top[i].Applicants, analysis.Str(row[1]))
	}
	if r, err = b.q("inventor_teams", b.s.From, b.s.To, names, names, 10); err != nil {
		return err
	}
	for _, row := range r.rows {
		I.Teams = append(I.Teams, Team{Members: []string{analysis.Str(row[0]), analysis.Str(row[1])}, Families: analysis.Int(row[2]), Applicant: analysis.Str(row[3])})
	}
	I.Basis = b.basis("family", I.Total, "h-index over the forward citations the sources report for each inventor's families; teams = most frequent co-inventor pairs", "inventors_top")
	return nil
}

func (b *macroBuilder) legal() error {
	L := &b.m.Legal
	r, err := b.q("legal_status", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	L.Status = counts(r, 0, 0)
	shareOf(L.Status)
	if r, err = b.q("grant_rate", b.s.From, b.s.To); err != nil {
		return err
	}
	g, ref := analysis.Num(r.rows[0][0]), analysis.Num(r.rows[0][1])
	if g+ref > 0 {
		v := round(g/(g+ref), 4)
		L.GrantRate = &v
	} else {
		b.unavailable("legal.grant_rate", "no decided invention families (granted, or lapsed without grant) in scope")
	}
	if p := analysis.NumPtr(r.rows[0][2]); p != nil {
		v := round(*p, 2)
		L.PendencyYears = &v
	}
	if r, err = b.q("operations", b.s.From, b.s.To); err != nil {
		return err
	}
	if analysis.Int(r.rows[0][4]) > 0 {
		for i, k := range []string{"transferred", "licensed", "pledged", "invalidated"} {
			L.Operations = append(L.Operations, Count{Key: k, N: analysis.Num(r.rows[0][i])})
		}
	} else {
		b.unavailable("legal.operations", "the sources in scope carry no transfer, licence or pledge data (CNIPA-style exports do)")
	}
	n := 0
	for _, c := range L.Status {
		n += int(c.N)
	}
	L.Basis = b.basis("family", n, "a family's status is the best of its members' (alive > pending > lapsed); grant rate = granted / (granted + lapsed without grant) over invention families; pendency = median filing-to-grant years", "legal_status")
	return nil
}

func (b *macroBuilder) quality() error {
	Q := &b.m.Quality
	r, err := b.q("citation_coverage", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	withSrc, internal, withClaims, n := analysis.Int(r.rows[0][0]), analysis.Int(r.rows[0][1]), analysis.Int(r.rows[0][2]), analysis.Int(r.rows[0][3])
	in := indicators.QualityInputs{}
	useInternal := internal > 0
	if useInternal {
		Q.Indicators = append(Q.Indicators, fmt.Sprintf("forward citations within %d years (citations resolved inside the lake)", b.cfg.Analysis.CitationWindow))
	} else if withSrc > 0 {
		Q.Indicators = append(Q.Indicators, "forward citations as reported by the source (not windowed)")
	} else {
		Q.Missing = append(Q.Missing, Unavailable{"forward citations", "the sources in scope carry no citation data (e.g. Google Patents CSV exports)"})
	}
	Q.Indicators = append(Q.Indicators, "family size (distinct offices)")
	Q.Indicators = append(Q.Indicators, "backward citations (where the source counts them)", "grant lag (filing to grant, shorter is better)",
		"scope (distinct IPC subclasses; reported, not in the index)")
	if withClaims > 0 {
		Q.Indicators = append(Q.Indicators, "claims count")
	} else {
		Q.Missing = append(Q.Missing, Unavailable{"claims", "the sources in scope carry no claim counts"})
	}
	Q.Missing = append(Q.Missing, Unavailable{"generality and originality", "need the classes of citing and cited patents resolved inside the lake; not computed in this version"})
	type fam struct {
		id               string
		py               int
		fwd, size, scope float64
	}
	var fams []fam
	err = b.s.Each(b.ctx, "quality_base", func(row []any) error {
		f := fam{id: analysis.Str(row[0]), py: analysis.Int(row[1])}
		in.Cohort = append(in.Cohort, fmt.Sprintf("%d|%s", f.py, analysis.Str(row[2])))
		f.fwd = math.NaN()
		if useInternal {
			f.fwd = analysis.Num(row[3])
		} else if row[4] != nil {
			f.fwd = analysis.Num(row[4])
		}
		if withSrc > 0 || useInternal {
			in.ForwardCitations = append(in.ForwardCitations, f.fwd)
		}
		f.size = analysis.Num(row[5])
		in.FamilySize = append(in.FamilySize, f.size)
		in.Claims = append(in.Claims, nanIfNull(row[6]))
		in.BackwardCitations = append(in.BackwardCitations, nanIfNull(row[7]))
		in.GrantLag = append(in.GrantLag, nanIfNull(row[8]))
		f.scope = analysis.Num(row[9])
		fams = append(fams, f)
		return nil
	}, b.s.From, b.s.To, b.cfg.Analysis.CitationWindow, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	if len(fams) == 0 {
		b.unavailable("quality", "no families in scope")
		return nil
	}
	// OECD quality index 6: the indicators a family lacks (NaN) are left out of its mean.
	scores := indicators.QualityIndex6(in, indicators.DefaultTrim)
	order := make([]int, len(fams))
	var vals []float64
	for i := range order {
		order[i] = i
		if scores[i].OK {
			vals = append(vals, scores[i].Index)
		}
	}
	sort.SliceStable(order, func(i, j int) bool {
		si, sj := scores[order[i]], scores[order[j]]
		if si.OK != sj.OK {
			return si.OK
		}
		if si.Index != sj.Index {
			return si.Index > sj.Index
		}
		return fams[order[i]].id < fams[order[j]].id
	})
	sort.Float64s(vals)
	for d := 1; d <= 9 && len(vals) > 0; d++ {
		Q.Deciles = append(Q.Deciles, round(vals[(len(vals)-1)*d/10], 3))
	}
	// Keep every family's score for the enterprise and warning stages: pct = 1 − rank/N.
	if err := b.s.Exec(b.ctx, "create_fam_quality"); err != nil {
		return err
	}
	nOK := len(vals)
	if err := b.s.DB.Append(b.ctx, "fam_quality", func(add func(...any) error) error {
		for rank, i := range order {
			if !scores[i].OK {
				continue
			}
			if err := add(fams[i].id, scores[i].Index, 1-float64(rank)/float64(nOK)); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	core := int(math.Ceil(float64(len(fams)) * b.cfg.Analysis.CoreShare))
	core = min(core, 50, len(order))
	var coreIDs []string
	for _, i := range order[:core] {
		if scores[i].OK {
			coreIDs = append(coreIDs, fams[i].id)
		}
	}
	fb, err := b.q("family_branch_list", coreIDs)
	if err != nil {
		return err
	}
	branches := map[string][]string{}
	for _, row := range fb.rows {
		branches[analysis.Str(row[0])] = analysis.Strs(row[1])
	}
	det, err := b.q("quality_details", coreIDs)
	if err != nil {
		return err
	}
	details := map[string][]any{}
	for _, row := range det.rows {
		details[analysis.Str(row[0])] = row
	}
	for _, i := range order[:len(coreIDs)] {
		f := fams[i]
		d := details[f.id]
		if d == nil {
			return fmt.Errorf("quality: no details for family %s", f.id)
		}
		cp := CorePatent{PubNumber: analysis.Str(d[1]), FamilyID: f.id, Title: analysis.Str(d[2]), Applicant: analysis.Str(d[4]), Year: f.py,
			Score: round(scores[i].Index, 3), FamilySize: int(f.size), Status: analysis.Str(d[3]), Branches: branches[f.id],
			Components: map[string]float64{}}
		if !math.IsNaN(f.fwd) {
			cp.ForwardCites = int(f.fwd)
		}
		cp.Components["used"] = float64(scores[i].Used.Count())
		cp.Components["scope"] = f.scope
		Q.Core = append(Q.Core, cp)
	}
	Q.Basis = b.basis("family", n, fmt.Sprintf("OECD quality index 6: mean of forward citations, family size, claims, backward citations and grant lag min–max normalised within priority-year × main-subclass cohorts (top/bottom 1%% capped); core patents = top %.0f%% (at most 50 listed)", 100*b.cfg.Analysis.CoreShare), "quality_base")
	return nil
}

func (b *macroBuilder) regional() error {
	R := &b.m.Regional
	R.Region = b.cfg.Region
	c := b.cfg.Region.Country
	r, err := b.q("region_rows", c, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	agg := map[string][]float64{}
	for _, row := range r.rows {
		agg[analysis.Str(row[0])] = []float64{analysis.Num(row[1]), analysis.Num(row[2]), analysis.Num(row[3]), analysis.Num(row[4]), analysis.Num(row[5]), analysis.Num(row[6])}
	}
	if agg["region"] == nil || agg["region"][0] == 0 {
		b.unavailable("regional", fmt.Sprintf("no family in scope has an applicant in the region (%s %s %s)", c, b.cfg.Region.Province, b.cfg.Region.City))
		return nil
	}
	ppl, err := b.q("region_applicants", c, b.s.From, b.s.To, c)
	if err != nil {
		return err
	}
	pp := map[string][]float64{}
	for _, row := range ppl.rows {
		pp[analysis.Str(row[0])] = []float64{analysis.Num(row[1]), analysis.Num(row[2]), analysis.Num(row[3])}
	}
	inv, err := b.q("region_inventors", c, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	iv := map[string]float64{}
	for _, row := range inv.rows {
		iv[analysis.Str(row[0])] = analysis.Num(row[1])
	}
	world := agg["world"][0]
	row := func(dim, ind, unit string, f func(scope string) *float64) {
		R.Rows = append(R.Rows, PositionRow{Dimension: dim, Indicator: ind, Unit: unit, Region: f("region"), Nation: f("nation"), World: f("world")})
	}
	ratio := func(num, den float64) *float64 {
		if den == 0 {
			return nil
		}
		v := round(num/den, 4)
		return &v
	}
	get := func(m map[string][]float64, s string, i int) float64 {
		if m[s] == nil {
			return 0
		}
		return m[s][i]
	}
	row("structure", "families", "families", func(s string) *float64 { v := get(agg, s, 0); return &v })
	row("structure", "share of world families", "share", func(s string) *float64 { return ratio(get(agg, s, 0), world) })
	row("structure", "invention share", "share", func(s string) *float64 { return ratio(get(agg, s, 2), get(agg, s, 0)) })
	row("enterprise strength", "applicants", "applicants", func(s string) *float64 { v := get(pp, s, 0); return &v })
	row("enterprise strength", "enterprise share of applicants", "share", func(s string) *float64 { return ratio(get(pp, s, 1), get(pp, s, 0)) })
	row("enterprise strength", "families per applicant", "families", func(s string) *float64 { return ratio(get(agg, s, 0), get(pp, s, 0)) })
	row("talent", "inventors", "inventors", func(s string) *float64 { v := iv[s]; return &v })
	row("talent", "universities and institutes", "applicants", func(s string) *float64 { v := get(pp, s, 2); return &v })
	row("technology", "grant share", "share", func(s string) *float64 { return ratio(get(agg, s, 1), get(agg, s, 0)) })
	row("technology", "alive share", "share", func(s string) *float64 { return ratio(get(agg, s, 3), get(agg, s, 0)) })
	row("technology", "offices per family (internationalisation)", "offices", func(s string) *float64 { v := round(get(agg, s, 5), 2); return &v })
	spec := 0.0
	for _, br := range b.m.Technology.Branches {
		if br.Level == 1 && br.RegionRTA != nil && *br.RegionRTA > 1 {
			spec++
		}
	}
	R.Rows = append(R.Rows, PositionRow{Dimension: "technology", Indicator: "level-1 branches with RTA > 1", Unit: "branches", Region: &spec})
	row("operation", "families transferred, licensed or pledged", "share", func(s string) *float64 { return ratio(get(agg, s, 4), get(agg, s, 0)) })
	// Year by year.
	yr, err := b.q("region_by_year", c, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	people, err := b.q("region_by_year_people", b.s.From, b.s.To)
	if err != nil {
		return err
	}
	py := map[int][2]int{}
	for _, row := range people.rows {
		py[analysis.Int(row[0])] = [2]int{analysis.Int(row[1]), analysis.Int(row[2])}
	}
	for _, row := range yr.rows {
		y := analysis.Int(row[0])
		ry := RegionYear{Year: y, Families: analysis.Num(row[1]), ShareNation: ratio(analysis.Num(row[1]), analysis.Num(row[2])),
			ShareWorld: ratio(analysis.Num(row[1]), analysis.Num(row[3])), Granted: analysis.Int(row[4]),
			Applicants: py[y][0], Inventors: py[y][1], Incomplete: b.s.Incomplete(y)}
		R.ByYear = append(R.ByYear, ry)
	}
	R.Basis = b.basis("family", int(agg["region"][0]), "region = families with at least one applicant in the region; nation = with an applicant of the region's country; world = all families in scope", "region_rows")
	return nil
}

// recommend derives path recommendations from the numbers above; each names its evidence.
func (b *macroBuilder) recommend() {
	m := b.m
	for _, br := range m.Technology.Branches {
		if br.Level != 1 {
			continue
		}
		name := br.Name.In("en")
		if br.RegionRTA != nil && *br.RegionRTA < 0.8 && (br.Hotspot || br.RelGrowth != nil && *br.RelGrowth > 1) {
			ev := []string{fmt.Sprintf("region RTA %.2f", *br.RegionRTA)}
			if br.RelGrowth != nil {
				ev = append(ev, fmt.Sprintf("relative growth %.2f", *br.RelGrowth))
			}
			if br.HotspotWhy != "" {
				ev = append(ev, br.HotspotWhy)
			}
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "strengthen", Target: name,
				Why: "a growing branch where the region is under-represented", Evidence: ev})
			for _, a := range br.TopApplicants {
				if len(a.Key) > 0 {
					m.Recommendations = append(m.Recommendations, Recommendation{Kind: "attract", Target: a.Key,
						Why: "a leading applicant in " + name, Evidence: []string{fmt.Sprintf("%.1f families in the branch", a.N)}})
					break
				}
			}
		}
		if br.RegionRTA != nil && *br.RegionRTA >= 1.2 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "cultivate", Target: name,
				Why: "a branch where the region is specialised: build on it", Evidence: []string{fmt.Sprintf("region RTA %.2f", *br.RegionRTA)}})
		}
	}
	for _, a := range m.Applicants.Newcomers {
		if a.Country == b.cfg.Region.Country && len(m.Recommendations) < 40 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "cultivate", Target: a.Name,
				Why: "a domestic newcomer", Evidence: []string{fmt.Sprintf("first filing %d, %.1f families", a.FirstYear, a.Families)}})
			break
		}
	}
	for _, inv := range m.Inventors.Top {
		if len(inv.Applicants) > 0 && inv.HIndex >= 3 {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "recruit", Target: inv.Name,
				Why: "a prolific, well-cited inventor", Evidence: []string{fmt.Sprintf("%d families, h-index %d, with %s", inv.Families, inv.HIndex, strings.Join(inv.Applicants[:min(2, len(inv.Applicants))], ", "))}})
			break
		}
	}
	for _, cp := range m.Quality.Core {
		if cp.Status == "alive" {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "license", Target: cp.PubNumber,
				Why: "an alive core patent to license or acquire", Evidence: []string{fmt.Sprintf("quality %.2f, family size %d, %s", cp.Score, cp.FamilySize, cp.Applicant)}})
			break
		}
	}
	for _, k := range m.Applicants.Top {
		if k.Kind == "university" || k.Kind == "institute" {
			m.Recommendations = append(m.Recommendations, Recommendation{Kind: "collaborate", Target: k.Name,
				Why: "a leading academic applicant for industry–university collaboration", Evidence: []string{fmt.Sprintf("%.1f families", k.Families)}})
			break
		}
	}
}

func (b *macroBuilder) limitations() {
	m := b.m
	m.Limitations = []string{
		fmt.Sprintf("coverage: only the exports ingested into the lake (%d publications in scope); no full-office coverage is implied", m.Scope.Publications),
		"language: keyword scope matches titles and abstracts as written; machine-translated titles can miss or add matches",
		"classification lag: recent documents may lack CPC codes or carry provisional IPC codes",
		"family model: families come from the sources' family ids or shared priority sets; families split across sources may be counted twice",
		fmt.Sprintf("publication lag: priority years after %d are incomplete and are excluded from growth rates and fits", b.s.LastComplete()),
	}
	for _, u := range m.Unavailable {
		m.Limitations = append(m.Limitations, "unavailable: "+u.Analysis+": "+u.Reason)
	}
}

// helpers

func counts(r *analysisResult, keyCol, nDigits int) []Count {
	out := make([]Count, 0, len(r.rows))
	for _, row := range r.rows {
		out = append(out, Count{Key: analysis.Str(row[keyCol]), N: round(analysis.Num(row[keyCol+1]), nDigits)})
	}
	return out
}

func shareOf(cs []Count) {
	t := 0.0
	for _, c := range cs {
		t += c.N
	}
	if t == 0 {
		return
	}
	for i := range cs {
		cs[i].Share = round(cs[i].N/t, 4)
	}
}

func sumCounts(s []YearPoint) float64 {
	t := 0.0
	for _, p := range s {
		t += p.N
	}
	return t
}

func rankBy(all []Applicant, n int, key func(Applicant) float64) []Count {
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := key(all[idx[i]]), key(all[idx[j]])
		if a != b {
			return a > b
		}
		return all[idx[i]].Name < all[idx[j]].Name
	})
	var out []Count
	for _, i := range idx {
		if len(out) == n || key(all[i]) == 0 {
			break
		}
		out = append(out, Count{Key: all[i].Name, N: key(all[i])})
	}
	return out
}

func topKeys(m map[string]float64, n int) []string {
	keys := sortedKeys(m)
	sort.SliceStable(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] })
	if len(keys) > n {
		keys = keys[:n]
	}
	return keys
}

func sortedKeys(m map[string]float64) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func uniq(s []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, x := range s {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

func round(v float64, digits int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}
