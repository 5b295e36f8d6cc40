// Package cnipa reads CNIPA-style Chinese patent exports: tables with Chinese column headers as
// written by CNIPA's own search system (专利检索及分析), incoPat, PatSnap (智慧芽, also its English
// headers), SooPAT, Innojoy (大为), 佰腾 and CNKI patent scrapes, saved as CSV (UTF-8 with or
// without BOM, GBK or GB18030; comma or tab separated) or XLSX.
//
// The header row is found among the first 10 rows of a table (exports often start with a title
// or query line) as the row naming the most known columns; aliases.go lists every header name
// understood. In a workbook every sheet whose header is recognised is read in order, unless
// Options.Sheet names one. Blank rows are skipped and are not records; every other row after the
// header is one record, numbered from 1 across the whole file.
//
// Identification rules, in order:
//
//  1. the publication-number column (公开(公告)号, 公布号, Publication Number …); bare digits get
//     "CN" in front;
//  2. otherwise a link column whose query names the document (CNKI filename=CN108982325A, CNIPA
//     epub strWhere=CN112990638A);
//  3. otherwise the application number: the record's PubNumber is then "CN" + the application
//     serial without its check digit and with no kind (CN85102475, CN200320108834 for
//     CN200320108834.1), Kind is "", and DocType comes from the 专利类型 column or else from the
//     type digit of the application serial (1/8 invention, 2/9 utility model, 3 design). Derived
//     ids are recognisable by their empty Kind and 8- or 12-digit number: CN publication numbers
//     have 7 or 9 digits, except in 1985-1988 when the publication number was the 8-digit
//     application number itself (CN85102475 then is the real number without its kind code);
//  4. a row with none of these is a *format.RecordError wrapping format.ErrMissingField that
//     names the publication-number column (or the application-number column when the table has
//     no publication-number column). A value that is present but does not parse is
//     format.ErrBadNumber.
//
// Dates may be written 2015.04.24, 20150424, 2015-04-24, 2015/4/24, 2015年4月24日 or be Excel
// date cells (serial days, 1900 or 1904 epoch). HYPERLINK formula cells yield their displayed
// (cached) value. The raw 国省代码 value goes to Patent.ApplicantProvince and the applicant
// address to the first applicant's Address; the pipeline resolves both.
package cnipa

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/geo"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name.
const Name = "cnipa"

// headerScan is how many rows at the top of a table may precede the header.
const headerScan = 10

// Format is the CNIPA-style export reader.
var Format = format.Format{
	Name: Name,
	Description: "CNIPA-style Chinese patent exports (CNIPA 专利检索及分析, incoPat, PatSnap, SooPAT, " +
		"Innojoy, 佰腾, CNKI) as CSV (UTF-8, GBK, GB18030) or XLSX",
	Sniff: Sniff,
	Open:  Open,
}

// errNoHeader is the fatal error for an input without a recognisable header.
var errNoHeader = fmt.Errorf("%w: no CNIPA-style header row in the first %d rows", format.ErrUnknownFormat, headerScan)

// table is one grid of cells: a CSV file or an XLSX sheet.
type table interface {
	// next returns the next row and its 1-based line (CSV) or row number (XLSX); io.EOF at the
	// end. A *format.RecordError is a malformed row after which reading continues.
	next() ([]string, int, error)
	close() error
}

// pendingRow is a row read while looking for the header.
type pendingRow struct {
	row  []string
	line int
	err  error
}

// scanHeader reads up to headerScan rows of t and returns the resolved header, the rows that
// follow it among those read, and whether any non-blank row was seen.
func scanHeader(t table) (cols *columns, rest []pendingRow, nonBlank bool, err error) {
	var rows []pendingRow
	best, bestAt := (*columns)(nil), -1
	for len(rows) < headerScan {
		row, line, err := t.next()
		if err == io.EOF {
			break
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			rows = append(rows, pendingRow{line: line, err: err})
			nonBlank = true
			continue
		}
		if err != nil {
			return nil, nil, nonBlank, err
		}
		cp := append([]string(nil), row...)
		rows = append(rows, pendingRow{row: cp, line: line})
		if format.IsBlank(cp) {
			continue
		}
		nonBlank = true
		c := resolve(cp)
		if c.recognised() && (best == nil || c.found > best.found) {
			best, bestAt = c, len(rows)-1
		}
	}
	if best == nil {
		return nil, nil, nonBlank, nil
	}
	return best, rows[bestAt+1:], true, nil
}

