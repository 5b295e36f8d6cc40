package enterprise

import (
	"math"
	"sort"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/internal/config"
)

// positions computes an entity's position in every branch (by tree level) and every cluster:
// shares, RTA against the industry, control power and the two windows.
func (b *builder) positions(e *entity) (map[dimKey]*BranchPosition, map[dimKey]float64) {
	out := map[dimKey]*BranchPosition{}
	raw := map[dimKey]float64{} // unrounded RTA, for the gap distance
	total := e.sum.fam
	// Groups of columns that share an RTA denominator: each tree level, and the clusters.
	type group struct {
		dim  string
		keys []string
	}
	var groups []group
	byLevel := map[int][]string{}
	maxLevel := 0
	for _, br := range b.flat {
		byLevel[br.Level] = append(byLevel[br.Level], br.ID)
		maxLevel = max(maxLevel, br.Level)
	}
	for lv := 1; lv <= maxLevel; lv++ {
		if len(byLevel[lv]) > 0 {
			groups = append(groups, group{"branch", byLevel[lv]})
		}
	}
	if len(b.clusters) > 0 {
		groups = append(groups, group{"cluster", b.clusters})
	}
	leaf := map[string]bool{}
	for _, l := range b.leaves {
		leaf[l.ID] = true
	}
	for _, g := range groups {
		row := make([]float64, len(g.keys))
		rest := make([]float64, len(g.keys))
		for j, k := range g.keys {
			d := dimKey{g.dim, k}
			row[j] = e.dims[d].n
			rest[j] = math.Max(0, b.indDims[d].withApp-row[j])
		}
		ai := indicators.RTA([][]float64{row, rest})
		for j, k := range g.keys {
			d := dimKey{g.dim, k}
			v, it := e.dims[d], b.indDims[d]
			p := &BranchPosition{ID: k, Families: round(v.n, 2), Recent: round(v.recent, 2), Previous: round(v.previous, 2),
				Core: it.core, CoreHeld: round(v.core, 2), IndustryFamilies: it.withApp, IndustryRecent: it.recent, IndustryPrevious: it.previous,
				IndustryMomentum: round(momentum(it.recent, it.previous), 3)}
			if g.dim == "branch" {
				br := b.branch[k]
				p.Name, p.Level, p.Parent, p.Leaf = br.Name, br.Level, br.Parent, leaf[k]
				if st, ok := b.macroBr[k]; ok {
					p.IndustryCAGR, p.Hotspot = st.Trend.CAGR, st.Hotspot
				}
			} else {
				p.Name = b.clusterName(k)
				p.Leaf = true
			}
			if total > 0 {
				p.OwnShare = round(v.n/total, 4)
			}
			if it.withApp > 0 {
				p.BranchShare = round(v.n/it.withApp, 4)
			}
			if x := ai.RTA[0][j]; !math.IsNaN(x) && !math.IsInf(x, 0) {
				p.RTA = ptr(x, 3)
				raw[d] = x
			}
			if it.core > 0 {
				p.Control = ptr(v.core/float64(it.core), 4)
			}
			out[d] = p
		}
	}
	return out, raw
}

func (b *builder) clusterName(id string) config.Text {
	if t, ok := b.clusterLab[id]; ok && (t.Zh != "" || t.En != "") {
		return t
	}
	return config.Text{Zh: "聚类 " + id, En: "cluster " + id}
}

func ev(key string, v float64, unit string) Evidence {
	return Evidence{Key: key, Value: ptr(v, 4), Unit: unit}
}

func evText(key, text string) Evidence { return Evidence{Key: key, Text: text} }

