// Package patentscope reads WIPO PATENTSCOPE result-list exports into canonical patent records:
// the .xls download (a BIFF8 workbook, read with github.com/shakinm/xlsReader), and the same
// columns saved as .xlsx or CSV. Preamble rows (a blank row, "Query: …") above the header are
// skipped.
//
// Columns, matched by folded name (format.FoldHeader): Publication Number, Publication Date,
// Title, Priority Data, IPC, Applicants, Inventors (and FP Image, which is ignored), plus, where an
// export has them, Application Number, Application Date, Abstract, Kind and Country.
//
// Values: publication numbers are office + number with no kind ("US20150376176", "US08655901",
// "WO2015108717"): they become canonical numbers (US grants lose their leading zero) with an
// empty Kind unless a Kind column gives one; ingest links a kindless publication to the same
// publication stored with its kind. Dates are dd.mm.yyyy. Applicants, inventors and IPC codes
// are ";"-separated. Priority Data is a bracketed, ", "-separated list whose entries PATENTSCOPE
// writes in several orders ("61/927,990 16.01.2014 US", "US 20140623 14/311,995",
// "RE2009A000101 2009-10-16T23:59:59.000Z IT", "IT 20140626 102014902273430 (NA2014A000023)"):
// each entry's office, date and number are told apart by their form; the priority number is the
// office + number, canonicalised (norm.AppNumber), and the earliest date the priority date.
//
// A row without a publication number, or with one that does not parse, is a
// *format.RecordError naming the column; so is a date that does not parse.
package patentscope

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/sheet"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name.
const Name = "patentscope"

const headerScan = 20

// Format is the PATENTSCOPE export format.
var Format = format.Format{
	Name:        Name,
	Description: "WIPO PATENTSCOPE result-list export: .xls (BIFF8), .xlsx or CSV with the same columns; preamble rows skipped",
	Sniff:       Sniff,
	Open:        Open,
	RecordBytes: 200,
}

const (
	fPub = iota
	fPubDate
	fTitle
	fPrio
	fIPC
	fApplicants
	fInventors
	fAppNum
	fAppDate
	fAbstract
	fKind
	fCountry
	nFields
)

var aliases = [nFields][]string{
	fPub:        {"Publication Number", "Publication No"},
	fPubDate:    {"Publication Date"},
	fTitle:      {"Title"},
	fPrio:       {"Priority Data"},
	fIPC:        {"IPC", "International Patent Classification"},
	fApplicants: {"Applicants"},
	fInventors:  {"Inventors"},
	fAppNum:     {"Application Number"},
	fAppDate:    {"Application Date", "Filing Date"},
	fAbstract:   {"Abstract"},
	fKind:       {"Kind", "Kind Code", "Publication Kind"},
	fCountry:    {"Country", "Office"},
}

// score rates a folded header: 0.9 with a publication number and a PATENTSCOPE column (Priority
// Data, FP Image, Application Id), 0 otherwise and for Lens or Espacenet headers.
func score(folded []string) float64 {
	pub, own := false, false
	for _, h := range folded {
		switch h {
		case "publicationnumber":
			pub = true
		case "prioritydata", "fpimage", "applicationid":
			own = true
		case "lensid", "jurisdiction", "displaykey", "internationalclassification", "prioritynumbers", "familynumber":
			return 0
		}
	}
	if pub && own {
		return 0.9
	}
	return 0
}

// Sniff recognises a PATENTSCOPE export by its header row among the first rows.
func Sniff(path string, head []byte) float64 {
	return sheet.SniffHeader(path, head, headerScan, score)
}

// Reader reads one PATENTSCOPE export. It implements format.Reader.
type Reader struct {
	file  string
	src   sheet.Source
	rows  format.Rows
	idx   [nFields]int
	names [nFields]string
}

