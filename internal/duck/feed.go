package duck

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/duckdb/duckdb-go/v2"
)

// Feed is Scan for a large result that is read once, in no particular order: fn gets the rows
// while DuckDB produces them, instead of after DuckDB has materialised the whole result (the
// driver always runs a query to its end before handing over the first row: on the 10M-family
// lake the map's documents, every family's texts, were a result of gigabytes held by DuckDB).
//
// The rows reach Go through a scalar function (feedFunc) that the query's columns are passed to,
// in SELECT count(patnav_feed(token, col1, col2 …)) FROM (query): DuckDB calls it for every chunk
// of rows as its operators emit them, from each of its threads. fn is called under a lock, one
// row at a time; rows arrive in DuckDB's pipeline order, which varies with its threads, so fn
// must not depend on it. An error from fn ends the query, and Feed returns that error, as it
// returns a panic in fn as an error (fn runs on DuckDB's threads, where a panic could not reach
// Feed's caller). fn must not use the DB: the query holds its one connection.
//
// When DuckDB fails with its out-of-memory error before fn has had a row, Feed trims DuckDB's
// buffer and runs the query once more (see Exec). query must be one SELECT statement.
func Feed[T any](ctx context.Context, d *DB, query string, fn func(T) error, args ...any) error {
	return d.readAgain(ctx, func() (int, error) { return feedOnce(ctx, d, query, fn, args...) })
}

// feedFuncName is the scalar function Feed registers on a DB's connection.
const feedFuncName = "patnav_feed"

// feeds holds the sinks of the Feed calls running, by token (the first argument of feedFunc).
var (
	feeds     sync.Map // int64 → *feedSink
	feedToken atomic.Int64
)

// feedSink is one Feed call's end of the scalar function: the binding of the query's columns to
// the row type, and the consumer.
type feedSink struct {
	ctx  context.Context
	mu   sync.Mutex
	n    int   // rows given to put
	err  error // put's first error: the query's end
	put  func(vals []any) error
	vals []any
}

// take converts one row of the function's arguments (the token first) and hands it on.
func (s *feedSink) take(args []driver.Value) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return s.err
	}
	if s.n%4096 == 0 {
		if err := s.ctx.Err(); err != nil {
			s.err = err
			return err
		}
	}
	for i := range s.vals {
		s.vals[i] = args[i+1]
	}
	s.n++
	if err := s.call(); err != nil {
		s.err = err
		return err
	}
	return nil
}

// call hands the row in vals to put, a panic in it turned into an error.
func (s *feedSink) call() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("feed: row %d: panic: %v", s.n, r)
		}
	}()
	return s.put(s.vals)
}

// feedOnce is Feed without the retry; n counts the rows fn had.
func feedOnce[T any](ctx context.Context, d *DB, query string, fn func(T) error, args ...any) (n int, err error) {
	if err := d.registerFeed(ctx); err != nil {
		return 0, err
	}
	query = strings.TrimRight(strings.TrimSpace(query), ";")
	desc, err := d.Describe(ctx, query)
	if err != nil {
		return 0, err
	}
	if !desc.Select {
		return 0, fmt.Errorf("feed: not a SELECT")
	}
	b, err := Bind(reflect.TypeFor[T](), desc.Columns)
	if err != nil {
		return 0, err
	}
	var row T
	dst := reflect.ValueOf(&row).Elem()
	sink := &feedSink{ctx: ctx, vals: make([]any, len(desc.Columns))}
	sink.put = func(vals []any) error {
		if err := b.store(dst, vals); err != nil {
			return fmt.Errorf("row %d: %w", sink.n, err)
		}
		return fn(row)
	}
	token := feedToken.Add(1)
	feeds.Store(token, sink)
	defer feeds.Delete(token)

	cols := make([]string, len(desc.Columns))
	for i, c := range desc.Columns {
		cols[i] = `q."` + strings.ReplaceAll(c.Name, `"`, `""`) + `"`
	}
	// The query on lines of its own: a comment on its last line ends there.
	wrapped := fmt.Sprintf("SELECT count(%s(%d, %s)) FROM (\n%s\n) AS q", feedFuncName, token, strings.Join(cols, ", "), query)
	var got int64
	qerr := d.sql.QueryRowContext(ctx, wrapped, args...).Scan(&got)
	sink.mu.Lock()
	defer sink.mu.Unlock()
	if sink.err != nil {
		return sink.n, sink.err // fn's own error, or the context's
	}
	if qerr != nil {
		return sink.n, qerr
	}
	if got != int64(sink.n) {
		return sink.n, fmt.Errorf("feed: DuckDB counted %d rows, %d reached Go", got, sink.n)
	}
	return sink.n, nil
}

// registerFeed registers feedFunc on the DB's connection, once (a failed registration is tried
// again by the next Feed).
func (d *DB) registerFeed(ctx context.Context) error {
	d.feedMu.Lock()
	defer d.feedMu.Unlock()
	if d.feedOK {
		return nil
	}
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	defer conn.Close()
	if err := duckdb.RegisterScalarUDF(conn, feedFuncName, feedFunc{}); err != nil {
		return fmt.Errorf("feed: %w", err)
	}
	d.feedOK = true
	return nil
}

// feedFunc is the scalar function patnav_feed(token BIGINT, ANY …) → BOOLEAN: it hands its
// arguments after the token to the sink of that token and returns true. Volatile, so that DuckDB
// calls it for every row; with its own NULL handling, so that it is called for rows with NULLs.
type feedFunc struct{}

var errNoFeed = errors.New("feed: no such token")

func (feedFunc) Config() duckdb.ScalarFuncConfig {
	bigint, _ := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	anyType, _ := duckdb.NewTypeInfo(duckdb.TYPE_ANY)
	boolean, _ := duckdb.NewTypeInfo(duckdb.TYPE_BOOLEAN)
	return duckdb.ScalarFuncConfig{
		InputTypeInfos:      []duckdb.TypeInfo{bigint},
		VariadicTypeInfo:    anyType,
		ResultTypeInfo:      boolean,
		Volatile:            true,
		SpecialNullHandling: true,
	}
}

func (feedFunc) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{RowExecutor: func(args []driver.Value) (any, error) {
		token, _ := args[0].(int64)
		s, ok := feeds.Load(token)
		if !ok {
			return nil, errNoFeed
		}
		if err := s.(*feedSink).take(args); err != nil {
			return nil, err
		}
		return true, nil
	}}
}
