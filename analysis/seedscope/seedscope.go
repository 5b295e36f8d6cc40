// Package seedscope proposes an industry's scope (search strategy) from a seed set of
// known-relevant patent families, after Abood & Feltenberger, "Automated patent landscaping"
// (Artificial Intelligence and Law, 2018): expand the seeds by their classification codes
// (codes much more frequent among the seeds than in the lake), by keywords chosen the same
// way, by citations in both directions and by family membership; train a classifier on the
// seeds against a random background sample of the rest of the lake; keep the expanded
// families the classifier accepts. The classifier is an L2-regularised logistic regression
// (gonum/optimize L-BFGS) on TF-IDF of title and abstract (Chinese segmented, English stemmed,
// by analysis/cluster's tokenizer) plus the families' IPC/CPC subclasses and main groups, and
// is evaluated by stratified k-fold cross-validation: precision, recall and F1 on held-out
// folds with 95 % confidence intervals (Wilson for precision and recall, a percentile
// bootstrap for F1).
//
// The package is computation only: documents come in (analysis.Session.SeedDocs), a Result of
// codes and numbers goes out. It never prints.
package seedscope

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/patnav/patnav/analysis/cluster"
)

// Doc is one patent family of the lake.
type Doc struct {
	ID         string   // family id
	Pubs       []string // canonical publication numbers
	DocNumbers []string // the same without kind code
	Rep        string   // representative publication (earliest published)
	RepTitle   string   // its title
	Text       string   // the distinct titles and abstracts of its publications
	Codes      []string // distinct canonical IPC/CPC codes
}

// Link is a citation between two families of the lake.
type Link struct{ Citing, Cited string }

// ErrNotEnoughSeeds is returned when fewer seed families than MinSeeds are found in the lake.
var ErrNotEnoughSeeds = errors.New("not enough seed families in the lake")

// MinSeeds is the fewest seed families a scope is proposed from: with 5 folds each held-out
// fold then has at least 4 seeds.
const MinSeeds = 20

// Options tune a run; zero values take the defaults in brackets.
type Options struct {
	Seed            uint64  // random seed of the background sample, folds and bootstrap [1]
	Folds           int     // cross-validation folds [5]
	BackgroundRatio float64 // background families per seed family [2]
	MinBackground   int     // at least this many background families when the lake has them [500]
	Threshold       float64 // classifier probability at or above which a family is relevant [0.5]
	MinCoverage     float64 // a proposed code or keyword covers at least this share of the seeds [0.05]
	MinLift         float64 // … and its seed share is at least this multiple of its lake share [2]
	MaxCodes        int     // proposed codes at most [20]
	MaxKeywords     int     // proposed keywords per language at most [12]
	Examples        int     // example families per list in the comparison with the config [10]
	Bootstrap       int     // bootstrap resamples for F1 [1000]
	Workers         int     // tokenising goroutines [GOMAXPROCS]
	// ConfigScope, when not nil, are the family ids of the configured scope, compared with the
	// seeds and the classifier.
	ConfigScope []string
	// Holdout are known-relevant publications kept out of the seeds: the proposed scope, the
	// pruned expansion and the classifier are measured against them (every other non-seed
	// family counts as not relevant, which is exact only in a labelled test lake).
	Holdout []Seed
}

func (o Options) withDefaults() Options {
	if o.Seed == 0 {
		o.Seed = 1
	}
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	deff := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.Folds, 5)
	def(&o.MinBackground, 500)
	def(&o.MaxCodes, 20)
	def(&o.MaxKeywords, 12)
	def(&o.Examples, 10)
	def(&o.Bootstrap, 1000)
	deff(&o.BackgroundRatio, 2)
	deff(&o.Threshold, 0.5)
	deff(&o.MinCoverage, 0.05)
	deff(&o.MinLift, 2)
	return o
}

// CodeStat is a classification code's frequency among the seeds and in the lake.
type CodeStat struct {
	Code      string  `json:"code"`
	Level     string  `json:"level"` // "subclass" or "group"
	Seeds     int     `json:"seeds"` // seed families with the code
	Lake      int     `json:"lake"`  // lake families with the code (seeds included)
	Coverage  float64 `json:"coverage"`
	LakeShare float64 `json:"lake_share"`
	Lift      float64 `json:"lift"` // Coverage / LakeShare
	Selected  bool    `json:"selected"`
}

