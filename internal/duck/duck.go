// Package duck is patnav's one seam to DuckDB (cgo): it opens an in-process database whose views
// are the lake's tables, runs queries with bound parameters, and returns results as plain Go
// values. No other package imports the DuckDB driver.
package duck

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/patnav/patnav/internal/lake"
)

// DB is a DuckDB database with the lake's tables as views.
type DB struct {
	sql   *sql.DB
	Lake  *lake.Lake
	temp  string // the spill folder this DB made (removed by Close); "" for none
	limit string // the memory cap bound set ("" for none)
	cap   string // the memory cap in force: limit, or the lower one of Share or Lower
	mb    int64  // the cap in DuckDB's MB when bound computed it (0: PATNAV_DUCKDB_MEMORY's or none)
	// retain: DuckDB's allocator keeps freed pages for this DB's queries (alloc.go), for a lake
	// up to retainLakeBytes; tuned: tuneAlloc changed the allocator's decay, which Close sets back.
	retain, tuned bool
	// feedOK, funcOK: Feed's and RegisterFunc's scalar functions are registered in the
	// database's catalog (registerUDF), under feedMu.
	feedMu         sync.Mutex
	feedOK, funcOK bool
}

// Options choose which state of the lake a database sees.
type Options struct {
	// AsOf, when set, is the cut-off of the observations: only what the sources said on or
	// before that day is visible (observations dated after it, publications first observed after
	// it and legal events dated after it are not).
	AsOf time.Time
	// Version, when set, is a lake version (an ingest id, see lake.Version): only the parts
	// written by ingests up to it are read, so a past run's inputs can be read again exactly.
	Version string
}

// Open opens an in-memory DuckDB over the committed state of the lake in dir. Every lake table is
// a view over its part files (read_parquet with union_by_name, so parts written before a column
// was added still read). A lake without a manifest is an error.
func Open(ctx context.Context, dir string) (*DB, error) { return OpenWith(ctx, dir, Options{}) }

// OpenWith is Open with a choice of the lake's state (see Options and views.go).
func OpenWith(ctx context.Context, dir string, opts Options) (*DB, error) {
	if !lake.Exists(dir) {
		return nil, fmt.Errorf("%s: no lake here (run 'patnav ingest --lake %s FILES' first)", dir, dir)
	}
	l, err := lake.Open(dir)
	if err != nil {
		return nil, err
	}
	if opts.Version != "" && opts.Version > l.Version() {
		return nil, fmt.Errorf("%s: lake version %s asked for, but the lake is at version %q", dir, opts.Version, l.Version())
	}
	connector, err := duckdb.NewConnector("", nil)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(connector)
	// One connection: the analyses build TEMP tables, which live on the connection that made them.
	db.SetMaxOpenConns(1)
	d := &DB{sql: db, Lake: l}
	d.tuneAlloc(lakeBytes(l))
	if err := d.bound(ctx); err != nil {
		d.Close()
		return nil, err
	}
	if err := d.registerFunc(ctx); err != nil {
		d.Close()
		return nil, err
	}
	// The views up to pub_aliases, then the rest: with the joins that read an alias as its
	// twin only when the lake has one (see views.go).
	stmts := viewStatements(l, opts, true)
	for i, stmt := range stmts {
		if _, err := db.ExecContext(ctx, stmt.sql); err != nil {
			d.Close()
			return nil, fmt.Errorf("lake table %s: %w", stmt.table, err)
		}
		if stmt.table != "pub_aliases" {
			continue
		}
		var n int64
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM pub_aliases").Scan(&n); err != nil {
			d.Close()
			return nil, fmt.Errorf("lake table pub_aliases: %w", err)
		}
		if n == 0 {
			stmts = viewStatements(l, opts, false) // the same statements up to here
		}
		for _, stmt := range stmts[i+1:] {
			if _, err := db.ExecContext(ctx, stmt.sql); err != nil {
				d.Close()
				return nil, fmt.Errorf("lake table %s: %w", stmt.table, err)
			}
		}
		break
	}
	return d, nil
}

