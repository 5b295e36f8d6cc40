package analysis

// Row types and queries of the enterprise navigations (sql/enterprise/enterprise.sql); the
// statements that build the ent_* tables run by name with Session.Exec.

// EntQStatsRow is the scored families, the core patents and the score at the bound quantile
// (NULL: nothing scored).
type EntQStatsRow struct {
	Scored    int      `db:"scored"`
	Core      int      `db:"core"`
	Threshold *float64 `db:"threshold"`
}

// EntityBranchNRow is an entity's (fractional) families in one branch.
type EntityBranchNRow struct {
	Entity   string  `db:"entity"`
	BranchID string  `db:"branch_id"`
	N        float64 `db:"n"`
}

// AutoCompetitorRow is a candidate competitor of an entity with its profile overlap.
type AutoCompetitorRow struct {
	Entity string  `db:"entity"`
	Name   string  `db:"name"`
	Score  float64 `db:"score"`
}

// IndustrySummaryRow is the industry's totals over the window.
type IndustrySummaryRow struct {
	Families      int      `db:"fams"`
	WithApplicant int      `db:"with_app"`
	Scored        int      `db:"scored"`
	QualityMean   *float64 `db:"qmean"`
	Offices       float64  `db:"offices"`
	Recent        float64  `db:"recent"`
	Previous      float64  `db:"previous"`
}

// IndustryDimRow is the industry's totals in one branch or cluster.
type IndustryDimRow struct {
	Dim           string  `db:"dim"`
	Key           string  `db:"key"`
	Families      float64 `db:"fams"`
	WithApplicant float64 `db:"with_app"`
	Recent        float64 `db:"recent"`
	Previous      float64 `db:"previous"`
	Core          int     `db:"core"`
}

// OfficeNRow is the families with a member at one office.
type OfficeNRow struct {
	Office string  `db:"office"`
	N      float64 `db:"n"`
}

// NameNRow is a (fractional) count per normalised name.
type NameNRow struct {
	Name string  `db:"name"`
	N    float64 `db:"n"`
}

// EntityNRow is a count per entity.
type EntityNRow struct {
	Entity string `db:"entity"`
	N      int    `db:"n"`
}

// EntSummaryRow is one entity's portfolio totals.
type EntSummaryRow struct {
	Entity      string   `db:"entity"`
	Families    float64  `db:"fam"` // fractional
	Whole       int      `db:"whole"`
	Inventions  int      `db:"inv"`
	Utility     int      `db:"um"`
	Other       int      `db:"other"`
	Granted     int      `db:"granted"`
	Alive       int      `db:"alive"`
	Pending     int      `db:"pending"`
	Lapsed      int      `db:"lapsed"`
	Unknown     int      `db:"unknown"`
	FirstYear   int      `db:"first_year"`
	LastYear    int      `db:"last_year"`
	Offices     float64  `db:"offices"`
	Scored      int      `db:"scored"`
	QualityMean *float64 `db:"qmean"`
	TopDecile   int      `db:"top_decile"`
	CoreWhole   int      `db:"core_whole"`
	CoreFrac    float64  `db:"core_frac"`
	Recent      float64  `db:"recent"`
	Previous    float64  `db:"previous"`
}

// EntYearRow is an entity's (fractional) families in one priority year.
type EntYearRow struct {
	Entity string  `db:"entity"`
	Year   int     `db:"py"`
	N      float64 `db:"n"`
}

// EntDimRow is an entity's families in one branch or cluster.
type EntDimRow struct {
	Entity   string  `db:"entity"`
	Dim      string  `db:"dim"`
	Key      string  `db:"key"`
	N        float64 `db:"n"`
	Recent   float64 `db:"recent"`
	Previous float64 `db:"previous"`
	Core     float64 `db:"core"`
}

// EntOfficeRow is an entity's families with a member at one office.
type EntOfficeRow struct {
	Entity string  `db:"entity"`
	Office string  `db:"office"`
	N      float64 `db:"n"`
}

// EntDecileRow is an entity's scored families in one quality decile (1 = best).
type EntDecileRow struct {
	Entity string `db:"entity"`
	Decile int    `db:"decile"`
	N      int    `db:"n"`
}

// EntInventorRow is one of an entity's top inventors, with the entity's inventor totals.
type EntInventorRow struct {
	Entity        string `db:"entity"`
	Name          string `db:"name"`
	N             int    `db:"n"`
	WithInventors int    `db:"with_inv"`
	Inventors     int    `db:"inventors"`
	ByTop         int    `db:"by_top"`
}

// EntCitationRow is the citing→cited family pairs between two entities.
type EntCitationRow struct {
	Citing string `db:"citing"`
	Cited  string `db:"cited"`
	N      int    `db:"n"`
}

// GapAcademicRow is a university or institute active in a gap branch of an entity.
type GapAcademicRow struct {
	Entity   string  `db:"entity"`
	BranchID string  `db:"branch_id"`
	Name     string  `db:"name"`
	Kind     string  `db:"kind"`
	N        float64 `db:"n"`
}

