package warning

import (
	"math"
	"sort"

	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/landscape"
)

// localActivity is the domestic applicants' fractional families in the branch's families fs
// from the start of the recent period to the end of the window (filings in incomplete years count
// as activity). A branch where this is positive is one "where local firms file".
func (b *builder) localActivity(fs []*family) float64 {
	t := 0.0
	for _, f := range fs {
		if f.py < b.b.Meta.RecentFrom || f.py > b.s.To {
			continue
		}
		for _, a := range f.apps {
			if b.origin(b.appCC[a.name]) == "domestic" {
				t += a.w
			}
		}
	}
	return t
}

// surges flags foreign applicants surging in branches where domestic applicants file: over the
// recent period R (the last window_years complete years) against the period Q before it,
//
//	growth = n_R / max(n_Q, 1)        share change = n_R/T_R − n_Q/T_Q
//
// with n the applicant's fractional families in the branch and T all applicants' (a previous
// count below 1 is floored at 1, so an applicant from nowhere needs surge_growth families). A
// surge needs growth ≥ surge_growth and share change ≥ surge_share_change; the excess factor is
// the smaller of growth/surge_growth and change/surge_share_change.
func (b *builder) surges() {
	M := b.b.Meta
	th := b.th
	if M.PrevFrom < b.s.From {
		b.unavailable("signals.surge", UnavWindowsEarly, M.PrevFrom, b.s.From)
		return
	}
	for _, br := range b.flat {
		fs := b.scopeFams(br.ID)
		local := b.localActivity(fs)
		if local <= 0 {
			continue
		}
		nR, nQ := map[string]float64{}, map[string]float64{}
		tR, tQ := 0.0, 0.0
		for _, f := range fs {
			inR := f.py >= M.RecentFrom && f.py <= M.RecentTo
			inQ := f.py >= M.PrevFrom && f.py <= M.PrevTo
			for _, a := range f.apps {
				switch {
				case inR:
					nR[a.name] += a.w
					tR += a.w
				case inQ:
					nQ[a.name] += a.w
					tQ += a.w
				}
			}
		}
		for _, name := range sortedKeys(nR) {
			if b.origin(b.appCC[name]) != "foreign" {
				continue
			}
			g := nR[name] / math.Max(nQ[name], 1)
			sR, sQ := nR[name]/tR, 0.0
			if tQ > 0 {
				sQ = nQ[name] / tQ
			}
			d := sR - sQ
			if g < th.SurgeGrowth || d < th.SurgeShareChange {
				continue
			}
			e := math.Min(g/th.SurgeGrowth, d/th.SurgeShareChange)
			level := levelByFactor(e)
			var own []*family
			years := map[int]float64{}
			for _, f := range fs {
				for _, a := range f.apps {
					if a.name == name {
						years[f.py] += a.w
						if f.py >= M.RecentFrom && f.py <= M.RecentTo {
							own = append(own, f)
						}
					}
				}
			}
			t := th.SurgeGrowth
			s := Signal{Key: subjectKey(KindSurge, "applicant", name, "branch", br.ID), Kind: KindSurge, Branch: br.ID, Applicant: name, Country: b.appCC[name],
				Level: level, Value: ptr(g), Threshold: &t, Direction: AtLeast, Excess: ptr(e),
				Rule: RuleSurge,
				Numbers: []Number{num("families_recent", nR[name], "families"), num("families_prev", nQ[name], "families"),
					num("growth", g, "factor"), num("share_recent", sR, "share"), num("share_prev", sQ, "share"),
					num("share_change", d, "share"), num("domestic_recent", local, "families")},
				Series:     []Series{{Name: "applicant", Points: b.yearPoints(years, M.PrevFrom)}},
				SeriesUnit: "families", Query: "families, applicants, branches"}
			s.Patents, s.PatentsTotal = b.topRefs(own)
			b.add(s)
		}
	}
}

