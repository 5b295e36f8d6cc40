package epoxml

import (
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Document-id types (document-id-type attribute in OPS, data-format in DOCDB bulk files).
const (
	fmtDocdb    = "docdb"
	fmtDocdba   = "docdba"
	fmtEpodoc   = "epodoc"
	fmtOriginal = "original"
)

// idType returns the effective type of id inside a reference whose data-format is refFmt. A
// document-id without any type that has a separate country is docdb-shaped.
func idType(refFmt string, id *docID) string {
	if id.Type != "" {
		return id.Type
	}
	if refFmt != "" {
		return refFmt
	}
	if strings.TrimSpace(id.Country) != "" {
		return fmtDocdb
	}
	return ""
}

// pickID returns the first document-id of the wanted type among refs, or nil.
func pickID(refs []docRef, want string) *docID {
	for i := range refs {
		for j := range refs[i].IDs {
			if idType(refs[i].DataFormat, &refs[i].IDs[j]) == want {
				return &refs[i].IDs[j]
			}
		}
	}
	return nil
}

// cleanKind keeps the letters and digits of a kind code ("C#" of OPS query echoes becomes "C").
func cleanKind(k string) string {
	k = strings.ToUpper(strings.TrimSpace(k))
	for i := 0; i < len(k); i++ {
		c := k[i]
		if !(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			var b strings.Builder
			for j := 0; j < len(k); j++ {
				if c := k[j]; c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
					b.WriteByte(c)
				}
			}
			return b.String()
		}
	}
	return k
}

