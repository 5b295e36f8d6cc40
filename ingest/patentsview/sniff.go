package patentsview

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"

	"github.com/patnav/patnav/ingest/format"
)

// Sniff returns the confidence that path is a PatentsView input. For a directory (head empty) it
// looks at the tables inside: 0.95 with a patent table (g_patent.tsv[.zip], legacy patent.tsv),
// 0.85 with other patent-keyed tables, 0.6 with entity tables only. For a file it reads the header
// line in head: 0.95 for a known table name whose header fits, 0.85 for a header with patent_id
// that names a known kind of table, 0.8/0.5 for entity tables known by name/by header only.
func Sniff(path string, head []byte) float64 {
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return sniffDir(path)
	}
	return sniffFile(path, head)
}

func sniffDir(dir string) float64 {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	best := 0.0
	checked := 0
	for _, e := range ents {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		var head []byte
		if !strings.HasSuffix(strings.ToLower(p), ".zip") {
			if _, known := tableNames[baseName(e.Name())]; !known && checked >= 50 {
				continue
			}
			checked++
			head, _ = format.ReadHead(p, 64<<10)
		}
		k, byName := sniffKind(p, head)
		var c float64
		switch {
		case k == kPatent:
			c = 0.95
		case k.keyed():
			c = 0.85
		case k.lookup() && byName:
			c = 0.6
		case k.lookup():
			c = 0.4
		}
		best = max(best, c)
	}
	return best
}

func sniffFile(path string, head []byte) float64 {
	k, byName := sniffKind(path, head)
	switch {
	case k == kUnknown:
		return 0
	case k.keyed() && byName:
		return 0.95
	case k.keyed():
		return 0.85
	case byName:
		return 0.8
	}
	return 0.5
}

// sniffKind classifies a table from its name and the header line in head; byName tells whether the
// file name was recognised. A zip is judged by name alone.
func sniffKind(path string, head []byte) (kind, bool) {
	name := filepath.Base(path)
	t, known := tableNames[baseName(name)]
	known = known && t.k != kUnknown
	if strings.HasSuffix(strings.ToLower(name), ".zip") || bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		if known && strings.HasPrefix(strings.ToLower(name), "g_") {
			return t.k, true
		}
		return kUnknown, false
	}
	header := headerLine(head)
	if header == nil {
		return kUnknown, false
	}
	k, _ := classify(name, header)
	return k, known && k == t.k
}

// headerLine parses the first line of head as a TSV or CSV header.
func headerLine(head []byte) []string {
	head = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	i := bytes.IndexByte(head, '\n')
	if i < 0 {
		if len(head) >= 64<<10 {
			return nil
		}
		i = len(head)
	}
	line := bytes.TrimRight(head[:i], "\r")
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	r := csv.NewReader(bytes.NewReader(line))
	r.Comma = delimiter(line)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	h, err := r.Read()
	if err != nil {
		return nil
	}
	return h
}
