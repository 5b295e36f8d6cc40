package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/data/synth"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/lens"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// testFormat reads "pub|title|applicant|priority|pubdate" lines; it exists so the pipeline's
// tests do not depend on any real reader.
var testFormat = format.Format{
	Name:  "pipetest",
	Sniff: sniffPrefix("#pipetest"),
	Open: func(path string, _ format.Options) (format.Reader, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		lines := strings.Split(strings.TrimSpace(string(b)), "\n")[1:]
		return &pipeReader{file: filepath.Base(path), lines: lines}, nil
	},
}

// sniffPrefix is a test format's Sniff: certain of a file that starts with prefix.
func sniffPrefix(prefix string) func(string, []byte) float64 {
	return func(_ string, head []byte) float64 {
		if bytes.HasPrefix(head, []byte(prefix)) {
			return 1
		}
		return 0
	}
}

type pipeReader struct {
	file  string
	lines []string
	i     int
}

func (r *pipeReader) Read() (*patent.Record, error) {
	if r.i >= len(r.lines) {
		return nil, io.EOF
	}
	r.i++
	f := strings.Split(r.lines[r.i-1], "|")
	for len(f) < 6 {
		f = append(f, "")
	}
	pn, err := norm.ParsePub(f[0], "")
	if err != nil {
		return nil, &format.RecordError{File: r.file, Record: r.i, Line: r.i + 1, Field: "pub", Value: f[0], Err: format.ErrBadNumber}
	}
	d, err := norm.ParseDate(f[4], norm.DayFirst)
	if err != nil {
		return nil, &format.RecordError{File: r.file, Record: r.i, Line: r.i + 1, Field: "pubdate", Value: f[4], Err: format.ErrBadDate}
	}
	rec := patent.NewRecord()
	rec.Patent.PubNumber, rec.Patent.Jurisdiction, rec.Patent.Kind = pn.String(), pn.Office, pn.Kind
	rec.Patent.DocType = norm.DocType(pn.Office, pn.Kind, "")
	rec.Patent.Title, rec.Patent.PubDate = f[1], d
	rec.Patent.Source, rec.Patent.SourceFile, rec.Patent.SourceRecord = "pipetest", r.file, r.i
	if f[3] != "" {
		rec.Patent.Priorities = []string{norm.AppNumber(f[3])}
	}
	if f[5] != "" {
		rec.LegalEvents = append(rec.LegalEvents, patent.LegalEvent{Code: f[5], Description: "event " + f[5]})
	}
	if f[2] != "" {
		rec.Parties = append(rec.Parties, patent.Party{Role: patent.RoleApplicant, Seq: 1, NameRaw: f[2]})
	}
	return rec, nil
}

func (r *pipeReader) Close() error { return nil }

func write(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte("#pipetest\n"+strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func opts(lakeDir string) Options {
	return Options{Lake: lakeDir, MaxBad: -1, Formats: []format.Format{testFormat}}
}

// snapshot returns every file under dir with its content, to prove a lake did not change.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == ".lock" {
			return err
		}
		b, _ := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return nil
	})
	return out
}

func TestIngestCountsDedupAndQuarantine(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	a := write(t, dir, "a.txt",
		"US 2013/0101709 A1|Pizza|PIZZA HUT INC|US 201161550506 P|25/04/13",
		"CN104968889A|无人机|深圳市大疆创新科技有限公司|CN201410123456|2015.09.30",
		"garbage|bad number||",
		"EP 2906782 A2|Drone|Parrot S.A.||31/02/2015", // bad date
		"CN104968889A|same publication twice in one file|x||")
	st, err := Run(context.Background(), []string{a}, opts(lk))
	if err != nil {
		t.Fatal(err)
	}
	rec, acc, rej, dup := st.Totals()
	if rec != 5 || acc != 3 || rej != 2 || dup != 1 {
		t.Fatalf("totals = %d records %d accepted %d rejected %d dup; want 5 3 2 1", rec, acc, rej, dup)
	}
	l, err := lake.Open(lk)
	if err != nil {
		t.Fatal(err)
	}
	if n := l.Rows(lake.TPatents); n != 2 {
		t.Errorf("patents rows = %d, want 2", n)
	}
	if n := l.Rows(lake.TQuarantine); n != 2 {
		t.Errorf("quarantine rows = %d, want 2", n)
	}
	if n := l.Rows(lake.TProvenance); n != 1 {
		t.Errorf("provenance part rows = %d, want 1 (the occurrence not stored)", n)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.Query(context.Background(), `SELECT count(*), count(*) FILTER (stored), count(DISTINCT pub_number) FROM provenance`)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(res.Rows[0]); got != "[3 2 2]" {
		t.Errorf("provenance view (occurrences, stored, publications) = %s, want [3 2 2]", got)
	}
	pns := map[string]string{}
	if err := l.EachPubFamily(func(p, f string) { pns[p] = f }); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"US20130101709A1", "CN104968889A"} {
		if _, ok := pns[want]; !ok {
			t.Errorf("lake lacks %s", want)
		}
	}

	// A second source with one publication already stored: stored once, provenance twice.
	b := write(t, dir, "b.txt", "US-20130101709-A1|Pizza again|Pizza Hut, Inc.||2013-04-25", "US-12299796-B2|Video|Lemon Inc.||2025-05-13")
	st, err = Run(context.Background(), []string{b}, opts(lk))
	if err != nil {
		t.Fatal(err)
	}
	if _, acc, _, dup := st.Totals(); acc != 2 || dup != 1 {
		t.Errorf("second ingest: accepted %d dup %d, want 2 1", acc, dup)
	}
	l, _ = lake.Open(lk)
	if n := l.Rows(lake.TPatents); n != 3 {
		t.Errorf("patents rows = %d, want 3", n)
	}

	// Re-ingesting the same files changes nothing.
	before := snapshot(t, lk)
	st, err = Run(context.Background(), []string{a, b}, opts(lk))
	if err != nil {
		t.Fatal(err)
	}
	if st.Ingest != "" || st.Files[0].Skipped == "" || st.Files[1].Skipped == "" {
		t.Errorf("re-ingest: %+v", st)
	}
	if after := snapshot(t, lk); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("re-ingesting the same files changed the lake")
	}
}

