package reports

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/schematest"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files under testdata/")
	outDir = flag.String("out", "", "also write the fixture's reports into this folder (for a browser)")
)

type renderFn func(m *landscape.Macro, lang string) (string, error)

func renderHTML(m *landscape.Macro, lang string) (string, error) {
	var b bytes.Buffer
	err := MacroHTML(&b, m, lang)
	return b.String(), err
}

func renderMD(m *landscape.Macro, lang string) (string, error) {
	var b bytes.Buffer
	err := MacroMarkdown(&b, m, lang)
	return b.String(), err
}

var formats = map[string]renderFn{"html": renderHTML, "md": renderMD}

func mustRender(t *testing.T, f renderFn, m *landscape.Macro, lang string) string {
	t.Helper()
	s, err := f(m, lang)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if *outDir != "" {
		if err := os.MkdirAll(*outDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(*outDir, name), got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./reports -update)", err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("%s differs from the golden file at line %d:\ngot:  %.300s\nwant: %.300s\n(run go test ./reports -update if the change is intended)", name, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("%s differs from the golden file in length (%d vs %d lines)", name, len(gl), len(wl))
	}
}

func TestGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for ext, f := range formats {
			golden(t, "macro_"+lang+"."+ext, []byte(mustRender(t, f, FixtureMacro(), lang)))
		}
	}
	var b bytes.Buffer
	if err := MacroJSON(&b, FixtureMacro()); err != nil {
		t.Fatal(err)
	}
	golden(t, "macro.json", b.Bytes())
	s, err := Schema(landscape.Macro{})
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "macro.schema.json", s)
}

func TestDeterministic(t *testing.T) {
	for ext, f := range formats {
		a, b := mustRender(t, f, FixtureMacro(), "zh"), mustRender(t, f, FixtureMacro(), "zh")
		if a != b {
			t.Errorf("%s: two renders differ", ext)
		}
	}
}

func TestUnknownLanguage(t *testing.T) {
	if err := MacroHTML(&bytes.Buffer{}, FixtureMacro(), "fr"); err == nil {
		t.Error("MacroHTML accepted language fr")
	}
	if err := MacroMarkdown(&bytes.Buffer{}, FixtureMacro(), ""); err == nil {
		t.Error("MacroMarkdown accepted an empty language")
	}
}

var badTokens = regexp.MustCompile(`NaN|\bInf\b|<nil>|%!|⟦|\{[a-z_]+\}|\bmap\[|0x[0-9a-f]{6,}`)

func TestNoBadTokens(t *testing.T) {
	for _, m := range []*landscape.Macro{FixtureMacro(), {}} {
		for _, lang := range []string{"zh", "en"} {
			for ext, f := range formats {
				s := mustRender(t, f, m, lang)
				if loc := badTokens.FindStringIndex(s); loc != nil {
					lo := max(0, loc[0]-80)
					t.Errorf("%s/%s: bad token %q in …%s…", lang, ext, s[loc[0]:loc[1]], s[lo:min(len(s), loc[1]+80)])
				}
			}
		}
	}
}

func TestEmptyModel(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		s := mustRender(t, renderHTML, &landscape.Macro{}, lang)
		nodata := map[string]string{"zh": "无数据", "en": "no data"}[lang]
		if strings.Count(s, nodata) < 5 {
			t.Errorf("%s: empty model should show no-data placeholders", lang)
		}
		if strings.Contains(s, ">0%<") {
			t.Errorf("%s: an empty model rendered a zero share", lang)
		}
	}
	if _, err := renderHTML(nil, "en"); err != nil {
		t.Errorf("nil model: %v", err)
	}
}

func TestPatentTextEscaped(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := mustRender(t, renderHTML, FixtureMacro(), lang)
		for _, bad := range []string{"<script", "<b>", "<visual>", "<vision>", "<clustering"} {
			if strings.Contains(h, bad) {
				t.Errorf("%s html: unescaped %q", lang, bad)
			}
		}
		if !strings.Contains(h, "&lt;script&gt;alert(1)&lt;/script&gt;") || !strings.Contains(h, "=HYPERLINK(&#34;x&#34;)") {
			t.Errorf("%s html: the escaped applicant name is missing", lang)
		}
		md := mustRender(t, renderMD, FixtureMacro(), lang)
		for _, bad := range []string{"<script", "<b>", "<visual>"} {
			if regexp.MustCompile(`(^|[^\\])` + bad).MatchString(md) {
				t.Errorf("%s md: unescaped %q", lang, bad)
			}
		}
		for _, want := range []string{`\<script\>alert(1)\</script\>`, `obstacle \| avoidance \* system`, `喷洒\_系统`, "\\`station\\`", `\[核心\]`} {
			if !strings.Contains(md, want) {
				t.Errorf("%s md: %q not found", lang, want)
			}
		}
	}
}

