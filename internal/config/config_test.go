package config

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const minimal = `
industry:
  name: {zh: 无人机, en: Civil drones}
  scope:
    codes: [B64C39/02, b64u]
    keywords: {zh: [无人机], en: [drone, UAV]}
branches:
  - id: fc
    name: {zh: 飞行控制, en: Flight control}
    codes: [G05D1]
    children:
      - id: fc-nav
        name: {en: Navigation}
        keywords: {en: [navigation]}
  - id: pw
    name: {zh: 动力}
    codes: [B64D27]
region: {country: cn, province: 广东省, city: 深圳市}
enterprises:
  - id: dji
    names: [SZ DJI TECHNOLOGY CO LTD, 深圳市大疆创新科技有限公司]
`

func TestParseDefaultsAndTree(t *testing.T) {
	c, err := Parse([]byte(minimal), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Region.Country != "CN" || c.Analysis.Unit != "family" || c.Analysis.TopN != 20 || c.Analysis.IncompleteYears != 2 {
		t.Errorf("defaults: %+v %+v", c.Region, c.Analysis)
	}
	if c.Industry.Scope.Codes[1] != "B64U" {
		t.Errorf("codes not normalised: %v", c.Industry.Scope.Codes)
	}
	flat := c.Flatten()
	if len(flat) != 3 || flat[1].ID != "fc-nav" || flat[1].Level != 2 || flat[1].Parent != "fc" {
		t.Errorf("flatten: %+v", flat)
	}
	if c.Warnings.Domestic != "CN" || c.Warnings.Thresholds.ReserveLow != 0.5 || c.Warnings.Thresholds.Bubble != 5 {
		t.Errorf("warning defaults: %+v", c.Warnings)
	}
	if c.Enterprises[0].Role != "local" || c.Enterprises[0].Name.Zh == "" {
		t.Errorf("enterprise defaults: %+v", c.Enterprises[0])
	}
	if (Text{Zh: "中", En: "en"}).In("zh") != "中" || (Text{En: "en"}).In("zh") != "en" || (Text{Zh: "中"}).In("en") != "中" {
		t.Error("Text.In")
	}
}

func TestErrorsNameKeyAndLine(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string
	}{
		{"unknown key", strings.Replace(minimal, "region:", "regoin:", 1), []string{"line 18", `unknown key "regoin"`}},
		{"unknown nested key", strings.Replace(minimal, "    codes: [G05D1]", "    codez: [G05D1]", 1), []string{"line 10", `"codez"`}},
		{"bad code", strings.Replace(minimal, "[B64D27]", "[B64D27, XYZ]", 1), []string{"line 17", "branches[1].codes[1]", "XYZ"}},
		{"bad unit", minimal + "analysis: {unit: patents}\n", []string{"analysis.unit", "patents"}},
		{"duplicate id", strings.Replace(minimal, "id: pw", "id: fc", 1), []string{"branches[1].id", "twice"}},
		{"no scope", strings.Replace(minimal, "    codes: [B64C39/02, b64u]\n    keywords: {zh: [无人机], en: [drone, UAV]}\n", "", 1), []string{"industry.scope"}},
		{"bad yaml", "industry: [", []string{"nav.yaml"}},
		{"empty", "", []string{"empty"}},
		{"bad cutoff", minimal + "analysis: {cutoff: 2025-13-01}\n", []string{"analysis.cutoff"}},
		{"enterprise without names", strings.Replace(minimal, "    names: [SZ DJI TECHNOLOGY CO LTD, 深圳市大疆创新科技有限公司]\n", "", 1), []string{"enterprises[0].names"}},
		{"deep tree", strings.Replace(minimal, "        keywords: {en: [navigation]}\n", "        keywords: {en: [navigation]}\n        children:\n          - id: a\n            name: {en: a}\n            codes: [G05D]\n            children:\n              - id: b\n                name: {en: b}\n                codes: [G05D]\n", 1), []string{"at most 3 levels"}},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.yaml), "nav.yaml")
		if err == nil || !errors.Is(err, ErrConfig) {
			t.Errorf("%s: err = %v, want ErrConfig", c.name, err)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q lacks %q", c.name, err, w)
			}
		}
	}
}

func TestLoadResolvesPaths(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "nav.yaml")
	os.WriteFile(p, []byte(minimal+"lake: data/lake\nout: /abs/out\n"), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Lake != filepath.Join(dir, "data/lake") || c.Out != "/abs/out" {
		t.Errorf("paths: %s %s", c.Lake, c.Out)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml")); !errors.Is(err, ErrConfig) {
		t.Errorf("missing file: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte("industry: {name: {en: x}, scope: {codes: [A]}}\nbranches: [{id: a, name: {en: a}, codes: [A01]}]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b, "fuzz.yaml")
		if err == nil && (c == nil || len(c.Branches) == 0) {
			t.Error("accepted a config without branches")
		}
		if err != nil && !errors.Is(err, ErrConfig) {
			t.Errorf("error not wrapped: %v", err)
		}
	})
}

// TestDemoConfig keeps the bundled example config valid.
func TestDemoConfig(t *testing.T) {
	c, err := Load("../../data/navigation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Flatten()) != 33 || len(c.Enterprises) != 5 || c.Region.Province != "广东省" {
		t.Errorf("demo config: %d branches, %d enterprises, region %+v", len(c.Flatten()), len(c.Enterprises), c.Region)
	}
}

