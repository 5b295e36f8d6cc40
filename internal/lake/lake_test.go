package lake

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/patnav/patnav/internal/patent"
)

func record(pub, fam string) *patent.Record {
	r := patent.NewRecord()
	r.Patent.PubNumber, r.Patent.Kind, r.Patent.FamilyID = pub, "A", fam
	r.Patent.PubDate = patent.NewDate(2020, 1, 2)
	r.Patent.Priorities = []string{"CN2019100001"}
	r.Citations = []patent.Citation{{Cited: "US 6859910 B2", Kind: patent.CitePatent}, {Cited: "Smith 2001", Kind: patent.CiteNPL}}
	return r
}

func write(t *testing.T, tx *Txn, recs ...*patent.Record) {
	t.Helper()
	s := NewRowSet(len(recs))
	for _, r := range recs {
		s.Append(r, tx.ID)
	}
	released := make(chan struct{})
	if err := tx.WriteRowSet(s, func() { close(released) }); err != nil {
		t.Fatal(err)
	}
	// Every table copies its rows and then the set is released, once (a second close panics).
	select {
	case <-released:
	case <-time.After(10 * time.Second):
		t.Fatal("row set never released")
	}
}

// newLake opens a new lake in a temporary folder and begins its first ingest.
func newLake(t *testing.T) (dir string, l *Lake, tx *Txn) {
	t.Helper()
	dir = filepath.Join(t.TempDir(), "lake")
	l, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if tx, err = l.Begin(); err != nil {
		t.Fatal(err)
	}
	return dir, l, tx
}

// TestCommitIsTheOnlyVisiblePoint: rows become part of the lake at Commit and not before; Abort
// leaves nothing behind; every table has a part (its schema) after the first commit.
func TestCommitIsTheOnlyVisiblePoint(t *testing.T) {
	dir, l, tx := newLake(t)
	write(t, tx, record("CN1A", "F1"), record("CN2A", "F2"))
	if Exists(dir) {
		t.Fatal("manifest written before commit")
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	l, _ = Open(dir)
	if l.Rows(TPatents) != 2 || l.Rows(TCitations) != 4 || l.Rows(TPriorities) != 2 {
		t.Errorf("rows: patents %d citations %d priorities %d", l.Rows(TPatents), l.Rows(TCitations), l.Rows(TPriorities))
	}
	for _, tb := range Tables {
		if len(l.Files(tb)) != 1 {
			t.Errorf("table %s: %d parts, want 1 (its schema)", tb, len(l.Files(tb)))
		}
	}
	// Row-group statistics: min/max for dates and numbers (DuckDB prunes row groups with them);
	// none for strings, whose bounds the writer skips.
	stats := map[string][2]string{}
	pf, err := parquet.OpenFile(mustOpen(t, l.Files(TPatents)[0]))
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range pf.Metadata().RowGroups[0].Columns {
		st := c.MetaData.Statistics
		stats[pf.Schema().Columns()[i][0]] = [2]string{string(st.MinValue), string(st.MaxValue)}
	}
	if d := stats["pub_date"]; d[0] == "" || d[1] == "" {
		t.Errorf("pub_date has no min/max statistics: %q", d)
	}
	if d := stats["pub_number"]; d[0] != "" || d[1] != "" {
		t.Errorf("pub_number has string bounds %q (skipped on purpose: they are costly)", d)
	}
	fams := map[string]string{}
	if err := l.EachPubFamily(func(p, f string) { fams[p] = f }); err != nil {
		t.Fatal(err)
	}
	if fams["CN1A"] != "F1" || fams["CN2A"] != "F2" {
		t.Errorf("pub families %v", fams)
	}
	// A second transaction that aborts changes nothing.
	tx, _ = l.Begin()
	write(t, tx, record("CN3A", "F3"))
	tx.Abort()
	l, _ = Open(dir)
	if l.Rows(TPatents) != 2 {
		t.Errorf("aborted rows visible: %d", l.Rows(TPatents))
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".staging-*")); len(m) != 0 {
		t.Errorf("staging left: %v", m)
	}
	// A later commit with rows in only some tables adds parts to those only.
	tx, _ = l.Begin()
	write(t, tx, record("CN4A", "F4"))
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	l, _ = Open(dir)
	if len(l.Files(TPatents)) != 2 || len(l.Files(TLegalEvents)) != 1 || l.Manifest().NextIngest != 3 { // the aborted transaction used no ingest id
		t.Errorf("parts: patents %d legal %d next %d", len(l.Files(TPatents)), len(l.Files(TLegalEvents)), l.Manifest().NextIngest)
	}
}