// blocking lists, per branch where domestic applicants file, the blocking candidates: window
// families of foreign origin, alive (or presumed alive) at the run time, whose quality percentile
// is at least blocking_quality_percentile. Level by count: 1–2 watch, 3–9 warning, ≥ 10 severe.
func (b *builder) blocking() {
	p := b.th.BlockingQualityPercent
	anyPct, anyAlive := false, false
	for _, f := range b.fams {
		anyPct = anyPct || f.hasPct
		if a, _ := b.alive(f); a {
			anyAlive = true
		}
	}
	switch {
	case !anyPct:
		b.unavailable("signals.blocking", UnavNoQuality, 0, 0)
		return
	case !anyAlive:
		b.unavailable("signals.blocking", UnavNoneAlive, 0, 0)
		return
	}
	for _, br := range b.flat {
		fs := b.scopeFams(br.ID)
		local := b.localActivity(fs)
		if local <= 0 {
			continue
		}
		var cands []*family
		holders := map[string]bool{}
		for _, f := range fs {
			if !b.inWindow(f) || b.origin(f.country) != "foreign" || !f.hasPct || f.pct < p {
				continue
			}
			if a, _ := b.alive(f); !a {
				continue
			}
			cands = append(cands, f)
			if len(f.apps) > 0 {
				holders[f.apps[0].name] = true
			}
		}
		n := len(cands)
		if n == 0 {
			continue
		}
		level := blockingLevel(n)
		v := float64(n)
		s := Signal{Key: subjectKey(KindBlocking, "branch", br.ID), Kind: KindBlocking, Branch: br.ID, Level: level, Value: &v, Direction: ByCount,
			Rule: RuleBlocking,
			Numbers: []Number{num("candidates", v, "families"), num("holders", float64(len(holders)), "count"),
				num("quality_percentile", p, "percentile"), num("domestic_recent", local, "families")},
			Query: "families, applicants, branches, quality_base"}
		s.Patents, s.PatentsTotal = b.topRefs(cands)
		b.add(s)
	}
}

// blockingLevel is the level of a branch with n ≥ 1 blocking candidates.
func blockingLevel(n int) string {
	switch {
	case n >= BlockingSevere:
		return LevelSevere
	case n >= BlockingWarning:
		return LevelWarning
	}
	return LevelWatch
}

// entrantLevel is the level of a new entrant of origin org holding share of the industry's
// families since the entry years.
func entrantLevel(org string, share float64) string {
	if org != "foreign" {
		return LevelInfo
	}
	if share >= EntrantWarningShare {
		return LevelWarning
	}
	return LevelWatch
}

// hhiOf is the HHI (0–10,000) of the applicants' fractional families among fs; ok false when empty.
func hhiOf(fs []*family) (float64, bool) {
	sum := map[string]float64{}
	for _, f := range fs {
		for _, a := range f.apps {
			sum[a.name] += a.w
		}
	}
	var counts []float64
	for _, k := range sortedKeys(sum) {
		counts = append(counts, sum[k])
	}
	shares, ok := indicators.Shares(counts)
	if !ok {
		return math.NaN(), false
	}
	return indicators.HHI(shares)
}

// concentration flags a year-on-year HHI rise of at least concentration_rise between the last two
// complete years, for the industry and every branch, when both years have at least
// MinConcentrationFamilies families. Excess factor = rise / concentration_rise.
func (b *builder) concentration() {
	L := b.lc
	if L-1 < b.s.From {
		b.unavailable("signals.concentration_rise", UnavOneCompleteYear, L, 0)
		return
	}
	scopes := []string{""}
	for _, br := range b.flat {
		scopes = append(scopes, br.ID)
	}
	for _, sc := range scopes {
		byYear := map[int][]*family{}
		for _, f := range b.scopeFams(sc) {
			if b.inWindow(f) {
				byYear[f.py] = append(byYear[f.py], f)
			}
		}
		if len(byYear[L]) < MinConcentrationFamilies || len(byYear[L-1]) < MinConcentrationFamilies {
			continue
		}
		h0, _ := hhiOf(byYear[L-1])
		h1, _ := hhiOf(byYear[L])
		rise := h1 - h0
		t := b.th.ConcentrationRise
		level, e := levelFor(round(rise, 2), t, AtLeast, false)
		if level == "" {
			continue
		}
		series := map[int]float64{}
		for y, fs := range byYear {
			if y >= b.b.Meta.PrevFrom {
				if h, ok := hhiOf(fs); ok {
					series[y] = h
				}
			}
		}
		var pts []landscape.YearPoint
		for _, y := range sortedInts(series) {
			pts = append(pts, landscape.YearPoint{Year: y, N: round(series[y], 1), Incomplete: b.s.Incomplete(y)})
		}
		s := Signal{Key: subjectKey(KindConcentrationRise, "branch", sc), Kind: KindConcentrationRise, Branch: sc, Level: level,
			Value: ptr(round(rise, 2)), Threshold: &t, Direction: AtLeast, Excess: e,
			Rule: RuleConcentration,
			Numbers: []Number{num("hhi_prev", h0, "hhi"), num("hhi_last", h1, "hhi"), num("hhi_rise", rise, "points"),
				num("families_year_before", float64(len(byYear[L-1])), "families"), num("families_year_last", float64(len(byYear[L])), "families")},
			Series: []Series{{Name: "hhi", Points: pts}}, SeriesUnit: "hhi", Query: "applicants, families, branches"}
		// The patents behind a concentration rise: the last year's families of its largest applicant.
		s.Patents, s.PatentsTotal = b.topRefs(b.familiesOf(byYear[L], topApplicants(byYear[L], 1), 1))
		b.add(s)
	}
}

