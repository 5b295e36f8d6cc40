package cluster

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/go-ego/gse"
	"github.com/kljensen/snowball/english"
)

// The Chinese segmenter: gse with its embedded dictionary, loaded once (about 2 s). Cut only
// reads the dictionary, so one segmenter serves every goroutine.
var (
	segOnce sync.Once
	seg     gse.Segmenter
	segErr  error
)

func segmenter() (*gse.Segmenter, error) {
	segOnce.Do(func() { segErr = seg.LoadDictEmbed() })
	return &seg, segErr
}

// Language codes of a document or term.
const (
	langNone = 0
	langEn   = 1
	langZh   = 2
)

// tokenizer turns text into index terms: Chinese runs (Han script) are segmented into words by
// gse (HMM on for unknown words); other runs are split at every rune that is not a letter or a
// digit, lower-cased and stemmed with the Snowball English (Porter2) stemmer. Stop words (common
// function words and patent boilerplate, in both languages, see stopwords.go) are dropped, as are
// tokens without a letter, Latin tokens shorter than two runes and Han tokens in the Chinese stop
// list.
//
// A tokenizer memoises the outcome of every Latin word it has seen (lower-casing, the stop
// lists and the stemmer are pure functions of the word), since stemming is most of the cost of
// tokenising English text and a corpus repeats a small vocabulary; the memo holds at most
// maxMemo words. A tokenizer is not safe for concurrent use: each goroutine makes its own.
//
// The Chinese dictionary is loaded when the tokenizer first meets a Han run (once per process,
// about 3 CPU-seconds), so an all-Latin corpus never pays for it; a load error stops Chinese
// segmentation and is kept in err for the caller to check after tokenising.
type tokenizer struct {
	chinese bool // segment Han runs (loading the dictionary on the first one)
	seg     *gse.Segmenter
	err     error
	memo    map[string]latinTerm
	front   *[frontSize]latinTerm // a direct-mapped cache of the memo's entries (frontSlot)
	// Every index term the tokenizer has emitted gets a number (its tid), in the order first
	// emitted: tids finds it by term, terms by number. emit is given the number, so that a
	// chunk's own term ids (tokenizeChunk) are found in loc by number instead of by hashing the
	// term once more: a memoised Latin word carries its term's number.
	tids  map[string]int32
	terms []string
	loc   []int32 // by tid: the current chunk's id of the term plus one, 0 when not in the chunk
	// With tally on, the tokenizer counts the surface forms of the English terms it emits,
	// weight each: in surf for a memoised word (by the index the memo keeps, so no hashing
	// beyond the memo's), in extra for the others. The clustering's display forms come from
	// these counts (displayForms).
	tally  bool
	weight int32
	surf   []surfaceCount
	extra  map[[2]string]int32
}

// latinTerm is the memoised outcome of one Latin word: the word (the memo's key, for the front
// cache), its index term ("" when dropped), its lower-case surface form, its entry in the
// tokenizer's surf (-1: none) and its term's number (tid; -1 when dropped).
type latinTerm struct {
	word, term, surface string
	sid, tid            int32
}

// surfaceCount is the count of one (index term, surface form) pair.
type surfaceCount struct {
	term, surface string
	n             int32
}

// maxMemo bounds a tokenizer's memo (about 100 bytes an entry).
const maxMemo = 1 << 18

// frontSize is the number of the front cache's slots: 4096 entries of 56 bytes, which stay in
// a core's cache while the memo's (up to maxMemo, about 25 MB) do not. A corpus' most frequent
// words (the, of, a, and, layer …) are most of its words, and each finds its outcome in its slot
// without hashing the word or probing the memo's table.
const frontSize = 1 << 12

// frontSlot is the front cache's slot of a word (non-empty): a hash of its length and three of
// its bytes, cheap enough to be worth less than the map lookup it spares; words that share a
// slot take it in turn (the slot holds the last memo entry looked up through it).
func frontSlot(w string) int {
	n := len(w)
	h := uint32(n)*0x9e3779b1 ^ uint32(w[0])*0x85ebca6b ^ uint32(w[n-1])*0xc2b2ae35 ^ uint32(w[n/2])*0x27d4eb2f
	return int(h>>20) & (frontSize - 1)
}

