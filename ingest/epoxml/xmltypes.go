package epoxml

import (
	"encoding/xml"
	"strings"
)

// The decoding types below name elements by their local names only, so they match the exchange
// namespace whatever its prefix (none in OPS responses, exch: in DOCDB bulk files, reg: in
// register responses, ops: for OPS wrappers).

// docID is a document-id: docdb (country, doc-number, kind), epodoc (doc-number with the country
// glued on) or original (as the office wrote it).
type docID struct {
	Type      string `xml:"document-id-type,attr"`
	Country   string `xml:"country"`
	DocNumber string `xml:"doc-number"`
	Kind      string `xml:"kind"`
	Date      string `xml:"date"`
}

// docRef is a publication-reference or application-reference. OPS marks each document-id with
// document-id-type; DOCDB bulk files put data-format on the reference instead.
type docRef struct {
	DataFormat string  `xml:"data-format,attr"`
	IDs        []docID `xml:"document-id"`
}

type priorityClaim struct {
	Sequence   string  `xml:"sequence,attr"`
	DataFormat string  `xml:"data-format,attr"`
	IDs        []docID `xml:"document-id"`
}

type ipcrXML struct {
	Sequence string `xml:"sequence,attr"`
	Text     string `xml:"text"`
}

type ipcXML struct {
	Main    string   `xml:"main-classification"`
	Further []string `xml:"further-classification"`
	Texts   []string `xml:"text"`
}

type schemeXML struct {
	Scheme string `xml:"scheme,attr"`
}

type patClassXML struct {
	Sequence  string    `xml:"sequence,attr"`
	Scheme    schemeXML `xml:"classification-scheme"`
	Section   string    `xml:"section"`
	Class     string    `xml:"class"`
	Subclass  string    `xml:"subclass"`
	MainGroup string    `xml:"main-group"`
	Subgroup  string    `xml:"subgroup"`
	Symbol    string    `xml:"classification-symbol"`
	Position  string    `xml:"symbol-position"`
}

// partyXML is an applicant or inventor in any data-format.
type partyXML struct {
	Sequence   string `xml:"sequence,attr"`
	DataFormat string `xml:"data-format,attr"`
	AppName    string `xml:"applicant-name>name"`
	InvName    string `xml:"inventor-name>name"`
	BookName   string `xml:"addressbook>name"`
	Residence  string `xml:"residence>country"`
}

func (p *partyXML) name() string {
	switch {
	case strings.TrimSpace(p.AppName) != "":
		return p.AppName
	case strings.TrimSpace(p.InvName) != "":
		return p.InvName
	}
	return p.BookName
}

type patcitXML struct {
	DataFormat string    `xml:"data-format,attr"`
	IDs        []docID   `xml:"document-id"`
	Text       plainText `xml:"text"`
}

type citationXML struct {
	CitedPhase   string     `xml:"cited-phase,attr"`
	CitedBy      string     `xml:"cited-by,attr"`
	CategoryAttr string     `xml:"category,attr"`
	Patcit       *patcitXML `xml:"patcit"`
	Nplcit       *plainText `xml:"nplcit"`
	Categories   []string   `xml:"category"`
	PassageCats  []string   `xml:"rel-passage>category"`
}

type refsCitedXML struct {
	Citations []citationXML `xml:"citation"`
}

type biblioXML struct {
	PubRefs    []docRef        `xml:"publication-reference"`
	IPC        []ipcXML        `xml:"classification-ipc"`
	IPCR       []ipcrXML       `xml:"classifications-ipcr>classification-ipcr"`
	PatClasses []patClassXML   `xml:"patent-classifications>patent-classification"`
	AppRefs    []docRef        `xml:"application-reference"`
	Priorities []priorityClaim `xml:"priority-claims>priority-claim"`
	Applicants []partyXML      `xml:"parties>applicants>applicant"`
	Inventors  []partyXML      `xml:"parties>inventors>inventor"`
	Titles     []langText      `xml:"invention-title"`
	RefsCited  *refsCitedXML   `xml:"references-cited"`
	Abstracts  []langText      `xml:"abstract"`
}

// exchDoc is one exchange-document (OPS biblio or DOCDB bulk).
type exchDoc struct {
	Country   string     `xml:"country,attr"`
	DocNumber string     `xml:"doc-number,attr"`
	Kind      string     `xml:"kind,attr"`
	FamilyID  string     `xml:"family-id,attr"`
	DatePubl  string     `xml:"date-publ,attr"`
	Status    string     `xml:"status,attr"`
	Biblio    biblioXML  `xml:"bibliographic-data"`
	Abstracts []langText `xml:"abstract"`
}

// legalXML is one INPADOC legal event of an OPS legal response: infl is its effect (+/−), pre
// its raw INPADOC line, L001EP the office of the document, L007EP the gazette date, and the
// L500EP group the state it concerns (L501EP), its free-format text (L510EP) and its effective
// date (L525EP).
type legalXML struct {
	Code        string `xml:"code,attr"`
	Desc        string `xml:"desc,attr"`
	Infl        string `xml:"infl,attr"`
	Pre         string `xml:"pre"`
	Office      string `xml:"L001EP"`
	GazetteDate string `xml:"L007EP"`
	EffDate     string `xml:"L525EP"`
	Detail      struct {
		State   string   `xml:"L501EP"`
		Text    []string `xml:"L510EP"`
		EffDate string   `xml:"L525EP"`
	} `xml:"L500EP"`
}

