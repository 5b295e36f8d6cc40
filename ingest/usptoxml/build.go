package usptoxml

import (
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Field names used in record errors: the source's element paths.
func (d *doc) pubField(leaf string) string {
	if d.root == rootPAP {
		return "document-id/" + leaf
	}
	return "publication-reference/document-id/" + leaf
}

func (d *doc) appField() string {
	if d.root == rootPAP {
		return "domestic-filing-data/filing-date"
	}
	return "application-reference/document-id/date"
}

func (d *doc) prioField() string {
	if d.root == rootPAP {
		return "foreign-priority-data/filing-date"
	}
	return "priority-claim/date"
}

func (d *doc) relField() string {
	if d.root == rootPAP {
		return "continuity-data/document-id/document-date"
	}
	return "us-related-documents/parent-doc/document-id/date"
}

// build turns a parsed document into a canonical record. bad returns a RecordError without
// file, record and line (the caller fills them).
func (d *doc) build() (*patent.Record, *format.RecordError) {
	bad := func(field, value string, err error) *format.RecordError {
		return &format.RecordError{Field: field, Value: value, Err: err}
	}
	rec := patent.NewRecord()
	pt := &rec.Patent

	// Publication number: the one required field.
	country := strings.ToUpper(strings.TrimSpace(d.pub.country))
	if country == "" {
		country = "US"
	}
	if d.pub.num == "" {
		return nil, bad(d.pubField("doc-number"), "", format.ErrBadNumber)
	}
	pn, err := norm.ParsePub(country+" "+d.pub.num, d.pub.kind)
	if err != nil {
		return nil, bad(d.pubField("doc-number"), d.pub.num, format.ErrBadNumber)
	}
	pt.PubNumber, pt.Jurisdiction, pt.Kind = pn.String(), pn.Office, pn.Kind
	hint := ""
	if t := strings.ToLower(d.applType); t == "design" || t == "plant" {
		hint = t
	}
	pt.DocType = norm.DocType(pn.Office, pn.Kind, hint)

	// Dates.
	if pt.PubDate, err = norm.ParseDate(d.pub.date, norm.DayFirst); err != nil {
		return nil, bad(d.pubField("date"), d.pub.date, format.ErrBadDate)
	}
	if norm.IsGrantKind(pn.Office, pn.Kind) {
		pt.GrantDate = pt.PubDate
	}
	if d.app.num != "" {
		c := strings.TrimSpace(d.app.country)
		if c == "" {
			c = "US"
		}
		pt.AppNumber = norm.AppNumber(c + d.app.num)
	}
	if pt.AppDate, err = norm.ParseDate(d.app.date, norm.DayFirst); err != nil {
		return nil, bad(d.appField(), d.app.date, format.ErrBadDate)
	}

	// Priorities: foreign priority claims and the parent applications of continuity data
	// (continuations, divisions, provisionals …). The earliest of their dates and the filing date
	// is the priority date.
	earliest := pt.AppDate
	addPrio := func(id rawID, field string) *format.RecordError {
		dt, err := norm.ParseDate(id.date, norm.DayFirst)
		if err != nil {
			return bad(field, id.date, format.ErrBadDate)
		}
		if dt.Valid() && (!earliest.Valid() || dt.Before(earliest.Time)) {
			earliest = dt
		}
		c := strings.TrimSpace(id.country)
		if c == "" {
			c = "US"
		}
		n := norm.AppNumber(c + id.num)
		if len(n) <= 2 {
			return nil
		}
		pt.ClaimPriority(n, dt) // the earliest claim first; PriorityDate is set below
		return nil
	}
	for _, id := range d.prios {
		if e := addPrio(id, d.prioField()); e != nil {
			return nil, e
		}
	}
	for _, id := range d.related {
		if e := addPrio(id, d.relField()); e != nil {
			return nil, e
		}
	}
	pt.PriorityDate = earliest

	pt.Title = d.title
	pt.TitleLang = strings.ToLower(strings.TrimSpace(d.lang))
	if pt.TitleLang == "" {
		pt.TitleLang = "en" // USPTO publishes in English; pap-v16 does not say so
	}
	pt.Abstract = d.abstract
	pt.Claims = d.claim1
	switch {
	case d.claims > 0 || d.claimsSeen:
		pt.ClaimsCount = d.claims
	case d.numClaims != "":
		if n, ok := atoi(d.numClaims); ok {
			pt.ClaimsCount = n
		}
	}
	pt.Source = Name

	d.classes(rec)
	d.citations(rec)
	d.people(rec)
	return rec, nil
}

func atoi(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// addClass appends a classification, deduplicating per scheme (a duplicate that is main marks
// the kept one main).
func addClass(rec *patent.Record, scheme, code string, main bool) {
	c, err := norm.ParseClass(code)
	if err != nil {
		return
	}
	for i := range rec.Classifications {
		h := &rec.Classifications[i]
		if h.Scheme == scheme && h.Code == c.Code {
			h.IsMain = h.IsMain || main
			return
		}
	}
	c.Scheme, c.IsMain = scheme, main
	rec.Classifications = append(rec.Classifications, c)
}

func (c rawClass) code() string {
	return c.section + c.class + c.subclass + c.group + "/" + c.subgroup
}

func (d *doc) classes(rec *patent.Record) {
	// IPCR: the symbol in first position (F) is the main one; else the first listed.
	mainIdx := -1
	for i, c := range d.ipcr {
		if strings.EqualFold(c.position, "F") {
			mainIdx = i
			break
		}
	}
	if mainIdx < 0 && len(d.ipcr) > 0 {
		mainIdx = 0
	}
	for i, c := range d.ipcr {
		addClass(rec, patent.IPC, c.code(), i == mainIdx)
	}
	for _, c := range d.ipc {
		if code := oldIPCCode(c.text); code != "" {
			addClass(rec, patent.IPC, code, c.main)
		}
	}
	for _, c := range d.cpc {
		addClass(rec, patent.CPC, c.code(), c.main)
	}
}

// oldIPCCode rewrites an edition-7 IPC text code as "H04L 9/00". The grant DTDs write it fixed
// width: subclass (4), main group right-aligned in 3, subgroup: "A45F  504" is A45F 5/04,
// "H01L 21302" H01L 21/302, "C07C24900" C07C 249/00. An edition number may lead (" 7H04L 900"),
// and pap-v16 writes "A41B001/00", which norm.ParseClass reads directly.
func oldIPCCode(s string) string {
	t := strings.TrimRight(strings.ToUpper(s), " \t\r\n")
	t = strings.TrimLeft(t, " \t\r\n0123456789") // edition prefix
	if strings.IndexByte(t, '/') >= 0 {
		return t
	}
	if len(t) < 4 {
		return ""
	}
	sub, rest := t[:4], t[4:]
	if i := strings.IndexAny(rest, "(;,"); i >= 0 { // trailing edition or notes
		rest = strings.TrimRight(rest[:i], " ")
	}
	if strings.TrimSpace(rest) == "" {
		return sub
	}
	if len(rest) >= 5 && isDigitsOrSpace(rest[:3]) && isDigits(rest[3:]) && strings.TrimSpace(rest[:3]) != "" {
		return sub + " " + strings.TrimSpace(rest[:3]) + "/" + rest[3:]
	}
	digits := strings.TrimSpace(rest)
	if len(digits) >= 3 && isDigits(digits) {
		return sub + " " + digits[:len(digits)-2] + "/" + digits[len(digits)-2:]
	}
	return ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isDigitsOrSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != ' ' {
			return false
		}
	}
	return true
}

func (d *doc) citations(rec *patent.Record) {
	pats, npls := 0, 0
	for _, c := range d.cits {
		cat := norm.CleanText(c.category)
		if c.npl {
			npls++
			if c.text != "" {
				rec.Citations = append(rec.Citations, patent.Citation{Cited: c.text, Kind: patent.CiteNPL, Category: cat})
			}
			continue
		}
		pats++
		country := strings.ToUpper(strings.TrimSpace(c.id.country))
		num := strings.TrimSpace(c.id.num)
		if country == "WO" {
			num = woNumber(num)
		} else if len(num) > 2 && strings.EqualFold(num[:2], country) {
			num = num[2:] // the office is repeated in the number: "EP 0123456"
		}
		cited := ""
		if pn, err := norm.ParsePub(country+" "+num, c.id.kind); err == nil && country != "" {
			cited = pn.String()
		} else {
			cited = norm.CleanText(strings.TrimSpace(country + " " + c.id.num + " " + c.id.kind))
		}
		rec.Citations = append(rec.Citations, patent.Citation{Cited: cited, Kind: patent.CitePatent, Category: cat})
	}
	// A grant lists every reference it cites, so a grant without a references element cites none;
	// an application's references are only known when it carries them.
	if d.refsSeen || d.root == rootGrant {
		rec.Patent.CitesCount, rec.Patent.NPLCount = pats, npls
	}
}

// isOrgApplicant tells an applicant that is not one of the inventors: one with an organisation
// name or a non-inventor authority category (assignee, legal-representative …).
func (p *rawParty) isOrgApplicant() bool {
	if p.org != "" {
		return true
	}
	a := strings.ToLower(p.authority)
	return a != "" && a != "inventor"
}

func (p *rawParty) name() string {
	if p.org != "" {
		return p.org
	}
	if p.full != "" {
		return p.full
	}
	var b strings.Builder
	for _, s := range [...]string{p.first, p.middle, p.last, p.suffix} {
		if s == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

func countryCode(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		return s
	}
	return ""
}

func (p *rawParty) party(role string, seq int) patent.Party {
	out := patent.Party{Role: role, Seq: seq, NameRaw: p.name(), City: p.city, Province: p.state}
	out.Country = countryCode(p.country)
	if out.Country == "" {
		out.Country = countryCode(p.resCountry)
	}
	if len(p.lines) > 0 || p.postcode != "" {
		parts := append([]string(nil), p.lines...)
		if p.city != "" {
			parts = append(parts, p.city)
		}
		tail := strings.TrimSpace(p.state + " " + p.postcode)
		if tail != "" {
			parts = append(parts, tail)
		}
		out.Address = strings.Join(parts, ", ")
	}
	return out
}

// people maps the source's parties to roles. Assignees and applicants that are organisations or
// non-inventor applicants (AIA applicant-authority-category assignee, legal-representative …)
// are applicants; inventors (or, in DTDs without an inventor list, the applicant-inventors) are
// inventors. When nothing names an applicant the inventors are the applicants, as the patent then
// belongs to them.
func (d *doc) people(rec *patent.Record) {
	var apps, invs []*rawParty
	has := func(list []*rawParty, name string) bool {
		for _, p := range list {
			if p.name() == name {
				return true
			}
		}
		return false
	}
	for i := range d.parties {
		p := &d.parties[i]
		if p.kind == kAssignee && p.name() != "" && !has(apps, p.name()) {
			apps = append(apps, p)
		}
	}
	for i := range d.parties {
		p := &d.parties[i]
		if p.name() == "" {
			continue
		}
		switch {
		case p.kind == kApplicant && p.isOrgApplicant():
			if !has(apps, p.name()) {
				apps = append(apps, p)
			}
		case p.kind == kInventor, p.kind == kApplicant && !d.inventorList:
			if !has(invs, p.name()) {
				invs = append(invs, p)
			}
		}
	}
	if len(apps) == 0 {
		apps = invs
	}
	for i, p := range apps {
		rec.Parties = append(rec.Parties, p.party(patent.RoleApplicant, i+1))
	}
	for i, p := range invs {
		rec.Parties = append(rec.Parties, p.party(patent.RoleInventor, i+1))
	}
}

// woNumber rewrites a cited PCT publication number in its canonical year + 6-digit serial form:
// "WO 98/51827" and "WO 9851827" → "1998051827", "WO 02/069697" → "2002069697",
// "WO 2010/123456" → "2010123456". norm.ParsePub reads the old 2+5-digit form but not the
// 2+6-digit one used from 2002, so the reader normalises it first.
func woNumber(s string) string {
	t := strings.TrimSpace(s)
	if len(t) >= 2 && strings.EqualFold(t[:2], "WO") {
		t = t[2:]
	}
	var year, serial string
	if i := strings.IndexByte(t, '/'); i >= 0 {
		year, serial = digitsOf(t[:i]), digitsOf(t[i+1:])
	} else {
		d := digitsOf(t)
		switch len(d) {
		case 7, 8: // YY + 5 or 6 digits
			year, serial = d[:2], d[2:]
		case 10: // YYYY + 6 digits
			year, serial = d[:4], d[4:]
		default:
			return s
		}
	}
	switch len(year) {
	case 2:
		if year >= "50" {
			year = "19" + year
		} else {
			year = "20" + year
		}
	case 4:
	default:
		return s
	}
	if serial == "" || len(serial) > 6 {
		return s
	}
	return year + strings.Repeat("0", 6-len(serial)) + serial
}

func digitsOf(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			b.WriteByte(c)
		} else if c != ' ' {
			return ""
		}
	}
	return b.String()
}
