package warning

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"sort"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
)

// TestWarningNumbersAudit recomputes the bulletin's headline §6 indicators on the real drones
// Lens export (drones_tac_1606_families.csv) and the Tai'an CNIPA workbook by a second, independent path, as
// landscape/audit_test.go does for the macro model: plain Go over the lake's raw rows (SELECT of
// stored columns of patents, parties, classifications and family_links; none of the production
// queries or temp tables), with the definitions of navigation.md §6 and the warning package:
//
//   - scope: publications with a classification in A–H (testdata/audit.yaml); branch g = a
//     classification in section G, b = in section B; families: stored family ids merged when they
//     share an application number or a family_links row; priority year = earliest priority (else
//     filing, else publication) date; window [From, To];
//   - a family's origin: its first applicant's country (lowest seq, then name; parties.country,
//     else the publication's applicant_country for the first applicant), else the priority office
//     of its representative publication (earliest publication date, then number) unless that is
//     a regional or international office (EP, WO, IB …: no country); CN = domestic, another code
//     = foreign, none = unknown;
//   - the population: window families with an invention publication in scope and an invention
//     publication at the office CN (any member of the family);
//   - reserve = D / F (whole families); growth lag = CAGR_D / CAGR_F, each (N_end / N_start)^(1/5)
//     − 1 over the population's families per priority year, end = the last complete year; weak leaders = Σ top-10 domestic / Σ top-10 foreign
//     applicants by fractional families (1/k) over the population, an applicant's country being
//     its most frequent one over its family mentions (ties alphabetical); portfolio = (top-3 /
//     top-10 domestic) ÷ (top-3 / top-10 foreign); market barrier = window families with a member
//     at US, EP or JP / all window families.
//
// Tolerances: counts exact; fractional top-10 sums 1e-6 (summed in a different order); ratios
// 5e-5 (the bulletin rounds them to 4 decimals). Skips without ../shared/data/real.
func TestWarningNumbersAudit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, c := range []struct{ sub, file string }{
		{"lens", "drones_tac_1606_families.csv"},
		{"cnipa", "专利信息.xlsx"}, // Tai'an: every applicant domestic, so the D/F ratios are withheld
	} {
		t.Run(c.file, func(t *testing.T) {
			auditWarning(t, filepath.Join(realdata.Require(t, c.sub), c.file))
		})
	}
}

