package duck

import (
	"context"
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

// feedSink is one Feed call's end of the scalar function: deliver converts a chunk of rows of the
// function's arguments (the token first) into the row type and hands them to the consumer.
type feedSink struct {
	ctx     context.Context
	mu      sync.Mutex
	n       int   // rows handed to the consumer
	err     error // the consumer's first error (or a conversion's): the query's end
	deliver func(c *duckdb.DataChunk) error
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
	sink := &feedSink{ctx: ctx}
	convert := chunkConverter[T](b)
	sink.deliver = func(c *duckdb.DataChunk) error {
		rows, cerr := convert(c) // on DuckDB's thread, beside the other threads' chunks
		sink.mu.Lock()
		defer sink.mu.Unlock()
		if sink.err != nil {
			return sink.err
		}
		if cerr != nil {
			sink.err = fmt.Errorf("row %d: %w", sink.n, cerr)
			return sink.err
		}
		for i := range rows {
			if sink.n%4096 == 0 {
				if err := sink.ctx.Err(); err != nil {
					sink.err = err
					return err
				}
			}
			sink.n++
			if err := callFeed(fn, rows[i], sink.n); err != nil {
				sink.err = err
				return err
			}
		}
		return nil
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

// callFeed hands row n (1-based) to fn, a panic in it turned into an error.
func callFeed[T any](fn func(T) error, row T, n int) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("feed: row %d: panic: %v", n, r)
		}
	}()
	return fn(row)
}

// chunkConverter returns the conversion of one chunk of the feed function's arguments (column 0
// the token, then the query's columns in b's order) into rows of T. A VARCHAR column bound to a
// string field is read from DuckDB's vector directly (a borrowed view, copied once into the Go
// string), not through the driver's boxed value per row; the other columns convert as Scan
// converts them. A panic in a conversion is returned as an error (it runs on DuckDB's thread).
func chunkConverter[T any](b *Binding) func(c *duckdb.DataChunk) ([]T, error) {
	direct := make([]bool, len(b.fields))
	for i, f := range b.fields {
		direct[i] = f.col.Type == "VARCHAR" && b.typ.Field(f.index).Type.Kind() == reflect.String
	}
	return func(c *duckdb.DataChunk) (rows []T, err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("feed: panic converting a row: %v", r)
			}
		}()
		n := c.GetSize()
		rows = make([]T, n)
		all := reflect.ValueOf(rows)
		for i, f := range b.fields {
			col := i + 1
			if direct[i] {
				if vec, verr := c.GetVector(col); verr == nil {
					if view, verr := duckdb.GetVectorView[string](vec); verr == nil {
						for r := 0; r < n; r++ {
							v, ok, err := view.GetValueBorrowed(r)
							if err != nil {
								return nil, fmt.Errorf("column %s: %w", f.col.Name, err)
							}
							if ok { // NULL leaves "", as Scan does
								all.Index(r).Field(f.index).SetString(strings.Clone(v))
							}
						}
						continue
					}
				}
			}
			for r := 0; r < n; r++ {
				v, err := c.GetValue(col, r)
				if err != nil {
					return nil, fmt.Errorf("column %s: %w", f.col.Name, err)
				}
				if err := f.conv(all.Index(r).Field(f.index), v); err != nil {
					return nil, fmt.Errorf("column %s (%s): %w", f.col.Name, f.col.Type, err)
				}
			}
		}
		return rows, nil
	}
}

// registerFeed registers feedFunc in the database's catalog, once (a failed registration is
// tried again by the next Feed).
func (d *DB) registerFeed(ctx context.Context) error {
	return d.registerUDF(ctx, &d.feedOK, "feed", feedFuncName, feedFunc{})
}

// feedFunc is the scalar function patnav_feed(token BIGINT, ANY …) → VARCHAR: it hands each
// chunk of its arguments after the token to the sink of that token and returns ” for every
// row. Volatile, so that DuckDB calls it for every row; with its own NULL handling, so that it is
// called for rows with NULLs. A chunk at a time (the chunk executor), so that the rows convert
// from DuckDB's vectors on DuckDB's threads and take the sink's lock once per chunk: on the map's
// documents of the 1M-family lake the row executor (each value boxed by the driver, the lock
// taken per row) made the read take 6.4–6.7 CPU-s against 1.8–2.3 for the query alone.
type feedFunc struct{}

var errNoFeed = errors.New("feed: no such token")

func (feedFunc) Config() duckdb.ScalarFuncConfig {
	bigint, _ := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	anyType, _ := duckdb.NewTypeInfo(duckdb.TYPE_ANY)
	varchar, _ := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	return duckdb.ScalarFuncConfig{
		InputTypeInfos:      []duckdb.TypeInfo{bigint},
		VariadicTypeInfo:    anyType,
		ResultTypeInfo:      varchar,
		Volatile:            true,
		SpecialNullHandling: true,
	}
}

func (feedFunc) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{ChunkContextExecutor: func(_ context.Context, st *duckdb.ChunkIteratorState) error {
		c, n, token, err := chunkToken(st)
		if err != nil || n == 0 {
			return err
		}
		s, ok := feeds.Load(token)
		if !ok {
			return errNoFeed
		}
		if err := s.(*feedSink).deliver(c); err != nil {
			return err
		}
		out, err := duckdb.GetVectorWriter[string](st.GetResultVector())
		if err != nil {
			return err
		}
		for r := 0; r < n; r++ {
			if err := out.Set(r, ""); err != nil {
				return err
			}
		}
		return nil
	}}
}
