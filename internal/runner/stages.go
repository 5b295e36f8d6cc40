package runner

import (
	"context"
	"html/template"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape/enterprise"
	entreports "github.com/patnav/patnav/reports/enterprise"
	"github.com/patnav/patnav/reports/mapsvg"

	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/bulletin"
)

// DefaultStages are the stages of a nightly run after the macro landscape: the enterprise
// navigations and the risk warnings. onBulletin, when set, receives the run's bulletin (the CLI
// uses it for --fail-on).
func DefaultStages(onBulletin func(*warning.Bulletin)) []Stage {
	return []Stage{EnterpriseStage(), WarningStage(onBulletin)}
}

// EnterpriseStage builds the N enterprise navigations in one pass, with each enterprise's
// families overlaid on the industry map when there is one, and publishes their reports.
func EnterpriseStage() Stage {
	return Stage{Name: "enterprises", Run: func(ctx context.Context, st *State) (map[string]int, error) {
		if len(st.Cfg.Enterprises) == 0 {
			st.Warnings = append(st.Warnings, "no enterprises configured: no enterprise navigations")
			return map[string]int{"enterprises": 0}, nil
		}
		opt := enterprise.Options{}
		if st.Map != nil {
			for _, p := range st.Map.Points {
				opt.Clusters = append(opt.Clusters, enterprise.ClusterAssignment{FamilyID: p.ID, Cluster: strconv.Itoa(p.Cluster)})
			}
			for _, c := range st.Map.Clusters {
				opt.ClusterLabels = append(opt.ClusterLabels, enterprise.ClusterLabel{ID: strconv.Itoa(c.ID),
					Label: config.Text{Zh: terms(c.TermsZh, c.Label), En: terms(c.TermsEn, c.Label)}})
			}
		}
		es, err := enterprise.BuildWith(ctx, st.Session, st.Macro, opt)
		if err != nil {
			return nil, err
		}
		maps := map[string]template.HTML{}
		if st.Map != nil {
			for _, e := range es {
				ids, err := st.Session.FamiliesOf(ctx, e.Match.Keys)
				if err != nil {
					return nil, err
				}
				maps[e.ID] = mapsvg.Render(st.Map, mapsvg.Options{Title: e.Name.In("en") + " · " + e.Name.In("zh"),
					Overlay: st.Map.Overlay(ids), OverlayName: e.Name.In("en")})
			}
		}
		dir := filepath.Join(st.Dir, "enterprises")
		files, err := entreports.PublishWith(dir, es, st.Cfg.Analysis.Languages, entreports.PublishOptions{Maps: maps,
			MapCaption: "企业专利在产业专利地图上的位置 / The enterprise's families on the industry landscape map"})
		if err != nil {
			return nil, err
		}
		sh := Sheet{Name: "Enterprises", Header: []string{"id", "name_zh", "name_en", "role", "families_fractional", "families", "share", "rank", "gaps", "strengths", "watch_list"},
			Formats: []string{"", "", "", "", "num", "int", "pct", "int", "int", "int", "int"}}
		for _, e := range es {
			st.Links = append(st.Links, Link{Group: "enterprises", Title: map[string]string{"zh": e.Name.In("zh"), "en": e.Name.In("en")},
				Href: langHrefs(st.Cfg.Analysis.Languages, "enterprises/"+e.ID+"_%s.html")})
			sh.Rows = append(sh.Rows, []any{e.ID, e.Name.Zh, e.Name.En, e.Role, e.Portfolio.Families, e.Portfolio.Whole, e.Portfolio.Share,
				e.Portfolio.Rank, len(e.Layout.Gaps), len(e.Layout.Strengths), len(e.Watch.Items)})
		}
		st.Sheets = append(st.Sheets, sh)
		return map[string]int{"enterprises": len(es), "files": len(files)}, nil
	}}
}

func terms(ts []cluster.Term, fallback string) string {
	if len(ts) == 0 {
		return fallback
	}
	var w []string
	for _, t := range ts[:min(3, len(ts))] {
		w = append(w, t.Term)
	}
	return strings.Join(w, " ")
}

// WarningStage builds the risk-warning bulletin, diffs it against the previous run's and
// publishes it; the history is saved only once the run is published.
func WarningStage(onBulletin func(*warning.Bulletin)) Stage {
	return Stage{Name: "warnings", Run: func(ctx context.Context, st *State) (map[string]int, error) {
		dir := warning.HistoryDir(st.Cfg)
		prev, err := warning.LoadPrevious(dir)
		if err != nil {
			return nil, err
		}
		b, err := warning.Build(ctx, st.Session, st.Macro, st.Now)
		if err != nil {
			return nil, err
		}
		warning.Diff(prev, b)
		files, err := bulletin.Publish(filepath.Join(st.Dir, "warnings"), b, st.Cfg.Analysis.Languages)
		if err != nil {
			return nil, err
		}
		st.Links = append(st.Links, Link{Group: "warnings", Title: map[string]string{"zh": "专利风险预警简报", "en": "Patent risk-warning bulletin"},
			Href: langHrefs(st.Cfg.Analysis.Languages, "warnings/bulletin_%s.html")})
		st.Sheets = append(st.Sheets, signalSheet(b))
		st.AfterPublish = append(st.AfterPublish, func() error { return warning.Save(dir, b) })
		if onBulletin != nil {
			onBulletin(b)
		}
		rows := map[string]int{"signals": len(b.Signals), "files": len(files)}
		for _, sg := range b.Signals {
			rows[sg.Level]++
		}
		return rows, nil
	}}
}

func signalSheet(b *warning.Bulletin) Sheet {
	sh := Sheet{Name: "Warning signals", Header: []string{"id", "level", "state", "kind", "branch", "applicant", "country", "value", "threshold", "rule", "patents"},
		Formats: []string{"", "", "", "", "", "", "", "num", "num", "", "int"}}
	for _, s := range b.Signals {
		sh.Rows = append(sh.Rows, []any{s.ID, s.Level, s.State, s.Kind, s.Branch, s.Applicant, s.Country, s.Value, s.Threshold, s.Rule, s.PatentsTotal})
	}
	return sh
}
