package landscape

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"encoding/csv"

	"github.com/patnav/patnav/analysis/indicators"
	"github.com/patnav/patnav/internal/config"
)

// auditExport is one real export the numbers audit reads, with the region it is audited with.
type auditExport struct {
	sub, file string        // folder under ../shared/data/real and file (file == sub: the whole folder)
	region    config.Region // empty: nav.yaml's (山东 / 泰安)
	lensRaw   bool          // a Lens CSV: the priority claims' dates are read again from the file itself
}

// auditExports: the drones Lens export (region CN, a whole country), the Tai'an CNIPA workbook
// (the region of nav.yaml, which the workbook cannot place: no province data), the USPTO XML
// samples (region US / CA: applicant states, in-lake citations and claim counts) and the
// Espacenet pizza export (region KR: in-lake citations).
var auditExports = []auditExport{
	{sub: "lens", file: "drones_tac_1606_families.csv", region: config.Region{Country: "CN"}, lensRaw: true},
	{sub: "cnipa", file: "专利信息.xlsx"}, // Tai'an: 7,384 CN applications, no publication dates
	{sub: "uspto_xml", file: "uspto_xml", region: config.Region{Country: "US", Province: "CA"}},
	{sub: "espacenet", file: "pizza_sliced_20132014_274.csv", region: config.Region{Country: "KR"}},
}

// rawPub is one stored row of patents, as the lake's view gives it.
type rawPub struct {
	pub, fam, status, docType                             string
	office, doc, url, prioOffice, country, province, city sql.NullString
	appDate, pubDate, grantDate                           sql.NullTime
	granted                                               sql.NullBool
	cited, claims, cites, size, transfers, licences       sql.NullInt64
	pledges                                               sql.NullInt64
}

// auditFam is a family's facts over its in-scope publications.
type auditFam struct {
	offices                      map[string]bool // in-scope publications' offices
	firstPub, appDate, grantDate sql.NullTime
	granted, invention, operated bool
	status                       string
	claims, cites, size, cited   sql.NullInt64
	rep                          *rawPub
	subs                         map[string]bool
	mainSub                      string
	mainIsMain                   bool
}

// auditApplicant is one applicant of a family: its lowest seq and its earliest mention's place
// and kind (the earliest that states each).
type auditApplicant struct {
	seq                           int
	country, province, city, kind string
	cKey, pKey, ciKey, kKey       string
}

type auditState struct {
	ctx     context.Context
	path    string
	ex      auditExport
	cfg     *config.Config
	m       *Macro
	rows    func(string, func(*sql.Rows) error)
	all     map[string]*rawPub // every publication of the lake
	inScope map[string]bool
	famOf   map[string]string // in-scope publication → family key
	py      map[string]int    // family key → priority year
	find    func(string) string
}

// regionalOffice: WIPO ST.3 codes of regional and international offices, which name no country.
var regionalOffice = map[string]bool{"WO": true, "EP": true, "EA": true, "AP": true, "OA": true, "GC": true, "EM": true,
	"IB": true, "XN": true, "XV": true, "QZ": true, "XU": true, "EU": true}

