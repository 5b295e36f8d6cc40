// Package sep reads standard-essential-patent (SEP) declaration lists: which holder declared
// which patent essential to which standard, under which licensing commitment. A declaration is
// no bibliographic record: each row becomes a patent.Record whose Declaration is set, and ingest
// stores it in the standards table (docs/schema.md), linked to the publications (and through them
// the families) the lake holds by the declared number.
//
// Two public layouts are read, told apart by their folded header (format.FoldHeader), from CSV
// (comma, semicolon or tab) or XLSX/XLS (ingest/sheet), with preamble rows skipped:
//
//   - etsi: ETSI IPR data. The form published in the public patent datasets (Google Patents
//     Public Data, table technical_standards.etsi by CPA Global/Innography): StandardBody,
//     PublicationNumber ("US-9673942-B2"), TechnicalStandard ("3GPP, LTE"). ETSI's own
//     ISLD export names the same facts IPRD_REFERENCE, IPRD_SIGNATURE_DATE, COMP_LEGAL_NAME,
//     ETPR_ACRONYM (project), Standard ("TS 136 213"), PUBL_NUMBER, PATT_APPLICATION_NUMBER and
//     the generation flags 2G, 3G, 4G, 5G (1 = yes). Without a body column the body is ETSI, and
//     without a commitment column the commitment is FRAND: every IPR in the ETSI database was
//     notified with the clause 6.1 undertaking unless stated otherwise.
//   - dsep: the Disclosed Standard Essential Patents database (Bekkers, Catalini, Martinelli &
//     Simcoe 2012; OEIDD, BigQuery patents-public-data.dsep.disclosures_13): record_id, sso,
//     patent_owner_harmonized, patent_owner_unharmonized, date, standard, committee_project,
//     tc_name, licensing_commitment, blanket_type, serial_cleaned, pub_cleaned (and columns not
//     read: disclosure_event, sc_name, wg_name, copyright, blanket_scope, third_party,
//     reciprocity, family_id). Spelled-out names (SSO, Standard, Owner, Publication Number,
//     Declaration Date, Licensing Commitment) are read too.
//
// Values: a standard cell naming several standards ("3GPP, LTE"; ";" too) gives one declared
// standard each. Publication numbers in any common form are canonicalised (norm.ParsePub), so
// the declaration joins the lake's patents by number (with or without kind code). A row naming
// no number is kept when it is a blanket declaration (blanket_type other than 0) or names an
// application; otherwise, and for a number or date that does not parse, the row is a
// *format.RecordError naming the column. Commitments become codes (patent.Commit*): FRAND,
// RAND, RF (royalty-free), refused, other, unknown, with the list's own words kept.
package sep

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
const Name = "sep"

// Layouts.
const (
	LayoutETSI = "etsi"
	LayoutDSEP = "dsep"
)

const headerScan = 20

// Format is the SEP declaration list format.
var Format = format.Format{
	Name:        Name,
	Description: "standard-essential-patent declaration lists: ETSI IPR data (public datasets, ISLD export) and the dSEP/OEIDD layout; CSV or XLSX",
	Sniff:       Sniff,
	Open:        Open,
	RecordBytes: 40,
}

const (
	fNumber = iota
	fApp
	fBody
	fStandard
	fProject
	fProject2
	fGeneration
	fOwner
	fOwner2
	fDate
	fCommitment
	fRef
	fBlanket
	fKind
	nFields
)

var aliases = [nFields][]string{
	fNumber:     {"PublicationNumber", "PUBL_NUMBER", "pub_cleaned", "Publication No", "Patent Number", "Patent No", "Patent Publication Number"},
	fApp:        {"PATT_APPLICATION_NUMBER", "serial_cleaned", "Application Number", "Application No"},
	fBody:       {"StandardBody", "sso", "SDO", "Standard Setting Organization", "Standards Body"},
	fStandard:   {"TechnicalStandard", "Standard", "Specification", "Standard/Specification", "Specification Number", "Standard Number", "Technical Specification"},
	fProject:    {"ETPR_ACRONYM", "Project", "committee_project", "Committee"},
	fProject2:   {"tc_name", "Technical Committee"},
	fGeneration: {"Generation", "Technology"},
	fOwner:      {"patent_owner_harmonized", "COMP_LEGAL_NAME", "Declaring Company", "Owner", "Patent Owner", "Company", "Declarant"},
	fOwner2:     {"patent_owner_unharmonized"},
	fDate:       {"IPRD_SIGNATURE_DATE", "date", "Declaration Date", "Disclosure Date", "Signature Date"},
	fCommitment: {"licensing_commitment", "Licensing Commitment", "Licensing Declaration", "Licensing"},
	fRef:        {"IPRD_REFERENCE", "record_id", "Declaration Reference", "Reference", "IPRD_ID"},
	fBlanket:    {"blanket_type", "Blanket"},
	fKind:       {"Kind", "Kind Code"},
}

