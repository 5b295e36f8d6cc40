package cnipa

import (
	"strings"

	"github.com/patnav/patnav/ingest/format"
)

// field is one canonical column the reader understands.
type field int

// The canonical columns. The order is irrelevant; nField is their count.
const (
	fPub           field = iota // publication number
	fApp                        // application number
	fAppDate                    // application date
	fPubDate                    // publication date
	fGrantDate                  // grant (announcement) date
	fGrantPub                   // grant publication number (授权公告号) beside the A publication's
	fPrioDate                   // (earliest) priority date
	fTitle                      // title
	fAbstract                   // abstract
	fApplicants                 // applicants (original)
	fOwner                      // current owner(s)
	fOwnerAddress               // (first) current owner's address
	fOwnerCountry               // (first) current owner's country code / name / 国省代码
	fInventors                  // inventors / designers
	fAddress                    // (first) applicant address
	fProvince                   // applicant country/province code, raw
	fCity                       // applicant city, raw
	fCountry                    // applicant country code
	fIPCMain                    // main IPC
	fIPC                        // all IPC codes
	fCPCMain                    // main CPC
	fCPC                        // all CPC codes
	fType                       // patent type (发明/实用新型/外观设计 …)
	fLegal                      // legal status
	fClaimsCount                // number of claims
	fClaims                     // first claim / claims text
	fCites                      // cited patents (list)
	fCitesCount                 // number of cited patents
	fCitedByCount               // times cited
	fFamilyID                   // family id
	fFamily                     // family members (list)
	fFamilySize                 // family size
	fPriority                   // priority numbers (list)
	fTransferCount              // number of assignments
	fLastTransfer               // latest assignment date
	fLicenceCount               // number of licences
	fLastLicence                // latest licence date
	fPledgeCount                // number of pledges
	fLastPledge                 // latest pledge date
	fInvalidation               // invalidation request / decision
	fLitigation                 // number of lawsuits
	fExpiry                     // expiry / lapse date
	fURL                        // link to the document
	fLegalEvents                // legal events (法律事件), one entry per event
	nField
)

