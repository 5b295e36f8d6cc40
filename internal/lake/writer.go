package lake

import (
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"unsafe"

	"github.com/parquet-go/parquet-go"
)

// rowGroupRows bounds a row group, and so the memory a table writer buffers.
const rowGroupRows = 32 << 10

// tableWriter is one part file being written (this file: the Parquet writing, and the cuts that
// keep parquet-go's fault out of it; txn.go: the transaction that stages and commits the parts).
type tableWriter interface {
	close() error
	rows() int64
	file() string
}

// genericTable writes one table's part file. Writes are handed to the table's own goroutine, so
// the tables compress in parallel with each other and with parsing; the caller's slice is copied.
type genericTable[T any] struct {
	f    *os.File
	path string
	w    *parquet.GenericWriter[T]
	n    int64 // rows accepted (caller side)
	buf  int   // rows since the last flush (goroutine side)
	work chan job[T]
	done chan struct{}
	err  error      // first write error (goroutine side; read after done)
	opt  []optField // the optional value columns (writeRows)
	cols []uint64   // writeRows' scratch: a chunk's set rows, per optional column
}

// job is a slice of rows for a table's goroutine and what to call once they are written.
type job[T any] struct {
	rows []T
	done func() // nil: nothing
}

func newTable[T any](path string) (*genericTable[T], error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	opts := []parquet.WriterOption{parquet.Compression(&pageCodec{}),
		parquet.MaxRowsPerRowGroup(rowGroupRows), parquet.CreatedBy("patnav", "1", "")}
	// Statistics: the column chunk's min/max (DuckDB prunes row groups with them) come from the
	// page bounds, so bounds are kept for the numeric and date columns, where they cost next to
	// nothing. String columns skip them: comparing every value (or every dictionary entry, per
	// page) was a tenth of ingest time, and no query prunes on a string range. The statistics
	// in data page headers repeat the column index, which no reader here uses, so they are off.
	opts = append(opts, parquet.DataPageStatistics(false))
	for _, fld := range parquet.SchemaOf(new(T)).Fields() {
		if fld.Leaf() && fld.Type().Kind() == parquet.ByteArray {
			opts = append(opts, parquet.SkipPageBounds(fld.Name()))
		}
	}
	w := parquet.NewGenericWriter[T](f, opts...)
	t := &genericTable[T]{f: f, path: path, w: w, work: make(chan job[T], 4), done: make(chan struct{}),
		opt: optionalFields(reflect.TypeFor[T]())}
	t.cols = make([]uint64, len(t.opt))
	go t.loop()
	return t, nil
}

func (t *genericTable[T]) loop() {
	defer close(t.done)
	for j := range t.work {
		if t.err != nil {
			j.release()
			continue
		}
		err := t.writeGroups(j.rows)
		j.release()
		if err != nil {
			t.err = fmt.Errorf("%s: %w", t.path, err)
		}
	}
}

