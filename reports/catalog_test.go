package reports

import (
	"strings"
	"testing"
	"unicode"

	"github.com/patnav/patnav/landscape"
)

// TestCatalogComplete: every reason code, minimum-data rule and cut-off source of the models has
// a sentence in both languages; the zh sentence is Chinese prose and the en one has no Han
// characters outside the field names it quotes (国省代码).
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
	for _, k := range keys {
		p, ok := catalog[k]
		if !ok {
			t.Errorf("catalogue: no entry %q", k)
			continue
		}
		if !hasHan(p[0]) {
			t.Errorf("catalogue %q: zh text %q has no Chinese", k, p[0])
		}
		if p[1] == "" || hasHan(strings.ReplaceAll(p[1], "国省代码", "")) {
			t.Errorf("catalogue %q: en text %q is empty or has Chinese prose", k, p[1])
		}
	}
	// Every Unavailable the macro builder can emit is worded without a ⟦missing⟧ key.
	zh, _ := NewLocale("zh")
	for _, c := range landscape.Codes {
		u := landscape.Unavailable{Analysis: "trend.cagr", Code: c, Rule: landscape.MinGrowthEndYear.Code, N: 3, Min: 10}
		if n, r := zh.UnavailableText(u); strings.Contains(n+r, "⟦") || !hasHan(r) {
			t.Errorf("code %s worded as %q / %q", c, n, r)
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
