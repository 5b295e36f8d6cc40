package patent

import (
	"strings"
	"testing"
)

// TestResetClears: a reset record is a new record (unknown counts -1, status unknown, no parties
// or codes) whose slices keep their capacity.
func TestResetClears(t *testing.T) {
	r := NewRecord()
	r.Patent.PubNumber, r.Patent.ClaimsCount, r.Patent.LegalStatus = "CN1A", 7, "alive"
	r.Patent.Priorities = append(r.Patent.Priorities, "CN2019", "US2019")
	r.Parties = append(r.Parties, Party{NameRaw: "a"}, Party{NameRaw: "b"})
	r.Citations = append(r.Citations, Citation{Cited: "US1B2"})
	r.Reset()
	if r.Patent.PubNumber != "" || r.Patent.ClaimsCount != -1 || r.Patent.CitesCount != -1 || r.Patent.LegalStatus != Unknown {
		t.Errorf("not cleared: %+v", r.Patent)
	}
	if len(r.Parties) != 0 || len(r.Citations) != 0 || len(r.Patent.Priorities) != 0 || cap(r.Parties) < 2 || cap(r.Patent.Priorities) < 2 {
		t.Errorf("slices: %d parties (cap %d), %d citations, %d priorities (cap %d)", len(r.Parties), cap(r.Parties), len(r.Citations),
			len(r.Patent.Priorities), cap(r.Patent.Priorities))
	}
}

// TestClaimPriority: claims keep their listed order except that the earliest dated one moves to
// the front; undated claims never move; a repeated number with an earlier date moves.
func TestClaimPriority(t *testing.T) {
	d := func(y int) Date { return NewDate(y, 1, 1) }
	var p Patent
	p.ClaimPriority("US3", d(2014))
	p.ClaimPriority("XX", Date{})
	p.ClaimPriority("CN1", d(2013))
	p.ClaimPriority("US4", d(2013)) // same date as CN1: the first listed stays first
	p.ClaimPriority("", d(2015))    // a date without a number only bounds PriorityDate
	if got := strings.Join(p.Priorities, ","); got != "CN1,US3,XX,US4" || p.PriorityDate != d(2013) {
		t.Errorf("Priorities %s, date %v; want CN1,US3,XX,US4 and 2013-01-01", got, p.PriorityDate)
	}
	p.ClaimPriority("US4", d(2012))
	if got := strings.Join(p.Priorities, ","); got != "US4,CN1,US3,XX" || p.PriorityDate != d(2012) {
		t.Errorf("after an earlier date for US4: %s, %v", got, p.PriorityDate)
	}
}
