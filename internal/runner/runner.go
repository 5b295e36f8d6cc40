// Package runner is the nightly job: it ingests new exports from the inbox, runs the macro
// landscape, the enterprise navigations, clustering and the risk warnings, and publishes the
// "1+N" bundle. A run writes into out/runs/.<id>.partial, renames it to out/runs/<id> when every
// stage succeeded, and only then switches out/latest to it; a failed or killed run leaves the
// previous publication untouched, and the next run cleans up after it.
package runner

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/cluster"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/internal/publish"
	"github.com/patnav/patnav/landscape"
)

// Options configure a run.
type Options struct {
	Logger *slog.Logger     // structured log of the run (nil: discard)
	Now    func() time.Time // clock (tests pin it); nil: time.Now
	RunID  string           // run id; empty: derived from the start time
	// Progress, when set, receives ingest progress (the CLI draws a bar on a terminal).
	Progress func(ingest.Progress)
	// PDF renders each HTML report to PDF with headless Chromium when it is installed.
	PDF bool
	// Stages are extra stages after the landscape (enterprise navigations, clustering, warnings).
	Stages []Stage
}

// Stage is one step of a run after the macro landscape. Run gets the shared state and writes its
// outputs under the run folder; Rows reports what it produced (for the manifest).
type Stage struct {
	Name string
	Run  func(ctx context.Context, st *State) (rows map[string]int, err error)
}

// State is what the stages share.
type State struct {
	Cfg     *config.Config
	Session *analysis.Session
	Macro   *landscape.Macro
	Map     *cluster.Result // the landscape map (nil when clustering is disabled or impossible)
	Dir     string          // the run folder being written
	Logger  *slog.Logger
	// Sheets are tables for the XLSX workbook, added by any stage.
	Sheets []Sheet
	// Links are extra entries of the bundle's index page.
	Links []Link
	// Warnings are notes for the manifest (unavailable analyses, skipped stages).
	Warnings []string
	// Now is the run's clock.
	Now time.Time
	// AfterPublish runs once the run is published (e.g. saving the warning history, so a failed
	// run is never the "previous run" of the next one).
	AfterPublish []func() error
}

// Link is an entry of the index page.
type Link struct {
	Group string // "landscape", "enterprises", "warnings", "data"
	Title map[string]string
	Href  map[string]string // per language ("" key: all languages)
}

// StageResult is one stage in the run manifest.
type StageResult struct {
	Name    string         `json:"name"`
	Seconds float64        `json:"seconds"`
	Rows    map[string]int `json:"rows,omitempty"`
	Status  string         `json:"status"` // ok / failed
	Error   string         `json:"error,omitempty"`
}

// Manifest describes a run (run.json in the run folder).
type Manifest struct {
	RunID         string        `json:"run_id"`
	Status        string        `json:"status"` // succeeded / failed
	FailedStage   string        `json:"failed_stage,omitempty"`
	Error         string        `json:"error,omitempty"`
	Started       string        `json:"started"`
	Finished      string        `json:"finished"`
	Config        string        `json:"config"`
	ConfigSHA256  string        `json:"config_sha256"`
	Versions      Versions      `json:"versions"`
	Cutoff        string        `json:"data_cutoff,omitempty"`
	Families      int           `json:"families_in_scope"`
	NewInputs     []lake.Input  `json:"new_inputs"`
	SkippedInputs []string      `json:"skipped_inputs,omitempty"`
	LakeInputs    int           `json:"lake_inputs"`
	Stages        []StageResult `json:"stages"`
	// AnalysisSeconds are the macro landscape's per-analysis times.
	AnalysisSeconds []landscape.Timing `json:"analysis_seconds,omitempty"`
	Warnings        []string           `json:"warnings"`
	Outputs         []string           `json:"outputs"`
	StaleLock       string             `json:"stale_lock,omitempty"`
}

// Versions records what produced a run.
type Versions struct {
	Patnav string `json:"patnav"`
	Go     string `json:"go"`
	DuckDB string `json:"duckdb"`
	Schema int    `json:"lake_schema"`
}

// ErrStage wraps the error of a failed stage.
var ErrStage = errors.New("run failed")

