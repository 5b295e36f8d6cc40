package scope

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/scope"
)

// fixture is a hand-made model: two selected codes, a keyword per language (one needing YAML
// quoting), a hostile title, an undefined interval (no configured-scope families).
func fixture() *model.Model {
	return &model.Model{
		Meta:    model.Meta{Industry: config.Text{Zh: "无人机", En: "Drones"}, SeedSource: "file", SeedFile: "seeds.txt", Generated: "2026-12-03T00:00:00Z", Languages: []string{"zh", "en"}, PatnavVersion: "test", RandomSeed: 1, Folds: 5, Threshold: 0.5, BackgroundRatio: 2, MinCoverage: 0.05, MinLift: 2},
		Current: &model.Current{Codes: []string{"B64C"}, KeywordsEn: []string{"drone"}},
		Result: model.Result{
			LakeFamilies: 100, SeedNumbers: 21, Unmatched: []string{"EP1A1"}, SeedFamilies: 20, Background: 40,
			Codes: []model.CodeStat{
				{Code: "B64C", Level: "subclass", Seeds: 15, Lake: 20, Coverage: 0.75, LakeShare: 0.2, Lift: 3.75, Selected: true},
				{Code: "B64C39", Level: "group", Seeds: 12, Lake: 14, Coverage: 0.6, LakeShare: 0.14, Lift: 4.29},
				{Code: "G05D1", Level: "group", Seeds: 5, Lake: 9, Coverage: 0.25, LakeShare: 0.09, Lift: 2.78, Selected: true},
			},
			Keywords: []model.KeywordStat{
				{Keyword: "无人机", Lang: "zh", Seeds: 8, Lake: 9, Coverage: 0.4, LakeShare: 0.09, Lift: 4.4, Weight: 1.2, Selected: true},
				{Keyword: "@rotor: yes", Lang: "en", Seeds: 6, Lake: 7, Coverage: 0.3, LakeShare: 0.07, Lift: 4.3, Weight: 0.8, Selected: true},
			},
			Proposal:   model.Proposal{Codes: []string{"B64C", "G05D1"}, KeywordsZh: []string{"无人机"}, KeywordsEn: []string{"@rotor: yes"}},
			Evaluation: model.Evaluation{Folds: 5, Seeds: 20, Background: 40, Threshold: 0.5, TP: 18, FN: 2, FP: 4, TN: 36, Precision: model.Interval{K: 18, N: 22, Value: 18.0 / 22, Low: 0.615, High: 0.927, Method: "wilson"}, Recall: model.Interval{K: 18, N: 20, Value: 0.9, Low: 0.699, High: 0.972, Method: "wilson"}, F1: model.Interval{K: 36, N: 42, Value: 36.0 / 42, Low: 0.7, High: 0.95, Method: "bootstrap"}},
			Families: []model.Family{
				{ID: "F1", Rep: "US1B2", Title: "=HYPERLINK(\"http://x\") <script>alert(1)</script>", Score: 0.9, Via: []string{"code", "keyword"}, Kept: true},
				{ID: "F2", Rep: "US2B2", Title: "Drone", Score: 0.8, Seed: true, Kept: true, InConfig: true},
			},
			Config: &model.ConfigComparison{Families: 0, SeedRecall: model.Interval{K: 0, N: 20, Value: 0, Low: 0, High: 0.161, Method: "wilson"}, Accepted: model.Interval{Value: math.NaN(), Low: math.NaN(), High: math.NaN(), Method: "wilson"},
				MissedExamples: []model.Family{{ID: "F1", Rep: "US1B2", Title: "=HYPERLINK(\"http://x\") <script>alert(1)</script>", Score: 0.9}}, Missed: 1},
			Options: model.Tuning{Examples: 10},
		},
		Unavailable: []landscape.Unavailable{{Analysis: "holdout", Code: model.NoHoldout}, {Analysis: "expansion.citation", Code: model.NoCitations}},
	}
}

