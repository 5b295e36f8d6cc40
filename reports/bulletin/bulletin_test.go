package bulletin

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/schematest"
)

func f(v float64) *float64 { return &v }
func ip(v int) *int        { return &v }

// evil is patent text that tries to inject HTML, Markdown links and table cells.
const evil = `<script>alert(1)</script> *bold* [x](javascript:alert(1)) | cell`

// fixture is a hand-made bulletin with every kind, level and state, undefined indicators and
// hostile text.
func fixture() *warning.Bulletin {
	th := config.Thresholds{ReserveLow: 0.5, Bubble: 5, GrowthLag: 1, WeakLeaders: 1, PortfolioConcentration: 0.25, MarketBarrier: 0.5,
		SurgeGrowth: 2, SurgeShareChange: 0.05, ConcentrationRise: 200, ExpiringMonths: 24, WindowYears: 5, BlockingQualityPercent: 0.9}
	pts := func(vals ...float64) []landscape.YearPoint {
		var out []landscape.YearPoint
		for i, v := range vals {
			out = append(out, landscape.YearPoint{Year: 2019 + i, N: v, Incomplete: 2019+i > 2023})
		}
		return out
	}
	pat := warning.PatentRef{PubNumber: "US9601022B2", FamilyID: "P064c", Title: evil, Applicant: "QUALCOMM", Country: "US", Year: 2015,
		Status: "unknown", Presumed: true, Quality: f(0.999), Expiry: "2035-01-29"}
	sig := func(key, kind, level, state, prev string) warning.Signal {
		return warning.Signal{ID: warning.SignalID(key), Key: key, Kind: kind, Level: level, State: state, PrevLevel: prev,
			Direction: warning.ByRule, Query: "families", Patents: []warning.PatentRef{pat}, PatentsTotal: 1}
	}
	var sigs []warning.Signal
	s := sig("reserve:branch=pw", warning.KindReserve, warning.LevelSevere, warning.StateEscalated, warning.LevelWatch)
	s.Branch, s.Value, s.Threshold, s.Direction, s.Excess, s.Rule = "pw", f(0.02), f(0.5), warning.Below, f(25), warning.RuleThreshold
	s.Numbers = []warning.Number{{Key: "domestic", Value: f(20), Unit: "families"}, {Key: "foreign", Value: f(1000), Unit: "families"}, {Key: "unknown_origin", Value: f(0), Unit: "families"}}
	s.PatentsTotal = 1000
	sigs = append(sigs, s)
	s = sig("reserve:overall", warning.KindReserve, warning.LevelSevere, warning.StateNew, "")
	s.Value, s.Threshold, s.Direction, s.Rule = f(0), f(0.5), warning.Below, warning.RuleThreshold // infinitely past: no excess
	sigs = append(sigs, s)
	s = sig("surge:applicant=EVIL <b>:branch=pw", warning.KindSurge, warning.LevelWarning, warning.StateUnchanged, warning.LevelWarning)
	s.Applicant, s.Country, s.Branch, s.Value, s.Threshold, s.Direction, s.Excess, s.Rule = "EVIL <b>", "JP", "pw", f(3), f(2), warning.AtLeast, f(1.5), warning.RuleSurge
	s.Numbers = []warning.Number{{Key: "families_prev", Value: f(1), Unit: "families"}, {Key: "families_recent", Value: f(3), Unit: "families"},
		{Key: "growth", Value: f(3), Unit: "factor"}, {Key: "share_change", Value: f(0.18), Unit: "share"}, {Key: "domestic_recent", Value: f(1), Unit: "families"}}
	s.Series, s.SeriesUnit = []warning.Series{{Name: "applicant", Points: pts(0, 1, 1, 0, 1, 5, 0)}}, "families"
	sigs = append(sigs, s)
	s = sig("blocking:branch=pw", warning.KindBlocking, warning.LevelWatch, warning.StateDeescalated, warning.LevelSevere)
	s.Branch, s.Value, s.Direction, s.Rule = "pw", f(2), warning.ByCount, warning.RuleBlocking
	s.Numbers = []warning.Number{{Key: "candidates", Value: f(2), Unit: "families"}, {Key: "holders", Value: f(2), Unit: "count"}, {Key: "quality_percentile", Value: f(0.9), Unit: "percentile"}}
	sigs = append(sigs, s)
	s = sig("concentration_rise:overall", warning.KindConcentrationRise, warning.LevelWatch, warning.StateNew, "")
	s.Value, s.Threshold, s.Direction, s.Excess, s.Rule = f(200), f(200), warning.AtLeast, f(1), warning.RuleConcentration
	s.Numbers = []warning.Number{{Key: "hhi_prev", Value: f(1000), Unit: "hhi"}, {Key: "hhi_last", Value: f(1200), Unit: "hhi"}}
	s.Series, s.SeriesUnit = []warning.Series{{Name: "hhi", Points: pts(900, 1000, 950, 1000, 1200, 3000, 10000)}}, "hhi"
	sigs = append(sigs, s)
	s = sig("bubble:branch=pw", warning.KindBubble, warning.LevelInfo, warning.StateNew, "")
	s.Branch, s.Value, s.Threshold, s.Direction, s.Excess, s.Rule = "pw", f(4.8), f(5), warning.Above, f(0.96), warning.RuleNear
	sigs = append(sigs, s)
	s = sig("entrant:applicant=NEWF", warning.KindEntrant, warning.LevelInfo, warning.StateNew, "")
	s.Applicant, s.Country, s.Rule, s.Origin, s.Value, s.Threshold = "NEWF", "CN", warning.RuleEntrant, "domestic", f(3), f(3)
	s.Numbers = []warning.Number{{Key: "first_year", Value: f(2022), Unit: "year"}, {Key: "since", Value: f(2021), Unit: "year"}, {Key: "families_whole", Value: f(3), Unit: "families"}, {Key: "share_since", Value: f(0.25), Unit: "share"}}
	sigs = append(sigs, s)
	s = sig("expiring:family=P064c", warning.KindExpiring, warning.LevelInfo, warning.StateNew, "")
	s.Family, s.Applicant, s.Date, s.Rule = "P064c", "QUALCOMM", "2035-01-29", warning.RuleCoreEvent
	s.Numbers = []warning.Number{{Key: "months_left", Value: f(17.4), Unit: "months"}, {Key: "quality", Value: f(0.999), Unit: "percentile"}}
	sigs = append(sigs, s)
	for _, k := range []string{warning.KindLitigation, warning.KindInvalidation, warning.KindTransfer, warning.KindLicence} {
		s = sig(k+":family=P064c", k, warning.LevelInfo, warning.StateNew, "")
		s.Rule = warning.RuleCoreEvent
		if k == warning.KindLitigation {
			s.Level, s.Rule, s.Origin = warning.LevelWarning, warning.RuleLitigation, "foreign"
		}
		s.Family, s.Applicant, s.Country, s.Date = "P064c", "QUALCOMM", "US", "2024-02-02"
		s.Numbers = []warning.Number{{Key: "events", Value: f(2), Unit: "count"}, {Key: "quality", Value: f(0.999), Unit: "percentile"}}
		sigs = append(sigs, s)
	}
	s = sig("patent_change:pub=CN1:event=lapsed:new=lapsed", warning.KindChange, warning.LevelWarning, warning.StateNew, "")
	s.Family, s.Date, s.Rule = "P064c", "2026-01-10", warning.RuleCoreChange
	s.Change = &landscape.PatentChange{PubNumber: "CN1", FamilyID: "P064c", Event: landscape.EventLapsed, Field: "status", Old: "alive", New: "lapsed", Observed: "2026-01-10", Level: warning.LevelWatch}
	s.Numbers = []warning.Number{{Key: "quality", Value: f(0.999), Unit: "percentile"}}
	sigs = append(sigs, s)
	b := &warning.Bulletin{Version: warning.FormatVersion, Signals: sigs,
		Meta: warning.Meta{RunID: "20260116T000000.000000000Z", Generated: "2026-01-16T00:00:00Z", Previous: "20260115T000000.000000000Z",
			Industry: config.Text{Zh: "电池<i>", En: "Batteries <i>"}, Region: config.Region{Country: "CN", Province: "山东省", City: "泰安市"},
			Domestic: "CN", Office: "CN", Cutoff: "2025-12-31", From: 2010, To: 2025, LastComplete: 2023, Incomplete: []int{2024, 2025},
			RecentFrom: 2019, RecentTo: 2023, PrevFrom: 2014, PrevTo: 2018, ExpiringUntil: "2028-01-16", CoreShare: 0.05, Thresholds: th,
			Branches:  []landscape.BranchNode{{ID: "pw", Name: config.Text{Zh: "动力<b>", En: "Power & <b>"}, Level: 1}, {ID: "pw-bat", Name: config.Text{Zh: "电池", En: "Battery"}, Level: 2, Parent: "pw"}},
			Languages: []string{"zh", "en"}, Version: "0.1"},
		Trend: warning.OfficeTrend{Office: "CN", Domestic: pts(1, 2, 3, 4, 5, 6, 7), Foreign: pts(7, 6, 5, 4, 3, 2, 1)},
		TechGap: []warning.TechGap{{DomesticFirst: 2012, Peers: []warning.GapPeer{{Peer: "US", First: 2008, Gap: ip(4)}, {Peer: "JP"}}},
			{Branch: "pw", Peers: []warning.GapPeer{{Peer: "US", First: 2009}, {Peer: "JP"}}}},
		Unavailable: []landscape.Unavailable{{Analysis: "signals.litigation", Code: warning.UnavNoLitigation}, {Analysis: "indicators.growth_lag", Code: warning.ReasonForeignCAGR},
			{Analysis: "signals.entrant", Code: warning.UnavShortHistory, N: 2018, Min: 2016}, {Analysis: evil, Code: landscape.CodeNoLegalStatus}},
		Rules: warning.Rules,
		Limitations: []landscape.Note{{Code: warning.LimOrigin, Param: "CN"}, {Code: warning.LimCount, Param: "CN"}, {Code: warning.LimLag, N: 2023},
			{Code: warning.LimBranch, N: warning.MinBranchFamilies}, {Code: warning.LimCoverage}},
	}
	for _, k := range []string{warning.KindReserve, warning.KindBubble, warning.KindGrowthLag, warning.KindWeakLeaders, warning.KindPortfolio, warning.KindMarketBarrier} {
		for _, br := range []string{"", "pw", "pw-bat"} {
			in := warning.Indicator{Kind: k, Branch: br, Threshold: 0.5, Direction: warning.Below, Value: f(0.3), Level: warning.LevelWarning, Excess: f(1.667),
				Numbers: []warning.Number{{Key: "domestic", Value: f(3), Unit: "families"}, {Key: "foreign", Value: f(10), Unit: "families"}, {Key: "office_US", Value: f(2), Unit: "families"}}}
			if k == warning.KindGrowthLag || br == "pw-bat" {
				in.Value, in.Level, in.Excess = nil, "", nil
				in.Reason = warning.ReasonNoForeign
				if br == "pw-bat" {
					in.Reason = warning.ReasonFewFamilies
				}
			}
			b.Indicators = append(b.Indicators, in)
		}
	}
	prev := &warning.Bulletin{Meta: warning.Meta{RunID: b.Meta.Previous}, Signals: []warning.Signal{
		{ID: warning.SignalID("weak_leaders:overall"), Key: "weak_leaders:overall", Kind: warning.KindWeakLeaders, Level: warning.LevelSevere},
	}}
	for _, s := range sigs {
		if s.PrevLevel != "" {
			prev.Signals = append(prev.Signals, warning.Signal{ID: s.ID, Key: s.Key, Kind: s.Kind, Branch: s.Branch, Applicant: s.Applicant, Level: s.PrevLevel})
		}
	}
	warning.Diff(prev, b)
	return b
}

