package effect

import (
	"context"
	"encoding/csv"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// tfam is one hand-built family of the test lake: a CN publication (and a WO member when wo),
// written as CNIPA-style CSV rows sharing the 同族ID column.
type tfam struct {
	id        string
	year      int    // filing year (filing date <year>-03-01)
	first     string // first applicant
	local     bool   // the first applicant's address is in 山东省泰安市 (else 江苏省南京市)
	second    string // a second applicant, no address ("" none)
	invention bool   // else a utility model
	grant     int    // invention grant year (0: not granted)
	wo        bool   // a WO (PCT) member
	legal     string // 有权 / 失效 / 审中
	ipc       string
	transfer  int // year of the latest transfer (0: none)
	licence   int
	pledge    int
	owner     string // 当前权利人 ("" none)
	undated   bool   // the transfer count is written without its date
	events    string // 法律事件 ("" none)
}

var (
	localEnt = []string{"泰安泰山电气有限公司", "泰安华能开关有限公司", "泰安智能电网科技有限公司"}
	localUni = []string{"山东农业大学", "泰山学院"}
	otherEnt = []string{"南京电力设备有限公司", "南京开关厂有限公司"}
	partner  = []string{"山东科技大学", "国网电力科学研究院"}
)

// synthFams generates n families deterministically (seed), filing years 2015–2025.
func synthFams(n int, seed int64) []tfam {
	r := rand.New(rand.NewSource(seed))
	var out []tfam
	for i := 0; i < n; i++ {
		f := tfam{id: fmt.Sprintf("F%03d", i), year: 2015 + r.Intn(11), local: r.Intn(3) > 0, invention: r.Intn(4) > 0}
		switch {
		case f.local && r.Intn(4) == 0:
			f.first = localUni[r.Intn(len(localUni))]
		case f.local:
			f.first = localEnt[r.Intn(len(localEnt))]
		default:
			f.first = otherEnt[r.Intn(len(otherEnt))]
		}
		if r.Intn(4) == 0 {
			f.second = partner[r.Intn(len(partner))]
		}
		f.ipc = []string{"H01H33/02", "H01F27/00"}[r.Intn(2)]
		f.legal = []string{"有权", "失效", "审中"}[r.Intn(3)]
		if f.invention && f.legal != "审中" && f.year <= 2023 {
			f.grant = f.year + 1 + r.Intn(2)
		}
		if !f.invention && f.legal == "审中" {
			f.legal = "有权"
		}
		f.wo = f.invention && r.Intn(5) == 0
		ev := func() int {
			if r.Intn(5) == 0 {
				return min(f.year+1+r.Intn(3), 2025)
			}
			return 0
		}
		f.transfer, f.licence, f.pledge = ev(), ev(), ev()
		out = append(out, f)
	}
	return out
}

var header = []string{"公开（公告）号", "申请号", "申请日", "公开（公告）日", "授权公告日", "名称", "摘要", "申请（专利权）人",
	"申请人地址", "分类号", "专利类型", "法律状态", "同族ID", "转让次数", "最近转让日", "许可次数", "最近许可日", "质押次数", "最近质押日", "当前权利人", "法律事件"}

func writeCSV(t *testing.T, path string, fams []tfam) {
	t.Helper()
	fh, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(fh)
	w.Write(header)
	event := func(y int) (string, string) {
		if y == 0 {
			return "0", ""
		}
		return "1", fmt.Sprintf("%d-06-01", y)
	}
	for i, f := range fams {
		who := f.first
		if f.second != "" {
			who += ";" + f.second
		}
		addr := "江苏省南京市玄武区中山路1号"
		if f.local {
			addr = "山东省泰安市泰山区东岳大街1号"
		}
		tc, td := event(f.transfer)
		if f.undated {
			td = ""
		}
		lc, ld := event(f.licence)
		pc, pd := event(f.pledge)
		app := fmt.Sprintf("%d-03-01", f.year)
		var pub, appNo, pubDate, grant, typ string
		switch {
		case !f.invention:
			pub, appNo, pubDate, grant, typ = fmt.Sprintf("CN2%08dU", i+1), fmt.Sprintf("CN%d2%07d.1", f.year, i+1), fmt.Sprintf("%d-09-01", f.year), fmt.Sprintf("%d-09-01", f.year), "实用新型"
		case f.grant > 0:
			pub, appNo, pubDate, grant, typ = fmt.Sprintf("CN1%08dB", i+1), fmt.Sprintf("CN%d1%07d.1", f.year, i+1), fmt.Sprintf("%d-05-01", f.grant), fmt.Sprintf("%d-05-01", f.grant), "发明"
		default:
			pub, appNo, pubDate, grant, typ = fmt.Sprintf("CN1%08dA", i+1), fmt.Sprintf("CN%d1%07d.1", f.year, i+1), fmt.Sprintf("%d-09-01", f.year), "", "发明"
		}
		title := "开关装置 " + f.id
		w.Write([]string{pub, appNo, app, pubDate, grant, title, "一种开关装置。", who, addr, f.ipc, typ, f.legal, f.id, tc, td, lc, ld, pc, pd, f.owner, f.events})
		if f.wo {
			w.Write([]string{fmt.Sprintf("WO%d%06dA1", f.year, i+1), fmt.Sprintf("CN%d%06d", f.year, i+1), app, fmt.Sprintf("%d-09-01", f.year),
				"", title, "一种开关装置。", who, addr, f.ipc, "", "", f.id, "", "", "", "", "", "", "", ""})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

// navYAML is the test zone: Tai'an switchgear and transformers, cut-off 2025-12-31 (last
// complete filing year 2023), min_base 5.
const navYAML = `
lake: lake
industry:
  name: {zh: 输变电装备, en: Power equipment}
  scope: {codes: [H01H, H01F]}
branches:
  - {id: sw, name: {zh: 开关, en: Switchgear}, codes: [H01H]}
  - {id: tf, name: {zh: 变压器, en: Transformers}, codes: [H01F]}
region: {name: {zh: 泰安市, en: "Tai'an"}, country: CN, province: 山东省, city: 泰安市}
analysis: {from: 2015, cutoff: 2025-12-31}
`

func buildLake(t *testing.T, fams []tfam, extra string) *Tracking {
	t.Helper()
	return buildLakeYAML(t, fams, navYAML+extra)
}

// buildLakeYAML ingests fams and builds the tracking of the config text yml.
func buildLakeYAML(t *testing.T, fams []tfam, yml string) *Tracking {
	t.Helper()
	p := filepath.Join(t.TempDir(), "fams.csv")
	writeCSV(t, p, fams)
	return buildFile(t, p, yml)
}

// buildFile ingests the export p into a lake beside it and builds the tracking of the config
// text yml (checking the effect queries against the session).
func buildFile(t *testing.T, p, yml string) *Tracking {
	t.Helper()
	cfg, err := config.Parse([]byte(yml), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = filepath.Join(filepath.Dir(p), "lake")
	ctx := context.Background()
	if _, err := ingest.Run(ctx, []string{p}, ingest.Options{Lake: cfg.Lake, MaxBad: 0}); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tr, err := Build(ctx, s, time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range analysis.CheckQueries(ctx, s, "effect") {
		t.Error(err)
	}
	return tr
}

func ind(t *testing.T, tr *Tracking, id string) Indicator {
	t.Helper()
	for _, in := range tr.Indicators {
		if in.ID == id {
			return in
		}
	}
	t.Fatalf("no indicator %s", id)
	return Indicator{}
}

// TestRecompute is the numbers audit of the effect series: every value of every default
// indicator is recomputed in plain Go from the generated families (not from the lake, not by
// the production SQL) and compared exactly.
func TestRecompute(t *testing.T) {
	fams := synthFams(90, 7)
	tr := buildLake(t, fams, "")
	if !tr.Meta.Default || tr.Region.Level != "city" || tr.Meta.LastComplete != 2023 || tr.Meta.From != 2015 || tr.Meta.To != 2025 {
		t.Fatalf("meta %+v region %+v", tr.Meta, tr.Region)
	}
	kind := func(name string) string {
		for _, u := range localUni {
			if u == name {
				return "university"
			}
		}
		if name == partner[0] {
			return "university"
		}
		if name == partner[1] {
			return "institute"
		}
		return "enterprise"
	}
	type acc struct {
		all, fam, inv, pct, co int
		ents, unis             map[string]bool
		br, brAll              map[string]int
	}
	years := map[int]*acc{}
	ev := map[string]map[int]int{"grants": {}, "transfers": {}, "licences": {}, "pledges": {}}
	hv, local := 0, 0
	for y := 2015; y <= 2025; y++ {
		years[y] = &acc{ents: map[string]bool{}, unis: map[string]bool{}, br: map[string]int{}, brAll: map[string]int{}}
	}
	for _, f := range fams {
		a := years[f.year]
		a.all++
		br := map[string]string{"H01H": "sw", "H01F": "tf"}[f.ipc[:4]]
		a.brAll[br]++
		if !f.local {
			continue
		}
		local++
		a.fam++
		a.br[br]++
		if f.invention {
			a.inv++
		}
		if f.wo {
			a.pct++
		}
		k1, k2 := kind(f.first), ""
		if f.second != "" {
			k2 = kind(f.second)
		}
		if k1 == "enterprise" && (k2 == "university" || k2 == "institute") || k2 == "enterprise" {
			a.co++
		}
		if k1 == "enterprise" {
			a.ents[f.first] = true
		} else {
			a.unis[f.first] = true
		}
		if f.invention && f.grant > 0 {
			ev["grants"][f.grant]++
		}
		for m, y := range map[string]int{"transfers": f.transfer, "licences": f.licence, "pledges": f.pledge} {
			if y > 0 {
				ev[m][y]++
			}
		}
		if f.invention && f.legal == "有权" && (f.wo || f.transfer+f.licence+f.pledge > 0) {
			hv++
		}
	}
	if tr.Region.Families != local {
		t.Fatalf("region families %d, want %d", tr.Region.Families, local)
	}
	share := func(num, den int) *float64 {
		if den < 5 {
			return nil
		}
		v := float64(num) / float64(den)
		return &v
	}
	cnt := func(n int) *float64 { v := float64(n); return &v }
	want := map[string]func(y int, a *acc) *float64{
		"families":            func(_ int, a *acc) *float64 { return cnt(a.fam) },
		"invention_share":     func(_ int, a *acc) *float64 { return share(a.inv, a.fam) },
		"pct":                 func(_ int, a *acc) *float64 { return cnt(a.pct) },
		"co_applications":     func(_ int, a *acc) *float64 { return cnt(a.co) },
		"enterprises_filing":  func(_ int, a *acc) *float64 { return cnt(len(a.ents)) },
		"universities_filing": func(_ int, a *acc) *float64 { return cnt(len(a.unis)) },
		"industry_share":      func(_ int, a *acc) *float64 { return share(a.fam, a.all) },
		"share-sw":            func(_ int, a *acc) *float64 { return share(a.br["sw"], a.brAll["sw"]) },
		"share-tf":            func(_ int, a *acc) *float64 { return share(a.br["tf"], a.brAll["tf"]) },
		"grants":              func(y int, _ *acc) *float64 { return cnt(ev["grants"][y]) },
		"transfers":           func(y int, _ *acc) *float64 { return cnt(ev["transfers"][y]) },
		"licences":            func(y int, _ *acc) *float64 { return cnt(ev["licences"][y]) },
		"pledges":             func(y int, _ *acc) *float64 { return cnt(ev["pledges"][y]) },
	}
	notEnough := 0
	for id, fn := range want {
		in := ind(t, tr, id)
		if in.Reason != nil || len(in.Series) != 11 {
			t.Fatalf("%s: reason %+v, %d years", id, in.Reason, len(in.Series))
		}
		for _, p := range in.Series {
			w := fn(p.Year, years[p.Year])
			if (w == nil) != (p.Value == nil) || w != nil && *w != *p.Value {
				t.Errorf("%s %d: got %v, want %v", id, p.Year, fmtP(p.Value), fmtP(w))
			}
			if p.Value == nil {
				notEnough++
				if p.Reason == nil || p.Reason.Code != NotEnoughData || p.Reason.N >= 5 || p.Reason.Min != 5 {
					t.Errorf("%s %d: reason %+v", id, p.Year, p.Reason)
				}
			}
			if in.Basis == "filing_year" && p.Incomplete != (p.Year > 2023) {
				t.Errorf("%s %d: incomplete %v", id, p.Year, p.Incomplete)
			}
		}
	}
	if notEnough == 0 {
		t.Error("the test data never fall below min_base: the rule is not exercised")
	}
	hvi := ind(t, tr, "alive_high_value")
	if len(hvi.Series) != 1 || hvi.Series[0].Year != 2025 || *hvi.Series[0].Value != float64(hv) {
		t.Errorf("alive_high_value %+v, want %d", hvi.Series, hv)
	}
	if hv == 0 {
		t.Error("no high-value family in the test data")
	}
}

func fmtP(p *float64) string {
	if p == nil {
		return "nil"
	}
	return strconv.FormatFloat(*p, 'g', -1, 64)
}

func TestLogSeries(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("verbose only")
	}
	tr := buildLake(t, synthFams(90, 7), "")
	for _, in := range tr.Indicators {
		s := ""
		for _, p := range in.Series {
			s += fmt.Sprintf(" %d:%s", p.Year, fmtP(p.Value))
		}
		t.Logf("%s %v%s", in.ID, in.Reason, s)
	}
}

// TestTargetsHistoryAndReasons: a configured block with a target (progress = the last complete
// year's value / target), reasons for what the lake cannot support, and the run-to-run record.
func TestTargetsHistoryAndReasons(t *testing.T) {
	fams := synthFams(90, 7)
	for i := range fams { // no operation facts at all
		fams[i].transfer, fams[i].licence, fams[i].pledge = 0, 0, 0
	}
	extra := `effect:
  indicators:
    - {id: fam, name: {zh: 本地专利族, en: Local families}, measure: families, target: 8, target_year: 2027}
    - {id: tr, measure: transfers}
`
	tr := buildLake(t, fams, extra)
	if tr.Meta.Default || len(tr.Indicators) != 2 {
		t.Fatalf("indicators %+v", tr.Indicators)
	}
	fam := ind(t, tr, "fam")
	// The last complete year is 2023: 4 region families (TestLogSeries, seed 7); 4 / 8 = 0.5.
	if fam.LatestYear != 2023 || *fam.Latest != 4 || fam.Progress == nil || *fam.Progress != 0.5 || fam.TargetYear != 2027 {
		t.Fatalf("progress %+v", fam)
	}
	// Counts of 0 are written by the CSV, so the facts exist but carry no dates.
	if r := ind(t, tr, "tr").Reason; r == nil || r.Code != NoOperationDate && r.Code != NoOperationData {
		t.Fatalf("transfers reason %+v", r)
	}
	// Transfers counted without their dates while licences have dates: the transfers say
	// no_operation_date with the region's transferred families, never a series of zeros.
	fams = synthFams(90, 7)
	transferred := 0
	for i := range fams {
		fams[i].undated = true
		if fams[i].local && fams[i].transfer > 0 {
			transferred++
		}
	}
	tr2 := buildLake(t, fams, "effect:\n  indicators:\n    - {id: tr, measure: transfers}\n    - {id: li, measure: licences}\n")
	if r := ind(t, tr2, "tr").Reason; r == nil || r.Code != NoOperationDate || r.N != transferred || transferred == 0 {
		t.Errorf("undated transfers: %+v, want %s over %d families", r, NoOperationDate, transferred)
	}
	if li := ind(t, tr2, "li"); li.Reason != nil {
		t.Errorf("licences: %+v", li.Reason)
	}
	dir := t.TempDir()
	if err := Save(dir, tr); err != nil {
		t.Fatal(err)
	}
	prev, err := LoadPrevious(dir)
	if err != nil || prev == nil || prev.Meta.RunID != tr.Meta.RunID {
		t.Fatalf("load %v %+v", err, prev)
	}
	// Revise one value: the next run reports exactly that change.
	next := tr
	next2 := *next
	next2.Indicators = append([]Indicator(nil), next.Indicators...)
	s := append([]Point(nil), next2.Indicators[0].Series...)
	v := *s[3].Value + 2
	s[3].Value = &v
	next2.Indicators[0].Series = s
	Diff(prev, &next2)
	if len(next2.Changes) != 1 || next2.Changes[0].ID != "fam" || next2.Changes[0].Year != 2018 || *next2.Changes[0].Now-*next2.Changes[0].Prev != 2 {
		t.Fatalf("changes %+v", next2.Changes)
	}
}
