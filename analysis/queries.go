// Package analysis runs the navigation analyses: SQL in embedded .sql files executed by DuckDB over
// the lake (through internal/duck), and statistics in Go (analysis/indicators, gonum). Values are
// always bound parameters; only identifiers the package itself controls appear in SQL text.
//
// Every query of every model lives under sql/<model>/*.sql (scope, macro, cluster, enterprise,
// warning), named by a "-- name: x" line; names are unique across all files. A query that returns
// rows is declared once as a Query[T] (queries_<model>.go), and its rows are scanned into T by
// column name (`db:"col"` tags, see duck.Binding); statements (CREATE, INSERT, scripts) run by
// name with Session.Exec.
package analysis

import (
	"bufio"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/duck"
)

//go:embed sql
var sqlFiles embed.FS

// queries maps a query name ("-- name: x" in a .sql file) to its SQL text, queryFile to the file.
var queries, queryFile = mustLoadQueries(sqlFiles)

// rowTypes maps the name of every query declared with NewQuery to its row type.
var rowTypes = map[string]reflect.Type{}

func mustLoadQueries(fsys fs.FS) (map[string]string, map[string]string) {
	q, f, err := loadQueries(fsys)
	if err != nil {
		panic(err)
	}
	return q, f
}

// QueryModel is the model of a query: the folder of its file under sql/.
func QueryModel(name string) string { return path.Base(path.Dir(queryFile[name])) }

// loadQueries splits every .sql file under fsys's sql/ folder at its "-- name: x" lines into
// named queries, and returns each query's SQL and file; a name defined twice (in any two files) is
// an error.
func loadQueries(fsys fs.FS) (sqls, files map[string]string, err error) {
	out := map[string]string{}
	where := map[string]string{}
	var paths []string
	err = fs.WalkDir(fsys, "sql", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && path.Ext(p) == ".sql" {
			paths = append(paths, p)
		}
		return err
	})
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(paths)
	for _, f := range paths {
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, nil, err
		}
		name := ""
		var body strings.Builder
		flush := func() error {
			if name == "" {
				return nil
			}
			if prev, dup := where[name]; dup {
				return fmt.Errorf("%s: query %q already defined in %s", f, name, prev)
			}
			out[name], where[name] = strings.TrimSpace(body.String()), f
			body.Reset()
			return nil
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(strings.TrimSpace(line), "-- name:"); ok {
				if err := flush(); err != nil {
					return nil, nil, err
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
			return nil, nil, err
		}
	}
	return out, where, nil
}

// Q returns the named query's SQL; an unknown name is a programming error and panics.
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

// RowType returns the row type declared for a query with NewQuery (nil for a statement).
func RowType(name string) reflect.Type { return rowTypes[name] }

// Query is a named query whose rows scan into T by column name.
type Query[T any] struct{ name string }

// NewQuery declares that the rows of the named query scan into T. It is called once per query
// when the package initialises; an unknown name or a second declaration panics (a build bug).
func NewQuery[T any](name string) Query[T] {
	if _, ok := queries[name]; !ok {
		panic("analysis: no query named " + name)
	}
	if _, dup := rowTypes[name]; dup {
		panic("analysis: query " + name + " declared twice")
	}
	rowTypes[name] = reflect.TypeFor[T]()
	return Query[T]{name: name}
}

// Name is the query's name.
func (q Query[T]) Name() string { return q.name }

// Each runs the query with bound arguments and calls fn with every row, recording its time in the
// session. fn gets a copy of the row.
func (q Query[T]) Each(ctx context.Context, s *Session, fn func(T) error, args ...any) error {
	return q.run(ctx, s, duck.Scan[T], fn, args)
}

// Feed is Each for a large result read once in no particular order (duck.Feed): fn gets the
// rows as DuckDB produces them, under a lock, from DuckDB's threads, in an order that varies.
func (q Query[T]) Feed(ctx context.Context, s *Session, fn func(T) error, args ...any) error {
	return q.run(ctx, s, duck.Feed[T], fn, args)
}

// run reads the query with read (duck.Scan or duck.Feed) and records its time in the session.
func (q Query[T]) run(ctx context.Context, s *Session, read func(context.Context, *duck.DB, string, func(T) error, ...any) error, fn func(T) error, args []any) error {
	start := time.Now()
	if err := read(ctx, s.DB, Q(q.name), fn, args...); err != nil {
		return fmt.Errorf("analysis %s: %w", q.name, err)
	}
	s.RecordTiming(q.name, start)
	return nil
}

// All runs the query and returns every row.
func (q Query[T]) All(ctx context.Context, s *Session, args ...any) ([]T, error) {
	var out []T
	err := q.Each(ctx, s, func(r T) error { out = append(out, r); return nil }, args...)
	return out, err
}

// One runs a query that returns exactly one row (an aggregate) and returns it.
func (q Query[T]) One(ctx context.Context, s *Session, args ...any) (T, error) {
	rows, err := q.All(ctx, s, args...)
	if err != nil {
		var zero T
		return zero, err
	}
	if len(rows) != 1 {
		var zero T
		return zero, fmt.Errorf("analysis %s: %d rows, want exactly one", q.name, len(rows))
	}
	return rows[0], nil
}

// CheckQueries prepares every embedded query on the session's database (whose scope, model and
// temporary tables must exist) without running it, and checks that each query returning rows has
// a row type declared with NewQuery whose db-tagged fields match its columns one to one, with
// convertible types. Scripts of several statements cannot be prepared and are skipped. models
// (folders of sql/: "scope", "macro", …) limits the check to their queries; none means all. It
// returns every problem found, each naming the query.
func CheckQueries(ctx context.Context, s *Session, models ...string) []error {
	var errs []error
	for _, name := range QueryNames() {
		if len(models) > 0 && !slices.Contains(models, QueryModel(name)) {
			continue
		}
		d, err := s.DB.Describe(ctx, Q(name))
		if err != nil {
			if !isScript(err) {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
			continue
		}
		t := rowTypes[name]
		switch {
		case d.Select && t == nil:
			errs = append(errs, fmt.Errorf("%s: returns rows but has no row type (declare it with NewQuery)", name))
		case !d.Select && t != nil:
			errs = append(errs, fmt.Errorf("%s: declared with row type %s but is not a SELECT", name, t))
		case t != nil:
			if err := duck.Check(t, d.Columns); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", name, err))
			}
		}
	}
	return errs
}

// MakeStepTables makes the tables that some queries read from an earlier step of their own
// model, so that CheckQueries can prepare those queries on a session whose models did not take
// the steps: fe_app (family_apps; dropped once the families are resolved) for family_edges, the
// quality tables (PrepareQuality) for quality_base, fam_inv (PrepareInventors) for the inventor
// queries, and cl_pos (cluster_doc_pos) for the map's two reads (cl_group is made with the
// scope of a session with the map).
func (s *Session) MakeStepTables(ctx context.Context) error {
	if err := s.exec(ctx, "family_apps"); err != nil {
		return err
	}
	if err := s.PrepareInventors(ctx); err != nil {
		return err
	}
	if err := s.PrepareQuality(ctx, s.Cfg.Analysis.CitationWindow); err != nil {
		return err
	}
	return s.exec(ctx, "cluster_doc_pos")
}

func isScript(err error) bool { return errors.Is(err, duck.ErrNotPreparable) }
