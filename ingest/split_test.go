package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/internal/patent"
)

// splitFormat is testFormat read through format.Splitter: the reader splits the lines, workers
// convert them (pipeReader's rules). A line "!reader" makes NextRow fail (wrapping
// format.ErrNoRecords), a line "!convert" makes its conversion fail; neither error is a record's.
var splitFormat = format.Format{
	Name:  "splittest",
	Sniff: sniffPrefix("#splittest"),
	Open: func(path string, o format.Options) (format.Reader, error) {
		r, err := testFormat.Open(path, o) // the same lines, read as testFormat reads them
		if err != nil {
			return nil, err
		}
		p := r.(*pipeReader)
		return &splitReader{file: p.file, lines: p.lines}, nil
	},
}

type splitReader struct {
	file  string
	lines []string
	i     int
}

var errReader = fmt.Errorf("the disk went away: %w", format.ErrNoRecords)

func (r *splitReader) NextRow() ([]string, int, int, error) {
	if r.i >= len(r.lines) {
		return nil, 0, 0, io.EOF
	}
	r.i++
	if r.lines[r.i-1] == "!reader" {
		return nil, 0, 0, errReader
	}
	return []string{r.lines[r.i-1]}, r.i + 1, r.i, nil
}

func (r *splitReader) NewConverter() format.Converter { return splitConv{r.file} }

func (r *splitReader) Read() (*patent.Record, error) { panic("splitReader: read through NextRow") }

func (r *splitReader) Close() error { return nil }

type splitConv struct{ file string }

func (c splitConv) Convert(cells []string, line, record int, rec *patent.Record) error {
	if cells[0] == "!convert" {
		return errors.New("the converter broke")
	}
	p := &pipeReader{file: c.file, lines: []string{cells[0]}}
	got, err := p.Read()
	if err != nil {
		return err
	}
	got.Patent.SourceRecord = record
	*rec = *got
	return nil
}

// TestSplitErrors: through the split path, a conversion's error stops the ingest with that
// record's error even when the reader fails later in the same batch, and a reader's error after
// rows (here one that wraps format.ErrNoRecords) stops it too, after the batch's rows were
// converted and counted: it is not taken for an input without records. Nothing reaches the lake.
func TestSplitErrors(t *testing.T) {
	rows := func(n int) []string {
		var out []string
		for i := range n {
			out = append(out, fmt.Sprintf("CN%07dA|title %d|Acme Corp.||01.02.2020", 1000000+i, i))
		}
		return out
	}
	for _, c := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"convert then reader", append(append(rows(100), "!convert"), append(rows(5), "!reader")...), "record 101: the converter broke"},
		{"reader after rows", append(rows(70), "!reader"), "the disk went away"},
	} {
		dir := t.TempDir()
		in := filepath.Join(dir, "in.txt")
		if err := os.WriteFile(in, []byte("#splittest\n"+strings.Join(c.lines, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		lk := filepath.Join(dir, "lake")
		_, err := Run(context.Background(), []string{in}, Options{Lake: lk, MaxBad: -1, Workers: 2, Formats: []format.Format{splitFormat}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want one containing %q", c.name, err, c.want)
		}
		if l, err := lake.Open(lk); err == nil && l.Rows(lake.TPatents) != 0 {
			t.Errorf("%s: %d patents rows stored", c.name, l.Rows(lake.TPatents))
		}
	}
}
