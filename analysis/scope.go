package analysis

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/geo"
)

// Session is a DuckDB session over the lake with the industry's scope prepared as temporary
// tables: scope_pub (publications in scope), fam (one row per family), fam_app (family ×
// applicant with fractional weight), fam_country (source country / CN province and city) and
// fam_bk (family key × branch of the decomposition tree; fam_branch, a view, adds the family id).
type Session struct {
	DB     *duck.DB
	Cfg    *config.Config
	Cutoff time.Time // data cut-off (zero when the data has no dates and the config none)
	// CutoffFrom says where Cutoff came from: CutoffConfig, CutoffPublication, CutoffFiling
	// (the latest filing date plus PublicationLagMonths) or CutoffNone.
	CutoffFrom string
	// LastFilingYear is the year of the latest filing (else priority) date in scope, 0 if none;
	// LastFilingYearEnded says that date is the year's last day (so its year was observed whole).
	LastFilingYear      int
	LastFilingYearEnded bool
	From                int // first priority year of the window
	To                  int // last priority year of the window
	Timings             []Timing
	// Now is the session's clock: the time its models say they were generated (zero: the time
	// they are built). A run sets it to its start, so a run made again (AsOf, LakeVersion and
	// the first run's start) gives the same bytes.
	Now time.Time
	// LakeVersion is the lake version the session reads (the latest ingest, or Cfg.LakeVersion).
	LakeVersion string
	// ChangesSince is the lake version of the previous run: ScopeChanges lists the changes
	// recorded by later ingests ("" : every change). The builders set it from the warnings
	// history when it is "" (landscape.PreviousLakeVersion).
	ChangesSince string
	// KeySalts counts how often the family keys were made again because two families in scope
	// had one (familyKeys): 0 but by a rare chance.
	KeySalts int
	// clGroup: the clustering's codes (cl_group) were made with the scope (familyClasses); a
	// session opened without the map (OpenOptions.NoMap, clustering.disabled) has none.
	clGroup bool
}

// OpenOptions tune Open.
type OpenOptions struct {
	// NoMap says that no technology map will be built over the session (pipeline's --no-map):
	// the clustering's per-family codes (cluster_groups) are then not made with the scope. The
	// config's clustering.disabled does the same.
	NoMap bool
}

// Timing is how long one step took.
type Timing struct {
	Step    string
	Seconds float64
	End     time.Time // when the step ended (to place it on a trace of the process)
}

// RecordTiming adds a step that started at start and ends now to the session's timings.
func (s *Session) RecordTiming(step string, start time.Time) {
	end := time.Now()
	s.Timings = append(s.Timings, Timing{Step: step, Seconds: end.Sub(start).Seconds(), End: end})
}

// Open opens the lake and prepares the scope of cfg (OpenWith, default options).
func Open(ctx context.Context, cfg *config.Config) (*Session, error) {
	return OpenWith(ctx, cfg, OpenOptions{})
}

