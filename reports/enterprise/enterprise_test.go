package enterprise

import (
	"bytes"
	"encoding/json"
	htmltemplate "html/template"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/svg"
)

// fixture loads testdata/acme.json: the navigation of "Acme" built from the hand-built lake of
// landscape/enterprise (regenerate with PATNAV_WRITE_FIXTURE=$PWD/reports/enterprise/testdata/acme.json
// go test -run TestAcme ./landscape/enterprise/).
func fixture(t *testing.T) *model.Enterprise {
	t.Helper()
	b, err := os.ReadFile("testdata/acme.json")
	if err != nil {
		t.Fatal(err)
	}
	var e model.Enterprise
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return &e
}

func render(t *testing.T, e *model.Enterprise, lang string, opt Options) (string, string) {
	t.Helper()
	var h, m bytes.Buffer
	if err := HTMLOptions(&h, e, lang, opt); err != nil {
		t.Fatal(err)
	}
	if err := MarkdownOptions(&m, e, lang, opt); err != nil {
		t.Fatal(err)
	}
	return h.String(), m.String()
}

// TestSections: every section, in both languages, with the fixture's numbers.
func TestSections(t *testing.T) {
	e := fixture(t)
	for _, lang := range []string{"zh", "en"} {
		h, m := render(t, e, lang, Options{})
		for _, doc := range []string{h, m} {
			if strings.Contains(doc, "⟦") {
				i := strings.Index(doc, "⟦")
				t.Errorf("%s: a phrase is missing: %s", lang, doc[i:min(len(doc), i+40)])
			}
		}
		for _, key := range []string{"sec.overview", "sec.portfolio", "sec.branches", "sec.markets", "sec.quality", "sec.people", "sec.expiry",
			"sec.benchmark", "sec.layout", "sec.watch", "sec.recommendations", "sec.limitations"} {
			title := reports.Text(lang, "enterprise."+key)
			if !strings.Contains(h, title) || !strings.Contains(m, title) {
				t.Errorf("%s: section %q missing", lang, title)
			}
		}
		// The match table shows the raw spellings with their publication counts, the gap table
		// the com branch with its score, the watch list Gamma's family, the recommendations
		// their kinds.
		want := []string{"Acme Drone Co., Ltd. (1)", "ACME DRONE CO LTD (8)", "2.963", "Test family g20air", "GAMMA ROBOTICS INC", "TSINGHUA UNIVERSITY"}
		if lang == "zh" {
			want = append(want, "阿克米企业专利导航报告", "通信", "进攻型布局", "防御型布局", "储备型布局", "合作对象", "许可对象", "近期同族占比由 75% 降至 57.1%", "已是合作申请人：建议深化合作", "可考虑交叉许可")
		} else {
			want = append(want, "Acme: enterprise patent navigation report", "Communication", "Offensive layout", "Defensive layout", "Reserve layout",
				"where its share of recent families fell from 75% to 57.1%", "already a co-applicant: deepen the collaboration", "consider cross-licensing")
		}
		for _, w := range want {
			if !strings.Contains(h, htmltemplate.HTMLEscapeString(w)) {
				t.Errorf("%s HTML lacks %q", lang, w)
			}
		}
		// Incomplete years are marked in the trend data.
		if !strings.Contains(h, "2024†") {
			t.Errorf("%s: incomplete year not marked", lang)
		}
		// Unavailable analyses appear in their section and at the end.
		// Typed entries are worded by the catalogue: the CAGR's name in the page's language.
		if !strings.Contains(h, "ACME UNKNOWN") || !strings.Contains(m, map[string]string{"zh": "年复合增长率", "en": "CAGR"}[lang]) {
			t.Errorf("%s: unavailable analyses not shown", lang)
		}
	}
}

// TestEscaping: patent text and names are untrusted.
func TestEscaping(t *testing.T) {
	e := fixture(t)
	evil := `<script>alert("x")</script> | *bold* [link](javascript:x) # h`
	e.Watch.Items[0].Title = evil
	e.Watch.Items[0].Holders = []string{evil}
	e.Quality.Top[0].Title = evil
	e.Match.Names[0].Raw[0].Key = evil
	e.Partners.CoApplicants[0].Display = evil
	for _, lang := range []string{"zh", "en"} {
		h, m := render(t, e, lang, Options{})
		if strings.Contains(h, "<script>") || !strings.Contains(h, "&lt;script&gt;") {
			t.Errorf("%s: HTML not escaped", lang)
		}
		if strings.Contains(m, "<script>") || strings.Contains(m, "[link](") || !strings.Contains(m, `\<script\>`) || !strings.Contains(m, `\|`) {
			t.Errorf("%s: Markdown not escaped", lang)
		}
	}
}

