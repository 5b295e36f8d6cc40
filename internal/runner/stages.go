package runner

import (
	"context"
	"path/filepath"

	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/bulletin"
)

// DefaultStages are the stages of a nightly run after the macro landscape: the risk warnings
// (and the enterprise navigations). onBulletin, when set, receives the run's bulletin (the CLI
// uses it for --fail-on).
func DefaultStages(onBulletin func(*warning.Bulletin)) []Stage {
	return []Stage{WarningStage(onBulletin)}
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