// gapFor scores one branch or cluster for the enterprise (see the package doc for the rule):
// Score = Growth × CompetitorStrength × Distance, with Growth the industry momentum,
// CompetitorStrength the competitors' share of the recent families and Distance 1 − min(RTA, 1).
func (b *builder) gapFor(t *target, d dimKey) Gap {
	p := t.positions[d]
	it := b.indDims[d]
	g := Gap{Dimension: d.dim, ID: d.key, Name: p.Name, Families: p.Families, RTA: p.RTA,
		IndustryRecent: it.recent, IndustryPrevious: it.previous}
	g.Growth = momentum(it.recent, it.previous)
	lead, leadN := (*entity)(nil), 0.0
	for _, c := range t.competitors {
		r := c.dims[d].recent
		g.CompetitorRecent += r
		if r > leadN {
			lead, leadN = c, r
		}
	}
	if it.recent > 0 {
		g.CompetitorStrength = math.Min(1, g.CompetitorRecent/it.recent)
	}
	g.Distance = 1
	if x, ok := t.rta[d]; ok {
		g.Distance = 1 - math.Min(x, 1)
	}
	g.Score = round(g.Growth*g.CompetitorStrength*g.Distance, 4)
	g.Growth, g.CompetitorStrength, g.Distance = round(g.Growth, 3), round(g.CompetitorStrength, 4), round(g.Distance, 4)
	g.CompetitorRecent = round(g.CompetitorRecent, 2)
	if lead != nil {
		g.Lead, g.LeadKey, g.LeadFamilies = lead.label.In("en"), lead.key, round(leadN, 2)
	}
	g.Evidence = []Evidence{
		ev("industry_recent", it.recent, "families"), ev("industry_previous", it.previous, "families"),
		ev("industry_momentum", g.Growth, "ratio"), ev("competitor_recent", g.CompetitorRecent, "families"),
		ev("competitor_share", g.CompetitorStrength, "share"), ev("families", p.Families, "families"),
	}
	if p.RTA != nil {
		g.Evidence = append(g.Evidence, ev("rta", *p.RTA, "ratio"))
	} else {
		g.Evidence = append(g.Evidence, evText("rta", "undefined"))
	}
	if lead != nil {
		g.Evidence = append(g.Evidence, Evidence{Key: "lead_competitor", Text: lead.label.In("en"), Entity: lead.key, Value: ptr(leadN, 2), Unit: "families"})
	}
	return g
}

// layout computes every enterprise's branch positions, gaps, strengths, reserve branches and core
// branches, then finds universities and institutes strong in the gap branches (one query).
func (b *builder) layout() error {
	var ge, gb []string
	for _, t := range b.targets {
		t.positions, t.rta = b.positions(t.self)
		t.academics = map[string][]Partner{}
		L := &t.e.Layout
		var gaps, reserve []Gap
		gapSet := map[string]bool{}
		for _, leaf := range b.leaves {
			d := dimKey{"branch", leaf.ID}
			g := b.gapFor(t, d)
			x, defined := t.rta[d]
			weak := !defined || x < GapRTA
			if g.Growth > 1 && g.CompetitorStrength > 0 && weak && g.IndustryRecent > 0 {
				gaps = append(gaps, g)
				gapSet[leaf.ID] = true
			}
		}
		t.core = b.coreBranches(t.self)
		core := map[string]bool{}
		for _, id := range t.core {
			core[id] = true
		}
		for _, leaf := range b.leaves {
			d := dimKey{"branch", leaf.ID}
			if core[leaf.ID] {
				continue
			}
			g := b.gapFor(t, d)
			hot := t.positions[d].Hotspot
			x, defined := t.rta[d]
			notStrong := !defined || x < StrengthRTA
			if !gapSet[leaf.ID] && (g.Growth >= ReserveMomentum || hot) && g.CompetitorStrength < ReserveCompetitorShare && notStrong && g.IndustryRecent > 0 {
				if hot {
					g.Evidence = append(g.Evidence, Evidence{Key: "hotspot", Notes: b.macroBr[leaf.ID].HotspotWhy})
				}
				reserve = append(reserve, g)
			}
		}
		sortGaps(gaps)
		sort.SliceStable(reserve, func(i, j int) bool {
			if reserve[i].Growth != reserve[j].Growth {
				return reserve[i].Growth > reserve[j].Growth
			}
			return reserve[i].ID < reserve[j].ID
		})
		L.Gaps = head(gaps, MaxGaps)
		L.Reserve = head(reserve, MaxGaps)
		for _, g := range L.Gaps {
			t.gaps = append(t.gaps, g.ID)
			ge, gb = append(ge, t.self.key), append(gb, g.ID)
		}
		if len(b.clusters) > 0 {
			var cg []Gap
			for _, c := range b.clusters {
				g := b.gapFor(t, dimKey{"cluster", c})
				x, defined := t.rta[dimKey{"cluster", c}]
				if g.Growth > 1 && g.CompetitorStrength > 0 && (!defined || x < GapRTA) && g.IndustryRecent > 0 {
					cg = append(cg, g)
				}
			}
			sortGaps(cg)
			L.ClusterGaps = head(cg, MaxGaps)
		}
		// Strengths.
		var st []Strength
		for _, leaf := range b.leaves {
			d := dimKey{"branch", leaf.ID}
			p := t.positions[d]
			if x, defined := t.rta[d]; !defined || x < StrengthRTA {
				continue
			}
			s := Strength{ID: leaf.ID, Name: leaf.Name, Families: p.Families, RTA: *p.RTA, BranchShare: p.BranchShare, Control: p.Control}
			s.Evidence = []Evidence{ev("rta", *p.RTA, "ratio"), ev("families", p.Families, "families"), ev("branch_share", p.BranchShare, "share"), ev("own_share", p.OwnShare, "share")}
			if p.Control != nil {
				s.Evidence = append(s.Evidence, ev("control", *p.Control, "share"))
			}
			st = append(st, s)
		}
		sort.SliceStable(st, func(i, j int) bool {
			if st[i].BranchShare != st[j].BranchShare {
				return st[i].BranchShare > st[j].BranchShare
			}
			if st[i].RTA != st[j].RTA {
				return st[i].RTA > st[j].RTA
			}
			return st[i].ID < st[j].ID
		})
		L.Strengths = head(st, MaxGaps)
		L.Rule = note(NoteLayoutRule, append(b.windowArgs(), num("gap_rta", ArgRatio, GapRTA), num("strength_rta", ArgRatio, StrengthRTA),
			num("reserve_momentum", ArgRatio, ReserveMomentum), num("reserve_competitor", ArgShare, ReserveCompetitorShare))...)
		L.Basis = b.basis("family", int(b.indRecent+b.indPrevious), "ent_dims", note(NoteBasisLayout))
	}
	if err := b.exec("create_ent_gap"); err != nil {
		return err
	}
	if len(ge) == 0 {
		return nil
	}
	if err := b.exec("insert_ent_gap", ge, gb); err != nil {
		return err
	}
	rows, err := analysis.GapAcademics.All(b.ctx, b.s, b.s.From, b.s.To, 3)
	if err != nil {
		return err
	}
	for _, r := range rows {
		b.pending = append(b.pending, r.Name)
	}
	byKey := map[string]*target{}
	for _, t := range b.targets {
		byKey[t.self.key] = t
	}
	for _, r := range rows {
		t := byKey[r.Entity]
		if t == nil {
			continue
		}
		t.academics[r.BranchID] = append(t.academics[r.BranchID], Partner{Name: r.Name, Kind: r.Kind, Families: int(math.Round(r.N))})
	}
	return nil
}

