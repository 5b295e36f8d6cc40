package usptoxml

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
)

// TestHugeAbstractInZip: a small zip whose second document has a 64 MB abstract (it compresses
// to ~64 KB) yields the two other documents and a record error for it, and the reader allocates
// a bounded amount on the way (the abstract is never held whole: 9 GB peak before the limit).
func TestHugeAbstractInZip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ipg.zip")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	zw := zip.NewWriter(f)
	w, _ := zw.Create("ipg.xml")
	pub := func(n string) string { return strings.Replace(okPub, "07000001", n, 1) }
	w.Write([]byte(grantDoc(pub("07000001"), "")))
	head, tail, _ := strings.Cut(grantDoc(pub("07000002"), "<abstract><p>X</p></abstract>"), "X")
	w.Write([]byte(head))
	chunk := strings.Repeat("a", 1<<20)
	for i := 0; i < 64; i++ {
		w.Write([]byte(chunk))
	}
	w.Write([]byte(tail))
	w.Write([]byte(grantDoc(pub("07000003"), "")))
	zw.Close()
	f.Close()
	if fi, _ := os.Stat(path); fi.Size() > 1<<20 {
		t.Fatalf("the generated zip is %d bytes, want a small one", fi.Size())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	r, err := Open(path, format.Options{Limits: format.Limits{MaxRecord: 4 << 20}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, bad, err := format.ReadAll(r)
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || len(bad) != 1 || !errors.Is(bad[0], format.ErrTooLarge) || bad[0].Record != 2 {
		t.Fatalf("%d records, bad %v", len(recs), bad)
	}
	// Allocated in all, garbage included: the 4 MB limit lets the decoder's buffer grow to a few
	// times it; holding the abstract would take 64 MB at least.
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 48<<20 {
		t.Errorf("reading allocated %d MB", alloc>>20)
	}
}
