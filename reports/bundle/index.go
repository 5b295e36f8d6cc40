package bundle

import (
	"html/template"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/reports"
)

var indexTmpl = template.Must(template.New("index").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<style>
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei",system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff}
header{background:#f4f6f9;border-bottom:3px solid #0b5cad;padding:24px 32px}
h1{margin:0 0 6px;font-size:26px} .sub{color:#444}
main{padding:16px 32px;max-width:1100px}
h2{color:#0b3d73;font-size:19px;border-bottom:1px solid #d0d7e2;padding-bottom:4px;margin-top:28px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:12px 0}
dt{color:#555} dd{margin:0;font-weight:600}
ul.links{list-style:none;padding:0} ul.links li{margin:6px 0;padding:8px 12px;border:1px solid #d0d7e2;border-radius:6px}
ul.links a{font-weight:600;color:#0b5cad;text-decoration:none} .alt{color:#666;font-size:13px;margin-left:10px}
table{border-collapse:collapse;font-size:14px} th,td{border-bottom:1px solid #e1e5ec;padding:4px 10px;text-align:left} td.n{text-align:right}
.lang{float:right;font-size:14px} .warn{color:#8a4b00;font-size:13px}
@media print{header{background:none} a{color:#000}}
</style></head><body>
<header><div class="lang">{{range .Other}}<a href="{{.Href}}">{{.Label}}</a>{{end}}</div>
<h1>{{.Title}}</h1><div class="sub">{{.Subtitle}}</div>
<dl>{{range .Facts}}<dt>{{.K}}</dt><dd>{{.V}}</dd>{{end}}</dl></header>
<main>
{{range .Groups}}<h2>{{.Title}}</h2><ul class="links">{{range .Items}}<li><a href="{{.Href}}">{{.Title}}</a>{{if .Alt}}<span class="alt">{{.Alt}}</span>{{end}}</li>{{end}}</ul>{{end}}
<h2>{{.StagesTitle}}</h2>
<table><thead><tr><th>{{.StageH}}</th><th>{{.StatusH}}</th></tr></thead><tbody>
{{range .Stages}}<tr><td>{{.Name}}</td><td>{{.Status}}</td></tr>{{end}}
</tbody></table>
{{if .Rejected}}<h2>{{.RejectedTitle}}</h2><ul>{{range .Rejected}}<li class="warn"><b>{{.Name}}</b> → {{.MovedTo}}: {{.Reason}}</li>{{end}}</ul>{{end}}
{{if .Warnings}}<h2>{{.WarningsTitle}}</h2><ul>{{range .Warnings}}<li class="warn">{{.}}</li>{{end}}</ul>{{end}}
</main></body></html>
`))

type kv struct{ K, V string }

type item struct{ Title, Href, Alt string }

type group struct {
	Title string
	Items []item
}

// langName is each language's name in itself, for the language switch.
var langName = map[string]string{"zh": "中文", "en": "English"}

var indexText = map[string]map[string]string{
	"zh": {"title": "专利导航成果包", "sub": "“1+N”专利导航：宏观产业导航、重点企业导航与专利风险预警", "industry": "产业", "region": "区域",
		"run": "运行编号", "date": "运行时间", "cutoff": "数据截止日", "families": "范围内专利族", "scope": "检索式",
		"landscape": "宏观产业导航（1）", "enterprises": "企业导航（N）", "warnings": "专利风险预警", "zone": "实验区专项工作", "data": "数据与元数据",
		"stages": "运行阶段", "stage": "阶段", "seconds": "耗时（秒）", "status": "状态", "warnlist": "说明与提示",
		"xlsx": "主要数据表（XLSX）", "runjson": "运行清单（JSON）", "models": "模型（JSON）", "clusters": "专利族聚类归属（CSV）",
		"stage.ingest": "数据导入", "stage.landscape": "宏观产业导航", "stage.enterprises": "企业导航", "stage.warnings": "风险预警", "stage.effect": "绩效跟踪", "stage.value": "价值评估与运营", "stage.bundle": "成果包",
		"status.ok": "完成", "status.failed": "失败",
		"colon": "：", "noent": "配置中未列出企业，本次未进行企业导航", "rejected": "未能导入的文件（已移出收件箱，原因见同名 .reason.txt）"},
	"en": {"title": "Patent navigation bundle", "sub": "\"1+N\" patent navigation: macro industry navigation, enterprise navigations and patent risk warnings", "industry": "Industry", "region": "Region",
		"run": "Run", "date": "Run time", "cutoff": "Data cut-off", "families": "Families in scope", "scope": "Search strategy",
		"landscape": "Macro industry navigation (the 1)", "enterprises": "Enterprise navigations (the N)", "warnings": "Patent risk warnings", "zone": "The zone's own work", "data": "Data and metadata",
		"stages": "Run stages", "stage": "Stage", "seconds": "Seconds", "status": "Status", "warnlist": "Notes",
		"xlsx": "Main tables (XLSX)", "runjson": "Run manifest (JSON)", "models": "Models (JSON)", "clusters": "Cluster assignments of the families (CSV)",
		"stage.ingest": "Ingest", "stage.landscape": "Macro landscape", "stage.enterprises": "Enterprise navigations", "stage.warnings": "Risk warnings", "stage.effect": "Effect tracking", "stage.value": "Value and operation", "stage.bundle": "Bundle",
		"status.ok": "done", "status.failed": "failed",
		"colon": ": ", "noent": "the config names no enterprise: no enterprise navigations this run", "rejected": "Inputs not ingested (moved out of the inbox; the reason is in the .reason.txt beside each)"},
}

// StageWorded reports whether a run stage's name has words in every index language (the index
// shows an unworded stage by its code name).
func StageWorded(name string) bool {
	for _, t := range indexText {
		if t["stage."+name] == "" {
			return false
		}
	}
	return true
}

// Link is an entry of the index page.
type Link struct {
	Group string            // "landscape", "enterprises", "warnings", "zone"
	Title map[string]string // per language
	Href  map[string]string // per language ("" key: all languages)
}

// LangLinks returns a link whose href is pattern with each language filled in (pattern has one
// %s), titled per language.
func LangLinks(group string, title map[string]string, langs []string, pattern string) Link {
	h := map[string]string{}
	for _, l := range langs {
		h[l] = strings.Replace(pattern, "%s", l, 1)
	}
	return Link{Group: group, Title: title, Href: h}
}

// StageStatus is one row of the index page's stage table.
type StageStatus struct {
	Name   string
	Status string
}

// Index is what the bundle's index page shows.
type Index struct {
	Cfg      *config.Config
	RunID    string
	Started  string
	Cutoff   string
	Families int
	Links    []Link
	Stages   []StageStatus
	// Unavailable are the macro landscape's analyses the data could not support, worded per
	// language by the report catalogue.
	Unavailable []landscape.Unavailable
	// NoEnterprises: the config names no enterprise, so there are no enterprise navigations.
	NoEnterprises bool
	Clusters      bool // the landscape has a map: link its clusters.csv
	// Rejected are the inbox inputs the run set aside (the rest was published).
	Rejected []Rejected
}

// Rejected is an inbox input a run could not ingest, as the index page lists it.
type Rejected struct {
	Name, Reason, MovedTo string
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// WriteIndex writes index_<lang>.html for each language and index.html (the first language).
func WriteIndex(dir string, ix Index) error {
	cfg := ix.Cfg
	langs := cfg.Analysis.Languages
	for i, lang := range langs {
		t := indexText[lang]
		data := map[string]any{"Lang": lang, "Title": cfg.Industry.Name.In(lang) + " · " + t["title"], "Subtitle": t["sub"]}
		scope := strings.Join(cfg.Industry.Scope.Codes, ", ")
		if kw := cfg.Industry.Scope.Keywords.All(); len(kw) > 0 {
			scope += " | " + strings.Join(kw, ", ")
		}
		region := cfg.Region.Name.In(lang)
		if region == "" {
			region = strings.Trim(cfg.Region.Country+" "+cfg.Region.Province+" "+cfg.Region.City, " ")
		}
		data["Facts"] = []kv{{t["industry"], cfg.Industry.Name.In(lang)}, {t["region"], region}, {t["run"], ix.RunID},
			{t["date"], ix.Started}, {t["cutoff"], ix.Cutoff}, {t["families"], itoa(ix.Families)}, {t["scope"], scope}}
		var groups []group
		for _, g := range []string{"landscape", "enterprises", "warnings", "zone"} {
			gr := group{Title: t[g]}
			for _, l := range ix.Links {
				if l.Group != g {
					continue
				}
				href := l.Href[lang]
				if href == "" {
					href = l.Href[""]
				}
				alt := ""
				for _, o := range langs {
					if o != lang && l.Title[o] != "" && l.Title[o] != l.Title[lang] {
						alt = l.Title[o]
					}
				}
				gr.Items = append(gr.Items, item{Title: l.Title[lang], Href: href, Alt: alt})
			}
			if len(gr.Items) > 0 {
				groups = append(groups, gr)
			}
		}

		files := []item{{Title: t["xlsx"], Href: "tables.xlsx"}, {Title: t["runjson"], Href: "run.json"}, {Title: t["models"], Href: "landscape/macro.json"}}
		if ix.Clusters {
			files = append(files, item{Title: t["clusters"], Href: "landscape/" + ClustersFile})
		}
		groups = append(groups, group{Title: t["data"], Items: files})
		data["Groups"] = groups
		var other []map[string]string
		for _, o := range langs {
			if o != lang {
				other = append(other, map[string]string{"Href": "index_" + o + ".html", "Label": langName[o]})
			}
		}
		data["Other"] = other
		data["StagesTitle"], data["StageH"], data["SecondsH"], data["StatusH"] = t["stages"], t["stage"], t["seconds"], t["status"]
		var stages []StageStatus
		for _, st := range ix.Stages {
			stages = append(stages, StageStatus{Name: or(t["stage."+st.Name], st.Name), Status: or(t["status."+st.Status], st.Status)})
		}
		var notes []string
		if loc, err := reports.NewLocale(lang); err == nil {
			for _, u := range ix.Unavailable {
				name, reason := loc.UnavailableText(u)
				notes = append(notes, name+t["colon"]+reason)
			}
		}
		if ix.NoEnterprises {
			notes = append(notes, t["noent"])
		}
		data["Stages"], data["WarningsTitle"], data["Warnings"] = stages, t["warnlist"], notes
		data["RejectedTitle"], data["Rejected"] = t["rejected"], ix.Rejected
		names := []string{"index_" + lang + ".html"}
		if i == 0 {
			names = append(names, "index.html")
		}
		for _, n := range names {
			if err := WriteFile(filepath.Join(dir, n), func(w io.Writer) error { return indexTmpl.Execute(w, data) }); err != nil {
				return err
			}
		}
	}
	return nil
}

func itoa(n int) string {
	s := []byte{}
	if n == 0 {
		return "0"
	}
	for i := 0; n > 0; i++ {
		if i > 0 && i%3 == 0 {
			s = append([]byte{','}, s...)
		}
		s = append([]byte{byte('0' + n%10)}, s...)
		n /= 10
	}
	return string(s)
}
