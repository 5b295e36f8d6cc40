package enterprise

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
	"github.com/patnav/patnav/landscape"
)

// realDrones ingests the real Lens drones export (lens_drones_2017_raw.csv) into a temporary lake
// and builds the five enterprise navigations of testdata/drones.yaml; it skips the test when the
// real data are absent.
func realDrones(t *testing.T) []*Enterprise {
	t.Helper()
	dir := realdata.Require(t, "lens")
	lake := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(context.Background(), []string{filepath.Join(dir, "lens_drones_2017_raw.csv")}, ingest.Options{Lake: lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/drones.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lake
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	es, err := Build(context.Background(), s, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// TestRealDrones: five navigations of top applicants of the real drones export. The export has
// no legal status and only non-patent citations: the model must say so instead of reporting zeros.
func TestRealDrones(t *testing.T) {
	es := realDrones(t)
	if len(es) != 5 {
		t.Fatalf("%d enterprises, want 5", len(es))
	}
	for _, e := range es {
		if e.Portfolio.Whole == 0 || e.Portfolio.Rank == 0 || !e.Match.Names[0].Found {
			t.Errorf("%s: not matched (%d families)", e.ID, e.Portfolio.Whole)
		}
		if e.Citations.Available || !hasUnavailable(e, "citations", landscape.CodeNoCitations) {
			t.Errorf("%s: citations should be unavailable: %+v", e.ID, e.Citations)
		}
		if !hasUnavailable(e, "portfolio.status", landscape.CodeNoLegalStatus) {
			t.Errorf("%s: unknown legal status not reported", e.ID)
		}
		if len(e.Competitors) == 0 || len(e.Benchmark.Rows) != len(e.Competitors)+1 {
			t.Errorf("%s: %d competitors, %d benchmark rows", e.ID, len(e.Competitors), len(e.Benchmark.Rows))
		}
		if len(e.Layout.Gaps)+len(e.Layout.Strengths) == 0 || len(e.Watch.Items) == 0 || len(e.Recommendations) == 0 {
			t.Errorf("%s: gaps %d, strengths %d, watch %d, recommendations %d", e.ID, len(e.Layout.Gaps), len(e.Layout.Strengths), len(e.Watch.Items), len(e.Recommendations))
		}
		for _, it := range e.Watch.Items {
			if it.Status != "unknown" || len(it.Why) == 0 || it.Why[0].Code != NoteWatchUnknown {
				t.Errorf("%s: watch item %s: status %s", e.ID, it.PubNumber, it.Status)
				break
			}
		}
		for _, g := range e.Layout.Gaps {
			if !(g.Growth > 1 && g.CompetitorStrength > 0 && (g.RTA == nil || *g.RTA < GapRTA)) {
				t.Errorf("%s: gap %s breaks the rule: %+v", e.ID, g.ID, g)
			}
		}
		t.Logf("%s: %.1f families (rank %d), gaps %v, strengths %v, watch %d of %d candidates", e.ID, e.Portfolio.Families, e.Portfolio.Rank,
			gapIDs(e.Layout.Gaps), strengthIDs(e.Layout.Strengths), len(e.Watch.Items), e.Watch.Candidates)
	}
	// Parrot's competitors are configured: two applicant names and an enterprise id.
	p := byID(es, "parrot")
	if p.Competitors[0].Key != "@SZ DJI TECHNOLOGY" || p.Competitors[2].Key != "qualcomm" || p.Competitors[2].Source != "enterprise" {
		t.Errorf("parrot competitors %+v", p.Competitors)
	}
	// Boeing's subsidiary Insitu is written three ways in the export; the match table lists them.
	for _, n := range byID(es, "boeing").Match.Names {
		if strings.HasPrefix(n.Configured, "INSITU INC (") && len(n.Raw) < 2 {
			t.Errorf("boeing: Insitu spellings %+v", n.Raw)
		}
	}
	// IBM's long name is not in the export and is reported unmatched.
	if !hasUnavailable(byID(es, "ibm"), "match", "INTERNATIONAL BUSINESS MACHINES") {
		t.Error("ibm: unmatched name not reported")
	}
}

func gapIDs(gs []Gap) []string {
	var out []string
	for _, g := range gs {
		out = append(out, g.ID)
	}
	return out
}

func strengthIDs(ss []Strength) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.ID)
	}
	return out
}
