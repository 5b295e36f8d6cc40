package patentsview

import (
	"errors"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// Name is the format name and the Source of every record.
const Name = "patentsview"

// EntityNote is what Reader.Note returns for an input made only of entity (lookup) tables.
const EntityNote = "entity table: used for joins only"

// Format is the PatentsView bulk-table reader.
var Format = format.Format{
	Name:        Name,
	Description: "PatentsView bulk tables (g_* and legacy .tsv/.tsv.zip): a folder joined by patent id, or one table",
	Sniff:       Sniff,
	Open: func(path string, opts format.Options) (format.Reader, error) {
		r, err := Open(path, opts)
		if err != nil {
			return nil, err
		}
		return r, nil
	},
}

// Table describes one table file of an input as the reader understood it.
type Table struct {
	File string // base name
	Kind string // patent, application, assignee, inventor, cpc, ipc, us_patent_citation, location …
	Used bool   // false when superseded by a better table of the same kind, or unused
	// Sorted is how the table is read: "stream" (in patent-id order on disk), "memory" (sorted in
	// memory), "external" (out of order, sorted through temporary runs) or "" (lookup / unused).
	Sorted string
}

type table struct {
	path   string
	file   string
	kind   kind
	rank   int
	header []string
	cols   map[string]int
	used   bool
	mode   string
}

func (t *table) get(f []string, field string) string {
	i, ok := t.cols[field]
	if !ok || i >= len(f) {
		return ""
	}
	return strings.TrimSpace(f[i])
}

func (t *table) has(field string) bool { _, ok := t.cols[field]; return ok }

// colName is the source's header name of a field, for errors.
func (t *table) colName(field string) string {
	if i, ok := t.cols[field]; ok {
		return cleanHeader(t.header[i])
	}
	return field
}

// stream is a patent-keyed table positioned on its current row.
type stream struct {
	t       *table
	src     rowSource
	cur     row
	key     string
	ok      bool
	prevKey string
	keyCol  int
}

type place struct{ city, state, country, loc string }

// Reader reads one PatentsView input. It implements format.Reader.
type Reader struct {
	tables  []*table
	streams []*stream
	pending []error
	tmp     string
	note    string

	locations   map[string]place
	rawlocs     map[string]place
	assigneeIDs map[string]string
	inventorIDs map[string]string

	b builder
}

// Tables lists the tables of the input and how each is used.
func (r *Reader) Tables() []Table {
	out := make([]Table, 0, len(r.tables))
	for _, t := range r.tables {
		out = append(out, Table{File: t.file, Kind: t.kind.String(), Used: t.used, Sorted: t.mode})
	}
	return out
}

// Note returns a remark for the pipeline's report: EntityNote when the input holds only entity
// tables (it then has no records), else "".
func (r *Reader) Note() string { return r.note }

// Open opens a PatentsView folder (every recognised table in it, sub-folders not entered) or a
// single table file.
func Open(path string, opts format.Options) (*Reader, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	r := &Reader{}
	var files []string
	if fi.IsDir() {
		ents, err := os.ReadDir(path)
		if err != nil {
			return nil, err
		}
		for _, e := range ents {
			if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
				continue
			}
			files = append(files, filepath.Join(path, e.Name()))
		}
	} else {
		files = []string{path}
	}
	empty, unknown := 0, 0
	for _, p := range files {
		s, header, err := openCSV(p, opts)
		if err != nil {
			if fi.IsDir() {
				unknown++ // unreadable file in a folder (e.g. not a table): skipped
				continue
			}
			return nil, err
		}
		s.close()
		if header == nil {
			empty++
			continue
		}
		k, rank := classify(filepath.Base(p), header)
		if k == kUnknown {
			unknown++
			continue
		}
		t := &table{path: p, file: filepath.Base(p), kind: k, rank: rank, header: header}
		t.cols = resolve(k, headerSet(header))
		r.tables = append(r.tables, t)
	}
	if len(r.tables) == 0 {
		if unknown == 0 && empty > 0 {
			return nil, fmt.Errorf("%s: %w", filepath.Base(path), format.ErrEmpty)
		}
		if unknown == 0 {
			return nil, fmt.Errorf("%s: no files: %w", filepath.Base(path), format.ErrEmpty)
		}
		return nil, fmt.Errorf("%s: not a PatentsView table (no recognised columns): %w", filepath.Base(path), format.ErrUnknownFormat)
	}
	slices.SortStableFunc(r.tables, func(a, b *table) int {
		if a.kind != b.kind {
			return int(a.kind) - int(b.kind)
		}
		return strings.Compare(a.file, b.file)
	})
	r.selectTables()
	if err := r.loadLookups(opts); err != nil {
		r.Close()
		return nil, err
	}
	if err := r.openStreams(opts); err != nil {
		r.Close()
		return nil, err
	}
	if len(r.streams) == 0 {
		r.note = EntityNote
	}
	return r, nil
}