func render(t *testing.T, b *warning.Bulletin, lang string) (string, string) {
	t.Helper()
	var h, m bytes.Buffer
	if err := HTML(&h, b, lang); err != nil {
		t.Fatal(err)
	}
	if err := Markdown(&m, b, lang); err != nil {
		t.Fatal(err)
	}
	return h.String(), m.String()
}

func TestRenderFixture(t *testing.T) {
	b := fixture()
	for _, lang := range []string{"zh", "en"} {
		h, m := render(t, b, lang)
		for name, out := range map[string]string{"html": h, "md": m} {
			if i := strings.Index(out, "⟦"); i >= 0 {
				t.Errorf("%s/%s: missing phrase %s", lang, name, out[i:min(len(out), i+40)])
			}
			if strings.Contains(out, "<script>") || strings.Contains(out, "<b>") || strings.Contains(out, "<i>") {
				t.Errorf("%s/%s: patent text not escaped", lang, name)
			}
			if name == "md" && strings.Contains(out, "[x](javascript:") {
				t.Errorf("%s/%s: a Markdown link survived", lang, name)
			}
		}
		if !strings.Contains(h, "&lt;script&gt;") || !strings.Contains(m, `\<script\>`) || !strings.Contains(m, `\*bold\*`) {
			t.Errorf("%s: escaped text missing", lang)
		}
		// Resolved, escalated, de-escalated and new all show; the resolved signal (no longer in
		// the bulletin) is named from its change record.
		want := map[string][]string{
			"zh": {"解除", "升级", "降级", "新增", "国内龙头实力偏弱 — 全行业", "严重 → 解除", "没有国外发明申请，比值无定义", "样本不足（少于 5 个同族）", "推定有效", "2024†", "接近阈值", "山东省"},
			"en": {"resolved", "escalated", "de-escalated", "new", "Weak domestic leaders — whole industry", "severe → resolved", "no foreign inventions: the ratio is undefined", "too few families (fewer than 5)", "presumed alive", "2024†", "approaching"},
		}[lang]
		for _, w := range want {
			if !strings.Contains(h, w) {
				t.Errorf("%s html lacks %q", lang, w)
			}
		}
		// Summary first, then the levels in order, then the changes, indicators, gap, method.
		order := map[string][]string{
			"zh": {"1 摘要", "2 严重信号", "3 警告信号", "4 关注信号", "5 提示信息", "6 与上期相比的变化", "7 预警指标", "8 技术差距", "9 方法与分级规则", "10 局限性"},
			"en": {"1 Summary", "2 Severe signals", "3 Warnings", "4 Signals to watch", "5 Information", "6 Changes since the previous bulletin", "7 Warning indicators", "8 Technology gap", "9 Method and severity rules", "10 Limitations"},
		}[lang]
		last := -1
		for _, o := range order {
			i := strings.Index(m, "## "+o)
			if i < 0 || i < last {
				t.Errorf("%s: section %q missing or out of order", lang, o)
			}
			last = i
		}
		// An infinite excess shows as ∞; charts are inline SVG with their data tables.
		if !strings.Contains(h, "∞") || !strings.Contains(h, "<svg") || !strings.Contains(m, "| 2019 |") {
			t.Errorf("%s: ∞, charts or chart data missing", lang)
		}
		// Deterministic.
		h2, m2 := render(t, b, lang)
		if h != h2 || m != m2 {
			t.Errorf("%s: two renderings differ", lang)
		}
	}
}

