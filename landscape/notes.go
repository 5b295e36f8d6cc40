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

// NoteCodes lists every note code, for the catalogue's completeness test.
var NoteCodes = []string{NoteScopeAny, NoteScopeBoth, NoteDedup, NoteFamilies, NoteUnit, NoteNames, NotePriorityYear,
	NoteSeedRecall, NoteSeedPrecision, NoteSeedUndefined,
	NoteCoverage, NoteLanguage, NoteClassification, NoteFamilyModel, NotePublicationLag, NoteHotBurst, NoteHotGrowth}