// bound caps DuckDB's memory (memoryLimit) and gives it a spill folder of its own, so that an
// operator beyond the cap (a large join, sort or aggregate) writes to disk instead of failing
// with an out-of-memory error. The folder is made under PATNAV_DUCKDB_TEMP, else the system's
// temporary folder, one per DB (DuckDB's temporary file names would collide between two
// processes sharing a folder), and removed by Close.
func (d *DB) bound(ctx context.Context) error {
	d.limit = memoryLimit(lakeBytes(d.Lake))
	fmt.Sscanf(d.limit, "%dMB", &d.mb)
	if os.Getenv("PATNAV_DUCKDB_MEMORY") != "" {
		d.mb = 0
	}
	if err := d.setCap(ctx, d.limit); err != nil {
		return err
	}
	if d.mb > 0 {
		if _, err := d.sql.ExecContext(ctx, allocSettings(d.mb)); err != nil {
			return fmt.Errorf("duckdb allocator settings: %w", err)
		}
	}
	dir, err := os.MkdirTemp(os.Getenv("PATNAV_DUCKDB_TEMP"), "patnav-duckdb-")
	if err != nil {
		return fmt.Errorf("duckdb spill folder: %w", err)
	}
	d.temp = dir
	if _, err := d.sql.ExecContext(ctx, "SET temp_directory = "+quote(dir)); err != nil {
		return fmt.Errorf("duckdb spill folder %s: %w", dir, err)
	}
	return nil
}

// memoryLimit is DuckDB's memory cap: PATNAV_DUCKDB_MEMORY (e.g. "2GB"), else 8 bytes for every
// byte of the lake's Parquet files, at least 1 GB and at most 1.5 GB. DuckDB fills its buffer up
// to the cap before it spills, so the cap is most of a landscape's peak RSS: on the 288k-family
// landscape (a 99 MB lake) a 1 GB cap gave the same reports with the same CPU time and 1.87 GB of
// peak RSS instead of 2.42 GB under 2.5 GB; on the 1M-family landscape (961k families in scope, a
// 323 MB lake) a 1.5 GB cap gave the same reports with 2.32 GB of peak RSS instead of 3.63 GB
// under 2.5 GB, for 2.6 % more CPU time (180.5 vs 175.9 CPU-s, runs side by side on a loaded
// machine). Larger lakes spill to disk beyond the cap, but a cap far below the lake's size
// fails: an operator spills by partitions and still needs some of them in memory, and the
// groupings over every family need about 1.2 bytes of memory per byte of lake (the 1M-family
// lake of 337 MB completes under 400 MB and failed under 300 MB; the 10M-family lake of 3.2 GB
// failed under 1.5 GB). So from a lake of 1.2 GB up the cap is 5/4 of the lake's size, at most
// 8 GB: 4 GB for the 10M-family lake.
func memoryLimit(lakeBytes int64) string {
	if v := os.Getenv("PATNAV_DUCKDB_MEMORY"); v != "" && strings.Trim(v, "0123456789.KMGTBkmgtib ") == "" {
		return v
	}
	const lo, hi, top = 1000, 1500, 8000 // MB (DuckDB's MB are 1000² bytes)
	mb := min(max(8*lakeBytes/1000000, lo), hi)
	mb = max(mb, min(5*lakeBytes/4/1000000, top))
	return fmt.Sprintf("%dMB", mb)
}