// generations are the ETSI ISLD export's generation flag columns.
var generations = []string{"2G", "3G", "4G", "5G"}

// Layout returns the layout a folded header row is in ("" for neither).
//
//	etsi: standardbody + publicationnumber + technicalstandard (the public datasets), or
//	      publnumber + standard + complegalname or iprdreference (ETSI's ISLD export)
//	dsep: sso + pubcleaned or serialcleaned, or sso + standard + a number column + an owner
//	      column + licensingcommitment (the spelled-out form)
func Layout(folded []string) string {
	has := map[string]bool{}
	for _, h := range folded {
		has[h] = true
	}
	switch {
	case has["publicationnumber"] && has["technicalstandard"] && has["standardbody"]:
		return LayoutETSI
	case has["publnumber"] && has["standard"] && (has["complegalname"] || has["iprdreference"]):
		return LayoutETSI
	case has["sso"] && (has["pubcleaned"] || has["serialcleaned"]):
		return LayoutDSEP
	case has["sso"] && has["standard"] && has["licensingcommitment"] &&
		(has["publicationnumber"] || has["patentnumber"]) && (has["owner"] || has["patentowner"] || has["declaringcompany"]):
		return LayoutDSEP
	}
	return ""
}

func score(folded []string) float64 {
	if Layout(folded) != "" {
		return 0.95
	}
	return 0
}

// Sniff recognises a declaration list by its header row among the first rows.
func Sniff(path string, head []byte) float64 {
	return sheet.SniffHeader(path, head, headerScan, score)
}

// Reader reads one declaration list. It implements format.Reader.
type Reader struct {
	file   string
	layout string
	src    sheet.Source
	rows   format.Rows
	idx    [nFields]int
	names  [nFields]string
	gen    []int // generation flag columns (ETSI ISLD export), parallel to generations
	header []string
	// maxField bounds a cell (format.Limits).
	maxField int
}

// Open opens a declaration list (CSV, XLSX or XLS).
func Open(path string, opts format.Options) (format.Reader, error) {
	file := filepath.Base(path)
	src, err := sheet.Open(path, opts)
	if err != nil {
		return nil, err
	}
	header, _, err := sheet.FindHeader(src, headerScan, func(f []string) bool { return Layout(f) != "" })
	if err != nil {
		src.Close()
		if errors.Is(err, format.ErrEmpty) {
			return nil, fmt.Errorf("%s: %w", file, format.ErrEmpty)
		}
		if errors.Is(err, sheet.ErrNoHeader) {
			return nil, fmt.Errorf("%s: %w: no declaration-list header (ETSI: StandardBody, PublicationNumber, TechnicalStandard; dSEP: sso, pub_cleaned …) in the first %d rows",
				file, format.ErrUnknownFormat, headerScan)
		}
		return nil, err
	}
	folded := format.FoldHeaders(header)
	r := &Reader{file: file, src: src, layout: Layout(folded), header: header, maxField: opts.Limits.WithDefaults().MaxField}
	if hs, ok := src.(interface{ SetHeader([]string) }); ok {
		hs.SetHeader(header)
	}
	r.rows.Next = src.Row
	for f := range r.idx {
		r.idx[f] = format.FindColumn(folded, aliases[f]...)
		if r.idx[f] >= 0 {
			r.names[f] = strings.TrimSpace(header[r.idx[f]])
		} else {
			r.names[f] = aliases[f][0]
		}
	}
	for _, g := range generations {
		r.gen = append(r.gen, format.FindColumn(folded, g))
	}
	return r, nil
}

// Layout is the layout the list is in (LayoutETSI or LayoutDSEP).
func (r *Reader) Layout() string { return r.layout }

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

