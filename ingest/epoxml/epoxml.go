// Package epoxml reads EPO exchange-format XML: the responses of the EPO Open Patent Services
// (OPS) API wrapped in ops:world-patent-data — published-data biblio (exchange-document), family
// (ops:family-member), legal (ops:family-member with ops:legal INPADOC events), search results
// (ops:search-result with publication references only) and register (reg:register-document,
// epodoc numbering) — and DOCDB bulk files (exch:exchange-documents holding many
// exch:exchange-document records).
//
// The input is streamed with encoding/xml's token Decoder; one record element (exchange-document,
// family-member, register-document, or a search-result publication-reference) is decoded at a
// time with DecodeElement, so a bulk file is never held in memory.
//
// Record units and numbering: every exchange-document is one record; a family-member yields one
// record per docdb publication it lists (a minimal record: number, dates, application, priorities,
// family id and, in legal responses, the legal events); a search-result publication-reference is a
// minimal record with just the number, kind and family id; a register-document yields one record
// per EP publication it lists. SourceRecord counts these units 1, 2, … in file order.
//
// Errors: a record whose content cannot be mapped (no parseable publication number, a bad date) is
// a *format.RecordError and reading continues. A record that is not well-formed XML (a mismatched
// tag, an undefined entity, truncation) is a *format.RecordError too: the reader then scans the
// raw bytes for the next record start tag and continues with a fresh decoder, so one damaged
// exchange-document in a bulk file costs only that record. XML damage outside records (such as a
// truncated closing wrapper) is skipped silently as no record is lost; a file with no record at
// all is format.ErrEmpty when it is well-formed, or a fatal error with the line when it is not XML.
// Truncation at the end therefore gives a RecordError for the last, incomplete record, then EOF.
// Entities: encoding/xml expands neither internal DTD entities (an undefined entity is a syntax
// error, so "billion laughs" is a rejected record) nor external SYSTEM entities.
//
// Mapping of an exchange-document:
//   - PubNumber from the country/doc-number/kind attributes (docdb), else the docdb, else the
//     epodoc publication-reference, canonical via norm.ParsePub (US 2012057518 A1 →
//     US20120057518A1); PubDate from the docdb reference (else date-publ, else epodoc); GrantDate =
//     PubDate for grant kinds. FamilyID = the family-id attribute (DOCDB simple family).
//   - AppNumber = docdb application key country + number + kind (US201314052000A), else epodoc;
//     AppDate from whichever document-id has a date (OPS puts it on the epodoc one).
//   - Priorities: docdb keys, else epodoc numbers, the epodoc PCT form WO2013US64552 rewritten to
//     the docdb US2013064552W; PriorityDate = earliest claim date.
//   - Title/Abstract: English, else the original language (lang "ol" or none), else the first;
//     TitleLang is the lang attribute ("" for "ol"/none). Other languages are dropped.
//   - Parties: one list per role from the best data-format present — docdb (residence country),
//     epodoc (the same standardised name; its "[US]" suffix becomes Country and is cut from
//     NameRaw), docdba, original. Formats are never mixed, because sequence numbers of different
//     formats need not name the same person.
//   - IPC from classifications-ipcr fixed-width text (main = the F "first position" flag, else the
//     lowest sequence) and old classification-ipc; CPC from patent-classifications with a CPC*
//     scheme (main = symbol-position F, else lowest sequence); other schemes (UC, FI …) skipped.
//   - Citations: patcit as canonical docdb number (epodoc, else raw text), nplcit as text, both
//     deduplicated; Category = search-report category, else cited-by. CitesCount/NPLCount only when
//     references-cited is present (else unknown, -1).
package epoxml

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name, also written to Patent.Source.
const Name = "epo_xml"

// Format is the EPO exchange-format XML reader (OPS responses and DOCDB bulk files).
var Format = format.Format{
	Name:        Name,
	Description: "EPO exchange-format XML: OPS biblio/family/legal/search/register responses and DOCDB bulk exchange-documents",
	Sniff:       Sniff,
	Open:        Open,
}

// ErrDeleted marks a DOCDB exchange-document with status="D": a deletion instruction in a DOCDB
// update file, not a publication to load. It is reported as a RecordError so it stays accounted.
var ErrDeleted = errors.New("exchange-document deleted in DOCDB (status D)")

// Sniff recognises EPO exchange XML by its namespaces and root elements.
func Sniff(path string, head []byte) float64 {
	if len(head) == 0 {
		return 0
	}
	h := head
	if len(h) > 8192 {
		h = h[:8192]
	}
	has := func(s string) bool { return bytes.Contains(h, []byte(s)) }
	switch {
	case has("<ops:world-patent-data") || has("http://ops.epo.org"):
		return 0.95
	case has("http://www.epo.org/exchange") || has("http://www.epo.org/register"):
		return 0.95
	case has("exchange-documents") || has("<exch:exchange-document") || has("<exchange-document "):
		return 0.9
	}
	return 0
}

