package format

import "testing"

// TestFoldHeader: the spellings a column's name takes after R, pandas, Excel or a Chinese input
// method all fold to one key; distinct names stay distinct.
func TestFoldHeader(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Publication Number", "publicationnumber"},
		{"publication_number", "publicationnumber"},
		{"PUBLICATION-NUMBER", "publicationnumber"},
		{"Publication.Number", "publicationnumber"},
		{"\uFEFF Publication  Number ", "publicationnumber"},
		{"Owners (US)", "ownersus"},
		{"owners_us", "ownersus"},
		{"Inventor(s)", "inventors"},
		{"inventor/author", "inventorauthor"},
		{"Ｌｅｎｓ　ＩＤ", "lensid"},
		{"公开（公告）号", "公开公告号"},
		{"公开(公告)号 ", "公开公告号"},
		{"#", "#"},
		{"", ""},
	} {
		if got := FoldHeader(c.in); got != c.want {
			t.Errorf("FoldHeader(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if FoldHeader("Owners") == FoldHeader("Owners (US)") {
		t.Error("Owners and Owners (US) must stay apart")
	}
}

func TestHeadKeys(t *testing.T) {
	k := HeadKeys([]byte("\xEF\xBB\xBF\n\"#\",lens_id,\"Publication, Number\"\r\n1,2,3"), ',')
	if len(k) != 3 || !k["#"] || !k["lensid"] || !k["publicationnumber"] {
		t.Errorf("HeadKeys = %v", k)
	}
	if c := HeadCells([]byte("a\tb c\t\"d\"\n"), '\t'); len(c) != 3 || c[1] != "b c" || c[2] != "d" {
		t.Errorf("HeadCells tab = %q", c)
	}
	if FindColumn(FoldHeaders([]string{"x", "Priority number(s)"}), "priority numbers") != 1 {
		t.Error("FindColumn")
	}
}
