package analysis

import (
	"context"
	"os"
	"sort"
	"testing"

	"github.com/patnav/patnav/internal/config"
)

// BenchmarkPrepare prints how long each preparation statement takes on the lake named by
// PATNAV_TIMING_LAKE (a profiling aid for an existing lake; skipped otherwise; one iteration is enough: -benchtime 1x).
func BenchmarkPrepare(b *testing.B) {
	lk := os.Getenv("PATNAV_TIMING_LAKE")
	if lk == "" {
		b.Skip("set PATNAV_TIMING_LAKE to a lake")
	}
	cfg, err := config.Load("../data/navigation.yaml")
	if err != nil {
		b.Fatal(err)
	}
	cfg.Lake = lk
	s, err := Open(context.Background(), cfg)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ts := append([]Timing(nil), s.Timings...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Seconds > ts[j].Seconds })
	for _, x := range ts {
		b.Logf("%-20s %7.2fs", x.Step, x.Seconds)
	}
}