// aliasTable lists, per canonical column, the header names the vendors use. The first alias
// present in a header wins, so more specific names come first (e.g. 简单法律状态 before
// 法律状态/事件). Matching ignores width (（ = (), case and all spaces (see headerKey).
//
// Sources of the names:
//
//   - CNIPA 专利检索及分析 (pss-system) and the older CNIPA 中国专利公布公告 exports: 申请号, 申请日,
//     公开(公告)号, 公开(公告)日, 名称, 主分类号, 分类号, 申请(专利权)人, 发明(设计)人, 地址,
//     国省代码, 优先权, 摘要, 主权项, 专利号, 公布号, 公告号, 授权公告日.
//   - incoPat: 公开(公告)号, 标题(中文), 摘要(中文), 申请人, 当前申请(专利权)人, 申请人地址,
//     申请人国省代码, IPC主分类, IPC, CPC, 专利类型, 法律状态, 当前法律状态, 权利要求数量,
//     首项权利要求, 引证专利, 被引证次数, 简单同族, 简单同族个数, INPADOC同族, 优先权信息,
//     转让次数, 许可次数, 质押保全, 无效宣告, 诉讼次数, 失效日, 预估到期日.
//   - PatSnap 智慧芽 (Chinese and English UI): 公开(公告)号 / Publication Number, 申请号 /
//     Application Number, 标题 / Title, 原始申请(专利权)人, 当前申请(专利权)人 / Current
//     Assignee, 简单法律状态 / Simple Legal Status, 法律状态/事件, 简单同族ID, 被引用次数,
//     最早优先权日 / Earliest Priority Date, 专利到期日 / Estimated Expiry Date.
//   - SooPAT: 申请号, 名称, 申请(专利权)人, 发明(设计)人, 主分类号, 分类号, 公开号, 公开日.
//   - Innojoy 大为: 文献号, 申请号, 专利名称, 申请人, 专利权人, IPC主分类号, IPC分类号,
//     法律状态, 同族专利, 引证文献, 第一申请人地址, 国省代码.
//   - 佰腾: 公开公告号, 申请号码, 公开(公告)号码, 发明名称, 申请人(专利权人), 当前权利人,
//     省市代码, 简单同族成员, 最近转让日.
//   - CNKI patent scrapes (MaterialChemistry_18_19.xlsx): title, author (the inventors), com
//     (the applicant), sql (the application date), quote (the publication date; CN publications
//     fall on Tuesdays and Fridays and every quote date in the file does), href (a CNKI link whose
//     filename= parameter is the publication number), ChDiv_summary (abstract), claim_text (first
//     claim). The column "public" only says 中国专利 and is ignored.
var aliasTable = [nField][]string{
	fPub: {"公开(公告)号", "公开公告号", "公开(公告)号码", "公开号", "公布号", "公告号", "文献号",
		"公开号码", "Publication Number", "Publication No.", "Publication No", "公开(公告)号(标准)"},
	fApp:     {"申请号", "申请号码", "专利号", "专利申请号", "Application Number", "Application No.", "Application No"},
	fAppDate: {"申请日", "申请日期", "Application Date", "sql"},
	fPubDate: {"公开(公告)日", "公开公告日", "公开日", "公布日", "公告日", "公开日期", "公开(公告)日期",
		"Publication Date", "quote"},
	fGrantDate: {"授权公告日", "授权日", "授权日期", "授权公告日期", "Grant Date", "Issue Date"},
	// 授权公告号 is the publication number when it is the only number column; beside a 公开号
	// column it is the grant (B/C) document of an A publication (resolve decides).
	fGrantPub: {"授权公告号", "授权公告号码", "授权号", "Grant Number", "Grant Publication Number"},
	fPrioDate: {"最早优先权日", "优先权日", "最早优先权日期", "优先权日期", "Earliest Priority Date", "Priority Date"},
	fTitle:    {"名称", "专利名称", "发明名称", "标题", "标题(中文)", "中文标题", "发明创造名称", "Title"},
	fAbstract: {"摘要", "摘要(中文)", "中文摘要", "Abstract", "ChDiv_summary"},
	fApplicants: {"申请(专利权)人", "申请人", "申请人(专利权人)", "原始申请(专利权)人", "专利权人",
		"申请人名称", "Applicants", "Applicant", "Original Assignee", "com"},
	fOwner: {"当前权利人", "当前申请(专利权)人", "专利权人(当前)", "当前专利权人", "Current Assignee", "Current Owner"},
	// The current owner's place, where the export states it beside the owner (a transfer's new
	// owner: its country tells a transfer abroad from a domestic one).
	fOwnerAddress: {"当前权利人地址", "当前申请(专利权)人地址", "当前专利权人地址", "专利权人地址", "权利人地址",
		"Current Assignee Address", "Current Owner Address"},
	fOwnerCountry: {"当前权利人国别代码", "当前权利人国家代码", "当前权利人国家/地区", "当前权利人国家", "当前权利人国别",
		"当前权利人国省代码", "当前申请(专利权)人国别代码", "当前申请(专利权)人国家/地区", "当前申请(专利权)人国家",
		"当前专利权人国家", "Current Assignee Country", "Current Owner Country"},
	fInventors: {"发明(设计)人", "发明人", "设计人", "发明人(设计人)", "Inventors", "Inventor", "author"},
	fAddress:   {"申请人地址", "第一申请人地址", "地址", "申请(专利权)人地址", "Applicant Address"},
	fProvince: {"国省代码", "申请人国省代码", "省市代码", "申请人所在国(省)", "申请人省市", "申请人所在省",
		"申请人省份", "国省"},
	fCity:    {"申请人地市", "申请人城市", "申请人所在市", "地市"},
	fCountry: {"申请人国别代码", "申请人国家代码", "申请人国家", "Applicant Country"},
	fIPCMain: {"主分类号", "IPC主分类", "IPC主分类号", "主分类", "主IPC", "Main IPC", "IPC Main"},
	fIPC:     {"分类号", "IPC分类号", "IPC", "IPC分类", "国际分类号", "IPC Classification"},
	fCPCMain: {"CPC主分类", "CPC主分类号", "Main CPC"},
	fCPC:     {"CPC分类号", "CPC", "CPC分类", "CPC Classification"},
	fType:    {"专利类型", "类型", "文献类型", "申请类型", "Patent Type"},
	fLegal: {"简单法律状态", "当前法律状态", "法律状态", "有效性", "法律状态/事件", "Simple Legal Status",
		"Legal Status"},
	fClaimsCount:  {"权利要求数量", "权利要求数", "权利要求项数", "权利要求个数", "Claims Count", "Number of Claims"},
	fClaims:       {"首项权利要求", "主权项", "第一权利要求", "权利要求", "权利要求书", "First Claim", "Claims", "claim_text"},
	fCites:        {"引证专利", "引用专利", "引证文献", "引证", "Cited Patents", "Citations"},
	fCitesCount:   {"引证次数", "引用次数", "引证专利数量", "引证数量", "Cited Patents Count"},
	fCitedByCount: {"被引证次数", "被引用次数", "被引证专利数量", "被引次数", "被引用专利数量", "Cited by Count", "Citing Patents Count"},
	fFamilyID:     {"同族ID", "简单同族ID", "INPADOC同族ID", "扩展同族ID", "家族ID", "Simple Family ID", "Family ID"},
	fFamily: {"同族专利", "简单同族", "简单同族成员", "同族成员", "同族", "INPADOC同族", "同族专利成员",
		"Simple Family", "Family Members"},
	fFamilySize: {"同族数量", "简单同族个数", "简单同族数量", "同族个数", "简单同族数", "同族专利数量",
		"INPADOC同族个数", "Simple Family Count", "Family Size"},
	fPriority:      {"优先权号", "优先权", "优先权信息", "优先权号码", "Priority Number", "Priority Numbers"},
	fTransferCount: {"专利转移次数", "转让次数", "转移次数", "转让", "权利转移次数", "Transfer Count", "Assignment Count"},
	fLastTransfer:  {"最近转让日", "最近转让日期", "转让日", "转让生效日", "转让执行日", "转让日期", "Last Transfer Date"},
	fLicenceCount:  {"许可次数", "许可", "许可备案次数", "License Count", "Licence Count"},
	fLastLicence:   {"最近许可日", "最近许可日期", "许可生效日", "许可备案日", "许可日期", "Last License Date"},
	fPledgeCount:   {"质押次数", "质押", "质押保全", "Pledge Count"},
	fLastPledge:    {"最近质押日", "最近质押日期", "质押登记日", "质押生效日", "质押日期", "Last Pledge Date"},
	fInvalidation:  {"无效宣告", "无效", "无效宣告请求", "无效次数", "无效请求", "Invalidation"},
	fLitigation:    {"诉讼次数", "诉讼数量", "诉讼", "Litigation Count"},
	fExpiry: {"失效日", "预估到期日", "专利到期日", "预计到期日", "到期日", "失效日期", "Estimated Expiry Date",
		"Expiry Date"},
	fURL:         {"链接", "专利链接", "详情链接", "原文链接", "参考资料", "URL", "Link", "href"},
	fLegalEvents: {"法律事件", "法律事务", "法律信息", "Legal Events"},
}

