package landscape

// Rule is a minimum-data rule: an analysis is computed only when the data has at least Min of
// Unit; below it the analysis is listed under "Analyses not available" with the rule and the
// number the data had (Unavailable{Code: CodeBelowMinimum, Rule: …, N: …, Min: …}). The rules
// are conventions chosen so that no printed rate rests on a handful of patents: a CAGR from 1 to
// 0 families is "−100 %", an S-curve through 18 families is "saturated" with r² 0.996. They are
// listed in every report's method section (ScopeSection.Minimums) and in docs/minimum-data.md.
type Rule struct {
	Code     string `json:"code"`     // e.g. "growth_end_year"
	Section  string `json:"section"`  // report section key
	Analysis string `json:"analysis"` // the analysis it guards
	Unit     string `json:"unit"`     // what is counted: families, years, applicants
	Min      int    `json:"min"`
}

// The minimum-data rules, in one place.
var (
	// MinGrowthEndYear: a growth rate (CAGR) needs at least this many families in its start
	// year and in its end year (both complete).
	MinGrowthEndYear = Rule{Code: "growth_end_year", Section: "trend", Analysis: "trend.cagr", Unit: "families", Min: 10}
	// MinFitYears: the logistic S-curve fit needs this many complete years with filings.
	MinFitYears = Rule{Code: "fit_years", Section: "life_cycle", Analysis: "life_cycle.fit", Unit: "years", Min: 8}
	// MinFitFamilies: … and this many families in those years.
	MinFitFamilies = Rule{Code: "fit_families", Section: "life_cycle", Analysis: "life_cycle.fit", Unit: "families", Min: 50}
	// MinConcentration: HHI, CR4 and CR8 need this many applicants (with fewer, the top four
	// hold everything by construction).
	MinConcentration = Rule{Code: "concentration_applicants", Section: "applicants", Analysis: "applicants.concentration", Unit: "applicants", Min: 5}
	// MinGrantRate: the grant rate needs this many decided invention families (granted, or
	// lapsed without a grant), and legal-status data at all (CodeNoLegalStatus).
	MinGrantRate = Rule{Code: "grant_rate_decided", Section: "legal", Analysis: "legal.grant_rate", Unit: "families", Min: 10}
	// MinRTAFamilies: a country's RTA row (country × level-1 branch) needs this many distinct
	// families of the country in the level-1 branches (in scope, in the window); below it the
	// row's cells are n/a (nil), as a branch's concentration below MinConcentration. The
	// country still enters the denominators.
	MinRTAFamilies = Rule{Code: "rta_country_families", Section: "technology", Analysis: "technology.rta", Unit: "families", Min: 10}
)

// Rules lists every minimum-data rule in report order.
var Rules = []Rule{MinGrowthEndYear, MinFitYears, MinFitFamilies, MinConcentration, MinGrantRate, MinRTAFamilies}

// Met reports whether n meets the rule.
func (r Rule) Met(n int) bool { return n >= r.Min }

// Below returns the Unavailable entry for an analysis that had only n.
func (r Rule) Below(n int) Unavailable {
	return Unavailable{Analysis: r.Analysis, Section: r.Section, Code: CodeBelowMinimum, Rule: r.Code, N: n, Min: r.Min}
}
