package landscape

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// richApplicants is the rich hand-built lake: applicant, the office of its (only) priority claim
// (its country: Lens gives none), and its families in branch a (G05D1/10) and branch b (B64U).
var richApplicants = []struct {
	name, office string
	a, b         int
}{
	{"ALPHA", "US", 8, 4}, {"BRAVO", "US", 3, 6}, {"CHARLIE", "CN", 7, 0}, {"DELTA", "CN", 1, 4},
	{"ECHO", "JP", 2, 2}, {"FOXTROT", "JP", 3, 0}, {"GOLF", "JP", 0, 2}, {"HOTEL", "KR", 1, 1},
	{"INDIA", "KR", 1, 0}, {"JULIET", "KR", 0, 1},
}

// richLake writes the rich lake's Lens CSV: one publication per family, each with one applicant
// and one branch code, priority years filled in order (10 families in 2010, 11 in 2011, 12 in
// 2012, 13 in 2013). ALPHA's families carry forward citations 9 7 5 4 3 2 1 0 0 0 0 0 and its
// inventor SMITH JOHN; every other applicant has one inventor of its own and no citations.
func richLake(t *testing.T) string {
	t.Helper()
	return richLakeOf(t, richApplicants)
}

// richLakeOf writes richLake's CSV for other applicants (at most 46 families in all).
func richLakeOf(t *testing.T, applicants []struct {
	name, office string
	a, b         int
}) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Priority Numbers,Title,Applicants,Inventors,Type,Cited by Patent Count,CPC Classifications\n")
	perYear := []int{10, 11, 12, 13}
	year, left := 2010, perYear[0]
	n := 0
	cites := []int{9, 7, 5, 4, 3, 2, 1, 0, 0, 0, 0, 0}
	for _, ap := range applicants {
		inv := "INVENTOR " + ap.name
		if ap.name == "ALPHA" {
			inv = "SMITH JOHN"
		}
		for i := 0; i < ap.a+ap.b; i++ {
			if left == 0 {
				year++
				left = perYear[year-2010]
			}
			left--
			n++
			code := "G05D1/10"
			if i >= ap.a {
				code = "B64U10/13"
			}
			c := 0
			if ap.name == "ALPHA" {
				c = cites[i]
			}
			fmt.Fprintf(&b, "%d,US,A1,US %d/%07d A1,000-000-000-000-%03d,%d-06-01,%d,US %d A,%d-03-01,%s %d%06d A %d0301,Drone %d,%s,%s,Patent Application,%d,%s\n",
				n, year+1, n, n, year+1, year+1, 13000000+n, year, ap.office, year, n, year, n, ap.name, inv, c, code)
		}
	}
	p := filepath.Join(t.TempDir(), "rich.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestMacroHandRich pins the macro figures of the rich lake, each computed by hand from
// richApplicants (46 families: branch a 26, branch b 20; US 21, CN 12, JP 9, KR 4).
func TestMacroHandRich(t *testing.T) {
	m := macroOf(t, "testdata/hand/rich.yaml", richLake(t))
	near := func(what string, got, want, tol float64) {
		t.Helper()
		if math.Abs(got-want) > tol {
			t.Errorf("%s = %v, want %v (±%v)", what, got, want, tol)
		}
	}
	if m.Scope.Families != 46 || m.Scope.Publications != 46 || m.Scope.Untagged != 0 {
		t.Errorf("scope: %d families, %d publications, %d untagged", m.Scope.Families, m.Scope.Publications, m.Scope.Untagged)
	}
	// Trend 10, 11, 12, 13; CAGR 2010–2013 = (13/10)^(1/3) − 1 = 0.09139 (end years ≥ 10).
	want := map[int]float64{2010: 10, 2011: 11, 2012: 12, 2013: 13}
	for _, p := range m.Trend.Series {
		if p.N != want[p.Year] {
			t.Errorf("trend %d = %v, want %v", p.Year, p.N, want[p.Year])
		}
	}
	if c := m.Trend.CAGR; c == nil || m.Trend.CAGRFrom != 2010 || m.Trend.CAGRTo != 2013 {
		t.Errorf("CAGR = %v %d–%d, want 2010–2013", c, m.Trend.CAGRFrom, m.Trend.CAGRTo)
	} else {
		near("CAGR", *c, math.Pow(1.3, 1.0/3)-1, 1e-4)
	}
	// Four complete years with filings < 8: no S-curve, stage unclear.
	if m.LifeCycle.Fit != nil || m.LifeCycle.Stage != "unclear" {
		t.Errorf("life cycle: fit %+v stage %s", m.LifeCycle.Fit, m.LifeCycle.Stage)
	}
	// Applicants (one per family, so fractional = whole): 12 9 7 5 4 3 2 2 1 1 of 46.
	// CR4 = 33/46 = 0.71739, CR8 = 44/46 = 0.95652; HHI = (144+81+49+25+16+9+4+4+1+1)/46² ×
	// 10,000 = 334/2116 × 10,000 = 1578.45 (moderate: 1,500–2,500).
	wantFam := map[string]float64{"ALPHA": 12, "BRAVO": 9, "CHARLIE": 7, "DELTA": 5, "ECHO": 4, "FOXTROT": 3, "GOLF": 2, "HOTEL": 2, "INDIA": 1, "JULIET": 1}
	for _, a := range m.Applicants.Top {
		if a.Families != wantFam[a.Name] || a.Whole != int(wantFam[a.Name]) {
			t.Errorf("applicant %s: %v (%d whole), want %v", a.Name, a.Families, a.Whole, wantFam[a.Name])
		}
		near("share of "+a.Name, a.Share, wantFam[a.Name]/46, 1e-4)
	}
	c := m.Applicants.Concentration
	near("CR4", c.CR4, 33.0/46, 1e-4)
	near("CR8", c.CR8, 44.0/46, 1e-4)
	near("HHI", c.HHI, 334.0/2116*10000, 0.06)
	if c.N != 10 || c.Band != "moderate" && c.Band != "moderately concentrated" {
		t.Errorf("concentration N %d band %q", c.N, c.Band)
	}
	// Concentration by priority year (families are filled in richApplicants order): 2010 = ALPHA
	// 10 (1 applicant), 2011 = ALPHA 2 + BRAVO 9 (2), 2012 = CHARLIE 7 + DELTA 5 (2), all below the
	// 5-applicant minimum, so no HHI or CR4 (they would be 10,000 / 100 % by construction); 2013 =
	// ECHO 4, FOXTROT 3, GOLF 2, HOTEL 2, INDIA 1, JULIET 1 of 13: HHI = (16+9+4+4+1+1)/169 ×
	// 10,000 = 2071.0, CR4 = 11/13.
	wantApps := map[int]int{2010: 1, 2011: 2, 2012: 2, 2013: 6}
	for _, y := range m.Applicants.ConcentrationByYear {
		if y.Applicants != wantApps[y.Year] {
			t.Errorf("year %d: %d applicants, want %d", y.Year, y.Applicants, wantApps[y.Year])
		}
		if y.Year < 2013 {
			if y.HHI != nil || y.CR4 != nil {
				t.Errorf("year %d below the concentration minimum printed HHI %v CR4 %v", y.Year, y.HHI, y.CR4)
			}
			continue
		}
		if y.HHI == nil || y.CR4 == nil {
			t.Fatalf("year %d: no concentration with 6 applicants", y.Year)
		}
		near("HHI 2013", *y.HHI, 35.0/169*10000, 0.06)
		near("CR4 2013", *y.CR4, 11.0/13, 1e-4)
	}
	// The rich lake's Lens rows are one publication per family with no family size, no granted
	// publication (Patent Application, A1) and no operation facts: the PCT share, the regional
	// grant share and the operation share have no data behind them and are unavailable with
	// their reasons (they printed 0 %); its inventors are there, so the inventor row stays.
	if m.Geography.PCTShare != nil {
		t.Errorf("PCT share %v printed without family-member data", *m.Geography.PCTShare)
	}
	unav := map[string]string{}
	for _, u := range m.Unavailable {
		unav[u.Analysis] = u.Code
	}
	for an, code := range map[string]string{"geography.pct_share": CodeNoFamilyMembers, "regional.grant_share": CodeNoGrants, "regional.operation_share": CodeNoOperations} {
		if unav[an] != code {
			t.Errorf("unavailable %s: code %q, want %q", an, unav[an], code)
		}
	}
	if _, ok := unav["regional.inventors"]; ok {
		t.Error("regional inventors unavailable although the lake has inventor names")
	}
	// Core patents with tied scores: the one resting on more indicators first, then more
	// forward citations (the rich lake's small cohorts give several a score of 1).
	core := m.Quality.Core
	for i := 1; i < len(core); i++ {
		a, b := core[i-1], core[i]
		if a.Score != b.Score {
			continue
		}
		if len(a.Components) < len(b.Components) || len(a.Components) == len(b.Components) && a.ForwardCites < b.ForwardCites {
			t.Errorf("core patents %s (%d indicators, %d cites) before %s (%d, %d) at score %v",
				a.PubNumber, len(a.Components), a.ForwardCites, b.PubNumber, len(b.Components), b.ForwardCites, a.Score)
		}
	}
	// rich.yaml's region is the whole of CN: no nation column, no share of the nation (it would
	// repeat the region and be 100 % by construction), and the reason is listed.
	if unav["regional.nation"] != CodeRegionIsNation {
		t.Errorf("regional.nation: code %q, want %q", unav["regional.nation"], CodeRegionIsNation)
	}
	for _, r := range m.Regional.Rows {
		if r.Nation != nil {
			t.Errorf("regional row %q has a nation value %v for a whole-country region", r.Indicator, *r.Nation)
		}
	}
	if len(m.Regional.ByYear) == 0 {
		t.Error("no regional years")
	}
	for _, y := range m.Regional.ByYear {
		if y.ShareNation != nil {
			t.Errorf("regional year %d: share of the nation %v for a whole-country region", y.Year, *y.ShareNation)
		}
		if y.Granted != nil || y.Inventors == nil {
			t.Errorf("regional year %d: granted %v (want none: no grant data), inventors %v (want a count)", y.Year, y.Granted, y.Inventors)
		}
	}
	for _, r := range m.Regional.Rows {
		if r.Indicator == "grant share" || r.Indicator == "families transferred, licensed or pledged" {
			t.Errorf("regional row %q printed without data", r.Indicator)
		}
	}
	if len(m.Applicants.ConcentrationByYear) != 4 {
		t.Errorf("concentration by year: %d years, want 4", len(m.Applicants.ConcentrationByYear))
	}
	// Branches: a = 8+3+7+1+2+3+0+1+1+0 = 26, b = 4+6+0+4+2+0+2+1+0+1 = 20.
	got := map[string]float64{}
	for _, br := range m.Technology.Branches {
		got[br.ID] = br.Families
	}
	if got["a"] != 26 || got["b"] != 20 {
		t.Errorf("branches = %v, want a 26 b 20", got)
	}
	// Country × branch RTA = (N_cb / N_c) / (N_b / N): US a 11/21 ÷ 26/46 = 0.92674,
	// US b 10/21 ÷ 20/46 = 1.09524, CN a 8/12 ÷ 26/46 = 1.17949, CN b 4/12 ÷ 20/46 = 0.76667,
	// JP a 5/9 ÷ 26/46 = 0.98291, JP b 4/9 ÷ 20/46 = 1.02222, KR a 2/4 ÷ 26/46 = 0.88462,
	// KR b 2/4 ÷ 20/46 = 1.15. JP (9 families) and KR (4) are below MinRTAFamilies (10): their
	// rows are n/a, though they stay in the denominators.
	rta := map[string][2]float64{"US": {11.0 / 21 / (26.0 / 46), 10.0 / 21 / (20.0 / 46)}, "CN": {8.0 / 12 / (26.0 / 46), 4.0 / 12 / (20.0 / 46)}}
	if len(m.Technology.Countries) != 4 || strings.Join(m.Technology.RTABranches, ",") != "a,b" {
		t.Fatalf("RTA axes: countries %v branches %v", m.Technology.Countries, m.Technology.RTABranches)
	}
	for i, ctry := range m.Technology.Countries {
		for j := range m.Technology.RTABranches {
			v := m.Technology.RTA[i][j]
			if _, ok := rta[ctry]; !ok {
				if v != nil {
					t.Errorf("RTA %s × %s = %v, want n/a (below %d families)", ctry, m.Technology.RTABranches[j], *v, MinRTAFamilies.Min)
				}
				continue
			}
			if v == nil {
				t.Errorf("RTA %s × %s missing", ctry, m.Technology.RTABranches[j])
				continue
			}
			near("RTA "+ctry+" × "+m.Technology.RTABranches[j], *v, rta[ctry][j], 6e-4)
		}
	}
	// Inventors: SMITH JOHN has ALPHA's 12 families, cited 9 7 5 4 3 …: h = 4 (four families
	// cited ≥ 4 times, not five cited ≥ 5). The basis counts inventors: 10.
	if len(m.Inventors.Top) == 0 || m.Inventors.Top[0].Name != "SMITH JOHN" || m.Inventors.Top[0].Families != 12 || m.Inventors.Top[0].HIndex != 4 {
		t.Errorf("top inventor %+v, want SMITH JOHN 12 families h 4", m.Inventors.Top)
	}
	if m.Inventors.Basis.Unit != "inventor" || m.Inventors.Basis.N != 10 {
		t.Errorf("inventors basis %+v, want 10 inventors", m.Inventors.Basis)
	}
	// No legal status in a Lens export without that column: no grant rate (not 100 %).
	if m.Legal.GrantRate != nil {
		t.Errorf("grant rate %v without legal-status data", *m.Legal.GrantRate)
	}
	found := false
	for _, u := range m.Unavailable {
		found = found || u.Analysis == "legal.grant_rate" && u.Code == CodeNoLegalStatus
	}
	if !found {
		t.Errorf("grant rate not listed as unavailable (no_legal_status): %+v", m.Unavailable)
	}
}

// TestRTABelowMinimum: a country with 2 families (CN: one in branch a, one in b) gets no RTA
// (MinRTAFamilies = 10), the country with 12 (US: 8 in a, 4 in b) gets its figures, computed with
// CN in the denominators: US a = (8/12) ÷ (9/14) = 1.03704, US b = (4/12) ÷ (5/14) = 0.93333.
// The rule is in the method section's list (landscape.Rules).
func TestRTABelowMinimum(t *testing.T) {
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	apps := []struct {
		name, office string
		a, b         int
	}{{"ALPHA", "US", 8, 4}, {"CHARLIE", "CN", 1, 1}}
	if _, err := ingest.Run(ctx, []string{richLakeOf(t, apps)}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/hand/rich.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	m := macroOfConfig(t, cfg)
	T := m.Technology
	if strings.Join(T.Countries, ",") != "US,CN" || strings.Join(T.RTABranches, ",") != "a,b" || len(T.RTA) != 2 {
		t.Fatalf("RTA axes: countries %v branches %v, %d rows", T.Countries, T.RTABranches, len(T.RTA))
	}
	for j, want := range []float64{8.0 / 12 / (9.0 / 14), 4.0 / 12 / (5.0 / 14)} {
		if v := T.RTA[0][j]; v == nil || math.Abs(*v-want) > 6e-4 {
			t.Errorf("RTA US × %s = %v, want %.5f", T.RTABranches[j], v, want)
		}
		if v := T.RTA[1][j]; v != nil {
			t.Errorf("RTA CN × %s = %v, want n/a (2 families < %d)", T.RTABranches[j], *v, MinRTAFamilies.Min)
		}
	}
	found := false
	for _, r := range m.Scope.Minimums {
		found = found || r.Code == "rta_country_families" && r.Min == 10
	}
	if !found {
		t.Errorf("method section's minimums %v lack rta_country_families (10)", m.Scope.Minimums)
	}
}