// OpenWith opens the lake and prepares the scope of cfg.
func OpenWith(ctx context.Context, cfg *config.Config, o OpenOptions) (*Session, error) {
	opts := duck.Options{Version: cfg.LakeVersion}
	if cfg.AsOf != "" {
		t, err := time.Parse("2006-01-02", cfg.AsOf)
		if err != nil {
			return nil, fmt.Errorf("as-of %q: want a date YYYY-MM-DD", cfg.AsOf)
		}
		opts.AsOf = t
	}
	db, err := duck.OpenWith(ctx, cfg.Lake, opts)
	if err != nil {
		return nil, err
	}
	s := &Session{DB: db, Cfg: cfg, LakeVersion: cfg.LakeVersion}
	if s.LakeVersion == "" {
		s.LakeVersion = db.Lake.Version()
	}
	if err := s.prepare(ctx, !o.NoMap && !cfg.Clustering.Disabled); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// Close closes the session's database.
func (s *Session) Close() error { return s.DB.Close() }

func (s *Session) exec(ctx context.Context, name string, args ...any) error {
	start := time.Now()
	retried, err := s.DB.Exec(ctx, Q(name), args...)
	if err != nil {
		return fmt.Errorf("analysis %s: %w", name, err)
	}
	if retried {
		name += " (run again after DuckDB ran out of memory)"
	}
	s.RecordTiming(name, start)
	return nil
}

// codeRule classifies a configured code or prefix for matching (see the code_hits query): the
// kind and the equality key.
func codeRule(code string) (kind, key string) {
	switch {
	case strings.Contains(code, "/"):
		return "group", code[:strings.Index(code, "/")]
	case len(code) > 4:
		return "main", code
	case len(code) == 4:
		return "sub", code
	case len(code) == 3:
		return "class", code
	}
	return "section", code
}

// keywordMap returns every keyword (lower case, longest first, then in byte order: the order of
// the alternation the keywords once were in SQL, see keywordMatcher) and the map from a matched
// keyword, by its index in words, to the targets of every keyword it contains: "drone swarm"
// matching also means "drone" matched.
func keywordMap(byTarget map[string][]string) ([]string, []kwPair) {
	targets := map[string][]string{}
	for t, words := range byTarget {
		for _, w := range words {
			w = strings.ToLower(strings.TrimSpace(w))
			if w != "" {
				targets[w] = append(targets[w], t)
			}
		}
	}
	words := make([]string, 0, len(targets))
	for w := range targets {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	var pairs []kwPair
	seen := map[kwPair]bool{}
	for wi, w := range words {
		for _, inner := range words {
			if !strings.Contains(w, inner) {
				continue
			}
			for _, t := range targets[inner] {
				if p := (kwPair{wi, t}); !seen[p] {
					seen[p] = true
					pairs = append(pairs, p)
				}
			}
		}
	}
	return words, pairs
}

// kwPair is a row of kwmap: a matched keyword (its index in keywordMap's words) and a target it
// counts for.
type kwPair struct {
	word   int
	target string
}

func (s *Session) prepare(ctx context.Context, withMap bool) error {
	c := s.Cfg
	for _, q := range []string{"create_rules", "create_branches"} {
		if err := s.exec(ctx, q); err != nil {
			return err
		}
	}
	tx, err := s.DB.SQL().BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, Q("insert_rule"))
	if err != nil {
		return err
	}
	kw := map[string][]string{}      // target → keywords
	kinds := map[string]bool{}       // code rule kinds present for the scope and the exclusions
	branchKinds := map[string]bool{} // … and for the branches
	add := func(target string, codes []string, words []string) error {
		for _, code := range codes {
			kind, key := codeRule(code)
			if target == "scope" || target == "exclude" {
				kinds[kind] = true
			} else {
				branchKinds[kind] = true
			}
			if _, err := ins.ExecContext(ctx, target, kind, code, key); err != nil {
				return err
			}
		}
		if len(words) > 0 {
			kw[target] = append(kw[target], words...)
		}
		return nil
	}
	if err := add("scope", c.Industry.Scope.Codes, c.Industry.Scope.Keywords.All()); err != nil {
		return err
	}
	if ex := c.Industry.Scope.Exclude; ex != nil {
		if err := add("exclude", ex.Codes, ex.Keywords.All()); err != nil {
			return err
		}
	}
	insB, err := tx.PrepareContext(ctx, Q("insert_branch"))
	if err != nil {
		return err
	}
	for i, b := range c.Flatten() {
		if err := add(b.ID, b.Codes, b.Keywords.All()); err != nil {
			return err
		}
		if _, err := insB.ExecContext(ctx, b.ID, b.Parent, b.Level, i, b.Name.Zh, b.Name.En); err != nil {
			return err
		}
	}
	words, pairs := keywordMap(kw)
	insK, err := tx.PrepareContext(ctx, Q("insert_kwmap"))
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if _, err := insK.ExecContext(ctx, p.word, p.target); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	if err := s.exec(ctx, "create_code_hit"); err != nil {
		return err
	}
	if err := s.execKinds(ctx, "code_hits_", kinds); err != nil {
		return err
	}
	if err := s.keywordHits(ctx, words); err != nil {
		return err
	}
	both := c.Industry.Scope.Require == "both"
	if err := s.exec(ctx, "scope_pubs", both, both); err != nil {
		return err
	}
	if err := s.resolveFamilies(ctx); err != nil {
		return err
	}
	if err := s.familyKeys(ctx); err != nil {
		return err
	}
	for _, q := range []string{"family_applicants", "family_first", "family_country", "scope_classes", "create_branch_hit"} {
		var args []any
		if q == "family_country" {
			args = append(args, geo.Offices()) // a regional office's priority names no country
		}
		if err := s.exec(ctx, q, args...); err != nil {
			return err
		}
	}
	if err := s.execKinds(ctx, "branch_hits_", branchKinds); err != nil {
		return err
	}
	for _, q := range []string{"family_branches", "drop_hits"} {
		if err := s.exec(ctx, q); err != nil {
			return err
		}
	}
	if err := s.familyClasses(ctx, withMap); err != nil {
		return err
	}
	return s.window(ctx)
}

// keywordHits makes kw_hit, the publications whose title or abstract contains a keyword (the
// query kw_hits, with keywordMatcher as its row function), or an empty kw_hit without keywords.
func (s *Session) keywordHits(ctx context.Context, words []string) error {
	if len(words) == 0 {
		return s.exec(ctx, "create_kw_hit")
	}
	token, release, err := registerKeywords(ctx, s.DB, words)
	if err != nil {
		return err
	}
	defer release()
	return s.exec(ctx, "kw_hits", token)
}

// familyClasses makes, from the in-scope codes (scope_cls), the per-family tables the later
// analyses read: fam_tsub (family_trend_subclass) for subclass_trend, fam_subs
// (family_subclasses) for quality_base, and with the map cl_group (cluster_groups) for the map's
// documents; then it empties scope_cls (drop_scope_classes), the largest of the session's
// tables. Measured in docs/scale.md (twenty-second session).
func (s *Session) familyClasses(ctx context.Context, withMap bool) error {
	for _, q := range []string{"family_trend_subclass", "family_subclasses"} {
		if err := s.exec(ctx, q); err != nil {
			return err
		}
	}
	if withMap {
		if err := s.exec(ctx, "cluster_groups"); err != nil {
			return err
		}
		s.clGroup = true
	}
	return s.exec(ctx, "drop_scope_classes")
}

// execKinds runs the statement prefix+kind for each code rule kind present (codeRule's kinds, in
// a fixed order): code_hits_ for the scope's and the exclusions' rules, branch_hits_ for the
// branches'.
func (s *Session) execKinds(ctx context.Context, prefix string, present map[string]bool) error {
	for _, kind := range []string{"group", "main", "sub", "class", "section"} {
		if present[kind] {
			if err := s.exec(ctx, prefix+kind); err != nil {
				return err
			}
		}
	}
	return nil
}

// window fixes the cut-off date and the analysis years (see cutoff.go).
func (s *Session) window(ctx context.Context) error {
	dates, err := lastPublication.One(ctx, s)
	if err != nil {
		return err
	}
	s.setCutoff(dates)
	s.From = s.Cfg.Analysis.From
	s.To = s.Cfg.Analysis.To
	if s.To == 0 || s.To > s.Cutoff.Year() {
		s.To = s.Cutoff.Year()
	}
	if s.From > s.To {
		s.From = s.To
	}
	return nil
}

// Exec runs a named statement with bound arguments.
func (s *Session) Exec(ctx context.Context, name string, args ...any) error {
	return s.exec(ctx, name, args...)
}

// resolveFamilies merges family ids that name the same family (see the family_edges query) with
// a union-find, the smallest id of each group naming it, in fam_map, which pat (the query pat_view) reads.
func (s *Session) resolveFamilies(ctx context.Context) error {
	for _, q := range []string{"create_fam_map", "family_apps"} {
		if err := s.exec(ctx, q); err != nil {
			return err
		}
	}
	edges, err := familyEdges.All(ctx, s)
	if err != nil {
		return err
	}
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		p, ok := parent[x]
		if !ok || p == x {
			parent[x] = x
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	for _, e := range edges {
		a, b := find(e.A), find(e.B)
		if a == b {
			continue
		}
		if a < b {
			parent[b] = a
		} else {
			parent[a] = b
		}
	}
	if len(parent) > 0 {
		keys := make([]string, 0, len(parent))
		for k := range parent {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		tx, err := s.DB.SQL().BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		ins, err := tx.PrepareContext(ctx, Q("insert_fam_map"))
		if err != nil {
			tx.Rollback()
			return err
		}
		for _, k := range keys {
			if r := find(k); r != k {
				if _, err := ins.ExecContext(ctx, k, r); err != nil {
					tx.Rollback()
					return err
				}
			}
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// familyKeys makes pat (the query pat_view), then the tables of the in-scope publications and
// families (scope_fam and scope_families), each family with its key fk, a hash of its id: the
// in-scope tables are joined and grouped by family on fk (see scope_fam in sql/scope). When two
// families in scope have one key, scope_families stops (clashError) and the keys are made again
// from the ids with a salt, up to maxKeySalts times.
func (s *Session) familyKeys(ctx context.Context) error {
	if err := s.exec(ctx, "pat_view"); err != nil {
		return err
	}
	for salt := 0; ; salt++ {
		v := ""
		if salt > 0 {
			v = strconv.Itoa(salt) + ":"
		}
		set := fmt.Sprintf("SET VARIABLE patnav_fk_salt = '%s'; SET VARIABLE patnav_fk_shift = %d", v, keyShift)
		if _, err := s.DB.SQL().ExecContext(ctx, set); err != nil {
			return fmt.Errorf("analysis family keys: %w", err)
		}
		if err := s.exec(ctx, "scope_fam"); err != nil {
			return err
		}
		err := s.exec(ctx, "scope_families")
		if err == nil || !strings.Contains(err.Error(), clashError) {
			return err
		}
		if salt == maxKeySalts {
			return fmt.Errorf("analysis family keys: two families in scope had one key with %d salts: %w", salt+1, err)
		}
		s.KeySalts++
	}
}

// clashError is the message of scope_families when two families in scope have one key.
const clashError = "patnav: family key clash"

// maxKeySalts is how many times the family keys are made again after a clash: each time with a
// chance below 1e-5 of another at 10M families (a test makes clashes with keyShift).
const maxKeySalts = 8

// keyShift drops the low bits of the family keys (0: none); a test raises it to make them clash.
var keyShift = 0

// FamiliesOf returns the families in scope with an applicant among the normalised names.
func (s *Session) FamiliesOf(ctx context.Context, names []string) ([]string, error) {
	out := []string{}
	err := familiesOf.Each(ctx, s, func(r FamilyIDRow) error { out = append(out, r.FamilyID); return nil }, names)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// DuckDBVersion is the embedded DuckDB's library version ("" if it cannot be read).
func (s *Session) DuckDBVersion(ctx context.Context) string {
	v, err := duckdbVersion.One(ctx, s)
	if err != nil {
		return ""
	}
	return v.Version
}

// Clock returns s.Now, or the current time when it is not set.
func (s *Session) Clock() time.Time {
	if s.Now.IsZero() {
		return time.Now()
	}
	return s.Now
}
