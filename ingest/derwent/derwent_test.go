package derwent

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
	for _, name := range []string{"sample.ciw", "tabbed.txt"} {
		t.Run(name, func(t *testing.T) {
			recs, errs := formattest.ReadAll(t, Open, filepath.Join("testdata", name), format.Options{})
			got, err := json.MarshalIndent(result{recs, errs}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			formattest.Golden(t, filepath.Join("testdata", strings.TrimSuffix(name, filepath.Ext(name))+".golden.json"), got, *update)
		})
	}
}

// TestReads: the order of publications and record errors, with their positions (records count
// from PT, lines are the PT line's).
func TestReads(t *testing.T) {
	r, err := Open("testdata/sample.ciw", format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	formattest.ExpectReads(t, r, "sample.ciw", []formattest.Want{
		formattest.RecAt("EP1616785A1", 1),
		formattest.RecAt("US7721988B2", 1),
		formattest.RecAt("KR20070031267A", 1), // DWPI's KR2007031267 with DOCDB's 7-digit serial
		formattest.RecAt("CN1636827A", 2),
		formattest.Bad(2, 38, "PN", format.ErrBadNumber), // "XX-A"; the record's other member is read
		formattest.Bad(3, 50, "PN", format.ErrMissingField),
		formattest.Bad(4, 55, "PD", format.ErrBadDate), // 31 Feb 2005
		formattest.RecAt("GB2417603A", 5),
	})
}

// TestFacts states what the first record yields, field by field (read off testdata/sample.ciw).
func TestFacts(t *testing.T) {
	recs, _ := formattest.ReadAll(t, Open, "testdata/sample.ciw", format.Options{})
	ep, us := recs[0], recs[1]
	p := ep.Patent
	for _, c := range [][2]string{
		{p.FamilyID, "DWPI2005769953"}, {us.Patent.FamilyID, "DWPI2005769953"},
		{p.Title, "Unmanned helicopter has engine and gearbox in self supporting housing of carbon fiber-reinforced plastic."},
		{p.TitleLang, TextLang},
		{p.Abstract, "NOVELTY - The helicopter has a unit (1) formed of an engine: (a) applying wax; USE - Used for exploring an area."},
		{p.PubDate.String(), "2006-01-18"}, {p.AppNumber, "EP04450196A"}, {p.AppDate.String(), "2004-10-28"},
		{us.Patent.GrantDate.String(), "2010-05-25"}, {p.GrantDate.String(), ""},
		{strings.Join(p.Priorities, ","), "AT12022004A,KR20067007336A"}, {p.PriorityDate.String(), "2004-07-15"},
		{fmt.Sprint(p.FamilySize), "3"},
	} {
		if c[0] != c[1] {
			t.Errorf("got %q, want %q", c[0], c[1])
		}
	}
	var parties []string
	for _, x := range ep.Parties {
		parties = append(parties, fmt.Sprintf("%s%d:%s", x.Role[:3], x.Seq, x.NameRaw))
	}
	if got := strings.Join(parties, "|"); got != "inv1:SCHIEBEL H|inv2:HANS-GEORG S|app1:SCHIEBEL GMBH|app2:SCHIEBEL IND AG" {
		t.Errorf("parties %s", got)
	}
	var classes []string
	for _, c := range ep.Classifications {
		classes = append(classes, fmt.Sprintf("%s:%s:%v", c.Scheme, c.Code, c.IsMain))
	}
	// A63H-000/00 has no main group and is dropped.
	if got := strings.Join(classes, " "); got != "dwpi_assignee:SCHI:false ipc:B64C27/04:true ipc:B64C39/02:false dwpi_class:Q25:false dwpi_class:W06:false dwpi_manual:W04-X03E1A:false dwpi_manual:W06-B01C9:false" {
		t.Errorf("classes %s", got)
	}
	// EP's citations are the lines under its heading, US's under its own; KR has none.
	cites := func(r *patent.Record) string {
		var s []string
		for _, c := range r.Citations {
			s = append(s, c.Kind+":"+c.Cited)
		}
		return strings.Join(s, " | ")
	}
	if got := cites(ep); got != "patent:EP1044709A2 | patent:JP10263215A | npl:PATENT ABSTRACTS OF JAPAN Bd. 0162, Nr. 06 (M-1248), 15. Mai 1992" {
		t.Errorf("EP citations %s", got)
	}
	if got := cites(us); got != "patent:US4830312A" || us.Patent.CitesCount != 1 || us.Patent.NPLCount != 0 {
		t.Errorf("US citations %s (%d, %d)", got, us.Patent.CitesCount, us.Patent.NPLCount)
	}
	if kr := recs[2]; len(kr.Citations) != 0 || kr.Patent.CitesCount != 0 {
		t.Errorf("KR citations %v", kr.Citations)
	}
	// A flat CP list (no member headings) belongs to the first member.
	if gb := recs[4]; cites(gb) != "patent:GB2240655A | patent:GB2344923A" || gb.Patent.NPLCount != -1 {
		t.Errorf("GB citations %s, NPL %d", cites(gb), gb.Patent.NPLCount)
	}
	// The tab-delimited variant gives the same first record.
	tab, errs := formattest.ReadAll(t, Open, "testdata/tabbed.txt", format.Options{})
	if len(tab) != 3 || len(errs) != 0 {
		t.Fatalf("tabbed: %d records, errors %v", len(tab), errs)
	}
	if tp := tab[0].Patent; tp.FamilyID != p.FamilyID || tp.PubDate != p.PubDate || tp.AppNumber != p.AppNumber ||
		strings.Join(tp.Priorities, ",") != "AT12022004A,KR20067007336A" || len(tab[0].Parties) != 4 || tab[1].Patent.PubDate.String() != "2010-05-25" {
		t.Errorf("tabbed first record %+v %v", tp, tab[0].Parties)
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		path, head string
		min, max   float64
	}{
		{"a.ciw", "FN Thomson Reuters Web of Science\nVR 1.0\nPT P\nPN US1-A\n", 0.9, 1},
		{"a.txt", "\uFEFFPT P\nPN US1-A\nGA 1\n", 0.9, 1},
		{"a.txt", "PT\tPN\tTI\tGA\n", 0.9, 1},
		{"a.csv", "id,title,assignee\n", 0, 0},
		{"a.txt", "PT P\nTI x\n", 0, 0},
	} {
		if s := Sniff(c.path, []byte(c.head)); s < c.min || s > c.max {
			t.Errorf("Sniff(%q) = %v, want in [%v, %v]", c.head, s, c.min, c.max)
		}
	}
}

func TestEmpty(t *testing.T) {
	dir := t.TempDir()
	for _, body := range []string{"", "\n\n", "\uFEFF"} {
		p := filepath.Join(dir, "e.ciw")
		os.WriteFile(p, []byte(body), 0o644)
		if _, err := Open(p, format.Options{}); err == nil || !strings.Contains(err.Error(), format.ErrEmpty.Error()) {
			t.Errorf("%q: %v, want ErrEmpty", body, err)
		}
	}
}

// TestRealData reads the real Derwent export (../shared/data/real/derwent): every record is
// accepted, every record is one DWPI family, and every family member is a publication.
func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "derwent")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			head, _ := format.ReadHead(path, 64<<10)
			if s := Sniff(path, head); s < 0.9 {
				t.Errorf("Sniff = %v", s)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			// Expected counts from the file itself: ER lines are records, the ;-separated PN
			// numbers are publications.
			wantRecs, wantPubs := 0, 0
			sc := bufio.NewScanner(strings.NewReader(string(data)))
			sc.Buffer(nil, 1<<20)
			for sc.Scan() {
				l := sc.Text()
				if l == "ER" {
					wantRecs++
				}
				if strings.HasPrefix(l, "PN ") {
					wantPubs += len(strings.Split(l, ";"))
				}
			}
			recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
			if len(errs) != 0 {
				t.Errorf("%d rejected, first: %s", len(errs), errs[0])
			}
			fams := map[string]bool{}
			for _, r := range recs {
				fams[r.Patent.FamilyID] = true
				if r.Patent.Title == "" || !r.Patent.PriorityDate.Valid() {
					t.Errorf("%s: no title or priority date", r.Patent.PubNumber)
				}
			}
			if len(recs) != wantPubs || len(fams) != wantRecs {
				t.Errorf("%d publications in %d families, want %d in %d", len(recs), len(fams), wantPubs, wantRecs)
			}
			t.Logf("%d records, %d publications, 0 rejected", wantRecs, len(recs))
		})
	}
}