func sortGaps(gs []Gap) {
	sort.SliceStable(gs, func(i, j int) bool {
		if gs[i].Score != gs[j].Score {
			return gs[i].Score > gs[j].Score
		}
		return gs[i].ID < gs[j].ID
	})
}

func head[T any](s []T, n int) []T {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// coreBranches are the entity's largest leaf branches (fractional families), taken in order until
// they cover CoreBranchShare of its leaf-branch assignments, at most MaxCoreBranches.
func (b *builder) coreBranches(e *entity) []string {
	type kv struct {
		id string
		n  float64
	}
	var all []kv
	tot := 0.0
	for _, l := range b.leaves {
		if n := e.dims[dimKey{"branch", l.ID}].n; n > 0 {
			all = append(all, kv{l.ID, n})
			tot += n
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].n != all[j].n {
			return all[i].n > all[j].n
		}
		return all[i].id < all[j].id
	})
	var out []string
	cum := 0.0
	for _, x := range all {
		if len(out) == MaxCoreBranches || cum >= CoreBranchShare*tot {
			break
		}
		out = append(out, x.id)
		cum += x.n
	}
	return out
}

// watch builds every enterprise's watch list with one query.
func (b *builder) watch() error {
	var ce, cb []string
	for _, t := range b.targets {
		for _, br := range t.core {
			ce, cb = append(ce, t.self.key), append(cb, br)
		}
		t.watchOver = map[string][]string{}
	}
	if err := b.exec("create_ent_core"); err != nil {
		return err
	}
	if len(ce) == 0 || b.threshold == nil {
		return nil
	}
	if err := b.exec("insert_ent_core", ce, cb); err != nil {
		return err
	}
	cut := b.s.Cutoff.Format("2006-01-02")
	rows, err := analysis.WatchList.All(b.ctx, b.s, *b.threshold, b.s.From, b.s.To, cut, cut, b.opt.WatchLength)
	if err != nil {
		return err
	}
	byKey := map[string]*target{}
	for _, t := range b.targets {
		byKey[t.self.key] = t
	}
	for _, r := range rows {
		t := byKey[r.Entity]
		if t == nil {
			continue
		}
		t.watchIDs = append(t.watchIDs, r.FamilyID)
		t.watchOver[r.FamilyID] = nonNil(r.Overlap)
		t.watchN = r.Count
	}
	return nil
}

