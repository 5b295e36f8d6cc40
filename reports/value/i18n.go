package value

import "github.com/patnav/patnav/reports"

// phrases holds every heading and fixed phrase of the value and operation page and the words of
// its typed reasons: key → {zh, en}; {name} placeholders are replaced by tr.
var phrases = map[string][2]string{
	"title":          {"{industry}专利价值评估与运营", "{industry}: patent value and operation"},
	"subtitle":       {"{region} · 数据截止 {cutoff}", "{region} · data cut-off {cutoff}"},
	"hdr.industry":   {"产业", "Industry"},
	"hdr.region":     {"区域", "Region"},
	"hdr.match":      {"区域匹配", "Region matched at"},
	"hdr.cutoff":     {"数据截止日", "Data cut-off"},
	"hdr.families":   {"评估的专利族", "Families scored"},
	"hdr.hv":         {"高价值专利族", "High-value families"},
	"hdr.hv.value":   {"{n}（得分高于第 {q} 百分位）", "{n} (score above P{q})"},
	"level.city":     {"城市", "city"},
	"level.province": {"省份", "province"},
	"level.country":  {"国家", "country"},

	"sec.method":     {"价值评分方法与因子", "The value score: method and factors"},
	"sec.top":        {"价值得分最高的专利族", "Highest-scoring families"},
	"sec.applicants": {"各申请人的价值分布", "Value by applicant"},
	"sec.branches":   {"各技术分支的价值分布", "Value by branch"},
	"sec.operation":  {"运营清单：可转让或许可的高校院所专利", "Operation list: university and institute patents to transfer or license"},
	"sec.gaps":       {"匹配所用的布局空白", "The layout gaps matched"},
	"sec.trends":     {"专利运营趋势：区域与产业", "Operation trends: region vs industry"},

	"method.formula": {"得分 = Σ 权重 × 因子百分位 / Σ 权重（仅计该专利族具备的因子）；百分位为中位秩：(小于者 + 相等者/2) / 数量；前向引用在同优先权年内排序。", "Score = Σ weight × the factor's percentile / Σ weight (over the factors the family has); percentiles are mid-ranks, (below + equal/2) / n; forward citations are ranked within their priority-year cohort."},
	"method.alive":   {"无法律状态时，在保护期（发明 20 年、实用新型 10 年，自申请日）内的专利族推定有效，标注“推定”。", "With no legal status, a family within its term (20 years from filing for an invention, 10 for a utility model) is presumed alive and marked \"presumed\"."},
	"method.weights": {"权重可在配置 value.weights 中修改；下表列出每个因子的权重与数据覆盖。", "The weights can be changed in the config (value.weights); the table lists each factor's weight and coverage."},

	"col.factor":       {"因子", "Factor"},
	"col.weight":       {"权重", "Weight"},
	"col.known":        {"具备该因子的专利族", "Families with it"},
	"col.used":         {"是否计入", "Used"},
	"col.note":         {"说明", "Note"},
	"col.pub":          {"公开号", "Publication"},
	"col.title":        {"标题", "Title"},
	"col.applicant":    {"申请人", "Applicant"},
	"col.year":         {"优先权年", "Priority year"},
	"col.status":       {"法律状态", "Status"},
	"col.score":        {"得分", "Score"},
	"col.factors":      {"各因子（原值 / 百分位）", "Factors (raw / percentile)"},
	"col.n":            {"专利族", "Families"},
	"col.mean":         {"平均分", "Mean"},
	"col.median":       {"中位数", "Median"},
	"col.p90":          {"第90百分位", "90th percentile"},
	"col.hv":           {"高价值", "High-value"},
	"col.branch":       {"技术分支", "Branch"},
	"col.holder":       {"权利人（高校院所）", "Holder (university / institute)"},
	"col.matches":      {"匹配的布局空白（企业：分支，排名）", "Gaps matched (enterprise: branch, rank)"},
	"col.enterprise":   {"企业", "Enterprise"},
	"col.rank":         {"排名", "Rank"},
	"col.gapscore":     {"空白得分", "Gap score"},
	"col.rta":          {"RTA", "RTA"},
	"col.region":       {"区域", "Region"},
	"col.industry":     {"产业", "Industry"},
	"yes":              {"是", "yes"},
	"no":               {"否", "no"},
	"presumed.status":  {"{s}（推定有效）", "{s} (presumed alive)"},
	"region.ents":      {"区域企业（整体）", "The region's enterprises"},
	"gaps.enterprises": {"布局空白来自各企业导航的排名空白。", "The gaps are the enterprise navigations' ranked gaps."},
	"gaps.region":      {"未配置企业导航：布局空白为区域企业整体在各分支的缺位或弱势（RTA < 1），按 (1 − RTA) × 分支占比 排序。", "No enterprise navigation configured: the gaps are the branches where the region's enterprises together are absent or weak (RTA < 1), ranked by (1 − RTA) × the branch's share."},
	"funnel":           {"区域高校院所专利族 {a} 个，其中有效 {b} 个，高价值 {c} 个，位于布局空白分支 {d} 个。", "The region's university and institute families: {a}; alive {b}; high-value {c}; in a gap branch {d}."},
	"trend.chart":      {"{m}：各年份（最近一次事件）专利族数", "{m}: families per year of the latest event"},
	"none":             {"无", "none"},

	"f.legal_status":          {"法律状态", "Legal status"},
	"f.remaining_term":        {"剩余保护期（年）", "Remaining term (years)"},
	"f.family_breadth":        {"同族广度（受理局数，PCT 加 1）", "Family breadth (offices, +1 for PCT)"},
	"f.forward_citations":     {"前向引用（同年度队列内排序）", "Forward citations (ranked in cohort)"},
	"f.claims":                {"权利要求数", "Claims"},
	"f.operation":             {"转让 + 许可 + 质押次数", "Transfers + licences + pledges"},
	"f.litigation":            {"诉讼次数", "Litigation"},
	"f.invalidation_survived": {"经无效宣告仍有效", "Invalidation survived"},

	"m.transfers": {"专利转让", "Transfers"},
	"m.licences":  {"专利许可", "Licences"},
	"m.pledges":   {"专利质押", "Pledges"},

	"r.not_enough_data":   {"数据不足：{n} 个专利族，少于最低要求 {min}", "not enough data: {n} families, below the minimum {min}"},
	"r.no_factor_data":    {"数据中 {n} 个专利族均无此因子，不计入", "none of the {n} families has this factor: not used"},
	"r.no_operation_data": {"数据不足：{n} 个专利族均无带日期的转让、许可、质押记录", "not enough data: none of the {n} families has dated transfer, licence or pledge facts"},
	"r.no_gaps":           {"在 {n} 个分支中未发现布局空白", "no layout gap among the {n} branches"},
	"r.no_candidates":     {"区域高校院所的 {n} 个专利族中，没有同时有效、高价值且位于布局空白分支的", "none of the region's {n} university and institute families is alive, high-value and in a gap branch"},
}

func tr(lang, key string, pairs ...string) string {
	return reports.Phrase(phrases, lang, key, pairs...)
}
