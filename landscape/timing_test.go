package landscape

import (
	"context"
	"os"
	"sort"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
)

// BenchmarkMacroQueries prints every query's time of the macro on the lake named by
// PATNAV_TIMING_LAKE (a profiling aid for an existing lake; skipped otherwise; one iteration is enough: -benchtime 1x).
func BenchmarkMacroQueries(b *testing.B) {
	lk := os.Getenv("PATNAV_TIMING_LAKE")
	if lk == "" {
		b.Skip("set PATNAV_TIMING_LAKE to a lake")
	}
	cfg, err := config.Load("../data/navigation.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cfg.Lake = lk
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	m, err := BuildMacro(context.Background(), s)
	if err != nil {
		b.Fatal(err)
	}
	ts := append([]analysis.Timing(nil), s.Timings...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Seconds > ts[j].Seconds })
	for _, x := range ts[:min(14, len(ts))] {
		b.Logf("%-24s %7.2fs", x.Step, x.Seconds)
	}
	for _, x := range m.Timings {
		b.Logf("section %-14s %7.2fs", x.Analysis, x.Seconds)
	}
}
