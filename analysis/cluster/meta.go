package cluster

import (
	"fmt"
	"math"
	"slices"
	"strings"
)

// docMeta is what the clustering keeps of its documents once their texts are tokenised: each
// document's ID, title, priority year, distinct main groups, main subclass and first applicant.
// It is held in columns without a pointer per document (strings packed into large blocks, codes,
// subclasses and applicants as numbers into sorted dictionaries), because on a large corpus it is
// most of what the Go heap holds while the documents are read: as []Doc it took, by estimate,
// about 430 bytes a document (4 GB at 10M families) and gave the garbage collector tens of
// millions of objects to scan; here it took 126 MB for 961,056 documents, about 130 bytes a
// document (heap profile of the 1M-family landscape).
//
// Rows are added in the order the documents arrive; finish puts them in position order (the
// corpus order, see Doc.Pos), by which everything outside vectorize reads.
type docMeta struct {
	n              int
	ids, titles    strColumn
	year           []int32
	codePtr        []int64 // row r's codes are codes[codePtr[r]:codePtr[r+1]], ascending
	codes          []int32 // ids into codeNames
	sub, app       []int32 // ids into subNames and appNames; −1: none
	codeNames      []string
	subNames       []string
	appNames       []string
	codeIdx        map[string]int32 // while rows are added (finish drops them)
	subIdx, appIdx map[string]int32
	scratch        []int32
}

// newDocMeta makes an empty table for about n documents (0: unknown).
func newDocMeta(n int) *docMeta {
	m := &docMeta{
		year: make([]int32, 0, n), codePtr: make([]int64, 1, n+1), sub: make([]int32, 0, n), app: make([]int32, 0, n),
		codeIdx: map[string]int32{}, subIdx: map[string]int32{}, appIdx: map[string]int32{},
	}
	m.ids.refs, m.titles.refs = make([]strRef, 0, n), make([]strRef, 0, n)
	return m
}

// add appends d as the next row. Codes and names are trimmed; empty ones count as none, a
// document's codes are kept once each (the former uniqueCodes).
func (m *docMeta) add(d Doc) {
	m.ids.add(d.ID)
	m.titles.add(d.Title)
	y := d.Year
	if y < math.MinInt32 || y > math.MaxInt32 {
		y = 0
	}
	m.year = append(m.year, int32(y))
	m.scratch = m.scratch[:0]
	for _, c := range d.Codes {
		if c = strings.TrimSpace(c); c != "" {
			m.scratch = append(m.scratch, intern(m.codeIdx, &m.codeNames, c))
		}
	}
	slices.Sort(m.scratch)
	m.codes = append(m.codes, slices.Compact(m.scratch)...)
	m.codePtr = append(m.codePtr, int64(len(m.codes)))
	m.sub = append(m.sub, internOrNone(m.subIdx, &m.subNames, d.Subclass))
	m.app = append(m.app, internOrNone(m.appIdx, &m.appNames, d.Applicant))
	m.n++
}

// growCodes makes room for about want codes in all (the code array is sized once from the first
// rows, see vectorize).
func (m *docMeta) growCodes(want int) {
	if want > cap(m.codes) {
		m.codes = slices.Grow(m.codes, want-len(m.codes))
	}
}

func intern(idx map[string]int32, names *[]string, s string) int32 {
	id, ok := idx[s]
	if !ok {
		s = strings.Clone(s) // not the row's string, which may hold much more
		id = int32(len(*names))
		idx[s] = id
		*names = append(*names, s)
	}
	return id
}

func internOrNone(idx map[string]int32, names *[]string, s string) int32 {
	if s = strings.TrimSpace(s); s == "" {
		return -1
	}
	return intern(idx, names, s)
}

// finish ends the adding: the string blocks are sealed, every dictionary is renumbered in name
// order, so that ids compare as their names do and a row's codes ascend as their names, and the
// rows are put in position order (at[i] is the row of the document at position i; nil: rows are
// positions already).
func (m *docMeta) finish(at []int32) {
	m.ids.seal()
	m.titles.seal()
	m.codeIdx, m.subIdx, m.appIdx, m.scratch = nil, nil, nil, nil
	renumber := func(names []string, col []int32) {
		order := make([]int32, len(names))
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return strings.Compare(names[a], names[b]) })
		newID := make([]int32, len(names))
		sorted := make([]string, len(names))
		for to, from := range order {
			newID[from] = int32(to)
			sorted[to] = names[from]
		}
		copy(names, sorted)
		for i, v := range col {
			if v >= 0 {
				col[i] = newID[v]
			}
		}
	}
	renumber(m.codeNames, m.codes)
	for r := 0; r < m.n; r++ {
		slices.Sort(m.codes[m.codePtr[r]:m.codePtr[r+1]])
	}
	renumber(m.subNames, m.sub)
	renumber(m.appNames, m.app)
	if at != nil {
		m.byPosition(at)
	}
}

