package derwent

import (
	"fmt"
	"sort"
	"strings"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// parser converts raw records; it keeps scratch space between records.
type parser struct {
	file    string
	members []member
}

// member is one publication of a DWPI family.
type member struct {
	raw     string // as written in PN: EP1616785-A1
	pn      norm.PubNumber
	pubDate patent.Date
	app     string
	appDate patent.Date
	cites   []patent.Citation
	states  []string // DS: designated states
}

func (p *parser) fail(recNo, line int, tag, value string, err error) item {
	return item{err: &format.RecordError{File: p.file, Record: recNo, Line: line, Field: tag, Value: value, Err: err}}
}

// convert turns one raw record into its publications (and record errors), appended to out.
func (p *parser) convert(raw *rawRecord, recNo int, out []item) []item {
	line := raw.line
	f := &raw.fields
	// Members.
	p.members = p.members[:0]
	var bad []item
	for _, l := range f[tPN] {
		for _, v := range strings.Split(l, ";") {
			v = strings.TrimSpace(v)
			if v == "" || p.member(v) >= 0 {
				continue
			}
			pn, err := pubNumber(v)
			if err != nil {
				bad = append(bad, p.fail(recNo, line, "PN", v, format.ErrBadNumber))
				continue
			}
			p.members = append(p.members, member{raw: v, pn: pn})
		}
	}
	if len(p.members) == 0 {
		if len(bad) > 0 {
			return append(out, bad...)
		}
		return append(out, p.fail(recNo, line, "PN", "", fmt.Errorf("%w: %w", format.ErrMissingField, errNoPN)))
	}

	// Per-member facts: PD (publication date) and AD (application number and date).
	for _, l := range f[tPD] {
		fs := strings.Fields(l)
		if len(fs) < 4 {
			continue
		}
		i := p.member(fs[0])
		if i < 0 {
			continue
		}
		d, err := parseDate(strings.Join(fs[1:4], " "))
		if err != nil {
			return append(out, p.fail(recNo, line, "PD", strings.TrimSpace(l), format.ErrBadDate))
		}
		p.members[i].pubDate = d
	}
	for _, l := range f[tAD] {
		fs := strings.Fields(l)
		if len(fs) < 2 {
			continue
		}
		i := p.member(fs[0])
		if i < 0 {
			continue
		}
		year := 0
		if len(fs) >= 5 {
			d, err := parseDate(strings.Join(fs[2:5], " "))
			if err != nil {
				return append(out, p.fail(recNo, line, "AD", strings.TrimSpace(l), format.ErrBadDate))
			}
			p.members[i].appDate = d
			if d.Valid() {
				year = d.Year()
			}
		}
		p.members[i].app = norm.DWPIApp(fs[1], year)
	}

	// Priorities: "AT001202    15 Jul 2004", each number in DOCDB form (norm.DWPIApp: the year
	// comes from its own date), the earliest first (patent.ClaimPriority's order).
	var claims patent.Patent
	for _, l := range f[tPI] {
		for _, part := range strings.Split(l, ";") {
			fs := strings.Fields(part)
			if len(fs) == 0 {
				continue
			}
			var d patent.Date
			if len(fs) > 1 {
				var err error
				if d, err = parseDate(strings.Join(fs[1:], " ")); err != nil {
					return append(out, p.fail(recNo, line, "PI", strings.TrimSpace(part), format.ErrBadDate))
				}
			}
			year := 0
			if d.Valid() {
				year = d.Year()
			}
			claims.ClaimPriority(norm.DWPIApp(fs[0], year), d)
		}
	}
	prios, prioDate := claims.Priorities, claims.PriorityDate

	// Citations: lines under a member's own number are that member's.
	nPat, nNPL := -1, -1
	if len(f[tCP]) > 0 {
		nPat = 0
	}
	if len(f[tCR]) > 0 {
		nNPL = 0
	}
	for _, g := range [...]struct {
		tag  int
		kind string
	}{{tCP, patent.CitePatent}, {tCR, patent.CiteNPL}} {
		cur := 0
		for _, l := range f[g.tag] {
			t := strings.TrimSpace(l)
			if t == "" {
				continue
			}
			if i := p.member(t); i >= 0 {
				cur = i
				continue
			}
			c := patent.Citation{Kind: g.kind}
			if g.kind == patent.CitePatent {
				num := t
				if j := strings.IndexAny(t, " \t"); j >= 0 {
					num = t[:j]
				}
				if pn, err := pubNumber(num); err == nil {
					c.Cited = pn.String()
				} else {
					c.Cited = norm.CleanText(t)
				}
			} else {
				c.Cited = norm.CleanText(t)
			}
			if c.Cited != "" {
				p.members[cur].cites = append(p.members[cur].cites, c)
			}
		}
	}

	// Designated states: "WO2006005087-A1: " then "(National): AE; AG …" and "(Regional): AT …"
	// lines (the tab-delimited variant joins them with "; ").
	cur := 0
	for _, l := range f[tDS] {
		for _, tok := range strings.Split(l, ";") {
			tok = strings.TrimSpace(tok)
			if j := strings.IndexByte(tok, ':'); j >= 0 {
				if i := p.member(strings.TrimSpace(tok[:j])); i >= 0 {
					cur = i
				}
				tok = strings.TrimSpace(tok[j+1:])
			}
			if len(tok) == 2 && isUpper(tok[0]) && isUpper(tok[1]) && !containsStr(p.members[cur].states, tok) {
				p.members[cur].states = append(p.members[cur].states, tok)
			}
		}
	}

	// Shared facts.
	ga := ""
	if len(f[tGA]) > 0 {
		ga = strings.TrimSpace(f[tGA][0])
	}
	title := norm.CleanText(joinLines(f[tTI]))
	abstract := norm.CleanText(joinLines(f[tAB]))
	var parties []patent.Party
	seq := 0
	for _, l := range f[tAU] {
		for _, n := range strings.Split(l, ";") {
			if n = strings.TrimSpace(n); n != "" {
				seq++
				parties = append(parties, patent.Party{Role: patent.RoleInventor, Seq: seq, NameRaw: n})
			}
		}
	}
	var classes []patent.Classification
	seq = 0
	var names []string
	for _, l := range f[tAE] {
		for _, a := range strings.Split(l, ";") {
			name, code := splitAssignee(a)
			if name == "" || containsStr(names, name) {
				continue
			}
			names = append(names, name)
			seq++
			parties = append(parties, patent.Party{Role: patent.RoleApplicant, Seq: seq, NameRaw: name})
			if code != "" && !hasCode(classes, SchemeAssignee, code) {
				classes = append(classes, patent.Classification{Scheme: SchemeAssignee, Code: code})
			}
		}
	}
	main := true
	for _, l := range f[tIP] {
		for _, v := range strings.Split(l, ";") {
			c, err := norm.ParseClass(v)
			if err != nil || hasCode(classes, patent.IPC, c.Code) {
				continue
			}
			c.Scheme, c.IsMain = patent.IPC, main
			main = false
			classes = append(classes, c)
		}
	}
	for _, g := range [...]struct {
		tag    int
		scheme string
	}{{tDC, SchemeClass}, {tMC, SchemeManual}} {
		for _, l := range f[g.tag] {
			for _, v := range strings.Split(l, ";") {
				v = strings.TrimSpace(v)
				if j := strings.IndexByte(v, '('); j >= 0 { // "Q25 (Aircraft, aviation, cosmonautics)"
					v = strings.TrimSpace(v[:j])
				}
				if v != "" && !hasCode(classes, g.scheme, v) {
					classes = append(classes, patent.Classification{Scheme: g.scheme, Code: v})
				}
			}
		}
	}

	for i := range p.members {
		m := &p.members[i]
		rec := patent.NewRecord()
		pt := &rec.Patent
		pt.Source, pt.SourceFile, pt.SourceRecord = Name, p.file, recNo
		pt.PubNumber, pt.Jurisdiction, pt.Kind = m.pn.String(), m.pn.Office, m.pn.Kind
		pt.DocType = norm.DocType(m.pn.Office, m.pn.Kind, "")
		pt.PubDate, pt.AppNumber, pt.AppDate = m.pubDate, m.app, m.appDate
		if norm.IsGrantKind(m.pn.Office, m.pn.Kind) {
			pt.GrantDate = m.pubDate
		}
		pt.Priorities = append(pt.Priorities, prios...)
		pt.PriorityDate = prioDate
		if ga != "" {
			pt.FamilyID = FamilyPrefix + ga
		}
		pt.FamilySize = len(p.members)
		pt.Title, pt.Abstract = title, abstract
		if title != "" || abstract != "" {
			pt.TitleLang = TextLang
		}
		rec.Parties = append(rec.Parties, parties...)
		rec.Classifications = append(rec.Classifications, classes...)
		rec.Citations = append(rec.Citations, m.cites...)
		if nPat >= 0 {
			pt.CitesCount = 0
			for _, c := range m.cites {
				if c.Kind == patent.CitePatent {
					pt.CitesCount++
				}
			}
		}
		if nNPL >= 0 {
			pt.NPLCount = 0
			for _, c := range m.cites {
				if c.Kind == patent.CiteNPL {
					pt.NPLCount++
				}
			}
		}
		if len(m.states) > 0 {
			sort.Strings(m.states)
			pt.DesignatedStates = m.states
		}
		m.cites, m.states = nil, nil
		out = append(out, item{rec: rec})
	}
	return append(out, bad...)
}

// joinLines joins a field's lines, each trimmed, with one space: the text CleanText then has
// nothing to collapse in (its fast path), where indented continuation lines joined as they are
// would send every abstract through its rune-by-rune path.
func joinLines(lines []string) string {
	switch len(lines) {
	case 0:
		return ""
	case 1:
		return strings.TrimSpace(lines[0])
	}
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, l := range lines {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// member returns the index of the member written v, or -1.
func (p *parser) member(v string) int {
	for i := range p.members {
		if p.members[i].raw == v {
			return i
		}
	}
	return -1
}

// pubNumber canonicalises a DWPI patent number ("EP1616785-A1", "US2008251631-A1",
// "KR2007031267-A"). DWPI writes Korean publications of 2004 on as year + 6 digits where DOCDB
// (and Lens, Espacenet) write year + 7 ("KR20070031267A"), so a zero is put back.
func pubNumber(v string) (norm.PubNumber, error) {
	pn, err := norm.ParsePub(v, "")
	if err != nil {
		return pn, err
	}
	if pn.Office == "KR" && len(pn.Number) == 10 && (strings.HasPrefix(pn.Number, "19") || strings.HasPrefix(pn.Number, "20")) {
		pn.Number = pn.Number[:4] + "0" + pn.Number[4:]
	}
	return pn, nil
}

// splitAssignee splits "SCHIEBEL GMBH (SCHI-Non-standard)" into the name and the patentee code
// "SCHI" (the part of the bracket before "-": Non-standard, Individual, Russian … qualify it).
func splitAssignee(s string) (name, code string) {
	s = strings.TrimSpace(s)
	if strings.HasSuffix(s, ")") {
		if j := strings.LastIndexByte(s, '('); j > 0 {
			code = strings.TrimSpace(s[j+1 : len(s)-1])
			if k := strings.IndexByte(code, '-'); k >= 0 {
				code = code[:k]
			}
			if isCode(code) {
				return strings.TrimSpace(s[:j]), code
			}
			code = ""
		}
	}
	return s, ""
}

// isCode reports whether s looks like a Derwent patentee code: 4 capitals or digits.
func isCode(s string) bool {
	if len(s) != 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !(s[i] >= 'A' && s[i] <= 'Z' || s[i] >= '0' && s[i] <= '9') {
			return false
		}
	}
	return true
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

func hasCode(cs []patent.Classification, scheme, code string) bool {
	for _, c := range cs {
		if c.Scheme == scheme && c.Code == code {
			return true
		}
	}
	return false
}
