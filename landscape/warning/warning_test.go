package warning

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLevelRules(t *testing.T) {
	cases := []struct {
		v, t  float64
		dir   string
		near  bool
		level string
		e     float64 // NaN: infinite (nil)
	}{
		{0.5, 0.5, Below, true, LevelInfo, 1},          // at the threshold: not past ("< 0.5"), approaching
		{0.54, 0.5, Below, true, LevelInfo, 0.9259},    // not past, within a factor 1.1 (0.5/0.54 ≥ 1/1.1)
		{0.56, 0.5, Below, true, "", 0.8929},           // not past, farther than a factor 1.1
		{0.45, 0.5, Below, true, LevelWatch, 1.1111},   // past by 1.11
		{0.49, 0.5, Below, true, LevelWatch, 1.0204},   // just past
		{0.3334, 0.5, Below, true, LevelWatch, 1.4997}, // factor just under 1.5
		{1.0 / 3, 0.5, Below, true, LevelWarning, 1.5}, // exactly 1.5
		{2.0 / 3, 1, Below, true, LevelWarning, 1.5},   // 10/15 below 1: exactly 1.5
		{0.25, 0.5, Below, true, LevelSevere, 2},       // factor exactly 2
		{0, 0.5, Below, true, LevelSevere, math.NaN()},
		{-0.2, 1, Below, true, LevelSevere, math.NaN()}, // a negative growth ratio is infinitely past
		{5, 5, Above, true, LevelInfo, 1},
		{5.01, 5, Above, true, LevelWatch, 1.002},
		{10, 5, Above, true, LevelSevere, 2},
		{200, 200, AtLeast, false, LevelWatch, 1}, // "≥": the threshold itself fires
		{199, 200, AtLeast, false, "", 0.995},     // no info band for signals beyond §6
		{300, 200, AtLeast, false, LevelWarning, 1.5},
	}
	for _, c := range cases {
		level, e := levelFor(c.v, c.t, c.dir, c.near)
		if level != c.level {
			t.Errorf("levelFor(%v, %v, %s) level %q, want %q", c.v, c.t, c.dir, level, c.level)
		}
		switch {
		case math.IsNaN(c.e) && e != nil:
			t.Errorf("levelFor(%v, %v, %s) excess %v, want infinite (nil)", c.v, c.t, c.dir, *e)
		case !math.IsNaN(c.e) && (e == nil || math.Abs(*e-c.e) > 1e-3):
			t.Errorf("levelFor(%v, %v, %s) excess %v, want %v", c.v, c.t, c.dir, e, c.e)
		}
	}
	for n, want := range map[int]string{1: LevelWatch, 2: LevelWatch, 3: LevelWarning, 9: LevelWarning, 10: LevelSevere, 40: LevelSevere} {
		if got := blockingLevel(n); got != want {
			t.Errorf("blockingLevel(%d) = %s, want %s", n, got, want)
		}
	}
	for _, c := range []struct {
		org   string
		share float64
		want  string
	}{{"domestic", 0.5, LevelInfo}, {"unknown", 0.5, LevelInfo}, {"foreign", 0.0299, LevelWatch}, {"foreign", 0.03, LevelWarning}} {
		if got := entrantLevel(c.org, c.share); got != c.want {
			t.Errorf("entrantLevel(%s, %v) = %s, want %s", c.org, c.share, got, c.want)
		}
	}
	// Keys name kind and subject only; ids are their hashes.
	if k := subjectKey(KindReserve, "branch", ""); k != "reserve:overall" {
		t.Errorf("key %q", k)
	}
	if k := subjectKey(KindSurge, "applicant", "X", "branch", "pw"); k != "surge:applicant=X:branch=pw" {
		t.Errorf("key %q", k)
	}
	if id := SignalID("reserve:branch=pw"); len(id) != 12 || id != SignalID("reserve:branch=pw") || id == SignalID("reserve:branch=pw-bat") {
		t.Errorf("SignalID not a stable 12-digit hash: %q", id)
	}
	for i, l := range Levels {
		if Rank(l) != i+1 || !ValidLevel(l) {
			t.Errorf("Rank(%s) = %d", l, Rank(l))
		}
	}
	if Rank("") != 0 || ValidLevel("critical") {
		t.Error("unknown levels must rank 0")
	}
	if n := classifyEvent("LITI", "PATENT LITIGATION"); n != KindLitigation {
		t.Errorf("classify litigation: %q", n)
	}
	for desc, want := range map[string]string{"ASSIGNMENT": KindTransfer, "NEW OWNER  REGISTERED": KindTransfer, "专利权的转移": KindTransfer,
		"LICENCE": KindLicence, "专利实施许可合同备案的生效": KindLicence, "无效宣告": KindInvalidation, "OPPOSITION FILED": KindInvalidation,
		"FEE PAYMENT": "", "EXAMINATION REQUEST": ""} {
		if got := classifyEvent("", desc); got != want {
			t.Errorf("classifyEvent(%q) = %q, want %q", desc, got, want)
		}
	}
}

// dom and forn make domestic (CN) and foreign (JP) invention families in branch cell, 2020.
func dom(who string) tfam { return tfam{year: 2020, who: who, cc: "CN", ipc: "H01M10/05"} }
func forn(who string) tfam {
	return tfam{year: 2020, who: who, cc: "JP", ipc: "H01M10/05"}
}

