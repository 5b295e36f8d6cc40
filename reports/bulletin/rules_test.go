package bulletin

import (
	"strings"
	"testing"

	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/langtest"
)

// TestRuleText: every signal's severity rule is worded in both languages from its code and the
// signal's figures (no missing phrase, no prose of the other language), and the figures are the
// signal's: the reserve of branch pw is 0.02 against < 0.5, a factor 0.5/0.02 = 25; the surge's
// growth 3× against 2× and share gain +18 % against 5 %, the smaller factor 1.5; the core change
// is the fixture's lapse alive → lapsed of 2026-01-10.
func TestRuleText(t *testing.T) {
	b := fixture()
	names := langtest.Names(b)
	for _, s := range b.Signals {
		for _, lang := range []string{"zh", "en"} {
			got := RuleText(b, s, lang)
			if got == "" || strings.Contains(got, "⟦") || got == s.Rule {
				t.Errorf("%s %s: rule %q worded %q", s.Key, lang, s.Rule, got)
			}
			if w := langtest.Wrong(lang, got, names); len(w) > 0 {
				t.Errorf("%s %s: %q has the other language: %q", s.Key, lang, got, w)
			}
		}
	}
	want := map[string][2]string{
		"reserve:branch=pw": {"数值 0.02，阈值 < 0.5，超出倍数 25：严重", "value 0.02, threshold < 0.5, past it by a factor 25: severe"},
		"reserve:overall":   {"超出倍数 ∞", "past it by a factor ∞"},
		"surge:applicant=EVIL <b>:branch=pw": {"增长倍数 3×（阈值 ≥ 2×），占比上升 +18%（阈值 ≥ 5%）；取较小的超出倍数 1.5：警告",
			"growth 3× (threshold ≥ 2×) and share gain +18% (threshold ≥ 5%); the smaller factor 1.5 sets the level: warning"},
		"bubble:branch=pw":                              {"数值 4.8 未越过阈值 > 5，但在其 1.1 倍以内：提示", "value 4.8 is within a factor 1.1 of the threshold > 5: info"},
		"litigation:family=P064c":                       {"2 条诉讼记录；来源：国外：警告", "2 litigation records; origin foreign: warning"},
		"patent_change:pub=CN1:event=lapsed:new=lapsed": {"失效（alive → lapsed），2026-01-10 观测：警告", "lapsed (alive → lapsed), observed 2026-01-10: warning"},
	}
	for _, s := range b.Signals {
		w, ok := want[s.Key]
		if !ok {
			continue
		}
		delete(want, s.Key)
		for i, lang := range []string{"zh", "en"} {
			if got := RuleText(b, s, lang); !strings.Contains(got, w[i]) {
				t.Errorf("%s %s: %q lacks %q", s.Key, lang, got, w[i])
			}
		}
	}
	for k := range want {
		t.Errorf("fixture has no signal %s", k)
	}
	for _, r := range warning.Rules {
		if !has("rule:"+r) || !has("why:"+r) {
			t.Errorf("rule %s has no words", r)
		}
	}
}
