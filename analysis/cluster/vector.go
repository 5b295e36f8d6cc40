package cluster

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// corpus is the TF-IDF document-term matrix in compressed sparse rows.
//
//	w(t, d) = (1 + ln tf(t, d)) · idf(t),   idf(t) = ln((1 + n) / (1 + df(t))) + 1
//
// and every row is L2-normalised (the weights of scikit-learn's TfidfVectorizer with
// sublinear_tf=True, smooth_idf=True). tf counts title terms TitleWeight times.
type corpus struct {
	n       int
	ptr     []int64   // row i is col/val/cnt[ptr[i]:ptr[i+1]], columns ascending
	col     []int32   // term id
	val     []float32 // TF-IDF weight
	cnt     []uint16  // raw term count (capped), for labels
	terms   []string  // vocabulary, sorted
	display []string  // display form of each term (most frequent surface form)
	lang    []uint8   // document language: langNone, langEn, langZh
}

func (c *corpus) row(i int) ([]int32, []float32) {
	return c.col[c.ptr[i]:c.ptr[i+1]], c.val[c.ptr[i]:c.ptr[i+1]]
}

func (c *corpus) empty(i int) bool { return c.ptr[i] == c.ptr[i+1] }

// subset is the corpus of the given rows of c (row i of it is row rows[i] of c) with c's
// vocabulary, its rows' terms and weights copied next to each other. It has no raw counts or
// languages: the k-means fits read rows only.
func (c *corpus) subset(rows []int32) *corpus {
	nnz := 0
	for _, r := range rows {
		nnz += int(c.ptr[r+1] - c.ptr[r])
	}
	s := &corpus{n: len(rows), ptr: make([]int64, 1, len(rows)+1), col: make([]int32, 0, nnz),
		val: make([]float32, 0, nnz), terms: c.terms, display: c.display}
	for _, r := range rows {
		cols, vals := c.row(int(r))
		s.col = append(s.col, cols...)
		s.val = append(s.val, vals...)
		s.ptr = append(s.ptr, int64(len(s.col)))
	}
	return s
}

func workers(o Options) int {
	if o.Workers > 0 {
		return o.Workers
	}
	return max(1, runtime.GOMAXPROCS(0))
}

// sizeRows is the number of documents whose terms size the term arrays when the number of
// documents is known in advance (Options.SizeHint).
var sizeRows = 16 * chunkSize // a variable for the test

// chunkSize is the number of documents one tokenising task handles. Chunks are merged in input
// order, so the vocabulary does not depend on the number of workers.
const chunkSize = 2048

// chunkTerms is the tokenised form of one chunk of documents.
type chunkTerms struct {
	vocab []string // local vocabulary in first-occurrence order
	ptr   []int32  // doc j's terms are ids/cnts[ptr[j]:ptr[j+1]]
	ids   []int32  // local term ids
	cnts  []uint16
	lang  []uint8
}

func tokenizeChunk(t *tokenizer, docs []Doc, titleWeight int) *chunkTerms {
	ct := &chunkTerms{ptr: make([]int32, 1, len(docs)+1), lang: make([]uint8, len(docs))}
	var counts []int // by local term id; zero again after each document
	var order []int32
	var numbered []int32 // by local term id: the tokenizer's number of the term
	t.forgetTerms()
	for j, d := range docs {
		order = order[:0]
		t.weight = int32(titleWeight) // the tokenizer's surface counts read it too
		emit := func(tid int32, _, _ string, _ int) {
			if int(tid) >= len(t.loc) {
				t.loc = append(t.loc, make([]int32, len(t.terms)-len(t.loc))...)
			}
			id := t.loc[tid] - 1
			if id < 0 {
				id = int32(len(ct.vocab))
				t.loc[tid] = id + 1
				ct.vocab = append(ct.vocab, t.terms[tid])
				numbered = append(numbered, tid)
				counts = append(counts, 0)
			}
			if counts[id] == 0 {
				order = append(order, id)
			}
			counts[id] += int(t.weight)
		}
		h1, l1 := t.tokens(d.Title, emit)
		t.weight = 1
		h2, l2 := t.tokens(d.Abstract, emit)
		h3, l3 := t.tokens(d.Claims, emit)
		han, latin := h1+h2+h3, l1+l2+l3
		switch {
		case han == 0 && latin == 0:
			ct.lang[j] = langNone
		case 3*han >= latin:
			// A Chinese word is about two Han runes, an English word about six letters.
			ct.lang[j] = langZh
		default:
			ct.lang[j] = langEn
		}
		slices.Sort(order)
		for _, id := range order {
			ct.ids = append(ct.ids, id)
			ct.cnts = append(ct.cnts, uint16(min(counts[id], math.MaxUint16)))
			counts[id] = 0
		}
		ct.ptr = append(ct.ptr, int32(len(ct.ids)))
	}
	for _, tid := range numbered { // the tokenizer's loc is empty again for the next chunk
		t.loc[tid] = 0
	}
	return ct
}