// TestReserveAndBubble: D domestic and F foreign invention families at CN, all in branch cell.
// reserve = bubble = D/F; reserve warns below 0.5, bubble above 5 (defaults).
func TestReserveAndBubble(t *testing.T) {
	cases := []struct {
		name                     string
		d, f                     int
		value                    float64 // NaN: undefined
		reserve, bubble          string
		branchDefined            bool // D+F ≥ 5
		reserveExcessInf         bool
		extra                    []tfam
		unknown, foreignExpected float64
	}{
		// 1/2 = 0.5 exactly: not below 0.5 (info: approaching); the branch has 3 < 5 families.
		{name: "at threshold", d: 1, f: 2, value: 0.5, reserve: LevelInfo},
		// 2/5 = 0.4: past by 0.5/0.4 = 1.25: watch. Unknown origin, a foreign utility model and
		// a foreign family without a CN member are left out: F stays 5.
		{name: "watch", d: 2, f: 5, value: 0.4, reserve: LevelWatch, branchDefined: true, unknown: 1, foreignExpected: 5,
			extra: []tfam{{year: 2020, who: "ANON LLC", ipc: "H01M10/05", extra: []string{"US"}, noCN: false},
				{year: 2020, who: "FORA CORP", cc: "JP", ipc: "H01M10/05", um: true},
				{year: 2020, who: "FORB INC", cc: "US", ipc: "H01M10/05", noCN: true, extra: []string{"US"}}}},
		// 1/3: factor exactly 1.5: warning.
		{name: "warning edge", d: 1, f: 3, value: 0.3333, reserve: LevelWarning},
		// 1/4 = 0.25: factor exactly 2: severe; branch base 5: defined.
		{name: "severe", d: 1, f: 4, value: 0.25, reserve: LevelSevere, branchDefined: true},
		// 0/3 = 0: no domestic reserve at all: infinitely past: severe.
		{name: "no domestic", d: 0, f: 3, value: 0, reserve: LevelSevere, reserveExcessInf: true},
		// 3/0: no foreign patents: undefined, not infinite or zero.
		{name: "no foreign", d: 3, f: 0, value: math.NaN()},
		// 11/2 = 5.5 > 5: factor 1.1: bubble watch.
		{name: "bubble watch", d: 11, f: 2, value: 5.5, bubble: LevelWatch, branchDefined: true},
		// 10/2 = 5: not above 5: info.
		{name: "bubble at threshold", d: 10, f: 2, value: 5, bubble: LevelInfo, branchDefined: true},
		// 21/2 = 10.5: factor 2.1: severe.
		{name: "bubble severe", d: 21, f: 2, value: 10.5, bubble: LevelSevere, branchDefined: true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fams := cat(many(c.d, "D", dom("DOMA CO LTD")), many(c.f, "F", forn("FORA CORP")))
			for i, e := range c.extra {
				e.id = fmt.Sprintf("X%d", i)
				fams = append(fams, e)
			}
			b := lakeOf(t, fams, "")
			r, bu := ind(t, b, KindReserve, ""), ind(t, b, KindBubble, "")
			if math.IsNaN(c.value) {
				if r.Value != nil || bu.Value != nil || r.Reason != ReasonNoForeign {
					t.Fatalf("want undefined reserve, got %v / %v (%q)", r.Value, bu.Value, r.Reason)
				}
				if sig(b, "reserve:overall") != nil || sig(b, "bubble:overall") != nil {
					t.Fatal("an undefined ratio must not signal")
				}
				found := false
				for _, u := range b.Unavailable {
					found = found || u.Analysis == "indicators.reserve"
				}
				if !found {
					t.Fatalf("indicators.reserve not listed as unavailable: %+v", b.Unavailable)
				}
				data, _ := Marshal(b)
				if !bytes.Contains(data, []byte(`"value": null`)) {
					t.Fatal("undefined values must encode as null")
				}
				for _, k := range []string{KindWeakLeaders, KindPortfolio, KindGrowthLag} {
					if i := ind(t, b, k, ""); i.Value != nil || !strings.Contains(i.Reason, "foreign") {
						t.Errorf("%s with no foreign filings: %v %q", k, i.Value, i.Reason)
					}
				}
				return
			}
			wantValue(t, "reserve", r.Value, c.value)
			wantValue(t, "bubble", bu.Value, c.value)
			if r.Level != c.reserve || bu.Level != c.bubble {
				t.Fatalf("levels reserve %q bubble %q, want %q %q", r.Level, bu.Level, c.reserve, c.bubble)
			}
			if numOf(t, r.Numbers, "domestic") != float64(c.d) {
				t.Fatalf("domestic %v", r.Numbers)
			}
			if c.foreignExpected > 0 && (numOf(t, r.Numbers, "foreign") != c.foreignExpected || numOf(t, r.Numbers, "unknown_origin") != c.unknown) {
				t.Fatalf("foreign/unknown %v", r.Numbers)
			}
			for kind, level := range map[string]string{KindReserve: c.reserve, KindBubble: c.bubble} {
				s := sig(b, kind+":overall")
				if (s == nil) != (level == "") {
					t.Fatalf("%s signal %v, want level %q", kind, s, level)
				}
				if s != nil && (s.Level != level || s.ID != SignalID(kind+":overall") || s.State != StateNew) {
					t.Fatalf("%s signal %+v", kind, s)
				}
			}
			if s := sig(b, "reserve:overall"); s != nil {
				if c.reserveExcessInf != (s.Excess == nil) {
					t.Fatalf("excess %v, infinite %v", s.Excess, c.reserveExcessInf)
				}
				// The patents behind a reserve warning: the foreign filings (top ones listed).
				if s.PatentsTotal != c.f || len(s.Patents) != min(c.f, MaxPatents) {
					t.Fatalf("patents %d/%d, want %d", len(s.Patents), s.PatentsTotal, c.f)
				}
				for _, p := range s.Patents {
					if p.Country != "JP" || !strings.HasPrefix(p.PubNumber, "CN") {
						t.Fatalf("patent behind reserve: %+v", p)
					}
				}
			}
			br := ind(t, b, KindReserve, "cell")
			if c.branchDefined != (br.Value != nil) {
				t.Fatalf("branch cell reserve %v (%q), defined want %v", br.Value, br.Reason, c.branchDefined)
			}
			if !c.branchDefined && br.Reason != ReasonFewFamilies {
				t.Fatalf("branch reason %q", br.Reason)
			}
		})
	}
}