// topApplicants returns the k applicants with the most fractional families in fs.
func topApplicants(fs []*family, k int) []string {
	sum := map[string]float64{}
	for _, f := range fs {
		for _, a := range f.apps {
			sum[a.name] += a.w
		}
	}
	names := sortedKeys(sum)
	sort.SliceStable(names, func(i, j int) bool { return sum[names[i]] > sum[names[j]] })
	if len(names) > k {
		names = names[:k]
	}
	return names
}

// entrants flags applicants whose first family in the industry has a priority year in the last
// three complete years or later (since = last complete year − 2) and that hold a significant
// part of the industry's filings since then: at least EntrantMinFamilies families and at least
// EntrantMinShare of the industry's families with a priority year ≥ since (whole counts). Level:
// domestic (or unknown origin) info, foreign watch, foreign with a share ≥ EntrantWarningShare
// warning. The check needs window_years of history before the entry years, else every applicant
// of a short corpus would look new.
func (b *builder) entrants() {
	since := b.lc - 2
	first, whole, frac := map[string]int{}, map[string]int{}, map[string]float64{}
	minPY, recent := 0, 0
	fams := map[string][]*family{}
	for _, f := range b.fams {
		if f.py == 0 {
			continue
		}
		if minPY == 0 || f.py < minPY {
			minPY = f.py
		}
		if f.py >= since {
			recent++
		}
		for _, a := range f.apps {
			if first[a.name] == 0 || f.py < first[a.name] {
				first[a.name] = f.py
			}
			whole[a.name]++
			frac[a.name] += a.w
			fams[a.name] = append(fams[a.name], f)
		}
	}
	if minPY == 0 || minPY > since-b.th.WindowYears {
		b.unavailable("signals.entrant", UnavShortHistory, minPY, since-b.th.WindowYears)
		return
	}
	need := math.Max(EntrantMinFamilies, math.Ceil(EntrantMinShare*float64(recent)))
	for _, name := range sortedKeys(first) {
		if first[name] < since || float64(whole[name]) < need {
			continue
		}
		share := float64(whole[name]) / float64(recent)
		org := b.origin(b.appCC[name])
		level := entrantLevel(org, share)
		v := float64(whole[name])
		t := need
		s := Signal{Key: subjectKey(KindEntrant, "applicant", name), Kind: KindEntrant, Applicant: name, Country: b.appCC[name],
			Level: level, Value: &v, Threshold: &t, Direction: ByRule, Rule: RuleEntrant, Origin: org,
			Numbers: []Number{num("first_year", float64(first[name]), "year"), num("since", float64(since), "year"), num("families_whole", v, "families"),
				num("families", frac[name], "families"), num("share_since", share, "share"), num("industry_since", float64(recent), "families")},
			Query: "applicants, families"}
		s.Patents, s.PatentsTotal = b.topRefs(fams[name])
		b.add(s)
	}
}

// expiring flags core patents (quality percentile ≥ 1 − core_share) alive or presumed alive whose
// expiry falls after the run time and within expiring_months: freedom windows (info).
func (b *builder) expiring() {
	core := 1 - b.cfg.Analysis.CoreShare
	until := b.now.AddDate(0, b.th.ExpiringMonths, 0)
	for _, f := range b.fams {
		if !f.hasPct || f.pct < core || f.expiry.IsZero() || !f.expiry.After(b.now) || f.expiry.After(until) {
			continue
		}
		if a, _ := b.alive(f); !a {
			continue
		}
		months := f.expiry.Sub(b.now).Hours() / 24 / 30.4375
		s := Signal{Key: subjectKey(KindExpiring, "family", f.id), Kind: KindExpiring, Family: f.id, Level: LevelInfo, Value: ptr(round(months, 1)),
			Direction: ByRule, Date: f.expiry.Format("2006-01-02"),
			Rule:    RuleCoreEvent,
			Numbers: []Number{num("months_left", months, "months"), num("quality", f.pct, "percentile")},
			Query:   "families, quality_base"}
		if len(f.apps) > 0 {
			s.Applicant = f.apps[0].name
		}
		s.Country = f.country
		s.Patents, s.PatentsTotal = b.topRefs([]*family{f})
		b.add(s)
	}
}

