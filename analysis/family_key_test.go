package analysis

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// keyCSV is an Espacenet export of three families (ids a, b, c) with three, two and one
// publications, none sharing an application number.
func keyCSV(a, b, c string) string {
	return espacenetHeader +
		"1;Drone arm;SMITH JOHN [US];ACME INC [US];EP1000001A1;2015-01-01;B64C39/02;B64C39/024;2016-01-01;2016-01-01;" + a + ";EP20150000001\n" +
		"2;Drone arm;SMITH JOHN [US];ACME INC [US];US2016000002A1;2015-01-01;B64C39/02;B64C39/024;2016-02-01;2016-01-01;" + a + ";US20150000002\n" +
		"3;Drone arm;SMITH JOHN [US];ACME INC [US];JP2016000003A;2015-01-01;B64C39/02;B64C39/024;2016-03-01;2016-01-01;" + a + ";JP20150000003\n" +
		"4;Gimbal;DOE JANE [US];OTHER INC [US];US2016000004A1;2015-02-01;B64C39/02;B64C39/024;2016-04-01;2016-04-01;" + b + ";US20150000004\n" +
		"5;Gimbal;DOE JANE [US];OTHER INC [US];EP1000005A1;2015-02-01;B64C39/02;B64C39/024;2016-05-01;2016-04-01;" + b + ";EP20150000005\n" +
		"6;Rotor;LEE ANN [CN];THIRD CO [CN];CN100000006A;2015-03-01;B64C39/02;B64C39/024;2016-06-01;2016-06-01;" + c + ";CN20150000006\n"
}

// famPubs reads each family's id and publication count from fam, and checks that no two
// families share a key.
func famPubs(t *testing.T, s *Session) map[string]int {
	t.Helper()
	rows, err := s.DB.SQL().QueryContext(context.Background(), "SELECT family_id, pubs, fk FROM fam ORDER BY family_id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	got := map[string]int{}
	keys := map[uint64]string{}
	for rows.Next() {
		var id string
		var n int
		var k uint64
		if err := rows.Scan(&id, &n, &k); err != nil {
			t.Fatal(err)
		}
		if other, ok := keys[k]; ok {
			t.Errorf("families %s and %s share key %d", other, id, k)
		}
		keys[k] = id
		got[id] = n
	}
	return got
}

// TestFamilyKeysClashAndSalt: the families in scope are grouped by a hash of their id (fk), and
// when two of them hash alike the keys are made again with a salt. With keyShift at 62 a key
// has two bits (four values). The test picks three family ids, by DuckDB's own hash and apart
// from familyKeys (salt i > 0 hashes "i:" || id, salt 0 the id alone), whose two-bit keys clash
// unsalted and differ under a later salt: the session must hold the three families with the
// publication counts that full 64-bit keys give, after that many salts.
func TestFamilyKeysClashAndSalt(t *testing.T) {
	full := espacenetSession(t, keyCSV("100", "200", "300"), "B64C39")
	if got, want := famPubs(t, full), map[string]int{"100": 3, "200": 2, "300": 1}; !reflect.DeepEqual(got, want) {
		t.Fatalf("64-bit keys: families %v, want %v", got, want)
	}
	if full.KeySalts != 0 {
		t.Errorf("64-bit keys: %d salts, want 0", full.KeySalts)
	}
	// Every candidate id's two-bit key under each salt.
	keys := map[string][]uint64{}
	var ids []string
	for id := 101; id < 140; id++ {
		ids = append(ids, fmt.Sprint(id))
	}
	for i := 0; i <= maxKeySalts; i++ {
		pre := ""
		if i > 0 {
			pre = fmt.Sprintf("%d:", i)
		}
		for _, id := range ids {
			var k uint64
			if err := full.DB.SQL().QueryRowContext(context.Background(), "SELECT hash(? || ?) >> 62", pre, id).Scan(&k); err != nil {
				t.Fatal(err)
			}
			keys[id] = append(keys[id], k)
		}
	}
	distinct := func(a, b, c string, i int) bool {
		return keys[a][i] != keys[b][i] && keys[a][i] != keys[c][i] && keys[b][i] != keys[c][i]
	}
	var a, b, c string
	salts := 0
find:
	for x := 0; x < len(ids); x++ {
		for y := x + 1; y < len(ids); y++ {
			if keys[ids[x]][0] != keys[ids[y]][0] {
				continue
			}
			for z := y + 1; z < len(ids); z++ {
				for i := 1; i <= maxKeySalts; i++ {
					if distinct(ids[x], ids[y], ids[z], i) {
						a, b, c, salts = ids[x], ids[y], ids[z], i
						break find
					}
				}
			}
		}
	}
	if salts == 0 {
		t.Fatal("no three candidate ids clash unsalted and differ under a salt")
	}
	keyShift = 62
	defer func() { keyShift = 0 }()
	s := espacenetSession(t, keyCSV(a, b, c), "B64C39")
	if got, want := famPubs(t, s), map[string]int{a: 3, b: 2, c: 1}; !reflect.DeepEqual(got, want) {
		t.Errorf("two-bit keys: families %v, want %v", got, want)
	}
	if s.KeySalts != salts {
		t.Errorf("two-bit keys: %d salts, want %d", s.KeySalts, salts)
	}
}

// TestFamilyKeysClashEveryTime: with one-bit keys three families always collide (two values),
// so the session cannot open, and it says why instead of merging two families.
func TestFamilyKeysClashEveryTime(t *testing.T) {
	keyShift = 63
	defer func() { keyShift = 0 }()
	s, err := Open(context.Background(), espacenetConfig(t, keyCSV("100", "200", "300"), "B64C39"))
	if err == nil {
		s.Close()
	}
	if err == nil || !strings.Contains(err.Error(), clashError) || !strings.Contains(err.Error(), fmt.Sprintf("%d salts", maxKeySalts+1)) {
		t.Fatalf("err = %v, want a family key clash after %d salts", err, maxKeySalts+1)
	}
}
