package synth

import (
	"bytes"
	"encoding/csv"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func lensRows(t *testing.T, opts Options, layout LensLayout) ([]string, [][]string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	st, err := WriteLens(&buf, opts, layout)
	if err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	if st.Bytes != int64(len(data)) {
		t.Errorf("Stats.Bytes = %d, wrote %d", st.Bytes, len(data))
	}
	text := string(data)
	if layout == LensCurrent {
		if !strings.HasPrefix(text, "\ufeff") {
			t.Fatal("current layout lacks the UTF-8 BOM")
		}
		text = strings.TrimPrefix(text, "\ufeff")
	} else {
		if strings.HasPrefix(text, "\ufeff") || strings.Contains(text, "\n") {
			t.Fatal("2016 layout must have no BOM and CR-only line endings")
		}
		text = strings.ReplaceAll(text, "\r", "\n")
	}
	recs, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs)-1 != st.Records {
		t.Errorf("Stats.Records = %d, rows %d", st.Records, len(recs)-1)
	}
	return recs[0], recs[1:], data
}

func col(h []string, name string) int {
	for i, v := range h {
		if v == name {
			return i
		}
	}
	panic("no column " + name)
}

func TestDeterministic(t *testing.T) {
	opts := Options{Families: 1500, Seed: 7}
	var a, b, c bytes.Buffer
	if _, err := WriteLens(&a, opts, LensCurrent); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteLens(&b, opts, LensCurrent); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same Options gave different Lens output")
	}
	opts.Seed = 8
	if _, err := WriteLens(&c, opts, LensCurrent); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Fatal("different seeds gave the same output")
	}
	a.Reset()
	b.Reset()
	if _, err := WriteCNIPA(&a, opts, "gbk"); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteCNIPA(&b, opts, "gbk"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("same Options gave different CNIPA output")
	}
}

var (
	reDisplay  = regexp.MustCompile(`^(US \d{4}/\d{7} A1|US \d{7,8} B2|CN \d{9} [ABUS]|EP \d{7} (A1|B1)|WO \d{4}/\d{6} A1|JP \d{10} A|JP \d{7} B2|KR \d{11} A|KR \d{9} B1|DE \d{12} A1|FR \d{7} (A1|B1)|GB \d{7} [AB]|IL \d{6} [AB]|TW (\d{9} A|I\d{6} B|M\d{6} U))$`)
	reApp      = regexp.MustCompile(`^[A-Z]{2} (\d{4}/\d{7} W|\d{6,12} [AUFP])$`)
	rePrio     = regexp.MustCompile(`^[A-Z]{2} (\d{4}/\d{7} W|\d{6,12} [AUFP]) \d{8}$`)
	reLensID   = regexp.MustCompile(`^\d{3}-\d{3}-\d{3}-\d{3}-\d{2}[\dX]$`)
	reCode     = regexp.MustCompile(`^[A-H]\d{2}[A-Z]\d{1,4}/\d{2,6}$`)
	reDMY      = regexp.MustCompile(`^\d{2}/\d{2}/\d{2}$`)
	reCNPub    = regexp.MustCompile(`^CN\d{9}[ABUS]$`)
	reCNApp    = regexp.MustCompile(`^CN(\d{12})\.([\dX])$`)
	reCNDate   = regexp.MustCompile(`^\d{4}\.\d{2}\.\d{2}$`)
	reCNIPC    = regexp.MustCompile(`^[A-H]\d{2}[A-Z]\d{1,4}/\d{2,6}（20\d{2}\.01）I$`)
	reCanon    = regexp.MustCompile(`^[A-Z]{2}[IM]?\d{6,12}[A-Z]\d?$`)
	reProvCode = regexp.MustCompile(`^(\d{2}|[A-Z]{2})$`)
)

