package google

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format"
	"github.com/patnav/patnav/ingest/format/formattest"
	"github.com/patnav/patnav/internal/patent"
	"github.com/patnav/patnav/internal/realdata"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.json from the reader's output")

type result struct {
	Records []*patent.Record
	Errors  []string
}

func readFile(t testing.TB, path string) result {
	t.Helper()
	recs, errs := formattest.ReadAll(t, Open, path, format.Options{})
	return result{Records: recs, Errors: errs}
}

func TestGolden(t *testing.T) {
	for _, name := range []string{"native", "resaved", "bad"} {
		t.Run(name, func(t *testing.T) {
			got, err := json.MarshalIndent(readFile(t, filepath.Join("testdata", name+".csv")), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			formattest.Golden(t, filepath.Join("testdata", name+".golden.json"), got, *update)
		})
	}
}

func parties(rec *patent.Record, role string) string {
	var out []string
	for _, p := range rec.Parties {
		if p.Role == role {
			out = append(out, p.NameRaw)
		}
	}
	return strings.Join(out, " | ")
}

func check[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func TestFixtureFacts(t *testing.T) {
	n := readFile(t, "testdata/native.csv").Records
	if len(n) != 5 {
		t.Fatalf("native.csv: %d records, want 5", len(n))
	}
	p := n[1].Patent
	check(t, "PubNumber", p.PubNumber, "US12299796B2")
	check(t, "dates", p.PriorityDate.String()+" "+p.AppDate.String()+" "+p.PubDate.String()+" "+p.GrantDate.String(),
		"2022-12-16 2022-12-16 2025-05-13 2025-05-13")
	check(t, "Title", p.Title, "Generation of story videos")
	check(t, "URL", p.URL, "https://patents.google.com/patent/US12299796B2/en")
	check(t, "FamilyID", p.FamilyID, "")
	check(t, "no codes or citations", len(n[1].Classifications)+len(n[1].Citations), 0)
	check(t, "CN applicant", parties(n[0], patent.RoleApplicant), "北京交通大学")
	check(t, "CN inventors", parties(n[0], patent.RoleInventor), "沈超 | 宗佳 | 王伟")
	check(t, "Co., Ltd.", parties(n[2], patent.RoleApplicant), "SZ DJI Technology Co., Ltd. | 株式会社日立製作所")
	check(t, "Korean Inc", parties(n[3], patent.RoleApplicant), "일루미나, 인코포레이티드 | 삼성전자주식회사")
	check(t, "CN U", n[4].Patent.DocType, patent.UtilityModel)
	check(t, "JP A no grant", n[2].Patent.GrantDate.Valid(), false)

	r := readFile(t, "testdata/resaved.csv").Records
	if len(r) != 4 {
		t.Fatalf("resaved.csv: %d records, want 4 (blank rows skipped)", len(r))
	}
	check(t, "M/D/YYYY", r[0].Patent.PubDate.String(), "1992-03-03")
	check(t, "old US A grant", r[0].Patent.GrantDate.String(), "1992-03-03")
	check(t, "Iii/Jr.", parties(r[0], patent.RoleInventor), "Carl Joseph Braun, Iii | John Smith, Jr.")
	check(t, "Limited, postcode", parties(r[1], patent.RoleApplicant), "Plexxikon Inc. | Daiichi Sankyo Company, Limited | MTU Aero Engines GmbH, 80995")
	check(t, "B1 without grant date", r[1].Patent.GrantDate.String(), "2022-02-01")
	check(t, "Inc. qualifiers", parties(r[2], patent.RoleApplicant), "Z Advanced Computing, Inc. (Zac) | Nb Ventures, Inc. Dba Gep | Deepx Co., Ltd.")
	check(t, "The, Sbc", parties(r[3], patent.RoleApplicant), "Regents Of The University Of California, The | Praeveni, Sbc")
	check(t, "SourceRecord", r[3].Patent.SourceRecord, 4)
}

func TestSplitNames(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"Lemon Inc.", "Lemon Inc."},
		{"SZ DJI Technology Co., Ltd.", "SZ DJI Technology Co., Ltd."},
		{"Bingchen LIU, Kin Chung WONG, Peilin Li", "Bingchen LIU|Kin Chung WONG|Peilin Li"},
		{"Samsung Electronics Co., Ltd., Huawei Technologies Co., Ltd.", "Samsung Electronics Co., Ltd.|Huawei Technologies Co., Ltd."},
		{"Microsoft Technology Licensing, Llc", "Microsoft Technology Licensing, Llc"},
		{"Hewlett Packard Enterprise Development, L.P., Hewlett-Packard Development Company, L. P.", "Hewlett Packard Enterprise Development, L.P.|Hewlett-Packard Development Company, L. P."},
		{"Bank Of America, N.A., Citibank, N.A", "Bank Of America, N.A.|Citibank, N.A"},
		{"Иллюмина, Инк., ТерраПауэр, ЭлЭлСи", "Иллюмина, Инк.|ТерраПауэр, ЭлЭлСи"},
		{"구글 엘엘씨, 바이트댄스 아이엔씨", "구글 엘엘씨|바이트댄스 아이엔씨"},
		{"Genset S.A., Bull S.A., Louveciennes", "Genset S.A.|Bull S.A.|Louveciennes"},
		{" A ,  B , ", "A|B"},
		{"Ltd., Foo", "Ltd.|Foo"},
		{"Matsushita Electric Industrial Co, Ltd, Kadoma, Osaka (Japan)", "Matsushita Electric Industrial Co, Ltd|Kadoma|Osaka (Japan)"},
	} {
		got := strings.Join(SplitNames(c.in, nil), "|")
		if got != c.want {
			t.Errorf("SplitNames(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestErrors(t *testing.T) {
	r, err := Open("testdata/bad.csv", format.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	formattest.ExpectReads(t, r, "bad.csv", []formattest.Want{
		formattest.Rec("US12299796B2"),
		formattest.Bad(2, 4, "id", format.ErrBadNumber),
		formattest.Bad(3, 5, "priority date", format.ErrBadDate),
		formattest.Bad(4, 6, "grant date", format.ErrBadDate),
		formattest.Rec("US12299799B2"),
	})
}

func TestEmpty(t *testing.T) {
	for _, f := range []string{"testdata/empty.csv", "testdata/searchonly.csv"} {
		if _, err := Open(f, format.Options{}); !errors.Is(err, format.ErrEmpty) {
			t.Errorf("Open(%s) = %v; want ErrEmpty", f, err)
		}
	}
	p := filepath.Join(t.TempDir(), "x.csv")
	os.WriteFile(p, []byte("a,b\n1,2\n"), 0o644)
	if _, err := Open(p, format.Options{}); err == nil {
		t.Error("Open of a non-Google CSV succeeded")
	}
}

func TestSniff(t *testing.T) {
	for _, c := range []struct {
		name, head string
		min, max   float64
	}{
		{"a.csv", "search URL:,https://patents.google.com/?q=x\nid,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,result link,representative figure link\n", 0.95, 1},
		{"a.csv", "\uFEFFid,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date\r\nUS-1-B1", 0.85, 0.95},
		{"a.csv", "#,Jurisdiction,Kind,Publication Number,Lens ID\n", 0, 0},
		{"a.csv", "id,title,assignee\n", 0, 0},
		{"dir", "", 0, 0},
	} {
		if got := Sniff(c.name, []byte(c.head)); got < c.min || got > c.max {
			t.Errorf("Sniff(%q) = %v, want in [%v, %v]", c.head, got, c.min, c.max)
		}
	}
}

// countRows counts data rows independently: Google exports have no line breaks inside cells.
func countRows(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, l := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		if i == 0 && strings.HasPrefix(l, "search URL:") || strings.Trim(l, ", ") == "" {
			continue
		}
		n++
	}
	return n - 1 // header
}

func TestRealData(t *testing.T) {
	dir := realdata.Require(t, "google")
	files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
	if len(files) == 0 {
		t.Fatalf("no Google files in %s", dir)
	}
	type spot struct {
		rec                         int
		pub, prio, app, pubd, grant string
		applicant, inventor         string
	}
	spots := map[string][]spot{
		"example.csv": {
			{1, "CN110364031B", "2019-07-11", "2019-07-11", "2020-12-15", "2020-12-15", "北京交通大学", "沈超"},
			{15, "US20160232121A1", "2015-02-08", "2015-02-08", "2016-08-11", "", "Silicom Ltd.", "David Castiel"},
			{29, "US10307871B2", "2011-11-16", "2017-10-30", "2019-06-04", "2019-06-04", "Zane Coleman", "Zane Coleman"},
		},
		"gp-search-20251001-102423.csv": {
			{1, "US12299796B2", "2022-12-16", "2022-12-16", "2025-05-13", "2025-05-13", "Lemon Inc.", "Bingchen LIU"},
			{5332, "CN120264003A", "2025-02-26", "2025-02-26", "2025-07-04", "", "哈尔滨工业大学(深圳)(哈尔滨工业大学深圳科技创新研究院)", "陈斌"},
			{10663, "CN120219877A", "2025-03-07", "2025-03-07", "2025-06-27", "", "广东奥普特科技股份有限公司", "高红超"},
		},
		"gp-search-20251001-102718.csv": {
			{1, "DE102023135881A1", "2023-10-23", "2023-12-19", "2025-04-24", "", "GM Global Technology Operations LLC", "Claudia Goldman-Shenhar"},
			{5276, "CN118762090A", "2024-06-14", "2024-06-14", "2024-10-11", "", "北京有竹居网络技术有限公司", "江毅"},
			{10550, "MX2007002504A", "2004-09-02", "2005-08-29", "2008-10-24", "", "Eastman Chem Co", "Alan George Wonders"},
		},
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			head, _ := format.ReadHead(path, 64<<10)
			if s := Sniff(path, head); s < 0.85 {
				t.Errorf("Sniff = %v", s)
			}
			res := readFile(t, path)
			if got, want := len(res.Records)+len(res.Errors), countRows(t, path); got != want {
				t.Errorf("accepted %d + rejected %d != %d rows", len(res.Records), len(res.Errors), want)
			}
			for _, e := range res.Errors {
				t.Errorf("rejected: %s", e)
			}
			byRec := map[int]*patent.Record{}
			coLtd := 0
			for _, rec := range res.Records {
				byRec[rec.Patent.SourceRecord] = rec
				for _, p := range rec.Parties {
					if p.NameRaw == "" || suffixes[suffixKey(p.NameRaw)] {
						t.Errorf("record %d: name %q split off its owner", rec.Patent.SourceRecord, p.NameRaw)
					}
					if strings.Contains(p.NameRaw, "Co., Ltd.") {
						coLtd++
					}
				}
			}
			if strings.HasPrefix(name, "gp-") && coLtd == 0 {
				t.Error(`no "Co., Ltd." name kept whole`)
			}
			for _, s := range spots[name] {
				rec := byRec[s.rec]
				if rec == nil {
					t.Errorf("record %d missing", s.rec)
					continue
				}
				p := rec.Patent
				first := func(role string) string {
					for _, pt := range rec.Parties {
						if pt.Role == role && pt.Seq == 1 {
							return pt.NameRaw
						}
					}
					return ""
				}
				got := spot{s.rec, p.PubNumber, p.PriorityDate.String(), p.AppDate.String(), p.PubDate.String(), p.GrantDate.String(),
					first(patent.RoleApplicant), first(patent.RoleInventor)}
				if got != s {
					t.Errorf("record %d:\n got %+v\nwant %+v", s.rec, got, s)
				}
			}
		})
	}
}

// FuzzRead: never panics; errors are RecordErrors, io.EOF or fatal; reading terminates.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
			for line := 0; line < 2; line++ {
				f.Add(formattest.RewriteHeader(b, line, ',', formattest.SnakeCase))
				f.Add(formattest.RewriteHeader(b, line, ',', formattest.UpperCase))
			}
		}
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) { formattest.FuzzFile(t, Open, dir, data) })
}

