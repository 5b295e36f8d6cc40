package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/patnav/patnav/ingest"
)

// TestOverlapGivesTheSameMacro: the landscape built with the map's clustering running beside the
// macro queries (a lake below overlapLakeBytes) is byte for byte the one built one after the
// other, map included.
func TestOverlapGivesTheSameMacro(t *testing.T) {
	dir := t.TempDir()
	cfgPath := setup(t, dir, 1500, 11)
	csv := filepath.Join(dir, "inbox", "uav-11.csv") // setup's generated export
	ctx := context.Background()
	cfg := load(t, cfgPath)
	if _, err := ingest.Run(ctx, []string{csv}, ingest.Options{Lake: cfg.Lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	build := func(limit int64) []byte {
		t.Helper()
		defer func(old int64) { overlapLakeBytes = old }(overlapLakeBytes)
		overlapLakeBytes = limit
		j, err := Open(ctx, cfg, JobOptions{Now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Close()
		if limit > 0 && j.Session.DB.LakeBytes() > limit {
			t.Fatalf("the lake (%d bytes) is above the overlap limit %d", j.Session.DB.LakeBytes(), limit)
		}
		m, err := j.Macro(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if m.Map == nil || len(m.Map.Clusters) == 0 {
			t.Fatalf("no map (unavailable: %+v)", m.Unavailable)
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	at := build(1 << 30)
	after := build(-1)
	if !bytes.Equal(at, after) {
		t.Errorf("the macro built at once (%d bytes of JSON) differs from the one built one after the other (%d bytes)", len(at), len(after))
	}
}
