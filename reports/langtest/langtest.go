// Package langtest finds prose of the wrong language on a rendered report page, for the report
// packages' tests: English sentences on a zh page, Chinese prose on an en page. Names, codes,
// keywords and patent titles come from the model (Names collects them) and are removed first.
package langtest

import (
	"html"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
)

// englishRun matches three or more consecutive Latin-letter words: prose, not a name or a code
// (codes such as trend.cagr or CR4 are single tokens).
var englishRun = regexp.MustCompile(`[A-Za-z]{2,}[,;:]?(?:[ \t]+[A-Za-z]{2,}[,;:.]?){2,}`)

// hanRun matches Chinese prose: two or more Han characters in a row.
var hanRun = regexp.MustCompile(`\p{Han}{2,}`)

// markup is removed before the check: HTML tags, entities, URLs-like paths and code spans.
var markup = regexp.MustCompile("<[^>]*>|&[a-z#0-9]+;|`[^`]*`|\\([^)\\s]*\\.(?:svg|html|md|json|csv|xlsx)\\)")

// invisible is removed from a page before the check: the style sheet and scripts of an HTML page
// (the visible text of its SVG charts stays).
var invisible = regexp.MustCompile(`(?is)<style[^>]*>.*?</style>|<script[^>]*>.*?</script>`)

// nameField matches the struct fields whose strings are names, codes, keywords or titles (a
// recommendation's Target is an applicant, an inventor, a publication number or a branch): they
// are shown as the data gives them, in whatever language that is. Prose fields (Why, Reason,
// Note, Text …) are deliberately not matched, and neither are the fields that hold codes (Rule,
// Detail, Analysis, Section, Kind, Status, Event): a code is worded by the catalogue, so prose
// that reached one of them, or a code shown unworded, is found.
var nameField = regexp.MustCompile(`(?i)name|display|member|title|keyword|key$|keys$|configured|applicant|inventor|alias|variant|spelling|^ids?$|ids$|code|term|label|holder|owner|assignee|compan|competitor|rival|publication|pubnumber|family|cpc|ipc|countr|region|province|city|jurisdiction|office|branch|parent|source|entity|query|queries|scope|industry|target`)

// Names returns every string held in a name-like field of v (see nameFields) at any depth,
// longest first, so that a page can be stripped of them before the check.
func Names(v any) []string { return names(v, "") }

// NamesIn is Names for the lang page: of a name given in both languages (config.Text) it keeps
// only the one the page shows (Text.In(lang)), so that a branch's Chinese name on the en page,
// or its English name on the zh page, is still found as wrong-language prose.
func NamesIn(v any, lang string) []string { return names(v, lang) }

var textType = reflect.TypeOf(config.Text{})

func names(v any, lang string) []string {
	seen := map[string]bool{}
	var walk func(r reflect.Value, named bool)
	walk = func(r reflect.Value, named bool) {
		switch r.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !r.IsNil() {
				walk(r.Elem(), named)
			}
		case reflect.Struct:
			if lang != "" && r.Type() == textType {
				if s := r.Interface().(config.Text).In(lang); s != "" {
					seen[s] = true
				}
				return
			}
			for i := 0; i < r.NumField(); i++ {
				if r.Type().Field(i).IsExported() {
					walk(r.Field(i), nameField.MatchString(r.Type().Field(i).Name))
				}
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < r.Len(); i++ {
				walk(r.Index(i), named)
			}
		case reflect.Map:
			for _, k := range r.MapKeys() {
				if k.Kind() == reflect.String {
					seen[k.String()] = true
				}
				walk(r.MapIndex(k), named)
			}
		case reflect.String:
			if named && r.String() != "" {
				seen[r.String()] = true
			}
		}
	}
	walk(reflect.ValueOf(v), false)
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
}

// Wrong returns the runs of wrong-language prose on page (lang "zh" or "en"; Markdown or HTML),
// each once, after removing style sheets and scripts, markup and the given names (whole words
// only, longest first). Each entry is the run itself, so that a test can compare it against an
// allow-list.
func Wrong(lang, page string, names []string) []string {
	alts := make([]string, 0, len(names))
	var all []string
	for _, n := range names {
		all = append(all, n)
		if e := html.EscapeString(n); e != n { // as an HTML page shows it
			all = append(all, e)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return len(all[i]) > len(all[j]) })
	for _, n := range all {
		if len([]rune(n)) < 2 {
			continue
		}
		p := regexp.QuoteMeta(n)
		if isWord(n[0]) {
			p = `\b` + p
		}
		if isWord(n[len(n)-1]) {
			p += `\b`
		}
		alts = append(alts, p)
	}
	var strip *regexp.Regexp
	if len(alts) > 0 {
		strip = regexp.MustCompile(strings.Join(alts, "|"))
	}
	re := englishRun
	if lang == "en" {
		re = hanRun
	}
	var out []string
	seen := map[string]bool{}
	page = invisible.ReplaceAllString(page, " ")
	for _, line := range strings.Split(page, "\n") {
		line = strings.ReplaceAll(line, "\\", "") // Markdown escapes
		if strip != nil {
			line = strip.ReplaceAllString(line, " | ")
		}
		line = markup.ReplaceAllString(line, " ")
		for _, run := range re.FindAllString(line, -1) {
			run = strings.TrimRight(run, ",;:.")
			if !seen[run] {
				seen[run] = true
				out = append(out, run)
			}
		}
	}
	return out
}

func isWord(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

// Known is an allow-list entry: a run of wrong-language prose that is known to come from a model
// not yet converted to typed codes: the page's language and the run as Wrong returns it.
type Known [2]string

// Check fails t for every run of wrong-language prose on the lang page that is not in known,
// and for every known entry of this language that no longer occurs (so the list shrinks as
// models are converted). page names the page in messages.
func Check(t testing.TB, page, lang, text string, names []string, known map[Known]string) {
	t.Helper()
	found := map[string]bool{}
	for _, run := range Wrong(lang, text, names) {
		found[run] = true
		if _, ok := known[Known{lang, run}]; !ok {
			t.Errorf("%s %s page has wrong-language prose: %q", page, lang, run)
		}
	}
	for k, what := range known {
		if k[0] == lang && !found[k[1]] {
			t.Errorf("%s %s page: allow-list entry %q (%s) no longer occurs; remove it", page, lang, k[1], what)
		}
	}
}
