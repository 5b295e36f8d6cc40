package enterprise

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/patnav/patnav/analysis"
	"github.com/patnav/patnav/ingest"
	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// The hand-built lake: 36 single-branch families in five level-1 branches, window 2010–2025,
// cut-off 2025-12-31, last complete year 2023, so recent = 2019–2023 and previous = 2014–2018.
//
//	branch  codes        families (applicant year)                                   recent prev
//	air     B64C39/024   Acme 2015 ×2, 2016 (CN utility model), 2020 ×2, 2021 (the      7     4
//	                     subsidiary), 2022; Gamma 2020; Omega 2016, 2020; Beta 2021
//	ctl     G05D1/10     Acme 2017, Acme+Tsinghua 2020; Delta 2015, 2019                 2     2
//	com     H04B7/18506  Beta 2015, 2020 ×2, 2021 ×2, 2022; Gamma 2021 ×2, 2022;         9     2
//	                     Delta 2016; Tsinghua 2020
//	spr     A01M7/0089   Omega 2020, 2021, 2022; Delta 2023                              4     0
//	cap     F41H11/02    Gamma 2014 ×2, 2015, 2016, 2019; Beta 2017                      1     5
//
// Citations (Cited Patents): Acme air 2020a → Beta com 2015; Acme air 2022 → Gamma air 2020;
// Gamma air 2020 → Delta com 2016; Beta com 2020a → Acme air 2015a; Beta com 2021a and 2022 →
// Gamma air 2020; Omega spr 2022 and Delta spr 2023 → Omega air 2020.
//
// Quality (the macro's OECD index 6, normalised within priority year × main subclass): claims are
// absent; grant lags are equal within every cohort (undefined); so the index is the mean of the
// defined ones among forward citations (windowed, in the lake), family size and backward citations.
// Cohorts with variation:
//
//	2015|B64C  a15a fwd 1 → 1; a15b → 0
//	2020|B64C  fwd [a20a 0, a20b 0, g20air 3, o20air 2] → hi = Q.99 = 2.97: g 1, o 0.6734
//	           size [2, 1, 3, 3] → lo = Q.01 = 1.03, hi = 3: a20a 0.4924, a20b 0, g 1, o 1
//	           backward [1, 0, 1, 0]: a20a 1, g 1
//	           → g20air 1, o20air 0.5578, a20a 0.4975, a20b 0
//	2020|H04B  backward: b20com1 1; b20com2, u20com 0
//	2021|H04B  backward: b21com1 1; b21com2, g21com1, g21com2 0
//	2022|H04B  backward: b22com 1; g22com 0
//
// Every other cohort is uniform or a single family: unscored. 15 scored families: eight 0, 0.4975,
// 0.5578, five 1. Core patents: ceil(36 × 0.12) = 5 → the five scoring 1 (a15a and g20air in air,
// three of Beta's in com). Watch threshold: the 0.6 quantile = 0.4975 + 0.4 × (0.5578 − 0.4975)
// = 0.5216.
type testFam struct {
	id        string
	year      int
	code      string
	applicant string   // ;;-separated
	inventors string   // ;;-separated
	members   []string // office:kind, e.g. "CN:B", "US:A1"
	status    string
	cites     []string // ids of cited families (their first member is cited)
}

const (
	cAir = "B64C39/024"
	cCtl = "G05D1/10"
	cCom = "H04B7/18506"
	cSpr = "A01M7/0089"
	cCap = "F41H11/02"

	nA  = "ACME DRONE CO LTD"
	nA2 = "Acme Drone Co., Ltd."
	nS  = "ACME AGRI TECH CO LTD"
	nB  = "BETA AVIATION CORP"
	nG  = "GAMMA ROBOTICS INC"
	nO  = "OMEGA SYSTEMS INC"
	nD  = "DELTA DYNAMICS INC"
	nU  = "TSINGHUA UNIVERSITY"
)

