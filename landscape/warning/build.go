package warning

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// RunIDLayout formats a run time (UTC) as a run id and history file name stem. Ids of this fixed
// width sort in time order.
const RunIDLayout = "20060102T150405.000000000Z"

// family is one family in scope with the facts the bulletin needs.
type family struct {
	id, country, status, rep, title string
	py                              int
	invention, utility, granted     bool
	officeInv                       bool // an invention publication at the office
	offices                         []string
	expiry                          time.Time // zero: unknown
	expiryStated                    bool
	branches                        map[string]bool
	apps                            []famApp
	pct                             float64 // quality percentile; valid when hasPct
	hasPct                          bool
	transfers, licences, litigation int
	invalidated                     bool
	lastTransfer, lastLicence       string
	events                          []event
}

type famApp struct {
	name, country, kind string
	w                   float64
}

type event struct {
	date, code, desc, kind string
}

// builder carries the state of one Build.
type builder struct {
	ctx    context.Context
	s      *analysis.Session
	cfg    *config.Config
	th     config.Thresholds
	dom    string
	office string
	now    time.Time
	macro  *landscape.Macro
	b      *Bulletin
	fams   []*family
	byID   map[string]*family
	flat   []config.Branch
	lc     int               // last complete priority year
	appCC  map[string]string // applicant → country (its most frequent)
	// whether the sources carry operation, litigation and invalidation facts at all
	opsKnown, litKnown, invKnown bool
}

// Build computes the risk-warning bulletin of the session's industry at run time now: the §6
// indicators overall and per branch, the signals beyond them, their severity and evidence. macro
// is the macro model of the same session (landscape.BuildMacro; nil builds it): the bulletin takes
// its header, decomposition tree and quality method from it. Every signal starts as new; Diff
// compares the bulletin with the previous run's.
func Build(ctx context.Context, s *analysis.Session, macro *landscape.Macro, now time.Time) (*Bulletin, error) {
	if s == nil || s.Cfg == nil {
		return nil, fmt.Errorf("warning: no analysis session")
	}
	cfg := s.Cfg
	// The config is checked and completed by internal/config (the one place of its defaults
	// and ranges): domestic defaults to the region's country, the office to domestic.
	th := cfg.Warnings.Thresholds
	dom, office := cfg.Warnings.Domestic, cfg.Warnings.Office
	if dom == "" || office == "" || th.WindowYears == 0 {
		return nil, fmt.Errorf("warning: the config was not completed (load it with config.Load or config.Parse)")
	}
	if macro == nil {
		m, err := landscape.BuildMacro(ctx, s)
		if err != nil {
			return nil, fmt.Errorf("warning: macro model: %w", err)
		}
		macro = m
	}
	now = now.UTC()
	b := &builder{ctx: ctx, s: s, cfg: cfg, th: th, dom: dom, office: office, now: now, macro: macro,
		byID: map[string]*family{}, flat: cfg.Flatten(), lc: s.LastComplete(), appCC: map[string]string{}}
	b.b = &Bulletin{Version: FormatVersion}
	b.meta()
	steps := []struct {
		name string
		fn   func() error
	}{
		{"families", b.loadFamilies}, {"applicants", b.loadApplicants}, {"branches", b.loadBranches},
		{"quality", b.loadQuality}, {"operations", b.loadOperations},
	}
	for _, st := range steps {
		if err := st.fn(); err != nil {
			return nil, fmt.Errorf("warning: %s: %w", st.name, err)
		}
	}
	b.summaryCounts()
	b.trend()
	b.indicatorTable()
	b.techGap()
	b.surges()
	b.blocking()
	b.concentration()
	b.entrants()
	b.expiring()
	b.events()
	// The changes of patents in scope since the previous run, as evidence (old and new values,
	// the day and file they were observed in), each at watch or above also a signal.
	ch, err := landscape.SessionChanges(ctx, s, dom)
	if err != nil {
		return nil, fmt.Errorf("warning: changes: %w", err)
	}
	b.b.PatentChanges = ch
	b.changeSignals(ch)
	if err := b.declarationSignals(); err != nil {
		return nil, fmt.Errorf("warning: declarations: %w", err)
	}
	b.finish()
	b.b.Meta.LakeVersion, b.b.Meta.ChangesSince = s.LakeVersion, s.ChangesSince
	return b.b, nil
}

