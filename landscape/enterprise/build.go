package enterprise

import (
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/applicant"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// ErrNoEnterprise is returned when the config lists no enterprise, or none matches --only.
var ErrNoEnterprise = errors.New("no enterprise to navigate")

// Conventions of the analysis (documented in the package doc).
const (
	// DefaultCompetitors is how many automatic competitors an enterprise gets.
	DefaultCompetitors = 5
	// DefaultListLength is the length of the patent lists (best, expiring, lapsed).
	DefaultListLength = 10
	// DefaultWatchLength is the length of the watch list.
	DefaultWatchLength = 20
	// GapRTA: an enterprise is weak in a branch when its RTA is below this (macro convention).
	GapRTA = 0.8
	// StrengthRTA: an enterprise is specialised in a branch when its RTA reaches this.
	StrengthRTA = 1.2
	// ReserveMomentum and ReserveCompetitorShare: a reserve branch grows at least this fast
	// (industry momentum) while the competitors hold less than this share of its recent families.
	ReserveMomentum        = 1.5
	ReserveCompetitorShare = 0.10
	// CoreBranchShare and MaxCoreBranches: the enterprise's core branches are its largest leaf
	// branches, taken in order until they cover CoreBranchShare of its leaf-branch assignments,
	// at most MaxCoreBranches.
	CoreBranchShare = 0.5
	MaxCoreBranches = 5
	// MaxGaps is how many gaps, strengths and reserve branches are listed.
	MaxGaps = 10
	// TopInventors is K of the key-inventor dependency.
	TopInventors = 5
	// DependencyHigh and DependencyModerate split the top-inventor share into levels.
	DependencyHigh     = 0.5
	DependencyModerate = 0.25
)

// ClusterAssignment places a family in a technology cluster (the optional clustering hook).
type ClusterAssignment struct {
	FamilyID string
	Cluster  string
}

// Options tune BuildWith. Zero values take the defaults.
type Options struct {
	// Only selects one enterprise by id or name (zh, en or any configured name), case-insensitive.
	Only string
	// Competitors is the number of automatic competitors (DefaultCompetitors).
	Competitors int
	// ListLength and WatchLength are the lengths of the patent lists and of the watch list.
	ListLength, WatchLength int
	// Clusters, when set, adds technology clusters as a second dimension of the gap analysis
	// (one assignment per family id of the session's fam table). When empty, the clusters of the
	// macro model's map are used (so every caller with the same macro model gets the same
	// enterprise models).
	Clusters []ClusterAssignment
	// ClusterLabels name the clusters in the reports.
	ClusterLabels []ClusterLabel
}

// Build computes the enterprise navigations of the config's enterprises (or of the one named by
// only) from a prepared session, in one pass over the lake: every query groups by enterprise over
// a table mapping applicant names to enterprise ids, so the cost hardly grows with the number of
// enterprises. macro is the industry's macro navigation (nil: built here).
func Build(ctx context.Context, s *analysis.Session, macro *landscape.Macro, only string) ([]*Enterprise, error) {
	return BuildWith(ctx, s, macro, Options{Only: only})
}

// entity is an enterprise or competitor the queries group by.
type entity struct {
	key    string
	names  []string // normalised applicant keys
	label  config.Text
	ent    *config.Enterprise // a configured enterprise, else nil
	source string             // enterprise / name / auto (how it was first registered)

	sum      entSummary
	years    map[int]float64
	dims     map[dimKey]dimVal
	offices  []landscape.Count
	deciles  [10]int
	invTop   []InventorRow
	invWith  int
	invCount int
	invByTop int
}

type entSummary struct {
	fam                             float64
	whole, inv, um, other, granted  int
	alive, pending, lapsed, unknown int
	firstYear, lastYear             int
	offices                         float64
	scored, topDecile, coreWhole    int
	qmean                           *float64
	coreFrac, recent, previous      float64
	present                         bool
}

type dimKey struct{ dim, key string }

type dimVal struct{ n, recent, previous, core float64 }

type industryTotal struct {
	fams, withApp, recent, previous float64
	core                            int
}

// target is one enterprise being navigated.
type target struct {
	e           *Enterprise
	self        *entity
	competitors []*entity
	explicit    bool
	overlap     map[string]float64 // automatic competitor → overlap score
	core        []string           // core leaf branches
	gaps        []string           // gap branch ids (for partner search)

	positions map[dimKey]*BranchPosition // branch and cluster positions
	rta       map[dimKey]float64         // unrounded RTA where defined
	expiring  []string
	lapsed    []string
	expiringN int
	lapsedN   int
	top       []string
	watchIDs  []string
	watchOver map[string][]string
	watchN    int
	partners  []Partner
	academics map[string][]Partner // gap branch → universities and institutes strong in it
}

type builder struct {
	ctx   context.Context
	s     *analysis.Session
	cfg   *config.Config
	macro *landscape.Macro
	opt   Options
	thes  *applicant.Thesaurus
	win   Windows

	entities map[string]*entity
	order    []string // entity keys in creation order
	targets  []*target
	cfgKeys  map[string][]string // configured enterprise id → its keys
	timings  []landscape.Timing

	flat       []config.Branch
	branch     map[string]config.Branch
	leaves     []config.Branch
	macroBr    map[string]landscape.BranchStats
	clusterLab map[string]config.Text
	clusters   []string

	indFams, indWithApp, indScored int
	indRecent, indPrevious         float64
	indQMean                       *float64
	indOffices                     float64
	indOfficeN                     map[string]float64
	indDims                        map[dimKey]industryTotal
	qualIndicators                 []string
	qualMissing                    []landscape.Unavailable
	threshold                      *float64
	coreTotal                      int
	appTotals                      map[string]float64
	display                        map[string]string
	citeAvailable                  bool
	citeReason                     string
	citeCount                      int
	flows                          map[[2]string]int
	details                        map[string]*PatentRef
	keyFams                        map[string]int
	rawNames                       map[string]map[string][]landscape.Count
	entityFams                     map[string]int
	pending                        []string // applicant keys whose display names the lists need
	unav                           []landscape.Unavailable
}

// BuildWith is Build with options (clusters, list lengths).
func BuildWith(ctx context.Context, s *analysis.Session, macro *landscape.Macro, opt Options) ([]*Enterprise, error) {
	if opt.Competitors <= 0 {
		opt.Competitors = DefaultCompetitors
	}
	if opt.ListLength <= 0 {
		opt.ListLength = DefaultListLength
	}
	if opt.WatchLength <= 0 {
		opt.WatchLength = DefaultWatchLength
	}
	if macro == nil {
		m, err := landscape.BuildMacro(ctx, s)
		if err != nil {
			return nil, fmt.Errorf("enterprise: macro: %w", err)
		}
		macro = m
	}
	if len(opt.Clusters) == 0 && macro.Map != nil {
		opt.Clusters, opt.ClusterLabels = MapClusters(macro.Map)
	}
	b := &builder{ctx: ctx, s: s, cfg: s.Cfg, macro: macro, opt: opt, entities: map[string]*entity{},
		cfgKeys: map[string][]string{}, branch: map[string]config.Branch{}, macroBr: map[string]landscape.BranchStats{},
		clusterLab: map[string]config.Text{}, indDims: map[dimKey]industryTotal{}, indOfficeN: map[string]float64{},
		display: map[string]string{}, flows: map[[2]string]int{}, details: map[string]*PatentRef{}}
	if err := b.setup(); err != nil {
		return nil, err
	}
	steps := []struct {
		name string
		fn   func() error
	}{
		{"entities", b.resolve}, {"match", b.matchData}, {"quality", b.quality}, {"competitors", b.competitors}, {"industry", b.industry},
		{"metrics", b.metrics}, {"citations", b.citations}, {"layout", b.layout}, {"watch_list", b.watch},
		{"lists", b.lists}, {"details", b.loadDetails}, {"names", func() error { return b.loadDisplay(b.pending) }},
	}
	for _, st := range steps {
		start := time.Now()
		if err := st.fn(); err != nil {
			return nil, fmt.Errorf("enterprise %s: %w", st.name, err)
		}
		b.timings = append(b.timings, landscape.Timing{Analysis: st.name, Seconds: round(time.Since(start).Seconds(), 3)})
	}
	out := make([]*Enterprise, 0, len(b.targets))
	for _, t := range b.targets {
		b.assemble(t)
		out = append(out, t.e)
	}
	// Each enterprise's declared families per standard, as the macro model counted them.
	for _, e := range out {
		for i := range macro.Standards.Enterprises {
			if es := &macro.Standards.Enterprises[i]; es.ID == e.ID && len(es.Shares) > 0 {
				e.Standards = es
			}
		}
	}
	// Each enterprise's own changes since the previous run: those of its families.
	changes, err := landscape.SessionChanges(ctx, s, s.Cfg.Warnings.Domestic)
	if err != nil {
		return nil, fmt.Errorf("enterprise changes: %w", err)
	}
	for _, e := range out {
		e.Changes = []landscape.PatentChange{}
		if len(changes) == 0 {
			continue
		}
		ids, err := s.FamiliesOf(ctx, e.Match.Keys)
		if err != nil {
			return nil, fmt.Errorf("enterprise %s: changes: %w", e.ID, err)
		}
		mine := map[string]bool{}
		for _, id := range ids {
			mine[id] = true
		}
		for _, c := range changes {
			if mine[c.FamilyID] {
				e.Changes = append(e.Changes, c)
			}
		}
	}
	if macro.Map != nil {
		for _, e := range out {
			ids, err := s.FamiliesOf(ctx, e.Match.Keys)
			if err != nil {
				return nil, fmt.Errorf("enterprise %s: map overlay: %w", e.ID, err)
			}
			e.MapOverlay = macro.Map.Overlay(ids)
		}
	}
	return out, nil
}

// MapClusters returns the technology clusters of the industry map as the gap analysis' second
// dimension: one assignment per family on the map, and each cluster's label in both languages
// (its first three index terms in that language, else its label).
func MapClusters(tm *landscape.TechMap) ([]ClusterAssignment, []ClusterLabel) {
	as := make([]ClusterAssignment, 0, len(tm.Points))
	for _, p := range tm.Points {
		as = append(as, ClusterAssignment{FamilyID: p.ID, Cluster: strconv.Itoa(p.Cluster)})
	}
	var labels []ClusterLabel
	for _, c := range tm.Clusters {
		labels = append(labels, ClusterLabel{ID: strconv.Itoa(c.ID),
			Label: config.Text{Zh: firstTerms(c.TermsZh, c.Label), En: firstTerms(c.TermsEn, c.Label)}})
	}
	return as, labels
}

func firstTerms(ts []string, fallback string) string {
	if len(ts) == 0 {
		return fallback
	}
	return strings.Join(ts[:min(3, len(ts))], " ")
}

// setup selects the enterprises, loads the thesaurus and fixes the windows.
func (b *builder) setup() error {
	if len(b.cfg.Enterprises) == 0 {
		return fmt.Errorf("%w: the config lists no enterprises", ErrNoEnterprise)
	}
	if p := b.cfg.Thesaurus; p != "" {
		th, err := applicant.LoadThesaurus(p)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				b.unav = append(b.unav, landscape.Unavailable{Analysis: "match.thesaurus", Section: "overview", Code: landscape.CodeThesaurusMissing, Detail: p})
			} else {
				return err
			}
		}
		b.thes = th
	}
	b.flat = b.cfg.Flatten()
	hasChild := map[string]bool{}
	for _, br := range b.flat {
		b.branch[br.ID] = br
		if br.Parent != "" {
			hasChild[br.Parent] = true
		}
	}
	for _, br := range b.flat {
		if !hasChild[br.ID] {
			b.leaves = append(b.leaves, br)
		}
	}
	for _, st := range b.macro.Technology.Branches {
		b.macroBr[st.ID] = st
	}
	for _, c := range b.opt.ClusterLabels {
		b.clusterLab[c.ID] = c.Label
	}
	w := b.cfg.Warnings.Thresholds.WindowYears
	if w <= 0 {
		w = 5
	}
	lc := b.s.LastComplete()
	b.win = Windows{Years: w, RecentFrom: lc - w + 1, RecentTo: lc, PreviousFrom: lc - 2*w + 1, PreviousTo: lc - w}
	// Keys of every configured enterprise (competitors may name them by id or by a name).
	for i := range b.cfg.Enterprises {
		e := &b.cfg.Enterprises[i]
		b.cfgKeys[e.ID] = b.keysOf(append(append([]string(nil), e.Names...), e.Subsidiaries...))
	}
	only := strings.ToLower(strings.TrimSpace(b.opt.Only))
	for i := range b.cfg.Enterprises {
		e := &b.cfg.Enterprises[i]
		if only != "" && !matchesOnly(e, only) {
			continue
		}
		t := &target{e: &Enterprise{ID: e.ID, Name: e.Name, Role: e.Role, Windows: b.win}, explicit: len(e.Competitors) > 0, overlap: map[string]float64{}}
		t.self = b.enterpriseEntity(e)
		b.targets = append(b.targets, t)
	}
	if len(b.targets) == 0 {
		return fmt.Errorf("%w: no enterprise in the config matches %q", ErrNoEnterprise, b.opt.Only)
	}
	return nil
}

