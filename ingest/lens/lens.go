// Package lens reads Lens.org patent CSV exports into canonical patent records.
//
// It handles every export layout Lens has produced: the 2015 layout (dd/mm/yy dates, CR-only line
// endings, no Lens ID), the 2016 and 2017 layouts (Lens ID, "Cited Count", "Full Text", MacRoman
// bytes, thousands of trailing empty header columns), the ~2020 layout ("Earliest Priority Date",
// "Owners (US)", "Cites/Cited by Patent Count", "NPL Citations") and the current layout (UTF-8 BOM,
// "Display Key", "Abstract", "Document Type", "Legal Status", "Simple Family Members"), plus an
// optional "Cited Patents" column of ";;"-separated display keys. Columns are found by header name
// once per file, so column order does not matter.
//
// The reader streams: one pass over the file, one format.CSVReader with a reused record slice,
// and no regexp or map work per row.
package lens

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Format is the Lens.org CSV export format.
var Format = format.Format{
	Name:        "lens",
	Description: "Lens.org patent CSV export (2015–current layouts; ;;-separated multi-values)",
	Sniff:       Sniff,
	Open:        Open,
	Tees:        true,
	RecordBytes: 600, // 900–1,000 in current exports, with abstracts
}

// Canonical fields of a Lens export.
const (
	fNum = iota
	fJur
	fKind
	fPub
	fLensID
	fPubDate
	fAppNum
	fAppDate
	fPrio
	fEarliest
	fTitle
	fAbstract
	fApplicants
	fInventors
	fOwners
	fURL
	fDocType
	fCites
	fCitedBy
	fFamSize
	fFamMembers
	fCPC
	fIPC
	fNPLCount
	fNPL
	fLegal
	fCitedPatents
	fPubYear
	nFields
)

// aliases lists the header names each field has had across Lens export years; the first present
// wins. Matching is on format.FoldHeader keys (case, width, spaces, underscores, hyphens and
// punctuation folded), so the snake_case, dotted or upper-case headers of a file re-saved by R,
// pandas or Excel match too; the renamings such tools make beyond that are listed here ("#"
// becomes "X." in R's read.csv and "number" in janitor::clean_names).
var aliases = [nFields][]string{
	fNum:          {"#", "X.", "number"},
	fJur:          {"Jurisdiction"},
	fKind:         {"Kind"},
	fPub:          {"Display Key", "Publication Number"},
	fLensID:       {"Lens ID"},
	fPubDate:      {"Publication Date"},
	fAppNum:       {"Application Number"},
	fAppDate:      {"Application Date"},
	fPrio:         {"Priority Numbers"},
	fEarliest:     {"Earliest Priority Date"},
	fTitle:        {"Title"},
	fAbstract:     {"Abstract"},
	fApplicants:   {"Applicants"},
	fInventors:    {"Inventors"},
	fOwners:       {"Owners", "Owners (US)"},
	fURL:          {"URL"},
	fDocType:      {"Document Type", "Type"},
	fCites:        {"Cites Patent Count"},
	fCitedBy:      {"Cited by Patent Count", "Cited Count"},
	fFamSize:      {"Simple Family Size"},
	fFamMembers:   {"Simple Family Members"},
	fCPC:          {"CPC Classifications"},
	fIPC:          {"IPCR Classifications", "IPC Classifications"},
	fNPLCount:     {"NPL Citation Count"},
	fNPL:          {"NPL Citations", "Non-Patent Citations"},
	fLegal:        {"Legal Status"},
	fCitedPatents: {"Cited Patents"},
	fPubYear:      {"Publication Year"},
}

// lensURL is the address of a Lens record, completed by its Lens ID.
const lensURL = "https://lens.org/"

// sep separates the values of a multi-valued Lens cell.
const sep = ";;"

// headSize is how much of a file Open samples to settle encoding and date order.
const headSize = 256 << 10

// Sniff recognises a Lens export by its folded header line (format.FoldHeader): a "Lens ID" or
// "Display Key" column with "Jurisdiction", or the 2015 trio "Publication Number",
// "Jurisdiction" and "Kind", in any case or spelling (lens_id, LENS ID, Publication.Number).
func Sniff(path string, head []byte) float64 {
	if len(head) == 0 {
		return 0
	}
	keys := format.HeadKeys(head, ',')
	has := func(name string) bool { return keys[name] }
	score := 0.0
	switch {
	case (has("lensid") || has("displaykey")) && has("jurisdiction"):
		score = 0.95
	case has("publicationnumber") && has("jurisdiction") && has("kind"):
		score = 0.85
	default:
		return 0
	}
	if !strings.EqualFold(filepath.Ext(path), ".csv") {
		score -= 0.1
	}
	return score
}

