// Package analysis runs the navigation analyses: SQL in embedded .sql files executed by DuckDB over
// the lake (through internal/duck), and statistics in Go (analysis/indicators, gonum). Values are
// always bound parameters; only identifiers the package itself controls appear in SQL text.
package analysis

import (
	"bufio"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
)

//go:embed sql/*.sql
var sqlFiles embed.FS

// queries maps a query name ("-- name: x" in a .sql file) to its SQL text.
var queries = MustLoadQueries(sqlFiles)

// MustLoadQueries is LoadQueries for embedded files, panicking on an error (a build-time bug).
func MustLoadQueries(fsys fs.FS) map[string]string {
	q, err := LoadQueries(fsys)
	if err != nil {
		panic(err)
	}
	return q
}

// LoadQueries splits every sql/*.sql file of fsys at its "-- name: x" lines into named queries.
// Other packages with their own embedded SQL use it too.
func LoadQueries(fsys fs.FS) (map[string]string, error) {
	out := map[string]string{}
	files, err := fs.Glob(fsys, "sql/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, err
		}
		name := ""
		var body strings.Builder
		flush := func() error {
			if name == "" {
				return nil
			}
			if _, dup := out[name]; dup {
				return fmt.Errorf("%s: query %q defined twice", f, name)
			}
			out[name] = strings.TrimSpace(body.String())
			body.Reset()
			return nil
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
				if err := flush(); err != nil {
					return nil, err
				}
				name = strings.TrimSpace(n)
				continue
			}
			if name != "" {
				body.WriteString(line)
				body.WriteString("\n")
			}
		}
		if err := flush(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Q returns the named query; an unknown name is a programming error and panics.
func Q(name string) string {
	s, ok := queries[name]
	if !ok {
		panic("analysis: no query named " + name)
	}
	return s
}

// QueryNames lists every embedded query name, sorted.
func QueryNames() []string {
	names := make([]string, 0, len(queries))
	for n := range queries {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