// selectTables marks the tables the join reads.
func (r *Reader) selectTables() {
	best := map[kind]int{}
	otherKeyed := false
	for _, t := range r.tables {
		best[t.kind] = max(best[t.kind], t.rank)
		if t.kind.keyed() && t.kind != kKeyedOther {
			otherKeyed = true
		}
	}
	needLoc, needRaw, needAsg, needInv := false, false, false, false
	for _, t := range r.tables {
		t.used = t.kind.keyed() && t.rank == best[t.kind] && !(t.kind == kKeyedOther && otherKeyed)
		if !t.used {
			continue
		}
		if t.kind == kAssignee || t.kind == kInventor {
			needLoc = needLoc || t.has("loc")
			needRaw = needRaw || t.has("rawloc") && !t.has("loc")
		}
		if t.kind == kAssignee && !t.has("org") && !t.has("org2") && !t.has("first") && t.has("id") {
			needAsg = true
		}
		if t.kind == kInventor && !t.has("first") && !t.has("full") && t.has("id") {
			needInv = true
		}
	}
	for _, t := range r.tables {
		switch t.kind {
		case kLocation:
			t.used = needLoc || needRaw
		case kRawLocation:
			t.used = needRaw
		case kAssigneeEntity:
			t.used = needAsg
		case kInventorEntity:
			t.used = needInv
		}
	}
}

// loadLookups reads the used entity tables into maps.
func (r *Reader) loadLookups(opts format.Options) error {
	for _, t := range r.tables {
		if !t.used || !t.kind.lookup() {
			continue
		}
		t.mode = "lookup"
		s, _, err := openCSV(t.path, opts)
		if err != nil {
			return err
		}
		for {
			rw, err := s.next()
			if err == io.EOF {
				break
			}
			var re *format.RecordError
			if errors.As(err, &re) {
				continue
			}
			if err != nil {
				s.close()
				return err
			}
			f := rw.fields
			id := t.get(f, "key")
			if id == "" {
				continue
			}
			switch t.kind {
			case kLocation, kRawLocation:
				if r.locations == nil {
					r.locations, r.rawlocs = map[string]place{}, map[string]place{}
				}
				p := place{city: t.get(f, "city"), state: t.get(f, "state"), country: t.get(f, "country"), loc: t.get(f, "loc")}
				if t.kind == kLocation {
					r.locations[id] = p
				} else {
					r.rawlocs[id] = p
				}
			case kAssigneeEntity:
				if r.assigneeIDs == nil {
					r.assigneeIDs = map[string]string{}
				}
				r.assigneeIDs[id] = personOrOrg(t.get(f, "org"), t.get(f, "first"), t.get(f, "last"))
			case kInventorEntity:
				if r.inventorIDs == nil {
					r.inventorIDs = map[string]string{}
				}
				r.inventorIDs[id] = personOrOrg("", t.get(f, "first"), t.get(f, "last"))
			}
		}
		s.close()
	}
	return nil
}

