package lake

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unsafe"

	"github.com/parquet-go/parquet-go"
)

// rowGroupRows bounds a row group, and so the memory a table writer buffers.
const rowGroupRows = 32 << 10

// yearGroupRows bounds a row group of a part by year (Txn.ByYear). Smaller groups would bound
// the memory of the ~150 writers of an ingest by year, but DuckDB reads them slower: the 10M-
// family landscape over a lake by year in groups of 4,096 rows took 18:00 against 14:04 over the
// whole lake (scans of classifications 3x, the views' opening 45 s against 16 s).
const yearGroupRows = rowGroupRows

// Txn is an ingest in progress: rows go to part files in a staging folder, and Commit publishes
// them together with a new manifest. Without Commit nothing in the lake changes.
type Txn struct {
	l       *Lake
	ID      string // ingest id, e.g. "000007"
	staging string
	w       map[string]tableWriter
	inputs  []Input
	forget  *forgetting // earlier inputs this transaction removes (Forget)
	done    bool
	// byYear: the YearTables' rows go to one part per priority year (ByYear), in yw (table →
	// year → writer, made as a year's first rows arrive; year 0 is the unknown year).
	byYear bool
	yw     map[string]map[int32]tableWriter
	ywMu   sync.Mutex
}

type tableWriter interface {
	close() error
	rows() int64
	file() string
}

// genericTable writes one table's part file. Writes are handed to the table's own goroutine, so
// the tables compress in parallel with each other and with parsing; the caller's slice is copied.
type genericTable[T any] struct {
	f     *os.File
	path  string
	w     *parquet.GenericWriter[T]
	n     int64 // rows accepted (caller side)
	buf   int   // rows since the last flush (goroutine side)
	work  chan job[T]
	done  chan struct{}
	err   error      // first write error (goroutine side; read after done)
	opt   []optField // the optional value columns (writeRows)
	group int        // rows per row group
}

// job is a slice of rows for a table's goroutine and what to call once they are written.
type job[T any] struct {
	rows []T
	done func() // nil: nothing
}

func newTable[T any](path string) (*genericTable[T], error) {
	return newTableRows[T](path, rowGroupRows)
}

// newTableRows is newTable with row groups of at most groupRows rows.
func newTableRows[T any](path string, groupRows int) (*genericTable[T], error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	opts := []parquet.WriterOption{parquet.Compression(&pageCodec{}),
		parquet.MaxRowsPerRowGroup(int64(groupRows)), parquet.CreatedBy("patnav", "1", "")}
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
		opt: optionalFields(reflect.TypeFor[T]()), group: groupRows}
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
		err := writeRows(t.w, j.rows, t.opt)
		j.release()
		if err != nil {
			t.err = fmt.Errorf("%s: %w", t.path, err)
			continue
		}
		t.buf += len(j.rows)
		if t.buf >= t.group {
			t.buf = 0
			if err := t.w.Flush(); err != nil {
				t.err = fmt.Errorf("%s: %w", t.path, err)
			}
		}
	}
}

// writeRows hands rows to parquet-go in calls within which no optional column of a value type
// (a string or date that is NULL when empty) goes from empty to set. parquet-go (v0.28.0 to
// v0.32.1) writes such a column wrongly for some patterns of empty and set values in one call:
// where a run of set values that starts y rows into a 64-row word (1 ≤ y ≤ 32) is y rows long
// and only empty values follow it in the word, the empty values after the run are written as
// set, an empty string or the date 1970-01-01 instead of NULL (column_buffer_write.go,
// writeRowsFuncOfOptional: the test for "the rest of the word is set" compares with (1<<y)-1).
// In a call where every such column is set rows then empty rows, the pattern cannot occur: the
// set run starts at the call's first row (TestWriterNullsExact). A row type whose optional value
// columns opt cannot describe (opt nil) is written two rows a call, which cannot hold it either.
// On the 300k-family Lens file, one call per batch had left 41 applicant countries and 24
// cited documents as empty strings; the cuts cost a few per cent of the ingest's CPU (two rows a
// call, a sixth: docs/scale.md, nineteenth session).
func writeRows[T any](w *parquet.GenericWriter[T], rows []T, opt []optField) error {
	if opt == nil {
		for i := 0; i < len(rows); i += 2 {
			if _, err := w.Write(rows[i:min(i+2, len(rows))]); err != nil {
				return err
			}
		}
		return nil
	}
	lo, prev := 0, uint64(0)
	for i := range rows {
		m := setMask(unsafe.Pointer(&rows[i]), opt)
		if m&^prev != 0 && i > lo {
			if _, err := w.Write(rows[lo:i]); err != nil {
				return err
			}
			lo = i
		}
		prev = m
	}
	if lo < len(rows) {
		_, err := w.Write(rows[lo:])
		return err
	}
	return nil
}

