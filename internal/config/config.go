// Package config loads the navigation config (navigation.yaml): the industry's scope, its
// technology decomposition tree, the region, the analysis settings, the enterprises of the "N"
// navigations, the warning thresholds and where the lake, inbox and outputs are. Unknown keys are
// errors; every error names the file, the key and the line.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"
)

// ErrConfig wraps every configuration error.
var ErrConfig = errors.New("bad navigation config")

// Text is a label in Chinese and English.
type Text struct {
	Zh string `yaml:"zh" json:"zh"`
	En string `yaml:"en" json:"en"`
}

// In returns the label in lang ("zh" or "en"), falling back to the other language.
func (t Text) In(lang string) string {
	if lang == "zh" && t.Zh != "" || t.En == "" {
		return t.Zh
	}
	return t.En
}

// Keywords are search terms per language, matched case-insensitively in title and abstract.
type Keywords struct {
	Zh []string `yaml:"zh" json:"zh,omitempty"`
	En []string `yaml:"en" json:"en,omitempty"`
}

// All returns every keyword.
func (k Keywords) All() []string { return append(append([]string(nil), k.Zh...), k.En...) }

// Empty reports whether there are no keywords.
func (k Keywords) Empty() bool { return len(k.Zh)+len(k.En) == 0 }

// Criteria select patents by classification prefixes and/or keywords: a patent matches when any
// of its IPC/CPC codes starts with one of Codes, or its title or abstract contains one of the
// keywords.
type Criteria struct {
	Codes    []string `yaml:"codes" json:"codes,omitempty"`
	Keywords Keywords `yaml:"keywords" json:"keywords"`
}

// Empty reports whether the criteria select nothing.
func (c Criteria) Empty() bool { return len(c.Codes) == 0 && c.Keywords.Empty() }

// Scope is the industry's search strategy.
type Scope struct {
	Codes    []string  `yaml:"codes" json:"codes,omitempty"`
	Keywords Keywords  `yaml:"keywords" json:"keywords"`
	Exclude  *Criteria `yaml:"exclude" json:"exclude,omitempty"`
	// Require, when true, needs both a code and a keyword match (precision over recall).
	Require string `yaml:"require" json:"require,omitempty"` // "any" (default) or "both"
	// Seeds, optional, is a seed file (one publication number a line, relative to the config's
	// folder) of known-relevant patents: the landscape's method section then states the scope's
	// measured precision and recall against it (patnav scope proposes a scope from it).
	Seeds string `yaml:"seeds" json:"seeds,omitempty"`
}

// Industry names the industry and its scope.
type Industry struct {
	Name  Text  `yaml:"name" json:"name"`
	Scope Scope `yaml:"scope" json:"scope"`
}

// Branch is a node of the technology decomposition tree (技术分解表), levels 1–3.
type Branch struct {
	ID       string   `yaml:"id" json:"id"`
	Name     Text     `yaml:"name" json:"name"`
	Codes    []string `yaml:"codes" json:"codes,omitempty"`
	Keywords Keywords `yaml:"keywords" json:"keywords"`
	Children []Branch `yaml:"children" json:"children,omitempty"`
	Level    int      `yaml:"-" json:"level"`
	Parent   string   `yaml:"-" json:"parent,omitempty"`
}

// Region is the zone a navigation positions: a country, optionally a CN province and city.
type Region struct {
	Name     Text   `yaml:"name" json:"name"`
	Country  string `yaml:"country" json:"country"`
	Province string `yaml:"province" json:"province,omitempty"`
	City     string `yaml:"city" json:"city,omitempty"`
	// Population is the region's resident population by calendar year (e.g. {2023: 5630000}),
	// the base of the effect tracking's per-10,000-inhabitants measures; a year without a value
	// has no such figure.
	Population map[int]float64 `yaml:"population" json:"population,omitempty"`
}

// Burst configures Kleinberg burst detection.
type Burst struct {
	Gamma  float64 `yaml:"gamma" json:"gamma"`
	Scale  float64 `yaml:"scale" json:"scale"` // s: rate ratio between states
	States int     `yaml:"states" json:"states"`
}