// Open opens a PATENTSCOPE export (.xls, .xlsx or CSV).
func Open(path string, opts format.Options) (format.Reader, error) {
	file := filepath.Base(path)
	src, err := sheet.Open(path, opts)
	if err != nil {
		return nil, err
	}
	header, _, err := sheet.FindHeader(src, headerScan, func(f []string) bool { return score(f) > 0 || hasPub(f) })
	if err != nil {
		src.Close()
		if errors.Is(err, format.ErrEmpty) {
			return nil, fmt.Errorf("%s: %w", file, format.ErrEmpty)
		}
		if errors.Is(err, sheet.ErrNoHeader) {
			return nil, fmt.Errorf("%s: %w: no PATENTSCOPE header (Publication Number …) in the first %d rows", file, format.ErrUnknownFormat, headerScan)
		}
		return nil, err
	}
	r := &Reader{file: file, src: src}
	r.rows.Next = src.Row
	folded := format.FoldHeaders(header)
	for f := range r.idx {
		r.idx[f] = format.FindColumn(folded, aliases[f]...)
		if r.idx[f] >= 0 {
			r.names[f] = strings.TrimSpace(header[r.idx[f]])
		} else {
			r.names[f] = aliases[f][0]
		}
	}
	return r, nil
}

func hasPub(folded []string) bool {
	for _, h := range folded {
		if h == "publicationnumber" {
			return true
		}
	}
	return false
}

// Close closes the input.
func (r *Reader) Close() error { return r.src.Close() }

func (r *Reader) get(row []string, f int) string {
	if i := r.idx[f]; i >= 0 && i < len(row) {
		return strings.TrimSpace(row[i])
	}
	return ""
}

func (r *Reader) fail(recNo, line, f int, value string, err error) error {
	return &format.RecordError{File: r.file, Record: recNo, Line: line, Field: r.names[f], Value: value, Err: err}
}

// Read returns the next record, a *format.RecordError, or io.EOF.
func (r *Reader) Read() (*patent.Record, error) {
	row, line, err := r.rows.NextRow()
	if err != nil {
		return nil, err
	}
	recNo := r.rows.Record
	rec := patent.NewRecord()
	p := &rec.Patent
	p.Source, p.SourceFile, p.SourceRecord = Name, r.file, recNo

	raw := r.get(row, fPub)
	if raw == "" {
		return nil, r.fail(recNo, line, fPub, "", format.ErrMissingField)
	}
	num := raw
	if c := r.get(row, fCountry); c != "" && len(c) == 2 && !(len(num) >= 2 && isUpper(num[:2])) {
		num = c + num
	}
	pn, err := norm.ParsePub(num, r.get(row, fKind))
	if err != nil {
		return nil, r.fail(recNo, line, fPub, raw, format.ErrBadNumber)
	}
	p.PubNumber, p.Jurisdiction, p.Kind = pn.String(), pn.Office, pn.Kind
	p.DocType = docType(pn)
	for _, d := range [...]struct {
		f   int
		dst *patent.Date
	}{{fPubDate, &p.PubDate}, {fAppDate, &p.AppDate}} {
		if v := r.get(row, d.f); v != "" {
			if *d.dst, err = norm.ParseDate(v, norm.DayFirst); err != nil {
				return nil, r.fail(recNo, line, d.f, v, format.ErrBadDate)
			}
		}
	}
	if pn.Kind != "" && norm.IsGrantKind(pn.Office, pn.Kind) {
		p.GrantDate = p.PubDate
	}
	if v := r.get(row, fAppNum); v != "" {
		p.AppNumber = norm.AppNumber(v)
	}
	p.Title = norm.CleanText(r.get(row, fTitle))
	p.Abstract = norm.CleanText(r.get(row, fAbstract))
	if v := r.get(row, fPrio); v != "" {
		for _, e := range Priorities(v) {
			if e.Number != "" && !contains(p.Priorities, e.Number) {
				p.Priorities = append(p.Priorities, e.Number)
			}
			if e.Date.Valid() && (!p.PriorityDate.Valid() || e.Date.Before(p.PriorityDate.Time)) {
				p.PriorityDate = e.Date
			}
		}
	}
	for _, g := range [...]struct {
		f    int
		role string
	}{{fApplicants, patent.RoleApplicant}, {fInventors, patent.RoleInventor}} {
		seq := 0
		var seen []string
		for _, n := range strings.Split(r.get(row, g.f), ";") {
			n = norm.CleanText(n)
			if n == "" || containsFold(seen, n) {
				continue
			}
			seen = append(seen, n)
			seq++
			rec.Parties = append(rec.Parties, patent.Party{Role: g.role, Seq: seq, NameRaw: n})
		}
	}
	for _, v := range strings.Split(r.get(row, fIPC), ";") {
		c, err := norm.ParseClass(v)
		if err != nil || hasCode(rec.Classifications, c.Code) {
			continue
		}
		c.Scheme, c.IsMain = patent.IPC, len(rec.Classifications) == 0
		rec.Classifications = append(rec.Classifications, c)
	}
	return rec, nil
}