// Open opens a Lens CSV export. The header must name a publication number column ("Display Key" or
// "Publication Number"); an input without any row gives format.ErrEmpty.
func Open(path string, opts format.Options) (format.Reader, error) {
	head, err := format.ReadHead(path, headSize)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}))) == 0 {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), format.ErrEmpty)
	}
	repair := true               // invalid UTF-8 in a UTF-8 reading is replaced and counted
	var check func(*input) error // the whole file's decision when a byte turns out not UTF-8
	if opts.Encoding == "" {
		// The whole file decides, not its head: one stray Latin-1 byte does not make a UTF-8
		// export GB18030, and a GBK export whose first 256 KB are ASCII is still GBK. With
		// opts.Reread a file that begins as UTF-8 is read at once, and decided only if a
		// later byte is not UTF-8 (format.RereadError).
		if opts.Reread && format.StartsUTF8(head) {
			opts.Encoding, repair = "utf-8", false
			check = func(in *input) error {
				enc, repair, err := fileEncoding(path)
				switch {
				case err != nil:
					return err
				case enc != "utf-8":
					return &format.RereadError{File: filepath.Base(path), Encoding: enc}
				case repair:
					in.repairUTF8()
				}
				return nil
			}
		} else {
			if opts.Encoding, repair, err = fileEncoding(path); err != nil {
				return nil, err
			}
		}
	}
	in, err := openInput(path, opts.Encoding, head, opts.Tee, opts.Limits, repair, check)
	if err != nil {
		return nil, err
	}
	r := &Reader{in: in, conv: conv{file: in.file}, encoding: strings.ToLower(opts.Encoding)}
	r.rows.Next = in.row
	header, _, err := in.row(0)
	for err == nil && format.IsBlank(header) {
		header, _, err = in.row(0)
	}
	if err != nil {
		in.close()
		if err == io.EOF {
			return nil, fmt.Errorf("%s: %w", in.file, format.ErrEmpty)
		}
		return nil, fmt.Errorf("%s: reading header: %w", in.file, err)
	}
	r.resolve(header)
	in.setHeader(header)
	if r.idx[fPub] < 0 {
		in.close()
		return nil, fmt.Errorf("%s: not a Lens export: no %q or %q column in the header", in.file, "Display Key", "Publication Number")
	}
	r.order = r.detectDateOrder(head, opts.Encoding)
	return r, nil
}

// fileEncoding decides a Lens file's encoding from the whole file (format.DetectFileEncoding),
// and whether a UTF-8 reading has bytes to repair. A GB18030 guess from Latin letters glued to
// their accents is MacRoman (Lens's older exports).
func fileEncoding(path string) (enc string, repair bool, err error) {
	fe, err := format.DetectFileEncoding(path)
	if err != nil {
		return "", false, err
	}
	if fe.Name == "gb18030" && latinGlued(fe.Sample) {
		return "macroman", true, nil
	}
	return fe.Name, !fe.Valid, nil
}

// Reader reads records from one Lens export. It implements format.Reader and format.Splitter.
type Reader struct {
	conv                 // converts the rows Read returns
	in       *input      // the decoded CSV
	rows     format.Rows // the row loop over the input (blank rows, record numbers, end)
	lastNum  int         // the last in-sequence value of the "#" column
	encoding string      // the encoding read with (detected from the whole file, or forced)

	// One row is read ahead, to see whether it is the spill-over of the row before it
	// (continues): cur is the row NextRow returns, ahead the next one (or the error reading it).
	cur, ahead      []string
	aheadLine       int
	aheadRec        int
	aheadErr        error
	hasAhead        bool
	rejoined        int   // spill-over lines joined back to their record
	rejoinedRecords []int // the first 20 records that had a line joined back
}

// Encoding reports the encoding the export is read with.
func (r *Reader) Encoding() string { return r.encoding }

// conv converts rows of one export into records: the column map and date order settled at Open,
// and small caches of its own, so each goroutine converting rows has one (NewConverter).
type conv struct {
	file  string
	idx   [nFields]int    // column of each field, -1 when absent
	names [nFields]string // the export's own header name of each field, for errors
	order norm.DateOrder

	// Small caches of derived values: an export has few distinct document types and statuses.
	docTypes []docTypeMemo
	statuses [][2]string

	citeBuf   []byte   // scratch of citations: canonical numbers
	citeSpans [][3]int // scratch of citations: (citation, from, to) in citeBuf
}

