package formattest

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
)

// Golden compares got (a reader's output, rendered by the caller) with the golden file, or
// rewrites the file when update is set (go test -update). Surrounding white space does not count;
// a difference is reported with its first differing line.
func Golden(t testing.TB, golden string, got []byte, update bool) {
	t.Helper()
	got = append(bytes.TrimSpace(got), '\n')
	if update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("output differs from %s (run go test -update and review the diff)\n%s", golden, FirstDiff(string(want), string(got)))
	}
}

// FirstDiff shows the first line where two texts differ.
func FirstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n want: " + a + "\n got:  " + b
		}
	}
	return ""
}

// ReadAll opens path with open and reads every record, failing the test on an open or fatal
// read error; the record errors come back as their messages.
func ReadAll(t testing.TB, open func(string, format.Options) (format.Reader, error), path string, opts format.Options) ([]*patent.Record, []string) {
	t.Helper()
	r, err := open(path, opts)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer r.Close()
	recs, bad, err := format.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: fatal error: %v", path, err)
	}
	var errs []string
	for _, e := range bad {
		errs = append(errs, e.Error())
	}
	return recs, errs
}

// BenchRead is a reader benchmark's loop: it opens path with open b.N times, reads every
// record, checks there are want of them, and reports bytes/s (the file's size), records/s and
// records per CPU-second.
func BenchRead(b *testing.B, open func(string, format.Options) (format.Reader, error), path string, want int) {
	b.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	b.ReportAllocs()
	b.ResetTimer()
	cpu0, cpuOK := cpuTime()
	for range b.N {
		r, err := open(path, format.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil || rec == nil {
				b.Fatalf("record %d: %v", n+1, err)
			}
			n++
		}
		r.Close()
		if n != want {
			b.Fatalf("read %d records, want %d", n, want)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(want)*float64(b.N)/b.Elapsed().Seconds(), "records/s")
	// Records per CPU-second of the process (all its threads, the collector's included): on a
	// shared machine this varies far less than records per wall-clock second.
	if cpu1, ok := cpuTime(); ok && cpuOK && cpu1 > cpu0 {
		b.ReportMetric(float64(want)*float64(b.N)/(cpu1-cpu0).Seconds(), "records/cpu-s")
	}
}

// FuzzFile is the body of a CSV reader's fuzz test: data written to a file in dir is opened with
// open (a refusal is fine) and read to the end, which must come within len(data)+2 reads; every
// RecordError names its file and a record, every record has a publication number.
func FuzzFile(t *testing.T, open func(string, format.Options) (format.Reader, error), dir string, data []byte) {
	t.Helper()
	path := filepath.Join(dir, "fuzz.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := open(path, format.Options{})
	if err != nil {
		return
	}
	defer r.Close()
	for n := 0; ; n++ {
		if n > len(data)+2 {
			t.Fatalf("more reads (%d) than input bytes", n)
		}
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			if re.File == "" || re.Record < 1 {
				t.Fatalf("RecordError without position: %+v", re)
			}
			continue
		}
		if err != nil {
			return // fatal
		}
		if rec == nil || rec.Patent.PubNumber == "" {
			t.Fatalf("record without publication number: %+v", rec)
		}
	}
}
