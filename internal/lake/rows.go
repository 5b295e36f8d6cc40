package lake

import (
	"time"

	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// SchemaVersion is the version of the lake's table layout. It goes up when a column changes
// meaning or is removed; adding a column does not change it.
//
// Version 2: a stored publication's later occurrences are observations (the observations table)
// instead of gap-filling enrichments, and the patents view shows the latest of them; legal events
// carry their state, effect, gazette date and text. Lakes of version 1 still read (their
// enrichments are taken as observations dated by their ingest).
//
// Version 3: the standards table (standard-essential-patent declarations, ingest/sep). Lakes of
// versions 1 and 2 still read (their standards view is empty); an older patnav refuses a lake of
// version 3, whose declarations its 'lake forget' would not take back.
const SchemaVersion = 3

// Table names: these are the names users query with SQL.
const (
	TPatents         = "patents"
	TParties         = "parties"
	TClassifications = "classifications"
	TCitations       = "citations"
	TPriorities      = "priorities"
	TLegalEvents     = "legal_events"
	TProvenance      = "provenance"
	TQuarantine      = "quarantine"
	TFamilyLinks     = "family_links"
	TObservations    = "observations"
	TStandards       = "standards"
	// TEnrichments is the table lakes of schema version 1 wrote instead of observations: it is
	// read (as observations) but no longer written.
	TEnrichments = "enrichments"
)

// Tables lists every lake table an ingest writes, in a fixed order.
var Tables = []string{TPatents, TParties, TClassifications, TCitations, TPriorities, TLegalEvents, TProvenance, TQuarantine, TFamilyLinks, TObservations, TStandards}

// ReadTables lists every table the lake may hold parts of: Tables and the legacy ones.
var ReadTables = append(append([]string(nil), Tables...), TEnrichments)

// Columns carry no per-column codec tag: every column takes the writer's codec (zstd level 1
// from libzstd; see pageCodec). A codec tag would override it with parquet-go's own zstd.

// PatentRow is one row of the patents table. Dates are DATE (days since 1970-01-01, NULL when
// unknown); counts are NULL when the source does not give them.
type PatentRow struct {
	PubNumber         string `parquet:"pub_number"`
	DocNumber         string `parquet:"doc_number"`
	Jurisdiction      string `parquet:"jurisdiction,dict"`
	Kind              string `parquet:"kind,dict,optional"`
	DocType           string `parquet:"doc_type,dict"`
	AppNumber         string `parquet:"app_number,optional"`
	AppDate           int32  `parquet:"app_date,date,optional"`
	PubDate           int32  `parquet:"pub_date,date,optional"`
	GrantDate         int32  `parquet:"grant_date,date,optional"`
	PriorityDate      int32  `parquet:"priority_date,date,optional"`
	PriorityOffice    string `parquet:"priority_office,dict,optional"`
	FamilyID          string `parquet:"family_id"`
	Title             string `parquet:"title,optional"`
	TitleLang         string `parquet:"title_lang,dict,optional"`
	Abstract          string `parquet:"abstract,optional"`
	Claims            string `parquet:"claims,optional"`
	ClaimsCount       *int32 `parquet:"claims_count,optional"`
	CitesCount        *int32 `parquet:"cites_count,optional"`
	CitedByCount      *int32 `parquet:"cited_by_count,optional"`
	NPLCount          *int32 `parquet:"npl_count,optional"`
	FamilySize        *int32 `parquet:"family_size,optional"`
	LegalStatus       string `parquet:"legal_status,dict"`
	LegalStatusRaw    string `parquet:"legal_status_raw,dict,optional"`
	URL               string `parquet:"url,optional"`
	Source            string `parquet:"source,dict"`
	SourceFile        string `parquet:"source_file,dict"`
	SourceRecord      int32  `parquet:"source_record"`
	IngestID          string `parquet:"ingest_id,dict"`
	ApplicantCountry  string `parquet:"applicant_country,dict,optional"`
	ApplicantProvince string `parquet:"applicant_province,dict,optional"`
	ApplicantCity     string `parquet:"applicant_city,dict,optional"`
	TransferCount     *int32 `parquet:"transfer_count,optional"`
	LastTransferDate  int32  `parquet:"last_transfer_date,date,optional"`
	LicenceCount      *int32 `parquet:"licence_count,optional"`
	LastLicenceDate   int32  `parquet:"last_licence_date,date,optional"`
	PledgeCount       *int32 `parquet:"pledge_count,optional"`
	LastPledgeDate    int32  `parquet:"last_pledge_date,date,optional"`
	Invalidated       bool   `parquet:"invalidated"`
	InvalidationRaw   string `parquet:"invalidation_raw,optional"`
	CurrentOwner      string `parquet:"current_owner,optional"`
	ExpiryDate        int32  `parquet:"expiry_date,date,optional"`
	LitigationCount   *int32 `parquet:"litigation_count,optional"`
	// Granted: the source shows the publication's patent granted, with or without grant_date.
	// Parts written before the column read it as NULL (the views fill grant_date IS NOT NULL).
	Granted bool `parquet:"granted"`
	// Observed is the date the source was exported (see Input.Observed): the changeable columns
	// above (ObservedColumns) are what the source said on that day.
	Observed int32 `parquet:"observed,date,optional"`
	// DesignatedStates are the offices a WO or EP publication designates (patent.Patent's),
	// empty when the source does not say. Lakes written before the column lack it (NULL).
	DesignatedStates []string `parquet:"designated_states,list"`
}

// ObservedColumns are the patents columns that change over a publication's life: what a source
// says about them is an observation dated by the source's export. The patents parts hold the
// stored occurrence's observation; later occurrences go to the observations table; the patents
// view shows, column by column, the latest non-empty observation (docs/schema.md).
var ObservedColumns = []string{"legal_status", "legal_status_raw", "current_owner", "transfer_count", "last_transfer_date",
	"licence_count", "last_licence_date", "pledge_count", "last_pledge_date", "invalidated", "invalidation_raw", "expiry_date",
	"cited_by_count", "family_size", "claims_count", "litigation_count", "applicant_country", "applicant_province", "applicant_city",
	"grant_date", "granted"}

// PartyRow is one row of the parties table.
type PartyRow struct {
	PubNumber string `parquet:"pub_number"`
	Role      string `parquet:"role,dict"`
	Seq       int32  `parquet:"seq"`
	NameRaw   string `parquet:"name_raw"`
	Name      string `parquet:"name"`
	Kind      string `parquet:"kind,dict"`
	Country   string `parquet:"country,dict,optional"`
	Province  string `parquet:"province,dict,optional"`
	City      string `parquet:"city,dict,optional"`
	Address   string `parquet:"address,optional"`
}

// ClassRow is one row of the classifications table.
type ClassRow struct {
	PubNumber string `parquet:"pub_number"`
	Scheme    string `parquet:"scheme,dict"`
	Code      string `parquet:"code,dict"`
	Subclass  string `parquet:"subclass,dict"`
	MainGroup string `parquet:"main_group,dict,optional"`
	IsMain    bool   `parquet:"is_main"`
}

// CitationRow is one row of the citations table.
type CitationRow struct {
	Citing   string `parquet:"citing"`
	Cited    string `parquet:"cited"`
	CitedDoc string `parquet:"cited_doc,optional"`
	Kind     string `parquet:"kind,dict"`
	Category string `parquet:"category,dict,optional"`
}

// PriorityRow is one row of the priorities table: a priority claim of a publication.
type PriorityRow struct {
	PubNumber      string `parquet:"pub_number"`
	Seq            int32  `parquet:"seq"`
	PriorityNumber string `parquet:"priority_number"`
	Office         string `parquet:"office,dict,optional"`
}

// LegalEventRow is one row of the legal_events table: one event as its source states it (see
// patent.LegalEvent). The legal_events view drops exact repeats (the same event from two files).
type LegalEventRow struct {
	PubNumber   string `parquet:"pub_number"`
	Date        int32  `parquet:"date,date,optional"`
	Code        string `parquet:"code,dict,optional"`
	Description string `parquet:"description,optional"`
	State       string `parquet:"state,dict,optional"`
	Effect      string `parquet:"effect,dict,optional"`
	GazetteDate int32  `parquet:"gazette_date,date,optional"`
	Text        string `parquet:"text,optional"`
}

// ProvenanceRow records an occurrence of a publication that was not stored because the
// publication already was (from another source, or the same source twice). The stored occurrence
// is the patents row itself; the provenance view (internal/duck) joins the two, so the same
// publication from two sources is stored once in patents and listed twice in the view. Stored
// is false in every row written now; lakes written before this layout also hold the stored
// occurrences here, with Stored true, and the view takes those from patents instead.
type ProvenanceRow struct {
	PubNumber    string `parquet:"pub_number"`
	Source       string `parquet:"source,dict"`
	SourceFile   string `parquet:"source_file,dict"`
	SourceRecord int32  `parquet:"source_record"`
	IngestID     string `parquet:"ingest_id,dict"`
	Stored       bool   `parquet:"stored"`
}

// FamilyLinkRow says that two family ids name the same family: a publication stored under
// FamilyID arrived again (from another source) under LinkedFamilyID.
type FamilyLinkRow struct {
	FamilyID       string `parquet:"family_id"`
	LinkedFamilyID string `parquet:"linked_family_id"`
	PubNumber      string `parquet:"pub_number"`
	IngestID       string `parquet:"ingest_id,dict"`
}

// ObservationRow is what one occurrence of an already stored publication says about its
// changeable facts (ObservedColumns) on the day its source was exported: a CNIPA re-export
// tonight with a new legal status and owner, a Lens export with a new forward-citation count.
// Empty means "not said" (NULL), never "erased". Claims and Abstract hold text that a file
// without bibliographic records (an OPS claims response) attaches to a stored publication.
type ObservationRow struct {
	PubNumber        string `parquet:"pub_number"`
	Source           string `parquet:"source,dict"`
	SourceFile       string `parquet:"source_file,dict"`
	SourceRecord     int32  `parquet:"source_record"`
	IngestID         string `parquet:"ingest_id,dict"`
	Observed         int32  `parquet:"observed,date,optional"`
	LegalStatus      string `parquet:"legal_status,dict,optional"`
	LegalStatusRaw   string `parquet:"legal_status_raw,dict,optional"`
	CurrentOwner     string `parquet:"current_owner,optional"`
	TransferCount    *int32 `parquet:"transfer_count,optional"`
	LastTransferDate int32  `parquet:"last_transfer_date,date,optional"`
	LicenceCount     *int32 `parquet:"licence_count,optional"`
	LastLicenceDate  int32  `parquet:"last_licence_date,date,optional"`
	PledgeCount      *int32 `parquet:"pledge_count,optional"`
	LastPledgeDate   int32  `parquet:"last_pledge_date,date,optional"`
	Invalidated      *bool  `parquet:"invalidated,optional"`
	InvalidationRaw  string `parquet:"invalidation_raw,optional"`
	ExpiryDate       int32  `parquet:"expiry_date,date,optional"`
	CitedByCount     *int32 `parquet:"cited_by_count,optional"`
	FamilySize       *int32 `parquet:"family_size,optional"`
	ClaimsCount      *int32 `parquet:"claims_count,optional"`
	LitigationCount  *int32 `parquet:"litigation_count,optional"`
	// GrantDate and Granted: a pending application granted since its stored occurrence (parts
	// written before schema 4 lack both; the views read them as NULL).
	GrantDate         int32  `parquet:"grant_date,date,optional"`
	Granted           *bool  `parquet:"granted,optional"`
	ApplicantName     string `parquet:"applicant_name,optional"`
	ApplicantAddress  string `parquet:"applicant_address,optional"`
	ApplicantCountry  string `parquet:"applicant_country,dict,optional"`
	ApplicantProvince string `parquet:"applicant_province,dict,optional"`
	ApplicantCity     string `parquet:"applicant_city,dict,optional"`
	// OwnerAddress and OwnerCountry: the first current owner's address and country where the
	// source states them (a country column, or told from the address; never guessed from the
	// name). Parts written before these columns lack them (NULL).
	OwnerAddress string `parquet:"owner_address,optional"`
	OwnerCountry string `parquet:"owner_country,dict,optional"`
	Claims       string `parquet:"claims,optional"`
	Abstract     string `parquet:"abstract,optional"`
}

// EnrichmentRow is a row of the enrichments table that lakes of schema version 1 wrote (read as
// observations; kept here so that 'lake forget' can rewrite such parts).
type EnrichmentRow struct {
	PubNumber         string `parquet:"pub_number"`
	Source            string `parquet:"source,dict"`
	SourceFile        string `parquet:"source_file,dict"`
	IngestID          string `parquet:"ingest_id,dict"`
	LegalStatus       string `parquet:"legal_status,dict,optional"`
	LegalStatusRaw    string `parquet:"legal_status_raw,dict,optional"`
	ApplicantName     string `parquet:"applicant_name,optional"`
	ApplicantCountry  string `parquet:"applicant_country,dict,optional"`
	ApplicantProvince string `parquet:"applicant_province,dict,optional"`
	ApplicantCity     string `parquet:"applicant_city,dict,optional"`
	TransferCount     *int32 `parquet:"transfer_count,optional"`
	LastTransferDate  int32  `parquet:"last_transfer_date,date,optional"`
	LicenceCount      *int32 `parquet:"licence_count,optional"`
	LastLicenceDate   int32  `parquet:"last_licence_date,date,optional"`
	PledgeCount       *int32 `parquet:"pledge_count,optional"`
	LastPledgeDate    int32  `parquet:"last_pledge_date,date,optional"`
	Invalidated       bool   `parquet:"invalidated"`
	CurrentOwner      string `parquet:"current_owner,optional"`
	ExpiryDate        int32  `parquet:"expiry_date,date,optional"`
	ClaimsCount       *int32 `parquet:"claims_count,optional"`
	CitedByCount      *int32 `parquet:"cited_by_count,optional"`
	Title             string `parquet:"title,optional"`
	TitleLang         string `parquet:"title_lang,dict,optional"`
}

// Observation returns the observation a duplicate occurrence makes of a stored publication, and
// false when it says nothing about any changeable fact.
func Observation(pr *PatentRow, parties []PartyRow, ingestID string) (ObservationRow, bool) {
	o := ObservationRow{PubNumber: pr.PubNumber, Source: pr.Source, SourceFile: pr.SourceFile, SourceRecord: pr.SourceRecord,
		IngestID: ingestID, Observed: pr.Observed, CurrentOwner: pr.CurrentOwner,
		TransferCount: pr.TransferCount, LastTransferDate: pr.LastTransferDate, LicenceCount: pr.LicenceCount,
		LastLicenceDate: pr.LastLicenceDate, PledgeCount: pr.PledgeCount, LastPledgeDate: pr.LastPledgeDate,
		InvalidationRaw: pr.InvalidationRaw, ExpiryDate: pr.ExpiryDate, CitedByCount: pr.CitedByCount,
		FamilySize: pr.FamilySize, ClaimsCount: pr.ClaimsCount, LitigationCount: pr.LitigationCount,
		ApplicantProvince: pr.ApplicantProvince, ApplicantCity: pr.ApplicantCity}
	if pr.Invalidated {
		t := true
		o.Invalidated = &t
	}
	if pr.Granted || pr.GrantDate != 0 {
		t := true
		o.Granted, o.GrantDate = &t, pr.GrantDate
	}
	if pr.LegalStatus != "" && pr.LegalStatus != patent.Unknown {
		o.LegalStatus, o.LegalStatusRaw = pr.LegalStatus, pr.LegalStatusRaw
	}
	for _, x := range parties {
		if x.Role == patent.RoleApplicant {
			o.ApplicantName, o.ApplicantAddress = x.Name, x.Address
			if o.ApplicantProvince != "" || o.ApplicantCity != "" || x.Province != "" || x.Address != "" {
				// The place is only an observation when the source says where the applicant is
				// (a country guessed from the script or the office is not one).
				o.ApplicantCountry = x.Country
			}
			if o.ApplicantProvince == "" {
				o.ApplicantProvince = x.Province
			}
			if o.ApplicantCity == "" {
				o.ApplicantCity = x.City
			}
			break
		}
	}
	for _, x := range parties {
		if x.Role == patent.RoleOwner {
			o.OwnerAddress, o.OwnerCountry = x.Address, x.Country
			break
		}
	}
	useful := o.LegalStatus != "" || o.CurrentOwner != "" || o.TransferCount != nil || o.LicenceCount != nil ||
		o.PledgeCount != nil || o.Invalidated != nil || o.InvalidationRaw != "" || o.ExpiryDate != 0 ||
		o.CitedByCount != nil || o.FamilySize != nil || o.ClaimsCount != nil || o.LitigationCount != nil ||
		o.ApplicantAddress != "" || o.ApplicantProvince != "" || o.ApplicantCity != "" ||
		o.LastTransferDate != 0 || o.LastLicenceDate != 0 || o.LastPledgeDate != 0 || o.Granted != nil ||
		o.OwnerAddress != "" || o.OwnerCountry != ""
	return o, useful
}

// StandardRow is one row of the standards table: a patent declared essential to one standard
// (patent.Declaration; a declaration naming several standards gives one row each). PubNumber is
// the declared publication number, canonical, and DocNumber the same without its kind code: the
// standards view links a row to every stored publication with that doc_number (or, for a row
// naming only an application, that app_number). Declarations are kept whether or not the lake
// holds the publication (unmatched ones count as such in the analyses).
type StandardRow struct {
	PubNumber     string `parquet:"pub_number,optional"`
	DocNumber     string `parquet:"doc_number,optional"`
	AppNumber     string `parquet:"app_number,optional"`
	Body          string `parquet:"body,dict,optional"`
	Standard      string `parquet:"standard,dict"`
	Project       string `parquet:"project,dict,optional"`
	Generation    string `parquet:"generation,dict,optional"`
	Owner         string `parquet:"owner,dict,optional"`
	Declared      int32  `parquet:"declared,date,optional"`
	Commitment    string `parquet:"commitment,dict"`
	CommitmentRaw string `parquet:"commitment_raw,dict,optional"`
	Blanket       bool   `parquet:"blanket"`
	Layout        string `parquet:"layout,dict"`
	Reference     string `parquet:"reference,optional"`
	Source        string `parquet:"source,dict"`
	SourceFile    string `parquet:"source_file,dict"`
	SourceRecord  int32  `parquet:"source_record"`
	IngestID      string `parquet:"ingest_id,dict"`
}

// StandardRows converts a declaration record (patent.Record.Declaration set) to its rows.
func StandardRows(rec *patent.Record, ingestID string) []StandardRow {
	d := rec.Declaration
	if d == nil {
		return nil
	}
	out := make([]StandardRow, 0, len(d.Standards))
	for _, std := range d.Standards {
		out = append(out, StandardRow{PubNumber: d.Number, DocNumber: DocNumber(d.Number, d.Kind), AppNumber: d.AppNumber,
			Body: d.Body, Standard: std, Project: d.Project, Generation: d.Generation, Owner: d.Owner,
			Declared: DateDays(d.Date), Commitment: d.Commitment, CommitmentRaw: d.CommitmentRaw, Blanket: d.Blanket,
			Layout: d.Layout, Reference: d.Reference, Source: rec.Patent.Source, SourceFile: rec.Patent.SourceFile,
			SourceRecord: int32(rec.Patent.SourceRecord), IngestID: ingestID})
	}
	return out
}

// QuarantineRow is a rejected input record and why.
type QuarantineRow struct {
	IngestID string `parquet:"ingest_id,dict"`
	Source   string `parquet:"source,dict"`
	File     string `parquet:"file,dict"`
	Record   int32  `parquet:"record"`
	Line     int32  `parquet:"line"`
	Field    string `parquet:"field,optional"`
	Value    string `parquet:"value,optional"`
	Reason   string `parquet:"reason"`
}

var epoch = time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)

