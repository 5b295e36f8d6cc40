package enterprise

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// unavailable lists an analysis the data cannot support: a reason code with its numbers, worded
// by the reports' catalogue; section is the enterprise report's section key.
func (t *target) unavailable(analysisName, section, code string, n int, detail string) {
	t.e.Unavailable = append(t.e.Unavailable, landscape.Unavailable{Analysis: analysisName, Section: section, Code: code, N: n, Detail: detail})
}

// assemble fills one enterprise's model from the shared query results.
func (b *builder) assemble(t *target) {
	e, self := t.e, t.self
	e.Meta = b.macro.Meta
	e.Meta.Generated = b.s.Clock().UTC().Format(time.RFC3339)
	e.Meta.Unit = "family"
	e.Timings = b.timings
	e.Unavailable = append(append([]landscape.Unavailable(nil), b.unav...), e.Unavailable...)
	e.Clusters = append(e.Clusters, b.opt.ClusterLabels...)
	b.match(t)
	for _, c := range t.competitors {
		src := c.source
		if ov, auto := t.overlap[c.key]; auto {
			src = "auto"
			e.Competitors = append(e.Competitors, Competitor{Key: c.key, Name: c.label.In("en"), Label: c.label, Source: src, Keys: c.names, Found: c.sum.present, Overlap: round(ov, 2)})
		} else {
			if t.explicit && c.ent == nil {
				src = "name"
			} else if t.explicit {
				src = "enterprise"
			}
			e.Competitors = append(e.Competitors, Competitor{Key: c.key, Name: c.label.In("en"), Label: c.label, Source: src, Keys: c.names, Found: c.sum.present})
		}
		if !c.sum.present {
			t.unavailable("competitors", "overview", landscape.CodeCompetitorAbsent, 0, c.label.In("en"))
		}
	}
	if len(t.competitors) == 0 {
		t.unavailable("competitors", "overview", landscape.CodeNoCompetitors, 0, "")
	}
	if !self.sum.present {
		t.unavailable("all", "overview", landscape.CodeNoMatch, 0, "")
	}
	b.portfolio(t)
	// Branch profile (tree order) and markets.
	for _, br := range b.flat {
		if p := t.positions[dimKey{"branch", br.ID}]; p != nil {
			e.Branches = append(e.Branches, *p)
		}
	}
	e.BranchBasis = b.basis("family", int(round(self.sum.fam, 0)), "fractional counting; RTA = (N_eb/Σ_b N_eb)/(N_b/Σ_b N_b) over the branches of one level; control power = share of the branch's core patents held (core = top "+pct(b.cfg.Analysis.CoreShare)+" of the industry by quality)", "ent_dims")
	b.markets(t)
	b.qualityProfile(t)
	b.partnersOf(t)
	b.inventorsOf(t)
	b.expiryOf(t)
	b.benchmark(t)
	b.citationFlows(t)
	b.watchList(t)
	b.recommend(t)
	b.limitations(t)
	emptyLists(e)
}

func pct(share float64) string { return fmt.Sprintf("%.0f%%", 100*share) }

// match reports, per configured name, the key it normalised to, whether the lake has it, and the
// raw spellings behind it.
func (b *builder) match(t *target) {
	e := t.self.ent
	m := &t.e.Match
	m.Keys = t.self.names
	add := func(names []string, source string) {
		for _, n := range names {
			k := b.thes.Key(n)
			nm := NameMatch{Configured: n, Source: source, Key: k}
			m.Names = append(m.Names, nm)
		}
	}
	add(e.Names, "name")
	add(e.Subsidiaries, "subsidiary")
	fam := b.keyFams
	raw := b.rawNames[t.self.key]
	for i := range m.Names {
		nm := &m.Names[i]
		nm.Families = fam[nm.Key]
		nm.Found = nm.Families > 0
		nm.Raw = raw[nm.Key]
		if !nm.Found {
			t.unavailable("match", "overview", landscape.CodeNameUnmatched, 0, nm.Configured)
		}
	}
	m.Families = b.entityFams[t.self.key]
	m.Basis = landscape.Basis{Unit: "family", N: m.Families, Note: "names normalised with applicant.Normalize and the thesaurus, matched against the lake's applicant keys (all years in scope); raw spellings counted in publications", Query: "raw_names"}
}

