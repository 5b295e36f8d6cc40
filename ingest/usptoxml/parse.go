package usptoxml

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/patnav/patnav/internal/norm"
)

// ctx is what an open element means to the reader: the state of the path machine. An element
// that opens no new context inherits its parent's, so a leaf such as doc-number is read by the
// context it sits in (publication, application, priority claim, citation …).
type ctx uint8

const (
	cIgnore       ctx = iota // nothing wanted below: text is not even collected
	cDoc                     // the document root
	cBib                     // bibliographic data (and pap-v16 technical-information)
	cPub                     // publication-reference; pap-v16 document-id
	cApp                     // application-reference; pap-v16 domestic-filing-data
	cPrio                    // priority-claim; pap-v16 foreign-priority-data
	cRelated                 // us-related-documents; pap-v16 continuity-data
	cRelParent               // parent-doc, us-provisional-application; pap-v16 parent, non-provisional-of-provisional
	cRelDoc                  // the document-id of a parent application
	cIPC                     // classification-ipc (edition 7 text codes)
	cIPCPrimary              // pap-v16 classification-ipc-primary
	cIPCSecondary            // pap-v16 classification-ipc-secondary
	cIPCR                    // classification-ipcr
	cCPCs                    // classifications-cpc
	cCPCMain                 // main-cpc
	cCPCFurther              // further-cpc
	cCPC                     // classification-cpc
	cRefs                    // references-cited, us-references-cited
	cCit                     // citation, us-citation
	cPatcit                  // patcit
	cParties                 // parties, us-parties, applicants, inventors, assignees …
	cParty                   // one applicant, inventor or assignee
	cPartyRes                // its residence
	cClaims                  // claims, subdoc-claims
	// Collectors: all text below them is gathered, with spaces at block boundaries.
	cTitle    // invention-title, title-of-invention
	cNpl      // nplcit
	cAbstract // abstract, subdoc-abstract
	cClaim    // the first claim
	cSkip     // marker from child(): fast-forward over the element's content
)

func (c ctx) collector() bool { return c >= cTitle && c < cSkip }

// Document roots.
const (
	rootGrant = "us-patent-grant"
	rootApp   = "us-patent-application"
	rootPAP   = "patent-application-publication"
	rootSeq   = "sequence-cwu" // a sequence listing attached to a grant: not a publication
)

// Party kinds in the source.
const (
	kApplicant = iota + 1
	kInventor
	kAssignee
)

// child returns the context of element name opened inside a parent context.
func child(parent ctx, name string) ctx {
	switch parent {
	case cIgnore:
		return cIgnore
	case cDoc:
		switch name {
		case "us-bibliographic-data-grant", "us-bibliographic-data-application", "subdoc-bibliographic-information":
			return cBib
		case "abstract", "subdoc-abstract":
			return cAbstract
		case "claims", "subdoc-claims":
			return cClaims
		case "description", "subdoc-description", "drawings", "subdoc-drawings":
			return cSkip
		}
		return cIgnore
	case cBib:
		switch name {
		case "publication-reference", "document-id":
			return cPub
		case "application-reference", "domestic-filing-data":
			return cApp
		case "priority-claims", "classifications-ipcr", "technical-information", "number-of-claims":
			return cBib
		case "priority-claim", "foreign-priority-data":
			return cPrio
		case "us-related-documents", "continuity-data":
			return cRelated
		case "classification-ipc":
			return cIPC
		case "classification-ipcr":
			return cIPCR
		case "classifications-cpc":
			return cCPCs
		case "invention-title", "title-of-invention":
			return cTitle
		case "references-cited", "us-references-cited":
			return cRefs
		case "parties", "us-parties", "inventors", "assignees":
			return cParties
		case "assignee":
			return cParty
		case "field-of-search", "us-field-of-classification-search":
			return cSkip
		}
		return cIgnore
	case cParties:
		switch name {
		case "applicants", "us-applicants", "inventors", "assignees":
			return cParties
		case "applicant", "us-applicant", "inventor", "first-named-inventor", "assignee":
			return cParty
		}
		return cIgnore
	case cParty:
		switch name {
		case "nationality":
			return cIgnore
		case "residence":
			return cPartyRes
		}
		return cParty
	case cRelated:
		switch name {
		case "parent-doc", "us-provisional-application", "parent", "non-provisional-of-provisional":
			return cRelParent
		case "child-doc", "child", "related-publication", "parent-patent", "parent-status":
			return cIgnore
		}
		return cRelated
	case cRelParent:
		if name == "document-id" {
			return cRelDoc
		}
		return cIgnore
	case cIPC:
		switch name {
		case "classification-ipc-primary":
			return cIPCPrimary
		case "classification-ipc-secondary":
			return cIPCSecondary
		}
		return cIPC
	case cCPCs:
		switch name {
		case "main-cpc":
			return cCPCMain
		case "further-cpc":
			return cCPCFurther
		}
		return cIgnore
	case cCPCMain, cCPCFurther:
		if name == "classification-cpc" {
			return cCPC
		}
		return parent
	case cRefs:
		if name == "citation" || name == "us-citation" {
			return cCit
		}
		return cIgnore
	case cCit:
		switch name {
		case "patcit":
			return cPatcit
		case "nplcit":
			return cNpl
		case "category":
			return cCit
		}
		return cIgnore
	case cClaims:
		if name == "claim" {
			return cClaim
		}
		return cIgnore
	}
	return parent // leaves of cPub, cApp, cPrio, cRelDoc, cIPCR, cCPC, cPatcit, cPartyRes, collectors
}