// DateDays converts a date to days since 1970-01-01 (0 = unknown → NULL).
func DateDays(d patent.Date) int32 {
	if !d.Valid() {
		return 0
	}
	return int32(d.Unix() / 86400) // dates are midnight UTC
}

// DaysDate converts DATE days back to a date (0 → unknown).
func DaysDate(days int32) patent.Date {
	if days == 0 {
		return patent.Date{}
	}
	return patent.Date{Time: epoch.AddDate(0, 0, int(days))}
}

// RowSet holds the rows of a run of records in every table they touch, in record order. Ends
// records where each record's rows end, so a consumer can take records apart (Record).
type RowSet struct {
	Patents []PatentRow
	Parties []PartyRow
	Classes []ClassRow
	Cites   []CitationRow
	Prios   []PriorityRow
	Events  []LegalEventRow
	Ends    []RowEnds
	ints    []int32 // backing store of the rows' nullable counts
	// Observed is the observation date (DATE days) Append gives the patents rows: the export
	// date of the input the records come from.
	Observed int32
	// Years gives the year (PubYear) of publications whose rows the set holds without their
	// patents row (a repeated publication's citations and legal events, stored with the
	// publication's first occurrence), for an ingest by year (Txn.ByYear); a publication in
	// neither goes to the unknown year's parts.
	Years map[string]int32
	// byYear holds the set's rows ordered by year for an ingest by year (Txn.writeByYear),
	// kept with the set so that a recycled set reuses them.
	byYear struct {
		patents []PatentRow
		parties []PartyRow
		classes []ClassRow
		cites   []CitationRow
		prios   []PriorityRow
		events  []LegalEventRow
	}
}

