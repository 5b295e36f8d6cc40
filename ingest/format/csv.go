package format

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/internal/norm"
)

// Columns maps canonical field names to column indexes of a CSV/XLSX header, resolving each
// field through a list of aliases (a header naming differs by vendor and by export year).
type Columns struct {
	Header []string       // the header as read, cleaned
	index  map[string]int // canonical field → column
}

// NormHeader cleans a header cell for alias matching: BOM, width and case folded, inner spaces
// and the punctuation "()（）" kept as they are but surrounding space trimmed.
func NormHeader(h string) string {
	h = strings.TrimPrefix(h, "\uFEFF")
	h = norm.FoldWidth(strings.TrimSpace(h))
	return strings.ToLower(strings.Join(strings.Fields(h), " "))
}

// MapColumns resolves aliases (canonical field → accepted header names) against header. The
// first alias present wins; matching is on NormHeader forms.
func MapColumns(header []string, aliases map[string][]string) *Columns {
	c := &Columns{Header: make([]string, len(header)), index: map[string]int{}}
	pos := map[string]int{}
	for i, h := range header {
		c.Header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		k := NormHeader(h)
		if _, dup := pos[k]; !dup && k != "" {
			pos[k] = i
		}
	}
	for field, names := range aliases {
		for _, n := range names {
			if i, ok := pos[NormHeader(n)]; ok {
				c.index[field] = i
				break
			}
		}
	}
	return c
}

// Has reports whether field was found in the header.
func (c *Columns) Has(field string) bool { _, ok := c.index[field]; return ok }

// Count returns how many of the given fields were found.
func (c *Columns) Count(fields ...string) int {
	n := 0
	for _, f := range fields {
		if c.Has(f) {
			n++
		}
	}
	return n
}

// Get returns the value of field in row, or "" when the column is absent or the row short.
func (c *Columns) Get(row []string, field string) string {
	i, ok := c.index[field]
	if !ok || i >= len(row) {
		return ""
	}
	return row[i]
}

// Name returns the source's header name for field (for error messages).
func (c *Columns) Name(field string) string {
	if i, ok := c.index[field]; ok {
		return c.Header[i]
	}
	return field
}

// CSVFile is an open, decoded CSV input with its line tracking. Its rows pass a CSVGuard: an
// unclosed quote, an oversize record, and (once SetHeader is called) a short row or an oversize
// field are record errors, and invalid UTF-8 in a UTF-8 input is replaced and counted.
type CSVFile struct {
	File     string // base name, for errors
	Encoding string
	f        *os.File
	r        *CSVReader
	guard    *CSVGuard
	line     int // line of the record last returned
	header   []string
	named    int
	maxField int
	repaired []int // records with bytes replaced (the first 20)
}

// OpenCSV opens path, decodes it (see DecodeText) and prepares a lenient CSVReader (variable
// field counts, lazy quotes) behind a CSVGuard. comma is the field delimiter (',' or '\t').
func OpenCSV(path string, opts Options, comma rune) (*CSVFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	enc := opts.Encoding
	var src io.Reader = f
	if enc == "" && opts.Reread {
		// Read at once as UTF-8 when the file begins so (Options.Reread): the whole file
		// decides only if a later byte is not UTF-8. A UTF-8 reading repairs anyway.
		head, err := ReadHead(path, rereadHead)
		if err != nil {
			f.Close()
			return nil, err
		}
		if StartsUTF8(head) {
			enc = "utf-8"
			src = UTF8Check(f, func() error {
				fe, err := DetectFileEncoding(path)
				if err == nil && fe.Name != "utf-8" {
					err = &RereadError{File: filepath.Base(path), Encoding: fe.Name}
				}
				return err
			})
		}
	}
	if enc == "" {
		fe, err := DetectFileEncoding(path)
		if err != nil {
			f.Close()
			return nil, err
		}
		enc = fe.Name
	}
	ti, err := DecodeText(src, enc)
	if err != nil {
		f.Close()
		return nil, err
	}
	lim := opts.Limits.WithDefaults()
	g := NewCSVGuard(ti, comma, lim.MaxRecord, ti.Encoding == "utf-8")
	r := NewCSVReader(g)
	return &CSVFile{File: filepath.Base(path), Encoding: ti.Encoding, f: f, r: r, guard: g, maxField: lim.MaxField}, nil
}

// rereadHead is how much of a file must be valid UTF-8 for OpenCSV to begin reading it as UTF-8
// before the whole file is checked.
const rereadHead = 256 << 10

// SetHeader makes later rows be checked against header: fewer cells than it names is a short
// row, and a cell above the field limit is too large (CheckRow).
func (c *CSVFile) SetHeader(header []string) {
	c.header = make([]string, len(header))
	for i, h := range header {
		c.header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	c.named = Named(c.header)
}

// Repaired returns the invalid UTF-8 bytes replaced so far and the first records they were in.
func (c *CSVFile) Repaired() (int, []int) { return c.guard.Repaired, c.repaired }

// Row returns the next row and the line it starts on. The guard's findings are returned as
// *RecordError with the given record number; io.EOF at the end. The returned slice is reused by
// the next call; its strings stay valid.
func (c *CSVFile) Row(record int) ([]string, int, error) {
	row, line, err := c.r.Read()
	if err != nil {
		return nil, 0, err
	}
	c.line = line
	repaired, gerr := c.guard.Take(line)
	if repaired > 0 && len(c.repaired) < 20 {
		c.repaired = append(c.repaired, record)
	}
	if gerr != nil {
		return nil, line, &RecordError{File: c.File, Record: record, Line: line, Err: gerr}
	}
	if c.header != nil && !IsBlank(row) {
		if field, err := CheckRow(row, c.header, c.named, c.maxField); err != nil {
			return nil, line, &RecordError{File: c.File, Record: record, Line: line, Field: field, Err: err}
		}
	}
	return row, line, nil
}

// Close closes the file.
func (c *CSVFile) Close() error { return c.f.Close() }

// IsBlank reports whether every cell of row is empty (trailing empty rows of exports).
func IsBlank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// ReadHead returns up to n bytes from the start of path (for sniffing).
func ReadHead(path string, n int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	buf := make([]byte, n)
	k, err := io.ReadFull(f, buf)
	if err == io.ErrUnexpectedEOF || err == io.EOF {
		err = nil
	}
	return buf[:k], err
}

// Rows walks the data rows of a tabular input for a reader: it skips blank rows, numbers the
// records, lets a bad row through as its *RecordError (the record still counts, and the next call
// moves on) and remembers the end, so a reader's Read is NextRow plus its own conversion.
type Rows struct {
	Next   func(record int) (row []string, line int, err error) // the source, e.g. (*CSVFile).Row
	Record int                                                  // records returned so far
	done   bool
}

// NextRow returns the next non-blank row and the line it starts on, a *RecordError for a row the
// source could not split, or io.EOF (again on every later call).
func (r *Rows) NextRow() ([]string, int, error) {
	if r.done {
		return nil, 0, io.EOF
	}
	for {
		row, line, err := r.Next(r.Record + 1)
		if err != nil {
			var re *RecordError
			if errors.As(err, &re) {
				r.Record++
			} else if err == io.EOF {
				r.done = true
			}
			return nil, 0, err
		}
		if IsBlank(row) {
			continue
		}
		r.Record++
		return row, line, nil
	}
}
