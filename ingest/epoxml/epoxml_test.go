package epoxml

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the current output")

// goldenOut is what a golden file holds: the records and the record errors of one fixture.
type goldenOut struct {
	Records []*patent.Record
	Errors  []string
	Fatal   string `json:",omitempty"`
}

func readFile(t testing.TB, path string) goldenOut {
	t.Helper()
	r, err := Format.Open(path, format.Options{})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer r.Close()
	recs, bad, err := format.ReadAll(r)
	out := goldenOut{Records: recs}
	for _, b := range bad {
		out.Errors = append(out.Errors, b.Error())
	}
	if err != nil {
		out.Fatal = err.Error()
	}
	return out
}

func TestGolden(t *testing.T) {
	fixtures, err := filepath.Glob("testdata/*.xml")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, fx := range fixtures {
		t.Run(filepath.Base(fx), func(t *testing.T) {
			got, err := json.MarshalIndent(readFile(t, fx), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			formattest.Golden(t, strings.TrimSuffix(fx, ".xml")+".golden.json", got, *update)
		})
	}
}

// TestFixtureFacts pins the decisions the golden files encode, so that a careless -update
// cannot silently change them.
func TestFixtureFacts(t *testing.T) {
	b := readFile(t, "testdata/biblio_ops.xml")
	if len(b.Records) != 2 || len(b.Errors) != 0 {
		t.Fatalf("biblio: %d records, errors %v", len(b.Records), b.Errors)
	}
	cn := b.Records[0]
	p := cn.Patent
	check := func(name, got, want string) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %q, want %q", name, got, want)
		}
	}
	check("pub", p.PubNumber, "CN104968889A")
	check("app", p.AppNumber, "CN201380062258A")
	check("appdate", p.AppDate.String(), "2013-10-11")
	check("prio date", p.PriorityDate.String(), "2012-10-12")
	check("prios", strings.Join(p.Priorities, ","), "US201261713164P,US2013064552W") // the 2012 provisional first: the earliest claim
	check("title", p.Title, "Attitude reference for tieback/overlap processing")
	check("titlelang", p.TitleLang, "en")
	check("abstract", p.Abstract, "A method for calculating orientation changes within a borehole using a gyro sensor (H2O free). Second paragraph.")
	check("family", p.FamilyID, "12345678")
	// One party per person: the docdb list, in sequence order, with residence country.
	if len(cn.Parties) != 3 {
		t.Fatalf("parties %+v", cn.Parties)
	}
	check("app1", cn.Parties[0].NameRaw+"|"+cn.Parties[0].Country, "SCHLUMBERGER TECHNOLOGY CORP|US")
	check("app2", cn.Parties[1].NameRaw+"|"+cn.Parties[1].Country, "SCIENT DRILLING INT|US")
	check("inv1", cn.Parties[2].NameRaw+"|"+cn.Parties[2].Role, "VANSTEENWYK BRETT|inventor")
	// IPCR: the F-flagged one is main even with sequence 2; duplicate and bad codes dropped.
	var codes []string
	for _, c := range cn.Classifications {
		codes = append(codes, fmt.Sprintf("%s:%s:%v", c.Scheme, c.Code, c.IsMain))
	}
	check("classes", strings.Join(codes, " "), "ipc:E21B47/0228:false ipc:H04W84/20:true cpc:E21B47/02216:true cpc:B60R2011/0043:false")
	// Citations: deduplicated, docdb canonical, categories.
	if p.CitesCount != 4 || p.NPLCount != 1 {
		t.Errorf("cites %d npl %d", p.CitesCount, p.NPLCount)
	}
	check("cite1", cn.Citations[0].Cited+"|"+cn.Citations[0].Category, "US20120057518A1|XY")
	check("cite2", cn.Citations[1].Cited+"|"+cn.Citations[1].Category, "US6859910B2|A")
	check("cite3", cn.Citations[2].Cited+"|"+cn.Citations[2].Category, "WO2014059282|Y")

	ca := b.Records[1]
	check("ca title (no English: first, French)", ca.Patent.Title+"|"+ca.Patent.TitleLang, "METHODE COMBINEE D'EVALUATION|fr")
	check("ca abstract", ca.Patent.Abstract, "Un appareil de télémesure.")
	check("ca app", ca.Patent.AppNumber, "CA20002300029")
	check("ca grant", ca.Patent.GrantDate.String(), "2005-11-01")
	check("ca epodoc party", ca.Parties[0].NameRaw+"|"+ca.Parties[0].Country, "SCIENT DRILLING INT|US")
	check("ca inv2", ca.Parties[2].NameRaw, "TOWLE JAMES N")

	bulk := readFile(t, "testdata/docdb_bulk.xml")
	if len(bulk.Records) != 2 || len(bulk.Errors) != 1 || bulk.Fatal != "" {
		t.Fatalf("bulk: %d records, errors %v, fatal %q", len(bulk.Records), bulk.Errors, bulk.Fatal)
	}
	us := bulk.Records[0]
	check("bulk pub", us.Patent.PubNumber, "US20120057518A1")
	check("bulk title", us.Patent.Title, "MESH & RELAY NETWORK")
	check("bulk app1", us.Parties[0].NameRaw+"|"+us.Parties[0].Country, "ACME WIRELESS INC|US")
	check("bulk inv1 (docdba, no docdb)", us.Parties[2].NameRaw, "Müller, Hans")
	check("bulk ru", bulk.Records[1].Patent.PubNumber+"|"+bulk.Records[1].Patent.Title, "RU2015117646A|УГЛОВАЯ ОРИЕНТАЦИЯ")
	if bulk.Records[1].Patent.SourceRecord != 3 {
		t.Errorf("RU record number %d, want 3", bulk.Records[1].Patent.SourceRecord)
	}

	legal := readFile(t, "testdata/legal_ops.xml")
	if len(legal.Records) != 2 {
		t.Fatalf("legal: %+v", legal)
	}
	check("legal status", legal.Records[0].Patent.LegalStatus+"|"+legal.Records[0].Patent.LegalRaw, "lapsed|LAPSED")
	check("legal status 2", legal.Records[1].Patent.LegalStatus+"|"+legal.Records[1].Patent.LegalRaw, "alive|FEE PAYMENT")

	fam := readFile(t, "testdata/family_ops.xml")
	if len(fam.Records) != 3 {
		t.Fatalf("family: %d records", len(fam.Records))
	}
	check("family B1", fam.Records[1].Patent.PubNumber+"|"+fam.Records[1].Patent.GrantDate.String(), "EP2906782B1|2019-01-02")

	reg := readFile(t, "testdata/register_ops.xml")
	if len(reg.Records) != 2 {
		t.Fatalf("register: %d records", len(reg.Records))
	}
	rp := reg.Records[1]
	check("reg pub", rp.Patent.PubNumber+"|"+rp.Patent.AppNumber+"|"+rp.Patent.LegalStatus, "EP3082535B1|EP14833316A|alive")
	check("reg applicant (latest group)", rp.Parties[0].NameRaw+"|"+rp.Parties[0].Country+"|"+rp.Parties[0].Address, "Toaster Holdings GmbH|AT|Hauptstraße 1, 10115 Berlin")
	check("reg inventor order", rp.Parties[1].NameRaw, "BUCKALTER, Amy")
}