// writeGroups writes rows and ends a row group at exactly rowGroupRows rows: parquet-go, which
// would split a call at the row group's end itself, then never does, so each call's 64-row
// chunks start at its first row, as writeRows counts them.
func (t *genericTable[T]) writeGroups(rows []T) error {
	for len(rows) > 0 {
		n := min(len(rows), rowGroupRows-t.buf)
		if err := writeRows(t.w, rows[:n], t.opt, t.cols); err != nil {
			return err
		}
		rows = rows[n:]
		if t.buf += n; t.buf >= rowGroupRows {
			t.buf = 0
			if err := t.w.Flush(); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeRows hands rows to parquet-go in calls that avoid a fault of parquet-go (v0.28.0 to
// v0.32.1) in optional columns of a value type (a string or date that is NULL when empty).
// parquet-go writes a call in chunks of 64 rows (ConcurrentRowGroupWriter.writeRows,
// maxRowsPerWrite) and walks each such column's set/empty bitmap of a chunk in runs; where a run
// of set values starts s rows into the chunk (1 ≤ s ≤ 32), is s rows long and only empty values
// follow it in the chunk, it writes the empty values after the run as set, an empty string or the
// date 1970-01-01 instead of NULL (column_buffer_write.go, writeRowsFuncOfOptional: the rest of
// the word is compared with (1<<s)-1 instead of being tested for all ones). A call is cut only
// where one of its chunks would hold that pattern with rows after the run (callEnd): it then ends
// right after the run, where parquet-go stops. On the 300k-family Lens file, one call per batch
// without cuts had left 41 applicant countries and 24 cited documents as empty strings.
// Cutting wherever a column goes from empty to set (the nineteenth session's rule, which also
// avoids the pattern) made many calls of a few rows, and cost the 1M-family ingest about a tenth
// more CPU (docs/scale.md). A row type whose optional value columns opt cannot describe (opt nil)
// is written two rows a call, which cannot hold the pattern either. cols is scratch space of
// len(opt) words. TestWriterNullsExact and TestWriterNullsLong read back what was written.
func writeRows[T any](w *parquet.GenericWriter[T], rows []T, opt []optField, cols []uint64) error {
	if opt == nil {
		for i := 0; i < len(rows); i += 2 {
			if _, err := w.Write(rows[i:min(i+2, len(rows))]); err != nil {
				return err
			}
		}
		return nil
	}
	for lo := 0; lo < len(rows); {
		hi := callEnd(rows, lo, opt, cols)
		if _, err := w.Write(rows[lo:hi]); err != nil {
			return err
		}
		lo = hi
	}
	return nil
}

// chunkRows is the rows parquet-go writes a column at a time within a call (maxRowsPerWrite).
const chunkRows = 64

// callEnd returns the end of the call that starts at rows[lo]: the rows from lo up to the first
// chunk that would hold the fault's pattern with rows after its run (faultEnd), cut right after
// that run, or all of them. A cut shortens the chunk, which may uncover the pattern earlier in it
// for another column (its run then was followed by set rows after the cut), so the chunk is
// checked again until no column holds it.
func callEnd[T any](rows []T, lo int, opt []optField, cols []uint64) int {
	for start := lo; start < len(rows); start += chunkRows {
		n := min(chunkRows, len(rows)-start)
		clear(cols)
		for k := range n {
			for m := setMask(unsafe.Pointer(&rows[start+k]), opt); m != 0; m &= m - 1 {
				cols[bits.TrailingZeros64(m)] |= 1 << k
			}
		}
		for {
			cut := n
			for _, w := range cols {
				if e := faultEnd(w); e > 0 && e < cut {
					cut = e
				}
			}
			if cut == n {
				break
			}
			n = cut
			for i := range cols {
				cols[i] &= 1<<n - 1
			}
		}
		if n < chunkRows {
			return start + n
		}
	}
	return len(rows)
}

// faultEnd returns, for a column's chunk w (bit k set: the chunk's row k is set), the row after
// the chunk's last run of set rows when that run starts s ≥ 1 rows into the chunk and is s rows
// long (only empty rows follow the last run): the pattern parquet-go writes wrongly when the
// chunk has rows after it. Otherwise 0.
func faultEnd(w uint64) int {
	if w == 0 {
		return 0
	}
	end := 64 - bits.LeadingZeros64(w) // the row after the last set row
	below := ^w & (1<<(end-1) - 1)     // the empty rows before the last set row
	if below == 0 {
		return 0 // the run starts at the chunk's first row
	}
	s := 64 - bits.LeadingZeros64(below) // the last run's first row
	if end-s == s {
		return end
	}
	return 0
}

// optField is an optional column of a value type in a row struct: its offset and kind.
type optField struct {
	off  uintptr
	kind reflect.Kind
}

// optionalFields lists the row type's top-level fields tagged optional that parquet-go writes
// through the path with the fault (writeRows): strings and integers, NULL when empty. It skips
// the fields it writes another way (a pointer is NULL when nil; a list's or slice's optional
// applies to its elements), and returns nil (two rows a call) when there are more than 64, when
// an optional field is of a kind setMask does not read ([]byte, a map, a struct: the same path),
// or when a field holds a struct, whose own optional fields it would not see.
func optionalFields(t reflect.Type) []optField {
	out := []optField{}
	for i := range t.NumField() {
		f := t.Field(i)
		inner := f.Type
		for inner.Kind() == reflect.Pointer || inner.Kind() == reflect.Slice || inner.Kind() == reflect.Array {
			inner = inner.Elem()
		}
		if inner.Kind() == reflect.Struct {
			return nil
		}
		opts := strings.Split(f.Tag.Get("parquet"), ",")
		if len(opts) < 2 || !slices.Contains(opts[1:], "optional") {
			continue
		}
		switch k := f.Type.Kind(); {
		case k == reflect.Pointer, k == reflect.Slice && f.Type.Elem().Kind() != reflect.Uint8:
			continue // not the path with the fault
		case k == reflect.String, k == reflect.Int32, k == reflect.Int64:
			out = append(out, optField{f.Offset, k})
		default:
			return nil
		}
	}
	if len(out) > 64 {
		return nil
	}
	return out
}

// setMask has bit i set when the row's opt[i] is not empty.
func setMask(row unsafe.Pointer, opt []optField) uint64 {
	var m uint64
	for i, f := range opt {
		p := unsafe.Add(row, f.off)
		var set bool
		switch f.kind {
		case reflect.String:
			set = len(*(*string)(p)) > 0
		case reflect.Int32:
			set = *(*int32)(p) != 0
		default:
			set = *(*int64)(p) != 0
		}
		if set {
			m |= 1 << i
		}
	}
	return m
}

func (j job[T]) release() {
	if j.done != nil {
		j.done()
	}
}

// write hands rows to the table's goroutine: the caller must not touch the slice until done is
// called (at once when there is nothing to write).
func (t *genericTable[T]) write(rows []T, done func()) error {
	if len(rows) == 0 {
		job[T]{done: done}.release()
		return nil
	}
	t.n += int64(len(rows))
	t.work <- job[T]{rows, done}
	return nil
}

func (t *genericTable[T]) close() error {
	if t.work != nil {
		close(t.work)
		<-t.done
		t.work = nil
	} else {
		return nil // already closed
	}
	if t.err != nil {
		t.f.Close()
		return t.err
	}
	if err := t.w.Close(); err != nil {
		t.f.Close()
		return err
	}
	if err := t.f.Sync(); err != nil {
		t.f.Close()
		return err
	}
	return t.f.Close()
}

func (t *genericTable[T]) rows() int64  { return t.n }
func (t *genericTable[T]) file() string { return t.path }

// newWriter opens a part file of table at path.
func newWriter(table, path string) (tableWriter, error) {
	switch table {
	case TPatents:
		return newTable[PatentRow](path)
	case TParties:
		return newTable[PartyRow](path)
	case TClassifications:
		return newTable[ClassRow](path)
	case TCitations:
		return newTable[CitationRow](path)
	case TPriorities:
		return newTable[PriorityRow](path)
	case TLegalEvents:
		return newTable[LegalEventRow](path)
	case TProvenance:
		return newTable[ProvenanceRow](path)
	case TQuarantine:
		return newTable[QuarantineRow](path)
	case TFamilyLinks:
		return newTable[FamilyLinkRow](path)
	case TObservations:
		return newTable[ObservationRow](path)
	case TStandards:
		return newTable[StandardRow](path)
	}
	return nil, fmt.Errorf("no table %q", table)
}
