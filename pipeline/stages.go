package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
	"github.com/patnav/patnav/landscape/effect"
	"github.com/patnav/patnav/landscape/enterprise"
	"github.com/patnav/patnav/landscape/value"
	"github.com/patnav/patnav/landscape/warning"
	"github.com/patnav/patnav/reports"
	"github.com/patnav/patnav/reports/bulletin"
	"github.com/patnav/patnav/reports/bundle"
	effreports "github.com/patnav/patnav/reports/effect"
	entreports "github.com/patnav/patnav/reports/enterprise"
	valreports "github.com/patnav/patnav/reports/value"
)

// JobOptions tune a Job.
type JobOptions struct {
	// NoMap skips the clustering and the landscape map (the macro model then has no Map, and the
	// enterprise navigations no cluster dimension). The config's clustering.disabled does the same.
	NoMap bool
	// Now is the job's clock for the bulletin (zero: time.Now()).
	Now time.Time
	// MacroOnly says the job builds the macro landscape and nothing after it (patnav landscape):
	// Macro closes the session once its last query has run, on a goroutine of its own, so that
	// DuckDB's memory and spill folder are given back while the clustering computes and the
	// reports are written (the 10M-family lake's session took 6.6 s to close). The other stages
	// then fail (ErrMacroOnly); Close waits for the closing.
	MacroOnly bool
}

// ErrMacroOnly is the error of a stage after the macro landscape in a job opened with
// JobOptions.MacroOnly.
var ErrMacroOnly = errors.New("pipeline: the job was opened for the macro landscape only")

// Job is one navigation over the lake: an analysis session and the models built from it. Each
// model is built once, by the same function whichever command asks for it, so `patnav
// landscape`, `patnav enterprise`, `patnav warn` and `patnav run` give the same models for the
// same config and lake.
type Job struct {
	Cfg     *config.Config
	Session *analysis.Session
	opt     JobOptions
	macro   *landscape.Macro
	// heapLimit is the Go heap's soft limit before Open set it, restored by Close (-1: unset).
	heapLimit int64
	// closing gets the session's Close error once the closing release started has ended (nil:
	// not started).
	closing chan error
}

