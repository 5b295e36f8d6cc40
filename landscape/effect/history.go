package effect

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/patnav/patnav/internal/atomicfile"
	"github.com/patnav/patnav/internal/config"
)

// HistoryDir is the folder of past runs' effect series: config.Effect.History, else
// effect-history beside the warnings history (<out>/effect-history by default).
func HistoryDir(cfg *config.Config) string {
	if cfg.Effect != nil && cfg.Effect.History != "" {
		return cfg.Effect.History
	}
	if cfg.Warnings.History != "" {
		return filepath.Join(filepath.Dir(cfg.Warnings.History), "effect-history")
	}
	return filepath.Join(cfg.Out, "effect-history")
}

var historyName = regexp.MustCompile(`^\d{8}T\d{6}\.\d{9}Z\.json$`)

// Marshal encodes t as indented JSON with a final newline (history files and effect.json).
func Marshal(t *Tracking) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(t); err != nil {
		return nil, fmt.Errorf("effect: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// Save writes t into the history folder as <run id>.json, atomically.
func Save(dir string, t *Tracking) error {
	if t == nil || !historyName.MatchString(t.Meta.RunID+".json") {
		return fmt.Errorf("effect: save: no run id of the form %s", RunIDLayout)
	}
	b, err := Marshal(t)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return atomicfile.WriteBytes(filepath.Join(dir, t.Meta.RunID+".json"), b)
}

// LoadPrevious reads the latest run in the history folder; nil (no error) when there is none.
func LoadPrevious(dir string) (*Tracking, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range ents {
		if !e.IsDir() && historyName.MatchString(e.Name()) {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		return nil, nil
	}
	sort.Strings(names)
	p := filepath.Join(dir, names[len(names)-1])
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	var t Tracking
	if err := json.Unmarshal(b, &t); err != nil {
		return nil, fmt.Errorf("effect: history %s: %w", p, err)
	}
	return &t, nil
}

// Diff records in t every value that differs from prev's for the same indicator id and year (a
// value appearing, disappearing or changing), ordered by indicator then year. prev nil: the
// first run, no changes.
func Diff(prev, t *Tracking) {
	if prev == nil || t == nil {
		return
	}
	t.Meta.Previous = prev.Meta.RunID
	old := map[string]map[int]*float64{}
	for _, in := range prev.Indicators {
		m := map[int]*float64{}
		for _, p := range in.Series {
			m[p.Year] = p.Value
		}
		old[in.ID] = m
	}
	t.Changes = []Change{}
	for _, in := range t.Indicators {
		m, ok := old[in.ID]
		if !ok {
			continue
		}
		for _, p := range in.Series {
			q, seen := m[p.Year]
			if !seen {
				continue
			}
			if (q == nil) != (p.Value == nil) || q != nil && *q != *p.Value {
				t.Changes = append(t.Changes, Change{ID: in.ID, Year: p.Year, Prev: q, Now: p.Value})
			}
		}
	}
}
