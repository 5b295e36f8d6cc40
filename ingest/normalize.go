package ingest

import (
	"crypto/sha1"
	"encoding/hex"
	"hash/maphash"
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/patnav/patnav/internal/applicant"
	"github.com/patnav/patnav/internal/geo"
	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// normalizer applies the source-independent normalisation to every record: applicant names,
// kinds, countries and CN regions, and the family key.
type normalizer struct {
	thes *applicant.Thesaurus
	// memo caches name → (key, kind): applicant names repeat heavily (a few applicants hold most
	// patents), and normalisation plus the kind rules were a sixth of ingest CPU. Each worker
	// owns its normalizer, so the memo needs no lock; it is reset when it grows past memoMax.
	memo    nameMemo
	hs      []uint64 // the hashes of the party names of the records being normalised
	offs    []int    // normalizeAll: where each record's hashes start in hs
	scratch []uint64 // nameMemo.warm's
}

type nameFacts struct {
	key, kind string // organisation key (legal forms stripped) and kind
	person    string // person key (applicant.NormalizePerson: nothing stripped)
	han       bool   // written in Han characters (hanName)
	full      bool   // key, kind and han are set
	hasPerson bool   // person is set
}

const memoMax = 200_000

// facts returns what normalisation needs of a raw name, whose hash in the memo is h: the person
// key when person is true, else the organisation key and kind.
func (n *normalizer) facts(raw string, h uint64, person bool) nameFacts {
	e, slot := n.memo.find(raw, h)
	if e == nil {
		if len(n.memo.names) >= memoMax {
			n.memo.reset()
			_, slot = n.memo.find(raw, h)
		}
		// The key is copied: raw is a substring of its whole input row, which the memo would
		// keep alive, and comparing against keys scattered over old rows missed the cache.
		e = n.memo.add(strings.Clone(raw), h, slot)
	}
	f := &e.f
	if person && !f.hasPerson {
		// So are the keys made of it, which may be raw or a part of it (a name that normalises
		// to itself): a reader's rows share larger blocks (format.CSVReader's arena), and one
		// name kept would keep its block.
		f.person, f.hasPerson = strings.Clone(n.thes.PersonKey(raw)), true
	}
	if !person && !f.full {
		f.key, f.kind, f.han, f.full = strings.Clone(n.thes.Key(raw)), applicant.Kind(raw), hanName(raw), true
	}
	return *f
}

// nameMemo is the memo of names: an open-addressing table of 64-bit slots (32 bits of the name's
// hash beside its entry's number plus one, 0 when empty; linear probing) over the entries, at
// most half full. It replaced a map[string]nameFacts whose lookups took 1.6 of the 1M ingest's
// 22 CPU-s, one cache miss after another (7.6M party names, 30k distinct). warm reads the
// slots and entries of a chunk's names (normalizeAll) or a record's (normalize) before their
// lookups, so that the misses overlap (docs/scale.md, twenty-eighth session).
type nameMemo struct {
	seed  maphash.Seed
	slots []uint64
	names []memoName
	sink  uint64 // what warm read, kept so that its reads are not left out
}

type memoName struct {
	raw string // a copy (see facts)
	f   nameFacts
}

// hash is raw's hash in the memo.
func (m *nameMemo) hash(raw string) uint64 {
	m.init()
	return maphash.String(m.seed, raw)
}

// init gives a memo never used its seed and first table.
func (m *nameMemo) init() {
	if m.slots == nil {
		m.seed, m.slots = maphash.MakeSeed(), make([]uint64, memoSlots)
	}
}

// memoSlots is the memo's first table size.
const memoSlots = 4096

// find returns raw's entry (nil when raw is not memoised) and its slot, or the empty slot where
// it would go.
func (m *nameMemo) find(raw string, h uint64) (*memoName, uint64) {
	mask := uint64(len(m.slots) - 1)
	tag := h >> 32 << 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := m.slots[i]
		if s == 0 {
			return nil, i
		}
		if s&^0xffffffff == tag {
			if e := &m.names[uint32(s)-1]; e.raw == raw {
				return e, i
			}
		}
	}
}

// add memoises raw (owned by the memo) with no facts yet in the empty slot find gave, and returns
// its entry.
func (m *nameMemo) add(raw string, h, slot uint64) *memoName {
	if 2*(len(m.names)+1) > len(m.slots) {
		m.slots = make([]uint64, 2*len(m.slots))
		mask := uint64(len(m.slots) - 1)
		for k := range m.names {
			h := maphash.String(m.seed, m.names[k].raw)
			i := h & mask
			for m.slots[i] != 0 {
				i = (i + 1) & mask
			}
			m.slots[i] = h>>32<<32 | uint64(k+1)
		}
		_, slot = m.find(raw, h)
	}
	m.names = append(m.names, memoName{raw: raw})
	m.slots[slot] = h>>32<<32 | uint64(len(m.names))
	return &m.names[len(m.names)-1]
}

