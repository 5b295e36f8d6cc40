package enterprise

import (
	"embed"

	"github.com/patnav/patnav/analysis"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// queries maps a query name ("-- name: x" in sql/*.sql) to its SQL text.
var queries = analysis.MustLoadQueries(sqlFiles)

// q returns the named query; an unknown name is a programming error and panics.
func q(name string) string {
	s, ok := queries[name]
	if !ok {
		panic("enterprise: no query named " + name)
	}
	return s
}
