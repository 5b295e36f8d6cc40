package indicators

import (
	"fmt"
	"math"
	"sort"
)

// DefaultDeclineYears is the number of consecutive year-on-year falls of
// applications that, with falling applicants, reads as decline.
const DefaultDeclineYears = 3

// DeclineSignal reports the decline rule used with the S-curve (a
// convention of this package): over the last `years` year-on-year steps of
// complete years,
//
//   - applications fall at every step: A[n−years] > … > A[n−1], and
//   - distinct applicants fall over the same span: P[n−1] < P[n−1−years].
//
// apps and applicants are yearly counts in time order, complete years only
// (drop the publication-lag years first: a lag is not a decline). With fewer
// than years+1 points the signal is false. years ≤ 0 or slices of different
// lengths panic.
func DeclineSignal(apps, applicants []float64, years int) bool {
	if years <= 0 {
		panic(fmt.Sprintf("indicators: DeclineSignal with years=%d", years))
	}
	if len(apps) != len(applicants) {
		panic(fmt.Sprintf("indicators: DeclineSignal: len(apps)=%d, len(applicants)=%d", len(apps), len(applicants)))
	}
	n := len(apps)
	if n < years+1 {
		return false
	}
	for i := n - years; i < n; i++ {
		if !(apps[i] < apps[i-1]) {
			return false
		}
	}
	return applicants[n-1] < applicants[n-1-years]
}

// LifeCycleStage combines the S-curve reading with the decline rule:
//
//  1. if DeclineSignal(apps, applicants, DefaultDeclineYears) holds, the
//     stage is StageDecline — a cumulative S-curve never falls, so a
//     shrinking field would otherwise read as "saturated";
//  2. otherwise, if the fit is OK, the stage is fit.Stage() (by y_last/L:
//     < 10 % emerging, 10–50 % growth, 50–90 % mature, > 90 % saturated);
//  3. otherwise StageUnclear, with the fit's reason.
//
// apps and applicants are the yearly (not cumulative) counts of the complete
// years the fit used, in time order. The returned string explains the
// reading.
func LifeCycleStage(fit LogisticFit, apps, applicants []float64) (Stage, string) {
	if DeclineSignal(apps, applicants, DefaultDeclineYears) {
		return StageDecline, fmt.Sprintf("applications fell in each of the last %d complete years and distinct applicants fell over the same span", DefaultDeclineYears)
	}
	if !fit.OK {
		return StageUnclear, "no S-curve: " + fit.Reason
	}
	return fit.Stage(), fmt.Sprintf("cumulative count at %.1f%% of the fitted saturation level", 100*fit.Saturation())
}

// PhasePoint is one year of the life-cycle phase chart: x = applications,
// y = distinct applicants; points are joined in time order.
type PhasePoint struct {
	Year         int
	Applications float64
	Applicants   float64
	Complete     bool // false for years after the last complete year
}

// PhaseSeries returns the phase-chart points sorted by year, each marked
// complete when its year ≤ lastComplete (see LastCompleteYear). Slices of
// different lengths, duplicate years, or negative / NaN counts panic.
func PhaseSeries(years []int, apps, applicants []float64, lastComplete int) []PhasePoint {
	if len(years) != len(apps) || len(years) != len(applicants) {
		panic(fmt.Sprintf("indicators: PhaseSeries: lengths %d, %d, %d differ", len(years), len(apps), len(applicants)))
	}
	checkCounts("PhaseSeries", apps)
	checkCounts("PhaseSeries", applicants)
	pts := make([]PhasePoint, len(years))
	for i, y := range years {
		pts[i] = PhasePoint{Year: y, Applications: apps[i], Applicants: applicants[i], Complete: y <= lastComplete}
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].Year < pts[j].Year })
	for i := 1; i < len(pts); i++ {
		if pts[i].Year == pts[i-1].Year {
			panic(fmt.Sprintf("indicators: PhaseSeries: duplicate year %d", pts[i].Year))
		}
	}
	return pts
}

// PhaseOptions tune PhaseStage. Zero values select the defaults.
type PhaseOptions struct {
	// Window is the number of year-on-year steps compared (default 3).
	Window int
	// Flat is the relative change within which a quantity counts as flat
	// (default 0.10, i.e. ±10 % over the window).
	Flat float64
	// LowBase is the "low base" limit for emerging: the applications at the
	// window start are at most LowBase × the peak yearly applications of
	// all complete years (default 0.25).
	LowBase float64
}

