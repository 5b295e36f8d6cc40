// Package scope builds the seed-scoping model of `patnav scope`: a scope (search strategy)
// proposed from a seed set of known-relevant families, with the classifier's measured
// precision and recall, the expanded families with their scores and, when a navigation config
// is given, what its current scope misses and what it includes that the classifier rejects.
// The computation is analysis/seedscope's; this package opens the lake, reads the seeds, runs it
// and records the run. Reports (reports/scope) render the model; the model carries codes and
// numbers only.
package scope

import (
	"context"
	"errors"
	"path/filepath"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/analysis/seedscope"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// Options say what to scope.
type Options struct {
	Lake string // the lake folder (default: the config's lake)
	// SeedFile is the seed file (one publication number a line). Empty: the families of the
	// config's current scope are the seeds.
	SeedFile string
	Config   *config.Config // optional: the navigation config whose scope is compared
	// HoldoutFile, optional, lists held-out relevant publications to measure against.
	HoldoutFile string
	Tuning      seedscope.Options
	Now         time.Time // the generation time written into the model (default: now)
}

// Meta describes the run.
type Meta struct {
	Industry      config.Text `json:"industry"`
	SeedSource    string      `json:"seed_source"` // "file" or "config"
	SeedFile      string      `json:"seed_file,omitempty"`
	Config        string      `json:"config,omitempty"`
	Generated     string      `json:"generated"`
	Languages     []string    `json:"languages"`
	PatnavVersion string      `json:"patnav_version"`
	// The method's settings.
	RandomSeed      uint64  `json:"random_seed"`
	Folds           int     `json:"folds"`
	Threshold       float64 `json:"threshold"`
	BackgroundRatio float64 `json:"background_ratio"`
	MinCoverage     float64 `json:"min_coverage"`
	MinLift         float64 `json:"min_lift"`
}

// Current is the configured scope as written in the config.
type Current struct {
	Codes      []string `json:"codes"`
	KeywordsZh []string `json:"keywords_zh"`
	KeywordsEn []string `json:"keywords_en"`
	Require    string   `json:"require,omitempty"`
}

// Model is the seed-scoping result.
type Model struct {
	Meta        Meta                    `json:"meta"`
	Current     *Current                `json:"current,omitempty"`
	Result      seedscope.Result        `json:"result"`
	Unavailable []landscape.Unavailable `json:"unavailable"`
	Timings     []landscape.Timing      `json:"timings"`
}

// Unavailable reasons (codes; reports/scope words them).
const (
	NoConfig     = "no_config"      // no config given: nothing to compare
	NoHoldout    = "no_holdout"     // no held-out positives given: no measurement on them
	NoCitations  = "no_citations"   // no citation link between a seed family and another family
	NoKeywordsZh = "no_keywords_zh" // no Chinese keyword reaches the thresholds
	NoKeywordsEn = "no_keywords_en"
	NoCodes      = "no_codes"
)

// Codes lists every reason code of the model's Unavailable entries, and Parts the analyses they
// name, for the reports catalogue's completeness test.
var (
	Codes = []string{NoConfig, NoHoldout, NoCitations, NoKeywordsZh, NoKeywordsEn, NoCodes}
	Parts = []string{"expansion.citation", "proposal.codes", "proposal.keywords_zh", "proposal.keywords_en", "config", "holdout"}
)

// Build runs seed scoping over the lake.
func Build(ctx context.Context, o Options) (*Model, error) {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	lake := o.Lake
	if lake == "" && o.Config != nil {
		lake = o.Config.Lake
	}
	if lake == "" {
		return nil, errors.New("scope: no lake")
	}
	if o.SeedFile == "" && o.Config == nil {
		return nil, errors.New("scope: seeds come from a seed file or a config's current scope; neither was given")
	}
	m := &Model{}
	var seeds, hold []seedscope.Seed
	var err error
	if o.SeedFile != "" {
		if seeds, err = seedscope.ReadSeedFile(o.SeedFile); err != nil {
			return nil, err
		}
		m.Meta.SeedSource, m.Meta.SeedFile = "file", filepath.Base(o.SeedFile)
	} else {
		m.Meta.SeedSource = "config"
	}
	if o.HoldoutFile != "" {
		if hold, err = seedscope.ReadSeedFile(o.HoldoutFile); err != nil {
			return nil, err
		}
	}
	start := time.Now()
	step := func(name string) {
		m.Timings = append(m.Timings, landscape.Timing{Analysis: name, Seconds: time.Since(start).Seconds()})
		start = time.Now()
	}
	var s *analysis.Session
	if o.Config != nil {
		cfg := *o.Config
		cfg.Lake = lake
		s, err = analysis.OpenWith(ctx, &cfg, analysis.OpenOptions{NoMap: true}) // the scope's families only
	} else {
		s, err = analysis.OpenLake(ctx, lake)
	}
	if err != nil {
		return nil, err
	}
	defer s.Close()
	step("open")
	docs, err := s.SeedDocs(ctx)
	if err != nil {
		return nil, err
	}
	tun := o.Tuning
	tun.Holdout = hold
	if o.Config != nil {
		ids, err := s.ScopeFamilyIDs(ctx)
		if err != nil {
			return nil, err
		}
		if ids == nil {
			ids = []string{}
		}
		tun.ConfigScope = ids
		if o.SeedFile == "" {
			seeds = repSeeds(docs, ids)
		}
	}
	seedIdx, _ := seedscope.Resolve(docs, seeds)
	seedIDs := make([]string, len(seedIdx))
	for k, i := range seedIdx {
		seedIDs[k] = docs[i].ID
	}
	links, err := s.SeedCitations(ctx, seedIDs)
	if err != nil {
		return nil, err
	}
	step("load")
	r, err := seedscope.Run(docs, links, seeds, tun)
	if err != nil {
		return nil, err
	}
	step("classify")
	m.Result = *r
	m.meta(o)
	if len(links) == 0 {
		m.unavailable("expansion.citation", NoCitations)
	}
	if len(r.Proposal.Codes) == 0 {
		m.unavailable("proposal.codes", NoCodes)
	}
	if len(r.Proposal.KeywordsZh) == 0 {
		m.unavailable("proposal.keywords_zh", NoKeywordsZh)
	}
	if len(r.Proposal.KeywordsEn) == 0 {
		m.unavailable("proposal.keywords_en", NoKeywordsEn)
	}
	if o.Config == nil {
		m.unavailable("config", NoConfig)
	}
	if len(hold) == 0 {
		m.unavailable("holdout", NoHoldout)
	}
	return m, nil
}

// repSeeds turns the configured scope's families into seeds (their representative numbers).
func repSeeds(docs []seedscope.Doc, ids []string) []seedscope.Seed {
	in := make(map[string]bool, len(ids))
	for _, id := range ids {
		in[id] = true
	}
	var out []seedscope.Seed
	for _, d := range docs {
		if in[d.ID] && len(d.Pubs) > 0 {
			out = append(out, seedscope.Seed{Raw: d.Rep, Number: d.Rep})
		}
	}
	return out
}

func (m *Model) meta(o Options) {
	t := m.Result.Options
	m.Meta.Generated = o.Now.UTC().Format(time.RFC3339)
	m.Meta.PatnavVersion = landscape.Version
	m.Meta.Languages = []string{"zh", "en"}
	if c := o.Config; c != nil {
		m.Meta.Industry = c.Industry.Name
		m.Meta.Config = filepath.Base(c.Path)
		if len(c.Analysis.Languages) > 0 {
			m.Meta.Languages = c.Analysis.Languages
		}
		sc := c.Industry.Scope
		m.Current = &Current{Codes: sc.Codes, KeywordsZh: sc.Keywords.Zh, KeywordsEn: sc.Keywords.En, Require: sc.Require}
	}
	m.Meta.RandomSeed, m.Meta.Folds, m.Meta.Threshold = t.Seed, t.Folds, t.Threshold
	m.Meta.BackgroundRatio, m.Meta.MinCoverage, m.Meta.MinLift = t.BackgroundRatio, t.MinCoverage, t.MinLift
}

// unavailable records a part of the scoping the data cannot support: its analysis name and
// reason code (reports word both).
func (m *Model) unavailable(what, code string) {
	m.Unavailable = append(m.Unavailable, landscape.Unavailable{Analysis: what, Code: code})
}

// The model's parts are analysis/seedscope's result types, named here so that reports draw the
// landscape model without importing analysis.
type (
	Result           = seedscope.Result
	Interval         = seedscope.Interval
	Family           = seedscope.Family
	Measure          = seedscope.Measure
	CodeStat         = seedscope.CodeStat
	KeywordStat      = seedscope.KeywordStat
	Proposal         = seedscope.Proposal
	Evaluation       = seedscope.Evaluation
	Expansion        = seedscope.Expansion
	Holdout          = seedscope.Holdout
	ConfigComparison = seedscope.ConfigComparison
	Tuning           = seedscope.Options
)

// Errors of the seeds (wrapping them lets callers above the landscape floor tell bad input).
var (
	ErrSeeds          = seedscope.ErrSeeds
	ErrNotEnoughSeeds = seedscope.ErrNotEnoughSeeds
)
