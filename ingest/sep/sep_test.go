package sep

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
)

// TestReads: each fixture yields its declarations and positioned record errors in order
// (numbers canonical whatever the list's form; a blanket or application-only declaration has no
// publication number).
func TestReads(t *testing.T) {
	for _, c := range []struct {
		file  string
		wants []formattest.Want
	}{
		{"etsi_public.csv", []formattest.Want{
			formattest.RecAt("US9673942B2", 1),
			formattest.RecAt("US20110064120A1", 2), // Google's US-2011064120-A1: 4-digit year + 7 digits
			formattest.RecAt("US8594035B2", 3),
			formattest.Bad(4, 5, "PublicationNumber", format.ErrBadNumber),
			formattest.Bad(5, 6, "TechnicalStandard", format.ErrMissingField),
		}},
		{"etsi_isld.csv", []formattest.Want{
			formattest.RecAt("EP1319277B1", 1),
			formattest.RecAt("CN105000000A", 2),
			formattest.RecAt("", 3), // an application only
			formattest.Bad(4, 5, "IPRD_SIGNATURE_DATE", format.ErrBadDate),
		}},
		{"dsep.csv", []formattest.Want{
			formattest.RecAt("US5963643", 1),
			formattest.RecAt("EP0998071", 2),
			formattest.RecAt("", 3), // blanket for H.264
			formattest.RecAt("", 4), // blanket for the UMTS project: the project is its standard
			formattest.Bad(5, 6, "pub_cleaned", format.ErrMissingField),
		}},
	} {
		t.Run(c.file, func(t *testing.T) {
			r, err := Open(filepath.Join("testdata", c.file), format.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			formattest.ExpectReads(t, r, c.file, c.wants)
		})
	}
}

func declarations(t *testing.T, file string) []*patent.Declaration {
	t.Helper()
	recs, _ := formattest.ReadAll(t, Open, filepath.Join("testdata", file), format.Options{})
	var out []*patent.Declaration
	for _, r := range recs {
		if r.Declaration == nil {
			t.Fatalf("%s record %d: no declaration", file, r.Patent.SourceRecord)
		}
		out = append(out, r.Declaration)
	}
	return out
}

// TestFacts: every field of a declaration in each layout, as the fixture rows state them.
func TestFacts(t *testing.T) {
	e := declarations(t, "etsi_public.csv")
	if d := e[0]; d.Layout != LayoutETSI || d.Body != "ETSI" || strings.Join(d.Standards, "|") != "3GPP|LTE" ||
		d.Commitment != patent.CommitFRAND || d.Kind != "B2" || d.Number != "US9673942B2" {
		t.Errorf("etsi public: %+v", d)
	}
	i := declarations(t, "etsi_isld.csv")
	if d := i[0]; d.Owner != "IPR LICENSING INC" || d.Date.String() != "2011-10-30" || d.Project != "3GPP" ||
		strings.Join(d.Standards, "|") != "TS 136 213" || d.Generation != "4G" || d.Reference != "ISLD-201109-018" || d.Body != "ETSI" {
		t.Errorf("isld 1: %+v", d)
	}
	if d := i[1]; strings.Join(d.Standards, "|") != "TS 38.211|TS 38.212" || d.Generation != "5G" || d.Kind != "A" {
		t.Errorf("isld 2: %+v", d)
	}
	if d := i[2]; d.Number != "" || d.AppNumber != "CN2015108177127" || d.Generation != "4G,5G" || d.Date.String() != "2020-01-15" {
		t.Errorf("isld 3: %+v", d)
	}
	s := declarations(t, "dsep.csv")
	if d := s[0]; d.Layout != LayoutDSEP || d.Body != "IEEE" || d.Owner != "Qualcomm" || d.Date.String() != "2005-03-14" ||
		d.Commitment != patent.CommitRAND || d.CommitmentRaw != "RAND" || d.Reference != "1" || d.Blanket {
		t.Errorf("dsep 1: %+v", d)
	}
	if d := s[2]; !d.Blanket || d.Commitment != patent.CommitRF || strings.Join(d.Standards, "|") != "H.264" || d.Body != "ITU-T" {
		t.Errorf("dsep 3: %+v", d)
	}
	if d := s[3]; !d.Blanket || d.Commitment != patent.CommitFRAND || strings.Join(d.Standards, "|") != "UMTS" || d.Project != "UMTS" {
		t.Errorf("dsep 4: %+v", d)
	}
}

func TestCommitment(t *testing.T) {
	for in, want := range map[string]string{
		"FRAND": patent.CommitFRAND, "Fair, reasonable and non-discriminatory": patent.CommitFRAND,
		"RAND": patent.CommitRAND, "Reasonable and non discriminatory": patent.CommitRAND, "RAND-Z": patent.CommitRAND,
		"Royalty Free": patent.CommitRF, "RAND-RF": patent.CommitRF, "RF": patent.CommitRF,
		"Not willing to license": patent.CommitRefused, "no": patent.CommitRefused,
		"": patent.CommitUnknown, "see letter": patent.CommitOther, "brand new": patent.CommitOther,
	} {
		if got := Commitment(in); got != want {
			t.Errorf("Commitment(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestHeaders: the lists read the same with snake_case or UPPER-case headers.
func TestHeaders(t *testing.T) {
	for _, f := range []string{"etsi_public.csv", "etsi_isld.csv"} {
		formattest.HeaderVariants(t, Open, filepath.Join("testdata", f), 0, ',')
	}
	// dSEP's own names are snake_case already; its Excel codebook spells them in upper case.
	data, err := os.ReadFile("testdata/dsep.csv")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "DSEP.csv")
	if err := os.WriteFile(p, formattest.RewriteHeader(data, 0, ',', formattest.UpperCase), 0o644); err != nil {
		t.Fatal(err)
	}
	up, upBad := formattest.ReadAll(t, Open, p, format.Options{})
	want, wantBad := formattest.ReadAll(t, Open, "testdata/dsep.csv", format.Options{})
	if len(up) != len(want) || len(upBad) != len(wantBad) || up[0].Declaration.Owner != want[0].Declaration.Owner {
		t.Errorf("upper-case dSEP header: %d records, %d errors; want %d, %d", len(up), len(upBad), len(want), len(wantBad))
	}
}

// TestSniff: each fixture is claimed with its layout; the other readers' fixtures are not.
func TestSniff(t *testing.T) {
	for _, f := range []string{"etsi_public.csv", "etsi_isld.csv", "dsep.csv"} {
		head, _ := format.ReadHead(filepath.Join("testdata", f), 64<<10)
		if s := Sniff(f, head); s < 0.9 {
			t.Errorf("Sniff(%s) = %v", f, s)
		}
	}
	others, _ := filepath.Glob("../*/testdata/*.csv")
	if len(others) < 5 {
		t.Fatalf("only %d other fixtures found", len(others))
	}
	for _, f := range others {
		if strings.Contains(f, "/sep/") {
			continue
		}
		head, err := format.ReadHead(f, 64<<10)
		if err != nil {
			t.Fatal(err)
		}
		if s := Sniff(f, head); s != 0 {
			t.Errorf("Sniff(%s) = %v, want 0", f, s)
		}
	}
	for _, h := range [][]string{
		{"Publication Number", "Title", "Applicants"},
		{"sso", "standard"}, // no number column
		{"StandardBody", "PublicationNumber"},
	} {
		if l := Layout(format.FoldHeaders(h)); l != "" {
			t.Errorf("Layout(%v) = %q", h, l)
		}
	}
}

// TestWorkbook: the dSEP layout saved as .xlsx below a preamble row reads like the CSV.
func TestWorkbook(t *testing.T) {
	data, err := os.ReadFile("testdata/dsep.csv")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "dsep.xlsx")
	f := excelize.NewFile()
	f.SetCellValue("Sheet1", "A1", "Disclosed Standard Essential Patents (dSEP), extract")
	for n, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		for i, v := range strings.Split(line, ",") {
			cell, _ := excelize.CoordinatesToCellName(i+1, n+3)
			f.SetCellValue("Sheet1", cell, v)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	head, _ := format.ReadHead(path, 64<<10)
	if s := Sniff(path, head); s < 0.9 {
		t.Errorf("Sniff(xlsx) = %v", s)
	}
	x, xe := formattest.ReadAll(t, Open, path, format.Options{})
	c, ce := formattest.ReadAll(t, Open, "testdata/dsep.csv", format.Options{})
	if len(x) != len(c) || len(xe) != len(ce) {
		t.Fatalf("xlsx %d/%d, csv %d/%d", len(x), len(xe), len(c), len(ce))
	}
	for i := range x {
		a, b := *x[i].Declaration, *c[i].Declaration
		if strings.Join(a.Standards, "|") != strings.Join(b.Standards, "|") || a.Number != b.Number || a.Owner != b.Owner ||
			a.Date != b.Date || a.Commitment != b.Commitment || a.Blanket != b.Blanket {
			t.Errorf("record %d differs:\n xlsx %+v\n csv  %+v", i+1, a, b)
		}
	}
}

// FuzzRead: any bytes either fail to open or read to the end within len+2 reads, every record
// being a declaration with at least one standard, every error positioned.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"etsi_public.csv", "etsi_isld.csv", "dsep.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(formattest.RewriteHeader(b, 0, ';', formattest.UpperCase))
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "fuzz.csv")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Open(path, format.Options{})
		if err != nil {
			return
		}
		defer r.Close()
		for n := 0; ; n++ {
			if n > len(data)+2 {
				t.Fatalf("more reads (%d) than input bytes", n)
			}
			rec, err := r.Read()
			if err == io.EOF {
				return
			}
			var re *format.RecordError
			if errors.As(err, &re) {
				if re.File == "" || re.Record < 1 {
					t.Fatalf("RecordError without position: %+v", re)
				}
				continue
			}
			if err != nil {
				return
			}
			d := rec.Declaration
			if d == nil || len(d.Standards) == 0 || d.Layout == "" || d.Commitment == "" {
				t.Fatalf("bad declaration: %+v", rec)
			}
			if d.Number == "" && !d.Blanket && d.AppNumber == "" {
				t.Fatalf("a declaration naming nothing: %+v", d)
			}
		}
	})
}
