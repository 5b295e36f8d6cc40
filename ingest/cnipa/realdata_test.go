package cnipa

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

// sheetCount is an independent count of a workbook: per sheet, the non-blank rows after the first
// non-blank row (the header), and how many of those have an empty cell in column col (1-based; 0
// for none).
func sheetCount(t *testing.T, path string, col int) (rows, emptyCol int) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		it, err := f.Rows(s)
		if err != nil {
			t.Fatal(err)
		}
		header := false
		for it.Next() {
			cells, _ := it.Columns()
			blank := true
			for _, c := range cells {
				if strings.TrimSpace(c) != "" {
					blank = false
					break
				}
			}
			if blank {
				continue
			}
			if !header {
				header = true
				continue
			}
			rows++
			if col > 0 && (len(cells) < col || strings.TrimSpace(cells[col-1]) == "") {
				emptyCol++
			}
		}
		it.Close()
	}
	return rows, emptyCol
}

// check is one spot check of a real record, with values read from the file by hand.
type check struct {
	record           int // SourceRecord
	pub, app         string
	appDate, pubDate string
	applicant        string
	mainIPC          string
	docType          string
	title            string
}

func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "cnipa")
	cases := []struct {
		file           string
		emptyCol       int // column whose empty cells are the expected rejections (0: none)
		allRejected    bool
		checks         []check
		rejectedFields []string
		reason         string // in every rejection
	}{
		{
			file: "专利信息.xlsx", // 专利名称,申请号,申请人,申请日,主分类号,摘要: ids derived from 申请号
			checks: []check{
				{record: 1, pub: "CN85102475", app: "CN85102475", appDate: "1985-04-01", applicant: "山东省矿业学院", mainIPC: "H02K17/02", docType: patent.Invention, title: "新型绕线式异步电动机"},
				{record: 435, pub: "CN02310474", app: "CN023104740", appDate: "2002-01-25", applicant: "尹水国", docType: patent.Design, title: "带耳机的移动电话(I)"},
				{record: 756, pub: "CN200320108834", app: "CN2003201088341", appDate: "2003-10-08", applicant: "林志德", mainIPC: "D05B1/10", docType: patent.UtilityModel},
				{record: 765, pub: "CN200320106083", app: "CN200320106083X", appDate: "2003-10-10", applicant: "淄博矿业集团有限责任公司许厂煤矿", mainIPC: "B66D5/26", docType: patent.UtilityModel},
				{record: 7384, pub: "CN201510817712", app: "CN2015108177127", appDate: "2015-11-23", applicant: "尤洛卡(山东)深部地压防治安全技术有限公司", mainIPC: "E21D20/02", docType: patent.Invention, title: "一种恒阻延长锚索和O型封孔器配合支护方法"},
			},
		},
		{
			file:     "专利.xlsx", // 标题,公布号,(formula link),参考资料
			emptyCol: 2,         // rows whose 公布号 is empty hold only the formula's bare link
			checks: []check{
				{record: 1, pub: "CN112990638A", docType: patent.Invention, title: "一种互联网议价模式跑腿代办服务"},
				{record: 2396, pub: "CN111591160B8", title: "一种散热防尘防雨充电桩"},
				{record: 6100, pub: "CN112927056A", title: "一种全景展示服务平台"},
				{record: 60128, pub: "CN112930216A", title: "包含至少一种聚硅氧烷丙烯酸类共聚物和至少一种阳离子丙烯酸类共聚物的组合物"},
			},
			rejectedFields: []string{"公布号"},
			reason:         "the row holds only a link that names no document",
		},
		{
			file: "MaterialChemistry_18_19.xlsx", // CNKI scrape: title,author,com,public,sql,quote,download,href,…
			checks: []check{
				{record: 1, pub: "CN108982325A", appDate: "2018-07-30", pubDate: "2018-12-11", applicant: "浙江大学", docType: patent.Invention, title: "地下防污屏障材料化学相容性测试装置及方法"},
				{record: 3, pub: "CN208104517U", appDate: "2018-04-17", pubDate: "2018-11-16", applicant: "重庆电子工程职业学院", docType: patent.UtilityModel},
				{record: 33, pub: "CN107738040A", appDate: "2017-10-18", pubDate: "2018-02-27", applicant: "镇江市锶达合金材料有限公司", title: "一种焊接材料及其制造方法"},
			},
		},
		{
			file:           "CarrotC_Naive-Bayesian-Classifier__专利.xlsx", // 序号,名称,公开年份,摘要,IPC分类号,分类: no numbers at all
			allRejected:    true,
			rejectedFields: []string{"公开(公告)号"},
			reason:         "the table has no publication-number, application-number or document-link column",
		},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(dir, c.file)
			want, wantRejected := sheetCount(t, path, c.emptyCol)
			if c.allRejected {
				wantRejected = want
			}
			if s := Sniff(path, mustHead(t, path)); s <= 0 {
				t.Errorf("Sniff = %v", s)
			}
			r, err := Open(path, format.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			recs, bad, err := format.ReadAll(r)
			if err != nil {
				t.Fatalf("fatal error: %v", err)
			}
			t.Logf("%s: %d rows, %d accepted, %d rejected", c.file, want, len(recs), len(bad))
			if len(recs)+len(bad) != want {
				t.Errorf("accepted %d + rejected %d != %d rows", len(recs), len(bad), want)
			}
			if len(bad) != wantRejected {
				t.Errorf("rejected %d, want %d", len(bad), wantRejected)
			}
			for _, b := range bad {
				if !errors.Is(b, format.ErrMissingField) || b.File != c.file || b.Line < 2 || !contains(c.rejectedFields, b.Field) ||
					!strings.Contains(b.Error(), c.reason) {
					t.Errorf("unexpected rejection: %v", b)
					break
				}
			}
			byRec := map[int]*patent.Record{}
			for _, rec := range recs {
				p := rec.Patent
				if p.PubNumber == "" || p.Jurisdiction != "CN" || p.Source != Name || p.SourceFile != c.file {
					t.Fatalf("bad record %+v", p)
				}
				byRec[p.SourceRecord] = rec
			}
			for _, ck := range c.checks {
				rec := byRec[ck.record]
				if rec == nil {
					t.Errorf("record %d missing", ck.record)
					continue
				}
				p := rec.Patent
				if p.PubNumber != ck.pub || ck.app != "" && p.AppNumber != ck.app ||
					ck.appDate != "" && p.AppDate.String() != ck.appDate || ck.pubDate != "" && p.PubDate.String() != ck.pubDate ||
					ck.docType != "" && p.DocType != ck.docType || ck.title != "" && p.Title != ck.title {
					t.Errorf("record %d: got pub %s app %s appDate %s pubDate %s type %s title %q; want %+v",
						ck.record, p.PubNumber, p.AppNumber, p.AppDate, p.PubDate, p.DocType, p.Title, ck)
				}
				if ck.applicant != "" && (len(rec.Parties) == 0 || rec.Parties[0].Role != patent.RoleApplicant || rec.Parties[0].NameRaw != ck.applicant) {
					t.Errorf("record %d: parties %+v, want first applicant %s", ck.record, rec.Parties, ck.applicant)
				}
				main := ""
				for _, cl := range rec.Classifications {
					if cl.IsMain && cl.Scheme == patent.IPC {
						main = cl.Code
					}
				}
				if main != ck.mainIPC {
					t.Errorf("record %d: main IPC %q, want %q", ck.record, main, ck.mainIPC)
				}
			}
		})
	}
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