// auditFigures recomputes, by the same independent path as audit (plain Go over stored rows),
// the macro figures the first part does not: the office table (publications per office), the
// geography matrix (source country × office), the country × level-1 branch RTA, the decomposition
// tree's and level-1 branches' family counts, the life-cycle inputs (families and applicants per
// year), the quality indicators of every family (forward citations in the window or as reported,
// family size, claims, backward citations, grant lag, scope), the core list and score deciles,
// and the regional positioning rows and years. Definitions (docs/schema.md, navigation.md §5,
// the package docs):
//
//   - an applicant of a family: a distinct normalised name over the family's in-scope
//     publications, its country/province/city/kind those of its earliest mention (lowest seq,
//     then publication number) that states one; the first applicant of a publication falls back
//     on the publication's applicant_* columns;
//   - the family's source country: its first applicant's (lowest seq, then name) with a known
//     country; else the office of the earliest priority claim of its representative publication
//     (earliest publication) unless that is a regional office (EP, WO, IB …); else unknown ("??").
//     For a Lens export the earliest claim is read again from the CSV (Priority Numbers, dated),
//     and the lake's priority_office and applicant countries are checked against it;
//   - branch: a family is in a branch when an in-scope publication has a code of the branch or
//     of a descendant; RTA_cf = (N_cf/Σ_f N_cf)/(Σ_c N_cf/Σ_cf N_cf) over every country; a
//     country with fewer than 10 distinct families in the level-1 branches has no RTA (n/a:
//     docs/minimum-data.md, rta_country_families), though it enters the denominators;
//   - quality: forward citations = distinct citing families whose citing publication was
//     published within CitationWindow years of the family's first publication (in-lake
//     citations to any member's number), else the source's count (largest of the members);
//     family size = max(distinct offices of all members, the source's size); scope = distinct
//     IPC subclasses; grant lag = days filing → grant; the score is OECD index 6 of these
//     inputs per (priority year | main subclass) cohort;
//   - regional: region = families with an applicant located in the region, nation = with an
//     applicant of the country; applicants of the region (nation) = those located in it; the
//     world's = all.
//
// Tolerances: counts exact; shares and RTA half a unit of the model's rounding (5.1e-5 for 4
// decimals, 5.1e-4 for 3, 0.0051 for 2); scores 5.1e-4.
func auditFigures(t *testing.T, a *auditState) {
	m := a.m
	inWin := func(k string) bool { y := a.py[k]; return y >= m.Meta.From && y <= m.Meta.To }
	near := func(x, y, tol float64) bool { return math.Abs(x-y) <= tol }

	// Office table: in-scope publications per office.
	byOffice := map[string]float64{}
	for pub := range a.famOf {
		byOffice[a.all[pub].office.String]++
	}
	if len(m.Scope.ByOffice) != len(byOffice) {
		t.Errorf("office table: model %d offices, audit %d", len(m.Scope.ByOffice), len(byOffice))
	}
	for _, c := range m.Scope.ByOffice {
		if c.N != byOffice[c.Key] {
			t.Errorf("office table %s: model %v, audit %v", c.Key, c.N, byOffice[c.Key])
		}
	}

	// Members: every lake publication whose resolved family is in scope.
	members := map[string][]*rawPub{}
	for _, p := range a.all {
		if k := a.find(p.fam); hasFamily(a.py, k) {
			members[k] = append(members[k], p)
		}
	}
	rank := map[string]int{"alive": 4, "pending": 3, "lapsed": 2}
	minDate := func(d *sql.NullTime, x sql.NullTime) {
		if x.Valid && (!d.Valid || x.Time.Before(d.Time)) {
			*d = x
		}
	}
	maxInt := func(d *sql.NullInt64, x sql.NullInt64) {
		if x.Valid && (!d.Valid || x.Int64 > d.Int64) {
			*d = x
		}
	}
	repKey := func(p *rawPub) string {
		if p.pubDate.Valid {
			return p.pubDate.Time.Format("2006-01-02") + p.pub
		}
		return "9999" + p.pub
	}
	facts := map[string]*auditFam{}
	for pub, k := range a.famOf {
		p := a.all[pub]
		f := facts[k]
		if f == nil {
			f = &auditFam{offices: map[string]bool{}, status: "unknown", subs: map[string]bool{}}
			facts[k] = f
		}
		f.offices[p.office.String] = true
		minDate(&f.firstPub, p.pubDate)
		minDate(&f.appDate, p.appDate)
		minDate(&f.grantDate, p.grantDate)
		f.granted = f.granted || p.granted.Bool
		f.invention = f.invention || p.docType == "invention"
		f.operated = f.operated || p.transfers.Int64 > 0 || p.licences.Int64 > 0 || p.pledges.Int64 > 0
		if rank[p.status] > rank[f.status] {
			f.status = p.status
		}
		maxInt(&f.claims, p.claims)
		maxInt(&f.cites, p.cites)
		maxInt(&f.size, p.size)
		maxInt(&f.cited, p.cited)
		if f.rep == nil || repKey(p) < repKey(f.rep) {
			f.rep = p
		}
	}
	a.rows(`SELECT pub_number, subclass, is_main FROM classifications`, func(r *sql.Rows) error {
		var pub string
		var sub sql.NullString
		var main sql.NullBool
		if err := r.Scan(&pub, &sub, &main); err != nil {
			return err
		}
		k, ok := a.famOf[pub]
		if !ok || sub.String == "" {
			return nil
		}
		f := facts[k]
		f.subs[sub.String] = true
		switch {
		case f.mainSub == "", main.Bool && !f.mainIsMain, main.Bool == f.mainIsMain && sub.String < f.mainSub:
			f.mainSub, f.mainIsMain = sub.String, main.Bool
		}
		return nil
	})

	// Applicants of each family with their earliest mention's attributes.
	type mention struct {
		seq                           int
		pub                           string
		country, province, city, kind sql.NullString
	}
	famApp := map[string]map[string]*auditApplicant{}
	rawOffice := map[string]string{} // Lens: url → office of the earliest dated priority claim
	if a.ex.lensRaw {
		rawOffice = lensEarliestPriority(t, a.path)
		bad, n := 0, 0
		for _, p := range a.all {
			want, ok := rawOffice[p.url.String]
			if !ok {
				continue
			}
			n++
			if p.prioOffice.String != want {
				if bad < 5 {
					t.Errorf("%s: priority_office %q, the earliest dated claim in the export is at %q", p.pub, p.prioOffice.String, want)
				}
				bad++
			}
		}
		t.Logf("Lens priority claims: %d publications with dated claims, %d with priority_office other than the earliest claim's office", n, bad)
	}
	hanBad := 0
	a.rows(`SELECT pub_number, seq, name, name_raw, country, province, city, kind FROM parties WHERE role = 'applicant'`, func(r *sql.Rows) error {
		var pub string
		var seq int
		var name, raw sql.NullString
		var x mention
		if err := r.Scan(&pub, &seq, &name, &raw, &x.country, &x.province, &x.city, &x.kind); err != nil {
			return err
		}
		p := a.all[pub]
		if a.ex.lensRaw && p != nil {
			// A Lens export states no applicant country: CN for a Han-script applicant of a CN
			// publication, else the office of the earliest claim unless a regional office.
			want := ""
			if p.office.String == "CN" && han(raw.String) {
				want = "CN"
			} else if o := rawOffice[p.url.String]; o != "" && !regionalOffice[o] {
				want = o
			}
			if x.country.String != want {
				if hanBad < 5 {
					t.Errorf("%s applicant %d %q: country %q, rule gives %q", pub, seq, raw.String, x.country.String, want)
				}
				hanBad++
			}
		}
		k, ok := a.famOf[pub]
		if !ok || name.String == "" {
			return nil
		}
		x.seq, x.pub = seq, pub
		if seq == 1 {
			if p.province.Valid && !x.province.Valid {
				if p.country.Valid {
					x.country = p.country
				}
			} else if !x.country.Valid {
				x.country = p.country
			}
			if !x.province.Valid {
				x.province = p.province
			}
			if !x.city.Valid {
				x.city = p.city
			}
		}
		if famApp[k] == nil {
			famApp[k] = map[string]*auditApplicant{}
		}
		fa := famApp[k][name.String]
		if fa == nil {
			fa = &auditApplicant{seq: seq}
			famApp[k][name.String] = fa
		}
		fa.seq = min(fa.seq, seq)
		key := fmt.Sprintf("%04d%s", seq, pub)
		set := func(v sql.NullString, dst, dstKey *string) {
			if v.Valid && (*dstKey == "" || key < *dstKey) {
				*dst, *dstKey = v.String, key
			}
		}
		set(x.country, &fa.country, &fa.cKey)
		set(x.province, &fa.province, &fa.pKey)
		set(x.city, &fa.city, &fa.ciKey)
		set(x.kind, &fa.kind, &fa.kKey)
		return nil
	})
	// The family's source country.
	country := map[string]string{}
	for k, f := range facts {
		c := ""
		var names []string
		for n := range famApp[k] {
			names = append(names, n)
		}
		sort.Slice(names, func(i, j int) bool {
			x, y := famApp[k][names[i]], famApp[k][names[j]]
			if x.seq != y.seq {
				return x.seq < y.seq
			}
			return names[i] < names[j]
		})
		for _, n := range names {
			if c = famApp[k][n].country; c != "" {
				break
			}
		}
		if c == "" {
			o := f.rep.prioOffice.String
			if a.ex.lensRaw {
				o = rawOffice[f.rep.url.String]
			}
			if !regionalOffice[o] {
				c = o
			}
		}
		if c == "" {
			c = "??"
		}
		country[k] = c
	}

	// Geography: source country × office, families with a member (in the lake) at the office.
	srcTot, offTot := map[string]float64{}, map[string]float64{}
	cell := map[[2]string]float64{}
	for k, ps := range members {
		if !inWin(k) {
			continue
		}
		seen := map[string]bool{}
		for _, p := range ps {
			if o := p.office.String; !seen[o] {
				seen[o] = true
				srcTot[country[k]]++
				offTot[o]++
				cell[[2]string{country[k], o}]++
			}
		}
	}
	g := m.Geography
	if want := auditTop(srcTot, 12); fmt.Sprint(g.Sources) != fmt.Sprint(want) {
		t.Errorf("geography sources: model %v, audit %v", g.Sources, want)
	}
	if want := auditTop(offTot, 12); fmt.Sprint(g.Offices) != fmt.Sprint(want) {
		t.Errorf("geography offices: model %v, audit %v", g.Offices, want)
	}
	for i, s := range g.Sources {
		for j, o := range g.Offices {
			if v := cell[[2]string{s, o}]; g.Matrix[i][j] != v {
				t.Errorf("geography %s → %s: model %v, audit %v", s, o, g.Matrix[i][j], v)
			}
		}
	}

	// Branches: a family is in a branch when an in-scope publication has a code of it or of a
	// descendant (the audit config uses section and subclass codes only).
	flat := a.cfg.Flatten()
	codes := map[string][]string{} // branch → its and its descendants' codes
	parent := map[string]string{}
	for _, br := range flat {
		parent[br.ID] = br.Parent
	}
	for _, br := range flat {
		for id := br.ID; id != ""; id = parent[id] {
			for _, c := range br.Codes {
				if len(c) != 1 && len(c) != 4 {
					t.Fatalf("audit config: branch %s code %q is neither a section nor a subclass", br.ID, c)
				}
				codes[id] = append(codes[id], c)
			}
		}
	}
	famBranch := map[string]map[string]bool{}
	for k, f := range facts {
		for sub := range f.subs {
			for id, cs := range codes {
				for _, c := range cs {
					if strings.HasPrefix(sub, c) {
						if famBranch[k] == nil {
							famBranch[k] = map[string]bool{}
						}
						famBranch[k][id] = true
					}
				}
			}
		}
	}
	brFams := map[string]float64{}
	cb := map[[2]string]float64{}
	cTot := map[string]float64{}
	var level1 []string
	for _, br := range flat {
		if br.Level == 1 {
			level1 = append(level1, br.ID)
		}
	}
	cFams := map[string]int{} // distinct families of a country in a level-1 branch (MinRTAFamilies)
	for k, bs := range famBranch {
		if !inWin(k) {
			continue
		}
		inL1 := false
		for id := range bs {
			brFams[id]++
			if parent[id] == "" {
				cb[[2]string{country[k], id}]++
				cTot[country[k]]++
				inL1 = true
			}
		}
		if inL1 {
			cFams[country[k]]++
		}
	}
	for _, n := range m.Scope.Tree {
		if float64(n.Families) != brFams[n.ID] {
			t.Errorf("tree %s: model %d families, audit %v", n.ID, n.Families, brFams[n.ID])
		}
	}
	for _, b := range m.Technology.Branches {
		if b.Families != brFams[b.ID] {
			t.Errorf("branch %s: model %v families, audit %v", b.ID, b.Families, brFams[b.ID])
		}
	}
	T := m.Technology
	if want := auditTop(cTot, 10); fmt.Sprint(T.Countries) != fmt.Sprint(want) {
		t.Errorf("RTA countries: model %v, audit %v", T.Countries, want)
	}
	if fmt.Sprint(T.RTABranches) != fmt.Sprint(level1) || len(T.RTA) != len(T.Countries) {
		t.Fatalf("RTA shape: model %v × %v (%d rows), audit level-1 branches %v", T.Countries, T.RTABranches, len(T.RTA), level1)
	}
	colTot, all := map[string]float64{}, 0.0
	for key, v := range cb {
		colTot[key[1]] += v
		all += v
	}
	cells, checked, short := 0, 0, 0
	for i, c := range T.Countries {
		if cFams[c] < 10 { // MinRTAFamilies, stated here independently: the row has no figures
			short++
		}
		for j, id := range T.RTABranches {
			cells++
			got := T.RTA[i][j]
			if cFams[c] < 10 {
				if got != nil {
					t.Errorf("RTA %s × %s: model %v, audit n/a (%d families < 10)", c, id, *got, cFams[c])
				}
				continue
			}
			if cTot[c] == 0 || colTot[id] == 0 {
				if got != nil {
					t.Errorf("RTA %s × %s: model %v, audit undefined", c, id, *got)
				}
				continue
			}
			want := (cb[[2]string{c, id}] / cTot[c]) / (colTot[id] / all)
			if got == nil || !near(*got, want, 5.1e-4) {
				t.Errorf("RTA %s × %s: model %v, audit %.4f (%v of %v families; branch %v of %v)", c, id, fmtPtr(got), want, cb[[2]string{c, id}], cTot[c], colTot[id], all)
				continue
			}
			checked++
		}
	}

	// Life cycle: families and distinct applicants per priority year.
	lcApps, lcAppl := map[int]int{}, map[int]map[string]bool{}
	for k := range facts {
		if !inWin(k) {
			continue
		}
		y := a.py[k]
		lcApps[y]++
		if lcAppl[y] == nil {
			lcAppl[y] = map[string]bool{}
		}
		for n := range famApp[k] {
			lcAppl[y][n] = true
		}
	}
	for _, p := range m.LifeCycle.Points {
		if p.Applications != lcApps[p.Year] || p.Applicants != len(lcAppl[p.Year]) {
			t.Errorf("life cycle %d: model %d families %d applicants, audit %d, %d", p.Year, p.Applications, p.Applicants, lcApps[p.Year], len(lcAppl[p.Year]))
		}
	}

	auditInventorTotal(t, a)
	auditQuality(t, a, facts, members, famApp, inWin)
	auditRegional(t, a, facts, members, famApp, famBranch, inWin, level1)
	t.Logf("%s: offices %d, geography %d×%d, RTA %d of %d cells defined and equal (%d of %d countries below 10 families: n/a), life cycle %d years",
		a.ex.file, len(byOffice), len(g.Sources), len(g.Offices), checked, cells, short, len(T.Countries), len(m.LifeCycle.Points))
}