func FuzzRead(f *testing.F) {
	for _, name := range []string{"sample.ciw", "tabbed.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("PT P\nPN US1-A;\nPD US1-A 1 Foo 2000\nAD US1-A\nCP US1-A\n   x\nER\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) { formattest.FuzzFile(t, Open, dir, data) })
}

// BenchFile writes a generated field-tagged export of n records, each a DWPI family of three
// publications (EP, US, CN) with a title, a 1 kB abstract, inventors, assignees, IPC, classes,
// manual codes, PD, AD, PI and cited patents and literature; it returns the path.
func BenchFile(tb testing.TB, dir string, n int) string {
	tb.Helper()
	path := filepath.Join(dir, fmt.Sprintf("derwent_%d.ciw", n))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	abstract := strings.Repeat("NOVELTY - The unmanned aerial vehicle has a frame, rotors and a controller. ", 13)
	fmt.Fprintf(w, "FN Thomson Reuters Web of Science\nVR 1.0\n")
	for i := range n {
		ep, us, cn := 1600000+i, 7700000+i, 104000000+i
		fmt.Fprintf(w, "PT P\nPN EP%d-A1; US%d-B2; CN%d-A\n", ep, us, cn)
		fmt.Fprintf(w, "TI Unmanned aerial vehicle %d has frame with rotors and controller\n   for collision avoidance.\n", i)
		fmt.Fprintf(w, "AU SMITH J\n   WANG L\n   MUELLER K\nAE DRONE TECH INC (DRON-Non-standard)\n   SZ DJI TECHNOLOGY CO LTD (SZDJ)\n")
		fmt.Fprintf(w, "GA 2015%06d\nAB    %s\n   USE - Used for surveillance.\n", i, abstract)
		fmt.Fprintf(w, "DC Q25 (Aircraft, aviation, cosmonautics); W06 (Aviation, Marine and Radar Systems)\nMC W06-B01C9; W06-B15U\n")
		fmt.Fprintf(w, "IP B64C-039/02; G05D-001/10; B64D-047/08\n")
		fmt.Fprintf(w, "PD EP%d-A1   18 Jan 2016   B64C-039/02   201606   Pages: 8   English\n", ep)
		fmt.Fprintf(w, "   US%d-B2   25 May 2017   B64C-039/02   201735      English\n", us)
		fmt.Fprintf(w, "   CN%d-A   04 Oct 2016   B64C-039/02   201671      Chinese\n", cn)
		fmt.Fprintf(w, "AD EP%d-A1    EP15450196    28 Oct 2015\n   US%d-B2    US14572023    13 Mar 2015\n   CN%d-A    CN201580000893    27 May 2015\n", ep, us, cn)
		fmt.Fprintf(w, "PI US2014001202    15 Jul 2014\n")
		fmt.Fprintf(w, "CP    EP%d-A1\n      EP1044709-A2      \n      JP10263215-A   MUGEN KK (MUGE-Non-standard)   OKAMOTO N\n   US%d-B2\n      US4830312-A   PORSCHE AG F (PORS)   HAIN K\n", ep, us)
		fmt.Fprintf(w, "CR    EP%d-A1\n      PATENT ABSTRACTS OF JAPAN Bd. 0162, Nr. 06 (M-1248), 15. Mai 1992\n", ep)
		fmt.Fprintf(w, "UT DIIDW:2015%06d\nER\n\n", i)
	}
	fmt.Fprintf(w, "EF\n")
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkRead reads a generated export of 100,000 DWPI records (300,000 publications, about
// 230 MB) and reports records/s (publications: what ingest counts) and MB/s.
func BenchmarkRead(b *testing.B) {
	const n = 100_000
	path := BenchFile(b, b.TempDir(), n)
	formattest.BenchRead(b, Open, path, 3*n)
}

// TestRealGolden compares a summary of what the reader makes of each real derwent export (counts
// per role, scheme and citation category, and a SHA-256 of every record: formattest.Summary)
// with testdata/real_<file>.golden.txt; go test -update rewrites it. Skipped when the real data
// is absent.
func TestRealGolden(t *testing.T) {
	dir := realdata.Require(t, "derwent")
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
			formattest.Golden(t, filepath.Join("testdata", "real_"+name+".golden.txt"), []byte(formattest.Summary(recs, errs)), *update)
		})
	}
}