// reader implements format.Reader over a sequence of tables.
type reader struct {
	file     string
	encoding string
	repaired func() (int, []int) // the CSV input's repairs; nil for a workbook
	date1904 bool

	// nextTable opens the next recognised table with its header, or returns io.EOF.
	nextTable func() (table, *columns, []pendingRow, error)
	closeAll  func() error

	t       table
	cols    *columns
	pending []pendingRow
	record  int
	done    bool
}

// Encoding reports the detected (or forced) text encoding of a CSV input, "" for a workbook; the
// pipeline records it.
func (r *reader) Encoding() string { return r.encoding }

// Repaired returns the invalid UTF-8 bytes a UTF-8 CSV input had replaced, and the first records
// they were in (format.Repairer); 0 for a workbook.
func (r *reader) Repaired() (int, []int) {
	if r.repaired == nil {
		return 0, nil
	}
	return r.repaired()
}

// Close releases the input.
func (r *reader) Close() error {
	var err error
	if r.t != nil {
		err = r.t.close()
		r.t = nil
	}
	if r.closeAll != nil {
		if e := r.closeAll(); err == nil {
			err = e
		}
		r.closeAll = nil
	}
	return err
}

// row returns the next data row of the current or a following table.
func (r *reader) row() ([]string, int, error) {
	for {
		if r.done {
			return nil, 0, io.EOF
		}
		if r.t == nil {
			t, cols, pending, err := r.nextTable()
			if err == io.EOF {
				r.done = true
				return nil, 0, io.EOF
			}
			if err != nil {
				r.done = true
				return nil, 0, err
			}
			r.t, r.cols, r.pending = t, cols, pending
		}
		if len(r.pending) > 0 {
			p := r.pending[0]
			r.pending = r.pending[1:]
			return p.row, p.line, p.err
		}
		row, line, err := r.t.next()
		if err == io.EOF {
			cerr := r.t.close()
			r.t = nil
			if cerr != nil {
				r.done = true
				return nil, 0, cerr
			}
			continue
		}
		return row, line, err
	}
}

// Read returns the next record; see format.Reader.
func (r *reader) Read() (*patent.Record, error) {
	for {
		row, line, err := r.row()
		if err != nil {
			var re *format.RecordError
			if errors.As(err, &re) {
				r.record++
				re.File, re.Record = r.file, r.record
				if re.Line == 0 {
					re.Line = line
				}
				return nil, re
			}
			return nil, err
		}
		if format.IsBlank(row) || r.repeatedHeader(row) {
			continue
		}
		r.record++
		return r.convert(row, line)
	}
}

// repeatedHeader reports whether row is the header again (concatenated exports).
func (r *reader) repeatedHeader(row []string) bool {
	n, same := 0, 0
	for i, h := range r.cols.header {
		if h == "" || i >= len(row) {
			continue
		}
		n++
		if strings.TrimSpace(row[i]) == h {
			same++
		}
	}
	return n >= 2 && same == n
}

// Open opens a CSV or XLSX export; see the package documentation. An input with no rows at all
// gives format.ErrEmpty; one without a recognisable header gives an error wrapping
// format.ErrUnknownFormat.
func Open(path string, opts format.Options) (format.Reader, error) {
	if isXLSX(path) {
		return openXLSX(path, opts)
	}
	return openCSV(path, opts)
}

// isXLSX tells a workbook by its extension or its zip signature.
func isXLSX(path string) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx", ".xlsm":
		return true
	case ".csv", ".tsv", ".txt":
		return false
	}
	head, err := format.ReadHead(path, 4)
	return err == nil && string(head) == "PK\x03\x04"
}

// Sniff scores path as a CNIPA-style export: 0.9 for a recognised header with Chinese column
// names, 0.8 for the CNKI scrape layout, 0.3 for a header recognised only through English names
// (PatSnap English), 0 otherwise, and 0 for Lens-style headers.
func Sniff(path string, head []byte) float64 {
	if len(head) == 0 {
		return 0
	}
	if string(head[:min(4, len(head))]) == "PK\x03\x04" {
		switch strings.ToLower(filepath.Ext(path)) {
		case ".xlsx", ".xlsm", "":
			return sniffXLSX(path)
		}
		return 0
	}
	return sniffCSV(head)
}