// readString runs the reader over an in-memory document written to a temporary file.
func readString(t testing.TB, name, doc string) ([]*patent.Record, []*format.RecordError, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(doc), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Format.Open(path, format.Options{})
	if err != nil {
		return nil, nil, err
	}
	defer r.Close()
	return format.ReadAll(r)
}

const bulkHead = `<?xml version="1.0" encoding="UTF-8"?>
<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange">
`

func doc(country, num, kind, date, extra string) string {
	return fmt.Sprintf(`<exch:exchange-document country=%q doc-number=%q kind=%q family-id="1">
<exch:bibliographic-data>
<exch:publication-reference data-format="docdb"><document-id><country>%s</country><doc-number>%s</doc-number><kind>%s</kind><date>%s</date></document-id></exch:publication-reference>
%s
</exch:bibliographic-data>
</exch:exchange-document>
`, country, num, kind, country, num, kind, date, extra)
}

func TestRecordErrors(t *testing.T) {
	cases := []struct {
		name   string
		body   string
		record int
		line   int
		field  string
		value  string
		sent   error
	}{
		{"bad pub date", doc("EP", "1", "A1", "20151340", ""), 2, 9, "publication-reference/document-id/date", "20151340", format.ErrBadDate},
		{"no number", `<exch:exchange-document family-id="2"><exch:bibliographic-data/></exch:exchange-document>` + "\n", 2, 9, "exchange-document/@doc-number", "", format.ErrBadNumber},
		{"bad number", `<exch:exchange-document country="EP" doc-number="???" kind="A1"/>` + "\n", 2, 9, "exchange-document/@doc-number", "EP ??? A1", format.ErrBadNumber},
		{"bad priority date", doc("EP", "1", "A1", "20150101", `<exch:priority-claims><exch:priority-claim sequence="1" data-format="docdb"><document-id><country>US</country><doc-number>1</doc-number><kind>A</kind><date>2015-99-01</date></document-id></exch:priority-claim></exch:priority-claims>`), 2, 9, "priority-claim/document-id/date", "2015-99-01", format.ErrBadDate},
		{"deleted", `<exch:exchange-document country="EP" doc-number="1" kind="A1" status="D"/>` + "\n", 2, 9, "exchange-document/@status", "D", ErrDeleted},
		{"syntax error", doc("EP", "1", "A1", "20150101", `<exch:invention-title>a</b></exch:invention-title>`), 2, 9, "exchange-document", "", format.ErrBadRecord},
		{"billion laughs", doc("EP", "1", "A1", "20150101", `<exch:invention-title>&lol9;</exch:invention-title>`), 2, 9, "exchange-document", "", format.ErrBadRecord},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := bulkHead + doc("US", "2012057518", "A1", "20120308", "") + c.body + doc("US", "6859910", "B2", "20050301", "") + "</exch:exchange-documents>\n"
			recs, bad, err := readString(t, "bulk.xml", in)
			if err != nil {
				t.Fatalf("fatal: %v", err)
			}
			if len(recs) != 2 || recs[0].Patent.PubNumber != "US20120057518A1" || recs[1].Patent.PubNumber != "US6859910B2" {
				t.Fatalf("records around the bad one: %d", len(recs))
			}
			if recs[1].Patent.SourceRecord != 3 {
				t.Errorf("record after the bad one numbered %d", recs[1].Patent.SourceRecord)
			}
			if len(bad) != 1 {
				t.Fatalf("record errors: %v", bad)
			}
			e := bad[0]
			if e.File != "bulk.xml" || e.Record != c.record || e.Line != c.line || e.Field != c.field || !errors.Is(e, c.sent) {
				t.Errorf("got %+v (%v)", *e, e)
			}
			if c.value != "" && e.Value != c.value {
				t.Errorf("value %q, want %q", e.Value, c.value)
			}
		})
	}
}

