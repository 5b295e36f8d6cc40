package ingest

import (
	"crypto/sha1"
	"encoding/hex"
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
	// owns its normalizer, so the map needs no lock; it is reset when it grows past memoMax.
	memo map[string]nameFacts
}

type nameFacts struct {
	key, kind string // organisation key (legal forms stripped) and kind
	person    string // person key (applicant.NormalizePerson: nothing stripped)
	han       bool   // written in Han characters (hanName)
	full      bool   // key, kind and han are set
	hasPerson bool   // person is set
}

const memoMax = 200_000

// facts returns what normalisation needs of a raw name: the person key when person is true,
// else the organisation key and kind.
func (n *normalizer) facts(raw string, person bool) nameFacts {
	f, ok := n.memo[raw]
	store := !ok
	if person && !f.hasPerson {
		f.person, f.hasPerson, store = n.thes.PersonKey(raw), true, true
	}
	if !person && !f.full {
		f.key, f.kind, f.han, f.full = n.thes.Key(raw), applicant.Kind(raw), hanName(raw), true
		store = true
	}
	if store {
		if n.memo == nil || len(n.memo) >= memoMax {
			n.memo = make(map[string]nameFacts, 1024)
		}
		// The key is copied: raw is a substring of its whole input row, which the memo would
		// keep alive, and comparing against keys scattered over old rows missed the cache. So
		// are the keys made of it, which may be raw or a part of it (a name that normalises to
		// itself): a reader's rows share larger blocks (format.CSVReader's arena), and one name
		// kept would keep its block.
		f.key, f.person = strings.Clone(f.key), strings.Clone(f.person)
		n.memo[strings.Clone(raw)] = f
	}
	return f
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
	p := &rec.Patent
	// Bidirectional controls only serve to show text reversed: gone from every text field.
	p.Title, p.Abstract, p.Claims = norm.StripBidi(p.Title), norm.StripBidi(p.Abstract), norm.StripBidi(p.Claims)
	for i := range rec.Parties {
		x := &rec.Parties[i]
		x.NameRaw, x.Address = norm.StripBidi(x.NameRaw), norm.StripBidi(x.Address)
	}
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
			x.NameRaw = strings.TrimSpace(x.NameRaw)
			x.Name, x.Kind = n.facts(x.NameRaw, true).person, patent.KindIndividual
			inventors = append(inventors, x.Name)
		}
	}
	firstApplicant := true
	for i := range rec.Parties {
		x := &rec.Parties[i]
		han := false
		if x.Role != patent.RoleInventor {
			x.NameRaw = strings.TrimSpace(x.NameRaw)
			f := n.facts(x.NameRaw, false)
			x.Name, x.Kind, han = f.key, f.kind, f.han
			if x.Role == patent.RoleApplicant && len(inventors) > 0 {
				if pk := n.facts(x.NameRaw, true).person; slices.Contains(inventors, pk) && applicant.CouldBePerson(x.NameRaw) {
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
