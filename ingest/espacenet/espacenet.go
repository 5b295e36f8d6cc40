// Package espacenet reads Espacenet result-list exports (the EPO's free search service) into
// canonical patent records: the CSV export, and the spreadsheet export (.xlsx, or a legacy .xls)
// with its preamble rows (the service's name, the query, the date) above the header.
//
// Two layouts are known, matched by folded header names (format.FoldHeader), so column order
// and spelling do not matter:
//
//   - classic Espacenet: Title, Publication number, Publication date, Inventor(s), Applicant(s),
//     International classification, Cooperative Patent Classification, Application number, Date
//     of application, Priority number(s), and the citation columns (patents and literature cited
//     in the search report, during examination, by the applicant, used in opposition, other
//     citations, international and supplementary international search);
//   - new Espacenet (2020 on): No, Title, Inventors, Applicants, Publication number, Earliest
//     priority, IPC, CPC, Publication date, Earliest publication, Family number.
//
// A row is one result. Its "Publication number" cell may list several publications ("KR20140005697
// (U); KR200476323 (Y1)": the kind in brackets): each becomes a record, the first with the
// row's publication date, all with the row's other data; with a "Family number" column (the DOCDB
// family id) that is their FamilyID, which links them to EPO OPS data of the same family.
// Multi-valued cells are split on semicolons and line breaks; an applicant or inventor is
// "NAME [CC]", the bracketed code the party's country. Each citation column gives citations whose
// Category says where the citation was made: "search report", "examination", "applicant",
// "opposition", "other", "international search", "supplementary international search".
//
// Dates are dd/mm/yyyy (classic) or ISO (new), or YYYYMMDD in application and priority cells.
// A row whose first publication number does not parse is a *format.RecordError naming the
// column; a further number that does not parse is one too, after the row's good records.
package espacenet

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/sheet"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name.
const Name = "espacenet"

// headerScan is how many rows may come before the header.
const headerScan = 20

// Format is the Espacenet results export format.
var Format = format.Format{
	Name:        Name,
	Description: "Espacenet result-list export, classic and new layouts, CSV or XLSX/XLS with preamble rows",
	Sniff:       Sniff,
	Open:        Open,
	RecordBytes: 200,
}

// Canonical fields.
const (
	fTitle = iota
	fPub
	fPubDate
	fInventors
	fApplicants
	fIPC
	fCPC
	fAppNum
	fAppDate
	fPrio
	fEarliestPrio
	fFamily
	nBase
)

var baseAliases = [nBase][]string{
	fTitle:        {"Title"},
	fPub:          {"Publication number", "Publication numbers"},
	fPubDate:      {"Publication date"},
	fInventors:    {"Inventor(s)", "Inventors"},
	fApplicants:   {"Applicant(s)", "Applicants"},
	fIPC:          {"International classification", "IPC"},
	fCPC:          {"Cooperative Patent Classification", "CPC"},
	fAppNum:       {"Application number"},
	fAppDate:      {"Date of application", "Application date"},
	fPrio:         {"Priority number(s)", "Priority numbers"},
	fEarliestPrio: {"Earliest priority"},
	fFamily:       {"Family number", "Family"},
}

// citeColumn is one citation column: its header, kind and category.
type citeColumn struct {
	header, kind, category string
}

var citeColumns = []citeColumn{
	{"Patents cited in the search report", patent.CitePatent, "search report"},
	{"Literature cited in the search report", patent.CiteNPL, "search report"},
	{"Patents cited during examination", patent.CitePatent, "examination"},
	{"Literature cited during examination", patent.CiteNPL, "examination"},
	{"Other patent citations", patent.CitePatent, "other"},
	{"Other literature citations", patent.CiteNPL, "other"},
	{"Patents used in opposition", patent.CitePatent, "opposition"},
	{"Literature used in opposition", patent.CiteNPL, "opposition"},
	{"Patents cited by the applicant", patent.CitePatent, "applicant"},
	{"Literature cited by the applicant", patent.CiteNPL, "applicant"},
	{"International search citation", patent.CitePatent, "international search"},
	{"International search NPL citation", patent.CiteNPL, "international search"},
	{"Supplementary international search citation", patent.CitePatent, "supplementary international search"},
	{"Supplementary international search NPL citation", patent.CiteNPL, "supplementary international search"},
}

// specific are folded header names only Espacenet uses (with the publication number, they tell
// it from Lens, PATENTSCOPE and the CNIPA readers' English headers).
var specific = map[string]bool{
	"internationalclassification": true, "cooperativepatentclassification": true, "prioritynumbers": true,
	"dateofapplication": true, "earliestpriority": true, "earliestpublication": true, "familynumber": true,
	"patentscitedinthesearchreport": true,
}

