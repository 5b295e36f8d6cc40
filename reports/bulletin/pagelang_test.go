package bulletin

import (
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// TestPageLanguage: the zh bulletin (HTML and Markdown) has no English prose and the en bulletin
// no Chinese prose, outside the names, codes, keywords and titles the bulletin holds; the
// allow-list is empty: every rule, reason and caveat is a code worded by the reports catalogue.
func TestPageLanguage(t *testing.T) {
	b := fixture()
	names := langtest.Names(b)
	for _, lang := range []string{"zh", "en"} {
		h, md := render(t, b, lang)
		langtest.Check(t, "bulletin html", lang, h, names, nil)
		langtest.Check(t, "bulletin md", lang, md, names, nil)
	}
}
