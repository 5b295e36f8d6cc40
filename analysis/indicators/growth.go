package indicators

import (
	"fmt"
	"math"
	"sort"
	"time"
)

// DefaultPublicationLagMonths is the usual delay between the priority date and
// the first publication of a patent application (18 months). Priority years
// whose applications cannot all have been published by the data cut-off are
// incomplete.
const DefaultPublicationLagMonths = 18

// CAGR returns the compound annual growth rate between two values that are
// `years` years apart:
//
//	CAGR = (vEnd / vStart)^(1/years) − 1
//
// ok is false and the rate NaN when the rate is undefined: vStart ≤ 0 (growth
// from nothing), vEnd < 0, years == 0, or a non-finite value. vEnd == 0 is
// defined and gives −1 (−100 %). A negative years value is a programming
// error and panics.
//
// The caller is responsible for passing complete years only (see
// CompleteCAGR, which does that for a yearly series).
func CAGR(vStart, vEnd float64, years int) (float64, bool) {
	if years < 0 {
		panic(fmt.Sprintf("indicators: CAGR with negative years %d", years))
	}
	if years == 0 || !finite(vStart) || !finite(vEnd) || vStart <= 0 || vEnd < 0 {
		return math.NaN(), false
	}
	return math.Pow(vEnd/vStart, 1/float64(years)) - 1, true
}

// YearCount is one point of a yearly series: a (possibly fractional) count for
// a priority year.
type YearCount struct {
	Year  int
	Count float64
}

// YearPoint is a YearCount marked as complete or not (see MarkComplete).
type YearPoint struct {
	Year     int
	Count    float64
	Complete bool
}

// LastCompleteYear returns the last priority year whose applications have all
// been published by the data cut-off, given a publication lag in months
// (DefaultPublicationLagMonths = 18 is the norm):
//
//	year Y is complete  ⇔  1 January (Y+1) + lagMonths ≤ cutoff
//
// With an 18-month lag and a cut-off on 31 December 2025 the last complete
// year is 2023: priority years 2024 and 2025 (the last two) are incomplete, as
// navigation.md §2 requires. A cut-off on 30 June 2025 gives 2022. A negative
// lag panics.
func LastCompleteYear(cutoff time.Time, lagMonths int) int {
	if lagMonths < 0 {
		panic(fmt.Sprintf("indicators: negative publication lag %d", lagMonths))
	}
	// The latest year-end Y+1-01-01 that is ≤ cutoff − lag.
	shifted := cutoff.AddDate(0, -lagMonths, 0)
	// Y+1 ≤ shifted.Year() (1 January of shifted.Year() is ≤ shifted).
	return shifted.Year() - 1
}

// MarkComplete returns the series sorted by year with every year after
// lastComplete marked incomplete (Complete=false). Years are expected to be
// unique; a duplicate year panics. The input is not modified.
func MarkComplete(series []YearCount, lastComplete int) []YearPoint {
	s := sortedSeries(series)
	out := make([]YearPoint, len(s))
	for i, p := range s {
		out[i] = YearPoint{Year: p.Year, Count: p.Count, Complete: p.Year <= lastComplete}
	}
	return out
}

// Growth is the result of CompleteCAGR.
type Growth struct {
	StartYear, EndYear int     // the window, both complete years
	Start, End         float64 // the counts in those years
	CAGR               float64 // NaN when !OK
	OK                 bool
	Reason             string // why the growth is unavailable, when !OK
}

// CompleteCAGR computes the CAGR of a yearly series on complete years only.
//
// The window ends at the last year of the series that is ≤ lastComplete
// (incomplete years are ignored, so the publication lag never reads as a
// decline) and starts `window` years earlier:
//
//	CAGR = (N[end] / N[end−window])^(1/window) − 1
//
// window ≤ 0 means "from the first year of the series". Years missing from
// the series inside its range count 0 (SQL aggregation omits empty years).
// The result is unavailable (OK=false, CAGR=NaN, Reason set) when the series
// has no complete year, the window starts before the series, the window has
// zero length, or the start count is 0. Duplicate years panic.
func CompleteCAGR(series []YearCount, lastComplete, window int) Growth {
	s := sortedSeries(series)
	g := Growth{CAGR: math.NaN()}
	end := -1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].Year <= lastComplete {
			end = i
			break
		}
	}
	if end < 0 {
		g.Reason = "no complete year in the series"
		return g
	}
	g.EndYear, g.End = s[end].Year, s[end].Count
	if window <= 0 {
		g.StartYear = s[0].Year
	} else {
		g.StartYear = g.EndYear - window
	}
	if g.StartYear < s[0].Year {
		g.Reason = fmt.Sprintf("window starts in %d, before the first year %d", g.StartYear, s[0].Year)
		return g
	}
	if g.StartYear == g.EndYear {
		g.Reason = "window has zero length (a single complete year)"
		return g
	}
	g.Start = 0
	for _, p := range s {
		if p.Year == g.StartYear {
			g.Start = p.Count
		}
	}
	if g.Start <= 0 {
		g.Reason = fmt.Sprintf("count in start year %d is %g: growth from zero is undefined", g.StartYear, g.Start)
		return g
	}
	r, ok := CAGR(g.Start, g.End, g.EndYear-g.StartYear)
	if !ok {
		g.Reason = "CAGR undefined for these counts"
		return g
	}
	g.CAGR, g.OK = r, true
	return g
}

// RelativeGrowth returns a field's growth rate divided by the growth rate of
// all fields over the same period (navigation.md §5):
//
//	relative growth = g_field / g_all
//
// Both rates must come from the same window (e.g. two CompleteCAGR results).
// A value > 1 means the field grows faster than the whole. The ratio only
// reads that way when the all-fields rate is positive, so ok is false (and the
// value NaN) when g_all ≤ 0 or either rate is not finite; compare the two
// rates directly in that case.
func RelativeGrowth(fieldGrowth, allGrowth float64) (float64, bool) {
	if !finite(fieldGrowth) || !finite(allGrowth) || allGrowth <= 0 {
		return math.NaN(), false
	}
	return fieldGrowth / allGrowth, true
}

// sortedSeries returns a copy of s sorted by year; duplicate years panic.
func sortedSeries(s []YearCount) []YearCount {
	c := append([]YearCount(nil), s...)
	sort.Slice(c, func(i, j int) bool { return c[i].Year < c[j].Year })
	for i := 1; i < len(c); i++ {
		if c[i].Year == c[i-1].Year {
			panic(fmt.Sprintf("indicators: duplicate year %d in series", c[i].Year))
		}
	}
	return c
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }
