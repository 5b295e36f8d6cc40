package patentsview

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json")

// result is what a golden file holds for one input.
type result struct {
	Note    string           `json:"note,omitempty"`
	Tables  []Table          `json:"tables"`
	Records []*patent.Record `json:"records"`
	Errors  []string         `json:"errors,omitempty"`
}

func readInput(t *testing.T, path string) result {
	t.Helper()
	r, err := Open(path, format.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	defer r.Close()
	recs, bad, err := format.ReadAll(r)
	if err != nil {
		t.Fatalf("ReadAll(%s): %v", path, err)
	}
	res := result{Note: r.Note(), Tables: r.Tables(), Records: recs}
	for _, b := range bad {
		res.Errors = append(res.Errors, b.Error())
	}
	return res
}

func checkGolden(t *testing.T, name string, res result) {
	t.Helper()
	got, err := json.MarshalIndent(res, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	formattest.Golden(t, filepath.Join("testdata", name+".golden.json"), got, *update)
}

func TestGolden(t *testing.T) {
	for _, in := range []string{
		"current", "legacy", "linked", "single",
		"single/assignee_2024.tsv", "single/rawinventor_2024.tsv", "single/rawassignee_2024.csv",
		"legacy/uspatentcitation_2024.tsv", "legacy/patent_2024.tsv", "current/g_wipo_technology.tsv",
		"current/g_patent_abstract.tsv.zip", "errors",
	} {
		t.Run(in, func(t *testing.T) {
			res := readInput(t, filepath.Join("testdata", in))
			checkGolden(t, strings.NewReplacer("/", "_", ".", "_").Replace(in), res)
		})
	}
}

// The same folder read through every access path (streamed after the order scan, external sort
// with many tiny runs) gives the same records as the in-memory path.
func TestAccessPathsAgree(t *testing.T) {
	for _, in := range []string{"current", "legacy", "linked"} {
		want := readInput(t, filepath.Join("testdata", in))
		oldLimit, oldChunk := InMemoryLimit, SortChunkBytes
		InMemoryLimit, SortChunkBytes = 0, 300
		got := readInput(t, filepath.Join("testdata", in))
		InMemoryLimit, SortChunkBytes = oldLimit, oldChunk
		wj, _ := json.Marshal(want.Records)
		gj, _ := json.Marshal(got.Records)
		if !bytes.Equal(wj, gj) {
			t.Errorf("%s: external/stream path differs from in-memory path", in)
		}
		modes := map[string]bool{}
		for _, tb := range got.Tables {
			modes[tb.Sorted] = true
		}
		if in == "current" && !(modes["stream"] && modes["external"]) {
			t.Errorf("%s: expected both stream and external tables, got %+v", in, got.Tables)
		}
	}
}

func TestCurrentFolder(t *testing.T) {
	res := readInput(t, "testdata/current")
	if len(res.Errors) != 0 {
		t.Fatalf("errors: %v", res.Errors)
	}
	byNum := map[string]*patent.Record{}
	for _, r := range res.Records {
		byNum[r.Patent.PubNumber] = r
	}
	// g_wipo_technology is skipped in a folder with other tables: 99999999 must not appear.
	want := []string{"US10000000B2", "US10000001B1", "USD800000S1", "USPP28000P3", "USRE46000E"}
	if len(res.Records) != len(want) {
		t.Fatalf("got %d records, want %d", len(res.Records), len(want))
	}
	for _, n := range want {
		if byNum[n] == nil {
			t.Errorf("missing %s", n)
		}
	}
	r := byNum["US10000000B2"]
	if p := r.Patent; p.AppNumber != "US15030456" || p.AppDate.String() != "2015-03-10" ||
		p.GrantDate.String() != "2018-06-19" || p.ClaimsCount != 20 || !strings.HasPrefix(p.Claims, "1. A coherent") ||
		p.DocType != patent.Invention || p.Abstract == "" {
		t.Errorf("10000000 patent fields: %+v", p)
	}
	if r.Parties[0].NameRaw != "Raytheon Company" || r.Parties[0].Seq != 1 || r.Parties[0].Country != "US" ||
		r.Parties[0].City != "Waltham" || r.Parties[1].NameRaw != "Lockheed Martin Corporation" {
		t.Errorf("assignee order/location: %+v", r.Parties)
	}
	if r.Parties[3].NameRaw != "Oscar Ĥemberg" || r.Parties[3].Country != "CH" {
		t.Errorf("inventor entity decoding: %+v", r.Parties[3])
	}
	if len(r.Classifications) != 4 || !r.Classifications[0].IsMain || r.Classifications[0].Code != "G01S7/4914" {
		t.Errorf("classifications: %+v", r.Classifications)
	}
	if len(r.Citations) != 5 || r.Citations[0].Cited != "US5808739A" || r.Citations[0].Category != "cited by examiner" ||
		r.Citations[2].Cited != "US20140085622A1" || r.Citations[4].Kind != patent.CiteNPL {
		t.Errorf("citations: %+v", r.Citations)
	}
	if nr := byNum["US10000001B1"]; len(nr.Parties) != 1 || nr.Parties[0].Role != patent.RoleInventor {
		t.Errorf("10000001 should have no assignee: %+v", nr.Parties)
	} else if nr.Patent.PriorityDate.String() != "2015-05-14" || len(nr.Patent.Priorities) != 2 ||
		nr.Classifications[0].Code != "B29C45/66" || !nr.Classifications[1].IsMain {
		t.Errorf("10000001: %+v %+v", nr.Patent, nr.Classifications)
	}
	if d := byNum["USD800000S1"]; d.Patent.DocType != patent.Design || d.Citations[0].Cited != "USD519335S" ||
		d.Parties[0].NameRaw != "Jane Doe" {
		t.Errorf("design: %+v", d)
	}
	if p := byNum["USPP28000P3"]; p.Patent.DocType != patent.Plant || p.Patent.LegalStatus != patent.Lapsed ||
		p.Parties[0].Country != "" {
		t.Errorf("plant: %+v", p)
	}
}

func TestErrors(t *testing.T) {
	r, err := Open("testdata/errors/g_patent.tsv", format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	var got []string
	var bad []*format.RecordError
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			bad = append(bad, re)
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, rec.Patent.PubNumber)
	}
	if strings.Join(got, ",") != "US10000000B2,US10000005B2" {
		t.Errorf("accepted %v", got)
	}
	want := []struct {
		rec, line int
		field     string
		err       error
		value     string
	}{
		// in patent-id order: "" and "#!" sort first
		{4, 5, "patent_id", format.ErrBadNumber, ""},
		{5, 6, "patent_id", format.ErrBadNumber, "#!"},
		{2, 3, "patent_date", format.ErrBadDate, "2018-13-45"},
		{3, 4, "num_claims", format.ErrBadValue, "twenty"},
	}
	if len(bad) != len(want) {
		t.Fatalf("got %d errors: %v", len(bad), bad)
	}
	for i, w := range want {
		b := bad[i]
		if b.File != "g_patent.tsv" || b.Record != w.rec || b.Line != w.line || b.Field != w.field ||
			!errors.Is(b, w.err) || b.Value != w.value {
			t.Errorf("error %d: %+v (%v), want %+v", i, b, b, w)
		}
	}
	// In the folder, the application's bad filing date rejects 10000005 too.
	res := readInput(t, "testdata/errors")
	if len(res.Records) != 1 || len(res.Errors) != 5 ||
		!strings.Contains(strings.Join(res.Errors, "\n"), `g_application.tsv: record 1 (line 2), field "filing_date": bad date: "2016-02-30"`) {
		t.Errorf("folder: %d records, errors %v", len(res.Records), res.Errors)
	}
}

func TestEmpty(t *testing.T) {
	if _, err := Open("testdata/errors/empty.tsv", format.Options{}); !errors.Is(err, format.ErrEmpty) {
		t.Errorf("empty file: %v", err)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "g_patent.tsv"), nil, 0o644)
	if _, err := Open(dir, format.Options{}); !errors.Is(err, format.ErrEmpty) {
		t.Errorf("folder of empty files: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "other.csv"), []byte("Lens ID,Title\n1,x\n"), 0o644)
	if _, err := Open(filepath.Join(dir, "other.csv"), format.Options{}); !errors.Is(err, format.ErrUnknownFormat) {
		t.Errorf("foreign table: %v", err)
	}
	// A header-only table is an input with no records.
	os.WriteFile(filepath.Join(dir, "g_patent.tsv"), []byte("patent_id\tpatent_date\n"), 0o644)
	res := readInput(t, filepath.Join(dir, "g_patent.tsv"))
	if len(res.Records) != 0 || res.Note != "" {
		t.Errorf("header only: %+v", res)
	}
}

// An entity-only input has no records, no error, and says so.
func TestEntityOnly(t *testing.T) {
	res := readInput(t, "testdata/single/assignee_2024.tsv")
	if len(res.Records) != 0 || len(res.Errors) != 0 || res.Note != EntityNote {
		t.Errorf("%+v", res)
	}
}

// A direct stream that meets an out-of-order row fails with a clear error naming table and row.
func TestOutOfOrderStream(t *testing.T) {
	path := "testdata/current/g_us_patent_citation.tsv"
	src, header, err := openCSV(path, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer src.close()
	tb := &table{path: path, file: filepath.Base(path), kind: kPatCite, header: header}
	tb.cols = resolve(kPatCite, headerSet(header))
	r := &Reader{}
	s := &stream{t: tb, src: src, keyCol: tb.cols["key"]}
	for i := 0; i < 3; i++ {
		if err := r.advance(s); err != nil {
			t.Fatalf("row %d: %v", i+1, err)
		}
	}
	err = r.advance(s)
	if err == nil || !strings.Contains(err.Error(), `g_us_patent_citation.tsv: row 4 (line 5): patent id "10000001" comes after "D800000"`) {
		t.Errorf("got %v", err)
	}
	if n, err := isSorted(path, format.Options{}, tb.cols["key"]); err != nil || n != 4 {
		t.Errorf("isSorted = %d, %v; want 4", n, err)
	}
}

func TestSniff(t *testing.T) {
	cases := []struct {
		path string
		min  float64
		max  float64
	}{
		{"testdata/current", 0.9, 1},
		{"testdata/legacy", 0.9, 1},
		{"testdata/linked", 0.8, 0.9},
		{"testdata/single", 0.8, 0.9},
		{"testdata/current/g_patent.tsv", 0.9, 1},
		{"testdata/current/g_patent_abstract.tsv.zip", 0.9, 1},
		{"testdata/legacy/patent_2024.tsv", 0.9, 1},
		{"testdata/single/rawinventor_2024.tsv", 0.9, 1},
		{"testdata/single/rawassignee_2024.csv", 0.9, 1},
		{"testdata/single/assignee_2024.tsv", 0.7, 0.8},
		{"testdata/current/README.txt", 0, 0},
		{"testdata/errors/empty.tsv", 0, 0},
		{"testdata", 0, 0},
	}
	for _, c := range cases {
		head, _ := format.ReadHead(c.path, 64<<10)
		got := Sniff(c.path, head)
		if fi, _ := os.Stat(c.path); fi != nil && fi.IsDir() {
			got = Sniff(c.path, nil)
		}
		if got < c.min || got > c.max {
			t.Errorf("Sniff(%s) = %v, want in [%v,%v]", c.path, got, c.min, c.max)
		}
	}
	// Other vendors' headers are not taken.
	for _, h := range []string{
		"id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,result link\n",
		"#,Jurisdiction,Kind,Display Key,Lens ID,Publication Date\n",
	} {
		if got := Sniff("export.csv", []byte(h)); got != 0 {
			t.Errorf("Sniff(%q) = %v", h, got)
		}
	}
}
