package format

import (
	"bytes"
	"io"
	"unsafe"
)

// CSVReader splits the records of a CSVGuard's output into cells exactly as encoding/csv's Reader
// does with LazyQuotes, FieldsPerRecord = -1 and no comment character: blank lines are skipped,
// CRLF reads as LF (also inside a quoted field), a trailing CR before the end of the input is
// dropped, a field is quoted only when it starts with '"', inside one `""` is a quote and a '"'
// that is not followed by the delimiter or the line end is kept as it is, and a quoted field open
// at the end of the input ends there. (With LazyQuotes encoding/csv reports no syntax errors, so
// neither does this reader.) TestCSVReaderMatchesEncodingCSV and FuzzCSVReader hold it to
// encoding/csv over the same guard.
//
// It does in one layer what a bufio.Reader and encoding/csv did in two behind the guard: it takes
// the guard's output a line at a time without another buffer, copies each line into an arena once
// and splits it there (an unquoted cell stays where it is, a quoted one is unquoted in place), and
// keeps no per-field positions, only the line a record starts on. BenchmarkCSVRead compares the
// two.
//
// The cells of a record are substrings of the arena: they stay valid and unchanged after the next
// Read, so a caller may keep them; the returned slice itself is reused. A kept cell keeps its
// arena chunk (arenaChunk bytes, a few dozen records) alive, so a cache that outlives the rows
// (the ingest's name memo) keeps copies.
type CSVReader struct {
	g     *CSVGuard
	comma byte
	line  int    // lines read so far (encoding/csv's numLine)
	carry []byte // a line that spans two of the guard's outputs (the input's last, without a line break)

	// arena holds the records' bytes. The record being split is arena[start:]; once it is
	// complete its cells become strings over those bytes, and the next record starts after it.
	// Bytes before start are never written again: a full arena is replaced, not grown in place.
	arena  []byte
	start  int
	cells  []cellSpan // the record's cells, relative to start
	fields []string
}

// arenaChunk is the size of a fresh arena: a few dozen records of a Lens export. A kept cell keeps
// its whole chunk alive, so it is not larger; a record larger than it gets an arena of its own.
const arenaChunk = 32 << 10

// cellSpan is where a cell's bytes are in the record.
type cellSpan struct{ from, to int }

// NewCSVReader returns a reader of g's records.
func NewCSVReader(g *CSVGuard) *CSVReader { return &CSVReader{g: g, comma: g.comma} }

// readLine returns the next line of the guard's output with its '\n' (encoding/csv's readLine:
// a line ending the input may lack it, and then a trailing CR is dropped; CRLF becomes LF). The
// slice is valid until the next call.
func (r *CSVReader) readLine() ([]byte, error) {
	line, err := r.g.readOut()
	if err == errPartial {
		// The guard's output ended inside a line: join it with what follows.
		r.carry = append(r.carry[:0], line...)
		for err == errPartial {
			line, err = r.g.readOut()
			r.carry = append(r.carry, line...)
		}
		line = r.carry
	}
	if len(line) > 0 && err == io.EOF {
		err = nil
		if line[len(line)-1] == '\r' {
			line = line[:len(line)-1]
		}
	}
	r.line++
	if n := len(line); n >= 2 && line[n-2] == '\r' && line[n-1] == '\n' {
		line[n-2] = '\n'
		line = line[:n-1]
	}
	return line, err
}

// put appends line to the record being split, moving the record to a fresh arena when this one
// is full (the bytes of earlier records stay where their strings point).
func (r *CSVReader) put(line []byte) {
	if len(r.arena)+len(line) > cap(r.arena) {
		rec := r.arena[r.start:]
		fresh := make([]byte, 0, max(arenaChunk, 2*(len(rec)+len(line))))
		r.arena = append(fresh, rec...)
		r.start = 0
	}
	r.arena = append(r.arena, line...)
}

// Read returns the next record's cells and the line it starts on, io.EOF at the end of the input,
// or the guard's read error (with the cells split so far, as encoding/csv does).
//
// Each line of the record is copied into the arena whole, and split there: a cell's bytes stay
// where they are (an unquoted cell's, and a quoted one's between its quotes), and only a quoted
// cell with a doubled quote or a line break is unquoted in place, within its own bytes: w, where
// the cell's next byte goes, is never after rd, where it is read.
func (r *CSVReader) Read() ([]string, int, error) {
	var line []byte
	var errRead error
	for errRead == nil {
		line, errRead = r.readLine()
		if errRead == nil && len(line) == lengthNL(line) {
			continue // a blank line
		}
		break
	}
	if errRead == io.EOF {
		return nil, 0, errRead
	}
	recLine := r.line
	r.cells = r.cells[:0]
	comma := r.comma
	r.put(line)
	rec := r.arena[r.start:] // the record's bytes so far
	rd, w := 0, 0
field:
	for {
		if rd == len(rec) || rec[rd] != '"' {
			i := bytes.IndexByte(rec[rd:], comma)
			n := i
			if i < 0 {
				n = len(rec) - rd - lengthNL(rec[rd:])
			}
			r.cells = append(r.cells, cellSpan{rd, rd + n})
			if i >= 0 {
				rd += i + 1
				continue field
			}
			break field
		}
		rd++ // a quoted field
		from := rd
		w = rd
		for {
			i := bytes.IndexByte(rec[rd:], '"')
			switch {
			case i >= 0:
				if w != rd {
					copy(rec[w:], rec[rd:rd+i])
				}
				w += i
				rd += i + 1
				switch rest := rec[rd:]; {
				case len(rest) > 0 && rest[0] == '"': // `""`
					rec[w] = '"'
					w++
					rd++
				case len(rest) > 0 && rest[0] == comma: // `",`: the field ends
					rd++
					r.cells = append(r.cells, cellSpan{from, w})
					continue field
				case lengthNL(rest) == len(rest): // `"` at the line end: the record ends
					r.cells = append(r.cells, cellSpan{from, w})
					break field
				default: // a bare quote, kept
					rec[w] = '"'
					w++
				}
			case rd < len(rec): // the line ends inside the field: it goes on on the next
				if w != rd {
					copy(rec[w:], rec[rd:])
				}
				w += len(rec) - rd
				if errRead != nil {
					break field
				}
				line, errRead = r.readLine()
				if errRead == io.EOF {
					errRead = nil
				}
				r.arena = r.arena[:r.start+w]
				r.put(line)
				rec, rd = r.arena[r.start:], w
			default: // the input ends inside the field
				r.cells = append(r.cells, cellSpan{from, w})
				break field
			}
		}
	}
	var s string
	if len(rec) > 0 {
		s = unsafe.String(&rec[0], len(rec))
	}
	r.fields = r.fields[:0]
	for _, c := range r.cells {
		r.fields = append(r.fields, s[c.from:c.to])
	}
	r.start = len(r.arena)
	if cap(r.arena)-len(r.arena) < 256 || cap(r.arena) > arenaChunk {
		// A fresh arena when this one is full, and after a record larger than arenaChunk (put
		// gave it an arena of its own, which no later record shares: a cell kept of a small
		// record keeps no more than arenaChunk bytes alive).
		r.arena, r.start = make([]byte, 0, arenaChunk), 0
	}
	return r.fields, recLine, errRead
}

func lengthNL(b []byte) int {
	if len(b) > 0 && b[len(b)-1] == '\n' {
		return 1
	}
	return 0
}