// TestMapOverlay: the caller's SVG fragment is embedded in the layout section (HTML), its caption
// in both formats.
func TestMapOverlay(t *testing.T) {
	e := fixture(t)
	mp := svg.HBars(svg.Options{Title: "map"}, []svg.Item{{Label: "cluster x", Value: 3}})
	h, m := render(t, e, "en", Options{Map: mp, MapCaption: "Acme's families on the landscape map"})
	if !strings.Contains(h, string(mp)) || !strings.Contains(h, "Landscape map (enterprise overlay)") {
		t.Error("map not embedded in HTML")
	}
	if !strings.Contains(m, "Acme's families on the landscape map") || strings.Contains(m, "<svg") {
		t.Error("Markdown should carry the caption, not the SVG")
	}
	h2, _ := render(t, e, "en", Options{})
	if strings.Contains(h2, "Landscape map (enterprise overlay)") {
		t.Error("no map given, yet a map section")
	}
}

// TestPublish writes the files atomically and the JSON round-trips.
func TestPublish(t *testing.T) {
	e := fixture(t)
	other := fixture(t)
	other.ID, other.Name.En, other.Name.Zh = "beta", "Beta", "贝塔"
	dir := filepath.Join(t.TempDir(), "enterprises")
	// The industry map: two families; acme holds the first, beta none.
	tm := &landscape.TechMap{Clusters: []landscape.MapCluster{{ID: 0, Label: "rotor", Size: 2}},
		Points: []landscape.MapPoint{{ID: "F1", X: 0.3, Y: 0.4, Title: "Rotor"}, {ID: "F2", X: 0.6, Y: 0.7, Title: "Frame"}}}
	e.MapOverlay = tm.Overlay([]string{"F1"})
	files, err := PublishWith(dir, []*model.Enterprise{e, other}, []string{"zh", "en"}, PublishOptions{Map: tm})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{SchemaFile, "acme.json", "acme_zh.html", "acme_zh.md", "acme_en.html", "acme_en.md", "beta.json", "beta_zh.html", "beta_zh.md", "beta_en.html", "beta_en.md"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files %v, want %v", files, want)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, en := range entries {
		names = append(names, en.Name())
	}
	sort.Strings(names)
	sorted := append([]string(nil), want...)
	sort.Strings(sorted)
	if !reflect.DeepEqual(names, sorted) {
		t.Errorf("folder holds %v (temporary files left?)", names)
	}
	b, err := os.ReadFile(filepath.Join(dir, "acme.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back model.Enterprise
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	e.MapOverlay = nil // drawing data, not part of the JSON model
	if !reflect.DeepEqual(&back, e) {
		t.Error("acme.json does not round-trip")
	}
	h, _ := os.ReadFile(filepath.Join(dir, "acme_en.html"))
	hb, _ := os.ReadFile(filepath.Join(dir, "beta_en.html"))
	if !bytes.Contains(h, []byte(`class="landscape-map"`)) || !bytes.Contains(hb, []byte(`class="landscape-map"`)) {
		t.Error("each enterprise report draws the industry map")
	}
	if !bytes.Contains(h, []byte(`class="overlay"`)) || bytes.Contains(hb, []byte(`class="overlay"`)) {
		t.Error("the map overlay belongs to acme only")
	}
	var schema map[string]any
	sb, _ := os.ReadFile(filepath.Join(dir, SchemaFile))
	if err := json.Unmarshal(sb, &schema); err != nil || !strings.Contains(string(sb), `"watch_list"`) {
		t.Errorf("schema: %v", err)
	}
	// A bad language fails before anything is written; a bad id is refused.
	if _, err := Publish(t.TempDir(), []*model.Enterprise{e}, []string{"fr"}); err == nil {
		t.Error("language fr accepted")
	}
	bad := fixture(t)
	bad.ID = "../x"
	if _, err := Publish(t.TempDir(), []*model.Enterprise{bad}, []string{"en"}); err == nil {
		t.Error("unsafe id accepted")
	}
}

// TestEmptyModel: a model with nothing in it still renders (every list empty, every number n/a).
func TestEmptyModel(t *testing.T) {
	e := &model.Enterprise{ID: "x"}
	for _, lang := range []string{"zh", "en"} {
		h, m := render(t, e, lang, Options{})
		if strings.Contains(h, "⟦") || strings.Contains(m, "⟦") || !strings.Contains(h, "</html>") {
			t.Errorf("%s: empty model does not render cleanly", lang)
		}
	}
	var buf bytes.Buffer
	if err := HTML(&buf, nil, "en"); err != nil {
		t.Errorf("nil model: %v", err)
	}
	if err := Markdown(&buf, e, "de"); err == nil {
		t.Error("language de accepted")
	}
}

// TestDeterministic: the same model renders to the same bytes.
func TestDeterministic(t *testing.T) {
	e := fixture(t)
	a1, b1 := render(t, e, "zh", Options{})
	a2, b2 := render(t, e, "zh", Options{})
	if a1 != a2 || b1 != b2 {
		t.Error("rendering is not deterministic")
	}
}
