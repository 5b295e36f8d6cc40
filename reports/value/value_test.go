package value

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape/value"
	"github.com/patnav/patnav/reports"
)

func fp(v float64) *float64 { return &v }

func fixture() *value.Assessment {
	fam := value.FamilyValue{FamilyID: "F1", RepPub: "CN1234567B", Title: "<script>x</script>开关", Applicants: []string{"山东农业大学"}, Year: 2019,
		Status: "unknown", Alive: true, Presumed: true, Region: true, Branches: []string{"sw"}, Score: 0.81, HighValue: true,
		Factors: []value.FactorValue{{ID: "remaining_term", Raw: fp(13.2), Rank: fp(0.9)}, {ID: "claims"}}}
	gap := value.Gap{Branch: "sw", BranchName: config.Text{Zh: "开关", En: "Switchgear"}, Rank: 1, Score: 0.4, RTA: fp(0.2)}
	return &value.Assessment{
		Meta:     value.Meta{Cutoff: "2025-12-31", Industry: config.Text{Zh: "输变电", En: "Power"}, Region: config.Region{Name: config.Text{Zh: "泰安市", En: "Tai'an"}}, RegionLevel: "country", HighValueShare: 0.2, MinFamilies: 5},
		Factors:  []value.Factor{{ID: "remaining_term", Weight: 0.15, Used: true, Known: 9}, {ID: "claims", Weight: 0.1, Reason: &value.Reason{Code: value.NoFactorData, N: 9}}},
		Families: 9, Threshold: fp(0.6), HighValue: 2, Top: []value.FamilyValue{fam},
		ByApplicant: []value.Distribution{{Key: "山东农业大学", N: 3, HighValue: 1, Reason: &value.Reason{Code: value.NotEnoughData, N: 3, Min: 5}}},
		ByBranch:    []value.Distribution{{Key: "sw", Name: config.Text{Zh: "开关", En: "Switchgear"}, N: 9, Mean: fp(0.5), Median: fp(0.5), P90: fp(0.8), HighValue: 2}},
		Operation:   value.Operation{GapSource: "region", Gaps: []value.Gap{gap}, Candidates: []value.Candidate{{FamilyValue: fam, Holder: "山东农业大学", HolderKind: "university", Matches: []value.Gap{gap}}}, Academic: 4, Alive: 2, HighValue: 1},
		TrendReason: &value.Reason{Code: value.NoOperationData, N: 9},
	}
}

func TestPageBothLanguages(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		var h, m bytes.Buffer
		if err := HTML(&h, fixture(), lang); err != nil {
			t.Fatal(err)
		}
		if err := Markdown(&m, fixture(), lang); err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{h.String(), m.String()} {
			if i := strings.Index(out, "⟦"); i >= 0 {
				t.Errorf("%s: missing phrase %s", lang, out[i:i+40])
			}
		}
		if strings.Contains(h.String(), "<script>x") {
			t.Errorf("%s: title not escaped", lang)
		}
		want := map[string][]string{
			"zh": {"数据不足：3 个专利族，少于最低要求 5", "未知（推定有效）", "区域企业（整体）：开关 #1", "高于第 80 百分位", "剩余保护期（年） 13.2 / 90%"},
			"en": {"not enough data: 3 families, below the minimum 5", "unknown (presumed alive)", "The region&#39;s enterprises: Switchgear #1", "score above P80", "Remaining term (years) 13.2 / 90%"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(h.String(), w) {
				t.Errorf("%s: page lacks %q", lang, w)
			}
		}
	}
}

func TestPublish(t *testing.T) {
	dir := t.TempDir()
	names, err := Publish(dir, fixture(), nil)
	if err != nil || len(names) != 6 {
		t.Fatalf("%v %v", names, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "value_en.html")); err != nil {
		t.Fatal(err)
	}
}

// TestReadsAsText: counts in reasons carry thousands separators like every other count on the
// page (the demo read "数据中 19202 个专利族"), and a family's legal status shows its percentile
// without its raw rank (2 = alive), zh parts separated by the Chinese semicolon.
func TestReadsAsText(t *testing.T) {
	if got := ReasonText(&value.Reason{Code: value.NoFactorData, N: 19202}, "zh"); !strings.Contains(got, "19,202") {
		t.Errorf("reason %q", got)
	}
	b := &builder{lang: "zh"}
	b.l, _ = reports.NewLocale("zh")
	got := b.factors([]value.FactorValue{{ID: "legal_status", Raw: fp(2), Rank: fp(0.806)}, {ID: "remaining_term", Raw: fp(13.2), Rank: fp(0.9)}})
	if want := "法律状态 80.6%；剩余保护期（年） 13.2 / 90%"; got != want {
		t.Errorf("factors %q, want %q", got, want)
	}
}