// maxTerms bounds the terms a tokenizer numbers (each an entry of tids, terms and loc and its
// copy of the term): past it, tokenizeChunk forgets them, and the memo that holds their numbers,
// before its next chunk.
var maxTerms = 1 << 20 // a variable for the test

func newTokenizer() *tokenizer {
	return &tokenizer{chinese: true, memo: map[string]latinTerm{}, front: new([frontSize]latinTerm), tids: map[string]int32{}}
}

// forgetTerms drops the numbered terms and the memo (whose words carry their numbers), when
// they have reached maxTerms, between chunks (and between Tokenizer.Tokens' texts): a chunk's
// own ids and vocabulary do not depend on the numbers, so the result is the same. The surface
// counts stay (surf keeps its entries; the memo's new words take new ones, and vectorize adds
// them up by term and form).
func (t *tokenizer) forgetTerms() {
	if len(t.terms) < maxTerms {
		return
	}
	clear(t.tids)
	clear(t.memo)
	clear(t.front[:])
	t.terms, t.loc = t.terms[:0], t.loc[:0]
}

// tid is the number of an index term, given one when first seen (the term copied: the text it
// comes from is not kept).
func (t *tokenizer) tid(term string) int32 {
	id, ok := t.tids[term]
	if !ok {
		id = int32(len(t.terms))
		term = strings.Clone(term)
		t.tids[term] = id
		t.terms = append(t.terms, term)
	}
	return id
}

