package enterprise

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
	model "github.com/patnav/patnav/landscape/enterprise"
)

// TestRealDronesPublish builds the five navigations of landscape/enterprise/testdata/drones.yaml
// from the real Lens drones export and publishes them in zh and en (skipped without the data).
// PATNAV_ENTERPRISE_OUT=dir keeps the reports there for viewing.
func TestRealDronesPublish(t *testing.T) {
	dir := realdata.Require(t, "lens")
	lake := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(context.Background(), []string{filepath.Join(dir, "lens_drones_2017_raw.csv")}, ingest.Options{Lake: lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("../../landscape/enterprise/testdata/drones.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lake
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	es, err := model.Build(context.Background(), s, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	out := os.Getenv("PATNAV_ENTERPRISE_OUT")
	if out == "" {
		out = t.TempDir()
	}
	files, err := Publish(out, es, []string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1+5*5 {
		t.Errorf("%d files, want 26", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("⟦")) {
			t.Errorf("%s: a phrase is missing", f)
		}
	}
}
