package enterprise

import (
	"testing"

	"github.com/patnav/patnav/reports/langtest"
)

// known lists the wrong-language prose the Acme fixture's pages still show, each entry naming the
// model text that has to become a typed code worded by a catalogue (issue #15 item 4). The test
// fails on any run not listed here and on any entry that no longer occurs.
var known = map[langtest.Known]string{
	// basis: the section Basis/method notes are English strings built in landscape/enterprise
	{"zh", "names normalised with applicant"}:                                            "basis",
	{"zh", "Normalize and the thesaurus, matched against the lake"}:                      "basis",
	{"zh", "all years in scope"}:                                                         "basis",
	{"zh", "raw spellings counted in publications"}:                                      "basis",
	{"zh", "matches no applicant in scope"}:                                              "basis",
	{"zh", "per family with"}:                                                            "basis",
	{"zh", "document types, status and grants: whole"}:                                   "basis",
	{"zh", "owns; share of the"}:                                                         "basis",
	{"zh", "with applicants; momentum"}:                                                  "basis",
	{"zh", "count in start year"}:                                                        "basis",
	{"zh", "growth from zero is undefined"}:                                              "basis",
	{"zh", "fractional counting; RTA"}:                                                   "basis",
	{"zh", "over the branches of one level"}:                                             "basis",
	{"zh", "share of the branch"}:                                                        "basis",
	{"zh", "core patents held"}:                                                          "basis",
	{"zh", "of the industry by quality"}:                                                 "basis",
	{"zh", "family counts at every office where it has an in"}:                           "basis",
	{"zh", "scope publication; industry share"}:                                          "basis",
	{"zh", "at the office"}:                                                              "basis",
	{"zh", "style quality index"}:                                                        "basis",
	{"zh", "as in the macro navigation"}:                                                 "basis",
	{"zh", "max normalised within priority"}:                                             "basis",
	{"zh", "subclass cohorts, top"}:                                                      "basis",
	{"zh", "computed once for all"}:                                                      "basis",
	{"zh", "deciles of the industry"}:                                                    "basis",
	{"zh", "forward citations within"}:                                                   "basis",
	{"zh", "citations resolved inside the lake"}:                                         "basis",
	{"zh", "where the source counts them"}:                                               "basis",
	{"zh", "filing to grant, shorter is better"}:                                         "basis",
	{"zh", "distinct IPC subclasses; reported, not in the index"}:                        "basis",
	{"zh", "the sources in scope carry no claim counts"}:                                 "basis",
	{"zh", "applicants: other applicants on its"}:                                        "basis",
	{"zh", "names that are not its own"}:                                                 "basis",
	{"zh", "share of its"}:                                                               "basis",
	{"zh", "naming at least one of its top"}:                                             "basis",
	{"zh", "moderate, below low"}:                                                        "basis",
	{"zh", "expiry: the source"}:                                                         "basis",
	{"zh", "date, else earliest filing"}:                                                 "basis",
	{"zh", "an estimate that ignores fee lapses and extensions; expiring"}:               "basis",
	{"zh", "or status unknown"}:                                                          "basis",
	{"zh", "and expiring between the cut"}:                                               "basis",
	{"zh", "or status unknown with the term over; lists ranked by quality"}:              "basis",
	{"zh", "the same measures for the"}:                                                  "basis",
	{"zh", "share, CAGR and momentum; shares of whole"}:                                  "basis",
	{"zh", "for inventions, grants and"}:                                                 "basis",
	{"zh", "quality mean and top"}:                                                       "basis",
	{"zh", "decile share; core patents; top"}:                                            "basis",
	{"zh", "inventor share; leaf"}:                                                       "basis",
	{"zh", "branch matrix in fractional"}:                                                "basis",
	{"zh", "citing family, cited family"}:                                                "basis",
	{"zh", "pairs between the"}:                                                          "basis",
	{"zh", "and its competitors, both in scope; citations resolved through citations"}:   "basis",
	{"zh", "pairs among all entities of the run"}:                                        "basis",
	{"zh", "fractional counting; industry counts are"}:                                   "basis",
	{"zh", "with at least one applicant"}:                                                "basis",
	{"zh", "in its core branches"}:                                                       "basis",
	{"zh", "its largest leaf branches covering"}:                                         "basis",
	{"zh", "of its leaf"}:                                                                "basis",
	{"zh", "branch assignments, at most"}:                                                "basis",
	{"zh", "held by others, quality"}:                                                    "basis",
	{"zh", "th percentile, and possibly in force"}:                                       "basis",
	{"zh", "or status unknown with the nominal term not over"}:                           "basis",
	{"zh", "unknown, then by quality, core branches overlapped, offices and the source"}: "basis",
	// unavailable: an enterprise Unavailable carries an English Detail sentence (landscape/enterprise)
	{"zh", "need the classes of citing and cited patents resolved inside the lake; not computed in this version"}: "unavailable",
}

// TestPageLanguage: the zh enterprise page has no English prose and the en page no Chinese
// prose, outside the names, codes, keywords and titles the model holds, except the listed ones.
func TestPageLanguage(t *testing.T) {
	e := fixture(t)
	names := langtest.Names(e)
	for _, lang := range []string{"zh", "en"} {
		_, md := render(t, e, lang, Options{})
		langtest.Check(t, "enterprise", lang, md, names, known)
	}
}
