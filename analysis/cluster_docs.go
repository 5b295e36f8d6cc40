package analysis

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/patnav/patnav/analysis/cluster"
)

// ClusterDocs loads one cluster.Doc per family in scope (table fam) for technology clustering,
// with the query cluster_docs (sql/cluster/cluster.sql): ID = family id; title, abstract and claims of the
// representative publication; Codes = the distinct IPC/CPC main groups of the family's in-scope
// publications; Subclass = the main IPC subclass; Year = the priority year (fam.py); Applicant =
// the first applicant (fam_app, lowest sequence number). Families come ordered by id (sorted by
// their Pos, which is then cleared).
func (s *Session) ClusterDocs(ctx context.Context) ([]cluster.Doc, error) {
	if err := s.PrepareClusterDocs(ctx); err != nil {
		return nil, err
	}
	docs := []cluster.Doc{}
	err := s.ClusterDocSource(ctx)(func(d cluster.Doc) bool {
		docs = append(docs, d)
		return true
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(docs, func(a, b cluster.Doc) int { return a.Pos - b.Pos })
	for i := range docs {
		docs[i].Pos = 0
	}
	return docs, nil
}

// errStop ends a scan whose consumer wants no more rows.
var errStop = errors.New("stop")

// ClusterDocSource is ClusterDocs as a cluster.Source: the documents stream from the query to the
// consumer (cluster.RunSource) as DuckDB produces them (Query.Feed: the driver would materialise
// the whole result first, every family's texts), so the families' texts are never all held in
// memory at once, in Go or in DuckDB. They come in no particular order, which varies from run to
// run, each with its position (cluster.Doc.Pos, the rank of its id). PrepareClusterDocs must
// have run.
func (s *Session) ClusterDocSource(ctx context.Context) cluster.Source {
	return func(yield func(cluster.Doc) bool) error {
		err := clusterDocs.Feed(ctx, s, func(r ClusterDocRow) error {
			codes := strings.Fields(r.Codes)
			slices.Sort(codes)
			if !yield(cluster.Doc{ID: r.FamilyID, Title: r.Title, Abstract: r.Abstract, Claims: r.Claims,
				Codes: codes, Subclass: r.Subclass, Year: r.Year, Applicant: r.Applicant, Pos: r.Pos}) {
				return errStop
			}
			return nil
		})
		if errors.Is(err, errStop) {
			err = nil
		}
		return err
	}
}

// ClusterDocCount is the number of documents ClusterDocSource yields.
func (s *Session) ClusterDocCount(ctx context.Context) (int, error) {
	r, err := clusterDocCount.One(ctx, s)
	return r.N, err
}

// PrepareClusterDocs makes the table ClusterDocSource reads beside the lake's texts (cl_group:
// clusterGroups), a grouping over every family in scope: before the read, whose join needs less
// of DuckDB's memory than this grouping does (landscape.StartMap lowers the cap for the read).
func (s *Session) PrepareClusterDocs(ctx context.Context) error { return s.clusterGroups(ctx) }

// clusterGroups makes cl_group, the classification side of cluster_docs (the query
// cluster_groups, over the IPC scheme first).
func (s *Session) clusterGroups(ctx context.Context) error {
	return s.exec(ctx, "cluster_groups", "ipc", "ipc")
}
