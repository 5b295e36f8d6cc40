package patentscope

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the reader's output")

type result struct {
	Records []*patent.Record
	Errors  []string
}

func TestGolden(t *testing.T) {
	recs, errs := formattest.ReadAll(t, Open, "testdata/sample.csv", format.Options{})
	got, err := json.MarshalIndent(result{recs, errs}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	formattest.Golden(t, "testdata/sample.golden.json", got, *update)
}

func TestReads(t *testing.T) {
	r, err := Open("testdata/sample.csv", format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	formattest.ExpectReads(t, r, "sample.csv", []formattest.Want{
		formattest.RecAt("WO2015108717", 1),
		formattest.RecAt("US8655901", 2), // US08655901: a grant's leading zero dropped
		formattest.RecAt("US20120263847", 3),
		formattest.RecAt("US20150376136", 4),
		formattest.RecAt("CN104968889", 5),
		formattest.Bad(6, 9, "Publication Number", format.ErrBadNumber),
		formattest.Bad(7, 10, "Publication Date", format.ErrBadDate),
		formattest.Bad(8, 11, "Publication Number", format.ErrMissingField),
	})
}

// TestPriorities: each entry order PATENTSCOPE writes (taken from the real export).
func TestPriorities(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"[61/927,990 16.01.2014 US]", "US61927990@2014-01-16"},
		{"[RE2009A000101 2009-10-16T23:59:59.000Z IT]", "ITRE2009A000101@2009-10-16"},
		{"[US 20140624 62/016,245, US 20150422 14/692,859]", "US62016245@2014-06-24 US14692859@2015-04-22"},
		{"[IT 20140626 102014902273430 (NA2014A000023)]", "IT102014902273430@2014-06-26"},
		{"[PCT/CN2012/087007 2012-12-20T23:59:59.000Z CN]", "PCTCN2012087007@2012-12-20"},
		{"[16261699 1999-10-29T23:59:59.000Z US]", "US16261699@1999-10-29"}, // an 8-digit number is no date
		{"[13157397.4 2013-03-01T23:59:59.000Z EP]", "EP131573974@2013-03-01"},
		{"", ""},
	} {
		var got []string
		for _, p := range Priorities(c.in) {
			got = append(got, p.Number+"@"+p.Date.String())
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("Priorities(%q) = %q, want %q", c.in, g, c.want)
		}
	}
}

func TestFacts(t *testing.T) {
	recs, _ := formattest.ReadAll(t, Open, "testdata/sample.csv", format.Options{})
	wo, us := recs[0].Patent, recs[1]
	for _, c := range [][2]string{
		{wo.PubDate.String(), "2015-07-23"}, {wo.Kind, ""}, {wo.PriorityDate.String(), "2014-01-16"},
		{strings.Join(wo.Priorities, ","), "US61927990"}, {wo.Title, "SYSTEM AND METHOD FOR PRODUCING A PERSONALIZED EARPHONE"},
		{fmt.Sprint(len(us.Parties)), "5"}, // Li Xin, Google Inc., Chen Shi (GOOGLE INC. repeats Google Inc.), 2 inventors
		{us.Classifications[0].Code, "G06F7/00"},
		{recs[4].Patent.PriorityDate.String(), "1999-10-29"},
		{wo.DocType, patent.Invention}, {us.Patent.DocType, patent.Invention}, {recs[4].Patent.DocType, patent.OtherType}, // CN without a kind: unknown
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
}

// TestWorkbook: the same columns saved as .xlsx, preamble rows first, read like the CSV.
func TestWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ps.xlsx")
	c, err := format.OpenCSV("testdata/sample.csv", format.Options{}, ',')
	if err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	for n := 1; ; n++ {
		row, _, err := c.Row(n)
		if err != nil {
			break
		}
		for i, v := range row {
			cell, _ := excelize.CoordinatesToCellName(i+1, n)
			f.SetCellStr("Sheet1", cell, v)
		}
	}
	c.Close()
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	f.Close()
	head, _ := format.ReadHead(path, 4096)
	if s := Sniff(path, head); s < 0.9 {
		t.Errorf("Sniff(xlsx) = %v", s)
	}
	x, xe := formattest.ReadAll(t, Open, path, format.Options{})
	cs, ce := formattest.ReadAll(t, Open, "testdata/sample.csv", format.Options{})
	if len(x) != len(cs) || len(xe) != len(ce) {
		t.Fatalf("xlsx %d/%d, csv %d/%d", len(x), len(xe), len(cs), len(ce))
	}
	for i := range cs {
		x[i].Patent.SourceFile = cs[i].Patent.SourceFile
		a, _ := json.Marshal(x[i])
		b, _ := json.Marshal(cs[i])
		if string(a) != string(b) {
			t.Errorf("record %d differs:\n xlsx %s\n csv  %s", i+1, a, b)
		}
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		head string
		want float64
	}{
		{"\nQuery: x\nPublication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image\n", 0.9},
		{"PUBLICATION_NUMBER,PUBLICATION_DATE,PRIORITY_DATA\n", 0.9},
		{"Title,Publication number,International classification,Priority number(s)\n", 0},
	} {
		if s := Sniff("x.csv", []byte(c.head)); s != c.want {
			t.Errorf("Sniff(%q) = %v, want %v", c.head, s, c.want)
		}
	}
}

func TestHeaderVariants(t *testing.T) {
	formattest.HeaderVariants(t, Open, "testdata/sample.csv", 2, ',')
}

// TestRealData reads the real PATENTSCOPE .xls (BIFF8, ../shared/data/real/patentscope): every
// one of its 6,177 rows (the count in its file name) is accepted with its publication date.
func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "patentscope")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			head, _ := format.ReadHead(path, 64<<10)
			if s := Sniff(path, head); s < 0.9 {
				t.Errorf("Sniff = %v", s)
			}
			recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
			if len(errs) != 0 {
				t.Errorf("%d rejected, first %s", len(errs), errs[0])
			}
			withPrio, withIPC := 0, 0
			for _, r := range recs {
				if !r.Patent.PubDate.Valid() { // (11 rows have no title in the export itself)
					t.Errorf("%s: no publication date", r.Patent.PubNumber)
				}
				if len(r.Patent.Priorities) > 0 {
					withPrio++
				}
				if len(r.Classifications) > 0 {
					withIPC++
				}
			}
			if strings.Contains(path, "6177") && len(recs) != 6177 {
				t.Errorf("%d records, want 6177", len(recs))
			}
			t.Logf("%d records (%d with priorities, %d with IPC), %d rejected", len(recs), withPrio, withIPC, len(errs))
		})
	}
}

// BenchmarkReadReal reads the real .xls export (skipped when absent).
func BenchmarkReadReal(b *testing.B) {
	dir := realdata.Dir("patentscope")
	files, _ := filepath.Glob(filepath.Join(dir, "*.xls"))
	if dir == "" || len(files) == 0 {
		b.Skip("no real PATENTSCOPE .xls")
	}
	recs, _ := formattest.ReadAll(b, Open, files[0], format.Options{})
	formattest.BenchRead(b, Open, files[0], len(recs))
}

func FuzzRead(f *testing.F) {
	b, err := os.ReadFile("testdata/sample.csv")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(b)
	f.Add(formattest.RewriteHeader(b, 2, ',', formattest.SnakeCase))
	f.Add(formattest.RewriteHeader(b, 2, ',', formattest.UpperCase))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) { formattest.FuzzFile(t, Open, dir, data) })
}

// BenchFile writes a generated CSV export of n rows with PATENTSCOPE's columns (a US, WO or EP
// number, date, title, two priorities, five IPC codes, two applicants, three inventors).
func BenchFile(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("patentscope_%d.csv", n))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString("\nQuery: EN_ALL:drone\nPublication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image\n")
	for i := range n {
		num := [...]string{"US2015%07d", "WO2015%06d", "EP%07d"}[i%3]
		fmt.Fprintf(&b, num+",23.07.2015,UNMANNED AERIAL VEHICLE WITH FOLDABLE ARMS %d,\"[61/927,%03d 16.01.2014 US, US 20140624 14/313,%03d]\","+
			"B64C 39/02;B64C 27/08;G05D 1/10;B64D 47/08;H04N 7/18,\"SZ DJI Technology Co., Ltd.;Parrot SA\",Wang Tao;Li Ming;Hans Mueller,\n", i%1000000, i, i%1000, i%1000)
		if b.Len() > 1<<20 {
			f.WriteString(b.String())
			b.Reset()
		}
	}
	if _, err := f.WriteString(b.String()); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkRead reads a generated 100,000-row CSV export and reports records/s and MB/s.
func BenchmarkRead(b *testing.B) {
	const n = 100_000
	formattest.BenchRead(b, Open, BenchFile(b, b.TempDir(), n), n)
}

// TestRealGolden compares a summary of what the reader makes of each real patentscope export (counts
// per role, scheme and citation category, and a SHA-256 of every record: formattest.Summary)
// with testdata/real_<file>.golden.txt; go test -update rewrites it. Skipped when the real data
// is absent.
func TestRealGolden(t *testing.T) {
	dir := realdata.Require(t, "patentscope")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
			formattest.Golden(t, filepath.Join("testdata", "real_"+name+".golden.txt"), []byte(formattest.Summary(recs, errs)), *update)
		})
	}
}