// score rates the best header candidate.
func score(c *columns, row []string) float64 {
	if c == nil || !c.recognised() {
		return 0
	}
	for _, h := range row {
		switch headerKey(h) {
		case "lensid", "displaykey", "jurisdiction", "searchurl":
			return 0
		}
	}
	switch {
	case c.han >= 2 || c.han >= 1 && c.found >= 3:
		return 0.9
	case c.cnki >= 3:
		return 0.8
	case c.found >= 4 && (c.has(fPub) || c.has(fApp)):
		return 0.3
	}
	return 0
}

// field helpers ---------------------------------------------------------------------------

// get returns the trimmed cell of field f.
func (r *reader) get(row []string, f field) string {
	i := r.cols.idx[f]
	if i < 0 || i >= len(row) {
		return ""
	}
	return strings.TrimSpace(row[i])
}

// fail builds a RecordError for field f of the current record.
func (r *reader) fail(line int, f field, value string, err error) *format.RecordError {
	return &format.RecordError{File: r.file, Record: r.record, Line: line, Field: r.cols.name(f),
		Value: format.Truncate(value, 200), Err: err}
}

// date parses the date cell of f.
func (r *reader) date(row []string, line int, f field) (patent.Date, error) {
	v := r.get(row, f)
	if v == "" {
		return patent.Date{}, nil
	}
	d, err := excelDate(v, r.date1904)
	if err != nil {
		return d, r.fail(line, f, v, format.ErrBadDate)
	}
	return d, nil
}

// convert turns one data row into a record.
func (r *reader) convert(row []string, line int) (*patent.Record, error) {
	rec := patent.NewRecord()
	p := &rec.Patent
	p.Source, p.SourceFile, p.SourceRecord = Name, r.file, r.record

	// Numbers.
	appRaw := r.get(row, fApp)
	p.AppNumber = cnAppNumber(appRaw)
	p.URL = r.get(row, fURL)
	pubRaw := r.get(row, fPub)
	var pub norm.PubNumber
	derived := ""
	switch {
	case pubRaw != "":
		var err error
		if pub, err = parsePub(pubRaw); err != nil {
			return nil, r.fail(line, fPub, pubRaw, format.ErrBadNumber)
		}
	case pubFromURL(p.URL) != "":
		pub, _ = parsePub(pubFromURL(p.URL))
	case appRaw != "":
		serial, ok := appSerial(p.AppNumber)
		if !ok {
			return nil, r.fail(line, fApp, appRaw, format.ErrBadNumber)
		}
		pub = norm.PubNumber{Office: "CN", Number: serial}
		derived = serial
	default:
		f := fPub
		if !r.cols.has(fPub) && r.cols.has(fApp) {
			f = fApp
		}
		if !r.cols.has(fPub) && !r.cols.has(fApp) && !r.cols.has(fURL) {
			return nil, r.fail(line, f, "", fmt.Errorf("%w: the table has no publication-number, application-number or document-link column, so no row names its patent", format.ErrMissingField))
		}
		if r.get(row, fTitle) == "" && p.URL != "" {
			// 专利.xlsx: 304 rows hold nothing but the link its HYPERLINK formula builds from the
			// empty 公布号 ("…strWhere="): a formula filled past the data, not a patent.
			return nil, r.fail(line, f, p.URL, fmt.Errorf("%w: no publication number, application number or title; the row holds only a link that names no document (a formula filled past the data?)", format.ErrMissingField))
		}
		return nil, r.fail(line, f, "", format.ErrMissingField)
	}
	p.PubNumber, p.Jurisdiction, p.Kind = pub.String(), pub.Office, pub.Kind
	typeHint := r.get(row, fType)
	p.DocType = norm.DocType(pub.Office, pub.Kind, typeHint)
	if p.DocType == patent.OtherType && pub.Office == "CN" {
		serial := derived
		if serial == "" {
			serial, _ = appSerial(p.AppNumber)
		}
		if t := appDocType(serial); t != "" {
			p.DocType = t
		}
	}

	// Dates.
	var err error
	if p.AppDate, err = r.date(row, line, fAppDate); err != nil {
		return nil, err
	}
	if p.PubDate, err = r.date(row, line, fPubDate); err != nil {
		return nil, err
	}
	grant, err := r.date(row, line, fGrantDate)
	if err != nil {
		return nil, err
	}
	// A grant date marks a granted patent whatever the kind of the publication in the row: an A
	// publication with its 授权公告号/授权公告日 (the B document) is granted on that date. A
	// grant number without its date gives no date, and none is invented.
	isGrant := norm.IsGrantKind(pub.Office, pub.Kind) || pub.Kind == "" && strings.Contains(typeHint, "授权")
	switch {
	case grant.Valid():
		p.GrantDate = grant
	case isGrant:
		p.GrantDate = p.PubDate
	}
	// A 授权公告号 beside the A publication without its date: granted, date unknown.
	if gp := r.get(row, fGrantPub); gp != "" && !p.GrantDate.Valid() {
		if g, err := parsePub(gp); err == nil && (g.Kind == "" || norm.IsGrantKind(g.Office, g.Kind)) {
			p.Granted = true
		}
	}
	if err := r.priorities(rec, row, line); err != nil {
		return nil, err
	}
	if p.LastTransferDate, err = r.date(row, line, fLastTransfer); err != nil {
		return nil, err
	}
	if p.LastLicenceDate, err = r.date(row, line, fLastLicence); err != nil {
		return nil, err
	}
	if p.LastPledgeDate, err = r.date(row, line, fLastPledge); err != nil {
		return nil, err
	}
	if p.ExpiryDate, err = r.date(row, line, fExpiry); err != nil {
		return nil, err
	}

	// Text.
	p.Title = norm.CleanText(r.get(row, fTitle))
	p.TitleLang = titleLang(p.Title)
	p.Abstract = norm.CleanText(r.get(row, fAbstract))
	p.Claims = norm.CleanText(r.get(row, fClaims))
	if raw := norm.CleanText(r.get(row, fLegal)); raw != "" {
		p.LegalRaw = raw
		p.LegalStatus = norm.LegalStatus(raw)
	}

	if v := r.get(row, fLegalEvents); v != "" {
		rec.LegalEvents = legalEvents(v, rec.LegalEvents)
	}

	// Counts and operation facts.
	p.ClaimsCount = parseCount(r.get(row, fClaimsCount))
	p.CitedByCount = parseCount(r.get(row, fCitedByCount))
	p.FamilySize = parseCount(r.get(row, fFamilySize))
	p.TransferCount = parseCount(r.get(row, fTransferCount))
	p.LicenceCount = parseCount(r.get(row, fLicenceCount))
	p.PledgeCount = parseCount(r.get(row, fPledgeCount))
	p.LitigationCount = parseCount(r.get(row, fLitigation))
	if v := norm.CleanText(r.get(row, fInvalidation)); v != "" {
		p.InvalidationRaw = v
		p.Invalidated = invalidated(v)
	}
	p.ApplicantProvince = norm.CleanText(r.get(row, fProvince))
	p.ApplicantCity = norm.CleanText(r.get(row, fCity))

	r.family(rec, row)
	r.citations(rec, row)
	r.parties(rec, row)
	r.classes(rec, row)
	return rec, nil
}

