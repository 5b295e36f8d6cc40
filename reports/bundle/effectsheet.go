package bundle

import (
	"github.com/patnav/patnav/landscape/effect"
	effreports "github.com/patnav/patnav/reports/effect"
)

// EffectSheet is the effect tracking as one long table: a row per indicator and year (value,
// numerator, base, incomplete, the reason in English when there is no value), and a row with
// no year for an indicator the data cannot support.
func EffectSheet(t *effect.Tracking) Sheet {
	sh := Sheet{Name: "Effect tracking", Header: []string{"id", "indicator", "指标", "measure", "branch", "year", "value", "numerator", "base", "incomplete", "target", "target year", "reason"},
		Formats: []string{"", "", "", "", "", "", "num", "int", "int", "", "num", "", ""}}
	for _, in := range t.Indicators {
		en, zh := effreports.IndicatorName(in, "en"), effreports.IndicatorName(in, "zh")
		var target any
		var ty any
		if in.Target != nil {
			target, ty = *in.Target, in.TargetYear
		}
		if in.Reason != nil {
			sh.Rows = append(sh.Rows, []any{in.ID, en, zh, in.Measure, in.Branch, nil, nil, nil, nil, nil, target, ty, effreports.ReasonText(in.Reason, "en")})
			continue
		}
		for _, p := range in.Series {
			sh.Rows = append(sh.Rows, []any{in.ID, en, zh, in.Measure, in.Branch, p.Year, p.Value, p.Num, p.Den, p.Incomplete, target, ty, effreports.ReasonText(p.Reason, "en")})
		}
	}
	return sh
}
