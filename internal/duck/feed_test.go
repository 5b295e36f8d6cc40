package duck

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

type feedRow struct {
	ID   int64   `db:"id"`
	Name string  `db:"name"`
	Note *string `db:"note"`
	X    float64 `db:"x"`
}

// feedDB is an in-memory database with a table t of n rows: id 1…n, name 'n<id>', note NULL for
// every third id, x = id / 2.
func feedDB(t *testing.T, n int) *DB {
	t.Helper()
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.sql.Exec(fmt.Sprintf(`CREATE TABLE t AS SELECT i::BIGINT AS id, 'n' || i AS name,
		CASE WHEN i %% 3 = 0 THEN NULL ELSE 'note ' || i END AS note, i / 2 AS x FROM range(1, %d) r(i)`, n+1)); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestFeed: every row of a result of several of DuckDB's row groups (scanned by its threads at
// once) reaches fn once, with its values, NULL as nil, and a bound parameter and a trailing
// comment and semicolon in the query.
func TestFeed(t *testing.T) {
	const n = 400000
	db := feedDB(t, n)
	var got []feedRow
	err := Feed(context.Background(), db, "SELECT id, name, note, x FROM t WHERE id > ? -- the rows\n;",
		func(r feedRow) error { got = append(got, r); return nil }, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != n-10 {
		t.Fatalf("%d rows, want %d", len(got), n-10)
	}
	slices.SortFunc(got, func(a, b feedRow) int { return int(a.ID - b.ID) })
	for i, r := range got {
		id := int64(i + 11)
		if r.ID != id || r.Name != fmt.Sprintf("n%d", id) || r.X != float64(id)/2 {
			t.Fatalf("row %d: %+v", i, r)
		}
		if (id%3 == 0) != (r.Note == nil) {
			t.Fatalf("row %d: note %v", id, r.Note)
		}
		if r.Note != nil && *r.Note != fmt.Sprintf("note %d", id) {
			t.Fatalf("row %d: note %q", id, *r.Note)
		}
	}
	// A second feed on the same database (the function is registered once) with no rows.
	calls := 0
	if err := Feed(context.Background(), db, "SELECT id, name, note, x FROM t WHERE id < 0",
		func(feedRow) error { calls++; return nil }); err != nil || calls != 0 {
		t.Fatalf("empty feed: %d calls, %v", calls, err)
	}
}

// TestFeedStops: fn's error ends the query and is what Feed returns; fn gets no row after it.
func TestFeedStops(t *testing.T) {
	db := feedDB(t, 50000)
	stop := errors.New("enough")
	calls := 0
	err := Feed(context.Background(), db, "SELECT id, name, note, x FROM t", func(feedRow) error {
		calls++
		if calls == 100 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Fatalf("err %v, want %v", err, stop)
	}
	if calls != 100 {
		t.Fatalf("%d calls after the error, want 100", calls)
	}
	// A panic in fn is an error, not a crash.
	err = Feed(context.Background(), db, "SELECT id, name, note, x FROM t", func(feedRow) error { panic("bad row") })
	if err == nil || !strings.Contains(err.Error(), "bad row") {
		t.Fatalf("err %v, want the panic as an error", err)
	}
	// A cancelled context ends it too.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Feed(ctx, db, "SELECT id, name, note, x FROM t", func(feedRow) error { return nil }); err == nil {
		t.Fatal("a cancelled feed succeeded")
	}
}

// TestFeedErrors: a row type that does not fit the columns, and a statement that is not a SELECT.
func TestFeedErrors(t *testing.T) {
	db := feedDB(t, 10)
	type wrong struct {
		ID string `db:"id"`
	}
	err := Feed(context.Background(), db, "SELECT id FROM t", func(wrong) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "id") {
		t.Fatalf("err %v, want a type error naming the column", err)
	}
	err = Feed(context.Background(), db, "CREATE TABLE u (a INTEGER)", func(feedRow) error { return nil })
	if err == nil {
		t.Fatal("a CREATE fed")
	}
}
