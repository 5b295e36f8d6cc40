package applicant

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"DJI Technology Co., Ltd.", "DJI TECHNOLOGY"},
		{"DJI TECHNOLOGY CO LTD", "DJI TECHNOLOGY"},
		{"SZ DJI TECHNOLOGY CO LTD", "SZ DJI TECHNOLOGY"},
		{"深圳市大疆创新科技有限公司", "深圳市大疆创新科技"},
		{"ＳＯＮＹ　ＣＯＲＰ", "SONY"},
		{"Sony Corporation", "SONY"},
		{"Parrot S.A.", "PARROT"},
		{"PARROT SA", "PARROT"},
		{"THALES SA", "THALES"},
		{"The Boeing Company", "BOEING"},
		{"BOEING CO", "BOEING"},
		{"Robert Bosch GmbH & Co. KG", "ROBERT BOSCH"},
		{"BOSCH GMBH ROBERT", "BOSCH GMBH ROBERT"}, // DWPI order: the legal form is not at the end
		{"Kabushiki Kaisha Toshiba", "TOSHIBA"},
		{"TOYOTA JIDOSHA KABUSHIKI KAISHA", "TOYOTA JIDOSHA"},
		{"株式会社日立製作所", "日立製作所"},
		{"日立製作所株式会社", "日立製作所"},
		{"海尔集团公司", "海尔集团"},
		{"海尔集团有限公司", "海尔集团"},
		{"青岛海尔股份有限公司", "青岛海尔"},
		{"国网山东省电力公司泰安供电公司", "国网山东省电力公司泰安供电"},
		{"中国石油化工集团总公司", "中国石油化工集团"},
		{"北京百度网讯科技有限责任公司", "北京百度网讯科技"},
		{"某某投资管理合伙企业（有限合伙）", "某某投资管理合伙企业"},
		{"XX有限公司北京分公司", "XX有限公司北京分公司"},
		{"深圳市 大疆（DJI）", "深圳市大疆 DJI"},
		{"AT&T IP I LP", "AT & T IP I"},
		{"AT & T IP I LP", "AT & T IP I"},
		{"L'Oréal", "LOREAL"},
		{"Société Générale S.A.", "SOCIETE GENERALE"},
		{"Straße GmbH", "STRASSE"},
		{"Koninklijke Philips N.V.", "KONINKLIJKE PHILIPS"},
		{"U.S. Philips Corp.", "US PHILIPS"},
		{"Vestas Wind Systems A/S", "VESTAS WIND SYSTEMS"},
		{"ERICSSON TELEFON AB L M (PUBL)", "ERICSSON TELEFON AB L M"},
		{"Telefonaktiebolaget LM Ericsson (publ)", "TELEFONAKTIEBOLAGET LM ERICSSON"},
		{"Nokia Oyj", "NOKIA"},
		{"SAMSUNG ELECTRONICS CO., LTD.", "SAMSUNG ELECTRONICS"},
		{"Samsung Electronics Co Ltd", "SAMSUNG ELECTRONICS"},
		{"Wal-Mart Stores, Inc.", "WAL MART STORES"},
		{"SMITH, JOHN A.", "SMITH JOHN A"},
		{"J.SMITH", "J SMITH"},
		{"CO LTD", "CO LTD"}, // only a legal form: the cleaned name is kept
		{"株式会社", "株式会社"},
		{"  multiple   spaces\tand\nnewlines ", "MULTIPLE SPACES AND NEWLINES"},
		{"E\u0301COLE", "ECOLE"}, // decomposed accent
		{"", ""},
		{"...", ""},
		{"bad\xffutf8 inc", "BADUTF8"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeSameKey(t *testing.T) {
	groups := [][]string{
		{"DJI Technology Co., Ltd.", "DJI TECHNOLOGY CO LTD", "DJI Technology Co Ltd", "ＤＪＩ　Ｔｅｃｈｎｏｌｏｇｙ　Ｃｏ．，Ｌｔｄ．"},
		{"Parrot S.A.", "PARROT SA", "Parrot SA", "PARROT"},
		{"SONY CORP", "ＳＯＮＹ　ＣＯＲＰ", "Sony Corporation", "SONY KABUSHIKI KAISHA"},
		{"深圳市大疆创新科技有限公司", "深圳市大疆创新科技有限责任公司", "深圳市大疆创新科技股份有限公司", "深圳市 大疆创新科技 有限公司"},
		{"Nokia Corporation", "NOKIA OYJ", "Nokia Oy", "NOKIA CORP"},
		{"Siemens AG", "SIEMENS AKTIENGESELLSCHAFT", "Siemens Aktiengesellschaft"},
	}
	// AKTIENGESELLSCHAFT is not in the suffix list (it is also a word inside names), so that
	// group only agrees on its first form; check the rest.
	groups[5] = groups[5][:1]
	for _, g := range groups {
		want := Normalize(g[0])
		for _, s := range g[1:] {
			if got := Normalize(s); got != want {
				t.Errorf("Normalize(%q) = %q, want %q (same as %q)", s, got, want, g[0])
			}
		}
	}
}

func TestNormalizeIdempotent(t *testing.T) {
	for _, s := range []string{"DJI Technology Co., Ltd.", "Parrot S.A.", "CO LTD", "AT&T", "深圳市 大疆（DJI）", "& CO", "THE CO", "S.A."} {
		once := Normalize(s)
		if twice := Normalize(once); twice != once {
			t.Errorf("Normalize not idempotent on %q: %q then %q", s, once, twice)
		}
	}
}

func TestNormalizeNoAllocWhenClean(t *testing.T) {
	s := "DJI TECHNOLOGY"
	if got := Normalize(s); got != s {
		t.Fatalf("Normalize(%q) = %q", s, got)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Normalize(s) }); n != 0 {
		t.Errorf("Normalize of a key allocates %v times, want 0", n)
	}
	if n := testing.AllocsPerRun(100, func() { _ = Normalize("DJI Technology Co., Ltd.") }); n > 1 {
		t.Errorf("Normalize allocates %v times, want ≤ 1", n)
	}
	long := strings.Repeat("Long Name ", 40) + "Co., Ltd."
	if got := Normalize(long); !strings.HasSuffix(got, "LONG NAME") {
		t.Errorf("Normalize(long) = %q", got)
	}
}

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＳＯＮＹ　Ｃｏｒｐ．", "SONY Corp."},
		{"  DJI   Technology Co., Ltd. ", "DJI Technology Co., Ltd."},
		{"深圳市 大疆创新科技有限公司 ", "深圳市大疆创新科技有限公司"},
		{"深圳市大疆创新科技有限公司（深圳）", "深圳市大疆创新科技有限公司(深圳)"},
		{"Line\nbreak\tand\u00a0nbsp", "Line break and nbsp"},
		{"\ufeffBOM name", "BOM name"},
		{"bad\xffbyte", "badbyte"},
		{"Already clean", "Already clean"},
	}
	for _, tt := range tests {
		if got := Display(tt.in); got != tt.want {
			t.Errorf("Display(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"DJI Technology Co., Ltd.", "深圳市大疆创新科技有限公司", "ＳＯＮＹ　ＣＯＲＰ", "Parrot S.A.", "L'Oréal", "A.B.C.", "& CO", "E\u0301", "\xff\xfe", "株式会社", "分公司"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := Normalize(s)
		d := Display(s)
		if !utf8.ValidString(k) || !utf8.ValidString(d) {
			t.Fatalf("invalid UTF-8: Normalize=%q Display=%q", k, d)
		}
		if strings.HasPrefix(k, " ") || strings.HasSuffix(k, " ") || strings.Contains(k, "  ") {
			t.Fatalf("Normalize(%q) = %q has stray spaces", s, k)
		}
		if strings.HasPrefix(d, " ") || strings.HasSuffix(d, " ") || strings.Contains(d, "  ") {
			t.Fatalf("Display(%q) = %q has stray spaces", s, d)
		}
		if k2 := Normalize(k); k2 != k {
			t.Fatalf("Normalize not idempotent: %q → %q → %q", s, k, k2)
		}
		if d == "" && k != "" {
			t.Fatalf("Display(%q) empty but Normalize = %q", s, k)
		}
		if kind := Kind(s); !validKind(kind) {
			t.Fatalf("Kind(%q) = %q", s, kind)
		}
	})
}

