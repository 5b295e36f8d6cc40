package cluster

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestDeterministic runs the whole pipeline twice with the same seed (and once with a different
// worker count) and requires byte-identical JSON.
func TestDeterministic(t *testing.T) {
	docs, _ := synthDocs(1200, 7)
	o := Options{Seed: 42, KMin: 3, KMax: 8, LastComplete: 2023, Grid: 64}
	r1, err := Run(docs, o)
	if err != nil {
		t.Fatal(err)
	}
	j1, _ := json.Marshal(r1)
	for _, w := range []int{1, 3} { // the parallel steps (byCluster, parallelBlocks) split by workers
		o.Workers = w
		r2, err := Run(docs, o)
		if err != nil {
			t.Fatal(err)
		}
		if j2, _ := json.Marshal(r2); string(j1) != string(j2) {
			t.Fatalf("two runs with the same seed differ (%d workers)", w)
		}
	}
	if r1.Evaluation.K < 3 || r1.Evaluation.K > 8 || len(r1.Clusters) != r1.Evaluation.K {
		t.Errorf("k = %d, clusters %d", r1.Evaluation.K, len(r1.Clusters))
	}
	if len(r1.Points) != len(docs)-r1.Evaluation.Unclustered {
		t.Errorf("%d points for %d docs", len(r1.Points), len(docs))
	}
	for _, p := range r1.Points {
		if p.X < 0 || p.X > 1 || p.Y < 0 || p.Y > 1 {
			t.Fatalf("point outside the unit square: %+v", p)
		}
	}
	if len(r1.Contours) == 0 || len(r1.Peaks) == 0 {
		t.Error("no contours or peaks")
	}
	ov := r1.Overlay([]string{docs[5].ID, "nope", docs[2].ID})
	if len(ov) != 2 || ov[0].ID != docs[5].ID || ov[1].ID != docs[2].ID {
		t.Errorf("Overlay = %+v", ov)
	}
}

// TestRecoversSyntheticBranches: on synthetic families the text clusters must agree with the
// generator's true branches far above chance (NMI > 0.5; chance level is ≈ 0).
func TestRecoversSyntheticBranches(t *testing.T) {
	docs, branch := synthDocs(3000, 11)
	r, err := Run(docs, Options{KMin: 6, KMax: 14, LastComplete: 2023})
	if err != nil {
		t.Fatal(err)
	}
	if nmi := NMI(r.Assignments, labelIDs(branch)); nmi < 0.5 {
		t.Errorf("NMI vs true branches = %.3f, want > 0.5", nmi)
	}
	if q := r.Evaluation.Modularity; !(q > 0.3) {
		t.Errorf("class-network modularity %.3f, want > 0.3 (synthetic branches have distinct codes)", q)
	}
	if s := r.Evaluation.Stability; !(s > 0.3) {
		t.Errorf("stability %.3f", s)
	}
	for _, c := range r.Clusters {
		if c.Label == "" || len(c.Codes) == 0 || c.Quadrant == "" {
			t.Errorf("cluster %d incomplete: %+v", c.ID, c)
		}
	}
}

func TestRunErrors(t *testing.T) {
	if _, err := Run([]Doc{{ID: "a", Title: "x"}, {ID: "a", Title: "y"}}, Options{}); err == nil {
		t.Error("duplicate IDs accepted")
	}
	for _, ids := range [][]string{{"b", "a", "c", "b"}, {"a", "b", "b"}} {
		docs := make([]Doc, len(ids))
		for i, id := range ids {
			docs[i] = Doc{ID: id, Title: "drone rotor " + id}
		}
		if _, err := Run(docs, Options{}); err == nil || !strings.Contains(err.Error(), `duplicate document ID "b"`) {
			t.Errorf("IDs %v: err = %v, want the duplicate b named", ids, err)
		}
	}
	if err := metaOf([]Doc{{ID: "c"}, {ID: "a"}, {ID: "b"}}).duplicateID(); err != nil {
		t.Errorf("distinct unsorted IDs: %v", err)
	}
	if _, err := Run([]Doc{{ID: "a"}, {ID: "b"}}, Options{}); err != ErrNoDocs {
		t.Errorf("no text: err = %v, want ErrNoDocs", err)
	}
	if _, err := Run(nil, Options{KMin: 5, KMax: 3}); err == nil {
		t.Error("KMax < KMin accepted")
	}
}

// TestMarchingSquaresSquare: a single high cell at level ½ gives one closed diamond through the
// midpoints between its centre and its four neighbours' centres (linear interpolation, value 1
// against 0: t = ½).
func TestMarchingSquaresSquare(t *testing.T) {
	G := 3
	v := make([]float64, G*G)
	v[1*G+1] = 1
	lines := marchingSquares(v, G, 0.5)
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1", len(lines))
	}
	l := lines[0]
	if len(l) != 10 || l[0] != l[8] || l[1] != l[9] {
		t.Fatalf("not a closed 4-point ring: %v", l)
	}
	cx, cy := 1.5/3, 1.5/3
	for p := 0; p < 8; p += 2 {
		d := math.Hypot(l[p]-cx, l[p+1]-cy)
		if math.Abs(d-0.5/3) > 1e-12 {
			t.Errorf("vertex (%g, %g) at distance %g from the centre, want %g", l[p], l[p+1], d, 0.5/3)
		}
	}
}