// auditInventorTotal recomputes the inventors section's total: the distinct non-empty normalised
// inventor names of the publications in scope (an empty name is no inventor's).
func auditInventorTotal(t *testing.T, a *auditState) {
	names := map[string]bool{}
	a.rows(`SELECT pub_number, name FROM parties WHERE role = 'inventor'`, func(r *sql.Rows) error {
		var pub string
		var name sql.NullString
		if err := r.Scan(&pub, &name); err != nil {
			return err
		}
		if _, in := a.famOf[pub]; in && name.String != "" {
			names[name.String] = true
		}
		return nil
	})
	if a.m.Inventors.Total != len(names) {
		t.Errorf("inventors: model %d distinct inventors, audit %d", a.m.Inventors.Total, len(names))
	}
}

func hasFamily(py map[string]int, k string) bool { _, ok := py[k]; return ok }

// auditTop is the n keys with the largest values, ties by key.
func auditTop(m map[string]float64, n int) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	return keys[:min(n, len(keys))]
}

func fmtPtr(p *float64) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// han: a name in Han characters without kana or hangul.
func han(s string) bool {
	h := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
			return false
		case unicode.Is(unicode.Han, r):
			h = true
		}
	}
	return h
}

// lensEarliestPriority reads a Lens CSV export again (CR line endings; the columns it reads are
// ASCII) and returns, per Lens URL, the office of the earliest dated priority claim ("IT RE980117
// A 19981123;;…"; the first listed among equal dates).
func lensEarliestPriority(t *testing.T, path string) map[string]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := strings.ReplaceAll(strings.ReplaceAll(string(b), "\r\n", "\n"), "\r", "\n")
	r := csv.NewReader(strings.NewReader(text))
	r.FieldsPerRecord, r.LazyQuotes = -1, true
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range recs[0] {
		col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
	}
	ui, ok1 := col["URL"]
	pi, ok2 := col["Priority Numbers"]
	if !ok1 || !ok2 {
		t.Fatalf("%s: no URL or Priority Numbers column", path)
	}
	out := map[string]string{}
	for _, rec := range recs[1:] {
		if len(rec) <= max(ui, pi) {
			continue
		}
		best, office := "", ""
		for _, c := range strings.Split(rec[pi], ";;") {
			f := strings.Fields(c)
			if len(f) < 2 || len(f[len(f)-1]) != 8 || len(f[0]) < 2 {
				continue
			}
			if d := f[len(f)-1]; best == "" || d < best {
				best, office = d, f[0][:2]
			}
		}
		if office != "" {
			out[rec[ui]] = office
		}
	}
	return out
}