// Run performs one nightly run.
func Run(ctx context.Context, cfg *config.Config, opt Options) (*Manifest, error) {
	now := opt.Now
	if now == nil {
		now = time.Now
	}
	log := opt.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	start := now().UTC()
	m := &Manifest{Started: start.Format(time.RFC3339), Config: cfg.Path, Status: "failed",
		Versions: Versions{Patnav: landscape.Version, Go: runtime.Version(), Schema: lake.SchemaVersion}}
	if b, err := os.ReadFile(cfg.Path); err == nil {
		h := sha256.Sum256(b)
		m.ConfigSHA256 = hex.EncodeToString(h[:])
	}
	unlock, stale, err := lockRun(cfg.Out)
	if err != nil {
		return nil, err
	}
	defer unlock()
	if stale != "" {
		m.StaleLock = stale
		log.Warn("previous run was interrupted; recovering", "lock", stale)
	}
	runs := filepath.Join(cfg.Out, "runs")
	if err := cleanPartial(runs); err != nil {
		return nil, err
	}
	m.RunID = opt.RunID
	if m.RunID == "" {
		m.RunID = newRunID(runs, start)
	}
	partial := filepath.Join(runs, "."+m.RunID+".partial")
	if err := os.MkdirAll(partial, 0o755); err != nil {
		return nil, err
	}
	st := &State{Cfg: cfg, Dir: partial, Logger: log, Now: start}
	fail := func(stage string, err error) (*Manifest, error) {
		m.FailedStage, m.Error = stage, err.Error()
		m.Finished = now().UTC().Format(time.RFC3339)
		os.RemoveAll(partial)
		// The failure report sits beside the runs; the previous publication is untouched.
		if b, jerr := json.MarshalIndent(m, "", "  "); jerr == nil {
			publish.WriteFile(filepath.Join(cfg.Out, "last-failure.json"), func(w io.Writer) error { _, e := w.Write(b); return e })
		}
		log.Error("run failed", "run", m.RunID, "stage", stage, "error", err)
		return m, fmt.Errorf("%w: stage %s: %v", ErrStage, stage, err)
	}
	stage := func(name string, fn func() (map[string]int, error)) error {
		t0 := time.Now()
		log.Info("stage start", "run", m.RunID, "stage", name)
		rows, err := fn()
		r := StageResult{Name: name, Seconds: roundS(time.Since(t0).Seconds()), Rows: rows, Status: "ok"}
		if err != nil {
			r.Status, r.Error = "failed", err.Error()
		}
		m.Stages = append(m.Stages, r)
		log.Info("stage end", "run", m.RunID, "stage", name, "seconds", r.Seconds, "status", r.Status, "rows", rows)
		return err
	}
	// 1. Ingest the inbox.
	if err := stage("ingest", func() (map[string]int, error) { return ingestInbox(ctx, cfg, opt, m) }); err != nil {
		return fail("ingest", err)
	}
	// 2. The macro landscape.
	if err := stage("landscape", func() (map[string]int, error) {
		s, err := analysis.Open(ctx, cfg)
		if err != nil {
			return nil, err
		}
		st.Session = s
		if v, err := s.DB.Query(ctx, "SELECT library_version FROM pragma_version()"); err == nil && len(v.Rows) == 1 {
			m.Versions.DuckDB = analysis.Str(v.Rows[0][0])
		}
		mac, err := landscape.BuildMacro(ctx, s)
		if err != nil {
			return nil, err
		}
		st.Macro = mac
		m.AnalysisSeconds = mac.Timings
		m.Cutoff, m.Families = mac.Meta.Cutoff, mac.Scope.Families
		for _, u := range mac.Unavailable {
			st.Warnings = append(st.Warnings, "unavailable: "+u.Analysis+": "+u.Reason)
		}
		if !cfg.Clustering.Disabled {
			res, err := landscape.BuildMap(ctx, s, mac)
			if err != nil {
				return nil, fmt.Errorf("clustering: %w", err)
			}
			st.Map = res
		}
		files, err := publish.Macro(filepath.Join(partial, "landscape"), mac, cfg.Analysis.Languages, publish.MapOptions(st.Map, mac))
		if err != nil {
			return nil, err
		}
		st.Links = append(st.Links, Link{Group: "landscape", Title: map[string]string{"zh": "宏观产业导航报告", "en": "Macro industry navigation"},
			Href: langHrefs(cfg.Analysis.Languages, "landscape/macro_%s.html")})
		st.Sheets = append(st.Sheets, macroSheets(mac)...)
		return map[string]int{"families": mac.Scope.Families, "files": len(files)}, nil
	}); err != nil {
		closeSession(st)
		return fail("landscape", err)
	}
	defer closeSession(st)
	// 3. Extra stages: enterprises, clustering, warnings.
	for _, x := range opt.Stages {
		x := x
		if err := stage(x.Name, func() (map[string]int, error) { return x.Run(ctx, st) }); err != nil {
			return fail(x.Name, err)
		}
	}
	// 4. Render the bundle: workbook, optional PDFs, index, manifest.
	if err := stage("bundle", func() (map[string]int, error) {
		if err := writeWorkbook(filepath.Join(partial, "tables.xlsx"), st.Sheets); err != nil {
			return nil, err
		}
		pdfs := 0
		if opt.PDF {
			pdfs = renderPDFs(ctx, partial, log)
		}
		m.Warnings = st.Warnings
		if err := writeIndex(partial, cfg, st, m); err != nil {
			return nil, err
		}
		return map[string]int{"sheets": len(st.Sheets), "pdfs": pdfs}, nil
	}); err != nil {
		return fail("bundle", err)
	}
	m.Status = "succeeded"
	m.Finished = now().UTC().Format(time.RFC3339)
	m.Outputs = listFiles(partial)
	m.Outputs = append(m.Outputs, "run.json")
	sort.Strings(m.Outputs)
	if err := writeJSON(filepath.Join(partial, "run.json"), m); err != nil {
		return fail("bundle", err)
	}
	// 5. Publish: the run folder, then the latest link.
	final := filepath.Join(runs, m.RunID)
	if err := os.Rename(partial, final); err != nil {
		return fail("publish", err)
	}
	if err := switchLatest(cfg.Out, filepath.Join("runs", m.RunID)); err != nil {
		return fail("publish", err)
	}
	os.Remove(filepath.Join(cfg.Out, "last-failure.json"))
	for _, fn := range st.AfterPublish {
		if err := fn(); err != nil {
			log.Warn("after publication", "error", err)
			m.Warnings = append(m.Warnings, "after publication: "+err.Error())
		}
	}
	log.Info("run published", "run", m.RunID, "dir", final)
	return m, nil
}

