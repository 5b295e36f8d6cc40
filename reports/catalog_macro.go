package reports

import (
	"strconv"
	"strings"

	"github.com/patnav/patnav/landscape"
)

// catalogMacro words the macro model's method notes (Basis.Method), life-cycle rules, quality
// and regional indicators, logistic-fit failures and the map's hotspot and white-space reasons.
// It is merged into catalog (a key defined twice panics at start-up).
//
// Placeholders of note sentences beyond those NoteText names: {pI} Nums[I] as a percentage,
// {gI} as a signed percentage, {iI} as a plain integer (a year, an id), {dI} as a count, {fI}
// as a number with up to 4 decimals.
var catalogMacro = map[string][2]string{
	// How a section's figures were computed (landscape.NoteBasis*).
	"note.basis.applicants": {"分数计数（k 个申请人的同族每人计 1/k）", "fractional counting (1/k per family with k applicants)"},
	"note.basis.geography": {"来源国 = 第一申请人国别（无则为最早优先权受理局）；同族在其有成员的每个受理局各计一次",
		"source = the first applicant's country (else the first priority office); a family counts once per office where it has a member"},
	"note.basis.inventors": {"h 指数按数据源报告的各发明人同族被引次数计算；团队 = 最常共同署名的发明人组合",
		"h-index over the forward citations the sources report for each inventor's families; teams = the most frequent co-inventor pairs"},
	"note.basis.legal": {"同族的法律状态取其成员中最优者（有效 > 审中 > 失效）；授权率 = 授权 /（授权 + 未授权即失效），按发明同族计算；审查周期 = 申请至授权年数的中位数",
		"a family's status is the best of its members' (alive > pending > lapsed); grant rate = granted / (granted + lapsed without grant) over invention families; pendency = median filing-to-grant years"},
	"note.basis.life_cycle": {"完整年份的累计同族数按 y = L/(1+e^(−k(t−t0))) 拟合",
		"cumulative families of complete years fitted by y = L/(1+e^(−k(t−t0)))"},
	"note.basis.quality": {"OECD 质量指数 6：被引次数、同族规模、权利要求数、引用文献数与授权时滞在“优先权年 × 主 IPC 小类”同组内经最小–最大归一化（上下各 1% 截尾）后取平均；核心专利 = 得分前 {p0}（最多列出 {n} 件）",
		"OECD quality index 6: mean of forward citations, family size, claims, backward citations and grant lag, min–max normalised within priority-year × main-subclass cohorts (top and bottom 1% capped); core patents = the top {p0} (at most {n} listed)"},
	"note.basis.regional": {"区域 = 至少有一个申请人位于本区域的同族；全国 = 有本国申请人的同族；全球 = 检索范围内的全部同族",
		"region = families with at least one applicant in the region; nation = with an applicant of the region's country; world = all families in scope"},
	"note.basis.technology": {"同族计入其匹配的每个技术分支（及其上级分支）；RTA = (N_cb/Σ_b N_cb)/(Σ_c N_cb/Σ N)",
		"a family counts in every branch it matches (and in the branch's ancestors); RTA = (N_cb/Σ_b N_cb)/(Σ_c N_cb/Σ N)"},
	"note.basis.map": {"标题与摘要的 TF-IDF，球面 k-means（按轮廓系数选 k）；主组分类号共现网络的 Louvain 社区",
		"TF-IDF over titles and abstracts, spherical k-means (k by silhouette); Louvain communities of the main-group co-occurrence network"},

	// How the life-cycle stage was decided (landscape.NoteStage*).
	"note.stage.decline":       {"最近 {n} 个完整年份的申请量逐年下降，同期申请人数也减少", "applications fell in each of the last {n} complete years and distinct applicants fell over the same span"},
	"note.stage.saturation":    {"累计量达到拟合饱和水平的 {p0}", "cumulative count at {p0} of the fitted saturation level"},
	"note.stage.no_fit":        {"S 曲线无法拟合（原因见“无法完成的分析”）", "no S-curve fit (the reason is listed under “Analyses not available”)"},
	"note.stage.below_minimum": {"数据低于 S 曲线拟合的最低要求", "below the minimum data for an S-curve fit"},
	"note.stage.no_years":      {"没有完整年份", "no complete years"},

	// Why a map cluster is a hotspot and why a place is white space (landscape.NoteMap*).
	// {cluster} names the cluster next to a gap.
	"note.map.cagr_above_corpus": {"年复合增长率 {g0}（{i1}–{i2} 年），高于整体的 {g3}", "CAGR {g0} ({i1}–{i2}) above the whole corpus's {g3}"},
	"note.map.burst":             {"{i0}–{i1} 年突发（强度 {i2} 级），持续至 {i3} 年", "burst {i0}–{i1} (level {i2}) lasting into {i3}"},
	"note.map.gap":               {"密度仅为峰值的 {p0}，紧邻增长中的技术簇 {cluster}", "density {p0} of the peak, next to the growing cluster {cluster}"},
	"note.map.thin":              {"增长中（年复合增长率 {g0}），但仅有 {d1} 个申请人（各技术簇中位数 {d2}）", "growing (CAGR {g0}) with only {d1} distinct applicants (median over clusters {d2})"},

	// Quality indicators (landscape.Ind*). {n} the citation window in years.
	"ind.forward_citations_window":   {"{n} 年内被引次数（引证在数据湖内解析）", "forward citations within {n} years (citations resolved inside the lake)"},
	"ind.forward_citations_reported": {"数据源报告的被引次数（不限时间窗）", "forward citations as reported by the source (not windowed)"},
	"ind.family_size":                {"同族规模（不同受理局数）", "family size (distinct offices)"},
	"ind.backward_citations":         {"引用文献数（数据源提供时）", "backward citations (where the source counts them)"},
	"ind.grant_lag":                  {"授权时滞（申请至授权，越短越好）", "grant lag (filing to grant, shorter is better)"},
	"ind.scope":                      {"专利宽度（不同 IPC 小类数；仅列示，不计入指数）", "scope (distinct IPC subclasses; reported, not in the index)"},
	"ind.claims":                     {"权利要求数", "claims count"},

	// Regional positioning indicators (landscape.Reg*).
	"reg.ind.families":               {"同族数", "families"},
	"reg.ind.world_share":            {"占全球同族比例", "share of world families"},
	"reg.ind.invention_share":        {"发明占比", "invention share"},
	"reg.ind.applicants":             {"申请人数", "applicants"},
	"reg.ind.enterprise_share":       {"企业申请人占比", "enterprise share of applicants"},
	"reg.ind.families_per_applicant": {"每个申请人的同族数", "families per applicant"},
	"reg.ind.inventors":              {"发明人数", "inventors"},
	"reg.ind.academic_applicants":    {"高校与科研院所数", "universities and institutes"},
	"reg.ind.grant_share":            {"授权占比", "grant share"},
	"reg.ind.alive_share":            {"有效专利占比", "alive share"},
	"reg.ind.offices_per_family":     {"每个同族的受理局数（国际化）", "offices per family (internationalisation)"},
	"reg.ind.specialised_branches":   {"RTA > 1 的一级技术分支数", "level-1 branches with RTA > 1"},
	"reg.ind.operated_share":         {"发生转让、许可或质押的同族占比", "families transferred, licensed or pledged"},

	// How the map was made (landscape.NoteMapMethod*, NoteMapKRule, NoteMapNet*).
	"note.map.method.text": {"文本聚类：对标题（权重 ×{i0}）、摘要和权利要求做 TF-IDF（次线性词频、平滑 idf、L2 归一化）；中文经 gse 分词，英文经 Snowball/Porter2 词干化；去除停用词和专利套语",
		"text clusters: TF-IDF (sublinear tf, smoothed idf, L2-normalised) over title (×{i0}) + abstract + claims; Chinese segmented into words (gse), English stemmed (Snowball/Porter2); stop words and patent boilerplate removed"},
	"note.map.method.k": {"k 取 k = {i0}…{i1} 中平均余弦轮廓系数最高者（球面 k-means，k-means++ 初始化，每个 k 重启 {i2} 次）",
		"k chosen by the highest mean cosine silhouette over k = {i0}…{i1} (spherical k-means, k-means++ seeding, {i2} restarts)"},
	"note.map.method.network": {"分类号网络：同族 × IPC 主组共现，关联强度 c_ij/(s_i s_j)，在一组分辨率参数下运行 Louvain 社区发现",
		"class network: family × main-group co-occurrence, association strength c_ij/(s_i s_j), Louvain over a resolution sweep"},
	"note.map.method.growth": {"增长：按完整年份计算年复合增长率；突发：对技术簇在各完整年份文献中的占比做 Kleinberg 突发检测（γ=1，s=2）",
		"growth: CAGR over complete years; bursts: Kleinberg (γ=1, s=2) on the cluster's share of each complete year's documents"},
	"note.map.method.thematic": {"战略坐标：两个技术簇之间的联系强度 = 其文献的平均余弦相似度；密度 = 簇内平均相似度；中心度 = 与其他簇联系强度之和",
		"thematic map: link weight between two clusters = mean cosine similarity of their documents; density = mean within-cluster similarity; centrality = Σ link weights to the other clusters"},
	"note.map.method.hotspot": {"热点：年复合增长率为正且高于整体，或突发持续到最后一个完整年份",
		"hotspot: CAGR above 0 and above the whole corpus's CAGR, or a burst reaching the last complete year"},
	"note.map.method.white_space": {"空白点：紧邻热点技术簇的低密度位置（密度低于峰值的 10%）；薄弱区：增长中但申请人很少的技术簇（不超过 5 个或不超过中位数的一半）",
		"white space: a gap is a low-density map location (density < 10% of the peak) next to hotspot clusters; a thin area is a growing cluster with few distinct applicants (≤ 5 or ≤ half the median)"},
	"note.map.method.sampling": {"抽样：k-means 与 k 的选择在 {d1} 篇有文本的文献中按固定种子抽取的 {d0} 篇上拟合，再将每篇文献分配到最近的质心；轮廓系数和稳定性在该样本上计算。在 10 万个合成同族上测得（docs/scale.md），用 2 万篇样本代替全部文献拟合时，与 IPC 小类的 NMI/ARI 为 0.531/0.241（全部文献为 0.513/0.187），轮廓系数 0.182（0.230），稳定性 0.48（0.65）",
		"sampling: k-means and the choice of k were fitted on a seeded sample of {d0} of the {d1} documents with text, and every document was then assigned to its nearest centroid; the silhouette and the stability are measured on that sample. Measured on 100,000 synthetic families (docs/scale.md), fitting on a 20,000 sample instead of all documents gave NMI/ARI against the IPC subclass of 0.531/0.241 instead of 0.513/0.187, a silhouette of 0.182 instead of 0.230 and a stability of 0.48 instead of 0.65"},
	"note.map.k_rule": {"k = {i3}：在 {d2} 篇抽样文献上比较 k = {i0}…{i1} 的平均余弦轮廓系数，取最高者（{f4}；并列时取较小的 k）",
		"k = {i3}: the highest mean cosine silhouette ({f4}) over k = {i0}…{i1} on {d2} sampled documents (ties: the smaller k)"},
	"note.map.network.no_network": {"没有分类号网络：共现的主组少于两个", "no class network: fewer than two co-occurring main groups"},
	"note.map.network.min_communities": {"分辨率：在至少有 3 个社区、且每个社区不少于全部 {d0} 个节点 1% 的划分中，取标准模块度 Q（γ = 1）最高者：γ = {f1}，Q = {f2}",
		"resolution: the highest standard modularity Q (γ = 1) among partitions with ≥ 3 communities of ≥ 1% of the {d0} nodes: γ = {f1}, Q = {f2}"},
	"note.map.network.fallback": {"分辨率：没有划分有 3 个以上不少于全部 {d0} 个节点 1% 的社区，取标准模块度 Q（γ = 1）最高者：γ = {f1}，Q = {f2}",
		"resolution: no partition had ≥ 3 communities of ≥ 1% of the {d0} nodes; the highest standard modularity Q (γ = 1): γ = {f1}, Q = {f2}"},

	// The landscape map (reports/mapsvg, reports/bundle).
	"map.method":       {"方法说明", "Method"},
	"map.title":        {"专利技术地图", "Technology landscape map"},
	"map.selected":     {"选中", "selected"},
	"map.legend":       {"技术簇", "Clusters"},
	"map.hotspot":      {"热点", "hotspot"},
	"map.white_space":  {"空白点", "white space"},
	"map.documents":    {"个同族", "families"},
	"map.no_data":      {"无数据", "no data"},
	"map.density":      {"密度 ≥ 每单位面积 {level} {docs}", "density ≥ {level} {docs} per unit area"},
	"map.sampled":      {"{n} {docs}中每 {step} 个绘制 1 个", "1 in {step} of {n} {docs} drawn"},
	"map.colon":        {"：", ": "},
	"map.comma":        {"，", ", "},
	"map.semicolon":    {"；", "; "},
	"map.evaluation":   {"k = {k}（轮廓系数 {sil}）；不同随机种子间稳定性 ARI {stab}；与 IPC 小类的一致性 NMI {nmi}；主组网络模块度 {q}", "k = {k} (silhouette {sil}); stability across seeds ARI {stab}; agreement with IPC subclasses NMI {nmi}; class-network modularity {q}"},
	"map.cluster":      {"技术簇", "Cluster"},
	"map.families":     {"同族数", "Families"},
	"map.cagr":         {"年复合增长率", "CAGR"},
	"map.quadrant":     {"战略象限", "Quadrant"},
	"map.applicants":   {"主要申请人", "Top applicants"},
	"map.why":          {"热点依据", "Hotspot because"},
	"map.section":      {"技术聚类与专利地图（空白点）", "Technology clusters and landscape map (white space)"},
	"map.white_spaces": {"空白点与薄弱区", "White space and thin areas"},
	"map.gap":          {"空白点（{x}, {y}）", "gap at ({x}, {y})"},
	"map.thin":         {"薄弱技术簇 {cluster}", "thin cluster {cluster}"},

	// Why a logistic fit is unavailable (indicators.Fit*), the {detail} of unav.code.fit_failed.
	"fit.too_few_points":   {"数据点少于 4 个（3 个参数）", "fewer than 4 points for 3 parameters"},
	"fit.non_finite":       {"存在非有限数值", "a value is not finite"},
	"fit.negative":         {"存在负值", "a value is negative"},
	"fit.last_zero":        {"最后一个累计值为 0，无可拟合", "the last cumulative value is 0: nothing to fit"},
	"fit.flat":             {"序列平坦，没有增长可拟合", "a flat series: no growth to fit"},
	"fit.no_growth":        {"任何饱和水平下均无递增的 Fisher–Pry 直线：序列没有增长", "no increasing Fisher–Pry line for any saturation level: the series does not grow"},
	"fit.not_identifiable": {"饱和水平无法识别：序列尚未出现减速", "the saturation level is not identifiable: the series shows no deceleration yet"},
}

