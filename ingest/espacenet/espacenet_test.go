package espacenet

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
	for _, name := range []string{"classic", "new"} {
		t.Run(name, func(t *testing.T) {
			recs, errs := formattest.ReadAll(t, Open, filepath.Join("testdata", name+".csv"), format.Options{})
			got, err := json.MarshalIndent(result{recs, errs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			formattest.Golden(t, filepath.Join("testdata", name+".golden.json"), got, *update)
		})
	}
}

// TestReads: one record per publication number of a row, the record errors positioned.
func TestReads(t *testing.T) {
	r, err := Open("testdata/classic.csv", format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	formattest.ExpectReads(t, r, "classic.csv", []formattest.Want{
		formattest.RecAt("EP2904235A1", 1), formattest.RecAt("EP2904235B1", 1),
		formattest.RecAt("KR20140005697U", 2),
		formattest.Bad(3, 4, "Publication number", format.ErrBadNumber),
		formattest.Bad(4, 5, "Publication date", format.ErrBadDate),
		formattest.Bad(5, 6, "Publication number", format.ErrMissingField),
	})
}

// TestFacts states the first row's values as read off testdata/classic.csv and new.csv.
func TestFacts(t *testing.T) {
	recs, _ := formattest.ReadAll(t, Open, "testdata/classic.csv", format.Options{})
	a1, b1 := recs[0], recs[1]
	p := a1.Patent
	for _, c := range [][2]string{
		{p.PubDate.String(), "2015-08-06"}, {b1.Patent.PubDate.String(), ""}, // the row's date is its first number's
		{p.AppNumber, "EP20130844704"}, {p.AppDate.String(), "2013-10-08"},
		{strings.Join(p.Priorities, ","), "US201261711212P,EP20130844704"}, {p.PriorityDate.String(), "2012-10-09"},
		{fmt.Sprint(p.CitesCount, p.NPLCount), "6 4"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
	var s []string
	for _, x := range a1.Parties {
		s = append(s, x.Role[:3]+":"+x.NameRaw+":"+x.Country)
	}
	if got := strings.Join(s, "|"); got != "app:PARROT SA:FR|inv:MUELLER HANS:DE|inv:SMITH JOHN:US" {
		t.Errorf("parties %s", got)
	}
	s = nil
	for _, c := range a1.Classifications {
		s = append(s, fmt.Sprintf("%s:%s:%v", c.Scheme, c.Code, c.IsMain))
	}
	if got := strings.Join(s, " "); got != "ipc:B64C39/02:true ipc:B64C27/08:false cpc:B64C39/024:true cpc:B64U10/13:false" {
		t.Errorf("classes %s", got)
	}
	s = nil
	for _, c := range a1.Citations {
		s = append(s, c.Kind+":"+c.Cited+":"+c.Category)
	}
	want := "patent:US20120057518A1:search report|patent:JP2002264927A:search report|npl:XP002723238:search report|" +
		"patent:KR200367531Y1:examination|patent:DE10343055A1:opposition|patent:US6859910B2:applicant|npl:SMITH J, Drones, 2010:applicant|" +
		"patent:WO2010123456A1:international search|npl:ISR literature:international search|npl:SISR literature:supplementary international search"
	if got := strings.Join(s, "|"); got != want {
		t.Errorf("citations\n got  %s\n want %s", got, want)
	}
	if &b1.Citations[0] == &a1.Citations[0] {
		t.Error("members share their citation slice")
	}
	// New layout: preamble rows, ";" delimiter, line breaks in cells, the DOCDB family number.
	recs, errs := formattest.ReadAll(t, Open, "testdata/new.csv", format.Options{})
	if len(recs) != 3 || len(errs) != 0 {
		t.Fatalf("new.csv: %d records, %v", len(recs), errs)
	}
	if r := recs[1].Patent; r.PubNumber != "US20160162711A1" || r.FamilyID != "54290166" || len(r.Priorities) != 0 || r.PriorityDate.String() != "2014-01-10" {
		t.Errorf("new.csv second record %+v", r)
	}
	if r := recs[0]; len(r.Parties) != 3 || r.Parties[2].NameRaw != "LI MING" || r.Parties[2].Country != "CN" || len(r.Classifications) != 3 {
		t.Errorf("new.csv first record %+v %+v", r.Parties, r.Classifications)
	}
}

// TestParty: the EN SPACE before the country, and its mojibake forms in re-saved files.
func TestParty(t *testing.T) {
	for _, c := range []struct{ in, name, cc string }{
		{"CO WARREN\u2002[PH]", "CO WARREN", "PH"},
		{"CO WARRENâ€‚[PH]", "CO WARREN", "PH"},
		{"CO WARREN‰Ûâ[PH]", "CO WARREN", "PH"},
		{"GUMHOLD JÃœRGENâ€‚[AT]", "GUMHOLD JÜRGEN", "AT"},
		{"ACME [INC]", "ACME [INC]", ""},
		{"PLAIN NAME", "PLAIN NAME", ""},
	} {
		if n, cc := Party(c.in); n != c.name || cc != c.cc {
			t.Errorf("Party(%q) = %q, %q; want %q, %q", c.in, n, cc, c.name, c.cc)
		}
	}
}

// TestWorkbook: the spreadsheet export, preamble rows above the header, reads like the CSV.
func TestWorkbook(t *testing.T) {
	path := filepath.Join(t.TempDir(), "results.xlsx")
	writeXLSX(t, path, "testdata/new.csv")
	if s := Sniff(path, mustHead(t, path)); s < 0.9 {
		t.Errorf("Sniff(xlsx) = %v", s)
	}
	x, xe := formattest.ReadAll(t, Open, path, format.Options{})
	c, ce := formattest.ReadAll(t, Open, "testdata/new.csv", format.Options{})
	if len(x) != len(c) || len(xe) != len(ce) {
		t.Fatalf("xlsx %d records %d errors, csv %d %d", len(x), len(xe), len(c), len(ce))
	}
	for i := range c {
		x[i].Patent.SourceFile = c[i].Patent.SourceFile
		a, _ := json.Marshal(x[i])
		b, _ := json.Marshal(c[i])
		if string(a) != string(b) {
			t.Errorf("record %d differs:\n xlsx %s\n csv  %s", i+1, a, b)
		}
	}
}

func mustHead(t *testing.T, path string) []byte {
	h, err := format.ReadHead(path, 64<<10)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// writeXLSX writes the rows of a ";"-separated CSV file into the first sheet of a workbook.
func writeXLSX(t testing.TB, path, csvPath string) {
	src, err := os.Open(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	c, err := format.OpenCSV(csvPath, format.Options{}, ';')
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	for n := 1; ; n++ {
		row, _, err := c.Row(n)
		if err != nil {
			break
		}
		vals := make([]any, len(row))
		for i, v := range row {
			vals[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		head string
		want float64
	}{
		{"Title,Publication number,Publication date,Inventor(s),Applicant(s),International classification,Cooperative Patent Classification\n", 0.9},
		{"\"Espacenet\"\n\nNo;Title;Publication number;Earliest priority;IPC;CPC;Family number\n", 0.9},
		{"TITLE,PUBLICATION_NUMBER,INTERNATIONAL_CLASSIFICATION,PRIORITY_NUMBER_S\n", 0.9},
		{"#,Jurisdiction,Kind,Publication Number,Lens ID,Priority Numbers,CPC Classifications\n", 0},
		{"Publication Number,Publication Date,Title,Priority Data,IPC,Applicants,Inventors,FP Image\n", 0},
	} {
		if s := Sniff("x.csv", []byte(c.head)); s != c.want {
			t.Errorf("Sniff(%q) = %v, want %v", c.head, s, c.want)
		}
	}
}

// TestHeaderVariants: snake_case and UPPER-case headers read the same.
func TestHeaderVariants(t *testing.T) {
	formattest.HeaderVariants(t, Open, "testdata/classic.csv", 0, ',')
	formattest.HeaderVariants(t, Open, "testdata/new.csv", 4, ';')
}

// TestRealData reads the real Espacenet export (../shared/data/real/espacenet): nothing rejected,
// one record per publication number of each row, no mojibake left in names.
func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "espacenet")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			if s := Sniff(path, mustHead(t, path)); s < 0.9 {
				t.Errorf("Sniff = %v", s)
			}
			recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
			if len(errs) != 0 {
				t.Errorf("%d rejected, first %s", len(errs), errs[0])
			}
			rows := map[int]bool{}
			for _, r := range recs {
				rows[r.Patent.SourceRecord] = true
				for _, x := range r.Parties {
					if strings.ContainsAny(x.NameRaw, "‰Ûâ€\u2002[]") {
						t.Errorf("%s: party %q country %q", r.Patent.PubNumber, x.NameRaw, x.Country)
					}
				}
			}
			t.Logf("%d rows, %d publications, %d rejected", len(rows), len(recs), len(errs))
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"classic.csv", "new.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(formattest.RewriteHeader(b, 0, ',', formattest.SnakeCase))
		f.Add(formattest.RewriteHeader(b, 4, ';', formattest.UpperCase))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) { formattest.FuzzFile(t, Open, dir, data) })
}

// BenchFile writes a generated classic-layout CSV export of n rows (one publication number each,
// a title, three inventors and two applicants with countries, IPC and CPC codes, priorities and
// five citations in three columns) and returns its path.
func BenchFile(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("espacenet_%d.csv", n))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	b.WriteString("Title,Publication number,Publication date,Inventor(s),Applicant(s),International classification,Cooperative Patent Classification,Application number,Date of application,Priority number(s),Patents cited in the search report,Literature cited in the search report,Patents cited during examination\n")
	for i := range n {
		fmt.Fprintf(&b, "Unmanned aerial vehicle with foldable arms %d,EP%d (A1),06/08/2015,\"MUELLER HANS\u2002[DE];  SMITH JOHN\u2002[US];  WANG LI\u2002[CN]\",\"PARROT SA\u2002[FR];  SZ DJI TECHNOLOGY CO LTD\u2002[CN]\","+
			"B64C39/02; B64C27/08; G05D1/10,B64C39/024; B64U10/13; B64U2101/30,EP2013%07d,20131008,US201261711212P 20121009; EP2013%07d 20131008,"+
			"US2012057518 (A1); JP2002264927 (A),XP002723238,KR200367531Y (Y1); US6859910 (B2); DE10343055 (A1)\n", i, 2900000+i, i, i)
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

// BenchmarkRead reads a generated 100,000-row classic CSV export and reports records/s and MB/s.
func BenchmarkRead(b *testing.B) {
	const n = 100_000
	formattest.BenchRead(b, Open, BenchFile(b, b.TempDir(), n), n)
}

// TestRealGolden compares a summary of what the reader makes of each real espacenet export (counts
// per role, scheme and citation category, and a SHA-256 of every record: formattest.Summary)
// with testdata/real_<file>.golden.txt; go test -update rewrites it. Skipped when the real data
// is absent.
func TestRealGolden(t *testing.T) {
	dir := realdata.Require(t, "espacenet")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
			formattest.Golden(t, filepath.Join("testdata", "real_"+name+".golden.txt"), []byte(formattest.Summary(recs, errs)), *update)
		})
	}
}

// TestRealHeaderVariants: the real export reads the same with its header in snake_case and
// UPPER case.
func TestRealHeaderVariants(t *testing.T) {
	dir := realdata.Require(t, "espacenet")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	for _, path := range files {
		formattest.HeaderVariants(t, Open, path, 0, ',')
	}
}
