package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/patnav/patnav/internal/duck"
)

// The scale ladder (make bench): every contender runs in a child process (this test binary
// re-executed, or the notebook's Python) so that its wall time and peak RSS are its own, and the
// contenders of a step alternate so that a slow spell of the shared machine hits them all; the
// medians are compared.
//
//	BenchmarkScale/notebook          the 300k-family Lens file of issue 18 (synth --families 300000
//	                                 --seed 3): patnav ingest + landscape (with clustering and the
//	                                 map) against ../shared/bench/notebook.py run with /usr/bin/python3
//	                                 (skipped when the notebook, pandas or scikit-learn is missing)
//	BenchmarkScale/families=N        N = 100,000 and 1,000,000 generated families (and 10,000,000 with
//	                                 PATNAV_BENCH_10M=1: about 20 GB of disk): ingest against DuckDB's
//	                                 read_csv + COPY to Parquet, and the landscape with clustering
//
// PATNAV_BENCH_SCALE="100000,1000000" replaces the ladder; PATNAV_BENCH_TMP places the files (the
// default temporary folder otherwise). Run with -benchtime 2x or more: each iteration is one
// alternation of every contender of the step, and every call of a step counts (2x: three runs).
// A step also logs its medians against the step a tenth its size, and against that step's ingest
// and landscape run again after each of its own runs (in the same minutes).

const scaleChild = "PATNAV_SCALE_CHILD"

func TestMain(m *testing.M) {
	if task := os.Getenv(scaleChild); task != "" {
		os.Exit(scaleChildMain(task, strings.Split(os.Getenv("PATNAV_SCALE_ARGS"), "\x1f")))
	}
	os.Exit(m.Run())
}

// scaleChildMain is a child process of the scale ladder: a patnav command, or DuckDB's own CSV to
// Parquet copy (args: the CSV, the Parquet file).
func scaleChildMain(task string, args []string) int {
	switch task {
	case "patnav":
		return run(args, io.Discard, os.Stderr)
	case "duckdb":
		db, err := duck.OpenMemory()
		if err == nil {
			_, err = db.SQL().ExecContext(context.Background(), fmt.Sprintf("COPY (SELECT * FROM read_csv('%s', header = true)) TO '%s' (FORMAT parquet, COMPRESSION zstd)",
				strings.ReplaceAll(args[0], "'", "''"), strings.ReplaceAll(args[1], "'", "''")))
			db.Close()
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		return 0
	}
	fmt.Fprintf(os.Stderr, "unknown scale task %q\n", task)
	return 1
}

// sample is one measured child process.
type sample struct {
	sec, rssMB float64
	out        []byte // its standard output
}

// measureCmd runs cmd and returns its wall time, peak RSS and output.
func measureCmd(b *testing.B, cmd *exec.Cmd) sample {
	b.Helper()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s: %v: %s", strings.Join(cmd.Args, " "), err, stderr.String())
	}
	el := time.Since(start).Seconds()
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return sample{sec: el, rssMB: float64(ru.Maxrss) / 1024, out: stdout.Bytes()} // Maxrss is in KiB on Linux
}

// child runs a scale task in a child process.
func child(b *testing.B, task string, args ...string) sample {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), scaleChild+"="+task, "PATNAV_SCALE_ARGS="+strings.Join(args, "\x1f"))
	return measureCmd(b, cmd)
}

// series collects the samples of one contender.
type series []sample

func (s series) med() float64 {
	t := make([]float64, len(s))
	for i, x := range s {
		t[i] = x.sec
	}
	return median(t)
}

// median is the middle of t (the mean of the two middle values of an even count); t is sorted.
func median(t []float64) float64 {
	if len(t) == 0 {
		return 0
	}
	sort.Float64s(t)
	if len(t)%2 == 1 {
		return t[len(t)/2]
	}
	return (t[len(t)/2-1] + t[len(t)/2]) / 2
}

func (s series) rss() float64 {
	m := 0.0
	for _, x := range s {
		m = max(m, x.rssMB)
	}
	return m
}

func (s series) secs() string {
	var p []string
	for _, x := range s {
		p = append(p, fmt.Sprintf("%.1f", x.sec))
	}
	return strings.Join(p, " ")
}

