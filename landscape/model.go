// Package landscape holds the typed models of patnav's navigation products — the macro industry
// landscape (the "1"), the enterprise navigations (the "N") and the risk-warning bulletin — and
// builds them from the lake through the analysis package. Reports render these models; they never
// query the lake themselves.
package landscape

import "github.com/patnav/patnav/internal/config"

// Basis records what a number was computed on, so a report can say it.
type Basis struct {
	Unit string `json:"unit"`           // "family" or "publication" (or "applicant", "inventor" …)
	N    int    `json:"n"`              // how many units the figure rests on
	From int    `json:"from,omitempty"` // first priority year included
	To   int    `json:"to,omitempty"`   // last priority year included
	// Method says how the figures were computed: typed notes (NoteBasis* codes with their
	// numbers) that reports word in each language.
	Method []Note `json:"method,omitempty"`
	// Note is an English wording of the method, left only in models not yet converted to
	// Method (the macro model sets none).
	Note  string `json:"note,omitempty"`
	Query string `json:"query,omitempty"` // name of the SQL query behind it
}

// Meta describes the run that produced a model.
type Meta struct {
	Industry      config.Text   `json:"industry"`
	Region        config.Region `json:"region"`
	Cutoff        string        `json:"cutoff"`    // data cut-off date YYYY-MM-DD
	Generated     string        `json:"generated"` // timestamp (excluded from golden comparisons)
	Unit          string        `json:"unit"`      // counting unit
	From          int           `json:"from"`      // analysis window
	To            int           `json:"to"`
	Incomplete    []int         `json:"incomplete"` // priority years flagged incomplete
	Languages     []string      `json:"languages"`
	PatnavVersion string        `json:"patnav_version"`
}

// ScopeSection is report section 1: search strategy, counts, cut-off, method, caveats.
type ScopeSection struct {
	Codes        []string     `json:"codes"`
	KeywordsZh   []string     `json:"keywords_zh"`
	KeywordsEn   []string     `json:"keywords_en"`
	Publications int          `json:"publications"`
	Families     int          `json:"families"`
	BySource     []Count      `json:"by_source"` // publications per source / file
	ByOffice     []Count      `json:"by_office"` // publications per filing office
	Tree         []BranchNode `json:"tree"`      // the decomposition tree with counts
	Untagged     int          `json:"untagged"`  // families in scope matching no branch
	Method       []Note       `json:"method"`    // dedup and family rule, counting unit, seed-set checks (typed; reports word them)
	// Minimums are the minimum-data rules (minimum.go) the analyses were held to.
	Minimums []Rule `json:"minimums"`
	// CutoffFrom says where Meta.Cutoff came from: config, publication (the latest publication
	// date), filing_lag (no publication dates: the latest filing date + 18 months) or none.
	CutoffFrom string `json:"cutoff_from"`
}

// Count is a labelled number.
type Count struct {
	Key   string  `json:"key"`
	Label string  `json:"label,omitempty"`
	N     float64 `json:"n"`
	Share float64 `json:"share,omitempty"`
}

// BranchNode is a node of the decomposition tree with its family count.
type BranchNode struct {
	ID       string      `json:"id"`
	Name     config.Text `json:"name"`
	Level    int         `json:"level"`
	Parent   string      `json:"parent,omitempty"`
	Families int         `json:"families"`
}

// YearPoint is one year of a series.
type YearPoint struct {
	Year       int     `json:"year"`
	N          float64 `json:"n"`
	Incomplete bool    `json:"incomplete,omitempty"`
}

// Trend is report section 2 (and the per-branch trend).
type Trend struct {
	Series []YearPoint `json:"series"`
	// CAGR over complete years of the window ([CAGRFrom, CAGRTo]); nil when undefined.
	CAGR     *float64 `json:"cagr"`
	CAGRFrom int      `json:"cagr_from,omitempty"`
	CAGRTo   int      `json:"cagr_to,omitempty"`
	Phases   []Phase  `json:"phases,omitempty"` // growth phases (e.g. take-off, rapid growth)
	Basis    Basis    `json:"basis"`
}

