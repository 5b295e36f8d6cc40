package landscape

import (
	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/indicators"
)

func (b *macroBuilder) lifeCycleOf(rows []analysis.LifeCycleRow) (LifeCycle, indicators.LogisticFit) {
	apps, appl := map[int]float64{}, map[int]float64{}
	for _, r := range rows {
		apps[r.Year], appl[r.Year] = r.Applications, r.Applicants
	}
	lc := LifeCycle{}
	var t, cum, a, p []float64
	c, filed := 0.0, 0 // families and years with filings, complete years only
	for _, y := range b.years {
		lc.Points = append(lc.Points, PhasePoint{Year: y, Applications: int(apps[y]), Applicants: int(appl[y]), Incomplete: b.s.Incomplete(y)})
		if b.s.Incomplete(y) {
			continue
		}
		c += apps[y]
		if apps[y] > 0 {
			filed++
		}
		t = append(t, float64(y))
		cum = append(cum, c)
		a = append(a, apps[y])
		p = append(p, appl[y])
	}
	fit := indicators.LogisticFit{Reason: "no complete years", Fail: indicators.FitTooFew}
	switch {
	case !MinFitYears.Met(filed):
		fit.Reason = MinFitYears.Code
	case !MinFitFamilies.Met(int(c)):
		fit.Reason = MinFitFamilies.Code
	default:
		fit = indicators.FitLogistic(t, cum)
	}
	if fit.OK {
		lc.Fit = &Logistic{L: round(fit.L, 1), K: round(fit.K, 4), T0: round(fit.T0, 2), R2: round(fit.R2, 4),
			RMSE: round(fit.RMSE, 2), Reached: round(fit.Saturation(), 4), FitFrom: int(t[0]), FitTo: int(t[len(t)-1])}
	}
	switch {
	case fit.Reason == MinFitYears.Code || fit.Reason == MinFitFamilies.Code:
		// Below the minimum no stage is claimed either (18 families were called "saturated").
		lc.Stage, lc.Rule = string(indicators.StageUnclear), Note{Code: NoteStageBelowMinimum}
	case len(a) > 0:
		st, _ := indicators.LifeCycleStage(fit, a, p)
		lc.Stage = string(st)
		switch {
		case st == indicators.StageDecline && indicators.DeclineSignal(a, p, indicators.DefaultDeclineYears):
			lc.Rule = Note{Code: NoteStageDecline, N: indicators.DefaultDeclineYears}
		case !fit.OK:
			lc.Rule = Note{Code: NoteStageNoFit}
		default:
			lc.Rule = Note{Code: NoteStageSaturation, Nums: []float64{round(fit.Saturation(), 4)}}
		}
	default:
		lc.Stage, lc.Rule = string(indicators.StageUnclear), Note{Code: NoteStageNoYears}
	}
	return lc, fit
}

func (b *macroBuilder) lifeCycle() error {
	rows, err := analysis.LifeCycle.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	lc, fit := b.lifeCycleOf(rows)
	n := 0
	for _, p := range lc.Points {
		n += p.Applications
	}
	lc.Basis = b.basis("family", n, "life_cycle", Note{Code: NoteBasisLifeCycle})
	switch {
	case fit.Reason == MinFitYears.Code:
		years := 0
		for _, p := range lc.Points {
			if !p.Incomplete && p.Applications > 0 {
				years++
			}
		}
		b.unavailable(MinFitYears.Below(years))
	case fit.Reason == MinFitFamilies.Code:
		fams := 0
		for _, p := range lc.Points {
			if !p.Incomplete {
				fams += p.Applications
			}
		}
		b.unavailable(MinFitFamilies.Below(fams))
	case !fit.OK:
		b.unavailable(Unavailable{Analysis: "life_cycle.fit", Section: "life_cycle", Code: CodeFitFailed, N: n, Detail: fit.Fail})
	}
	b.m.LifeCycle = lc
	return nil
}
