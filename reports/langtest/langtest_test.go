package langtest

import (
	"reflect"
	"testing"

	"github.com/patnav/patnav/internal/config"
)

func TestWrong(t *testing.T) {
	type item struct {
		Name string
		Why  string
	}
	m := struct{ Items []item }{[]item{{Name: "Parrot Drones SAS", Why: "growing fast in every branch"}, {Name: "李明"}}}
	names := Names(m)
	if !reflect.DeepEqual(names, []string{"Parrot Drones SAS", "李明"}) {
		t.Fatalf("names: %v", names)
	}
	zh := "## 申请人\n- Parrot Drones SAS：growing fast in every branch\n- 李明 \\<b\\> `trend.cagr` CR4 HHI 同族\n"
	if got := Wrong("zh", zh, names); !reflect.DeepEqual(got, []string{"growing fast in every branch"}) {
		t.Errorf("zh: %q", got)
	}
	// Names are removed as whole words only: "Parrot" inside "Parrots are" is not a name.
	if got := Wrong("zh", "Parrot Drones SASX is here", names); len(got) != 1 {
		t.Errorf("partial name stripped: %q", got)
	}
	en := "- 李明 filed 3 families; 申请人 names\n- Parrot Drones SAS leads\n"
	if got := Wrong("en", en, names); !reflect.DeepEqual(got, []string{"申请人"}) {
		t.Errorf("en: %q", got)
	}
}

// TestWrongHTML: an HTML page's style sheet and scripts are not prose, and the names it shows
// HTML-escaped are still names.
func TestWrongHTML(t *testing.T) {
	names := []string{"O'Brien & Sons Ltd"}
	page := "<html><head><style>\nbody { font-family: Noto Sans CJK SC; }\n</style><script>let a = b and c;</script></head>\n" +
		"<body><p>申请人 O&#39;Brien &amp; Sons Ltd 同族</p>\n<p>too few families here</p></body></html>"
	if got := Wrong("zh", page, names); !reflect.DeepEqual(got, []string{"too few families here"}) {
		t.Errorf("zh: %q", got)
	}
}

// TestNamesIn: of a name in both languages only the page's half is a name, so the other half
// on the page is wrong-language prose.
func TestNamesIn(t *testing.T) {
	m := struct {
		Branch config.Text
		Holder string
	}{config.Text{Zh: "机身结构", En: "Airframe structure design"}, "李明"}
	if got := NamesIn(m, "en"); !reflect.DeepEqual(got, []string{"Airframe structure design", "李明"}) {
		t.Fatalf("en names: %v", got)
	}
	if got := Wrong("en", "Airframe structure design by 李明; 机身结构", NamesIn(m, "en")); !reflect.DeepEqual(got, []string{"机身结构"}) {
		t.Errorf("zh branch name on the en page: %q", got)
	}
	if got := Wrong("zh", "机身结构 Airframe structure design", NamesIn(m, "zh")); !reflect.DeepEqual(got, []string{"Airframe structure design"}) {
		t.Errorf("en branch name on the zh page: %q", got)
	}
}