// TestGrowthLag: CAGR over the complete years 2018–2023 (window 5, last complete year 2023).
func TestGrowthLag(t *testing.T) {
	y := func(f tfam, year int, ipc string) tfam { f.year, f.ipc = year, ipc; return f }
	d, f := dom("DOMA CO LTD"), forn("FORA CORP")
	var fams []tfam
	add := func(n int, base tfam, year int, ipc, prefix string) {
		for i := 0; i < n; i++ {
			g := y(base, year, ipc)
			g.id = fmt.Sprintf("%s%d-%d", prefix, year, i)
			fams = append(fams, g)
		}
	}
	// cell: domestic 1 (2018) → 2 (2023), foreign 1 → 4; incomplete 2024 foreign filings (10)
	// do not count. CAGR_D = 2^(1/5) − 1 = 0.148698, CAGR_F = 4^(1/5) − 1 = 0.319508,
	// ratio = 0.465393: past 1 by 2.149: severe.
	add(1, d, 2018, "H01M10/05", "cD")
	add(1, d, 2019, "H01M10/05", "cD")
	add(2, d, 2023, "H01M10/05", "cD")
	add(1, f, 2018, "H01M10/05", "cF")
	add(4, f, 2023, "H01M10/05", "cF")
	add(10, f, 2024, "H01M10/05", "cF")
	// elec: foreign declines 4 → 1: CAGR_F < 0: undefined (a ratio of rates does not read as a lag).
	add(1, d, 2018, "H01M4/13", "eD")
	add(2, d, 2023, "H01M4/13", "eD")
	add(4, f, 2018, "H01M4/13", "eF")
	add(1, f, 2023, "H01M4/13", "eF")
	// fuel: no domestic filing in 2018: growth from zero is undefined.
	add(2, d, 2023, "H01M8/10", "fD")
	add(1, f, 2018, "H01M8/10", "fF")
	add(2, f, 2023, "H01M8/10", "fF")
	b := lakeOf(t, fams, "")
	g := ind(t, b, KindGrowthLag, "cell")
	wantValue(t, "growth lag (cell)", g.Value, (math.Pow(2, 0.2)-1)/(math.Pow(4, 0.2)-1))
	if g.Level != LevelSevere || !near(numOf(t, g.Numbers, "cagr_domestic"), 0.1487) || !near(numOf(t, g.Numbers, "cagr_foreign"), 0.3195) ||
		numOf(t, g.Numbers, "cagr_from") != 2018 || numOf(t, g.Numbers, "cagr_to") != 2023 {
		t.Fatalf("cell growth lag %+v", g)
	}
	s := sig(b, "growth_lag:branch=cell")
	if s == nil || s.Level != LevelSevere || len(s.Series) != 2 || s.Series[0].Name != "domestic" {
		t.Fatalf("growth lag signal %+v", s)
	}
	// The series carry the incomplete years, flagged.
	last := s.Series[1].Points[len(s.Series[1].Points)-1]
	if last.Year != 2025 || !last.Incomplete {
		t.Fatalf("series end %+v", last)
	}
	for _, p := range s.Series[1].Points {
		if p.Year == 2024 && p.N != 10 {
			t.Fatalf("2024 foreign %v", p.N)
		}
	}
	if e := ind(t, b, KindGrowthLag, "elec"); e.Value != nil || e.Reason != ReasonForeignNotPositive {
		t.Fatalf("elec growth lag %+v", e)
	}
	if e := ind(t, b, KindGrowthLag, "fuel"); e.Value != nil || e.Reason != ReasonDomesticCAGR {
		t.Fatalf("fuel growth lag %+v", e)
	}
	// The data start in 2018: new entrants since 2021 need history from 2016.
	found := false
	for _, u := range b.Unavailable {
		found = found || u.Analysis == "signals.entrant" && u.Code == UnavShortHistory && u.N == 2018 && u.Min == 2016
	}
	if !found {
		t.Fatal("entrants must be unavailable on a short history")
	}
}

