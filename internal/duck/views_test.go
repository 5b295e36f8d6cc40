package duck

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/patnav/patnav/internal/lake"
	"github.com/patnav/patnav/internal/patent"
)

// TestLatestObservationRestricted: reobservations, the observations of the publications
// observed more than once made from their stored rows only (the joins with the parties restricted
// to them first), are those publications' rows of the whole observations view, and obs_latest,
// made from them, is the latest observation computed over the whole view. The lake: CN1A stored with an
// applicant's address and an owner's country, observed again later without them (so its latest
// address and owner's country can only come from the stored row's parties); CN2A observed again
// with nothing but a legal status; CN3A, with parties, observed once (not in obs_latest).
func TestLatestObservationRestricted(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "lake")
	l, err := lake.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	tx, err := l.Begin()
	if err != nil {
		t.Fatal(err)
	}
	rec := func(pub string, parties ...patent.Party) *patent.Record {
		r := patent.NewRecord()
		r.Patent.PubNumber, r.Patent.Kind, r.Patent.FamilyID = pub, "A", "F"+pub
		r.Patent.PubDate = patent.NewDate(2020, 1, 2)
		r.Patent.LegalStatus = "pending"
		r.Parties = parties
		return r
	}
	s := lake.NewRowSet(3)
	s.Append(rec("CN1A",
		patent.Party{Role: patent.RoleApplicant, Seq: 1, NameRaw: "甲公司", Name: "甲公司", Country: "CN", Address: "山东省泰安市"},
		patent.Party{Role: patent.RoleOwner, Seq: 1, NameRaw: "乙公司", Name: "乙公司", Country: "DE", Address: "Berlin"}), tx.ID)
	s.Append(rec("CN2A"), tx.ID)
	s.Append(rec("CN3A", patent.Party{Role: patent.RoleApplicant, Seq: 1, NameRaw: "丙", Name: "丙", Country: "CN", Address: "北京市"}), tx.ID)
	released := make(chan struct{})
	if err := tx.WriteRowSet(s, func() { close(released) }); err != nil {
		t.Fatal(err)
	}
	<-released
	later := int32(time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	if err := tx.WriteObservations([]lake.ObservationRow{
		{PubNumber: "CN1A", Source: "x", SourceFile: "b.csv", SourceRecord: 1, IngestID: tx.ID, Observed: later, LegalStatus: "granted"},
		{PubNumber: "CN2A", Source: "x", SourceFile: "b.csv", SourceRecord: 2, IngestID: tx.ID, Observed: later, LegalStatus: "lapsed"},
	}); err != nil {
		t.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}

	d, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	ref := latestSQL("(SELECT * FROM observations WHERE pub_number IN (SELECT pub_number FROM obs_keys))")
	for what, q := range map[string]string{
		"reobservations but not the observations' rows of obs_keys": "SELECT count(*) FROM (SELECT * FROM reobservations EXCEPT ALL SELECT * FROM observations WHERE pub_number IN (SELECT pub_number FROM obs_keys))",
		"the observations' rows of obs_keys but not reobservations": "SELECT count(*) FROM (SELECT * FROM observations WHERE pub_number IN (SELECT pub_number FROM obs_keys) EXCEPT ALL SELECT * FROM reobservations)",
		"reobservations but not CN1A's or CN2A's":                   "SELECT count(*) FROM reobservations WHERE pub_number NOT IN ('CN1A', 'CN2A')",
	} {
		r, err := d.Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if n := r.Rows[0][0]; n != int64(0) {
			t.Errorf("%d rows in %s", n, what)
		}
	}
	for what, q := range map[string]string{
		"obs_latest but not the reference": "SELECT count(*) FROM (SELECT * FROM obs_latest EXCEPT ALL (" + ref + "))",
		"the reference but not obs_latest": "SELECT count(*) FROM ((" + ref + ") EXCEPT ALL SELECT * FROM obs_latest)",
	} {
		r, err := d.Query(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		if n := r.Rows[0][0]; n != int64(0) {
			t.Errorf("%d rows in %s", n, what)
		}
	}
	r, err := d.Query(ctx, "SELECT pub_number, legal_status, applicant_address, owner_address, owner_country FROM obs_latest ORDER BY 1")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{{"CN1A", "granted", "山东省泰安市", "Berlin", "DE"}, {"CN2A", "lapsed", nil, nil, nil}}
	if len(r.Rows) != len(want) {
		t.Fatalf("obs_latest: %v, want %v", r.Rows, want)
	}
	for i, row := range r.Rows {
		for j, v := range row {
			if v != want[i][j] {
				t.Errorf("obs_latest row %d column %s = %v, want %v", i, r.Columns[j], v, want[i][j])
			}
		}
	}
}