// KeywordStat is a keyword's frequency among the seeds and in the lake, matched as the
// navigation config matches keywords (lower-case substring of title or abstract).
type KeywordStat struct {
	Keyword   string  `json:"keyword"`
	Lang      string  `json:"lang"` // "zh" or "en"
	Seeds     int     `json:"seeds"`
	Lake      int     `json:"lake"`
	Coverage  float64 `json:"coverage"`
	LakeShare float64 `json:"lake_share"`
	Lift      float64 `json:"lift"`
	Weight    float64 `json:"weight"` // the classifier's coefficient of the term (its stem or word)
	Selected  bool    `json:"selected"`
}

// Proposal is the proposed scope block: the navigation config's industry.scope codes and
// keywords.
type Proposal struct {
	Codes      []string `json:"codes"`
	KeywordsZh []string `json:"keywords_zh"`
	KeywordsEn []string `json:"keywords_en"`
}

// Evaluation is the classifier's stratified k-fold cross-validation on seeds (positive) and
// background (negative): the pooled confusion counts of the held-out folds. Precision is at
// the training sample's class ratio (background families per seed), not the lake's.
type Evaluation struct {
	Folds      int      `json:"folds"`
	Seeds      int      `json:"seeds"`
	Background int      `json:"background"`
	Threshold  float64  `json:"threshold"`
	TP         int      `json:"tp"`
	FP         int      `json:"fp"`
	FN         int      `json:"fn"`
	TN         int      `json:"tn"`
	Precision  Interval `json:"precision"`
	Recall     Interval `json:"recall"`
	F1         Interval `json:"f1"`
	Features   int      `json:"features"` // features of the final model
}

// Expansion counts the expanded set: families reached from the seeds (not seeds themselves)
// by each route (a family can be reached by several), before and after pruning.
type Expansion struct {
	ByCode          int `json:"by_code"`
	ByKeyword       int `json:"by_keyword"`
	ByCitation      int `json:"by_citation"`
	SeedNumbers     int `json:"seed_numbers"`      // seed publication numbers found
	FamilyMembers   int `json:"family_members"`    // further publications of the seed families
	Before          int `json:"before"`            // expanded families before pruning
	After           int `json:"after"`             // … the classifier accepts
	SeedsInProposal int `json:"seeds_in_proposal"` // seed families the proposed scope matches
}

// Family is a scored family.
type Family struct {
	ID       string   `json:"id"`
	Rep      string   `json:"rep"`
	Title    string   `json:"title"`
	Score    float64  `json:"score"` // classifier probability (out-of-fold for training families)
	Seed     bool     `json:"seed,omitempty"`
	Via      []string `json:"via,omitempty"` // expansion routes: code, keyword, citation
	Kept     bool     `json:"kept"`          // seed, or expanded and accepted
	InConfig bool     `json:"in_config,omitempty"`
}

// Measure is a selection measured against known labels: precision TP/(TP+FP) and recall
// TP/(TP+FN) with Wilson intervals.
type Measure struct {
	Selected  int      `json:"selected"`
	TP        int      `json:"tp"`
	FP        int      `json:"fp"`
	FN        int      `json:"fn"`
	Precision Interval `json:"precision"`
	Recall    Interval `json:"recall"`
}

func measure(tp, fp, fn int) Measure {
	return Measure{Selected: tp + fp, TP: tp, FP: fp, FN: fn, Precision: Wilson(tp, tp+fp), Recall: Wilson(tp, tp+fn)}
}

// Holdout measures the proposed scope, the pruned expansion and the classifier over the whole
// lake against held-out positives (seed families excluded from every count).
type Holdout struct {
	Numbers    int     `json:"numbers"`   // held-out publication numbers read
	Unmatched  int     `json:"unmatched"` // … not found in the lake
	Positives  int     `json:"positives"` // held-out families (not seeds)
	Scope      Measure `json:"scope"`
	Pruned     Measure `json:"pruned"`
	Classifier Measure `json:"classifier"`
}

