package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/lake"
)

// lensHeader is a current-layout Lens export header (the columns the hostile cases need).
var lensHeader = []string{"#", "Jurisdiction", "Kind", "Display Key", "Lens ID", "Publication Date", "Publication Year",
	"Application Number", "Application Date", "Priority Numbers", "Earliest Priority Date", "Title", "Abstract",
	"Applicants", "Inventors", "Owners", "URL", "Document Type", "Has Full Text", "Cites Patent Count",
	"Cited by Patent Count", "Simple Family Size", "Simple Family Members", "CPC Classifications", "IPCR Classifications", "Legal Status"}

// lensRow returns the cells of a well-formed Lens record number i (publication CN 1000i A), with
// title as its title.
func lensRow(i int, title string) []string {
	return []string{fmt.Sprint(i), "CN", "A", fmt.Sprintf("CN %d A", 100000+i), fmt.Sprintf("000-%03d-111-222-33X", i),
		"2020-01-02", "2020", fmt.Sprintf("CN 2019%07d A", i), "2019-03-04", fmt.Sprintf("CN 2019%07d A 2019-03-04", i),
		"2019-03-04", title, "An abstract, with a comma.", "SHENZHEN DJI TECH CO LTD", "WANG TAO", "",
		"https://lens.org/x", "Patent Application", "false", "0", "1", "1", fmt.Sprintf("CN %d A", 100000+i),
		"B64C39/024", "B64C39/02", "PENDING"}
}

// csvLine quotes every cell.
func csvLine(cells []string) string {
	q := make([]string, len(cells))
	for i, c := range cells {
		q[i] = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
	}
	return strings.Join(q, ",")
}

// lensFile writes a Lens export of header and the given lines (already CSV) to dir/name.
func lensFile(t *testing.T, dir, name string, lines ...string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	body := csvLine(lensHeader) + "\n" + strings.Join(lines, "\n") + "\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func goodLens(t *testing.T, dir, name string, from, n int) string {
	var lines []string
	for i := from; i < from+n; i++ {
		lines = append(lines, csvLine(lensRow(i, fmt.Sprintf("无人机 %d", i))))
	}
	return lensFile(t, dir, name, lines...)
}

func realOpts(lk string) Options { return Options{Lake: lk, MaxBad: -1} }

// TestWrongFormatRecordsNothing: "ingest --format cnipa lens.csv" rejects every record; it must
// fail with ErrTooFewAccepted (exit 3), leave the lake unchanged, and not make the right reading
// look "already ingested".
func TestWrongFormatRecordsNothing(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	f := goodLens(t, dir, "uav.csv", 1, 5)
	o := realOpts(lk)
	o.Format = "cnipa"
	_, err := Run(context.Background(), []string{f}, o)
	if !errors.Is(err, ErrTooFewAccepted) && !errors.Is(err, ErrRejected) {
		t.Fatalf("wrong format: got %v, want ErrTooFewAccepted or ErrRejected", err)
	}
	if lake.Exists(lk) {
		t.Fatalf("a failed ingest committed a manifest")
	}
	st, err := Run(context.Background(), []string{f}, realOpts(lk))
	if err != nil || st.Files[0].Accepted != 5 || st.Files[0].Skipped != "" {
		t.Fatalf("the right reading after the wrong one: %+v %v", st, err)
	}
	// --min-accept above what the file yields fails the same way.
	g := goodLens(t, dir, "more.csv", 10, 3)
	o = realOpts(lk)
	o.MinAccept = 4
	before := snapshot(t, lk)
	if _, err := Run(context.Background(), []string{g}, o); !errors.Is(err, ErrTooFewAccepted) {
		t.Fatalf("--min-accept 4 of 3: %v", err)
	}
	if after := snapshot(t, lk); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the lake changed after a refused ingest")
	}
}

