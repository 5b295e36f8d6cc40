// Package value builds the patent value assessment (专利价值评估) and the operation list
// (专利运营) of a navigation: a documented value score per family in scope, its distribution per
// applicant and branch, the candidates for transfer or licensing (the region's alive,
// high-value patents held by universities and institutes in the branches where the region's
// enterprises have layout gaps), and the operation facts as trends, region vs industry.
//
// # The score
//
// Each factor's raw value is turned into a percentile rank (mid-rank: (below + equal/2) / n)
// among the families in scope that have it — forward citations within their priority-year
// cohort — and the score is Σ w_f · p_f / Σ w_f over the factors the family has (weights from
// config.Value, defaults in config.DefaultValue). The factors:
//
//	legal_status           alive 2, pending 1, lapsed 0 (unknown: missing)
//	remaining_term         years from the cut-off to expiry (stated, else filing + 20 years for
//	                       an invention, + 10 for a utility model); 0 once lapsed
//	family_breadth         offices in the family, + 1 with a WO (PCT) member
//	forward_citations      the source's forward-citation count, ranked within the cohort
//	claims                 claims count
//	operation              transfers + licences + pledges
//	litigation             litigation count
//	invalidation_survived  1 when invalidation facts are recorded and the family is alive
//
// A factor no family in scope has is not used (its Reason says so). A family is high-value when
// its score is above the (1 − high_value_share) quantile of the scores in scope (type 7,
// interpolated); strictly above, so that a score shared by most families (sparse data: every
// expired utility model ties) never makes them all high-value.
//
// # Alive
//
// A family is alive when its legal status says so; with no legal status, it is presumed alive
// (Presumed) while its expiry is after the cut-off.
package value

import "github.com/patnav/patnav/internal/config"

// Assessment is the value and operation model of one navigation.
type Assessment struct {
	Meta     Meta     `json:"meta"`
	Factors  []Factor `json:"factors"`
	Families int      `json:"families"`
	// Threshold is the score above which a family is high-value; HighValue how many are.
	Threshold   *float64       `json:"threshold"`
	HighValue   int            `json:"high_value"`
	Top         []FamilyValue  `json:"top"`
	ByApplicant []Distribution `json:"by_applicant"`
	ByBranch    []Distribution `json:"by_branch"`
	Operation   Operation      `json:"operation"`
	Trends      []Trend        `json:"trends"`
	TrendReason *Reason        `json:"trend_reason,omitempty"`
}

// Meta describes the run.
type Meta struct {
	Generated      string        `json:"generated"`
	Cutoff         string        `json:"cutoff"`
	Industry       config.Text   `json:"industry"`
	Region         config.Region `json:"region"`
	RegionLevel    string        `json:"region_level"` // "city", "province" or "country" (see effect)
	Languages      []string      `json:"languages"`
	HighValueShare float64       `json:"high_value_share"`
	MinFamilies    int           `json:"min_families"`
	PatnavVersion  string        `json:"patnav_version"`
}

// Factor is one factor of the score.
type Factor struct {
	ID     string  `json:"id"`
	Weight float64 `json:"weight"` // as configured
	Used   bool    `json:"used"`
	Known  int     `json:"known"` // families that have it
	Reason *Reason `json:"reason,omitempty"`
}

// FactorValue is one family's factor: the raw value and its percentile rank (nil: missing).
type FactorValue struct {
	ID   string   `json:"id"`
	Raw  *float64 `json:"raw"`
	Rank *float64 `json:"rank"`
}

// FamilyValue is one family's score with every factor shown.
type FamilyValue struct {
	FamilyID   string        `json:"family_id"`
	RepPub     string        `json:"rep_pub"`
	Title      string        `json:"title"`
	Applicants []string      `json:"applicants"`
	Year       int           `json:"year"`
	Status     string        `json:"status"`
	Alive      bool          `json:"alive"`
	Presumed   bool          `json:"presumed,omitempty"` // alive presumed from the term
	Region     bool          `json:"region"`
	Branches   []string      `json:"branches"`
	Score      float64       `json:"score"`
	HighValue  bool          `json:"high_value"`
	Factors    []FactorValue `json:"factors"`
}

// Distribution is the score distribution of an applicant's or a branch's families.
type Distribution struct {
	Key       string      `json:"key"`
	Name      config.Text `json:"name,omitempty"` // a branch's name
	N         int         `json:"n"`
	Mean      *float64    `json:"mean"`
	Median    *float64    `json:"median"`
	P90       *float64    `json:"p90"`
	HighValue int         `json:"high_value"`
	Reason    *Reason     `json:"reason,omitempty"`
}

// Operation is the operation list: candidates for transfer or licensing.
type Operation struct {
	// GapSource: "enterprises" (the enterprise navigations' ranked gaps) or "region" (the
	// region's enterprises taken together, when no enterprise navigation is configured).
	GapSource  string      `json:"gap_source"`
	Gaps       []Gap       `json:"gaps"`
	Candidates []Candidate `json:"candidates"`
	// The funnel: the region's families held by a university or institute, alive among them,
	// high-value among those, in a gap branch among those (= candidates).
	Academic  int     `json:"academic"`
	Alive     int     `json:"alive"`
	HighValue int     `json:"high_value"`
	Reason    *Reason `json:"reason,omitempty"`
}

// Gap is a ranked layout gap of an enterprise (or of the region's enterprises) in a branch.
type Gap struct {
	Enterprise     string      `json:"enterprise"` // enterprise id; "" for the region's enterprises
	EnterpriseName config.Text `json:"enterprise_name"`
	Branch         string      `json:"branch"`
	BranchName     config.Text `json:"branch_name"`
	Rank           int         `json:"rank"` // 1 = the widest gap
	Score          float64     `json:"score"`
	RTA            *float64    `json:"rta"`
}

// Candidate is a family to transfer or license, with the gaps it matches.
type Candidate struct {
	FamilyValue
	Holder     string `json:"holder"`      // the university or institute
	HolderKind string `json:"holder_kind"` // university / institute
	Matches    []Gap  `json:"matches"`
}

// Trend is one operation fact per year, region vs industry.
type Trend struct {
	Measure string       `json:"measure"` // transfers / licences / pledges
	Series  []TrendPoint `json:"series"`
}

// TrendPoint is one year of a trend.
type TrendPoint struct {
	Year     int `json:"year"`
	Region   int `json:"region"`
	Industry int `json:"industry"`
}

// Reason is a typed "not enough data" with its numbers.
type Reason struct {
	Code string `json:"code"`
	N    int    `json:"n"`
	Min  int    `json:"min,omitempty"`
}

// Reason codes.
const (
	NotEnoughData   = "not_enough_data"   // N families below Min
	NoFactorData    = "no_factor_data"    // no family in scope has the factor
	NoOperationData = "no_operation_data" // N families, none with operation facts and dates
	NoGaps          = "no_gaps"           // no layout gap found (N branches looked at)
	NoCandidates    = "no_candidates"     // N academic region families, none alive, high-value and in a gap
)

// Codes lists every reason code, for the reports catalogue's completeness test.
var Codes = []string{NotEnoughData, NoFactorData, NoOperationData, NoGaps, NoCandidates}
