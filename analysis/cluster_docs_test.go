package analysis

import (
	"strings"
	"testing"
)

// TestDocMetasJoin checks the join of ClusterDocSource's two reads in Go: each text row gets its
// position's metadata back unchanged (the packed string cut where the lengths say, with empty
// and multi-byte fields), codes split and sorted; a position out of range, given twice or
// without metadata is an error naming it; a second text row for one position is an error.
func TestDocMetasJoin(t *testing.T) {
	m := newDocMetas(3)
	rows := []ClusterDocMetaRow{
		{Pos: 2, FamilyID: "fam-B", Codes: "H04L5/00 B64C39/02", Subclass: "B64C", Year: 2019, Applicant: "大疆创新"},
		{Pos: 1, FamilyID: "fam-A", Codes: "", Subclass: "", Year: 0, Applicant: ""},
		{Pos: 3, FamilyID: "Ω", Codes: "G06F17/00", Subclass: "G06F", Year: 2021, Applicant: "A  B"},
	}
	for _, r := range rows {
		if err := m.put(r); err != nil {
			t.Fatal(err)
		}
	}
	for _, bad := range []ClusterDocMetaRow{{Pos: 0}, {Pos: 4}, {Pos: 2, FamilyID: "again"}} {
		if err := m.put(bad); err == nil || !strings.Contains(err.Error(), "position") {
			t.Errorf("put(pos %d): error %v, want one naming the position", bad.Pos, err)
		}
	}
	d, err := m.take(2)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != "fam-B" || d.Subclass != "B64C" || d.Year != 2019 || d.Applicant != "大疆创新" || d.Pos != 2 ||
		strings.Join(d.Codes, "|") != "B64C39/02|H04L5/00" {
		t.Fatalf("take(2) = %+v", d)
	}
	d, err = m.take(1)
	if err != nil || d.ID != "fam-A" || len(d.Codes) != 0 || d.Subclass != "" || d.Applicant != "" || d.Pos != 1 {
		t.Fatalf("take(1) = %+v, %v", d, err)
	}
	d, err = m.take(3)
	if err != nil || d.ID != "Ω" || d.Applicant != "A  B" || strings.Join(d.Codes, "|") != "G06F17/00" {
		t.Fatalf("take(3) = %+v, %v", d, err)
	}
	if _, err := m.take(2); err == nil || !strings.Contains(err.Error(), "two texts") {
		t.Errorf("second take(2): error %v, want two texts", err)
	}
	if _, err := m.take(5); err == nil {
		t.Error("take(5) of 3 positions: no error")
	}
	empty := newDocMetas(2)
	if _, err := empty.take(1); err == nil || !strings.Contains(err.Error(), "no family") {
		t.Errorf("take without metadata: error %v", err)
	}
}
