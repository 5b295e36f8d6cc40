package effect

import (
	"math"
	"strings"
	"testing"
)

// flowTruth is a hand-labelled operation of the flow test: its kind, year and the direction a
// reader of the event text (or of applicant and current owner) gives it.
type flowTruth struct {
	kind, dir string
	year      int
}

// handFlows are utility-model families (so none enters the invention stock or high-value counts)
// whose operations are written as CNIPA 法律事件 texts in the layouts the lake holds, or only as
// counts with a current owner; each with the direction a reader gives it by hand: the region is
// 山东省泰安市 (local families' first applicant has a 泰安 address, the others a 南京 one).
func handFlows() ([]tfam, []flowTruth) {
	u := func(id string, year int, local bool, first string) tfam {
		return tfam{id: id, year: year, local: local, first: first, legal: "有权", ipc: "H01H33/02"}
	}
	var fams []tfam
	var truth []flowTruth
	add := func(f tfam, t ...flowTruth) { fams = append(fams, f); truth = append(truth, t...) }

	f := u("H01", 2016, true, "泰安泰山电气有限公司") // semicolon layout with addresses: out
	f.transfer, f.events = 2019, "2019-06-04 专利权的转移；登记生效日：2019.05.14；变更前权利人：泰安泰山电气有限公司；变更后权利人：南京开关厂有限公司；变更前地址：271000 山东省泰安市泰山区；变更后地址：210000 江苏省南京市玄武区"
	add(f, flowTruth{opTransfer, DirOut, 2019})
	f = u("H02", 2016, false, "南京电力设备有限公司") // gazette layout, 变更事项 pairs: in
	f.transfer, f.events = 2020, "2020-04-01 专利权的转移 IPC(主分类)：H01H 33/02 登记生效日：20200315 变更事项：专利权人 变更前权利人：南京电力设备有限公司 变更后权利人：泰安华能开关有限公司 变更事项：地址 变更前权利人：210000 江苏省南京市玄武区 变更后权利人：271000 山东省泰安市泰山区"
	add(f, flowTruth{opTransfer, DirIn, 2020})
	f = u("H03", 2017, true, "泰安泰山电气有限公司") // no addresses: both named 泰安…: within
	f.transfer, f.events = 2021, "2021-08-01 专利权的转移；变更前权利人：泰安泰山电气有限公司；变更后权利人：泰安智能电网科技有限公司"
	add(f, flowTruth{opTransfer, DirWithin, 2021})
	f = u("H04", 2017, true, "泰安华能开关有限公司") // INPADOC English with addresses: out
	f.transfer, f.events = 2021, "2021-05-20 TR01 Transfer of patent right; Effective date of registration: 20210505; Patentee after: JIANGSU XYZ CO LTD; Address after: Nanjing, Jiangsu, CN; Patentee before: TAIAN HUANENG SWITCH CO LTD; Address before: Taian, Shandong, CN"
	add(f, flowTruth{opTransfer, DirOut, 2021})
	f = u("H05", 2017, true, "泰安泰山电气有限公司") // transferee with no place anywhere: unknown
	f.transfer, f.events = 2021, "2021-10-09 专利权的转移；变更前权利人：泰安泰山电气有限公司；变更后权利人：华为技术有限公司"
	add(f, flowTruth{opTransfer, DirUnknown, 2021})
	f = u("H06", 2018, false, "南京电力设备有限公司") // Nanjing to Shanghai: not the region's
	f.transfer, f.events = 2020, "2020-09-09 专利权的转移；变更前权利人：南京电力设备有限公司；变更后权利人：上海电气集团股份有限公司"
	add(f, flowTruth{opTransfer, "", 2020})
	f = u("H07", 2016, true, "泰安泰山电气有限公司") // a licence out, then its cancellation (no new licence)
	f.licence, f.events = 2019, "2019-07-01 专利实施许可合同备案的生效；合同备案号：2019370000123；让与人：泰安泰山电气有限公司；受让人：济南力源科技有限公司；许可种类：普通许可；备案日期：20190620\n2021-01-05 专利实施许可合同备案的注销；让与人：泰安泰山电气有限公司；受让人：济南力源科技有限公司"
	add(f, flowTruth{opLicence, DirOut, 2019})
	f = u("H08", 2018, true, "泰安华能开关有限公司") // pledges: to a bank named 中国… (unknown), to 泰安银行 (within)
	f.pledge, f.events = 2022, "专利权质押合同登记的生效 IPC(主分类)：H01H 33/02 登记号：Y2020370000456 登记生效日：20200708 出质人：泰安华能开关有限公司 质权人：中国银行股份有限公司泰安分行\n2022-03-10 专利权质押合同登记的生效；登记生效日：2022-03-01；出质人：泰安华能开关有限公司；质权人：泰安银行股份有限公司"
	add(f, flowTruth{opPledge, DirUnknown, 2020}, flowTruth{opPledge, DirWithin, 2022})
	f = u("H09", 2016, true, "泰安华能开关有限公司") // no event: first applicant → current owner: out
	f.transfer, f.owner = 2022, "深圳市速锐科技有限公司"
	add(f, flowTruth{opTransfer, DirOut, 2022})
	f = u("H10", 2016, false, "南京开关厂有限公司") // no event: in
	f.transfer, f.owner = 2022, "泰安泰山电气有限公司"
	add(f, flowTruth{opTransfer, DirIn, 2022})
	f = u("H11", 2017, true, "泰安智能电网科技有限公司") // owner is the applicant: the parties are not known
	f.transfer, f.owner = 2022, "泰安智能电网科技有限公司"
	add(f, flowTruth{opTransfer, DirUnknown, 2022})
	f = u("H12", 2018, false, "南京开关厂有限公司") // INPADOC licence between Latin names, no address: unknown
	f.licence, f.events = 2023, "2023-01-20 EE01 Entry into force of recordation of patent licensing contract; Assignee: TAIAN XINGYE CO LTD; Assignor: NANJING KAIGUAN CO LTD; Contract record no.: X2023320000001; License type: Common License; Record date: 20230110"
	add(f, flowTruth{opLicence, DirUnknown, 2023})
	return fams, truth
}