// RowEnds are the lengths of a RowSet's child tables after one record was appended.
type RowEnds struct{ Parties, Classes, Cites, Prios, Events int32 }

// NewRowSet returns a RowSet with room for n records (and a typical number of child rows).
func NewRowSet(n int) *RowSet {
	return &RowSet{Patents: make([]PatentRow, 0, n), Ends: make([]RowEnds, 0, n),
		Parties: make([]PartyRow, 0, 4*n), Classes: make([]ClassRow, 0, 5*n), Cites: make([]CitationRow, 0, 8*n)}
}

// Reset empties s for reuse, keeping the capacity of its slices (call it only once nothing
// refers to its rows any more: see Txn.WriteRowSet).
func (s *RowSet) Reset() {
	s.Patents, s.Parties, s.Classes, s.Cites = s.Patents[:0], s.Parties[:0], s.Classes[:0], s.Cites[:0]
	s.Prios, s.Events, s.Ends, s.ints = s.Prios[:0], s.Events[:0], s.Ends[:0], s.ints[:0]
	clear(s.Years)
}

// Record returns the rows of the i-th record appended.
func (s *RowSet) Record(i int) (*PatentRow, []PartyRow, []ClassRow, []CitationRow, []PriorityRow, []LegalEventRow) {
	var from RowEnds
	if i > 0 {
		from = s.Ends[i-1]
	}
	to := s.Ends[i]
	return &s.Patents[i], s.Parties[from.Parties:to.Parties], s.Classes[from.Classes:to.Classes],
		s.Cites[from.Cites:to.Cites], s.Prios[from.Prios:to.Prios], s.Events[from.Events:to.Events]
}

