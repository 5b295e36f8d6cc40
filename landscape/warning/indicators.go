package warning

import (
	"math"
	"sort"

	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/landscape"
)

// epcStates are the member states of the European Patent Convention (39): their applicants form
// the "EP" peer of the technology gap, and the EP office is home to them.
var epcStates = map[string]bool{
	"AL": true, "AT": true, "BE": true, "BG": true, "CH": true, "CY": true, "CZ": true, "DE": true, "DK": true,
	"EE": true, "ES": true, "FI": true, "FR": true, "GB": true, "GR": true, "HR": true, "HU": true, "IE": true,
	"IS": true, "IT": true, "LI": true, "LT": true, "LU": true, "LV": true, "MC": true, "ME": true, "MK": true,
	"MT": true, "NL": true, "NO": true, "PL": true, "PT": true, "RO": true, "RS": true, "SE": true, "SI": true,
	"SK": true, "SM": true, "TR": true,
}

// gapPeers are the technology-gap peers (navigation.md §6), in report order.
var gapPeers = []string{"US", "JP", "EP", "KR"}

// barrierOffices are the major foreign markets of the market-barrier indicator.
var barrierOffices = []string{"US", "EP", "JP"}

// homePeer maps a country to its peer group: EPC states to "EP", others to themselves.
func homePeer(country string) string {
	if epcStates[country] {
		return "EP"
	}
	return country
}

// peers returns the gap peers or barrier offices other than the domestic country's own.
func (b *builder) peers(list []string) []string {
	var out []string
	for _, p := range list {
		if p != homePeer(b.dom) {
			out = append(out, p)
		}
	}
	return out
}

// rank returns the domestic and the foreign applicants' fractional family counts over fs, each
// sorted in decreasing order (applicants of unknown country are left out).
func (b *builder) rank(fs []*family) (dom, foreign []float64, domNames, forNames []string) {
	sum := map[string]float64{}
	for _, f := range fs {
		for _, a := range f.apps {
			sum[a.name] += a.w
		}
	}
	names := sortedKeys(sum)
	sort.SliceStable(names, func(i, j int) bool { return sum[names[i]] > sum[names[j]] })
	for _, n := range names {
		switch b.origin(b.appCC[n]) {
		case "domestic":
			dom = append(dom, sum[n])
			domNames = append(domNames, n)
		case "foreign":
			foreign = append(foreign, sum[n])
			forNames = append(forNames, n)
		}
	}
	return dom, foreign, domNames, forNames
}

func topSum(v []float64, k int) float64 {
	t := 0.0
	for i := 0; i < k && i < len(v); i++ {
		t += v[i]
	}
	return t
}

// yearCounts turns a year map into a zero-filled series over the window.
func (b *builder) yearCounts(m map[int]float64) []indicators.YearCount {
	var out []indicators.YearCount
	for y := b.s.From; y <= b.s.To; y++ {
		out = append(out, indicators.YearCount{Year: y, Count: m[y]})
	}
	return out
}

func (b *builder) yearPoints(m map[int]float64, from int) []landscape.YearPoint {
	var out []landscape.YearPoint
	if from < b.s.From {
		from = b.s.From
	}
	for y := from; y <= b.s.To; y++ {
		out = append(out, landscape.YearPoint{Year: y, N: round(m[y], 2), Incomplete: b.s.Incomplete(y)})
	}
	return out
}

// indicatorTable computes the §6 indicators for the industry and every branch, and turns those
// past or near their thresholds into signals.
func (b *builder) indicatorTable() {
	scopes := []string{""}
	for _, br := range b.flat {
		scopes = append(scopes, br.ID)
	}
	for _, sc := range scopes {
		for _, ind := range b.indicatorsFor(sc, b.scopeFams(sc)) {
			b.b.Indicators = append(b.b.Indicators, ind.Indicator)
			if ind.Level != "" {
				b.indicatorSignal(ind)
			}
		}
	}
	for _, ind := range b.b.Indicators {
		if ind.Branch == "" && ind.Value == nil {
			b.unavailable("indicators."+ind.Kind, ind.Reason, 0, 0)
		}
	}
}

// computed is an indicator with what its signal lists.
type computed struct {
	Indicator
	patents []*family
	series  []Series
}

