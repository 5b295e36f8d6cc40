package indicators

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)

// Stage is a technology life-cycle stage, read from an S-curve fit
// (SCurveStage), the decline rule (LifeCycleStage) or the phase chart
// (PhaseStage).
type Stage string

// The life-cycle stages. StageUnclear is returned when the data do not
// support a reading; the accompanying reason says why.
const (
	StageEmerging  Stage = "emerging"
	StageGrowth    Stage = "growth"
	StageMature    Stage = "mature"
	StageSaturated Stage = "saturated"
	StageDecline   Stage = "decline"
	StageUnclear   Stage = "unclear"
)

// The S-curve stage limits on the saturation share y_last / L (a convention,
// navigation.md §5).
const (
	SCurveGrowthFrom    = 0.10 // below: emerging
	SCurveMatureFrom    = 0.50 // below: growth
	SCurveSaturatedFrom = 0.90 // above: saturated; [0.50, 0.90] mature
)

// SCurveStage reads the life-cycle stage from the saturation share
// f = y_last / L of a logistic fit:
//
//	f < 0.10          emerging
//	0.10 ≤ f < 0.50   growth
//	0.50 ≤ f ≤ 0.90   mature
//	f > 0.90          saturated
//
// NaN gives StageUnclear. The limits are a convention (navigation.md §5).
func SCurveStage(saturation float64) Stage {
	switch {
	case math.IsNaN(saturation):
		return StageUnclear
	case saturation < SCurveGrowthFrom:
		return StageEmerging
	case saturation < SCurveMatureFrom:
		return StageGrowth
	case saturation <= SCurveSaturatedFrom:
		return StageMature
	default:
		return StageSaturated
	}
}

// LogisticOptions tune FitLogisticWith. Zero values select the defaults.
type LogisticOptions struct {
	// MaxLRatio bounds the identifiable saturation level: a fit whose
	// L / y_last exceeds it is rejected (the series shows no deceleration
	// yet, so L is not identified). Default 100, which still allows the
	// "emerging" reading (y_last / L < 0.10). Must be > 1 when set.
	MaxLRatio float64
	// GridPoints is the number of candidate L values of the start grid.
	// Default 60.
	GridPoints int
}

// LogisticFit is a fitted logistic S-curve y(t) = L / (1 + e^(−K(t − T0))).
//
// When OK is false, Reason says why and L, K, T0 hold the best attempt if
// one was made (NaN otherwise); they must not be reported.
type LogisticFit struct {
	L     float64 // saturation level (same unit as y)
	K     float64 // growth rate per time unit (> 0)
	T0    float64 // inflection time: y(T0) = L/2
	R2    float64 // 1 − SSE/SST on the original scale
	RMSE  float64 // √(SSE/n) on the original scale
	N     int     // number of points fitted
	YLast float64 // the last observed value
	OK    bool
	// Reason explains an unavailable fit; Fail is the same reason as a code (Fit*) for reports
	// to word.
	Reason string
	Fail   string
}

// At evaluates the fitted curve at time t.
func (f LogisticFit) At(t float64) float64 { return logistic(f.L, f.K, f.T0, t) }

// Saturation returns y_last / L, the share of the saturation level reached by
// the last observation; NaN when the fit is not OK.
func (f LogisticFit) Saturation() float64 {
	if !f.OK {
		return math.NaN()
	}
	return f.YLast / f.L
}

// Stage returns SCurveStage(f.Saturation()); StageUnclear when the fit is not
// OK.
func (f LogisticFit) Stage() Stage { return SCurveStage(f.Saturation()) }

// Reasons a logistic fit is unavailable (LogisticFit.Fail).
const (
	FitTooFew          = "too_few_points"   // fewer than 4 points
	FitNonFinite       = "non_finite"       // a value is NaN or infinite
	FitNegative        = "negative"         // a value is negative
	FitLastZero        = "last_zero"        // the last value is 0
	FitFlat            = "flat"             // a flat series
	FitNoGrowth        = "no_growth"        // no increasing Fisher–Pry line: the series does not grow
	FitNotIdentifiable = "not_identifiable" // fitted L > MaxLRatio × the last value: no deceleration yet
)

// FitFails lists every Fail code.
var FitFails = []string{FitTooFew, FitNonFinite, FitNegative, FitLastZero, FitFlat, FitNoGrowth, FitNotIdentifiable}

func logistic(l, k, t0, t float64) float64 { return l / (1 + math.Exp(-k*(t-t0))) }

// FitLogistic fits y(t) = L / (1 + e^(−k(t − t0))) to cumulative counts y at
// times t by nonlinear least squares (minimising Σ (y_i − y(t_i))²) with the
// default LogisticOptions. See FitLogisticWith.
func FitLogistic(t, y []float64) LogisticFit { return FitLogisticWith(t, y, LogisticOptions{}) }

