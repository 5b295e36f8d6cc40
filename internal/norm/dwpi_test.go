package norm

import "testing"

// TestDWPIApp: each DWPI number (with the year of the date DWPI writes beside it) against the
// DOCDB number a Lens export of the same field gives for the same application (the pairs were
// read off the real Derwent and Lens drone samples; the newer-form and unknown-office rows are
// hand-made from the rules in DWPIApp's doc).
func TestDWPIApp(t *testing.T) {
	cases := []struct {
		num  string
		year int
		want string
	}{
		{"US800499", 2004, "US80049904A"},
		{"US224381P", 2000, "US22438100P"},
		{"US023250P", 1996, "US2325096P"},
		{"US002764", 2001, "US276401A"},
		{"US61711212P", 2012, "US71121212P"},
		{"JP176755", 1996, "JP17675596A"},
		{"IL157098", 2003, "IL15709803A"},
		{"AT001202", 2004, "AT12022004A"},
		{"RU105588", 2004, "RU2004105588A"},
		{"RU120946", 1996, "RU96120946A"},
		{"FI001644", 2003, "FI20031644A"},
		{"FR011515", 2003, "FR0311515A"},
		{"FR005012", 1999, "FR9905012A"},
		{"GB029656", 1999, "GB9929656A"},
		{"EP450196", 2004, "EP04450196A"},
		{"CN250407", 2003, "CN03250407U"},
		{"CN113494", 2003, "CN03113494A"},
		{"CN10008726", 2004, "CN200410008726A"},
		{"CN80000893", 2005, "CN200580000893A"},
		{"KR077338", 2000, "KR20000077338A"},
		{"DE1023947", 2003, "DE10323947A"},
		{"DE2015789", 2003, "DE20315789U"},
		{"DE20018696", 2004, "DE202004018696U"},
		{"DE4201621", 1992, "DE4201621A"},
		{"CA2438676", 2003, "CA2438676A"},
		{"WOIL000650", 2004, "IL2004000650W"},
		{"WODE02247", 2002, "DE0202247W"},
		{"WOIL000074", 1996, "IL9600074W"},
		{"AU261662", 2003, "AU2003261662A"},
		// The newer DWPI form carries the year: it is taken off, then the same rules.
		{"CN201410123456", 2014, "CN201410123456A"},
		{"US2014123456P", 2014, "US12345614P"},
		{"WOCN2014000123", 2014, "CN2014000123W"},
		// Unknown year, unknown office, not office + digits: as AppNumber writes it.
		{"US829091", 0, "US829091"},
		{"INCN00297", 2006, "INCN00297"},
		{"SU4123456", 1987, "SU4123456"},
		{"DE50002017", 2004, "DE50002017"},
		{"FR0114", 2001, "FR0114"},
		{"12345", 2004, "12345"},
	}
	for _, c := range cases {
		if got := DWPIApp(c.num, c.year); got != c.want {
			t.Errorf("DWPIApp(%q, %d) = %q, want %q", c.num, c.year, got, c.want)
		}
	}
}

func FuzzDWPIApp(f *testing.F) {
	for _, s := range []string{"US800499", "WOIL000650", "CN10008726", "DE20018696", "US543953P", "KR", "WO12"} {
		f.Add(s, 2004)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		got := DWPIApp(s, year)
		if got == "" && AppNumber(s) != "" {
			t.Fatalf("DWPIApp(%q, %d) is empty", s, year)
		}
	})
}
