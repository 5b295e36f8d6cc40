package pipeline

import (
	"context"
	"path/filepath"
	"runtime/debug"
	"testing"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// TestHeapLimit: twice the lake's size, at least 1.5 GB (hand-computed: 100 MB → 1.5 GB;
// 3.2 GB → 6.4 GB); Open sets it unless GOMEMLIMIT is set and Close restores the limit before.
func TestHeapLimit(t *testing.T) {
	for in, want := range map[int64]int64{0: 1500 << 20, 100e6: 1500 << 20, 3.2e9: 6.4e9} {
		if got := heapLimit(in); got != want {
			t.Errorf("heapLimit(%d) = %d, want %d", in, got, want)
		}
	}
	t.Setenv("GOMEMLIMIT", "")
	before := debug.SetMemoryLimit(-1)
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{"../landscape/testdata/hand/lens.csv"}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("../landscape/testdata/hand/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	j, err := Open(ctx, cfg, JobOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := debug.SetMemoryLimit(-1); got != heapLimit(j.Session.DB.LakeBytes()) {
		t.Errorf("while the job runs the limit is %d, want %d", got, heapLimit(j.Session.DB.LakeBytes()))
	}
	j.Close()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("after Close the limit is %d, want %d as before", got, before)
	}
}
