package bundle

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// TestIndexInTheReadersLanguage: the index page words stages, statuses and unavailable analyses
// in its own language (they were English codes and sentences on the zh page).
func TestIndexInTheReadersLanguage(t *testing.T) {
	dir := t.TempDir()
	cfg := &config.Config{}
	cfg.Analysis.Languages = []string{"zh", "en"}
	cfg.Industry.Name = config.Text{Zh: "无人机", En: "Drones"}
	u := landscape.Unavailable{Analysis: "trend.cagr", Section: "trend", Code: landscape.CodeBelowMinimum,
		Rule: landscape.MinGrowthEndYear.Code, N: 3, Min: 10}
	ix := Index{Cfg: cfg, RunID: "r1", Stages: []StageStatus{{Name: "landscape", Status: "ok"}},
		Unavailable: []landscape.Unavailable{u}, NoEnterprises: true}
	if err := WriteIndex(dir, ix); err != nil {
		t.Fatal(err)
	}
	zh, _ := os.ReadFile(filepath.Join(dir, "index_zh.html"))
	en, _ := os.ReadFile(filepath.Join(dir, "index_en.html"))
	for _, want := range []string{"宏观产业导航", "完成", "年复合增长率", "低于最低数据要求", "未列出企业"} {
		if !strings.Contains(string(zh), want) {
			t.Errorf("zh index lacks %q", want)
		}
	}
	for _, bad := range []string{"unavailable", "below the minimum", ">ok<", ">landscape<", "no enterprise"} {
		if strings.Contains(string(zh), bad) {
			t.Errorf("zh index holds English %q", bad)
		}
	}
	for _, want := range []string{"Macro landscape", "done", "CAGR", "below the minimum data", "names no enterprise"} {
		if !strings.Contains(string(en), want) {
			t.Errorf("en index lacks %q", want)
		}
	}
}