// allocSettings are DuckDB's allocator settings under a computed cap of capMB (DuckDB's MB):
//
//   - block_allocator_memory, half the cap: DuckDB's buffer blocks (its hash tables, sorted runs,
//     temporary tables and spilled partitions read back) come from a pool of pages it keeps
//     instead of from the allocator, which hands freed pages back to the system and faults them
//     in afresh, zeroed, when the next block takes them. The pool is never handed back, so it is
//     at most what DuckDB may hold while the Go side's heap is at its largest: half the cap, about
//     the cap in force then (the map's read on a large lake is capped at 5/8 of the lake, half of
//     the 5/4 the cap is; on a small one Share lowers the cap by 8/5 of the lake, 1.5 GB → 961 MB
//     on the 1M-family lake).
//   - allocator_flush_threshold and allocator_bulk_deallocation_flush_threshold, the cap: DuckDB
//     flushes its allocator's caches after a task that peaked above the first (128 MiB by
//     default) and after freeing more than the second at once (512 MiB), and the pages it hands
//     back fault in again in the next query; now only a task beyond the cap does.
//
// Measured on this 2-core machine against DuckDB's defaults (landscape with the map, reports
// identical): the 10M-family landscape (cap 4 GB) 15:03 against 17:55–18:25 in three runs of the
// code before (the slowest under perf at 49 Hz), 1,239 + 326 CPU-s (user + system) against
// 1,426–1,467 + 458–469, 22.5M page faults against 29.6–30.0M, peak RSS 8.71 GB against
// 7.43–9.01 GB. At 1M families (cap 1.5 GB), in alternating direct runs with a 960 MB pool and
// 8 GB thresholds, page faults fell by a fifth (0.90–1.01M against 1.19–1.20M), the time within
// the machine's noise; with these settings make bench gave 50.6 s and 2.31 GB (59.9 s and
// 2.57 GB in the session before's bench, another hour). The pool raises small lakes' peaks a little: 100k families 726 MB
// against 629 MB, 288k families 1.33 GB (the notebook's 1.54 GB).
func allocSettings(capMB int64) string {
	return fmt.Sprintf("SET block_allocator_memory = '%dMB'; SET allocator_flush_threshold = '%dMB'; "+
		"SET allocator_bulk_deallocation_flush_threshold = '%dMB'", capMB/2, capMB, capMB)
}

// Trim hands DuckDB's buffered memory back before a long stretch of work on the Go side: the
// memory cap is lowered to trimFloor, which writes the cached blocks of the temporary tables to
// the spill folder and frees the rest, then set back, so the next queries read the tables back as
// they need them. On the 1M-family lake's prepared session it took 1.9 s and the process's RSS
// went from 1.95 GB to 0.21 GB. Without a cap (a DB without spill folder) it does nothing.
func (d *DB) Trim(ctx context.Context) error {
	if !d.spills() {
		return nil
	}
	_, err := d.sql.ExecContext(ctx, "SET memory_limit = '"+trimFloor+"'")
	d.Release()
	if _, err2 := d.sql.ExecContext(ctx, "SET memory_limit = '"+d.cap+"'"); err == nil {
		err = err2
	}
	if err != nil {
		return fmt.Errorf("duckdb trim: %w", err)
	}
	return nil
}

// Share lowers DuckDB's memory cap by reserve bytes while the Go side needs them, but not below
// 5/4 of the lake's size (the groupings over every family need about that much, see
// memoryLimit) nor below shareFloor, and returns the call that sets the cap back. A cap from PATNAV_DUCKDB_MEMORY is
// left as it is. pipeline.Job.Macro shares the memory while the clustering computes beside the
// macro queries.
func (d *DB) Share(ctx context.Context, reserve int64) (restore func(context.Context) error, err error) {
	return d.lowerTo(ctx, max(d.mb-reserve/1000000, 5*lakeBytes(d.Lake)/4/1000000, shareFloor))
}

// Lower sets DuckDB's memory cap to bytes (not below shareFloor) while the Go side's heap grows
// and DuckDB's queries need less than the groupings over every family, and returns the call that
// sets the cap back. It does nothing when the cap is already at or below that, or comes from
// PATNAV_DUCKDB_MEMORY. landscape.StartMap lowers it for the read of the map's documents on a
// large lake: a join, which spills by partitions, where the 10M-family landscape's peak was
// (the peaks under the lowered and the full cap: landscape's readCap).
func (d *DB) Lower(ctx context.Context, bytes int64) (restore func(context.Context) error, err error) {
	return d.lowerTo(ctx, max(bytes/1000000, shareFloor))
}