// ConfigComparison compares the configured scope with the seeds and the classifier.
type ConfigComparison struct {
	Families int `json:"families"` // families in the configured scope
	// SeedRecall: seed families inside the configured scope.
	SeedRecall Interval `json:"seed_recall"`
	// Accepted: configured-scope families the classifier accepts — an estimate of the scope's
	// precision (seeds count as accepted).
	Accepted Interval `json:"accepted"`
	// Missed: families the classifier accepts (seeds included) outside the configured scope;
	// Rejected: families in the configured scope the classifier rejects.
	Missed           int      `json:"missed"`
	Rejected         int      `json:"rejected"`
	MissedExamples   []Family `json:"missed_examples"`
	RejectedExamples []Family `json:"rejected_examples"`
}

// Result is a seed-scoping run.
type Result struct {
	LakeFamilies int               `json:"lake_families"`
	SeedNumbers  int               `json:"seed_numbers"` // publication numbers read
	Unmatched    []string          `json:"unmatched"`    // seed numbers not in the lake (canonical)
	SeedFamilies int               `json:"seed_families"`
	Background   int               `json:"background"`
	Codes        []CodeStat        `json:"codes"`    // candidate codes (in ≥ 2 seed families), by coverage
	Keywords     []KeywordStat     `json:"keywords"` // candidate keywords, by language then coverage
	Proposal     Proposal          `json:"proposal"`
	Expansion    Expansion         `json:"expansion"`
	Evaluation   Evaluation        `json:"evaluation"`
	Families     []Family          `json:"families"` // seeds and expanded families, by score
	Holdout      *Holdout          `json:"holdout,omitempty"`
	Config       *ConfigComparison `json:"config,omitempty"`
	Options      Options           `json:"-"`
}

