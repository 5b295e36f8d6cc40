package enterprise

import (
	"sort"
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
	e.BranchBasis = b.basis("family", int(round(self.sum.fam, 0)), "ent_dims", note(NoteBasisBranches, num("core_share", ArgShare, b.cfg.Analysis.CoreShare)))
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
	m.Basis = Basis{Unit: "family", N: m.Families, Notes: []Note{note(NoteBasisMatch)}, Query: "raw_names"}
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
	// The trend's basis is the portfolio's (Portfolio.Basis carries the trend's note).
	p.Trend = landscape.Trend{Series: series, Basis: landscape.Basis{Unit: "family", N: int(round(s.fam, 0)), From: b.s.From, To: b.s.To, Query: "ent_years"}}
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
	p.Basis = b.basis("family", s.whole, "ent_summary",
		note(NoteBasisPortfolio, append([]Arg{num("industry", ArgCount, float64(b.indWithApp))}, b.windowArgs()...)...),
		note(NoteBasisTrend, num("years", ArgCount, float64(b.win.Years))))
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
	m.Basis = b.basis("family", self.sum.whole, "ent_offices", note(NoteBasisMarkets))
}

func (b *builder) qualityProfile(t *target) {
	self := t.self
	q := &t.e.Quality
	q.Indicators, q.CitationWindow = b.qualIndicators, b.macro.Quality.CitationWindow
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
	q.Basis = b.basis("family", q.Scored, "quality_base", note(NoteBasisQuality, num("scored", ArgCount, float64(b.indScored)),
		num("core_share", ArgShare, b.cfg.Analysis.CoreShare), num("families", ArgCount, float64(b.indFams)), num("core", ArgCount, float64(b.coreTotal))))
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
	p.Basis = b.basis("family", t.self.sum.whole, "ent_partners", note(NoteBasisPartners))
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
	d.Basis = b.basis("family", self.invWith, "ent_inventors", note(NoteBasisInventors, num("top", ArgCount, TopInventors),
		num("high", ArgShare, DependencyHigh), num("moderate", ArgShare, DependencyModerate)))
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
	x.Basis = b.basis("family", s.whole, "ent_expiry", note(NoteBasisExpiry, text("cutoff", ArgDate, b.s.Cutoff.Format("2006-01-02")), text("horizon", ArgDate, x.Horizon)))
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
	bm.Basis = b.basis("family", len(ents), "ent_summary", note(NoteBasisBenchmark, num("top", ArgCount, TopInventors)))
}

func (b *builder) citationFlows(t *target) {
	c := &t.e.Citations
	c.Available = b.citeAvailable
	c.Basis = b.basis("family", b.citeCount, "ent_citations", note(NoteBasisCitations))
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
		var holder *entity
		if d := b.details[id]; d != nil {
			for _, h := range d.Holders {
				if c := comp[h]; c != nil {
					it.Competitor, it.CompetitorKey, holder = c.label.In("en"), c.key, c
					break
				}
			}
		}
		it.Why = []Note{note(statusWhy(it.Status))}
		if it.Score != nil {
			it.Why = append(it.Why, note(NoteWatchScore, num("score", ArgScore, *it.Score), num("threshold", ArgScore, *b.threshold), num("decile", ArgCount, float64(it.Decile))))
		}
		it.Why = append(it.Why, note(NoteWatchBranches, names("branches", ArgBranches, it.Overlap)))
		if c := holder; c != nil {
			it.Why = append(it.Why, note(NoteWatchCompetitor, entityArg("competitor", c)))
		} else if len(it.Holders) > 0 {
			it.Why = append(it.Why, note(NoteWatchHolders, names("holders", ArgNames, it.Holders)))
		}
		w.Items = append(w.Items, it)
	}
	switch {
	case b.threshold == nil:
		t.unavailable("watch_list", "watch", landscape.CodeNoQualityScores, 0, "")
	case len(t.core) == 0 && t.self.sum.present:
		t.unavailable("watch_list", "watch", landscape.CodeNoCoreBranch, 0, "")
	}
	w.Basis = b.basis("family", own, "watch_list", note(NoteBasisWatch, num("coverage", ArgShare, CoreBranchShare), num("max", ArgCount, MaxCoreBranches), num("percentile", ArgCount, 100*w.Percentile)))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// statusWhy is the watch-list reason code of a status: alive, pending, or unknown (treated as
