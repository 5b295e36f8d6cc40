package analysis

import "context"

// Row types and queries of the macro industry navigation (sql/macro/macro.sql). Each query's
// columns are its row type's db tags; landscape reads fields, never positions.

// KeyNRow is a count (or fractional sum) under a key.
type KeyNRow struct {
	K string  `db:"k"`
	N float64 `db:"n"`
}

// ScopeCountsRow is the size of the scope: publications, families, families in no branch.
type ScopeCountsRow struct {
	Publications int `db:"pubs"`
	Families     int `db:"fams"`
	Untagged     int `db:"untagged"`
}

// BranchCountRow is the number of families in a branch.
type BranchCountRow struct {
	BranchID string `db:"branch_id"`
	N        int    `db:"n"`
}

// YearNRow is a count per priority year.
type YearNRow struct {
	Year int     `db:"py"`
	N    float64 `db:"n"`
}

// LifeCycleRow is one priority year of the life cycle: families and distinct applicants.
type LifeCycleRow struct {
	Year         int     `db:"py"`
	Applications float64 `db:"apps"`
	Applicants   float64 `db:"applicants"`
}

// BranchLifeCycleRow is LifeCycleRow per branch.
type BranchLifeCycleRow struct {
	BranchID     string  `db:"branch_id"`
	Year         int     `db:"py"`
	Applications float64 `db:"apps"`
	Applicants   float64 `db:"applicants"`
}

// BranchYearNRow is a branch's families in one priority year.
type BranchYearNRow struct {
	BranchID string  `db:"branch_id"`
	Year     int     `db:"py"`
	N        float64 `db:"n"`
}

// GeoCellRow is the families of one source country with a member at one office.
type GeoCellRow struct {
	Source string  `db:"src"`
	Office string  `db:"office"`
	N      float64 `db:"n"`
}

// GeoPCTRow is the families with a WO member, of all.
type GeoPCTRow struct {
	PCT         float64 `db:"pct"`
	N           float64 `db:"n"`
	WithMembers int     `db:"with_members"`
}

// ApplicantRow is one applicant's totals over the window.
type ApplicantRow struct {
	Name      string  `db:"name"`
	Kind      string  `db:"kind"`
	Country   string  `db:"country"`
	Province  string  `db:"province"`
	Families  float64 `db:"fam_frac"` // fractional
	Whole     int     `db:"whole"`
	Granted   int     `db:"granted"`
	Alive     int     `db:"alive"`
	Citations int     `db:"cites"`
	FirstYear int     `db:"first_year"`
	LastYear  int     `db:"last_year"`
}

// VariantRow is a raw spelling of a normalised applicant name and how often it occurs.
type VariantRow struct {
	Name    string `db:"name"`
	NameRaw string `db:"name_raw"`
	N       int    `db:"n"`
}

// NameKeyNRow is a count under a key for one named applicant or inventor.
type NameKeyNRow struct {
	Name string  `db:"name"`
	K    string  `db:"k"`
	N    float64 `db:"n"`
}

// YearConcentrationRow is the applicant concentration of one priority year.
type YearConcentrationRow struct {
	Year       int     `db:"py"`
	HHI        float64 `db:"hhi"`
	CR4        float64 `db:"cr4"`
	CR8        float64 `db:"cr8"`
	Applicants int     `db:"napps"`
}

// BranchConcentrationRow is the applicant concentration of one branch with its top applicants.
type BranchConcentrationRow struct {
	BranchID   string    `db:"branch_id"`
	HHI        float64   `db:"hhi"`
	CR4        float64   `db:"cr4"`
	CR8        float64   `db:"cr8"`
	Applicants int       `db:"napps"`
	TopNames   []string  `db:"top_names"`
	TopN       []float64 `db:"top_n"`
}

// SubclassYearRow is the families of one main IPC subclass in one priority year.
type SubclassYearRow struct {
	Subclass string  `db:"subclass"`
	Year     int     `db:"py"`
	N        float64 `db:"n"`
}

// CountryBranchRow is the families of one source country in one level-1 branch.
type CountryBranchRow struct {
	Country  string  `db:"country"`
	BranchID string  `db:"branch_id"`
	N        float64 `db:"n"`
}

// RegionBranchRow is a branch's families in the region and in the world.
type RegionBranchRow struct {
	BranchID string  `db:"branch_id"`
	Region   float64 `db:"region"`
	World    float64 `db:"world"`
}

