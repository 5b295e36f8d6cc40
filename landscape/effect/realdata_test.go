package effect

import (
	"context"
	"math"
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
	// The flows: the export records no transfer, licence or pledge (no event, no count), so
	// every direction says so with the families in scope; the per-10,000 measures have no
	// population in a config of only a region and a scope.
	for _, id := range []string{"transfers-in", "transfers-out", "licences-in", "licences-out", "pledges-in", "pledges-out"} {
		if r := ind(t, tr, id).Reason; r == nil || r.Code != NoOperationScope || r.N != tr.Region.Industry {
			t.Errorf("%s: reason %+v, want %s over %d families", id, r, NoOperationScope, tr.Region.Industry)
		}
	}
	for _, id := range []string{"families_per_10k", "grants_per_10k", "invention_stock_per_10k", "high_value_per_10k"} {
		if r := ind(t, tr, id).Reason; r == nil || r.Code != NoPopulation {
			t.Errorf("%s: reason %+v, want %s", id, r, NoPopulation)
		}
	}
	t.Logf("Tai'an: %d region families of %d; families by year %v", tr.Region.Families, tr.Region.Industry, fam.Series)
}

// TestRealTaianPopulation: the same export with the region's population of the 2010 census
// (泰安市第六次全国人口普查: 5,494,207 residents) as the only population value: families per
// 10,000 inhabitants computes for 2010 (the year's families / 5,494,207 × 10,000, the families
// read from the families indicator of the same run) and says "not available" for every other
// year; the stock measures need a legal status the export lacks.
func TestRealTaianPopulation(t *testing.T) {
	f := realdata.File(t, "cnipa", "专利信息.xlsx")
	cfg, err := config.Load(filepath.Join("testdata", "taian.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Region.Population = map[int]float64{2010: 5494207}
	cfg.Lake = filepath.Join(t.TempDir(), "lake")
	ctx := context.Background()
	if _, err := ingest.Run(ctx, []string{f}, ingest.Options{Lake: cfg.Lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr, err := Build(ctx, s, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	fam, per := ind(t, tr, "families"), ind(t, tr, "families_per_10k")
	if per.Reason != nil || len(per.Series) != len(fam.Series) {
		t.Fatalf("families_per_10k %+v", per)
	}
	for i, p := range per.Series {
		if p.Year != 2010 {
			if p.Value != nil || p.Reason == nil || p.Reason.Code != NoPopulationYear || p.Reason.Year != p.Year {
				t.Errorf("%d: %+v, want no population", p.Year, p)
			}
			continue
		}
		n := *fam.Series[i].Value
		if p.Value == nil || n == 0 || math.Abs(*p.Value-n/5494207*10000) > 1e-12 || p.Den != 5494207 {
			t.Errorf("2010: %+v, want %v / 5494207 × 10000", p, n)
		}
		t.Logf("Tai'an 2010: %v families, %.4f per 10,000 inhabitants", n, *p.Value)
	}
	if r := ind(t, tr, "invention_stock_per_10k").Reason; r == nil || r.Code != NoLegalStatus {
		t.Errorf("stock: %+v", r)
	}
}
