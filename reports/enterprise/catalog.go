package enterprise

import (
	"math"
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
	model "github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/reports"
)

// catalog words the enterprise model's notes (model.Note: section bases, the layout rule, watch
// reasons, recommendations, limitations) in zh and en: code → {zh, en}, with a {key}
// placeholder for each of the note's arguments. The model carries only codes and numbers; this
// is the one place their sentences are written. TestCatalogComplete fails when a code the model
// can emit (model.NoteCodes) has no text in either language or when the two languages name
// different placeholders.
var catalog = map[string][2]string{
	// Section bases.
	model.NoteBasisMatch: {
		"名称经归一化并按申请人词表合并后，与数据湖中的申请人键匹配（检索范围内全部年份）；原始写法按公开文本计数",
		"names normalised and merged by the thesaurus, matched against the lake's applicant keys (all years in scope); raw spellings counted in publications"},
	model.NoteBasisPortfolio: {
		"同族数按分数计数（k 个申请人的同族每人计 1/k）；文献类型、法律状态与授权按其（共同）拥有的同族整数计数；产业占比以产业 {industry} 个有申请人的同族为分母；增长动量 = (近期 + 1)/(前期 + 1)，近期 {recent_from}–{recent_to}，前期 {previous_from}–{previous_to}",
		"families: fractional (1/k per family with k applicants); document types, status and grants: whole families it (co-)owns; share of the {industry} industry families with applicants; momentum = (recent + 1)/(previous + 1) over {recent_from}–{recent_to} vs {previous_from}–{previous_to}"},
	model.NoteBasisTrend: {
		"年复合增长率取窗口内最后 {years} 个完整年份",
		"CAGR over the last {years} complete years of the window"},
	model.NoteBasisBranches: {
		"分数计数；RTA = (N_eb/Σ_b N_eb)/(N_b/Σ_b N_b)，在同一层级的分支之间计算；控制力 = 持有的分支核心专利占比（核心专利 = 产业质量排名前 {core_share} 的同族）",
		"fractional counting; RTA = (N_eb/Σ_b N_eb)/(N_b/Σ_b N_b) over the branches of one level; control power = share of the branch's core patents held (core = the industry's top {core_share} by quality)"},
	model.NoteBasisMarkets: {
		"同族在其有检索范围内公开文本的每个受理局各计一次；产业占比 = 产业在该受理局的同族数 / 产业全部同族数",
		"a family counts at every office where it has an in-scope publication; industry share = the industry's families at the office / all its families"},
	model.NoteBasisQuality: {
		"与宏观导航相同的 OECD 式质量指数 4（各指标在优先权年 × 主分类小类队列内最小–最大归一化，上下 1% 截尾），对全部 {scored} 个有得分的同族统一计算；十分位按产业划分（10 = 最高）；核心专利 = 全部 {families} 个同族中质量排名前 {core_share} 的同族（{core} 件）",
		"OECD-style quality index 4 as in the macro navigation (indicators min–max normalised within priority-year × main-subclass cohorts, top/bottom 1% capped), computed once for all {scored} scored families; deciles of the industry (10 = best); core = top {core_share} of all {families} families ({core} core patents)"},
	model.NoteBasisPartners: {
		"合作申请人：其同族上的其他申请人（不属于其自身名称），按合作同族计数",
		"co-applicants: other applicants on its families (names that are not its own), counted in shared families"},
	model.NoteBasisInventors: {
		"核心发明人依赖度 = 署有发明人的同族中，至少署有其前 {top} 位发明人之一的同族占比；> {high} 为高，{moderate}–{high} 为中，更低为低（惯例）",
		"key-inventor dependency = share of its families (with inventors) naming at least one of its top {top} inventors; > {high} high, {moderate}–{high} moderate, below low (convention)"},
	model.NoteBasisExpiry: {
		"到期日取数据源给出的日期，否则按最早申请日 + 20 年（发明）或 + 10 年（实用新型）估算，未考虑年费失效与期限延长；即将到期：有效（或状态未知）且在截止日 {cutoff} 至 {horizon} 之间到期；已失效：状态为失效，或状态未知且法定期限已满；列表按质量排序",
		"expiry: the source's date, else earliest filing + 20 years (invention) or + 10 years (utility model), an estimate that ignores fee lapses and extensions; expiring: alive (or status unknown) and expiring between the cut-off {cutoff} and {horizon}; lapsed: status lapsed, or status unknown with the term over; lists ranked by quality"},
	model.NoteBasisBenchmark: {
		"对本企业和每个竞争对手计算相同指标：同族数（分数计数）、产业占比、年复合增长率与增长动量；发明、授权与有效占比按整数同族计；平均质量得分与产业前 10% 占比；核心专利；前 {top} 位发明人依赖度；末级分支矩阵按分数计数",
		"the same measures for the enterprise and each competitor: fractional families, share, CAGR and momentum; shares of whole families for inventions, grants and alive; quality mean and top-decile share; core patents; the share of the top {top} inventors; leaf-branch matrix in fractional families"},
	model.NoteBasisCitations: {
		"本企业与竞争对手之间不同的（引用同族，被引同族）对，双方均在检索范围内；引证经 citations.cited_doc = patents.doc_number 对应；N 为本次运行全部实体之间的同族对数",
		"distinct (citing family, cited family) pairs between the enterprise and its competitors, both in scope; citations resolved through citations.cited_doc = patents.doc_number; N = pairs among all entities of the run"},
	model.NoteBasisLayout: {
		"分数计数；产业计数为至少有一个申请人的同族",
		"fractional counting; industry counts are families with at least one applicant"},
	model.NoteBasisWatch: {
		"候选专利：位于其核心分支（覆盖其末级分支归属 {coverage} 的最大末级分支，至多 {max} 个）、由他人持有、质量得分不低于产业第 {percentile} 百分位且可能有效（有效、审中，或状态未知而法定期限未满）的同族；排序依次为有效、审中、未知，再按质量、所在核心分支数、受理局数和数据源的被引次数",
		"candidates: families in its core branches (its largest leaf branches covering {coverage} of its leaf-branch assignments, at most {max}) held by others, quality at least the industry's percentile {percentile}, and possibly in force (alive, pending, or status unknown with the nominal term not over); ranked alive, pending, unknown, then by quality, core branches overlapped, offices and the source's forward citations"},

	// The layout rule.
	model.NoteLayoutRule: {
		"空白得分 = 产业增长动量 × 竞争对手强度 × 本企业差距（末级分支）。增长动量 = (近期 + 1)/(前期 + 1)，近期 {recent_from}–{recent_to}，前期 {previous_from}–{previous_to}；竞争对手强度 = 竞争对手在该分支近期同族中的占比；差距 = 1 − min(RTA, 1)。空白要求增长动量 > 1、竞争对手强度 > 0 且 RTA < {gap_rta}；优势：RTA ≥ {strength_rta}；储备：增长动量 ≥ {reserve_momentum}（或宏观热点）、竞争对手强度 < {reserve_competitor}、RTA < {strength_rta} 且非核心分支。",
		"Gap score = industry momentum × competitor strength × the enterprise's distance, over leaf branches. Momentum = (recent + 1)/(previous + 1), recent {recent_from}–{recent_to}, previous {previous_from}–{previous_to}; competitor strength = the competitors' share of the branch's recent families; distance = 1 − min(RTA, 1). A gap needs momentum > 1, competitor strength > 0 and RTA < {gap_rta}; strength: RTA ≥ {strength_rta}; reserve: momentum ≥ {reserve_momentum} (or a macro hotspot), competitor strength < {reserve_competitor}, RTA < {strength_rta} and not a core branch."},

	// Why a family is on the watch list.
	model.NoteWatchAlive:      {"有效", "alive"},
	model.NoteWatchPending:    {"审中（可能获得授权）", "pending (may still be granted)"},
	model.NoteWatchUnknown:    {"法律状态未知，按可能有效处理", "status unknown: treated as possibly in force"},
	model.NoteWatchScore:      {"质量得分 {score} ≥ 门槛 {threshold}（产业第 {decile} 十分位）", "quality {score} ≥ threshold {threshold} (industry decile {decile})"},
	model.NoteWatchBranches:   {"位于核心分支 {branches}", "in its core branches {branches}"},
	model.NoteWatchCompetitor: {"竞争对手 {competitor} 持有", "held by competitor {competitor}"},
	model.NoteWatchHolders:    {"{holders} 持有", "held by {holders}"},

	// Why a recommendation is made.
	model.NoteRecOffensive: {
		"增长中的分支（增长动量 {momentum}），竞争对手占近期同族的 {competitor_share}，本企业薄弱（差距 {distance}）：建议进入布局。",
		"A growing branch (momentum {momentum}) where competitors hold {competitor_share} of the recent families and the enterprise is weak (distance {distance}): file to enter it."},
	model.NoteRecDefensiveLosing: {
		"本企业的核心分支，近期同族占比由 {previous_share} 降至 {recent_share}：建议加固布局（改进型、延续申请、扩展受理局），并跟踪监控清单。",
		"A core branch of the enterprise where its share of recent families fell from {previous_share} to {recent_share}: reinforce the portfolio (improvements, continuations, more offices) and follow the watch list."},
	model.NoteRecDefensiveOutfiled: {
		"本企业的核心分支，{lead} 近期申请更多（{lead_recent} 对 {recent} 个同族）：建议加固布局（改进型、延续申请、扩展受理局），并跟踪监控清单。",
		"A core branch of the enterprise where {lead} filed more in the recent window ({lead_recent} vs {recent} families): reinforce the portfolio (improvements, continuations, more offices) and follow the watch list."},
	model.NoteRecDefensiveBoth: {
		"本企业的核心分支，近期同族占比由 {previous_share} 降至 {recent_share}，且 {lead} 近期申请更多（{lead_recent} 对 {recent} 个同族）：建议加固布局（改进型、延续申请、扩展受理局），并跟踪监控清单。",
		"A core branch of the enterprise where its share of recent families fell from {previous_share} to {recent_share} and {lead} filed more in the recent window ({lead_recent} vs {recent} families): reinforce the portfolio (improvements, continuations, more offices) and follow the watch list."},
	model.NoteRecReserve: {
		"快速增长的分支（增长动量 {momentum}），竞争对手尚未占据（仅占近期同族的 {competitor_share}）：建议提前储备布局。",
		"A fast-growing branch (momentum {momentum}) that competitors have not occupied ({competitor_share} of recent families): file early to build a reserve."},
	model.NoteRecPartnerCo: {
		"空白分支「{branch}」中领先的{kind}；已是合作申请人：建议深化合作。",
		"A leading {kind} in the gap branch {branch}; already a co-applicant: deepen the collaboration."},
	model.NoteRecPartnerNew: {
		"空白分支「{branch}」中领先的{kind}：可作为联合研发或技术转移伙伴。",
		"A leading {kind} in the gap branch {branch}: a partner for joint development or technology transfer."},
	model.NoteRecLicenseCompetitor: {
		"持有本企业核心分支监控清单中的 {n} 件专利；为竞争对手：可考虑交叉许可。",
		"Holds {n} of the watch-list patents in the enterprise's core branches; a competitor: consider cross-licensing."},
	model.NoteRecLicenseOther: {
		"持有本企业核心分支监控清单中的 {n} 件专利：可考虑许可或收购。",
		"Holds {n} of the watch-list patents in the enterprise's core branches: consider a licence or an acquisition."},

	// Limitations.
	model.NoteLimitMatch: {
		"名称匹配：企业为其配置名称归一化（及同义词表）后对应的申请人键；归一化到其他键的写法会被遗漏（见名称匹配表）。",
		"Matching: an enterprise is the applicant keys its configured names normalise to (after the thesaurus); spellings that normalise elsewhere are missed (see the match table)."},
	model.NoteLimitCount: {
		"计数：按同族分数计数（k 个申请人各计 1/k）；集团公司仅在列为子公司时计入。",
		"Counting: families, fractional (1/k per family with k applicants); group companies count only when listed as subsidiaries."},
	model.NoteLimitGrowth: {
		"增长：增长动量比较完整年份 {recent_from}–{recent_to} 与 {previous_from}–{previous_to}；{last} 年之后的优先权年数据不完整。",
		"Growth: momentum compares the complete years {recent_from}–{recent_to} with {previous_from}–{previous_to}; priority years after {last} are incomplete."},
	model.NoteLimitQuality: {
		"质量：综合指数取决于数据源提供的指标（被引次数、同族规模、权利要求数），并在较小的队列内归一化。",
		"Quality: the composite index depends on the indicators the sources carry (forward citations, family size, claims) and is normalised within small cohorts."},
	model.NoteLimitFTO: {
		"自由实施：监控清单是基于分类与质量的初筛，不构成法律意见；须阅读权利要求。",
		"Freedom to operate: the watch list is a screening by classification and quality, not a legal opinion; the claims must be read."},
	model.NoteLimitExpiry: {
		"到期：数据源未给出日期时按法定期限估算；未考虑年费失效、期限延长和补充保护证书。",
		"Expiry: estimated from the nominal term when the source gives no date; fee lapses, extensions and SPCs are not modelled."},
}