// openStreams prepares every used patent-keyed table for the merge.
func (r *Reader) openStreams(opts format.Options) error {
	tmpDir := func() (string, error) {
		if r.tmp == "" {
			d, err := os.MkdirTemp("", "patnav-patentsview-*")
			if err != nil {
				return "", err
			}
			r.tmp = d
		}
		return r.tmp, nil
	}
	for _, t := range r.tables {
		if !t.used || !t.kind.keyed() {
			continue
		}
		col := t.cols["key"]
		var src rowSource
		fi, err := os.Stat(t.path)
		if err != nil {
			return err
		}
		small := fi.Size() <= InMemoryLimit && !strings.HasSuffix(strings.ToLower(t.path), ".zip")
		bad := 0
		if !small {
			if bad, err = isSorted(t.path, opts, col); err != nil {
				return err
			}
		}
		switch {
		case small:
			src, err = sortTable(t.path, opts, col, tmpDir)
			t.mode = "memory"
		case bad > 0:
			src, err = sortTable(t.path, opts, col, tmpDir)
			t.mode = "external"
		default:
			src, _, err = openCSV(t.path, opts)
			t.mode = "stream"
		}
		if err != nil {
			return err
		}
		s := &stream{t: t, src: src, keyCol: col}
		r.streams = append(r.streams, s)
		if err := r.advance(s); err != nil {
			return err
		}
	}
	return nil
}

// advance moves a stream to its next row with a patent id; rows without one are queued as
// record errors.
func (r *Reader) advance(s *stream) error {
	for {
		rw, err := s.src.next()
		if err == io.EOF {
			s.ok = false
			return nil
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			r.pending = append(r.pending, re)
			continue
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.t.file, err)
		}
		k := keyOf(rw.fields, s.keyCol)
		if k == "" {
			r.pending = append(r.pending, &format.RecordError{File: s.t.file, Record: rw.rec, Line: rw.line,
				Field: s.t.colName("key"), Err: format.ErrBadNumber})
			continue
		}
		if k < s.prevKey {
			return fmt.Errorf("%s: row %d (line %d): patent id %q comes after %q: table not sorted by patent id",
				s.t.file, rw.rec, rw.line, k, s.prevKey)
		}
		s.cur, s.key, s.ok, s.prevKey = rw, k, true, k
		return nil
	}
}

// Read returns the next patent record.
func (r *Reader) Read() (*patent.Record, error) {
	if len(r.pending) > 0 {
		e := r.pending[0]
		r.pending = r.pending[1:]
		return nil, e
	}
	cur, found := "", false
	for _, s := range r.streams {
		if s.ok && (!found || s.key < cur) {
			cur, found = s.key, true
		}
	}
	if !found {
		return nil, io.EOF
	}
	b := &r.b
	b.reset()
	for _, s := range r.streams {
		for s.ok && s.key == cur {
			if b.file == "" {
				b.file, b.rec1, b.line, b.keyField = s.t.file, s.cur.rec, s.cur.line, s.t.colName("key")
			}
			if b.err == nil {
				b.err = r.apply(s.t, s.cur)
			}
			if err := r.advance(s); err != nil {
				return nil, err
			}
		}
	}
	return b.finish(cur)
}

// Close releases the files and removes temporary sort runs.
func (r *Reader) Close() error {
	var first error
	for _, s := range r.streams {
		if s.src != nil {
			if err := s.src.close(); err != nil && first == nil {
				first = err
			}
		}
	}
	r.streams = nil
	if r.tmp != "" {
		os.RemoveAll(r.tmp)
		r.tmp = ""
	}
	return first
}

// partyRow is a party with its source sequence, for ordering.
type partyRow struct {
	seq   int
	party patent.Party
}

