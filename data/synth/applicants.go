package synth

import (
	"math"
	"math/rand/v2"
	"strings"
)

// Applicant kinds (the same strings as patent.Kind*).
const (
	KindEnterprise = "enterprise"
	KindUniversity = "university"
	KindInstitute  = "institute"
	KindIndividual = "individual"
	KindGovernment = "government"
)

// Applicant is one applicant of the synthetic world with the name variants that appear for it in
// exports.
type Applicant struct {
	Rank         int      // 1-based Zipf rank (1 = largest expected portfolio)
	Name         string   // canonical name as Lens writes it, e.g. SZ DJI TECHNOLOGY CO LTD
	NameZh       string   // Chinese name, "" when it has none
	Variants     []string // every form used in outputs: Lens forms first, then NameZh if any
	Kind         string   // enterprise / university / institute / individual / government
	Country      string   // ISO 3166 alpha-2 home country
	Province     string   // CN province in Chinese (also set for TW as 台湾省), else ""
	City         string   // CN city in Chinese, else ""
	ProvinceCode string   // 国省代码: two-digit CN province code, or the country code for foreign applicants
	Address      string   // Chinese address as CNIPA writes it (with postcode for CN applicants)
	EntryYear    int      // first year it files
	ExitYear     int      // last year it files; 0 when it never stops
	Branches     []string // favoured level-1 branch ids
}

// person is an inventor.
type person struct{ en, zh string }

// applicant is the generator's view of an Applicant.
type applicant struct {
	Applicant
	lens     []string   // Lens forms; lens[0] == Name
	affinity [8]float64 // per level-1 branch, ≤ 1
	abroad   float64    // probability that a family is filed abroad
	utility  float64    // probability that a CN filing is a utility model (CN applicants)
	grant    float64    // grant probability of an examined application
	team     []person   // inventors; the first ones are the most prolific
	partners []int      // indices of usual co-applicants
	homeOff  string     // office of first filing
	weight   float64    // Zipf weight
}

type namedDef struct {
	forms   []string
	zh      string
	kind    string
	country string
	city    string // CN city (Chinese) or foreign address region
	entry   int
	exit    int
	fav     []string
	abroad  float64
	utility float64
}

