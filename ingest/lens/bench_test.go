package lens

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/patnav/patnav/ingest/format/formattest"
)

// currentHeader is the column list of a current (2021+) Lens export plus the "Cited Patents" column
// of the synthetic generator.
var currentHeader = []string{"#", "Jurisdiction", "Kind", "Display Key", "Lens ID", "Publication Date",
	"Publication Year", "Application Number", "Application Date", "Priority Numbers",
	"Earliest Priority Date", "Title", "Abstract", "Applicants", "Inventors", "Owners", "URL",
	"Document Type", "Has Full Text", "Cites Patent Count", "Cited by Patent Count",
	"Simple Family Size", "Simple Family Members", "Simple Family Member Jurisdictions",
	"Extended Family Size", "Extended Family Members", "Extended Family Member Jurisdictions",
	"Sequence Count", "CPC Classifications", "IPCR Classifications", "US Classifications",
	"NPL Citation Count", "NPL Resolved Citation Count", "NPL Resolved Lens ID(s)",
	"NPL Resolved External Id(s)", "NPL Citations", "Legal Status", "Cited Patents"}

var (
	genWords = strings.Fields(`system method apparatus unmanned aerial vehicle drone control signal
		wireless network sensor battery module image processing flight propeller payload camera
		navigation device communication antenna frame housing motor data user terminal based
		power supply assembly landing gear controller position estimation obstacle avoidance`)
	genOrgs    = []string{"SZ DJI TECHNOLOGY CO LTD", "PARROT DRONES", "BOEING CO", "AMAZON TECH INC", "HUAWEI TECH CO LTD", "QUALCOMM INC", "UNIV BEIHANG", "SAMSUNG ELECTRONICS CO LTD", "SONY CORP", "ZEROTECH BEIJING INTELLIGENCE TECH CO LTD"}
	genPeople  = []string{"WANG TAO", "ZHAO CONG", "SMITH JOHN A", "MÜLLER HANS", "LIU WEI", "TANAKA HIROSHI", "GARCIA MARIA", "KIM MIN-SU", "DUBOIS PIERRE", "ZHANG YU"}
	genCPC     = []string{"B64C39/024", "B64C2201/127", "G05D1/0094", "H04W84/18", "G06T7/70", "B64D47/08", "H04N5/2328", "G01S17/933", "B64U10/13", "H02J7/0042"}
	genJur     = []string{"US", "CN", "EP", "WO", "JP", "KR"}
	genStatus  = []string{"ACTIVE", "PENDING", "DISCONTINUED", "EXPIRED", "INACTIVE", "UNKNOWN", "PATENTED"}
	genDocType = map[string]string{"A1": "Patent Application", "A": "Patent Application", "B2": "Granted Patent", "B": "Granted Patent", "U": "Limited Patent"}
)

// genKey returns a plausible display key and kind for jurisdiction j.
func genKey(rng *rand.Rand, j string) (string, string) {
	switch j {
	case "US":
		if rng.IntN(2) == 0 {
			return fmt.Sprintf("US %d/%07d A1", 2010+rng.IntN(14), rng.IntN(400000)), "A1"
		}
		return fmt.Sprintf("US %d B2", 8000000+rng.IntN(3000000)), "B2"
	case "CN":
		k := []string{"A", "B", "U"}[rng.IntN(3)]
		return fmt.Sprintf("CN %d %s", 100000000+rng.IntN(900000000), k), k
	case "EP":
		k := []string{"A1", "B1"}[rng.IntN(2)]
		return fmt.Sprintf("EP %d %s", 1000000+rng.IntN(3000000), k), k
	case "WO":
		return fmt.Sprintf("WO %d/%06d A1", 2005+rng.IntN(19), rng.IntN(200000)), "A1"
	case "JP":
		return fmt.Sprintf("JP %d A", 2010000000+rng.IntN(9000000)), "A"
	}
	return fmt.Sprintf("KR %d A", 20100000000+rng.IntN(900000000)), "A"
}

func genText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(genWords[rng.IntN(len(genWords))])
	}
	return b.String()
}

func genPick(rng *rand.Rand, list []string, max int) string {
	n := 1 + rng.IntN(max)
	parts := make([]string, n)
	for i := range parts {
		parts[i] = list[rng.IntN(len(list))]
	}
	return strings.Join(parts, ";;")
}

