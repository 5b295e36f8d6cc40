package bulletin

import (
	"strconv"

	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports"
)

// RuleText words why signal s of bulletin b has its level, in lang ("zh" or "en"): its severity
// rule (warning.Rule* code) with the figures the rule compares, taken from the signal and the
// run's thresholds. An unknown language words it in zh.
func RuleText(b *warning.Bulletin, s warning.Signal, lang string) string {
	l, err := reports.NewLocale(lang)
	if err != nil {
		l, _ = reports.NewLocale("zh")
		lang = "zh"
	}
	p := &pageBuilder{l: l, lang: lang, b: b}
	return p.why(s)
}

// why words a signal's severity rule (see RuleText).
func (p *pageBuilder) why(s warning.Signal) string {
	l, M := p.l, p.b.Meta
	th := M.Thresholds
	val := func(v *float64) string {
		if v == nil {
			return l.NA()
		}
		return p.kindValue(s.Kind, *v)
	}
	factor := "∞"
	if s.Excess != nil {
		factor = l.Num(*s.Excess, 2)
	}
	num := func(key string) string { return p.numberText(s.Numbers, key) }
	level := p.levelName(s.Level)
	origin := p.t("origin:" + s.Origin)
	if !has("origin:" + s.Origin) {
		origin = orNA(l, s.Origin)
	}
	core := l.Num(1-M.CoreShare, 3)
	switch s.Rule {
	case warning.RuleThreshold, warning.RuleNear:
		return p.t("why:"+s.Rule, "v", val(s.Value), "op", p.t("op:"+s.Direction), "t", val(s.Threshold), "f", factor,
			"near", l.Num(warning.NearFactor, 1), "level", level)
	case warning.RuleSurge:
		return p.t("why:surge", "g", num("growth"), "gt", l.Num(th.SurgeGrowth, 2)+"×", "d", num("share_change"), "dt", l.Pct(th.SurgeShareChange),
			"f", factor, "level", level)
	case warning.RuleBlocking:
		return p.t("why:blocking", "n", num("candidates"), "p", num("quality_percentile"), "w0", strconv.Itoa(warning.BlockingWarning-1), "w", strconv.Itoa(warning.BlockingWarning),
			"w1", strconv.Itoa(warning.BlockingSevere-1), "s", strconv.Itoa(warning.BlockingSevere), "level", level)
	case warning.RuleConcentration:
		return p.t("why:concentration_rise", "h0", num("hhi_prev"), "h1", num("hhi_last"), "y0", p.year(M.LastComplete-1), "y1", p.year(M.LastComplete),
			"v", val(s.Value), "t", val(s.Threshold), "f", factor, "level", level)
	case warning.RuleEntrant:
		return p.t("why:entrant", "y", num("first_year"), "since", num("since"), "n", num("families_whole"), "s", num("share_since"),
			"need", val(s.Threshold), "ms", l.Pct(warning.EntrantMinShare), "origin", origin, "level", level)
	case warning.RuleLitigation:
		return p.t("why:litigation", "n", num("events"), "origin", origin, "level", level)
	case warning.RuleCoreEvent:
		return p.t("why:core_event", "kind", p.t("kind:"+s.Kind), "q", num("quality"), "p", core, "level", level)
	case warning.RuleDeclaration:
		key := "why:sep_declaration"
		if s.Level == warning.LevelWarning {
			key = "why:sep_declaration.gap"
		}
		return p.t(key, "n", num("families_new"), "a", num("competitors"), "s", orNA(l, s.Standard), "level", level)
	case warning.RuleChange, warning.RuleCoreChange:
		c := s.Change
		if c == nil {
			c = &landscape.PatentChange{}
		}
		return p.t("why:"+s.Rule, "event", p.eventName(c.Event), "old", orNA(l, c.Old), "new", orNA(l, c.New), "date", orNA(l, c.Observed),
			"q", num("quality"), "p", core, "level", level)
	}
	return orNA(l, s.Rule)
}

// eventName words a patent change's event (landscape.Event*).
func (p *pageBuilder) eventName(e string) string {
	if has("pev:" + e) {
		return p.t("pev:" + e)
	}
	return e
}
