package ingest

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/internal/realdata"
)

// quarantined returns the reasons in the lake's quarantine table, by record number.
func quarantined(t *testing.T, lk string) map[int]string {
	t.Helper()
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().Query("SELECT record, line, coalesce(field, ''), reason FROM quarantine ORDER BY record")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[int]string{}
	for rows.Next() {
		var rec, line int
		var field, reason string
		if err := rows.Scan(&rec, &line, &field, &reason); err != nil {
			t.Fatal(err)
		}
		out[rec] = fmt.Sprintf("line %d %s: %s", line, field, reason)
	}
	return out
}

// TestCSVHostileRows: each generated malformed Lens file keeps accepted + quarantined = records,
// and the broken record is quarantined with its line instead of swallowing the rows after it.
func TestCSVHostileRows(t *testing.T) {
	good := func(i int) string { return csvLine(lensRow(i, fmt.Sprintf("title %d", i))) }
	// Row 2 opens a quote in its last cell and never closes it: the quote is open at the line
	// break. (A quote left open mid-row closes at the next `",` and merges two cells: a short row.)
	open2 := strings.TrimSuffix(good(2), `"`)
	merged2 := strings.Replace(good(2), `"title 2"`, `"title 2 opens a quote`, 1)
	// A row cut short after the Abstract column.
	short := csvLine(lensRow(3, "short")[:13])
	cases := []struct {
		name     string
		lines    []string
		records  int
		bad      map[int]string // record → a word its reason must hold
		accepted int
	}{
		{"unclosed quote, 4 rows", []string{good(1), open2, good(3), good(4)}, 4, map[int]string{2: "quote never closed"}, 3},
		{"unclosed quote, 10 rows", append([]string{good(1), open2}, func() []string {
			var l []string
			for i := 3; i <= 10; i++ {
				l = append(l, good(i))
			}
			return l
		}()...), 10, map[int]string{2: "quote never closed"}, 9},
		{"unclosed quote in the last row", []string{good(1), good(2), strings.TrimSuffix(good(3), `"`)}, 3, nil, -1},
		{"quote left open mid-row", []string{good(1), merged2, good(3)}, 3, map[int]string{2: "missing Legal Status"}, 2},
		{"short row", []string{good(1), good(2), short, good(4)}, 4, map[int]string{3: "missing Applicants, Inventors"}, 3},
		{"multi-line abstract is fine", []string{good(1), strings.Replace(good(2), "An abstract, with a comma.", "line one,\nline two, \"\"quoted\"\"\nline three", 1), good(3)}, 3, nil, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			lk := filepath.Join(dir, "lake")
			f := lensFile(t, dir, "x.csv", c.lines...)
			st, err := Run(context.Background(), []string{f}, realOpts(lk))
			if err != nil {
				t.Fatal(err)
			}
			fs := st.Files[0]
			if fs.Records != c.records || fs.Accepted+fs.Rejected != fs.Records {
				t.Fatalf("%d records (%d accepted + %d rejected), want %d", fs.Records, fs.Accepted, fs.Rejected, c.records)
			}
			if c.accepted >= 0 && fs.Accepted != c.accepted {
				t.Errorf("%d accepted, want %d", fs.Accepted, c.accepted)
			}
			q := quarantined(t, lk)
			for rec, want := range c.bad {
				if !strings.Contains(q[rec], want) || !strings.Contains(q[rec], "line ") {
					t.Errorf("record %d quarantined as %q, want %q with its line", rec, q[rec], want)
				}
			}
			if c.bad == nil && c.accepted == c.records && len(q) != 0 {
				t.Errorf("unexpected quarantine: %v", q)
			}
		})
	}
}

