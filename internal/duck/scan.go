package duck

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/duckdb/duckdb-go/v2"
)

// Column is a result column: its name and its DuckDB type name as database/sql reports it
// ("INTEGER", "DECIMAL(18,3)", "VARCHAR[]", "DATE").
type Column struct {
	Name string
	Type string
}

// Binding maps the columns of a result onto the fields of a struct type by name: a field tagged
// `db:"col"` receives column col. Every tagged field must have a column and every column a field
// (a field tagged `db:"-"` is ignored), and each column's type must convert to its field's type:
//
//	Go field                       DuckDB column
//	int, int8…int64, uint…uint64   TINYINT…UBIGINT, HUGEINT, UHUGEINT, DECIMAL(w,0) (overflow is an error)
//	float32, float64               any integer type, FLOAT, DOUBLE, DECIMAL
//	string                         VARCHAR, ENUM, UUID, DATE (as YYYY-MM-DD)
//	bool                           BOOLEAN
//	time.Time                      DATE, TIMESTAMP (every precision and TZ)
//	[]E                            a LIST whose element type converts to E
//	*X                             as X; NULL → nil
//
// A NULL into a non-pointer field leaves the field's zero value (so a NULL element of a LIST of
// numbers reads as 0). Anything else is an error naming the column and both types.
type Binding struct {
	typ    reflect.Type
	fields []boundField // in column order
}

type boundField struct {
	col   Column
	index int
	conv  converter
}

// converter stores a driver value into dst (settable, of the field's type).
type converter func(dst reflect.Value, v any) error

// Bind checks struct type t against the result columns and returns the binding.
func Bind(t reflect.Type, cols []Column) (*Binding, error) {
	if t.Kind() != reflect.Struct {
		return nil, fmt.Errorf("row type %s is not a struct", t)
	}
	byName := map[string]int{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag, ok := f.Tag.Lookup("db")
		switch {
		case tag == "-":
			continue
		case !ok || tag == "":
			return nil, fmt.Errorf("row type %s: field %s has no db tag", t, f.Name)
		case !f.IsExported():
			return nil, fmt.Errorf("row type %s: field %s (column %s) is not exported", t, f.Name, tag)
		}
		if _, dup := byName[tag]; dup {
			return nil, fmt.Errorf("row type %s: two fields for column %s", t, tag)
		}
		byName[tag] = i
	}
	b := &Binding{typ: t}
	seen := map[string]bool{}
	for _, c := range cols {
		i, ok := byName[c.Name]
		if !ok {
			return nil, fmt.Errorf("column %s (%s) has no field in %s", c.Name, c.Type, t)
		}
		if seen[c.Name] {
			return nil, fmt.Errorf("column %s appears twice in the result", c.Name)
		}
		seen[c.Name] = true
		f := t.Field(i)
		conv, err := converterFor(f.Type, c.Type)
		if err != nil {
			return nil, fmt.Errorf("column %s: %w (field %s.%s)", c.Name, err, t, f.Name)
		}
		b.fields = append(b.fields, boundField{col: c, index: i, conv: conv})
	}
	for name, i := range byName {
		if !seen[name] {
			return nil, fmt.Errorf("field %s.%s: the result has no column %s", t, t.Field(i).Name, name)
		}
	}
	return b, nil
}

// store converts one row of driver values (in column order) into dst, a settable struct value of
// the bound type.
func (b *Binding) store(dst reflect.Value, vals []any) error {
	for i, f := range b.fields {
		if err := f.conv(dst.Field(f.index), vals[i]); err != nil {
			return fmt.Errorf("column %s (%s): %w", f.col.Name, f.col.Type, err)
		}
	}
	return nil
}

var timeType = reflect.TypeFor[time.Time]()

// converterFor returns the conversion of DuckDB type dbType into Go type t, or an error when the
// pair is not one Binding documents.
func converterFor(t reflect.Type, dbType string) (converter, error) {
	if dbType == "SQLNULL" || dbType == "NULL" { // a bare NULL literal: always nil
		return func(dst reflect.Value, _ any) error { dst.SetZero(); return nil }, nil
	}
	if t.Kind() == reflect.Pointer {
		inner, err := converterFor(t.Elem(), dbType)
		if err != nil {
			return nil, err
		}
		return func(dst reflect.Value, v any) error {
			if v == nil {
				dst.SetZero()
				return nil
			}
			p := reflect.New(t.Elem())
			if err := inner(p.Elem(), v); err != nil {
				return err
			}
			dst.Set(p)
			return nil
		}, nil
	}
	base, err := baseConverter(t, dbType)
	if err != nil {
		return nil, err
	}
	return func(dst reflect.Value, v any) error {
		if v == nil {
			dst.SetZero()
			return nil
		}
		return base(dst, v)
	}, nil
}

