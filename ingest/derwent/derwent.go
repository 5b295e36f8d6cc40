// Package derwent reads Derwent Innovations Index exports (Web of Science "Other file formats":
// the field-tagged plain text, .ciw or .txt, and the tab-delimited variant) into canonical patent
// records.
//
// A field-tagged file starts with "FN" and "VR" lines; each record runs from "PT" to "ER". A line
// starting with a two-character tag (a capital letter then a capital letter or digit) and a space
// opens a field; any other line (three spaces, a tab, "(a)" …) continues the previous field. In
// the tab-delimited variant the first row names the tags and each further row is one record, the
// lines of a multi-line field joined by "; ".
//
// One Derwent record is one DWPI family. Every patent number of PN ("EP1616785-A1; US7721988-B2
// …") becomes a publication of its own, all of them with FamilyID "DWPI" + the accession number
// GA, so the family counts once and links (through any shared publication or application) to the
// DOCDB or Lens family of another source. Per member: publication date and language from PD,
// application number and date from AD. Shared by the members:
//
//   - TI and AB, the DWPI rewritten title and abstract, with TitleLang "en-x-dwpi" (English, the
//     DWPI variant: not the text as published);
//   - AU inventors; AE assignees, the Derwent patentee code in brackets ("SCHIEBEL GMBH
//     (SCHI-Non-standard)") taken off the name and kept as a classification of scheme
//     dwpi_assignee ("SCHI");
//   - IP as IPC codes (the first the main one), DC Derwent classes and MC manual codes as the
//     schemes dwpi_class and dwpi_manual (codes kept as written, with empty subclass and main
//     group, so IPC/CPC rules never match them);
//   - PI priority claims (the earliest date is the priority date);
//   - CP cited patents and CR cited literature: the lines under a member's number are that
//     member's citations; a list without member headings belongs to the first member.
//
// Application and priority numbers (AD, PI) are written by DWPI without their year ("US829091
// 20 Apr 2004"); norm.DWPIApp rewrites them, with the year of their own date, in the DOCDB form
// the Lens and EPO readers store ("US82909104A"), so the application links families across
// sources and the earliest priority names its filing office.
//
// DS, the designated states of each WO or EP member ("WO2006005087-A1: (National): AE; AG …
// (Regional): AT; BE …"), become that member's DesignatedStates: national and regional
// designations together, sorted (a list without a member heading belongs to the first member).
// A record without PN, or a PN
// number that does not parse, is a *format.RecordError naming the record, its line and the tag;
// the other members of the record are still read. Dates are "15 Jul 2004".
package derwent

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name.
const Name = "derwent"

// Classification schemes of DWPI.
const (
	SchemeClass    = "dwpi_class"    // Derwent class (DC), e.g. Q25
	SchemeManual   = "dwpi_manual"   // Derwent manual code (MC), e.g. W04-X03E1A
	SchemeAssignee = "dwpi_assignee" // Derwent patentee code (AE), e.g. SCHI
)

// TextLang marks the DWPI rewritten title and abstract (Patent.TitleLang).
const TextLang = "en-x-dwpi"

// FamilyPrefix starts the family id made from the accession number.
const FamilyPrefix = "DWPI"

// Format is the Derwent Innovations Index export format.
var Format = format.Format{
	Name:        Name,
	Description: "Derwent Innovations Index export (Web of Science field-tagged .ciw/.txt FN…ER, or tab-delimited): one DWPI family per record",
	Sniff:       Sniff,
	Open:        Open,
	RecordBytes: 1500,
}

// Sniff recognises a field-tagged export by its first tags (FN/VR, or PT directly) with a PN or
// GA tag in the sample, and the tab-delimited variant by a header naming PT, PN and GA.
func Sniff(path string, head []byte) float64 {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	t := bytes.TrimLeft(head, " \t\r\n")
	ext := strings.ToLower(filepath.Ext(path))
	score := 0.0
	switch {
	case (bytes.HasPrefix(t, []byte("FN ")) || bytes.HasPrefix(t, []byte("PT "))) &&
		(bytes.Contains(t, []byte("\nPN ")) || bytes.Contains(t, []byte("\nGA ")) || bytes.Contains(t, []byte("\rPN "))):
		score = 0.95
	case bytes.HasPrefix(t, []byte("FN ")) && bytes.Contains(t, []byte("\nVR ")):
		score = 0.9
	default:
		k := format.HeadKeys(head, '\t')
		if k["pt"] && k["pn"] && k["ga"] {
			score = 0.95
		}
	}
	if score > 0 && ext != ".ciw" && ext != ".txt" && ext != ".tsv" && ext != "" {
		score -= 0.1
	}
	return score
}

