// Package format is the contract between patnav's input readers and the ingest pipeline: the
// Reader interface every format implements, the positioned RecordError a reader returns for a bad
// record, and the Format descriptor the registry uses to pick a reader by name or by sniffing.
package format

import (
	"errors"
	"fmt"
	"io"

	"github.com/patnav/patnav/internal/patent"
)

// Reader pulls canonical records out of one input.
//
// Read returns the next record. At the end of input it returns (nil, io.EOF). A record that
// cannot be parsed yields (nil, *RecordError) and the reader stays usable: the next call moves on
// to the following record. Any other error is fatal for the input. Read never panics on bad input.
type Reader interface {
	Read() (*patent.Record, error)
	Close() error
}

// Splitter is implemented by readers whose rows can be converted into records on several
// goroutines at once. One goroutine calls NextRow, in input order: it splits the input and numbers
// the records, which only a sequential pass can do. Converting a row (the bulk of the work) is
// left to Converters, one per goroutine. Read is NextRow followed by a conversion; a reader must
// not be used both ways.
type Splitter interface {
	// NextRow returns the next row's cells, the line it starts on and its record number, a
	// *RecordError for a row that cannot be split (reading may continue), or io.EOF at the end.
	// The cells slice is reused by the next call; its strings may be kept.
	NextRow() (cells []string, line, record int, err error)
	// NewConverter returns a converter for one goroutine.
	NewConverter() Converter
}

// Converter turns rows from a Splitter's NextRow into records.
type Converter interface {
	// Convert fills rec (which it resets first) from a row, or returns a *RecordError. What it
	// puts in rec stays valid after later calls into other records (it shares no buffer of the
	// converter's): ingest converts a chunk of rows before it normalises them.
	Convert(cells []string, line, record int, rec *patent.Record) error
}

// Options configure a reader.
type Options struct {
	// Encoding forces a text encoding ("utf-8", "gbk", "gb18030", "macroman", "windows-1252");
	// empty means detect.
	Encoding string
	// Sheet selects one XLSX sheet by name; empty means every sheet with a recognised header.
	Sheet string
	// Tee, when set, receives every byte the reader reads from the file, in order from the first,
	// if the format says it can (Format.Tees): ingest checksums the input in the same pass.
	Tee io.Writer
	// Limits bound a field, a record and an archive entry (zero: the defaults).
	Limits Limits
	// Reread, with Encoding empty, lets a text reader start on a file that begins as UTF-8
	// before the whole file is checked: if a later byte is not UTF-8 and the whole file reads
	// in another encoding, the reading ends with a *RereadError, and the caller reads the file
	// again with Encoding set to the one it names (reread.go). Unset, the whole file is checked
	// before the first record.
	Reread bool
}

// Repairer is implemented by readers that replace bytes that are not valid in the input's
// encoding (with U+FFFD) instead of rejecting the record: Repaired returns how many bytes were
// replaced, and in which records (the first 20).
type Repairer interface {
	Repaired() (bytes int, records []int)
}

// Rejoiner is implemented by readers that join lines broken off a record back to it (a cell that
// spilled onto a new line in some raw exports): how many lines, and the first records (up to 20)
// that had one.
type Rejoiner interface {
	Rejoined() (lines int, records []int)
}

// Format describes one input format.
type Format struct {
	Name        string // e.g. "lens"
	Description string
	// Sniff returns a confidence in [0,1] that the input is this format, from its path and the
	// first bytes of the file (empty for a directory). 0 means no.
	Sniff func(path string, head []byte) float64
	// Open opens path (a file or, for folder formats, a directory) for reading.
	Open func(path string, opts Options) (Reader, error)
	// Tees says that Open honours Options.Tee.
	Tees bool
	// RecordBytes, when set, is about the fewest bytes a record takes in a file of this format:
	// ingest sizes its publication index for file size / RecordBytes records up front.
	RecordBytes int
}

// Sentinel errors that RecordError wraps.
var (
	ErrBadDate      = errors.New("bad date")
	ErrBadNumber    = errors.New("bad publication number")
	ErrBadCode      = errors.New("bad classification code")
	ErrMissingField = errors.New("missing required field")
	ErrBadRecord    = errors.New("malformed record")
	ErrBadValue     = errors.New("bad value")
)

// ErrUnknownFormat is returned when no reader recognises an input.
var ErrUnknownFormat = errors.New("unknown input format")

// ErrEmpty is returned when an input holds no records at all (not even a header).
var ErrEmpty = errors.New("empty input")

// ErrNoRecords is wrapped (with ErrEmpty) by a reader whose input is a valid file of its format
// that holds no bibliographic record, e.g. an OPS claims-only response. Ingest reports such a
// file as a notice ("0 records: claims-only response") and goes on with the other inputs.
var ErrNoRecords = errors.New("0 records")

// NoRecords returns the error a reader gives for a valid input without records: it wraps
// ErrNoRecords and ErrEmpty, and its text names the file and says what the input was.
func NoRecords(file, what string) error {
	return fmt.Errorf("%s: %w: %s (%w)", file, ErrNoRecords, what, ErrEmpty)
}

// Dated is implemented by readers whose input states the day it was exported (or produced):
// ingest dates the input's observations by it instead of the file's modification time. Exported
// is called once, after Open; the zero Date means the input does not say.
type Dated interface {
	Exported() patent.Date
}

// RecordError describes a record a reader could not accept.
type RecordError struct {
	File   string // base name of the input
	Record int    // 1-based record number within the file (data rows, not counting headers)
	Line   int    // 1-based line (or XLSX row) where the record starts; 0 if unknown
	Field  string // the source's field (column or element) name; "" for the whole record
	Value  string // the offending value, truncated
	Err    error  // the sentinel or underlying cause
}

func (e *RecordError) Error() string {
	s := fmt.Sprintf("%s: record %d", e.File, e.Record)
	if e.Line > 0 {
		s += fmt.Sprintf(" (line %d)", e.Line)
	}
	if e.Field != "" {
		s += fmt.Sprintf(", field %q", e.Field)
	}
	s += ": " + e.Err.Error()
	if e.Value != "" {
		s += fmt.Sprintf(": %q", Truncate(e.Value, 80))
	}
	return s
}

func (e *RecordError) Unwrap() error { return e.Err }

// Truncate shortens s to at most n runes, marking the cut with "…".
func Truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// ReadAll drains r, returning the accepted records and the record errors. It stops at the first
// fatal error. Tests and small tools use it; the pipeline streams instead.
func ReadAll(r Reader) ([]*patent.Record, []*RecordError, error) {
	var recs []*patent.Record
	var bad []*RecordError
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return recs, bad, nil
		}
		var re *RecordError
		if errors.As(err, &re) {
			bad = append(bad, re)
			continue
		}
		if err != nil {
			return recs, bad, err
		}
		recs = append(recs, rec)
	}
}
