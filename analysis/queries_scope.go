package analysis

import "time"

// Row types and queries of the scope (sql/scope) and clustering (sql/cluster) steps.

// FamilyEdge is a pair of family ids that name the same family.
type FamilyEdge struct {
	A string `db:"a"`
	B string `db:"b"`
}

// FamilyIDRow is one family id.
type FamilyIDRow struct {
	FamilyID string `db:"family_id"`
}

// LastPublication is the latest first-publication date and the latest filing date of the
// families in scope (NULL: none).
type LastPublication struct {
	Last       *time.Time `db:"last_pub"`
	LastFiling *time.Time `db:"last_filing"`
}

// ClusterDocMetaRow is one family's metadata for clustering, by position (see ClusterDocSource).
type ClusterDocMetaRow struct {
	Pos       int    `db:"pos"` // 1-based rank of the family id: the rows come unordered
	FamilyID  string `db:"family_id"`
	Codes     string `db:"codes"` // space-separated, unsorted (split and sorted in Go)
	Subclass  string `db:"subclass"`
	Year      int    `db:"py"`
	Applicant string `db:"applicant"`
}

// ClusterDocTextRow is the texts of the family at position Pos (see ClusterDocSource).
type ClusterDocTextRow struct {
	Pos      int    `db:"pos"`
	Title    string `db:"title"`
	Abstract string `db:"abstract"`
	Claims   string `db:"claims"`
}

// ClusterDocCountRow is the number of documents cluster_docs yields (families in scope).
type ClusterDocCountRow struct {
	N int `db:"n"`
}

// DuckDBVersionRow is the embedded DuckDB's library version.
type DuckDBVersionRow struct {
	Version string `db:"library_version"`
}

var (
	duckdbVersion   = NewQuery[DuckDBVersionRow]("duckdb_version")
	familyEdges     = NewQuery[FamilyEdge]("family_edges")
	familiesOf      = NewQuery[FamilyIDRow]("families_of")
	lastPublication = NewQuery[LastPublication]("last_publication")
	clusterDocMeta  = NewQuery[ClusterDocMetaRow]("cluster_doc_meta")
	clusterDocs     = NewQuery[ClusterDocTextRow]("cluster_docs")
	clusterDocCount = NewQuery[ClusterDocCountRow]("cluster_doc_count")
)
