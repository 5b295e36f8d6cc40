package duck

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestSafeCell(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")", "+1+2": "'+1+2", "-cmd": "'-cmd", "@SUM(A1)": "'@SUM(A1)",
		"-12.5": "-12.5", "+7": "+7", "plain": "plain", "": "", "\tx": "'\tx",
	} {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriters(t *testing.T) {
	d := time.Date(2015, 4, 24, 0, 0, 0, 0, time.UTC)
	r := &Result{Columns: []string{"pub", "date", "n", "title"}, Types: []string{"VARCHAR", "DATE", "BIGINT", "VARCHAR"},
		Rows: [][]any{{"CN1A", d, int64(-3), "=cmd|' /C calc'!A0"}, {nil, nil, nil, "无人机, \"drone\""}}}
	var csv bytes.Buffer
	if err := r.WriteCSV(&csv); err != nil {
		t.Fatal(err)
	}
	want := "pub,date,n,title\nCN1A,2015-04-24,-3,'=cmd|' /C calc'!A0\n,,,\"无人机, \"\"drone\"\"\"\n"
	if csv.String() != want {
		t.Errorf("CSV:\n%s\nwant:\n%s", csv.String(), want)
	}
	var js bytes.Buffer
	if err := r.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(js.Bytes(), &back); err != nil {
		t.Fatalf("JSON: %v\n%s", err, js.String())
	}
	if back[0]["date"] != "2015-04-24" || back[0]["n"] != float64(-3) || back[1]["pub"] != nil {
		t.Errorf("JSON rows: %v", back)
	}
	var tb bytes.Buffer
	if err := r.WriteTable(&tb, 10); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(tb.String(), "2015-04-24") || !strings.Contains(tb.String(), "(2 rows)") || !strings.Contains(tb.String(), "…") {
		t.Errorf("table:\n%s", tb.String())
	}
}