// optField is an optional column of a value type in a row struct: its offset and kind.
type optField struct {
	off  uintptr
	kind reflect.Kind
}

// optionalFields lists the row type's top-level fields tagged optional whose Go type is not a
// pointer (parquet-go writes them NULL when empty), or nil when there are more than 64 or one is
// of a kind setMask does not read.
func optionalFields(t reflect.Type) []optField {
	out := []optField{}
	for i := range t.NumField() {
		f := t.Field(i)
		opts := strings.Split(f.Tag.Get("parquet"), ",")
		if len(opts) < 2 || !slices.Contains(opts[1:], "optional") {
			continue
		}
		switch k := f.Type.Kind(); k {
		case reflect.Pointer, reflect.Slice, reflect.Map:
			continue // nil is NULL: not the path with the fault
		case reflect.String, reflect.Int32, reflect.Int64:
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

// Begin starts an ingest. The caller must hold the lock (Lock) and finish with Commit or Abort.
func (l *Lake) Begin() (*Txn, error) {
	id := fmt.Sprintf("%06d", l.m.NextIngest)
	staging := filepath.Join(l.Dir, ".staging-"+id)
	if err := os.RemoveAll(staging); err != nil {
		return nil, err
	}
	tx := &Txn{l: l, ID: id, staging: staging, w: map[string]tableWriter{}}
	for _, name := range Tables {
		w, err := newWriter(name, filepath.Join(staging, name, "part-"+id+".parquet"), rowGroupRows)
		if err != nil {
			tx.Abort()
			return nil, fmt.Errorf("lake %s: cannot start an ingest: %w", l.Dir, err)
		}
		tx.w[name] = w // only a writer that opened: a failed one is a typed nil, which Abort would call
	}
	return tx, nil
}

// newWriter opens a part file of table at path, with row groups of at most groupRows rows.
func newWriter(table, path string, groupRows int) (tableWriter, error) {
	switch table {
	case TPatents:
		return newTableRows[PatentRow](path, groupRows)
	case TParties:
		return newTableRows[PartyRow](path, groupRows)
	case TClassifications:
		return newTableRows[ClassRow](path, groupRows)
	case TCitations:
		return newTableRows[CitationRow](path, groupRows)
	case TPriorities:
		return newTableRows[PriorityRow](path, groupRows)
	case TLegalEvents:
		return newTableRows[LegalEventRow](path, groupRows)
	case TProvenance:
		return newTableRows[ProvenanceRow](path, groupRows)
	case TQuarantine:
		return newTableRows[QuarantineRow](path, groupRows)
	case TFamilyLinks:
		return newTableRows[FamilyLinkRow](path, groupRows)
	case TObservations:
		return newTableRows[ObservationRow](path, groupRows)
	case TStandards:
		return newTableRows[StandardRow](path, groupRows)
	}
	return nil, fmt.Errorf("no table %q", table)
}

func table[T any](tx *Txn, name string) *genericTable[T] { return tx.w[name].(*genericTable[T]) }

// WriteProvenance appends rows to the provenance table; likewise the other Write methods. The
// rows are written asynchronously: the slice belongs to the transaction after the call.
func (tx *Txn) WriteProvenance(r []ProvenanceRow) error {
	return table[ProvenanceRow](tx, TProvenance).write(r, nil)
}

// WriteQuarantine appends rows to the quarantine table.
func (tx *Txn) WriteQuarantine(r []QuarantineRow) error {
	return table[QuarantineRow](tx, TQuarantine).write(r, nil)
}

// WriteFamilyLinks appends rows to the family_links table.
func (tx *Txn) WriteFamilyLinks(r []FamilyLinkRow) error {
	return table[FamilyLinkRow](tx, TFamilyLinks).write(r, nil)
}

// WriteObservations appends rows to the observations table.
func (tx *Txn) WriteObservations(r []ObservationRow) error {
	return table[ObservationRow](tx, TObservations).write(r, nil)
}

// WriteStandards appends rows to the standards table.
func (tx *Txn) WriteStandards(r []StandardRow) error {
	return table[StandardRow](tx, TStandards).write(r, nil)
}

// WriteRowSet appends the rows of a RowSet to their tables. The set belongs to the transaction
// until release (when not nil) is called, once every table has copied its rows; the caller may
// then Reset and reuse it. In an ingest by year (ByYear) each row goes to its publication's
// year's part (see PubYear).
func (tx *Txn) WriteRowSet(s *RowSet, release func()) error {
	if tx.byYear {
		return tx.writeByYear(s, release)
	}
	left := atomic.Int32{}
	left.Store(6)
	done := func() {
		if left.Add(-1) == 0 && release != nil {
			release()
		}
	}
	for _, err := range []error{
		table[PatentRow](tx, TPatents).write(s.Patents, done),
		table[PartyRow](tx, TParties).write(s.Parties, done),
		table[ClassRow](tx, TClassifications).write(s.Classes, done),
		table[CitationRow](tx, TCitations).write(s.Cites, done),
		table[PriorityRow](tx, TPriorities).write(s.Prios, done),
		table[LegalEventRow](tx, TLegalEvents).write(s.Events, done),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// YearTables are the tables an ingest by year (ByYear) writes one part per priority year of:
// the publications and the rows that belong to one.
var YearTables = []string{TPatents, TParties, TClassifications, TCitations, TPriorities, TLegalEvents}

// YearPartition is the folder of a year's parts inside a table's folder, Hive's name for a
// partition column's value ("py=2015"; the unknown year is Hive's default partition, which
// Spark and Trino read as NULL).
func YearPartition(year int32) string {
	if year == 0 {
		return "py=__HIVE_DEFAULT_PARTITION__"
	}
	return fmt.Sprintf("py=%d", year)
}

// PubYear is the year a publication's rows are filed under in an ingest by year: the year of its
// priority date, else of its application date, else of its publication date (the date the
// analyses take a family's priority year from, the earliest over its members); 0 when it has
// none of the three.
func PubYear(p *PatentRow) int32 {
	d := p.PriorityDate
	if d == 0 {
		d = p.AppDate
	}
	if d == 0 {
		d = p.PubDate
	}
	if d == 0 {
		return 0
	}
	return int32(time.Unix(int64(d)*86400, 0).UTC().Year())
}

// ByYear makes the transaction write the YearTables one part per priority year (PubYear):
// <table>/py=<year>/part-<ingest>.parquet, listed in the manifest with their Partition. An
// engine that reads the lake's folders as Hive-partitioned tables (Spark, Trino) then has the
// year as a column of every one of them, and a window of years reads only its years' files
// (patnav itself reads the parts the manifest lists, whatever their folder). The other tables
// keep one part per ingest. Call it before the first write.
func (tx *Txn) ByYear() {
	tx.byYear = true
	tx.yw = map[string]map[int32]tableWriter{}
}

// yearWriter returns the part writer of table for year, opening it at the year's first rows.
func (tx *Txn) yearWriter(name string, year int32) (tableWriter, error) {
	tx.ywMu.Lock()
	defer tx.ywMu.Unlock()
	if w := tx.yw[name][year]; w != nil {
		return w, nil
	}
	w, err := newWriter(name, filepath.Join(tx.staging, name, YearPartition(year), "part-"+tx.ID+".parquet"), yearGroupRows)
	if err != nil {
		return nil, err
	}
	if tx.yw[name] == nil {
		tx.yw[name] = map[int32]tableWriter{}
	}
	tx.yw[name][year] = w
	return w, nil
}

// writeByYear splits a RowSet by the year of each row's publication (its patents row in the
// set, else RowSet.Years) and hands each year's rows to that year's parts. Each table's rows are
// copied once, in year order, into one slice the set keeps for it (byYear), so that a year's
// rows are one call; the copies and the nullable counts belong to the set, so release waits
// until every part has copied its rows. (A new slice per batch doubled what the ingest
// allocated: the 10M-family file took 292 s by year against 153 s whole.)
func (tx *Txn) writeByYear(s *RowSet, release func()) error {
	years := make(map[string]int32, len(s.Patents))
	for i := range s.Patents {
		years[s.Patents[i].PubNumber] = PubYear(&s.Patents[i])
	}
	of := func(pub string) int32 {
		if y, ok := years[pub]; ok {
			return y
		}
		return s.Years[pub]
	}
	var writes []func(done func()) error
	add := func(w []func(done func()) error) { writes = append(writes, w...) }
	b := &s.byYear
	add(byYear(tx, TPatents, s.Patents, &b.patents, func(r *PatentRow) int32 { return years[r.PubNumber] }))
	add(byYear(tx, TParties, s.Parties, &b.parties, func(r *PartyRow) int32 { return of(r.PubNumber) }))
	add(byYear(tx, TClassifications, s.Classes, &b.classes, func(r *ClassRow) int32 { return of(r.PubNumber) }))
	add(byYear(tx, TCitations, s.Cites, &b.cites, func(r *CitationRow) int32 { return of(r.Citing) }))
	add(byYear(tx, TPriorities, s.Prios, &b.prios, func(r *PriorityRow) int32 { return of(r.PubNumber) }))
	add(byYear(tx, TLegalEvents, s.Events, &b.events, func(r *LegalEventRow) int32 { return of(r.PubNumber) }))
	left := atomic.Int32{}
	left.Store(int32(len(writes)) + 1)
	done := func() {
		if left.Add(-1) == 0 && release != nil {
			release()
		}
	}
	defer done()
	for _, w := range writes {
		if err := w(done); err != nil {
			return err
		}
	}
	return nil
}

// byYear copies rows into one slice ordered by year (stable: a counting sort), *buf's array
// when it is large enough (the set's own, reused when the set is), and returns one write per
// year for table's year parts.
func byYear[T any](tx *Txn, name string, rows []T, buf *[]T, year func(*T) int32) []func(done func()) error {
	if len(rows) == 0 {
		return nil
	}
	ys := make([]int32, len(rows))
	count := map[int32]int{}
	for i := range rows {
		ys[i] = year(&rows[i])
		count[ys[i]]++
	}
	order := make([]int32, 0, len(count))
	for y := range count {
		order = append(order, y)
	}
	slices.Sort(order)
	at := make(map[int32]int, len(order)) // next place of each year's rows
	n := 0
	for _, y := range order {
		at[y] = n
		n += count[y]
	}
	sorted := *buf
	if cap(sorted) < len(rows) {
		sorted = make([]T, len(rows), len(rows)+len(rows)/4)
	}
	sorted = sorted[:len(rows)]
	*buf = sorted
	for i := range rows {
		sorted[at[ys[i]]] = rows[i]
		at[ys[i]]++
	}
	out := make([]func(done func()) error, 0, len(order))
	lo := 0
	for _, y := range order {
		part := sorted[lo : lo+count[y]]
		lo += count[y]
		out = append(out, func(done func()) error {
			w, err := tx.yearWriter(name, y)
			if err != nil {
				done()
				return err
			}
			return w.(*genericTable[T]).write(part, done)
		})
	}
	return out
}

// AddInput records an input that this ingest read; it is committed with the rows.
func (tx *Txn) AddInput(in Input) {
	in.Ingest = tx.ID
	tx.inputs = append(tx.inputs, in)
}

// Commit closes the part files, moves them into the lake and replaces the manifest. Tables that
// received no rows in this ingest get no part file (the first ingest writes every table, so the
// schema of each is always present).
func (tx *Txn) Commit() error {
	if tx.done {
		return fmt.Errorf("lake: transaction %s already finished", tx.ID)
	}
	m := tx.l.Manifest()
	first := len(m.Tables) == 0
	for _, name := range Tables {
		if err := tx.w[name].close(); err != nil {
			tx.Abort()
			return err
		}
		for _, w := range tx.yw[name] {
			if err := w.close(); err != nil {
				tx.Abort()
				return err
			}
		}
	}
	m, err := tx.applyForget(m)
	if err != nil {
		tx.Abort()
		return err
	}
	move := func(name string, w tableWriter, rel, partition string) error {
		if err := os.MkdirAll(filepath.Join(tx.l.Dir, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		if err := os.Rename(w.file(), filepath.Join(tx.l.Dir, rel)); err != nil {
			return err
		}
		m.Tables[name] = append(m.Tables[name], Part{File: rel, Rows: w.rows(), Ingest: tx.ID, Partition: partition})
		return nil
	}
	for _, name := range Tables {
		w := tx.w[name]
		// The one part of the ingest, unless it is empty and the table has a part for its
		// schema (the first ingest writes every table) or this ingest's parts by year.
		if w.rows() > 0 || (first || len(m.Tables[name]) == 0) && len(tx.yw[name]) == 0 {
			if err := move(name, w, filepath.Join(name, "part-"+tx.ID+".parquet"), ""); err != nil {
				tx.Abort()
				return err
			}
		}
		years := make([]int32, 0, len(tx.yw[name]))
		for y := range tx.yw[name] {
			years = append(years, y)
		}
		slices.Sort(years)
		for _, y := range years {
			p := YearPartition(y)
			if err := move(name, tx.yw[name][y], filepath.Join(name, p, "part-"+tx.ID+".parquet"), p); err != nil {
				tx.Abort()
				return err
			}
		}
	}
	for _, name := range Tables {
		syncDir(filepath.Join(tx.l.Dir, name))
		for y := range tx.yw[name] {
			syncDir(filepath.Join(tx.l.Dir, name, YearPartition(y)))
		}
	}
	m.SchemaVersion = SchemaVersion
	m.NextIngest++
	m.Updated = time.Now().UTC().Truncate(time.Second)
	m.Inputs = append(m.Inputs, tx.inputs...)
	if err := tx.l.writeManifest(m); err != nil {
		tx.Abort()
		return err
	}
	tx.done = true
	return os.RemoveAll(tx.staging)
}

// Abort discards everything the transaction wrote. Part files already renamed into the lake but
// not in the manifest are removed too. It is safe to call more than once.
func (tx *Txn) Abort() {
	if tx.done {
		return
	}
	tx.done = true
	for _, w := range tx.w {
		if w != nil {
			w.close()
		}
	}
	for _, ws := range tx.yw {
		for _, w := range ws {
			w.close()
		}
	}
	os.RemoveAll(tx.staging)
	listed := map[string]bool{}
	for _, parts := range tx.l.m.Tables {
		for _, p := range parts {
			listed[filepath.Clean(p.File)] = true
		}
	}
	for _, name := range Tables {
		files, _ := filepath.Glob(filepath.Join(tx.l.Dir, name, "part-"+tx.ID+".parquet"))
		more, _ := filepath.Glob(filepath.Join(tx.l.Dir, name, "py=*", "part-"+tx.ID+".parquet"))
		for _, f := range append(files, more...) {
			if rel, err := filepath.Rel(tx.l.Dir, f); err == nil && !listed[filepath.Clean(rel)] {
				os.Remove(f)
			}
		}
	}
}