// lowerTo sets the cap to mb (DuckDB's MB) when that is below the computed cap, hands back what
// DuckDB freed to come under it, and returns the call that sets the computed cap back. A cap from
// PATNAV_DUCKDB_MEMORY, or none, is left as it is.
func (d *DB) lowerTo(ctx context.Context, mb int64) (restore func(context.Context) error, err error) {
	none := func(context.Context) error { return nil }
	if d.mb == 0 || d.temp == "" || mb >= d.mb {
		return none, nil
	}
	if err := d.setCap(ctx, fmt.Sprintf("%dMB", mb)); err != nil {
		return none, err
	}
	d.Release()
	return func(ctx context.Context) error { return d.setCap(ctx, d.limit) }, nil
}

// setCap sets DuckDB's memory cap and records it as the cap in force.
func (d *DB) setCap(ctx context.Context, c string) error {
	if _, err := d.sql.ExecContext(ctx, "SET memory_limit = '"+c+"'"); err != nil {
		return fmt.Errorf("duckdb memory limit: %w", err)
	}
	d.cap = c
	return nil
}

// IsOutOfMemory tells whether err is DuckDB's out-of-memory error.
func IsOutOfMemory(err error) bool {
	var e *duckdb.Error
	return errors.As(err, &e) && e.Type == duckdb.ErrorTypeOutOfMemory
}

// Exec runs a statement, or a script of statements, with bound arguments. When DuckDB fails with
// its out-of-memory error on a database that spills (a cap and a spill folder), Exec trims
// DuckDB's buffer (Trim: the cached blocks of the temporary tables go to the spill folder) and
// runs the statement once more, and retried says so. DuckDB's operators spill, but some of their
// allocations (a hash table's directory: 256 MiB on the 10M-family lake) cannot be evicted; when
// one arrives while the temporary tables fill the cap, eviction may not make room in time:
// family_branches failed so in two of the eight 10M-family landscapes run in the sixth to eighth
// sessions. A failed statement is rolled
// back, so it can run again; in a script, the statements before the failing one run again too,
// so none of a script's statements may destroy what an earlier one of it read (patnav's scripts
// create or replace tables; the hits are emptied by a query of their own, drop_hits).
func (d *DB) Exec(ctx context.Context, query string, args ...any) (retried bool, err error) {
	_, err = d.sql.ExecContext(ctx, query, args...)
	if err == nil || !d.runAgain(ctx, err) {
		return false, err
	}
	_, err = d.sql.ExecContext(ctx, query, args...)
	return true, err
}

// runAgain tells whether a statement that failed with err is to run once more (Exec, Scan, Feed):
// DuckDB's out-of-memory error on a database that spills, whose buffer it has then trimmed.
func (d *DB) runAgain(ctx context.Context, err error) bool {
	return IsOutOfMemory(err) && d.spills() && d.Trim(ctx) == nil
}

// spills tells whether the database has a cap and a spill folder (bound).
func (d *DB) spills() bool { return d.limit != "" && d.temp != "" }

// Release hands back the memory DuckDB's allocator keeps of what DuckDB has freed, and from now
// on keeps freed memory for a while only (see alloc.go): for a stretch where the Go side's heap
// grows while DuckDB still works (landscape.StartMap reads the map's documents). Trim and Share
// release too.
func (d *DB) Release() {
	if d.retain {
		allocShare()
	}
}

// shareFloor is the lowest cap Share sets, in DuckDB's MB.
const shareFloor = 500

// trimFloor is the cap Trim sets for a moment: DuckDB keeps what is pinned (nothing between
// queries) and at most this much more.
const trimFloor = "64MB"

