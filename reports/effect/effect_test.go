package effect

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape/effect"
)

func fp(v float64) *float64 { return &v }

// fixture is a small tracking: a count with a target, a share with a year below min_base, an
// unavailable measure, and one change since the previous run.
func fixture() *effect.Tracking {
	return &effect.Tracking{
		Meta: effect.Meta{RunID: "20260115T000000.000000000Z", Previous: "20260114T000000.000000000Z", Cutoff: "2025-12-31",
			From: 2022, To: 2025, LastComplete: 2023, MinBase: 5, Industry: config.Text{Zh: "输变电", En: "Power <b>equipment</b>"},
			Config: config.Region{Name: config.Text{Zh: "泰安市", En: "Tai'an"}, Country: "CN"}},
		Region: effect.Region{Level: "country", Wanted: "city", CountryApplicants: 10, Families: 7, Industry: 9},
		Indicators: []effect.Indicator{
			{ID: "fam", Name: config.Text{Zh: "本地专利族", En: "Local <families>"}, Measure: "families", Unit: "families", Basis: "filing_year",
				Target: fp(12), TargetYear: 2027, LatestYear: 2023, Latest: fp(6), Progress: fp(0.5),
				Series: []effect.Point{{Year: 2022, Value: fp(3), Num: 3}, {Year: 2023, Value: fp(6), Num: 6}, {Year: 2024, Value: fp(1), Num: 1, Incomplete: true}, {Year: 2025, Value: fp(0), Incomplete: true}}},
			{ID: "share", Measure: "industry_share", Unit: "share", Basis: "filing_year",
				Series: []effect.Point{{Year: 2022, Value: fp(0.75), Num: 3, Den: 4}, {Year: 2023, Num: 1, Den: 2, Reason: &effect.Reason{Code: effect.NotEnoughData, N: 2, Min: 5}}}},
			{ID: "tr", Measure: "transfers", Unit: "families", Basis: "event_year", Reason: &effect.Reason{Code: effect.NoOperationData, N: 7}},
			{ID: "t-in", Measure: "transfers", Direction: effect.DirIn, Unit: "operations", Basis: "event_year",
				Series: []effect.Point{{Year: 2022, Value: fp(2), Num: 2, Unknown: 3}, {Year: 2023, Num: 0, Reason: &effect.Reason{Code: effect.DirectionUnknown, N: 4}}}},
			{ID: "l-out", Measure: "licences", Direction: effect.DirOut, Unit: "operations", Basis: "event_year", Reason: &effect.Reason{Code: effect.NoPartyPlaces, N: 9}},
			{ID: "f10k", Measure: "families_per_10k", Unit: "per_10k", Basis: "filing_year", Target: fp(0.05), TargetYear: 2027,
				Series: []effect.Point{{Year: 2022, Value: fp(3.0 / 5620000 * 10000), Num: 3, Den: 5620000}, {Year: 2023, Num: 6, Reason: &effect.Reason{Code: effect.NoPopulationYear, Year: 2023}}}},
			{ID: "s10k", Measure: "invention_stock_per_10k", Unit: "per_10k", Basis: "cutoff", Reason: &effect.Reason{Code: effect.NoPopulation}},
		},
		Changes: []effect.Change{{ID: "fam", Year: 2022, Prev: fp(2), Now: fp(3)}},
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
			if strings.Contains(out, "⟦") {
				t.Errorf("%s: missing phrase: %s", lang, out[strings.Index(out, "⟦"):][:60])
			}
		}
		html := h.String()
		if strings.Contains(html, "<families>") || strings.Contains(html, "<b>equipment") {
			t.Errorf("%s: names not escaped", lang)
		}
		want := map[string][]string{
			"zh": {"数据不足：基数 2，少于最低要求 5", "12（2027 年）", ">50%<", "国家", "数据不足：7 个区域专利族均无转让",
				"专利转入区域", "另有 3 次方向未知（未计入）", "方向未知：当年 4 次运营的当事人地点均无法确定", "专利许可输出区域",
				"数据不足：9 次运营的当事人地点均无法确定", "每万人口专利族申请量", ">0.00534<", "5,620,000", "不可用：配置中没有 2023 年的区域人口",
				"每万人口发明专利拥有量（本产业）", "不可用：配置中未给出区域人口", "转让人（变更前权利人）在区域外", "每万人口指标 = 数值"},
			"en": {"not enough data: base 2, below the minimum 5", "12 (by 2027)", ">50%<", "country", "none of the 7 region families carries transfer",
				"Transfers into the region", "3 more of unknown direction (not counted)", "direction unknown: the parties&#39; places of all 4 operations",
				"Licences out of the region", "for none of the 9 operations", "Region families per 10,000 inhabitants", ">0.00534<", "5,620,000",
				"not available: the config gives no population of the region for 2023", "not available: the config gives no population of the region<",
				"whose transferor (owner before) is outside the region", "Per-10,000 measures"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(html, w) {
				t.Errorf("%s: page lacks %q", lang, w)
			}
		}
	}
}

func TestPublish(t *testing.T) {
	dir := t.TempDir()
	names, err := Publish(dir, fixture(), []string{"zh", "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 6 {
		t.Fatalf("names %v", names)
	}
	b, err := os.ReadFile(filepath.Join(dir, "effect.json"))
	if err != nil {
		t.Fatal(err)
	}
	var back effect.Tracking
	if err := json.Unmarshal(b, &back); err != nil || len(back.Indicators) != 7 || *back.Indicators[0].Progress != 0.5 {
		t.Fatalf("round trip %v %+v", err, back.Indicators)
	}
}