func TestTruncated(t *testing.T) {
	full := bulkHead + doc("US", "2012057518", "A1", "20120308", "") + doc("EP", "1000000", "A1", "20000517", "")
	cut := full[:len(full)-60]
	recs, bad, err := readString(t, "cut.xml", cut)
	if err != nil {
		t.Fatalf("fatal: %v", err)
	}
	if len(recs) != 1 || len(bad) != 1 || bad[0].Record != 2 || bad[0].Line != 9 || !strings.Contains(bad[0].Value, "truncated") {
		t.Fatalf("recs %d bad %v", len(recs), bad)
	}
	// Missing closing wrapper only: no record is lost, no error.
	recs, bad, err = readString(t, "nowrap.xml", full)
	if err != nil || len(recs) != 2 || len(bad) != 0 {
		t.Fatalf("unclosed wrapper: %d %v %v", len(recs), bad, err)
	}
}

func TestEmptyAndNotXML(t *testing.T) {
	for _, in := range []string{"", "  \n\t\n"} {
		if _, _, err := readString(t, "empty.xml", in); !errors.Is(err, format.ErrEmpty) {
			t.Errorf("%q: %v, want ErrEmpty", in, err)
		}
	}
	_, _, err := readString(t, "none.xml", `<?xml version="1.0"?><ops:world-patent-data xmlns:ops="http://ops.epo.org"><ops:biblio-search total-result-count="0"/></ops:world-patent-data>`)
	if !errors.Is(err, format.ErrEmpty) {
		t.Errorf("no records: %v, want ErrEmpty", err)
	}
	_, _, err = readString(t, "junk.xml", "<a><b></a>")
	if err == nil || errors.Is(err, format.ErrEmpty) || !strings.Contains(err.Error(), "line 1") {
		t.Errorf("junk: %v", err)
	}
}

