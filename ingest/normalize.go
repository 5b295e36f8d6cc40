package ingest

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"
	"strings"
	"unicode"

	"github.com/patnav/patnav/internal/applicant"
	"github.com/patnav/patnav/internal/geo"
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
	key, kind string
	han       bool // written in Han characters (hanName)
	full      bool // kind and han are set (an inventor's name needs only its key)
}

const memoMax = 200_000

// facts returns the grouping key and kind of a raw name.
func (n *normalizer) facts(raw string, inventor bool) nameFacts {
	f, ok := n.memo[raw]
	if !ok {
		f.key = n.thes.Key(raw)
	}
	store := !ok
	if !inventor && !f.full {
		f.kind, f.han, f.full = applicant.Kind(raw), hanName(raw), true
		store = true
	}
	if store {
		if n.memo == nil || len(n.memo) >= memoMax {
			n.memo = make(map[string]nameFacts, 1024)
		}
		// The key is copied: raw is a substring of its whole input row, which the memo would
		// keep alive, and comparing against keys scattered over old rows missed the cache.
		n.memo[strings.Clone(raw)] = f
	}
	if inventor {
		f.kind = patent.KindIndividual
	}
	return f
}

// normalize completes rec in place. Rules (docs/schema.md repeats them):
//   - party name: the thesaurus key of the raw name (applicant.Normalize unless the user's
//     thesaurus merges it); inventors are always kind individual, other parties get
//     applicant.Kind;
//   - party region: the source's country if given, else from its address (geo.FromAddress), else
//     for the first applicant from the 国省代码 value (geo.FromCode); a Han-script applicant of a
//     CN publication without other evidence is CN; else the office of the earliest priority claim
//     (the usual proxy for the applicant's country) unless that is a regional office (EP, WO …);
//   - family: the source's family id; else "P" + a hash of the sorted priority numbers (publications
//     with the same priority set share a family); else "A" + the application number; else "N" +
//     the publication number.
func (n *normalizer) normalize(rec *patent.Record) {
	p := &rec.Patent
	code := strings.TrimSpace(p.ApplicantProvince)
	p.ApplicantProvince, p.ApplicantCity = "", ""
	prioOffice := ""
	if len(p.Priorities) > 0 {
		prioOffice = officeOf(p.Priorities[0])
	}
	firstApplicant := true
	for i := range rec.Parties {
		x := &rec.Parties[i]
		x.NameRaw = strings.TrimSpace(x.NameRaw)
		f := n.facts(x.NameRaw, x.Role == patent.RoleInventor)
		x.Name, x.Kind = f.key, f.kind
		han := f.han
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