// count returns a pointer to n, or nil when n < 0 (unknown). The values live in chunks shared by
// the set's rows: one allocation per thousand counts instead of one each.
func (s *RowSet) count(n int) *int32 {
	if n < 0 {
		return nil
	}
	if len(s.ints) == cap(s.ints) {
		s.ints = make([]int32, 0, 1024)
	}
	s.ints = append(s.ints, int32(n))
	return &s.ints[len(s.ints)-1]
}

// Append converts one canonical record to rows and appends them.
func (s *RowSet) Append(rec *patent.Record, ingestID string) {
	p := &rec.Patent
	s.Patents = append(s.Patents, PatentRow{
		PubNumber: p.PubNumber, DocNumber: DocNumber(p.PubNumber, p.Kind), Jurisdiction: p.Jurisdiction, Kind: p.Kind, DocType: p.DocType,
		AppNumber: p.AppNumber, AppDate: DateDays(p.AppDate), PubDate: DateDays(p.PubDate),
		GrantDate: DateDays(p.GrantDate), Granted: p.Granted || p.GrantDate.Valid(), PriorityDate: DateDays(p.PriorityDate),
		FamilyID: p.FamilyID, Title: p.Title, TitleLang: p.TitleLang, Abstract: p.Abstract, Claims: p.Claims,
		ClaimsCount: s.count(p.ClaimsCount), CitesCount: s.count(p.CitesCount), CitedByCount: s.count(p.CitedByCount),
		NPLCount: s.count(p.NPLCount), FamilySize: s.count(p.FamilySize),
		LegalStatus: p.LegalStatus, LegalStatusRaw: p.LegalRaw, URL: p.URL,
		Source: p.Source, SourceFile: p.SourceFile, SourceRecord: int32(p.SourceRecord), IngestID: ingestID,
		ApplicantProvince: p.ApplicantProvince, ApplicantCity: p.ApplicantCity,
		TransferCount: s.count(p.TransferCount), LastTransferDate: DateDays(p.LastTransferDate),
		LicenceCount: s.count(p.LicenceCount), LastLicenceDate: DateDays(p.LastLicenceDate),
		PledgeCount: s.count(p.PledgeCount), LastPledgeDate: DateDays(p.LastPledgeDate),
		Invalidated: p.Invalidated, InvalidationRaw: p.InvalidationRaw, CurrentOwner: p.CurrentOwner,
		ExpiryDate: DateDays(p.ExpiryDate), LitigationCount: s.count(p.LitigationCount), Observed: s.Observed,
		DesignatedStates: p.DesignatedStates,
	})
	pr := &s.Patents[len(s.Patents)-1]
	if len(p.Priorities) > 0 {
		pr.PriorityOffice = officeOf(p.Priorities[0])
	}
	for i := range rec.Parties {
		x := &rec.Parties[i]
		if x.Role == patent.RoleApplicant && pr.ApplicantCountry == "" {
			pr.ApplicantCountry = x.Country
		}
		s.Parties = append(s.Parties, PartyRow{PubNumber: p.PubNumber, Role: x.Role, Seq: int32(x.Seq), NameRaw: x.NameRaw,
			Name: x.Name, Kind: x.Kind, Country: x.Country, Province: x.Province, City: x.City, Address: x.Address})
	}
	for i := range rec.Classifications {
		c := &rec.Classifications[i]
		s.Classes = append(s.Classes, ClassRow{PubNumber: p.PubNumber, Scheme: c.Scheme, Code: c.Code, Subclass: c.Subclass,
			MainGroup: c.MainGroup, IsMain: c.IsMain})
	}
	for i := range rec.Citations {
		c := &rec.Citations[i]
		cr := CitationRow{Citing: p.PubNumber, Cited: c.Cited, Kind: c.Kind, Category: c.Category}
		if c.Kind == patent.CitePatent {
			cr.CitedDoc = citedDoc(c.Cited)
		}
		s.Cites = append(s.Cites, cr)
	}
	for i, n := range p.Priorities {
		s.Prios = append(s.Prios, PriorityRow{PubNumber: p.PubNumber, Seq: int32(i + 1), PriorityNumber: n, Office: officeOf(n)})
	}
	for _, e := range rec.LegalEvents {
		s.Events = append(s.Events, LegalEventRow{PubNumber: p.PubNumber, Date: DateDays(e.Date), Code: e.Code, Description: e.Description,
			State: e.State, Effect: e.Effect, GazetteDate: DateDays(e.GazetteDate), Text: e.Text})
	}
	s.Ends = append(s.Ends, RowEnds{Parties: int32(len(s.Parties)), Classes: int32(len(s.Classes)),
		Cites: int32(len(s.Cites)), Prios: int32(len(s.Prios)), Events: int32(len(s.Events))})
}

