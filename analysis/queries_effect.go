package analysis

import "time"

// Row types and queries of the zone's effect tracking (sql/effect).

// EffectPlaceRow says how far the applicants of the region's country carry a place.
type EffectPlaceRow struct {
	CountryApps  int `db:"country_apps"`
	WithProvince int `db:"with_province"`
	WithCity     int `db:"with_city"`
	Placed       int `db:"placed"` // applicants of any country with any place
}

// EffectFilingRow is one filing year of the region (see the effect_filing_years query).
type EffectFilingRow struct {
	Year           int `db:"year"`
	Industry       int `db:"industry"`
	Families       int `db:"families"`
	Inventions     int `db:"inventions"`
	PCT            int `db:"pct"`
	CoApplications int `db:"co_applications"`
	Enterprises    int `db:"enterprises"`
	Universities   int `db:"universities"`
}

// EffectBranchRow is one branch and filing year: the branch's families and the region's.
type EffectBranchRow struct {
	Branch   string `db:"branch_id"`
	Year     int    `db:"year"`
	Industry int    `db:"industry"`
	Families int    `db:"families"`
}

// EffectEventRow counts the region's families with an event (grants, transfers, licences,
// pledges) in a calendar year.
type EffectEventRow struct {
	Measure string `db:"measure"`
	Year    int    `db:"year"`
	N       int    `db:"n"`
}

// EffectCoverageRow says what the lake records about the region's families.
type EffectCoverageRow struct {
	Families           int `db:"families"`
	WithStatus         int `db:"with_status"`
	WithGrant          int `db:"with_grant"`
	WithOperation      int `db:"with_operation"`
	WithOperationDates int `db:"with_operation_dates"`
	Transferred        int `db:"transferred"`
	TransferredDated   int `db:"transferred_dated"`
	Licensed           int `db:"licensed"`
	LicensedDated      int `db:"licensed_dated"`
	Pledged            int `db:"pledged"`
	PledgedDated       int `db:"pledged_dated"`
	WithAbroadInfo     int `db:"with_abroad_info"`
}

// EffectHighValueRow is the region's alive invention families at the cut-off and the
// high-value ones among them.
type EffectHighValueRow struct {
	Alive        int `db:"alive"`
	AliveGranted int `db:"alive_granted"`
	HighValue    int `db:"high_value"`
}

// EffectFlowEventRow is a legal event of a publication in scope that may record a transfer,
// licence or pledge.
type EffectFlowEventRow struct {
	Family string     `db:"family_id"`
	Pub    string     `db:"pub_number"`
	Date   *time.Time `db:"date"`
	Code   string     `db:"code"`
	Text   string     `db:"text"`
}

// EffectFlowFamilyRow is a family in scope with operation facts: counts and latest dates, its
// current owner and its first applicant (normalised name) and every applicant's name.
type EffectFlowFamilyRow struct {
	Family       string     `db:"family_id"`
	Transfers    int        `db:"transfers"`
	LastTransfer *time.Time `db:"last_transfer"`
	Licences     int        `db:"licences"`
	LastLicence  *time.Time `db:"last_licence"`
	Pledges      int        `db:"pledges"`
	LastPledge   *time.Time `db:"last_pledge"`
	Owner        string     `db:"owner"`
	FirstName    string     `db:"first_name"`
	Applicants   []string   `db:"applicants"`
}

// EffectPartyPlaceRow is an applicant name of the families in scope with one place the lake
// gives it, the number of families giving that place, and whether it is a region applicant.
type EffectPartyPlaceRow struct {
	Name     string `db:"name"`
	Country  string `db:"country"`
	Province string `db:"province"`
	City     string `db:"city"`
	N        int    `db:"n"`
	Region   bool   `db:"region"`
}

// The effect queries (run after EffectRegion created eff_app and eff_fam).
var (
	EffectPlaceCoverage = NewQuery[EffectPlaceRow]("effect_place_coverage")
	EffectFilingYears   = NewQuery[EffectFilingRow]("effect_filing_years")
	EffectBranchYears   = NewQuery[EffectBranchRow]("effect_branch_years")
	EffectEventYears    = NewQuery[EffectEventRow]("effect_event_years")
	EffectCoverage      = NewQuery[EffectCoverageRow]("effect_coverage")
	EffectHighValue     = NewQuery[EffectHighValueRow]("effect_high_value")
	EffectFlowEvents    = NewQuery[EffectFlowEventRow]("effect_flow_events")
	EffectFlowFamilies  = NewQuery[EffectFlowFamilyRow]("effect_flow_families")
	EffectPartyPlaces   = NewQuery[EffectPartyPlaceRow]("effect_party_places")
)
