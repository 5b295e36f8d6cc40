package seedscope

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestWilsonHandComputed checks the Wilson interval against hand computation (z = 1.95996):
// 8/10: centre = (0.8 + 0.19207)/1.38415 = 0.71674, half = 1.41600·√(0.016 + 0.0096038) =
// 0.22658 → [0.4902, 0.9433] (the textbook value, e.g. Newcombe 1998 table I: 0.4902–0.9433);
// 0/10: [0, 0.2775]; 10/10: [0.7225, 1]. Tolerance 1e-4.
func TestWilsonHandComputed(t *testing.T) {
	for _, c := range []struct {
		k, n      int
		low, high float64
	}{{8, 10, 0.4902, 0.9433}, {0, 10, 0, 0.2775}, {10, 10, 0.7225, 1}} {
		iv := Wilson(c.k, c.n)
		if math.Abs(iv.Low-c.low) > 1e-4 || math.Abs(iv.High-c.high) > 1e-4 || iv.Value != float64(c.k)/float64(c.n) {
			t.Errorf("Wilson(%d, %d) = %+v, want [%v, %v]", c.k, c.n, iv, c.low, c.high)
		}
	}
	if iv := Wilson(0, 0); iv.Defined() {
		t.Errorf("Wilson(0, 0) defined: %+v", iv)
	}
}

// TestBootstrapF1 checks the point value (TP 6, FP 2, FN 2: F1 = 12/16 = 0.75), that the
// interval contains it, and that the same seed gives the same interval.
func TestBootstrapF1(t *testing.T) {
	label := []bool{true, true, true, true, true, true, true, true, false, false, false, false}
	pred := []bool{true, true, true, true, true, true, false, false, true, true, false, false}
	a := bootstrapF1(label, pred, 500, 7)
	b := bootstrapF1(label, pred, 500, 7)
	if a != b {
		t.Errorf("not deterministic: %+v vs %+v", a, b)
	}
	if a.Value != 0.75 || a.Low > 0.75 || a.High < 0.75 || a.Low < 0.3 {
		t.Errorf("F1 %+v, want 0.75 inside a plausible interval", a)
	}
}

func TestCodeKeys(t *testing.T) {
	for code, want := range map[string][2]string{"H04W84/20": {"H04W", "H04W84"}, "B64C": {"B64C", ""}, "B64C39": {"B64C", "B64C39"}, "G0": {"", ""}} {
		if s, g := codeKeys(code); s != want[0] || g != want[1] {
			t.Errorf("codeKeys(%s) = %s %s", code, s, g)
		}
	}
}