// TestLeadersAndPortfolio: 10 domestic applicants with one family each; foreign FORA 12, FORB 3.
// weak leaders = top-10 domestic / top-10 foreign = 10/15 = 0.6667 (factor 1.5: warning);
// portfolio = (3/10) ÷ (15/15) = 0.3 — with the configured threshold 0.5: factor 1.667, warning.
// (With the default 0.25 it cannot fire: a top-3 share of a top-10 is at least 0.3.)
func TestLeadersAndPortfolio(t *testing.T) {
	var fams []tfam
	for i := 1; i <= 10; i++ {
		f := dom(fmt.Sprintf("DOM%02d CO LTD", i))
		f.id = fmt.Sprintf("D%d", i)
		fams = append(fams, f)
	}
	fams = append(fams, many(12, "FA", forn("FORA CORP"))...)
	fb := forn("FORB INC")
	fb.cc = "US"
	fams = append(fams, many(3, "FB", fb)...)
	b := lakeOf(t, fams, "warnings: {thresholds: {portfolio_concentration: 0.5}}\n")
	w := ind(t, b, KindWeakLeaders, "")
	wantValue(t, "weak leaders", w.Value, 10.0/15)
	if w.Level != LevelWarning || numOf(t, w.Numbers, "top10_domestic") != 10 || numOf(t, w.Numbers, "top10_foreign") != 15 ||
		numOf(t, w.Numbers, "domestic_applicants") != 10 || numOf(t, w.Numbers, "foreign_applicants") != 2 {
		t.Fatalf("weak leaders %+v", w)
	}
	p := ind(t, b, KindPortfolio, "")
	wantValue(t, "portfolio", p.Value, 0.3)
	if p.Level != LevelWarning || p.Threshold != 0.5 || !near(numOf(t, p.Numbers, "top3_share_domestic"), 0.3) || numOf(t, p.Numbers, "top3_share_foreign") != 1 {
		t.Fatalf("portfolio %+v", p)
	}
	s := sig(b, "weak_leaders:overall")
	if s == nil || s.PatentsTotal != 15 || len(s.Patents) != MaxPatents {
		t.Fatalf("weak leaders signal %+v", s)
	}
	if s := sig(b, "portfolio_concentration:overall"); s == nil || s.PatentsTotal != 3 {
		t.Fatalf("portfolio signal: the families of the top-3 domestic applicants, got %+v", s)
	}
}

// TestMarketBarrierAndTechGap:
//
//	a DOMA CN 2012 cell [CN]      b DOMA CN 2015 cell [CN US]   c FORA JP 2011 cell [CN JP]
//	d FORB US 2008 cell [CN US]   e FORB US 2016 cell [US]      f FORC DE 2010 cell [CN EP]
//	g DOMB CN 2018 elec [CN]
//
// Window 2010+: a b c e f g; with a US/EP/JP member: b c e f → 4/6 = 0.6667 (factor 1.333: watch);
// cell: 4/5 = 0.8 (factor 1.6: warning); elec has 1 family: undefined. First filings: domestic
// 2012, US 2008 (gap 4), JP 2011 (1), EP (DE) 2010 (2), KR none.
func TestMarketBarrierAndTechGap(t *testing.T) {
	fams := []tfam{
		{id: "a", year: 2012, who: "DOMA CO LTD", cc: "CN", ipc: "H01M10/05"},
		{id: "b", year: 2015, who: "DOMA CO LTD", cc: "CN", ipc: "H01M10/05", extra: []string{"US"}},
		{id: "c", year: 2011, who: "FORA CORP", cc: "JP", ipc: "H01M10/05", extra: []string{"JP"}},
		{id: "d", year: 2008, who: "FORB INC", cc: "US", ipc: "H01M10/05", extra: []string{"US"}},
		{id: "e", year: 2016, who: "FORB INC", cc: "US", ipc: "H01M10/05", noCN: true, extra: []string{"US"}},
		{id: "f", year: 2010, who: "FORC GMBH", cc: "DE", ipc: "H01M10/05", extra: []string{"EP"}},
		{id: "g", year: 2018, who: "DOMB CO LTD", cc: "CN", ipc: "H01M4/13"},
	}
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	b := buildLake(t, lake, "", testNow)
	m := ind(t, b, KindMarketBarrier, "")
	wantValue(t, "market barrier", m.Value, 4.0/6)
	if m.Level != LevelWatch || numOf(t, m.Numbers, "office_US") != 2 || numOf(t, m.Numbers, "office_EP") != 1 || numOf(t, m.Numbers, "office_JP") != 1 {
		t.Fatalf("market barrier %+v", m)
	}
	mc := ind(t, b, KindMarketBarrier, "cell")
	wantValue(t, "market barrier cell", mc.Value, 0.8)
	if mc.Level != LevelWarning {
		t.Fatalf("cell barrier level %q", mc.Level)
	}
	if me := ind(t, b, KindMarketBarrier, "elec"); me.Value != nil {
		t.Fatalf("elec barrier with one family: %v", *me.Value)
	}
	gap := b.TechGap[0]
	if gap.Branch != "" || gap.DomesticFirst != 2012 {
		t.Fatalf("gap %+v", gap)
	}
	want := map[string][2]int{"US": {2008, 4}, "JP": {2011, 1}, "EP": {2010, 2}}
	for _, p := range gap.Peers {
		w, ok := want[p.Peer]
		switch {
		case p.Peer == "KR":
			if p.First != 0 || p.Gap != nil {
				t.Errorf("KR %+v", p)
			}
		case !ok || p.First != w[0] || p.Gap == nil || *p.Gap != w[1]:
			t.Errorf("peer %+v, want %v", p, w)
		}
	}
	// Any country may be domestic: US applicants, counted at the US office. Invention families
	// with a US member in the window: b (CN: foreign) and e (US: domestic): 1/1 = 1. The barrier
	// offices become EP and JP (c, f): 2/6; the gap peers JP, EP, KR: US first 2008, JP 2011 (−3).
	bu := buildLake(t, lake, "warnings: {domestic: US, office: US}\n", testNow)
	r := ind(t, bu, KindReserve, "")
	wantValue(t, "US reserve", r.Value, 1)
	if numOf(t, r.Numbers, "domestic") != 1 || numOf(t, r.Numbers, "foreign") != 1 || bu.Meta.Domestic != "US" || bu.Meta.Office != "US" {
		t.Fatalf("US reserve %+v", r)
	}
	wantValue(t, "US barrier", ind(t, bu, KindMarketBarrier, "").Value, 2.0/6)
	g := bu.TechGap[0]
	if g.DomesticFirst != 2008 || len(g.Peers) != 3 || g.Peers[0].Peer != "JP" || *g.Peers[0].Gap != -3 {
		t.Fatalf("US gap %+v", g)
	}
}