// resolve finds each field's column once, from the header.
func (r *Reader) resolve(header []string) {
	normed := format.FoldHeaders(header)
	for f := range r.idx {
		r.idx[f] = -1
		for _, a := range aliases[f] {
			want := format.FoldHeader(a)
			for i, h := range normed {
				if h == want {
					r.idx[f] = i
					r.names[f] = strings.TrimSpace(strings.TrimPrefix(header[i], "\uFEFF"))
					break
				}
			}
			if r.idx[f] >= 0 {
				break
			}
		}
	}
}

// detectDateOrder reads the date columns of the sampled head: Lens writes dd/mm/yy, so day first
// is the default, and month first is chosen only when some slash date can only be month first and
// none can only be day first (an export re-saved by US Excel).
func (r *Reader) detectDateOrder(head []byte, enc string) norm.DateOrder {
	ti, err := format.DecodeText(bytes.NewReader(head), enc)
	if err != nil {
		return norm.DayFirst
	}
	cr := csv.NewReader(ti)
	cr.FieldsPerRecord, cr.LazyQuotes, cr.ReuseRecord = -1, true, true
	dayOnly, monthOnly := 0, 0
	for n := 0; n < 2000; n++ {
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				continue
			}
			break
		}
		for _, f := range [...]int{fPubDate, fAppDate, fEarliest} {
			if i := r.idx[f]; i >= 0 && i < len(row) {
				switch slashOrder(row[i]) {
				case 1:
					dayOnly++
				case 2:
					monthOnly++
				}
			}
		}
	}
	if monthOnly > 0 && dayOnly == 0 {
		return norm.MonthFirst
	}
	return norm.DayFirst
}

// slashOrder tells whether a/b/c can only be day first (1: a > 12), only month first (2: b > 12),
// or either (0).
func slashOrder(s string) int {
	s = strings.TrimSpace(s)
	i := strings.IndexByte(s, '/')
	if i <= 0 {
		return 0
	}
	j := strings.IndexByte(s[i+1:], '/')
	if j <= 0 {
		return 0
	}
	a, err1 := strconv.Atoi(s[:i])
	b, err2 := strconv.Atoi(s[i+1 : i+1+j])
	if err1 != nil || err2 != nil {
		return 0
	}
	switch {
	case a > 12 && b <= 12:
		return 1
	case b > 12 && a <= 12:
		return 2
	}
	return 0
}

// latinGlued reports whether most Han characters of head, read as GB18030, touch an ASCII letter
// on either side: the mark of Latin-script mojibake rather than Chinese text.
func latinGlued(head []byte) bool {
	s, err := decodeGB18030(head)
	if err != nil {
		return false
	}
	han, glued := 0, 0
	var prev rune
	rs := []rune(s)
	for i, c := range rs {
		if unicode.Is(unicode.Han, c) {
			han++
			next := rune(0)
			if i+1 < len(rs) {
				next = rs[i+1]
			}
			if isASCIILetter(prev) || isASCIILetter(next) {
				glued++
			}
		}
		prev = c
	}
	return han > 0 && glued*2 > han
}

func isASCIILetter(c rune) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func decodeGB18030(b []byte) (string, error) {
	ti, err := format.DecodeText(bytes.NewReader(b), "gb18030")
	if err != nil {
		return "", err
	}
	out, err := io.ReadAll(ti)
	return string(out), err
}

// Close closes the underlying file.
func (r *Reader) Close() error { return r.in.close() }

// Repaired returns how many bytes that are not valid UTF-8 were replaced by U+FFFD in a UTF-8
// export, and the first records they were in (format.Repairer).
func (r *Reader) Repaired() (int, []int) { return r.in.guard.Repaired, r.in.repaired }

// NewConverter returns a converter of this export's rows for one goroutine (format.Splitter).
func (r *Reader) NewConverter() format.Converter {
	return &conv{file: r.file, idx: r.idx, names: r.names, order: r.order}
}

func (r *conv) get(row []string, f int) string {
	if i := r.idx[f]; i >= 0 && i < len(row) {
		return row[i]
	}
	return ""
}

