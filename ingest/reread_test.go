package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/duck"
)

// titles returns the lake's patents titles by publication number.
func titles(t *testing.T, lk string) map[string]string {
	t.Helper()
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.SQL().Query("SELECT pub_number, title FROM patents")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var pub, title string
		if err := rows.Scan(&pub, &title); err != nil {
			t.Fatal(err)
		}
		out[pub] = title
	}
	return out
}

// latin1Lens writes a Lens export whose first 300 KB are ASCII and whose later titles have
// Windows-1252 letters: it begins as UTF-8, and the whole file says Windows-1252.
// Its records are numbered from first.
func latin1Lens(t *testing.T, dir, name string, first int) string {
	var lines []string
	size := 0
	for i := first; size < 300<<10; i++ {
		lines = append(lines, csvLine(lensRow(i, fmt.Sprintf("Flight controller %d", i))))
		size += len(lines[len(lines)-1])
	}
	n := first + len(lines) - 1
	for i := n + 1; i <= n+20; i++ {
		lines = append(lines, csvLine(lensRow(i, fmt.Sprintf("M\xFCller und Soci\xE9t\xE9 G\xE9n\xE9rale drone %d", i))))
	}
	return lensFile(t, dir, name, lines...)
}

// TestRereadAfterHead: an input that begins as UTF-8 and turns out, after its first 256 KB, to be
// in another encoding is read again in that one (format.RereadError): the lake holds what a
// reading with that encoding forced holds, the other inputs of the same ingest once each, and the
// manifest the decided encoding; Lens and a reader on format.OpenCSV (Google Patents CSV).
func TestRereadAfterHead(t *testing.T) {
	dir := t.TempDir()
	late := latin1Lens(t, dir, "late.csv", 1)
	if fe, err := format.DetectFileEncoding(late); err != nil || fe.Name != "windows-1252" {
		t.Fatalf("the fixture reads as %q (%v), want windows-1252", fe.Name, err)
	}
	good := goodLens(t, dir, "good.csv", 90001, 30)

	lk := filepath.Join(dir, "lake")
	st, err := Run(context.Background(), []string{good, late}, realOpts(lk))
	if err != nil {
		t.Fatal(err)
	}
	encs := map[string]string{}
	for _, f := range st.Files {
		encs[filepath.Base(f.Path)] = f.Encoding
	}
	if encs["good.csv"] != "utf-8" || encs["late.csv"] != "windows-1252" {
		t.Errorf("encodings %v, want good.csv utf-8, late.csv windows-1252", encs)
	}
	got := titles(t, lk)
	forcedLake := filepath.Join(dir, "forced")
	o := realOpts(forcedLake)
	o.Encoding = "windows-1252"
	if _, err := Run(context.Background(), []string{late}, o); err != nil {
		t.Fatal(err)
	}
	want := titles(t, forcedLake)
	if len(got) != len(want)+30 {
		t.Errorf("%d publications, want %d + 30 (each input once)", len(got), len(want))
	}
	for pub, title := range want {
		if got[pub] != title {
			t.Errorf("%s: %q, want %q (read as windows-1252)", pub, got[pub], title)
		}
	}
	n := 0
	for _, title := range got {
		if strings.Contains(title, "Müller und Société Générale") {
			n++
		}
	}
	if n != 20 {
		t.Errorf("%d titles with the Windows-1252 letters decoded, want 20", n)
	}

	// Google Patents CSV (format.OpenCSV): the same.
	var b strings.Builder
	b.WriteString("search URL:,https://patents.google.com/?q=(drone)\n")
	b.WriteString("id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,result link,representative figure link\n")
	for i := 0; b.Len() < 300<<10; i++ {
		fmt.Fprintf(&b, "US-%d-B2,Plain drone title %d,Acme Inc.,A B,2022-12-16,2022-12-16,2025-05-13,2025-05-13,,\n", 11000000+i, i)
	}
	b.WriteString("US-12999999-B2,Caf\xE9 drone,Soci\xE9t\xE9 G\xE9n\xE9rale,A B,2022-12-16,2022-12-16,2025-05-13,2025-05-13,,\n")
	gp := filepath.Join(dir, "gp.csv")
	if err := os.WriteFile(gp, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	glk := filepath.Join(dir, "glake")
	st, err = Run(context.Background(), []string{gp}, realOpts(glk))
	if err != nil {
		t.Fatal(err)
	}
	if fs := st.Files[0]; fs.Format != "google" || fs.Encoding != "windows-1252" || fs.Repaired != 0 {
		t.Errorf("%s read as %s in %s, %d repaired; want google, windows-1252, none", fs.Path, fs.Format, fs.Encoding, fs.Repaired)
	}
	gt := titles(t, glk)
	if gt["US-12999999-B2"] != "Café drone" && gt["US12999999B2"] != "Café drone" {
		var keys []string
		for k, v := range gt {
			if strings.Contains(v, "drone") && strings.Contains(k, "12999999") {
				keys = append(keys, k+"="+v)
			}
		}
		slices.Sort(keys)
		t.Errorf("the last title: %v, want Café drone", keys)
	}
}

// TestRereadTwoAttempts: a folder of inputs that each begin as UTF-8 and turn Windows-1252 costs
// two attempts, not one per input: the second checks every input's encoding before reading it.
// Each input is opened once in each attempt it reaches.
func TestRereadTwoAttempts(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range 4 {
		latin1Lens(t, in, fmt.Sprintf("f%d.csv", i), 1+1000*i)
	}
	opens := map[string]int{}
	var formats []format.Format
	for _, f := range Formats() {
		open := f.Open
		f.Open = func(path string, o format.Options) (format.Reader, error) {
			opens[filepath.Base(path)]++
			return open(path, o)
		}
		formats = append(formats, f)
	}
	o := realOpts(filepath.Join(dir, "lake"))
	o.Formats = formats
	st, err := Run(context.Background(), []string{in}, o)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"f0.csv": 2, "f1.csv": 1, "f2.csv": 1, "f3.csv": 1}
	for name, n := range want {
		if opens[name] != n {
			t.Errorf("opens %v, want %v", opens, want)
			break
		}
	}
	for _, fs := range st.Files {
		if fs.Encoding != "windows-1252" {
			t.Errorf("%s read as %s, want windows-1252", fs.Path, fs.Encoding)
		}
	}
}