// priorities fills Priorities and PriorityDate (the earliest of the priority-date column and the
// dates written inside priority entries, e.g. "CN201510817712.7 2015.11.23").
func (r *reader) priorities(rec *patent.Record, row []string, line int) error {
	p := &rec.Patent
	earliest := func(d patent.Date) {
		if d.Valid() && (!p.PriorityDate.Valid() || d.Before(p.PriorityDate.Time)) {
			p.PriorityDate = d
		}
	}
	// The entries first: ClaimPriority puts the earliest dated claim first (it compares with
	// PriorityDate, which the date column, read after, can only lower).
	for _, entry := range norm.SplitAny(r.get(row, fPriority), ";；|\n") {
		var num []string
		var date patent.Date
		for _, tok := range strings.Fields(norm.FoldWidth(entry)) {
			if len(tok) >= 8 && strings.ContainsAny(tok[:1], "12") && !strings.HasPrefix(tok, "CN") {
				if d, err := norm.ParseDate(tok, norm.DayFirst); err == nil && d.Valid() {
					if !date.Valid() || d.Before(date.Time) {
						date = d
					}
					continue
				}
			}
			num = append(num, tok)
		}
		n := strings.Join(num, "")
		if n != "" && n[0] >= '0' && n[0] <= '9' {
			n = "CN" + n
		}
		if a := norm.AppNumber(n); len(a) > 2 {
			p.ClaimPriority(a, date)
		} else {
			earliest(date)
		}
	}
	if v := r.get(row, fPrioDate); v != "" {
		for _, s := range norm.SplitAny(v, ";；,，|\n") {
			d, err := excelDate(s, r.date1904)
			if err != nil {
				return r.fail(line, fPrioDate, v, format.ErrBadDate)
			}
			earliest(d)
		}
	}
	return nil
}