func (b *builder) indicatorsFor(sc string, fs []*family) []computed {
	th := b.th
	var pop []*family // window invention families with a publication at the office
	var domF, forF, recentFor []*family
	D, F, U := 0.0, 0.0, 0.0
	for _, f := range fs {
		if !b.inWindow(f) || !f.invention || !f.officeInv {
			continue
		}
		pop = append(pop, f)
		switch b.origin(f.country) {
		case "domestic":
			D++
			domF = append(domF, f)
		case "foreign":
			F++
			forF = append(forF, f)
			if f.py >= b.b.Meta.RecentFrom && f.py <= b.b.Meta.RecentTo {
				recentFor = append(recentFor, f)
			}
		default:
			U++
		}
	}
	base := D + F
	few := ""
	if sc != "" && base < MinBranchFamilies {
		few = ReasonFewFamilies
	}
	// An indicator's basis says what it rests on (unit, count, years, queries); its definition is
	// the kind's, worded by reports with the office and thresholds of Meta.
	basis := func(n float64) landscape.Basis {
		return landscape.Basis{Unit: "family", N: int(math.Round(n)), From: b.s.From, To: b.s.To, Query: "families, applicants, branches"}
	}
	dy, fy := b.officeSeries(fs)
	officeSeries := []Series{{Name: "domestic", Points: b.yearPoints(dy, b.s.From)}, {Name: "foreign", Points: b.yearPoints(fy, b.s.From)}}
	var out []computed

	// Domestic reserve and quantity bubble: D / F.
	ratio, reason := math.NaN(), few
	if reason == "" {
		switch {
		case D == 0 && F == 0:
			reason = ReasonNoOfficeFamilies
		case F == 0:
			reason = ReasonNoForeign
		default:
			ratio = D / F
		}
	}
	nums := []Number{num("domestic", D, "families"), num("foreign", F, "families"), num("unknown_origin", U, "families")}
	out = append(out,
		b.finishInd(computed{Indicator: Indicator{Kind: KindReserve, Branch: sc, Threshold: th.ReserveLow, Direction: Below, Reason: reason, Numbers: nums, Basis: basis(base)}, patents: forF, series: officeSeries}, ratio),
		b.finishInd(computed{Indicator: Indicator{Kind: KindBubble, Branch: sc, Threshold: th.Bubble, Direction: Above, Reason: reason, Numbers: nums, Basis: basis(base)}, patents: domF, series: officeSeries}, ratio))

	// Growth lag: domestic CAGR / foreign CAGR over the last window_years complete years.
	gD := indicators.CompleteCAGR(b.yearCounts(dy), b.lc, th.WindowYears)
	gF := indicators.CompleteCAGR(b.yearCounts(fy), b.lc, th.WindowYears)
	gv, reason := math.NaN(), few
	if reason == "" {
		switch {
		case F == 0:
			reason = ReasonNoForeign
		case !gD.OK:
			reason = ReasonDomesticCAGR
		case !gF.OK:
			reason = ReasonForeignCAGR
		default:
			if rg, ok := indicators.RelativeGrowth(gD.CAGR, gF.CAGR); ok {
				gv = rg
			} else {
				reason = ReasonForeignNotPositive
			}
		}
	}
	gnums := []Number{num("cagr_domestic", gD.CAGR, "rate"), num("cagr_foreign", gF.CAGR, "rate")}
	if gD.EndYear != 0 {
		gnums = append(gnums, num("cagr_from", float64(gD.StartYear), "year"), num("cagr_to", float64(gD.EndYear), "year"),
			num("domestic_start", gD.Start, "families"), num("domestic_end", gD.End, "families"),
			num("foreign_start", gF.Start, "families"), num("foreign_end", gF.End, "families"))
	}
	out = append(out, b.finishInd(computed{Indicator: Indicator{Kind: KindGrowthLag, Branch: sc, Threshold: th.GrowthLag, Direction: Below, Reason: reason, Numbers: gnums,
		Basis: basis(base)},
		patents: recentFor, series: officeSeries}, gv))

	// Weak leaders and portfolio concentration: applicant rankings over the same families.
	dr, fr, dn, fn := b.rank(pop)
	t10d, t10f, t3d, t3f := topSum(dr, 10), topSum(fr, 10), topSum(dr, 3), topSum(fr, 3)
	wv, reason := math.NaN(), few
	if reason == "" {
		if len(fr) == 0 {
			reason = ReasonNoForeignApplicants
		} else {
			wv = t10d / t10f
		}
	}
	top10For := b.familiesOf(pop, fn, 10)
	out = append(out, b.finishInd(computed{Indicator: Indicator{Kind: KindWeakLeaders, Branch: sc, Threshold: th.WeakLeaders, Direction: Below, Reason: reason,
		Numbers: []Number{num("top10_domestic", t10d, "families"), num("top10_foreign", t10f, "families"),
			num("domestic_applicants", float64(len(dr)), "count"), num("foreign_applicants", float64(len(fr)), "count")},
		Basis: basis(base)},
		patents: top10For}, wv))
	pv, reason := math.NaN(), few
	cd, cf := math.NaN(), math.NaN()
	if t10d > 0 {
		cd = t3d / t10d
	}
	if t10f > 0 {
		cf = t3f / t10f
	}
	if reason == "" {
		switch {
		case len(fr) == 0:
			reason = ReasonNoForeignApplicants
		case len(dr) == 0:
			reason = ReasonNoDomesticApplicants
		default:
			pv = cd / cf
		}
	}
	out = append(out, b.finishInd(computed{Indicator: Indicator{Kind: KindPortfolio, Branch: sc, Threshold: th.PortfolioConcentration, Direction: Below, Reason: reason,
		Numbers: []Number{num("top3_domestic", t3d, "families"), num("top10_domestic", t10d, "families"), num("top3_foreign", t3f, "families"), num("top10_foreign", t10f, "families"),
			num("top3_share_domestic", cd, "share"), num("top3_share_foreign", cf, "share")},
		Basis: basis(base)},
		patents: b.familiesOf(pop, dn, 3)}, pv))

	// Market barrier: families with a member at a major foreign office / all families.
	offices := b.peers(barrierOffices)
	var all, withB []*family
	per := map[string]float64{}
	for _, f := range fs {
		if !b.inWindow(f) {
			continue
		}
		all = append(all, f)
		hit := false
		for _, o := range offices {
			if contains(f.offices, o) {
				per[o]++
				hit = true
			}
		}
		if hit {
			withB = append(withB, f)
		}
	}
	mv, reason := math.NaN(), ""
	switch {
	case len(all) == 0:
		reason = ReasonNoFamilies
	case sc != "" && len(all) < MinBranchFamilies:
		reason = ReasonFewFamilies
	case len(offices) == 0:
		reason = ReasonNoBarrierOffices
	default:
		mv = float64(len(withB)) / float64(len(all))
	}
	mnums := []Number{num("families_barrier", float64(len(withB)), "families"), num("families", float64(len(all)), "families")}
	for _, o := range offices {
		mnums = append(mnums, num("office_"+o, per[o], "families"))
	}
	out = append(out, b.finishInd(computed{Indicator: Indicator{Kind: KindMarketBarrier, Branch: sc, Threshold: th.MarketBarrier, Direction: Above, Reason: reason, Numbers: mnums,
		Basis: basis(float64(len(all)))},
		patents: withB}, mv))
	return out
}

