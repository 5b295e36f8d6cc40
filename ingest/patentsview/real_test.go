package patentsview

import (
	"bufio"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

// scanIDs counts, independently of the reader, the data rows of a table and the distinct values
// of its patent-id column (by name), with a plain line scan (tsv) or encoding/csv (csv).
func scanIDs(t *testing.T, path, col string) (rows int, ids map[string]int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ids = map[string]int{}
	var recs [][]string
	if strings.HasSuffix(path, ".csv") {
		recs, err = csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
	} else {
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for sc.Scan() {
			cells := strings.Split(sc.Text(), "\t")
			for i := range cells {
				cells[i] = strings.Trim(cells[i], `"`)
			}
			recs = append(recs, cells)
		}
	}
	ci := -1
	for i, h := range recs[0] {
		if strings.HasSuffix(h, col) {
			ci = i
		}
	}
	for _, r := range recs[1:] {
		rows++
		if ci >= 0 {
			ids[r[ci]]++
		} else {
			ids[""]++
		}
	}
	return rows, ids
}

func byNumber(recs []*patent.Record) map[string]*patent.Record {
	m := map[string]*patent.Record{}
	for _, r := range recs {
		m[r.Patent.PubNumber] = r
	}
	return m
}

func readReal(t *testing.T, path string) ([]*patent.Record, []*format.RecordError, *Reader) {
	t.Helper()
	r, err := Open(path, format.Options{})
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { r.Close() })
	recs, bad, err := format.ReadAll(r)
	if err != nil {
		t.Fatalf("%s: fatal: %v", path, err)
	}
	t.Logf("%s: %d records accepted, %d rejected, note %q", filepath.Base(path), len(recs), len(bad), r.Note())
	return recs, bad, r
}

func partyCount(recs []*patent.Record, role string) int {
	n := 0
	for _, r := range recs {
		for _, p := range r.Parties {
			if p.Role == role {
				n++
			}
		}
	}
	return n
}

