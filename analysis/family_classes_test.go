package analysis

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// TestFamilyClassesMadeWithScope: the per-family tables made from the in-scope codes when the
// session opens (familyClasses) give the trend, the quality's subclasses and the map's codes,
// and scope_cls is empty afterwards. A session opened without the map gives the same trend and
// subclasses but refuses the map's documents (its codes were not kept), instead of reading
// them from the emptied table without codes.
func TestFamilyClassesMadeWithScope(t *testing.T) {
	csv := espacenetHeader +
		"1;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;G05D1/00;B64C39/024;2016-01-01;2016-01-01;100;EP20150000001\n" +
		"2;Drone body;DOE JANE [US];OTHER INC [US];US2016000002A1;2015-03-01;;B64U10/13;2016-02-01;2016-02-01;200;US20150000002\n"
	ctx := context.Background()
	cfg := espacenetConfig(t, csv, "B64C39", "B64U10")
	s, err := Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	count := func(s *Session, table string) int {
		t.Helper()
		var n int
		if err := s.DB.SQL().QueryRowContext(ctx, "SELECT count(*) FROM "+table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := count(s, "scope_cls"); n != 0 {
		t.Errorf("scope_cls holds %d rows after the scope was prepared, want it emptied", n)
	}
	if n := count(s, "fam_subs"); n != 2 {
		t.Errorf("fam_subs: %d families, want 2", n)
	}
	docs, err := s.ClusterDocs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range docs {
		got = append(got, d.Subclass+":"+strings.Join(d.Codes, ","))
	}
	// Family 100's subclass prefers the IPC scheme (G05D over CPC B64C); its codes are both main groups.
	if want := []string{"G05D:B64C39,G05D1", "B64U:B64U10"}; !reflect.DeepEqual(got, want) {
		t.Errorf("map documents' codes %q, want %q", got, want)
	}
	trend, err := SubclassTrend.All(ctx, s, 2000, 2030)
	if err != nil {
		t.Fatal(err)
	}

	nm, err := OpenWith(ctx, cfg, OpenOptions{NoMap: true})
	if err != nil {
		t.Fatal(err)
	}
	defer nm.Close()
	if _, err := nm.ClusterDocs(ctx); err == nil || !strings.Contains(err.Error(), "without the map") {
		t.Errorf("ClusterDocs on a session without the map: error %v, want one saying so", err)
	}
	trend2, err := SubclassTrend.All(ctx, nm, 2000, 2030)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(trend, trend2) || len(trend) != 2 {
		t.Errorf("subclass_trend with the map %+v, without %+v", trend, trend2)
	}
}

// TestFamilySubclassPerPublication: the trend's subclass is chosen per publication before the
// family's (the IPC codes of a publication that has them, else all its codes), and the map's
// subclass breaks a tie of scheme, main code and date by publication number before the code.
// Family 300: EP…3 has an IPC code (H04W), US…4 only a CPC one (A01B), both main: the trend
// takes A01B (the least of the publications' own choices; by family alone it would be the IPC
// H04W), the map H04W (IPC first). Family 400: two publications of one day with one main IPC
// code each: the map takes the EP publication's H01M (EP… < US…; by code alone it would be
// B60L), the trend the least subclass, B60L.
func TestFamilySubclassPerPublication(t *testing.T) {
	csv := espacenetHeader +
		"3;Drone radio;SMITH JOHN [US];ACME INC [US];EP1000003A1;2015-01-01;H04W84/18;;2016-01-01;2016-01-01;300;EP20150000003\n" +
		"4;Drone plough;SMITH JOHN [US];ACME INC [US];US2016000004A1;2015-01-01;;A01B1/00;2016-01-01;2016-01-01;300;US20150000004\n" +
		"5;Drone battery;DOE JANE [US];OTHER INC [US];EP1000005A1;2015-02-01;H01M10/00;;2016-03-01;2016-03-01;400;EP20150000005\n" +
		"6;Drone charger;DOE JANE [US];OTHER INC [US];US2016000006A1;2015-02-01;B60L53/00;;2016-03-01;2016-03-01;400;US20150000006\n"
	ctx := context.Background()
	s := espacenetSession(t, csv, "H04W84", "A01B1", "H01M10", "B60L53")
	trend, err := SubclassTrend.All(ctx, s, 2000, 2030)
	if err != nil {
		t.Fatal(err)
	}
	want := []SubclassYearRow{{Subclass: "A01B", Year: 2015, N: 1}, {Subclass: "B60L", Year: 2015, N: 1}}
	if !reflect.DeepEqual(trend, want) {
		t.Errorf("subclass_trend %+v, want %+v", trend, want)
	}
	docs, err := s.ClusterDocs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, d := range docs {
		got[d.ID] = d.Subclass
	}
	if want := map[string]string{"300": "H04W", "400": "H01M"}; !reflect.DeepEqual(got, want) {
		t.Errorf("map documents' subclasses %v, want %v", got, want)
	}
}
