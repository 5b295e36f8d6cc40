package landscape

import (
	"reflect"
	"testing"
)

// TestPhasesFollowTheNumbers: families 10, 9, 20, 19, 40 in 2000–2004. Year-on-year growth:
// 2001 −10 % (decline), 2002 +122 % (rapid growth), 2003 −5 % (plateau: not below −5 %), 2004
// +111 % (rapid growth): four single-year phases, which the old rule merged into one
// "2001–2004: decline" while families rose from 9 to 40. Merging by the span's mean growth:
// 2002–2003 from 9 to 19 is (19/9)^(1/2) − 1 = +45 % (rapid growth: 2003 joins 2002);
// 2002–2004 from 9 to 40 is (40/9)^(1/3) − 1 = +64 % (2004 joins); 2001 stays a decline.
func TestPhasesFollowTheNumbers(t *testing.T) {
	s := []YearPoint{{Year: 2000, N: 10}, {Year: 2001, N: 9}, {Year: 2002, N: 20}, {Year: 2003, N: 19}, {Year: 2004, N: 40}}
	want := []Phase{{2001, 2001, "decline"}, {2002, 2004, "rapid growth"}}
	if got := phases(s); !reflect.DeepEqual(got, want) {
		t.Errorf("phases = %+v, want %+v", got, want)
	}
	// A blip whose merged span keeps the label joins: 100, 130, 170, 168, 220 → 2001–2002 rapid
	// (+30 %, +31 %), 2003 plateau (−1 %), 2004 rapid (+31 %); 2001–2003 from 100 to 168 is
	// (1.68)^(1/3) − 1 = +18.9 % (growth, not rapid): 2003 stays apart; then 2004 (single) after
	// the plateau: 2003–2004 from 170 to 220 is (220/170)^(1/2) − 1 = +13.8 %, growth, not
	// plateau: it stays apart too.
	s = []YearPoint{{Year: 2000, N: 100}, {Year: 2001, N: 130}, {Year: 2002, N: 170}, {Year: 2003, N: 168}, {Year: 2004, N: 220}}
	want = []Phase{{2001, 2002, "rapid growth"}, {2003, 2003, "plateau"}, {2004, 2004, "rapid growth"}}
	if got := phases(s); !reflect.DeepEqual(got, want) {
		t.Errorf("phases = %+v, want %+v", got, want)
	}
}
