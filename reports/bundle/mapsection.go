package bundle

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/mapsvg"
)

var mapWords = map[string]map[string]string{
	"zh": {"title": "技术聚类与专利地图（空白点）", "map": "专利技术地图", "legend": "技术簇", "hot": "热点", "white": "空白点", "docs": "专利族",
		"cluster": "技术簇", "size": "专利族", "cagr": "年均增长", "quadrant": "战略象限", "applicants": "主要申请人", "why": "热点依据",
		"ws": "空白点与薄弱区", "eval": "评价", "na": "不可用",
		"basis":    "基础：%d 个专利族；标题与摘要 TF-IDF，球面 k-means（轮廓系数选 k）；主组共现网络 Louvain 社区",
		"evaltext": "k = %d（轮廓系数 %s）；不同随机种子稳定性 ARI %s；与 IPC 小类一致性 NMI %s；主组网络模块度 %s"},
	"en": {"title": "Technology clusters and landscape map (white space)", "map": "Patent landscape map", "legend": "Clusters", "hot": "hotspot", "white": "white space", "docs": "families",
		"cluster": "Cluster", "size": "Families", "cagr": "CAGR", "quadrant": "Quadrant", "applicants": "Top applicants", "why": "Hotspot because",
		"ws": "White space and thin areas", "eval": "Evaluation", "na": "n/a",
		"basis":    "Basis: %d families; TF-IDF over titles and abstracts, spherical k-means (k by silhouette); Louvain communities of the main-group network",
		"evaltext": "k = %d (silhouette %s); stability across seeds ARI %s; agreement with IPC subclasses NMI %s; class-network modularity %s"},
}

var quadrantZh = map[string]string{"motor": "主流（动力）", "niche": "小众（利基）", "emerging-or-declining": "新兴或衰退", "basic": "基础", "undefined": "未定"}

var mapTmpl = template.Must(template.New("map").Parse(`{{.Map}}
<p>{{.Eval}}</p>
<table><thead><tr><th>{{.H.cluster}}</th><th class="num">{{.H.size}}</th><th class="num">{{.H.cagr}}</th><th>{{.H.quadrant}}</th><th>{{.H.applicants}}</th><th>{{.H.why}}</th></tr></thead><tbody>
{{range .Rows}}<tr><td>{{.Label}}</td><td class="num">{{.Size}}</td><td class="num">{{.CAGR}}</td><td>{{.Quadrant}}</td><td>{{.Applicants}}</td><td>{{.Why}}</td></tr>
{{end}}</tbody></table>
{{if .WS}}<h3>{{.H.ws}}</h3><ul>{{range .WS}}<li>{{.}}</li>{{end}}</ul>{{end}}`))

type mapRow struct{ Label, Size, CAGR, Quadrant, Applicants, Why string }

func pct(p *float64, na string) string {
	if p == nil {
		return na
	}
	return fmt.Sprintf("%+.1f%%", 100**p)
}

func num(p *float64, d int, na string) string {
	if p == nil {
		return na
	}
	return fmt.Sprintf("%.*f", d, *p)
}

// MapSection renders report section 11 (the landscape map, its clusters and white space) for the
// macro report in lang.
func MapSection(tm *landscape.TechMap, lang string) reports.ExtraSection {
	w := mapWords[lang]
	if w == nil {
		w = mapWords["en"]
	}
	sec := reports.ExtraSection{Number: 11, ID: "s11", Title: w["title"], Basis: fmt.Sprintf(w["basis"], tm.Basis.N)}
	e := tm.Evaluation
	eval := fmt.Sprintf(w["evaltext"], e.K, num(e.Silhouette, 3, w["na"]), num(e.Stability, 2, w["na"]), num(e.NMI, 2, w["na"]), num(e.Modularity, 2, w["na"]))
	var rows []mapRow
	var md strings.Builder
	esc := reports.MarkdownEscape
	fmt.Fprintf(&md, "%s\n\n| %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---|---|---|\n", esc(eval), w["cluster"], w["size"], w["cagr"], w["quadrant"], w["applicants"], w["why"])
	for _, c := range tm.Clusters {
		label := c.Label
		if lang == "zh" && len(c.TermsZh) > 0 {
			label = strings.Join(c.TermsZh[:min(4, len(c.TermsZh))], "、")
		} else if lang == "en" && len(c.TermsEn) > 0 {
			label = strings.Join(c.TermsEn[:min(4, len(c.TermsEn))], ", ")
		}
		q := c.Quadrant
		if lang == "zh" && quadrantZh[q] != "" {
			q = quadrantZh[q]
		}
		var apps []string
		for _, a := range c.Applicants[:min(3, len(c.Applicants))] {
			apps = append(apps, a.Key)
		}
		r := mapRow{Label: label, Size: fmt.Sprint(c.Size), CAGR: pct(c.CAGR, w["na"]), Quadrant: q, Applicants: strings.Join(apps, "; "), Why: c.Why}
		rows = append(rows, r)
		fmt.Fprintf(&md, "| %s | %s | %s | %s | %s | %s |\n", esc(r.Label), r.Size, r.CAGR, esc(r.Quadrant), esc(r.Applicants), esc(r.Why))
	}
	var ws []string
	for _, x := range tm.WhiteSpace {
		ws = append(ws, x.Why)
	}
	if len(ws) > 0 {
		fmt.Fprintf(&md, "\n**%s**\n\n", w["ws"])
		for _, x := range ws {
			fmt.Fprintf(&md, "- %s\n", esc(x))
		}
	}
	svgHTML := mapsvg.HTML(tm, mapsvg.Options{Title: w["map"], LegendTitle: w["legend"], HotspotWord: w["hot"], WhiteSpaceWord: w["white"], DocumentsWord: w["docs"]})
	var b strings.Builder
	mapTmpl.Execute(&b, map[string]any{"Map": svgHTML, "Eval": eval, "H": w, "Rows": rows, "WS": ws})
	sec.HTML = template.HTML(b.String())
	sec.Markdown = md.String()
	return sec
}