// note words one model note in the page's language: its code's sentence with each argument
// formatted by its unit. A note without a code (a section the model did not fill) is "".
func (b *pageBuilder) note(n model.Note) string {
	if n.Code == "" {
		return ""
	}
	pairs := make([]string, 0, 2*len(n.Args))
	for _, a := range n.Args {
		pairs = append(pairs, a.Key, b.arg(a))
	}
	return reports.Phrase(catalog, b.l.Lang, n.Code, pairs...)
}

// notes words a list of notes as one line, joined by the language's separator.
func (b *pageBuilder) notes(ns []model.Note) string {
	sep := "; "
	if b.l.Lang == "zh" {
		sep = "；"
	}
	var out []string
	for _, n := range ns {
		if s := b.note(n); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// arg formats one argument of a note by its unit: numbers in the locale's notation, branch ids
// as the branches' names and entities by their names in the page's language.
func (b *pageBuilder) arg(a model.Arg) string {
	l := b.l
	if a.Value != nil {
		v := *a.Value
		switch a.Unit {
		case model.ArgCount:
			return l.Int(int(math.Round(v)))
		case model.ArgFamilies:
			return l.Count(v)
		case model.ArgShare:
			return l.Pct(v)
		case model.ArgRatio:
			return l.Num(v, 2)
		case model.ArgScore:
			return l.Num(v, 3)
		case model.ArgYear:
			return strconv.Itoa(int(v))
		}
		return l.Num(v, 3)
	}
	switch a.Unit {
	case model.ArgKind:
		return l.Term("kind", a.Text)
	case model.ArgBranch:
		return b.branchName(a.Text)
	case model.ArgBranches:
		var ns []string
		for _, id := range a.Names {
			ns = append(ns, b.branchName(id))
		}
		return l.List(ns)
	case model.ArgEntity:
		if s := a.Label.In(l.Lang); s != "" {
			return s
		}
		return b.name(a.Text, "")
	case model.ArgNames:
		return holderList(l, a.Names, 3)
	}
	return orNA(l, a.Text)
}

// basis words a section's basis: its unit, count, years and query (reports.Locale.Basis) with
// the section's method notes worded by the catalogue.
func (b *pageBuilder) basis(x model.Basis) string {
	return b.l.Basis(landscape.Basis{Unit: x.Unit, N: x.N, From: x.From, To: x.To, Note: b.notes(x.Notes), Query: x.Query})
}
