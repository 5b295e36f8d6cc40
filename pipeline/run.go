// Package pipeline is patnav's one pipeline: the stages (ingest, landscape, enterprises,
// warnings, bundle) written once, and the nightly run that chains them. Every CLI command calls
// the same stage functions (Job.Macro, Job.Enterprises, Job.Bulletin and the Publish functions),
// so a command and the nightly run give the same models for the same config and lake.
//
// The nightly run (Run) owns the order of the stages, the run lock, the run manifest and the
// atomic publication: it ingests new exports from the inbox, builds every model, writes the
// "1+N" bundle into out/runs/.<id>.partial, renames that to out/runs/<id> when every stage
// succeeded, and only then switches out/latest to it. A failed or killed run leaves the previous
// publication untouched (and out/last-failure.json says why); the next run cleans up after it.
package pipeline

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
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports/bundle"
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
	// Keep, when > 0, prunes out/runs/ after a published run to the Keep newest runs (the one
	// out/latest points to is always kept).
	Keep int
}

// RejectedInput is an inbox input the run set aside: moved to inbox/rejected/ with a
// <name>.reason.txt beside it, and named in run.json and on the index page.
type RejectedInput struct {
	Name    string `json:"name"`
	Reason  string `json:"reason"`
	MovedTo string `json:"moved_to"`
}

