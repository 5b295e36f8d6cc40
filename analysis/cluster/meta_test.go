package cluster

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// metaOf is the table of docs in their order.
func metaOf(docs []Doc) *docMeta {
	m := newDocMeta(len(docs))
	for _, d := range docs {
		m.add(d)
	}
	m.finish(nil)
	return m
}

// TestDocMeta: the table gives back what was added, by position; codes are trimmed, kept once
// and ascend by name; dictionaries are in name order whatever the arrival order; blank names
// are none.
func TestDocMeta(t *testing.T) {
	docs := []Doc{
		{ID: "f2", Title: "rotor arm", Year: 2019, Codes: []string{" H02K7 ", "B64C39", "H02K7", ""}, Subclass: "H02K", Applicant: " Zeta Ltd "},
		{ID: "f1", Title: "", Year: 0, Codes: nil, Subclass: " ", Applicant: ""},
		{ID: "f3", Title: "无人机旋翼", Year: 2021, Codes: []string{"A01B1", "B64C39"}, Subclass: "B64C", Applicant: "Alpha"},
	}
	// Arrival order f2, f1, f3 at positions 2, 1, 3.
	m := newDocMeta(0)
	for _, d := range docs {
		m.add(d)
	}
	m.finish([]int32{1, 0, 2})
	if !reflect.DeepEqual(m.codeNames, []string{"A01B1", "B64C39", "H02K7"}) || !reflect.DeepEqual(m.appNames, []string{"Alpha", "Zeta Ltd"}) ||
		!reflect.DeepEqual(m.subNames, []string{"B64C", "H02K"}) {
		t.Fatalf("dictionaries %q %q %q", m.codeNames, m.subNames, m.appNames)
	}
	type row struct {
		id, title string
		year      int
		codes     []string
		sub, app  string
	}
	name := func(names []string, id int32) string {
		if id < 0 {
			return "-"
		}
		return names[id]
	}
	var got []row
	for i := 0; i < m.n; i++ {
		r := row{id: m.id(i), title: m.title(i), year: m.yearOf(i), sub: name(m.subNames, m.subOf(i)), app: name(m.appNames, m.appOf(i))}
		for _, c := range m.codesOf(i) {
			r.codes = append(r.codes, m.codeNames[c])
		}
		got = append(got, r)
	}
	want := []row{
		{id: "f1", title: "", year: 0, sub: "-", app: "-"},
		{id: "f2", title: "rotor arm", year: 2019, codes: []string{"B64C39", "H02K7"}, sub: "H02K", app: "Zeta Ltd"},
		{id: "f3", title: "无人机旋翼", year: 2021, codes: []string{"A01B1", "B64C39"}, sub: "B64C", app: "Alpha"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows\n got %+v\nwant %+v", got, want)
	}
}

// TestStrColumnBlocks: values spread over several blocks (and one longer than a block) come back
// whole.
func TestStrColumnBlocks(t *testing.T) {
	var c strColumn
	var want []string
	long := strings.Repeat("x", blockSize+7)
	for i := 0; i < 3*blockSize/40; i++ {
		s := fmt.Sprintf("family-%09d-%s", i, strings.Repeat("y", i%17))
		if i == 1000 {
			s = long
		}
		if i%97 == 0 {
			s = ""
		}
		c.add(s)
		want = append(want, s)
	}
	c.seal()
	if len(c.blocks) < 3 {
		t.Fatalf("%d blocks, want several", len(c.blocks))
	}
	for i, s := range want {
		if g := c.get(i); g != s {
			t.Fatalf("value %d = %.40q, want %.40q", i, g, s)
		}
	}
}

// TestPositions: positions must be 1 … n, each once.
func TestPositions(t *testing.T) {
	var ids strColumn
	for _, s := range []string{"a", "b", "c"} {
		ids.add(s)
	}
	if at, err := positions([]int32{2, 0, 1}, &ids); err != nil || !reflect.DeepEqual(at, []int32{1, 2, 0}) {
		t.Errorf("positions 3,1,2: %v, %v", at, err)
	}
	for arrival, msg := range map[[3]int32]string{
		{0, 2, 0}: `documents "a" and "c" at the same position 1`,
		{0, 3, 1}: "no document at position 3 of 4",
	} {
		if _, err := positions(arrival[:], &ids); err == nil || !strings.Contains(err.Error(), msg) {
			t.Errorf("arrival %v: err %v, want %q", arrival, err, msg)
		}
	}
}

// TestPositionsOutOfRange: a stray large position is a gap, found without a table of its size;
// a negative one is refused.
func TestPositionsOutOfRange(t *testing.T) {
	var ids strColumn
	ids.add("a")
	ids.add("b")
	if _, err := positions([]int32{0, 1 << 30}, &ids); err == nil || !strings.Contains(err.Error(), "no document at position 2 of 1073741825") {
		t.Errorf("stray position: err %v", err)
	}
	_, err := Run([]Doc{{ID: "a", Title: "rotor"}, {ID: "b", Title: "rotor", Pos: -3}}, Options{})
	if err == nil || !strings.Contains(err.Error(), `"b": position -3 out of range`) {
		t.Errorf("negative position: err %v", err)
	}
}

// TestDocMetaByPosition: with documents arriving in a random order, every column read by position
// after finish is the document's at that position (the numeric and code columns are moved into
// position order, the strings read through at).
func TestDocMetaByPosition(t *testing.T) {
	rng := rand.New(rand.NewPCG(4, 9))
	n := 700
	docs := make([]Doc, n) // by position
	for i := range docs {
		d := Doc{ID: fmt.Sprintf("f%04d", i), Title: strings.Repeat("t", rng.IntN(5)), Year: 1990 + rng.IntN(35)}
		for c := rng.IntN(5); c > 0; c-- {
			d.Codes = append(d.Codes, fmt.Sprintf("G%02d", rng.IntN(40)))
		}
		if rng.IntN(4) > 0 {
			d.Subclass = fmt.Sprintf("S%d", rng.IntN(9))
		}
		if rng.IntN(3) > 0 {
			d.Applicant = fmt.Sprintf("A%d", rng.IntN(50))
		}
		docs[i] = d
	}
	arrival := rng.Perm(n) // arrival[r] is the position of the r-th document to arrive
	m := newDocMeta(0)
	at := make([]int32, n)
	for r, pos := range arrival {
		m.add(docs[pos])
		at[pos] = int32(r)
	}
	m.finish(at)
	for i, d := range docs {
		var want []string
		for _, c := range d.Codes {
			if !slices.Contains(want, c) {
				want = append(want, c)
			}
		}
		slices.Sort(want)
		var got []string
		for _, c := range m.codesOf(i) {
			got = append(got, m.codeNames[c])
		}
		sub, app := "", ""
		if s := m.subOf(i); s >= 0 {
			sub = m.subNames[s]
		}
		if a := m.appOf(i); a >= 0 {
			app = m.appNames[a]
		}
		if m.id(i) != d.ID || m.title(i) != d.Title || m.yearOf(i) != d.Year || !slices.Equal(got, want) || sub != d.Subclass || app != d.Applicant {
			t.Fatalf("position %d: %s %q %d %v %q %q; want %+v", i, m.id(i), m.title(i), m.yearOf(i), got, sub, app, d)
		}
	}
}
