// Package svg builds small, deterministic inline-SVG charts for patnav's reports: year bars,
// line charts, the life-cycle phase chart, horizontal bars, heat maps, a diverging RTA matrix,
// a stacked share bar and sparklines.
//
// Every builder returns template.HTML that is safe by construction: every label and hover text is
// XML-escaped (and stripped of characters XML cannot carry), every coordinate is a finite number
// formatted with strconv 'f' at fixed precision, and the output depends only on the arguments (no
// map iteration, no clock, no randomness). Charts carry a viewBox and an explicit width, a <title>
// for the chart and for every mark (hover text), dark text on a light background at 10px or more,
// a colour-blind-safe palette (Okabe–Ito, ColorBrewer Blues and a blue/orange diverging ramp) and
// no external fonts, scripts or requests. Empty data renders a "no data" placeholder. The output
// has no xmlns attribute, which HTML5 does not need; use Standalone for a .svg file.
package svg

import (
	"hash/fnv"
	"html/template"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Palette is the Okabe–Ito colour-blind-safe palette used for categorical series, in order.
var Palette = []string{"#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#F0E442", "#000000"}

// Fixed colours.
const (
	colText    = "#1a1a1a"
	colMuted   = "#555555"
	colGrid    = "#dddddd"
	colAxis    = "#888888"
	colBar     = "#0072B2"
	colBarPale = "#9ecae1"
	colNoData  = "#f4f4f4"
	fontStack  = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
	fsLabel    = 12.0
	fsSmall    = 10.0
	minFont    = 10.0
)

// Options are the settings every chart shares. Zero values select the defaults.
type Options struct {
	// Title is the chart's accessible name (its <title> and aria-label).
	Title string
	// Width and Height of the viewBox in CSS pixels; 0 selects the chart's default.
	Width, Height int
	// NoData is the placeholder text for empty data (default "no data").
	NoData string
	// NA is the text for an undefined value in hover text and cells (default "n/a").
	NA string
	// Incomplete labels incomplete years (default "incomplete").
	Incomplete string
	// XLabel and YLabel name the axes where the chart has them.
	XLabel, YLabel string
	// Format formats values in labels and hover text (default: Number with one decimal).
	Format func(float64) string
	// Sqrt maps heat-map values to colour by square root (for skewed matrices).
	Sqrt bool
	// ID seeds the ids of <defs> so that several charts can share one HTML page; default: a hash
	// of the title and the data.
	ID string
}

func (o Options) noData() string { return or(o.NoData, "no data") }
func (o Options) na() string     { return or(o.NA, "n/a") }
func (o Options) incomplete() string {
	return or(o.Incomplete, "incomplete")
}
func (o Options) format(v float64) string {
	if !finite(v) {
		return o.na()
	}
	if o.Format != nil {
		return o.Format(v)
	}
	return Number(v, 1)
}

func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// YearValue is one year of a series.
type YearValue struct {
	Year       int
	Value      float64
	Incomplete bool
}

// Item is a labelled value (a bar, a share, a segment). Hover is extra hover text.
type Item struct {
	Label string
	Value float64
	Hover string
}

// Number formats v with at most prec decimals (trailing zeros dropped) and thousands separators;
// NaN and ±Inf give "".
func Number(v float64, prec int) string {
	if !finite(v) {
		return ""
	}
	s := strconv.FormatFloat(v, 'f', prec, 64)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return b.String()
}

// n formats a coordinate: finite, one decimal, no "-0".
func n(v float64) string {
	if !finite(v) {
		v = 0
	}
	v = math.Round(v*10) / 10
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// Esc escapes s for XML text and attribute values (<, >, &, ", ') and replaces characters that
// XML 1.0 cannot carry (control characters, invalid UTF-8) with U+FFFD.
func Esc(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Wide reports whether r is drawn double width (CJK ideographs, kana, hangul, full-width forms).
func Wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0x303E,
		r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}

// TextWidth estimates the drawn width of s at font size size: wide (CJK) runes count one em,
// narrow ones 0.6 em (a safe upper bound for proportional Latin sans-serif fonts).
func TextWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case Wide(r):
			w += 1.0
		case r == 'i' || r == 'l' || r == 'j' || r == '.' || r == ',' || r == ' ' || r == '\'' || r == '|' || r == ':':
			w += 0.32
		case r >= 'A' && r <= 'Z' || r == 'm' || r == 'w' || r == 'M' || r == 'W':
			w += 0.7
		default:
			w += 0.58
		}
	}
	return w * size
}

