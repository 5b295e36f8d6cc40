package usptoxml

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// result is one Read outcome as the golden files store it.
type result struct {
	Record *patent.Record `json:",omitempty"`
	Error  string         `json:",omitempty"`
}

// drain reads r to the end, failing on a fatal error.
func drain(t testing.TB, r format.Reader) []result {
	t.Helper()
	var out []result
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("reader does not terminate")
		}
		rec, err := r.Read()
		if err == io.EOF {
			return out
		}
		var re *format.RecordError
		switch {
		case errors.As(err, &re):
			out = append(out, result{Error: re.Error()})
		case err != nil:
			t.Fatalf("fatal error: %v", err)
		default:
			out = append(out, result{Record: rec})
		}
	}
}

func readPath(t testing.TB, path string) []result {
	t.Helper()
	r, err := Open(path, format.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer r.Close()
	return drain(t, r)
}

func checkGolden(t *testing.T, name string, got []result) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	formattest.Golden(t, filepath.Join("testdata", name+".golden.json"), buf.Bytes(), *update)
}

var fixtures = []string{"grant45", "app", "pap", "design", "plant_reissue", "concat"}

func TestGolden(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			checkGolden(t, name, readPath(t, filepath.Join("testdata", name+".xml")))
		})
	}
}

// writeZip zips the named fixtures (as ipgNNN.xml entries) into dir and returns the zip's path.
func writeZip(t testing.TB, dir string, names ...string) string {
	t.Helper()
	path := filepath.Join(dir, "ipg_fixture.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, n := range names {
		data, err := os.ReadFile(filepath.Join("testdata", n+".xml"))
		if err != nil {
			t.Fatal(err)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n + ".xml", Method: zip.Deflate,
			Modified: time.Date(2015, 1, 6, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

func TestZip(t *testing.T) {
	path := writeZip(t, t.TempDir(), "grant45", "concat")
	head := make([]byte, 4096)
	f, _ := os.Open(path)
	n, _ := io.ReadFull(f, head)
	f.Close()
	if s := Sniff(path, head[:n]); s < 0.9 {
		t.Errorf("Sniff(zip) = %v", s)
	}
	got := readPath(t, path)
	checkGolden(t, "zip", got)
	// The zip yields exactly what the plain files yield, but for the file name.
	var plain []result
	plain = append(plain, readPath(t, "testdata/grant45.xml")...)
	plain = append(plain, readPath(t, "testdata/concat.xml")...)
	if len(plain) != len(got) {
		t.Fatalf("zip gave %d results, plain files %d", len(got), len(plain))
	}
	for i := range got {
		if (got[i].Record == nil) != (plain[i].Record == nil) {
			t.Errorf("result %d: zip %+v, plain %+v", i, got[i], plain[i])
			continue
		}
		if got[i].Record != nil && got[i].Record.Patent.PubNumber != plain[i].Record.Patent.PubNumber {
			t.Errorf("result %d: zip %s, plain %s", i, got[i].Record.Patent.PubNumber, plain[i].Record.Patent.PubNumber)
		}
	}
}

// TestOneByteReads feeds the concatenated fixture one byte per Read so that every declaration,
// close tag and skipped section straddles buffer refills.
func TestOneByteReads(t *testing.T) {
	for _, name := range fixtures {
		data, err := os.ReadFile(filepath.Join("testdata", name+".xml"))
		if err != nil {
			t.Fatal(err)
		}
		got := drain(t, NewReader(iotest.OneByteReader(bytes.NewReader(data)), name+".xml"))
		want := readPath(t, filepath.Join("testdata", name+".xml"))
		gb, _ := json.Marshal(got)
		wb, _ := json.Marshal(want)
		if !bytes.Equal(gb, wb) {
			t.Errorf("%s: one-byte reads differ:\n%s", name, formattest.FirstDiff(string(wb), string(gb)))
		}
	}
}

// TestLargeDescription checks a description larger than the splitter buffer is skipped whole.
func TestLargeDescription(t *testing.T) {
	data, _ := os.ReadFile("testdata/concat.xml")
	var desc bytes.Buffer
	desc.WriteString("<description id=\"description\">\n")
	for desc.Len() < 3*splitBufSize {
		desc.WriteString("<p id=\"p-0001\" num=\"0001\">Lorem &lt;ipsum&gt; <?xml-stylesheet x?> dolor.</p>\n")
	}
	desc.WriteString("</description>\n")
	big := bytes.Replace(data, []byte("<claims id=\"claims\">"), append(desc.Bytes(), "<claims id=\"claims\">"...), 1)
	got := drain(t, NewReader(bytes.NewReader(big), "concat.xml"))
	want := readPath(t, "testdata/concat.xml")
	if len(got) != len(want) {
		t.Fatalf("got %d results, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Error != "" || want[i].Error != "" {
			continue // line numbers moved
		}
		if got[i].Record.Patent.PubNumber != want[i].Record.Patent.PubNumber || got[i].Record.Patent.Claims != want[i].Record.Patent.Claims {
			t.Errorf("record %d: got %s %q, want %s %q", i, got[i].Record.Patent.PubNumber, got[i].Record.Patent.Claims,
				want[i].Record.Patent.PubNumber, want[i].Record.Patent.Claims)
		}
	}
}

// doc wraps a bibliographic fragment into a grant document.
func grantDoc(biblio, tail string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v42-2006-08-23.dtd" [ ]>
<us-patent-grant lang="EN" country="US">
<us-bibliographic-data-grant>
` + biblio + `
</us-bibliographic-data-grant>
` + tail + `
</us-patent-grant>
`
}

const okPub = `<publication-reference><document-id><country>US</country><doc-number>07000001</doc-number><kind>B2</kind><date>20060704</date></document-id></publication-reference>`

func readString(t testing.TB, s string) ([]*patent.Record, []*format.RecordError) {
	t.Helper()
	r := NewReader(strings.NewReader(s), "t.xml")
	recs, bad, err := format.ReadAll(r)
	if err != nil {
		t.Fatalf("fatal error: %v", err)
	}
	return recs, bad
}

func TestRecordErrors(t *testing.T) {
	good := grantDoc(okPub, "")
	cases := []struct {
		name        string
		doc         string
		field, errs string
		sentinel    error
	}{
		{"bad pub date", grantDoc(strings.Replace(okPub, "20060704", "20061345", 1), ""),
			"publication-reference/document-id/date", "20061345", format.ErrBadDate},
		{"bad app date", grantDoc(okPub+`<application-reference appl-type="utility"><document-id><country>US</country><doc-number>10123456</doc-number><date>2003-02-30</date></document-id></application-reference>`, ""),
			"application-reference/document-id/date", "2003-02-30", format.ErrBadDate},
		{"bad priority date", grantDoc(okPub+`<priority-claims><priority-claim sequence="01" kind="national"><country>JP</country><doc-number>2002-1</doc-number><date>2002</date></priority-claim></priority-claims>`, ""),
			"priority-claim/date", "2002", format.ErrBadDate},
		{"missing number", grantDoc(`<publication-reference><document-id><country>US</country><kind>B2</kind><date>20060704</date></document-id></publication-reference>`, ""),
			"publication-reference/document-id/doc-number", "", format.ErrBadNumber},
		{"bad number", grantDoc(`<publication-reference><document-id><country>US</country><doc-number>ABC</doc-number><kind>B2</kind></document-id></publication-reference>`, ""),
			"publication-reference/document-id/doc-number", "ABC", format.ErrBadNumber},
		{"mismatched tag", grantDoc(okPub+`<invention-title>x</invention>`, ""), "", "closed by", format.ErrBadRecord},
		{"undefined entity", grantDoc(okPub+`<invention-title>x &nosuch; y</invention-title>`, ""), "", "nosuch", format.ErrBadRecord},
		{"unknown root", `<?xml version="1.0"?>` + "\n<PATDOC><B100/></PATDOC>\n", "PATDOC", "root element", format.ErrBadRecord},
		{"no root", `<?xml version="1.0"?>` + "\n<!-- nothing -->\n", "", "no root", format.ErrBadRecord},
		{"truncated", grantDoc(okPub, "")[:200], "", "", format.ErrBadRecord},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// good, bad, good: the bad record is reported with its number and line, and reading continues.
			in := good + c.doc + good
			recs, bad := readString(t, in)
			if len(recs) != 2 || len(bad) != 1 {
				t.Fatalf("got %d records and %d errors, want 2 and 1: %v", len(recs), len(bad), bad)
			}
			e := bad[0]
			wantLine := strings.Count(good, "\n") + 1
			if e.File != "t.xml" || e.Record != 2 || e.Line != wantLine || e.Field != c.field || !errors.Is(e, c.sentinel) {
				t.Errorf("got %+v, want file t.xml record 2 line %d field %q err %v", e, wantLine, c.field, c.sentinel)
			}
			if !strings.Contains(e.Value, c.errs) {
				t.Errorf("value %q does not mention %q", e.Value, c.errs)
			}
			if recs[1].Patent.SourceRecord != 3 {
				t.Errorf("third document has SourceRecord %d", recs[1].Patent.SourceRecord)
			}
		})
	}
}

// TestEntityTricks: entity declarations are never expanded and external entities never read.
func TestEntityTricks(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE us-patent-grant [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<us-patent-grant><us-bibliographic-data-grant>` + okPub + `<invention-title>&lol9;</invention-title></us-bibliographic-data-grant></us-patent-grant>
`
	secret := filepath.Join(t.TempDir(), "secret.txt")
	os.WriteFile(secret, []byte("TOPSECRET"), 0o644)
	xxe := `<?xml version="1.0"?>
<!DOCTYPE us-patent-grant [ <!ENTITY xxe SYSTEM "file://` + secret + `"> <!ENTITY % p SYSTEM "file://` + secret + `"> %p; ]>
<us-patent-grant><us-bibliographic-data-grant>` + okPub + `<invention-title>&xxe;</invention-title></us-bibliographic-data-grant></us-patent-grant>
`
	extDTD := `<?xml version="1.0"?>
<!DOCTYPE us-patent-grant SYSTEM "file://` + secret + `">
<us-patent-grant><us-bibliographic-data-grant>` + okPub + `<invention-title>Plain &amp; simple</invention-title></us-bibliographic-data-grant></us-patent-grant>
`
	for name, in := range map[string]string{"laughs": laughs, "xxe": xxe} {
		start := time.Now()
		recs, bad := readString(t, in)
		if len(recs) != 0 || len(bad) != 1 || !strings.Contains(bad[0].Value, "entity") {
			t.Errorf("%s: got %d records, errors %v; want one entity error", name, len(recs), bad)
		}
		if time.Since(start) > 5*time.Second {
			t.Errorf("%s took %v", name, time.Since(start))
		}
	}
	recs, bad := readString(t, extDTD)
	if len(recs) != 1 || len(bad) != 0 {
		t.Fatalf("external DTD: %d records, %v", len(recs), bad)
	}
	if got := recs[0].Patent.Title; got != "Plain & simple" || strings.Contains(got, "TOPSECRET") {
		t.Errorf("title %q", got)
	}
}

// TestSkippedSections: the description is fast-forwarded, so damage inside it costs nothing,
// while damage in the bibliographic part, abstract or claims rejects the document.
func TestSkippedSections(t *testing.T) {
	in := grantDoc(okPub, `<description id="d"><p>Undeclared &foo; and <b>stray</i> tags</p></description>
<claims id="claims"><claim id="CLM-00001" num="00001"><claim-text>1. A thing.</claim-text></claim></claims>`)
	recs, bad := readString(t, in)
	if len(recs) != 1 || len(bad) != 0 || recs[0].Patent.Claims != "1. A thing." || recs[0].Patent.ClaimsCount != 1 {
		t.Fatalf("got %v %v", recs, bad)
	}
	// An empty-element description is not fast-forwarded past the rest of the document.
	in = grantDoc(okPub, `<description id="d"/><claims id="claims"><claim id="CLM-00001" num="00001"><claim-text>1. B.</claim-text></claim></claims>`)
	recs, bad = readString(t, in)
	if len(recs) != 1 || len(bad) != 0 || recs[0].Patent.Claims != "1. B." {
		t.Fatalf("empty description: got %v %v", recs, bad)
	}
	// A description that never ends makes the document truncated, and the next one still reads.
	in = grantDoc(okPub, `<description id="d"><p>never closed`) + grantDoc(okPub, "")
	in = strings.Replace(in, "</us-patent-grant>", "", 1)
	recs, bad = readString(t, in)
	if len(recs) != 1 || len(bad) != 1 || bad[0].Record != 1 {
		t.Fatalf("unterminated description: got %d records, %v", len(recs), bad)
	}
}

func TestEmpty(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{"empty.xml": "", "blank.xml": " \n\r\n\t"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		if _, err := Open(p, format.Options{}); !errors.Is(err, format.ErrEmpty) {
			t.Errorf("%s: got %v, want ErrEmpty", name, err)
		}
	}
	if _, err := NewReader(strings.NewReader(""), "x.xml").Read(); !errors.Is(err, format.ErrEmpty) {
		t.Errorf("NewReader empty: got %v", err)
	}
	// A zip without entries is empty too.
	p := filepath.Join(dir, "empty.zip")
	f, _ := os.Create(p)
	zip.NewWriter(f).Close()
	f.Close()
	r, err := Open(p, format.Options{})
	if err == nil {
		_, err = r.Read()
		r.Close()
	}
	if !errors.Is(err, format.ErrEmpty) {
		t.Errorf("empty zip: got %v", err)
	}
}

func TestEncodings(t *testing.T) {
	latin := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<us-patent-grant><us-bibliographic-data-grant>" + okPub +
		"<invention-title>K\xf6ln</invention-title></us-bibliographic-data-grant></us-patent-grant>\n"
	bom := "\xef\xbb\xbf" + grantDoc(okPub+"<invention-title>BOM</invention-title>", "")
	recs, bad := readString(t, latin+bom)
	if len(recs) != 2 || len(bad) != 0 {
		t.Fatalf("got %d records, %v", len(recs), bad)
	}
	if recs[0].Patent.Title != "Köln" || recs[1].Patent.Title != "BOM" {
		t.Errorf("titles %q %q", recs[0].Patent.Title, recs[1].Patent.Title)
	}
	recs, bad = readString(t, bom)
	if len(recs) != 1 || len(bad) != 0 {
		t.Errorf("leading BOM: %d records, %v", len(recs), bad)
	}
}

func TestOldIPCCode(t *testing.T) {
	for in, want := range map[string]string{
		"A45F  504":  "A45F5/04",
		"A43B 1314":  "A43B13/14",
		"C07C24900":  "C07C249/00",
		"H01L 21302": "H01L21/302",
		"H01L 2994":  "H01L29/94",
		" 7H04L 900": "H04L9/00",
		"H04L 9/00":  "H04L9/00",
		"A41B001/00": "A41B1/00",
		"G06F 1130":  "G06F11/30",
		"":           "",
		"XYZ":        "",
	} {
		got := ""
		if code := oldIPCCode(in); code != "" {
			rec := patent.NewRecord()
			addClass(rec, patent.IPC, code, true)
			if len(rec.Classifications) == 1 {
				got = rec.Classifications[0].Code
			}
		}
		if got != want {
			t.Errorf("oldIPCCode(%q) → %q, want %q", in, got, want)
		}
	}
}

func TestSniff(t *testing.T) {
	grant, _ := os.ReadFile("testdata/grant45.xml")
	pap, _ := os.ReadFile("testdata/pap.xml")
	cases := []struct {
		path string
		head []byte
		min  float64
		max  float64
	}{
		{"ipg150106.xml", grant, 0.9, 1},
		{"pa030102.xml", pap, 0.9, 1},
		{"data.txt", grant, 0.5, 0.9},
		{"ipg150106.xml", nil, 0, 0},
		{"x.xml", []byte(`<?xml version="1.0"?><ops:world-patent-data xmlns:ops="http://ops.epo.org">`), 0, 0},
		{"x.xml", []byte(`<?xml version="1.0"?><!DOCTYPE sequence-cwu SYSTEM "x.dtd"><sequence-cwu>`), 0, 0},
		{"lens.csv", []byte("Lens ID,Jurisdiction,Kind\n"), 0, 0},
		{"x.zip", []byte("PK\x03\x04garbage"), 0, 0},
	}
	for _, c := range cases {
		if s := Sniff(c.path, c.head); s < c.min || s > c.max {
			t.Errorf("Sniff(%s, %.30q) = %v, want [%v,%v]", c.path, c.head, s, c.min, c.max)
		}
	}
}

// countDocs counts the documents of a bulk file independently of the reader: the XML
// declarations, and the sequence listings among them.
func countDocs(data []byte) (docs, seq int) {
	return bytes.Count(data, []byte("<?xml version=")), bytes.Count(data, []byte("<!DOCTYPE sequence-cwu"))
}

// spot is what a real document must yield, read by hand from the file.
type spot struct {
	rec                     int
	pub, pubDate, appDate   string
	applicant, country, ipc string
	cite                    string
}

var realSpots = map[string][]spot{
	"ipa061228.one.xml": {{1, "US20060288462A1", "2006-12-28", "2005-08-04", "AMERICAN EXPRESS TRAVEL RELATED SERVICES COMPANY, INC.", "US", "A41D31/00", ""}},
	"ipa130117.one.xml": {
		{1, "US20130014308A1", "2013-01-17", "2011-07-13", "Yennifer Feliciano", "US", "A41D13/08", ""},
		{2, "US20130014306A1", "2013-01-17", "2012-01-18", "Christopher Mechling", "US", "A41D13/08", ""},
	},
	"ipg050104.small.xml": {
		{1, "US6836899B1", "2005-01-04", "2003-01-09", "Samuel G. Glasmire", "US", "A45F5/04", "US675108A"},
		{13, "US6837525B2", "2005-01-04", "2003-04-17", "Tokai Rubber Industries, Ltd.", "JP", "F16L39/00", "US2113211A"},
		{25, "US6839175B2", "2005-01-04", "2002-03-25", "Fuji Photo Film Co., Ltd.", "JP", "G02B5/20", "US4592980A"},
	},
	"ipg060103.small.xml": {
		{1, "USD513425S1", "2006-01-03", "2005-01-07", "Harald Kohl", "FR", "", "US5299466A"},
		{14, "US6982157B1", "2006-01-03", "2000-02-01", "AstraZeneca AB", "GB", "C12N9/99", "US4895726A"},
		{27, "US6983169B2", "2006-01-03", "2003-03-14", "Motorola, Inc.", "US", "H04M1/00", "US5542105A"},
	},
	"ipg070102.small.xml": {
		{1, "USD534340S1", "2007-01-02", "2005-06-02", "Wolverine World Wide, Inc.", "US", "", "USD424790S"},
		{13, "US7156634B2", "2007-01-02", "2004-06-30", "Husky Injection Molding Systems Ltd.", "CA", "B29C45/02", "US4592721A"},
		{26, "US7158706B2", "2007-01-02", "2003-02-07", "Fujikura Ltd.", "JP", "G02B6/036", "US5613027A"},
	},
	"ipg080101.small.xml": {
		{1, "USD558629S1", "2008-01-01", "2006-08-11", "Chad W. Moody", "US", "", "USD90091S"},
		{13, "US7314391B1", "2008-01-01", "2007-03-08", "Kabushiki Kaisha Toshiba", "JP", "H01R24/04", "US5842560A"},
		{25, "US7315742B2", "2008-01-01", "2003-12-15", "International Business Machines Corporation", "US", "H04Q7/20", "US6282192B1"},
	},
	"ipg090106.small.xml": {
		{1, "USD584230S1", "2009-01-06", "2004-10-05", "Hon Hai Precision Ind. Co., Ltd.", "TW", "", "US5117378A"},
		{13, "US7473443B2", "2009-01-06", "2003-08-15", "JSR Corporation", "JP", "B05D3/06", "US4377564A"},
		{25, "US7475222B2", "2009-01-06", "2005-04-01", "Sandbridge Technologies, Inc.", "US", "G06F15/16", "US6115806A"},
	},
	"ipg100105.small.xml": {
		{1, "USD607201S1", "2010-01-05", "2008-12-17", "J. Choo Limited", "GB", "", "USD426060S"},
		{13, "US7642321B2", "2010-01-05", "2007-03-27", "3M Innovative Properties Company", "US", "C08F120/10", "US2730517A"},
		{25, "US7644137B2", "2010-01-05", "2004-12-14", "SAP AG", "DE", "G06F15/13", "US6779039B1"},
	},
	"ipg110104.small.xml": {
		{1, "USD630349S1", "2011-01-04", "2010-08-09", "Everlight Electronics Co., Ltd.", "TW", "", "USD508575S"},
		{13, "US7862757B2", "2011-01-04", "2008-03-25", "Liang-Fa Hu", "TW", "B29C43/18", "US3256019A"},
		{25, "US7864866B2", "2011-01-04", "2006-01-05", "Samsung Electronics Co., Ltd.", "KR", "H04N7/18", "US5892535A"},
	},
	"ipg120103.small.xml": {
		{1, "USD651432S1", "2012-01-03", "2010-10-29", "Bradford L. Davis", "US", "", "US1701273A"},
		{13, "US8089078B2", "2012-01-03", "2009-03-27", "Sanken Electric Co., Ltd.", "JP", "H01L33/00", "US4241281A"},
		{25, "US8090467B2", "2012-01-03", "2009-03-06", "Shima Seiki Mfg., Ltd.", "JP", "D04B15/78", "US3858416A"},
	},
	"ipg120327.196.xml": {
		{1, "USD656296S1", "2012-03-27", "2010-12-16", "Frito-Lay North America, Inc.", "US", "", "USD38206S"},
		{99, "USD656394S1", "2012-03-27", "2010-02-11", "Smurfit-Stone Container Enterprises, Inc.", "US", "", "US518898A"},
		{196, "USD656491S1", "2012-03-27", "2011-02-25", "JVC Kenwood Corporation", "JP", "", "USD477592S"},
	},
	"ipg130416.small.xml": {
		{1, "USD680087S1", "2013-04-16", "2012-01-03", "Sharp Kabushiki Kaisha", "JP", "", "USD427169S"},
		{14, "US8420054B2", "2013-04-16", "2009-09-18", "The Procter & Gamble Company", "US", "A61K49/00", "US3900558A"},
		{27, "US8421615B2", "2013-04-16", "2008-11-14", "Samsung Electronics Co., Ltd.", "KR", "G08B1/08", "US4209787A"},
	},
	"pa040101.two.xml": {{1, "US20040000002A1", "2004-01-01", "2002-06-27", "Hill-Rom Services, Inc.", "", "A41B1/00", ""}},
}

func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "uspto_xml")
	paths, _ := filepath.Glob(filepath.Join(dir, "*.xml"))
	zips, _ := filepath.Glob(filepath.Join(dir, "*.zip"))
	paths = append(paths, zips...)
	if len(paths) == 0 {
		t.Skip("no USPTO XML files")
	}
	for _, path := range paths {
		base := filepath.Base(path)
		t.Run(base, func(t *testing.T) {
			head := make([]byte, 64<<10)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			n, _ := io.ReadFull(f, head)
			f.Close()
			if s := Sniff(path, head[:n]); s < 0.9 {
				t.Errorf("Sniff = %v", s)
			}
			fr, err := Open(path, format.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer fr.Close()
			r := fr.(*Reader)
			recs, bad, err := format.ReadAll(r)
			if err != nil {
				t.Fatalf("fatal: %v", err)
			}
			for _, b := range bad {
				t.Errorf("rejected: %v", b)
			}
			if !strings.HasSuffix(base, ".zip") {
				data, _ := os.ReadFile(path)
				docs, seq := countDocs(data)
				if len(recs)+len(bad) != docs-seq || r.Skipped() != seq || r.Documents() != docs {
					t.Errorf("accepted %d + rejected %d + skipped %d != %d documents (%d sequence listings)",
						len(recs), len(bad), r.Skipped(), docs, seq)
				}
				t.Logf("%s: %d documents: %d accepted, %d rejected, %d sequence listings skipped", base, docs, len(recs), len(bad), r.Skipped())
				// Claims are counted by a byte scan after the first one: compare with a plain count.
				parts := bytes.Split(data, []byte("<?xml version="))[1:]
				for _, rec := range recs {
					want := bytes.Count(parts[rec.Patent.SourceRecord-1], []byte("<claim id="))
					if rec.Patent.ClaimsCount != want {
						t.Errorf("record %d: %d claims, file has %d", rec.Patent.SourceRecord, rec.Patent.ClaimsCount, want)
					}
				}
			}
			byRec := map[int]*patent.Record{}
			for _, rec := range recs {
				byRec[rec.Patent.SourceRecord] = rec
				p := rec.Patent
				if p.Source != Name || p.SourceFile != base || p.Jurisdiction != "US" || !p.PubDate.Valid() || !p.AppDate.Valid() || p.Title == "" {
					t.Errorf("record %d (%s): incomplete: %+v", p.SourceRecord, p.PubNumber, p)
				}
				if p.ClaimsCount < 1 || p.Claims == "" {
					t.Errorf("record %d (%s): claims %d %q", p.SourceRecord, p.PubNumber, p.ClaimsCount, p.Claims)
				}
			}
			for _, s := range realSpots[base] {
				rec := byRec[s.rec]
				if rec == nil {
					t.Errorf("record %d missing", s.rec)
					continue
				}
				p := rec.Patent
				if p.PubNumber != s.pub || p.PubDate.String() != s.pubDate || p.AppDate.String() != s.appDate {
					t.Errorf("record %d: got %s %s %s, want %s %s %s", s.rec, p.PubNumber, p.PubDate, p.AppDate, s.pub, s.pubDate, s.appDate)
				}
				if strings.HasPrefix(p.Kind, "B") || strings.HasPrefix(p.Kind, "S") {
					if p.GrantDate != p.PubDate {
						t.Errorf("record %d: grant date %s", s.rec, p.GrantDate)
					}
				} else if p.GrantDate.Valid() {
					t.Errorf("record %d: application with grant date %s", s.rec, p.GrantDate)
				}
				var app *patent.Party
				for i := range rec.Parties {
					if rec.Parties[i].Role == patent.RoleApplicant && rec.Parties[i].Seq == 1 {
						app = &rec.Parties[i]
						break
					}
				}
				if app == nil || app.NameRaw != s.applicant || app.Country != s.country {
					t.Errorf("record %d: first applicant %+v, want %q %q", s.rec, app, s.applicant, s.country)
				}
				mainIPC := ""
				for _, c := range rec.Classifications {
					if c.Scheme == patent.IPC && c.IsMain {
						mainIPC = c.Code
						break
					}
				}
				if mainIPC != s.ipc {
					t.Errorf("record %d: main IPC %q, want %q", s.rec, mainIPC, s.ipc)
				}
				firstCite := ""
				for _, c := range rec.Citations {
					if c.Kind == patent.CitePatent {
						firstCite = c.Cited
						break
					}
				}
				if firstCite != s.cite {
					t.Errorf("record %d: first patent citation %q, want %q", s.rec, firstCite, s.cite)
				}
			}
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range fixtures {
		if data, err := os.ReadFile(filepath.Join("testdata", name+".xml")); err == nil {
			f.Add(data)
			f.Add(data[:len(data)/2])
		}
	}
	f.Add([]byte(grantDoc(okPub, `<description><p>x</p></description>`)))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY a "&a;&a;">]><us-patent-grant>&a;</us-patent-grant>`))
	f.Add([]byte(`<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><us-patent-grant>&x;</us-patent-grant>`))
	f.Add([]byte("<?xml <?xml <?xml "))
	f.Add([]byte("<us-patent-grant><description/></us-patent-grant><?xml version='1.0'?><description>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewReader(bytes.NewReader(data), "fuzz.xml")
		// Every Read consumes at least one document and a document holds at least one byte.
		for i := 0; ; i++ {
			if i > len(data)+2 {
				t.Fatalf("Read does not terminate after %d calls", i)
			}
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			var re *format.RecordError
			if errors.As(err, &re) {
				if re.Record < 1 || re.File != "fuzz.xml" || re.Line < 1 {
					t.Fatalf("bad RecordError %+v", re)
				}
				continue
			}
			if err != nil {
				if !errors.Is(err, format.ErrEmpty) {
					t.Fatalf("unexpected fatal error %v", err)
				}
				return
			}
			if rec == nil || rec.Patent.PubNumber == "" || rec.Patent.Source != Name {
				t.Fatalf("bad record %+v", rec)
			}
		}
	})
}

// benchInput builds a concatenated file of about size bytes by repeating the real files (or the
// fixtures) with renumbered publications, and returns its path and its number of records.
func benchInput(b *testing.B, size int) (string, int) {
	var srcs []string
	if dir := realdata.Dir("uspto_xml"); dir != "" {
		srcs, _ = filepath.Glob(filepath.Join(dir, "*.xml"))
	}
	if len(srcs) == 0 {
		for _, n := range fixtures {
			srcs = append(srcs, filepath.Join("testdata", n+".xml"))
		}
	}
	var docs [][]byte
	for _, s := range srcs {
		data, err := os.ReadFile(s)
		if err != nil {
			b.Fatal(err)
		}
		for _, d := range bytes.Split(data, []byte("<?xml ")) {
			if len(bytes.TrimSpace(d)) > 0 {
				docs = append(docs, append([]byte("<?xml "), d...))
			}
		}
	}
	path := filepath.Join(b.TempDir(), "ipg_bench.xml")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	open := []byte("<publication-reference>\n<document-id>\n<country>US</country>\n<doc-number>")
	written, n, seq := 0, 0, 0
	for written < size {
		for _, d := range docs {
			if i := bytes.Index(d, open); i >= 0 {
				j := i + len(open)
				if k := bytes.IndexByte(d[j:], '<'); k >= 0 {
					n++
					num := fmt.Sprintf("%08d", 9000000+n)
					d = append(append(append([]byte{}, d[:j]...), num...), d[j+k:]...)
				}
			}
			if bytes.Contains(d[:min(len(d), 300)], []byte("sequence-cwu")) {
				seq++
			}
			m, _ := f.Write(d)
			written += m
		}
	}
	docsN, _ := countDocs(mustRead(b, path))
	return path, docsN - seq
}

func mustRead(b *testing.B, path string) []byte {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkRead(b *testing.B) {
	path, want := benchInput(b, 50<<20)
	formattest.BenchRead(b, Open, path, want)
	fi, _ := os.Stat(path)
	if s := xmllintSeconds(b, path); s > 0 {
		b.ReportMetric(float64(fi.Size())/1e6/s, "xmllint-MB/s")
	}
}

var prologRE = regexp.MustCompile(`<\?xml [^>]*\?>\s*<!DOCTYPE[^>\[]*(\[[^\]]*\])?\s*>`)

// xmllintSeconds times `xmllint --stream --noout` over the benchmark input for comparison, or
// returns 0 when xmllint is not installed. xmllint stops at a second XML declaration, so it reads
// a copy with each document's declaration and DOCTYPE removed and one wrapping root element.
func xmllintSeconds(b *testing.B, path string) float64 {
	lint, err := exec.LookPath("xmllint")
	if err != nil {
		return 0
	}
	wrapped := filepath.Join(b.TempDir(), "wrapped.xml")
	body := prologRE.ReplaceAll(mustRead(b, path), nil)
	data := append([]byte("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<root>\n"), body...)
	data = append(data, "</root>\n"...)
	if err := os.WriteFile(wrapped, data, 0o644); err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	out, err := exec.Command(lint, "--stream", "--noout", wrapped).CombinedOutput()
	el := time.Since(start).Seconds()
	if err != nil {
		b.Logf("xmllint: %v: %.200s", err, out)
	}
	b.Logf("xmllint --stream --noout: %.2fs for %d MB", el, len(data)>>20)
	return el
}

func TestCitedNumbers(t *testing.T) {
	for _, c := range []struct{ country, num, kind, want string }{
		{"US", "5123456", "A", "US5123456A"},
		{"US", "2004/0123456", "A1", "US20040123456A1"},
		{"US", "D512345", "S", "USD512345S"},
		{"US", "RE37178", "E", "USRE37178E"},
		{"WO", "WO 9839984", "A1", "WO1998039984A1"},
		{"WO", "WO 98/51827", "", "WO1998051827"},
		{"WO", "WO 02/069697", "A2", "WO2002069697A2"},
		{"WO", "WO 2010/123456", "A2", "WO2010123456A2"},
		{"EP", "EP 0123456", "A1", "EP0123456A1"},
		{"JP", "2005-012345", "A", "JP2005012345A"},
		{"", "12345", "", "12345"},
	} {
		d := &doc{root: rootGrant, cits: []rawCit{{id: rawID{country: c.country, num: c.num, kind: c.kind}}}}
		rec := patent.NewRecord()
		d.citations(rec)
		if len(rec.Citations) != 1 || rec.Citations[0].Cited != c.want {
			t.Errorf("%s %s %s → %+v, want %s", c.country, c.num, c.kind, rec.Citations, c.want)
		}
	}
}
