package reports

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/patnav/patnav/landscape/enterprise"
)

var notePlaceholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestEnterpriseNotes: every code the enterprise model can emit (enterprise.NoteCodes) has a zh and
// an en sentence; the zh sentence is Chinese and the en sentence has no Chinese; both name the
// same placeholders; and the catalogue holds no code the model cannot emit (a stale entry).
func TestEnterpriseNotes(t *testing.T) {
	if len(enterprise.NoteCodes) < 30 {
		t.Fatalf("only %d note codes listed", len(enterprise.NoteCodes))
	}
	seen := map[string]bool{}
	for _, code := range enterprise.NoteCodes {
		if seen[code] {
			t.Errorf("%s listed twice in NoteCodes", code)
		}
		seen[code] = true
		p, ok := enterpriseNotes[code]
		if !ok {
			t.Errorf("%s: no text in the catalogue", code)
			continue
		}
		zh, en := p[0], p[1]
		if strings.TrimSpace(zh) == "" || strings.TrimSpace(en) == "" {
			t.Errorf("%s: empty text: zh %q en %q", code, zh, en)
		}
		if !strings.ContainsFunc(zh, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: the zh text has no Chinese: %q", code, zh)
		}
		if strings.ContainsFunc(en, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
			t.Errorf("%s: the en text has Chinese: %q", code, en)
		}
		if pz, pe := notePlaces(zh), notePlaces(en); !slices.Equal(pz, pe) {
			t.Errorf("%s: placeholders differ: zh %v, en %v", code, pz, pe)
		}
	}
	for code := range enterpriseNotes {
		if !seen[code] {
			t.Errorf("%s: in the catalogue but not in enterprise.NoteCodes", code)
		}
	}
}

func notePlaces(s string) []string {
	ps := notePlaceholder.FindAllString(s, -1)
	sort.Strings(ps)
	return slices.Compact(ps)
}
