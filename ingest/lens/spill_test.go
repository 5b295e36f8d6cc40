package lens

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
)

// spillHeader is the 2017 raw layout: 25 named columns, padded with empty ones as a spreadsheet
// re-save pads every row.
var spillHeader = strings.Split("#,Jurisdiction,Kind,Publication Number,Lens ID,Publication Date,Publication Year,Application Number,Application Date,Priority Numbers,Title,Applicants,Inventors,URL,Type,Full Text,Cited Count,Simple Family Size,Extended Family Size,Sequence Count,CPC Classifications,IPCR Classifications,US Classifications,NPL Citation Id(s),Non-Patent Citations", ",")

const spillWidth = 40 // cells in every line, as in the padded export

// pad writes cells as one CSV line of spillWidth cells (quoting those that need it).
func pad(cells ...string) string {
	out := make([]string, spillWidth)
	for i, c := range cells {
		if strings.ContainsAny(c, ",\"") {
			c = `"` + strings.ReplaceAll(c, `"`, `""`) + `"`
		}
		out[i] = c
	}
	return strings.Join(out, ",")
}

// spillRecord is a record of the raw layout with record number n and the given NPL cell.
func spillRecord(n, pub, lensID, npl string) string {
	return pad(n, "US", "B1", "US "+pub+" B1", lensID, "13/06/17", "2017", "US 201514725413 A", "29/05/15",
		"US 201514725413 A 20150529", "Title "+n, "ACME CORP", "DOE JANE", "https://lens.org/"+lensID, "Granted Patent",
		"yes", "0", "1", "1", "0", "H04L63/1441", "H04L29/06", "", "", npl)
}

func writeSpill(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "raw.csv")
	// CR line ends, as the re-saved 2017 exports have.
	if err := os.WriteFile(path, []byte(pad(spillHeader...)+"\r"+strings.Join(lines, "\r")+"\r"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func npls(rec *patent.Record) []string {
	var out []string
	for _, c := range rec.Citations {
		if c.Kind == patent.CiteNPL {
			out = append(out, c.Cited)
		}
	}
	return out
}

// TestSpilledCellRejoined: the pattern of the raw 2017 exports. A Non-Patent Citations cell too
// long for the re-saving spreadsheet ends its row (quoted and closed) and its rest follows on the
// next line unquoted: its commas split it into cells, its first cell is "2" (from "Mar. 2, 2014":
// a number, but out of sequence), its closing quote is a literal '"', and the character at the
// break (the space before "2") is lost, marked by "…". The line is joined back: 3 records, none
// rejected.
func TestSpilledCellRejoined(t *testing.T) {
	path := writeSpill(t,
		spillRecord("1", "9000001", "111-111-111-111-111", "Smith, A study, 2001"),
		spillRecord("2", "9000002", "222-222-222-222-222", "U.S. Appl. No. 14/194,076, filed Mar."),
		// the rest of record 2's cell, " 2, 2014.;;…", without its first character
		pad("2", " 2014.;;Fanglu Guo et al.", " A Study of the Packer Problem;;Last one", ` pp. 1-2."`),
		spillRecord("3", "9000003", "333-333-333-333-333", "Jones, Other, 2003"),
	)
	res := readFile(t, path)
	if len(res.Records) != 3 || len(res.Errors) != 0 {
		t.Fatalf("%d records, errors %v; want 3, none", len(res.Records), res.Errors)
	}
	for i, rec := range res.Records {
		if rec.Patent.SourceRecord != i+1 {
			t.Errorf("record %d numbered %d", i+1, rec.Patent.SourceRecord)
		}
	}
	got := npls(res.Records[1])
	want := []string{"U.S. Appl. No. 14/194,076, filed Mar.…2, 2014.", "Fanglu Guo et al., A Study of the Packer Problem", "Last one, pp. 1-2."}
	if strings.Join(got, "|") != strings.Join(want, "|") || res.Records[1].Patent.NPLCount != 3 {
		t.Errorf("record 2 NPL %q (count %d), want %q", got, res.Records[1].Patent.NPLCount, want)
	}
	if got := npls(res.Records[2]); len(got) != 1 || got[0] != "Jones, Other, 2003" {
		t.Errorf("record 3 NPL %q", got)
	}
	r, err := Open(path, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	format.ReadAll(r)
	if n, recs := r.(*Reader).Rejoined(); n != 1 || len(recs) != 1 || recs[0] != 2 {
		t.Errorf("Rejoined() = %d, %v; want 1, [2]", n, recs)
	}
}

// TestSpillNotRejoined: a line that cannot be a record is joined back only when the row before it
// ends in the header's last named column; otherwise it is rejected saying what it is. A line with
// an in-sequence "#" and a publication number of its jurisdiction is a record, never joined.
func TestSpillNotRejoined(t *testing.T) {
	path := writeSpill(t,
		spillRecord("1", "9000001", "111-111-111-111-111", ""), // ends before the last column
		pad("stray text", " more"),
		spillRecord("2", "9000002", "222-222-222-222-222", "Long cell, cut"),
		spillRecord("3", "9000003", "", ""), // a record (no Lens ID, but # and number)
	)
	r, err := Open(path, format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, bad, err := format.ReadAll(r)
	if err != nil || len(recs) != 3 || len(bad) != 1 {
		t.Fatalf("%d records, errors %v, %v; want 3 and 1", len(recs), bad, err)
	}
	res := result{Records: recs}
	e := bad[0]
	if e.Record != 2 || e.Line != 3 || e.Field != "#" || !errors.Is(e, format.ErrBadRecord) ||
		!strings.Contains(e.Error(), "not a record number") || !strings.Contains(e.Error(), "spilled") {
		t.Errorf("rejection %v", e)
	}
	if got := npls(res.Records[1]); len(got) != 1 || got[0] != "Long cell, cut" {
		t.Errorf("record 2 NPL %q: record 3 joined to it?", got)
	}
	if p := res.Records[2].Patent; p.PubNumber != "US9000003B1" || p.SourceRecord != 3 {
		t.Errorf("record 3: %s #%d", p.PubNumber, p.SourceRecord)
	}
}
