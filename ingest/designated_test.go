package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/lake"
)

// TestDesignatedStatesColumn: a Derwent record's DS lists reach patents.designated_states, a
// member without one has an empty list, and a patents part written before the column existed
// (the first ingest's part, rewritten here without it) reads as NULL, alone and beside the new
// parts.
func TestDesignatedStatesColumn(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	ciw := func(ga, wo, us string) string {
		return "FN Clarivate Analytics Derwent Innovations Index\nVR 1.0\nPT P\n" +
			"PN " + wo + "; " + us + "\nTI Helicopter.\nGA " + ga + "\n" +
			"DS " + wo + ": \n\t\t      (National): US; CN\n      (Regional): AT; EA\nER\n\nEF\n"
	}
	old, cur := filepath.Join(dir, "old.ciw"), filepath.Join(dir, "new.ciw")
	if err := os.WriteFile(old, []byte(ciw("2005000001", "WO2006000001-A1", "US7000001-B2")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cur, []byte(ciw("2005000002", "WO2006000002-A1", "US7000002-B2")), 0o644); err != nil {
		t.Fatal(err)
	}
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := Run(ctx, []string{old}, Options{Lake: lk}); err != nil {
		t.Fatal(err)
	}
	// The first part as a lake written before the column: the same rows without it.
	l, err := lake.Open(lk)
	if err != nil {
		t.Fatal(err)
	}
	part := l.Files(lake.TPatents)[0]
	db, err := duck.OpenMemory()
	if err != nil {
		t.Fatal(err)
	}
	tmp := part + ".old"
	if _, err := db.Query(ctx, fmt.Sprintf("COPY (SELECT * EXCLUDE (designated_states) FROM read_parquet('%s')) TO '%s' (FORMAT parquet)", part, tmp)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if err := os.Rename(tmp, part); err != nil {
		t.Fatal(err)
	}
	// A lake of old parts only still has the column (NULL).
	d, err := duck.Open(ctx, lk)
	if err != nil {
		t.Fatal(err)
	}
	res, err := d.Query(ctx, `SELECT count(*) FROM patents WHERE designated_states IS NULL`)
	d.Close()
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != int64(2) {
		t.Fatalf("a lake of old parts: %v, %v; want 2 rows with designated_states NULL", res, err)
	}
	if _, err := Run(ctx, []string{cur}, Options{Lake: lk}); err != nil {
		t.Fatal(err)
	}
	d, err = duck.Open(ctx, lk)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	res, err = d.Query(ctx, `SELECT pub_number, coalesce(array_to_string(designated_states, ' '), 'NULL') FROM patents ORDER BY pub_number`)
	if err != nil {
		t.Fatal(err)
	}
	want := [][2]string{{"US7000001B2", "NULL"}, {"US7000002B2", ""}, {"WO2006000001A1", "NULL"}, {"WO2006000002A1", "AT CN EA US"}}
	if len(res.Rows) != len(want) {
		t.Fatalf("rows %v, want %v", res.Rows, want)
	}
	for i, w := range want {
		if res.Rows[i][0] != w[0] || res.Rows[i][1] != w[1] {
			t.Errorf("row %d = %v, want %v", i, res.Rows[i], w)
		}
	}
	// The parts that have the list column are seen to have it (lake.HasColumn), so the view
	// adds no NULL column of the same name beside it (DuckDB would call it designated_states_1).
	res, err = d.Query(ctx, `SELECT column_name FROM (DESCRIBE patents) WHERE column_name LIKE 'designated%' ORDER BY 1`)
	if err != nil || len(res.Rows) != 1 || res.Rows[0][0] != "designated_states" {
		t.Fatalf("designated columns of patents: %v, %v; want designated_states only", res, err)
	}
}
