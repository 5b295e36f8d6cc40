package bulletin

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/langtest"
)

// realBulletin ingests a real export into a temporary lake and builds the bulletin of a config of
// landscape/warning/testdata (the lake path replaced).
func realBulletin(t *testing.T, cfgName string, inputs ...string) *warning.Bulletin {
	t.Helper()
	cfg, err := config.Load(filepath.Join("..", "..", "landscape", "warning", "testdata", cfgName))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(context.Background(), inputs, ingest.Options{Lake: cfg.Lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := warning.Build(context.Background(), s, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// publishReal publishes a real bulletin into $PATNAV_BULLETIN_OUT/<name> when set (to look at),
// else into a temporary folder, and checks the files: no missing phrase, and no prose of the
// other language on a page (langtest, empty allow-list).
func publishReal(t *testing.T, name string, b *warning.Bulletin) {
	t.Helper()
	dir := t.TempDir()
	if o := os.Getenv("PATNAV_BULLETIN_OUT"); o != "" {
		dir = filepath.Join(o, name)
	}
	files, err := Publish(dir, b, []string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	names := langtest.Names(b)
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		for _, lang := range []string{"zh", "en"} {
			if strings.Contains(f, "_"+lang+".") {
				langtest.Check(t, name+" "+f, lang, string(data), names, nil)
			}
		}
		if strings.Contains(string(data), "⟦") {
			t.Errorf("%s: missing phrase %s", f, string(data)[strings.Index(string(data), "⟦"):][:40])
		}
	}
}

func TestRealDronesBulletin(t *testing.T) {
	dir := realdata.Require(t, "lens")
	b := realBulletin(t, "drones.yaml", filepath.Join(dir, "lens_drones_2017_raw.csv"))
	publishReal(t, "drones", b)
}

func TestRealTaianBulletin(t *testing.T) {
	dir := realdata.Require(t, "cnipa")
	b := realBulletin(t, "taian.yaml", filepath.Join(dir, "专利信息.xlsx"))
	publishReal(t, "taian", b)
}
