package reports

import "testing"

// TestFitDigits: an S-curve fit of R² 0.9996 printed as "1" (three decimals round it up): the
// report claimed a perfect fit. Fit adds decimals until the value no longer rounds to 1; only an
// exact fit (or one within 5e-7 of it, six decimals being the limit) prints 1. Expected strings: the values rounded by hand to the first precision at
// which they differ from 1.
func TestFitDigits(t *testing.T) {
	l, err := NewLocale("en")
	if err != nil {
		t.Fatal(err)
	}
	for v, want := range map[float64]string{0.9996: "0.9996", 0.99996: "0.99996", 0.9987: "0.999", 0.5: "0.5", 1: "1", 0.9999996: "1"} {
		if got := l.Fit(v, 3); got != want {
			t.Errorf("Fit(%v, 3) = %q, want %q", v, got, want)
		}
	}
}

// TestPctNeverFalseZero: a share that is not zero never prints as 0 % or 100 %.
func TestPctNeverFalseZero(t *testing.T) {
	l := Locale{Lang: "en"}
	neg := -0.0002
	for _, c := range []struct {
		v    float64
		want string
	}{{2.0 / 5874, "<0.1%"}, {0, "0%"}, {1, "100%"}, {5873.0 / 5874, ">99.9%"}, {0.123, "12.3%"}, {0.0006, "0.1%"}, {-0.0002, "−<0.1%"}} {
		if got := l.Pct(c.v); got != c.want {
			t.Errorf("Pct(%v) = %q, want %q", c.v, got, c.want)
		}
	}
	if got := l.SignedPct(&neg); got != "−<0.1%" {
		t.Errorf("SignedPct(%v) = %q", neg, got)
	}
}
