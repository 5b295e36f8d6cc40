package enterprise

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/landscape"
)

// BenchmarkBuild measures the one-pass property: it builds a synthetic drone lake once
// (PATNAV_BENCH_FAMILIES families, default 1,000,000: synth.WriteLens to a file, then ingest.Run
// with the demo thesaurus), opens a session with the demo config's scope and tree, builds the
// macro once, and then times Build for N = 1 and N = 50 enterprises (the top 50 applicants by
// fractional families, each with its automatic competitors). The N = 50 build must take less than
// twice the N = 1 build; the ratio is reported as a metric and checked.
//
//	go test -run '^$' -bench BenchmarkBuild -benchtime 3x -timeout 3h -v ./landscape/enterprise/
//	PATNAV_BENCH_FAMILIES=100000 go test -run '^$' -bench BenchmarkBuild -benchtime 3x -v ./landscape/enterprise/
//
// Each N is built b.N times and the fastest build counts (the machine may be shared).
//
// Benchmarks run only with -bench, so plain go test never builds the big lake.
func BenchmarkBuild(b *testing.B) {
	n := 1000000
	if v, err := strconv.Atoi(os.Getenv("PATNAV_BENCH_FAMILIES")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	dir := b.TempDir()
	start := time.Now()
	in := filepath.Join(dir, "inbox", "lens.csv")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(in)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	st, err := synth.WriteLens(w, synth.Options{Families: n, Seed: 7}, synth.LensCurrent)
	if err == nil {
		err = w.Flush()
	}
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("synth: %d families → %+v in %s", n, st, time.Since(start).Round(time.Millisecond))
	start = time.Now()
	lake := filepath.Join(dir, "lake")
	thesaurus, _ := filepath.Abs("../../data/applicant-aliases.csv")
	if _, err := ingest.Run(ctx, []string{in}, ingest.Options{Lake: lake, Thesaurus: thesaurus, MaxBad: -1}); err != nil {
		b.Fatal(err)
	}
	os.Remove(in)
	b.Logf("ingest: %s", time.Since(start).Round(time.Millisecond))
	cfg, err := config.Load("../../data/navigation.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cfg.Lake, cfg.Thesaurus = lake, thesaurus
	start = time.Now()
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	b.Logf("session: %s", time.Since(start).Round(time.Millisecond))
	start = time.Now()
	m, err := landscape.BuildMacro(ctx, s)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("macro: %d families in scope, %s", m.Scope.Families, time.Since(start).Round(time.Millisecond))
	var top []config.Enterprise
	err = duck.Scan(ctx, s.DB, `SELECT a.name, sum(a.w) AS n FROM fam_app a JOIN fam f USING (family_id)
		WHERE f.py BETWEEN ? AND ? GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 50`, func(r analysis.NameNRow) error {
		top = append(top, config.Enterprise{ID: "e" + strconv.Itoa(len(top)+1), Name: config.Text{Zh: r.Name, En: r.Name}, Names: []string{r.Name}, Role: "local"})
		return nil
	}, s.From, s.To)
	if err != nil {
		b.Fatal(err)
	}
	if len(top) < 50 {
		b.Fatalf("only %d applicants in scope", len(top))
	}
	// A first, untimed build warms DuckDB's caches (Parquet metadata, the session's temp tables).
	cfg.Enterprises = top[:1]
	start = time.Now()
	if _, err := Build(ctx, s, m, ""); err != nil {
		b.Fatal(err)
	}
	b.Logf("warm-up build (N=1, cold): %s", time.Since(start).Round(time.Millisecond))
	times := map[int]time.Duration{}
	for _, k := range []int{1, 50} {
		b.Run("N="+strconv.Itoa(k), func(b *testing.B) {
			cfg.Enterprises = top[:k]
			var best time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				es, err := Build(ctx, s, m, "")
				if err != nil {
					b.Fatal(err)
				}
				el := time.Since(t0)
				if best == 0 || el < best {
					best = el
				}
				if len(es) != k {
					b.Fatalf("%d enterprises built, want %d", len(es), k)
				}
				if i == 0 {
					b.Logf("N=%d: %s; steps %v", k, el.Round(time.Millisecond), es[0].Timings)
				}
			}
			times[k] = best
			b.ReportMetric(best.Seconds(), "s/build")
		})
	}
	if times[1] > 0 && times[50] > 0 {
		ratio := times[50].Seconds() / times[1].Seconds()
		b.Logf("%d families: N=1 %s, N=50 %s, ratio %.2f", n, times[1].Round(time.Millisecond), times[50].Round(time.Millisecond), ratio)
		if ratio >= 2 {
			b.Errorf("N=50 took %.2f× the time of N=1 (want < 2×)", ratio)
		}
	}
}