func baseConverter(t reflect.Type, dbType string) (converter, error) {
	bad := fmt.Errorf("cannot convert %s to %s", dbType, t)
	cat, scale := category(dbType)
	switch {
	case t == timeType:
		if cat != catDate && cat != catTimestamp {
			return nil, bad
		}
		return func(dst reflect.Value, v any) error {
			x, ok := v.(time.Time)
			if !ok {
				return fmt.Errorf("value %v (%T) is not a time", v, v)
			}
			dst.Set(reflect.ValueOf(x))
			return nil
		}, nil
	case t.Kind() == reflect.Slice && t.Elem().Kind() != reflect.Uint8:
		if cat != catList {
			return nil, bad
		}
		elem, err := converterFor(t.Elem(), strings.TrimSuffix(dbType, "[]"))
		if err != nil {
			return nil, fmt.Errorf("list element: %w", err)
		}
		return func(dst reflect.Value, v any) error {
			l, ok := v.([]any)
			if !ok {
				return fmt.Errorf("value %T is not a list", v)
			}
			s := reflect.MakeSlice(t, len(l), len(l))
			for i, e := range l {
				if err := elem(s.Index(i), e); err != nil {
					return fmt.Errorf("element %d: %w", i, err)
				}
			}
			dst.Set(s)
			return nil
		}, nil
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if cat != catInt && (cat != catDecimal || scale != 0) {
			return nil, bad
		}
		return func(dst reflect.Value, v any) error {
			n, err := toInt(v)
			if err != nil {
				return err
			}
			if n.neg && dst.OverflowInt(n.i) || !n.neg && (n.u > math.MaxInt64 || dst.OverflowInt(int64(n.u))) {
				return fmt.Errorf("%v overflows %s", v, t)
			}
			if n.neg {
				dst.SetInt(n.i)
			} else {
				dst.SetInt(int64(n.u))
			}
			return nil
		}, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if cat != catInt && (cat != catDecimal || scale != 0) {
			return nil, bad
		}
		return func(dst reflect.Value, v any) error {
			n, err := toInt(v)
			if err != nil {
				return err
			}
			if n.neg || dst.OverflowUint(n.u) {
				return fmt.Errorf("%v overflows %s", v, t)
			}
			dst.SetUint(n.u)
			return nil
		}, nil
	case reflect.Float32, reflect.Float64:
		if cat != catInt && cat != catFloat && cat != catDecimal {
			return nil, bad
		}
		return func(dst reflect.Value, v any) error {
			f, err := toFloat(v)
			if err != nil {
				return err
			}
			dst.SetFloat(f)
			return nil
		}, nil
	case reflect.String:
		switch cat {
		case catString:
			return func(dst reflect.Value, v any) error {
				switch x := v.(type) {
				case string:
					dst.SetString(x)
				case []byte:
					dst.SetString(string(x))
				case duckdb.UUID:
					dst.SetString(x.String())
				case fmt.Stringer:
					dst.SetString(x.String())
				default:
					return fmt.Errorf("value %v (%T) is not text", v, v)
				}
				return nil
			}, nil
		case catDate:
			return func(dst reflect.Value, v any) error {
				x, ok := v.(time.Time)
				if !ok {
					return fmt.Errorf("value %v (%T) is not a date", v, v)
				}
				dst.SetString(x.Format("2006-01-02"))
				return nil
			}, nil
		}
		return nil, bad
	case reflect.Bool:
		if cat != catBool {
			return nil, bad
		}
		return func(dst reflect.Value, v any) error {
			x, ok := v.(bool)
			if !ok {
				return fmt.Errorf("value %v (%T) is not a boolean", v, v)
			}
			dst.SetBool(x)
			return nil
		}, nil
	}
	return nil, bad
}

type typeCategory int

const (
	catOther typeCategory = iota
	catInt
	catFloat
	catDecimal
	catString
	catBool
	catDate
	catTimestamp
	catList
)

// category classifies a DuckDB type name; for DECIMAL(w,s) it also returns the scale.
func category(dbType string) (typeCategory, int) {
	switch {
	case strings.HasSuffix(dbType, "[]"):
		return catList, 0
	case strings.HasPrefix(dbType, "DECIMAL"):
		scale := 0
		if i, j := strings.IndexByte(dbType, ','), strings.IndexByte(dbType, ')'); i > 0 && j > i {
			scale, _ = strconv.Atoi(strings.TrimSpace(dbType[i+1 : j]))
		}
		return catDecimal, scale
	case strings.HasPrefix(dbType, "TIMESTAMP"):
		return catTimestamp, 0
	}
	switch dbType {
	case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT":
		return catInt, 0
	case "FLOAT", "DOUBLE":
		return catFloat, 0
	case "VARCHAR", "ENUM", "UUID":
		return catString, 0
	case "BOOLEAN":
		return catBool, 0
	case "DATE":
		return catDate, 0
	}
	return catOther, 0
}

