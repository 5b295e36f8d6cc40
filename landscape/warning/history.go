package warning

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/atomicfile"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// Run is the nightly step: it loads the latest run from historyDir, builds this run's bulletin
// (Build), compares the two (Diff) and saves this run into historyDir (Save). An empty historyDir
// means HistoryDir(s.Cfg). The CLI (patnav warn) calls it, then publishes the bulletin
// (reports/bulletin.Publish) and checks NewAtOrAbove for --fail-on.
func Run(ctx context.Context, s *analysis.Session, macro *landscape.Macro, now time.Time, historyDir string) (*Bulletin, error) {
	if s == nil || s.Cfg == nil {
		return nil, fmt.Errorf("warning: no analysis session")
	}
	if historyDir == "" {
		historyDir = HistoryDir(s.Cfg)
	}
	prev, err := LoadPrevious(historyDir)
	if err != nil {
		return nil, err
	}
	b, err := Build(ctx, s, macro, now)
	if err != nil {
		return nil, err
	}
	Diff(prev, b)
	if err := Save(historyDir, b); err != nil {
		return nil, err
	}
	return b, nil
}

// HistoryDir is the folder of past runs: config.Warnings.History, else <out>/warnings-history.
func HistoryDir(cfg *config.Config) string {
	if cfg.Warnings.History != "" {
		return cfg.Warnings.History
	}
	return filepath.Join(cfg.Out, "warnings-history")
}

// historyName matches history file names: the run id (RunIDLayout) and ".json".
var historyName = regexp.MustCompile(`^\d{8}T\d{6}\.\d{9}Z\.json$`)

// Save writes b into the history folder as <run id>.json (indented JSON), atomically: a temporary
// file in the folder, synced and renamed into place, so a reader never sees a partial run. A run
// saved twice with the same id replaces the earlier file.
func Save(dir string, b *Bulletin) error {
	if b == nil || b.Meta.RunID == "" {
		return fmt.Errorf("warning: save: bulletin without a run id")
	}
	name := b.Meta.RunID + ".json"
	if !historyName.MatchString(name) {
		return fmt.Errorf("warning: save: run id %q is not a run time (%s)", b.Meta.RunID, RunIDLayout)
	}
	data, err := Marshal(b)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return writeAtomic(filepath.Join(dir, name), data)
}

// Marshal encodes b as indented JSON (two spaces, a final newline), the form of the history files
// and of bulletin.json.
func Marshal(b *Bulletin) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		return nil, fmt.Errorf("warning: encode bulletin: %w", err)
	}
	return buf.Bytes(), nil
}

func writeAtomic(path string, data []byte) error { return atomicfile.WriteBytes(path, data) }

// Runs lists the run ids in the history folder, oldest first (nil when the folder is missing).
// Files that are not run files (temporary files, anything else) are ignored.
func Runs(dir string) ([]string, error) {
	ents, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range ents {
		if !e.IsDir() && historyName.MatchString(e.Name()) {
			ids = append(ids, e.Name()[:len(e.Name())-len(".json")])
		}
	}
	sort.Strings(ids)
	return ids, nil
}

