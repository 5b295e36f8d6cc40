package lens

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
)

// input is an open Lens file behind a lenient format.CSVReader. UTF-8 files (every current export)
// take a fast path: BOM skipped, lone CRs turned into LFs in place and CRLF left to the reader,
// which treats it as a line end. Other encodings go through format.DecodeText.
type input struct {
	f     *os.File
	cr    *format.CSVReader
	guard *format.CSVGuard
	file  string

	header   []string // set once the header is read: rows are checked against it
	named    int
	maxField int
	repaired []int // records with bytes replaced (the first 20)
	repair   bool  // repair UTF-8 from the start: decided before the guard was made (repairUTF8)
}

// openInput opens path; enc is the forced or detected encoding ("" when the head is UTF-8). What
// is read from the file also goes to tee, when there is one. With check, the bytes are checked
// as UTF-8 as they are read (format.UTF8Check), and check is called at the first that is not.
func openInput(path, enc string, head []byte, tee io.Writer, lim format.Limits, repair bool, check func(*input) error) (*input, error) {
	lim = lim.WithDefaults()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	in := &input{f: f, file: filepath.Base(path), maxField: lim.MaxField}
	var file io.Reader = f
	if tee != nil {
		file = io.TeeReader(f, tee)
	}
	if check != nil {
		file = format.UTF8Check(file, func() error { return check(in) })
	}
	var src io.Reader
	utf := false
	switch e := strings.ToLower(enc); {
	case e == "utf-8" || e == "utf8" ||
		e == "" && !bytes.HasPrefix(head, []byte{0xFF, 0xFE}) && !bytes.HasPrefix(head, []byte{0xFE, 0xFF}) &&
			format.DetectEncoding(head) == "utf-8":
		br := bufio.NewReaderSize(file, 256<<10)
		if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3)
		}
		src = &crReader{br: br}
		utf = true
	default:
		ti, err := format.DecodeText(file, enc)
		if err != nil {
			f.Close()
			return nil, err
		}
		src = ti
	}
	in.guard = format.NewCSVGuard(src, ',', lim.MaxRecord, utf && (repair || in.repair))
	in.cr = format.NewCSVReader(in.guard)
	return in, nil
}

// repairUTF8 makes the guard replace invalid UTF-8 from the next line it reads on (check's
// decision, see Open), or from the start when check decided before the guard was made: the
// BOM's peek reads the first bytes, all of a tiny file.
func (in *input) repairUTF8() {
	if in.guard == nil {
		in.repair = true
		return
	}
	in.guard.RepairUTF8()
}

// setHeader makes later rows be checked against header (format.CheckRow).
func (in *input) setHeader(header []string) {
	in.header = make([]string, len(header))
	for i, h := range header {
		in.header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
	}
	in.named = format.Named(in.header)
}

// row returns the next row and the line it starts on; the guard's findings are a
// *format.RecordError numbered record. The slice is reused by the next call; its strings stay
// valid (format.CSVReader), so they may be kept.
func (in *input) row(record int) ([]string, int, error) {
	row, line, err := in.cr.Read()
	if err != nil {
		return nil, 0, err
	}
	repaired, gerr := in.guard.Take(line)
	if repaired > 0 && len(in.repaired) < 20 {
		in.repaired = append(in.repaired, record)
	}
	if gerr != nil {
		return nil, line, &format.RecordError{File: in.file, Record: record, Line: line, Err: gerr}
	}
	if in.header != nil && !format.IsBlank(row) {
		if field, err := format.CheckRow(row, in.header, in.named, in.maxField); err != nil {
			return nil, line, &format.RecordError{File: in.file, Record: record, Line: line, Field: field, Err: err}
		}
	}
	// Trailing empty cells (thousands in some raw exports) are dropped: a short row reads as
	// empty beyond its end.
	n := len(row)
	for n > 0 && row[n-1] == "" {
		n--
	}
	return row[:n], line, nil
}

func (in *input) close() error { return in.f.Close() }

// crReader turns every CR that is not followed by LF into LF, in place (old Mac exports end lines
// with CR alone). CRLF is left as it is: format.CSVReader reads it as a line end, and as LF inside
// a quoted field, exactly as it reads LF.
type crReader struct {
	br *bufio.Reader
}

func (c *crReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	b := p[:n]
	for i := bytes.IndexByte(b, '\r'); i >= 0; {
		if i+1 < n {
			if b[i+1] != '\n' {
				b[i] = '\n'
			}
		} else if next, _ := c.br.Peek(1); len(next) == 0 || next[0] != '\n' {
			b[i] = '\n'
		}
		j := bytes.IndexByte(b[i+1:], '\r')
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return n, err
}
