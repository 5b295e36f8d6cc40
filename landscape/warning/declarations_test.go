package warning

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/lake"
)

// TestDeclarationSignals: three families (CN100000001A of a domestic enterprise, CN100000002A of
// LG Chem, KR; CN100000003A of Panasonic, JP). First run, every declaration new: X ← LG and
// Panasonic, Y ← the domestic family and LG. Expected, by the rule (one signal per standard with
// foreign applicants' declarations; warning where the region's enterprises hold no declared
// family in it): X warning with 2 new families of 2 competitors (2 declared in all), Y watch
// with 1 of 1 (the domestic enterprise holds a family in Y; 2 in all). Second run, changes since
// the first run's lake version: only the new list (Z ← Panasonic) gives a signal, Z warning, 1
// family of 1 competitor.
func TestDeclarationSignals(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	ingestFams(t, lk, dir, "fams.csv", 0, []tfam{
		{id: "F1", year: 2018, who: "宁德时代新能源科技股份有限公司", cc: "CN", ipc: "H01M10/0525"},
		{id: "F2", year: 2018, who: "LG CHEM LTD", cc: "KR", ipc: "H01M10/0525"},
		{id: "F3", year: 2019, who: "PANASONIC CORP", cc: "JP", ipc: "H01M4/13"},
	})
	decl := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("StandardBody,PublicationNumber,TechnicalStandard\n"+body), 0o644)
		return p
	}
	ingestFiles(t, lk, decl("d1.csv", "ETSI,CN100000002A,X\nETSI,CN100000003A,X\nETSI,CN100000001A,Y\nETSI,CN100000002A,Y\n"))
	l, err := lake.Open(lk)
	if err != nil {
		t.Fatal(err)
	}
	v1 := l.Version()
	run := func(since string) map[string]Signal {
		cfg, err := config.Parse([]byte(baseYAML), "test.yaml")
		if err != nil {
			t.Fatal(err)
		}
		cfg.Lake, cfg.Out = lk, filepath.Join(dir, "out")
		s, err := analysis.Open(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		s.ChangesSince = since
		b, err := Build(context.Background(), s, nil, testNow)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]Signal{}
		for _, sg := range b.Signals {
			if sg.Kind == KindDeclaration {
				out[sg.Standard] = sg
			}
		}
		return out
	}
	got := run("")
	want := map[string][4]float64{"X": {1, 2, 2, 2}, "Y": {0, 1, 1, 2}} // warning?, families, competitors, in the standard
	if len(got) != len(want) {
		t.Errorf("first run: %d signals, want %d: %v", len(got), len(want), sigKeys(got))
	}
	for k, w := range want {
		g := got[k]
		lv := LevelWatch
		if w[0] == 1 {
			lv = LevelWarning
		}
		if g.Level != lv || g.Rule != RuleDeclaration || len(g.Numbers) != 3 || *g.Numbers[0].Value != w[1] || *g.Numbers[1].Value != w[2] ||
			*g.Numbers[2].Value != w[3] || g.PatentsTotal != int(w[1]) {
			t.Errorf("first run %s: %+v, want %v", k, g, w)
		}
	}
	ingestFiles(t, lk, decl("d2.csv", "ETSI,CN100000003A,Z\n"))
	got = run(v1)
	if len(got) != 1 || got["Z"].Level != LevelWarning || *got["Z"].Numbers[0].Value != 1 || len(got["Z"].Patents) != 1 {
		t.Fatalf("second run: %v %+v", sigKeys(got), got["Z"])
	}
}

func sigKeys(m map[string]Signal) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