// taianPop is the test region's population: 2015–2023 and 2025, none for 2024.
var taianPop = map[int]float64{2015: 5600000, 2016: 5620000, 2017: 5640000, 2018: 5640000, 2019: 5650000,
	2020: 5470000, 2021: 5460000, 2022: 5450000, 2023: 5430000, 2025: 5400000}

const flowYAML = `effect:
  indicators:
    - {id: fam10k, measure: families_per_10k, target: 0.02, target_year: 2027}
    - {id: grants10k, measure: grants_per_10k}
    - {id: stock10k, measure: invention_stock_per_10k}
    - {id: hv10k, measure: high_value_per_10k}
    - {id: t-in, measure: transfers, direction: in}
    - {id: t-out, measure: transfers, direction: out}
    - {id: t-within, measure: transfers, direction: within}
    - {id: t-unknown, measure: transfers, direction: unknown}
    - {id: l-in, measure: licences, direction: in}
    - {id: l-out, measure: licences, direction: out}
    - {id: l-within, measure: licences, direction: within}
    - {id: l-unknown, measure: licences, direction: unknown}
    - {id: p-in, measure: pledges, direction: in}
    - {id: p-out, measure: pledges, direction: out}
    - {id: p-within, measure: pledges, direction: within}
    - {id: p-unknown, measure: pledges, direction: unknown}
`

