package value

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
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
	"申请人地址", "分类号", "专利类型", "法律状态", "同族ID", "转让次数", "最近转让日", "许可次数", "最近许可日", "质押次数", "最近质押日"}

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
		w.Write([]string{pub, appNo, app, pubDate, grant, title, "一种开关装置。", who, addr, f.ipc, typ, f.legal, f.id, tc, td, lc, ld, pc, pd})
		if f.wo {
			w.Write([]string{fmt.Sprintf("WO%d%06dA1", f.year, i+1), fmt.Sprintf("CN%d%06d", f.year, i+1), app, fmt.Sprintf("%d-09-01", f.year),
				"", title, "一种开关装置。", who, addr, f.ipc, "", "", f.id, "", "", "", "", "", ""})
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

func build(t *testing.T, fams []tfam) *Assessment {
	t.Helper()
	dir := t.TempDir()
	p := filepath.Join(dir, "fams.csv")
	writeCSV(t, p, fams)
	cfg, err := config.Parse([]byte(navYAML), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = filepath.Join(dir, "lake")
	ctx := context.Background()
	if _, err := ingest.Run(ctx, []string{p}, ingest.Options{Lake: cfg.Lake, MaxBad: 0}); err != nil {
		t.Fatal(err)
	}
	s, err := analysis.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	a, err := Build(ctx, s, Options{Now: time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range analysis.CheckQueries(ctx, s, "value") {
		t.Error(err)
	}
	return a
}

// TestRecompute is the numbers audit of the value score and the operation list: every family's
// score, the high-value threshold, the region's gaps and the candidates are recomputed in plain
// Go from the generated families (not from the lake, not by the production code's SQL).
func TestRecompute(t *testing.T) {
	fams := synthFams(90, 11)
	a := build(t, fams)
	cutoff := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	// The CSV has legal status, filing dates (so terms), offices and operation counts; no claims,
	// citations, litigation or invalidation: those factors are unused.
	used := map[string]bool{}
	for _, f := range a.Factors {
		used[f.ID] = f.Used
		if !f.Used && (f.Reason == nil || f.Reason.Code != NoFactorData) {
			t.Errorf("factor %s unused without reason", f.ID)
		}
	}
	for id, want := range map[string]bool{"legal_status": true, "remaining_term": true, "family_breadth": true, "operation": true, "claims": false, "forward_citations": false, "litigation": false, "invalidation_survived": false} {
		if used[id] != want {
			t.Errorf("factor %s used %v, want %v", id, used[id], want)
		}
	}
	w := map[string]float64{"legal_status": 0.15, "remaining_term": 0.15, "family_breadth": 0.15, "operation": 0.15}
	raws := map[string][]float64{}
	for _, f := range fams {
		legal := map[string]float64{"有权": 2, "审中": 1, "失效": 0}[f.legal]
		years := 20
		if !f.invention {
			years = 10
		}
		term := time.Date(f.year+years, 3, 1, 0, 0, 0, 0, time.UTC).Sub(cutoff).Hours() / 24 / 365.25
		if term < 0 || f.legal == "失效" {
			term = 0
		}
		term = math.Round(term*100) / 100
		breadth := 1.0
		if f.wo {
			breadth = 3 // two offices (CN, WO) + 1 for the PCT member
		}
		ops := 0.0
		for _, y := range []int{f.transfer, f.licence, f.pledge} {
			if y > 0 {
				ops++
			}
		}
		raws["legal_status"] = append(raws["legal_status"], legal)
		raws["remaining_term"] = append(raws["remaining_term"], term)
		raws["family_breadth"] = append(raws["family_breadth"], breadth)
		raws["operation"] = append(raws["operation"], ops)
	}
	rank := func(vals []float64, v float64) float64 {
		below, eq := 0, 0
		for _, x := range vals {
			if x < v {
				below++
			} else if x == v {
				eq++
			}
		}
		return (float64(below) + float64(eq)/2) / float64(len(vals))
	}
	want := map[string]float64{}
	var scores []float64
	for i, f := range fams {
		num, den := 0.0, 0.0
		for id, wt := range w {
			num += wt * rank(raws[id], raws[id][i])
			den += wt
		}
		want[f.id] = num / den
		scores = append(scores, num/den)
	}
	got := map[string]FamilyValue{}
	all := append(append([]FamilyValue(nil), a.Top...), func() []FamilyValue {
		var c []FamilyValue
		for _, x := range a.Operation.Candidates {
			c = append(c, x.FamilyValue)
		}
		return c
	}()...)
	for _, f := range all {
		got[f.FamilyID] = f
	}
	if len(a.Top) != 20 || a.Families != 90 {
		t.Fatalf("top %d of %d", len(a.Top), a.Families)
	}
	for id, f := range got {
		if math.Abs(f.Score-want[id]) > 1e-12 {
			t.Errorf("%s: score %v, want %v", id, f.Score, want[id])
		}
	}
	// The top list is the 20 highest scores.
	sort.Sort(sort.Reverse(sort.Float64Slice(scores)))
	for i, f := range a.Top {
		if math.Abs(f.Score-scores[i]) > 1e-12 {
			t.Errorf("top %d: %v, want %v", i, f.Score, scores[i])
		}
	}
	// Threshold: the 0.8 quantile (type 7) of the scores.
	asc := append([]float64(nil), scores...)
	sort.Float64s(asc)
	h := 0.8 * float64(len(asc)-1)
	thr := asc[int(h)] + (h-math.Floor(h))*(asc[int(h)+1]-asc[int(h)])
	if a.Threshold == nil || math.Abs(*a.Threshold-thr) > 1e-12 {
		t.Fatalf("threshold %v, want %v", a.Threshold, thr)
	}
	// Region gaps: the local enterprises' families per branch against the industry.
	kind := func(n string) string {
		for _, u := range localUni {
			if u == n {
				return "university"
			}
		}
		switch n {
		case partner[0]:
			return "university"
		case partner[1]:
			return "institute"
		}
		return "enterprise"
	}
	ind, ent := map[string]int{}, map[string]int{}
	E := 0
	for _, f := range fams {
		b := map[string]string{"H01H": "sw", "H01F": "tf"}[f.ipc[:4]]
		ind[b]++
		if f.local && kind(f.first) == "enterprise" {
			ent[b]++
			E++
		}
	}
	gapSet := map[string]bool{}
	for _, b := range []string{"sw", "tf"} {
		if rta := (float64(ent[b]) / float64(E)) / (float64(ind[b]) / 90); rta < 1 {
			gapSet[b] = true
		}
	}
	if a.Operation.GapSource != "region" || len(a.Operation.Gaps) != len(gapSet) || len(gapSet) == 0 {
		t.Fatalf("gaps %+v, want %v", a.Operation.Gaps, gapSet)
	}
	// Candidates: local, held by a university or institute, alive (有权), score above the
	// threshold, in a gap branch.
	wantC := map[string]bool{}
	for _, f := range fams {
		b := map[string]string{"H01H": "sw", "H01F": "tf"}[f.ipc[:4]]
		academic := kind(f.first) != "enterprise" || f.second != ""
		if f.local && academic && f.legal == "有权" && want[f.id] > thr && gapSet[b] {
			wantC[f.id] = true
		}
	}
	if len(a.Operation.Candidates) != len(wantC) {
		t.Errorf("candidates %d, want %d", len(a.Operation.Candidates), len(wantC))
	}
	for _, c := range a.Operation.Candidates {
		if !wantC[c.FamilyID] || len(c.Matches) == 0 || c.Holder == "" {
			t.Errorf("candidate %s %+v", c.FamilyID, c.Matches)
		}
	}
	if len(wantC) == 0 {
		t.Error("the test data give no candidate: the list is not exercised")
	}
	if len(a.Trends) == 0 || a.TrendReason != nil {
		t.Errorf("trends %+v %+v", a.Trends, a.TrendReason)
	}
	t.Logf("threshold %.3f, %d high-value, gaps %v, funnel %d/%d/%d, %d candidates", thr, a.HighValue, gapSet,
		a.Operation.Academic, a.Operation.Alive, a.Operation.HighValue, len(a.Operation.Candidates))
}