func TestMarkdownEscape(t *testing.T) {
	got := MarkdownEscape("a|b*c_d`e<f>g[h]i\\j#k\nl")
	want := `a\|b\*c\_d` + "\\`" + `e\<f\>g\[h\]i\\j\#k l`
	if got != want {
		t.Errorf("MarkdownEscape = %q, want %q", got, want)
	}
}

func TestNoURLsNoScripts(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := mustRender(t, renderHTML, FixtureMacro(), lang)
		for _, bad := range []string{"http://", "https://", "<script", "src=", "@import", "<link", "<iframe", "<img"} {
			if strings.Contains(h, bad) {
				t.Errorf("%s: the HTML contains %q", lang, bad)
			}
		}
		for i := strings.Index(h, "url("); i >= 0; i = indexFrom(h, "url(", i+1) {
			if !strings.HasPrefix(h[i:], "url(#") {
				t.Errorf("%s: external url(): %.40s", lang, h[i:])
			}
		}
	}
}

func indexFrom(s, sub string, from int) int {
	i := strings.Index(s[from:], sub)
	if i < 0 {
		return -1
	}
	return from + i
}

func TestIncompleteYearsMarked(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for ext, f := range formats {
			s := mustRender(t, f, FixtureMacro(), lang)
			for _, y := range []string{"2024" + IncompleteMark, "2025" + IncompleteMark} {
				if strings.Count(s, y) < 4 {
					t.Errorf("%s/%s: %s is marked only %d times", lang, ext, y, strings.Count(s, y))
				}
			}
			if strings.Contains(s, "2023"+IncompleteMark) {
				t.Errorf("%s/%s: complete year 2023 marked incomplete", lang, ext)
			}
		}
		h := mustRender(t, renderHTML, FixtureMacro(), lang)
		if !strings.Contains(h, `<tr class="incomplete">`) || !strings.Contains(h, `fill="url(#`) {
			t.Errorf("%s: incomplete rows or hatched bars missing", lang)
		}
		inc := map[string]string{"zh": "不完整", "en": "incomplete"}[lang]
		if !strings.Contains(h, "2024: ") || !strings.Contains(h, "("+inc+")") {
			t.Errorf("%s: chart hover text does not mark incomplete years", lang)
		}
	}
}

// pointerPaths lists every non-nil pointer reachable in v as a setter that nils it.
func pointerPaths(v reflect.Value, path string, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			*out = append(*out, path)
			pointerPaths(v.Elem(), path, out)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			pointerPaths(v.Field(i), path+"."+v.Type().Field(i).Name, out)
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			pointerPaths(v.Index(i), path+"["+itoa(i)+"]", out)
		}
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

// resolve walks path ("".Field[3].Field) from v.
func resolve(v reflect.Value, path string) reflect.Value {
	re := regexp.MustCompile(`\.(\w+)|\[(\d+)\]`)
	for _, m := range re.FindAllStringSubmatch(path, -1) {
		for v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if m[1] != "" {
			v = v.FieldByName(m[1])
		} else {
			n := 0
			for _, c := range m[2] {
				n = n*10 + int(c-'0')
			}
			v = v.Index(n)
		}
	}
	return v
}

func TestNilPointersRenderNA(t *testing.T) {
	var paths []string
	pointerPaths(reflect.ValueOf(FixtureMacro()).Elem(), "", &paths)
	if len(paths) < 50 {
		t.Fatalf("only %d pointers found in the fixture", len(paths))
	}
	na := map[string]string{"zh": "不可用", "en": "n/a"}
	for _, lang := range []string{"zh", "en"} {
		for ext, f := range formats {
			base := strings.Count(mustRender(t, f, FixtureMacro(), lang), na[lang])
			for _, p := range paths {
				m := FixtureMacro()
				v := resolve(reflect.ValueOf(m), p)
				v.Set(reflect.Zero(v.Type()))
				got := strings.Count(mustRender(t, f, m, lang), na[lang])
				if got <= base {
					t.Errorf("%s/%s: setting %s to nil does not render %q", lang, ext, p, na[lang])
				}
			}
		}
	}
	// The fixture's own nil pointers render too: e.g. the pendency.
	h := mustRender(t, renderHTML, FixtureMacro(), "en")
	if !strings.Contains(h, "<dt>Pendency (median)</dt><dd>n/a</dd>") {
		t.Error("nil pendency is not rendered as n/a")
	}
}

