package duck

import (
	"context"
	"testing"
)

// benchRows is quality_base's shape: an id, a year, nullable numbers and a count, 200,000 rows.
const benchRows = `SELECT 'F' || i::VARCHAR AS family_id, (2000 + i % 25)::BIGINT AS py,
 CASE WHEN i % 3 = 0 THEN NULL ELSE (i % 17)::INTEGER END AS fwd,
 CASE WHEN i % 5 = 0 THEN NULL ELSE (i % 31)::DOUBLE END AS claims, (i % 7)::BIGINT AS scope
FROM range(200000) t(i)`

type benchRow struct {
	FamilyID string   `db:"family_id"`
	Year     int      `db:"py"`
	Fwd      *float64 `db:"fwd"`
	Claims   *float64 `db:"claims"`
	Scope    float64  `db:"scope"`
}

// BenchmarkScanTyped scans benchRows into structs by column name (Scan).
func BenchmarkScanTyped(b *testing.B) {
	db, err := OpenMemory()
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		n := 0
		if err := Scan(context.Background(), db, benchRows, func(benchRow) error { n++; return nil }); err != nil || n != 200000 {
			b.Fatal(n, err)
		}
	}
	b.ReportMetric(200000*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

// BenchmarkScanPositional reads the same rows as []any and converts them with plain, as the
// positional reads did before Scan (the yardstick for Scan's reflection).
func BenchmarkScanPositional(b *testing.B) {
	db, err := OpenMemory()
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for b.Loop() {
		rows, err := db.SQL().QueryContext(context.Background(), benchRows)
		if err != nil {
			b.Fatal(err)
		}
		cts, _ := rows.ColumnTypes()
		vals := make([]any, len(cts))
		ptrs := make([]any, len(cts))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				b.Fatal(err)
			}
			for i, v := range vals {
				vals[i] = plain(v, cts[i].DatabaseTypeName())
			}
			n++
		}
		rows.Close()
		if n != 200000 {
			b.Fatal(n)
		}
	}
	b.ReportMetric(200000*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
