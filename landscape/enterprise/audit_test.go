package enterprise

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"sort"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
)

// TestEnterpriseNumbersAudit recomputes the enterprise model's headline figures on the real drones
// Lens export (drones_tac_1606_families.csv) and the Tai'an CNIPA workbook by a second, independent path, as
// landscape/audit_test.go does for the macro model: plain Go over the lake's raw rows (SELECT of
// stored columns of patents, parties, classifications and family_links; none of the production
// queries or temp tables), with the definitions documented in doc.go:
//
//   - scope: publications with a classification in sections A–H (testdata/audit.yaml); branch g
//     = a classification in section G, branch b = in section B; families: stored family ids merged
//     when they share an application number or a family_links row (union–find); priority year =
//     year of the earliest priority (else filing, else publication) date; window [From, To];
//   - applicants: distinct names per family, weight 1/k. The audit configures two enterprises
//     from its own ranking: "top" = the applicant with the most fractional families, "pair" =
//     the second and third merged (two names, one entity);
//   - families = Σ 1/k over its families (names merged: a family with two of its names counts
//     2/k), whole = families it (co-)owns; share = families / the window's families with
//     applicants; rank = 1 + the other applicants with strictly more fractional families;
//   - granted = its whole families with a grant date on an in-scope publication; status = the
//     best of the members' (alive > pending > lapsed > unknown), counted over whole families;
//   - branch families N_eb = Σ of its weights over families in the branch; RTA = (N_eb / Σ_b
//     N_eb) / (N_b / Σ_b N_b), N_b = the branch's families with applicants (the whole industry,
//     enterprise included: indicators.RTA on its row and the rest);
//   - offices: its families with an in-scope publication at each office (share of its whole
//     families) against the industry's (share of all the window's families).
//
// Tolerances: counts exact; fractional families 0.006 (the model rounds to 2 decimals); shares
// 5.1e-5 (rounded to 4 decimals); RTA 5.1e-4 (rounded to 3 decimals). Skips without ../shared/data/real.
func TestEnterpriseNumbersAudit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, c := range []struct{ sub, file string }{
		{"lens", "drones_tac_1606_families.csv"},
		{"cnipa", "专利信息.xlsx"}, // Tai'an: 7,384 CN applications, no publication dates
	} {
		t.Run(c.file, func(t *testing.T) {
			auditEnterprise(t, filepath.Join(realdata.Require(t, c.sub), c.file))
		})
	}
}

