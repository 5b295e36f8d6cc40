// Package usptoxml reads USPTO full-text bulk XML: the weekly grant files (ipgYYMMDD, root
// us-patent-grant, DTD v4.0–v4.7), the application files (ipaYYMMDD, root us-patent-application)
// and the pre-2005 application files (paYYMMDD, root patent-application-publication, pap-v16),
// plain or inside a .zip.
//
// # Streaming
//
// A weekly file is many XML documents concatenated, each with its own <?xml …?> declaration and
// DOCTYPE, and can be several GB. A splitter with a fixed 256 KB buffer cuts the byte stream at
// each declaration and serves one document at a time to an encoding/xml Decoder (Strict, with the
// HTML and ISO character entities USPTO uses; entity declarations and external entities are never
// read or fetched). The token stream drives a small path-state machine that keeps only the
// bibliographic data, the abstract and the first claim; the description and drawings (the bulk of
// the bytes), the field-of-search lists and the claims after the first (counted by their "<claim "
// tags) are fast-forwarded by a byte scan for their end tag instead of being tokenised, so their
// content is not checked for well-formedness. Memory stays bounded by the buffer plus one
// document's kept text. A zip entry is streamed the same way, never unpacked to disk.
//
// # Records
//
// One record per publication document; SourceRecord is the document's position in the file
// (every document counts, so record n is the n-th <?xml declaration). Sequence listings
// (sequence-cwu documents that follow some grants) are not publications: they are skipped and
// counted by Reader.Skipped. A document that is not well-formed, is truncated, or has another root
// element is a *format.RecordError (ErrBadRecord) with the line where the document starts, and
// reading continues with the next document.
//
// Taken: the publication number (publication-reference doc-number + kind via norm.ParsePub:
// "06859910"+"B2" → US6859910B2, D/PP/RE/H series kept), application number and date,
// publication date (also the grant date of grant kinds), foreign priority claims and the parent
// applications of continuity data (continuations, divisions, provisionals) into Priorities, with
// the earliest of their dates and the filing date as PriorityDate; title, abstract, the number of
// <claim> elements and the first claim's text; IPC (classification-ipcr, or the edition-7
// classification-ipc text codes, or pap-v16 ipc) and CPC (main-cpc, further-cpc); citations
// (patcit canonicalised, nplcit text; Category is the source's "cited by examiner" / "cited by
// applicant" / "cited by other"), and parties. USPTO XML has no family id and no legal status.
//
// Parties: assignees, and applicants that are organisations or have a non-inventor
// applicant-authority-category, are applicants; inventors (or the applicant-inventors of DTDs
// without an inventor list) are inventors; a publication with no applicant otherwise has its
// inventors as applicants. Person names are written "First Middle Last Suffix"; the state goes to
// Province (US state codes as written), with City, Country and, when a street or postcode is
// given, Address.
package usptoxml

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name, also written to Patent.Source.
const Name = "uspto_xml"

// Format is the USPTO full-text bulk XML reader.
var Format = format.Format{
	Name:        Name,
	Description: "USPTO full-text bulk XML (ipg grants, ipa applications v4.x, pre-2005 pap-v16), plain or zipped",
	Sniff:       Sniff,
	Open:        Open,
}

var docMarkers = [][]byte{
	[]byte("<!DOCTYPE us-patent-grant"), []byte("<!DOCTYPE us-patent-application"),
	[]byte("<!DOCTYPE patent-application-publication"), []byte("<us-patent-grant"),
	[]byte("<us-patent-application"), []byte("<patent-application-publication"),
}

func hasMarker(b []byte) bool {
	for _, m := range docMarkers {
		if bytes.Contains(b, m) {
			return true
		}
	}
	return false
}

// Sniff recognises USPTO bulk XML by its document roots, in a plain file or in the first entry of
// a zip (whose beginning is inflated from head).
func Sniff(path string, head []byte) float64 {
	if len(head) == 0 {
		return 0
	}
	ext := strings.ToLower(filepath.Ext(path))
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		if ext != ".zip" {
			return 0
		}
		if inner := zipHead(head); hasMarker(inner) {
			return 0.95
		}
		return 0
	}
	if !hasMarker(head) {
		return 0
	}
	if ext == ".xml" {
		return 0.95
	}
	return 0.8
}

// zipHead inflates what head holds of a zip's first entry (stored or deflated).
func zipHead(head []byte) []byte {
	if len(head) < 30 {
		return nil
	}
	method := binary.LittleEndian.Uint16(head[8:])
	nameLen := int(binary.LittleEndian.Uint16(head[26:]))
	extraLen := int(binary.LittleEndian.Uint16(head[28:]))
	start := 30 + nameLen + extraLen
	if start >= len(head) {
		return nil
	}
	data := head[start:]
	switch method {
	case zip.Store:
		return data
	case zip.Deflate:
		fr := flate.NewReader(bytes.NewReader(data))
		defer fr.Close()
		out, _ := io.ReadAll(io.LimitReader(fr, 64<<10))
		return out
	}
	return nil
}

// Open opens a USPTO bulk XML file, or a .zip holding such files (its .xml entries are read in
// order, streamed). An input with no content gives format.ErrEmpty. opts.Encoding is not used:
// each document declares its encoding (UTF-8 in practice; ISO-8859-1 and Windows-1252 are also
// understood).
func Open(path string, opts format.Options) (format.Reader, error) {
	base := filepath.Base(path)
	r := &Reader{file: base, path: path, limit: int64(opts.Limits.WithDefaults().MaxRecord)}
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", base, err)
		}
		r.zr = zr
		for _, f := range zr.File {
			if !f.FileInfo().IsDir() && strings.EqualFold(filepath.Ext(f.Name), ".xml") {
				r.entries = append(r.entries, f)
			}
		}
		if len(r.entries) == 0 {
			for _, f := range zr.File {
				if !f.FileInfo().IsDir() {
					r.entries = append(r.entries, f)
				}
			}
		}
		return r, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r.cur = f
	r.sp = newSplitter(f)
	r.sp.limit = r.limit
	if !r.sp.skipSpace() {
		err := r.sp.readErr()
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", base, err)
		}
		return nil, fmt.Errorf("%s: %w", base, format.ErrEmpty)
	}
	return r, nil
}