// builder accumulates one record; its slices are reused between records.
type builder struct {
	rec                  *patent.Record
	file, keyField       string
	rec1, line           int
	err                  error
	kind, typeHint       string
	hasPatent            bool
	assignees, inventors []partyRow
	classSeq             []int
	claimSeq             int
}

func (b *builder) reset() {
	b.rec = patent.NewRecord()
	b.file, b.keyField, b.err = "", "", nil
	b.rec1, b.line = 0, 0
	b.kind, b.typeHint, b.hasPatent = "", "", false
	b.assignees, b.inventors = b.assignees[:0], b.inventors[:0]
	b.classSeq = b.classSeq[:0]
	b.claimSeq = -1
}

// field-level record error.
func rowErr(t *table, rw row, field, value string, err error) *format.RecordError {
	return &format.RecordError{File: t.file, Record: rw.rec, Line: rw.line, Field: t.colName(field), Value: value, Err: err}
}

func parseDate(t *table, rw row, field string) (patent.Date, error) {
	v := t.get(rw.fields, field)
	d, err := norm.ParseDate(v, norm.DayFirst)
	if err != nil {
		return d, rowErr(t, rw, field, v, format.ErrBadDate)
	}
	return d, nil
}

func seqOf(s string, fallback int) int {
	if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
		return n
	}
	return fallback
}

// apply adds one row of table t to the record being built.
func (r *Reader) apply(t *table, rw row) error {
	b := &r.b
	p := &b.rec.Patent
	f := rw.fields
	switch t.kind {
	case kPatent:
		b.hasPatent = true
		b.rec1, b.line, b.file, b.keyField = rw.rec, rw.line, t.file, t.colName("key")
		b.kind = strings.ToUpper(t.get(f, "kind"))
		b.typeHint = t.get(f, "type")
		d, err := parseDate(t, rw, "date")
		if err != nil {
			return err
		}
		p.PubDate, p.GrantDate = d, d
		p.Title = norm.CleanText(t.get(f, "title"))
		if a := norm.CleanText(t.get(f, "abstract")); a != "" {
			p.Abstract = a
		}
		if v := t.get(f, "num_claims"); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				return rowErr(t, rw, "num_claims", v, format.ErrBadValue)
			}
			p.ClaimsCount = n
		}
		switch strings.ToLower(t.get(f, "withdrawn")) {
		case "1", "true", "t", "yes", "y":
			p.LegalRaw = "withdrawn"
			p.LegalStatus = norm.LegalStatus(p.LegalRaw)
		}
	case kApplication:
		if a := t.get(f, "app"); a != "" && p.AppNumber == "" {
			p.AppNumber = appNumber(t.get(f, "country"), a)
		}
		d, err := parseDate(t, rw, "date")
		if err != nil {
			return err
		}
		if d.Valid() && !p.AppDate.Valid() {
			p.AppDate = d
		}
	case kAbstract:
		if a := norm.CleanText(t.get(f, "text")); a != "" && p.Abstract == "" {
			p.Abstract = a
		}
	case kClaims:
		seq := seqOf(t.get(f, "seq"), -1)
		if seq < 0 {
			seq = seqOf(t.get(f, "num"), 1<<30)
		}
		if c := norm.CleanText(t.get(f, "text")); c != "" && (b.claimSeq < 0 || seq < b.claimSeq) {
			p.Claims, b.claimSeq = c, seq
		}
	case kPriority:
		an := ""
		if num := t.get(f, "number"); num != "" {
			an = appNumber(t.get(f, "country"), num)
		}
		d, err := parseDate(t, rw, "date")
		if err != nil {
			return err
		}
		p.ClaimPriority(an, d)
	case kAssignee:
		name := personOrOrg(t.get(f, "org"), t.get(f, "first"), t.get(f, "last"))
		if name == "" {
			name = cleanName(t.get(f, "org2"))
		}
		if name == "" {
			name = r.assigneeIDs[t.get(f, "id")]
		}
		if name == "" {
			return nil
		}
		pt := patent.Party{Role: patent.RoleApplicant, NameRaw: name}
		r.locate(&pt, t, f)
		b.assignees = append(b.assignees, partyRow{seq: seqOf(t.get(f, "seq"), 1<<30), party: pt})
	case kInventor:
		name := personOrOrg("", t.get(f, "first"), t.get(f, "last"))
		if name == "" {
			name = cleanName(strings.ReplaceAll(t.get(f, "full"), "_", " "))
		}
		if name == "" {
			name = r.inventorIDs[t.get(f, "id")]
		}
		if name == "" {
			return nil
		}
		seq := seqOf(t.get(f, "seq"), -1)
		if seq < 0 {
			m := t.get(f, "mention")
			seq = 1 << 30
			if i := strings.LastIndexByte(m, '-'); i >= 0 {
				seq = seqOf(m[i+1:], seq)
			}
		}
		pt := patent.Party{Role: patent.RoleInventor, NameRaw: name}
		r.locate(&pt, t, f)
		b.inventors = append(b.inventors, partyRow{seq: seq, party: pt})
	case kCPC:
		code := t.get(f, "code")
		if code == "" {
			code = t.get(f, "subclass")
		}
		b.addClass(patent.CPC, code, seqOf(t.get(f, "seq"), 1<<30))
	case kIPC:
		cls := t.get(f, "class")
		if len(cls) == 1 {
			cls = "0" + cls
		}
		code := t.get(f, "section") + cls + t.get(f, "subclass")
		if m, s := t.get(f, "main"), t.get(f, "sub"); m != "" && s != "" {
			code += m + "/" + s
		}
		b.addClass(patent.IPC, code, seqOf(t.get(f, "seq"), 1<<30))
	case kPatCite, kAppCite, kForeignCite:
		raw := t.get(f, "cited")
		if raw == "" {
			return nil
		}
		country := strings.ToUpper(t.get(f, "country"))
		if country == "" {
			country = "US"
		}
		c := patent.Citation{Kind: patent.CitePatent, Category: norm.CleanText(t.get(f, "category"))}
		c.Cited = pubNumber(country, raw, strings.ToUpper(t.get(f, "kind")))
		if c.Cited == "" {
			c.Cited = norm.CleanText(raw)
		}
		b.rec.Citations = append(b.rec.Citations, c)
	case kOtherRef:
		if txt := norm.CleanText(t.get(f, "text")); txt != "" {
			b.rec.Citations = append(b.rec.Citations, patent.Citation{Cited: txt, Kind: patent.CiteNPL})
		}
	}
	return nil
}

