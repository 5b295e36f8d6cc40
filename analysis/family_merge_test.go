package analysis

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
)

// TestFamiliesSharingAnApplicationMerge: families that share an application number are one
// family, named by the smallest family id of the group, however they are chained (family_edges
// pairs each family with the smallest id sharing a number; the union-find joins the chains).
// Espacenet family numbers: 900, 700 and 950 share EP20150000001; 800 shares US20150000009 with
// 700; 600 shares nothing. Expected: families 600 (1 publication) and 700 (6 publications).
func TestFamiliesSharingAnApplicationMerge(t *testing.T) {
	csv := espacenetHeader +
		"1;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;B64C39/02;B64C39/024;2016-01-01;2016-01-01;900;EP20150000001\n" +
		"2;Drone arm;SMITH JOHN [US];ACME INC [US];US2016000002A1;2015-01-01;B64C39/02;B64C39/024;2016-02-01;2016-01-01;700;EP20150000001\n" +
		"3;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000003A1;2015-01-01;B64C39/02;B64C39/024;2016-03-01;2016-01-01;950;EP20150000001\n" +
		"4;Drone arm;SMITH JOHN [US];ACME INC [US];CN100000004A;2015-01-01;B64C39/02;B64C39/024;2016-04-01;2016-01-01;800;US20150000009\n" +
		"5;Drone arm;SMITH JOHN [US];ACME INC [US];US2016000005A1;2015-01-01;B64C39/02;B64C39/024;2016-05-01;2016-01-01;700;US20150000009\n" +
		"6;Drone arm;SMITH JOHN [US];ACME INC [US];JP2016000006A;2015-01-01;B64C39/02;B64C39/024;2016-06-01;2016-01-01;700;JP20150000006\n" +
		"7;Gimbal;DOE JANE [US];OTHER INC [US];US2016000007A1;2015-02-01;B64C39/02;B64C39/024;2016-07-01;2016-07-01;600;US20150000007\n"
	s := espacenetSession(t, csv, "B64C39")
	got := famPubs(t, s)
	if want := map[string]int{"600": 1, "700": 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("families %v, want %v", got, want)
	}
}

// TestFamilyInScopeByAnyPublication: whether a family takes part in a merge by application
// number depends on all its publications, not only those of the shared number. Family 900's
// publication of EP20150000001 is out of scope (H04W), its US one in scope, so 900 and 700,
// which share that number, are one family, 700, with the two in-scope publications. Family 500
// has no publication in scope: it shares JP20150000005 with 600 but does not rename it (500 is
// the smaller id), and it is not a family in scope.
func TestFamilyInScopeByAnyPublication(t *testing.T) {
	csv := espacenetHeader +
		"1;Radio link;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;H04W4/00;H04W4/00;2016-01-01;2016-01-01;900;EP20150000001\n" +
		"2;Drone arm;SMITH JOHN [US];ACME INC [US];US2016000002A1;2015-01-01;B64C39/02;B64C39/024;2016-02-01;2016-01-01;900;US20150000002\n" +
		"3;Drone arm;SMITH JOHN [US];ACME INC [US];CN100000003A;2015-01-01;B64C39/02;B64C39/024;2016-03-01;2016-01-01;700;EP20150000001\n" +
		"4;Radio link;DOE JANE [US];OTHER INC [US];JP2016000004A;2015-02-01;H04W4/00;H04W4/00;2016-04-01;2016-04-01;500;JP20150000005\n" +
		"5;Gimbal;DOE JANE [US];OTHER INC [US];US2016000005A1;2015-02-01;B64C39/02;B64C39/024;2016-05-01;2016-05-01;600;JP20150000005\n"
	s := espacenetSession(t, csv, "B64C39")
	got := famPubs(t, s)
	if want := map[string]int{"600": 1, "700": 2}; !reflect.DeepEqual(got, want) {
		t.Errorf("families %v, want %v", got, want)
	}
}

// espacenetSession ingests csv (an Espacenet export) into a new lake and opens a session on it
// with the hand config's scope replaced by the IPC/CPC codes given (no keywords). The session is
// closed when the test ends.
func espacenetSession(t *testing.T, csv string, codes ...string) *Session {
	t.Helper()
	s, err := Open(context.Background(), espacenetConfig(t, csv, codes...))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// espacenetConfig ingests csv (an Espacenet export) into a new lake and returns the hand config
// over it with the scope replaced by the IPC/CPC codes given (no keywords).
func espacenetConfig(t *testing.T, csv string, codes ...string) *config.Config {
	t.Helper()
	cfg := handConfig(t, "espacenet.csv", csv)
	cfg.Industry.Scope.Codes = codes
	cfg.Industry.Scope.Keywords = config.Keywords{}
	return cfg
}

// handConfig ingests the export text (its format told by the reader that takes it) as a file
// named name into a new lake and returns the hand config over that lake.
func handConfig(t *testing.T, name, text string) *config.Config {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := ingest.Run(context.Background(), []string{dir}, ingest.Options{Lake: lk, MaxBad: 0}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("../landscape/testdata/hand/nav.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lk
	return cfg
}

// TestScopeRequire: with require "any" a publication is in scope by a code or a keyword, with
// "both" only by both; an excluded code takes a publication out either way. Publications: 1 the
// code and the keyword, 2 the code only, 3 the keyword only (another code), 4 the code and the
// keyword and an excluded code.
func TestScopeRequire(t *testing.T) {
	ctx := context.Background()
	csv := espacenetHeader +
		"1;Drone gimbal;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;B64C39/02;B64C39/024;2016-01-01;2016-01-01;100;EP20150000001\n" +
		"2;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000002A1;2015-01-01;B64C39/02;B64C39/024;2016-01-01;2016-01-01;200;EP20150000002\n" +
		"3;Camera gimbal;SMITH JOHN [US];ACME INC [US];EP1000003A1;2015-01-01;G03B17/56;G03B17/561;2016-01-01;2016-01-01;300;EP20150000003\n" +
		"4;Drone gimbal mount;SMITH JOHN [US];ACME INC [US];EP1000004A1;2015-01-01;B64C39/02;H04W4/00;2016-01-01;2016-01-01;400;EP20150000004\n"
	for _, tc := range []struct {
		require string
		want    []string
	}{
		{"any", []string{"100", "200", "300"}},
		{"both", []string{"100"}},
	} {
		cfg := espacenetConfig(t, csv, "B64C39")
		cfg.Industry.Scope.Keywords = config.Keywords{En: []string{"gimbal"}}
		cfg.Industry.Scope.Require = tc.require
		cfg.Industry.Scope.Exclude = &config.Criteria{Codes: []string{"H04W"}}
		s, err := Open(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for id := range famPubs(t, s) {
			got = append(got, id)
		}
		sort.Strings(got)
		s.Close()
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("require %s: families %v, want %v", tc.require, got, tc.want)
		}
	}
}

// espacenetHeader is the header line of the tests' Espacenet exports.
const espacenetHeader = "No;Title;Inventors;Applicants;Publication number;Earliest priority;IPC;CPC;Publication date;Earliest publication;Family number;Application number\n"