// family fills FamilyID and, when no size column is given, FamilySize from the member list.
func (r *reader) family(rec *patent.Record, row []string) {
	p := &rec.Patent
	p.FamilyID = norm.CleanText(r.get(row, fFamilyID))
	members := r.get(row, fFamily)
	if members == "" {
		return
	}
	list := splitList(members)
	if p.FamilyID == "" && len(list) == 1 && digitsOnly(list[0]) {
		p.FamilyID = list[0] // a family id in a members column (INPADOC同族 as an id)
		return
	}
	if p.FamilySize < 0 {
		p.FamilySize = len(list)
	}
}

// citations fills Citations and, when the source gives no count, CitesCount and NPLCount.
func (r *reader) citations(rec *patent.Record, row []string) {
	p := &rec.Patent
	p.CitesCount = parseCount(r.get(row, fCitesCount))
	list := splitList(r.get(row, fCites))
	if len(list) == 0 {
		return
	}
	pat, npl := 0, 0
	for _, c := range list {
		c = strings.Trim(norm.CleanText(c), `"“”`)
		if c == "" {
			continue
		}
		if n, err := norm.ParsePub(c, ""); err == nil && len(n.Number) >= 5 {
			rec.Citations = append(rec.Citations, patent.Citation{Cited: n.String(), Kind: patent.CitePatent})
			pat++
			continue
		}
		rec.Citations = append(rec.Citations, patent.Citation{Cited: c, Kind: patent.CiteNPL})
		npl++
	}
	if p.CitesCount < 0 {
		p.CitesCount = pat
	}
	if p.NPLCount < 0 && npl > 0 {
		p.NPLCount = npl
	}
}

// parties adds applicants (the first with address and country when given), inventors and owners.
func (r *reader) parties(rec *patent.Record, row []string) {
	for i, n := range splitNames(r.get(row, fApplicants)) {
		pt := patent.Party{Role: patent.RoleApplicant, Seq: i + 1, NameRaw: n}
		if i == 0 {
			pt.Address = norm.CleanText(r.get(row, fAddress))
			if c := strings.ToUpper(strings.TrimSpace(r.get(row, fCountry))); len(c) == 2 && c[0] >= 'A' && c[0] <= 'Z' && c[1] >= 'A' && c[1] <= 'Z' {
				pt.Country = c
			}
		}
		rec.Parties = append(rec.Parties, pt)
	}
	for i, n := range splitNames(r.get(row, fInventors)) {
		rec.Parties = append(rec.Parties, patent.Party{Role: patent.RoleInventor, Seq: i + 1, NameRaw: n})
	}
	owners := splitNames(r.get(row, fOwner))
	for i, n := range owners {
		pt := patent.Party{Role: patent.RoleOwner, Seq: i + 1, NameRaw: n}
		if i == 0 {
			// The first owner's place as stated: a country code or name, or a 国省代码 (ingest's
			// normaliser tells the country from the address when no country is stated).
			pt.Address = norm.CleanText(r.get(row, fOwnerAddress))
			if v := strings.TrimSpace(r.get(row, fOwnerCountry)); v != "" {
				if c := geo.Country(v); c != "" {
					pt.Country = c
				} else if c, _ := geo.FromCode(v); c != "" {
					pt.Country = c
				}
			}
		}
		rec.Parties = append(rec.Parties, pt)
	}
	if len(owners) > 0 {
		rec.Patent.CurrentOwner = strings.Join(owners, "; ")
	}
}

// classes adds the IPC and CPC codes; the main code is flagged, and when the table has no main
// column the first listed code is the main one (CNIPA lists the main classification first).
func (r *reader) classes(rec *patent.Record, row []string) {
	add := func(scheme string, mainF, listF field) {
		hasMain := r.cols.has(mainF)
		if m := splitList(r.get(row, mainF)); len(m) > 0 {
			appendClass(rec, scheme, m[0], true)
		}
		for i, c := range splitList(r.get(row, listF)) {
			appendClass(rec, scheme, c, i == 0 && !hasMain)
		}
	}
	add(patent.IPC, fIPCMain, fIPC)
	add(patent.CPC, fCPCMain, fCPC)
}
