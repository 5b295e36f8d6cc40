package synth

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

// TestDeclarations: the same options give the same bytes; every declared number is a generated
// publication's display key except the planted unknown ones (JP 2099…); the foreign-only
// standard is never declared by a CN applicant's family; the dSEP list ends with blankets.
func TestDeclarations(t *testing.T) {
	opts := Options{Families: 3000, Seed: 3}
	var a, b, l bytes.Buffer
	if _, err := WriteDeclarations(&a, opts, DeclDSEP); err != nil {
		t.Fatal(err)
	}
	WriteDeclarations(&b, opts, DeclDSEP)
	if !bytes.Equal(a.Bytes(), b.Bytes()) || a.Len() < 200 {
		t.Fatalf("not deterministic or empty: %d / %d bytes", a.Len(), b.Len())
	}
	w := NewWorld(opts)
	pubs, cn := map[string]bool{}, map[string]bool{}
	w.Each(func(f *Family) error {
		for _, p := range f.Pubs {
			pubs[p.Key.Display()] = true
			if w.apps[f.Applicants[0]].Country == "CN" {
				cn[p.Key.Display()] = true
			}
		}
		return nil
	})
	if _, err := w.WriteDeclarations(&l, DeclETSI); err != nil {
		t.Fatal(err)
	}
	rows, _ := csv.NewReader(&l).ReadAll()
	d, _ := csv.NewReader(bytes.NewReader(a.Bytes())).ReadAll()
	if len(rows) < 5 || len(d) < 5 {
		t.Fatalf("%d ETSI, %d dSEP rows", len(rows), len(d))
	}
	unknown := 0
	for _, r := range rows[1:] {
		num := r[6]
		switch {
		case strings.HasPrefix(num, "JP 2099"):
			unknown++
		case !pubs[num]:
			t.Errorf("ETSI: %s is no generated publication", num)
		case r[5] == "TS 23.256" && cn[num]:
			t.Errorf("TS 23.256 declared by a CN applicant's family: %s", num)
		}
	}
	for _, r := range d[1:] {
		if strings.HasPrefix(r[12], "JP 2099") {
			unknown++
		} else if r[12] != "" && !pubs[r[12]] {
			t.Errorf("dSEP: %s is no generated publication", r[12])
		}
	}
	if unknown == 0 {
		t.Error("no unknown number planted")
	}
	if last := d[len(d)-1]; last[9] != "1" || last[12] != "" {
		t.Errorf("the dSEP list does not end with a blanket: %q", last)
	}
}
