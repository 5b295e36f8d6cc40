package ingest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestMojibakeCounted: a record whose applicant was double-encoded before the export (the
// Polish name GOŁĘBIOWSKI MIROSŁAW, applicant and inventor, as a real Lens export holds it, bytes
// lost; one Ä˜ pair in each) is accepted as it
// is and counted with its record number; a correctly encoded Polish, German and Spanish name is
// not.
func TestMojibakeCounted(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "lens.csv")
	csv := "#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Priority Numbers,Title,Applicants,Inventors,Type\n" +
		"1,PL,A1,PL 400001 A1,000-000-000-000-001,2014-06-01,2014,PL 400001 A,2013-03-01,PL 400001 A 20130301,Trailer for a pizza oven,GOÅÅÄ˜BIOWSKI MIROSÅÅAW,GOÅÅÄ˜BIOWSKI MIROSÅÅAW;SZUREK EDWARD,Patent Application\n" +
		"2,PL,A1,PL 400002 A1,000-000-000-000-002,2014-06-01,2014,PL 400002 A,2013-03-01,PL 400002 A 20130301,Pizza box,GOŁĘBIOWSKI MIROSŁAW;MÜLLER JÜRGEN,NÚÑEZ ÁNGEL,Patent Application\n"
	if err := os.WriteFile(p, []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := Run(context.Background(), []string{p}, Options{Lake: filepath.Join(dir, "lake"), MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	f := st.Files[0]
	if f.Accepted != 2 || f.Mojibake != 1 || len(f.MojibakeRecords) != 1 || f.MojibakeRecords[0] != 1 {
		t.Errorf("accepted %d, mojibake %d in records %v; want 2 accepted, 1 in record 1", f.Accepted, f.Mojibake, f.MojibakeRecords)
	}
}
