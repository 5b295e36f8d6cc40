package lake

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
)

// ErrNotFound is returned when a forget names no committed input or ingest.
var ErrNotFound = errors.New("not in the lake")

// Forgotten records, in the manifest, inputs whose contribution a later transaction removed.
type Forgotten struct {
	By     string    `json:"by"`     // the transaction that removed them
	Ingest string    `json:"ingest"` // the ingest that had read them
	Inputs []Input   `json:"inputs"` // as they were listed
	Reason string    `json:"reason"`
	At     time.Time `json:"at"`
}

// ForgetStats says what a forget removes.
type ForgetStats struct {
	Inputs       []Input
	Publications int // patents rows removed
	// Elsewhere counts removed publications that later inputs also held: those were recorded
	// only in provenance (the publication was already stored), so they leave the patents table
	// too. Re-ingest those inputs with --force to store them again.
	Elsewhere int
}

// forgetting is the part of a transaction that removes earlier inputs' contributions. An ingest
// all of whose inputs are forgotten loses its part files; one that read other inputs too gets
// its part files rewritten without the forgotten inputs' rows (staged like new parts).
type forgetting struct {
	drop      map[string]bool            // ingest → its parts leave the manifest
	rewritten map[string]map[string]Part // ingest → part's file → its replacement (File: staged path)
	inputs    map[string]bool            // ingest+"\x00"+sha of the inputs removed from the manifest
	log       []Forgotten
}

