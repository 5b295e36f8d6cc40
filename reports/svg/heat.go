package svg

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

// blues is ColorBrewer's sequential Blues (9 classes), light to dark.
var blues = [][3]float64{
	{0xf7, 0xfb, 0xff}, {0xde, 0xeb, 0xf7}, {0xc6, 0xdb, 0xef}, {0x9e, 0xca, 0xe1}, {0x6b, 0xae, 0xd6},
	{0x42, 0x92, 0xc6}, {0x21, 0x71, 0xb5}, {0x08, 0x51, 0x9c}, {0x08, 0x30, 0x6b},
}

// Diverging ramps from the neutral centre outwards: blue for > 1, orange for < 1 (ColorBrewer
// RdBu's blue arm and PuOr's orange arm, both distinguishable under common colour-vision deficiencies).
var (
	divCentre = [3]float64{0xf7, 0xf7, 0xf7}
	divHigh   = [][3]float64{divCentre, {0xd1, 0xe5, 0xf0}, {0x92, 0xc5, 0xde}, {0x43, 0x93, 0xc3}, {0x21, 0x66, 0xac}}
	divLow    = [][3]float64{divCentre, {0xfe, 0xe0, 0xb6}, {0xfd, 0xb8, 0x63}, {0xe0, 0x82, 0x14}, {0xb3, 0x58, 0x06}}
)

// ramp interpolates a colour at t ∈ [0, 1] along stops.
func ramp(stops [][3]float64, t float64) string {
	if !finite(t) || t < 0 {
		t = 0
	}
	if t > 1 {
		t = 1
	}
	pos := t * float64(len(stops)-1)
	i := int(math.Floor(pos))
	if i >= len(stops)-1 {
		i = len(stops) - 2
	}
	f := pos - float64(i)
	var rgb [3]float64
	for k := range rgb {
		rgb[k] = stops[i][k] + (stops[i+1][k]-stops[i][k])*f
	}
	return hex(rgb)
}

func hex(rgb [3]float64) string {
	const digits = "0123456789abcdef"
	b := []byte{'#'}
	for _, v := range rgb {
		x := int(math.Round(v))
		if x < 0 {
			x = 0
		}
		if x > 255 {
			x = 255
		}
		b = append(b, digits[x>>4], digits[x&15])
	}
	return string(b)
}

// textOn returns dark text for light fills and white text for dark fills.
func textOn(fill string) string {
	if len(fill) != 7 || fill[0] != '#' {
		return colText
	}
	var rgb [3]float64
	for k := range rgb {
		v, err := strconv.ParseUint(fill[1+2*k:3+2*k], 16, 8)
		if err != nil {
			return colText
		}
		c := float64(v) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		rgb[k] = c
	}
	lum := 0.2126*rgb[0] + 0.7152*rgb[1] + 0.0722*rgb[2]
	if lum < 0.22 {
		return "#ffffff"
	}
	return colText
}

// matrixLayout computes the shared geometry of heat maps.
type matrixLayout struct {
	w, h, left, top, cw, ch float64
	every                   int
	heads                   [][]string // column labels, one or two lines each
}

func layoutMatrix(o Options, rows, cols []string) matrixLayout {
	w := float64(o.Width)
	if w <= 0 {
		w = 720
	}
	labelW := 0.0
	for _, r := range rows {
		labelW = math.Max(labelW, TextWidth(r, fsLabel))
	}
	labelW = math.Min(labelW, w*0.32)
	l := matrixLayout{w: w, left: labelW + 12, ch: 22}
	l.cw = (w - l.left - 8) / float64(len(cols))
	colLabelW := 0.0
	for _, c := range cols {
		colLabelW = math.Max(colLabelW, TextWidth(c, fsSmall+1))
	}
	l.every = 1
	lines := 1
	if colLabelW > l.cw-4 {
		// Short labels (years): label every k-th column; long labels: wrap onto two lines.
		if colLabelW <= 40 {
			l.every = labelEvery(len(cols), l.cw, colLabelW)
		} else {
			lines = 2
		}
	}
	for _, c := range cols {
		if lines == 2 {
			l.heads = append(l.heads, wrap2(c, fsSmall+1, l.cw-4))
		} else {
			l.heads = append(l.heads, []string{c})
		}
	}
	l.top = 24 + 13*float64(lines-1)
	l.h = l.top + l.ch*float64(len(rows)) + 46
	return l
}