// byPosition puts every column in position order (at[i] is the row of the document at
// position i), so that the passes over every document by position (the class network's two,
// the labels', the dynamics' two, the agreement with subclasses, the layout's jitter and its
// points) read them in order. The documents arrive in the lake's order, not the families', and
// read through at each value was a cache miss on a large corpus (10M families: the class
// network 5.6 CPU-s, the labels' pass 5.6, the jitter's reads of the IDs 4.4). The strings'
// bytes stay where they arrived; their references move.
func (m *docMeta) byPosition(at []int32) {
	m.year, m.sub, m.app = gather(m.year, at), gather(m.sub, at), gather(m.app, at)
	ptr, codes := make([]int64, m.n+1), make([]int32, len(m.codes))
	for i, r := range at {
		ptr[i+1] = ptr[i] + int64(copy(codes[ptr[i]:], m.codes[m.codePtr[r]:m.codePtr[r+1]]))
	}
	m.codePtr, m.codes = ptr, codes
	m.ids.refs, m.titles.refs = gather(m.ids.refs, at), gather(m.titles.refs, at)
}

// gather is col in position order: element i is col[at[i]].
func gather[T any](col []T, at []int32) []T {
	out := make([]T, len(at))
	for i, r := range at {
		out[i] = col[r]
	}
	return out
}

func (m *docMeta) id(i int) string    { return m.ids.get(i) }
func (m *docMeta) title(i int) string { return m.titles.get(i) }
func (m *docMeta) yearOf(i int) int   { return int(m.year[i]) }

// codesOf are the distinct codes of the document at position i, ascending (ids into codeNames).
func (m *docMeta) codesOf(i int) []int32 {
	return m.codes[m.codePtr[i]:m.codePtr[i+1]]
}

// subOf and appOf are the ids of its subclass and first applicant (−1: none).
func (m *docMeta) subOf(i int) int32 { return m.sub[i] }
func (m *docMeta) appOf(i int) int32 { return m.app[i] }

// duplicateID returns an error naming a document ID that occurs twice, else nil. Documents that
// come in ascending ID order (the lake's cluster_docs) are checked in one pass without memory;
// others on a sorted index (4 bytes a document).
func (m *docMeta) duplicateID() error {
	sorted := true
	for i := 1; i < m.n && sorted; i++ {
		sorted = m.id(i-1) < m.id(i)
	}
	if sorted {
		return nil
	}
	idx := make([]int32, m.n)
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortFunc(idx, func(a, b int32) int { return strings.Compare(m.id(int(a)), m.id(int(b))) })
	for i := 1; i < len(idx); i++ {
		if m.id(int(idx[i-1])) == m.id(int(idx[i])) {
			return fmt.Errorf("cluster: duplicate document ID %q", m.id(int(idx[i])))
		}
	}
	return nil
}

// strColumn holds strings packed into blocks of up to blockSize bytes: one string (a block) for
// many values instead of one allocation each. A value is a substring of its block, so handing it
// out copies nothing.
type strColumn struct {
	blocks []string // sealed blocks
	cur    []byte   // the block being filled
	refs   []strRef
}

type strRef struct{ block, off, n uint32 }

const blockSize = 4 << 20

func (c *strColumn) add(s string) {
	if len(c.cur)+len(s) > cap(c.cur) {
		// Blocks start small (a corpus of a few documents) and double up to blockSize.
		size := min(blockSize, max(64<<10, 2*cap(c.cur)))
		c.seal()
		c.cur = make([]byte, 0, max(size, len(s)))
	}
	c.refs = append(c.refs, strRef{uint32(len(c.blocks)), uint32(len(c.cur)), uint32(len(s))})
	c.cur = append(c.cur, s...)
}

// seal ends the block being filled (its values can be read from then on).
func (c *strColumn) seal() {
	if c.cur != nil {
		c.blocks = append(c.blocks, string(c.cur))
		c.cur = nil
	}
}

func (c *strColumn) get(r int) string {
	f := c.refs[r]
	if f.n == 0 {
		return ""
	}
	return c.blocks[f.block][f.off : f.off+f.n]
}