// TestEntities: internal entity definitions are not expanded (encoding/xml rejects undefined
// entities), external SYSTEM entities are never fetched, and neither hangs.
func TestEntities(t *testing.T) {
	laughs := `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange">
` + doc("EP", "1", "A1", "20150101", `<exch:invention-title>&lol3;</exch:invention-title>`) + doc("EP", "2", "A1", "20150101", "") + `</exch:exchange-documents>`
	external := `<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<exch:exchange-documents xmlns:exch="http://www.epo.org/exchange">
` + doc("EP", "1", "A1", "20150101", `<exch:invention-title>&xxe;</exch:invention-title>`) + `</exch:exchange-documents>`
	for name, in := range map[string]string{"laughs": laughs, "external": external} {
		done := make(chan struct{})
		var recs []*patent.Record
		var bad []*format.RecordError
		var err error
		go func() {
			recs, bad, err = readString(t, name+".xml", in)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: reader hangs", name)
		}
		if err != nil {
			t.Errorf("%s: fatal %v", name, err)
		}
		if len(bad) != 1 {
			t.Errorf("%s: want the entity record rejected, got %v", name, bad)
		}
		for _, r := range recs {
			if strings.Contains(r.Patent.Title, "root:") || strings.Contains(r.Patent.Title, "lol") {
				t.Errorf("%s: entity expanded: %q", name, r.Patent.Title)
			}
		}
	}
}

func TestSniff(t *testing.T) {
	for _, fx := range []string{"testdata/biblio_ops.xml", "testdata/docdb_bulk.xml", "testdata/register_ops.xml"} {
		head, err := format.ReadHead(fx, 4096)
		if err != nil {
			t.Fatal(err)
		}
		if s := Sniff(fx, head); s < 0.9 {
			t.Errorf("%s: sniff %v", fx, s)
		}
	}
	uspto := `<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE us-patent-grant SYSTEM "us-patent-grant-v45.dtd" []><us-patent-grant lang="EN">`
	for _, h := range []string{uspto, "Lens ID,Title\n", ""} {
		if s := Sniff("x.xml", []byte(h)); s != 0 {
			t.Errorf("sniff %q = %v", h, s)
		}
	}
}

// countUnits counts the record units of a real file by plain text scanning, independently of the
// decoder: exchange-documents, family members, search-result references, and EP publications of
// register documents.
func countUnits(data string) int {
	n := strings.Count(data, "<exchange-document ") + strings.Count(data, "<exch:exchange-document ") +
		strings.Count(data, "<ops:family-member ")
	if strings.Contains(data, "<ops:search-result") {
		n += strings.Count(data, "<ops:publication-reference ")
	}
	parts := strings.Split(data, "<reg:publication-reference")
	for _, p := range parts[1:] {
		if i := strings.Index(p, "<reg:country>"); i >= 0 && strings.HasPrefix(p[i+len("<reg:country>"):], "EP<") {
			n++
		}
	}
	return n
}

type spot struct {
	file      string
	record    int // 1-based index among accepted records
	pub       string
	pubDate   string
	appNumber string
	appDate   string
	familyID  string
	applicant string // "NAME|CC"
	mainIPC   string
	cite1     string // "NUMBER|CATEGORY"
}