// CountRow is a single count.
type CountRow struct {
	N int `db:"n"`
}

// InventorRow is an inventor's families and the source-reported forward citations of each.
type InventorRow struct {
	Name     string `db:"name"`
	Families int    `db:"fams"`
	Cites    []int  `db:"cites"`
}

// InventorApplicantRow is an applicant an inventor files for, with the number of families.
type InventorApplicantRow struct {
	Name      string `db:"name"`
	Applicant string `db:"applicant"`
	N         int    `db:"n"`
}

// TeamRow is a co-inventor pair, its families and the applicant it files for most.
type TeamRow struct {
	Inventor1 string `db:"i1"`
	Inventor2 string `db:"i2"`
	Families  int    `db:"n"`
	Applicant string `db:"applicant"`
}

// GrantRateRow is the decided invention families and the median pendency in years (NULL: none
// granted with a filing date).
type GrantRateRow struct {
	Granted  float64  `db:"granted"`
	Refused  float64  `db:"refused"`
	Pendency *float64 `db:"pendency"`
}

// OperationsRow is the families transferred, licensed, pledged and invalidated, and how many
// families carry operation facts at all.
type OperationsRow struct {
	Transferred float64 `db:"transferred"`
	Licensed    float64 `db:"licensed"`
	Pledged     float64 `db:"pledged"`
	Invalidated float64 `db:"invalidated"`
	Known       int     `db:"known"`
}

// CitationCoverageRow says which citation and claim data the scope carries.
type CitationCoverageRow struct {
	WithSource int `db:"with_src"`
	Internal   int `db:"internal"`
	WithClaims int `db:"with_claims"`
	N          int `db:"n"`
}

// QualityBaseRow is one family's raw quality indicators (NULL: the source does not give it).
type QualityBaseRow struct {
	FK          uint64   `db:"fk"` // the family's key, which fam_quality is keyed by
	FamilyID    string   `db:"family_id"`
	Year        int      `db:"py"`
	Subclass    string   `db:"subclass"`
	FwdInternal *float64 `db:"fwd_internal"`
	FwdSource   *float64 `db:"fwd_src"`
	FamilySize  float64  `db:"family_size"`
	Claims      *float64 `db:"claims"`
	Backward    *float64 `db:"backward"`
	GrantLag    *float64 `db:"grant_lag"`
	Scope       float64  `db:"scope"`
}

// QualityDetailRow is what a core patent's listing shows.
type QualityDetailRow struct {
	FamilyID       string `db:"family_id"`
	RepPub         string `db:"rep_pub"`
	Title          string `db:"title"`
	Status         string `db:"status"`
	FirstApplicant string `db:"first_applicant"`
}

// FamilyBranchesRow is the branches of one family.
type FamilyBranchesRow struct {
	FamilyID string   `db:"family_id"`
	Branches []string `db:"branches"`
}

// RegionRowsRow is the region, nation or world aggregates over the window.
type RegionRowsRow struct {
	Scope      string  `db:"scope"`
	Families   float64 `db:"fams"`
	Granted    float64 `db:"granted"`
	Inventions float64 `db:"inventions"`
	Alive      float64 `db:"alive"`
	Operated   float64 `db:"operated"`
	Offices    float64 `db:"offices"`
}

// RegionApplicantsRow is the applicants of the region, nation or world.
type RegionApplicantsRow struct {
	Scope       string  `db:"scope"`
	Applicants  float64 `db:"applicants"`
	Enterprises float64 `db:"enterprises"`
	Academia    float64 `db:"academia"`
}

// RegionInventorsRow is the inventors of the region, nation or world.
type RegionInventorsRow struct {
	Scope     string  `db:"scope"`
	Inventors float64 `db:"inventors"`
}

// RegionYearRow is one priority year's families of the region, nation and world.
type RegionYearRow struct {
	Year          int     `db:"py"`
	Region        float64 `db:"region"`
	Nation        float64 `db:"nation"`
	World         float64 `db:"world"`
	RegionGranted int     `db:"region_granted"`
}

// RegionYearPeopleRow is one priority year's applicants and inventors of the region.
type RegionYearPeopleRow struct {
	Year       int `db:"py"`
	Applicants int `db:"applicants"`
	Inventors  int `db:"inventors"`
}