func matchesOnly(e *config.Enterprise, only string) bool {
	cands := append([]string{e.ID, e.Name.Zh, e.Name.En}, e.Names...)
	for _, c := range cands {
		if strings.ToLower(strings.TrimSpace(c)) == only {
			return true
		}
	}
	return false
}

// keysOf normalises names (applicant.Normalize, then the thesaurus), keeping order, dropping
// empty and repeated keys.
func (b *builder) keysOf(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		k := b.thes.Key(n)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, k)
	}
	return out
}

func (b *builder) addEntity(e *entity) *entity {
	if old, ok := b.entities[e.key]; ok {
		return old
	}
	e.years = map[int]float64{}
	e.dims = map[dimKey]dimVal{}
	b.entities[e.key] = e
	b.order = append(b.order, e.key)
	return e
}

func (b *builder) enterpriseEntity(e *config.Enterprise) *entity {
	return b.addEntity(&entity{key: e.ID, names: b.cfgKeys[e.ID], label: e.Name, ent: e, source: "enterprise"})
}

// entityForName returns the entity of a normalised applicant key: the configured enterprise that
// lists it (the first in config order), else an applicant entity "@key".
func (b *builder) entityForName(key, source string) *entity {
	for i := range b.cfg.Enterprises {
		e := &b.cfg.Enterprises[i]
		for _, k := range b.cfgKeys[e.ID] {
			if k == key {
				return b.enterpriseEntity(e)
			}
		}
	}
	return b.addEntity(&entity{key: "@" + key, names: []string{key}, source: source})
}