// Open opens an EPO exchange XML file for streaming. opts.Encoding forces the text encoding;
// otherwise a BOM or the bytes decide (see format.DecodeText), which agrees with the XML
// declaration for the UTF-8 files EPO delivers.
func Open(path string, opts format.Options) (format.Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	r, err := openReader(f, filepath.Base(path), opts)
	if err != nil {
		f.Close()
		return nil, err
	}
	r.closer = f
	return r, nil
}

// openReader decodes src (see format.DecodeText) and prepares the reader; file names the input.
func openReader(src io.Reader, file string, opts format.Options) (*reader, error) {
	ti, err := format.DecodeText(src, opts.Encoding)
	if err != nil {
		return nil, err
	}
	r := newReader(ti, file)
	// An input with nothing but white space holds no records at all.
	for {
		b, err := r.br.Peek(1)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", r.file, format.ErrEmpty)
		}
		if b[0] != ' ' && b[0] != '\t' && b[0] != '\n' && b[0] != '\r' {
			break
		}
		r.br.Discard(1)
		if b[0] == '\n' {
			r.lineBase++
		}
	}
	r.dec = r.newDecoder()
	return r, nil
}

// NewReader reads EPO exchange XML from src (for example a member of a zipped DOCDB delivery);
// file names the input in records and errors. src is decoded like a file given to Open.
func NewReader(src io.Reader, file string, opts format.Options) (format.Reader, error) {
	return openReader(src, file, opts)
}

func newReader(src io.Reader, file string) *reader {
	return &reader{file: file, br: bufio.NewReaderSize(src, 64<<10)}
}

// result is one queued outcome of a decoded record element.
type result struct {
	rec *patent.Record
	err error
}

// reader implements format.Reader.
type reader struct {
	file     string
	closer   io.Closer
	br       *bufio.Reader // the decoder reads byte-wise from it (io.ByteReader), so resync can see where it stopped
	dec      *xml.Decoder
	lineBase int // lines consumed before the current decoder started

	stack   []string // local names of open non-record elements (bounded)
	depth   int      // open non-record elements, including those beyond the stack bound
	queue   []result
	n       int    // record units numbered so far
	seen    bool   // whether any record element was met
	root    string // the document element's local name
	text    string // what full-text documents held ("claims" …), when any was met
	resyncs int
	done    bool
	fatal   error
}

const maxStack = 64

func (r *reader) newDecoder() *xml.Decoder {
	d := xml.NewDecoder(r.br)
	// format.DecodeText has already turned the input into UTF-8: whatever the declaration says,
	// pass the bytes through.
	d.CharsetReader = func(_ string, in io.Reader) (io.Reader, error) { return in, nil }
	return d
}

// Close releases the file.
func (r *reader) Close() error {
	if r.closer != nil {
		err := r.closer.Close()
		r.closer = nil
		return err
	}
	return nil
}

// Read returns the next record (see the package documentation for units and errors).
func (r *reader) Read() (*patent.Record, error) {
	for {
		if len(r.queue) > 0 {
			res := r.queue[0]
			r.queue[0] = result{}
			r.queue = r.queue[1:]
			return res.rec, res.err
		}
		if r.fatal != nil {
			return nil, r.fatal
		}
		if r.done {
			switch {
			case r.seen:
				return nil, io.EOF
			case r.text != "":
				// A claims (abstract, description) response: text for publications whose
				// bibliographic records come from elsewhere; its records were attachments.
				r.fatal = format.NoRecords(r.file, r.text+"-only response")
			case r.root == "world-patent-data" || r.root == "exchange-documents":
				r.fatal = format.NoRecords(r.file, "no exchange-document, family-member, search result or register-document in the "+r.root)
			default:
				r.fatal = fmt.Errorf("%s: no exchange-document, family-member, search result or register-document found: %w", r.file, format.ErrEmpty)
			}
			return nil, r.fatal
		}
		r.step()
	}
}

// line returns the absolute 1-based line of the decoder's current position.
func (r *reader) line() int {
	l, _ := r.dec.InputPos()
	return r.lineBase + l
}

