package bundle

import (
	"github.com/patnav/patnav/landscape/effect"
	effreports "github.com/patnav/patnav/reports/effect"
)

// EffectSheet is the effect tracking as one long table: a row per indicator and year (value,
// numerator, base — a share's base or a per-10,000 measure's population —, for a flow in, out or
// within the region the operations of unknown direction it does not count, incomplete, the
// reason in English when there is no value), and a row with no year for an indicator the data
// cannot support.
func EffectSheet(t *effect.Tracking) Sheet {
	sh := Sheet{Name: "Effect tracking", Header: []string{"id", "indicator", "指标", "measure", "branch", "direction", "unit", "year", "value", "numerator", "base", "unknown direction", "incomplete", "target", "target year", "reason"},
		Formats: []string{"", "", "", "", "", "", "", "", "num", "int", "int", "int", "", "num", "", ""}}
	for _, in := range t.Indicators {
		en, zh := effreports.IndicatorName(in, "en"), effreports.IndicatorName(in, "zh")
		var target any
		var ty any
		if in.Target != nil {
			target, ty = *in.Target, in.TargetYear
		}
		if in.Reason != nil {
			sh.Rows = append(sh.Rows, []any{in.ID, en, zh, in.Measure, in.Branch, in.Direction, in.Unit, nil, nil, nil, nil, nil, nil, target, ty, effreports.ReasonText(in.Reason, "en")})
			continue
		}
		for _, p := range in.Series {
			var unknown any
			if in.Direction != "" && in.Direction != effect.DirUnknown {
				unknown = p.Unknown
			}
			sh.Rows = append(sh.Rows, []any{in.ID, en, zh, in.Measure, in.Branch, in.Direction, in.Unit, p.Year, p.Value, p.Num, p.Den, unknown, p.Incomplete, target, ty, effreports.ReasonText(p.Reason, "en")})
		}
	}
	return sh
}
