package svg

import (
	"html/template"
	"math"
	"strconv"
)

// YearBars draws a vertical bar chart over years. Incomplete years are hatched, drawn lighter,
// and bracketed with the Incomplete label; every bar has hover text "year: value".
func YearBars(o Options, pts []YearValue) template.HTML {
	if len(pts) == 0 {
		return NoData(o)
	}
	w, h := float64(o.Width), float64(o.Height)
	if w <= 0 {
		w = 720
	}
	if h <= 0 {
		h = 260
	}
	max := 0.0
	key := []string{o.Title}
	for _, p := range pts {
		if finite(p.Value) && p.Value > max {
			max = p.Value
		}
		key = append(key, strconv.Itoa(p.Year), n(p.Value))
	}
	top, step := niceScale(max, 4)
	yMaxLabel := TextWidth(axisLabel(top), fsSmall+1)
	left, right, ptop, bottom := math.Max(40, yMaxLabel+14), w-12, 40.0, h-28
	id := or(o.ID, hashID("c", key...))
	c := newCanvas(o, w, h)
	c.raw(hatch(id+"h", colBarPale))
	c.yAxis(left, right, ptop, bottom, top, step, o)
	band := (right - left) / float64(len(pts))
	bw := band * 0.78
	every := labelEvery(len(pts), band, TextWidth("0000", fsSmall+1))
	showValues := band >= TextWidth(o.format(max), fsSmall)+2
	firstInc, lastInc := -1, -1
	for i, p := range pts {
		x := left + band*float64(i) + (band-bw)/2
		v := p.Value
		if !finite(v) || v < 0 {
			v = 0
		}
		bh := (bottom - ptop) * v / top
		hover := strconv.Itoa(p.Year) + ": " + o.format(p.Value)
		if p.Incomplete {
			hover += " (" + o.incomplete() + ")"
			c.rect(x, bottom-bh, bw, bh, "url(#"+id+"h)", colBar, hover)
			if firstInc < 0 {
				firstInc = i
			}
			lastInc = i
		} else {
			c.rect(x, bottom-bh, bw, bh, colBar, "", hover)
		}
		if showValues && finite(p.Value) {
			c.text(x+bw/2, bottom-bh-4, o.format(p.Value), "middle", fsSmall, colMuted, "")
		}
		if (len(pts)-1-i)%every == 0 {
			c.text(x+bw/2, bottom+15, strconv.Itoa(p.Year), "middle", fsSmall+1, colText, "")
		}
	}
	if firstInc >= 0 {
		x1 := left + band*float64(firstInc) + 1
		x2 := left + band*float64(lastInc+1) - 1
		y := ptop - 12
		c.raw(`<path d="M` + n(x1) + ` ` + n(y+5) + `V` + n(y) + `H` + n(x2) + `V` + n(y+5) + `" fill="none" stroke="` + colMuted + `"/>`)
		lbl := o.incomplete()
		anchor, tx := "middle", (x1+x2)/2
		if tx+TextWidth(lbl, fsSmall)/2 > w-2 {
			anchor, tx = "end", x2
		}
		c.text(tx, y-4, lbl, anchor, fsSmall, colMuted, "")
	}
	return c.html()
}

// HBars draws a horizontal bar chart of items in the given order, with value labels. Labels are
// measured (CJK runes count double) and shortened with an ellipsis only when they exceed 40% of
// the width; the full label stays in the hover text.
func HBars(o Options, items []Item) template.HTML {
	if len(items) == 0 {
		return NoData(o)
	}
	w := float64(o.Width)
	if w <= 0 {
		w = 720
	}
	const rowH = 22.0
	max, labelW, valW := 0.0, 0.0, 0.0
	for _, it := range items {
		if finite(it.Value) && it.Value > max {
			max = it.Value
		}
		labelW = math.Max(labelW, TextWidth(it.Label, fsLabel))
		valW = math.Max(valW, TextWidth(o.format(it.Value), fsSmall+1))
	}
	labelW = math.Min(labelW, w*0.4)
	left := labelW + 12
	right := w - valW - 10
	top := 8.0
	h := top + rowH*float64(len(items)) + 8
	if o.Height > 0 && float64(o.Height) > h {
		h = float64(o.Height)
	}
	if max <= 0 {
		max = 1
	}
	c := newCanvas(o, w, h)
	c.line(left, top, left, top+rowH*float64(len(items)), colAxis, 1, "")
	for i, it := range items {
		y := top + rowH*float64(i)
		v := it.Value
		if !finite(v) || v < 0 {
			v = 0
		}
		bw := (right - left) * v / max
		hover := it.Label + ": " + o.format(it.Value)
		if it.Hover != "" {
			hover += " — " + it.Hover
		}
		c.text(left-6, y+rowH/2+4, Fit(it.Label, fsLabel, labelW), "end", fsLabel, colText, "")
		c.rect(left, y+3, bw, rowH-6, Palette[0], "", hover)
		c.text(left+bw+4, y+rowH/2+4, o.format(it.Value), "start", fsSmall+1, colText, "")
	}
	return c.html()
}

// StackedShare draws one 100% bar split into the items' shares of their total, with a legend
// below giving each label and its percentage. Items with non-positive or undefined values are
// listed in the legend but take no space.
func StackedShare(o Options, items []Item) template.HTML {
	total := 0.0
	for _, it := range items {
		if finite(it.Value) && it.Value > 0 {
			total += it.Value
		}
	}
	if len(items) == 0 || total <= 0 {
		return NoData(o)
	}
	w := float64(o.Width)
	if w <= 0 {
		w = 720
	}
	const barH, pad = 30.0, 8.0
	// Legend layout: flow left to right, wrapping.
	type entry struct {
		x, y  float64
		label string
	}
	var legend []entry
	x, y := pad, pad+barH+22
	for _, it := range items {
		label := it.Label + " " + pct(it.Value, total)
		lw := 16 + TextWidth(label, fsSmall+1) + 14
		if x+lw > w-pad && x > pad {
			x, y = pad, y+18
		}
		legend = append(legend, entry{x, y, label})
		x += lw
	}
	h := y + 10
	c := newCanvas(o, w, h)
	bx := pad
	span := w - 2*pad
	for i, it := range items {
		v := it.Value
		if !finite(v) || v <= 0 {
			continue
		}
		sw := span * v / total
		col := Palette[i%len(Palette)]
		hover := it.Label + ": " + o.format(it.Value) + " (" + pct(it.Value, total) + ")"
		if it.Hover != "" {
			hover += " — " + it.Hover
		}
		c.rect(bx, pad, sw, barH, col, "#ffffff", hover)
		p := pct(it.Value, total)
		if TextWidth(p, fsSmall+1)+6 < sw {
			c.text(bx+sw/2, pad+barH/2+4, p, "middle", fsSmall+1, textOn(col), "")
		}
		bx += sw
	}
	for i, e := range legend {
		c.rect(e.x, e.y-10, 12, 12, Palette[i%len(Palette)], "", "")
		c.text(e.x+16, e.y, e.label, "start", fsSmall+1, colText, "")
	}
	return c.html()
}

func pct(v, total float64) string {
	if !finite(v) || total <= 0 {
		return ""
	}
	return Number(100*v/total, 1) + "%"
}
