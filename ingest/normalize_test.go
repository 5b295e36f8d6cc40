package ingest

import (
	"crypto/sha1"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/patnav/patnav/internal/patent"
)

// TestNormalizeMemo: the per-worker memo gives the same answers as a fresh normalisation,
// whichever role meets a name first (an inventor's entry lacks the kind until an applicant
// needs it), and after the memo is reset.
func TestNormalizeMemo(t *testing.T) {
	mk := func(parties ...patent.Party) *patent.Record {
		r := patent.NewRecord()
		r.Patent.PubNumber, r.Patent.Jurisdiction = "CN1A", "CN"
		r.Patent.Priorities = []string{"EP2019000001"}
		r.Parties = parties
		return r
	}
	type want struct{ name, kind, country string }
	check := func(n *normalizer, r *patent.Record, w ...want) {
		t.Helper()
		n.normalize(r)
		for i, x := range r.Parties {
			if x.Name != w[i].name || x.Kind != w[i].kind || x.Country != w[i].country {
				t.Errorf("party %d (%s %q) = %q %s %q, want %q %s %q", i, x.Role, x.NameRaw, x.Name, x.Kind, x.Country, w[i].name, w[i].kind, w[i].country)
			}
		}
	}
	inv := func(s string) patent.Party { return patent.Party{Role: patent.RoleInventor, NameRaw: s} }
	app := func(s string) patent.Party { return patent.Party{Role: patent.RoleApplicant, NameRaw: s} }
	for _, memoMaxed := range []bool{false, true} {
		n := &normalizer{}
		if memoMaxed {
			for i := 0; i < memoMax; i++ {
				raw := string(rune(0x10000 + i))
				h := n.memo.hash(raw)
				_, slot := n.memo.find(raw, h)
				n.memo.add(raw, h, slot)
			}
		}
		// First seen as an inventor, then as an applicant: the applicant gets its own kind.
		check(n, mk(inv(" 华为技术有限公司 ")), want{"华为技术", patent.KindIndividual, ""})
		check(n, mk(app("华为技术有限公司"), inv("华为技术有限公司")),
			want{"华为技术", patent.KindEnterprise, "CN"}, want{"华为技术", patent.KindIndividual, ""})
		// A Latin-script applicant of a CN publication takes the priority office only when
		// it is a national one (EP is not).
		check(n, mk(app("Acme Corp.")), want{"ACME", patent.KindEnterprise, ""})
		check(n, mk(app("清华大学")), want{"清华大学", patent.KindUniversity, "CN"})
		// A person keeps words that look like legal forms (lens_drones_2017_raw.csv lists
		// FOSTER CURTIS ASA as applicant and inventor: Asa is a given name). The same name
		// as an applicant with no such inventor is read as an enterprise (ASA, Norwegian).
		check(n, mk(app("FOSTER CURTIS ASA"), inv("Foster Curtis Asa")),
			want{"FOSTER CURTIS ASA", patent.KindIndividual, ""}, want{"FOSTER CURTIS ASA", patent.KindIndividual, ""})
		check(n, mk(inv("LI SE")), want{"LI SE", patent.KindIndividual, ""})
		check(n, mk(app("FOSTER CURTIS ASA")), want{"FOSTER CURTIS", patent.KindEnterprise, ""})
	}
}

// TestNormalizeMemoOwnsItsStrings: nothing the memo keeps points into the row a name came from
// (a reader's rows share arena chunks, and one kept name would keep its chunk), also for names
// whose keys are the raw name itself.
func TestNormalizeMemoOwnsItsStrings(t *testing.T) {
	row := strings.Repeat("x", 100) + "LI SE" + "FOSTER CURTIS ASA" + "华为" + strings.Repeat("y", 100)
	lo, hi := uintptr(unsafe.Pointer(unsafe.StringData(row))), uintptr(unsafe.Pointer(unsafe.StringData(row)))+uintptr(len(row))
	inRow := func(s string) bool {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		return s != "" && p >= lo && p < hi
	}
	n := &normalizer{}
	for _, name := range []string{row[100:105], row[105:122], row[122:128]} {
		n.facts(name, n.memo.hash(name), true)
		n.facts(name, n.memo.hash(name), false)
	}
	if len(n.memo.names) != 3 {
		t.Fatalf("%d names memoised, want 3", len(n.memo.names))
	}
	for _, e := range n.memo.names {
		if k, f := e.raw, e.f; inRow(k) || inRow(f.key) || inRow(f.person) || inRow(f.kind) {
			t.Errorf("the memo's entry for %q points into the row: %+v", k, f)
		}
	}
}