// NewReader reads USPTO bulk XML from src; file names the input in records and errors.
func NewReader(src io.Reader, file string) *Reader {
	sp := newSplitter(src)
	sp.limit = format.DefaultMaxRecord
	return &Reader{file: file, sp: sp, limit: format.DefaultMaxRecord}
}

// Reader streams the publications of one USPTO bulk XML input. It implements format.Reader.
type Reader struct {
	file    string
	path    string // the input's path (Open), for Exported; "" for NewReader
	zr      *zip.ReadCloser
	entries []*zip.File
	next    int
	cur     io.Closer // the open file or zip entry
	entry   string    // the zip entry being read
	sp      *splitter
	limit   int64 // the bytes of one document's text (format.Limits.MaxRecord)
	docs    int   // documents seen (all of them, sequence listings included)
	skipped int
	p       parser
}

// Documents returns how many XML documents have been read so far.
func (r *Reader) Documents() int { return r.docs }

// Skipped returns how many documents were skipped as not being publications (sequence listings).
func (r *Reader) Skipped() int { return r.skipped }

// Read returns the next publication, a *format.RecordError for a document that cannot be read,
// or io.EOF at the end.
func (r *Reader) Read() (*patent.Record, error) {
	for {
		if r.sp == nil {
			ok, err := r.openEntry()
			if err != nil {
				return nil, err
			}
			if !ok {
				if r.docs == 0 {
					return nil, fmt.Errorf("%s: %w", r.file, format.ErrEmpty)
				}
				return nil, io.EOF
			}
		}
		if !r.sp.nextDoc() {
			if err := r.sp.readErr(); err != nil {
				return nil, fmt.Errorf("%s: %w", r.file, err)
			}
			r.closeEntry()
			if r.zr == nil {
				r.sp = &splitter{docEnd: true, rerr: io.EOF} // stays at the end
				if r.docs == 0 {
					return nil, fmt.Errorf("%s: %w", r.file, format.ErrEmpty)
				}
				return nil, io.EOF
			}
			continue
		}
		r.docs++
		rec, err := r.readDoc()
		if err == errSkipDoc {
			r.skipped++
			continue
		}
		if err != nil {
			return nil, err
		}
		return rec, nil
	}
}

// openEntry opens the next zip entry; false when there is none.
func (r *Reader) openEntry() (bool, error) {
	if r.zr == nil || r.next >= len(r.entries) {
		return false, nil
	}
	e := r.entries[r.next]
	r.next++
	rc, err := e.Open()
	if err != nil {
		return false, fmt.Errorf("%s: %s: %w", r.file, e.Name, err)
	}
	r.cur = rc
	r.entry = e.Name
	r.sp = newSplitter(rc)
	r.sp.limit = r.limit
	return true, nil
}

func (r *Reader) closeEntry() {
	if r.cur != nil {
		r.cur.Close()
		r.cur = nil
	}
	r.sp = nil
}

// readDoc parses the current document.
func (r *Reader) readDoc() (*patent.Record, error) {
	sp := r.sp
	line := sp.line()
	dec := xml.NewDecoder(sp)
	dec.Strict = true
	dec.Entity = entities
	dec.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "us-ascii", "ascii":
			return in, nil
		case "iso-8859-1", "latin1", "latin-1", "iso8859-1":
			return charmap.ISO8859_1.NewDecoder().Reader(in), nil
		case "windows-1252", "cp1252":
			return charmap.Windows1252.NewDecoder().Reader(in), nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	err := r.p.parse(dec, sp)
	if err == errSkipDoc {
		return nil, err
	}
	if err != nil {
		errLine := sp.line()
		sp.skipDoc()
		if rerr := sp.readErr(); rerr != nil {
			return nil, fmt.Errorf("%s: %w", r.file, rerr)
		}
		value := err.Error()
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			value = se.Msg
		}
		value = fmt.Sprintf("line %d: %s", errLine, value)
		if r.entry != "" {
			value = r.entry + ": " + value
		}
		field := ""
		if errors.Is(err, errUnknownRoot) {
			field = r.p.d.root
		}
		if errors.Is(err, errDocTooLarge) {
			return nil, &format.RecordError{File: r.file, Record: r.docs, Line: line, Err: fmt.Errorf(
				"%w: the document's text is longer than %d bytes (raise --max-record to read it)", format.ErrTooLarge, sp.limit)}
		}
		return nil, &format.RecordError{File: r.file, Record: r.docs, Line: line, Field: field,
			Value: value, Err: format.ErrBadRecord}
	}
	sp.skipDoc()
	rec, bad := r.p.d.build()
	if bad != nil {
		bad.File, bad.Record, bad.Line = r.file, r.docs, line
		return nil, bad
	}
	rec.Patent.SourceFile = r.file
	rec.Patent.SourceRecord = r.docs
	return rec, nil
}

// Close releases the input.
func (r *Reader) Close() error {
	var err error
	if r.cur != nil {
		err = r.cur.Close()
		r.cur = nil
	}
	if r.zr != nil {
		if e := r.zr.Close(); err == nil {
			err = e
		}
		r.zr = nil
	}
	return err
}