// Analysis holds the analysis settings.
type Analysis struct {
	From int `yaml:"from" json:"from"` // first priority year analysed
	To   int `yaml:"to" json:"to"`     // last priority year analysed (default: the cut-off's year)
	// Cutoff is the data cut-off date (YYYY-MM-DD); default: the latest publication date in scope.
	Cutoff string `yaml:"cutoff" json:"cutoff,omitempty"`
	// IncompleteYears: priority years before the cut-off that are incomplete (publication lag).
	IncompleteYears int      `yaml:"incomplete_years" json:"incomplete_years"`
	Unit            string   `yaml:"unit" json:"unit"` // "family" (default) or "publication"
	TopN            int      `yaml:"top_n" json:"top_n"`
	Languages       []string `yaml:"languages" json:"languages"`
	Burst           Burst    `yaml:"burst" json:"burst"`
	// CoreShare is the share of top-quality patents that count as core patents (default 0.05).
	CoreShare float64 `yaml:"core_share" json:"core_share"`
	// CitationWindow is the forward-citation window in years (default 5).
	CitationWindow int `yaml:"citation_window" json:"citation_window"`
}

// Enterprise is one key enterprise of the "N" navigations.
type Enterprise struct {
	ID   string `yaml:"id" json:"id"`
	Name Text   `yaml:"name" json:"name"`
	// Names are the applicant names (any variant; matched after normalisation) that identify it.
	Names []string `yaml:"names" json:"names"`
	// Subsidiaries are names of group companies counted as the enterprise.
	Subsidiaries []string `yaml:"subsidiaries" json:"subsidiaries,omitempty"`
	// Competitors are enterprise ids or applicant names; empty means the top applicants in its branches.
	Competitors []string `yaml:"competitors" json:"competitors,omitempty"`
	Role        string   `yaml:"role" json:"role"` // "local" (default) or "benchmark"
}

// Thresholds are the risk-warning thresholds (navigation.md §6 defaults).
type Thresholds struct {
	ReserveLow             float64 `yaml:"reserve_low" json:"reserve_low"`                                 // domestic/foreign < this: reserve insufficient (0.5)
	Bubble                 float64 `yaml:"bubble" json:"bubble"`                                           // domestic/foreign > this: quantity bubble (5)
	GrowthLag              float64 `yaml:"growth_lag" json:"growth_lag"`                                   // CAGR ratio < this (1)
	WeakLeaders            float64 `yaml:"weak_leaders" json:"weak_leaders"`                               // top-10 ratio < this (1)
	PortfolioConcentration float64 `yaml:"portfolio_concentration" json:"portfolio_concentration"`         // < this (0.25)
	MarketBarrier          float64 `yaml:"market_barrier" json:"market_barrier"`                           // > this (0.5)
	SurgeGrowth            float64 `yaml:"surge_growth" json:"surge_growth"`                               // foreign applicant growth ratio (2)
	SurgeShareChange       float64 `yaml:"surge_share_change" json:"surge_share_change"`                   // share change in points (0.05)
	ConcentrationRise      float64 `yaml:"concentration_rise" json:"concentration_rise"`                   // HHI rise per year (200)
	ExpiringMonths         int     `yaml:"expiring_months" json:"expiring_months"`                         // freedom window (24)
	WindowYears            int     `yaml:"window_years" json:"window_years"`                               // trend window (5)
	BlockingQualityPercent float64 `yaml:"blocking_quality_percentile" json:"blocking_quality_percentile"` // (0.9)
}

// Warnings configures the risk warnings.
type Warnings struct {
	// Domestic is the country whose applicants are "domestic" (default: the region's country, else CN).
	Domestic   string     `yaml:"domestic" json:"domestic"`
	Office     string     `yaml:"office" json:"office"` // the office foreign filings are counted in (default: Domestic)
	Thresholds Thresholds `yaml:"thresholds" json:"thresholds"`
	History    string     `yaml:"history" json:"history,omitempty"` // folder of past runs' signals (default: <out>/warnings-history)
}

// Clustering configures technology clustering and the landscape map.
type Clustering struct {
	Seed        int64     `yaml:"seed" json:"seed"`
	KMin        int       `yaml:"k_min" json:"k_min"`
	KMax        int       `yaml:"k_max" json:"k_max"`
	Resolutions []float64 `yaml:"resolutions" json:"resolutions,omitempty"`
	MaxDocs     int       `yaml:"max_docs" json:"max_docs"` // sample size for the layout
	Disabled    bool      `yaml:"disabled" json:"disabled,omitempty"`
}

