package norm

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/patnav/patnav/internal/patent"
)

func TestParsePub(t *testing.T) {
	// Expected values are the canonical forms the foundation issue names, written by hand.
	cases := []struct{ in, kind, want string }{
		{"US 2013/0101709 A1", "", "US20130101709A1"}, // Lens pre-grant
		{"US-12299796-B2", "", "US12299796B2"},        // Google
		{"US12299796B2", "", "US12299796B2"},
		{"US 2012057518 A1", "", "US20120057518A1"}, // DOCDB 10-digit pre-grant
		{"US 6859910 B2", "", "US6859910B2"},        // DOCDB / Lens grant
		{"06859910", "B2", "US6859910B2"},           // handled below with office
		{"CN 218751475 U", "", "CN218751475U"},
		{"CN104968889A", "", "CN104968889A"},
		{"CN-110364031-B", "", "CN110364031B"},
		{"AU2016219013A1", "", "AU2016219013A1"},
		{"WO 2014/059282 A2", "", "WO2014059282A2"},
		{"WO 99/12345 A1", "", "WO1999012345A1"},
		{"WO 02/069697 A2", "", "WO2002069697A2"},
		{"EP 2906782 A2", "", "EP2906782A2"},
		{"US D512345 S", "", "USD512345S"},
		{"US RE045678 E", "", "USRE45678E"},
		{"US PP012345 P2", "", "USPP12345P2"},
		{"ＣＮ１０４９６８８８９Ａ", "", "CN104968889A"},
		{"JP 2019-123456 A", "", "JP2019123456A"},
		{"AT A33585 A", "", "ATA33585A"},
		{"ep2906782", "a4", "EP2906782A4"},
	}
	for _, c := range cases {
		in := c.in
		if c.in == "06859910" {
			in = "US" + c.in
		}
		got, err := ParsePub(in, c.kind)
		if err != nil {
			t.Errorf("ParsePub(%q, %q): %v", in, c.kind, err)
			continue
		}
		if got.String() != c.want {
			t.Errorf("ParsePub(%q, %q) = %s, want %s", in, c.kind, got, c.want)
		}
	}
	for _, bad := range []string{"", "  ", "12345", "US", "US--", "??", "US ABC"} {
		if _, err := ParsePub(bad, ""); !errors.Is(err, ErrNumber) {
			t.Errorf("ParsePub(%q): err = %v, want ErrNumber", bad, err)
		}
	}
	if p, _ := ParsePub("US 2013/0101709 A1", ""); p.Office != "US" || p.Number != "20130101709" || p.Kind != "A1" {
		t.Errorf("parts = %+v", p)
	}
}

func TestAppNumberAndPriority(t *testing.T) {
	if got := AppNumber("CN201510817712.7"); got != "CN2015108177127" {
		t.Errorf("AppNumber = %s", got)
	}
	if got := AppNumber("US 201213657122 A"); got != "US201213657122A" {
		t.Errorf("AppNumber = %s", got)
	}
	pc := ParsePriority("US 201161550506 P 20111024")
	if pc.Number != "US201161550506P" || pc.Date != "20111024" {
		t.Errorf("ParsePriority = %+v", pc)
	}
	if OfficeOf("cn123") != "CN" || OfficeOf("1") != "" {
		t.Error("OfficeOf")
	}
}

func TestParseDate(t *testing.T) {
	cases := []struct {
		in    string
		order DateOrder
		want  string
	}{
		{"2015-04-24", DayFirst, "2015-04-24"},
		{"2015.04.24", DayFirst, "2015-04-24"},
		{"20150424", DayFirst, "2015-04-24"},
		{"2015/4/24", DayFirst, "2015-04-24"},
		{"2015年4月24日", DayFirst, "2015-04-24"},
		{"2015-04-24 00:00:00", DayFirst, "2015-04-24"},
		{"2015-04-24T00:00:00Z", DayFirst, "2015-04-24"},
		{"25/04/13", DayFirst, "2013-04-25"}, // Lens 2015 export
		{"07/08/02", DayFirst, "2002-08-07"},
		{"27/10/99", DayFirst, "1999-10-27"},
		{"03/06/48", DayFirst, "1948-06-03"},     // a 1948 publication in Lens's drones export
		{"12/16/2022", MonthFirst, "2022-12-16"}, // Google re-saved by Excel
		{"5/13/2025", MonthFirst, "2025-05-13"},
		{"16/12/2022", MonthFirst, "2022-12-16"}, // cannot be month-first: read day-first
		{"24.04.2015", MonthFirst, "2015-04-24"},
		{"２０１５－０４－２４", DayFirst, "2015-04-24"},
		// Century years: 2000 is a leap year (divisible by 400), 1900 is not (by 100, not 400).
		{"2000-02-29", DayFirst, "2000-02-29"},
		{"20000229", DayFirst, "2000-02-29"},
		{"29/02/2000", DayFirst, "2000-02-29"},
		{"2096-02-29", DayFirst, "2096-02-29"},
	}
	for _, c := range cases {
		d, err := ParseDate(c.in, c.order)
		if err != nil || d.String() != c.want {
			t.Errorf("ParseDate(%q) = %s, %v; want %s", c.in, d, err, c.want)
		}
	}
	for _, unknown := range []string{"", " ", "-", "N/A", "0"} {
		d, err := ParseDate(unknown, DayFirst)
		if err != nil || d.Valid() {
			t.Errorf("ParseDate(%q) = %v, %v; want unknown", unknown, d, err)
		}
	}
	for _, bad := range []string{"1900-02-29", "19000229", "29/02/1900", "2100-02-29", "1800-02-29", "2015-02-29", "2015-02-30", "31/04/2015", "2015-13-01", "hello", "2015", "1/2", "99999999", "2015-04-24-01"} {
		if _, err := ParseDate(bad, DayFirst); !errors.Is(err, ErrDate) {
			t.Errorf("ParseDate(%q): err = %v, want ErrDate", bad, err)
		}
	}
	// Excel serial 42118 is 2015-04-24 (checked against a spreadsheet's DATEVALUE).
	if d, err := ExcelSerialDate(42118); err != nil || d.String() != "2015-04-24" {
		t.Errorf("ExcelSerialDate = %v, %v", d, err)
	}
	if Year(" 2015 ") != 2015 || Year("15") != 0 {
		t.Error("Year")
	}
}

