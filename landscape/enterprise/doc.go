// Package enterprise builds the enterprise navigations (企业经营类专利导航, the "N" of a "1+N"
// project; navigation.md §4): for each key enterprise of the zone, where it stands in the
// industry, where its layout has gaps, and which patents it must watch.
//
// # One pass for all enterprises
//
// Build works on a prepared analysis.Session and the industry's macro navigation. It writes a
// temporary table ent_name (entity → normalised applicant name) for every enterprise and
// competitor, derives ent_fam (family × entity with the entity's fractional weight) and runs each
// analysis as ONE query grouped by entity. The cost therefore grows with the number of families
// the enterprises hold, not with the number of enterprises times the lake: N = 50 enterprises
// cost little more than N = 1 (see BenchmarkBuild).
//
// # Matching
//
// An enterprise is the set of applicant keys its configured Names and Subsidiaries normalise to
// (applicant.Normalize, then the config's thesaurus — the same keys the lake's parties.name
// holds). The Match section lists, for every configured name, its key, the families under it and
// the raw spellings (parties.name_raw) behind it, so a user can check the match.
//
// Competitors are the configured ones (enterprise ids, or applicant names resolved the same way)
// or, when none are configured, the DefaultCompetitors applicants with the largest overlap
//
//	overlap(c) = Σ_b w_e(b) · N_c(b)
//
// over the leaf branches b, where w_e(b) is the enterprise's share of its leaf-branch assignments
// in b and N_c(b) the applicant's fractional families in b. Universities, institutes, individuals
// and government bodies are not competitors (they are partner candidates). A name belonging to a
// configured enterprise stands for that whole enterprise.
//
// # Measures (per enterprise, and the same for every competitor in the benchmark)
//
// Counting is by family. Size and shares are fractional (a family with k applicants counts 1/k for
// each); distributions (document types, legal status, offices, quality) count the whole families
// an enterprise (co-)owns. The window is the session's priority years [From, To].
//
//   - Portfolio: families, share of the industry's families with applicants, rank among all
//     applicants, trend per priority year with incomplete years marked, CAGR over the last
//     WindowYears complete years (indicators.CompleteCAGR), momentum, document types, status.
//   - Momentum compares two runs of complete years, recent = the last WindowYears complete years
//     and previous = the WindowYears before: momentum = (recent + 1) / (previous + 1) (add-one
//     smoothing keeps a branch new in the recent window finite).
//   - Branch profile: own share = N_eb / N_e; branch share = N_eb / N_b (N_b: the branch's families
//     with applicants); RTA = (N_eb / Σ_b N_eb) / (N_b / Σ_b N_b) over the branches of one tree
//     level (indicators.RTA on the enterprise row and the rest of the industry).
//   - Patent control power (专利控制力) per branch = the fractional number of the branch's core
//     patents the enterprise holds / the branch's core patents. Core patents are the top
//     core_share of all families by the macro's composite quality index (fam_quality, ranked by
//     score then family id, as landscape.BuildMacro ranks them).
//   - Market coverage: families with an in-scope publication at each office, against the
//     industry's share at that office; mean offices per family.
//   - Quality: the macro's quality index; the enterprise's share of families in each industry
//     decile (decile = ceil(10 · rank / n) over all n scored families ranked by score ascending:
//     10 % each by construction, 10 = the best tenth), the top-decile
//     share and the mean against the industry mean.
//   - Partners: co-applicants (names that are not its own) by shared families; universities and
//     institutes among them.
//   - Key-inventor dependency = share of its families (that name inventors) naming at least one of
//     its TopInventors most frequent inventors: > 50 % high, 25–50 % moderate, else low.
//   - Expiry: the source's expiry date, else earliest filing + 20 years (invention) or + 10 years
//     (utility model). Expiring: alive (or status unknown) and expiring within expiring_months of
//     the cut-off. Lapsed: status lapsed, or status unknown with the nominal term over.
//   - Who cites whom: distinct (citing family, cited family) pairs between the enterprise and its
//     competitors, citations resolved by citations.cited_doc = patents.doc_number; Unavailable
//     with the reason when the lake holds no resolvable patent citations.
//
// # Layout gaps, strengths and reserve branches
//
// Over the leaf branches (and over technology clusters when the caller supplies cluster
// assignments), with G the industry momentum of the branch, C the competitors' share of the
// branch's recent families and D = 1 − min(RTA_eb, 1) the enterprise's distance (1 = absent):
//
//	gap score = G × C × D
//
// A branch is a gap when G > 1 (the industry grows), C > 0 (competitors file there) and
// RTA_eb < GapRTA (0.8, the enterprise is absent or weak); gaps are ranked by score. Each gap
// carries its evidence: the industry's recent and previous families, momentum, the competitors'
// recent families and share, the strongest competitor, the enterprise's families and RTA.
// Strengths are leaf branches with RTA ≥ StrengthRTA (1.2), ranked by branch share. Reserve
// branches grow fast (G ≥ ReserveMomentum = 1.5, or a macro hotspot) while competitors hold
// less than ReserveCompetitorShare (10 %) of their recent families and the enterprise is neither
// specialised there (RTA < StrengthRTA) nor counts it among its core branches.
//
// # Watch list (FTO candidates)
//
// The enterprise's core branches are its largest leaf branches, taken until they cover
// CoreBranchShare (50 %) of its leaf-branch assignments, at most MaxCoreBranches. Candidates are
// families in a core branch in which the enterprise holds no share, scoring at least the
// blocking_quality_percentile quantile (default 0.9) of all scores, and possibly in force: alive,
// pending, or status unknown with the nominal term not over at the cut-off (an unknown status is
// treated conservatively). They are ranked alive, pending, unknown; then by quality; then by the
// number of core branches they fall in, the number of offices and the source's forward citations
// (ties at the top of the index are common where small cohorts saturate it). Each item says why
// it is listed.
//
// # Recommendations
//
// Offensive (进攻型): the top three gaps. Defensive (防御型): core branches where the
// enterprise's share of recent families fell against the previous window, or where a competitor
// filed more in the recent window. Reserve (储备型): the top three reserve branches. Partner: the
// university or institute with the most fractional families in each offensive gap. License: the
// holders of the most watch-list families (cross-licensing when a competitor). Every
// recommendation carries the numbers behind it (Evidence).
//
// # Evidence keys
//
// industry_recent, industry_previous (families), industry_momentum (ratio), competitor_recent
// (families), competitor_share (share), families (its fractional families), rta (ratio),
// lead_competitor (name, with its entity key in Entity; its recent families), branch_share,
// own_share, control, recent_share, previous_share (shares), gap_score, score (index),
// watch_items (count), academic_families (families), hotspot (the macro's reason).
//
// # Words
//
// The model holds no prose. Every method note of a section's Basis, the layout rule, each reason
// a family is on the watch list, each recommendation's reason and each limitation is a Note: a
// code (notes.go, listed in NoteCodes) and its named arguments (numbers with their unit, dates,
// branch ids, entity keys, names as the data gives them). reports/catalog_enterprise.go words
// every code in zh and en; an analysis the data cannot support is a landscape.Unavailable code.
package enterprise