// namedApplicants are the top of the ranking: real drone players with the name forms seen in
// Lens, DOCDB and CNIPA exports. Everything they "file" here is synthetic.
var namedApplicants = []namedDef{
	{[]string{"SZ DJI TECHNOLOGY CO LTD", "SZ DJI Technology Co., Ltd.", "SHENZHEN DJI INNOVATION TECHNOLOGY CO LTD"}, "深圳市大疆创新科技有限公司", KindEnterprise, "CN", "深圳市", 2010, 0, []string{"FC", "AF", "PL", "SN", "PW", "CM"}, 0.35, 0.25},
	{[]string{"GUANGZHOU XAIRCRAFT TECHNOLOGY CO LTD", "XAG CO LTD", "Guangzhou Xaircraft Technology Co., Ltd."}, "广州极飞科技股份有限公司", KindEnterprise, "CN", "广州市", 2014, 0, []string{"PL", "FC", "PW"}, 0.08, 0.35},
	{[]string{"UNIV BEIHANG", "BEIHANG UNIVERSITY", "Beihang University"}, "北京航空航天大学", KindUniversity, "CN", "北京市", 2000, 0, []string{"FC", "SN", "AF"}, 0.005, 0.08},
	{[]string{"STATE GRID CORP CHINA", "STATE GRID CORPORATION OF CHINA", "State Grid Corporation of China"}, "国家电网有限公司", KindEnterprise, "CN", "北京市", 2008, 0, []string{"PL", "CM", "PW"}, 0, 0.5},
	{[]string{"AUTEL ROBOTICS CO LTD", "Autel Robotics Co., Ltd.", "SHENZHEN AUTEL INTELLIGENT AVIATION TECHNOLOGY CO LTD"}, "深圳市道通智能航空技术股份有限公司", KindEnterprise, "CN", "深圳市", 2014, 0, []string{"FC", "SN", "PL", "AF"}, 0.2, 0.3},
	{[]string{"UNIV NANJING AERONAUTICS", "NANJING UNIVERSITY OF AERONAUTICS AND ASTRONAUTICS", "Nanjing University of Aeronautics and Astronautics"}, "南京航空航天大学", KindUniversity, "CN", "南京市", 2000, 0, []string{"FC", "AF", "CM"}, 0.005, 0.08},
	{[]string{"UNIV NORTHWESTERN POLYTECHNICAL", "NORTHWESTERN POLYTECHNICAL UNIVERSITY", "Northwestern Polytechnical University"}, "西北工业大学", KindUniversity, "CN", "西安市", 2000, 0, []string{"FC", "AF", "CU", "SN"}, 0.005, 0.08},
	{[]string{"AMAZON TECH INC", "AMAZON TECHNOLOGIES INC", "Amazon Technologies, Inc."}, "亚马逊技术股份有限公司", KindEnterprise, "US", "华盛顿州西雅图", 2013, 0, []string{"PL", "FC", "SN", "CM"}, 0.5, 0},
	{[]string{"BOEING CO", "THE BOEING COMPANY", "The Boeing Company"}, "波音公司", KindEnterprise, "US", "弗吉尼亚州阿灵顿", 2000, 0, []string{"AF", "FC", "CM", "CU"}, 0.5, 0},
	{[]string{"GUANGZHOU EHANG INTELLIGENT TECH CO LTD", "Guangzhou EHang Intelligent Technology Co., Ltd.", "EHANG INTELLIGENT EQUIPMENT GUANGZHOU CO LTD"}, "广州亿航智能技术有限公司", KindEnterprise, "CN", "广州市", 2014, 0, []string{"AF", "FC", "PW"}, 0.25, 0.3},
	{[]string{"HARBIN INST OF TECHNOLOGY", "HARBIN INSTITUTE OF TECHNOLOGY", "Harbin Institute of Technology"}, "哈尔滨工业大学", KindUniversity, "CN", "哈尔滨市", 2000, 0, []string{"FC", "SN", "CM"}, 0.005, 0.08},
	{[]string{"UNIV ZHEJIANG", "ZHEJIANG UNIVERSITY", "Zhejiang University"}, "浙江大学", KindUniversity, "CN", "杭州市", 2000, 0, []string{"SN", "CM", "FC"}, 0.01, 0.06},
	{[]string{"SONY GROUP CORP", "SONY CORP", "Sony Group Corporation"}, "索尼集团公司", KindEnterprise, "JP", "东京都", 2005, 0, []string{"PL", "SN", "FC"}, 0.6, 0},
	{[]string{"QUALCOMM INC", "QUALCOMM INCORPORATED", "Qualcomm Incorporated"}, "高通股份有限公司", KindEnterprise, "US", "加利福尼亚州圣迭戈", 2012, 0, []string{"CM", "SN"}, 0.6, 0},
	{[]string{"UNIV SOUTH CHINA AGRICULT", "SOUTH CHINA AGRICULTURAL UNIVERSITY", "South China Agricultural University"}, "华南农业大学", KindUniversity, "CN", "广州市", 2008, 0, []string{"PL"}, 0, 0.15},
	{[]string{"PARROT", "PARROT SA", "Parrot S.A.", "PARROT DRONES"}, "鹦鹉无人机股份有限公司", KindEnterprise, "FR", "巴黎", 2005, 2019, []string{"FC", "CM", "AF"}, 0.7, 0},
	{[]string{"LG ELECTRONICS INC", "LG Electronics Inc.", "LG ELECTRONICS"}, "LG电子株式会社", KindEnterprise, "KR", "首尔特别市", 2010, 0, []string{"CM", "PW", "SN"}, 0.5, 0},
	{[]string{"SHENYANG INST AUTOMATION CAS", "SHENYANG INSTITUTE OF AUTOMATION CHINESE ACADEMY OF SCIENCES", "Shenyang Institute of Automation, Chinese Academy of Sciences"}, "中国科学院沈阳自动化研究所", KindInstitute, "CN", "沈阳市", 2000, 0, []string{"FC", "SN", "AF"}, 0.01, 0.15},
	{[]string{"SKYDIO INC", "Skydio, Inc.", "SKYDIO"}, "", KindEnterprise, "US", "加利福尼亚州", 2015, 0, []string{"SN", "FC"}, 0.35, 0},
	{[]string{"LOCKHEED CORP", "LOCKHEED MARTIN CORP", "Lockheed Martin Corporation"}, "洛克希德马丁公司", KindEnterprise, "US", "马里兰州贝塞斯达", 2000, 0, []string{"AF", "CU", "CM"}, 0.25, 0},
	{[]string{"SAMSUNG ELECTRONICS CO LTD", "Samsung Electronics Co., Ltd.", "SAMSUNG ELECTRONICS"}, "三星电子株式会社", KindEnterprise, "KR", "京畿道", 2012, 0, []string{"CM", "PW"}, 0.55, 0},
	{[]string{"BEIJING INST TECHNOLOGY", "BEIJING INSTITUTE OF TECHNOLOGY", "Beijing Institute of Technology"}, "北京理工大学", KindUniversity, "CN", "北京市", 2000, 0, []string{"CU", "FC", "SN"}, 0.005, 0.08},
	{[]string{"NAT UNIV DEFENSE TECHNOLOGY", "NATIONAL UNIVERSITY OF DEFENSE TECHNOLOGY", "National University of Defense Technology"}, "中国人民解放军国防科技大学", KindUniversity, "CN", "长沙市", 2000, 0, []string{"CU", "CM", "FC"}, 0, 0.05},
	{[]string{"ISRAEL AEROSPACE IND LTD", "ISRAEL AEROSPACE INDUSTRIES LTD", "Israel Aerospace Industries Ltd."}, "以色列航空工业有限公司", KindEnterprise, "IL", "特拉维夫", 2000, 0, []string{"CU", "AF", "CM"}, 0.5, 0},
	{[]string{"AIRBUS DEFENCE & SPACE GMBH", "AIRBUS DEFENCE AND SPACE GMBH", "Airbus Defence and Space GmbH"}, "空中客车防务和空间有限责任公司", KindEnterprise, "DE", "陶夫基兴", 2000, 0, []string{"AF", "CU", "CM"}, 0.5, 0},
	{[]string{"YAMAHA MOTOR CO LTD", "Yamaha Motor Co., Ltd.", "YAMAHA HATSUDOKI KK"}, "雅马哈发动机株式会社", KindEnterprise, "JP", "静冈县", 2000, 0, []string{"PL", "AF"}, 0.3, 0},
	{[]string{"INTEL CORP", "INTEL CORPORATION", "Intel Corporation"}, "英特尔公司", KindEnterprise, "US", "加利福尼亚州圣克拉拉", 2014, 2021, []string{"SN", "CM"}, 0.5, 0},
	{[]string{"CHINA ACAD AEROSPACE AERODYNAMICS", "CHINA ACADEMY OF AEROSPACE AERODYNAMICS", "China Academy of Aerospace Aerodynamics"}, "中国航天空气动力技术研究院", KindInstitute, "CN", "北京市", 2004, 0, []string{"AF", "FC"}, 0, 0.2},
	{[]string{"ELBIT SYSTEMS LTD", "Elbit Systems Ltd.", "ELBIT SYSTEMS"}, "埃尔比特系统有限公司", KindEnterprise, "IL", "海法", 2000, 0, []string{"CU", "SN", "CM"}, 0.45, 0},
	{[]string{"DEDRONE HOLDINGS INC", "Dedrone Holdings, Inc.", "DEDRONE GMBH"}, "", KindEnterprise, "US", "弗吉尼亚州", 2015, 0, []string{"CU"}, 0.4, 0},
	{[]string{"RAKUTEN GROUP INC", "RAKUTEN INC", "Rakuten Group, Inc."}, "乐天集团股份有限公司", KindEnterprise, "JP", "东京都", 2016, 0, []string{"PL", "FC"}, 0.5, 0},
	{[]string{"NEC CORP", "NEC Corporation", "NIPPON ELECTRIC CO"}, "日本电气株式会社", KindEnterprise, "JP", "东京都", 2010, 0, []string{"CM", "CU", "FC"}, 0.4, 0},
	{[]string{"US NAVY", "SECRETARY OF THE NAVY", "The United States of America as represented by the Secretary of the Navy"}, "", KindGovernment, "US", "华盛顿特区", 2000, 0, []string{"AF", "CU", "CM"}, 0.02, 0},
	{[]string{"CETC 54TH RES INST", "THE 54TH RESEARCH INSTITUTE OF CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION", "The 54th Research Institute of CETC"}, "中国电子科技集团公司第五十四研究所", KindInstitute, "CN", "石家庄市", 2003, 0, []string{"CM", "CU"}, 0, 0.2},
	{[]string{"KOREA AEROSPACE RES INST", "KOREA AEROSPACE RESEARCH INSTITUTE", "Korea Aerospace Research Institute"}, "韩国航空宇宙研究院", KindInstitute, "KR", "大田广域市", 2005, 0, []string{"AF", "FC"}, 0.2, 0},
	{[]string{"FRAUNHOFER GES FORSCHUNG", "FRAUNHOFER GESELLSCHAFT ZUR FOERDERUNG DER ANGEWANDTEN FORSCHUNG E V", "Fraunhofer-Gesellschaft"}, "弗劳恩霍夫应用研究促进协会", KindInstitute, "DE", "慕尼黑", 2005, 0, []string{"CM", "SN", "CU"}, 0.5, 0},
	{[]string{"THALES SA", "Thales S.A.", "THALES"}, "泰勒斯公司", KindEnterprise, "FR", "巴黎", 2000, 0, []string{"CU", "CM"}, 0.5, 0},
	{[]string{"BAE SYSTEMS PLC", "BAE Systems plc", "BAE SYSTEMS"}, "英国宇航系统公司", KindEnterprise, "GB", "伦敦", 2000, 0, []string{"AF", "CU"}, 0.4, 0},
	{[]string{"FENGYI TECH SHENZHEN CO LTD", "Fengyi Technology (Shenzhen) Co., Ltd.", "SF TECHNOLOGY CO LTD"}, "丰翼科技（深圳）有限公司", KindEnterprise, "CN", "深圳市", 2017, 0, []string{"PL"}, 0.02, 0.4},
	{[]string{"HANWHA AEROSPACE CO LTD", "Hanwha Aerospace Co., Ltd.", "HANWHA TECHWIN CO LTD"}, "韩华航空航天株式会社", KindEnterprise, "KR", "京畿道", 2010, 0, []string{"PW", "AF"}, 0.3, 0},
}