// TestSurge: branch cell, R = 2019–2023, Q = 2014–2018.
//
//	Q: FORA 1 (2016), DOMA 3              T_Q = 4
//	R: FORA 3, FORB 2, FORC 1, DOMA 1     T_R = 7   (+ FORB 5 in 2024: incomplete, not in R)
//
// FORA: growth 3/1 = 3, share 3/7 − 1/4 = 0.178571: factor min(1.5, 3.57) = 1.5: warning.
// FORB: growth 2/max(0,1) = 2 (exactly surge_growth), share 2/7 = 0.285714: factor 1: watch.
// FORC: growth 1: no surge. elec: FORA 0 → 3 but no domestic filer: no surge.
func TestSurge(t *testing.T) {
	at := func(who, cc string, year int, ipc string) tfam {
		return tfam{year: year, who: who, cc: cc, ipc: ipc}
	}
	fams := []tfam{
		at("FORA CORP", "JP", 2016, "H01M10/05"),
		at("DOMA CO LTD", "CN", 2015, "H01M10/05"), at("DOMA CO LTD", "CN", 2016, "H01M10/05"), at("DOMA CO LTD", "CN", 2017, "H01M10/05"),
		at("FORA CORP", "JP", 2019, "H01M10/05"), at("FORA CORP", "JP", 2021, "H01M10/05"), at("FORA CORP", "JP", 2023, "H01M10/05"),
		at("FORB INC", "US", 2020, "H01M10/05"), at("FORB INC", "US", 2022, "H01M10/05"),
		at("FORC GMBH", "DE", 2021, "H01M10/05"),
		at("DOMA CO LTD", "CN", 2020, "H01M10/05"),
		at("FORA CORP", "JP", 2019, "H01M4/13"), at("FORA CORP", "JP", 2020, "H01M4/13"), at("FORA CORP", "JP", 2021, "H01M4/13"),
	}
	fams = append(fams, many(5, "late", at("FORB INC", "US", 2024, "H01M10/05"))...)
	for i := range fams {
		if fams[i].id == "" {
			fams[i].id = fmt.Sprintf("s%d", i)
		}
	}
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	b := buildLake(t, lake, "", testNow)
	if b.Meta.RecentFrom != 2019 || b.Meta.RecentTo != 2023 || b.Meta.PrevFrom != 2014 || b.Meta.PrevTo != 2018 {
		t.Fatalf("windows %+v", b.Meta)
	}
	a := sig(b, "surge:applicant=FORA:branch=cell")
	if a == nil || a.Level != LevelWarning || a.Country != "JP" {
		t.Fatalf("FORA surge %+v (signals %v)", a, keys(b))
	}
	wantValue(t, "FORA growth", a.Value, 3)
	wantValue(t, "FORA excess", a.Excess, 1.5)
	if !near(numOf(t, a.Numbers, "share_change"), 3.0/7-0.25) || numOf(t, a.Numbers, "families_recent") != 3 || numOf(t, a.Numbers, "families_prev") != 1 ||
		numOf(t, a.Numbers, "domestic_recent") != 1 || a.PatentsTotal != 3 {
		t.Fatalf("FORA numbers %+v", a)
	}
	bb := sig(b, "surge:applicant=FORB:branch=cell")
	if bb == nil || bb.Level != LevelWatch {
		t.Fatalf("FORB surge %+v", bb)
	}
	wantValue(t, "FORB excess", bb.Excess, 1)
	// The series runs from Q to the end of the window and shows the incomplete 2024 filings.
	for _, p := range bb.Series[0].Points {
		if p.Year == 2024 && (p.N != 5 || !p.Incomplete) {
			t.Fatalf("FORB 2024 %+v", p)
		}
	}
	for _, s := range b.Signals {
		if s.Kind == KindSurge && (s.Branch != "cell" || s.Applicant == "FORC") {
			t.Fatalf("unexpected surge %s", s.Key)
		}
	}
	// A configured threshold just above FORA's growth removes both surges (FORB's growth is 2).
	b2 := buildLake(t, lake, "warnings: {thresholds: {surge_growth: 3.01}}\n", testNow)
	for _, s := range b2.Signals {
		if s.Kind == KindSurge {
			t.Fatalf("surge %s with surge_growth 3.01", s.Key)
		}
	}
}