func TestLensCurrentFormat(t *testing.T) {
	opts := Options{Families: 3000, Seed: 3}
	h, rows, _ := lensRows(t, opts, LensCurrent)
	if strings.Join(h, ",") != strings.Join(LensCurrentHeader, ",") {
		t.Fatalf("header = %v", h)
	}
	want := "#,Jurisdiction,Kind,Display Key,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Priority Numbers,Earliest Priority Date,Title,Abstract,Applicants,Inventors,Owners,URL,Document Type,Has Full Text,Cites Patent Count,Cited by Patent Count,Simple Family Size,Simple Family Members,Extended Family Size,Sequence Count,CPC Classifications,IPCR Classifications,US Classifications,NPL Citation Count,NPL Citations,Legal Status"
	if !strings.HasPrefix(strings.Join(h, ","), want+",Cited Patents") {
		t.Fatal("header differs from the Lens layout")
	}
	cutoff := time.Date(2025, 12, 31, 0, 0, 0, 0, time.UTC)
	keys := map[string]bool{}
	docTypes := map[string]bool{"Granted Patent": true, "Patent Application": true, "Utility Model": true, "Design Right": true}
	legal := map[string]bool{"ACTIVE": true, "INACTIVE": true, "PENDING": true, "EXPIRED": true, "DISCONTINUED": true, "UNKNOWN": true}
	var cited []string
	for i, r := range rows {
		if len(r) != len(h) {
			t.Fatalf("row %d has %d fields", i+1, len(r))
		}
		key := r[col(h, "Display Key")]
		if !reDisplay.MatchString(key) {
			t.Errorf("row %d: display key %q", i+1, key)
		}
		if keys[key] {
			t.Errorf("row %d: duplicate publication %q", i+1, key)
		}
		keys[key] = true
		if !strings.HasPrefix(key, r[col(h, "Jurisdiction")]+" ") || !strings.HasSuffix(key, " "+r[col(h, "Kind")]) {
			t.Errorf("row %d: key %q disagrees with jurisdiction/kind", i+1, key)
		}
		if !reLensID.MatchString(r[col(h, "Lens ID")]) {
			t.Errorf("row %d: Lens ID %q", i+1, r[col(h, "Lens ID")])
		}
		pub, err1 := time.Parse("2006-01-02", r[col(h, "Publication Date")])
		app, err2 := time.Parse("2006-01-02", r[col(h, "Application Date")])
		pri, err3 := time.Parse("2006-01-02", r[col(h, "Earliest Priority Date")])
		if err1 != nil || err2 != nil || err3 != nil {
			t.Fatalf("row %d: bad dates %v %v %v", i+1, err1, err2, err3)
		}
		if pub.After(cutoff) || app.After(pub) || pri.After(app) {
			t.Errorf("row %d: dates out of order: priority %v app %v pub %v", i+1, pri, app, pub)
		}
		if r[col(h, "Publication Year")] != pub.Format("2006") {
			t.Errorf("row %d: publication year", i+1)
		}
		if !reApp.MatchString(r[col(h, "Application Number")]) {
			t.Errorf("row %d: application number %q", i+1, r[col(h, "Application Number")])
		}
		for _, p := range strings.Split(r[col(h, "Priority Numbers")], ";;") {
			if !rePrio.MatchString(p) {
				t.Errorf("row %d: priority number %q", i+1, p)
			}
		}
		dt := r[col(h, "Document Type")]
		if !docTypes[dt] || !legal[r[col(h, "Legal Status")]] {
			t.Errorf("row %d: document type %q / legal status %q", i+1, dt, r[col(h, "Legal Status")])
		}
		for _, name := range []string{"IPCR Classifications", "CPC Classifications"} {
			v := r[col(h, name)]
			if dt == "Design Right" {
				continue
			}
			codes := strings.Split(v, ";;")
			if len(codes) < 1 || len(codes) > 6 {
				t.Errorf("row %d: %d %s", i+1, len(codes), name)
			}
			for _, c := range codes {
				if !reCode.MatchString(c) {
					t.Errorf("row %d: %s code %q", i+1, name, c)
				}
			}
		}
		if r[col(h, "Title")] == "" || r[col(h, "Abstract")] == "" || r[col(h, "Applicants")] == "" {
			t.Errorf("row %d: empty title/abstract/applicants", i+1)
		}
		members := strings.Split(r[col(h, "Simple Family Members")], ";;")
		if r[col(h, "Simple Family Size")] != itoa(len(members)) {
			t.Errorf("row %d: family size vs members", i+1)
		}
		if c := r[col(h, "Cited Patents")]; c != "" {
			cs := strings.Split(c, ";;")
			if r[col(h, "Cites Patent Count")] != itoa(len(cs)) {
				t.Errorf("row %d: cites count vs cited patents", i+1)
			}
			cited = append(cited, cs...)
		}
	}
	for _, c := range cited {
		if !keys[c] {
			t.Errorf("cited publication %q is not in the corpus", c)
			break
		}
	}
}

