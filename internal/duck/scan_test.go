package duck

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// allTypes is one row of every conversion Binding documents.
type allTypes struct {
	Tiny    int8       `db:"tiny"`
	Small   int        `db:"small"`
	Int     int        `db:"int"`
	Big     int64      `db:"big"`
	Huge    int64      `db:"huge"`
	UBig    uint64     `db:"ubig"`
	UInt    uint       `db:"uint"`
	IntF    float64    `db:"int_f"`
	Dbl     float64    `db:"dbl"`
	Flt     float32    `db:"flt"`
	Dec     float64    `db:"dec"`
	Dec0    int        `db:"dec0"`
	Str     string     `db:"str"`
	Enum    string     `db:"enum"`
	Bool    bool       `db:"bool"`
	Date    time.Time  `db:"date"`
	DateS   string     `db:"date_s"`
	TS      time.Time  `db:"ts"`
	Ints    []int      `db:"ints"`
	Floats  []float64  `db:"floats"`
	Strs    []string   `db:"strs"`
	Nested  [][]int    `db:"nested"`
	NullInt int        `db:"null_int"`
	NullPtr *float64   `db:"null_ptr"`
	Ptr     *int       `db:"ptr"`
	NullStr string     `db:"null_str"`
	NullLst []string   `db:"null_list"`
	NullTm  *time.Time `db:"null_time"`
	WithNil []int      `db:"with_null"`
	Ignored string     `db:"-"`
}

const allTypesSQL = `SELECT 7::TINYINT AS tiny, -300::SMALLINT AS small, 2147483647::INTEGER AS int,
 -9007199254740993::BIGINT AS big, 170141183460469231731687303715884105::HUGEINT // 10000000000000000000000 AS huge,
 18446744073709551615::UBIGINT AS ubig, 4000000000::UINTEGER AS uint, 41::INTEGER AS int_f, 0.25::DOUBLE AS dbl,
 1.5::FLOAT AS flt, 12.345::DECIMAL(9,3) AS dec, 42::DECIMAL(9,0) AS dec0, '无人机' AS str,
 'b'::ENUM('a', 'b') AS enum, true AS bool, DATE '2024-02-29' AS date, DATE '1900-03-01' AS date_s,
 TIMESTAMP '2024-02-29 13:14:15' AS ts, [3, 1, 2]::INTEGER[] AS ints, [1, 2.5]::DOUBLE[] AS floats,
 ['x', 'y'] AS strs, [[1], [2, 3]]::INTEGER[][] AS nested, NULL::INTEGER AS null_int, NULL::DOUBLE AS null_ptr,
 5 AS ptr, NULL::VARCHAR AS null_str, NULL::VARCHAR[] AS null_list, NULL::DATE AS null_time,
 [1, NULL, 3]::INTEGER[] AS with_null`

func TestScanEveryType(t *testing.T) {
	ctx := context.Background()
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var got []allTypes
	if err := Scan(ctx, db, allTypesSQL, func(r allTypes) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Fatalf("%d rows", len(got))
	}
	r := got[0]
	five := 5
	// Expected values are the literals of allTypesSQL; huge is 170141183460469231731687303715884105
	// integer-divided by 10^22 = 17014118346046 (digits dropped by hand).
	want := allTypes{Tiny: 7, Small: -300, Int: 2147483647, Big: -9007199254740993, Huge: 17014118346046,
		UBig: 18446744073709551615, UInt: 4000000000, IntF: 41, Dbl: 0.25, Flt: 1.5, Dec: 12.345, Dec0: 42,
		Str: "无人机", Enum: "b", Bool: true, Date: time.Date(2024, 2, 29, 0, 0, 0, 0, time.UTC), DateS: "1900-03-01",
		TS: time.Date(2024, 2, 29, 13, 14, 15, 0, time.UTC), Ints: []int{3, 1, 2}, Floats: []float64{1, 2.5},
		Strs: []string{"x", "y"}, Nested: [][]int{{1}, {2, 3}}, Ptr: &five, WithNil: []int{1, 0, 3}}
	if !reflect.DeepEqual(r, want) {
		t.Errorf("got  %+v\nwant %+v", r, want)
	}
}