func init() {
	for k, v := range catalogMacro {
		if _, dup := catalog[k]; dup {
			panic("reports: catalogue key " + k + " defined twice")
		}
		catalog[k] = v
	}
}

// Cat returns the catalogue sentence for key in l's language with its {name} placeholders
// replaced, for the report packages that draw parts of a page (reports/mapsvg, reports/bundle).
func (l Locale) Cat(key string, pairs ...string) string { return l.cat(key, pairs...) }

// ClusterLabel names a map cluster in l's language: its first k zh or en terms, else its label.
func (l Locale) ClusterLabel(c landscape.MapCluster, k int) string {
	terms, sep := c.TermsEn, ", "
	if l.Lang == "zh" {
		terms, sep = c.TermsZh, "、"
	}
	if len(terms) == 0 {
		return c.Label
	}
	return strings.Join(terms[:min(k, len(terms))], sep)
}

// MapEvaluationText states the map's evaluation figures (undefined ones read n/a).
func (l Locale) MapEvaluationText(e landscape.MapEvaluation) string {
	return l.cat("map.evaluation", "k", strconv.Itoa(e.K), "sil", l.NumP(e.Silhouette, 3), "stab", l.NumP(e.Stability, 2),
		"nmi", l.NumP(e.NMI, 2), "q", l.NumP(e.Modularity, 2))
}

// IndicatorText words a quality indicator code (landscape.Ind*); window is the forward-citation
// window in years (Quality.CitationWindow). A code without an entry is shown as it is.
func (l Locale) IndicatorText(code string, window int) string {
	if _, ok := catalog["ind."+code]; !ok {
		return l.Term("indicator", code)
	}
	return l.cat("ind."+code, "n", strconv.Itoa(window))
}

// RegionalIndicatorText words a regional positioning indicator code (landscape.Reg*).
func (l Locale) RegionalIndicatorText(code string) string {
	if _, ok := catalog["reg.ind."+code]; !ok {
		return code
	}
	return l.cat("reg.ind." + code)
}

// MapReasonText words why a map cluster is a hotspot or a place is white space (a NoteMap* note);
// cluster names the cluster a gap lies next to, in l's language.
func (l Locale) MapReasonText(n landscape.Note, cluster string) string {
	return l.NoteText(n, "cluster", cluster)
}
