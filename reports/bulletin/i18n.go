package bulletin

import (
	"strings"
)

// phrases holds every heading and fixed phrase of the bulletin: key → {zh, en}. Placeholders are
// {name}, replaced by tr. (Phrases shared with the other reports — n/a, none, data table, the
// incomplete-year note, the footer — come from reports.Locale.)
var phrases = map[string][2]string{
	"title":          {"{industry}专利风险预警简报", "{industry}: patent risk-warning bulletin"},
	"subtitle":       {"{run} 运行，与上期（{prev}）对比", "Run of {run}, compared with the previous run ({prev})"},
	"subtitle.first": {"{run} 运行（首期：无上期可比）", "Run of {run} (the first: no previous run to compare with)"},

	"hdr.industry":  {"产业", "Industry"},
	"hdr.domestic":  {"国内申请人", "Domestic applicants"},
	"hdr.office":    {"统计受理局", "Office counted"},
	"hdr.region":    {"区域", "Region"},
	"hdr.cutoff":    {"数据截止日", "Data cut-off"},
	"hdr.window":    {"分析年份", "Years analysed"},
	"hdr.complete":  {"最近完整年份", "Last complete year"},
	"hdr.periods":   {"趋势窗口", "Trend windows"},
	"hdr.run":       {"本期运行", "This run"},
	"hdr.previous":  {"上期运行", "Previous run"},
	"hdr.signals":   {"预警信号", "Signals"},
	"hdr.first":     {"无（首期）", "none (first run)"},
	"periods":       {"近期 {r}，前期 {q}", "recent {r}, previous {q}"},
	"country":       {"{c} 申请人", "{c} applicants"},
	"office":        {" {o} 受理局", "the {o} office"},
	"signals.count": {"{n} 条", "{n}"},

	// Sections.
	"sec.summary":     {"摘要", "Summary"},
	"sec.severe":      {"严重信号", "Severe signals"},
	"sec.warning":     {"警告信号", "Warnings"},
	"sec.watch":       {"关注信号", "Signals to watch"},
	"sec.info":        {"提示信息", "Information"},
	"sec.changes":     {"与上期相比的变化", "Changes since the previous bulletin"},
	"sec.indicators":  {"预警指标", "Warning indicators"},
	"sec.gap":         {"技术差距", "Technology gap"},
	"sec.method":      {"方法与分级规则", "Method and severity rules"},
	"sec.limitations": {"局限性", "Limitations"},

	// Levels and states.
	"level:info":         {"提示", "info"},
	"level:watch":        {"关注", "watch"},
	"level:warning":      {"警告", "warning"},
	"level:severe":       {"严重", "severe"},
	"level:":             {"—", "—"},
	"state:new":          {"新增", "new"},
	"state:escalated":    {"升级", "escalated"},
	"state:unchanged":    {"未变", "unchanged"},
	"state:de-escalated": {"降级", "de-escalated"},
	"state:resolved":     {"解除", "resolved"},

	// Summary.
	"sum.lead": {"本期共有预警信号 {n} 条：严重 {severe} 条、警告 {warning} 条、关注 {watch} 条、提示 {info} 条。",
		"This run has {n} signals: {severe} severe, {warning} warnings, {watch} to watch and {info} for information."},
	"sum.changes": {"与上期相比：新增 {new} 条、升级 {escalated} 条、降级 {de-escalated} 条、解除 {resolved} 条、未变 {unchanged} 条。",
		"Since the previous run: {new} new, {escalated} escalated, {de-escalated} de-escalated, {resolved} resolved, {unchanged} unchanged."},
	"sum.first":  {"本期为首期简报，所有信号均为新增。", "This is the first bulletin: every signal is new."},
	"sum.scope":  {"窗口内共 {fams} 个同族；在{office}的发明同族 {inv} 个，其中国内 {dom} 个、国外 {for} 个、来源国不明 {unk} 个。", "{fams} families in the window; {inv} invention families at {office}: {dom} domestic, {for} foreign, {unk} of unknown origin."},
	"sum.levels": {"信号分级", "Signals by level"},
	"col.evid":   {"定义", "Definition"},
	"sum.top":    {"重点信号（严重与警告，新增和升级优先）", "Headline signals (severe and warnings; new and escalated first)"},
	"sum.none":   {"本期没有严重或警告级信号。", "No severe signal or warning in this run."},
	"sum.key":    {"全行业预警指标", "Warning indicators for the whole industry"},
	"sum.trend":  {"在{office}的发明同族：国内与国外（按优先权年）", "Invention families at {office}: domestic and foreign, per priority year"},
	"col.level":  {"级别", "Level"},
	"col.n":      {"数量", "Count"},
	"col.new":    {"其中新增", "New"},
	"col.esc":    {"其中升级", "Escalated"},
	"col.signal": {"信号", "Signal"},
	"col.state":  {"变化", "Change"},
	"col.value":  {"数值", "Value"},
	"col.thresh": {"阈值", "Threshold"},
	"col.item":   {"项目", "Item"},
	"col.pats":   {"相关专利", "Patents"},
	"col.branch": {"技术分支", "Branch"},
	"col.year":   {"年份", "Year"},
	"col.pub":    {"公开号", "Publication"},
	"col.title":  {"标题", "Title"},
	"col.appl":   {"申请人", "Applicant"},
	"col.py":     {"优先权年", "Priority year"},
	"col.status": {"法律状态", "Status"},
	"col.qual":   {"质量分位", "Quality"},
	"col.expiry": {"到期日", "Expiry"},
	"col.levels": {"级别（上期 → 本期）", "Level (previous → now)"},
	"col.warns":  {"预警条件", "Warns when"},
	"col.first":  {"国内首次申请", "Domestic first filing"},

	// Signal tables.
	"col.subject": {"对象", "Subject"},
	"col.factor":  {"超出倍数", "Factor"},
	"col.date":    {"日期", "Date"},
	"near":        {"接近阈值", "approaching"},
	"of.total":    {"等 {n} 件", "… of {n}"},
	"was":         {"上期：{prev}", "was {prev}"},
	"charts.more": {"仅绘出前 {n} 条（共 {total} 条），全部数据见 bulletin.json。", "Charts for the first {n} of {total}; all series are in bulletin.json."},
	"kdesc:reserve": {"国内申请人与国外申请人在{office}的发明同族数之比低于 {t}：国内专利储备不足。超出倍数 = 阈值 ÷ 比值（≥ 2 严重，≥ 1.5 警告）。",
		"Domestic / foreign invention families at {office} below {t}: the domestic reserve is insufficient. Factor = threshold ÷ ratio (≥ 2 severe, ≥ 1.5 warning)."},
	"kdesc:bubble": {"国内申请人与国外申请人在{office}的发明同族数之比高于 {t}：数量泡沫（多而不强）。超出倍数 = 比值 ÷ 阈值。",
		"Domestic / foreign invention families at {office} above {t}: a quantity bubble. Factor = ratio ÷ threshold."},
	"kdesc:growth_lag": {"国内与国外在{office}的发明同族 {w} 年复合增长率之比低于 {t}：国内增长滞后。",
		"Domestic / foreign {w}-year CAGR of invention families at {office} below {t}: domestic growth lags."},
	"kdesc:weak_leaders": {"国内前10名申请人与国外前10名申请人在{office}的发明同族数之比低于 {t}：国内龙头实力偏弱。",
		"Invention families at {office} of the top-10 domestic / top-10 foreign applicants below {t}: domestic leaders are weak."},
	"kdesc:portfolio_concentration": {"（国内前3名/前10名）÷（国外前3名/前10名）低于 {t}：国内专利布局分散。",
		"(Domestic top-3 / top-10) ÷ (foreign top-3 / top-10) below {t}: domestic portfolios are fragmented."},
	"kdesc:market_barrier": {"在{offices}有成员的同族占全部同族的比例高于 {t}：海外主要市场专利布局密集。",
		"Share of families with a member at {offices} above {t}: the major foreign markets are densely patented."},
	"kdesc:surge": {"国外申请人在国内申请人活跃的分支中，近期（{r}）同族数达到前期（{q}）的 {g} 倍以上（前期不足 1 件按 1 件计），且占比上升至少 {d}。倍数取两项中较小者。",
		"A foreign applicant in a branch where domestic applicants file: families in {r} at least {g} times those in {q} (a previous count below 1 counts as 1) and a share gain of at least {d}. The smaller factor sets the level."},
	"kdesc:blocking": {"国内申请人活跃的分支中，国外持有、有效（或推定有效）、质量分位不低于 {p} 的专利：潜在阻碍专利（1–2 件关注，3–9 件警告，10 件及以上严重）。",
		"In branches where domestic applicants file: foreign-held, alive (or presumed alive) patents with a quality percentile of at least {p} — blocking candidates (1–2 watch, 3–9 warning, 10 or more severe)."},
	"kdesc:concentration_rise": {"申请人集中度 HHI 从 {y0} 年到 {y1} 年至少上升 {t} 点（两年各至少 10 个同族）。倍数 = 上升值 ÷ 阈值。",
		"Applicant concentration (HHI) up by at least {t} points from {y0} to {y1} (at least 10 families each year). Factor = rise ÷ threshold."},
	"kdesc:entrant": {"自 {since} 年起首次申请、至少 3 个同族且占行业同期 1% 以上的申请人：国内为提示，国外为关注，国外且占比 ≥ 3% 为警告。",
		"Applicants whose first filing is in {since} or later, with at least 3 families and 1% of the industry's since then: domestic info, foreign watch, foreign with 3% or more warning."},
	"kdesc:expiring": {"核心专利（质量分位不低于 {p}）仍有效，将在 {until} 前到期：自由实施窗口。",
		"Core patents (quality percentile at least {p}) in force that expire before {until}: freedom windows."},
	"kdesc:litigation": {"涉诉专利：国外持有为警告，其余为关注。", "Patents in litigation: foreign-held warning, otherwise watch."},
	"kdesc:event":      {"核心专利（质量分位不低于 {p}）发生的{kind}。", "{kind} events of core patents (quality percentile at least {p})."},

	// Signal patents.
	"card.patents":   {"相关专利（列出前 {n} 件，共 {total} 件）", "Patents behind it (top {n} of {total})"},
	"presumed":       {"推定有效", "presumed alive"},
	"stated":         {"数据源", "stated"},
	"estimated":      {"估算", "estimated"},
	"overall":        {"全行业", "whole industry"},
	"subject.branch": {"分支：{b}", "branch: {b}"},
	"subject.appl":   {"申请人：{a}", "applicant: {a}"},
	"subject.pat":    {"专利：{p}", "patent: {p}"},

	// Rule explanations.
	"warns.below":    {"< {t}", "< {t}"},
	"warns.above":    {"> {t}", "> {t}"},
	"warns.at_least": {"≥ {t}", "≥ {t}"},
	"warns.reported": {"仅报告", "reported"},

	// Kinds.
	"kind:reserve":                 {"国内专利储备不足", "Domestic patent reserve insufficient"},
	"kind:bubble":                  {"专利数量泡沫", "Quantity bubble"},
	"kind:growth_lag":              {"国内增长滞后", "Domestic growth lags"},
	"kind:weak_leaders":            {"国内龙头实力偏弱", "Weak domestic leaders"},
	"kind:portfolio_concentration": {"国内专利布局分散", "Fragmented domestic portfolios"},
	"kind:market_barrier":          {"海外市场壁垒", "Foreign market barriers"},
	"kind:technology_gap":          {"技术差距", "Technology gap"},
	"kind:surge":                   {"国外申请人激增", "Foreign applicant surging"},
	"kind:blocking":                {"潜在阻碍专利", "Blocking candidates"},
	"kind:concentration_rise":      {"集中度上升", "Concentration rising"},
	"kind:entrant":                 {"新进入者", "New entrant"},
	"kind:expiring":                {"核心专利即将到期（自由实施窗口）", "Core patent expiring (freedom window)"},
	"kind:litigation":              {"专利诉讼", "Litigation"},
	"kind:invalidation":            {"无效宣告", "Invalidation"},
	"kind:transfer":                {"专利转让", "Transfer"},
	"kind:licence":                 {"专利许可", "Licence"},
	"event:invalidation":           {"无效宣告", "Invalidation"},
	"event:transfer":               {"转让", "Transfer"},
	"event:licence":                {"许可", "Licence"},

	// Indicator columns and definitions.
	"ind.short":                   {"国内/国外", "Dom./for."},
	"ind.growth":                  {"增长率比", "Growth ratio"},
	"ind.lead":                    {"前10名比", "Top-10 ratio"},
	"ind.port":                    {"集中度比", "Concentration ratio"},
	"ind.barr":                    {"海外市场占比", "Foreign-market share"},
	"def.reserve":                 {"国内申请人发明同族数 / 国外申请人发明同族数（均在{office}）", "domestic / foreign invention families at {office}"},
	"def.bubble":                  {"同上比值", "the same ratio"},
	"def.growth_lag":              {"国内 {w} 年复合增长率 / 国外 {w} 年复合增长率（完整年份）", "domestic {w}-year CAGR / foreign {w}-year CAGR (complete years)"},
	"def.weak_leaders":            {"国内前10名申请人发明同族 / 国外前10名申请人发明同族", "inventions of the top-10 domestic / top-10 foreign applicants"},
	"def.portfolio_concentration": {"（国内前3名/前10名）÷（国外前3名/前10名）", "(domestic top-3 / top-10) ÷ (foreign top-3 / top-10)"},
	"def.market_barrier":          {"在{offices}有成员的同族 / 全部同族", "families with a member at {offices} / all families"},
	"def.technology_gap":          {"国内首次申请年 − 美日欧韩首次申请年（按分支）", "first-filing year domestic − US / JP / EP / KR (per branch)"},
	"ind.table":                   {"各分支预警指标", "Warning indicators per branch"},
	"ind.defs":                    {"指标定义与阈值", "Definitions and thresholds"},
	"ind.note":                    {"“不可用”的指标附原因：分母为空（如没有国外申请）时比值无定义，不记为 0 或无穷大。分支的比值至少需要 {n} 个同族。", "Undefined indicators give their reason: a ratio with an empty denominator (no foreign filings, say) is undefined, never 0 or infinity. A branch's ratios need at least {n} families."},
	"ind.basis":                   {"计算依据：在{office}有发明公开的同族（优先权年 {years}），国内 = {dom} 申请人，按首个申请人国别；排名按申请人分数计数。", "Basis: families with an invention publication at {office} (priority years {years}); domestic = {dom} applicants, by the first applicant's country; rankings count families fractionally per applicant."},
	"gap.note":                    {"正数表示国内申请人起步较晚（年）。EP 指欧洲专利公约成员国的申请人。", "A positive gap means domestic applicants started later (years). EP: applicants from EPC member states."},
	"gap.cell":                    {"{y}（差 {g}）", "{y} (gap {g})"},
	"gap.basis":                   {"计算依据：全部同族（不限年份），按首个申请人国别。", "Basis: all families (all years), by the first applicant's country."},

	// Reasons (Indicator.ReasonKey).
	"reason:few_families":           {"样本不足（少于 {n} 个同族）", "too few families (fewer than {n})"},
	"reason:no_office_families":     {"在{office}没有国内或国外发明", "no domestic or foreign inventions at {office}"},
	"reason:no_foreign":             {"没有国外发明申请，比值无定义", "no foreign inventions: the ratio is undefined"},
	"reason:domestic_cagr":          {"国内增长率无法计算（起始年为 0 或年份不足）", "domestic growth rate undefined (zero in the start year or too few years)"},
	"reason:foreign_cagr":           {"国外增长率无法计算（起始年为 0 或年份不足）", "foreign growth rate undefined (zero in the start year or too few years)"},
	"reason:foreign_not_positive":   {"国外增长率不为正，比值不能解读为滞后", "the foreign growth rate is not positive: the ratio does not read as a lag"},
	"reason:no_foreign_applicants":  {"没有国外申请人，比值无定义", "no foreign applicants: the ratio is undefined"},
	"reason:no_domestic_applicants": {"没有国内申请人，国内集中度无定义", "no domestic applicants: the domestic concentration is undefined"},
	"reason:no_families":            {"窗口内没有同族", "no families in the window"},
	"reason:no_barrier_offices":     {"没有可比的海外主要市场", "no major foreign office to compare with"},
	"reason:undefined":              {"无定义", "undefined"},

	// Numbers.
	"num.domestic":             {"国内申请人发明同族", "Domestic invention families"},
	"num.foreign":              {"国外申请人发明同族", "Foreign invention families"},
	"num.unknown_origin":       {"来源国不明的发明同族", "Invention families of unknown origin"},
	"num.cagr_domestic":        {"国内年复合增长率", "Domestic CAGR"},
	"num.cagr_foreign":         {"国外年复合增长率", "Foreign CAGR"},
	"num.cagr_from":            {"增长率起始年", "CAGR from"},
	"num.cagr_to":              {"增长率截止年", "CAGR to"},
	"num.domestic_start":       {"国内起始年同族", "Domestic, start year"},
	"num.domestic_end":         {"国内截止年同族", "Domestic, end year"},
	"num.foreign_start":        {"国外起始年同族", "Foreign, start year"},
	"num.foreign_end":          {"国外截止年同族", "Foreign, end year"},
	"num.top10_domestic":       {"国内前10名申请人发明同族", "Top-10 domestic applicants' families"},
	"num.top10_foreign":        {"国外前10名申请人发明同族", "Top-10 foreign applicants' families"},
	"num.top3_domestic":        {"国内前3名申请人发明同族", "Top-3 domestic applicants' families"},
	"num.top3_foreign":         {"国外前3名申请人发明同族", "Top-3 foreign applicants' families"},
	"num.domestic_applicants":  {"国内申请人数", "Domestic applicants"},
	"num.foreign_applicants":   {"国外申请人数", "Foreign applicants"},
	"num.top3_share_domestic":  {"国内前3名占前10名", "Domestic top-3 / top-10"},
	"num.top3_share_foreign":   {"国外前3名占前10名", "Foreign top-3 / top-10"},
	"num.families_barrier":     {"在海外主要市场有成员的同族", "Families with a member in a major foreign market"},
	"num.families":             {"同族数", "Families"},
	"num.office":               {"在 {o} 有成员的同族", "Families with a {o} member"},
	"num.families_recent":      {"近期同族（{p}）", "Families, recent ({p})"},
	"num.families_prev":        {"前期同族（{p}）", "Families, previous ({p})"},
	"num.growth":               {"增长倍数", "Growth factor"},
	"num.share_recent":         {"近期占本分支比例", "Recent share of the branch"},
	"num.share_prev":           {"前期占本分支比例", "Previous share of the branch"},
	"num.share_change":         {"占比变化", "Share change"},
	"num.domestic_recent":      {"国内申请人近期同族（本分支）", "Domestic applicants' recent families (branch)"},
	"num.candidates":           {"潜在阻碍专利", "Blocking candidates"},
	"num.holders":              {"权利人数", "Holders"},
	"num.quality_percentile":   {"质量分位阈值", "Quality percentile threshold"},
	"num.hhi_prev":             {"上一年 HHI", "HHI, year before"},
	"num.hhi_last":             {"最近完整年 HHI", "HHI, last complete year"},
	"num.hhi_rise":             {"HHI 上升", "HHI rise"},
	"num.families_year_before": {"上一年同族", "Families, year before"},
	"num.families_year_last":   {"最近完整年同族", "Families, last complete year"},
	"num.first_year":           {"首次申请年", "First filing year"},
	"num.families_whole":       {"同族数（整数计数）", "Families (whole count)"},
	"num.share_since":          {"占行业同期比例", "Share of the industry since then"},
	"num.industry_since":       {"行业同期同族", "Industry families since then"},
	"num.months_left":          {"距到期（月）", "Months to expiry"},
	"num.quality":              {"质量分位", "Quality percentile"},
	"num.events":               {"事件数", "Events"},
	"series:domestic":          {"国内", "domestic"},
	"series:foreign":           {"国外", "foreign"},
	"series:hhi":               {"HHI", "HHI"},

	// Changes.
	"chg.none":     {"本期与上期相比没有变化。", "Nothing changed since the previous run."},
	"chg.first":    {"本期为首期简报，没有上期可比；下期起将列出新增、升级、降级、解除和未变的信号。", "This is the first bulletin: there is no previous run to compare with. From the next run on, signals are listed as new, escalated, de-escalated, resolved or unchanged."},
	"chg.lead":     {"与上期（{prev}）相比：", "Against the previous run ({prev}):"},
	"chg.was":      {"{prev} → {cur}", "{prev} → {cur}"},
	"chg.resolved": {"{prev} → 解除", "{prev} → resolved"},
	"chg.new":      {"新增 → {cur}", "new → {cur}"},

	// Method.
	"m.thresholds": {"阈值（配置 warnings.thresholds）", "Thresholds (config warnings.thresholds)"},
	"m.rules":      {"分级规则", "Severity rules"},
	"m.identity":   {"信号识别", "Signal identity"},
	"m.identity.text": {"每条信号的编号由其类型和对象（如 reserve:branch=pw）哈希得到，不含任何数值，因此各期之间可以识别同一信号；历史记录每期一个 JSON 文件。",
		"Each signal's id is a hash of its kind and subject (e.g. reserve:branch=pw), never of a number, so a signal is recognised from run to run; the history keeps one JSON file per run."},
	"th.reserve_low":                 {"储备不足：国内/国外 <", "Reserve insufficient: domestic/foreign <"},
	"th.bubble":                      {"数量泡沫：国内/国外 >", "Quantity bubble: domestic/foreign >"},
	"th.growth_lag":                  {"增长滞后：增长率比 <", "Growth lag: CAGR ratio <"},
	"th.weak_leaders":                {"龙头偏弱：前10名比 <", "Weak leaders: top-10 ratio <"},
	"th.portfolio_concentration":     {"布局分散：集中度比 <", "Portfolio concentration: ratio <"},
	"th.market_barrier":              {"市场壁垒：海外市场占比 >", "Market barrier: share >"},
	"th.surge_growth":                {"激增：增长倍数 ≥", "Surge: growth factor ≥"},
	"th.surge_share_change":          {"激增：占比上升 ≥", "Surge: share gain ≥"},
	"th.concentration_rise":          {"集中度上升：HHI 年增 ≥", "Concentration rise: HHI rise per year ≥"},
	"th.expiring_months":             {"到期窗口（月）", "Freedom window (months)"},
	"th.window_years":                {"趋势窗口（年）", "Trend window (years)"},
	"th.blocking_quality_percentile": {"阻碍专利：质量分位 ≥", "Blocking: quality percentile ≥"},
	"rule.1": {"阈值类指标：超出倍数 = 阈值/数值（低于型；数值 ≤ 0 视为无穷）或 数值/阈值（高于型、达到型）；倍数 ≥ 2 为严重，≥ 1.5 为警告，其余越过阈值者为关注。",
		"Threshold tests: the excess factor is threshold/value for 'below' tests (a value ≤ 0 is infinitely past) and value/threshold for 'above' and 'at least' tests; a factor ≥ 2 is severe, ≥ 1.5 a warning, any other crossing watch."},
	"rule.2": {"预警指标未越过阈值但在 1.1 倍以内：提示（接近阈值）。", "Warning indicators not past their threshold but within a factor 1.1 of it: info (approaching)."},
	"rule.3": {"国外申请人激增：增长倍数与占比上升都须达到阈值，取两者倍数的较小值分级。", "Surges: growth and share gain must both reach their thresholds; the smaller of the two factors sets the level."},
	"rule.4": {"潜在阻碍专利：每分支 1–2 件关注，3–9 件警告，10 件及以上严重。", "Blocking candidates: 1–2 per branch watch, 3–9 warning, 10 or more severe."},
	"rule.5": {"集中度上升：倍数 = HHI 年增 / 阈值。", "Concentration rise: factor = HHI rise / threshold."},
	"rule.6": {"新进入者（最近三个完整年份及以后首次申请，至少 3 个同族且占行业同期 1% 以上）：国内为提示，国外为关注，国外且占比 ≥ 3% 为警告。", "New entrants (first filing in the last three complete years or later, at least 3 families and 1% of the industry's since then): domestic info, foreign watch, foreign with 3% or more warning."},
	"rule.7": {"诉讼：国外持有为警告，其余为关注。", "Litigation: foreign-held warning, otherwise watch."},
	"rule.8": {"核心专利到期（自由实施窗口），以及核心专利的无效、转让和许可：提示。", "Expiring core patents (freedom windows), and invalidations, transfers and licences of core patents: info."},

	// Limitations.
	"lim.origin": {"来源国：同族的来源国取首个申请人的国别（缺失时取首个优先权的受理局）；来源国不明的同族不计入国内/国外比值。", "Origin: a family's origin is its first applicant's country (else its first priority office); families of unknown origin are left out of the domestic/foreign ratios."},
	"lim.count":  {"预警比值按在{office}有发明公开的同族整数计数；申请人排名按分数计数（k 个申请人各计 1/k）。", "The warning ratios count invention families with a publication at {office}, whole; applicant rankings count families fractionally (1/k per applicant)."},
	"lim.lag":    {"公开滞后：{y} 年之后的优先权年数据不完整，增长率和趋势窗口只用完整年份。", "Publication lag: priority years after {y} are incomplete; growth rates and trend windows use complete years only."},
	"lim.status": {"法律状态：数据源未提供法律状态时，已授权且在保护期内的同族推定为有效（标注“推定有效”）。", "Legal status: where the source gives none, a granted family within its term is presumed alive (marked as presumed)."},
	"lim.expiry": {"到期日：优先采用数据源的到期（失效）日，否则按申请日（缺失时按授权日）加 20 年（发明）或 10 年（实用新型）估算；未考虑期限延长、补偿和未缴年费。", "Expiry: the source's expiry (lapse) date, else the filing (else grant) date + 20 years for inventions and + 10 years for utility models; term extensions, adjustments and unpaid fees are not modelled."},
	"lim.events": {"法律事件按代码和描述中的关键词归类（诉讼、无效、转让、许可）。", "Legal events are classified by keywords in their code and description (litigation, invalidation, transfer, licence)."},
	"lim.branch": {"分支比值至少需要 {n} 个同族，样本更小的分支记为不可用。", "Branch ratios need at least {n} families; smaller branches are reported as undefined."},
	"lim.cover":  {"覆盖范围：仅限已导入数据湖的数据；两期之间的变化可能来自新数据，也可能来自新申请。", "Coverage: only the exports ingested into the lake; changes between runs can come from new data as well as from new filings."},

	// Unavailable analyses (warning's Unavailable names) and their reasons.
	"unavname:quality":                  {"质量指数", "Quality index"},
	"unavname:signals.transfer_licence": {"专利转让与许可", "Transfers and licences"},
	"unav:quality":                      {"无法计算质量指数（数据源缺少引用、权利要求数，且同族规模无差异）；阻碍专利和核心专利到期需要质量指数。", "No quality index (the sources lack citations and claim counts, and family sizes do not vary); blocking candidates and expiring core patents need it."},
	"unav:signals.surge":                {"趋势窗口早于分析起始年。", "The trend windows start before the analysis window."},
	"unav:signals.blocking":             {"无法判断专利是否有效（无法律状态，也无授权信息），或无质量指数。", "No patent is known to be alive (no legal status, no grants), or there is no quality index."},
	"unav:signals.concentration_rise":   {"分析窗口内完整年份不足两年。", "Fewer than two complete years in the window."},
	"unav:signals.entrant":              {"数据的历史年份不足，无法判断新进入者。", "The data's history is too short to tell new entrants."},
	"unav:signals.litigation":           {"数据源不含诉讼信息。", "The sources carry no litigation data."},
	"unav:signals.invalidation":         {"数据源不含无效宣告信息。", "The sources carry no invalidation data."},
	"unav:signals.transfer_licence":     {"数据源不含转让、许可信息（CNIPA 类导出和 INPADOC 法律事件含有）。", "The sources carry no transfer or licence data (CNIPA-style exports and INPADOC legal events do)."},
}

// tr returns the phrase for key in lang with {name} placeholders replaced by the given
// name/value pairs. A missing key renders as ⟦key⟧ (the tests look for it).
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

// has reports whether the phrase table has key.
func has(key string) bool {
	_, ok := phrases[key]
	return ok
}