// TestFamilyKey: the key of a priority set is "P" + the first 16 hex digits of the SHA-1 of its
// sorted, distinct numbers, each followed by a zero byte, so that the same set gives the same
// family in every ingest (the value is part of the lake: it must never change); the order and
// repeats of the claims do not matter.
func TestFamilyKey(t *testing.T) {
	key := func(prios ...string) string {
		return familyKey(&patent.Patent{Priorities: prios, AppNumber: "CN1", PubNumber: "CN2A"})
	}
	want := "P" + fmt.Sprintf("%x", sha1.Sum([]byte("EP2019000001\x00US201962000001\x00")))[:16]
	for _, got := range []string{key("EP2019000001", "US201962000001"), key("US201962000001", "EP2019000001"),
		key("US201962000001", "EP2019000001", "US201962000001")} {
		if got != want {
			t.Errorf("familyKey = %s, want %s", got, want)
		}
	}
	if got := key(); got != "ACN1" {
		t.Errorf("no priorities: %s, want ACN1", got)
	}
	if got := familyKey(&patent.Patent{PubNumber: "CN2A"}); got != "NCN2A" {
		t.Errorf("no priorities nor application: %s", got)
	}
	long := strings.Repeat("X", 300)
	if got := key(long); got != "P"+fmt.Sprintf("%x", sha1.Sum([]byte(long+"\x00")))[:16] {
		t.Errorf("long priority number: %s", got)
	}
}

// TestNameMemo: names forced onto a few hashes (one place with the same or another tag, the next
// place, the table's last place that wraps to its first) are kept apart by their bytes; the memo
// answers as a map over 4,000 random lookups, and keeps every name and its facts as its table
// grows (to 65,536 slots for 30,000 names, at most half full), until reset.
func TestNameMemo(t *testing.T) {
	var m nameMemo
	m.init()
	last := uint64(len(m.slots) - 1)
	hashes := []uint64{5, 5 | 7<<32, 6, 6 | 7<<32, last, last | 9<<32, 0, 1 << 32}
	rng := rand.New(rand.NewPCG(3, 4))
	want := map[string]string{}
	hashOf := map[string]uint64{}
	for i := range 4000 {
		raw := fmt.Sprintf("N%d", rng.IntN(1500))
		if _, ok := hashOf[raw]; !ok {
			hashOf[raw] = hashes[rng.IntN(len(hashes))]
		}
		e, slot := m.find(raw, hashOf[raw])
		k, had := want[raw]
		if (e != nil) != had || (had && e.f.key != k) {
			t.Fatalf("lookup %d (%s) = %v, want %v %q", i, raw, e, had, k)
		}
		if e == nil {
			e = m.add(raw, hashOf[raw], slot)
			e.f.key = fmt.Sprintf("K%d", i)
			want[raw] = e.f.key
		}
	}
	if len(m.names) != len(want) {
		t.Fatalf("%d names, want %d", len(m.names), len(want))
	}

	var g nameMemo
	for i := range 30000 {
		raw := fmt.Sprintf("Name %d", i)
		h := g.hash(raw)
		e, slot := g.find(raw, h)
		if e != nil {
			t.Fatalf("%s found before it was added", raw)
		}
		g.add(raw, h, slot).f.key = raw + " key"
		if 2*len(g.names) > len(g.slots) {
			t.Fatalf("%d names in %d slots", len(g.names), len(g.slots))
		}
	}
	if len(g.slots) != 65536 {
		t.Errorf("%d slots for 30,000 names, want 65536", len(g.slots))
	}
	for i := range 30000 {
		raw := fmt.Sprintf("Name %d", i)
		if e, _ := g.find(raw, g.hash(raw)); e == nil || e.f.key != raw+" key" {
			t.Fatalf("%s lost: %v", raw, e)
		}
	}
	g.reset()
	if e, _ := g.find("Name 1", g.hash("Name 1")); e != nil || len(g.names) != 0 {
		t.Errorf("after reset: %v, %d names", e, len(g.names))
	}
}