func closeSession(st *State) {
	if st.Session != nil {
		st.Session.Close()
		st.Session = nil
	}
}

func ingestInbox(ctx context.Context, cfg *config.Config, opt Options, m *Manifest) (map[string]int, error) {
	rows := map[string]int{}
	ingestID := ""
	if entries, err := os.ReadDir(cfg.Inbox); cfg.Inbox != "" && err == nil && len(entries) > 0 {
		stats, err := ingest.Run(ctx, []string{cfg.Inbox}, ingest.Options{Lake: cfg.Lake, MaxBad: -1,
			Thesaurus: cfg.Thesaurus, Progress: opt.Progress})
		if err != nil {
			return nil, err
		}
		for _, f := range stats.Files {
			if f.Skipped != "" {
				m.SkippedInputs = append(m.SkippedInputs, filepath.Base(f.Path)+": "+f.Skipped)
			}
		}
		rec, acc, rej, dup := stats.Totals()
		rows["records"], rows["accepted"], rows["rejected"], rows["duplicates"] = rec, acc, rej, dup
		ingestID = stats.Ingest
	}
	if !lake.Exists(cfg.Lake) {
		return nil, fmt.Errorf("no lake at %s and nothing to ingest in the inbox %q", cfg.Lake, cfg.Inbox)
	}
	l, err := lake.Open(cfg.Lake)
	if err != nil {
		return nil, err
	}
	man := l.Manifest()
	m.LakeInputs = len(man.Inputs)
	m.NewInputs = []lake.Input{}
	for _, in := range man.Inputs {
		if ingestID != "" && in.Ingest == ingestID {
			m.NewInputs = append(m.NewInputs, in)
		}
	}
	rows["lake_publications"] = int(l.Rows(lake.TPatents))
	return rows, nil
}

// newRunID is the UTC start time, with a suffix when that id is taken.
func newRunID(runs string, t time.Time) string {
	id := t.Format("20060102T150405Z")
	for i := 2; ; i++ {
		if _, err := os.Stat(filepath.Join(runs, id)); os.IsNotExist(err) {
			return id
		}
		id = fmt.Sprintf("%s-%d", t.Format("20060102T150405Z"), i)
	}
}

// cleanPartial removes what interrupted runs left behind.
func cleanPartial(runs string) error {
	entries, err := os.ReadDir(runs)
	if err != nil {
		if os.IsNotExist(err) {
			return nil
		}
		return err
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".partial") {
			if err := os.RemoveAll(filepath.Join(runs, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}

// switchLatest points out/latest at target atomically (a new symlink renamed over the old one).
func switchLatest(out, target string) error {
	tmp := filepath.Join(out, ".latest.tmp")
	os.Remove(tmp)
	if err := os.Symlink(target, tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(out, "latest")); err != nil {
		os.Remove(tmp)
		return err
	}
	if d, err := os.Open(out); err == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

func listFiles(dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func writeJSON(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return publish.WriteFile(path, func(w io.Writer) error { _, err := w.Write(append(b, '\n')); return err })
}

func langHrefs(langs []string, pattern string) map[string]string {
	h := map[string]string{}
	for _, l := range langs {
		h[l] = fmt.Sprintf(pattern, l)
	}
	return h
}

func roundS(s float64) float64 { return float64(int(s*1000+0.5)) / 1000 }
