package landscape

// Note is a method note or a caveat of a model: a code with its parameters. The model carries no
// sentence; reports word it in each language (reports/catalog.go, key "note.<code>").
type Note struct {
	Code  string `json:"code"`
	N     int    `json:"n,omitempty"`     // a count or a year, as the code's sentence says
	Param string `json:"param,omitempty"` // a code-like parameter (a counting unit)
	// Nums are further figures, in the order the code's sentence names them.
	Nums []float64 `json:"nums,omitempty"`
	// Names are applicant or other names the sentence quotes as they are.
	Names []string `json:"names,omitempty"`
}

// Method notes of the macro model (ScopeSection.Method).
const (
	NoteScopeAny      = "method.scope_any"      // IPC/CPC prefix or keyword in title/abstract, minus exclusions
	NoteScopeBoth     = "method.scope_both"     // both required, minus exclusions
	NoteDedup         = "method.dedup"          // one row per publication number across sources
	NoteFamilies      = "method.families"       // family id, else priority set, else application
	NoteUnit          = "method.unit"           // Param: the counting unit; applicants 1/k
	NoteNames         = "method.names"          // applicant names normalised and merged by the thesaurus
	NotePriorityYear  = "method.priority_year"  // N: the incomplete years before the cut-off
	NoteSeedRecall    = "method.seed_recall"    // Nums: value, low, high (Wilson 95%), k, n
	NoteSeedPrecision = "method.seed_precision" // Nums: value, low, high, k, n, seed families, cross-validated recall
	NoteSeedUndefined = "method.seed_undefined" // Param: recall or precision; no data to estimate it
)

// Limitations of the macro model (Macro.Limitations).
const (
	NoteCoverage       = "limit.coverage"        // N: publications in scope
	NoteLanguage       = "limit.language"        // keyword scope matches text as written
	NoteClassification = "limit.classification"  // recent documents lack CPC / carry provisional IPC
	NoteFamilyModel    = "limit.family_model"    // families split across sources may count twice
	NotePublicationLag = "limit.publication_lag" // N: the last complete priority year
)

// Reasons a branch is a hotspot (BranchStats.HotspotWhy).
const (
	NoteHotBurst  = "hot.burst"      // Nums: from year, to year, burst weight
	NoteHotGrowth = "hot.rel_growth" // Nums: growth relative to the industry (≥ 1.2)
)

// How a section's figures were computed (Basis.Method).
const (
	NoteBasisApplicants = "basis.applicants" // fractional counting 1/k
	NoteBasisGeography  = "basis.geography"  // source country rule; a family once per office
	NoteBasisInventors  = "basis.inventors"  // h-index over reported forward citations; teams
	NoteBasisLegal      = "basis.legal"      // family status, grant rate and pendency definitions
	NoteBasisLifeCycle  = "basis.life_cycle" // cumulative families of complete years, logistic fit
	NoteBasisQuality    = "basis.quality"    // OECD index 6; N: the longest core list; Nums: the core share (0–1)
	NoteBasisRegional   = "basis.regional"   // region, nation and world defined
	NoteBasisTechnology = "basis.technology" // a family in every branch it matches; RTA formula
	NoteBasisMap        = "basis.map"        // TF-IDF, spherical k-means, Louvain class network
)

// How the life-cycle stage was decided (LifeCycle.Rule).
const (
	NoteStageDecline      = "stage.decline"       // N: years; applications fell each year, applicants over the span
	NoteStageSaturation   = "stage.saturation"    // Nums: the cumulative count's share of the fitted saturation level
	NoteStageNoFit        = "stage.no_fit"        // no S-curve (the reason is listed as unavailable)
	NoteStageBelowMinimum = "stage.below_minimum" // below the minimum data for a fit
	NoteStageNoYears      = "stage.no_years"      // no complete years
)

// Why a map cluster is a hotspot (MapCluster.Why) or a finding is white space (WhiteSpace.Why).
const (
	NoteMapGrowth = "map.cagr_above_corpus" // Nums: the cluster's CAGR, its from and to year, the corpus's CAGR
	NoteMapBurst  = "map.burst"             // Nums: burst from and to year, level, the last complete year
	NoteMapGap    = "map.gap"               // Nums: density as a share of the peak (next to WhiteSpace.Cluster)
	NoteMapThin   = "map.thin"              // Nums: the cluster's CAGR, distinct applicants, their median over clusters
)

// How the map was made (TechMap.Notes, MapEvaluation.KRule, MapNetwork.Rule).
const (
	NoteMapMethodText       = "map.method.text"             // Nums: the title weight
	NoteMapMethodK          = "map.method.k"                // Nums: k from, k to, k-means++ restarts
	NoteMapMethodNetwork    = "map.method.network"          // main-group co-occurrence, association strength, Louvain sweep
	NoteMapMethodGrowth     = "map.method.growth"           // CAGR over complete years; Kleinberg bursts
	NoteMapMethodThematic   = "map.method.thematic"         // link weight, density, centrality
	NoteMapMethodHotspot    = "map.method.hotspot"          // the hotspot rule
	NoteMapMethodWhiteSpace = "map.method.white_space"      // the gap and thin rules
	NoteMapMethodSampling   = "map.method.sampling"         // Nums: the fit sample, the documents with text
	NoteMapKRule            = "map.k_rule"                  // Nums: k from, k to, silhouette sample, chosen k, its silhouette
	NoteMapNetNone          = "map.network.no_network"      // fewer than two co-occurring main groups
	NoteMapNetLarge         = "map.network.min_communities" // Nums: nodes, γ, Q
	NoteMapNetFallback      = "map.network.fallback"        // Nums: nodes, γ, Q
)

// NoteCodes lists every note code, for the catalogue's completeness test.
var NoteCodes = []string{NoteScopeAny, NoteScopeBoth, NoteDedup, NoteFamilies, NoteUnit, NoteNames, NotePriorityYear,
	NoteSeedRecall, NoteSeedPrecision, NoteSeedUndefined,
	NoteCoverage, NoteLanguage, NoteClassification, NoteFamilyModel, NotePublicationLag, NoteHotBurst, NoteHotGrowth,
	NoteBasisApplicants, NoteBasisGeography, NoteBasisInventors, NoteBasisLegal, NoteBasisLifeCycle, NoteBasisQuality,
	NoteBasisRegional, NoteBasisTechnology, NoteBasisMap,
	NoteStageDecline, NoteStageSaturation, NoteStageNoFit, NoteStageBelowMinimum, NoteStageNoYears,
	NoteMapGrowth, NoteMapBurst, NoteMapGap, NoteMapThin,
	NoteMapMethodText, NoteMapMethodK, NoteMapMethodNetwork, NoteMapMethodGrowth, NoteMapMethodThematic, NoteMapMethodHotspot,
	NoteMapMethodWhiteSpace, NoteMapMethodSampling, NoteMapKRule, NoteMapNetNone, NoteMapNetLarge, NoteMapNetFallback}