func TestLens2016Format(t *testing.T) {
	h, rows, _ := lensRows(t, Options{Families: 400, Seed: 1}, Lens2016)
	if strings.Join(h, ",") != "#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Priority Numbers,Title,Applicants,Inventors,URL,Type,Full Text,Cited Count,Simple Family Size,Extended Family Size,Sequence Count,CPC Classifications,IPCR Classifications,US Classifications,PubMed Id(s),DOI(s),Non-Patent Citations" {
		t.Fatalf("header = %v", h)
	}
	for i, r := range rows {
		if len(r) != len(h) {
			t.Fatalf("row %d: %d fields", i+1, len(r))
		}
		if !reDMY.MatchString(r[5]) || !reDMY.MatchString(r[8]) {
			t.Errorf("row %d: dates %q %q", i+1, r[5], r[8])
		}
		if _, err := time.Parse("02/01/06", r[5]); err != nil {
			t.Error(err)
		}
		if !reDisplay.MatchString(r[3]) {
			t.Errorf("row %d: publication number %q", i+1, r[3])
		}
	}
}

func TestMaxRecords(t *testing.T) {
	st, err := WriteLens(io.Discard, Options{Families: 2000, MaxRecords: 123}, LensCurrent)
	if err != nil || st.Records != 123 {
		t.Fatalf("got %+v, %v", st, err)
	}
}