// TestScopeSeeds: industry.scope.seeds is resolved against the config's folder and must name a
// readable file; a missing file is an error naming the key and its line (line 7: the seeds key
// inserted after the keywords).
func TestScopeSeeds(t *testing.T) {
	dir := t.TempDir()
	withSeeds := strings.Replace(minimal, "    keywords: {zh: [无人机], en: [drone, UAV]}\n", "    keywords: {zh: [无人机], en: [drone, UAV]}\n    seeds: seeds.txt\n", 1)
	p := filepath.Join(dir, "nav.yaml")
	os.WriteFile(p, []byte(withSeeds), 0o644)
	_, err := Load(p)
	if err == nil || !errors.Is(err, ErrConfig) || !strings.Contains(err.Error(), "line 7: industry.scope.seeds") {
		t.Errorf("missing seed file: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "seeds.txt"), []byte("US1234567B2\n"), 0o644)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Industry.Scope.Seeds != filepath.Join(dir, "seeds.txt") {
		t.Errorf("seeds path %q", c.Industry.Scope.Seeds)
	}
	if _, err := Parse([]byte(strings.Replace(withSeeds, "seeds: seeds.txt", `seeds: " "`, 1)), "nav.yaml"); err == nil || !strings.Contains(err.Error(), "industry.scope.seeds") {
		t.Errorf("blank seed file name: %v", err)
	}
}

// TestEffectBlock: the optional effect block is checked in the same style (key path and line).
func TestEffectBlock(t *testing.T) {
	ok := minimal + `effect:
  indicators:
    - {id: fam, name: {zh: 专利族, en: Families}, measure: families, target: 120, target_year: 2027}
    - {id: share-fc, measure: branch_share, branch: fc-nav}
`
	c, err := Parse([]byte(ok), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if e := c.Effect; e == nil || e.MinBase != 5 || len(e.Indicators) != 2 || *e.Indicators[0].Target != 120 || e.Indicators[1].Branch != "fc-nav" {
		t.Fatalf("effect %+v", c.Effect)
	}
	if c, _ := Parse([]byte(minimal), "nav.yaml"); c.Effect != nil {
		t.Fatal("no block must leave Effect nil (the default set)")
	}
	bad := []struct{ name, yaml, want string }{
		{"unknown measure", "    - {id: a, measure: patents}\n", "effect.indicators[0].measure"},
		{"branch missing", "    - {id: a, measure: branch_share, branch: zz}\n", "effect.indicators[0].branch"},
		{"branch on other", "    - {id: a, measure: grants, branch: fc}\n", "only branch_share"},
		{"target without year", "    - {id: a, measure: grants, target: 3}\n", "effect.indicators[0].target_year"},
		{"duplicate id", "    - {id: a, measure: grants}\n    - {id: a, measure: pct}\n", "effect.indicators[1].id"},
		{"unknown key", "    - {id: a, measure: grants, goal: 3}\n", `unknown key "goal"`},
		{"direction on other", "    - {id: a, measure: grants, direction: in}\n", "effect.indicators[0].direction"},
		{"unknown direction", "    - {id: a, measure: transfers, direction: inward}\n", `unknown direction "inward"`},
	}
	for _, b := range bad {
		_, err := Parse([]byte(minimal+"effect:\n  indicators:\n"+b.yaml), "nav.yaml")
		if err == nil || !strings.Contains(err.Error(), b.want) || !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: %v, want %q with a line", b.name, err, b.want)
		}
	}
}

func TestValueBlock(t *testing.T) {
	c, err := Parse([]byte(minimal+"value: {weights: {claims: 1, forward_citations: 3}}\n"), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if v := c.ValueSettings(); v.Weights.Claims != 1 || v.Weights.ForwardCitations != 3 || v.Weights.LegalStatus != 0 || v.HighValueShare != 0.2 || v.MinFamilies != 5 {
		t.Fatalf("value %+v", v)
	}
	if c, _ := Parse([]byte(minimal), "nav.yaml"); c.ValueSettings() != DefaultValue() {
		t.Fatal("no block: the defaults")
	}
	for _, bad := range []string{"value: {weights: {claims: -1}}\n", "value: {high_value_share: 1.5}\n", "value: {weights: {clams: 1}}\n"} {
		if _, err := Parse([]byte(minimal+bad), "nav.yaml"); err == nil || !strings.Contains(err.Error(), "line ") {
			t.Errorf("%q: %v", bad, err)
		}
	}
}

// TestRegionPopulation: the region's population per year is read as a map year → inhabitants;
// a year out of range, a value <= 0 or a key that is not a year is an error naming the key and
// its line.
func TestRegionPopulation(t *testing.T) {
	base := strings.Replace(minimal, "region: {country: cn, province: 广东省, city: 深圳市}\n", "", 1)
	c, err := Parse([]byte(base+"region:\n  country: CN\n  population: {2022: 17660000, 2023: 1.779e7}\n"), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Region.Population; len(p) != 2 || p[2022] != 17660000 || p[2023] != 17790000 {
		t.Fatalf("population %v", p)
	}
	// line(k) is the k-th line after the base (region: is line 1).
	line := func(k int) string { return "line " + strconv.Itoa(strings.Count(base, "\n")+k) }
	for _, b := range []struct{ name, yaml, want string }{
		{"zero", "  population:\n    2022: 17660000\n    2023: 0\n", line(5) + ": region.population.2023"},
		{"negative", "  population: {2023: -5}\n", "region.population.2023"},
		{"year", "  population: {23: 5000}\n", line(3) + ": region.population.23: a population year"},
		{"not a year", "  population: {twenty: 5000}\n", line(3)},
	} {
		_, err := Parse([]byte(base+"region:\n  country: CN\n"+b.yaml), "nav.yaml")
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("%s: %v, want %q", b.name, err, b.want)
		}
	}
}