// citedDoc is a cited number without its kind code. Readers store canonical numbers
// (office + number + kind, no separators), so the kind is the trailing letter with an optional
// digit; anything else is canonicalised first.
func citedDoc(cited string) string {
	n := len(cited)
	canonical := n >= 4 && isUpper(cited[0]) && isUpper(cited[1])
	for i := 2; canonical && i < n; i++ {
		canonical = isUpper(cited[i]) || cited[i] >= '0' && cited[i] <= '9'
	}
	if !canonical {
		if pn, err := norm.ParsePub(cited, ""); err == nil {
			return pn.Office + pn.Number
		}
		return ""
	}
	switch {
	case isDigit(cited[n-1]) && isUpper(cited[n-2]) && isDigit(cited[n-3]):
		return cited[:n-2]
	case isUpper(cited[n-1]) && isDigit(cited[n-2]):
		return cited[:n-1]
	}
	return cited
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// ProbeKinds are the kind codes tried, most common first, when a publication arrives without
// one (PATENTSCOPE exports, CNIPA ids made from an application number): the same number with one
// of these kinds is the same publication. Ingest renames a kindless record to the first of them
// stored already; when the kindless one was stored first, the views (internal/duck, pub_aliases)
// resolve it to the first of them stored later, so both orders give the same lake.
var ProbeKinds = [...]string{"A1", "A2", "A", "B1", "B2", "B", "U", "U1", "Y1", "Y", "A3", "A4", "C", "C1", "C2", "S",
	"E", "T", "T1", "T2", "T3", "W", "A8", "A9", "B8", "B9", "P", "P1", "P2", "P3", "E1", "A0"}

// DocNumber is a publication number without its kind code (US6859910B2 → US6859910): the key
// that links a citation written without a kind to the publication it names.
func DocNumber(pub, kind string) string {
	if kind != "" && len(pub) > len(kind) && pub[len(pub)-len(kind):] == kind {
		return pub[:len(pub)-len(kind)]
	}
	return pub
}

func officeOf(n string) string {
	if len(n) >= 2 && n[0] >= 'A' && n[0] <= 'Z' && n[1] >= 'A' && n[1] <= 'Z' {
		return n[:2]
	}
	return ""
}
