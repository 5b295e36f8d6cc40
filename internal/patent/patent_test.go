package patent

import "testing"

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
