package enterprise

import (
	"github.com/patnav/patnav/internal/config"
)

// Note is a typed sentence of the enterprise model: a method note of a section's Basis, the
// layout rule, a reason a family is on the watch list or a recommendation is made, a
// limitation. It is a code (the Note* constants) and its named parameters; the reports'
// catalogue (reports/enterprise/catalog.go) words every code in zh and en, so the model holds
// no prose in either language.
type Note struct {
	Code string `json:"code"`
	Args []Arg  `json:"args,omitempty"`
}

// Arg is one named parameter of a Note: a number with the unit that says how to read it, or a
// datum shown as the data gives it (a date, a branch id, an entity key, names).
type Arg struct {
	// Key is the placeholder the catalogue's sentence names ({key}).
	Key string `json:"key"`
	// Unit says how to read the argument (the Arg* constants).
	Unit  string   `json:"unit"`
	Value *float64 `json:"value,omitempty"`
	// Text is a date (ArgDate), an applicant kind (ArgKind), a branch id (ArgBranch) or an
	// entity key (ArgEntity).
	Text string `json:"text,omitempty"`
	// Names are branch ids (ArgBranches) or names as the data gives them (ArgNames).
	Names []string `json:"names,omitempty"`
	// Label is an entity's name in both languages (ArgEntity).
	Label config.Text `json:"label,omitzero"`
}

// Units of an Arg.
const (
	ArgCount    = "count"    // Value: a whole number
	ArgFamilies = "families" // Value: a fractional number of families
	ArgShare    = "share"    // Value: a share (0.25 = 25 %)
	ArgRatio    = "ratio"    // Value: a ratio (momentum, RTA, distance), two decimals
	ArgScore    = "score"    // Value: a quality score, three decimals
	ArgYear     = "year"     // Value: a year
	ArgDate     = "date"     // Text: a date YYYY-MM-DD
	ArgKind     = "kind"     // Text: an applicant kind (university, institute …)
	ArgBranch   = "branch"   // Text: a branch id, worded as the branch's name
	ArgBranches = "branches" // Names: branch ids, worded as the branches' names
	ArgEntity   = "entity"   // Text: an entity key; Label: its name
	ArgNames    = "names"    // Names: names as the data gives them
)

// Codes of the enterprise model's notes. The comment lists each code's Args.
const (
	// Section bases (Basis.Notes).
	NoteBasisMatch      = "basis.match"      // —
	NoteBasisPortfolio  = "basis.portfolio"  // industry (count), recent_from, recent_to, previous_from, previous_to (year)
	NoteBasisTrend      = "basis.trend"      // years (count): CAGR over the last complete years of the window
	NoteBasisBranches   = "basis.branches"   // core_share (share)
	NoteBasisMarkets    = "basis.markets"    // —
	NoteBasisQuality    = "basis.quality"    // scored (count), core_share (share), families (count), core (count)
	NoteBasisPartners   = "basis.partners"   // —
	NoteBasisInventors  = "basis.inventors"  // top (count), high, moderate (share)
	NoteBasisExpiry     = "basis.expiry"     // cutoff, horizon (date)
	NoteBasisBenchmark  = "basis.benchmark"  // top (count): the top-inventor share's inventors
	NoteBasisCitations  = "basis.citations"  // —
	NoteBasisLayout     = "basis.layout"     // —
	NoteBasisWatch      = "basis.watch"      // coverage (share), max (count), percentile (count: 90 = the 90th percentile)
	NoteLayoutRule      = "layout.rule"      // recent_from, recent_to, previous_from, previous_to (year), gap_rta, strength_rta, reserve_momentum (ratio), reserve_competitor (share)
	NoteWatchAlive      = "watch.alive"      // —
	NoteWatchPending    = "watch.pending"    // —
	NoteWatchUnknown    = "watch.unknown"    // —
	NoteWatchScore      = "watch.score"      // score, threshold (score), decile (count)
	NoteWatchBranches   = "watch.branches"   // branches (branches): its core branches the family falls in
	NoteWatchCompetitor = "watch.competitor" // competitor (entity)
	NoteWatchHolders    = "watch.holders"    // holders (names)
	// Recommendations (Recommendation.Why).
	NoteRecOffensive         = "rec.offensive"          // momentum (ratio), competitor_share (share), distance (ratio)
	NoteRecDefensiveLosing   = "rec.defensive.losing"   // previous_share, recent_share (share)
	NoteRecDefensiveOutfiled = "rec.defensive.outfiled" // lead (entity), lead_recent, recent (families)
	NoteRecDefensiveBoth     = "rec.defensive.both"     // previous_share, recent_share (share), lead (entity), lead_recent, recent (families)
	NoteRecReserve           = "rec.reserve"            // momentum (ratio), competitor_share (share)
	NoteRecPartnerCo         = "rec.partner.co"         // kind (kind), branch (branch): already a co-applicant
	NoteRecPartnerNew        = "rec.partner.new"        // kind (kind), branch (branch)
	NoteRecLicenseCompetitor = "rec.license.competitor" // n (count): watch-list families held; a competitor
	NoteRecLicenseOther      = "rec.license.other"      // n (count)
	// Limitations (Enterprise.Limitations).
	NoteLimitMatch   = "limit.match"   // —
	NoteLimitCount   = "limit.count"   // —
	NoteLimitGrowth  = "limit.growth"  // recent_from, recent_to, previous_from, previous_to, last (year)
	NoteLimitQuality = "limit.quality" // —
	NoteLimitFTO     = "limit.fto"     // —
	NoteLimitExpiry  = "limit.expiry"  // —
)

