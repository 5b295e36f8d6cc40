// Package patent defines patnav's canonical patent record: what every reader emits and what the
// lake stores. Field names follow the lake's column names (docs/schema.md); they are an interface
// that users query with SQL.
package patent

import "time"

// Doc types.
const (
	Invention    = "invention"
	UtilityModel = "utility_model"
	Design       = "design"
	Plant        = "plant"
	OtherType    = "other"
)

// Legal status values.
const (
	Alive   = "alive"
	Lapsed  = "lapsed"
	Pending = "pending"
	Unknown = "unknown"
)

// Party roles.
const (
	RoleApplicant = "applicant"
	RoleInventor  = "inventor"
	RoleOwner     = "owner"
)

// Party kinds.
const (
	KindEnterprise = "enterprise"
	KindUniversity = "university"
	KindInstitute  = "institute"
	KindIndividual = "individual"
	KindGovernment = "government"
	KindUnknown    = "unknown"
)

// Classification schemes.
const (
	IPC = "ipc"
	CPC = "cpc"
)

// Citation kinds.
const (
	CitePatent = "patent"
	CiteNPL    = "npl"
)

// Date is a calendar date without time zone. The zero Date means "not known".
type Date struct{ time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// Valid reports whether the date is known.
func (d Date) Valid() bool { return !d.IsZero() }

// String formats the date as YYYY-MM-DD, or "" when unknown.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// Patent is one publication (a document with its own publication number and kind).
type Patent struct {
	PubNumber    string // canonical: office + number + kind, e.g. US12299796B2
	Jurisdiction string // publishing office, e.g. US, CN, EP, WO
	Kind         string // kind code, e.g. A1, B2, U
	DocType      string // invention / utility_model / design / plant / other
	AppNumber    string // canonical application number, e.g. CN201510817712.7 → CN2015108177127
	AppDate      Date
	PubDate      Date
	GrantDate    Date
	// Granted is true when the source shows the patent granted, with or without a grant date (a
	// CNIPA row with its 授权公告号 but no 授权公告日); a valid GrantDate implies it.
	Granted      bool     `json:",omitempty"`
	PriorityDate Date     // earliest priority
	Priorities   []string // canonical priority application numbers
	FamilyID     string   // the source's family id, else derived from the priority set
	Title        string
	TitleLang    string
	Abstract     string
	Claims       string // first claim or claims text when the source has it
	ClaimsCount  int    // -1 when unknown
	CitesCount   int    // backward patent citations; -1 when unknown
	CitedByCount int    // forward citations as reported by the source; -1 when unknown
	NPLCount     int    // non-patent literature cited; -1 when unknown
	FamilySize   int    // simple family size as reported by the source; -1 when unknown
	LegalStatus  string // alive / lapsed / pending / unknown
	LegalRaw     string // the source's own legal-status text
	URL          string
	Source       string // reader name: lens, google, cnipa, uspto_xml, epo_xml, patentsview
	SourceFile   string // base name of the input file
	SourceRecord int    // 1-based record number in the file
	// DesignatedStates are the offices a WO or EP (or other regional) publication designates,
	// two-letter codes sorted and without repeats (regional offices such as EP, EA, OA, AP
	// included); nil when the source does not say.
	DesignatedStates []string `json:",omitempty"`

	// Patent-operation facts (CNIPA-style exports often have them).
	TransferCount     int // -1 when unknown
	LastTransferDate  Date
	LicenceCount      int // -1 when unknown
	LastLicenceDate   Date
	PledgeCount       int // -1 when unknown
	LastPledgeDate    Date
	Invalidated       bool
	InvalidationRaw   string
	CurrentOwner      string
	ExpiryDate        Date
	LitigationCount   int // -1 when unknown
	ApplicantProvince string
	ApplicantCity     string
}

// Party is an applicant, inventor or owner of a publication.
type Party struct {
	Role     string
	Seq      int // 1-based order within the role
	NameRaw  string
	Name     string // normalised for grouping
	Kind     string // enterprise / university / institute / individual / government / unknown
	Country  string // ISO 3166 alpha-2, or ""
	Province string // CN province in Chinese, e.g. 山东省
	City     string // CN city in Chinese, e.g. 泰安市
	Address  string
}

// Classification is one IPC or CPC code on a publication.
type Classification struct {
	Scheme    string // ipc / cpc
	Code      string // canonical, e.g. H04W84/20
	Subclass  string // e.g. H04W
	MainGroup string // e.g. H04W84
	IsMain    bool
}

// Citation is one reference made by a publication.
type Citation struct {
	Cited    string // canonical publication number for patents, raw text for NPL
	Kind     string // patent / npl
	Category string // search-report category (X, Y, A …) or who cited (examiner/applicant)
}

// LegalEvent is one legal-status event (INPADOC or a CNIPA transaction). Two events are the same
// event only when every field is equal: an INPADOC PG25 ("lapsed in a contracting state") is one
// event per State, all with the same code and date.
type LegalEvent struct {
	Date        Date   // the event's date: the gazette date, else its effective date
	Code        string // INPADOC code (PG25, EEER …) or the source's own
	Description string // the code's meaning as the source states it
	State       string `json:",omitempty"` // the state the event concerns (INPADOC L501EP), "" when it is the office's own
	Effect      string `json:",omitempty"` // "+" (the event strengthens the right), "-" (weakens it), "" unknown
	GazetteDate Date   `json:",omitzero"`  // the date of the gazette that published the event, when stated
	Text        string `json:",omitempty"` // the event's own text (INPADOC free-format text, else its raw line; CNIPA entry)
}

// Record is one publication with everything attached to it: the unit a reader emits.
type Record struct {
	Patent          Patent
	Parties         []Party
	Classifications []Classification
	Citations       []Citation
	LegalEvents     []LegalEvent
	// Attachment marks a record that is no bibliographic record: text (Claims, Abstract) from a
	// response that carries nothing else (an OPS claims response), attached to the publication
	// PubNumber when the lake holds it, and never stored as a publication of its own.
	Attachment bool `json:",omitempty"`
	// Declaration, when set, marks a record that is no bibliographic record either: one entry of
	// a standard-essential-patent declaration list (ingest/sep). It goes to the standards table
	// and never becomes a publication; Patent holds only its source position (Source,
	// SourceFile, SourceRecord) and PubNumber the declared number ("" for a blanket entry).
	Declaration *Declaration `json:",omitempty"`
}

// Licensing commitments of a declaration (Declaration.Commitment).
const (
	CommitFRAND   = "frand"   // fair, reasonable and non-discriminatory terms (ETSI clause 6.1 undertaking)
	CommitRAND    = "rand"    // reasonable and non-discriminatory terms
	CommitRF      = "rf"      // royalty-free
	CommitRefused = "refused" // the holder is not prepared to license
	CommitOther   = "other"   // stated, but none of the above
	CommitUnknown = "unknown" // not stated
)

// Declaration is one entry of a standard-essential-patent (SEP) declaration list: a patent (or
// application) that its holder declared to a standard body as essential, or potentially
// essential, to one or more standards.
type Declaration struct {
	Layout        string   // the list's layout: "etsi" or "dsep" (ingest/sep)
	Body          string   // standard body / SSO: ETSI, IEEE, ITU-T …
	Standards     []string // technical standards or specifications: "TS 36.213", "LTE" (at least one)
	Project       string   // project or committee (3GPP, a technical committee), when stated
	Generation    string   // mobile generations ("4G", "4G,5G") when stated
	Owner         string   // the declaring company as the list names it
	Date          Date     // the declaration's date
	Commitment    string   // licensing commitment: one of the Commit* codes
	CommitmentRaw string   // the list's own words for it
	Number        string   // declared publication number, canonical; "" when only an application or nothing is given
	Kind          string   // its kind code, "" when the list gives none
	AppNumber     string   // declared application number, canonical (norm.AppNumber), when given
	Blanket       bool     // a blanket (generic) declaration naming no patent
	Reference     string   // the declaration's own id in the list
}

// NewRecord returns a record whose unknown counts are -1 and legal status unknown.
func NewRecord() *Record {
	r := &Record{}
	r.Reset()
	return r
}

// Reset makes r a new record (as NewRecord gives) that keeps the capacity of its slices, so a
// converter can fill the same record row after row without allocating.
func (r *Record) Reset() {
	parties, classes, cites, events := r.Parties[:0], r.Classifications[:0], r.Citations[:0], r.LegalEvents[:0]
	prios := r.Patent.Priorities[:0]
	*r = Record{Patent: Patent{
		ClaimsCount: -1, CitesCount: -1, CitedByCount: -1, NPLCount: -1, FamilySize: -1,
		TransferCount: -1, LicenceCount: -1, PledgeCount: -1, LitigationCount: -1,
		LegalStatus: Unknown, Priorities: prios,
	}, Parties: parties, Classifications: classes, Citations: cites, LegalEvents: events}
}

// ClaimPriority records one priority claim: the canonical number num (appended to Priorities
// unless already there) and its date d (zero when the source gives none). Priorities keep the
// source's order except that a claim dated before every claim seen so far moves to the front, so
// Priorities[0] is the earliest claim whenever the source dates its claims (Lens, for one, does
// not list them by date). PriorityDate becomes d when d is earlier. The earliest claim's office
// is the proxy for an applicant's country (ingest's normaliser, lake column priority_office).
func (p *Patent) ClaimPriority(num string, d Date) {
	i := -1
	if num != "" {
		for j, have := range p.Priorities {
			if have == num {
				i = j
				break
			}
		}
		if i < 0 {
			p.Priorities = append(p.Priorities, num)
			i = len(p.Priorities) - 1
		}
	}
	if !d.Valid() || (p.PriorityDate.Valid() && !d.Before(p.PriorityDate.Time)) {
		return
	}
	p.PriorityDate = d
	if i > 0 {
		x := p.Priorities[i]
		copy(p.Priorities[1:i+1], p.Priorities[:i])
		p.Priorities[0] = x
	}
}