// RejectedDir is the inbox's folder of inputs a run could not read.
const RejectedDir = "rejected"

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
	RunID        string   `json:"run_id"`
	Status       string   `json:"status"` // succeeded / failed
	FailedStage  string   `json:"failed_stage,omitempty"`
	Error        string   `json:"error,omitempty"`
	Started      string   `json:"started"`
	Finished     string   `json:"finished"`
	Config       string   `json:"config"`
	ConfigSHA256 string   `json:"config_sha256"`
	Versions     Versions `json:"versions"`
	Cutoff       string   `json:"data_cutoff,omitempty"`
	// LakeVersion is the lake version the run read (its latest ingest) and AsOf the observation
	// cut-off it was given: with both (config AsOf and LakeVersion) the run's models are made
	// again byte for byte.
	LakeVersion   string       `json:"lake_version,omitempty"`
	AsOf          string       `json:"as_of,omitempty"`
	Families      int          `json:"families_in_scope"`
	NewInputs     []lake.Input `json:"new_inputs"`
	SkippedInputs []string     `json:"skipped_inputs,omitempty"`
	// Rejected are the inbox inputs set aside this run (the rest was ingested and published).
	Rejected   []RejectedInput `json:"rejected_inputs,omitempty"`
	Pruned     []string        `json:"pruned_runs,omitempty"`
	LakeInputs int             `json:"lake_inputs"`
	Stages     []StageResult   `json:"stages"`
	// AnalysisSeconds are the macro landscape's per-analysis times.
	AnalysisSeconds []landscape.Timing `json:"analysis_seconds,omitempty"`
	Warnings        []string           `json:"warnings"`
	Outputs         []string           `json:"outputs"`
	StaleLock       string             `json:"stale_lock,omitempty"`

	// Bulletin is the run's risk-warning bulletin (for --fail-on); not part of run.json.
	Bulletin *warning.Bulletin `json:"-"`
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
	var (
		job      *Job
		links    []bundle.Link
		sheets   []bundle.Sheet
		notes    []string
		langs    = cfg.Analysis.Languages
		saveHist func() error
		ents     []*enterprise.Enterprise
	)
	defer func() {
		if job != nil {
			job.Close()
		}
	}()
	fail := func(stage string, err error) (*Manifest, error) {
		m.FailedStage, m.Error = stage, err.Error()
		m.Finished = now().UTC().Format(time.RFC3339)
		os.RemoveAll(partial)
		// The failure report sits beside the runs; the previous publication is untouched.
		if b, jerr := json.MarshalIndent(m, "", "  "); jerr == nil {
			bundle.WriteFile(filepath.Join(cfg.Out, "last-failure.json"), func(w io.Writer) error { _, e := w.Write(b); return e })
		}
		log.Error("run failed", "run", m.RunID, "stage", stage, "error", err)
		return m, fmt.Errorf("%w: stage %s: %v", ErrStage, stage, err)
	}
	stage := func(name string, fn func() (map[string]int, error)) error {
		t0 := time.Now()
		log.Info("stage start", "run", m.RunID, "stage", name)
		rows, err := recovered(func() (map[string]int, error) {
			if testHookStage != nil {
				testHookStage(name)
			}
			return fn()
		})
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
	// 2. The macro landscape with its map.
	if err := stage("landscape", func() (map[string]int, error) {
		j, err := Open(ctx, cfg, JobOptions{Now: start})
		if err != nil {
			return nil, err
		}
		job = j
		m.Versions.DuckDB = j.Session.DuckDBVersion(ctx)
		m.LakeVersion, m.AsOf = j.Session.LakeVersion, cfg.AsOf
		mac, err := j.Macro(ctx)
		if err != nil {
			return nil, err
		}
		m.AnalysisSeconds = mac.Timings
		m.Cutoff, m.Families = mac.Meta.Cutoff, mac.Scope.Families
		for _, u := range mac.Unavailable {
			notes = append(notes, "unavailable: "+u.Analysis+": "+u.Reason)
		}
		files, err := PublishLandscape(partial, mac, langs)
		if err != nil {
			return nil, err
		}
		links = append(links, bundle.LangLinks("landscape", map[string]string{"zh": "宏观产业导航报告", "en": "Macro industry navigation"}, langs, "landscape/macro_%s.html"))
		sheets = append(sheets, bundle.MacroSheets(mac)...)
		return map[string]int{"families": mac.Scope.Families, "files": len(files)}, nil
	}); err != nil {
		return fail("landscape", err)
	}
	mac, _ := job.Macro(ctx)
	// 3. The N enterprise navigations.
	if err := stage("enterprises", func() (map[string]int, error) {
		if len(cfg.Enterprises) == 0 {
			notes = append(notes, "no enterprises configured: no enterprise navigations")
			return map[string]int{"enterprises": 0}, nil
		}
		es, err := job.Enterprises(ctx, "")
		if err != nil {
			return nil, err
		}
		ents = es
		files, err := PublishEnterprises(partial, es, mac, langs)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			links = append(links, bundle.LangLinks("enterprises", map[string]string{"zh": e.Name.In("zh"), "en": e.Name.In("en")}, langs, "enterprises/"+e.ID+"_%s.html"))
		}
		sheets = append(sheets, bundle.EnterpriseSheet(es))
		return map[string]int{"enterprises": len(es), "files": len(files)}, nil
	}); err != nil {
		return fail("enterprises", err)
	}
	// 4. The risk warnings, compared with the previous run's.
	if err := stage("warnings", func() (map[string]int, error) {
		b, err := job.Bulletin(ctx)
		if err != nil {
			return nil, err
		}
		files, err := PublishBulletin(partial, b, langs)
		if err != nil {
			return nil, err
		}
		links = append(links, bundle.LangLinks("warnings", map[string]string{"zh": "专利风险预警简报", "en": "Patent risk-warning bulletin"}, langs, "warnings/bulletin_%s.html"))
		sheets = append(sheets, bundle.SignalSheet(b))
		saveHist = func() error { return job.SaveBulletin(b) }
		m.Bulletin = b
		rows := map[string]int{"signals": len(b.Signals), "files": len(files)}
		for _, sg := range b.Signals {
			rows[sg.Level]++
		}
		return rows, nil
	}); err != nil {
		return fail("warnings", err)
	}
	// 4b. The zone's effect tracking, compared with the previous run's.
	if err := stage("effect", func() (map[string]int, error) {
		t, err := job.Effect(ctx)
		if err != nil {
			return nil, err
		}
		files, err := PublishEffect(partial, t, langs)
		if err != nil {
			return nil, err
		}
		links = append(links, bundle.LangLinks("zone", map[string]string{"zh": "专利导航产业发展绩效跟踪", "en": "Effect tracking"}, langs, EffectDir+"/effect_%s.html"))
		sheets = append(sheets, bundle.EffectSheet(t))
		prevSave := saveHist
		saveHist = func() error {
			var err error
			if prevSave != nil {
				err = prevSave()
			}
			return errors.Join(err, job.SaveEffect(t))
		}
		return map[string]int{"indicators": len(t.Indicators), "changes": len(t.Changes), "files": len(files)}, nil
	}); err != nil {
		return fail("effect", err)
	}
	// 4c. Patent value and the operation list, matched against the enterprises' gaps.
	if err := stage("value", func() (map[string]int, error) {
		a, err := job.Value(ctx, ents)
		if err != nil {
			return nil, err
		}
		files, err := PublishValue(partial, a, langs)
		if err != nil {
			return nil, err
		}
		links = append(links, bundle.LangLinks("zone", map[string]string{"zh": "专利价值评估与运营清单", "en": "Patent value and operation list"}, langs, ValueDir+"/value_%s.html"))
		sheets = append(sheets, bundle.ValueSheets(a)...)
		return map[string]int{"families": a.Families, "high_value": a.HighValue, "candidates": len(a.Operation.Candidates), "files": len(files)}, nil
	}); err != nil {
		return fail("value", err)
	}
	// 5. The bundle: workbook, optional PDFs, index pages.
	if err := stage("bundle", func() (map[string]int, error) {
		if err := bundle.WriteWorkbook(filepath.Join(partial, "tables.xlsx"), sheets); err != nil {
			return nil, err
		}
		pdfs := 0
		if opt.PDF {
			n, failed, err := bundle.PDFs(ctx, partial)
			if err != nil {
				log.Warn("PDF output skipped", "error", err)
			}
			for _, f := range failed {
				log.Warn("PDF failed", "page", f)
			}
			pdfs = n
		}
		m.Warnings = notes
		stages := make([]bundle.StageStatus, 0, len(m.Stages))
		for _, s := range m.Stages {
			stages = append(stages, bundle.StageStatus{Name: s.Name, Status: s.Status})
		}
		// This stage is still running, but the index is published only if it succeeds.
		stages = append(stages, bundle.StageStatus{Name: "bundle", Status: "ok"})
		var rejected []bundle.Rejected
		for _, r := range m.Rejected {
			rejected = append(rejected, bundle.Rejected{Name: r.Name, Reason: r.Reason, MovedTo: r.MovedTo})
		}
		ix := bundle.Index{Cfg: cfg, RunID: m.RunID, Started: m.Started, Cutoff: m.Cutoff, Families: m.Families, Links: links, Stages: stages, Unavailable: mac.Unavailable, NoEnterprises: len(cfg.Enterprises) == 0, Clusters: mac.Map != nil, Rejected: rejected}
		if err := bundle.WriteIndex(partial, ix); err != nil {
			return nil, err
		}
		return map[string]int{"sheets": len(sheets), "pdfs": pdfs}, nil
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
	if saveHist != nil {
		if err := saveHist(); err != nil {
			log.Warn("after publication: warning history", "error", err)
			m.Warnings = append(m.Warnings, "after publication: "+err.Error())
		}
	}
	if opt.Keep > 0 {
		pruned, err := pruneRuns(runs, opt.Keep, m.RunID)
		m.Pruned = pruned
		if err != nil {
			log.Warn("after publication: pruning old runs", "error", err)
		}
	}
	log.Info("run published", "run", m.RunID, "dir", final)
	return m, nil
}

// testHookStage, when set (tests only), is called as each stage starts.
var testHookStage func(stage string)

// recovered runs a stage, turning a panic into the stage's error (with the stack), so that a
// panicking stage fails the run like any other: last-failure.json written, no .partial left.
func recovered(fn func() (map[string]int, error)) (rows map[string]int, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("internal error (panic): %v\n%s", v, debug.Stack())
		}
	}()
	return fn()
}