// integer is an integer value of any driver type: its magnitude and sign.
type integer struct {
	neg bool
	i   int64  // when neg
	u   uint64 // when not neg
}

func toInt(v any) (integer, error) {
	signed := func(x int64) integer {
		if x < 0 {
			return integer{neg: true, i: x}
		}
		return integer{u: uint64(x)}
	}
	switch x := v.(type) {
	case int8:
		return signed(int64(x)), nil
	case int16:
		return signed(int64(x)), nil
	case int32:
		return signed(int64(x)), nil
	case int64:
		return signed(x), nil
	case int:
		return signed(int64(x)), nil
	case uint8:
		return integer{u: uint64(x)}, nil
	case uint16:
		return integer{u: uint64(x)}, nil
	case uint32:
		return integer{u: uint64(x)}, nil
	case uint64:
		return integer{u: x}, nil
	case *big.Int:
		return bigInteger(x)
	case duckdb.Decimal:
		if x.Scale != 0 || x.Value == nil {
			return integer{}, fmt.Errorf("decimal %v is not an integer", x.Float64())
		}
		return bigInteger(x.Value)
	}
	return integer{}, fmt.Errorf("value %v (%T) is not an integer", v, v)
}

func bigInteger(x *big.Int) (integer, error) {
	switch {
	case x.IsInt64():
		if n := x.Int64(); n < 0 {
			return integer{neg: true, i: n}, nil
		}
		return integer{u: uint64(x.Int64())}, nil
	case x.IsUint64():
		return integer{u: x.Uint64()}, nil
	}
	return integer{}, fmt.Errorf("%s overflows 64 bits", x)
}

func toFloat(v any) (float64, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case float32:
		return float64(x), nil
	case duckdb.Decimal:
		return x.Float64(), nil
	case *big.Int:
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, nil
	}
	n, err := toInt(v)
	if err != nil {
		return 0, fmt.Errorf("value %v (%T) is not a number", v, v)
	}
	if n.neg {
		return float64(n.i), nil
	}
	return float64(n.u), nil
}

// Scan runs a query with bound parameters and calls fn with every row scanned into a T by column
// name (see Binding). fn gets a copy of the row; slices in it are fresh for every row.
//
// When DuckDB fails with its out-of-memory error before fn has had a row, Scan trims DuckDB's
// buffer and runs the query once more (see Exec).
func Scan[T any](ctx context.Context, d *DB, query string, fn func(T) error, args ...any) error {
	return d.readAgain(ctx, func() (int, error) { return scanOnce(ctx, d, query, fn, args...) })
}

// readAgain runs a read (once: the rows it gave its consumer and its error) and, when it failed
// with DuckDB's out-of-memory error before its consumer had a row, once more (see runAgain).
func (d *DB) readAgain(ctx context.Context, once func() (int, error)) error {
	n, err := once()
	if err == nil || n > 0 || !d.runAgain(ctx, err) {
		return err
	}
	_, err = once()
	return err
}

// scanOnce is Scan without the retry; n counts the rows fn had.
func scanOnce[T any](ctx context.Context, d *DB, query string, fn func(T) error, args ...any) (n int, err error) {
	rows, err := d.sql.QueryContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	defer rows.Close()
	b, err := bindRows(reflect.TypeFor[T](), rows)
	if err != nil {
		return 0, err
	}
	vals := make([]any, len(b.fields))
	ptrs := make([]any, len(b.fields))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var row T
	dst := reflect.ValueOf(&row).Elem()
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return n, fmt.Errorf("row %d: %w", n+1, err)
		}
		if err := b.store(dst, vals); err != nil {
			return n, fmt.Errorf("row %d: %w", n+1, err)
		}
		n++
		if err := fn(row); err != nil {
			return n, err
		}
	}
	return n, rows.Err()
}

func bindRows(t reflect.Type, rows *sql.Rows) (*Binding, error) {
	cts, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	cols := make([]Column, len(cts))
	for i, ct := range cts {
		cols[i] = Column{Name: ct.Name(), Type: ct.DatabaseTypeName()}
	}
	return Bind(t, cols)
}

// ErrNotPreparable is returned by Describe for SQL DuckDB cannot prepare as one statement
// (a script of several statements).
var ErrNotPreparable = errors.New("not a single preparable statement")

