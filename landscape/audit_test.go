package landscape

import (
	"context"
	"database/sql"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/realdata"
)

// TestNumbersAudit recomputes the macro model's headline figures on real exports by a second,
// independent path: plain Go over the lake's raw rows (SELECT of stored columns of patents,
// parties, classifications and family_links, none of the production queries or temp tables),
// with the documented definitions (docs/schema.md, navigation.md §5):
//
//   - scope: publications with a classification in sections A–H (testdata/audit/nav.yaml);
//     families: the stored family ids, merged when they share an application number or a
//     family_links row (union–find);
//   - priority year: the year of the earliest priority (else filing, else publication) date over
//     the family's in-scope publications; trend = families per priority year;
//   - CAGR over the model's window: (N_end / N_start)^(1/years) − 1, withheld below 10 families
//     in an end year (landscape.MinGrowthEndYear);
//   - applicants: distinct applicant names per family, weight 1/k; HHI = Σ (share in %)²,
//     CR4/CR8 = sum of the top shares, withheld below 5 applicants;
//   - legal status: the best of the members' (alive > pending > lapsed > unknown);
//   - inventor h-index: the largest h with h of the inventor's families (priority year in the
//     window) each reported cited ≥ h times (the family's largest source-reported count).
//
// Tolerances: counts exact; fractional applicant counts 0.006 (the model rounds to 2 decimals);
// shares and CAGR 1e-4 (4 decimals); HHI 0.06 (1 decimal). Skips without ../shared/data/real.
func TestNumbersAudit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	for _, c := range auditExports {
		t.Run(c.file, func(t *testing.T) {
			dir := realdata.Require(t, c.sub)
			path := dir
			if c.file != c.sub {
				path = filepath.Join(dir, c.file)
			}
			audit(t, path, c)
		})
	}
}