// locate sets the country and city of a party from its location id.
func (r *Reader) locate(pt *patent.Party, t *table, f []string) {
	var pl place
	ok := false
	if id := t.get(f, "loc"); id != "" {
		pl, ok = r.locations[id]
	} else if id := t.get(f, "rawloc"); id != "" {
		pl, ok = r.rawlocs[id]
		if ok && pl.loc != "" {
			if d, ok2 := r.locations[pl.loc]; ok2 {
				pl = d
			}
		}
	}
	if !ok {
		return
	}
	if c := strings.ToUpper(strings.TrimSpace(pl.country)); len(c) == 2 {
		pt.Country = c
	}
	pt.City = norm.CleanText(pl.city)
	var parts []string
	for _, s := range []string{pt.City, norm.CleanText(pl.state), strings.TrimSpace(pl.country)} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	pt.Address = strings.Join(parts, ", ")
}

// addClass adds a classification code, deduplicated per scheme, remembering its sequence.
func (b *builder) addClass(scheme, code string, seq int) {
	c, err := norm.ParseClass(code)
	if err != nil {
		return
	}
	c.Scheme = scheme
	for i, x := range b.rec.Classifications {
		if x.Scheme == scheme && x.Code == c.Code {
			b.classSeq[i] = min(b.classSeq[i], seq)
			return
		}
	}
	b.rec.Classifications = append(b.rec.Classifications, c)
	b.classSeq = append(b.classSeq, seq)
}

