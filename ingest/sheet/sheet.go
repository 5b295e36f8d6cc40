// Package sheet gives the tabular readers one view of a grid of cells whatever file holds it: a
// CSV or TSV text file (delimiter detected, text decoded by format.DecodeText), an XLSX workbook
// (streamed with excelize) or a legacy BIFF8 .xls workbook (github.com/shakinm/xlsReader), and
// finds a header row below the preamble rows (query, date, title) that exports put on top.
//
// Rows are numbered from 1: the text line a CSV row starts on, or the spreadsheet row.
package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/shakinm/xlsReader/xls"
	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/ingest/format"
)

// Kind of file a Source reads.
const (
	CSV  = "csv"
	XLSX = "xlsx"
	XLS  = "xls"
)

// Source yields the rows of one grid.
type Source interface {
	// Row returns the next row and its 1-based line or row number, io.EOF at the end, or a
	// *format.RecordError (numbered record) for a row that cannot be split; reading may go on.
	// The slice may be reused by the next call.
	Row(record int) ([]string, int, error)
	Close() error
}

// KindOf tells the kind of a file from its first bytes (zip: XLSX, OLE2 compound file: XLS).
func KindOf(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")):
		return XLSX
	case bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}):
		return XLS
	}
	return CSV
}

// Open opens path as a grid: the first sheet of a workbook, or a text file whose delimiter
// (comma, semicolon or tab) is the one most frequent in its first lines.
func Open(path string, opts format.Options) (Source, error) {
	head, err := format.ReadHead(path, 64<<10)
	if err != nil {
		return nil, err
	}
	switch KindOf(head) {
	case XLSX:
		return openXLSX(path, opts.Limits)
	case XLS:
		return openXLS(path)
	}
	c, err := format.OpenCSV(path, opts, Delimiter(head))
	if err != nil {
		return nil, err
	}
	return csvSource{c}, nil
}

