package analysis

import (
	"context"
	"reflect"
	"testing"

	"github.com/patnav/patnav/internal/config"
)

// TestBranchTagsByRuleKind: a family is in a branch when one of its in-scope publications has a
// code matching one of the branch's rules, of any kind (group G05D1/10 by prefix, main group
// H04W84, subclass H04B, class G06, section A), or a keyword of it in its title, and then in
// every ancestor of that branch too. A code of a publication outside the scope tags nothing
// (family 107's G08G5 publication), and a group rule does not match a sibling group (G05D1/00).
func TestBranchTagsByRuleKind(t *testing.T) {
	ctx := context.Background()
	row := func(no, title, pub, ipc, cpc, fam string) string {
		return no + ";" + title + ";SMITH JOHN [US];ACME INC [US];" + pub + ";2015-01-01;" + ipc + ";" + cpc + ";2016-01-01;2016-01-01;" + fam + ";" + pub + "X\n"
	}
	csv := espacenetHeader +
		row("1", "Drone arm", "EP1000001A1", "G05D1/101", "B64C39/024", "101") +
		row("2", "Drone link", "EP1000002A1", "H04W84/18", "B64C39/024", "102") +
		row("3", "Drone radio", "EP1000003A1", "H04B7/185", "B64C39/024", "103") +
		row("4", "Drone camera", "EP1000004A1", "G06T7/70", "B64C39/024", "104") +
		row("5", "Drone sprayer", "EP1000005A1", "A01M7/00", "B64C39/024", "105") +
		row("6", "Parachute unit", "EP1000006A1", "F41H11/02", "B64C39/024", "106") +
		row("7", "Drone frame", "EP1000007A1", "B64C39/02", "B64C39/024", "107") +
		row("8", "Traffic manager", "US2016000008A1", "G08G5/00", "G08G5/0069", "107") +
		row("9", "Drone control", "EP1000009A1", "G05D1/00", "B64C39/024", "108")
	cfg := espacenetConfig(t, csv, "B64C39")
	leaf := func(id, parent string, level int, codes []string, words ...string) config.Branch {
		return config.Branch{ID: id, Parent: parent, Level: level, Codes: codes, Keywords: config.Keywords{En: words},
			Name: config.Text{Zh: id, En: id}}
	}
	nav := leaf("nav", "", 1, nil)
	nav.Children = []config.Branch{leaf("ctl", "nav", 2, []string{"G05D1/10"})}
	cfg.Branches = []config.Branch{
		nav,
		leaf("link", "", 1, []string{"H04W84"}),
		leaf("radio", "", 1, []string{"H04B"}),
		leaf("vision", "", 1, []string{"G06"}),
		leaf("agri", "", 1, []string{"A"}),
		leaf("safe", "", 1, nil, "parachute"),
		leaf("traffic", "", 1, []string{"G08G5"}),
	}
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got, want := len(famPubs(t, s)), 8; got != want {
		t.Fatalf("%d families in scope, want %d", got, want)
	}
	rows, err := s.DB.SQL().QueryContext(ctx, "SELECT family_id, branch_id FROM fam_branch ORDER BY ALL")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string][]string{}
	for rows.Next() {
		var f, b string
		if err := rows.Scan(&f, &b); err != nil {
			t.Fatal(err)
		}
		got[f] = append(got[f], b)
	}
	want := map[string][]string{"101": {"ctl", "nav"}, "102": {"link"}, "103": {"radio"}, "104": {"vision"},
		"105": {"agri"}, "106": {"safe"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("branches %v, want %v", got, want)
	}
}

// TestKeywordHitsRepeated: kw_hit keeps a (target, publication) pair once per keyword of that
// target the publication's text holds (its matches are made distinct per publication, not the
// pairs), and its readers make their rows distinct: a publication whose title holds two scope
// keywords is one publication in scope, and a family whose title holds two keywords of a branch
// is in that branch (and its parent) once. Publication 1 is in scope by its keywords only (its
// code is outside the scope's).
func TestKeywordHitsRepeated(t *testing.T) {
	ctx := context.Background()
	csv := espacenetHeader +
		"1;Camera gimbal with a gimbal lock;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;G03B17/56;G03B17/561;2016-01-01;2016-01-01;100;EP20150000001\n" +
		"2;Drogue parachute and reserve parachute;SMITH JOHN [US];ACME INC [US];EP1000002A1;2015-01-01;B64C39/02;B64C39/024;2016-01-01;2016-01-01;200;EP20150000002\n" +
		"3;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000003A1;2015-01-01;B64C39/02;B64C39/024;2016-01-01;2016-01-01;300;EP20150000003\n"
	cfg := espacenetConfig(t, csv, "B64C39")
	cfg.Industry.Scope.Keywords = config.Keywords{En: []string{"gimbal", "camera gimbal"}}
	safe := config.Branch{ID: "safe", Level: 1, Name: config.Text{Zh: "safe", En: "safe"}}
	safe.Children = []config.Branch{{ID: "chute", Parent: "safe", Level: 2, Keywords: config.Keywords{En: []string{"parachute", "drogue parachute"}},
		Name: config.Text{Zh: "chute", En: "chute"}}}
	cfg.Branches = []config.Branch{safe}
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var n, distinct int
	if err := s.DB.SQL().QueryRowContext(ctx, "SELECT count(*), count(DISTINCT pub_number) FROM scope_pub").Scan(&n, &distinct); err != nil {
		t.Fatal(err)
	}
	if n != 3 || distinct != 3 {
		t.Errorf("scope_pub: %d rows, %d publications, want 3 and 3", n, distinct)
	}
	rows, err := s.DB.SQL().QueryContext(ctx, "SELECT family_id, branch_id FROM fam_branch ORDER BY ALL")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got [][2]string
	for rows.Next() {
		var f, b string
		if err := rows.Scan(&f, &b); err != nil {
			t.Fatal(err)
		}
		got = append(got, [2]string{f, b})
	}
	if want := [][2]string{{"200", "chute"}, {"200", "safe"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("fam_branch %v, want %v", got, want)
	}
}