// Run proposes a scope from seeds over the lake's docs and citation links.
func Run(docs []Doc, links []Link, seeds []Seed, opt Options) (*Result, error) {
	o := opt.withDefaults()
	n := len(docs)
	seedIdx, unmatched := Resolve(docs, seeds)
	r := &Result{LakeFamilies: n, SeedNumbers: len(seeds), SeedFamilies: len(seedIdx), Options: o}
	for _, s := range unmatched {
		r.Unmatched = append(r.Unmatched, s.Number)
	}
	if len(seedIdx) < MinSeeds {
		return r, fmt.Errorf("%w: %d of %d numbers found in %d families, need at least %d families", ErrNotEnoughSeeds, len(seeds)-len(unmatched), len(seeds), len(seedIdx), MinSeeds)
	}
	isSeed := make([]bool, n)
	for _, i := range seedIdx {
		isSeed[i] = true
	}
	tk, err := tokenize(docs, o.Workers)
	if err != nil {
		return nil, err
	}

	// Background sample: from every non-seed family.
	var rest []int
	for i := range docs {
		if !isSeed[i] {
			rest = append(rest, i)
		}
	}
	m := max(o.MinBackground, int(math.Round(o.BackgroundRatio*float64(len(seedIdx)))))
	bg := sample(rest, m, o.Seed, 1)
	if len(bg) < 2*o.Folds {
		return r, fmt.Errorf("%w: the lake has %d families besides the %d seeds; a background of at least %d is needed", ErrNotEnoughSeeds, len(rest), len(seedIdx), 2*o.Folds)
	}
	r.Background = len(bg)

	// Classifier: k-fold evaluation, then the final model on every training family.
	score, ev, final, sp, err := classify(tk, seedIdx, bg, o)
	if err != nil {
		return nil, err
	}
	r.Evaluation = ev

	// Proposed codes and keywords.
	r.Codes = codeStats(tk, isSeed, len(seedIdx), o)
	r.Keywords = keywordStats(tk, docs, seedIdx, isSeed, final, sp, o)
	for _, c := range r.Codes {
		if c.Selected {
			r.Proposal.Codes = append(r.Proposal.Codes, c.Code)
		}
	}
	for _, k := range r.Keywords {
		if k.Selected {
			if k.Lang == "zh" {
				r.Proposal.KeywordsZh = append(r.Proposal.KeywordsZh, k.Keyword)
			} else {
				r.Proposal.KeywordsEn = append(r.Proposal.KeywordsEn, k.Keyword)
			}
		}
	}

	// Expansion: the proposal's code and keyword matches, citation neighbours, family members.
	byCode, byKw := matchProposal(docs, tk, r.Proposal)
	byID := make(map[string]int, n)
	for i, d := range docs {
		byID[d.ID] = i
	}
	byCite := make([]bool, n)
	for _, l := range links {
		a, okA := byID[l.Citing]
		b, okB := byID[l.Cited]
		if !okA || !okB {
			continue
		}
		if isSeed[a] {
			byCite[b] = true
		}
		if isSeed[b] {
			byCite[a] = true
		}
	}
	ex := &r.Expansion
	ex.SeedNumbers = len(seeds) - len(unmatched)
	pubs := 0
	for _, i := range seedIdx {
		pubs += len(docs[i].Pubs)
		if byCode[i] || byKw[i] {
			ex.SeedsInProposal++
		}
	}
	ex.FamilyMembers = max(0, pubs-ex.SeedNumbers)
	expanded := make([]bool, n)
	kept := make([]bool, n)
	for i := range docs {
		if isSeed[i] {
			kept[i] = true
			continue
		}
		if byCode[i] {
			ex.ByCode++
		}
		if byKw[i] {
			ex.ByKeyword++
		}
		if byCite[i] {
			ex.ByCitation++
		}
		if byCode[i] || byKw[i] || byCite[i] {
			expanded[i] = true
			ex.Before++
			if score[i] >= o.Threshold {
				kept[i] = true
				ex.After++
			}
		}
	}
	inConfig := make([]bool, n)
	if o.ConfigScope != nil {
		for _, id := range o.ConfigScope {
			if i, ok := byID[id]; ok {
				inConfig[i] = true
			}
		}
	}
	family := func(i int) Family {
		f := Family{ID: docs[i].ID, Rep: docs[i].Rep, Title: docs[i].RepTitle, Score: score[i], Seed: isSeed[i], Kept: kept[i], InConfig: inConfig[i]}
		if !isSeed[i] {
			if byCode[i] {
				f.Via = append(f.Via, "code")
			}
			if byKw[i] {
				f.Via = append(f.Via, "keyword")
			}
			if byCite[i] {
				f.Via = append(f.Via, "citation")
			}
		}
		return f
	}
	var list []int
	for i := range docs {
		if isSeed[i] || expanded[i] {
			list = append(list, i)
		}
	}
	byScore := func(desc bool) func(a, b int) int {
		return func(a, b int) int {
			if score[a] != score[b] {
				if (score[a] > score[b]) == desc {
					return -1
				}
				return 1
			}
			return strings.Compare(docs[a].ID, docs[b].ID)
		}
	}
	slices.SortFunc(list, byScore(true))
	for _, i := range list {
		r.Families = append(r.Families, family(i))
	}

	// Held-out positives.
	if len(o.Holdout) > 0 {
		hIdx, hUn := Resolve(docs, o.Holdout)
		isH := make([]bool, n)
		h := &Holdout{Numbers: len(o.Holdout), Unmatched: len(hUn)}
		for _, i := range hIdx {
			if !isSeed[i] {
				isH[i] = true
				h.Positives++
			}
		}
		count := func(sel func(i int) bool) Measure {
			var tp, fp, fn int
			for i := range docs {
				if isSeed[i] {
					continue
				}
				s := sel(i)
				switch {
				case s && isH[i]:
					tp++
				case s:
					fp++
				case isH[i]:
					fn++
				}
			}
			return measure(tp, fp, fn)
		}
		h.Scope = count(func(i int) bool { return byCode[i] || byKw[i] })
		h.Pruned = count(func(i int) bool { return kept[i] })
		h.Classifier = count(func(i int) bool { return score[i] >= o.Threshold })
		r.Holdout = h
	}

	// The configured scope.
	if o.ConfigScope != nil {
		c := &ConfigComparison{}
		var seedIn, acc int
		var missed, rejected []int
		for i := range docs {
			relevant := isSeed[i] || score[i] >= o.Threshold
			if inConfig[i] {
				c.Families++
				if relevant {
					acc++
				} else {
					rejected = append(rejected, i)
				}
				if isSeed[i] {
					seedIn++
				}
			} else if relevant {
				missed = append(missed, i)
			}
		}
		c.SeedRecall = Wilson(seedIn, len(seedIdx))
		c.Accepted = Wilson(acc, c.Families)
		c.Missed, c.Rejected = len(missed), len(rejected)
		slices.SortFunc(missed, byScore(true))
		slices.SortFunc(rejected, byScore(false))
		for _, i := range missed[:min(len(missed), o.Examples)] {
			c.MissedExamples = append(c.MissedExamples, family(i))
		}
		for _, i := range rejected[:min(len(rejected), o.Examples)] {
			c.RejectedExamples = append(c.RejectedExamples, family(i))
		}
		r.Config = c
	}
	return r, nil
}