// Values read by hand from /work/shared/data/real/epo_ops_xml.
var spots = []spot{
	{"family_publication_docdb_EP.2906782.A2_.xml", 1, "EP2906782A2", "2015-08-19", "EP13844704A", "2013-10-11", "50474376", "", "", ""},
	{"family_publication_docdb_EP.2906782.A2_.xml", 4, "CN104968889A", "2015-10-07", "CN201380062258A", "2013-10-11", "50474376", "", "", ""},
	{"family_publication_docdb_EP.2906782.A2_.xml", 11, "WO2014059282A3", "2015-07-23", "US2013064552W", "2013-10-11", "50474376", "", "", ""},
	{"legal_publication_docdb_CA.2300029.C_.xml", 1, "CA2300029C", "2005-11-01", "CA2300029A", "2000-03-06", "23011249", "", "", ""},
	{"published-data_application_docdb_EP.13844704.A_biblio.xml", 1, "EP2906782A2", "2015-08-19", "EP13844704A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B7/00", ""},
	{"published-data_application_docdb_EP.13844704.A_biblio.xml", 2, "EP2906782A4", "2016-08-17", "EP13844704A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B7/00", "EP2653648A2|E"},
	{"published-data_application_docdb_US.2016015853.W_biblio.xml", 1, "WO2016123588A1", "2016-08-04", "US2016015853W", "2016-01-30", "56544452", "SCIENT DRILLING INT|US", "E21B47/18", "US20140240140A1|XYA"},
	{"published-data_publication_docdb_CA.2300029.C_biblio.xml", 1, "CA2300029C", "2005-11-01", "CA2300029A", "2000-03-06", "23011249", "SCIENT DRILLING INT|US", "E21B47/12", ""},
	{"published-data_publication_docdb_CA.2887530.A1_biblio.xml", 1, "CA2887530A1", "2014-04-17", "CA2887530A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B44/00", ""},
	{"published-data_publication_docdb_CA.2944968_biblio.xml", 1, "CA2944968A1", "2017-02-13", "CA2944968A", "2016-08-12", "58018391", "US WELL SERVICES LLC|US", "E21B41/00", ""},
	{"published-data_publication_docdb_CN.104968889.A_biblio.xml", 1, "CN104968889A", "2015-10-07", "CN201380062258A", "2013-10-11", "50474376", "SCIENT DRILLING INT|", "E21B47/0228", "US5321893A|A"},
	{"published-data_publication_docdb_EP.2906782.A2_biblio.xml", 1, "EP2906782A2", "2015-08-19", "EP13844704A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B7/00", ""},
	{"published-data_publication_docdb_EP.2906782.A4_biblio.xml", 1, "EP2906782A4", "2016-08-17", "EP13844704A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B7/00", "EP2653648A2|E"},
	{"published-data_publication_docdb_EP.3082535.A1_biblio.xml", 1, "EP3082535A1", "2016-10-26", "EP14833316A", "2014-12-22", "52434945", "TOASTER LABS INC|US", "A47K5/12", ""},
	{"published-data_publication_docdb_RU.2015117646.A_biblio.xml", 1, "RU2015117646A", "2016-12-10", "RU2015117646A", "2013-10-11", "50474376", "САЙЕНТИФИК ДРИЛЛИНГ ИНТЕРНЭШНЛ, ИНК.|", "E21B44/00", ""},
	{"published-data_publication_docdb_RU.2015124071_biblio.xml", 1, "RU2015124071A", "2017-01-10", "RU2015124071A", "2013-10-24", "50726855", "САЙЕНТИФИК ДРИЛЛИНГ ИНТЕРНЭШНЛ, ИНК.|", "E21B7/04", ""},
	{"published-data_publication_docdb_US.10047600.B2_biblio.xml", 1, "US10047600B2", "2018-08-14", "US201615044813A", "2016-02-16", "50474376", "SCIENT DRILLING INTERNATIONAL INC|US", "E21B44/00", ""},
	{"published-data_publication_docdb_US.2014102795.A1_biblio.xml", 1, "US20140102795A1", "2014-04-17", "US201314052000A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B44/00", "US20030236627A1|examiner"},
	{"published-data_publication_docdb_US.2016162711.A1_biblio.xml", 1, "US20160162711A1", "2016-06-09", "US201514963709A", "2015-12-09", "10863339", "SMARTFLASH LLC|US", "G06K7/06", "US9344768B2|examiner"},
	{"published-data_publication_docdb_US.2016245070.A1_biblio.xml", 1, "US20160245070A1", "2016-08-25", "US201615044813A", "2016-02-16", "50474376", "SCIENT DRILLING INT INC|US", "E21B47/024", ""},
	{"published-data_publication_docdb_US.9231827.B2_biblio.xml", 1, "US9231827B2", "2016-01-05", "US56964009A", "2009-09-29", "41531245", "HINDAWI DAVID SALIM|US", "G06F15/173", "US5586304A|applicant"},
	{"published-data_publication_docdb_US.9291047.B2_biblio.xml", 1, "US9291047B2", "2016-03-22", "US201314052000A", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B44/00", "US6842699B2|applicant"},
	{"published-data_publication_docdb_WO.2014059282.A2_biblio.xml", 1, "WO2014059282A2", "2014-04-17", "US2013064552W", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B44/00", ""},
	{"published-data_publication_docdb_WO.2014059282.A3_biblio.xml", 1, "WO2014059282A3", "2015-07-23", "US2013064552W", "2013-10-11", "50474376", "SCIENT DRILLING INT|US", "E21B7/00", "US6842699B2|X"},
	{"published-data_publication_docdb_WO.2018148832.A1_biblio.xml", 1, "WO2018148832A1", "2018-08-23", "CA2018050171W", "2018-02-15", "58486791", "HER MAJESTY THE QUEEN IN RIGHT OF CANADA AS REPRESENTED BY THE MINI OF NATURAL RESOURCES CANADA|CA", "G01B11/04", "US8233667B2|A"},
	{"published-data_search4323a9ad5250bcd2c47c085a57969a71.xml", 1, "WO2019040883A1", "", "", "", "65436063", "", "", ""},
	{"published-data_search4323a9ad5250bcd2c47c085a57969a71.xml", 3, "CA3031043A1", "", "", "", "61158892", "", "", ""},
	{"published-data_search4323a9ad5250bcd2c47c085a57969a71.xml", 100, "", "", "", "", "", "", "", ""},
	{"published-data_search9d52a6536314ca9c2a0feebcccfefbf6.xml", 1, "US20160162711A1", "", "", "", "10863339", "", "", ""},
	{"published-data_search9d52a6536314ca9c2a0feebcccfefbf6.xml", 7, "US20110066525A1", "", "", "", "10863339", "", "", ""},
	{"published-data_searchbed7da9e69104aaf3f7b1b39e033a650.xml", 2, "US20190064388A1", "", "", "", "65436063", "", "", ""},
	{"register_publication_epodoc_EP.3082535.A1_biblio.xml", 1, "EP3082535A1", "2016-10-26", "EP14833316A", "2014-12-22", "", "Toaster Labs, Inc.|US", "A47K5/12", "FR2873048|XI"},
	{"register_publication_epodoc_EP.3221665.A1_biblio.xml", 1, "EP3221665A1", "2017-09-27", "EP15860753A", "2015-11-19", "", "Scientific Drilling International, Inc.|US", "G01C25/00", "US4756088|XI"},
}

func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "epo_ops_xml")
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no files in %s: %v", dir, err)
	}
	byFile := map[string][]*patent.Record{}
	for _, f := range files {
		base := filepath.Base(f)
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		want := countUnits(string(data))
		r, err := Format.Open(f, format.Options{})
		if err != nil {
			t.Errorf("%s: open: %v", base, err)
			continue
		}
		recs, bad, err := format.ReadAll(r)
		r.Close()
		if err != nil {
			t.Errorf("%s: fatal: %v", base, err)
		}
		for _, b := range bad {
			t.Errorf("%s: rejected: %v", base, b)
		}
		if len(recs)+len(bad) != want || want == 0 {
			t.Errorf("%s: accepted %d + rejected %d, counted %d", base, len(recs), len(bad), want)
		}
		for i, rec := range recs {
			p := rec.Patent
			if p.Source != Name || p.SourceFile != base || p.SourceRecord != i+1 || p.PubNumber == "" || p.Jurisdiction == "" {
				t.Errorf("%s #%d: bad bookkeeping %+v", base, i+1, p)
			}
		}
		if s := Sniff(f, data[:min(len(data), 4096)]); s < 0.9 {
			t.Errorf("%s: sniff %v", base, s)
		}
		t.Logf("%s: %d accepted, %d rejected", base, len(recs), len(bad))
		byFile[base] = recs
	}
	for _, s := range spots {
		recs := byFile[s.file]
		if s.record > len(recs) {
			t.Errorf("%s: no record %d", s.file, s.record)
			continue
		}
		rec := recs[s.record-1]
		if s.pub == "" { // only checks the record exists
			continue
		}
		p := rec.Patent
		got := spot{file: s.file, record: s.record, pub: p.PubNumber, pubDate: p.PubDate.String(), appNumber: p.AppNumber,
			appDate: p.AppDate.String(), familyID: p.FamilyID}
		for _, pa := range rec.Parties {
			if pa.Role == patent.RoleApplicant {
				got.applicant = pa.NameRaw + "|" + pa.Country
				break
			}
		}
		for _, c := range rec.Classifications {
			if c.Scheme == patent.IPC && c.IsMain {
				got.mainIPC = c.Code
			}
		}
		if len(rec.Citations) > 0 {
			got.cite1 = rec.Citations[0].Cited + "|" + rec.Citations[0].Category
		}
		if got != s {
			t.Errorf("spot check\n got %+v\nwant %+v", got, s)
		}
	}
	// The legal file carries its INPADOC event.
	if l := byFile["legal_publication_docdb_CA.2300029.C_.xml"]; len(l) == 1 {
		ev := l[0].LegalEvents
		if len(ev) != 1 || ev[0].Code != "EEER" || ev[0].Date.String() != "2005-02-03" || ev[0].Description != "EXAMINATION REQUEST" {
			t.Errorf("legal events %+v", ev)
		}
	}
	// The register file carries its procedural status.
	if l := byFile["register_publication_epodoc_EP.3082535.A1_biblio.xml"]; len(l) == 1 {
		p := l[0].Patent
		if p.LegalStatus != patent.Pending || p.LegalRaw != "Examination is in progress" || p.PriorityDate.String() != "2013-12-20" {
			t.Errorf("register status %q %q %s", p.LegalStatus, p.LegalRaw, p.PriorityDate)
		}
		// Its designation-of-states (a Euro-PCT application's regional designation) lists the 38
		// EPC states of 2016 (counted in the file, the region element EP left out).
		const states = "AL AT BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC MK MT NL NO PL PT RO RS SE SI SK SM TR"
		if got := strings.Join(p.DesignatedStates, " "); got != states {
			t.Errorf("designated states %q, want %q", got, states)
		}
	}
	// US9231827B2 has 4 NPL citations and distinct patent citations.
	if l := byFile["published-data_publication_docdb_US.9231827.B2_biblio.xml"]; len(l) == 1 {
		if p := l[0].Patent; p.NPLCount != 4 || p.CitesCount <= 0 {
			t.Errorf("US9231827B2 cites %d npl %d", p.CitesCount, p.NPLCount)
		}
	}
}

