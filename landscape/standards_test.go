package landscape

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/realdata"
)

// standardsNav is the config of the standards tests: everything in sections A–H in scope,
// two branches, the region the whole country (the Tai'an export names no province or city), one
// enterprise named by the applicants of two chosen families.
const standardsNav = `industry:
  name: {en: Standards, zh: 标准}
  scope:
    codes: [A, B, C, D, E, F, G, H]
branches:
  - id: g
    name: {en: Physics, zh: 物理}
    codes: [G]
  - id: b
    name: {en: Operations and transport, zh: 作业运输}
    codes: [B]
region: {country: CN}
enterprises:
  - id: e1
    name: {en: E1, zh: 企业一}
    names: [%q, %q]
`

// pick is a family chosen for a declaration: its stored publication and its only applicant.
type pick struct{ pub, fam, name string }

// TestStandardsRealLake declares real publications of the Tai'an CNIPA export (7,384 CN
// applications) and checks the section against hand-computed figures:
//
//   - families chosen from the lake by a plain query: E1–E4 with one applicant each, an
//     enterprise, four different names; U1–U3 with one university applicant; I1 with one
//     individual; each the only publication of its family (so a declaration names one family);
//   - ETSI list: TS 36.213 ← E1, E2, E3, E4, U1, U2 and E1 again (a second row) and a number the
//     lake does not hold; LTE ← U3, I1; dSEP list: H.265 ← U1 (RAND) and a blanket for H.265;
//   - expected: TS 36.213 6 families, region (CN) 6 → share 6/6 = 1, region enterprises 4 →
//     4/6 = 0.6667; LTE 2 families and H.265 1: below the 5-family minimum, no shares; gaps (no
//     region enterprise family): LTE, H.265; enterprise e1 (the names of E1 and E2): 2 families
//     in TS 36.213 → 2/6 = 0.3333, 0 in the others, 2 overall; records 12 (10 ETSI rows: 7 + the
//     unknown number + 2 for LTE; 2 dSEP), blanket 1, named 11, matched 10 (E1 twice), unmatched
//     1; families declared in scope 8 (E1–E4, U1–U3, I1).
//
// Then every figure of the section is recomputed by a second path (standardsAudit).
func TestStandardsRealLake(t *testing.T) {
	path := realdata.File(t, "cnipa", "专利信息.xlsx")
	ctx := context.Background()
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	if _, err := ingest.Run(ctx, []string{path}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	// Choose the families with a throw-away session's raw SQL (single-publication families with
	// exactly one applicant of the wanted kind, by publication number).
	dk, err := duck.Open(ctx, lk)
	if err != nil {
		t.Fatal(err)
	}
	db0 := dk.SQL()
	choose := func(kind string, n int) []pick {
		r, err := db0.QueryContext(ctx, `WITH one AS (SELECT family_id FROM patents GROUP BY 1 HAVING count(*) = 1),
			apps AS (SELECT pub_number, count(*) AS n, min(name) AS name, min(kind) AS kind FROM parties WHERE role = 'applicant' GROUP BY 1)
			SELECT p.pub_number, p.family_id, a.name FROM patents p JOIN one USING (family_id) JOIN apps a USING (pub_number)
			JOIN classifications c USING (pub_number)
			WHERE a.n = 1 AND a.kind = ? AND c.subclass BETWEEN 'A' AND 'HZZZ'
			GROUP BY ALL ORDER BY p.pub_number`, kind)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		var out []pick
		names := map[string]bool{}
		for r.Next() && len(out) < n {
			var p pick
			if err := r.Scan(&p.pub, &p.fam, &p.name); err != nil {
				t.Fatal(err)
			}
			if !names[p.name] {
				names[p.name] = true
				out = append(out, p)
			}
		}
		if len(out) < n {
			t.Fatalf("only %d %s families", len(out), kind)
		}
		return out
	}
	E, U, I := choose("enterprise", 4), choose("university", 3), choose("individual", 1)
	dk.Close()
	etsi := "StandardBody,PublicationNumber,TechnicalStandard\n"
	for _, p := range []pick{E[0], E[1], E[2], E[3], U[0], U[1], E[0]} {
		etsi += "ETSI," + p.pub + ",TS 36.213\n"
	}
	etsi += "ETSI,US-9999999-B2,TS 36.213\n"
	etsi += fmt.Sprintf("ETSI,%s,LTE\nETSI,%s,LTE\n", U[2].pub, I[0].pub)
	dsep := "record_id,sso,patent_owner_harmonized,date,standard,licensing_commitment,blanket_type,pub_cleaned\n" +
		"1,ITU-T,Owner," + "20200102,H.265,RAND,0," + U[0].pub + "\n" +
		"2,ITU-T,Owner,20200103,H.265,RAND,3,\n"
	ef, df := filepath.Join(dir, "etsi.csv"), filepath.Join(dir, "dsep.csv")
	os.WriteFile(ef, []byte(etsi), 0o644)
	os.WriteFile(df, []byte(dsep), 0o644)
	st, err := ingest.Run(ctx, []string{ef, df}, ingest.Options{Lake: lk, MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range st.Files {
		if f.Format != "sep" {
			t.Errorf("%s read as %s", f.Path, f.Format)
		}
	}
	navPath := filepath.Join(dir, "nav.yaml")
	os.WriteFile(navPath, []byte(fmt.Sprintf(standardsNav, E[0].name, E[1].name)), 0o644)
	cfg, err := config.Load(navPath)
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
	S := m.Standards
	if got, want := S.Summary, (StandardsSummary{Records: 12, Rows: 12, Standards: 3, Blanket: 1, Named: 11, Matched: 10, Unmatched: 1,
		LakeFamilies: 8, ScopeFamilies: 8, ScopeStandards: 3}); got != want {
		t.Errorf("summary %+v, want %+v", got, want)
	}
	type row struct {
		std              string
		fams, reg, ent   int
		regShare, entSha *float64
	}
	f := func(v float64) *float64 { return &v }
	want := []row{{"TS 36.213", 6, 6, 4, f(1), f(0.6667)}, {"LTE", 2, 2, 0, nil, nil}, {"H.265", 1, 1, 0, nil, nil}}
	if len(S.ByStandard) != len(want) {
		t.Fatalf("by standard: %+v", S.ByStandard)
	}
	for i, w := range want {
		g := S.ByStandard[i]
		if g.Standard != w.std || g.Families != w.fams || g.Region != w.reg || g.RegionEnterprises != w.ent ||
			!reflect.DeepEqual(g.RegionShare, w.regShare) || !reflect.DeepEqual(g.EnterpriseShare, w.entSha) || g.Short != (w.fams < 5) {
			t.Errorf("standard %d: %+v, want %+v", i, g, w)
		}
	}
	if !reflect.DeepEqual(S.Gaps, []string{"LTE", "H.265"}) {
		t.Errorf("gaps %q", S.Gaps)
	}
	if len(S.Enterprises) != 1 || S.Enterprises[0].Families != 2 || S.Enterprises[0].Shares[0].Families != 2 ||
		!reflect.DeepEqual(S.Enterprises[0].Shares[0].Share, f(0.3333)) || S.Enterprises[0].Shares[1].Families != 0 || S.Enterprises[0].Shares[1].Share != nil {
		t.Errorf("enterprise: %+v", S.Enterprises)
	}
	// The minimum-data rule: LTE (2) and H.265 (1) are below it; the entry reports the larger.
	found := false
	for _, u := range m.Unavailable {
		if u.Rule == MinStandardFamilies.Code && u.N == 2 && u.Min == 5 {
			found = true
		}
	}
	if !found {
		t.Errorf("no below-minimum entry for the shares: %+v", m.Unavailable)
	}
	standardsAudit(t, s.DB.SQL(), m)
}

// standardsAudit recomputes the standards section from the raw rows of the standards, patents,
// parties and classifications views with plain Go (none of the production queries or temp
// tables): a declaration (not blanket) declares the family of every stored publication whose
// doc_number it names; a family is in scope with a classification in A–H (the tests' configs);
// the region holds a family with an applicant of the region's country (the party's country, or
// for the first applicant the publication's applicant_country), its enterprises when that
// applicant is an enterprise; a family is in a branch with a code of the branch's letter (g: G,
// b: B). Families are merged only within the single source here (each stored family id).
func standardsAudit(t *testing.T, db *sql.DB, m *Macro) {
	t.Helper()
	ctx := context.Background()
	q := func(query string, fn func(*sql.Rows) error) {
		t.Helper()
		r, err := db.QueryContext(ctx, query)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			if err := fn(r); err != nil {
				t.Fatal(err)
			}
		}
	}
	famOf := map[string]string{} // doc_number → family
	country := map[string]string{}
	q(`SELECT doc_number, family_id, coalesce(applicant_country, '') FROM patents`, func(r *sql.Rows) error {
		var d, f, c string
		err := r.Scan(&d, &f, &c)
		famOf[d], country[d] = f, c
		return err
	})
	inScope, branch := map[string]bool{}, map[string]map[string]bool{}
	q(`SELECT p.family_id, c.subclass FROM classifications c JOIN patents p USING (pub_number)`, func(r *sql.Rows) error {
		var f, sub string
		if err := r.Scan(&f, &sub); err != nil {
			return err
		}
		if sub != "" && sub[0] >= 'A' && sub[0] <= 'H' {
			inScope[f] = true
		}
		for _, b := range []string{"g", "b"} {
			if strings.HasPrefix(sub, strings.ToUpper(b)) {
				if branch[b] == nil {
					branch[b] = map[string]bool{}
				}
				branch[b][f] = true
			}
		}
		return nil
	})
	region, regionEnt := map[string]bool{}, map[string]bool{}
	apps := map[string]map[string]bool{} // family → applicant names
	rc := m.Meta.Region.Country
	q(`SELECT p.family_id, x.name, x.kind, coalesce(x.country, ''), x.seq, coalesce(p.applicant_country, '')
		FROM parties x JOIN patents p USING (pub_number) WHERE x.role = 'applicant' AND x.name <> ''`, func(r *sql.Rows) error {
		var f, name, kind, c, pc string
		var seq int
		if err := r.Scan(&f, &name, &kind, &c, &seq, &pc); err != nil {
			return err
		}
		if c == "" && seq == 1 {
			c = pc
		}
		if c == rc {
			region[f] = true
			if kind == "enterprise" {
				regionEnt[f] = true
			}
		}
		if apps[f] == nil {
			apps[f] = map[string]bool{}
		}
		apps[f][name] = true
		return nil
	})
	declared := map[string]map[string]bool{} // standard → families in scope
	q(`SELECT standard, coalesce(doc_number, ''), coalesce(blanket, false) FROM standards`, func(r *sql.Rows) error {
		var std, doc string
		var blanket bool
		if err := r.Scan(&std, &doc, &blanket); err != nil {
			return err
		}
		f, ok := famOf[doc]
		if blanket || doc == "" || !ok || !inScope[f] {
			return nil
		}
		if declared[std] == nil {
			declared[std] = map[string]bool{}
		}
		declared[std][f] = true
		return nil
	})
	all := map[string]bool{}
	for _, fs := range declared {
		for f := range fs {
			all[f] = true
		}
	}
	if m.Standards.Summary.ScopeFamilies != len(all) || m.Standards.Summary.ScopeStandards != len(declared) {
		t.Errorf("audit: %d families in %d standards, model %+v", len(all), len(declared), m.Standards.Summary)
	}
	for _, sh := range m.Standards.ByStandard {
		fs := declared[sh.Standard]
		reg, ent := 0, 0
		for f := range fs {
			if region[f] {
				reg++
			}
			if regionEnt[f] {
				ent++
			}
		}
		if sh.Families != len(fs) || sh.Region != reg || sh.RegionEnterprises != ent {
			t.Errorf("audit %s: %d/%d/%d, model %+v", sh.Standard, len(fs), reg, ent, sh)
		}
		if len(fs) >= MinStandardFamilies.Min {
			if sh.RegionShare == nil || math.Abs(*sh.RegionShare-float64(reg)/float64(len(fs))) > 1e-4 ||
				math.Abs(*sh.EnterpriseShare-float64(ent)/float64(len(fs))) > 1e-4 {
				t.Errorf("audit %s shares: model %v %v", sh.Standard, sh.RegionShare, sh.EnterpriseShare)
			}
		} else if sh.RegionShare != nil || sh.EnterpriseShare != nil {
			t.Errorf("audit %s: a share below the minimum", sh.Standard)
		}
		if (ent == 0) != contains(m.Standards.Gaps, sh.Standard) {
			t.Errorf("audit %s: gap %v, region enterprises %d", sh.Standard, contains(m.Standards.Gaps, sh.Standard), ent)
		}
	}
	// By applicant (whole counting) and by branch.
	perApp := map[string]map[string]bool{}
	for _, fs := range declared {
		for f := range fs {
			for a := range apps[f] {
				if perApp[a] == nil {
					perApp[a] = map[string]bool{}
				}
				perApp[a][f] = true
			}
		}
	}
	for _, a := range m.Standards.ByApplicant {
		if len(perApp[a.Name]) != a.Families {
			t.Errorf("audit applicant %s: %d, model %d", a.Name, len(perApp[a.Name]), a.Families)
		}
	}
	if len(m.Standards.ByApplicant) != min(len(perApp), StandardsTopApplicants) {
		t.Errorf("audit: %d applicants, model lists %d", len(perApp), len(m.Standards.ByApplicant))
	}
	var brs []string
	for _, b := range m.Standards.ByBranch {
		n := 0
		for f := range all {
			if branch[b.Branch][f] {
				n++
			}
		}
		if n != b.Families {
			t.Errorf("audit branch %s: %d, model %d", b.Branch, n, b.Families)
		}
		brs = append(brs, b.Branch)
	}
	sort.Strings(brs)
	for b, fs := range branch {
		n := 0
		for f := range all {
			if fs[f] {
				n++
			}
		}
		if n > 0 && !contains(brs, b) {
			t.Errorf("audit: branch %s has %d declared families, not in the model", b, n)
		}
	}
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