// English-only aliases (PatSnap's English UI and generic words) count for less when sniffing,
// since other readers (Lens, Google) use similar words. cnkiAliases mark the CNKI scrape layout.
var cnkiAliases = map[string]bool{"author": true, "com": true, "sql": true, "quote": true,
	"chdivsummary": true, "claimtext": true, "href": true}

// aliasEntry is one resolved header key.
type aliasEntry struct {
	field field
	rank  int // position in the field's alias list; lower wins
}

// aliasIndex maps headerKey(alias) to its field.
var aliasIndex = func() map[string]aliasEntry {
	m := make(map[string]aliasEntry, 256)
	for f := field(0); f < nField; f++ {
		for i, a := range aliasTable[f] {
			k := headerKey(a)
			if e, dup := m[k]; dup {
				if e.field != f {
					panic("cnipa: header alias " + a + " names two fields")
				}
				continue // the same alias in another spelling: the earlier rank stands
			}
			m[k] = aliasEntry{field: f, rank: i}
		}
	}
	return m
}()

// headerKey folds a header cell for alias lookup (format.FoldHeader: BOM, width, case, spaces,
// underscores, hyphens and punctuation), so "公开（公告）号", "公开(公告)号 ", "Publication  Number"
// and "publication_number" match their alias.
func headerKey(h string) string { return format.FoldHeader(h) }

// columns is a header resolved against aliasTable: the column index of every canonical field
// (-1 when absent) and the header's own names for error messages.
type columns struct {
	idx    [nField]int
	header []string
	found  int  // number of distinct fields found
	han    int  // fields found through a Chinese alias
	cnki   int  // CNKI-scrape aliases found
	ident  bool // a column that can identify a record (publication/application number, title, link)
}

// resolve maps a header row to canonical fields.
func resolve(header []string) *columns {
	c := &columns{header: make([]string, len(header))}
	var rank [nField]int
	for i := range c.idx {
		c.idx[i] = -1
	}
	for i, h := range header {
		c.header[i] = strings.TrimSpace(strings.TrimPrefix(h, "\uFEFF"))
		k := headerKey(h)
		if k == "" {
			continue
		}
		e, ok := aliasIndex[k]
		if !ok {
			continue
		}
		if c.idx[e.field] >= 0 && rank[e.field] <= e.rank {
			continue
		}
		if c.idx[e.field] < 0 {
			c.found++
			if hasHan(k) {
				c.han++
			}
			if cnkiAliases[k] {
				c.cnki++
			}
		}
		c.idx[e.field], rank[e.field] = i, e.rank
	}
	if c.idx[fPub] < 0 && c.idx[fGrantPub] >= 0 {
		c.idx[fPub], c.idx[fGrantPub] = c.idx[fGrantPub], -1
	}
	c.ident = c.idx[fPub] >= 0 || c.idx[fApp] >= 0 || c.idx[fTitle] >= 0 || c.idx[fURL] >= 0
	return c
}

// has reports whether the header has field f.
func (c *columns) has(f field) bool { return c.idx[f] >= 0 }

// name is the source's header text for f, for error messages.
func (c *columns) name(f field) string {
	if i := c.idx[f]; i >= 0 && c.header[i] != "" {
		return c.header[i]
	}
	if len(aliasTable[f]) > 0 {
		return aliasTable[f][0]
	}
	return ""
}

// recognised reports whether the header is one this reader can read: at least two known columns,
// one of which identifies a record.
func (c *columns) recognised() bool { return c.found >= 2 && c.ident }

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF || r >= 0x20000 && r <= 0x2FFFF {
			return true
		}
	}
	return false
}
