package cnipa

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json and testdata/workbook.xlsx")

// result is what a golden file holds: the records and the record errors of one input.
type result struct {
	Records []*patent.Record `json:"records"`
	Errors  []string         `json:"errors"`
}

func readPath(t testing.TB, path string, opts format.Options) result {
	t.Helper()
	recs, errs := formattest.ReadAll(t, Open, path, opts)
	return result{Records: recs, Errors: append([]string{}, errs...)}
}

func toJSON(t testing.TB, v any) []byte {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return append(b, '\n')
}

// fixtures are the golden inputs; workbook.xlsx is written by writeWorkbook (go test -update).
var fixtures = []string{
	"cnipa_search.csv",    // CNIPA 专利检索及分析: title lines before the header, BOM, full-width brackets
	"incopat_gbk.tsv",     // incoPat, GBK, tab separated, operation columns
	"patsnap_gb18030.csv", // PatSnap, GB18030 with a 4-byte character, 法律状态/事件
	"cnki.csv",            // CNKI scrape: pub number from the link
	"appno_only.csv",      // no publication-number column: ids derived from application numbers
	"errors.csv",          // bad records among good ones
	"workbook.xlsx",       // several sheets, header on row 3, serial dates, HYPERLINK, English headers
}

func TestGolden(t *testing.T) {
	if *update {
		if err := writeWorkbook(filepath.Join("testdata", "workbook.xlsx")); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			got := toJSON(t, readPath(t, filepath.Join("testdata", name), format.Options{}))
			formattest.Golden(t, filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.json"), got, *update)
		})
	}
}

// writeWorkbook builds the XLSX fixture: an unrecognised notes sheet, an incoPat sheet whose
// header is on row 3 (title rows above), with date cells (serial numbers with date styles, one
// with a time part), a numeric application number, a HYPERLINK formula, a blank row; a PatSnap
// sheet with English headers; and a sheet with a header only.
func writeWorkbook(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "说明"); err != nil {
		return err
	}
	f.SetCellValue("说明", "A1", "本文件由检索系统导出")
	f.SetCellValue("说明", "A2", "检索式：储能 AND 电池")

	// The incoPat sheet goes through a StreamWriter, which can store a formula together with its
	// cached value (what Excel saves and what a reader sees).
	s := "incoPat"
	f.NewSheet(s)
	sw, err := f.NewStreamWriter(s)
	if err != nil {
		return err
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	cnDate := "yyyy\"年\"m\"月\"d\"日\""
	cnStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &cnDate})
	sw.SetRow("A1", []any{"incoPat 专利数据导出"})
	sw.SetRow("A2", []any{"导出日期：2021-05-01"})
	sw.SetRow("A3", []any{"序号", "公开（公告）号", "申请号", "申请日", "公开（公告）日", "标题", "申请人", "IPC", "专利类型", "法律状态", "链接", "被引证次数"})
	rows := [][]any{
		{1, "CN104968889A", 201380062416, 41558, 42284, "用于无线通信的方法和装置", "高通股份有限公司；某某大学", "H04W72/04\nH04L5/00", "发明申请", "审中", nil, 12},
		nil, // a blank row: skipped, not a record
		{2, "204123456", "CN201420512345.6", "2014.09.05", 42018.5, "一种储能电池箱", "泰安市某某电气有限公司", "H01M2/10", "实用新型", "有权", nil, "3"},
		{3, "CN102000001B", "CN201010100001.2", 40179, "2012年5月30日", "一种已无效的方法", "某大学", "G06F17/30（2006.01）I", "发明授权", "无效", nil, nil},
	}
	for i, r := range rows {
		if r == nil {
			continue
		}
		if _, ok := r[3].(int); ok {
			r[3] = excelize.Cell{StyleID: dateStyle, Value: r[3]}
		}
		switch r[4].(type) {
		case int, float64:
			r[4] = excelize.Cell{StyleID: cnStyle, Value: r[4]}
		}
		url := "http://epub.cnipa.gov.cn/tdcdesc.action?strWhere=" + r[1].(string)
		r[10] = excelize.Cell{Formula: fmt.Sprintf(`HYPERLINK("%s","%s")`, url, url), Value: url}
		if err := sw.SetRow(fmt.Sprintf("A%d", 4+i), r); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}

	e := "PatSnap EN"
	f.NewSheet(e)
	eh := []any{"Publication Number", "Application Number", "Title", "Applicants", "Current Assignee", "Inventors",
		"Application Date", "Publication Date", "IPC", "CPC", "Simple Legal Status", "Simple Family ID", "Cited by Count", "Earliest Priority Date"}
	f.SetSheetRow(e, "A1", &eh)
	er := [][]any{
		{"CN112990638A", "CN202110312345.6", "Errand service with online bargaining", "Hangzhou Example Co., Ltd.", "Hangzhou Example Co., Ltd.", "Zhang San; Li Si",
			"2021-03-24", "2021-06-18", "G06Q30/06", "G06Q30/0611", "Pending", "88776655", 0, "2021-03-24"},
		{"CN111591160B8", "CN202010412345.1", "散热防尘防雨充电桩", "Apple, Inc.", "", "", "2020-05-15", "2022-01-04", "B60L53/30", "", "Active", "", 5, ""},
	}
	for i, r := range er {
		if err := f.SetSheetRow(e, fmt.Sprintf("A%d", i+2), &r); err != nil {
			return err
		}
	}
	f.NewSheet("空表")
	f.SetSheetRow("空表", "A1", &[]any{"公开(公告)号", "申请号", "标题"})
	return f.SaveAs(path)
}