// Phase is a stretch of years with a character.
type Phase struct {
	From  int    `json:"from"`
	To    int    `json:"to"`
	Label string `json:"label"` // "emerging", "rapid growth", "slowdown", "decline"
}

// LifeCycle is report section 3.
type LifeCycle struct {
	Points []PhasePoint `json:"points"` // applications × applicants, one point per year, time order
	Fit    *Logistic    `json:"fit"`    // nil when the fit failed (see Unavailable)
	Stage  string       `json:"stage"`  // emerging / growth / mature / saturated / decline
	Rule   Note         `json:"rule"`   // how the stage was decided: a NoteStage* code
	Basis  Basis        `json:"basis"`
}

// PhasePoint is one year of the life-cycle phase chart.
type PhasePoint struct {
	Year         int  `json:"year"`
	Applications int  `json:"applications"`
	Applicants   int  `json:"applicants"`
	Incomplete   bool `json:"incomplete,omitempty"`
}

// Logistic is a fitted S-curve y(t) = L / (1 + e^(−k(t − t0))) on cumulative counts.
type Logistic struct {
	L       float64 `json:"saturation"`
	K       float64 `json:"k"`
	T0      float64 `json:"inflection_year"`
	R2      float64 `json:"r2"`
	RMSE    float64 `json:"rmse"`
	Reached float64 `json:"reached"` // y_last / L
	FitFrom int     `json:"fit_from"`
	FitTo   int     `json:"fit_to"`
}

// Geography is report section 4.
type Geography struct {
	// Matrix: source country (first applicant's country) × filing office, in families/publications.
	Sources     []string    `json:"sources"`
	Offices     []string    `json:"offices"`
	Matrix      [][]float64 `json:"matrix"`
	PCTShare    *float64    `json:"pct_share"`     // share of families with a WO member
	ForeignInCN []Count     `json:"foreign_in_cn"` // foreign applicants' CN filings by country
	Provinces   []Count     `json:"provinces"`     // CN applicants by province
	Cities      []Count     `json:"cities"`        // CN applicants by city (top N)
	Basis       Basis       `json:"basis"`
}

// Applicant is one applicant's row in the rankings.
type Applicant struct {
	Name         string   `json:"name"`     // normalised grouping key
	Display      string   `json:"display"`  // most frequent raw spelling
	Variants     []string `json:"variants"` // raw spellings merged into it
	Kind         string   `json:"kind"`
	Country      string   `json:"country,omitempty"`
	Province     string   `json:"province,omitempty"`
	Families     float64  `json:"families"` // fractional
	Whole        int      `json:"whole"`    // whole counting
	Granted      int      `json:"granted"`
	Alive        int      `json:"alive"`
	Citations    int      `json:"citations"` // forward citations received
	FirstYear    int      `json:"first_year"`
	LastYear     int      `json:"last_year"`
	Share        float64  `json:"share"`
	TopBranches  []Count  `json:"top_branches,omitempty"`
	Offices      []Count  `json:"offices,omitempty"`
	CoApplicants []Count  `json:"co_applicants,omitempty"`
}

// Concentration holds HHI and CRk for one set.
type Concentration struct {
	HHI  float64 `json:"hhi"`
	CR4  float64 `json:"cr4"`
	CR8  float64 `json:"cr8"`
	Band string  `json:"band"` // unconcentrated / moderate / high
	N    int     `json:"n"`    // applicants
}

// Applicants is report sections 6–7.
type Applicants struct {
	Top                 []Applicant         `json:"top"`
	TopGranted          []Count             `json:"top_granted"`
	TopAlive            []Count             `json:"top_alive"`
	TopCited            []Count             `json:"top_cited"`
	Concentration       Concentration       `json:"concentration"`
	ConcentrationByYear []YearConcentration `json:"concentration_by_year"`
	KindMix             []Count             `json:"kind_mix"`
	Newcomers           []Applicant         `json:"newcomers"` // first filing in the last 3 complete years
	NewcomerYears       [2]int              `json:"newcomer_years"`
	Basis               Basis               `json:"basis"`
}