// vectorize reads the documents from src, tokenises them in parallel chunks as they arrive,
// prunes the vocabulary (MinDF, MaxDF, MaxTerms) and builds the TF-IDF matrix. It returns the
// documents' metadata without their texts (docMeta; the text is dropped once tokenised, so memory
// holds at most a few chunks of text whatever the corpus size). Document IDs must be unique and
// non-empty. Chunks are merged in input order, so the result does not depend on the number of
// workers or on scheduling.
func vectorize(src Source, o Options) (*corpus, *docMeta, error) {
	type job struct {
		ci   int
		docs []Doc
	}
	type done struct {
		ci int
		ct *chunkTerms
	}
	nw := workers(o)
	jobs := make(chan job, nw)
	results := make(chan done, nw)
	var wg sync.WaitGroup
	segErrs := make([]error, nw)   // a worker's dictionary load error (Han text met, no dictionary)
	toks := make([]*tokenizer, nw) // each worker's, for its surface counts
	for w := 0; w < nw; w++ {
		t := newTokenizer()
		t.tally, t.extra = true, map[[2]string]int32{}
		toks[w] = t
		wg.Go(func() {
			for j := range jobs {
				results <- done{j.ci, tokenizeChunk(t, j.docs, o.TitleWeight)}
			}
			segErrs[w] = t.err
		})
	}
	// The producer reads src into chunks and keeps each document without its long texts (meta,
	// in the order they arrive); positioned documents' 0-based positions are kept in arrival
	// order (arrival), else arrival stays nil. With a size hint the largest slices are made once,
	// at about their final size, instead of growing by copies (each copy holds the old and the new
	// array at once; at 10M families these are gigabytes, while the database behind the source
	// holds its own).
	meta := newDocMeta(o.SizeHint)
	var arrival []int32
	var srcErr, idErr error
	go func() {
		chunk := make([]Doc, 0, chunkSize)
		ci := 0
		count, positioned := 0, false
		srcErr = src(func(d Doc) bool {
			count++
			if count == 1 {
				positioned = d.Pos > 0
				if positioned {
					arrival = make([]int32, 0, o.SizeHint)
				}
			}
			if idErr == nil && d.ID == "" {
				idErr = fmt.Errorf("cluster: document %d has no ID", count)
			}
			if idErr == nil && (d.Pos < 0 || d.Pos > math.MaxInt32) {
				idErr = fmt.Errorf("cluster: document %q: position %d out of range", d.ID, d.Pos)
			}
			if idErr == nil && (d.Pos > 0) != positioned {
				idErr = fmt.Errorf("cluster: document %q: positions (Doc.Pos) given for some documents only", d.ID)
			}
			chunk = append(chunk, d)
			meta.add(d)
			if positioned && idErr == nil {
				arrival = append(arrival, int32(d.Pos-1))
			}
			if meta.n == sizeRows && o.SizeHint > sizeRows {
				// The codes per row so far, for the rows to come, with a tenth to spare.
				meta.growCodes(int(float64(len(meta.codes)) / float64(sizeRows) * float64(o.SizeHint) * 1.1))
			}
			if len(chunk) == chunkSize {
				jobs <- job{ci, chunk}
				ci++
				chunk = make([]Doc, 0, chunkSize)
			}
			return true
		})
		if len(chunk) > 0 {
			jobs <- job{ci, chunk}
		}
		close(jobs)
		wg.Wait()
		close(results)
	}()

	// Merge the chunks in order into a global vocabulary as they complete.
	global := map[string]int32{}
	var vocab []string
	var df []int32
	surface := map[[2]string]int32{}
	ptr := make([]int64, 1, o.SizeHint+1)
	lang := make([]uint8, 0, o.SizeHint)
	var gids []int32
	var gcnt []uint16
	sized := o.SizeHint == 0 // the term arrays are sized from the first sizeRows rows
	pending := map[int]*chunkTerms{}
	next := 0
	for r := range results {
		pending[r.ci] = r.ct
		for ct := pending[next]; ct != nil; ct = pending[next] {
			delete(pending, next)
			next++
			remap := make([]int32, len(ct.vocab))
			for li, term := range ct.vocab {
				g, ok := global[term]
				if !ok {
					g = int32(len(vocab))
					global[term] = g
					vocab = append(vocab, term)
					df = append(df, 0)
				}
				remap[li] = g
			}
			for j := 0; j+1 < len(ct.ptr); j++ {
				for p := ct.ptr[j]; p < ct.ptr[j+1]; p++ {
					g := remap[ct.ids[p]]
					gids = append(gids, g)
					gcnt = append(gcnt, ct.cnts[p])
					df[g]++
				}
				lang = append(lang, ct.lang[j])
				ptr = append(ptr, int64(len(gids)))
			}
			if rows := len(ptr) - 1; !sized && rows >= sizeRows {
				// The terms per row so far, for the rows to come, with a tenth to spare.
				sized = true
				if want := int(float64(len(gids)) / float64(rows) * float64(o.SizeHint) * 1.1); want > cap(gids) {
					gids, gcnt = slices.Grow(gids, want-len(gids)), slices.Grow(gcnt, want-len(gcnt))
				}
			}
		}
	}
	global = nil
	for _, t := range toks { // every worker has finished: the results are closed
		for _, sc := range t.surf {
			if sc.n > 0 {
				surface[[2]string{sc.term, sc.surface}] += sc.n
			}
		}
		for k, v := range t.extra {
			surface[k] += v
		}
	}
	if srcErr != nil {
		return nil, nil, srcErr
	}
	// Positions: rowAt[i] is the arrival index (the row) of the document at position i.
	var rowAt []int32
	if idErr == nil && arrival != nil {
		rowAt, idErr = positions(arrival, &meta.ids)
	}
	meta.finish(rowAt)
	if idErr == nil {
		idErr = meta.duplicateID()
	}
	if idErr != nil {
		return nil, nil, idErr
	}
	if err := errors.Join(segErrs...); err != nil {
		return nil, nil, err
	}
	n := meta.n
	c := &corpus{n: n, ptr: ptr, lang: lang}
	if rowAt != nil {
		c.lang = gather(lang, rowAt)
	}

	// Prune: MinDF ≤ df ≤ MaxDF·n (MinDF is lowered to 1 for corpora under 50 documents), then
	// keep the MaxTerms most frequent (ties by term).
	minDF := o.MinDF
	if n < 50 {
		minDF = 1
	}
	maxDF := int(math.Floor(o.MaxDF * float64(n)))
	if maxDF < minDF {
		maxDF = n
	}
	var keep []int32
	for g := range vocab {
		if int(df[g]) >= minDF && int(df[g]) <= maxDF {
			keep = append(keep, int32(g))
		}
	}
	if len(keep) > o.MaxTerms {
		slices.SortFunc(keep, func(a, b int32) int {
			if df[a] != df[b] {
				return int(df[b] - df[a])
			}
			return strings.Compare(vocab[a], vocab[b])
		})
		keep = keep[:o.MaxTerms]
	}
	slices.SortFunc(keep, func(a, b int32) int { return strings.Compare(vocab[a], vocab[b]) })
	newID := make([]int32, len(vocab))
	for i := range newID {
		newID[i] = -1
	}
	c.terms = make([]string, len(keep))
	idf := make([]float64, len(keep))
	for i, g := range keep {
		newID[g] = int32(i)
		c.terms[i] = vocab[g]
		idf[i] = math.Log(float64(1+n)/float64(1+df[g])) + 1
	}
	c.display = displayForms(c.terms, surface)

	// Build the weighted rows. In arrival order (no positions), in place: row i's kept terms are
	// written over the raw term ids and counts (a row never grows, so writing never overtakes
	// reading), which saves a second copy of the largest arrays; one row after the other, as a
	// row written in place may cover raw terms of the rows before it. With positions, the rows
	// are read in position order into new arrays (the raw ones are dropped after; by then the
	// source, and the database behind it, has finished), in parallel blocks: each row's length is
	// counted first, so that every row has its place before any is written. A row's weights are
	// the same whichever goroutine computes them.
	rawPtr := c.ptr
	kept := 0
	if rowAt == nil {
		for _, g := range gids {
			if newID[g] >= 0 {
				kept++
			}
		}
		c.col, c.cnt = gids[:0], gcnt[:0]
		c.val = make([]float32, 0, kept)
		var row []termCount
		lo := rawPtr[0]
		for i := 0; i < n; i++ {
			hi := rawPtr[i+1]
			row = keptTerms(row[:0], gids[lo:hi], gcnt[lo:hi], newID)
			lo = hi
			start := len(c.val)
			end := start + len(row)
			c.col, c.val, c.cnt = c.col[:end], c.val[:end], c.cnt[:end]
			weigh(row, idf, c.col[start:end], c.val[start:end], c.cnt[start:end])
			c.ptr[i+1] = int64(end)
		}
	} else {
		c.ptr = make([]int64, n+1)
		parallelBlocks(n, nw, func(lo, hi int) {
			for i := lo; i < hi; i++ {
				m := 0
				for _, g := range gids[rawPtr[rowAt[i]]:rawPtr[rowAt[i]+1]] {
					if newID[g] >= 0 {
						m++
					}
				}
				c.ptr[i+1] = int64(m)
			}
		})
		for i := 0; i < n; i++ {
			c.ptr[i+1] += c.ptr[i]
		}
		kept = int(c.ptr[n])
		c.col, c.cnt, c.val = make([]int32, kept), make([]uint16, kept), make([]float32, kept)
		parallelBlocks(n, nw, func(lo, hi int) {
			var row []termCount
			for i := lo; i < hi; i++ {
				a, b := rawPtr[rowAt[i]], rawPtr[rowAt[i]+1]
				row = keptTerms(row[:0], gids[a:b], gcnt[a:b], newID)
				s, e := c.ptr[i], c.ptr[i+1]
				weigh(row, idf, c.col[s:e], c.val[s:e], c.cnt[s:e])
			}
		})
	}
	if rowAt == nil && kept < len(gids)*3/4 {
		// Much was pruned: release the raw arrays' excess.
		c.col, c.cnt = slices.Clone(c.col), slices.Clone(c.cnt)
	}
	if len(c.terms) == 0 || c.ptr[n] == 0 {
		return nil, nil, ErrNoDocs
	}
	return c, meta, nil
}