// wrap2 breaks s into at most two lines no wider than max (at a space for Latin text, anywhere
// between CJK runes); the second line is shortened with an ellipsis.
func wrap2(s string, size, max float64) []string {
	if TextWidth(s, size) <= max {
		return []string{s}
	}
	rs := []rune(s)
	cut, lastSpace := 0, -1
	for i := range rs {
		if TextWidth(string(rs[:i+1]), size) > max {
			break
		}
		cut = i + 1
		if rs[i] == ' ' {
			lastSpace = i
		}
	}
	if cut < len(rs) && lastSpace > 0 && !Wide(rs[cut]) {
		cut = lastSpace + 1
	}
	if cut == 0 {
		cut = 1
	}
	first := strings.TrimRight(string(rs[:cut]), " ")
	rest := strings.TrimLeft(string(rs[cut:]), " ")
	if rest == "" {
		return []string{first}
	}
	return []string{first, Fit(rest, size, max)}
}

// heads draws the column labels, with the full label as hover text.
func (c *canvas) heads(l matrixLayout, cols []string) {
	for j, col := range cols {
		if (len(cols)-1-j)%l.every != 0 {
			continue
		}
		x := l.left + l.cw*float64(j) + l.cw/2
		lines := l.heads[j]
		for k, line := range lines {
			y := l.top - 8 - 13*float64(len(lines)-1-k)
			c.b.WriteString(`<text x="` + n(x) + `" y="` + n(y) + `" text-anchor="middle" font-size="` + n(fsSmall+1) + `">` + Esc(line) + `<title>` + Esc(col) + `</title></text>`)
		}
	}
}

// Heatmap draws rows × columns cells coloured on a sequential blue scale from 0 to the maximum,
// with the value in each cell where it fits and a legend. NaN or ±Inf cells are empty and say NA
// in their hover text. flagged marks rows (e.g. incomplete years): their cells are outlined with
// dashes, their hover text says Incomplete and the legend explains the dashes. values[i] is row
// i. Long column labels wrap onto two lines; put many short categories (years) on the rows.
func Heatmap(o Options, rows, cols []string, values [][]float64, flagged []bool) template.HTML {
	if len(rows) == 0 || len(cols) == 0 {
		return NoData(o)
	}
	l := layoutMatrix(o, rows, cols)
	max := 0.0
	for _, row := range values {
		for _, v := range row {
			if finite(v) && v > max {
				max = v
			}
		}
	}
	scale := func(v float64) float64 {
		if max <= 0 {
			return 0
		}
		if o.Sqrt {
			return math.Sqrt(math.Max(v, 0) / max)
		}
		return math.Max(v, 0) / max
	}
	c := newCanvas(o, l.w, l.h)
	c.heads(l, cols)
	anyFlag := false
	for i, row := range rows {
		y := l.top + l.ch*float64(i)
		isF := i < len(flagged) && flagged[i]
		anyFlag = anyFlag || isF
		labelCol := colText
		if isF {
			labelCol = colMuted
		}
		c.text(l.left-6, y+l.ch/2+4, Fit(row, fsLabel, l.left-12), "end", fsLabel, labelCol, "")
		for j, col := range cols {
			x := l.left + l.cw*float64(j)
			v := math.NaN()
			if i < len(values) && j < len(values[i]) {
				v = values[i][j]
			}
			hover := row + " × " + col + ": " + o.format(v)
			if isF {
				hover += " (" + o.incomplete() + ")"
			}
			if !finite(v) {
				c.rect(x+1, y+1, l.cw-2, l.ch-2, "#ffffff", colGrid, hover)
				continue
			}
			fill := ramp(blues, scale(v))
			c.rect(x+0.5, y+0.5, l.cw-1, l.ch-1, fill, "", hover)
			if isF {
				c.raw(`<rect x="` + n(x+2) + `" y="` + n(y+2) + `" width="` + n(l.cw-4) + `" height="` + n(l.ch-4) + `" fill="none" stroke="` + textOn(fill) + `" stroke-dasharray="3 2"/>`)
			}
			label := o.format(v)
			if TextWidth(label, fsSmall) > l.cw-4 {
				label = compact(v)
			}
			if TextWidth(label, fsSmall) <= l.cw-4 {
				c.text(x+l.cw/2, y+l.ch/2+3.5, label, "middle", fsSmall, textOn(fill), "")
			}
		}
	}
	// Legend: five swatches from 0 to max, then the dashed incomplete marker.
	ly := l.top + l.ch*float64(len(rows)) + 14
	c.text(l.left, ly+12, o.format(0), "end", fsSmall+1, colMuted, `dx="-4"`)
	for k := 0; k < 5; k++ {
		t := float64(k) / 4
		c.rect(l.left+float64(k)*28, ly, 28, 14, ramp(blues, t), colGrid, "")
	}
	x := l.left + 5*28 + 4
	c.text(x, ly+12, o.format(max), "start", fsSmall+1, colMuted, "")
	x += TextWidth(o.format(max), fsSmall+1) + 8
	if o.Sqrt {
		c.text(x, ly+12, "(√)", "start", fsSmall+1, colMuted, "")
		x += 28
	}
	if anyFlag {
		c.raw(`<rect x="` + n(x+8) + `" y="` + n(ly+1) + `" width="20" height="12" fill="#ffffff" stroke="` + colMuted + `" stroke-dasharray="3 2"/>`)
		c.text(x+34, ly+12, o.incomplete(), "start", fsSmall+1, colMuted, "")
	}
	return c.html()
}

