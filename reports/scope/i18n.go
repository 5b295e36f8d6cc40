package scope

import (
	"github.com/patnav/patnav/reports"
)

// tr returns the scope page's phrase for key: namespace "scope." of the reports catalogue
// (reports/catalog_scope.go), else the macro report's phrase of that key (shared headings).
func tr(l reports.Locale, key string, pairs ...string) string {
	if reports.HasText("scope." + key) {
		return reports.Text(l.Lang, "scope."+key, pairs...)
	}
	return l.T(key, pairs...)
}
