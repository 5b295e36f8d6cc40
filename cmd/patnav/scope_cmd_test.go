package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestScopeCommand runs patnav scope on a small generated lake: 40 seeds given in three number
// forms, the demo config's scope compared; then the exit codes of the failure paths (no seeds
// and no config: 2; a line that is no publication number: 3).
func TestScopeCommand(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	lensCSV := filepath.Join(dir, "uav.csv")
	if code, _, errs := runCLI(t, "synth", "--form", "lens", "--families", "300", "--seed", "5", "--out", lensCSV); code != 0 {
		t.Fatalf("synth: %d %s", code, errs)
	}
	if code, _, errs := runCLI(t, "ingest", lensCSV, "--lake", lk); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	code, out, errs := runCLI(t, "query", "--lake", lk, "--format", "csv", "SELECT min(pub_number) FROM patents GROUP BY family_id ORDER BY 1 LIMIT 40")
	if code != 0 {
		t.Fatalf("query: %d %s", code, errs)
	}
	nums := strings.Split(strings.TrimSpace(out), "\n")[1:]
	for i, n := range nums { // any number form: "US 1234567 B2", "US-1234567-B2"
		switch i % 3 {
		case 1:
			nums[i] = n[:2] + " " + n[2:]
		case 2:
			nums[i] = n[:2] + "-" + n[2:]
		}
	}
	seeds := filepath.Join(dir, "seeds.txt")
	os.WriteFile(seeds, []byte("# seeds\n"+strings.Join(nums, "\n")+"\n"), 0o644)
	outDir := filepath.Join(dir, "scope")
	code, out, errs = runCLI(t, "scope", "--seeds", seeds, "--lake", lk, "-c", "../../data/navigation.yaml", "--out", outDir)
	if code != 0 {
		t.Fatalf("scope: %d %s %s", code, out, errs)
	}
	for _, want := range []string{"seeds: 40 numbers, 40 found", "precision ", "recall ", "current config scope:", "wrote " + filepath.Join(outDir, "scope_proposed.yaml")} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	for _, f := range []string{"scope.json", "scope_proposed.yaml", "scope_families.csv", "scope_zh.html", "scope_en.md"} {
		if _, err := os.Stat(filepath.Join(outDir, f)); err != nil {
			t.Error(err)
		}
	}
	// The landscape's method section states the configured scope's recall and precision against
	// the seeds of industry.scope.seeds.
	nav, err := os.ReadFile("../../data/navigation.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, "nav.yaml")
	aliases, _ := filepath.Abs("../../data/applicant-aliases.csv")
	text := strings.Replace(string(nav), "    require: any\n", "    require: any\n    seeds: seeds.txt\n", 1)
	text = strings.Replace(text, "thesaurus: applicant-aliases.csv", "thesaurus: "+aliases, 1)
	os.WriteFile(cfg, []byte(text), 0o644)
	land := filepath.Join(dir, "out")
	if code, out, errs := runCLI(t, "landscape", "-c", cfg, "--lake", lk, "--out", land); code != 0 {
		t.Fatalf("landscape: %d %s %s", code, out, errs)
	}
	macro, err := os.ReadFile(filepath.Join(land, "landscape", "macro.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The seed-set checks are typed method notes: recall (value, low, high, k, n) and precision
	// (the same, then the 40 seed families the classifier was trained on).
	var doc struct {
		Scope struct {
			Method []struct {
				Code string    `json:"code"`
				Nums []float64 `json:"nums"`
			} `json:"method"`
		} `json:"scope"`
	}
	if err := json.Unmarshal(macro, &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string][]float64{}
	for _, n := range doc.Scope.Method {
		got[n.Code] = n.Nums
	}
	if r := got["method.seed_recall"]; len(r) != 5 || r[4] != 40 || r[0] != r[3]/r[4] {
		t.Errorf("macro.json method: seed recall %v, want value k/n over the 40 seeds", r)
	}
	if p := got["method.seed_precision"]; len(p) < 6 || p[5] != 40 {
		t.Errorf("macro.json method: seed precision %v, want 40 seed families", p)
	}
	if code, _, _ := runCLI(t, "scope", "--lake", lk); code != exitUsage {
		t.Errorf("no seeds, no config: exit %d, want %d", code, exitUsage)
	}
	os.WriteFile(seeds, []byte("US1234567B2\n2015123456\n"), 0o644)
	code, _, errs = runCLI(t, "scope", "--seeds", seeds, "--lake", lk, "--out", outDir)
	if code != exitBadInput || !strings.Contains(errs, "seeds.txt: line 2") {
		t.Errorf("bad seed line: exit %d %s", code, errs)
	}
}