// TestGeneratedWorkbook regenerates the workbook and checks it reads as the committed one does.
func TestGeneratedWorkbook(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "workbook.xlsx")
	if err := writeWorkbook(p); err != nil {
		t.Fatal(err)
	}
	got := readPath(t, p, format.Options{})
	want := readPath(t, filepath.Join("testdata", "workbook.xlsx"), format.Options{})
	if !bytes.Equal(toJSON(t, got), toJSON(t, want)) {
		t.Errorf("generated workbook reads differently from testdata/workbook.xlsx (run go test -update)")
	}
	if len(got.Records) != 5 || len(got.Errors) != 0 {
		t.Fatalf("got %d records, %d errors; want 5, 0", len(got.Records), len(got.Errors))
	}
	r0 := got.Records[0].Patent
	if r0.AppDate.String() != "2013-10-11" || r0.PubDate.String() != "2015-10-07" {
		t.Errorf("serial dates: app %s pub %s", r0.AppDate, r0.PubDate)
	}
	if r0.AppNumber != "CN201380062416" || r0.CitedByCount != 12 || r0.URL != "http://epub.cnipa.gov.cn/tdcdesc.action?strWhere=CN104968889A" {
		t.Errorf("record 1: app %q cited-by %d url %q", r0.AppNumber, r0.CitedByCount, r0.URL)
	}
	r1 := got.Records[1].Patent
	if r1.PubNumber != "CN204123456" || r1.PubDate.String() != "2015-01-14" || r1.SourceRecord != 2 || r1.DocType != patent.UtilityModel {
		t.Errorf("record 2: %+v", r1)
	}
	if r := got.Records[3]; r.Patent.PubNumber != "CN112990638A" || r.Patent.SourceRecord != 4 || r.Patent.FamilyID != "88776655" ||
		len(r.Parties) != 4 || r.Parties[0].NameRaw != "Hangzhou Example Co., Ltd." {
		t.Errorf("PatSnap EN record: %+v %+v", r.Patent, r.Parties)
	}

	// Options.Sheet selects one sheet; an unknown or unrecognised sheet is an error.
	one := readPath(t, p, format.Options{Sheet: "PatSnap EN"})
	if len(one.Records) != 2 || one.Records[0].Patent.SourceRecord != 1 {
		t.Errorf("Sheet option: %d records", len(one.Records))
	}
	if _, err := Open(p, format.Options{Sheet: "nope"}); err == nil {
		t.Error("unknown sheet: no error")
	}
	if _, err := Open(p, format.Options{Sheet: "说明"}); !errors.Is(err, format.ErrUnknownFormat) {
		t.Errorf("unrecognised sheet: %v", err)
	}
	if s := Sniff(p, mustHead(t, p)); s < 0.9 {
		t.Errorf("Sniff(workbook) = %v", s)
	}
}

