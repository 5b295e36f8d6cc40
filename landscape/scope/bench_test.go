package scope

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/ingest"
)

// BenchmarkScope runs seed scoping on a generated drone lake of PATNAV_BENCH_FAMILIES families
// (default 106,000 in the generator: about 100,000 emitted after the publication lag, 111,000
// family ids before merging), the lake built once outside the timer. The seeds are 2,000
// families whose text mentions a battery (电池), the representative number of each, taken in
// family-id order — so the expansion (battery codes and words, citations) reaches more than half
// of the lake and the classifier scores all of it: the worst case. It reports the time of each
// step, the CPU time (user + system: the wall time on the shared 2-core machine depends on the
// other engineers' load) and the peak RSS.
func BenchmarkScope(b *testing.B) {
	fams := 106000
	if v, err := strconv.Atoi(os.Getenv("PATNAV_BENCH_FAMILIES")); err == nil && v > 0 {
		fams = v
	}
	dir := b.TempDir()
	lk := filepath.Join(dir, "lake")
	if keep := os.Getenv("PATNAV_BENCH_LAKE"); keep != "" { // reuse a lake built by an earlier run
		lk = keep
	}
	csv := filepath.Join(dir, "lens.csv")
	ctx := context.Background()
	var st synth.Stats
	if _, err := os.Stat(filepath.Join(lk, "manifest.json")); err != nil {
		f, err := os.Create(csv)
		if err != nil {
			b.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		st, err = synth.WriteLens(w, synth.Options{Families: fams, Seed: 1}, synth.LensCurrent)
		if err == nil {
			err = w.Flush()
		}
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ingest.Run(ctx, []string{csv}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
			b.Fatal(err)
		}
		os.Remove(csv)
	}
	s, err := analysis.OpenLake(ctx, lk)
	if err != nil {
		b.Fatal(err)
	}
	docs, err := s.SeedDocs(ctx)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	var seeds []string
	for _, d := range docs {
		if len(seeds) < 2000 && (strings.Contains(strings.ToLower(d.Text), "battery") || strings.Contains(d.Text, "电池")) {
			seeds = append(seeds, d.Rep)
		}
	}
	seedFile := filepath.Join(dir, "seeds.txt")
	os.WriteFile(seedFile, []byte(strings.Join(seeds, "\n")+"\n"), 0o644)
	b.Logf("lake: %d families emitted, %d family ids; %d seeds", st.Families, len(docs), len(seeds))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var before syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &before)
		start := time.Now()
		m, err := Build(ctx, Options{Lake: lk, SeedFile: seedFile})
		if err != nil {
			b.Fatal(err)
		}
		var after syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &after)
		cpu := time.Duration(after.Utime.Nano()-before.Utime.Nano()+after.Stime.Nano()-before.Stime.Nano()) * time.Nanosecond
		b.Logf("wall %.1fs, CPU %.1fs, peak RSS %d MB; steps %v; expanded %d → %d", time.Since(start).Seconds(), cpu.Seconds(), after.Maxrss/1024, m.Timings, m.Result.Expansion.Before, m.Result.Expansion.After)
		b.ReportMetric(cpu.Seconds(), "cpu-s/op")
		b.ReportMetric(float64(len(docs))/time.Since(start).Seconds(), "families/s")
	}
}
