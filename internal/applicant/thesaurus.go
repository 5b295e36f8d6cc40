package applicant

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
)

// ErrThesaurus is wrapped by every error LoadThesaurus returns for bad file content.
var ErrThesaurus = errors.New("bad applicant thesaurus")

// ThesaurusError is a problem at one line of a thesaurus file.
type ThesaurusError struct {
	File string // path as given to LoadThesaurus
	Line int    // 1-based line number
	Msg  string
}

// Error formats the problem as "file:line: applicant thesaurus: msg".
func (e *ThesaurusError) Error() string {
	return fmt.Sprintf("%s:%d: applicant thesaurus: %s", e.File, e.Line, e.Msg)
}

// Unwrap returns ErrThesaurus.
func (e *ThesaurusError) Unwrap() error { return ErrThesaurus }

// Thesaurus merges applicant aliases into one grouping key. A nil *Thesaurus is valid and merges
// nothing. A Thesaurus is immutable after loading and safe for concurrent use.
type Thesaurus struct {
	keys map[string]string // Normalize(alias) → Normalize(canonical)
}

// LoadThesaurus reads a user thesaurus: a CSV file, UTF-8 with an optional BOM, whose first
// non-comment row is the header "alias,canonical" (case and surrounding spaces ignored) and whose
// other rows each map one alias to a canonical name. Lines starting with '#' are comments; blank
// lines are skipped. Both names are normalised with Normalize, so an alias covers every spelling
// with the same key.
//
// Chains are followed (A→B and B→C map A to C). It is an error, reported with the file and line,
// when a row does not have exactly two fields, a name is empty or normalises to nothing, an alias
// is mapped to two different canonical names, or the mappings form a cycle.
func LoadThesaurus(path string) (*Thesaurus, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return readThesaurus(f, path)
}

// readThesaurus parses a thesaurus from r; name is used in error messages.
func readThesaurus(r io.Reader, name string) (*Thesaurus, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	cr := csv.NewReader(bytes.NewReader(data))
	cr.Comment = '#'
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true

	t := &Thesaurus{keys: map[string]string{}}
	lineOf := map[string]int{}
	header := false
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			line := 0
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.Line
			}
			return nil, &ThesaurusError{name, line, err.Error()}
		}
		line, _ := cr.FieldPos(0)
		if !header {
			if len(rec) != 2 || !strings.EqualFold(strings.TrimSpace(rec[0]), "alias") ||
				!strings.EqualFold(strings.TrimSpace(rec[1]), "canonical") {
				return nil, &ThesaurusError{name, line, fmt.Sprintf("header must be \"alias,canonical\", got %q", strings.Join(rec, ","))}
			}
			header = true
			continue
		}
		if len(rec) != 2 {
			return nil, &ThesaurusError{name, line, fmt.Sprintf("want 2 fields (alias,canonical), got %d", len(rec))}
		}
		alias, canon := Normalize(rec[0]), Normalize(rec[1])
		if alias == "" || canon == "" {
			return nil, &ThesaurusError{name, line, "empty alias or canonical name"}
		}
		if alias == canon {
			continue
		}
		if prev, ok := t.keys[alias]; ok && prev != canon {
			return nil, &ThesaurusError{name, line, fmt.Sprintf("alias %q already maps to %q (line %d), not %q", alias, prev, lineOf[alias], canon)}
		}
		t.keys[alias] = canon
		lineOf[alias] = line
	}
	if !header {
		return nil, &ThesaurusError{name, 1, "missing header \"alias,canonical\""}
	}
	// Resolve chains so that Key is one lookup; detect cycles.
	// Aliases are visited in file order so that a cycle is always reported at the same line.
	order := make([]string, 0, len(t.keys))
	for alias := range t.keys {
		order = append(order, alias)
	}
	slices.SortFunc(order, func(a, b string) int { return lineOf[a] - lineOf[b] })
	resolved := make(map[string]string, len(t.keys))
	for _, alias := range order {
		k, steps := alias, 0
		for {
			next, ok := t.keys[k]
			if !ok {
				break
			}
			k = next
			steps++
			if steps > len(t.keys) {
				return nil, &ThesaurusError{name, lineOf[alias], fmt.Sprintf("alias %q is part of a cycle", alias)}
			}
		}
		resolved[alias] = k
	}
	t.keys = resolved
	return t, nil
}

// Key returns the grouping key of raw: Normalize(raw), replaced by its canonical key when the
// thesaurus lists it as an alias. On a nil *Thesaurus it is Normalize.
func (t *Thesaurus) Key(raw string) string {
	k := Normalize(raw)
	if t == nil {
		return k
	}
	if c, ok := t.keys[k]; ok {
		return c
	}
	return k
}

// PersonKey returns the grouping key of a person's name: NormalizePerson(raw), or the canonical
// key when the thesaurus lists that spelling as an alias.
func (t *Thesaurus) PersonKey(raw string) string {
	k := NormalizePerson(raw)
	if t == nil {
		return k
	}
	if c, ok := t.keys[k]; ok {
		return c
	}
	return k
}

// Len returns the number of aliases in the thesaurus (0 for nil).
func (t *Thesaurus) Len() int {
	if t == nil {
		return 0
	}
	return len(t.keys)
}
