package ingest

import (
	"fmt"
	"hash/maphash"
	"math/rand/v2"
	"testing"
)

func TestPubIndex(t *testing.T) {
	x := newPubIndex(0)
	for i := 0; i < 10000; i++ {
		x.put(fmt.Sprintf("CN%09dA", i), fmt.Sprintf("F%d", i%97))
	}
	x.put("CN000000001A", "other") // first wins
	if x.len() != 10000 {
		t.Fatalf("len = %d", x.len())
	}
	for _, i := range []int{0, 1, 5000, 9999} {
		if f, ok := x.lookup(fmt.Sprintf("CN%09dA", i)); !ok || f != fmt.Sprintf("F%d", i%97) {
			t.Errorf("get %d = %q %v", i, f, ok)
		}
	}
	if _, ok := x.lookup("CN999999999A"); ok {
		t.Error("found a publication never put")
	}
	// A full hash collision (forced: US1B2 added under CN000000000A's hash) is told apart by
	// the stored bytes: both stay indexed, each under its own family.
	h := maphash.String(x.seed, "CN000000000A")
	if f, dup := x.addHash("US1B2", "famX", h); dup || f != "famX" {
		t.Errorf("add of a colliding publication = %q %v, want famX false", f, dup)
	}
	if f, ok, _ := x.find("US1B2", h); !ok || f != "famX" {
		t.Errorf("collision: find = %q %v", f, ok)
	}
	if f, ok := x.lookup("CN000000000A"); !ok || f != "F0" {
		t.Errorf("collided entry lost: %q %v", f, ok)
	}
	// add answers whether a publication was indexed, and under which family.
	if f, dup := x.addHash("US1B2", "famY", h); !dup || f != "famX" {
		t.Errorf("add of a colliding publication again = %q %v, want famX true", f, dup)
	}
	if f, dup := x.add("CN000000007A", "famZ"); !dup || f != "F7" {
		t.Errorf("add of a stored publication = %q %v, want F7 true", f, dup)
	}
	if f, dup := x.add("EP1A1", "famE"); dup || f != "famE" {
		t.Errorf("add of a new publication = %q %v, want famE false", f, dup)
	}
	if f, ok := x.lookup("EP1A1"); !ok || f != "famE" {
		t.Errorf("after add: get = %q %v", f, ok)
	}
}

// TestWithKind: a number without its kind finds the publication stored with one, the commonest
// kind first; an unrelated or kind-only match is not found.
func TestWithKind(t *testing.T) {
	x := newPubIndex(4)
	x.put("WO2014059282A2", "F1")
	x.put("EP2906782A1", "F2")
	x.put("EP2906782B1", "F2")
	for pub, want := range map[string]string{"WO2014059282": "WO2014059282A2", "EP2906782": "EP2906782A1", "WO201405928": "", "CN104968889": ""} {
		got, ok := x.withKind(pub)
		if got != want || ok != (want != "") {
			t.Errorf("withKind(%s) = %q, %v; want %q", pub, got, ok, want)
		}
	}
}

// TestPubIndexFootprint: the index reports its footprint whenever its arrays grow (ingest raises
// its soft memory limit by it), the footprint covers what the index holds (hand-computed for a
// 4-entry reservation: arena 96 + entries 4·16 + table 8·8 = 224 bytes), and it never shrinks.
func TestPubIndexFootprint(t *testing.T) {
	x := newPubIndex(4)
	if got := x.footprint(); got != 224 {
		t.Fatalf("footprint of an empty 4-entry index = %d, want 224", got)
	}
	var reports []int64
	x.grown = func(b int64) { reports = append(reports, b) }
	for i := range 4 {
		x.add(fmt.Sprintf("CN%09dA", i), "F1") // 12 + 2 bytes each: no growth within 4 entries
	}
	if len(reports) != 0 {
		t.Fatalf("reported growth within the reservation: %v", reports)
	}
	for i := 4; i < 40; i++ {
		x.add(fmt.Sprintf("CN%09dA", i), "F1")
	}
	if len(reports) == 0 {
		t.Fatal("growth past the reservation was not reported")
	}
	for i, b := range reports {
		if i > 0 && b < reports[i-1] {
			t.Errorf("footprint shrank: %v", reports)
		}
	}
	last := reports[len(reports)-1]
	if min := int64(len(x.arena) + len(x.entries)*16 + len(x.slots)*8); last < min {
		t.Errorf("last reported footprint %d: held at least %d, footprint now %d", last, min, x.footprint())
	}
}

