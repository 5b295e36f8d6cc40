package cnipa

import (
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/patnav/patnav/internal/norm"
	"github.com/patnav/patnav/internal/patent"
)

// splitList splits a multi-valued cell (codes, numbers, citations). ; ； | and newlines separate;
// when none occurs, commas (, ，) do, so "A01B1/00,A01B1/02" splits but a cited document
// "张某, 通信原理, 2010" inside a ;-list stays whole.
func splitList(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if strings.ContainsAny(s, ";；|\n\r") {
		return norm.SplitAny(s, ";；|\n\r")
	}
	return norm.SplitAny(s, ",，")
}

// legalSuffixes are words that follow a comma inside one company name ("Apple, Inc.").
var legalSuffixes = []string{"inc", "ltd", "llc", "co.", "co,", "co", "corp", "gmbh", "s.a", "sa", "ag", "plc",
	"l.p", "lp", "kg", "nv", "n.v", "bv", "b.v", "limited", "incorporated", "company", "s.p.a", "spa", "oy", "ab"}

// splitNames splits a cell of party names. ; ； | and newlines always separate; commas separate
// only when none of those occur, and never before a legal-form word (", Inc.", ", Ltd.").
func splitNames(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	if strings.ContainsAny(s, ";；|\n\r") {
		return norm.SplitAny(s, ";；|\n\r")
	}
	parts := norm.SplitAny(s, ",，")
	if len(parts) <= 1 {
		return parts
	}
	out := parts[:1]
	for _, p := range parts[1:] {
		if isLegalSuffix(p) {
			out[len(out)-1] += ", " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

func isLegalSuffix(p string) bool {
	w := strings.ToLower(strings.TrimSpace(p))
	if i := strings.IndexAny(w, " "); i >= 0 {
		w = w[:i]
	}
	w = strings.TrimRight(w, ".")
	for _, s := range legalSuffixes {
		if w == strings.TrimRight(s, ".,") {
			return true
		}
	}
	return false
}

// digitsOnly reports whether s is non-empty ASCII digits.
func digitsOnly(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainNumber turns a number cell that a spreadsheet stored as a float in exponent form
// ("2.01510817712E+11") back into its digits; any other text is returned unchanged (a trailing
// ".7" or ".0" is a CN check digit, not a fraction).
func plainNumber(s string) string {
	if s == "" || !strings.ContainsAny(s, "eE") {
		return s
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == 'e' || c == 'E' || c == '+') {
			return s
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 1 || f > 1e15 || f != math.Trunc(f) {
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// cnAppNumber canonicalises an application (or 专利号) value: ZL prefix dropped, "CN" added when
// the number starts with a digit, then norm.AppNumber. "" when there is nothing.
func cnAppNumber(s string) string {
	t := strings.ToUpper(norm.FoldWidth(strings.TrimSpace(plainNumber(s))))
	if t == "" {
		return ""
	}
	t = strings.TrimPrefix(t, "ZL")
	t = strings.TrimSpace(t)
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		t = "CN" + t
	}
	n := norm.AppNumber(t)
	if len(n) < 3 {
		return ""
	}
	return n
}

// appSerial returns the serial of a CN application number without its check digit:
// CN201510817712.7 → 201510817712, CN88105304.X → 88105304, CN85102475 → 85102475. ok is false
// when the value is not a CN application number.
func appSerial(app string) (serial string, ok bool) {
	t := strings.TrimPrefix(app, "CN")
	if len(t) == len(app) {
		return "", false
	}
	switch {
	case len(t) == 13 && digitsOnly(t[:12]) && (digitsOnly(t[12:]) || t[12] == 'X'):
		return t[:12], true
	case len(t) == 12 && digitsOnly(t):
		return t, true
	case len(t) == 9 && digitsOnly(t[:8]) && (digitsOnly(t[8:]) || t[8] == 'X'):
		return t[:8], true
	case len(t) == 8 && digitsOnly(t):
		return t, true
	}
	return "", false
}

// appDocType reads the patent type from a CN application serial: the digit after the year
// (position 5 of a 12-digit serial since 2003, position 3 of an 8-digit serial before) is
// 1 invention, 2 utility model, 3 design, 8 PCT invention, 9 PCT utility model.
func appDocType(serial string) string {
	var c byte
	switch len(serial) {
	case 12:
		c = serial[4]
	case 8:
		c = serial[2]
	default:
		return ""
	}
	switch c {
	case '1', '8':
		return patent.Invention
	case '2', '9':
		return patent.UtilityModel
	case '3':
		return patent.Design
	}
	return ""
}

// parsePub canonicalises a CN-style publication number; bare digits get "CN".
func parsePub(s string) (norm.PubNumber, error) {
	t := strings.TrimSpace(norm.FoldWidth(plainNumber(s)))
	if t != "" && t[0] >= '0' && t[0] <= '9' {
		t = "CN" + t
	}
	p, err := norm.ParsePub(t, "")
	if err != nil {
		return p, err
	}
	// Fewer than 5 characters is too short for a number, except after a US series prefix: a
	// statutory invention registration is USH485.
	serial := strings.TrimLeft(p.Number, "DPRETH")
	if !digitsOnly(serial) || len(p.Number) < 5 && (len(serial) == len(p.Number) || p.Office != "US") {
		return p, norm.ErrNumber
	}
	return p, nil
}

// urlPubKeys are the query parameters that carry a publication number in vendor links:
// CNKI (filename=CN108982325A), CNIPA epub (strWhere=CN112990638A), others (pn=, PN=).
var urlPubKeys = []string{"filename=", "strwhere=", "pn=", "pubno=", "publicationnumber="}

// pubFromURL finds a publication number in a link, or "".
func pubFromURL(u string) string {
	l := strings.ToLower(u)
	for _, k := range urlPubKeys {
		i := strings.Index(l, k)
		if i < 0 || i > 0 && l[i-1] != '?' && l[i-1] != '&' {
			continue
		}
		v := u[i+len(k):]
		if j := strings.IndexAny(v, "&#"); j >= 0 {
			v = v[:j]
		}
		if p, err := parsePub(v); err == nil && v != "" && !digitsOnly(v) {
			return p.String()
		}
	}
	return ""
}

// excelDate parses a date cell: Excel serial days (a number of 10000 or more, so that a bare
// year is not mistaken for one; date1904 selects the Mac epoch), else norm.ParseDate.
func excelDate(s string, date1904 bool) (patent.Date, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return patent.Date{}, nil
	}
	if !(len(t) == 8 && digitsOnly(t)) && len(t) >= 5 && (t[0] >= '1' && t[0] <= '9') && isFloat(t) {
		f, err := strconv.ParseFloat(t, 64)
		if err == nil && f >= 10000 {
			if date1904 {
				f += 1462
			}
			return norm.ExcelSerialDate(f)
		}
	}
	return norm.ParseDate(t, norm.DayFirst)
}

func isFloat(s string) bool {
	dot := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == '.' && !dot:
			dot = true
		default:
			return false
		}
	}
	return true
}

// noWords mean "none" in count and yes/no columns.
var noWords = []string{"否", "无", "没有", "n", "no", "none", "false", "-", "--", "/"}

func isNoWord(s string) bool {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, w := range noWords {
		if l == w {
			return true
		}
	}
	return false
}

// parseCount reads a count cell: "12", "12.0", "12次", "12项"; a no-word is 0; anything else
// (empty, free text) is -1, unknown.
func parseCount(s string) int {
	t := strings.TrimSpace(norm.FoldWidth(s))
	if t == "" {
		return -1
	}
	if isNoWord(t) {
		return 0
	}
	j := 0
	for j < len(t) && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == 0 || j > 9 {
		return -1
	}
	rest := strings.TrimSpace(t[j:])
	switch {
	case rest == "", rest == "次", rest == "项", rest == "个", rest == "件", rest == "条":
	case strings.HasPrefix(rest, ".") && strings.Trim(rest[1:], "0") == "":
	default:
		return -1
	}
	n, _ := strconv.Atoi(t[:j])
	return n
}

// invalidated reads an invalidation cell: a positive count or a stated invalidation is true; a
// no-word, 0 or a decision upholding the patent (维持有效) is false.
func invalidated(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" || isNoWord(t) {
		return false
	}
	if n := parseCount(t); n >= 0 {
		return n > 0
	}
	if strings.Contains(t, "维持") && !strings.Contains(t, "部分无效") {
		return false
	}
	return true
}

// titleLang guesses the language of a title: "zh" with Han characters, "en" for plain Latin.
func titleLang(s string) string {
	if s == "" {
		return ""
	}
	if hasHan(s) {
		return "zh"
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' {
			return "en"
		}
	}
	return ""
}

// appendClass parses code and adds it to the record unless already present for the scheme.
// Unparseable codes (Locarno 14-03, a section letter alone) are skipped.
func appendClass(rec *patent.Record, scheme, code string, main bool) {
	c, err := norm.ParseClass(code)
	if err != nil {
		return
	}
	for i := range rec.Classifications {
		e := &rec.Classifications[i]
		if e.Scheme == scheme && e.Code == c.Code {
			if main {
				e.IsMain = true
			}
			return
		}
	}
	c.Scheme, c.IsMain = scheme, main
	rec.Classifications = append(rec.Classifications, c)
}

// eventDate matches a date written inside a 法律事件 entry: 2019-05-14, 2019.05.14, 2019/5/14,
// 2019年5月14日 or 20190514.
var eventDate = regexp.MustCompile(`(19|20)\d{2}(?:[-./年]\d{1,2}[-./月]\d{1,2}日?|\d{4})`)

// eventDetail matches a piece of a 法律事件 entry that is a detail of the entry before it, not an
// event of its own: the labelled fields of a transfer (变更前权利人：…, 变更后地址：…), a licence
// (让与人, 受让人, 许可种类, 备案日期 …) or a pledge (出质人, 质权人, 登记号 …), and their English
// forms in INPADOC texts (Patentee before:, Address after:, Assignor:, Pledgee: …).
var eventDetail = regexp.MustCompile(`^(?:变更(?:前|后)|变更事项|让与人|受让人|许可人|被许可人|出质人|质权人|登记号|登记生效日|合同备案号|备案号|许可种类|备案日期|发明名称|实用新型名称|外观设计名称|申请日|授权公告日|公开日|IPC|专利号|(?i:(?:patentee|applicant|address|owner) (?:before|after)|assignor|assignee|pledgor|pledgee|licensor|licensee|effective date|date of registration|registration number|contract record|record date|license type|licence type|denomination|granted publication))`)

// legalEvents splits a 法律事件 cell into events, one per entry (entries are separated by line
// breaks or semicolons; a piece that is a labelled detail of the entry before it, eventDetail,
// stays in that entry): the entry's date (the first date written in it) and the rest of its text
// as Description, the whole entry as Text, and the effect that the text states plainly (授权 +;
// 终止, 失效, 撤回, 驳回, 放弃, 无效 −). Every entry is an event, dated or not.
func legalEvents(cell string, out []patent.LegalEvent) []patent.LegalEvent {
	var entries []string
	for _, entry := range norm.SplitAny(cell, ";；\n") {
		entry = norm.CleanText(entry)
		if entry == "" {
			continue
		}
		if n := len(entries); n > 0 && eventDetail.MatchString(entry) {
			// 变更前权利人：…；变更后权利人：… continue the entry before them.
			entries[n-1] += "；" + entry
			continue
		}
		entries = append(entries, entry)
	}
	for _, entry := range entries {
		ev := patent.LegalEvent{Text: entry, Description: entry}
		if loc := eventDate.FindStringIndex(entry); loc != nil {
			raw := entry[loc[0]:loc[1]]
			s := strings.NewReplacer("年", "-", "月", "-", "日", "", ".", "-", "/", "-").Replace(raw)
			if d, err := norm.ParseDate(s, norm.DayFirst); err == nil && d.Valid() {
				ev.Date = d
				rest := strings.TrimSpace(entry[:loc[0]] + " " + entry[loc[1]:])
				ev.Description = strings.Trim(rest, " |:：,，-")
			}
		}
		switch {
		case strings.ContainsAny(ev.Description, "终失撤驳弃") || strings.Contains(ev.Description, "无效"):
			ev.Effect = "-"
		case strings.Contains(ev.Description, "授权") || strings.Contains(ev.Description, "恢复"):
			ev.Effect = "+"
		}
		out = append(out, ev)
	}
	return out
}
