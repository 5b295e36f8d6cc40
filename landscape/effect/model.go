package effect

import "github.com/patnav/patnav/internal/config"

// Tracking is one run's effect tracking: the region, the indicators and the revisions since the
// previous run.
type Tracking struct {
	Meta       Meta        `json:"meta"`
	Region     Region      `json:"region"`
	Indicators []Indicator `json:"indicators"`
	// Changes are the values that differ from the previous run's for the same indicator and
	// year (data added or revised): nil on the first run.
	Changes []Change `json:"changes"`
}

// Meta describes the run.
type Meta struct {
	RunID         string        `json:"run_id"` // the run time, RunIDLayout
	Generated     string        `json:"generated"`
	Cutoff        string        `json:"cutoff"`
	From          int           `json:"from"`          // first year computed
	To            int           `json:"to"`            // last year computed (the cut-off's)
	LastComplete  int           `json:"last_complete"` // last complete filing year
	Industry      config.Text   `json:"industry"`
	Config        config.Region `json:"region_config"`
	Languages     []string      `json:"languages"`
	Default       bool          `json:"default_set"` // no effect block: the default indicators
	MinBase       int           `json:"min_base"`
	Previous      string        `json:"previous_run,omitempty"`
	PatnavVersion string        `json:"patnav_version"`
}

// Region says how the region was matched and how big it is.
type Region struct {
	// Level is the narrowest level matched: "city", "province" or "country"; Wanted is the level
	// the config names.
	Level             string `json:"level"`
	Wanted            string `json:"wanted"`
	CountryApplicants int    `json:"country_applicants"` // applicant mentions of the region's country
	WithProvince      int    `json:"with_province"`
	WithCity          int    `json:"with_city"`
	Families          int    `json:"families"` // the region's families in scope
	Industry          int    `json:"industry"` // families in scope
}

// Indicator is one tracked indicator.
type Indicator struct {
	ID         string      `json:"id"`
	Name       config.Text `json:"name"` // empty: the measure's name from the report catalogue
	Measure    string      `json:"measure"`
	Branch     string      `json:"branch,omitempty"`
	BranchName config.Text `json:"branch_name,omitempty"`
	// Direction is the flow of a transfers, licences or pledges indicator (DirIn, DirOut,
	// DirWithin, DirUnknown); empty: the region's own families operated.
	Direction string `json:"direction,omitempty"`
	// Unit is "families", "share", "applicants", "operations" (transfers, licences or pledges
	// counted one by one) or "per_10k" (per 10,000 inhabitants); Basis is "filing_year",
	// "event_year" or "cutoff" (a stock at the cut-off).
	Unit   string  `json:"unit"`
	Basis  string  `json:"basis"`
	Series []Point `json:"series"`
	// Target, TargetYear as configured; Progress = the latest value / Target, with LatestYear
	// the last complete year that has a value.
	Target     *float64 `json:"target,omitempty"`
	TargetYear int      `json:"target_year,omitempty"`
	LatestYear int      `json:"latest_year,omitempty"`
	Latest     *float64 `json:"latest"`
	Progress   *float64 `json:"progress"`
	// Reason says why the whole indicator has no series.
	Reason *Reason `json:"reason,omitempty"`
}

// Point is one year: Value (nil with a Reason when not enough data), and its numerator and
// denominator (a share's base, the population of a per-10,000 measure; 0 for counts).
type Point struct {
	Year  int      `json:"year"`
	Value *float64 `json:"value"`
	Num   int      `json:"num"`
	Den   int      `json:"den,omitempty"`
	// Unknown is, for a flow in, out or within the region, the year's operations whose
	// direction is not known (counted in none of the three).
	Unknown    int     `json:"unknown,omitempty"`
	Incomplete bool    `json:"incomplete,omitempty"`
	Reason     *Reason `json:"reason,omitempty"`
}

// Reason is a typed "not enough data": a code and the numbers it rests on; the report
// catalogue words it.
type Reason struct {
	Code string `json:"code"`
	N    int    `json:"n"`              // what the data had
	Min  int    `json:"min,omitempty"`  // what the rule needs
	Year int    `json:"year,omitempty"` // the year a per-year value is missing for
}

// The reason codes.
const (
	NotEnoughData   = "not_enough_data"   // a share's base below min_base: N base, Min
	NoRegion        = "no_region"         // no family in scope has an applicant in the region (place data exists)
	NoPlaceData     = "no_place_data"     // N families in scope, no applicant with any place: the region cannot be told
	NoLegalStatus   = "no_legal_status"   // N region families, none with a legal status
	NoGrantData     = "no_grant_data"     // N region families, none with a grant date
	NoOperationData = "no_operation_data" // N region families, none with operation facts
	NoOperationDate = "no_operation_date" // N families with operation counts but no event dates
	NoAbroadData    = "no_abroad_data"    // N region families, all CN-only without priority data
	// NoOperationScope: N families in scope, none with an operation fact (no transfer, licence
	// or pledge event, no operation count).
	NoOperationScope = "no_operation_scope"
	// NoPartyPlaces: N operations in scope, none whose parties' places tell a direction.
	NoPartyPlaces = "no_party_places"
	// DirectionUnknown: the year's N operations all have an unknown direction.
	DirectionUnknown = "direction_unknown"
	// NoPopulation: the config gives no population of the region (region.population).
	NoPopulation = "no_population"
	// NoPopulationYear: the config gives no population for Year.
	NoPopulationYear = "no_population_year"
)

// Codes lists every reason code, for the reports catalogue's completeness test.
var Codes = []string{NotEnoughData, NoRegion, NoPlaceData, NoLegalStatus, NoGrantData, NoOperationData, NoOperationDate, NoAbroadData,
	NoOperationScope, NoPartyPlaces, DirectionUnknown, NoPopulation, NoPopulationYear}

// Change is a value that differs from the previous run's.
type Change struct {
	ID   string   `json:"id"`
	Year int      `json:"year"`
	Prev *float64 `json:"prev"`
	Now  *float64 `json:"now"`
}
