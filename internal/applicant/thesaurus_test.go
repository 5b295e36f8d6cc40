package applicant

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadThesaurus(t *testing.T) {
	th, err := LoadThesaurus(filepath.Join("testdata", "thesaurus.csv"))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"SZ DJI TECHNOLOGY CO LTD", "深圳市大疆创新科技"},
		{"sz dji technology co., ltd.", "深圳市大疆创新科技"},
		{"DJI TECHNOLOGY CO LTD", "深圳市大疆创新科技"},
		{"深圳市大疆创新科技有限公司", "深圳市大疆创新科技"},
		{"PARROT DRONES", "PARROT"},
		{"Parrot Drones SAS", "PARROT"},
		{"IBM", "INTERNATIONAL BUSINESS MACHINES"},
		{"Some Other Co", "SOME OTHER"},
	}
	for _, tt := range tests {
		if got := th.Key(tt.in); got != tt.want {
			t.Errorf("Key(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if th.Len() != 4 {
		t.Errorf("Len = %d, want 4", th.Len())
	}
}

func TestThesaurusNil(t *testing.T) {
	var th *Thesaurus
	if got := th.Key("Parrot S.A."); got != "PARROT" {
		t.Errorf("nil Key = %q", got)
	}
	if th.Len() != 0 {
		t.Error("nil Len != 0")
	}
}

func TestThesaurusChain(t *testing.T) {
	th, err := readThesaurus(strings.NewReader("alias,canonical\nA,B\nB,C\n"), "chain.csv")
	if err != nil {
		t.Fatal(err)
	}
	if got := th.Key("a"); got != "C" {
		t.Errorf("Key(a) = %q, want C", got)
	}
}

func TestThesaurusErrors(t *testing.T) {
	tests := []struct {
		name, data string
		line       int
		msg        string
	}{
		{"no header", "SONY,SONY CORP\n", 1, "header"},
		{"empty", "# only a comment\n", 1, "missing header"},
		{"three fields", "alias,canonical\nA,B\nC,D,E\n", 3, "want 2 fields"},
		{"empty alias", "alias,canonical\n,B\n", 2, "empty"},
		{"punctuation only", "alias,canonical\n...,B\n", 2, "empty"},
		{"conflict", "alias,canonical\nA,B\n# x\nA,C\n", 4, "already maps"},
		{"cycle", "alias,canonical\nA,B\nB,A\n", 2, "cycle"},
		{"bad quote", "alias,canonical\n\"A,B\n", 2, ""},
	}
	for _, tt := range tests {
		_, err := readThesaurus(strings.NewReader(tt.data), "th.csv")
		var te *ThesaurusError
		if !errors.As(err, &te) {
			t.Errorf("%s: err = %v, want *ThesaurusError", tt.name, err)
			continue
		}
		if !errors.Is(err, ErrThesaurus) {
			t.Errorf("%s: error does not wrap ErrThesaurus", tt.name)
		}
		if te.File != "th.csv" || te.Line != tt.line || !strings.Contains(te.Msg, tt.msg) {
			t.Errorf("%s: got %v (line %d), want line %d containing %q", tt.name, err, te.Line, tt.line, tt.msg)
		}
		if !strings.HasPrefix(err.Error(), "th.csv:") {
			t.Errorf("%s: message %q does not name the file", tt.name, err)
		}
	}
}

func TestLoadThesaurusMissingFile(t *testing.T) {
	_, err := LoadThesaurus(filepath.Join(t.TempDir(), "nope.csv"))
	if !errors.Is(err, os.ErrNotExist) {
		t.Errorf("err = %v, want not-exist", err)
	}
}

func FuzzThesaurus(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "thesaurus.csv"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(data))
	f.Add("alias,canonical\nA,B\nB,A\n")
	f.Add("alias,canonical\n\"x\"\"y\",z\n")
	f.Fuzz(func(t *testing.T, s string) {
		th, err := readThesaurus(strings.NewReader(s), "f.csv")
		if err != nil {
			var te *ThesaurusError
			if !errors.As(err, &te) || te.Line < 0 {
				t.Fatalf("error %v is not a positioned *ThesaurusError", err)
			}
			return
		}
		// Every alias resolves to a key that is not itself an alias.
		for a, c := range th.keys {
			if _, ok := th.keys[c]; ok {
				t.Fatalf("alias %q resolves to %q, itself an alias", a, c)
			}
		}
	})
}