// TestIngestLimit: hand-computed limits (MB = 1<<20): a 100 MB index keeps 600 MB; 400 MB gives
// 400 + 320 = 720; 1,000 MB gives 1,000 + 500 = 1,500.
func TestIngestLimit(t *testing.T) {
	const mb = 1 << 20
	for b, want := range map[int64]int64{100 * mb: 600 * mb, 400 * mb: 720 * mb, 1000 * mb: 1500 * mb} {
		if got := ingestLimit(b); got != want {
			t.Errorf("ingestLimit(%d MB) = %d MB, want %d MB", b/mb, got/mb, want/mb)
		}
	}
}

// TestPubIndexProbing: publications forced onto a few hashes (the same place with the same or
// another tag, neighbouring places, the table's last place that wraps to its first) are kept
// apart by their bytes; the index answers as a map with the first family winning, over 3,000
// random adds.
func TestPubIndexProbing(t *testing.T) {
	x := newPubIndex(4000)
	last := uint64(len(x.slots) - 1)
	hashes := []uint64{5, 5 | 7<<32, 6, 6 | 7<<32, last, last | 9<<32, 0, 1 << 32}
	rng := rand.New(rand.NewPCG(1, 2))
	want := map[string]string{}
	hashOf := map[string]uint64{}
	for i := range 3000 {
		pub := fmt.Sprintf("P%d", rng.IntN(1500))
		if _, ok := hashOf[pub]; !ok {
			hashOf[pub] = hashes[rng.IntN(len(hashes))]
		}
		fam := fmt.Sprintf("F%d", i)
		got, dup := x.addHash(pub, fam, hashOf[pub])
		w, had := want[pub]
		if !had {
			want[pub], w = fam, fam
		}
		if got != w || dup != had {
			t.Fatalf("add %d (%s) = %q %v, want %q %v", i, pub, got, dup, w, had)
		}
	}
	if x.len() != len(want) {
		t.Fatalf("len %d, want %d", x.len(), len(want))
	}
	for pub, w := range want {
		if f, ok, _ := x.find(pub, hashOf[pub]); !ok || f != w {
			t.Errorf("find %s = %q %v, want %q", pub, f, ok, w)
		}
	}
	if _, ok, _ := x.find("P-none", 5); ok {
		t.Error("found a publication never added")
	}
}

// TestPubIndexGrows: an index reserved for nothing takes 20,000 publications, its table doubling
// as it fills past three quarters, and keeps every one with its family.
func TestPubIndexGrows(t *testing.T) {
	for n, want := range map[int]int{0: 8, 6: 8, 7: 16, 12: 16, 13: 32, 1 << 20: 2 << 20} {
		if got := slotsFor(n); got != want {
			t.Errorf("slotsFor(%d) = %d, want %d", n, got, want)
		}
	}
	x := newPubIndex(0)
	for i := range 20000 {
		x.put(fmt.Sprintf("EP%07dA1", i), fmt.Sprintf("F%d", i/3))
		if 4*x.len() > 3*len(x.slots) {
			t.Fatalf("%d entries in %d slots", x.len(), len(x.slots))
		}
	}
	if len(x.slots) != 32768 {
		t.Errorf("%d slots for 20,000 entries, want 32768", len(x.slots))
	}
	for i := range 20000 {
		if f, ok := x.lookup(fmt.Sprintf("EP%07dA1", i)); !ok || f != fmt.Sprintf("F%d", i/3) {
			t.Fatalf("get %d = %q %v", i, f, ok)
		}
	}
}
