package analysis

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/patnav/patnav/analysis/cluster"
)

// ClusterDocs loads one cluster.Doc per family in scope (table fam) for technology clustering
// (ClusterDocSource): ID = family id; title, abstract and claims of the representative
// publication; Codes = the distinct IPC/CPC main groups of the family's in-scope
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
//
// Three statements (sql/cluster/cluster.sql): cluster_doc_pos places every family (cl_pos),
// cluster_doc_meta reads the families' metadata (id, codes, subclass, year, first applicant)
// into a table by position, and cluster_docs streams the representatives' texts, each joined
// here with its metadata and handed on. The metadata are held meanwhile, an estimated 150 bytes
// a family (a 48-byte entry and the packed string: 1.4 GB at 10M families), and given up
// document by document, so that DuckDB joins the texts with one narrow table instead of
// spilling them through three wide ones (see cluster_docs). A family whose representative has
// no row in the lake's patents comes last, with empty texts, as the old single query's outer
// join gave it; a position without metadata is an error (no family is dropped unseen).
func (s *Session) ClusterDocSource(ctx context.Context) cluster.Source {
	return func(yield func(cluster.Doc) bool) (err error) {
		if err := s.exec(ctx, "cluster_doc_pos"); err != nil {
			return err
		}
		defer func() {
			if derr := s.exec(ctx, "cluster_doc_pos_drop"); err == nil {
				err = derr
			}
		}()
		n, err := s.ClusterDocCount(ctx)
		if err != nil {
			return err
		}
		m := newDocMetas(n)
		if err := clusterDocMeta.Feed(ctx, s, m.put); err != nil {
			return err
		}
		err = clusterDocs.Feed(ctx, s, func(r ClusterDocTextRow) error {
			d, err := m.take(r.Pos)
			if err != nil {
				return err
			}
			d.Title, d.Abstract, d.Claims = r.Title, r.Abstract, r.Claims
			if !yield(d) {
				return errStop
			}
			return nil
		})
		if err == nil {
			for pos := 1; pos <= n; pos++ {
				switch m[pos-1].state {
				case noMeta:
					return fmt.Errorf("cluster_doc_meta: no family at position %d of %d", pos, n)
				case metaOnly:
					d, _ := m.take(pos)
					if !yield(d) {
						return nil
					}
				}
			}
		}
		if errors.Is(err, errStop) {
			err = nil
		}
		return err
	}
}

// docMetas holds the documents' metadata by position (0-based) between ClusterDocSource's two
// reads: each family's id, codes, subclass and first applicant as one string (one allocation),
// with the lengths of the first three, in one entry per position (the text rows come in no
// order: an entry is one place in memory to fetch, not one in each of four arrays).
type docMetas []docMeta

type docMeta struct {
	packed string
	lens   [3]uint32
	year   int
	state  uint8 // noMeta, metaOnly, or textsGiven
}

const (
	noMeta = iota
	metaOnly
	textsGiven
)

func newDocMetas(n int) docMetas { return make(docMetas, n) }

// put stores one family's metadata (a cluster_doc_meta row).
func (m docMetas) put(r ClusterDocMetaRow) error {
	i := r.Pos - 1
	if i < 0 || i >= len(m) {
		return fmt.Errorf("cluster_doc_meta: position %d outside 1…%d", r.Pos, len(m))
	}
	e := &m[i]
	if e.state != noMeta {
		return fmt.Errorf("cluster_doc_meta: position %d given twice", r.Pos)
	}
	*e = docMeta{packed: r.FamilyID + r.Codes + r.Subclass + r.Applicant,
		lens: [3]uint32{uint32(len(r.FamilyID)), uint32(len(r.Codes)), uint32(len(r.Subclass))}, year: r.Year, state: metaOnly}
	return nil
}

// take returns the document at 1-based position pos without its texts, and gives up its
// metadata (the document's strings are parts of the packed one, which lives as long as they
// do). A second text row for the same position (a publication number twice in the lake's
// patents) is an error, as the repeated document was for the clustering.
func (m docMetas) take(pos int) (cluster.Doc, error) {
	i := pos - 1
	if i < 0 || i >= len(m) || m[i].state == noMeta {
		return cluster.Doc{}, fmt.Errorf("cluster_docs: texts for position %d, which has no family", pos)
	}
	e := &m[i]
	if e.state == textsGiven {
		return cluster.Doc{}, fmt.Errorf("cluster_docs: two texts for the family at position %d (its representative's publication number twice in the lake)", pos)
	}
	p, l := e.packed, e.lens
	e.packed, e.state = "", textsGiven
	a, b, c := int(l[0]), int(l[0]+l[1]), int(l[0]+l[1]+l[2])
	codes := strings.Fields(p[a:b])
	slices.Sort(codes)
	return cluster.Doc{ID: p[:a], Codes: codes, Subclass: p[b:c], Year: e.year, Applicant: p[c:], Pos: pos}, nil
}

// ClusterDocCount is the number of documents ClusterDocSource yields.
func (s *Session) ClusterDocCount(ctx context.Context) (int, error) {
	r, err := clusterDocCount.One(ctx, s)
	return r.N, err
}

// PrepareClusterDocs checks that the table ClusterDocSource reads beside the lake's texts
// (cl_group, cluster_groups: the families' codes and main subclass) was made, with the scope
// (Session.familyClasses): a session opened without the map (OpenOptions.NoMap, or the config's
// clustering.disabled) has no codes left to make it from, and its documents are refused rather
// than read without codes.
func (s *Session) PrepareClusterDocs(context.Context) error {
	if !s.clGroup {
		return errors.New("analysis cluster_groups: the session was opened without the map (no technology map: OpenOptions.NoMap or clustering.disabled), so the families' codes for its documents were not kept")
	}
	return nil
}
