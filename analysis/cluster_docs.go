package analysis

import (
	"context"

	"github.com/patnav/patnav/analysis/cluster"
)

// ClusterDocs loads one cluster.Doc per family in scope (table fam) for technology clustering,
// with the query cluster_docs (sql/cluster/cluster.sql): ID = family id; title, abstract and claims of the
// representative publication; Codes = the distinct IPC/CPC main groups of the family's in-scope
// publications; Subclass = the main IPC subclass; Year = the priority year (fam.py); Applicant =
// the first applicant (fam_app, lowest sequence number). Families come ordered by id.
func (s *Session) ClusterDocs(ctx context.Context) ([]cluster.Doc, error) {
	docs := []cluster.Doc{}
	err := clusterDocs.Each(ctx, s, func(r ClusterDocRow) error {
		docs = append(docs, cluster.Doc{ID: r.FamilyID, Title: r.Title, Abstract: r.Abstract, Claims: r.Claims,
			Codes: r.Codes, Subclass: r.Subclass, Year: r.Year, Applicant: r.Applicant})
		return nil
	}, "ipc")
	if err != nil {
		return nil, err
	}
	return docs, nil
}