// Config is a whole navigation config.
type Config struct {
	Path        string       `yaml:"-" json:"-"`
	Lake        string       `yaml:"lake" json:"lake"`
	Inbox       string       `yaml:"inbox" json:"inbox,omitempty"`
	Out         string       `yaml:"out" json:"out"`
	Thesaurus   string       `yaml:"thesaurus" json:"thesaurus,omitempty"`
	Industry    Industry     `yaml:"industry" json:"industry"`
	Branches    []Branch     `yaml:"branches" json:"branches"`
	Region      Region       `yaml:"region" json:"region"`
	Analysis    Analysis     `yaml:"analysis" json:"analysis"`
	Enterprises []Enterprise `yaml:"enterprises" json:"enterprises,omitempty"`
	Warnings    Warnings     `yaml:"warnings" json:"warnings"`
	Clustering  Clustering   `yaml:"clustering" json:"clustering"`
	// Effect is the zone's effect-tracking (绩效) indicator system; nil: the default set.
	Effect *Effect `yaml:"effect" json:"effect,omitempty"`
	// Value configures the patent value score and the operation list; nil: DefaultValue.
	Value *Value `yaml:"value" json:"value,omitempty"`

	// AsOf (YYYY-MM-DD), set by the caller (--as-of), not the file: the analyses read the lake
	// as it was known on that day (only observations up to it; see duck.Options.AsOf).
	AsOf string `yaml:"-" json:"-"`
	// LakeVersion, set by the caller, reads only the ingests up to that lake version (a past
	// run's manifest records the version it read; see duck.Options.Version).
	LakeVersion string `yaml:"-" json:"-"`
}

// Value configures the patent value score (专利价值评估): the weight of each factor (a weighted
// sum of percentile ranks, see landscape/value), the top share of families in scope that counts
// as high-value, and the fewest families an applicant or branch needs for its distribution.
type Value struct {
	Weights        ValueWeights `yaml:"weights" json:"weights"`
	HighValueShare float64      `yaml:"high_value_share" json:"high_value_share"`
	MinFamilies    int          `yaml:"min_families" json:"min_families"`
}

// ValueWeights are the factor weights (any non-negative numbers; they are normalised over the
// factors the data have).
type ValueWeights struct {
	LegalStatus      float64 `yaml:"legal_status" json:"legal_status"`
	RemainingTerm    float64 `yaml:"remaining_term" json:"remaining_term"`
	FamilyBreadth    float64 `yaml:"family_breadth" json:"family_breadth"`
	ForwardCitations float64 `yaml:"forward_citations" json:"forward_citations"`
	Claims           float64 `yaml:"claims" json:"claims"`
	Operation        float64 `yaml:"operation" json:"operation"`
	Litigation       float64 `yaml:"litigation" json:"litigation"`
	Invalidation     float64 `yaml:"invalidation_survived" json:"invalidation_survived"`
}

// DefaultValue is the value configuration when the config has no value block: legal and
// technical factors weigh more than the sparse economic ones.
func DefaultValue() Value {
	return Value{Weights: ValueWeights{LegalStatus: 0.15, RemainingTerm: 0.15, FamilyBreadth: 0.15, ForwardCitations: 0.2,
		Claims: 0.1, Operation: 0.15, Litigation: 0.05, Invalidation: 0.05}, HighValueShare: 0.2, MinFamilies: 5}
}

// ValueSettings is the config's value block, else DefaultValue.
func (c *Config) ValueSettings() Value {
	if c.Value == nil {
		return DefaultValue()
	}
	return *c.Value
}

// Effect configures the zone's effect tracking (绩效统计): the indicators, each computed per
// calendar year for the region, with optional targets.
type Effect struct {
	Indicators []EffectIndicator `yaml:"indicators" json:"indicators"`
	// MinBase is the smallest denominator of a share (families in the year) that is reported
	// (default 5); below it a year says "not enough data".
	MinBase int `yaml:"min_base" json:"min_base"`
	// History is the folder of past runs' effect series (default: <out>/effect-history).
	History string `yaml:"history" json:"history,omitempty"`
}

