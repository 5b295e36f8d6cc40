package analysis

import (
	"context"
	"strings"

	"github.com/patnav/patnav/analysis/seedscope"
	"github.com/patnav/patnav/internal/duck"
)

// OpenLake opens the lake without a navigation config: families are merged as in Open (the pat
// view over linked family ids and shared application numbers), but no scope tables exist. Seed
// scoping reads the whole lake through it. (A session opened with Open merges only the families
// of its scope; the others keep their stored ids.)
func OpenLake(ctx context.Context, dir string) (*Session, error) {
	db, err := duck.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	s := &Session{DB: db}
	if err := s.exec(ctx, "seed_all_pubs"); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.resolveFamilies(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := s.exec(ctx, "pat_view"); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// SeedDocs loads one seedscope.Doc per family of the whole lake with the query
// seed_family_docs (sql/seedscope): publication numbers, numbers without kind, the
// representative publication and its title, the distinct titles and abstracts joined by
// newlines, and the distinct IPC/CPC codes. Families come ordered by id.
func (s *Session) SeedDocs(ctx context.Context) ([]seedscope.Doc, error) {
	var docs []seedscope.Doc
	var b strings.Builder
	err := seedFamilyDocs.Each(ctx, s, func(r SeedDocRow) error {
		b.Reset()
		for _, part := range [][]string{r.Titles, r.Abstracts} {
			for _, t := range part {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(t)
			}
		}
		docs = append(docs, seedscope.Doc{ID: r.FamilyID, Pubs: r.Pubs, DocNumbers: r.Docs, Rep: r.Rep,
			RepTitle: r.RepTitle, Text: b.String(), Codes: r.Codes})
		return nil
	})
	return docs, err
}

// SeedCitations loads the citation links (citing family, cited family) that have one of the
// seed families at one end, with the query seed_family_citations.
func (s *Session) SeedCitations(ctx context.Context, seedFamilies []string) ([]seedscope.Link, error) {
	var out []seedscope.Link
	if seedFamilies == nil {
		seedFamilies = []string{}
	}
	err := seedFamilyCitations.Each(ctx, s, func(r CitationLinkRow) error {
		out = append(out, seedscope.Link{Citing: r.Citing, Cited: r.Cited})
		return nil
	}, seedFamilies)
	return out, err
}

// ScopeFamilyIDs returns the families in the configured scope (a session opened with Open).
func (s *Session) ScopeFamilyIDs(ctx context.Context) ([]string, error) {
	out := []string{}
	err := seedScopeFamilies.Each(ctx, s, func(r FamilyIDRow) error {
		out = append(out, r.FamilyID)
		return nil
	})
	return out, err
}
