package config

import (
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/patnav/patnav/internal/geo"
)

// complete checks the config section by section and fills in the defaults. It is the one place
// where config values are checked and defaulted: every number once for finiteness and range,
// every country and office code against the ISO 3166 and WIPO ST.3 lists, every path that must
// exist. Each error names the key and its line. The libraries that read a Config (analysis,
// landscape, warnings) rely on it and keep no defaults of their own.
func (c *Config) complete(l *locator) error {
	for _, check := range []func(*locator) error{
		c.checkIndustry, c.checkBranches, c.checkRegion, c.checkAnalysis,
		c.checkEnterprises, c.checkWarnings, c.checkClustering, c.checkEffect, c.checkValue,
	} {
		if err := check(l); err != nil {
			return err
		}
	}
	if c.Lake == "" {
		c.Lake = "lake"
	}
	if c.Out == "" {
		c.Out = "out"
	}
	return nil
}

// bound is a closed or open end of a range.
type bound struct {
	v    float64
	open bool // the value itself is excluded
}

func incl(v float64) bound { return bound{v: v} }
func excl(v float64) bound { return bound{v: v, open: true} }

// inRange reports whether v is finite and within lo and hi.
func inRange(v float64, lo, hi bound) bool {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return false
	}
	if v < lo.v || lo.open && v == lo.v || v > hi.v || hi.open && v == hi.v {
		return false
	}
	return true
}

func (b bound) String(left bool) string {
	switch {
	case left && b.open:
		return fmt.Sprintf("(%v", b.v)
	case left:
		return fmt.Sprintf("[%v", b.v)
	case b.open:
		return fmt.Sprintf("%v)", b.v)
	}
	return fmt.Sprintf("%v]", b.v)
}

// number defaults *v to def when the key is absent (zero) and checks it is finite and within
// [lo, hi] (or the open ends given).
func number(l *locator, path string, v *float64, def float64, lo, hi bound) error {
	if *v == 0 && def != 0 {
		*v = def
	}
	if !inRange(*v, lo, hi) {
		return l.errorf(path, "want a finite number in %s, %s, not %v", lo.String(true), hi.String(false), *v)
	}
	return nil
}

// integer defaults *v to def when the key is absent (zero) and checks it is within [lo, hi].
func integer(l *locator, path string, v *int, def, lo, hi int) error {
	if *v == 0 && def != 0 {
		*v = def
	}
	if *v < lo || *v > hi {
		return l.errorf(path, "want an integer from %d to %d, not %d", lo, hi, *v)
	}
	return nil
}

// country normalises *v (upper case, spaces trimmed; def when empty) and checks it is an ISO 3166
// alpha-2 country code: "China" is a name, not a code.
func country(l *locator, path string, v *string, def string) error {
	*v = strings.ToUpper(strings.TrimSpace(*v))
	if *v == "" {
		*v = def
	}
	if len(*v) != 2 || geo.Country(*v) != *v {
		return l.errorf(path, "want an ISO 3166 two-letter country code such as CN, US or DE, not %q", *v)
	}
	return nil
}

// office is country for a patent office: an ISO country or a regional/international office
// (EP, WO, EA, AP, OA, GC …).
func office(l *locator, path string, v *string, def string) error {
	*v = strings.ToUpper(strings.TrimSpace(*v))
	if *v == "" {
		*v = def
	}
	if len(*v) != 2 || geo.Country(*v) != *v && !geo.IsOffice(*v) {
		return l.errorf(path, "want a patent office code (a two-letter country code, or EP, WO, EA …), not %q", *v)
	}
	return nil
}