func (b *builder) series(vals map[int]float64) ([]landscape.YearPoint, []indicators.YearCount) {
	var s []landscape.YearPoint
	var yc []indicators.YearCount
	for y := b.s.From; y <= b.s.To; y++ {
		s = append(s, landscape.YearPoint{Year: y, N: round(vals[y], 2), Incomplete: b.s.Incomplete(y)})
		yc = append(yc, indicators.YearCount{Year: y, Count: vals[y]})
	}
	return s, yc
}

// cagr is the CAGR of an entity's fractional families over the last WindowYears complete years.
func (b *builder) cagr(e *entity) indicators.Growth {
	_, yc := b.series(e.years)
	return indicators.CompleteCAGR(yc, b.s.LastComplete(), b.win.Years)
}

func (b *builder) portfolio(t *target) {
	self := t.self
	s := self.sum
	p := &t.e.Portfolio
	p.Families, p.Whole = round(s.fam, 2), s.whole
	if b.indWithApp > 0 {
		p.Share = round(s.fam/float64(b.indWithApp), 4)
	}
	p.Recent, p.Previous = round(s.recent, 2), round(s.previous, 2)
	if s.present {
		p.Momentum = ptr(momentum(s.recent, s.previous), 3)
		own := map[string]bool{}
		for _, n := range self.names {
			own[n] = true
		}
		p.Rank = 1
		for name, n := range b.appTotals {
			if !own[name] && n > s.fam {
				p.Rank++
			}
		}
	}
	p.FirstYear, p.LastYear = s.firstYear, s.lastYear
	series, _ := b.series(self.years)
	p.Trend = landscape.Trend{Series: series, Basis: b.basis("family", int(round(s.fam, 0)), "fractional counting; CAGR over the last complete years of the window", "ent_years")}
	g := b.cagr(self)
	switch {
	case g.OK && landscape.MinGrowthEndYear.Met(int(min(g.Start, g.End))):
		p.Trend.CAGR, p.Trend.CAGRFrom, p.Trend.CAGRTo = ptr(g.CAGR, 4), g.StartYear, g.EndYear
	case s.present:
		// Below the minimum (a growth rate from 1 to 0 families is not a figure): the smaller
		// end year's families, 0 when no window had two complete years with filings.
		n := 0
		if g.OK {
			n = int(min(g.Start, g.End))
		}
		u := landscape.MinGrowthEndYear.Below(n)
		u.Analysis, u.Section = "portfolio.cagr", "portfolio"
		t.e.Unavailable = append(t.e.Unavailable, u)
	}
	if s.present {
		p.DocTypes = nonZero([]landscape.Count{{Key: "invention", N: float64(s.inv)}, {Key: "utility_model", N: float64(s.um)}, {Key: "other", N: float64(s.other)}}, s.whole)
		p.Status = nonZero([]landscape.Count{{Key: "alive", N: float64(s.alive)}, {Key: "pending", N: float64(s.pending)}, {Key: "lapsed", N: float64(s.lapsed)}, {Key: "unknown", N: float64(s.unknown)}}, s.whole)
		if s.unknown == s.whole {
			t.unavailable("portfolio.status", "portfolio", landscape.CodeNoLegalStatus, 0, "")
		}
	}
	p.Granted = s.granted
	p.Basis = b.basis("family", s.whole, fmt.Sprintf("families: fractional (1/k per family with k applicants); document types, status and grants: whole families it (co-)owns; share of the %d industry families with applicants; momentum = (recent + 1)/(previous + 1) over %d–%d vs %d–%d",
		b.indWithApp, b.win.RecentFrom, b.win.RecentTo, b.win.PreviousFrom, b.win.PreviousTo), "ent_summary")
}

func nonZero(cs []landscape.Count, total int) []landscape.Count {
	var out []landscape.Count
	for _, c := range cs {
		if c.N > 0 {
			if total > 0 {
				c.Share = round(c.N/float64(total), 4)
			}
			out = append(out, c)
		}
	}
	return out
}

func (b *builder) markets(t *target) {
	self := t.self
	m := &t.e.Markets
	for _, o := range self.offices {
		os := OfficeShare{Office: o.Key, Families: int(o.N)}
		if self.sum.whole > 0 {
			os.Share = round(o.N/float64(self.sum.whole), 4)
		}
		if b.indFams > 0 {
			os.IndustryShare = round(b.indOfficeN[o.Key]/float64(b.indFams), 4)
		}
		m.Offices = append(m.Offices, os)
	}
	m.Offices = head(m.Offices, 15)
	m.MeanOffices, m.IndustryMeanOffices = round(self.sum.offices, 2), round(b.indOffices, 2)
	m.Basis = b.basis("family", self.sum.whole, "a family counts at every office where it has an in-scope publication; industry share = the industry's families at the office / all its families", "ent_offices")
}