func TestFailedIngestLeavesLakeIntact(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	good := write(t, dir, "good.txt", "CN104968889A|a|x||2015-01-01")
	if _, err := Run(context.Background(), []string{good}, opts(lk)); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, lk)
	bad := write(t, dir, "bad.txt", "CN1A|ok|y||2015-01-01", "nope|b||", "nope|c||", "CN2A|ok|y||2015-01-01")
	o := opts(lk)
	o.MaxBad = 1
	_, err := Run(context.Background(), []string{bad}, o)
	if !errors.Is(err, ErrTooManyBad) || !strings.Contains(err.Error(), "bad.txt") {
		t.Fatalf("err = %v, want ErrTooManyBad naming bad.txt", err)
	}
	if after := snapshot(t, lk); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("failed ingest changed the lake:\nbefore %v\nafter  %v", keys(before), keys(after))
	}
	o.MaxBad, o.MaxBadRatio = -1, 0.25
	if _, err := Run(context.Background(), []string{bad}, o); !errors.Is(err, ErrTooManyBad) {
		t.Fatalf("ratio: err = %v", err)
	}
	o.MaxBadRatio = 0.5 // 2 of 4 is not more than half
	if _, err := Run(context.Background(), []string{bad}, o); err != nil {
		t.Fatalf("ratio 50%%: %v", err)
	}
}

func TestCrashLeftoversAreCleaned(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	if _, err := Run(context.Background(), []string{write(t, dir, "a.txt", "CN1A|a|x||")}, opts(lk)); err != nil {
		t.Fatal(err)
	}
	// Simulate a process killed mid-ingest: staging folder and an unlisted part file left behind.
	l, _ := lake.Open(lk)
	tx, err := l.Begin()
	if err != nil {
		t.Fatal(err)
	}
	_ = tx // never committed nor aborted
	orphan := filepath.Join(lk, lake.TPatents, "part-999999.parquet")
	os.WriteFile(orphan, []byte("junk"), 0o644)
	if _, err := Run(context.Background(), []string{write(t, dir, "b.txt", "CN2A|b|y||")}, opts(lk)); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(orphan); !os.IsNotExist(err) {
		t.Error("orphan part file survived")
	}
	matches, _ := filepath.Glob(filepath.Join(lk, ".staging-*"))
	if len(matches) != 0 {
		t.Errorf("staging left: %v", matches)
	}
	l, _ = lake.Open(lk)
	if n := l.Rows(lake.TPatents); n != 2 {
		t.Errorf("patents = %d, want 2", n)
	}
}