var testFams = []testFam{
	// Acme: 9 families, 7 in air and 2 in ctl (one shared with Tsinghua: 1/2 each).
	{"a15a", 2015, cAir, nA, "WANG A", []string{"CN:B"}, "INACTIVE", nil},
	{"a15b", 2015, cAir, nA2, "WANG A", []string{"CN:B"}, "ACTIVE", nil},
	{"a16", 2016, cAir, nA, "WANG A", []string{"CN:U"}, "ACTIVE", nil},
	{"a20a", 2020, cAir, nA, "WANG A", []string{"CN:B", "US:B2"}, "ACTIVE", []string{"b15com"}},
	{"a20b", 2020, cAir, nA, "WANG A;;LI B", []string{"CN:B"}, "ACTIVE", nil},
	{"a21", 2021, cAir, nS, "LI B;;QIAN F", []string{"CN:A"}, "PENDING", nil},
	{"a22", 2022, cAir, nA, "ZHAO C", []string{"CN:A"}, "PENDING", []string{"g20air"}},
	{"a17", 2017, cCtl, nA, "SUN D", []string{"CN:B"}, "ACTIVE", nil},
	{"a20u", 2020, cCtl, nA + ";;" + nU, "ZHOU E", []string{"CN:B"}, "ACTIVE", nil},
	// Others in air.
	{"g20air", 2020, cAir, nG, "KIM G", []string{"US:B2", "EP:A1", "CN:A"}, "ACTIVE", []string{"d16com"}},
	{"o20air", 2020, cAir, nO, "PARK O", []string{"US:B2", "EP:B1", "CN:B"}, "INACTIVE", nil},
	{"o16air", 2016, cAir, nO, "PARK O", []string{"US:B2"}, "ACTIVE", nil},
	{"b21air", 2021, cAir, nB, "SMITH B", []string{"US:B2"}, "ACTIVE", nil},
	// ctl.
	{"d15ctl", 2015, cCtl, nD, "LEE D", []string{"US:B2"}, "ACTIVE", nil},
	{"d19ctl", 2019, cCtl, nD, "LEE D", []string{"US:B2"}, "ACTIVE", nil},
	// com: Beta and Gamma grow, Acme is absent.
	{"b15com", 2015, cCom, nB, "SMITH B", []string{"US:B2"}, "ACTIVE", nil},
	{"d16com", 2016, cCom, nD, "LEE D", []string{"US:B2"}, "ACTIVE", nil},
	{"b20com1", 2020, cCom, nB, "SMITH B", []string{"US:B2"}, "ACTIVE", []string{"a15a"}},
	{"b20com2", 2020, cCom, nB, "SMITH B", []string{"US:A1"}, "PENDING", nil},
	{"u20com", 2020, cCom, nU, "CHEN U", []string{"CN:A"}, "PENDING", nil},
	{"b21com1", 2021, cCom, nB, "SMITH B", []string{"US:B2"}, "ACTIVE", []string{"g20air"}},
	{"b21com2", 2021, cCom, nB, "SMITH B", []string{"US:A1"}, "PENDING", nil},
	{"g21com1", 2021, cCom, nG, "KIM G", []string{"US:B2"}, "ACTIVE", nil},
	{"g21com2", 2021, cCom, nG, "KIM G", []string{"US:A1"}, "PENDING", nil},
	{"b22com", 2022, cCom, nB, "SMITH B", []string{"US:A1"}, "PENDING", []string{"g20air"}},
	{"g22com", 2022, cCom, nG, "KIM G", []string{"US:A1"}, "PENDING", nil},
	// spr: growing, no competitor of Acme files there.
	{"o20spr", 2020, cSpr, nO, "PARK O", []string{"US:B2"}, "ACTIVE", nil},
	{"o21spr", 2021, cSpr, nO, "PARK O", []string{"US:B2"}, "ACTIVE", nil},
	{"o22spr", 2022, cSpr, nO, "PARK O", []string{"US:A1"}, "PENDING", []string{"o20air"}},
	{"d23spr", 2023, cSpr, nD, "LEE D", []string{"US:A1"}, "PENDING", []string{"o20air"}},
	// cap: declining.
	{"g14cap1", 2014, cCap, nG, "KIM G", []string{"US:B2"}, "ACTIVE", nil},
	{"g14cap2", 2014, cCap, nG, "KIM G", []string{"US:B2"}, "ACTIVE", nil},
	{"g15cap", 2015, cCap, nG, "KIM G", []string{"US:B2"}, "ACTIVE", nil},
	{"g16cap", 2016, cCap, nG, "KIM G", []string{"US:B2"}, "ACTIVE", nil},
	{"b17cap", 2017, cCap, nB, "SMITH B", []string{"US:B2"}, "ACTIVE", nil},
	{"g19cap", 2019, cCap, nG, "KIM G", []string{"US:B2"}, "ACTIVE", nil},
}

