package applicant

import "bytes"

// latinForms are the trailing legal-form tokens removed by Normalize (already cleaned: upper
// case, dots of one-letter abbreviations joined).
var latinForms = map[string]bool{
	"INC": true, "INCORPORATED": true, "CORP": true, "CORPORATION": true, "CO": true,
	"COMPANY": true, "CIE": true, "LTD": true, "LIMITED": true, "LTDA": true, "LLC": true,
	"LLP": true, "LP": true, "PLC": true, "PTY": true, "PTE": true, "PVT": true, "GMBH": true,
	"MBH": true, "AG": true, "KG": true, "KGAA": true, "SE": true, "SA": true, "SAS": true,
	"SARL": true, "SNC": true, "SCA": true, "SPA": true, "SRL": true, "BV": true, "NV": true,
	"AB": true, "AS": true, "ASA": true, "APS": true, "OY": true, "OYJ": true, "KK": true,
	"PUBL": true, "BHD": true, "SDN": true, "&": true,
}

// kaishaPrefixes are the words that form a two-token Japanese legal form with KAISHA.
var kaishaPrefixes = map[string]bool{"KABUSHIKI": true, "YUGEN": true, "GODO": true, "GOMEI": true, "GOSHI": true}

// cjkSuffixes are the trailing Chinese/Japanese legal forms, longest first so that the longest
// form is removed in one step.
var cjkSuffixes = [][]byte{
	[]byte("股份有限公司"), []byte("有限责任公司"), []byte("有限公司"), []byte("股份公司"),
	[]byte("总公司"), []byte("有限合伙"), []byte("普通合伙"), []byte("株式会社"), []byte("有限会社"),
	[]byte("合同会社"), []byte("公司"),
}

var (
	branchSuffix = []byte("分公司")
	kkPrefix     = []byte("KABUSHIKI KAISHA ")
	kabushiki    = []byte("株式会社")
	thePrefix    = []byte("THE ")
)

// stripForms removes legal forms from a cleaned name (see Normalize) and returns the sub-slice
// that remains; it may be empty.
func stripForms(b []byte) []byte {
	for {
		n := len(b)
		b = stripLatinSuffix(b)
		b = stripCJKSuffix(b)
		switch {
		case bytes.HasPrefix(b, kkPrefix):
			b = b[len(kkPrefix):]
		case bytes.HasPrefix(b, kabushiki):
			b = trimSpace(b[len(kabushiki):])
		case bytes.HasPrefix(b, thePrefix):
			b = b[len(thePrefix):]
		}
		if len(b) == n || len(b) == 0 {
			return b
		}
	}
}

// stripLatinSuffix removes one trailing legal-form token (or KABUSHIKI KAISHA pair).
func stripLatinSuffix(b []byte) []byte {
	i := bytes.LastIndexByte(b, ' ')
	last := b[i+1:]
	if latinForms[string(last)] {
		return trimSpace(b[:i+1])
	}
	if string(last) == "KAISHA" && i > 0 {
		j := bytes.LastIndexByte(b[:i], ' ')
		if kaishaPrefixes[string(b[j+1:i])] {
			return trimSpace(b[:j+1])
		}
	}
	return b
}

// stripCJKSuffix removes one trailing Chinese/Japanese legal form. 公司 after 分 (a branch) is
// kept.
func stripCJKSuffix(b []byte) []byte {
	if len(b) < 6 || b[len(b)-1] < 0x80 {
		return b
	}
	if bytes.HasSuffix(b, branchSuffix) {
		return b
	}
	for _, s := range cjkSuffixes {
		if bytes.HasSuffix(b, s) {
			return trimSpace(b[:len(b)-len(s)])
		}
	}
	return b
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	return b
}
