package analysis

import "time"

// Row types and queries of the risk-warning bulletin (sql/warning/warning.sql).

// WarnFamilyRow is one family in scope as the warning indicators see it.
type WarnFamilyRow struct {
	FamilyID        string     `db:"family_id"`
	Year            int        `db:"py"`
	Country         string     `db:"country"`
	Invention       bool       `db:"invention"`
	Utility         bool       `db:"utility"`
	Granted         bool       `db:"granted"`
	Status          string     `db:"status"`
	OfficeInvention bool       `db:"office_invention"`
	Offices         []string   `db:"offices"`
	RepPub          string     `db:"rep_pub"`
	Title           string     `db:"title"`
	Expiry          *time.Time `db:"expiry"`
	ExpiryStated    bool       `db:"expiry_stated"`
}

// WarnApplicantRow is one applicant of a family with its fractional weight.
type WarnApplicantRow struct {
	FamilyID string  `db:"family_id"`
	Name     string  `db:"name"`
	Country  string  `db:"country"`
	Kind     string  `db:"kind"`
	W        float64 `db:"w"`
}

// FamilyBranchRow is a family in a branch.
type FamilyBranchRow struct {
	FamilyID string `db:"family_id"`
	BranchID string `db:"branch_id"`
}

// FamilyQualityRow is a family's quality index and its percentile in scope (NULL: not scored).
type FamilyQualityRow struct {
	FamilyID string   `db:"family_id"`
	Score    *float64 `db:"score"`
	Pct      *float64 `db:"pct"`
}

// FamilyOperationsRow is a family's operation and dispute facts (dates as YYYY-MM-DD, "" unknown).
type FamilyOperationsRow struct {
	FamilyID     string `db:"family_id"`
	Transfers    int    `db:"transfers"`
	Licences     int    `db:"licences"`
	Litigations  int    `db:"litigations"`
	Invalidated  bool   `db:"invalidated"`
	LastTransfer string `db:"last_transfer"`
	LastLicence  string `db:"last_licence"`
}

// OperationsCoverageRow counts the operation, litigation and invalidation facts in scope.
type OperationsCoverageRow struct {
	Operations   int `db:"operations"`
	Litigation   int `db:"litigation"`
	Invalidation int `db:"invalidation"`
}

// LegalEventRow is a legal event of a family in scope (date as YYYY-MM-DD, "" unknown).
type LegalEventRow struct {
	FamilyID    string `db:"family_id"`
	Date        string `db:"date"`
	Code        string `db:"code"`
	Description string `db:"description"`
}

// The risk-warning bulletin's queries.
var (
	WarnFamilies       = NewQuery[WarnFamilyRow]("families")
	WarnApplicants     = NewQuery[WarnApplicantRow]("applicants")
	WarnBranches       = NewQuery[FamilyBranchRow]("branches")
	WarnQuality        = NewQuery[FamilyQualityRow]("quality")
	FamilyOperations   = NewQuery[FamilyOperationsRow]("family_operations")
	OperationsCoverage = NewQuery[OperationsCoverageRow]("operations_coverage")
	HasTable           = NewQuery[CountRow]("has_table")
	LegalEvents        = NewQuery[LegalEventRow]("legal_events")
)
