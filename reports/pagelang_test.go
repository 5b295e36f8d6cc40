package reports

import (
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// macroKnown lists the wrong-language prose the fixture's macro pages still show, each entry
// naming the model text that has to become a typed code worded by catalog.go (issue #15 item 4).
// The test fails on any run not listed here and on any entry that no longer occurs. Not covered
// here: the warning bulletin's reasons (reports/bulletin words them with its own table; its test
// finds no wrong-language prose on the fixture's pages).
var macroKnown = map[langtest.Known]string{
	// basis: section Basis.Note strings are English, built in landscape
	{"zh", "priority year of the earliest priority"}:          "basis",
	{"zh", "cumulative families, complete years only"}:        "basis",
	{"zh", "by address or"}:                                   "basis",
	{"zh", "family counts in every branch it is tagged with"}: "basis",
	{"zh", "inventor names normalised by spelling only"}:      "basis",
	{"zh", "status of the family"}:                            "basis",
	{"zh", "most recent member"}:                              "basis",
	{"zh", "year citation window"}:                            "basis",
	// regional: regional positioning findings are English strings built in landscape/macro_regional.go
	{"zh", "located in Shenzhen by address"}: "regional",
	{"zh", "share of flight"}:                "regional",
	// (not covered by this fixture, which has no Map: the map's cluster Why and white-space Why,
	// English sentences from analysis/cluster shown in reports/mapsvg, still need typed reasons)
	// fixture: reports/fixture_test.go lists three untyped Unavailable entries (Reason without
	// Code: legal.pendency, technology.emergence, clustering); give them codes
	{"zh", "complete periods for the subclasses"}: "fixture",
	{"zh", "grant dates missing for"}:             "fixture",
	{"zh", "disabled in the config"}:              "fixture",
	// geography basis: Basis.Note names the CNIPA field 国省代码 inside English prose
	{"en", "国省代码"}: "geography basis",
}

// TestMacroPageLanguage: the zh macro page has no English prose and the en page no Chinese prose,
// outside the names, codes, keywords and titles the model holds (langtest.Names), except the
// known, listed offenders.
func TestMacroPageLanguage(t *testing.T) {
	m := FixtureMacro()
	names := langtest.Names(m)
	for _, lang := range []string{"zh", "en"} {
		langtest.Check(t, "macro", lang, mustRender(t, renderMD, m, lang), names, macroKnown)
	}
}
