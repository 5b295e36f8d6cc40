package reports

import (
	"regexp"
	"strings"
	"testing"

	"github.com/patnav/patnav/landscape"
)

// englishRun matches three or more consecutive English words: prose, not a name or a code
// (codes such as trend.cagr or CR4 are single tokens).
var englishRun = regexp.MustCompile(`[A-Za-z]{2,}[,;:]?(?:\s+[A-Za-z]{2,}[,;:.]?){2,}`)

// hanRun matches Chinese prose: two or more Han characters in a row.
var hanRun = regexp.MustCompile(`\p{Han}{2,}`)

// TestNoMixedLanguageInUnavailable: every typed reason, rule and cut-off source, rendered on a
// zh page, has no English sentence, and on an en page no Chinese prose. The fixture lists one
// entry per reason code (details are names or codes, as the models give them) and the rules.
func TestNoMixedLanguageInUnavailable(t *testing.T) {
	m := FixtureMacro()
	m.Unavailable = nil
	for _, c := range landscape.Codes {
		m.Unavailable = append(m.Unavailable, landscape.Unavailable{Analysis: "trend.cagr", Section: "trend", Code: c,
			Rule: landscape.MinFitYears.Code, N: 4, Min: 8, Detail: "ACME"})
	}
	m.Quality.Missing = nil
	for _, lang := range []string{"zh", "en"} {
		md := mustRender(t, renderMD, m, lang)
		_, tail, ok := strings.Cut(md, "\n## "+map[string]string{"zh": "无法完成的分析", "en": "Analyses not available"}[lang])
		if !ok {
			t.Fatalf("%s: no closing list", lang)
		}
		var lines []string
		for _, line := range strings.Split(tail, "\n") {
			if strings.HasPrefix(line, "- ") {
				lines = append(lines, line)
			}
		}
		if len(lines) != len(landscape.Codes) {
			t.Errorf("%s: %d entries listed, want %d", lang, len(lines), len(landscape.Codes))
		}
		// The minimum-data rules of the method section.
		_, rules, _ := strings.Cut(md, map[string]string{"zh": "### 最低数据要求", "en": "### Minimum data"}[lang])
		rules, _, _ = strings.Cut(rules, "\n### ")
		for _, line := range strings.Split(rules, "\n") {
			if strings.HasPrefix(line, "- ") {
				lines = append(lines, line)
			}
		}
		for _, line := range lines {
			text := strings.NewReplacer("ACME", "", "CAGR", "", "HHI", "", "CR4", "", "CR8", "", "国省代码", "", "CNIPA", "").Replace(line)
			if lang == "zh" && englishRun.MatchString(text) {
				t.Errorf("zh page has English prose: %q", line)
			}
			if lang == "en" && hanRun.MatchString(text) {
				t.Errorf("en page has Chinese prose: %q", line)
			}
		}
	}
}