// EffectIndicator is one tracked indicator: a measure from the fixed menu (EffectMeasures), with
// the branch for branch_share, and an optional target value for a target year.
type EffectIndicator struct {
	ID      string `yaml:"id" json:"id"`
	Name    Text   `yaml:"name" json:"name"`
	Measure string `yaml:"measure" json:"measure"`
	Branch  string `yaml:"branch" json:"branch,omitempty"`
	// Direction is the flow of a transfers, licences or pledges indicator: "in" (a party outside
	// the region to one in it), "out", "within" or "unknown" (a party's place not known); empty:
	// the region's own families operated, whatever the counterparty.
	Direction  string   `yaml:"direction" json:"direction,omitempty"`
	Target     *float64 `yaml:"target" json:"target,omitempty"`
	TargetYear int      `yaml:"target_year" json:"target_year,omitempty"`
}

// EffectMeasures is the menu of effect measures (see landscape/effect for each definition).
var EffectMeasures = []string{"families", "invention_share", "grants", "pct", "alive_high_value",
	"transfers", "licences", "pledges", "enterprises_filing", "universities_filing",
	"co_applications", "industry_share", "branch_share",
	"families_per_10k", "grants_per_10k", "invention_stock_per_10k", "high_value_per_10k"}

// EffectDirections are the directions of an operation flow (EffectIndicator.Direction).
var EffectDirections = []string{"in", "out", "within", "unknown"}

// Load reads, checks and completes (defaults, relative paths) the config at path.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	c, err := Parse(b, path)
	if err != nil {
		return nil, err
	}
	base := filepath.Dir(path)
	paths := []*string{&c.Lake, &c.Inbox, &c.Out, &c.Thesaurus, &c.Warnings.History, &c.Industry.Scope.Seeds}
	if c.Effect != nil {
		paths = append(paths, &c.Effect.History)
	}
	for _, p := range paths {
		if *p != "" && !filepath.IsAbs(*p) {
			*p = filepath.Join(base, *p)
		}
	}
	var root yaml.Node
	_ = yaml.Unmarshal(b, &root)
	if err := c.checkPaths(&locator{root: &root, name: path}); err != nil {
		return nil, err
	}
	return c, nil
}

var lineRe = regexp.MustCompile(`line (\d+): field (\S+) not found in type config\.(\w+)`)

// Parse decodes and checks a config; name is used in error messages. Relative paths stay
// relative (Load resolves them against the config's folder).
func Parse(b []byte, name string) (*Config, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrConfig, name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) == 0 {
		return nil, fmt.Errorf("%w: %s: the file is empty", ErrConfig, name)
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	c := &Config{Path: name}
	if err := dec.Decode(c); err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		var te *yaml.TypeError
		if errors.As(err, &te) && len(te.Errors) > 0 {
			var parts []string
			for _, e := range te.Errors {
				if m := lineRe.FindStringSubmatch(e); m != nil {
					e = fmt.Sprintf("line %s: unknown key %q (in %s)", m[1], m[2], strings.ToLower(m[3]))
				}
				parts = append(parts, e)
			}
			msg = strings.Join(parts, "; ")
		}
		return nil, fmt.Errorf("%w: %s: %s", ErrConfig, name, msg)
	}
	l := &locator{root: &root, name: name}
	if err := c.complete(l); err != nil {
		return nil, err
	}
	return c, nil
}

// locator finds the line of a key path in the YAML tree for error messages.
type locator struct {
	root *yaml.Node
	name string
}

// errorf returns a config error naming the key path and its line ("branches[2].codes[0]").
func (l *locator) errorf(path string, format string, args ...any) error {
	line := l.line(path)
	where := path
	if line > 0 {
		where = fmt.Sprintf("line %d: %s", line, path)
	}
	return fmt.Errorf("%w: %s: %s: %s", ErrConfig, l.name, where, fmt.Sprintf(format, args...))
}

var stepRe = regexp.MustCompile(`([^.\[\]]+)|\[(\d+)\]`)

func (l *locator) line(path string) int {
	n := l.root
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	last := n.Line
	for _, m := range stepRe.FindAllStringSubmatch(path, -1) {
		switch {
		case m[1] != "" && n.Kind == yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == m[1] {
					last = n.Content[i].Line
					n = n.Content[i+1]
					found = true
					break
				}
			}
			if !found {
				return last
			}
		case m[2] != "" && n.Kind == yaml.SequenceNode:
			var idx int
			fmt.Sscan(m[2], &idx)
			if idx >= len(n.Content) {
				return last
			}
			n = n.Content[idx]
			last = n.Line
		default:
			return last
		}
	}
	return last
}