// FuzzRead checks that any input ends in io.EOF or a fatal error after record errors, never
// panics and never loops.
func FuzzRead(f *testing.F) {
	fixtures, _ := filepath.Glob("testdata/*.xml")
	for _, fx := range fixtures {
		data, err := os.ReadFile(fx)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
		f.Add(data[:len(data)/2])
	}
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY a "&b;&b;"><!ENTITY b "&a;&a;">]><exchange-document country="EP" doc-number="1">&a;</exchange-document>`))
	f.Add([]byte(`<!DOCTYPE x [<!ENTITY e SYSTEM "http://example.invalid/e">]><exch:exchange-documents xmlns:exch="x"><exch:exchange-document>&e;</exch:exchange-document></exch:exchange-documents>`))
	f.Add([]byte(`<exchange-document><exchange-document></exchange-document><family-member></family-member><register-document/>`))
	f.Add([]byte(`<ops:search-result><ops:publication-reference><document-id><country>US</country><doc-number>1</doc-number></document-id></ops:publication-reference></ops:search-result>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan string, 1)
		go func() {
			r, err := openReader(bytes.NewReader(data), "fuzz.xml", format.Options{})
			if err != nil {
				done <- ""
				return
			}
			done <- drain(r, "fuzz.xml", len(data))
		}()
		select {
		case msg := <-done:
			if msg != "" {
				t.Fatal(msg)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("reader hangs on %q", data)
		}
	})
}

