package warning

import (
	"context"
	"encoding/csv"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// tfam is one hand-built family: a CN publication (unless noCN) plus one publication per extra
// office, written as rows of a CNIPA-style CSV that share the 同族ID column.
type tfam struct {
	id      string   // family id; pub numbers are derived from a running serial
	year    int      // filing year: filing date <year>-03-01, so the priority year is year
	who     string   // first applicant, raw
	cc      string   // its country code (申请人国别代码); "" leaves it to the normaliser
	ipc     string   // IPC code: H01M10/.. branch cell, H01M4/.. elec, H01M8/.. fuel
	um      bool     // a utility model (kind U) instead of an invention
	grant   bool     // granted: invention kind B with a grant date (a utility model is always granted)
	legal   string   // 法律状态: 有权, 失效, 审中 or ""
	claims  int      // 权利要求数量 (0: none given)
	extra   []string // other offices with a member: US, EP, JP, KR
	noCN    bool     // no CN member
	lit     int      // 诉讼次数
	trans   int      // 转让次数
	lic     int      // 许可次数
	invalid bool     // 无效宣告
	expiry  string   // 失效日
}

var header = []string{"公开（公告）号", "申请号", "申请日", "公开（公告）日", "授权公告日", "名称", "摘要", "申请（专利权）人",
	"申请人国别代码", "分类号", "专利类型", "法律状态", "同族ID", "权利要求数量", "转让次数", "许可次数", "诉讼次数", "无效宣告", "失效日"}

// writeCSV writes the families as a CNIPA-style CSV; serial makes the numbers unique across files.
func writeCSV(t *testing.T, path string, serial int, fams []tfam) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := csv.NewWriter(f)
	w.Write(header)
	itoa := func(n int) string {
		if n == 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	for _, fm := range fams {
		serial++
		app := fmt.Sprintf("%d-03-01", fm.year)
		title := "电池 " + fm.id
		inv := ""
		if fm.invalid {
			inv = "宣告专利权全部无效"
		}
		common := func(pub, appNo, pubDate, grant, typ string) []string {
			return []string{pub, appNo, app, pubDate, grant, title, "一种电池。", fm.who, fm.cc, fm.ipc, typ, fm.legal, fm.id,
				itoa(fm.claims), itoa(fm.trans), itoa(fm.lic), itoa(fm.lit), inv, fm.expiry}
		}
		if !fm.noCN {
			var row []string
			switch {
			case fm.um:
				d := fmt.Sprintf("%d-09-01", fm.year)
				row = common(fmt.Sprintf("CN2%08dU", serial), fmt.Sprintf("CN%d2%07d.1", fm.year, serial), d, d, "实用新型")
			case fm.grant:
				row = common(fmt.Sprintf("CN1%08dB", serial), fmt.Sprintf("CN%d1%07d.1", fm.year, serial),
					fmt.Sprintf("%d-03-01", fm.year+2), fmt.Sprintf("%d-03-01", fm.year+2), "发明")
			default:
				row = common(fmt.Sprintf("CN1%08dA", serial), fmt.Sprintf("CN%d1%07d.1", fm.year, serial),
					fmt.Sprintf("%d-09-01", fm.year+1), "", "发明")
			}
			w.Write(row)
		}
		for _, o := range fm.extra {
			var pub, appNo string
			switch o {
			case "US":
				pub, appNo = fmt.Sprintf("US%d%07dA1", fm.year+1, serial), fmt.Sprintf("US16%06d", serial)
			case "EP":
				pub, appNo = fmt.Sprintf("EP3%06dA1", serial), fmt.Sprintf("EP18%06d", serial)
			case "JP":
				pub, appNo = fmt.Sprintf("JP%d%06dA", fm.year+1, serial), fmt.Sprintf("JP%d%06d", fm.year, serial)
			case "KR":
				pub, appNo = fmt.Sprintf("KR10%07dA", serial), fmt.Sprintf("KR10%d%07d", fm.year, serial)
			}
			row := common(pub, appNo, fmt.Sprintf("%d-09-01", fm.year+1), "", "")
			row[11] = "" // legal status as the CN member says
			w.Write(row)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

// ingestFams writes the families into a CSV under dir and ingests it into the lake.
func ingestFams(t *testing.T, lake, dir, name string, serial int, fams []tfam) {
	t.Helper()
	p := filepath.Join(dir, name)
	writeCSV(t, p, serial, fams)
	ingestFiles(t, lake, p)
}

func ingestFiles(t *testing.T, lake string, paths ...string) {
	t.Helper()
	if _, err := ingest.Run(context.Background(), paths, ingest.Options{Lake: lake, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
}

// baseYAML is the test industry: batteries (H01M) with three branches; cut-off 2025-12-31, so the
// last complete year is 2023 and the trend windows are R = 2019–2023 and Q = 2014–2018.
const baseYAML = `
lake: lake
industry:
  name: {zh: 电池, en: Batteries}
  scope: {codes: [H01M]}
branches:
  - {id: cell, name: {zh: 电芯, en: Cells}, codes: [H01M10]}
  - {id: elec, name: {zh: 电极, en: Electrodes}, codes: [H01M4]}
  - {id: fuel, name: {zh: 燃料电池, en: Fuel cells}, codes: [H01M8]}
region: {country: CN}
analysis: {from: 2010, cutoff: 2025-12-31}
`

// testNow is the run time of the tests.
var testNow = time.Date(2026, 1, 15, 0, 0, 0, 0, time.UTC)

// buildLake builds the bulletin of a lake with baseYAML plus extra YAML (a warnings: block).
func buildLake(t *testing.T, lake, extra string, now time.Time) *Bulletin {
	t.Helper()
	cfg, err := config.Parse([]byte(baseYAML+extra), "test.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lake
	return buildCfg(t, cfg, now)
}

func buildCfg(t *testing.T, cfg *config.Config, now time.Time) *Bulletin {
	t.Helper()
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	b, err := Build(context.Background(), s, nil, now)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// lakeOf ingests the families into a fresh lake and builds its bulletin.
func lakeOf(t *testing.T, fams []tfam, extra string) *Bulletin {
	t.Helper()
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	return buildLake(t, lake, extra, testNow)
}

// many returns n families like f with ids prefix1, prefix2, …
func many(n int, prefix string, f tfam) []tfam {
	var out []tfam
	for i := 1; i <= n; i++ {
		g := f
		g.id = fmt.Sprintf("%s%d", prefix, i)
		out = append(out, g)
	}
	return out
}

func cat(parts ...[]tfam) []tfam {
	var out []tfam
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

func ind(t *testing.T, b *Bulletin, kind, branch string) Indicator {
	t.Helper()
	for _, i := range b.Indicators {
		if i.Kind == kind && i.Branch == branch {
			return i
		}
	}
	t.Fatalf("no indicator %s/%s", kind, branch)
	return Indicator{}
}

func sig(b *Bulletin, key string) *Signal {
	for i := range b.Signals {
		if b.Signals[i].Key == key {
			return &b.Signals[i]
		}
	}
	return nil
}

func numOf(t *testing.T, ns []Number, key string) float64 {
	t.Helper()
	for _, n := range ns {
		if n.Key == key {
			if n.Value == nil {
				return math.NaN()
			}
			return *n.Value
		}
	}
	t.Fatalf("no number %s in %+v", key, ns)
	return 0
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-4 }

func wantValue(t *testing.T, what string, got *float64, want float64) {
	t.Helper()
	if got == nil {
		t.Fatalf("%s: undefined, want %.4f", what, want)
	}
	if !near(*got, want) {
		t.Fatalf("%s = %.6f, want %.6f", what, *got, want)
	}
}

func keys(b *Bulletin) []string {
	var out []string
	for _, s := range b.Signals {
		out = append(out, s.Key+"@"+s.Level)
	}
	return out
}
