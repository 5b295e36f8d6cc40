package norm

import (
	"errors"
	"strconv"
	"strings"

	"github.com/patnav/patnav/internal/patent"
)

// ErrClass is returned for a classification code that cannot be canonicalised.
var ErrClass = errors.New("cannot parse classification code")

// ParseClass canonicalises an IPC or CPC code to subclass + main group + "/" + subgroup, e.g.
//
//	H04W 84/20, H04W84/20, H04W  84/    20  A I (DOCDB fixed width) → H04W84/20
//	E21D20/02（2006.01）I, G06F17/30(2006.01) → E21D20/02, G06F17/30
//	H04W0084200000 (14-character DOCDB key)           → H04W84/20
//	B60R2011/0043 (CPC 2000 series)                    → B60R2011/0043
//	H04W (subclass only)                               → H04W, with an empty main group
//
// It fills Code, Subclass and MainGroup of the returned Classification; the caller sets Scheme
// and IsMain.
func ParseClass(s string) (patent.Classification, error) {
	t := strings.ToUpper(FoldWidth(strings.TrimSpace(s)))
	// Drop a version/edition suffix: "(2006.01)", "（2006.01）I", trailing " A I".
	if i := strings.IndexByte(t, '('); i >= 0 {
		t = t[:i]
	}
	t = strings.TrimSpace(t)
	if len(t) < 4 {
		return patent.Classification{}, ErrClass
	}
	sub := t[:4]
	if !(isLetter(sub[0]) && isDigit(sub[1]) && isDigit(sub[2]) && isLetter(sub[3])) || sub[0] > 'H' && sub[0] != 'Y' {
		return patent.Classification{}, ErrClass
	}
	rest := strings.TrimSpace(t[4:])
	if rest == "" {
		return patent.Classification{Code: sub, Subclass: sub}, nil
	}
	var grp, subg string
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		grp = strings.TrimSpace(rest[:i])
		after := strings.TrimSpace(rest[i+1:])
		// subgroup digits, then maybe trailing "A I", "I", "A" markers.
		j := 0
		for j < len(after) && isDigit(after[j]) {
			j++
		}
		subg = after[:j]
		grp = strings.TrimLeft(strings.TrimRight(grp, "-"), "-0 ")
	} else if len(rest) == 10 && isDigits(rest) { // H04W0084200000 style
		grp = strings.TrimLeft(rest[:4], "0")
		subg = strings.TrimRight(rest[4:], "0")
		if len(subg) < 2 {
			subg += strings.Repeat("0", 2-len(subg))
		}
	} else {
		return patent.Classification{}, ErrClass
	}
	if grp == "" || !isDigits(grp) || subg == "" || len(grp) > 4 || len(subg) > 6 {
		return patent.Classification{}, ErrClass
	}
	g, _ := strconv.Atoi(grp)
	main := sub + strconv.Itoa(g)
	return patent.Classification{Code: main + "/" + subg, Subclass: sub, MainGroup: main}, nil
}
