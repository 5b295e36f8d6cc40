package duck

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"unsafe"

	"github.com/duckdb/duckdb-go/v2"
)

// RowFunc computes a SQL function's result for one row from the row's VARCHAR arguments (a NULL
// argument is ""). The arguments are borrowed from DuckDB's vectors: they are valid during the
// call only. The result is valid until the next call of the same RowFunc (so it may be the
// function's own buffer); ok false makes the result NULL.
type RowFunc func(args []string) (result []byte, ok bool)

// RegisterFunc makes a Go function callable in SQL as patnav_func(token, a, b, …) → VARCHAR, the
// other arguments VARCHAR (DuckDB casts no other type to VARCHAR implicitly: cast them in the
// SQL), until release is called; token is its first argument. DuckDB calls it a chunk of rows at
// a time from each of its threads. A chunk's rows go through one RowFunc, taken from a pool of
// them and put back after the chunk, so a RowFunc runs on one thread at a time and may keep
// buffers; newRow makes one whenever the pool is empty (at first, after a garbage collection
// emptied it, after a panic), possibly on several threads at once, so it must be safe for
// concurrent use. The rows read DuckDB's string vectors in place, without a copy into Go
// strings. So a row function over a table's texts runs on DuckDB's threads beside its scan,
// where Feed hands every row to one consumer under a lock. A panic in newRow or a RowFunc is the
// query's error. Open registers patnav_func itself, so that a statement that calls it prepares
// before any function is registered (a token not registered is the query's error; OpenMemory's
// databases have it from their first RegisterFunc).
func (d *DB) RegisterFunc(ctx context.Context, newRow func() RowFunc) (token int64, release func(), err error) {
	if err := d.registerFunc(ctx); err != nil {
		return 0, nil, err
	}
	token = feedToken.Add(1)
	funcs.Store(token, &sync.Pool{New: func() any { return newRow() }})
	return token, func() { funcs.Delete(token) }, nil
}

// registerFunc registers patnav_func in the database's catalog, once.
func (d *DB) registerFunc(ctx context.Context) error {
	return d.registerUDF(ctx, &d.funcOK, "func", funcName, rowFunc{})
}

// registerUDF registers the scalar function f as name in the database's catalog (through one of
// its connections), once: *done says it is (a failed registration is tried again by the next
// call). label starts its errors.
func (d *DB) registerUDF(ctx context.Context, done *bool, label, name string, f duckdb.ScalarFunc) error {
	d.feedMu.Lock()
	defer d.feedMu.Unlock()
	if *done {
		return nil
	}
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return fmt.Errorf("%s: %w", label, err)
	}
	defer conn.Close()
	if err := duckdb.RegisterScalarUDF(conn, name, f); err != nil {
		return fmt.Errorf("%s: %w", label, err)
	}
	*done = true
	return nil
}

// chunkToken is the input chunk of a call of a token's scalar function (Feed's, RegisterFunc's),
// its number of rows (0: nothing to do) and the token, its first argument (a constant: every row
// has the same).
func chunkToken(st *duckdb.ChunkIteratorState) (c *duckdb.DataChunk, n int, token int64, err error) {
	c = st.GetInputChunk()
	if n = c.GetSize(); n == 0 {
		return c, 0, 0, nil
	}
	tok, err := c.GetValue(0, 0)
	if err != nil {
		return nil, 0, 0, err
	}
	token, _ = tok.(int64)
	return c, n, token, nil
}

// funcName is the scalar function RegisterFunc registers on a DB's connection.
const funcName = "patnav_func"

// funcs holds the registered functions' pools of RowFuncs, by token.
var funcs sync.Map // int64 → *sync.Pool of RowFunc

var errNoFunc = errors.New("func: no such token")

// rowFunc is the scalar function patnav_func(token BIGINT, VARCHAR …) → VARCHAR. With its own
// NULL handling, so that it is called for rows with NULL arguments; volatile, so that DuckDB
// calls it for every row instead of folding or caching a call.
type rowFunc struct{}

func (rowFunc) Config() duckdb.ScalarFuncConfig {
	bigint, _ := duckdb.NewTypeInfo(duckdb.TYPE_BIGINT)
	varchar, _ := duckdb.NewTypeInfo(duckdb.TYPE_VARCHAR)
	return duckdb.ScalarFuncConfig{
		InputTypeInfos:      []duckdb.TypeInfo{bigint},
		VariadicTypeInfo:    varchar,
		ResultTypeInfo:      varchar,
		Volatile:            true,
		SpecialNullHandling: true,
	}
}

func (rowFunc) Executor() duckdb.ScalarFuncExecutor {
	return duckdb.ScalarFuncExecutor{ChunkContextExecutor: func(_ context.Context, st *duckdb.ChunkIteratorState) (err error) {
		// A panic is this chunk's error: the driver's callback does not recover, so it would end
		// the process. A RowFunc that panicked is not put back into the pool.
		var pool *sync.Pool
		var fn RowFunc
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("func: panic: %v", r)
			} else if fn != nil {
				pool.Put(fn)
			}
		}()
		c, n, token, err := chunkToken(st)
		if err != nil || n == 0 {
			return err
		}
		p, ok := funcs.Load(token)
		if !ok {
			return errNoFunc
		}
		pool = p.(*sync.Pool)
		views := make([]duckdb.VectorView[string], c.ColumnCount()-1)
		for i := range views {
			vec, err := c.GetVector(i + 1)
			if err != nil {
				return err
			}
			if views[i], err = duckdb.GetVectorView[string](vec); err != nil {
				return err
			}
		}
		out, err := duckdb.GetVectorWriter[string](st.GetResultVector())
		if err != nil {
			return err
		}
		fn = pool.Get().(RowFunc)
		args := make([]string, len(views))
		for r := 0; r < n; r++ {
			for i, v := range views {
				s, _, err := v.GetValueBorrowed(r) // NULL: ""
				if err != nil {
					return err
				}
				args[i] = s
			}
			res, ok := fn(args)
			if !ok {
				if err := out.SetNull(r); err != nil {
					return err
				}
				continue
			}
			// Set copies the value into DuckDB's vector before it returns, so the string may
			// view the RowFunc's buffer.
			if err := out.Set(r, unsafe.String(unsafe.SliceData(res), len(res))); err != nil {
				return err
			}
		}
		return nil
	}}
}