// finish completes the record of patent id key.
func (b *builder) finish(key string) (*patent.Record, error) {
	if b.err != nil {
		return nil, b.err
	}
	rec := b.rec
	p := &rec.Patent
	pub, err := norm.ParsePub(usID(key), b.kind)
	if err != nil {
		return nil, &format.RecordError{File: b.file, Record: b.rec1, Line: b.line, Field: b.keyField, Value: key, Err: format.ErrBadNumber}
	}
	p.PubNumber, p.Jurisdiction, p.Kind = pub.String(), pub.Office, pub.Kind
	hint := typeHint(b.typeHint)
	if !b.hasPatent {
		hint = prefixHint(pub.Number)
	}
	p.DocType = norm.DocType(pub.Office, pub.Kind, hint)
	p.Source, p.SourceFile, p.SourceRecord = Name, b.file, b.rec1
	for _, ps := range [][]partyRow{b.assignees, b.inventors} {
		slices.SortStableFunc(ps, func(a, b partyRow) int { return a.seq - b.seq })
		for i := range ps {
			ps[i].party.Seq = i + 1
			rec.Parties = append(rec.Parties, ps[i].party)
		}
	}
	for _, scheme := range []string{patent.CPC, patent.IPC} {
		best := -1
		for i, c := range rec.Classifications {
			if c.Scheme == scheme && (best < 0 || b.classSeq[i] < b.classSeq[best]) {
				best = i
			}
		}
		if best >= 0 {
			rec.Classifications[best].IsMain = true
		}
	}
	b.rec = nil
	return rec, nil
}

// usID turns a PatentsView patent id into a number ParsePub reads: "US" prefixed unless present.
func usID(id string) string {
	u := strings.ToUpper(id)
	if strings.HasPrefix(u, "US") && len(u) > 2 && (u[2] >= '0' && u[2] <= '9' || u[2] == ' ' || u[2] == '-') {
		return id
	}
	return "US" + id
}

// pubNumber canonicalises a cited number with its office; "" when it does not parse.
func pubNumber(country, num, kind string) string {
	s := num
	switch {
	case country == "US":
		s = usID(num)
	case norm.OfficeOf(num) != country:
		s = country + num
	}
	p, err := norm.ParsePub(s, kind)
	if err != nil {
		return ""
	}
	return p.String()
}

// appNumber canonicalises an application number, adding the office (default US) when the number
// does not start with it.
func appNumber(country, num string) string {
	c := strings.ToUpper(strings.TrimSpace(country))
	if len(c) != 2 {
		c = "US"
	}
	if norm.OfficeOf(num) != c {
		num = c + num
	}
	return norm.AppNumber(num)
}

// typeHint maps a PatentsView patent type to a norm.DocType hint.
func typeHint(t string) string {
	switch strings.ToLower(strings.TrimSpace(t)) {
	case "utility":
		return "invention"
	case "design":
		return "design"
	case "plant":
		return "plant"
	}
	return ""
}

// prefixHint guesses the document type from a US grant number's series prefix.
func prefixHint(num string) string {
	switch {
	case strings.HasPrefix(num, "D"):
		return "design"
	case strings.HasPrefix(num, "PP"):
		return "plant"
	case allDigits(num):
		return "invention"
	}
	return ""
}

// cleanName decodes HTML entities (USPTO-derived names carry &Hcirc; and the like) and trims.
func cleanName(s string) string {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	return strings.TrimSpace(s)
}

// personOrOrg returns the organisation name, else "first last".
func personOrOrg(org, first, last string) string {
	if o := cleanName(org); o != "" {
		return o
	}
	first, last = cleanName(first), cleanName(last)
	switch {
	case first != "" && last != "":
		return first + " " + last
	case first != "":
		return first
	}
	return last
}
