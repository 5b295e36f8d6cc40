package reports

import (
	"math"

	"github.com/patnav/patnav/internal/config"
	"github.com/patnav/patnav/landscape"
)

// FixtureMacro returns a hand-made, internally consistent macro model of a drone (UAV) industry
// for this package's tests (test data, so not in the binary): 7 branches on 3 levels, priority
// years 2000–2025 with the last two incomplete, Chinese and English applicant names (one carrying
// <script>alert(1)</script> and =HYPERLINK("x") in its name), some nil pointers (undefined
// relative growth, RTA, CAGR, pendency, world shares) and unavailable analyses. The result is a
// fresh value on every call, so callers may modify it.
func FixtureMacro() *landscape.Macro {
	const from, to = 2000, 2025
	incomplete := []int{2024, 2025}
	isInc := func(y int) bool { return y >= 2024 }
	// Publication lag: the share of a year's families already published at the cut-off.
	lag := func(y int) float64 {
		switch y {
		case 2024:
			return 0.62
		case 2025:
			return 0.18
		}
		return 1
	}
	f := func(v float64) *float64 { return &v }
	ip := func(v int) *int { return &v }
	round := func(v float64) float64 { return math.Round(v) }
	// Total families per year: an S-curve with its inflection in 2017.
	total := func(y int) float64 {
		return round((30 + 3400/(1+math.Exp(-0.42*float64(y-2017)))) * lag(y))
	}
	type branchDef struct {
		id, parent, zh, en string
		level              int
		weight, tilt       float64 // share of the total and how much faster than average it grows
		rel, rta           *float64
		hot                bool
		why                []landscape.Note
	}
	defs := []branchDef{
		{"platform", "", "飞行平台", "Flight platform", 1, 0.46, 0, f(0.94), f(1.32), false, nil},
		{"airframe", "platform", "机体结构", "Airframe", 2, 0.24, -0.02, f(0.81), f(1.18), false, nil},
		{"propulsion", "platform", "动力与能源", "Propulsion & energy", 2, 0.22, 0.03, f(1.12), nil, false, nil},
		{"flight_control", "", "飞行控制", "Flight control", 1, 0.38, 0.04, f(1.21), f(0.86), true, []landscape.Note{{Code: landscape.NoteHotBurst, Nums: []float64{2015, 2019, 41.7}}, {Code: landscape.NoteHotGrowth, Nums: []float64{1.21}}}},
		{"navigation", "flight_control", "导航定位", "Navigation & positioning", 2, 0.17, 0.01, f(1.04), f(0.72), false, nil},
		{"obstacle", "flight_control", "避障感知 <视觉> & \"雷达\"", "Obstacle sensing <vision> & \"radar\"", 2, 0.21, 0.07, f(1.58), f(0.93), true, []landscape.Note{{Code: landscape.NoteHotBurst, Nums: []float64{2016, 2020, 88.2}}}},
		{"application", "", "行业应用", "Industry applications", 1, 0.27, 0.05, nil, f(1.57), false, nil},
	}
	years := make([]int, 0, to-from+1)
	for y := from; y <= to; y++ {
		years = append(years, y)
	}
	series := func(scale, tilt float64) []landscape.YearPoint {
		out := make([]landscape.YearPoint, 0, len(years))
		for _, y := range years {
			v := round(total(y) * scale * math.Exp(tilt*float64(y-2012)))
			out = append(out, landscape.YearPoint{Year: y, N: v, Incomplete: isInc(y)})
		}
		return out
	}
	sum := func(ps []landscape.YearPoint) float64 {
		s := 0.0
		for _, p := range ps {
			s += p.N
		}
		return s
	}
	trend := series(1, 0)
	families := sum(trend)
	cagr := func(ps []landscape.YearPoint, a, b int) *float64 {
		var va, vb float64
		for _, p := range ps {
			if p.Year == a {
				va = p.N
			}
			if p.Year == b {
				vb = p.N
			}
		}
		if va <= 0 || vb <= 0 {
			return nil
		}
		return f(math.Pow(vb/va, 1/float64(b-a)) - 1)
	}
	basis := func(unit string, n int, query string, method ...landscape.Note) landscape.Basis {
		return landscape.Basis{Unit: unit, N: n, From: from, To: to, Method: method, Query: query}
	}
	m := &landscape.Macro{}
	m.Meta = landscape.Meta{
		Industry:      config.Text{Zh: "无人机", En: "Unmanned aerial vehicles (drones)"},
		Region:        config.Region{Name: config.Text{Zh: "深圳市", En: "Shenzhen"}, Country: "CN", Province: "广东", City: "深圳"},
		Cutoff:        "2025-09-30",
		Generated:     "2025-10-01T02:00:00Z",
		Unit:          "family",
		From:          from,
		To:            to,
		Incomplete:    incomplete,
		Languages:     []string{"zh", "en"},
		PatnavVersion: "0.4.0-test",
	}
	// Decomposition tree and branch statistics.
	var tree []landscape.BranchNode
	var branches []landscape.BranchStats
	var heat [][]float64
	for i, d := range defs {
		s := series(d.weight, d.tilt)
		fam := sum(s)
		tree = append(tree, landscape.BranchNode{ID: d.id, Name: config.Text{Zh: d.zh, En: d.en}, Level: d.level, Parent: d.parent, Families: int(fam)})
		row := make([]float64, len(s))
		for j, p := range s {
			row[j] = p.N
		}
		heat = append(heat, row)
		hhi := 420 + 180*float64(i)
		st := landscape.BranchStats{
			ID: d.id, Name: config.Text{Zh: d.zh, En: d.en}, Level: d.level, Parent: d.parent,
			Families: fam, Share: fam / families,
			Trend: landscape.Trend{Series: s, CAGR: cagr(s, 2013, 2023), CAGRFrom: 2013, CAGRTo: 2023,
				Basis: basis("family", int(fam), "branch_trend")},
			RelGrowth:     d.rel,
			Concentration: landscape.Concentration{HHI: hhi, CR4: 0.18 + 0.03*float64(i), CR8: 0.27 + 0.04*float64(i), Band: "unconcentrated", N: 900 - 60*i},
			Stage:         []string{"growth", "mature", "growth", "growth", "mature", "emerging", "growth"}[i],
			TopApplicants: []landscape.Count{{Key: "sz dji technology", Label: "深圳市大疆创新科技有限公司", N: round(fam * 0.11)}, {Key: "autel robotics", Label: "深圳市道通智能航空技术股份有限公司", N: round(fam * 0.04)}},
			RegionRTA:     d.rta,
			Hotspot:       d.hot,
			HotspotWhy:    d.why,
		}
		if d.id == "flight_control" {
			st.Bursts = []landscape.Burst{{From: 2015, To: 2019, Level: 1, Weight: 41.7}}
		}
		if d.id == "obstacle" {
			st.Bursts = []landscape.Burst{{From: 2016, To: 2020, Level: 2, Weight: 88.25}}
		}
		if d.id == "application" {
			st.Trend.CAGR = nil // the lead's analysis found the window too short for this branch
			st.Trend.CAGRFrom, st.Trend.CAGRTo = 0, 0
		}
		branches = append(branches, st)
	}
	m.Scope = landscape.ScopeSection{
		Codes:        []string{"B64C39/02", "B64U", "G05D1/10", "B64D47/08"},
		KeywordsZh:   []string{"无人机", "无人飞行器", "多旋翼", "旋翼飞行器"},
		KeywordsEn:   []string{"unmanned aerial vehicle", "UAV", "drone", "multicopter", "quadcopter"},
		Publications: int(round(families * 1.74)),
		Families:     int(families),
		BySource: []landscape.Count{
			{Key: "lens", Label: "Lens CSV (uav_lens_2025.csv)", N: round(families * 1.12)},
			{Key: "cnipa", Label: "CNIPA 导出 (uav_cnipa_gbk.csv)", N: round(families * 0.71)},
			{Key: "epo_xml", Label: "EPO OPS XML", N: round(families * 0.09)},
		},
		ByOffice: []landscape.Count{
			{Key: "CN", N: round(families * 1.02)}, {Key: "US", N: round(families * 0.27)}, {Key: "WO", N: round(families * 0.16)},
			{Key: "EP", N: round(families * 0.11)}, {Key: "KR", N: round(families * 0.07)}, {Key: "JP", N: round(families * 0.06)},
			{Key: "DE", N: round(families * 0.02)},
		},
		Tree:     tree,
		Untagged: int(round(families * 0.035)),
		Minimums: landscape.Rules, CutoffFrom: "publication",
		Method: []landscape.Note{{Code: landscape.NoteScopeAny}, {Code: landscape.NoteDedup}, {Code: landscape.NoteFamilies},
			{Code: landscape.NoteUnit, Param: "family"}, {Code: landscape.NoteNames}, {Code: landscape.NotePriorityYear, N: 2},
			// 0.931 (0.912–0.946) = 2,451 of 2,633 seed families; 0.874 = 1,862 of 2,130 accepted, cross-validated recall undefined.
			{Code: landscape.NoteSeedRecall, Nums: []float64{0.931, 0.912, 0.946, 2451, 2633}},
			{Code: landscape.NoteSeedPrecision, Nums: []float64{0.874, 0.859, 0.888, 1862, 2130, 40}}},
	}
	m.Trend = landscape.Trend{
		Series: trend, CAGR: cagr(trend, 2013, 2023), CAGRFrom: 2013, CAGRTo: 2023,
		Phases: []landscape.Phase{{From: 2000, To: 2009, Label: "emerging"}, {From: 2010, To: 2013, Label: "take-off"}, {From: 2014, To: 2019, Label: "rapid growth"}, {From: 2020, To: 2023, Label: "slowdown"}},
		Basis:  basis("family", int(families), "trend_by_year"),
	}
	// Life cycle: applicants grow more slowly than applications.
	var pts []landscape.PhasePoint
	for _, p := range trend {
		apps := int(p.N)
		pts = append(pts, landscape.PhasePoint{Year: p.Year, Applications: apps, Applicants: int(round(float64(apps)*0.38 + 12)), Incomplete: p.Incomplete})
	}
	m.LifeCycle = landscape.LifeCycle{
		Points: pts,
		Fit:    &landscape.Logistic{L: 61250, K: 0.418, T0: 2017.6, R2: 0.9987, RMSE: 214.3, Reached: 0.762, FitFrom: 2000, FitTo: 2023},
		Stage:  "mature",
		Rule:   landscape.Note{Code: landscape.NoteStageSaturation, Nums: []float64{0.762}},
		Basis:  basis("family", int(families), "life_cycle", landscape.Note{Code: landscape.NoteBasisLifeCycle}),
	}
	m.Geography = landscape.Geography{
		Sources: []string{"CN", "US", "KR", "JP", "FR", "DE", "IL"},
		Offices: []string{"CN", "US", "WO", "EP", "KR", "JP"},
		Matrix: [][]float64{
			{round(families * 0.78), round(families * 0.09), round(families * 0.08), round(families * 0.04), round(families * 0.01), round(families * 0.01)},
			{round(families * 0.03), round(families * 0.12), round(families * 0.04), round(families * 0.03), round(families * 0.01), round(families * 0.01)},
			{round(families * 0.004), round(families * 0.01), round(families * 0.005), 0, round(families * 0.05), round(families * 0.002)},
			{round(families * 0.003), round(families * 0.008), round(families * 0.004), round(families * 0.003), 0, round(families * 0.03)},
			{round(families * 0.002), round(families * 0.005), round(families * 0.004), round(families * 0.01), 0, 0},
			{round(families * 0.002), round(families * 0.004), round(families * 0.003), round(families * 0.008), 0, 0},
			{0, round(families * 0.004), round(families * 0.002), 0, 0, 0},
		},
		PCTShare:    f(0.157),
		ForeignInCN: []landscape.Count{{Key: "US", N: round(families * 0.03)}, {Key: "KR", N: round(families * 0.004)}, {Key: "JP", N: round(families * 0.003)}, {Key: "FR", N: round(families * 0.002)}, {Key: "DE", N: round(families * 0.002)}},
		Provinces: []landscape.Count{
			{Key: "GD", Label: "广东", N: round(families * 0.31)}, {Key: "BJ", Label: "北京", N: round(families * 0.12)}, {Key: "JS", Label: "江苏", N: round(families * 0.07)},
			{Key: "ZJ", Label: "浙江", N: round(families * 0.05)}, {Key: "SH", Label: "上海", N: round(families * 0.04)}, {Key: "SC", Label: "四川", N: round(families * 0.03)},
			{Key: "SN", Label: "陕西", N: round(families * 0.03)},
		},
		Cities: []landscape.Count{
			{Key: "shenzhen", Label: "深圳", N: round(families * 0.26)}, {Key: "beijing", Label: "北京", N: round(families * 0.12)}, {Key: "guangzhou", Label: "广州", N: round(families * 0.04)},
			{Key: "hangzhou", Label: "杭州", N: round(families * 0.03)}, {Key: "chengdu", Label: "成都", N: round(families * 0.03)}, {Key: "xian", Label: "西安", N: round(families * 0.025)},
		},
		Basis: basis("family", int(families), "geography", landscape.Note{Code: landscape.NoteBasisGeography}),
	}
	var rtaBranches []string
	for _, d := range defs {
		if d.level == 1 {
			rtaBranches = append(rtaBranches, d.id)
		}
	}
	m.Technology = landscape.Technology{
		Branches: branches,
		Subclasses: []landscape.SubclassStats{
			{Code: "B64C", Families: round(families * 0.41), Share: 0.41, CAGR: f(0.093)},
			{Code: "B64U", Families: round(families * 0.37), Share: 0.37, CAGR: nil, Bursts: []landscape.Burst{{From: 2019, To: 2023, Level: 2, Weight: 130.4}}},
			{Code: "G05D", Families: round(families * 0.22), Share: 0.22, CAGR: f(0.121), Bursts: []landscape.Burst{{From: 2015, To: 2018, Level: 1, Weight: 22.9}}},
			{Code: "B64D", Families: round(families * 0.15), Share: 0.15, CAGR: f(0.064)},
			{Code: "H04N", Families: round(families * 0.09), Share: 0.09, CAGR: f(-0.012)},
			{Code: "G06V", Families: round(families * 0.06), Share: 0.06, CAGR: f(0.305)},
		},
		Years:       years,
		Heat:        heat,
		Countries:   []string{"CN", "US", "KR", "JP", "FR", "DE"},
		RTABranches: rtaBranches,
		RTA: [][]*float64{
			{f(1.08), f(0.91), f(1.12)},
			{f(0.82), f(1.31), f(0.74)},
			{f(1.21), f(0.88), nil},
			{f(0.97), f(1.44), f(0.52)},
			{f(2.35), nil, f(0.31)},
			{nil, nil, nil},
		},
		Hotspots: []string{"flight_control", "obstacle", "B64U"},
		Basis:    basis("family", int(families), "technology_mix", landscape.Note{Code: landscape.NoteBasisTechnology}),
	}
	// Applicants.
	type appDef struct {
		display  string
		variants []string
		kind     string
		country  string
		province string
		share    float64
		first    int
	}
	apps := []appDef{
		{"深圳市大疆创新科技有限公司", []string{"SZ DJI TECHNOLOGY CO LTD", "SZ DJI Technology Co., Ltd.", "深圳市大疆创新科技有限公司", "大疆创新"}, "enterprise", "CN", "广东", 0.094, 2006},
		{"深圳市道通智能航空技术股份有限公司", []string{"AUTEL ROBOTICS CO LTD", "深圳市道通智能航空技术有限公司"}, "enterprise", "CN", "广东", 0.021, 2014},
		{"北京航空航天大学", []string{"BEIHANG UNIVERSITY", "北京航空航天大学"}, "university", "CN", "北京", 0.018, 2001},
		{"Amazon Technologies, Inc.", []string{"AMAZON TECH INC"}, "enterprise", "US", "", 0.016, 2013},
		{"广州极飞科技股份有限公司", []string{"GUANGZHOU XAIRCRAFT TECHNOLOGY CO LTD", "广州极飞科技有限公司"}, "enterprise", "CN", "广东", 0.014, 2014},
		{"The Boeing Company", []string{"BOEING CO"}, "enterprise", "US", "", 0.012, 2000},
		{"=HYPERLINK(\"x\") <script>alert(1)</script> Aerial Systems & Co", []string{"=HYPERLINK(\"x\")", "<script>alert(1)</script> AERIAL SYSTEMS"}, "enterprise", "KR", "", 0.009, 2012},
		{"中国科学院沈阳自动化研究所", []string{"SHENYANG INST AUTOMATION CAS"}, "institute", "CN", "辽宁", 0.008, 2003},
		{"亿航智能技术有限公司", []string{"GUANGZHOU EHANG INTELLIGENT TECH CO LTD"}, "enterprise", "CN", "广东", 0.007, 2014},
		{"Parrot Drones SAS", []string{"PARROT DRONES", "PARROT"}, "enterprise", "FR", "", 0.006, 2008},
	}
	var top []landscape.Applicant
	for i, a := range apps {
		fam := round(families * a.share)
		whole := int(round(fam * 1.08))
		ap := landscape.Applicant{
			Name: lowerASCII(a.variants[0]), Display: a.display, Variants: a.variants, Kind: a.kind, Country: a.country, Province: a.province,
			Families: fam, Whole: whole, Granted: int(round(fam * (0.52 - 0.02*float64(i)))), Alive: int(round(fam * (0.61 - 0.03*float64(i)))),
			Citations: int(round(fam * (4.1 - 0.3*float64(i)))), FirstYear: a.first, LastYear: 2025, Share: a.share,
			TopBranches: []landscape.Count{
				{Key: defs[(i+3)%len(defs)].id, N: round(fam * 0.41)}, {Key: defs[(i+5)%len(defs)].id, N: round(fam * 0.27)}, {Key: defs[(i+6)%len(defs)].id, N: round(fam * 0.18)},
			},
			Offices: []landscape.Count{{Key: "CN", N: round(fam * 0.9)}, {Key: "US", N: round(fam * 0.35)}, {Key: "EP", N: round(fam * 0.12)}},
		}
		if i == 0 {
			ap.CoApplicants = []landscape.Count{{Key: "dji osmo", Label: "深圳市大疆灵眸科技有限公司", N: 37}, {Key: "hkust", Label: "香港科技大学", N: 12}}
		}
		if i == 2 {
			ap.CoApplicants = []landscape.Count{{Key: "avic", Label: "中国航空工业集团公司", N: 9}}
			ap.LastYear = 2024
		}
		top = append(top, ap)
	}
	var byYear []landscape.YearConcentration
	for _, y := range years {
		if y < 2005 {
			continue
		}
		t := float64(y - 2005)
		byYear = append(byYear, landscape.YearConcentration{Year: y, HHI: f(round(1450 - 40*t + 1.2*t*t)), CR4: f(0.41 - 0.012*t + 0.0003*t*t), Applicants: 40 + int(t), Incomplete: isInc(y)})
	}
	m.Applicants = landscape.Applicants{
		Top:                 top,
		TopGranted:          []landscape.Count{{Key: "sz dji technology", Label: "深圳市大疆创新科技有限公司", N: round(families * 0.049)}, {Key: "boeing co", Label: "The Boeing Company", N: round(families * 0.007)}, {Key: "beihang university", Label: "北京航空航天大学", N: round(families * 0.007)}},
		TopAlive:            []landscape.Count{{Key: "sz dji technology", Label: "深圳市大疆创新科技有限公司", N: round(families * 0.057)}, {Key: "autel robotics", Label: "深圳市道通智能航空技术股份有限公司", N: round(families * 0.012)}},
		TopCited:            []landscape.Count{{Key: "sz dji technology", Label: "深圳市大疆创新科技有限公司", N: 21450}, {Key: "amazon tech inc", Label: "Amazon Technologies, Inc.", N: 9320}, {Key: "boeing co", Label: "The Boeing Company", N: 4120}},
		Concentration:       landscape.Concentration{HHI: 118.6, CR4: 0.149, CR8: 0.192, Band: "unconcentrated", N: 14820},
		ConcentrationByYear: byYear,
		KindMix:             []landscape.Count{{Key: "enterprise", N: round(families * 0.68)}, {Key: "university", N: round(families * 0.14)}, {Key: "individual", N: round(families * 0.11)}, {Key: "institute", N: round(families * 0.05)}, {Key: "other", N: round(families * 0.02)}},
		Newcomers: []landscape.Applicant{
			{Name: "shenzhen fly-wing tech", Display: "深圳飞翼科技有限公司", Variants: []string{"深圳飞翼科技有限公司"}, Kind: "enterprise", Country: "CN", Province: "广东", Families: 23.5, Whole: 26, FirstYear: 2021, LastYear: 2025},
			{Name: "skyfront corp", Display: "Skyfront Corp.", Variants: []string{"SKYFRONT CORP"}, Kind: "enterprise", Country: "US", Families: 11, Whole: 11, FirstYear: 2022, LastYear: 2024},
		},
		NewcomerYears: [2]int{2021, 2023},
		Basis:         basis("applicant", 14820, "applicants", landscape.Note{Code: landscape.NoteBasisApplicants}),
	}
	m.Inventors = landscape.Inventors{
		Top: []landscape.Inventor{
			{Name: "汪滔", Families: 412, HIndex: 38, Applicants: []string{"深圳市大疆创新科技有限公司"}},
			{Name: "ZHOU Gu", Families: 268, HIndex: 29, Applicants: []string{"深圳市大疆创新科技有限公司"}},
			{Name: "李明 <b>", Families: 143, HIndex: 17, Applicants: []string{"北京航空航天大学", "深圳市道通智能航空技术股份有限公司"}},
			{Name: "Gur Kimchi", Families: 97, HIndex: 21, Applicants: []string{"Amazon Technologies, Inc."}},
			{Name: "胡华智", Families: 64, HIndex: 11, Applicants: []string{"亿航智能技术有限公司", "广州极飞科技股份有限公司"}},
		},
		Teams: []landscape.Team{
			{Members: []string{"汪滔", "ZHOU Gu", "赵涛"}, Families: 121, Applicant: "深圳市大疆创新科技有限公司"},
			{Members: []string{"Gur Kimchi", "Brian C. Beckman"}, Families: 44, Applicant: "Amazon Technologies, Inc."},
			{Members: []string{"李明 <b>", "王强"}, Families: 19},
		},
		Total: 38214,
		Basis: basis("inventor", 38214, "inventors", landscape.Note{Code: landscape.NoteBasisInventors}),
	}
	m.Legal = landscape.Legal{
		Status:        []landscape.Count{{Key: "alive", N: round(families * 0.47)}, {Key: "pending", N: round(families * 0.21)}, {Key: "lapsed", N: round(families * 0.29)}, {Key: "unknown", N: round(families * 0.03)}},
		GrantRate:     f(0.584),
		PendencyYears: nil,
		Basis:         basis("family", int(families), "legal_status", landscape.Note{Code: landscape.NoteBasisLegal}),
	}
	m.Quality = landscape.Quality{
		Indicators: []string{landscape.IndForwardWindow, landscape.IndFamilySize, landscape.IndClaims}, CitationWindow: 5,
		Missing: []landscape.Unavailable{{Analysis: "quality.generality_originality", Section: "quality", Code: landscape.CodeNotComputed}},
		Core: []landscape.CorePatent{
			{PubNumber: "US9284049B1", FamilyID: "52478761", Title: "Unmanned aerial vehicle with a <visual> obstacle | avoidance * system", Applicant: "Amazon Technologies, Inc.", Year: 2014, Score: 0.974,
				Components: map[string]float64{"forward_citations": 0.99, "family_size": 0.95, "claims": 0.97}, ForwardCites: 412, FamilySize: 9, Status: "alive", Branches: []string{"obstacle", "navigation"}},
			{PubNumber: "CN104386249B", FamilyID: "52618833", Title: "多旋翼无人机及其控制方法 [核心]", Applicant: "深圳市大疆创新科技有限公司", Year: 2014, Score: 0.961,
				Components: map[string]float64{"forward_citations": 0.98, "family_size": 0.93, "claims": 0.96}, ForwardCites: 367, FamilySize: 12, Status: "alive", Branches: []string{"flight_control"}},
			{PubNumber: "KR101827251B1", FamilyID: "60112019", Title: "=HYPERLINK(\"x\") drone <script>alert(1)</script> docking `station`", Applicant: "=HYPERLINK(\"x\") <script>alert(1)</script> Aerial Systems & Co", Year: 2016, Score: 0.912,
				Components: map[string]float64{"forward_citations": 0.9, "family_size": 0.88, "claims": 0.95}, ForwardCites: 121, FamilySize: 5, Status: "pending", Branches: []string{"application"}},
			{PubNumber: "CN116654321A", FamilyID: "88001234", Title: "一种植保无人机_喷洒_系统", Applicant: "广州极飞科技股份有限公司", Year: 2024, Score: 0.874,
				Components: map[string]float64{"forward_citations": 0.71, "family_size": 0.9, "claims": 0.99}, ForwardCites: 3, FamilySize: 2, Status: "pending", Branches: []string{"application", "propulsion"}},
		},
		Deciles: []float64{0.08, 0.15, 0.21, 0.27, 0.33, 0.4, 0.47, 0.56, 0.68, 0.86},
		Basis:   basis("family", int(families), "quality", landscape.Note{Code: landscape.NoteBasisQuality, N: 50, Nums: []float64{0.05}}),
	}
	// Regional positioning.
	var ry []landscape.RegionYear
	for _, p := range trend {
		if p.Year < 2010 {
			continue
		}
		nation := 0.21 + 0.004*float64(p.Year-2010)
		yr := landscape.RegionYear{Year: p.Year, Families: round(p.N * 0.62 * nation), ShareNation: f(nation), ShareWorld: f(0.62 * nation),
			Applicants: int(round(p.N * 0.05)), Inventors: ip(int(round(p.N * 0.21))), Granted: ip(int(round(p.N * 0.07 * lag(p.Year)))), Incomplete: p.Incomplete}
		if p.Incomplete {
			yr.ShareWorld = nil // world coverage of the last years is too thin
		}
		ry = append(ry, yr)
	}
	m.Regional = landscape.RegionalPositioning{
		Region: m.Meta.Region,
		Rows: []landscape.PositionRow{
			{Dimension: "structure", Indicator: landscape.RegWorldShare, Region: f(0.41), Nation: f(0.36), World: f(0.38), Unit: "share"},
			{Dimension: "enterprise strength", Indicator: landscape.RegApplicants, Region: f(23), Nation: f(141), World: f(388), Unit: "applicants"},
			{Dimension: "talent", Indicator: landscape.RegInventors, Region: f(61.2), Nation: f(57.9), World: nil, Unit: "inventors"},
			{Dimension: "technology", Indicator: landscape.RegSpecialisedBranches, Region: f(2), Nation: nil, World: nil, Unit: "branches"},
			{Dimension: "operation", Indicator: landscape.RegOperatedShare, Region: nil, Nation: nil, World: nil, Unit: "share"},
		},
		ByYear: ry,
		Basis:  basis("family", int(round(families*0.14)), "regional", landscape.Note{Code: landscape.NoteBasisRegional}),
	}
	obstacle := config.Text{Zh: "避障感知", En: "obstacle sensing"}
	m.Recommendations = []landscape.Recommendation{
		{Kind: "strengthen", Target: "obstacle sensing", Branch: "obstacle", Name: obstacle, Why: landscape.RecWhyGap,
			Evidence: []landscape.Note{{Code: landscape.EvRegionRTA, Nums: []float64{0.93}}, {Code: landscape.EvRelGrowth, Nums: []float64{1.58}}, {Code: landscape.EvHotspot}}},
		{Kind: "attract", Target: "Amazon Technologies, Inc. | Skyfront Corp.", Branch: "obstacle", Name: obstacle, Why: landscape.RecWhyLeader,
			Evidence: []landscape.Note{{Code: landscape.EvBranchFamilies, Nums: []float64{412.5}}}},
		{Kind: "license", Target: "US9284049B1", Why: landscape.RecWhyCore,
			Evidence: []landscape.Note{{Code: landscape.EvCorePatent, Nums: []float64{0.974, 7}, Names: []string{"Amazon Technologies, Inc."}}}},
		{Kind: "collaborate", Target: "北京航空航天大学", Why: landscape.RecWhyAcademic, Evidence: []landscape.Note{{Code: landscape.EvFamilies, Nums: []float64{467.2}}}},
		{Kind: "recruit", Target: "李明 <b>", Why: landscape.RecWhyInventor,
			Evidence: []landscape.Note{{Code: landscape.EvInventor, Nums: []float64{143, 17}, Names: []string{"北京航空航天大学", "深圳市道通智能航空技术股份有限公司"}}}},
	}
	m.Limitations = []landscape.Note{{Code: landscape.NoteCoverage, N: m.Scope.Publications}, {Code: landscape.NoteLanguage},
		{Code: landscape.NoteClassification}, {Code: landscape.NoteFamilyModel}, {Code: landscape.NotePublicationLag, N: 2023}}
	m.Unavailable = []landscape.Unavailable{
		{Analysis: "legal.operations", Section: "legal", Code: landscape.CodeNoOperations},
		{Analysis: "map", Section: "map", Code: landscape.CodeTooFewTexts},
	}
	return m
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
