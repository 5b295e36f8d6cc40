package seedscope

import (
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/patnav/patnav/analysis/cluster"
)

// tokens is the lake's documents as term ids: text terms (the clustering's tokenizer: gse
// words for Chinese, Snowball stems for English, stop words dropped) and classification terms
// (each distinct subclass and main group of the family's codes).
type tokens struct {
	vocab []string // text terms, in first-occurrence order over the documents
	zh    []bool   // vocab[t] is a Chinese term
	text  [][]int32
	tf    [][]uint16
	codes []string  // subclasses and main groups, in first-occurrence order
	doc   [][]int32 // doc i's code term ids, ascending
	lower []string  // lower-cased text (keyword matching)
}

// codeKeys returns the subclass (H04W) and main group (H04W84) of a canonical code
// (H04W84/20); either is "" when the code is too short to have it.
func codeKeys(code string) (sub, group string) {
	if len(code) >= 4 {
		sub = code[:4]
	}
	if i := strings.IndexByte(code, '/'); i > 4 {
		group = code[:i]
	} else if i < 0 && len(code) > 4 {
		group = code
	}
	return sub, group
}

// tokenize turns every document into term ids, tokenising in parallel (workers) and interning
// the terms in document order, so ids do not depend on the number of workers.
func tokenize(docs []Doc, workers int) (*tokens, error) {
	if workers <= 0 {
		workers = max(1, runtime.GOMAXPROCS(0))
	}
	chinese := anyHan(docs)
	tzs := make([]*cluster.Tokenizer, workers) // one per goroutine: a tokenizer memoises words
	for w := range tzs {
		tz, err := cluster.NewTokenizer(chinese)
		if err != nil {
			return nil, err
		}
		tzs[w] = tz
	}
	n := len(docs)
	type docTerms struct {
		terms []string
		cnt   []uint16
		zh    []bool
	}
	per := make([]docTerms, n)
	lower := make([]string, n)
	var wg sync.WaitGroup
	next := make(chan int)
	const chunk = 512
	for w := 0; w < workers; w++ {
		tz := tzs[w]
		wg.Go(func() {
			idx := map[string]int{}
			for lo := range next {
				for i := lo; i < min(n, lo+chunk); i++ {
					clear(idx)
					var dt docTerms
					tz.Tokens(docs[i].Text, func(term, _ string, zh bool) {
						if k, ok := idx[term]; ok {
							if dt.cnt[k] < math.MaxUint16 {
								dt.cnt[k]++
							}
							return
						}
						idx[term] = len(dt.terms)
						dt.terms = append(dt.terms, term)
						dt.cnt = append(dt.cnt, 1)
						dt.zh = append(dt.zh, zh)
					})
					per[i] = dt
					lower[i] = strings.ToLower(docs[i].Text)
				}
			}
		})
	}
	for lo := 0; lo < n; lo += chunk {
		next <- lo
	}
	close(next)
	wg.Wait()

	tk := &tokens{text: make([][]int32, n), tf: make([][]uint16, n), doc: make([][]int32, n), lower: lower}
	ids := map[string]int32{}
	codeIDs := map[string]int32{}
	for i := range per {
		dt := per[i]
		row := make([]int32, len(dt.terms))
		for k, term := range dt.terms {
			id, ok := ids[term]
			if !ok {
				id = int32(len(tk.vocab))
				ids[term] = id
				tk.vocab = append(tk.vocab, strings.Clone(term))
				tk.zh = append(tk.zh, dt.zh[k])
			}
			row[k] = id
		}
		tk.text[i], tk.tf[i] = row, dt.cnt
		per[i] = docTerms{}
		var cs []int32
		for _, c := range docs[i].Codes {
			sub, group := codeKeys(c)
			for _, key := range []string{sub, group} {
				if key == "" {
					continue
				}
				id, ok := codeIDs[key]
				if !ok {
					id = int32(len(tk.codes))
					codeIDs[key] = id
					tk.codes = append(tk.codes, key)
				}
				cs = append(cs, id)
			}
		}
		slices.Sort(cs)
		tk.doc[i] = slices.Compact(cs)
	}
	return tk, nil
}

// space is a feature space fitted on a training set: the text terms and classification terms
// that occur in at least minDF training documents. A document's vector is
//
//	text part:  w(t) = (1 + ln tf(t)) · idf(t),  idf(t) = ln((1 + n) / (1 + df(t))) + 1,
//	            L2-normalised (scikit-learn's TfidfVectorizer with sublinear_tf, smooth_idf);
//	code part:  1 for each subclass and main group of the family, L2-normalised,
//
// concatenated, so text and classification weigh alike (each part has norm 1 when present).
type space struct {
	textCol []int32 // text term → feature column, −1 when not kept
	idf     []float64
	codeCol []int32 // code term → feature column, −1 when not kept
	dim     int
}

const minDF = 2

func newSpace(tk *tokens, train []int) *space {
	df := make([]int32, len(tk.vocab))
	cdf := make([]int32, len(tk.codes))
	for _, i := range train {
		for _, t := range tk.text[i] {
			df[t]++
		}
		for _, c := range tk.doc[i] {
			cdf[c]++
		}
	}
	sp := &space{textCol: make([]int32, len(tk.vocab)), codeCol: make([]int32, len(tk.codes))}
	n := float64(len(train))
	for t, d := range df {
		sp.textCol[t] = -1
		if d >= minDF {
			sp.textCol[t] = int32(sp.dim)
			sp.idf = append(sp.idf, math.Log((1+n)/(1+float64(d)))+1)
			sp.dim++
		}
	}
	for c, d := range cdf {
		sp.codeCol[c] = -1
		if d >= minDF {
			sp.codeCol[c] = int32(sp.dim)
			sp.dim++
		}
	}
	return sp
}

// vec returns document i's feature vector.
func (sp *space) vec(tk *tokens, i int) sparse {
	var v sparse
	norm := 0.0
	for k, t := range tk.text[i] {
		col := sp.textCol[t]
		if col < 0 {
			continue
		}
		w := (1 + math.Log(float64(tk.tf[i][k]))) * sp.idf[col]
		v.idx = append(v.idx, col)
		v.val = append(v.val, w)
		norm += w * w
	}
	if norm > 0 {
		norm = math.Sqrt(norm)
		for k := range v.val {
			v.val[k] /= norm
		}
	}
	nText := len(v.idx)
	for _, c := range tk.doc[i] {
		if col := sp.codeCol[c]; col >= 0 {
			v.idx = append(v.idx, col)
			v.val = append(v.val, 1)
		}
	}
	if nc := len(v.idx) - nText; nc > 0 {
		w := 1 / math.Sqrt(float64(nc))
		for k := nText; k < len(v.idx); k++ {
			v.val[k] = w
		}
	}
	return v
}

// anyHan reports whether a document's text has a Han rune: only then is the Chinese dictionary
// loaded (about 3 CPU-seconds).
func anyHan(docs []Doc) bool {
	for _, d := range docs {
		for _, r := range d.Text {
			if r >= 0x2E80 && unicode.Is(unicode.Han, r) {
				return true
			}
		}
	}
	return false
}
