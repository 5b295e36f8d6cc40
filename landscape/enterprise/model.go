package enterprise

import (
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// Enterprise is one enterprise navigation (企业经营类专利导航, the "N" of a "1+N" project): where
// the enterprise stands in the industry, where its layout has gaps, and which patents it must
// watch. Every section carries a Basis; an analysis the data cannot support is listed in
// Unavailable with its reason instead of being reported as zeros.
type Enterprise struct {
	Meta landscape.Meta `json:"meta"`
	ID   string         `json:"id"`
	Name config.Text    `json:"name"`
	Role string         `json:"role"` // "local" or "benchmark"
	// MapOverlay are the enterprise's families on the industry map (macro Map), for drawing;
	// not part of the JSON model.
	MapOverlay  []landscape.MapPoint `json:"-"`
	Match       Match                `json:"match"`
	Competitors []Competitor         `json:"competitors"`
	Portfolio   Portfolio            `json:"portfolio"`
	// Branches is the branch profile: one row per branch of the decomposition tree, tree order.
	Branches        []BranchPosition        `json:"branches"`
	BranchBasis     Basis                   `json:"branch_basis"`
	Markets         Markets                 `json:"markets"`
	Quality         QualityProfile          `json:"quality"`
	Partners        Partners                `json:"partners"`
	Inventors       InventorDependency      `json:"inventors"`
	Expiry          Expiry                  `json:"expiry"`
	Benchmark       Benchmark               `json:"benchmark"`
	Citations       CitationFlows           `json:"citations"`
	Layout          Layout                  `json:"layout"`
	Watch           WatchList               `json:"watch_list"`
	Recommendations []Recommendation        `json:"recommendations"`
	Limitations     []Note                  `json:"limitations"` // typed caveats (NoteLimit*)
	Unavailable     []landscape.Unavailable `json:"unavailable"`
	Timings         []landscape.Timing      `json:"-"` // the shared run's steps (all enterprises together); not published: the same inputs give the same document
	Clusters        []ClusterLabel          `json:"clusters,omitempty"`
	Windows         Windows                 `json:"windows"`
	// Standards are the enterprise's declared standard-essential families per standard (the
	// macro model's standards section); nil when the lake holds no declaration naming a family
	// in scope.
	Standards *landscape.EnterpriseStandards `json:"standards,omitempty"`
	// Changes are the changes of the enterprise's patents recorded since the previous run (its
	// patents lapsed, granted, transferred, pledged, licensed), oldest first.
	Changes []landscape.PatentChange `json:"changes"`
}

// Windows are the two equal runs of complete priority years that growth ("momentum") compares:
// Recent = the last Years complete years, Previous = the Years before them.
type Windows struct {
	Years        int `json:"years"`
	RecentFrom   int `json:"recent_from"`
	RecentTo     int `json:"recent_to"`
	PreviousFrom int `json:"previous_from"`
	PreviousTo   int `json:"previous_to"`
}

// Match reports how the enterprise's configured names were matched, so a user can check them.
type Match struct {
	Names []NameMatch `json:"names"`
	// Keys are the distinct normalised applicant keys (after the thesaurus) that make up the
	// enterprise in the lake.
	Keys     []string `json:"keys"`
	Families int      `json:"families"` // families in scope (whole count) under any key, all years
	Basis    Basis    `json:"basis"`
}

// NameMatch is one configured name (or subsidiary) and what it matched.
type NameMatch struct {
	Configured string `json:"configured"`
	Source     string `json:"source"` // "name" or "subsidiary"
	Key        string `json:"key"`    // applicant.Normalize, then the thesaurus
	Found      bool   `json:"found"`
	Families   int    `json:"families"` // families in scope under the key
	// Raw are the spellings (parties.name_raw) in scope that normalise to the key, with the number
	// of publications that use each, most frequent first.
	Raw []landscape.Count `json:"raw"`
}

// Competitor is one entity the enterprise is benchmarked against.
type Competitor struct {
	Key  string `json:"key"`  // entity key: an enterprise id, or "@" + a normalised applicant name
	Name string `json:"name"` // display name in English (most frequent raw spelling, or the configured name)
	// Label is the name in Chinese and English (a configured enterprise's name, else Name twice).
	Label config.Text `json:"label"`
	// Source is how it was chosen: "enterprise" (an enterprise id in the config), "name" (an
	// applicant name in the config) or "auto" (top applicants in the enterprise's branches).
	Source string   `json:"source"`
	Keys   []string `json:"keys"`
	Found  bool     `json:"found"`
	// Overlap is the auto-selection score: Σ_b w_e(b) · N_c(b) over leaf branches, where w_e(b) is
	// the enterprise's share of its leaf-branch assignments in b and N_c(b) the competitor's
	// fractional families in b. Zero for configured competitors.
	Overlap float64 `json:"overlap,omitempty"`
}

// Portfolio is the enterprise's portfolio size, trend, document types and legal status.
type Portfolio struct {
	Families  float64         `json:"families"` // fractional (1/k per family with k applicants)
	Whole     int             `json:"whole"`    // families it (co-)owns, each counted once
	Share     float64         `json:"share"`    // of the industry's families (fractional)
	Rank      int             `json:"rank"`     // rank among all applicants by fractional families (its names merged)
	Trend     landscape.Trend `json:"trend"`
	Recent    float64         `json:"recent"`   // fractional families in the recent window
	Previous  float64         `json:"previous"` // … in the previous window
	Momentum  *float64        `json:"momentum"` // (Recent + 1) / (Previous + 1)
	FirstYear int             `json:"first_year"`
	LastYear  int             `json:"last_year"`
	// DocTypes: families (whole) by document type: invention (any invention member), utility
	// model (utility models only), other (designs and the rest).
	DocTypes []landscape.Count `json:"doc_types"`
	// Status: families (whole) by legal status (a family's best member status).
	Status  []landscape.Count `json:"status"`
	Granted int               `json:"granted"`
	Basis   Basis             `json:"basis"`
}

// BranchPosition is the enterprise's position in one branch of the decomposition tree.
type BranchPosition struct {
	ID     string      `json:"id"`
	Name   config.Text `json:"name"`
	Level  int         `json:"level"`
	Parent string      `json:"parent,omitempty"`
	Leaf   bool        `json:"leaf"`
	// Families: its fractional families in the branch; OwnShare = Families / its portfolio;
	// BranchShare = Families / the branch's families (with applicants).
	Families    float64  `json:"families"`
	OwnShare    float64  `json:"own_share"`
	BranchShare float64  `json:"branch_share"`
	RTA         *float64 `json:"rta"` // (N_eb/Σ_b N_eb) / (N_b/Σ_b N_b) over the branches of the same level
	// Core: the industry's core patents in the branch; CoreHeld: the fractional number it holds;
	// Control = CoreHeld / Core (patent control power, 专利控制力); nil when the branch has no core patent.
	Core     int      `json:"core"`
	CoreHeld float64  `json:"core_held"`
	Control  *float64 `json:"control"`
	Recent   float64  `json:"recent"`
	Previous float64  `json:"previous"`
	// Industry numbers of the branch: families, families in the two windows, momentum, and the
	// macro's CAGR and hotspot flag.
	IndustryFamilies float64  `json:"industry_families"`
	IndustryRecent   float64  `json:"industry_recent"`
	IndustryPrevious float64  `json:"industry_previous"`
	IndustryMomentum float64  `json:"industry_momentum"`
	IndustryCAGR     *float64 `json:"industry_cagr"`
	Hotspot          bool     `json:"hotspot,omitempty"`
}

// Markets is the enterprise's market coverage: families with a member at each office.
type Markets struct {
	Offices []OfficeShare `json:"offices"`
	// MeanOffices is the mean number of offices per family (industry: IndustryMeanOffices).
	MeanOffices         float64 `json:"mean_offices"`
	IndustryMeanOffices float64 `json:"industry_mean_offices"`
	Basis               Basis   `json:"basis"`
}

// OfficeShare is one office: the enterprise's families there and shares against the industry.
type OfficeShare struct {
	Office        string  `json:"office"`
	Families      int     `json:"families"`
	Share         float64 `json:"share"`          // of its families
	IndustryShare float64 `json:"industry_share"` // of the industry's families
}

// QualityProfile is the enterprise's quality distribution against the industry.
type QualityProfile struct {
	// Indicators are the macro's quality indicators (landscape.Ind* codes), CitationWindow its
	// forward-citation window in years (with landscape.IndForwardWindow).
	Indicators     []string `json:"indicators"`
	CitationWindow int      `json:"citation_window,omitempty"`
	Scored         int      `json:"scored"` // its families with a quality score
	Mean           *float64 `json:"mean"`
	// IndustryMean is the mean score of all scored families of the industry.
	IndustryMean *float64 `json:"industry_mean"`
	// Deciles[i] is the share of its scored families in the industry's decile i+1 (decile 10 =
	// the best 10 %); the industry has 10 % in each by construction.
	Deciles        []float64 `json:"deciles"`
	TopDecileShare *float64  `json:"top_decile_share"`
	// Core: core patents it holds (whole) and CoreShare: its fractional share of all core patents.
	Core      int      `json:"core"`
	CoreShare *float64 `json:"core_share"`
	// IndustryCore is the number of core patents of the industry: the top CoreTop share (the
	// config's core_share) of all families by quality.
	IndustryCore int         `json:"industry_core"`
	CoreTop      float64     `json:"core_top"`
	Top          []PatentRef `json:"top"` // its best families
	Basis        Basis       `json:"basis"`
}

// PatentRef is one family listed in a report.
type PatentRef struct {
	FamilyID  string   `json:"family_id"`
	PubNumber string   `json:"pub_number"`
	Title     string   `json:"title"`
	Year      int      `json:"year"`
	Status    string   `json:"status"`
	Granted   bool     `json:"granted"`
	Score     *float64 `json:"score"`
	Decile    int      `json:"decile,omitempty"`
	// ForwardCites: distinct citing families in scope when the lake holds resolvable patent
	// citations, else the source's forward-citation count; nil when neither exists.
	ForwardCites *int     `json:"forward_cites"`
	FamilySize   int      `json:"family_size"`
	Holders      []string `json:"holders"`
	Branches     []string `json:"branches"`
	// Expiry is the stated expiry date, else an estimate (ExpiryEstimated): earliest filing + 20
	// years (invention) or + 10 years (utility model).
	Expiry          string `json:"expiry,omitempty"`
	ExpiryEstimated bool   `json:"expiry_estimated,omitempty"`
}

// Partners are the enterprise's co-applicants, universities and institutes among them.
type Partners struct {
	CoApplicants []Partner `json:"co_applicants"`
	Academic     []Partner `json:"academic"` // universities and research institutes
	Basis        Basis     `json:"basis"`
}

// Partner is a co-applicant.
type Partner struct {
	Name     string `json:"name"`
	Display  string `json:"display"`
	Kind     string `json:"kind"`
	Country  string `json:"country,omitempty"`
	Families int    `json:"families"` // shared families
}

// InventorDependency measures how far the portfolio rests on a few inventors.
type InventorDependency struct {
	Inventors     int           `json:"inventors"`      // distinct inventors on its families
	WithInventors int           `json:"with_inventors"` // its families that name inventors
	Top           []InventorRow `json:"top"`
	TopK          int           `json:"top_k"`
	// TopShare: share of its families (with inventors) that name at least one of its TopK inventors.
	TopShare *float64 `json:"top_share"`
	Level    string   `json:"level"` // high (> 50 %), moderate (25–50 %), low (< 25 %)
	Basis    Basis    `json:"basis"`
}

// InventorRow is one inventor of the enterprise.
type InventorRow struct {
	Name     string  `json:"name"`
	Families int     `json:"families"`
	Share    float64 `json:"share"` // of its families with inventors
}

// Expiry lists the enterprise's expiring and lapsed families.
type Expiry struct {
	Horizon       string      `json:"horizon"` // cut-off + expiring_months
	Months        int         `json:"months"`
	ExpiringCount int         `json:"expiring_count"`
	Expiring      []PatentRef `json:"expiring"`
	LapsedCount   int         `json:"lapsed_count"`
	Lapsed        []PatentRef `json:"lapsed"`
	Basis         Basis       `json:"basis"`
}

// Benchmark puts the enterprise and its competitors side by side on the same measures.
type Benchmark struct {
	Rows []BenchRow `json:"rows"` // the enterprise first, then its competitors
	// Branches are the leaf branches (columns of Matrix); Matrix[i][j] = row i's fractional
	// families in branch j.
	Branches []string    `json:"branches"`
	Matrix   [][]float64 `json:"matrix"`
	Basis    Basis       `json:"basis"`
}

// BenchRow is one entity's measures.
type BenchRow struct {
	Key            string   `json:"key"`
	Name           string   `json:"name"`
	Self           bool     `json:"self,omitempty"`
	Families       float64  `json:"families"`
	Whole          int      `json:"whole"`
	Share          float64  `json:"share"`
	CAGR           *float64 `json:"cagr"`
	Momentum       *float64 `json:"momentum"`
	InventionShare *float64 `json:"invention_share"`
	GrantedShare   *float64 `json:"granted_share"`
	AliveShare     *float64 `json:"alive_share"`
	MeanOffices    *float64 `json:"mean_offices"`
	Offices        int      `json:"offices"` // distinct offices
	QualityMean    *float64 `json:"quality_mean"`
	TopDecileShare *float64 `json:"top_decile_share"`
	Core           int      `json:"core"`
	TopInventor    *float64 `json:"top_inventor_share"`
	TopBranch      string   `json:"top_branch"`
}

// CitationFlows counts who cites whom among the enterprise and its competitors: citing family →
// cited family pairs, both in scope, citations resolved through citations.cited_doc =
// patents.doc_number.
type CitationFlows struct {
	Available bool   `json:"available"`
	Flows     []Flow `json:"flows"`
	Basis     Basis  `json:"basis"`
}

// Flow is the number of distinct (citing family, cited family) pairs from one entity to another.
type Flow struct {
	From     string `json:"from"`
	FromName string `json:"from_name"`
	To       string `json:"to"`
	ToName   string `json:"to_name"`
	Pairs    int    `json:"pairs"`
}

// Layout holds the layout gaps, strengths and uncontested growth areas of the enterprise.
type Layout struct {
	Gaps      []Gap      `json:"gaps"`
	Strengths []Strength `json:"strengths"`
	// Reserve are growing branches where neither the enterprise nor its competitors are strong.
	Reserve []Gap `json:"reserve"`
	// ClusterGaps are gaps among technology clusters, when the caller provided cluster assignments.
	ClusterGaps []Gap `json:"cluster_gaps,omitempty"`
	Rule        Note  `json:"rule"` // NoteLayoutRule with its thresholds
	Basis       Basis `json:"basis"`
}

// Gap is a branch (or cluster) where the industry and the competitors file and grow while the
// enterprise is absent or weak. Score = Growth × CompetitorStrength × Distance.
type Gap struct {
	Dimension string      `json:"dimension"` // "branch" or "cluster"
	ID        string      `json:"id"`
	Name      config.Text `json:"name"`
	Score     float64     `json:"score"`
	// Growth: industry momentum (recent + 1) / (previous + 1).
	Growth float64 `json:"growth"`
	// CompetitorStrength: the competitors' share of the branch's recent families.
	CompetitorStrength float64 `json:"competitor_strength"`
	// Distance: 1 − min(RTA, 1) of the enterprise in the branch (1 = absent).
	Distance         float64    `json:"distance"`
	Families         float64    `json:"families"`
	RTA              *float64   `json:"rta"`
	IndustryRecent   float64    `json:"industry_recent"`
	IndustryPrevious float64    `json:"industry_previous"`
	CompetitorRecent float64    `json:"competitor_recent"`
	Lead             string     `json:"lead,omitempty"` // the strongest competitor in the branch (recent families)
	LeadKey          string     `json:"lead_key,omitempty"`
	LeadFamilies     float64    `json:"lead_families,omitempty"`
	Evidence         []Evidence `json:"evidence"`
}

// Strength is a branch where the enterprise is specialised (RTA ≥ 1.2).
type Strength struct {
	ID          string      `json:"id"`
	Name        config.Text `json:"name"`
	Families    float64     `json:"families"`
	RTA         float64     `json:"rta"`
	BranchShare float64     `json:"branch_share"`
	Control     *float64    `json:"control"`
	Evidence    []Evidence  `json:"evidence"`
}

// Evidence is one number (or name) behind a finding. Key names the measure (see the package
// documentation); Unit says how to read Value: "share", "ratio", "families", "index", "count".
type Evidence struct {
	Key   string   `json:"key"`
	Value *float64 `json:"value,omitempty"`
	Unit  string   `json:"unit,omitempty"`
	Text  string   `json:"text,omitempty"`
	// Entity is the entity key when Text names an entity (lead_competitor), so that a report can
	// name it in its language.
	Entity string `json:"entity,omitempty"`
	// Notes are typed reasons (the macro hotspot's), worded by the reports.
	Notes []landscape.Note `json:"notes,omitempty"`
}

// WatchList is the enterprise's freedom-to-operate watch list.
type WatchList struct {
	CoreBranches []string `json:"core_branches"`
	// Threshold is the quality score at the Percentile of all scored families; candidates score at
	// least that much.
	Threshold  *float64    `json:"threshold"`
	Percentile float64     `json:"percentile"`
	Candidates int         `json:"candidates"` // before truncation to the list length
	Items      []WatchItem `json:"items"`
	Basis      Basis       `json:"basis"`
}

// WatchItem is one family on the watch list and why it is listed.
type WatchItem struct {
	Rank int `json:"rank"`
	PatentRef
	Overlap       []string `json:"overlap"`              // its core branches the family falls in
	Competitor    string   `json:"competitor,omitempty"` // the competitor holding it, if any
	CompetitorKey string   `json:"competitor_key,omitempty"`
	// Why are the reasons it is listed (NoteWatch*): its status, its quality against the
	// threshold, the core branches it falls in and who holds it.
	Why []Note `json:"why"`
}

// Recommendation is one layout recommendation, traceable to the numbers above through Evidence.
type Recommendation struct {
	// Kind: offensive (进攻型), defensive (防御型), reserve (储备型), partner or license.
	Kind     string      `json:"kind"`
	Branch   string      `json:"branch,omitempty"`
	Target   string      `json:"target"`
	Why      Note        `json:"why"` // a NoteRec* code with the numbers it cites
	Evidence []Evidence  `json:"evidence"`
	Name     config.Text `json:"name"` // the branch's name, when Branch is set
}

// ClusterLabel names a technology cluster supplied by the caller.
type ClusterLabel struct {
	ID    string      `json:"id"`
	Label config.Text `json:"label"`
}
