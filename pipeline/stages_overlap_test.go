package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/patnav/patnav/ingest"
)

// TestOverlapGivesTheSameMacro: the landscape built with the map's clustering running beside the
// macro queries (a lake below overlapLakeBytes) is byte for byte the one built one after the
// other, map included; and the same again with JobOptions.MacroOnly, whose session is closed
// once the last query has run, and whose other stages refuse to run.
func TestOverlapGivesTheSameMacro(t *testing.T) {
	dir := t.TempDir()
	cfgPath := setup(t, dir, 1500, 11)
	csv := filepath.Join(dir, "inbox", "uav-11.csv") // setup's generated export
	ctx := context.Background()
	cfg := load(t, cfgPath)
	if _, err := ingest.Run(ctx, []string{csv}, ingest.Options{Lake: cfg.Lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	build := func(limit int64, macroOnly bool) []byte {
		t.Helper()
		defer func(old int64) { overlapLakeBytes = old }(overlapLakeBytes)
		overlapLakeBytes = limit
		j, err := Open(ctx, cfg, JobOptions{Now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), MacroOnly: macroOnly})
		if err != nil {
			t.Fatal(err)
		}
		defer j.Close()
		if limit > 0 && j.Session.DB.LakeBytes() > limit {
			t.Fatalf("the lake (%d bytes) is above the overlap limit %d", j.Session.DB.LakeBytes(), limit)
		}
		s := j.Session
		m, err := j.Macro(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if m.Map == nil || len(m.Map.Clusters) == 0 {
			t.Fatalf("no map (unavailable: %+v)", m.Unavailable)
		}
		if macroOnly {
			// The session is closing already (Macro released it), and closed once Close returns;
			// no stage after the macro landscape runs.
			if j.closing == nil {
				t.Error("MacroOnly: Macro did not start closing the session")
			}
			if _, err := j.Enterprises(ctx, ""); !errors.Is(err, ErrMacroOnly) {
				t.Errorf("MacroOnly: Enterprises gave %v, want ErrMacroOnly", err)
			}
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			if _, err := s.DB.SQL().ExecContext(ctx, "SELECT 1"); err == nil {
				t.Error("MacroOnly: the session's database still answers after Close")
			}
		} else if j.closing != nil {
			t.Error("the session was released without MacroOnly")
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	at := build(1<<30, false)
	after := build(-1, false)
	if !bytes.Equal(at, after) {
		t.Errorf("the macro built at once (%d bytes of JSON) differs from the one built one after the other (%d bytes)", len(at), len(after))
	}
	// With MacroOnly (patnav landscape) the session closes while the clustering computes: the
	// same macro either way.
	for _, limit := range []int64{1 << 30, -1} {
		if got := build(limit, true); !bytes.Equal(got, at) {
			t.Errorf("overlap limit %d, MacroOnly: the macro (%d bytes of JSON) differs from the job's without it (%d bytes)", limit, len(got), len(at))
		}
	}
}