var foreignZh = map[string]string{"US": "美国", "JP": "日本", "KR": "韩国", "DE": "德国", "FR": "法国", "GB": "英国", "IL": "以色列", "TW": "中国台湾"}

// homeOffice returns the office of first filing for a country.
func homeOffice(country string) string {
	switch country {
	case "CN", "US", "JP", "KR", "DE", "FR", "GB", "IL", "TW":
		return country
	}
	return "US"
}

// Applicants returns the named top applicants of every world (ranks 1–40) with their name
// variants. The rest of a world's applicants are generated; see World.Applicants.
func Applicants() []Applicant {
	out := make([]Applicant, len(namedApplicants))
	for i := range namedApplicants {
		out[i] = buildNamed(i).Applicant
	}
	return out
}

func cityByZh(zh string) int {
	for i, c := range cities {
		if c.zh == zh {
			return i
		}
	}
	return -1
}

func buildNamed(i int) applicant {
	d := &namedApplicants[i]
	a := applicant{Applicant: Applicant{Rank: i + 1, Name: d.forms[0], NameZh: d.zh, Kind: d.kind,
		Country: d.country, EntryYear: d.entry, ExitYear: d.exit, Branches: append([]string(nil), d.fav...)},
		lens: d.forms, abroad: d.abroad, utility: d.utility, grant: 0.62}
	a.Variants = append(append([]string(nil), d.forms...), nonEmpty(d.zh)...)
	if d.country == "CN" {
		ci := cityByZh(d.city)
		c := cities[ci]
		p := provinces[c.prov]
		a.City, a.Province, a.ProvinceCode = c.zh, p.zh, p.code
		a.Address = cnAddress(c, p, i*7+3)
		if d.kind == KindUniversity {
			a.grant = 0.55
		}
	} else {
		a.ProvinceCode = d.country
		a.Address = foreignZh[d.country] + d.city
		a.grant = 0.68
	}
	for b := range a.affinity {
		a.affinity[b] = 0.1
	}
	for _, f := range d.fav {
		a.affinity[l1Index[f]] = 1
	}
	a.homeOff = homeOffice(d.country)
	if d.country == "IL" {
		a.homeOff = "US" // Israeli firms usually file first in the US
	}
	return a
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

// cnAddress returns a Chinese address with postcode, e.g. 518057 广东省深圳市南山区科技路18号.
func cnAddress(c city, p province, k int) string {
	var b strings.Builder
	b.WriteString(c.postcode)
	b.WriteByte(' ')
	if p.zh != c.zh {
		b.WriteString(p.zh)
	}
	b.WriteString(c.zh)
	b.WriteString(c.districts[k%len(c.districts)])
	b.WriteString(roads[(k/3)%len(roads)])
	b.WriteString(itoa(1 + (k*37)%300))
	b.WriteString("号")
	return b.String()
}

func itoa(v int) string { return string(appendPadded(nil, int64(v), 1)) }

// titleCase turns "SKYWARD ROBOTICS" into "Skyward Robotics".
func titleCase(s string) string {
	b := []byte(strings.ToLower(s))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 32
		}
		up = c == ' ' || c == '-' || c == '('
	}
	return string(b)
}