// drain reads r to the end and returns a description of a contract violation, or "".
func drain(r format.Reader, file string, size int) string {
	defer r.Close()
	limit := size + 10
	for i := 0; ; i++ {
		if i > limit {
			return fmt.Sprintf("reader does not terminate after %d reads", i)
		}
		rec, err := r.Read()
		if err == io.EOF {
			return ""
		}
		var re *format.RecordError
		if errors.As(err, &re) {
			if rec != nil || re.Record < 1 || re.File != file {
				return fmt.Sprintf("bad record error %+v", re)
			}
			continue
		}
		if err != nil {
			return "" // fatal
		}
		if rec == nil || rec.Patent.PubNumber == "" {
			return "nil or numberless record"
		}
	}
}

// writeBulk writes a DOCDB-style bulk file with n exchange-documents.
func writeBulk(tb testing.TB, n int) string {
	path := filepath.Join(tb.TempDir(), "bulk.xml")
	var b strings.Builder
	b.WriteString(bulkHead)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<exch:exchange-document system="EPO" country="EP" doc-number="%d" kind="A1" date-publ="20200101" family-id="%d" status="C">
<exch:bibliographic-data>
<exch:publication-reference data-format="docdb"><document-id><country>EP</country><doc-number>%d</doc-number><kind>A1</kind><date>20200101</date></document-id></exch:publication-reference>
<exch:publication-reference data-format="epodoc"><document-id><doc-number>EP%d</doc-number><date>20200101</date></document-id></exch:publication-reference>
<exch:classifications-ipcr><exch:classification-ipcr sequence="1"><exch:text>H04W  84/20        20090101AFI20200101BHEP</exch:text></exch:classification-ipcr><exch:classification-ipcr sequence="2"><exch:text>G06F  21/00        20130101ALI20200101BHEP</exch:text></exch:classification-ipcr></exch:classifications-ipcr>
<exch:patent-classifications><exch:patent-classification sequence="1"><exch:classification-scheme office="EP" scheme="CPCI"/><exch:section>H</exch:section><exch:class>04</exch:class><exch:subclass>W</exch:subclass><exch:main-group>84</exch:main-group><exch:subgroup>20</exch:subgroup><exch:classification-value>I</exch:classification-value></exch:patent-classification></exch:patent-classifications>
<exch:application-reference data-format="docdb"><document-id><country>EP</country><doc-number>19%06d</doc-number><kind>A</kind><date>20190101</date></document-id></exch:application-reference>
<exch:priority-claims><exch:priority-claim sequence="1" data-format="docdb"><document-id><country>US</country><doc-number>2018%08d</doc-number><kind>A</kind><date>20180101</date></document-id></exch:priority-claim></exch:priority-claims>
<exch:parties><exch:applicants><exch:applicant sequence="1" data-format="docdb"><exch:applicant-name><name>ACME CORP %d</name></exch:applicant-name><residence><country>US</country></residence></exch:applicant><exch:applicant sequence="1" data-format="docdba"><exch:applicant-name><name>Acme Corporation</name></exch:applicant-name></exch:applicant></exch:applicants>
<exch:inventors><exch:inventor sequence="1" data-format="docdb"><exch:inventor-name><name>DOE JOHN</name></exch:inventor-name><residence><country>US</country></residence></exch:inventor></exch:inventors></exch:parties>
<exch:invention-title lang="de">DRAHTLOSES NETZ</exch:invention-title><exch:invention-title lang="en">WIRELESS MESH NETWORK NUMBER %d</exch:invention-title>
<exch:references-cited><exch:citation cited-phase="SEA" cited-by="examiner" sequence="1"><exch:patcit num="1"><document-id><country>US</country><doc-number>2012057518</doc-number><kind>A1</kind></document-id></exch:patcit><exch:category>X</exch:category></exch:citation><exch:citation sequence="2"><exch:nplcit num="1"><exch:text>DOE J, Relays, 2009</exch:text></exch:nplcit></exch:citation></exch:references-cited>
</exch:bibliographic-data>
<exch:abstract lang="en" data-format="docdba"><exch:p>A relay node forwards frames between mesh stations without central coordination; the abstract is of typical length for a DOCDB record and runs to a few sentences of text.</exch:p></exch:abstract>
</exch:exchange-document>
`, 1000000+i, 40000000+i, 1000000+i, 1000000+i, i, i, i, i)
	}
	b.WriteString("</exch:exchange-documents>\n")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

func BenchmarkRead(b *testing.B) {
	const n = 5000
	formattest.BenchRead(b, Format.Open, writeBulk(b, n), n)
}

// TestFamilyWithBiblio: a family response with the biblio constituent embeds exchange-documents
// in the family members; they are the records, with the member's legal events attached.
func TestFamilyWithBiblio(t *testing.T) {
	in := `<?xml version="1.0" encoding="UTF-8"?>
<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org">
<ops:patent-family legal="true" total-result-count="1">
<ops:family-member family-id="777">
<publication-reference><document-id document-id-type="docdb"><country>EP</country><doc-number>1</doc-number><kind>B1</kind><date>20100101</date></document-id></publication-reference>
<exchange-document system="ops.epo.org" country="EP" doc-number="1" kind="B1">
<bibliographic-data>
<publication-reference><document-id document-id-type="docdb"><country>EP</country><doc-number>1</doc-number><kind>B1</kind><date>20100101</date></document-id></publication-reference>
<invention-title lang="en">WIDGET</invention-title>
</bibliographic-data>
</exchange-document>
<ops:legal code="PG25" desc="LAPSED IN A CONTRACTING STATE"><ops:L007EP>2012-01-01</ops:L007EP></ops:legal>
<ops:legal code="26N" desc="NO OPPOSITION FILED"><ops:L007EP>2011-01-01</ops:L007EP></ops:legal>
<ops:legal code="PGFP" desc="ANNUAL FEE PAID TO NATIONAL OFFICE"><ops:L007EP>2011-06-01</ops:L007EP></ops:legal>
</ops:family-member>
</ops:patent-family>
</ops:world-patent-data>`
	recs, bad, err := readString(t, "famb.xml", in)
	if err != nil || len(bad) != 0 || len(recs) != 1 {
		t.Fatalf("%d records, %v, %v", len(recs), bad, err)
	}
	p := recs[0].Patent
	if p.PubNumber != "EP1B1" || p.Title != "WIDGET" || p.FamilyID != "777" || p.GrantDate.String() != "2010-01-01" ||
		len(recs[0].LegalEvents) != 3 || p.LegalStatus != patent.Alive || p.LegalRaw != "ANNUAL FEE PAID TO NATIONAL OFFICE" {
		t.Errorf("got %+v %+v", p, recs[0].LegalEvents)
	}
}