// Read returns the next declaration, a *format.RecordError, or io.EOF.
func (r *Reader) Read() (*patent.Record, error) {
	row, line, err := r.rows.NextRow()
	if err != nil {
		return nil, err
	}
	recNo := r.rows.Record
	for i, c := range row {
		if len(c) > r.maxField { // workbook cells; a CSV source checks its own (SetHeader)
			name := ""
			if i < len(r.header) {
				name = r.header[i]
			}
			return nil, &format.RecordError{File: r.file, Record: recNo, Line: line, Field: name,
				Err: fmt.Errorf("%w: %d bytes in one field (the limit is %d; raise --max-field to read it)", format.ErrTooLarge, len(c), r.maxField)}
		}
	}
	rec := patent.NewRecord()
	p := &rec.Patent
	p.Source, p.SourceFile, p.SourceRecord = Name, r.file, recNo
	d := &patent.Declaration{Layout: r.layout}
	rec.Declaration = d

	d.Body = norm.CleanText(r.get(row, fBody))
	if d.Body == "" && r.layout == LayoutETSI {
		d.Body = "ETSI"
	}
	d.Standards = Standards(r.get(row, fStandard))
	d.Project = norm.CleanText(r.get(row, fProject))
	if d.Project == "" {
		d.Project = norm.CleanText(r.get(row, fProject2))
	}
	if len(d.Standards) == 0 {
		// A declaration for a whole project (ETSI) or committee (dSEP) names it instead.
		if d.Project == "" {
			return nil, r.fail(recNo, line, fStandard, "", format.ErrMissingField)
		}
		d.Standards = []string{d.Project}
	}
	d.Generation = r.generation(row)
	d.Owner = norm.CleanText(r.get(row, fOwner))
	if d.Owner == "" {
		d.Owner = norm.CleanText(r.get(row, fOwner2))
	}
	if v := r.get(row, fDate); v != "" {
		if d.Date, err = norm.ParseDate(v, norm.DayFirst); err != nil {
			return nil, r.fail(recNo, line, fDate, v, format.ErrBadDate)
		}
	}
	d.CommitmentRaw = norm.CleanText(r.get(row, fCommitment))
	d.Commitment = Commitment(d.CommitmentRaw)
	if d.CommitmentRaw == "" && r.idx[fCommitment] < 0 && r.layout == LayoutETSI {
		d.Commitment = patent.CommitFRAND
	}
	d.Reference = norm.CleanText(r.get(row, fRef))
	if b := r.get(row, fBlanket); b != "" && b != "0" && !strings.EqualFold(b, "no") && !strings.EqualFold(b, "false") {
		d.Blanket = true
	}
	if v := r.get(row, fApp); v != "" {
		d.AppNumber = norm.AppNumber(v)
	}
	raw := r.get(row, fNumber)
	if raw == "" {
		if d.Blanket || d.AppNumber != "" {
			return rec, nil
		}
		return nil, r.fail(recNo, line, fNumber, "", format.ErrMissingField)
	}
	pn, err := norm.ParsePub(raw, r.get(row, fKind))
	if err != nil {
		return nil, r.fail(recNo, line, fNumber, raw, format.ErrBadNumber)
	}
	d.Number, d.Kind = pn.String(), pn.Kind
	p.PubNumber, p.Jurisdiction, p.Kind = d.Number, pn.Office, pn.Kind
	return rec, nil
}

// generation reads the generation of a row: a Generation column, else the ETSI generation flags
// (the flagged ones, comma-joined: "4G,5G").
func (r *Reader) generation(row []string) string {
	if v := norm.CleanText(r.get(row, fGeneration)); v != "" {
		return v
	}
	var g []string
	for i, col := range r.gen {
		if col >= 0 && col < len(row) {
			switch strings.TrimSpace(strings.ToLower(row[col])) {
			case "1", "yes", "y", "true", "x":
				g = append(g, generations[i])
			}
		}
	}
	return strings.Join(g, ",")
}

// Standards splits a standard cell into the standards it names ("3GPP, LTE" → 3GPP, LTE), with
// runs of spaces collapsed; "" gives none.
func Standards(cell string) []string {
	var out []string
	for _, part := range strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == ',' || r == '\n' }) {
		s := strings.Join(strings.Fields(norm.CleanText(part)), " ")
		if s == "" {
			continue
		}
		dup := false
		for _, have := range out {
			dup = dup || strings.EqualFold(have, s)
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// Commitment maps a licensing commitment as a list writes it to a code (patent.Commit*):
//
//	"FRAND", "Fair, reasonable and non-discriminatory"     → frand
//	"RAND", "Reasonable and non discriminatory", "RAND-Z"  → rand
//	"Royalty free", "RF", "RAND-RF", "free of charge"      → rf
//	"Not willing to license", "refused", "No"             → refused
//	""                                                    → unknown; anything else: other
func Commitment(raw string) string {
	s := strings.ToLower(strings.TrimSpace(raw))
	if s == "" {
		return patent.CommitUnknown
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	switch {
	case strings.Contains(s, "royalty free") || strings.Contains(s, "royalty-free") || strings.Contains(s, "free of charge") || has("rf"):
		return patent.CommitRF
	case strings.Contains(s, "not willing") || strings.Contains(s, "unwilling") || strings.Contains(s, "refus") ||
		strings.Contains(s, "not prepared") || s == "no" || s == "none":
		return patent.CommitRefused
	case has("frand") || strings.Contains(s, "fair, reasonable") || strings.Contains(s, "fair reasonable"):
		return patent.CommitFRAND
	case has("rand") || strings.Contains(s, "reasonable and non"):
		return patent.CommitRAND
	}
	return patent.CommitOther
}