// TestStrayByteKeepsUTF8: a UTF-8 export with Chinese titles and one Latin-1 byte is read as UTF-8
// (not GB18030), with the byte replaced and reported, wherever the byte is (in the first 256 KB or
// after it); a GBK export whose first 300 KB are ASCII is still read as GBK.
func TestStrayByteKeepsUTF8(t *testing.T) {
	for _, at := range []int{2, 900} { // record 900 starts beyond 256 KB (rows are ~700 bytes)
		t.Run(fmt.Sprint("byte in record ", at), func(t *testing.T) {
			dir := t.TempDir()
			lk := filepath.Join(dir, "lake")
			var lines []string
			for i := 1; i <= 1000; i++ {
				title := fmt.Sprintf("一种无人机的控制方法 %d", i)
				if i == at {
					title = "M\xDCLLER GMBH " + title
				}
				lines = append(lines, csvLine(lensRow(i, title)))
			}
			f := lensFile(t, dir, "mixed.csv", lines...)
			st, err := Run(context.Background(), []string{f}, realOpts(lk))
			if err != nil {
				t.Fatal(err)
			}
			fs := st.Files[0]
			if fs.Encoding != "utf-8" || fs.Repaired != 1 || len(fs.RepairedRecords) != 1 || fs.RepairedRecords[0] != at {
				t.Fatalf("encoding %q, %d repaired in %v; want utf-8, 1 in [%d]", fs.Encoding, fs.Repaired, fs.RepairedRecords, at)
			}
			if fs.Accepted != 1000 {
				t.Errorf("%d accepted", fs.Accepted)
			}
			db, err := duck.Open(context.Background(), lk)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			var garbled int
			if err := db.SQL().QueryRow("SELECT count(*) FROM patents WHERE title NOT LIKE '%一种无人机的控制方法%'").Scan(&garbled); err != nil {
				t.Fatal(err)
			}
			if garbled != 0 {
				t.Errorf("%d titles garbled", garbled)
			}
		})
	}
	t.Run("GBK after 300 KB of ASCII", func(t *testing.T) {
		var b bytes.Buffer
		for i := 0; b.Len() < 300<<10; i++ {
			b.WriteString(fmt.Sprintf("plain ascii line %d\n", i))
		}
		b.Write([]byte{0xCE, 0xDE, 0xC8, 0xCB, 0xBB, 0xFA, '\n'}) // 无人机 in GBK
		p := filepath.Join(t.TempDir(), "g.csv")
		os.WriteFile(p, b.Bytes(), 0o644)
		fe, err := format.DetectFileEncoding(p)
		if err != nil || fe.Name != "gb18030" {
			t.Errorf("got %+v %v, want gb18030", fe.Name, err)
		}
	})
}

// TestOversizeFieldAndRecord: a field above --max-field and a record above --max-record are
// quarantined; the others are read.
func TestOversizeFieldAndRecord(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	big := strings.Repeat("x", 2<<20)
	huge := strings.Repeat("y", 3<<20)
	f := lensFile(t, dir, "big.csv",
		csvLine(lensRow(1, "ok")),
		strings.Replace(csvLine(lensRow(2, "big")), "An abstract, with a comma.", big, 1),
		strings.Replace(csvLine(lensRow(3, "huge")), "An abstract, with a comma.", huge+"\n"+huge, 1),
		csvLine(lensRow(4, "ok")))
	o := realOpts(lk)
	o.Limits = format.Limits{MaxField: 1 << 20, MaxRecord: 4 << 20}
	st, err := Run(context.Background(), []string{f}, o)
	if err != nil {
		t.Fatal(err)
	}
	fs := st.Files[0]
	if fs.Records != 4 || fs.Accepted != 2 || fs.Rejected != 2 {
		t.Fatalf("%+v", fs)
	}
	q := quarantined(t, lk)
	if !strings.Contains(q[2], "Abstract") || !strings.Contains(q[2], "too large") || !strings.Contains(q[3], "longer than") {
		t.Errorf("quarantine: %v", q)
	}
}

// realOutcome is what ingesting one real export must give: its records (accepted + rejected,
// counted independently where the reader's package test says how), how many are rejected, or,
// for a file refused whole, a text its error must contain (naming the file and why).
type realOutcome struct {
	records, rejected int
	notice            string // a file read without records: its notice
	refused           string // a file refused whole: in its error
}