// YearConcentration is HHI/CR4 for one year.
type YearConcentration struct {
	Year int `json:"year"`
	// HHI and CR4 are nil in a year with fewer applicants than MinConcentration (one applicant
	// is an HHI of 10,000 and a CR4 of 100 % by construction).
	HHI        *float64 `json:"hhi"`
	CR4        *float64 `json:"cr4"`
	Applicants int      `json:"applicants"`
	Incomplete bool     `json:"incomplete,omitempty"`
}

// BranchStats is the technology-mix row of one branch (section 5), with its own concentration and
// life cycle.
type BranchStats struct {
	ID            string        `json:"id"`
	Name          config.Text   `json:"name"`
	Level         int           `json:"level"`
	Parent        string        `json:"parent,omitempty"`
	Families      float64       `json:"families"`
	Share         float64       `json:"share"`
	Trend         Trend         `json:"trend"`
	RelGrowth     *float64      `json:"relative_growth"`
	Concentration Concentration `json:"concentration"`
	Stage         string        `json:"stage"`
	TopApplicants []Count       `json:"top_applicants"`
	RegionRTA     *float64      `json:"region_rta"` // RTA of the configured region in this branch
	Bursts        []Burst       `json:"bursts,omitempty"`
	Hotspot       bool          `json:"hotspot"`
	HotspotWhy    []Note        `json:"hotspot_why,omitempty"` // why it is a hotspot: NoteHotBurst / NoteHotGrowth
}

// Burst is a Kleinberg burst in a series.
type Burst struct {
	From   int     `json:"from"`
	To     int     `json:"to"`
	Level  int     `json:"level"`
	Weight float64 `json:"weight"`
}

// Technology is report section 5.
type Technology struct {
	Branches   []BranchStats   `json:"branches"`
	Subclasses []SubclassStats `json:"subclasses"` // top IPC subclasses
	// Heat: branch × year families (rows follow Branches order, columns Years).
	Years []int       `json:"years"`
	Heat  [][]float64 `json:"heat"`
	// RTA: country × level-1 branch activity index (rows Countries, columns level-1 branches).
	Countries   []string     `json:"countries"`
	RTABranches []string     `json:"rta_branches"`
	RTA         [][]*float64 `json:"rta"`
	Hotspots    []string     `json:"hotspots"` // branch or subclass ids flagged as hotspots
	Basis       Basis        `json:"basis"`
}

// SubclassStats is one IPC subclass's share and growth.
type SubclassStats struct {
	Code     string   `json:"code"`
	Families float64  `json:"families"`
	Share    float64  `json:"share"`
	CAGR     *float64 `json:"cagr"`
	Bursts   []Burst  `json:"bursts,omitempty"`
}

// Inventor is one inventor's row.
type Inventor struct {
	Name       string   `json:"name"`
	Families   int      `json:"families"`
	HIndex     int      `json:"h_index"`
	Applicants []string `json:"applicants"` // more than one: mobility between applicants
}

// Team is a co-inventor group.
type Team struct {
	Members   []string `json:"members"`
	Families  int      `json:"families"`
	Applicant string   `json:"applicant,omitempty"`
}

// Inventors is report section 8.
type Inventors struct {
	Top   []Inventor `json:"top"`
	Teams []Team     `json:"teams"`
	Total int        `json:"total"`
	Basis Basis      `json:"basis"`
}

// Legal is report section 9.
type Legal struct {
	Status        []Count  `json:"status"`               // alive / lapsed / pending / unknown
	GrantRate     *float64 `json:"grant_rate"`           // granted / decided (granted + refused/withdrawn) inventions
	PendencyYears *float64 `json:"pendency_years"`       // median filing → grant
	Operations    []Count  `json:"operations,omitempty"` // transfers, licences, pledges (families with ≥ 1)
	Basis         Basis    `json:"basis"`
}

// CorePatent is a patent on the core list.
type CorePatent struct {
	PubNumber    string             `json:"pub_number"`
	FamilyID     string             `json:"family_id"`
	Title        string             `json:"title"`
	Applicant    string             `json:"applicant"`
	Year         int                `json:"year"`
	Score        float64            `json:"score"`
	Components   map[string]float64 `json:"components"`
	ForwardCites int                `json:"forward_cites"`
	FamilySize   int                `json:"family_size"`
	Status       string             `json:"status"`
	Branches     []string           `json:"branches,omitempty"`
}

