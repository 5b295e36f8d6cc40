package cluster

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// Label sizes.
const (
	labelTerms   = 10 // terms kept per language
	labelShown   = 3  // terms joined into Cluster.Label
	topCodes     = 5
	topApplicant = 5
)

// romanNumerals are the part and claim numbers (I–XX) of patent texts, lower-cased.
var romanNumerals = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"vii": true, "viii": true, "ix": true, "x": true, "xi": true, "xii": true, "xiii": true, "xiv": true,
	"xv": true, "xvi": true, "xvii": true, "xviii": true, "xix": true, "xx": true}

// labelWord reports whether a Latin term may describe a cluster: not a measurement or number
// ("5mm", "15g", "252kv", "w1") and not a Roman numeral ("ii", "iv"), which Chinese abstracts
// are full of and which say nothing about a theme. The terms still count in the clustering.
func labelWord(term string) bool {
	if romanNumerals[term] {
		return false
	}
	return !strings.ContainsAny(term, "0123456789")
}

// describeClusters builds each cluster's language, distinctive terms, codes and applicants.
//
// Distinctive terms are ranked by class-based TF-IDF (c-TF-IDF, Grootendorst 2022):
//
//	W(t, c) = tf(t, c) / Σ_t' tf(t', c) · ln(1 + A / f(t))
//
// with tf(t, c) the raw count of term t in the documents of cluster c, f(t) = Σ_c tf(t, c) and A
// the mean number of term occurrences per cluster. Chinese terms must be words of at least two
// Han runes (never single characters); English terms are shown in their most frequent surface
// form and never a number, measurement or Roman numeral (labelWord). A cluster's language is the majority language of its documents.
func describeClusters(docs *docMeta, c *corpus, tc textClusters, nw int) []Cluster {
	k, V := tc.k, len(c.terms)
	tf := make([]float64, k*V)
	tot := make([]float64, k)
	langVotes := make([][3]int, k)
	byCluster(c.n, nw, func(i int) int { return tc.assign[i] }, func(i, j int) {
		langVotes[j][c.lang[i]]++
		for p := c.ptr[i]; p < c.ptr[i+1]; p++ {
			tf[j*V+int(c.col[p])] += float64(c.cnt[p])
			tot[j] += float64(c.cnt[p])
		}
	})
	f := make([]float64, V)
	A := 0.0
	for j := 0; j < k; j++ {
		for t := 0; t < V; t++ {
			f[t] += tf[j*V+t]
		}
		A += tot[j]
	}
	A /= float64(k)
	zhTerm := make([]bool, V)
	for t, term := range c.terms {
		zhTerm[t] = termLang(term) == langZh
	}

	out := make([]Cluster, k)
	for j := 0; j < k; j++ {
		cl := Cluster{ID: j, Size: tc.size[j], Lang: "en"}
		if langVotes[j][langZh] > langVotes[j][langEn] {
			cl.Lang = "zh"
		}
		type tw struct {
			t int
			w float64
		}
		var zh, en []tw
		for t := 0; t < V; t++ {
			x := tf[j*V+t]
			if x == 0 || tot[j] == 0 {
				continue
			}
			w := x / tot[j] * math.Log(1+A/f[t])
			if zhTerm[t] {
				if utf8.RuneCountInString(c.terms[t]) >= 2 {
					zh = append(zh, tw{t, w})
				}
			} else if labelWord(c.terms[t]) {
				en = append(en, tw{t, w})
			}
		}
		rank := func(l []tw) []Term {
			slices.SortFunc(l, func(a, b tw) int {
				if a.w != b.w {
					return cmp.Compare(b.w, a.w)
				}
				return strings.Compare(c.terms[a.t], c.terms[b.t])
			})
			var terms []Term
			seen := map[string]bool{}
			for _, e := range l {
				d := c.display[e.t]
				if seen[d] {
					continue
				}
				seen[d] = true
				terms = append(terms, Term{Term: d, Weight: e.w})
				if len(terms) == labelTerms {
					break
				}
			}
			return terms
		}
		cl.TermsZh, cl.TermsEn = rank(zh), rank(en)
		sep := ", "
		cl.Terms = cl.TermsEn
		if cl.Lang == "zh" {
			cl.Terms, sep = cl.TermsZh, "、"
		}
		if len(cl.Terms) == 0 { // no word in the majority language: fall back to the other
			cl.Terms = cl.TermsZh
			if len(cl.Terms) == 0 {
				cl.Terms = cl.TermsEn
			}
		}
		var shown []string
		for _, t := range cl.Terms[:min(labelShown, len(cl.Terms))] {
			shown = append(shown, t.Term)
		}
		cl.Label = strings.Join(shown, sep)
		out[j] = cl
	}

	// Codes and applicants.
	codeN := make([]map[int32]int, k)
	appN := make([]map[int32]int, k)
	for j := range codeN {
		codeN[j], appN[j] = map[int32]int{}, map[int32]int{}
	}
	for i := 0; i < docs.n; i++ {
		j := tc.assign[i]
		if j < 0 {
			continue
		}
		for _, code := range docs.codesOf(i) {
			codeN[j][code]++
		}
		if a := docs.appOf(i); a >= 0 {
			appN[j][a]++
		}
	}
	for j := range out {
		for _, nc := range topCounts(codeN[j], docs.codeNames, topCodes) {
			out[j].Codes = append(out[j].Codes, CodeShare{Code: nc.Name, Share: float64(nc.N) / float64(max(1, out[j].Size))})
		}
		out[j].Applicants = topCounts(appN[j], docs.appNames, topApplicant)
		out[j].NApplicants = len(appN[j])
	}
	return out
}

// topCounts returns the n largest counts (ties by name) of m, counts by id into names (sorted,
// so ids order as names do).
func topCounts(m map[int32]int, names []string, n int) []NameCount {
	type idN struct {
		id int32
		n  int
	}
	all := make([]idN, 0, len(m))
	for id, c := range m {
		all = append(all, idN{id, c})
	}
	slices.SortFunc(all, func(a, b idN) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]NameCount, 0, min(n, len(all)))
	for _, e := range all[:min(n, len(all))] {
		out = append(out, NameCount{names[e.id], e.n})
	}
	return out
}
