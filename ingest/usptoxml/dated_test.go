package usptoxml

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
)

// datedGrant is a hand-written grant document (the bibliographic minimum) with the given root attributes.
func datedGrant(attrs string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" file="US09999999-20150106.XML" status="PRODUCTION" id="us-patent-grant" country="US" ` + attrs + `>
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>09999999</doc-number><kind>B2</kind><date>20150106</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>13999999</doc-number><date>20130102</date></document-id></application-reference>
<invention-title id="d2e1">Widget</invention-title>
</us-bibliographic-data-grant>
</us-patent-grant>
`
}

// TestExported: the day a USPTO bulk file was produced, as the file states it: the first
// document's date-produced (not its date-publ), else the day in the bulk file's name, else none.
func TestExported(t *testing.T) {
	dir := t.TempDir()
	pap := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE patent-application-publication SYSTEM "pap-v16-2002-01-01.dtd" >
<patent-application-publication>
<subdoc-bibliographic-information><document-id><doc-number>20040000002</doc-number><kind-code>A1</kind-code><document-date>20040101</document-date></document-id></subdoc-bibliographic-information>
</patent-application-publication>
`
	for _, c := range []struct{ name, content, want string }{
		{"grant.xml", datedGrant(`date-produced="20141222" date-publ="20150106"`), "2014-12-22"},
		{"ipg150106.xml", datedGrant(`date-produced="20141222" date-publ="20150106"`), "2014-12-22"},
		{"ipg150106.xml", datedGrant(`date-publ="20150106"`), "2015-01-06"},
		{"pa040101.xml", pap, "2004-01-01"},
		{"grant.xml", datedGrant(`date-publ="20150106"`), ""},     // date-publ is not the file's day
		{"ipg151399.xml", datedGrant(`date-publ="20150106"`), ""}, // not a day
		{"grant.xml", datedGrant(`date-produced="20141322" date-publ="20150106"`), ""},
	} {
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, []byte(c.content), 0o644); err != nil {
			t.Fatal(err)
		}
		got := exported(t, path)
		if got != c.want {
			t.Errorf("%s %q: exported %q, want %q", c.name, firstLine(c.content, "<us-patent-grant"), got, c.want)
		}
	}

	// A zip: its first entry's date-produced, else the entry's name, else the zip's name.
	for _, c := range []struct{ zip, entry, attrs, want string }{
		{"bulk.zip", "ipg150106.xml", `date-produced="20141222"`, "2014-12-22"},
		{"bulk.zip", "ipg150106.xml", `date-publ="20150106"`, "2015-01-06"},
		{"ipg150113.zip", "grant.xml", `date-publ="20150106"`, "2015-01-13"},
	} {
		path := filepath.Join(dir, c.zip)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		w, _ := zw.Create(c.entry)
		w.Write([]byte(datedGrant(c.attrs)))
		zw.Close()
		f.Close()
		if got := exported(t, path); got != c.want {
			t.Errorf("%s/%s %s: exported %q, want %q", c.zip, c.entry, c.attrs, got, c.want)
		}
	}
}

func exported(t *testing.T, path string) string {
	t.Helper()
	r, err := Open(path, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d, ok := r.(format.Dated)
	if !ok {
		t.Fatal("the USPTO reader is not format.Dated")
	}
	got := ""
	if day := d.Exported(); day.Valid() {
		got = day.String()
	}
	// Reading still starts at the first document.
	rec, err := r.Read()
	if err != nil || rec == nil || rec.Patent.PubNumber == "" {
		t.Fatalf("%s: first record after Exported: %v %v", path, rec, err)
	}
	return got
}

func firstLine(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	return ""
}