// score rates a folded header row: 0.9 with a publication number column and two Espacenet
// columns, 0 otherwise (and 0 for Lens's own columns).
func score(folded []string) float64 {
	pub, n := false, 0
	for _, h := range folded {
		switch {
		case h == "publicationnumber":
			pub = true
		case h == "lensid" || h == "jurisdiction" || h == "displaykey":
			return 0
		case specific[h]:
			n++
		}
	}
	if pub && n >= 2 {
		return 0.9
	}
	return 0
}

// Sniff recognises an Espacenet export by its header row, within the first rows of a CSV file or
// of a workbook's first sheet.
func Sniff(path string, head []byte) float64 {
	return sheet.SniffHeader(path, head, headerScan, score)
}

// Reader reads one Espacenet export. It implements format.Reader.
type Reader struct {
	file   string
	src    sheet.Source
	rows   format.Rows
	idx    [nBase]int
	names  [nBase]string
	cites  []int // column of each citeColumns entry, -1 when absent
	header []string
	queue  []item
}

type item struct {
	rec *patent.Record
	err error
}

// Open opens an Espacenet export (CSV, XLSX or XLS).
func Open(path string, opts format.Options) (format.Reader, error) {
	file := filepath.Base(path)
	if opts.Encoding == "" {
		head, err := format.ReadHead(path, 256<<10)
		if err != nil {
			return nil, err
		}
		opts.Encoding = encoding(head)
	}
	src, err := sheet.Open(path, opts)
	if err != nil {
		return nil, err
	}
	header, _, err := sheet.FindHeader(src, headerScan, func(f []string) bool { return score(f) > 0 })
	if err != nil {
		src.Close()
		if errors.Is(err, format.ErrEmpty) {
			return nil, fmt.Errorf("%s: %w", file, format.ErrEmpty)
		}
		if errors.Is(err, sheet.ErrNoHeader) {
			return nil, fmt.Errorf("%s: %w: no Espacenet header (Publication number with Espacenet columns) in the first %d rows", file, format.ErrUnknownFormat, headerScan)
		}
		return nil, err
	}
	r := &Reader{file: file, src: src, header: header}
	r.rows.Next = src.Row
	folded := format.FoldHeaders(header)
	for f := range r.idx {
		r.idx[f] = format.FindColumn(folded, baseAliases[f]...)
		if r.idx[f] >= 0 {
			r.names[f] = strings.TrimSpace(header[r.idx[f]])
		} else {
			r.names[f] = baseAliases[f][0]
		}
	}
	for _, c := range citeColumns {
		r.cites = append(r.cites, format.FindColumn(folded, c.header))
	}
	return r, nil
}

// encoding settles the text encoding of a CSV export: Espacenet writes UTF-8; a file re-saved on
// a Mac is MacRoman (its EN SPACE before "[CC]" then reads "\x89\xDB\xE2"), which a generic
// detector may take for GB18030; any other non-UTF-8 file is read as Windows-1252. "" lets
// format.DecodeText decide (UTF-8, a BOM).
func encoding(head []byte) string {
	if sheet.KindOf(head) != sheet.CSV || format.DetectEncoding(head) == "utf-8" {
		return ""
	}
	if bytes.Contains(head, []byte{0x89, 0xDB, 0xE2}) {
		return "macroman"
	}
	return "windows-1252"
}

// Close closes the input.
func (r *Reader) Close() error { return r.src.Close() }

// Read returns the next publication, a *format.RecordError, or io.EOF.
func (r *Reader) Read() (*patent.Record, error) {
	for len(r.queue) == 0 {
		row, line, err := r.rows.NextRow()
		if err != nil {
			return nil, err
		}
		r.queue = r.convert(row, line, r.rows.Record, r.queue[:0])
	}
	it := r.queue[0]
	r.queue = r.queue[1:]
	return it.rec, it.err
}

