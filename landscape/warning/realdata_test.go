package warning

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
)

// realBulletin ingests a real export into a temporary lake and builds the bulletin of the config
// in testdata (its lake path replaced).
func realBulletin(t *testing.T, cfgName string, inputs ...string) *Bulletin {
	t.Helper()
	cfg, err := config.Load(filepath.Join("testdata", cfgName))
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = filepath.Join(t.TempDir(), "lake")
	ingestFiles(t, cfg.Lake, inputs...)
	return buildCfg(t, cfg, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
}

// TestRealDrones: the Lens drones export (US/WO/AU/EP, to 2017) seen by a Chinese association
// watching the US office. Chinese applicants hold a tiny share of the invention families filed in
// the US, so the reserve and the weak-leaders indicators are severe everywhere; the export has no
// legal status, so alive patents are presumed from grants and terms; it has no litigation or
// operation data, which the bulletin says.
func TestRealDrones(t *testing.T) {
	dir := realdata.Require(t, "lens")
	b := realBulletin(t, "drones.yaml", filepath.Join(dir, "lens_drones_2017_raw.csv"))
	if b.Meta.Cutoff != "2017-12-28" || b.Meta.LastComplete != 2015 || b.Meta.Office != "US" {
		t.Fatalf("meta %+v", b.Meta)
	}
	r := ind(t, b, KindReserve, "")
	if r.Value == nil || *r.Value > 0.05 || r.Level != LevelSevere || numOf(t, r.Numbers, "domestic") < 10 || numOf(t, r.Numbers, "foreign") < 1000 {
		t.Fatalf("reserve %+v", r)
	}
	if s := sig(b, "weak_leaders:overall"); s == nil || s.Level != LevelSevere {
		t.Fatalf("weak leaders %+v", s)
	}
	blocking := 0
	for _, s := range b.Signals {
		if s.Kind == KindBlocking {
			blocking++
			for _, p := range s.Patents {
				if p.Country == "CN" || p.Quality == nil || *p.Quality < 0.9 || !p.Presumed {
					t.Fatalf("blocking patent %+v", p)
				}
			}
		}
	}
	if blocking == 0 {
		t.Fatal("no blocking candidates in the drones export")
	}
	unav := map[string]bool{}
	for _, u := range b.Unavailable {
		unav[u.Analysis] = true
	}
	for _, a := range []string{"signals.litigation", "signals.transfer_licence", "indicators.growth_lag"} {
		if !unav[a] {
			t.Errorf("%s should be unavailable: %+v", a, b.Unavailable)
		}
	}
	if g := b.TechGap[0]; g.DomesticFirst == 0 || g.Peers[0].Peer != "JP" && g.Peers[0].Peer != "US" || g.Peers[0].Gap == nil || *g.Peers[0].Gap <= 0 {
		t.Fatalf("gap %+v", g)
	}
	for _, s := range b.Signals {
		if s.Kind == KindEntrant && s.Applicant == "SZ DJI TECHNOLOGY" && s.Level != LevelInfo {
			t.Fatalf("DJI is a domestic entrant: %+v", s)
		}
	}
	t.Logf("drones: %d signals %+v", len(b.Signals), b.Summary.ByLevel)
}

// TestRealTaian: 专利信息.xlsx, Tai'an applicants only (all domestic), no legal or operation data.
// The §6 ratios are undefined (no foreign filings) with their reason; the concentration of the
// power-equipment filings rose sharply in 2013 and Taikai (泰开) subsidiaries enter as new filers.
func TestRealTaian(t *testing.T) {
	dir := realdata.Require(t, "cnipa")
	b := realBulletin(t, "taian.yaml", filepath.Join(dir, "专利信息.xlsx"))
	if b.Summary.Foreign != 0 || b.Summary.Domestic == 0 {
		t.Fatalf("summary %+v", b.Summary)
	}
	for _, k := range []string{KindReserve, KindBubble, KindWeakLeaders, KindPortfolio, KindGrowthLag} {
		if i := ind(t, b, k, ""); i.Value != nil || i.Reason != ReasonNoForeign && i.Reason != ReasonNoForeignApplicants {
			t.Errorf("%s: %v %q", k, i.Value, i.Reason)
		}
	}
	if m := ind(t, b, KindMarketBarrier, ""); m.Value == nil || *m.Value != 0 || m.Level != "" {
		t.Fatalf("market barrier %+v", m)
	}
	if s := sig(b, "concentration_rise:overall"); s == nil || Rank(s.Level) < Rank(LevelWatch) {
		t.Fatalf("concentration rise: %v (signals %v)", s, keys(b))
	}
	taikai := 0
	for _, s := range b.Signals {
		if s.Kind == KindEntrant && strings.Contains(s.Applicant, "泰开") {
			taikai++
		}
		if s.Kind == KindBlocking || s.Kind == KindExpiring {
			t.Fatalf("no quality or status data, yet %s", s.Key)
		}
	}
	if taikai == 0 {
		t.Fatalf("no Taikai entrants: %v", keys(b))
	}
	t.Logf("taian: %d signals %v", len(b.Signals), keys(b))
}