func TestUnavailableListed(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		h := mustRender(t, renderHTML, FixtureMacro(), lang)
		sections := map[string]string{}
		for _, part := range strings.Split(h, `<section id="`)[1:] {
			id, _, _ := strings.Cut(part, `"`)
			sections[id] = part
		}
		// Every entry is typed and worded by the catalogue (name and reason in the page's
		// language), listed in its section and again at the end.
		ops, gen := map[string]string{"zh": "专利运营", "en": "Patent operations"}[lang], map[string]string{"zh": "通用性与原创性", "en": "Generality and originality"}[lang]
		tmap := map[string]string{"zh": "技术地图", "en": "Technology map"}[lang]
		for id, want := range map[string]string{"s9-legal": ops, "s10-quality": gen} {
			if !strings.Contains(sections[id], "<strong>"+want+"</strong>") {
				t.Errorf("%s: %s not listed in section %s", lang, want, id)
			}
		}
		for _, want := range []string{ops, gen, tmap} {
			if !strings.Contains(sections["unavailable"], "<strong>"+want+"</strong>") {
				t.Errorf("%s: %s missing from the closing list", lang, want)
			}
		}
		md := mustRender(t, renderMD, FixtureMacro(), lang)
		if strings.Count(md, "**"+ops+"**") != 2 {
			t.Errorf("%s md: legal.operations should be listed in section 9 and at the end", lang)
		}
	}
	for in, want := range map[string]string{"life_cycle.fit": "life_cycle", "region_rta": "technology", "regional.by_year": "regional", "pct share": "geography", "applicants/newcomers": "applicants", "xyz": ""} {
		if got := unavailableSection(in); got != want {
			t.Errorf("unavailableSection(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSectionsAndBasis(t *testing.T) {
	h := mustRender(t, renderHTML, FixtureMacro(), "en")
	for _, id := range []string{"s1-scope", "s2-trend", "s3-life-cycle", "s4-geography", "s5-technology", "s6-applicants", "s7-key-players", "s8-inventors", "s9-legal", "s10-quality", "s13-regional", "s14-recommendations", "s15-limitations"} {
		if !strings.Contains(h, `<section id="`+id+`"`) || !strings.Contains(h, `href="#`+id+`"`) {
			t.Errorf("section %s or its TOC entry missing", id)
		}
	}
	if n := strings.Count(h, `<p class="basis">Basis: `); n < 11 {
		t.Errorf("only %d sections show their basis", n)
	}
	for _, want := range []string{"Unmanned aerial vehicles (drones)", "Shenzhen (CN)", "2025-09-30", "CAGR", "Logistic fit", "RTA", "HHI", "<style>", "@page", "position: sticky", "Data table"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	z := mustRender(t, renderHTML, FixtureMacro(), "zh")
	for _, want := range []string{"无人机产业专利导航报告", "技术生命周期", "计算依据：", "成熟期", "不可用"} {
		if !strings.Contains(z, want) {
			t.Errorf("zh HTML lacks %q", want)
		}
	}
}

func TestExtraSections(t *testing.T) {
	opt := RenderOptions{Extra: []ExtraSection{
		{Number: 12, Title: "Barriers <risk>", HTML: "<p>barriers body</p>", Markdown: "barriers body"},
		{Number: 11, Title: "White space", HTML: "<p>white body</p>", Markdown: "white body"},
	}}
	var b bytes.Buffer
	if err := MacroHTMLOptions(&b, FixtureMacro(), "en", opt); err != nil {
		t.Fatal(err)
	}
	h := b.String()
	i10, i11, i12, i13 := strings.Index(h, `<section id="s10-quality"`), strings.Index(h, `<section id="s11"`), strings.Index(h, `<section id="s12"`), strings.Index(h, `<section id="s13-regional"`)
	if !(i10 >= 0 && i10 < i11 && i11 < i12 && i12 < i13) {
		t.Errorf("extra sections out of order: %d %d %d %d", i10, i11, i12, i13)
	}
	if !strings.Contains(h, "12 Barriers &lt;risk&gt;") || !strings.Contains(h, "<p>white body</p>") {
		t.Error("extra section title or body missing")
	}
	b.Reset()
	if err := MacroMarkdownOptions(&b, FixtureMacro(), "en", opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "## 11 White space\n") || !strings.Contains(b.String(), "barriers body") {
		t.Error("extra sections missing from the Markdown")
	}
	// Without the extras the sections are still numbered 1 … 13 with no gap: the regional
	// section (checklist 13) is the 11th shown, the 12th with the map, the 13th with both extras.
	for _, c := range []struct {
		opt  RenderOptions
		want int
	}{{RenderOptions{}, 11}, {RenderOptions{Extra: opt.Extra[1:]}, 12}, {opt, 13}} {
		b.Reset()
		if err := MacroMarkdownOptions(&b, FixtureMacro(), "en", c.opt); err != nil {
			t.Fatal(err)
		}
		md := b.String()
		n := 0
		for _, line := range strings.Split(md, "\n") {
			if strings.HasPrefix(line, "## ") && line[3] >= '0' && line[3] <= '9' {
				n++
				if !strings.HasPrefix(line, fmt.Sprintf("## %d ", n)) {
					t.Errorf("%d extras: section %d headed %q", len(c.opt.Extra), n, line)
				}
			}
		}
		if !strings.Contains(md, fmt.Sprintf("## %d Regional positioning\n", c.want)) {
			t.Errorf("%d extras: regional positioning not numbered %d", len(c.opt.Extra), c.want)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	var a, b bytes.Buffer
	if err := MacroJSON(&a, FixtureMacro()); err != nil {
		t.Fatal(err)
	}
	if err := MacroJSON(&b, FixtureMacro()); err != nil {
		t.Fatal(err)
	}
	if a.String() != b.String() {
		t.Fatal("MacroJSON is not stable")
	}
	var back landscape.Macro
	dec := json.NewDecoder(bytes.NewReader(a.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, FixtureMacro()) {
		t.Error("the JSON does not round-trip into landscape.Macro")
	}
	if !strings.HasPrefix(a.String(), "{\n  \"meta\": {") {
		t.Errorf("not indented: %.40q", a.String())
	}
}

func TestSchema(t *testing.T) {
	raw, err := Schema(landscape.Macro{})
	if err != nil {
		t.Fatal(err)
	}
	var s map[string]any
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	if s["$schema"] != SchemaDraft || s["type"] != "object" {
		t.Fatalf("schema head: %v %v", s["$schema"], s["type"])
	}
	req := map[string]bool{}
	for _, r := range s["required"].([]any) {
		req[r.(string)] = true
	}
	for _, want := range []string{"meta", "scope", "trend", "life_cycle", "geography", "technology", "applicants", "inventors", "legal", "quality", "regional", "recommendations", "limitations", "unavailable"} {
		if !req[want] {
			t.Errorf("top-level property %q not required", want)
		}
		if _, ok := s["properties"].(map[string]any)[want]; !ok {
			t.Errorf("top-level property %q missing", want)
		}
	}
	if req["timings"] {
		t.Error("timings (omitempty) must not be required")
	}
	// The fixture validates against the schema; a broken document does not.
	var doc bytes.Buffer
	if err := MacroJSON(&doc, FixtureMacro()); err != nil {
		t.Fatal(err)
	}
	var inst any
	if err := json.Unmarshal(doc.Bytes(), &inst); err != nil {
		t.Fatal(err)
	}
	if errs := schematest.Validate(s, s, inst, "$"); len(errs) > 0 {
		t.Errorf("fixture does not validate: %v", errs[:min(5, len(errs))])
	}
	broken := inst.(map[string]any)
	delete(broken, "trend")
	broken["meta"].(map[string]any)["from"] = "2000"
	broken["life_cycle"].(map[string]any)["fit"] = nil // nullable: fine
	errs := schematest.Validate(s, s, broken, "$")
	if len(errs) != 2 {
		t.Errorf("broken document: want 2 errors (missing trend, string from), got %v", errs)
	}
	// Pointers nullable, arrays fixed length.
	ps, _ := Schema(struct {
		P *int   `json:"p"`
		A [2]int `json:"a,omitempty"`
	}{})
	if !strings.Contains(string(ps), `"null"`) || !strings.Contains(string(ps), `"maxItems": 2`) {
		t.Errorf("pointer/array schema: %s", ps)
	}
}

func TestPhrasesComplete(t *testing.T) {
	for k, p := range phrases {
		if p[0] == "" || p[1] == "" {
			t.Errorf("phrase %q lacks a language", k)
		}
	}
	for k, p := range terms {
		if p[0] == "" || p[1] == "" || k != strings.ToLower(k) {
			t.Errorf("term %q lacks a language or is not lower case", k)
		}
	}
}