func (b *builder) qualityProfile(t *target) {
	self := t.self
	q := &t.e.Quality
	q.Indicators = b.qualIndicators
	q.Scored = self.sum.scored
	q.Mean = self.sum.qmean
	q.IndustryMean = b.indQMean
	if q.Scored > 0 {
		for _, n := range self.deciles {
			q.Deciles = append(q.Deciles, round(float64(n)/float64(q.Scored), 4))
		}
		q.TopDecileShare = ptr(float64(self.sum.topDecile)/float64(q.Scored), 4)
	} else if self.sum.present {
		t.unavailable("quality", "quality", landscape.CodeNoQualityScores, 0, "")
	}
	q.Core = self.sum.coreWhole
	q.IndustryCore, q.CoreTop = b.coreTotal, b.cfg.Analysis.CoreShare
	if b.coreTotal > 0 {
		q.CoreShare = ptr(self.sum.coreFrac/float64(b.coreTotal), 4)
	}
	for _, id := range t.top {
		q.Top = append(q.Top, b.ref(id))
	}
	t.e.Unavailable = append(t.e.Unavailable, b.qualMissing...)
	q.Basis = b.basis("family", q.Scored, fmt.Sprintf("OECD-style quality index 4 as in the macro navigation (indicators min–max normalised within priority-year × main-subclass cohorts, top/bottom 1%% capped), computed once for all %d scored families; deciles of the industry (10 = best); core = top %s of all %d families (%d core patents)",
		b.indScored, pct(b.cfg.Analysis.CoreShare), b.indFams, b.coreTotal), "quality_base")
}

func (b *builder) partnersOf(t *target) {
	p := &t.e.Partners
	for _, x := range t.partners {
		x.Display = b.display[x.Name]
		if x.Kind == "university" || x.Kind == "institute" {
			if len(p.Academic) < 10 {
				p.Academic = append(p.Academic, x)
			}
		}
		if len(p.CoApplicants) < 15 {
			p.CoApplicants = append(p.CoApplicants, x)
		}
	}
	p.Basis = b.basis("family", t.self.sum.whole, "co-applicants: other applicants on its families (names that are not its own), shared families", "ent_partners")
}

func (b *builder) inventorsOf(t *target) {
	self := t.self
	d := &t.e.Inventors
	d.Inventors, d.WithInventors, d.Top, d.TopK = self.invCount, self.invWith, self.invTop, TopInventors
	if self.invWith > 0 {
		d.TopShare = ptr(float64(self.invByTop)/float64(self.invWith), 4)
		switch s := *d.TopShare; {
		case s > DependencyHigh:
			d.Level = "high"
		case s >= DependencyModerate:
			d.Level = "moderate"
		default:
			d.Level = "low"
		}
	} else if self.sum.present {
		t.unavailable("inventors", "people", landscape.CodeNoInventors, 0, "")
	}
	d.Basis = b.basis("family", self.invWith, fmt.Sprintf("key-inventor dependency = share of its families (with inventors) naming at least one of its top %d inventors; > %.0f%% high, %.0f–%.0f%% moderate, below low (convention)",
		TopInventors, 100*DependencyHigh, 100*DependencyModerate, 100*DependencyHigh), "ent_inventors")
}

func (b *builder) expiryOf(t *target) {
	x := &t.e.Expiry
	months := b.cfg.Warnings.Thresholds.ExpiringMonths
	x.Months = months
	x.Horizon = b.s.Cutoff.AddDate(0, months, 0).Format("2006-01-02")
	x.ExpiringCount, x.LapsedCount = t.expiringN, t.lapsedN
	for _, id := range t.expiring {
		x.Expiring = append(x.Expiring, b.ref(id))
	}
	for _, id := range t.lapsed {
		x.Lapsed = append(x.Lapsed, b.ref(id))
	}
	s := t.self.sum
	if s.present && s.unknown == s.whole {
		t.unavailable("expiry.status", "expiry", landscape.CodeNominalTermOnly, 0, "")
	}
	x.Basis = b.basis("family", s.whole, fmt.Sprintf("expiry: the source's date, else earliest filing + 20 years (invention) or + 10 years (utility model), an estimate that ignores fee lapses and extensions; expiring: alive (or status unknown) and expiring between the cut-off %s and %s; lapsed: status lapsed, or status unknown with the term over; lists ranked by quality",
		b.s.Cutoff.Format("2006-01-02"), x.Horizon), "ent_expiry")
}