// cohort returns n invention families of one cohort (priority year 2020 or year, subclass H01M,
// branch cell) whose claims are n, n−1, …, 1, so the quality index (claims are the only varying
// component) ranks them in that order and the macro model's percentile is 1 − rank/n.
func cohort(n, year int, who, cc string) []tfam {
	var out []tfam
	for i := 0; i < n; i++ {
		out = append(out, tfam{id: fmt.Sprintf("q%02d", i), year: year, who: who, cc: cc, ipc: "H01M10/05", claims: n - i, legal: "有权", grant: true})
	}
	return out
}

// TestBlocking: 20 families (percentile 1 − rank/20); ranks 0–2 reach 0.9.
//
//	rank 0 FORA alive (1.0): candidate     rank 1 FORD lapsed (0.95): not alive
//	rank 2 FORB granted, no status (0.9): presumed alive: candidate (the edge)
//	rank 3 FORC alive (0.85): below 0.9    ranks 4–19 DOMA (domestic, files in 2020: local activity)
//
// 2 candidates: watch.
func TestBlocking(t *testing.T) {
	fams := cohort(20, 2020, "DOMA CO LTD", "CN")
	fams[0].who, fams[0].cc = "FORA CORP", "JP"
	fams[1].who, fams[1].cc, fams[1].legal = "FORD AG", "DE", "失效"
	fams[2].who, fams[2].cc, fams[2].legal = "FORB INC", "US", ""
	fams[3].who, fams[3].cc = "FORC GMBH", "DE"
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	b := buildLake(t, lake, "", testNow)
	s := sig(b, "blocking:branch=cell")
	if s == nil || s.Level != LevelWatch || s.PatentsTotal != 2 {
		t.Fatalf("blocking %+v (signals %v)", s, keys(b))
	}
	if s.Patents[0].Applicant != "FORA" || *s.Patents[0].Quality != 1 || s.Patents[0].Presumed ||
		s.Patents[1].Applicant != "FORB" || !near(*s.Patents[1].Quality, 0.9) || !s.Patents[1].Presumed {
		t.Fatalf("blocking patents %+v", s.Patents)
	}
	if numOf(t, s.Numbers, "holders") != 2 {
		t.Fatalf("holders %v", s.Numbers)
	}
	// At percentile 0.95 only FORA remains (FORD is lapsed).
	b2 := buildLake(t, lake, "warnings: {thresholds: {blocking_quality_percentile: 0.95}}\n", testNow)
	if s := sig(b2, "blocking:branch=cell"); s == nil || s.PatentsTotal != 1 || s.Level != LevelWatch {
		t.Fatalf("blocking at 0.95: %+v", s)
	}
}

// TestExpiring: 60 families of 2016 (percentile 1 − rank/60); core share 0.05 → core = ranks 0–3.
// Run on 2026-01-15 with a 24-month window (until 2028-01-15):
//
//	rank 0 X alive, expiry stated 2027-06-30: expiring (17.45 months)
//	rank 1 W alive, expiry stated 2025-12-01: already expired
//	rank 2 V alive, expiry stated 2028-02-01: after the window
//	rank 3 Y utility model filed 2016-03-01, no status: term 10 years → 2026-03-01, presumed
//	       alive: expiring (1.48 months; percentile 0.95, the edge)
//	rank 4 Z alive, expiry stated 2027-01-01: not core (0.9333)
//	the rest: inventions filed 2016: 2036.
func TestExpiring(t *testing.T) {
	fams := cohort(60, 2016, "DOMA CO LTD", "CN")
	fams[0].who, fams[0].expiry = "XCO CO LTD", "2027-06-30"
	fams[1].expiry = "2025-12-01"
	fams[2].expiry = "2028-02-01"
	fams[3].who, fams[3].um, fams[3].legal = "YCO CO LTD", true, ""
	fams[4].expiry = "2027-01-01"
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	b := buildLake(t, lake, "", testNow)
	var got []string
	for _, s := range b.Signals {
		if s.Kind == KindExpiring {
			got = append(got, s.Family)
			if s.Level != LevelInfo {
				t.Fatalf("expiring level %s", s.Level)
			}
		}
	}
	if strings.Join(got, ",") != "q00,q03" {
		t.Fatalf("expiring families %v (signals %v)", got, keys(b))
	}
	x, y := sig(b, "expiring:family=q00"), sig(b, "expiring:family=q03")
	wantValue(t, "X months", x.Value, 17.4)
	if x.Date != "2027-06-30" || !x.Patents[0].ExpiryStated || x.Applicant != "XCO" {
		t.Fatalf("X %+v", x)
	}
	wantValue(t, "Y months", y.Value, 1.5)
	if y.Date != "2026-03-01" || y.Patents[0].ExpiryStated || !y.Patents[0].Presumed {
		t.Fatalf("Y %+v", y.Patents[0])
	}
}