// realOutcomes lists every real export (../shared/data/real/SOURCES.tsv). The counts were checked
// against the files: Lens by the "#" sequence (lens/real_test.go; 38 lines of the 2017 export are
// joined back to their records), workbooks by their non-blank rows (cnipa/realdata_test.go), the
// Derwent export's 191 records (ER lines) are 570 publications, the Espacenet CSV's 239 rows name
// 262 publications (semicolon-separated numbers): those readers count publications.
var realOutcomes = map[string]realOutcome{
	"lens/lens_drones_2017_raw.csv":                         {records: 9071},
	"lens/pizza_lens_1000_raw.csv":                          {records: 1000},
	"lens/drones_tac_1606_families.csv":                     {records: 1606},
	"lens/drone_drones_fulltext_families_5884.csv":          {records: 5884},
	"lens/lens-export.csv":                                  {records: 3779},
	"google/example.csv":                                    {records: 29},
	"google/gp-search-20251001-102423.csv":                  {records: 10663},
	"google/gp-search-20251001-102718.csv":                  {records: 10550},
	"cnipa/专利.xlsx":                                         {records: 60128, rejected: 304}, // rows holding only a formula link over an empty 公布号
	"cnipa/专利信息.xlsx":                                       {records: 7384},
	"cnipa/MaterialChemistry_18_19.xlsx":                    {records: 33},
	"cnipa/CarrotC_Naive-Bayesian-Classifier__专利.xlsx":      {refused: "no publication-number, application-number or document-link column"},
	"patsnap/patsnap_family.csv":                            {records: 8728},
	"espacenet/pizza_sliced_20132014_274.csv":               {records: 262},
	"derwent/derwent_drone_drones_2501_2691.ciw":            {records: 570},
	"patentscope/patentscope_pizza_2012_2015_6177.xls":      {records: 6177},
	"patentsview_tsv/assignee.tsv":                          {notice: "0 records"}, // assignee ids and names, no patent
	"patentsview_tsv/raw_inventor_sample.tsv":               {records: 49437},
	"patentsview_tsv/rawassignee_baseline.csv":              {records: 2412},
	"patentsview_tsv/legacy_truncated/patent.tsv":           {records: 9},
	"patentsview_tsv/legacy_truncated/uspatentcitation.tsv": {records: 9},
}

