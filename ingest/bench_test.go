package ingest

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/realdata"
)

// The ingest benchmarks run each contender in a child process (this test binary re-executed) so
// that its wall time and peak RSS are its own: patnav's ingest, DuckDB's read_csv + COPY … TO
// parquet on the same file, and xmllint --stream for XML.
//
//	PATNAV_BENCH_LENS="10000,100000,1000000"  Lens CSV ladder (records)
//	PATNAV_BENCH_USPTO_MB=1024                 size of the concatenated USPTO XML file

const childEnv = "PATNAV_BENCH_CHILD"

func TestMain(m *testing.M) {
	if task := os.Getenv(childEnv); task != "" {
		os.Exit(benchChild(task, os.Getenv("PATNAV_BENCH_IN"), os.Getenv("PATNAV_BENCH_OUT")))
	}
	os.Exit(m.Run())
}

func benchChild(task, in, out string) int {
	ctx := context.Background()
	var err error
	switch task {
	case "ingest":
		_, err = Run(ctx, []string{in}, Options{Lake: out, MaxBad: -1})
	case "duckdb":
		var db *duck.DB
		if db, err = duck.OpenMemory(); err == nil {
			_, err = db.SQL().ExecContext(ctx, fmt.Sprintf("COPY (SELECT * FROM read_csv('%s', header = true)) TO '%s' (FORMAT parquet, COMPRESSION zstd)",
				strings.ReplaceAll(in, "'", "''"), strings.ReplaceAll(out, "'", "''")))
			db.Close()
		}
	default:
		err = fmt.Errorf("unknown bench task %q", task)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// measure runs a child task and returns its wall time and peak RSS in MB.
func measure(b *testing.B, task, in, out string) (time.Duration, float64) {
	b.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+task, "PATNAV_BENCH_IN="+in, "PATNAV_BENCH_OUT="+out)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %s: %v: %s", task, in, err, stderr.String())
	}
	el := time.Since(start)
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return el, float64(ru.Maxrss) / 1024 // Maxrss is in KiB on Linux
}

