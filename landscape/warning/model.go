package warning

import (
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// FormatVersion is the version of the bulletin's JSON (and of the history files). LoadPrevious
// refuses files written by a newer version.
const FormatVersion = 1

// Severity levels, from the least to the most serious. A signal always has one of them; an
// indicator that is not past (or near) its threshold has the empty level.
const (
	LevelInfo    = "info"
	LevelWatch   = "watch"
	LevelWarning = "warning"
	LevelSevere  = "severe"
)

// Levels lists the severity levels from the least to the most serious.
var Levels = []string{LevelInfo, LevelWatch, LevelWarning, LevelSevere}

// Rank orders levels: 0 for the empty or an unknown level, 1 info, 2 watch, 3 warning, 4 severe.
func Rank(level string) int {
	for i, l := range Levels {
		if l == level {
			return i + 1
		}
	}
	return 0
}

// ValidLevel reports whether level is one of Levels.
func ValidLevel(level string) bool { return Rank(level) > 0 }

// Change states of a signal against the previous run (see Diff).
const (
	StateNew         = "new"          // not in the previous run (every signal of a first run)
	StateEscalated   = "escalated"    // in the previous run at a lower level
	StateUnchanged   = "unchanged"    // in the previous run at the same level
	StateDeescalated = "de-escalated" // in the previous run at a higher level
	StateResolved    = "resolved"     // in the previous run, gone now (listed in Changes only)
)

// States lists the change states in the order bulletins list them.
var States = []string{StateNew, StateEscalated, StateDeescalated, StateResolved, StateUnchanged}

// Kinds of indicators and signals. The first six are the §6 warning indicators (navigation.md);
// KindTechGap is reported without a threshold; the rest are the signals beyond the table.
const (
	KindReserve           = "reserve"                 // domestic reserve insufficient
	KindBubble            = "bubble"                  // quantity bubble
	KindGrowthLag         = "growth_lag"              // domestic growth lags foreign growth
	KindWeakLeaders       = "weak_leaders"            // top-10 domestic vs top-10 foreign applicants
	KindPortfolio         = "portfolio_concentration" // domestic vs foreign top-3/top-10 concentration
	KindMarketBarrier     = "market_barrier"          // families with a US/EP/JP member
	KindTechGap           = "technology_gap"          // first-filing year gap (reported)
	KindSurge             = "surge"                   // a foreign applicant surging in a branch
	KindBlocking          = "blocking"                // alive high-quality foreign patents
	KindConcentrationRise = "concentration_rise"      // HHI rising year on year
	KindEntrant           = "entrant"                 // a new applicant in the industry
	KindExpiring          = "expiring"                // a core patent expiring (freedom window)
	KindLitigation        = "litigation"              // a patent in litigation
	KindInvalidation      = "invalidation"            // an invalidation (request or decision)
	KindTransfer          = "transfer"                // a transfer (assignment)
	KindLicence           = "licence"                 // a licence
	KindChange            = "patent_change"           // a patent in scope changed since the previous run
)

// Kinds lists every signal kind in the order bulletins list them within a level.
var Kinds = []string{KindReserve, KindBubble, KindGrowthLag, KindWeakLeaders, KindPortfolio, KindMarketBarrier,
	KindSurge, KindBlocking, KindConcentrationRise, KindLitigation, KindEntrant, KindInvalidation,
	KindTransfer, KindLicence, KindExpiring, KindChange}

// Threshold directions.
const (
	Below   = "below"    // warn when the value is below the threshold (strictly)
	Above   = "above"    // warn when the value is above the threshold (strictly)
	AtLeast = "at_least" // warn when the value reaches the threshold (≥)
	ByCount = "count"    // the level follows from a count (see the kind's rule)
	ByRule  = "rule"     // the level follows from a fixed rule of the kind
)

// Severity rules (Signal.Rule, Bulletin.Rules): which rule set a signal's level.
const (
	RuleThreshold     = "threshold"          // a §6 indicator past its threshold by the factor Excess: watch, warning (≥ WarningFactor), severe (≥ SevereFactor)
	RuleNear          = "near"               // a §6 indicator not past its threshold but within NearFactor of it: info
	RuleSurge         = "surge"              // growth and share change both past their thresholds; the smaller factor sets the level
	RuleBlocking      = "blocking"           // a count of blocking candidates: 1–2 watch, BlockingWarning–9 warning, ≥ BlockingSevere severe
	RuleConcentration = "concentration_rise" // the HHI rise past concentration_rise by the factor Excess
	RuleEntrant       = "entrant"            // a new entrant: domestic info, foreign watch, foreign with ≥ EntrantWarningShare warning
	RuleLitigation    = "litigation"         // litigation: foreign-held warning, otherwise watch
	RuleCoreEvent     = "core_event"         // expiry, invalidation, transfer or licence of a core patent: info
	RuleChange        = "change"             // a change since the previous run, at the level landscape.Changes gives it
	RuleCoreChange    = "core_change"        // a lapse, refusal or invalidation of a core patent since the previous run: warning
)

// Rules lists the severity rules in the order bulletins list them (Bulletin.Rules).
var Rules = []string{RuleThreshold, RuleNear, RuleSurge, RuleBlocking, RuleConcentration, RuleEntrant, RuleLitigation,
	RuleCoreEvent, RuleChange, RuleCoreChange}

// Reasons an indicator is undefined (Indicator.Reason).
const (
	ReasonFewFamilies          = "few_families"           // a branch below MinBranchFamilies in its base
	ReasonNoOfficeFamilies     = "no_office_families"     // no domestic or foreign invention family at the office
	ReasonNoForeign            = "no_foreign"             // no foreign invention family at the office: the ratio is undefined, not infinite
	ReasonDomesticCAGR         = "domestic_cagr"          // the domestic CAGR is undefined (zero start year or too few years)
	ReasonForeignCAGR          = "foreign_cagr"           // the foreign CAGR is undefined
	ReasonForeignNotPositive   = "foreign_not_positive"   // the foreign CAGR is not positive: a ratio of rates does not read as a lag
	ReasonNoForeignApplicants  = "no_foreign_applicants"  // no foreign applicant with invention families at the office
	ReasonNoDomesticApplicants = "no_domestic_applicants" // no domestic applicant: the domestic top-3/top-10 share is undefined
	ReasonNoFamilies           = "no_families"            // no families in the window
	ReasonNoBarrierOffices     = "no_barrier_offices"     // no major foreign office for the domestic country
	ReasonUndefined            = "undefined"              // the value is not a finite number
)

// Reasons lists every Indicator.Reason code.
var Reasons = []string{ReasonFewFamilies, ReasonNoOfficeFamilies, ReasonNoForeign, ReasonDomesticCAGR, ReasonForeignCAGR,
	ReasonForeignNotPositive, ReasonNoForeignApplicants, ReasonNoDomesticApplicants, ReasonNoFamilies, ReasonNoBarrierOffices, ReasonUndefined}

// Codes of the bulletin's unavailable analyses (Unavailable.Code; an indicator of the whole
// industry without a value is listed with its Reason* code instead). N and Min carry the years
// the sentence names.
const (
	UnavNoWindowFamilies = "no_window_families" // quality: no families in scope in the window
	UnavNoQuality        = "no_quality_index"   // quality, blocking: no quality percentile for the families in scope
	UnavNoneAlive        = "none_alive"         // blocking: no family known to be alive (no legal status, no grant within its term)
	UnavWindowsEarly     = "windows_early"      // surge: the trend windows start in N, before the analysis window (Min)
	UnavOneCompleteYear  = "one_complete_year"  // concentration rise: fewer than two complete years (N: the last complete year)
	UnavShortHistory     = "short_history"      // entrants: the data start in N; telling entrants needs data from Min on
	UnavNoLitigation     = "no_litigation"      // the sources carry no litigation data
	UnavNoInvalidation   = "no_invalidation"    // the sources carry no invalidation data
	UnavNoTransfers      = "no_transfers"       // the sources carry no transfer or licence data
)

// UnavCodes lists every Unav* code.
var UnavCodes = []string{UnavNoWindowFamilies, UnavNoQuality, UnavNoneAlive, UnavWindowsEarly, UnavOneCompleteYear,
	UnavShortHistory, UnavNoLitigation, UnavNoInvalidation, UnavNoTransfers}

// Limitations of the method (Bulletin.Limitations, landscape.Note codes).
const (
	LimOrigin   = "origin"   // a family's origin is its first applicant's country (Param: the domestic country)
	LimCount    = "count"    // the §6 ratios count invention families at the office (Param), whole; rankings fractional
	LimLag      = "lag"      // priority years after N are incomplete
	LimStatus   = "status"   // a granted family within its term is presumed alive when the source gives no status
	LimExpiry   = "expiry"   // the source's expiry date, else filing (else grant) + 20 / 10 years
	LimEvents   = "events"   // legal events classified by keywords
	LimBranch   = "branch"   // branch ratios need N families
	LimCoverage = "coverage" // only the exports ingested; changes can come from new data
)

// LimCodes lists every Lim* code, in the order bulletins list them.
var LimCodes = []string{LimOrigin, LimCount, LimLag, LimStatus, LimExpiry, LimEvents, LimBranch, LimCoverage}

// Bulletin is one run's patent risk-warning bulletin (专利风险预警) for an industry: the §6 warning
// indicators overall and per branch, the signals with their severity and evidence, and the changes
// against the previous run. It is also the history record of the run (Save, LoadPrevious).
type Bulletin struct {
	Version int      `json:"version"`
	Meta    Meta     `json:"meta"`
	Summary Summary  `json:"summary"`
	Signals []Signal `json:"signals"` // by level (most serious first), kind, key
	Changes []Change `json:"changes"` // every signal's state against the previous run, resolved ones included
	// PatentChanges are the changes of patents in scope recorded since the previous run (lapses,
	// grants, refusals, invalidations, transfers, pledges, licences), oldest first.
	PatentChanges []landscape.PatentChange `json:"patent_changes"`
	Indicators    []Indicator              `json:"indicators"` // the §6 table: overall first, then each branch in tree order
	TechGap       []TechGap                `json:"technology_gap"`
	Trend         OfficeTrend              `json:"trend"` // domestic and foreign invention families at the office per year
	// Rules are the severity rules this run applied (Rule* codes, in the order bulletins list
	// them); reports word each with the run's thresholds.
	Rules       []string                `json:"rules"`
	Unavailable []landscape.Unavailable `json:"unavailable"` // Code: an Unav* code (or a landscape code)
	// Limitations are the method's limits: Lim* codes with their figures (Param: a country or
	// office code, N: a year or a minimum), worded by reports.
	Limitations []landscape.Note `json:"limitations"`
}

// Meta describes the run.
type Meta struct {
	RunID     string        `json:"run_id"`    // the run time, UTC, as the history file's name (20260102T030405.000000000Z)
	Generated string        `json:"generated"` // the run time, RFC 3339
	Previous  string        `json:"previous"`  // run id of the bulletin compared against; "" for a first run
	Industry  config.Text   `json:"industry"`
	Region    config.Region `json:"region"`
	// Domestic is the country whose applicants are domestic; Office the office at which the
	// domestic and foreign invention filings of the §6 ratios are counted.
	Domestic string `json:"domestic"`
	Office   string `json:"office"`
	Cutoff   string `json:"cutoff"` // data cut-off YYYY-MM-DD
	// LakeVersion is the lake version the run read; ChangesSince the previous run's, after which
	// PatentChanges were recorded ("" : every change in the lake).
	LakeVersion   string `json:"lake_version"`
	ChangesSince  string `json:"changes_since"`
	From          int    `json:"from"` // priority-year window
	To            int    `json:"to"`
	LastComplete  int    `json:"last_complete"` // last complete priority year
	Incomplete    []int  `json:"incomplete"`
	Unit          string `json:"unit"`
	RecentFrom    int    `json:"recent_from"` // the trend window: recent period …
	RecentTo      int    `json:"recent_to"`
	PrevFrom      int    `json:"prev_from"` // … and the period before it
	PrevTo        int    `json:"prev_to"`
	ExpiringUntil string `json:"expiring_until"` // end of the freedom window (run time + expiring_months)
	// CoreShare is analysis.core_share: core patents have a quality percentile ≥ 1 − CoreShare.
	CoreShare float64 `json:"core_share"`
	// Thresholds are the thresholds used (config.Warnings.Thresholds after defaults).
	Thresholds config.Thresholds      `json:"thresholds"`
	Branches   []landscape.BranchNode `json:"branches"` // the decomposition tree, with family counts
	Languages  []string               `json:"languages"`
	Version    string                 `json:"patnav_version"`
}

// Summary is the bulletin at a glance.
type Summary struct {
	Families         int          `json:"families"`          // families in scope in the window
	OfficeInventions float64      `json:"office_inventions"` // invention families with a member at the office
	Domestic         float64      `json:"domestic"`          // … of domestic origin
	Foreign          float64      `json:"foreign"`           // … of foreign origin
	UnknownOrigin    float64      `json:"unknown_origin"`    // … of unknown origin (left out of the ratios)
	Signals          int          `json:"signals"`
	ByLevel          []LevelCount `json:"by_level"` // most serious first
	ByState          []StateCount `json:"by_state"` // in States order, resolved included
}

// LevelCount is how many signals a level has, and how many of them are new or escalated.
type LevelCount struct {
	Level     string `json:"level"`
	N         int    `json:"n"`
	New       int    `json:"new"`
	Escalated int    `json:"escalated"`
}

// StateCount is how many signals have a change state.
type StateCount struct {
	State string `json:"state"`
	N     int    `json:"n"`
}

// Number is one named number behind an indicator or a signal. Unit says how to read it:
// families (a possibly fractional count), count, ratio, share (0–1), rate (a growth rate), year,
// hhi (0–10,000), points (HHI points), percentile (0–1), months, factor.
type Number struct {
	Key   string   `json:"key"`
	Value *float64 `json:"value"` // nil: undefined
	Unit  string   `json:"unit"`
}

// Indicator is one §6 warning indicator for the industry (Branch "") or one branch.
type Indicator struct {
	Kind   string   `json:"kind"`
	Branch string   `json:"branch,omitempty"`
	Value  *float64 `json:"value"` // nil when undefined (see Reason): never a stand-in 0 or infinity
	// Reason is why the value is undefined: a Reason* code (the indicator's Numbers hold the
	// figures behind it; reports word it).
	Reason string `json:"reason,omitempty"`
	// Threshold and Direction: the indicator warns when Value is Below / Above Threshold.
	Threshold float64         `json:"threshold"`
	Direction string          `json:"direction"`
	Level     string          `json:"level"`  // "" when not past nor near the threshold
	Excess    *float64        `json:"excess"` // how far past the threshold (see the severity rules); nil when undefined or infinite
	Numbers   []Number        `json:"numbers"`
	Basis     landscape.Basis `json:"basis"`
}

// TechGap is the technology gap of the industry (Branch "") or a branch: the first-filing year of
// domestic applicants minus that of each peer (US, JP, EP, KR; EP = applicants from EPC member
// states). A positive gap means domestic applicants started later.
type TechGap struct {
	Branch        string    `json:"branch,omitempty"`
	DomesticFirst int       `json:"domestic_first"` // 0: no domestic family
	Peers         []GapPeer `json:"peers"`
}

// GapPeer is one peer's first-filing year and the gap to it.
type GapPeer struct {
	Peer  string `json:"peer"`
	First int    `json:"first"` // 0: no family of the peer
	Gap   *int   `json:"gap"`   // domestic first year − peer first year; nil when either is missing
}

// OfficeTrend is the yearly count of invention families with a member at the office, by origin.
type OfficeTrend struct {
	Office   string                `json:"office"`
	Domestic []landscape.YearPoint `json:"domestic"`
	Foreign  []landscape.YearPoint `json:"foreign"`
	Basis    landscape.Basis       `json:"basis"`
}

// Signal is one warning signal: what it is about, its severity with the rule that set it, the
// numbers and patents behind it, and its state against the previous run.
type Signal struct {
	// ID is stable across runs: a hash of Key, which names the kind and the subject only (never a
	// number), so the same signal is recognised in the next run whatever its numbers.
	ID        string `json:"id"`
	Key       string `json:"key"` // "reserve:overall", "reserve:branch=pw", "surge:applicant=X:branch=Y"
	Kind      string `json:"kind"`
	Branch    string `json:"branch,omitempty"`
	Applicant string `json:"applicant,omitempty"`
	Family    string `json:"family,omitempty"`
	// Standard is the standard a declaration signal (KindDeclaration) is about.
	Standard string `json:"standard,omitempty"`
	// Country is the origin of the applicant or patent the signal is about, when it has one.
	Country string `json:"country,omitempty"`
	Level   string `json:"level"`
	// Value, Threshold and Direction state the test that fired; Excess how far past it the value
	// is (the factor the level follows from; nil for count and rule kinds, or when infinite).
	Value     *float64 `json:"value"`
	Threshold *float64 `json:"threshold"`
	Direction string   `json:"direction"`
	Excess    *float64 `json:"excess"`
	// Rule is the severity rule that set the level (a Rule* code); the figures it compares are
	// the signal's Value, Threshold, Excess, Numbers, Origin and Change, and the run's thresholds
	// (Meta.Thresholds), so reports word it without the model writing a sentence.
	Rule string `json:"rule"`
	// Origin is the origin of the applicant or patent the signal is about (domestic, foreign,
	// unknown) for the rules that depend on it (entrants, litigation).
	Origin  string   `json:"origin,omitempty"`
	Numbers []Number `json:"numbers"`
	// Patents are the top patents behind the signal (at most MaxPatents); PatentsTotal how many
	// there are in all.
	Patents      []PatentRef `json:"patents"`
	PatentsTotal int         `json:"patents_total"`
	// Series are the yearly numbers behind it, when it has some (SeriesUnit: families or hhi).
	Series     []Series `json:"series,omitempty"`
	SeriesUnit string   `json:"series_unit,omitempty"`
	// Date is the date of the latest event behind it (transfers, licences, legal events), if known.
	Date string `json:"date,omitempty"`
	// Change is the patent change behind a patent_change signal.
	Change *landscape.PatentChange `json:"change,omitempty"`
	Query  string                  `json:"query"` // the embedded SQL queries the numbers come from
	// State against the previous run and the level it had there ("" when new).
	State     string `json:"state"`
	PrevLevel string `json:"prev_level,omitempty"`
}

// Series is a named yearly series: "domestic", "foreign", "applicant" (the signal's applicant),
// "branch" (all applicants of the branch), "hhi".
type Series struct {
	Name   string                `json:"name"`
	Points []landscape.YearPoint `json:"points"`
}

// PatentRef is a patent (family) behind a signal.
type PatentRef struct {
	PubNumber string `json:"pub_number"` // the family's representative (earliest) publication
	FamilyID  string `json:"family_id"`
	Title     string `json:"title"`
	Applicant string `json:"applicant"` // first applicant, normalised
	Country   string `json:"country"`   // the family's origin
	Year      int    `json:"year"`      // priority year
	Status    string `json:"status"`    // alive / pending / lapsed / unknown
	// Presumed: the source gives no legal status; the family is granted and within its term, so it
	// is presumed alive.
	Presumed bool     `json:"presumed,omitempty"`
	Quality  *float64 `json:"quality"` // percentile of the quality index (0–1); nil when not computable
	Expiry   string   `json:"expiry,omitempty"`
	// ExpiryStated: the expiry date is the source's; else it is estimated from the term.
	ExpiryStated bool `json:"expiry_stated,omitempty"`
}

// Change is one signal's state against the previous run.
type Change struct {
	ID        string `json:"id"`
	Key       string `json:"key"`
	Kind      string `json:"kind"`
	Branch    string `json:"branch,omitempty"`
	Applicant string `json:"applicant,omitempty"`
	Family    string `json:"family,omitempty"`
	PubNumber string `json:"pub_number,omitempty"` // the first patent behind it, for families
	State     string `json:"state"`
	Level     string `json:"level"` // "" when resolved
	PrevLevel string `json:"prev_level"`
}