// FitLogisticWith fits y(t) = L / (1 + e^(−k(t − t0))) to cumulative counts
// y at times t (e.g. priority years; pass complete years only) by nonlinear
// least squares: minimise SSE = Σ (y_i − y(t_i))².
//
// Method: L is constrained to L > y_last (cumulative counts cannot exceed
// their saturation level; in practice L ≥ y_last·(1 + 1e-13)) and k > 0
// through the parametrisation L = y_last·(1 + e^u), k = e^v. Start values
// come from a grid of GridPoints L values from 1.001·y_last to
// MaxLRatio·y_last (geometric in L/y_last − 1): for each, the Fisher–Pry
// linearisation ln(y/(L − y)) = k·t − k·t0 is fitted by OLS on the points
// with 0 < y < L and the resulting curve scored by its SSE. The grid is cut
// into 5 contiguous slices; the best start of each slice is refined by
// Levenberg–Marquardt (analytic Jacobian, normal equations solved with a
// gonum/mat Cholesky factorisation) and the lowest SSE is kept. Trying
// starts from every part of the grid avoids the flat valley near
// L = y_last in which a single start can stall. (gonum/optimize is not used:
// it imports golang.org/x/tools, which the module's go.sum does not list.)
//
// The fit is unavailable (OK=false, Reason set) when there are fewer than 4
// points, a value is negative or not finite, y_last ≤ 0, the series is flat,
// no grid value gives an increasing Fisher–Pry line, or the fitted L exceeds
// MaxLRatio·y_last (no deceleration yet: L not identifiable).
//
// t and y of different lengths, t not strictly increasing (or NaN), or a
// non-zero MaxLRatio ≤ 1 panic.
func FitLogisticWith(t, y []float64, opt LogisticOptions) LogisticFit {
	if len(t) != len(y) {
		panic(fmt.Sprintf("indicators: FitLogistic: len(t)=%d, len(y)=%d", len(t), len(y)))
	}
	for i := 1; i < len(t); i++ {
		if !(t[i] > t[i-1]) {
			panic("indicators: FitLogistic: t must be strictly increasing")
		}
	}
	if opt.MaxLRatio == 0 {
		opt.MaxLRatio = 100
	}
	if !(opt.MaxLRatio > 1) {
		panic(fmt.Sprintf("indicators: FitLogistic: MaxLRatio %g must be > 1", opt.MaxLRatio))
	}
	if opt.GridPoints <= 0 {
		opt.GridPoints = 60
	}
	n := len(y)
	fit := LogisticFit{L: math.NaN(), K: math.NaN(), T0: math.NaN(), R2: math.NaN(), RMSE: math.NaN(), N: n}
	if n < 4 {
		fit.Fail = FitTooFew
		fit.Reason = fmt.Sprintf("too few points: %d (need ≥ 4 for 3 parameters)", n)
		return fit
	}
	ymin, ymax := math.Inf(1), math.Inf(-1)
	for i, v := range y {
		if !finite(v) || !finite(t[i]) {
			fit.Fail = FitNonFinite
			fit.Reason = fmt.Sprintf("non-finite value at point %d", i)
			return fit
		}
		if v < 0 {
			fit.Fail = FitNegative
			fit.Reason = fmt.Sprintf("negative value %g at point %d", v, i)
			return fit
		}
		ymin, ymax = math.Min(ymin, v), math.Max(ymax, v)
	}
	fit.YLast = y[n-1]
	if fit.YLast <= 0 {
		fit.Fail = FitLastZero
		fit.Reason = "last value is 0: nothing to fit"
		return fit
	}
	if ymax-ymin <= 1e-9*ymax {
		fit.Fail = FitFlat
		fit.Reason = "flat series: no growth to fit"
		return fit
	}

	// Work on y/y_last and centred time for conditioning.
	scale := fit.YLast
	tMean := stat.Mean(t, nil)
	tc := make([]float64, n)
	ys := make([]float64, n)
	for i := range y {
		tc[i] = t[i] - tMean
		ys[i] = y[i] / scale
	}

	const refineStarts = 5
	type cand struct {
		x   [3]float64
		sse float64
	}
	var cands []cand
	lo, hi := math.Log(1e-3), math.Log(opt.MaxLRatio-1)
	zs, xs := make([]float64, 0, n), make([]float64, 0, n)
	for g := 0; g < opt.GridPoints; g++ {
		u := lo
		if opt.GridPoints > 1 {
			u = lo + (hi-lo)*float64(g)/float64(opt.GridPoints-1)
		}
		rho := 1 + math.Exp(u)
		k, c, ok := fisherPryLine(tc, ys, rho, xs, zs)
		if !ok || !(k > 0) {
			continue
		}
		x := [3]float64{u, math.Log(k), c}
		sse := 2 * logisticObjective(x[:], tc, ys)
		if finite(sse) {
			cands = append(cands, cand{x, sse})
		}
	}
	if len(cands) == 0 {
		fit.Fail = FitNoGrowth
		fit.Reason = "no increasing Fisher–Pry line for any saturation level: the series does not grow"
		return fit
	}
	// Refine the best start of each of refineStarts contiguous slices of
	// the grid, so that starts near L ≈ y_last and starts with a distant L
	// are both tried.
	best := cands[0]
	for _, c := range cands {
		if c.sse < best.sse {
			best = c
		}
	}
	per := (len(cands) + refineStarts - 1) / refineStarts
	for lo := 0; lo < len(cands); lo += per {
		hi := min(lo+per, len(cands))
		start := cands[lo]
		for _, c := range cands[lo:hi] {
			if c.sse < start.sse {
				start = c
			}
		}
		if x, sse := refineLogistic(start.x, tc, ys); sse < best.sse {
			best = cand{x, sse}
		}
	}

	fit.L = scale * (1 + math.Exp(best.x[0]))
	fit.K = math.Exp(best.x[1])
	fit.T0 = best.x[2] + tMean
	sse := 0.0
	for i := range y {
		r := y[i] - fit.At(t[i])
		sse += r * r
	}
	yMean := stat.Mean(y, nil)
	sst := 0.0
	for _, v := range y {
		sst += (v - yMean) * (v - yMean)
	}
	fit.R2 = 1 - sse/sst
	fit.RMSE = math.Sqrt(sse / float64(n))
	if fit.L > opt.MaxLRatio*fit.YLast {
		fit.Fail = FitNotIdentifiable
		fit.Reason = fmt.Sprintf("saturation level not identifiable: fitted L is %.3g × the last value (> %g); the series shows no deceleration yet", fit.L/fit.YLast, opt.MaxLRatio)
		return fit
	}
	fit.OK = true
	return fit
}