// isBlock tells the elements whose boundaries separate words inside collected text.
func isBlock(name string) bool {
	switch name {
	case "p", "paragraph", "claim-text", "br", "li", "heading", "row", "entry", "ul", "ol", "dl", "dd", "dt":
		return true
	}
	return false
}

type frame struct {
	name, space string
	ctx         ctx
	opener      bool // this element opened ctx (its end commits what was gathered)
	start       int  // length of the text buffer when the element opened
}

// rawID is a document-id as written: country, number, kind, date.
type rawID struct{ country, num, kind, date string }

// rawClass is a structured IPCR/CPC symbol.
type rawClass struct {
	section, class, subclass, group, subgroup, position string
	main                                                bool
}

type rawCit struct {
	npl      bool
	id       rawID
	text     string
	category string
}

type rawParty struct {
	kind                     int
	appType, authority       string
	org, full, first, middle string
	last, suffix             string
	city, state, postcode    string
	country, resCountry      string
	lines                    []string
}

type oldIPC struct {
	text string
	main bool
}

// doc is what one document yields, before canonicalisation. It is reused between documents.
type doc struct {
	root, lang, applType string
	pub, app             rawID
	prios, related       []rawID
	ipc                  []oldIPC
	ipcr, cpc            []rawClass
	title, abstract      string
	claim1               string
	claims               int
	claimsSeen           bool
	numClaims            string
	refsSeen             bool
	cits                 []rawCit
	parties              []rawParty
	inventorList         bool

	// current items being gathered
	prio, rel rawID
	cls       rawClass
	cit       rawCit
	party     rawParty
}

func (d *doc) reset() {
	*d = doc{
		prios: d.prios[:0], related: d.related[:0], ipc: d.ipc[:0], ipcr: d.ipcr[:0],
		cpc: d.cpc[:0], cits: d.cits[:0], parties: d.parties[:0],
	}
}

// parser walks one document's token stream.
type parser struct {
	stack []frame
	text  []byte
	d     doc
}

// errSkipDoc marks a document that is not a publication (a sequence listing).
var errSkipDoc = errors.New("not a publication document")

// errUnknownRoot marks a document whose root element is none of the USPTO publication roots.
var errUnknownRoot = errors.New("not a USPTO publication document")