// Read returns the next record, a *format.RecordError for a row that cannot be accepted (reading
// may continue), or io.EOF at the end. Blank rows are skipped.
func (r *Reader) Read() (*patent.Record, error) {
	row, line, recNo, err := r.NextRow()
	if err != nil {
		return nil, err
	}
	rec := patent.NewRecord()
	if err := r.Convert(row, line, recNo, rec); err != nil {
		return nil, err
	}
	return rec, nil
}

// NextRow returns the next non-blank row and its record number (format.Splitter). The "#" column
// numbers the records while it runs in order; a number out of sequence is kept out of the
// numbering (the ordinal count names the row instead), and a row whose "#" is not a number is
// left to Convert to reject, unless it is the spill-over of the row before it (continues): then
// it is joined back to that row's last cell and is not a record.
//
// The spill-over: a raw 2017 Lens export re-saved by a spreadsheet (CR line ends, MacRoman,
// every row padded to the header's 2,428 columns) cut each Non-Patent Citations cell longer than
// 32,753 characters after that many, lost the next character, ended the row and wrote the rest
// of the cell on the next line unquoted: its commas split it into cells, its closing quote is a
// literal '"' at its end, and its first cell can be anything ("2" from "Mar. 2, 2014"). Only a
// row that ends in the header's last named column is joined to, so nothing of the record lies
// after the broken cell, and only a line that cannot be a record (no in-sequence "#", no Lens
// ID, no publication number) is joined.
func (r *Reader) NextRow() ([]string, int, int, error) {
	var row []string
	var line, recNo int
	var err error
	if r.hasAhead {
		r.hasAhead = false
		r.cur, r.ahead = r.ahead, r.cur
		row, line, recNo, err = r.cur, r.aheadLine, r.aheadRec, r.aheadErr
	} else {
		row, line, err = r.rows.NextRow()
		recNo = r.rows.Record
		if err == nil {
			r.number(row, &recNo)
		}
	}
	if err != nil || !r.continuable(row) {
		if err != nil {
			row = nil
		}
		return row, line, recNo, err
	}
	if !r.ownsRow(row) {
		r.cur = append(r.cur[:0], row...) // the CSV reader reuses row's slice
		row = r.cur
	}
	last := len(row) - 1
	for {
		next, nline, nerr := r.rows.NextRow()
		nrec := r.rows.Record
		if nerr == nil && r.continues(next) {
			row[last] = rejoin(row[last], next)
			r.rows.Record-- // the spill-over is not a record
			r.rejoined++
			if len(r.rejoinedRecords) < 20 {
				r.rejoinedRecords = append(r.rejoinedRecords, recNo)
			}
			continue
		}
		if nerr == nil {
			r.number(next, &nrec)
		}
		r.ahead = append(r.ahead[:0], next...)
		r.aheadLine, r.aheadRec, r.aheadErr, r.hasAhead = nline, nrec, nerr, true
		break
	}
	if mf := r.in.maxField; mf > 0 && len(row[last]) > mf {
		return nil, line, recNo, &format.RecordError{File: r.file, Record: recNo, Line: line, Field: r.in.header[last],
			Err: fmt.Errorf("%w: %d bytes in one field once its spilled-over lines are joined back (the limit is %d; raise --max-field to read it)", format.ErrTooLarge, len(row[last]), mf)}
	}
	return row, line, recNo, nil
}

// ownsRow reports whether row is the reader's own copy (r.cur), not the CSV reader's slice.
func (r *Reader) ownsRow(row []string) bool {
	return len(row) > 0 && len(r.cur) > 0 && &row[0] == &r.cur[0]
}

// number sets *recNo from the row's "#" when it runs in sequence.
func (r *Reader) number(row []string, recNo *int) {
	if i := r.idx[fNum]; i >= 0 {
		if n, err := strconv.Atoi(strings.TrimSpace(r.get(row, fNum))); err == nil && n > r.lastNum {
			*recNo, r.lastNum = n, n
		}
	}
}

// continuable reports whether a spill-over line may continue row: the export numbers its
// records ("#" or Lens ID columns), and row's last non-empty cell is the header's last named
// column.
func (r *Reader) continuable(row []string) bool {
	return (r.idx[fNum] >= 0 || r.idx[fLensID] >= 0) && r.in.named > 0 && len(row) == r.in.named
}

