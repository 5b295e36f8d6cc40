package reports

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports/svg"
)

// IncompleteMark follows an incomplete year in tables and chart labels ("2024†").
const IncompleteMark = "†"

// Locale formats numbers and looks up phrases for one report language.
type Locale struct {
	Lang string // "zh" or "en"
}

// NewLocale returns the locale for lang ("zh" or "en").
func NewLocale(lang string) (Locale, error) {
	if lang != "zh" && lang != "en" {
		return Locale{}, fmt.Errorf("reports: unsupported language %q (want zh or en)", lang)
	}
	return Locale{Lang: lang}, nil
}

// T returns the phrase for key with {name} placeholders replaced by the given name/value pairs.
// A missing key renders as ⟦key⟧ (the tests look for it).
func (l Locale) T(key string, pairs ...string) string {
	p, ok := catalog[key]
	if !ok {
		return "⟦" + key + "⟧"
	}
	s := p[0]
	if l.Lang == "en" {
		s = p[1]
	}
	if len(pairs) > 0 {
		s = strings.NewReplacer(braces(pairs)...).Replace(s)
	}
	return s
}

func braces(pairs []string) []string {
	out := make([]string, len(pairs))
	for i, p := range pairs {
		if i%2 == 0 {
			p = "{" + p + "}"
		}
		out[i] = p
	}
	return out
}

// Term translates an enumerated value of the model (a stage, band, kind, status, phase label,
// unit, recommendation kind …) of the given group; unknown values are returned as they are.
func (l Locale) Term(group, value string) string {
	p, ok := catalog["term."+group+":"+strings.ToLower(strings.TrimSpace(value))]
	if !ok {
		return value
	}
	if l.Lang == "en" {
		return p[1]
	}
	return p[0]
}

// NA is the text for a value that is not available.
func (l Locale) NA() string { return l.T("na") }

// Int formats n with thousands separators.
func (l Locale) Int(n int) string { return svg.Number(float64(n), 0) }

// Num formats v with at most prec decimals and thousands separators; NaN/Inf give NA.
func (l Locale) Num(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return l.NA()
	}
	return svg.Number(v, prec)
}

// Fit formats a goodness of fit (R², 0–1) with at least prec decimals and as many more (up to
// 6) as it takes not to round a value below 1 up to "1": 0.9996 prints as 0.9996, not 1 (a value
// within 5e-7 of 1 prints as 1).
func (l Locale) Fit(v float64, prec int) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return l.NA()
	}
	for v < 1 && prec < 6 && math.Abs(v) < 1 && svg.Number(v, prec) == "1" {
		prec++
	}
	return svg.Number(v, prec)
}

// Count formats a possibly fractional count: whole numbers without decimals, else one decimal.
func (l Locale) Count(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return l.NA()
	}
	if v == math.Trunc(v) {
		return svg.Number(v, 0)
	}
	return svg.Number(v, 1)
}

// Pct formats a share (0.123) as a percentage ("12.3%"). A share that is not zero never prints
// as 0 % or 100 %: 2 of 5,874 is "<0.1%", 5,873 of 5,874 ">99.9%".
func (l Locale) Pct(share float64) string {
	if math.IsNaN(share) || math.IsInf(share, 0) {
		return l.NA()
	}
	s := svg.Number(100*share, 1)
	switch {
	case s == "0" && share > 0:
		return "<0.1%"
	case s == "0" && share < 0:
		return "−<0.1%"
	case s == "100" && share < 1:
		return ">99.9%"
	}
	return s + "%"
}

// PctP formats a share pointer; nil gives NA.
func (l Locale) PctP(p *float64) string {
	if p == nil {
		return l.NA()
	}
	return l.Pct(*p)
}

// IntP formats a count pointer; nil gives NA.
func (l Locale) IntP(p *int) string {
	if p == nil {
		return l.NA()
	}
	return l.Int(*p)
}

// NumP formats a number pointer; nil gives NA.
func (l Locale) NumP(p *float64, prec int) string {
	if p == nil {
		return l.NA()
	}
	return l.Num(*p, prec)
}

// SignedPct formats a growth rate with its sign ("+12.3%", "−4.0%").
func (l Locale) SignedPct(p *float64) string {
	if p == nil || math.IsNaN(*p) || math.IsInf(*p, 0) {
		return l.NA()
	}
	s := l.Pct(*p)
	switch {
	case strings.HasPrefix(s, "-"):
		return "−" + s[1:]
	case strings.HasPrefix(s, "−"):
		return s
	case s == "0%":
		return s
	}
	return "+" + s
}

// Year formats a year, marked when incomplete.
func (l Locale) Year(y int, incomplete bool) string {
	if y == 0 {
		return l.NA()
	}
	s := strconv.Itoa(y)
	if incomplete {
		s += IncompleteMark
	}
	return s
}

// Span formats a year range ("2000–2025"); zero ends give NA.
func (l Locale) Span(from, to int) string {
	switch {
	case from == 0 && to == 0:
		return l.NA()
	case from == to || to == 0:
		return strconv.Itoa(from)
	case from == 0:
		return strconv.Itoa(to)
	}
	return strconv.Itoa(from) + "–" + strconv.Itoa(to)
}

// List joins items with the language's list separator.
func (l Locale) List(items []string) string {
	if len(items) == 0 {
		return l.T("none")
	}
	if l.Lang == "zh" {
		return strings.Join(items, "、")
	}
	return strings.Join(items, ", ")
}

// Basis says what a section's numbers were computed on: unit, N, years, method notes and query.
// (An English Note, left in models not yet converted to typed Method notes, is shown as given.)
func (l Locale) Basis(b landscape.Basis) string {
	if b.Unit == "" && b.N == 0 && b.From == 0 && b.To == 0 && b.Note == "" && len(b.Method) == 0 {
		return l.T("basis.none")
	}
	parts := []string{l.T("basis.n", "n", l.Int(b.N), "unit", l.Term("unit", b.Unit))}
	if b.From != 0 || b.To != 0 {
		parts = append(parts, l.T("basis.years", "years", l.Span(b.From, b.To)))
	}
	for _, n := range b.Method {
		parts = append(parts, l.NoteText(n))
	}
	if b.Note != "" {
		parts = append(parts, b.Note)
	}
	if b.Query != "" {
		parts = append(parts, l.T("basis.query", "query", b.Query))
	}
	sep := "; "
	if l.Lang == "zh" {
		sep = "；"
	}
	return l.T("basis") + strings.Join(parts, sep)
}
