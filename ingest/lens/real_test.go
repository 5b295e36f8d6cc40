package lens

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

// countRows counts the data rows of a Lens export independently of the reader: the real exports
// have no line breaks inside cells, so every non-empty physical line after the header is a line;
// in an export with a "#" column, the records are the lines whose first cell is the next number
// of the sequence (the raw 2017 export has 38 more lines: the spill-over of overflowing Non-Patent
// Citations cells, which the reader joins back to their records).
func countRows(t *testing.T, path string) (records, lines int) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
	b = bytes.ReplaceAll(b, []byte("\r"), []byte("\n"))
	all := bytes.Split(b, []byte("\n"))
	numbered := bytes.HasPrefix(all[0], []byte("#,"))
	last := 0
	for _, l := range all[1:] {
		if len(bytes.Trim(l, ", \t")) == 0 {
			continue
		}
		lines++
		if !numbered {
			records++
			continue
		}
		first, _, _ := bytes.Cut(l, []byte(","))
		if n, err := strconv.Atoi(string(first)); err == nil && n == last+1 {
			records, last = records+1, n
		}
	}
	return records, lines
}

type spot struct {
	num                      int // the "#" of the record
	pub, pubDate, appDate    string
	prioDate, applicant, cpc string
	ipc                      string
}

var spots = map[string]struct {
	accepted, rejected int
	rejoined           int // spill-over lines joined back to their records
	spots              []spot
}{
	"pizza_lens_1000_raw.csv": {1000, 0, 0, []spot{
		{3, "US3982033A", "1976-09-21", "1971-08-24", "1969-11-28", "FAIRMONT FOODS CO", "A21D13/007", "A21C9/04"},
		{501, "PL283481A1", "1991-07-29", "1990-01-25", "1990-01-25", "JUREK KRZYSZTOF", "", ""},
		{1000, "GB2390525A", "2004-01-14", "2003-06-16", "2002-06-14", "CHRYSTON LTD", "A21D13/007", "A21B7/00"},
	}},
	"drones_tac_1606_families.csv": {1606, 0, 0, []spot{
		{3, "ATA12022004A", "2005-10-15", "2004-07-15", "2004-07-15", "SCHIEBEL GES M B H", "B64C39/024", "B64C39/02"},
		{804, "US4205848A", "1980-06-03", "1978-04-10", "1978-04-10", "PROTOTYPE DEV ASSOC INC", "F41J9/10", "F41J9/10"},
		{1606, "AU2011263645B2", "2015-03-12", "2011-06-10", "2010-06-10", "KIETTA", "G01V1/3817", "G01V1/38"},
	}},
	"lens_drones_2017_raw.csv": {9071, 0, 38, []spot{
		{3, "WO2008083323A1", "2008-07-10", "2007-12-28", "2006-12-29", "ROSSIO JEFFREY", "G01N33/54373", "G01N33/50"},
		{4537, "US9578055B1", "2017-02-21", "2009-01-21", "2008-01-25", "KHANAL BHUSHAN P", "H04L63/1458", "H04L29/06"},
		{9071, "AU2016233871A1", "2017-09-21", "2016-02-01", "2015-03-16", "XCRAFT ENTERPRISES LLC", "B64C39/024", "A63H27/00"},
	}},
	"drone_drones_fulltext_families_5884.csv": {5884, 0, 0, []spot{
		{3, "BE905621A1", "1987-04-17", "1986-10-17", "1986-10-17", "SANDERS PROBEL BIOTECHNOLOGY S", "A01M1/2044", "A01M1/02"},
		{2943, "US8181907B2", "2012-05-22", "2004-08-17", "2004-01-12", "SMITH MICHAEL J C", "B64C33/02", "B64C33/02"},
		{5884, "AU2016204648A1", "2016-07-21", "2016-07-05", "2013-04-10", "EAGLE VIEW TECHNOLOGIES INC", "", "G06F17/50"},
	}},
	"lens-export.csv": {3779, 0, 0, []spot{
		{3, "US20200338494A1", "2020-10-29", "2019-04-24", "2019-04-24", "PULLEN NORMAN A", "", "B01D53/047"},
		{1890, "CN207350357U", "2018-05-11", "2017-09-14", "2017-09-14", "YUNNAN ZHONGYI DINGDONG ENERGY TECH DEVELOPMENT CO LTD", "", "F23K3/02"},
		{3779, "US20200320159A1", "2020-10-08", "2019-03-22", "2019-03-22", "MATTHEWS ROBERT R", "", "G06F17/16"},
	}},
}

