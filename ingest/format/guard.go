package format

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Default limits (Options.Limits; the ingest flags --max-field, --max-record and --max-entry
// raise them).
const (
	DefaultMaxField  = 1 << 20   // bytes of one field: a title, an abstract, a claims text
	DefaultMaxRecord = 8 << 20   // bytes of one record (a CSV row, an XML document, an XLSX row)
	DefaultMaxEntry  = 256 << 20 // decompressed bytes of one archive entry loaded whole (an XLSX part)
)

// Limits bound what one record or one archive entry may take, so that no input can make ingest
// hold more than a few records' worth of memory. Zero fields take the defaults.
type Limits struct {
	MaxField  int
	MaxRecord int
	MaxEntry  int64
}

// WithDefaults returns l with every zero limit set to its default.
func (l Limits) WithDefaults() Limits {
	if l.MaxField <= 0 {
		l.MaxField = DefaultMaxField
	}
	if l.MaxRecord <= 0 {
		l.MaxRecord = DefaultMaxRecord
	}
	if l.MaxEntry <= 0 {
		l.MaxEntry = DefaultMaxEntry
	}
	return l
}

// Sentinels of the guards.
var (
	// ErrUnclosedQuote: a quoted field still open at a line break that is followed by a
	// well-formed row: the quote was never closed, and the row is not merged into the field.
	ErrUnclosedQuote = errors.New("quote never closed")
	// ErrShortRow: a row with fewer cells than its header names.
	ErrShortRow = errors.New("row cut short")
	// ErrTooLarge: a field or record above its limit.
	ErrTooLarge = errors.New("too large")
	// ErrEntryTooLarge: an archive entry that decompresses beyond Limits.MaxEntry; the input is
	// rejected.
	ErrEntryTooLarge = errors.New("archive entry too large")
)

// CSVGuard sits between a decoded text stream and a CSV reader (CSVReader, or encoding/csv with
// lazy quotes, which reads its output the same) and keeps one broken record from damaging others:
//
//   - A quoted field still open at a line break whose next line is a well-formed row (balanced
//     quotes, as many cells as the widest row so far) is closed there, and its record is flagged
//     ErrUnclosedQuote: the following rows are read as rows, not swallowed into the field.
//   - A record longer than MaxRecord bytes is not passed on: a one-cell placeholder row stands for
//     it (so records keep their numbers and lines) and it is flagged ErrTooLarge. Memory stays
//     bounded by MaxRecord whatever the input.
//   - With RepairUTF8, bytes that are not valid UTF-8 are replaced by U+FFFD and counted, with the
//     record they are in.
//
// Lines keep their numbers: the guard passes every line break through. Flags are keyed by the
// line a record starts on, as CSVReader.Read (or csv.Reader.FieldPos) reports it; Take returns and
// clears them.
type CSVGuard struct {
	src        *bufio.Reader
	comma      byte
	maxRecord  int
	repairUTF8 bool

	out  []byte // produced, not yet read
	pos  int
	line int  // number of the next line to read (1-based)
	eof  bool // src is exhausted
	buf  []byte

	inQuote  bool // the current record has an open quoted field at the end of the last line
	fields   int  // cells of the current record so far
	recStart int  // line the current record starts on
	recBytes int
	widest   int // cells of the widest complete record so far

	flags    map[int]error
	repaired map[int]int // record start line → bytes replaced
	// Repaired counts the invalid UTF-8 bytes replaced so far.
	Repaired int
}

// NewCSVGuard wraps r. comma is the delimiter; maxRecord <= 0 takes DefaultMaxRecord.
func NewCSVGuard(r io.Reader, comma rune, maxRecord int, repairUTF8 bool) *CSVGuard {
	if maxRecord <= 0 {
		maxRecord = DefaultMaxRecord
	}
	return &CSVGuard{src: bufio.NewReaderSize(r, 256<<10), comma: byte(comma), maxRecord: maxRecord,
		repairUTF8: repairUTF8, line: 1, flags: map[int]error{}, repaired: map[int]int{}}
}

// RepairUTF8 makes the guard replace invalid UTF-8 from the next line it reads on (a reader that
// began as UTF-8 before the whole file was checked, and learns it has bytes to repair: the
// lines before were valid, so it is as if it had repaired from the start).
func (g *CSVGuard) RepairUTF8() { g.repairUTF8 = true }

// Take returns the invalid UTF-8 bytes replaced in the record starting on line and the problem
// flagged for it (nil when none), and forgets both.
func (g *CSVGuard) Take(line int) (repaired int, err error) {
	err, repaired = g.flags[line], g.repaired[line]
	if err != nil {
		delete(g.flags, line)
	}
	if repaired != 0 {
		delete(g.repaired, line)
	}
	return repaired, err
}

// CheckRow checks a row against its header: a row with fewer cells than the header names is
// ErrShortRow naming the missing columns, and a cell above maxField bytes is ErrTooLarge naming
// its column. header is the header as read; named is how many of its cells hold a name (trailing
// empty header cells do not count). It returns the field at fault and the error, or "", nil.
func CheckRow(row, header []string, named, maxField int) (string, error) {
	if len(row) < named {
		var missing []string
		for _, h := range header[len(row):named] {
			if h != "" {
				missing = append(missing, h)
			}
		}
		return "", fmt.Errorf("%w: %d of %d cells; missing %s", ErrShortRow, len(row), named, strings.Join(missing, ", "))
	}
	if maxField > 0 {
		for i, c := range row {
			if len(c) > maxField {
				name := ""
				if i < len(header) {
					name = header[i]
				}
				return name, fmt.Errorf("%w: %d bytes in one field (the limit is %d; raise --max-field to read it)", ErrTooLarge, len(c), maxField)
			}
		}
	}
	return "", nil
}

// Named returns how many cells of header hold a name: its length without trailing empty cells.
func Named(header []string) int {
	n := len(header)
	for n > 0 && strings.TrimSpace(header[n-1]) == "" {
		n--
	}
	return n
}

// Read hands out the guard's output as a byte stream (for encoding/csv; CSVReader takes it a line
// at a time with readOut).
func (g *CSVGuard) Read(p []byte) (int, error) {
	if err := g.fill(); err != nil {
		return 0, err
	}
	n := copy(p, g.out[g.pos:])
	g.pos += n
	return n, nil
}

// fill makes sure g.out holds output not yet handed out: io.EOF at the end, or the error that
// ended the input.
func (g *CSVGuard) fill() error {
	for g.pos >= len(g.out) {
		if g.eof {
			return io.EOF
		}
		g.out, g.pos = g.out[:0], 0
		if err := g.next(); err != nil {
			return err
		}
	}
	return nil
}

// errPartial: readOut's line goes on in the guard's next output.
var errPartial = errors.New("partial line")

// readOut returns the next line of the guard's output, with its '\n', as a slice of g.out valid
// until the next call; errPartial with the part of a line that g.out ends with (the input's last
// line, without its line break; its end then comes as io.EOF); io.EOF at the end; or the error
// that ended the input. (*CSVGuard).Read hands out the same bytes.
func (g *CSVGuard) readOut() ([]byte, error) {
	if err := g.fill(); err != nil {
		return nil, err
	}
	rest := g.out[g.pos:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		g.pos += i + 1
		return rest[:i+1], nil
	}
	g.pos = len(g.out)
	return rest, errPartial
}

// next reads one line (or skips one oversize record) into g.out.
func (g *CSVGuard) next() error {
	budget := g.maxRecord - g.recBytes
	if !g.inQuote {
		budget = g.maxRecord
	}
	line, full, err := g.readLine(budget + 1)
	if err != nil {
		return err
	}
	if len(line) == 0 {
		g.eof = true
		return nil
	}
	if !g.inQuote {
		g.recStart, g.fields, g.recBytes = g.line, 1, 0
	}
	if g.recBytes+len(line) > g.maxRecord || !full {
		return g.skipRecord(line)
	}
	g.recBytes += len(line)
	if g.repairUTF8 && !utf8.Valid(line) {
		var n int
		line, n = repairUTF8(line)
		g.Repaired += n
		g.repaired[g.recStart] += n
	}
	nl := bytes.HasSuffix(line, []byte{'\n'})
	if nl {
		g.line++
	}
	g.inQuote, g.fields = scanCSV(line, g.comma, g.inQuote, g.fields)
	if !g.inQuote {
		g.complete(line)
		g.out = append(g.out, line...)
		return nil
	}
	if !nl {
		g.out = append(g.out, line...) // the end of the input inside a quote: csv takes it as it is
		return nil
	}
	if g.nextLineIsRow() {
		// Close the field at the line break: csv ends the record there.
		g.out = append(g.out, line[:len(line)-1]...)
		if bytes.HasSuffix(g.out, []byte{'\r'}) {
			g.out = g.out[:len(g.out)-1]
		}
		g.out = append(g.out, '"', '\n')
		g.flags[g.recStart] = fmt.Errorf("%w: a quoted field opened in this record is still open at the end of line %d, and line %d is a complete row", ErrUnclosedQuote, g.line-1, g.line)
		g.inQuote = false
		return nil
	}
	g.out = append(g.out, line...)
	return nil
}

// complete notes a record that ended on line.
func (g *CSVGuard) complete(line []byte) {
	if len(bytes.TrimRight(line, "\r\n")) > 0 && g.fields > g.widest {
		g.widest = g.fields
	}
}

// nextLineIsRow reports whether the line after the current one, read on its own, is a complete
// row as wide as the widest row so far (at least 3 cells: a continuation of a quoted text rarely
// is). It looks at most 64 KB ahead.
func (g *CSVGuard) nextLineIsRow() bool {
	if g.widest < 3 {
		return false
	}
	ahead, _ := g.src.Peek(64 << 10)
	i := bytes.IndexByte(ahead, '\n')
	if i < 0 {
		if len(ahead) == 64<<10 {
			return false
		}
		i = len(ahead) - 1 // the last line of the input
	}
	next := ahead[:i+1]
	if len(bytes.TrimSpace(next)) == 0 {
		return false
	}
	open, fields := scanCSV(next, g.comma, false, 1)
	return !open && fields == g.widest
}

// skipRecord drops the rest of a record that exceeds maxRecord (line is its part read so far),
// and passes on a placeholder with the record's line breaks.
func (g *CSVGuard) skipRecord(line []byte) error {
	start := g.recStart
	emitted := g.recBytes > 0 // earlier lines of the record went out already
	breaks := 0
	inQuote, fields := g.inQuote, g.fields
	for {
		breaks += bytes.Count(line, []byte{'\n'})
		inQuote, fields = scanCSV(line, g.comma, inQuote, fields)
		if !inQuote && bytes.HasSuffix(line, []byte{'\n'}) {
			break
		}
		var err error
		line, _, err = g.readLine(64 << 10)
		if err != nil {
			return err
		}
		if len(line) == 0 {
			break
		}
	}
	g.line += breaks
	if emitted {
		g.out = append(g.out, '"') // closes the quoted field the emitted lines left open
	} else {
		g.out = append(g.out, '-')
	}
	if breaks > 0 {
		g.out = append(g.out, bytes.Repeat([]byte{'\n'}, breaks)...)
	}
	g.flags[start] = fmt.Errorf("%w: the record is longer than %d bytes (raise --max-record to read it)", ErrTooLarge, g.maxRecord)
	g.inQuote, g.recBytes = false, 0
	return nil
}

// readLine returns the next line with its '\n' (without it at the end of the input; empty at the
// end), or its first max bytes with full false when it is longer.
func (g *CSVGuard) readLine(max int) ([]byte, bool, error) {
	g.buf = g.buf[:0]
	for {
		b, err := g.src.ReadSlice('\n')
		g.buf = append(g.buf, b...)
		if len(g.buf) > max {
			return g.buf, false, nil
		}
		switch {
		case err == nil:
			return g.buf, true, nil
		case err == bufio.ErrBufferFull:
			continue
		case err == io.EOF:
			return g.buf, true, nil
		default:
			return nil, false, err
		}
	}
}

// scanCSV advances the state of a CSV record over line, as encoding/csv reads it with LazyQuotes:
// a field is quoted only when it starts with '"'; inside one, `""` is a quote, `"` before the
// delimiter or the line end closes it, and any other `"` is kept as it is. It returns whether a
// quoted field is open at the end of line and the record's cell count so far.
//
// It jumps from quote to quote and counts the delimiters between them (bytes.Count), instead of
// stepping from cell to cell: a Lens row of 35 cells with one quoted abstract takes a handful of
// calls instead of 35. TestScanCSV holds it to the cell-by-cell reading.
func scanCSV(line []byte, comma byte, inQuote bool, fields int) (bool, int) {
	i, n := 0, len(line)
	sep := []byte{comma}
	for i < n {
		if inQuote {
			j := bytes.IndexByte(line[i:], '"')
			if j < 0 {
				return true, fields
			}
			i += j + 1
			switch {
			case i < n && line[i] == '"':
				i++
			case i < n && line[i] == comma:
				inQuote = false
				fields++
				i++
			case i == n || line[i] == '\n' || line[i] == '\r' && (i+1 == n || line[i+1] == '\n'):
				return false, fields
			}
			continue
		}
		// Unquoted cells up to the next '"' that opens a field: one at a cell's start (the line's
		// start, or after a delimiter; i is one). Any other '"' is kept as it is.
		k := i
		for {
			j := bytes.IndexByte(line[k:], '"')
			if j < 0 {
				return false, fields + bytes.Count(line[i:], sep)
			}
			k += j
			if k == 0 || line[k-1] == comma {
				break
			}
			k++
		}
		fields += bytes.Count(line[i:k], sep)
		inQuote = true
		i = k + 1
	}
	return inQuote, fields
}

// repairUTF8 returns line with every byte that is not part of valid UTF-8 replaced by U+FFFD, and
// how many were replaced.
func repairUTF8(line []byte) ([]byte, int) {
	out := make([]byte, 0, len(line)+8)
	n := 0
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRune(line[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(out, "\uFFFD"...)
			n++
			i++
			continue
		}
		out = append(out, line[i:i+size]...)
		i += size
	}
	return out, n
}