// TestRealExportsAccountForEveryRecord: every real export, in every folder, is ingested with
// accepted + quarantined = records, the lake holding exactly the accepted publications and the
// quarantined records; a file refused whole is refused with an error naming it and why.
func TestRealExportsAccountForEveryRecord(t *testing.T) {
	if testing.Short() {
		t.Skip("real data")
	}
	root := realdata.Require(t, "")
	var files []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && p != filepath.Join(root, "SOURCES.tsv") {
			files = append(files, p)
		}
		return nil
	})
	if len(files) < 60 {
		t.Fatalf("only %d files under %s", len(files), root)
	}
	for _, f := range files {
		rel, _ := filepath.Rel(root, f)
		rel = filepath.ToSlash(rel)
		t.Run(rel, func(t *testing.T) {
			want, known := realOutcomes[rel]
			lk := filepath.Join(t.TempDir(), "lake")
			st, err := Run(context.Background(), []string{f}, realOpts(lk))
			if want.refused != "" {
				if err == nil || !strings.Contains(err.Error(), filepath.Base(f)) || !strings.Contains(err.Error(), want.refused) {
					t.Fatalf("want the file refused with %q, got %v", want.refused, err)
				}
				if lake.Exists(lk) {
					t.Errorf("a refused file changed the lake")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, fs := range st.Files {
				l, err := lake.Open(lk)
				if err != nil {
					t.Fatal(err)
				}
				if fs.Accepted+fs.Rejected != fs.Records || int64(fs.Rejected) != l.Rows(lake.TQuarantine) ||
					int64(fs.Accepted-fs.Duplicates) != l.Rows(lake.TPatents) {
					t.Errorf("%s: %d records, %d accepted (%d duplicates), %d rejected; lake: %d patents, %d quarantined",
						fs.Path, fs.Records, fs.Accepted, fs.Duplicates, fs.Rejected, l.Rows(lake.TPatents), l.Rows(lake.TQuarantine))
				}
				switch {
				case !known && strings.HasSuffix(rel, ".xml"):
					// the OPS and USPTO fixtures: no rejection expected
					if fs.Rejected != 0 || fs.Records == 0 {
						t.Errorf("%d records, %d rejected (first: %s)", fs.Records, fs.Rejected, fs.FirstRejection)
					}
				case !known:
					t.Errorf("no expected outcome for %s (%d records, %d rejected): add it to realOutcomes", rel, fs.Records, fs.Rejected)
				case want.notice != "":
					if fs.Records != 0 || !strings.Contains(fs.Notice, want.notice) {
						t.Errorf("records %d, notice %q; want notice %q", fs.Records, fs.Notice, want.notice)
					}
				case fs.Records != want.records || fs.Rejected != want.rejected:
					t.Errorf("%d records, %d rejected (first: %s); want %d, %d", fs.Records, fs.Rejected, fs.FirstRejection, want.records, want.rejected)
				}
			}
		})
	}
}

// TestHostileTextFields: a publication number with letters in it is a record error (not stored
// as CNSCRIPTALERT1SCRIPTA), and bidi controls never reach the lake's titles or names.
func TestHostileTextFields(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	script := lensRow(2, "x")
	script[3], script[22] = "CN <script>alert(1)</script> A", ""
	bidi := lensRow(3, "drone \u202Eenil\u202C control")
	bidi[13] = "EVIL\u2066 CORP\u2069"
	f := lensFile(t, dir, "h.csv", csvLine(lensRow(1, "ok")), csvLine(script), csvLine(bidi))
	st, err := Run(context.Background(), []string{f}, realOpts(lk))
	if err != nil {
		t.Fatal(err)
	}
	if fs := st.Files[0]; fs.Accepted != 2 || fs.Rejected != 1 {
		t.Fatalf("%+v", fs)
	}
	if q := quarantined(t, lk); !strings.Contains(q[2], "publication number") {
		t.Errorf("record 2 quarantined as %q", q[2])
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	q := `SELECT (SELECT count(*) FROM patents WHERE regexp_matches(title, '[\x{202A}-\x{202E}\x{2066}-\x{2069}\x{200E}\x{200F}]') OR pub_number LIKE '%SCRIPT%')
		+ (SELECT count(*) FROM parties WHERE regexp_matches(name_raw, '[\x{202A}-\x{202E}\x{2066}-\x{2069}]'))`
	if err := db.SQL().QueryRow(q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d rows with bidi controls or a scripted number", n)
	}
	var title string
	db.SQL().QueryRow("SELECT title FROM patents WHERE title LIKE 'drone%'").Scan(&title)
	if title != "drone enil control" {
		t.Errorf("title %q", title)
	}
}

// TestXLSXBombsAreRejected: a small workbook whose shared-strings part inflates to 300 MB (one
// string) is rejected (exit 3 in the CLI) naming the part, while allocating little: before the
// limit, a 1 MB workbook of this kind took 3.1 GB and stored a 1 GB title.
func TestXLSXBombsAreRejected(t *testing.T) {
	if testing.Short() {
		t.Skip("inflates 256 MB")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "专利.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("xl/sharedStrings.xml")
	w.Write([]byte(`<sst><si><t>`))
	chunk := []byte(strings.Repeat("专", 1<<18)) // 768 KB
	for n := 0; n < 300<<20; n += len(chunk) {
		w.Write(chunk)
	}
	w.Write([]byte(`</t></si></sst>`))
	zw.Close()
	f.Close()
	if fi, _ := os.Stat(p); fi.Size() > 10<<20 {
		t.Fatalf("the bomb is %d bytes, want <= 10 MB", fi.Size())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = Run(context.Background(), []string{p}, realOpts(filepath.Join(dir, "lake")))
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrRejected) || !errors.Is(err, format.ErrEntryTooLarge) || !strings.Contains(err.Error(), "sharedStrings.xml") {
		t.Fatalf("got %v", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 256<<20 {
		t.Errorf("ingest allocated %d MB on a bomb", alloc>>20)
	}
}

// TestOversizeXMLField: a field above --max-field from a reader that does not split cells (USPTO
// XML) is quarantined too, naming the field.
func TestOversizeXMLField(t *testing.T) {
	dir := t.TempDir()
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<us-patent-grant lang="EN" country="US"><us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>0700000N</doc-number><kind>B2</kind><date>20060704</date></document-id></publication-reference>
<invention-title>T</invention-title></us-bibliographic-data-grant>
<abstract><p>ABSTRACT</p></abstract></us-patent-grant>
`
	var b strings.Builder
	b.WriteString(strings.Replace(doc, "0700000N", "07000001", 1))
	b.WriteString(strings.Replace(strings.Replace(doc, "0700000N", "07000002", 1), "ABSTRACT", strings.Repeat("x", 2<<20), 1))
	p := filepath.Join(dir, "ipg060704.xml")
	os.WriteFile(p, []byte(b.String()), 0o644)
	o := realOpts(filepath.Join(dir, "lake"))
	o.Limits = format.Limits{MaxField: 1 << 20}
	st, err := Run(context.Background(), []string{p}, o)
	if err != nil {
		t.Fatal(err)
	}
	if fs := st.Files[0]; fs.Records != 2 || fs.Accepted != 1 || fs.Rejected != 1 {
		t.Fatalf("%+v", fs)
	}
	if q := quarantined(t, filepath.Join(dir, "lake")); !strings.Contains(q[2], "abstract: ") || !strings.Contains(q[2], "too large") {
		t.Errorf("quarantine: %v", q)
	}
}