// auditQuality recomputes every family's quality inputs and score, and checks the core list
// (each entry's year, representative publication, status, forward citations, family size, scope
// and score; no family outside it scoring higher) and the score deciles.
func auditQuality(t *testing.T, a *auditState, facts map[string]*auditFam, members map[string][]*rawPub,
	famApp map[string]map[string]*auditApplicant, inWin func(string) bool) {
	m := a.m
	w := a.cfg.Analysis.CitationWindow
	internal := false
	byDoc := map[string][]string{} // doc number → families with a member of that number
	for k, ps := range members {
		for _, p := range ps {
			if p.doc.String != "" {
				byDoc[p.doc.String] = append(byDoc[p.doc.String], k)
			}
		}
	}
	fwd := map[string]map[string]bool{}
	a.rows(`SELECT citing, cited_doc FROM citations WHERE kind = 'patent'`, func(r *sql.Rows) error {
		var citing string
		var cited sql.NullString
		if err := r.Scan(&citing, &cited); err != nil {
			return err
		}
		if a.inScope[citing] {
			internal = true
		}
		cp := a.all[citing]
		if cp == nil || !cp.pubDate.Valid {
			return nil
		}
		cf := a.find(cp.fam)
		for _, k := range byDoc[cited.String] {
			f := facts[k]
			if k == cf || !f.firstPub.Valid || cp.pubDate.Time.After(addYears(f.firstPub.Time, w)) {
				continue
			}
			if fwd[k] == nil {
				fwd[k] = map[string]bool{}
			}
			fwd[k][cf] = true
		}
		return nil
	})
	var keys []string
	withSrc := 0
	for k, f := range facts {
		if inWin(k) {
			keys = append(keys, k)
			if f.cited.Valid {
				withSrc++
			}
		}
	}
	sort.Strings(keys)
	wantInd := IndForwardReported
	if internal {
		wantInd = IndForwardWindow
	}
	if (internal || withSrc > 0) != slices.Contains(m.Quality.Indicators, wantInd) {
		t.Errorf("quality indicators %v: audit finds in-lake citations %v, source counts on %d families", m.Quality.Indicators, internal, withSrc)
	}
	nan := math.NaN()
	num := func(v sql.NullInt64) float64 {
		if !v.Valid {
			return nan
		}
		return float64(v.Int64)
	}
	in := indicators.QualityInputs{}
	fwdOf, sizeOf := map[string]float64{}, map[string]float64{}
	for _, k := range keys {
		f := facts[k]
		in.Cohort = append(in.Cohort, fmt.Sprintf("%d|%s", a.py[k], f.mainSub))
		v := num(f.cited)
		if internal {
			v = float64(len(fwd[k]))
		}
		fwdOf[k] = v
		if internal || withSrc > 0 {
			in.ForwardCitations = append(in.ForwardCitations, v)
		}
		offices := map[string]bool{}
		for _, p := range members[k] {
			offices[p.office.String] = true
		}
		sizeOf[k] = math.Max(float64(len(offices)), float64(f.size.Int64))
		in.FamilySize = append(in.FamilySize, sizeOf[k])
		in.Claims = append(in.Claims, num(f.claims))
		in.BackwardCitations = append(in.BackwardCitations, num(f.cites))
		lag := nan
		if f.granted && f.appDate.Valid && f.grantDate.Valid {
			lag = f.grantDate.Time.Sub(f.appDate.Time).Hours() / 24
		}
		in.GrantLag = append(in.GrantLag, lag)
	}
	if len(keys) == 0 {
		return
	}
	scores := indicators.QualityIndex6(in, indicators.DefaultTrim)
	score := map[string]float64{}
	var vals []float64
	for i, k := range keys {
		if scores[i].OK {
			score[k] = scores[i].Index
			vals = append(vals, scores[i].Index)
		}
	}
	sort.Float64s(vals)
	for d := 1; d <= 9 && len(vals) > 0 && d <= len(m.Quality.Deciles); d++ {
		if want := vals[(len(vals)-1)*d/10]; math.Abs(m.Quality.Deciles[d-1]-want) > 5.1e-4 {
			t.Errorf("quality decile %d: model %v, audit %.4f", d, m.Quality.Deciles[d-1], want)
		}
	}
	if len(vals) > 0 && len(m.Quality.Deciles) != 9 {
		t.Errorf("quality deciles: model %d, audit 9", len(m.Quality.Deciles))
	}
	inCore := map[string]bool{}
	low := math.Inf(1)
	for _, c := range m.Quality.Core {
		k, ok := a.famOf[c.PubNumber]
		if !ok {
			t.Errorf("core %s: not an in-scope publication", c.PubNumber)
			continue
		}
		inCore[k] = true
		f := facts[k]
		wantFwd := 0
		if !math.IsNaN(fwdOf[k]) {
			wantFwd = int(fwdOf[k])
		}
		s, ok := score[k]
		if c.Year != a.py[k] || c.PubNumber != f.rep.pub || c.Status != f.status || c.ForwardCites != wantFwd ||
			c.FamilySize != int(sizeOf[k]) || c.Components["scope"] != float64(len(f.subs)) || !ok || math.Abs(c.Score-s) > 5.1e-4 {
			t.Errorf("core %s: model year %d status %s fwd %d size %d scope %v score %v; audit %d %s %s %d %v %d %.4f",
				c.PubNumber, c.Year, c.Status, c.ForwardCites, c.FamilySize, c.Components["scope"], c.Score,
				a.py[k], f.rep.pub, f.status, wantFwd, sizeOf[k], len(f.subs), s)
		}
		low = math.Min(low, s)
	}
	above := 0
	for k, s := range score {
		if !inCore[k] && s > low+1e-9 {
			above++
		}
	}
	if above > 0 {
		t.Errorf("core list: %d families outside it score above its lowest (%.4f)", above, low)
	}
	// The per-family table the enterprise and warning stages read (fam_quality): one row per
	// scored family with its score, and pct = 1 − rank/n, rank its place among the n scored
	// families by score from the highest (the model breaks ties by further keys; here a tie may
	// take any of its places): the n values 1, 1 − 1/n, … 1/n, each once.
	type qrow struct {
		k          string
		score, pct float64
	}
	var qs []qrow
	a.rows(`SELECT f.rep_pub, q.score, q.pct FROM fam_quality q JOIN fam f USING (fk)`, func(r *sql.Rows) error {
		var pub string
		var q qrow
		if err := r.Scan(&pub, &q.score, &q.pct); err != nil {
			return err
		}
		q.k = a.famOf[pub]
		qs = append(qs, q)
		return nil
	})
	if len(qs) != len(score) {
		t.Errorf("fam_quality: %d rows, audit %d scored families", len(qs), len(score))
	}
	sort.Slice(qs, func(i, j int) bool { return qs[i].score > qs[j].score })
	n := float64(len(qs))
	pcts := make([]float64, 0, len(qs))
	for lo := 0; lo < len(qs); {
		hi := lo + 1
		for hi < len(qs) && qs[hi].score == qs[lo].score {
			hi++
		}
		for _, q := range qs[lo:hi] {
			if s, ok := score[q.k]; !ok || math.Abs(s-q.score) > 1e-9 {
				t.Errorf("fam_quality %s: score %v, audit %v (scored %v)", q.k, q.score, s, ok)
			}
			if q.pct > 1-float64(lo)/n+1e-12 || q.pct < 1-float64(hi-1)/n-1e-12 {
				t.Errorf("fam_quality %s: pct %v for places %d…%d of %d", q.k, q.pct, lo, hi-1, len(qs))
			}
			pcts = append(pcts, q.pct)
		}
		lo = hi
	}
	sort.Sort(sort.Reverse(sort.Float64Slice(pcts)))
	for r, p := range pcts {
		if math.Abs(p-(1-float64(r)/n)) > 1e-12 {
			t.Errorf("fam_quality: the %d-th highest pct is %v, want %v", r, p, 1-float64(r)/n)
			break
		}
	}
	t.Logf("quality: %d families, in-lake citations %v (window %d years, %d families cited), %d scored, core %d",
		len(keys), internal, w, len(fwd), len(vals), len(m.Quality.Core))
}