// buildApplicants creates n applicants: the named ones, then generated ones, with Zipf weights
// 1/rank^1.1, inventor teams sized to their expected portfolio, and usual partners.
func buildApplicants(n, families int, firstYear, lastYear int, yearCDF []float64, r *rand.Rand) []applicant {
	if n < len(namedApplicants)+10 {
		n = len(namedApplicants) + 10
	}
	apps := make([]applicant, 0, n)
	seen := map[string]bool{}
	for i := range namedApplicants {
		a := buildNamed(i)
		apps = append(apps, a)
		seen[a.Name] = true
	}
	cityCDF := cumulative(len(cities), func(i int) float64 { return cities[i].weight })
	poolCDF := cumulative(len(foreignPools), func(i int) float64 { return foreignPools[i].weight })
	l1CDF := cumulative(len(l1Defs), func(i int) float64 { return l1Defs[i].weight })
	for len(apps) < n {
		rank := len(apps) + 1
		var a applicant
		if r.Float64() < 0.68 {
			a = genCN(r, rank, cityCDF)
		} else {
			a = genForeign(r, rank, &foreignPools[pick(poolCDF, r.Float64())])
		}
		if seen[a.Name] || (a.NameZh != "" && seen[a.NameZh]) {
			continue
		}
		seen[a.Name] = true
		if a.NameZh != "" {
			seen[a.NameZh] = true
		}
		a.Rank = rank
		// Entry year: a quarter are early players, the rest enter with the market.
		if r.Float64() < 0.25 {
			a.EntryYear = firstYear + r.IntN(11)
		} else {
			a.EntryYear = firstYear + pick(yearCDF, r.Float64()) - 1 - r.IntN(2)
		}
		a.EntryYear = max(firstYear, min(a.EntryYear, lastYear-1))
		if r.Float64() < 0.12 {
			if e := a.EntryYear + 3 + r.IntN(10); e < lastYear {
				a.ExitYear = e
			}
		}
		for b := range a.affinity {
			a.affinity[b] = 0.12
		}
		nf := 1 + r.IntN(2)
		for k := 0; k < nf; k++ {
			b := pick(l1CDF, r.Float64())
			if a.Kind == KindGovernment && r.Float64() < 0.5 {
				b = l1Index["CU"]
			}
			if a.affinity[b] < 1 {
				a.affinity[b] = 1
				a.Branches = append(a.Branches, l1Defs[b].id)
			}
		}
		apps = append(apps, a)
	}
	// Zipf weights, teams and partners.
	for i := range apps {
		apps[i].weight = math.Pow(float64(i+1), -1.1)
	}
	total := 0.0
	for i := range apps {
		total += apps[i].weight
	}
	for i := range apps {
		a := &apps[i]
		expected := float64(families) * a.weight / total
		size := int(2 + 1.3*math.Sqrt(expected))
		size = max(2, min(size, 400))
		if a.Kind == KindIndividual {
			size = 1 + r.IntN(2)
		}
		a.team = make([]person, 0, size)
		if a.Kind == KindIndividual {
			a.team = append(a.team, person{a.Name, a.NameZh})
		}
		for len(a.team) < size {
			a.team = append(a.team, genPerson(r, a.Country))
		}
	}
	byCountryKind := map[string][]int{}
	for i := range apps {
		k := apps[i].Country + "/" + apps[i].Kind
		byCountryKind[k] = append(byCountryKind[k], i)
	}
	for i := range apps {
		a := &apps[i]
		var pool []int
		switch a.Kind {
		case KindEnterprise:
			pool = append(byCountryKind[a.Country+"/"+KindUniversity], byCountryKind[a.Country+"/"+KindInstitute]...)
		case KindUniversity, KindInstitute:
			pool = byCountryKind[a.Country+"/"+KindEnterprise]
		}
		if len(pool) == 0 {
			continue
		}
		np := 1 + r.IntN(2)
		for k := 0; k < np; k++ {
			// Prefer high-ranked partners: log-uniform over the pool.
			j := pool[int(math.Pow(float64(len(pool)), r.Float64()))-1]
			if j != i {
				a.partners = append(a.partners, j)
			}
		}
	}
	return apps
}

