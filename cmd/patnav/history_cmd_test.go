package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLakeHistory: two days of a CNIPA export; `lake history` prints both observations, then the
// day-2 changes with old and new values, in time order; an unknown publication is an error.
func TestLakeHistory(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	head := "公开(公告)号,申请号,名称,申请(专利权)人,申请日,主分类号,法律状态,当前权利人\n"
	for i, row := range []string{
		"CN218751475U,CN202222781234.5,一种无人机,甲科技有限公司,2022-10-21,B64C39/02,有权,甲科技有限公司",
		"CN218751475U,CN202222781234.5,一种无人机,甲科技有限公司,2022-10-21,B64C39/02,无权-未缴年费,丙公司",
	} {
		p := filepath.Join(dir, []string{"day1.csv", "day2.csv"}[i])
		os.WriteFile(p, []byte(head+row+"\n"), 0o644)
		day := time.Date(2026, 11, 30+i, 12, 0, 0, 0, time.UTC)
		os.Chtimes(p, day, day)
		if code, _, errOut := runCLI(t, "ingest", "--lake", lk, p); code != 0 {
			t.Fatalf("ingest %s: %d %s", p, code, errOut)
		}
	}
	code, out, errOut := runCLI(t, "lake", "history", "--lake", lk, "CN218751475U")
	if code != 0 {
		t.Fatalf("history: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{
		"2026-11-30  observed  legal_status=alive, legal_status_raw=有权, current_owner=甲科技有限公司",
		"2026-12-01  observed  legal_status=lapsed, legal_status_raw=无权-未缴年费, current_owner=丙公司",
		"2026-12-01  changed   current_owner: 甲科技有限公司 → 丙公司  (day2.csv",
		"2026-12-01  changed   legal_status: alive → lapsed  (day2.csv",
	}
	if len(lines) != 5 {
		t.Fatalf("history:\n%s", out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d: %q, want prefix %q", i+1, lines[i], w)
		}
	}
	if code, _, _ := runCLI(t, "lake", "history", "--lake", lk, "CN1A"); code == 0 {
		t.Error("unknown publication: exit 0")
	}
}
