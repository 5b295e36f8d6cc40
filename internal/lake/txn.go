package lake

import (
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"github.com/parquet-go/parquet-go"
)

// rowGroupRows bounds a row group, and so the memory a table writer buffers.
const rowGroupRows = 32 << 10

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
}

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
	err  error // first write error (goroutine side; read after done)
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
	t := &genericTable[T]{f: f, path: path, w: w, work: make(chan job[T], 4), done: make(chan struct{})}
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
		err := writeRows(t.w, j.rows)
		j.release()
		if err != nil {
			t.err = fmt.Errorf("%s: %w", t.path, err)
			continue
		}
		t.buf += len(j.rows)
		if t.buf >= rowGroupRows {
			t.buf = 0
			if err := t.w.Flush(); err != nil {
				t.err = fmt.Errorf("%s: %w", t.path, err)
			}
		}
	}
}

// writeRows writes rows two at a time. parquet-go (v0.28.0 to v0.32.1) writes an optional
// column of a value type (a string or date that is NULL when empty) wrongly for some patterns of
// empty and set values in one call: where a run of set values that starts y rows into a
// 64-row word (1 ≤ y ≤ 32) is y rows long and only empty values follow it in the word, the
// empty values after the run are written as set, an empty string or the date 1970-01-01
// instead of NULL (column_buffer_write.go, writeRowsFuncOfOptional: the test for "the rest of
// the word is set" compares with (1<<y)-1). A call of one or two rows cannot hold that pattern
// (TestWriterNullsExact). On the 300k-family Lens file, 41 applicant countries of the parties
// table were such empty strings in a lake written one call per batch; two rows a call cost
// about a third more of the ingest's CPU (measured: docs/scale.md, nineteenth session).
func writeRows[T any](w *parquet.GenericWriter[T], rows []T) error {
	for i := 0; i < len(rows); i += 2 {
		if _, err := w.Write(rows[i:min(i+2, len(rows))]); err != nil {
			return err
		}
	}
	return nil
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
	var err error
	open := func(table string, mk func(string) (tableWriter, error)) {
		if err != nil {
			return
		}
		var w tableWriter
		if w, err = mk(filepath.Join(staging, table, "part-"+id+".parquet")); err == nil {
			// Only a writer that opened: a failed one is a typed nil, which Abort would call.
			tx.w[table] = w
		}
	}
	open(TPatents, func(p string) (tableWriter, error) { return newTable[PatentRow](p) })
	open(TParties, func(p string) (tableWriter, error) { return newTable[PartyRow](p) })
	open(TClassifications, func(p string) (tableWriter, error) { return newTable[ClassRow](p) })
	open(TCitations, func(p string) (tableWriter, error) { return newTable[CitationRow](p) })
	open(TPriorities, func(p string) (tableWriter, error) { return newTable[PriorityRow](p) })
	open(TLegalEvents, func(p string) (tableWriter, error) { return newTable[LegalEventRow](p) })
	open(TProvenance, func(p string) (tableWriter, error) { return newTable[ProvenanceRow](p) })
	open(TQuarantine, func(p string) (tableWriter, error) { return newTable[QuarantineRow](p) })
	open(TFamilyLinks, func(p string) (tableWriter, error) { return newTable[FamilyLinkRow](p) })
	open(TObservations, func(p string) (tableWriter, error) { return newTable[ObservationRow](p) })
	open(TStandards, func(p string) (tableWriter, error) { return newTable[StandardRow](p) })
	if err != nil {
		tx.Abort()
		return nil, fmt.Errorf("lake %s: cannot start an ingest: %w", l.Dir, err)
	}
	return tx, nil
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
// then Reset and reuse it.
func (tx *Txn) WriteRowSet(s *RowSet, release func()) error {
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
	}
	m, err := tx.applyForget(m)
	if err != nil {
		tx.Abort()
		return err
	}
	for _, name := range Tables {
		w := tx.w[name]
		if w.rows() == 0 && !first && len(m.Tables[name]) > 0 { // keep at least one part per table for its schema
			continue
		}
		rel := filepath.Join(name, "part-"+tx.ID+".parquet")
		if err := os.MkdirAll(filepath.Join(tx.l.Dir, name), 0o755); err != nil {
			tx.Abort()
			return err
		}
		if err := os.Rename(w.file(), filepath.Join(tx.l.Dir, rel)); err != nil {
			tx.Abort()
			return err
		}
		m.Tables[name] = append(m.Tables[name], Part{File: rel, Rows: w.rows(), Ingest: tx.ID})
	}
	for _, name := range Tables {
		syncDir(filepath.Join(tx.l.Dir, name))
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
	os.RemoveAll(tx.staging)
	for _, name := range Tables {
		p := filepath.Join(tx.l.Dir, name, "part-"+tx.ID+".parquet")
		listed := false
		for _, part := range tx.l.m.Tables[name] {
			if part.Ingest == tx.ID {
				listed = true
			}
		}
		if !listed {
			os.Remove(p)
		}
	}
}