// genLens writes the generated Lens file of a step (patnav synth, outside the timer).
func genLens(b *testing.B, dir string, families, seed int) string {
	b.Helper()
	in := filepath.Join(dir, fmt.Sprintf("lens_%d.csv", families))
	child(b, "patnav", "synth", "--form", "lens", "--families", fmt.Sprint(families), "--seed", fmt.Sprint(seed), "--out", in)
	return in
}

// scaleDir makes a step's folder. It is removed when the step is over (after b.Run returns), or,
// when a step ten times the size follows, when that one is over (it runs this step's ingest and
// landscape alongside its own): Go calls a benchmark several times (b.N = 1, then b.N =
// -benchtime), and the step's generated file is kept for all of them.
func scaleDir(b *testing.B) string {
	dir, err := os.MkdirTemp(os.Getenv("PATNAV_BENCH_TMP"), "scale-")
	if err != nil {
		b.Fatal(err)
	}
	return dir
}

func BenchmarkScale(b *testing.B) {
	cfg, err := filepath.Abs("../../data/navigation.yaml")
	if err != nil {
		b.Fatal(err)
	}
	// ingestLandscape runs patnav ingest into a fresh lake and the landscape over it.
	ingestLandscape := func(b *testing.B, dir, in string, i int) (ing, land sample) {
		lk, out := filepath.Join(dir, fmt.Sprint("lake", i)), filepath.Join(dir, fmt.Sprint("out", i))
		ing = child(b, "patnav", "ingest", "--lake", lk, "--thesaurus", filepath.Join(filepath.Dir(cfg), "applicant-aliases.csv"), in)
		land = child(b, "patnav", "landscape", "-c", cfg, "--lake", lk, "--out", out)
		os.RemoveAll(lk)
		os.RemoveAll(out)
		return ing, land
	}

	// Every call of a step adds its runs to the step's series, so that with -benchtime 2x a step
	// is measured three times (the framework's first call, b.N = 1, counts too) and the medians
	// are of odd counts; the logs of a step's last call give them all.
	var dir, in string
	var ing, land, note series
	var total []float64
	b.Run("notebook", func(b *testing.B) {
		nb, _ := filepath.Abs("../../../shared/bench/notebook.py")
		if _, err := os.Stat(nb); err != nil {
			b.Skip("no notebook at ../shared/bench/notebook.py")
		}
		if err := exec.Command("/usr/bin/python3", "-c", "import pandas, sklearn").Run(); err != nil {
			b.Skip("/usr/bin/python3 with pandas and scikit-learn is missing (apt-get install python3-pandas python3-sklearn)")
		}
		if in == "" {
			dir = scaleDir(b)
			in = genLens(b, dir, 300000, 3)
		}
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			a, l := ingestLandscape(b, dir, in, i)
			ing, land = append(ing, a), append(land, l)
			total = append(total, a.sec+l.sec)
			note = append(note, measureCmd(b, exec.Command("/usr/bin/python3", nb, in)))
		}
		b.StopTimer()
		var nres struct {
			Text struct {
				NMI float64 `json:"nmi_vs_cpc_subclass"`
			} `json:"text"`
		}
		json.Unmarshal(note[len(note)-1].out, &nres)
		pt := median(total)
		prss := max(ing.rss(), land.rss())
		b.ReportMetric(pt, "patnav-s")
		b.ReportMetric(note.med(), "notebook-s")
		b.ReportMetric(pt/note.med(), "x-notebook-time")
		b.ReportMetric(prss/note.rss(), "x-notebook-RSS")
		b.Logf("300k-family Lens file, %d alternating runs: patnav ingest %s s (median %.1f, RSS %.0f MB) + landscape %s s (median %.1f, RSS %.0f MB) = median %.1f s; notebook %s s (median %.1f, RSS %.0f MB, NMI vs CPC subclass %.3f); time ratio %.2f (target ≤ 0.5), RSS ratio %.2f (target ≤ 1)",
			len(total), ing.secs(), ing.med(), ing.rss(), land.secs(), land.med(), land.rss(), pt, note.secs(), note.med(), note.rss(), nres.Text.NMI, pt/note.med(), prss/note.rss())
	})
	if dir != "" {
		os.RemoveAll(dir)
	}

	sizes := ladder("PATNAV_BENCH_SCALE", "100000,1000000")
	if os.Getenv("PATNAV_BENCH_10M") == "1" {
		sizes = append(sizes, 10000000)
	}
	// A step keeps its folder until the next step is over: the next step runs this one's
	// ingest and landscape again between its own runs (along), so that the ratio of the two
	// landscapes is also taken from runs of the same minutes. The steps' own medians are
	// minutes apart (the 10M step takes half an hour), and a fast or slow spell of the shared
	// machine moves the shorter step more: the twenty-ninth to thirty-first sessions' benches
	// gave 10.9×, 12.0× and 13.4× for the 10M landscape against the 1M one while the 10M
	// landscape got faster each time (docs/scale.md).
	type step struct {
		ing, land series
		dir, in   string
	}
	steps := map[int]step{}
	for _, n := range sizes {
		var dir, in string
		var ing, land, dk, along series
		prev, hasPrev := steps[n/10]
		hasPrev = hasPrev && n%10 == 0
		b.Run(fmt.Sprintf("families=%d", n), func(b *testing.B) {
			if in == "" {
				dir = scaleDir(b)
				in = genLens(b, dir, n, 3)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				a, l := ingestLandscape(b, dir, in, i)
				ing, land = append(ing, a), append(land, l)
				pq := filepath.Join(dir, "duck.parquet")
				dk = append(dk, child(b, "duckdb", in, pq))
				os.Remove(pq)
				if hasPrev {
					_, l := ingestLandscape(b, prev.dir, prev.in, i)
					along = append(along, l)
				}
			}
			b.StopTimer()
			b.ReportMetric(ing.med(), "ingest-s")
			b.ReportMetric(ing.rss(), "ingest-RSS-MB")
			b.ReportMetric(ing.med()/dk.med(), "x-duckdb")
			b.ReportMetric(land.med(), "landscape-s")
			b.ReportMetric(land.rss(), "landscape-RSS-MB")
			if len(along) > 0 {
				b.ReportMetric(land.med()/along.med(), "x-tenth-alongside")
			}
			target := ""
			if n == 1000000 {
				target = " (target ≤ 60 s, ≤ 3 GB)"
			}
			b.Logf("%d families, %d alternating runs: ingest %s s (median %.1f, RSS %.0f MB) vs DuckDB read_csv+COPY %s s (median %.1f, RSS %.0f MB): ratio %.2f (target ≤ 1.5); landscape with clustering %s s (median %.1f, RSS %.0f MB)%s",
				n, len(ing), ing.secs(), ing.med(), ing.rss(), dk.secs(), dk.med(), dk.rss(), ing.med()/dk.med(), land.secs(), land.med(), land.rss(), target)
			// The step against the one a tenth its size, medians of the same command: how time
			// and memory grow with the lake (issue 18: 10M within 12× the 1M time, in ≤ 12 GB);
			// then against that step's landscape run between this step's runs.
			if hasPrev {
				target = ""
				if n == 10000000 {
					target = " (target ≤ 12× and ≤ 12 GB)"
				}
				b.Logf("%d against %d families, medians of this command: landscape %.1f s / %.1f s = %.1f×, peak RSS %.0f MB%s; ingest %.1f s / %.1f s = %.1f×, peak RSS %.0f MB",
					n, n/10, land.med(), prev.land.med(), land.med()/prev.land.med(), land.rss(), target, ing.med(), prev.ing.med(), ing.med()/prev.ing.med(), ing.rss())
				b.Logf("%d against %d families run alongside (the smaller step's ingest and landscape again after each of this step's runs): landscape %.1f s / %s s (median %.1f) = %.1f×",
					n, n/10, land.med(), along.secs(), along.med(), land.med()/along.med())
			}
		})
		if hasPrev {
			os.RemoveAll(prev.dir)
		}
		if len(land) > 0 {
			steps[n] = step{ing, land, dir, in}
		}
		if dir != "" && (len(land) == 0 || !slices.Contains(sizes, n*10)) {
			os.RemoveAll(dir) // no step runs it alongside
		}
	}
}

// ladder reads a comma-separated list of sizes from env, else def.
func ladder(env, def string) []int {
	s := os.Getenv(env)
	if s == "" {
		s = def
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		var n int
		if _, err := fmt.Sscan(strings.TrimSpace(f), &n); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}