// continues reports whether row cannot be a record: its "#" is not the next number of the
// sequence, its Lens ID is not one and it has no publication number of its jurisdiction.
func (r *Reader) continues(row []string) bool {
	if i := r.idx[fNum]; i >= 0 {
		if n, err := strconv.Atoi(strings.TrimSpace(r.get(row, fNum))); err == nil && n > r.lastNum {
			return false
		}
	}
	if r.idx[fLensID] >= 0 && isLensID(strings.TrimSpace(r.get(row, fLensID))) {
		return false
	}
	// parsePub is lenient ("vol. 2" parses): a publication number counts when the row's
	// jurisdiction agrees with it, as Convert requires.
	pub := strings.TrimSpace(r.get(row, fPub))
	if _, office, _, err := parsePub(stripTrailingDate(pub), strings.TrimSpace(r.get(row, fKind))); err == nil {
		if r.idx[fJur] < 0 || strings.EqualFold(strings.TrimSpace(r.get(row, fJur)), office) {
			return false
		}
	}
	return true
}

// isLensID reports whether s has the shape of a Lens ID: five groups of three digits joined by
// hyphens (135-805-190-466-921).
func isLensID(s string) bool {
	if len(s) != 19 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i%4 == 3 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// rejoin appends a spill-over line to the cell it broke from. The line's cells were split at the
// cell text's own commas, so they are joined with commas; the '"' that ends the line was the
// cell's closing quote. The character lost at the break is marked with an ellipsis, as omitted
// text is (U+FFFD would be dropped by cleanText).
func rejoin(cell string, spill []string) string {
	tail := strings.TrimSuffix(strings.Join(spill, ","), `"`)
	return cell + lostMark + tail
}

// lostMark stands for the character lost where a spilled-over cell broke.
const lostMark = "…"

// Rejoined returns how many spill-over lines were joined back to the record they broke from, and
// the first records (up to 20) that had one.
func (r *Reader) Rejoined() (int, []int) { return r.rejoined, r.rejoinedRecords }

// fail builds a RecordError for field f.
func (r *conv) fail(rec, line, f int, value string, err error) error {
	name := ""
	if f >= 0 {
		name = r.names[f]
		if name == "" {
			name = aliases[f][0]
		}
	}
	return &format.RecordError{File: r.file, Record: rec, Line: line, Field: name, Value: value, Err: err}
}

// Convert converts one data row (format.Converter). The strings of row stay valid after the
// reader moves on (format.CSVReader), so they can be kept without copying.
func (r *conv) Convert(row []string, line, recNo int, rec *patent.Record) error {
	// The "#" column numbers the records. A row whose "#" is not a number is the spill-over of a
	// cell that overflowed into a new line in some raw exports, not a record; NextRow joins it
	// back when that is unambiguous, and the rest are rejected saying so.
	if i := r.idx[fNum]; i >= 0 {
		v := strings.TrimSpace(r.get(row, fNum))
		if n, err := strconv.Atoi(v); err != nil || n <= 0 {
			return r.fail(recNo, line, fNum, v, fmt.Errorf("%w: not a record number: a cell of the previous record spilled onto a new line? "+
				"(not joined back to it: only a line without a record number, Lens ID or publication number that follows a row ending in the header's last column is)",
				format.ErrBadRecord))
		}
	}
	rec.Reset()
	p := &rec.Patent
	p.Source, p.SourceFile, p.SourceRecord = Format.Name, r.file, recNo

	// Publication number: the one required field.
	pubRaw := strings.TrimSpace(r.get(row, fPub))
	kind := strings.TrimSpace(r.get(row, fKind))
	pub, office, pkind, err := parsePub(stripTrailingDate(pubRaw), kind)
	if err != nil {
		return r.fail(recNo, line, fPub, pubRaw, format.ErrBadNumber)
	}
	if jur := strings.TrimSpace(r.get(row, fJur)); jur != "" && !strings.EqualFold(jur, office) {
		return r.fail(recNo, line, fJur, jur, fmt.Errorf("%w: jurisdiction %q does not match publication number %q", format.ErrBadRecord, jur, pubRaw))
	}
	p.PubNumber, p.Jurisdiction, p.Kind = pub, office, pkind

	hint := strings.TrimSpace(r.get(row, fDocType))
	p.DocType = r.docType(office, pkind, hint)

	if p.PubDate, err = r.date(row, fPubDate); err != nil {
		return r.fail(recNo, line, fPubDate, r.get(row, fPubDate), format.ErrBadDate)
	}
	if p.AppDate, err = r.date(row, fAppDate); err != nil {
		return r.fail(recNo, line, fAppDate, r.get(row, fAppDate), format.ErrBadDate)
	}
	p.PubDate, p.AppDate = r.century(row, p.PubDate, p.AppDate)
	if norm.IsGrantKind(office, pkind) || containsFold(hint, "granted") {
		p.GrantDate = p.PubDate
	}
	if v := strings.TrimSpace(r.get(row, fAppNum)); v != "" {
		p.AppNumber = norm.AppNumber(v)
	}

	// Priorities: "US 201161550506 P 20111024;;…"; the earliest claim date unless the export
	// states the earliest priority date itself.
	if v := r.get(row, fPrio); v != "" {
		p.Priorities = slices.Grow(p.Priorities, maxValues(v))
		for rest := v; rest != ""; {
			var part string
			part, rest = nextValue(rest)
			if part == "" {
				continue
			}
			pc := norm.ParsePriority(part)
			var d patent.Date
			if pc.Date != "" {
				if d, err = parseDate(pc.Date, r.order); err != nil {
					return r.fail(recNo, line, fPrio, part, format.ErrBadDate)
				}
			}
			// Lens lists claims in no date order (US8903568B1 lists a 2014 US claim before
			// its 2013 CN one): ClaimPriority puts the earliest claim first.
			p.ClaimPriority(pc.Number, d)
		}
		if len(p.Priorities) == 0 {
			p.Priorities = nil
		}
	}
	if e, err := r.date(row, fEarliest); err != nil {
		return r.fail(recNo, line, fEarliest, r.get(row, fEarliest), format.ErrBadDate)
	} else if e.Valid() {
		p.PriorityDate = e
	}
	if p.PubDate.Valid() && p.PriorityDate.Valid() && p.PriorityDate.Year()-p.PubDate.Year() >= 50 {
		p.PriorityDate = patent.Date{Time: p.PriorityDate.AddDate(-100, 0, 0)} // see century
	}

	p.Title = cleanText(r.get(row, fTitle))
	p.Abstract = cleanText(r.get(row, fAbstract))

	// The Lens ID is the stable key of a Lens record: the URL is https://lens.org/<Lens ID>, which
	// keeps it, and the export's URL column only when there is no Lens ID.
	p.URL = strings.TrimSpace(r.get(row, fURL))
	if id := strings.TrimSpace(r.get(row, fLensID)); id != "" {
		if !(strings.HasSuffix(p.URL, id) && strings.HasPrefix(p.URL, lensURL) && len(p.URL) == len(lensURL)+len(id)) {
			p.URL = lensURL + id
		}
	}

	for _, c := range [...]struct {
		f   int
		dst *int
	}{{fCites, &p.CitesCount}, {fCitedBy, &p.CitedByCount}, {fFamSize, &p.FamilySize}, {fNPLCount, &p.NPLCount}} {
		v := strings.TrimSpace(r.get(row, c.f))
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			return r.fail(recNo, line, c.f, v, fmt.Errorf("%w: not a count", format.ErrBadValue))
		}
		*c.dst = n
	}
	if p.FamilySize < 0 {
		if v := r.get(row, fFamMembers); strings.TrimSpace(v) != "" {
			p.FamilySize = countValues(v)
		}
	}

	if v := strings.TrimSpace(r.get(row, fLegal)); v != "" {
		p.LegalRaw = v
		p.LegalStatus = r.legalStatus(v)
	}

	r.parties(rec, row)
	r.classes(rec, row)
	r.citations(rec, row)
	return nil
}

