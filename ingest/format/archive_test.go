package format

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// bombZip writes a zip with one entry name holding prefix, n bytes of 'a', then suffix.
func bombZip(t *testing.T, name, prefix string, n int, suffix string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "b.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create(name)
	w.Write([]byte(prefix))
	chunk := []byte(strings.Repeat("a", 1<<20))
	for ; n >= len(chunk); n -= len(chunk) {
		w.Write(chunk)
	}
	w.Write(chunk[:n])
	w.Write([]byte(suffix))
	zw.Close()
	f.Close()
	return p
}

// TestCheckArchive: an entry inflating beyond MaxEntry, and a shared string longer than
// MaxRecord, are refused without inflating more than the limit; a normal workbook part passes.
func TestCheckArchive(t *testing.T) {
	lim := Limits{MaxEntry: 32 << 20, MaxRecord: 4 << 20}
	big := bombZip(t, "xl/worksheets/sheet1.xml", "<x>", 40<<20, "</x>") // many small texts would pass; one run of 40 MB
	if err := CheckArchive(big, Limits{MaxEntry: 32 << 20, MaxRecord: 64 << 20}); !errors.Is(err, ErrEntryTooLarge) || !strings.Contains(err.Error(), "inflates beyond") {
		t.Errorf("entry bomb: %v", err)
	}
	ss := bombZip(t, "xl/sharedStrings.xml", `<sst><si><t>`, 8<<20, `</t></si></sst>`)
	if err := CheckArchive(ss, lim); !errors.Is(err, ErrEntryTooLarge) || !strings.Contains(err.Error(), "sharedStrings.xml holds a text") {
		t.Errorf("shared-strings bomb: %v", err)
	}
	ok := bombZip(t, "xl/sharedStrings.xml", `<sst><si><t>`, 1<<20, `</t></si></sst>`)
	if err := CheckArchive(ok, lim); err != nil {
		t.Errorf("a 1 MB shared string: %v", err)
	}
}