func TestParseClass(t *testing.T) {
	cases := []struct{ in, code, sub, main string }{
		{"H04W 84/20", "H04W84/20", "H04W", "H04W84"},
		{"H04W84/20", "H04W84/20", "H04W", "H04W84"},
		{"H04W  84/    20  A I", "H04W84/20", "H04W", "H04W84"}, // DOCDB fixed width
		{"E21D20/02（2006.01）I", "E21D20/02", "E21D", "E21D20"},  // CNIPA full-width brackets
		{"G06F17/30(2006.01)", "G06F17/30", "G06F", "G06F17"},
		{"B60R2011/0043", "B60R2011/0043", "B60R", "B60R2011"}, // CPC 2000 series
		{"A01K47/00", "A01K47/00", "A01K", "A01K47"},
		{"H04W0084200000", "H04W84/20", "H04W", "H04W84"},
		{"h04w 84/20", "H04W84/20", "H04W", "H04W84"},
		{"G05D 1/0011", "G05D1/0011", "G05D", "G05D1"},
		{"H04W", "H04W", "H04W", ""},
		{"Y02T 50/60", "Y02T50/60", "Y02T", "Y02T50"},
	}
	for _, c := range cases {
		got, err := ParseClass(c.in)
		if err != nil || got.Code != c.code || got.Subclass != c.sub || got.MainGroup != c.main {
			t.Errorf("ParseClass(%q) = %+v, %v; want %s %s %s", c.in, got, err, c.code, c.sub, c.main)
		}
	}
	for _, bad := range []string{"", "G", "A01", "12345", "H04W 84", "H04W/20", "Z99Z 1/00", "H04W 84/"} {
		if _, err := ParseClass(bad); !errors.Is(err, ErrClass) {
			t.Errorf("ParseClass(%q): err = %v, want ErrClass", bad, err)
		}
	}
}

func TestLegalStatusAndDocType(t *testing.T) {
	for in, want := range map[string]string{
		"有权": patent.Alive, "授权": patent.Alive, "审中": patent.Pending, "实质审查": patent.Pending,
		"失效": patent.Lapsed, "驳回": patent.Lapsed, "授权;权利终止": patent.Lapsed, "ACTIVE": patent.Alive,
		"INACTIVE": patent.Lapsed, "Pending": patent.Pending, "EXPIRED": patent.Lapsed, "": patent.Unknown,
		"whatever": patent.Unknown, "Patented Case": patent.Alive,
	} {
		if got := LegalStatus(in); got != want {
			t.Errorf("LegalStatus(%q) = %s, want %s", in, got, want)
		}
	}
	cases := []struct{ office, kind, hint, want string }{
		{"CN", "U", "", patent.UtilityModel}, {"CN", "A", "", patent.Invention}, {"CN", "B", "", patent.Invention},
		{"CN", "S", "", patent.Design}, {"US", "S1", "", patent.Design}, {"US", "P2", "", patent.Plant},
		{"US", "B2", "", patent.Invention}, {"DE", "U1", "", patent.UtilityModel}, {"XX", "", "", patent.OtherType},
		{"CN", "A", "实用新型", patent.UtilityModel}, {"US", "A1", "Design Right", patent.Design},
		{"JP", "A", "", patent.Invention}, {"US", "E", "", patent.Invention},
	}
	for _, c := range cases {
		if got := DocType(c.office, c.kind, c.hint); got != c.want {
			t.Errorf("DocType(%s,%s,%q) = %s, want %s", c.office, c.kind, c.hint, got, c.want)
		}
	}
	if !IsGrantKind("US", "B2") || IsGrantKind("US", "A1") || !IsGrantKind("CN", "B") || IsGrantKind("CN", "A") || !IsGrantKind("EP", "B1") {
		t.Error("IsGrantKind")
	}
}

