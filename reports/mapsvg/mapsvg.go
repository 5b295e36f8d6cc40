// Package mapsvg renders a technology landscape map (the landscape.TechMap model) as inline SVG:
// density contours drawn as filled "mountain" bands, labelled peaks, documents as points coloured
// by cluster with their titles as hover text, an optional overlay of one applicant's documents,
// white-space markers and a legend.
//
// The output is deterministic (it depends only on the arguments), needs no external resource, and
// escapes every text through reports/svg.Esc.
package mapsvg

import (
	"fmt"
	"html/template"
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/svg"
)

// Options configure Render. Zero fields take defaults.
type Options struct {
	Title string // the map's accessible name and heading
	// Size is the side of the square map in pixels (default 720); the legend adds LegendWidth.
	Size        int
	LegendWidth int // default 300
	// MaxPoints caps the drawn documents (default 4000): a deterministic stride sample.
	MaxPoints int
	// Overlay are highlighted positions (landscape.TechMap.Overlay) drawn on top, named OverlayName.
	Overlay     []landscape.MapPoint
	OverlayName string
	// HideWhiteSpace leaves out the white-space markers.
	HideWhiteSpace bool
	// Lang is the language of every word on the map ("zh" or "en", the default): the legend,
	// the hover texts with the hotspot and white-space reasons (worded from the model's codes by
	// the reports catalogue), cluster labels (their zh or en terms) and the caption.
	Lang string
	// Words used in the legend (defaults from Lang).
	LegendTitle, HotspotWord, WhiteSpaceWord, DocumentsWord string
}

func (o Options) withDefaults() Options {
	if o.Size <= 0 {
		o.Size = 720
	}
	if o.LegendWidth <= 0 {
		o.LegendWidth = 300
	}
	if o.MaxPoints <= 0 {
		o.MaxPoints = 4000
	}
	if o.Lang != "zh" {
		o.Lang = "en"
	}
	l := o.locale()
	o.Title = or(o.Title, l.Cat("map.title"))
	o.OverlayName = or(o.OverlayName, l.Cat("map.selected"))
	o.LegendTitle = or(o.LegendTitle, l.Cat("map.legend"))
	o.HotspotWord = or(o.HotspotWord, l.Cat("map.hotspot"))
	o.WhiteSpaceWord = or(o.WhiteSpaceWord, l.Cat("map.white_space"))
	o.DocumentsWord = or(o.DocumentsWord, l.Cat("map.documents"))
	return o
}

// locale is the reports locale of o.Lang (English unless "zh").
func (o Options) locale() reports.Locale {
	l, err := reports.NewLocale(o.Lang)
	if err != nil {
		l, _ = reports.NewLocale("en")
	}
	return l
}