// lists loads the per-enterprise lists: best families, expiring and lapsed families, partners.
func (b *builder) lists() error {
	keys := make([]string, 0, len(b.targets))
	byKey := map[string]*target{}
	for _, t := range b.targets {
		keys = append(keys, t.self.key)
		byKey[t.self.key] = t
	}
	top, err := analysis.EntTopPatents.All(b.ctx, b.s, keys, b.opt.ListLength)
	if err != nil {
		return err
	}
	for _, r := range top {
		if t := byKey[r.Entity]; t != nil {
			t.top = append(t.top, r.FamilyID)
		}
	}
	cut := b.s.Cutoff
	months := b.cfg.Warnings.Thresholds.ExpiringMonths
	horizon := cut.AddDate(0, months, 0)
	expiry, err := analysis.EntExpiry.All(b.ctx, b.s, keys, cut.Format("2006-01-02"), cut.Format("2006-01-02"), horizon.Format("2006-01-02"), b.opt.ListLength)
	if err != nil {
		return err
	}
	for _, r := range expiry {
		t := byKey[r.Entity]
		if t == nil {
			continue
		}
		id, n := r.FamilyID, r.Count
		if r.Kind == "expiring" {
			t.expiring, t.expiringN = append(t.expiring, id), n
		} else {
			t.lapsed, t.lapsedN = append(t.lapsed, id), n
		}
	}
	partners, err := analysis.EntPartners.All(b.ctx, b.s, keys, 15, 10)
	if err != nil {
		return err
	}
	for _, r := range partners {
		if t := byKey[r.Entity]; t != nil {
			b.pending = append(b.pending, r.Name)
			t.partners = append(t.partners, Partner{Name: r.Name, Kind: r.Kind, Country: r.Country, Families: r.N})
		}
	}
	return nil
}

// loadDetails fetches every listed family once.
func (b *builder) loadDetails() error {
	var ids []string
	for _, t := range b.targets {
		ids = append(ids, t.top...)
		ids = append(ids, t.expiring...)
		ids = append(ids, t.lapsed...)
		ids = append(ids, t.watchIDs...)
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	rows, err := analysis.FamilyDetails.All(b.ctx, b.s, ids)
	if err != nil {
		return err
	}
	for _, r := range rows {
		b.pending = append(b.pending, r.Holders...)
	}
	for _, r := range rows {
		p := &PatentRef{FamilyID: r.FamilyID, PubNumber: r.RepPub, Title: r.Title, Year: r.Year,
			Status: r.Status, Granted: r.Granted, FamilySize: r.FamilySize, Holders: nonNil(r.Holders),
			Branches: nonNil(r.Branches), Expiry: r.Expiry, ExpiryEstimated: r.Expiry != "" && r.Estimated}
		if r.Score != nil {
			p.Score = ptr(*r.Score, 3)
			p.Decile = r.Decile
		}
		// Forward citations: the source's count; replaced below by the distinct citing families
		// in scope when the lake holds resolvable citations.
		if r.CitedBySrc != nil {
			n := *r.CitedBySrc
			p.ForwardCites = &n
		}
		b.details[p.FamilyID] = p
	}
	if !b.citeAvailable {
		return nil
	}
	fwd, err := analysis.DetailsFwd.All(b.ctx, b.s, ids)
	if err != nil {
		return err
	}
	for _, p := range b.details {
		zero := 0
		p.ForwardCites = &zero
	}
	for _, r := range fwd {
		if p := b.details[r.CitedFamily]; p != nil {
			n := r.N
			p.ForwardCites = &n
		}
	}
	return nil
}

// ref returns a copy of a family's details with holder names for display.
func (b *builder) ref(id string) PatentRef {
	p, ok := b.details[id]
	if !ok {
		return PatentRef{FamilyID: id}
	}
	out := *p
	out.Holders = nil
	for _, h := range p.Holders {
		out.Holders = append(out.Holders, b.display[h])
	}
	return out
}

func (b *builder) basis(unit string, n int, query string, notes ...Note) Basis {
	return Basis{Unit: unit, N: n, From: b.s.From, To: b.s.To, Notes: notes, Query: query}
}

// nonNil returns s, or an empty list for nil (a NULL list of the database reads as empty).
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