// possibly in force).
func statusWhy(s string) string {
	switch s {
	case "alive":
		return NoteWatchAlive
	case "pending":
		return NoteWatchPending
	}
	return NoteWatchUnknown
}

// recommend derives the layout recommendations, each traceable to the numbers of the model.
func (b *builder) recommend(t *target) {
	e := t.e
	var recs []Recommendation
	branchName := func(id string) config.Text { return b.branch[id].Name }
	// Offensive: the best gaps.
	for _, g := range head(e.Layout.Gaps, 3) {
		recs = append(recs, Recommendation{Kind: "offensive", Branch: g.ID, Name: g.Name, Target: g.Name.In("en"),
			Why:      note(NoteRecOffensive, num("momentum", ArgRatio, g.Growth), num("competitor_share", ArgShare, g.CompetitorStrength), num("distance", ArgRatio, g.Distance)),
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
			evs = append(evs, Evidence{Key: "lead_competitor", Text: lead.label.In("en"), Entity: lead.key, Value: ptr(leadN, 2), Unit: "families"})
		}
		evs = append(evs, ev("watch_items", float64(watchIn[id]), "count"))
		shares := []Arg{num("previous_share", ArgShare, prevShare), num("recent_share", ArgShare, recentShare)}
		var outfiledArgs []Arg
		if outfiled {
			outfiledArgs = []Arg{entityArg("lead", lead), num("lead_recent", ArgFamilies, leadN), num("recent", ArgFamilies, p.Recent)}
		}
		var why Note
		switch {
		case losing && outfiled:
			why = note(NoteRecDefensiveBoth, append(shares, outfiledArgs...)...)
		case losing:
			why = note(NoteRecDefensiveLosing, shares...)
		default:
			why = note(NoteRecDefensiveOutfiled, outfiledArgs...)
		}
		recs = append(recs, Recommendation{Kind: "defensive", Branch: id, Name: branchName(id), Target: branchName(id).In("en"), Why: why, Evidence: evs})
	}
	// Reserve: growing, uncontested branches.
	for _, g := range head(e.Layout.Reserve, 3) {
		recs = append(recs, Recommendation{Kind: "reserve", Branch: g.ID, Name: g.Name, Target: g.Name.In("en"),
			Why:      note(NoteRecReserve, num("momentum", ArgRatio, g.Growth), num("competitor_share", ArgShare, g.CompetitorStrength)),
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
			code := NoteRecPartnerNew
			if partnerOf[a.Name] {
				code = NoteRecPartnerCo
			}
			why := note(code, text("kind", ArgKind, a.Kind), text("branch", ArgBranch, g.ID))
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
		code := NoteRecLicenseOther
		if h.competitor {
			code = NoteRecLicenseCompetitor
		}
		why := note(code, num("n", ArgCount, float64(h.n)))
		recs = append(recs, Recommendation{Kind: "license", Target: h.name, Why: why,
			Evidence: []Evidence{ev("watch_items", float64(h.n), "count"), ev("score", h.best, "index"), evText("competitor", yesNo(h.competitor))}})
	}
	e.Recommendations = recs
}

func (b *builder) limitations(t *target) {
	e := t.e
	// The analyses the data could not support are listed in Unavailable (with their codes), not
	// repeated here.
	e.Limitations = []Note{
		note(NoteLimitMatch), note(NoteLimitCount),
		note(NoteLimitGrowth, append(b.windowArgs(), year("last", b.s.LastComplete()))...),
		note(NoteLimitQuality), note(NoteLimitFTO), note(NoteLimitExpiry),
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
