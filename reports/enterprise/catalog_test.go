package enterprise

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode"

	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
)

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestCatalogComplete: every code the enterprise model can emit (model.NoteCodes) has a zh and
// an en sentence; the zh sentence is Chinese and the en sentence has no Chinese; both name the
// same placeholders; and the catalogue holds no code the model cannot emit (a stale entry).
func TestCatalogComplete(t *testing.T) {
	if len(model.NoteCodes) < 30 {
		t.Fatalf("only %d note codes listed", len(model.NoteCodes))
	}
	seen := map[string]bool{}
	for _, code := range model.NoteCodes {
		if seen[code] {
			t.Errorf("%s listed twice in NoteCodes", code)
		}
		seen[code] = true
		p, ok := catalog[code]
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
		if pz, pe := places(zh), places(en); !slices.Equal(pz, pe) {
			t.Errorf("%s: placeholders differ: zh %v, en %v", code, pz, pe)
		}
	}
	for code := range catalog {
		if !seen[code] {
			t.Errorf("%s: in the catalogue but not in model.NoteCodes", code)
		}
	}
}

// TestNotesWorded: every note of the Acme fixture is worded in both languages with every
// placeholder filled (no ⟦code⟧ for a missing code, no {key} for a missing argument).
func TestNotesWorded(t *testing.T) {
	e := fixture(t)
	var ns []model.Note
	for _, b := range []model.Basis{e.Match.Basis, e.Portfolio.Basis, e.BranchBasis, e.Markets.Basis, e.Quality.Basis, e.Partners.Basis,
		e.Inventors.Basis, e.Expiry.Basis, e.Benchmark.Basis, e.Citations.Basis, e.Layout.Basis, e.Watch.Basis} {
		if len(b.Notes) == 0 {
			t.Errorf("a basis without notes: %+v", b)
		}
		ns = append(ns, b.Notes...)
	}
	ns = append(ns, e.Layout.Rule)
	ns = append(ns, e.Limitations...)
	for _, it := range e.Watch.Items {
		ns = append(ns, it.Why...)
	}
	for _, r := range e.Recommendations {
		ns = append(ns, r.Why)
	}
	codes := map[string]bool{}
	for _, lang := range []string{"zh", "en"} {
		l, err := reports.NewLocale(lang)
		if err != nil {
			t.Fatal(err)
		}
		b := &pageBuilder{l: l, e: e, branches: e.Branches}
		for _, n := range ns {
			codes[n.Code] = true
			s := b.note(n)
			if s == "" || strings.Contains(s, "⟦") || placeholder.MatchString(s) {
				t.Errorf("%s %s: %q", lang, n.Code, s)
			}
		}
	}
	// The fixture exercises every kind of note: bases, the rule, limitations, watch reasons and
	// the five recommendation kinds.
	if len(codes) < 25 {
		t.Errorf("the fixture's notes use only %d codes: %v", len(codes), codes)
	}
}

func places(s string) []string {
	ps := placeholder.FindAllString(s, -1)
	sort.Strings(ps)
	return slices.Compact(ps)
}