// FindInputs returns the committed inputs a forget target names: an ingest id (every input it
// read), or a file, by path, base name or SHA-256 (hex) of its content.
func (l *Lake) FindInputs(target string) ([]Input, error) {
	var out []Input
	isID := target != "" && strings.Trim(target, "0123456789") == ""
	for _, in := range l.m.Inputs {
		if isID && strings.TrimLeft(in.Ingest, "0") == strings.TrimLeft(target, "0") {
			out = append(out, in)
		}
	}
	if len(out) > 0 {
		return out, nil
	}
	abs, _ := filepath.Abs(target)
	sum := ""
	if fi, err := os.Stat(target); err == nil && !fi.IsDir() {
		sum, _, _ = FileSHA256(target)
	}
	for _, in := range l.m.Inputs {
		inAbs, _ := filepath.Abs(in.Path)
		if in.SHA256 == target || in.SHA256 == sum || in.Path == target || inAbs == abs || in.Name == target {
			out = append(out, in)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%q: %w (name an ingest id, or an input by path, file name or SHA-256; see 'patnav lake info')", target, ErrNotFound)
	}
	return out, nil
}

// Forget removes the contribution of the given committed inputs as part of this transaction:
// nothing changes until Commit, which publishes the removal and whatever else the transaction
// wrote in one manifest replacement. Rows are matched to an input by its file name (the rows'
// source_file); child rows (parties, classifications, citations, priorities, legal events,
// family links) go with their publication.
func (tx *Txn) Forget(inputs []Input, reason string) (ForgetStats, error) {
	var st ForgetStats
	if tx.forget == nil {
		tx.forget = &forgetting{drop: map[string]bool{}, rewritten: map[string]map[string]Part{}, inputs: map[string]bool{}}
	}
	byIngest := map[string][]Input{}
	for _, in := range inputs {
		if tx.forget.inputs[in.Ingest+"\x00"+in.SHA256] {
			continue
		}
		tx.forget.inputs[in.Ingest+"\x00"+in.SHA256] = true
		byIngest[in.Ingest] = append(byIngest[in.Ingest], in)
		st.Inputs = append(st.Inputs, in)
	}
	ids := make([]string, 0, len(byIngest))
	for id := range byIngest {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	removed := map[string]bool{} // publications removed from patents
	for _, id := range ids {
		forgotten := byIngest[id]
		all := true
		for _, in := range tx.l.m.Inputs {
			if in.Ingest == id && !tx.forget.inputs[in.Ingest+"\x00"+in.SHA256] {
				all = false
			}
		}
		tx.forget.drop[id] = true
		tx.forget.log = append(tx.forget.log, Forgotten{By: tx.ID, Ingest: id, Inputs: forgotten, Reason: reason,
			At: time.Now().UTC().Truncate(time.Second)})
		if all {
			for _, p := range tx.l.m.Tables[TPatents] {
				if p.Ingest == id {
					if err := readStringColumn(filepath.Join(tx.l.Dir, p.File), "pub_number", func(s string) { removed[s] = true }); err != nil {
						return st, err
					}
				}
			}
			continue
		}
		if err := tx.rewriteIngest(id, forgotten, removed); err != nil {
			return st, err
		}
	}
	st.Publications = len(removed)
	// Publications that inputs outside the forgotten ones also held, recorded in provenance only.
	for _, p := range tx.l.m.Tables[TProvenance] {
		if tx.forget.drop[p.Ingest] && tx.forget.rewritten[p.Ingest] == nil {
			continue
		}
		err := readStringColumn(filepath.Join(tx.l.Dir, p.File), "pub_number", func(s string) {
			if removed[s] {
				st.Elsewhere++
				delete(removed, s)
			}
		})
		if err != nil {
			return st, err
		}
	}
	return st, nil
}

// rewriteIngest stages the parts of ingest id without the rows of the forgotten inputs, adding
// the publications it removes to removed.
func (tx *Txn) rewriteIngest(id string, forgotten []Input, removed map[string]bool) error {
	files := map[string]bool{}
	accepted := 0
	for _, in := range forgotten {
		files[in.Name] = true
		accepted += in.Accepted - in.Duplicates - in.Declarations
	}
	mine := map[string]bool{} // publications of the forgotten inputs in this ingest
	parts := map[string]Part{}
	used := map[string]bool{}
	// Each part of the ingest is rewritten on its own, into a part of the same folder (an
	// ingest by year keeps its years).
	each := func(table string, rw func(src []string, dst string) (int64, error)) error {
		for _, p := range tx.l.m.Tables[table] {
			if p.Ingest != id {
				continue
			}
			dst := filepath.Join(tx.staging, "rewrite", id, filepath.Dir(p.File), "part-"+id+"-"+tx.ID+".parquet")
			for k := 2; used[dst]; k++ { // two parts of the ingest in one folder (none is written so)
				dst = filepath.Join(tx.staging, "rewrite", id, filepath.Dir(p.File), fmt.Sprintf("part-%s-%s-%d.parquet", id, tx.ID, k))
			}
			used[dst] = true
			n, err := rw([]string{filepath.Join(tx.l.Dir, p.File)}, dst)
			if err != nil {
				return err
			}
			parts[p.File] = Part{File: dst, Rows: n, Ingest: id, Partition: p.Partition}
		}
		return nil
	}
	err := each(TPatents, func(s []string, d string) (int64, error) {
		return rewrite(s, d, func(r *PatentRow) bool {
			if files[r.SourceFile] {
				mine[r.PubNumber] = true
				return false
			}
			return true
		})
	})
	if err != nil {
		return err
	}
	if len(mine) == 0 && accepted > 0 {
		return fmt.Errorf("ingest %s: the rows of %s cannot be told apart from the other inputs it read; forget the whole ingest (patnav lake forget %s) and ingest the others again",
			id, forgotten[0].Name, id)
	}
	for k := range mine {
		removed[k] = true
	}
	byPub := func(pub string) bool { return !mine[pub] }
	for table, rw := range map[string]func(src []string, dst string) (int64, error){
		TParties: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *PartyRow) bool { return byPub(r.PubNumber) })
		},
		TClassifications: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *ClassRow) bool { return byPub(r.PubNumber) })
		},
		TCitations: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *CitationRow) bool { return byPub(r.Citing) })
		},
		TPriorities: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *PriorityRow) bool { return byPub(r.PubNumber) })
		},
		TLegalEvents: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *LegalEventRow) bool { return byPub(r.PubNumber) })
		},
		TFamilyLinks: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *FamilyLinkRow) bool { return byPub(r.PubNumber) })
		},
		TProvenance: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *ProvenanceRow) bool { return !files[r.SourceFile] })
		},
		TQuarantine: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *QuarantineRow) bool { return !files[r.File] })
		},
		TObservations: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *ObservationRow) bool { return !files[r.SourceFile] && byPub(r.PubNumber) })
		},
		TStandards: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *StandardRow) bool { return !files[r.SourceFile] })
		},
		TEnrichments: func(s []string, d string) (int64, error) {
			return rewrite(s, d, func(r *EnrichmentRow) bool { return !files[r.SourceFile] && byPub(r.PubNumber) })
		},
	} {
		if err := each(table, rw); err != nil {
			return err
		}
	}
	tx.forget.rewritten[id] = parts
	return nil
}