// TestScanListOfIntegers is the inventor h-index bug: LIST<INTEGER> elements arrive as int32 and
// were read as 0 by the positional helpers; the binding converts them.
func TestScanListOfIntegers(t *testing.T) {
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type row struct {
		Name  string `db:"name"`
		Cites []int  `db:"cites"`
	}
	var got []row
	q := `SELECT 'a' AS name, list(c::INTEGER ORDER BY c) AS cites FROM (VALUES (5), (3), (9)) v(c)`
	if err := Scan(context.Background(), db, q, func(r row) error { got = append(got, r); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !reflect.DeepEqual(got[0].Cites, []int{3, 5, 9}) {
		t.Errorf("got %+v", got)
	}
}

func TestScanErrors(t *testing.T) {
	ctx := context.Background()
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	type intRow struct {
		N int `db:"n"`
	}
	type strRow struct {
		N string `db:"n"`
	}
	type tinyRow struct {
		N int8 `db:"n"`
	}
	type uintRow struct {
		N uint `db:"n"`
	}
	type twoRow struct {
		N int `db:"n"`
		M int `db:"m"`
	}
	type untagged struct {
		N int
	}
	type decRow struct {
		N int `db:"n"`
	}
	for _, c := range []struct {
		name, sql string
		scan      func(string) error
		want      string
	}{
		{"int into string", "SELECT 1 AS n", scanInto[strRow](db), "column n: cannot convert INTEGER to string"},
		{"text into int", "SELECT 'x' AS n", scanInto[intRow](db), "cannot convert VARCHAR to int"},
		{"decimal with a scale into int", "SELECT 1.5::DECIMAL(4,1) AS n", scanInto[decRow](db), "cannot convert DECIMAL(4,1) to int"},
		{"column without a field", "SELECT 1 AS n, 2 AS extra", scanInto[intRow](db), "column extra (INTEGER) has no field"},
		{"field without a column", "SELECT 1 AS n", scanInto[twoRow](db), "the result has no column m"},
		{"untagged field", "SELECT 1 AS n", scanInto[untagged](db), "field N has no db tag"},
		{"overflow", "SELECT 300 AS n", scanInto[tinyRow](db), "300 overflows int8"},
		{"negative into uint", "SELECT -1 AS n", scanInto[uintRow](db), "-1 overflows uint"},
		{"list into int", "SELECT [1] AS n", scanInto[intRow](db), "cannot convert INTEGER[] to int"},
	} {
		err := c.scan(c.sql)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to contain %q", c.name, err, c.want)
		}
	}
	_ = ctx
}

func scanInto[T any](db *DB) func(string) error {
	return func(q string) error {
		return Scan(context.Background(), db, q, func(T) error { return nil })
	}
}

func TestDescribe(t *testing.T) {
	ctx := context.Background()
	db, err := OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The prepared description must name the types exactly as a run's database/sql columns do, so
	// a query checked by Describe binds the same way when it runs.
	var runCols []Column
	rows, err := db.SQL().QueryContext(ctx, allTypesSQL)
	if err != nil {
		t.Fatal(err)
	}
	cts, _ := rows.ColumnTypes()
	for _, ct := range cts {
		runCols = append(runCols, Column{Name: ct.Name(), Type: ct.DatabaseTypeName()})
	}
	rows.Close()
	d, err := db.Describe(ctx, allTypesSQL)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Select || !reflect.DeepEqual(d.Columns, runCols) {
		t.Errorf("describe %+v\nrun      %+v", d, runCols)
	}
	if err := Check(reflect.TypeFor[allTypes](), d.Columns); err != nil {
		t.Error(err)
	}
	d, err = db.Describe(ctx, "SELECT ?::INTEGER AS a, list_contains(?::VARCHAR[], 'x') AS b")
	if err != nil || d.Params != 2 || len(d.Columns) != 2 || d.Columns[0].Type != "INTEGER" || d.Columns[1].Type != "BOOLEAN" {
		t.Errorf("params: %+v %v", d, err)
	}
	if d, err = db.Describe(ctx, "CREATE TEMP TABLE t (a INTEGER)"); err != nil || d.Select {
		t.Errorf("create: %+v %v", d, err)
	}
	if _, err = db.Describe(ctx, "SELECT 1; SELECT 2"); !errors.Is(err, ErrNotPreparable) {
		t.Errorf("script: %v", err)
	}
}
