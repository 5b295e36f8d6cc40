package reports

// The words of the patents-and-standards section (专利与标准融合) and of the bulletin's
// declaration signals, in zh and en: phrases for the section (std.*), reason codes, analysis names
// and the minimum-data rule for the catalogue. Kept apart from catalog.go and i18n.go so the
// section's words are in one place; init adds them to those tables (a key defined twice panics).
var standardsPhrases = map[string][2]string{
	"sec.standards":        {"专利与标准", "Patents and standards"},
	"std.none":             {"数据湖中没有标准必要专利声明数据（ETSI IPR 或 dSEP 声明清单）：本节无法分析。将声明清单放入收件箱即可生成本节。", "The lake holds no standard-essential-patent declarations (ETSI IPR or dSEP lists): this section cannot be analysed. Put a declaration list into the inbox to produce it."},
	"std.records":          {"声明记录", "Declaration records"},
	"std.standards":        {"标准数", "Standards"},
	"std.matched":          {"已匹配到数据湖专利的声明", "Declarations matched to publications in the lake"},
	"std.of":               {"{n} / {of}", "{n} of {of}"},
	"std.unmatched":        {"未匹配（数据湖中无该专利）", "Unmatched (publication not in the lake)"},
	"std.blanket":          {"一揽子声明（未列专利）", "Blanket declarations (no patent named)"},
	"std.lake_families":    {"数据湖中被声明的同族", "Declared families in the lake"},
	"std.scope_families":   {"检索范围内被声明的同族", "Declared families in scope"},
	"std.note":             {"同族按整数计：一个同族对每个标准计一次，对其每个申请人各计一次。区域同族：至少一个申请人位于本区域；区域企业同族：该申请人为企业。某标准被声明同族少于 {min} 个时不给出占比（“数据不足”）。", "Families are counted whole: once per standard, and once for each of their applicants. A region family has an applicant in the region; a region enterprise family has such an applicant that is an enterprise. A standard with fewer than {min} declared families gets no shares (\"not enough data\")."},
	"std.short":            {"数据不足", "not enough data"},
	"std.by_standard":      {"各标准被声明的同族及区域占比（标红：区域企业无被声明同族）", "Declared families per standard and the region's share (flagged: the region's enterprises hold none)"},
	"std.chart":            {"各标准被声明的同族数", "Declared families per standard"},
	"std.col.standard":     {"标准", "Standard"},
	"std.col.body":         {"标准组织", "Standard body"},
	"std.col.region":       {"区域同族", "Region families"},
	"std.col.region_share": {"区域占比", "Region share"},
	"std.col.region_ent":   {"区域企业同族", "Region enterprise families"},
	"std.col.ent_share":    {"区域企业占比", "Region enterprise share"},
	"std.col.first":        {"最早声明日", "First declared"},
	"std.col.in_region":    {"位于本区域", "In the region"},
	"std.yes":              {"是", "yes"},
	"std.gaps":             {"区域企业尚无声明专利的标准", "Standards where the region's enterprises hold no declared family"},
	"std.gaps.intro":       {"以下 {n} 项标准已有被声明的同族，但本区域企业均未持有：", "These {n} standards have declared families, none of them held by the region's enterprises:"},
	"std.gaps.none":        {"本区域企业在每项被声明的标准中都持有被声明同族。", "The region's enterprises hold a declared family in every standard declared to."},
	"std.gaps.unplaced":    {"无法确定申请人是否位于本区域，因此不列出。", "Whether applicants are in the region cannot be told, so none are listed."},
	"std.enterprises":      {"各导航企业在各标准中的被声明同族（小字：占该标准被声明同族的比例）", "Each navigated enterprise's declared families per standard (small print: its share of the standard's declared families)"},
	"std.all_standards":    {"全部标准", "All standards"},
	"std.by_applicant":     {"被声明同族最多的申请人", "Applicants with the most declared families"},
	"std.by_branch":        {"各技术分支被声明的同族", "Declared families per branch"},
}