// writeCurrentLayout writes n plausible records in the current Lens layout (UTF-8 BOM, CRLF as
// Lens writes) to w.
func writeCurrentLayout(w io.Writer, n int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, 7))
	bw := bufio.NewWriter(w)
	bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	if err := cw.Write(currentHeader); err != nil {
		return err
	}
	row := make([]string, len(currentHeader))
	for i := 1; i <= n; i++ {
		j := genJur[rng.IntN(len(genJur))]
		key, kind := genKey(rng, j)
		y := 2008 + rng.IntN(15)
		pub := fmt.Sprintf("%d-%02d-%02d", y, 1+rng.IntN(12), 1+rng.IntN(28))
		app := fmt.Sprintf("%d-%02d-%02d", y-1-rng.IntN(2), 1+rng.IntN(12), 1+rng.IntN(28))
		prio := fmt.Sprintf("%d%02d%02d", y-2, 1+rng.IntN(12), 1+rng.IntN(28))
		lensID := fmt.Sprintf("%03d-%03d-%03d-%03d-%03d", rng.IntN(1000), rng.IntN(1000), rng.IntN(1000), rng.IntN(1000), rng.IntN(1000))
		fam := make([]string, 1+rng.IntN(4))
		for k := range fam {
			fam[k], _ = genKey(rng, genJur[rng.IntN(len(genJur))])
		}
		cited := make([]string, rng.IntN(6))
		for k := range cited {
			cited[k], _ = genKey(rng, "US")
		}
		npl := ""
		if rng.IntN(3) == 0 {
			npl = "SMITH J et al., \"" + genText(rng, 60) + "\", IEEE Trans., 2015;;" + genText(rng, 40)
		}
		fill := map[string]string{
			"#": fmt.Sprint(i), "Jurisdiction": j, "Kind": kind, "Display Key": key, "Lens ID": lensID,
			"Publication Date": pub, "Publication Year": pub[:4],
			"Application Number":                   fmt.Sprintf("%s %d%06d A", j, y-1, rng.IntN(1000000)),
			"Application Date":                     app,
			"Priority Numbers":                     fmt.Sprintf("%s %d%06d A %s;;US %d%06d P %s", j, y-2, rng.IntN(1000000), prio, y-2, rng.IntN(1000000), prio),
			"Earliest Priority Date":               prio[:4] + "-" + prio[4:6] + "-" + prio[6:],
			"Title":                                strings.ToUpper(genText(rng, 70)),
			"Abstract":                             genText(rng, 600),
			"Applicants":                           genPick(rng, genOrgs, 2),
			"Inventors":                            genPick(rng, genPeople, 4),
			"Owners":                               genPick(rng, genOrgs, 1),
			"URL":                                  "https://lens.org/" + lensID,
			"Document Type":                        genDocType[kind],
			"Has Full Text":                        "true",
			"Cites Patent Count":                   fmt.Sprint(len(cited)),
			"Cited by Patent Count":                fmt.Sprint(rng.IntN(50)),
			"Simple Family Size":                   fmt.Sprint(len(fam)),
			"Simple Family Members":                strings.Join(fam, ";;"),
			"Simple Family Member Jurisdictions":   j,
			"Extended Family Size":                 fmt.Sprint(len(fam)),
			"Extended Family Members":              strings.Join(fam, ";;"),
			"Extended Family Member Jurisdictions": j,
			"Sequence Count":                       "0",
			"CPC Classifications":                  genPick(rng, genCPC, 5),
			"IPCR Classifications":                 genPick(rng, genCPC, 3),
			"NPL Citation Count":                   fmt.Sprint(strings.Count(npl, ";;") + map[bool]int{true: 0, false: 1}[npl == ""]),
			"NPL Citations":                        npl,
			"Legal Status":                         genStatus[rng.IntN(len(genStatus))],
			"Cited Patents":                        strings.Join(cited, ";;"),
		}
		for k, h := range currentHeader {
			row[k] = fill[h]
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// benchFile generates (once per process) a current-layout file of n records.
func benchFile(tb testing.TB, n int) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("patnav-lens-bench-%d.csv", n))
	if st, err := os.Stat(path); err == nil && st.Size() > 0 {
		return path
	}
	tmp := path + ".tmp"
	f, err := os.Create(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	if err := writeCurrentLayout(f, n, 1); err != nil {
		f.Close()
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkRead reads a generated 100,000-record current-layout Lens export (about 170 MB) and
// reports records/s and MB/s.
func BenchmarkRead(b *testing.B) {
	const n = 100_000
	formattest.BenchRead(b, Open, benchFile(b, n), n)
}