func (c *Config) checkIndustry(l *locator) error {
	sc := &c.Industry.Scope
	if c.Industry.Name.Zh == "" && c.Industry.Name.En == "" {
		return l.errorf("industry.name", "the industry needs a name (zh and/or en)")
	}
	if len(sc.Codes) == 0 && sc.Keywords.Empty() {
		return l.errorf("industry.scope", "the scope needs codes and/or keywords")
	}
	switch sc.Require {
	case "", "any", "both":
	default:
		return l.errorf("industry.scope.require", "want any or both, not %q", sc.Require)
	}
	if err := checkCodes(l, "industry.scope.codes", sc.Codes); err != nil {
		return err
	}
	if sc.Exclude != nil {
		if err := checkCodes(l, "industry.scope.exclude.codes", sc.Exclude.Codes); err != nil {
			return err
		}
	}
	if err := checkKeywords(l, "industry.scope.keywords", sc.Keywords); err != nil {
		return err
	}
	if sc.Seeds != "" {
		if sc.Seeds = strings.TrimSpace(sc.Seeds); sc.Seeds == "" {
			return l.errorf("industry.scope.seeds", "empty seed file name")
		}
	}
	return nil
}

func (c *Config) checkBranches(l *locator) error {
	if len(c.Branches) == 0 {
		return l.errorf("branches", "the decomposition tree needs at least one branch")
	}
	return checkBranchList(l, c.Branches, "branches", 1, "", map[string]bool{})
}

