package reports

import (
	"strconv"
	"strings"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// catalog words the models' codes — reasons an analysis is unavailable, minimum-data rules and
// where the cut-off came from — in zh and en: key → {zh, en}, with {name} placeholders. The
// models carry only codes and numbers (landscape.Unavailable, landscape.Rule); this is the one
// place their sentences are written, and TestCatalogComplete fails when a code has no text in
// either language.
var catalog = map[string][2]string{
	// Reason codes (landscape.Code*). {n} the number the data had, {detail} a datum.
	"unav.code.below_minimum":     {"低于最低数据要求：{rule}；本数据仅有 {n}。", "below the minimum data: {rule}; the data has {n}."},
	"unav.code.no_legal_status":   {"数据源未提供法律状态，无法计算。", "the sources carry no legal status, so it cannot be computed."},
	"unav.code.no_place_data":     {"数据源未提供申请人地址、国别或省市信息，无法进行区域定位。", "the sources carry no applicant place data (address, country, province or city), so the region cannot be positioned."},
	"unav.code.not_in_region":     {"有地址信息的 {n} 个同族中，没有申请人位于本区域（{detail}）。", "of the {n} families with place data, none has an applicant in the region ({detail})."},
	"unav.code.no_province_data":  {"有地址信息的 {n} 个同族中，没有申请人带有省份信息（数据源无申请人地址或国省代码），无法判断哪些同族属于本区域（{detail}）；这并不表示本区域没有相关专利。", "of the {n} families with place data, none states an applicant's province (no applicant addresses or CNIPA province codes in the sources), so it cannot be told which families are in the region ({detail}); this does not mean the region has none."},
	"unav.code.no_city_data":      {"有地址信息的 {n} 个同族中，没有申请人带有城市信息（数据源无申请人地址），无法判断哪些同族属于本区域（{detail}）；这并不表示本区域没有相关专利。", "of the {n} families with place data, none states an applicant's city (no applicant addresses in the sources), so it cannot be told which families are in the region ({detail}); this does not mean the region has none."},
	"unav.code.no_scope":          {"数据湖中没有符合产业检索范围的专利。", "no patent in the lake matches the industry scope."},
	"unav.code.fit_failed":        {"逻辑斯蒂曲线无法拟合（{detail}）。", "the logistic curve cannot be fitted ({detail})."},
	"unav.code.no_citations":      {"数据源未提供引证数据。", "the sources carry no citation data."},
	"unav.code.no_claims":         {"数据源未提供权利要求数量。", "the sources carry no claim counts."},
	"unav.code.not_computed":      {"需要在数据湖内解析施引与被引专利的分类号，本版本未计算。", "needs the classes of citing and cited patents resolved inside the lake; not computed in this version."},
	"unav.code.no_inventors":      {"数据源未提供发明人姓名。", "the sources carry no inventor names."},
	"unav.code.no_applicants":     {"检索范围内没有申请人信息。", "no applicant names in scope."},
	"unav.code.no_provinces":      {"检索范围内没有申请人带有中国省份信息（数据源无地址或国省代码）。", "no applicant in scope has a CN province (no addresses or CNIPA province codes in the sources)."},
	"unav.code.no_grants":         {"范围内 {n} 个专利族均无授权记录：数据源可能不含授权信息，授权占比 0% 与缺少数据无法区分。", "none of the {n} families in scope is granted: the sources may carry no grant data, and a 0 % grant share could not be told from missing data."},
	"unav.code.region_is_nation":  {"区域即整个国家（{detail}），全国一列与区域相同，占全国比重恒为 100%，故不列出。", "the region is a whole country ({detail}): the nation column would repeat the region's and its share of the nation is 100 % by construction, so neither is shown."},
	"unav.code.no_family_members": {"数据源每个专利族只列出一件公开且未给出同族规模（{n} 个专利族），无法判断是否有 PCT 成员。", "the sources list one publication per family and no family size ({n} families), so PCT members cannot be seen."},
	"unav.code.no_operations":     {"数据源未提供转让、许可或质押数据（CNIPA 类导出通常提供）。", "the sources carry no transfer, licence or pledge data (CNIPA-style exports do)."},

	"unav.code.not_enough_seeds":       {"湖中的种子专利同族少于 {min} 个，无法评估检索范围的查全率与查准率。", "fewer than {min} seed families in the lake: the scope's recall and precision cannot be estimated."},
	"unav.name.scope_precision_recall": {"检索查全率与查准率", "Scope recall and precision"},

	"unav.code.competitor_absent":    {"竞争对手 {detail} 在分析年份内没有检索范围内的同族。", "competitor {detail} has no family in scope in the years analysed."},
	"unav.code.no_competitors":       {"未配置竞争对手，也未在本企业的技术分支中找到。", "no competitor is configured or found in the enterprise's branches."},
	"unav.code.no_match":             {"企业的名称均未匹配到分析年份内有同族的申请人（请核对名称匹配表）。", "none of the enterprise's names matches an applicant with families in scope in the years analysed (check the names in the match table)."},
	"unav.code.name_unmatched":       {"名称 {detail} 未匹配到检索范围内的申请人。", "the name {detail} matches no applicant in scope."},
	"unav.code.no_quality_scores":    {"没有同族具有质量评分（同组样本太小或缺少指标数据）。", "no family has a quality score (cohorts too small or no indicator data)."},
	"unav.code.nominal_term_only":    {"所有同族的法律状态未知：到期与失效仅按法定保护期估算。", "legal status unknown for all its families: expiring and lapsed families are estimated from the nominal term only."},
	"unav.code.no_core_branch":       {"企业在末级技术分支中没有同族，因此没有需要监控的核心分支。", "the enterprise has no family in a leaf branch, so it has no core branch to watch."},
	"unav.code.thesaurus_missing":    {"申请人词表 {detail} 不存在：名称仅经规范化后匹配。", "the thesaurus {detail} is missing: names are matched after normalisation only."},
	"unav.code.empty_name":           {"名称 {detail} 规范化后为空。", "the name {detail} normalises to an empty name."},
	"unav.code.citations_unresolved": {"检索范围内的专利引证未能对应到数据湖中的其他同族（被引文献未导入）。", "the patent citations in scope resolve to no other family in the lake (the cited documents were not ingested)."},
	"unav.code.too_few_texts":        {"检索范围内具有标题或摘要文本的文献太少，无法聚类。", "too few documents with title or abstract text in scope to cluster."},
	"unav.name.portfolio.cagr":       {"年复合增长率", "CAGR"},
	"unav.name.portfolio.status":     {"法律状态", "Legal status"},
	"unav.name.competitors":          {"竞争对手", "Competitors"},
	"unav.name.match":                {"名称匹配", "Name matching"},
	"unav.name.match.thesaurus":      {"申请人词表", "Applicant thesaurus"},
	"unav.name.expiry.status":        {"到期与失效", "Expiry and lapse"},
	"unav.name.citations":            {"引证关系", "Citation flows"},
	"unav.name.watch_list":           {"自由实施监控清单", "FTO watch list"},
	"unav.name.map":                  {"技术地图", "Technology map"},

	// Minimum-data rules (landscape.Rules). {min} the minimum.
	"rule.growth_end_year":          {"增长率（CAGR）的起止年份各需至少 {min} 个同族", "a growth rate (CAGR) needs at least {min} families in its start year and in its end year"},
	"rule.fit_years":                {"S 曲线拟合需至少 {min} 个有申请的完整年份", "an S-curve fit needs at least {min} complete years with filings"},
	"rule.fit_families":             {"S 曲线拟合需完整年份内至少 {min} 个同族", "an S-curve fit needs at least {min} families in its complete years"},
	"rule.concentration_applicants": {"集中度（HHI、CR4、CR8）需至少 {min} 个申请人", "concentration (HHI, CR4, CR8) needs at least {min} applicants"},
	"rule.grant_rate_decided":       {"授权率需法律状态数据，且至少 {min} 个已决（授权或未授权失效）的发明同族", "a grant rate needs legal-status data and at least {min} decided invention families (granted, or lapsed without grant)"},
	"rule.rta_country_families":     {"国家的显示性技术优势（RTA）需该国在一级分支中至少有 {min} 个同族（不足者显示为 n/a）", "a country's RTA needs at least {min} of its families in the level-1 branches (below it: n/a)"},

	// Analysis names (landscape.Unavailable.Analysis); an analysis without a name here is shown
	// by its code.
	"unav.name.all":                            {"全部分析", "All analyses"},
	"unav.name.trend.cagr":                     {"年复合增长率", "CAGR"},
	"unav.name.life_cycle.fit":                 {"S 曲线拟合", "S-curve fit"},
	"unav.name.geography.provinces":            {"省份分布", "Provinces"},
	"unav.name.applicants":                     {"申请人分析", "Applicants"},
	"unav.name.applicants.concentration":       {"申请人集中度", "Applicant concentration"},
	"unav.name.inventors":                      {"发明人分析", "Inventors"},
	"unav.name.legal.grant_rate":               {"授权率", "Grant rate"},
	"unav.name.technology.rta":                 {"国家 RTA", "Country RTA"},
	"unav.name.legal.operations":               {"专利运营", "Patent operations"},
	"unav.name.quality":                        {"核心专利", "Core patents"},
	"unav.name.quality.forward_citations":      {"被引次数", "Forward citations"},
	"unav.name.quality.claims":                 {"权利要求数", "Claims"},
	"unav.name.quality.generality_originality": {"通用性与原创性", "Generality and originality"},
	"unav.name.regional":                       {"区域定位", "Regional positioning"},
	"unav.name.regional.alive_share":           {"有效专利占比", "Alive share"},
	"unav.name.regional.nation":                {"与全国对比", "Comparison with the nation"},
	"unav.name.regional.inventors":             {"发明人数量", "Inventors"},
	"unav.name.regional.grant_share":           {"授权占比", "Grant share"},
	"unav.name.regional.operation_share":       {"转让、许可或质押的专利族占比", "Share of families transferred, licensed or pledged"},
	"unav.name.geography.pct_share":            {"含 PCT（WO）成员的专利族占比", "Share of families with a PCT (WO) member"},

	// Where the cut-off came from (landscape.ScopeSection.CutoffFrom).
	"cutoff.config":      {"数据截止日由配置给定", "the data cut-off is set in the configuration"},
	"cutoff.publication": {"数据截止日取自检索范围内最晚的公开日", "the data cut-off is the latest publication date in scope"},
	"cutoff.filing_lag":  {"数据无公开日：截止日按最晚申请日加 18 个月公开滞后估计", "the data has no publication dates: the cut-off is estimated as the latest filing date plus the 18-month publication lag"},
	"cutoff.none":        {"数据无公开日与申请日：无法确定截止日，所有年份均视为不完整", "the data has neither publication nor filing dates: no cut-off can be set and every year counts as incomplete"},
	// Method notes and caveats (landscape.Note*). {n} a year or small number, {count} a count, {unit} the counting unit;
	// an interval is {v} (95% Wilson CI {lo}–{hi}) of {k}/{N}.
	"note.method.scope_any":      {"检索范围：IPC/CPC 分类号以范围代码开头，或标题/摘要包含范围关键词的公开文本，再去除排除项", "scope: publications whose IPC/CPC codes start with a scope code or whose title/abstract contains a scope keyword, minus exclusions"},
	"note.method.scope_both":     {"检索范围：IPC/CPC 分类号以范围代码开头，且标题/摘要包含范围关键词的公开文本（两者均需满足），再去除排除项", "scope: publications whose IPC/CPC codes start with a scope code and whose title/abstract contains a scope keyword (both required), minus exclusions"},
	"note.method.dedup":          {"去重：各数据源之间按公开号每件只保留一条（保留来源记录）", "deduplication: one row per publication number across all sources (provenance kept)"},
	"note.method.families":       {"同族：采用数据源的同族号；无同族号时按相同优先权组合归并；再无则按同一申请归并", "families: the source's family id, else publications sharing the same priority set, else the same application"},
	"note.method.unit":           {"计数单位：{unit}；申请人按分数计数（k 个申请人的同族每人计 1/k）", "counting unit: {unit}; applicants counted fractionally (1/k per family with k applicants)"},
	"note.method.names":          {"申请人名称归一（大小写、全半角、标点、公司类型后缀）并按名称词表合并", "applicant names normalised (case, width, punctuation, legal-form suffixes) and merged by the thesaurus"},
	"note.method.priority_year":  {"优先权年 = 最早优先权日（无则申请日）所在年份；截止日前最后 {n} 年因公开滞后数据不完整", "priority year = earliest priority (else filing) date; the last {n} years before the cut-off are incomplete (publication lag)"},
	"note.method.seed_recall":    {"查全率：{v}（95% Wilson 置信区间 {lo}–{hi}）——{N} 个种子同族中 {k} 个在检索范围内", "recall: {v} (95% Wilson CI {lo}–{hi}) — {k} of {N} seed families in scope"},
	"note.method.seed_precision": {"查准率：{v}（95% Wilson 置信区间 {lo}–{hi}）——以 {seeds} 个种子同族训练的分类器接受了 {N} 个范围内同族中的 {k} 个（交叉验证查全率 {cv}）", "precision: {v} (95% Wilson CI {lo}–{hi}) — {k} of {N} scope families accepted by a classifier trained on the {seeds} seed families (cross-validated recall {cv})"},
	"note.method.seed_undefined": {"{what}：无数据，无法估计", "{what}: no data to estimate it"},
	"note.limit.coverage":        {"覆盖范围：仅包括导入数据湖的导出数据（检索范围内 {count} 件公开文本），不代表专利局的全部数据", "coverage: only the exports ingested into the lake ({count} publications in scope); no full-office coverage is implied"},
	"note.limit.language":        {"语言：关键词范围按标题和摘要的原文匹配；机器翻译的标题可能漏检或误检", "language: keyword scope matches titles and abstracts as written; machine-translated titles can miss or add matches"},
	"note.limit.classification":  {"分类滞后：近期文献可能尚无 CPC 分类号，或仅有临时 IPC 分类号", "classification lag: recent documents may lack CPC codes or carry provisional IPC codes"},
	"note.limit.family_model":    {"同族模型：同族取自数据源的同族号或相同优先权组合；跨数据源拆分的同族可能被重复计数", "family model: families come from the sources' family ids or shared priority sets; families split across sources may be counted twice"},
	"note.limit.publication_lag": {"公开滞后：{n} 年之后的优先权年数据不完整，不计入增长率和曲线拟合", "publication lag: priority years after {n} are incomplete and are excluded from growth rates and fits"},
	// Recommendations (landscape.Recommendation): why codes ({branch} its name) and evidence notes.
	"rec.why.gap":             {"全球增长较快而本区域布局不足的技术分支", "a growing branch where the region is under-represented"},
	"rec.why.leader":          {"{branch}领域的领先申请人", "a leading applicant in {branch}"},
	"rec.why.specialised":     {"本区域已形成专业化优势的技术分支：可在此基础上发展", "a branch where the region is specialised: build on it"},
	"rec.why.newcomer":        {"本国新进入者", "a domestic newcomer"},
	"rec.why.inventor":        {"高产且被引较多的发明人", "a prolific, well-cited inventor"},
	"rec.why.core":            {"有效的核心专利，可许可或收购", "an alive core patent to license or acquire"},
	"rec.why.academic":        {"领先的高校/科研院所申请人，适合产学研合作", "a leading academic applicant for industry–university collaboration"},
	"note.ev.region_rta":      {"本区域 RTA {x}", "region RTA {x}"},
	"note.ev.rel_growth":      {"相对增长率 {x}", "relative growth {x}"},
	"note.ev.hotspot":         {"技术热点（原因见技术构成）", "a hotspot (reasons under technology)"},
	"note.ev.branch_families": {"该分支 {x1} 个同族", "{x1} families in the branch"},
	"note.ev.first_filing":    {"首次申请 {n} 年，{y1} 个同族", "first filing {n}, {y1} families"},
	"note.ev.inventor":        {"{x0} 个同族，h 指数 {y0}，所属申请人：{names}", "{x0} families, h-index {y0}, with {names}"},
	"note.ev.core_patent":     {"质量得分 {x}，同族规模 {y0}，{names}", "quality {x}, family size {y0}, {names}"},
	"note.ev.families":        {"{x1} 个同族", "{x1} families"},
	"note.hot.burst":          {"{from}–{to} 年突发（权重 {w}）", "burst {from}–{to} (weight {w})"},
	"note.hot.rel_growth":     {"增速为产业整体的 {x} 倍", "grows {x}× as fast as the industry"},
	"note.what.recall":        {"查全率", "recall"},
	"note.what.precision":     {"查准率", "precision"},

	// An owner change's countries and their basis (landscape.PatentChange, OwnerBasis*).
	"owner.place":         {"权利人国别：{from}（{fromb}）→ {to}（{tob}）", "owner's country: {from} ({fromb}) → {to} ({tob})"},
	"owner.foreign":       {"境外（国别不明）", "foreign (country unknown)"},
	"owner.unknown":       {"不明", "unknown"},
	"owner.basis.country": {"导出数据载明国别", "country stated in the export"},
	"owner.basis.address": {"据导出数据中的地址", "from the address in the export"},
	"owner.basis.name":    {"据名称文字推断", "guessed from the name's script"},
	"owner.basis.":        {"—", "—"},

	"method.minimums": {"最低数据要求（低于要求的分析列入“无法完成的分析”）：", "Minimum data (an analysis below its minimum is listed under “Analyses not available”):"},
}

// cat looks up a catalogue sentence; a missing key renders as ⟦key⟧ (the tests look for it).
func (l Locale) cat(key string, pairs ...string) string {
	return Phrase(catalog, l.Lang, key, pairs...)
}

// Phrase returns the zh ([0]) or en ([1]) phrase for key from a report's phrase table, with its
// {name} placeholders replaced by the given name/value pairs. A missing key renders as ⟦key⟧
// (the tests look for it). Every report's phrase table is read through it.
func Phrase(table map[string][2]string, lang, key string, pairs ...string) string {
	p, ok := table[key]
	if !ok {
		return "⟦" + key + "⟧"
	}
	s := p[0]
	if lang == "en" {
		s = p[1]
	}
	if len(pairs) > 0 {
		s = strings.NewReplacer(braces(pairs)...).Replace(s)
	}
	return s
}

// OwnerPlace words an owner change's old and new owner's country with the basis of each
// ("owner's country: CN (from the address in the export) → JP (country stated in the export)"),
// "" for a change that is not an owner change or whose countries are unknown.
func (l Locale) OwnerPlace(c landscape.PatentChange) string {
	if c.FromBasis == "" && c.ToBasis == "" {
		return ""
	}
	country := func(code string) string {
		switch code {
		case "":
			return l.cat("owner.unknown")
		case "XX":
			return l.cat("owner.foreign")
		}
		return code
	}
	return l.cat("owner.place", "from", country(c.FromCountry), "fromb", l.cat("owner.basis."+c.FromBasis),
		"to", country(c.ToCountry), "tob", l.cat("owner.basis."+c.ToBasis))
}

// RuleText words a minimum-data rule.
func (l Locale) RuleText(r landscape.Rule) string {
	return l.cat("rule."+r.Code, "min", l.Int(r.Min))
}

// CutoffText says where the cut-off came from ("" when the model does not say).
func (l Locale) CutoffText(from string) string {
	if from == "" {
		return ""
	}
	return l.cat("cutoff." + from)
}

// UnavailableText words an unavailable analysis: its name and the reason. An entry without a
// code (not yet converted to one) keeps its own Reason.
func (l Locale) UnavailableText(u landscape.Unavailable) (name, reason string) {
	name = u.Analysis
	if _, ok := catalog["unav.name."+u.Analysis]; ok {
		name = l.cat("unav.name." + u.Analysis)
	}
	if u.Code == "" {
		return name, u.Reason
	}
	rule := ""
	for _, r := range landscape.Rules {
		if r.Code == u.Rule {
			rule = l.RuleText(r)
		}
	}
	detail := u.Detail
	if u.Code == landscape.CodeFitFailed {
		detail = l.cat("fit." + u.Detail)
	}
	return name, l.cat("unav.code."+u.Code, "n", strconv.Itoa(u.N), "min", strconv.Itoa(u.Min), "rule", rule, "detail", detail)
}

// Worded returns u with Analysis and Reason replaced by their sentences in l's language, for the
// page templates (which print .Analysis and .Reason).
func (l Locale) Worded(u landscape.Unavailable) landscape.Unavailable {
	u.Analysis, u.Reason = l.UnavailableText(u)
	return u
}

// NoteText words a method note or caveat (landscape.Note). Figures the note does not carry
// (an undefined cross-validated recall) read n/a. extra are further name/value pairs for the
// sentence's placeholders.
func (l Locale) NoteText(n landscape.Note, extra ...string) string {
	num := func(i, prec int) string {
		if i < len(n.Nums) {
			return l.Num(n.Nums[i], prec)
		}
		return l.NA()
	}
	year := func(i int) string {
		if i < len(n.Nums) {
			return strconv.Itoa(int(n.Nums[i]))
		}
		return l.NA()
	}
	pairs := []string{"n", strconv.Itoa(n.N), "count", l.Int(n.N), "unit", l.Term("unit", n.Param), "what", l.cat("note.what." + n.Param),
		"v", num(0, 3), "lo", num(1, 3), "hi", num(2, 3), "k", num(3, 0), "N", num(4, 0), "seeds", num(5, 0), "cv", num(6, 3),
		"from", year(0), "to", year(1), "w", num(2, 1),
		"x", num(0, 2), "x0", num(0, 0), "x1", num(0, 1), "y0", num(1, 0), "y1", num(1, 1), "names", strings.Join(n.Names, ", ")}
	// Generic placeholders of Nums[i] (catalog_macro.go): percentage, signed percentage,
	// integer (a year or an id), count, number.
	for i := range n.Nums {
		is := strconv.Itoa(i)
		pairs = append(pairs, "p"+is, l.Pct(n.Nums[i]), "g"+is, l.SignedPct(&n.Nums[i]), "i"+is, year(i), "d"+is, num(i, 0), "f"+is, num(i, 4))
	}
	return l.cat("note."+n.Code, append(pairs, extra...)...)
}

// RecommendationText words a recommendation: its target (a branch in l's language), why and
// evidence.
func (l Locale) RecommendationText(r landscape.Recommendation) (target, why string, evidence []string) {
	target, branch := r.Target, r.Branch
	if r.Name != (config.Text{}) {
		branch = r.Name.In(l.Lang)
		if r.Kind != "attract" {
			target = branch
		}
	}
	why = l.cat("rec.why."+r.Why, "branch", branch)
	for _, e := range r.Evidence {
		evidence = append(evidence, l.NoteText(e))
	}
	return target, why, evidence
}

// NotesText words a list of notes as one line ("" for none).
func (l Locale) NotesText(ns []landscape.Note) string {
	sep := "; "
	if l.Lang == "zh" {
		sep = "；"
	}
	var out []string
	for _, n := range ns {
		out = append(out, l.NoteText(n))
	}
	return strings.Join(out, sep)
}
