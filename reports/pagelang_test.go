package reports

import (
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// macroKnown is the allow-list of wrong-language prose on the macro pages. It is empty and must
// stay empty: every sentence of the macro model is a typed code worded by the catalogue
// (catalog.go, catalog_macro.go), so a run of English on the zh page or of Chinese on the en
// page outside names, codes, keywords and titles is a bug to fix, not an entry to add.
var macroKnown = map[langtest.Known]string{}

// TestMacroPageLanguage: the zh macro page (Markdown and HTML) has no English prose and the en
// page no Chinese prose, outside the names, codes, keywords and titles the model holds
// (langtest.Names).
func TestMacroPageLanguage(t *testing.T) {
	m := FixtureMacro()
	names := langtest.Names(m)
	for _, lang := range []string{"zh", "en"} {
		langtest.Check(t, "macro md", lang, mustRender(t, renderMD, m, lang), names, macroKnown)
		langtest.Check(t, "macro html", lang, mustRender(t, renderHTML, m, lang), names, macroKnown)
	}
}
