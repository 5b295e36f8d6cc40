package landscape

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// macroOfConfig builds the macro model of cfg over its lake (the session is closed afterwards).
func macroOfConfig(t *testing.T, cfg *config.Config) *Macro {
	t.Helper()
	ctx := context.Background()
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := BuildMacro(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// macroOf ingests inputs into a fresh lake (bad records quarantined, never fatal) and builds
// the macro model of the config file cfgPath over it.
func macroOf(t *testing.T, cfgPath string, inputs ...string) *Macro {
	t.Helper()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(context.Background(), inputs, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	return macroOfConfig(t, cfg)
}