// TestConcentrationRise: HHI of the last complete year (2023) against 2022.
//
//	cell: 2022 10 applicants × 1 → 1,000; 2023 AAA 5 + 5 × 1 → 2,500 + 500 = 3,000: rise 2,000 (×10: severe)
//	elec: 2022 10 × 1 → 1,000; 2023 BBB 2 + 8 × 1 → 400 + 800 = 1,200: rise 200 (exactly: watch)
//	fuel: 9 families a year (< 10): not compared
//	all:  2022 29 × 1 → 10,000/29 = 344.83; 2023 shares 5, 2, 9, 13 × 1 of 29 → 123 × 10,000/841
//	      = 1,462.54: rise 1,117.72 (severe)
func TestConcentrationRise(t *testing.T) {
	var fams []tfam
	n := 0
	add := func(who string, year int, ipc string) {
		n++
		fams = append(fams, tfam{id: fmt.Sprintf("c%03d", n), year: year, who: who, cc: "CN", ipc: ipc})
	}
	for i := 1; i <= 10; i++ {
		add(fmt.Sprintf("APPC%02d CO LTD", i), 2022, "H01M10/05")
		add(fmt.Sprintf("APPE%02d CO LTD", i), 2022, "H01M4/13")
	}
	for i := 1; i <= 9; i++ {
		add(fmt.Sprintf("APPF%02d CO LTD", i), 2022, "H01M8/10")
		add("FFF CO LTD", 2023, "H01M8/10")
	}
	for i := 0; i < 5; i++ {
		add("AAA CO LTD", 2023, "H01M10/05")
		add(fmt.Sprintf("APPC%02d CO LTD", 11+i), 2023, "H01M10/05")
	}
	for i := 0; i < 2; i++ {
		add("BBB CO LTD", 2023, "H01M4/13")
	}
	for i := 0; i < 8; i++ {
		add(fmt.Sprintf("APPE%02d CO LTD", 11+i), 2023, "H01M4/13")
	}
	b := lakeOf(t, fams, "")
	for key, want := range map[string][4]float64{
		"concentration_rise:branch=cell": {1000, 3000, 2000, 4},
		"concentration_rise:branch=elec": {1000, 1200, 200, 2},
		"concentration_rise:overall":     {10000.0 / 29, 123 * 10000.0 / 841, 123*10000.0/841 - 10000.0/29, 4},
	} {
		s := sig(b, key)
		if s == nil {
			t.Fatalf("no %s (signals %v)", key, keys(b))
		}
		if !near(numOf(t, s.Numbers, "hhi_prev"), want[0]) || !near(numOf(t, s.Numbers, "hhi_last"), want[1]) || math.Abs(*s.Value-want[2]) > 0.01 ||
			Rank(s.Level) != int(want[3]) {
			t.Fatalf("%s: %+v", key, s)
		}
		if len(s.Series) != 1 || s.Series[0].Name != "hhi" || s.SeriesUnit != "hhi" {
			t.Fatalf("%s series %+v", key, s.Series)
		}
	}
	if s := sig(b, "concentration_rise:branch=fuel"); s != nil {
		t.Fatalf("fuel has 9 families a year: %+v", s)
	}
	if s := sig(b, "concentration_rise:branch=cell"); s.Patents[0].Applicant != "AAA" || s.PatentsTotal != 5 {
		t.Fatalf("cell patents: the largest applicant's 2023 families: %+v", s.Patents)
	}
}

// TestEntrants: data from 2012 (history enough for entrants since 2021 = last complete 2023 − 2).
//
//	OLD   CN 2012, 2014, …, 2022 (first 2012): not new
//	NEWD  CN 2021, 2022, 2023: domestic entrant: info
//	NEWF  JP 2022 × 3: foreign entrant with 3 of the 12 families since 2021 (25 %): warning
//	SMALL US 2023 × 2: fewer than 3 families
//	LATE  CN 2024 × 3 (incomplete years count): info
func TestEntrants(t *testing.T) {
	var fams []tfam
	add := func(who, cc string, years ...int) {
		for _, y := range years {
			fams = append(fams, tfam{id: fmt.Sprintf("e%02d", len(fams)), year: y, who: who, cc: cc, ipc: "H01M10/05"})
		}
	}
	add("OLD CO LTD", "CN", 2012, 2014, 2016, 2018, 2020, 2022)
	add("NEWD CO LTD", "CN", 2021, 2022, 2023)
	add("NEWF CORP", "JP", 2022, 2022, 2022)
	add("SMALL INC", "US", 2023, 2023)
	add("LATE CO LTD", "CN", 2024, 2024, 2024)
	b := lakeOf(t, fams, "")
	var got []string
	for _, s := range b.Signals {
		if s.Kind == KindEntrant {
			got = append(got, s.Applicant+"="+s.Level)
		}
	}
	want := "NEWF=warning,LATE=info,NEWD=info"
	if strings.Join(got, ",") != want {
		t.Fatalf("entrants %v, want %s", got, want)
	}
	f := sig(b, "entrant:applicant=NEWF")
	if numOf(t, f.Numbers, "first_year") != 2022 || numOf(t, f.Numbers, "industry_since") != 12 || !near(numOf(t, f.Numbers, "share_since"), 0.25) || f.Country != "JP" {
		t.Fatalf("NEWF %+v", f)
	}
}