// rewrite copies the rows of the src part files that keep accepts into a new part file dst,
// streaming in chunks (memory stays bounded by a row group whatever the part size).
func rewrite[T any](src []string, dst string, keep func(*T) bool) (int64, error) {
	t, err := newTable[T](dst)
	if err != nil {
		return 0, err
	}
	for _, path := range src {
		if err := eachRow(path, func(rows []T) error {
			var out []T
			for i := range rows {
				if keep(&rows[i]) {
					out = append(out, rows[i])
				}
			}
			return t.write(out, nil)
		}); err != nil {
			t.close()
			return 0, err
		}
	}
	if err := t.close(); err != nil {
		return 0, err
	}
	return t.rows(), nil
}

// eachRow reads the rows of a part file in chunks.
func eachRow[T any](path string, fn func([]T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := parquet.NewGenericReader[T](f)
	defer r.Close()
	for {
		buf := make([]T, 1024)
		n, err := r.Read(buf)
		if n > 0 {
			if ferr := fn(buf[:n]); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
}

// EachPubFamily calls fn with every publication number and family id the lake will hold once the
// transaction commits, as far as earlier ingests go: the committed ones minus what Forget removes.
func (tx *Txn) EachPubFamily(fn func(pub, family string)) error {
	for _, p := range tx.l.m.Tables[TPatents] {
		path := filepath.Join(tx.l.Dir, p.File)
		if tx.forget != nil && tx.forget.drop[p.Ingest] {
			r, ok := tx.forget.rewritten[p.Ingest][p.File]
			if !ok {
				continue
			}
			path = r.File
		}
		if err := eachPubFamily(path, fn); err != nil {
			return err
		}
	}
	return nil
}

// applyForget returns the manifest m with the forgotten ingests' parts dropped or replaced by
// their rewritten parts (moved into the lake), and the forgotten inputs removed.
func (tx *Txn) applyForget(m Manifest) (Manifest, error) {
	fg := tx.forget
	if fg == nil {
		return m, nil
	}
	for _, name := range ReadTables {
		if _, ok := m.Tables[name]; !ok {
			continue // e.g. the legacy enrichments of a lake that never had them
		}
		var parts []Part
		for _, p := range m.Tables[name] {
			if !fg.drop[p.Ingest] {
				parts = append(parts, p)
				continue
			}
			r, ok := fg.rewritten[p.Ingest][p.File]
			if !ok {
				continue
			}
			rel := filepath.Join(filepath.Dir(p.File), filepath.Base(r.File))
			if err := os.MkdirAll(filepath.Join(tx.l.Dir, filepath.Dir(rel)), 0o755); err != nil {
				return m, err
			}
			if err := os.Rename(r.File, filepath.Join(tx.l.Dir, rel)); err != nil {
				return m, err
			}
			parts = append(parts, Part{File: rel, Rows: r.Rows, Ingest: p.Ingest, Partition: p.Partition})
		}
		m.Tables[name] = parts
	}
	var inputs []Input
	for _, in := range m.Inputs {
		if !fg.inputs[in.Ingest+"\x00"+in.SHA256] {
			inputs = append(inputs, in)
		}
	}
	m.Inputs = inputs
	m.Forgotten = append(m.Forgotten, fg.log...)
	return m, nil
}
