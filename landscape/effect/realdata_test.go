package effect

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
)

// realSession ingests a real export into a temporary lake and opens the session of a testdata
// config over it.
func realSession(t *testing.T, cfgName string, inputs ...string) *analysis.Session {
	t.Helper()
	cfg, err := config.Load(filepath.Join("testdata", cfgName))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = filepath.Join(t.TempDir(), "lake")
	ctx := context.Background()
	if _, err := ingest.Run(ctx, inputs, ingest.Options{Lake: cfg.Lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestRealTaian: the Tai'an workbook with only a region and a scope. The export has no
// addresses, so the region (a city) is matched at country level, which is what the export holds
// (Tai'an applicants only); the filing series compute from 2000 to the last filing year (2015),
// and what the export lacks (grants, legal status, operation facts, filings abroad) is a typed
// reason, not zeros.
func TestRealTaian(t *testing.T) {
	f := realdata.File(t, "cnipa", "专利信息.xlsx")
	s := realSession(t, "taian.yaml", f)
	tr, err := Build(context.Background(), s, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if tr.Region.Level != "country" || tr.Region.Wanted != "city" || tr.Region.WithCity != 0 || tr.Region.Families == 0 || tr.Region.Families != tr.Region.Industry {
		t.Fatalf("region %+v", tr.Region)
	}
	if tr.Meta.To != 2015 || tr.Meta.From != 2000 {
		t.Fatalf("years %d–%d", tr.Meta.From, tr.Meta.To)
	}
	fam := ind(t, tr, "families")
	total := 0.0
	for _, p := range fam.Series {
		total += *p.Value
	}
	if fam.Reason != nil || len(fam.Series) != 16 || total == 0 || fam.Series[15].Value == nil || *fam.Series[15].Value == 0 {
		t.Fatalf("families %+v", fam)
	}
	for _, id := range []string{"enterprises_filing", "universities_filing", "invention_share", "industry_share"} {
		if in := ind(t, tr, id); in.Reason != nil || in.Latest == nil {
			t.Errorf("%s: %+v", id, in)
		}
	}
	want := map[string]string{"grants": NoGrantData, "alive_high_value": NoLegalStatus, "transfers": NoOperationData, "pct": NoAbroadData}
	for id, code := range want {
		if r := ind(t, tr, id).Reason; r == nil || r.Code != code || r.N != tr.Region.Families {
			t.Errorf("%s: reason %+v, want %s", id, r, code)
		}
	}
	t.Logf("Tai'an: %d region families of %d; families by year %v", tr.Region.Families, tr.Region.Industry, fam.Series)
}