// finishInd sets an indicator's value and level.
func (b *builder) finishInd(c computed, v float64) computed {
	if c.Reason != "" || math.IsNaN(v) || math.IsInf(v, 0) {
		if c.Reason == "" {
			c.Reason = ReasonUndefined
		}
		return c
	}
	c.Value = ptr(v)
	c.Level, c.Excess = levelFor(v, c.Threshold, c.Direction, true)
	return c
}

// familiesOf returns the families in fs of the first k applicants of names.
func (b *builder) familiesOf(fs []*family, names []string, k int) []*family {
	want := map[string]bool{}
	for i := 0; i < k && i < len(names); i++ {
		want[names[i]] = true
	}
	var out []*family
	for _, f := range fs {
		for _, a := range f.apps {
			if want[a.name] {
				out = append(out, f)
				break
			}
		}
	}
	return out
}

// indicatorSignal turns an indicator past (or near) its threshold into a signal.
func (b *builder) indicatorSignal(c computed) {
	t := c.Threshold
	s := Signal{Key: subjectKey(c.Kind, "branch", c.Branch), Kind: c.Kind, Branch: c.Branch, Level: c.Level,
		Value: c.Value, Threshold: &t, Direction: c.Direction, Excess: c.Excess,
		Rule: thresholdRule(c.Level), Numbers: c.Numbers, Series: c.series,
		Query: c.Basis.Query}
	if len(c.series) > 0 {
		s.SeriesUnit = "families"
	}
	s.Patents, s.PatentsTotal = b.topRefs(c.patents)
	b.add(s)
}

// techGap reports the first-filing year gaps overall and per branch (all families, all years).
func (b *builder) techGap() {
	peers := b.peers(gapPeers)
	scopes := []string{""}
	for _, br := range b.flat {
		scopes = append(scopes, br.ID)
	}
	for _, sc := range scopes {
		first := map[string]int{}
		for _, f := range b.scopeFams(sc) {
			if f.py == 0 || f.country == "" {
				continue
			}
			g := homePeer(f.country)
			if f.country == b.dom {
				g = "domestic"
			}
			if first[g] == 0 || f.py < first[g] {
				first[g] = f.py
			}
		}
		tg := TechGap{Branch: sc, DomesticFirst: first["domestic"]}
		for _, p := range peers {
			gp := GapPeer{Peer: p, First: first[p]}
			if gp.First != 0 && tg.DomesticFirst != 0 {
				d := tg.DomesticFirst - gp.First
				gp.Gap = &d
			}
			tg.Peers = append(tg.Peers, gp)
		}
		b.b.TechGap = append(b.b.TechGap, tg)
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
