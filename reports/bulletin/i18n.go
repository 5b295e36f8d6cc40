package bulletin

import (
	"github.com/patnav/patnav/reports"
)

// ns is the bulletin's namespace in the reports catalogue (reports/catalog_bulletin.go), which
// holds every heading, fixed phrase and code word of the bulletin. (Phrases shared with the other
// reports — n/a, none, data table, the incomplete-year note, the footer — come from
// reports.Locale.)
const ns = "bulletin."

// tr returns the bulletin's phrase for key in lang with {name} placeholders replaced by the given
// name/value pairs. A missing key renders as ⟦bulletin.key⟧ (the tests look for it).
func tr(lang, key string, pairs ...string) string {
	return reports.Text(lang, ns+key, pairs...)
}

// has reports whether the catalogue has the bulletin's key.
func has(key string) bool { return reports.HasText(ns + key) }