// classify cross-validates the classifier on seeds and background (stratified folds: each
// class shuffled with the seed and dealt round-robin), then fits the final model on all of
// them and scores every family: training families get their out-of-fold probability, the
// others the final model's.
func classify(tk *tokens, seeds, bg []int, o Options) ([]float64, Evaluation, *logReg, *space, error) {
	n := len(tk.text)
	fold := map[int]int{}
	for k, i := range shuffled(seeds, o.Seed, 2) {
		fold[i] = k % o.Folds
	}
	for k, i := range shuffled(bg, o.Seed, 3) {
		fold[i] = k % o.Folds
	}
	train := append(slices.Clone(seeds), bg...)
	slices.Sort(train)
	isPos := map[int]bool{}
	for _, i := range seeds {
		isPos[i] = true
	}
	score := make([]float64, n)
	ev := Evaluation{Folds: o.Folds, Seeds: len(seeds), Background: len(bg), Threshold: o.Threshold}
	var label, pred []bool
	for f := 0; f < o.Folds; f++ {
		var tr, te []int
		for _, i := range train {
			if fold[i] == f {
				te = append(te, i)
			} else {
				tr = append(tr, i)
			}
		}
		sp := newSpace(tk, tr)
		x := make([]sparse, len(tr))
		y := make([]bool, len(tr))
		for k, i := range tr {
			x[k], y[k] = sp.vec(tk, i), isPos[i]
		}
		m, err := fitLogReg(x, y, sp.dim)
		if err != nil {
			return nil, ev, nil, nil, err
		}
		for _, i := range te {
			p := m.prob(sp.vec(tk, i))
			score[i] = p
			hit := p >= o.Threshold
			label, pred = append(label, isPos[i]), append(pred, hit)
			switch {
			case isPos[i] && hit:
				ev.TP++
			case hit:
				ev.FP++
			case isPos[i]:
				ev.FN++
			default:
				ev.TN++
			}
		}
	}
	ev.Precision = Wilson(ev.TP, ev.TP+ev.FP)
	ev.Recall = Wilson(ev.TP, ev.TP+ev.FN)
	ev.F1 = bootstrapF1(label, pred, o.Bootstrap, o.Seed)

	sp := newSpace(tk, train)
	x := make([]sparse, len(train))
	y := make([]bool, len(train))
	for k, i := range train {
		x[k], y[k] = sp.vec(tk, i), isPos[i]
	}
	final, err := fitLogReg(x, y, sp.dim)
	if err != nil {
		return nil, ev, nil, nil, err
	}
	ev.Features = sp.dim
	for i := 0; i < n; i++ {
		if _, ok := fold[i]; !ok {
			score[i] = final.prob(sp.vec(tk, i))
		}
	}
	return score, ev, final, sp, nil
}

