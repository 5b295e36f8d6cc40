package enterprise

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/landscape"
)

func near(t *testing.T, what string, got, want, tol float64) {
	t.Helper()
	if math.IsNaN(got) || math.Abs(got-want) > tol {
		t.Errorf("%s = %v, want %v (±%v)", what, got, want, tol)
	}
}

func nearP(t *testing.T, what string, got *float64, want, tol float64) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", what, want)
		return
	}
	near(t, what, *got, want, tol)
}

func branchOf(e *Enterprise, id string) BranchPosition {
	for _, b := range e.Branches {
		if b.ID == id {
			return b
		}
	}
	return BranchPosition{}
}

func byID(es []*Enterprise, id string) *Enterprise {
	for _, e := range es {
		if e.ID == id {
			return e
		}
	}
	return nil
}

// TestAcme checks the enterprise with configured competitors (Beta, by id, and Gamma, by name)
// against the numbers derived by hand from the lake in lake_test.go.
func TestAcme(t *testing.T) {
	s, m := testSession(t)
	es, err := Build(context.Background(), s, m, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 || es[0].ID != "acme" || es[1].ID != "beta" {
		t.Fatalf("enterprises %v, want acme and beta in config order", es)
	}
	e := es[0]
	// PATNAV_WRITE_FIXTURE=path writes this model as JSON: the fixture of reports/enterprise's tests.
	if p := os.Getenv("PATNAV_WRITE_FIXTURE"); p != "" {
		e.Meta.Generated, e.Timings = "2025-12-31T00:00:00Z", nil
		b, _ := json.MarshalIndent(e, "", "  ")
		if err := os.WriteFile(p, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	// Match: ACME DRONE (8 families, two spellings), ACME AGRI TECH (the subsidiary, 1 family),
	// ACME UNKNOWN matches nothing and is reported.
	mt := e.Match
	if got := strings.Join(mt.Keys, "|"); got != "ACME DRONE|ACME UNKNOWN|ACME AGRI TECH" {
		t.Errorf("keys %s", got)
	}
	if mt.Families != 9 {
		t.Errorf("matched families %d, want 9", mt.Families)
	}
	drone := mt.Names[0]
	if drone.Key != "ACME DRONE" || !drone.Found || drone.Families != 8 || len(drone.Raw) != 2 ||
		drone.Raw[0].Key != "ACME DRONE CO LTD" || drone.Raw[0].N != 8 || drone.Raw[1].Key != "Acme Drone Co., Ltd." || drone.Raw[1].N != 1 {
		t.Errorf("match of ACME DRONE CO LTD: %+v", drone)
	}
	if u := mt.Names[1]; u.Found || u.Key != "ACME UNKNOWN" {
		t.Errorf("ACME UNKNOWN LTD should be reported unmatched: %+v", u)
	}
	if sub := mt.Names[2]; sub.Source != "subsidiary" || !sub.Found || sub.Families != 1 {
		t.Errorf("subsidiary: %+v", sub)
	}
	if !hasUnavailable(e, "match", "ACME UNKNOWN") {
		t.Errorf("the unmatched name is not listed as unavailable: %v", e.Unavailable)
	}

	// Competitors: Beta (an enterprise id) and Gamma (an applicant name).
	if len(e.Competitors) != 2 || e.Competitors[0].Key != "beta" || e.Competitors[0].Source != "enterprise" ||
		e.Competitors[1].Key != "@GAMMA ROBOTICS" || e.Competitors[1].Source != "name" {
		t.Errorf("competitors %+v", e.Competitors)
	}

	// Portfolio: 7 air families + ctl 1 + 1/2 (shared with Tsinghua) = 8.5 of 36 families; Gamma
	// has 9 (air 1, com 3, cap 5), so Acme ranks second. Recent 2020 ×2.5 + 2021 + 2022 = 4.5,
	// previous 2015 ×2 + 2016 + 2017 = 4: momentum 5.5/5 = 1.1.
	p := e.Portfolio
	near(t, "families", p.Families, 8.5, 1e-9)
	near(t, "share", p.Share, 8.5/36, 1e-4)
	if p.Whole != 9 || p.Rank != 2 || p.Granted != 7 {
		t.Errorf("whole %d rank %d granted %d, want 9, 2, 7", p.Whole, p.Rank, p.Granted)
	}
	near(t, "recent", p.Recent, 4.5, 1e-9)
	near(t, "previous", p.Previous, 4, 1e-9)
	nearP(t, "momentum", p.Momentum, 1.1, 1e-9)
	// Acme's end years have fewer than 10 families (2018 has none): below MinGrowthEndYear.
	if p.Trend.CAGR != nil || !hasUnavailable(e, "portfolio.cagr", landscape.MinGrowthEndYear.Code) {
		t.Errorf("CAGR over 2018–2023 starts from zero and must be unavailable: %v %+v", p.Trend.CAGR, e.Unavailable)
	}
	if n := len(p.Trend.Series); n != 16 || !p.Trend.Series[15].Incomplete || !p.Trend.Series[14].Incomplete || p.Trend.Series[13].Incomplete {
		t.Errorf("trend series: %d points, 2024 and 2025 incomplete: %+v", n, p.Trend.Series[13:])
	}
	if got := countsOf(p.Status); got != "alive=6 pending=2 lapsed=1" {
		t.Errorf("status %s", got)
	}
	if got := countsOf(p.DocTypes); got != "invention=8 utility_model=1" {
		t.Errorf("doc types %s", got)
	}

	// Branch profile. Level-1 totals: air 11, ctl 4, com 11, spr 4, cap 6 (36).
	// RTA air = (7/8.5)/(11/36) = 2.695; ctl = (1.5/8.5)/(4/36) = 1.588; com = 0.
	// Core patents (see lake_test.go): air holds a15a and g20air, Acme one → control 0.5.
	air := branchOf(e, "air")
	nearP(t, "RTA air", air.RTA, 2.695, 1e-3)
	nearP(t, "RTA ctl", branchOf(e, "ctl").RTA, 1.588, 1e-3)
	nearP(t, "RTA com", branchOf(e, "com").RTA, 0, 0)
	near(t, "branch share air", air.BranchShare, 7.0/11, 1e-4)
	if air.Core != 2 || air.CoreHeld != 1 || branchOf(e, "com").Core != 3 {
		t.Errorf("air core %d held %v, com core %d, want 2, 1 and 3", air.Core, air.CoreHeld, branchOf(e, "com").Core)
	}
	nearP(t, "control air", air.Control, 0.5, 1e-9)
	if branchOf(e, "ctl").Control != nil {
		t.Error("ctl has no core patent: control must be nil")
	}

	// Gaps. com: momentum (9+1)/(2+1) = 3.333, competitors Beta 5 + Gamma 3 of 9 recent = 0.8889,
	// distance 1 → score 2.963. spr grows (momentum 5) but no competitor files there (reserve);
	// cap has competitors but declines (momentum 2/6); air and ctl are strengths.
	L := e.Layout
	if len(L.Gaps) != 1 || L.Gaps[0].ID != "com" {
		t.Fatalf("gaps %+v, want com only", L.Gaps)
	}
	g := L.Gaps[0]
	near(t, "gap growth", g.Growth, 10.0/3, 1e-3)
	near(t, "gap competitor strength", g.CompetitorStrength, 8.0/9, 1e-4)
	near(t, "gap distance", g.Distance, 1, 0)
	near(t, "gap score", g.Score, 10.0/3*8/9, 1e-3)
	if g.Lead != "Beta" || g.LeadFamilies != 5 || len(g.Evidence) < 6 {
		t.Errorf("gap lead %q %v, evidence %d", g.Lead, g.LeadFamilies, len(g.Evidence))
	}
	if len(L.Strengths) != 2 || L.Strengths[0].ID != "air" || L.Strengths[1].ID != "ctl" {
		t.Errorf("strengths %+v, want air then ctl", L.Strengths)
	}
	if len(L.Reserve) != 1 || L.Reserve[0].ID != "spr" || L.Reserve[0].Growth != 5 {
		t.Errorf("reserve %+v, want spr (momentum 5)", L.Reserve)
	}

	// Watch list: Acme's core branch is air (82% of its branch assignments). Above the threshold
	// 0.5216 in air: Gamma's 2020 family (score 1, alive) qualifies; Omega's 2020 family (0.5578)
	// is lapsed; Acme's own 2015 family (score 1) is not someone else's.
	w := e.Watch
	if !reflect.DeepEqual(w.CoreBranches, []string{"air"}) {
		t.Errorf("core branches %v", w.CoreBranches)
	}
	nearP(t, "threshold", w.Threshold, 0.4975+0.4*(0.5578-0.4975), 1e-3)
	if len(w.Items) != 1 || w.Candidates != 1 {
		t.Fatalf("watch list %+v", w.Items)
	}
	it := w.Items[0]
	if it.Title != "Test family g20air" || it.Status != "alive" || it.Competitor != "GAMMA ROBOTICS INC" || it.FamilySize != 3 ||
		it.ForwardCites == nil || *it.ForwardCites != 3 || !reflect.DeepEqual(it.Overlap, []string{"air"}) {
		t.Errorf("watch item %+v", it)
	}
	// Why: alive, its score against the threshold (decile 10), the core branch air, held by the
	// competitor Gamma (entity key "@" + its normalised name).
	if got := noteCodes(it.Why); got != "watch.alive watch.score watch.branches watch.competitor" {
		t.Errorf("watch reasons %s", got)
	}
	if a := noteArg(it.Why, "competitor"); a == nil || a.Unit != ArgEntity || a.Label.En != "GAMMA ROBOTICS INC" || !strings.HasPrefix(a.Text, "@GAMMA") {
		t.Errorf("watch competitor %+v", a)
	}
	if a := noteArg(it.Why, "branches"); a == nil || !reflect.DeepEqual(a.Names, []string{"air"}) {
		t.Errorf("watch branches %+v", a)
	}
	if a := noteArg(it.Why, "decile"); a == nil || a.Value == nil || *a.Value != 10 {
		t.Errorf("watch decile %+v", a)
	}
	nearP(t, "watch score", it.Score, 1, 1e-9)

	// Quality: Acme's scored families are its 2015 pair (1 and 0) and 2020 pair (0.4975, 0);
	// industry mean = (0.4975 + 0.5578 + 5)/15; it holds 1 of the 5 core patents.
	q := e.Quality
	if q.Scored != 4 || q.Core != 1 || q.IndustryCore != 5 {
		t.Errorf("scored %d core %d of %d, want 4, 1 of 5", q.Scored, q.Core, q.IndustryCore)
	}
	nearP(t, "quality mean", q.Mean, (1+0.4975)/4, 1e-3)
	nearP(t, "industry mean", q.IndustryMean, (0.4975+0.5578+5)/15, 1e-3)
	nearP(t, "core share", q.CoreShare, 0.2, 1e-9)
	if len(q.Top) != 4 || q.Top[0].Title != "Test family a15a" {
		t.Errorf("best families %+v", q.Top)
	}

	// Partners, inventors, expiry.
	if len(e.Partners.Academic) != 1 || e.Partners.Academic[0].Name != "TSINGHUA UNIVERSITY" || e.Partners.Academic[0].Families != 1 {
		t.Errorf("academic partners %+v", e.Partners.Academic)
	}
	// Top 5 inventors: WANG A (5), LI B (2), QIAN F, SUN D, ZHAO C (1 each, by name); they cover
	// 8 of the 9 families (ZHOU E's family is the exception).
	inv := e.Inventors
	if inv.WithInventors != 9 || inv.Inventors != 6 || inv.Level != "high" || len(inv.Top) != 5 || inv.Top[0].Name != "WANG A" || inv.Top[4].Name != "ZHAO C" {
		t.Errorf("inventors %+v", inv)
	}
	nearP(t, "top inventor share", inv.TopShare, 8.0/9, 1e-4)
	// The 2016 CN utility model (filed 2016-03-01) expires 2026-03-01, within 24 months of the
	// cut-off; the 2015 INACTIVE family is lapsed.
	x := e.Expiry
	if x.ExpiringCount != 1 || x.Expiring[0].Title != "Test family a16" || x.Expiring[0].Expiry != "2026-03-01" || !x.Expiring[0].ExpiryEstimated {
		t.Errorf("expiring %+v", x.Expiring)
	}
	if x.LapsedCount != 1 || x.Lapsed[0].Title != "Test family a15a" {
		t.Errorf("lapsed %+v", x.Lapsed)
	}

	// Benchmark rows in order, and who cites whom among Acme, Beta and Gamma.
	bm := e.Benchmark
	if len(bm.Rows) != 3 || !bm.Rows[0].Self || bm.Rows[1].Key != "beta" || bm.Rows[2].Families != 9 || bm.Rows[2].TopBranch != "cap" {
		t.Errorf("benchmark %+v", bm.Rows)
	}
	if !reflect.DeepEqual(bm.Branches, []string{"air", "ctl", "com", "cap"}) || !reflect.DeepEqual(bm.Matrix[1], []float64{1, 0, 6, 1}) {
		t.Errorf("benchmark matrix %v %v", bm.Branches, bm.Matrix)
	}
	if !e.Citations.Available {
		t.Fatal("citations should be available")
	}
	var flows []string
	for _, f := range e.Citations.Flows {
		flows = append(flows, f.From+">"+f.To+"="+itoa(f.Pairs))
	}
	if got := strings.Join(flows, " "); got != "beta>@GAMMA ROBOTICS=2 acme>@GAMMA ROBOTICS=1 acme>beta=1 beta>acme=1" {
		t.Errorf("flows %s", got)
	}

	// Recommendations: offensive com, defensive air (its recent share fell from 3/4 to 4/7),
	// reserve spr, partner Tsinghua (already a co-applicant), license Gamma (a competitor).
	var recs []string
	for _, r := range e.Recommendations {
		recs = append(recs, r.Kind+":"+r.Target)
		if len(r.Evidence) == 0 || r.Why.Code == "" {
			t.Errorf("recommendation %s without evidence", r.Kind)
		}
	}
	if got := strings.Join(recs, " | "); got != "offensive:Communication | defensive:Airframe | reserve:Spraying | partner:TSINGHUA UNIVERSITY | license:GAMMA ROBOTICS INC" {
		t.Errorf("recommendations %s", got)
	}
	d := e.Recommendations[1]
	if ev := evidence(d, "recent_share"); ev == nil || math.Abs(*ev.Value-4.0/7) > 1e-3 {
		t.Errorf("defensive evidence %+v", d.Evidence)
	}
	// Defensive air: Acme's share fell (3/4 → 4/7) and no competitor filed more recently than its
	// 4 recent families, so the reason is "losing" with both shares.
	if d.Why.Code != NoteRecDefensiveLosing {
		t.Errorf("defensive reason %+v", d.Why)
	}
	if a := noteArg([]Note{d.Why}, "recent_share"); a == nil || math.Abs(*a.Value-4.0/7) > 1e-3 {
		t.Errorf("defensive reason's recent share %+v", a)
	}
	if e.Recommendations[3].Why.Code != NoteRecPartnerCo || e.Recommendations[4].Why.Code != NoteRecLicenseCompetitor {
		t.Errorf("partner / license reasons: %+v %+v", e.Recommendations[3].Why, e.Recommendations[4].Why)
	}
	if a := noteArg([]Note{e.Recommendations[3].Why}, "branch"); a == nil || a.Text != "com" {
		t.Errorf("partner reason's branch %+v", a)
	}
}

// TestBetaOnlyAutoCompetitors selects one enterprise and checks its automatic competitors and gaps.
func TestBetaOnlyAutoCompetitors(t *testing.T) {
	s, m := testSession(t)
	es, err := Build(context.Background(), s, m, "Beta")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 1 || es[0].ID != "beta" {
		t.Fatalf("only Beta: got %d enterprises", len(es))
	}
	e := es[0]
	// Beta's leaf profile: com 6, air 1, cap 1 of 8 → weights 0.75, 0.125, 0.125. Overlap:
	// Gamma 3·0.75 + 1·0.125 + 5·0.125 = 3; ACME DRONE 6·0.125 = 0.75; DELTA 1·0.75 = 0.75
	// (tie: by name); OMEGA 2·0.125 = 0.25; ACME AGRI TECH (0.125) is Acme again; Tsinghua is a
	// university and no competitor.
	var got []string
	for _, c := range e.Competitors {
		got = append(got, c.Key+"="+trimFloat(c.Overlap))
		if c.Source != "auto" {
			t.Errorf("competitor %s source %s, want auto", c.Key, c.Source)
		}
	}
	if s := strings.Join(got, " "); s != "@GAMMA ROBOTICS=3 acme=0.75 @DELTA DYNAMICS=0.75 @OMEGA SYSTEMS=0.25" {
		t.Errorf("auto competitors %s", s)
	}
	// Gaps: spr (momentum 5, competitors Omega 3 + Delta 1 = all 4 recent families, Beta absent)
	// then air (momentum 8/5, competitors Acme 4 + Gamma 1 + Omega 1 of 7, RTA (1/8)/(11/36) =
	// 0.409 → distance 0.591: 1.6 · 6/7 · 0.591 = 0.810). com is its strength (RTA 2.455).
	if len(e.Layout.Gaps) != 2 || e.Layout.Gaps[0].ID != "spr" || e.Layout.Gaps[1].ID != "air" {
		t.Fatalf("gaps %+v", e.Layout.Gaps)
	}
	near(t, "spr score", e.Layout.Gaps[0].Score, 5, 1e-9)
	near(t, "air score", e.Layout.Gaps[1].Score, 1.6*6/7*(1-(1.0/8)/(11.0/36)), 1e-4)
	if e.Layout.Gaps[0].Lead != "OMEGA SYSTEMS INC" {
		t.Errorf("spr lead %s", e.Layout.Gaps[0].Lead)
	}
	if len(e.Layout.Strengths) != 1 || e.Layout.Strengths[0].ID != "com" {
		t.Errorf("strengths %+v", e.Layout.Strengths)
	}
	// Beta's core branch is com; the families of others there all score 0 (Gamma's and
	// Tsinghua's): an empty watch list. Five of Beta's com families are scored, three are core.
	if len(e.Watch.Items) != 0 || e.Watch.Candidates != 0 || e.Quality.Scored != 5 || e.Quality.Core != 3 {
		t.Errorf("watch %+v, scored %d, core %d", e.Watch.Items, e.Quality.Scored, e.Quality.Core)
	}
}

func TestOnlyUnknown(t *testing.T) {
	s, m := testSession(t)
	if _, err := Build(context.Background(), s, m, "nobody"); !errors.Is(err, ErrNoEnterprise) {
		t.Fatalf("err = %v, want ErrNoEnterprise", err)
	}
}

// TestClusters feeds cluster assignments through the optional hook: cluster "x" holds the com
// families and "y" the air families, so Acme's cluster gap x repeats the branch gap com.
func TestClusters(t *testing.T) {
	s, m := testSession(t)
	var as []ClusterAssignment
	err := duck.Scan(context.Background(), s.DB, "SELECT family_id, branch_id FROM fam_branch WHERE branch_id IN ('com', 'air') ORDER BY 1",
		func(r analysis.FamilyBranchRow) error {
			c := "y"
			if r.BranchID == "com" {
				c = "x"
			}
			as = append(as, ClusterAssignment{FamilyID: r.FamilyID, Cluster: c})
			return nil
		})
	if err != nil {
		t.Fatal(err)
	}
	es, err := BuildWith(context.Background(), s, m, Options{Only: "acme", Clusters: as})
	if err != nil {
		t.Fatal(err)
	}
	cg := es[0].Layout.ClusterGaps
	if len(cg) != 1 || cg[0].ID != "x" || cg[0].Dimension != "cluster" {
		t.Fatalf("cluster gaps %+v", cg)
	}
	near(t, "cluster gap score", cg[0].Score, es[0].Layout.Gaps[0].Score, 1e-9)
	if cg[0].Name.En != "cluster x" {
		t.Errorf("cluster name %+v", cg[0].Name)
	}
}

// TestCoreMatchesMacro: the enterprise navigation's core patents are the macro's (same index,
// same ranking); the macro lists at most 50, all of them core here.
func TestCoreMatchesMacro(t *testing.T) {
	s, m := testSession(t)
	if _, err := Build(context.Background(), s, m, "acme"); err != nil {
		t.Fatal(err)
	}
	var ours, macro []string
	err := duck.Scan(context.Background(), s.DB, "SELECT family_id FROM ent_q WHERE core ORDER BY 1", func(r analysis.FamilyIDRow) error {
		ours = append(ours, r.FamilyID)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range m.Quality.Core {
		macro = append(macro, c.FamilyID)
	}
	sort.Strings(macro)
	if len(ours) != 5 || !reflect.DeepEqual(ours, macro) {
		t.Errorf("core %v, macro core %v", ours, macro)
	}
}

// TestDeterministic: two builds give the same model (apart from the generation time and timings).
func TestDeterministic(t *testing.T) {
	s, m := testSession(t)
	enc := func() string {
		es, err := Build(context.Background(), s, m, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range es {
			e.Meta.Generated, e.Timings = "", nil
		}
		b, _ := json.Marshal(es)
		return string(b)
	}
	if a, b := enc(), enc(); a != b {
		t.Error("two builds differ")
	}
}

// hasUnavailable reports whether analysisName is listed as unavailable with the reason code or
// rule want, or with want in its detail (a name) or untyped reason.
func hasUnavailable(e *Enterprise, analysisName, want string) bool {
	for _, u := range e.Unavailable {
		if u.Analysis == analysisName && (u.Code == want || u.Rule == want || strings.Contains(u.Detail, want) || u.Reason != "" && strings.Contains(u.Reason, want)) {
			return true
		}
	}
	return false
}

func evidence(r Recommendation, key string) *Evidence {
	for i := range r.Evidence {
		if r.Evidence[i].Key == key {
			return &r.Evidence[i]
		}
	}
	return nil
}

// noteCodes lists the notes' codes, space-separated.
func noteCodes(ns []Note) string {
	var cs []string
	for _, n := range ns {
		cs = append(cs, n.Code)
	}
	return strings.Join(cs, " ")
}

// noteArg returns the first argument named key among the notes' arguments (nil if none).
func noteArg(ns []Note, key string) *Arg {
	for _, n := range ns {
		for i := range n.Args {
			if n.Args[i].Key == key {
				return &n.Args[i]
			}
		}
	}
	return nil
}