// NoteCodes lists every code the model can emit, for the catalogue's completeness test.
var NoteCodes = []string{
	NoteBasisMatch, NoteBasisPortfolio, NoteBasisTrend, NoteBasisBranches, NoteBasisMarkets, NoteBasisQuality,
	NoteBasisPartners, NoteBasisInventors, NoteBasisExpiry, NoteBasisBenchmark, NoteBasisCitations, NoteBasisLayout,
	NoteBasisWatch, NoteLayoutRule,
	NoteWatchAlive, NoteWatchPending, NoteWatchUnknown, NoteWatchScore, NoteWatchBranches, NoteWatchCompetitor, NoteWatchHolders,
	NoteRecOffensive, NoteRecDefensiveLosing, NoteRecDefensiveOutfiled, NoteRecDefensiveBoth, NoteRecReserve,
	NoteRecPartnerCo, NoteRecPartnerNew, NoteRecLicenseCompetitor, NoteRecLicenseOther,
	NoteLimitMatch, NoteLimitCount, NoteLimitGrowth, NoteLimitQuality, NoteLimitFTO, NoteLimitExpiry,
}

// Basis is what a section's figures rest on: the counting unit, how many units, the priority
// years, the query behind it, and its method notes as typed codes.
type Basis struct {
	Unit  string `json:"unit"`
	N     int    `json:"n"`
	From  int    `json:"from,omitempty"`
	To    int    `json:"to,omitempty"`
	Notes []Note `json:"notes,omitempty"`
	Query string `json:"query,omitempty"`
}

// note builds a Note.
func note(code string, args ...Arg) Note { return Note{Code: code, Args: args} }

// num is a numeric argument (rounded to 4 decimals, as the model's shares are).
func num(key, unit string, v float64) Arg { return Arg{Key: key, Unit: unit, Value: ptr(v, 4)} }

// year is a year argument.
func year(key string, y int) Arg { return num(key, ArgYear, float64(y)) }

// text is a datum argument (a date, a kind, a branch id).
func text(key, unit, s string) Arg { return Arg{Key: key, Unit: unit, Text: s} }

// names is a list argument (branch ids or names).
func names(key, unit string, ns []string) Arg {
	return Arg{Key: key, Unit: unit, Names: append([]string{}, ns...)}
}

// entityArg names an entity by its key and its label.
func entityArg(key string, e *entity) Arg {
	return Arg{Key: key, Unit: ArgEntity, Text: e.key, Label: e.label}
}

// windowArgs are the growth windows' years.
func (b *builder) windowArgs() []Arg {
	return []Arg{year("recent_from", b.win.RecentFrom), year("recent_to", b.win.RecentTo),
		year("previous_from", b.win.PreviousFrom), year("previous_to", b.win.PreviousTo)}
}