// codeStats counts every subclass and main group in at least two seed families, among the
// seeds and in the lake, and selects those with coverage ≥ MinCoverage and lift ≥ MinLift; a
// selected subclass makes its main groups redundant (dropped from the selection), and at most
// MaxCodes are selected, by coverage. The list is sorted by coverage, then lift, then code.
func codeStats(tk *tokens, isSeed []bool, nSeeds int, o Options) []CodeStat {
	seedN := make([]int, len(tk.codes))
	lakeN := make([]int, len(tk.codes))
	for i, cs := range tk.doc {
		for _, c := range cs {
			lakeN[c]++
			if isSeed[i] {
				seedN[c]++
			}
		}
	}
	n := float64(len(tk.doc))
	var out []CodeStat
	for c, code := range tk.codes {
		if seedN[c] < 2 {
			continue
		}
		level := "group"
		if len(code) == 4 {
			level = "subclass"
		}
		cov := float64(seedN[c]) / float64(nSeeds)
		share := float64(lakeN[c]) / n
		out = append(out, CodeStat{Code: code, Level: level, Seeds: seedN[c], Lake: lakeN[c], Coverage: cov, LakeShare: share, Lift: cov / share})
	}
	slices.SortFunc(out, func(a, b CodeStat) int {
		switch {
		case a.Coverage != b.Coverage:
			return cmpDesc(a.Coverage, b.Coverage)
		case a.Lift != b.Lift:
			return cmpDesc(a.Lift, b.Lift)
		}
		return strings.Compare(a.Code, b.Code)
	})
	subs := map[string]bool{}
	for _, c := range out {
		if c.Level == "subclass" && c.Coverage >= o.MinCoverage && c.Lift >= o.MinLift {
			subs[c.Code] = true
		}
	}
	chosen := 0
	for k := range out {
		c := &out[k]
		if c.Coverage < o.MinCoverage || c.Lift < o.MinLift || chosen >= o.MaxCodes {
			continue
		}
		if c.Level == "group" && subs[c.Code[:4]] {
			continue
		}
		c.Selected = true
		chosen++
	}
	return out
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	if a < b {
		return 1
	}
	return 0
}

