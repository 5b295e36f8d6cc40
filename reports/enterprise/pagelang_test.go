package enterprise

import (
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// TestPageLanguage: the zh enterprise page has no English prose and the en page no Chinese
// prose, outside the names, codes, keywords and titles the model holds (issue #15 item 4). Both
// the HTML and the Markdown page are checked. There is no allow-list, and there must not be one
// again: the model carries codes and numbers (model.Note, landscape.Unavailable), and the
// catalogues word them; a run of wrong-language prose is a bug to fix at its source.
func TestPageLanguage(t *testing.T) {
	e := fixture(t)
	for _, lang := range []string{"zh", "en"} {
		names := langtest.NamesIn(e, lang)
		html, md := render(t, e, lang, Options{})
		langtest.Check(t, "enterprise (Markdown)", lang, md, names, nil)
		langtest.Check(t, "enterprise (HTML)", lang, html, names, nil)
	}
}