// LakeBytes is the size of the database's lake's committed Parquet files (0 without a lake):
// the measure of the data that DuckDB's memory cap follows, and the Go side's heap limit too
// (pipeline.Open).
func (d *DB) LakeBytes() int64 { return lakeBytes(d.Lake) }

// lakeBytes is the size of the lake's committed Parquet files (0 without a lake).
func lakeBytes(l *lake.Lake) int64 {
	if l == nil {
		return 0
	}
	var n int64
	for _, t := range lake.Tables {
		for _, f := range l.Files(t) {
			if fi, err := os.Stat(f); err == nil {
				n += fi.Size()
			}
		}
	}
	return n
}

// quote renders a string literal for DuckDB (file paths from the manifest; patent data is always
// bound as parameters, never quoted into SQL).
func quote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// SQL returns the underlying database/sql handle.
func (d *DB) SQL() *sql.DB { return d.sql }

// Close closes the database and removes its spill folder.
func (d *DB) Close() error {
	err := d.sql.Close()
	if d.tuned {
		allocReset()
		d.retain, d.tuned = false, false
	}
	if d.temp != "" {
		if rerr := os.RemoveAll(d.temp); err == nil {
			err = rerr
		}
		d.temp = ""
	}
	return err
}

// Result is a query result held in memory, for SQL the user types (patnav query) and tests;
// named queries scan into typed rows instead (Scan, Binding).
type Result struct {
	Columns []string
	Types   []string // DuckDB type names
	Rows    [][]any  // values: nil, bool, int64, float64, string, time.Time (DATE/TIMESTAMP), []any, map …
}

// Query runs a query with bound parameters and collects its rows.
func (d *DB) Query(ctx context.Context, query string, args ...any) (*Result, error) {
	rows, err := d.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	res := &Result{Columns: cols}
	for _, ct := range cts {
		res.Types = append(res.Types, ct.DatabaseTypeName())
	}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			vals[i] = plain(v, res.Types[i])
		}
		res.Rows = append(res.Rows, vals)
	}
	return res, rows.Err()
}

// plain converts driver values to the small set of Go types Result documents.
func plain(v any, typ string) any {
	switch x := v.(type) {
	case nil, bool, int64, float64, string:
		return x
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32:
		return int64(x)
	case uint64:
		return int64(x)
	case float32:
		return float64(x)
	case *big.Int:
		if x.IsInt64() {
			return x.Int64()
		}
		return x.String()
	case duckdb.Decimal:
		return x.Float64()
	case time.Time:
		return x
	case []byte:
		return string(x)
	case duckdb.UUID:
		return x.String()
	case duckdb.Interval:
		return fmt.Sprintf("%d months %d days %d µs", x.Months, x.Days, x.Micros)
	}
	return v
}

// OpenMemory opens an empty in-memory DuckDB (benchmarks use it as a yardstick).
func OpenMemory() (*DB, error) {
	connector, err := duckdb.NewConnector("", nil)
	if err != nil {
		return nil, err
	}
	return &DB{sql: sql.OpenDB(connector)}, nil
}

// Append bulk-loads rows into an existing table of the main schema through DuckDB's appender
// (much faster than INSERT statements for large tables).
func (d *DB) Append(ctx context.Context, table string, rows func(add func(values ...any) error) error) error {
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return conn.Raw(func(dc any) error {
		drv, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("duckdb: unexpected driver connection %T", dc)
		}
		a, err := duckdb.NewAppenderFromConn(drv, "", table)
		if err != nil {
			return err
		}
		var vs []driver.Value // one row's values; the slice serves every row (the appender copies them)
		err = rows(func(values ...any) error {
			vs = vs[:0]
			for _, v := range values {
				vs = append(vs, v)
			}
			return a.AppendRow(vs...)
		})
		if cerr := a.Close(); err == nil {
			err = cerr
		}
		return err
	})
}