// parseID canonicalises a docdb (country + doc-number + kind) or epodoc (glued) document-id.
func parseID(id *docID) (norm.PubNumber, error) {
	num := strings.TrimSpace(id.DocNumber)
	if c := strings.TrimSpace(id.Country); c != "" && !strings.HasPrefix(strings.ToUpper(num), strings.ToUpper(c)) {
		num = c + " " + num
	} else if c != "" && len(num) > len(c) && !isDigit(num[len(c)]) {
		// doc-number starting with the country letters but not followed by a digit, e.g. a
		// design "D…" series: keep the country separate.
		num = c + " " + num
	}
	return norm.ParsePub(num, cleanKind(id.Kind))
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// idString is a document-id as written, for error values and unparseable citations.
func idString(id *docID) string {
	return strings.TrimSpace(strings.Join(strings.Fields(id.Country+" "+id.DocNumber+" "+id.Kind), " "))
}

// appNumber canonicalises an application or priority document-id: docdb as country + number +
// kind (the DOCDB application key, e.g. US 201314052000 A → US201314052000A); epodoc as written,
// except that the epodoc PCT form WO2013US64552 is rewritten to the docdb form US2013064552W so
// that it equals the docdb priority key of other records.
func appNumber(typ string, id *docID) string {
	switch typ {
	case fmtDocdb:
		return norm.AppNumber(id.Country + id.DocNumber + cleanKind(id.Kind))
	case fmtEpodoc:
		return epodocApp(norm.AppNumber(id.Country + id.DocNumber))
	case fmtOriginal:
		if strings.TrimSpace(id.Country) == "" {
			return ""
		}
		return norm.AppNumber(id.Country + id.DocNumber)
	}
	if strings.TrimSpace(id.Country) != "" {
		return norm.AppNumber(id.Country + id.DocNumber + cleanKind(id.Kind))
	}
	return epodocApp(norm.AppNumber(id.DocNumber))
}

// epodocApp rewrites an epodoc PCT application number WOyyyyCCnnnnn(n) to docdb CCyyyynnnnnnW.
func epodocApp(s string) string {
	if len(s) < 11 || !strings.HasPrefix(s, "WO") {
		return s
	}
	year, cc, serial := s[2:6], s[6:8], s[8:]
	if !allDigits(year) || !isUpper(cc[0]) || !isUpper(cc[1]) || !allDigits(serial) || len(serial) > 6 {
		return s
	}
	return cc + year + strings.Repeat("0", 6-len(serial)) + serial + "W"
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// dateOf parses an exchange-format date (YYYYMMDD; ISO in legal events).
func dateOf(s string) (patent.Date, error) { return norm.ParseDate(s, norm.DayFirst) }

// seqNum reads a sequence attribute ("1", "01"); missing or bad sequences sort last.
func seqNum(s string) int {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		return 1 << 30
	}
	return n
}

// base fills the fields every record shares.
func (r *reader) base(no int) *patent.Record {
	rec := patent.NewRecord()
	rec.Patent.Source = Name
	rec.Patent.SourceFile = r.file
	rec.Patent.SourceRecord = no
	return rec
}

// setNumber fills PubNumber, Jurisdiction, Kind, DocType.
func setNumber(rec *patent.Record, p norm.PubNumber) {
	rec.Patent.PubNumber = p.String()
	rec.Patent.Jurisdiction = p.Office
	rec.Patent.Kind = p.Kind
	rec.Patent.DocType = norm.DocType(p.Office, p.Kind, "")
}

// setGrant sets GrantDate from the publication date of a grant document.
func setGrant(rec *patent.Record) {
	if norm.IsGrantKind(rec.Patent.Jurisdiction, rec.Patent.Kind) {
		rec.Patent.GrantDate = rec.Patent.PubDate
	}
}

// mapExchange maps one exchange-document to a record.
func (r *reader) mapExchange(d *exchDoc, line int) result {
	no := r.next()
	rec := r.base(no)
	if e := r.fillExchange(rec, d, no, line); e != nil {
		return result{err: e}
	}
	return result{rec: rec}
}

func (r *reader) fillExchange(rec *patent.Record, d *exchDoc, no, line int) *format.RecordError {
	p := &rec.Patent
	b := &d.Biblio
	if strings.EqualFold(strings.TrimSpace(d.Status), "D") {
		return r.recErr(no, line, "exchange-document/@status", d.Status, ErrDeleted)
	}

	// Publication number: the exchange-document attributes (docdb), else the docdb
	// publication-reference, else the epodoc one.
	pubDocdb := pickID(b.PubRefs, fmtDocdb)
	var (
		pn    norm.PubNumber
		err   error
		field string
		value string
	)
	switch {
	case strings.TrimSpace(d.DocNumber) != "":
		field = "exchange-document/@doc-number"
		id := docID{Country: d.Country, DocNumber: d.DocNumber, Kind: d.Kind}
		value = idString(&id)
		pn, err = parseID(&id)
	case pubDocdb != nil:
		field, value = "publication-reference/document-id[docdb]", idString(pubDocdb)
		pn, err = parseID(pubDocdb)
	default:
		if ep := pickID(b.PubRefs, fmtEpodoc); ep != nil {
			field, value = "publication-reference/document-id[epodoc]", idString(ep)
			pn, err = parseID(ep)
		} else {
			field, err = "exchange-document/@doc-number", norm.ErrNumber
		}
	}
	if err != nil {
		return r.recErr(no, line, field, value, format.ErrBadNumber)
	}
	setNumber(rec, pn)
	p.FamilyID = strings.TrimSpace(d.FamilyID)

	// Publication date: docdb reference, else the date-publ attribute (DOCDB), else epodoc.
	pd, pdField := "", ""
	if pubDocdb != nil && strings.TrimSpace(pubDocdb.Date) != "" {
		pd, pdField = pubDocdb.Date, "publication-reference/document-id/date"
	} else if strings.TrimSpace(d.DatePubl) != "" {
		pd, pdField = d.DatePubl, "exchange-document/@date-publ"
	} else if ep := pickID(b.PubRefs, fmtEpodoc); ep != nil {
		pd, pdField = ep.Date, "publication-reference/document-id/date"
	}
	if p.PubDate, err = dateOf(pd); err != nil {
		return r.recErr(no, line, pdField, pd, format.ErrBadDate)
	}
	setGrant(rec)

	if e := r.setApplication(rec, b.AppRefs, no, line); e != nil {
		return e
	}
	if e := r.setPriorities(rec, b.Priorities, no, line); e != nil {
		return e
	}

	// Texts.
	if t := pickLang(b.Titles); t != nil {
		p.Title = norm.CleanText(t.Text)
		p.TitleLang = langCode(t.Lang)
	}
	abs := d.Abstracts
	if len(abs) == 0 {
		abs = b.Abstracts
	}
	if a := pickLang(abs); a != nil {
		p.Abstract = norm.CleanText(a.Text)
	}

	rec.Parties = appendParties(rec.Parties, patent.RoleApplicant, b.Applicants)
	rec.Parties = appendParties(rec.Parties, patent.RoleInventor, b.Inventors)
	rec.Classifications = exchangeClasses(b)
	if b.RefsCited != nil {
		rec.Citations, p.CitesCount, p.NPLCount = exchangeCitations(b.RefsCited.Citations)
	}
	return nil
}

// setApplication fills AppNumber and AppDate from application-reference (docdb preferred).
func (r *reader) setApplication(rec *patent.Record, refs []docRef, no, line int) *format.RecordError {
	date := ""
	for _, want := range []string{fmtDocdb, fmtEpodoc, fmtOriginal} {
		id := pickID(refs, want)
		if id == nil {
			continue
		}
		if rec.Patent.AppNumber == "" {
			rec.Patent.AppNumber = appNumber(want, id)
		}
		if date == "" {
			date = strings.TrimSpace(id.Date)
		}
	}
	if rec.Patent.AppNumber == "" {
		// A document-id without type information.
		for i := range refs {
			for j := range refs[i].IDs {
				id := &refs[i].IDs[j]
				if rec.Patent.AppNumber == "" {
					rec.Patent.AppNumber = appNumber(idType(refs[i].DataFormat, id), id)
				}
				if date == "" {
					date = strings.TrimSpace(id.Date)
				}
			}
		}
	}
	d, err := dateOf(date)
	if err != nil {
		return r.recErr(no, line, "application-reference/document-id/date", date, format.ErrBadDate)
	}
	rec.Patent.AppDate = d
	return nil
}

// setPriorities fills Priorities (canonical numbers, docdb preferred, deduplicated) and
// PriorityDate (the earliest claim date).
func (r *reader) setPriorities(rec *patent.Record, claims []priorityClaim, no, line int) *format.RecordError {
	p := &rec.Patent
	for i := range claims {
		c := &claims[i]
		num, date := "", ""
		for _, want := range []string{fmtDocdb, fmtEpodoc, fmtOriginal, ""} {
			for j := range c.IDs {
				id := &c.IDs[j]
				if idType(c.DataFormat, id) != want {
					continue
				}
				if num == "" {
					num = appNumber(want, id)
				}
				if date == "" {
					date = strings.TrimSpace(id.Date)
				}
			}
		}
		d, err := dateOf(date)
		if err != nil {
			return r.recErr(no, line, "priority-claim/document-id/date", date, format.ErrBadDate)
		}
		p.ClaimPriority(num, d)
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// pickLang chooses English, else the original language ("ol" or no lang attribute), else the
// first text.
func pickLang(ts []langText) *langText {
	var first, orig *langText
	for i := range ts {
		t := &ts[i]
		if strings.TrimSpace(t.Text) == "" {
			continue
		}
		if first == nil {
			first = t
		}
		if t.Lang == "en" {
			return t
		}
		if orig == nil && (t.Lang == "" || t.Lang == "ol") {
			orig = t
		}
	}
	if orig != nil {
		return orig
	}
	return first
}

// langCode maps the exchange lang attribute to TitleLang: "ol" (original language, unnamed) and a
// missing attribute give "".
func langCode(l string) string {
	if l == "ol" {
		return ""
	}
	return l
}

// partyFormatRank orders the data-formats a party list may come in: docdb first (standardised
// name, residence country), then epodoc (the same standardised name with "[CC]" appended), then
// docdba and original.
func partyFormatRank(f string) int {
	switch f {
	case fmtDocdb:
		return 0
	case fmtEpodoc:
		return 1
	case fmtDocdba:
		return 2
	case fmtOriginal:
		return 3
	}
	return 4
}

// appendParties adds one party per person in role: every entry of the best data-format present
// (see partyFormatRank), in sequence order. Formats are not mixed: the sequence numbers of
// different formats need not refer to the same person (CA2300029C numbers its epodoc and original
// inventors differently).
func appendParties(out []patent.Party, role string, ps []partyXML) []patent.Party {
	if len(ps) == 0 {
		return out
	}
	best := 99
	for i := range ps {
		if strings.TrimSpace(ps[i].name()) == "" {
			continue
		}
		if k := partyFormatRank(ps[i].DataFormat); k < best {
			best = k
		}
	}
	start := len(out)
	for i := range ps {
		pp := &ps[i]
		name := strings.TrimSpace(pp.name())
		if name == "" || partyFormatRank(pp.DataFormat) != best {
			continue
		}
		country := strings.ToUpper(strings.TrimSpace(pp.Residence))
		if pp.DataFormat == fmtEpodoc || pp.DataFormat == "" {
			if n, c, ok := splitResidence(name); ok {
				name = n
				if country == "" {
					country = c
				}
			}
		}
		out = append(out, patent.Party{Role: role, Seq: seqNum(pp.Sequence), NameRaw: name, Country: country})
	}
	added := out[start:]
	sort.SliceStable(added, func(i, j int) bool { return added[i].Seq < added[j].Seq })
	for i := range added {
		added[i].Seq = i + 1
	}
	return out
}

// splitResidence splits the epodoc residence suffix: "SCIENT DRILLING INT [US]" → name
// "SCIENT DRILLING INT", country "US". OPS separates the suffix with U+2002 (en space), so any
// Unicode space counts.
func splitResidence(s string) (string, string, bool) {
	n := len(s)
	if n < 5 || s[n-1] != ']' || s[n-4] != '[' || !isUpper(s[n-3]) || !isUpper(s[n-2]) {
		return s, "", false
	}
	name := strings.TrimRightFunc(s[:n-4], unicode.IsSpace)
	if len(name) == n-4 || name == "" {
		return s, "", false
	}
	return name, s[n-3 : n-1], true
}

// addClass appends c unless a code of the same scheme is already there; it reports whether c
// was added.
func addClass(out []patent.Classification, c patent.Classification) ([]patent.Classification, bool) {
	for _, o := range out {
		if o.Scheme == c.Scheme && o.Code == c.Code {
			return out, false
		}
	}
	return append(out, c), true
}

// exchangeClasses collects IPCR (fixed-width text), old IPC (classification-ipc) and CPC
// (patent-classifications with a CPC* scheme). The main IPC is the IPCR whose position flag
// (column 29 of the fixed-width text) is F, else the lowest sequence; without IPCR, the
// main-classification or first text of classification-ipc. The main CPC is the one with
// symbol-position F, else the lowest sequence.
func exchangeClasses(b *biblioXML) []patent.Classification {
	var out []patent.Classification
	ipcr := b.IPCR
	sort.SliceStable(ipcr, func(i, j int) bool { return seqNum(ipcr[i].Sequence) < seqNum(ipcr[j].Sequence) })
	mainIdx := -1
	for i := range ipcr {
		if ipcrFirst(ipcr[i].Text) {
			mainIdx = i
			break
		}
	}
	haveMain := false
	for i := range ipcr {
		c, err := norm.ParseClass(ipcr[i].Text)
		if err != nil {
			continue
		}
		c.Scheme = patent.IPC
		c.IsMain = !haveMain && (i == mainIdx || mainIdx < 0)
		var added bool
		if out, added = addClass(out, c); added && c.IsMain {
			haveMain = true
		}
	}
	for _, ipc := range b.IPC {
		texts := make([]string, 0, 1+len(ipc.Further)+len(ipc.Texts))
		texts = append(texts, ipc.Main)
		texts = append(texts, ipc.Further...)
		texts = append(texts, ipc.Texts...)
		for _, t := range texts {
			c, err := norm.ParseClass(t)
			if err != nil {
				continue
			}
			c.Scheme = patent.IPC
			c.IsMain = !haveMain
			var added bool
			if out, added = addClass(out, c); added && c.IsMain {
				haveMain = true
			}
		}
	}

	pcs := b.PatClasses
	sort.SliceStable(pcs, func(i, j int) bool { return seqNum(pcs[i].Sequence) < seqNum(pcs[j].Sequence) })
	mainIdx = -1
	for i := range pcs {
		if isCPC(pcs[i].Scheme.Scheme) && strings.EqualFold(strings.TrimSpace(pcs[i].Position), "F") {
			mainIdx = i
			break
		}
	}
	haveMain = false
	for i := range pcs {
		pc := &pcs[i]
		if !isCPC(pc.Scheme.Scheme) {
			continue
		}
		code := strings.TrimSpace(pc.Symbol)
		if code == "" {
			code = strings.TrimSpace(pc.Section) + strings.TrimSpace(pc.Class) + strings.TrimSpace(pc.Subclass) +
				" " + strings.TrimSpace(pc.MainGroup) + "/" + strings.TrimSpace(pc.Subgroup)
		}
		c, err := norm.ParseClass(code)
		if err != nil {
			continue
		}
		c.Scheme = patent.CPC
		c.IsMain = !haveMain && (i == mainIdx || mainIdx < 0)
		var added bool
		if out, added = addClass(out, c); added && c.IsMain {
			haveMain = true
		}
	}
	return out
}

// ipcrFirst reports whether a fixed-width IPCR text carries the "first position" flag: after the
// code and an optional 8-digit version date come the level (A/C/S), the position (F = first,
// L = later, blank in OPS) and the value (I/N): "H04W  84/20        20090101AFI20090101BHEP".
func ipcrFirst(t string) bool {
	i := strings.IndexByte(t, '/')
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(t[i+1:], " ")
	j := 0
	for j < len(rest) && isDigit(rest[j]) {
		j++
	}
	rest = strings.TrimLeft(rest[j:], " ")
	if len(rest) >= 8 && allDigits(rest[:8]) {
		rest = rest[8:]
	}
	return len(rest) >= 2 && (rest[0] == 'A' || rest[0] == 'C' || rest[0] == 'S') && rest[1] == 'F'
}

// isCPC accepts the CPC scheme names of OPS ("CPC") and DOCDB ("CPCI", "CPCA", "CPCNO" …).
func isCPC(s string) bool { return strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), "CPC") }

// exchangeCitations maps references-cited. Patent citations are canonical docdb numbers (epodoc
// when there is no docdb id, else the text as written); NPL citations are the cleaned text. Both
// are deduplicated (the same document cited by applicant and examiner counts once, first
// occurrence kept). Category is the search-report category (category elements, also inside
// rel-passage, or a category attribute; several are concatenated as in "XI"), else who cited
// (cited-by: examiner / applicant).
func exchangeCitations(cs []citationXML) ([]patent.Citation, int, int) {
	var out []patent.Citation
	cites, npl := 0, 0
	for i := range cs {
		c := &cs[i]
		cat := citationCategory(c)
		switch {
		case c.Patcit != nil:
			cited := patcitNumber(c.Patcit)
			if cited == "" || hasCitation(out, patent.CitePatent, cited) {
				continue
			}
			out = append(out, patent.Citation{Cited: cited, Kind: patent.CitePatent, Category: cat})
			cites++
		case c.Nplcit != nil:
			text := norm.CleanText(string(*c.Nplcit))
			if text == "" || hasCitation(out, patent.CiteNPL, text) {
				continue
			}
			out = append(out, patent.Citation{Cited: text, Kind: patent.CiteNPL, Category: cat})
			npl++
		}
	}
	return out, cites, npl
}

func hasCitation(out []patent.Citation, kind, cited string) bool {
	for _, o := range out {
		if o.Kind == kind && o.Cited == cited {
			return true
		}
	}
	return false
}

func citationCategory(c *citationXML) string {
	var b strings.Builder
	add := func(s string) {
		s = strings.TrimSpace(s)
		if s != "" && !strings.Contains(b.String(), s) {
			b.WriteString(s)
		}
	}
	add(c.CategoryAttr)
	for _, s := range c.Categories {
		add(s)
	}
	for _, s := range c.PassageCats {
		add(s)
	}
	if b.Len() > 0 {
		return b.String()
	}
	return strings.TrimSpace(c.CitedBy)
}

// patcitNumber returns the canonical number of a patent citation, or its cleaned raw text.
func patcitNumber(pc *patcitXML) string {
	for _, want := range []string{fmtDocdb, fmtEpodoc, "", fmtOriginal} {
		for j := range pc.IDs {
			id := &pc.IDs[j]
			if idType(pc.DataFormat, id) != want || strings.TrimSpace(id.DocNumber) == "" {
				continue
			}
			if want == fmtOriginal && strings.TrimSpace(id.Country) == "" {
				continue
			}
			if p, err := parseID(id); err == nil {
				return p.String()
			}
			return norm.CleanText(idString(id))
		}
	}
	if len(pc.IDs) > 0 {
		if s := norm.CleanText(idString(&pc.IDs[0])); s != "" {
			return s
		}
	}
	t := norm.CleanText(string(pc.Text))
	if p, err := norm.ParsePub(t, ""); err == nil && len(t) <= 24 {
		return p.String()
	}
	return t
}