func (b *builder) benchRow(e *entity, self bool) BenchRow {
	s := e.sum
	r := BenchRow{Key: e.key, Name: e.label.In("en"), Self: self, Families: round(s.fam, 2), Whole: s.whole, Core: s.coreWhole, Offices: len(e.offices), QualityMean: s.qmean}
	if b.indWithApp > 0 {
		r.Share = round(s.fam/float64(b.indWithApp), 4)
	}
	if g := b.cagr(e); g.OK {
		r.CAGR = ptr(g.CAGR, 4)
	}
	if s.present {
		r.Momentum = ptr(momentum(s.recent, s.previous), 3)
		r.InventionShare = ratio(float64(s.inv), float64(s.whole), 4)
		r.GrantedShare = ratio(float64(s.granted), float64(s.whole), 4)
		if s.unknown < s.whole {
			r.AliveShare = ratio(float64(s.alive), float64(s.whole), 4)
		}
		r.MeanOffices = ptr(s.offices, 2)
	}
	r.TopDecileShare = ratio(float64(s.topDecile), float64(s.scored), 4)
	r.TopInventor = ratio(float64(e.invByTop), float64(e.invWith), 4)
	best, bestN := "", 0.0
	for _, l := range b.leaves {
		if n := e.dims[dimKey{"branch", l.ID}].n; n > bestN {
			best, bestN = l.ID, n
		}
	}
	r.TopBranch = best
	return r
}

func (b *builder) benchmark(t *target) {
	bm := &t.e.Benchmark
	ents := append([]*entity{t.self}, t.competitors...)
	for i, e := range ents {
		bm.Rows = append(bm.Rows, b.benchRow(e, i == 0))
	}
	for _, l := range b.leaves {
		any := false
		for _, e := range ents {
			if e.dims[dimKey{"branch", l.ID}].n > 0 {
				any = true
			}
		}
		if any {
			bm.Branches = append(bm.Branches, l.ID)
		}
	}
	for _, e := range ents {
		row := make([]float64, len(bm.Branches))
		for j, id := range bm.Branches {
			row[j] = round(e.dims[dimKey{"branch", id}].n, 2)
		}
		bm.Matrix = append(bm.Matrix, row)
	}
	bm.Basis = b.basis("family", len(ents), "the same measures for the enterprise and each competitor: fractional families, share, CAGR and momentum; shares of whole families for inventions, grants and alive; quality mean and top-decile share; core patents; top-5-inventor share; leaf-branch matrix in fractional families", "ent_summary")
}

func (b *builder) citationFlows(t *target) {
	c := &t.e.Citations
	c.Available = b.citeAvailable
	c.Basis = b.basis("family", b.citeCount, "distinct (citing family, cited family) pairs between the enterprise and its competitors, both in scope; citations resolved through citations.cited_doc = patents.doc_number; N = pairs among all entities of the run", "ent_citations")
	if !b.citeAvailable {
		t.unavailable("citations", "benchmark", b.citeReason, 0, "")
		return
	}
	ents := append([]*entity{t.self}, t.competitors...)
	for _, from := range ents {
		for _, to := range ents {
			if n := b.flows[[2]string{from.key, to.key}]; n > 0 {
				c.Flows = append(c.Flows, Flow{From: from.key, FromName: from.label.In("en"), To: to.key, ToName: to.label.In("en"), Pairs: n})
			}
		}
	}
	sort.SliceStable(c.Flows, func(i, j int) bool {
		if c.Flows[i].Pairs != c.Flows[j].Pairs {
			return c.Flows[i].Pairs > c.Flows[j].Pairs
		}
		if c.Flows[i].From != c.Flows[j].From {
			return c.Flows[i].From < c.Flows[j].From
		}
		return c.Flows[i].To < c.Flows[j].To
	})
}