func (r *Reader) get(row []string, f int) string {
	if i := r.idx[f]; i >= 0 && i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

func (r *Reader) fail(recNo, line, f int, value string, err error) item {
	return item{err: &format.RecordError{File: r.file, Record: recNo, Line: line, Field: r.names[f], Value: value, Err: err}}
}

// convert turns one row into its publications.
func (r *Reader) convert(row []string, line, recNo int, out []item) []item {
	nums := Split(r.get(row, fPub))
	if len(nums) == 0 {
		return append(out, r.fail(recNo, line, fPub, "", format.ErrMissingField))
	}
	base := patent.NewRecord()
	p := &base.Patent
	p.Source, p.SourceFile, p.SourceRecord = Name, r.file, recNo
	// Size the lists once: a value per separator and one more, at most.
	if n := values(r.get(row, fApplicants)) + values(r.get(row, fInventors)); n > 0 {
		base.Parties = make([]patent.Party, 0, n)
	}
	if n := values(r.get(row, fIPC)) + values(r.get(row, fCPC)); n > 0 {
		base.Classifications = make([]patent.Classification, 0, n)
	}
	nc := 0
	for _, i := range r.cites {
		if i >= 0 && i < len(row) && row[i] != "" {
			nc += values(row[i])
		}
	}
	if nc > 0 {
		base.Citations = make([]patent.Citation, 0, nc)
	}
	var err error
	if p.PubDate, err = parseDate(r.get(row, fPubDate)); err != nil {
		return append(out, r.fail(recNo, line, fPubDate, r.get(row, fPubDate), format.ErrBadDate))
	}
	if p.AppDate, err = parseDate(r.get(row, fAppDate)); err != nil {
		return append(out, r.fail(recNo, line, fAppDate, r.get(row, fAppDate), format.ErrBadDate))
	}
	if v := r.get(row, fAppNum); v != "" {
		p.AppNumber = norm.AppNumber(Split(v)[0])
	}
	p.Title = norm.CleanText(r.get(row, fTitle))
	p.FamilyID = r.get(row, fFamily)
	// Priorities: "KR20130003326U 20130429" (classic); "EP20130123456 2013-01-02" or a bare
	// number (new).
	// New Espacenet's "Earliest priority" is a date.
	if v := r.get(row, fEarliestPrio); v != "" {
		if d, err := parseDate(v); err == nil {
			p.PriorityDate = d
		} else if len(v) < 8 || v[0] < 'A' || v[0] > 'Z' {
			return append(out, r.fail(recNo, line, fEarliestPrio, v, format.ErrBadDate))
		}
	}
	for _, f := range [...]int{fPrio, fEarliestPrio} {
		if f == fEarliestPrio && p.PriorityDate.Valid() {
			continue
		}
		for rest := r.get(row, f); rest != ""; {
			var v string
			if v, rest = next(rest); v == "" {
				continue
			}
			fs := strings.Fields(v)
			n := norm.AppNumber(fs[0])
			if n != "" && !contains(p.Priorities, n) {
				p.Priorities = append(p.Priorities, n)
			}
			if len(fs) > 1 {
				d, err := parseDate(fs[len(fs)-1])
				if err != nil {
					return append(out, r.fail(recNo, line, f, v, format.ErrBadDate))
				}
				if d.Valid() && (!p.PriorityDate.Valid() || d.Before(p.PriorityDate.Time)) {
					p.PriorityDate = d
				}
			}
		}
	}
	for _, g := range [...]struct {
		f    int
		role string
	}{{fApplicants, patent.RoleApplicant}, {fInventors, patent.RoleInventor}} {
		seq := 0
		for rest := r.get(row, g.f); rest != ""; {
			var v string
			if v, rest = next(rest); v == "" {
				continue
			}
			name, cc := Party(v)
			if name == "" {
				continue
			}
			seq++
			base.Parties = append(base.Parties, patent.Party{Role: g.role, Seq: seq, NameRaw: name, Country: cc})
		}
	}
	for _, g := range [...]struct {
		f      int
		scheme string
	}{{fIPC, patent.IPC}, {fCPC, patent.CPC}} {
		start := len(base.Classifications)
		for rest := r.get(row, g.f); rest != ""; {
			var v string
			if v, rest = next(rest); v == "" {
				continue
			}
			c, err := norm.ParseClass(v)
			if err != nil || hasCode(base.Classifications[start:], c.Code) {
				continue
			}
			c.Scheme, c.IsMain = g.scheme, len(base.Classifications) == start
			base.Classifications = append(base.Classifications, c)
		}
	}
	anyPat, anyNPL := false, false
	nPat, nNPL := 0, 0
	for k, c := range citeColumns {
		i := r.cites[k]
		if i < 0 {
			continue
		}
		if c.kind == patent.CitePatent {
			anyPat = true
		} else {
			anyNPL = true
		}
		if i >= len(row) {
			continue
		}
		for rest := row[i]; rest != ""; {
			var v string
			if v, rest = next(rest); v == "" {
				continue
			}
			cited := norm.CleanText(v)
			if c.kind == patent.CitePatent {
				if pn, err := PubNumber(v); err == nil {
					cited = pn.String()
				}
				nPat++
			} else {
				nNPL++
			}
			base.Citations = append(base.Citations, patent.Citation{Cited: cited, Kind: c.kind, Category: c.category})
		}
	}
	if anyPat {
		p.CitesCount = nPat
	}
	if anyNPL {
		p.NPLCount = nNPL
	}

	if len(base.Parties) == 0 {
		base.Parties = nil
	}
	if len(base.Classifications) == 0 {
		base.Classifications = nil
	}
	if len(base.Citations) == 0 {
		base.Citations = nil
	}
	var bad []item
	first := true
	for _, v := range nums {
		pn, err := PubNumber(v)
		if err != nil {
			bad = append(bad, r.fail(recNo, line, fPub, v, format.ErrBadNumber))
			continue
		}
		// The row's date is its first publication's; each record has its own slices.
		rec := base
		if !first {
			rec = clone(base)
			rec.Patent.PubDate = patent.Date{}
		} else if len(nums) > 1 {
			rec = clone(base)
		}
		first = false
		q := &rec.Patent
		q.PubNumber, q.Jurisdiction, q.Kind = pn.String(), pn.Office, pn.Kind
		q.DocType = norm.DocType(pn.Office, pn.Kind, "")
		if norm.IsGrantKind(pn.Office, pn.Kind) {
			q.GrantDate = q.PubDate
		}
		out = append(out, item{rec: rec})
	}
	return append(out, bad...)
}

// clone copies a record and its slices.
func clone(r *patent.Record) *patent.Record {
	c := *r
	c.Patent.Priorities = append([]string(nil), r.Patent.Priorities...)
	c.Parties = append([]patent.Party(nil), r.Parties...)
	c.Classifications = append([]patent.Classification(nil), r.Classifications...)
	c.Citations = append([]patent.Citation(nil), r.Citations...)
	return &c
}

// Split splits a multi-valued cell on semicolons and line breaks, trimming each value and
// dropping empty ones.
func Split(s string) []string {
	var out []string
	for rest := s; rest != ""; {
		var v string
		if v, rest = next(rest); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// values bounds the number of values of a cell (see Split), 0 for an empty one.
func values(s string) int {
	if s == "" {
		return 0
	}
	n := 1
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == ';' || c == '\n' {
			n++
		}
	}
	return n
}

// next splits the first value (see Split) off s, trimmed; it may be empty.
func next(s string) (value, rest string) {
	i := strings.IndexAny(s, ";\n\r")
	if i < 0 {
		return trim(s), ""
	}
	return trim(s[:i]), s[i+1:]
}

// trim trims white space, Unicode's too (Espacenet's EN SPACE).
func trim(s string) string {
	s = strings.TrimSpace(s)
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return strings.TrimFunc(s, unicode.IsSpace)
		}
	}
	return s
}