// displayKey returns the Lens display key of member k of family i.
func displayKey(i, k int, office, kind string) string {
	n := 1000 + 10*i + k
	switch {
	case office == "US" && strings.HasPrefix(kind, "A"):
		return fmt.Sprintf("US 2020/%07d %s", n, kind)
	case office == "US":
		return fmt.Sprintf("US %d %s", 11000000+n, kind)
	case office == "EP":
		return fmt.Sprintf("EP %d %s", 3000000+n, kind)
	}
	return fmt.Sprintf("CN %d %s", 110000000+n, kind)
}

// writeTestCSV writes the families as a current-layout Lens export.
func writeTestCSV(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	w.Write([]string{"#", "Jurisdiction", "Kind", "Display Key", "Lens ID", "Publication Date", "Publication Year", "Application Number",
		"Application Date", "Priority Numbers", "Earliest Priority Date", "Title", "Abstract", "Applicants", "Inventors", "Document Type",
		"Cites Patent Count", "Cited by Patent Count", "Simple Family Size", "CPC Classifications", "IPCR Classifications", "Legal Status", "Cited Patents"})
	first := map[string]string{}
	for i, fam := range testFams {
		o, k, _ := strings.Cut(fam.members[0], ":")
		first[fam.id] = displayKey(i, 0, o, k)
	}
	rec := 0
	for i, fam := range testFams {
		prio := fmt.Sprintf("CN %d%07d A %d0301", fam.year, 1000+i, fam.year)
		for k, m := range fam.members {
			office, kind, _ := strings.Cut(m, ":")
			rec++
			docType := "Patent Application"
			switch {
			case kind == "U":
				docType = "Utility Model"
			case strings.HasPrefix(kind, "B"):
				docType = "Granted Patent"
			}
			var cited []string
			for _, c := range fam.cites {
				cited = append(cited, first[c])
			}
			w.Write([]string{fmt.Sprint(rec), office, kind, displayKey(i, k, office, kind), fmt.Sprintf("000-000-%03d-%03d-00X", i, k),
				fmt.Sprintf("%d-09-01", fam.year+1), fmt.Sprint(fam.year + 1), fmt.Sprintf("%s %d%07d A", office, fam.year, 1000+10*i+k),
				fmt.Sprintf("%d-03-01", fam.year), prio, fmt.Sprintf("%d-03-01", fam.year), "Test family " + fam.id, "A drone invention " + fam.id,
				fam.applicant, fam.inventors, docType, fmt.Sprint(len(cited)), "", fmt.Sprint(len(fam.members)), fam.code, fam.code, fam.status,
				strings.Join(cited, ";;")})
		}
	}
	w.Flush()
	return w.Error()
}

// testSession builds the hand-built lake in a temporary folder and opens a session on it with
// the config testdata/handbuilt.yaml.
func testSession(t testing.TB) (*analysis.Session, *landscape.Macro) {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeTestCSV(filepath.Join(in, "lens.csv")); err != nil {
		t.Fatal(err)
	}
	lake := filepath.Join(dir, "lake")
	if _, err := ingest.Run(context.Background(), []string{in}, ingest.Options{Lake: lake, MaxBad: 0}); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load("testdata/handbuilt.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cfg.Lake = lake
	s, err := analysis.Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	m, err := landscape.BuildMacro(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	return s, m
}

func countsOf(cs []landscape.Count) string {
	var parts []string
	for _, c := range cs {
		parts = append(parts, c.Key+"="+trimFloat(c.N))
	}
	return strings.Join(parts, " ")
}

func trimFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func itoa(n int) string { return strconv.Itoa(n) }