func genCN(r *rand.Rand, rank int, cityCDF []float64) applicant {
	c := cities[pick(cityCDF, r.Float64())]
	p := provinces[c.prov]
	cityShort := strings.TrimSuffix(c.zh, "市")
	a := applicant{Applicant: Applicant{Country: "CN", City: c.zh, Province: p.zh, ProvinceCode: p.code},
		homeOff: "CN"}
	a.Address = cnAddress(c, p, r.IntN(10000))
	u := r.Float64()
	kind := KindEnterprise
	switch {
	case u < 0.60:
	case u < 0.77:
		kind = KindUniversity
	case u < 0.83:
		kind = KindInstitute
	case u < 0.98:
		kind = KindIndividual
	default:
		kind = KindGovernment
	}
	if kind == KindIndividual && rank < 300 {
		kind = KindEnterprise
	}
	a.Kind = kind
	switch kind {
	case KindEnterprise:
		if r.Float64() < 0.08 {
			zh := "国网" + p.short + "省电力有限公司" + c.zh[:len(c.zh)-len("市")] + "供电公司"
			if p.zh == c.zh {
				zh = "国网" + c.zh + "电力公司"
			}
			en := "STATE GRID " + p.en + " ELECTRIC POWER CO LTD " + c.en + " POWER SUPPLY CO"
			a.NameZh = zh
			a.lens = []string{en, titleCase(en), "STATE GRID " + p.en + " ELECTRIC POWER"}
			a.abroad, a.utility, a.grant = 0, 0.55, 0.6
			break
		}
		b1, b2 := zhBrand[r.IntN(len(zhBrand))], zhBrand[r.IntN(len(zhBrand))]
		ind := zhIndustry[r.IntN(len(zhIndustry))]
		legalZh, legalEn := "有限公司", "CO LTD"
		if r.Float64() < 0.3 {
			legalZh = "股份有限公司"
		}
		brandEn := b1[1] + strings.ToLower(b2[1])
		brandEn = strings.ToUpper(brandEn)
		a.NameZh = c.zh + b1[0] + b2[0] + ind[0] + legalZh
		full := c.en + " " + brandEn + " " + ind[1] + " " + legalEn
		a.lens = []string{full, titleCase(c.en+" "+brandEn+" "+ind[1]) + " Co., Ltd.", c.en + " " + brandEn + " " + ind[2] + " " + legalEn}
		a.abroad, a.utility, a.grant = 0.03, 0.5, 0.6
	case KindUniversity:
		t := zhUniType[r.IntN(len(zhUniType))]
		place, placeEn := cityShort, c.en
		if r.Float64() < 0.4 {
			place, placeEn = p.short, p.en
		}
		a.NameZh = place + t[0]
		full := strings.Replace(t[1], "%s", placeEn, 1)
		a.lens = []string{strings.Replace(t[2], "%s", placeEn, 1), full, titleCase(full)}
		a.abroad, a.utility, a.grant = 0.005, 0.12, 0.52
	case KindInstitute:
		f := zhInstField[r.IntN(len(zhInstField))]
		if r.Float64() < 0.5 {
			a.NameZh = p.short + "省" + f[0]
			if p.zh == c.zh {
				a.NameZh = p.zh + f[0]
			}
			a.lens = []string{p.en + " " + f[1], titleCase(p.en + " " + f[1]), p.en + " " + strings.Replace(f[1], "RESEARCH INSTITUTE", "RES INST", 1)}
		} else {
			n := 10 + r.IntN(49)
			a.NameZh = "中国电子科技集团公司第" + zhNumber(n) + "研究所"
			a.lens = []string{"CETC NO " + itoa(n) + " RES INST", "THE " + itoa(n) + "TH RESEARCH INSTITUTE OF CHINA ELECTRONICS TECHNOLOGY GROUP CORPORATION", "China Electronics Technology Group Corporation No. " + itoa(n) + " Research Institute"}
		}
		a.abroad, a.utility, a.grant = 0.005, 0.2, 0.58
	case KindIndividual:
		pp := genPerson(r, "CN")
		a.NameZh = pp.zh
		parts := strings.SplitN(pp.en, " ", 2)
		a.lens = []string{pp.en, parts[1] + " " + parts[0]}
		a.abroad, a.utility, a.grant = 0.002, 0.7, 0.35
	case KindGovernment:
		g := zhGovAgency[r.IntN(len(zhGovAgency))]
		a.NameZh = c.zh + g[0]
		a.lens = []string{c.en + " " + g[1], titleCase(c.en + " " + g[1])}
		a.abroad, a.utility, a.grant = 0, 0.3, 0.5
	}
	a.Name = a.lens[0]
	a.Variants = append(append([]string(nil), a.lens...), a.NameZh)
	return a
}

func zhNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	s := ""
	if n >= 20 {
		s = digits[n/10] + "十"
	} else if n >= 10 {
		s = "十"
	}
	return s + digits[n%10]
}

func genForeign(r *rand.Rand, rank int, fp *foreignPool) applicant {
	a := applicant{Applicant: Applicant{Country: fp.country, ProvinceCode: fp.country}, homeOff: homeOffice(fp.country)}
	region := fp.regionsZh[r.IntN(len(fp.regionsZh))]
	a.Address = fp.zhAddr + region
	if fp.country == "TW" {
		a.ProvinceCode = "71"
		a.Province = "台湾省"
	}
	if fp.country == "IL" && r.Float64() < 0.7 {
		a.homeOff = "US"
	}
	u := r.Float64()
	switch {
	case u < 0.80 || rank < 300:
		a.Kind = KindEnterprise
		stem, ind := fp.stems[r.IntN(len(fp.stems))], fp.inds[r.IntN(len(fp.inds))]
		base := stem + " " + ind
		a.lens = []string{base + " " + strings.ToUpper(fp.legal[0]), titleCase(base) + " " + fp.legal[1], base}
		a.abroad, a.grant = 0.4, 0.66
	case u < 0.88:
		a.Kind = KindUniversity
		place := fp.unis[r.IntN(len(fp.unis))]
		a.lens = []string{"UNIV " + place, place + " UNIVERSITY", "University of " + titleCase(place)}
		a.abroad, a.grant = 0.2, 0.6
	default:
		a.Kind = KindIndividual
		pp := genPerson(r, fp.country)
		parts := strings.SplitN(pp.en, " ", 2)
		a.lens = []string{pp.en, titleCase(parts[1] + " " + parts[0])}
		a.abroad, a.grant = 0.1, 0.5
	}
	a.Name = a.lens[0]
	a.Variants = append([]string(nil), a.lens...)
	return a
}