// Party splits "KRAVCHENKO MYKHAILO [UA]" into the name and the country code. The space before
// the bracket is an EN SPACE in Espacenet's files, which re-saved exports carry as mojibake
// ("â€‚" or "‰Ûâ"): it is dropped with the rest of the junk between name and bracket.
func Party(v string) (name, country string) {
	v = fixMojibake(strings.TrimSpace(v))
	if strings.HasSuffix(v, "]") {
		if j := strings.LastIndexByte(v, '['); j >= 0 {
			cc := strings.TrimSpace(v[j+1 : len(v)-1])
			if len(cc) == 2 && isUpper(cc) {
				country, v = cc, v[:j]
			}
		}
	}
	name = strings.TrimRightFunc(v, func(r rune) bool { return unicode.IsSpace(r) || isJunk(r) })
	return norm.CleanText(name), country
}

// mojibake forms of U+2002 EN SPACE: UTF-8 read as Windows-1252 ("â€‚"), then saved again as
// MacRoman and read back as Windows-1252 ("‰Ûâ").
var enSpaceJunk = []string{"â€‚", "‰Ûâ"}

func fixMojibake(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	for _, j := range enSpaceJunk {
		if strings.Contains(s, j) {
			s = strings.ReplaceAll(s, j, " ")
		}
	}
	if strings.ContainsRune(s, 'Ã') || strings.ContainsRune(s, 'Â') {
		s = norm.FixMojibake(s)
	}
	return s
}

func isJunk(r rune) bool { return r == '\u2002' || r == '\u00a0' }

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// PubNumber canonicalises an Espacenet number: "EP2904235 (A1)", "EP2904235A1",
// "KR200367531Y (Y1)" (the kind's letter repeated before the bracket).
func PubNumber(v string) (norm.PubNumber, error) {
	v = strings.TrimSpace(v)
	kind := ""
	if strings.HasSuffix(v, ")") {
		if j := strings.LastIndexByte(v, '('); j > 0 {
			kind = strings.TrimSpace(v[j+1 : len(v)-1])
			v = strings.TrimSpace(v[:j])
			if kind != "" && strings.HasSuffix(v, kind[:1]) && len(v) > 3 && v[len(v)-2] >= '0' && v[len(v)-2] <= '9' {
				v = v[:len(v)-1]
			}
		}
	}
	return norm.ParsePub(v, kind)
}

// parseDate reads 25/07/2014 (day first), 2014-07-25 and 20140725.
func parseDate(s string) (patent.Date, error) {
	if s == "" {
		return patent.Date{}, nil
	}
	return norm.ParseDate(s, norm.DayFirst)
}

func hasCode(cs []patent.Classification, code string) bool {
	for _, c := range cs {
		if c.Code == code {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
