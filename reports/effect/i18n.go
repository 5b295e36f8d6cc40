package effect

import "github.com/patnav/patnav/reports"

// tr returns the effect page's phrase for key (namespace "effect." of the reports catalogue,
// reports/catalog_effect.go) in lang, {name} placeholders replaced by the pairs.
func tr(lang, key string, pairs ...string) string {
	return reports.Text(lang, "effect."+key, pairs...)
}
