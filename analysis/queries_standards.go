package analysis

import "time"

// Row types and queries of patents and standards (sql/standards). The statement
// standards_declared (std_fam: declared families in scope) runs first, after region_families.

// StandardsSummaryRow describes the declarations as a whole (see standards_summary).
type StandardsSummaryRow struct {
	Records        int `db:"records"`
	Rows           int `db:"rows"`
	Standards      int `db:"standards"`
	Blanket        int `db:"blanket"`
	Named          int `db:"named"`
	Matched        int `db:"matched"`
	Unmatched      int `db:"unmatched"`
	LakeFamilies   int `db:"lake_families"`
	ScopeFamilies  int `db:"scope_families"`
	ScopeStandards int `db:"scope_standards"`
}

// StandardRow is one standard's declared families in scope, the region's and its enterprises'.
type StandardRow struct {
	Standard          string     `db:"standard"`
	Body              string     `db:"body"`
	Families          int        `db:"families"`
	Region            int        `db:"region"`
	RegionEnterprises int        `db:"region_enterprises"`
	FirstDeclared     *time.Time `db:"first_declared"`
}

// StandardApplicantRow is one applicant's declared families in scope.
type StandardApplicantRow struct {
	Name      string `db:"name"`
	Families  int    `db:"families"`
	Standards int    `db:"standards"`
	Region    bool   `db:"region"`
	Kind      string `db:"kind"`
}

// StandardBranchRow is one branch's declared families in scope.
type StandardBranchRow struct {
	Branch    string `db:"branch_id"`
	Families  int    `db:"families"`
	Standards int    `db:"standards"`
}

// StandardFamilyRow is a declared family of a named applicant.
type StandardFamilyRow struct {
	Standard string `db:"standard"`
	FamilyID string `db:"family_id"`
	Name     string `db:"name"`
}

// DeclarationRow is one declaration of a publication in scope, with its family's applicants.
type DeclarationRow struct {
	Standard   string     `db:"standard"`
	Body       string     `db:"body"`
	Number     string     `db:"number"`
	Owner      string     `db:"owner"`
	Declared   *time.Time `db:"declared"`
	Commitment string     `db:"commitment"`
	FamilyID   string     `db:"family_id"`
	Applicants []string   `db:"applicants"`
}

// The standards queries.
var (
	StandardsRecords    = NewQuery[CountRow]("standards_records")
	StandardsSummary    = NewQuery[StandardsSummaryRow]("standards_summary")
	StandardsBy         = NewQuery[StandardRow]("standards_by_standard")
	StandardsApplicants = NewQuery[StandardApplicantRow]("standards_by_applicant")
	StandardsBranches   = NewQuery[StandardBranchRow]("standards_by_branch")
	StandardsFamiliesOf = NewQuery[StandardFamilyRow]("standards_applicant_families")
	StandardsDeclared   = NewQuery[DeclarationRow]("standards_declarations")
)

// NewDeclarationRow is a competitor's family declared to a standard by a declaration ingested
// after the previous run (see standards_new_declarations).
type NewDeclarationRow struct {
	Standard     string     `db:"standard"`
	Applicant    string     `db:"applicant"`
	Country      string     `db:"country"`
	FamilyID     string     `db:"family_id"`
	LastDeclared *time.Time `db:"last_declared"`
}

// StandardsNew lists the competitors' new declarations (bound: lake version, domestic country).
var StandardsNew = NewQuery[NewDeclarationRow]("standards_new_declarations")
