package reports

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/landscape"
)

// TestCatalogComplete: every reason code, minimum-data rule and cut-off source of the models has
// a sentence in both languages; the zh sentence is Chinese prose and the en one has no Han
// characters.
func TestCatalogComplete(t *testing.T) {
	var keys []string
	for _, c := range landscape.Codes {
		keys = append(keys, "unav.code."+c)
	}
	for _, r := range landscape.Rules {
		keys = append(keys, "rule."+r.Code, "unav.name."+r.Analysis)
	}
	for _, c := range landscape.NoteCodes {
		keys = append(keys, "note."+c)
	}
	keys = append(keys, "note.what.recall", "note.what.precision")
	for _, c := range landscape.EvCodes {
		keys = append(keys, "note."+c)
	}
	for _, c := range landscape.RecWhyCodes {
		keys = append(keys, "rec.why."+c)
	}
	for _, c := range []string{"config", "publication", "filing_lag", "none"} {
		keys = append(keys, "cutoff."+c)
	}
	for _, c := range landscape.OwnerBases {
		keys = append(keys, "owner.basis."+c)
	}
	keys = append(keys, "owner.place", "owner.foreign", "owner.unknown")
	for _, c := range landscape.IndCodes {
		keys = append(keys, "ind."+c)
	}
	for _, c := range landscape.RegCodes {
		keys = append(keys, "reg.ind."+c)
	}
	for _, c := range indicators.FitFails {
		keys = append(keys, "fit."+c)
	}
	for _, k := range keys {
		p, ok := catalog[k]
		if !ok {
			t.Errorf("catalogue: no entry %q", k)
			continue
		}
		if !hasHan(p[0]) {
			t.Errorf("catalogue %q: zh text %q has no Chinese", k, p[0])
		}
		if p[1] == "" || hasHan(p[1]) {
			t.Errorf("catalogue %q: en text %q is empty or has Chinese prose", k, p[1])
		}
	}
	// Every Unavailable the macro builder can emit is worded without a ⟦missing⟧ key, in both
	// languages (a fit failure with each of the fitter's reasons).
	for _, lang := range []string{"zh", "en"} {
		l, _ := NewLocale(lang)
		var us []landscape.Unavailable
		for _, c := range landscape.Codes {
			if c == landscape.CodeFitFailed {
				continue // worded with each fitter reason below
			}
			us = append(us, landscape.Unavailable{Analysis: "trend.cagr", Code: c, Rule: landscape.MinGrowthEndYear.Code, N: 3, Min: 10})
		}
		for _, f := range indicators.FitFails {
			us = append(us, landscape.Unavailable{Analysis: "life_cycle.fit", Code: landscape.CodeFitFailed, N: 9, Detail: f})
		}
		for _, u := range us {
			if n, r := l.UnavailableText(u); strings.Contains(n+r, "⟦") || hasHan(r) != (lang == "zh") {
				t.Errorf("%s: code %s (%s) worded as %q / %q", lang, u.Code, u.Detail, n, r)
			}
		}
	}
}

// TestTermsComplete: every enumerated value the macro model can hold (phase labels, life-cycle
// stages, concentration bands, map quadrants, units) has a term in both languages, so that no
// code is shown raw. The values are the ones landscape and analysis define.
func TestTermsComplete(t *testing.T) {
	groups := map[string][]string{
		"phase":    {"rapid growth", "growth", "decline", "plateau"}, // landscape/phases.go phaseLabel
		"quadrant": {"motor", "niche", "emerging-or-declining", "basic", "undefined"},
		"unit":     {"family", "publication", "applicant", "inventor", "families", "applicants", "inventors", "share", "offices", "branches"},
		"band":     {"unconcentrated", "moderate", "high", "undefined"},
	}
	for _, s := range []indicators.Stage{indicators.StageEmerging, indicators.StageGrowth, indicators.StageMature, indicators.StageSaturated, indicators.StageDecline, indicators.StageUnclear} {
		groups["stage"] = append(groups["stage"], string(s))
	}
	for _, q := range []indicators.Quadrant{indicators.MotorThemes, indicators.NicheThemes, indicators.EmergingOrDecliningTheme, indicators.BasicThemes, indicators.QuadrantUndefined} {
		if !slices.Contains(groups["quadrant"], string(q)) {
			t.Errorf("quadrant %q is not in the list this test checks", q)
		}
	}
	for g, vs := range groups {
		for _, v := range vs {
			p, ok := terms[g+":"+v]
			if !ok || !hasHan(p[0]) || hasHan(p[1]) {
				t.Errorf("term %s:%s missing or not zh/en: %q", g, v, p)
			}
		}
	}
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