func (b *builder) watchList(t *target) {
	w := &t.e.Watch
	w.CoreBranches = t.core
	w.Threshold = b.threshold
	w.Percentile = b.cfg.Warnings.Thresholds.BlockingQualityPercent
	w.Candidates = t.watchN
	comp := map[string]*entity{}
	for _, c := range t.competitors {
		for _, n := range c.names {
			if _, ok := comp[n]; !ok {
				comp[n] = c
			}
		}
	}
	own := t.self.sum.whole
	for i, id := range t.watchIDs {
		it := WatchItem{Rank: i + 1, PatentRef: b.ref(id), Overlap: t.watchOver[id]}
		if d := b.details[id]; d != nil {
			for _, h := range d.Holders {
				if c := comp[h]; c != nil {
					it.Competitor, it.CompetitorKey = c.label.In("en"), c.key
					break
				}
			}
		}
		var brs []string
		for _, o := range it.Overlap {
			share := 0.0
			if p := t.positions[dimKey{"branch", o}]; p != nil {
				share = p.OwnShare
			}
			brs = append(brs, fmt.Sprintf("%s (%s of its families)", b.branch[o].Name.In("en"), pct(share)))
		}
		why := []string{statusWhy(it.Status)}
		if it.Score != nil {
			why = append(why, fmt.Sprintf("quality %.3f ≥ threshold %.3f (industry decile %d)", *it.Score, *b.threshold, it.Decile))
		}
		why = append(why, "in its core branches "+strings.Join(brs, ", "))
		if it.Competitor != "" {
			why = append(why, "held by competitor "+it.Competitor)
		} else if len(it.Holders) > 0 {
			why = append(why, "held by "+strings.Join(it.Holders, ", "))
		}
		it.Why = strings.Join(why, "; ")
		w.Items = append(w.Items, it)
	}
	switch {
	case b.threshold == nil:
		t.unavailable("watch_list", "watch", landscape.CodeNoQualityScores, 0, "")
	case len(t.core) == 0 && t.self.sum.present:
		t.unavailable("watch_list", "watch", landscape.CodeNoCoreBranch, 0, "")
	}
	w.Basis = b.basis("family", own, fmt.Sprintf("candidates: families in its core branches (its largest leaf branches covering %.0f%% of its leaf-branch assignments, at most %d) held by others, quality ≥ the industry's %.0fth percentile, and possibly in force (alive, pending, or status unknown with the nominal term not over); ranked alive, pending, unknown, then by quality, core branches overlapped, offices and the source's forward citations",
		100*CoreBranchShare, MaxCoreBranches, 100*w.Percentile), "watch_list")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func statusWhy(s string) string {
	switch s {
	case "alive":
		return "alive"
	case "pending":
		return "pending (may still be granted)"
	}
	return "status unknown: treated as possibly in force"
}

// recommend derives the layout recommendations, each traceable to the numbers of the model.
func (b *builder) recommend(t *target) {
	e := t.e
	var recs []Recommendation
	branchName := func(id string) config.Text { return b.branch[id].Name }
	// Offensive: the best gaps.
	for _, g := range head(e.Layout.Gaps, 3) {
		recs = append(recs, Recommendation{Kind: "offensive", Branch: g.ID, Name: g.Name, Target: g.Name.In("en"),
			Why:      fmt.Sprintf("a growing branch (momentum %.2f) where competitors hold %s of the recent families and the enterprise is weak (distance %.2f): file to enter it", g.Growth, pct(g.CompetitorStrength), g.Distance),
			Evidence: append([]Evidence{ev("gap_score", g.Score, "index")}, g.Evidence...)})
	}
	// Defensive: core branches where the enterprise loses ground or a competitor outfiles it.
	watchIn := map[string]int{}
	for _, it := range e.Watch.Items {
		for _, o := range it.Overlap {
			watchIn[o]++
		}
	}
	for _, id := range t.core {
		p := t.positions[dimKey{"branch", id}]
		it := b.indDims[dimKey{"branch", id}]
		recentShare, prevShare := 0.0, 0.0
		if it.recent > 0 {
			recentShare = p.Recent / it.recent
		}
		if it.previous > 0 {
			prevShare = p.Previous / it.previous
		}
		var lead *entity
		leadN := 0.0
		for _, c := range t.competitors {
			if r := c.dims[dimKey{"branch", id}].recent; r > leadN {
				lead, leadN = c, r
			}
		}
		losing := it.previous > 0 && recentShare < prevShare
		outfiled := lead != nil && leadN > p.Recent
		if !losing && !outfiled {
			continue
		}
		evs := []Evidence{ev("families", p.Families, "families"), ev("recent", p.Recent, "families"), ev("recent_share", recentShare, "share"), ev("previous_share", prevShare, "share")}
		if lead != nil {
			evs = append(evs, Evidence{Key: "lead_competitor", Text: lead.label.In("en"), Value: ptr(leadN, 2), Unit: "families"})
		}
		evs = append(evs, ev("watch_items", float64(watchIn[id]), "count"))
		why := "a core branch of the enterprise"
		if losing {
			why += fmt.Sprintf(" where its share of recent families fell from %s to %s", pct(prevShare), pct(recentShare))
		}
		if outfiled {
			if losing {
				why += " and"
			}
			why += fmt.Sprintf(" where %s filed more recently (%.1f vs %.1f families)", lead.label.In("en"), leadN, p.Recent)
		}
		why += ": reinforce the portfolio (improvements, continuations, more offices) and monitor the watch list"
		recs = append(recs, Recommendation{Kind: "defensive", Branch: id, Name: branchName(id), Target: branchName(id).In("en"), Why: why, Evidence: evs})
	}
	// Reserve: growing, uncontested branches.
	for _, g := range head(e.Layout.Reserve, 3) {
		recs = append(recs, Recommendation{Kind: "reserve", Branch: g.ID, Name: g.Name, Target: g.Name.In("en"),
			Why:      fmt.Sprintf("a fast-growing branch (momentum %.2f) that competitors have not occupied (%s of recent families): file early to build a reserve", g.Growth, pct(g.CompetitorStrength)),
			Evidence: g.Evidence})
	}
	// Partners: universities and institutes strong in the offensive gaps.
	partnerOf := map[string]bool{}
	for _, p := range e.Partners.Academic {
		partnerOf[p.Name] = true
	}
	for _, g := range head(e.Layout.Gaps, 3) {
		for _, a := range head(t.academics[g.ID], 1) {
			a.Display = b.display[a.Name]
			why := fmt.Sprintf("a leading %s in the gap branch %s", a.Kind, g.Name.In("en"))
			if partnerOf[a.Name] {
				why += "; already a co-applicant: deepen the collaboration"
			} else {
				why += ": a partner for joint development or technology transfer"
			}
			recs = append(recs, Recommendation{Kind: "partner", Branch: g.ID, Name: g.Name, Target: a.Display, Why: why,
				Evidence: []Evidence{ev("academic_families", float64(a.Families), "families"), ev("gap_score", g.Score, "index"),
					evText("kind", a.Kind), evText("co_applicant", yesNo(partnerOf[a.Name]))}})
		}
	}
	// Licensing: holders of the most watch-list families.
	type holder struct {
		name       string
		n          int
		best       float64
		competitor bool
	}
	hs := map[string]*holder{}
	for _, it := range e.Watch.Items {
		if len(it.Holders) == 0 {
			continue
		}
		h := it.Holders[0]
		if hs[h] == nil {
			hs[h] = &holder{name: h}
		}
		hs[h].n++
		if it.Score != nil && *it.Score > hs[h].best {
			hs[h].best = *it.Score
		}
		hs[h].competitor = hs[h].competitor || it.Competitor != ""
	}
	var hl []*holder
	for _, k := range sortedKeys(hs) {
		hl = append(hl, hs[k])
	}
	sort.SliceStable(hl, func(i, j int) bool {
		if hl[i].n != hl[j].n {
			return hl[i].n > hl[j].n
		}
		return hl[i].best > hl[j].best
	})
	for _, h := range head(hl, 2) {
		why := fmt.Sprintf("holds %d of the watch-list families in the enterprise's core branches", h.n)
		if h.competitor {
			why += "; a competitor: consider cross-licensing"
		} else {
			why += ": consider a licence or acquisition"
		}
		recs = append(recs, Recommendation{Kind: "license", Target: h.name, Why: why,
			Evidence: []Evidence{ev("watch_items", float64(h.n), "count"), ev("score", h.best, "index"), evText("competitor", yesNo(h.competitor))}})
	}
	e.Recommendations = recs
}

func (b *builder) limitations(t *target) {
	e := t.e
	e.Limitations = []string{
		"matching: an enterprise is the applicant keys its configured names normalise to (after the thesaurus); spellings that normalise elsewhere are missed (see the match table)",
		"counting: families, fractional (1/k per family with k applicants); group companies count only when listed as subsidiaries",
		fmt.Sprintf("growth: momentum compares the complete years %d–%d with %d–%d; priority years after %d are incomplete", b.win.RecentFrom, b.win.RecentTo, b.win.PreviousFrom, b.win.PreviousTo, b.s.LastComplete()),
		"quality: the composite index depends on the indicators the sources carry (forward citations, family size, claims) and is normalised within small cohorts",
		"freedom to operate: the watch list is a screening by classification and quality, not a legal opinion; claims must be read",
		"expiry: estimated from the nominal term when the source gives no date; fee lapses, extensions and SPCs are not modelled",
	}
	for _, u := range e.Unavailable {
		e.Limitations = append(e.Limitations, "unavailable: "+u.Analysis+": "+u.Reason)
	}
}

// matchData loads what the match tables report: families per normalised key, the raw spellings
// behind each key, and the families of each selected enterprise (all years in scope).
func (b *builder) matchData() error {
	var keys []string
	for _, t := range b.targets {
		keys = append(keys, t.self.names...)
		for _, n := range append(append([]string(nil), t.self.ent.Names...), t.self.ent.Subsidiaries...) {
			if k := b.thes.Key(n); k != "" {
				keys = append(keys, k)
			}
		}
	}
	b.keyFams = map[string]int{}
	b.rawNames = map[string]map[string][]landscape.Count{}
	b.entityFams = map[string]int{}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	keyFams, err := analysis.KeyFamilies.All(b.ctx, b.s, keys)
	if err != nil {
		return err
	}
	for _, r := range keyFams {
		b.keyFams[r.Name] = r.N
	}
	sel := map[string]bool{}
	var selKeys []string
	for _, t := range b.targets {
		sel[t.self.key] = true
		selKeys = append(selKeys, t.self.key)
	}
	rawNames, err := analysis.RawNames.All(b.ctx, b.s, selKeys)
	if err != nil {
		return err
	}
	for _, r := range rawNames {
		ek := r.Entity
		if !sel[ek] {
			continue
		}
		if b.rawNames[ek] == nil {
			b.rawNames[ek] = map[string][]landscape.Count{}
		}
		b.rawNames[ek][r.Name] = append(b.rawNames[ek][r.Name], landscape.Count{Key: r.NameRaw, N: r.Publications})
	}
	entityFams, err := analysis.EntityFamilies.All(b.ctx, b.s, selKeys)
	if err != nil {
		return err
	}
	for _, r := range entityFams {
		b.entityFams[r.Entity] = r.N
	}
	return nil
}

// emptyLists turns nil lists into empty ones, so that the JSON has [] rather than null for a list
// that is simply empty (null stays for numbers that are unavailable).
func emptyLists(e *Enterprise) {
	if e.Competitors == nil {
		e.Competitors = []Competitor{}
	}
	if e.Unavailable == nil {
		e.Unavailable = []landscape.Unavailable{}
	}
	if e.Recommendations == nil {
		e.Recommendations = []Recommendation{}
	}
	if e.Branches == nil {
		e.Branches = []BranchPosition{}
	}
	L := &e.Layout
	for _, p := range []*[]Gap{&L.Gaps, &L.Reserve} {
		if *p == nil {
			*p = []Gap{}
		}
	}
	if L.Strengths == nil {
		L.Strengths = []Strength{}
	}
	if e.Watch.Items == nil {
		e.Watch.Items = []WatchItem{}
	}
	if e.Watch.CoreBranches == nil {
		e.Watch.CoreBranches = []string{}
	}
	if e.Citations.Flows == nil {
		e.Citations.Flows = []Flow{}
	}
	for _, p := range []*[]PatentRef{&e.Quality.Top, &e.Expiry.Expiring, &e.Expiry.Lapsed} {
		if *p == nil {
			*p = []PatentRef{}
		}
	}
	for _, p := range []*[]Partner{&e.Partners.CoApplicants, &e.Partners.Academic} {
		if *p == nil {
			*p = []Partner{}
		}
	}
	if e.Inventors.Top == nil {
		e.Inventors.Top = []InventorRow{}
	}
	if e.Markets.Offices == nil {
		e.Markets.Offices = []OfficeShare{}
	}
	if e.Match.Keys == nil {
		e.Match.Keys = []string{}
	}
	for i := range e.Match.Names {
		if e.Match.Names[i].Raw == nil {
			e.Match.Names[i].Raw = []landscape.Count{}
		}
	}
}
