package patentsview

import (
	"archive/zip"
	"bufio"
	"bytes"
	"container/heap"
	"encoding/binary"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/patnav/patnav/ingest/format"
)

// InMemoryLimit is the on-disk size up to which a patent-keyed table is read whole and sorted in
// memory instead of being scanned for order first. Zipped tables are always scanned.
var InMemoryLimit int64 = 16 << 20

// SortChunkBytes bounds the memory of one run of the external sort of an out-of-order table.
var SortChunkBytes = 64 << 20

// row is one data row of a table with its position.
type row struct {
	fields []string
	line   int // 1-based line where the row starts
	rec    int // 1-based data row number
}

// rowSource yields the data rows of a table. next returns io.EOF at the end, a *format.RecordError
// for a row the CSV layer cannot parse (reading continues), any other error is fatal.
type rowSource interface {
	next() (row, error)
	close() error
}

// csvSource streams a .tsv/.csv file or the first entry of a .zip.
type csvSource struct {
	file    string
	r       *csv.Reader
	closers []io.Closer
	rec     int
}

// openCSV opens path and reads its header. header is nil for an empty file.
func openCSV(path string, opts format.Options) (*csvSource, []string, error) {
	s := &csvSource{file: filepath.Base(path)}
	var src io.Reader
	if strings.HasSuffix(strings.ToLower(path), ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", s.file, err)
		}
		s.closers = append(s.closers, zr)
		var entry *zip.File
		for _, f := range zr.File {
			if !f.FileInfo().IsDir() && !strings.HasPrefix(f.Name, "__MACOSX") {
				entry = f
				break
			}
		}
		if entry == nil {
			s.close()
			return nil, nil, nil
		}
		rc, err := entry.Open()
		if err != nil {
			s.close()
			return nil, nil, fmt.Errorf("%s: %w", s.file, err)
		}
		s.closers = append(s.closers, rc)
		src = rc
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		s.closers = append(s.closers, f)
		src = f
	}
	ti, err := format.DecodeText(src, opts.Encoding)
	if err != nil {
		s.close()
		return nil, nil, fmt.Errorf("%s: %w", s.file, err)
	}
	br := bufio.NewReaderSize(ti, 64<<10)
	head, _ := br.Peek(64 << 10)
	s.r = csv.NewReader(br)
	s.r.Comma = delimiter(head)
	s.r.FieldsPerRecord = -1
	s.r.LazyQuotes = true
	s.r.ReuseRecord = true
	for {
		h, err := s.r.Read()
		if err == io.EOF {
			return s, nil, nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			s.close()
			return nil, nil, fmt.Errorf("%s: header: %w", s.file, err)
		}
		if err != nil {
			s.close()
			return nil, nil, fmt.Errorf("%s: %w", s.file, err)
		}
		if format.IsBlank(h) {
			continue
		}
		return s, slices.Clone(h), nil
	}
}

// delimiter picks tab or comma from the first line of a table.
func delimiter(head []byte) rune {
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.Count(head, []byte{'\t'}) == 0 && bytes.Count(head, []byte{','}) > 0 {
		return ','
	}
	return '\t'
}

func (s *csvSource) next() (row, error) {
	for {
		f, err := s.r.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				s.rec++
				return row{}, &format.RecordError{File: s.file, Record: s.rec, Line: pe.StartLine,
					Err: format.ErrBadRecord, Value: pe.Err.Error()}
			}
			return row{}, err
		}
		if format.IsBlank(f) {
			continue
		}
		s.rec++
		line, _ := s.r.FieldPos(0)
		return row{fields: f, line: line, rec: s.rec}, nil
	}
}

func (s *csvSource) close() error {
	var first error
	for i := len(s.closers) - 1; i >= 0; i-- {
		if err := s.closers[i].Close(); err != nil && first == nil {
			first = err
		}
	}
	s.closers = nil
	return first
}

// keyOf returns the trimmed key column of a row.
func keyOf(f []string, col int) string {
	if col < len(f) {
		return strings.TrimSpace(f[col])
	}
	return ""
}

// isSorted scans a table for patent-id order (byte order, empty ids ignored). It returns the first
// out-of-order row number, or 0 when the table is sorted.
func isSorted(path string, opts format.Options, col int) (int, error) {
	s, _, err := openCSV(path, opts)
	if err != nil {
		return 0, err
	}
	defer s.close()
	prev := ""
	for {
		r, err := s.next()
		if err == io.EOF {
			return 0, nil
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			continue
		}
		if err != nil {
			return 0, err
		}
		k := keyOf(r.fields, col)
		if k == "" {
			continue
		}
		if k < prev {
			return r.rec, nil
		}
		prev = k
	}
}

// memSource serves rows sorted in memory.
type memSource struct {
	rows []row
	errs []error
	i    int
}

func (m *memSource) next() (row, error) {
	if len(m.errs) > 0 {
		e := m.errs[0]
		m.errs = m.errs[1:]
		return row{}, e
	}
	if m.i >= len(m.rows) {
		return row{}, io.EOF
	}
	r := m.rows[m.i]
	m.rows[m.i] = row{}
	m.i++
	return r, nil
}

func (m *memSource) close() error { m.rows = nil; return nil }

// sortRows sorts rows stably by key.
func sortRows(rows []row, col int) {
	slices.SortStableFunc(rows, func(a, b row) int {
		return strings.Compare(keyOf(a.fields, col), keyOf(b.fields, col))
	})
}

// rowSize estimates the memory a row holds.
func rowSize(f []string) int {
	n := 64 + 16*len(f)
	for _, s := range f {
		n += len(s)
	}
	return n
}

