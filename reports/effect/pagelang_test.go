package effect

import (
	"bytes"
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// TestPageLanguage: the zh effect-tracking page has no English prose and the en page no Chinese
// prose, outside the names, codes, keywords and titles the model holds (langtest.Names); the
// allow-list is empty: every reason and caveat is a code worded by the reports catalogue.
func TestPageLanguage(t *testing.T) {
	m := fixture()
	names := langtest.Names(m)
	for _, lang := range []string{"zh", "en"} {
		var h, md bytes.Buffer
		if err := HTML(&h, m, lang); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&md, m, lang); err != nil {
			t.Fatal(err)
		}
		langtest.Check(t, "effect html", lang, h.String(), names, nil)
		langtest.Check(t, "effect md", lang, md.String(), names, nil)
	}
}
