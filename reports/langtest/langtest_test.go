package langtest

import (
	"reflect"
	"testing"
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