func TestInputErrors(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	empty := filepath.Join(dir, "empty.csv")
	os.WriteFile(empty, nil, 0o644)
	if _, err := Run(context.Background(), []string{empty}, opts(lk)); !errors.Is(err, format.ErrEmpty) || !strings.Contains(err.Error(), "empty.csv") {
		t.Errorf("empty: %v", err)
	}
	unk := filepath.Join(dir, "notes.csv")
	os.WriteFile(unk, []byte("hello,world\n"), 0o644)
	if _, err := Run(context.Background(), []string{unk}, opts(lk)); !errors.Is(err, format.ErrUnknownFormat) || !strings.Contains(err.Error(), "notes.csv") {
		t.Errorf("unknown: %v", err)
	}
	if _, err := Run(context.Background(), []string{filepath.Join(dir, "missing.csv")}, opts(lk)); err == nil || !strings.Contains(err.Error(), "missing.csv") {
		t.Errorf("missing: %v", err)
	}
	o := opts(lk)
	o.Format = "nosuch"
	if _, err := Run(context.Background(), []string{unk}, o); err == nil || !strings.Contains(err.Error(), "nosuch") {
		t.Errorf("forced unknown: %v", err)
	}
	if lake.Exists(lk) {
		t.Error("failed ingests created a lake")
	}
}

