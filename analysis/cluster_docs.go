package analysis

import (
	"context"

	"github.com/patnav/patnav/analysis/cluster"
)

// ClusterDocs loads one cluster.Doc per family in scope (table fam) for technology clustering,
// with the query cluster_docs (sql/cluster.sql): ID = family id; title, abstract and claims of the
// representative publication; Codes = the distinct IPC/CPC main groups of the family's in-scope
// publications; Subclass = the main IPC subclass; Year = the priority year (fam.py); Applicant =
// the first applicant (fam_app, lowest sequence number). Families come ordered by id.
func (s *Session) ClusterDocs(ctx context.Context) ([]cluster.Doc, error) {
	res, err := s.Query(ctx, "cluster_docs", "ipc")
	if err != nil {
		return nil, err
	}
	docs := make([]cluster.Doc, 0, len(res.Rows))
	for _, r := range res.Rows {
		docs = append(docs, cluster.Doc{
			ID:        Str(r[0]),
			Title:     Str(r[1]),
			Abstract:  Str(r[2]),
			Claims:    Str(r[3]),
			Codes:     Strs(r[4]),
			Subclass:  Str(r[5]),
			Year:      Int(r[6]),
			Applicant: Str(r[7]),
		})
	}
	return docs, nil
}