func (b *builder) exec(name string, args ...any) error {
	start := time.Now()
	if _, err := b.s.DB.SQL().ExecContext(b.ctx, analysis.Q(name), args...); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	b.queryTime(name, start)
	return nil
}

// queryTime records a query's time in the session's timings (as the analysis package does).
func (b *builder) queryTime(name string, start time.Time) {
	b.s.RecordTiming("enterprise "+name, start)
}

// insertNames writes entity → name rows for the given entities.
func (b *builder) insertNames(es []*entity) error {
	var ek, nk []string
	for _, e := range es {
		for _, n := range e.names {
			ek, nk = append(ek, e.key), append(nk, n)
		}
	}
	if len(ek) == 0 {
		return nil
	}
	return b.exec("insert_ent_name", ek, nk)
}

// resolve registers the enterprises and their configured competitors and writes ent_name.
func (b *builder) resolve() error {
	for _, t := range b.targets {
		e := t.self.ent
		for _, c := range e.Competitors {
			c = strings.TrimSpace(c)
			var ce *entity
			if ref := b.cfgEnterprise(c); ref != nil {
				if ref.ID == e.ID {
					continue
				}
				ce = b.enterpriseEntity(ref)
			} else {
				k := b.thes.Key(c)
				if k == "" {
					t.e.Unavailable = append(t.e.Unavailable, landscape.Unavailable{Analysis: "competitors", Section: "overview", Code: landscape.CodeEmptyName, Detail: c})
					continue
				}
				ce = b.entityForName(k, "name")
				if ce == t.self {
					continue
				}
				if ce.ent == nil && ce.label.En == "" {
					ce.label = config.Text{Zh: c, En: c}
				}
			}
			t.competitors = appendEntity(t.competitors, ce)
		}
	}
	if err := b.exec("create_ent_name"); err != nil {
		return err
	}
	if err := b.exec("create_ent_cluster"); err != nil {
		return err
	}
	if len(b.opt.Clusters) > 0 {
		var fs, cs []string
		seen := map[string]bool{}
		for _, a := range b.opt.Clusters {
			if a.FamilyID == "" || a.Cluster == "" {
				continue
			}
			fs, cs = append(fs, a.FamilyID), append(cs, a.Cluster)
			if !seen[a.Cluster] {
				seen[a.Cluster] = true
				b.clusters = append(b.clusters, a.Cluster)
			}
		}
		sort.Strings(b.clusters)
		if err := b.exec("insert_ent_cluster", fs, cs); err != nil {
			return err
		}
	}
	if err := b.exec("ent_dim"); err != nil {
		return err
	}
	return b.insertNames(b.entityList())
}