// keywordStats proposes keywords per language. Candidates are the index terms in at least
// MinCoverage of the seed families whose term-level lift (seed share / lake share) reaches
// MinLift — at most 4·MaxKeywords per language, by seed share. Each candidate's keyword is
// the term itself for Chinese and the shortest common surface form of the stem for English
// (a surface used at least a fifth as often as the stem's most frequent one: "drone" for
// drone/drones). Coverage and lift are then recounted as the config matches keywords: the
// lower-cased keyword as a substring of the family's titles and abstracts. Selected are the
// keywords that still reach MinCoverage and MinLift and contain no other selected keyword of
// higher coverage (it would match nothing more), at most MaxKeywords per language. The list
// is sorted by language (zh first), then coverage, then keyword.
func keywordStats(tk *tokens, docs []Doc, seeds []int, isSeed []bool, m *logReg, sp *space, o Options) []KeywordStat {
	seedDF := make([]int, len(tk.vocab))
	lakeDF := make([]int, len(tk.vocab))
	for i, ts := range tk.text {
		for _, t := range ts {
			lakeDF[t]++
			if isSeed[i] {
				seedDF[t]++
			}
		}
	}
	n, ns := float64(len(tk.text)), float64(len(seeds))
	var cand [2][]int32 // en, zh
	for t := range tk.vocab {
		cov := float64(seedDF[t]) / ns
		if seedDF[t] < 2 || cov < o.MinCoverage || cov/(float64(lakeDF[t])/n) < o.MinLift {
			continue
		}
		if !tk.zh[t] && utf8.RuneCountInString(tk.vocab[t]) < 3 {
			continue
		}
		if tk.zh[t] && utf8.RuneCountInString(tk.vocab[t]) < 2 {
			continue
		}
		l := 0
		if tk.zh[t] {
			l = 1
		}
		cand[l] = append(cand[l], int32(t))
	}
	for l := range cand {
		slices.SortFunc(cand[l], func(a, b int32) int {
			if seedDF[a] != seedDF[b] {
				return seedDF[b] - seedDF[a]
			}
			return strings.Compare(tk.vocab[a], tk.vocab[b])
		})
		cand[l] = cand[l][:min(len(cand[l]), 4*o.MaxKeywords)]
	}
	// Surface forms of the English candidates, from the seeds' text.
	want := map[string]bool{}
	for _, t := range cand[0] {
		want[tk.vocab[t]] = true
	}
	surfaces := map[string]map[string]int{}
	if len(want) > 0 {
		tz, err := cluster.NewTokenizer(false) // English surface forms only
		if err == nil {
			for _, i := range seeds {
				tz.Tokens(docs[i].Text, func(term, surface string, zh bool) {
					if zh || !want[term] {
						return
					}
					if surfaces[term] == nil {
						surfaces[term] = map[string]int{}
					}
					surfaces[term][surface]++
				})
			}
		}
	}
	weightOf := func(t int32) float64 {
		if col := sp.textCol[t]; col >= 0 {
			return m.beta[col]
		}
		return 0
	}
	var out []KeywordStat
	for l, lang := range []string{"en", "zh"} {
		var ks []KeywordStat
		for _, t := range cand[l] {
			kw := tk.vocab[t]
			if lang == "en" {
				kw = surfaceOf(kw, surfaces[kw])
			}
			var sN, lN int
			for i := range docs {
				if strings.Contains(tk.lower[i], kw) {
					lN++
					if isSeed[i] {
						sN++
					}
				}
			}
			if lN == 0 {
				continue
			}
			cov, share := float64(sN)/ns, float64(lN)/n
			ks = append(ks, KeywordStat{Keyword: kw, Lang: lang, Seeds: sN, Lake: lN, Coverage: cov, LakeShare: share, Lift: cov / share, Weight: weightOf(t)})
		}
		slices.SortFunc(ks, func(a, b KeywordStat) int {
			if a.Seeds != b.Seeds {
				return b.Seeds - a.Seeds
			}
			return strings.Compare(a.Keyword, b.Keyword)
		})
		ks = slices.CompactFunc(ks, func(a, b KeywordStat) bool { return a.Keyword == b.Keyword })
		var chosen []string
		for k := range ks {
			c := &ks[k]
			if c.Coverage < o.MinCoverage || c.Lift < o.MinLift || len(chosen) >= o.MaxKeywords || c.Weight <= 0 {
				continue
			}
			redundant := false
			for _, s := range chosen {
				if strings.Contains(c.Keyword, s) {
					redundant = true
					break
				}
			}
			if redundant {
				continue
			}
			c.Selected = true
			chosen = append(chosen, c.Keyword)
		}
		if lang == "zh" {
			out = append(ks, out...)
		} else {
			out = append(out, ks...)
		}
	}
	return out
}

// surfaceOf is the shortest surface form used at least a fifth as often as the most frequent
// one (ties: alphabetical); the stem itself when no surface was seen.
func surfaceOf(stem string, forms map[string]int) string {
	top := 0
	for _, c := range forms {
		top = max(top, c)
	}
	best := ""
	for s, c := range forms {
		if 5*c < top {
			continue
		}
		if best == "" || len(s) < len(best) || len(s) == len(best) && s < best {
			best = s
		}
	}
	if best == "" {
		return stem
	}
	return best
}

// matchProposal reports, per family, whether the proposal's codes match one of its codes (a
// subclass or main group equal to a proposed one, as the config matches codes) and whether
// one of its keywords is a substring of its lower-cased text.
func matchProposal(docs []Doc, tk *tokens, p Proposal) (byCode, byKw []bool) {
	n := len(docs)
	byCode, byKw = make([]bool, n), make([]bool, n)
	want := map[string]bool{}
	for _, c := range p.Codes {
		want[c] = true
	}
	var kws []string
	for _, k := range append(slices.Clone(p.KeywordsZh), p.KeywordsEn...) {
		kws = append(kws, strings.ToLower(k))
	}
	for i := range docs {
		for _, c := range tk.doc[i] {
			if want[tk.codes[c]] {
				byCode[i] = true
				break
			}
		}
		for _, k := range kws {
			if strings.Contains(tk.lower[i], k) {
				byKw[i] = true
				break
			}
		}
	}
	return byCode, byKw
}