// reset forgets every name (the memo is past memoMax). The seed stays: hashes taken before the
// reset (a chunk's, normalizeAll) still find their names after it.
func (m *nameMemo) reset() {
	m.init()
	clear(m.names)
	m.names = m.names[:0]
	m.slots = make([]uint64, memoSlots)
}

// hashes appends the hashes of the parties' raw names to hs.
func (m *nameMemo) hashes(parties []patent.Party, hs []uint64) []uint64 {
	for i := range parties {
		hs = append(hs, m.hash(parties[i].NameRaw))
	}
	return hs
}

// warm reads, for the names of the hashes hs, the slot where each one's probe starts, then where
// that slot's tag is the name's the entry, then the first byte of its stored name: three rounds,
// whose reads within a round do not wait on each other, so that the lookups after find them in
// the cache. scratch is reused and returned.
func (m *nameMemo) warm(hs, scratch []uint64) []uint64 {
	m.init()
	mask := uint64(len(m.slots) - 1)
	slots := scratch[:0]
	for _, h := range hs {
		slots = append(slots, m.slots[h&mask])
	}
	var sum uint64
	for i, s := range slots { // the slots' entries whose tag is the name's (0: none)
		if s != 0 && s&^0xffffffff == hs[i]>>32<<32 {
			sum += uint64(len(m.names[uint32(s)-1].raw))
		} else {
			slots[i] = 0
		}
	}
	for _, s := range slots {
		if s != 0 {
			if e := &m.names[uint32(s)-1]; e.raw != "" {
				sum += uint64(e.raw[0])
			}
		}
	}
	m.sink = sum
	return slots
}

// normalizeAll normalises recs as normalize does each, their names' lookups in the memo read
// ahead together (nameMemo.warm): a chunk of records has a few hundred names, whose cache misses
// then overlap, where a record's few did not fill the wait.
func (n *normalizer) normalizeAll(recs []*patent.Record) {
	n.hs, n.offs = n.hs[:0], n.offs[:0]
	for _, rec := range recs {
		n.prepare(rec)
		n.offs = append(n.offs, len(n.hs))
		n.hs = n.memo.hashes(rec.Parties, n.hs)
	}
	n.scratch = n.memo.warm(n.hs, n.scratch)
	for i, rec := range recs {
		n.finish(rec, n.hs[n.offs[i]:])
	}
}

// normalize completes rec in place. Rules (docs/schema.md repeats them):
//   - party name: the thesaurus key of the raw name (applicant.Normalize unless the user's
//     thesaurus merges it), other parties get applicant.Kind; inventors are persons: kind
//     individual and applicant.NormalizePerson (no legal form stripped: "FOSTER CURTIS ASA"
//     keeps ASA), and so is an applicant named as one of the record's inventors whose name
//     could be a person's (applicant.CouldBePerson);
//   - party region: the source's country if given, else from its address (geo.FromAddress), else
//     for the first applicant from the 国省代码 value (geo.FromCode); a Han-script applicant of a
//     CN publication without other evidence is CN; else the office of the earliest priority claim
//     (the usual proxy for the applicant's country) unless that is a regional office (EP, WO …);
//   - family: the source's family id; else "P" + a hash of the sorted priority numbers (publications
//     with the same priority set share a family); else "A" + the application number; else "N" +
//     the publication number.
func (n *normalizer) normalize(rec *patent.Record) {
	n.prepare(rec)
	n.hs = n.memo.hashes(rec.Parties, n.hs[:0])
	n.scratch = n.memo.warm(n.hs, n.scratch)
	n.finish(rec, n.hs)
}

// prepare strips bidirectional controls from every text field (they only serve to show text
// reversed) and spaces around party names.
func (n *normalizer) prepare(rec *patent.Record) {
	p := &rec.Patent
	p.Title, p.Abstract, p.Claims = norm.StripBidi(p.Title), norm.StripBidi(p.Abstract), norm.StripBidi(p.Claims)
	for i := range rec.Parties {
		x := &rec.Parties[i]
		x.NameRaw, x.Address = strings.TrimSpace(norm.StripBidi(x.NameRaw)), norm.StripBidi(x.Address)
	}
}

