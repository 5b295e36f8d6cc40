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
	c := 0.0
	for _, y := range b.years {
		lc.Points = append(lc.Points, PhasePoint{Year: y, Applications: int(apps[y]), Applicants: int(appl[y]), Incomplete: b.s.Incomplete(y)})
		if b.s.Incomplete(y) {
			continue
		}
		c += apps[y]
		t = append(t, float64(y))
		cum = append(cum, c)
		a = append(a, apps[y])
		p = append(p, appl[y])
	}
	fit := indicators.LogisticFit{Reason: "no complete years"}
	if len(t) > 0 {
		fit = indicators.FitLogistic(t, cum)
	}
	if fit.OK {
		lc.Fit = &Logistic{L: round(fit.L, 1), K: round(fit.K, 4), T0: round(fit.T0, 2), R2: round(fit.R2, 4),
			RMSE: round(fit.RMSE, 2), Reached: round(fit.Saturation(), 4), FitFrom: int(t[0]), FitTo: int(t[len(t)-1])}
	}
	if len(a) > 0 {
		st, why := indicators.LifeCycleStage(fit, a, p)
		lc.Stage, lc.Rule = string(st), why
	} else {
		lc.Stage, lc.Rule = string(indicators.StageUnclear), "no complete years"
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
	lc.Basis = b.basis("family", n, "cumulative families of complete years fitted by y = L/(1+e^(−k(t−t0)))", "life_cycle")
	if !fit.OK {
		b.unavailable("life_cycle.fit", "logistic fit not identifiable: "+fit.Reason)
	}
	b.m.LifeCycle = lc
	return nil
}