func (b *builder) meta() {
	w := b.th.WindowYears
	var inc []int
	for y := b.s.From; y <= b.s.To; y++ {
		if b.s.Incomplete(y) {
			inc = append(inc, y)
		}
	}
	b.b.Meta = Meta{
		RunID: b.now.Format(RunIDLayout), Generated: b.now.Format(time.RFC3339),
		Industry: b.cfg.Industry.Name, Region: b.cfg.Region, Domestic: b.dom, Office: b.office,
		Cutoff: b.s.CutoffDate(), From: b.s.From, To: b.s.To, LastComplete: b.lc, Incomplete: inc,
		Unit:       "family",
		RecentFrom: b.lc - w + 1, RecentTo: b.lc, PrevFrom: b.lc - 2*w + 1, PrevTo: b.lc - w,
		ExpiringUntil: b.now.AddDate(0, b.th.ExpiringMonths, 0).Format("2006-01-02"), CoreShare: b.cfg.Analysis.CoreShare,
		Thresholds: b.th, Branches: b.macro.Scope.Tree, Languages: b.cfg.Analysis.Languages, Version: landscape.Version,
	}
	if len(b.b.Meta.Branches) == 0 {
		for _, br := range b.flat {
			b.b.Meta.Branches = append(b.b.Meta.Branches, landscape.BranchNode{ID: br.ID, Name: br.Name, Level: br.Level, Parent: br.Parent})
		}
	}
}

// unavailable records an analysis the data cannot support: its code and the years its sentence
// names (n, min; 0 when none).
func (b *builder) unavailable(analysisName, code string, n, min int) {
	b.b.Unavailable = append(b.b.Unavailable, landscape.Unavailable{Analysis: analysisName, Code: code, N: n, Min: min})
}

func (b *builder) loadFamilies() error {
	rows, err := analysis.WarnFamilies.All(b.ctx, b.s, b.office)
	if err != nil {
		return err
	}
	for _, r := range rows {
		f := &family{id: r.FamilyID, py: r.Year, country: strings.ToUpper(r.Country),
			invention: r.Invention, utility: r.Utility, granted: r.Granted, status: r.Status,
			officeInv: r.OfficeInvention, offices: r.Offices, rep: r.RepPub, title: r.Title,
			expiryStated: r.ExpiryStated, branches: map[string]bool{}}
		if f.offices == nil {
			f.offices = []string{}
		}
		if r.Expiry != nil {
			f.expiry = *r.Expiry
		}
		b.fams = append(b.fams, f)
		b.byID[f.id] = f
	}
	return nil
}

func (b *builder) loadApplicants() error {
	rows, err := analysis.WarnApplicants.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	freq := map[string]map[string]int{}
	for _, r := range rows {
		f := b.byID[r.FamilyID]
		if f == nil {
			continue
		}
		a := famApp{name: r.Name, country: strings.ToUpper(r.Country), kind: r.Kind, w: r.W}
		f.apps = append(f.apps, a)
		if a.country != "" {
			if freq[a.name] == nil {
				freq[a.name] = map[string]int{}
			}
			freq[a.name][a.country]++
		}
	}
	// An applicant's country: its most frequent one (ties: alphabetical).
	for name, m := range freq {
		best, bn := "", -1
		for _, c := range sortedKeys(m) {
			if m[c] > bn {
				best, bn = c, m[c]
			}
		}
		b.appCC[name] = best
	}
	return nil
}

func (b *builder) loadBranches() error {
	rows, err := analysis.WarnBranches.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if f := b.byID[r.FamilyID]; f != nil {
			f.branches[r.BranchID] = true
		}
	}
	return nil
}

// loadQuality reads each window family's quality percentile from the macro model's fam_quality
// table (landscape.BuildMacro keeps every family's OECD-style quality index 4, normalised within
// priority-year × main-subclass cohorts, and its percentile pct = 1 − rank/N over the window's
// families: the best family has 1). When the session has no such table (the macro model came from
// another session), the macro model is built again on this one.
func (b *builder) loadQuality() error {
	has, err := analysis.HasTable.One(b.ctx, b.s, "fam_quality")
	if err != nil {
		return err
	}
	if has.N == 0 {
		if _, err := landscape.BuildMacro(b.ctx, b.s); err != nil {
			return fmt.Errorf("macro model for the quality index: %w", err)
		}
		if has, err = analysis.HasTable.One(b.ctx, b.s, "fam_quality"); err != nil {
			return err
		}
	}
	if has.N == 0 {
		b.unavailable("quality", UnavNoWindowFamilies, 0, 0)
		return nil
	}
	rows, err := analysis.WarnQuality.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if f := b.byID[r.FamilyID]; f != nil && r.Pct != nil {
			f.pct, f.hasPct = *r.Pct, true
		}
	}
	if len(rows) == 0 {
		b.unavailable("quality", UnavNoQuality, 0, 0)
	}
	return nil
}

