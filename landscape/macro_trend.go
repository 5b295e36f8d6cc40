package landscape

import (
	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
)

// series turns (year, n) rows into a full series over the window.
func (b *macroBuilder) series(vals map[int]float64) []YearPoint {
	out := make([]YearPoint, 0, len(b.years))
	for _, y := range b.years {
		out = append(out, YearPoint{Year: y, N: vals[y], Incomplete: b.s.Incomplete(y)})
	}
	return out
}

// trendOf builds a yearly trend with its CAGR; the growth it returns says why a CAGR is missing
// (no window, or an end year below MinGrowthEndYear: g.OK true but the rate withheld).
func (b *macroBuilder) trendOf(vals map[int]float64, query string, unit string) (Trend, indicators.Growth) {
	s := b.series(vals)
	var yc []indicators.YearCount
	total := 0.0
	for _, p := range s {
		yc = append(yc, indicators.YearCount{Year: p.Year, Count: p.N})
		total += p.N
	}
	t := Trend{Series: s, Basis: b.basis(unit, int(total), query)}
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
	if g.OK && MinGrowthEndYear.Met(int(min(g.Start, g.End))) {
		v := round(g.CAGR, 4)
		t.CAGR, t.CAGRFrom, t.CAGRTo = &v, g.StartYear, g.EndYear
	}
	t.Phases = phases(s)
	return t, g
}

// phases labels runs of complete years by year-on-year growth: > 20 % rapid growth, 5–20 %
// growth, −5–5 % plateau, < −5 % decline (a convention; the thresholds are stated in the report).
func phases(s []YearPoint) []Phase {
	var out []Phase
	for i := 1; i < len(s); i++ {
		if s[i].Incomplete || s[i-1].N == 0 {
			continue
		}
		label := phaseLabel(s[i].N/s[i-1].N - 1)
		if n := len(out); n > 0 && out[n-1].Label == label && out[n-1].To == s[i].Year-1 {
			out[n-1].To = s[i].Year
			continue
		}
		out = append(out, Phase{From: s[i].Year, To: s[i].Year, Label: label})
	}
	return mergeBlips(out, s)
}

func (b *macroBuilder) trend() error {
	query, unit := analysis.Trend, "family"
	if b.cfg.Analysis.Unit == "publication" {
		query, unit = analysis.TrendPub, "publication"
	}
	rows, err := query.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	for _, r := range rows {
		b.total[r.Year] = r.N
	}
	var g indicators.Growth
	b.m.Trend, g = b.trendOf(b.total, query.Name(), unit)
	if b.m.Trend.CAGR == nil {
		// Below the minimum: the smaller end year's families (0 when no window had two
		// complete years with filings).
		n := 0
		if g.OK {
			n = int(min(g.Start, g.End))
		}
		b.unavailable(MinGrowthEndYear.Below(n))
	}
	return nil
}