func auditEnterprise(t *testing.T, path string) {
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{path}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/audit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db := s.DB.SQL()
	rows := func(q string, fn func(*sql.Rows) error) {
		t.Helper()
		r, err := db.QueryContext(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		for r.Next() {
			if err := fn(r); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
	}

	// Scope and branches: publications with a classification in A–H; branch = section G or B.
	inScope := map[string]bool{}
	pubBranch := map[string]map[string]bool{}
	rows(`SELECT pub_number, subclass FROM classifications`, func(r *sql.Rows) error {
		var pub string
		var sub sql.NullString
		if err := r.Scan(&pub, &sub); err != nil {
			return err
		}
		if !sub.Valid || sub.String == "" || sub.String[0] < 'A' || sub.String[0] > 'H' {
			return nil
		}
		inScope[pub] = true
		if br := map[byte]string{'G': "g", 'B': "b"}[sub.String[0]]; br != "" {
			if pubBranch[pub] == nil {
				pubBranch[pub] = map[string]bool{}
			}
			pubBranch[pub][br] = true
		}
		return nil
	})
	type pubRow struct {
		fam, app, status, office string
		first                    sql.NullTime
		granted                  bool
	}
	pubs := map[string]*pubRow{}
	rows(`SELECT pub_number, family_id, app_number, jurisdiction, priority_date, app_date, pub_date, grant_date, legal_status FROM patents`, func(r *sql.Rows) error {
		var pub, fam string
		var app, office, status sql.NullString
		var prio, appd, pubd, grant sql.NullTime
		if err := r.Scan(&pub, &fam, &app, &office, &prio, &appd, &pubd, &grant, &status); err != nil {
			return err
		}
		if !inScope[pub] {
			return nil
		}
		p := &pubRow{fam: fam, app: app.String, office: office.String, status: status.String, granted: grant.Valid}
		for _, d := range []sql.NullTime{prio, appd, pubd} {
			if d.Valid {
				p.first = d
				break
			}
		}
		pubs[pub] = p
		return nil
	})
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			r := find(p)
			parent[x] = r
			return r
		}
		parent[x] = x
		return x
	}
	union := func(a, b string) {
		ra, rb := find(a), find(b)
		if ra != rb {
			if ra > rb {
				ra, rb = rb, ra
			}
			parent[rb] = ra
		}
	}
	byApp := map[string]string{}
	for _, p := range pubs {
		find(p.fam)
		if p.app != "" {
			if f, ok := byApp[p.app]; ok {
				union(f, p.fam)
			} else {
				byApp[p.app] = p.fam
			}
		}
	}
	rows(`SELECT family_id, linked_family_id FROM family_links`, func(r *sql.Rows) error {
		var a, b string
		if err := r.Scan(&a, &b); err != nil {
			return err
		}
		_, okA := parent[a]
		_, okB := parent[b]
		if okA || okB {
			union(a, b)
		}
		return nil
	})
	type family struct {
		py       int
		granted  bool
		status   string
		offices  map[string]bool
		branches map[string]bool
		apps     map[string]bool
	}
	rank := map[string]int{"alive": 4, "pending": 3, "lapsed": 2}
	fams := map[string]*family{}
	famOf := map[string]string{}
	for pub, p := range pubs {
		k := find(p.fam)
		famOf[pub] = k
		f := fams[k]
		if f == nil {
			f = &family{status: "unknown", offices: map[string]bool{}, branches: map[string]bool{}, apps: map[string]bool{}}
			fams[k] = f
		}
		if p.first.Valid && (f.py == 0 || p.first.Time.Year() < f.py) {
			f.py = p.first.Time.Year()
		}
		f.granted = f.granted || p.granted
		if rank[p.status] > rank[f.status] {
			f.status = p.status
		}
		if p.office != "" {
			f.offices[p.office] = true
		}
		for br := range pubBranch[pub] {
			f.branches[br] = true
		}
	}
	// Keep the window's families only.
	for k, f := range fams {
		if f.py < s.From || f.py > s.To {
			delete(fams, k)
		}
	}
	rows(`SELECT pub_number, name FROM parties WHERE role = 'applicant'`, func(r *sql.Rows) error {
		var pub string
		var name sql.NullString
		if err := r.Scan(&pub, &name); err != nil {
			return err
		}
		if f := fams[famOf[pub]]; f != nil && name.String != "" {
			f.apps[name.String] = true
		}
		return nil
	})
	frac := map[string]float64{}
	withApp := 0
	brWithApp := map[string]float64{}
	indOffice := map[string]int{}
	for _, f := range fams {
		for o := range f.offices {
			indOffice[o]++
		}
		if len(f.apps) == 0 {
			continue
		}
		withApp++
		for br := range f.branches {
			brWithApp[br]++
		}
		for n := range f.apps {
			frac[n] += 1 / float64(len(f.apps))
		}
	}
	names := make([]string, 0, len(frac))
	for n := range frac {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		if frac[names[i]] != frac[names[j]] {
			return frac[names[i]] > frac[names[j]]
		}
		return names[i] < names[j]
	})
	if len(names) < 3 || frac[names[0]] == frac[names[1]] {
		t.Fatalf("audit needs a clear top applicant: %v", names[:min(3, len(names))])
	}
	ents := map[string][]string{"top": {names[0]}, "pair": {names[1], names[2]}}
	s.Cfg.Enterprises = []config.Enterprise{
		{ID: "top", Name: config.Text{En: names[0]}, Names: ents["top"]},
		{ID: "pair", Name: config.Text{En: names[1] + " + " + names[2]}, Names: ents["pair"]},
	}
	es, err := Build(ctx, s, nil, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(es) != 2 {
		t.Fatalf("%d enterprises, want 2", len(es))
	}
	for _, e := range es {
		own := map[string]bool{}
		for _, n := range ents[e.ID] {
			own[n] = true
		}
		// Independent figures of the entity.
		var fam float64
		whole, granted := 0, 0
		status := map[string]float64{}
		brFam := map[string]float64{}
		office := map[string]int{}
		for _, f := range fams {
			w := 0.0
			for n := range f.apps {
				if own[n] {
					w += 1 / float64(len(f.apps))
				}
			}
			if w == 0 {
				continue
			}
			fam += w
			whole++
			if f.granted {
				granted++
			}
			status[f.status]++
			for br := range f.branches {
				brFam[br] += w
			}
			for o := range f.offices {
				office[o]++
			}
		}
		rk := 1
		for n, v := range frac {
			if !own[n] && v > fam {
				rk++
			}
		}
		p := e.Portfolio
		if math.Abs(p.Families-fam) > 0.006 || p.Whole != whole || p.Rank != rk || math.Abs(p.Share-fam/float64(withApp)) > 5.1e-5 || p.Granted != granted {
			t.Errorf("%s: model families %v whole %d rank %d share %v granted %d; audit %.4f %d %d %.4f %d",
				e.ID, p.Families, p.Whole, p.Rank, p.Share, p.Granted, fam, whole, rk, fam/float64(withApp), granted)
		}
		for _, c := range p.Status {
			if c.N != status[c.Key] {
				t.Errorf("%s: status %s: model %v, audit %v", e.ID, c.Key, c.N, status[c.Key])
			}
		}
		// Branch families and RTA over the level's branches g and b.
		sumE, sumB := brFam["g"]+brFam["b"], brWithApp["g"]+brWithApp["b"]
		seen := 0
		for _, br := range e.Branches {
			if br.ID != "g" && br.ID != "b" {
				continue
			}
			seen++
			if math.Abs(br.Families-brFam[br.ID]) > 0.006 || br.IndustryFamilies != brWithApp[br.ID] {
				t.Errorf("%s: branch %s: model %v of %v, audit %.4f of %v", e.ID, br.ID, br.Families, br.IndustryFamilies, brFam[br.ID], brWithApp[br.ID])
			}
			want := (brFam[br.ID] / sumE) / (brWithApp[br.ID] / sumB)
			if br.RTA == nil || math.Abs(*br.RTA-want) > 5.1e-4 {
				t.Errorf("%s: RTA %s: model %v, audit %.4f", e.ID, br.ID, br.RTA, want)
			}
		}
		if seen != 2 {
			t.Errorf("%s: branches %+v, want g and b", e.ID, e.Branches)
		}
		// Offices: every listed office (the model lists the top 15 by families).
		if len(e.Markets.Offices) == 0 && len(office) > 0 {
			t.Errorf("%s: no offices listed, audit %v", e.ID, office)
		}
		for i, o := range e.Markets.Offices {
			ind := float64(indOffice[o.Office]) / float64(len(fams))
			if o.Families != office[o.Office] || math.Abs(o.Share-float64(office[o.Office])/float64(whole)) > 5.1e-5 || math.Abs(o.IndustryShare-ind) > 5.1e-5 {
				t.Errorf("%s: office %s: model %+v, audit %d families, industry share %.4f", e.ID, o.Office, o, office[o.Office], ind)
			}
			if i > 0 && o.Families > e.Markets.Offices[i-1].Families {
				t.Errorf("%s: offices not in order: %+v", e.ID, e.Markets.Offices)
			}
		}
		t.Logf("%s %q: %.2f families (%d whole), share %.4f, rank %d, granted %d, status %v, branches g %.2f b %.2f, offices %v",
			e.ID, ents[e.ID], fam, whole, fam/float64(withApp), rk, granted, status, brFam["g"], brFam["b"], office)
	}
}
