package warning

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

// queries maps a query name ("-- name: x" in sql/*.sql) to its SQL text.
var queries = mustLoad(sqlFiles)

func mustLoad(fsys fs.FS) map[string]string {
	q, err := loadQueries(fsys)
	if err != nil {
		panic(err)
	}
	return q
}

// loadQueries splits every sql/*.sql file at its "-- name: x" lines.
func loadQueries(fsys fs.FS) (map[string]string, error) {
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

// q returns the named query; an unknown name is a programming error and panics.
func q(name string) string {
	s, ok := queries[name]
	if !ok {
		panic("warning: no query named " + name)
	}
	return s
}