// FuzzSplitNames: names are non-empty, trimmed, in order, and substrings of the input.
func FuzzSplitNames(f *testing.F) {
	for _, s := range []string{"SZ DJI Technology Co., Ltd., Lemon Inc.", "A, B, Inc. (X), 80995", ", , ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		at := 0
		for _, n := range SplitNames(s, nil) {
			if n == "" || n != strings.TrimSpace(n) {
				t.Fatalf("bad name %q from %q", n, s)
			}
			i := strings.Index(s[at:], n)
			if i < 0 {
				t.Fatalf("name %q not found in order in %q", n, s)
			}
			at += i + len(n)
		}
	})
}

// BenchmarkRead reads a generated 100,000-row Google export with M/D/YYYY dates.
func BenchmarkRead(b *testing.B) {
	const n = 100_000
	path := filepath.Join(b.TempDir(), "google.csv")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	rng := rand.New(rand.NewPCG(1, 2))
	w.WriteString("search URL:,https://patents.google.com/?q=drone\n")
	w.WriteString("id,title,assignee,inventor/author,priority date,filing/creation date,publication date,grant date,result link,representative figure link\n")
	orgs := []string{"Lemon Inc.", "SZ DJI Technology Co., Ltd.", "Samsung Electronics Co., Ltd., 三星电子株式会社", "北京交通大学", "International Business Machines Corporation"}
	for i := range n {
		num := 10000000 + rng.IntN(9000000)
		m, d, y := 1+rng.IntN(12), 1+rng.IntN(28), 2000+rng.IntN(24)
		fmt.Fprintf(w, "US-%d-B2,Systems and methods for unmanned aerial vehicle control number %d ,%s,\"Bingchen LIU, Kin Chung WONG, Peilin Li\",%d/%d/%d,%d/%d/%d,%d/%d/%d,%d/%d/%d,https://patents.google.com/patent/US%dB2/en,https://patentimages.storage.googleapis.com/x/US%d.png\n",
			num, i, csvQuote(orgs[rng.IntN(len(orgs))]), m, d, y-1, m, d, y-1, m, d, y+1, m, d, y+1, num, num)
	}
	w.Flush()
	f.Close()
	formattest.BenchRead(b, Open, path, n)
}

func csvQuote(s string) string {
	if strings.ContainsAny(s, ",\"") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
