package analysis

import (
	"context"
	"os"
	"sort"
	"testing"

	"github.com/patnav/patnav/internal/config"
)

// TestPrepareTimings prints how long each preparation statement takes on the lake named by
// PATNAV_TIMING_LAKE (a profiling aid; skipped otherwise).
func TestPrepareTimings(t *testing.T) {
	lk := os.Getenv("PATNAV_TIMING_LAKE")
	if lk == "" {
		t.Skip("set PATNAV_TIMING_LAKE to a lake")
	}
	cfg, err := config.Load("../data/navigation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ts := append([]Timing(nil), s.Timings...)
	sort.SliceStable(ts, func(i, j int) bool { return ts[i].Seconds > ts[j].Seconds })
	for _, x := range ts {
		t.Logf("%-20s %7.2fs", x.Step, x.Seconds)
	}
}