var (
	idRe   = regexp.MustCompile(`^[a-z0-9][a-z0-9_\-]*$`)
	codeRe = regexp.MustCompile(`^[A-HY](\d{2}([A-Z](\d{1,4}(/\d{1,6})?)?)?)?$`)
)

func checkCodes(l *locator, path string, codes []string) error {
	for i, code := range codes {
		norm := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), " ", ""))
		if !codeRe.MatchString(norm) {
			return l.errorf(fmt.Sprintf("%s[%d]", path, i), "%q is not an IPC/CPC code or prefix (e.g. B64C, B64C39, B64C39/02)", code)
		}
		codes[i] = norm
	}
	return nil
}

func checkKeywords(l *locator, path string, k Keywords) error {
	for i, w := range k.Zh {
		if strings.TrimSpace(w) == "" {
			return l.errorf(fmt.Sprintf("%s.zh[%d]", path, i), "empty keyword")
		}
	}
	for i, w := range k.En {
		if strings.TrimSpace(w) == "" {
			return l.errorf(fmt.Sprintf("%s.en[%d]", path, i), "empty keyword")
		}
	}
	return nil
}

// Flatten returns every branch of the tree in depth-first order.
func (c *Config) Flatten() []Branch {
	var out []Branch
	var walk func(bs []Branch)
	walk = func(bs []Branch) {
		for _, b := range bs {
			out = append(out, b)
			walk(b.Children)
		}
	}
	walk(c.Branches)
	return out
}

// completeEffect checks the effect block: ids unique and well-formed, measures from the menu,
// branch_share naming a branch of the tree (and only it naming one), targets with a year.
func (c *Config) completeEffect(l *locator, branches map[string]bool) error {
	e := c.Effect
	if e == nil {
		return nil
	}
	if err := integer(l, "effect.min_base", &e.MinBase, 5, 1, 1_000_000); err != nil {
		return err
	}
	if len(e.Indicators) == 0 {
		return l.errorf("effect.indicators", "list at least one indicator (or leave the effect block out for the default set)")
	}
	seen := map[string]bool{}
	for i := range e.Indicators {
		in := &e.Indicators[i]
		p := fmt.Sprintf("effect.indicators[%d]", i)
		if !idRe.MatchString(in.ID) {
			return l.errorf(p+".id", "indicator id %q: use lower-case letters, digits, _ and -", in.ID)
		}
		if seen[in.ID] {
			return l.errorf(p+".id", "indicator id %q is used twice", in.ID)
		}
		seen[in.ID] = true
		known := false
		for _, m := range EffectMeasures {
			known = known || m == in.Measure
		}
		if !known {
			return l.errorf(p+".measure", "unknown measure %q (want one of %s)", in.Measure, strings.Join(EffectMeasures, ", "))
		}
		switch {
		case in.Measure == "branch_share" && !branches[in.Branch]:
			return l.errorf(p+".branch", "branch_share needs the id of a branch of the tree, not %q", in.Branch)
		case in.Measure != "branch_share" && in.Branch != "":
			return l.errorf(p+".branch", "only branch_share takes a branch")
		}
		if in.Direction != "" {
			if in.Measure != "transfers" && in.Measure != "licences" && in.Measure != "pledges" {
				return l.errorf(p+".direction", "only transfers, licences and pledges take a direction")
			}
			if !slices.Contains(EffectDirections, in.Direction) {
				return l.errorf(p+".direction", "unknown direction %q (want one of %s)", in.Direction, strings.Join(EffectDirections, ", "))
			}
		}
		if in.Target != nil && (in.TargetYear < 1900 || in.TargetYear > 2100) {
			return l.errorf(p+".target_year", "a target needs its year (1900 to 2100), not %d", in.TargetYear)
		}
		if in.Target == nil && in.TargetYear != 0 {
			return l.errorf(p+".target", "target_year %d without a target", in.TargetYear)
		}
		if in.Target != nil {
			if err := number(l, p+".target", in.Target, 0, incl(0), incl(1e12)); err != nil {
				return err
			}
		}
	}
	return nil
}
