package patent

import "testing"

// TestPoolClears: a recycled record is a new record (unknown counts -1, status unknown, no
// parties or codes) whose slices keep their capacity; a full pool drops what it cannot hold.
func TestPoolClears(t *testing.T) {
	p := NewPool(1)
	r := p.Get()
	r.Patent.PubNumber, r.Patent.ClaimsCount, r.Patent.LegalStatus = "CN1A", 7, "alive"
	r.Patent.Priorities = append(r.Patent.Priorities, "CN2019", "US2019")
	r.Parties = append(r.Parties, Party{NameRaw: "a"}, Party{NameRaw: "b"})
	r.Citations = append(r.Citations, Citation{Cited: "US1B2"})
	p.Put(r)
	p.Put(NewRecord()) // the pool holds one: dropped
	q := p.Get()
	if q != r {
		t.Fatal("the recycled record was not reused")
	}
	if q.Patent.PubNumber != "" || q.Patent.ClaimsCount != -1 || q.Patent.CitesCount != -1 || q.Patent.LegalStatus != Unknown {
		t.Errorf("not cleared: %+v", q.Patent)
	}
	if len(q.Parties) != 0 || len(q.Citations) != 0 || len(q.Patent.Priorities) != 0 || cap(q.Parties) < 2 || cap(q.Patent.Priorities) < 2 {
		t.Errorf("slices: %d parties (cap %d), %d citations, %d priorities (cap %d)", len(q.Parties), cap(q.Parties), len(q.Citations),
			len(q.Patent.Priorities), cap(q.Patent.Priorities))
	}
	if n := p.Get(); n == r || n.Patent.ClaimsCount != -1 {
		t.Error("an empty pool should give a fresh record")
	}
}
