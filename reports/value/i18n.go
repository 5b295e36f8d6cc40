package value

import "github.com/patnav/patnav/reports"

// tr returns the value page's phrase for key (namespace "value." of the reports catalogue,
// reports/catalog_value.go) in lang, {name} placeholders replaced by the pairs.
func tr(lang, key string, pairs ...string) string {
	return reports.Text(lang, "value."+key, pairs...)
}
