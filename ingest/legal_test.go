package ingest

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/duck"
	"github.com/patnav/patnav/internal/realdata"
)

// opsLegal is an OPS legal response for EP2400812A1 with events: n PG25 lapses on one date in
// the given states (the INPADOC shape: the state in L500EP/L501EP), and a grant.
func opsLegal(states ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org">
<ops:patent-family legal="true"><ops:family-member family-id="44202190">
<publication-reference><document-id document-id-type="docdb"><country>EP</country><doc-number>2400812</doc-number><kind>A1</kind><date>20111228</date></document-id></publication-reference>
<ops:legal code="AK" desc="DESIGNATED CONTRACTING STATES" infl="+"><ops:pre line="1">EP 2400812 A1 20111228AK +DESIGNATED CONTRACTING STATES</ops:pre><ops:L001EP>EP</ops:L001EP><ops:L007EP>2011-12-28</ops:L007EP><ops:L500EP><ops:L510EP>AL AT BE</ops:L510EP></ops:L500EP></ops:legal>
`)
	for _, s := range states {
		b.WriteString(`<ops:legal code="PG25" desc="LAPSED IN A CONTRACTING STATE" infl="-"><ops:L001EP>EP</ops:L001EP><ops:L007EP>2014-01-31</ops:L007EP><ops:L500EP><ops:L501EP>` + s +
			`</ops:L501EP><ops:L510EP>LAPSE BECAUSE OF FAILURE TO SUBMIT A TRANSLATION</ops:L510EP><ops:L525EP>20130627</ops:L525EP></ops:L500EP></ops:legal>
`)
	}
	b.WriteString("</ops:family-member></ops:patent-family></ops:world-patent-data>\n")
	return b.String()
}

// TestLegalEventsKept: events with the same code and date about different states are distinct
// events (stored = in the input, each with its state, effect, gazette date and text); the same
// response ingested again from another file adds no row (exact repeats are one event).
func TestLegalEventsKept(t *testing.T) {
	dir := t.TempDir()
	lk := filepath.Join(dir, "lake")
	a := filepath.Join(dir, "a", "legal.xml")
	b := filepath.Join(dir, "b", "legal_again.xml")
	states := []string{"AT", "BE", "BG", "CH", "CY", "CZ"}
	for i, p := range []string{a, b} {
		os.MkdirAll(filepath.Dir(p), 0o755)
		// The second file has one more event: the same response fetched a week later.
		x := opsLegal(states...)
		if i == 1 {
			x = opsLegal(append(states, "DE")...)
		}
		if err := os.WriteFile(p, []byte(x), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Run(context.Background(), []string{a}, Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	// 1 AK + 6 PG25 = 7 events in the input.
	got := queryRows(t, db, `SELECT count(*), count(DISTINCT state), count(*) FILTER (WHERE effect = '-'),
		min(gazette_date) FILTER (WHERE code = 'PG25'), min(text) FILTER (WHERE code = 'PG25') FROM legal_events`)
	if want := "7|7|6|2014-01-31|LAPSE BECAUSE OF FAILURE TO SUBMIT A TRANSLATION"; got[0] != want {
		t.Errorf("legal events: %s, want %s", got[0], want)
	}
	db.Close()
	if _, err := Run(context.Background(), []string{b}, Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	db, err = duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	// The 7 repeats are stored once; DE is new: 8.
	if got := queryRows(t, db, `SELECT count(*), string_agg(state, ',' ORDER BY state) FILTER (WHERE code = 'PG25') FROM legal_events`); got[0] != "8|AT,BE,BG,CH,CY,CZ,DE" {
		t.Errorf("after the second file: %s", got[0])
	}
}

// TestRealOPSLegalEvents: on the real OPS responses, the events stored for the publications of
// the legal responses are the <ops:legal> elements of the input, each with its state.
func TestRealOPSLegalEvents(t *testing.T) {
	dir := realdata.Require(t, "epo_ops_xml")
	files, _ := filepath.Glob(filepath.Join(dir, "legal_*.xml"))
	if len(files) == 0 {
		t.Skip("no OPS legal response in " + dir)
	}
	legal := regexp.MustCompile(`<ops:legal[\s>]`)
	inInput := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inInput += len(legal.FindAll(b, -1))
	}
	lk := filepath.Join(t.TempDir(), "lake")
	if _, err := Run(context.Background(), files, Options{Lake: lk, MaxBad: -1}); err != nil {
		t.Fatal(err)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	got := queryRows(t, db, `SELECT count(*), count(*) FILTER (WHERE state IS NULL) FROM legal_events`)
	if got[0] != strconv.Itoa(inInput)+"|0" {
		t.Errorf("events stored|without state = %s, in the input %d", got[0], inInput)
	}
}

// TestClaimsOnlyResponse: a folder of real OPS responses with one claims-only response ingests
// the others, reports that one as a notice, and attaches its claims to the stored publication.
func TestClaimsOnlyResponse(t *testing.T) {
	real := realdata.Require(t, "epo_ops_xml")
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	os.MkdirAll(in, 0o755)
	var n int
	for _, name := range []string{"published-data_publication_docdb_EP.2906782.A2_biblio.xml", "published-data_publication_docdb_US.10047600.B2_biblio.xml"} {
		b, err := os.ReadFile(filepath.Join(real, name))
		if err != nil {
			t.Skip(err)
		}
		os.WriteFile(filepath.Join(in, name), b, 0o644)
		n++
	}
	claims := `<?xml version="1.0" encoding="UTF-8"?>
<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org" xmlns:ftxt="http://www.epo.org/fulltext">
<ftxt:fulltext-documents><ftxt:fulltext-document system="ops.epo.org" fulltext-format="text-only">
<bibliographic-data><publication-reference data-format="docdb"><document-id><country>EP</country><doc-number>2906782</doc-number><kind>A2</kind></document-id></publication-reference></bibliographic-data>
<claims lang="EN"><claim><claim-text>1. An unmanned aerial vehicle comprising a frame.</claim-text><claim-text>2. The vehicle of claim 1.</claim-text></claim></claims>
</ftxt:fulltext-document></ftxt:fulltext-documents></ops:world-patent-data>
`
	os.WriteFile(filepath.Join(in, "published-data_publication_docdb_EP.2906782.A2_claims.xml"), []byte(claims), 0o644)
	lk := filepath.Join(dir, "lake")
	st, err := Run(context.Background(), []string{in}, Options{Lake: lk, MaxBad: -1})
	if err != nil {
		t.Fatal(err)
	}
	var notices []string
	accepted := 0
	for _, f := range st.Files {
		accepted += f.Accepted
		if f.Notice != "" {
			notices = append(notices, filepath.Base(f.Path)+": "+f.Notice)
		}
	}
	want := "published-data_publication_docdb_EP.2906782.A2_claims.xml: 0 records: claims-only response; 1 of 1 texts attached to stored publications"
	if len(notices) != 1 || notices[0] != want || accepted != n {
		t.Errorf("notices %q (want %q), %d accepted of %d files", notices, want, accepted, n)
	}
	db, err := duck.Open(context.Background(), lk)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := queryRows(t, db, `SELECT claims FROM patents WHERE pub_number = 'EP2906782A2'`); len(got) != 1 || !strings.HasPrefix(got[0], "1. An unmanned aerial vehicle") {
		t.Errorf("claims: %q", got)
	}

	// Alone, with nothing stored to attach to, it is still a notice; a corrupt file still fails.
	lk2 := filepath.Join(dir, "lake2")
	st, err = Run(context.Background(), []string{filepath.Join(in, "published-data_publication_docdb_EP.2906782.A2_claims.xml")}, Options{Lake: lk2, MaxBad: -1})
	if err != nil || st.Files[0].Notice != "0 records: claims-only response; 0 of 1 texts attached to stored publications" {
		t.Errorf("alone: %v %+v", err, st)
	}
	bad := filepath.Join(dir, "bad.xml")
	os.WriteFile(bad, []byte(`<?xml version="1.0"?><ops:world-patent-data xmlns:ops="http://ops.epo.org"><exchange-documents><exchange-document country="EP"`), 0o644)
	if _, err := Run(context.Background(), []string{bad}, Options{Lake: lk2, MaxBad: -1, Format: "epo_xml"}); err == nil || errors.Is(err, format.ErrNoRecords) {
		t.Errorf("corrupt file: %v", err)
	}
}