func mainCode(rec *patent.Record, scheme string) string {
	for _, c := range rec.Classifications {
		if c.Scheme == scheme && c.IsMain {
			return c.Code
		}
	}
	return ""
}

func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "lens")
	files, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Lens files in %s (%v)", dir, err)
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			head, _ := format.ReadHead(path, 64<<10)
			if s := Sniff(path, head); s < 0.8 {
				t.Errorf("Sniff = %v", s)
			}
			r, err := Open(path, format.Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			byNum := map[int]*patent.Record{}
			accepted, rejected := 0, 0
			for {
				rec, err := r.Read()
				if err == io.EOF {
					break
				}
				var re *format.RecordError
				if errors.As(err, &re) {
					rejected++
					if re.Line <= 0 || re.Field == "" {
						t.Errorf("record error without position: %v", re)
					}
					continue
				}
				if err != nil {
					t.Fatalf("fatal error after %d records: %v", accepted, err)
				}
				accepted++
				byNum[rec.Patent.SourceRecord] = rec
				if rec.Patent.Source != "lens" || rec.Patent.SourceFile != name || rec.Patent.URL == "" {
					t.Fatalf("record %d: source fields %q %q, URL %q", rec.Patent.SourceRecord, rec.Patent.Source, rec.Patent.SourceFile, rec.Patent.URL)
				}
			}
			rejoined, _ := r.(*Reader).Rejoined()
			if recs, lines := countRows(t, path); accepted+rejected != recs || recs+rejoined != lines {
				t.Errorf("accepted %d + rejected %d, %d lines rejoined; the file has %d records in %d lines", accepted, rejected, rejoined, recs, lines)
			}
			want, ok := spots[name]
			if !ok {
				t.Logf("%s: %d accepted, %d rejected (no spot checks for this file)", name, accepted, rejected)
				return
			}
			if accepted != want.accepted || rejected != want.rejected || rejoined != want.rejoined {
				t.Errorf("accepted %d, rejected %d, rejoined %d; want %d, %d, %d", accepted, rejected, rejoined, want.accepted, want.rejected, want.rejoined)
			}
			if name == "lens_drones_2017_raw.csv" {
				// #5098 (US9680861B2) lists 388 non-patent citations: 32,753 characters on its
				// own line, the rest on the next; the character lost at the break is marked.
				rec := byNum[5098]
				var npl []string
				for _, c := range rec.Citations {
					if c.Kind == patent.CiteNPL {
						npl = append(npl, c.Cited)
					}
				}
				joint := 0
				for _, c := range npl {
					if strings.Contains(c, "Filters?, I…t. J. Secur. Netw., vol. 2") {
						joint++
					}
				}
				if len(npl) != 388 || rec.Patent.NPLCount != 388 || joint != 1 || npl[387] != "File History of U.S. Appl. No. 15/019,272." {
					t.Errorf("#5098: %d NPL citations (count %d), %d with the joint, last %q", len(npl), rec.Patent.NPLCount, joint, npl[len(npl)-1])
				}
			}
			for _, s := range want.spots {
				rec := byNum[s.num]
				if rec == nil {
					t.Errorf("record #%d missing", s.num)
					continue
				}
				p := rec.Patent
				app := ""
				for _, pt := range rec.Parties {
					if pt.Role == patent.RoleApplicant && pt.Seq == 1 {
						app = pt.NameRaw
					}
				}
				got := spot{s.num, p.PubNumber, p.PubDate.String(), p.AppDate.String(), p.PriorityDate.String(), app,
					mainCode(rec, patent.CPC), mainCode(rec, patent.IPC)}
				if got != s {
					t.Errorf("record #%d:\n got %+v\nwant %+v", s.num, got, s)
				}
			}
		})
	}
}
