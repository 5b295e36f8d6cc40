package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryValueChecked: configs that cannot be valid are errors at load time naming the key and
// its line, never values that make a stage panic or fail later (.nan passed every "x <= 0" check).
func TestEveryValueChecked(t *testing.T) {
	with := func(section string) string { return minimal + section + "\n" }
	// line is the number of the line holding "!" (which marks the key in each case).
	line := func(s string) int { return strings.Count(s[:strings.Index(s, "!")], "\n") + 1 }
	cases := []struct {
		name, yaml, key string
	}{
		{"core_share .nan", with("analysis:\n  core_share: .nan!"), "analysis.core_share"},
		{"core_share negative", with("analysis:\n  core_share: -0.1!"), "analysis.core_share"},
		{"gamma .inf", with("analysis:\n  burst: {gamma: .inf}!"), "analysis.burst.gamma"},
		{"citation window negative", with("analysis:\n  citation_window: -3!"), "analysis.citation_window"},
		{"window_years -5", with("warnings:\n  thresholds:\n    window_years: -5!"), "warnings.thresholds.window_years"},
		{"bubble .nan", with("warnings:\n  thresholds:\n    bubble: .nan!"), "warnings.thresholds.bubble"},
		{"surge_growth negative", with("warnings:\n  thresholds:\n    surge_growth: -2!"), "warnings.thresholds.surge_growth"},
		{"percentile 1", with("warnings:\n  thresholds:\n    blocking_quality_percentile: 1!"), "warnings.thresholds.blocking_quality_percentile"},
		{"domestic China", with("warnings:\n  domestic: China!"), "warnings.domestic"},
		{"domestic XX", with("warnings:\n  domestic: XX!"), "warnings.domestic"},
		{"office ZZ", with("warnings:\n  office: ZZ!"), "warnings.office"},
		{"resolutions [-1]", with("clustering:\n  resolutions: [-1]!"), "clustering.resolutions[0]"},
		{"resolutions [.nan]", with("clustering:\n  resolutions: [1, .nan]!"), "clustering.resolutions[1]"},
		{"k_max below k_min", with("clustering:\n  k_min: 8\n  k_max: 4!"), "clustering.k_max"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse([]byte(strings.Replace(c.yaml, "!", "", 1)), "nav.yaml")
			if !errors.Is(err, ErrConfig) {
				t.Fatalf("got %v, want a config error", err)
			}
			// The line of the key: the line marked "!".
			if want := fmt.Sprintf("line %d: %s:", line(c.yaml), c.key); !strings.Contains(err.Error(), want) {
				t.Errorf("error %q does not name %q", err, want)
			}
		})
	}
	// The region's country is checked against ISO 3166 too, and its province against China's.
	for _, r := range []struct{ from, to, key string }{
		{"country: cn", "country: China", "region.country"},
		{"province: 广东省", "province: 火星省", "region.province"},
	} {
		_, err := Parse([]byte(strings.Replace(minimal, r.from, r.to, 1)), "nav.yaml")
		if err == nil || !strings.Contains(err.Error(), r.key) || !strings.Contains(err.Error(), "line ") {
			t.Errorf("%s: got %v", r.to, err)
		}
	}
}

// TestDefaultsLiveHere: the warning defaults come from the config (domestic: the region's
// country; office: the domestic country) so the libraries need none of their own.
func TestDefaultsLiveHere(t *testing.T) {
	c, err := Parse([]byte(strings.Replace(minimal, "{country: cn, province: 广东省, city: 深圳市}", "{country: de}", 1)+"\n"), "nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Warnings.Domestic != "DE" || c.Warnings.Office != "DE" || c.Warnings.Thresholds.WindowYears != 5 || c.Analysis.CoreShare != 0.05 {
		t.Errorf("defaults: %+v %+v", c.Warnings, c.Analysis)
	}
}

// TestMissingThesaurusNamesItsKey: a thesaurus path that does not exist fails at load, naming the
// key and line.
func TestMissingThesaurusNamesItsKey(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "nav.yaml")
	os.WriteFile(p, []byte("thesaurus: nosuch.csv\n"+minimal), 0o644)
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), "line 1: thesaurus") {
		t.Errorf("got %v", err)
	}
}