// parse reads one document from dec (which reads from sp). It returns errSkipDoc for a sequence
// listing, a wrapped errUnknownRoot for another root, or the XML error of a malformed document.
func (p *parser) parse(dec *xml.Decoder, sp *splitter) error {
	p.stack = p.stack[:0]
	p.text = p.text[:0]
	p.d.reset()
	d := &p.d
	for {
		tok, err := dec.RawToken()
		if err != nil {
			if err == io.EOF {
				if d.root == "" {
					return errors.New("no root element")
				}
				return fmt.Errorf("document truncated: element <%s> not closed", p.stack[len(p.stack)-1].name)
			}
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := t.Name.Local
			var c ctx
			if len(p.stack) == 0 {
				if d.root != "" {
					return fmt.Errorf("second root element <%s>", name)
				}
				d.root = name
				switch name {
				case rootGrant, rootApp, rootPAP:
				case rootSeq:
					return errSkipDoc
				default:
					return fmt.Errorf("%w: root element <%s>", errUnknownRoot, name)
				}
				c = cDoc
				d.lang = attr(t.Attr, "lang")
			} else {
				parent := &p.stack[len(p.stack)-1]
				c = child(parent.ctx, name)
				if c == cClaim && parent.ctx == cClaims && d.claims > 0 {
					d.claims++ // only the first claim's text is kept
					c = cIgnore
				}
				if c == cSkip {
					if sp.direct && !sp.justClosedEmpty() {
						sp.skipTo(closeTag(t.Name))
					}
					c = cIgnore
				}
				if c.collector() && c == parent.ctx && isBlock(name) {
					p.text = append(p.text, ' ')
				}
				if c != parent.ctx {
					p.open(c, name, t.Attr)
				}
			}
			p.stack = append(p.stack, frame{name: name, space: t.Name.Space, ctx: c,
				opener: len(p.stack) == 0 || c != p.stack[len(p.stack)-1].ctx, start: len(p.text)})
		case xml.EndElement:
			n := len(p.stack)
			if n == 0 {
				return fmt.Errorf("unexpected end element </%s>", t.Name.Local)
			}
			f := p.stack[n-1]
			if f.name != t.Name.Local || f.space != t.Name.Space {
				return fmt.Errorf("element <%s> closed by </%s>", qname(f.space, f.name), qname(t.Name.Space, t.Name.Local))
			}
			p.stack = p.stack[:n-1]
			if f.ctx != cIgnore {
				p.close(f, p.text[f.start:])
			}
			if f.ctx == cClaim && f.opener && sp.direct {
				// Only the first claim's text is kept: the others are counted by a byte scan.
				parent := p.stack[len(p.stack)-1]
				d.claims += sp.skipTo(closeTag(xml.Name{Space: parent.space, Local: parent.name}), claimOpen, claimOpenBare)
			}
			if f.ctx.collector() && !f.opener {
				if isBlock(f.name) {
					p.text = append(p.text, ' ')
				}
			} else {
				p.text = p.text[:f.start]
			}
			if n == 1 {
				return nil
			}
		case xml.CharData:
			if n := len(p.stack); n > 0 && p.stack[n-1].ctx != cIgnore {
				p.text = append(p.text, t...)
			}
		}
	}
}

var (
	claimOpen     = []byte("<claim ")
	claimOpenBare = []byte("<claim>")
)

func qname(space, local string) string {
	if space == "" {
		return local
	}
	return space + ":" + local
}

func closeTag(n xml.Name) []byte {
	return []byte("</" + qname(n.Space, n.Local) + ">")
}