// PhaseReading is the stage read from the direction of the phase chart.
type PhaseReading struct {
	Stage            Stage
	From, To         int     // the window's first and last (complete) year
	AppsChange       float64 // A_to/A_from − 1; NaN when A_from = 0
	ApplicantsChange float64 // P_to/P_from − 1; NaN when P_from = 0
	Reason           string
}

// PhaseStage classifies the life-cycle stage from the direction of the
// phase chart (x = applications, y = distinct applicants, one point per
// year), the technology life-cycle chart of patent-analysis practice
// (专利技术生命周期图 in CNIPA navigation reports; cf. Haupt, Kloyer & Lange
// 2007, "Patent indicators for the technology life cycle development",
// Research Policy 36:387–398). The rule, a convention of this package:
//
// Only complete points are used. Over the last Window steps (from year
// To−Window to To) each quantity is rising (relative change > Flat), falling
// (< −Flat) or flat; from 0 to a positive count is rising, 0 to 0 is flat.
//
//	applications ↑, applicants ↑, A_from ≤ LowBase·peak(A)   emerging
//	applications ↑, applicants ↑, otherwise                  growth
//	applications ↑, applicants flat or ↓ (consolidation)     mature
//	applications flat, applicants flat (plateau)             mature
//	applications ↓, applicants ↓                             decline
//	any other combination                                    unclear
//
// With fewer than Window+1 complete points the stage is StageUnclear (the
// reason says so). Negative option values panic.
func PhaseStage(points []PhasePoint, opt PhaseOptions) PhaseReading {
	if opt.Window < 0 || opt.Flat < 0 || opt.LowBase < 0 {
		panic(fmt.Sprintf("indicators: PhaseStage: negative option in %+v", opt))
	}
	if opt.Window == 0 {
		opt.Window = 3
	}
	if opt.Flat == 0 {
		opt.Flat = 0.10
	}
	if opt.LowBase == 0 {
		opt.LowBase = 0.25
	}
	var pts []PhasePoint
	for _, p := range points {
		if p.Complete {
			pts = append(pts, p)
		}
	}
	sort.Slice(pts, func(i, j int) bool { return pts[i].Year < pts[j].Year })
	r := PhaseReading{Stage: StageUnclear, AppsChange: math.NaN(), ApplicantsChange: math.NaN()}
	if len(pts) < opt.Window+1 {
		r.Reason = fmt.Sprintf("%d complete years, need %d", len(pts), opt.Window+1)
		return r
	}
	from, to := pts[len(pts)-1-opt.Window], pts[len(pts)-1]
	r.From, r.To = from.Year, to.Year
	var da, dp int
	r.AppsChange, da = direction(from.Applications, to.Applications, opt.Flat)
	r.ApplicantsChange, dp = direction(from.Applicants, to.Applicants, opt.Flat)
	peak := 0.0
	for _, p := range pts {
		peak = math.Max(peak, p.Applications)
	}
	names := map[int]string{1: "rising", 0: "flat", -1: "falling"}
	r.Reason = fmt.Sprintf("%d–%d: applications %s, applicants %s", r.From, r.To, names[da], names[dp])
	switch {
	case da > 0 && dp > 0:
		if from.Applications <= opt.LowBase*peak {
			r.Stage = StageEmerging
			r.Reason += fmt.Sprintf(" from a low base (%.3g ≤ %.2g × peak %.3g)", from.Applications, opt.LowBase, peak)
		} else {
			r.Stage = StageGrowth
		}
	case da > 0 && dp <= 0, da == 0 && dp == 0:
		r.Stage = StageMature
	case da < 0 && dp < 0:
		r.Stage = StageDecline
	}
	return r
}

// direction returns the relative change to/from − 1 (NaN when from = 0) and
// its direction: +1 rising, −1 falling, 0 flat within ±flat.
func direction(from, to, flat float64) (float64, int) {
	if from == 0 {
		if to > 0 {
			return math.NaN(), 1
		}
		return math.NaN(), 0
	}
	ch := to/from - 1
	switch {
	case ch > flat:
		return ch, 1
	case ch < -flat:
		return ch, -1
	}
	return ch, 0
}
