package analysis

// Row types and queries of seed scoping (sql/seedscope).

// SeedDocRow is one family of the whole lake for seed scoping (see SeedDocs).
type SeedDocRow struct {
	FamilyID  string   `db:"family_id"`
	Pubs      []string `db:"pubs"`
	Docs      []string `db:"docs"`
	Rep       string   `db:"rep"`
	RepTitle  string   `db:"rep_title"`
	Titles    []string `db:"titles"`
	Abstracts []string `db:"abstracts"`
	Codes     []string `db:"codes"`
}

// CitationLinkRow is a citation between two families.
type CitationLinkRow struct {
	Citing string `db:"citing"`
	Cited  string `db:"cited"`
}

var (
	seedFamilyDocs      = NewQuery[SeedDocRow]("seed_family_docs")
	seedFamilyCitations = NewQuery[CitationLinkRow]("seed_family_citations")
	seedScopeFamilies   = NewQuery[FamilyIDRow]("seed_scope_families")
)