func audit(t *testing.T, path string, ex auditExport) {
	ctx := context.Background()
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(ctx, []string{path}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/audit/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	if ex.region.Country != "" {
		cfg.Region = ex.region
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	m, err := BuildMacro(ctx, s)
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

	// Scope: publications with a classification in A–H.
	inScope := map[string]bool{}
	rows(`SELECT pub_number, subclass FROM classifications`, func(r *sql.Rows) error {
		var pub string
		var sub sql.NullString
		if err := r.Scan(&pub, &sub); err != nil {
			return err
		}
		if sub.Valid && sub.String != "" && sub.String[0] >= 'A' && sub.String[0] <= 'H' {
			inScope[pub] = true
		}
		return nil
	})
	type pubRow struct {
		fam, app, status   string
		first              sql.NullTime
		granted, invention bool
		cited              int64
	}
	pubs := map[string]*pubRow{}
	all := map[string]*rawPub{}
	rows(`SELECT pub_number, family_id, app_number, priority_date, app_date, pub_date, grant_date, legal_status, doc_type, cited_by_count,
	             jurisdiction, doc_number, url, granted, claims_count, cites_count, family_size, priority_office,
	             applicant_country, applicant_province, applicant_city, transfer_count, licence_count, pledge_count FROM patents`, func(r *sql.Rows) error {
		var pub, fam string
		var app, status, doc sql.NullString
		var prio, appd, pubd, grant sql.NullTime
		var cited sql.NullInt64
		rp := &rawPub{}
		if err := r.Scan(&pub, &fam, &app, &prio, &appd, &pubd, &grant, &status, &doc, &cited,
			&rp.office, &rp.doc, &rp.url, &rp.granted, &rp.claims, &rp.cites, &rp.size, &rp.prioOffice,
			&rp.country, &rp.province, &rp.city, &rp.transfers, &rp.licences, &rp.pledges); err != nil {
			return err
		}
		rp.pub, rp.fam, rp.appDate, rp.pubDate, rp.grantDate, rp.cited, rp.status, rp.docType = pub, fam, appd, pubd, grant, cited, status.String, doc.String
		rp.granted.Bool = rp.granted.Bool || grant.Valid // a family is granted when a member shows a grant or a grant date
		all[pub] = rp
		if !inScope[pub] {
			return nil
		}
		p := &pubRow{fam: fam, app: app.String, status: status.String, granted: rp.granted.Bool, invention: doc.String == "invention", cited: max(cited.Int64, 0)}
		for _, d := range []sql.NullTime{prio, appd, pubd} {
			if d.Valid {
				p.first = d
				break
			}
		}
		pubs[pub] = p
		return nil
	})
	// Families: union–find over family ids sharing an application number or a link.
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
		py                 int
		granted, invention bool
		status             string
		cited              int64
	}
	rank := map[string]int{"alive": 4, "pending": 3, "lapsed": 2}
	fams := map[string]*family{}
	famOf := map[string]string{}
	for pub, p := range pubs {
		k := find(p.fam)
		famOf[pub] = k
		f := fams[k]
		if f == nil {
			f = &family{status: "unknown"}
			fams[k] = f
		}
		if p.first.Valid && (f.py == 0 || p.first.Time.Year() < f.py) {
			f.py = p.first.Time.Year()
		}
		f.granted = f.granted || p.granted
		f.invention = f.invention || p.invention
		if rank[p.status] > rank[f.status] {
			f.status = p.status
		}
		f.cited = max(f.cited, p.cited)
	}
	if m.Scope.Publications != len(pubs) || m.Scope.Families != len(fams) {
		t.Errorf("scope: model %d publications %d families; audit %d, %d", m.Scope.Publications, m.Scope.Families, len(pubs), len(fams))
	}
	inWindow := func(f *family) bool { return f.py >= m.Meta.From && f.py <= m.Meta.To }

	// Trend.
	perYear := map[int]float64{}
	for _, f := range fams {
		if inWindow(f) {
			perYear[f.py]++
		}
	}
	for _, p := range m.Trend.Series {
		if p.N != perYear[p.Year] {
			t.Errorf("trend %d: model %v, audit %v", p.Year, p.N, perYear[p.Year])
		}
	}
	if c := m.Trend.CAGR; c != nil {
		a, z := perYear[m.Trend.CAGRFrom], perYear[m.Trend.CAGRTo]
		want := math.Pow(z/a, 1/float64(m.Trend.CAGRTo-m.Trend.CAGRFrom)) - 1
		if math.Abs(*c-want) > 1e-4 || min(a, z) < float64(MinGrowthEndYear.Min) {
			t.Errorf("CAGR %d–%d: model %v, audit %v (end years %v, %v)", m.Trend.CAGRFrom, m.Trend.CAGRTo, *c, want, a, z)
		}
	}

	// Applicants, fractional, over families in the window.
	famApps := map[string]map[string]bool{}
	famInv := map[string]map[string]bool{}
	rows(`SELECT pub_number, role, name FROM parties WHERE role IN ('applicant', 'inventor')`, func(r *sql.Rows) error {
		var pub, role string
		var name sql.NullString
		if err := r.Scan(&pub, &role, &name); err != nil {
			return err
		}
		k, ok := famOf[pub]
		if !ok || name.String == "" || !inWindow(fams[k]) {
			return nil
		}
		target := famApps
		if role == "inventor" {
			target = famInv
		}
		if target[k] == nil {
			target[k] = map[string]bool{}
		}
		target[k][name.String] = true
		return nil
	})
	frac, whole := map[string]float64{}, map[string]int{}
	for _, names := range famApps {
		for n := range names {
			frac[n] += 1 / float64(len(names))
			whole[n]++
		}
	}
	for _, a := range m.Applicants.Top {
		if math.Abs(a.Families-frac[a.Name]) > 0.006 || a.Whole != whole[a.Name] {
			t.Errorf("applicant %s: model %v (%d whole), audit %v (%d)", a.Name, a.Families, a.Whole, frac[a.Name], whole[a.Name])
		}
	}
	var shares []float64
	total := 0.0
	for _, v := range frac {
		total += v
	}
	for _, v := range frac {
		shares = append(shares, v/total)
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(shares)))
	c := m.Applicants.Concentration
	if len(shares) < MinConcentration.Min {
		if c.HHI != 0 || c.Band != "undefined" {
			t.Errorf("concentration of %d applicants not withheld: %+v", len(shares), c)
		}
	} else {
		hhi, cr4, cr8 := 0.0, 0.0, 0.0
		for i, x := range shares {
			hhi += (100 * x) * (100 * x)
			if i < 4 {
				cr4 += x
			}
			if i < 8 {
				cr8 += x
			}
		}
		if math.Abs(c.HHI-hhi) > 0.06 || math.Abs(c.CR4-cr4) > 1e-4 || math.Abs(c.CR8-cr8) > 1e-4 || c.N != len(shares) {
			t.Errorf("concentration: model %+v, audit HHI %.2f CR4 %.4f CR8 %.4f N %d", c, hhi, cr4, cr8, len(shares))
		}
	}

	// Legal status and the grant rate's availability.
	status := map[string]float64{}
	granted, refused := 0, 0
	for _, f := range fams {
		if !inWindow(f) {
			continue
		}
		status[f.status]++
		if f.invention && f.granted {
			granted++
		}
		if f.invention && !f.granted && f.status == "lapsed" {
			refused++
		}
	}
	for _, s := range m.Legal.Status {
		if s.N != status[s.Key] {
			t.Errorf("legal status %s: model %v, audit %v", s.Key, s.N, status[s.Key])
		}
	}
	known := len(status) > 1 || status["unknown"] == 0
	switch {
	case !known || granted+refused < MinGrantRate.Min:
		if m.Legal.GrantRate != nil {
			t.Errorf("grant rate %v printed without legal status or below the minimum (%d decided)", *m.Legal.GrantRate, granted+refused)
		}
	default:
		want := float64(granted) / float64(granted+refused)
		if m.Legal.GrantRate == nil || math.Abs(*m.Legal.GrantRate-want) > 1e-4 {
			t.Errorf("grant rate: model %v, audit %v", m.Legal.GrantRate, want)
		}
	}

	// Inventors: families and h-index of the model's top inventors.
	invFams := map[string][]int64{}
	for k, names := range famInv {
		for n := range names {
			invFams[n] = append(invFams[n], fams[k].cited)
		}
	}
	hSeen := 0
	for _, in := range m.Inventors.Top {
		cites := invFams[in.Name]
		sort.Slice(cites, func(i, j int) bool { return cites[i] > cites[j] })
		h := 0
		for h < len(cites) && cites[h] >= int64(h+1) {
			h++
		}
		if in.Families != len(cites) || in.HIndex != h {
			t.Errorf("inventor %s: model %d families h %d, audit %d families h %d", in.Name, in.Families, in.HIndex, len(cites), h)
		}
		hSeen = max(hSeen, h)
	}
	cagr := "withheld"
	if m.Trend.CAGR != nil {
		cagr = strconv.FormatFloat(*m.Trend.CAGR, 'f', 4, 64)
	}
	t.Logf("%s: %d publications, %d families, %d applicants, cut-off %q (%s), CAGR %s, top inventor h-index up to %d, %d unavailable",
		filepath.Base(path), len(pubs), len(fams), len(frac), m.Meta.Cutoff, m.Scope.CutoffFrom, cagr, hSeen, len(m.Unavailable))

	pyOf := map[string]int{}
	for k, f := range fams {
		pyOf[k] = f.py
	}
	auditFigures(t, &auditState{ctx: ctx, path: path, ex: ex, cfg: cfg, m: m, rows: rows, all: all, inScope: inScope,
		famOf: famOf, py: pyOf, find: find})
}
