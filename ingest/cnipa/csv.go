package cnipa

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
)

// csvTable is a CSV file as a table.
type csvTable struct{ f *format.CSVFile }

func (t *csvTable) next() ([]string, int, error) {
	row, line, err := t.f.Row(0)
	return row, line, err
}

func (t *csvTable) close() error { return t.f.Close() }

// delimiter picks ',' or '\t' from the first non-empty line of a decoded sample.
func delimiter(sample string) rune {
	for _, line := range strings.SplitN(sample, "\n", headerScan+1) {
		if strings.TrimSpace(line) == "" {
			continue
		}
		if strings.Count(line, "\t") > strings.Count(line, ",") {
			return '\t'
		}
		return ','
	}
	return ','
}

// openCSV opens a CSV (or TSV) export.
func openCSV(path string, opts format.Options) (format.Reader, error) {
	head, err := format.ReadHead(path, 64<<10)
	if err != nil {
		return nil, err
	}
	comma := ','
	if ti, err := format.DecodeText(bytes.NewReader(head), opts.Encoding); err == nil {
		b, _ := io.ReadAll(ti)
		comma = delimiter(string(b))
	} else {
		return nil, err
	}
	f, err := format.OpenCSV(path, opts, comma)
	if err != nil {
		return nil, err
	}
	t := &csvTable{f: f}
	cols, rest, nonBlank, err := scanHeader(t)
	if err != nil {
		f.Close()
		return nil, err
	}
	if cols == nil {
		f.Close()
		if !nonBlank {
			return nil, format.ErrEmpty
		}
		return nil, errNoHeader
	}
	f.SetHeader(cols.header)
	used := false
	r := &reader{file: filepath.Base(path), encoding: f.Encoding, repaired: f.Repaired}
	r.nextTable = func() (table, *columns, []pendingRow, error) {
		if used {
			return nil, nil, nil, io.EOF
		}
		used = true
		return t, cols, rest, nil
	}
	r.closeAll = func() error {
		if !used {
			return f.Close()
		}
		return nil
	}
	return r, nil
}

// sniffCSV scores the first bytes of a text file.
func sniffCSV(head []byte) float64 {
	ti, err := format.DecodeText(bytes.NewReader(head), "")
	if err != nil {
		return 0
	}
	b, _ := io.ReadAll(ti)
	s := string(b)
	cr := csv.NewReader(strings.NewReader(s))
	cr.Comma = delimiter(s)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	best := 0.0
	for i := 0; i < headerScan; i++ {
		row, err := cr.Read()
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			break
		}
		if sc := score(resolve(row), row); sc > best {
			best = sc
		}
	}
	return best
}