// fisherPryLine fits ln(y/(L−y)) = k·t − k·c by OLS on the points with
// 0 < y < L and returns k and c. xs and zs are scratch buffers.
func fisherPryLine(t, y []float64, l float64, xs, zs []float64) (k, c float64, ok bool) {
	xs, zs = xs[:0], zs[:0]
	for i, v := range y {
		if v > 0 && v < l {
			xs = append(xs, t[i])
			zs = append(zs, math.Log(v/(l-v)))
		}
	}
	if len(xs) < 2 {
		return 0, 0, false
	}
	alpha, beta := stat.LinearRegression(xs, zs, nil, false)
	if !finite(alpha) || !finite(beta) || beta == 0 {
		return 0, 0, false
	}
	return beta, -alpha / beta, true
}

// logisticObjective is ½ Σ (ρ·σ_i − y_i)² with ρ = 1 + e^u, k = e^v,
// σ_i = 1/(1 + e^(−k(t_i − c))), for x = (u, v, c).
func logisticObjective(x, t, y []float64) float64 {
	if math.Abs(x[0]) > 60 || math.Abs(x[1]) > 30 {
		return math.Inf(1)
	}
	rho, k, c := 1+math.Exp(x[0]), math.Exp(x[1]), x[2]
	f := 0.0
	for i := range t {
		r := rho/(1+math.Exp(-k*(t[i]-c))) - y[i]
		f += r * r
	}
	return f / 2
}

// refineLogistic minimises logisticObjective from x0 by Levenberg–Marquardt
// (damped Gauss–Newton with the analytic Jacobian, the normal equations
// solved by a gonum/mat Cholesky factorisation) and returns the best point
// found with its SSE (twice the objective). The result is never worse than
// x0.
// minLogGap is the lower bound of u = ln(L/y_last − 1) during refinement.
const minLogGap = -30