// Quality is report section 10.
type Quality struct {
	Indicators []string `json:"indicators"` // which indicators the data supports: Ind* codes
	// CitationWindow is the forward-citation window in years (with IndForwardWindow).
	CitationWindow int           `json:"citation_window,omitempty"`
	Missing        []Unavailable `json:"missing"`
	Core           []CorePatent  `json:"core"`
	// Distribution of the composite score (deciles) for the industry.
	Deciles []float64 `json:"deciles"`
	Basis   Basis     `json:"basis"`
}

// Quality indicators (Quality.Indicators).
const (
	IndForwardWindow   = "forward_citations_window"   // forward citations within CitationWindow years, resolved in the lake
	IndForwardReported = "forward_citations_reported" // forward citations as the source reports them (not windowed)
	IndFamilySize      = "family_size"                // distinct offices
	IndBackward        = "backward_citations"         // where the source counts them
	IndGrantLag        = "grant_lag"                  // filing to grant, shorter is better
	IndScope           = "scope"                      // distinct IPC subclasses; reported, not in the index
	IndClaims          = "claims"                     // claims count
)

// IndCodes lists every quality indicator code, for the catalogue's completeness test.
var IndCodes = []string{IndForwardWindow, IndForwardReported, IndFamilySize, IndBackward, IndGrantLag, IndScope, IndClaims}

// RegionalPositioning is report section 13: the region against nation and world.
type RegionalPositioning struct {
	Region config.Region `json:"region"`
	Rows   []PositionRow `json:"rows"`
	ByYear []RegionYear  `json:"by_year"` // the indicators year by year (performance statistics)
	Basis  Basis         `json:"basis"`
}

// PositionRow compares one indicator across region, nation and world.
type PositionRow struct {
	Dimension string   `json:"dimension"` // structure / enterprise strength / talent / technology / operation
	Indicator string   `json:"indicator"` // a Reg* code
	Region    *float64 `json:"region"`
	Nation    *float64 `json:"nation"`
	World     *float64 `json:"world"`
	Unit      string   `json:"unit"`
}

// Regional positioning indicators (PositionRow.Indicator).
const (
	RegFamilies             = "families"               // families
	RegWorldShare           = "world_share"            // share of the world's families
	RegInventionShare       = "invention_share"        // share of families that are inventions
	RegApplicants           = "applicants"             // distinct applicants
	RegEnterpriseShare      = "enterprise_share"       // enterprises' share of the applicants
	RegFamiliesPerApplicant = "families_per_applicant" // families per applicant
	RegInventors            = "inventors"              // distinct inventors
	RegAcademic             = "academic_applicants"    // universities and research institutes among the applicants
	RegGrantShare           = "grant_share"            // share of families granted
	RegAliveShare           = "alive_share"            // share of families alive
	RegOfficesPerFamily     = "offices_per_family"     // offices per family (internationalisation)
	RegSpecialisedBranches  = "specialised_branches"   // level-1 branches with RTA > 1 (region only)
	RegOperatedShare        = "operated_share"         // share of families transferred, licensed or pledged
)

// RegCodes lists every regional indicator code, for the catalogue's completeness test.
var RegCodes = []string{RegFamilies, RegWorldShare, RegInventionShare, RegApplicants, RegEnterpriseShare, RegFamiliesPerApplicant,
	RegInventors, RegAcademic, RegGrantShare, RegAliveShare, RegOfficesPerFamily, RegSpecialisedBranches, RegOperatedShare}

// RegionYear is one year of the region's tracked indicators.
type RegionYear struct {
	Year        int      `json:"year"`
	Families    float64  `json:"families"`
	ShareNation *float64 `json:"share_nation"`
	ShareWorld  *float64 `json:"share_world"`
	Applicants  int      `json:"applicants"`
	// Inventors and Granted are nil when the sources carry no inventor names / no grant at all
	// (the regional rows say why under "not available"), never a column of zeros.
	Inventors  *int `json:"inventors"`
	Granted    *int `json:"granted"`
	Incomplete bool `json:"incomplete,omitempty"`
}

