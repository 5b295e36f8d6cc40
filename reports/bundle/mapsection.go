package bundle

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/mapsvg"
)

var mapTmpl = template.Must(template.New("map").Parse(`{{.Map}}
<table><thead><tr><th>{{.H.cluster}}</th><th class="num">{{.H.families}}</th><th class="num">{{.H.cagr}}</th><th>{{.H.quadrant}}</th><th>{{.H.applicants}}</th><th>{{.H.why}}</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}</td><td class="num">{{.Size}}</td><td class="num">{{.CAGR}}</td><td>{{.Quadrant}}</td><td>{{.Applicants}}</td><td>{{.Why}}</td></tr>
{{end}}</tbody></table>
{{if .WS}}<h3>{{.H.white_spaces}}</h3><ul>{{range .WS}}<li>{{.}}</li>{{end}}</ul>{{end}}
<h3>{{.H.method}}</h3><ul class="note">{{range .Method}}<li>{{.}}</li>{{end}}</ul>`))

type mapRow struct{ Label, Size, CAGR, Quadrant, Applicants, Why string }

// MapSection renders report section 11 (the landscape map, its clusters and white space) for the
// macro report in lang; every word comes from the reports catalogue.
func MapSection(tm *landscape.TechMap, lang string) reports.ExtraSection {
	l, err := reports.NewLocale(lang)
	if err != nil {
		l, _ = reports.NewLocale("en")
	}
	w := map[string]string{}
	for _, k := range []string{"cluster", "families", "cagr", "quadrant", "applicants", "why", "white_spaces", "method"} {
		w[k] = l.Cat("map." + k)
	}
	sec := reports.ExtraSection{Number: 11, ID: "s11", Title: l.Cat("map.section"), Basis: l.Basis(tm.Basis)}
	eval := l.MapEvaluationText(tm.Evaluation)
	var rows []mapRow
	var md strings.Builder
	esc := reports.MarkdownEscape
	fmt.Fprintf(&md, "%s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---|---|---|\n", esc(eval), w["cluster"], w["families"], w["cagr"], w["quadrant"], w["applicants"], w["why"])
	label := map[int]string{}
	for _, c := range tm.Clusters {
		label[c.ID] = "C" + strconv.Itoa(c.ID) + " " + l.ClusterLabel(c, 4)
	}
	for _, c := range tm.Clusters {
		var apps []string
		for _, a := range c.Applicants[:min(3, len(c.Applicants))] {
			apps = append(apps, a.Key)
		}
		why := ""
		if c.Why != nil {
			why = l.MapReasonText(*c.Why, "")
		}
		r := mapRow{Label: label[c.ID], Size: l.Int(c.Size), CAGR: l.SignedPct(c.CAGR), Quadrant: l.Term("quadrant", c.Quadrant), Applicants: strings.Join(apps, "; "), Why: why}
		rows = append(rows, r)
		fmt.Fprintf(&md, "| %s | %s | %s | %s | %s | %s |\n", esc(r.Label), r.Size, r.CAGR, esc(r.Quadrant), esc(r.Applicants), esc(r.Why))
	}
	var ws []string
	for _, x := range tm.WhiteSpace {
		where := l.Cat("map.thin", "cluster", label[x.Cluster])
		if x.Kind == "gap" {
			where = l.Cat("map.gap", "x", l.Num(x.X, 2), "y", l.Num(x.Y, 2))
		}
		ws = append(ws, where+l.Cat("map.colon")+l.MapReasonText(x.Why, label[x.Cluster]))
	}
	if len(ws) > 0 {
		fmt.Fprintf(&md, "\n**%s**\n\n", w["white_spaces"])
		for _, x := range ws {
			fmt.Fprintf(&md, "- %s\n", esc(x))
		}
	}
	var method []string
	for _, n := range append(append([]landscape.Note{}, tm.Notes...), tm.Evaluation.KRule, tm.Network.Rule) {
		if n.Code != "" {
			method = append(method, l.NoteText(n))
		}
	}
	fmt.Fprintf(&md, "\n**%s**\n\n", w["method"])
	for _, x := range method {
		fmt.Fprintf(&md, "- %s\n", esc(x))
	}
	svgHTML := mapsvg.HTML(tm, mapsvg.Options{Lang: l.Lang})
	var b strings.Builder
	mapTmpl.Execute(&b, map[string]any{"Map": svgHTML, "Eval": eval, "H": w, "Rows": rows, "WS": ws, "Method": method})
	sec.HTML = template.HTML(b.String())
	sec.Markdown = md.String()
	return sec
}