func ladder(env, def string) []int {
	s := os.Getenv(env)
	if s == "" {
		s = def
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// BenchmarkIngestLens ingests generated current-layout Lens CSVs of growing size and, in the same
// run, times DuckDB's read_csv + COPY to Parquet on the same file.
func BenchmarkIngestLens(b *testing.B) {
	for _, n := range ladder("PATNAV_BENCH_LENS", "10000,100000,1000000") {
		b.Run(fmt.Sprintf("records=%d", n), func(b *testing.B) {
			dir := b.TempDir()
			in := filepath.Join(dir, "lens.csv")
			f, err := os.Create(in)
			if err != nil {
				b.Fatal(err)
			}
			w := bufio.NewWriterSize(f, 1<<20)
			st, err := synth.WriteLens(w, synth.Options{Families: n, MaxRecords: n, Seed: 1}, synth.LensCurrent)
			if err == nil {
				err = w.Flush()
			}
			if err == nil {
				err = f.Sync() // written back before timing: the first contender does not pay for it
			}
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			fi, _ := os.Stat(in)
			b.SetBytes(fi.Size())
			b.ResetTimer()
			// The contenders alternate, so that a slow spell of a shared machine hits both; the
			// medians are compared (run with -benchtime 3x or more on a noisy machine).
			var pt, dt []float64
			var rss, drss float64
			for i := 0; i < b.N; i++ {
				e, r := measure(b, "ingest", in, filepath.Join(dir, fmt.Sprint("lake", i)))
				pt, rss = append(pt, e.Seconds()), max(rss, r)
				b.StopTimer()
				d, dr := measure(b, "duckdb", in, filepath.Join(dir, fmt.Sprint("duck", i, ".parquet")))
				dt, drss = append(dt, d.Seconds()), max(drss, dr)
				os.RemoveAll(filepath.Join(dir, fmt.Sprint("lake", i)))
				os.Remove(filepath.Join(dir, fmt.Sprint("duck", i, ".parquet")))
				b.StartTimer()
			}
			b.StopTimer()
			per, dd := median(pt), median(dt)
			b.ReportMetric(float64(st.Records)/per, "records/s")
			b.ReportMetric(rss, "peak-RSS-MB")
			b.ReportMetric(dd, "duckdb-s")
			b.ReportMetric(drss, "duckdb-RSS-MB")
			b.ReportMetric(per/dd, "x-duckdb")
			b.Logf("%d records, %.0f MB, %d runs each: patnav median %.2fs (runs %.2f; RSS %.0f MB), duckdb read_csv+COPY median %.2fs (runs %.2f; RSS %.0f MB), ratio %.2f",
				st.Records, float64(fi.Size())/1e6, b.N, per, pt, rss, dd, dt, drss, per/dd)
		})
	}
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

var prolog = regexp.MustCompile(`^<\?xml [^>]*\?>\s*(<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>)?`)

// BenchmarkIngestUSPTO builds a concatenated USPTO XML file (the real weekly-file fixtures
// repeated with renumbered publications) and ingests it; xmllint --stream --noout over the same
// documents (declarations removed, one wrapping root: xmllint stops at a second declaration) is
// the yardstick for pure XML parsing.
func BenchmarkIngestUSPTO(b *testing.B) {
	dir := realdata.Dir("uspto_xml")
	if dir == "" {
		b.Skip("real USPTO fixtures absent")
	}
	mb := ladder("PATNAV_BENCH_USPTO_MB", "1024")[0]
	srcs, _ := filepath.Glob(filepath.Join(dir, "ipg*.xml"))
	var docs [][]byte
	for _, s := range srcs {
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range bytes.Split(data, []byte("<?xml ")) {
			if len(bytes.TrimSpace(d)) > 0 && !bytes.Contains(d[:min(len(d), 400)], []byte("sequence-cwu")) {
				docs = append(docs, append([]byte("<?xml "), d...))
			}
		}
	}
	work := b.TempDir()
	in, wrapped := filepath.Join(work, "ipg_bench.xml"), filepath.Join(work, "wrapped.xml")
	f, _ := os.Create(in)
	g, _ := os.Create(wrapped)
	fw, gw := bufio.NewWriterSize(f, 1<<20), bufio.NewWriterSize(g, 1<<20)
	gw.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n")
	open := []byte("<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>")
	written, n := 0, 0
	for written < mb<<20 {
		for _, d := range docs {
			if i := bytes.Index(d, open); i >= 0 {
				j := i + len(open)
				if k := bytes.IndexByte(d[j:], '<'); k >= 0 {
					n++
					d = append(append(append([]byte{}, d[:j]...), fmt.Sprintf("%08d", 20000000+n)...), d[j+k:]...)
				}
			}
			m, _ := fw.Write(d)
			written += m
			gw.Write(prolog.ReplaceAll(d, nil))
		}
	}
	gw.WriteString("</root>\n")
	fw.Flush()
	gw.Flush()
	f.Close()
	g.Close()
	fi, _ := os.Stat(in)
	b.SetBytes(fi.Size())
	b.ResetTimer()
	var el time.Duration
	var rss float64
	for i := 0; i < b.N; i++ {
		e, r := measure(b, "ingest", in, filepath.Join(work, fmt.Sprint("lake", i)))
		el += e
		rss = max(rss, r)
	}
	b.StopTimer()
	per := el.Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/per, "records/s")
	b.ReportMetric(rss, "peak-RSS-MB")
	if lint, err := exec.LookPath("xmllint"); err == nil {
		start := time.Now()
		if out, err := exec.Command(lint, "--stream", "--noout", "--huge", wrapped).CombinedOutput(); err != nil {
			b.Logf("xmllint: %v: %.300s", err, out)
		}
		xs := time.Since(start).Seconds()
		b.ReportMetric(xs, "xmllint-s")
		b.ReportMetric(per/xs, "x-xmllint")
		b.Logf("%d documents, %.0f MB: patnav %.2fs (%.0f MB/s, RSS %.0f MB), xmllint --stream %.2fs, ratio %.2f",
			n, float64(fi.Size())/1e6, per, float64(fi.Size())/1e6/per, rss, xs, per/xs)
	} else {
		b.Logf("xmllint not installed (apt-get install libxml2-utils): no yardstick")
	}
}