// auditRegional recomputes the regional positioning rows (region, nation, world) and the region's
// years.
func auditRegional(t *testing.T, a *auditState, facts map[string]*auditFam, members map[string][]*rawPub,
	famApp map[string]map[string]*auditApplicant, famBranch map[string]map[string]bool, inWin func(string) bool, level1 []string) {
	m := a.m
	rg := a.cfg.Region
	inRegion := func(x *auditApplicant) bool {
		return x.country == rg.Country && (rg.Province == "" || x.province == rg.Province) && (rg.City == "" || x.city == rg.City)
	}
	inNation := func(x *auditApplicant) bool { return x.country == rg.Country }
	inWorld := func(*auditApplicant) bool { return true }
	inventors := map[string][]string{}
	a.rows(`SELECT pub_number, name FROM parties WHERE role = 'inventor'`, func(r *sql.Rows) error {
		var pub string
		var name sql.NullString
		if err := r.Scan(&pub, &name); err != nil {
			return err
		}
		if name.String != "" {
			inventors[pub] = append(inventors[pub], name.String)
		}
		return nil
	})
	type agg struct {
		fams, granted, inventions, alive, operated, offices float64
		applicants, enterprises, academia, inventors        map[string]bool
	}
	newAgg := func() *agg {
		return &agg{applicants: map[string]bool{}, enterprises: map[string]bool{}, academia: map[string]bool{}, inventors: map[string]bool{}}
	}
	scopes := map[string]func(*auditApplicant) bool{"region": inRegion, "nation": inNation, "world": inWorld}
	res := map[string]*agg{}
	member := func(k string, in func(*auditApplicant) bool) bool {
		for _, x := range famApp[k] {
			if in(x) {
				return true
			}
		}
		return false
	}
	type yearAgg struct {
		region, nation, world, granted float64
		applicants, inventors          map[string]bool
	}
	years := map[int]*yearAgg{}
	placed, withProv, withCity := 0, 0, 0
	for k, f := range facts {
		if !inWin(k) {
			continue
		}
		for _, x := range famApp[k] {
			if x.country != "" || x.province != "" || x.city != "" {
				placed++
				break
			}
		}
		if member(k, func(x *auditApplicant) bool { return x.country == rg.Country && x.province != "" }) {
			withProv++
		}
		if member(k, func(x *auditApplicant) bool { return x.country == rg.Country && x.city != "" }) {
			withCity++
		}
		y := years[a.py[k]]
		if y == nil {
			y = &yearAgg{applicants: map[string]bool{}, inventors: map[string]bool{}}
			years[a.py[k]] = y
		}
		y.world++
		for s, in := range scopes {
			if s != "world" && !member(k, in) {
				continue
			}
			r := res[s]
			if r == nil {
				r = newAgg()
				res[s] = r
			}
			r.fams++
			r.offices += float64(len(f.offices))
			if f.granted {
				r.granted++
			}
			if f.invention {
				r.inventions++
			}
			if f.status == "alive" {
				r.alive++
			}
			if f.operated {
				r.operated++
			}
			for n, x := range famApp[k] {
				if !in(x) {
					continue
				}
				r.applicants[n] = true
				if x.kind == "enterprise" {
					r.enterprises[n] = true
				}
				if x.kind == "university" || x.kind == "institute" {
					r.academia[n] = true
				}
				if s == "region" {
					y.applicants[n] = true
				}
			}
			for _, p := range members[k] {
				for _, n := range inventors[p.pub] {
					r.inventors[n] = true
					if s == "region" {
						y.inventors[n] = true
					}
				}
			}
			switch s {
			case "region":
				y.region++
				if f.granted {
					y.granted++
				}
			case "nation":
				y.nation++
			}
		}
	}
	R := m.Regional
	if res["region"] == nil {
		// No place data at all, none at the level the region needs (a province or city region
		// whose sources state no province / city: the region cannot be told, not "none in it"),
		// else none of the placed families in the region.
		want := CodeNotInRegion
		switch {
		case placed == 0:
			want = CodeNoPlaceData
		case rg.City != "" && withCity == 0:
			want = CodeNoCityData
		case rg.City == "" && rg.Province != "" && withProv == 0:
			want = CodeNoProvinceData
		}
		found := false
		for _, u := range m.Unavailable {
			found = found || (u.Analysis == "regional" && u.Code == want)
		}
		if len(R.Rows) > 0 || !found {
			t.Errorf("regional: no family in the region (%d placed families, %d with a province, %d with a city); model %d rows, unavailable %+v, want code %s",
				placed, withProv, withCity, len(R.Rows), m.Unavailable, want)
		}
		t.Logf("regional: no family in %v (%d families with a place, %d with a province, %d with a city): %s", rg, placed, withProv, withCity, want)
		return
	}
	for _, s := range []string{"region", "nation", "world"} {
		if res[s] == nil {
			res[s] = newAgg()
		}
	}
	ratio := func(x, y float64) *float64 {
		if y == 0 {
			return nil
		}
		v := x / y
		return &v
	}
	world := res["world"].fams
	want := func(ind, s string) (*float64, float64) {
		r := res[s]
		v := func(x float64) *float64 { return &x }
		switch ind {
		case RegFamilies:
			return v(r.fams), 0
		case RegWorldShare:
			return ratio(r.fams, world), 5.1e-5
		case RegInventionShare:
			return ratio(r.inventions, r.fams), 5.1e-5
		case RegApplicants:
			return v(float64(len(r.applicants))), 0
		case RegEnterpriseShare:
			return ratio(float64(len(r.enterprises)), float64(len(r.applicants))), 5.1e-5
		case RegFamiliesPerApplicant:
			return ratio(r.fams, float64(len(r.applicants))), 5.1e-5
		case RegInventors:
			return v(float64(len(r.inventors))), 0
		case RegAcademic:
			return v(float64(len(r.academia))), 0
		case RegGrantShare:
			return ratio(r.granted, r.fams), 5.1e-5
		case RegAliveShare:
			return ratio(r.alive, r.fams), 5.1e-5
		case RegOfficesPerFamily:
			return ratio(r.offices, r.fams), 0.0051
		case RegOperatedShare:
			return ratio(r.operated, r.fams), 5.1e-5
		}
		return nil, 0
	}
	// Specialised branches: level-1 branches where the region's RTA (rounded to 3 decimals) > 1.
	regB, worldB := map[string]float64{}, map[string]float64{}
	regTot, worldTot := 0.0, 0.0
	for k, bs := range famBranch {
		if !inWin(k) {
			continue
		}
		reg := member(k, inRegion)
		for _, id := range level1 {
			if bs[id] {
				worldB[id]++
				worldTot++
				if reg {
					regB[id]++
					regTot++
				}
			}
		}
	}
	spec := 0.0
	for _, id := range level1 {
		if regTot > 0 && worldB[id] > 0 && math.Round((regB[id]/regTot)/(worldB[id]/worldTot)*1000)/1000 > 1 {
			spec++
		}
	}
	whole := rg.Province == "" && rg.City == ""
	checked := 0
	for _, row := range R.Rows {
		if row.Indicator == RegSpecialisedBranches {
			if row.Region == nil || *row.Region != spec {
				t.Errorf("regional %s: model %v, audit %v", row.Indicator, fmtPtr(row.Region), spec)
			}
			continue
		}
		for _, c := range []struct {
			s   string
			got *float64
		}{{"region", row.Region}, {"nation", row.Nation}, {"world", row.World}} {
			if c.s == "nation" && whole {
				if c.got != nil {
					t.Errorf("regional %s: a whole-country region prints a nation column (%v)", row.Indicator, *c.got)
				}
				continue
			}
			w, tol := want(row.Indicator, c.s)
			switch {
			case (w == nil) != (c.got == nil):
				t.Errorf("regional %s %s: model %v, audit %v", row.Indicator, c.s, fmtPtr(c.got), fmtPtr(w))
			case w != nil && math.Abs(*w-*c.got) > tol:
				t.Errorf("regional %s %s: model %v, audit %.4f", row.Indicator, c.s, *c.got, *w)
			default:
				checked++
			}
		}
	}
	for _, ry := range R.ByYear {
		y := years[ry.Year]
		if y == nil {
			t.Errorf("regional year %d: no family that year in the audit", ry.Year)
			continue
		}
		bad := ry.Families != y.region || ry.Applicants != len(y.applicants) ||
			(ry.Inventors != nil && *ry.Inventors != len(y.inventors)) || (ry.Granted != nil && float64(*ry.Granted) != y.granted)
		if sw := ratio(y.region, y.world); (sw == nil) != (ry.ShareWorld == nil) || sw != nil && math.Abs(*sw-*ry.ShareWorld) > 5.1e-5 {
			bad = true
		}
		if !whole {
			if sn := ratio(y.region, y.nation); (sn == nil) != (ry.ShareNation == nil) || sn != nil && math.Abs(*sn-*ry.ShareNation) > 5.1e-5 {
				bad = true
			}
		}
		if bad {
			t.Errorf("regional year %d: model families %v applicants %d (inventors %v granted %v), audit families %v of %v (nation %v), %d applicants, %d inventors, %v granted",
				ry.Year, ry.Families, ry.Applicants, fmtIntPtr(ry.Inventors), fmtIntPtr(ry.Granted), y.region, y.world, y.nation, len(y.applicants), len(y.inventors), y.granted)
		}
	}
	t.Logf("regional %v: %v region families of %v, %d values equal, %d years", rg, res["region"].fams, world, checked, len(R.ByYear))
}

func fmtIntPtr(p *int) string {
	if p == nil {
		return "nil"
	}
	return fmt.Sprint(*p)
}

// addYears is t plus n years as SQL's date arithmetic has it: the month kept, its day clamped to
// the month's last (29 February 2016 plus five years is 28 February 2021; Go's AddDate
// normalises it to 1 March).
func addYears(t time.Time, n int) time.Time {
	e := t.AddDate(n, 0, 0)
	if e.Day() != t.Day() {
		e = e.AddDate(0, 0, -e.Day()) // the last day of the month before
	}
	return e
}