func or(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// Fixed colours: a sea, terrain bands from lowland to summit, ink.
const (
	colSea     = "#f3f7fa"
	colText    = "#1a1a1a"
	colMuted   = "#555555"
	colOverlay = "#000000"
	fontStack  = "system-ui, 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"
)

// terrain is the band colour ramp, lowest level first (light sand to brown).
var terrain = []string{"#eef0e2", "#dfe5c6", "#cfd8aa", "#d9c99a", "#ccb184", "#bf9a70", "#a9825b", "#8f6c4a", "#775a3e"}

// okabeIto are the first cluster colours (colour-blind safe); later clusters take golden-angle
// hues.
var okabeIto = []string{"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"}

// Colour returns the colour of cluster id.
func Colour(id int) string {
	if id < 0 {
		return "#999999"
	}
	if id < len(okabeIto) {
		return okabeIto[id]
	}
	h := math.Mod(float64(id-len(okabeIto))*137.508+20, 360)
	return "hsl(" + strconv.Itoa(int(h)) + ",70%,38%)"
}

// n formats a coordinate with one decimal (finite, no "-0").
func n(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	v = math.Round(v*10) / 10
	if v == 0 {
		return "0"
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// Render returns the landscape map r as an inline <svg> element (no xmlns; see Standalone).
// A nil map or one without points renders a "no data" placeholder.
func Render(r *landscape.TechMap, o Options) template.HTML {
	o = o.withDefaults()
	l := o.locale()
	S := float64(o.Size)
	W, H := S+float64(o.LegendWidth), S+40
	top := 36.0 // map origin y (below the heading)
	var b strings.Builder
	t := svg.Esc(o.Title)
	b.WriteString(`<svg class="landscape-map" viewBox="0 0 ` + n(W) + ` ` + n(H) + `" width="` + n(W) + `" height="` + n(H) +
		`" role="img" aria-label="` + t + `" font-family="` + fontStack + `" font-size="12" fill="` + colText + `">`)
	b.WriteString(`<title>` + t + `</title>`)
	b.WriteString(`<rect x="0" y="0" width="` + n(W) + `" height="` + n(H) + `" fill="#ffffff"/>`)
	b.WriteString(`<text x="8" y="22" font-size="16" font-weight="bold">` + t + `</text>`)
	if r == nil || len(r.Points) == 0 {
		b.WriteString(`<text x="` + n(W/2) + `" y="` + n(H/2) + `" text-anchor="middle" fill="` + colMuted + `">` + svg.Esc(l.Cat("map.no_data")) + `</text></svg>`)
		return template.HTML(b.String())
	}
	X := func(x float64) float64 { return x * S }
	Y := func(y float64) float64 { return top + y*S }
	b.WriteString(`<rect x="0" y="` + n(top) + `" width="` + n(S) + `" height="` + n(S) + `" fill="` + colSea + `" stroke="#cccccc"/>`)

	// Mountains: one even-odd path per level, lowest first.
	b.WriteString(`<g class="contours" stroke-linejoin="round">`)
	for i, c := range r.Contours {
		if len(c.Lines) == 0 {
			continue
		}
		col := terrain[min(len(terrain)-1, i*len(terrain)/max(1, len(r.Contours)))]
		b.WriteString(`<path fill="` + col + `" fill-rule="evenodd" stroke="#8a7a5a" stroke-opacity="0.55" stroke-width="0.7" d="`)
		for _, l := range c.Lines {
			for p := 0; p+1 < len(l); p += 2 {
				if p == 0 {
					b.WriteString("M")
				} else {
					b.WriteString("L")
				}
				b.WriteString(n(X(l[p])) + " " + n(Y(l[p+1])))
			}
			b.WriteString("Z")
		}
		b.WriteString(`"><title>` + svg.Esc(l.Cat("map.density", "level", strconv.FormatFloat(c.Level, 'g', 3, 64), "docs", o.DocumentsWord)) + `</title></path>`)
	}
	b.WriteString(`</g>`)

	// Points, a deterministic stride sample.
	label := map[int]string{}
	for _, c := range r.Clusters {
		label[c.ID] = l.ClusterLabel(c, 3)
	}
	step := max(1, (len(r.Points)+o.MaxPoints-1)/o.MaxPoints)
	b.WriteString(`<g class="points" stroke="#ffffff" stroke-width="0.4">`)
	for i := 0; i < len(r.Points); i += step {
		p := r.Points[i]
		b.WriteString(`<circle cx="` + n(X(p.X)) + `" cy="` + n(Y(p.Y)) + `" r="2.2" fill="` + Colour(p.Cluster) + `" fill-opacity="0.85"><title>` +
			svg.Esc(p.Title+" ["+p.ID+"] — C"+strconv.Itoa(p.Cluster)+" "+label[p.Cluster]) + `</title></circle>`)
	}
	b.WriteString(`</g>`)

	// White space.
	if !o.HideWhiteSpace {
		for _, w := range r.WhiteSpace {
			if w.Kind != "gap" {
				continue
			}
			b.WriteString(`<circle class="white-space" cx="` + n(X(w.X)) + `" cy="` + n(Y(w.Y)) + `" r="14" fill="none" stroke="#2a7ab0" stroke-width="1.5" stroke-dasharray="4 3"><title>` +
				svg.Esc(o.WhiteSpaceWord+l.Cat("map.colon")+l.MapReasonText(w.Why, "C"+strconv.Itoa(w.Cluster)+" "+label[w.Cluster])) + `</title></circle>`)
		}
	}

	// Overlay.
	if len(o.Overlay) > 0 {
		b.WriteString(`<g class="overlay" fill="#ffe14d" stroke="` + colOverlay + `" stroke-width="0.8" fill-opacity="0.9">`)
		for _, p := range o.Overlay {
			b.WriteString(`<circle cx="` + n(X(p.X)) + `" cy="` + n(Y(p.Y)) + `" r="3.5"><title>` +
				svg.Esc(o.OverlayName+": "+p.Title+" ["+p.ID+"]") + `</title></circle>`)
		}
		b.WriteString(`</g>`)
	}

	// Peaks with labels: each cluster is named once, at its highest peak; a label overlapping an
	// earlier one is left out (its peak keeps the marker and the hover text).
	var placed []box
	named := map[int]bool{}
	b.WriteString(`<g class="peaks">`)
	for _, pk := range r.Peaks {
		x, y := X(pk.X), Y(pk.Y)
		pl := pk.Label
		if s, ok := label[pk.Cluster]; ok {
			pl = s
		}
		hover := svg.Esc(fmt.Sprintf("C%d %s", pk.Cluster, pl))
		b.WriteString(`<path d="M` + n(x) + ` ` + n(y-5) + `L` + n(x+4.5) + ` ` + n(y+3) + `L` + n(x-4.5) + ` ` + n(y+3) + `Z" fill="#3b2a1a"><title>` + hover + `</title></path>`)
		if named[pk.Cluster] {
			continue
		}
		named[pk.Cluster] = true
		txt := svg.Fit(pl, 12, 200)
		w := svg.TextWidth(txt, 12)
		for _, dy := range []float64{-9, 18, -24, 33} {
			bx := box{x - w/2 - 2, y + dy - 12, x + w/2 + 2, y + dy + 3}
			if bx.x0 < 0 {
				bx.x0, bx.x1 = 0, w+4
			}
			if bx.x1 > S {
				bx.x0, bx.x1 = S-w-4, S
			}
			if bx.y0 < top || bx.y1 > top+S {
				continue
			}
			clash := false
			for _, q := range placed {
				if q.overlaps(bx) {
					clash = true
					break
				}
			}
			if clash {
				continue
			}
			placed = append(placed, bx)
			cx := (bx.x0 + bx.x1) / 2
			b.WriteString(`<text x="` + n(cx) + `" y="` + n(y+dy) + `" text-anchor="middle" font-weight="bold" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">` +
				svg.Esc(txt) + `<title>` + hover + `</title></text>`)
			break
		}
	}
	b.WriteString(`</g>`)

	// Legend.
	lx := S + 16
	ly := top + 6
	b.WriteString(`<g class="legend">`)
	b.WriteString(`<text x="` + n(lx) + `" y="` + n(ly+10) + `" font-weight="bold">` + svg.Esc(o.LegendTitle) + `</text>`)
	ly += 28
	rowH := math.Min(22, (S-80)/float64(max(1, len(r.Clusters))))
	fs := math.Max(10, math.Min(12, rowH-3))
	for _, c := range r.Clusters {
		mark := ""
		if c.Hotspot {
			mark = " ▲"
		}
		text := fmt.Sprintf("C%d %s (%d)%s", c.ID, label[c.ID], c.Size, mark)
		hover := fmt.Sprintf("C%d %s — %d %s%s%s", c.ID, label[c.ID], c.Size, o.DocumentsWord, l.Cat("map.comma"), l.Term("quadrant", c.Quadrant))
		if c.Hotspot && c.Why != nil {
			hover += l.Cat("map.semicolon") + o.HotspotWord + l.Cat("map.colon") + l.MapReasonText(*c.Why, "")
		}
		b.WriteString(`<g><title>` + svg.Esc(hover) + `</title><rect x="` + n(lx) + `" y="` + n(ly-fs+2) + `" width="10" height="10" fill="` + Colour(c.ID) + `"/>` +
			`<text x="` + n(lx+16) + `" y="` + n(ly) + `" font-size="` + n(fs) + `">` + svg.Esc(svg.Fit(text, fs, float64(o.LegendWidth)-36)) + `</text></g>`)
		ly += rowH
	}
	ly += 8
	b.WriteString(`<text x="` + n(lx) + `" y="` + n(ly) + `" font-size="10" fill="` + colMuted + `">` + svg.Esc("▲ "+o.HotspotWord) + `</text>`)
	if len(o.Overlay) > 0 {
		ly += 16
		b.WriteString(`<circle cx="` + n(lx+5) + `" cy="` + n(ly-4) + `" r="4.5" fill="#ffe14d" stroke="#000000" stroke-width="1.2"/><text x="` + n(lx+16) + `" y="` + n(ly) + `" font-size="10">` +
			svg.Esc(fmt.Sprintf("%s (%d)", o.OverlayName, len(o.Overlay))) + `</text>`)
	}
	if !o.HideWhiteSpace && hasGap(r) {
		ly += 16
		b.WriteString(`<circle cx="` + n(lx+5) + `" cy="` + n(ly-4) + `" r="5" fill="none" stroke="#2a7ab0" stroke-dasharray="3 2"/><text x="` + n(lx+16) + `" y="` + n(ly) + `" font-size="10">` +
			svg.Esc(o.WhiteSpaceWord) + `</text>`)
	}
	if step > 1 {
		ly += 16
		b.WriteString(`<text x="` + n(lx) + `" y="` + n(ly) + `" font-size="10" fill="` + colMuted + `">` +
			svg.Esc(l.Cat("map.sampled", "step", strconv.Itoa(step), "n", l.Int(len(r.Points)), "docs", o.DocumentsWord)) + `</text>`)
	}
	b.WriteString(`</g></svg>`)
	return template.HTML(b.String())
}

func hasGap(r *landscape.TechMap) bool {
	for _, w := range r.WhiteSpace {
		if w.Kind == "gap" {
			return true
		}
	}
	return false
}

// HTML returns the map inside a <figure> with a caption summarising the evaluation, ready to be
// placed in a report page.
func HTML(r *landscape.TechMap, o Options) template.HTML {
	m := Render(r, o)
	cap := ""
	if r != nil {
		cap = o.withDefaults().locale().MapEvaluationText(r.Evaluation)
	}
	return template.HTML(`<figure class="landscape">` + string(m) + `<figcaption style="font-family:sans-serif;font-size:12px">` + svg.Esc(cap) + `</figcaption></figure>`)
}

// Standalone returns the map as a standalone SVG document.
func Standalone(r *landscape.TechMap, o Options) []byte { return svg.Standalone(Render(r, o)) }

// num formats *v with prec decimals, "n/a" when undefined.
