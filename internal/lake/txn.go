package lake

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

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
	// byYear: the publication tables' rows go to one part per priority year (ByYear), in yw
	// (table → year → writer, made as a year's first rows arrive; year 0 is the unknown year).
	byYear bool
	yw     map[string]map[int32]tableWriter
	ywMu   sync.Mutex
}

// Begin starts an ingest. The caller must hold the lock (Lock) and finish with Commit or Abort.
func (l *Lake) Begin() (*Txn, error) {
	id := fmt.Sprintf("%06d", l.m.NextIngest)
	staging := filepath.Join(l.Dir, ".staging-"+id)
	if err := os.RemoveAll(staging); err != nil {
		return nil, err
	}
	tx := &Txn{l: l, ID: id, staging: staging, w: map[string]tableWriter{}}
	for _, name := range Tables {
		w, err := newWriter(name, filepath.Join(staging, name, "part-"+id+".parquet"))
		if err != nil {
			tx.Abort()
			return nil, fmt.Errorf("lake %s: cannot start an ingest: %w", l.Dir, err)
		}
		tx.w[name] = w // only a writer that opened: a failed one is a typed nil, which Abort would call
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

// ByYear makes the transaction write the publication tables (patents, parties,
// classifications, citations, priorities, legal_events: writeByYear) one part per priority
// year (PubYear): <table>/py=<year>/part-<ingest>.parquet, listed in the manifest with their Partition. An
// engine that reads the lake's folders as Hive-partitioned tables (Spark, Trino) then has the
// year as a column of every one of them, and a window of years reads only its years' files
// (patnav itself reads the parts the manifest lists, whatever their folder). The other tables
// keep one part per ingest. Call it before the first write.
func (tx *Txn) ByYear() {
	tx.byYear = true
	tx.yw = map[string]map[int32]tableWriter{}
}

// yearWriter returns the part writer of table for year, opening it at the year's first rows.
// Its row groups are as large as a whole part's: groups of 4,096 rows would bound the memory of
// the ~150 writers of an ingest by year, but DuckDB reads them slower (the 10M-family landscape
// over such a lake took 18:00 against 14:04 over the whole lake: scans of classifications 3×,
// the views' opening 45 s against 16 s).
func (tx *Txn) yearWriter(name string, year int32) (tableWriter, error) {
	tx.ywMu.Lock()
	defer tx.ywMu.Unlock()
	if w := tx.yw[name][year]; w != nil {
		return w, nil
	}
	w, err := newWriter(name, filepath.Join(tx.staging, name, YearPartition(year), "part-"+tx.ID+".parquet"))
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
	// A record's child rows come one after another, under one number: the last lookup is kept,
	// so a run of them costs one string comparison a row instead of one map lookup.
	var last string
	var lastY int32
	looked := false
	of := func(pub string) int32 {
		if looked && pub == last {
			return lastY
		}
		y, ok := years[pub]
		if !ok {
			y = s.Years[pub]
		}
		last, lastY, looked = pub, y, true
		return y
	}
	var writes []func(done func()) error
	add := func(w []func(done func()) error) { writes = append(writes, w...) }
	b := &s.byYear
	add(byYear(tx, TPatents, s.Patents, &b.patents, PubYear))
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
// year for table's year parts. The years a batch holds span a few centuries at most, so the
// counts are a slice indexed from the smallest (yearSlots); a wider span numbers the years
// present.
func byYear[T any](tx *Txn, name string, rows []T, buf *[]T, year func(*T) int32) []func(done func()) error {
	if len(rows) == 0 {
		return nil
	}
	ys := make([]int32, len(rows))
	for i := range rows {
		ys[i] = year(&rows[i])
	}
	order := yearSlots(ys)        // ys now holds slots; order[slot] is its year
	at := make([]int, len(order)) // rows of each slot, then the next place of its rows
	for _, k := range ys {
		at[k]++
	}
	count := slices.Clone(at)
	n := 0
	for k, c := range at {
		at[k] = n
		n += c
	}
	sorted := *buf
	if cap(sorted) < len(rows) {
		sorted = make([]T, len(rows), len(rows)+len(rows)/4)
	}
	sorted = sorted[:len(rows)]
	*buf = sorted
	for i, k := range ys {
		sorted[at[k]] = rows[i]
		at[k]++
	}
	out := make([]func(done func()) error, 0, len(order))
	lo := 0
	for k, y := range order {
		if count[k] == 0 {
			continue
		}
		part := sorted[lo : lo+count[k]]
		lo += count[k]
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

// yearSlots replaces each year in ys by its slot and returns the year of each slot, ascending.
// The unknown year (0) takes slot 0, and a year y slot 1 + y − the smallest known year, when
// the largest known year is less than maxYearSpan after the smallest (some slots then hold no
// row); a wider span, or a negative year, gets one slot per year present, its place among
// them.
func yearSlots(ys []int32) []int32 {
	lo, hi := int32(math.MaxInt32), int32(0)
	for _, y := range ys {
		if y != 0 {
			lo, hi = min(lo, y), max(hi, y)
		}
	}
	if lo == math.MaxInt32 { // every year unknown
		clear(ys)
		return []int32{0}
	}
	if lo > 0 && hi-lo < maxYearSpan {
		order := make([]int32, hi-lo+2)
		for k := 1; k < len(order); k++ {
			order[k] = lo + int32(k-1)
		}
		for i, y := range ys {
			if y != 0 {
				ys[i] = y - lo + 1
			}
		}
		return order
	}
	order := slices.Clone(ys)
	slices.Sort(order)
	order = slices.Compact(order)
	for i, y := range ys {
		k, _ := slices.BinarySearch(order, y)
		ys[i] = int32(k)
	}
	return order
}

// maxYearSpan bounds the span of the known years yearSlots indexes directly (largest − smallest).
const maxYearSpan = 512

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