func TestClassNetworkRule(t *testing.T) {
	// Three separate triangles of codes: Louvain must find them (Q = 2/3 for three equal cliques
	// with no links between them: Q = Σ_c [L_c/m − (d_c/2m)²] = 3·(1/3 − 1/9)).
	var docs []Doc
	groups := [][]string{{"A01B1", "A01B2", "A01B3"}, {"B01C1", "B01C2", "B01C3"}, {"C01D1", "C01D2", "C01D3"}}
	for g, codes := range groups {
		for i := 0; i < 3; i++ {
			docs = append(docs, Doc{ID: string(rune('a'+g)) + string(rune('0'+i)), Codes: []string{codes[i], codes[(i+1)%3]}})
		}
	}
	net := classNetwork(metaOf(docs), DefaultOptions)
	if len(net.Communities) != 3 || math.Abs(net.Modularity-2.0/3) > 1e-9 {
		t.Errorf("communities %d, Q %.6f; want 3 and 2/3", len(net.Communities), net.Modularity)
	}
	if !reflect.DeepEqual(net.Communities[0].Codes, []string{"A01B1", "A01B2", "A01B3"}) {
		t.Errorf("community 0 = %v", net.Communities[0].Codes)
	}
	// Three communities of 3 of the 9 nodes each (≥ 1 %): the rule is the first one, as a code.
	if net.Rule != NetLarge {
		t.Errorf("rule %q, want %q", net.Rule, NetLarge)
	}
	// One document with two codes: a network of one community, below 3: the fallback. One code
	// only: no network.
	if one := classNetwork(metaOf(docs[:1]), DefaultOptions); one.Rule != NetFallback {
		t.Errorf("one document: rule %q, want %q", one.Rule, NetFallback)
	}
	if none := classNetwork(metaOf([]Doc{{ID: "x", Codes: []string{"A01B1"}}}), DefaultOptions); none.Rule != NetNone {
		t.Errorf("one code: rule %q, want %q", none.Rule, NetNone)
	}
}

// TestGrowthMinimum: a cluster's CAGR is given only when its window's start and end years each
// hold at least MinGrowthEnd documents (counts read back from the cluster's own Years); with a
// minimum no cluster can meet, no CAGR is given and no hotspot rests on one.
func TestGrowthMinimum(t *testing.T) {
	docs, _ := synthDocs(1200, 7)
	count := func(c Cluster, y int) int {
		for _, p := range c.Years {
			if p.Year == y {
				return p.N
			}
		}
		return 0
	}
	for _, min := range []int{1, 10, 100000} {
		r, err := Run(docs, Options{Seed: 42, KMin: 3, KMax: 8, LastComplete: 2023, Grid: 64, MinGrowthEnd: min})
		if err != nil {
			t.Fatal(err)
		}
		given := 0
		for _, c := range r.Clusters {
			if c.CAGR == nil {
				continue
			}
			given++
			if a, b := count(c, c.CAGRFrom), count(c, c.CAGRTo); a < min || b < min {
				t.Errorf("min %d: cluster %d CAGR %.3f from %d (%d docs) to %d (%d docs)", min, c.ID, *c.CAGR, c.CAGRFrom, a, c.CAGRTo, b)
			}
		}
		switch {
		case min == 1 && given == 0:
			t.Error("no cluster CAGR with a minimum of 1 document")
		case min == 100000 && given > 0:
			t.Errorf("%d cluster CAGRs with an unreachable minimum", given)
		}
	}
}

// TestLabelWord: measurements, numbers and Roman numerals (the Latin tokens of Chinese abstracts:
// "5mm", "15g", "252kv", "ii") never label a cluster; abbreviations and words do.
func TestLabelWord(t *testing.T) {
	for term, want := range map[string]bool{"5mm": false, "15g": false, "252kv": false, "w1": false, "ii": false,
		"iii": false, "xiv": false, "plc": true, "rfid": true, "drone": true, "mix": true, "vivid": true, "ph": true} {
		if got := labelWord(term); got != want {
			t.Errorf("labelWord(%q) = %v, want %v", term, got, want)
		}
	}
}