// standardsCatalog are the section's reason codes, analysis names and rule for the catalogue.
var standardsCatalog = map[string][2]string{
	"unav.code.no_declarations":      {"数据湖中没有标准必要专利声明数据。", "the lake holds no standard-essential-patent declarations."},
	"unav.code.no_declared_in_scope": {"声明清单中匹配到数据湖专利的 {n} 项声明均不在产业检索范围内。", "none of the {n} declarations matched to publications in the lake names a family in the industry scope."},
	"unav.name.standards":            {"专利与标准", "Patents and standards"},
	"unav.name.standards.share":      {"标准占比", "Shares per standard"},
	"unav.name.standards.region":     {"标准中的区域占比", "The region's share per standard"},
	"rule.standard_families":         {"某标准的区域与企业占比需该标准至少有 {min} 个被声明同族", "a standard's region and enterprise shares need at least {min} declared families in it"},
}

// standardsBulletin are the bulletin's words for the declaration signals (namespace "bulletin.").
var standardsBulletin = map[string][2]string{
	"kind:sep_declaration":    {"竞争对手新的标准必要专利声明（自上次运行）", "Competitors' new standard-essential-patent declarations (since the last run)"},
	"kdesc:sep_declaration":   {"自上次运行以来新导入的声明清单中，非本国（{domestic}）申请人的检索范围内同族被声明为某标准的必要专利；若本区域企业在该标准中没有被声明的同族则为“警告”，否则为“关注”。首次运行时所有声明均为新声明。", "Families in scope of applicants from outside the domestic country ({domestic}) declared essential to a standard in declaration lists ingested since the last run; a warning where the region's enterprises hold no declared family in that standard, else watch. On the first run every declaration is new."},
	"subject.standard":        {"标准：{s}", "standard: {s}"},
	"num.families_new":        {"新声明同族", "Newly declared families"},
	"num.standard_families":   {"该标准被声明同族", "Declared families in the standard"},
	"rule:sep_declaration":    {"竞争对手新的标准必要专利声明：本区域企业在该标准中没有被声明同族为警告，否则为关注。", "Competitors' new standard-essential-patent declarations: warning where the region's enterprises hold no declared family in the standard, else watch."},
	"why:sep_declaration":     {"{a} 个竞争对手新声明 {n} 个同族为 {s} 的必要专利，本区域企业在该标准中已有被声明同族：{level}", "{a} competitors newly declared {n} families essential to {s}, where the region's enterprises hold declared families: {level}"},
	"why:sep_declaration.gap": {"{a} 个竞争对手新声明 {n} 个同族为 {s} 的必要专利，本区域企业在该标准中没有被声明同族：{level}", "{a} competitors newly declared {n} families essential to {s}, where the region's enterprises hold none: {level}"},
}

// standardsEnterprise are the enterprise navigation's words for its declared families per
// standard (namespace "enterprise.").
var standardsEnterprise = map[string][2]string{
	"std.heading":      {"标准必要专利声明", "Standard-essential patent declarations"},
	"std.caption":      {"各标准中被声明的本企业同族（共 {n} 个）", "The enterprise's declared families per standard ({n} in all)"},
	"std.col.standard": {"标准", "Standard"},
	"std.col.share":    {"占该标准被声明同族", "Share of the standard's declared families"},
	"std.short":        {"数据不足", "not enough data"},
	"std.note":         {"被声明同族：声明清单（ETSI IPR、dSEP）所列专利所在的检索范围内同族；同族按整数计。某标准被声明同族少于 5 个时不给出占比。", "Declared families: the families in scope of the patents the declaration lists (ETSI IPR, dSEP) name; families counted whole. No share for a standard with fewer than 5 declared families."},
}

func init() {
	addPhrases("enterprise.", standardsEnterprise)
	addPhrases("bulletin.", standardsBulletin)
	addPhrases("", standardsPhrases)
	addPhrases("", standardsCatalog)
}