type docTypeMemo struct{ office, kind, hint, docType string }

// docType derives the document type. The kind code decides utility models, designs and plants
// (Lens calls a CN utility model a "Patent Application" or "Limited Patent"); Lens's document
// type refines the rest.
func (r *conv) docType(office, kind, hint string) string {
	for _, m := range r.docTypes {
		if m.office == office && m.kind == kind && m.hint == hint {
			return m.docType
		}
	}
	t := norm.DocType(office, kind, "")
	if t == patent.Invention || t == patent.OtherType {
		t = norm.DocType(office, kind, hint)
	}
	if len(r.docTypes) < 64 {
		// Copies: the values are cells of a row, which share an arena chunk with other rows
		// (format.CSVReader), and the memo lasts the whole file.
		r.docTypes = append(r.docTypes, docTypeMemo{strings.Clone(office), strings.Clone(kind), strings.Clone(hint), strings.Clone(t)})
	}
	return t
}

// legalStatus is norm.LegalStatus, remembered for the few values an export uses.
func (r *conv) legalStatus(raw string) string {
	for _, m := range r.statuses {
		if m[0] == raw {
			return m[1]
		}
	}
	st := norm.LegalStatus(raw)
	if len(r.statuses) < 32 {
		r.statuses = append(r.statuses, [2]string{strings.Clone(raw), strings.Clone(st)}) // copies, as in docType
	}
	return st
}

