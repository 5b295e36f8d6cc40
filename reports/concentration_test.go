package reports

import (
	"testing"

	"github.com/patnav/patnav/landscape"
)

// TestConcentrationBelowMinimum: a branch with fewer applicants than landscape.MinConcentration
// (5) prints no HHI or CR4 — with 3 applicants CR4 is 100 % by construction and HHI ≥ 3,333 —
// while one at the minimum prints them.
func TestConcentrationBelowMinimum(t *testing.T) {
	l, err := NewLocale("en")
	if err != nil {
		t.Fatal(err)
	}
	few := landscape.Concentration{HHI: 3400, CR4: 1, CR8: 1, N: 3}
	if got := hhiText(l, few); got != l.NA() {
		t.Errorf("HHI of 3 applicants printed as %q", got)
	}
	if got := crText(l, few, few.CR4); got != l.NA() {
		t.Errorf("CR4 of 3 applicants printed as %q", got)
	}
	enough := landscape.Concentration{HHI: 2200, CR4: 0.9, CR8: 1, N: 5}
	if got := hhiText(l, enough); got == l.NA() {
		t.Errorf("HHI of 5 applicants withheld")
	}
	if got := crText(l, enough, enough.CR4); got == l.NA() {
		t.Errorf("CR4 of 5 applicants withheld")
	}
}
