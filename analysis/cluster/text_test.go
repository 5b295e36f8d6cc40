package cluster

import (
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func terms(t *testing.T, text string) (out []string, surfaces map[string]string) {
	t.Helper()
	tk := newTokenizer()
	surfaces = map[string]string{}
	tk.tokens(text, func(tid int32, term, surface string, _ int) {
		if tk.terms[tid] != term {
			t.Fatalf("term %q emitted with number %d, which is %q", term, tid, tk.terms[tid])
		}
		out = append(out, term)
		surfaces[term] = surface
	})
	return out, surfaces
}

func TestTokenizerEnglish(t *testing.T) {
	got, surf := terms(t, "A method and system for controlling unmanned aerial vehicles, wherein said batteries are charged; 5G links.")
	want := []string{"control", "unman", "aerial", "vehicl", "batteri", "charg", "5g", "link"}
	if !slices.Equal(got, want) {
		t.Errorf("terms = %q, want %q (boilerplate and stop words dropped, Porter2 stems)", got, want)
	}
	if surf["batteri"] != "batteries" {
		t.Errorf("surface of batteri = %q", surf["batteri"])
	}
}

func TestTokenizerChinese(t *testing.T) {
	got, _ := terms(t, "本发明公开了一种无人机姿态控制方法，包括获取惯性测量单元的数据。")
	for _, w := range []string{"一种", "方法", "本发明", "公开", "包括", "的"} {
		if slices.Contains(got, w) {
			t.Errorf("stop word %q kept in %q", w, got)
		}
	}
	if !slices.Contains(got, "无人机") {
		t.Errorf("无人机 not segmented as a word: %q", got)
	}
	for _, w := range got {
		if termLang(w) != langZh {
			t.Errorf("term %q not Chinese", w)
		}
	}
}

// FuzzTokenizer checks that tokenising never panics and yields valid UTF-8, non-empty terms.
func FuzzTokenizer(f *testing.F) {
	for _, s := range []string{"", "无人机 UAV-based 3D", "\xff\xfe本发明\x00abc", "don't stop-words’ ’’ --", "𠀀𠀁 ﬁ İstanbul"} {
		f.Add(s)
	}
	tk := newTokenizer()
	f.Fuzz(func(t *testing.T, s string) {
		tk.tokens(s, func(tid int32, term, surface string, lang int) {
			if term == "" || !utf8.ValidString(term) || !utf8.ValidString(surface) {
				t.Fatalf("bad term %q (surface %q) from %q", term, surface, s)
			}
			if tk.terms[tid] != term || tk.tids[term] != tid {
				t.Fatalf("term %q emitted with number %d, which is %q", term, tid, tk.terms[tid])
			}
		})
	})
}

// TestTokenizerLoadsChineseLazily: the dictionary (about 3 CPU-seconds) is taken only when a Han
// run is met, so an all-Latin corpus never loads it; the first Han run is segmented as usual.
func TestTokenizerLoadsChineseLazily(t *testing.T) {
	tk := newTokenizer()
	var got []string
	emit := func(_ int32, term, _ string, _ int) { got = append(got, term) }
	tk.tokens("Unmanned aerial vehicles with 3D cameras", emit)
	if tk.seg != nil || len(got) == 0 {
		t.Fatalf("after Latin text: segmenter loaded %v, terms %q", tk.seg != nil, got)
	}
	got = nil
	tk.tokens("无人机 drone", emit)
	if tk.seg == nil || tk.err != nil || !slices.Contains(got, "无人机") || !slices.Contains(got, "drone") {
		t.Fatalf("after Han text: segmenter %v, err %v, terms %q", tk.seg != nil, tk.err, got)
	}
}

// TestTokenizerForgetsTerms: the exported Tokenizer, which numbers terms too, forgets them past
// maxTerms between texts, with the same terms emitted as without forgetting.
func TestTokenizerForgetsTerms(t *testing.T) {
	texts := []string{"Unmanned aerial vehicles with batteries", "Battery swapping for drones", "Drone battery charging station"}
	run := func() ([]string, int) {
		tk, err := NewTokenizer(false)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, s := range texts {
			tk.Tokens(s, func(term, surface string, _ bool) { got = append(got, term+"/"+surface) })
		}
		return got, len(tk.t.terms)
	}
	want, n := run()
	defer func(m int) { maxTerms = m }(maxTerms)
	maxTerms = 2
	got, m := run()
	if !slices.Equal(got, want) {
		t.Errorf("forgetting between texts: %q, want %q", got, want)
	}
	if m >= n {
		t.Errorf("the tokenizer holds %d numbered terms with maxTerms 2, %d without forgetting: it did not forget", m, n)
	}
}

// TestLatinWords: the Latin words tokens emits are, in order, the maximal runs of letters and
// digits outside Han (a hyphen, an apostrophe, a typographic apostrophe, a space, a Han
// character or a byte that is not UTF-8 ends one), each as latinWord makes it, on 2,000 random
// texts; whether a run has a hyphen or apostrophe (which decides whether latin splits it) must
// not change the outcome.
func TestLatinWords(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 4))
	pieces := []string{"UAV", "-", "based", "'", "’", "don", "t", "3D", "无人机", "é", "İstanbul", " ", ",",
		"co", "operation", "123", "\xff", "Drones", "multi", "rotor", "--", "ﬁ", "x"}
	tk := newTokenizer()
	tk.chinese = false // the Han runs' words are not checked here
	for n := 0; n < 2000; n++ {
		var b strings.Builder
		for k := rng.IntN(16); k > 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		var got []string
		tk.tokens(text, func(_ int32, term, surface string, lang int) {
			if lang == langEn {
				got = append(got, term+"/"+surface)
			}
		})
		var want []string
		isWord := func(r rune) bool {
			return r != utf8.RuneError && !unicode.Is(unicode.Han, r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
		}
		start := -1
		for i, r := range text + " " {
			if isWord(r) {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 {
				if lt := latinWord(text[start:i]); lt.term != "" {
					want = append(want, lt.term+"/"+lt.surface)
				}
				start = -1
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: %q, want %q", text, got, want)
		}
	}
}

// TestFrontCacheSharedSlot: words that share a slot of the tokenizer's front cache take it in
// turn, and each still gets its own outcome, number and surface count, whether found in the
// slot, in the memo behind it, or made anew; after forgetTerms the slots hold nothing stale.
func TestFrontCacheSharedSlot(t *testing.T) {
	// Pairs of distinct words of one slot, among generated ones.
	bySlot := map[int]string{}
	var pairs [][2]string
	for i := 0; len(pairs) < 20 && i < 200000; i++ {
		w := "w" + strings.Repeat("a", i%5) + string(rune('a'+i%26)) + string(rune('b'+i/26%24)) + string(rune('c'+i/624%23))
		s := frontSlot(w)
		if o, ok := bySlot[s]; ok && o != w {
			pairs = append(pairs, [2]string{o, w})
			delete(bySlot, s)
			continue
		}
		bySlot[s] = w
	}
	if len(pairs) < 20 {
		t.Fatalf("found %d pairs of words sharing a slot", len(pairs))
	}
	defer func(m int) { maxTerms = m }(maxTerms)
	for _, forget := range []bool{false, true} {
		if forget {
			maxTerms = 1 // forgetTerms forgets every time
		}
		tk := newTokenizer()
		tk.tally, tk.extra, tk.weight = true, map[[2]string]int32{}, 1
		want := map[string]int32{}
		for round := 0; round < 3; round++ {
			if forget {
				tk.forgetTerms()
			}
			for _, p := range pairs {
				text := p[0] + " " + p[1] + " " + p[0] + " " + strings.ToUpper(p[1])
				var got []string
				tk.tokens(text, func(tid int32, term, surface string, _ int) {
					if tk.terms[tid] != term {
						t.Fatalf("%q: term %q emitted with number %d, which is %q", text, term, tid, tk.terms[tid])
					}
					got = append(got, term+"/"+surface)
				})
				var exp []string
				for _, w := range strings.Fields(text) {
					lt := latinWord(w)
					exp = append(exp, lt.term+"/"+lt.surface)
					want[lt.term+"/"+lt.surface]++
				}
				if !slices.Equal(got, exp) {
					t.Fatalf("forget %v, round %d: %q gave %q, want %q", forget, round, text, got, exp)
				}
			}
		}
		counted := map[string]int32{}
		for _, sc := range tk.surf {
			counted[sc.term+"/"+sc.surface] += sc.n
		}
		for k, v := range tk.extra {
			counted[k[0]+"/"+k[1]] += v
		}
		if !maps.Equal(counted, want) {
			t.Errorf("forget %v: surface counts %v, want %v", forget, counted, want)
		}
	}
}
