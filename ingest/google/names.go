package google

import (
	"strings"
	"unicode"
)

// SplitNames splits a Google Patents name cell, whose names are joined by ", ", appending the
// trimmed names to dst. A piece that cannot be a name of its own stays with the name before it:
//
//   - a legal-form or generational suffix: "SZ DJI Technology Co., Ltd.", "Lemon, Inc.",
//     "Daiichi Sankyo Company, Limited", "Carl Joseph Braun, Iii", also in Cyrillic, Korean,
//     Japanese and Arabic transcription ("일루미나, 인코포레이티드", "Иллюмина, Инк.");
//   - such a suffix followed by a qualifier: "Z Advanced Computing, Inc. (Zac)", "Nb Ventures, Inc. Dba Gep";
//   - a postal code: "MTU Aero Engines GmbH, 80995".
//
// Each name is a substring of s, exactly as written. What stays ambiguous is split: persons
// written "Surname, Given" and organisations with a place after a comma ("University Of Maryland,
// College Park") become two names.
func SplitNames(s string, dst []string) []string {
	start := -1 // start of the current name in s
	end := 0    // end of the current name in s
	pos := 0
	for pos <= len(s) {
		i := strings.Index(s[pos:], ", ")
		var piece string
		next := len(s) + 1
		if i < 0 {
			piece = s[pos:]
		} else {
			piece = s[pos : pos+i]
			next = pos + i + 2
		}
		t := strings.TrimSpace(piece)
		if t != "" {
			if start >= 0 && attaches(t) {
				end = pos + strings.Index(piece, t) + len(t)
			} else {
				if start >= 0 {
					dst = append(dst, s[start:end])
				}
				start = pos + strings.Index(piece, t)
				end = start + len(t)
			}
		}
		pos = next
	}
	if start >= 0 {
		dst = append(dst, s[start:end])
	}
	return dst
}

// suffixes are the legal-form and generational words that end a name, folded by suffixKey.
var suffixes = map[string]bool{}

func init() {
	for _, w := range []string{
		// English and European legal forms.
		"inc", "incorporated", "lnc", "llc", "llp", "lllp", "lc", "ltd", "limited", "ltda", "lp", "corp",
		"corporation", "co", "coltd", "company", "na", "sa", "sas", "sarl", "sl", "srl", "sro", "spa",
		"sca", "gmbh", "ag", "kg", "cokg", "gmbhcokg", "kgaa", "se", "nv", "bv", "ab", "as", "asa",
		"oy", "oyj", "aps", "pbc", "pc", "plc", "pllc", "pty", "ptyltd", "kk", "sbc", "lda", "bhd",
		"sdnbhd", "pvt", "pvtltd", "privatelimited", "gk", "ulc",
		// Generational suffixes and titles after a name.
		"jr", "sr", "ii", "iii", "iv", "dr", "the",
		// Transcriptions seen in Google's native-script names.
		"инк", "інк", "лтд", "элэлси", "ллк", "корп", "корпорейшн", "гмбх", "аг",
		"인코포레이티드", "인코퍼레이티드", "인크", "엘엘씨", "엘피", "엘티디", "리미티드", "코포레이션", "게엠베하", "아게",
		"インク", "インコーポレイテッド", "エルエルシー", "リミテッド", "コーポレーション", "コーポレイション",
		"انك",
	} {
		suffixes[w] = true
	}
}

// suffixKey folds a piece for suffix lookup: lower case without dots, spaces and commas
// ("L. P." → "lp", "Co.,Ltd." → "coltd").
func suffixKey(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '.', ' ', ',', '\u3000', '．', '，':
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// attaches reports whether piece belongs to the name before it.
func attaches(piece string) bool {
	if len(piece) > 40 {
		return false
	}
	if suffixes[suffixKey(piece)] {
		return true
	}
	digits := true
	for i := 0; i < len(piece); i++ {
		if piece[i] < '0' || piece[i] > '9' {
			digits = false
			break
		}
	}
	if digits {
		return true // a postal code
	}
	// A suffix followed by a qualifier: "Inc. (Zac)", "Inc. Dba Gep", "Ltd. d/b/a …".
	if i := strings.IndexByte(piece, ' '); i > 0 && suffixes[suffixKey(piece[:i])] {
		rest := strings.ToLower(strings.TrimSpace(piece[i:]))
		if strings.HasPrefix(rest, "(") || strings.HasPrefix(rest, "dba ") || strings.HasPrefix(rest, "d/b/a") {
			return true
		}
	}
	return false
}