// Legal-event classification (code or description, case-insensitive), tried in this order.
var (
	eventAny     = `(?i)(litig|lawsuit|court|suit\b|诉讼|invalid|revoc|revoked|opposition|无效|transfer|assign|change of (owner|proprietor|applicant)|new owner|转让|转移|权利人变更|著录事项变更|licen[cs]|许可)`
	eventClasses = []struct {
		kind string
		re   *regexp.Regexp
	}{
		{KindInvalidation, regexp.MustCompile(`(?i)(invalid|revoc|revoked|opposition|无效)`)},
		{KindLitigation, regexp.MustCompile(`(?i)(litig|lawsuit|court|suit\b|诉讼)`)},
		{KindLicence, regexp.MustCompile(`(?i)(licen[cs]|许可)`)},
		{KindTransfer, regexp.MustCompile(`(?i)(transfer|assign|change of (owner|proprietor|applicant)|new owner|转让|转移|权利人变更|著录事项变更)`)},
	}
)

func classifyEvent(code, desc string) string {
	s := code + " " + desc
	for _, c := range eventClasses {
		if c.re.MatchString(s) {
			return c.kind
		}
	}
	return ""
}

func (b *builder) loadOperations() error {
	cov, err := analysis.OperationsCoverage.One(b.ctx, b.s)
	if err != nil {
		return err
	}
	b.opsKnown, b.litKnown, b.invKnown = cov.Operations > 0, cov.Litigation > 0, cov.Invalidation > 0
	ops, err := analysis.FamilyOperations.All(b.ctx, b.s)
	if err != nil {
		return err
	}
	for _, r := range ops {
		f := b.byID[r.FamilyID]
		if f == nil {
			continue
		}
		f.transfers, f.licences, f.litigation = r.Transfers, r.Licences, r.Litigations
		f.invalidated = r.Invalidated
		f.lastTransfer, f.lastLicence = r.LastTransfer, r.LastLicence
	}
	has, err := analysis.HasTable.One(b.ctx, b.s, "legal_events")
	if err != nil {
		return err
	}
	if has.N == 0 {
		return nil
	}
	events, err := analysis.LegalEvents.All(b.ctx, b.s, eventAny)
	if err != nil {
		return err
	}
	for _, r := range events {
		f := b.byID[r.FamilyID]
		if f == nil {
			continue
		}
		e := event{date: r.Date, code: r.Code, desc: r.Description}
		if e.kind = classifyEvent(e.code, e.desc); e.kind == "" {
			continue
		}
		f.events = append(f.events, e)
		switch e.kind {
		case KindLitigation:
			b.litKnown = true
		case KindInvalidation:
			b.invKnown = true
		default:
			b.opsKnown = true
		}
	}
	return nil
}

// inWindow reports whether the family's priority year is in the analysis window.
func (b *builder) inWindow(f *family) bool { return f.py >= b.s.From && f.py <= b.s.To }

// origin classifies a country code as "domestic", "foreign" or "unknown".
func (b *builder) origin(country string) string {
	switch {
	case country == "":
		return "unknown"
	case country == b.dom:
		return "domestic"
	}
	return "foreign"
}

// scopeFams returns the families of a scope: all ("") or one branch.
func (b *builder) scopeFams(branch string) []*family {
	if branch == "" {
		return b.fams
	}
	var out []*family
	for _, f := range b.fams {
		if f.branches[branch] {
			out = append(out, f)
		}
	}
	return out
}

// alive reports whether the family is in force at the run time: its status is alive, or the
// source gives no status and it is granted and within its (stated or estimated) term (presumed).
func (b *builder) alive(f *family) (alive, presumed bool) {
	switch f.status {
	case "alive":
		return true, false
	case "unknown", "":
		if f.granted && !f.expiry.IsZero() && f.expiry.After(b.now) {
			return true, true
		}
	}
	return false, false
}

// ref describes a family for a signal's patent list.
func (b *builder) ref(f *family) PatentRef {
	p := PatentRef{PubNumber: f.rep, FamilyID: f.id, Title: f.title, Country: f.country, Year: f.py, Status: f.status}
	if len(f.apps) > 0 {
		p.Applicant = f.apps[0].name
	}
	if _, pres := b.alive(f); pres {
		p.Presumed = true
	}
	if f.hasPct {
		p.Quality = ptr(f.pct)
	}
	if !f.expiry.IsZero() {
		p.Expiry, p.ExpiryStated = f.expiry.Format("2006-01-02"), f.expiryStated
	}
	return p
}

// topRefs sorts families by quality percentile (highest first; unknown last), then priority year
// (newest first), then id, and returns the first MaxPatents as references with the total.
func (b *builder) topRefs(fs []*family) ([]PatentRef, int) {
	c := append([]*family(nil), fs...)
	sort.SliceStable(c, func(i, j int) bool {
		a, d := c[i], c[j]
		if a.hasPct != d.hasPct {
			return a.hasPct
		}
		if a.pct != d.pct {
			return a.pct > d.pct
		}
		if a.py != d.py {
			return a.py > d.py
		}
		return a.id < d.id
	})
	var out []PatentRef
	for i, f := range c {
		if i == MaxPatents {
			break
		}
		out = append(out, b.ref(f))
	}
	return out, len(c)
}

