package bulletin

import (
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// TestPageLanguage: the zh bulletin has no English prose and the en bulletin no Chinese prose,
// outside the names, codes, keywords and titles the bulletin holds (its reasons are worded by
// this package's table in each language).
func TestPageLanguage(t *testing.T) {
	b := fixture()
	names := langtest.Names(b)
	for _, lang := range []string{"zh", "en"} {
		_, md := render(t, b, lang)
		langtest.Check(t, "bulletin", lang, md, names, nil)
	}
}