// TestPositionsGiveTheOrder: documents yielded shuffled, each with its position (Doc.Pos), are
// clustered exactly as the same documents yielded in order (byte-identical JSON); more than one
// tokenising chunk arrives out of order. Mixed, repeated and missing positions are errors.
func TestPositionsGiveTheOrder(t *testing.T) {
	docs, _ := synthDocs(3*chunkSize+100, 11)
	o := Options{Seed: 5, KMin: 3, KMax: 6, LastComplete: 2023, Grid: 48}
	want, err := Run(docs, o)
	if err != nil {
		t.Fatal(err)
	}
	shuffled := make([]Doc, len(docs))
	for i, j := range rand.New(rand.NewPCG(1, 2)).Perm(len(docs)) {
		shuffled[j] = docs[i]
		shuffled[j].Pos = i + 1
	}
	jw, _ := json.Marshal(want)
	for _, w := range []int{0, 1, 3} { // the positioned rows are weighed in parallel blocks
		o.Workers = w
		got, err := RunSource(Docs(shuffled), o)
		if err != nil {
			t.Fatal(err)
		}
		if jg, _ := json.Marshal(got); string(jw) != string(jg) {
			t.Fatalf("the shuffled documents with positions cluster differently from the ordered ones (%d workers)", w)
		}
	}
	o.Workers = 0

	bad := map[string][]Doc{
		"(Doc.Pos) given for some documents only": {{ID: "a", Title: "rotor", Pos: 1}, {ID: "b", Title: "rotor"}},
		"at the same position":                    {{ID: "a", Title: "rotor", Pos: 1}, {ID: "b", Title: "rotor", Pos: 1}},
		"no document at position 2":               {{ID: "a", Title: "rotor", Pos: 3}, {ID: "b", Title: "rotor", Pos: 1}},
	}
	for msg, ds := range bad {
		if _, err := RunSource(Docs(ds), o); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("%v: err = %v, want %q", ds, err, msg)
		}
	}
}

// TestSizeHintChangesNothing: a size hint, right, too small or too large, changes no result, in
// the order yielded and with positions.
func TestSizeHintChangesNothing(t *testing.T) {
	defer func(r int) { sizeRows = r }(sizeRows)
	sizeRows = chunkSize // the arrays are sized after the first chunk
	docs, _ := synthDocs(3*chunkSize+100, 13)
	shuffled := make([]Doc, len(docs))
	for i, j := range rand.New(rand.NewPCG(3, 4)).Perm(len(docs)) {
		shuffled[j] = docs[i]
		shuffled[j].Pos = i + 1
	}
	o := Options{Seed: 5, KMin: 3, KMax: 6, LastComplete: 2023, Grid: 48}
	for name, ds := range map[string][]Doc{"ordered": docs, "positioned": shuffled} {
		want, err := RunSource(Docs(ds), o)
		if err != nil {
			t.Fatal(err)
		}
		jw, _ := json.Marshal(want)
		for _, hint := range []int{len(ds), len(ds) / 3, 5 * len(ds), 1} {
			oh := o
			oh.SizeHint = hint
			got, err := RunSource(Docs(ds), oh)
			if err != nil {
				t.Fatal(err)
			}
			got.Options.SizeHint = 0 // the only difference allowed
			if jg, _ := json.Marshal(got); string(jg) != string(jw) {
				t.Errorf("%s, SizeHint %d: the result differs from the one without a hint", name, hint)
			}
		}
	}
}

// TestForgetTermsChangesNothing: a tokenizer that forgets its numbered terms and its memo after
// every chunk (maxTerms 1) gives the same result, display forms included, as one that keeps
// them.
func TestForgetTermsChangesNothing(t *testing.T) {
	docs, _ := synthDocs(3*chunkSize+100, 17)
	o := Options{Seed: 5, KMin: 3, KMax: 6, LastComplete: 2023, Grid: 48, Workers: 1}
	want, err := RunSource(Docs(docs), o)
	if err != nil {
		t.Fatal(err)
	}
	defer func(m int) { maxTerms = m }(maxTerms)
	maxTerms = 1
	got, err := RunSource(Docs(docs), o)
	if err != nil {
		t.Fatal(err)
	}
	jw, _ := json.Marshal(want)
	if jg, _ := json.Marshal(got); string(jg) != string(jw) {
		t.Errorf("forgetting the numbered terms after each chunk changed the result")
	}
}