// pruneRuns removes the oldest published runs in runs beyond the keep newest (run ids sort by
// time); current, the run just published, is never removed. It returns the ids removed.
func pruneRuns(runs string, keep int, current string) ([]string, error) {
	entries, err := os.ReadDir(runs)
	if err != nil {
		return nil, err
	}
	var ids []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			ids = append(ids, e.Name())
		}
	}
	sort.Strings(ids)
	var pruned []string
	for i := 0; i < len(ids)-keep; i++ {
		if ids[i] == current {
			continue
		}
		if err := os.RemoveAll(filepath.Join(runs, ids[i])); err != nil {
			return pruned, err
		}
		pruned = append(pruned, ids[i])
	}
	return pruned, nil
}

func ingestInbox(ctx context.Context, cfg *config.Config, opt Options, m *Manifest) (map[string]int, error) {
	rows := map[string]int{}
	ingestID := ""
	rejected := filepath.Join(cfg.Inbox, RejectedDir)
	// An empty file is a failed export or an interrupted copy: set it aside like any rejected
	// input (an ingest of the folder skips it, so it would otherwise sit in the inbox for ever).
	if entries, err := os.ReadDir(cfg.Inbox); cfg.Inbox != "" && err == nil {
		for _, e := range inboxInputs(entries) {
			if info, err := e.Info(); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
				p := filepath.Join(cfg.Inbox, e.Name())
				r, err := setAside(cfg.Inbox, rejected, &ingest.InputError{Path: p, Err: fmt.Errorf("%s: %w: the file has no content", p, format.ErrEmpty)})
				if err != nil {
					return nil, fmt.Errorf("moving the empty file %s aside: %w", p, err)
				}
				m.Rejected = append(m.Rejected, r)
			}
		}
	}
	if entries, err := os.ReadDir(cfg.Inbox); cfg.Inbox != "" && err == nil && len(inboxInputs(entries)) > 0 {
		var stats *ingest.Stats
		// An input the ingest cannot take (unreadable, unknown or refused format, too few
		// accepted records) is moved aside and the rest ingested again: one bad file must not
		// stop the nightly publication.
		for attempt := 0; ; attempt++ {
			stats, err = ingest.Run(ctx, []string{cfg.Inbox}, ingest.Options{Lake: cfg.Lake, MaxBad: -1,
				Thesaurus: cfg.Thesaurus, Progress: opt.Progress, Exclude: []string{rejected}})
			var ie *ingest.InputError
			if err == nil || !errors.As(err, &ie) || attempt >= len(entries) || ctx.Err() != nil {
				break
			}
			r, merr := setAside(cfg.Inbox, rejected, ie)
			if merr != nil {
				return nil, fmt.Errorf("%w (and moving it aside failed: %v)", err, merr)
			}
			m.Rejected = append(m.Rejected, r)
			if entries, _ := os.ReadDir(cfg.Inbox); len(inboxInputs(entries)) == 0 {
				stats, err = &ingest.Stats{}, nil
				break
			}
		}
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

// inboxInputs are the inbox entries an ingest reads: not the rejected folder, not hidden files.
func inboxInputs(entries []os.DirEntry) []os.DirEntry {
	var out []os.DirEntry
	for _, e := range entries {
		if e.Name() != RejectedDir && !strings.HasPrefix(e.Name(), ".") && !strings.HasPrefix(e.Name(), "~$") {
			out = append(out, e)
		}
	}
	return out
}

// setAside moves the inbox input the error names (the top-level inbox entry holding it) into
// rejected/, with a <name>.reason.txt holding the error.
func setAside(inbox, rejected string, ie *ingest.InputError) (RejectedInput, error) {
	rel, err := filepath.Rel(inbox, ie.Path)
	if err != nil || strings.HasPrefix(rel, "..") || rel == "." {
		return RejectedInput{}, fmt.Errorf("%s is not in the inbox %s", ie.Path, inbox)
	}
	top := strings.Split(filepath.ToSlash(rel), "/")[0]
	if err := os.MkdirAll(rejected, 0o755); err != nil {
		return RejectedInput{}, err
	}
	dst := filepath.Join(rejected, top)
	if _, err := os.Stat(dst); err == nil { // a file of that name was rejected before
		dst = filepath.Join(rejected, time.Now().UTC().Format("20060102T150405Z")+"-"+top)
	}
	if err := os.Rename(filepath.Join(inbox, top), dst); err != nil {
		return RejectedInput{}, err
	}
	reason := ie.Err.Error()
	if err := os.WriteFile(dst+".reason.txt", []byte(reason+"\n"), 0o644); err != nil {
		return RejectedInput{}, err
	}
	return RejectedInput{Name: top, Reason: reason, MovedTo: filepath.Join(filepath.Base(inbox), RejectedDir, filepath.Base(dst))}, nil
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
	return bundle.WriteFile(path, func(w io.Writer) error { _, err := w.Write(append(b, '\n')); return err })
}

func roundS(s float64) float64 { return float64(int(s*1000+0.5)) / 1000 }
