package format

import (
	"bytes"
	"encoding/csv"
	"strings"
	"unicode"

	"github.com/patnav/patnav/internal/norm"
)

// FoldHeader is the key a header cell is matched on, so that a column keeps its name however a
// tool re-saved the export: the BOM is dropped, full-width forms become half-width, letters
// become lower case, and every rune that is neither a letter nor a digit (spaces, underscores,
// hyphens, dots, slashes, brackets of either width, "#", "?" …) is removed.
//
//	"Publication Number", "publication_number", "PUBLICATION-NUMBER", "Publication.Number" → "publicationnumber"
//	"Owners (US)", "owners_us", "Owners.(US)"                                        → "ownersus"
//	"公开（公告）号", "公开(公告)号 "                                                        → "公开公告号"
//
// A cell with no letter or digit at all ("#") keeps its NormHeader form instead, so it still
// names a column.
func FoldHeader(h string) string {
	h = strings.TrimPrefix(h, "\uFEFF")
	ascii := true
	for i := 0; i < len(h); i++ {
		if h[i] >= 0x80 {
			ascii = false
			break
		}
	}
	var b strings.Builder
	b.Grow(len(h))
	if ascii {
		for i := 0; i < len(h); i++ {
			c := h[i]
			switch {
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
				b.WriteByte(c)
			}
		}
	} else {
		for _, r := range norm.FoldWidth(h) {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				b.WriteRune(unicode.ToLower(r))
			}
		}
	}
	if b.Len() == 0 {
		return NormHeader(h)
	}
	return b.String()
}

// FoldHeaders folds every cell of a header row (see FoldHeader).
func FoldHeaders(header []string) []string {
	out := make([]string, len(header))
	for i, h := range header {
		out[i] = FoldHeader(h)
	}
	return out
}

// FindColumn returns the index of the first column of a folded header (FoldHeaders) that
// matches one of names (folded in turn), trying the names in order, or -1.
func FindColumn(folded []string, names ...string) int {
	for _, n := range names {
		k := FoldHeader(n)
		for i, h := range folded {
			if h == k {
				return i
			}
		}
	}
	return -1
}

// HeadCells splits the first non-blank line of a text sample into cells (a sniffer's view of a
// CSV or TSV header): the UTF-8 BOM is dropped and quotes are honoured, but a header cell
// spanning lines is not followed. comma is the delimiter.
func HeadCells(head []byte, comma rune) []string {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	for len(head) > 0 {
		line := head
		if i := bytes.IndexAny(line, "\r\n"); i >= 0 {
			line, head = line[:i], head[i+1:]
		} else {
			head = nil
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		r := csv.NewReader(bytes.NewReader(line))
		r.Comma, r.LazyQuotes, r.FieldsPerRecord = comma, true, -1
		cells, err := r.Read()
		if err != nil {
			return nil
		}
		return cells
	}
	return nil
}

// HeadKeys returns the folded keys (FoldHeader) of HeadCells(head, comma) as a set.
func HeadKeys(head []byte, comma rune) map[string]bool {
	cells := HeadCells(head, comma)
	m := make(map[string]bool, len(cells))
	for _, c := range cells {
		if k := FoldHeader(c); k != "" {
			m[k] = true
		}
	}
	return m
}