func TestText(t *testing.T) {
	if got := CleanText("  Doppelstocktrogbeute  FÃ¼r\tDie\r\n Zweiv\u0000Ã¶lker "); got != "Doppelstocktrogbeute Für Die Zweivölker" {
		t.Errorf("CleanText = %q", got)
	}
	if got := CleanText("Café au lait"); got != "Café au lait" { // already right: untouched
		t.Errorf("CleanText = %q", got)
	}
	if got := SplitMulti("A;;B;; ;;C", ";;"); len(got) != 3 || got[2] != "C" {
		t.Errorf("SplitMulti = %q", got)
	}
	if got := SplitAny("A；B,C;D", ";；,"); len(got) != 4 {
		t.Errorf("SplitAny = %q", got)
	}
	if FoldWidth("ＡＢ１（") != "AB1(" {
		t.Error("FoldWidth")
	}
}

func FuzzNorm(f *testing.F) {
	for _, s := range []string{"US 2013/0101709 A1", "H04W  84/    20  A I", "25/04/13", "E21D20/02（2006.01）I", "CN201510817712.7", "Ã¶",
		"1900-02-29", "2000-02-29", "19000229", "29/02/00", "2000.02.29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if p, err := ParsePub(s, ""); err == nil && p.Office == "" {
			t.Errorf("ParsePub(%q) ok with empty office", s)
		}
		if c, err := ParseClass(s); err == nil && len(c.Subclass) != 4 {
			t.Errorf("ParseClass(%q) = %+v", s, c)
		}
		if d, err := ParseDate(s, DayFirst); err == nil && d.Valid() && (d.Year() < 1800 || d.Year() > 2100) {
			t.Errorf("ParseDate(%q) = %v", s, d)
		}
		if out := CleanText(s); utf8.ValidString(s) && !utf8.ValidString(out) {
			t.Errorf("CleanText(%q) not valid UTF-8", s)
		}
		_ = LegalStatus(s)
		_ = AppNumber(s)
		_ = ParsePriority(s)
	})
}

func BenchmarkParsePub(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParsePub("US 2013/0101709 A1", "")
	}
}

func BenchmarkParseDate(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseDate("2015-04-24", DayFirst)
	}
}

func BenchmarkParseClass(b *testing.B) {
	for i := 0; i < b.N; i++ {
		ParseClass("H04W84/20")
	}
}

// FuzzAppNumberFastPath holds the ASCII fast paths of AppNumber and ParsePriority to the general
// rules (fold width, upper-case, keep letters and digits; a trailing 8-digit field is the date).
func FuzzAppNumberFastPath(f *testing.F) {
	for _, s := range []string{"US 201213657122 A", "CN201510817712.7", "us 15/123,456", "US 201161550506 P 20111024",
		"20111024", " JP 2000000001 A\t20000101 ", "ＣＮ２０１５", "EP 1 20111024 x", "a\v20111024",
		"IT RE980117 A 19981123", "AU 2013 203507 A 20130410", "US 65784810 A", " US 1 A  20111024 ", "us 12-34 a 20111024",
		"CN 2015 1 0817712.7 A 2015123"} {
		f.Add(s)
	}
	ref := func(s string) string {
		t := strings.ToUpper(FoldWidth(strings.TrimSpace(s)))
		var b strings.Builder
		for i := 0; i < len(t); i++ {
			if c := t[i]; isLetter(c) || isDigit(c) {
				b.WriteByte(c)
			}
		}
		return b.String()
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := AppNumber(s), ref(s); got != want {
			t.Fatalf("AppNumber(%q) = %q, want %q", s, got, want)
		}
		fl := strings.Fields(strings.TrimSpace(s))
		var want PriorityClaim
		if n := len(fl); n >= 2 && len(fl[n-1]) == 8 && isDigits(fl[n-1]) {
			want.Date, fl = fl[n-1], fl[:n-1]
		}
		want.Number = ref(strings.Join(fl, ""))
		if got := ParsePriority(s); got != want {
			t.Fatalf("ParsePriority(%q) = %+v, want %+v", s, got, want)
		}
	})
}

// TestMojibakePairs: UTF-8 read as Windows-1252 at the source (unrepairable: lost bytes shown as
// "_") is counted pair by pair; accented Latin text is not. Each count is worked out from the
// bytes: a lead (0xC2–0xF4 as a rune) directly before a continuation (0x80–0xBF or a
// Windows-1252 symbol of 0x80–0x9F).
func TestMojibakePairs(t *testing.T) {
	cases := []struct {
		s    string
		want int
	}{
		{"_°Ñ…___°Ñ‚_°", 2}, // Ñ… and Ñ‚: Ñ (0xD1, a lead) before … (0x85) and ‚ (0x82)
		{"MÜLLER GMBH", 0},  // Ü (0xDC) is a lead, but L is ASCII
		{"Ñandú à la française, Straße", 0},
		{"FÃ¼r", 1}, // Ã (0xC3) before ¼ (0xBC)
		{"å¤§", 1},  // å (0xE5) before ¤ (0xA4); § then follows a continuation, not a lead
		{"plain ascii", 0},
	}
	for _, c := range cases {
		if got := MojibakePairs(c.s); got != c.want {
			t.Errorf("MojibakePairs(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}
