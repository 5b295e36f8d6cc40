package landscape_test

import (
	"context"
	"math"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/enterprise"
)

// TestEnterpriseHandRich pins enterprise figures on the rich hand-built lake of rich_test.go
// (richApplicants: 46 families, one applicant and one branch each; branch a 26, branch b 20),
// each computed by hand. Two enterprises are configured:
//
//   - bravo (BRAVO): a 3, b 6 → 9 families, fractional = whole = 9 (one applicant per family);
//     share 9/46 = 0.19565; rank 2 (only ALPHA, 12, has more);
//     RTA_a = (3/9)/(26/46) = 0.58974, RTA_b = (6/9)/(20/46) = 1.53333.
//   - dl (DELTA + INDIA, two names merged): DELTA a 1 b 4, INDIA a 1 → 6 families, whole 6;
//     share 6/46 = 0.13043; rank 4 (ALPHA 12, BRAVO 9, CHARLIE 7 have more; ECHO 4 fewer);
//     RTA_a = (2/6)/(26/46) = 0.58974, RTA_b = (4/6)/(20/46) = 1.53333.
//
// The lake has no legal status: granted 0. Tolerances: shares 1e-4 (4 decimals), RTA 5.1e-4
// (rounded to 3 decimals). The RTA's denominator is the whole industry (the
// enterprise row plus the rest, indicators.RTA), as documented in landscape/enterprise.
func TestEnterpriseHandRich(t *testing.T) {
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{landscape.RichLake(t)}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/hand/rich.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	cfg.Enterprises = []config.Enterprise{
		{ID: "bravo", Name: config.Text{En: "Bravo"}, Names: []string{"BRAVO"}},
		{ID: "dl", Name: config.Text{En: "Delta group"}, Names: []string{"DELTA", "INDIA"}},
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	es, err := enterprise.Build(ctx, s, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		fam           float64
		whole, rank   int
		share, ra, rb float64
	}{
		"bravo": {9, 9, 2, 9.0 / 46, (3.0 / 9) / (26.0 / 46), (6.0 / 9) / (20.0 / 46)},
		"dl":    {6, 6, 4, 6.0 / 46, (2.0 / 6) / (26.0 / 46), (4.0 / 6) / (20.0 / 46)},
	}
	if len(es) != 2 {
		t.Fatalf("%d enterprises, want 2", len(es))
	}
	for _, e := range es {
		w, ok := want[e.ID]
		if !ok {
			t.Fatalf("unexpected enterprise %q", e.ID)
		}
		p := e.Portfolio
		if p.Families != w.fam || p.Whole != w.whole || p.Rank != w.rank || math.Abs(p.Share-w.share) > 1e-4 || p.Granted != 0 {
			t.Errorf("%s: families %v whole %d rank %d share %v granted %d; want %v %d %d %.5f 0", e.ID, p.Families, p.Whole, p.Rank, p.Share, p.Granted, w.fam, w.whole, w.rank, w.share)
		}
		rta := map[string]float64{"a": w.ra, "b": w.rb}
		seen := 0
		for _, br := range e.Branches {
			x, ok := rta[br.ID]
			if !ok {
				continue
			}
			seen++
			if br.RTA == nil || math.Abs(*br.RTA-x) > 5.1e-4 {
				t.Errorf("%s: RTA %s = %v, want %.5f", e.ID, br.ID, br.RTA, x)
			}
		}
		if seen != 2 {
			t.Errorf("%s: branches %+v, want a and b", e.ID, e.Branches)
		}
	}
}
