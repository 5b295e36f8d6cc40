package reports

import (
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape/effect"
	"github.com/patnav/patnav/landscape/scope"
	"github.com/patnav/patnav/landscape/value"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/langtest"
)

// TestCatalogEntries: every entry of the one catalogue (the macro catalogue and the entries the
// bulletin, effect, value and scope pages merge into it) has both languages; the zh text holds
// no English prose and the en text no Chinese prose (langtest's rules, no names removed: a
// catalogue sentence is all words, its names come from the model through placeholders). The en
// texts may quote the CNIPA field name 国省代码.
func TestCatalogEntries(t *testing.T) {
	for k, p := range catalog {
		if p[0] == "" || p[1] == "" {
			t.Errorf("catalogue %q lacks a language: %q", k, p)
			continue
		}
		if w := langtest.Wrong("zh", p[0], nil); len(w) > 0 {
			t.Errorf("catalogue %q: zh text has English prose %q", k, w)
		}
		if w := langtest.Wrong("en", strings.ReplaceAll(p[1], "国省代码", ""), nil); len(w) > 0 {
			t.Errorf("catalogue %q: en text has Chinese prose %q", k, w)
		}
	}
}

// TestCatalogReportCodes: every code the warning (kinds, levels, states, indicator reasons,
// severity rules, unavailable codes, limitations), effect, value and seed-scoping models produce has words in
// the catalogue (a page would show ⟦key⟧ otherwise).
func TestCatalogReportCodes(t *testing.T) {
	var keys []string
	for _, k := range append(warning.Kinds, warning.KindTechGap) {
		keys = append(keys, "bulletin.kind:"+k)
	}
	for _, l := range warning.Levels {
		keys = append(keys, "bulletin.level:"+l, "bulletin.sec."+l)
	}
	for _, s := range warning.States {
		keys = append(keys, "bulletin.state:"+s)
	}
	for _, r := range warning.Reasons {
		keys = append(keys, "bulletin.reason:"+r)
	}
	for _, r := range warning.Rules {
		keys = append(keys, "bulletin.rule:"+r, "bulletin.why:"+r)
	}
	for _, c := range warning.UnavCodes {
		keys = append(keys, "bulletin.unav:"+c)
	}
	for _, c := range warning.LimCodes {
		keys = append(keys, "bulletin.lim:"+c)
	}
	for _, d := range []string{warning.Below, warning.Above, warning.AtLeast} {
		keys = append(keys, "bulletin.op:"+d)
	}
	for _, o := range []string{"domestic", "foreign", "unknown"} {
		keys = append(keys, "bulletin.origin:"+o)
	}
	for _, m := range config.EffectMeasures {
		keys = append(keys, "effect.m."+m, "effect.d."+m)
	}
	for _, c := range effect.Codes {
		keys = append(keys, "effect.r."+c)
	}
	for _, m := range []string{"transfers", "licences", "pledges"} {
		for _, d := range config.EffectDirections {
			keys = append(keys, "effect.m."+m+"."+d, "effect.d.flow."+d)
		}
		keys = append(keys, "effect.op."+m, "effect.op."+m+".from", "effect.op."+m+".to")
	}
	for _, u := range []string{"families", "share", "applicants", "operations", "per_10k"} {
		keys = append(keys, "effect.unit."+u)
	}
	for _, id := range value.FactorIDs {
		keys = append(keys, "value.f."+id)
	}
	for _, c := range value.Codes {
		keys = append(keys, "value.r."+c)
	}
	for _, c := range scope.Codes {
		keys = append(keys, "scope.un."+c)
	}
	for _, a := range scope.Parts {
		keys = append(keys, "scope.an."+a)
	}
	for _, k := range keys {
		if !HasText(k) {
			t.Errorf("catalogue: no entry %q", k)
		}
	}
}