func TestRealFiles(t *testing.T) {
	dir := realdata.Require(t, "patentsview_tsv")

	t.Run("assignee.tsv", func(t *testing.T) {
		path := filepath.Join(dir, "assignee.tsv")
		head, _ := format.ReadHead(path, 64<<10)
		if Sniff(path, head) < 0.7 {
			t.Errorf("sniff %v", Sniff(path, head))
		}
		recs, bad, r := readReal(t, path)
		if len(recs) != 0 || len(bad) != 0 || r.Note() != EntityNote {
			t.Errorf("entity table: %d records, %d errors, note %q", len(recs), len(bad), r.Note())
		}
	})

	t.Run("raw_inventor_sample.tsv", func(t *testing.T) {
		path := filepath.Join(dir, "raw_inventor_sample.tsv")
		rows, ids := scanIDs(t, path, "patent_id")
		recs, bad, _ := readReal(t, path)
		if len(recs)+len(bad) != len(ids) || len(bad) != 0 {
			t.Errorf("%d accepted + %d rejected, want %d patents", len(recs), len(bad), len(ids))
		}
		if n := partyCount(recs, patent.RoleInventor); n != rows {
			t.Errorf("%d inventors, want %d rows", n, rows)
		}
		m := byNumber(recs)
		if r := m["US6760406"]; r == nil || r.Parties[0].NameRaw != "Oscar Ĥemberg" || r.Patent.DocType != patent.Invention {
			t.Errorf("6760406: %+v", r)
		}
		if r := m["USD319135"]; r == nil || r.Parties[0].NameRaw != "Stephan 'Feger" || r.Patent.DocType != patent.Design {
			t.Errorf("D319135: %+v", r)
		}
		if r := m["US9703572"]; r == nil || r.Parties[0].NameRaw != "Jonathan Blake 'Brannon" {
			t.Errorf("9703572: %+v", r)
		}
	})

	t.Run("rawassignee_baseline.csv", func(t *testing.T) {
		path := filepath.Join(dir, "rawassignee_baseline.csv")
		rows, ids := scanIDs(t, path, "patent_id")
		recs, bad, _ := readReal(t, path)
		if len(recs)+len(bad) != len(ids) || len(bad) != 0 {
			t.Errorf("%d accepted + %d rejected, want %d patents", len(recs), len(bad), len(ids))
		}
		if n := partyCount(recs, patent.RoleApplicant); n != rows {
			t.Errorf("%d assignees, want %d rows", n, rows)
		}
		m := byNumber(recs)
		if r := m["USD862959"]; r == nil || r.Parties[0].NameRaw != "International Business Communications, Inc." {
			t.Errorf("D862959: %+v", r)
		}
		// data_label (the mention) is the raw name, not the cluster label.
		if r := m["US5839303"]; r == nil || r.Parties[0].NameRaw != "Business Machine Security, Inc." {
			t.Errorf("5839303: %+v", r)
		}
		if r := m["US7183214"]; r == nil || len(r.Parties) != 2 {
			t.Errorf("7183214 (two rows): %+v", r)
		}
	})

	t.Run("legacy_truncated/patent.tsv", func(t *testing.T) {
		path := filepath.Join(dir, "legacy_truncated", "patent.tsv")
		_, ids := scanIDs(t, path, "id") // header cell is x"id" (quotes trimmed: x"id)
		recs, bad, _ := readReal(t, path)
		if len(recs)+len(bad) != len(ids) || len(bad) != 0 || len(recs) != 9 {
			t.Errorf("%d accepted + %d rejected, want %d", len(recs), len(bad), len(ids))
		}
		m := byNumber(recs)
		r := m["US10000000B2"]
		if r == nil || r.Patent.Title != "Coherent LADAR using intra-pixel quadrature detection" ||
			r.Patent.GrantDate.String() != "2018-06-19" || r.Patent.ClaimsCount != 20 || !strings.HasPrefix(r.Patent.Abstract, "A frequency modulated (coherent)") {
			t.Errorf("10000000: %+v", r)
		}
		if r := m["US10000008B2"]; r == nil || r.Patent.DocType != patent.Invention || r.Patent.PubDate.String() != "2018-06-19" {
			t.Errorf("10000008: %+v", r)
		}
		if recs[0].Patent.PubNumber != "US10000000B2" || recs[8].Patent.PubNumber != "US10000008B2" {
			t.Errorf("order: %s … %s", recs[0].Patent.PubNumber, recs[8].Patent.PubNumber)
		}
	})

	t.Run("legacy_truncated/uspatentcitation.tsv", func(t *testing.T) {
		path := filepath.Join(dir, "legacy_truncated", "uspatentcitation.tsv")
		rows, ids := scanIDs(t, path, "patent_id")
		recs, bad, _ := readReal(t, path)
		if len(recs)+len(bad) != len(ids) || len(bad) != 0 {
			t.Errorf("%d accepted + %d rejected, want %d", len(recs), len(bad), len(ids))
		}
		n := 0
		for _, r := range recs {
			n += len(r.Citations)
		}
		if n != rows {
			t.Errorf("%d citations, want %d", n, rows)
		}
		m := byNumber(recs)
		if r := m["USD674253"]; r == nil || r.Citations[0].Cited != "USD519335S" || r.Citations[0].Category != "cited by examiner" {
			t.Errorf("D674253: %+v", r)
		}
		if r := m["US5354551"]; r == nil || r.Citations[0].Cited != "US4875247" || r.Citations[0].Category != "" {
			t.Errorf("5354551: %+v", r)
		}
		if r := m["US8250307"]; r == nil || r.Citations[0].Cited != "US7386701B2" || r.Citations[0].Category != "cited by other" {
			t.Errorf("8250307: %+v", r)
		}
	})

	t.Run("legacy_truncated folder", func(t *testing.T) {
		path := filepath.Join(dir, "legacy_truncated")
		if s := Sniff(path, nil); s < 0.9 {
			t.Errorf("sniff %v", s)
		}
		_, pids := scanIDs(t, filepath.Join(path, "patent.tsv"), "id")
		_, cids := scanIDs(t, filepath.Join(path, "uspatentcitation.tsv"), "patent_id")
		union := map[string]bool{}
		for k := range pids {
			union[k] = true
		}
		for k := range cids {
			union[k] = true
		}
		recs, bad, _ := readReal(t, path)
		if len(recs)+len(bad) != len(union) || len(bad) != 0 {
			t.Errorf("%d accepted + %d rejected, want %d", len(recs), len(bad), len(union))
		}
		// Citing patents absent from the truncated patent table have numbers without kind.
		m := byNumber(recs)
		if m["US10000000B2"] == nil || m["US9199394"] == nil || len(m["US9199394"].Citations) != 1 {
			t.Errorf("join: %v", len(m))
		}
	})

	t.Run("folder", func(t *testing.T) {
		if s := Sniff(dir, nil); s < 0.8 {
			t.Errorf("sniff %v", s)
		}
		irows, iids := scanIDs(t, filepath.Join(dir, "raw_inventor_sample.tsv"), "patent_id")
		arows, aids := scanIDs(t, filepath.Join(dir, "rawassignee_baseline.csv"), "patent_id")
		union := map[string]bool{}
		for k := range iids {
			union[k] = true
		}
		for k := range aids {
			union[k] = true
		}
		recs, bad, r := readReal(t, dir)
		if len(recs)+len(bad) != len(union) || len(bad) != 0 {
			t.Errorf("%d accepted + %d rejected, want %d", len(recs), len(bad), len(union))
		}
		if partyCount(recs, patent.RoleInventor) != irows || partyCount(recs, patent.RoleApplicant) != arows {
			t.Errorf("parties: %d inventors (want %d), %d assignees (want %d)", partyCount(recs, patent.RoleInventor), irows,
				partyCount(recs, patent.RoleApplicant), arows)
		}
		both := 0
		for k := range aids {
			if iids[k] > 0 {
				both++
			}
		}
		joined := 0
		for _, rec := range recs {
			if partyCount([]*patent.Record{rec}, patent.RoleInventor) > 0 && partyCount([]*patent.Record{rec}, patent.RoleApplicant) > 0 {
				joined++
			}
		}
		if joined != both {
			t.Errorf("%d records joined both tables, want %d", joined, both)
		}
		t.Logf("tables %+v; %d patents in both tables", r.Tables(), both)
	})
}
