package landscape

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// TestStandardsMinimum: on the six-publication hand lake (testdata/hand: six families, one
// publication each), the section is "not available" (no_declarations) without declarations;
// with them, a standard with 5 declared families (MinStandardFamilies) has its shares, one with 4
// and one with 1 have none (Short) and the rule's entry reports the larger, 4, against 5.
func TestStandardsMinimum(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	if _, err := ingest.Run(ctx, []string{"testdata/hand/lens.csv"}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	build := func() *Macro {
		cfg, err := config.Load("testdata/hand/nav.yaml")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Lake = lk
		return macroOfConfig(t, cfg)
	}
	m := build()
	if u := find(m.Unavailable, "standards"); u == nil || u.Code != CodeNoDeclarations || len(m.Standards.ByStandard) != 0 {
		t.Fatalf("without declarations: %+v, %+v", u, m.Standards)
	}
	decl := filepath.Join(dir, "decl.csv")
	pubs := []string{"US 7000001 B2", "US 7000002 B2", "CN 103000003 A", "US 2013/0000004 A1", "US 2015/0000006 A1"}
	s := "StandardBody,PublicationNumber,TechnicalStandard\n"
	for i, p := range pubs {
		s += "ETSI," + p + ",A\n"
		if i < 4 {
			s += "ETSI," + p + ",B\n"
		}
	}
	s += "ETSI,US 2014/0000005 A1,C\n"
	os.WriteFile(decl, []byte(s), 0o644)
	if _, err := ingest.Run(ctx, []string{decl}, ingest.Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	m = build()
	S := m.Standards
	if S.Summary.LakeFamilies != 6 || S.Summary.ScopeFamilies != 6 || S.Summary.ScopeStandards != 3 || S.Summary.Records != 10 {
		t.Errorf("summary %+v", S.Summary)
	}
	if len(S.ByStandard) != 3 || S.ByStandard[0].Standard != "A" || S.ByStandard[0].Families != 5 || S.ByStandard[0].Short ||
		S.ByStandard[0].RegionShare == nil || S.ByStandard[0].EnterpriseShare == nil {
		t.Errorf("A: %+v", S.ByStandard)
	}
	if b := S.ByStandard[1]; b.Standard != "B" || b.Families != 4 || !b.Short || b.RegionShare != nil || b.EnterpriseShare != nil {
		t.Errorf("B: %+v", b)
	}
	if c := S.ByStandard[2]; c.Standard != "C" || c.Families != 1 || !c.Short || c.RegionShare != nil {
		t.Errorf("C: %+v", c)
	}
	if u := find(m.Unavailable, MinStandardFamilies.Analysis); u == nil || u.N != 4 || u.Min != 5 || u.Rule != MinStandardFamilies.Code {
		t.Errorf("rule entry: %+v", u)
	}
}

func find(us []Unavailable, analysisName string) *Unavailable {
	for i := range us {
		if us[i].Analysis == analysisName {
			return &us[i]
		}
	}
	return nil
}
