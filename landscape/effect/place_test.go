package effect

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoPlaceData: sources that state no applicant place at all (a Lens export without
// priority claims or applicant countries) cannot tell whether a family is in the region: every
// region indicator says no_place_data, never no_region ("none in the region") and never a
// series of zeros. With places (the CNIPA lake, all outside the region) it is no_region.
func TestNoPlaceData(t *testing.T) {
	var b strings.Builder
	b.WriteString("#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Title,Applicants,Inventors,Type,CPC Classifications\n")
	for i := 1; i <= 12; i++ {
		y := 2016 + i%5
		fmt.Fprintf(&b, "%d,US,A1,US %d/%07d A1,000-000-000-000-%03d,%d-06-01,%d,US %d A,%d-03-01,Switch %d,ACME %d INC,DOE JOHN,Patent Application,H01H33/02\n",
			i, y+1, i, i, y+1, y+1, 16000000+i, y, i, i%3)
	}
	p := filepath.Join(t.TempDir(), "lens.csv")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	tr := buildFile(t, p, navYAML)
	if tr.Region.Industry != 12 || tr.Region.Families != 0 || tr.Region.CountryApplicants != 0 {
		t.Fatalf("region %+v", tr.Region)
	}
	for _, in := range tr.Indicators {
		if in.Direction != "" {
			continue // flows: no operation in scope (no_operation_scope)
		}
		if in.Reason == nil || in.Reason.Code != NoPlaceData || in.Reason.N != 12 || len(in.Series) > 0 {
			t.Errorf("%s: reason %+v, %d points; want %s over 12 families", in.ID, in.Reason, len(in.Series), NoPlaceData)
		}
	}

	// Places known (江苏 南京), none in the region (山东 泰安): no_region.
	fams := synthFams(30, 3)
	for i := range fams {
		fams[i].local = false
	}
	tr = buildLake(t, fams, "")
	if r := ind(t, tr, "families").Reason; r == nil || r.Code != NoRegion {
		t.Errorf("placed lake, none in the region: reason %+v, want %s", r, NoRegion)
	}
}
