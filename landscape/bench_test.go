package landscape

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// BenchmarkMacro builds the full macro landscape of the demo config on a generated lake of
// PATNAV_BENCH_FAMILIES families (default 1,000,000; the lake is built once, outside the timer)
// and reports the time of each analysis and the process's peak RSS (an upper bound: it includes
// building the lake).
func BenchmarkMacro(b *testing.B) {
	fams := 1000000
	if v, err := strconv.Atoi(os.Getenv("PATNAV_BENCH_FAMILIES")); err == nil && v > 0 {
		fams = v
	}
	dir := b.TempDir()
	csv := filepath.Join(dir, "lens.csv")
	f, err := os.Create(csv)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	st, err := synth.WriteLens(w, synth.Options{Families: fams, Seed: 3}, synth.LensCurrent)
	if err == nil {
		err = w.Flush()
	}
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	lk := filepath.Join(dir, "lake")
	start := time.Now()
	if _, err := ingest.Run(ctx, []string{csv}, ingest.Options{Lake: lk, MaxBad: -1, Thesaurus: "../data/applicant-aliases.csv"}); err != nil {
		b.Fatal(err)
	}
	b.Logf("lake: %d families, %d publications, ingested in %.1fs", st.Families, st.Records, time.Since(start).Seconds())
	os.Remove(csv)
	cfg, err := config.Load("../data/navigation.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cfg.Lake = lk
	b.ResetTimer()
	var m *Macro
	var prep float64
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		s, err := analysis.Open(ctx, cfg)
		if err != nil {
			b.Fatal(err)
		}
		prep = time.Since(t0).Seconds()
		if m, err = BuildMacro(ctx, s); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
	b.StopTimer()
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	b.ReportMetric(float64(m.Scope.Families), "families")
	line := fmt.Sprintf("scope+families %.1fs", prep)
	for _, t := range m.Timings {
		line += fmt.Sprintf(", %s %.1fs", t.Analysis, t.Seconds)
	}
	b.Log(line)
}
