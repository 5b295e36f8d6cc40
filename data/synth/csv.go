package synth

import (
	"bufio"
	"bytes"
	"io"
)

// Stats reports what a writer produced.
type Stats struct {
	Families int   // families with at least one row written
	Records  int   // data rows written (publications)
	Bytes    int64 // bytes written to the io.Writer (after encoding)
}

// countingWriter counts bytes passed to the underlying writer.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// csvOut writes CSV rows with minimal quoting (a field is quoted when it holds a comma, a quote
// or a line break) and a fixed line ending.
type csvOut struct {
	bw  *bufio.Writer
	row []byte
	fld []byte
	nf  int
	eol string
}

func newCSV(w io.Writer, eol string) *csvOut {
	return &csvOut{bw: bufio.NewWriterSize(w, 256<<10), eol: eol, row: make([]byte, 0, 4096), fld: make([]byte, 0, 1024)}
}

// begin returns an empty buffer for the next field's content; pass it back to end.
func (c *csvOut) begin() []byte { return c.fld[:0] }

// end appends the field built in b to the row.
func (c *csvOut) end(b []byte) {
	c.fld = b
	if c.nf > 0 {
		c.row = append(c.row, ',')
	}
	c.nf++
	if bytes.IndexByte(b, ',') < 0 && bytes.IndexByte(b, '"') < 0 && bytes.IndexByte(b, '\n') < 0 && bytes.IndexByte(b, '\r') < 0 {
		c.row = append(c.row, b...)
		return
	}
	c.row = append(c.row, '"')
	for {
		i := bytes.IndexByte(b, '"')
		if i < 0 {
			break
		}
		c.row = append(c.row, b[:i+1]...)
		c.row = append(c.row, '"')
		b = b[i+1:]
	}
	c.row = append(c.row, b...)
	c.row = append(c.row, '"')
}

func (c *csvOut) str(s string) { c.end(append(c.begin(), s...)) }

func (c *csvOut) int(v int) { c.end(appendInt(c.begin(), v)) }

// endRow terminates and writes the row.
func (c *csvOut) endRow() error {
	c.row = append(c.row, c.eol...)
	_, err := c.bw.Write(c.row)
	c.row = c.row[:0]
	c.nf = 0
	return err
}

func (c *csvOut) header(cols []string) error {
	for _, h := range cols {
		c.str(h)
	}
	return c.endRow()
}

func appendInt(b []byte, v int) []byte {
	if v < 0 {
		b = append(b, '-')
		v = -v
	}
	return appendPadded(b, int64(v), 1)
}