func checkBranchList(l *locator, bs []Branch, path string, level int, parent string, ids map[string]bool) error {
	for i := range bs {
		b := &bs[i]
		p := fmt.Sprintf("%s[%d]", path, i)
		switch {
		case level > 3:
			return l.errorf(p, "the decomposition tree has at most 3 levels")
		case !idRe.MatchString(b.ID):
			return l.errorf(p+".id", "branch id %q: use lower-case letters, digits, _ and -", b.ID)
		case ids[b.ID]:
			return l.errorf(p+".id", "branch id %q is used twice", b.ID)
		case b.Name.Zh == "" && b.Name.En == "":
			return l.errorf(p+".name", "branch %s needs a name", b.ID)
		case len(b.Codes) == 0 && b.Keywords.Empty() && len(b.Children) == 0:
			return l.errorf(p, "branch %s needs codes, keywords or children", b.ID)
		}
		ids[b.ID] = true
		if err := checkCodes(l, p+".codes", b.Codes); err != nil {
			return err
		}
		if err := checkKeywords(l, p+".keywords", b.Keywords); err != nil {
			return err
		}
		b.Level, b.Parent = level, parent
		if err := checkBranchList(l, b.Children, p+".children", level+1, b.ID, ids); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) checkRegion(l *locator) error {
	r := &c.Region
	if err := country(l, "region.country", &r.Country, "CN"); err != nil {
		return err
	}
	if r.Province != "" {
		if r.Country != "CN" {
			return l.errorf("region.province", "a province is known for CN regions only (region.country is %s)", r.Country)
		}
		if geo.ProvinceName(r.Province) == "" {
			return l.errorf("region.province", "%q is not a province of China (e.g. 广东省, 广东, Guangdong)", r.Province)
		}
	}
	if r.City != "" && r.Country == "CN" {
		if city, _ := geo.CityName(r.City); city == "" {
			return l.errorf("region.city", "%q is not a prefecture-level city of China (e.g. 深圳市, 深圳)", r.City)
		}
	}
	years := make([]int, 0, len(r.Population))
	for y := range r.Population {
		years = append(years, y)
	}
	slices.Sort(years) // the first bad year is reported, whatever the map order
	for _, y := range years {
		key := fmt.Sprintf("region.population.%d", y)
		if y < 1900 || y > 2100 {
			return l.errorf(key, "a population year is a calendar year (1900 to 2100), not %d", y)
		}
		v := r.Population[y]
		if err := number(l, key, &v, 0, excl(0), incl(1e10)); err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) checkAnalysis(l *locator) error {
	a := &c.Analysis
	if a.Unit == "" {
		a.Unit = "family"
	}
	if a.Unit != "family" && a.Unit != "publication" {
		return l.errorf("analysis.unit", "want family or publication, not %q", a.Unit)
	}
	if a.Cutoff != "" {
		if _, err := time.Parse("2006-01-02", a.Cutoff); err != nil {
			return l.errorf("analysis.cutoff", "want a date YYYY-MM-DD, not %q", a.Cutoff)
		}
	}
	if err := integer(l, "analysis.from", &a.From, 2000, 1900, 2100); err != nil {
		return err
	}
	if a.To != 0 && (a.To < a.From || a.To > 2100) {
		return l.errorf("analysis.to", "years from %d to %d are not a window", a.From, a.To)
	}
	if a.Languages == nil {
		a.Languages = []string{"zh", "en"}
	}
	if len(a.Languages) == 0 {
		return l.errorf("analysis.languages", "want zh and/or en")
	}
	for i, lang := range a.Languages {
		if lang != "zh" && lang != "en" {
			return l.errorf(fmt.Sprintf("analysis.languages[%d]", i), "want zh or en, not %q", lang)
		}
	}
	if a.Burst.States == 0 {
		a.Burst.States = 2
	}
	for _, err := range []error{
		integer(l, "analysis.incomplete_years", &a.IncompleteYears, 2, 0, 5),
		integer(l, "analysis.top_n", &a.TopN, 20, 1, 1000),
		number(l, "analysis.burst.gamma", &a.Burst.Gamma, 1, incl(0), incl(100)),
		number(l, "analysis.burst.scale", &a.Burst.Scale, 2, excl(1), incl(100)),
		integer(l, "analysis.burst.states", &a.Burst.States, 2, 2, 10),
		number(l, "analysis.core_share", &a.CoreShare, 0.05, excl(0), incl(0.5)),
		integer(l, "analysis.citation_window", &a.CitationWindow, 5, 1, 30),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

func (c *Config) checkEnterprises(l *locator) error {
	ids := map[string]bool{}
	for i := range c.Enterprises {
		e := &c.Enterprises[i]
		p := fmt.Sprintf("enterprises[%d]", i)
		switch {
		case !idRe.MatchString(e.ID):
			return l.errorf(p+".id", "enterprise id %q: use lower-case letters, digits, _ and -", e.ID)
		case ids[e.ID]:
			return l.errorf(p+".id", "enterprise id %q is used twice", e.ID)
		case len(e.Names) == 0:
			return l.errorf(p+".names", "enterprise %s needs at least one applicant name", e.ID)
		}
		ids[e.ID] = true
		for j, n := range e.Names {
			if strings.TrimSpace(n) == "" {
				return l.errorf(fmt.Sprintf("%s.names[%d]", p, j), "empty applicant name")
			}
		}
		if e.Name.Zh == "" && e.Name.En == "" {
			e.Name = Text{Zh: e.Names[0], En: e.Names[0]}
		}
		switch e.Role {
		case "":
			e.Role = "local"
		case "local", "benchmark":
		default:
			return l.errorf(p+".role", "want local or benchmark, not %q", e.Role)
		}
	}
	return nil
}

// checkWarnings checks the warning settings (navigation.md §6 defaults). Domestic defaults to the
// region's country, the office to the domestic country.
func (c *Config) checkWarnings(l *locator) error {
	w := &c.Warnings
	if err := country(l, "warnings.domestic", &w.Domestic, c.Region.Country); err != nil {
		return err
	}
	if err := office(l, "warnings.office", &w.Office, w.Domestic); err != nil {
		return err
	}
	t := &w.Thresholds
	const p = "warnings.thresholds."
	for _, err := range []error{
		number(l, p+"reserve_low", &t.ReserveLow, 0.5, incl(0), incl(1e6)),
		number(l, p+"bubble", &t.Bubble, 5, excl(0), incl(1e6)),
		number(l, p+"growth_lag", &t.GrowthLag, 1, excl(0), incl(1e6)),
		number(l, p+"weak_leaders", &t.WeakLeaders, 1, excl(0), incl(1e6)),
		number(l, p+"portfolio_concentration", &t.PortfolioConcentration, 0.25, excl(0), incl(1)),
		number(l, p+"market_barrier", &t.MarketBarrier, 0.5, excl(0), incl(1)),
		number(l, p+"surge_growth", &t.SurgeGrowth, 2, excl(0), incl(1e6)),
		number(l, p+"surge_share_change", &t.SurgeShareChange, 0.05, excl(0), incl(1)),
		number(l, p+"concentration_rise", &t.ConcentrationRise, 200, excl(0), incl(10000)),
		number(l, p+"blocking_quality_percentile", &t.BlockingQualityPercent, 0.9, excl(0), excl(1)),
		integer(l, p+"expiring_months", &t.ExpiringMonths, 24, 1, 240),
		integer(l, p+"window_years", &t.WindowYears, 5, 1, 50),
	} {
		if err != nil {
			return err
		}
	}
	if t.Bubble <= t.ReserveLow {
		return l.errorf(p+"bubble", "the bubble threshold (%v) must be above reserve_low (%v)", t.Bubble, t.ReserveLow)
	}
	return nil
}

func (c *Config) checkClustering(l *locator) error {
	cl := &c.Clustering
	if cl.Seed == 0 {
		cl.Seed = 1
	}
	for _, err := range []error{
		integer(l, "clustering.k_min", &cl.KMin, 4, 2, 200),
		integer(l, "clustering.k_max", &cl.KMax, 16, 2, 200),
		integer(l, "clustering.max_docs", &cl.MaxDocs, 20000, 100, 10_000_000),
	} {
		if err != nil {
			return err
		}
	}
	if cl.KMax < cl.KMin {
		return l.errorf("clustering.k_max", "want k_min (%d) <= k_max (%d)", cl.KMin, cl.KMax)
	}
	for i := range cl.Resolutions {
		if err := number(l, fmt.Sprintf("clustering.resolutions[%d]", i), &cl.Resolutions[i], 0, excl(0), incl(100)); err != nil {
			return err
		}
	}
	return nil
}

// checkEffect checks the effect block against the branches of the tree (completeEffect).
func (c *Config) checkEffect(l *locator) error {
	ids := map[string]bool{}
	for _, b := range c.Flatten() {
		ids[b.ID] = true
	}
	return c.completeEffect(l, ids)
}

// checkValue checks the value block: weights finite and >= 0 (all absent: the defaults), the
// high-value share in (0, 1), min_families at least 1.
func (c *Config) checkValue(l *locator) error {
	v := c.Value
	if v == nil {
		return nil
	}
	d := DefaultValue()
	w := &v.Weights
	sum := 0.0
	for _, f := range []struct {
		key string
		v   *float64
	}{{"legal_status", &w.LegalStatus}, {"remaining_term", &w.RemainingTerm}, {"family_breadth", &w.FamilyBreadth},
		{"forward_citations", &w.ForwardCitations}, {"claims", &w.Claims}, {"operation", &w.Operation},
		{"litigation", &w.Litigation}, {"invalidation_survived", &w.Invalidation}} {
		if err := number(l, "value.weights."+f.key, f.v, 0, incl(0), incl(1000)); err != nil {
			return err
		}
		sum += *f.v
	}
	if sum == 0 {
		v.Weights = d.Weights
	}
	if err := number(l, "value.high_value_share", &v.HighValueShare, d.HighValueShare, excl(0), excl(1)); err != nil {
		return err
	}
	return integer(l, "value.min_families", &v.MinFamilies, d.MinFamilies, 1, 1000000)
}

// checkPaths checks, once relative paths are resolved, that the files the config names exist.
func (c *Config) checkPaths(l *locator) error {
	for _, f := range []struct{ key, path, what string }{
		{"thesaurus", c.Thesaurus, "thesaurus"},
		{"industry.scope.seeds", c.Industry.Scope.Seeds, "seed file"},
	} {
		if f.path == "" {
			continue
		}
		fi, err := os.Stat(f.path)
		if err != nil {
			return l.errorf(f.key, "the %s cannot be read: %v", f.what, err)
		}
		if fi.IsDir() {
			return l.errorf(f.key, "the %s %q is a folder", f.what, f.path)
		}
	}
	return nil
}