func attr(as []xml.Attr, name string) string {
	for _, a := range as {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// open starts gathering an item when an element opens a new context.
func (p *parser) open(c ctx, name string, as []xml.Attr) {
	d := &p.d
	switch c {
	case cApp:
		if d.applType == "" {
			d.applType = attr(as, "appl-type")
		}
	case cPrio:
		d.prio = rawID{}
	case cRelDoc:
		d.rel = rawID{}
	case cIPCR, cCPC:
		d.cls = rawClass{}
	case cCit:
		d.cit = rawCit{}
		d.refsSeen = true
	case cRefs:
		d.refsSeen = true
	case cClaims:
		d.claimsSeen = true
	case cClaim:
		d.claims++
	case cParty:
		d.party = rawParty{lines: d.party.lines[:0]}
		switch name {
		case "inventor", "first-named-inventor":
			d.party.kind = kInventor
			d.inventorList = true
		case "assignee":
			d.party.kind = kAssignee
		default:
			d.party.kind = kApplicant
			d.party.appType = attr(as, "app-type")
			d.party.authority = attr(as, "applicant-authority-category")
		}
	}
}

func setOnce(dst *string, v []byte) {
	if *dst == "" {
		*dst = string(bytes.TrimSpace(v))
	}
}

// close handles the end of an element in a wanted context; text is everything gathered below it.
func (p *parser) close(f frame, text []byte) {
	d := &p.d
	switch f.ctx {
	case cBib:
		if f.name == "number-of-claims" {
			setOnce(&d.numClaims, text)
		}
	case cPub:
		readID(&d.pub, f.name, text)
	case cApp:
		readID(&d.app, f.name, text)
	case cPrio:
		if f.opener {
			if d.prio.num != "" {
				d.prios = append(d.prios, d.prio)
			}
			return
		}
		readID(&d.prio, f.name, text)
	case cRelDoc:
		if f.opener {
			if d.rel.num != "" {
				d.related = append(d.related, d.rel)
			}
			return
		}
		readID(&d.rel, f.name, text)
	case cIPC:
		switch f.name {
		case "main-classification":
			d.ipc = append(d.ipc, oldIPC{text: string(text), main: true})
		case "further-classification":
			d.ipc = append(d.ipc, oldIPC{text: string(text)})
		}
	case cIPCPrimary, cIPCSecondary:
		if f.name == "ipc" {
			d.ipc = append(d.ipc, oldIPC{text: string(text), main: f.ctx == cIPCPrimary})
		}
	case cIPCR, cCPC:
		if f.opener {
			if f.ctx == cIPCR {
				d.ipcr = append(d.ipcr, d.cls)
			} else {
				d.cls.main = p.stack[len(p.stack)-1].ctx == cCPCMain
				d.cpc = append(d.cpc, d.cls)
			}
			return
		}
		c := &d.cls
		switch f.name {
		case "section":
			setOnce(&c.section, text)
		case "class":
			setOnce(&c.class, text)
		case "subclass":
			setOnce(&c.subclass, text)
		case "main-group":
			setOnce(&c.group, text)
		case "subgroup":
			setOnce(&c.subgroup, text)
		case "symbol-position":
			setOnce(&c.position, text)
		}
	case cTitle:
		if f.opener && d.title == "" {
			d.title = norm.CleanText(string(text))
		}
	case cAbstract:
		if f.opener && d.abstract == "" {
			d.abstract = norm.CleanText(string(text))
		}
	case cClaim:
		if f.opener && d.claim1 == "" {
			d.claim1 = norm.CleanText(string(text))
		}
	case cCit:
		if f.opener {
			if d.cit.npl || d.cit.id.num != "" {
				d.cits = append(d.cits, d.cit)
			}
			return
		}
		if f.name == "category" {
			setOnce(&d.cit.category, text)
		}
	case cPatcit:
		readID(&d.cit.id, f.name, text)
	case cNpl:
		if f.opener && !d.cit.npl {
			d.cit.npl = true
			d.cit.text = norm.CleanText(string(text))
		}
	case cParty, cPartyRes:
		if f.opener {
			if f.ctx == cPartyRes {
				return
			}
			d.parties = append(d.parties, d.party)
			d.party.lines = nil // the committed party owns its lines
			return
		}
		p.partyLeaf(f, text)
	}
}

// readID reads a document-id leaf (grant DTD names and pap-v16 names).
func readID(id *rawID, name string, text []byte) {
	switch name {
	case "doc-number":
		setOnce(&id.num, text)
	case "kind", "kind-code":
		setOnce(&id.kind, text)
	case "date", "document-date", "filing-date":
		setOnce(&id.date, text)
	case "country", "country-code":
		setOnce(&id.country, text)
	}
}

func (p *parser) partyLeaf(f frame, text []byte) {
	pt := &p.d.party
	switch f.name {
	case "orgname", "organization-name":
		setOnce(&pt.org, text)
	case "name":
		// addressbook/name holds a whole name; pap-v16 name only wraps given-name/family-name.
		setOnce(&pt.full, text)
	case "first-name", "given-name":
		setOnce(&pt.first, text)
	case "middle-name":
		setOnce(&pt.middle, text)
	case "last-name", "family-name":
		setOnce(&pt.last, text)
	case "suffix", "name-suffix":
		setOnce(&pt.suffix, text)
	case "city":
		setOnce(&pt.city, text)
	case "state":
		setOnce(&pt.state, text)
	case "postcode", "postalcode":
		setOnce(&pt.postcode, text)
	case "street", "address-1", "address-2", "address-3", "address-4", "address-5":
		if s := strings.TrimSpace(string(text)); s != "" {
			pt.lines = append(pt.lines, s)
		}
	case "country", "country-code":
		if f.ctx == cPartyRes {
			setOnce(&pt.resCountry, text)
		} else {
			setOnce(&pt.country, text)
		}
	}
}