// The macro navigation's queries.
var (
	ScopeBySource         = NewQuery[KeyNRow]("scope_by_source")
	ScopeByOffice         = NewQuery[KeyNRow]("scope_by_office")
	ScopeCounts           = NewQuery[ScopeCountsRow]("scope_counts")
	BranchCounts          = NewQuery[BranchCountRow]("branch_counts")
	Trend                 = NewQuery[YearNRow]("trend")
	TrendPub              = NewQuery[YearNRow]("trend_pub")
	LifeCycle             = NewQuery[LifeCycleRow]("life_cycle")
	BranchTrend           = NewQuery[BranchYearNRow]("branch_trend")
	BranchLifeCycle       = NewQuery[BranchLifeCycleRow]("branch_life_cycle")
	GeoMatrix             = NewQuery[GeoCellRow]("geo_matrix")
	GeoPCT                = NewQuery[GeoPCTRow]("geo_pct")
	GeoForeignIn          = NewQuery[KeyNRow]("geo_foreign_in")
	GeoProvinces          = NewQuery[KeyNRow]("geo_provinces")
	GeoCities             = NewQuery[KeyNRow]("geo_cities")
	ApplicantsTop         = NewQuery[ApplicantRow]("applicants_top")
	ApplicantVariants     = NewQuery[VariantRow]("applicant_variants")
	ApplicantBranches     = NewQuery[NameKeyNRow]("applicant_branches")
	ApplicantOffices      = NewQuery[NameKeyNRow]("applicant_offices")
	ApplicantCoApplicants = NewQuery[NameKeyNRow]("applicant_coapplicants")
	KindMix               = NewQuery[KeyNRow]("kind_mix")
	SubclassTrend         = NewQuery[SubclassYearRow]("subclass_trend")
	CountryBranch         = NewQuery[CountryBranchRow]("country_branch")
	CountryFamilies       = NewQuery[KeyNRow]("country_families")
	InventorsTop          = NewQuery[InventorRow]("inventors_top")
	InventorTotal         = NewQuery[CountRow]("inventor_total")
	InventorApplicants    = NewQuery[InventorApplicantRow]("inventor_applicants")
	InventorTeams         = NewQuery[TeamRow]("inventor_teams")
	LegalStatus           = NewQuery[KeyNRow]("legal_status")
	GrantRate             = NewQuery[GrantRateRow]("grant_rate")
	Operations            = NewQuery[OperationsRow]("operations")
	CitationCoverage      = NewQuery[CitationCoverageRow]("citation_coverage")
	QualityBase           = NewQuery[QualityBaseRow]("quality_base")
	QualityDetails        = NewQuery[QualityDetailRow]("quality_details")
	BranchConcentration   = NewQuery[BranchConcentrationRow]("branch_concentration")
	YearConcentration     = NewQuery[YearConcentrationRow]("year_concentration")
	FamilyBranchList      = NewQuery[FamilyBranchesRow]("family_branch_list")
	RegionCount           = NewQuery[CountRow]("region_count")
	RegionRows            = NewQuery[RegionRowsRow]("region_rows")
	RegionApplicants      = NewQuery[RegionApplicantsRow]("region_applicants")
	RegionInventors       = NewQuery[RegionInventorsRow]("region_inventors")
	RegionByYear          = NewQuery[RegionYearRow]("region_by_year")
	RegionByYearPeople    = NewQuery[RegionYearPeopleRow]("region_by_year_people")
	RegionBranch          = NewQuery[RegionBranchRow]("region_branch")
)

// PrepareInventors makes fam_inv (family_inventors), the distinct inventors of each family in
// scope, which inventors_top, inventor_applicants and inventor_teams read: each of them used to
// join the lake's parties to the publications in scope and group them itself.
func (s *Session) PrepareInventors(ctx context.Context) error {
	return s.exec(ctx, "family_inventors")
}

// PrepareQuality makes the tables quality_base reads, one step each (quality_members,
// quality_fwd, quality_size in macro.sql) so that each spills under DuckDB's memory cap: the
// members of the families of the window and the forward citations received within window years
// of the first publication. (The scope's subclasses, fam_subs, are made with the scope.)
func (s *Session) PrepareQuality(ctx context.Context, window int) error {
	steps := []struct {
		name string
		args []any
	}{
		{"quality_members", []any{s.From, s.To}},
		{"quality_fwd", []any{window}},
		{"quality_size", nil},
	}
	for _, st := range steps {
		if err := s.exec(ctx, st.name, st.args...); err != nil {
			return err
		}
	}
	return nil
}
