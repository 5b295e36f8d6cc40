package duck

import (
	"context"
	"database/sql"
	"os"
	"testing"
)

// TestSpill: under a memory limit far below what a sort needs, a DB with a spill folder (bound)
// completes the sort by writing to disk, while the same DB with spilling switched off fails
// (so the test would notice a spill folder that is not used); Close removes the folder.
func TestSpill(t *testing.T) {
	ctx := context.Background()
	tmp := t.TempDir()
	t.Setenv("PATNAV_DUCKDB_TEMP", tmp)
	t.Setenv("PATNAV_DUCKDB_MEMORY", "24MB")
	// 600,000 rows of a 32-character hash and an integer: well over 24 MB to sort in memory.
	const q = `SELECT count(*), min(h) FROM (SELECT i, md5(i::VARCHAR) AS h FROM range(600000) t(i) ORDER BY h, i)`
	open := func() *DB {
		d, err := OpenMemory()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := d.sql.ExecContext(ctx, "SET threads = 1"); err != nil {
			t.Fatal(err)
		}
		if err := d.bound(ctx); err != nil {
			t.Fatal(err)
		}
		return d
	}

	d := open()
	if d.temp == "" {
		t.Fatal("bound made no spill folder")
	}
	r, err := d.Query(ctx, q)
	if err != nil {
		t.Fatalf("sort under the memory limit with a spill folder: %v", err)
	}
	if n := r.Rows[0][0]; n != int64(600000) {
		t.Errorf("count = %v, want 600000", n)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("Close left %d entries in the temporary folder (first %s)", len(left), left[0].Name())
	}

	d = open()
	defer d.Close()
	if _, err := d.sql.ExecContext(ctx, "SET temp_directory = ''"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Query(ctx, q); err == nil {
		t.Error("the same sort without a spill folder succeeded: the test's limit is too generous to show spilling")
	}
}

// TestMemoryLimit: 8 bytes of DuckDB memory per byte of lake, clamped to [1000 MB, 1500 MB],
// and at least 5/4 of the lake's size up to 8 GB (hand-computed: 99 MB → 792 → 1000; 150 MB →
// 1200; 200 MB → 1600 → 1500; 1 GB → 8000 → 1500 (5/4: 1250); 2 GB → 2500; 3.2 GB → 4000;
// 10 GB → 12500 → 8000); the variable wins.
func TestMemoryLimit(t *testing.T) {
	t.Setenv("PATNAV_DUCKDB_MEMORY", "")
	for in, want := range map[int64]string{0: "1000MB", 99e6: "1000MB", 150e6: "1200MB", 200e6: "1500MB", 1e9: "1500MB",
		2e9: "2500MB", 3.2e9: "4000MB", 10e9: "8000MB"} {
		if got := memoryLimit(in); got != want {
			t.Errorf("memoryLimit(%d) = %s, want %s", in, got, want)
		}
	}
	t.Setenv("PATNAV_DUCKDB_MEMORY", "3GB")
	if got := memoryLimit(1e6); got != "3GB" {
		t.Errorf("with PATNAV_DUCKDB_MEMORY=3GB: %s", got)
	}
}

// TestAllocSettings: under the computed cap (1000 MB for no lake) DuckDB's block pool is half
// the cap and its allocator flushes only after a task beyond the cap (DuckDB reports 500 MB as
// 476.8 MiB and 1000 MB as 953.6 MiB); under a cap from PATNAV_DUCKDB_MEMORY its defaults stay
// (no pool, 128 and 512 MiB). Trim still hands the buffers back with the pool there.
func TestAllocSettings(t *testing.T) {
	ctx := context.Background()
	settings := func(d *DB) [3]string {
		var s [3]string
		if err := d.sql.QueryRowContext(ctx, "SELECT current_setting('block_allocator_memory'), "+
			"current_setting('allocator_flush_threshold'), current_setting('allocator_bulk_deallocation_flush_threshold')").
			Scan(&s[0], &s[1], &s[2]); err != nil {
			t.Fatal(err)
		}
		return s
	}
	d := boundMemory(t, "")
	if got, want := settings(d), [3]string{"476.8 MiB", "953.6 MiB", "953.6 MiB"}; got != want {
		t.Errorf("computed cap %s: pool and flush thresholds %q, want %q", d.limit, got, want)
	}
	if _, err := d.sql.ExecContext(ctx, "CREATE TEMP TABLE big AS SELECT i, md5(i::VARCHAR) AS h FROM range(3000000) t(i)"); err != nil {
		t.Fatal(err)
	}
	if err := d.Trim(ctx); err != nil {
		t.Fatal(err)
	}
	var used, n int64
	if err := d.sql.QueryRowContext(ctx, "SELECT sum(memory_usage_bytes)::BIGINT FROM duckdb_memory()").Scan(&used); err != nil {
		t.Fatal(err)
	}
	if used > 64e6+256<<10 {
		t.Errorf("with the pool DuckDB holds %d bytes after Trim, want at most 64 MB and a block", used)
	}
	if err := d.sql.QueryRowContext(ctx, "SELECT count(*) FROM big").Scan(&n); err != nil || n != 3000000 {
		t.Errorf("big reads back %d rows (%v)", n, err)
	}
	if got, want := settings(boundMemory(t, "300MB")), [3]string{"0 bytes", "128.0 MiB", "512.0 MiB"}; got != want {
		t.Errorf("PATNAV_DUCKDB_MEMORY=300MB: pool and flush thresholds %q, want DuckDB's defaults %q", got, want)
	}
}

// TestBoundEveryConnection: the memory limit and the spill folder are database-wide settings, so
// a connection opened after bound (database/sql opens new ones when an old one is dropped) has
// them too — checked on a second connection held open beside the first.
func TestBoundEveryConnection(t *testing.T) {
	ctx := context.Background()
	t.Setenv("PATNAV_DUCKDB_TEMP", t.TempDir())
	t.Setenv("PATNAV_DUCKDB_MEMORY", "123MB")
	d, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	first, err := d.sql.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	if err := d.bound(ctx); err != nil {
		t.Fatal(err)
	}
	second, err := d.sql.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	for name, c := range map[string]interface {
		QueryRowContext(context.Context, string, ...any) *sql.Row
	}{"first": first, "second": second} {
		var limit, temp string
		if err := c.QueryRowContext(ctx, "SELECT current_setting('memory_limit'), current_setting('temp_directory')").Scan(&limit, &temp); err != nil {
			t.Fatal(err)
		}
		// DuckDB reports 123 MB (123·10⁶ bytes) in binary units: 117.3 MiB.
		if limit != "117.3 MiB" || temp != d.temp {
			t.Errorf("%s connection: memory_limit %q, temp_directory %q; want 117.3 MiB and %q", name, limit, temp, d.temp)
		}
	}
}

// TestTrim: a temporary table of some 150 MB held in DuckDB's buffers is written out by Trim
// (duckdb_memory() reports at most trimFloor and a block afterwards, the spill folder holds it), the cap is the
// one bound set again, and the table reads back whole.
func TestTrim(t *testing.T) {
	ctx := context.Background()
	d := boundMemory(t, "500MB")
	if _, err := d.sql.ExecContext(ctx, "CREATE TEMP TABLE big AS SELECT i, md5(i::VARCHAR) AS h FROM range(3000000) t(i)"); err != nil {
		t.Fatal(err)
	}
	used := func() int64 {
		var n int64
		if err := d.sql.QueryRowContext(ctx, "SELECT sum(memory_usage_bytes)::BIGINT FROM duckdb_memory()").Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := used()
	if before < 100e6 {
		t.Fatalf("DuckDB holds %d bytes before Trim: the table is too small to show anything", before)
	}
	if err := d.Trim(ctx); err != nil {
		t.Fatal(err)
	}
	// The floor, give or take one of DuckDB's 256 KiB blocks (a run held 64,016,384 bytes).
	if after := used(); after > 64e6+256<<10 || after >= before/2 {
		t.Errorf("DuckDB holds %d bytes after Trim (%d before), want at most 64 MB and a block", after, before)
	}
	var limit string
	var n, sum int64
	if err := d.sql.QueryRowContext(ctx, "SELECT current_setting('memory_limit')").Scan(&limit); err != nil {
		t.Fatal(err)
	}
	if limit != "476.8 MiB" {
		t.Errorf("memory_limit after Trim %q, want the bound 500MB (476.8 MiB)", limit)
	}
	if err := d.sql.QueryRowContext(ctx, "SELECT count(*), sum(i) FROM big").Scan(&n, &sum); err != nil {
		t.Fatal(err)
	}
	if n != 3000000 || sum != 3000000*2999999/2 {
		t.Errorf("big reads back %d rows, sum %d", n, sum)
	}
}

// TestShare: Share lowers the computed cap by the reserve (1000 MB − 300 MB = 700 MB), not below
// shareFloor, and its restore sets the cap back; a cap from PATNAV_DUCKDB_MEMORY is left alone.
func TestShare(t *testing.T) {
	checkLowered(t, "Share", (*DB).Share, map[int64]string{300e6: "700MB", 900e6: "500MB", 0: "1000MB"})
}

// TestLower: Lower sets the cap to the bytes asked (700 MB of the computed 1000 MB), not below
// shareFloor, leaves a lower or equal cap as it is, and its restore sets the cap back; a cap from
// PATNAV_DUCKDB_MEMORY is left alone.
func TestLower(t *testing.T) {
	checkLowered(t, "Lower", (*DB).Lower, map[int64]string{700e6: "700MB", 100e6: "500MB", 2000e6: "1000MB", 1000e6: "1000MB"})
}

// checkLowered calls lower(n) on a bound database (a computed cap of 1000 MB) for each n of want,
// checks the cap it sets and the cap its restore sets back, then that a cap from
// PATNAV_DUCKDB_MEMORY (900 MB) stays.
func checkLowered(t *testing.T, name string, lower func(*DB, context.Context, int64) (func(context.Context) error, error), want map[int64]string) {
	ctx := context.Background()
	d := boundMemory(t, "")
	limit := func() string {
		var v string
		if err := d.sql.QueryRowContext(ctx, "SELECT current_setting('memory_limit')").Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	as := map[string]string{} // DuckDB's report of each cap the test expects
	for _, mb := range []string{"500MB", "700MB", "900MB", "1000MB"} {
		if _, err := d.sql.ExecContext(ctx, "SET memory_limit = '"+mb+"'"); err != nil {
			t.Fatal(err)
		}
		as[mb] = limit()
	}
	if _, err := d.sql.ExecContext(ctx, "SET memory_limit = '"+d.limit+"'"); err != nil {
		t.Fatal(err)
	}
	full := limit()
	if full != as["1000MB"] {
		t.Fatalf("bound set %s, want 1000MB (no lake)", full)
	}
	for n, c := range want {
		restore, err := lower(d, ctx, n)
		if err != nil {
			t.Fatal(err)
		}
		if got := limit(); got != as[c] {
			t.Errorf("%s(%d): cap %s, want %s (%s)", name, n, got, c, as[c])
		}
		if err := restore(ctx); err != nil {
			t.Fatal(err)
		}
		if got := limit(); got != full {
			t.Errorf("after %s(%d)'s restore: cap %s, want %s", name, n, got, full)
		}
	}
	t.Setenv("PATNAV_DUCKDB_MEMORY", "900MB")
	if err := d.bound(ctx); err != nil {
		t.Fatal(err)
	}
	restore, err := lower(d, ctx, 300e6)
	if err != nil {
		t.Fatal(err)
	}
	if got := limit(); got != as["900MB"] {
		t.Errorf("with PATNAV_DUCKDB_MEMORY=900MB %s set the cap to %s", name, got)
	}
	restore(ctx)
}

// boundMemory opens an in-memory database bound as a lake's is (a spill folder of the test's,
// the cap PATNAV_DUCKDB_MEMORY=memory gives: "" for the computed one), closed with the test.
func boundMemory(t *testing.T, memory string) *DB {
	t.Helper()
	t.Setenv("PATNAV_DUCKDB_TEMP", t.TempDir())
	t.Setenv("PATNAV_DUCKDB_MEMORY", memory)
	d, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	if err := d.bound(context.Background()); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestAllocatorRetained: while retained DuckDB's allocator keeps freed pages (decay off), and
// Release, Trim and Share set its decay to sharedDecay; a large lake's DB has sharedDecay from the
// start; Close sets DuckDB's own back; with no jemalloc in the DuckDB
// library (another platform's build) there is nothing to tune.
func TestAllocatorRetained(t *testing.T) {
	if arenaDecay() == -2 {
		t.Skip("this DuckDB library has no jemalloc to tune")
	}
	allocInit()
	if !alloc.ok {
		t.Skip("PATNAV_DUCKDB_DECAY=default in this process")
	}
	if alloc.dirty < 0 {
		t.Fatalf("DuckDB's own decay read as %d ms", alloc.dirty)
	}
	ctx := context.Background()
	d := boundMemory(t, "")
	d.retain = true // as Open makes it for a lake up to retainLakeBytes
	for name, release := range map[string]func(){
		"Release": d.Release,
		"Trim":    func() { d.Trim(ctx) },
		"Share":   func() { restore, _ := d.Share(ctx, 300e6); restore(ctx) },
	} {
		allocRetain()
		if got := arenaDecay(); got != -1 {
			t.Fatalf("retained: decay %d ms, want -1 (off)", got)
		}
		// Work that frees memory, then the release hands it back.
		if _, err := d.sql.ExecContext(ctx, "SELECT count(DISTINCT i % 1000003) FROM range(3000000) t(i)"); err != nil {
			t.Fatal(err)
		}
		release()
		if got := arenaDecay(); got != sharedDecay {
			t.Errorf("after %s: decay %d ms, want %d", name, got, sharedDecay)
		}
	}
	e, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	e.tuneAlloc(1e6)
	if got := arenaDecay(); got != -1 {
		t.Errorf("a 1 MB lake: decay %d ms, want -1 (off)", got)
	}
	e.Close()
	if got := arenaDecay(); got != alloc.dirty {
		t.Errorf("after Close: decay %d ms, want DuckDB's own %d", got, alloc.dirty)
	}
	// A lake beyond retainLakeBytes keeps freed pages for sharedDecay from Open to Close.
	f, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	f.tuneAlloc(retainLakeBytes + 1)
	if got := arenaDecay(); got != sharedDecay {
		t.Errorf("a lake beyond retainLakeBytes: decay %d ms, want %d", got, sharedDecay)
	}
	f.Close()
	if got := arenaDecay(); got != alloc.dirty {
		t.Errorf("after Close: decay %d ms, want DuckDB's own %d", got, alloc.dirty)
	}
}

// TestExecRunsAgainAfterOutOfMemory: a statement that fails with DuckDB's out-of-memory error
// runs once more after Trim, which also sets back the cap in force (here the test had set a cap
// of 1 MB behind the DB's back, so the first run fails and the second, under the bound's 1000 MB,
// completes); Scan does the same while no row has reached fn. Other errors are not retried, and
// a database without a spill folder is not retried either.
func TestExecRunsAgainAfterOutOfMemory(t *testing.T) {
	ctx := context.Background()
	d := boundMemory(t, "")
	const big = "CREATE OR REPLACE TEMP TABLE agg AS SELECT i % 500000 AS k, list(i) AS l FROM range(2000000) t(i) GROUP BY 1"
	choke := func() {
		if _, err := d.sql.ExecContext(ctx, "SET memory_limit = '1MB'"); err != nil {
			t.Fatal(err)
		}
	}
	choke()
	if _, err := d.sql.ExecContext(ctx, big); !IsOutOfMemory(err) {
		t.Fatalf("under 1 MB the statement gave %v, want DuckDB's out-of-memory error", err)
	}
	choke()
	retried, err := d.Exec(ctx, big)
	if err != nil || !retried {
		t.Fatalf("Exec: retried %v, err %v; want run again and completed", retried, err)
	}
	var n int64
	if err := d.sql.QueryRowContext(ctx, "SELECT count(*) FROM agg").Scan(&n); err != nil || n != 500000 {
		t.Fatalf("agg has %d rows (%v), want 500000", n, err)
	}
	choke()
	var rows int
	err = Scan(ctx, d, "SELECT k, len(l) AS n FROM (SELECT i % 300000 AS k, list(i) AS l FROM range(2000000) t(i) GROUP BY 1)",
		func(r struct {
			K int64 `db:"k"`
			N int64 `db:"n"`
		}) error {
			rows++
			return nil
		})
	if err != nil || rows != 300000 {
		t.Fatalf("Scan: %d rows, err %v; want 300000 after running again", rows, err)
	}
	if retried, err := d.Exec(ctx, "SELEC 1"); err == nil || retried {
		t.Errorf("a syntax error: retried %v, err %v; want not retried", retried, err)
	}
	plain, err := OpenMemory() // no cap, no spill folder
	if err != nil {
		t.Fatal(err)
	}
	defer plain.Close()
	if _, err := plain.sql.ExecContext(ctx, "SET memory_limit = '1MB'"); err != nil {
		t.Fatal(err)
	}
	if retried, err := plain.Exec(ctx, big); !IsOutOfMemory(err) || retried {
		t.Errorf("without a spill folder: retried %v, err %v; want the error, not retried", retried, err)
	}
}