func (b *builder) summaryCounts() {
	S := &b.b.Summary
	for _, f := range b.fams {
		if !b.inWindow(f) {
			continue
		}
		S.Families++
		if !f.invention || !f.officeInv {
			continue
		}
		S.OfficeInventions++
		switch b.origin(f.country) {
		case "domestic":
			S.Domestic++
		case "foreign":
			S.Foreign++
		default:
			S.UnknownOrigin++
		}
	}
}

// trend fills the yearly domestic and foreign invention families at the office.
func (b *builder) trend() {
	d, fo := b.officeSeries(b.fams)
	T := &b.b.Trend
	T.Office = b.office
	for y := b.s.From; y <= b.s.To; y++ {
		inc := b.s.Incomplete(y)
		T.Domestic = append(T.Domestic, landscape.YearPoint{Year: y, N: d[y], Incomplete: inc})
		T.Foreign = append(T.Foreign, landscape.YearPoint{Year: y, N: fo[y], Incomplete: inc})
	}
	T.Basis = landscape.Basis{Unit: "family", N: int(b.b.Summary.Domestic + b.b.Summary.Foreign), From: b.s.From, To: b.s.To,
		Query: "families"}
}

// officeSeries counts the window's invention families at the office per priority year by origin.
func (b *builder) officeSeries(fs []*family) (dom, foreign map[int]float64) {
	dom, foreign = map[int]float64{}, map[int]float64{}
	for _, f := range fs {
		if !b.inWindow(f) || !f.invention || !f.officeInv {
			continue
		}
		switch b.origin(f.country) {
		case "domestic":
			dom[f.py]++
		case "foreign":
			foreign[f.py]++
		}
	}
	return dom, foreign
}

// finish sorts the signals, sets the first-run states, counts and lists the rules and limitations.
func (b *builder) finish() {
	B := b.b
	kindOrder := map[string]int{}
	for i, k := range Kinds {
		kindOrder[k] = i
	}
	branchOrder := map[string]int{}
	for i, br := range b.flat {
		branchOrder[br.ID] = i + 1 // the industry as a whole ("") sorts first
	}
	sortSignals(B.Signals, kindOrder, branchOrder)
	for i := range B.Signals {
		B.Signals[i].State = StateNew
	}
	B.Rules = append([]string(nil), Rules...)
	// Empty lists encode as [] (never null).
	if B.Signals == nil {
		B.Signals = []Signal{}
	}
	if B.Indicators == nil {
		B.Indicators = []Indicator{}
	}
	if B.TechGap == nil {
		B.TechGap = []TechGap{}
	}
	Diff(nil, B)
	B.Limitations = []landscape.Note{{Code: LimOrigin, Param: b.dom}, {Code: LimCount, Param: b.office}, {Code: LimLag, N: b.lc},
		{Code: LimStatus}, {Code: LimExpiry}, {Code: LimEvents}, {Code: LimBranch, N: MinBranchFamilies}, {Code: LimCoverage}}
	if B.Unavailable == nil {
		B.Unavailable = []landscape.Unavailable{}
	}
}

// sortSignals orders signals by level (most serious first), kind order, branch (the whole
// industry first, then the decomposition tree's order), then key.
func sortSignals(s []Signal, kindOrder, branchOrder map[string]int) {
	sort.SliceStable(s, func(i, j int) bool {
		a, c := s[i], s[j]
		if Rank(a.Level) != Rank(c.Level) {
			return Rank(a.Level) > Rank(c.Level)
		}
		if kindOrder[a.Kind] != kindOrder[c.Kind] {
			return kindOrder[a.Kind] < kindOrder[c.Kind]
		}
		if branchOrder[a.Branch] != branchOrder[c.Branch] {
			return branchOrder[a.Branch] < branchOrder[c.Branch]
		}
		return a.Key < c.Key
	})
}

// add appends a signal, deriving its id from its key.
func (b *builder) add(s Signal) {
	s.ID = SignalID(s.Key)
	b.b.Signals = append(b.b.Signals, s)
}

// subjectKey builds a signal key: kind, then the subject's parts ("overall" when none).
func subjectKey(kind string, parts ...string) string {
	var p []string
	for i := 0; i+1 < len(parts); i += 2 {
		if parts[i+1] != "" {
			p = append(p, parts[i]+"="+parts[i+1])
		}
	}
	if len(p) == 0 {
		return kind + ":overall"
	}
	return kind + ":" + strings.Join(p, ":")
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