// fulltextDoc is an ftxt:fulltext-document of an OPS claims, description or abstract response:
// text of one publication without its bibliographic data.
type fulltextDoc struct {
	PubRefs []docRef `xml:"bibliographic-data>publication-reference"`
	Claims  []struct {
		Lang   string `xml:"lang,attr"`
		Claims []struct {
			Texts []string `xml:"claim-text"`
		} `xml:"claim"`
	} `xml:"claims"`
	Abstracts   []langText `xml:"abstract"`
	Description []struct {
		Lang string `xml:"lang,attr"`
	} `xml:"description"`
}

// famMember is an ops:family-member of a family or legal response.
type famMember struct {
	FamilyID   string          `xml:"family-id,attr"`
	PubRefs    []docRef        `xml:"publication-reference"`
	AppRefs    []docRef        `xml:"application-reference"`
	Priorities []priorityClaim `xml:"priority-claim"`
	Legal      []legalXML      `xml:"legal"`
	Docs       []exchDoc       `xml:"exchange-document"`
}

// searchRef is an ops:publication-reference of a search result.
type searchRef struct {
	FamilyID string  `xml:"family-id,attr"`
	IDs      []docID `xml:"document-id"`
}

type regStatus struct {
	ChangeDate string `xml:"change-date,attr"`
	Code       string `xml:"status-code,attr"`
	Text       string `xml:",chardata"`
}

type regRef struct {
	ID docID `xml:"document-id"`
}

type regIPCR struct {
	ChangeDate string   `xml:"change-date,attr"`
	Texts      []string `xml:"classification-ipcr>text"`
}

type regPriority struct {
	Sequence  string `xml:"sequence,attr"`
	Country   string `xml:"country"`
	DocNumber string `xml:"doc-number"`
	Kind      string `xml:"kind"`
	Date      string `xml:"date"`
}

type regPriorities struct {
	ChangeDate string        `xml:"change-date,attr"`
	Claims     []regPriority `xml:"priority-claim"`
}

type regAddress struct {
	Lines   []string `xml:",any"`
	Country string   `xml:"country"`
}

type regParty struct {
	Sequence  string     `xml:"sequence,attr"`
	Name      string     `xml:"addressbook>name"`
	Address   regAddress `xml:"addressbook>address"`
	Residence string     `xml:"residence>country"`
}

type regPartyGroup struct {
	ChangeDate string     `xml:"change-date,attr"`
	Applicants []regParty `xml:"applicant"`
	Inventors  []regParty `xml:"inventor"`
}

type regCitation struct {
	Patcit   *patcitXML `xml:"patcit"`
	Nplcit   *plainText `xml:"nplcit"`
	Category string     `xml:"category"`
}

type regBiblio struct {
	PubRefs    []regRef        `xml:"publication-reference"`
	IPCR       []regIPCR       `xml:"classifications-ipcr"`
	AppRefs    []regRef        `xml:"application-reference"`
	Priorities []regPriorities `xml:"priority-claims"`
	Applicants []regPartyGroup `xml:"parties>applicants"`
	Inventors  []regPartyGroup `xml:"parties>inventors"`
	Titles     []langText      `xml:"invention-title"`
	Citations  []regCitation   `xml:"references-cited>citation"`
	States     []regStates     `xml:"designation-of-states"`
}

// regStates is one dated designation-of-states group: the contracting states of an EP
// application (designation-epc) or the EP states of a Euro-PCT one (designation-pct/regional).
type regStates struct {
	ChangeDate string   `xml:"change-date,attr"`
	PCT        []string `xml:"designation-pct>regional>country"`
	EPC        []string `xml:"designation-epc>contracting-states>country"`
}

// regDoc is a reg:register-document of an OPS register response.
type regDoc struct {
	Status   string      `xml:"status,attr"`
	Statuses []regStatus `xml:"ep-patent-statuses>ep-patent-status"`
	Biblio   regBiblio   `xml:"bibliographic-data"`
}

// plainText collects all character data of an element and its descendants; block-level children
// (paragraphs, line breaks …) are separated by a space, inline markup (b, i, sub, sup …) is not.
type plainText string

// UnmarshalXML implements xml.Unmarshaler.
func (t *plainText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	s, err := collectText(d)
	*t = plainText(s)
	return err
}

// langText is a title or abstract with its language.
type langText struct {
	Lang       string
	DataFormat string
	Text       string
}

// UnmarshalXML implements xml.Unmarshaler.
func (t *langText) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	t.Lang = strings.ToLower(strings.TrimSpace(attr(start.Attr, "lang")))
	t.DataFormat = attr(start.Attr, "data-format")
	s, err := collectText(d)
	t.Text = s
	return err
}

func collectText(d *xml.Decoder) (string, error) {
	var b strings.Builder
	depth := 0
	for {
		tok, err := d.Token()
		if err != nil {
			return b.String(), err
		}
		switch x := tok.(type) {
		case xml.CharData:
			b.Write(x)
		case xml.StartElement:
			depth++
			if !inline(x.Name.Local) {
				b.WriteByte(' ')
			}
		case xml.EndElement:
			if depth == 0 {
				return b.String(), nil
			}
			depth--
			if !inline(x.Name.Local) {
				b.WriteByte(' ')
			}
		}
	}
}

func inline(local string) bool {
	switch local {
	case "b", "i", "u", "o", "sub", "sup", "smallcaps", "sub2", "sup2", "span", "dl":
		return true
	}
	return false
}
