package value

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

// TestRealTaian: the Tai'an workbook with only a region and a scope. It has no legal status,
// citations, claims or operation facts: those factors are unused with their reason, the score
// rests on the remaining term and the family breadth, alive is presumed from the term, the gaps
// are the region's enterprises' (no enterprise navigation configured), and the operation list
// holds Tai'an universities' and institutes' presumed-alive, high-value families in those gaps.
func TestRealTaian(t *testing.T) {
	f := realdata.File(t, "cnipa", "专利信息.xlsx")
	cfg, err := config.Load(filepath.Join("testdata", "taian.yaml"))
	if err != nil {
		t.Fatal(err)
	}
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
	a, err := Build(ctx, s, Options{Now: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{}
	for _, f := range a.Factors {
		used[f.ID] = f.Used
	}
	if !used["remaining_term"] || !used["family_breadth"] || used["legal_status"] || used["forward_citations"] || used["operation"] {
		t.Fatalf("factors %+v", a.Factors)
	}
	op := a.Operation
	if a.Meta.RegionLevel != "country" || op.GapSource != "region" || len(op.Gaps) == 0 || op.Academic == 0 || op.Alive == 0 {
		t.Fatalf("operation: level %s, %+v", a.Meta.RegionLevel, op)
	}
	if len(op.Candidates) == 0 {
		t.Fatalf("no candidates: %+v", op.Reason)
	}
	for _, c := range op.Candidates {
		if !c.Presumed || !c.HighValue || c.HolderKind != "university" && c.HolderKind != "institute" || len(c.Matches) == 0 {
			t.Fatalf("candidate %+v", c)
		}
	}
	if a.TrendReason == nil || a.TrendReason.Code != NoOperationData {
		t.Fatalf("trends %+v", a.TrendReason)
	}
	t.Logf("Tai'an: %d families, %d high-value; gaps %d; funnel %d/%d/%d; %d candidates, first %s (%s) in %s", a.Families, a.HighValue,
		len(op.Gaps), op.Academic, op.Alive, op.HighValue, len(op.Candidates), op.Candidates[0].RepPub, op.Candidates[0].Holder, op.Candidates[0].Matches[0].Branch)
}
