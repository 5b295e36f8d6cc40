package landscape

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
)

// TestMacroRealDrones builds the macro landscape from the real Lens drones export with the drone
// config in testdata and checks what the issue asks of it: normalised top applicants with their
// variants, a trend with incomplete years flagged, a life-cycle stage, HHI/CR4 per branch.
func TestMacroRealDrones(t *testing.T) {
	dir := realdata.Require(t, "lens")
	if testing.Short() {
		t.Skip("-short")
	}
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{filepath.Join(dir, "lens_drones_2017_raw.csv")}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/drones.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := BuildMacro(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	// The export was a full-text search for "drone"; this config's codes and title keywords put
	// 2,233 of its 9,071 publications (one per family in this export) in the drone-technology
	// scope when this test was written.
	if m.Scope.Families < 2000 || m.Scope.Publications < 2000 {
		t.Errorf("in scope: %d publications, %d families", m.Scope.Publications, m.Scope.Families)
	}
	// The export was made in 2017: its cut-off is the last publication date and the last two
	// priority years are incomplete.
	if !strings.HasPrefix(m.Meta.Cutoff, "2017") {
		t.Errorf("cut-off = %s", m.Meta.Cutoff)
	}
	n := len(m.Trend.Series)
	if n < 10 || !m.Trend.Series[n-1].Incomplete || !m.Trend.Series[n-2].Incomplete || m.Trend.Series[n-3].Incomplete {
		t.Errorf("incomplete flags: %+v", m.Trend.Series[max(0, n-4):])
	}
	if m.Trend.CAGR == nil || m.Trend.CAGRTo != m.Trend.Series[n-3].Year {
		t.Errorf("CAGR on complete years: %v %d", m.Trend.CAGR, m.Trend.CAGRTo)
	}
	if m.LifeCycle.Stage == "" || len(m.LifeCycle.Points) != n {
		t.Errorf("life cycle: stage %q, %d points", m.LifeCycle.Stage, len(m.LifeCycle.Points))
	}
	if len(m.Applicants.Top) != 15 {
		t.Errorf("top applicants: %d", len(m.Applicants.Top))
	}
	folded := false
	for i, a := range m.Applicants.Top {
		if a.Display != a.Name {
			folded = true // e.g. "THALES SA" listed as THALES
		}
		if a.Share <= 0 || a.Families <= 0 || a.Display == "" || i > 0 && a.Families > m.Applicants.Top[i-1].Families {
			t.Errorf("applicant row %d %+v", i, a)
		}
	}
	if !folded {
		t.Error("no top applicant's legal form was folded by normalisation")
	}
	// Name variants are merged under one normalised name (UBIQOMM LLC / UBIQOMM INC …).
	var merged int
	err = s.DB.SQL().QueryRowContext(ctx, `SELECT count(*) FROM (SELECT a.name FROM fam_app a JOIN pat p USING (family_id)
		JOIN parties x ON x.pub_number = p.pub_number AND x.name = a.name AND x.role = 'applicant'
		GROUP BY 1 HAVING count(DISTINCT x.name_raw) > 1)`).Scan(&merged)
	if err != nil {
		t.Fatal(err)
	}
	if merged < 5 {
		t.Errorf("%d applicants with merged variants, want several", merged)
	}
	for _, b := range m.Technology.Branches {
		if b.Families == 0 {
			continue
		}
		if b.Concentration.N == 0 || b.Concentration.HHI <= 0 || b.Concentration.CR4 <= 0 || b.Concentration.CR4 > 1 {
			t.Errorf("branch %s concentration %+v", b.ID, b.Concentration)
		}
	}
	// A Lens export has no CN addresses: the regional analyses say so instead of reporting zeros.
	found := false
	for _, u := range m.Unavailable {
		if u.Analysis == "geography.provinces" {
			found = true
		}
	}
	if !found {
		t.Errorf("unavailable = %+v", m.Unavailable)
	}
	var html bytes.Buffer
	if err := renderCheck(&html, m); err != nil {
		t.Fatal(err)
	}
}