// Delimiter picks ',', ';' or '\t' for a text sample: the one found most often in its first 20
// lines (outside quotes is not checked: patent text rarely puts many in a header and preamble).
func Delimiter(head []byte) rune {
	lines := bytes.SplitN(head, []byte("\n"), 21)
	if len(lines) > 20 {
		lines = lines[:20]
	}
	best, bestN := ',', -1
	for _, d := range []rune{',', ';', '\t'} {
		n := 0
		for _, l := range lines {
			n += bytes.Count(l, []byte(string(d)))
		}
		if n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

type csvSource struct{ c *format.CSVFile }

func (s csvSource) Row(record int) ([]string, int, error) { return s.c.Row(record) }
func (s csvSource) Close() error                          { return s.c.Close() }

// SetHeader makes later rows of a text grid be checked against its header (a short row, an
// oversize cell: format.CSVFile.SetHeader). Workbook sources do not have it.
func (s csvSource) SetHeader(header []string) { s.c.SetHeader(header) }

// guard turns a panic inside a workbook library (a malformed file) into an error.
func guard(file string, err *error) {
	if p := recover(); p != nil {
		*err = fmt.Errorf("%s: malformed workbook: %v", file, p)
	}
}

// xlsxSource streams the first sheet of a workbook.
type xlsxSource struct {
	file string
	f    *excelize.File
	rows *excelize.Rows
	n    int
}

func openXLSX(path string, lim format.Limits) (s Source, err error) {
	file := filepath.Base(path)
	defer guard(file, &err)
	// excelize loads parts (the shared strings) whole: bound them first.
	if err := format.CheckArchive(path, lim); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		f.Close()
		return nil, fmt.Errorf("%s: %w", file, format.ErrEmpty)
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &xlsxSource{file: file, f: f, rows: rows}, nil
}

func (s *xlsxSource) Row(int) (row []string, line int, err error) {
	defer guard(s.file, &err)
	if !s.rows.Next() {
		if e := s.rows.Error(); e != nil {
			return nil, 0, fmt.Errorf("%s: %w", s.file, e)
		}
		return nil, 0, io.EOF
	}
	s.n++
	cells, err := s.rows.Columns()
	if err != nil {
		return nil, 0, fmt.Errorf("%s: row %d: %w", s.file, s.n, err)
	}
	return cells, s.n, nil
}

func (s *xlsxSource) Close() (err error) {
	defer guard(s.file, &err)
	s.rows.Close()
	return s.f.Close()
}

// xlsSource reads the first sheet of a BIFF8 workbook (loaded whole by the library).
type xlsSource struct {
	sheet *xls.Sheet
	n, of int
	row   []string
	file  string
}

func openXLS(path string) (s Source, err error) {
	file := filepath.Base(path)
	defer guard(file, &err)
	wb, err := xls.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if wb.GetNumberSheets() == 0 {
		return nil, fmt.Errorf("%s: %w", file, format.ErrEmpty)
	}
	sh, err := wb.GetSheet(0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &xlsSource{sheet: sh, of: sh.GetNumberRows(), file: file}, nil
}

func (s *xlsSource) Row(int) (row []string, line int, err error) {
	defer guard(s.file, &err)
	if s.n >= s.of {
		return nil, 0, io.EOF
	}
	r, err := s.sheet.GetRow(s.n)
	s.n++
	if err != nil {
		return nil, 0, fmt.Errorf("%s: row %d: %w", s.file, s.n, err)
	}
	cols := r.GetCols()
	s.row = s.row[:0]
	for _, c := range cols {
		s.row = append(s.row, c.GetString())
	}
	return s.row, s.n, nil
}

func (s *xlsSource) Close() error { return nil }

// ErrNoHeader is returned by FindHeader when no row among the first scanned is a header.
var ErrNoHeader = errors.New("no header row")

// FindHeader reads up to scan rows of src and returns the first one accept takes for a header
// (given its cells folded by format.FoldHeader) with its line. Blank rows and rows the source
// cannot split are passed over. format.ErrEmpty when the grid has no non-blank row at all.
func FindHeader(src Source, scan int, accept func(folded []string) bool) ([]string, int, error) {
	nonBlank := false
	for i := 0; i < scan; i++ {
		row, line, err := src.Row(0)
		if err == io.EOF {
			break
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			nonBlank = true
			continue
		}
		if err != nil {
			return nil, 0, err
		}
		if format.IsBlank(row) {
			i--
			continue
		}
		nonBlank = true
		if accept(format.FoldHeaders(row)) {
			return append([]string(nil), row...), line, nil
		}
	}
	if !nonBlank {
		return nil, 0, format.ErrEmpty
	}
	return nil, 0, ErrNoHeader
}

// Sniff returns accept's verdict on the first header-like row among the first scan rows of path
// (0 when none): what a format's Sniff does for workbooks, which cannot be judged from bytes.
func Sniff(path string, scan int, score func(folded []string) float64) (s float64) {
	defer func() {
		if recover() != nil {
			s = 0
		}
	}()
	src, err := Open(path, format.Options{})
	if err != nil {
		return 0
	}
	defer src.Close()
	best := 0.0
	_, _, _ = FindHeader(src, scan, func(folded []string) bool {
		if v := score(folded); v > best {
			best = v
		}
		return best > 0
	})
	return best
}

// SniffHeader is a tabular format's whole Sniff: score's verdict on the first header-like row
// among the first scan rows, read from the head bytes of a CSV file (any delimiter Delimiter
// tells) or, for a workbook, from its first sheet (Sniff). 0 when no row scores.
func SniffHeader(path string, head []byte, scan int, score func(folded []string) float64) float64 {
	if len(head) == 0 {
		return 0
	}
	if KindOf(head) != CSV {
		return Sniff(path, scan, score)
	}
	comma := Delimiter(head)
	rest := head
	for i := 0; i < scan && len(rest) > 0; i++ {
		if s := score(format.FoldHeaders(format.HeadCells(rest, comma))); s > 0 {
			return s
		}
		j := strings.IndexAny(string(rest), "\r\n")
		if j < 0 {
			break
		}
		rest = rest[j+1:]
	}
	return 0
}