func auditWarning(t *testing.T, path string) {
	cfg, err := config.Load("testdata/audit.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = filepath.Join(t.TempDir(), "lake")
	ingestFiles(t, cfg.Lake, path)
	ctx := context.Background()
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bl, err := Build(ctx, s, nil, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
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
		pub, fam, app, office, doc, prioOffice, appCountry, pubKey string
		first                                                      sql.NullTime
	}
	var all []*pubRow
	rows(`SELECT pub_number, family_id, app_number, jurisdiction, doc_type, priority_office, applicant_country, priority_date, app_date, pub_date FROM patents`, func(r *sql.Rows) error {
		var p pubRow
		var app, office, doc, po, ac sql.NullString
		var prio, appd, pubd sql.NullTime
		if err := r.Scan(&p.pub, &p.fam, &app, &office, &doc, &po, &ac, &prio, &appd, &pubd); err != nil {
			return err
		}
		p.app, p.office, p.doc, p.prioOffice, p.appCountry = app.String, office.String, doc.String, po.String, ac.String
		p.pubKey = "9999"
		if pubd.Valid {
			p.pubKey = pubd.Time.Format("2006-01-02")
		}
		p.pubKey += p.pub
		for _, d := range []sql.NullTime{prio, appd, pubd} {
			if d.Valid {
				p.first = d
				break
			}
		}
		all = append(all, &p)
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
	for _, p := range all {
		if !inScope[p.pub] {
			continue
		}
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
		py                   int
		invention, officeInv bool
		rep                  *pubRow
		offices, branches    map[string]bool
		apps                 map[string]int // name → lowest seq
		country              string
	}
	fams := map[string]*family{}
	famOf := map[string]string{}
	pubOf := map[string]*pubRow{}
	for _, p := range all {
		pubOf[p.pub] = p
		if !inScope[p.pub] {
			continue
		}
		k := find(p.fam)
		famOf[p.pub] = k
		f := fams[k]
		if f == nil {
			f = &family{offices: map[string]bool{}, branches: map[string]bool{}, apps: map[string]int{}}
			fams[k] = f
		}
		if p.first.Valid && (f.py == 0 || p.first.Time.Year() < f.py) {
			f.py = p.first.Time.Year()
		}
		f.invention = f.invention || p.doc == "invention"
		if f.rep == nil || p.pubKey < f.rep.pubKey {
			f.rep = p
		}
		for br := range pubBranch[p.pub] {
			f.branches[br] = true
		}
	}
	// Offices and the office's inventions over every member of the family (in scope or not).
	for _, p := range all {
		if _, ok := parent[p.fam]; !ok {
			continue
		}
		f := fams[find(p.fam)]
		if f == nil {
			continue
		}
		f.offices[p.office] = true
		f.officeInv = f.officeInv || p.office == "CN" && p.doc == "invention"
	}
	for k, f := range fams {
		if f.py < s.From || f.py > s.To {
			delete(fams, k)
		}
	}
	// Applicants: distinct names per family; the first applicant's country decides the origin.
	type mention struct {
		seq           int
		name, country string
	}
	first := map[string]mention{}
	country := map[string]map[string]int{} // applicant → country → family mentions
	type appKey struct{ fam, name string }
	mentionCC := map[appKey]mention{} // the applicant's earliest mention in the family (seq, then publication)
	mentionPub := map[appKey]string{}
	rows(`SELECT pub_number, seq, name, country FROM parties WHERE role = 'applicant'`, func(r *sql.Rows) error {
		var pub string
		var seq sql.NullInt64
		var name, cc sql.NullString
		if err := r.Scan(&pub, &seq, &name, &cc); err != nil {
			return err
		}
		k := famOf[pub]
		if fams[k] == nil || name.String == "" {
			return nil
		}
		c := cc.String
		if c == "" && seq.Int64 == 1 {
			c = pubOf[pub].appCountry
		}
		key := appKey{k, name.String}
		m, seen := mentionCC[key]
		if !seen || int(seq.Int64) < m.seq || int(seq.Int64) == m.seq && pub < mentionPub[key] {
			mentionCC[key] = mention{int(seq.Int64), name.String, c}
			mentionPub[key] = pub
		}
		return nil
	})
	for key, m := range mentionCC {
		f := fams[key.fam]
		f.apps[m.name] = m.seq
		if m.country != "" {
			if country[m.name] == nil {
				country[m.name] = map[string]int{}
			}
			country[m.name][m.country]++
		}
		fm, ok := first[key.fam]
		if m.country != "" && (!ok || m.seq < fm.seq || m.seq == fm.seq && m.name < fm.name) {
			first[key.fam] = m
		}
	}
	for k, f := range fams {
		f.country = first[k].country
		if f.country == "" && !regionalOffice[f.rep.prioOffice] {
			f.country = f.rep.prioOffice
		}
	}
	appCC := map[string]string{}
	for n, m := range country {
		best, bn := "", -1
		cs := make([]string, 0, len(m))
		for c := range m {
			cs = append(cs, c)
		}
		sort.Strings(cs)
		for _, c := range cs {
			if m[c] > bn {
				best, bn = c, m[c]
			}
		}
		appCC[n] = best
	}

	near := func(what string, got *float64, want float64) {
		t.Helper()
		if got == nil {
			t.Errorf("%s: model undefined, audit %v", what, want)
		} else if math.Abs(*got-want) > 5e-5 {
			t.Errorf("%s: model %v, audit %v", what, *got, want)
		}
	}
	for _, sc := range []string{"", "g", "b"} {
		D, F, U := 0.0, 0.0, 0.0
		dy, fy := map[int]float64{}, map[int]float64{}
		frac := map[string]float64{}
		for _, f := range fams {
			if !f.invention || !f.officeInv || sc != "" && !f.branches[sc] {
				continue
			}
			switch f.country {
			case "CN":
				D++
				dy[f.py]++
			case "":
				U++
			default:
				F++
				fy[f.py]++
			}
			for n := range f.apps {
				frac[n] += 1 / float64(len(f.apps))
			}
		}
		var dom, forn []float64
		for n, v := range frac {
			switch c := appCC[n]; {
			case c == "CN":
				dom = append(dom, v)
			case c != "":
				forn = append(forn, v)
			}
		}
		sort.Sort(sort.Reverse(sort.Float64Slice(dom)))
		sort.Sort(sort.Reverse(sort.Float64Slice(forn)))
		t10d, t10f, t3d, t3f := topSum(dom, 10), topSum(forn, 10), topSum(dom, 3), topSum(forn, 3)

		r := ind(t, bl, KindReserve, sc)
		if numOf(t, r.Numbers, "domestic") != D || numOf(t, r.Numbers, "foreign") != F || numOf(t, r.Numbers, "unknown_origin") != U {
			t.Errorf("reserve %q numbers: model %+v, audit domestic %v foreign %v unknown %v", sc, r.Numbers, D, F, U)
		}
		switch {
		case F == 0 && r.Value != nil:
			t.Errorf("reserve %q printed without foreign families: %v", sc, *r.Value)
		case r.Value != nil || F > 0 && r.Reason == "":
			near("reserve "+sc, r.Value, D/F)
		}
		// Growth lag: CAGR over the 5 years ending at the last complete year (within the window),
		// domestic / foreign, each (N_end / N_start)^(1/5) − 1.
		end := min(bl.Meta.LastComplete, s.To)
		g := ind(t, bl, KindGrowthLag, sc)
		if numOf(t, g.Numbers, "cagr_to") != float64(end) || numOf(t, g.Numbers, "cagr_from") != float64(end-5) ||
			numOf(t, g.Numbers, "domestic_start") != dy[end-5] || numOf(t, g.Numbers, "domestic_end") != dy[end] ||
			numOf(t, g.Numbers, "foreign_start") != fy[end-5] || numOf(t, g.Numbers, "foreign_end") != fy[end] {
			t.Errorf("growth lag %q numbers: model %+v, audit %d–%d domestic %v→%v foreign %v→%v", sc, g.Numbers, end-5, end, dy[end-5], dy[end], fy[end-5], fy[end])
		}
		gd := math.Pow(dy[end]/dy[end-5], 0.2) - 1
		gf := math.Pow(fy[end]/fy[end-5], 0.2) - 1
		switch {
		case g.Reason == "few_families":
			// A branch below MinBranchFamilies: withheld whatever the rates.
		case fy[end-5] > 0 && dy[end-5] > 0 && gf > 0:
			near("growth lag "+sc, g.Value, gd/gf)
		case fy[end-5] > 0 && dy[end-5] > 0:
			// A foreign rate ≤ 0 makes the ratio unreadable: withheld, with the reason.
			if g.Value != nil || g.Reason != "foreign_not_positive" {
				t.Errorf("growth lag %q with foreign CAGR %.4f: value %v, reason %q", sc, gf, g.Value, g.Reason)
			}
		default:
			if g.Value != nil {
				t.Errorf("growth lag %q from a zero start year: %v", sc, *g.Value)
			}
		}
		w := ind(t, bl, KindWeakLeaders, sc)
		if math.Abs(numOf(t, w.Numbers, "top10_domestic")-t10d) > 1e-6 || math.Abs(numOf(t, w.Numbers, "top10_foreign")-t10f) > 1e-6 ||
			numOf(t, w.Numbers, "domestic_applicants") != float64(len(dom)) || numOf(t, w.Numbers, "foreign_applicants") != float64(len(forn)) {
			t.Errorf("weak leaders %q numbers: model %+v, audit top-10 %v / %v of %d / %d applicants", sc, w.Numbers, t10d, t10f, len(dom), len(forn))
		}
		if w.Value != nil {
			near("weak leaders "+sc, w.Value, t10d/t10f)
		}
		p := ind(t, bl, KindPortfolio, sc)
		if p.Value != nil {
			near("portfolio concentration "+sc, p.Value, (t3d/t10d)/(t3f/t10f))
		}
		// Market barrier over all window families of the scope (every type).
		n, hit := 0, 0
		for _, f := range fams {
			if sc != "" && !f.branches[sc] {
				continue
			}
			n++
			if f.offices["US"] || f.offices["EP"] || f.offices["JP"] {
				hit++
			}
		}
		m := ind(t, bl, KindMarketBarrier, sc)
		if numOf(t, m.Numbers, "families") != float64(n) || numOf(t, m.Numbers, "families_barrier") != float64(hit) {
			t.Errorf("market barrier %q numbers: model %+v, audit %d of %d", sc, m.Numbers, hit, n)
		}
		if m.Value != nil {
			near("market barrier "+sc, m.Value, float64(hit)/float64(n))
		}
		t.Logf("%q: reserve %v/%v (unknown %v, value %v), growth lag value %v (%d–%d: domestic %v→%v, foreign %v→%v), top-10 %.2f/%.2f of %d/%d applicants (value %v), market barrier %d/%d",
			sc, D, F, U, r.Value != nil, g.Value != nil, end-5, end, dy[end-5], dy[end], fy[end-5], fy[end], t10d, t10f, len(dom), len(forn), w.Value != nil, hit, n)
	}
}

// regionalOffice: WIPO ST.3 codes of regional and international offices, which name no country.
var regionalOffice = map[string]bool{"WO": true, "EP": true, "EA": true, "AP": true, "OA": true, "GC": true, "EM": true,
	"IB": true, "XN": true, "XV": true, "QZ": true, "XU": true, "EU": true}