func (b *builder) cfgEnterprise(id string) *config.Enterprise {
	for i := range b.cfg.Enterprises {
		if b.cfg.Enterprises[i].ID == id {
			return &b.cfg.Enterprises[i]
		}
	}
	return nil
}

func appendEntity(list []*entity, e *entity) []*entity {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

func (b *builder) entityList() []*entity {
	out := make([]*entity, 0, len(b.order))
	for _, k := range b.order {
		out = append(out, b.entities[k])
	}
	return out
}

// quality marks the industry's core patents and quality deciles in ent_q, from the macro
// navigation's per-family quality index (fam_quality, written by landscape.BuildMacro on this
// session; the macro is built here when the table is missing). Core patents are the top
// core_share of all families in the window, ranked as the macro ranks them (score, then family
// id); the watch-list threshold is the blocking_quality_percentile quantile of the scores.
func (b *builder) quality() error {
	exists, err := analysis.FamQualityExists.One(b.ctx, b.s)
	if err != nil {
		return err
	}
	if exists.N == 0 {
		m, err := landscape.BuildMacro(b.ctx, b.s)
		if err != nil {
			return err
		}
		b.macro.Quality.Indicators, b.macro.Quality.Missing = m.Quality.Indicators, m.Quality.Missing
	}
	b.qualIndicators = b.macro.Quality.Indicators
	b.qualMissing = b.macro.Quality.Missing
	window, err := analysis.WindowFamilies.One(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	core := int(math.Ceil(float64(window.N) * b.cfg.Analysis.CoreShare))
	if err := b.exec("ent_q", core, b.s.From, b.s.To); err != nil {
		return err
	}
	st, err := analysis.EntQStats.One(b.ctx, b.s, b.cfg.Warnings.Thresholds.BlockingQualityPercent)
	if err != nil {
		return err
	}
	b.indScored, b.coreTotal = st.Scored, st.Core
	if st.Threshold != nil {
		b.threshold = ptr(*st.Threshold, 4)
	}
	return nil
}

// competitors picks the automatic competitors of the enterprises without configured ones, then
// builds ent_fam (family × entity) once for every entity.
func (b *builder) competitors() error {
	if err := b.autoCompetitors(); err != nil {
		return err
	}
	return b.exec("ent_fam", b.s.From, b.s.To)
}

func (b *builder) autoCompetitors() error {
	var need []string
	for _, t := range b.targets {
		if !t.explicit {
			need = append(need, t.self.key)
		}
	}
	if len(need) == 0 {
		return nil
	}
	profile, err := analysis.EntProfile.All(b.ctx, b.s, need, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	leaf := map[string]bool{}
	for _, l := range b.leaves {
		leaf[l.ID] = true
	}
	prof := map[string]map[string]float64{}
	tot := map[string]float64{}
	for _, r := range profile {
		e, br, n := r.Entity, r.BranchID, r.N
		if !leaf[br] {
			continue
		}
		if prof[e] == nil {
			prof[e] = map[string]float64{}
		}
		prof[e][br] += n
		tot[e] += n
	}
	var pe, pb []string
	var pw []float64
	for _, e := range need {
		for _, br := range sortedKeys(prof[e]) {
			pe, pb, pw = append(pe, e), append(pb, br), append(pw, prof[e][br]/tot[e])
		}
	}
	if err := b.exec("create_ent_prof"); err != nil {
		return err
	}
	if len(pe) == 0 {
		return nil
	}
	if err := b.exec("insert_ent_prof", pe, pb, pw); err != nil {
		return err
	}
	// Ask for more than needed: some candidates map to the enterprise itself or repeat.
	candidates, err := analysis.AutoCompetitors.All(b.ctx, b.s, b.s.From, b.s.To, b.opt.Competitors+5)
	if err != nil {
		return err
	}
	before := len(b.order)
	for _, t := range b.targets {
		if t.explicit {
			continue
		}
		for _, r := range candidates {
			if r.Entity != t.self.key || len(t.competitors) >= b.opt.Competitors {
				continue
			}
			ce := b.entityForName(r.Name, "auto")
			if ce == t.self {
				continue
			}
			if _, seen := t.overlap[ce.key]; !seen {
				t.overlap[ce.key] = r.Score
			}
			t.competitors = appendEntity(t.competitors, ce)
		}
	}
	if len(b.order) == before {
		return nil
	}
	var added []*entity
	for _, k := range b.order[before:] {
		added = append(added, b.entities[k])
	}
	return b.insertNames(added)
}

// industry loads the industry's totals: window counts, per branch / cluster, offices, ranks.
func (b *builder) industry() error {
	w := b.win
	r, err := analysis.IndustrySummary.One(b.ctx, b.s, w.RecentFrom, w.RecentTo, w.PreviousFrom, w.PreviousTo, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	b.indFams, b.indWithApp = r.Families, r.WithApplicant
	if p := r.QualityMean; p != nil {
		v := round(*p, 4)
		b.indQMean = &v
	}
	b.indOffices = r.Offices
	b.indRecent, b.indPrevious = r.Recent, r.Previous
	dims, err := analysis.IndustryDims.All(b.ctx, b.s, w.RecentFrom, w.RecentTo, w.PreviousFrom, w.PreviousTo, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	for _, r := range dims {
		b.indDims[dimKey{r.Dim, r.Key}] = industryTotal{fams: r.Families, withApp: r.WithApplicant,
			recent: r.Recent, previous: r.Previous, core: r.Core}
	}
	offices, err := analysis.IndustryOffices.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	for _, r := range offices {
		b.indOfficeN[r.Office] = r.N
	}
	totals, err := analysis.ApplicantTotals.All(b.ctx, b.s, b.s.From, b.s.To)
	if err != nil {
		return err
	}
	b.appTotals = make(map[string]float64, len(totals))
	for _, r := range totals {
		b.appTotals[r.Name] = r.N
	}
	return nil
}

// metrics runs the per-entity queries (each one pass for all entities).
func (b *builder) metrics() error {
	w := b.win
	summaries, err := analysis.EntSummary.All(b.ctx, b.s, w.RecentFrom, w.RecentTo, w.PreviousFrom, w.PreviousTo)
	if err != nil {
		return err
	}
	for _, r := range summaries {
		e := b.entities[r.Entity]
		if e == nil {
			continue
		}
		s := &e.sum
		s.present = true
		s.fam, s.whole, s.inv, s.um, s.other = r.Families, r.Whole, r.Inventions, r.Utility, r.Other
		s.granted, s.alive, s.pending, s.lapsed, s.unknown = r.Granted, r.Alive, r.Pending, r.Lapsed, r.Unknown
		s.firstYear, s.lastYear, s.offices = r.FirstYear, r.LastYear, r.Offices
		s.scored = r.Scored
		if p := r.QualityMean; p != nil {
			v := round(*p, 4)
			s.qmean = &v
		}
		s.topDecile, s.coreWhole, s.coreFrac = r.TopDecile, r.CoreWhole, r.CoreFrac
		s.recent, s.previous = r.Recent, r.Previous
	}
	years, err := analysis.EntYears.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range years {
		if e := b.entities[r.Entity]; e != nil {
			e.years[r.Year] = r.N
		}
	}
	dims, err := analysis.EntDims.All(b.ctx, b.s, w.RecentFrom, w.RecentTo, w.PreviousFrom, w.PreviousTo)
	if err != nil {
		return err
	}
	for _, r := range dims {
		if e := b.entities[r.Entity]; e != nil {
			e.dims[dimKey{r.Dim, r.Key}] = dimVal{n: r.N, recent: r.Recent, previous: r.Previous, core: r.Core}
		}
	}
	offices, err := analysis.EntOffices.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range offices {
		if e := b.entities[r.Entity]; e != nil {
			e.offices = append(e.offices, landscape.Count{Key: r.Office, N: r.N})
		}
	}
	deciles, err := analysis.EntDeciles.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range deciles {
		if e := b.entities[r.Entity]; e != nil {
			if d := r.Decile; d >= 1 && d <= 10 {
				e.deciles[d-1] = r.N
			}
		}
	}
	inventors, err := analysis.EntInventors.All(b.ctx, b.s, TopInventors)
	if err != nil {
		return err
	}
	for _, r := range inventors {
		e := b.entities[r.Entity]
		if e == nil {
			continue
		}
		e.invWith, e.invCount, e.invByTop = r.WithInventors, r.Inventors, r.ByTop
		row := InventorRow{Name: r.Name, Families: r.N}
		if e.invWith > 0 {
			row.Share = round(float64(row.Families)/float64(e.invWith), 4)
		}
		e.invTop = append(e.invTop, row)
	}
	// Display names of every entity key.
	var keys []string
	for _, e := range b.entityList() {
		keys = append(keys, e.names...)
	}
	return b.loadDisplay(keys)
}

// loadDisplay fills the most frequent raw spelling of normalised names not seen yet.
func (b *builder) loadDisplay(keys []string) error {
	var need []string
	seen := map[string]bool{}
	for _, k := range keys {
		if _, ok := b.display[k]; !ok && !seen[k] {
			seen[k] = true
			need = append(need, k)
		}
	}
	if len(need) == 0 {
		return nil
	}
	sort.Strings(need)
	rows, err := analysis.DisplayNames.All(b.ctx, b.s, need)
	if err != nil {
		return err
	}
	for _, k := range need {
		b.display[k] = k
	}
	for _, r := range rows {
		b.display[r.Name] = applicant.Display(r.NameRaw)
	}
	for _, e := range b.entityList() {
		if e.ent == nil && e.label.En == "" && len(e.names) > 0 {
			d := b.display[e.names[0]]
			e.label = config.Text{Zh: d, En: d}
		}
	}
	return nil
}

// citations resolves the scope's patent citations to family pairs in one pass (ent_cite) and
// loads who-cites-whom among all entities; when nothing resolves it says why.
func (b *builder) citations() error {
	if err := b.exec("ent_cite"); err != nil {
		return err
	}
	pairs, err := analysis.CitePairs.One(b.ctx, b.s)
	if err != nil {
		return err
	}
	if pairs.N == 0 {
		some, err := analysis.EntCitationsAny.One(b.ctx, b.s)
		if err != nil {
			return err
		}
		if some.N == 0 {
			b.citeReason = landscape.CodeNoCitations
		} else {
			b.citeReason = landscape.CodeCitationsUnresolved
		}
		return nil
	}
	b.citeAvailable = true
	flows, err := analysis.EntCitations.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range flows {
		n := r.N
		b.flows[[2]string{r.Citing, r.Cited}] = n
		b.citeCount += n
	}
	return nil
}

// Helpers.

func round(v float64, digits int) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	p := math.Pow(10, float64(digits))
	return math.Round(v*p) / p
}

func ptr(v float64, digits int) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	x := round(v, digits)
	return &x
}

func ratio(num, den float64, digits int) *float64 {
	if den == 0 {
		return nil
	}
	return ptr(num/den, digits)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// momentum is the add-one smoothed growth ratio of two windows.
func momentum(recent, previous float64) float64 { return (recent + 1) / (previous + 1) }