// tokens calls emit for every index term of text with its number (tid), its surface (display)
// form and the term's language, and returns the number of Han runes and Latin letters seen (to
// decide the document's language). It never panics: invalid UTF-8 bytes act as separators.
func (t *tokenizer) tokens(text string, emit func(tid int32, term, surface string, lang int)) (han, latin int) {
	start, kind := 0, 0 // kind of the current run: 0 none, 1 latin/digit, 2 han
	sep := false        // the current Latin run has a hyphen or an apostrophe
	flush := func(end int) {
		if kind == 0 || end <= start {
			return
		}
		run := text[start:end]
		if kind == 2 {
			t.han(run, emit)
		} else {
			t.latin(run, sep, emit)
		}
	}
	for i := 0; i < len(text); {
		k := 0
		if b := text[i]; b < utf8.RuneSelf {
			// ASCII (most of an English corpus): the same classes as below without decoding.
			switch {
			case 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z':
				k = 1
				latin++
			case '0' <= b && b <= '9':
				k = 1
			case (b == '-' || b == '\'') && kind == 1:
				k = 1
				sep = true
			}
			if k != kind {
				flush(i)
				start, kind, sep = i, k, false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			k = 0
		case unicode.Is(unicode.Han, r):
			k = 2
			han++
		case unicode.IsLetter(r):
			k = 1
			latin++
		case unicode.IsDigit(r):
			k = 1
		case r == '-' || r == '\'' || r == '’':
			// Inside a Latin run a hyphen or apostrophe separates words (handled by latin).
			if kind == 1 {
				k = 1
				sep = true
			}
		}
		if k != kind {
			flush(i)
			start, kind, sep = i, k, false
		}
		i += size
	}
	flush(len(text))
	return han, latin
}

// han segments a run of Han characters into words.
func (t *tokenizer) han(run string, emit func(tid int32, term, surface string, lang int)) {
	if !t.chinese || t.err != nil { // a Tokenizer made without Chinese, or no dictionary
		return
	}
	if t.seg == nil {
		if t.seg, t.err = segmenter(); t.err != nil {
			t.seg = nil
			return
		}
	}
	for _, w := range t.seg.Cut(run, true) {
		w = strings.TrimSpace(w)
		if w == "" || zhStop[w] || !allHan(w) {
			continue
		}
		emit(t.tid(w), w, w, langZh)
	}
}

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// latin splits a run of letters, digits, hyphens and apostrophes into stemmed words; a run
// without a hyphen or an apostrophe (sep false, as tokens found it) is one word, taken as it is
// instead of through the split (a seventh of the tokenizer's time on the generated lakes'
// texts).
func (t *tokenizer) latin(run string, sep bool, emit func(tid int32, term, surface string, lang int)) {
	if !sep {
		t.word(run, emit)
		return
	}
	for w := range strings.FieldsFuncSeq(run, func(r rune) bool { return r == '-' || r == '\'' || r == '’' }) {
		t.word(w, emit)
	}
}

// word emits the index term of one Latin word, memoised (the front cache, then the memo).
func (t *tokenizer) word(w string, emit func(tid int32, term, surface string, lang int)) {
	if w == "" {
		return
	}
	f := &t.front[frontSlot(w)]
	lt, ok := *f, f.word == w
	if !ok {
		if lt, ok = t.memo[w]; ok {
			*f = lt
		}
	}
	if !ok {
		lt = latinWord(w)
		lt.sid, lt.tid = -1, -1
		if lt.term != "" {
			lt.tid = t.tid(lt.term)
			lt.term = t.terms[lt.tid]
		}
		if len(t.memo) < maxMemo {
			// Clones: the memo outlives the text, which the words would otherwise pin.
			lt = latinTerm{word: strings.Clone(w), term: lt.term, surface: strings.Clone(lt.surface), sid: -1, tid: lt.tid}
			if t.tally && lt.term != "" {
				lt.sid = int32(len(t.surf))
				t.surf = append(t.surf, surfaceCount{term: lt.term, surface: lt.surface})
			}
			t.memo[lt.word], *f = lt, lt
		}
	}
	if lt.term == "" {
		return
	}
	if t.tally {
		if lt.sid >= 0 {
			t.surf[lt.sid].n += t.weight
		} else {
			key := [2]string{lt.term, lt.surface}
			if _, ok := t.extra[key]; !ok {
				key = [2]string{strings.Clone(lt.term), strings.Clone(lt.surface)}
			}
			t.extra[key] += t.weight
		}
	}
	emit(lt.tid, lt.term, lt.surface, langEn)
}

// latinWord is the index term of one Latin word (lower-cased, stop words and words without a
// letter dropped, ASCII words stemmed); term is "" when the word is dropped.
func latinWord(w string) latinTerm {
	w = strings.ToLower(w)
	if utf8.RuneCountInString(w) < 2 || enStop[w] {
		return latinTerm{}
	}
	letter := false
	for _, r := range w {
		if unicode.IsLetter(r) {
			letter = true
			break
		}
	}
	if !letter {
		return latinTerm{}
	}
	stem := w
	if isASCIILetters(w) {
		stem = english.Stem(w, false)
	}
	if stem == "" || stemStop[stem] {
		return latinTerm{}
	}
	return latinTerm{term: stem, surface: w}
}

func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// termLang is the language of an index term: Chinese when it starts with a Han rune.
func termLang(term string) int {
	r, _ := utf8.DecodeRuneInString(term)
	if unicode.Is(unicode.Han, r) {
		return langZh
	}
	return langEn
}

// Tokenizer is the clustering's tokenizer for other packages (seed scoping): Chinese runs
// segmented by gse, other runs split, lower-cased and Snowball-stemmed, stop words dropped —
// the same index terms as the text clustering. Like the clustering's, it memoises Latin words
// and is not safe for concurrent use: each goroutine makes its own.
type Tokenizer struct{ t *tokenizer }

// NewTokenizer returns a Tokenizer. With chinese, it loads the Chinese dictionary (once per
// process, about 3 CPU-seconds) — now, so that an error is returned here; without, Han runs
// yield no terms (for texts known to have none).
func NewTokenizer(chinese bool) (*Tokenizer, error) {
	if !chinese {
		t := newTokenizer()
		t.chinese = false
		return &Tokenizer{t: t}, nil
	}
	s, err := segmenter()
	if err != nil {
		return nil, err
	}
	t := newTokenizer()
	t.seg = s
	return &Tokenizer{t: t}, nil
}

// Tokens calls emit for every index term of text with its surface (display) form; zh reports
// a Chinese (Han) term, else an English stem. It never panics.
func (t *Tokenizer) Tokens(text string, emit func(term, surface string, zh bool)) {
	t.t.forgetTerms() // it keeps no chunk ids: forgetting between texts is safe
	t.t.tokens(text, func(_ int32, term, surface string, lang int) { emit(term, surface, lang == langZh) })
}