// TestNameMemoWarm: hashes gives each party's hash in the memo, and warm over them, with names
// memoised or not (the empty name too), memoises nothing.
func TestNameMemoWarm(t *testing.T) {
	n := &normalizer{}
	parties := []patent.Party{{NameRaw: "Acme Corp."}, {NameRaw: "Foster Curtis"}, {NameRaw: ""}}
	n.facts("Acme Corp.", n.memo.hash("Acme Corp."), false)
	hs := n.memo.hashes(parties, nil)
	n.memo.warm(hs, nil)
	for i, x := range parties {
		if hs[i] != n.memo.hash(x.NameRaw) {
			t.Errorf("party %d: hash %x, want %x", i, hs[i], n.memo.hash(x.NameRaw))
		}
	}
	if e, _ := n.memo.find("", hs[2]); e != nil {
		t.Error("warm memoised a name")
	}
}

// TestNormalizeAllIsNormalize: records normalised a chunk at a time (normalizeAll) come out as
// normalised one by one, over 3,000 random records whose parties draw on 40 names (with spaces
// and bidirectional controls around them, Han and Latin, a person named as applicant and
// inventor, the empty name) in chunks of 1 to 70, the memo reset before its first use and between
// some chunks; without resets the memo ends with each distinct name once.
func TestNormalizeAllIsNormalize(t *testing.T) {
	names := []string{"", "  ", "华为技术有限公司", " 华为技术有限公司 ", "Acme Corp.", "\u202eAcme Corp.\u202c", "FOSTER CURTIS ASA",
		"Foster Curtis Asa", "清华大学", "LI SE", "Li Se", "株式会社デンソー", "삼성전자", "SZ DJI TECHNOLOGY CO LTD"}
	for i := len(names); i < 40; i++ {
		names = append(names, fmt.Sprintf("Company %d GmbH", i))
	}
	roles := []string{patent.RoleApplicant, patent.RoleInventor, patent.RoleOwner}
	rng := rand.New(rand.NewPCG(5, 6))
	mk := func() *patent.Record {
		r := patent.NewRecord()
		r.Patent.PubNumber = fmt.Sprintf("CN%dA", rng.IntN(1000))
		r.Patent.Jurisdiction = []string{"CN", "US", "EP"}[rng.IntN(3)]
		if rng.IntN(2) == 0 {
			r.Patent.Priorities = []string{[]string{"EP2019000001", "US201962000001", "WO2019CN1"}[rng.IntN(3)]}
		}
		if rng.IntN(4) == 0 {
			r.Patent.ApplicantProvince = "44"
		}
		for range rng.IntN(7) {
			x := patent.Party{Role: roles[rng.IntN(len(roles))], NameRaw: names[rng.IntN(len(names))]}
			if rng.IntN(5) == 0 {
				x.Address = "广东省深圳市南山区"
			}
			if rng.IntN(6) == 0 {
				x.Country = "Germany"
			}
			r.Parties = append(r.Parties, x)
		}
		return r
	}
	var one, all, third []*patent.Record
	for range 3000 {
		r := mk()
		c, d := *r, *r
		c.Parties = append([]patent.Party(nil), r.Parties...)
		d.Parties = append([]patent.Party(nil), r.Parties...)
		one, all, third = append(one, r), append(all, &c), append(third, &d)
	}
	a, b := &normalizer{}, &normalizer{}
	for _, r := range one {
		a.normalize(r)
	}
	b.memo.reset() // a memo reset before its first use
	for rest := all; len(rest) > 0; {
		n := min(len(rest), 1+rng.IntN(70))
		if rng.IntN(10) == 0 {
			b.memo.reset()
		}
		b.normalizeAll(rest[:n])
		rest = rest[n:]
	}
	for i := range one {
		if !reflect.DeepEqual(one[i], all[i]) {
			t.Fatalf("record %d: one by one %+v\n%+v\nin chunks %+v\n%+v", i, one[i].Patent, one[i].Parties, all[i].Patent, all[i].Parties)
		}
	}
	// Each record's names are looked up with their own hashes: without resets the memo holds
	// each distinct name once (a name looked up with another's hash would be memoised again).
	c := &normalizer{}
	for rest := third; len(rest) > 0; {
		n := min(len(rest), 1+rng.IntN(70))
		c.normalizeAll(rest[:n])
		rest = rest[n:]
	}
	distinct := map[string]bool{}
	for _, r := range one {
		for _, x := range r.Parties {
			distinct[x.NameRaw] = true
		}
	}
	if len(c.memo.names) != len(distinct) {
		t.Errorf("%d names memoised, want the %d distinct names", len(c.memo.names), len(distinct))
	}
}
