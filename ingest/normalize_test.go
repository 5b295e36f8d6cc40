package ingest

import (
	"testing"

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
			n.memo = make(map[string]nameFacts, memoMax)
			for i := 0; i < memoMax; i++ {
				n.memo[string(rune(0x10000+i))] = nameFacts{}
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
	}
}
