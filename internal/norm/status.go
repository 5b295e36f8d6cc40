package norm

import (
	"strings"

	"github.com/patnav/patnav/internal/patent"
)

// LegalStatus maps a source's legal-status text to alive / lapsed / pending / unknown. It knows
// the Lens words (ACTIVE, INACTIVE, PENDING, EXPIRED, DISCONTINUED, PATENTED …) and the CNIPA
// words (有权, 授权, 审中, 实质审查, 公开, 失效, 无效, 驳回, 撤回, 放弃, 届满, 未缴年费 …).
func LegalStatus(raw string) string {
	t := strings.ToUpper(strings.TrimSpace(raw))
	if t == "" {
		return patent.Unknown
	}
	// Chinese first: the most specific word decides. A status line can list several
	// (e.g. "授权;权利终止"): lapse words win over grant words.
	for _, w := range []string{"失效", "无效", "驳回", "撤回", "视为撤回", "放弃", "届满", "终止", "未缴年费", "期限届满"} {
		if strings.Contains(t, w) {
			return patent.Lapsed
		}
	}
	for _, w := range []string{"有权", "授权", "有效", "权利转移", "专利权维持"} {
		if strings.Contains(t, w) {
			return patent.Alive
		}
	}
	for _, w := range []string{"审中", "实质审查", "公开", "在审", "申请中", "未决"} {
		if strings.Contains(t, w) {
			return patent.Pending
		}
	}
	switch {
	case strings.Contains(t, "INACTIVE"), strings.Contains(t, "EXPIRED"), strings.Contains(t, "DISCONTINUED"),
		strings.Contains(t, "LAPSED"), strings.Contains(t, "CEASED"), strings.Contains(t, "WITHDRAWN"),
		strings.Contains(t, "REJECTED"), strings.Contains(t, "ABANDONED"), strings.Contains(t, "REVOKED"),
		strings.Contains(t, "DEAD"):
		return patent.Lapsed
	case strings.Contains(t, "ACTIVE"), strings.Contains(t, "ALIVE"), strings.Contains(t, "GRANTED"),
		strings.Contains(t, "PATENTED"), strings.Contains(t, "IN FORCE"):
		return patent.Alive
	case strings.Contains(t, "PENDING"), strings.Contains(t, "SEARCHING"), strings.Contains(t, "EXAMIN"):
		return patent.Pending
	}
	return patent.Unknown
}

// DocType derives the document type from office and kind code, with an optional source hint
// ("Utility Model", "Design Right", 实用新型, 外观设计, 发明 …) that wins when present.
func DocType(office, kind, hint string) string {
	h := strings.ToUpper(strings.TrimSpace(hint))
	switch {
	case strings.Contains(h, "实用新型") || strings.Contains(h, "UTILITY"):
		return patent.UtilityModel
	case strings.Contains(h, "外观") || strings.Contains(h, "DESIGN"):
		return patent.Design
	case strings.Contains(h, "PLANT"):
		return patent.Plant
	case strings.Contains(h, "发明") || strings.Contains(h, "INVENTION") || strings.Contains(h, "GRANTED PATENT") ||
		strings.Contains(h, "PATENT APPLICATION"):
		return patent.Invention
	}
	k := strings.ToUpper(kind)
	switch office {
	case "CN":
		switch {
		case k == "U" || k == "Y":
			return patent.UtilityModel
		case k == "S" || k == "D":
			return patent.Design
		}
	case "US":
		switch {
		case k == "S" || k == "S1":
			return patent.Design
		case strings.HasPrefix(k, "P"):
			return patent.Plant
		}
	case "DE", "JP", "KR", "AT", "ES", "IT", "PL", "CZ", "RU", "BR", "TW":
		if k == "U" || k == "U1" || k == "U2" || k == "U3" || k == "Y1" || k == "Y2" || k == "U9" {
			return patent.UtilityModel
		}
	}
	if k == "" {
		return patent.OtherType
	}
	switch k[0] {
	case 'A', 'B', 'C', 'E', 'T', 'W':
		return patent.Invention
	case 'U', 'Y':
		return patent.UtilityModel
	case 'S':
		return patent.Design
	}
	return patent.OtherType
}

// IsGrantKind reports whether a kind code marks a granted document at its office.
func IsGrantKind(office, kind string) bool {
	k := strings.ToUpper(kind)
	if k == "" {
		return false
	}
	switch office {
	case "CN":
		return k[0] == 'B' || k[0] == 'C' || k[0] == 'U' || k[0] == 'Y' || k[0] == 'S'
	case "US":
		return k[0] == 'B' || k[0] == 'E' || k[0] == 'S' || k == "P2" || k == "P3"
	case "JP":
		return k[0] == 'B' || k == "U"
	}
	return k[0] == 'B' || k[0] == 'C' || k[0] == 'U' || k[0] == 'Y'
}
