package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patnav/patnav/internal/duck"
)

// cnipaExport writes a small CNIPA-style CSV with operation columns, dated (mtime) day.
func cnipaExport(t *testing.T, path string, day time.Time, rows ...string) {
	t.Helper()
	head := "公开(公告)号,申请号,名称,申请(专利权)人,申请日,公开(公告)日,主分类号,法律状态,当前权利人,专利转移次数,转让日期,许可次数,质押次数\n"
	if err := os.WriteFile(path, []byte(head+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chtimes(path, day, day); err != nil {
		t.Fatal(err)
	}
}

func queryRows(t *testing.T, db *duck.DB, q string, args ...any) []string {
	t.Helper()
	res, err := db.Query(context.Background(), q, args...)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	var out []string
	for _, r := range res.Rows {
		var cells []string
		for _, v := range r {
			switch x := v.(type) {
			case nil:
				cells = append(cells, "NULL")
			case time.Time:
				cells = append(cells, x.Format("2006-01-02"))
			default:
				cells = append(cells, fmt.Sprint(x))
			}
		}
		out = append(out, strings.Join(cells, "|"))
	}
	return out
}

// TestObservationsOverTime: a re-export of the same publications a day later is an observation,
// not a duplicate to drop: the patents view shows the latest value of each changeable column
// (field by field: an empty cell on day 2 does not erase day 1's value), the observations table
// has both days, changes lists old and new values, and AsOf day 1 shows the lake as on day 1.
func TestObservationsOverTime(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	day1 := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 1)
	o := Options{Lake: lk, MaxBad: -1}
	f1 := filepath.Join(dir, "day1.csv")
	cnipaExport(t, f1, day1,
		"CN218751475U,CN202222781234.5,一种无人机,甲科技有限公司,2022-10-21,2023-03-28,B64C39/02,有权-审定授权,甲科技有限公司,0,,0,0",
		"CN115000001A,CN202210000001.1,一种飞行器,乙公司,2022-01-01,2022-09-01,B64C39/02,审中-实审,乙公司,0,,0,0")
	st, err := Run(context.Background(), []string{f1}, o)
	if err != nil {
		t.Fatal(err)
	}
	if f := st.Files[0]; f.Observed.String() != "2026-11-30" || f.ObservedFrom != "mtime" || f.Accepted != 2 {
		t.Fatalf("day 1: %+v", f)
	}
	v1 := st.Ingest
	f2 := filepath.Join(dir, "day2.csv")
	// Day 2: the utility model lapsed for unpaid fees, was transferred to another company; the
	// application's cells for the operation counts are empty (not said, not zero).
	cnipaExport(t, f2, day2,
		"CN218751475U,CN202222781234.5,一种无人机,甲科技有限公司,2022-10-21,2023-03-28,B64C39/02,无权-未缴年费,丙公司,1,2026-11-20,0,0",
		"CN115000001A,CN202210000001.1,一种飞行器,乙公司,2022-01-01,2022-09-01,B64C39/02,审中-实审,乙公司,,,,")
	st, err = Run(context.Background(), []string{f2}, o)
	if err != nil {
		t.Fatal(err)
	}
	if f := st.Files[0]; f.Duplicates != 2 {
		t.Fatalf("day 2: %+v", f)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := queryRows(t, db, `SELECT pub_number, legal_status, legal_status_raw, current_owner, transfer_count, last_transfer_date, observed
		FROM patents ORDER BY 1`)
	want := []string{
		"CN115000001A|pending|审中-实审|乙公司|0|NULL|2026-12-01", // day 2 left the counts empty: day 1's stand
		"CN218751475U|lapsed|无权-未缴年费|丙公司|1|2026-11-20|2026-12-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("patents now:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = queryRows(t, db, `SELECT pub_number, observed, source_file FROM observations ORDER BY 1, 2`)
	if len(got) != 4 {
		t.Errorf("observations: %q", got)
	}
	got = queryRows(t, db, `SELECT pub_number, field, old_value, new_value, observed, source_file FROM changes ORDER BY 1, 2`)
	want = []string{
		"CN218751475U|current_owner|甲科技有限公司|丙公司|2026-12-01|day2.csv",
		"CN218751475U|last_transfer_date|NULL|2026-11-20|2026-12-01|day2.csv",
		"CN218751475U|legal_status|alive|lapsed|2026-12-01|day2.csv",
		"CN218751475U|legal_status_raw|有权-审定授权|无权-未缴年费|2026-12-01|day2.csv",
		"CN218751475U|transfer_count|0|1|2026-12-01|day2.csv",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The history of the lapsed patent: two observations, then the day-2 changes, in time order.
	h, err := db.History(context.Background(), "CN218751475U")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range h {
		lines = append(lines, e.Date.Format("2006-01-02")+" "+e.Kind+" "+e.SourceFile)
	}
	wantH := "2026-11-30 observed day1.csv|2026-12-01 observed day2.csv|" + strings.Repeat("2026-12-01 changed day2.csv|", 5)
	if got := strings.Join(lines, "|") + "|"; got != wantH || !strings.Contains(h[4].Text, "legal_status: alive → lapsed") {
		t.Errorf("history:\n%s\nwant\n%s\n(%q)", got, wantH, h[4].Text)
	}

	// As of day 1 the lake is what it was then; so is version v1 of it.
	for _, opt := range []duck.Options{{AsOf: day1}, {Version: v1}} {
		db1, err := duck.OpenWith(context.Background(), lk, opt)
		if err != nil {
			t.Fatal(err)
		}
		got = queryRows(t, db1, `SELECT pub_number, legal_status, current_owner, transfer_count FROM patents ORDER BY 1`)
		want = []string{"CN115000001A|pending|乙公司|0", "CN218751475U|alive|甲科技有限公司|0"}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%+v: patents:\n%s", opt, strings.Join(got, "\n"))
		}
		if n := queryRows(t, db1, `SELECT count(*) FROM changes`); n[0] != "0" {
			t.Errorf("%+v: changes %v", opt, n)
		}
		db1.Close()
	}
	// Before day 1 nothing had been observed.
	db0, err := duck.OpenWith(context.Background(), lk, duck.Options{AsOf: day1.AddDate(0, 0, -1)})
	if err != nil {
		t.Fatal(err)
	}
	defer db0.Close()
	if n := queryRows(t, db0, `SELECT (SELECT count(*) FROM patents), (SELECT count(*) FROM parties)`); n[0] != "0|0" {
		t.Errorf("as of the day before: %v", n)
	}
}

// TestGrantObservedLater: a pending application that tonight's re-export shows granted (its
// 授权公告号 and 授权公告日 filled in) is granted in the patents view from that day, with the
// grant date; a grant number without a date is granted with no date; as of day 1 neither is.
func TestGrantObservedLater(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	day1 := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 1)
	head := "公开号,公开日,授权公告号,授权公告日,申请号,申请日,名称,申请人,主分类号,法律状态\n"
	write := func(name string, day time.Time, rows ...string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(head+strings.Join(rows, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, day, day); err != nil {
			t.Fatal(err)
		}
		return p
	}
	o := Options{Lake: lk, MaxBad: -1}
	f1 := write("day1.csv", day1,
		"CN115000001A,2022-09-01,,,CN202210000001.1,2022-01-01,一种飞行器,乙公司,B64C39/02,审中-实审",
		"CN115000002A,2022-09-01,,,CN202210000002.5,2022-01-01,一种旋翼,丙公司,B64C39/02,审中-实审")
	if _, err := Run(context.Background(), []string{f1}, o); err != nil {
		t.Fatal(err)
	}
	f2 := write("day2.csv", day2,
		"CN115000001A,2022-09-01,CN115000001B,2026-11-24,CN202210000001.1,2022-01-01,一种飞行器,乙公司,B64C39/02,有权",
		"CN115000002A,2022-09-01,CN115000002B,,CN202210000002.5,2022-01-01,一种旋翼,丙公司,B64C39/02,有权")
	if _, err := Run(context.Background(), []string{f2}, o); err != nil {
		t.Fatal(err)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := queryRows(t, db, `SELECT pub_number, legal_status, granted, grant_date FROM patents ORDER BY 1`)
	want := "CN115000001A|alive|true|2026-11-24\nCN115000002A|alive|true|NULL"
	if strings.Join(got, "\n") != want {
		t.Errorf("patents now:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	got = queryRows(t, db, `SELECT pub_number, field, old_value, new_value FROM changes WHERE field IN ('granted', 'grant_date') ORDER BY 1, 2`)
	want = "CN115000001A|grant_date|NULL|2026-11-24\nCN115000001A|granted|NULL|true\nCN115000002A|granted|NULL|true"
	if strings.Join(got, "\n") != want {
		t.Errorf("grant changes:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	db1, err := duck.OpenWith(context.Background(), lk, duck.Options{AsOf: day1})
	if err != nil {
		t.Fatal(err)
	}
	defer db1.Close()
	got = queryRows(t, db1, `SELECT pub_number, granted, grant_date FROM patents ORDER BY 1`)
	if want := "CN115000001A|false|NULL\nCN115000002A|false|NULL"; strings.Join(got, "\n") != want {
		t.Errorf("as of day 1:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
}

// TestObservedFromFile: a USPTO bulk file states the day it was produced (date-produced), and its
// observations are dated by it, not by the file's modification time.
func TestObservedFromFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ipg150106.xml")
	doc := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45-2014-04-03.dtd" [ ]>
<us-patent-grant lang="EN" dtd-version="v4.5 2014-04-03" country="US" date-produced="20141222" date-publ="20150106">
<us-bibliographic-data-grant>
<publication-reference><document-id><country>US</country><doc-number>09999999</doc-number><kind>B2</kind><date>20150106</date></document-id></publication-reference>
<application-reference appl-type="utility"><document-id><country>US</country><doc-number>13999999</doc-number><date>20130102</date></document-id></application-reference>
<invention-title id="d2e1">Widget</invention-title>
</us-bibliographic-data-grant>
</us-patent-grant>
`
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	mtime := time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)
	os.Chtimes(path, mtime, mtime)
	st, err := Run(context.Background(), []string{path}, Options{Lake: filepath.Join(dir, "lake"), MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	if f := st.Files[0]; f.Observed.String() != "2014-12-22" || f.ObservedFrom != "file" || f.Accepted != 1 {
		t.Errorf("%+v", f)
	}
}
