package cluster

import (
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

func workers(o Options) int {
	if o.Workers > 0 {
		return o.Workers
	}
	return max(1, runtime.GOMAXPROCS(0))
}

// chunkSize is the number of documents one tokenising task handles. Chunks are merged in input
// order, so the vocabulary does not depend on the number of workers.
const chunkSize = 2048

// chunkTerms is the tokenised form of one chunk of documents.
type chunkTerms struct {
	vocab   []string // local vocabulary in first-occurrence order
	ptr     []int32  // doc j's terms are ids/cnts[ptr[j]:ptr[j+1]]
	ids     []int32  // local term ids
	cnts    []uint16
	lang    []uint8
	surface map[[2]string]int32 // (stem, surface) → count of English terms
}

func tokenizeChunk(t *tokenizer, docs []Doc, titleWeight int) *chunkTerms {
	ct := &chunkTerms{ptr: make([]int32, 1, len(docs)+1), lang: make([]uint8, len(docs)), surface: map[[2]string]int32{}}
	local := map[string]int32{}
	counts := map[int32]int{}
	var order []int32
	for j, d := range docs {
		clear(counts)
		order = order[:0]
		weight := titleWeight
		emit := func(term, surface string, lang int) {
			id, ok := local[term]
			if !ok {
				id = int32(len(ct.vocab))
				term = strings.Clone(term)
				local[term] = id
				ct.vocab = append(ct.vocab, term)
			}
			if _, ok := counts[id]; !ok {
				order = append(order, id)
			}
			counts[id] += weight
			if lang == langEn {
				ct.surface[[2]string{term, surface}] += int32(weight)
			}
		}
		h1, l1 := t.tokens(d.Title, emit)
		weight = 1
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
		}
		ct.ptr = append(ct.ptr, int32(len(ct.ids)))
	}
	return ct
}

// vectorize tokenises the documents in parallel chunks, prunes the vocabulary (MinDF, MaxDF,
// MaxTerms) and builds the TF-IDF matrix.
func vectorize(docs []Doc, o Options) (*corpus, error) {
	if _, err := newTokenizer(); err != nil {
		return nil, err
	}
	n := len(docs)
	nChunks := (n + chunkSize - 1) / chunkSize
	chunks := make([]*chunkTerms, nChunks)
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers(o); w++ {
		wg.Go(func() {
			t, _ := newTokenizer() // the segmenter's error was checked above
			for ci := range next {
				lo, hi := ci*chunkSize, min(n, (ci+1)*chunkSize)
				chunks[ci] = tokenizeChunk(t, docs[lo:hi], o.TitleWeight)
			}
		})
	}
	for ci := range nChunks {
		next <- ci
	}
	close(next)
	wg.Wait()

	// Merge the chunks in order into a global vocabulary.
	global := map[string]int32{}
	var vocab []string
	var df []int32
	surface := map[[2]string]int32{}
	c := &corpus{n: n, ptr: make([]int64, n+1), lang: make([]uint8, n)}
	var gids []int32
	var gcnt []uint16
	di := 0
	for _, ct := range chunks {
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
		for k, v := range ct.surface {
			surface[k] += v
		}
		for j := 0; j+1 < len(ct.ptr); j++ {
			for p := ct.ptr[j]; p < ct.ptr[j+1]; p++ {
				g := remap[ct.ids[p]]
				gids = append(gids, g)
				gcnt = append(gcnt, ct.cnts[p])
				df[g]++
			}
			c.lang[di] = ct.lang[j]
			di++
			c.ptr[di] = int64(len(gids))
		}
	}
	chunks = nil
	global = nil

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

	// Build the weighted rows.
	c.col = make([]int32, 0, len(gids)/2)
	c.val = make([]float32, 0, len(gids)/2)
	c.cnt = make([]uint16, 0, len(gids)/2)
	type tw struct {
		id  int32
		cnt uint16
	}
	var row []tw
	oldPtr := c.ptr
	c.ptr = make([]int64, n+1)
	for i := 0; i < n; i++ {
		row = row[:0]
		for p := oldPtr[i]; p < oldPtr[i+1]; p++ {
			if id := newID[gids[p]]; id >= 0 {
				row = append(row, tw{id, gcnt[p]})
			}
		}
		slices.SortFunc(row, func(a, b tw) int { return int(a.id - b.id) })
		norm := 0.0
		start := len(c.val)
		for _, e := range row {
			w := (1 + math.Log(float64(e.cnt))) * idf[e.id]
			norm += w * w
			c.col = append(c.col, e.id)
			c.val = append(c.val, float32(w))
			c.cnt = append(c.cnt, e.cnt)
		}
		if norm > 0 {
			inv := 1 / math.Sqrt(norm)
			for p := start; p < len(c.val); p++ {
				c.val[p] = float32(float64(c.val[p]) * inv)
			}
		}
		c.ptr[i+1] = int64(len(c.val))
	}
	if len(c.terms) == 0 || c.ptr[n] == 0 {
		return nil, ErrNoDocs
	}
	return c, nil
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