// Open opens the analysis session over cfg's lake and scope.
func Open(ctx context.Context, cfg *config.Config, opt JobOptions) (*Job, error) {
	s, err := analysis.OpenWith(ctx, cfg, analysis.OpenOptions{NoMap: opt.NoMap})
	if err != nil {
		return nil, err
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	s.Now = opt.Now
	j := &Job{Cfg: cfg, Session: s, opt: opt, heapLimit: -1}
	if os.Getenv("GOMEMLIMIT") == "" {
		j.heapLimit = debug.SetMemoryLimit(heapLimit(s.DB.LakeBytes()))
	}
	return j, nil
}

// overlapLakeBytes is the largest lake whose landscape builds the map and the macro analyses at
// once (Job.Macro): the clustering's Go side (k-means, layout, density: Go CPU) then runs while
// DuckDB answers the macro queries, instead of after them. DuckDB's cap is lowered meanwhile by
// what the clustering's heap takes (duck.DB.Share, 1.6 bytes per byte of lake), so the two
// memories do not simply add up. Measured on this 2-core machine, landscape with the map, single
// runs: the 288k-family lake (99 MB) 24.5–25.5 s one after the other, 21.3–22.7 s at once
// (peak RSS 1.44, 1.47–1.53 and 1.42 GB with the cap shared); the 961k-family lake (337 MB) 98 s,
// 75–85 s at once (3.06–3.08 GB) and 81 s with the cap shared (2.75 GB; 2.64 GB one after the
// other). Above the cap's fixed band (a lake of 1 GB, see duck.memoryLimit) memory is what binds
// (the 10M-family lake: DuckDB's 4 GB and the Go heap's peak), so a larger lake builds them one
// after the other, DuckDB's memory handed back between.
var overlapLakeBytes int64 = 1 << 30 // a variable for the test that builds both ways

// heapLimit is the Go heap's soft limit while a job runs: twice the lake's size, at least
// 1.5 GB. The models' per-family state (the clustering's documents and term vectors above all)
// lives on the Go heap, about 1.6 bytes per byte of lake at its peak (544 MB live of a 337 MB
// lake of 1M families), and the collector lets the heap reach twice what is live before it runs:
// 16.7 GB of peak RSS for the 10M-family lake (3.2 GB) with DuckDB's 4 GB. Under the limit the
// collector runs earlier instead. At 1M families the heap peaks near 1 GB, below the limit, so
// smaller lakes run as before. (Since the clustering keeps its documents in columns the live
// peak is 403 MB at 1M families, 1.2 bytes per byte of lake; a lower limit at 10M, 4.8 GB, did
// not lower the run's peak RSS.) GOMEMLIMIT, when set, wins.
func heapLimit(lakeBytes int64) int64 {
	return max(1500<<20, 2*lakeBytes)
}

// Close closes the session (or waits for the closing Macro started, with MacroOnly).
func (j *Job) Close() error {
	if j.Session == nil {
		return nil
	}
	var err error
	if j.closing != nil {
		err = <-j.closing
		j.closing = nil
	} else {
		err = j.Session.Close()
	}
	j.Session = nil
	if j.heapLimit >= 0 {
		debug.SetMemoryLimit(j.heapLimit) // the limit before Open
		j.heapLimit = -1
	}
	return err
}

// Macro is the landscape stage: the macro industry navigation, with the technology map (report
// section 11) unless clustering is disabled. Built on first call.
func (j *Job) Macro(ctx context.Context) (*landscape.Macro, error) {
	if j.macro != nil {
		return j.macro, nil
	}
	if j.opt.NoMap || j.Cfg.Clustering.Disabled || j.Session.DB.LakeBytes() > overlapLakeBytes {
		// Without the map, or for a large lake one after the other, DuckDB's memory handed
		// back between them (StartMap with trim).
		m, err := landscape.BuildMacro(ctx, j.Session)
		if err != nil {
			return nil, err
		}
		if j.opt.NoMap || j.Cfg.Clustering.Disabled {
			j.release()
			j.macro = m
			return m, nil
		}
		// The session is released once the documents are read, before the clustering ends.
		b, err := landscape.StartMap(ctx, j.Session, true)
		if err != nil {
			return nil, fmt.Errorf("clustering: %w", err)
		}
		j.release()
		if err := b.Finish(m); err != nil {
			return nil, fmt.Errorf("clustering: %w", err)
		}
		j.macro = m
		return m, nil
	}
	// The map's documents are read first; the macro analyses' queries then run while the
	// clustering computes.
	b, err := landscape.StartMap(ctx, j.Session, false)
	if err != nil {
		return nil, fmt.Errorf("clustering: %w", err)
	}
	// DuckDB gives up what the clustering's Go heap takes meanwhile (about 1.6 bytes per byte of
	// lake, see heapLimit), so that the two together stay near the one-after-the-other peak.
	restore, err := j.Session.DB.Share(ctx, 8*j.Session.DB.LakeBytes()/5)
	if err != nil {
		b.Finish(&landscape.Macro{})
		return nil, err
	}
	m, err := landscape.BuildMacro(ctx, j.Session)
	if err == nil {
		err = restore(ctx)
	}
	if err != nil {
		b.Finish(&landscape.Macro{}) // waits for the clustering, whose result is not wanted
		return nil, err
	}
	j.release()
	if err := b.Finish(m); err != nil {
		return nil, fmt.Errorf("clustering: %w", err)
	}
	j.macro = m
	return m, nil
}

// release starts closing the session on a goroutine of its own when the job is MacroOnly and its
// last query has run (Macro calls it); Close waits for the closing.
func (j *Job) release() {
	if !j.opt.MacroOnly || j.closing != nil {
		return
	}
	s, done := j.Session, make(chan error, 1)
	j.closing = done
	go func() { done <- s.Close() }()
}

// Enterprises is the enterprises stage: the N enterprise navigations (or the one named by only),
// in one pass, with the map's clusters as the second gap dimension and each enterprise's
// families placed on the map. enterprise.ErrNoEnterprise when none is configured or matches.
func (j *Job) Enterprises(ctx context.Context, only string) ([]*enterprise.Enterprise, error) {
	if j.opt.MacroOnly {
		return nil, ErrMacroOnly
	}
	m, err := j.Macro(ctx)
	if err != nil {
		return nil, err
	}
	return enterprise.BuildWith(ctx, j.Session, m, enterprise.Options{Only: only})
}

// Bulletin is the warnings stage: the risk-warning bulletin, compared with the latest bulletin in
// the history folder. The history is not changed (see SaveBulletin).
func (j *Job) Bulletin(ctx context.Context) (*warning.Bulletin, error) {
	if j.opt.MacroOnly {
		return nil, ErrMacroOnly
	}
	m, err := j.Macro(ctx)
	if err != nil {
		return nil, err
	}
	prev, err := warning.LoadPrevious(warning.HistoryDir(j.Cfg))
	if err != nil {
		return nil, err
	}
	b, err := warning.Build(ctx, j.Session, m, j.opt.Now)
	if err != nil {
		return nil, err
	}
	warning.Diff(prev, b)
	return b, nil
}

// SaveBulletin records b in the history folder, as the previous bulletin of the next run. Call it
// only once b is published, so a failed run is never anyone's "previous run".
func (j *Job) SaveBulletin(b *warning.Bulletin) error {
	return warning.Save(warning.HistoryDir(j.Cfg), b)
}

// Effect is the effect-tracking stage (绩效): the zone's indicators per calendar year, compared
// with the latest run in the effect history. The history is not changed (see SaveEffect).
func (j *Job) Effect(ctx context.Context) (*effect.Tracking, error) {
	if j.opt.MacroOnly {
		return nil, ErrMacroOnly
	}
	prev, err := effect.LoadPrevious(effect.HistoryDir(j.Cfg))
	if err != nil {
		return nil, err
	}
	t, err := effect.Build(ctx, j.Session, j.opt.Now)
	if err != nil {
		return nil, err
	}
	effect.Diff(prev, t)
	return t, nil
}

// SaveEffect records t in the effect history (beside the warnings history), once published.
func (j *Job) SaveEffect(t *effect.Tracking) error {
	return effect.Save(effect.HistoryDir(j.Cfg), t)
}

// PublishEffect writes the effect tracking and its pages into dir/effect.
func PublishEffect(dir string, t *effect.Tracking, langs []string) ([]string, error) {
	return effreports.Publish(filepath.Join(dir, EffectDir), t, langs)
}

// Value is the value and operation stage: the value score per family, its distributions, the
// operation list (matched against es's ranked gaps; none: the region's enterprises' gaps) and
// the operation trends.
func (j *Job) Value(ctx context.Context, es []*enterprise.Enterprise) (*value.Assessment, error) {
	if j.opt.MacroOnly {
		return nil, ErrMacroOnly
	}
	return value.Build(ctx, j.Session, value.Options{Enterprises: es, Now: j.opt.Now})
}

// PublishValue writes the value assessment and its pages into dir/value.
func PublishValue(dir string, a *value.Assessment, langs []string) ([]string, error) {
	return valreports.Publish(filepath.Join(dir, ValueDir), a, langs)
}

// The published folders of each stage, relative to the output (or run) folder.
const (
	LandscapeDir   = "landscape"
	EnterprisesDir = "enterprises"
	WarningsDir    = "warnings"
	EffectDir      = "effect"
	ValueDir       = "value"
)

// PublishLandscape writes the macro model and its reports into dir/landscape.
func PublishLandscape(dir string, m *landscape.Macro, langs []string) ([]string, error) {
	return bundle.Macro(filepath.Join(dir, LandscapeDir), m, langs)
}

// PublishEnterprises writes the enterprise models and reports into dir/enterprises, each drawn on
// the industry map of m when it has one.
func PublishEnterprises(dir string, es []*enterprise.Enterprise, m *landscape.Macro, langs []string) ([]string, error) {
	return entreports.PublishWith(filepath.Join(dir, EnterprisesDir), es, langs, entreports.PublishOptions{Map: m.Map})
}

// PublishBulletin writes the bulletin and its reports into dir/warnings.
func PublishBulletin(dir string, b *warning.Bulletin, langs []string) ([]string, error) {
	return bulletin.Publish(filepath.Join(dir, WarningsDir), b, langs)
}

// ErrNoEnterprise is returned by Job.Enterprises when the config names no enterprise or none
// matches --only.
var ErrNoEnterprise = enterprise.ErrNoEnterprise

// ValidLevel reports whether level names a warning level (info, watch, warning, severe).
func ValidLevel(level string) bool { return warning.ValidLevel(level) }

// NewAtOrAbove lists the bulletin's new (or newly escalated) signals at or above level as
// "level key" (for --fail-on); nil when level is "" or b is nil.
func NewAtOrAbove(b *warning.Bulletin, level string) []string {
	if level == "" || b == nil {
		return nil
	}
	var out []string
	for _, s := range b.NewAtOrAbove(level) {
		out = append(out, s.Level+" "+s.Key)
	}
	return out
}

// Replay prepares cfg and the job options to rebuild the models of a published run: the run
// folder's run.json gives the lake version the run read, its as-of day and its start time (the
// models' clock), so Open(ctx, cfg, opt) then gives the run's models byte for byte as long as
// the lake still holds that version (ingests after it are not read; forgotten ones are gone).
func Replay(runDir string, cfg *config.Config) (JobOptions, error) {
	b, err := os.ReadFile(filepath.Join(runDir, "run.json"))
	if err != nil {
		return JobOptions{}, fmt.Errorf("replay: %w", err)
	}
	var m Manifest
	if err := json.Unmarshal(b, &m); err != nil {
		return JobOptions{}, fmt.Errorf("replay: %s: %w", filepath.Join(runDir, "run.json"), err)
	}
	if m.LakeVersion == "" {
		return JobOptions{}, fmt.Errorf("replay: %s records no lake version (a run before lake versions were recorded)", filepath.Join(runDir, "run.json"))
	}
	started, err := time.Parse(time.RFC3339, m.Started)
	if err != nil {
		return JobOptions{}, fmt.Errorf("replay: %s: started %q: %w", filepath.Join(runDir, "run.json"), m.Started, err)
	}
	cfg.LakeVersion = m.LakeVersion
	if cfg.AsOf == "" {
		cfg.AsOf = m.AsOf
	}
	return JobOptions{Now: started}, nil
}

// WithNoMap returns o with NoMap set to noMap.
func (o JobOptions) WithNoMap(noMap bool) JobOptions {
	o.NoMap = noMap
	return o
}

// UnavailableLines words the analyses a model could not give, one line each in English for a
// terminal: the name, the analysis key and the reason from the reports' catalogue (a coded entry
// carries no sentence of its own).
func UnavailableLines(us []landscape.Unavailable) []string {
	en := reports.Locale{Lang: "en"}
	out := make([]string, 0, len(us))
	for _, u := range us {
		name, reason := en.UnavailableText(u)
		out = append(out, fmt.Sprintf("%s (%s): %s", name, u.Analysis, reason))
	}
	return out
}
