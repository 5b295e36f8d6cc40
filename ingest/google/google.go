// Package google reads Google Patents "Download CSV" exports into canonical patent records.
//
// An export has an optional first line "search URL:,https://…" and then the header
// id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,
// result link,representative figure link. Ids look like US-12299796-B2; assignees and inventors are
// joined by ", " in one cell (see SplitNames); dates are ISO, or M/D/YYYY when Excel re-saved the
// file. Google exports carry no family id, classification codes or citations, so records have none.
package google

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Format is the Google Patents CSV export format.
var Format = format.Format{
	Name:        "google",
	Description: `Google Patents "Download CSV" export (id,title,assignee,inventor/author,… with an optional "search URL:" line)`,
	Sniff:       Sniff,
	Open:        Open,
}

// Canonical fields of a Google export.
const (
	fID = iota
	fTitle
	fAssignee
	fInventor
	fPriority
	fFiling
	fPub
	fGrant
	fLink
	nFields
)

var aliases = [nFields][]string{
	fID:       {"id"},
	fTitle:    {"title"},
	fAssignee: {"assignee"},
	fInventor: {"inventor/author", "inventor"},
	fPriority: {"priority date"},
	fFiling:   {"filing/creation date", "filing date"},
	fPub:      {"publication date"},
	fGrant:    {"grant date"},
	fLink:     {"result link"},
}

// Sniff recognises a Google Patents export by its "id,title,assignee" header, on the first line or
// after a "search URL:" line.
func Sniff(path string, head []byte) float64 {
	if len(head) == 0 {
		return 0
	}
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	line, rest := cutLine(head)
	score := 0.0
	switch {
	case isHeaderLine(line):
		score = 0.9
	case strings.HasPrefix(format.FoldHeader(string(line[:min(len(line), 16)])), "searchurl"):
		if next, _ := cutLine(rest); isHeaderLine(next) {
			score = 0.97
		}
	}
	if score > 0 && !strings.EqualFold(filepath.Ext(path), ".csv") {
		score -= 0.1
	}
	return score
}

func cutLine(b []byte) (line, rest []byte) {
	if i := bytes.IndexAny(b, "\r\n"); i >= 0 {
		j := i + 1
		if b[i] == '\r' && j < len(b) && b[j] == '\n' {
			j++
		}
		return b[:i], b[j:]
	}
	return b, nil
}

// isHeaderLine reports whether line is a Google export's header, matched on folded cells
// (format.FoldHeader: "ID", "publication_date" … count too): id, title and assignee first, and a
// publication date column.
func isHeaderLine(line []byte) bool {
	cells := format.HeadCells(line, ',')
	if len(cells) < 4 {
		return false
	}
	for i, want := range [...]string{"id", "title", "assignee"} {
		if format.FoldHeader(cells[i]) != want {
			return false
		}
	}
	for _, c := range cells[3:] {
		if format.FoldHeader(c) == "publicationdate" {
			return true
		}
	}
	return false
}

// Reader reads records from one Google Patents export. It implements format.Reader.
type Reader struct {
	csv    *format.CSVFile
	file   string
	idx    [nFields]int
	names  [nFields]string
	rec    int
	rows   format.Rows // the row loop over the input (blank rows, record numbers, end)
	names0 []string    // scratch for SplitNames
}

// Open opens a Google Patents CSV export. An input with no rows gives format.ErrEmpty; one whose
// header has no "id" column is not a Google export.
func Open(path string, opts format.Options) (format.Reader, error) {
	c, err := format.OpenCSV(path, opts, ',')
	if err != nil {
		return nil, err
	}
	fail := func(err error) (format.Reader, error) {
		c.Close()
		return nil, err
	}
	header, err := nextNonBlank(c)
	if err == nil && len(header) > 0 && strings.HasPrefix(format.FoldHeader(header[0]), "searchurl") {
		header, err = nextNonBlank(c)
	}
	if err == io.EOF {
		return fail(fmt.Errorf("%s: %w", c.File, format.ErrEmpty))
	}
	if err != nil {
		return fail(fmt.Errorf("%s: reading header: %w", c.File, err))
	}
	c.SetHeader(header)
	r := &Reader{csv: c, file: c.File}
	r.rows.Next = c.Row
	for f := range r.idx {
		r.idx[f] = -1
	}
	folded := format.FoldHeaders(header)
	for f, names := range aliases {
		for _, a := range names {
			for i, h := range folded {
				if h == format.FoldHeader(a) {
					r.idx[f], r.names[f] = i, strings.TrimSpace(strings.TrimPrefix(header[i], "\uFEFF"))
					break
				}
			}
			if r.idx[f] >= 0 {
				break
			}
		}
	}
	if r.idx[fID] < 0 {
		return fail(fmt.Errorf("%s: not a Google Patents export: no %q column in the header", c.File, "id"))
	}
	return r, nil
}