// TestYAMLPastesIntoConfig: the proposed block, pasted under industry: of a minimal config,
// loads with internal/config and gives exactly the proposed codes, keywords and seed file.
func TestYAMLPastesIntoConfig(t *testing.T) {
	m := fixture()
	var buf bytes.Buffer
	if err := YAML(&buf, m); err != nil {
		t.Fatal(err)
	}
	var indented []string
	for _, line := range strings.Split(strings.TrimRight(buf.String(), "\n"), "\n") {
		indented = append(indented, "  "+line)
	}
	doc := "industry:\n  name: {en: Drones}\n" + strings.Join(indented, "\n") + "\nbranches:\n  - {id: a, name: {en: A}, codes: [B64C]}\n"
	cfg, err := config.Parse([]byte(doc), "pasted.yaml")
	if err != nil {
		t.Fatalf("%v\n%s", err, doc)
	}
	sc := cfg.Industry.Scope
	if !reflect.DeepEqual(sc.Codes, []string{"B64C", "G05D1"}) || !reflect.DeepEqual(sc.Keywords.Zh, []string{"无人机"}) || !reflect.DeepEqual(sc.Keywords.En, []string{"@rotor: yes"}) || sc.Seeds != "seeds.txt" {
		t.Errorf("pasted scope %+v", sc)
	}
	if !strings.Contains(buf.String(), "- B64C # seeds 15 (0.750), lake share 0.200, lift 3.75") {
		t.Errorf("code comment missing:\n%s", buf.String())
	}
}

// TestCSVNeutralisesFormulas: a title starting with = is prefixed with an apostrophe; the
// columns and order are as documented.
func TestCSVNeutralisesFormulas(t *testing.T) {
	var buf bytes.Buffer
	if err := CSV(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"family_id", "rep_pub", "title", "score", "seed", "kept", "via", "in_config"},
		{"F1", "US1B2", "'=HYPERLINK(\"http://x\") <script>alert(1)</script>", "0.9000", "false", "true", "code;keyword", "false"},
		{"F2", "US2B2", "Drone", "0.8000", "true", "true", "", "true"},
	}
	if !reflect.DeepEqual(recs, want) {
		t.Errorf("got %q", recs)
	}
}

// TestPages: both languages render, patent text is escaped in HTML, no phrase key is missing,
// the undefined interval shows as n/a, and JSON has null for it.
func TestPages(t *testing.T) {
	m := fixture()
	for _, lang := range []string{"zh", "en"} {
		var h, md bytes.Buffer
		if err := HTML(&h, m, lang); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&md, m, lang); err != nil {
			t.Fatal(err)
		}
		for name, s := range map[string]string{"html": h.String(), "md": md.String()} {
			if strings.Contains(s, "⟦") {
				t.Errorf("%s %s: missing phrase: %s", lang, name, s[strings.Index(s, "⟦"):][:60])
			}
			if strings.Contains(s, "<script>") {
				t.Errorf("%s %s: unescaped title", lang, name)
			}
		}
		na := map[string]string{"zh": "不可用", "en": "n/a"}[lang]
		if !strings.Contains(h.String(), na) {
			t.Errorf("%s: undefined interval not shown as %s", lang, na)
		}
		want := map[string]string{"zh": "0.818（95% 置信区间", "en": "0.818 (95% CI"}[lang]
		if !strings.Contains(h.String(), want) {
			t.Errorf("%s: precision 18/22 = 0.818 with its interval not shown", lang)
		}
	}
	var j bytes.Buffer
	if err := JSON(&j, m); err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(j.Bytes(), &back); err != nil {
		t.Fatal(err)
	}
	acc := back["result"].(map[string]any)["config"].(map[string]any)["accepted"].(map[string]any)
	if acc["value"] != nil || acc["n"].(float64) != 0 {
		t.Errorf("undefined interval in JSON: %v", acc)
	}
}