// Fit shortens s with an ellipsis so that it is at most max wide at font size size.
func Fit(s string, size, max float64) string {
	if TextWidth(s, size) <= max {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 {
		rs = rs[:len(rs)-1]
		t := strings.TrimRight(string(rs), " ") + "…"
		if TextWidth(t, size) <= max {
			return t
		}
	}
	return "…"
}

// hashID makes a deterministic id prefix from the parts.
func hashID(prefix string, parts ...string) string {
	h := fnv.New32a()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return prefix + strconv.FormatUint(uint64(h.Sum32()), 36)
}

// canvas accumulates SVG markup.
type canvas struct {
	b    strings.Builder
	w, h float64
}

func newCanvas(o Options, w, h float64) *canvas {
	c := &canvas{w: w, h: h}
	t := Esc(o.Title)
	c.b.WriteString(`<svg class="chart" viewBox="0 0 ` + n(w) + ` ` + n(h) + `" width="` + n(w) + `" height="` + n(h) +
		`" role="img" aria-label="` + t + `" font-family="` + fontStack + `" font-size="` + n(fsLabel) + `" fill="` + colText + `">`)
	c.b.WriteString(`<title>` + t + `</title>`)
	c.b.WriteString(`<rect x="0" y="0" width="` + n(w) + `" height="` + n(h) + `" fill="#ffffff"/>`)
	return c
}

func (c *canvas) raw(s string) { c.b.WriteString(s) }

func (c *canvas) html() template.HTML {
	c.b.WriteString(`</svg>`)
	return template.HTML(c.b.String())
}

// rect draws a rectangle with hover text.
func (c *canvas) rect(x, y, w, h float64, fill, stroke, hover string) {
	if w < 0 {
		w = 0
	}
	if h < 0 {
		h = 0
	}
	c.b.WriteString(`<rect x="` + n(x) + `" y="` + n(y) + `" width="` + n(w) + `" height="` + n(h) + `" fill="` + fill + `"`)
	if stroke != "" {
		c.b.WriteString(` stroke="` + stroke + `"`)
	}
	if hover == "" {
		c.b.WriteString(`/>`)
		return
	}
	c.b.WriteString(`><title>` + Esc(hover) + `</title></rect>`)
}

// text draws escaped text; anchor is start, middle or end.
func (c *canvas) text(x, y float64, s, anchor string, size float64, fill string, extra string) {
	if size < minFont {
		size = minFont
	}
	c.b.WriteString(`<text x="` + n(x) + `" y="` + n(y) + `"`)
	if anchor != "" && anchor != "start" {
		c.b.WriteString(` text-anchor="` + anchor + `"`)
	}
	if size != fsLabel {
		c.b.WriteString(` font-size="` + n(size) + `"`)
	}
	if fill != "" && fill != colText {
		c.b.WriteString(` fill="` + fill + `"`)
	}
	if extra != "" {
		c.b.WriteString(" " + extra)
	}
	c.b.WriteString(`>` + Esc(s) + `</text>`)
}

func (c *canvas) line(x1, y1, x2, y2 float64, stroke string, width float64, dash string) {
	c.b.WriteString(`<line x1="` + n(x1) + `" y1="` + n(y1) + `" x2="` + n(x2) + `" y2="` + n(y2) + `" stroke="` + stroke + `" stroke-width="` + n(width) + `"`)
	if dash != "" {
		c.b.WriteString(` stroke-dasharray="` + dash + `"`)
	}
	c.b.WriteString(`/>`)
}

// NoData renders the placeholder chart for empty data.
func NoData(o Options) template.HTML {
	w, h := float64(o.Width), float64(o.Height)
	if w <= 0 {
		w = 480
	}
	if h <= 0 {
		h = 80
	}
	c := newCanvas(o, w, h)
	c.raw(`<rect x="1" y="1" width="` + n(w-2) + `" height="` + n(h-2) + `" fill="` + colNoData + `" stroke="` + colAxis + `" stroke-dasharray="4 3"/>`)
	size := fsLabel
	if h < 30 {
		size = minFont
	}
	c.text(w/2, h/2+size*0.35, o.noData(), "middle", size, colMuted, "")
	return c.html()
}

// Standalone turns a chart into a standalone SVG document (adds the SVG namespace).
func Standalone(chart template.HTML) []byte {
	s := string(chart)
	if strings.HasPrefix(s, "<svg ") && !strings.Contains(s[:strings.IndexByte(s, '>')], "xmlns=") {
		s = `<svg xmlns="http://www.w3.org/2000/svg" ` + s[len("<svg "):]
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>` + "\n" + s + "\n")
}

// niceScale returns an axis maximum ≥ max and a tick step giving about `ticks` intervals.
func niceScale(max float64, ticks int) (top, step float64) {
	if !finite(max) || max <= 0 {
		return 1, 1
	}
	raw := max / float64(ticks)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	top = math.Ceil(max/step-1e-9) * step
	if top <= 0 {
		top = step
	}
	return top, step
}

// axisLabel formats a tick value compactly (thousands separators, at most 2 decimals).
func axisLabel(v float64) string {
	if math.Abs(v) >= 1 {
		return Number(v, 1)
	}
	return Number(v, 2)
}

// hatch defines a diagonal hatch pattern with the given id and colour.
func hatch(id, color string) string {
	return `<defs><pattern id="` + id + `" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">` +
		`<rect width="6" height="6" fill="#ffffff"/><rect width="2.5" height="6" fill="` + color + `"/></pattern></defs>`
}

// yAxis draws horizontal grid lines and tick labels for [0, top] within the plot box.
func (c *canvas) yAxis(left, right, top, bottom, max, step float64, o Options) {
	for v := 0.0; v <= max+step/2; v += step {
		y := bottom - (bottom-top)*v/max
		c.line(left, y, right, y, colGrid, 1, "")
		c.text(left-6, y+4, axisLabel(v), "end", fsSmall+1, colMuted, "")
	}
	c.line(left, bottom, right, bottom, colAxis, 1, "")
	if o.YLabel != "" {
		// Anchored at the chart's left edge: a right-aligned label at the axis ran off the canvas.
		c.text(4, top-10, o.YLabel, "start", fsSmall+1, colMuted, "")
	}
}

// labelEvery returns the step between labelled categories so labels of width lw fit in bands of bw.
func labelEvery(count int, bw, lw float64) int {
	if bw <= 0 {
		return count
	}
	k := int(math.Ceil((lw + 10) / bw))
	if k < 1 {
		k = 1
	}
	// prefer steps that divide years nicely
	for _, s := range []int{1, 2, 5, 10, 20, 50} {
		if s >= k {
			return s
		}
	}
	return k
}
