package applicant

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/patnav/patnav/internal/patent"
)

// Kind classifies an applicant name as patent.KindEnterprise, KindUniversity, KindInstitute,
// KindGovernment, KindIndividual or KindUnknown.
//
// The name is cleaned as for Normalize (upper case, punctuation removed, legal forms kept) and
// looked up against marker words in English (and other Latin languages, abbreviated as in DWPI
// or Lens names: UNIV, INST, RES, TECH …), Chinese, Japanese and Korean. The first rule that
// matches decides:
//
//  1. Legal form → enterprise. A legal-form token anywhere (INC, CORP, LTD, LLC, PLC, GMBH,
//     COMPANY, KABUSHIKI KAISHA …; "BOSCH GMBH ROBERT" has it in the middle), a short one at the
//     end only (CO, AG, SA, AB, AS, NV, BV, KK, LP … which are also ordinary words), or 公司,
//     株式会社, 会社, 주식회사, 合伙企业 anywhere. "Research Co Ltd" and 研究院有限公司 are thus
//     enterprises. Two exceptions: a university whose only legal form is CORP/CORPORATION
//     (Japanese "NATIONAL UNIVERSITY CORPORATION …") stays a university, and "INCORPORATED
//     ADMINISTRATIVE AGENCY" (Japanese 独立行政法人) is not a company.
//  2. University markers → university: 大学 学院 (not 科学院) 学校 中学 小学 党校 研究生院 대학;
//     UNIV UNIVERSITY UNIVERSITE UNIVERSITAET UNIVERSIDAD UNIVERSITA COLLEGE ECOLE HOCHSCHULE
//     POLYTECHNIC POLITECNICO TECHNION KAIST, Russian OBRAZOVATEL…/OBRAZOVANIYA (educational) …,
//     and INST/INSTITUTE [OF] TECH/TECHNOLOGY
//     (MASSACHUSETTS INST TECHNOLOGY; KAIST as "ADVANCED INST"). University wins over the weak
//     enterprise words below (UNIV DALIAN TECH) and over institute words (中国科学院大学).
//  3. Institute markers → institute: 研究所 研究院 科学院 工程院 研究中心 实验室 研究室 设计院
//     科所 (农科所) 检测/检验/测试/监测/技术中心 试验站 医院 卫生院 天文台 연구원 연구소;
//     INSTITUTE INST INSTITUT INSTITUTO FRAUNHOFER CNRS CEA INSERM CSIRO TNO RIKEN ACADEMY ACAD
//     LAB LABORATORY FORSCHUNG HOSPITAL CLINIC KENKYUSHO UCHREZHDENIE, and the phrases RES INST, RES CT,
//     RESEARCH CENTER, CENTRE NATIONAL, COMMISSARIAT, MAX PLANCK, MEDICAL CENTER. Hospitals are
//     counted as institutes (public research-and-service bodies, 科研单位 in CNIPA practice).
//  4. Government markers → government: 人民政府 政府 委员会 中华人民共和国 人民解放军 武装警察
//     公安 海关 法院 检察院 监狱 管理处 管理站 服务站 推广站 厅 署, 局 (except the state-enterprise bureaus 电业局
//     供电局 电力局 矿务局 工程局 邮电局 电信局 铁路局 石油管理局, which are enterprises), 部 only in
//     named ministries (国防部 教育部 工业和信息化部 总后勤部 …: a trailing 部 is usually a shop,
//     经营部 门市部); GOVERNMENT GOVT MINISTRY MINISTERE NAVY ARMY NASA SECRETARY DEPARTMENT DEPT
//     COMMONWEALTH MUNICIPALITY ADMINISTRATION AGENCY POLICE ETAT BUNDESREPUBLIK, and the phrases
//     AIR FORCE, STATE OF, CITY OF, COUNTY OF, UNITED STATES OF AMERICA, HER MAJESTY. 国家电网 has
//     no government marker: it is an enterprise (rule 5, 电网).
//  5. Enterprise words → enterprise: 厂 企业 集团 商行 经营部 门市部 工作室 合作社 店 有限 银行
//     电网 电力 石油 石化 科技 实业 工业 制造 商贸 贸易 工贸 农场 矿 事务所; TECH TECHNOLOGY
//     INDUSTRIES IND INT SYSTEMS ELECTRIC ELECTRONICS MOTOR GROUP HOLDINGS NETWORKS SOLUTIONS
//     DRONES PHARMA ENERGY, '&' (PROCTER & GAMBLE), a country or region word (ROLLS ROYCE
//     DEUTSCHLAND, SONY EUROPE), Japanese romanised KOGYO SEISAKUSHO DENKI JIDOSHA … and Russian
//     PREDPRIYATIE OBSHCHESTVO AKTSIONERNOE FGUP NPO KB …. Russian legal forms OAO ZAO PAO OOO
//     AOOT count as legal forms (rule 1), NII as an institute, FEDERATSIYA as government.
//  6. Individual:
//     - Chinese: 2–4 Han characters whose first one (or two) is a common surname from the
//     Hundred Family Surnames plus frequent modern ones (e.g. 李玉泉, 欧阳明, 仉勃生), or a
//     name of Han segments joined by a middle dot (买买提·艾力);
//     - Korean: 2–4 Hangul syllables;
//     - Latin: 2–4 tokens of letters only, at least one longer than one letter (MARKOWETZ
//     FRANZ, Bingchen LIU, SMITH, JOHN A).
//  7. Otherwise unknown (a single word such as "IBM" or "SONY", or a Han name without a known
//     surname, e.g. a brand).
func Kind(raw string) string {
	var sb [stackBuf]byte
	buf := sb[:0]
	if len(raw) > stackBuf/2 {
		buf = make([]byte, 0, len(raw)+len(raw)/2)
	}
	c := clean(buf, raw, true)
	if len(c) == 0 {
		return patent.KindUnknown
	}
	var f flags
	ascii := true
	for _, x := range c {
		if x >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	ntok, allLetters, longTok := scanTokens(c, &f)
	if ntok > 1 {
		scanPhrases(c, &f)
	}
	if !ascii {
		scanCJK(c, &f)
	}

	switch {
	case f.legal && !f.notLegal && !(f.univ && !f.legalOther):
		return patent.KindEnterprise
	case f.univ:
		return patent.KindUniversity
	case f.inst:
		return patent.KindInstitute
	case f.gov:
		return patent.KindGovernment
	case f.ent:
		return patent.KindEnterprise
	}
	if ascii {
		if ntok >= 2 && ntok <= 4 && allLetters && longTok {
			return patent.KindIndividual
		}
		return patent.KindUnknown
	}
	if isHanPersonal(c, raw) || isHangulPersonal(c) {
		return patent.KindIndividual
	}
	if ntok >= 2 && ntok <= 4 && allLetters && longTok && latinOnly(c) {
		return patent.KindIndividual
	}
	return patent.KindUnknown
}

// flags collects the markers found in a name.
type flags struct {
	legal      bool // some legal form
	legalOther bool // a legal form other than CORP/CORPORATION
	notLegal   bool // a phrase that cancels the legal form (INCORPORATED ADMINISTRATIVE AGENCY)
	univ       bool
	inst       bool
	gov        bool
	ent        bool
}

// Marker classes for single Latin tokens.
const (
	mLegal    = 1 << iota // legal form anywhere
	mLegalEnd             // legal form only as the last token
	mCorp                 // CORP/CORPORATION (see the university exception)
	mUniv
	mInst
	mGov
	mEnt
)

// tokenMarkers maps a cleaned Latin token to its marker classes.
var tokenMarkers = func() map[string]uint8 {
	m := map[string]uint8{}
	add := func(class uint8, words ...string) {
		for _, w := range words {
			m[w] |= class
		}
	}
	add(mLegal, "INC", "INCORPORATED", "LTD", "LIMITED", "LTDA", "LLC", "LLP", "PLC", "GMBH",
		"MBH", "COMPANY", "KGAA", "SARL", "PTY", "PTE", "PVT", "BHD", "OYJ", "APS", "AKTIENGESELLSCHAFT",
		"AKTIEBOLAG", "AKTIEBOLAGET", "KABUSHIKIKAISHA", "OAO", "ZAO", "PAO", "OOO", "AOOT")
	add(mLegal|mCorp, "CORP", "CORPORATION")
	add(mLegalEnd, "CO", "AG", "KG", "SA", "SAS", "SE", "SNC", "SCA", "SPA", "SRL", "BV", "NV",
		"AB", "AS", "ASA", "OY", "KK", "LP", "PUBL", "CIE", "SDN")
	add(mUniv, "UNIV", "UNIVERSITY", "UNIVERSITE", "UNIVERSITAET", "UNIVERSITAT", "UNIVERSIDAD",
		"UNIVERSIDADE", "UNIVERSITA", "UNIVERSITEIT", "UNIVERSITET", "UNIWERSYTET", "UNIVERZITA",
		"UNIVERSITI", "UNIVERSITAS", "COLLEGE", "ECOLE", "HOCHSCHULE", "FACHHOCHSCHULE",
		"POLYTECHNIC", "POLITECNICO", "POLYTECHNIQUE", "POLITECNICA", "TECHNION",
		"KAIST", "POSTECH", "DAIGAKU", "REGENTS", "OBRAZOVATEL", "OBRAZOVATELNOE",
		"OBRAZOVATELNOGO", "OBRAZOVANIYA", "OBRAZOVANIJA")
	add(mInst, "INSTITUTE", "INST", "INSTITUT", "INSTITUTO", "INSTITUUT", "ISTITUTO", "INSTYTUT",
		"FRAUNHOFER", "CNRS", "CEA", "INSERM", "INRA", "INRIA", "CSIC", "CSIR", "CSIRO", "TNO",
		"ETRI", "ITRI", "KIST", "AIST", "RIKEN", "ACADEMY", "ACAD", "AKADEMIE", "ACADEMIA",
		"ACADEMIE", "LAB", "LABS", "LABORATORY", "LABORATORIES", "LABORATOIRE", "LABORATORIO",
		"FORSCHUNG", "FORSCHUNGSZENTRUM", "HOSPITAL", "HOPITAL", "HOPITAUX", "KLINIKUM", "CLINIC",
		"OBSERVATORY", "KENKYUSHO", "KENKYUSYO", "COMMISSARIAT", "UCHREZHDENIE", "NAUCHNO",
		"ISSLEDOVATELSKIJ", "ISSLEDOVATELSKIY", "NII", "AKADEMIJA", "AKADEMIYA")
	add(mGov, "GOVERNMENT", "GOVT", "GOUVERNEMENT", "MINISTRY", "MINISTER", "MINISTERE",
		"MINISTERIO", "MINISTERIUM", "NAVY", "ARMY", "NASA", "SECRETARY", "DEPARTMENT", "DEPT",
		"COMMONWEALTH", "MUNICIPALITY", "MUNICIPAL", "ADMINISTRATION", "AGENCY", "POLICE", "ETAT",
		"BUNDESREPUBLIK", "MILITARY", "FEDERATSIYA", "FEDERATSIJA")
	add(mEnt, "TECH", "TECHNOLOGY", "TECHNOLOGIES", "TECHNOLOGIE", "INDUSTRIES", "INDUSTRY",
		"IND", "INDUSTRIAL", "INDUSTRIE", "INT", "INTERNATIONAL", "SYSTEMS", "SYSTEM", "ELECTRIC",
		"ELECTRICAL", "ELECTRONICS", "ELECTRONIC", "ELECTRONIQUE", "MOTOR", "MOTORS", "GROUP",
		"HOLDINGS", "HOLDING", "NETWORKS", "SOLUTIONS", "SERVICES", "PHARMA", "PHARMACEUTICAL",
		"PHARMACEUTICALS", "DEVICES", "ENERGY", "POWER", "AUTOMOTIVE", "AEROSPACE", "AIRCRAFT",
		"AIRLINES", "BANK", "CHEMICAL", "CHEMICALS", "CHEM", "STEEL", "ENG", "ENGINEERING",
		"COMMUNICATIONS", "COMM", "TELECOM", "TELECOMM", "TELECOMMUNICATIONS", "WIRELESS",
		"SOFTWARE", "DIGITAL", "MOBILE", "INSTRUMENTS", "PRODUCTS", "PROD", "MFG", "MANUFACTURING",
		"DEV", "DEVELOPMENT", "DRONES", "DRONE", "ROBOTICS", "DYNAMICS", "OPTICS", "OPTICAL",
		"LICENSING", "PATENT", "PATENTS", "VENTURES", "ENTERPRISES", "ENTERPRISE", "STORES",
		"MACHINES", "MACHINERY", "MASCHINENFABRIK", "WERKE", "WERK", "TELEFON", "TELEFONAKTIEBOLAGET",
		"SOCIETE", "SOC", "SOCIETA", "SOCIEDAD", "COMPAGNIE", "TRADING", "LOGISTICS", "FOODS",
		"BIOTECH", "BIOSCIENCES", "THERAPEUTICS", "SEMICONDUCTOR", "SEMICONDUCTORS", "MICROSYSTEMS",
		"SCIENTIFIC", "INNOVATIONS", "CONSULTING", "PARTNERS", "CAPITAL", "INVESTMENTS", "MEDIA",
		"ENTERTAINMENT", "AUTOMATION", "CONTROLS", "EQUIPMENT", "TOOLS", "PLASTICS", "PETROLEUM",
		"MINING", "CONSTRUCTION", "KOGYO", "SEISAKUSHO", "DENKI", "JIDOSHA", "GIKEN", "SANGYO",
		"SHOJI", "KAGAKU", "DENSHI", "TSUSHIN", "YAKUHIN", "KAISHA", "HEAVY", "AVIATION",
		"WERKZEUG", "FABRIK", "SHIPBUILDING", "TEXTILES", "GLOBAL", "PREDPRIYATIE",
		"PREDPRIJATIE", "OBSHCHESTVO", "OBSCHESTVO", "OTVETSTVENNOSTYU", "AKTSIONERNOE", "KORPORATSIYA",
		"FGUP", "GUP", "NPO", "NPP", "KB", "BYURO", "BJURO", "&", "DEUTSCHLAND", "EUROPE", "AMERICA",
		"AMERICAS", "ASIA", "JAPAN", "CHINA", "KOREA", "FRANCE", "ITALIA", "NEDERLAND")
	return m
}()

// phrase is a multi-token marker matched on token boundaries in the cleaned name.
type phrase struct {
	text  []byte
	class uint8
}

// notLegalPhrases cancel a legal form (Japanese independent administrative institutions).
var notLegalPhrases = [][]byte{[]byte("INCORPORATED ADMINISTRATIVE AGENCY"), []byte("INC ADMINISTRATIVE AGENCY")}

var latinPhrases = func() []phrase {
	var ps []phrase
	add := func(class uint8, texts ...string) {
		for _, t := range texts {
			ps = append(ps, phrase{[]byte(t), class})
		}
	}
	add(mLegal, "KABUSHIKI KAISHA", "YUGEN KAISHA", "GODO KAISHA")
	add(mUniv, "INST OF TECH", "INST TECH", "INST OF TECHNOLOGY", "INST TECHNOLOGY",
		"INSTITUTE OF TECHNOLOGY", "INSTITUTE OF TECH", "ADVANCED INST", "INST OF TECHNOLOGIE",
		"BOARD OF TRUSTEES", "TRUSTEES OF", "SCHOOL OF", "MEDICAL SCHOOL")
	add(mInst, "RES INST", "RES CT", "RES CTR", "RES CENTER", "RES CENTRE", "RESEARCH CENTER",
		"RESEARCH CENTRE", "RESEARCH COUNCIL", "RESEARCH FOUNDATION", "RESEARCH INSTITUTE",
		"CENTRE NATIONAL", "CENTRO NACIONAL", "MAX PLANCK", "HELMHOLTZ ZENTRUM", "MEDICAL CENTER",
		"MEDICAL CENTRE", "MED CT", "MED CTR", "CANCER CENTER", "NAT RES")
	add(mGov, "AIR FORCE", "STATE OF", "CITY OF", "COUNTY OF", "UNITED STATES OF AMERICA",
		"HER MAJESTY", "HIS MAJESTY", "US GOV", "REPUBLIC OF", "KINGDOM OF", "PEOPLES REPUBLIC",
		"US SEC", "SEC OF")
	return ps
}()

// scanTokens looks up every Latin token of c in tokenMarkers and reports the token count,
// whether every token is made only of letters, and whether one token is longer than one rune.
func scanTokens(c []byte, f *flags) (ntok int, allLetters, longTok bool) {
	allLetters = true
	lastClass := uint8(0)
	for i := 0; i < len(c); {
		j := bytes.IndexByte(c[i:], ' ')
		if j < 0 {
			j = len(c)
		} else {
			j += i
		}
		tok := c[i:j]
		ntok++
		if utf8.RuneCount(tok) > 1 {
			longTok = true
		}
		for k := 0; k < len(tok); {
			r, n := utf8.DecodeRune(tok[k:])
			if !unicode.IsLetter(r) {
				allLetters = false
			}
			k += n
		}
		cls := tokenMarkers[string(tok)]
		if cls&mLegal != 0 {
			f.legal = true
			if cls&mCorp == 0 {
				f.legalOther = true
			}
		}
		f.univ = f.univ || cls&mUniv != 0
		f.inst = f.inst || cls&mInst != 0
		f.gov = f.gov || cls&mGov != 0
		f.ent = f.ent || cls&mEnt != 0
		lastClass = cls
		i = j + 1
	}
	if lastClass&mLegalEnd != 0 && ntok > 1 {
		f.legal, f.legalOther = true, true
	}
	return ntok, allLetters, longTok
}

// scanPhrases matches the multi-token Latin markers.
func scanPhrases(c []byte, f *flags) {
	for _, p := range latinPhrases {
		if !containsWords(c, p.text) {
			continue
		}
		switch p.class {
		case mLegal:
			f.legal, f.legalOther = true, true
		case mUniv:
			f.univ = true
		case mInst:
			f.inst = true
		case mGov:
			f.gov = true
		}
	}
	for _, p := range notLegalPhrases {
		if containsWords(c, p) {
			f.notLegal = true
		}
	}
}

// containsWords reports whether w occurs in c starting and ending on token boundaries.
func containsWords(c, w []byte) bool {
	for off := 0; off+len(w) <= len(c); {
		i := bytes.Index(c[off:], w)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(w)
		if (i == 0 || c[i-1] == ' ') && (end == len(c) || c[end] == ' ') {
			return true
		}
		off = i + 1
	}
	return false
}

// cjk marker lists, matched as substrings.
var (
	cjkLegal = bs("公司", "株式会社", "会社", "주식회사", "合伙企业", "有限合伙")
	cjkUniv  = bs("大学", "学校", "中学", "小学", "党校", "研究生院", "대학", "大學")
	// 学院 is a university marker except inside 科学院 (an academy of sciences).
	cjkCollege  = []byte("学院")
	cjkAcademy  = []byte("科学院")
	cjkInst     = bs("研究所", "研究院", "科学院", "工程院", "研究中心", "实验室", "研究室", "设计院", "科所", "科研所", "检测中心", "检验中心", "测试中心", "监测中心", "技术中心", "试验站", "实验站", "医院", "卫生院", "天文台", "연구원", "연구소", "研究開発", "研究機構")
	cjkGov      = bs("人民政府", "政府", "委员会", "中华人民共和国", "人民解放军", "武装警察", "公安", "海关", "法院", "检察院", "监狱", "管理处", "管理站", "服务站", "推广站", "厅", "署")
	cjkMinistry = bs("国防部", "公安部", "教育部", "科学技术部", "科技部", "工业和信息化部", "农业部", "农业农村部", "水利部", "交通运输部", "交通部", "铁道部", "卫生部", "民政部", "司法部", "财政部", "商务部", "文化部", "自然资源部", "生态环境部", "国土资源部", "住房和城乡建设部", "应急管理部", "外交部", "人力资源和社会保障部", "国家安全部", "总参谋部", "总后勤部", "总装备部", "总政治部", "战略支援部队", "装备发展部")
	cjkBureau   = []byte("局")
	cjkEntBur   = bs("电业局", "供电局", "电力局", "矿务局", "工程局", "邮电局", "电信局", "铁路局", "石油管理局", "电报局")
	cjkEnt      = bs("厂", "企业", "集团", "商行", "经营部", "门市部", "工作室", "合作社", "店", "有限", "银行", "电网", "电力", "石油", "石化", "科技", "实业", "工业", "制造", "商贸", "贸易", "工贸", "农场", "矿", "事务所", "製作所", "工業", "電機", "電気")
)

func bs(ss ...string) [][]byte {
	out := make([][]byte, len(ss))
	for i, s := range ss {
		out[i] = []byte(s)
	}
	return out
}

func containsAny(c []byte, list [][]byte) bool {
	for _, p := range list {
		if bytes.Contains(c, p) {
			return true
		}
	}
	return false
}

// scanCJK matches the Chinese, Japanese and Korean markers.
func scanCJK(c []byte, f *flags) {
	if containsAny(c, cjkLegal) {
		f.legal, f.legalOther = true, true
	}
	if containsAny(c, cjkUniv) || hasCollege(c) {
		f.univ = true
	}
	if containsAny(c, cjkInst) {
		f.inst = true
	}
	if containsAny(c, cjkGov) || containsAny(c, cjkMinistry) {
		f.gov = true
	}
	if bytes.Contains(c, cjkBureau) {
		if containsAny(c, cjkEntBur) {
			f.ent = true
		} else {
			f.gov = true
		}
	}
	if containsAny(c, cjkEnt) {
		f.ent = true
	}
}

// hasCollege reports whether c contains 学院 other than as the tail of 科学院.
func hasCollege(c []byte) bool {
	for off := 0; ; {
		i := bytes.Index(c[off:], cjkCollege)
		if i < 0 {
			return false
		}
		i += off
		if !bytes.HasSuffix(c[:i+len(cjkCollege)], cjkAcademy) {
			return true
		}
		off = i + len(cjkCollege)
	}
}

// isHanPersonal reports whether the cleaned name c looks like a Chinese personal name: 2–4 Han
// characters starting with a known surname (single or compound), or Han segments joined by a
// middle dot in raw (minority transliterations such as 买买提·艾力).
func isHanPersonal(c []byte, raw string) bool {
	n := 0
	for _, r := range string(c) {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
		n++
	}
	if n >= 2 && n <= 12 && hasMiddleDot(raw) {
		return true
	}
	if n < 2 || n > 4 {
		return false
	}
	first, size := utf8.DecodeRune(c)
	if n >= 3 {
		second, size2 := utf8.DecodeRune(c[size:])
		if compoundSurnames[[2]rune{first, second}] && n-2 >= 1 {
			_ = size2
			return true
		}
	}
	return surnames[first]
}

func hasMiddleDot(raw string) bool {
	for _, r := range raw {
		if r == '·' || r == '•' || r == '・' || r == '‧' {
			return true
		}
	}
	return false
}

// isHangulPersonal reports whether c is 2–4 Hangul syllables (a Korean personal name).
func isHangulPersonal(c []byte) bool {
	n := 0
	for _, r := range string(c) {
		if r < 0xAC00 || r > 0xD7A3 {
			return false
		}
		n++
	}
	return n >= 2 && n <= 4
}

// latinOnly reports whether c contains only Latin letters and spaces.
func latinOnly(c []byte) bool {
	for _, r := range string(c) {
		if r != ' ' && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// CouldBePerson reports whether raw could be a person's name: Kind finds no organisation in it
// (individual or unknown), or finds one only in a last token that is an ambiguous short legal
// form (CO AG SA SE AB AS ASA OY KK LP …, the forms Kind accepts only at the end because they are
// also words and given names) and none in the rest. Ingest asks it of names in a person's role:
// "FOSTER CURTIS ASA" (Asa is a given name) and "LI SE" could be persons and keep their full
// names; "华为技术有限公司" or "EQUINOR ENERGY ASA" listed as an inventor by a careless source
// cannot.
func CouldBePerson(raw string) bool {
	switch Kind(raw) {
	case patent.KindIndividual, patent.KindUnknown:
		return true
	case patent.KindEnterprise:
	default:
		return false
	}
	var sb [stackBuf]byte
	c := clean(sb[:0], raw, true)
	i := bytes.LastIndexByte(c, ' ')
	if i < 0 || tokenMarkers[string(c[i+1:])] != mLegalEnd {
		return false
	}
	k := Kind(string(c[:i]))
	return k == patent.KindIndividual || k == patent.KindUnknown
}