// compact formats v with k/M suffixes for narrow cells.
func compact(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e6:
		return Number(v/1e6, 1) + "M"
	case a >= 1e4:
		return Number(v/1e3, 0) + "k"
	case a >= 1e3:
		return Number(v/1e3, 1) + "k"
	case a >= 10:
		return Number(v, 0)
	}
	return Number(v, 1)
}

// Diverging draws a matrix of ratios centred on 1 (e.g. RTA): cells above 1 shade blue, below 1
// orange, with intensity by the symmetric index (r−1)/(r+1); nil or undefined cells stay empty
// with a dash and NA in the hover text. values[i][j] is row i, column j.
func Diverging(o Options, rows, cols []string, values [][]*float64) template.HTML {
	if len(rows) == 0 || len(cols) == 0 {
		return NoData(o)
	}
	l := layoutMatrix(o, rows, cols)
	c := newCanvas(o, l.w, l.h)
	c.heads(l, cols)
	for i, row := range rows {
		y := l.top + l.ch*float64(i)
		c.text(l.left-6, y+l.ch/2+4, Fit(row, fsLabel, l.left-12), "end", fsLabel, colText, "")
		for j, col := range cols {
			x := l.left + l.cw*float64(j)
			var p *float64
			if i < len(values) && j < len(values[i]) {
				p = values[i][j]
			}
			if p == nil || !finite(*p) || *p < 0 {
				c.rect(x+1, y+1, l.cw-2, l.ch-2, "#ffffff", colGrid, row+" × "+col+": "+o.na())
				c.text(x+l.cw/2, y+l.ch/2+4, "–", "middle", fsSmall+1, colMuted, "")
				continue
			}
			r := *p
			fill := divColor(r)
			c.rect(x+0.5, y+0.5, l.cw-1, l.ch-1, fill, "", row+" × "+col+": "+Number(r, 2))
			if label := Number(r, 2); TextWidth(label, fsSmall) <= l.cw-3 {
				c.text(x+l.cw/2, y+l.ch/2+3.5, label, "middle", fsSmall, textOn(fill), "")
			}
		}
	}
	ly := l.top + l.ch*float64(len(rows)) + 14
	steps := []float64{1.0 / 3, 0.5, 1, 2, 3}
	for k, r := range steps {
		fill := divColor(r)
		x := l.left + float64(k)*40
		c.rect(x, ly, 40, 14, fill, colGrid, "")
		c.text(x+20, ly+26, Number(r, 2), "middle", fsSmall, colMuted, "")
	}
	c.rect(l.left+5*40+12, ly, 14, 14, "#ffffff", colGrid, "")
	c.text(l.left+5*40+19, ly+11, "–", "middle", fsSmall+1, colMuted, "")
	c.text(l.left+5*40+32, ly+11, o.na(), "start", fsSmall+1, colMuted, "")
	return c.html()
}

// divColor maps a ratio to the diverging ramps by its symmetric index (r−1)/(r+1), saturating at
// ±0.5 (a ratio of 3 or 1/3).
func divColor(r float64) string {
	s := (r - 1) / (r + 1) / 0.5
	if s < 0 {
		return ramp(divLow, -s)
	}
	return ramp(divHigh, s)
}