func TestCNIPAFormat(t *testing.T) {
	opts := Options{Families: 2500, Seed: 5}
	var buf bytes.Buffer
	st, err := WriteCNIPA(&buf, opts, "utf-8")
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes())).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	h, rows := recs[0], recs[1:]
	if !strings.HasPrefix(strings.Join(h, ","), "序号,公开(公告)号,公开(公告)日,申请号,申请日,优先权号,优先权日,名称,摘要,申请(专利权)人,发明人,申请人地址,国省代码,IPC主分类,IPC,CPC,专利类型,法律状态,当前权利人,权利要求数量,引证专利,被引证次数,同族专利,转让次数,许可次数,质押次数") {
		t.Fatalf("header = %v", h)
	}
	if len(rows) != st.Records || st.Records == 0 {
		t.Fatalf("rows %d, stats %+v", len(rows), st)
	}
	types := map[string]bool{"发明": true, "实用新型": true, "外观设计": true}
	status := map[string]bool{"有权": true, "审中": true, "失效": true, "驳回": true, "撤回": true}
	ops := 0
	for i, r := range rows {
		if len(r) != len(h) {
			t.Fatalf("row %d: %d fields", i+1, len(r))
		}
		if !reCNPub.MatchString(r[1]) || !reCNDate.MatchString(r[2]) || !reCNDate.MatchString(r[4]) {
			t.Errorf("row %d: %q %q %q", i+1, r[1], r[2], r[4])
		}
		m := reCNApp.FindStringSubmatch(r[3])
		if m == nil || cnCheckDigit([]byte(m[1])) != m[2][0] {
			t.Errorf("row %d: application number %q", i+1, r[3])
		}
		if _, err := time.Parse("2006.01.02", r[2]); err != nil {
			t.Error(err)
		}
		if !types[r[16]] || !status[r[17]] || !reProvCode.MatchString(r[12]) {
			t.Errorf("row %d: type %q status %q code %q", i+1, r[16], r[17], r[12])
		}
		if r[16] != "外观设计" {
			for _, c := range strings.Split(r[14], ";") {
				if !reCNIPC.MatchString(c) {
					t.Errorf("row %d: IPC %q", i+1, c)
				}
			}
			if !strings.HasPrefix(r[14], r[13]+"（") {
				t.Errorf("row %d: main IPC %q not first in %q", i+1, r[13], r[14])
			}
		}
		for _, c := range strings.Split(r[22], ";") {
			if !reCanon.MatchString(c) {
				t.Errorf("row %d: family member %q", i+1, c)
			}
		}
		if reProvCode.MatchString(r[12]) && r[12][0] <= '9' && r[12] != "71" && !strings.Contains(r[11], " ") {
			t.Errorf("row %d: domestic address without postcode: %q", i+1, r[11])
		}
		if r[23] != "0" || r[24] != "0" || r[25] != "0" {
			ops++
		}
		if strings.ContainsAny(r[7], "abcdefghijklmnopqrstuvwxyz") {
			t.Errorf("row %d: title not Chinese: %q", i+1, r[7])
		}
	}
	if ops == 0 {
		t.Error("no transfers, licences or pledges")
	}

	// GBK and GB18030 encode the same text.
	for _, enc := range []string{"gbk", "gb18030"} {
		var eb bytes.Buffer
		if _, err := WriteCNIPA(&eb, opts, enc); err != nil {
			t.Fatal(err)
		}
		dec := simplifiedchinese.GB18030.NewDecoder()
		if enc == "gbk" {
			dec = simplifiedchinese.GBK.NewDecoder()
		}
		back, err := dec.Bytes(eb.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(back, buf.Bytes()) {
			t.Errorf("%s output does not decode to the UTF-8 output", enc)
		}
	}
	if _, err := WriteCNIPA(io.Discard, opts, "latin1"); err == nil {
		t.Error("unknown encoding accepted")
	}
	for style, re := range map[CNDateStyle]*regexp.Regexp{CNDateCompact: regexp.MustCompile(`^\d{8}$`), CNDateISO: regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)} {
		o := opts
		o.CNDates, o.MaxRecords = style, 50
		var b bytes.Buffer
		if _, err := WriteCNIPA(&b, o, "utf-8"); err != nil {
			t.Fatal(err)
		}
		recs, _ := csv.NewReader(&b).ReadAll()
		for _, r := range recs[1:] {
			if !re.MatchString(r[2]) {
				t.Errorf("style %d: date %q", style, r[2])
			}
		}
	}
}

