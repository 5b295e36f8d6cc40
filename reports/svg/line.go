package svg

import (
	"html/template"
	"math"
	"strconv"
	"strings"
)

// Series is one line of a line chart: Values[i] belongs to the chart's Years[i]; NaN or ±Inf is
// a gap.
type Series struct {
	Name   string
	Values []float64
}

// dashes distinguish series beyond colour.
var dashes = []string{"", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"}

// Lines draws a multi-series line chart over years with a legend. Years flagged incomplete sit in
// a shaded band labelled Incomplete and their points are hollow.
func Lines(o Options, years []int, incomplete []bool, series []Series) template.HTML {
	has := false
	max := 0.0
	for _, s := range series {
		for _, v := range s.Values {
			if finite(v) {
				has = true
				max = math.Max(max, v)
			}
		}
	}
	if len(years) == 0 || !has {
		return NoData(o)
	}
	w, h := float64(o.Width), float64(o.Height)
	if w <= 0 {
		w = 720
	}
	if h <= 0 {
		h = 260
	}
	// Legend rows above the plot.
	type entry struct{ x, y float64 }
	var legend []entry
	lx, ly := 12.0, 16.0
	for _, s := range series {
		lw := 30 + TextWidth(s.Name, fsSmall+1) + 16
		if lx+lw > w-12 && lx > 12 {
			lx, ly = 12, ly+18
		}
		legend = append(legend, entry{lx, ly})
		lx += lw
	}
	top, step := niceScale(max, 4)
	left := math.Max(40, TextWidth(axisLabel(top), fsSmall+1)+14)
	right, ptop, bottom := w-14, ly+26, h-28
	c := newCanvas(o, w, h)
	n1 := len(years)
	xAt := func(i int) float64 {
		if n1 == 1 {
			return (left + right) / 2
		}
		return left + (right-left)*float64(i)/float64(n1-1)
	}
	yAt := func(v float64) float64 { return bottom - (bottom-ptop)*v/top }
	// Incomplete band.
	first := -1
	for i := range years {
		if i < len(incomplete) && incomplete[i] {
			first = i
			break
		}
	}
	if first >= 0 {
		x1 := xAt(first) - (right-left)/float64(max1(n1-1))/2
		if first == 0 {
			x1 = left
		}
		c.rect(x1, ptop, right-x1, bottom-ptop, "#f0f0f0", "", "")
		c.text(right-2, ptop+12, o.incomplete(), "end", fsSmall, colMuted, "")
	}
	c.yAxis(left, right, ptop, bottom, top, step, o)
	every := labelEvery(n1, (right-left)/float64(max1(n1-1)), TextWidth("0000", fsSmall+1))
	for i, y := range years {
		if (n1-1-i)%every == 0 {
			c.text(xAt(i), bottom+15, strconv.Itoa(y), "middle", fsSmall+1, colText, "")
		}
	}
	for k, s := range series {
		col := Palette[k%len(Palette)]
		var d strings.Builder
		pen := false
		for i := range years {
			if i >= len(s.Values) || !finite(s.Values[i]) {
				pen = false
				continue
			}
			if pen {
				d.WriteString("L")
			} else {
				d.WriteString("M")
			}
			d.WriteString(n(xAt(i)) + " " + n(yAt(s.Values[i])))
			pen = true
		}
		if d.Len() > 0 {
			c.raw(`<path d="` + d.String() + `" fill="none" stroke="` + col + `" stroke-width="2"`)
			if dash := dashes[k%len(dashes)]; dash != "" {
				c.raw(` stroke-dasharray="` + dash + `"`)
			}
			c.raw(`/>`)
		}
		for i, y := range years {
			if i >= len(s.Values) || !finite(s.Values[i]) {
				continue
			}
			inc := i < len(incomplete) && incomplete[i]
			hover := s.Name + ", " + strconv.Itoa(y) + ": " + o.format(s.Values[i])
			fill := col
			if inc {
				fill = "#ffffff"
				hover += " (" + o.incomplete() + ")"
			}
			c.raw(`<circle cx="` + n(xAt(i)) + `" cy="` + n(yAt(s.Values[i])) + `" r="3" fill="` + fill + `" stroke="` + col + `" stroke-width="1.5"><title>` + Esc(hover) + `</title></circle>`)
		}
		e := legend[k]
		c.line(e.x, e.y-4, e.x+24, e.y-4, col, 2, dashes[k%len(dashes)])
		c.text(e.x+30, e.y, s.Name, "start", fsSmall+1, colText, "")
	}
	return c.html()
}

func max1(v int) int {
	if v < 1 {
		return 1
	}
	return v
}

// PhasePoint is one year of the life-cycle phase chart.
type PhasePoint struct {
	Year       int
	X, Y       float64 // applications, applicants
	Incomplete bool
}

// Phase draws the technology life-cycle phase chart: x = applications, y = distinct applicants,
// one point per year joined in time order, with year labels placed where they do not collide
// (first, last and incomplete years first) and incomplete points hollow.
func Phase(o Options, pts []PhasePoint) template.HTML {
	if len(pts) == 0 {
		return NoData(o)
	}
	w, h := float64(o.Width), float64(o.Height)
	if w <= 0 {
		w = 720
	}
	if h <= 0 {
		h = 420
	}
	maxX, maxY := 0.0, 0.0
	for _, p := range pts {
		if finite(p.X) {
			maxX = math.Max(maxX, p.X)
		}
		if finite(p.Y) {
			maxY = math.Max(maxY, p.Y)
		}
	}
	topX, stepX := niceScale(maxX, 5)
	topY, stepY := niceScale(maxY, 5)
	left := math.Max(48, TextWidth(axisLabel(topY), fsSmall+1)+16)
	right, ptop, bottom := w-24, 30.0, h-44
	c := newCanvas(o, w, h)
	c.yAxis(left, right, ptop, bottom, topY, stepY, o)
	xAt := func(v float64) float64 { return left + (right-left)*v/topX }
	yAt := func(v float64) float64 { return bottom - (bottom-ptop)*v/topY }
	for v := 0.0; v <= topX+stepX/2; v += stepX {
		x := xAt(v)
		c.line(x, ptop, x, bottom, colGrid, 1, "")
		c.text(x, bottom+15, axisLabel(v), "middle", fsSmall+1, colMuted, "")
	}
	c.line(left, ptop, left, bottom, colAxis, 1, "")
	if o.XLabel != "" {
		c.text(right, bottom+34, o.XLabel, "end", fsSmall+1, colMuted, "")
	}
	// Path in time order, with a marker every point.
	var d strings.Builder
	pen := false
	for _, p := range pts {
		if !finite(p.X) || !finite(p.Y) {
			pen = false
			continue
		}
		if pen {
			d.WriteString("L")
		} else {
			d.WriteString("M")
		}
		d.WriteString(n(xAt(p.X)) + " " + n(yAt(p.Y)))
		pen = true
	}
	c.raw(`<path d="` + d.String() + `" fill="none" stroke="` + colAxis + `" stroke-width="1.5"/>`)
	type box struct{ x1, y1, x2, y2 float64 }
	var placed []box
	overlaps := func(b box) bool {
		if b.x1 < left || b.x2 > w-2 || b.y1 < 2 || b.y2 > bottom {
			return true
		}
		for _, q := range placed {
			if b.x1 < q.x2 && b.x2 > q.x1 && b.y1 < q.y2 && b.y2 > q.y1 {
				return true
			}
		}
		return false
	}
	// Points occupy space too.
	for _, p := range pts {
		if finite(p.X) && finite(p.Y) {
			x, y := xAt(p.X), yAt(p.Y)
			placed = append(placed, box{x - 4, y - 4, x + 4, y + 4})
		}
	}
	for _, p := range pts {
		if !finite(p.X) || !finite(p.Y) {
			continue
		}
		x, y := xAt(p.X), yAt(p.Y)
		hover := strconv.Itoa(p.Year) + ": " + o.format(p.X) + " × " + o.format(p.Y)
		if o.XLabel != "" && o.YLabel != "" {
			hover = strconv.Itoa(p.Year) + ": " + o.XLabel + " " + o.format(p.X) + ", " + o.YLabel + " " + o.format(p.Y)
		}
		fill := colBar
		if p.Incomplete {
			fill = "#ffffff"
			hover += " (" + o.incomplete() + ")"
		}
		c.raw(`<circle cx="` + n(x) + `" cy="` + n(y) + `" r="4" fill="` + fill + `" stroke="` + colBar + `" stroke-width="1.5"><title>` + Esc(hover) + `</title></circle>`)
	}
	// Label order: first, last, incomplete, then every other year in time order.
	order := make([]int, 0, len(pts))
	seen := make([]bool, len(pts))
	add := func(i int) {
		if i >= 0 && i < len(pts) && !seen[i] {
			seen[i] = true
			order = append(order, i)
		}
	}
	add(0)
	add(len(pts) - 1)
	for i, p := range pts {
		if p.Incomplete {
			add(i)
		}
	}
	for i := range pts {
		add(i)
	}
	for _, i := range order {
		p := pts[i]
		if !finite(p.X) || !finite(p.Y) {
			continue
		}
		x, y := xAt(p.X), yAt(p.Y)
		label := strconv.Itoa(p.Year)
		if p.Incomplete {
			label += "†"
		}
		lw := TextWidth(label, fsSmall+1)
		cands := []struct{ dx, dy float64 }{{6, -6}, {-6 - lw, -6}, {6, 14}, {-6 - lw, 14}, {-lw / 2, -9}, {-lw / 2, 19}}
		for _, cd := range cands {
			b := box{x + cd.dx, y + cd.dy - 10, x + cd.dx + lw, y + cd.dy + 2}
			if !overlaps(b) {
				placed = append(placed, b)
				col := colText
				if p.Incomplete {
					col = colMuted
				}
				c.text(x+cd.dx, y+cd.dy, label, "start", fsSmall+1, col, "")
				break
			}
		}
	}
	if hasIncomplete(pts) {
		c.text(w-4, 16, "○ / † "+o.incomplete(), "end", fsSmall, colMuted, "")
	}
	return c.html()
}

func hasIncomplete(pts []PhasePoint) bool {
	for _, p := range pts {
		if p.Incomplete {
			return true
		}
	}
	return false
}

// Sparkline draws a small line without axes (default 120 × 28); incomplete points are hollow and
// the last complete value is marked.
func Sparkline(o Options, pts []YearValue) template.HTML {
	w, h := float64(o.Width), float64(o.Height)
	if w <= 0 {
		w = 120
	}
	if h <= 0 {
		h = 28
	}
	max, cnt := 0.0, 0
	for _, p := range pts {
		if finite(p.Value) {
			max = math.Max(max, p.Value)
			cnt++
		}
	}
	if cnt == 0 {
		o.Width, o.Height = int(w), int(h)
		return NoData(o)
	}
	if max <= 0 {
		max = 1
	}
	c := newCanvas(o, w, h)
	xAt := func(i int) float64 {
		if len(pts) == 1 {
			return w / 2
		}
		return 3 + (w-6)*float64(i)/float64(len(pts)-1)
	}
	yAt := func(v float64) float64 { return h - 3 - (h-6)*v/max }
	var d strings.Builder
	pen := false
	for i, p := range pts {
		if !finite(p.Value) {
			pen = false
			continue
		}
		if pen {
			d.WriteString("L")
		} else {
			d.WriteString("M")
		}
		d.WriteString(n(xAt(i)) + " " + n(yAt(p.Value)))
		pen = true
	}
	c.raw(`<path d="` + d.String() + `" fill="none" stroke="` + colBar + `" stroke-width="1.5"/>`)
	for i, p := range pts {
		if !finite(p.Value) {
			continue
		}
		hover := strconv.Itoa(p.Year) + ": " + o.format(p.Value)
		fill := colBar
		if p.Incomplete {
			fill = "#ffffff"
			hover += " (" + o.incomplete() + ")"
		}
		c.raw(`<circle cx="` + n(xAt(i)) + `" cy="` + n(yAt(p.Value)) + `" r="1.8" fill="` + fill + `" stroke="` + colBar + `" stroke-width="1"><title>` + Esc(hover) + `</title></circle>`)
	}
	return c.html()
}