// parties adds applicants, inventors and owners in source order, names as written.
func (r *conv) parties(rec *patent.Record, row []string) {
	app, inv, own := r.get(row, fApplicants), r.get(row, fInventors), r.get(row, fOwners)
	n := 0
	for _, v := range [...]string{app, inv, own} {
		if v != "" {
			n += maxValues(v)
		}
	}
	if n == 0 {
		return
	}
	rec.Parties = slices.Grow(rec.Parties, n)
	for _, g := range [...]struct {
		v    string
		role string
	}{{app, patent.RoleApplicant}, {inv, patent.RoleInventor}, {own, patent.RoleOwner}} {
		seq := 0
		for rest := g.v; rest != ""; {
			var name string
			name, rest = nextValue(rest)
			if name == "" {
				continue
			}
			seq++
			rec.Parties = append(rec.Parties, patent.Party{Role: g.role, Seq: seq, NameRaw: name})
		}
	}
	if len(rec.Parties) == 0 {
		rec.Parties = nil
	}
}

// classes adds CPC then IPC codes; the first parsed code of each scheme is the main one,
// duplicates within a scheme are dropped and unparseable codes skipped.
func (r *conv) classes(rec *patent.Record, row []string) {
	cpc, ipc := r.get(row, fCPC), r.get(row, fIPC)
	n := 0
	for _, v := range [...]string{cpc, ipc} {
		if v != "" {
			n += maxValues(v)
		}
	}
	if n == 0 {
		return
	}
	rec.Classifications = slices.Grow(rec.Classifications, n)
	for _, g := range [...]struct{ v, scheme string }{{cpc, patent.CPC}, {ipc, patent.IPC}} {
		start := len(rec.Classifications)
		for rest := g.v; rest != ""; {
			var code string
			code, rest = nextValue(rest)
			if code == "" {
				continue
			}
			c, err := parseClass(code)
			if err != nil {
				continue
			}
			dup := false
			for _, o := range rec.Classifications[start:] {
				if o.Code == c.Code {
					dup = true
					break
				}
			}
			if dup {
				continue
			}
			c.Scheme = g.scheme
			c.IsMain = len(rec.Classifications) == start
			rec.Classifications = append(rec.Classifications, c)
		}
	}
	if len(rec.Classifications) == 0 {
		rec.Classifications = nil
	}
}

// citations adds cited patents (display keys, canonicalised when they parse) and NPL citations.
func (r *conv) citations(rec *patent.Record, row []string) {
	pat, npl := r.get(row, fCitedPatents), r.get(row, fNPL)
	n := 0
	for _, v := range [...]string{pat, npl} {
		if v != "" {
			n += maxValues(v)
		}
	}
	if n > 0 {
		rec.Citations = slices.Grow(rec.Citations, n)
	}
	nPat, nNPL := 0, 0
	// The canonical numbers of the fast path are built in one buffer and become substrings of
	// one string: one allocation per record instead of one per citation.
	buf, spans := r.citeBuf[:0], r.citeSpans[:0]
	for rest := pat; rest != ""; {
		var v string
		v, rest = nextValue(rest)
		if v == "" {
			continue
		}
		nPat++
		sv := stripTrailingDate(v)
		if nb, _, _, ok := appendPub(buf, sv, ""); ok {
			spans = append(spans, [3]int{len(rec.Citations), len(buf), len(nb)})
			buf = nb
			rec.Citations = append(rec.Citations, patent.Citation{Kind: patent.CitePatent})
			continue
		}
		cited, _, _, err := parsePub(sv, "")
		if err != nil {
			cited = cleanText(v)
		}
		rec.Citations = append(rec.Citations, patent.Citation{Cited: cited, Kind: patent.CitePatent})
	}
	if len(spans) > 0 {
		all := string(buf)
		for _, sp := range spans {
			rec.Citations[sp[0]].Cited = all[sp[1]:sp[2]]
		}
	}
	r.citeBuf, r.citeSpans = buf, spans
	for rest := npl; rest != ""; {
		var v string
		v, rest = nextValue(rest)
		if v = cleanText(v); v == "" {
			continue
		}
		rec.Citations = append(rec.Citations, patent.Citation{Cited: v, Kind: patent.CiteNPL})
		nNPL++
	}
	p := &rec.Patent
	if r.idx[fCitedPatents] >= 0 && p.CitesCount < 0 {
		p.CitesCount = nPat
	}
	if r.idx[fNPL] >= 0 && p.NPLCount < 0 {
		p.NPLCount = nNPL
	}
	if len(rec.Citations) == 0 {
		rec.Citations = nil
	}
}