// termCount is a term of a document's row with its (title-weighted) count.
type termCount struct {
	id  int32
	cnt uint16
}

// keptTerms appends to row the raw terms ids/cnts that the pruned vocabulary keeps (newID ≥ 0),
// under their new ids, sorted by id.
func keptTerms(row []termCount, ids []int32, cnts []uint16, newID []int32) []termCount {
	for p, g := range ids {
		if id := newID[g]; id >= 0 {
			row = append(row, termCount{id, cnts[p]})
		}
	}
	slices.SortFunc(row, func(a, b termCount) int { return int(a.id - b.id) })
	return row
}

// weigh writes a row's terms, TF-IDF weights ((1 + ln tf)·idf, scaled to unit length) and
// counts into col, val and cnt (each of the row's length).
func weigh(row []termCount, idf []float64, col []int32, val []float32, cnt []uint16) {
	norm := 0.0
	for p, e := range row {
		w := (1 + math.Log(float64(e.cnt))) * idf[e.id]
		norm += w * w
		col[p], val[p], cnt[p] = e.id, float32(w), e.cnt
	}
	if norm > 0 {
		inv := 1 / math.Sqrt(norm)
		for p := range val {
			val[p] = float32(float64(val[p]) * inv)
		}
	}
}

// positions checks that the documents' positions (arrival: the 0-based position of each
// document in the order they arrived, none negative: the producer refuses those) are 0 … n−1,
// each once, and returns the arrival index of the document at each position. ids are the
// documents' IDs in arrival order, for the errors (positions seals the column to read it).
func positions(arrival []int32, ids *strColumn) ([]int32, error) {
	n := 0
	for _, p := range arrival {
		n = max(n, int(p)+1)
	}
	if n > len(arrival) {
		// Fewer documents than positions: one of the first len(arrival)+1 is missing (found
		// without a table of n, which one stray large position would make huge).
		seen := make([]bool, len(arrival)+1)
		for _, p := range arrival {
			if int(p) < len(seen) {
				seen[p] = true
			}
		}
		return nil, fmt.Errorf("cluster: no document at position %d of %d", slices.Index(seen, false)+1, n)
	}
	rowAt := make([]int32, n)
	for i := range rowAt {
		rowAt[i] = -1
	}
	ids.seal()
	for a, p := range arrival {
		if rowAt[p] >= 0 {
			return nil, fmt.Errorf("cluster: documents %q and %q at the same position %d", ids.get(int(rowAt[p])), ids.get(a), p+1)
		}
		rowAt[p] = int32(a)
	}
	for i, a := range rowAt {
		if a < 0 {
			return nil, fmt.Errorf("cluster: no document at position %d of %d", i+1, n)
		}
	}
	return rowAt, nil
}

// displayForms picks, for every term, its most frequent surface form (ties: the shorter, then
// the alphabetically first); a term never seen in another form displays as itself.
func displayForms(terms []string, surface map[[2]string]int32) []string {
	type cand struct {
		s string
		n int32
	}
	best := map[string]cand{}
	for k, v := range surface {
		b, ok := best[k[0]]
		if !ok || v > b.n || (v == b.n && (len(k[1]) < len(b.s) || (len(k[1]) == len(b.s) && k[1] < b.s))) {
			best[k[0]] = cand{k[1], v}
		}
	}
	out := make([]string, len(terms))
	for i, t := range terms {
		out[i] = t
		if b, ok := best[t]; ok {
			out[i] = b.s
		}
	}
	return out
}