// Reader reads one Derwent export. It implements format.Reader.
type Reader struct {
	file    string
	f       *os.File
	sc      *bufio.Scanner
	line    int      // lines read
	tabs    []string // tab-delimited variant: the tag of each column; nil for field-tagged
	rec     int      // records started
	queue   []item   // publications and errors of the current record, in order
	done    bool
	raw     rawRecord
	p       parser
	pending string // a line read ahead: the first tag line, found while telling the variant
}

type item struct {
	rec *patent.Record
	err error
}

// Open opens a Derwent export (field-tagged or tab-delimited, any text encoding DecodeText
// knows). An input without any record gives format.ErrEmpty.
func Open(path string, opts format.Options) (format.Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	ti, err := format.DecodeText(f, opts.Encoding)
	if err != nil {
		f.Close()
		return nil, err
	}
	r := &Reader{file: filepath.Base(path), f: f, sc: bufio.NewScanner(ti)}
	r.sc.Buffer(make([]byte, 0, 64<<10), 16<<20)
	r.p.file = r.file
	// The first non-blank line tells the variant.
	for {
		if !r.sc.Scan() {
			err := r.sc.Err()
			f.Close()
			if err != nil {
				return nil, fmt.Errorf("%s: %w", r.file, err)
			}
			return nil, fmt.Errorf("%s: %w", r.file, format.ErrEmpty)
		}
		r.line++
		l := strings.TrimPrefix(r.sc.Text(), "\uFEFF")
		if strings.TrimSpace(l) == "" {
			continue
		}
		if strings.Count(l, "\t") >= 2 && !isTagLine(l) {
			cells := strings.Split(l, "\t")
			r.tabs = make([]string, len(cells))
			for i, c := range cells {
				r.tabs[i] = strings.ToUpper(strings.TrimSpace(strings.Trim(c, `"`)))
			}
			if !containsStr(r.tabs, "PN") {
				f.Close()
				return nil, fmt.Errorf("%s: %w: a tab-delimited header without a PN column", r.file, format.ErrUnknownFormat)
			}
			return r, nil
		}
		if !isTagLine(l) {
			f.Close()
			return nil, fmt.Errorf("%s: %w: line %d is not a Derwent field tag", r.file, format.ErrUnknownFormat, r.line)
		}
		r.pending = l
		return r, nil
	}
}

// Close closes the file.
func (r *Reader) Close() error { return r.f.Close() }

// Read returns the next publication, a *format.RecordError, or io.EOF.
func (r *Reader) Read() (*patent.Record, error) {
	for len(r.queue) == 0 {
		if r.done {
			return nil, io.EOF
		}
		if err := r.next(); err != nil {
			if err == io.EOF {
				r.done = true
				continue
			}
			return nil, err
		}
	}
	it := r.queue[0]
	r.queue = r.queue[1:]
	return it.rec, it.err
}

// next reads one raw record and converts it into the queue; io.EOF at the end.
func (r *Reader) next() error {
	var ok bool
	var err error
	if r.tabs != nil {
		ok, err = r.readTabRow()
	} else {
		ok, err = r.readTagged()
	}
	if err != nil {
		return err
	}
	if !ok {
		return io.EOF
	}
	r.rec++
	r.queue = r.p.convert(&r.raw, r.rec, r.queue[:0])
	return nil
}

// isTagLine reports whether a line opens a field: two tag characters, then a space or the end.
func isTagLine(l string) bool {
	if len(l) < 2 || !(l[0] >= 'A' && l[0] <= 'Z') || !(l[1] >= 'A' && l[1] <= 'Z' || l[1] >= '0' && l[1] <= '9') {
		return false
	}
	return len(l) == 2 || l[2] == ' ' || l[2] == '\t' && len(strings.TrimSpace(l[2:])) == 0
}

// rawRecord is one record's fields: the lines of each tag, in order.
type rawRecord struct {
	line   int // line the record starts on
	fields [nTags][]string
}

