package reports

import "fmt"

// The macro report's headings and fixed phrases (i18n.go: phrases) join the catalogue without a
// namespace, its term tables (terms) under "term.".
func init() {
	addPhrases("", phrases)
	addPhrases("term.", terms)
}

// addPhrases merges a report's entries into the one catalogue under the namespace ns (e.g.
// "bulletin."). A key defined twice is a programming error and panics at start-up, so every test
// catches it.
func addPhrases(ns string, table map[string][2]string) {
	for k, p := range table {
		key := ns + k
		if _, dup := catalog[key]; dup {
			panic(fmt.Sprintf("reports: catalogue key %q defined twice", key))
		}
		catalog[key] = p
	}
}

// Text returns the catalogue's zh or en sentence for key (namespaced: "bulletin.title",
// "effect.r.no_region", …) with its {name} placeholders replaced by the name/value pairs. A
// missing key renders as ⟦key⟧ (the tests look for it). Every report outside this package reads
// its words through it.
func Text(lang, key string, pairs ...string) string {
	return Phrase(catalog, lang, key, pairs...)
}

// HasText reports whether the catalogue has key.
func HasText(key string) bool {
	_, ok := catalog[key]
	return ok
}