// Recommendation is a path recommendation traceable to the numbers (section 14). It carries
// codes and numbers; reports word it (reports/catalog.go: rec.why.<Why>, note.<evidence code>).
type Recommendation struct {
	Kind     string      `json:"kind"`             // strengthen / attract / cultivate / recruit / license / collaborate
	Target   string      `json:"target"`           // an applicant, inventor or publication number; a branch's English name
	Branch   string      `json:"branch,omitempty"` // the branch id, when the target is a branch or the why names one
	Name     config.Text `json:"name,omitzero"`    // that branch's name in both languages
	Why      string      `json:"why"`              // a RecWhy* code
	Evidence []Note      `json:"evidence"`         // Ev* notes with their numbers
}

// Why codes of a recommendation.
const (
	RecWhyGap         = "gap"         // a growing branch where the region is under-represented
	RecWhyLeader      = "leader"      // a leading applicant in the branch
	RecWhySpecialised = "specialised" // a branch where the region is specialised
	RecWhyNewcomer    = "newcomer"    // a domestic newcomer
	RecWhyInventor    = "inventor"    // a prolific, well-cited inventor
	RecWhyCore        = "core"        // an alive core patent to license or acquire
	RecWhyAcademic    = "academic"    // a leading academic applicant
)

// RecWhyCodes lists every why code, for the catalogue's completeness test.
var RecWhyCodes = []string{RecWhyGap, RecWhyLeader, RecWhySpecialised, RecWhyNewcomer, RecWhyInventor, RecWhyCore, RecWhyAcademic}

// Evidence codes of a recommendation (Notes).
const (
	EvRegionRTA      = "ev.region_rta"      // Nums: the region's RTA in the branch
	EvRelGrowth      = "ev.rel_growth"      // Nums: the branch's relative growth
	EvHotspot        = "ev.hotspot"         // the branch is a hotspot (reasons in the technology section)
	EvBranchFamilies = "ev.branch_families" // Nums: fractional families in the branch
	EvFirstFiling    = "ev.first_filing"    // N: first filing year; Nums: fractional families
	EvInventor       = "ev.inventor"        // Nums: families, h-index; Names: applicants
	EvCorePatent     = "ev.core_patent"     // Nums: quality score, family size; Names: the applicant
	EvFamilies       = "ev.families"        // Nums: fractional families
)

// EvCodes lists every evidence code, for the catalogue's completeness test.
var EvCodes = []string{EvRegionRTA, EvRelGrowth, EvHotspot, EvBranchFamilies, EvFirstFiling, EvInventor, EvCorePatent, EvFamilies}

// Macro is the macro industry navigation model.
type Macro struct {
	Meta            Meta                `json:"meta"`
	Scope           ScopeSection        `json:"scope"`
	Trend           Trend               `json:"trend"`
	LifeCycle       LifeCycle           `json:"life_cycle"`
	Geography       Geography           `json:"geography"`
	Technology      Technology          `json:"technology"`
	Applicants      Applicants          `json:"applicants"`
	Inventors       Inventors           `json:"inventors"`
	Legal           Legal               `json:"legal"`
	Quality         Quality             `json:"quality"`
	Regional        RegionalPositioning `json:"regional"`
	Standards       Standards           `json:"standards"`     // patents and standards (macro_standards.go)
	Map             *TechMap            `json:"map,omitempty"` // clustering and landscape map (StartMap, Finish)
	Recommendations []Recommendation    `json:"recommendations"`
	Limitations     []Note              `json:"limitations"` // typed caveats; reports word them
	Unavailable     []Unavailable       `json:"unavailable"`
	// Timings are how long each analysis took. They are not part of the published model (the same
	// inputs give the same document); the run manifest and the CLI report them.
	Timings []Timing `json:"-"`
}

// Timing is how long one analysis took.
type Timing struct {
	Analysis string  `json:"analysis"`
	Seconds  float64 `json:"seconds"`
}