func (r *rawRecord) reset(line int) {
	r.line = line
	for i := range r.fields {
		r.fields[i] = r.fields[i][:0]
	}
}

// Tags the reader uses; others are skipped.
const (
	tPN = iota
	tTI
	tAB
	tAU
	tAE
	tGA
	tDC
	tMC
	tIP
	tPD
	tAD
	tPI
	tCP
	tCR
	tUT
	tDS
	nTags
)

var tagNames = [nTags]string{"PN", "TI", "AB", "AU", "AE", "GA", "DC", "MC", "IP", "PD", "AD", "PI", "CP", "CR", "UT", "DS"}

func tagIndex(tag string) int {
	for i, n := range tagNames {
		if n == tag {
			return i
		}
	}
	return -1
}

// scan returns the next line: the one read ahead, if any, else the next of the input.
func (r *Reader) scan() (string, bool) {
	if r.pending != "" {
		l := r.pending
		r.pending = ""
		return l, true
	}
	if !r.sc.Scan() {
		return "", false
	}
	r.line++
	return r.sc.Text(), true
}

// readTagged reads lines up to and including the next "ER" into r.raw. It returns false at the
// end of the input; a record cut off by the end of the file is still returned.
func (r *Reader) readTagged() (bool, error) {
	started := false
	cur := -1
	for {
		l, ok := r.scan()
		if !ok {
			if err := r.sc.Err(); err != nil {
				return false, fmt.Errorf("%s: line %d: %w", r.file, r.line+1, err)
			}
			return started, nil
		}
		if isTagLine(l) {
			tag := l[:2]
			switch tag {
			case "FN", "VR", "EF":
				continue
			case "ER":
				if started {
					return true, nil
				}
				continue
			}
			if !started {
				started = true
				r.raw.reset(r.line)
			}
			cur = tagIndex(tag)
			if cur >= 0 {
				v := ""
				if len(l) > 3 {
					v = l[3:]
				}
				r.raw.fields[cur] = append(r.raw.fields[cur], v)
			}
			continue
		}
		if !started || cur < 0 {
			continue
		}
		r.raw.fields[cur] = append(r.raw.fields[cur], l)
	}
}

// readTabRow reads one row of the tab-delimited variant into r.raw.
func (r *Reader) readTabRow() (bool, error) {
	for {
		l, ok := r.scan()
		if !ok {
			if err := r.sc.Err(); err != nil {
				return false, fmt.Errorf("%s: line %d: %w", r.file, r.line+1, err)
			}
			return false, nil
		}
		if strings.TrimSpace(l) == "" {
			continue
		}
		r.raw.reset(r.line)
		for i, c := range strings.Split(l, "\t") {
			if i >= len(r.tabs) {
				break
			}
			t := tagIndex(r.tabs[i])
			if t < 0 || strings.TrimSpace(c) == "" {
				continue
			}
			switch t {
			case tPN, tDC, tMC, tIP, tTI, tAB, tGA, tUT:
				r.raw.fields[t] = append(r.raw.fields[t], c)
			default: // line-based fields: the lines joined by "; "
				r.raw.fields[t] = append(r.raw.fields[t], strings.Split(c, "; ")...)
			}
		}
		return true, nil
	}
}

func containsStr(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// parseDate reads "15 Jul 2004" (and ISO or other forms norm.ParseDate knows).
func parseDate(s string) (patent.Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return patent.Date{}, nil
	}
	f := strings.Fields(s)
	if len(f) == 3 && len(f[1]) == 3 {
		d, y := atoi(f[0]), atoi(f[2])
		m := 0
		for i, name := range months {
			if strings.EqualFold(f[1], name) {
				m = i + 1
				break
			}
		}
		if m == 0 || d < 1 || y < 1800 || y > 2100 || len(f[2]) != 4 {
			return patent.Date{}, norm.ErrDate
		}
		t := patent.NewDate(y, time.Month(m), d)
		if t.Day() != d { // 31 Feb rolls over
			return patent.Date{}, norm.ErrDate
		}
		return t, nil
	}
	return norm.ParseDate(s, norm.DayFirst)
}

var months = [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// atoi parses 1 to 4 digits, or returns -1.
func atoi(s string) int {
	if len(s) == 0 || len(s) > 4 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

var errNoPN = errors.New("no PN (patent number) field")