// events turns litigation (every family), and invalidations, transfers and licences of core
// patents (quality percentile ≥ 1 − analysis.core_share) into signals.
func (b *builder) events() {
	if !b.litKnown {
		b.unavailable("signals.litigation", UnavNoLitigation, 0, 0)
	}
	if !b.invKnown {
		b.unavailable("signals.invalidation", UnavNoInvalidation, 0, 0)
	}
	if !b.opsKnown {
		b.unavailable("signals.transfer_licence", UnavNoTransfers, 0, 0)
	}
	p := 1 - b.cfg.Analysis.CoreShare
	for _, f := range b.fams {
		counts := map[string]int{}
		last := map[string]string{}
		for _, e := range f.events {
			counts[e.kind]++
			if e.date > last[e.kind] {
				last[e.kind] = e.date
			}
		}
		core := f.hasPct && f.pct >= p
		org := b.origin(f.country)
		mk := func(kind, level string, n int, rule string, date string) {
			v := float64(n)
			s := Signal{Key: subjectKey(kind, "family", f.id), Kind: kind, Family: f.id, Level: level, Value: &v, Direction: ByRule,
				Rule: rule, Origin: org, Numbers: []Number{num("events", v, "count")}, Date: date, Query: "operations, legal_events, families"}
			if len(f.apps) > 0 {
				s.Applicant = f.apps[0].name
			}
			s.Country = f.country
			if f.hasPct {
				s.Numbers = append(s.Numbers, num("quality", f.pct, "percentile"))
			}
			s.Patents, s.PatentsTotal = b.topRefs([]*family{f})
			b.add(s)
		}
		if n := max(f.litigation, counts[KindLitigation]); n > 0 {
			level := LevelWatch
			if org == "foreign" {
				level = LevelWarning
			}
			mk(KindLitigation, level, n, RuleLitigation, last[KindLitigation])
		}
		if !core {
			continue
		}
		if f.invalidated || counts[KindInvalidation] > 0 {
			mk(KindInvalidation, LevelInfo, max(counts[KindInvalidation], 1), RuleCoreEvent, last[KindInvalidation])
		}
		if n := max(f.transfers, counts[KindTransfer]); n > 0 {
			mk(KindTransfer, LevelInfo, n, RuleCoreEvent, maxStr(f.lastTransfer, last[KindTransfer]))
		}
		if n := max(f.licences, counts[KindLicence]); n > 0 {
			mk(KindLicence, LevelInfo, n, RuleCoreEvent, maxStr(f.lastLicence, last[KindLicence]))
		}
	}
}

func maxStr(a, b string) string {
	if a > b {
		return a
	}
	return b
}

func sortedInts(m map[int]float64) []int {
	out := make([]int, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Ints(out)
	return out
}

// changeSignals makes a signal of every change since the previous run at watch level or above
// (landscape.Changes gives the level: a transfer across the border is a warning; a lapse,
// refusal, invalidation, grant or restoration is watch). A lapse, refusal or invalidation of a
// core patent (quality percentile ≥ 1 − core_share) rises to warning: the zone or a competitor
// lost a patent that mattered. Transfers, pledges and licences within the country stay evidence
// only (info). The key names the publication, the event and the new value, so the same change is
// one signal however often it is shown.
func (b *builder) changeSignals(ch []landscape.PatentChange) {
	p := 1 - b.cfg.Analysis.CoreShare
	for _, c := range ch {
		level := c.Level
		if level != LevelWatch && level != LevelWarning {
			continue
		}
		f := b.byID[c.FamilyID]
		core := f != nil && f.hasPct && f.pct >= p
		rule := RuleChange
		switch c.Event {
		case landscape.EventLapsed, landscape.EventRefused, landscape.EventInvalidated:
			if core {
				level, rule = LevelWarning, RuleCoreChange
			}
		}
		change := c
		s := Signal{Key: subjectKey(KindChange, "pub", c.PubNumber, "event", c.Event, "new", c.New), Kind: KindChange,
			Family: c.FamilyID, Applicant: c.Applicant, Country: c.Country, Level: level, Direction: ByRule, Rule: rule,
			Numbers: []Number{}, Date: c.Observed, Change: &change, Query: "changes"}
		if f != nil {
			if f.hasPct {
				s.Numbers = append(s.Numbers, num("quality", f.pct, "percentile"))
			}
			s.Patents, s.PatentsTotal = b.topRefs([]*family{f})
		}
		b.add(s)
	}
}