// WatchRow is a competitor family on an entity's watch list, the entity's core branches it
// overlaps and the length of the whole list.
type WatchRow struct {
	Entity   string   `db:"entity"`
	FamilyID string   `db:"family_id"`
	Overlap  []string `db:"overlap"`
	Count    int      `db:"cnt"`
}

// EntFamilyRow is a family listed for an entity.
type EntFamilyRow struct {
	Entity   string `db:"entity"`
	FamilyID string `db:"family_id"`
}

// EntExpiryRow is an expiring or lapsed family of an entity and how many there are.
type EntExpiryRow struct {
	Entity   string `db:"entity"`
	Kind     string `db:"kind"`
	FamilyID string `db:"family_id"`
	Count    int    `db:"cnt"`
}

// EntPartnerRow is a co-applicant of an entity with its ranks (overall and within its kind).
type EntPartnerRow struct {
	Entity   string `db:"entity"`
	Name     string `db:"name"`
	Kind     string `db:"kind"`
	Country  string `db:"country"`
	N        int    `db:"n"`
	RankAll  int    `db:"r_all"`
	RankKind int    `db:"r_kind"`
}

// FamilyDetailRow is what a listed family shows (NULL score: not scored; NULL cited_by_src: the
// source gives no forward citations; expiry as YYYY-MM-DD, "" when unknown).
type FamilyDetailRow struct {
	FamilyID   string   `db:"family_id"`
	RepPub     string   `db:"rep_pub"`
	Title      string   `db:"title"`
	Year       int      `db:"py"`
	Status     string   `db:"status"`
	Granted    bool     `db:"granted"`
	Score      *float64 `db:"score"`
	Decile     int      `db:"decile"`
	CitedBySrc *int     `db:"cited_by_src"`
	FamilySize int      `db:"family_size"`
	Holders    []string `db:"holders"`
	Branches   []string `db:"branches"`
	Expiry     string   `db:"expiry"`
	Estimated  bool     `db:"estimated"`
}

// DetailsFwdRow is the citing families of a listed family.
type DetailsFwdRow struct {
	CitedFamily string `db:"cited_fam"`
	N           int    `db:"n"`
}

// RawNameRow is a raw spelling of one of an entity's normalised names, with its publications.
type RawNameRow struct {
	Entity       string  `db:"entity"`
	Name         string  `db:"name"`
	NameRaw      string  `db:"name_raw"`
	Publications float64 `db:"pubs"`
}

// NameCountRow is a count per normalised name.
type NameCountRow struct {
	Name string `db:"name"`
	N    int    `db:"n"`
}

// The enterprise navigations' queries.
var (
	FamQualityExists = NewQuery[CountRow]("fam_quality_exists")
	WindowFamilies   = NewQuery[CountRow]("window_families")
	EntQStats        = NewQuery[EntQStatsRow]("ent_q_stats")
	EntProfile       = NewQuery[EntityBranchNRow]("ent_profile")
	AutoCompetitors  = NewQuery[AutoCompetitorRow]("auto_competitors")
	IndustrySummary  = NewQuery[IndustrySummaryRow]("industry_summary")
	IndustryDims     = NewQuery[IndustryDimRow]("industry_dims")
	IndustryOffices  = NewQuery[OfficeNRow]("industry_offices")
	ApplicantTotals  = NewQuery[NameNRow]("applicant_totals")
	EntSummary       = NewQuery[EntSummaryRow]("ent_summary")
	EntYears         = NewQuery[EntYearRow]("ent_years")
	EntDims          = NewQuery[EntDimRow]("ent_dims")
	EntOffices       = NewQuery[EntOfficeRow]("ent_offices")
	EntDeciles       = NewQuery[EntDecileRow]("ent_deciles")
	EntInventors     = NewQuery[EntInventorRow]("ent_inventors")
	DisplayNames     = NewQuery[VariantRow]("display_names")
	CitePairs        = NewQuery[CountRow]("cite_pairs")
	EntCitationsAny  = NewQuery[CountRow]("ent_citations_any")
	EntCitations     = NewQuery[EntCitationRow]("ent_citations")
	GapAcademics     = NewQuery[GapAcademicRow]("gap_academics")
	WatchList        = NewQuery[WatchRow]("watch_list")
	EntTopPatents    = NewQuery[EntFamilyRow]("ent_top_patents")
	EntExpiry        = NewQuery[EntExpiryRow]("ent_expiry")
	EntPartners      = NewQuery[EntPartnerRow]("ent_partners")
	FamilyDetails    = NewQuery[FamilyDetailRow]("family_details")
	DetailsFwd       = NewQuery[DetailsFwdRow]("details_fwd")
	KeyFamilies      = NewQuery[NameCountRow]("key_families")
	RawNames         = NewQuery[RawNameRow]("raw_names")
	EntityFamilies   = NewQuery[EntityNRow]("entity_families")
)