// Load reads one run from the history folder.
func Load(dir, runID string) (*Bulletin, error) {
	path := filepath.Join(dir, runID+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var b Bulletin
	if err := json.Unmarshal(data, &b); err != nil {
		return nil, fmt.Errorf("warning: %s: %w", path, err)
	}
	if b.Version > FormatVersion {
		return nil, fmt.Errorf("warning: %s: history format %d is newer than this patnav's (%d)", path, b.Version, FormatVersion)
	}
	return &b, nil
}

// LoadPrevious reads the latest run in the history folder; nil (and no error) when there is none.
// Call it before saving the current run.
func LoadPrevious(dir string) (*Bulletin, error) {
	ids, err := Runs(dir)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	return Load(dir, ids[len(ids)-1])
}

// Diff sets each signal of cur's state against prev — new (not in prev), escalated (a higher
// level than in prev), unchanged, de-escalated (a lower level) — and lists in cur.Changes every
// signal's state plus the signals of prev that are gone (resolved). Signals are matched by their
// stable ID. A nil prev (a first run) makes every signal new. The summary's counts follow.
func Diff(prev, cur *Bulletin) {
	if cur == nil {
		return
	}
	prevBy := map[string]Signal{}
	cur.Meta.Previous = ""
	if prev != nil {
		cur.Meta.Previous = prev.Meta.RunID
		for _, s := range prev.Signals {
			prevBy[s.ID] = s
		}
	}
	seen := map[string]bool{}
	cur.Changes = []Change{}
	for i := range cur.Signals {
		s := &cur.Signals[i]
		seen[s.ID] = true
		s.State, s.PrevLevel = StateNew, ""
		if p, ok := prevBy[s.ID]; ok {
			s.PrevLevel = p.Level
			switch {
			case Rank(s.Level) > Rank(p.Level):
				s.State = StateEscalated
			case Rank(s.Level) < Rank(p.Level):
				s.State = StateDeescalated
			default:
				s.State = StateUnchanged
			}
		}
		cur.Changes = append(cur.Changes, changeOf(*s, s.State, s.Level, s.PrevLevel))
	}
	if prev != nil {
		for _, p := range prev.Signals {
			if !seen[p.ID] {
				cur.Changes = append(cur.Changes, changeOf(p, StateResolved, "", p.Level))
			}
		}
	}
	order := map[string]int{}
	for i, st := range States {
		order[st] = i
	}
	sort.SliceStable(cur.Changes, func(i, j int) bool {
		a, b := cur.Changes[i], cur.Changes[j]
		if order[a.State] != order[b.State] {
			return order[a.State] < order[b.State]
		}
		la, lb := max(Rank(a.Level), Rank(a.PrevLevel)), max(Rank(b.Level), Rank(b.PrevLevel))
		if la != lb {
			return la > lb
		}
		return a.Key < b.Key
	})
	cur.count()
}

func changeOf(s Signal, state, level, prevLevel string) Change {
	c := Change{ID: s.ID, Key: s.Key, Kind: s.Kind, Branch: s.Branch, Applicant: s.Applicant, Family: s.Family,
		State: state, Level: level, PrevLevel: prevLevel}
	if len(s.Patents) > 0 && s.Family != "" {
		c.PubNumber = s.Patents[0].PubNumber
	}
	return c
}

// count fills the summary's signal counts by level and by state.
func (b *Bulletin) count() {
	S := &b.Summary
	S.Signals = len(b.Signals)
	S.ByLevel = nil
	for i := len(Levels) - 1; i >= 0; i-- {
		lc := LevelCount{Level: Levels[i]}
		for _, s := range b.Signals {
			if s.Level != Levels[i] {
				continue
			}
			lc.N++
			switch s.State {
			case StateNew:
				lc.New++
			case StateEscalated:
				lc.Escalated++
			}
		}
		S.ByLevel = append(S.ByLevel, lc)
	}
	S.ByState = nil
	for _, st := range States {
		n := 0
		for _, c := range b.Changes {
			if c.State == st {
				n++
			}
		}
		S.ByState = append(S.ByState, StateCount{State: st, N: n})
	}
}

// NewAtOrAbove returns the signals at or above level that are new in this run: new signals, and
// escalated ones whose previous level was below level (they crossed into it). patnav warn
// --fail-on LEVEL exits non-zero when this is not empty. An unknown level returns nil.
func (b *Bulletin) NewAtOrAbove(level string) []Signal {
	r := Rank(level)
	if r == 0 || b == nil {
		return nil
	}
	var out []Signal
	for _, s := range b.Signals {
		if Rank(s.Level) < r {
			continue
		}
		if s.State == StateNew || s.State == StateEscalated && Rank(s.PrevLevel) < r {
			out = append(out, s)
		}
	}
	return out
}
