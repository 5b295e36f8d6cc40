package duck

import (
	"context"
	"strings"
	"sync"
	"testing"
)

// TestRegisterFunc: a row function over a table of several row groups (scanned by DuckDB's
// threads at once) gets every row's arguments, NULL as "" and a constant as given, and its
// results, NULL where it says so, reach the query; two functions registered at once keep their
// own tokens; a RowFunc's buffer reused from row to row does not leak into other rows.
func TestRegisterFunc(t *testing.T) {
	const n = 400000
	db := feedDB(t, n)
	ctx := context.Background()
	var mu sync.Mutex
	made := 0
	join, releaseJoin, err := db.RegisterFunc(ctx, func() RowFunc {
		mu.Lock()
		made++
		mu.Unlock()
		var buf []byte // reused: each result overwrites the last
		return func(args []string) ([]byte, bool) {
			if strings.HasSuffix(args[1], "7") {
				return nil, false
			}
			buf = append(buf[:0], strings.Join(args, "|")...)
			return buf, true
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer releaseJoin()
	upper, releaseUpper, err := db.RegisterFunc(ctx, func() RowFunc {
		return func(args []string) ([]byte, bool) { return []byte(strings.ToUpper(args[0])), true }
	})
	if err != nil {
		t.Fatal(err)
	}
	defer releaseUpper()
	if join == upper {
		t.Fatalf("one token %d for two functions", join)
	}
	// Every row checked in SQL against what the function should give.
	var bad, nulls, rows int64
	err = db.sql.QueryRowContext(ctx, `
		SELECT count(*) FILTER (WHERE got IS DISTINCT FROM want), count(*) FILTER (WHERE got IS NULL), count(*)
		FROM (SELECT patnav_func(?, name, note, 'k') AS got,
		             CASE WHEN coalesce(note, '') LIKE '%7' THEN NULL ELSE name || '|' || coalesce(note, '') || '|k' END AS want
		      FROM t)`, join).Scan(&bad, &nulls, &rows)
	if err != nil {
		t.Fatal(err)
	}
	if bad != 0 || rows != n {
		t.Errorf("%d of %d rows differ", bad, rows)
	}
	want := int64(0) // notes ending in 7: ids ending in 7 that are not multiples of 3
	for i := 1; i <= n; i++ {
		if i%10 == 7 && i%3 != 0 {
			want++
		}
	}
	if nulls != want {
		t.Errorf("%d NULL results, want %d", nulls, want)
	}
	var up string
	if err := db.sql.QueryRowContext(ctx, `SELECT patnav_func(?, name) FROM t WHERE id = 12`, upper).Scan(&up); err != nil || up != "N12" {
		t.Errorf("upper: %q %v", up, err)
	}
	mu.Lock()
	if made == 0 {
		t.Error("newRow never called")
	}
	mu.Unlock()
	releaseUpper()
	if err := db.sql.QueryRowContext(ctx, `SELECT patnav_func(?, name) FROM t WHERE id = 12`, upper).Scan(&up); err == nil || !strings.Contains(err.Error(), "no such token") {
		t.Errorf("after release: %q %v", up, err)
	}
}

// TestRegisterFuncPanics: a panic in a RowFunc, or in newRow, is the query's error, and the DB
// still works.
func TestRegisterFuncPanics(t *testing.T) {
	db := feedDB(t, 5000)
	ctx := context.Background()
	tok, release, err := db.RegisterFunc(ctx, func() RowFunc {
		return func(args []string) ([]byte, bool) {
			if args[0] == "n4321" {
				panic("boom")
			}
			return []byte(args[0]), true
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	var n int64
	err = db.sql.QueryRowContext(ctx, `SELECT count(patnav_func(?, name)) FROM t`, tok).Scan(&n)
	if err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("panic: %d %v", n, err)
	}
	if err := db.sql.QueryRowContext(ctx, `SELECT count(patnav_func(?, name)) FROM t WHERE id < 4000`, tok).Scan(&n); err != nil || n != 3999 {
		t.Errorf("after the panic: %d %v", n, err)
	}
	bad, releaseBad, err := db.RegisterFunc(ctx, func() RowFunc { panic("no row function") })
	if err != nil {
		t.Fatal(err)
	}
	defer releaseBad()
	err = db.sql.QueryRowContext(ctx, `SELECT count(patnav_func(?, name)) FROM t`, bad).Scan(&n)
	if err == nil || !strings.Contains(err.Error(), "no row function") {
		t.Errorf("newRow's panic: %d %v", n, err)
	}
}