func nextNonBlank(c *format.CSVFile) ([]string, error) {
	for {
		row, _, err := c.Row(0)
		if err != nil {
			var re *format.RecordError
			if errors.As(err, &re) {
				continue
			}
			return nil, err
		}
		if !format.IsBlank(row) {
			return row, nil
		}
	}
}

// Close closes the underlying file.
func (r *Reader) Close() error { return r.csv.Close() }

// Repaired returns the invalid UTF-8 bytes replaced and the first records they were in
// (format.Repairer).
func (r *Reader) Repaired() (int, []int) { return r.csv.Repaired() }

// Encoding reports the detected (or forced) text encoding.
func (r *Reader) Encoding() string { return r.csv.Encoding }

func (r *Reader) get(row []string, f int) string {
	if i := r.idx[f]; i >= 0 && i < len(row) {
		return row[i]
	}
	return ""
}

func (r *Reader) fail(line, f int, value string, err error) error {
	return &format.RecordError{File: r.file, Record: r.rec, Line: line, Field: r.names[f], Value: value, Err: err}
}

// Read returns the next record, a *format.RecordError for a row that cannot be accepted (reading
// may continue), or io.EOF at the end. Blank rows are skipped.
func (r *Reader) Read() (*patent.Record, error) {
	row, line, err := r.rows.NextRow()
	r.rec = r.rows.Record
	if err != nil {
		return nil, err
	}
	return r.record(row, line)
}

func (r *Reader) record(row []string, line int) (*patent.Record, error) {
	rec := patent.NewRecord()
	p := &rec.Patent
	p.Source, p.SourceFile, p.SourceRecord = Format.Name, r.file, r.rec

	id := strings.TrimSpace(r.get(row, fID))
	pn, err := norm.ParsePub(id, "")
	if err != nil {
		return nil, r.fail(line, fID, id, format.ErrBadNumber)
	}
	p.PubNumber, p.Jurisdiction, p.Kind = pn.String(), pn.Office, pn.Kind
	p.DocType = norm.DocType(pn.Office, pn.Kind, "")

	for _, d := range [...]struct {
		f   int
		dst *patent.Date
	}{{fPriority, &p.PriorityDate}, {fFiling, &p.AppDate}, {fPub, &p.PubDate}, {fGrant, &p.GrantDate}} {
		v := r.get(row, d.f)
		if strings.TrimSpace(v) == "" {
			continue
		}
		if *d.dst, err = norm.ParseDate(v, norm.MonthFirst); err != nil {
			return nil, r.fail(line, d.f, v, format.ErrBadDate)
		}
	}
	if !p.GrantDate.Valid() && norm.IsGrantKind(pn.Office, pn.Kind) {
		p.GrantDate = p.PubDate
	}
	p.Title = norm.CleanText(r.get(row, fTitle))
	p.URL = strings.TrimSpace(r.get(row, fLink))

	for _, g := range [...]struct {
		f    int
		role string
	}{{fAssignee, patent.RoleApplicant}, {fInventor, patent.RoleInventor}} {
		r.names0 = SplitNames(r.get(row, g.f), r.names0[:0])
		for i, n := range r.names0 {
			rec.Parties = append(rec.Parties, patent.Party{Role: g.role, Seq: i + 1, NameRaw: n})
		}
	}
	return rec, nil
}