func TestReadSeeds(t *testing.T) {
	s, err := ReadSeeds(strings.NewReader("\ufeff# seeds\nUS 2013/0101709 A1\n\nUS-12299796-B2\nCN104968889A\n"), "seeds.txt")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range s {
		got = append(got, fmt.Sprintf("%d:%s:%s", x.Line, x.Number, x.Doc))
	}
	want := []string{"2:US20130101709A1:US20130101709", "4:US12299796B2:US12299796", "5:CN104968889A:CN104968889"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	_, err = ReadSeeds(strings.NewReader("US1234567B2\n12345\n"), "seeds.txt")
	if !errors.Is(err, ErrSeeds) || !strings.Contains(err.Error(), "seeds.txt: line 2") {
		t.Errorf("bad line: %v", err)
	}
	if _, err := ReadSeeds(strings.NewReader("# nothing\n"), "seeds.txt"); !errors.Is(err, ErrSeeds) {
		t.Errorf("empty file: %v", err)
	}
}

// topicDocs generates n families per topic: each topic has its own subclass, main groups and
// vocabulary; every document also draws shared words, and 10 % of a topic's documents borrow
// the other topic's code (noise).
func topicDocs(n int, seed uint64) []Doc {
	rng := rand.New(rand.NewPCG(seed, 9))
	topics := []struct {
		words []string
		codes []string
	}{
		{[]string{"drone", "rotor", "propeller", "flight", "aerial", "无人机", "旋翼", "飞行"}, []string{"B64C39/024", "B64U10/13", "G05D1/10"}},
		{[]string{"pizza", "dough", "cheese", "oven", "baking", "比萨", "面团", "烘烤"}, []string{"A21D13/41", "A21B1/00", "A23L7/10"}},
		{[]string{"drill", "coal", "shaft", "tunnel", "mining", "煤矿", "巷道", "钻机"}, []string{"E21B7/00", "E21D20/02", "E21C35/00"}},
	}
	shared := []string{"control", "housing", "sensor", "plate", "motor", "装置", "系统"}
	var docs []Doc
	for ti, tp := range topics {
		for j := 0; j < n; j++ {
			var words []string
			for k := 0; k < 6; k++ {
				words = append(words, tp.words[rng.IntN(len(tp.words))])
			}
			for k := 0; k < 4; k++ {
				words = append(words, shared[rng.IntN(len(shared))])
			}
			codes := []string{tp.codes[rng.IntN(len(tp.codes))]}
			if rng.IntN(10) == 0 {
				codes = append(codes, topics[(ti+1)%3].codes[0])
			}
			id := fmt.Sprintf("F%d%04d", ti, j)
			pub := fmt.Sprintf("US%d%06dB2", ti+1, j)
			docs = append(docs, Doc{ID: id, Pubs: []string{pub}, DocNumbers: []string{strings.TrimSuffix(pub, "B2")}, Rep: pub, RepTitle: strings.Join(words[:3], " "), Text: strings.Join(words, " "), Codes: codes})
		}
	}
	return docs
}

// TestRunSeparatesTopics: seeds are half of topic 0 (even numbers), the other half is held
// out. Topic 0's words and codes are its own except for 10 % of borrowed codes, so recall of
// the cross-validation, the proposed scope and the pruned expansion must be ≥ 0.9 and the
// pruned expansion's precision ≥ 0.9 (the text separates the topics). Two precisions are lower
// by construction: the cross-validation's, because the background (200 of the 500 non-seed
// families) holds about 40 held-out topic-0 families labelled negative that the classifier
// rightly accepts (expected ≈ 100/140 ≈ 0.71; ≥ 0.6 asserted); and the proposed scope's,
// because about 20 topic-2 families borrow topic 0's B64C39 code (expected ≈ 100/120; ≥ 0.75).
func TestRunSeparatesTopics(t *testing.T) {
	docs := topicDocs(200, 1)
	var seeds, hold []Seed
	for j := 0; j < 200; j++ {
		s := Seed{Number: fmt.Sprintf("US1%06dB2", j), Doc: fmt.Sprintf("US1%06d", j)}
		if j%2 == 0 {
			seeds = append(seeds, s)
		} else {
			hold = append(hold, s)
		}
	}
	seeds = append(seeds, Seed{Number: "EP1234567A1", Doc: "EP1234567"})
	links := []Link{{Citing: "F10001", Cited: "F00000"}, {Citing: "F00002", Cited: "F20005"}}
	r, err := Run(docs, links, seeds, Options{Holdout: hold, ConfigScope: []string{"F00000", "F00001", "F10000"}, MinBackground: 50})
	if err != nil {
		t.Fatal(err)
	}
	if r.SeedFamilies != 100 || len(r.Unmatched) != 1 || r.Unmatched[0] != "EP1234567A1" {
		t.Errorf("seeds: %d families, unmatched %v", r.SeedFamilies, r.Unmatched)
	}
	if r.Background != 200 {
		t.Errorf("background %d, want 2 × 100 seeds", r.Background)
	}
	ev := r.Evaluation
	if ev.TP+ev.FN != 100 || ev.FP+ev.TN != 200 || ev.Recall.Value < 0.9 || ev.Precision.Value < 0.6 {
		t.Errorf("evaluation %+v", ev)
	}
	if !contains(r.Proposal.Codes, "B64C") && !contains(r.Proposal.Codes, "B64C39") {
		t.Errorf("proposed codes %v lack the drone subclass", r.Proposal.Codes)
	}
	if contains(r.Proposal.Codes, "A21D") || contains(r.Proposal.KeywordsEn, "pizza") {
		t.Errorf("proposal %+v includes another topic", r.Proposal)
	}
	if !contains(r.Proposal.KeywordsZh, "无人机") && !contains(r.Proposal.KeywordsZh, "旋翼") {
		t.Errorf("zh keywords %v", r.Proposal.KeywordsZh)
	}
	if r.Expansion.ByCitation != 2 {
		t.Errorf("citation expansion %d, want 2 (F10001 cites a seed; seed F00002 cites F20005)", r.Expansion.ByCitation)
	}
	h := r.Holdout
	if h == nil || h.Positives != 100 || h.Scope.Recall.Value < 0.9 || h.Scope.Precision.Value < 0.75 || h.Pruned.Recall.Value < 0.9 || h.Pruned.Precision.Value < 0.9 {
		t.Errorf("holdout %+v", h)
	}
	c := r.Config
	if c == nil || c.Families != 3 || c.SeedRecall.K != 1 || c.Rejected != 1 || c.RejectedExamples[0].ID != "F10000" {
		t.Errorf("config comparison %+v", c)
	}
	// Deterministic.
	r2, err := Run(docs, links, seeds, Options{Holdout: hold, ConfigScope: []string{"F00000", "F00001", "F10000"}, MinBackground: 50, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(r.Families, r2.Families) || !reflect.DeepEqual(r.Proposal, r2.Proposal) || r.Evaluation != r2.Evaluation {
		t.Error("two runs differ")
	}
	if _, err := Run(docs, nil, seeds[:5], Options{}); !errors.Is(err, ErrNotEnoughSeeds) {
		t.Errorf("5 seeds: %v", err)
	}
}

func contains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// FuzzReadSeeds: the seed-file parser never panics; it returns seeds with canonical numbers
// and their lines, or an error wrapping ErrSeeds.
func FuzzReadSeeds(f *testing.F) {
	f.Add("US 2013/0101709 A1\n# c\nCN104968889A\n")
	f.Add("\ufeffWO 2014/059282 A2\r\n\r\nUS-12299796-B2")
	f.Add("12345\n")
	f.Fuzz(func(t *testing.T, s string) {
		seeds, err := ReadSeeds(strings.NewReader(s), "fuzz.txt")
		if err != nil {
			if !errors.Is(err, ErrSeeds) {
				t.Errorf("error not wrapped: %v", err)
			}
			return
		}
		if len(seeds) == 0 {
			t.Error("no seeds and no error")
		}
		for _, sd := range seeds {
			if sd.Number == "" || sd.Line < 1 || !strings.HasPrefix(sd.Number, sd.Doc) {
				t.Errorf("seed %+v", sd)
			}
		}
	})
}