func mustHead(t testing.TB, p string) []byte {
	h, err := format.ReadHead(p, 64<<10)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestEncodings encodes the UTF-8 fixtures as GBK and GB18030 and checks they read the same, with
// the encoding detected or forced.
func TestEncodings(t *testing.T) {
	for _, name := range []string{"cnipa_search.csv", "appno_only.csv"} {
		src, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
		want := readPath(t, filepath.Join("testdata", name), format.Options{})
		for _, enc := range []string{"gbk", "gb18030"} {
			e := simplifiedchinese.GBK.NewEncoder()
			if enc == "gb18030" {
				e = simplifiedchinese.GB18030.NewEncoder()
			}
			b, err := e.Bytes(src)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			for _, forced := range []string{"", enc} {
				got := readPath(t, p, format.Options{Encoding: forced})
				if !bytes.Equal(toJSON(t, got), toJSON(t, want)) {
					t.Errorf("%s as %s (forced %q) reads differently from UTF-8", name, enc, forced)
				}
			}
			r, err := Open(p, format.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := r.(*reader).Encoding(); got != "gb18030" {
				t.Errorf("%s as %s: detected %q", name, enc, got)
			}
			r.Close()
		}
	}
	// The committed GB18030 file has a character outside GBK (𠮷).
	res := readPath(t, filepath.Join("testdata", "patsnap_gb18030.csv"), format.Options{})
	if got := res.Records[0].Patent.Title; got != "一种𠮷祥物制造方法" {
		t.Errorf("GB18030 title = %q", got)
	}
}

func TestSpotChecks(t *testing.T) {
	s := readPath(t, filepath.Join("testdata", "cnipa_search.csv"), format.Options{})
	if len(s.Records) != 4 {
		t.Fatalf("cnipa_search: %d records", len(s.Records))
	}
	r := s.Records[0]
	if r.Patent.PubNumber != "CN105298534A" || r.Patent.AppNumber != "CN2015108177127" || r.Patent.AppDate.String() != "2015-11-23" ||
		r.Patent.ApplicantProvince != "37" || r.Parties[0].Address != "山东省泰安市高新区南天门大街" || r.Parties[0].NameRaw != "尤洛卡（山东）深部地压防治安全技术有限公司" {
		t.Errorf("record 1: %+v %+v", r.Patent, r.Parties)
	}
	if len(r.Classifications) != 3 || r.Classifications[0].Code != "E21D20/02" || !r.Classifications[0].IsMain || r.Classifications[2].Code != "E21D11/10" {
		t.Errorf("record 1 classes: %+v", r.Classifications)
	}
	r = s.Records[1]
	if r.Patent.PubNumber != "CN105298535" || r.Patent.DocType != patent.UtilityModel || r.Patent.PubDate.String() != "2014-06-04" ||
		r.Patent.GrantDate.String() != "2014-06-04" || r.Patent.PriorityDate.String() != "2013-01-10" || len(r.Patent.Priorities) != 2 {
		t.Errorf("record 2: %+v", r.Patent)
	}
	if r := s.Records[3]; r.Parties[0].NameRaw != "Energy Storage, Inc." || r.Patent.DocType != patent.Design || r.Patent.LegalStatus != patent.Lapsed {
		t.Errorf("record 4: %+v %+v", r.Patent, r.Parties)
	}

	in := readPath(t, filepath.Join("testdata", "incopat_gbk.tsv"), format.Options{})
	p := in.Records[1].Patent
	if p.TransferCount != 2 || p.LastTransferDate.String() != "2019-05-06" || p.LicenceCount != 1 || p.PledgeCount != -1 ||
		p.Invalidated || p.LitigationCount != 0 || p.ExpiryDate.String() != "2024-09-05" || p.CurrentOwner != "山东某某能源有限公司" {
		t.Errorf("incoPat operations: %+v", p)
	}
	if p := in.Records[2].Patent; !p.Invalidated || p.InvalidationRaw != "宣告专利权全部无效" || p.GrantDate.String() != "2012-05-30" {
		t.Errorf("incoPat invalidation: %+v", p)
	}

	a := readPath(t, filepath.Join("testdata", "appno_only.csv"), format.Options{})
	want := []struct{ pub, app, typ string }{
		{"CN85102475", "CN85102475", patent.Invention},
		{"CN87101357", "CN871013576", patent.Invention},
		{"CN02310474", "CN023104740", patent.Design},
		{"CN200320106083", "CN200320106083X", patent.UtilityModel},
		{"CN201510817712", "CN2015108177127", patent.Invention},
	}
	for i, w := range want {
		p := a.Records[i].Patent
		if p.PubNumber != w.pub || p.AppNumber != w.app || p.DocType != w.typ || p.Kind != "" {
			t.Errorf("appno record %d: pub %q app %q type %q kind %q; want %+v", i+1, p.PubNumber, p.AppNumber, p.DocType, p.Kind, w)
		}
	}
	if len(a.Records[2].Classifications) != 0 {
		t.Errorf("Locarno class kept: %+v", a.Records[2].Classifications)
	}
}

func TestRecordErrors(t *testing.T) {
	r, err := Open(filepath.Join("testdata", "errors.csv"), format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	formattest.ExpectReads(t, r, "errors.csv", []formattest.Want{
		formattest.RecAt("CN105298534A", 1),
		formattest.Bad(2, 3, "申请日", format.ErrBadDate),
		formattest.Bad(3, 4, "公开(公告)号", format.ErrBadNumber),
		formattest.Bad(4, 5, "公开(公告)号", format.ErrMissingField),
		formattest.RecAt("CN105298536A", 5),
		formattest.Bad(6, 8, "申请日", format.ErrBadDate),
		formattest.RecAt("CN105298538A", 7),
	})
}

func TestXLSXRecordError(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"公开(公告)号", "申请日", "名称"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"CN1", "2015-01-01", "短号码"})
	f.SetSheetRow("Sheet1", "A4", &[]any{"CN105298534A", "20151399", "坏日期"})
	f.SetSheetRow("Sheet1", "A5", &[]any{"CN105298535A", 42000, "好"})
	p := filepath.Join(t.TempDir(), "e.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	res := readPath(t, p, format.Options{})
	want := []string{
		`e.xlsx: record 1 (line 2), field "公开(公告)号": bad publication number: "CN1"`,
		`e.xlsx: record 2 (line 4), field "申请日": bad date: "20151399"`,
	}
	if strings.Join(res.Errors, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(res.Errors, "\n"), strings.Join(want, "\n"))
	}
	if len(res.Records) != 1 || res.Records[0].Patent.AppDate.String() != "2014-12-27" || res.Records[0].Patent.SourceRecord != 3 {
		t.Errorf("records: %+v", res.Records[0].Patent)
	}
}

func TestEmptyAndUnknown(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, p := range []string{write("empty.csv", ""), write("blank.csv", "\n\r\n,,,\n"), write("bom.csv", "\uFEFF")} {
		if _, err := Open(p, format.Options{}); !errors.Is(err, format.ErrEmpty) {
			t.Errorf("%s: %v, want ErrEmpty", filepath.Base(p), err)
		}
	}
	if _, err := Open(write("other.csv", "a,b,c\n1,2,3\n"), format.Options{}); !errors.Is(err, format.ErrUnknownFormat) {
		t.Errorf("unknown header: %v", err)
	}
	// A header without data rows is no error: just no records.
	res := readPath(t, write("hdr.csv", "公开(公告)号,申请号,名称\n"), format.Options{})
	if len(res.Records)+len(res.Errors) != 0 {
		t.Errorf("header only: %+v", res)
	}
	f := excelize.NewFile()
	p := filepath.Join(dir, "empty.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(p, format.Options{}); !errors.Is(err, format.ErrEmpty) {
		t.Errorf("empty workbook: %v", err)
	}
	if _, err := Open(write("broken.xlsx", "PK\x03\x04garbage"), format.Options{}); err == nil {
		t.Error("broken workbook: no error")
	}
	if _, err := Open(filepath.Join(dir, "missing.csv"), format.Options{}); err == nil {
		t.Error("missing file: no error")
	}
	if _, err := Open(write("x.csv", "公开(公告)号,名称\nCN105298534A,x\n"), format.Options{Encoding: "ebcdic"}); err == nil {
		t.Error("unknown encoding: no error")
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		name, head string
		min, max   float64
	}{
		{"a.csv", "\uFEFF申请号,申请日,公开(公告)号,名称\n", 0.9, 0.9},
		{"a.csv", "检索式：x\n\n公开（公告）号,标题,申请人\n", 0.9, 0.9},
		{"a.csv", "title,author,com,public,sql,quote,download,href\n", 0.8, 0.8},
		{"a.csv", "Publication Number,Application Number,Title,Applicants,IPC\n", 0.3, 0.3},
		{"lens.csv", "Lens ID,Jurisdiction,Kind,Display Key,Publication Number,Title,Applicants\n", 0, 0},
		{"g.csv", "search URL:,https://patents.google.com/?q=x\nid,title,assignee,inventor/author,priority date\n", 0, 0},
		{"x.csv", "a,b,c\n", 0, 0},
		{"x.csv", "", 0, 0},
	}
	for _, c := range cases {
		if s := Sniff(c.name, []byte(c.head)); s < c.min || s > c.max {
			t.Errorf("Sniff(%q) = %v, want [%v,%v]", c.head, s, c.min, c.max)
		}
	}
	gbk, _ := os.ReadFile(filepath.Join("testdata", "incopat_gbk.tsv"))
	if s := Sniff("x.tsv", gbk); s != 0.9 {
		t.Errorf("Sniff(GBK TSV) = %v", s)
	}
	if s := Sniff("x.xlsx", []byte("PK\x03\x04garbage")); s != 0 {
		t.Errorf("Sniff(broken xlsx) = %v", s)
	}
}

func TestValues(t *testing.T) {
	for in, want := range map[string]int{"12": 12, "12.0": 12, "3次": 3, "否": 0, "": -1, "转让给某公司": -1, "1.5": -1} {
		if got := parseCount(in); got != want {
			t.Errorf("parseCount(%q) = %d, want %d", in, got, want)
		}
	}
	for in, want := range map[string]string{
		"https://kns.cnki.net/kcms/detail/detail.aspx?dbcode=SCPD&filename=CN208104517U": "CN208104517U",
		"http://epub.cnipa.gov.cn/tdcdesc.action?strWhere=CN112990638A":                  "CN112990638A",
		"http://epub.cnipa.gov.cn/tdcdesc.action?strWhere=":                              "",
		"https://example.com/?xfilename=CN1A":                                            "",
	} {
		if got := pubFromURL(in); got != want {
			t.Errorf("pubFromURL(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"42118": "2015-04-24", "42118.75": "2015-04-24", "20150424": "2015-04-24",
		"2015/4/24": "2015-04-24", "2015年4月24日": "2015-04-24", "2015.04.24": "2015-04-24"} {
		d, err := excelDate(in, false)
		if err != nil || d.String() != want {
			t.Errorf("excelDate(%q) = %v %v, want %s", in, d, err, want)
		}
	}
	if d, _ := excelDate("40656", true); d.String() != "2015-04-24" {
		t.Errorf("1904 serial: %v", d)
	}
	if _, err := excelDate("2013", false); err == nil {
		t.Error("a bare year parsed as a date")
	}
	if got := plainNumber("2.01510817712E+11"); got != "201510817712" {
		t.Errorf("plainNumber = %q", got)
	}
	if got := splitNames("Apple, Inc., Google LLC"); len(got) != 2 || got[0] != "Apple, Inc." {
		t.Errorf("splitNames = %q", got)
	}
	if !invalidated("宣告专利权部分无效") || invalidated("维持专利权有效") || invalidated("0") || !invalidated("1") {
		t.Error("invalidated")
	}
}

// FuzzRead feeds arbitrary bytes as a CSV file and, when they look like a zip, as a workbook.
func FuzzRead(f *testing.F) {
	for _, name := range fixtures {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		if strings.HasSuffix(name, ".csv") {
			for line := 0; line < 3; line++ {
				f.Add(formattest.RewriteHeader(b, line, ',', formattest.SnakeCase))
				f.Add(formattest.RewriteHeader(b, line, ',', formattest.UpperCase))
			}
		}
	}
	f.Add([]byte("公开(公告)号,申请日\nCN1,2015\n\"unterminated"))
	f.Add([]byte("公开(公告)号,申请日,公开(公告)日\nCN1A,1900-02-29,2000-02-29\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		name := "f.csv"
		if bytes.HasPrefix(data, []byte("PK\x03\x04")) {
			name = "f.xlsx"
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		Sniff(p, data)
		r, err := Open(p, format.Options{})
		if err != nil {
			return
		}
		defer r.Close()
		for i := 0; i < 1_000_000; i++ {
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			var re *format.RecordError
			if errors.As(err, &re) {
				if re.Record < 1 {
					t.Fatalf("RecordError without record number: %v", re)
				}
				continue
			}
			if err != nil {
				return // fatal
			}
			if rec == nil || rec.Patent.PubNumber == "" {
				t.Fatalf("nil record or empty PubNumber without error")
			}
		}
		t.Fatal("Read did not terminate")
	})
}

// benchRows generates n realistic rows (incoPat-like columns).
func benchRows(n int) (header []string, rows [][]any) {
	header = []string{"公开（公告）号", "申请号", "申请日", "公开（公告）日", "标题", "摘要", "申请人", "发明人", "IPC主分类", "IPC", "专利类型", "法律状态", "被引证次数", "申请人地址", "国省代码"}
	abstract := strings.Repeat("本发明公开了一种储能装置，包括电池模组、热管理系统和控制单元。", 6)
	for i := 0; i < n; i++ {
		rows = append(rows, []any{
			fmt.Sprintf("CN%09dA", 104000000+i), fmt.Sprintf("CN2015%07d.%d", 1000000+i, i%10),
			"2015.04.24", "20151007", fmt.Sprintf("一种储能装置及其控制方法%d", i), abstract,
			"某某新能源科技有限公司;某某大学", "张三;李四;王五", "H01M10/44", "H01M10/44（2006.01）I;H02J7/00（2006.01）I;H01M2/10",
			"发明申请", "审中", i % 30, "山东省泰安市高新区", "37",
		})
	}
	return header, rows
}

// BenchmarkRead reads 10 000 generated records from CSV and from XLSX.
func BenchmarkRead(b *testing.B) {
	const n = 10000
	header, rows := benchRows(n)
	dir := b.TempDir()
	b.Run("csv", func(b *testing.B) {
		var buf bytes.Buffer
		buf.WriteString(strings.Join(header, ",") + "\n")
		for _, r := range rows {
			for j, v := range r {
				if j > 0 {
					buf.WriteByte(',')
				}
				fmt.Fprintf(&buf, "%v", v)
			}
			buf.WriteByte('\n')
		}
		p := filepath.Join(dir, "bench.csv")
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		formattest.BenchRead(b, Open, p, n)
	})
	b.Run("xlsx", func(b *testing.B) {
		f := excelize.NewFile()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		h := make([]any, len(header))
		for i, v := range header {
			h[i] = v
		}
		sw.SetRow("A1", h)
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+2)
			if err := sw.SetRow(cell, r); err != nil {
				b.Fatal(err)
			}
		}
		sw.Flush()
		p := filepath.Join(dir, "bench.xlsx")
		if err := f.SaveAs(p); err != nil {
			b.Fatal(err)
		}
		formattest.BenchRead(b, Open, p, n)
	})
}

// TestGrantOnAPublication: an export row for the A publication that also gives the grant
// document (授权公告号, the B number) and its date (授权公告日) is a granted patent: the grant
// date is kept (it was dropped because the row's own kind, A, is not a grant kind). The row
// without the grant columns stays ungranted; 授权公告号 alone (the only number column) is the
// publication number.
func TestGrantOnAPublication(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	s := readPath(t, write("a.csv", "公开号,公开日,授权公告号,授权公告日,申请号,申请日,名称\n"+
		"CN105298534A,2016-02-03,CN105298534B,2018-07-06,CN201510817712.7,2015-11-23,锚杆\n"+
		"CN105298535A,2016-02-03,,,CN201510817713.1,2015-11-23,锚索\n"+
		"CN105298536A,2016-02-03,CN105298536B,,CN201510817714.6,2015-11-23,锚具\n"), format.Options{})
	if len(s.Records) != 3 {
		t.Fatalf("%d records (%v)", len(s.Records), s.Errors)
	}
	if p := s.Records[0].Patent; p.PubNumber != "CN105298534A" || p.GrantDate.String() != "2018-07-06" {
		t.Errorf("A with its grant: pub %s grant %v, want CN105298534A granted 2018-07-06", p.PubNumber, p.GrantDate)
	}
	if p := s.Records[1].Patent; p.GrantDate.Valid() || p.Granted {
		t.Errorf("A without a grant: grant %v granted %v, want none", p.GrantDate, p.Granted)
	}
	// The grant number without its date: granted, and no date is invented.
	if p := s.Records[2].Patent; !p.Granted || p.GrantDate.Valid() {
		t.Errorf("A with a grant number only: granted %v date %v, want granted with no date", p.Granted, p.GrantDate)
	}
	s = readPath(t, write("b.csv", "授权公告号,授权公告日,申请号,名称\nCN105298534B,2018-07-06,CN201510817712.7,锚杆\n"), format.Options{})
	if len(s.Records) != 1 || s.Records[0].Patent.PubNumber != "CN105298534B" || s.Records[0].Patent.GrantDate.String() != "2018-07-06" {
		t.Errorf("授权公告号 alone: %+v %v", s.Records, s.Errors)
	}
}
