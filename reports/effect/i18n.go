package effect

import "strings"

// phrases holds every heading and fixed phrase of the effect-tracking page and the words of its
// typed reasons: key → {zh, en}; {name} placeholders are replaced by tr.
var phrases = map[string][2]string{
	"title":          {"{region}专利导航产业发展绩效跟踪", "{region}: effect tracking of the patent-navigated industry"},
	"subtitle":       {"{industry} · {run} 运行", "{industry} · run of {run}"},
	"hdr.industry":   {"产业", "Industry"},
	"hdr.region":     {"区域", "Region"},
	"hdr.match":      {"区域匹配", "Region matched at"},
	"hdr.families":   {"区域专利族 / 范围内专利族", "Region families / families in scope"},
	"hdr.cutoff":     {"数据截止日", "Data cut-off"},
	"hdr.years":      {"统计年份", "Years computed"},
	"hdr.complete":   {"最近完整申请年", "Last complete filing year"},
	"hdr.set":        {"指标体系", "Indicator set"},
	"hdr.previous":   {"上期运行", "Previous run"},
	"set.default":    {"默认指标（配置中未设 effect）", "default set (no effect block in the config)"},
	"set.config":     {"配置的指标（effect）", "configured (effect block)"},
	"first":          {"无（首期）", "none (first run)"},
	"level.city":     {"城市", "city"},
	"level.province": {"省份", "province"},
	"level.country":  {"国家", "country"},
	"match.note": {"配置的区域为{wanted}级，但数据中本国申请人均无{wanted}信息（{n} 条申请人记录，{p} 条有省份，{c} 条有城市），因此按{level}级匹配；按区域检索导出的数据（如泰安市申请人）按此读取即为该区域。",
		"The region is configured at {wanted} level, but no applicant of its country in the data carries that place ({n} applicant mentions, {p} with a province, {c} with a city), so it is matched at {level} level; an export searched by the region's applicants (e.g. Tai'an's) then reads as that region."},

	"sec.summary":  {"指标总览", "Indicators at a glance"},
	"sec.changes":  {"与上期相比的数据变化", "Changes since the previous run"},
	"sec.method":   {"指标定义与方法", "Definitions and method"},
	"col.ind":      {"指标", "Indicator"},
	"col.latest":   {"最新完整年份值", "Latest complete value"},
	"col.target":   {"目标", "Target"},
	"col.progress": {"完成度", "Progress"},
	"col.year":     {"年份", "Year"},
	"col.value":    {"数值", "Value"},
	"col.num":      {"分子", "Numerator"},
	"col.den":      {"分母（基数）", "Base"},
	"col.note":     {"说明", "Note"},
	"col.prev":     {"上期", "Previous"},
	"col.now":      {"本期", "This run"},
	"target.at":    {"{v}（{y} 年）", "{v} (by {y})"},
	"series":       {"实际值", "Actual"},
	"target":       {"目标线", "Target"},
	"chart":        {"{name}：各年份数值", "{name} per year"},
	"no_changes":   {"与上期相比没有数值变化。", "No value changed since the previous run."},
	"first_run":    {"首期运行：无上期可比。", "First run: nothing to compare with."},
	"na":           {"不可用", "n/a"},
	"none":         {"无", "none"},
	"stock":        {"截止日存量", "stock at the cut-off"},

	"unit.families":     {"专利族", "families"},
	"unit.share":        {"占比", "share"},
	"unit.applicants":   {"申请人", "applicants"},
	"basis.filing_year": {"按申请年（同族最早申请）统计", "by filing year (the family's earliest application)"},
	"basis.event_year":  {"按事件发生年统计", "by year of the event"},
	"basis.cutoff":      {"数据截止日的存量（数据不含历年法律状态，仅此一年）", "a stock at the cut-off (the data keep no status history: one year only)"},

	"m.families":            {"区域专利族数", "Region families"},
	"m.invention_share":     {"发明专利占比", "Invention share"},
	"m.grants":              {"发明专利授权", "Invention grants"},
	"m.pct":                 {"PCT 申请", "PCT filings"},
	"m.alive_high_value":    {"有效高价值发明专利", "Alive high-value inventions"},
	"m.transfers":           {"专利转让", "Patents transferred"},
	"m.licences":            {"专利许可", "Patents licensed"},
	"m.pledges":             {"专利质押", "Patents pledged"},
	"m.enterprises_filing":  {"提交申请的企业数", "Enterprises filing"},
	"m.universities_filing": {"提交申请的高校院所数", "Universities and institutes filing"},
	"m.co_applications":     {"企业与高校院所联合申请", "Enterprise–university co-applications"},
	"m.industry_share":      {"区域占产业比重", "Region's share of the industry"},
	"m.branch_share":        {"区域占“{branch}”分支比重", "Region's share of branch {branch}"},

	"d.families":            {"区域申请人（至少一位）的专利族，按申请年。", "Families with at least one applicant in the region, by filing year."},
	"d.invention_share":     {"区域专利族中含发明专利的比例，按申请年；基数为当年区域专利族数。", "Region families with an invention publication / region families, by filing year; the base is the year's region families."},
	"d.grants":              {"区域专利族首次获得发明授权的年份计数。", "Region families counted in the year of their first invention grant."},
	"d.pct":                 {"含 WO（PCT）公开的区域专利族，按申请年。", "Region families with a WO (PCT) member, by filing year."},
	"d.alive_high_value":    {"截止日有效的区域发明专利族中，满足任一条件者：有境外或 PCT 同族、被引次数居同优先权年前10%、发生转让/许可/质押、涉诉、经无效宣告仍有效（国家统计口径中的战略性新兴产业条件未计入）。", "Alive region invention families at the cut-off meeting one criterion: a member abroad or PCT, forward citations in the top decile of their priority-year cohort, transferred/licensed/pledged, litigated, or invalidation survived (the national definition's strategic-industry criterion is not applied)."},
	"d.transfers":           {"最近一次转让发生在该年的区域专利族（数据仅记录次数与最近日期；转入/转出方向无法区分）。", "Region families whose latest recorded transfer falls in the year (the data keep the count and latest date only; direction into or out of the region cannot be told)."},
	"d.licences":            {"最近一次许可发生在该年的区域专利族。", "Region families whose latest recorded licence falls in the year."},
	"d.pledges":             {"最近一次质押发生在该年的区域专利族。", "Region families whose latest recorded pledge falls in the year."},
	"d.enterprises_filing":  {"当年提交申请的区域企业（归一化名称）数。", "Distinct region enterprises (normalised names) filing in the year."},
	"d.universities_filing": {"当年提交申请的区域高校与科研院所数。", "Distinct region universities and institutes filing in the year."},
	"d.co_applications":     {"区域企业与高校院所联合申请的专利族（合作方为区域内或地点未知的本国申请人），按申请年。", "Region families co-filed by an enterprise and a university or institute (the partner in the region, or of its country with no place known), by filing year."},
	"d.industry_share":      {"区域专利族 / 范围内全部专利族，按申请年。", "Region families / all families in scope, by filing year."},
	"d.branch_share":        {"该分支中区域专利族 / 该分支全部专利族，按申请年。", "Region families in the branch / all the branch's families, by filing year."},
	"method.years":          {"只计算截止日之前、数据覆盖的年份；最近 {n} 个申请年因公开滞后而不完整（标注 †），不视为下降。", "Only years up to the cut-off that the data cover are computed; the latest filing years are incomplete because of publication lag (marked †) and are not a decline."},
	"method.min":            {"占比的基数少于 {min} 时不给出数值，标注“数据不足”及其实际基数。", "A share whose base is below {min} is not given: it says \"not enough data\" with its base."},
	"method.history":        {"每次运行的结果保存在运行历史中；与上期相比变化的数值列于“数据变化”一节。", "Each run is kept in the run history; values that differ from the previous run are listed under \"Changes\"."},
	"method.progress":       {"完成度 = 最近完整年份的数值 / 目标值。", "Progress = the latest complete year's value / the target."},

	"r.not_enough_data":   {"数据不足：基数 {n}，少于最低要求 {min}", "not enough data: base {n}, below the minimum {min}"},
	"r.no_region":         {"范围内 {n} 个专利族中没有区域申请人的专利族", "none of the {n} families in scope has an applicant in the region"},
	"r.no_legal_status":   {"数据不足：{n} 个区域专利族均无法律状态", "not enough data: none of the {n} region families has a legal status"},
	"r.no_grant_data":     {"数据不足：{n} 个区域专利族均无授权日期", "not enough data: none of the {n} region families has a grant date"},
	"r.no_operation_data": {"数据不足：{n} 个区域专利族均无转让、许可、质押记录字段", "not enough data: none of the {n} region families carries transfer, licence or pledge facts"},
	"r.no_operation_date": {"数据不足：{n} 个专利族有运营次数但无日期，无法按年统计", "not enough data: {n} families have operation counts but no dates, so no year can be given"},
	"r.no_abroad_data":    {"数据不足：{n} 个区域专利族均只有中国公开且无优先权信息，无法识别 PCT 申请", "not enough data: all {n} region families are CN-only without priority data, so PCT filings cannot be seen"},
}

func tr(lang, key string, pairs ...string) string {
	p, ok := phrases[key]
	if !ok {
		return "⟦" + key + "⟧"
	}
	s := p[0]
	if lang == "en" {
		s = p[1]
	}
	if len(pairs) > 0 {
		r := make([]string, len(pairs))
		for i, x := range pairs {
			if i%2 == 0 {
				x = "{" + x + "}"
			}
			r[i] = x
		}
		s = strings.NewReplacer(r...).Replace(s)
	}
	return s
}