func refineLogistic(x0 [3]float64, t, y []float64) ([3]float64, float64) {
	x := x0
	f := logisticObjective(x[:], t, y)
	if !finite(f) {
		return x0, math.Inf(1)
	}
	lambda := 1e-3
	stalls := 0
	var (
		jtj  = mat.NewSymDense(3, nil)
		a    = mat.NewSymDense(3, nil)
		jtr  = mat.NewVecDense(3, nil)
		step = mat.NewVecDense(3, nil)
		chol mat.Cholesky
		row  [3]float64
	)
	for iter := 0; iter < 300 && lambda < 1e16; iter++ {
		// Build JᵀJ and Jᵀr at x.
		eu := math.Exp(x[0])
		rho, k, c := 1+eu, math.Exp(x[1]), x[2]
		jtj.Zero()
		jtr.Zero()
		for i := range t {
			s := 1 / (1 + math.Exp(-k*(t[i]-c)))
			r := rho*s - y[i]
			ds := rho * s * (1 - s) * k
			row = [3]float64{eu * s, ds * (t[i] - c), -ds}
			for p := 0; p < 3; p++ {
				jtr.SetVec(p, jtr.AtVec(p)+row[p]*r)
				for q := p; q < 3; q++ {
					jtj.SetSym(p, q, jtj.At(p, q)+row[p]*row[q])
				}
			}
		}
		improved := false
		for lambda < 1e16 {
			a.CopySym(jtj)
			for p := 0; p < 3; p++ {
				d := jtj.At(p, p)
				if d == 0 {
					d = 1e-12
				}
				a.SetSym(p, p, d*(1+lambda))
			}
			if !chol.Factorize(a) {
				lambda *= 10
				continue
			}
			if err := chol.SolveVecTo(step, jtr); err != nil {
				lambda *= 10
				continue
			}
			xn := [3]float64{x[0] - step.AtVec(0), x[1] - step.AtVec(1), x[2] - step.AtVec(2)}
			// L − y_last below 1e-13·y_last is indistinguishable from
			// y_last; clamping keeps the u direction from running off.
			xn[0] = math.Max(xn[0], minLogGap)
			fn := logisticObjective(xn[:], t, y)
			if finite(fn) && fn < f {
				rel := (f - fn) / f
				moved := math.Max(math.Abs(xn[0]-x[0]), math.Max(math.Abs(xn[1]-x[1]), math.Abs(xn[2]-x[2])))
				x, f = xn, fn
				lambda = math.Max(lambda/10, 1e-12)
				improved = true
				if rel < 1e-15 {
					stalls++
				} else {
					stalls = 0
				}
				if f < 1e-30 || moved < 1e-12 || stalls >= 5 {
					return x, 2 * f
				}
				break
			}
			lambda *= 10
		}
		if !improved {
			break
		}
	}
	return x, 2 * f
}

// FisherPryFit is an OLS fit of the Fisher–Pry linearisation
// ln(f/(1 − f)) = Slope·t + Intercept with f = y/L.
type FisherPryFit struct {
	Slope, Intercept float64
	K                float64 // = Slope, the logistic growth rate
	T0               float64 // = −Intercept/Slope, the time where f = 1/2
	R2               float64 // on the transformed (logit) scale
	N                int     // points used (those with 0 < y < L)
	OK               bool
	Reason           string
}

// FisherPry fits the Fisher–Pry substitution model for a given saturation
// level L: with f_i = y_i / L, ordinary least squares of
//
//	ln(f_i / (1 − f_i)) = a + b·t_i
//
// over the points with 0 < y_i < L (others are skipped: the logit is
// infinite there), giving k = b and t0 = −a/b, so y(t) = L/(1+e^(−k(t−t0))).
// R² is on the logit scale. The fit is unavailable (OK=false, Reason set) with
// fewer than 3 usable points or a zero slope. len(t) ≠ len(y), or L not
// positive and finite, panics.
func FisherPry(t, y []float64, L float64) FisherPryFit {
	if len(t) != len(y) {
		panic(fmt.Sprintf("indicators: FisherPry: len(t)=%d, len(y)=%d", len(t), len(y)))
	}
	if !(L > 0) || math.IsInf(L, 1) {
		panic(fmt.Sprintf("indicators: FisherPry: L=%g must be positive and finite", L))
	}
	fp := FisherPryFit{Slope: math.NaN(), Intercept: math.NaN(), K: math.NaN(), T0: math.NaN(), R2: math.NaN()}
	var xs, zs []float64
	for i, v := range y {
		if v > 0 && v < L && finite(t[i]) {
			xs = append(xs, t[i])
			zs = append(zs, math.Log(v/(L-v)))
		}
	}
	fp.N = len(xs)
	if fp.N < 3 {
		fp.Reason = fmt.Sprintf("too few points with 0 < y < L: %d (need ≥ 3)", fp.N)
		return fp
	}
	a, b := stat.LinearRegression(xs, zs, nil, false)
	if !finite(a) || !finite(b) || b == 0 {
		fp.Reason = "zero or undefined slope (all t equal or constant logit)"
		return fp
	}
	fp.Slope, fp.Intercept = b, a
	fp.K, fp.T0 = b, -a/b
	fp.R2 = stat.RSquared(xs, zs, nil, a, b)
	fp.OK = true
	return fp
}
