package enterprise

import (
	"github.com/patnav/patnav/reports"
)

// tr returns the enterprise page's phrase for key (namespace "enterprise." of the reports
// catalogue, reports/catalog_enterprise.go) in l's language with {name} placeholders replaced;
// keys not found there come from the macro entries (which render unknown keys as ⟦key⟧).
func tr(l reports.Locale, key string, pairs ...string) string {
	if reports.HasText("enterprise." + key) {
		return reports.Text(l.Lang, "enterprise."+key, pairs...)
	}
	return l.T(key, pairs...)
}

// term translates an enumerated value with the enterprise entries ("group:value"), else the
// reports package's terms, else returns the value.
func term(l reports.Locale, group, value string) string {
	if reports.HasText("enterprise." + group + ":" + value) {
		return reports.Text(l.Lang, "enterprise."+group+":"+value)
	}
	return l.Term(group, value)
}