// step reads one token and, for a record element, decodes it and queues its results.
func (r *reader) step() {
	start := r.line()
	tok, err := r.dec.Token()
	if err == io.EOF {
		r.done = true
		return
	}
	if err != nil {
		// Damage outside a record: nothing is lost, move on to the next record start if any.
		at, first := r.line(), r.resyncs == 0
		msg := r.errText(err)
		if !r.resync() {
			r.done = true
			if !r.seen && first {
				r.fatal = fmt.Errorf("%s: line %d: not EPO exchange XML: %s", r.file, at, msg)
			}
		}
		return
	}
	switch t := tok.(type) {
	case xml.StartElement:
		parent := ""
		if len(r.stack) > 0 && r.depth == len(r.stack) {
			parent = r.stack[len(r.stack)-1]
		}
		if r.root == "" {
			r.root = t.Name.Local
		}
		switch {
		case t.Name.Local == "fulltext-document":
			var d fulltextDoc
			if err := r.dec.DecodeElement(&d, &t); err != nil {
				r.syntaxFailure(t.Name.Local, start, err)
				return
			}
			res, what := r.mapFulltext(&d, start)
			if r.text == "" || what == "claims" {
				r.text = what
			}
			r.queue = append(r.queue, res)
			return
		case t.Name.Local == "exchange-document":
			r.seen = true
			var d exchDoc
			if err := r.dec.DecodeElement(&d, &t); err != nil {
				r.syntaxFailure(t.Name.Local, start, err)
				return
			}
			r.queue = append(r.queue, r.mapExchange(&d, start))
			return
		case t.Name.Local == "family-member":
			r.seen = true
			var m famMember
			if err := r.dec.DecodeElement(&m, &t); err != nil {
				r.syntaxFailure(t.Name.Local, start, err)
				return
			}
			r.queue = append(r.queue, r.mapFamilyMember(&m, start)...)
			return
		case t.Name.Local == "register-document":
			r.seen = true
			var d regDoc
			if err := r.dec.DecodeElement(&d, &t); err != nil {
				r.syntaxFailure(t.Name.Local, start, err)
				return
			}
			r.queue = append(r.queue, r.mapRegister(&d, start)...)
			return
		case t.Name.Local == "publication-reference" && parent == "search-result":
			r.seen = true
			var p searchRef
			if err := r.dec.DecodeElement(&p, &t); err != nil {
				r.syntaxFailure(t.Name.Local, start, err)
				return
			}
			r.queue = append(r.queue, r.mapSearch(&p, start))
			return
		}
		if r.depth < maxStack {
			r.stack = append(r.stack, t.Name.Local)
		}
		r.depth++
	case xml.EndElement:
		if r.depth > 0 {
			if r.depth <= len(r.stack) {
				r.stack = r.stack[:len(r.stack)-1]
			}
			r.depth--
		}
	}
}

// next returns the next record number.
func (r *reader) next() int {
	r.n++
	return r.n
}

// syntaxFailure reports a record element that is not well-formed XML and resynchronises.
func (r *reader) syntaxFailure(elem string, line int, err error) {
	msg := r.errText(err)
	r.queue = append(r.queue, result{err: &format.RecordError{
		File: r.file, Record: r.next(), Line: line, Field: elem, Value: msg, Err: format.ErrBadRecord,
	}})
	if !r.resync() {
		r.done = true
	}
}

// errText describes a decoding error with the absolute line (a decoder started by resync counts
// lines from its own start).
func (r *reader) errText(err error) string {
	var se *xml.SyntaxError
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.As(err, &se) && se.Msg == "unexpected EOF":
		return "unexpected end of input (truncated file)"
	case errors.As(err, &se):
		return fmt.Sprintf("XML syntax error on line %d: %s", r.lineBase+se.Line, se.Msg)
	}
	return err.Error()
}

// resync abandons the current decoder after a syntax error, scans the raw input for the next
// record start tag and starts a fresh decoder there. It reports whether one was found.
func (r *reader) resync() bool {
	r.resyncs++
	l, _ := r.dec.InputPos()
	r.lineBase += l - 1
	r.stack = r.stack[:0]
	r.depth = 0
	for {
		chunk, err := r.br.ReadSlice('<')
		r.lineBase += bytes.Count(chunk, []byte{'\n'})
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return false
		}
		r.br.UnreadByte()
		peek, _ := r.br.Peek(64)
		if isRecordStart(peek) {
			r.dec = r.newDecoder()
			return true
		}
		r.br.Discard(1)
	}
}

// isRecordStart reports whether b begins with the start tag of a record element that needs no
// parent context: exchange-document, family-member or register-document, with any prefix.
func isRecordStart(b []byte) bool {
	if len(b) < 2 || b[0] != '<' {
		return false
	}
	b = b[1:]
	if i := bytes.IndexByte(b, ':'); i > 0 && i < 32 && isNameBytes(b[:i]) {
		b = b[i+1:]
	}
	for _, name := range []string{"exchange-document", "family-member", "register-document"} {
		if len(b) > len(name) && string(b[:len(name)]) == name {
			switch b[len(name)] {
			case ' ', '\t', '\n', '\r', '>', '/':
				return true
			}
		}
	}
	return false
}

func isNameBytes(b []byte) bool {
	for _, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

func attr(as []xml.Attr, local string) string {
	for _, a := range as {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// recErr builds a RecordError for this file.
func (r *reader) recErr(rec, line int, field, value string, err error) *format.RecordError {
	return &format.RecordError{File: r.file, Record: rec, Line: line, Field: field, Value: strings.TrimSpace(value), Err: err}
}