func TestCleanAndLock(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "lake")
	l, _ := Open(dir)
	tx, _ := l.Begin()
	write(t, tx, record("CN1A", "F1"))
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, ".staging-000099", TPatents), 0o755)
	orphan := filepath.Join(dir, TPatents, "part-000099.parquet")
	os.WriteFile(orphan, []byte("x"), 0o644)
	// Manifests a crash left half-written: atomicfile's temporary name and the older fixed one.
	temps := []string{filepath.Join(dir, "."+ManifestName+".123456"), filepath.Join(dir, ManifestName+".tmp")}
	for _, f := range temps {
		os.WriteFile(f, []byte("{"), 0o644)
	}
	l, _ = Open(dir)
	if err := l.Clean(); err != nil {
		t.Fatal(err)
	}
	for _, f := range temps {
		if _, err := os.Stat(f); !os.IsNotExist(err) {
			t.Errorf("%s survived Clean", filepath.Base(f))
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ManifestName)); err != nil {
		t.Errorf("the manifest: %v", err)
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Error("orphan part survived Clean")
	}
	if _, err := os.Stat(filepath.Join(dir, ".staging-000099")); !os.IsNotExist(err) {
		t.Error("staging survived Clean")
	}
	if len(l.Files(TPatents)) != 1 {
		t.Error("Clean removed a listed part")
	}
	unlock, err := l.Lock()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Lock(); err != ErrLocked {
		t.Errorf("second lock: %v, want ErrLocked", err)
	}
	unlock()
	if u, err := l.Lock(); err != nil {
		t.Errorf("lock after unlock: %v", err)
	} else {
		u()
	}
}

func mustOpen(t *testing.T, path string) (*os.File, int64) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	fi, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	return f, fi.Size()
}

func TestRowsAndKeys(t *testing.T) {
	r := record("US20120057518A1", "F")
	r.Patent.Kind = "A1"
	r.Patent.ClaimsCount = 0
	s := NewRowSet(0)
	s.Append(r, "000001")
	pr, _, _, cites, _, _ := s.Record(0)
	if pr.DocNumber != "US20120057518" || pr.ClaimsCount == nil || *pr.ClaimsCount != 0 || pr.CitesCount != nil {
		t.Errorf("patent row: doc %s claims %v cites %v", pr.DocNumber, pr.ClaimsCount, pr.CitesCount)
	}
	if cites[0].CitedDoc != "US6859910" || cites[1].CitedDoc != "" {
		t.Errorf("cited docs %q %q", cites[0].CitedDoc, cites[1].CitedDoc)
	}
	for _, d := range []patent.Date{patent.NewDate(2015, 4, 24), patent.NewDate(1948, 3, 1), patent.NewDate(1969, 12, 31), patent.NewDate(1970, 1, 2)} {
		if got := DaysDate(DateDays(d)); got.String() != d.String() {
			t.Errorf("date round trip %s -> %d -> %s", d, DateDays(d), got)
		}
	}
	if DateDays(patent.NewDate(1970, 1, 2)) != 1 || DateDays(patent.NewDate(1969, 12, 31)) != -1 || DateDays(patent.Date{}) != 0 {
		t.Errorf("DateDays around the epoch: %d %d", DateDays(patent.NewDate(1970, 1, 2)), DateDays(patent.NewDate(1969, 12, 31)))
	}
	if DocNumber("CN1B", "B") != "CN1" || DocNumber("CN1", "") != "CN1" {
		t.Error("DocNumber")
	}
}

// TestRowSetRecords: Record(i) returns exactly the i-th record's rows in every table, whatever
// the number of child rows of the records before it (none, one, several).
func TestRowSetRecords(t *testing.T) {
	s := NewRowSet(1)
	want := []int{2, 0, 3, 1}
	for i, n := range want {
		r := patent.NewRecord()
		r.Patent.PubNumber = fmt.Sprintf("CN%dA", i)
		r.Patent.ClaimsCount = i
		for j := 0; j < n; j++ {
			r.Parties = append(r.Parties, patent.Party{Role: patent.RoleApplicant, Seq: j + 1, NameRaw: fmt.Sprint("P", i, j)})
			r.Citations = append(r.Citations, patent.Citation{Cited: fmt.Sprintf("US%dB2", j+1), Kind: patent.CitePatent})
			r.Patent.Priorities = append(r.Patent.Priorities, fmt.Sprint("CN20191", j))
		}
		s.Append(r, "000001")
	}
	for i, n := range want {
		pr, parties, classes, cites, prios, events := s.Record(i)
		if pr.PubNumber != fmt.Sprintf("CN%dA", i) || *pr.ClaimsCount != int32(i) {
			t.Errorf("record %d: patent %s claims %d", i, pr.PubNumber, *pr.ClaimsCount)
		}
		if len(parties) != n || len(cites) != n || len(prios) != n || len(classes) != 0 || len(events) != 0 {
			t.Errorf("record %d: %d parties %d cites %d prios, want %d each", i, len(parties), len(cites), len(prios), n)
		}
		for j, p := range parties {
			if p.PubNumber != pr.PubNumber || p.NameRaw != fmt.Sprint("P", i, j) || cites[j].Citing != pr.PubNumber {
				t.Errorf("record %d row %d: party %+v citing %s", i, j, p, cites[j].Citing)
			}
		}
	}
}

func TestCitedDoc(t *testing.T) {
	for in, want := range map[string]string{
		"US6859910B2": "US6859910", "US20120057518A1": "US20120057518", "CN104968889A": "CN104968889",
		"USRE45678E": "USRE45678", "USD512345S": "USD512345", "US10000000": "US10000000",
		"US 6859910 B2": "US6859910", "WO 2014/059282 A2": "WO2014059282", "garbage": "", "CN218751475U": "CN218751475",
	} {
		if got := citedDoc(in); got != want {
			t.Errorf("citedDoc(%q) = %q, want %q", in, got, want)
		}
	}
}