// TestForceAndForget: --force re-reads a file in the manifest, replacing its earlier reading; a
// forced encoding that differs from the recorded one does the same without --force; lake forget
// takes back a whole ingest or one file of a two-file ingest, in one new transaction each.
func TestForceAndForget(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	a := goodLens(t, dir, "a.csv", 1, 4)
	b := goodLens(t, dir, "b.csv", 20, 3)
	st, err := Run(ctx, []string{a, b}, realOpts(lk))
	if err != nil || st.Ingest != "000001" {
		t.Fatalf("first ingest: %+v %v", st, err)
	}
	patents := func() int64 {
		l, err := lake.Open(lk)
		if err != nil {
			t.Fatal(err)
		}
		return l.Rows(lake.TPatents)
	}
	if n := patents(); n != 7 {
		t.Fatalf("%d patents, want 4+3", n)
	}
	// Without --force: skipped.
	st, err = Run(ctx, []string{a}, realOpts(lk))
	if err != nil || st.Ingest != "" || !strings.Contains(st.Files[0].Skipped, "already ingested") {
		t.Fatalf("re-ingest: %+v %v", st, err)
	}
	// With --force: read again, the earlier reading replaced; still 7 publications, none a duplicate.
	o := realOpts(lk)
	o.Force = true
	st, err = Run(ctx, []string{a}, o)
	if err != nil || st.Ingest == "" || st.Files[0].Accepted != 4 || st.Files[0].Duplicates != 0 {
		t.Fatalf("forced re-ingest: %+v %v", st, err)
	}
	if n := patents(); n != 7 {
		t.Errorf("%d patents after the forced re-ingest, want 7", n)
	}
	// A forced encoding other than the recorded one is not "already ingested".
	o = realOpts(lk)
	o.Encoding = "gb18030"
	st, err = Run(ctx, []string{b}, o)
	if err != nil || st.Ingest == "" || st.Files[0].Skipped != "" {
		t.Fatalf("re-ingest with another encoding: %+v %v", st, err)
	}
	if n := patents(); n != 7 {
		t.Errorf("%d patents after the re-decoding, want 7", n)
	}
	// Forget a file by name: its publications leave, the other file's stay.
	res, err := Forget(lk, []string{"a.csv"}, "test")
	if err != nil || res.Publications != 4 {
		t.Fatalf("forget a.csv: %+v %v", res, err)
	}
	if n := patents(); n != 3 {
		t.Errorf("%d patents after forgetting a.csv, want 3", n)
	}
	// Forget by ingest id.
	l, _ := lake.Open(lk)
	m := l.Manifest()
	if len(m.Inputs) != 1 || m.Inputs[0].Name != "b.csv" || len(m.Forgotten) == 0 {
		t.Fatalf("manifest after forget: %+v", m.Inputs)
	}
	if _, err := Forget(lk, []string{m.Inputs[0].Ingest}, "test"); err != nil {
		t.Fatal(err)
	}
	if n := patents(); n != 0 {
		t.Errorf("%d patents after forgetting every ingest", n)
	}
	if _, err := Forget(lk, []string{"nosuch.csv"}, "test"); !errors.Is(err, lake.ErrNotFound) {
		t.Errorf("forget of an unknown file: %v", err)
	}
	// The forgotten file can be ingested again as new.
	st, err = Run(ctx, []string{a}, realOpts(lk))
	if err != nil || st.Files[0].Accepted != 4 || st.Files[0].Skipped != "" {
		t.Fatalf("ingest after forget: %+v %v", st, err)
	}
}

// TestForgetOneFileOfTwoInOneIngest rewrites the ingest's parts without the file's rows.
func TestForgetOneFileOfTwoInOneIngest(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	a := goodLens(t, dir, "a.csv", 1, 4)
	bad := lensFile(t, dir, "b.csv", csvLine(lensRow(30, "poison")), csvLine(append(lensRow(31, "x")[:3], "CN <script> A")))
	if _, err := Run(context.Background(), []string{a, bad}, realOpts(lk)); err != nil {
		t.Fatal(err)
	}
	res, err := Forget(lk, []string{bad}, "test")
	if err != nil || res.Publications != 1 {
		t.Fatalf("forget b.csv: %+v %v", res, err)
	}
	l, _ := lake.Open(lk)
	if n := l.Rows(lake.TPatents); n != 4 {
		t.Errorf("%d patents, want a.csv's 4", n)
	}
	if n := l.Rows(lake.TQuarantine); n != 0 {
		t.Errorf("%d quarantine rows left from the forgotten file", n)
	}
}

// TestUnwritableLakeIsAnError: a lake folder that cannot be written is a clear error, not a panic
// in Txn.Abort.
func TestUnwritableLakeIsAnError(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere")
	}
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	f := goodLens(t, dir, "a.csv", 1, 2)
	if err := os.MkdirAll(lk, 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(lk, ".lock"), nil, 0o644)
	os.Chmod(lk, 0o555)
	defer os.Chmod(lk, 0o755)
	_, err := Run(context.Background(), []string{f}, realOpts(lk))
	if err == nil || !strings.Contains(err.Error(), lk) {
		t.Fatalf("unwritable lake: %v", err)
	}
}
