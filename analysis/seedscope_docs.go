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
	return s, nil
}

// SeedDocs loads one seedscope.Doc per family of the whole lake with the query
// seed_family_docs (sql/seedscope.sql): publication numbers, numbers without kind, the
// representative publication and its title, the distinct titles and abstracts joined by
// newlines, and the distinct IPC/CPC codes. Families come ordered by id.
func (s *Session) SeedDocs(ctx context.Context) ([]seedscope.Doc, error) {
	var docs []seedscope.Doc
	var b strings.Builder
	err := s.Each(ctx, "seed_family_docs", func(r []any) error {
		b.Reset()
		for _, part := range [][]string{Strs(r[5]), Strs(r[6])} {
			for _, t := range part {
				if b.Len() > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(t)
			}
		}
		docs = append(docs, seedscope.Doc{
			ID:         Str(r[0]),
			Pubs:       Strs(r[1]),
			DocNumbers: Strs(r[2]),
			Rep:        Str(r[3]),
			RepTitle:   Str(r[4]),
			Text:       b.String(),
			Codes:      Strs(r[7]),
		})
		return nil
	})
	return docs, err
}

// SeedCitations loads the citation links between the lake's families (citing family, cited
// family) with the query seed_family_citations.
func (s *Session) SeedCitations(ctx context.Context) ([]seedscope.Link, error) {
	var out []seedscope.Link
	err := s.Each(ctx, "seed_family_citations", func(r []any) error {
		out = append(out, seedscope.Link{Citing: Str(r[0]), Cited: Str(r[1])})
		return nil
	})
	return out, err
}

// ScopeFamilyIDs returns the families in the configured scope (a session opened with Open).
func (s *Session) ScopeFamilyIDs(ctx context.Context) ([]string, error) {
	var out []string
	err := s.Each(ctx, "seed_scope_families", func(r []any) error {
		out = append(out, Str(r[0]))
		return nil
	})
	return out, err
}
