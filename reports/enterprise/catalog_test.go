package enterprise

import (
	"regexp"
	"strings"
	"testing"

	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
)

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

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
