package lens

import (
	"strings"
	"testing"
	"unsafe"
)

// TestConverterMemosOwnTheirStrings: the document-type and legal-status memos, which last the
// whole file, keep copies, not the row's cells (a reader's rows share arena chunks, and one kept
// cell would keep its chunk alive).
func TestConverterMemosOwnTheirStrings(t *testing.T) {
	row := strings.Repeat("x", 64) + "US" + "B2" + "Granted Patent" + "ACTIVE" + "Whatever Status" + strings.Repeat("y", 64)
	lo := uintptr(unsafe.Pointer(unsafe.StringData(row)))
	inRow := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= lo && p < lo+uintptr(len(row))
	}
	r := &conv{}
	r.docType(row[64:66], row[66:68], row[68:82])
	r.legalStatus(row[82:88])
	r.legalStatus(row[88:103])
	if len(r.docTypes) != 1 || len(r.statuses) != 2 {
		t.Fatalf("memos hold %d document types and %d statuses, want 1 and 2", len(r.docTypes), len(r.statuses))
	}
	for _, m := range r.docTypes {
		if inRow(m.office) || inRow(m.kind) || inRow(m.hint) || inRow(m.docType) {
			t.Errorf("document-type memo points into the row: %+v", m)
		}
	}
	for _, m := range r.statuses {
		if inRow(m[0]) || inRow(m[1]) {
			t.Errorf("legal-status memo points into the row: %q", m)
		}
	}
}