// TestDesignatedStates: DS lists under a member's heading are that member's (national and
// regional together, sorted, without repeats), in the field-tagged and the tab-delimited form;
// a member without a heading has none.
func TestDesignatedStates(t *testing.T) {
	dir := t.TempDir()
	tagged := "FN Clarivate Analytics Derwent Innovations Index\nVR 1.0\nPT P\n" +
		"PN WO2006005087-A1; EP1616785-A1; US7721988-B2\nTI Helicopter.\nGA 2005769953\n" +
		"DS WO2006005087-A1: \n\t\t      (National): US; CN; AT\n      (Regional): AT; EA; OA\n" +
		"EP1616785-A1: \n\t\t      (Regional): FR; DE\nER\n\nEF\n"
	tabbed := "PT\tPN\tTI\tGA\tDS\n" +
		"P\tWO2006005087-A1; EP1616785-A1; US7721988-B2\tHelicopter.\t2005769953\tWO2006005087-A1: ; (National): US; CN; AT; (Regional): AT; EA; OA; EP1616785-A1: ; (Regional): FR; DE\n"
	for name, body := range map[string]string{"ds.ciw": tagged, "ds.txt": tabbed} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
		if len(recs) != 3 || len(errs) != 0 {
			t.Fatalf("%s: %d records, errors %v", name, len(recs), errs)
		}
		got := map[string]string{}
		for _, r := range recs {
			got[r.Patent.PubNumber] = strings.Join(r.Patent.DesignatedStates, " ")
		}
		want := map[string]string{"WO2006005087A1": "AT CN EA OA US", "EP1616785A1": "DE FR", "US7721988B2": ""}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s: %s designates %q, want %q", name, k, got[k], v)
			}
		}
	}
}