// TestEvents: operation and dispute facts (CNIPA columns, and legal events from a second,
// EPO-style ingest of one publication). Quality cohort of 20 (percentile 1 − rank/20); core
// patents (core_share 0.05) have a percentile ≥ 0.95:
//
//	rank 0 T1 DOMA: 转让 2 + an ASSIGNMENT and a PATENT LITIGATION event → transfer (info), litigation (domestic: watch)
//	rank 1 T2 FORB: 许可 1, 无效宣告 → licence, invalidation (info; percentile 0.95, the edge)
//	rank 2 T3 DOMC: 转让 1 → percentile 0.9, not core: no signal
//	rank 3 L1 FORA: 诉讼 2 → litigation (foreign: warning)
//	rank 4 L2 DOMB: 诉讼 1 → litigation (domestic: watch)
func TestEvents(t *testing.T) {
	fams := cohort(20, 2020, "DOMX CO LTD", "CN")
	fams[0].who, fams[0].trans = "DOMA CO LTD", 2
	fams[1].who, fams[1].cc, fams[1].lic, fams[1].invalid = "FORB INC", "US", 1, true
	fams[2].who, fams[2].trans = "DOMC CO LTD", 1
	fams[3].who, fams[3].cc, fams[3].lit = "FORA CORP", "JP", 2
	fams[4].who, fams[4].lit = "DOMB CO LTD", 1
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	// T1 is the first family written: its CN publication is CN100000001B.
	xml := `<?xml version="1.0" encoding="UTF-8"?>
<ops:world-patent-data xmlns="http://www.epo.org/exchange" xmlns:ops="http://ops.epo.org">
 <ops:patent-family legal="true" total-result-count="1">
  <ops:family-member family-id="q00">
   <publication-reference><document-id document-id-type="docdb"><country>CN</country><doc-number>100000001</doc-number><kind>B</kind><date>20220301</date></document-id></publication-reference>
   <ops:legal code="AS" desc="ASSIGNMENT"><ops:L007EP desc="Gazette DATE">2023-01-01</ops:L007EP></ops:legal>
   <ops:legal code="LITI" desc="PATENT LITIGATION"><ops:L007EP desc="Gazette DATE">2024-02-02</ops:L007EP></ops:legal>
   <ops:legal code="FPAY" desc="FEE PAYMENT"><ops:L007EP desc="Gazette DATE">2024-03-03</ops:L007EP></ops:legal>
  </ops:family-member>
 </ops:patent-family>
</ops:world-patent-data>
`
	xp := filepath.Join(dir, "legal.xml")
	if err := os.WriteFile(xp, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	ingestFiles(t, lake, xp)
	b := buildLake(t, lake, "", testNow)
	want := map[string]string{
		"transfer:family=q00": LevelInfo, "litigation:family=q00": LevelWatch,
		"licence:family=q01": LevelInfo, "invalidation:family=q01": LevelInfo,
		"litigation:family=q03": LevelWarning, "litigation:family=q04": LevelWatch,
	}
	for _, s := range b.Signals {
		switch s.Kind {
		case KindTransfer, KindLicence, KindInvalidation, KindLitigation:
			if want[s.Key] != s.Level {
				t.Errorf("signal %s at %s, want %q", s.Key, s.Level, want[s.Key])
			}
			delete(want, s.Key)
		}
	}
	if len(want) != 0 {
		t.Fatalf("missing signals %v (have %v)", want, keys(b))
	}
	if s := sig(b, "transfer:family=q00"); *s.Value != 2 || s.Date != "2023-01-01" {
		t.Fatalf("transfer %+v", s)
	}
	if s := sig(b, "litigation:family=q00"); *s.Value != 1 || s.Date != "2024-02-02" {
		t.Fatalf("litigation from legal events %+v", s)
	}
	if s := sig(b, "litigation:family=q03"); *s.Value != 2 || s.Country != "JP" {
		t.Fatalf("litigation %+v", s)
	}
	for _, u := range b.Unavailable {
		if strings.HasPrefix(u.Analysis, "signals.litigation") || strings.HasPrefix(u.Analysis, "signals.transfer") || strings.HasPrefix(u.Analysis, "signals.invalidation") {
			t.Fatalf("data present but %s unavailable", u.Analysis)
		}
	}
}

// TestEmptyScope: a lake with nothing in scope gives a bulletin of undefined indicators, no
// signals, and no error.
func TestEmptyScope(t *testing.T) {
	b := lakeOf(t, []tfam{{id: "x", year: 2020, who: "DOMA CO LTD", cc: "CN", ipc: "G06F17/30"}}, "")
	if b.Summary.Families != 0 || len(b.Signals) != 0 {
		t.Fatalf("empty scope: %+v, signals %v", b.Summary, keys(b))
	}
	for _, i := range b.Indicators {
		if i.Value != nil || i.Reason == "" {
			t.Fatalf("indicator %s/%s defined on nothing: %+v", i.Kind, i.Branch, i)
		}
	}
	data, err := Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var back Bulletin
	if err := json.Unmarshal(data, &back); err != nil || back.Signals == nil || back.Changes == nil {
		t.Fatalf("round trip: %v %v", err, back.Signals)
	}
	if !bytes.Contains(data, []byte(`"signals": []`)) {
		t.Fatal("empty signals must encode as []")
	}
}

// TestDeterministic: the same lake, config and run time give the same bytes.
func TestDeterministic(t *testing.T) {
	fams := cat(many(3, "D", dom("DOMA CO LTD")), many(7, "F", forn("FORA CORP")), many(4, "G", forn("FORG CORP")))
	dir := t.TempDir()
	lake := filepath.Join(dir, "lake")
	ingestFams(t, lake, dir, "a.csv", 0, fams)
	a, _ := Marshal(buildLake(t, lake, "", testNow))
	b, _ := Marshal(buildLake(t, lake, "", testNow))
	if !bytes.Equal(a, b) {
		t.Fatal("two builds differ")
	}
	if c, _ := Marshal(buildLake(t, lake, "", testNow.Add(time.Hour))); bytes.Equal(a, c) {
		t.Fatal("the run time must show in the bulletin")
	}
}