// TestFlowsAndPerTenKAudit is the numbers audit of the flows and the per-10,000 measures: the
// generated families plus the hand-labelled operations go through the CNIPA reader and the lake,
// and every value is recomputed in plain Go from the generated families and the hand labels
// (not from the lake, not by the production SQL or parser):
//
//   - a flow in, out or within the region: the operations of that direction in the year; the
//     generated families' operations have no counterparty (no event text, no owner), so they are
//     of unknown direction; a year whose operations are all of unknown direction has no value
//     (direction_unknown, N = their number), else the value carries the unknown ones beside it;
//   - per 10,000: n / population × 10,000 with n the region's families by filing year, its first
//     invention grants by year, or (at the cut-off, 2025) its alive granted invention families
//     and its alive high-value invention families; a year without population has no value.
//
// Exact comparison (the same float64 operations); the expected counts are hand-derived above.
func TestFlowsAndPerTenKAudit(t *testing.T) {
	fams := synthFams(90, 7)
	hand, truth := handFlows()
	fams = append(fams, hand...)
	pop := "region: {name: {zh: 泰安市, en: \"Tai'an\"}, country: CN, province: 山东省, city: 泰安市, population: {"
	for y := 2015; y <= 2025; y++ {
		if v, ok := taianPop[y]; ok {
			pop += itoa(y) + ": " + ftoa(v) + ", "
		}
	}
	pop = pop[:len(pop)-2] + "}}\n"
	yml := strings.Replace(navYAML, "region: {name: {zh: 泰安市, en: \"Tai'an\"}, country: CN, province: 山东省, city: 泰安市}\n", pop, 1)
	if yml == navYAML {
		t.Fatal("the test config's region line moved")
	}
	tr := buildLakeYAML(t, fams, yml+flowYAML)

	// Expected flows: kind → year → direction → n.
	want := map[string]map[int]map[string]int{}
	addW := func(kind string, year int, dir string) {
		if want[kind] == nil {
			want[kind] = map[int]map[string]int{}
		}
		if want[kind][year] == nil {
			want[kind][year] = map[string]int{}
		}
		want[kind][year][dir]++
	}
	for _, f := range fams[:90] {
		for kind, y := range map[string]int{opTransfer: f.transfer, opLicence: f.licence, opPledge: f.pledge} {
			if y > 0 {
				addW(kind, y, DirUnknown)
			}
		}
	}
	for _, h := range truth {
		addW(h.kind, h.year, h.dir)
	}
	checked, noValue := 0, 0
	for _, kind := range []string{opTransfer, opLicence, opPledge} {
		for _, dir := range []string{DirIn, DirOut, DirWithin, DirUnknown} {
			id := map[string]string{opTransfer: "t-", opLicence: "l-", opPledge: "p-"}[kind] + dir
			in := ind(t, tr, id)
			if in.Reason != nil || len(in.Series) != 11 || in.Unit != "operations" || in.Direction != dir {
				t.Fatalf("%s: %+v", id, in)
			}
			for _, p := range in.Series {
				c := want[kind][p.Year]
				known := c[DirIn] + c[DirOut] + c[DirWithin] + c[""]
				switch {
				case dir == DirUnknown:
					if p.Value == nil || *p.Value != float64(c[DirUnknown]) {
						t.Errorf("%s %d: %v, want %d", id, p.Year, fmtP(p.Value), c[DirUnknown])
					}
				case c[DirUnknown] > 0 && known == 0:
					noValue++
					if p.Value != nil || p.Reason == nil || p.Reason.Code != DirectionUnknown || p.Reason.N != c[DirUnknown] {
						t.Errorf("%s %d: %v %+v, want no value (%d unknown)", id, p.Year, fmtP(p.Value), p.Reason, c[DirUnknown])
					}
				default:
					if p.Value == nil || *p.Value != float64(c[dir]) || p.Unknown != c[DirUnknown] {
						t.Errorf("%s %d: %v (+%d unknown), want %d (+%d)", id, p.Year, fmtP(p.Value), p.Unknown, c[dir], c[DirUnknown])
					}
				}
				checked++
			}
		}
	}
	// The hand labels put something in every direction but "in" for licences and pledges.
	for _, id := range []string{"t-in", "t-out", "t-within", "l-out", "p-within"} {
		total := 0.0
		for _, p := range ind(t, tr, id).Series {
			if p.Value != nil {
				total += *p.Value
			}
		}
		if total == 0 {
			t.Errorf("%s: nothing counted", id)
		}
	}
	if noValue == 0 {
		t.Error("no year with only unknown directions: the rule is not exercised")
	}

	// Expected per-10,000 values.
	famY, grantY := map[int]int{}, map[int]int{}
	stock, hv := 0, 0
	for _, f := range fams {
		if !f.local {
			continue
		}
		famY[f.year]++
		if f.invention && f.grant > 0 {
			grantY[f.grant]++
		}
		if f.invention && f.legal == "有权" && f.grant > 0 {
			stock++
		}
		if f.invention && f.legal == "有权" && (f.wo || f.transfer+f.licence+f.pledge > 0) {
			hv++
		}
	}
	per := func(id string, n func(y int) int) {
		in := ind(t, tr, id)
		if in.Reason != nil || in.Unit != "per_10k" || len(in.Series) == 0 {
			t.Fatalf("%s: %+v", id, in)
		}
		for _, p := range in.Series {
			v, ok := taianPop[p.Year]
			if !ok {
				if p.Value != nil || p.Reason == nil || p.Reason.Code != NoPopulationYear || p.Reason.Year != p.Year {
					t.Errorf("%s %d: %v %+v, want no population", id, p.Year, fmtP(p.Value), p.Reason)
				}
				continue
			}
			w := float64(n(p.Year)) / v * 10000
			if p.Value == nil || math.Abs(*p.Value-w) > 1e-12 || p.Den != int(v) || p.Num != n(p.Year) {
				t.Errorf("%s %d: %v (%d / %d), want %v", id, p.Year, fmtP(p.Value), p.Num, p.Den, w)
			}
		}
	}
	per("fam10k", func(y int) int { return famY[y] })
	per("grants10k", func(y int) int { return grantY[y] })
	per("stock10k", func(int) int { return stock })
	per("hv10k", func(int) int { return hv })
	if s := ind(t, tr, "stock10k").Series; len(s) != 1 || s[0].Year != 2025 {
		t.Errorf("stock: %+v, want one point at the cut-off", s)
	}
	fam := ind(t, tr, "fam10k")
	// Progress: the last complete filing year is 2023: famY[2023] / 5,430,000 × 10,000 / 0.02.
	if fam.LatestYear != 2023 || fam.Progress == nil || math.Abs(*fam.Progress-float64(famY[2023])/5430000*10000/0.02) > 1e-12 {
		t.Errorf("progress %+v", fam)
	}
	if stock == 0 || hv == 0 || famY[2023] == 0 {
		t.Errorf("degenerate test data: stock %d, hv %d, 2023 families %d", stock, hv, famY[2023])
	}
	t.Logf("%d flow points checked, %d without value; stock %d, hv %d", checked, noValue, stock, hv)
}

func itoa(n int) string { return ftoa(float64(n)) }

func ftoa(v float64) string { return fmtP(&v) }