// sortTable reads a whole table and returns a source yielding its rows ordered by key: in memory
// when it fits in SortChunkBytes, else through sorted runs in a temporary file (tmpDir).
func sortTable(path string, opts format.Options, col int, tmpDir func() (string, error)) (rowSource, error) {
	s, _, err := openCSV(path, opts)
	if err != nil {
		return nil, err
	}
	defer s.close()
	var (
		buf  []row
		size int
		errs []error
		ext  *extSort
	)
	flush := func() error {
		if ext == nil {
			dir, err := tmpDir()
			if err != nil {
				return err
			}
			f, err := os.CreateTemp(dir, "run-*.bin")
			if err != nil {
				return err
			}
			ext = &extSort{f: f, w: bufio.NewWriterSize(f, 1<<20), col: col}
		}
		sortRows(buf, col)
		if err := ext.writeRun(buf); err != nil {
			return err
		}
		clear(buf)
		buf, size = buf[:0], 0
		return nil
	}
	for {
		r, err := s.next()
		if err == io.EOF {
			break
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			errs = append(errs, re)
			continue
		}
		if err != nil {
			if ext != nil {
				ext.close()
			}
			return nil, err
		}
		r.fields = slices.Clone(r.fields)
		buf = append(buf, r)
		size += rowSize(r.fields)
		if size >= SortChunkBytes {
			if err := flush(); err != nil {
				if ext != nil {
					ext.close()
				}
				return nil, fmt.Errorf("%s: external sort: %w", s.file, err)
			}
		}
	}
	if ext == nil {
		sortRows(buf, col)
		return &memSource{rows: buf, errs: errs}, nil
	}
	if len(buf) > 0 {
		if err := flush(); err != nil {
			ext.close()
			return nil, fmt.Errorf("%s: external sort: %w", s.file, err)
		}
	}
	if err := ext.startMerge(); err != nil {
		ext.close()
		return nil, fmt.Errorf("%s: external sort: %w", s.file, err)
	}
	ext.errs = errs
	return ext, nil
}

// extSort holds sorted runs in one temporary file and merges them.
type extSort struct {
	f      *os.File
	w      *bufio.Writer
	col    int
	bounds []int64 // run start offsets, plus the end
	off    int64
	runs   []*runReader
	h      runHeap
	errs   []error
	scr    []byte
}

func (e *extSort) writeRun(rows []row) error {
	if len(e.bounds) == 0 {
		e.bounds = append(e.bounds, 0)
	}
	for _, r := range rows {
		e.scr = binary.AppendUvarint(e.scr[:0], uint64(r.rec))
		e.scr = binary.AppendUvarint(e.scr, uint64(r.line))
		e.scr = binary.AppendUvarint(e.scr, uint64(len(r.fields)))
		for _, f := range r.fields {
			e.scr = binary.AppendUvarint(e.scr, uint64(len(f)))
			e.scr = append(e.scr, f...)
		}
		n, err := e.w.Write(e.scr)
		e.off += int64(n)
		if err != nil {
			return err
		}
	}
	e.bounds = append(e.bounds, e.off)
	return nil
}

func (e *extSort) startMerge() error {
	if err := e.w.Flush(); err != nil {
		return err
	}
	for i := 0; i+1 < len(e.bounds); i++ {
		rr := &runReader{idx: i, br: bufio.NewReaderSize(io.NewSectionReader(e.f, e.bounds[i], e.bounds[i+1]-e.bounds[i]), 32<<10)}
		ok, err := rr.advance(e.col)
		if err != nil {
			return err
		}
		if ok {
			e.h = append(e.h, rr)
		}
		e.runs = append(e.runs, rr)
	}
	heap.Init(&e.h)
	return nil
}

func (e *extSort) next() (row, error) {
	if len(e.errs) > 0 {
		err := e.errs[0]
		e.errs = e.errs[1:]
		return row{}, err
	}
	if len(e.h) == 0 {
		return row{}, io.EOF
	}
	rr := e.h[0]
	out := rr.cur
	ok, err := rr.advance(e.col)
	if err != nil {
		return row{}, err
	}
	if ok {
		heap.Fix(&e.h, 0)
	} else {
		heap.Pop(&e.h)
	}
	return out, nil
}

func (e *extSort) close() error {
	if e.f == nil {
		return nil
	}
	name := e.f.Name()
	err := e.f.Close()
	os.Remove(name)
	e.f = nil
	return err
}

// runReader decodes one sorted run.
type runReader struct {
	idx int
	br  *bufio.Reader
	cur row
	key string
}

func (rr *runReader) advance(col int) (bool, error) {
	rec, err := binary.ReadUvarint(rr.br)
	if err == io.EOF {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	line, err := binary.ReadUvarint(rr.br)
	if err != nil {
		return false, err
	}
	n, err := binary.ReadUvarint(rr.br)
	if err != nil {
		return false, err
	}
	f := make([]string, n)
	for i := range f {
		l, err := binary.ReadUvarint(rr.br)
		if err != nil {
			return false, err
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(rr.br, b); err != nil {
			return false, err
		}
		f[i] = string(b)
	}
	rr.cur = row{fields: f, line: int(line), rec: int(rec)}
	rr.key = keyOf(f, col)
	return true, nil
}

type runHeap []*runReader

func (h runHeap) Len() int { return len(h) }
func (h runHeap) Less(i, j int) bool {
	if h[i].key != h[j].key {
		return h[i].key < h[j].key
	}
	return h[i].idx < h[j].idx
}
func (h runHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *runHeap) Push(x any)   { *h = append(*h, x.(*runReader)) }
func (h *runHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}