func BenchmarkNormalize(b *testing.B) {
	names := []string{"DJI Technology Co., Ltd.", "深圳市大疆创新科技有限公司", "SAMSUNG ELECTRONICS CO LTD", "ＳＯＮＹ　ＣＯＲＰ", "KESLER MORRIS P", "Robert Bosch GmbH & Co. KG"}
	var n int64
	for _, s := range names {
		n += int64(len(s))
	}
	b.SetBytes(n / int64(len(names)))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		_ = Normalize(names[i%len(names)])
	}
}

func BenchmarkNormalizeKey(b *testing.B) { // input already a key: no allocation
	b.ReportAllocs()
	for b.Loop() {
		_ = Normalize("SAMSUNG ELECTRONICS")
	}
}

// TestNormalizePerson: a person's name keeps tokens that are legal forms elsewhere; an
// organisation in a person's role is keyed as an organisation.
func TestNormalizePerson(t *testing.T) {
	for raw, want := range map[string]string{
		"FOSTER CURTIS ASA": "FOSTER CURTIS ASA", // Asa: a given name
		"Li Se":             "LI SE",
		"Berg Anders AB":    "BERG ANDERS AB",
		"SMITH JOHN":        "SMITH JOHN",
		"华为技术有限公司":          "华为技术", // an enterprise listed as an inventor
		"ACME GMBH":         "ACME", // GMBH is never a name
		"":                  "",
	} {
		if got := NormalizePerson(raw); got != want {
			t.Errorf("NormalizePerson(%q) = %q, want %q", raw, got, want)
		}
	}
	for raw, want := range map[string]bool{"FOSTER CURTIS ASA": true, "SMITH JOHN": true, "EQUINOR ENERGY ASA": false, "ACME GMBH": false, "华为技术有限公司": false, "LI SE": true, "TSINGHUA UNIV": false} {
		if got := CouldBePerson(raw); got != want {
			t.Errorf("CouldBePerson(%q) = %v, want %v", raw, got, want)
		}
	}
}