// finish is the rest of normalize, after prepare; hs[i] is the hash of party i's name in the memo.
func (n *normalizer) finish(rec *patent.Record, hs []uint64) {
	p := &rec.Patent
	code := strings.TrimSpace(p.ApplicantProvince)
	p.ApplicantProvince, p.ApplicantCity = "", ""
	prioOffice := ""
	if len(p.Priorities) > 0 {
		prioOffice = officeOf(p.Priorities[0])
	}
	// Inventors first: an applicant who is one of the inventors is that person.
	var invBuf [8]string
	inventors := invBuf[:0]
	for i := range rec.Parties {
		if x := &rec.Parties[i]; x.Role == patent.RoleInventor {
			x.Name, x.Kind = n.facts(x.NameRaw, hs[i], true).person, patent.KindIndividual
			inventors = append(inventors, x.Name)
		}
	}
	firstApplicant := true
	for i := range rec.Parties {
		x := &rec.Parties[i]
		han := false
		if x.Role != patent.RoleInventor {
			f := n.facts(x.NameRaw, hs[i], false)
			x.Name, x.Kind, han = f.key, f.kind, f.han
			if x.Role == patent.RoleApplicant && len(inventors) > 0 {
				if pk := n.facts(x.NameRaw, hs[i], true).person; slices.Contains(inventors, pk) && applicant.CouldBePerson(x.NameRaw) {
					x.Name, x.Kind = pk, patent.KindIndividual
				}
			}
		}
		if x.Country != "" {
			if c := geo.Country(x.Country); c != "" {
				x.Country = c
			}
		}
		if x.Address != "" && (x.Province == "" || x.Country == "") {
			c, prov, city := geo.FromAddress(x.Address)
			if x.Country == "" {
				x.Country = c
			}
			if x.Province == "" && (x.Country == "CN" || x.Country == "") {
				x.Province, x.City = prov, city
			}
		}
		if x.Role != patent.RoleApplicant {
			continue
		}
		if firstApplicant {
			firstApplicant = false
			if code != "" && (x.Country == "" || x.Province == "") {
				c, prov := geo.FromCode(code)
				if x.Country == "" {
					x.Country = c
				}
				if x.Province == "" && c == "CN" {
					x.Province = prov
				}
			}
			p.ApplicantProvince, p.ApplicantCity = x.Province, x.City
		}
		if x.Country == "" && p.Jurisdiction == "CN" && han {
			x.Country = "CN"
		}
		if x.Country == "" && prioOffice != "" && !geo.IsOffice(prioOffice) {
			x.Country = prioOffice
		}
	}
	if p.FamilyID == "" {
		p.FamilyID = familyKey(p)
	}
	if p.Source != "" && p.SourceFile == "" {
		p.SourceFile = "-"
	}
}

// hanName reports whether a name is written in Han characters with no kana or hangul.
func hanName(s string) bool {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < 0x80
	}
	if ascii {
		return false
	}
	han := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r), unicode.Is(unicode.Hangul, r):
			return false
		case unicode.Is(unicode.Han, r):
			han = true
		}
	}
	return han
}

func familyKey(p *patent.Patent) string {
	if len(p.Priorities) > 0 {
		pr := p.Priorities
		if !sort.StringsAreSorted(pr) {
			pr = append([]string(nil), pr...)
			sort.Strings(pr)
		}
		var buf [256]byte
		b := buf[:0]
		last := ""
		for _, x := range pr {
			if x != last {
				b = append(append(b, x...), 0)
			}
			last = x
		}
		sum := sha1.Sum(b)
		var key [17]byte
		key[0] = 'P'
		hex.Encode(key[1:], sum[:8])
		return string(key[:])
	}
	if p.AppNumber != "" {
		return "A" + p.AppNumber
	}
	return "N" + p.PubNumber
}

func officeOf(n string) string {
	if len(n) >= 2 && n[0] >= 'A' && n[0] <= 'Z' && n[1] >= 'A' && n[1] <= 'Z' {
		return n[:2]
	}
	return ""
}

// doubleEncoded reports whether a record's title or party names hold at least two places of
// UTF-8 text read in a single-byte code page (norm.MojibakePairs): one pair can be a real
// character sequence, two in a short text are not.
func doubleEncoded(rec *patent.Record) bool {
	n := norm.MojibakePairs(rec.Patent.Title)
	for i := range rec.Parties {
		if n >= 2 {
			break
		}
		n += norm.MojibakePairs(rec.Parties[i].NameRaw)
	}
	return n >= 2
}