// Description is what preparing a statement tells without running it.
type Description struct {
	Select  bool     // the statement returns rows (a SELECT, WITH … SELECT, VALUES …)
	Columns []Column // the result columns of a SELECT, with database/sql's type names
	Params  int      // the number of bound parameters
}

// Describe prepares query (without running it) and returns its result columns.
func (d *DB) Describe(ctx context.Context, query string) (Description, error) {
	conn, err := d.sql.Conn(ctx)
	if err != nil {
		return Description{}, err
	}
	defer conn.Close()
	var desc Description
	err = conn.Raw(func(dc any) error {
		// Prepare, not PrepareContext: the driver's PrepareContext runs every statement of a script
		// but the last, Prepare refuses a script.
		pc, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("duckdb: unexpected driver connection %T", dc)
		}
		ds, err := pc.Prepare(query)
		if err != nil {
			if strings.Contains(err.Error(), "multi-statement") {
				return fmt.Errorf("%w: %v", ErrNotPreparable, err)
			}
			return err
		}
		defer ds.Close()
		st, ok := ds.(*duckdb.Stmt)
		if !ok {
			return fmt.Errorf("duckdb: unexpected statement %T", ds)
		}
		desc.Params = st.NumInput()
		typ, err := st.StatementType()
		if err != nil {
			return err
		}
		desc.Select = typ == duckdb.STATEMENT_TYPE_SELECT
		if !desc.Select {
			return nil
		}
		n, err := st.ColumnCount()
		if err != nil {
			return err
		}
		for i := 0; i < n; i++ {
			name, err := st.ColumnName(i)
			if err != nil {
				return err
			}
			ti, err := st.ColumnTypeInfo(i)
			if err != nil {
				return fmt.Errorf("column %s: %w", name, err)
			}
			desc.Columns = append(desc.Columns, Column{Name: name, Type: typeInfoName(ti)})
		}
		return nil
	})
	return desc, err
}

// typeInfoName renders a prepared column's type as database/sql's DatabaseTypeName does.
func typeInfoName(ti duckdb.TypeInfo) string {
	switch d := ti.Details().(type) {
	case *duckdb.DecimalDetails:
		return fmt.Sprintf("DECIMAL(%d,%d)", d.Width, d.Scale)
	case *duckdb.ListDetails:
		return typeInfoName(d.Child) + "[]"
	case *duckdb.StructDetails:
		return "STRUCT"
	case *duckdb.MapDetails:
		return "MAP"
	case *duckdb.ArrayDetails:
		return "ARRAY"
	}
	if name, ok := typeNames[ti.InternalType()]; ok {
		return name
	}
	return fmt.Sprintf("TYPE(%d)", ti.InternalType())
}

var typeNames = map[duckdb.Type]string{
	duckdb.TYPE_BOOLEAN: "BOOLEAN", duckdb.TYPE_TINYINT: "TINYINT", duckdb.TYPE_SMALLINT: "SMALLINT",
	duckdb.TYPE_INTEGER: "INTEGER", duckdb.TYPE_BIGINT: "BIGINT", duckdb.TYPE_UTINYINT: "UTINYINT",
	duckdb.TYPE_USMALLINT: "USMALLINT", duckdb.TYPE_UINTEGER: "UINTEGER", duckdb.TYPE_UBIGINT: "UBIGINT",
	duckdb.TYPE_FLOAT: "FLOAT", duckdb.TYPE_DOUBLE: "DOUBLE", duckdb.TYPE_TIMESTAMP: "TIMESTAMP",
	duckdb.TYPE_DATE: "DATE", duckdb.TYPE_TIME: "TIME", duckdb.TYPE_INTERVAL: "INTERVAL",
	duckdb.TYPE_HUGEINT: "HUGEINT", duckdb.TYPE_UHUGEINT: "UHUGEINT", duckdb.TYPE_VARCHAR: "VARCHAR",
	duckdb.TYPE_BLOB: "BLOB", duckdb.TYPE_TIMESTAMP_S: "TIMESTAMP_S", duckdb.TYPE_TIMESTAMP_MS: "TIMESTAMP_MS",
	duckdb.TYPE_TIMESTAMP_NS: "TIMESTAMP_NS", duckdb.TYPE_ENUM: "ENUM", duckdb.TYPE_UUID: "UUID",
	duckdb.TYPE_TIME_TZ: "TIMETZ", duckdb.TYPE_TIMESTAMP_TZ: "TIMESTAMPTZ", duckdb.TYPE_SQLNULL: "SQLNULL",
}

// Check reports whether the columns of a description bind to struct type t (see Binding).
func Check(t reflect.Type, cols []Column) error {
	_, err := Bind(t, cols)
	return err
}