// docType is the document type of a publication: from its kind when it has one, else from what
// the number alone says: WO and EP publish only patent applications and patents (inventions); a
// US number is a design (D…), plant (PP…) or reissue/other series by its prefix, else a utility
// patent or application (an invention). Other offices' kindless numbers stay "other".
func docType(pn norm.PubNumber) string {
	if pn.Kind != "" {
		return norm.DocType(pn.Office, pn.Kind, "")
	}
	switch pn.Office {
	case "WO", "EP":
		return patent.Invention
	case "US":
		switch {
		case strings.HasPrefix(pn.Number, "D"):
			return patent.Design
		case strings.HasPrefix(pn.Number, "PP"):
			return patent.Plant
		case pn.Number != "" && pn.Number[0] >= '0' && pn.Number[0] <= '9':
			return patent.Invention
		}
	}
	return patent.OtherType
}

// Priority is one entry of a Priority Data cell.
type Priority struct {
	Number string // office + number, canonical
	Date   patent.Date
}

// Priorities parses a Priority Data cell: "[61/927,990 16.01.2014 US, US 20140623 14/311,995]".
// In each entry a lone two-letter token is the office, a token that reads as a date (dd.mm.yyyy,
// an ISO date or date-time, or yyyymmdd) the date, a bracketed token an alternative number
// (dropped), and the rest the number.
func Priorities(cell string) []Priority {
	cell = strings.TrimSpace(cell)
	cell = strings.TrimSuffix(strings.TrimPrefix(cell, "["), "]")
	var out []Priority
	for _, e := range strings.Split(cell, ", ") {
		var office, number string
		var date patent.Date
		for _, t := range strings.Fields(e) {
			switch {
			case strings.HasPrefix(t, "(") || strings.HasSuffix(t, ")"):
				continue
			case len(t) == 2 && isUpper(t) && office == "":
				office = t
				continue
			case !date.Valid():
				if d, ok := asDate(t); ok {
					date = d
					continue
				}
			}
			number += t
		}
		if number == "" {
			continue
		}
		n := norm.AppNumber(number)
		if office != "" && !strings.HasPrefix(n, "PCT") && !strings.HasPrefix(n, office) {
			n = office + n
		}
		out = append(out, Priority{Number: n, Date: date})
	}
	return out
}

// asDate reads a priority entry's date token.
func asDate(t string) (patent.Date, bool) {
	if len(t) >= 10 && t[4] == '-' && t[7] == '-' {
		t = t[:10]
	} else if !(len(t) == 10 && t[2] == '.' && t[5] == '.') && !(len(t) == 8 && isDigits(t)) {
		return patent.Date{}, false
	}
	d, err := norm.ParseDate(t, norm.DayFirst)
	if err != nil || !d.Valid() || d.Year() < 1850 || d.Year() > 2100 {
		return patent.Date{}, false
	}
	return d, true
}

func isUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return s != ""
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
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

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}