// date parses the date in field f; empty is the zero date.
func (r *conv) date(row []string, f int) (patent.Date, error) {
	v := r.get(row, f)
	if v == "" {
		return patent.Date{}, nil
	}
	return parseDate(v, r.order)
}

// parseDate is norm.ParseDate with a fast path for the ISO (2015-04-24) and compact (20150424)
// forms of current exports; it gives the same results.
func parseDate(s string, order norm.DateOrder) (patent.Date, error) {
	var y, m, d int
	switch {
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		y, m, d = digits(s[0:4]), digits(s[5:7]), digits(s[8:10])
	case len(s) == 8:
		y, m, d = digits(s[0:4]), digits(s[4:6]), digits(s[6:8])
	default:
		return norm.ParseDate(s, order)
	}
	if y < 0 || m < 0 || d < 0 {
		return norm.ParseDate(s, order)
	}
	if y == 0 && m == 0 && d == 0 && len(s) == 8 { // "00000000" means unknown
		return patent.Date{}, nil
	}
	if y < 1800 || y > 2100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return patent.Date{}, norm.ErrDate
	}
	return patent.NewDate(y, time.Month(m), d), nil
}

// digits parses an all-digit string, or returns -1.
func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// nextValue splits the first ";;"-separated value off s, trimmed.
func nextValue(s string) (value, rest string) {
	if i := strings.Index(s, sep); i >= 0 {
		return strings.TrimSpace(s[:i]), s[i+len(sep):]
	}
	return strings.TrimSpace(s), ""
}

// maxValues bounds the number of ";;"-separated values of s (for sizing slices): counting one
// byte is a vectorised scan, where counting the two-byte separator is not.
func maxValues(s string) int { return strings.Count(s, ";")/2 + 1 }

// countValues counts the non-empty ";;"-separated values of s.
func countValues(s string) int {
	n := 0
	for rest := s; rest != ""; {
		var v string
		v, rest = nextValue(rest)
		if v != "" {
			n++
		}
	}
	return n
}

// stripTrailingDate drops the date Lens appends to the display key of corrected documents
// ("EP 2135119 B8 20161012" → "EP 2135119 B8").
func stripTrailingDate(s string) string {
	s = strings.TrimSpace(s)
	i := strings.LastIndexByte(s, ' ')
	if i < 0 || len(s)-i-1 != 8 || digits(s[i+1:]) < 0 {
		return s
	}
	head := strings.TrimSpace(s[:i])
	// Only when what remains ends with a kind code: the date is then not part of the number.
	j := strings.LastIndexByte(head, ' ')
	if j < 0 {
		return s
	}
	k := head[j+1:]
	if n := len(k); n >= 1 && n <= 2 && k[0] >= 'A' && k[0] <= 'Z' && (n == 1 || k[1] >= '0' && k[1] <= '9') {
		return head
	}
	return s
}

// containsFold reports whether s contains the lower-case ASCII word sub, ignoring case.
func containsFold(s, sub string) bool {
	if len(s) < len(sub) {
		return false
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// century corrects the century of two-digit years (dd/mm/yy exports read yy < 30 as 20yy): the
// row's Publication Year column, when it has four digits, fixes the publication date's century
// (GB320642A, "14/10/29" with Publication Year 1929, read as 2029-10-14, made a drones export's
// cut-off 2029), and an application date 50 or more years after the publication is a century
// early. Dates written with four-digit years never differ from these by 100 years, so nothing
// else changes.
func (r *conv) century(row []string, pub, app patent.Date) (patent.Date, patent.Date) {
	if y := strings.TrimSpace(r.get(row, fPubYear)); len(y) == 4 && pub.Valid() {
		if n := digits(y); n > 0 && pub.Year()-n == 100 {
			pub = patent.Date{Time: pub.AddDate(-100, 0, 0)}
		}
	}
	if pub.Valid() && app.Valid() && app.Year()-pub.Year() >= 50 {
		app = patent.Date{Time: app.AddDate(-100, 0, 0)}
	}
	return pub, app
}