func TestLockAndDeterminism(t *testing.T) {
	dir := t.TempDir()
	in := write(t, dir, "a.txt", "CN1A|a|x|CN2015|2015-01-01", "US 6859910 B2|b|IBM||2005-02-22")
	var parts [2]map[string]string
	for i := range parts {
		lk := filepath.Join(dir, fmt.Sprint("lake", i))
		if _, err := Run(context.Background(), []string{in}, opts(lk)); err != nil {
			t.Fatal(err)
		}
		s := snapshot(t, lk)
		delete(s, lake.ManifestName) // holds timestamps
		parts[i] = s
	}
	if fmt.Sprint(parts[0]) != fmt.Sprint(parts[1]) {
		t.Error("the same input gave different part files")
	}
	l, _ := lake.Open(filepath.Join(dir, "lake0"))
	unlock, err := l.Lock()
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	if _, err := Run(context.Background(), []string{write(t, dir, "c.txt", "CN3A|c|z||")}, opts(filepath.Join(dir, "lake0"))); !errors.Is(err, lake.ErrLocked) {
		t.Errorf("err = %v, want ErrLocked", err)
	}
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestDuplicateKeepsNewEvents(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	a := write(t, dir, "biblio.txt", "EP 2906782 A2|Drone|Parrot||2015-08-19|")
	b := write(t, dir, "legal.txt", "EP2906782A2|||||EPIDOSNIGR1")
	st, err := Run(context.Background(), []string{a, b}, opts(lk))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, dup := st.Totals(); dup != 1 {
		t.Fatalf("duplicates = %d, want 1", dup)
	}
	l, _ := lake.Open(lk)
	if l.Rows(lake.TPatents) != 1 || l.Rows(lake.TLegalEvents) != 1 {
		t.Errorf("patents %d legal events %d, want 1 and 1", l.Rows(lake.TPatents), l.Rows(lake.TLegalEvents))
	}
}

// TestManyBatchesSameWhateverTheWorkers: a Lens file of many batches, with rejected rows and
// duplicates among them, gives byte-identical part files whether one worker or four convert its
// rows, and whether they are converted by the workers (Splitter) or by the reader (Read).
func TestManyBatchesSameWhateverTheWorkers(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "lens.csv")
	var buf bytes.Buffer
	gen, err := synth.WriteLens(&buf, synth.Options{Families: 6000, MaxRecords: 6000, Seed: 3}, synth.LensCurrent)
	if err != nil {
		t.Fatal(err)
	}
	// Three bad rows (a record number that is not one, a bad publication number, a bad date)
	// and two repeated rows, spread over different batches.
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	row := func(n int) []string { return strings.SplitN(lines[n], ",", 7) }
	var extra []string
	for _, n := range []int{10, 700, 2500} {
		extra = append(extra, lines[n])
	}
	bad := row(20)
	bad[0] = "x"
	extra = append(extra, strings.Join(bad, ","))
	bad = row(21)
	bad[3] = "nonsense"
	extra = append(extra, strings.Join(bad, ","))
	bad = row(22)
	bad[5] = "2015-13-45"
	extra = append(extra, strings.Join(bad, ","))
	all := append(lines[:3000:3000], extra...)
	all = append(all, lines[3000:]...)
	if err := os.WriteFile(in, []byte(strings.Join(all, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	plain := lens.Format
	plain.Open = func(path string, o format.Options) (format.Reader, error) {
		r, err := lens.Open(path, o)
		return readOnly{r}, err
	}
	runs := []struct {
		workers int
		formats []format.Format
	}{{1, nil}, {4, nil}, {2, []format.Format{plain}}}
	var snaps []map[string]string
	for i, run := range runs {
		lk := filepath.Join(dir, fmt.Sprint("lake", i))
		st, err := Run(context.Background(), []string{in}, Options{Lake: lk, MaxBad: -1, Workers: run.workers, Formats: run.formats})
		if err != nil {
			t.Fatal(err)
		}
		if recs, acc, rej, dups := st.Totals(); recs != gen.Records+6 || acc != gen.Records+3 || rej != 3 || dups != 3 {
			t.Fatalf("run %d: %d records, %d accepted, %d rejected, %d duplicates; want %d, %d, 3, 3", i, recs, acc, rej, dups, gen.Records+6, gen.Records+3)
		}
		l, _ := lake.Open(lk)
		if n, q := l.Rows(lake.TPatents), l.Rows(lake.TQuarantine); n != int64(gen.Records) || q != 3 {
			t.Errorf("run %d: %d patents rows, %d quarantined, want %d and 3", i, n, q, gen.Records)
		}
		snaps = append(snaps, snapshot(t, lk))
		delete(snaps[i], lake.ManifestName)
	}
	for i := 1; i < len(snaps); i++ {
		if len(snaps[0]) == 0 || fmt.Sprint(snaps[0]) != fmt.Sprint(snaps[i]) {
			t.Errorf("run %d (%d workers, split %v) gave other part files than run 0", i, runs[i].workers, runs[i].formats == nil)
		}
	}
}

// readOnly hides every interface of a reader but format.Reader.
type readOnly struct{ format.Reader }

// TestExpectedRecords: the publication index is sized only from formats that state their bytes
// per record, so a large XML input does not make ingest hold an index sized for millions.
func TestExpectedRecords(t *testing.T) {
	dir := t.TempDir()
	csv, xml := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.xml")
	for _, f := range []string{csv, xml} {
		if err := os.WriteFile(f, make([]byte, 6000), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	sized := format.Format{Name: "sized", RecordBytes: 600}
	if n := expectedRecords([]input{{csv, sized}, {xml, testFormat}, {dir, sized}}); n != 10 {
		t.Errorf("expected records = %d, want 10 (the sized file only)", n)
	}
}

// TestChecksumInOnePass: a reader that tees (Lens, in UTF-8 and in a legacy encoding) checksums
// the input as it reads it, and the manifest holds the file's SHA-256 all the same; a format that
// claims to tee but does not falls back to hashing the file.
func TestChecksumInOnePass(t *testing.T) {
	dir := t.TempDir()
	utf8 := filepath.Join(dir, "a.csv")
	var buf bytes.Buffer
	if _, err := synth.WriteLens(&buf, synth.Options{Families: 300, MaxRecords: 300, Seed: 5}, synth.LensCurrent); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(utf8, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	legacy := filepath.Join(dir, "b.csv")
	// Another export saved as Windows-1252, with one é (0xE9) in an abstract.
	buf.Reset()
	if _, err := synth.WriteLens(&buf, synth.Options{Families: 300, MaxRecords: 300, Seed: 6}, synth.LensCurrent); err != nil {
		t.Fatal(err)
	}
	raw := bytes.Replace(buf.Bytes(), []byte("The invention"), []byte("Th\xe9 invention"), 1)
	if err := os.WriteFile(legacy, raw, 0o644); err != nil {
		t.Fatal(err)
	}
	var teed []string
	spy := lens.Format
	spy.Open = func(path string, o format.Options) (format.Reader, error) {
		if o.Tee != nil {
			teed = append(teed, filepath.Base(path))
		}
		return lens.Open(path, o)
	}
	liar := testFormat
	liar.Tees = true
	pipe := write(t, dir, "c.txt", "CN1A|t|a||2015-01-01")
	lk := filepath.Join(dir, "lake")
	// The legacy file in a second ingest that forces its encoding, so that it is decoded.
	for _, run := range []struct {
		paths []string
		enc   string
	}{{[]string{utf8, pipe}, ""}, {[]string{legacy}, "windows-1252"}} {
		if _, err := Run(context.Background(), run.paths, Options{Lake: lk, MaxBad: -1, Encoding: run.enc,
			Formats: []format.Format{spy, liar}}); err != nil {
			t.Fatal(err)
		}
	}
	if fmt.Sprint(teed) != "[a.csv b.csv]" {
		t.Errorf("teed %v, want both Lens files", teed)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if res, err := db.Query(context.Background(), "SELECT count(*) FROM patents WHERE abstract LIKE 'Thé invention%'"); err != nil || fmt.Sprint(res.Rows) != "[[1]]" {
		t.Errorf("decoded abstracts: %v %v", res, err)
	}
	l, err := lake.Open(lk)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{utf8, legacy, pipe} {
		want, n, err := lake.FileSHA256(f)
		if err != nil {
			t.Fatal(err)
		}
		if in, ok := l.InputBySHA(want); !ok || in.Name != filepath.Base(f) || in.Size != n {
			t.Errorf("%s: manifest has no input with its SHA-256 %s and size %d (%+v)", filepath.Base(f), want[:12], n, in)
		}
	}
}
