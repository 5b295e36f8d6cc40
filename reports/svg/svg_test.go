package svg

import (
	"encoding/xml"
	"errors"
	"html/template"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

const nasty = `A<b>&"c'd <script>alert(1)</script> 无人机公司`

func f(v float64) *float64 { return &v }

// charts returns every chart builder applied to data (with nasty labels and non-finite values
// sprinkled in) and to empty data.
func charts(o Options) map[string][2]template.HTML {
	years := []YearValue{{2000, 10, false}, {2001, math.NaN(), false}, {2002, 30, false}, {2003, math.Inf(1), true}, {2004, 5, true}}
	items := []Item{{nasty, 12, nasty}, {"大疆创新科技有限公司 SZ DJI Technology", 7, ""}, {"b", math.NaN(), ""}, {"c", -1, ""}}
	return map[string][2]template.HTML{
		"yearbars":  {YearBars(o, years), YearBars(o, nil)},
		"hbars":     {HBars(o, items), HBars(o, nil)},
		"stacked":   {StackedShare(o, items), StackedShare(o, nil)},
		"lines":     {Lines(o, []int{2000, 2001, 2002}, []bool{false, false, true}, []Series{{nasty, []float64{1, math.NaN(), 3}}, {"b", []float64{math.Inf(-1), 2, 2}}}), Lines(o, nil, nil, nil)},
		"phase":     {Phase(o, []PhasePoint{{2000, 1, 1, false}, {2001, math.NaN(), 2, false}, {2002, 30, 12, true}}), Phase(o, nil)},
		"heatmap":   {Heatmap(o, []string{nasty, "b"}, []string{"2000", nasty}, [][]float64{{1, math.NaN()}, {math.Inf(1), 12345}}, []bool{false, true}), Heatmap(o, nil, nil, nil, nil)},
		"diverging": {Diverging(o, []string{nasty, "b"}, []string{"x", nasty}, [][]*float64{{f(1.5), nil}, {f(math.NaN()), f(0.2)}}), Diverging(o, nil, nil, nil)},
		"sparkline": {Sparkline(o, years), Sparkline(o, nil)},
	}
}

func wellFormed(t *testing.T, name string, s string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("%s: not well-formed XML: %v\n%s", name, err, s)
		}
		switch tok.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	if depth != 0 {
		t.Fatalf("%s: unbalanced elements", name)
	}
}

func TestChartsWellFormedAndEscaped(t *testing.T) {
	o := Options{Title: "T " + nasty, NoData: "no data <here>"}
	for name, pair := range charts(o) {
		for k, out := range pair {
			s := string(out)
			wellFormed(t, name, s)
			if !strings.HasPrefix(s, "<svg ") || !strings.Contains(s, `viewBox="0 0 `) {
				t.Errorf("%s: no svg root with a viewBox", name)
			}
			if !strings.Contains(s, "<title>") {
				t.Errorf("%s: no <title>", name)
			}
			for _, bad := range []string{"<script", "<b>", "NaN", "Inf", "http://", "https://"} {
				if strings.Contains(s, bad) {
					t.Errorf("%s[%d]: output contains %q", name, k, bad)
				}
			}
			if k == 1 && !strings.Contains(s, "no data &lt;here&gt;") {
				t.Errorf("%s: empty data does not render the no-data placeholder:\n%s", name, s)
			}
			if k == 0 && strings.Contains(s, "no data") {
				t.Errorf("%s: data rendered as no data", name)
			}
			if k == 0 && name != "sparkline" && !strings.Contains(s, "&lt;script&gt;") {
				t.Errorf("%s: escaped label missing", name)
			}
			// Fonts at least 10px.
			for _, m := range regexp.MustCompile(`font-size="([0-9.]+)"`).FindAllStringSubmatch(s, -1) {
				if v, err := strconv.ParseFloat(m[1], 64); err != nil || v < 10 {
					t.Errorf("%s: font-size %s below 10", name, m[1])
				}
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, b := charts(Options{Title: "x"}), charts(Options{Title: "x"})
	for name := range a {
		if a[name] != b[name] {
			t.Errorf("%s: output differs between runs", name)
		}
	}
}

func TestIncompleteMarked(t *testing.T) {
	o := Options{Title: "t", Incomplete: "不完整"}
	pts := []YearValue{{2020, 5, false}, {2021, 6, true}}
	for name, s := range map[string]template.HTML{
		"bars":  YearBars(o, pts),
		"spark": Sparkline(o, pts),
		"lines": Lines(o, []int{2020, 2021}, []bool{false, true}, []Series{{"s", []float64{5, 6}}}),
		"phase": Phase(o, []PhasePoint{{2020, 5, 2, false}, {2021, 6, 3, true}}),
		"heat":  Heatmap(o, []string{"2020", "2021"}, []string{"r"}, [][]float64{{5}, {6}}, []bool{false, true}),
	} {
		if !regexp.MustCompile(`<title>[^<]*2021[^<]*\(不完整\)</title>`).MatchString(string(s)) {
			t.Errorf("%s: the incomplete year is not marked:\n%s", name, s)
		}
	}
	if !strings.Contains(string(YearBars(o, pts)), "url(#") {
		t.Error("incomplete bars are not hatched")
	}
}

func TestTextWidthCJK(t *testing.T) {
	if TextWidth("无人机", 10) != 30 {
		t.Errorf("CJK runes must count one em each: %v", TextWidth("无人机", 10))
	}
	if TextWidth("abc", 10) >= 20 {
		t.Errorf("Latin runes must be narrower than CJK: %v", TextWidth("abc", 10))
	}
	long := strings.Repeat("深圳市大疆创新科技有限公司", 4)
	got := Fit(long, 12, 200)
	if TextWidth(got, 12) > 200 || !strings.HasSuffix(got, "…") {
		t.Errorf("Fit: %q", got)
	}
	// A CJK label in HBars must not be clipped: the label column is wide enough.
	s := string(HBars(Options{}, []Item{{"深圳市大疆创新科技有限公司", 3, ""}}))
	if !strings.Contains(s, ">深圳市大疆创新科技有限公司</text>") {
		t.Errorf("short CJK label was shortened:\n%s", s)
	}
}

func TestNumber(t *testing.T) {
	for _, c := range []struct {
		v    float64
		p    int
		want string
	}{{1234567.891, 1, "1,234,567.9"}, {-1234, 0, "-1,234"}, {0.5, 0, "0"}, {-0.04, 1, "0"}, {12.30, 2, "12.3"}, {math.NaN(), 1, ""}} {
		if got := Number(c.v, c.p); got != c.want {
			t.Errorf("Number(%v, %d) = %q, want %q", c.v, c.p, got, c.want)
		}
	}
}

func TestEscControl(t *testing.T) {
	s := string(HBars(Options{Title: "a\x00b\x1b"}, []Item{{"x\xffy", 1, ""}}))
	wellFormed(t, "control", s)
}

func TestStandalone(t *testing.T) {
	s := string(Standalone(YearBars(Options{Title: "x"}, []YearValue{{2000, 1, false}})))
	if !strings.Contains(s, `<svg xmlns="http://www.w3.org/2000/svg" class="chart"`) {
		t.Errorf("no namespace: %s", s[:120])
	}
	wellFormed(t, "standalone", s)
}