func TestFirstRunAndEmpty(t *testing.T) {
	b := fixture()
	warning.Diff(nil, b)
	h, _ := render(t, b, "en")
	if !strings.Contains(h, "This is the first bulletin") || !strings.Contains(h, "none (first run)") {
		t.Error("a first run must say so")
	}
	for _, e := range []*warning.Bulletin{nil, {}} {
		for _, lang := range []string{"zh", "en"} {
			h, m := render(t, e, lang)
			if strings.Contains(h+m, "⟦") || !strings.Contains(h, "</html>") {
				t.Errorf("empty bulletin (%s) did not render cleanly", lang)
			}
		}
	}
	if _, err := Page(b, "fr"); err == nil {
		t.Error("unknown language accepted")
	}
}

func TestSchemaAndJSON(t *testing.T) {
	raw, err := Schema()
	if err != nil {
		t.Fatal(err)
	}
	var schema map[string]any
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := JSON(&buf, fixture()); err != nil {
		t.Fatal(err)
	}
	var inst any
	if err := json.Unmarshal(buf.Bytes(), &inst); err != nil {
		t.Fatal(err)
	}
	if errs := schematest.Validate(schema, schema, inst, "$"); len(errs) > 0 {
		t.Fatalf("bulletin does not validate: %v", errs[:min(5, len(errs))])
	}
	inst.(map[string]any)["signals"].([]any)[0].(map[string]any)["level"] = 3
	if errs := schematest.Validate(schema, schema, inst, "$"); len(errs) == 0 {
		t.Fatal("a broken bulletin validates")
	}
	// The JSON reads back as the bulletin (the history format).
	var back warning.Bulletin
	if err := json.Unmarshal(buf.Bytes(), &back); err != nil || len(back.Signals) != len(fixture().Signals) {
		t.Fatalf("round trip: %v", err)
	}
}