// TestDistributions checks the shape of the world: Zipf head, growth, the incomplete last
// years, the CN utility-model share, co-applicants, branch life cycles, unique numbers.
func TestDistributions(t *testing.T) {
	w := NewWorld(Options{Families: 30000, Seed: 11})
	o := w.Options()
	emitted := make([]int, o.LastYear-o.FirstYear+1)
	byApp := make([]int, len(w.Applicants()))
	branchYear := map[string][]int{}
	var cnPubs, cnUtility, coapp, fams int
	seen := map[string]bool{}
	dup := 0
	err := w.Each(func(f *Family) error {
		fams++
		y := f.Priority.Date.Year() - o.FirstYear
		emitted[y]++
		byApp[f.Applicants[0]]++
		if len(f.Applicants) > 1 {
			coapp++
		}
		l1 := f.Branch[:2]
		if branchYear[l1] == nil {
			branchYear[l1] = make([]int, len(emitted))
		}
		branchYear[l1][y]++
		if branchYear[f.Branch] == nil {
			branchYear[f.Branch] = make([]int, len(emitted))
		}
		branchYear[f.Branch][y]++
		for _, p := range f.Pubs {
			k := p.Key.Canonical()
			if seen[k] {
				dup++
			}
			seen[k] = true
			if p.Key.Office == "CN" && w.apps[f.Applicants[0]].Country == "CN" {
				cnPubs++
				if p.DocType == DocUtilityModel {
					cnUtility++
				}
			}
		}
		if len(f.Inventors) == 0 || len(f.Pubs) == 0 {
			t.Fatalf("family %d without inventors or publications", f.Index)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if dup > 0 {
		t.Errorf("%d duplicate publication numbers", dup)
	}
	at := func(s []int, year int) int { return s[year-o.FirstYear] }
	generated := w.FamiliesPerYear()
	t.Logf("emitted per year: %v", emitted)
	// Growth: the S-curve rises by an order of magnitude.
	if at(emitted, 2016) < 5*at(emitted, 2006) || at(emitted, 2020) < 2*at(emitted, 2012) {
		t.Errorf("no growth: %v", emitted)
	}
	// Publication lag: complete years are fully emitted, the last two are not.
	if float64(at(emitted, 2021)) < 0.97*float64(at(generated, 2021)) {
		t.Errorf("2021 incomplete: %d of %d", at(emitted, 2021), at(generated, 2021))
	}
	if float64(at(emitted, 2025)) > 0.3*float64(at(generated, 2025)) || at(emitted, 2024) >= at(generated, 2024) {
		t.Errorf("last years not incomplete: 2024 %d/%d, 2025 %d/%d", at(emitted, 2024), at(generated, 2024), at(emitted, 2025), at(generated, 2025))
	}
	if at(emitted, 2025) > at(emitted, 2022)/3 {
		t.Errorf("no drop after the cut-off: %v", emitted)
	}
	// Zipf head: the top applicant (DJI) leads by far; rank 10 has about 1/10^1.1 of it.
	if byApp[0] < 3*byApp[9] || byApp[0] < byApp[1] {
		t.Errorf("Zipf head: %v", byApp[:12])
	}
	share := float64(byApp[0]) / float64(fams)
	if share < 0.05 || share > 0.3 {
		t.Errorf("top applicant share %.3f", share)
	}
	// CN utility models.
	us := float64(cnUtility) / float64(cnPubs)
	if us < 0.15 || us > 0.6 {
		t.Errorf("CN utility-model share %.3f", us)
	}
	cs := float64(coapp) / float64(fams)
	if cs < 0.04 || cs > 0.2 {
		t.Errorf("co-applicant share %.3f", cs)
	}
	// Branch life cycles: counter-drone emerges late, target drones decline.
	frac := func(b string, year int) float64 {
		return float64(at(branchYear[b], year)) / float64(at(emitted, year))
	}
	if frac("CU", 2023) < 3*frac("CU", 2012) {
		t.Errorf("counter-drone not emerging: %.3f → %.3f", frac("CU", 2012), frac("CU", 2023))
	}
	if frac("AF.TGT", 2022) > frac("AF.TGT", 2006)/3 {
		t.Errorf("target drones not declining: %.3f → %.3f", frac("AF.TGT", 2006), frac("AF.TGT", 2022))
	}
	t.Logf("families %d, top share %.3f, CN utility share %.3f, co-applicants %.3f", fams, share, us, cs)
}

func TestBranchesAndApplicants(t *testing.T) {
	bs := Branches()
	ids := map[string]bool{}
	l1 := 0
	for _, b := range bs {
		ids[b.ID] = true
		if b.Level == 1 {
			l1++
		} else if !ids[b.Parent] {
			t.Errorf("%s: parent %q not before it", b.ID, b.Parent)
		}
		if b.NameZh == "" || b.NameEn == "" || len(b.IPC) == 0 || len(b.CPC) == 0 || len(b.KeywordsZh) == 0 || len(b.KeywordsZh) != len(b.KeywordsEn) {
			t.Errorf("%s: incomplete branch", b.ID)
		}
		for _, c := range append(append([]string(nil), b.IPC...), b.CPC...) {
			if !reCode.MatchString(c) {
				t.Errorf("%s: code %q", b.ID, c)
			}
		}
	}
	if l1 != 7 || len(bs) < 25 {
		t.Errorf("%d level-1 branches, %d in all", l1, len(bs))
	}
	apps := Applicants()
	if apps[0].Name != "SZ DJI TECHNOLOGY CO LTD" || apps[0].NameZh != "深圳市大疆创新科技有限公司" || apps[0].Province != "广东省" || apps[0].City != "深圳市" {
		t.Errorf("top applicant %+v", apps[0])
	}
	for _, a := range apps {
		if len(a.Variants) < 2 || a.Rank < 1 || a.Kind == "" || a.Country == "" || a.ProvinceCode == "" {
			t.Errorf("applicant %+v", a)
		}
	}
	w := NewWorld(Options{Families: 1000})
	kinds := map[string]int{}
	countries := map[string]int{}
	for _, a := range w.Applicants() {
		kinds[a.Kind]++
		countries[a.Country]++
	}
	for _, k := range []string{KindEnterprise, KindUniversity, KindInstitute, KindIndividual, KindGovernment} {
		if kinds[k] == 0 {
			t.Errorf("no %s applicants", k)
		}
	}
	for _, c := range []string{"CN", "US", "JP", "KR", "DE", "FR", "GB", "IL", "TW"} {
		if countries[c] == 0 {
			t.Errorf("no applicants from %s", c)
		}
	}
}

func TestDay(t *testing.T) {
	for d := DayOf(1999, 1, 1); d < DayOf(2031, 1, 1); d++ {
		y, m, dd := d.Civil()
		if DayOf(y, m, dd) != d || d.Time().Format("2006-01-02") != d.String() {
			t.Fatalf("day %d: %d-%d-%d vs %s", d, y, m, dd, d.Time())
		}
	}
	if !strings.EqualFold(DayOf(2019, 7, 11).String(), "2019-07-11") {
		t.Fatal("DayOf")
	}
}

func TestCNCheckDigit(t *testing.T) {
	// CN201510817712.7 (navigation.md §8).
	if c := cnCheckDigit([]byte("201510817712")); c != '7' {
		t.Fatalf("check digit %c, want 7", c)
	}
	a := AppRef{Office: "CN", Number: 201510817712, Kind: "A"}
	if got := string(a.AppendCNIPA(nil)); got != "CN201510817712.7" {
		t.Fatal(got)
	}
	if got := string(a.AppendLens(nil)); got != "CN 201510817712 A" {
		t.Fatal(got)
	}
}

func TestPubKeyForms(t *testing.T) {
	cases := []struct {
		k                  PubKey
		canonical, display string
	}{
		{PubKey{"US", 20190012345, "A1"}, "US20190012345A1", "US 2019/0012345 A1"},
		{PubKey{"CN", 110364031, "B"}, "CN110364031B", "CN 110364031 B"},
		{PubKey{"EP", 3123456, "A1"}, "EP3123456A1", "EP 3123456 A1"},
		{PubKey{"WO", 2019123456, "A1"}, "WO2019123456A1", "WO 2019/123456 A1"},
		{PubKey{"JP", 2019123456, "A"}, "JP2019123456A", "JP 2019123456 A"},
		{PubKey{"KR", 20190012345, "A"}, "KR20190012345A", "KR 20190012345 A"},
		{PubKey{"TW", 678901, "B"}, "TWI678901B", "TW I678901 B"},
		{PubKey{"US", 10123456, "B2"}, "US10123456B2", "US 10123456 B2"},
	}
	for _, c := range cases {
		if c.k.Canonical() != c.canonical || c.k.Display() != c.display {
			t.Errorf("%+v: %s / %s", c.k, c.k.Canonical(), c.k.Display())
		}
	}
}