// genPerson returns an inventor name for a country: SURNAME GIVEN in upper case (Lens form) and,
// for Chinese persons, the Chinese name.
func genPerson(r *rand.Rand, country string) person {
	if country == "CN" {
		s := zhSurnames[r.IntN(len(zhSurnames))]
		g1 := zhGiven[r.IntN(len(zhGiven))]
		if r.Float64() < 0.35 {
			return person{s[1] + " " + g1[1], s[0] + g1[0]}
		}
		g2 := zhGiven[r.IntN(len(zhGiven))]
		return person{s[1] + " " + g1[1] + g2[1], s[0] + g1[0] + g2[0]}
	}
	fp := &foreignPools[0]
	for i := range foreignPools {
		if foreignPools[i].country == country {
			fp = &foreignPools[i]
		}
	}
	en := fp.surnames[r.IntN(len(fp.surnames))] + " " + fp.given[r.IntN(len(fp.given))]
	if country == "US" && r.Float64() < 0.4 {
		en += " " + string(rune('A'+r.IntN(26)))
	}
	return person{en: en}
}

// cumulative returns the normalised cumulative distribution of n weights.
func cumulative(n int, w func(int) float64) []float64 {
	c := make([]float64, n)
	s := 0.0
	for i := 0; i < n; i++ {
		s += w(i)
		c[i] = s
	}
	for i := range c {
		c[i] /= s
	}
	return c
}

// pick returns the index i with cdf[i-1] <= u < cdf[i].
func pick(cdf []float64, u float64) int {
	lo, hi := 0, len(cdf)-1
	for lo < hi {
		m := (lo + hi) / 2
		if u < cdf[m] {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return lo
}