func TestPublish(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files, err := Publish(dir, fixture(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "bulletin.json bulletin.schema.json bulletin_zh.html bulletin_zh.md bulletin_en.html bulletin_en.md"
	if strings.Join(files, " ") != want {
		t.Fatalf("files %v", files)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 6 {
		t.Fatalf("%d entries (temporary files left?)", len(ents))
	}
	if files, err := Publish(dir, fixture(), []string{"en"}); err != nil || len(files) != 4 {
		t.Fatalf("en only: %v %v", files, err)
	}
	if _, err := Publish(dir, fixture(), []string{"de"}); err == nil {
		t.Fatal("unknown language accepted")
	}
}

// TestRegionName: the region's matching keys follow its name, without repeating the name in the
// other language (the demo's en page read "Guangdong (CN / 广东省)").
func TestRegionName(t *testing.T) {
	r := config.Region{Name: config.Text{Zh: "广东省", En: "Guangdong"}, Country: "CN", Province: "广东省"}
	for lang, want := range map[string]string{"zh": "广东省 (CN)", "en": "Guangdong (CN)"} {
		l, _ := reports.NewLocale(lang)
		if got := regionName(l, r); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	l, _ := reports.NewLocale("en")
	if got := regionName(l, config.Region{Country: "CN", Province: "山东省", City: "泰安市"}); got != "CN / 山东省 / 泰安市" {
		t.Errorf("unnamed region: %q", got)
	}
}
