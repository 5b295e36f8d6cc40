package norm

import "testing"

// TestPubLettersAnywhereRejected: letters inside the number are no publication number; series
// and era prefixes stay valid.
func TestPubLettersAnywhereRejected(t *testing.T) {
	for _, s := range []string{"CN <script>alert(1)</script> A", "CN 12AB34 A", "US 123X456 B2", "CN SCRIPT A"} {
		if p, err := ParsePub(s, ""); err == nil {
			t.Errorf("ParsePub(%q) = %v, want an error", s, p)
		}
	}
	for s, want := range map[string]string{"USD123456S": "USD123456S", "US RE45678 E": "USRE45678E", "CN 104968889 A": "CN104968889A", "IN 2851DE2013 A": "IN2851DE2013A"} {
		p, err := ParsePub(s, "")
		if err != nil || p.String() != want {
			t.Errorf("ParsePub(%q) = %v, %v; want %s", s, p, err, want)
		}
	}
}

// TestStripBidi: every bidirectional control goes, other text stays byte for byte.
func TestStripBidi(t *testing.T) {
	in := "a\u202Eevil\u202C b\u2066c\u2069\u200E\u200F\u061C — 无人机"
	if got, want := StripBidi(in), "aevil bc — 无人机"; got != want {
		t.Errorf("StripBidi = %q, want %q", got, want)
	}
	if got := CleanText(" x\u202Ey "); got != "xy" {
		t.Errorf("CleanText kept a bidi control: %q", got)
	}
	for _, s := range []string{"plain", "— dash “quotes”", ""} {
		if StripBidi(s) != s {
			t.Errorf("StripBidi(%q) changed it", s)
		}
	}
}
