package reports

import (
	"testing"

	"github.com/patnav/patnav/landscape"
)

// An owner change says, in each language, which country each owner has and on what basis.
func TestOwnerPlace(t *testing.T) {
	c := landscape.PatentChange{Field: "current_owner", FromCountry: "CN", FromBasis: landscape.OwnerBasisAddress,
		ToCountry: "XX", ToBasis: landscape.OwnerBasisName}
	for lang, want := range map[string]string{
		"en": "owner's country: CN (from the address in the export) → foreign (country unknown) (guessed from the name's script)",
		"zh": "权利人国别：CN（据导出数据中的地址）→ 境外（国别不明）（据名称文字推断）",
	} {
		if got := (Locale{Lang: lang}).OwnerPlace(c); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	c = landscape.PatentChange{Field: "current_owner", ToCountry: "JP", ToBasis: landscape.OwnerBasisCountry}
	if got, want := (Locale{Lang: "en"}).OwnerPlace(c), "owner's country: unknown (—) → JP (country stated in the export)"; got != want {
		t.Errorf("%q, want %q", got, want)
	}
	if got := (Locale{Lang: "en"}).OwnerPlace(landscape.PatentChange{Field: "legal_status"}); got != "" {
		t.Errorf("a status change worded an owner place: %q", got)
	}
}
